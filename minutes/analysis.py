"""Danish text analysis for search: normalising, tokens, stop words, stems, compounds.

One :class:`Analyzer` per index (it caches stems). Tokens are lower-case words
and numbers; thousands separators are dropped ("1.725" → "1725"), hyphenated
words give their parts and the joined word ("IT-system" → "it", "system",
"itsystem"). Stems come from the Snowball Danish stemmer (PyStemmer).

Compounds: Danish writes them as one word ("minimumsnormeringer"). The index
keeps every stem of the vocabulary; a query stem is expanded to the indexed
stems that *end* with it (the head of a compound: "normering" →
"minimumsnormering"), see :func:`compound_head_match`. A query word the
corpus does not know is split into known parts (:meth:`Analyzer.split_compound`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain

import Stemmer

# The Snowball Danish stop list, plus the question words and a few fillers.
STOP_WORDS: frozenset[str] = frozenset(
    """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et
    har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller
    hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter
    ned skulle denne end dette mit også under have dig anden hende mine alt meget sit
    sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer
    sådan hvem hvilke hvilken hvilket hvornår hvordan hvorfor hvorledes hvorvidt
    kan må får få fik gå går gik sige siger sagde ske sker skete sket gøre gør gjorde
    gjort blevet bliver være er var ja nej så samt mv mm osv dvs bl.a fx ca jf evt
    ifm ift iht pga pba vedr inkl ekskl
    typisk typiske normalt egentlig egentligt præcis præcist cirka omtrent ofte altid aldrig
    generelt nogenlunde gennemsnitligt gerne mon faktisk lige nøjagtigt nøjagtig igen atter følgende
    stå står stod stået højst mindst maksimalt ifølge omkring angående ang mht vedrørende
    trods vist mere mest sagt vores jeres allerede bagefter forinden endnu ved hver hvert hen
    altså nemlig
    """.split()
)
# Adverbs that, after a verb in a question, belong to it: "sættes af" is "afsættes",
# "stilles op" is "opstilles", "sat i gang" is not (only one particle, right after the verb).
PARTICLES: frozenset[str] = frozenset(
    "af op ud ind ned frem til med over om fra på sammen tilbage fast videre".split()
)
# question words followed by the finite verb ("hvilke" is followed by a noun)
_VERB_FIRST: frozenset[str] = frozenset("hvorfor hvornår hvordan hvem hvad".split())
# a pronoun between a verb and its particle in a question: "holder *vi* fast i …"
_SUBJECTS: frozenset[str] = frozenset("vi de man han hun den det du i der".split())

SHORT_PLURAL_LENGTH = 6  # "byerne": the longest definite plural left with "-ern"
MODIFIER_LENGTH = 6  # an unknown compound's known first word, alone, has at least this many
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\u2022\u25aa\u25cf\u2023\u2043\u2219\u00b7\uf0b7]")
_SOFT = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]")
# a thousands-grouped number, a plain number, or a word (letters, inner hyphens)
# (on lower-case text; an explicit Latin letter class is twice as fast as [^\W\d_])
_LETTERS = "a-zß-öø-ÿ\u0100-\u017f"
_TOKEN = re.compile(rf"\d{{1,3}}(?:\.\d{{3}})+(?!\d)|\d+|[{_LETTERS}]+(?:-[{_LETTERS}]+)*")


_ODD = re.compile("[\u00ad\u200b-\u200d\ufeff\ue000-\uf8ff\u2022\u25aa\u25cf\u2023\u2043"
                  "\u2219\u00b7\u2010-\u2014\u2212]")


def normalize_text(text: str) -> str:
    """NFC, bullets and private-use glyphs to spaces, soft hyphens gone, dashes to '-'."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _ODD.search(text) is None:  # the common case: nothing to clean
        return text
    text = _SOFT.sub("", text)
    text = _PRIVATE_USE.sub(" ", text)
    return _DASHES.sub("-", text)


# accents the minutes use now and then, a question seldom ("idéen" ~ "ideen", "entré");
# the Danish letters and German/Swedish ö, ü stay
_ACCENTS = str.maketrans("éèêëáàâíìîóòôúùûÉÈÊËÁÀÂÍÌÎÓÒÔÚÙÛ", "eeeeaaaiiiooouuuEEEEAAAIIIOOOUUU")
_ACCENTED = re.compile("[éèêëáàâíìîóòôúùûÉÈÊËÁÀÂÍÌÎÓÒÔÚÙÛ]")


def fold_accents(text: str) -> str:
    """``text`` without the accents of :data:`_ACCENTS` (the Danish letters stay); the
    search first, as str.translate is slow and most texts have none."""
    return text.translate(_ACCENTS) if _ACCENTED.search(text) is not None else text


# initials written with full stops: "A.P. Møller" is "AP Møller" as a member types it
_INITIALS = re.compile(r"\b([A-ZÆØÅ])\.\s?([A-ZÆØÅ])\.(?:\s?([A-ZÆØÅ])\.)?")
_INITIALS_HINT = re.compile(r"\.\s?[A-ZÆØÅ]\.")  # a cheap test first: it starts with a "."


def raw_tokens(text: str) -> list[str]:
    """Lower-case surface tokens without accents; a hyphenated word stays one token
    ("it-system"); initials are one word ("A.P." is "ap"); "%" is the word "procent"."""
    text = normalize_text(text)
    if _INITIALS_HINT.search(text) is not None:
        text = _INITIALS.sub(lambda m: "".join(g for g in m.groups() if g), text)
    if "%" in text:
        text = text.replace("%", " procent ")
    return _TOKEN.findall(fold_accents(text.lower()))


def number_term(token: str) -> str:
    """A number as an index word: "1.500" is 1500, "05. marts" is 5."""
    digits = token.replace(".", "")
    return digits.lstrip("0") or "0"


def expand_token(token: str) -> list[str]:
    """A surface token as index words: numbers lose their dots, hyphens give parts + joined."""
    if token[0].isdigit():
        return [number_term(token)]
    if "-" in token:
        parts = [p for p in token.split("-") if p]
        return [*parts, "".join(parts)]
    return [token]


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a question: how it was written and what the index looks for."""

    surface: str  # lower-case, as written ("minimumsnormeringen", "it-system")
    stem: str  # the stem ("minimumsnormering", "itsystem"); numbers unchanged
    parts: tuple[str, ...] = ()  # stems of a hyphenated word's parts
    is_number: bool = False
    particle_stem: str | None = None  # "sættes af": the stem of "afsættes"
    particle: str | None = None  # ... and the particle as written ("af")


TOKEN_CACHE_SIZE = 1_000_000  # surface tokens whose index terms are kept
STEM_CACHE_SIZE = 500_000


class _TokenCache(dict[str, tuple[str, ...]]):
    """token → its index terms; a miss is computed (so lookups stay in C)."""

    def __init__(self, analyzer: Analyzer) -> None:
        super().__init__()
        self.analyzer = analyzer

    def __missing__(self, token: str) -> tuple[str, ...]:
        found = self.analyzer._token_terms(token)
        if len(self) < TOKEN_CACHE_SIZE:
            self[token] = found
        return found


class Analyzer:
    """Stems with a cache. Not thread-safe by itself; used from one event loop."""

    def __init__(self, *, stop_words: frozenset[str] = STOP_WORDS, min_length: int = 2) -> None:
        self._stemmer = Stemmer.Stemmer("danish")
        self._cache: dict[str, str] = {}
        self._token_cache = _TokenCache(self)
        self.stop_words = stop_words
        self.min_length = min_length

    def stem(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is None:
            cached = word if word[0].isdigit() else _short_plural(
                word, self._stemmer.stemWord(word), self._stemmer)
            if len(self._cache) < STEM_CACHE_SIZE:
                self._cache[word] = cached
        return cached

    def stem_uncached(self, words: list[str]) -> list[str]:
        """Stems of many throw-away words (candidate spellings), not kept in the cache."""
        return [_short_plural(w, s, self._stemmer)
                for w, s in zip(words, self._stemmer.stemWords(words), strict=True)]

    def keep(self, word: str) -> bool:
        if word[0].isdigit():
            return True
        return len(word) >= self.min_length and word not in self.stop_words

    def terms(self, text: str) -> list[str]:
        """The stems of ``text`` in order, stop words left out (the index's view)."""
        out: list[str] = []
        stem, keep = self.stem, self.keep
        for tok in raw_tokens(text):
            if tok[0].isdigit():
                out.append(number_term(tok))
            elif "-" in tok:
                parts = [p for p in tok.split("-") if p]
                out.extend(stem(p) for p in parts if keep(p))
                out.append(stem("".join(parts)))
            elif keep(tok):
                out.append(stem(tok))
        return out

    def term_set(self, text: str) -> set[str]:
        return set(self.term_counts(text))

    def _token_terms(self, tok: str) -> tuple[str, ...]:
        """The index terms of one surface token (cached)."""
        if tok[0].isdigit():
            return (number_term(tok),)
        if "-" in tok:
            parts = [p for p in tok.split("-") if p]
            return (*(self.stem(p) for p in parts if self.keep(p)), self.stem("".join(parts)))
        return (self.stem(tok),) if self.keep(tok) else ()

    def term_counts(self, text: str) -> Counter[str]:
        """How often each stem occurs in ``text`` (the same stems as :meth:`terms`)."""
        return self.token_counts(raw_tokens(text))

    def token_counts(self, tokens: list[str]) -> Counter[str]:
        """:meth:`term_counts` of text already split by :func:`raw_tokens`."""
        return Counter(chain.from_iterable(map(self._token_cache.__getitem__, tokens)))

    def prime(self, tokens: Iterable[str]) -> list[str]:
        """Stem every plain word of ``tokens`` the cache lacks in one call to the stemmer
        (much cheaper than one call a word while indexing many texts). Returns the tokens
        added beyond the cache's size: :meth:`forget` them when the texts are counted."""
        cache = self._token_cache
        new = set(tokens).difference(cache)
        if not new:
            return []
        words = [t for t in new if t.isalpha()]
        stop, min_length = self.stop_words, self.min_length
        kept = [w for w in words if len(w) >= min_length and w not in stop]
        room = TOKEN_CACHE_SIZE - len(cache)
        cache.update(dict.fromkeys(words, ()))
        cache.update(zip(kept, map(_one, self.stem_uncached(kept)), strict=True))
        for tok in new.difference(words):  # numbers and hyphenated words
            cache[tok] = self._token_terms(tok)
        if room >= len(new):
            return []
        # a full cache keeps the words it met first (the common ones); the rest go again
        return list(new)[max(room, 0):]

    def forget(self, tokens: Iterable[str]) -> None:
        """Drop tokens that :meth:`prime` added beyond the cache's size."""
        pop = self._token_cache.pop
        for tok in tokens:
            pop(tok, None)

    def question_tokens(self, text: str) -> list[Token]:
        """The content words of a question (stop words dropped), each kept with its parts."""
        out: list[Token] = []
        raw = raw_tokens(text)
        for i, tok in enumerate(raw):
            if tok[0].isdigit():
                out.append(Token(tok, number_term(tok), is_number=True))
            elif "-" in tok:
                parts = [p for p in tok.split("-") if p]
                joined = "".join(parts)
                out.append(Token(tok, self.stem(joined),
                                 tuple(self.stem(p) for p in parts if self.keep(p))))
            elif self.keep(tok):
                j = i + 2 if i + 2 < len(raw) and raw[i + 1] in _SUBJECTS else i + 1
                if i == 1 and raw[0] in _VERB_FIRST:
                    # the finite verb of a question: its particle comes after the subject
                    # ("Hvorfor røg observationerne ud af rammen?")
                    j = next((k for k in range(2, min(len(raw), 5)) if raw[k] in PARTICLES), j)
                nxt = raw[j] if j < len(raw) else ""
                if nxt in PARTICLES:
                    out.append(Token(tok, self.stem(tok), particle_stem=self.stem(nxt + tok),
                                     particle=nxt))
                else:
                    out.append(Token(tok, self.stem(tok)))
        return out

    def split_compound(self, word: str, known: Callable[[str], bool]) -> tuple[str, ...]:
        """Split an unknown compound into two stems the corpus knows, or ().

        Tries the split whose head is longest; a linking "s" or "e" after the
        first part is allowed ("aldersgruppe" → "alder" + "grup"). Each part
        and the head's stem have at least four letters, so short accidental words do
        not match ("uddannelses|enhed", not "uddannelse|senhed" with the stem "sen");
        a three-letter head stem is tried only when no longer one fits ("rammen").
        """
        word = word.lower()
        if len(word) < 8 or not word.isalpha():
            return ()
        # a head stem of three letters only when no longer one fits ("kvalitets|rammen")
        for shortest in (4, 3):
            for i in range(4, len(word) - 3):
                head = word[i:]
                head_stem = self.stem(head)
                if len(head_stem) < shortest or not known(head_stem) or len(head) < 5:
                    continue
                for modifier in _modifier_forms(word[:i]):
                    if len(modifier) >= 4 and known(self.stem(modifier)):
                        return (self.stem(modifier), head_stem)
        return ()

    def known_modifier(self, word: str, known: Callable[[str], bool]) -> str | None:
        """The stem of the longest known word of at least MODIFIER_LENGTH letters that an
        unknown compound starts with, when no split into two known parts exists
        ("underskuds|grænse" → "underskud", "kortlægnings|tal" → "kortlægning")."""
        word = word.lower()
        if not word.isalpha():
            return None
        for i in range(len(word) - 3, MODIFIER_LENGTH - 1, -1):
            for modifier in _modifier_forms(word[:i]):
                if len(modifier) >= MODIFIER_LENGTH and known(stem := self.stem(modifier)):
                    return stem
        return None


def _short_plural(word: str, stem: str, stemmer: Stemmer.Stemmer) -> str:
    """The Danish Snowball stemmer leaves "-ern" on the definite plural of a short word
    ("byerne" → "byern", "ugerne" → "ugern"), where its region does not reach the
    ending: such a word is stemmed as its plural ("byer", "uger"). In longer words the
    region reaches it, and Snowball's stem stands."""
    if stem.endswith("ern") and len(word.removesuffix("s")) <= SHORT_PLURAL_LENGTH \
            and word.endswith(("erne", "ernes")):
        return str(stemmer.stemWord(word[: word.rindex("erne") + 2]))
    return _prefixed_verb(word, stem)


def _prefixed_verb(word: str, stem: str) -> str:
    """Snowball reads the infinitive and passive of a prefixed verb in "-sende" or "-vende"
    as a participle ("fremsendes" → "frems", "anvende" → "anv"), while its other forms keep
    the root ("fremsendt" → "fremsend"): such a verb is stemmed to its root. ("-kende" is
    left alone: "godkende" joined with "godkendt" weighs less, and questions lose by it.)"""
    if (m := _END_VERB.fullmatch(word)) is not None and len(stem) < m.end(2):
        return word[: m.end(2)]
    return stem


# a verb prefix and a root in "-end" ("an|vend|es", "frem|send|e"); without a prefix
# Snowball keeps the root, and a participle has one more "-ende" ("levende" has no prefix)
_END_VERB = re.compile(r"(an|frem|gen|hen|ind|af|om|op|over|til|ud|videre|tilbage|ned|for)"
                       r"(send|vend)(?:e|es)")


def _one(stem: str) -> tuple[str, ...]:
    return (stem,)


def _modifier_forms(prefix: str) -> Iterable[str]:
    yield prefix
    if prefix.endswith(("s", "e")) and len(prefix) > 4:
        yield prefix[:-1]


def compound_head_match(
    term: str,
    head: str,
    *,
    min_modifier: int = 3,
    known: Callable[[str], bool] | None = None,
) -> bool:
    """True when ``term`` is a compound ending with ``head`` ("minimumsnormering", "normering").

    With ``known`` (is this a word of the corpus?), a longer head wins: "læringsudvalg"
    ends with "valg", but its head is "udvalg", so it is no compound of "valg".
    """
    if len(term) - len(head) < min_modifier or not term.endswith(head):
        return False
    if known is not None:
        modifier = term[: -len(head)]
        for n in range(1, min(4, len(modifier) - 1) + 1):
            if known(modifier[-n:] + head):
                return False
    return True
