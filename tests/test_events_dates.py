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


@pytest.mark.parametrize(
    ("sentence", "kind", "title"),
    [
        ("Den nye skolestruktur er gældende fra 1. august 2027.", "ikrafttræden",
         "Den nye skolestruktur træder i kraft"),
        ("Takstbladet træder i kraft 1. januar 2028.", "ikrafttræden",
         "Takstbladet træder i kraft"),
        ("Der afholdes et virtuelt seminar for skolebestyrelserne den 3. maj 2027 kl. 16.",
         "seminar", "Virtuelt seminar for skolebestyrelserne"),
        ("Fristen for høringssvar fra skolebestyrelserne er senest 12. juni 2027.", "frist",
         "Frist for høringssvar"),
        ("Skolebestyrelserne inviteres til dialogmøde på Nordby Skole torsdag den 4. marts 2027 "
         "kl. 19.00.", "dialogmøde", "Dialogmøde på Nordby Skole"),
        ("Børne- og Familieudvalget behandlede sagen på mødet den 14. januar 2027.", "møde",
         "Møde i Børne- og Familieudvalget"),
        ("Den årlige temadag om trivsel holdes på Rådhuset i Fjordby medio april 2027.",
         "seminar", "Temadag om trivsel"),
        ("Sagen forelægges udvalget igen på mødet i maj 2027.", "møde",
         "Møde: Ny skolestruktur i Fjordby"),  # "sagen": the agenda item's title
        ("Planen anbefales godkendt med henblik på byrådsbehandling 24. marts 2027.", "møde",
         "Byrådsbehandling af planen"),
        ("Planen drøftes ved inddragelsesmøder i februar 2027 og ved et fælles dialog møde "
         "den 2. marts 2027.", "møde", "Inddragelsesmøde"),
    ],
)
def test_titles_are_short_natural_noun_phrases(sentence: str, kind: str, title: str) -> None:
    found = events_in_text(sentence, reference=D(2027, 1, 20), item_number=3,
                           item_title="Ny skolestruktur i Fjordby")
    assert (found[0].kind, found[0].title) == (kind, title)
    assert found[0].quote == sentence  # the whole sentence is the description


def test_each_date_takes_its_nearest_event_word() -> None:
    found = events_in_text(
        "Høringen slutter 20. februar 2027, hvorefter sagen behandles på udvalgsmødet "
        "10. marts 2027, og Fjordby Skole holder dialogmøde på Fjordby Skole 17. marts 2027.",
        reference=D(2027, 1, 20))
    assert [(e.date.isoformat(), e.kind, e.title) for e in found] == [
        ("2027-02-20", "frist", "Høring"),
        ("2027-03-10", "møde", "Udvalgsmøde"),
        ("2027-03-17", "dialogmøde", "Dialogmøde på Fjordby Skole")]


def test_history_is_marked_by_the_meeting_date_or_past_tense() -> None:
    meeting = D(2027, 1, 20)
    found = events_in_text(
        "Udvalget godkendte på mødet den 5. december 2026 at holde dialogmøde på Sønderby "
        "Skole 3. marts 2027.", reference=meeting)
    assert [(e.date, e.history) for e in found] == [(D(2026, 12, 5), True),
                                                     (D(2027, 3, 3), False)]
    today = events_in_text("Udvalgsmøde 20. januar 2027.", reference=meeting)
    assert today[0].history  # the meeting's own date
    # without a meeting date, the tense tells
    assert events_in_text("Temadagen blev afholdt 4. maj 2026.", reference=None)[0].history
    assert not events_in_text("Temadagen holdes 4. maj 2027.", reference=None)[0].history


def test_chat_request_and_display() -> None:
    req = parse_event_request("dialogmøde på Fjordby Skole 5. marts kl. 17", today=D(2026, 1, 10))
    assert req is not None
    assert (req.title, req.kind, req.date, req.time) == (
        "Dialogmøde på Fjordby Skole", "dialogmøde", D(2026, 3, 5), dt.time(17, 0))
    assert describe_when(D(2026, 3, 5), Precision.DAY, dt.time(17, 0)) == \
        "torsdag den 5. marts 2026 kl. 17.00"
    assert describe_when(D(2021, 9, 1), "season") == "efteråret 2021"
    assert describe_when(D(2021, 5, 15), "month") == "medio maj 2021"
    assert describe_when(D(2026, 10, 1), "month", None, D(2026, 11, 30)) == \
        "oktober–november 2026"
    assert describe_when(D(2026, 12, 1), "month", None, D(2027, 1, 31)) == \
        "december 2026–januar 2027"
    assert describe_when(D(2026, 6, 1), "month", None, D(2026, 6, 30)) == "juni 2026"


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
