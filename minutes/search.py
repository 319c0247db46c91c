"""The in-memory search index: BM25F over agenda items and passages, Danish-aware.

A *unit* is what the index ranks: one agenda item (its title, decision,
recommendation, case text and background as separate fields) or one chunk of
a passage (an attachment, a part of an action plan). Field weights put titles
and decisions above background text; quoted history is background, never the
decision.

Postings are compact arrays (unit id, impact) so 100,000 items fit in a few
hundred MB; a unit's impact for a term is its BM25F term-frequency part, the
IDF is applied at query time, so adding or removing a document never rescales
the rest. Removal leaves tombstones that :meth:`SearchIndex.compact` sweeps.

A query is a list of :class:`Concept`: each has variants (the stem itself,
compounds that end with it, the parts of an unknown compound) with a weight;
a unit scores a concept by its best variant.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import gc
import heapq
import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain

from minutes.analysis import Analyzer, compound_head_match, raw_tokens

# field → (weight, length normalisation b)
FIELDS: dict[str, tuple[float, float]] = {
    "title": (3.0, 0.3),
    "decision": (2.0, 0.3),
    "core": (1.5, 0.5),  # beslutningstema, indstilling
    "body": (1.0, 0.75),  # sagsfremstilling, økonomi, passage text, ...
    "background": (0.5, 0.75),  # historik, quoted earlier decisions, bilag lists
    "meta": (0.3, 0.0),  # committee, municipality, document title
}
# fields whose words say what an item is *about* (for "hvad blev besluttet om …")
CORE_FIELDS = frozenset({"title", "decision", "core"})
K1 = 1.2
# A term counts at most this many times per document in the document frequency, so one
# long attachment cut into a hundred chunks does not make its words look common.
DF_CAP_PER_DOCUMENT = 4
BATCH_UNITS = 2000  # units analysed together while building


@dataclass(slots=True)
class UnitMeta:
    """What the index knows about a unit besides its words."""

    uid: int
    doc_id: int
    kind: str  # "item" | "passage"
    row_id: int  # agenda_item.id or passage.id
    meeting_id: int | None = None
    committee_id: int | None = None
    date: dt.date | None = None
    closed: bool = False
    passage_kind: str | None = None  # attachment | fragment | text | attendance
    span: tuple[int, int] | None = None  # a passage chunk's character range
    label: str | None = None  # a passage's label: the attachment or part it belongs to


@dataclass(slots=True)
class UnitText:
    """A unit to index: its metadata (uid filled in by the index) and its fields' text."""

    meta: UnitMeta
    fields: dict[str, str]


@dataclass(frozen=True, slots=True)
class Variant:
    stem: str
    weight: float  # 1.0 the word itself, less for compounds and parts
    part: int = -1  # >= 0: the n-th part of an unknown compound (all parts must be there)


COMPOUND_WEIGHT = 0.8  # a compound ending with the word ("minimumsnormering" for "normering")
RELATED_WEIGHT = 0.6  # forms, synonyms, base verbs this close stand in for an unknown word
PARTS_ALL = 0.6  # every part of an unknown compound found ("skole" and "lukning"): they
# stand in for it as a related form does (RELATED_WEIGHT); 0.65 lost a dev question
# ("aldersgruppe" ~ "målgruppen … i alderen")
PARTS_SOME = 0.2  # only some of them


@dataclass(slots=True)
class Concept:
    """One content word of a question with its variants and its weight in the query."""

    surface: str
    variants: list[Variant]
    idf: float = 0.0
    importance: float = 1.0  # down-weights generic words in coverage
    in_coverage: bool = True  # False: ranks, but does not make a unit cover the question
    name: bool = False  # a proper name in the question ("Tuen"): the answer must say it

    @property
    def by_parts(self) -> bool:
        """An unknown compound looked up by its parts."""
        return any(v.part >= 0 for v in self.variants)

    def quality(
        self, has: Callable[[str], bool], has_compound: Callable[[str], bool] | None = None
    ) -> float:
        """How well a text whose stems pass ``has`` contains this concept (0..1).
        ``has_compound(stem)``: the text has a compound ending with ``stem``."""
        best = 0.0
        parts: dict[int, bool] = {}
        for v in self.variants:
            if v.part >= 0:
                if not parts.get(v.part) and (
                        has(v.stem) or (has_compound is not None and has_compound(v.stem))):
                    parts[v.part] = True
                else:
                    parts.setdefault(v.part, False)
            elif v.weight > best and has(v.stem):
                best = v.weight
            elif (v.weight >= 1.0 and best < COMPOUND_WEIGHT and has_compound is not None
                  and has_compound(v.stem)):
                best = COMPOUND_WEIGHT
        if parts and best < PARTS_ALL:
            found = sum(parts.values())
            if found == len(parts):
                best = PARTS_ALL
            elif found:
                best = max(best, PARTS_SOME)
        return best


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """Which units may be returned. None means no restriction."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    committee_ids: frozenset[int] | None = None
    doc_ids: frozenset[int] | None = None
    include_undated: bool = True
    # closed items visible for these committees only; None = all closed items visible
    closed_committees: frozenset[int] | None = None

    @property
    def has_dates(self) -> bool:
        return self.date_from is not None or self.date_to is not None

    def allows(self, unit: UnitMeta) -> bool:
        if unit.closed and self.closed_committees is not None and (
            unit.committee_id is None or unit.committee_id not in self.closed_committees
        ):
            return False
        if self.committee_ids is not None and unit.committee_id not in self.committee_ids:
            return False
        if self.doc_ids is not None and unit.doc_id not in self.doc_ids:
            return False
        if self.has_dates:
            if unit.date is None:
                return self.include_undated
            if self.date_from is not None and unit.date < self.date_from:
                return False
            if self.date_to is not None and unit.date > self.date_to:
                return False
        return True


@dataclass(slots=True)
class Hit:
    unit: UnitMeta
    score: float
    coverage: float = 0.0  # share of the question's weight matched anywhere in the unit
    core_coverage: float = 0.0  # ... matched in title, decision or recommendation
    matched: dict[int, float] = field(default_factory=dict)  # concept index → quality


def coverage_weight(concept: Concept, concepts: list[Concept]) -> float:
    """A concept's weight in coverage: IDF × importance; framing words count only when the
    question has no other words."""
    if not concept.in_coverage:
        return 0.0
    if concept.importance < 0.5 and any(c.importance >= 0.5 for c in concepts):
        return 0.0
    return concept.idf * concept.importance


IMPACT_SCALE = 10_000  # impacts (0 .. K1 + 1) are stored as 16-bit integers


class _Postings:
    __slots__ = ("ids", "impacts")

    def __init__(self) -> None:
        self.ids = array("i")
        self.impacts = array("H")


def _contains(ids: array[int], uid: int) -> bool:
    i = bisect.bisect_left(ids, uid)
    return i < len(ids) and ids[i] == uid


FieldCounts = dict[str, Counter[str]]  # one unit: field name → how often each term occurs


def analyse_units(analyzer: Analyzer, units: Sequence[Mapping[str, str]]) -> list[FieldCounts]:
    """The term counts of each unit's fields: every distinct word stemmed once, in one
    call to the stemmer, then counted in C (no Python work per word)."""
    tokenized = [[(name, raw_tokens(text)) for name, text in fields.items()
                  if text and name in FIELDS] for fields in units]
    overflow = analyzer.prime(chain.from_iterable(
        tokens for fields in tokenized for _, tokens in fields))
    out: list[FieldCounts] = []
    for fields in tokenized:
        counts: FieldCounts = {}
        for name, tokens in fields:
            counter = analyzer.token_counts(tokens)
            if counter:
                counts[name] = counter
        out.append(counts)
    analyzer.forget(overflow)
    return out


def analyse_in_worker(
    units: Sequence[Mapping[str, str]], stop_words: frozenset[str], min_length: int
) -> list[FieldCounts]:
    """:func:`analyse_units` in a worker process (its analyzer and caches live there)."""
    return analyse_units(_worker_analyzer(stop_words, min_length), units)


@functools.lru_cache(maxsize=1)
def _worker_analyzer(stop_words: frozenset[str], min_length: int) -> Analyzer:
    return Analyzer(stop_words=stop_words, min_length=min_length)


class SearchIndex:
    """Inverted index over units. Add and remove whole documents; search concepts."""

    def __init__(self, analyzer: Analyzer | None = None, *, compounds: bool = True) -> None:
        self.analyzer = analyzer or Analyzer()
        self.compounds = compounds
        self._postings: dict[str, _Postings] = {}
        self._core: dict[str, array[int]] = {}
        self._units: dict[int, UnitMeta] = {}
        self._doc_units: dict[int, list[int]] = {}
        self._dead: set[int] = set()
        self._next_uid = 0
        self._field_len_sum: Counter[str] = Counter()
        self._field_count: Counter[str] = Counter()
        self._reversed: list[str] = []  # vocabulary, each term reversed, sorted
        self._forward: list[str] = []  # vocabulary, sorted
        self._pending_terms: list[str] = []
        self._df: Counter[str] = Counter()  # capped per document, see DF_CAP_PER_DOCUMENT
        self._n = 0  # units counted the same way

    # ---- size -------------------------------------------------------------------------

    @property
    def unit_count(self) -> int:
        return len(self._units)

    @property
    def document_ids(self) -> set[int]:
        return set(self._doc_units)

    def units_of(self, doc_id: int) -> list[UnitMeta]:
        return [self._units[u] for u in self._doc_units.get(doc_id, [])]

    def unit(self, uid: int) -> UnitMeta:
        return self._units[uid]

    def df(self, stem: str) -> int:
        """In how many units ``stem`` occurs (each document counting a few at most)."""
        return self._df.get(stem, 0)

    def postings_size(self, stem: str) -> int:
        p = self._postings.get(stem)
        return len(p.ids) if p is not None else 0

    def knows(self, stem: str) -> bool:
        return stem in self._postings

    def idf(self, df: int) -> float:
        n = max(self._n, 1)
        return math.log(1.0 + (max(n - df, 0) + 0.5) / (df + 0.5))

    # ---- building ---------------------------------------------------------------------

    def add_document(self, doc_id: int, units: Iterable[UnitText]) -> None:
        """Index one document's units (replacing it if it was indexed)."""
        self.add_documents({doc_id: list(units)})

    def add_documents(
        self,
        docs: Mapping[int, list[UnitText]],
        analysed: Sequence[FieldCounts] | None = None,
    ) -> None:
        """Index several documents, a batch of whole documents at a time so memory stays
        flat; field length averages are updated with each batch before it is weighted.

        ``analysed``: the units' term counts, one per unit in the order of ``docs``, as
        :func:`analyse_units` makes them (in another process while this one indexes the
        previous documents); computed here when not given."""
        for doc_id in docs:
            if doc_id in self._doc_units:
                self.remove_document(doc_id)
        counted = iter(analysed) if analysed is not None else None
        # indexing makes millions of small objects and no reference cycles: the cyclic
        # garbage collector would only rescan the growing index again and again
        collecting = gc.isenabled()
        gc.disable()
        try:
            batch: list[tuple[int, UnitText]] = []
            for doc_id, units in docs.items():
                self._doc_units.setdefault(doc_id, [])
                batch.extend((doc_id, unit) for unit in units)
                if len(batch) >= BATCH_UNITS:
                    self._add_batch(batch, counted)
                    batch = []
            if batch:
                self._add_batch(batch, counted)
        finally:
            if collecting:
                gc.enable()

    def _add_batch(self, batch: list[tuple[int, UnitText]],
                   counted: Iterator[FieldCounts] | None) -> None:
        if counted is None:
            field_counts = analyse_units(self.analyzer, [unit.fields for _, unit in batch])
        else:
            field_counts = [next(counted) for _ in batch]
        analysed: list[tuple[int, UnitText, FieldCounts, dict[str, int]]] = []
        len_sum, field_count = self._field_len_sum, self._field_count
        for (doc_id, unit), counts in zip(batch, field_counts, strict=True):
            lengths = {name: counter.total() for name, counter in counts.items()}
            for name, length in lengths.items():
                len_sum[name] += length
                field_count[name] += 1
            analysed.append((doc_id, unit, counts, lengths))
        averages = {name: len_sum[name] / field_count[name] for name in field_count}
        per_doc: dict[int, Counter[str]] = {}
        for doc_id, unit, counts, lengths in analysed:
            terms = self._add_unit(doc_id, unit, counts, lengths, averages)
            doc_counter = per_doc.get(doc_id)
            if doc_counter is None:
                doc_counter = per_doc[doc_id] = Counter()
            doc_counter.update(terms)
        df = self._df
        for doc_id, terms in per_doc.items():  # a batch holds whole documents
            self._n += min(len(self._doc_units[doc_id]), DF_CAP_PER_DOCUMENT)
            # df += min(n, cap): one count for every term, one more per level it reaches
            # (Counter.update over an iterable counts in C)
            df.update(terms.keys())
            again = [t for t, n in terms.items() if n > 1]
            for level in range(2, DF_CAP_PER_DOCUMENT + 1):
                if not again:
                    break
                df.update(again)
                again = [t for t in again if terms[t] > level]

    def _add_unit(
        self,
        doc_id: int,
        unit: UnitText,
        counts: dict[str, Counter[str]],
        lengths: dict[str, int],
        averages: dict[str, float],
    ) -> Iterable[str]:
        """Add one unit's postings; returns its terms."""
        uid = self._next_uid
        self._next_uid += 1
        unit.meta.uid = uid
        self._units[uid] = unit.meta
        self._doc_units[doc_id].append(uid)
        core = self._core
        weighted: dict[str, float] = {}
        # the longest field first, as one comprehension; the others added to it
        for name, counter in sorted(counts.items(), key=lambda kv: -lengths[kv[0]]):
            weight, b = FIELDS[name]
            factor = weight / (1.0 - b + b * lengths[name] / max(averages.get(name, 1.0), 1.0))
            if not weighted:
                weighted = {term: tf * factor for term, tf in counter.items()}
            else:
                get = weighted.get
                weighted.update({term: get(term, 0.0) + tf * factor
                                 for term, tf in counter.items()})
            if name in CORE_FIELDS:
                for term in counter:
                    ids = core.get(term)
                    if ids is None:
                        core[term] = array("i", (uid,))
                    elif ids[-1] != uid:
                        ids.append(uid)
        postings = self._postings
        scale = (K1 + 1.0) * IMPACT_SCALE
        impacts = [int(scale * tfw / (tfw + K1)) for tfw in weighted.values()]
        posting_of = postings.get
        for term, impact in zip(weighted, impacts, strict=True):
            p = posting_of(term)
            if p is None:
                p = postings[term] = _Postings()
                self._pending_terms.append(term)
            p.ids.append(uid)
            p.impacts.append(impact)
        return weighted.keys()

    def remove_document(self, doc_id: int) -> None:
        """Forget a document: its units become tombstones until :meth:`compact`."""
        uids = self._doc_units.pop(doc_id, [])
        if not uids:
            return
        lo, hi = min(uids), max(uids)  # a document's units are numbered consecutively
        self._n -= min(len(uids), DF_CAP_PER_DOCUMENT)
        for term, p in self._postings.items():
            ids = p.ids
            if not ids or ids[-1] < lo or ids[0] > hi:
                continue
            n = bisect.bisect_right(ids, hi) - bisect.bisect_left(ids, lo)
            if n:
                left = self._df[term] - min(n, DF_CAP_PER_DOCUMENT)
                if left > 0:
                    self._df[term] = left
                else:
                    del self._df[term]
        for uid in uids:
            meta = self._units.pop(uid, None)
            if meta is not None:
                self._dead.add(uid)
        if len(self._dead) > max(1000, len(self._units) // 10):
            self.compact()

    def compact(self) -> None:
        """Drop tombstoned units from the postings of the terms they used."""
        if not self._dead:
            return
        dead = self._dead
        for term in list(self._postings):
            p = self._postings[term]
            if dead.isdisjoint(p.ids):
                continue
            keep = [(u, w) for u, w in zip(p.ids, p.impacts, strict=True) if u not in dead]
            if keep:
                p.ids = array("i", (u for u, _ in keep))
                p.impacts = array("H", (w for _, w in keep))
            else:
                del self._postings[term]
        for term in list(self._core):
            core = self._core[term]
            if dead.isdisjoint(core):
                continue
            kept = array("i", (u for u in core if u not in dead))
            if kept:
                self._core[term] = kept
            else:
                del self._core[term]
        self._dead = set()
        self._reversed = sorted(t[::-1] for t in self._postings)
        self._forward = sorted(self._postings)
        self._pending_terms = []

    # ---- compounds --------------------------------------------------------------------

    def _sync_vocabulary(self) -> None:
        if not self._pending_terms:
            return
        if len(self._pending_terms) > 2000:
            self._reversed = sorted(t[::-1] for t in self._postings)
            self._forward = sorted(self._postings)
        else:
            for term in self._pending_terms:
                bisect.insort(self._reversed, term[::-1])
                bisect.insort(self._forward, term)
        self._pending_terms = []

    def compounds_starting_with(self, modifier: str, *, limit: int = 12) -> list[str]:
        """Indexed stems that begin with ``modifier`` and go on for at least a short word
        ("trille" → "trilledagtilbud", "trillekoncept"); none when more than ``limit``
        do, as then the modifier says too little."""
        if not self.compounds or len(modifier) < 4:
            return []
        return self.stems_starting_with(modifier, limit=limit, longer_by=4)

    def stems_starting_with(self, prefix: str, *, limit: int = 20,
                            longer_by: int = 0) -> list[str]:
        """Indexed stems that begin with ``prefix`` and are at least ``longer_by`` letters
        longer; none when more than ``limit`` are."""
        self._sync_vocabulary()
        lo = bisect.bisect_left(self._forward, prefix)
        found: list[str] = []
        for i in range(lo, len(self._forward)):  # by index: a slice would copy the tail
            term = self._forward[i]
            if not term.startswith(prefix):
                break
            if len(term) >= len(prefix) + longer_by and term in self._postings:
                found.append(term)
                if len(found) > limit:
                    return []
        return found

    def compounds_ending_with(self, head: str, *, limit: int = 40) -> list[str]:
        """Indexed stems that are compounds with ``head`` as their last part."""
        if not self.compounds or len(head) < 4 or head.isdigit():
            return []
        self._sync_vocabulary()
        rev = head[::-1]
        lo = bisect.bisect_left(self._reversed, rev)
        found: list[str] = []
        for i in range(lo, len(self._reversed)):
            cand = self._reversed[i]
            if not cand.startswith(rev):
                break
            term = cand[::-1]
            if term in self._postings and compound_head_match(term, head, known=self.knows):
                found.append(term)
        if len(found) > limit:
            found = heapq.nlargest(limit, found, key=self.postings_size)
        return found

    # ---- searching --------------------------------------------------------------------

    def prepare(self, concepts: list[Concept]) -> None:
        """Fill in each concept's IDF: its own stem's; for a word the minutes never use, that of
        its commonest other form or synonym ("lukker" → "lukning"); else the highest IDF."""
        for c in concepts:
            dfs = [self.df(v.stem) for v in c.variants if v.weight >= 1.0]
            df = max(dfs) if dfs else 0
            if df == 0:
                df = max((self.df(v.stem) for v in c.variants
                          if v.part < 0 and v.weight >= RELATED_WEIGHT), default=0)
            c.idf = self.idf(df)

    def search(
        self,
        concepts: list[Concept],
        *,
        limit: int = 20,
        where: SearchFilter | None = None,
        full_scan_df: int | None = None,
    ) -> list[Hit]:
        """The best units for ``concepts``, best first, with their coverage filled in."""
        live = [c for c in concepts if c.variants]
        if not live or not self._units:
            return []
        self.prepare(live)
        n = len(self._units)
        threshold = full_scan_df if full_scan_df is not None else max(2000, n // 8)
        ordered = sorted(live, key=lambda c: -c.idf)
        scores: dict[int, float] = {}
        for c in ordered:
            size = sum(self.postings_size(v.stem) for v in c.variants)
            if scores and size > threshold:
                self._rescore(c, scores)
            else:
                self._accumulate(c, scores)
        dead = self._dead
        units = self._units

        def allowed(uid: int) -> bool:
            return uid not in dead and (where is None or where.allows(units[uid]))

        top = heapq.nlargest(limit * 4, scores.items(), key=lambda kv: kv[1])
        picked = [(u, s) for u, s in top if allowed(u)][:limit]
        if len(picked) < limit and len(top) < len(scores):
            rest = sorted(scores.items(), key=lambda kv: -kv[1])
            picked = [(u, s) for u, s in rest if allowed(u)][:limit]
        hits = [Hit(self._units[u], s) for u, s in picked]
        self.fill_coverage(live, hits)
        return hits

    def _accumulate(self, c: Concept, scores: dict[int, float]) -> None:
        best: dict[int, float] = {}
        for v in c.variants:
            p = self._postings.get(v.stem)
            if p is None:
                continue
            w = v.weight / IMPACT_SCALE
            get = best.get
            for uid, imp in zip(p.ids, p.impacts, strict=True):
                val = w * imp
                if val > get(uid, 0.0):
                    best[uid] = val
        idf = c.idf
        get_score = scores.get
        for uid, val in best.items():
            scores[uid] = get_score(uid, 0.0) + idf * val

    def _rescore(self, c: Concept, scores: dict[int, float]) -> None:
        """A frequent concept only adds to units already found by rarer ones."""
        idf = c.idf
        for v in c.variants:
            p = self._postings.get(v.stem)
            if p is None:
                continue
            ids, imps = p.ids, p.impacts
            for uid in list(scores):
                i = bisect.bisect_left(ids, uid)
                if i < len(ids) and ids[i] == uid:
                    scores[uid] += idf * v.weight * imps[i] / IMPACT_SCALE

    @staticmethod
    def _in(table: Mapping[str, _Postings] | Mapping[str, array[int]], uid: int,
            stem: str) -> bool:
        found = table.get(stem)
        if found is None:
            return False
        ids = found.ids if isinstance(found, _Postings) else found
        return _contains(ids, uid)

    def fill_coverage(self, concepts: list[Concept], hits: list[Hit]) -> None:
        """Coverage: the IDF-weighted share of concepts a unit contains (anywhere / in core).
        Words that only frame the question (importance below 0.5: "besluttet", a date that
        is a filter) do not count, unless the question has nothing else."""
        weights = [coverage_weight(c, concepts) for c in concepts]
        total = sum(weights) or 1.0
        for hit in hits:
            got = core_got = 0.0
            in_unit = partial(self._in, self._postings, hit.unit.uid)
            in_core = partial(self._in, self._core, hit.unit.uid)
            for i, (c, weight) in enumerate(zip(concepts, weights, strict=True)):
                q = c.quality(in_unit)
                core_q = c.quality(in_core) if q else 0.0
                if q:
                    hit.matched[i] = q
                got += weight * q
                core_got += weight * core_q
            hit.coverage = got / total
            hit.core_coverage = core_got / total
