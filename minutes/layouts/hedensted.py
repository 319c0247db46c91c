"""Minutes laid out with numbered items and named sections (Hedensted style).

Each item: an optional journal number line (``17.01.01-A00-1-23``), then
``NN.        Title`` (the title may wrap), then sections under headings
("Beslutningstema", "Økonomi", … "Beslutning", "Bilag"). A page header block
can interrupt any of it; it is taken out first (see :mod:`.page_header`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from minutes.layouts.attachments import BilagList, bilag_entry, resolve_attachments
from minutes.layouts.common import (
    Line,
    TextProfile,
    block_paragraphs,
    guess_municipality,
    make_passages,
    text_profile,
)
from minutes.layouts.headings import Heading, classify_heading
from minutes.layouts.page_header import PageHeader, find_page_headers, strip_page_headers
from minutes.model import DocumentKind, ParsedDocument, ParsedItem, ParsedSection, SectionKind
from minutes.normalize import clean_line, join_title

_ITEM = re.compile(r"^\s*(?P<number>\d{1,3})\.(?P<gap>\s+)(?P<title>\S.*)$")
_CASE_NUMBER = re.compile(
    r"^(?:(?:Sags?\s?nr|Journal\s?nr|J\.\s?nr)\.?\s*:?\s*)?"
    r"(?P<case>\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2})?-\d{1,6}-\d{2}|\d{2}/\d{1,6}(?:-\d{1,4})?)$"
)
_CLOSED = re.compile(r"\blukket\s+(?:punkt|møde|sag)\b|\(lukket\)", re.IGNORECASE)
_WORDS = re.compile(r"\w")
_TITLE_LOOKAHEAD = 5  # text lines after "NN." in which the first heading must come
_CASE_LOOKBACK = 4  # lines before "NN." in which a journal number may stand


@dataclass(frozen=True, slots=True)
class ItemStart:
    begin: int  # the item's first line (its journal number when printed)
    line: int  # the "NN.  Title" line
    body: int  # the first section heading
    number: int
    title: str
    case_number: str | None


@dataclass(slots=True)
class _SectionDraft:
    heading: Heading
    page: int | None
    lines: list[Line] = field(default_factory=list)


def case_number(text: str) -> str | None:
    match = _CASE_NUMBER.match(text)
    return match["case"] if match else None


def _text_lines_after(lines: Sequence[Line], start: int, count: int) -> list[int]:
    found: list[int] = []
    for index in range(start, len(lines)):
        if lines[index].text:
            found.append(index)
            if len(found) == count:
                break
    return found


def _case_line_before(lines: Sequence[Line], index: int) -> int | None:
    for before in range(index - 1, max(-1, index - 1 - _CASE_LOOKBACK), -1):
        if lines[before].text:
            return before if case_number(lines[before].text) else None
    return None


def _title_and_body(lines: Sequence[Line], index: int) -> tuple[list[str], int, Heading] | None:
    """The title's continuation lines and the first heading after "NN. Title"."""
    more: list[str] = []
    for after in _text_lines_after(lines, index + 1, _TITLE_LOOKAHEAD):
        text = lines[after].text
        heading = classify_heading(text)
        if heading is not None:
            return more, after, heading
        if _ITEM.match(lines[after].raw) or case_number(text):
            return None
        more.append(text)
    return None


def item_start(lines: Sequence[Line], index: int) -> ItemStart | None:
    """The item starting at line ``index``, or None when it is not one.

    "NN." must be followed by two or more spaces (or a tab) and the title by
    a section heading within a few lines; with a single space the heading must
    be "Beslutningstema" or a journal number must come before.
    """
    match = _ITEM.match(lines[index].raw)
    if not match:
        return None
    found = _title_and_body(lines, index)
    if found is None:
        return None
    more, body, heading = found
    case_at = _case_line_before(lines, index)
    loose = len(match["gap"]) < 2 and "\t" not in match["gap"]
    if loose and heading.kind is not SectionKind.BESLUTNINGSTEMA and case_at is None:
        return None
    title = join_title([match["title"], *more])
    case = case_number(lines[case_at].text) if case_at is not None else None
    begin = case_at if case_at is not None else index
    return ItemStart(begin, index, body, int(match["number"]), title, case)


def find_item_starts(lines: Sequence[Line]) -> list[ItemStart]:
    starts: list[ItemStart] = []
    for index in range(len(lines)):
        if starts and index < starts[-1].body:
            continue
        start = item_start(lines, index)
        if start is not None:
            starts.append(start)
    return starts


def _read_sections(lines: Sequence[Line], start: ItemStart, end: int) -> list[_SectionDraft]:
    drafts: list[_SectionDraft] = []
    for line in lines[start.body : end]:
        heading = classify_heading(line.text)
        if heading is not None:
            draft = _SectionDraft(heading, line.page)
            if heading.rest:
                draft.lines.append(Line(heading.rest, clean_line(heading.rest), line.page))
            drafts.append(draft)
        elif drafts:
            drafts[-1].lines.append(line)
    return drafts


def _is_history(heading: Heading, meeting_date: dt.date | None) -> bool:
    """An earlier meeting's decision or recommendation quoted in the item."""
    if heading.quoted:
        return heading.date != meeting_date
    return heading.date is not None and meeting_date is not None and heading.date != meeting_date


@dataclass(slots=True)
class _ItemBuilder:
    profile: TextProfile
    meeting_date: dt.date | None
    bilag: list[tuple[ParsedSection, BilagList]] = field(default_factory=list)

    def section(self, item: ParsedItem, draft: _SectionDraft) -> ParsedSection | None:
        heading = draft.heading
        section = ParsedSection(heading.kind, "", heading.printed, draft.page)
        if heading.kind is SectionKind.BILAG:
            entries = [bilag_entry(line.text) for line in draft.lines if line.text]
            self.bilag.append((section, BilagList(item, [e for e in entries if e])))
            return section
        paras = block_paragraphs(draft.lines, self.profile)
        section.text = "\n".join(p.text for p in paras)
        section.is_history = _is_history(heading, self.meeting_date)
        return section if _WORDS.search(section.text) else None

    def item(self, lines: Sequence[Line], start: ItemStart, end: int) -> ParsedItem:
        item = ParsedItem(
            number=start.number,
            title=start.title,
            case_number=start.case_number,
            closed=bool(_CLOSED.search(start.title)),
            page=lines[start.line].page,
        )
        for draft in _read_sections(lines, start, end):
            section = self.section(item, draft)
            if section is not None:
                item.sections.append(section)
        return item

    def finish_attachments(self, items: Sequence[ParsedItem]) -> None:
        resolve_attachments([bilag for _, bilag in self.bilag], items)
        for section, bilag in self.bilag:
            section.text = bilag.text
            if not section.text:
                bilag.item.sections.remove(section)


def _metadata(doc: ParsedDocument, headers: Sequence[PageHeader], lines: Sequence[Line]) -> None:
    dated = [h for h in headers if h.meeting_date is not None]
    header = dated[0] if dated else (headers[0] if headers else None)
    if header is not None:
        doc.municipality = header.municipality
        doc.committee = header.committee
        doc.meeting_date = header.meeting_date
        doc.chair = header.chair
        doc.place = header.place
    if doc.municipality is None:
        doc.municipality = guess_municipality("\n".join(line.text for line in lines))


def parse_hedensted(lines: Sequence[Line]) -> ParsedDocument:
    headers = find_page_headers(lines)
    body = strip_page_headers(lines, headers)
    profile = text_profile(body)
    doc = ParsedDocument(kind=DocumentKind.HEDENSTED)
    _metadata(doc, headers, lines)
    starts = find_item_starts(body)
    builder = _ItemBuilder(profile, doc.meeting_date)
    ends = [start.begin for start in starts[1:]] + [len(body)]
    doc.items = [builder.item(body, start, end) for start, end in zip(starts, ends, strict=True)]
    builder.finish_attachments(doc.items)
    preamble = body[: starts[0].begin] if starts else body
    doc.passages = make_passages(preamble, label=None, kind="text", profile=profile)
    return doc


def count_item_starts(lines: Sequence[Line]) -> int:
    """How many "NN.  Title" items (followed by a section heading) the lines hold."""
    return len(find_item_starts(lines))
