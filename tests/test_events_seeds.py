"""Events found in the seed minutes are suggestions with their source item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.cli_events import events_command
from minutes.ingest import expand_paths, ingest_paths
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
    # the yearly cycle in 002 item 26: chairs in September, dialogmøder Oct/Nov and Mar/Apr
    months = {r.months for r in rules if r.item_number == 26}
    assert {"9", "10,11", "3,4"} <= months
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
