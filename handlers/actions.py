"""Adaptive Card actions by verb, from an invoke (Action.Execute) or an Action.Submit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from handlers import approvals, items, questions, reminders
from handlers.context import CardAction, Reply, Requester
from minutes.answer import QuestionEngine
from storage.engine import Database
from storage.models import utcnow

UNKNOWN_ACTION = "Den handling kender jeg ikke. Kortet er måske forældet; spørg igen."


def _item_id(action: CardAction) -> int | None:
    value = action.data.get("item_id")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


async def handle_action(
    requester: Requester, action: CardAction, *, db: Database, questions_engine: QuestionEngine,
    clock: Callable[[], dt.datetime] = utcnow, public_url: str | None = None,
) -> Reply:
    if action.verb.startswith("event."):
        return await reminders.handle_event_action(db, requester, action, now=clock())
    if action.verb in approvals.VERBS:
        return await approvals.handle(db, requester, action, now=clock(),
                                      public_url=public_url)
    item_id = _item_id(action)
    if action.verb == "item.show" and item_id is not None:
        return await items.show_item(db, requester, item_id=item_id)
    if action.verb == "item.answer" and item_id is not None:
        return await questions.item_reply(db, requester, item_id=item_id)
    return Reply(text=UNKNOWN_ACTION)
