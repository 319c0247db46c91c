"""Benchmark: question messages through POST /api/messages (the real aiohttp server, the
fake Bot Connector receiving the replies), beside a plain echo bot on the same stack in
the same run. Prints messages/s and p50/p95 latency, and the ratio to the echo bot.

    .venv/bin/python bench/http_endpoint.py [--requests 400] [--concurrency 8]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import json
import statistics
import tempfile
import time

import aiohttp  # noqa: E402
from aiohttp.test_utils import TestServer  # noqa: E402
from botbuilder.core import ActivityHandler, TurnContext  # noqa: E402

from bot.app import create_app  # noqa: E402
from bot.cli import sample_minutes  # noqa: E402
from bot.keys import BOT  # noqa: E402
from bot.settings import Settings  # noqa: E402
from minutes.ingest import ingest_paths  # noqa: E402
from storage.engine import Database  # noqa: E402
from tests.botharness import activity  # noqa: E402
from tests.fake_connector import FakeConnector  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
FALLBACK_QUESTIONS = [
    "Hvad besluttede udvalget om dialogmødet på Havnens Skole?",
    "Hvor meget blev budgettet overskredet?",
    "Hvornår er der høringsfrist?",
    "Hvad blev besluttet om normeringen i dagtilbud?",
]


class EchoBot(ActivityHandler):  # type: ignore[misc]
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(f"Du skrev: {turn_context.activity.text}")


def questions() -> list[str]:
    path = SHARED / "dev_questions.json"
    if path.exists():
        return [c["q"] for c in json.loads(path.read_text(encoding="utf-8"))["cases"]]
    return FALLBACK_QUESTIONS


async def run(url: str, connector: FakeConnector, texts: list[str], total: int,
              concurrency: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(texts[i % len(texts)])

    async def worker(http: aiohttp.ClientSession) -> None:
        while not queue.empty():
            text = queue.get_nowait()
            body = activity("message", service_url=connector.url, text=text)
            start = time.perf_counter()
            async with http.post(url, json=body) as resp:
                await resp.read()
                assert resp.status in (200, 201), resp.status
            latencies.append(time.perf_counter() - start)

    async with aiohttp.ClientSession() as http:
        start = time.perf_counter()
        await asyncio.gather(*(worker(http) for _ in range(concurrency)))
        return time.perf_counter() - start, latencies


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1] * 1000


async def measure(settings: Settings, *, echo: bool, total: int, concurrency: int,
                  texts: list[str]) -> tuple[float, float, float]:
    connector = await FakeConnector().start()
    app = create_app(settings)
    if echo:
        app[BOT] = EchoBot()
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        url = str(server.make_url("/api/messages"))
        await run(url, connector, texts, min(20, total), concurrency)  # warm-up (index build)
        elapsed, latencies = await run(url, connector, texts, total, concurrency)
    finally:
        await server.close()
        await connector.close()
    return total / elapsed, pct(latencies, 50), pct(latencies, 95)


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--concurrency", type=int, default=8)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        db = Database(url)
        await db.upgrade()
        seeds = sorted((SHARED / "seeds").glob("*.txt"))
        await ingest_paths(db, [*seeds, *sample_minutes()])
        await db.dispose()
        settings = Settings(database_url=url, dev=True, tick_seconds=0, log_level="WARNING")
        texts = questions()
        rows = []
        for name, echo in (("echo bot", True), ("questions", False)):
            rows.append((name, *await measure(settings, echo=echo, total=args.requests,
                                              concurrency=args.concurrency, texts=texts)))
    print(f"{args.requests} messages, {args.concurrency} concurrent clients, SQLite, "
          f"{len(seeds)} seeds + samples")
    print(f"{'bot':10} {'msg/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for name, rate, p50, p95 in rows:
        print(f"{name:10} {rate:8.1f} {p50:8.1f} {p95:8.1f}")
    print(f"questions / echo throughput ratio: {rows[1][1] / rows[0][1]:.2f} (aim >= 0.5)")


if __name__ == "__main__":
    asyncio.run(main())
