"""Sentences of a section's text, as character spans, for quoting.

Paragraphs are lines; a line that does not end a sentence and is followed by
one starting in lower case, or that ends with a word that cannot end one ("for",
"og"), is a wrapped line and is joined. Bullets ("• ",
private-use glyphs, "- ") and numbered entries start their own sentence. A
full stop after a common abbreviation ("ca.", "jf.", "pr.", "kr.") or before a
digit or lower-case letter does not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# abbreviations a full stop does not end a sentence after, even before a capital
ABBREVIATIONS = frozenset(
    """
    ca jf pr nr stk pkt bl.a f.eks fx dvs evt inkl ekskl ift iht pga pba vedr tlf d v s
    ang vha hhv jan feb mar apr jun jul aug sep sept okt nov dec max min ex ref att afd
    ds gl nuv hr fr sag
    """.split()
)
MONTHS = frozenset(
    "januar februar marts april maj juni juli august september oktober november december".split()
)
# a line ending with one of these goes on ("en samlet plan for / Læring."), even when the
# next one starts with a capital
_OPEN_WORDS = frozenset(
    "og eller samt for i til af på med om en et den det de at som der fra ved under mellem"
    .split()
)
_BULLET = re.compile(
    r"^\s*(?:[•\u2022\u25aa\u25cf\uf000-\uf8ff◦▪■●○►▸‣⁃∙]|-\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
_END = re.compile(r"[.!?](?=[\s\"”’)]|$)|[:;](?=\s*$)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_]$")  # "a", "a.p": initials


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    bullet: bool = False  # a list entry
    para: int = 0  # the paragraph (wrapped lines joined) the sentence belongs to

    def text(self, source: str) -> str:
        return " ".join(source[self.start : self.end].split())


def _lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
    return out


def _paragraphs(text: str) -> list[tuple[int, int, bool]]:
    """Lines joined where a sentence was wrapped; (start, end, is_bullet)."""
    paras: list[tuple[int, int, bool]] = []
    for start, end in _lines(text):
        line = text[start:end]
        bullet = bool(_BULLET.match(line))
        if paras and not bullet:
            p_start, p_end, p_bullet = paras[-1]
            prev = text[p_start:p_end].rstrip()
            first = line[0]
            last = prev.rsplit(None, 1)[-1].lower()
            if not prev.endswith((".", "!", "?", ":")) and (
                    first.islower() or first.isdigit() or prev.endswith((",", "-"))
                    or last in _OPEN_WORDS):
                paras[-1] = (p_start, end, p_bullet)
                continue
            if first.islower() and last.rstrip(".") in ABBREVIATIONS:
                paras[-1] = (p_start, end, p_bullet)  # "(ca. 3.000 kr. pr." / "skole)"
                continue
        paras.append((start, end, bullet))
    return paras


def _is_sentence_end(text: str, dot: int, start: int) -> bool:
    char = text[dot]
    if char in ":;":
        return True
    rest = text[dot + 1 :].lstrip(" \"”’)")
    if not rest:
        return True
    if char != ".":
        return True
    nxt = rest[0]
    if nxt.islower() or nxt.isdigit() or nxt in ",;:" or (nxt == "-" and rest[1:2].isalpha()):
        return False  # "… i 9. -klasseprøver": a compound written apart
    m = _WORD_BEFORE.search(text[start:dot])
    if m is not None:
        word = m.group(1).lower().rstrip(".")
        if word in ABBREVIATIONS or _INITIALS.match(word):
            return False
        if word.isdigit() and len(word) <= 2:  # "1. januar", "pkt. 15. Punktet" is rarer
            following = rest.split(" ", 1)[0].lower().strip(".,")
            return following not in MONTHS
    return True


def sentence_spans(text: str, *, max_chars: int = 600) -> list[Span]:
    """The sentences of ``text`` as spans into it."""
    spans: list[Span] = []
    for para, (p_start, p_end, bullet) in enumerate(_paragraphs(text)):
        s_start = p_start
        # a list entry's own number ("1. Udarbejdelse af …") does not end a sentence
        marker = _BULLET.match(text[p_start:p_end]) if bullet else None
        for m in _END.finditer(text, p_start + (marker.end() if marker else 0), p_end):
            dot = m.start()
            if _is_sentence_end(text, dot, s_start) and dot + 1 - s_start > 1:
                spans.append(Span(s_start, dot + 1, bullet and s_start == p_start, para))
                s_start = dot + 1
                while s_start < p_end and text[s_start] in " \"”’)":
                    s_start += 1
        if p_end - s_start > 1:
            spans.append(Span(s_start, p_end, bullet and s_start == p_start, para))
    return [s for piece in spans for s in _cut(text, piece, max_chars)]


def _cut(text: str, span: Span, max_chars: int) -> list[Span]:
    """Very long "sentences" (tables, run-on lists) in pieces at commas or spaces."""
    if span.end - span.start <= max_chars:
        return [span]
    out: list[Span] = []
    start = span.start
    while span.end - start > max_chars:
        window = text[start : start + max_chars]
        cut = max(window.rfind(", "), window.rfind(" "))
        cut = cut + 1 if cut > max_chars // 3 else max_chars
        out.append(Span(start, start + cut, span.bullet and start == span.start, span.para))
        start += cut
    out.append(Span(start, span.end, False, span.para))
    return out
