"""Tell a command from a question in a chat message."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class CommandKind(str, enum.Enum):
    HELP = "help"
    BIND_COMMITTEE = "bind_committee"
    UNKNOWN = "unknown"
    QUESTION = "question"


@dataclass(frozen=True, slots=True)
class Command:
    kind: CommandKind
    argument: str = ""


_HELP = re.compile(r"^(?:/)?(?:hjælp|hjaelp|help|\?|hvad kan du(?: gøre)?\??)$", re.IGNORECASE)
_BIND = re.compile(r"^(?:/)?tilknyt\s+(?:til\s+)?(?:udvalg(?:et)?\s+)?(?P<name>.+)$", re.IGNORECASE)
_SLASH = re.compile(r"^/\S+")


def parse_command(text: str) -> Command:
    """The command in ``text`` (mentions already removed); anything else is a question."""
    text = " ".join(text.split()).strip(" .!")
    if not text:
        return Command(CommandKind.HELP)
    if _HELP.match(text):
        return Command(CommandKind.HELP)
    if m := _BIND.match(text):
        return Command(CommandKind.BIND_COMMITTEE, m["name"].strip(" \"'»«"))
    if _SLASH.match(text):
        return Command(CommandKind.UNKNOWN, text.split()[0])
    return Command(CommandKind.QUESTION, text)
