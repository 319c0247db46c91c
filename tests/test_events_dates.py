"""Danish date forms for events: each with its precision, a year inferred when left out."""

from __future__ import annotations

import datetime as dt

import pytest

from handlers.commands import CommandKind, parse_command
from minutes.events import (
    Precision,
    describe_when,
    events_in_text,
    find_dates,
    infer_year,
    parse_event_request,
)

D = dt.date
MEETING = D(2020, 11, 30)


@pytest.mark.parametrize(
    ("text", "date", "end", "precision", "time"),
    [
        ("Dialogmøde på skolen 05. marts 2020.", D(2020, 3, 5), None, "day", None),
        ("gældende fra 1.januar 2024", D(2024, 1, 1), None, "day", None),
        ("seminar den 25.-26. marts 2021", D(2021, 3, 25), D(2021, 3, 26), "day", None),
        ("seminar den 25. - 26. marts 2021", D(2021, 3, 25), D(2021, 3, 26), "day", None),
        ("frist d. 11/1 2021", D(2021, 1, 11), None, "day", None),
        ("frist d. 11/1-2021", D(2021, 1, 11), None, "day", None),
        ("møde 11.1.2021", D(2021, 1, 11), None, "day", None),
        ("møde 2021-01-11", D(2021, 1, 11), None, "day", None),
        ("primo maj", D(2021, 5, 1), D(2021, 5, 31), "month", None),
        ("medio maj", D(2021, 5, 15), None, "month", None),
        ("ultimo maj 2022", D(2022, 5, 25), None, "month", None),
        ("i efteråret 2021", D(2021, 9, 1), D(2021, 11, 30), "season", None),
        ("i foråret", D(2021, 3, 1), D(2021, 5, 31), "season", None),
        ("på møde i juni 2023", D(2023, 6, 1), D(2023, 6, 30), "month", None),
        ("oktober 2023", D(2023, 10, 1), D(2023, 10, 31), "month", None),
        ("på maj mødet", D(2021, 5, 1), D(2021, 5, 31), "month", None),
        ("temadag i uge 12", D(2021, 3, 22), D(2021, 3, 28), "day", None),
        ("uge 12 2024", D(2024, 3, 18), D(2024, 3, 24), "day", None),
        ("dialogmøde 5. marts kl. 17.00", D(2021, 3, 5), None, "day", dt.time(17, 0)),
        ("kl. 9:30 den 3/12", D(2020, 12, 3), None, "day", dt.time(9, 30)),
    ],
)
def test_date_forms(text: str, date: dt.date, end: dt.date | None, precision: str,
                    time: dt.time | None) -> None:
    hits = find_dates(text, reference=MEETING)
    assert len(hits) == 1, hits
    hit = hits[0]
    assert (hit.date, hit.end_date, hit.precision.value, hit.time) == (date, end, precision, time)


@pytest.mark.parametrize("text", ["17.01.01-A00-1-23", "80.000 kr.", "kl. 17.00", "1.5 mio.",
                                  "pkt. 15", "3.600 kr. årligt"])
def test_things_that_are_not_dates(text: str) -> None:
    assert find_dates(text, reference=MEETING) == []


def test_year_is_the_nearest_to_the_meeting_or_the_next_in_chat() -> None:
    assert infer_year(3, 6, D(2023, 4, 12)) == 2023  # a dialogmøde last month
    assert infer_year(3, 5, D(2020, 11, 30)) == 2021  # next spring
    assert infer_year(3, 5, D(2026, 3, 6), future=True) == 2027
    assert find_dates("5. marts") == []  # no year and nothing to infer it from


def test_event_sentence_gets_kind_and_title_with_place() -> None:
    found = events_in_text("Prioriteringer fra dialogmødet på Fjordby Skole 6. marts er "
                           "vedhæftet.", reference=D(2023, 4, 12), item_number=4)
    assert [(e.kind, e.title, e.date, e.item_number) for e in found] == [
        ("dialogmøde", "Dialogmøde på Fjordby Skole", D(2023, 3, 6), 4)]
    assert events_in_text("Budgettet for 2. marts 2020 er uændret.", reference=None) == []
    deadline = events_in_text("Ansøgninger skal være modtaget senest 1. april 2026.",
                              reference=None)
    assert deadline[0].kind == "frist"


def test_chat_request_and_display() -> None:
    req = parse_event_request("dialogmøde på Fjordby Skole 5. marts kl. 17", today=D(2026, 1, 10))
    assert req is not None
    assert (req.title, req.kind, req.date, req.time) == (
        "Dialogmøde på Fjordby Skole", "dialogmøde", D(2026, 3, 5), dt.time(17, 0))
    assert describe_when(D(2026, 3, 5), Precision.DAY, dt.time(17, 0)) == \
        "torsdag den 5. marts 2026 kl. 17.00"
    assert describe_when(D(2021, 9, 1), "season") == "efteråret 2021"
    assert describe_when(D(2021, 5, 15), "month") == "medio maj 2021"


@pytest.mark.parametrize(
    ("text", "kind", "argument"),
    [
        ("påmind udvalget om dialogmøde på Fjordby Skole 5. marts kl. 17", CommandKind.EVENT_ADD,
         "dialogmøde på Fjordby Skole 5. marts kl. 17"),
        ("kommende møder", CommandKind.EVENT_LIST, "møder"),
        ("Hvornår er næste dialogmøde?", CommandKind.EVENT_NEXT, "dialogmøde"),
        ("flyt dialogmødet til 12. marts kl. 18", CommandKind.EVENT_MOVE,
         "dialogmødet til 12. marts kl. 18"),
        ("aflys seminaret", CommandKind.EVENT_CANCEL, "seminaret"),
        ("forslag", CommandKind.EVENT_SUGGESTIONS, "forslag"),
        ("påmindelser personligt", CommandKind.EVENT_DELIVERY, "personligt"),
        ("varsel 14 og 2 dage før kl. 9", CommandKind.EVENT_LEADS, "14 og 2 dage før kl. 9"),
        ("kalenderlink", CommandKind.EVENT_FEED, "kalenderlink"),
        ("Hvornår besluttede udvalget skolestrukturen?", CommandKind.QUESTION,
         "Hvornår besluttede udvalget skolestrukturen?"),
    ],
)
def test_chat_commands_are_recognised(text: str, kind: CommandKind, argument: str) -> None:
    command = parse_command(text)
    assert (command.kind, command.argument) == (kind, argument)
