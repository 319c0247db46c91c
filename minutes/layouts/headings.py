"""Section headings of a Danish agenda item, as they are printed on a line.

Besides the plain headings ("Beslutningstema", "Økonomi", "Beslutning" …)
there are three printed forms:

* "Administrationen indstiller, at …" - the recommendation; text after the
  comma belongs to it;
* "Udvalget for Læring, 3. februar 2020, pkt. 15: …" - an earlier meeting's
  decision (or, with "indstiller", its recommendation) quoted in the item;
* "Beslutning i Udvalget for Læring den 02-03-2020" - a decision naming its
  meeting; it is history when that is not this meeting.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from minutes.dates import parse_danish_date
from minutes.model import SectionKind

_K = SectionKind
EXACT_HEADINGS: dict[str, SectionKind] = {
    "beslutningstema": _K.BESLUTNINGSTEMA,
    "resumé": _K.BESLUTNINGSTEMA,
    "resume": _K.BESLUTNINGSTEMA,
    "sagsresumé": _K.BESLUTNINGSTEMA,
    "økonomi": _K.OEKONOMI,
    "økonomiske konsekvenser": _K.OEKONOMI,
    "økonomi og finansiering": _K.OEKONOMI,
    "bevillingsmæssige konsekvenser": _K.OEKONOMI,
    "historik": _K.HISTORIK,
    "tidligere beslutninger": _K.HISTORIK,
    "sagsfremstilling": _K.SAGSFREMSTILLING,
    "sagsbeskrivelse": _K.SAGSFREMSTILLING,
    "sagens indhold": _K.SAGSFREMSTILLING,
    "kommunikation": _K.KOMMUNIKATION,
    "høring": _K.KOMMUNIKATION,
    "lovgrundlag": _K.LOVGRUNDLAG,
    "retsgrundlag": _K.LOVGRUNDLAG,
    "lovgivning": _K.LOVGRUNDLAG,
    "indstilling": _K.INDSTILLING,
    "beslutning": _K.BESLUTNING,
    "bilag": _K.BILAG,
    "bilagsliste": _K.BILAG,
    "vurdering": _K.OTHER,
    "tidsplan": _K.OTHER,
    "bemærkninger": _K.OTHER,
    "personalemæssige konsekvenser": _K.OTHER,
    "miljømæssige konsekvenser": _K.OTHER,
}

_WHO = r"[A-ZÆØÅ][\w\-]*(?:\s+[\w\-]+){0,3}"
_QUOTED = re.compile(
    r"^(?P<who>[^,]{3,80}),\s*(?P<date>[^,]{5,25}?),\s*pkt\.\s*\d{1,3}\s*:\s*(?P<rest>.*)$"
)
_RECOMMENDS = re.compile(rf"^(?P<who>{_WHO})\s+indstiller\b(?P<sep>\s*[,:])?\s*(?P<rest>.*)$")
_OWNED_RECOMMENDATION = re.compile(r"^\w+s indstilling$", re.IGNORECASE)
_DECISION_OF = re.compile(
    r"^Beslutning\s+(?P<of>(?:i|fra|for|på|af|den)\s+(?=[A-ZÆØÅ0-9]))?\S.{0,90}$"
)
_MAX_HEADING_CHARS = 110


@dataclass(frozen=True, slots=True)
class Heading:
    kind: SectionKind
    printed: str  # the heading as printed, without the text after it
    rest: str = ""  # text after the heading on the same line
    date: dt.date | None = None  # the meeting the heading names, if any
    quoted: bool = False  # the "<who>, <date>, pkt. N:" form of an earlier meeting


def _quoted(text: str) -> Heading | None:
    match = _QUOTED.match(text)
    if not match:
        return None
    date = parse_danish_date(match["date"])
    if date is None:
        return None
    kind = _K.INDSTILLING if "indstiller" in match["who"] else _K.BESLUTNING
    printed = text[: match.start("rest")].strip()
    return Heading(kind, printed, match["rest"].strip(), date, quoted=True)


def _recommendation(text: str) -> Heading | None:
    match = _RECOMMENDS.match(text)
    if not match:
        return None
    rest = match["rest"].strip()
    if rest and not match["sep"] and not rest.lower().startswith("at "):
        return None
    printed = text[: match.start("rest")].strip() if rest else text
    return Heading(_K.INDSTILLING, printed, rest)


def _decision_of(text: str) -> Heading | None:
    match = _DECISION_OF.match(text)
    if not match:
        return None
    date = parse_danish_date(text)
    if date is None and (text.endswith(".") or not match["of"]):
        return None
    return Heading(_K.BESLUTNING, text, "", date)


def classify_heading(text: str) -> Heading | None:
    """The heading ``text`` (one cleaned line) is, or None for body text."""
    if not text or len(text) > _MAX_HEADING_CHARS:
        return None
    bare = text.rstrip(":").strip()
    kind = EXACT_HEADINGS.get(bare.lower())
    if kind is not None:
        return Heading(kind, bare)
    if _OWNED_RECOMMENDATION.match(bare):
        return Heading(_K.INDSTILLING, bare)
    return _quoted(text) or _recommendation(text) or _decision_of(text)
