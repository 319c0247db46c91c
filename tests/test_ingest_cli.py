"""`referatbot ingest` over the real seeds, through the CLI and on both databases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from minutes.ingest import ingest_paths
from storage.engine import Database
from storage.minutes_repo import count_rows
from tests.pdfgen import write_corrupt_pdf, write_encrypted_pdf, write_image_only_pdf


def run(args: list[str], db_path: Path) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(cli, args, env={"REFERATBOT_DATABASE_URL": f"sqlite:///{db_path}"},
                           catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_reports_each_seed_and_a_second_run_adds_nothing(
    seeds_dir: Path, tmp_path: Path
) -> None:
    files = [str(p) for p in sorted(seeds_dir.glob("*.txt"))]
    code, out, _ = run(["ingest", "--json", *files], tmp_path / "r.db")
    assert code == 0
    reports = {r["file"][:3]: r for r in map(json.loads, out.splitlines())}
    assert reports["000"] | {} and reports["000"]["committee"] == "Udvalget for Læring"
    assert (reports["000"]["meeting_date"], reports["000"]["chair"]) == ("2020-03-02", "Ole Vind")
    assert reports["000"]["items"] == [19, 20, 21, 22, 23]
    assert reports["001"]["meeting_date"] == "2020-11-30"
    assert sorted(reports["001"]["items"]) == list(range(91, 101))
    assert reports["002"]["meeting_date"] == "2023-04-12"
    assert reports["002"]["chair"] == "Merete Skovgaard Jensen"
    assert reports["002"]["items"] == list(range(25, 32))
    assert reports["003"]["items"] == [1, 2, 3, 4, 5] and reports["003"]["meeting_date"] is None
    assert reports["004"]["items"] == [] and reports["004"]["passages"] > 5
    assert {r["outcome"] for r in reports.values()} == {"added"}

    code, out, _ = run(["ingest", "--json", *files], tmp_path / "r.db")
    assert code == 0
    assert {json.loads(line)["outcome"] for line in out.splitlines()} == {"unchanged"}


def test_human_report_names_committee_date_chair_and_items(
    seeds_dir: Path, tmp_path: Path
) -> None:
    seed = next(seeds_dir.glob("000_*.txt"))
    code, out, _ = run(["ingest", str(seed)], tmp_path / "r.db")
    assert code == 0
    assert "Udvalget for Læring, 2020-03-02, formand Ole Vind, punkt 19–23" in out


def test_date_override_for_a_document_that_prints_none(seeds_dir: Path, tmp_path: Path) -> None:
    seed = next(seeds_dir.glob("003_*.txt"))
    code, out, _ = run(["ingest", "--json", "--date", "3. marts 2021", str(seed)],
                       tmp_path / "r.db")
    assert code == 0 and json.loads(out)["meeting_date"] == "2021-03-03"
    code, _, err = run(["ingest", "--date", "i går", str(seed)], tmp_path / "r.db")
    assert code == 2 and "ikke en dato" in err


def test_bad_files_are_named_and_the_rest_still_ingested(seeds_dir: Path, tmp_path: Path) -> None:
    corrupt, locked, scanned = tmp_path / "beskadiget.pdf", tmp_path / "laast.pdf", \
        tmp_path / "scannet.pdf"
    write_corrupt_pdf(corrupt)
    write_encrypted_pdf(locked)
    write_image_only_pdf(scanned)
    empty = tmp_path / "tom.txt"
    empty.write_text("  \n")
    good = tmp_path / "god.txt"
    shutil.copy(next(seeds_dir.glob("000_*.txt")), good)
    code, out, err = run(["ingest", str(corrupt), str(locked), str(good), str(scanned),
                          str(empty)], tmp_path / "r.db")
    assert code == 1
    lines = dict(line.split(": ", 1) for line in out.splitlines())
    assert lines["god.txt"].startswith("tilføjet")
    for name in ("beskadiget.pdf", "laast.pdf", "scannet.pdf", "tom.txt"):
        assert lines[name].startswith("FEJL"), name
    assert "krypteret" in lines["laast.pdf"]
    assert "4 af 5 filer" in err


def test_missing_argument_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run(["ingest"], tmp_path / "r.db")
    assert code == 2 and "mindst én fil" in err


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
async def test_ingest_twice_on_both_databases_adds_nothing(
    db: Database, seeds_dir: Path, prefix: str
) -> None:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    await ingest_paths(db, [path])
    async with db.sessions() as s:
        first = await count_rows(s)
    again = await ingest_paths(db, [path])
    async with db.sessions() as s:
        assert await count_rows(s) == first
    assert again[0].outcome is not None and again[0].outcome.value == "unchanged"
    assert first["document"] == 1


async def test_changed_file_replaces_its_meeting(db: Database, seeds_dir: Path,
                                                 tmp_path: Path) -> None:
    original = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    path = tmp_path / "udvalg.txt"
    path.write_text(original, encoding="utf-8")
    await ingest_paths(db, [path])
    path.write_text(original.replace("Orientering taget til efterretning.",
                                     "Udsat til næste møde.", 1), encoding="utf-8")
    reports = await ingest_paths(db, [path])
    assert reports[0].outcome is not None and reports[0].outcome.value == "replaced"
    async with db.sessions() as s:
        counts = await count_rows(s)
    assert counts["document"] == 1 and counts["meeting"] == 1 and counts["agenda_item"] == 5
