"""Every development question (../shared/dev_questions.json) over the five seeds."""

from __future__ import annotations

from typing import Any

import pytest

from minutes.answer import QuestionEngine
from tests.questions_support import TODAY, dev_cases, engine, is_right, seeded_url

__all__ = ["engine", "seeded_url"]  # fixtures

@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("case", dev_cases(), ids=lambda c: str(c["id"]))
async def test_dev_question(engine: QuestionEngine, case: dict[str, Any]) -> None:
    answer = await engine.answer(case["q"], today=TODAY)
    assert is_right(case, answer, exact_case=True), answer.text
    if case["seed"] is None:
        assert answer.text.startswith("Jeg fandt intet i referaterne")
    else:
        payload = answer.to_json()
        assert set(payload) == {"answered", "text", "citations"}
        assert set(payload["citations"][0]) == {
            "document", "municipality", "committee", "meeting_date", "item_number",
            "item_title", "section", "quote",
        }


def test_dev_questions_are_there() -> None:
    if not dev_cases():
        pytest.skip("../shared/dev_questions.json not found")
    assert len(dev_cases()) >= 15
