"""Benchmark: the approval storm through the HTTP endpoint, on SQLite and PostgreSQL.

N participants each click »Godkend« C times, all at once (``adaptiveCard/action``
invokes to the real aiohttp bot, ``/api/messages``). The baseline, measured in the same
run against the same bot and database, is the same number of concurrent ``item.show``
invokes (a read-only card action), so the ratio is what locking, recording and
auditing an answer cost on top of an ordinary card action.

    .venv/bin/python bench/approvals.py [--participants 50] [--clicks 4] [--repeat 3]
        [--pg postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

# the repository instead of bench/ itself: bench/http.py would shadow the standard library
sys.path[0] = str(Path(__file__).resolve().parents[1])

import sqlalchemy as sa  # noqa: E402
from sqlmodel import col  # noqa: E402

from bot.settings import Settings  # noqa: E402
from storage.engine import Database  # noqa: E402
from storage.models import AgendaItem, ApprovalParticipant  # noqa: E402
from tests import test_approvals_e2e as e2e  # noqa: E402
from tests.botharness import CHANNEL, BotHarness, running_bot  # noqa: E402


async def _timed(call: Callable[[], Awaitable[Any]]) -> float:
    start = time.perf_counter()
    await call()
    return time.perf_counter() - start


async def _burst(calls: list[Callable[[], Awaitable[Any]]]) -> tuple[float, list[float]]:
    start = time.perf_counter()
    latencies = await asyncio.gather(*(_timed(c) for c in calls))
    return time.perf_counter() - start, list(latencies)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


async def _invoke(harness: BotHarness, verb: str, data: dict[str, Any], user: Any) -> None:
    status, body = await harness.invoke(verb, data, user=user, conversation=CHANNEL)
    assert status == 200 and body["statusCode"] == 200, body


async def _first_item_id(url: str) -> int:
    db = Database(url)
    try:
        async with db.sessions() as s:
            item_id = await s.scalar(sa.select(sa.func.min(col(AgendaItem.id))))
    finally:
        await db.dispose()
    assert isinstance(item_id, int)
    return item_id


async def _answers(url: str) -> int:
    db = Database(url)
    try:
        async with db.sessions() as s:
            return int(await s.scalar(sa.select(sa.func.count()).select_from(ApprovalParticipant)
                                      .where(col(ApprovalParticipant.answer).is_not(None))) or 0)
    finally:
        await db.dispose()


async def one_run(kind: str, tmp: Path, participants: int, clicks: int) -> dict[str, Any]:
    people = [e2e.user(i) for i in range(1, participants + 1)]
    async with e2e.database_url(kind, tmp) as url, \
            running_bot(Settings(database_url=url, dev=True, tick_seconds=0,
                                 log_level="WARNING")) as harness:
        await e2e.seat_committee(harness, people)
        round_id = await e2e.open_round(harness, participants=people)
        item_id = await _first_item_id(url)
        baseline: list[Callable[[], Awaitable[Any]]] = [
            partial(_invoke, harness, "item.show", {"item_id": item_id}, p)
            for _ in range(clicks) for p in people]
        storm: list[Callable[[], Awaitable[Any]]] = [
            partial(_invoke, harness, "approval.approve", {"round_id": round_id}, p)
            for _ in range(clicks) for p in people]
        base_wall, base_lat = await _burst(baseline)
        storm_wall, storm_lat = await _burst(storm)
        answers = await _answers(url)
    assert answers == participants, f"{answers} answers, expected {participants}"
    return {"base_wall": base_wall, "base_lat": base_lat, "storm_wall": storm_wall,
            "storm_lat": storm_lat}


def _report(kind: str, runs: list[dict[str, Any]], n: int) -> None:
    def rate(key: str) -> float:
        return float(statistics.median(n / r[key] for r in runs))

    def p95(key: str) -> float:
        return statistics.median(_p95(r[key]) for r in runs) * 1000

    base_rate, storm_rate = rate("base_wall"), rate("storm_wall")
    for label, rate_, key in (("baseline item.show", base_rate, "base_lat"),
                              ("approval storm", storm_rate, "storm_lat")):
        print(f"{kind:10s} {label:19s}: {rate_:7.1f} invokes/s  p95 {p95(key):7.1f} ms")
    print(f"{kind:10s} ratio storm/baseline: throughput {storm_rate / base_rate:.2f}x, "
          f"p95 {p95('storm_lat') / p95('base_lat'):.2f}x")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--clicks", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pg", default=os.environ.get("REFERATBOT_TEST_DATABASE_URL", ""),
                        help="PostgreSQL server URL (a database is created and dropped per run)")
    args = parser.parse_args()
    e2e.PG_URL = args.pg
    n = args.participants * args.clicks
    print(f"{args.participants} participants x {args.clicks} clicks = {n} concurrent invokes "
          f"per burst, median of {args.repeat} runs")
    kinds = ["sqlite"] + (["postgresql"] if args.pg else [])
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            runs = [await one_run(kind, Path(tmp), args.participants, args.clicks)
                    for _ in range(args.repeat)]
            _report(kind, runs, n)
    if not args.pg:
        print("postgresql skipped: pass --pg or set REFERATBOT_TEST_DATABASE_URL")


if __name__ == "__main__":
    asyncio.run(main())
