"""Answers as plain data: what the CLI prints and the bot renders.

:class:`Answer` holds whether the minutes answer the question, a short Danish
text, and the citations (the first is the main source). ``to_json()`` is the
contract of ``referatbot ask --json`` (DESIGN.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from minutes.dates import format_danish_date


@dataclass(frozen=True, slots=True)
class Citation:
    document: str
    municipality: str | None
    committee: str | None
    meeting_date: dt.date | None
    item_number: int | None
    item_title: str | None
    section: str | None
    quote: str

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "municipality": self.municipality,
            "committee": self.committee,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "item_number": self.item_number,
            "item_title": self.item_title,
            "section": self.section,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another item that matched, offered as "mente du …"."""

    document: str
    committee: str | None
    meeting_date: dt.date | None
    item_number: int | None
    title: str | None  # the item's title, or the passage's label
    item_id: int | None = None  # agenda_item.id, for a "show this item" button

    def describe(self) -> str:
        where = ", ".join(p for p in (
            self.committee,
            format_danish_date(self.meeting_date) if self.meeting_date else None,
        ) if p)
        what = f"punkt {self.item_number} «{self.title}»" if self.item_number is not None \
            else f"«{self.title or self.document}»"
        return f"{what} ({where})" if where else what

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "committee": self.committee,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "item_number": self.item_number,
            "title": self.title,
            "item_id": self.item_id,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    answered: bool
    text: str
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    intent: str = "general"
    item_id: int | None = None  # agenda_item.id of the main source, when it is an item

    def to_json(self) -> dict[str, Any]:
        """Exactly the ``referatbot ask --json`` contract."""
        return {
            "answered": self.answered,
            "text": self.text,
            "citations": [c.to_json() for c in self.citations],
        }


@dataclass(frozen=True, slots=True)
class Access:
    """What the asking user may see. Closed items ("lukket punkt") are shown only for
    committees in ``closed_committees``; None means all of them (the CLI's default)."""

    closed_committees: frozenset[int] | None = None

    @classmethod
    def everything(cls) -> Access:
        return cls(None)

    @classmethod
    def public(cls) -> Access:
        return cls(frozenset())

    @classmethod
    def members_of(cls, committee_ids: frozenset[int]) -> Access:
        return cls(frozenset(committee_ids))

    def may_see(self, closed: bool, committee_id: int | None) -> bool:
        if not closed or self.closed_committees is None:
            return True
        return committee_id is not None and committee_id in self.closed_committees
