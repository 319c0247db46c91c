"""Pieces every layout parser uses: source lines with their pages, paragraphs
with their pages, passages of a searchable size, the municipality's name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from minutes.model import ParsedPassage, SourceText
from minutes.normalize import (
    blank_lines_interleaved,
    clean_line,
    paragraphs,
    typical_width,
    word_count,
)

MIN_PASSAGE_WORDS = 100
MAX_PASSAGE_WORDS = 250
_BLOCK_OWN_PROFILE = 8  # a block with this many text lines is judged on its own

_MUNICIPALITY = re.compile(r"\b([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?) [Kk]ommune\b")
_NOT_A_NAME = frozenset(
    {"Anden", "Den", "Denne", "Egen", "En", "Enkelte", "Hele", "Hver", "Samme", "Vores", "Én"}
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9•\"“])")


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line: as extracted (``raw``), cleaned (``text``), its page."""

    raw: str
    text: str
    page: int | None


class TextProfile(NamedTuple):
    """How a document's text was wrapped: line width, blank lines between lines."""

    width: int
    interleaved: bool


class PagedText(NamedTuple):
    text: str
    page: int | None


def source_lines(source: SourceText) -> list[Line]:
    """All lines of all pages, in order, each knowing its page."""
    return [
        Line(raw, clean_line(raw), page.number)
        for page in source.pages
        for raw in page.text.splitlines()
    ]


def text_profile(lines: Sequence[Line]) -> TextProfile:
    texts = [line.text for line in lines]
    return TextProfile(typical_width(texts), blank_lines_interleaved(texts))


def block_paragraphs(lines: Sequence[Line], profile: TextProfile) -> list[PagedText]:
    """The paragraphs of a block of lines, each with the page it starts on."""
    texts = [line.text for line in lines]
    own = sum(1 for text in texts if text) >= _BLOCK_OWN_PROFILE
    interleaved = blank_lines_interleaved(texts) if own else profile.interleaved
    width = typical_width(texts, fallback=profile.width) if own else profile.width
    return [
        PagedText(p.text, lines[p.first_line].page)
        for p in paragraphs(texts, width=width, interleaved=interleaved)
    ]


def _split_long(paragraph: PagedText, max_words: int) -> list[PagedText]:
    """A paragraph longer than ``max_words`` cut at sentence ends (or words)."""
    if word_count(paragraph.text) <= max_words:
        return [paragraph]
    pieces: list[PagedText] = []
    for sentence in _SENTENCE_SPLIT.split(paragraph.text):
        words = sentence.split()
        for start in range(0, len(words), max_words):
            pieces.append(PagedText(" ".join(words[start : start + max_words]), paragraph.page))
    return pieces


def chunk_paragraphs(
    paras: Sequence[PagedText],
    *,
    min_words: int = MIN_PASSAGE_WORDS,
    max_words: int = MAX_PASSAGE_WORDS,
) -> list[PagedText]:
    """Paragraphs grouped into chunks of about ``min_words``..``max_words``
    words, cut only between paragraphs (or sentences of an overlong one)."""
    chunks: list[list[PagedText]] = []
    current: list[PagedText] = []
    size = 0
    for piece in (p for para in paras for p in _split_long(para, max_words)):
        words = word_count(piece.text)
        if current and size + words > max_words:
            chunks.append(current)
            current, size = [], 0
        current.append(piece)
        size += words
    if current:
        chunks.append(current)
    _merge_short_tail(chunks, min_words, max_words)
    return [PagedText("\n".join(p.text for p in chunk), chunk[0].page) for chunk in chunks]


def _merge_short_tail(chunks: list[list[PagedText]], min_words: int, max_words: int) -> None:
    if len(chunks) < 2:
        return
    tail = sum(word_count(p.text) for p in chunks[-1])
    before = sum(word_count(p.text) for p in chunks[-2])
    if tail < min_words // 2 and tail + before <= max_words + min_words // 2:
        chunks[-2].extend(chunks.pop())


def make_passages(
    lines: Sequence[Line], *, label: str | None, kind: str, profile: TextProfile
) -> list[ParsedPassage]:
    """A block of lines as passages of searchable size, all with one label."""
    chunks = chunk_paragraphs(block_paragraphs(lines, profile))
    return [ParsedPassage(label, chunk.text, kind, chunk.page) for chunk in chunks]


def guess_municipality(text: str, *, min_mentions: int = 2) -> str | None:
    """The "<Name> Kommune" named most often, if named at least ``min_mentions`` times."""
    counts = Counter(
        name for name in _MUNICIPALITY.findall(text) if name not in _NOT_A_NAME
    )
    if not counts:
        return None
    name, mentions = counts.most_common(1)[0]
    return f"{name} Kommune" if mentions >= min_mentions else None
