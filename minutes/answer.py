"""The question engine: a Danish question in, an extractive answer with citations out.

``from minutes.answer import QuestionEngine, Answer, Citation, Access`` is the API
the bot and the CLI use (the plain result types live in :mod:`minutes.answer_types`).

One :class:`QuestionEngine` per application. It keeps a search index of
everything ingested, in memory, and brings it up to date before each question
with one cheap query (the highest document id and the document count): new
documents are indexed, removed ones dropped, nothing else is rebuilt. Several
replicas on one PostgreSQL therefore see a new meeting at their next question.

Answering: understand the question (:mod:`minutes.question`), handle the
meeting-level kinds (chair, attendance, a whole meeting) from metadata, else
search, check that the best unit really covers the question (else decline),
and quote the decision or the sentence that carries the fact.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import multiprocessing
import os
import re
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from dataclasses import dataclass, replace

from minutes import corpus
from minutes.analysis import Analyzer
from minutes.answer_types import Access, Alternative, Answer, Citation
from minutes.corpus import DocInfo, ItemText, PassageText, SectionText, Watermark
from minutes.dates import MONTH_NAMES, format_danish_date
from minutes.extract import (
    HISTORY_WEIGHT,
    SECTION_WEIGHT,
    Block,
    Pick,
    SentencePicker,
    clip,
    decision_quote,
    fact_required,
    has_cause,
    reason_continued,
    recommendations,
    spelled_out,
    states_purpose,
)
from minutes.layouts.aarhus import ATTACHMENT_LABEL, UNPLACED_LABEL
from minutes.layouts.plain import LABEL_SEPARATOR
from minutes.model import SectionKind
from minutes.question import (
    POSTPONED,
    SCENE_WEIGHT,
    DateRange,
    Intent,
    Question,
    build_concepts,
    committee_core,
    is_season,
    meeting_month,
    understand,
)
from minutes.search import (
    Concept,
    FieldCounts,
    Hit,
    SearchFilter,
    SearchIndex,
    UnitMeta,
    UnitText,
    Variant,
    analyse_in_worker,
    analyse_units,
    coverage_weight,
)
from minutes.title_names import TitleNames
from storage.engine import Database

__all__ = ["Access", "Alternative", "Answer", "Citation", "QuestionEngine", "Thresholds"]


# the minutes' own items first; attachments and stray fragments are background
UNIT_PRIOR: dict[str, float] = {"item": 1.0, "text": 0.95, "attachment": 0.7,
                                "fragment": 0.5, "attendance": 0.5}
# what another page of the same attachment found counts this much: more than the coverage
# threshold (0.6), so a page with all but one of the question's words, and that word on
# another page, is read; at 0.6 the word weighed no more than its absence allows
DOCUMENT_COVERAGE = 0.67
SHORT_DECISION = 80  # a decision this short ("Indstilling godkendt.") gets its context
LOAD_DOCUMENTS = 200  # documents read from the store and indexed at a time
PARALLEL_DOCUMENTS = 1000  # from this many new documents on, worker processes analyse text
ANALYSED_AHEAD = 1  # slices of documents analysed by a worker ahead of the one being indexed
ALTERNATIVE_RATIO = 0.7  # an alternative ranks at least this close to the answer
NO_DESCRIPTION = 0.6  # rank of a unit that answers "hvad går X ud på" without a description
REASON_RATIO = 0.3  # a sentence that gives a reason, at least this close to the best match
CASE_REASON_EVIDENCE = 0.6  # ... or, when the item surely is about it, the case text's first
TITLE_ASKED = 2.0  # the question's topic is an item's whole title ("under Til orientering")
PASSAGE_WINDOW = 6000  # a passage longer than this is quoted from its chunk and around it


_ATTACHMENTS_ASKED = re.compile(r"\bbilag\w*", re.IGNORECASE)
# "Bilag/Punkt_96_Bilag_1_Opsamlingsnotat_….pdf": the file of an attachment named above it
_FILE_NAME_LINE = re.compile(r"^\s*\S*/\S+\.(?:pdf|docx?|xlsx?)\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When the engine answers. Calibrated on the development questions and on
    questions about topics the documents do not mention (tests/test_questions_*)."""

    coverage: float = 0.6  # share of the question's weight the unit must contain
    core: float = 0.45  # ... in title/decision/recommendation, for "hvad blev besluttet"
    evidence: float = 0.35  # share the quoted sentence (with the title) must carry
    decision_sentence: float = 0.8  # ... for a decision whose item names the topic only there
    candidates: int = 6  # units read again to pick the answer
    alternatives: int = 2


@dataclass(slots=True)
class _Found:
    hit: Hit
    info: DocInfo
    item: ItemText | None
    passage: PassageText | None
    pick: Pick | None
    rank: float
    siblings: list[Pick]


class QuestionEngine:
    """Answers questions about the minutes stored in ``db``."""

    def __init__(
        self,
        db: Database,
        *,
        compounds: bool = True,
        thresholds: Thresholds | None = None,
        refresh_interval: float = 0.0,
    ) -> None:
        self.db = db
        self.thresholds = thresholds or Thresholds()
        self.refresh_interval = refresh_interval
        self.analyzer = Analyzer()
        self.index = SearchIndex(self.analyzer, compounds=compounds)
        self._docs: dict[int, DocInfo] = {}
        self._committees: list[tuple[int, str]] = []
        self._names = TitleNames()
        self._watermark: Watermark | None = None
        self._checked_at = 0.0
        self._lock = asyncio.Lock()

    # ---- keeping up with the store ------------------------------------------------------

    async def refresh(self, *, force: bool = False) -> bool:
        """Index documents added since the last look and drop removed ones. True if changed."""
        now = time.monotonic()
        if not force and self._watermark is not None and \
                now - self._checked_at < self.refresh_interval:
            return False
        async with self._lock:
            async with self.db.sessions() as session:
                mark = await corpus.watermark(session)
                self._checked_at = time.monotonic()
                if mark == self._watermark:
                    return False
                stored = await corpus.document_ids(session)
                self._committees = await corpus.committees(session)
            for doc_id in set(self._docs) - stored:
                self.index.remove_document(doc_id)
                self._docs.pop(doc_id, None)
                self._names.remove(doc_id)
            new = sorted(stored - set(self._docs))
            if len(new) >= PARALLEL_DOCUMENTS and (os.cpu_count() or 1) > 1:
                await self._index_in_pipeline(new)
            else:
                for start in range(0, len(new), LOAD_DOCUMENTS):
                    infos, units = await self._load(new[start:start + LOAD_DOCUMENTS])
                    if sum(len(u) for u in units.values()) > 500:  # keep the event loop free
                        await asyncio.to_thread(self._add, units)
                    else:
                        self._add(units)
                    self._docs.update(infos)
            self._watermark = mark
            return True

    def _add(self, units: dict[int, list[UnitText]],
             analysed: Sequence[FieldCounts] | None = None) -> None:
        """Index documents' units, and the names in their titles."""
        self.index.add_documents(units, analysed)
        for doc_id, doc_units in units.items():
            self._names.add(doc_id, (u.fields["title"] for u in doc_units
                                     if "title" in u.fields))

    async def _load(
        self, doc_ids: list[int]
    ) -> tuple[dict[int, DocInfo], dict[int, list[UnitText]]]:
        async with self.db.sessions() as session:
            infos = await corpus.load_doc_infos(session, doc_ids)
            units = await corpus.load_units(session, infos)
        return infos, units

    async def _index_in_pipeline(self, new: list[int]) -> None:
        """Index many documents on two cores: while this process indexes one slice of
        documents, a worker process analyses the next (words, stems, counts) and the
        event loop reads the one after from the store."""
        loop = asyncio.get_running_loop()
        analyzer = self.analyzer
        try:
            pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        except (OSError, NotImplementedError):  # no processes here: one core it is
            pool = None

        def analyse(units: dict[int, list[UnitText]]) -> asyncio.Future[list[FieldCounts]]:
            fields = [u.fields for us in units.values() for u in us]
            if pool is not None:
                try:
                    return loop.run_in_executor(pool, analyse_in_worker, fields,
                                                analyzer.stop_words, analyzer.min_length)
                except BrokenExecutor:
                    pass
            return loop.run_in_executor(None, analyse_units, analyzer, fields)

        async def index(infos: dict[int, DocInfo], units: dict[int, list[UnitText]],
                        counted: asyncio.Future[list[FieldCounts]]) -> None:
            try:
                analysed: list[FieldCounts] | None = await counted
            except Exception:  # noqa: BLE001 - the worker failed (died, could not start): here
                analysed = None
            await asyncio.to_thread(self._add, units, analysed)
            self._docs.update(infos)

        try:
            # the worker analyses the next slice while this process indexes the current one
            ahead: deque[tuple[dict[int, DocInfo], dict[int, list[UnitText]],
                               asyncio.Future[list[FieldCounts]]]] = deque()
            indexing: asyncio.Task[None] | None = None
            for start in range(0, len(new), LOAD_DOCUMENTS):
                infos, units = await self._load(new[start:start + LOAD_DOCUMENTS])
                ahead.append((infos, units, analyse(units)))
                if len(ahead) > ANALYSED_AHEAD:
                    if indexing is not None:
                        await indexing
                    indexing = asyncio.create_task(index(*ahead.popleft()))
            while ahead:
                if indexing is not None:
                    await indexing
                indexing = asyncio.create_task(index(*ahead.popleft()))
            if indexing is not None:
                await indexing
        finally:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)

    @property
    def documents(self) -> dict[int, DocInfo]:
        return dict(self._docs)

    # ---- answering ----------------------------------------------------------------------

    async def answer(
        self, question: str, *, today: dt.date | None = None, access: Access | None = None
    ) -> Answer:
        access = access or Access.everything()
        today = today or dt.date.today()
        await self.refresh()
        q = self._understand(question, today=today)
        answer = await self._answer(q, today=today, access=access)
        if q.second:
            # two questions in one: the second is answered too, after what the first says
            # ("Hvad går Styrke på Tværs ud på, og hvilken aldersgruppe er det målrettet?")
            second = self._understand(q.second, today=today, told=f"{q.said} {q.text}".strip())
            also = await self._answer(second, today=today, access=access)
            if not also.answered:
                answer = replace(answer, text=f"{answer.text}\nDu spurgte også «{q.second}», "
                                              "men det fandt jeg intet svar på.")
            elif more := _not_shown(also.text, answer.text):
                answer = replace(
                    answer, answered=True, text=f"{answer.text}\n\n{more}",
                    citations=answer.citations + tuple(
                        c for c in also.citations if c not in answer.citations),
                    item_id=answer.item_id if answer.answered else also.item_id)
            if second.second:  # a third is not answered
                answer = replace(answer, text=f"{answer.text}\nDu spurgte også «{second.second}»"
                                              " – stil det gerne som et spørgsmål for sig.")
        return answer

    def _understand(self, question: str, *, today: dt.date, told: str = "") -> Question:
        return understand(question, self.analyzer, today=today, committees=self._committees,
                          municipalities={i.municipality for i in self._docs.values()
                                          if i.municipality},
                          knows=self.index.knows, df=self.index.df, titled=self._names.find,
                          told=told)

    async def _answer(self, q: Question, *, today: dt.date, access: Access) -> Answer:
        if not q.tokens and q.dates is None and not q.items:
            return Answer(False, "Skriv et spørgsmål om referaterne, fx «Hvad besluttede "
                          "udvalget om dialogmøderne?»", intent=q.intent.value)
        if q.dates is not None and q.dates.latest:
            q = self._resolve_latest(q, today)
        elif q.dates is not None and q.dates.yearless:
            q = self._resolve_yearless(q, today)
        if q.intent is Intent.CHAIR:
            return self._chair(q)
        if q.intent is Intent.ATTENDANCE:
            found = await self._attendance(q)
            if found is not None:
                return found
            q = replace(q, intent=Intent.PERSON)
        if q.items and (not q.tokens or q.intent is Intent.OVERVIEW):
            return await self._items_named(q, access)  # "Hvad blev besluttet i punkt 97?"
        if q.intent is Intent.OVERVIEW:
            return await self._overview(q, access)
        concepts = build_concepts(q, self.index)
        framed_only = not any(c.importance >= 0.5 for c in concepts)
        if framed_only:
            if q.items:  # "Hvad blev besluttet under punkt 97?": that item's decision
                return await self._items_named(q, access)
            if q.intent is not Intent.DECISION or len(concepts) < 2:
                return self._abstain(q)
            # "Blev referatet godkendt?": the framing words are all there is; an item whose
            # title says no more than they do ("Godkendelse af referat") answers
            concepts = [replace(c, importance=1.0) for c in concepts]
        where = SearchFilter(
            date_from=q.dates.start if q.dates else None,
            date_to=q.dates.end if q.dates else None,
            committee_ids=q.committee_ids,
            doc_ids=frozenset(d for d, i in self._docs.items()
                              if i.municipality in q.municipalities)
            if q.municipalities else None,
            include_undated=False,
            closed_committees=access.closed_committees,
        )
        # a month of no meeting (see _resolve_yearless) is searched only as the topic
        found_list = [] if _month_only(q.dates) else await self._find(q, concepts, where)
        if not found_list and q.dates is not None:
            # the date may be the topic ("udvalgsmødet den 3. marts 2021"): search without
            # it, and accept only units that mention the date themselves (undated ones too)
            loose = replace(where, date_from=None, date_to=None)
            # the date is then the topic: its words weigh like the question's strongest
            strongest = max((c.idf for c in concepts if c.importance >= 1.0), default=1.0)
            # (a season is said by its months too, "i foråret 2021" ~ "i marts 2021"; a
            # meeting by its month, "septembermødet" ~ "September: Møde for …")
            topical = [replace(c, importance=max(1.0, strongest / max(c.idf, 0.1)),
                               in_coverage=False, variants=c.variants + [
                                   Variant(self.analyzer.stem(m), 1.0)
                                   for m in _months_of(c.surface, q.dates)])
                       if c.surface in q.date_terms else c for c in concepts]
            found_list = await self._find(q, topical, loose, must_match=q.date_terms)
            if (said := _season_said(q)) is not None:  # that season of that year, not any
                found_list = [f for f in found_list
                              if said.search(_text_of(f.item, f.passage).lower())]
        if not found_list and q.scene:
            # the scene's words ("Vi er i bestyrelsen meget optaget af de mindste – hvilken
            # aldersgruppe er Styrke på Tværs målrettet?") fill the search with what they
            # name: the question's own words alone, when they name its topic (not "… – hvor
            # meget har kommunen investeret i projektet?"), without the minor ones either
            own = [c for c in concepts if c.importance > SCENE_WEIGHT or (
                c.importance == SCENE_WEIGHT and c.surface not in q.scene)]
            if any(c.name for c in own) and any(
                    c.surface in q.scene and c.importance <= SCENE_WEIGHT for c in concepts):
                found_list = await self._find(q, own, where)
        if not found_list and q.committee_ids is not None:
            # "Hvornår holdt Udvalget for Læring temadag …?": a plan filed under no
            # committee, in the committee's municipality, may tell what the committee did
            towns = {i.municipality for i in self._docs.values()
                     if i.committee_id in q.committee_ids}
            plans = frozenset(d for d, i in self._docs.items()
                              if i.committee_id is None and i.municipality in towns)
            if plans and q.committee_label:
                core = committee_core(q.committee_label)
                found_list = [f for f in await self._find(q, concepts, replace(
                    where, committee_ids=None, doc_ids=plans, include_undated=True))
                    if core in _text_of(f.item, f.passage).lower()]  # names the committee
        if framed_only:
            asked = {v.stem for c in concepts for v in c.variants}
            found_list = [f for f in found_list if f.item is not None and asked.issuperset(
                t for t in self.analyzer.term_set(f.item.title) if not t.isdigit())]
        if not found_list:
            missing = self._missing_topic(q, concepts)
            what = "datoen" if q.day else "hvad den viste" if q.findings \
                else "tallet" if q.measured else "hvem der blev valgt" if q.chosen \
                else _FACT_NAMES.get(q.intent)
            if what is not None and q.topic and missing == q.topic \
                    and await self._mentioned(concepts, where):
                # the topic is there, the fact asked for is not: say so rather than "nothing"
                source = f" fra {q.committee_label}" if q.committee_label else ""
                return self._abstain(q, f"Jeg fandt intet svar i referaterne{source}"
                                        f"{self._when(q)}: de nævner «{q.topic}», men ikke {what}.")
            return self._abstain(replace(q, topic=missing))
        council = _COUNCIL_DECIDED.match(q.text.lower()) if q.intent is Intent.DECISION \
            else None
        best = found_list[0]
        if council is not None and best.item is not None and best.item.decision is not None \
                and not any(_COUNCIL_MEETING.search(f.info.committee or "") for f in found_list):
            # "Hvad besluttede byrådet …?" answered by a committee that only recommended:
            # the council's decision is not in these minutes; say what the committee did
            decided = decision_quote(best.item.decision.text, limit=300)
            return Answer(False, f"Referaterne har ikke {council.group(1)}s "
                                 f"beslutning, kun udvalgets: »{decided}« "
                                 f"({self._heading(best).rstrip(':')}).", (), (),
                          q.intent.value)
        if q.intent is Intent.TIME and (when := _COUNCIL_WHEN.search(q.text.lower())) \
                and best.pick is not None and not _COUNCIL_APPROVED.search(best.pick.quote) \
                and not _COUNCIL_MEETING.search(best.info.committee or ""):
            # "Hvornår godkendte byrådet X?" answered by a date the council's approval is not
            # said of (the committee's meeting, a theme day): the minutes do not tell it
            verb = next(g for g in when.groups() if g)
            verb = _PAST.get(verb, verb)  # "hvornår byrådet godkendte det"
            who = "kommunalbestyrelsen" if "kommunalbestyrelsen" in when.group() else "byrådet"
            return Answer(False, f"Referaterne siger ikke, hvornår {who} {verb} det; det "
                                 f"nærmeste, jeg fandt, er: »{best.pick.quote}« "
                                 f"({self._heading(best).rstrip(':')}).", (), (), q.intent.value)
        if q.intent is Intent.REASON and (unexplained := self._no_reason(q, best)) is not None:
            return unexplained
        if q.outcome and (told := self._only_the_plan(q, best)) is not None:
            return Answer(False, told, (), (), q.intent.value)
        return self._compose(q, found_list)

    def _only_the_plan(self, q: Question, best: _Found) -> str | None:
        """"Fik vi pengene?" answered by the proposal to apply, or "Hvad kom der ud af
        dialogmødet den 5. marts?" by minutes of the 2nd: the minutes cannot say how it
        turned out. The Danish reply that says so and quotes what they do say, or None."""
        heading = self._heading(best).rstrip(":")
        meeting = best.info.meeting_date
        pick = best.pick
        said = best.item.decision if q.intent is Intent.DECISION and best.item else None
        quote = decision_quote(said.text) if said is not None else \
            pick.quote if pick is not None else None
        if q.dates is not None and q.dates.start is not None and meeting is not None \
                and q.dates.start > meeting and quote is not None:
            return (f"Referaterne kan ikke sige, hvordan det gik: det seneste, jeg fandt om "
                    f"det, er fra mødet {format_danish_date(meeting)}, før {q.dates.label}: "
                    f"»{quote}« ({heading}).")
        if q.intent is Intent.DECISION or pick is None:
            return None
        if pick.block.kind == SectionKind.INDSTILLING.value or (
                _PLANNED.search(pick.quote) and not _REPORTED.search(pick.quote)):
            asked = "hvad det viste" if q.findings else "hvordan det endte"
            return (f"Referaterne siger ikke, {asked}, kun hvad der var lagt op "
                    f"til: »{pick.quote}« ({heading}).")
        return None

    def _no_reason(self, q: Question, best: _Found) -> Answer | None:
        """"Hvorfor blev X udskudt i februar 2020?" about an item whose history has only the
        decision of that meeting ("Punktet udskydes til senere møde."), and no reason: the
        answer that says so and quotes (and cites) that decision, or None."""
        if best.item is None or (best.pick is not None
                                 and _gives_reason(q, best.pick.quote)):
            return None
        earlier = _earlier_decision(best.item, q)
        if earlier is None:
            return None
        quote = decision_quote(earlier.text)
        # "Hvorfor blev punktet ikke behandlet?" learns that it was postponed; "Hvorfor blev
        # punktet udskudt?" knew that already, and is not answered by it
        answered = not (POSTPONED.search(quote) and POSTPONED.search(q.text))
        return Answer(answered, f"Referatet giver ingen begrundelse, kun beslutningen den "
                            f"{_earlier_day(earlier, q)}: »{quote}« "
                            f"({self._heading(best).rstrip(':')}).",
                      (self._cite(best, earlier.heading, quote),) if answered else (), (),
                      q.intent.value,
                      best.item.item_id)

    async def _mentioned(self, concepts: list[Concept], where: SearchFilter) -> bool:
        """Do the minutes cover the question's words (in the searched meetings)?"""
        async with self._lock:
            hits = self.index.search(concepts, limit=5, where=where)
        return any(h.coverage >= self.thresholds.coverage for h in hits)

    def _missing_topic(self, q: Question, concepts: list[Concept]) -> str:
        """The words to name when declining: those the minutes never use, if any."""
        unknown = [c.surface for c in concepts if c.importance >= 0.5
                   and all(self.index.df(v.stem) == 0 for v in c.variants)]
        return " ".join(dict.fromkeys(unknown)) or q.topic

    def _resolve_latest(self, q: Question, today: dt.date) -> Question:
        dated = [i for i in self._meetings(q, dated=False) if i.meeting_date
                 and i.meeting_date <= today]
        if not dated:
            return q
        last = max(i.meeting_date for i in dated if i.meeting_date)
        return replace(q, dates=DateRange(last, last, format_danish_date(last), explicit=True))

    def _resolve_yearless(self, q: Question, today: dt.date) -> Question:
        """"Jeg var ikke med i april": the latest April with a meeting, not simply the
        latest April, when the minutes have none in that one."""
        dates = q.dates
        if dates is None or dates.start is None or dates.end is None or self._meetings(q):
            return q
        held = [i.meeting_date for i in self._meetings(q, dated=False)
                if i.meeting_date is not None and i.meeting_date <= today]
        for years_back in range(1, 1 + max((dates.start.year - d.year for d in held),
                                           default=0)):
            try:
                start = dates.start.replace(year=dates.start.year - years_back)
                end = dates.end.replace(year=dates.end.year - years_back)
            except ValueError:  # 29 February
                continue
            if any(start <= d <= end for d in held):
                label = dates.label.replace(str(dates.start.year), str(start.year))
                return replace(q, dates=replace(dates, start=start, end=end, label=label))
        if q.tokens and not q.whole_meeting and dates.start.day == 1 \
                and dates.end.month == dates.start.month and dates.end.day >= 28:
            # no meeting in that month of any year: a month named with a topic may be an
            # earlier meeting the item's history records ("hvorfor blev punktet ikke
            # behandlet i februar?"), so the month limits no search
            month = MONTH_NAMES[dates.start.month - 1]
            return replace(q, dates=DateRange(None, None, month, yearless=True))
        return q

    def _meetings(self, q: Question, *, dated: bool = True) -> list[DocInfo]:
        """The meetings the question is about (its committee, municipality and dates)."""
        out = [i for i in self._docs.values() if i.meeting_id is not None
               and (q.committee_ids is None or i.committee_id in q.committee_ids)
               and (q.municipalities is None or i.municipality in q.municipalities)
               and (not dated or q.dates is None or q.dates.contains(i.meeting_date))]
        return sorted(out, key=lambda i: (i.meeting_date or dt.date.min, i.doc_id))

    # ---- search and pick ------------------------------------------------------------------

    async def _find(
        self,
        q: Question,
        concepts: list[Concept],
        where: SearchFilter,
        *,
        must_match: frozenset[str] = frozenset(),
    ) -> list[_Found]:
        t = self.thresholds
        async with self._lock:
            hits = self.index.search(concepts, limit=30, where=where)
            if must_match:
                need = [i for i, c in enumerate(concepts) if c.surface in must_match]
                hits = [h for h in hits if all(i in h.matched for i in need)]
            _cover_by_document(concepts, hits, *self._plans(concepts, hits))
        hits = [h for h in hits if h.coverage >= t.coverage]
        if q.intent is Intent.DECISION:
            hits = [h for h in hits if h.unit.kind == "item"]
        if not hits:
            return []
        top = max(h.score for h in hits)
        hits.sort(key=lambda h: -(h.score / top) * (0.5 + h.coverage))
        hits = _distinct(hits)[: t.candidates]
        async with self.db.sessions() as session:
            items = await corpus.fetch_items(
                session, [h.unit.row_id for h in hits if h.unit.kind == "item"])
            passages = await corpus.fetch_passages(
                session, [h.unit.row_id for h in hits if h.unit.kind == "passage"])
        picker = SentencePicker(self.analyzer, concepts, q.intent, counted=q.counted,
                                measured=q.measured, since=q.since, day=q.day, money=q.money,
                                chosen=q.chosen, costed=q.costed, budget_years=q.budget_years,
                                part_asked=q.part_asked, event=q.event, returns=q.returns,
                                rate=q.rate, shown_by=q.shown_by, judged=q.judged,
                                before_now=q.before_now, after_now=q.after_now,
                                compared=q.compared, years_for=q.years_for,
                                claim=q.claim,
                                purpose=q.purpose, aim=q.aim,
                                difference=q.difference,
                                named=q.wants_name,
                                name_asked=q.name_asked,
                                listed=q.listed,
                                singled_out=q.singled_out,
                                focus=q.focus, known=self.index.knows,
                                compounds=self.index.compounds)
        content = [{v.stem for v in c.variants} for c in concepts if c.importance >= 0.5]
        found: list[_Found] = []
        for h in hits:
            info = self._docs.get(h.unit.doc_id)
            if info is None:
                continue
            item = items.get(h.unit.row_id) if h.unit.kind == "item" else None
            passage = passages.get(h.unit.row_id) if h.unit.kind == "passage" else None
            if item is None and passage is None:
                continue
            if q.school_years and not _has_school_years(q.school_years, item, passage):
                continue  # "kvalitetsrapporten 2021-22" is not the report for 2019-20
            pick, evidence, siblings = self._best_pick(q, picker, h, item, passage)
            if pick is None and q.intent is not Intent.DECISION:
                continue
            if q.intent is not Intent.DECISION and evidence < t.evidence:
                continue
            # a decision is about what its item is about: the title, the recommendation or
            # the decision name the topic, or one sentence of the case holds all of it
            if q.intent is Intent.DECISION and h.core_coverage < t.core and (
                    pick is None or pick.evidence < t.decision_sentence
                    or item is None or not _decides_a_proposal(item)):
                continue
            prior = UNIT_PRIOR.get(h.unit.passage_kind or h.unit.kind, 1.0)
            # a fact said of something else ("data halvårligt" for "hvor tit") ranks lower
            support = evidence * (0.5 + 0.5 * pick.strength) \
                if pick is not None and fact_required(q.intent) else evidence
            rank = prior * (0.5 * h.score / top * (0.5 + h.coverage) + 0.5 * support)
            if item is not None and _is_title(self.analyzer.term_set(item.title), content):
                rank *= TITLE_ASKED
            if q.intent is Intent.REASON and (
                    pick is None or not _gives_reason(q, pick.quote)) \
                    and (item is None or _earlier_decision(item, q) is None):
                continue  # "hvorfor": only a unit that gives a reason answers, or the
                # decision of the earlier meeting asked about ("udskudt i februar 2020")
            if q.intent is Intent.DESCRIBE and (pick is None or not pick.fact):
                rank *= NO_DESCRIPTION  # "hvad går X ud på": a description comes first
            found.append(_Found(h, info, item, passage, pick, rank, siblings))
        found.sort(key=lambda f: -f.rank)
        if q.years_compared and found and (found[0].pick is None or not any(
                y in found[0].pick.quote for y in q.years_compared)):
            return []  # "i 2020 sammenlignet med 2019": a number of neither year is none (and
            # a weaker unit that names a year is about something else)
        if q.items and any(_number(f) in q.items for f in found):
            # "under punkt 95": the item named by number comes first
            found.sort(key=lambda f: _number(f) not in q.items)
        return found

    def _plans(self, concepts: list[Concept], hits: list[Hit]
               ) -> tuple[list[Hit], dict[int, tuple[int, str]]]:
        """The sections of the plans (documents without items) that ``hits`` are from, with
        what of ``concepts`` each holds; and each plan's introduction, its first chapter."""
        plans = {h.unit.doc_id for h in hits if h.unit.passage_kind == "text"}
        seen = {h.unit.uid for h in hits}
        mates: list[Hit] = []
        intros: dict[int, tuple[int, str]] = {}
        for doc_id in plans:
            units = [(u, c) for u in self.index.units_of(doc_id)
                     if (c := _chapter(u)) is not None]
            if units:
                intros[doc_id] = units[0][1]
            mates += [Hit(u, 0.0) for u, _ in units if u.uid not in seen]
        self.index.fill_coverage(concepts, mates)
        return mates, intros

    def _best_pick(
        self,
        q: Question,
        picker: SentencePicker,
        hit: Hit,
        item: ItemText | None,
        passage: PassageText | None,
    ) -> tuple[Pick | None, float, list[Pick]]:
        if item is not None:
            # the list of attachments names documents; it answers only a question about them,
            # and alone "hvilke bilag hørte til punktet?"
            attachments = _ATTACHMENTS_ASKED.search(q.text) is not None
            # "Hvem deltager i dialogmødet …?" answered by a decision ("Alle udvalgsmedlemmer
            # deltager.") about what the item's theme lists, in the question's words
            asked = {t.stem for t in q.tokens} - q.generic
            who = q.intent is Intent.PERSON and any(
                asked & self.analyzer.term_set(s.text) for s in item.sections
                if s.kind == SectionKind.BESLUTNING.value)
            theme = " ".join(s.text for s in item.sections if not s.is_history and s.kind in {
                SectionKind.BESLUTNINGSTEMA.value, SectionKind.INDSTILLING.value}) if who else ""
            blocks = [
                Block(_without_file_names(s.text) if s.kind == SectionKind.BILAG.value
                      else s.text, s.name, s.kind,
                      HISTORY_WEIGHT if s.is_history else SECTION_WEIGHT.get(s.kind, 0.8),
                      about=theme if s.kind == SectionKind.BESLUTNING.value
                      and not s.is_history else "")
                for s in item.sections if s.text.strip()
                and (attachments or s.kind != SectionKind.BILAG.value)
            ]
            context = item.title
            if q.attachments and any(b.kind == SectionKind.BILAG.value for b in blocks):
                blocks = [b for b in blocks if b.kind == SectionKind.BILAG.value]
                context = f"{item.title}\n{blocks[0].name or ''}"  # "Bilag" is what it lists
            # "UPU" is named only by the item's attachment "UPU oplæg udvalgLæring"
            aside = "\n".join(_without_file_names(s.text) for s in item.sections
                              if s.kind == SectionKind.BILAG.value)
        else:
            assert passage is not None
            start, end = hit.unit.span or (0, len(passage.text))
            if len(passage.text) <= PASSAGE_WINDOW:
                start, end = 0, len(passage.text)
            else:
                start, end = max(0, start - 1500), min(len(passage.text), end + 1500)
            blocks = [Block(passage.text[start:end], passage.label, None, 0.9)]
            context = passage.label or ""
            aside = ""
        if q.intent is Intent.DECISION and item is not None:
            core = " ".join([item.title, *(s.text for s in item.sections
                                           if s.kind in {"beslutning", "beslutningstema",
                                                         "indstilling"} and not s.is_history)])
            # the sentence that says what a short decision ("Indstilling godkendt.") approved
            others = [b for b in blocks if b.kind != "beslutning"]
            explained = picker.picks(others, item.title)
            return (explained[0] if explained else None), picker.evidence(core), []
        picks = picker.picks(blocks, context, aside=aside)
        if fact_required(q.intent) or q.intent is Intent.PERSON or q.listed or q.chosen \
                or q.contrasted:
            # "hvem": someone named; "hvilke fire …": a list; "bedre eller dårligere end
            # landsgennemsnittet": a comparison
            picks = [p for p in picks if p.fact]
        if not picks:
            return None, 0.0, []
        if q.intent is Intent.REASON and q.aim and not states_purpose(picks[0].quote) and (
                aims := [p for p in picks if states_purpose(p.quote)
                         and p.score >= REASON_RATIO * picks[0].score]
                or [p for p in picks if states_purpose(p.quote, in_passing=True)
                    and p.score >= REASON_RATIO * picks[0].score]):
            # "hvad skal X opnå": "Formålet med dette projekt er, at …", before a cause said
            # in passing ("af psykosociale årsager")
            return aims[0], picks[0].evidence, reason_continued(aims[0])
        if q.intent is Intent.REASON and not _gives_reason(q, picks[0].quote):
            # the best match restates what is asked ("deltager ikke i flere initiativer");
            # the reason is a sentence of the same case that gives one
            reasons = [p for p in picks if _gives_reason(q, p.quote)
                       and p.score >= REASON_RATIO * picks[0].score]
            if reasons:
                return reasons[0], picks[0].evidence, reason_continued(reasons[0])
            # the item is about it, and its case text says why in its own words first
            # ("Siden budgetaftalen … er der sket en tilvækst …, hvilket medfører, at …")
            case = [i for i, p in enumerate(picks) if _gives_reason(q, p.quote)
                    and p.block.kind == SectionKind.SAGSFREMSTILLING.value]
            if item is not None and case and picks[0].evidence >= CASE_REASON_EVIDENCE:
                first = min(case, key=lambda i: picks[i].span.start)
                return picks[first], picks[0].evidence, reason_continued(picks[first])
        if q.intent is Intent.REASON:
            return picks[0], picks[0].evidence, reason_continued(picks[0])
        return picks[0], picks[0].evidence, picker.siblings(picks[0], picks)

    # ---- composing ----------------------------------------------------------------------------

    def _compose(self, q: Question, found: list[_Found]) -> Answer:
        best = found[0]
        alternatives = self._alternatives(best, found[1:])
        head = self._heading(best)
        citations: list[Citation] = []
        lines = [head]
        item = best.item
        if q.intent is Intent.DECISION and item is not None:
            earlier = _earlier_decision(item, q)
            decision = earlier or item.decision
            rec = next((s for s in item.sections if s.kind == "indstilling"
                        and not s.is_history and s.text.strip()), None)
            if q.recommendation and earlier is None \
                    and (recommended := _recommendation(item, rec)) is not None:
                # "hvad var indstillingen": the recommendation, then what was decided on it
                rec_name, rec_quote = recommended
                lines.append(f"Indstilling: »{rec_quote}«")
                citations.append(self._cite(best, rec_name, rec_quote))
            if decision is not None and decision.text.strip(" .\n"):
                quote = decision_quote(decision.text)
                if earlier is not None:
                    assert q.dates is not None  # an earlier decision is found by its day
                    # "på udvalgsmødet den 3. februar 2020": the decision the item's history
                    # gives for that meeting, not this meeting's
                    lines.append(f"Beslutning den {_earlier_day(earlier, q)}: »{quote}«")
                    citations.append(self._cite(best, earlier.name, quote))
                else:
                    lines.append(f"Beslutning: »{quote}«")
                    citations.append(self._cite(best, "Beslutning", quote))
                pick = None if earlier is not None or q.recommendation else best.pick
                named_in_case = best.hit.core_coverage < self.thresholds.core
                if (len(quote) <= SHORT_DECISION or named_in_case) and pick is not None \
                        and pick.evidence >= self.thresholds.evidence:
                    lines.append(f"Af sagen: »{pick.quote}« ({pick.block.name})")
                    citations.append(self._cite(best, pick.block.name, pick.quote))
            else:
                lines.append("Referatet har ingen beslutning skrevet under punktet.")
                if rec is not None and not q.recommendation:
                    quote = clip(rec.text, 500)
                    lines.append(f"Indstillingen var: »{quote}«")
                    citations.append(self._cite(best, rec.name, quote))
                elif not citations:
                    quote = clip(item.title, 300)
                    citations.append(self._cite(best, None, quote))
        else:
            pick = best.pick
            assert pick is not None
            extra = [p.quote.rsplit(" … ", 1)[-1] for p in best.siblings]
            quote = " … ".join([pick.quote, *extra])
            section = pick.block.name
            origin = f" ({section})" if section and item is not None else ""
            lines.append(f"»{quote}«{origin}")
            citations.append(self._cite(best, section, quote))
            unit = [s.text for s in item.sections] if item is not None else (
                [best.passage.text] if best.passage is not None else [])
            if spelled := spelled_out(quote, unit):
                lines.append("Forkortelser: " + "; ".join(f"{a} = {n}" for a, n in spelled) + ".")
            if item is not None and pick.block.kind != "beslutning":
                decision = item.decision
                if decision is not None and decision.text.strip(" .\n"):
                    dq = decision_quote(decision.text, limit=400)
                    lines.append(f"Beslutning: »{dq}«")
                    citations.append(self._cite(best, "Beslutning", dq))
        if alternatives:
            lines.append("Mente du i stedet: "
                         + "; ".join(a.describe() for a in alternatives) + "?")
        return Answer(True, "\n".join(lines), tuple(citations), alternatives, q.intent.value,
                      item.item_id if item is not None else None)

    def _heading(self, f: _Found) -> str:
        info = f.info
        where = ", ".join(p for p in (info.committee, info.municipality) if p)
        when = f"mødet {format_danish_date(info.meeting_date)}" if info.meeting_date else (
            "mødet (dato ikke angivet)" if info.meeting_id is not None else None)
        if f.item is not None:
            closed = " (lukket punkt)" if f.item.closed else ""
            what = f"punkt {f.item.number}: {f.item.title}{closed}"
        else:
            assert f.passage is not None
            kind = "bilag" if f.passage.kind == "attachment" else "afsnit"
            what = f"{kind} «{f.passage.label or info.title or info.file_name}»"
        parts = [p for p in (where, when, what) if p]
        return " – ".join(parts) + ":"

    def _cite(self, f: _Found, section: str | None, quote: str) -> Citation:
        info = f.info
        number = _number(f)
        title = f.item.title if f.item is not None else None
        if f.item is None and f.passage is not None and section is None:
            section = f.passage.label
        return Citation(info.file_name, info.municipality, info.committee, info.meeting_date,
                        number, title, section, quote)

    def _alternatives(self, best: _Found, rest: list[_Found]) -> tuple[Alternative, ...]:
        """The next best items, when they answer nearly as well (for "mente du …")."""
        out: list[Alternative] = []
        seen = {self._alternative(best)}
        for f in rest:
            alt = self._alternative(f)
            if f.rank < ALTERNATIVE_RATIO * best.rank or alt in seen:
                continue
            seen.add(alt)
            out.append(alt)
            if len(out) >= self.thresholds.alternatives:
                break
        return tuple(out)

    def _alternative(self, f: _Found) -> Alternative:
        info = f.info
        if f.item is not None:
            return Alternative(info.file_name, info.committee, info.meeting_date,
                               f.item.number, f.item.title, f.item.item_id)
        label = f.passage.label if f.passage is not None else None
        return Alternative(info.file_name, info.committee, info.meeting_date, None, label)

    def _when(self, q: Question, *, day: str = "på mødet") -> str:
        """The question's dates as a phrase: " i november 2020", " på mødet 2. marts 2020"."""
        if q.dates is None:
            return ""
        label = q.dates.label
        if q.dates.start is not None and q.dates.start == q.dates.end:
            return f" {day} {label}"
        if re.match(r"\d{1,2}\.-", label):  # "5.-6. marts 2020"
            return f" {'den' if day == 'den' else 'i dagene'} {label}"
        if label.split(" ", 1)[0] in {"fra", "før", "efter", "siden", "inden", "sidste", "i",
                                      "det", "de", "frem"}:
            return f" {label}"
        return f" i {label}"

    def _searched(self, q: Question) -> str:
        """What was searched, in Danish: the meetings and their date range."""
        where = f" i {q.committee_label}" if q.committee_label else (
            " i " + " og ".join(sorted(q.municipalities)) if q.municipalities else "")
        meetings = [i for i in self._meetings(q) if i.meeting_date]
        if not meetings:
            every = [i for i in self._meetings(q, dated=False) if i.meeting_date]
            if not every:
                scoped = [i for i in self._docs.values() if q.municipalities is None
                          or i.municipality in q.municipalities]
                if not scoped:
                    return "Der er ingen referater endnu."
                n = "1 dokument" if len(scoped) == 1 else f"{len(scoped)} dokumenter"
                return f"Jeg søgte i {n}{where} (uden mødedato)."
            first, last = every[0].meeting_date, every[-1].meeting_date
            assert first is not None and last is not None
            return (f"Referaterne har ingen møder{where}{self._when(q, day='den')}; de dækker "
                    f"{format_danish_date(first)} til {format_danish_date(last)}.")
        first, last = meetings[0].meeting_date, meetings[-1].meeting_date
        assert first is not None and last is not None
        span = "1 møde" if len(meetings) == 1 else f"{len(meetings)} møder"
        rng = format_danish_date(first) if first == last else \
            f"fra {format_danish_date(first)} til {format_danish_date(last)}"
        text = f"Jeg søgte i {span}{where} {rng}"
        if q.dates is None and q.committee_ids is None and q.municipalities is None \
                and len(self._docs) > len(meetings):  # documents without a meeting too
            text += f" og {len(self._docs)} dokumenter i alt"
        return text + "."

    def _abstain(self, q: Question, text: str | None = None) -> Answer:
        if text is None:
            topic = f" om «{q.topic}»" if q.topic else ""
            where = f" fra {q.committee_label}" if q.committee_label else ""
            text = f"Jeg fandt intet i referaterne{where}{topic}{self._when(q)}."
        return Answer(False, f"{text} {self._searched(q)}", (), (), q.intent.value)

    # ---- meeting-level questions --------------------------------------------------------

    def _chair(self, q: Question) -> Answer:
        meetings = [i for i in self._meetings(q) if i.chair]
        if not meetings or q.unknown_committee:
            return self._abstain(q, "Jeg fandt ikke formanden for det udvalg i referaterne.")
        if q.dates is None:
            latest = meetings[-1]
            meetings = [latest]
        by_chair: dict[str, list[DocInfo]] = {}
        for m in meetings:
            assert m.chair is not None
            by_chair.setdefault(m.chair, []).append(m)
        lines: list[str] = []
        citations: list[Citation] = []
        for chair, ms in by_chair.items():
            committee = ms[-1].committee or "udvalget"
            dates = ", ".join(format_danish_date(m.meeting_date) for m in ms if m.meeting_date)
            when = f" på mødet {dates}" if len(ms) == 1 else f" på møderne {dates}"
            lines.append(f"Formand for {committee}{when if dates else ''} var {chair}.")
            for m in ms[-1:]:
                citations.append(Citation(m.file_name, m.municipality, m.committee,
                                          m.meeting_date, None, None, "Formand", chair))
        return Answer(True, "\n".join(lines), tuple(citations), (), q.intent.value)

    async def _attendance(self, q: Question) -> Answer | None:
        meetings = self._meetings(q)
        if not meetings:
            return None
        m = meetings[-1]
        assert m.meeting_id is not None
        async with self.db.sessions() as session:
            people = await corpus.attendees(session, m.meeting_id)
        if not people:
            return None
        present = [n for n, p in people if p]
        absent = [n for n, p in people if not p]
        when = format_danish_date(m.meeting_date) if m.meeting_date else "(dato ikke angivet)"
        lines = [f"{m.committee or 'Mødet'} – mødet {when}:"]
        if present:
            lines.append("Til stede: " + ", ".join(present) + ".")
        if absent:
            lines.append("Fraværende: " + ", ".join(absent) + ".")
        quote = "; ".join(present + [f"{n} (fraværende)" for n in absent])
        cite = Citation(m.file_name, m.municipality, m.committee, m.meeting_date, None, None,
                        "Deltagere", quote)
        return Answer(True, "\n".join(lines), (cite,), (), q.intent.value)

    async def _items_named(self, q: Question, access: Access) -> Answer:
        """"Hvad blev besluttet under punkt 97?": the items of that number (in the meetings
        asked about) with their decisions."""
        meetings = {m.meeting_id: m for m in self._meetings(q) if m.meeting_id is not None}
        async with self.db.sessions() as session:
            items = await corpus.numbered_items(session, list(meetings), q.items)
        if not items:
            numbers = " og ".join(str(n) for n in sorted(q.items))
            return self._abstain(q, f"Jeg fandt intet punkt {numbers} i referaterne"
                                    f"{self._when(q)}.")
        order = {meeting_id: i for i, meeting_id in enumerate(meetings)}  # oldest first
        lines: list[str] = []
        citations: list[Citation] = []
        for it in sorted(items, key=lambda it: (order[it.meeting_id], it.number))[-3:]:
            m = meetings[it.meeting_id]
            where = ", ".join(p for p in (m.committee, m.municipality) if p)
            when = format_danish_date(m.meeting_date) if m.meeting_date \
                else "(dato ikke angivet)"
            if not access.may_see(it.closed, m.committee_id):
                lines.append(f"{where} – mødet {when} – punkt {it.number}: Lukket punkt")
                continue
            dq, cited = _decided(m, it, limit=300)
            lines.append(f"{where} – mødet {when} – punkt {it.number}: {it.title}"
                         + (f"\nBeslutning: »{dq}«" if dq else ""))
            citations.append(cited)
        return Answer(True, "\n\n".join(lines), tuple(citations), (), q.intent.value)

    async def _overview(self, q: Question, access: Access) -> Answer:
        meetings = self._meetings(q)
        if q.meeting_kind is not None:  # "på rådmandsmødet": meetings of that kind
            kind = self.analyzer.stem(q.meeting_kind)
            meetings = [m for m in meetings
                        if kind in self.analyzer.term_set(m.title or m.committee or "")]
        if not meetings:
            if q.meeting_kind is not None:
                return self._abstain(q, f"Jeg fandt intet referat fra et {q.meeting_kind}.")
            where = f" i {q.committee_label}" if q.committee_label else ""
            return self._abstain(
                q, f"Jeg fandt intet referat fra et møde{where}{self._when(q, day='den')}.")
        shown = meetings[-3:]
        lines: list[str] = []
        citations: list[Citation] = []
        async with self.db.sessions() as session:
            agenda = {m.doc_id: await corpus.meeting_items(session, m.meeting_id)
                      for m in shown if m.meeting_id is not None}
        for m in shown:
            items = agenda.get(m.doc_id, [])
            when = format_danish_date(m.meeting_date) if m.meeting_date else "(uden dato)"
            lines.append(f"{m.committee or 'Mødet'} – mødet {when} ({len(items)} punkter):")
            for it in items:
                if not access.may_see(it.closed, m.committee_id):
                    lines.append(f"{it.number}. Lukket punkt")
                    continue
                dq, cited = _decided(m, it, limit=220)
                lines.append(f"{it.number}. {it.title}" + (f" – {dq}" if dq else ""))
                citations.append(cited)
        if len(meetings) > len(shown):
            lines.append(f"(og {len(meetings) - len(shown)} møder mere i perioden)")
        return Answer(True, "\n".join(lines), tuple(citations), (), q.intent.value)


def _decided(m: DocInfo, it: ItemText, *, limit: int) -> tuple[str, Citation]:
    """An item's decision, quoted ("" when it has none), and its citation (of the title when
    there is no decision)."""
    decision = it.decision
    dq = decision_quote(decision.text, limit=limit) if decision is not None \
        and decision.text.strip(" .\n") else ""
    return dq, Citation(m.file_name, m.municipality, m.committee, m.meeting_date, it.number,
                        it.title, "Beslutning" if dq else None, dq or it.title)


# what a declined question asked for, for "Referaterne nævner emnet, men ikke …"
_FACT_NAMES: dict[Intent, str] = {
    Intent.QUANTITY: "antallet", Intent.AMOUNT: "beløbet", Intent.TIME: "tidspunktet",
    Intent.PERIOD: "perioden", Intent.AGE: "alderen", Intent.PERSON: "hvem",
    Intent.PLACE: "stedet", Intent.FREQUENCY: "hvor ofte", Intent.REASON: "begrundelsen",
    Intent.FUNDING: "finansieringen",
}


_PROPOSAL = re.compile(r"godkend|tiltræd|vedtag|bevilg|beslut|afsæt|prioriter", re.IGNORECASE)
_ORIENTATION = re.compile(r"orientering\w*\s+(tages|taget)\s+til\s+efterretning|til orientering",
                          re.IGNORECASE)


def _has_school_years(years: frozenset[str], item: ItemText | None,
                      passage: PassageText | None) -> bool:
    """Does the unit name each school year ("2021-22" as "2021-22", "2021/22", "21/22" or
    "2021-2022")?"""
    text = _text_of(item, passage)
    for year in years:
        first, second = year.split("-")
        if re.search(rf"(?<!\d)(?:20)?{first[2:]}\s*[-/]\s*(?:20)?{second}(?!\d)", text) is None:
            return False
    return True


_HEADING_DAY = re.compile(r"\d{1,2}\. [a-zæøå]+ \d{4}")  # "3. februar 2020"
HISTORY_SPAN = 31  # days: a month names the earlier meetings in it ("i februar 2020")


# a decision asked of the council, not of the committee whose minutes these are
# ("Hvad besluttede byrådet …", "Godkendte byrådet …", "Hvad har byrådet besluttet …"; not
# "…, som byrådet vedtog")
_COUNCIL_DECIDED = re.compile(r"\W*(?:hvad\s+)?(?:besluttede|godkendte|vedtog|har|blev)\s+"
                              r"(byrådet|kommunalbestyrelsen)\b")
_COUNCIL_MEETING = re.compile(r"byråd|kommunalbestyrelse", re.IGNORECASE)
# "hvornår godkendte byrådet …", "hvornår blev X vedtaget af kommunalbestyrelsen": the
# council as the one that approved (not "besluttede udvalget at sende X til byrådet")
_APPROVING = r"(godkendte|godkendt|vedtog|vedtaget|besluttede|besluttet)"
_COUNCIL_NAMED = r"(?:byrådet|byråd|kommunalbestyrelsen)"
_COUNCIL_WHEN = re.compile(rf"\b{_APPROVING}\s+(?:\w+\s+)?{_COUNCIL_NAMED}\b"
                           rf"|\b{_COUNCIL_NAMED}\s+(?:\w+\s+)?{_APPROVING}\b")
_PAST = {"godkendt": "godkendte", "vedtaget": "vedtog", "besluttet": "besluttede"}
# a sentence that says the council approved: "godkendt i byrådet den …", "Byrådet
# vedtog …" (not "byrådets beslutning", a decision it refers to, nor a recommendation,
# "At byrådet godkender …")
_COUNCIL_WORD = rf"\b(?:{_COUNCIL_MEETING.pattern})\w*"
_COUNCIL_APPROVED = re.compile(
    rf"^(?!\s*at\b).*?(?:{_COUNCIL_WORD}\W+(?:\w+\W+){{0,6}}?"
    r"(?:godkendte?|vedt(?:og|aget)|besluttede|besluttet)\b"
    r"|(?<!anbefales )(?<!foreslås )\b(?:godkendt|godkendte|vedt(?:og|aget)|besluttet)\W+"
    rf"(?:\w+\W+){{0,4}}?{_COUNCIL_WORD})", re.IGNORECASE | re.DOTALL)
# "… viste, at 80 % trives, og skolen skal give mobning opmærksomhed": a result told
_REPORTED = re.compile(r"\bvis(?:te|er)\b|\bfandt\b|\bkonkluder\w*", re.IGNORECASE)
# a proposal or a plan, not what came of it: "At forvaltningen udarbejder forslag til …",
# "… anbefales at søge midler", "Denne post forsøges løst …"
_PLANNED = re.compile(r"^\s*at\b|\b(?:anbefales|foreslås|indstilles|forslag(?:et)?\s+til"
                      r"|vil\s+danne\s+grundlag|søge\s+(?:om\s+)?"
                      r"midler|ansøge|forsøges|planlægges|forventes"
                      # what a survey is to show, not what it showed
                      r"|skal\s+(?:give|belyse|afdække|vise|kortlægge)|har\s+til\s+formål)\b",
                      re.IGNORECASE)


def _recommendation(item: ItemText, section: SectionText | None) -> tuple[str, str] | None:
    """The item's recommendation to quote, and its section's name: its "Indstilling"
    section, or the numbered list Aarhus writes inside the decision ("Det indstilles, at:")."""
    if section is not None:
        return section.name, clip(section.text, 500)
    numbered = recommendations("\n".join(s.text for s in item.sections if not s.is_history))
    if not numbered:
        return None
    return "Indstilling", clip(" ".join(f"{n}. {e}" for n, e in sorted(numbered.items())), 500)


def _month_only(dates: DateRange | None) -> bool:
    """A month of no year's meeting, as QuestionEngine._resolve_yearless leaves it."""
    return dates is not None and dates.start is None and dates.yearless \
        and dates.label in MONTH_NAMES


def _earlier_decision(item: ItemText, q: Question) -> SectionText | None:
    """The decision of an earlier meeting the question names by its day or month, from the
    item's history ("Udvalget for Læring, 3. februar 2020, pkt. 15: Punktet udskydes …")."""
    if q.dates is not None and _month_only(q.dates):
        # a month of no year's meeting (see QuestionEngine._resolve_yearless): any year's
        day = re.compile(rf"(?<!\d)\d{{1,2}}\. {q.dates.label} \d{{4}}")
    elif q.dates is None or q.dates.start is None or q.dates.end is None \
            or (q.dates.end - q.dates.start).days > HISTORY_SPAN:
        return None
    else:
        days = (q.dates.start + dt.timedelta(days=n)
                for n in range((q.dates.end - q.dates.start).days + 1))
        day = re.compile("(?<!\\d)(?:" + "|".join(re.escape(format_danish_date(d)) for d in days)
                         + ")")
    return next((s for s in item.sections if s.is_history and s.kind == "beslutning"
                 and s.text.strip() and day.search(s.heading or "")), None)


def _earlier_day(earlier: SectionText, q: Question) -> str:
    """The day of an earlier decision, from its heading or else the question's dates."""
    day = _HEADING_DAY.search(earlier.heading or "")
    return day.group() if day else q.dates.label if q.dates else ""


def _decides_a_proposal(item: ItemText) -> bool:
    """Does the item decide on the proposal its case text describes (rather than only take
    an orientation to note)? Then a decision covers the details of the case text."""
    rec = next((s.text for s in item.sections if s.kind == "indstilling" and not s.is_history),
               None)
    if rec is None:
        decision = item.decision
        rec = decision.text if decision is not None else ""
    return bool(_PROPOSAL.search(rec)) and not _ORIENTATION.search(rec)


def _is_title(title: set[str], content: list[set[str]]) -> bool:
    """Is the question's topic this title, no more and no less? Each word of the title is
    asked, and each content word of the question is in the title."""
    words = {t for t in title if not t.isdigit()}
    return bool(words) and bool(content) and all(not c.isdisjoint(words) for c in content) \
        and all(any(w in c for c in content) for w in words)


def _months(dates: DateRange) -> list[tuple[str, int]]:
    """The months of a dated range, with their years ("vinteren 2020": december 2020,
    januar and februar 2021)."""
    out: list[tuple[str, int]] = []
    if dates.start is None or dates.end is None:
        return out
    day = dates.start.replace(day=1)
    while day <= dates.end:
        out.append((MONTH_NAMES[day.month - 1], day.year))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return out


def _months_of(word: str, dates: DateRange | None) -> list[str]:
    """The month names a date word of the question stands for: a season's, or the month
    of "septembermødet"."""
    if is_season(word) and dates is not None:
        return [m for m, _ in _months(dates)]
    month = meeting_month(word)
    return [month] if month is not None else []


def _season_said(q: Question) -> re.Pattern[str] | None:
    """"i efteråret 2021" as the minutes would say it: the season or one of its months with
    the year ("oktober 2021"); None when the question names no season of a year."""
    season = next((w for w in q.date_terms if is_season(w)), None)
    if season is None or q.dates is None or q.dates.start is None:
        return None
    said = [rf"{season}\s+{q.dates.start.year}"] + [rf"{m}\s+{y}" for m, y in _months(q.dates)]
    return re.compile(rf"\b(?:{'|'.join(said)})\b")


def _gives_reason(q: Question, quote: str) -> bool:
    """Does ``quote`` answer why (or, for "hvad er formålet med X", what for: "… for at få en
    status på …")?"""
    return has_cause(quote, purpose=q.purpose) or (
        q.aim and states_purpose(quote, in_passing=True))


def _number(f: _Found) -> int | None:
    """The item number ``f`` is under: its item's, or the item an attachment is filed under
    ("Punkt 2, Bilag 4: …")."""
    if f.item is not None:
        return f.item.number
    if f.passage is not None and f.passage.kind == "attachment" and f.passage.label and (
            m := ATTACHMENT_LABEL.match(f.passage.label)):
        return int(m["number"])
    return None


def _text_of(item: ItemText | None, passage: PassageText | None) -> str:
    """An item's title and sections, or a passage's text."""
    if item is not None:
        return " ".join([item.title, *(s.text for s in item.sections)])
    return passage.text if passage is not None else ""


def _chapter(unit: UnitMeta) -> tuple[int, str] | None:
    """The attachment ("Punkt 4, Bilag 2: …") or the plan's chapter ("4: Økonomi") a passage
    belongs to; none when its attachment is not known (``UNPLACED_LABEL``)."""
    if unit.kind != "passage" or not unit.label or unit.label == UNPLACED_LABEL:
        return None
    return unit.doc_id, unit.label.split(LABEL_SEPARATOR)[0]


def _cover_by_document(concepts: list[Concept], hits: list[Hit], mates: list[Hit],
                       intros: dict[int, tuple[int, str]]) -> None:
    """A page of an attachment covers what the attachment's other pages cover too, at
    DOCUMENT_COVERAGE: "Hvornår skal trilledagtilbud med ladcykler afprøves?" is answered on
    the page with the time plan, though only another page of it says "ladcykler". The
    sections of a plan's chapter are one document so, and a plan's introduction (``intros``)
    speaks for all of its chapters: "Hvor stort et underskud forventer man på specialområdet
    i 2023?" is answered in «4: Økonomi – Baggrund og status», though only «Indledning» and
    «4: Økonomi» say "specialområdet"; and the introduction, being about all of the plan,
    covers what any chapter does. ``mates``: the plans' other sections, which the search
    need not have returned."""
    weights = [coverage_weight(c, concepts) for c in concepts]
    total = sum(weights) or 1.0
    pages: dict[tuple[int, str], list[Hit]] = {}
    for h in [*hits, *mates]:
        if (chapter := _chapter(h.unit)) is not None:
            pages.setdefault(chapter, []).append(h)
    for h in hits:
        if (chapter := _chapter(h.unit)) is None:
            continue
        intro = intros.get(h.unit.doc_id)
        if chapter == intro:  # about the whole plan: all of it counts
            group = [m for key, found in pages.items() if key[0] == chapter[0] for m in found]
        else:
            group = pages[chapter] + (pages.get(intro, []) if intro is not None else [])
        best = dict(h.matched)
        for other in group:
            for i, q in other.matched.items():
                best[i] = max(best.get(i, 0.0), DOCUMENT_COVERAGE * q)
        h.coverage = max(h.coverage, sum(weights[i] * q for i, q in best.items()) / total)


def _not_shown(text: str, shown: str) -> str:
    """``text`` without the lines ``shown`` has (the item's heading, its decision)."""
    lines = set(shown.splitlines())
    return "\n".join(line for line in text.splitlines() if not line or line not in lines).strip()


def _without_file_names(text: str) -> str:
    """The list of attachments without their file names, unless that is all it has."""
    kept = _FILE_NAME_LINE.sub("", text)
    return kept if kept.strip() else text


def _distinct(hits: Sequence[Hit]) -> list[Hit]:
    """One hit per item or passage (a passage has several chunks)."""
    seen: set[tuple[str, int]] = set()
    out: list[Hit] = []
    for h in hits:
        key = (h.unit.kind, h.unit.row_id)
        if key in seen:
            continue
        seen.add(key)
        out.append(h)
    return out
