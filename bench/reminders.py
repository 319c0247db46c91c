"""Benchmark: many reminders due at once, two ``referatbot serve`` replicas on one PostgreSQL,
one of them killed with SIGKILL mid-run, against a fake Bot Connector that enforces Teams'
limits with 429s (per conversation 7/s and 60/30 s; 50/s for the whole app).

    .venv/bin/python bench/reminders.py [--database-url postgresql://postgres@127.0.0.1/test]
        [--reminders 2000] [--conversations 200] [--kill-at 0.3]

Prints delivered, duplicates, lost, sends in flight on the killed replica at the kill, and
the total time as a ratio of the minimum the limits allow (reminders / 50 per second).
A fresh database is created for the run and dropped afterwards.
"""

from __future__ import annotations

# ruff: noqa: E402  (bench/ must leave the import path before anything is imported)
import sys
from pathlib import Path

# bench/ holds scripts named like stdlib modules (http.py): keep it off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import signal
import socket
import subprocess
import time
import uuid
from collections import defaultdict, deque
from dataclasses import dataclass, field

import aiohttp
import sqlalchemy as sa
from aiohttp import web
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storage.engine import Database  # noqa: E402
from storage.models import Conversation, Outbound, OutboundStatus, utcnow  # noqa: E402
from storage.outbox import enqueue  # noqa: E402

PER_CONVERSATION = ((7, 1.0), (60, 30.0))
OVERALL = ((50, 1.0),)


class Windows:
    """Sliding windows of accepted sends; ``wait`` is how long until one more fits."""

    def __init__(self, limits: tuple[tuple[int, float], ...]) -> None:
        self.limits = limits
        self.times: deque[float] = deque()

    def wait(self, now: float) -> float:
        longest = max(s for _, s in self.limits)
        while self.times and now - self.times[0] >= longest:
            self.times.popleft()
        needed = 0.0
        for count, seconds in self.limits:
            recent = [t for t in self.times if now - t < seconds]
            if len(recent) >= count:
                needed = max(needed, recent[-count] + seconds - now)
        return needed


@dataclass
class LimitedConnector:
    """Accepts a send only within every window; otherwise 429 with Retry-After."""

    delivered: list[tuple[str, float]] = field(default_factory=list)
    throttled: int = 0
    per_conversation: defaultdict[str, Windows] = field(
        default_factory=lambda: defaultdict(lambda: Windows(PER_CONVERSATION)))
    overall: Windows = field(default_factory=lambda: Windows(OVERALL))

    async def send(self, request: web.Request) -> web.Response:
        body = await request.json()
        now = time.monotonic()
        conv = self.per_conversation[request.match_info["conversation_id"]]
        wait = max(conv.wait(now), self.overall.wait(now))
        if wait > 0:
            self.throttled += 1
            return web.json_response({"error": {"code": "Throttled"}}, status=429,
                                     headers={"Retry-After": f"{wait:.3f}"})
        conv.times.append(now)
        self.overall.times.append(now)
        self.delivered.append((str(body.get("text")), now))
        return web.json_response({"id": uuid.uuid4().hex[:12]})

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation_id}/activities", self.send)
        app.router.add_post("/v3/conversations/{conversation_id}/activities/{activity_id}",
                            self.send)
        return app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def reference(conversation_id: str, service_url: str) -> dict[str, object]:
    return {"activityId": None, "bot": {"id": "28:referatbot", "name": "Referatbot"},
            "user": {"id": "29:someone"}, "channelId": "msteams", "serviceUrl": service_url,
            "conversation": {"id": conversation_id, "conversationType": "channel",
                             "tenantId": "bench"}}


async def create_database(admin_url: str) -> str:
    name = f"bench_{uuid.uuid4().hex[:8]}"
    admin = Database(admin_url)
    async with admin.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


async def drop_database(admin_url: str, url: str) -> None:
    name = make_url(url).database
    admin = Database(admin_url)
    async with admin.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


def start_replica(url: str, port: int, env_extra: dict[str, str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "REFERATBOT_DATABASE_URL": url, "REFERATBOT_TICK_SECONDS": "0.2",
           "REFERATBOT_LOG_LEVEL": "WARNING", **env_extra}
    exe = ROOT / ".venv" / "bin" / "referatbot"
    return subprocess.Popen([str(exe), "serve", "--dev", "--port", str(port)], env=env,
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def wait_healthy(http: aiohttp.ClientSession, port: int, within: float = 30) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                if resp.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError(f"replica on port {port} did not become healthy")


async def run(args: argparse.Namespace) -> dict[str, object]:
    url = await create_database(args.database_url)
    db = Database(url)
    connector = LimitedConnector()
    runner = web.AppRunner(connector.app())
    await runner.setup()
    connector_port = free_port()
    await web.TCPSite(runner, "127.0.0.1", connector_port).start()
    service_url = f"http://127.0.0.1:{connector_port}"
    replicas: list[subprocess.Popen[bytes]] = []
    try:
        await db.upgrade()
        conversations = [f"19:bench-{i}@thread.tacv2" for i in range(args.conversations)]
        async with db.transaction() as s:
            s.add_all(Conversation(conversation_id=c, conversation_type="channel",
                                   tenant_id="bench",
                                   reference=json.dumps(reference(c, service_url)))
                      for c in conversations)
        env_extra = dict(kv.split("=", 1) for kv in args.env)
        ports = [free_port(), free_port()]
        replicas = [start_replica(url, p, env_extra) for p in ports]
        async with aiohttp.ClientSession() as http:
            for p in ports:
                await wait_healthy(http, p)
        keys: list[str] = []
        due = utcnow()
        async with db.transaction() as s:
            for n in range(args.reminders):
                key = f"bench:{n}"
                keys.append(key)
                await enqueue(s, key=key, kind="reminder", payload={"text": key, "card": None},
                              due_at=due, conversation_id=conversations[n % len(conversations)])
        started = time.monotonic()
        victim = replicas[0]
        in_flight = -1
        killed_at = None
        deadline = started + args.timeout
        while time.monotonic() < deadline:
            unique = {k for k, _ in connector.delivered}
            if killed_at is None and len(unique) >= args.kill_at * args.reminders:
                victim.send_signal(signal.SIGKILL)
                victim.wait()
                killed_at = time.monotonic() - started
                seen = {k for k, _ in connector.delivered}
                async with db.sessions() as s:
                    claimed = (await s.scalars(sa.select(Outbound.key).where(
                        Outbound.status == OutboundStatus.SENDING.value,
                        Outbound.claimed_by.contains(f"-{victim.pid}-")))).all()  # type: ignore[union-attr]
                in_flight = len(set(claimed) & seen)
            if len(unique) >= args.reminders:
                break
            await asyncio.sleep(0.05)
        first_seen: dict[str, float] = {}
        for key, at in connector.delivered:
            first_seen.setdefault(key, at)
        finished = max(first_seen.values()) - started if first_seen else float("nan")
        counts: defaultdict[str, int] = defaultdict(int)
        for key, _ in connector.delivered:
            counts[key] += 1
        async with db.sessions() as s:
            failed = await s.scalar(sa.select(sa.func.count()).select_from(Outbound).where(
                Outbound.status == OutboundStatus.FAILED.value))
        minimum = args.reminders / OVERALL[0][0]
        return {
            "reminders": args.reminders, "conversations": args.conversations,
            "delivered": len(first_seen),
            "duplicates": sum(c - 1 for c in counts.values()),
            "lost": sum(1 for k in keys if k not in first_seen),
            "in_flight_at_kill": in_flight, "killed_at_s": round(killed_at or -1, 2),
            "failed_rows": failed, "throttled_429": connector.throttled,
            "total_s": round(finished, 2), "minimum_s": round(minimum, 2),
            "ratio": round(finished / minimum, 3),
        }
    finally:
        for proc in replicas:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        await runner.cleanup()
        await db.dispose()
        await drop_database(args.database_url, url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get(
        "REFERATBOT_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--reminders", type=int, default=2000)
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--kill-at", type=float, default=0.3,
                        help="Kill one replica when this share is delivered.")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--env", action="append", default=[],
                        help="Extra KEY=VALUE settings for the replicas.")
    result = asyncio.run(run(parser.parse_args()))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
