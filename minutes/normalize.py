"""Text clean-up for extracted minutes: lines, bullets, broken words, paragraphs.

Text taken out of a PDF keeps the PDF's line breaks, hyphenates words at line
ends ("udvik-" / "ling"), turns bullets into private-use glyphs and sprinkles
blank lines between every printed line. These pure functions undo that:

* :func:`clean_line` normalises one line: odd spaces, bullet glyphs -> "• ",
  invisible characters, runs of whitespace.
* :func:`join_wrapped` joins two lines that one printed line was broken into,
  deciding what happens to a hyphen at the end of the first.
* :func:`paragraphs` / :func:`unwrap` turn a block of printed lines into
  paragraphs, guessing where a paragraph ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

BULLET = "•"

_PRIVATE_USE = "\uf000-\uf8ff"
_BULLET_GLYPHS = "•◦▪■●○▫►▸‣⁃∙"
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_BULLET_START = re.compile(
    rf"^[\s\ufffd]*[{_PRIVATE_USE}{_BULLET_GLYPHS}][\s\ufffd{_PRIVATE_USE}{_BULLET_GLYPHS}]*"
)
# A dash opens a bullet only when a capital, digit or quote follows; otherwise
# it is a dash that a wrapped sentence happened to start with.
_DASH_BULLET = re.compile(r"^\s*[-–—]\s+(?=[A-ZÆØÅ0-9\"“”„'])")
_LONE_DASH = re.compile(r"^\s*[–—]\s*$")
_STRAY_GLYPHS = re.compile(rf"[{_PRIVATE_USE}\ufffd\u200b-\u200d\u2060\ufeff]")
_SPACE_RUN = re.compile(r" {2,}")
_HYPHENS = ("-", "\u2010")
_SOFT_HYPHEN = "\u00ad"
# Words after which a line-end hyphen is a suspended compound ("dagtilbuds- og
# skoleområdet"), so the hyphen stays and a space follows.
_SUSPENDED_FOLLOWERS = frozenset({"og", "eller", "samt", "til", "&", "hhv.", "m.fl."})
_MONTH = r"(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zæøå]*\.?(?:\s|$)"
# "1. ", "2) ", "a. Tekst", "b) ", "(ii) " - but not a wrapped date ("3. marts")
# or an abbreviation ("v. Hansen", "d. 5. maj").
_LIST_START = re.compile(
    rf"^(?:{BULLET}|\d{{1,2}}\.\s(?!{_MONTH})|\d{{1,2}}\)\s"
    r"|[a-hA-H]\.\s+(?=[A-ZÆØÅ])|[a-zA-Z]\)\s|\(\w{1,3}\)\s)"
)
_SENTENCE_END = re.compile(r"[.!?:;][)\]”\"’']*$")
_WORD = re.compile(r"\S+")

DEFAULT_WIDTH = 80
# Fractions of the wrap width. A line ending a sentence and shorter than
# SENTENCE_END_SHORT of the width ends its paragraph; a line shorter than
# SHORT_LINE ends it even without punctuation when a capital follows. Within
# a paragraph the width is that of its last few lines (pages mix columns).
SENTENCE_END_SHORT = 0.8
SHORT_LINE = 0.6
_LOCAL_LINES = 3


class Paragraph(NamedTuple):
    """A paragraph and the index (in the input) of the line it starts on."""

    text: str
    first_line: int


def collapse_whitespace(text: str) -> str:
    """Every run of whitespace as one space, trimmed."""
    return " ".join(text.split())


def is_blank(line: str) -> bool:
    return not clean_line(line)


def clean_line(line: str) -> str:
    """One printed line, cleaned: bullets as "• ", spaces collapsed, trimmed.

    A line holding only a bullet glyph becomes "•" so that the text on the
    next line can join it.
    """
    text = _ODD_SPACES.sub(" ", line)
    bullet = _BULLET_START.match(text) or _DASH_BULLET.match(text) or _LONE_DASH.match(text)
    if bullet:
        text = f"{BULLET} {text[bullet.end():]}"
    text = _STRAY_GLYPHS.sub("", text)
    ends_soft = text.rstrip().endswith(_SOFT_HYPHEN)
    text = text.replace(_SOFT_HYPHEN, "")
    text = _SPACE_RUN.sub(" ", text).strip()
    if ends_soft and text:
        text += _SOFT_HYPHEN
    return text


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def join_wrapped(first: str, second: str) -> str:
    """Join two cleaned lines that one printed line was wrapped into.

    A hyphen at the end of ``first`` is dropped when a lower-case word was
    broken in two ("udvik-" + "ling"); it stays, with no space, after a
    capital, digit or slash ("IBCLC-certificerede", "2021-2024", "/-vejledere")
    or before a slash ("institutions-/skole…"); it stays with a space before
    "og"/"eller" ("Børne- og Ungepolitik") and when it is a dash (" -").
    """
    if not first:
        return second
    if not second:
        return first
    if first.endswith(_SOFT_HYPHEN):
        return first[:-1] + second
    if first == BULLET:
        return f"{BULLET} {second}"
    if not first.endswith(_HYPHENS) or len(first) < 2:
        return f"{first} {second}"
    before = first[-2]
    follower = second.split(" ", 1)[0].lower()
    if before.isspace() or follower in _SUSPENDED_FOLLOWERS:
        return f"{first} {second}"
    if before.islower() and second[0].islower():
        return first[:-1] + second
    return first + second


def starts_list_entry(line: str) -> bool:
    """True for a bullet or a numbered/lettered list entry ("1. ", "a) ")."""
    return bool(_LIST_START.match(line))


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def typical_width(lines: Sequence[str], *, fallback: int = DEFAULT_WIDTH) -> int:
    """The width a block's text was wrapped at: its 90th-percentile line length."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 5:
        return max([fallback, *lengths])
    return max(lengths[int(len(lengths) * 0.9) - 1], 20)


def blank_lines_interleaved(lines: Sequence[str]) -> bool:
    """True when every printed line is followed by a blank one.

    Then a single blank line says nothing and only a run of blank lines can
    end a paragraph.
    """
    adjacent = separated = blank_run = 0
    seen_text = False
    for line in lines:
        if not line.strip():
            blank_run += 1
            continue
        if seen_text and blank_run == 0:
            adjacent += 1
        elif seen_text and blank_run == 1:
            separated += 1
        seen_text, blank_run = True, 0
    if adjacent + separated < 4:
        return False
    return separated >= 4 * adjacent


def _broken_word(previous: str, following: str) -> bool:
    """A word hyphenated across the line end ("udvik-" / "ling")."""
    return (
        len(previous) >= 2
        and previous.endswith((*_HYPHENS, _SOFT_HYPHEN))
        and previous[-2].isalpha()
        and following[0].islower()
    )


def _opens_sentence(line: str) -> bool:
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"“„'"


def _ends_paragraph(
    previous: str, following: str, blank_run: int, interleaved: bool, width: int
) -> bool:
    """Whether a paragraph ends between two text lines with ``blank_run``
    blank lines between them."""
    if starts_list_entry(following):
        return True
    if _broken_word(previous, following):
        return False
    if blank_run >= 2:
        return True
    if previous.endswith((*_HYPHENS, ",", _SOFT_HYPHEN)) or previous == BULLET:
        return False
    if blank_run == 1 and not interleaved:
        # One blank line in text that has none between its lines.
        return ends_sentence(previous) or (
            following[0].isupper() and len(previous) < SENTENCE_END_SHORT * width
        )
    if ends_sentence(previous) and len(previous) < SENTENCE_END_SHORT * width:
        return _opens_sentence(following)
    return following[0].isupper() and len(previous) < SHORT_LINE * width


def paragraphs(
    lines: Sequence[str], *, width: int | None = None, interleaved: bool | None = None
) -> list[Paragraph]:
    """Printed lines (blank ones included) as paragraphs with their first line.

    ``width`` is the wrap width (guessed from the block when None);
    ``interleaved`` whether blank lines alternate with text lines (guessed
    when None).
    """
    cleaned = [clean_line(line) for line in lines]
    if width is None:
        width = typical_width(cleaned)
    if interleaved is None:
        interleaved = blank_lines_interleaved(cleaned)
    result: list[Paragraph] = []
    current = previous = ""
    start = blank_run = 0
    lengths: list[int] = []  # of the current paragraph's lines
    for index, line in enumerate(cleaned):
        if not line:
            blank_run += 1
            continue
        local = max(lengths[-_LOCAL_LINES:]) if len(lengths) >= 2 else width
        if current and _ends_paragraph(previous, line, blank_run, interleaved, local):
            result.append(Paragraph(_finish(current), start))
            current, lengths = "", []
        if not current:
            current, start = line, index
        else:
            current = join_wrapped(current, line)
        lengths.append(len(line))
        previous, blank_run = line, 0
    if current:
        result.append(Paragraph(_finish(current), start))
    return [p for p in result if p.text]


def _finish(paragraph: str) -> str:
    text = paragraph.replace(_SOFT_HYPHEN, "")
    return "" if text == BULLET else text


def unwrap(
    lines: Sequence[str], *, width: int | None = None, interleaved: bool | None = None
) -> list[str]:
    """Printed lines as paragraph texts."""
    return [p.text for p in paragraphs(lines, width=width, interleaved=interleaved)]


def clean_text(text: str) -> str:
    """A whole extracted text as paragraphs, one per line."""
    return "\n".join(unwrap(text.splitlines()))


def join_title(lines: Sequence[str]) -> str:
    """Lines of a wrapped title as one line."""
    title = ""
    for line in lines:
        title = join_wrapped(title, clean_line(line))
    return collapse_whitespace(title.replace(_SOFT_HYPHEN, ""))
