"""The "Bilag" lists of Hedensted-style items, turned into attachments.

A list names each attachment by its title and, further down, by its file
name ``Bilag/Punkt_20_Bilag_1_Midtvejsevaluering_….pdf``; the number after
"Punkt_" is the item the attachment belongs to. The minutes end with all
lists repeated (sometimes titles only) under the last item: every file goes
to the item its name gives, and titles already known are not added again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from minutes.model import ParsedAttachment, ParsedItem
from minutes.normalize import BULLET

_FILE = re.compile(
    r"Punkt_(?P<item>\d{1,3})_Bilag_(?P<n>\d{1,3})_(?P<stem>\S+?)"
    r"(?:\.(?:pdf|docx?|xlsx?|pptx?|txt|msg|odt|jpe?g|png))?$",
    re.IGNORECASE,
)
_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe"})
_NOT_KEY = re.compile(r"[^a-z0-9]")
_MIN_PREFIX_KEY = 12
_MAX_TITLE_LINES = 2


@dataclass(slots=True)
class BilagList:
    """The entries (one per printed line) of one "Bilag" section of ``item``."""

    item: ParsedItem
    entries: list[str]
    kept: list[str] = field(default_factory=list)  # entries that stay in this section

    @property
    def text(self) -> str:
        kept = set(self.kept)
        return "\n".join(entry for entry in self.entries if entry in kept)


def attachment_key(text: str) -> str:
    """A title or file name reduced for comparison ("Månedsopfølgning" ~ "Maanedsopfoelgning")."""
    return _NOT_KEY.sub("", text.lower().translate(_TRANSLITERATE))


def _same(first: str, second: str) -> bool:
    if not first or not second:
        return False
    if first == second:
        return True
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) >= _MIN_PREFIX_KEY and longer.startswith(shorter)


def _keys(attachment: ParsedAttachment) -> list[str]:
    keys = [attachment_key(attachment.title or "")]
    match = _FILE.search(attachment.file_name)
    keys.append(attachment_key(match["stem"] if match else attachment.file_name))
    return [key for key in keys if key]


def _title_for(stem: str, titles: list[str]) -> tuple[int, int] | None:
    """Where in ``titles`` the title of file ``stem`` is: (start, line count)."""
    key = attachment_key(stem)
    for count in range(1, _MAX_TITLE_LINES + 1):
        for start in range(len(titles) - count + 1):
            if _same(key, attachment_key(" ".join(titles[start : start + count]))):
                return start, count
    return None


def _add(item: ParsedItem, attachment: ParsedAttachment) -> bool:
    key = attachment_key(attachment.file_name)
    if any(attachment_key(a.file_name) == key for a in item.attachments):
        return False
    item.attachments.append(attachment)
    return True


def _place_files(bilag: BilagList, by_number: dict[int, ParsedItem]) -> list[str]:
    """Attach every file of ``bilag`` to its item; the titles left unmatched."""
    titles = [e for e in bilag.entries if not _FILE.search(e)]
    for entry in bilag.entries:
        match = _FILE.search(entry)
        if not match:
            continue
        found = _title_for(match["stem"], titles)
        title = None
        matched: list[str] = []
        if found is not None:
            start, stop = found[0], found[0] + found[1]
            matched = titles[start:stop]
            title = " ".join(matched)
            titles = titles[:start] + titles[stop:]
        target = by_number.get(int(match["item"]), bilag.item)
        added = _add(target, ParsedAttachment(entry, title))
        if added and target is bilag.item:
            bilag.kept.extend([*matched, entry])
    return titles


def _known(title: str, items: Sequence[ParsedItem]) -> bool:
    key = attachment_key(title)
    return any(_same(key, k) for item in items for a in item.attachments for k in _keys(a))


def resolve_attachments(lists: Sequence[BilagList], items: Sequence[ParsedItem]) -> None:
    """Fill ``items``' attachments from their Bilag lists and decide which
    entries each list keeps (repeats of other items' attachments go)."""
    by_number: dict[int, ParsedItem] = {}
    for item in items:
        by_number.setdefault(item.number, item)
    leftovers = [(bilag, _place_files(bilag, by_number)) for bilag in lists]
    for bilag, titles in leftovers:
        for title in titles:
            if title == BULLET or _known(title, items):
                continue
            _add(bilag.item, ParsedAttachment(title, title))
            bilag.kept.append(title)


def bilag_entry(text: str) -> str:
    """One printed line of a Bilag list as an entry (bullet removed)."""
    return text.removeprefix(BULLET).strip()
