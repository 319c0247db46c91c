"""Questions about approvals, answered from the approval rounds before the question engine:
»Er referatet fra 30. november 2020 godkendt?« and »Hvem mangler at godkende?«."""

from __future__ import annotations

import datetime as dt
import re

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from handlers.approvals import format_when, join_names, meeting_label, notes_of
from handlers.context import Reply
from minutes.dates import format_danish_date, parse_danish_date
from storage.approvals_repo import RoundSnapshot, snapshot
from storage.engine import Database
from storage.models import ApprovalRound, Committee, Meeting, RoundStatus

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


async def snapshots_for(session: AsyncSession, day: dt.date | None,
                        *, only_open: bool) -> list[RoundSnapshot]:
    stmt = sa.select(col(ApprovalRound.id)).join(
        Meeting, col(Meeting.id) == col(ApprovalRound.meeting_id))
    if day is not None:
        stmt = stmt.where(col(Meeting.date) == day)
    if only_open:
        stmt = stmt.where(col(ApprovalRound.status) == RoundStatus.OPEN.value)
    ids = (await session.scalars(stmt.order_by(col(Meeting.date), col(ApprovalRound.id)))).all()
    return [s for i in ids if i is not None
            and (s := await snapshot(session, round_id=i)) is not None]


def _status_sentence(snap: RoundSnapshot) -> str:
    label = meeting_label(snap)
    total = len(snap.participants)
    rnd = snap.round
    notes = len(notes_of(snap))
    notes_text = f" Der er {notes} bemærkning{'er' if notes > 1 else ''}." if notes else ""
    if rnd.status == RoundStatus.APPROVED.value and rnd.closed_at:
        return (f"Ja. Referatet fra {label} blev godkendt {format_when(rnd.closed_at)} "
                f"af alle {total} deltagere.{notes_text}")
    if rnd.status == RoundStatus.CLOSED.value and rnd.closed_at:
        text = (f"Ja. Referatet fra {label} blev godkendt {format_when(rnd.closed_at)}, da "
                f"{rnd.closed_by_name or 'sekretæren'} afsluttede godkendelsen; "
                f"{snap.approved} af {total} godkendte.")
        if objectors := [p.name for p in snap.objectors()]:
            text += f" Indsigelse fra {join_names(objectors)} er ført til referatet."
        return text
    missing = ", ".join(p.name for p in snap.missing()) or "ingen"
    text = (f"Nej, ikke endnu. {snap.approved} af {total} har godkendt referatet fra {label}; "
            f"fristen er {format_danish_date(rnd.deadline)}. Mangler: {missing}.")
    if snap.objections:
        text += f" Indsigelse fra: {', '.join(p.name for p in snap.objectors())}."
    return text


async def _is_approved(db: Database, day: dt.date | None) -> Reply | None:
    async with db.sessions() as session:
        snaps = await snapshots_for(session, day, only_open=False)
        if day is None:
            snaps = snaps[-1:]
        if snaps:
            return Reply(text=" ".join(_status_sentence(s) for s in snaps))
        if day is None:
            return Reply(text="Der er endnu ikke åbnet nogen digital godkendelse af et referat.")
        meetings = (await session.execute(
            sa.select(Meeting, col(Committee.name))
            .outerjoin(Committee, col(Committee.id) == col(Meeting.committee_id))
            .where(col(Meeting.date) == day))).all()
    if not meetings:
        return None
    names = " og ".join(sorted({c or "udvalget" for _, c in meetings}))
    return Reply(text=f"Referatet fra {names}, {format_danish_date(day)}, er ikke sendt til "
                      "digital godkendelse i Referatbot, så jeg ved ikke, om det er godkendt.")


async def _who_is_missing(db: Database, day: dt.date | None) -> Reply:
    async with db.sessions() as session:
        snaps = await snapshots_for(session, day, only_open=day is None)
    if not snaps:
        return Reply(text="Der er ingen referater, der venter på godkendelse.")
    lines = []
    for s in snaps:
        label = meeting_label(s)
        missing = [p.name for p in s.missing()]
        if s.round.status != RoundStatus.OPEN.value:
            after = (f"; {join_names(missing)} svarede ikke." if missing
                     else "; ingen mangler.")
            lines.append(f"Godkendelsen af referatet fra {label} er afsluttet{after}")
            continue
        counts = (f"({s.approved} af {len(s.participants)} har godkendt, frist "
                  f"{format_danish_date(s.round.deadline)})")
        if missing:
            lines.append(f"Referatet fra {label}: {', '.join(missing)} mangler at godkende "
                         f"{counts}.")
        else:  # everyone answered, yet the round is open: someone objected
            lines.append(f"Referatet fra {label}: Alle har svaret, men der er indsigelse fra "
                         f"{join_names([p.name for p in s.objectors()])} {counts}.")
    return Reply(text="\n\n".join(lines))
