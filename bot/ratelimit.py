"""Teams' limits for a bot, kept per replica: per conversation 7 messages a second and
60 per 30 seconds, and an overall cap for the app. Sliding windows; ``acquire`` waits."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Window:
    count: int
    seconds: float


PER_CONVERSATION = (Window(7, 1.0), Window(60, 30.0), Window(1800, 3600.0))
GLOBAL = (Window(50, 1.0),)


class _Log:
    """Send times in one scope, checked against its windows."""

    def __init__(self, windows: tuple[Window, ...]) -> None:
        self.windows = windows
        self.times: deque[float] = deque()

    def wait_needed(self, now: float) -> float:
        longest = max(w.seconds for w in self.windows)
        while self.times and now - self.times[0] >= longest:
            self.times.popleft()
        wait = 0.0
        for w in self.windows:
            recent = [t for t in self.times if now - t < w.seconds]
            if len(recent) >= w.count:
                wait = max(wait, recent[-w.count] + w.seconds - now)
        return wait


class RateLimiter:
    def __init__(
        self,
        *,
        per_conversation: tuple[Window, ...] = PER_CONVERSATION,
        overall: tuple[Window, ...] = GLOBAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._per = per_conversation
        self._logs: defaultdict[str, _Log] = defaultdict(lambda: _Log(self._per))
        self._global = _Log(overall)
        self._clock = clock
        self._lock = asyncio.Lock()

    async def acquire(self, conversation_id: str) -> None:
        """Wait until one more message to ``conversation_id`` is within every limit."""
        while True:
            async with self._lock:
                now = self._clock()
                log = self._logs[conversation_id]
                wait = max(log.wait_needed(now), self._global.wait_needed(now))
                if wait <= 0:
                    log.times.append(now)
                    self._global.times.append(now)
                    return
            await asyncio.sleep(wait)
