"""The page header block of Hedensted-style minutes, found and taken out.

The block reads, one value per line (values may wrap)::

    Hedensted Kommune
    Udvalget for Læring 2022-2025
    Mødedato:
    12. april 2023
    Formand:
    Merete Skovgaard
    Jensen
    Sidetal:  9

It can fall in the middle of a section; the section goes on after it. It
tells the meeting's metadata and, in text files, the page it starts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from minutes.dates import parse_danish_date
from minutes.layouts.common import Line
from minutes.normalize import collapse_whitespace, word_count

_LABEL = re.compile(
    r"^(Mødedato|Mødetidspunkt|Mødetid|Mødested|Formand|Næstformand|Sidetal)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_MUNICIPALITY_LINE = re.compile(r"\b(?:Kommune|Region [A-ZÆØÅ]\w+)$", re.IGNORECASE)
_ELECTION_PERIOD = re.compile(r"\s+\d{4}\s*[-–]\s*\d{4}$")
_MAX_BLOCK_LINES = 30
_MAX_VALUE_LINES = 3
_LOOKBACK_LINES = 8
_MAX_TITLE_LINES = 3
PAGE_WORDS = 350  # roughly the words on a page of minutes, for guessing pages


@dataclass(slots=True)
class PageHeader:
    start: int  # first line of the block
    end: int  # the line after it
    municipality: str | None = None
    committee: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # lower-case label -> value

    @property
    def page(self) -> int | None:
        value = self.fields.get("sidetal", "")
        return int(value) if value.isdigit() else None

    @property
    def meeting_date(self) -> dt.date | None:
        return parse_danish_date(self.fields.get("mødedato", ""))

    @property
    def chair(self) -> str | None:
        return self.fields.get("formand") or None

    @property
    def place(self) -> str | None:
        return self.fields.get("mødested") or None


def _read_fields(lines: Sequence[Line], at: int) -> tuple[dict[str, list[int]], int]:
    """The labelled values from ``at`` on: label -> indices of its lines
    (label line first); and the end of the block."""
    fields: dict[str, list[int]] = {}
    current: str | None = None
    end = at
    for index in range(at, min(len(lines), at + _MAX_BLOCK_LINES)):
        text = lines[index].text
        if not text:
            continue
        label = _LABEL.match(text)
        if label:
            current = label[1].lower()
            fields[current] = [index]
            end = index + 1
            if current == "sidetal" and label[2].strip():
                break
            continue
        if current is None or len(fields[current]) > _MAX_VALUE_LINES:
            break
        if current == "sidetal":
            if text.isdigit():
                fields[current].append(index)
                end = index + 1
            break
        fields[current].append(index)
        end = index + 1
    return fields, end


def _trim_unterminated(fields: dict[str, list[int]], end: int) -> int:
    """Without a closing "Sidetal", the last value keeps one line only."""
    if "sidetal" in fields or not fields:
        return end
    last = max(fields, key=lambda label: fields[label][0])
    fields[last] = fields[last][:2]
    return fields[last][-1] + 1


def _values(lines: Sequence[Line], fields: dict[str, list[int]]) -> dict[str, str]:
    values: dict[str, str] = {}
    for label, indices in fields.items():
        first = _LABEL.match(lines[indices[0]].text)
        parts = [first[2] if first else ""] + [lines[i].text for i in indices[1:]]
        values[label] = collapse_whitespace(" ".join(parts))
    return values


def _read_title(lines: Sequence[Line], at: int) -> tuple[int, str | None, str | None]:
    """Before the first label: "<X> Kommune" and the committee's name.

    Returns the block's first line, the municipality and the committee.
    """
    seen: list[int] = []
    for index in range(at - 1, max(-1, at - 1 - _LOOKBACK_LINES), -1):
        text = lines[index].text
        if not text:
            continue
        if _MUNICIPALITY_LINE.search(text):
            committee = " ".join(lines[i].text for i in reversed(seen)) or None
            if committee:
                committee = _ELECTION_PERIOD.sub("", committee).strip() or None
            return index, text, committee
        seen.append(index)
        if len(seen) >= _MAX_TITLE_LINES:
            break
    return at, None, None


def _read_header(lines: Sequence[Line], at: int) -> PageHeader | None:
    fields, end = _read_fields(lines, at)
    if len(fields) < 2 or "mødedato" not in fields:
        return None
    end = _trim_unterminated(fields, end)
    start, municipality, committee = _read_title(lines, at)
    return PageHeader(start, end, municipality, committee, _values(lines, fields))


def find_page_headers(lines: Sequence[Line]) -> list[PageHeader]:
    """Every header block (labels in any order, "Mødedato" among them), in order."""
    headers: list[PageHeader] = []
    index = 0
    while index < len(lines):
        header = _read_header(lines, index) if _LABEL.match(lines[index].text) else None
        if header is not None:
            headers.append(header)
            index = header.end
        else:
            index += 1
    return headers


def _guess_page(offset: int, anchors: Sequence[tuple[int, int]]) -> int | None:
    """The page at a word offset, from (offset, page) of the headers nearby:
    text just after a header is on its page, text just before on the one before."""
    best: tuple[int, int] | None = None
    for anchor, page in anchors:
        distance = offset - anchor
        if 0 <= distance < PAGE_WORDS:
            guess = page
        elif -PAGE_WORDS <= distance < 0 and page > 1:
            guess = page - 1
        else:
            continue
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), guess)
    return best[1] if best else None


def strip_page_headers(lines: Sequence[Line], headers: Sequence[PageHeader]) -> list[Line]:
    """The lines without the header blocks. When the lines carry no page
    numbers (a text file), the headers' "Sidetal" gives pages near them."""
    removed = {i for header in headers for i in range(header.start, header.end)}
    kept: list[Line] = []
    anchors: list[tuple[int, int]] = []
    offsets: list[int] = []
    words = 0
    header_at = {header.start: header for header in headers}
    for index, line in enumerate(lines):
        header = header_at.get(index)
        if header is not None and header.page is not None:
            anchors.append((words, header.page))
        if index in removed:
            continue
        kept.append(line)
        offsets.append(words)
        words += word_count(line.text)
    if any(line.page is not None for line in kept) or not anchors:
        return kept
    return [
        Line(line.raw, line.text, _guess_page(offset, anchors))
        for line, offset in zip(kept, offsets, strict=True)
    ]
