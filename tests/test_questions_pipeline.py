"""Indexing many documents at once: a worker process analyses the next slice of documents
while the engine indexes the current one. The result must be the index built in one
process, and a worker that cannot run must not stop indexing."""

from __future__ import annotations

import os
from concurrent.futures import BrokenExecutor

import pytest

import minutes.answer as answer_module
from minutes.answer import QuestionEngine
from storage.engine import Database
from tests.questions_support import TODAY, seeded_url
from tests.test_questions_unseen import CASES

__all__ = ["seeded_url"]  # fixture

QUESTIONS = [question for question, *_ in CASES[::3]]


async def _answers(url: str) -> tuple[QuestionEngine, list[str]]:
    db = Database(url)
    engine = QuestionEngine(db)
    try:
        texts = [(await engine.answer(q, today=TODAY)).text for q in QUESTIONS]
    finally:
        await db.dispose()
    return engine, texts


def broken_worker(*args: object, **kwargs: object) -> object:
    raise BrokenExecutor("no worker")


def _same_index(a: QuestionEngine, b: QuestionEngine) -> None:
    assert a.index.unit_count == b.index.unit_count
    assert a.index._df == b.index._df
    assert a.index._field_len_sum == b.index._field_len_sum
    for term, postings in a.index._postings.items():
        other = b.index._postings[term]
        assert list(postings.ids) == list(other.ids), term
        assert list(postings.impacts) == list(other.impacts), term


@pytest.mark.asyncio
async def test_pipeline_builds_the_same_index(
    seeded_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the same slices both ways (field length averages grow slice by slice)
    monkeypatch.setattr(answer_module, "LOAD_DOCUMENTS", 2)  # three slices of the five seeds
    plain, plain_texts = await _answers(seeded_url)
    monkeypatch.setattr(answer_module, "PARALLEL_DOCUMENTS", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    piped, piped_texts = await _answers(seeded_url)
    _same_index(plain, piped)
    assert piped_texts == plain_texts


@pytest.mark.asyncio
async def test_pipeline_without_a_worker_analyses_here(
    seeded_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(answer_module, "LOAD_DOCUMENTS", 2)
    plain, _ = await _answers(seeded_url)
    monkeypatch.setattr(answer_module, "PARALLEL_DOCUMENTS", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(answer_module, "analyse_in_worker", broken_worker)  # fails in the worker
    piped, _ = await _answers(seeded_url)
    _same_index(plain, piped)
