"""Every card template renders to a card valid against the Adaptive Card 1.5 schema."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema
import pytest

from handlers.cards import render_card
from tests.conftest import REPO

SCHEMA = REPO.parent / "shared" / "schemas" / "adaptive-card-1.5.json"


@cache
def _validator() -> jsonschema.Draft6Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema)


def assert_valid_card(card: dict[str, Any]) -> None:
    """Valid against the official schema, version 1.5, with a fallback text."""
    if not SCHEMA.exists():
        pytest.skip(f"schema not found at {SCHEMA}")
    errors = sorted(_validator().iter_errors(card), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert card["version"] == "1.5"
    assert card.get("fallbackText")
    assert "${" not in json.dumps(card, ensure_ascii=False), "unfilled template expression"
    assert len(json.dumps(card, ensure_ascii=False).encode()) < 28_000, "over Teams' card limit"


def test_schema_rejects_a_broken_card() -> None:
    if not SCHEMA.exists():
        pytest.skip("schema missing")
    assert list(_validator().iter_errors({"type": "AdaptiveCard", "version": "1.5",
                                          "body": [{"type": "TextBlock"}]}))


def test_help_card() -> None:
    card = render_card("help", {"title": "Hej", "meetings": 3,
                                "commands": [{"command": "hjælp", "description": "x"}],
                                "committee_line": None})
    assert_valid_card(card)
    assert card["body"][2]["facts"] == [{"title": "hjælp", "value": "x"}]
    assert len(card["body"]) == 3, "$when drops the empty committee line"


def test_answer_card_with_and_without_alternatives() -> None:
    base = {"heading": "Punkt 1: X", "meta": "Udvalg · 2. marts 2020", "text": "Svar",
            "quote": "Godkendt.", "source": "Beslutning, punkt 1", "item_id": 7,
            "question": "Hvad?", "fallback": "Svar"}
    with_alt = render_card("answer", {**base, "alternatives": [{"label": "Punkt 2: Y",
                                                                "item_id": 8}]})
    assert_valid_card(with_alt)
    submit = with_alt["body"][-1]["items"][1]["actions"][0]
    assert submit["data"] == {"verb": "item.answer", "item_id": 8, "question": "Hvad?"}
    without = render_card("answer", {**base, "alternatives": [], "item_id": None, "quote": None})
    assert_valid_card(without)
    assert without["actions"] == []


def test_item_and_notice_cards() -> None:
    assert_valid_card(render_card("item", {"heading": "Punkt 1", "meta": "m", "fallback": "f",
                                           "sections": [{"title": "Beslutning", "text": "Ok"}],
                                           "note": None}))
    assert_valid_card(render_card("notice", {"title": None, "text": "Hej"}))
