"""Approval rounds of minutes: participants with one current answer each, and the audit trail.

Every change to a round runs in one transaction that first locks the round
(``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite a no-op ``UPDATE`` as the
first statement takes the write lock at once, so a read never has to be
upgraded). Answers are rows unique per (round, participant), so concurrent
clicks serialise per round, the count read after a change is consistent, and
only a real change writes an audit entry.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import (
    AgendaItem,
    Answer,
    ApprovalAudit,
    ApprovalParticipant,
    ApprovalRound,
    ApprovalStatus,
    Committee,
    Document,
    Meeting,
    RoundStatus,
    Section,
    utcnow,
)

APPROVING = frozenset({Answer.APPROVE.value, Answer.REMARK.value})


def answer_of(participant: ApprovalParticipant) -> Answer | None:
    """The participant's answer as an enum (the column holds its plain value)."""
    return Answer(participant.answer) if participant.answer else None


class AnswerOutcome(str, enum.Enum):
    RECORDED = "recorded"  # a real change: audited
    UNCHANGED = "unchanged"  # the same answer again: nothing written
    NO_ROUND = "no_round"
    NOT_PARTICIPANT = "not_participant"
    CLOSED = "closed"


class CloseOutcome(str, enum.Enum):
    CLOSED = "closed"
    NOT_OPEN = "not_open"
    NONE_APPROVED = "none_approved"  # nobody approved: the minutes cannot be signed


@dataclass(frozen=True, slots=True)
class ParticipantSpec:
    aad_object_id: str
    name: str
    teams_user_id: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who did something, for the audit trail."""

    aad_object_id: str | None
    name: str
    activity_id: str | None = None


@dataclass(frozen=True, slots=True)
class AnswerResult:
    outcome: AnswerOutcome
    round: ApprovalRound | None = None
    closed_now: bool = False  # this answer was the last approval: the round closed
    audit_id: int | None = None


@dataclass(frozen=True, slots=True)
class ItemLine:
    number: int
    title: str
    decision: str | None


@dataclass(slots=True)
class RoundSnapshot:
    """A round with what its card and export show, read in one session."""

    round: ApprovalRound
    meeting: Meeting
    committee: str | None
    document: str  # the file name
    source_url: str | None  # where the file is published, if ingested with --url
    items: list[ItemLine]
    participants: list[ApprovalParticipant]

    @property
    def approved(self) -> int:
        return sum(1 for p in self.participants if answer_of(p) in (Answer.APPROVE, Answer.REMARK))

    @property
    def objections(self) -> int:
        return sum(1 for p in self.participants if answer_of(p) is Answer.OBJECT)

    def objectors(self) -> list[ApprovalParticipant]:
        return [p for p in self.participants if answer_of(p) is Answer.OBJECT]

    def missing(self) -> list[ApprovalParticipant]:
        return [p for p in self.participants if p.answer is None]

    def participant(self, aad_object_id: str | None) -> ApprovalParticipant | None:
        return next((p for p in self.participants if p.aad_object_id == aad_object_id), None)


# -- locking ----------------------------------------------------------------------------


async def lock_round(session: AsyncSession, *, round_id: int) -> ApprovalRound | None:
    """The round, locked for this transaction (see the module docstring)."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        stmt = sa.select(ApprovalRound).where(col(ApprovalRound.id) == round_id).with_for_update()
        return (await session.scalars(stmt.execution_options(populate_existing=True))).first()
    await session.execute(
        sa.update(ApprovalRound).where(col(ApprovalRound.id) == round_id)
        .values(status=col(ApprovalRound.status))
    )
    stmt = sa.select(ApprovalRound).where(col(ApprovalRound.id) == round_id)
    return (await session.scalars(stmt.execution_options(populate_existing=True))).first()


# -- reading ----------------------------------------------------------------------------


async def round_for_meeting(session: AsyncSession, *, meeting_id: int) -> ApprovalRound | None:
    stmt = sa.select(ApprovalRound).where(col(ApprovalRound.meeting_id) == meeting_id)
    return (await session.scalars(stmt)).first()


async def open_rounds(
    session: AsyncSession, *, committee_id: int | None = None
) -> list[ApprovalRound]:
    stmt = sa.select(ApprovalRound).where(col(ApprovalRound.status) == RoundStatus.OPEN.value)
    if committee_id is not None:
        stmt = stmt.where(col(ApprovalRound.committee_id) == committee_id)
    return list((await session.scalars(stmt.order_by(col(ApprovalRound.opened_at)))).all())


async def participants_of(session: AsyncSession, *, round_id: int) -> list[ApprovalParticipant]:
    stmt = (sa.select(ApprovalParticipant).where(col(ApprovalParticipant.round_id) == round_id)
            .order_by(col(ApprovalParticipant.name), col(ApprovalParticipant.id))
            .execution_options(populate_existing=True))
    return list((await session.scalars(stmt)).all())


async def audit_trail(session: AsyncSession, *, round_id: int) -> list[ApprovalAudit]:
    stmt = (sa.select(ApprovalAudit).where(col(ApprovalAudit.round_id) == round_id)
            .order_by(col(ApprovalAudit.id)))
    return list((await session.scalars(stmt)).all())


def first_line(text: str, limit: int = 160) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + " …"


async def item_lines(session: AsyncSession, *, meeting_id: int) -> list[ItemLine]:
    """The meeting's items in document order, each with the first line of its decision; a
    closed item ("lukket punkt") with its title only, as on the printable page: the card is
    forwarded, and refreshed for anyone who holds the round id."""
    items = (await session.scalars(
        sa.select(AgendaItem).where(col(AgendaItem.meeting_id) == meeting_id)
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    )).all()
    decisions = (await session.execute(
        sa.select(col(Section.item_id), col(Section.text))
        .join(AgendaItem, col(AgendaItem.id) == col(Section.item_id))
        .where(col(AgendaItem.meeting_id) == meeting_id, col(Section.kind) == "beslutning",
               col(Section.is_history).is_(False))
        .order_by(col(Section.position))
    )).all()
    first: dict[int, str] = {}
    for item_id, text in decisions:
        first.setdefault(item_id, first_line(text))
    return [ItemLine(i.number, i.title, None if i.closed else first.get(i.id or 0) or None)
            for i in items]


async def snapshot(session: AsyncSession, *, round_id: int) -> RoundSnapshot | None:
    row = (await session.execute(
        sa.select(ApprovalRound, Meeting, col(Committee.name), col(Document.file_name),
                  col(Document.source_url))
        .join(Meeting, col(Meeting.id) == col(ApprovalRound.meeting_id))
        .join(Document, col(Document.id) == col(Meeting.document_id))
        .outerjoin(Committee, col(Committee.id) == col(Meeting.committee_id))
        .where(col(ApprovalRound.id) == round_id)
        .execution_options(populate_existing=True)
    )).first()
    if row is None:
        return None
    rnd, meeting, committee, document, source_url = row
    assert meeting.id is not None
    return RoundSnapshot(
        round=rnd, meeting=meeting, committee=committee, document=document,
        source_url=source_url,
        items=await item_lines(session, meeting_id=meeting.id),
        participants=await participants_of(session, round_id=round_id),
    )


# -- writing ----------------------------------------------------------------------------


async def add_audit(
    session: AsyncSession, *, round_id: int, actor: Actor, action: str,
    detail: str | None = None, at: dt.datetime | None = None,
) -> int:
    entry = ApprovalAudit(round_id=round_id, actor_aad_object_id=actor.aad_object_id,
                          actor_name=actor.name, action=action, detail=detail,
                          activity_id=actor.activity_id, at=at or utcnow())
    session.add(entry)
    await session.flush()
    assert entry.id is not None
    return entry.id


async def create_round(
    session: AsyncSession,
    *,
    meeting_id: int,
    committee_id: int | None,
    conversation_id: str,
    deadline: dt.date,
    opener: Actor,
    participants: Sequence[ParticipantSpec],
    now: dt.datetime | None = None,
) -> ApprovalRound:
    """Open a round (unique per meeting: a second one raises IntegrityError)."""
    now = now or utcnow()
    rnd = ApprovalRound(meeting_id=meeting_id, committee_id=committee_id,
                        conversation_id=conversation_id, deadline=deadline,
                        opened_by_aad_object_id=opener.aad_object_id or "",
                        opened_by_name=opener.name, opened_at=now)
    session.add(rnd)
    await session.flush()
    assert rnd.id is not None
    session.add_all(ApprovalParticipant(round_id=rnd.id, aad_object_id=p.aad_object_id,
                                        name=p.name, teams_user_id=p.teams_user_id)
                    for p in participants)
    await session.execute(sa.update(Meeting).where(col(Meeting.id) == meeting_id)
                          .values(approval_status=ApprovalStatus.PENDING.value))
    names = ", ".join(p.name for p in participants)
    await add_audit(session, round_id=rnd.id, actor=opener, action="opened",
                    detail=f"Frist {deadline.isoformat()}; deltagere: {names}", at=now)
    return rnd


async def record_answer(
    session: AsyncSession,
    *,
    round_id: int,
    actor: Actor,
    answer: Answer,
    comment: str | None,
    now: dt.datetime | None = None,
) -> AnswerResult:
    """Set the actor's one current answer. Refusals and repeats write nothing."""
    now = now or utcnow()
    rnd = await lock_round(session, round_id=round_id)
    if rnd is None:
        return AnswerResult(AnswerOutcome.NO_ROUND)
    if rnd.status != RoundStatus.OPEN.value:
        return AnswerResult(AnswerOutcome.CLOSED, rnd)
    participant = (await session.scalars(
        sa.select(ApprovalParticipant).where(
            col(ApprovalParticipant.round_id) == round_id,
            col(ApprovalParticipant.aad_object_id) == (actor.aad_object_id or ""))
        .execution_options(populate_existing=True)
    )).first()
    if participant is None or not actor.aad_object_id:
        return AnswerResult(AnswerOutcome.NOT_PARTICIPANT, rnd)
    comment = comment if answer is not Answer.APPROVE else None
    if answer_of(participant) is answer and (participant.comment or None) == comment:
        return AnswerResult(AnswerOutcome.UNCHANGED, rnd)
    participant.answer = answer
    participant.comment = comment
    participant.answered_at = now
    await session.flush()
    audit_id = await add_audit(session, round_id=round_id, actor=actor, action=answer.value,
                               detail=comment, at=now)
    closed = await close_if_all_approved(session, rnd=rnd, now=now)
    return AnswerResult(AnswerOutcome.RECORDED, rnd, closed_now=closed, audit_id=audit_id)


async def close_if_all_approved(
    session: AsyncSession, *, rnd: ApprovalRound, now: dt.datetime
) -> bool:
    """Close the (locked) round when every participant has approved; marks the meeting."""
    assert rnd.id is not None
    not_yet = await session.scalar(
        sa.select(sa.func.count()).select_from(ApprovalParticipant).where(
            col(ApprovalParticipant.round_id) == rnd.id,
            sa.or_(col(ApprovalParticipant.answer).is_(None),
                   col(ApprovalParticipant.answer).not_in(sorted(APPROVING))))
    )
    if not_yet:
        return False
    rnd.status = RoundStatus.APPROVED
    rnd.closed_at = now
    await session.execute(sa.update(Meeting).where(col(Meeting.id) == rnd.meeting_id)
                          .values(approval_status=ApprovalStatus.APPROVED.value))
    await session.flush()
    await add_audit(session, round_id=rnd.id, actor=Actor(None, "Referatbot"),
                    action="approved", detail="Alle deltagere har godkendt.", at=now)
    return True


async def note_reminder(session: AsyncSession, *, round_id: int, actor: Actor,
                        names: Sequence[str], now: dt.datetime | None = None) -> int:
    """Count a "Påmind manglende" on the (locked) round; returns its number."""
    rnd = await lock_round(session, round_id=round_id)
    assert rnd is not None
    rnd.reminders_sent += 1
    await session.flush()
    await add_audit(session, round_id=round_id, actor=actor, action="reminded",
                    detail=", ".join(names), at=now)
    return rnd.reminders_sent


async def close_round(session: AsyncSession, *, rnd: ApprovalRound, actor: Actor,
                      now: dt.datetime) -> CloseOutcome:
    """The secretary closes the (locked) round as it stands: objections and remarks stay in
    the record (kommunestyrelsesloven § 13), missing answers stay missing, the meeting is
    marked approved. Needs at least one approval."""
    if rnd.status != RoundStatus.OPEN.value:
        return CloseOutcome.NOT_OPEN
    assert rnd.id is not None
    people = await participants_of(session, round_id=rnd.id)
    approved = sum(1 for p in people if p.answer in APPROVING)
    if not approved:
        return CloseOutcome.NONE_APPROVED
    objections = [p.name for p in people if answer_of(p) is Answer.OBJECT]
    missing = [p.name for p in people if p.answer is None]
    detail = f"{approved} af {len(people)} godkendte"
    if objections:
        detail += f"; indsigelse fra {', '.join(objections)}"
    if missing:
        detail += f"; intet svar fra {', '.join(missing)}"
    rnd.status = RoundStatus.CLOSED
    rnd.closed_at = now
    rnd.closed_by_name = actor.name
    await session.execute(sa.update(Meeting).where(col(Meeting.id) == rnd.meeting_id)
                          .values(approval_status=ApprovalStatus.APPROVED.value))
    await session.flush()
    await add_audit(session, round_id=rnd.id, actor=actor, action="closed",
                    detail=detail + ".", at=now)
    return CloseOutcome.CLOSED
