"""Queue proactive messages (reminders, notices) in the outbox; the bot's ticker sends them."""

from __future__ import annotations

import datetime as dt

from handlers.context import Reply
from storage.engine import Database
from storage.outbox import enqueue


async def queue_message(
    db: Database,
    *,
    key: str,
    kind: str,
    reply: Reply,
    due_at: dt.datetime,
    conversation_id: str | None = None,
    user_aad_object_id: str | None = None,
) -> bool:
    """Queue ``reply`` for a conversation or, 1:1, for a person. ``key`` makes it idempotent:
    the same key is queued once. True when it was added."""
    async with db.transaction() as session:
        return await enqueue(
            session, key=key, kind=kind, payload={"text": reply.text, "card": reply.card},
            due_at=due_at, conversation_id=conversation_id,
            user_aad_object_id=user_aad_object_id,
        )
