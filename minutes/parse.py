"""Text of a minutes document -> :class:`~minutes.model.ParsedDocument`.

:func:`detect_layout` tells the layout from the text alone and
:func:`parse_document` hands the lines to that layout's parser:

* Hedensted style: "NN.  Title" items followed by named sections;
* Aarhus style: "Punkt N: Title" / "Beslutning for Punkt N: Title";
* plain: anything else, read as passages under headings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from minutes.errors import NoTextFound
from minutes.layouts.aarhus import count_decision_headings, parse_aarhus
from minutes.layouts.common import Line, source_lines
from minutes.layouts.headings import classify_heading
from minutes.layouts.hedensted import count_item_starts, parse_hedensted
from minutes.layouts.plain import parse_plain
from minutes.model import DocumentKind, ParsedDocument, SourceText

_PARSERS: dict[DocumentKind, Callable[[Sequence[Line]], ParsedDocument]] = {
    DocumentKind.HEDENSTED: parse_hedensted,
    DocumentKind.AARHUS: parse_aarhus,
    DocumentKind.PLAIN: parse_plain,
}
_MIN_SECTION_HEADINGS = 2


def _count_section_headings(lines: Sequence[Line]) -> int:
    return sum(1 for line in lines if classify_heading(line.text) is not None)


def detect_layout(lines: Sequence[Line]) -> DocumentKind:
    """Which layout the lines are in.

    Aarhus when "Beslutning for Punkt N" lines are there and at least as many
    as Hedensted items; Hedensted when "NN.  Title" lines are each followed by
    a section heading (and headings are there at all); plain otherwise.
    """
    decisions = count_decision_headings(lines)
    items = count_item_starts(lines)
    if decisions and decisions >= items:
        return DocumentKind.AARHUS
    if items and _count_section_headings(lines) >= _MIN_SECTION_HEADINGS:
        return DocumentKind.HEDENSTED
    return DocumentKind.PLAIN


def parse_document(source: SourceText, *, file_name: str | None = None) -> ParsedDocument:
    """Parse the text of one document; ``file_name`` overrides the source's
    name in error messages. Raises :class:`NoTextFound` when there is no text."""
    lines = source_lines(source)
    if not any(line.text for line in lines):
        raise NoTextFound(file_name or source.file_name)
    return _PARSERS[detect_layout(lines)](lines)
