"""Reminders: chat commands and card actions for events, yearly rules and delivery choices.

The parts: :mod:`handlers.event_suggestions` (minutes → suggestions, and who hears of them),
:mod:`handlers.event_schedule` (when reminders go out; yearly cycles kept a year ahead),
:mod:`handlers.event_cards` (how it all looks). Everything goes through the database (the
outbox), so a restart or a killed replica loses nothing. Handlers take plain data and return
:class:`Reply`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from handlers.cards import render_card
from handlers.commands import CommandKind
from handlers.context import CardAction, Reply, Requester
from handlers.event_cards import event_card, event_row, suggestions_reply, when_of
from handlers.event_schedule import (
    expand_rule,
    local_today,
    reschedule_committee,
    schedule_event,
    starts_at,
)
from handlers.event_schedule import expand_rules as expand_rules  # the daily job (bot/app.py)
from handlers.event_suggestions import for_new_chat as for_new_chat  # first personal chat
from handlers.event_suggestions import on_document_saved as on_document_saved  # ingest hook
from handlers.event_suggestions import pending
from minutes.events import Precision, find_dates, parse_event_request
from storage import events_repo as repo
from storage.engine import Database
from storage.members_repo import committees_of
from storage.models import (
    Committee,
    Conversation,
    Event,
    EventStatus,
    ReminderDelivery,
    Role,
)

MANAGERS = {Role.SECRETARY, Role.CHAIR, Role.ADMIN}
NOT_ALLOWED = "Det kan kun udvalgets sekretær, formand eller en administrator."
EVENT_COMMANDS = frozenset({
    CommandKind.EVENT_ADD, CommandKind.EVENT_LIST, CommandKind.EVENT_NEXT, CommandKind.EVENT_MOVE,
    CommandKind.EVENT_CANCEL, CommandKind.EVENT_SUGGESTIONS, CommandKind.EVENT_DELIVERY,
    CommandKind.EVENT_LEADS, CommandKind.EVENT_FEED})
NO_COMMITTEE = ("Jeg ved ikke, hvilket udvalg du mener. Sekretæren kan knytte kanalen til et "
                "udvalg med »tilknyt udvalg NAVN«.")


# -- who may do what -------------------------------------------------------------------------


async def committee_of(session: AsyncSession, requester: Requester) -> int | None:
    """The committee this conversation is bound to, else the requester's only committee."""
    bound = await session.scalar(sa.select(col(Conversation.committee_id)).where(
        col(Conversation.conversation_id) == requester.conversation_id))
    if bound is not None:
        return int(bound)
    if requester.aad_object_id:
        mine = await committees_of(session, aad_object_id=requester.aad_object_id)
        if len(mine) == 1:
            return next(iter(mine))
    return None


async def may_manage(session: AsyncSession, requester: Requester,
                     committee_id: int | None) -> bool:
    if not requester.aad_object_id:
        return False
    roles = await committees_of(session, aad_object_id=requester.aad_object_id)
    if committee_id is None:
        return any(r in MANAGERS for r in roles.values())
    return roles.get(committee_id) in MANAGERS or Role.ADMIN in roles.values()


# -- card actions -----------------------------------------------------------------------------


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


async def handle_event_action(db: Database, requester: Requester, action: CardAction, *,
                              now: dt.datetime) -> Reply:
    """The ``event.*`` verbs: show, confirm, edit, dismiss, cancel; rule confirm/dismiss."""
    if action.verb.startswith("event.rule."):
        return await _rule_action(db, requester, action, now=now)
    event_id = _int(action.data.get("event_id"))
    if event_id is None:
        return Reply(text="Kortet mangler begivenheden. Skriv »kommende møder«.")
    async with db.transaction() as session:
        event = await repo.get_event(session, event_id)
        if event is None:
            return Reply(text="Den begivenhed findes ikke længere.")
        if action.verb == "event.show":
            return event_card(event, heading="Begivenhed")
        if not await may_manage(session, requester, event.committee_id):
            return Reply(text=NOT_ALLOWED)
        if action.verb == "event.confirm":
            return await _confirm(session, event, now=now)
        if action.verb == "event.edit":
            return await _edit(session, event, action.data, now=now)
        if action.verb in ("event.dismiss", "event.cancel"):
            was_confirmed = event.status == EventStatus.CONFIRMED.value
            event.status = EventStatus.CANCELLED.value
            repo.touch(event)
            cancelled = await repo.cancel_reminders(session, event_id=event_id)
            note = (f"Aflyst. {cancelled} planlagte påmindelser er annulleret." if was_confirmed
                    else "Afvist. Den giver ingen påmindelser.")
            return event_card(event, heading="Begivenhed", note=note)
    return Reply(text="Den handling kender jeg ikke.")


async def _confirm(session: AsyncSession, event: Event, *, now: dt.datetime) -> Reply:
    event.status = EventStatus.CONFIRMED.value
    repo.touch(event)
    await session.flush()
    queued = await schedule_event(session, event, now=now)
    if starts_at(event) <= now:
        note = "Bekræftet. Datoen er passeret, så der sendes ingen påmindelser."
    elif event.committee_id is None:
        note = "Bekræftet, men begivenheden hører ikke til et udvalg, så ingen får påmindelser."
    else:
        note = f"Bekræftet. {queued} påmindelser er planlagt."
    return event_card(event, heading="Begivenhed", note=note)


async def _edit(session: AsyncSession, event: Event, data: dict[str, Any], *,
                now: dt.datetime) -> Reply:
    title = str(data.get("title") or "").strip()
    date_text = str(data.get("date") or "").strip()
    time_text = str(data.get("time") or "").strip()
    if title:
        event.title = title[:200]
    if date_text:
        try:
            new_date = dt.date.fromisoformat(date_text)
        except ValueError:
            hits = find_dates(date_text, reference=local_today(now), future=True)
            if not hits:
                return Reply(text=f"»{date_text}« kan jeg ikke læse som en dato.")
            new_date = hits[0].date
        if new_date != event.date:
            event.date, event.end_date = new_date, None
        event.precision = Precision.DAY.value
    if time_text:
        m = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?::\d{2})?", time_text)
        if not m or int(m[1]) > 23 or int(m[2]) > 59:
            return Reply(text=f"»{time_text}« er ikke et klokkeslæt. Skriv fx 17:00.")
        event.time = f"{int(m[1]):02d}:{m[2]}"
    elif "time" in data:
        event.time = None
    return await _changed(session, event, now=now, note="Gemt.")


async def _changed(session: AsyncSession, event: Event, *, now: dt.datetime, note: str) -> Reply:
    """After a move or edit: the old reminders go, a confirmed event gets new ones."""
    repo.touch(event)
    await session.flush()
    await repo.cancel_reminders(session, event_id=event.id or 0)
    queued = await schedule_event(session, event, now=now)
    if event.status == EventStatus.CONFIRMED.value:
        note += f" {queued} påmindelser er planlagt."
    return event_card(event, heading="Begivenhed", note=note)


async def _rule_action(db: Database, requester: Requester, action: CardAction, *,
                       now: dt.datetime) -> Reply:
    """Confirm or dismiss a yearly cycle: every part found in the same agenda item."""
    rule_id = _int(action.data.get("rule_id"))
    async with db.transaction() as session:
        rule = await repo.get_rule(session, rule_id) if rule_id is not None else None
        if rule is None:
            return Reply(text="Den faste aftale findes ikke længere.")
        if not await may_manage(session, requester, rule.committee_id):
            return Reply(text=NOT_ALLOWED)
        parts = [r for r in await repo.rule_cycle(session, rule)
                 if r.status == EventStatus.SUGGESTED.value or r.id == rule.id]
        if action.verb == "event.rule.dismiss":
            for part in parts:
                part.status = EventStatus.CANCELLED.value
            return Reply(text="Afvist. Der kommer ingen faste datoer ud af det.")
        made: list[Event] = []
        for part in parts:
            part.status = EventStatus.CONFIRMED.value
            made += await expand_rule(session, part, today=local_today(now))
    made.sort(key=lambda e: e.date)
    return suggestions_reply(
        made, [], heading="Gentages hvert år",
        note="Datoerne for det kommende år er foreslået med måned. Ret dagen, og bekræft, "
             "når den ligger fast; næste års datoer kommer af sig selv.")


# -- chat commands --------------------------------------------------------------------------


async def add_from_chat(db: Database, requester: Requester, text: str, *,
                        now: dt.datetime) -> Reply:
    """"påmind udvalget om dialogmøde på Stouby Skole 5. marts kl. 17" → a card to confirm."""
    request = parse_event_request(text, today=local_today(now))
    if request is None:
        return Reply(text="Jeg fandt ingen dato. Skriv fx »påmind udvalget om dialogmøde på "
                          "Stouby Skole 5. marts kl. 17«.")
    async with db.transaction() as session:
        committee_id = await committee_of(session, requester)
        if committee_id is None:
            return Reply(text=NO_COMMITTEE)
        if not await may_manage(session, requester, committee_id):
            return Reply(text=NOT_ALLOWED)
        event = await repo.create_event(
            session, title=request.title, kind=request.kind, date=request.date,
            precision=request.precision.value, time=request.time, end_date=request.end_date,
            committee_id=committee_id, created_by=requester.aad_object_id)
        return event_card(event, heading="Ny påmindelse – bekræft",
                          note="Tryk »Bekræft«, så får udvalget påmindelser.")


async def upcoming(db: Database, requester: Requester, *, now: dt.datetime) -> Reply:
    async with db.sessions() as session:
        committee_id = await committee_of(session, requester)
        if committee_id is None:
            return Reply(text=NO_COMMITTEE)
        events = await repo.list_events(session, committee_id=committee_id,
                                        statuses=[EventStatus.CONFIRMED],
                                        on_or_after=local_today(now), limit=15)
    events = [e for e in events if starts_at(e) > now or e.precision != Precision.DAY.value]
    card = render_card("event_list", {
        "heading": "Kommende møder og frister",
        "empty": None if events else "Der er ingen bekræftede begivenheder forude.",
        "events": [event_row(e) for e in events], "rules": [], "note": None,
        "fallback": "; ".join(f"{e.title}: {when_of(e)}" for e in events) or "Intet forude.",
    })
    return Reply(text=card["fallbackText"], card=card)


def _matches(event: Event, words: str) -> bool:
    wanted = [w for w in re.findall(r"\w+", words.lower()) if len(w) > 2]
    haystack = f"{event.title} {event.kind}".lower()
    stems = [w[:6] for w in wanted if w not in {"det", "den", "næste", "møde", "mødet"}]
    return all(s in haystack for s in stems) if stems else True


async def next_of(db: Database, requester: Requester, what: str, *,
                  now: dt.datetime) -> Reply:
    """"hvornår er næste dialogmøde?" from the confirmed events (suggestions as a hint)."""
    async with db.sessions() as session:
        committee_id = await committee_of(session, requester)
        if committee_id is None:
            return Reply(text=NO_COMMITTEE)
        events = await repo.list_events(
            session, committee_id=committee_id,
            statuses=[EventStatus.CONFIRMED, EventStatus.SUGGESTED],
            on_or_after=local_today(now))
    hits = [e for e in events if _matches(e, what)]
    confirmed = [e for e in hits if e.status == EventStatus.CONFIRMED.value]
    if confirmed:
        e = confirmed[0]
        return Reply(text=f"Næste {what.strip(' ?')}: {e.title}, {when_of(e)}.")
    if hits:
        e = hits[0]
        return Reply(text=f"Der er intet bekræftet, men et forslag fra referaterne: "
                          f"{e.title}, {when_of(e)}.")
    return Reply(text=f"Jeg kender ikke noget kommende {what.strip(' ?')}.")


async def _find_one(session: AsyncSession, committee_id: int, what: str,
                    today: dt.date) -> list[Event]:
    what = what.strip(" ?.")
    if m := re.fullmatch(r"#?(\d+)", what):
        ev = await repo.get_event(session, int(m[1]))
        return [ev] if ev is not None and ev.committee_id == committee_id else []
    events = await repo.list_events(session, committee_id=committee_id,
                                    statuses=[EventStatus.CONFIRMED, EventStatus.SUGGESTED],
                                    on_or_after=today)
    return [e for e in events if _matches(e, what)]


async def move_or_cancel(db: Database, requester: Requester, *, what: str,
                         when: str | None, now: dt.datetime) -> Reply:
    """"flyt dialogmødet på Stouby Skole til 12. marts kl. 18" / "aflys seminaret"."""
    today = local_today(now)
    async with db.transaction() as session:
        committee_id = await committee_of(session, requester)
        if committee_id is None:
            return Reply(text=NO_COMMITTEE)
        if not await may_manage(session, requester, committee_id):
            return Reply(text=NOT_ALLOWED)
        found = await _find_one(session, committee_id, what, today)
        if not found:
            return Reply(text=f"Jeg fandt ingen kommende begivenhed, der passer til »{what}«.")
        if len(found) > 1:
            listing = "; ".join(f"#{e.id} {e.title} ({when_of(e)})" for e in found[:5])
            return Reply(text=f"Flere passer: {listing}. "
                              f"Skriv nummeret, fx »aflys #{found[0].id}«.")
        event = found[0]
        if when is None:
            event.status = EventStatus.CANCELLED.value
            repo.touch(event)
            cancelled = await repo.cancel_reminders(session, event_id=event.id or 0)
            return event_card(event, heading="Aflyst",
                              note=f"{cancelled} planlagte påmindelser er annulleret.")
        hits = find_dates(when, reference=today, future=True)
        if not hits:
            return Reply(text=f"»{when}« kan jeg ikke læse som en dato.")
        hit = hits[0]
        event.date, event.end_date, event.precision = hit.date, hit.end_date, hit.precision.value
        if hit.time is not None:
            event.time = f"{hit.time.hour:02d}:{hit.time.minute:02d}"
        return await _changed(session, event, now=now, note="Flyttet.")


DELIVERY_WORDS = {"kanal": ReminderDelivery.CHANNEL, "kanalen": ReminderDelivery.CHANNEL,
                  "personlig": ReminderDelivery.PERSONAL, "personligt": ReminderDelivery.PERSONAL,
                  "mig": ReminderDelivery.PERSONAL, "chat": ReminderDelivery.PERSONAL,
                  "begge": ReminderDelivery.BOTH, "begge dele": ReminderDelivery.BOTH}
DELIVERY_DA = {ReminderDelivery.CHANNEL: "kun i udvalgets kanal",
               ReminderDelivery.PERSONAL: "personligt i en chat med mig",
               ReminderDelivery.BOTH: "både i kanalen og personligt"}


async def set_delivery(db: Database, requester: Requester, choice: str, *,
                       now: dt.datetime) -> Reply:
    delivery = DELIVERY_WORDS.get(choice.lower().strip())
    if delivery is None or not requester.aad_object_id:
        return Reply(text="Skriv »påmindelser personligt«, »påmindelser i kanalen« eller "
                          "»påmindelser begge«.")
    async with db.transaction() as session:
        committee_id = await committee_of(session, requester)
        if committee_id is None:
            return Reply(text=NO_COMMITTEE)
        await repo.set_delivery(session, committee_id=committee_id,
                                aad_object_id=requester.aad_object_id, delivery=delivery)
        if delivery is ReminderDelivery.CHANNEL:
            await repo.cancel_personal_reminders(session, committee_id=committee_id,
                                                 aad_object_id=requester.aad_object_id)
        else:
            await reschedule_committee(session, committee_id, now=now)
    return Reply(text=f"Fint. Du får påmindelser {DELIVERY_DA[delivery]}.")


async def set_lead_times(db: Database, requester: Requester, text: str, *,
                         now: dt.datetime) -> Reply:
    """"varsel 14, 7 og 1 dage før kl. 9" for the committee."""
    m = re.match(r"(?P<days>[\d\s,og]+?)\s*(?:dage?|dag)?\s*(?:før)?\s*"
                 r"(?:kl\.?\s*(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?)?$", text.strip(), re.I)
    days = sorted({int(d) for d in re.findall(r"\d+", m["days"])} if m else set(), reverse=True)
    if not m or not days or any(d > 365 for d in days):
        return Reply(text="Skriv fx »varsel 7 og 1 dage før kl. 8«.")
    async with db.transaction() as session:
        committee_id = await committee_of(session, requester)
        if committee_id is None:
            return Reply(text=NO_COMMITTEE)
        if not await may_manage(session, requester, committee_id):
            return Reply(text=NOT_ALLOWED)
        settings = await repo.settings_for(session, committee_id)
        settings.lead_days = ",".join(map(str, days))
        if m["h"]:
            hour, minute = int(m["h"]), int(m["m"] or 0)
            if hour > 23 or minute > 59:
                return Reply(text="Det klokkeslæt findes ikke.")
            settings.remind_at = f"{hour:02d}:{minute:02d}"
        events = await repo.list_events(session, committee_id=committee_id,
                                        statuses=[EventStatus.CONFIRMED],
                                        on_or_after=local_today(now))
        for ev in events:
            await repo.cancel_reminders(session, event_id=ev.id or 0)
            repo.touch(ev)
        await session.flush()
        await reschedule_committee(session, committee_id, now=now)
        days_text = " og ".join(map(str, days))
    return Reply(text=f"Påmindelser sendes nu {days_text} dage før kl. "
                      f"{settings.remind_at.replace(':', '.')}.")


async def list_suggestions(db: Database, requester: Requester, *, now: dt.datetime) -> Reply:
    """»forslag«: the suggestions waiting for this conversation's committee, or in a personal
    chat for every committee the requester manages."""
    async with db.sessions() as session:
        committee_id = await committee_of(session, requester)
        committee_ids = [committee_id] if committee_id is not None else [
            cid for cid, role in (await committees_of(
                session, aad_object_id=requester.aad_object_id or "")).items()
            if role in MANAGERS]
        if not committee_ids:
            return Reply(text=NO_COMMITTEE)
        events, rules = await pending(session, committee_ids, now=now)
    return suggestions_reply(events, rules, heading="Forslag til påmindelser")


async def feed_link(db: Database, requester: Requester, *, public_url: str) -> Reply:
    async with db.transaction() as session:
        committee_id = await committee_of(session, requester)
        if committee_id is None:
            return Reply(text=NO_COMMITTEE)
        if not await may_manage(session, requester, committee_id):
            return Reply(text=NOT_ALLOWED)
        token = await repo.feed_token(session, committee_id)
        name = await session.scalar(
            sa.select(col(Committee.name)).where(col(Committee.id) == committee_id))
    url = calendar_url(public_url, committee_id, token)
    return Reply(text=f"Kalender for {name} (abonnér i Outlook: Tilføj kalender → Fra "
                      f"internettet): {url} – linket er hemmeligt; del det kun i udvalget.")


def calendar_url(public_url: str, committee_id: int, token: str) -> str:
    return f"{public_url.rstrip('/')}/calendar/{committee_id}/{token}.ics"


async def chat_command(db: Database, requester: Requester, kind: CommandKind, argument: str, *,
                       now: dt.datetime, public_url: str) -> Reply:
    """Route one of the ``EVENT_*`` chat commands."""
    if kind is CommandKind.EVENT_ADD:
        return await add_from_chat(db, requester, argument, now=now)
    if kind is CommandKind.EVENT_LIST:
        return await upcoming(db, requester, now=now)
    if kind is CommandKind.EVENT_NEXT:
        return await next_of(db, requester, argument, now=now)
    if kind is CommandKind.EVENT_MOVE:
        what, _, when = argument.rpartition(" til ")
        return await move_or_cancel(db, requester, what=what, when=when, now=now)
    if kind is CommandKind.EVENT_CANCEL:
        return await move_or_cancel(db, requester, what=argument, when=None, now=now)
    if kind is CommandKind.EVENT_SUGGESTIONS:
        return await list_suggestions(db, requester, now=now)
    if kind is CommandKind.EVENT_DELIVERY:
        return await set_delivery(db, requester, argument, now=now)
    if kind is CommandKind.EVENT_LEADS:
        return await set_lead_times(db, requester, argument, now=now)
    return await feed_link(db, requester, public_url=public_url)
