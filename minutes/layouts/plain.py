"""Documents without numbered items (action plans, notes): passages under headings.

A heading is a short line that does not read like part of a sentence: no
closing punctuation, a capital first, after a finished sentence (or another
heading) and not followed by a lower-case continuation. A heading used more
than once ("Anbefalinger og tiltag") is labelled with the heading above it
that is used once ("1: Kompetenceudvikling – Anbefalinger og tiltag"), and a
heading directly followed by another labels both.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from minutes.layouts.common import (
    Line,
    TextProfile,
    guess_municipality,
    make_passages,
    text_profile,
)
from minutes.model import DocumentKind, ParsedDocument, ParsedPassage
from minutes.normalize import BULLET, ends_sentence

_MAX_HEADING_WORDS = 8
_MAX_HEADING_CHARS = 70
_NUMBERED_HEADING = re.compile(r"^\d{1,2}[.:]\s+[A-ZÆØÅ]")
_NO_HEADING_END = (".", ",", ";", ":", "!", "?", "-", "–", "(", "/", "&")
LABEL_SEPARATOR = " – "


@dataclass(slots=True)
class _Part:
    heading: str | None
    lines: list[Line] = field(default_factory=list)


def _opens_like_heading(text: str) -> bool:
    first = text[0]
    return (first.isupper() and not text.startswith(BULLET)) or bool(_NUMBERED_HEADING.match(text))


def looks_like_heading(text: str, previous: str | None, following: str | None) -> bool:
    """Whether a cleaned line is a heading, given the text lines around it."""
    if not text or len(text) > _MAX_HEADING_CHARS or len(text.split()) > _MAX_HEADING_WORDS:
        return False
    if text.endswith(_NO_HEADING_END) or not _opens_like_heading(text):
        return False
    if text[0].isdigit() and not _NUMBERED_HEADING.match(text):
        return False
    if previous is not None and not (ends_sentence(previous) or previous.endswith(":")):
        return False
    return following is None or not following[0].islower()


def _text_neighbours(lines: Sequence[Line]) -> list[tuple[str | None, str | None]]:
    """For each line, the nearest text lines before and after it."""
    texts = [line.text for line in lines]
    before: list[str | None] = []
    last: str | None = None
    for text in texts:
        before.append(last)
        last = text or last
    after: list[str | None] = [None] * len(texts)
    nxt: str | None = None
    for index in range(len(texts) - 1, -1, -1):
        after[index] = nxt
        nxt = texts[index] or nxt
    return list(zip(before, after, strict=True))


def split_parts(lines: Sequence[Line]) -> list[_Part]:
    parts = [_Part(None)]
    heading_before = False
    for line, (previous, following) in zip(lines, _text_neighbours(lines), strict=True):
        if not line.text:
            parts[-1].lines.append(line)
            continue
        prev = None if heading_before else previous
        if looks_like_heading(line.text, prev, following):
            parts.append(_Part(line.text))
            heading_before = True
        else:
            parts[-1].lines.append(line)
            heading_before = False
    return parts


def _labels(parts: Sequence[_Part]) -> list[str | None]:
    """Each part's label: its heading, qualified when it is ambiguous."""
    counts = Counter(p.heading for p in parts if p.heading)
    labels: list[str | None] = []
    parent: str | None = None
    pending: str | None = None  # a heading with no text of its own
    for part in parts:
        label = part.heading
        if label is not None and counts[label] > 1 and parent:
            label = f"{parent}{LABEL_SEPARATOR}{label}"
        if label is not None and pending:
            label = f"{pending}{LABEL_SEPARATOR}{part.heading}"
        if part.heading is not None and counts[part.heading] == 1:
            parent = part.heading
        has_text = any(line.text for line in part.lines)
        pending = label if not has_text else None
        labels.append(label)
    return labels


def parse_plain(lines: Sequence[Line]) -> ParsedDocument:
    profile: TextProfile = text_profile(lines)
    all_text = "\n".join(line.text for line in lines)
    doc = ParsedDocument(kind=DocumentKind.PLAIN, municipality=guess_municipality(all_text))
    parts = split_parts(lines)
    passages: list[ParsedPassage] = []
    for part, label in zip(parts, _labels(parts), strict=True):
        passages += make_passages(part.lines, label=label, kind="text", profile=profile)
    doc.passages = passages
    return doc
