"""Adaptive Card actions by verb, from an invoke (Action.Execute) or an Action.Submit."""

from __future__ import annotations

from handlers import items, questions
from handlers.context import CardAction, Reply, Requester
from minutes.answer import QuestionEngine
from storage.engine import Database

UNKNOWN_ACTION = "Den handling kender jeg ikke. Kortet er måske forældet; spørg igen."


def _item_id(action: CardAction) -> int | None:
    value = action.data.get("item_id")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


async def handle_action(
    requester: Requester, action: CardAction, *, db: Database, questions_engine: QuestionEngine
) -> Reply:
    item_id = _item_id(action)
    if action.verb == "item.show" and item_id is not None:
        return await items.show_item(db, requester, item_id=item_id)
    if action.verb == "item.answer" and item_id is not None:
        return await questions.item_reply(db, requester, item_id=item_id)
    return Reply(text=UNKNOWN_ACTION)
