"""Shared by the question tests: the five seeds ingested once per module, and a checker."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from minutes.answer import Answer, QuestionEngine
from minutes.ingest import ingest_paths
from storage.engine import Database
from tests.conftest import SEEDS

DEV_QUESTIONS = Path(__file__).resolve().parents[2] / "shared" / "dev_questions.json"
TODAY = dt.date(2026, 1, 15)


def dev_cases() -> list[dict[str, Any]]:
    if not DEV_QUESTIONS.is_file():
        return []
    cases: list[dict[str, Any]] = json.loads(DEV_QUESTIONS.read_text("utf-8"))["cases"]
    return cases


def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("00[0-4]_*.txt"))
    if len(paths) < 5:
        pytest.skip(f"the five seeds are not in {SEEDS}")
    return paths


def _ingest(url: str, paths: list[Path]) -> None:
    async def run() -> None:
        db = Database(url)
        await db.upgrade()
        try:
            reports = await ingest_paths(db, paths)
            assert not [r for r in reports if r.failed], [r.error for r in reports]
        finally:
            await db.dispose()

    asyncio.run(run())


@pytest.fixture(scope="module")
def seeded_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file with the five seeds ingested (once per test module)."""
    paths = seed_paths()
    url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'referatbot.db'}"
    _ingest(url, paths)
    return url


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def engine(seeded_url: str) -> AsyncIterator[QuestionEngine]:
    db = Database(seeded_url)
    try:
        yield QuestionEngine(db)
    finally:
        await db.dispose()


def is_right(case: dict[str, Any], answer: Answer, *, exact_case: bool = False) -> bool:
    """The dev-set rule: right document and item, a `must` phrase in the text or first quote;
    a case without a seed must be declined."""
    if case["seed"] is None:
        return not answer.answered and not answer.citations
    if not answer.answered or not answer.citations:
        return False
    first = answer.citations[0]
    if not first.document.startswith(case["seed"]):
        return False
    if case["item"] is not None and first.item_number != case["item"]:
        return False
    haystack = f"{answer.text}\n{first.quote}"
    if exact_case:
        return any(m in haystack for m in case["must"])
    return any(m.lower() in haystack.lower() for m in case["must"])


async def score_cases(engine: QuestionEngine, cases: list[tuple[str, str | None, int | None,
                                                          tuple[str, ...]]],
                 label: str) -> tuple[float, int, list[str]]:
    """Run ``cases`` (question, seed, item, must) and print the score; returns accuracy,
    unanswerable questions answered, and the wrong answers."""
    wrong: list[str] = []
    declined_answerable = 0
    answered_unanswerable = 0
    for question, seed, item, must in cases:
        case = {"q": question, "seed": seed, "item": item, "must": list(must)}
        answer = await engine.answer(question, today=TODAY)
        if not is_right(case, answer):
            wrong.append(f"{question} -> {answer.text[:160]!r}")
            declined_answerable += seed is not None and not answer.answered
            answered_unanswerable += seed is None and answer.answered
    accuracy = 1 - len(wrong) / len(cases)
    print(f"{label}: {len(cases) - len(wrong)}/{len(cases)} right ({accuracy:.0%}), "
          f"{declined_answerable} answerable declined, {answered_unanswerable} unanswerable "
          "answered")
    for line in wrong:
        print("  wrong:", line)
    return accuracy, answered_unanswerable, wrong
