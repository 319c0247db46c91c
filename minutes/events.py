"""Events in Danish text: dates in the forms the minutes (and people in chat) use, with their
precision, and the sentences around them that make them a meeting, a seminar or a deadline.

Date forms: "05. marts 2020", "1.januar 2024", "25.-26. marts 2021", "d. 11/1 2021",
"11.1.2021", "2021-01-11", "primo/medio/ultimo maj", "i efteråret 2021", "på møde i juni
2023", "oktober 2023", "i juni", "maj mødet", "uge 12", with "kl. 17.00" attached. A missing
year is inferred from a reference date (the meeting's date): the nearest such date, or for
requests in chat the next one from today.

Nothing here knows about the database or Teams.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field, replace

from minutes.dates import MONTH_NAMES, MONTHS
from minutes.event_titles import kind_of, make_title, nearest_trigger, triggers_in
from minutes.model import ParsedDocument


class Precision(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    SEASON = "season"


SEASONS: dict[str, int] = {"foråret": 3, "sommeren": 6, "efteråret": 9, "vinteren": 12}
SEASON_NAMES: dict[int, str] = {v: k for k, v in SEASONS.items()}
PERIOD_DAY: dict[str, int] = {"primo": 1, "medio": 15, "ultimo": 25}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_MONTH = "|".join(MONTH_NAMES)
_YEAR = r"(?:19|20)\d{2}"
_F = re.IGNORECASE

_DAY_RANGE = re.compile(
    rf"\b(?P<day>\d{{1,2}})\.?\s*[-–]\s*(?P<day2>\d{{1,2}})\.\s*(?P<month>{_MONTH})\b\.?"
    rf"(?:\s+(?P<year>{_YEAR}))?", _F)
_WRITTEN = re.compile(
    rf"\b(?P<day>\d{{1,2}})\.\s*(?P<month>{_MONTH})\b\.?(?:\s+(?P<year>{_YEAR}))?", _F)
_NUMERIC = re.compile(
    rf"(?<![\d.,/])(?P<day>\d{{1,2}})(?P<sep>[./])(?P<month>\d{{1,2}})(?:(?P=sep)|\s+|-)"
    rf"(?P<year>{_YEAR})(?![\d.]\d)")
_NUMERIC_NO_YEAR = re.compile(r"\b(?:d\.|den)\s+(?P<day>\d{1,2})/(?P<month>\d{1,2})(?![\d/])", _F)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_PERIOD = re.compile(
    rf"\b(?P<period>primo|medio|ultimo)\s+(?P<month>{_FULL_MONTH})\b(?:\s+(?P<year>{_YEAR}))?",
    _F)
_MEETING_MONTH = re.compile(
    rf"\bpå\s+(?:det\s+)?(?:udvalgs)?møde(?:t|rne)?\s+i\s+(?P<month>{_FULL_MONTH})\b"
    rf"(?:\s+(?P<year>{_YEAR}))?", _F)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_FULL_MONTH})\s+(?P<year>{_YEAR})\b", _F)
_IN_MONTH = re.compile(rf"\bi\s+(?P<month>{_FULL_MONTH})\b(?!\s+\d)", _F)
_MONTH_MEETING = re.compile(rf"\b(?P<month>{_FULL_MONTH})[\s-]?mødet\b", _F)
_SEASON = re.compile(
    rf"\b(?:i\s+)?(?P<season>foråret|sommeren|efteråret|vinteren)\b(?:\s+(?P<year>{_YEAR}))?",
    _F)
_WEEK = re.compile(rf"\buge\s+(?P<week>\d{{1,2}})\b(?:\s*(?:,|i)?\s*(?P<year>{_YEAR}))?", _F)
_TIME = re.compile(r"\bkl\.?\s*(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\b", _F)

_TRAILING = re.compile(
    r"(?:\s+(?:fra|den|d\.|pr\.|i|på|til|senest|om|med|kl\.?|og|–|-|,))+\s*$", _F)
_LEADING = re.compile(r"^(?:\s*(?:den|d\.|fra|pr\.|i|–|-|,|:))+\s+", _F)
# Past tense that narrates history, for documents without a meeting date.
_PAST = re.compile(r"\b(?:blev|var|havde|har\s+været|er\s+blevet|er\s+behandlet|afholdtes"
                   r"|vedtog|modtog|fik|godkendte|\w{3,}ede)\b", _F)
QUOTE_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date found in text: where, what, and how precise."""

    start: int
    end: int
    date: dt.date
    precision: Precision
    end_date: dt.date | None = None
    time: dt.time | None = None
    explicit_year: bool = True


@dataclass(frozen=True, slots=True)
class FoundEvent:
    title: str
    kind: str
    date: dt.date
    precision: Precision
    end_date: dt.date | None = None
    time: dt.time | None = None
    item_number: int | None = None
    quote: str = ""  # the whole sentence: the event's description
    has_place: bool = False
    history: bool = False  # told as history (see :func:`is_history`): never suggested


@dataclass(frozen=True, slots=True)
class FoundRule:
    """A yearly recurring event. Each part is a span of months, first and last: "oktober/
    november" is one part (10, 11), a time to hold something; "på møderne i juni og
    januar" is two parts (6, 6) and (1, 1), two meetings."""

    title: str
    kind: str
    parts: tuple[tuple[int, int], ...]
    item_number: int | None = None
    quote: str = ""


def months_text(parts: tuple[tuple[int, int], ...]) -> str:
    """Parts as stored: "10-11" (a span), "6,1" (two parts), "9"."""
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in parts)


def parse_months(text: str) -> tuple[tuple[int, int], ...]:
    """The inverse of :func:`months_text`."""
    parts = []
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        parts.append((int(first), int(last or first)))
    return tuple(parts)


def is_history(date: dt.date, *, reference: dt.date | None, sentence: str) -> bool:
    """Whether an event found in minutes is history rather than something to come: it
    begins on or before the meeting's own date (the minutes tell what already happened, or
    the meeting itself); without a meeting date, its sentence is told in the past tense."""
    if reference is not None:
        return date <= reference
    return _PAST.search(sentence) is not None


@dataclass(slots=True)
class EventRequest:
    """What a person asked to be reminded of, in chat."""

    title: str
    kind: str
    date: dt.date
    precision: Precision
    time: dt.time | None = None
    end_date: dt.date | None = None
    leftovers: list[str] = field(default_factory=list)


# -- dates ---------------------------------------------------------------------------


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, reference: dt.date, *, future: bool = False) -> int:
    """The year for a day and month given without one: the nearest to ``reference``, or with
    ``future`` the first on or after it."""
    if future:
        for year in (reference.year, reference.year + 1):
            if (d := _valid(year, month, min(day, 28 if month == 2 else day))) and d >= reference:
                return year
        return reference.year + 1
    best = reference.year
    best_gap: int | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        d = _valid(year, month, min(day, 28) if month == 2 else day)
        if d is None:
            continue
        gap = abs((d - reference).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _month_end(day: dt.date) -> dt.date:
    nxt = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _year(raw: str | None, month: int, day: int, reference: dt.date | None,
          future: bool) -> tuple[int | None, bool]:
    if raw:
        return int(raw), True
    if reference is None:
        return None, False
    return infer_year(month, day, reference, future=future), False


def find_dates(text: str, *, reference: dt.date | None = None,
               future: bool = False) -> list[DateHit]:
    """Every date in ``text``, in order, without overlaps. Dates without a year need
    ``reference`` (else they are left out)."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(m: re.Match[str], date: dt.date | None, precision: Precision,
            end_date: dt.date | None = None, explicit: bool = True) -> None:
        if date is None or not free(m.start(), m.end()):
            return
        taken.append((m.start(), m.end()))
        hits.append(DateHit(m.start(), m.end(), date, precision, end_date, None, explicit))

    for m in _ISO.finditer(text):
        add(m, _valid(int(m["year"]), int(m["month"]), int(m["day"])), Precision.DAY)
    for m in _DAY_RANGE.finditer(text):
        month = MONTHS[m["month"].lower()]
        year, explicit = _year(m["year"], month, int(m["day"]), reference, future)
        if year is not None:
            first, last = _valid(year, month, int(m["day"])), _valid(year, month, int(m["day2"]))
            if first and last and last > first:
                add(m, first, Precision.DAY, last, explicit)
    for m in _WRITTEN.finditer(text):
        month = MONTHS[m["month"].lower()]
        year, explicit = _year(m["year"], month, int(m["day"]), reference, future)
        if year is not None:
            add(m, _valid(year, month, int(m["day"])), Precision.DAY, explicit=explicit)
    for m in _NUMERIC.finditer(text):
        add(m, _valid(int(m["year"]), int(m["month"]), int(m["day"])), Precision.DAY)
    for m in _NUMERIC_NO_YEAR.finditer(text):
        month, day = int(m["month"]), int(m["day"])
        if 1 <= month <= 12:
            year, explicit = _year(None, month, day, reference, future)
            if year is not None:
                add(m, _valid(year, month, day), Precision.DAY, explicit=explicit)
    for m in _WEEK.finditer(text):
        week = int(m["week"])
        if not 1 <= week <= 53:
            continue
        week_year: int | None = None
        if m["year"]:
            week_year = int(m["year"])
        elif reference is not None:
            week_year = reference.year
            monday = dt.date.fromisocalendar(week_year, min(week, 52), 1)
            if future and monday < reference:
                week_year += 1
            elif not future and abs((monday - reference).days) > 182:
                week_year += 1 if monday < reference else -1
        if week_year is not None:
            try:
                monday = dt.date.fromisocalendar(week_year, week, 1)
            except ValueError:
                continue
            add(m, monday, Precision.DAY, monday + dt.timedelta(days=6), bool(m["year"]))
    for pattern in (_PERIOD, _MEETING_MONTH, _MONTH_YEAR, _MONTH_MEETING, _IN_MONTH):
        for m in pattern.finditer(text):
            month = MONTHS[m["month"].lower()]
            day = PERIOD_DAY.get((m.groupdict().get("period") or "").lower(), 1)
            year, explicit = _year(m.groupdict().get("year"), month, day, reference, future)
            if year is not None:
                start = dt.date(year, month, day)
                add(m, start, Precision.MONTH, _month_end(start) if day == 1 else None, explicit)
    for m in _SEASON.finditer(text):
        month = SEASONS[m["season"].lower()]
        year, explicit = _year(m["year"], month, 1, reference, future)
        if year is not None:
            start = dt.date(year, month, 1)
            end = _month_end(dt.date(year + (month + 2) // 13, (month + 1) % 12 + 1, 1))
            add(m, start, Precision.SEASON, end, explicit)
    hits.sort(key=lambda h: h.start)
    return _attach_times(text, hits)


def _attach_times(text: str, hits: list[DateHit]) -> list[DateHit]:
    """Give each day-precise date the "kl. HH.MM" that follows it (or precedes it closely)."""
    out: list[DateHit] = []
    for i, hit in enumerate(hits):
        if hit.precision is not Precision.DAY:
            out.append(hit)
            continue
        limit = hits[i + 1].start if i + 1 < len(hits) else len(text)
        after = _TIME.search(text, hit.end, min(limit, hit.end + 40))
        before = None
        if after is None:
            lo = max(hits[i - 1].end if i else 0, hit.start - 25)
            before = next(iter(reversed(list(_TIME.finditer(text, lo, hit.start)))), None)
        found = after or before
        time = _time_of(found) if found else None
        out.append(replace(hit, time=time) if time else hit)
    return out


def _time_of(m: re.Match[str]) -> dt.time | None:
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def find_times(text: str) -> list[tuple[int, int, dt.time]]:
    return [(m.start(), m.end(), t) for m in _TIME.finditer(text) if (t := _time_of(m))]


# -- sentences --------------------------------------------------------------------------


_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”»]))\s+(?=[A-ZÆØÅ•])")


def sentences(text: str) -> list[str]:
    """Sentences of a section: wrapped lines joined, bullets and full stops split."""
    text = re.sub(r"\n(?=\s*[•\-–*]\s)", "\n\n", text)
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=[•])", text):
        block = " ".join(block.split())
        for sentence in _SENTENCE_END.split(block):
            sentence = sentence.strip(" •")
            if sentence:
                out.append(sentence)
    return out


_BEFORE_DATE = re.compile(r"(?:\b(?:den|d\.|pr\.|fra|senest|i)\s*)+$", _F)


def _strip_dates(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        if m := _BEFORE_DATE.search(text, 0, start):
            start = m.start()
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


def _tidy_title(text: str, *, limit: int = 90) -> str:
    text = _LEADING.sub("", text.strip(" .,:;–-"))
    for _ in range(3):
        text = _TRAILING.sub("", text).strip(" .,:;–-")
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:–-") + " …"
    return text[:1].upper() + text[1:]


# -- events in minutes -----------------------------------------------------------------


def events_in_text(text: str, *, reference: dt.date | None, item_number: int | None = None,
                   item_title: str | None = None) -> list[FoundEvent]:
    """Events in ``text``: each date in a sentence that names an event takes the kind and
    title of the nearest trigger word (:mod:`minutes.event_titles`)."""
    found: list[FoundEvent] = []
    for sentence in sentences(text):
        if _RULE_LINE.match(sentence) or _RULE_MEETINGS.search(sentence):
            continue  # a yearly cycle: a rule, not one date (rules_in_document)
        hits = find_dates(sentence, reference=reference)
        triggers = triggers_in(sentence) if hits else []
        if not triggers:
            continue
        blocked = [(h.start, h.end) for h in hits] + [(s, e) for s, e, _ in find_times(sentence)]
        for hit in hits:
            trigger = nearest_trigger(sentence, triggers, hit.start, hit.end)
            if trigger is None:
                continue
            title = make_title(sentence, trigger, blocked=blocked, item_title=item_title)
            found.append(FoundEvent(
                title=title.text, kind=trigger.kind, date=hit.date, precision=hit.precision,
                end_date=hit.end_date, time=hit.time, item_number=item_number,
                quote=sentence[:QUOTE_LIMIT], has_place=title.has_place,
                history=is_history(hit.date, reference=reference, sentence=sentence)))
    return found


def _merge(events: list[FoundEvent]) -> list[FoundEvent]:
    """One event per item, date and kind: the one whose title names a place, else the first."""
    best: dict[tuple[int | None, dt.date, str], FoundEvent] = {}
    for ev in events:
        key = (ev.item_number, ev.date, ev.kind)
        current = best.get(key)
        if current is None or (ev.has_place and not current.has_place) or (
                ev.precision is Precision.DAY and current.precision is not Precision.DAY):
            best[key] = ev if current is None or not current.time or ev.time else replace(
                ev, time=current.time)
    return list(best.values())


def events_in_document(parsed: ParsedDocument) -> list[FoundEvent]:
    """Events found in a parsed document's items (titles and sections, not quoted history)
    and free passages. Years left out are taken from the meeting's date."""
    reference = parsed.meeting_date
    found: list[FoundEvent] = []
    for item in parsed.items:
        if item.closed:
            continue
        found += events_in_text(item.title, reference=reference, item_number=item.number)
        for section in item.sections:
            if section.is_history or section.kind.value == "bilag":
                continue
            found += events_in_text(section.text, reference=reference, item_number=item.number,
                                    item_title=item.title)
    for passage in parsed.passages:
        if passage.kind in ("attendance", "fragment"):
            continue
        found += events_in_text(passage.text, reference=reference, item_number=None)
    return _merge(found)


_RULE_LINE = re.compile(
    rf"^(?P<m1>{_FULL_MONTH})(?:\s*[/-]\s*(?P<m2>{_FULL_MONTH}))?\s*:\s*(?P<what>.+)$", _F)
_RULE_MEETINGS = re.compile(
    rf"\bpå\s+møderne\s+i\s+(?P<m1>{_FULL_MONTH})\s+og\s+(?P<m2>{_FULL_MONTH})\b", _F)


def _rule(sentence: str, start: int, end: int, parts: tuple[tuple[int, int], ...],
          item_number: int) -> FoundRule:
    triggers = triggers_in(sentence)
    trigger = nearest_trigger(sentence, triggers, start, end)
    if trigger is None:
        return FoundRule(_tidy_title(sentence[end:]), "møde", parts, item_number,
                         sentence[:QUOTE_LIMIT])
    title = make_title(sentence, trigger, blocked=[(start, end)], plural=parts[0][0] != parts[0][1])
    return FoundRule(title.text, trigger.kind, parts, item_number, sentence[:QUOTE_LIMIT])


def rules_in_document(parsed: ParsedDocument) -> list[FoundRule]:
    """Yearly cycles: bullet lines such as "Oktober/november: To dialogmøder …" (a span of
    months) in an item about events, and "senest på møderne i juni og januar" (two
    meetings)."""
    rules: list[FoundRule] = []
    for item in parsed.items:
        text = "\n".join(s.text for s in item.sections if not s.is_history)
        if kind_of(item.title + " " + text) is None:
            continue
        for sentence in sentences(text):
            if m := _RULE_LINE.match(sentence):
                first, last = (MONTHS[x.lower()] for x in (m["m1"], m["m2"] or m["m1"]))
                what = sentence[: m.start("what") + len(m["what"].split(" – ")[0])]
                rules.append(_rule(what, 0, m.start("what"), ((first, last),), item.number))
            elif m := _RULE_MEETINGS.search(sentence):
                parts = tuple((MONTHS[m[g].lower()],) * 2 for g in ("m1", "m2"))
                rules.append(_rule(sentence, m.start(), m.end(), parts, item.number))
    return rules


# -- requests in chat ----------------------------------------------------------------------


def parse_event_request(text: str, *, today: dt.date) -> EventRequest | None:
    """"dialogmøde på Stouby Skole 5. marts kl. 17" → title, date (the next one), time."""
    hits = find_dates(text, reference=today, future=True)
    if not hits:
        return None
    hit = hits[0]
    time_spans = [(s, e) for s, e, _ in find_times(text)]
    time = hit.time or next((t for _, _, t in find_times(text)), None)
    spans = [(h.start, h.end) for h in hits] + time_spans
    title = _tidy_title(_strip_dates(text, spans))
    kind = kind_of(text)
    return EventRequest(title=title or "Møde", kind=kind[0] if kind else "møde", date=hit.date,
                        precision=hit.precision, time=time, end_date=hit.end_date)


# -- Danish display ------------------------------------------------------------------------

WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]


def describe_when(date: dt.date, precision: Precision | str, time: dt.time | None = None,
                  end_date: dt.date | None = None) -> str:
    """"torsdag den 5. marts 2020 kl. 17.00", "maj 2021", "oktober–november 2026",
    "efteråret 2021"."""
    precision = Precision(precision)
    if precision is Precision.SEASON:
        return f"{SEASON_NAMES.get(date.month, 'foråret')} {date.year}"
    if precision is Precision.MONTH:
        prefix = {15: "medio ", 25: "ultimo "}.get(date.day, "")
        text = f"{prefix}{MONTH_NAMES[date.month - 1]}"
        if end_date is None or (end_date.year, end_date.month) == (date.year, date.month):
            return f"{text} {date.year}"
        last = MONTH_NAMES[end_date.month - 1]
        return (f"{text}–{last} {date.year}" if end_date.year == date.year
                else f"{text} {date.year}–{last} {end_date.year}")
    text = f"{WEEKDAYS[date.weekday()]} den {date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"
    if end_date and end_date != date:
        text = (f"{date.day}.–{end_date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"
                if end_date.month == date.month and end_date.year == date.year
                else f"{text} – {end_date.day}. {MONTH_NAMES[end_date.month - 1]} {end_date.year}")
    if time is not None:
        text += f" kl. {time.hour:02d}.{time.minute:02d}"
    return text
