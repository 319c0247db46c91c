"""Danish dates as the minutes print them.

Only the forms the minutes use: "2. marts 2020", "2.marts 2020", "05. marts
2020", "11.1.2021", "11/1 2021", "d. 11/1-2021" and ISO "2020-03-02".
(dateparser was measured and rejected for this: it is slow on long text and
has no notion of the precision the reminders need.)
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
               "september", "oktober", "november", "december"]

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
WRITTEN_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})\.\s*(?P<month>{_MONTH_ALT})\.?(?:\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(
    r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})(?:[./ -]\s*(?P<year>\d{4}|\d{2}))?\b"
)
ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_danish_date(text: str, *, default_year: int | None = None) -> dt.date | None:
    """The first full date in ``text``, or None. A missing year takes ``default_year``."""
    text = text.strip()
    if m := ISO_DATE.search(text):
        return _make(int(m["year"]), int(m["month"]), int(m["day"]))
    if m := WRITTEN_DATE.search(text):
        year = int(m["year"]) if m["year"] else default_year
        if year is None:
            return None
        return _make(year, MONTHS[m["month"].lower()], int(m["day"]))
    if m := NUMERIC_DATE.search(text):
        raw = m["year"]
        year = (int(raw) + (2000 if len(raw) == 2 else 0)) if raw else default_year
        if year is None:
            return None
        return _make(year, int(m["month"]), int(m["day"]))
    return None


def format_danish_date(day: dt.date) -> str:
    """``2. marts 2020``."""
    return f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"
