"""How events, suggestions, yearly cycles and reminders look in Teams (Danish cards)."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from handlers.cards import render_card
from handlers.context import Reply
from minutes.dates import MONTH_NAMES
from minutes.events import Precision, describe_when, parse_months
from storage import events_repo as repo
from storage.models import Event, EventRule, EventStatus

KIND_DA = {"dialogmøde": "Dialogmøde", "seminar": "Seminar/temadag", "møde": "Møde",
           "frist": "Frist", "ikrafttræden": "Træder i kraft"}
STATUS_DA = {"suggested": "Forslag", "confirmed": "Bekræftet", "cancelled": "Aflyst/afvist"}
MAX_SUGGESTIONS_ON_CARD = 10


def when_of(event: Event) -> str:
    return describe_when(event.date, event.precision, repo.time_of(event), event.end_date)


def source_line(event: Event | EventRule) -> str | None:
    if not event.source_document:
        return None
    item = f", punkt {event.item_number}" if event.item_number is not None else ""
    return f"Fra {event.source_document}{item}"


def months_da(months: str) -> str:
    """"10-11,3-4" → "oktober–november og marts–april"."""
    parts = ["–".join(dict.fromkeys(MONTH_NAMES[m - 1] for m in part))
             for part in parse_months(months)]
    return " og ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


def event_row(event: Event) -> dict[str, Any]:
    parts = [when_of(event), KIND_DA.get(event.kind, event.kind)]
    if event.status != EventStatus.CONFIRMED.value:
        parts.append(STATUS_DA[event.status].lower())
    if (src := source_line(event)) is not None:
        parts.append(src)
    return {"title": event.title, "line": " · ".join(parts), "event_id": event.id,
            "suggested": event.status == EventStatus.SUGGESTED.value}


def cycle_rows(rules: list[EventRule]) -> list[dict[str, Any]]:
    """One row per yearly cycle (the rules found in one agenda item), with its parts."""
    def source(rule: EventRule) -> tuple[str, int]:
        return rule.source_document or f"#{rule.id}", rule.item_number or 0

    rows = []
    for _, group in groupby(sorted(rules, key=source), key=source):
        parts = list(group)
        lines = [f"{months_da(r.months)}: {r.title}" for r in parts]
        rows.append({
            "title": "Hvert år",
            "line": " · ".join(lines + [s for s in [source_line(parts[0])] if s]),
            "rule_id": parts[0].id,
            "suggested": any(r.status == EventStatus.SUGGESTED.value for r in parts)})
    return rows


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def suggestions_reply(events: list[Event], rules: list[EventRule], *, heading: str,
                      note: str | None = None) -> Reply:
    shown = events[:MAX_SUGGESTIONS_ON_CARD]
    if len(events) > len(shown):
        note = f"… og {len(events) - len(shown)} mere. Skriv »forslag« for at se dem."
    cycles = cycle_rows(rules)
    counts = [_count(len(events), "begivenhed", "begivenheder")] + (
        [_count(len(cycles), "fast årlig aftale", "faste årlige aftaler")] if cycles else [])
    fallback = f"{heading}: {' og '.join(counts)}."
    card = render_card("event_list", {
        "heading": heading, "empty": None if events or rules else "Ingen forslag lige nu.",
        "events": [event_row(e) for e in shown], "rules": cycles,
        "note": note or "Kun bekræftede begivenheder giver påmindelser.", "fallback": fallback})
    return Reply(text=fallback, card=card)


def event_card(event: Event, *, heading: str, note: str | None = None) -> Reply:
    suggested = event.status == EventStatus.SUGGESTED.value
    confirmed = event.status == EventStatus.CONFIRMED.value
    when = when_of(event)
    facts = [{"title": "Kilde", "value": s} for s in [source_line(event)] if s]
    card = render_card("event", {
        "heading": heading, "title": event.title, "when": when,
        "kind": KIND_DA.get(event.kind, event.kind), "status": STATUS_DA[event.status],
        "source_facts": facts, "quote": f"»{event.quote}«" if event.quote else None,
        "note": note, "editable": suggested or confirmed, "suggested": suggested,
        "confirmed": confirmed, "event_id": event.id, "date": event.date.isoformat(),
        "time": event.time or "", "fallback": f"{heading}: {event.title}, {when}.",
    })
    return Reply(text=f"{event.title}, {when}.", card=card)


def _lead_text(lead: int) -> str:
    return {0: "i dag", 1: "i morgen"}.get(lead, f"om {lead} dage")


def reminder_reply(event: Event, lead: int) -> Reply:
    """The reminder itself. An event known only to the month (a yearly cycle's "oktober–
    november") says when, not "om 7 dage"."""
    when = when_of(event)
    day_precise = event.precision == Precision.DAY.value
    card = render_card("event_reminder", {
        "heading": f"Påmindelse – {_lead_text(lead)}" if day_precise else "Påmindelse",
        "title": event.title, "when": when, "source": source_line(event),
        "fallback": f"Påmindelse: {event.title}, {when}.",
    })
    return Reply(text=f"Påmindelse: {event.title}, {when}.", card=card)
