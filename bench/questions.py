"""Benchmark of the question engine on a synthetic corpus of 100,000 agenda items.

    .venv/bin/python bench/questions.py [--items 100000] [--questions 1000] [--db PATH]

Generates Danish-like minutes (syllable words with Danish inflections and
compounds, Zipf-distributed), stores them in a SQLite file through the real
schema, then measures in one run:

* the engine (``QuestionEngine``): index build from the store, memory, and the
  latency of ``answer()`` (understanding, search, reading the item back,
  choosing the quote) over the questions;
* a plain BM25 baseline: lower-case words, no stemming, no stop words, no
  compounds, one field, same corpus held in memory, ranking only.

Questions ask about a random item with its words inflected differently
("skolerne" in the item, "skole" in the question) or by the head of a compound;
accuracy@1 counts the first citation being that item. The database file is kept
(``--db``) and reused when it already holds the corpus.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import math
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import SQLModel

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minutes.answer import QuestionEngine  # noqa: E402
from storage.engine import Database  # noqa: E402
from storage.models import AgendaItem, Committee, Document, Meeting, Municipality, Section  # noqa: E402

SYLLABLES = ("ka ri mo sel dan bør sko vik ling sam ar bejd hus gård vej råd mål tal "
             "plan dag til bud for mid lev hold ret styr kval tek nik fri byg sund pleje "
             "stø tte over gang ny ind sats far mor lær ning ord fag kom mun vand lys "
             "skov mark strand sti havn torv kul tur ung elev").split()
ENDINGS = ("", "", "", "en", "er", "erne", "et", "ene", "s", "ens", "e")
FILLER = ("og i at der det som på til en af for med er den har ikke skal kan vil "
          "blev de et om fra efter samt også").split()
SECTION_PLAN = (("beslutningstema", 18), ("historik", 90), ("sagsfremstilling", 180),
                ("indstilling", 20), ("beslutning", 10))


@dataclass(frozen=True, slots=True)
class Word:
    base: str
    head: str | None = None  # the last part of a compound


def make_vocabulary(rng: random.Random, size: int) -> list[Word]:
    seen: set[str] = set()
    words: list[Word] = []
    while len(words) < size * 0.8:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        if w not in seen and len(w) >= 5:
            seen.add(w)
            words.append(Word(w))
    simple = list(words)
    while len(words) < size:
        a, b = rng.choice(simple), rng.choice(simple)
        w = a.base + rng.choice(("", "s", "e")) + b.base
        if w not in seen:
            seen.add(w)
            words.append(Word(w, b.base))
    rng.shuffle(words)
    return words


class Zipf:
    """Draws vocabulary indexes with a Zipf-like law (s ≈ 1)."""

    def __init__(self, rng: random.Random, n: int) -> None:
        self.rng = rng
        weights = [1.0 / (i + 10) for i in range(n)]
        total = sum(weights)
        acc = 0.0
        self.cum: list[float] = []
        for w in weights:
            acc += w / total
            self.cum.append(acc)

    def draw(self) -> int:
        import bisect

        return min(bisect.bisect_left(self.cum, self.rng.random()), len(self.cum) - 1)


def sentence(rng: random.Random, vocab: list[Word], zipf: Zipf, n: int) -> str:
    out: list[str] = []
    for _ in range(n):
        if rng.random() < 0.35:
            out.append(rng.choice(FILLER))
        else:
            out.append(vocab[zipf.draw()].base + rng.choice(ENDINGS))
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, vocab: list[Word], zipf: Zipf, words: int) -> str:
    parts: list[str] = []
    while words > 0:
        n = min(words, rng.randint(8, 20))
        parts.append(sentence(rng, vocab, zipf, n))
        words -= n
    return " ".join(parts)


def _table(model: type[SQLModel]) -> sa.Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, sa.Table)
    return table


async def build_corpus(db: Database, items: int, seed: int) -> dict[tuple[str, int], list[str]]:
    """Store the corpus; return each item's distinctive words (title first)."""
    rng = random.Random(seed)
    vocab = make_vocabulary(rng, 40_000)
    zipf = Zipf(rng, len(vocab))
    per_meeting = 20
    meetings = math.ceil(items / per_meeting)
    topics: dict[tuple[str, int], list[str]] = {}
    t_doc, t_meet = _table(Document), _table(Meeting)
    t_item, t_sec = _table(AgendaItem), _table(Section)
    async with db.transaction() as session:
        muni: int = (await session.execute(
            sa.insert(_table(Municipality)).values(name="Syntetisk Kommune")
            .returning(sa.literal_column("id")))).scalar_one()
        committee: int = (await session.execute(
            sa.insert(_table(Committee))
            .values(name="Udvalget for Syntese", municipality_id=muni)
            .returning(sa.literal_column("id")))).scalar_one()
        item_id = section_id = 0
        day0 = dt.date(2015, 1, 5)
        for m in range(meetings):
            name = f"syn_{m:05d}.txt"
            await session.execute(sa.insert(t_doc).values(
                id=m + 1, file_name=name, content_hash=f"{m:064d}", kind="hedensted",
                municipality_id=muni, committee_id=committee,
                ingested_at=dt.datetime.now(dt.UTC)))
            await session.execute(sa.insert(t_meet).values(
                id=m + 1, document_id=m + 1, committee_id=committee,
                date=day0 + dt.timedelta(days=7 * m), chair="Syntetisk Formand",
                approval_status="none"))
            item_rows, section_rows = [], []
            for pos in range(per_meeting):
                if item_id >= items:
                    break
                item_id += 1
                number = pos + 1
                # title: two rarer words (the item's topic) and a common one
                topic = [vocab[rng.randint(2000, len(vocab) - 1)] for _ in range(2)]
                title = " ".join(w.base + rng.choice(ENDINGS) for w in topic)
                title += " " + vocab[zipf.draw()].base
                topics[(name, number)] = [w.base for w in topic] + [
                    w.head for w in topic if w.head]
                item_rows.append({"id": item_id, "meeting_id": m + 1, "number": number,
                                  "title": title.capitalize(), "closed": False,
                                  "position": pos})
                for j, (kind, words) in enumerate(SECTION_PLAN):
                    text = paragraph(rng, vocab, zipf, words)
                    if kind in {"sagsfremstilling", "beslutningstema"}:
                        text += " " + " ".join(w.base + rng.choice(ENDINGS) for w in topic) + "."
                    section_id += 1
                    section_rows.append({"id": section_id, "item_id": item_id, "kind": kind,
                                         "heading": None, "text": text, "is_history": False,
                                         "position": j})
            if item_rows:
                await session.execute(sa.insert(t_item), item_rows)
                await session.execute(sa.insert(t_sec), section_rows)
    return topics


def make_questions(
    rng: random.Random, topics: dict[tuple[str, int], list[str]], n: int
) -> list[tuple[str, tuple[str, int]]]:
    keys = list(topics)
    out = []
    forms = ("Hvad blev besluttet om {}?", "Hvad besluttede udvalget om {}?",
             "Hvad skete der med {}?", "Blev {} godkendt?")
    for _ in range(n):
        key = rng.choice(keys)
        words = topics[key]
        a, b = words[0], words[1]
        phrase = f"{a}{rng.choice(ENDINGS)} og {b}{rng.choice(ENDINGS)}"
        out.append((rng.choice(forms).format(phrase), key))
    return out


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_WORD = re.compile(r"\w+")


class PlainBM25:
    """The baseline: one field, lower-case words, no stemming, no stop words."""

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.lengths: list[int] = []
        self.keys: list[tuple[str, int]] = []
        self._avg: float | None = None

    def add(self, key: tuple[str, int], text: str) -> None:
        doc = len(self.keys)
        self.keys.append(key)
        words = _WORD.findall(text.lower())
        self.lengths.append(len(words))
        for w, tf in Counter(words).items():
            self.postings[w].append((doc, tf))

    def search(self, text: str, k: int = 10) -> list[tuple[str, int]]:
        n = len(self.lengths)
        if self._avg is None:
            self._avg = sum(self.lengths) / max(n, 1)
        avg = self._avg
        scores: dict[int, float] = defaultdict(float)
        for w in set(_WORD.findall(text.lower())):
            plist = self.postings.get(w)
            if not plist:
                continue
            idf = math.log(1 + (n - len(plist) + 0.5) / (len(plist) + 0.5))
            for doc, tf in plist:
                norm = tf * (self.k1 + 1) / (tf + self.k1 * (1 - self.b + self.b
                                                              * self.lengths[doc] / avg))
                scores[doc] += idf * norm
        best = sorted(scores.items(), key=lambda kv: -kv[1])[:k]
        return [self.keys[d] for d, _ in best]


async def load_baseline(db: Database) -> PlainBM25:
    bm = PlainBM25()
    t_doc, t_meet = _table(Document), _table(Meeting)
    t_item, t_sec = _table(AgendaItem), _table(Section)
    async with db.sessions() as session:
        rows = await session.execute(
            sa.select(t_item.c.id, t_doc.c.file_name, t_item.c.number, t_item.c.title)
            .join(t_meet, t_meet.c.id == t_item.c.meeting_id)
            .join(t_doc, t_doc.c.id == t_meet.c.document_id))
        items = {r[0]: [(r[1], r[2]), r[3]] for r in rows}
        secs = await session.execute(sa.select(t_sec.c.item_id, t_sec.c.text))
        for item_id, text in secs:
            items[item_id].append(text)
    for key, title, *texts in items.values():
        bm.add(key, " ".join([title, *texts]))
    return bm


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--db", type=Path,
                        default=Path(tempfile.gettempdir()) / "referatbot-questions-bench.db")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    db = Database(f"sqlite:///{args.db}")
    await db.upgrade()
    async with db.sessions() as s:
        stored = await s.scalar(sa.select(sa.func.count()).select_from(AgendaItem))
    sidecar = args.db.with_suffix(".topics.json")
    if stored != args.items or not sidecar.is_file():
        await db.dispose()
        args.db.unlink(missing_ok=True)
        db = Database(f"sqlite:///{args.db}")
        await db.upgrade()
        t0 = time.perf_counter()
        topics = await build_corpus(db, args.items, args.seed)
        print(f"corpus: {args.items} items generated and stored in "
              f"{time.perf_counter() - t0:.1f} s ({args.db})")
        sidecar.write_text(json.dumps([[k[0], k[1], v] for k, v in topics.items()]))
    else:
        topics = {(k, n): v for k, n, v in json.loads(sidecar.read_text())}
        print(f"corpus: {args.items} items reused from {args.db}")
    questions = make_questions(random.Random(args.seed + 1), topics, args.questions)

    gc.collect()
    before = rss_mb()
    engine = QuestionEngine(db)
    t0 = time.perf_counter()
    await engine.refresh()
    build = time.perf_counter() - t0
    gc.collect()
    memory = rss_mb() - before

    latencies: list[float] = []
    right = declined = 0
    for text, key in questions:
        t0 = time.perf_counter()
        answer = await engine.answer(text, today=dt.date(2026, 1, 1))
        latencies.append((time.perf_counter() - t0) * 1000)
        if not answer.answered:
            declined += 1
        elif answer.citations and (answer.citations[0].document,
                                   answer.citations[0].item_number) == key:
            right += 1

    gc.collect()
    before = rss_mb()
    t0 = time.perf_counter()
    baseline = await load_baseline(db)
    base_build = time.perf_counter() - t0
    gc.collect()
    base_memory = rss_mb() - before
    base_lat: list[float] = []
    base_right = 0
    for text, key in questions:
        t0 = time.perf_counter()
        top = baseline.search(text)
        base_lat.append((time.perf_counter() - t0) * 1000)
        base_right += bool(top) and top[0] == key

    n = len(questions)
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    b50, b95 = percentile(base_lat, 50), percentile(base_lat, 95)
    print(f"items: {engine.index.unit_count} units indexed from {len(engine.documents)} "
          f"documents; {n} questions")
    print(f"engine   build {build:6.1f} s  memory {memory:7.0f} MB  p50 {p50:6.1f} ms  "
          f"p95 {p95:6.1f} ms  accuracy@1 {right / n:.1%}  declined {declined / n:.1%}")
    print(f"baseline build {base_build:6.1f} s  memory {base_memory:7.0f} MB  p50 {b50:6.1f} ms"
          f"  p95 {b95:6.1f} ms  accuracy@1 {base_right / n:.1%}  (plain BM25, ranking only)")
    print(f"ratio engine/baseline: p50 {p50 / b50:.2f}x  p95 {p95 / b95:.2f}x  "
          f"build {build / base_build:.2f}x")
    print(f"mean {statistics.mean(latencies):.1f} ms, max {max(latencies):.1f} ms; "
          f"p95 target 50 ms: {'met' if p95 <= 50 else 'NOT met'}; "
          f"build target 60 s: {'met' if build <= 60 else 'NOT met'}")
    await db.dispose()


if __name__ == "__main__":
    asyncio.run(main())
