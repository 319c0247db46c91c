"""Picking the sentence that answers: scoring sentences against the question.

Every sentence of an item (or of a passage chunk) is scored by the
question's concepts it contains, weighted by IDF and by how much its section
counts (a decision or a case text above background and quoted history). A
question that asks for a number, a time or a period needs a sentence that
carries one; a list entry is quoted with its lead-in ("… foreslås følgende:").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, replace

from minutes import lexicon
from minutes.analysis import Analyzer, compound_head_match, raw_tokens
from minutes.model import SectionKind
from minutes.question import BUDGET_YEAR, NUMERIC_INTENTS, RATE, SENT, Intent
from minutes.search import Concept
from minutes.sentences import Span, sentence_spans
from minutes.title_names import names_in

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
BEFORE_NOW = 1.25  # "hvad har der hidtil været": a sentence of what was, over what will be
HISTORY_WEIGHT = 0.6  # an earlier meeting's decision quoted in the item
FOCUS = 1.5  # the word a question asks about ("hvad var formålet", "hvem præsenterede")
TITLE_CONTEXT = 0.55  # a question word found only in the item's title (the item is about it)
OTHER_TITLE_PENALTY = 0.07  # per title word (up to 3) in a sentence that the question lacks
PREVIOUS_CONTEXT = 0.6  # ... in the sentence before one that starts "Det …", "Her …"
LISTED_BY = 30  # characters before a list of names where its own count stands
PART_STRENGTH = 0.8  # "6 af de 13 kommuner" for "hvor mange kommuner" (not "… af dem")
NAME_MISSING = 0.25  # evidence of a sentence that does not name the question's proper names
HEAD_QUALITY = 0.6  # "undersøgelsen" for "Ungeprofilundersøgelsen" named in the title
NOVELTY_FLOOR = 0.4  # a sentence with no word of its own beyond the question's
NOVELTY_TIE = 0.1  # at most this much less for a sentence that adds little
NOVELTY_FULL = 8  # new words that count as telling enough
DESCRIBED = 0.9  # ... in the sentence before "Idéen går ud på, at …"
NAME_REACH = 4  # sentences before one that may name its subject for it
RECORD_FIELDS = 3  # field lines above a field line that say what its record is about
ANAPHOR_QUOTE = 400  # an anaphoric sentence is quoted with the one before, up to this length
TAIL_WORDS = 4  # a sentence this short after the quoted one, in its paragraph, goes with it
# ("… står at administrative fællesskaber er på udvalgsmødet den 2. juni. Skal rettes til.")
LIST_ENTRIES = 8  # a lead-in is quoted with up to this many list entries
LIST_ENTRY_CHARS = 160
LIST_QUOTE_CHARS = 700
FIELD_VALUE_CHARS = 120  # the next line, quoted with a label that ends in ":"
BARE_AGE = 0.3  # a number without "år"/"årige"/"alder" answers "hvor gamle" weakly
HEADING_WORDS = 6  # a heading line of its own is quoted with the paragraph it heads,
HEADED_CHARS = 400  # as much of it as fits
FIELD_CHARS = 80  # a record's field line is at most this long
# a record's field: "Ansøger: Skovvangskolen", "Status: Aktiv" (a one-word label, a short
# value; see FIELD_CHARS)
_FIELD = re.compile(r"[A-ZÆØÅ]\w{2,20}:\s+\S")
# a consequence of what the sentence before says: "… blev derfor lukket", "På baggrund af
# høringerne udgår …"
_THEREFORE = re.compile(r"\b(derfor|på baggrund af)\b", re.IGNORECASE)
_CONCLUDES = re.compile(r"\b(derfor|på den baggrund|på baggrund heraf)\b", re.IGNORECASE)
# "den omtalte uddannelse", "de nævnte skoler": what the sentences before describe
_MENTIONED = re.compile(r"\b(?:den|det|de)\s+(?:omtalte|nævnte|førnævnte|ovennævnte|pågældende)\b",
                        re.IGNORECASE)
MENTIONED_REACH = 3  # sentences before that may describe it
# a sentence that says the one before again in other words ("Det vil sige med den nuværende
# praksis, …"): what it says the sentence before is about
_RESTATES = re.compile(r"(?:[Dd]et vil sige|[Dd]vs\.?|[Mm]ed andre ord|[Ss]agt med andre ord)"
                       r"(?!\w)")
# "hvor mange elever svarede": a count of the verb's noun answers as well ("1.300
# besvarelser"); not "deltog" ~ "deltagere", whose stem is also "deltagelse"'s
COUNTED_BY_VERB = {"svare": ("besvarelser", "svar"), "besvare": ("besvarelser",)}
# "hvor tit": a frequency said within this many words of a topic word is its frequency;
# one said of something else in the sentence ("data halvårligt") counts this much
FREQUENCY_REACH = 2
REMOTE_FREQUENCY = 0.6
# "hvornår kommer sagen igen": a sentence that says the matter comes back ("… til fornyet
# drøftelse i efteråret", "kommer med på maj mødet igen", "præsenteres … på udvalgsmøde
# 11.1.2021"); another time does not answer
_RETURN_SAID = re.compile(r"\b(?:igen|fornye\w*|tilbage|genoptag\w*|senere\s+(?:udvalgs)?møde"
                          r"|på\s+dagsorden\w*|(?:præsenteres|forelægges|fremlægges|behandles)"
                          r"\b.*\bpå\s+(?:\w+\s+)?(?:udvalgs)?møde\w*)\b", re.IGNORECASE)
# "Enheden …" after "… udviklingsenheden …": a definite head refers to the compound
HEAD_REACH = 12  # sentences before or after that may name the compound
HEAD_MIN_LENGTH = 4  # heads shorter than this ("del", "år") are too often other words
_FIRST_WORD = re.compile(r"([A-ZÆØÅ][a-zæøå]+)\b")
_DEFINITE = re.compile(r"(?:erne|ene|en|et|n|t)$")

_MONTHS = ("januar|februar|marts|april|maj|juni|juli|august|september|oktober|november"
           "|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec")
# "Den er aflyst": about what the sentence before names ("Den 23. januar …" is a date)
_ANAPHOR = re.compile(r"(Det|Den|De|Dette|Denne|Disse|Her|Heraf|Herved|Hermed|Derfor)\b"
                      rf"(?!\s+\d{{1,2}}\.\s*(?:{_MONTHS})\b)")
_TIME = re.compile(
    rf"\b({_MONTHS})\b|\b(19|20)\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}\b|\b(primo|medio|ultimo"
    r"|forår\w*|efterår\w*|sommer\w*|vinter\w*|uge \d+|kvartal\w*|mandag|tirsdag|onsdag"
    r"|torsdag|fredag|skoleår\w*|senest|løbende|i\s+løbet\s+af|årligt|halvårlig\w*"
    r"|månedlig\w*"
    # "om 2 år", not an age ("unge mellem 13-25 år") or a length ("i 3 år")
    r"|måned(en)?|(?:om|efter|inden\s+for)\s+\d+\s*(år|måneder|uger|dage))\b",
    re.IGNORECASE,
)
# "på møde den 2. maj 2022", "på udvalgsmødet d. 12. april": a meeting and its day
_MEETING_DAY = re.compile(rf"møde[t]?\s+(?:den\s+|d\.\s*)?\d{{1,2}}\.\s*(?:{_MONTHS})\b",
                          re.IGNORECASE)
# a day: "25. marts", "25.-26. marts", "3/5", "mandag"
_DAY = re.compile(rf"\b\d{{1,2}}\.\s*(?:-\s*\d{{1,2}}\.\s*)?(?:{_MONTHS})\b"
                  r"|\b(?:[12]?\d|3[01])/(?:0?[1-9]|1[0-2])\b(?!/\d)"  # "3/5", not "24/25"
                  r"|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
                  r"|\b(?:man|tirs|ons|tors|fre|lør|søn)dag\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_COUNT_WORDS = frozenset("to tre fire fem seks syv otte ni ti elleve tolv tyve tredive fyrre "
                         "halvtreds hundrede tusind".split())
# how often: "en gang årligt", "to gange om året", "hver uge", "månedligt", "i ulige år"
_FREQUENCY = re.compile(
    rf"\b(?:(?:en|et|{'|'.join(sorted(_COUNT_WORDS))}|\d+)\s+gange?|hver[te]?(?:\s+\w+)?)\s+"
    r"(?:(?:om|pr\.?|per|i|hver[te]?)\s+)?(?:(?:skole)?år(?:et)?|måned(?:en)?|uge(?:n)?|dag(?:en)?"
    r"|halvår(?:et)?|kvartal(?:et)?)\b|\b(?:årlig[te]?|halvårlig\w*|månedlig\w*|ugentlig\w*"
    r"|daglig\w*|kvartalsvis|(?:i )?(?:lige|ulige) år)\b"
    # "seks 1:1 ledelsesopfølgninger om året", "2 samtaler pr. år"
    rf"|(?<![\d,.])\b(?:{'|'.join(sorted(_COUNT_WORDS))}|\d+)\s+"
    r"(?:(?!kr\b|kr\.|kroner\b|mio\b|mio\.|mill\w*|millioner?\b)\S+\s+){0,3}?(?:om|pr\.?|per)\s+"
    r"(?:året|år|skoleåret|skoleår|måneden|måned|ugen|uge|dagen|dag)\b",
    re.IGNORECASE)
# a number that counts or measures: "175", "1.725", "7,2", "85 %"; not a list entry's number
# or an ordinal ("2. alle skoler", "9. klasse", "9.-klasseprøver", "b)"), nor a ratio ("1:1")
_COUNT = re.compile(r"(?<![\w.,:])\d+(?:[.,]\d+)*(?![\d)])(?!\.\s*[-a-zæøå])(?!:\d)")
# a choice made ("valgte", "er udpeget", "vandt"), not one to come ("vil blive valgt")
_CHOSEN = re.compile(r"(?<!blive )\b(?:ud)?(?:valgte?|udpeget|udpegede|vandt|vinder(?:en|ne)?)\b",
                     re.IGNORECASE)
# a sum in kroner; a thousands-grouped number alone is one too ("1.375.000 til kategori B"),
# unless a noun follows it: "10.000 lærere" and "79.000 elever" count people
_KRONER = (r"\d[\d.,]*\s*(?:kr\b|kroner|t\.?kr\b|dkk\b|mio\b|mill?\b|mia\b|milliard|million)"
           r"|\b\d{1,3}(?:\.\d{3})+\b(?!\s+(?!(?:til|af|fra|for|og|eller|om|pr|per|på|i"
           r"|årlig\w*|hvert|ekstra|mere|mindre|som|der|er|var|blev|bliver|kan|skal|vil)\b)"
           r"[a-zæøå]{4,})|\b(?:kr|dkk)\.?\s*\d")
_MONEY = re.compile(_KRONER, re.IGNORECASE)
_AMOUNT = re.compile(rf"{_KRONER}|\d[\d.,]*\s*(?:%|procent)", re.IGNORECASE)
_PERIOD = re.compile(r"\b(19|20)\d{2}\s*[-–/]\s*(19|20)?\d{2}\b|\b\d+\s*(år|måneder|uger)\b"
                     r"|\bfra\b.*\btil\b", re.IGNORECASE)
# a person ("Lone Roesen") or initials ("PKØ"), not an abbreviation inside a compound
# ("NEST-lignende", "FU-området")
_PERSON = re.compile(r"\b[A-ZÆØÅ][a-zæøåéüöäè]+(?:\s+[A-ZÆØÅ][a-zæøåéüöäè]+)+")
# a capitalised adjective starts the name of a body or programme, not of a person
_ADJECTIVE_ENDINGS = ("isk", "iske", "ende", "ere")
_NAME = re.compile(rf"{_PERSON.pattern}|\b[A-ZÆØÅ]{{2,5}}\b(?!-)")
# a sentence that judges how something went: "har været en stor succes", "positivt modtaget"
_JUDGEMENT = re.compile(r"\b(?:succes\w*|positiv\w*|negativ\w*|erfaring\w*|fungere(?:r|t|de)"
                        r"|tilfreds\w*|utilfreds\w*|udfordr\w*|problem\w*|\w*krævende"
                        r"|meningsfuld\w*|effekt(?:en|er|erne)?|gode|bedre|dårlig\w*|vellykket"
                        r"|værdifuld\w*|ros|roste)\b", re.IGNORECASE)
# a sentence that compares: "ligger en smule over landsgennemsnittet", "færre end"
_COMPARISON = re.compile(r"\b(?:over|under)\s+(?:\w+\s+)?\w*(?:gennemsnit|niveau|landsplan)\w*"
                         r"|\b(?:højere|lavere|flere|færre|større|mindre|bedre|dårligere)\s+end\b"
                         r"|\bpå\s+niveau\s+med\b|\bsvarende\s+til\b"
                         # a trend: "flere og flere børn", "et stigende antal", "er faldet"
                         r"|\b(flere|færre|mere|mindre)\s+og\s+\1\b|\b(?:stigende|faldende"
                         r"|stiger|falder|steget|faldet)\b", re.IGNORECASE)
# the years a sentence names ("2019- 31.dec. 2021", "2022-23"), not amounts ("2000 kr."):
# read one by one, where _YEARS_NAMED strips years and spans before ages are read
_YEARS = re.compile(r"\b((?:19|20)\d{2})(?:[-/](\d{2})\b)?(?!\s*(?:kr|mio|mia|stk|t\.))")
# a title that joins two subjects: "Projekt X samt projekt Y"
_JOINED = re.compile(r"\s(?:samt|og)\s")
# a word written in lower case: one of the language, not of a name
_LOWER_WORD = re.compile(r"\b[a-zæøå][a-zæøåéüöäè]+\b")


# people by their role: "Dagplejelederen orienteres", "forvaltningen", "bestyrelsen"
_ROLE = re.compile(r"\w*(leder|ledere|lederen|lederne|ledelse|ledelsen|bestyrelse|bestyrelsen"
                   r"|bestyrelser|bestyrelserne|chef|chefen|formand|formanden|konsulent\w*"
                   r"|medarbejder\w*|forvaltningen|administrationen|sekretariatet|rådmanden"
                   r"|borgmesteren|udvalget|byrådet|kommunalbestyrelsen|psykolog\w*"
                   r"|forældre|kommunerne|byerne|udvalgsmedlem\w*|medlemmer(?:ne)?)\b",
                   re.IGNORECASE)
# a capitalised phrase with one of these names a place or an institution, not a person
_PLACE_HEADS = tuple("""skole kommun region børnehus børnehave dagtilbud institution
    universitet udvalg byråd rådhus område center centret""".split())
_PLACE_WORDS = frozenset("sfo hal hallen fond fonden hus huset".split())
# a list: "A, B, C", "…: A, B", "a) … b) …", "1) … 2) …", entries separated by ";"
_ENUMERATION = re.compile(r"(?:[^\W\d_][\w-]*,\s+){2,}[^\W\d_]|:\s+\w[^.]*,"
                          r"|\b[a-h]\)\s.+\b[b-i]\)\s|\b\d\)\s.+\b\d\)\s|;[^;]+;")
# a sentence that asks: it opens with a question word ("Hvilke temaer udvalget prioriterer
# …", not "Hvad angår …" or "Hvor det er muligt …"), or ends with "?" and has no colon
_INTERROGATIVE = re.compile(r"^\W*(?:hvilke[nt]?|hvem|hvornår|hvorfor|hvordan|hvad(?!\s+angår)"
                            r"|hvor\s+(?:mange|meget|længe|ofte|tit))\b[^:]*$|^[^:]*\?\W*$",
                            re.IGNORECASE)
# a title in quotation marks (”God Ledelse”, 'Gode Læsere'); an apostrophe after a word is
# a possessive ("Aarhus' rådmand"), no quotation mark
_QUOTED = re.compile(r"(?:[”“\"«»]|(?<!\w)['‘’])[^”“\"«»‘’'.]{1,60}[”“\"«»‘’'](?!\w)")
_YEAR = re.compile(r"(19|20)\d{2}")
# a change by an amount: "øges med 2 måneder", "hæves med 5 %", "2 måneder senere"
_CHANGE_BY = re.compile(r"\b(?:øge[st]?|forøge[st]?|hæve[st]?|forlænge[st]?|udskyde[st]?"
                        r"|rykke[st]?|stige[rt]?|steg|falde[rt]?|faldt|reducere[st]?|sænke[st]?"
                        r"|forkorte[st]?|nedsætte[st]?|mindske[st]?)\b[^.]{0,40}?\bmed\s+"
                        r"(?:ca\.\s+|cirka\s+|omkring\s+)?\d|\b\d+\s+\w+\s+(?:senere|tidligere|"
                        r"længere|kortere|mere|mindre|flere|færre)\b", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"\b(19|20)\d{2}\s*[-–/]\s*((19|20)?\d{2})\b")
# "fra august 2022 til juni 2024", "august - oktober 2021": from one month to another
_MONTH_SPAN = re.compile(rf"\b(?:fra\s+)?(?:{_MONTHS})(?:\s+(?:19|20)\d{{2}})?\s*(?:til|[-–])\s*"
                         rf"(?:{_MONTHS})\s+(?:19|20)\d{{2}}\b", re.IGNORECASE)
_YEARS_NAMED = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\b")  # "2024-25"
_AGE = re.compile(r"\b\d+\s*[-–]\s*\d+\s*(år|årige)|\b\d+\s*-?\s*årige|\balder(en|s)?\b"
                  # "hvor de fylder 2 år og 11 måneder", "når barnet er fyldt 3 år"
                  r"|\bfyld(?:er|t|te|e)\s+\d+(?:[,½]\d*)?\s*(?:år|måneder)\b",
                  re.IGNORECASE)
_CAUSE = re.compile(r"\b(pga|på grund af|fordi|skyldes|skyldtes|idet|derfor|hvorfor|årsag\w*"
                    r"|grund(en|et)? til|som følge af|begrund\w*"
                    # "…, da denne beregnes som en procentandel …": since
                    r"|da (?:der|det|den|de|vi|denne|dette|disse|man)"
                    r"|på baggrund af|med baggrund i"
                    # "X, hvilket medfører, at Y": X is why Y
                    r"|medfører|medførte|medført|bevirker|bevirkede|hvilket betyder)\b",
                    re.IGNORECASE)
_SINCE = re.compile(
    rf"\b(fra|pr\.|per|gældende fra|fra og med|med virkning fra|i kraft)\s+(den\s+|d\.\s*)?"
    rf"(\d|primo|medio|ultimo|skoleåret|årsskiftet|{_MONTHS})", re.IGNORECASE)
# "6 af de 13 kommuner": a count of some of them, not of all
_PART_OF = re.compile(r"\b(?:\d+|" + "|".join(sorted(_COUNT_WORDS)) + r")\s+af\s+(?:de\s+)?\d+\b",
                      re.IGNORECASE)
# a number said to be the total: "med i alt 1.300-1.325 besvarelser" (not "samlet set" or
# "tilsammen" as a manner of speaking)
_ALL_TOLD = re.compile(r"\b(?:i\s+alt|tilsammen|samlet\s+set):?\s+(?:ca\.?\s*)?\d",
                       re.IGNORECASE)
_SHARE_WORDS = frozenset("af de pct procent".split())  # between a share and what it counts
_CAPITALISED = re.compile(r"\b[A-ZÆØÅ][\wæøå-]+")
# "Vesthimmerland, Haderslev, Svendborg, … og Kolding": three or more names in a row
_ENUMERATED = re.compile(rf"{_CAPITALISED.pattern}(?:\s*,\s*{_CAPITALISED.pattern}){{2,}}"
                         rf"(?:\s*,?\s*og\s+{_CAPITALISED.pattern})?")
_LEAD_VERBS = frozenset("lede leder ledes ledede ledet".split())
_RATIO = re.compile(r"\b\d+:\d+\b")  # "1:1", "kl. 14:30"
# a number in words ("tre skoler", "halvdelen"); "en"/"et" are articles far more often
_COUNT_WORD = re.compile(rf"\b({'|'.join(sorted(_COUNT_WORDS))}|halvdelen|dobbelt)\b",
                         re.IGNORECASE)


# a place: "på Øster Snede Skole", "i Juelsminde", "hos Naturcenter Aarhus"
# (not a body: "i Udvalg for Læring", "i Byrådet"); where a matter is sent, a body too:
# "videresendes til PKØ", "fremsendes beslutning til Fælleskommunalt …"
_PLACE = re.compile(r"\b(?i:på|i|ved|hos)\s+(?:den\s+|det\s+)?"
                    r"(?![\w-]*(?:udvalg|Udvalg)|Byråd|Kommunalbestyrelse|Børn og|Budget)"
                    r"[A-ZÆØÅ][\w-]+"
                    rf"|\b(?i:{SENT.pattern})\s+(?:\S+\s+){{0,3}}?til\s+"
                    r"(?:den\s+|det\s+)?[A-ZÆØÅ][\w-]+")
# where money comes from: "afholdes inden for udvalgets egen ramme", "finansieres af puljen",
# "Projektmidler fra Sundhedsstyrelsen", "søge midler i Klimafonden"
_FUNDING = re.compile(r"\b(?:(?:med)?finansier\w*|udgift\w*\s+(?:\w+\s+){0,4}?afhold\w*"
                      r"|afhold\w*\s+(?:\w+\s+){0,3}?inden\s*for|betales\b|betaler\b|dækkes\b"
                      r"|dækket\b|inden\s*for\b.{0,40}\bramme|\w*midler\s+(?:fra|i|af)\b|tilskud"
                      r"|bevilg\w*|bevilling\w*|søge\s+midler|pulje\w*|fond(?:en|s)?\b)",
                      re.IGNORECASE)
# what has been so far: "har det været praksis, at", "hidtil", "tidligere"
_BEFORE_NOW_SAID = re.compile(r"\b(?:har|havde)\s+(?:\w+\s+){0,3}?været\b|\bhidtil\b"
                              r"|\btidligere\b|\bindtil\s+nu\b", re.IGNORECASE)
# a sentence that says what something is about: "Idéen går ud på, at …"
_DESCRIPTION = re.compile(r"\b(går\b.{0,40}\bud på|handler\b.{0,40}\bom|indebærer|består i"
                          r"|har til formål|formålet (med \w+ )?er|målet (med \w+ )?er)\b",
                          re.IGNORECASE)


def _meeting_before(text: str, spans: Sequence[Span], i: int, *,
                    joined: bool = False) -> str | None:
    """The text from a sentence of the same paragraph, at most two before sentence ``i``,
    that names a meeting's day, up to sentence ``i`` (up to the one before it when the quote
    already begins with that one, ``joined``); None if there is none."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if spans[j].para != spans[i].para or spans[j].bullet:
            return None
        if _MEETING_DAY.search(spans[j].text(text)):
            if joined and j == i - 1:
                return None  # the quote has the meeting's sentence already
            return " ".join(spans[k].text(text) for k in range(j, i - 1 if joined else i))
    return None


# "6. Fælles udmøntning …": the number of a list's point, not an age or a count
_LIST_NUMBER = re.compile(r"(?:^|(?<=\s))\d{1,2}[.)]\s+(?=[A-ZÆØÅ])")


def fact_strength(intent: Intent, text: str) -> float:
    """How well ``text`` carries the kind of fact the question asks for (0 = not at all).
    A person, a count or a measure depends on the question: see :class:`SentencePicker`."""
    if intent is Intent.AMOUNT:  # an amount: kroner, millions, a percentage, "1.725"
        return 1.0 if _AMOUNT.search(text) else 0.0
    if intent is Intent.QUANTITY:
        return 1.0 if _COUNT.search(text) or _COUNT_WORD.search(text) else 0.0
    if intent is Intent.AGE:  # a number, but not a year or school year ("2024-25"), nor
        # an amount ("3.7 mil.kr")
        return 1.0 if _AGE.search(text) else BARE_AGE if _DIGIT.search(_AMOUNT.sub(
            " ", _YEARS_NAMED.sub(" ", _LIST_NUMBER.sub(" ", text)))) else 0.0
    if intent is Intent.PERIOD:  # "i hvilke år": "2021-2024", "i ulige år", "i to år"
        return 1.0 if _YEAR_RANGE.search(text) or _MONTH_SPAN.search(text) \
            or _FREQUENCY.search(text) else 0.6 if (
            _PERIOD.search(text) or _TIME.search(text)) else 0.0
    if intent is Intent.TIME:
        return 1.0 if _TIME.search(text) else 0.0
    if intent is Intent.PLACE:
        return 1.0 if _PLACE.search(text) else 0.0
    if intent is Intent.FUNDING:
        return 1.0 if _FUNDING.search(text) else 0.0
    if intent is Intent.FREQUENCY:
        return 1.0 if _FREQUENCY.search(text) else 0.0
    if intent is Intent.WHICH:
        return 1.0 if _ENUMERATION.search(text) else 0.5
    if intent is Intent.DESCRIBE:
        return 1.0 if _DESCRIPTION.search(text) else 0.0
    if intent is Intent.REASON:
        # "derfor" alone points back to a reason given before: this is its consequence
        causes = [m.group() for m in _CAUSE.finditer(text)]
        return 0.5 if not causes else 0.8 if all(_THEREFORE.fullmatch(c) for c in causes) \
            else 1.0
    return 1.0


# "Rikke Slot (RS)": a name followed by the initials the minutes then use for it
_INITIALS_GIVEN = re.compile(rf"({_PERSON.pattern})\s*\(([A-ZÆØÅ]{{2,5}})\)")


def spelled_out(quote: str, texts: Iterable[str]) -> list[tuple[str, str]]:
    """The initials in ``quote`` ("RS og KMOM holdt oplæg") with the names ``texts`` give
    them ("Rikke Slot (RS)"), in the order the quote uses them."""
    used = dict.fromkeys(re.findall(r"\b[A-ZÆØÅ]{2,5}\b(?!\))", quote))
    if not used:
        return []
    names: dict[str, set[str]] = {}
    for m in _INITIALS_GIVEN.finditer("\n".join(texts)):
        words, initials = m.group(1).split(), m.group(2)
        # "Referent Rikke Slot (RS)": the name is the words the initials spell
        named = [" ".join(words[-k:]) for k in range(len(words), 0, -1)
                 if "".join(w[0] for w in words[-k:]) == initials]
        if named:
            names.setdefault(initials, set()).add(named[0])
    return [(a, next(iter(names[a]))) for a in used
            if len(names.get(a, ())) == 1 and next(iter(names[a])) not in quote]


# a purpose: "med det formål at …", "Formålet er at …", "Programmets mål er, at …"
_PURPOSE = re.compile(r"\b(?:med det formål|formålet|målet\s+(?:er|var)"
                      r"|\w+s\s+(?:for)?mål\s+(?:er|var))\b",
                      re.IGNORECASE)


def _years_named(text: str) -> list[int]:
    """The years ``text`` names, both of a school year ("2022-23" → 2022, 2023)."""
    years: list[int] = []
    for first, second in _YEARS.findall(text):
        years.append(int(first))
        if second:
            years.append(int(first[:2] + second))
    return years


# ... or in passing: "en spørgeskemaundersøgelse for at få en status på …", "med henblik på
# at udarbejde …" (not "der er brug for at …"; not "med henblik på" a noun, a step:
# "videresendes til PKØ med henblik på byrådsbehandling")
_IN_ORDER_TO = re.compile(r"(?<!brug )(?<!behov )(?<!mulighed )(?<!ansvar )(?<!grund )"
                          r"(?<!plads )(?<!tid )\b(?:for|med\s+henblik\s+på,?)\s+at\b",
                          re.IGNORECASE)
IN_PASSING = 0.75  # how surely a purpose said in passing ("for at …") answers "hvad er formålet"


def states_purpose(text: str, *, in_passing: bool = False) -> bool:
    """Does ``text`` say what something is for ("Formålet med dette projekt er, at …"; or,
    ``in_passing``, "… for at få en status på …")?"""
    return _PURPOSE.search(text) is not None or (
        in_passing and _IN_ORDER_TO.search(text) is not None)


def has_cause(text: str, *, purpose: bool = False) -> bool:
    """Does ``text`` give a reason ("fordi", "pga.", "derfor", "skyldes", …), or, when
    ``purpose``, the purpose ("med det formål at")?"""
    return _CAUSE.search(text) is not None or (purpose and _PURPOSE.search(text) is not None)


_ORDINAL = re.compile(r"\b\d{1,2}\.\s+(?=[a-zæøå])")


_AMOUNT_UNITS = frozenset("kr kron mio mia mil million milliard".split())  # stems


def counts(analyzer: Analyzer, text: str, nouns: frozenset[str]) -> bool:
    """Does ``text`` give a number of one of ``nouns`` (stems): "207 skoler", "tre børn",
    "to dialogmøder" (møder)?"""
    words: list[tuple[bool, str]] = []
    # "1:1 samtaler" counts no samtaler, nor "skoleåret 2020/21 … elever" elever
    # nor does an ordinal: "9. klasseelever" are pupils of the ninth form
    for tok in raw_tokens(_ORDINAL.sub(" ", _YEAR_RANGE.sub(" ", _RATIO.sub(" ", text)))):
        if tok[0].isdigit():
            words.append((True, tok))
        else:
            for part in tok.split("-"):
                if part:
                    words.append((part in _COUNT_WORDS, analyzer.stem(part)))

    def counted(stem: str) -> bool:  # "to dialogmøder" are møder: a compound ending so
        return stem in nouns or any(len(n) >= 3 and stem.endswith(n) for n in nouns)

    for i, (is_number, _) in enumerate(words):
        if is_number and i + 1 < len(words) and words[i + 1][1] in _AMOUNT_UNITS:
            continue  # "500.000 kr. af Børn og Unges midler" counts no children
        # "75 % af de deltagende forældre": a share of them counts them too
        after = [stem for _, stem in words[i + 1 : i + 7]
                 if stem in nouns or stem not in _SHARE_WORDS][:3]
        if is_number and any(counted(stem) for stem in after):
            return True
    return False


def measures(analyzer: Analyzer, text: str, stems: frozenset[str], *, reach: int = 60) -> bool:
    """Does ``text`` give a value of the measure ``stems`` names: a number within ``reach``
    characters of it ("andelen er 34 %", "et karaktergennemsnit på 7,2")?"""
    for m in _COUNT.finditer(text):
        if _YEAR.fullmatch(m.group()):
            continue  # "tilfredsheden blev målt i 2025" gives no value
        near = text[max(0, m.start() - reach) : m.end() + reach]
        if any(analyzer.stem(w) in stems for w in raw_tokens(near)):
            return True
    return False


def fact_required(intent: Intent) -> bool:
    return intent in NUMERIC_INTENTS or intent in (Intent.TIME, Intent.FREQUENCY, Intent.PLACE,
                                                   Intent.FUNDING)


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of text to quote from: a section, or a passage chunk."""

    text: str
    name: str | None  # the section's name for the citation
    kind: str | None  # SectionKind value, None for passages
    weight: float
    about: str = ""  # what its sentences are about besides the title (a decision: the case)


@dataclass(slots=True)
class Pick:
    """A sentence (with its lead-in or sibling list entries) that may answer."""

    block: Block
    span: Span
    quote: str
    evidence: float  # 0..1: share of the question's weight this sentence carries
    score: float  # evidence × section weight (+ a bonus for the fact asked for)
    fact: bool
    strength: float = 1.0  # how surely it gives the fact asked for (0..1)


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


def _heads(concept: Concept, known: Callable[[str], bool]) -> frozenset[str]:
    """Known stems that a question word's stem is a compound of: "ungeprofilundersøg" →
    "undersøg" (the last part, at least five letters)."""
    out: set[str] = set()
    for v in concept.variants:
        if v.weight < 1.0 or v.stem.isdigit():
            continue
        for k in range(3, len(v.stem) - 4):
            head = v.stem[k:]
            if known(head) and compound_head_match(v.stem, head, known=known):
                out.add(head)
                break  # the longest head
    return frozenset(out)


class SentencePicker:
    """Scores sentences of blocks against a question's concepts."""

    def __init__(
        self,
        analyzer: Analyzer,
        concepts: Sequence[Concept],
        intent: Intent,
        *,
        counted: str | None = None,
        measured: str | None = None,
        focus: str | None = None,
        known: Callable[[str], bool] | None = None,
        compounds: bool = True,
        since: bool = False,
        day: bool = False,
        money: bool = False,
        chosen: bool = False,
        costed: str | None = None,
        budget_years: frozenset[str] = frozenset(),
        part_asked: bool = False,
        difference: bool = False,
        event: str | None = None,
        returns: bool = False,
        rate: bool = False,
        shown_by: str | None = None,
        judged: bool = False,
        before_now: bool = False,
        after_now: bool = False,
        compared: bool = False,
        years_for: frozenset[int] = frozenset(),
        claim: frozenset[str] = frozenset(),
        purpose: bool = False,
        aim: bool = False,
        named: bool = False,
        name_asked: bool = False,
        listed: bool = False,
        singled_out: frozenset[str] = frozenset(),
    ) -> None:
        # "hvor mange elever fra Kolding": a count for a list of places or bodies that names
        # one of them ("13 kommuner (…, Hedensted og Kolding) … 79.000 elever") is theirs
        # together, not that one's
        self.singled_out = singled_out
        self.name_asked = name_asked  # "hvad hedder værten": a name answers, a role does not
        self.listed = listed  # "hvilke fire fokusområder": only a list answers
        self.analyzer = analyzer
        self.named = named  # "hvem er skoleleder …": only a sentence naming someone answers
        self.known = known
        self.compounds = compounds
        self.since = since
        self.day = day  # "hvilken dato": "den 25.-26. marts", not "primo maj"
        self.money = money  # "hvad koster": "2,4 mio. kr.", not "73 %"
        self.chosen = chosen  # "hvem vandt": "… valgte Fjordby Rådgivning og Ung Linje"
        # "hvad koster det at udbygge …": the sentence itself names the action priced
        self.costed = next((c for c in concepts if c.surface == costed), None)
        self.budget_years = budget_years
        self.part_asked = part_asked
        self.difference = difference  # "hvor meget senere": a change by an amount
        self.event = next((c for c in concepts if c.surface == event), None)
        # "hvad viste evalueringen": a sentence that does not name it did not come of it
        self.shown_by = next((c for c in concepts if c.surface == shown_by), None)
        self.returns = returns  # "hvornår kommer sagen igen": a time it comes back
        self.judged = judged  # "hvordan er det gået med X": "… har været en stor succes"
        self.before_now = before_now  # "hvor mange har der hidtil været": the old practice
        self.after_now = after_now  # "hvor ofte skal der fremover": not the old practice
        self.compared = compared  # "i forhold til landsgennemsnittet": "ligger over …"
        self.years_for = years_for  # "hvor mange penge … til 2022"
        # "Skal X behandles i udvalget?": "en udvalgsbehandling af X" says what it claims
        self.claimed = [c for c in concepts if c.surface in claim]
        self.purpose = purpose  # "hvorfor blev X indført": "med det formål at …" answers
        self.aim = aim  # "hvad er formålet med X": "… for at få en status" answers too
        self.rate = rate  # "hvad koster en samtale pr. ung": not the total
        # "hvem skal lede …": someone named for another part ("samle fagligheder fra PPR")
        # does not lead it (other verbs are paraphrased too often: "sidde i" ~ "deltage i")
        self.acts = [c for c in concepts if not c.in_coverage and c.surface in _LEAD_VERBS] \
            if intent is Intent.PERSON else []
        self.concepts = [c for c in concepts if c.importance > 0]
        self.asked = frozenset(v.stem for c in self.concepts for v in c.variants)
        self.intent = intent
        # the heads of the question's compounds: "undersøgelsen" in an item about
        # "Ungeprofilundersøgelsen" refers to it
        self.heads = [_heads(c, known) if compounds and known is not None else frozenset()
                      for c in self.concepts]
        self.names = [(c, h) for c, h in zip(self.concepts, self.heads, strict=True) if c.name]
        self.topical = [c for c in self.concepts if c.in_coverage and c.importance >= 0.5]
        # "hvor mange ekstra dagplejere": the noun is counted, not its adjective
        noun = counted.split()[-1] if counted else None
        # "hvor mange dagplejere er ansat i alt": besides the noun counted, what is said of it
        self.besides_counted = [c for c in self.topical if c.surface != noun] \
            if noun is not None else []
        nouns = [c for c in self.concepts if c.surface == noun]
        if noun is not None and "-" in noun:
            nouns = nouns[-1:]  # "IBCLC-ammekonsulenter": the concept of its last part
        # of an unknown compound split in parts, the last part is the thing counted
        self.counted = frozenset(v.stem for c in nouns for v in c.variants
                                 if v.part < 0 or v.part == _last_part(c)) if nouns else None
        if self.counted is not None:  # "hvor mange elever svarede": "1.300 besvarelser"
            by_verb = {c.surface for c in self.concepts if c.surface != noun and any(
                base in COUNTED_BY_VERB for base in (c.surface, *lexicon.lemmas(c.surface)))}
            self.counted |= {analyzer.stem(n) for c in self.concepts if c.surface in by_verb
                             for base in (c.surface, *lexicon.lemmas(c.surface))
                             for n in COUNTED_BY_VERB.get(base, ())}
            focus = " ".join([focus or "", *by_verb])  # ... and is asked as much
        measures = [c for c in self.concepts if c.surface == measured]
        self.measured = frozenset(v.stem for c in measures for v in c.variants if v.weight >= 1) \
            if measures else None
        # the word asked about ("hvad var formålet …", "hvilke kommuner") weighs like the
        # question's strongest words, whatever its IDF, and then some
        strongest = max((c.idf for c in self.concepts if c.importance >= 1.0), default=1.0)
        self.weights = [
            FOCUS * max(c.idf, strongest) if focus and c.surface in focus.split()
            else c.idf * c.importance
            for c in self.concepts
        ]
        self.total = sum(self.weights) or 1.0

    def evidence(self, text: str, context: Sequence[tuple[set[str], float]] = (),
                 scope: set[str] | None = None, stems: set[str] | None = None) -> float:
        """Share of the question's weight found in ``text``; words found only in a
        ``context`` (the item's title, the sentence before) count at its factor. A compound
        of the question found in ``scope`` (the item's title, the section) counts at
        HEAD_QUALITY in a sentence that names only its head. ``stems``: those of ``text``,
        when known already."""
        if stems is None:
            stems = self.analyzer.term_set(text)
        got = 0.0
        for c, weight, heads in zip(self.concepts, self.weights, self.heads, strict=True):
            q = _concept_quality(c, stems, self.known, self.compounds)
            if q < HEAD_QUALITY and heads and scope is not None and not heads.isdisjoint(stems) \
                    and c.quality(scope.__contains__) >= 1.0:
                q = HEAD_QUALITY
            for ctx, factor in context:
                if q >= factor:
                    break
                # an unknown compound's parts may be split between them: "beslutning" in
                # the sentence, "amning" in the title, for "amningsbeslutningen"
                q = max(q, factor * _concept_quality(c, ctx | stems if c.by_parts else ctx,
                                                     self.known, self.compounds))
            got += weight * q
        return min(1.0, got / self.total)

    def _head_refers(self, sentence: str, span_terms: _SpanTerms, i: int) -> set[str]:
        """The stems of the question's compounds that a sentence opening with their head
        in the definite form ("Enheden …", "Projektet …") refers to: compounds the block
        names in the sentences around it (HEAD_REACH either way: a page may start with
        "Enheden …" and name it further down)."""
        first = _FIRST_WORD.match(sentence)
        if first is None:
            return set()
        head = _DEFINITE.sub("", first.group(1).lower())
        if len(head) < HEAD_MIN_LENGTH:
            return set()
        stems = {c.variants[0].stem for c in self.concepts
                 if c.importance >= 0.5 and c.variants
                 and (word := _DEFINITE.sub("", c.surface)) != head and word.endswith(head)}
        if not stems:
            return set()
        around = range(max(0, i - HEAD_REACH), min(len(span_terms), i + HEAD_REACH + 1))
        return {stem for stem in stems if any(stem in span_terms[j] for j in around if j != i)}

    def picks(self, blocks: Sequence[Block], context_text: str = "", *,
              aside: str = "") -> list[Pick]:
        """Every sentence of ``blocks``, scored, best first. ``aside``: more that the item
        names (its attachments' titles), for the question's proper names only."""
        title = self.analyzer.term_set(context_text) if context_text else set()
        aside_terms = self.analyzer.term_set(aside) if aside else set()
        asked = self.asked
        other_title = {t for t in title if t not in asked and not t.isdigit()}
        need_fact = fact_required(self.intent)
        out: list[Pick] = []
        # "Rådmanden godkendte indstillingspunkt 3 …" is about the third recommendation;
        # read only when a sentence refers back to one
        recommended: dict[int, str] | None = None
        # words the unit writes in lower case: "Åben Anonym Rådgivning" is no one's name
        common = {w for b in blocks for w in _LOWER_WORD.findall(b.text)} if (
            self.chosen or self.named or self.name_asked or self.intent is Intent.PERSON) \
            else set()
        subjects = self._title_subjects(context_text)
        for block in blocks:
            spans = sentence_spans(block.text)
            about = self.analyzer.term_set(block.about) if block.about else set()
            scope = title | about | self.analyzer.term_set(block.text)
            span_terms = _SpanTerms(self.analyzer, block.text, spans)
            elsewhere = _about_other_subject(subjects, span_terms, len(spans))

            for i, span in enumerate(spans):
                sentence = span.text(block.text)
                if len(sentence) < 3 or (self.intent is not Intent.DECISION
                                         and _INTERROGATIVE.search(sentence)):
                    continue  # "Hvilke temaer udvalget prioriterer …" asks, it does not tell
                if self.budget_years and (named := BUDGET_YEAR.findall(sentence)) \
                        and self.budget_years.isdisjoint(named):
                    continue  # "afsat … i budget 2021" does not answer "i budget 2022"
                if self.years_for and (years := _years_named(sentence)) \
                        and not any(min(years) <= y <= max(years) for y in self.years_for):
                    continue  # money "i perioden 2019-2021" is not money for 2022
                context = [(title, TITLE_CONTEXT)]
                if about:  # "Alle udvalgsmedlemmer deltager." decides what the item proposes
                    context.append((about, TITLE_CONTEXT))
                if i > 0 and (_ANAPHOR.match(sentence) or self.intent is Intent.DESCRIBE):
                    # "Idéen går ud på, at …" is about what the sentence before names
                    previous = span_terms[i - 1]
                    described = self.intent is Intent.DESCRIBE and _DESCRIPTION.search(sentence)
                    context.insert(0, (previous, DESCRIBED if described else PREVIOUS_CONTEXT))
                elif (entry := _entry_start(spans, i)) is not None:
                    # a later sentence of a list entry is about what the entry says before
                    # it ("4) Affaldssortering. … Rappe-Skralde-handskedukker … Budget: …")
                    head = self.analyzer.term_set(block.text[spans[entry].start:span.start])
                    context.insert(0, (head, PREVIOUS_CONTEXT))
                elif len(sentence) <= FIELD_CHARS and _FIELD.match(sentence):
                    # a field of a record ("Projektidé: Naturens Hus" / "Ansøger: …") is
                    # about what the record's other fields above it name
                    for j in _record_above(block.text, spans, i):
                        context.insert(0, (span_terms[j], PREVIOUS_CONTEXT))
                if compound := self._head_refers(sentence, span_terms, i):
                    # "Enheden bemandes med 3 fuldtidsstillinger": the definite head of a
                    # compound named nearby ("uddannelses-/udviklingsenheden") refers to it
                    context.insert(0, (compound, PREVIOUS_CONTEXT))
                if i + 1 < len(spans) and spans[i + 1].para == span.para \
                        and _RESTATES.match(spans[i + 1].text(block.text)):
                    context.insert(0, (span_terms[i + 1], PREVIOUS_CONTEXT))
                if i > 0 and _MENTIONED.search(sentence):
                    # "den omtalte IBCLC-uddannelse" is the one the sentences before describe
                    for j in range(max(0, i - MENTIONED_REACH), i):
                        context.insert(0, (span_terms[j], PREVIOUS_CONTEXT))
                # "emnet", "forslaget", or a remark listed under "Rådmanden godkendte
                # indstillingspunkt 3 med følgende bemærkninger:" is about recommendation 3
                refers = _REFERS.search(sentence) is not None
                if (refers or span.bullet) and (ref := _referred(
                        block.text, span.start, remark=not refers)) is not None:
                    if recommended is None:
                        recommended = recommendations("\n".join(b.text for b in blocks))
                    if ref in recommended:
                        context.insert(0, (self.analyzer.term_set(recommended[ref]),
                                           PREVIOUS_CONTEXT))
                stems = span_terms[i]
                tail = _short_tail(block.text, spans, i)
                if tail is not None and not sentence.endswith(":"):
                    # a short sentence after it is quoted with it ("… den 2. juni. Skal
                    # rettes til."), and tells as much
                    context.insert(0, (span_terms[i + 1], 1.0))
                ev = self.evidence(sentence, context, scope, stems)
                if ev <= 0:
                    continue
                if self.topical and not self._topic_found(stems, context, self.topical):
                    continue  # only the verb ("vedtaget") or framing words: not about it
                if self.besides_counted and not self._topic_found(stems, context,
                                                                  self.besides_counted):
                    continue  # "1-2 dagplejere i området" does not count those employed
                # a name given a few sentences before still names the subject
                # ("Projektidé: Grønne tage på Beder Skole. … MTM vurderer, at …")
                if self.names and not self._names_found(
                        stems, [*(ctx for ctx, _ in context), aside_terms,
                                   *(span_terms[j] for j in range(max(0, i - NAME_REACH), i))]):
                    ev *= NAME_MISSING  # "Hvornår lukker Tuen?": a sentence about Tusindfryd
                elif elsewhere[i]:
                    ev *= NAME_MISSING  # the title's other subject, named just before
                if self.event is not None and not self._topic_found(stems, context,
                                                                    [self.event]):
                    ev *= NAME_MISSING  # "hvornår åbner X": a time said of something else
                if self.shown_by is not None and not self._topic_found(stems, context,
                                                                       [self.shown_by]):
                    ev *= NAME_MISSING  # "hvad viste evalueringen": said of something else
                if self.acts and not self._topic_found(stems, (), self.acts):
                    continue  # "hvem skal lede X": someone named for another part
                if self.costed is not None and _concept_quality(
                        self.costed, stems, self.known, self.compounds) == 0:
                    ev *= NAME_MISSING  # the money is for something else
                quote = _with_lead_in(block.text, spans, i)
                headed = self.intent is not Intent.REASON and _is_heading(block.text, spans, i)
                if headed:
                    # "d.Administrative konsekvenser" and what it heads (a cause under a
                    # heading is not said of what a "hvorfor" asks about)
                    quote = _with_headed(block.text, spans, i)
                elif quote.endswith(":"):  # a lead-in: the list it introduces is the answer
                    quote = _with_list(block.text, spans, i, quote)
                elif i > 0 and not span.bullet and (_ANAPHOR.match(sentence) or (
                        _THEREFORE.search(sentence) if self.intent is Intent.REASON
                        else _CONCLUDES.search(sentence))):
                    # "Denne er aflyst pga. COVID-19." says little without what "Denne" is;
                    # "… blev derfor lukket", "… er derfor, at …": the consequence of the
                    # sentence before
                    before = spans[i - 1].text(block.text)
                    if not spans[i - 1].bullet and len(before) + len(quote) <= ANAPHOR_QUOTE:
                        quote = f"{before} {quote}"
                if tail is not None and not quote.endswith(":"):
                    quote = f"{quote} {tail}"
                if self.counted is not None:  # "hvor mange skoler": "207 skoler"
                    strength = 1.0 if counts(self.analyzer, quote, self.counted) else 0.0
                    if strength and not self.part_asked and _PART_OF.search(sentence):
                        strength = PART_STRENGTH  # "6 af de 13 kommuner": some of them
                    elif strength and self.part_asked and _ALL_TOLD.search(sentence) \
                            and not _PART_OF.search(sentence):
                        strength = 0.0  # "… skoler samt friskoler med i alt 1.300
                        # besvarelser" for "hvor mange af dem kom fra friskolerne": all of them
                    if strength and self.singled_out \
                            and (listed := _ENUMERATED.search(sentence)) \
                            and len(self.singled_out & {w.lower() for w in _CAPITALISED.findall(
                                listed.group())}) == 1 \
                            and not counts(self.analyzer, sentence[:listed.start()][-LISTED_BY:],
                                           self.counted):
                        strength = 0.0  # (not "13 kommuner (…)": the list's own count)
                elif self.measured is not None:  # "karaktergennemsnittet var 7,2"
                    strength = 1.0 if measures(self.analyzer, sentence, self.measured) else 0.0
                elif self.chosen:  # the choice made ("valgte", "vandt"), and whom
                    strength = 1.0 if _CHOSEN.search(quote) and (
                        self._new_name(quote, common) or _ENUMERATION.search(quote)) else 0.0
                elif self.money:
                    strength = 1.0 if _MONEY.search(quote) and (
                        not self.rate or RATE.search(quote)) else 0.0
                elif self.listed:
                    strength = 1.0 if _ENUMERATION.search(quote) else 0.0
                elif self.named:  # "hvem er leder af …": a person, not a body's initials
                    strength = 1.0 if self._new_name(quote, common, person=True) else 0.0
                elif self.name_asked:  # a person's name, or a title in quotation marks
                    strength = 1.0 if self._new_name(quote, common) \
                        or self._new_title(quote) else 0.0
                elif self.intent is Intent.PERSON:  # someone the question does not name
                    strength = 1.0 if self._new_name(quote, common) \
                        else 0.9 if self._new_role(quote) else 0.0
                elif self.judged:
                    strength = 1.0 if _JUDGEMENT.search(quote) else 0.0
                elif self.compared:
                    strength = 1.0 if _COMPARISON.search(quote) else 0.0
                elif self.claimed:
                    strength = 1.0 if self._topic_found(stems, (), self.claimed) else 0.0
                elif self.purpose and _PURPOSE.search(quote):
                    strength = 1.0
                elif self.aim and _IN_ORDER_TO.search(quote):
                    strength = IN_PASSING
                else:
                    strength = fact_strength(self.intent, quote)
                if strength == 0 and self.intent is Intent.TIME and not span.bullet \
                        and (met := _meeting_before(block.text, spans, i,
                                                    joined=quote != sentence)) is not None \
                        and len(met) + len(quote) <= ANAPHOR_QUOTE:
                    # "Udvalget behandlede på møde den 2. maj 2022 dette tema (…). Udvalget
                    # besluttede, at …": the meeting named just before is when
                    quote = f"{met} {quote}"
                    strength = fact_strength(self.intent, quote)
                if self.intent is Intent.FREQUENCY and strength > 0 \
                        and not self._frequency_of_topic(quote):
                    strength *= REMOTE_FREQUENCY  # "halvårligt" said of something else
                if self.difference:  # "2 år og 11 måneder" is the age, not how much later
                    strength = 1.0 if _CHANGE_BY.search(quote) else strength * 0.5
                if self.returns and not _RETURN_SAID.search(quote):
                    strength = 0.0  # a time, but not of coming back
                if self.day and not _DAY.search(quote):
                    strength = 0.0
                if self.after_now and _BEFORE_NOW_SAID.search(sentence):
                    strength = 0.0  # "hvor ofte skal der fremover …": not what has been
                if self.since and strength > 0 and not _SINCE.search(quote):
                    strength *= 0.6  # "fra hvornår": "fra 1. januar 2024", "pr. 1. august"
                fact = strength > 0
                score = ev * block.weight
                if need_fact or self.intent is Intent.DESCRIBE or self.judged or self.compared \
                        or self.claimed:
                    score *= 0.5 + 0.5 * strength
                elif self.intent in (Intent.WHICH, Intent.REASON):  # a list, a cause
                    score *= 0.7 + 0.3 * strength
                # a lead-in ("Indsatserne er:") tells what its list says, a heading what it heads
                novelty = self._novelty(quote if headed or sentence.endswith(":") else sentence,
                                        asked)
                if novelty == 0 and self.intent is not Intent.DECISION \
                        and self._novelty(quote, asked) == 0:
                    continue  # a heading that repeats the question answers nothing
                if strength and self.claimed:
                    pass  # a sentence that says what a yes/no question claims confirms it
                elif novelty == 0:
                    score *= NOVELTY_FLOOR
                else:  # of two sentences that match alike, the one that tells more
                    score *= 1.0 - NOVELTY_TIE * (1.0 - min(novelty, NOVELTY_FULL) / NOVELTY_FULL)
                if len(sentence) > 350:
                    score *= 0.9
                if self.before_now and _BEFORE_NOW_SAID.search(sentence):
                    score *= BEFORE_NOW  # "har det været praksis, at …", not the proposal
                elif self.after_now and _BEFORE_NOW_SAID.search(sentence):
                    score /= BEFORE_NOW  # "fremover": the proposal, not the old practice
                if other_title:
                    # a sentence naming the title's other subjects is about those
                    # ("… samt projekt De Første 1000 Dage" when asked about the first)
                    others = len(other_title & self.analyzer.term_set(sentence))
                    score *= 1.0 - OTHER_TITLE_PENALTY * min(others, 3)
                out.append(Pick(block, span, quote, ev, score, fact, strength))
        out.sort(key=lambda p: -p.score)
        return out

    def _frequency_of_topic(self, quote: str) -> bool:
        """Is a frequency in ``quote`` said of a topic word of the question, next to it
        ("seks 1:1 ledelsesopfølgninger om året", "6 årlige ledelsesopfølgninger"), rather
        than of something else in the sentence ("data om udlånet halvårligt")?"""
        for m in _FREQUENCY.finditer(quote):
            before = quote[:m.start()].split()[-FREQUENCY_REACH:]
            after = quote[m.end():].split()[:FREQUENCY_REACH]
            near = " ".join([*before, m.group(), *after])
            if self._topic_found(self.analyzer.term_set(near), (), self.topical):
                return True
        return False

    def _topic_found(self, stems: set[str], context: Sequence[tuple[set[str], float]],
                     concepts: Sequence[Concept]) -> bool:
        """Does the sentence (its ``stems``), or its context, have one of ``concepts`` (the
        question's topic words, not only its verb or its framing words)?"""
        around = stems.union(*(ctx for ctx, _ in context))
        return any(_concept_quality(c, around, self.known, self.compounds) > 0
                   for c in concepts)

    def _title_subjects(self, title: str) -> list[tuple[frozenset[str], bool]]:
        """The names of a title with two subjects or more ("Projekt Styrke på Tværs samt
        projekt De Første 1000 Dage"), each as its stems and whether the question names it;
        empty unless the question names one and not all."""
        if not self.names or not _JOINED.search(title):
            return []
        found: dict[frozenset[str], bool] = {}
        for name in sorted(names_in(title), key=len):
            stems = frozenset(self.analyzer.term_set(" ".join(name)))
            if stems and not any(known <= stems for known in found):
                found[stems] = stems <= self.asked
        if not any(found.values()) or all(found.values()):
            return []
        return list(found.items())

    def _names_found(self, stems: set[str], around: Sequence[set[str]]) -> bool:
        """Does the sentence (its ``stems``), or what is ``around`` it (its title, the
        sentences before), name every proper name of the question?"""
        around_stems = stems.union(*around)
        found: dict[str, bool] = {}  # a hyphenated name is named by any of its parts
        for c, heads in self.names:
            found[c.surface] = found.get(c.surface, False) or (
                _concept_quality(c, around_stems, self.known, self.compounds) > 0
                or not heads.isdisjoint(stems))
        return all(found.values())

    def _new_name(self, quote: str, common: Set[str], *, person: bool = False) -> bool:
        """Does ``quote`` name a person (or, unless ``person``, a body by its initials) the
        question does not? ``common``: the words the unit writes in lower case."""
        asked = {c.surface for c in self.concepts}
        # a capitalised phrase in quotation marks is a title (”God Ledelse”), not a name
        for name in (_PERSON if person else _NAME).findall(_QUOTED.sub(" ", quote)):
            words = [w.lower() for w in name.split()]
            if any(w in _PLACE_WORDS or any(h in w for h in _PLACE_HEADS) for w in words) \
                    or all(w in asked for w in words):
                continue
            if person and words[0].endswith(_ADJECTIVE_ENDINGS):
                continue  # "Pædagogisk Psykologisk Rådgivning", "Stærkere Læringsfællesskaber"
            if len(words) > 1 and set(words[1:]) <= common:
                continue  # a programme named in common words ("Åben Anonym Rådgivning")
            return True
        return False

    def _new_role(self, quote: str) -> bool:
        """Does ``quote`` name a role or a body other than the question's verb ("den faglige
        ledelse" is no one for "hvem skal lede …")?"""
        verbs = {v.stem for c in self.acts for v in c.variants}
        return any(not m.group().lower().endswith(("else", "elsen"))
                   or self.analyzer.term_set(m.group()) - verbs for m in _ROLE.finditer(quote))

    def _new_title(self, quote: str) -> bool:
        """Does ``quote`` give a title in quotation marks the question does not ("“Fra
        pejlemærker til praksis” er overskriften på …" for "hvad hedder indsatsen")?"""
        return any(self.analyzer.term_set(m.group()) - self.asked
                   for m in _QUOTED.finditer(quote))

    def _novelty(self, sentence: str, known_terms: Set[str]) -> int:
        """How many words of ``sentence`` the question and the title do not already say."""
        return len(self.analyzer.term_set(sentence) - known_terms)

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


def reason_continued(best: Pick) -> list[Pick]:
    """The next sentence of a reason, when it gives a cause too: "…, hvilket medfører, at det
    ikke er muligt at samle alle pladser" is explained by "Dels er der flere tilflyttere …,
    som medfører et øget børnetal, hvorfor …"."""
    spans = sentence_spans(best.block.text)
    if best.span not in spans:
        return []
    # the sentence after the quote (which may have taken in a short one after its own)
    after = next((s for s in spans[spans.index(best.span) + 1:]
                  if s.text(best.block.text) not in best.quote), None)
    if after is None or after.bullet or not has_cause(text := after.text(best.block.text)):
        return []
    return [replace(best, span=after, quote=text)]


def _short_tail(text: str, spans: Sequence[Span], i: int) -> str | None:
    """The sentence after span ``i``, when it is short (TAIL_WORDS) and in its paragraph;
    not a lead-in ("Reglerne er:"), which belongs to the list after it."""
    if i + 1 < len(spans) and (tail := spans[i + 1]).para == spans[i].para \
            and not tail.bullet and len(words := tail.text(text).split()) <= TAIL_WORDS \
            and not words[-1].endswith(":"):
        return " ".join(words)
    return None


def _lead_in_index(text: str, spans: Sequence[Span], i: int) -> int | None:
    """The sentence ending with ":" that introduces the list entry ``spans[i]``."""
    j = i - 1
    openers = {_first_word(spans[i].text(text))}
    while j >= 0 and spans[j].bullet:
        line = spans[j].text(text)
        if _ANNOUNCES_REMARKS.search(line) and _first_word(line) not in openers:
            # "• Rådmanden godkendte indstillingspunkt 3 med følgende bemærkninger." heads
            # the remarks after it, up to the next "• Rådmanden godkendte …"
            return j
        openers.add(_first_word(line))
        j -= 1
    if j >= 0 and spans[j].text(text).endswith(":"):
        return j
    return None


_BULLETS = "•◦-–\uf0b7 "


def _first_word(line: str) -> str:
    words = line.lstrip(_BULLETS).split(maxsplit=1)
    return words[0] if words else ""


_ANNOUNCES_REMARKS = re.compile(r"\bmed\s+følgende\s+bemærkning(?:er)?\W*$", re.IGNORECASE)


class _SpanTerms:
    """The stems of a block's sentences, each analysed when first asked for."""

    def __init__(self, analyzer: Analyzer, text: str, spans: Sequence[Span]) -> None:
        self.analyzer, self.text, self.spans = analyzer, text, spans
        self.terms: dict[int, set[str]] = {}

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, j: int) -> set[str]:
        if j not in self.terms:
            self.terms[j] = self.analyzer.term_set(self.spans[j].text(self.text))
        return self.terms[j]


def _last_part(concept: Concept) -> int:
    return max(v.part for v in concept.variants)


_RECOMMENDED = re.compile(r"indstille[rs]?(?:\s+til\s+\w+)?,? at:?\s*\n((?:\s*\d+\.\s.+\n?)+)",
                          re.IGNORECASE)
_REFERENCE = re.compile(r"\b(?:indstillings|at-)punkt\s+(\d+)\b", re.IGNORECASE)
# words that refer back to what a recommendation is about ("… drøfte emnet")
_REFERS = re.compile(r"\b(emnet|punktet|sagen|dette|disse|temaet|forslaget|indstillingen)\b",
                     re.IGNORECASE)
REFERENCE_REACH = 600  # characters back to "indstillingspunkt 3" from what it frames


def recommendations(text: str) -> dict[int, str]:
    """The numbered recommendations ("Det indstilles, at: 1. … 2. …") by their number."""
    m = _RECOMMENDED.search(text)
    if m is None:
        return {}
    entries = re.findall(r"(?m)^\s*(\d+)\.\s+(.+)$", m.group(1))
    return {int(n): entry for n, entry in entries}


def _referred(text: str, start: int, *, remark: bool = False) -> int | None:
    """The recommendation the text shortly before ``start`` refers to by its number (with
    ``remark``, only when it announces the remarks that follow: "… godkendte
    indstillingspunkt 3 med følgende bemærkninger.")."""
    refs = list(_REFERENCE.finditer(text, max(0, start - REFERENCE_REACH), start))
    if not refs:
        return None
    if remark:
        announced = _line(text, refs[-1].end())
        if not (_ANNOUNCES_REMARKS.search(announced) or announced.rstrip().endswith(":")) \
                or _REFERENCE.search(_line(text, start)):
            return None  # (an entry that names a recommendation itself is no remark)
    return int(refs[-1].group(1))


def _line(text: str, start: int) -> str:
    """``text`` from ``start`` to the end of its line."""
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


def _record_above(text: str, spans: Sequence[Span], i: int) -> list[int]:
    """The field lines ("Label: value") right above ``spans[i]``, up to RECORD_FIELDS."""
    out: list[int] = []
    labels = {spans[i].text(text).split(":", 1)[0]}
    j = i - 1
    while j >= 0 and len(out) < RECORD_FIELDS:
        line = spans[j].text(text)
        label = line.split(":", 1)[0]
        if len(line) > FIELD_CHARS or not _FIELD.match(line) or label in labels:
            break  # not a field, or a label seen already: the record before this one
        labels.add(label)
        out.append(j)
        j -= 1
    return out


def _entry_start(spans: Sequence[Span], i: int) -> int | None:
    """The first sentence of the list entry that ``spans[i]`` continues, if any."""
    if spans[i].bullet:
        return None
    para = spans[i].para
    j = i - 1
    while j >= 0 and spans[j].para == para:
        if spans[j].bullet:
            return j
        j -= 1
    return None


def _is_heading(text: str, spans: Sequence[Span], i: int) -> bool:
    """Is ``spans[i]`` a heading line of its own, a few words without a full stop, heading
    the paragraph after it?"""
    sentence = spans[i].text(text)
    if i + 1 >= len(spans):
        return False
    headed = spans[i + 1].text(text)
    # not a field ("Ansøger: …", "Direkte telefon: …"), nor a heading before another heading
    return not spans[i].bullet and ":" not in sentence \
        and not sentence.endswith((".", "!", "?", ";", ",")) \
        and len(sentence.split()) <= HEADING_WORDS \
        and spans[i + 1].para != spans[i].para \
        and (i == 0 or spans[i - 1].para != spans[i].para) \
        and headed[:1].isupper() and headed.endswith((".", "!", "?")) and ":" not in headed[:30]


def _with_headed(text: str, spans: Sequence[Span], i: int) -> str:
    """A heading line with (the start of) the paragraph it heads."""
    quote = f"{spans[i].text(text)}:"
    for n, span in enumerate(spans[i + 1:]):
        if span.para != spans[i + 1].para \
                or (n > 0 and len(quote) + span.end - span.start > HEADED_CHARS):
            break  # the paragraph's first sentence at least
        quote = f"{quote} {span.text(text)}"
    return clip(quote, LIST_QUOTE_CHARS)


def _with_list(text: str, spans: Sequence[Span], i: int, quote: str) -> str:
    """A lead-in ("… peger på tre modeller:") with the list entries that follow it."""
    entries: list[str] = []
    previous = spans[i]
    fields = False  # a list of labelled entries ("Inklusion: Andelen af elever …"), after a
    # lead-in that is no bare label itself ("Beskrivelse:" ends one record, not a list)
    labelled = len(quote.split()) > 2
    for span in spans[i + 1 : i + 1 + LIST_ENTRIES]:
        if labelled and not span.bullet and (fields or not entries) and span.para != previous.para \
                and _FIELD.match(span.text(text)):
            fields = True
        elif not span.bullet:
            if entries and span.para == previous.para:
                # the entry goes on after its first sentence: the list goes on after it
                entries[-1] = clip(f"{entries[-1]} {span.text(text).strip()}",
                                   LIST_ENTRY_CHARS)
                previous = span
                continue
            break
        entries.append(clip(span.text(text).lstrip("•-–\uf0b7 ").strip(), LIST_ENTRY_CHARS))
        previous = span
    if not entries:
        # a label whose value the PDF put on the next line ("Budget:" / "20.000 kroner.")
        if i + 1 < len(spans) and len(value := spans[i + 1].text(text)) <= FIELD_VALUE_CHARS \
                and value.endswith((".", "!", "?")):
            return f"{quote} {value}"
        return quote
    return clip(f"{quote} {'; '.join(entries)}", LIST_QUOTE_CHARS)


def _about_other_subject(subjects: Sequence[tuple[frozenset[str], bool]],
                         span_terms: _SpanTerms, count: int) -> list[bool]:
    """For each sentence of a block: is the last of the title's subjects named up to it one
    the question does not ask about ("Projekt to, … de 1000 første dage …. Formålet med dette
    projekt er …" for the purpose of Styrke på Tværs)?"""
    if not subjects:
        return [False] * count
    out: list[bool] = []
    other = False
    for i in range(count):
        named = [asked for stems, asked in subjects if stems <= span_terms[i]]
        if named:
            other = not any(named)
        out.append(other)
    return out


def _with_lead_in(text: str, spans: Sequence[Span], i: int) -> str:
    sentence = spans[i].text(text)
    if spans[i].bullet:
        sentence = sentence.lstrip(_BULLETS).strip()
        j = _lead_in_index(text, spans, i)
        if j is not None and i - j <= 12:
            lead = spans[j].text(text).lstrip(_BULLETS)
            return f"{lead} … {sentence}"
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


# a heading of its own ("Beslutninger:"), not the word in a sentence ("… beslutningen – eller")
_DECISION_MARK = re.compile(r"^[ \t•\uf0b7◦]*(?:Beslutning(?:er)?|Konklusion)\s*:"
                            r"|\bRådmanden godkendte\b",
                            re.IGNORECASE | re.MULTILINE)


def decision_quote(text: str, *, limit: int = 700) -> str:
    """The decision as quoted: from "Beslutninger:" on when a long text has it."""
    flat = text.strip()
    if len(flat) > limit:
        m = _DECISION_MARK.search(flat)
        if m is not None and m.start() > 0:  # the heading itself is not quoted
            flat = flat[m.end() if m.group().rstrip().endswith(":") else m.start():]
    lines = [ln.strip().lstrip("•\uf0b7◦").strip() for ln in flat.splitlines() if ln.strip()]
    return clip(" ".join(lines), limit)
