"""Chat text → command: Danish commands, English menu titles, and questions."""

from __future__ import annotations

import pytest

from handlers.commands import CommandKind, parse_command


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hjælp", CommandKind.HELP),
        ("Help", CommandKind.HELP),  # English Teams sends the localized menu title
        ("upcoming meetings", CommandKind.EVENT_LIST),
        ("kommende møder", CommandKind.EVENT_LIST),
        ("approve minutes", CommandKind.APPROVAL_OPEN),
        ("tilknyt udvalg Udvalget for Læring", CommandKind.BIND_COMMITTEE),
        ("/ukendt", CommandKind.UNKNOWN),
        ("Hvad besluttede udvalget om skolestrukturen?", CommandKind.QUESTION),
    ],
)
def test_command_kinds(text: str, kind: CommandKind) -> None:
    assert parse_command(text).kind is kind


def test_bind_keeps_the_committee_name() -> None:
    assert parse_command("tilknyt udvalg »Udvalget for Læring«").argument == "Udvalget for Læring"
