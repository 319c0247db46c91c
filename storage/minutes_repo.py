"""Store parsed minutes: one document, its meeting, items, sections and passages.

Idempotent by content hash: the same bytes twice add nothing. A changed file
(same file name, or the same committee and meeting date) replaces the old
document in one transaction, keeping the meeting row (and so anything that
refers to it, such as approval rounds) when there is one.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import cast

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from minutes.model import DocumentKind, ParsedDocument
from storage.models import (
    AgendaItem,
    Attachment,
    Attendee,
    Committee,
    Document,
    Meeting,
    Municipality,
    Passage,
    Section,
    utcnow,
)


class SaveOutcome(str, enum.Enum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class SaveResult:
    outcome: SaveOutcome
    document_id: int
    meeting_id: int | None


async def get_or_create_municipality(session: AsyncSession, *, name: str) -> Municipality:
    stmt = select(Municipality).where(col(Municipality.name) == name)
    found = (await session.scalars(stmt)).first()
    if found is not None:
        return found
    row = Municipality(name=name)
    session.add(row)
    await session.flush()
    return row


async def get_or_create_committee(
    session: AsyncSession, *, name: str, municipality_id: int | None
) -> Committee:
    stmt = select(Committee).where(
        col(Committee.name) == name,
        col(Committee.municipality_id).is_(None)
        if municipality_id is None
        else col(Committee.municipality_id) == municipality_id,
    )
    found = (await session.scalars(stmt)).first()
    if found is not None:
        return found
    row = Committee(name=name, municipality_id=municipality_id)
    session.add(row)
    await session.flush()
    return row


async def find_committee(session: AsyncSession, *, name: str) -> Committee | None:
    """The committee with this name (case-insensitive), in any municipality."""
    stmt = select(Committee).where(func.lower(col(Committee.name)) == name.lower())
    return (await session.scalars(stmt)).first()


async def _existing_document(
    session: AsyncSession, *, content_hash: str
) -> Document | None:
    stmt = select(Document).where(col(Document.content_hash) == content_hash)
    return (await session.scalars(stmt)).first()


async def _meeting_to_replace(
    session: AsyncSession,
    *,
    file_name: str,
    committee_id: int | None,
    meeting_date: dt.date | None,
) -> Meeting | None:
    """An earlier version of the same meeting: same file name, or same committee and date."""
    by_name = (
        select(Meeting)
        .join(Document, col(Document.id) == col(Meeting.document_id))
        .where(col(Document.file_name) == file_name)
        .order_by(col(Document.ingested_at).desc())
    )
    found = (await session.scalars(by_name)).first()
    if found is not None or committee_id is None or meeting_date is None:
        return found
    by_date = select(Meeting).where(
        col(Meeting.committee_id) == committee_id, col(Meeting.date) == meeting_date
    )
    return (await session.scalars(by_date)).first()


async def _document_to_replace(session: AsyncSession, *, file_name: str) -> Document | None:
    stmt = (
        select(Document)
        .outerjoin(Meeting, col(Meeting.document_id) == col(Document.id))
        .where(col(Document.file_name) == file_name, col(Meeting.id).is_(None))
    )
    return (await session.scalars(stmt)).first()


async def save_document(
    session: AsyncSession,
    *,
    file_name: str,
    content_hash: str,
    parsed: ParsedDocument,
    page_count: int | None = None,
    source_url: str | None = None,
) -> SaveResult:
    """Store ``parsed`` (read from ``file_name``) unless these bytes are already stored."""
    existing = await _existing_document(session, content_hash=content_hash)
    if existing is not None:
        assert existing.id is not None
        meeting_id = await session.scalar(
            select(col(Meeting.id)).where(col(Meeting.document_id) == existing.id)
        )
        return SaveResult(SaveOutcome.UNCHANGED, existing.id, meeting_id)

    municipality = (
        await get_or_create_municipality(session, name=parsed.municipality)
        if parsed.municipality
        else None
    )
    municipality_id = municipality.id if municipality else None
    committee = (
        await get_or_create_committee(
            session, name=parsed.committee, municipality_id=municipality_id
        )
        if parsed.committee
        else None
    )
    committee_id = committee.id if committee else None
    has_meeting = parsed.kind is not DocumentKind.PLAIN

    document = Document(
        file_name=file_name,
        content_hash=content_hash,
        kind=parsed.kind.value,
        page_count=page_count,
        title=parsed.title,
        municipality_id=municipality_id,
        committee_id=committee_id,
        ingested_at=utcnow(),
        source_url=source_url,
    )
    session.add(document)
    await session.flush()
    assert document.id is not None

    outcome = SaveOutcome.ADDED
    meeting: Meeting | None = None
    if has_meeting:
        meeting = await _meeting_to_replace(
            session, file_name=file_name, committee_id=committee_id,
            meeting_date=parsed.meeting_date,
        )
        if meeting is not None:
            outcome = SaveOutcome.REPLACED
            old_document_id = meeting.document_id
            await session.execute(
                delete(AgendaItem).where(col(AgendaItem.meeting_id) == meeting.id)
            )
            await session.execute(delete(Attendee).where(col(Attendee.meeting_id) == meeting.id))
            meeting.document_id = document.id
            meeting.committee_id = committee_id
            meeting.date = parsed.meeting_date
            meeting.chair = parsed.chair
            meeting.place = parsed.place
            await session.flush()
            await session.execute(delete(Document).where(col(Document.id) == old_document_id))
        else:
            meeting = Meeting(
                committee_id=committee_id,
                document_id=document.id,
                date=parsed.meeting_date,
                chair=parsed.chair,
                place=parsed.place,
            )
            session.add(meeting)
            await session.flush()
    else:
        old = await _document_to_replace(session, file_name=file_name)
        if old is not None and old.id != document.id:
            outcome = SaveOutcome.REPLACED
            await session.execute(delete(Document).where(col(Document.id) == old.id))

    if meeting is not None:
        assert meeting.id is not None
        await _add_items(session, meeting_id=meeting.id, parsed=parsed)
    session.add_all(
        Passage(document_id=document.id, position=i, label=p.label, kind=p.kind,
                text=p.text, page=p.page)
        for i, p in enumerate(parsed.passages)
    )
    await session.flush()
    return SaveResult(outcome, document.id, meeting.id if meeting else None)


async def _add_items(session: AsyncSession, *, meeting_id: int, parsed: ParsedDocument) -> None:
    session.add_all(Attendee(meeting_id=meeting_id, name=n, present=True) for n in parsed.attendees)
    session.add_all(Attendee(meeting_id=meeting_id, name=n, present=False) for n in parsed.absent)
    items = [
        AgendaItem(meeting_id=meeting_id, position=i, number=it.number, title=it.title,
                   case_number=it.case_number, closed=it.closed, page=it.page)
        for i, it in enumerate(parsed.items)
    ]
    session.add_all(items)
    await session.flush()
    for row, it in zip(items, parsed.items, strict=True):
        assert row.id is not None
        session.add_all(
            Section(item_id=row.id, position=j, kind=s.kind.value, heading=s.heading,
                    text=s.text, page=s.page, is_history=s.is_history)
            for j, s in enumerate(it.sections)
        )
        session.add_all(
            Attachment(item_id=row.id, file_name=a.file_name, title=a.title)
            for a in it.attachments
        )


async def set_source_url(session: AsyncSession, *, document_id: int, url: str) -> None:
    """Record where a stored document is published (``referatbot ingest --url``)."""
    await session.execute(
        update(Document).where(col(Document.id) == document_id).values(source_url=url))


async def count_rows(session: AsyncSession) -> dict[str, int]:
    """How many rows each minutes table holds (for reports and tests)."""
    counts: dict[str, int] = {}
    for model in (Document, Meeting, AgendaItem, Section, Attachment, Passage):
        counts[cast(str, model.__tablename__)] = int(
            await session.scalar(select(func.count()).select_from(model)) or 0
        )
    return counts


@dataclass(frozen=True, slots=True)
class StoredSummary:
    """What the store already holds for one document (for reports of unchanged files)."""

    document_id: int
    meeting_id: int | None
    kind: str
    page_count: int | None
    municipality: str | None
    committee: str | None
    meeting_date: dt.date | None
    chair: str | None
    item_numbers: list[int]
    passages: int


async def stored_summary(session: AsyncSession, *, content_hash: str) -> StoredSummary | None:
    """The stored document with these bytes, or None."""
    doc = await _existing_document(session, content_hash=content_hash)
    if doc is None:
        return None
    assert doc.id is not None
    meeting = (await session.scalars(
        select(Meeting).where(col(Meeting.document_id) == doc.id)
    )).first()
    municipality = await session.scalar(
        select(col(Municipality.name)).where(col(Municipality.id) == doc.municipality_id)
    ) if doc.municipality_id else None
    committee = await session.scalar(
        select(col(Committee.name)).where(col(Committee.id) == doc.committee_id)
    ) if doc.committee_id else None
    numbers: list[int] = []
    if meeting is not None:
        numbers = list((await session.scalars(
            select(col(AgendaItem.number)).where(col(AgendaItem.meeting_id) == meeting.id)
            .order_by(col(AgendaItem.position))
        )).all())
    passages = int(await session.scalar(
        select(func.count()).select_from(Passage).where(col(Passage.document_id) == doc.id)) or 0)
    return StoredSummary(
        document_id=doc.id, meeting_id=meeting.id if meeting else None, kind=doc.kind,
        page_count=doc.page_count, municipality=municipality, committee=committee,
        meeting_date=meeting.date if meeting else None, chair=meeting.chair if meeting else None,
        item_numbers=numbers, passages=passages,
    )
