"""When reminders go out, and the yearly cycles kept a year ahead.

Confirmed events in the future queue their reminders in the outbox at the committee's lead
times (default 7 and 1 days before, at 08:00 Europe/Copenhagen); the key of each names event,
version, lead time and recipient, so it is queued once. An event known only to the month
(a yearly cycle's "oktober–november") reminds at the lead times before its first day.

A confirmed yearly rule becomes one suggested event per part and year, with month
precision, spanning the part's months ("oktober/november" → 1 October–30 November), for the
secretary to date and confirm. The daily job keeps every part's occurrences one year ahead;
an occurrence's key is the rule and the month it begins, so no run makes one twice.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.event_cards import reminder_reply
from minutes.events import Precision, parse_months
from storage import events_repo as repo
from storage.conversations_repo import committee_conversations
from storage.engine import Database
from storage.models import Event, EventRule, EventStatus
from storage.outbox import enqueue

ZONE = ZoneInfo("Europe/Copenhagen")
HORIZON_YEARS = 1


def local_today(now: dt.datetime) -> dt.date:
    return now.astimezone(ZONE).date()


def starts_at(event: Event) -> dt.datetime:
    """When the event begins, in UTC (the start of its day when it has no time)."""
    local = dt.datetime.combine(event.date, repo.time_of(event) or dt.time(0, 0), tzinfo=ZONE)
    return local.astimezone(dt.UTC)


@dataclass(frozen=True, slots=True)
class Due:
    lead_days: int
    at: dt.datetime  # UTC


def reminder_times(event: Event, *, lead_days: list[int], remind_at: str,
                   now: dt.datetime) -> list[Due]:
    """The reminders still to come for ``event``: ``lead`` days before, at the committee's
    hour (local time). Nothing for an event that has begun."""
    if starts_at(event) <= now:
        return []
    hour, minute = (int(x) for x in remind_at.split(":"))
    out: list[Due] = []
    for lead in lead_days:
        local = dt.datetime.combine(event.date - dt.timedelta(days=lead), dt.time(hour, minute),
                                    tzinfo=ZONE)
        at = local.astimezone(dt.UTC)
        if lead == 0 and at >= starts_at(event):
            continue
        if at > now:
            out.append(Due(lead, at))
    return out


async def schedule_event(session: AsyncSession, event: Event, *, now: dt.datetime) -> int:
    """Queue the reminders of a confirmed event (to its committee's channels and to members
    who chose 1:1). Idempotent: a reminder already queued is not queued again."""
    if event.status != EventStatus.CONFIRMED.value or event.committee_id is None:
        return 0
    settings = await repo.settings_for(session, event.committee_id)
    leads = repo.lead_days_of(event.lead_days) or repo.lead_days_of(settings.lead_days)
    times = reminder_times(event, lead_days=leads, remind_at=settings.remind_at, now=now)
    if not times:
        return 0
    channels = [c.conversation_id for c in
                await committee_conversations(session, committee_id=event.committee_id)
                if c.conversation_type != "personal"] if settings.to_channel else []
    people = await repo.personal_recipients(session, committee_id=event.committee_id)
    queued = 0
    for due in times:
        reply = reminder_reply(event, due.lead_days)
        payload = {"text": reply.text, "card": reply.card}
        base = f"event:{event.id}:{event.sequence}:{due.lead_days}"
        for conversation_id in channels:
            queued += await enqueue(session, key=f"{base}:c:{conversation_id}", kind="reminder",
                                    payload=payload, due_at=due.at,
                                    conversation_id=conversation_id)
        for aad in people:
            queued += await enqueue(session, key=f"{base}:u:{aad}", kind="reminder",
                                    payload=payload, due_at=due.at, user_aad_object_id=aad)
    return queued


async def reschedule_committee(session: AsyncSession, committee_id: int, *,
                               now: dt.datetime) -> int:
    """Queue what is missing for every future confirmed event of a committee (after a
    channel was bound, a member chose 1:1 or the lead times changed)."""
    events = await repo.list_events(session, committee_id=committee_id,
                                    statuses=[EventStatus.CONFIRMED],
                                    on_or_after=local_today(now))
    return sum([await schedule_event(session, ev, now=now) for ev in events])


# -- yearly rules ------------------------------------------------------------------------


def occurrences(months: str, *, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Each part's (first day, last day) that begins after ``today`` and at most a year on.
    (A part begins on the 1st of a month, so two candidate years cover the horizon; an
    rrule would add a dependency for these three lines.)"""
    horizon = today.replace(year=today.year + HORIZON_YEARS, day=min(today.day, 28))
    out: list[tuple[dt.date, dt.date]] = []
    for first, last in parse_months(months):
        for year in (today.year, today.year + 1):
            start = dt.date(year, first, 1)
            if today < start <= horizon:
                end_year = year + (last < first)
                end = dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
                out.append((start, end))
    return sorted(out)


async def expand_rule(session: AsyncSession, rule: EventRule, *,
                      today: dt.date) -> list[Event]:
    """The coming year's occurrences of a confirmed rule, as suggested events with month
    precision. Idempotent per rule and month."""
    made: list[Event] = []
    for start, end in occurrences(rule.months, today=today):
        fingerprint = f"rule:{rule.id}:{start:%Y-%m}"
        if await repo.by_fingerprint(session, fingerprint) is not None:
            continue
        event = await repo.create_event(
            session, title=rule.title, kind=rule.kind, date=start, end_date=end,
            precision=Precision.MONTH.value, committee_id=rule.committee_id,
            fingerprint=fingerprint, rule_id=rule.id)
        event.source_document, event.item_number = rule.source_document, rule.item_number
        event.quote = rule.quote
        made.append(event)
    return made


async def expand_rules(db: Database, *, today: dt.date) -> int:
    """Every confirmed rule's occurrences a year ahead (the daily job, or the CLI)."""
    async with db.transaction() as session:
        rules = [r for r in await repo.list_rules(session)
                 if r.status == EventStatus.CONFIRMED.value]
        return sum([len(await expand_rule(session, r, today=today)) for r in rules])
