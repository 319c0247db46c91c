"""Events found in ingested minutes become suggestions, and the secretary hears of them.

Who is told, when minutes are ingested (the suggestions still to come, judged against the
``now`` the ingest passes; history is never suggested, see :func:`minutes.events.is_history`):

1. each secretary of the committee the bot can reach 1:1 (a personal chat with the bot, or a
   Teams id from the roster), in that chat;
2. when no secretary is reachable, the committee's channel(s) instead;
3. when neither exists, nobody yet: the suggestions wait. A secretary who later installs the
   bot in a personal chat gets them there at once, and »forslag« always lists them.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from handlers.context import Reply, Requester
from handlers.event_cards import suggestions_reply
from handlers.event_schedule import local_today, starts_at
from minutes.events import events_in_document, is_history, rules_in_document
from minutes.model import ParsedDocument
from storage import events_repo as repo
from storage.conversations_repo import committee_conversations
from storage.engine import Database
from storage.members_repo import reachable_in_chat
from storage.models import Document, Event, EventRule, EventStatus, Role, utcnow
from storage.outbox import enqueue

CHANNEL_NOTE = "Sekretæren kan bekræfte dem her eller skrive »forslag« til mig."


async def on_document_saved(
    session: AsyncSession, *, document_id: int, file_name: str, parsed: ParsedDocument,
    now: dt.datetime | None = None,
) -> list[Event]:
    """Ingest hook: store the document's events and yearly rules as suggestions and tell
    the committee's secretary of those still to come. ``now`` is the ingest's clock (the
    real one when left out)."""
    now = now or utcnow()
    committee_id = await session.scalar(
        sa.select(col(Document.committee_id)).where(col(Document.id) == document_id))
    added = await repo.add_found(session, found=events_in_document(parsed),
                                 committee_id=committee_id, document_id=document_id,
                                 file_name=file_name)
    rules = await repo.add_found_rules(session, found=rules_in_document(parsed),
                                       committee_id=committee_id, file_name=file_name)
    coming = [e for e in added if starts_at(e) > now and not is_history(
        e.date, reference=parsed.meeting_date, sentence=e.quote or "")]
    if committee_id is not None and (coming or rules):
        await notify_secretaries(session, committee_id=committee_id, key=f"suggest:{document_id}",
                                 events=coming, rules=rules, file_name=file_name, now=now)
    return added


async def notify_secretaries(
    session: AsyncSession, *, committee_id: int, key: str, events: list[Event],
    rules: list[EventRule], file_name: str, now: dt.datetime,
) -> int:
    """Queue the notice: 1:1 to each reachable secretary, else to the committee's channels.
    Returns how many messages were queued."""
    heading = f"Nye forslag til påmindelser fra {file_name}"
    secretaries = await reachable_in_chat(session, committee_id=committee_id,
                                          roles=[Role.SECRETARY])
    if secretaries:
        reply = suggestions_reply(events, rules, heading=heading)
        payload = {"text": reply.text, "card": reply.card}
        return sum([await enqueue(session, key=f"{key}:{aad}", kind="event.suggestions",
                                  payload=payload, due_at=now, user_aad_object_id=aad)
                    for aad in secretaries])
    channels = [c.conversation_id
                for c in await committee_conversations(session, committee_id=committee_id)
                if c.conversation_type != "personal"]
    reply = suggestions_reply(events, rules, heading=heading, note=CHANNEL_NOTE)
    payload = {"text": reply.text, "card": reply.card}
    return sum([await enqueue(session, key=f"{key}:c:{conversation_id}",
                              kind="event.suggestions", payload=payload, due_at=now,
                              conversation_id=conversation_id)
                for conversation_id in channels])


async def pending(session: AsyncSession, committee_ids: list[int], *,
                  now: dt.datetime) -> tuple[list[Event], list[EventRule]]:
    """The suggestions waiting for these committees: events to come (not history) and
    yearly rules not yet decided."""
    events = await repo.pending_suggestions(session, committee_ids=committee_ids,
                                            today=local_today(now))
    rules = [r for cid in committee_ids for r in await repo.list_rules(session, committee_id=cid)
             if r.status == EventStatus.SUGGESTED.value]
    return events, rules


async def for_new_chat(db: Database, requester: Requester, *, now: dt.datetime) -> Reply | None:
    """When a secretary first opens a personal chat with the bot: what waits for them."""
    if not requester.aad_object_id:
        return None
    async with db.sessions() as session:
        committee_ids = await repo.secretary_committees(session,
                                                        aad_object_id=requester.aad_object_id)
        events, rules = await pending(session, committee_ids, now=now)
    if not (events or rules):
        return None
    return suggestions_reply(events, rules, heading="Forslag til påmindelser, der venter på dig")
