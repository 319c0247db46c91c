"""Ingest: files → text → parsed minutes → the store, one transaction per file.

A file that cannot be read is reported with its reason and skipped; the rest
of the batch is still ingested.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

from minutes.errors import MinutesError
from minutes.model import ParsedDocument
from minutes.parse import parse_document
from minutes.reader import content_hash, read_bytes
from storage.engine import Database
from storage.minutes_repo import SaveOutcome, save_document, set_source_url, stored_summary
from storage.models import utcnow


@dataclass(frozen=True, slots=True)
class Overrides:
    """Metadata given on the command line for documents that do not print it."""

    municipality: str | None = None
    committee: str | None = None
    meeting_date: dt.date | None = None
    url: str | None = None  # where the (one) file is published
    url_base: str | None = None  # where the files are published: base + file name

    def url_for(self, file_name: str) -> str | None:
        """The published address of ``file_name`` (linked from the approval card)."""
        if self.url:
            return self.url
        if self.url_base:
            return self.url_base.rstrip("/") + "/" + quote(file_name)
        return None

    def apply(self, parsed: ParsedDocument) -> ParsedDocument:
        return replace(
            parsed,
            municipality=self.municipality or parsed.municipality,
            committee=self.committee or parsed.committee,
            meeting_date=self.meeting_date or parsed.meeting_date,
        )


@dataclass(slots=True)
class FileReport:
    """What happened to one file."""

    path: Path
    outcome: SaveOutcome | None = None  # None: failed
    error: str | None = None
    kind: str | None = None
    municipality: str | None = None
    committee: str | None = None
    meeting_date: dt.date | None = None
    chair: str | None = None
    item_numbers: list[int] = field(default_factory=list)
    passages: int = 0
    pages: int | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None


def _parse(data: bytes, name: str, overrides: Overrides) -> tuple[ParsedDocument, int | None]:
    source = read_bytes(data, name)
    return overrides.apply(parse_document(source, file_name=name)), source.page_count


async def ingest_file(
    db: Database, path: Path, *, overrides: Overrides | None = None,
    now: dt.datetime | None = None, approval_working_days: int = 3,
) -> FileReport:
    """Read, parse and store one file; bytes already stored are not parsed again (only a
    new ``--url`` is recorded). ``now`` and ``approval_working_days``: for the approval
    offer of new minutes (``handlers/approval_offer.py``)."""
    overrides = overrides or Overrides()
    report = FileReport(path=path)
    try:
        data = await asyncio.to_thread(path.read_bytes)
    except OSError as exc:
        report.error = f"Filen kunne ikke åbnes ({exc.strerror or exc})."
        return report
    digest = content_hash(data)  # the hash and the text come from the same bytes
    async with db.sessions() as session:
        known = await stored_summary(session, content_hash=digest)
    if known is not None:
        if (url := overrides.url_for(path.name)) is not None:
            async with db.transaction() as session:
                await set_source_url(session, document_id=known.document_id, url=url)
        report.outcome = SaveOutcome.UNCHANGED
        report.kind, report.pages = known.kind, known.page_count
        report.municipality, report.committee = known.municipality, known.committee
        report.meeting_date, report.chair = known.meeting_date, known.chair
        report.item_numbers, report.passages = known.item_numbers, known.passages
        return report
    try:
        parsed, pages = await asyncio.to_thread(_parse, data, path.name, overrides)
    except MinutesError as exc:
        report.error = exc.reason
        return report
    async with db.transaction() as session:
        result = await save_document(
            session, file_name=path.name, content_hash=digest, parsed=parsed, page_count=pages,
            source_url=overrides.url_for(path.name),
        )
        # what the bot does with new minutes (imported here: handlers import minutes)
        from handlers.approval_offer import offer_approval
        from handlers.reminders import on_document_saved

        moment = now or utcnow()
        await on_document_saved(session, document_id=result.document_id, file_name=path.name,
                                parsed=parsed, now=moment)
        await offer_approval(session, meeting_id=result.meeting_id, parsed=parsed,
                             now=moment, working_days=approval_working_days)
    report.outcome = result.outcome
    report.kind = parsed.kind.value
    report.municipality = parsed.municipality
    report.committee = parsed.committee
    report.meeting_date = parsed.meeting_date
    report.chair = parsed.chair
    report.item_numbers = [it.number for it in parsed.items]
    report.passages = len(parsed.passages)
    report.pages = pages
    return report


async def ingest_paths(
    db: Database,
    paths: Iterable[Path],
    *,
    overrides: Overrides | None = None,
    on_done: Callable[[FileReport], None] | None = None,
    now: dt.datetime | None = None,
    approval_working_days: int = 3,
) -> list[FileReport]:
    """Ingest each file in turn; never stops at a bad file."""
    reports = []
    for path in paths:
        report = await ingest_file(db, path, overrides=overrides, now=now,
                                   approval_working_days=approval_working_days)
        reports.append(report)
        if on_done is not None:
            on_done(report)
    return reports


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; directories are searched for .pdf and .txt files."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.suffix.lower() in {".pdf", ".txt"}))
        else:
            out.append(p)
    return out
