"""The store on SQLite and PostgreSQL: migrations, idempotent saves, replacement."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from minutes.model import (
    DocumentKind,
    ParsedAttachment,
    ParsedDocument,
    ParsedItem,
    ParsedPassage,
    ParsedSection,
    SectionKind,
)
from storage.engine import Database
from storage.migrate import current_revision
from storage.minutes_repo import SaveOutcome, count_rows, save_document
from storage.models import AgendaItem, Meeting, Section


def meeting_doc(decision: str = "Godkendt.", *, day: int = 4) -> ParsedDocument:
    return ParsedDocument(
        kind=DocumentKind.HEDENSTED,
        municipality="Fjordby Kommune",
        committee="Udvalget for Børn og Skole",
        meeting_date=dt.date(2026, 3, day),
        chair="Anna Holm",
        items=[
            ParsedItem(
                number=12,
                title="Ny skolestruktur",
                case_number="17.01.01-A00-1-26",
                sections=[
                    ParsedSection(SectionKind.BESLUTNINGSTEMA, "Drøftelse af strukturen."),
                    ParsedSection(SectionKind.BESLUTNING, "Tidligere: udsat.", is_history=True),
                    ParsedSection(SectionKind.BESLUTNING, decision),
                ],
                attachments=[ParsedAttachment("Bilag/Punkt_12_Bilag_1_Kort.pdf")],
            ),
            ParsedItem(number=13, title="Lukket punkt: Personalesag", closed=True),
        ],
        attendees=["Anna Holm", "Bo Lund"],
    )


async def test_migrations_reach_head_and_can_run_twice(db: Database) -> None:
    await db.upgrade()
    assert await current_revision(db.engine) is not None
    async with db.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: set(sa.inspect(c).get_table_names()))
    assert {"meeting", "agenda_item", "section", "passage", "document"} <= tables


async def test_same_content_twice_adds_nothing(db: Database) -> None:
    async with db.transaction() as s:
        first = await save_document(s, file_name="a.txt", content_hash="h1", parsed=meeting_doc())
    async with db.transaction() as s:
        before = await count_rows(s)
        second = await save_document(s, file_name="a.txt", content_hash="h1", parsed=meeting_doc())
        after = await count_rows(s)
    assert first.outcome is SaveOutcome.ADDED
    assert second.outcome is SaveOutcome.UNCHANGED
    assert second.meeting_id == first.meeting_id
    assert before == after
    assert after["agenda_item"] == 2 and after["section"] == 3 and after["attachment"] == 1


async def test_changed_file_replaces_its_meeting_and_keeps_the_meeting_row(db: Database) -> None:
    async with db.transaction() as s:
        first = await save_document(s, file_name="a.txt", content_hash="h1", parsed=meeting_doc())
    async with db.transaction() as s:
        second = await save_document(
            s, file_name="a.txt", content_hash="h2", parsed=meeting_doc("Godkendt med ændring.")
        )
    assert second.outcome is SaveOutcome.REPLACED
    assert second.meeting_id == first.meeting_id
    async with db.sessions() as s:
        counts = await count_rows(s)
        decisions = (
            await s.scalars(
                sa.select(Section.text).where(Section.kind == "beslutning",
                                              Section.is_history.is_(False))  # type: ignore[attr-defined]
            )
        ).all()
        meetings = (await s.scalars(sa.select(Meeting))).all()
    assert counts["document"] == 1 and counts["agenda_item"] == 2
    assert decisions == ["Godkendt med ændring."]
    assert len(meetings) == 1 and meetings[0].chair == "Anna Holm"


async def test_same_committee_and_date_under_new_file_name_replaces(db: Database) -> None:
    async with db.transaction() as s:
        first = await save_document(s, file_name="a.pdf", content_hash="h1", parsed=meeting_doc())
        other_day = await save_document(
            s, file_name="b.pdf", content_hash="h3", parsed=meeting_doc(day=5)
        )
    async with db.transaction() as s:
        renamed = await save_document(
            s, file_name="a-rettet.pdf", content_hash="h2", parsed=meeting_doc("Ny tekst.")
        )
    assert other_day.meeting_id != first.meeting_id
    assert renamed.outcome is SaveOutcome.REPLACED and renamed.meeting_id == first.meeting_id
    async with db.sessions() as s:
        assert (await count_rows(s))["meeting"] == 2


async def test_failed_save_leaves_the_old_version(db: Database) -> None:
    async with db.transaction() as s:
        await save_document(s, file_name="a.txt", content_hash="h1", parsed=meeting_doc())
    try:
        async with db.transaction() as s:
            await save_document(s, file_name="a.txt", content_hash="h2",
                                parsed=meeting_doc("Halvt gemt."))
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    async with db.sessions() as s:
        titles = (await s.scalars(sa.select(AgendaItem.title))).all()
        texts = (await s.scalars(sa.select(Section.text))).all()
    assert sorted(titles) == ["Lukket punkt: Personalesag", "Ny skolestruktur"]
    assert "Halvt gemt." not in texts and "Godkendt." in texts


async def test_document_without_items_keeps_passages_with_headings(db: Database) -> None:
    plan = ParsedDocument(
        kind=DocumentKind.PLAIN,
        municipality="Fjordby Kommune",
        passages=[ParsedPassage("Indsatser", "Første indsats starter i juni."),
                  ParsedPassage("Tidsplan", "Evaluering i oktober.")],
    )
    async with db.transaction() as s:
        result = await save_document(s, file_name="plan.txt", content_hash="p1", parsed=plan)
        counts = await count_rows(s)
    assert result.meeting_id is None
    assert counts["passage"] == 2 and counts["meeting"] == 0
