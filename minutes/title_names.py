"""Names in the minutes' titles ("Styrke på Tværs", "Børnehuset Tuen"), so that a question
written in lower case ("hvilken aldersgruppe er styrke på tværs rettet mod") still names
them. Kept per document, as the index is, and looked up by the question's word sequences,
so a lookup costs the same for ten titles as for a hundred thousand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# several capitalised words, perhaps joined by a small word: "Styrke på Tværs",
# "Børnehuset Tuen", "De Første 1000 Dage"
_TITLE_NAME = re.compile(r"[A-ZÆØÅ][\w-]+(?:\s+(?:(?:på|for|af|i|og|til|om|med)\s+)?"
                         r"(?:\d+\s+)?[A-ZÆØÅ][\w-]+)+")
_WORD = re.compile(r"[\w-]+")
MAX_WORDS = 6  # longer runs of capitals are headings, not names


def names_in(title: str) -> set[tuple[str, ...]]:
    """The names in ``title`` as lower-case word sequences, each also from each of its
    later capitalised words ("projekt styrke på tværs", "styrke på tværs")."""
    out: set[tuple[str, ...]] = set()
    for m in _TITLE_NAME.finditer(title):
        words = m.group().split()
        for i, word in enumerate(words):
            rest = words[i:]
            if word[0].isupper() and len(rest) <= MAX_WORDS \
                    and sum(w[0].isupper() for w in rest) >= 2:
                out.add(tuple(w.lower() for w in rest))
    return out


class TitleNames:
    """The names in the titles of the indexed documents."""

    def __init__(self) -> None:
        self._by_doc: dict[int, frozenset[tuple[str, ...]]] = {}
        self._count: Counter[tuple[str, ...]] = Counter()

    def add(self, doc_id: int, titles: Iterable[str]) -> None:
        self.remove(doc_id)
        names = frozenset(n for title in titles for n in names_in(title))
        self._by_doc[doc_id] = names
        self._count.update(names)

    def remove(self, doc_id: int) -> None:
        names = self._by_doc.pop(doc_id, frozenset())
        self._count.subtract(names)
        for name in names:
            if self._count[name] <= 0:
                del self._count[name]

    def find(self, low: str) -> list[str]:
        """The names that ``low`` (a lower-case question) uses."""
        words = _WORD.findall(low)
        return [" ".join(words[i:i + n]) for i in range(len(words))
                for n in range(2, MAX_WORDS + 1)
                if i + n <= len(words) and tuple(words[i:i + n]) in self._count]
