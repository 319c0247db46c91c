"""Digital approval of minutes ("Digital godkendelse af referat") through Adaptive Cards.

The secretary writes »godkend referat 30. november 2020« in a channel bound to
the committee, or gets the same card when minutes with an approval item are
ingested (``handlers/approval_offer.py``), to check the participants and the
deadline; »Åbn godkendelsen« opens the round and posts its card to the channel.
The card refreshes per user (Universal Actions): a participant approves,
approves with a remark or objects with a reason, and may change the answer
until the round closes: when every participant has approved, or when the
secretary closes it as it stands (objections kept in the record, § 13). The
card posted in the channel is updated in place as answers come in, for
everyone Teams does not refresh. Reminders, notices and card updates go
through the outbox (``storage/outbox.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from handlers.admin import MANAGERS
from handlers.cards import render_card
from handlers.context import CardAction, Reply, Requester
from minutes.dates import format_danish_date, parse_danish_date
from storage.approvals_repo import (
    Actor,
    AnswerOutcome,
    CloseOutcome,
    ParticipantSpec,
    RoundSnapshot,
    answer_of,
    close_round,
    create_round,
    lock_round,
    note_reminder,
    open_rounds,
    record_answer,
    round_for_meeting,
    snapshot,
)
from storage.conversations_repo import committee_conversations, get_conversation
from storage.engine import Database
from storage.members_repo import committees_of
from storage.models import (
    Answer,
    ApprovalAudit,
    ApprovalRound,
    Attendee,
    Committee,
    Meeting,
    Member,
    Role,
    RoundStatus,
    utcnow,
)
from storage.outbox import cancel_pending, enqueue

TZ = ZoneInfo("Europe/Copenhagen")
MAX_REFRESH_USERS = 60  # Teams refreshes a card automatically for at most 60 userIds
REMINDER_HOUR = 9  # automatic reminders go out at 09:00 Danish time
REMINDER_KIND = "approval.reminder"
UPDATE_KIND = "approval.update"

ANSWER_DA = {Answer.APPROVE: "Godkendt", Answer.REMARK: "Godkendt med bemærkning",
             Answer.OBJECT: "Indsigelse"}
MINE_DA = {Answer.APPROVE: "Du godkendte referatet",
           Answer.REMARK: "Du godkendte referatet med en bemærkning",
           Answer.OBJECT: "Du gjorde indsigelse mod referatet"}

NO_ROUND = "Jeg kan ikke finde den godkendelse. Kortet er måske forældet."
NOT_PARTICIPANT = ("Du er ikke deltager i denne godkendelse, så dit svar er ikke registreret. "
                   "Kontakt udvalgssekretæren, hvis det er en fejl.")
CLOSED = "Godkendelsen er afsluttet, så svar kan ikke ændres længere."
NEED_REMARK = "Skriv din bemærkning, før du godkender med bemærkning."
NEED_REASON = "Skriv en begrundelse for indsigelsen."
ONLY_SECRETARY = "Kun udvalgets sekretær kan åbne en godkendelse og sende påmindelser."
ONLY_SECRETARY_CLOSE = "Kun udvalgets sekretær kan afslutte godkendelsen."
NONE_APPROVED = ("Ingen har godkendt referatet endnu, så godkendelsen kan ikke afsluttes. "
                 "Ret referatet, eller vent på svarene.")


# -- Danish working days ----------------------------------------------------------------


@cache
def _days_off(year: int) -> frozenset[dt.date]:
    """Public holidays plus the usual municipal days off (Grundlovsdag, 24 and 31 Dec)."""
    found = holidays.country_holidays("DK", years=year, categories=("public", "optional"))
    return frozenset(found)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _days_off(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` Danish working days after ``start`` (``start`` itself not counted)."""
    day = start
    while days > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(TZ).date()


def format_when(moment: dt.datetime) -> str:
    """``1. december 2020 kl. 10.15`` in Danish time."""
    here = moment.astimezone(TZ) if moment.tzinfo else moment.replace(tzinfo=dt.UTC).astimezone(TZ)
    return f"{format_danish_date(here.date())} kl. {here:%H.%M}"


def reminder_times(opened: dt.datetime, deadline: dt.date) -> list[dt.datetime]:
    """When the automatic reminders go out (UTC): 09:00 Danish time on the working day in
    the middle of the round (of the working days after the opening day, up to the deadline:
    the second of three, the first of two) and on the deadline day. Weekends and holidays are
    skipped; times already past are dropped, and a round opened on its deadline day gets
    none."""
    days: list[dt.date] = []
    day = local_date(opened)
    while day < deadline:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days.append(day)
    if not days:
        return []
    chosen = sorted({days[(len(days) - 1) // 2], days[-1]})
    times = [dt.datetime.combine(d, dt.time(REMINDER_HOUR), tzinfo=TZ).astimezone(dt.UTC)
             for d in chosen]
    return [t for t in times if t > opened]


# -- small helpers ----------------------------------------------------------------------


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def _text(value: Any, limit: int = 2000) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value[:limit] if value else None


def _actor(requester: Requester, action: CardAction | None = None) -> Actor:
    activity_id = action.data.get("_activity_id") if action else None
    return Actor(requester.aad_object_id, requester.name or "ukendt",
                 activity_id if isinstance(activity_id, str) else None)


def _notice(text: str, title: str | None = None) -> Reply:
    return Reply(text=text, card=render_card("notice", {"title": title, "text": text}))


def meeting_label(snap: RoundSnapshot) -> str:
    when = format_danish_date(snap.meeting.date) if snap.meeting.date else "dato ukendt"
    return f"{snap.committee}, {when}" if snap.committee else when


def join_names(people: list[str]) -> str:
    return " og ".join([", ".join(people[:-1]), people[-1]]) if len(people) > 1 else "".join(
        people)


async def _is_manager(session: AsyncSession, aad_object_id: str | None,
                      committee_id: int | None) -> bool:
    if not aad_object_id or committee_id is None:
        return False
    roles = await committees_of(session, aad_object_id=aad_object_id)
    return roles.get(committee_id) in MANAGERS


async def _bound_committee(session: AsyncSession, conversation_id: str) -> Committee | None:
    row = await get_conversation(session, conversation_id=conversation_id)
    if row is None or row.committee_id is None:
        return None
    return await session.get(Committee, row.committee_id)


async def _queue(session: AsyncSession, *, key: str, kind: str, reply: Reply,
                 due_at: dt.datetime, conversation_id: str | None = None,
                 user_aad_object_id: str | None = None, update_of: str | None = None) -> None:
    """Queue in the caller's transaction, so a message is queued exactly when its change is."""
    payload: dict[str, Any] = {"text": reply.text, "card": reply.card}
    if update_of is not None:
        payload["update_of"] = update_of
    await enqueue(session, key=key, kind=kind, payload=payload, due_at=due_at,
                  conversation_id=conversation_id, user_aad_object_id=user_aad_object_id)


# -- the document link ------------------------------------------------------------------


def referat_url(public_url: str, token: str) -> str:
    """The printable page of a meeting's minutes that the bot serves (``bot/referat_page``)."""
    return f"{public_url.rstrip('/')}/referat/{token}"


def document_link(snap: RoundSnapshot, public_url: str | None) -> str | None:
    """Where the card's »Dokument« links to: the published file (``ingest --url``), else
    the bot's own printable page when the bot's public address is known, else nothing."""
    if snap.source_url:
        return snap.source_url
    if public_url and snap.meeting.share_token:
        return referat_url(public_url, snap.meeting.share_token)
    return None


def _document_line(snap: RoundSnapshot, public_url: str | None) -> str:
    url = document_link(snap, public_url)
    if url is None:
        return f"Dokument: {snap.document}"
    label = re.sub(r"([\[\]\\])", r"\\\1", snap.document)
    url = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return f"Dokument: [{label}]({url})"


# -- the round card ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Viewer:
    """Whose view of the card to render (None: the shared base card)."""

    aad_object_id: str | None = None
    manager: bool = False


async def _viewer(session: AsyncSession, requester: Requester, snap: RoundSnapshot) -> Viewer:
    manager = await _is_manager(session, requester.aad_object_id, snap.round.committee_id)
    return Viewer(requester.aad_object_id, manager)


async def _refresh_user_ids(session: AsyncSession, snap: RoundSnapshot) -> list[str] | None:
    """Participants' Teams ids (and the secretary's), or None above Teams' limit of 60."""
    if len(snap.participants) > MAX_REFRESH_USERS:
        return None
    ids = [p.teams_user_id for p in snap.participants if p.teams_user_id]
    opener = await session.scalar(sa.select(col(Member.teams_user_id)).where(
        col(Member.committee_id) == snap.round.committee_id,
        col(Member.aad_object_id) == snap.round.opened_by_aad_object_id))
    if opener and opener not in ids and len(ids) < MAX_REFRESH_USERS:
        ids.append(opener)
    return ids


def _progress(snap: RoundSnapshot) -> str:
    text = f"{snap.approved} af {len(snap.participants)} har godkendt"
    if snap.objections:
        text += f" · {snap.objections} indsigelse" + ("r" if snap.objections > 1 else "")
    return text


def _status_line(snap: RoundSnapshot) -> str:
    rnd = snap.round
    if rnd.closed_at and rnd.status == RoundStatus.APPROVED.value:
        return f"Referatet er godkendt ({format_when(rnd.closed_at)})."
    if rnd.closed_at and rnd.status == RoundStatus.CLOSED.value:
        what = "Godkendt med indsigelse" if snap.objections else "Godkendt"
        return (f"{what}: {rnd.closed_by_name or 'sekretæren'} afsluttede godkendelsen "
                f"{format_when(rnd.closed_at)}.")
    return f"Frist: {format_danish_date(rnd.deadline)}."


def _mine(snap: RoundSnapshot, viewer: Viewer) -> str | None:
    me = snap.participant(viewer.aad_object_id)
    answer = answer_of(me) if me else None
    if me is None or answer is None or me.answered_at is None:
        return None
    text = f"{MINE_DA[answer]} {format_when(me.answered_at)}."
    if snap.round.status == RoundStatus.OPEN.value:
        text += " Du kan ændre dit svar, indtil godkendelsen er afsluttet."
    return text


def notes_of(snap: RoundSnapshot) -> list[dict[str, str]]:
    kinds = {Answer.REMARK: "bemærkning", Answer.OBJECT: "indsigelse"}
    return [{"who": f"{p.name} ({kinds[a]})", "text": p.comment or ""}
            for p in snap.participants
            if (a := answer_of(p)) in kinds]


def _progress_style(snap: RoundSnapshot) -> str:
    if snap.round.status == RoundStatus.OPEN.value:
        return "emphasis"
    return "warning" if snap.objections else "good"


def round_card(snap: RoundSnapshot, viewer: Viewer, *, notice: str | None = None,
               refresh_ids: list[str] | None = None,
               public_url: str | None = None) -> dict[str, Any]:
    """The round's card as ``viewer`` sees it; refresh keeps it per-user in Teams."""
    is_open = snap.round.status == RoundStatus.OPEN.value
    participant = snap.participant(viewer.aad_object_id) is not None
    missing = ", ".join(p.name for p in snap.missing())
    label = meeting_label(snap)
    card = render_card("approval", {
        "fallback": f"Godkendelse af referat: {label}. {_progress(snap)}.",
        "notice": notice,
        "title": "Godkendelse af referat",
        "meta": label,
        "items": [{"label": f"Punkt {i.number}: {i.title}",
                   "decision": f" – {i.decision}" if i.decision else ""} for i in snap.items],
        "document": _document_line(snap, public_url),
        "progress": _progress(snap),
        "progress_style": _progress_style(snap),
        "status_line": _status_line(snap),
        "missing": (f"Mangler: {missing}" if missing else "Alle har svaret.")
        if viewer.manager and is_open else None,
        "notes": notes_of(snap),
        "mine": _mine(snap, viewer),
        "round_id": snap.round.id,
        "can_answer": is_open and participant,
        "can_remind": is_open and viewer.manager and bool(missing),
        "can_close": is_open and viewer.manager,
        "close_text": _close_text(snap),
        "manual_refresh": refresh_ids is None,
    })
    if refresh_ids is not None:
        card["refresh"] = {
            "action": {"type": "Action.Execute", "verb": "approval.refresh",
                       "data": {"verb": "approval.refresh", "round_id": snap.round.id}},
            "userIds": refresh_ids,
        }
    return card


def _close_text(snap: RoundSnapshot) -> str:
    """What »Afslut godkendelsen« will do, shown before the secretary confirms."""
    parts = [f"{snap.approved} af {len(snap.participants)} har godkendt."]
    if snap.objections:
        parts.append("Indsigelser føres til referatet (kommunestyrelsesloven § 13).")
    if missing := snap.missing():
        parts.append(f"{len(missing)} har ikke svaret og kan ikke svare bagefter.")
    return " ".join(parts)


async def _card_reply(session: AsyncSession, snap: RoundSnapshot, viewer: Viewer,
                      notice: str | None = None, *, public_url: str | None = None) -> Reply:
    ids = await _refresh_user_ids(session, snap)
    return Reply.from_card(round_card(snap, viewer, notice=notice, refresh_ids=ids,
                                      public_url=public_url))


async def _base_card(session: AsyncSession, snap: RoundSnapshot, *,
                     public_url: str | None) -> dict[str, Any]:
    """The card everybody sees unless Teams refreshes it for them."""
    ids = await _refresh_user_ids(session, snap)
    return round_card(snap, Viewer(), refresh_ids=ids, public_url=public_url)


def _card_key(rnd: ApprovalRound) -> str:
    return f"approval:{rnd.id}:card"


async def _queue_update(session: AsyncSession, snap: RoundSnapshot, *, version: int,
                        now: dt.datetime, public_url: str | None) -> None:
    """Replace the card posted in the channel with the current progress, for everyone
    outside the refresh list. Only the newest pending update is kept."""
    rnd = snap.round
    prefix = f"approval:{rnd.id}:update:"
    await cancel_pending(session, kind=UPDATE_KIND, key_prefix=prefix)
    await _queue(session, key=f"{prefix}{version}", kind=UPDATE_KIND,
                 reply=Reply(text=f"Referatet fra {meeting_label(snap)}: {_progress(snap)}.",
                             card=await _base_card(session, snap, public_url=public_url)),
                 due_at=now, conversation_id=rnd.conversation_id, update_of=_card_key(rnd))


# -- opening a round --------------------------------------------------------------------


def _norm_name(name: str) -> str:
    name = re.sub(r"\(.*?\)", " ", name).split(",")[0]
    return " ".join(name.casefold().split())


async def _find_meeting(session: AsyncSession, *, committee_id: int,
                        day: dt.date | None) -> Meeting | None:
    stmt = sa.select(Meeting).where(col(Meeting.committee_id) == committee_id)
    if day is not None:
        stmt = stmt.where(col(Meeting.date) == day)
    stmt = stmt.order_by(col(Meeting.date).desc().nulls_last(), col(Meeting.id).desc())
    return (await session.scalars(stmt.limit(1))).first()


@dataclass(frozen=True, slots=True)
class DefaultParticipants:
    selected: list[Member]
    unmatched: list[str]  # attendees the minutes name who are not in the roster
    from_attendance: bool


async def default_participants(session: AsyncSession, *, meeting: Meeting,
                               members: list[Member]) -> DefaultParticipants:
    """Attendees the minutes print, matched to members by name; else the roster."""
    attendees = (await session.scalars(sa.select(col(Attendee.name)).where(
        col(Attendee.meeting_id) == meeting.id, col(Attendee.present).is_(True)))).all()
    by_name = {_norm_name(m.name): m for m in members}
    matched = [by_name[_norm_name(a)] for a in attendees if _norm_name(a) in by_name]
    if matched:
        unmatched = [a for a in attendees if _norm_name(a) not in by_name]
        return DefaultParticipants(matched, unmatched, True)
    politicians = [m for m in members if Role(m.role) in (Role.MEMBER, Role.CHAIR)]
    return DefaultParticipants(politicians, list(attendees), False)


async def preview_reply(db: Database, requester: Requester, *, when: str, working_days: int,
                        now: dt.datetime | None = None) -> Reply:
    """»godkend referat DATO«: the card where the secretary checks participants and deadline."""
    now = now or utcnow()
    async with db.sessions() as session:
        committee = await _bound_committee(session, requester.conversation_id)
        if committee is None or committee.id is None:
            return Reply(text="Kanalen er ikke knyttet til et udvalg. Skriv først "
                              "»tilknyt udvalg NAVN«.")
        if not await _is_manager(session, requester.aad_object_id, committee.id):
            return Reply(text=ONLY_SECRETARY)
        day = parse_danish_date(when) if when.strip() else None
        if when.strip() and day is None:
            return Reply(text=f"»{when}« er ikke en dato. Skriv fx »godkend referat "
                              "30. november 2020«.")
        meeting = await _find_meeting(session, committee_id=committee.id, day=day)
        if meeting is None or meeting.id is None:
            what = f"fra {format_danish_date(day)}" if day else ""
            return Reply(text=f"Jeg kender intet referat {what} for {committee.name}.".replace(
                "  ", " "))
        existing = await round_for_meeting(session, meeting_id=meeting.id)
        if existing is not None and existing.id is not None:
            snap = await snapshot(session, round_id=existing.id)
            assert snap is not None
            return await _card_reply(session, snap, await _viewer(session, requester, snap),
                                     notice="Godkendelsen af dette referat er allerede åbnet.")
        preview = await preview_card(session, committee=committee, meeting=meeting,
                                     working_days=working_days, today=local_date(now))
    if preview is None:
        return Reply(text=f"{committee.name} har ingen medlemmer endnu. Tilknyt kanalen "
                          "til udvalget, så henter jeg medlemslisten.")
    return Reply.from_card(preview)


async def preview_card(session: AsyncSession, *, committee: Committee, meeting: Meeting,
                       working_days: int, today: dt.date,
                       intro: str | None = None) -> dict[str, Any] | None:
    """The card to check participants and deadline before opening; None without members."""
    members = list((await session.scalars(sa.select(Member).where(
        col(Member.committee_id) == committee.id).order_by(col(Member.name)))).all())
    if not members:
        return None
    defaults = await default_participants(session, meeting=meeting, members=members)
    date_text = format_danish_date(meeting.date) if meeting.date else "dato ukendt"
    source = ("Valgt: de fremmødte ifølge referatet." if defaults.from_attendance
              else "Referatet nævner ingen fremmødte, jeg kan genkende; valgt: udvalgets "
                   "medlemmer og formand.")
    unmatched = (f"Står i referatet, men ikke i medlemslisten: {', '.join(defaults.unmatched)}."
                 if defaults.unmatched and defaults.from_attendance else None)
    return render_card("approval_open", {
        "fallback": f"Åbn digital godkendelse af referatet fra {committee.name}, {date_text}.",
        "notice": None,
        "intro": intro,
        "meta": f"{committee.name} · {date_text}",
        "source_line": source + " Ret listen, før du åbner.",
        "unmatched": unmatched,
        "choices": [{"name": m.name, "aad_object_id": m.aad_object_id} for m in members],
        "selected": ",".join(m.aad_object_id for m in defaults.selected),
        "working_days": working_days,
        "deadline": add_working_days(today, working_days).isoformat(),
        "today": today.isoformat(),
        "meeting_id": meeting.id,
    })


def _chosen_ids(value: Any) -> list[str]:
    if isinstance(value, list):
        raw = [str(v) for v in value]
    elif isinstance(value, str):
        raw = value.split(",")
    else:
        raw = []
    return list(dict.fromkeys(v.strip() for v in raw if v.strip()))


def _deadline(value: Any, today: dt.date) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return day if day >= today else None


async def _round_channel(session: AsyncSession, requester: Requester,
                         committee_id: int) -> str | None:
    """The channel the round's card goes to: this one if bound to the committee."""
    here = await get_conversation(session, conversation_id=requester.conversation_id)
    if here is not None and here.committee_id == committee_id and here.installed:
        return here.conversation_id
    channels = await committee_conversations(session, committee_id=committee_id)
    preferred = [c for c in channels if c.conversation_type == "channel"] or channels
    return preferred[0].conversation_id if preferred else None


async def open_round(db: Database, requester: Requester, action: CardAction, *,
                     now: dt.datetime, public_url: str | None = None) -> Reply:
    """»Åbn godkendelsen« on the preview card."""
    meeting_id = _int(action.data.get("meeting_id"))
    chosen = _chosen_ids(action.data.get("participants"))
    deadline = _deadline(action.data.get("deadline"), local_date(now))
    if meeting_id is None:
        return _notice("Kortet mangler oplysninger om mødet. Skriv »godkend referat DATO« igen.")
    if not chosen:
        return _notice("Vælg mindst én deltager.")
    if deadline is None:
        return _notice("Vælg en frist, der ikke ligger før i dag.")
    try:
        async with db.transaction() as session:
            reply = await _open_round(session, requester, action, meeting_id=meeting_id,
                                      chosen=chosen, deadline=deadline, now=now,
                                      public_url=public_url)
    except IntegrityError:
        return _notice("Godkendelsen af dette referat er allerede åbnet.")
    return reply


async def _open_round(session: AsyncSession, requester: Requester, action: CardAction, *,
                      meeting_id: int, chosen: list[str], deadline: dt.date,
                      now: dt.datetime, public_url: str | None) -> Reply:
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None or meeting.committee_id is None:
        return _notice("Jeg kan ikke finde mødet længere. Måske er referatet erstattet.")
    if not await _is_manager(session, requester.aad_object_id, meeting.committee_id):
        return _notice(ONLY_SECRETARY)
    if await round_for_meeting(session, meeting_id=meeting_id) is not None:
        return _notice("Godkendelsen af dette referat er allerede åbnet.")
    members = {m.aad_object_id: m for m in (await session.scalars(sa.select(Member).where(
        col(Member.committee_id) == meeting.committee_id,
        col(Member.aad_object_id).in_(chosen)))).all()}
    if len(members) != len(chosen):
        return _notice("Nogle af de valgte deltagere er ikke medlemmer af udvalget. "
                       "Skriv »godkend referat DATO« igen.")
    channel = await _round_channel(session, requester, meeting.committee_id)
    if channel is None:
        return _notice("Udvalget har ingen kanal med Referatbot. Skriv først "
                       "»tilknyt udvalg NAVN« i udvalgets kanal.")
    specs = [ParticipantSpec(m.aad_object_id, m.name, m.teams_user_id)
             for m in sorted(members.values(), key=lambda m: m.name)]
    rnd = await create_round(session, meeting_id=meeting_id, committee_id=meeting.committee_id,
                             conversation_id=channel, deadline=deadline,
                             opener=_actor(requester, action), participants=specs, now=now)
    assert rnd.id is not None
    snap = await snapshot(session, round_id=rnd.id)
    assert snap is not None
    await _queue_opening(session, snap, now=now, public_url=public_url)
    label = meeting_label(snap)
    return _notice(f"Godkendelsen er åbnet med {len(specs)} deltagere og frist "
                   f"{format_danish_date(deadline)}. Kortet sendes til kanalen nu.",
                   title=f"Referatet fra {label}")


async def _queue_opening(session: AsyncSession, snap: RoundSnapshot, *, now: dt.datetime,
                         public_url: str | None) -> None:
    """The card in the channel now; 1:1 reminders to each participant at the times of
    :func:`reminder_times` (cancelled for a participant when they answer)."""
    rnd = snap.round
    card = await _base_card(session, snap, public_url=public_url)
    await _queue(session, key=_card_key(rnd), kind="approval.card",
                 reply=Reply(text=f"Referatet fra {meeting_label(snap)} er klar til digital "
                                  "godkendelse.", card=card),
                 due_at=now, conversation_id=rnd.conversation_id)
    for due in reminder_times(now, rnd.deadline):
        reply = _reminder(snap, card, on=local_date(due))
        for p in snap.participants:
            await _queue(session, key=f"approval:{rnd.id}:due:{local_date(due).isoformat()}:"
                                      f"{p.aad_object_id}",
                         kind=REMINDER_KIND, reply=reply, due_at=due,
                         user_aad_object_id=p.aad_object_id)


def _reminder(snap: RoundSnapshot, card: dict[str, Any], *, on: dt.date | None = None) -> Reply:
    label = meeting_label(snap)
    if on == snap.round.deadline:
        text = f"Påmindelse: I dag er sidste frist for at godkende referatet fra {label}."
    else:
        text = (f"Påmindelse: Husk at godkende referatet fra {label}. "
                f"Fristen er {format_danish_date(snap.round.deadline)}.")
    return Reply(text=text, card=card)


async def _cancel_reminders(session: AsyncSession, rnd: ApprovalRound,
                            aad_object_id: str | None = None) -> None:
    """Unsent reminders of the round (of one participant, or everyone's)."""
    await cancel_pending(session, kind=REMINDER_KIND, key_prefix=f"approval:{rnd.id}:",
                         user_aad_object_id=aad_object_id)


# -- answers ----------------------------------------------------------------------------

_COMMENT_FIELD = {Answer.REMARK: "remark", Answer.OBJECT: "reason"}


def _comment(action: CardAction, answer: Answer) -> str | None:
    field = _COMMENT_FIELD.get(answer)
    if field is None:
        return None
    return _text(action.data.get(field)) or _text(action.data.get("comment"))


async def answer_round(db: Database, requester: Requester, action: CardAction, answer: Answer,
                       *, now: dt.datetime, public_url: str | None = None) -> Reply:
    """Godkend / Godkend med bemærkning / Gør indsigelse."""
    round_id = _int(action.data.get("round_id"))
    if round_id is None:
        return _notice(NO_ROUND)
    comment = _comment(action, answer)
    if answer is not Answer.APPROVE and comment is None:
        return await refresh_round(db, requester, action, public_url=public_url,
                                   notice=NEED_REMARK if answer is Answer.REMARK else NEED_REASON)
    async with db.transaction() as session:
        result = await record_answer(session, round_id=round_id, actor=_actor(requester, action),
                                     answer=answer, comment=comment, now=now)
        if result.outcome is AnswerOutcome.NO_ROUND:
            return _notice(NO_ROUND)
        snap = await snapshot(session, round_id=round_id)
        assert snap is not None
        if result.outcome is AnswerOutcome.RECORDED:
            assert result.audit_id is not None
            await _after_answer(session, snap, requester, answer, comment, result.closed_now,
                                audit_id=result.audit_id, now=now, public_url=public_url)
        notice = {AnswerOutcome.NOT_PARTICIPANT: NOT_PARTICIPANT,
                  AnswerOutcome.CLOSED: CLOSED}.get(result.outcome)
        return await _card_reply(session, snap, await _viewer(session, requester, snap), notice,
                                 public_url=public_url)


async def _after_answer(session: AsyncSession, snap: RoundSnapshot, requester: Requester,
                        answer: Answer, comment: str | None, closed_now: bool, *,
                        audit_id: int, now: dt.datetime, public_url: str | None) -> None:
    rnd = snap.round
    if requester.aad_object_id:  # a participant: recorded answers always have one
        await _cancel_reminders(session, rnd, requester.aad_object_id)
    label = meeting_label(snap)
    if comment is not None:
        what = (f"godkendte referatet fra {label} med en bemærkning" if answer is Answer.REMARK
                else f"gjorde indsigelse mod referatet fra {label}")
        await _queue(session, key=f"approval:{rnd.id}:note:{audit_id}", kind="approval.note",
                     reply=Reply(text=f"{requester.name} {what}: »{comment}«"),
                     due_at=now, user_aad_object_id=rnd.opened_by_aad_object_id)
    if closed_now:
        await _cancel_reminders(session, rnd)
        text = (f"Referatet er godkendt: alle {len(snap.participants)} deltagere har godkendt "
                f"referatet fra {label}.")
        notes = len(notes_of(snap))
        if notes:
            text += f" Der er {notes} bemærkning{'er' if notes > 1 else ''} til referatet."
        await _queue(session, key=f"approval:{rnd.id}:approved", kind="approval.closed",
                     reply=_notice(text, title="Referatet er godkendt"), due_at=now,
                     conversation_id=rnd.conversation_id)
    await _queue_update(session, snap, version=audit_id, now=now, public_url=public_url)


async def refresh_round(db: Database, requester: Requester, action: CardAction, *,
                        notice: str | None = None, public_url: str | None = None) -> Reply:
    """The card as this user sees it (the refresh invoke and the »Opdater« button)."""
    round_id = _int(action.data.get("round_id"))
    if round_id is None:
        return _notice(NO_ROUND)
    async with db.sessions() as session:
        snap = await snapshot(session, round_id=round_id)
        if snap is None:
            return _notice(NO_ROUND)
        return await _card_reply(session, snap, await _viewer(session, requester, snap), notice,
                                 public_url=public_url)


# -- closing by the secretary -----------------------------------------------------------


async def close_by_secretary(db: Database, requester: Requester, action: CardAction, *,
                             now: dt.datetime, public_url: str | None = None) -> Reply:
    """»Afslut godkendelsen«: the secretary closes the round as it stands. Objections and
    remarks are kept as entries to the record (kommunestyrelsesloven § 13); the channel is
    told and its card updated."""
    round_id = _int(action.data.get("round_id"))
    if round_id is None:
        return _notice(NO_ROUND)
    async with db.transaction() as session:
        rnd = await lock_round(session, round_id=round_id)
        if rnd is None:
            return _notice(NO_ROUND)
        manager = await _is_manager(session, requester.aad_object_id, rnd.committee_id)
        outcome = None
        if manager:
            outcome = await close_round(session, rnd=rnd, actor=_actor(requester, action),
                                        now=now)
        snap = await snapshot(session, round_id=round_id)
        assert snap is not None
        notice = {None: ONLY_SECRETARY_CLOSE, CloseOutcome.NOT_OPEN: CLOSED,
                  CloseOutcome.NONE_APPROVED: NONE_APPROVED,
                  CloseOutcome.CLOSED: "Godkendelsen er afsluttet."}[outcome]
        if outcome is CloseOutcome.CLOSED:
            await _after_close(session, snap, requester, now=now, public_url=public_url)
        return await _card_reply(session, snap, Viewer(requester.aad_object_id, manager),
                                 notice, public_url=public_url)


async def _after_close(session: AsyncSession, snap: RoundSnapshot, requester: Requester, *,
                       now: dt.datetime, public_url: str | None) -> None:
    rnd = snap.round
    assert rnd.id is not None
    await _cancel_reminders(session, rnd)
    label = meeting_label(snap)
    objectors = [p.name for p in snap.objectors()]
    missing = [p.name for p in snap.missing()]
    title = "Referatet er godkendt med indsigelse" if objectors else "Referatet er godkendt"
    text = (f"{title}: {requester.name} har afsluttet godkendelsen af referatet fra {label}. "
            f"{snap.approved} af {len(snap.participants)} godkendte.")
    if objectors:
        text += f" Indsigelse fra {join_names(objectors)} er ført til referatet."
    if missing:
        text += f" Ikke svaret: {join_names(missing)}."
    await _queue(session, key=f"approval:{rnd.id}:closed", kind="approval.closed",
                 reply=_notice(text, title=title), due_at=now,
                 conversation_id=rnd.conversation_id)
    version = await session.scalar(sa.select(sa.func.max(col(ApprovalAudit.id))).where(
        col(ApprovalAudit.round_id) == rnd.id))
    await _queue_update(session, snap, version=int(version or 0), now=now,
                        public_url=public_url)


# -- reminders --------------------------------------------------------------------------


async def remind_missing(db: Database, requester: Requester, action: CardAction, *,
                         now: dt.datetime, public_url: str | None = None) -> Reply:
    """»Påmind manglende« on the card: a 1:1 reminder to everyone who has not answered."""
    round_id = _int(action.data.get("round_id"))
    if round_id is None:
        return _notice(NO_ROUND)
    async with db.transaction() as session:
        rnd = await lock_round(session, round_id=round_id)
        snap = await snapshot(session, round_id=round_id) if rnd is not None else None
        if snap is None:
            return _notice(NO_ROUND)
        viewer = await _viewer(session, requester, snap)
        notice = await _remind(session, snap, requester, action, viewer, now=now,
                               public_url=public_url)
        snap = await snapshot(session, round_id=round_id)
        assert snap is not None
        return await _card_reply(session, snap, viewer, notice, public_url=public_url)


async def _remind(session: AsyncSession, snap: RoundSnapshot, requester: Requester,
                  action: CardAction | None, viewer: Viewer, *, now: dt.datetime,
                  public_url: str | None) -> str:
    if not viewer.manager:
        return ONLY_SECRETARY
    if snap.round.status != RoundStatus.OPEN.value:
        return CLOSED
    missing = snap.missing()
    if not missing:
        return "Alle deltagere har svaret; der er ingen at påminde."
    assert snap.round.id is not None
    number = await note_reminder(session, round_id=snap.round.id,
                                 actor=_actor(requester, action),
                                 names=[p.name for p in missing], now=now)
    card = await _base_card(session, snap, public_url=public_url)
    for p in missing:
        await _queue(session, key=f"approval:{snap.round.id}:remind:{number}:{p.aad_object_id}",
                     kind=REMINDER_KIND, reply=_reminder(snap, card), due_at=now,
                     user_aad_object_id=p.aad_object_id)
    return f"Påmindelse sendt til {len(missing)}: {', '.join(p.name for p in missing)}."


async def remind_command(db: Database, requester: Requester, *, when: str = "",
                         now: dt.datetime | None = None, public_url: str | None = None) -> Reply:
    """»påmind manglende [DATO]« in the committee's channel."""
    async with db.transaction() as session:
        committee = await _bound_committee(session, requester.conversation_id)
        if committee is None or committee.id is None:
            return Reply(text="Kanalen er ikke knyttet til et udvalg.")
        rounds = await open_rounds(session, committee_id=committee.id)
        day = parse_danish_date(when) if when.strip() else None
        snaps = [s for r in rounds if r.id is not None
                 and (s := await snapshot(session, round_id=r.id)) is not None
                 and (day is None or s.meeting.date == day)]
        if not snaps:
            return Reply(text=f"Der er ingen åben godkendelse for {committee.name}.")
        snap = snaps[-1]
        viewer = await _viewer(session, requester, snap)
        text = await _remind(session, snap, requester, None, viewer, now=now or utcnow(),
                             public_url=public_url)
    return Reply(text=text)


# -- card verbs ---------------------------------------------------------------------------

_ANSWER_VERBS = {"approval.approve": Answer.APPROVE, "approval.remark": Answer.REMARK,
                 "approval.object": Answer.OBJECT}
VERBS = frozenset({"approval.open", "approval.refresh", "approval.remind", "approval.close",
                   *_ANSWER_VERBS})


async def handle(db: Database, requester: Requester, action: CardAction, *,
                 now: dt.datetime | None = None, public_url: str | None = None) -> Reply:
    """Dispatch an ``approval.*`` card verb. ``public_url``: the bot's public address, for
    the link to the printable minutes (None: no such link)."""
    now = now or utcnow()
    if action.verb in _ANSWER_VERBS:
        return await answer_round(db, requester, action, _ANSWER_VERBS[action.verb], now=now,
                                  public_url=public_url)
    if action.verb == "approval.open":
        return await open_round(db, requester, action, now=now, public_url=public_url)
    if action.verb == "approval.remind":
        return await remind_missing(db, requester, action, now=now, public_url=public_url)
    if action.verb == "approval.close":
        return await close_by_secretary(db, requester, action, now=now, public_url=public_url)
    return await refresh_round(db, requester, action, public_url=public_url)
