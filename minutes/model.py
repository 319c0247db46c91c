"""Plain data for a document after it has been read and parsed.

Reading turns a file into :class:`SourceText` (pages of text); parsing turns
that into a :class:`ParsedDocument`: the meeting metadata it prints, its agenda
items with their sections, and free passages (attachments, stray fragments,
documents without items). Nothing here knows about the database or Teams.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class SectionKind(str, enum.Enum):
    """The sections of a Danish agenda item, as the minutes name them."""

    BESLUTNINGSTEMA = "beslutningstema"
    OEKONOMI = "økonomi"
    HISTORIK = "historik"
    SAGSFREMSTILLING = "sagsfremstilling"
    KOMMUNIKATION = "kommunikation"
    LOVGRUNDLAG = "lovgrundlag"
    INDSTILLING = "indstilling"
    BESLUTNING = "beslutning"
    BILAG = "bilag"
    OTHER = "other"


class DocumentKind(str, enum.Enum):
    """How the document is laid out; decides which parser read it."""

    HEDENSTED = "hedensted"  # "NN.  Title" items with named sections
    AARHUS = "aarhus"  # "Punkt N: Title" / "Beslutning for Punkt N"
    PLAIN = "plain"  # no numbered items: passages under headings


@dataclass(frozen=True, slots=True)
class Page:
    """One page of extracted text; ``number`` is 1-based, None when unknown."""

    number: int | None
    text: str


@dataclass(frozen=True, slots=True)
class SourceText:
    """What a reader got out of a file, before any parsing."""

    file_name: str
    pages: list[Page]
    is_pdf: bool = False

    @property
    def page_count(self) -> int | None:
        return len(self.pages) if self.is_pdf else None


@dataclass(slots=True)
class ParsedSection:
    kind: SectionKind
    text: str
    heading: str | None = None  # the heading as printed, e.g. "Forvaltningen indstiller,"
    page: int | None = None
    is_history: bool = False  # an earlier meeting's decision quoted in this item


@dataclass(slots=True)
class ParsedAttachment:
    """An attachment named by an item (``Bilag/Punkt_20_Bilag_1_….pdf``)."""

    file_name: str
    title: str | None = None


@dataclass(slots=True)
class ParsedItem:
    number: int
    title: str
    case_number: str | None = None  # journal number, e.g. 17.01.01-A00-1-23
    closed: bool = False  # "lukket punkt": not public
    page: int | None = None
    sections: list[ParsedSection] = field(default_factory=list)
    attachments: list[ParsedAttachment] = field(default_factory=list)

    def section(self, kind: SectionKind) -> ParsedSection | None:
        """The first section of this kind that is not quoted history."""
        for s in self.sections:
            if s.kind is kind and not s.is_history:
                return s
        return None

    @property
    def decision(self) -> str | None:
        s = self.section(SectionKind.BESLUTNING)
        return s.text if s else None


@dataclass(slots=True)
class ParsedPassage:
    """Text outside numbered items: an attachment, a stray agenda fragment,
    or a part of a document without items. ``label`` is what a citation shows
    ("Punkt 2, Bilag 2: …", or the heading of an action plan's part)."""

    label: str | None
    text: str
    kind: str = "text"  # "attachment" | "fragment" | "text" | "attendance"
    page: int | None = None


@dataclass(slots=True)
class ParsedDocument:
    kind: DocumentKind
    municipality: str | None = None
    committee: str | None = None
    meeting_date: dt.date | None = None
    chair: str | None = None
    place: str | None = None
    title: str | None = None
    items: list[ParsedItem] = field(default_factory=list)
    passages: list[ParsedPassage] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)

    def item(self, number: int) -> ParsedItem | None:
        for it in self.items:
            if it.number == number:
                return it
        return None
