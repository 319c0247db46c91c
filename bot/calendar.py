"""Calendars: a per-committee iCalendar feed behind a secret token (Outlook subscribes to
``GET /calendar/{committee_id}/{token}.ics``), and ``.ics`` import of events.

A wrong or missing token answers 404, the same as a committee that does not exist, so the
feed does not reveal which committees there are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from bot.keys import SERVICES
from minutes.event_titles import kind_of
from minutes.events import Precision
from storage import events_repo as repo
from storage.models import Event, EventStatus, utcnow

ZONE = ZoneInfo("Europe/Copenhagen")
PRODID = "-//Referatbot//Referatbot kalender//DA"
DEFAULT_DURATION = dt.timedelta(hours=2)


def _end_of(event: Event) -> dt.date:
    """The exclusive end date of an all-day event."""
    if event.end_date:
        return event.end_date + dt.timedelta(days=1)
    return event.date + dt.timedelta(days=1)


def build_feed(calendar_name: str, events: list[Event]) -> bytes:
    """The committee's confirmed and cancelled events as an iCalendar document."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name)
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    for event in events:
        ve = icalendar.Event()
        ve.add("uid", event.uid)
        ve.add("summary", event.title)
        ve.add("dtstamp", event.updated_at or utcnow())
        ve.add("sequence", event.sequence)
        start_time = repo.time_of(event)
        if start_time is not None and event.precision == Precision.DAY.value:
            start = dt.datetime.combine(event.date, start_time, tzinfo=ZONE)
            ve.add("dtstart", start)
            ve.add("dtend", start + DEFAULT_DURATION)
        else:
            ve.add("dtstart", event.date)
            ve.add("dtend", _end_of(event))
        ve.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED.value
               else "CONFIRMED")
        ve.add("categories", [event.kind])
        if event.source_document:
            where = f", punkt {event.item_number}" if event.item_number is not None else ""
            ve.add("description", f"Fra {event.source_document}{where}")
        cal.add_component(ve)
    return bytes(cal.to_ical())


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    skipped: int


def _date_and_time(value: object) -> tuple[dt.date, dt.time | None] | None:
    if isinstance(value, dt.datetime):
        local = value.astimezone(ZONE) if value.tzinfo else value
        return local.date(), local.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.date):
        return value, None
    return None


async def import_ics(session: AsyncSession, *, committee_id: int, data: bytes,
                     confirm: bool = False) -> ImportResult:
    """Add the VEVENTs of ``data`` to the committee (as suggestions, or confirmed); an event
    imported before (same UID) is updated. Reminders are not queued here: see
    :func:`handlers.reminders.reschedule_committee`."""
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        raise ValueError(f"Filen er ikke en gyldig iCalendar-fil ({exc}).") from exc
    added = updated = skipped = 0
    for component in cal.walk("VEVENT"):
        start = _date_and_time(component.decoded("dtstart", None))
        summary = str(component.get("summary") or "").strip()
        if start is None or not summary:
            skipped += 1
            continue
        day, time = start
        end_raw = _date_and_time(component.decoded("dtend", None))
        end_date = None
        if end_raw is not None and time is None and end_raw[0] - day > dt.timedelta(days=1):
            end_date = end_raw[0] - dt.timedelta(days=1)
        uid = str(component.get("uid") or repo.new_uid())
        cancelled = str(component.get("status") or "").upper() == "CANCELLED"
        status = (EventStatus.CANCELLED if cancelled
                  else EventStatus.CONFIRMED if confirm else EventStatus.SUGGESTED)
        found = kind_of(summary)
        existing = await repo.by_fingerprint(session, f"uid:{uid}")
        if existing is not None:
            existing.title, existing.date, existing.end_date = summary[:200], day, end_date
            existing.time = repo.time_text(time)
            existing.status = status.value
            repo.touch(existing)
            updated += 1
            continue
        await repo.create_event(session, title=summary[:200], kind=found[0] if found else "møde",
                                date=day, time=time, end_date=end_date, status=status,
                                committee_id=committee_id, uid=uid)
        added += 1
    await session.flush()
    return ImportResult(added, updated, skipped)


async def calendar_feed(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    token = request.match_info["token"]
    try:
        committee_id = int(request.match_info["committee_id"])
    except ValueError:
        raise web.HTTPNotFound() from None
    async with services.db.sessions() as session:
        committee = await repo.committee_by_token(session, committee_id=committee_id, token=token)
        if committee is None:
            raise web.HTTPNotFound()
        events = await repo.list_events(
            session, committee_id=committee_id,
            statuses=[EventStatus.CONFIRMED, EventStatus.CANCELLED])
    events = [e for e in events if e.status == EventStatus.CONFIRMED.value or e.sequence > 0]
    body = build_feed(committee.name, events)
    return web.Response(body=body, content_type="text/calendar", charset="utf-8",
                        headers={"Cache-Control": "private, max-age=300"})


def add_calendar_routes(app: web.Application) -> None:
    app.router.add_get("/calendar/{committee_id}/{token}.ics", calendar_feed)
