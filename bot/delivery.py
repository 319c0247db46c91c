"""Deliver the outbox: claim what is due, send it within Teams' limits, retry or fail.

APScheduler (3.x, ``AsyncIOScheduler``) only ticks; every tick calls
:meth:`Delivery.deliver_due`, which claims due rows from the database, so two
replicas never both send one message. Throttling (429) and server errors are
retried, honouring ``Retry-After``: short waits in process, longer ones back in
the outbox; a message that keeps failing ends as ``failed``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import socket
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.messenger import Messenger, SendError
from storage.engine import Database
from storage.models import Outbound, OutboundStatus, utcnow
from storage.outbox import (
    LEASE,
    by_key,
    claim_due,
    extend_leases,
    mark_cancelled,
    mark_failed,
    mark_retry,
    mark_sent,
    payload_of,
    postpone,
)

log = logging.getLogger(__name__)

IN_PROCESS_RETRIES = 4
MAX_IN_PROCESS_WAIT = 10.0
WAIT_FOR_ORIGINAL = dt.timedelta(seconds=5)


def worker_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


@dataclass
class DeliveryStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0


@dataclass
class Delivery:
    db: Database
    messenger: Messenger
    clock: Callable[[], dt.datetime] = utcnow
    worker: str = field(default_factory=worker_name)
    batch: int = 200
    lease: dt.timedelta = LEASE
    _running: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def deliver_due(self) -> DeliveryStats:
        """Claim and send everything due now; loops while there is more."""
        stats = DeliveryStats()
        if self._running.locked():
            return stats  # the previous tick is still delivering
        async with self._running:
            while True:
                async with self.db.transaction() as session:
                    rows = await claim_due(session, worker=self.worker, now=self.clock(),
                                           limit=self.batch, lease=self.lease)
                if not rows:
                    return stats
                by_conversation: defaultdict[str, list[Outbound]] = defaultdict(list)
                for row in rows:
                    group_key = row.conversation_id or f"user:{row.user_aad_object_id}"
                    by_conversation[group_key].append(row)
                renewing = asyncio.create_task(self._renew_leases())
                try:
                    await asyncio.gather(*(self._send_in_order(group, stats)
                                           for group in by_conversation.values()))
                finally:
                    renewing.cancel()

    async def _renew_leases(self) -> None:
        """While a batch is being sent, extend its leases every third of the lease."""
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            async with self.db.transaction() as session:
                await extend_leases(session, worker=self.worker, until=self.clock() + self.lease)

    async def _send_in_order(self, rows: list[Outbound], stats: DeliveryStats) -> None:
        for row in rows:
            await self._send_one(row, stats)

    async def _original(self, row: Outbound) -> tuple[bool, str | None]:
        """For an update (payload ``update_of``: the key of the message to replace): whether
        to send now, and the activity id to replace. Not sent yet: postponed; never sent:
        cancelled (there is nothing to update)."""
        key = payload_of(row).get("update_of")
        if not isinstance(key, str):
            return True, None
        assert row.id is not None
        async with self.db.transaction() as session:
            original = await by_key(session, key=key)
            if original is not None and original.status == OutboundStatus.SENT.value \
                    and original.activity_id:
                return True, original.activity_id
            if original is not None and original.status in (OutboundStatus.PENDING.value,
                                                             OutboundStatus.SENDING.value):
                until = self.clock() + WAIT_FOR_ORIGINAL
                await postpone(session, row_id=row.id, worker=self.worker, until=until)
            else:
                await mark_cancelled(session, row_id=row.id, worker=self.worker,
                                     reason=f"the message to update ({key}) was never sent")
        return False, None

    async def _send_one(self, row: Outbound, stats: DeliveryStats) -> None:
        assert row.id is not None
        ready, replace = await self._original(row)
        if not ready:
            return
        error: SendError | None = None
        for attempt in range(IN_PROCESS_RETRIES):
            try:
                activity_id = await self.messenger.send(row, replace=replace)
            except SendError as exc:
                error = exc
                if exc.permanent or exc.retry_after is None:
                    break
                wait = exc.retry_after or min(2.0 ** attempt * 0.5, MAX_IN_PROCESS_WAIT)
                if wait > MAX_IN_PROCESS_WAIT:
                    break
                stats.retried += 1
                await asyncio.sleep(wait)
                continue
            async with self.db.transaction() as session:
                await mark_sent(session, row_id=row.id, worker=self.worker,
                                activity_id=activity_id)
            stats.sent += 1
            return
        assert error is not None
        async with self.db.transaction() as session:
            if error.permanent:
                await mark_failed(session, row_id=row.id, worker=self.worker, error=str(error))
                status = OutboundStatus.FAILED
            else:
                delay = error.retry_after or 2.0 ** min(row.attempts, 8)
                status = await mark_retry(session, row=row, worker=self.worker, error=str(error),
                                          retry_at=self.clock() + dt.timedelta(seconds=delay))
        if status is OutboundStatus.FAILED:
            stats.failed += 1
            log.warning("outbound %s (%s) failed: %s", row.id, row.kind, error)

    def schedule(self, scheduler: AsyncIOScheduler, *, seconds: float = 5.0) -> None:
        scheduler.add_job(self.deliver_due, "interval", seconds=seconds, id="deliver-outbox",
                          max_instances=1, coalesce=True, replace_existing=True)
