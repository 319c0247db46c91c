"""How members type: words without the Danish letters, compounds written as two words, and
typos in the words that frame a question.

Words typed without the Danish letters: "hvornaar", "laeringsledelse", "hoeringssvar",
"ungeprofilundersogelsen". A keyboard or phone without æ, ø and å gives the two-letter
spellings (aa, ae, oe) or the bare vowel; the question is read with the Danish letters
where that spelling is a word and the typed one is not. A respelling is a word when the
minutes use it, or when it is more common in everyday Danish than the typed word ("paa" is
common in old texts, "på" far more; "michæl" is no word)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from itertools import islice

from minutes import lexicon

_WORD = re.compile(r"[^\W\d_]{3,}")
_DIGRAPHS = (("aa", "å"), ("ae", "æ"), ("oe", "ø"))
_BARE = {"a": "åæ", "o": "ø"}  # a single vowel typed for the Danish letter
BARE_MIN_LENGTH = 6  # shorter words are too easily some other word with one letter changed
# ... unless the respelling is a word of the minutes and a hundred times as common in everyday
# Danish ("born" → "børn", "aret" → "året"; "mode" stays, as "møde" is not)
SHORT_BARE_ZIPF = 2.0
MAX_WORD = 40  # longer "words" are no typing habit: left alone (and kept cheap)
MAX_DIGRAPHS = 8  # respellings tried of one word's two-letter spellings
MAX_BARE = 6  # more candidate vowels than this: leave the word alone


def danish_letters(text: str, *, used: Callable[[str], int],
                   compound: Callable[[str], bool], function_words: Collection[str]) -> str:
    """``text`` with each word typed without æ, ø and å respelled: as a function word
    ("paa" → "på"); as the first respelling the minutes use more often than the typed word
    (``used``: in how many passages; "tvaers" is in a file name, "tværs" in the text); or,
    when the minutes do not use the typed word at all, as a compound of words they use
    ("kapacitetsløsninger", ``compound``) or a word more common in everyday Danish. A bare
    vowel is replaced only in a word the minutes do not use and that is no everyday word
    itself ("fremlagde" stays, though "fremlægde" has a known stem). A word with a Danish
    letter and a two-letter spelling ("smaabørnsløftet") is respelled only as a word the
    minutes use."""

    def respelled(low: str) -> str | None:
        digraphs = list(islice(_digraphs(low), MAX_DIGRAPHS))
        if not low.isascii():  # "smaabørnsløftet": a Danish letter typed, another not
            return next((c for c in digraphs if used(c) > used(low)), None)
        if (found := next((c for c in digraphs if c in function_words), None)) is not None:
            return found
        if typed_use := used(low):  # a tie goes to the Danish letters: the typed spelling
            # is then most often a file name's ("Ungeprofilundersoegelsen_rapport")
            return next((c for c in digraphs if used(c) >= typed_use), None)
        if compound(low):  # "udvalgsmaterialet": words the minutes use, as typed
            return next((c for c in digraphs if used(c) or compound(c)), None)
        typed = lexicon.zipf(low)
        base = digraphs[0] if digraphs else low
        if len(base) < BARE_MIN_LENGTH:
            bare = [c for c in _bare(base, shortest=1) if used(c)
                    and lexicon.zipf(c) - typed >= SHORT_BARE_ZIPF]
        else:
            bare = _bare(base) if typed < lexicon.WORD_ZIPF else []
        return next((c for c in (*digraphs, *bare) if used(c) or compound(c) or typed < (
            common := lexicon.zipf(c)) and common >= lexicon.WORD_ZIPF), None)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if low in function_words or len(low) > MAX_WORD:
            return word
        found = respelled(low)
        if found is None:
            return word
        return found.capitalize() if word[0].isupper() else found

    return _WORD.sub(fix, text)


def _digraphs(low: str) -> Iterator[str]:
    """Every two-letter spelling replaced, then each one alone."""
    whole = low
    for ascii_, danish in _DIGRAPHS:
        whole = whole.replace(ascii_, danish)
    if whole == low:
        return
    yield whole
    for ascii_, danish in _DIGRAPHS:
        start = low.find(ascii_)
        while start >= 0:
            yield low[:start] + danish + low[start + 2:]
            start = low.find(ascii_, start + 1)


def _bare(word: str, *, shortest: int = BARE_MIN_LENGTH) -> list[str]:
    """One bare vowel replaced ("undersogelsen" → "undersøgelsen")."""
    vowels = [i for i, c in enumerate(word) if c in _BARE]
    if len(word) < shortest or len(vowels) > MAX_BARE:
        return []
    return [word[:i] + danish + word[i + 1:] for i in vowels for danish in _BARE[word[i]]]


_LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"
FRAMING_TYPO_LENGTH = 6  # shorter words are too often other words than typos


def edits(word: str) -> set[str]:
    """Every spelling one letter away from ``word``: a letter missing, extra, wrong, or two
    letters swapped."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(word)
    return out


def framing_typos(text: str, *, known: Callable[[str], bool], framing: Collection[str]) -> str:
    """``text`` with a typo in a word that frames questions ("dagsordnen" → "dagsordenen",
    "hvornå" → "hvornår") corrected: a word the minutes do not use (``known``), no everyday
    word, one letter away from one ``framing`` word (or its forms: the longest is taken).
    The question's intent and its meeting are read from these words."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if not FRAMING_TYPO_LENGTH <= len(low) <= MAX_WORD or low in framing or known(low) \
                or lexicon.zipf(low) >= lexicon.WORD_ZIPF:
            return word
        found = edits(low).intersection(framing)
        fixed = max(found, key=len, default="")
        # one word, or forms of one word ("dagsorden", "dagsordenen")
        if not fixed or not all(fixed.startswith(f) for f in found):
            return word
        return fixed.capitalize() if word[0].isupper() else fixed

    return _WORD.sub(fix, text)


# a word and the space after it, the next word looked at but not taken: pairs overlap
_PAIR = re.compile(r"\b([^\W\d_]{3,})\s+(?=([^\W\d_]{3,})\b)")


def joined_compounds(text: str, *, known: Callable[[str], bool],
                     function_words: Collection[str]) -> str:
    """``text`` with a compound written as two words joined ("ungeprofil undersøgelsen" →
    "ungeprofilundersøgelsen"): the first word is no word of the minutes (``known``), the
    two written together are, and neither is a function word ("der til" stays)."""

    def join(m: re.Match[str]) -> str:
        first, second = m.group(1).lower(), m.group(2).lower()
        together = first + second
        if len(together) > MAX_WORD or first in function_words or second in function_words \
                or known(first) or not known(together):
            return m.group(0)
        return m.group(1)  # the space goes: the next word joins on

    return _PAIR.sub(join, text)
