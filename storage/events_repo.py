"""Events, recurring rules, per-committee reminder settings and members' delivery choices."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from minutes.events import FoundEvent, FoundRule, is_history, months_text
from storage.models import (
    Committee,
    Event,
    EventRule,
    EventSettings,
    EventStatus,
    Meeting,
    Member,
    Outbound,
    OutboundStatus,
    ReminderDelivery,
    ReminderPreference,
    Role,
    utcnow,
)
from storage.outbox import cancel

ICAL_DOMAIN = "referatbot"


def new_uid() -> str:
    return f"{uuid.uuid4()}@{ICAL_DOMAIN}"


def time_text(value: dt.time | None) -> str | None:
    return f"{value.hour:02d}:{value.minute:02d}" if value is not None else None


def time_of(event: Event) -> dt.time | None:
    if not event.time:
        return None
    hour, minute = event.time.split(":")
    return dt.time(int(hour), int(minute))


def lead_days_of(text: str | None) -> list[int]:
    out = sorted({int(x) for x in (text or "").replace(" ", "").split(",") if x.isdigit()},
                 reverse=True)
    return out


def event_json(event: Event) -> dict[str, Any]:
    """The event as ``referatbot events --json`` prints it (DESIGN.md)."""
    source = ({"document": event.source_document, "item_number": event.item_number}
              if event.source_document else None)
    return {"id": event.id, "title": event.title, "kind": event.kind,
            "date": event.date.isoformat(), "time": event.time, "precision": event.precision,
            "status": event.status, "source": source}


# -- events --------------------------------------------------------------------------------


async def add_found(
    session: AsyncSession,
    *,
    found: Iterable[FoundEvent],
    committee_id: int | None,
    document_id: int | None,
    file_name: str,
) -> list[Event]:
    """Store events found in a document as suggestions; ones found before are kept as they
    are (a dismissed suggestion stays dismissed). Returns the new ones."""
    added: list[Event] = []
    for ev in found:
        fingerprint = f"doc:{file_name}:{ev.item_number}:{ev.date.isoformat()}:{ev.kind}"
        exists = await session.scalar(
            sa.select(col(Event.id)).where(col(Event.fingerprint) == fingerprint))
        if exists is not None:
            continue
        row = Event(uid=new_uid(), fingerprint=fingerprint, committee_id=committee_id,
                    title=ev.title, kind=ev.kind, date=ev.date, end_date=ev.end_date,
                    time=time_text(ev.time), precision=ev.precision.value,
                    status=EventStatus.SUGGESTED.value, document_id=document_id,
                    source_document=file_name, item_number=ev.item_number, quote=ev.quote)
        session.add(row)
        added.append(row)
    await session.flush()
    return added


async def add_found_rules(
    session: AsyncSession, *, found: Iterable[FoundRule], committee_id: int | None,
    file_name: str,
) -> list[EventRule]:
    added: list[EventRule] = []
    for rule in found:
        months = months_text(rule.parts)
        fingerprint = f"doc:{file_name}:{rule.item_number}:{months}:{rule.title[:60]}"
        exists = await session.scalar(
            sa.select(col(EventRule.id)).where(col(EventRule.fingerprint) == fingerprint))
        if exists is not None:
            continue
        row = EventRule(fingerprint=fingerprint, committee_id=committee_id, title=rule.title,
                        kind=rule.kind, months=months, source_document=file_name,
                        item_number=rule.item_number, quote=rule.quote)
        session.add(row)
        added.append(row)
    await session.flush()
    return added


async def create_event(
    session: AsyncSession,
    *,
    title: str,
    kind: str,
    date: dt.date,
    committee_id: int | None,
    precision: str = "day",
    time: dt.time | None = None,
    end_date: dt.date | None = None,
    status: EventStatus = EventStatus.SUGGESTED,
    created_by: str | None = None,
    uid: str | None = None,
    fingerprint: str | None = None,
    rule_id: int | None = None,
) -> Event:
    uid = uid or new_uid()
    row = Event(uid=uid, fingerprint=fingerprint or f"uid:{uid}", committee_id=committee_id,
                title=title, kind=kind, date=date, end_date=end_date, time=time_text(time),
                precision=precision, status=status.value, created_by=created_by,
                rule_id=rule_id)
    session.add(row)
    await session.flush()
    return row


async def get_event(session: AsyncSession, event_id: int) -> Event | None:
    return await session.get(Event, event_id, populate_existing=True)


async def by_fingerprint(session: AsyncSession, fingerprint: str) -> Event | None:
    stmt = sa.select(Event).where(col(Event.fingerprint) == fingerprint)
    return (await session.scalars(stmt)).first()


async def list_events(
    session: AsyncSession,
    *,
    committee_id: int | None = None,
    statuses: Sequence[EventStatus] | None = None,
    on_or_after: dt.date | None = None,
    limit: int | None = None,
) -> list[Event]:
    stmt = sa.select(Event)
    if committee_id is not None:
        stmt = stmt.where(col(Event.committee_id) == committee_id)
    if statuses:
        stmt = stmt.where(col(Event.status).in_([s.value for s in statuses]))
    if on_or_after is not None:
        stmt = stmt.where(sa.func.coalesce(col(Event.end_date), col(Event.date)) >= on_or_after)
    stmt = stmt.order_by(col(Event.date), col(Event.time), col(Event.id))
    if limit:
        stmt = stmt.limit(limit)
    return list((await session.scalars(stmt)).all())


async def history_ids(session: AsyncSession, events: Sequence[Event]) -> set[int]:
    """The events found in minutes that tell history, not something to come
    (:func:`minutes.events.is_history`, judged against their meeting's date)."""
    found = [e for e in events if e.source_document and e.rule_id is None and e.id is not None]
    doc_ids = {e.document_id for e in found if e.document_id is not None}
    dates: dict[int, dt.date | None] = {}
    if doc_ids:
        rows = await session.execute(sa.select(col(Meeting.document_id), col(Meeting.date))
                                     .where(col(Meeting.document_id).in_(doc_ids)))
        dates = {doc: day for doc, day in rows.all()}
    return {e.id for e in found if e.id is not None and is_history(
        e.date, reference=dates.get(e.document_id or 0), sentence=e.quote or "")}


async def pending_suggestions(session: AsyncSession, *, committee_ids: Iterable[int],
                              today: dt.date) -> list[Event]:
    """Suggested events still to come for these committees, history left out: what the
    secretary is asked to confirm."""
    events: list[Event] = []
    for cid in sorted(set(committee_ids)):
        events += await list_events(session, committee_id=cid, statuses=[EventStatus.SUGGESTED],
                                    on_or_after=today)
    events.sort(key=lambda e: (e.date, e.id or 0))
    past = await history_ids(session, events)
    return [e for e in events if e.id not in past]


def touch(event: Event) -> None:
    event.sequence += 1
    event.updated_at = utcnow()


async def cancel_reminders(session: AsyncSession, *, event_id: int) -> int:
    """Cancel every queued, unsent reminder of an event (any version)."""
    keys = (await session.scalars(
        sa.select(col(Outbound.key)).where(col(Outbound.key).startswith(f"event:{event_id}:"),
                                      col(Outbound.status) == OutboundStatus.PENDING.value)
    )).all()
    return await cancel(session, keys=list(keys)) if keys else 0


async def cancel_personal_reminders(session: AsyncSession, *, committee_id: int,
                                    aad_object_id: str) -> int:
    """Cancel a member's queued 1:1 reminders for this committee's events."""
    ids = set((await session.scalars(
        sa.select(col(Event.id)).where(col(Event.committee_id) == committee_id))).all())
    keys = (await session.scalars(
        sa.select(col(Outbound.key)).where(
            col(Outbound.user_aad_object_id) == aad_object_id,
            col(Outbound.status) == OutboundStatus.PENDING.value,
            col(Outbound.kind) == "reminder",
        )
    )).all()
    mine = [k for k in keys if (part := k.split(":"))[1].isdigit() and int(part[1]) in ids]
    return await cancel(session, keys=mine) if mine else 0


# -- rules ------------------------------------------------------------------------------------


async def list_rules(session: AsyncSession, *, committee_id: int | None = None) -> list[EventRule]:
    stmt = sa.select(EventRule).order_by(col(EventRule.id))
    if committee_id is not None:
        stmt = stmt.where(col(EventRule.committee_id) == committee_id)
    return list((await session.scalars(stmt)).all())


async def get_rule(session: AsyncSession, rule_id: int) -> EventRule | None:
    return await session.get(EventRule, rule_id)


async def rule_cycle(session: AsyncSession, rule: EventRule) -> list[EventRule]:
    """The rules found in the same agenda item as ``rule``: the parts of one yearly cycle
    (a rule typed by hand is its own cycle)."""
    if rule.source_document is None:
        return [rule]
    stmt = sa.select(EventRule).where(
        col(EventRule.committee_id).is_(None) if rule.committee_id is None
        else col(EventRule.committee_id) == rule.committee_id,
        col(EventRule.source_document) == rule.source_document,
        col(EventRule.item_number).is_(None) if rule.item_number is None
        else col(EventRule.item_number) == rule.item_number,
    ).order_by(col(EventRule.id))
    return list((await session.scalars(stmt)).all())


# -- settings and preferences ------------------------------------------------------------------


async def settings_for(session: AsyncSession, committee_id: int) -> EventSettings:
    """The committee's reminder settings, created with the defaults when missing."""
    row = (await session.scalars(
        sa.select(EventSettings).where(col(EventSettings.committee_id) == committee_id))).first()
    if row is None:
        row = EventSettings(committee_id=committee_id)
        session.add(row)
        await session.flush()
    return row


async def feed_token(session: AsyncSession, committee_id: int, *, renew: bool = False) -> str:
    settings = await settings_for(session, committee_id)
    if settings.feed_token is None or renew:
        settings.feed_token = secrets.token_urlsafe(24)
        await session.flush()
    return settings.feed_token


async def committee_by_token(session: AsyncSession, *, committee_id: int,
                             token: str) -> Committee | None:
    """The committee when ``token`` is its feed token (compared in constant time)."""
    settings = (await session.scalars(
        sa.select(EventSettings).where(col(EventSettings.committee_id) == committee_id))).first()
    if settings is None or not settings.feed_token:
        return None
    if not secrets.compare_digest(settings.feed_token.encode(), token.encode()):
        return None
    return await session.get(Committee, committee_id)


async def set_delivery(session: AsyncSession, *, committee_id: int, aad_object_id: str,
                       delivery: ReminderDelivery) -> ReminderPreference:
    row = (await session.scalars(sa.select(ReminderPreference).where(
        col(ReminderPreference.committee_id) == committee_id,
        col(ReminderPreference.aad_object_id) == aad_object_id))).first()
    if row is None:
        row = ReminderPreference(committee_id=committee_id, aad_object_id=aad_object_id)
        session.add(row)
    row.delivery = delivery.value
    row.updated_at = utcnow()
    await session.flush()
    return row


async def personal_recipients(session: AsyncSession, *, committee_id: int) -> list[str]:
    """Members of the committee who chose reminders 1:1."""
    rows = await session.scalars(sa.select(col(ReminderPreference.aad_object_id)).where(
        col(ReminderPreference.committee_id) == committee_id,
        col(ReminderPreference.delivery).in_([ReminderDelivery.PERSONAL.value,
                                         ReminderDelivery.BOTH.value])))
    return sorted(rows.all())


async def secretary_committees(session: AsyncSession, *, aad_object_id: str) -> list[int]:
    """The committees this person is secretary of."""
    rows = await session.scalars(sa.select(col(Member.committee_id)).where(
        col(Member.aad_object_id) == aad_object_id, col(Member.role) == Role.SECRETARY.value))
    return sorted(rows.all())
