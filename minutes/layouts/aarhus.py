"""Minutes laid out as Aarhus Kommune prints rådmandsmøde minutes.

Each item: "Punkt N: Title" (may wrap), optionally "Tid: … Deltagere: …",
then "Beslutning for Punkt N: Title" and the decision (often bullet lists).
After the last decision the file carries the items' attachments; their pages
are labelled "Punkt 2, Bilag 2: <file name>" (not every page, and the label
repeats). Text before the first item can be fragments of another agenda.
Attachments and fragments become labelled passages, never item text, so that
"Punkt 2" of an attachment is not mistaken for this meeting's item 2.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from minutes.dates import NUMERIC_DATE, WRITTEN_DATE
from minutes.layouts.attachments import attachment_key
from minutes.layouts.common import (
    Line,
    TextProfile,
    block_paragraphs,
    guess_municipality,
    make_passages,
    text_profile,
)
from minutes.model import (
    DocumentKind,
    ParsedDocument,
    ParsedItem,
    ParsedPassage,
    ParsedSection,
    SectionKind,
)
from minutes.normalize import join_title, word_count

DECISION = re.compile(r"^Beslutning for [Pp]unkt (?P<number>\d{1,3})\s*:\s*(?P<title>.*)$")
_ITEM = re.compile(r"^[Pp]unkt (?P<number>\d{1,3})\s*:\s*(?P<title>.*)$")
ATTACHMENT_LABEL = re.compile(
    r"^[Pp]unkt (?P<number>\d{1,3}), [Bb]ilag (?P<n>\d{1,3})\s*:\s*(?P<name>.+)$"
)
_TIME_OR_GUESTS = re.compile(r"^(?:Tid|Deltagere)\s*:")
_PAGE_FURNITURE = re.compile(r"(?:^|\s)[Ss]ide (?P<page>\d+) af (?P<of>\d+)$")
_PLACEHOLDER = "Klik her for at angive tekst."
# the head of a memo or an indstilling: a new document starts here
_DOCUMENT_HEAD = re.compile(
    r"^\s*(?:Emne:?\s+[A-ZÆØÅ]|Til:?\s+(?:Rådmand|Aarhus Byråd|Byrådet|Magistrat))")
_FILE_EXTENSION = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|msg|odt)$", re.IGNORECASE)
# A line that opens a new document where the last decision must end.
_DOCUMENT_OPENERS = frozenset(
    {"indstilling", "notat", "bilag", "dagsorden", "referat", "høringssvar", "redegørelse"}
)
_MAX_TITLE_LINES = 3
# Aarhus' magistrate departments: the "committee" of a rådmandsmøde.
DEPARTMENTS = (
    "Børn og Unge",
    "Sociale Forhold og Beskæftigelse",
    "Teknik og Miljø",
    "Kultur og Borgerservice",
    "Sundhed og Omsorg",
    "Borgmesterens Afdeling",
)
_MEETING_OF_ALDERMAN = re.compile(r"\brådmand", re.IGNORECASE)
FRAGMENT_LABEL = "Fragment før punkt {number}"
UNPLACED_LABEL = "Bilag (punkt ukendt)"
HEAD_WORDS = 600  # unlabelled text before a label that still belongs to it
TRUST_WORDS = 1500  # text after a label that still belongs to it
ATTACHMENT_PAGE_WORDS = 500  # words on a page of an attachment, roughly


@dataclass(frozen=True, slots=True)
class _Heading:
    index: int  # first line
    end: int  # the line after its title
    number: int
    title: str


def _title_lines(lines: Sequence[Line], index: int, first: str) -> tuple[str, int]:
    """A wrapped "Punkt N: Title": the title and the line after it.

    The title goes on until a blank line or a line that starts something else.
    """
    parts = [first]
    end = index + 1
    while end < len(lines) and len(parts) < _MAX_TITLE_LINES:
        text = lines[end].text
        if not text or _starts_something(text):
            break
        parts.append(text)
        end += 1
    return join_title(parts), end


def _starts_something(text: str) -> bool:
    return bool(
        DECISION.match(text)
        or _ITEM.match(text)
        or ATTACHMENT_LABEL.match(text)
        or _TIME_OR_GUESTS.match(text)
    )


def _decision_headings(lines: Sequence[Line]) -> list[_Heading]:
    """Every "Beslutning for Punkt N" before the attachments start."""
    found: list[_Heading] = []
    for index, line in enumerate(lines):
        if ATTACHMENT_LABEL.match(line.text):
            break
        match = DECISION.match(line.text)
        if match:
            title, end = _title_lines(lines, index, match["title"])
            found.append(_Heading(index, end, int(match["number"]), title))
    return found


def _item_heading(lines: Sequence[Line], decision: _Heading, after: int) -> _Heading | None:
    """The last "Punkt N:" line between ``after`` and the decision for N."""
    for index in range(decision.index - 1, after - 1, -1):
        match = _ITEM.match(lines[index].text)
        if match and int(match["number"]) == decision.number:
            title, end = _title_lines(lines, index, match["title"])
            return _Heading(index, end, decision.number, title)
    return None


def _best_title(item: _Heading | None, decision: _Heading) -> str:
    """The fuller of the two printings of the title."""
    if item is None:
        return decision.title
    if attachment_key(decision.title).startswith(attachment_key(item.title)):
        return decision.title if len(decision.title) > len(item.title) else item.title
    return item.title


def _section(
    kind: SectionKind, heading: str | None, lines: Sequence[Line], profile: TextProfile
) -> ParsedSection | None:
    paras = block_paragraphs(lines, profile)
    if not paras:
        return None
    return ParsedSection(kind, "\n".join(p.text for p in paras), heading, paras[0].page)


def _attachments_start(lines: Sequence[Line], after: int) -> int:
    """Where the last decision ends and the attachments begin."""
    label_page: int | None = None
    for index in range(after, len(lines)):
        text = lines[index].text
        if ATTACHMENT_LABEL.match(text):
            label_page = lines[index].page
            break
        if text.rstrip(":").lower() in _DOCUMENT_OPENERS or text.startswith("Til:"):
            return index
    else:
        return len(lines)
    if label_page is None:
        return index
    first_on_page = next(i for i in range(after, index + 1) if lines[i].page == label_page)
    return max(after, first_on_page)


def _build_item(
    lines: Sequence[Line],
    item: _Heading | None,
    decision: _Heading,
    end: int,
    profile: TextProfile,
) -> ParsedItem:
    first = item if item is not None else decision
    parsed = ParsedItem(decision.number, _best_title(item, decision), page=lines[first.index].page)
    between = lines[item.end : decision.index] if item is not None else []
    texts = [line.text for line in between if line.text]
    heading = "Tid og deltagere" if texts and _TIME_OR_GUESTS.match(texts[0]) else None
    sections = [
        _section(SectionKind.OTHER, heading, between, profile),
        _section(
            SectionKind.BESLUTNING,
            f"Beslutning for Punkt {decision.number}: {decision.title}",
            lines[decision.end : end],
            profile,
        ),
    ]
    parsed.sections = [s for s in sections if s is not None]
    return parsed


def _label_text(match: re.Match[str]) -> str:
    name = _FILE_EXTENSION.sub("", match["name"].strip())
    return f"Punkt {match['number']}, Bilag {match['n']}: {name}"


@dataclass(frozen=True, slots=True)
class _Mark:
    offset: int  # words before the label (or page number) line
    label: str
    reach: int  # the offset up to which text after it surely belongs to it
    last_page: bool = False  # a "Side n af M" line: the reach is a page count, not a bound


def _page_mark(text: str, offset: int, last: _Mark | None) -> _Mark | None:
    """A "side n af M" line inside the last label's reach: the attachment
    goes on for M - n more pages."""
    match = _PAGE_FURNITURE.search(text)
    if match is None or last is None or offset > last.reach:
        return None
    pages_left = int(match["of"]) - int(match["page"])
    return _Mark(offset, last.label, offset + max(pages_left + 1, 1) * ATTACHMENT_PAGE_WORDS,
                 last_page=True)


def _marks(lines: Sequence[Line]) -> tuple[list[_Mark], list[int]]:
    """The attachment labels with their word offsets, and every line's offset."""
    marks: list[_Mark] = []
    offsets: list[int] = []
    words = 0
    for line in lines:
        offsets.append(words)
        match = ATTACHMENT_LABEL.match(line.text)
        if match:
            marks.append(_Mark(words, _label_text(match), words + TRUST_WORDS))
            continue
        page = _page_mark(line.text, words, marks[-1] if marks else None)
        if page is not None:
            marks.append(page)
        words += word_count(line.text)
    return marks, offsets


def _label_at(offset: int, before: _Mark | None, after: _Mark | None, *,
              opened: int | None = None, next_opening: int | None = None,
              split: int | None = None) -> str:
    """The label of text at ``offset`` between two label marks.

    A label is printed on some pages of its attachment, seldom the first: text
    shortly before a new label is that attachment's opening, and so is all of a
    document whose head (``opened``, "Emne: …", "Til: Rådmand") comes after the last
    label's reach and before the next label, with no other head (``next_opening``) in
    between. Text shortly after a label is still its attachment; a long gap between two
    different labels holds text nobody can place. Text after the document's last label
    is that attachment's: nothing else can claim it. Where the last label's reach and the
    next label's opening overlap, one ends at ``split``.
    """
    if before is not None and after is not None and before.label == after.label:
        return before.label
    if split is not None and before is not None and after is not None \
            and offset <= before.reach and after.offset - offset <= HEAD_WORDS:
        return before.label if offset < split else after.label
    if after is not None and after.offset - offset <= HEAD_WORDS:
        return after.label
    if after is not None and opened is not None \
            and (before is None or opened > before.reach) \
            and (next_opening is None or next_opening >= after.offset):
        return after.label
    if before is not None and (offset <= before.reach or after is None):
        return before.label  # after the last label, nothing else can claim the text
    return UNPLACED_LABEL


def _page_headers(lines: Sequence[Line]) -> set[int]:
    """Lines that are a letter's running header: a date alone on its line just above a
    "Side n af M" line ("8. februar 2021" / "Side 2 af 2"). Left in, the date would
    run into the first sentence of the page."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not _PAGE_FURNITURE.search(line.text):
            continue
        j = i - 1
        while j >= 0 and not lines[j].text.strip():
            j -= 1
        if j >= 0 and any(p.fullmatch(lines[j].text.strip()) for p in (WRITTEN_DATE,
                                                                          NUMERIC_DATE)):
            out.add(j)
    return out


def _splits(lines: Sequence[Line], offsets: Sequence[int], marks: Sequence[_Mark]
            ) -> dict[int, int]:
    """Where text both inside the pages a "Side n af M" line leaves and shortly before
    the next, different label changes hands, by the index of that next mark: at the
    sentence end nearest the middle of the overlap (both are estimates of a page)."""
    out: dict[int, int] = {}
    for index in range(1, len(marks)):
        before, after = marks[index - 1], marks[index]
        start = max(after.offset - HEAD_WORDS, before.offset)
        if not before.last_page or before.label == after.label or before.reach < start:
            continue
        middle = (start + min(before.reach, after.offset)) / 2
        ends = [offsets[i + 1] for i in range(len(lines) - 1)
                if start < offsets[i + 1] <= after.offset
                and lines[i].text.rstrip().endswith((".", "!", "?"))]
        out[index] = min(ends, key=lambda end: abs(end - middle), default=round(middle))
    return out


def _attachment_segments(lines: Sequence[Line]) -> list[tuple[str, list[Line]]]:
    """The attachment text cut into runs of lines under one label."""
    marks, offsets = _marks(lines)
    splits = _splits(lines, offsets, marks)
    headers = _page_headers(lines)
    openings = [offset for line, offset in zip(lines, offsets, strict=True)
                if _DOCUMENT_HEAD.match(line.text)]
    segments: list[tuple[str, list[Line]]] = []
    mark_index = 0
    opening_index = 0
    for i, (line, offset) in enumerate(zip(lines, offsets, strict=True)):
        while mark_index < len(marks) and marks[mark_index].offset <= offset:
            mark_index += 1
        while opening_index < len(openings) and openings[opening_index] <= offset:
            opening_index += 1
        if ATTACHMENT_LABEL.match(line.text) or _PAGE_FURNITURE.search(line.text) \
                or i in headers:
            continue
        before = marks[mark_index - 1] if mark_index else None
        after = marks[mark_index] if mark_index < len(marks) else None
        label = _label_at(
            offset, before, after,
            opened=openings[opening_index - 1] if opening_index else None,
            next_opening=openings[opening_index] if opening_index < len(openings) else None,
            split=splits.get(mark_index))
        text = line.text.replace(_PLACEHOLDER, "").strip()
        if not segments or segments[-1][0] != label:
            segments.append((label, []))
        segments[-1][1].append(Line(line.raw, text, line.page))
    return [(label, seg) for label, seg in segments if any(line.text for line in seg)]


def _committee(text: str) -> str | None:
    counts = Counter({name: text.count(name) for name in DEPARTMENTS})
    name, mentions = counts.most_common(1)[0]
    return name if mentions >= 2 else None


def _items(
    lines: Sequence[Line], decisions: Sequence[_Heading], profile: TextProfile
) -> tuple[list[ParsedItem], int, int]:
    """The items; where the first starts; where the last ends."""
    items: list[ParsedItem] = []
    starts: list[int] = []
    after = 0
    heads: list[_Heading | None] = []
    for decision in decisions:
        head = _item_heading(lines, decision, after)
        heads.append(head)
        starts.append(head.index if head is not None else decision.index)
        after = decision.end
    last_end = _attachments_start(lines, decisions[-1].end)
    ends = starts[1:] + [last_end]
    for head, decision, end in zip(heads, decisions, ends, strict=True):
        items.append(_build_item(lines, head, decision, end, profile))
    return items, starts[0], last_end


def parse_aarhus(lines: Sequence[Line]) -> ParsedDocument:
    profile = text_profile(lines)
    all_text = "\n".join(line.text for line in lines)
    doc = ParsedDocument(
        kind=DocumentKind.AARHUS,
        municipality=guess_municipality(all_text),
        committee=_committee(all_text),
    )
    decisions = _decision_headings(lines)
    if not decisions:
        doc.passages = make_passages(lines, label=None, kind="text", profile=profile)
        return doc
    doc.items, first, last_end = _items(lines, decisions, profile)
    minutes_text = "\n".join(line.text for line in lines[first:last_end])
    if _MEETING_OF_ALDERMAN.search(minutes_text):
        doc.title = "Rådmandsmøde"
    fragment_label = FRAGMENT_LABEL.format(number=doc.items[0].number)
    passages: list[ParsedPassage] = make_passages(
        lines[:first], label=fragment_label, kind="fragment", profile=profile
    )
    for label, segment in _attachment_segments(lines[last_end:]):
        passages += make_passages(segment, label=label, kind="attachment", profile=profile)
    doc.passages = passages
    return doc


def count_decision_headings(lines: Sequence[Line]) -> int:
    return sum(1 for line in lines if DECISION.match(line.text))
