"""Words typed without the Danish letters: "hvornaar", "laeringsledelse", "hoeringssvar",
"ungeprofilundersogelsen". A keyboard or phone without æ, ø and å gives the two-letter
spellings (aa, ae, oe) or the bare vowel; the question is read with the Danish letters
where that spelling is a word and the typed one is not. A respelling is a word when the
minutes use it, or when it is more common in everyday Danish than the typed word ("paa" is
common in old texts, "på" far more; "michæl" is no word)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from minutes import lexicon

_WORD = re.compile(r"[^\W\d_]{3,}")
_DIGRAPHS = (("aa", "å"), ("ae", "æ"), ("oe", "ø"))
_BARE = {"a": "åæ", "o": "ø"}  # a single vowel typed for the Danish letter
BARE_MIN_LENGTH = 6  # shorter words are too easily some other word with one letter changed
EVERYDAY = 3.0  # Zipf frequency: once per million words of everyday Danish
MAX_BARE = 6  # more candidate vowels than this: leave the word alone


def danish_letters(text: str, *, is_word: Callable[[str], bool]) -> str:
    """``text`` with each word that ``is_word`` (the minutes' words) rejects replaced by its
    first respelling with æ, ø or å that is a word (in the order of ``_respellings``)."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if not low.isascii() or is_word(low):
            return word
        typed = lexicon.zipf(low)
        for candidate in _respellings(low):
            if is_word(candidate) or typed < (common := lexicon.zipf(candidate)) and \
                    common >= EVERYDAY:
                return candidate.capitalize() if word[0].isupper() else candidate
        return word

    return _WORD.sub(fix, text)


def _respellings(low: str) -> Iterator[str]:
    """Every two-letter spelling replaced, then each one alone; then one bare vowel
    replaced in the word with its two-letter spellings replaced."""
    whole = low
    for ascii_, danish in _DIGRAPHS:
        whole = whole.replace(ascii_, danish)
    if whole != low:
        yield whole
        for ascii_, danish in _DIGRAPHS:
            start = low.find(ascii_)
            while start >= 0:
                yield low[:start] + danish + low[start + 2:]
                start = low.find(ascii_, start + 1)
    if len(whole) < BARE_MIN_LENGTH:
        return
    vowels = [i for i, c in enumerate(whole) if c in _BARE]
    if len(vowels) > MAX_BARE:
        return
    for i in vowels:
        for danish in _BARE[whole[i]]:
            yield whole[:i] + danish + whole[i + 1:]
