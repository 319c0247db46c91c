"""General Danish beyond the minutes: lemmas of irregular forms and everyday words.

The minutes have their own vocabulary; members ask in theirs. Two libraries fill
the gap, both offline and pure Python:

- ``lemmy`` (a Danish lemmatiser trained on the Danish Dependency Treebank and
  Den Danske Ordbog's word lists) turns forms the stemmer cannot relate to
  their base into it: "fremlagde" → "fremlægge", "lå" → "ligge", "mødtes" → "mødes".
- ``wordfreq`` (word frequencies of Danish from subtitles, Wikipedia, news and
  web text) tells an everyday word ("lå", "alligevel", "oppe", "koster") from a
  rare one ("skolemælk", "lektiecafé"), and an everyday English word a member types
  into a Danish question ("på meeting") from a Danish one.

A question word the minutes never use, whose forms they never use either, and
that is an everyday Danish word is most often a verb or adverb that frames the
question ("Hvor *lå* dialogmødet?", "Hvorfor er idéen *lagt på is*?"), not its
topic. Topic words ("… om X"), the word counted, and names are never treated so.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

EVERYDAY_ZIPF = 4.0  # at least once per 100,000 words of everyday Danish
EVERYDAY_LEMMA_ZIPF = 4.1  # ... or an inflected form of a word that common ("skæres")
WORD_ZIPF = 3.0  # once per million words: a Danish word at all ("skæres" for "skaeres")


@cache
def _lemmatizer() -> Any:
    import lemmy  # loaded on first use (0.15 s)

    return lemmy.load("da")


@lru_cache(maxsize=50_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The base forms of ``word`` (lower case) other than the word itself."""
    found: list[str] = _lemmatizer().lemmatize("", word)
    return tuple(dict.fromkeys(w.lower() for w in found if w.lower() != word))


@lru_cache(maxsize=50_000)
def verb_bases(word: str) -> tuple[str, ...]:
    """The base forms of ``word`` (lower case) when it reads only as an inflected verb
    ("deltog" → "deltage"), not as a noun or an adjective ("børn", "samlede", "ansatte")."""
    lemmatizer = _lemmatizer()
    if lemmatizer.lemmatize("NOUN", word) != [word] or lemmatizer.lemmatize("ADJ", word) != [word]:
        return ()
    found: list[str] = lemmatizer.lemmatize("VERB", word)
    return tuple(dict.fromkeys(w.lower() for w in found if w and w.lower() != word))


def zipf(word: str) -> float:
    """How common ``word`` (lower case) is in everyday Danish: log10 of its frequency per
    billion words (0 when unseen)."""
    from wordfreq import zipf_frequency

    value: float = zipf_frequency(word, "da")
    return value


@lru_cache(maxsize=50_000)
def everyday(word: str) -> bool:
    """Is ``word`` (lower case) common in everyday Danish, itself or as a form of a common
    base word?"""
    if zipf(word) >= EVERYDAY_ZIPF:
        return True
    return any(zipf(base) >= EVERYDAY_LEMMA_ZIPF for base in lemmas(word))


def danish(word: str) -> bool:
    """Is ``word`` (lower case) a Danish word at all, if not an everyday one ("hyre")?"""
    return zipf(word) >= WORD_ZIPF


ENGLISH_ZIPF = 4.5  # an everyday English word ("meeting", "approved") ...
# ... that Danish text uses less than WORD_ZIPF


@lru_cache(maxsize=50_000)
def english(word: str) -> bool:
    """Is ``word`` (lower case) an everyday English word that Danish does not use ("på
    meeting'et"): as a word the minutes never use, it frames the question like an everyday
    Danish one."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= ENGLISH_ZIPF and zipf(word) < WORD_ZIPF


# Idioms for "stopped" or "postponed": their nouns frame the question, they are not its topic
# ("Hvorfor blev idéen lagt på hylden?").
_IDIOMS = re.compile(r"\b(?:på\s+(?:is|hylden|pause|standby|stand-by|vågeblus)"
                     r"|i\s+(?:bero|skuffen)|i\s+forlængelse\s+af|samlet\s+set"
                     r"|hvis\s+jeg\s+har\s+forstået\s+det\s+(?:rigtigt|ret)"
                     r"|(?:er|var)\s+det\s+(?:egentlig\s+)?(?:meningen|planen|tanken|hensigten)"
                     r"(?=\s*,?\s*(?:at|om)\b)"
                     r"|i\s+så\s+fald"
                     r"|(?:på|til)\s+et\s+senere\s+(?:møde|udvalgsmøde|tidspunkt)"
                     # "hvornår skal det testes i praksis", "det lyder spændende – …"
                     r"|i\s+praksis(?=\s*(?:[?.!,]|$))"
                     # "for et par år siden": a vague time, no date to search by
                     r"|for\s+(?:et\s+par|nogle|få|et\s+stykke\s+tid|noget\s+tid|længe"
                     r"|lang\s+tid)(?:\s+år)?\s+siden"
                     # "aflyst på grund af corona": a preposition in three words
                     r"|på\s+grund\s+af|som\s+følge\s+af|i\s+lyset\s+af|i\s+forhold\s+til"
                     # "hvem kom og fortalte om X": the coming only leads to the verb
                     r"|(?:kom|kommer|komme|gik|går|gå)\s+og(?=\s+\w)"
                     # "hvad ville de have mere at vide": what they asked for
                     r"|(?:have|få)\s+(?:mere\s+)?at\s+vide|vide\s+mere"
                     # "når loven træder i kraft": when it takes effect
                     r"|tr(?:æder|æde|ådte|ådt)\s+i\s+kraft"
                     # "hvem rejste sagen": who brought it up, not a journey
                     r"|rejs(?:e|er|es|te|t|tes)(?=\s+(?:sagen|spørgsmålet|punktet|emnet)\b)"
                     r"|(?:lyder|virker)\s+(?:rigtig\s+|meget\s+)?(?:spændende|sjovt|interessant"
                     r"|godt|fornuftigt|fint))\b")


# "tog orienteringen til efterretning": the committee's formula for "noted"
_NOTED = re.compile(r"\b(tog|tager|taget|tage|tages)\b(?=.{0,60}?\btil\s+efterretning\b)")


# "kommer sagen tilbage på et senere møde": the matter returns, "tilbage" is no topic
_RETURNS = re.compile(r"\b(komme[rt]?|kom|vend(?:e|er|t|te))(?:\s+\S+){0,3}?"
                      r"\s+(tilbage|op\s+igen)\b")


# "hvilke sager tog udvalget op": "tage op" is to take up a case, "lægge op til" to
# propose; neither is a topic
_TAKEN_UP = re.compile(r"\b(t(?:og|ager|age|aget|ages))(?:\s+\S+){0,4}?\s+(op)\b"
                       # "hvor mange samtaler lægger rammen op til": proposes
                       r"|\b(l(?:ægger|ægge|ægges|agde|agt))(?:\s+\S+){0,4}?\s+(op)\s+til\b")


# "hvad kom der (op) under eventuelt": what was raised under an item
_CAME_UP = re.compile(r"\bhvad\s+(kom|kommer)\s+(?:der\s+)?(?:(op|frem)\s+)?under\b")


# "den videre behandling af sagen", "næste skridt": what happens next, not a topic
_NEXT = re.compile(r"\b(videre|næste)\s+(behandling|proces|forløb|skridt|håndtering)\b")


# "idéen med trilledagtilbud", "tanken bag …": the thing itself is asked about
_IDEA = re.compile(r"\b(ideen|tanken|konceptet|pointen)\s+(?:med|bag)\b"  # accents folded
                   r"|\bhvad\s+(?:er|var)\s+(planen)\s+(?:for|med)\b")  # "hvad er planen for X"


# "klarer skolerne sig godt eller skidt": how well, asked of what the minutes measure
_HOW_WELL = re.compile(r"\bklare[rt]?\b(?:\s+\S+){0,4}?\s+sig\b((?:\s+(?:godt|skidt|dårligt|"
                       r"dårligere|bedre|værre|eller|så|ikke))*)")


def idiom_words(low: str) -> frozenset[str]:
    """The words of the idioms in ``low`` (a lower-case question)."""
    words = {w for m in _IDIOMS.finditer(low) for w in m.group().split()}
    if m := _NOTED.search(low):
        words |= {m.group(1), "efterretning"}
    words |= {w for m in _NEXT.finditer(low) for w in m.groups()}
    words |= {w for m in _TAKEN_UP.finditer(low) for w in m.groups() if w}
    if m := _CAME_UP.search(low):  # "hvad kom der under eventuelt": what was raised
        words |= {w for w in m.groups() if w}
    words |= {w for m in _HOW_WELL.finditer(low) for w in m.group(1).split()}
    words |= {w for m in _IDEA.finditer(low)  # "tanken bag": both words frame
              for w in (m.group(1) or m.group(2), "bag" if m.group().endswith("bag") else "")
              if w}
    if m := _RETURNS.search(low):  # "kommer sagen tilbage/op igen" is "kommer sagen igen",
        words |= set(m.group(2).split())  # and "vender … tilbage" only says it returns
        if m.group(1).startswith("vend"):
            words.add(m.group(1))
    return frozenset(words)
