"""Benchmark: ingest 1,000 generated meetings of ten items each, as text and as PDF,
on SQLite and PostgreSQL. Prints pages/s and items/s, and the ratio against the
baseline measured in the same run: reading and parsing the same files without storing
them (so the ratio is what the store costs on top of the parser).

    .venv/bin/python bench/ingest.py [--meetings 1000] [--pg postgresql://postgres@127.0.0.1/test]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa  # noqa: E402

from minutes.dates import format_danish_date  # noqa: E402
from minutes.ingest import ingest_paths  # noqa: E402
from minutes.parse import parse_document  # noqa: E402
from minutes.reader import read_source  # noqa: E402
from storage.engine import Database  # noqa: E402
from tests.pdfgen import write_minutes_pdf  # noqa: E402

WORDS = ("skole dagtilbud elever budget økonomi normering forældre ledelse trivsel indsats "
         "kvalitet udvikling bestyrelse handleplan evaluering tilsyn børnehus fritid "
         "ungdomsskole inklusion specialtilbud kapacitet renovering bygning personale "
         "kompetence undervisning læring sundhed trafik sikkerhed ressourcer tildeling "
         "model område distrikt struktur kommune udvalg forvaltning orientering").split()
HEADINGS = ["Beslutningstema", "Økonomi", "Sagsfremstilling", "Administrationen indstiller,",
            "Beslutning"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"{rng.randint(1, 900)}.000 kr.")
    return " ".join(words).capitalize() + "."


def meeting(rng: random.Random, n: int) -> tuple[dt.date, list[tuple[int, str, dict[str, str]]]]:
    day = dt.date(2015, 1, 5) + dt.timedelta(days=7 * n)
    items = []
    for k in range(10):
        number = (n * 10 + k) % 200 + 1
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))).capitalize()
        sections = {h: " ".join(sentence(rng) for _ in range(rng.randint(1, 4))) for h in HEADINGS}
        items.append((number, title, sections))
    return day, items


def as_text(day: dt.date, items: list[tuple[int, str, dict[str, str]]], chair: str) -> str:
    header = (f"Fjordby Kommune\n\nUdvalget for Børn og Skole\n\nMødedato:\n\n"
              f"{format_danish_date(day)}\nFormand:\n\n{chair}\n\nSidetal: 2\n\n")
    out = []
    for i, (number, title, sections) in enumerate(items):
        out.append(f"17.01.01-A00-{number}-{day.year % 100}\n\n{number:02d}.        {title}\n")
        for heading, text in sections.items():
            out.append(f"{heading}\n\n{text}\n")
        if i == 4:
            out.append(header)
    return "\n".join(out)


def generate(folder: Path, count: int) -> tuple[list[Path], list[Path], int, int]:
    rng = random.Random(1)
    texts, pdfs, pages, items = [], [], 0, 0
    for n in range(count):
        day, its = meeting(rng, n)
        chair = "Anna Holm"
        t = folder / "txt" / f"m{n:04d}.txt"
        t.parent.mkdir(exist_ok=True)
        t.write_text(as_text(day, its, chair), encoding="utf-8")
        p = folder / "pdf" / f"m{n:04d}.pdf"
        p.parent.mkdir(exist_ok=True)
        pages += write_minutes_pdf(p, municipality="Fjordby Kommune",
                                   committee="Udvalget for Børn og Skole",
                                   meeting_date_text=format_danish_date(day), chair=chair,
                                   items=its)
        texts.append(t)
        pdfs.append(p)
        items += len(its)
    return texts, pdfs, pages, items


def parse_only(paths: list[Path]) -> float:
    start = time.perf_counter()
    for p in paths:
        parse_document(read_source(p), file_name=p.name)
    return time.perf_counter() - start


async def timed_ingest(db: Database, paths: list[Path]) -> tuple[float, int]:
    start = time.perf_counter()
    reports = await ingest_paths(db, paths)
    elapsed = time.perf_counter() - start
    failed = sum(r.failed for r in reports)
    return elapsed, failed


async def fresh_db(kind: str, folder: Path, pg_url: str) -> tuple[Database, str | None]:
    if kind == "sqlite":
        path = folder / f"bench-{uuid.uuid4().hex[:6]}.db"
        db = Database(f"sqlite:///{path}")
        await db.upgrade()
        return db, None
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = Database(pg_url)
    async with admin.engine.begin() as conn:
        await conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    await admin.dispose()
    db = Database(pg_url, connect_args={"server_settings": {"search_path": schema}})
    await db.upgrade()
    return db, schema


async def drop_schema(pg_url: str, schema: str) -> None:
    admin = Database(pg_url)
    async with admin.engine.begin() as conn:
        await conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    await admin.dispose()


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=1000)
    ap.add_argument("--pg", default=os.environ.get("REFERATBOT_TEST_DATABASE_URL",
                                                   "postgresql://postgres@127.0.0.1:5432/test"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        texts, pdfs, pages, items = generate(folder, args.meetings)
        print(f"generated {args.meetings} meetings, {items} items, {pages} PDF pages "
              f"in {time.perf_counter() - t0:.1f} s")
        baseline = {"text": parse_only(texts), "pdf": parse_only(pdfs)}
        for form in ("text", "pdf"):
            b = baseline[form]
            print(f"baseline read+parse {form:4}: {b:6.1f} s  {pages / b:8.1f} pages/s  "
                  f"{items / b:8.1f} items/s")
        db_kinds = ["sqlite"]
        probe = Database(args.pg)
        if await probe.ping():
            db_kinds.append("postgresql")
        else:
            print(f"PostgreSQL at {args.pg} not reachable: skipped")
        await probe.dispose()
        print(f"{'database':10} {'form':5} {'seconds':>8} {'pages/s':>9} {'items/s':>9} "
              f"{'x baseline':>10} {'failed':>6} {'re-run s':>8}")
        for kind in db_kinds:
            for form, paths in (("text", texts), ("pdf", pdfs)):
                db, schema = await fresh_db(kind, folder, args.pg)
                try:
                    elapsed, failed = await timed_ingest(db, paths)
                    again, _ = await timed_ingest(db, paths)
                finally:
                    await db.dispose()
                    if schema:
                        await drop_schema(args.pg, schema)
                print(f"{kind:10} {form:5} {elapsed:8.1f} {pages / elapsed:9.1f} "
                      f"{items / elapsed:9.1f} {elapsed / baseline[form]:10.2f} {failed:6d} "
                      f"{again:8.1f}")


if __name__ == "__main__":
    asyncio.run(main())
