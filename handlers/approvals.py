"""Digital approval of minutes ("Digital godkendelse af referat") through Adaptive Cards.

The secretary writes »godkend referat 30. november 2020« in a channel bound to
the committee and gets a card to check the participants and the deadline;
»Åbn godkendelsen« opens the round and posts its card to the channel. The card
refreshes per user (Universal Actions): a participant approves, approves with a
remark or objects with a reason, and may change the answer until every
participant has approved; then the round closes and the channel is told.
Reminders and notices go through the outbox (``storage/outbox.py``).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.admin import MANAGERS
from handlers.cards import render_card
from handlers.context import CardAction, Reply, Requester
from minutes.dates import format_danish_date, parse_danish_date
from storage.approvals_repo import (
    Actor,
    AnswerOutcome,
    ParticipantSpec,
    RoundSnapshot,
    answer_of,
    audit_trail,
    create_round,
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
from storage.outbox import cancel, enqueue

TZ = ZoneInfo("Europe/Copenhagen")
MAX_REFRESH_USERS = 60  # Teams refreshes a card automatically for at most 60 userIds
REMINDER_HOUR = 9  # the automatic reminder goes out at 09:00 on the deadline day

ANSWER_DA = {Answer.APPROVE: "Godkendt", Answer.REMARK: "Godkendt med bemærkning",
             Answer.OBJECT: "Indsigelse"}
MINE_DA = {Answer.APPROVE: "Du godkendte referatet",
           Answer.REMARK: "Du godkendte referatet med en bemærkning",
           Answer.OBJECT: "Du gjorde indsigelse mod referatet"}
ACTION_DA = {"opened": "Åbnede godkendelsen", "approve": "Godkendte",
             "remark": "Godkendte med bemærkning", "object": "Gjorde indsigelse",
             "reminded": "Påmindede", "approved": "Referatet blev godkendt"}

NO_ROUND = "Jeg kan ikke finde den godkendelse. Kortet er måske forældet."
NOT_PARTICIPANT = ("Du er ikke deltager i denne godkendelse, så dit svar er ikke registreret. "
                   "Kontakt udvalgssekretæren, hvis det er en fejl.")
CLOSED = "Godkendelsen er afsluttet, så svar kan ikke ændres længere."
NEED_REMARK = "Skriv din bemærkning, før du godkender med bemærkning."
NEED_REASON = "Skriv en begrundelse for indsigelsen."
ONLY_SECRETARY = "Kun udvalgets sekretær kan åbne en godkendelse og sende påmindelser."


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


def reminder_due(deadline: dt.date, now: dt.datetime) -> dt.datetime:
    """09:00 Danish time on the deadline day, or now when that has passed."""
    due = dt.datetime.combine(deadline, dt.time(REMINDER_HOUR), tzinfo=TZ).astimezone(dt.UTC)
    return max(due, now)


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


def _meeting_label(snap: RoundSnapshot) -> str:
    when = format_danish_date(snap.meeting.date) if snap.meeting.date else "dato ukendt"
    return f"{snap.committee}, {when}" if snap.committee else when


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
                 user_aad_object_id: str | None = None) -> None:
    """Queue in the caller's transaction, so a message is queued exactly when its change is."""
    await enqueue(session, key=key, kind=kind, payload={"text": reply.text, "card": reply.card},
                  due_at=due_at, conversation_id=conversation_id,
                  user_aad_object_id=user_aad_object_id)


def _reminder_keys(rnd: ApprovalRound, aad_object_id: str) -> list[str]:
    keys = [f"approval:{rnd.id}:deadline:{aad_object_id}"]
    keys += [f"approval:{rnd.id}:remind:{n}:{aad_object_id}"
             for n in range(1, rnd.reminders_sent + 1)]
    return keys


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
    opener = await session.scalar(sa.select(Member.teams_user_id).where(  # type: ignore[call-overload]
        Member.committee_id == snap.round.committee_id,
        Member.aad_object_id == snap.round.opened_by_aad_object_id))
    if opener and opener not in ids and len(ids) < MAX_REFRESH_USERS:
        ids.append(opener)
    return ids


def _progress(snap: RoundSnapshot) -> str:
    text = f"{snap.approved} af {len(snap.participants)} har godkendt"
    if snap.objections:
        text += f" · {snap.objections} indsigelse" + ("r" if snap.objections > 1 else "")
    return text


def _status_line(snap: RoundSnapshot) -> str:
    if snap.round.status == RoundStatus.APPROVED.value and snap.round.closed_at:
        return f"Referatet er godkendt ({format_when(snap.round.closed_at)})."
    return f"Frist: {format_danish_date(snap.round.deadline)}."


def _mine(snap: RoundSnapshot, viewer: Viewer) -> str | None:
    me = snap.participant(viewer.aad_object_id)
    answer = answer_of(me) if me else None
    if me is None or answer is None or me.answered_at is None:
        return None
    text = f"{MINE_DA[answer]} {format_when(me.answered_at)}."
    if snap.round.status == RoundStatus.OPEN.value:
        text += " Du kan ændre dit svar, indtil godkendelsen er afsluttet."
    return text


def _notes(snap: RoundSnapshot) -> list[dict[str, str]]:
    kinds = {Answer.REMARK: "bemærkning", Answer.OBJECT: "indsigelse"}
    return [{"who": f"{p.name} ({kinds[a]})", "text": p.comment or ""}
            for p in snap.participants
            if (a := answer_of(p)) in kinds]


def round_card(snap: RoundSnapshot, viewer: Viewer, *, notice: str | None = None,
               refresh_ids: list[str] | None = None) -> dict[str, Any]:
    """The round's card as ``viewer`` sees it; refresh keeps it per-user in Teams."""
    is_open = snap.round.status == RoundStatus.OPEN.value
    participant = snap.participant(viewer.aad_object_id) is not None
    missing = ", ".join(p.name for p in snap.missing())
    label = _meeting_label(snap)
    card = render_card("approval", {
        "fallback": f"Godkendelse af referat: {label}. {_progress(snap)}.",
        "notice": notice,
        "title": "Godkendelse af referat",
        "meta": label,
        "items": [{"label": f"Punkt {i.number}: {i.title}",
                   "decision": f" – {i.decision}" if i.decision else ""} for i in snap.items],
        "document": f"Dokument: {snap.document}",
        "progress": _progress(snap),
        "progress_style": "emphasis" if is_open else "good",
        "status_line": _status_line(snap),
        "missing": (f"Mangler: {missing}" if missing else "Alle har svaret.")
        if viewer.manager else None,
        "notes": _notes(snap),
        "mine": _mine(snap, viewer),
        "round_id": snap.round.id,
        "can_answer": is_open and participant,
        "can_remind": is_open and viewer.manager and bool(missing),
        "manual_refresh": refresh_ids is None,
    })
    if refresh_ids is not None:
        card["refresh"] = {
            "action": {"type": "Action.Execute", "verb": "approval.refresh",
                       "data": {"verb": "approval.refresh", "round_id": snap.round.id}},
            "userIds": refresh_ids,
        }
    return card


async def _card_reply(session: AsyncSession, snap: RoundSnapshot, viewer: Viewer,
                      notice: str | None = None) -> Reply:
    ids = await _refresh_user_ids(session, snap)
    return Reply.from_card(round_card(snap, viewer, notice=notice, refresh_ids=ids))


# -- opening a round --------------------------------------------------------------------


def _norm_name(name: str) -> str:
    name = re.sub(r"\(.*?\)", " ", name).split(",")[0]
    return " ".join(name.casefold().split())


async def _find_meeting(session: AsyncSession, *, committee_id: int,
                        day: dt.date | None) -> Meeting | None:
    stmt = sa.select(Meeting).where(Meeting.committee_id == committee_id)  # type: ignore[arg-type]
    if day is not None:
        stmt = stmt.where(Meeting.date == day)  # type: ignore[arg-type]
    stmt = stmt.order_by(Meeting.date.desc().nulls_last(), Meeting.id.desc())  # type: ignore[union-attr]
    return (await session.scalars(stmt.limit(1))).first()


@dataclass(frozen=True, slots=True)
class DefaultParticipants:
    selected: list[Member]
    unmatched: list[str]  # attendees the minutes name who are not in the roster
    from_attendance: bool


async def default_participants(session: AsyncSession, *, meeting: Meeting,
                               members: list[Member]) -> DefaultParticipants:
    """Attendees the minutes print, matched to members by name; else the roster."""
    attendees = (await session.scalars(sa.select(Attendee.name).where(  # type: ignore[call-overload]
        Attendee.meeting_id == meeting.id, Attendee.present.is_(True)))).all()  # type: ignore[attr-defined]
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
        members = list((await session.scalars(sa.select(Member).where(
            Member.committee_id == committee.id).order_by(Member.name))).all())  # type: ignore[arg-type]
        if not members:
            return Reply(text=f"{committee.name} har ingen medlemmer endnu. Tilknyt kanalen "
                              "til udvalget, så henter jeg medlemslisten.")
        defaults = await default_participants(session, meeting=meeting, members=members)
    return Reply.from_card(_preview_card(committee.name, meeting, members, defaults,
                                         working_days=working_days, today=local_date(now)))


def _preview_card(committee: str, meeting: Meeting, members: list[Member],
                  defaults: DefaultParticipants, *, working_days: int,
                  today: dt.date) -> dict[str, Any]:
    date_text = format_danish_date(meeting.date) if meeting.date else "dato ukendt"
    source = ("Valgt: de fremmødte ifølge referatet." if defaults.from_attendance
              else "Referatet nævner ingen fremmødte, jeg kan genkende; valgt: udvalgets "
                   "medlemmer og formand.")
    unmatched = (f"Står i referatet, men ikke i medlemslisten: {', '.join(defaults.unmatched)}."
                 if defaults.unmatched and defaults.from_attendance else None)
    return render_card("approval_open", {
        "fallback": f"Åbn digital godkendelse af referatet fra {committee}, {date_text}.",
        "notice": None,
        "meta": f"{committee} · {date_text}",
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


async def open_round(db: Database, requester: Requester, action: CardAction,
                     now: dt.datetime | None = None) -> Reply:
    """»Åbn godkendelsen« on the preview card."""
    now = now or utcnow()
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
                                      chosen=chosen, deadline=deadline, now=now)
    except IntegrityError:
        return _notice("Godkendelsen af dette referat er allerede åbnet.")
    return reply


async def _open_round(session: AsyncSession, requester: Requester, action: CardAction, *,
                      meeting_id: int, chosen: list[str], deadline: dt.date,
                      now: dt.datetime) -> Reply:
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None or meeting.committee_id is None:
        return _notice("Jeg kan ikke finde mødet længere. Måske er referatet erstattet.")
    if not await _is_manager(session, requester.aad_object_id, meeting.committee_id):
        return _notice(ONLY_SECRETARY)
    if await round_for_meeting(session, meeting_id=meeting_id) is not None:
        return _notice("Godkendelsen af dette referat er allerede åbnet.")
    members = {m.aad_object_id: m for m in (await session.scalars(sa.select(Member).where(
        Member.committee_id == meeting.committee_id, Member.aad_object_id.in_(chosen)))).all()}  # type: ignore[arg-type, attr-defined]
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
    await _queue_opening(session, snap, now=now)
    label = _meeting_label(snap)
    return _notice(f"Godkendelsen er åbnet med {len(specs)} deltagere og frist "
                   f"{format_danish_date(deadline)}. Kortet sendes til kanalen nu.",
                   title=f"Referatet fra {label}")


async def _queue_opening(session: AsyncSession, snap: RoundSnapshot, *, now: dt.datetime) -> None:
    """The card in the channel now; a 1:1 reminder to each participant on the deadline day."""
    rnd = snap.round
    ids = await _refresh_user_ids(session, snap)
    card = round_card(snap, Viewer(), refresh_ids=ids)
    await _queue(session, key=f"approval:{rnd.id}:card", kind="approval.card",
                 reply=Reply(text=f"Referatet fra {_meeting_label(snap)} er klar til digital "
                                  "godkendelse.", card=card),
                 due_at=now, conversation_id=rnd.conversation_id)
    due = reminder_due(rnd.deadline, now)
    for p in snap.participants:
        await _queue(session, key=f"approval:{rnd.id}:deadline:{p.aad_object_id}",
                     kind="approval.reminder", reply=_reminder(snap, card), due_at=due,
                     user_aad_object_id=p.aad_object_id)


def _reminder(snap: RoundSnapshot, card: dict[str, Any]) -> Reply:
    return Reply(text=f"Påmindelse: Husk at godkende referatet fra {_meeting_label(snap)}. "
                      f"Fristen er {format_danish_date(snap.round.deadline)}.", card=card)


# -- answers ----------------------------------------------------------------------------

_COMMENT_FIELD = {Answer.REMARK: "remark", Answer.OBJECT: "reason"}


def _comment(action: CardAction, answer: Answer) -> str | None:
    field = _COMMENT_FIELD.get(answer)
    if field is None:
        return None
    return _text(action.data.get(field)) or _text(action.data.get("comment"))


async def answer_round(db: Database, requester: Requester, action: CardAction, answer: Answer,
                       now: dt.datetime | None = None) -> Reply:
    """Godkend / Godkend med bemærkning / Gør indsigelse."""
    now = now or utcnow()
    round_id = _int(action.data.get("round_id"))
    if round_id is None:
        return _notice(NO_ROUND)
    comment = _comment(action, answer)
    if answer is not Answer.APPROVE and comment is None:
        return await refresh_round(db, requester, action,
                                   notice=NEED_REMARK if answer is Answer.REMARK else NEED_REASON)
    async with db.transaction() as session:
        result = await record_answer(session, round_id=round_id, actor=_actor(requester, action),
                                     answer=answer, comment=comment, now=now)
        if result.outcome is AnswerOutcome.NO_ROUND:
            return _notice(NO_ROUND)
        snap = await snapshot(session, round_id=round_id)
        assert snap is not None
        if result.outcome is AnswerOutcome.RECORDED:
            await _after_answer(session, snap, requester, answer, comment, result.closed_now,
                                audit_id=result.audit_id, now=now)
        notice = {AnswerOutcome.NOT_PARTICIPANT: NOT_PARTICIPANT,
                  AnswerOutcome.CLOSED: CLOSED}.get(result.outcome)
        return await _card_reply(session, snap, await _viewer(session, requester, snap), notice)


async def _after_answer(session: AsyncSession, snap: RoundSnapshot, requester: Requester,
                        answer: Answer, comment: str | None, closed_now: bool, *,
                        audit_id: int | None, now: dt.datetime) -> None:
    rnd = snap.round
    await cancel(session, keys=_reminder_keys(rnd, requester.aad_object_id or ""))
    label = _meeting_label(snap)
    if comment is not None:
        what = "godkendte med en bemærkning" if answer is Answer.REMARK else "gjorde indsigelse"
        await _queue(session, key=f"approval:{rnd.id}:note:{audit_id}", kind="approval.note",
                     reply=Reply(text=f"{requester.name} {what} til referatet fra {label}: "
                                      f"»{comment}«"),
                     due_at=now, user_aad_object_id=rnd.opened_by_aad_object_id)
    if closed_now:
        keys = [k for p in snap.participants for k in _reminder_keys(rnd, p.aad_object_id)]
        await cancel(session, keys=keys)
        text = (f"Referatet er godkendt: alle {len(snap.participants)} deltagere har godkendt "
                f"referatet fra {label}.")
        notes = len(_notes(snap))
        if notes:
            text += f" Der er {notes} bemærkning{'er' if notes > 1 else ''} til referatet."
        await _queue(session, key=f"approval:{rnd.id}:approved", kind="approval.closed",
                     reply=_notice(text, title="Referatet er godkendt"), due_at=now,
                     conversation_id=rnd.conversation_id)


async def refresh_round(db: Database, requester: Requester, action: CardAction,
                        notice: str | None = None) -> Reply:
    """The card as this user sees it (the refresh invoke and the »Opdater« button)."""
    round_id = _int(action.data.get("round_id"))
    if round_id is None:
        return _notice(NO_ROUND)
    async with db.sessions() as session:
        snap = await snapshot(session, round_id=round_id)
        if snap is None:
            return _notice(NO_ROUND)
        return await _card_reply(session, snap, await _viewer(session, requester, snap), notice)


# -- reminders --------------------------------------------------------------------------


async def remind_missing(db: Database, requester: Requester, action: CardAction,
                         now: dt.datetime | None = None) -> Reply:
    """»Påmind manglende« on the card: a 1:1 reminder to everyone who has not answered."""
    round_id = _int(action.data.get("round_id"))
    if round_id is None:
        return _notice(NO_ROUND)
    async with db.transaction() as session:
        snap = await snapshot(session, round_id=round_id)
        if snap is None:
            return _notice(NO_ROUND)
        viewer = await _viewer(session, requester, snap)
        notice = await _remind(session, snap, requester, action, viewer, now or utcnow())
        snap = await snapshot(session, round_id=round_id)
        assert snap is not None
        return await _card_reply(session, snap, viewer, notice)


async def _remind(session: AsyncSession, snap: RoundSnapshot, requester: Requester,
                  action: CardAction | None, viewer: Viewer, now: dt.datetime) -> str:
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
    ids = await _refresh_user_ids(session, snap)
    card = round_card(snap, Viewer(), refresh_ids=ids)
    for p in missing:
        await _queue(session, key=f"approval:{snap.round.id}:remind:{number}:{p.aad_object_id}",
                     kind="approval.reminder", reply=_reminder(snap, card), due_at=now,
                     user_aad_object_id=p.aad_object_id)
    return f"Påmindelse sendt til {len(missing)}: {', '.join(p.name for p in missing)}."


async def remind_command(db: Database, requester: Requester, *, when: str = "",
                         now: dt.datetime | None = None) -> Reply:
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
        text = await _remind(session, snap, requester, None, viewer, now or utcnow())
    return Reply(text=text)


# -- card verbs ---------------------------------------------------------------------------

_ANSWER_VERBS = {"approval.approve": Answer.APPROVE, "approval.remark": Answer.REMARK,
                 "approval.object": Answer.OBJECT}
VERBS = frozenset({"approval.open", "approval.refresh", "approval.remind", *_ANSWER_VERBS})


async def handle(db: Database, requester: Requester, action: CardAction) -> Reply:
    """Dispatch an ``approval.*`` card verb."""
    if action.verb in _ANSWER_VERBS:
        return await answer_round(db, requester, action, _ANSWER_VERBS[action.verb])
    if action.verb == "approval.open":
        return await open_round(db, requester, action)
    if action.verb == "approval.remind":
        return await remind_missing(db, requester, action)
    return await refresh_round(db, requester, action)


# -- questions ----------------------------------------------------------------------------

_IS_APPROVED = re.compile(
    r"^(?:er|blev|bliver|har)\b.*\breferat\w*\b.*\bgodkendt\b"
    r"|^hvornår\s+blev\s+referat\w*\b.*\bgodkendt\b"
    r"|\bstatus\b.*\bgodkendelse", re.IGNORECASE)
_WHO_MISSING = re.compile(r"\bhvem\b.*\b(?:mangler|har\s+ikke)\b.*\bgodkend", re.IGNORECASE)


async def approval_status_answer(db: Database, question: str) -> Reply | None:
    """Answer »Er referatet fra 30. november 2020 godkendt?« and »Hvem mangler at godkende?«
    from the approval rounds; None when the question is not about them."""
    text = " ".join(question.split())
    if _WHO_MISSING.search(text):
        return await _who_is_missing(db, parse_danish_date(text))
    if _IS_APPROVED.search(text):
        return await _is_approved(db, parse_danish_date(text))
    return None


async def _snapshots_for(session: AsyncSession, day: dt.date | None,
                         *, only_open: bool) -> list[RoundSnapshot]:
    stmt = sa.select(ApprovalRound.id).join(Meeting, Meeting.id == ApprovalRound.meeting_id)  # type: ignore[call-overload]
    if day is not None:
        stmt = stmt.where(Meeting.date == day)
    if only_open:
        stmt = stmt.where(ApprovalRound.status == RoundStatus.OPEN.value)
    ids = (await session.scalars(stmt.order_by(Meeting.date, ApprovalRound.id))).all()
    return [s for i in ids if (s := await snapshot(session, round_id=i)) is not None]


def _status_sentence(snap: RoundSnapshot) -> str:
    label = _meeting_label(snap)
    total = len(snap.participants)
    if snap.round.status == RoundStatus.APPROVED.value and snap.round.closed_at:
        text = (f"Ja. Referatet fra {label} blev godkendt "
                f"{format_when(snap.round.closed_at)} af alle {total} deltagere.")
        notes = len(_notes(snap))
        return text + (f" Der er {notes} bemærkning{'er' if notes > 1 else ''}." if notes else "")
    missing = ", ".join(p.name for p in snap.missing()) or "ingen"
    text = (f"Nej, ikke endnu. {snap.approved} af {total} har godkendt referatet fra {label}; "
            f"fristen er {format_danish_date(snap.round.deadline)}. Mangler: {missing}.")
    if snap.objections:
        names = ", ".join(p.name for p in snap.participants if answer_of(p) is Answer.OBJECT)
        text += f" Indsigelse fra: {names}."
    return text


async def _is_approved(db: Database, day: dt.date | None) -> Reply | None:
    async with db.sessions() as session:
        snaps = await _snapshots_for(session, day, only_open=False)
        if day is None:
            snaps = snaps[-1:]
        if snaps:
            return Reply(text=" ".join(_status_sentence(s) for s in snaps))
        if day is None:
            return Reply(text="Der er endnu ikke åbnet nogen digital godkendelse af et referat.")
        meetings = (await session.execute(
            sa.select(Meeting, Committee.name)  # type: ignore[call-overload]
            .outerjoin(Committee, Committee.id == Meeting.committee_id)
            .where(Meeting.date == day))).all()
    if not meetings:
        return None
    names = " og ".join(sorted({c or "udvalget" for _, c in meetings}))
    return Reply(text=f"Referatet fra {names}, {format_danish_date(day)}, er ikke sendt til "
                      "digital godkendelse i Referatbot, så jeg ved ikke, om det er godkendt.")


async def _who_is_missing(db: Database, day: dt.date | None) -> Reply:
    async with db.sessions() as session:
        snaps = await _snapshots_for(session, day, only_open=day is None)
    if not snaps:
        return Reply(text="Der er ingen referater, der venter på godkendelse.")
    lines = []
    for s in snaps:
        label = _meeting_label(s)
        if s.round.status != RoundStatus.OPEN.value:
            lines.append(f"Referatet fra {label} er godkendt; ingen mangler.")
            continue
        missing = ", ".join(p.name for p in s.missing()) or "ingen (men der er indsigelser)"
        lines.append(f"Referatet fra {label}: {missing} mangler at godkende "
                     f"({s.approved} af {len(s.participants)} har godkendt, frist "
                     f"{format_danish_date(s.round.deadline)}).")
    return Reply(text="\n\n".join(lines))


# -- export -------------------------------------------------------------------------------


@dataclass(slots=True)
class ApprovalSheet:
    snap: RoundSnapshot
    audit: list[ApprovalAudit]


async def approval_sheets(db: Database, *, day: dt.date,
                          committee: str | None = None) -> list[ApprovalSheet]:
    """The approval record of the meeting(s) on ``day`` (optionally one committee)."""
    async with db.sessions() as session:
        sheets = []
        for snap in await _snapshots_for(session, day, only_open=False):
            if committee and (snap.committee or "").casefold() != committee.casefold():
                continue
            assert snap.round.id is not None
            sheets.append(ApprovalSheet(snap, await audit_trail(session, round_id=snap.round.id)))
    return sheets


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.astimezone(TZ).isoformat(timespec="seconds") if moment else None


def sheet_json(sheet: ApprovalSheet) -> dict[str, Any]:
    s, rnd = sheet.snap, sheet.snap.round
    return {
        "committee": s.committee,
        "meeting_date": s.meeting.date.isoformat() if s.meeting.date else None,
        "document": s.document,
        "status": str(rnd.status.value if isinstance(rnd.status, RoundStatus) else rnd.status),
        "opened_by": rnd.opened_by_name,
        "opened_at": _iso(rnd.opened_at),
        "deadline": rnd.deadline.isoformat(),
        "closed_at": _iso(rnd.closed_at),
        "approved": s.approved,
        "participants": [
            {"name": p.name, "aad_object_id": p.aad_object_id,
             "answer": a.value if (a := answer_of(p)) else None,
             "answer_da": ANSWER_DA[a] if a else "Mangler",
             "comment": p.comment, "answered_at": _iso(p.answered_at)}
            for p in s.participants
        ],
        "audit": [
            {"at": _iso(e.at), "name": e.actor_name, "aad_object_id": e.actor_aad_object_id,
             "action": e.action, "detail": e.detail, "activity_id": e.activity_id}
            for e in sheet.audit
        ],
    }


def export_json(sheets: list[ApprovalSheet]) -> str:
    return json.dumps([sheet_json(s) for s in sheets], ensure_ascii=False, indent=2)


CSV_COLUMNS = ["udvalg", "mødedato", "navn", "entra_object_id", "svar", "bemærkning",
               "tidspunkt"]


def export_csv(sheets: list[ApprovalSheet]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for sheet in sheets:
        data = sheet_json(sheet)
        for p in data["participants"]:
            writer.writerow([data["committee"] or "", data["meeting_date"] or "", p["name"],
                             p["aad_object_id"], p["answer_da"], p["comment"] or "",
                             p["answered_at"] or ""])
    return out.getvalue()


_HTML_STYLE = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: Calibri, Arial, sans-serif; font-size: 10.5pt; color: #111; }
h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; }
p.meta { margin: 0 0 4mm; color: #444; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
th, td { border: 0.5pt solid #999; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; } tr { page-break-inside: avoid; }
td.t { white-space: nowrap; } .small { font-size: 8.5pt; color: #444; }
section { page-break-after: always; } section:last-child { page-break-after: auto; }
@media print { a { color: inherit; text-decoration: none; } }
"""


def _html_sheet(data: dict[str, Any]) -> str:
    e = html.escape
    when = dt.date.fromisoformat(data["meeting_date"]) if data["meeting_date"] else None
    title = f"{data['committee'] or ''} – {format_danish_date(when) if when else 'dato ukendt'}"
    rows = "".join(
        f"<tr><td>{e(p['name'])}</td><td>{e(p['answer_da'])}</td>"
        f"<td>{e(p['comment'] or '')}</td><td class=t>{e(_human(p['answered_at']))}</td></tr>"
        for p in data["participants"])
    audit = "".join(
        f"<tr><td class=t>{e(_human(a['at']))}</td><td>{e(a['name'])}</td>"
        f"<td>{e(ACTION_DA.get(a['action'], a['action']))}</td><td>{e(a['detail'] or '')}</td>"
        f"<td class=small>{e(a['aad_object_id'] or '')}</td></tr>"
        for a in data["audit"])
    status = ("Godkendt " + _human(data["closed_at"])) if data["closed_at"] else "Ikke afsluttet"
    return (
        f"<section><h1>Godkendelse af referat</h1><p class=meta><b>{e(title)}</b><br>"
        f"Dokument: {e(data['document'])}<br>Åbnet af {e(data['opened_by'])} "
        f"{e(_human(data['opened_at']))} · frist {e(data['deadline'])} · {e(status)} · "
        f"{data['approved']} af {len(data['participants'])} har godkendt</p>"
        f"<table><thead><tr><th>Navn</th><th>Svar</th><th>Bemærkning / indsigelse</th>"
        f"<th>Tidspunkt</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<h2>Logbog</h2><table class=small><thead><tr><th>Tidspunkt</th><th>Hvem</th>"
        f"<th>Handling</th><th>Detaljer</th><th>Entra object id</th></tr></thead>"
        f"<tbody>{audit}</tbody></table></section>")


def _human(iso: str | None) -> str:
    return format_when(dt.datetime.fromisoformat(iso)) if iso else ""


def export_html(sheets: list[ApprovalSheet]) -> str:
    body = "".join(_html_sheet(sheet_json(s)) for s in sheets)
    return (f"<!DOCTYPE html><html lang=da><head><meta charset=utf-8>"
            f"<title>Godkendelse af referat</title><style>{_HTML_STYLE}</style></head>"
            f"<body>{body}</body></html>\n")


EXPORTERS = {"csv": export_csv, "json": export_json, "html": export_html}
