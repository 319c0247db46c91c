"""The minutes as the question engine reads them from the store.

Loads documents (with their meeting, items, sections and passages) into
search units, and fetches one item or passage again when an answer quotes it.
Read-only; plain SQLAlchemy Core selects so loading 100,000 items stays quick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from minutes.model import SectionKind
from minutes.search import UnitMeta, UnitText
from minutes.sentences import sentence_spans
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
)

_T_DOC = sa.inspect(Document).local_table
_T_MEET = sa.inspect(Meeting).local_table
_T_ITEM = sa.inspect(AgendaItem).local_table
_T_SEC = sa.inspect(Section).local_table
_T_ATT = sa.inspect(Attachment).local_table
_T_PASS = sa.inspect(Passage).local_table
_T_COMM = sa.inspect(Committee).local_table
_T_MUNI = sa.inspect(Municipality).local_table
_T_ATTENDEE = sa.inspect(Attendee).local_table

# which search field each section kind feeds (history always goes to background)
SECTION_FIELD: dict[str, str] = {
    SectionKind.BESLUTNING.value: "decision",
    SectionKind.BESLUTNINGSTEMA.value: "core",
    SectionKind.INDSTILLING.value: "core",
    SectionKind.SAGSFREMSTILLING.value: "body",
    SectionKind.OEKONOMI.value: "body",
    SectionKind.KOMMUNIKATION.value: "body",
    SectionKind.LOVGRUNDLAG.value: "body",
    SectionKind.OTHER.value: "body",
    SectionKind.HISTORIK.value: "background",
    SectionKind.BILAG.value: "background",
}
SECTION_NAME_DA: dict[str, str] = {
    SectionKind.BESLUTNINGSTEMA.value: "Beslutningstema",
    SectionKind.OEKONOMI.value: "Økonomi",
    SectionKind.HISTORIK.value: "Historik",
    SectionKind.SAGSFREMSTILLING.value: "Sagsfremstilling",
    SectionKind.KOMMUNIKATION.value: "Kommunikation",
    SectionKind.LOVGRUNDLAG.value: "Lovgrundlag",
    SectionKind.INDSTILLING.value: "Indstilling",
    SectionKind.BESLUTNING.value: "Beslutning",
    SectionKind.BILAG.value: "Bilag",
}
CHUNK_WORDS = 140
_BATCH = 400


@dataclass(frozen=True, slots=True)
class DocInfo:
    """A document and its meeting, as citations name them."""

    doc_id: int
    file_name: str
    kind: str
    title: str | None = None
    municipality: str | None = None
    committee: str | None = None
    committee_id: int | None = None
    meeting_id: int | None = None
    meeting_date: dt.date | None = None
    chair: str | None = None


@dataclass(frozen=True, slots=True)
class SectionText:
    kind: str
    text: str
    heading: str | None = None
    is_history: bool = False

    @property
    def name(self) -> str:
        """The section's Danish name for a citation."""
        base = SECTION_NAME_DA.get(self.kind) or (self.heading or "Tekst").rstrip(" ,:")
        return f"{base} (tidligere møde)" if self.is_history else base


@dataclass(slots=True)
class ItemText:
    item_id: int
    number: int
    title: str
    closed: bool
    meeting_id: int
    doc_id: int
    sections: list[SectionText] = field(default_factory=list)

    @property
    def decision(self) -> SectionText | None:
        for s in self.sections:
            if s.kind == SectionKind.BESLUTNING.value and not s.is_history and s.text.strip():
                return s
        return None


@dataclass(slots=True)
class PassageText:
    passage_id: int
    doc_id: int
    label: str | None
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Watermark:
    """Cheap fingerprint of the stored documents: changes when one is added or removed."""

    max_id: int
    count: int


async def watermark(session: AsyncSession) -> Watermark:
    row = (await session.execute(
        sa.select(sa.func.max(_T_DOC.c.id), sa.func.count(_T_DOC.c.id))
    )).one()
    return Watermark(int(row[0] or 0), int(row[1] or 0))


async def document_ids(session: AsyncSession) -> set[int]:
    return set((await session.scalars(sa.select(_T_DOC.c.id))).all())


def _batches(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _BATCH):
        yield list(ids[i : i + _BATCH])


async def load_doc_infos(session: AsyncSession, doc_ids: Iterable[int]) -> dict[int, DocInfo]:
    ids = sorted(doc_ids)
    infos: dict[int, DocInfo] = {}
    for batch in _batches(ids):
        stmt = (
            sa.select(
                _T_DOC.c.id, _T_DOC.c.file_name, _T_DOC.c.kind, _T_DOC.c.title,
                _T_MUNI.c.name.label("municipality"), _T_COMM.c.name.label("committee"),
                _T_DOC.c.committee_id, _T_MEET.c.id.label("meeting_id"),
                _T_MEET.c.date, _T_MEET.c.chair, _T_MEET.c.committee_id.label("m_committee"),
            )
            .select_from(_T_DOC)
            .outerjoin(_T_MEET, _T_MEET.c.document_id == _T_DOC.c.id)
            .outerjoin(_T_MUNI, _T_MUNI.c.id == _T_DOC.c.municipality_id)
            .outerjoin(_T_COMM, _T_COMM.c.id == sa.func.coalesce(
                _T_MEET.c.committee_id, _T_DOC.c.committee_id))
            .where(_T_DOC.c.id.in_(batch))
        )
        for r in (await session.execute(stmt)).mappings():
            infos[r["id"]] = DocInfo(
                doc_id=r["id"], file_name=r["file_name"], kind=r["kind"], title=r["title"],
                municipality=r["municipality"], committee=r["committee"],
                committee_id=r["m_committee"] if r["m_committee"] is not None
                else r["committee_id"],
                meeting_id=r["meeting_id"], meeting_date=r["date"], chair=r["chair"],
            )
    return infos


def _meta_text(info: DocInfo) -> str:
    """The document's own title ("Rådmandsmøde"); committee and municipality stay out of
    the words (they are filters, and would make "læring" or "kommune" look common)."""
    return info.title or ""


async def load_units(
    session: AsyncSession, infos: dict[int, DocInfo]
) -> dict[int, list[UnitText]]:
    """Every search unit of these documents: one per item, chunks of each passage."""
    units: dict[int, list[UnitText]] = {doc_id: [] for doc_id in infos}
    meeting_doc = {i.meeting_id: i for i in infos.values() if i.meeting_id is not None}
    meeting_ids = sorted(meeting_doc)
    items: dict[int, dict[str, Any]] = {}
    for batch in _batches(meeting_ids):
        stmt = sa.select(
            _T_ITEM.c.id, _T_ITEM.c.meeting_id, _T_ITEM.c.number, _T_ITEM.c.title,
            _T_ITEM.c.closed, _T_ITEM.c.position,
        ).where(_T_ITEM.c.meeting_id.in_(batch))
        for r in (await session.execute(stmt)).mappings():
            items[r["id"]] = {**r, "fields": {}}
    item_ids = sorted(items)
    for batch in _batches(item_ids):
        stmt = (
            sa.select(_T_SEC.c.item_id, _T_SEC.c.kind, _T_SEC.c.text, _T_SEC.c.is_history,
                      _T_SEC.c.heading)
            .where(_T_SEC.c.item_id.in_(batch))
            .order_by(_T_SEC.c.item_id, _T_SEC.c.position)
        )
        for row in (await session.execute(stmt)).all():
            item_id: int = row[0]
            kind: str = row[1]
            text: str = row[2]
            name: str = "background" if row[3] else SECTION_FIELD.get(kind, "body")
            if row[3] and row[4]:  # an earlier meeting's heading names its date
                text = f"{row[4]}\n{text}"
            fields = items[item_id]["fields"]
            fields[name] = f"{fields[name]}\n{text}" if name in fields else text
        att = sa.select(_T_ATT.c.item_id, _T_ATT.c.file_name, _T_ATT.c.title).where(
            _T_ATT.c.item_id.in_(batch)
        )
        for item_id, file_name, title in await session.execute(att):
            fields = items[item_id]["fields"]
            words = (title or file_name.rsplit("/", 1)[-1].replace("_", " ").removesuffix(".pdf"))
            fields["background"] = f"{fields.get('background', '')}\n{words}"
    for item in sorted(items.values(), key=lambda r: (r["meeting_id"], r["position"])):
        info = meeting_doc[item["meeting_id"]]
        fields = {"title": item["title"], "meta": _meta_text(info), **item["fields"]}
        units[info.doc_id].append(UnitText(
            UnitMeta(uid=-1, doc_id=info.doc_id, kind="item", row_id=item["id"],
                     meeting_id=info.meeting_id, committee_id=info.committee_id,
                     date=info.meeting_date, closed=bool(item["closed"])),
            fields,
        ))
    for batch in _batches(sorted(infos)):
        stmt = (
            sa.select(_T_PASS.c.id, _T_PASS.c.document_id, _T_PASS.c.label, _T_PASS.c.kind,
                      _T_PASS.c.text)
            .where(_T_PASS.c.document_id.in_(batch))
            .order_by(_T_PASS.c.document_id, _T_PASS.c.position)
        )
        for row in (await session.execute(stmt)).all():
            doc_id: int = row[1]
            units[doc_id].extend(_passage_units(infos[doc_id], row[0], row[2], row[3], row[4]))
    return units


def _passage_units(
    info: DocInfo, passage_id: int, label: str | None, kind: str, text: str
) -> list[UnitText]:
    out: list[UnitText] = []
    body_field = "background" if kind in {"fragment", "attendance"} else "body"
    for start, end in chunk_spans(text):
        fields = {body_field: text[start:end], "meta": _meta_text(info)}
        if label:
            fields["title" if kind == "text" else "background"] = label
        out.append(UnitText(
            UnitMeta(uid=-1, doc_id=info.doc_id, kind="passage", row_id=passage_id,
                     meeting_id=info.meeting_id, committee_id=info.committee_id,
                     date=info.meeting_date, passage_kind=kind, span=(start, end),
                     label=label),
            fields,
        ))
    return out


def chunk_spans(text: str, *, words: int = CHUNK_WORDS) -> list[tuple[int, int]]:
    """Consecutive character ranges of about ``words`` words, cut between sentences."""
    spans = sentence_spans(text)
    if not spans:
        return [(0, len(text))] if text.strip() else []
    chunks: list[tuple[int, int]] = []
    start = spans[0].start
    count = 0
    for i, s in enumerate(spans):
        count += len(text[s.start : s.end].split())
        last = i == len(spans) - 1
        if count >= words or last:
            chunks.append((start, s.end))
            if not last:
                start = spans[i + 1].start
            count = 0
    return chunks


async def fetch_items(session: AsyncSession, item_ids: Sequence[int]) -> dict[int, ItemText]:
    """These items with their sections, in two queries."""
    if not item_ids:
        return {}
    rows = await session.execute(
        sa.select(_T_ITEM.c.id, _T_ITEM.c.number, _T_ITEM.c.title, _T_ITEM.c.closed,
                  _T_ITEM.c.meeting_id, _T_MEET.c.document_id)
        .join(_T_MEET, _T_MEET.c.id == _T_ITEM.c.meeting_id)
        .where(_T_ITEM.c.id.in_(list(item_ids)))
    )
    items = {r[0]: ItemText(r[0], r[1], r[2], bool(r[3]), r[4], r[5]) for r in rows}
    secs = await session.execute(
        sa.select(_T_SEC.c.item_id, _T_SEC.c.kind, _T_SEC.c.text, _T_SEC.c.heading,
                  _T_SEC.c.is_history)
        .where(_T_SEC.c.item_id.in_(list(items)))
        .order_by(_T_SEC.c.item_id, _T_SEC.c.position)
    )
    for item_id, k, t, h, hist in secs:
        items[item_id].sections.append(SectionText(k, t, h, bool(hist)))
    return items


async def meeting_items(session: AsyncSession, meeting_id: int) -> list[ItemText]:
    """All items of a meeting in the order of the minutes, with their sections."""
    ids = (await session.scalars(
        sa.select(_T_ITEM.c.id).where(_T_ITEM.c.meeting_id == meeting_id)
        .order_by(_T_ITEM.c.position)
    )).all()
    found = await fetch_items(session, list(ids))
    return [found[i] for i in ids if i in found]


async def numbered_items(
    session: AsyncSession, meeting_ids: Sequence[int], numbers: Iterable[int]
) -> list[ItemText]:
    """The items of these meetings that have these numbers ("punkt 97"), in one query per
    batch of meetings and one for their sections."""
    ids: list[int] = []
    for batch in _batches(meeting_ids):
        ids += (await session.scalars(
            sa.select(_T_ITEM.c.id).where(_T_ITEM.c.meeting_id.in_(batch),
                                          _T_ITEM.c.number.in_(list(numbers)))
        )).all()
    found = await fetch_items(session, ids)
    return [found[i] for i in ids if i in found]


async def fetch_passages(
    session: AsyncSession, passage_ids: Sequence[int]
) -> dict[int, PassageText]:
    if not passage_ids:
        return {}
    rows = await session.execute(
        sa.select(_T_PASS.c.id, _T_PASS.c.document_id, _T_PASS.c.label, _T_PASS.c.kind,
                  _T_PASS.c.text).where(_T_PASS.c.id.in_(list(passage_ids)))
    )
    return {r[0]: PassageText(r[0], r[1], r[2], r[3], r[4]) for r in rows}


async def attendees(session: AsyncSession, meeting_id: int) -> list[tuple[str, bool]]:
    rows = await session.execute(
        sa.select(_T_ATTENDEE.c.name, _T_ATTENDEE.c.present)
        .where(_T_ATTENDEE.c.meeting_id == meeting_id).order_by(_T_ATTENDEE.c.id)
    )
    return [(n, bool(p)) for n, p in rows]


async def committees(session: AsyncSession) -> list[tuple[int, str]]:
    rows = await session.execute(sa.select(_T_COMM.c.id, _T_COMM.c.name))
    return [(i, n) for i, n in rows]
