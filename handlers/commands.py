"""Tell a command from a question in a chat message."""

from __future__ import annotations

import enum
import re
from functools import cache
from dataclasses import dataclass


class CommandKind(str, enum.Enum):
    HELP = "help"
    BIND_COMMITTEE = "bind_committee"
    APPROVAL_OPEN = "approval_open"  # "godkend referat 30. november 2020"
    APPROVAL_REMIND = "approval_remind"  # "påmind manglende"
    EVENT_ADD = "event_add"  # "påmind udvalget om dialogmøde … 5. marts kl. 17"
    EVENT_LIST = "event_list"  # "kommende møder"
    EVENT_NEXT = "event_next"  # "hvornår er næste dialogmøde?"
    EVENT_MOVE = "event_move"  # "flyt dialogmødet til 12. marts"
    EVENT_CANCEL = "event_cancel"  # "aflys seminaret"
    EVENT_SUGGESTIONS = "event_suggestions"  # "forslag"
    EVENT_DELIVERY = "event_delivery"  # "påmindelser personligt"
    EVENT_LEADS = "event_leads"  # "varsel 7 og 1 dage før kl. 8"
    EVENT_FEED = "event_feed"  # "kalenderlink"
    FAILED_SENDS = "failed_sends"  # "mislykkede påmindelser"
    UNKNOWN = "unknown"
    QUESTION = "question"


@dataclass(frozen=True, slots=True)
class Command:
    kind: CommandKind
    argument: str = ""


_HELP = re.compile(r"^(?:/)?(?:hjælp|hjaelp|help|\?|hvad kan du(?: gøre)?\??)$", re.IGNORECASE)
_BIND = re.compile(r"^(?:/)?tilknyt\s+(?:til\s+)?(?:udvalg(?:et)?\s+)?(?P<name>.+)$", re.IGNORECASE)
_SLASH = re.compile(r"^/\S+")
_FAILED = re.compile(r"^(?:/)?(?:vis\s+)?(?:mislykkede|fejlede)\s+(?:påmindelser|beskeder)\??$",
                     re.IGNORECASE)
_I = re.IGNORECASE
EVENT_PATTERNS: list[tuple[CommandKind, re.Pattern[str]]] = [
    (CommandKind.EVENT_ADD, re.compile(
        r"^(?:/)?(?:påmind|paamind|mind)\s+(?:udvalget|os|alle|mig)\s+om\s+(?P<arg>.+)$", _I)),
    (CommandKind.EVENT_LIST, re.compile(
        r"^(?:/)?(?:vis\s+)?(?:kommende|næste)\s+(?P<arg>møder|begivenheder|datoer|frister)\??$"
        r"|^(?:/)?(?P<cal>kalender(?:en)?)$", _I)),
    (CommandKind.EVENT_NEXT, re.compile(
        r"^(?:hvornår|hvorn[åa]r)\s+er\s+(?:det\s+)?næste\s+(?P<arg>.+?)\s*\??$", _I)),
    (CommandKind.EVENT_MOVE, re.compile(r"^(?:/)?flyt\s+(?P<arg>.+\s+til\s+.+)$", _I)),
    (CommandKind.EVENT_CANCEL, re.compile(r"^(?:/)?aflys\s+(?P<arg>.+)$", _I)),
    (CommandKind.EVENT_SUGGESTIONS, re.compile(
        r"^(?:/)?(?:vis\s+)?(?P<arg>forslag)(?:\s+til\s+påmindelser)?$", _I)),
    (CommandKind.EVENT_DELIVERY, re.compile(
        r"^(?:/)?påmindelser\s+(?:til\s+|i\s+)?(?P<arg>kanal(?:en)?|personlig(?:t)?|mig|chat"
        r"|begge(?: dele)?)$", _I)),
    (CommandKind.EVENT_LEADS, re.compile(r"^(?:/)?varsel\s+(?P<arg>\d.*)$", _I)),
    (CommandKind.EVENT_FEED, re.compile(
        r"^(?:/)?(?P<arg>kalenderlink|abonn[eé]r\s+på\s+kalender(?:en)?)$", _I)),
]
_APPROVAL_OPEN = re.compile(
    r"^(?:/)?godkend\s+referat(?:et)?(?:\s+(?:fra|for))?(?:\s+(?:mødet\s+)?(?:den\s+)?)?"
    r"(?P<date>.*)$", re.IGNORECASE)
_APPROVAL_REMIND = re.compile(r"^(?:/)?(?:påmind|paamind)\s+manglende(?:\s+(?P<date>.*))?$",
                              re.IGNORECASE)


@cache
def _english_titles() -> dict[str, str]:
    """English command titles from the app's en-us localization → the Danish commands
    (Teams sends the title of a command picked from the menu as the text)."""
    from manifest.package import command_aliases

    return {k.casefold(): v for k, v in command_aliases("en-us").items()}


def parse_command(text: str) -> Command:
    """The command in ``text`` (mentions already removed); anything else is a question."""
    text = " ".join(text.split()).strip(" .!")
    text = _english_titles().get(text.casefold(), text)
    if not text:
        return Command(CommandKind.HELP)
    if _HELP.match(text):
        return Command(CommandKind.HELP)
    if _FAILED.match(text):
        return Command(CommandKind.FAILED_SENDS)
    if m := _BIND.match(text):
        return Command(CommandKind.BIND_COMMITTEE, m["name"].strip(" \"'»«"))
    if m := _APPROVAL_OPEN.match(text):
        return Command(CommandKind.APPROVAL_OPEN, m["date"].strip())
    if m := _APPROVAL_REMIND.match(text):
        return Command(CommandKind.APPROVAL_REMIND, (m["date"] or "").strip())
    for kind, pattern in EVENT_PATTERNS:
        if m := pattern.match(text):
            return Command(kind, (m["arg"] or "").strip())
    if _SLASH.match(text):
        return Command(CommandKind.UNKNOWN, text.split()[0])
    return Command(CommandKind.QUESTION, text)
