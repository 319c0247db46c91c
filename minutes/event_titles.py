"""What makes a date an event, and a short Danish title for it.

A sentence names an event with a trigger word (dialogmøde, seminar, frist, møde, "gældende
fra" …). Each date in the sentence takes the nearest trigger: its kind, and a title built
from the trigger's noun phrase, never from the whole sentence:

* the trigger as a noun, indefinite ("dialogmødet" → "Dialogmøde"; plural kept for yearly
  rules), with an adjective or ordinal after an article ("et virtuelt seminar" → "Virtuelt
  seminar") or a coordinated compound ("børn og ungeudvalgsmøde");
* its prepositional phrase, cut at a verb, clause, date or adverb ("dialogmødet på Stouby
  Skole 5. marts" → "Dialogmøde på Stouby Skole", "fristen for vedtagelse af rapporten");
* else, for a bare "møde", the committee the sentence names ("Møde i Udvalget for Læring");
  for a sentence about "dette"/"sagen", the agenda item's title; for something that comes
  into force, its subject ("Normeringen er gældende fra …" → "Normeringen træder i kraft").

The full sentence stays with the event as its description. Nothing here knows dates beyond
the spans it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes.dates import MONTH_NAMES

_F = re.IGNORECASE

# Trigger words, with the kind they give; earlier kinds win where two overlap
# ("dialogmøde" over "møde").
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("dialogmøde", re.compile(r"\bdialog\s?møde(?:t|r|rne)?\b", _F)),
    ("seminar", re.compile(
        r"\b\w*(?:seminar(?:et|er|erne)?|temadag(?:en|e|ene)?|konference(?:n|r|rne)?"
        r"|workshop(?:pen|s)?)\b", _F)),
    ("ikrafttræden", re.compile(
        r"\b(?:gældende\s+fra|træde[rs]?\s+i\s+kraft|i\s+kraft\s+(?:fra|pr)"
        r"|ikrafttræden\w*)", _F)),
    ("frist", re.compile(
        r"\b(?:\w*frist(?:en|er|erne)?|senest|deadline(?:n|s)?|høring(?:en|sperioden)?)\b", _F)),
    ("møde", re.compile(
        r"\b\w*møde(?:t|r|rne)?\b|\bbyrådsbehandling\w*|\bpræsenteres\s+på|\bbehandles\s+på"
        r"|\bforelægges|\b(?:kommunalbestyrelsen|byrådet)\b", _F)),
]

# Noun triggers: the base word, its plural, and the endings it takes.
_NOUNS = {"møde": "møder", "seminar": "seminarer", "frist": "frister", "temadag": "temadage",
          "konference": "konferencer", "høring": "høringer", "workshop": "workshops",
          "deadline": "deadlines"}
_NOUN = re.compile(rf"^(?P<stem>\w*?(?:{'|'.join(_NOUNS)}))(?P<ending>\w*)$", _F)
_PLURAL_ENDINGS = {"r", "er", "e", "s", "ne", "rne", "erne", "ene"}
_DEFINITE_ENDINGS = {"t", "et", "n", "en", "pen"}
# Phrases that are triggers but not nouns: the noun they stand for.
_PHRASE_NOUN = {"præsenteres": "Møde", "behandles": "Møde", "forelægges": "Møde",
                "senest": "Frist", "kommunalbestyrelsen": "Behandling i kommunalbestyrelsen",
                "byrådet": "Behandling i byrådet"}

_ARTICLE_MODIFIERS = re.compile(r"\b(?:en|et|den|det|de)\s+(?P<mods>(?:[a-zæøå]+\s+){1,2})$")
_ORDINAL = re.compile(r"\b(?P<mods>(?:første|anden|andet|tredje|fjerde|næste|sidste|"
                      r"kommende|ekstraordinære|ekstraordinært)\s+)$", _F)
_COORDINATED = re.compile(r"\b(?P<mods>[a-zæøå]+-?\s+og\s+)$")
_COMPLEMENT = re.compile(
    r"\s+(?:(?:separat|samlet|fælles)\s+)?(?P<prep>på|hos|for|om|vedr\.|vedrørende|af|med|i"
    r"|til|mellem)\s+", _F)
_NESTED_PREPS = {"for", "af", "i", "om", "til", "på", "og"}
_STOP_WORDS = frozenset((
    "at blev bliver bør der eller er fik får har havde hvis hvor hvorefter hvilke hvilket "
    "idet inden kan kl kl. kommer kunne må men når pr. samt senest skal skulle som var ved "
    "vil ville med fra efter før under separat samlet igen også gradvist endnu fortsat "
    "desuden derfor dog evt. bl.a. herunder fx eksempelvis kun ikke nu så jf. pkt. mandag "
    "tirsdag onsdag torsdag fredag lørdag søndag"
).split()) | frozenset(MONTH_NAMES)
_MAX_COMPLEMENT_WORDS = 4
_PASSIVE = re.compile(r"[a-zæøå]{3,}(?<!n)es")  # "holdes", "behandles": a verb ends the phrase
_COMMITTEE = re.compile(
    r"\b(?:Udvalg(?:et)?\s+for\s+[A-ZÆØÅ][\w-]*(?:\s+og\s+[A-ZÆØÅ][\w-]*)?"
    r"|(?:[A-ZÆØÅ]\w*-\s+og\s+)?[A-ZÆØÅ][\w-]*udvalg(?:et)?|Kommunalbestyrelsen|Byrådet"
    r"|Udvalget)\b")
_ANAPHOR = re.compile(r"^(?:dette|det|sagen|punktet|emnet|forslaget|udkastet)\b", _F)
_SUBJECT_END = re.compile(r"(?:\s+(?:er|kan|skal|vil|bliver|forventes\s+at|vil\s+blive))+\s*$",
                          _F)
_CLAUSE_START = re.compile(r"(?:^|[,;:–]\s+|\b(?:at|så|og|når|hvis|idet)\s+)", _F)
_PRONOUNS = {"det", "den", "de", "dette", "disse", "vi", "man", "der"}
TITLE_LIMIT = 70
# "kommunalbestyrelsen i oktober": the council names an event only right beside a date.
_INSTITUTIONS = {"kommunalbestyrelsen", "byrådet"}
_INSTITUTION_REACH = 5


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    has_place: bool = False


def triggers_in(sentence: str) -> list[Trigger]:
    """Every trigger in ``sentence``, in order; where two overlap the earlier kind wins."""
    found: list[Trigger] = []
    for kind, pattern in TRIGGERS:
        for m in pattern.finditer(sentence):
            if all(m.end() <= t.start or m.start() >= t.end for t in found):
                found.append(Trigger(kind, m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda t: t.start)


def nearest_trigger(sentence: str, triggers: list[Trigger], start: int,
                    end: int) -> Trigger | None:
    """The trigger closest to the span ``start``–``end``; one across a comma counts as
    further away; a council ("byrådet") counts only right beside the date; a phrase
    ("senest", "præsenteres på") gives way to a noun of the same kind."""
    def distance(t: Trigger) -> int:
        lo, hi = (t.end, start) if t.end <= start else (end, t.start) if t.start >= end else (0, 0)
        gap = sentence[lo:hi]
        return len(gap) + (40 if re.search(r"[,;:]", gap) else 0)

    near = [t for t in triggers
            if t.text.lower() not in _INSTITUTIONS or distance(t) <= _INSTITUTION_REACH]
    best = min(near, key=distance, default=None)
    nouns = [t for t in near if best is not None and t.kind == best.kind and not _is_phrase(t)]
    if best is not None and _is_phrase(best) and nouns:
        return min(nouns, key=distance)  # "fristen for … er senest 1. maj": the noun names it
    return best


def _is_phrase(trigger: Trigger) -> bool:
    return trigger.text.split()[0].lower() in _PHRASE_NOUN


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _head(trigger: Trigger, *, plural: bool) -> tuple[str, bool]:
    """The trigger as an indefinite noun ("dialogmøderne" → "dialogmøde", or "dialogmøder"
    with ``plural``), and whether it is a compound ("udvalgsmøde")."""
    word = "".join(trigger.text.split())
    first = trigger.text.split()[0].lower()
    if first in _PHRASE_NOUN:
        return _PHRASE_NOUN[first], False
    if trigger.kind == "ikrafttræden":
        return "Ikrafttræden", False
    m = _NOUN.match(word)
    if m is None:
        return word, False
    stem, ending = m["stem"], m["ending"].lower()
    base = next(b for b in _NOUNS if stem.lower().endswith(b))
    compound = len(stem) > len(base)
    if ending in _PLURAL_ENDINGS:
        return (stem[: len(stem) - len(base)] + _NOUNS[base] if plural else stem), compound
    if ending in _DEFINITE_ENDINGS or not ending:
        return stem, compound
    return word, compound


def _modifiers(sentence: str, trigger: Trigger, *, compound: bool) -> str:
    """An adjective after an article, an ordinal, or "børn og" of a coordinated compound."""
    before = sentence[: trigger.start]
    for pattern in (_ORDINAL, _ARTICLE_MODIFIERS, _COORDINATED):
        if pattern is _COORDINATED and not compound:
            continue
        m = pattern.search(before)
        if m and not set(m["mods"].lower().split()) & (_STOP_WORDS - {"og"}):
            return m["mods"].lower()
    return ""


def _complement(sentence: str, pos: int, blocked: list[tuple[int, int]]) -> tuple[str, str]:
    """The prepositional phrase after position ``pos``: ("på", "på Stouby Skole")."""
    m = _COMPLEMENT.match(sentence, pos)
    if m is None or any(s <= m.end() < e for s, e in blocked):
        return "", ""
    prep = m["prep"].lower()
    words: list[str] = []
    for token in re.finditer(r"\S+", sentence[m.end():]):
        at = m.end() + token.start()
        if any(s <= at < e for s, e in blocked):
            break
        raw = token.group(0)
        word = raw.rstrip(",;:.!?)»”\"'")
        low = word.lower()
        if (not word or low in _STOP_WORDS or re.search(r"\d", word) or word[0] in "(«“\"'"
                or _PASSIVE.fullmatch(word)
                or (prep == "i" and not words and not word[0].isupper())
                or (low in ("den", "det", "d.") and re.match(r"\s*\d", sentence[at + len(raw):]))):
            break
        words.append(word)
        if word != raw:
            break
    while words and words[-1].lower() in _NESTED_PREPS:
        words.pop()
    if len(words) > _MAX_COMPLEMENT_WORDS:
        cut = max((i for i, w in enumerate(words[:_MAX_COMPLEMENT_WORDS + 1])
                   if w.lower() in _NESTED_PREPS), default=_MAX_COMPLEMENT_WORDS)
        words = words[:cut]
    return (prep, f"{m['prep']} {' '.join(words)}") if words else ("", "")


def _subject(sentence: str, trigger: Trigger) -> str | None:
    """The subject of the clause before ``trigger`` ("Normeringen er gældende fra")."""
    before = sentence[: trigger.start]
    starts = list(_CLAUSE_START.finditer(before))
    clause = before[starts[-1].end():] if starts else before
    clause = _SUBJECT_END.sub("", clause).strip()
    words = clause.split()
    if not words or len(words) > 5 or (len(words) == 1 and words[0].lower() in _PRONOUNS) \
            or re.search(r"\d", clause):
        return None
    return clause


_DEFINITE_SUBJECT = re.compile(r"^(?P<noun>[A-ZÆØÅ][a-zæøå]+(?:en|et|ne))\s+[a-zæøå]")


def _short(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters, not ending on a small word."""
    words = " ".join(text.split()).rstrip(" .").split(" ")
    while len(" ".join(words)) > limit or words[-1].lower() in _NESTED_PREPS | {"med", "og"}:
        words.pop()
    return " ".join(words).rstrip(" ,;:–-")


def make_title(sentence: str, trigger: Trigger, *, blocked: list[tuple[int, int]],
               item_title: str | None = None, plural: bool = False) -> Title:
    """A short Danish title for the event ``trigger`` names in ``sentence``; ``blocked``
    are the spans of dates and times, which never go into a title."""
    topic = _short(item_title, 60) if item_title and _ANAPHOR.match(sentence) else None
    if trigger.kind == "ikrafttræden" and not trigger.text.lower().startswith("ikrafttræden"):
        subject = _subject(sentence, trigger)
        if subject is None or _ANAPHOR.match(subject):
            subject = topic
        text = f"{_capital(subject)} træder i kraft" if subject else "Ikrafttræden"
        return Title(_short(text, TITLE_LIMIT))
    head, compound = _head(trigger, plural=plural)
    if mods := _modifiers(sentence, trigger, compound=compound):
        head = mods + head[:1].lower() + head[1:]
    prep, complement = _complement(sentence, trigger.end, blocked)
    if complement:
        text = f"{head} {complement}"
    elif head.lower() in ("møde", "møder") and (c := _COMMITTEE.search(sentence)):
        committee = c.group(0) if c.group(0) != "Udvalget" else "udvalget"
        text = f"{head} i {committee}"
    elif topic:
        text = f"{head}: {topic}"
    elif head.lower().endswith("behandling") and (s := _DEFINITE_SUBJECT.match(sentence)) \
            and not _ANAPHOR.match(sentence) and not _COMMITTEE.match(sentence):
        text = f"{head} af {s['noun'].lower()}"
    else:
        text = head
    place = re.search(r"\b(?:på|hos)\s+[A-ZÆØÅ]", complement) is not None
    return Title(_short(_capital(text), TITLE_LIMIT), has_place=place)


def kind_of(text: str) -> tuple[str, re.Match[str]] | None:
    """The kind of event ``text`` names (its first trigger by kind), if any."""
    for kind, pattern in TRIGGERS:
        if m := pattern.search(text):
            return kind, m
    return None
