"""Picking the sentence that answers: scoring sentences against the question.

Every sentence of an item (or of a passage chunk) is scored by the
question's concepts it contains, weighted by IDF and by how much its section
counts (a decision or a case text above background and quoted history). A
question that asks for a number, a time or a period needs a sentence that
carries one; a list entry is quoted with its lead-in ("… foreslås følgende:").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from minutes.analysis import Analyzer, compound_head_match, raw_tokens
from minutes.model import SectionKind
from minutes.question import NUMERIC_INTENTS, Intent
from minutes.search import Concept
from minutes.sentences import Span, sentence_spans

SECTION_WEIGHT: dict[str, float] = {
    SectionKind.BESLUTNING.value: 1.0,
    SectionKind.INDSTILLING.value: 0.95,
    SectionKind.BESLUTNINGSTEMA.value: 0.95,
    SectionKind.SAGSFREMSTILLING.value: 0.95,
    SectionKind.OEKONOMI.value: 0.95,
    SectionKind.KOMMUNIKATION.value: 0.95,
    SectionKind.LOVGRUNDLAG.value: 0.9,
    SectionKind.HISTORIK.value: 0.85,
    SectionKind.BILAG.value: 0.5,
    SectionKind.OTHER.value: 0.8,
}
HISTORY_WEIGHT = 0.6  # an earlier meeting's decision quoted in the item
FOCUS = 1.5  # the word a question asks about ("hvad var formålet", "hvem præsenterede")
TITLE_CONTEXT = 0.3  # a question word found only in the item's title
OTHER_TITLE_PENALTY = 0.07  # per title word (up to 3) in a sentence that the question lacks
PREVIOUS_CONTEXT = 0.6  # ... in the sentence before one that starts "Det …", "Her …"
_ANAPHOR = re.compile(r"(Det|Den|De|Dette|Denne|Disse|Her|Heraf|Herved|Hermed|Derfor)\b")

_MONTHS = ("januar|februar|marts|april|maj|juni|juli|august|september|oktober|november"
           "|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec")
_TIME = re.compile(
    rf"\b({_MONTHS})\b|\b(19|20)\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}\b|\b(primo|medio|ultimo"
    r"|forår\w*|efterår\w*|sommer\w*|vinter\w*|uge \d+|kvartal\w*|mandag|tirsdag|onsdag"
    r"|torsdag|fredag|skoleår\w*|senest|løbende|årligt|halvårlig\w*|månedlig\w*"
    r"|måned(en)?|\d+\s*(år|måneder|uger|dage))\b",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(
    r"\b(en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tyve|tredive|fyrre|halvtreds"
    r"|hundrede|tusind|halvdelen|dobbelt)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_AMOUNT = re.compile(r"\d[\d.,]*\s*(kr\b|kroner|mio|mill?|mia|milliard|million|%|procent)"
                     r"|\b\d{1,3}(\.\d{3})+\b|\bkr\.?\s*\d", re.IGNORECASE)
_PERIOD = re.compile(r"\b(19|20)\d{2}\s*[-–/]\s*(19|20)?\d{2}\b|\b\d+\s*(år|måneder|uger)\b"
                     r"|\bfra\b.*\btil\b", re.IGNORECASE)
_NAME = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:\s+[A-ZÆØÅ][a-zæøåé]+)+|\b[A-ZÆØÅ]{2,5}\b")


_ENUMERATION = re.compile(r"(?:[^\W\d_][\w-]*,\s+){2,}[^\W\d_]|:\s+\w[^.]*,")
_YEAR_RANGE = re.compile(r"\b(19|20)\d{2}\s*[-–/]\s*((19|20)?\d{2})\b")
_AGE = re.compile(r"\b\d+\s*[-–]\s*\d+\s*(år|årige)|\b\d+\s*-?\s*årige|\balder(en|s)?\b",
                  re.IGNORECASE)
_COUNT_WORDS = frozenset("to tre fire fem seks syv otte ni ti elleve tolv tyve tredive fyrre "
                         "halvtreds hundrede tusind".split())


def fact_strength(intent: Intent, text: str) -> float:
    """How well ``text`` carries the kind of fact the question asks for (0 = not at all)."""
    if intent is Intent.AMOUNT:  # an amount: kroner, millions, a percentage, "1.725"
        return 1.0 if _AMOUNT.search(text) else 0.0
    if intent is Intent.QUANTITY:
        return 1.0 if _DIGIT.search(text) or _NUMBER_WORD.search(text) else 0.0
    if intent is Intent.AGE:
        return 1.0 if _AGE.search(text) else 0.6 if _DIGIT.search(text) else 0.0
    if intent is Intent.PERIOD:
        return 1.0 if _YEAR_RANGE.search(text) else 0.6 if (
            _PERIOD.search(text) or _TIME.search(text)) else 0.0
    if intent is Intent.TIME:
        return 1.0 if _TIME.search(text) else 0.0
    if intent is Intent.PERSON:
        return 1.0 if _NAME.search(text) else 0.5
    if intent is Intent.WHICH:
        return 1.0 if _ENUMERATION.search(text) else 0.5
    return 1.0


def has_fact(intent: Intent, text: str) -> bool:
    """Does ``text`` carry the kind of fact the question asks for?"""
    return fact_strength(intent, text) > 0


def counts(analyzer: Analyzer, text: str, nouns: frozenset[str]) -> bool:
    """Does ``text`` give a number of one of ``nouns`` (stems): "207 skoler", "tre børn"?"""
    words: list[tuple[bool, str]] = []
    for tok in raw_tokens(text):
        if tok[0].isdigit():
            words.append((True, tok))
        else:
            for part in tok.split("-"):
                if part:
                    words.append((part in _COUNT_WORDS, analyzer.stem(part)))
    for i, (is_number, _) in enumerate(words):
        if is_number and any(stem in nouns for _, stem in words[i + 1 : i + 4]):
            return True
    return False


def fact_required(intent: Intent) -> bool:
    return intent in NUMERIC_INTENTS or intent is Intent.TIME


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of text to quote from: a section, or a passage chunk."""

    text: str
    name: str | None  # the section's name for the citation
    kind: str | None  # SectionKind value, None for passages
    weight: float


@dataclass(slots=True)
class Pick:
    """A sentence (with its lead-in or sibling list entries) that may answer."""

    block: Block
    span: Span
    quote: str
    evidence: float  # 0..1: share of the question's weight this sentence carries
    score: float  # evidence × section weight (+ a bonus for the fact asked for)
    fact: bool


def _concept_quality(
    concept: Concept,
    stems: set[str],
    known: Callable[[str], bool] | None = None,
    compounds: bool = True,
) -> float:
    """A concept in a sentence's stems; compounds of its words count too ("målgruppen")."""

    def compound(stem: str) -> bool:
        return len(stem) >= 4 and any(compound_head_match(t, stem, known=known) for t in stems)

    return concept.quality(stems.__contains__, compound if compounds else None)


class SentencePicker:
    """Scores sentences of blocks against a question's concepts."""

    def __init__(
        self,
        analyzer: Analyzer,
        concepts: Sequence[Concept],
        intent: Intent,
        *,
        counted: str | None = None,
        focus: str | None = None,
        known: Callable[[str], bool] | None = None,
        compounds: bool = True,
    ) -> None:
        self.analyzer = analyzer
        self.known = known
        self.compounds = compounds
        self.concepts = [c for c in concepts if c.importance > 0]
        self.intent = intent
        nouns = [c for c in self.concepts if counted is not None and c.surface == counted]
        self.counted = frozenset(v.stem for v in nouns[0].variants) if nouns else None
        # the word asked about ("hvad var formålet …", "hvilke kommuner") weighs like the
        # question's strongest words, whatever its IDF, and then some
        strongest = max((c.idf for c in self.concepts if c.importance >= 1.0), default=1.0)
        self.weights = [
            FOCUS * max(c.idf, strongest) if focus and c.surface == focus
            else c.idf * c.importance
            for c in self.concepts
        ]
        self.total = sum(self.weights) or 1.0

    def evidence(self, text: str, context: Sequence[tuple[set[str], float]] = ()) -> float:
        """Share of the question's weight found in ``text``; words found only in a
        ``context`` (the item's title, the sentence before) count at its factor."""
        stems = self.analyzer.term_set(text)
        got = 0.0
        for c, weight in zip(self.concepts, self.weights, strict=True):
            q = _concept_quality(c, stems, self.known, self.compounds)
            for ctx, factor in context:
                if q >= factor:
                    break
                q = max(q, factor * _concept_quality(c, ctx, self.known, self.compounds))
            got += weight * q
        return min(1.0, got / self.total)

    def picks(self, blocks: Sequence[Block], context_text: str = "") -> list[Pick]:
        """Every sentence of ``blocks``, scored, best first."""
        title = self.analyzer.term_set(context_text) if context_text else set()
        asked = {v.stem for c in self.concepts for v in c.variants}
        other_title = {t for t in title if t not in asked and not t.isdigit()}
        need_fact = fact_required(self.intent)
        out: list[Pick] = []
        for block in blocks:
            spans = sentence_spans(block.text)
            for i, span in enumerate(spans):
                sentence = span.text(block.text)
                if len(sentence) < 3:
                    continue
                context = [(title, TITLE_CONTEXT)]
                if i > 0 and _ANAPHOR.match(sentence):
                    previous = self.analyzer.term_set(spans[i - 1].text(block.text))
                    context.insert(0, (previous, PREVIOUS_CONTEXT))
                ev = self.evidence(sentence, context)
                if ev <= 0:
                    continue
                quote = _with_lead_in(block.text, spans, i)
                if self.counted is not None:  # "hvor mange skoler": "207 skoler"
                    strength = 1.0 if counts(self.analyzer, quote, self.counted) else 0.0
                else:
                    strength = fact_strength(self.intent, quote)
                fact = strength > 0
                score = ev * block.weight
                if need_fact:
                    score *= 0.5 + 0.5 * strength
                elif self.intent is Intent.WHICH:  # a list answers "hvilke …" best
                    score *= 0.7 + 0.3 * strength
                if len(sentence) > 350:
                    score *= 0.9
                if other_title:
                    # a sentence naming the title's other subjects is about those
                    # ("… samt projekt De Første 1000 Dage" when asked about the first)
                    others = len(other_title & self.analyzer.term_set(sentence))
                    score *= 1.0 - OTHER_TITLE_PENALTY * min(others, 3)
                out.append(Pick(block, span, quote, ev, score, fact))
        out.sort(key=lambda p: -p.score)
        return out

    def siblings(self, best: Pick, picks: Sequence[Pick], *, ratio: float = 0.6) -> list[Pick]:
        """Other list entries of the same list that answer nearly as well."""
        if not best.span.bullet:
            return []
        spans = sentence_spans(best.block.text)
        lead = _lead_in_index(best.block.text, spans, spans.index(best.span)) \
            if best.span in spans else None
        out = []
        for p in picks:
            if p is best or p.block is not best.block or not p.span.bullet:
                continue
            if p.span not in spans:
                continue
            if _lead_in_index(best.block.text, spans, spans.index(p.span)) != lead:
                continue
            if p.score >= ratio * best.score and (p.fact or not fact_required(self.intent)):
                out.append(p)
        return out[:3]


def _lead_in_index(text: str, spans: Sequence[Span], i: int) -> int | None:
    """The sentence ending with ":" that introduces the list entry ``spans[i]``."""
    j = i - 1
    while j >= 0 and spans[j].bullet:
        j -= 1
    if j >= 0 and spans[j].text(text).endswith(":"):
        return j
    return None


def _with_lead_in(text: str, spans: Sequence[Span], i: int) -> str:
    sentence = spans[i].text(text)
    if spans[i].bullet:
        sentence = sentence.lstrip("•-–\uf0b7 ").strip()
        j = _lead_in_index(text, spans, i)
        if j is not None and i - j <= 12:
            return f"{spans[j].text(text)} … {sentence}"
    return sentence


def clip(text: str, limit: int = 700) -> str:
    """``text`` on one line, cut at a sentence end before ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if end > limit // 3:
        return cut[: end + 1] + " …"
    return cut[: cut.rfind(" ")] + " …"


_DECISION_MARK = re.compile(r"\b(Beslutninger?|Rådmanden godkendte|Konklusion)\s*:?", re.IGNORECASE)


def decision_quote(text: str, *, limit: int = 700) -> str:
    """The decision as quoted: from "Beslutninger:" on when a long text has it."""
    flat = text.strip()
    if len(flat) > limit:
        m = _DECISION_MARK.search(flat)
        if m is not None and m.start() > 0:
            flat = flat[m.start():]
    lines = [ln.strip().lstrip("•\uf0b7◦").strip() for ln in flat.splitlines() if ln.strip()]
    return clip(" ".join(lines), limit)
