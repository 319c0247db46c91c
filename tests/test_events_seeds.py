"""Events found in the seed minutes are suggestions with their source item."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.cli_events import events_command
from minutes.events import events_in_document, rules_in_document
from minutes.ingest import expand_paths, ingest_paths
from minutes.parse import parse_document
from minutes.reader import read_bytes
from storage import events_repo as repo
from storage.engine import Database

MUST = [
    ("000", 23, "2020-03-05", "Stouby Skole", "dialogmøde"),
    ("002", 27, "2024-01-01", "Minimumsnormering", "ikrafttræden"),
    ("002", 26, "2023-03-06", "Øster Snede Skole", "dialogmøde"),
    ("001", 97, "2021-03-25", "", "seminar"),  # "25.-26. marts 2021"
]


def _matches(rows: list[dict[str, object]], prefix: str, item: int, date: str, word: str,
             kind: str) -> bool:
    for r in rows:
        source = r["source"]
        if (isinstance(source, dict) and str(source["document"]).startswith(prefix)
                and source["item_number"] == item and r["date"] == date
                and word in str(r["title"]) and r["kind"] == kind
                and r["status"] == "suggested"):
            return True
    return False


async def test_seed_events_are_suggested_with_their_item(db: Database, seeds_dir: Path) -> None:
    await ingest_paths(db, expand_paths([seeds_dir]))
    async with db.sessions() as s:
        rows = [repo.event_json(e) for e in await repo.list_events(s)]
        rules = await repo.list_rules(s)
    for prefix, item, date, word, kind in MUST:
        assert _matches(rows, prefix, item, date, word, kind), (prefix, item, date)
    # the yearly cycle in 002 item 26: chairs in September, dialogmøder October–November and
    # March–April (spans), themes decided at the June and January meetings (two meetings)
    months = {r.months for r in rules if r.item_number == 26}
    assert {"9", "10-11", "3-4", "6,1"} <= months
    # ingesting again adds nothing
    await ingest_paths(db, expand_paths([seeds_dir]))
    async with db.sessions() as s:
        assert len(await repo.list_events(s)) == len(rows)


def test_events_json_cli(tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFERATBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    if "events" not in cli.commands:
        cli.add_command(events_command)
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(seeds_dir)]).exit_code == 0
    result = runner.invoke(cli, ["events", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and set(rows[0]) == {"id", "title", "kind", "date", "time", "precision",
                                     "status", "source"}
    assert {r["precision"] for r in rows} <= {"day", "month", "season"}
    for prefix, item, date, word, kind in MUST:
        assert _matches(rows, prefix, item, date, word, kind), (prefix, item, date)
    event_id = next(r["id"] for r in rows if r["date"] == "2020-03-05"
                    and r["kind"] == "dialogmøde")
    confirmed = runner.invoke(cli, ["events", "confirm", str(event_id)])
    assert "0 påmindelser" in confirmed.output  # in the past: never a reminder
    rules = json.loads(runner.invoke(cli, ["events", "rules", "--json"]).output)
    assert {"oktober–november", "juni og januar"} <= {r["when"] for r in rules}
    assert [[10, 11]] in [r["parts"] for r in rules]


async def test_history_in_the_seeds_never_reaches_the_suggestion_list(
    db: Database, seeds_dir: Path,
) -> None:
    """Dates on or before the meeting they were written at are history: still listed (the
    issue wants Øster Snede's dialogmøde as a suggestion) but never offered to confirm."""
    await ingest_paths(db, expand_paths([seeds_dir]))
    async with db.sessions() as s:
        everything = await repo.list_events(s)
        committees = {e.committee_id for e in everything if e.committee_id is not None}
        offered = await repo.pending_suggestions(s, committee_ids=committees,
                                                 today=dt.date(2019, 1, 1))
    offered_keys = {(e.source_document[:3], e.item_number, e.date.isoformat())
                    for e in offered if e.source_document}
    assert ("000", 23, "2020-03-05") in offered_keys  # after its meeting (2 March 2020)
    assert ("002", 27, "2024-01-01") in offered_keys
    assert ("002", 26, "2023-03-06") not in offered_keys  # before its meeting: history
    assert ("001", 92, "2019-10-07") not in offered_keys  # "på udvalgsmødet den 7. oktober 2019"
    history = [e for e in everything if e not in offered and e.date >= dt.date(2019, 1, 1)]
    assert history and all(e.status == "suggested" for e in history)


def _seed_titles(seeds_dir: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(seeds_dir.glob("*.txt")):
        parsed = parse_document(read_bytes(path.read_bytes(), path.name), file_name=path.name)
        out += [(e.title, e.quote) for e in events_in_document(parsed)]
        out += [(r.title, r.quote) for r in rules_in_document(parsed)]
    return out


def test_seed_titles_are_short_noun_phrases_with_the_sentence_kept(seeds_dir: Path) -> None:
    titles = _seed_titles(seeds_dir)
    assert len(titles) > 30
    for title, quote in titles:
        assert 3 <= len(title) <= 70, title
        assert title[0].isupper() and "…" not in title, title
        assert not re.search(r"\d", title.split(":")[0]), title  # no dates or numbers
        assert not re.search(r"\s(?:i|på|for|af|om|til|og|med|den|d\.)$", title), title
        assert len(quote) > len(title)  # the whole sentence is the description
    names = {t for t, _ in titles}
    assert {"Dialogmøde på Stouby Skole", "Dialogmøde på Øster Snede Skole",
            "Minimumsnormeringen træder i kraft"} <= names
