"""Understanding a Danish question: what kind of answer, which meetings, which words.

:func:`understand` turns the text into a :class:`Question`: its
:class:`Intent` (a decision, a number, a time, a person, the chair, a whole
meeting…), the meeting constraints it states (a date, a month, a year,
"sidste år", a committee) and its content words. :func:`build_concepts` turns
the content words into search concepts against a given index (stems,
compounds that end with them, the parts of an unknown compound).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import itertools
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from minutes import lexicon
from minutes.analysis import STOP_WORDS, Analyzer, Token, fold_accents, raw_tokens
from minutes.dates import MONTH_NAMES, MONTHS, format_danish_date
from minutes.search import (
    COMPOUND_WEIGHT,
    DF_CAP_PER_DOCUMENT,
    Concept,
    SearchIndex,
    Variant,
)
from minutes.spelling import danish_letters, edits, framing_typos, joined_compounds


class Intent(enum.StrEnum):
    DECISION = "decision"  # hvad besluttede / blev … godkendt / hvad skete der
    QUANTITY = "quantity"  # hvor mange
    AMOUNT = "amount"  # hvor meget / hvad koster / beløb
    TIME = "time"  # hvornår / fra hvornår / hvilken dato
    PERIOD = "period"  # i hvilken periode / hvor længe
    FREQUENCY = "frequency"  # hvor tit / hvor ofte / hvor hyppigt
    PLACE = "place"  # hvor blev … holdt / hvor ligger …
    AGE = "age"  # hvilken aldersgruppe / hvor gamle
    PERSON = "person"  # hvem
    CHAIR = "chair"  # hvem var formand
    ATTENDANCE = "attendance"  # hvem deltog
    WHICH = "which"  # hvilke … (a list)
    REASON = "reason"  # hvorfor
    FUNDING = "funding"  # hvor kommer pengene fra / hvordan finansieres / hvem betaler
    DESCRIBE = "describe"  # hvad går … ud på / hvad handler … om / hvad indebærer …
    OVERVIEW = "overview"  # hvad blev behandlet på mødet den …
    GENERAL = "general"  # hvad / hvilke / hvordan / hvorfor


# intents whose quoted sentence must carry a number
NUMERIC_INTENTS = frozenset({Intent.QUANTITY, Intent.AMOUNT, Intent.AGE, Intent.PERIOD})

# "hvilke bilag var vedlagt punktet", "hvad hed bilaget": the list of attachments is asked;
# these words frame it
WHICH_ATTACHMENTS = re.compile(r"\b(?:hvilke[nt]?|hvad\s+(?:hed|hedder)(?:\s+det)?)\s+bilag",
                               re.IGNORECASE)
ATTACHMENT_WORDS = ("bilag bilaget bilagene vedlagt vedlagte vedhæftet vedhæftede fulgte følger "
                    "fulgt medfølgende medfulgte").split()  # "hvilket bilag fulgte med"
# "hvornår åbner X": the event whose time is asked; a time said of something else is no
# answer (the answering sentence must have the verb, a form or a synonym of it)
TIMED_EVENTS = frozenset("""
    åbne åbner åbnes åbnede åbnet lukke lukker lukkes lukkede lukket starte starter startes
    startede begynde begynder begyndte slutte slutter sluttede afslutte afsluttes afsluttet
    ophøre ophører flytte flytter flyttes flyttede færdig færdigt færdige færdiggøres
    færdiggjort""".split())
# Framing words a yes/no question claims ("Skal X behandles i udvalget?"), when it has one
# of the process verbs (_CLAIMED_ACT); not "Er der sket noget nyt i sagen?"
CLAIM_WORDS = frozenset("""beslutte besluttet vedtage vedtaget godkende godkendt godkendes
    udvalg udvalget udvalgets møde mødet udvalgsmøde udvalgsmødet rådmandsmøde rådmandsmødet
    byrådet behandle behandlet behandles behandling drøfte drøftet drøftes dagsorden
    dagsordenen rådmanden sag sagen punkt punktet""".split())
# Words that frame a question rather than name its topic; they count little.
GENERIC_WORDS = """
    beslutte besluttede besluttet beslutning beslutningen beslutninger vedtog vedtaget vedtage
    godkendt godkendte godkende godkendes godkendelse udvalget udvalg udvalgets udvalgene
    mødet møde møder mødets udvalgsmøde udvalgsmødet rådmandsmøde rådmandsmødet byrådet
    punkt punktet punkter punkterne dagsorden dagsordenen referat referatet referaterne
    behandlet behandlede behandle behandling drøftet drøftede drøfte sag sagen sager
    politikerne politikere rådmanden rådmand kommunen kommunens kommune ny nyt nye
    penge beløb beløbet kroner antal antallet dato datoen tidspunkt tidspunktet
    formand formanden besluttes vedtages hvad noget nogen andet koster kostede koste pris
    prisen stk styk
    handler handlede handle omhandler omhandlede drejer drejede vedrører vedrørte
    hele helt konklusion konklusionen konklusioner udfald udfaldet skridt
    opsummere opsummer opsummering sammenfatte sammenfat
    holdt holdes afholdt afholdes afholde foregik foregår foregå
    lave laver lavet laves lavede
    foreslåede foreslået
""".split()
# the words that frame questions, for correcting their typos ("dagsordnen", "hvornå")
_FRAMING_VOCABULARY = frozenset(GENERIC_WORDS) | {
    "hvornår", "hvordan", "hvorfor", "hvilke", "hvilken", "hvilket"}
# Framing verbs that name the event a "hvornår" question asks the time of.
EVENT_VERBS = """godkende godkendes godkendt godkendte behandle behandles behandlet behandlede
    beslutte besluttes besluttet besluttede vedtage vedtages vedtaget vedtog""".split()
PLANNED_WORDS = "planlagt planlægges planlagte planlægge berammet berammes fastsat fastlagt".split()
# "sagen om X behandles igen", "om X ikke behandlet": the verb after the topic ends it ("om
# den godkendte plan" does not)
_EVENT_FORMS = frozenset(EVENT_VERBS)
# "hvornår skal kommunalbestyrelsen godkende X": an approval to come is the event asked of
_TO_APPROVE = frozenset({"godkende", "godkendes"})
# "hvor længe løber indsatsen", "i hvilken periode varer forsøget": words that frame a
# question about a period ("strækker sig over to skoleår" answers it)
DURATION_WORDS = """løbe løber løb løbet vare varer varede varet strække strækker strakte
    strakt dække dækker dækkede periode perioden perioder køre kører kørte kørt tid tiden""".split()
# "hvilke aldre er X for", "hvor gamle er børnene": words that frame a question about an age
AGE_WORDS = "alder alderen aldre aldrene gammel gamle gammelt".split()
# Words the minutes often use for what a member asks in other words; each group's words
# find one another (at SYNONYM_WEIGHT). Administrative Danish, not any one document's terms.
SYNONYM_GROUPS = [
    "besked orientere orienteres orientering informere informeres information underrette",
    "penge midler beløb bevilling tilskud",
    "svar svare besvare besvarelse",
    "starte begynde opstart igangsætte",
    "slutte afslutte ophøre stoppe færdig færdiggøre udløbe",
    "udgå udgår udgik udgået fjerne fjernes fjernet droppe droppes udelade udryge udtage udpille",
    "lukke lukning nedlægge nedlæggelse",
    "spare besparelse reduktion reducere nedskæring skære beskære",
    "forsøg afprøvning afprøve pilotprojekt test teste testes testperiode prøvehandling",
    "corona covid coronavirus",
    "fremlægge præsentere fremlæggelse præsentation fortælle",
    "tal resultat resultater",
    "udgift udgifter omkostning omkostninger",
    "underskud ubalance merforbrug overskridelse hul",
    "ansatte medarbejdere personale",
    "frist deadline",
    "punkt pkt",
    "formål hensigt",
    "øge udvide forøge",
    "henvende henvender henvendt målrette målrettet",
    "reservere afsætte øremærke",
    "ændre justere ændring justering",
    "elever skolebørn",
    "procent pct procentdel andel",
    "million millioner mio mill",
    "evaluere evaluering vurdere vurdering",
    # "køre videre" is looked up as "viderekøre", "lagt sammen" as "sammenlagt"
    "fortsætte fortsætter fortsat videreføre videreføres viderefører stadig viderekøre",
    "samle samles sammenlægge sammenlægges sammenlægning",
    "klare klarer præstere præsterer",
    # "rettet mod unge" ~ "målrettet unge" ~ "målgruppen er unge"
    "rettet målrettet målrettes målgruppe",
    "fremover fremadrettet fremadrettede fremtidig fremtidige",
    "landsplan landsgennemsnit landsniveau",
    "fejl rette rettelse korrigere korrektion",
    "strukturreform strukturreformen kommunalreform kommunesammenlægning",
    "koble kobles koblet knytte tilknytte tilknyttet",
    "udbyder leverandør firma virksomhed aktør",
    "mangle mangel behov",
    "stræbe tilstræbe opnå",
    "konsekvens konsekvenser betydning",  # "får betydning for dagplejen"
    "kommentar kommentarer synspunkt synspunkter udtalelse udtalelser",
]
SYNONYM_WEIGHT = 0.7
# particles that make verbs ("tilsende", "fremsende"), longest first
VERB_PREFIXES = ("videre", "frem", "over", "til", "ind", "ned", "med", "fra", "af", "op", "ud",
                 "om", "ny")  # (and "ny" of a participle: "nyankomne", "nystartede")
PREFIX_WEIGHT = 0.6
# neighbouring words the minutes join ("forældre betale" ~ "forældrebetalingen"), the first
# at least this long; per linking letter ("", "e", "s", "es") the compounds that begin with
# the pair, none when more than JOINED_LIMIT do (each weighing as a compound does)
JOINED_PART = 4
JOINED_LIMIT = 6
JOINED_SECOND = 3  # ... and the second ("ram" of "ramme" in "almenramme")
SAME_MODIFIER_WEIGHT = 0.6  # "trilleprojektet" for "trilledagtilbud"
BARE_VERB_WEIGHT = 0.3  # "tage" for "taget ud", when "udtage" or its synonyms are known
TYPO_MIN_LENGTH = 7  # shorter unknown words are too often other words than typos
ABBREVIATION_LENGTHS = (3, 5)  # "adm": an unknown word this short ...
ABBREVIATED_BY = 3  # ... whose known continuations all share this many more letters
ABBREVIATION_WEIGHT = 0.6  # ... stands for them, as a typo would
TYPO_WEIGHT = 0.6  # a known word one letter away from an unknown one ("høringsvar")
SCENE_WEIGHT = 0.6  # a word said before the question, or beside its topic ("… om X")
# the IDF a question's own words need for what is said before it to weigh less, as a share
# of a word used once (the corpus' highest)
OWN_TOPIC = 0.55
RARE_SPELLING_LENGTH = 9  # ... and for a word this long that the minutes use, a rare
RARE_SPELLING_DF = 2  # spelling one letter away (the minutes' own typo: "budgetemaerne")
# "hvor stor en andel", "hvor længe": the adjective belongs to the question word
_DEGREE = re.compile(r"\bhvor\s+(?:mange\s+(?=flere|færre)|meget\s+(?=\w+ere\b))?(stor|store"
                     r"|stort|lang|lange|langt|høj|høje|højt|gammel|gamle|dyr|dyre|dyrt|tit|ofte"
                     r"|hyppigt|længe|hurtigt|bred|brede|flere|færre"
                     # "hvor meget senere/større/dyrere": by how much, of what follows
                     r"|(?<=meget )\w+ere)\b")  # "hvor mange flere X" counts X
# "hvor meget senere", "hvor meget skal alderen hæves": by how much (not money, which
# _MONEY_QUESTION tells and kroner answer)
_DIFFERENCE = re.compile(r"\bhvor\s+meget\s+(?:\w+ere|mere|mindre)\b|\bhvor\s+meget\b(?=.*\b(?:"
                         r"hæve[st]?|øge[st]?|forøge[st]?|stige[r]?|steget|falde[rt]?|reducere[st]?"
                         r"|sænke[st]?|forlænge[st]?|forkorte[st]?|udskyde[st]?|rykke[st]?)\b)")
_NAME = re.compile(r"(?<=\s)[A-ZÆØÅ][\w.-]*")
# In a question about a decision, the outcome asked about frames it like "godkendt" does
# ("Blev seminaret aflyst?" is answered by the decision whatever it was).
OUTCOME_WORDS = """
    aflyst aflyste aflyse aflyses afvist afviste afvise afvises udsat udsatte udsætte udsættes
    tiltrådt tiltrådte tiltræde fastholdt fastholde fastholdes endte endt
""".split()
# derivational endings: "tilslutte" finds "tilslutning", "implementering" finds "implementere"
# and verb forms the stemmer leaves apart: "foreslår"/"foreslås", "tilsluttede"/"tilslutte";
# and a noun in -en and its definite form: "dagsorden" → "dagsord", "dagsordenen" → "dagsorden"
DERIVATIONS = ("ing", "ning", "ering", "else", "elsen", "sen", "ende", "er", "en", "e", "r", "s",
               "t", "ed", "ede", "de", "te")
_DATE_WORDS = frozenset(MONTHS) | {"år", "året", "måned", "måneden", "ugen", "sidste", "forrige",
                                    "seneste", "fjor", "foråret", "efteråret", "sommeren",
                                    "vinteren", "den", "d", "dag", "dags", "starten", "start",
                                    "begyndelsen", "slutningen", "midten", "primo", "medio",
                                    "ultimo", "sidst", "først",
                                    # time relative to now: "end hidtil", "fremover" (not
                                    # "tidligere", also an adjective: "den tidligere
                                    # efteruddannelse")
                                    "hidtil", "førhen", "fremover", "fremadrettet"}

_DECISION = re.compile(
    r"\b(besluttede|besluttet|beslutte|beslutningen|beslutning|vedtog|vedtaget|konklu\w*"
    r"|godkendte|godkendt|godkendes|afvist|afviste|udsat|udsatte|tiltrådt|tiltrådte"
    r"|aflyst|aflyste|aflyses|fastholdt|fastholdes"
    r"|taget til efterretning|hvad skete der|hvad kom der ud|hvordan endte|udfaldet"
    r"|hvad blev (?:der )?aftalt|hvad aftalte"
    r"|hvad mente|hvad sagde|hvad (?:skal|skulle) der (?:nu |så |videre )?ske"
    r"|hvad (?:er|bliver) (?:det |den |de )?(?:næste|videre) (?:skridt|proces|forløb)"
    r"|behandl\w* videre|videre behandling"  # "hvordan skal X behandles videre"
    # the result of the item, not a survey's ("hvad var resultatet af målingen" asks what
    # it showed)
    r"|hvad var resultatet(?!\s+af\s+(?:\w+\s+){0,3}\w*(?:undersøgelse|måling|evaluering|analyse))"
    # (not of a condition: "hvad sker der med forældrebetalingen, når …" asks what follows)
    r"|hvad sker der (?:nu |så |videre |fremover )?med(?![^,?]*,?\s+(?:når|hvis)\b)"
    r"|^\W*blev\b.{3,80}\bbehandlet\b"  # "Blev X behandlet på mødet …?": what came of it
    r"|hvad bad (?:\w+\s+){0,3}?om"  # "hvad bad udvalget om": what it asked for
    r"|bad (?:de|udvalget|vi|politikerne) (?:\w+\s+){0,3}?om (?:noget|nogen|mere))\b"
)
_WHOLE_MEETING = re.compile(
    r"\b(hvad blev behandlet|hvad (?:\w+ )?behandlede|hvilke punkter|hvilke sager|dagsorden(en)?"
    r"|hvad var på|hvad skete der på|hvad blev besluttet på|hvad besluttede \w+ på"
    r"|opsummer\w*|sammenfat\w*|hvad (?:var|blev) (?:der )?(?:oppe|drøftet|behandlet))\b"
)
# "rådmandsmødet", "byrådsmødet": a kind of meeting ("mødet" alone is none)
_MEETING_KIND = re.compile(r"\b((?!udvalgs|frem)\w{3,}møde)(?:t|r|rne|ts)?\b")
_SEASONS = {"foråret": (3, 5), "sommeren": (6, 8), "efteråret": (9, 11), "vinteren": (12, 2)}


def is_season(word: str) -> bool:
    """"foråret", "efteråret": a season as a question names it."""
    return word in _SEASONS


def meeting_month(word: str) -> str | None:
    """The month a meeting is named by ("septembermødet": september), or None."""
    m = re.fullmatch(rf"({'|'.join(MONTH_NAMES)})møde(?:t|r|rne)?", word)
    return m.group(1) if m is not None else None


_MONTH_ALT = "|".join(MONTH_NAMES)
_FULL_DATE = re.compile(
    rf"\b(?:(?P<first>\d{{1,2}})\.?\s*-\s*)?"  # "5.-6. marts 2020": from the 5th
    rf"(?P<day>\d{{1,2}})\.?\s*(?P<month>{_MONTH_ALT})\b\.?\s*(?P<year>\d{{4}})?\b"
    r"|\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b"
)
_NUMERIC_DATE = re.compile(  # "30/11 2020", "12.4.2023", "12/4-23"
    r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})(?:[./ -]\s*(?P<year>\d{4})|[./-](?P<yy>\d{2}))?\b")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH_ALT})(?:\s+(?:måned\s+)?(?P<year>\d{{4}}))?\b")
# "aprilmødet 2023", "på junimødet", "det maj møde i 2023": the committee's meeting that month
_MONTH_MEETING = re.compile(rf"\b(?P<month>{_MONTH_ALT})[-\s]?(?:udvalgs)?møde[t]?(?:\s+(?:i\s+)?"
                            rf"(?P<year>\d{{4}}))?\b")
# "i perioden december 2019 til december 2021": one span of months
_MONTH_SPAN = re.compile(rf"\b(?P<m1>{_MONTH_ALT})\s+(?P<y1>\d{{4}})\s*(?:til|-|–)\s*"
                         rf"(?P<m2>{_MONTH_ALT})\s+(?P<y2>\d{{4}})\b")
_SEASON_YEAR = re.compile(r"\b(?P<season>foråret|sommeren|efteråret|vinteren)\s+(?P<year>\d{4})\b")
_BETWEEN = re.compile(r"\bmellem\s+(?P<a>\d{4})\s+og\s+(?P<b>\d{4})\b")
_YEAR = re.compile(r"\b(?P<prep>i|fra|før|efter|siden|inden|frem til|til|år)\s+(?:år\s+)?"
                   r"(?P<year>(?:19|20)\d{2})\b")
_NUMBER_WORDS = {"et": 1, "en": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7,
                 "otte": 8, "ni": 9, "ti": 10}
_RELATIVE = re.compile(
    r"\b(?P<what>sidste år|forrige år|i fjor|sidste måned|forrige måned|i år|denne måned"
    rf"|det seneste år|de seneste (?P<n>\w+) år|for (?P<ago>\d+|{'|'.join(_NUMBER_WORDS)})"
    r" år siden)\b"  # not "for et par år siden": a vague time (lexicon)
)
_LATEST = re.compile(r"\b(sidste|seneste|forrige|nyeste) (udvalgs|rådmands)?møde\b")
_MEETING_CUE = re.compile(r"(?<!dialog)(?<!borger)(?<!forældre)(?<!informations)(?<!netværks)"
                          r"(møde\w*|mødedato)\s*(den|d\.|i|fra)?\s*$")
# "skoleåret 19/20", "22/23": the minutes write "2019-20"
# (not an age or a span of months: "12-13 år", "12-13-årige")
_SCHOOL_YEAR = re.compile(r"(?<![\d/.-])(\d{2})\s*[/-]\s*(\d{2})(?![\d/.-])"
                          r"(?!\s*-?(?:år|årig|måned|mdr|uge|dag|time|klasse))")
# a yes/no question: a finite verb first ("Skal …", "Blev …"); and the process it may claim
_YES_NO = re.compile(r"\W*(?:skal|skulle|blev|bliver|er|var|har|havde|kommer|kan|vil|får|fik)"
                     r"\s")
_CLAIMED_ACT = re.compile(r"\b(?:behandl\w*|drøft\w*|godkend\w*|beslut\w*|vedt\w*|forbi)\b")
# "under punkt 95", "jf. pkt. 27", "dagsordenspunkt 4", "sag nr. 3", "punkt 22 og 23": items
# by their numbers (not a recommendation's: "indstillingspunkt 3", "at-punkt 1", "punkt 2 i
# indstillingen"; nor an entry of a document's list: "punkt 3 i kvalitetsrapporten")
_ITEM_NAMED = re.compile(
    r"(?:\b(?:under|i|jf\.?|ifølge|til|om)\s+)?(?<![\w-])(?:dagsordens)?"
    r"(?:punkt(?:erne)?|pkt\.?|sag\s+nr\.?)\s*(\d{1,3}(?:\s*(?:,|og)\s*\d{1,3})*)\b(?![.,]\d)"
    r"(?!\s+(?:i|af)\s+(?:den\s+|det\s+)?\w*(?:rapport|indstilling|beslutning|plan|bilag"
    r"|notat|aftale|udkast|anbefaling)\w*)", re.IGNORECASE)
# "dialogmødet, der nævnes under punkt 23", "som står i historikken": where it is said
_SAID_WHERE = re.compile(r"\b(?:som|der)\s+(?:\w+\s+)?(nævnes|nævnt|omtales|omtalt|står|stod"
                         r"|beskrives|beskrevet|fremgår|fremgik)\s+(?:i|under|af|på|jf)\b",
                         re.IGNORECASE)
# "ifølge historikken", "i sagsfremstillingen", "i punktets økonomiafsnit": the section of
# the item the answer is in, no topic
_SECTION_NAMED = re.compile(
    r"\b(?:ifølge|i|under|af|fra|jf\.?)\s+(?:selve\s+)?(?:\w+s\s+)?"
    r"(historik(?:ken)?|sagsfremstilling(?:en)?|økonomiafsnit(?:tet)?|økonomidel(?:en)?"
    r"|lovgrundlag(?:et)?|beslutningstema(?:et)?|kommunikationsafsnit(?:tet)?"
    r"|afsnittet\s+om\s+økonomi(?:en)?)\b")
# "hvor mange penge … til 2022", "for perioden 2021-2024": the years the money is for (not
# a school year "2022-23")
_YEAR_FOR = re.compile(r"\b(?:i|til|for)\s+(?:perioden\s+|årene\s+)?((?:19|20)\d{2})"
                       r"(?:\s*[-–]\s*((?:19|20)\d{2}))?\b(?!\s*[-–/])")
# "2021-22", "2021/22", "2021-2022" (after _school_year has made "21/22" "2021-22")
# "budget 2022", "budgetåret 2023": the budget of that year, not another's
BUDGET_YEAR = re.compile(r"\bbudget(?:året|år)?\s+(?:for\s+)?((?:19|20)\d{2})\b", re.IGNORECASE)
_SCHOOL_YEARS = re.compile(r"\b(20\d\d)\s*[-/]\s*(?:20)?(\d\d)\b(?![-/]\d)")
_TOPIC_CUE = re.compile(r"\b(for|af|om|fra|til|pr\.?)\s*(den\s+|d\.\s*)?$")
_SINCE_QUESTION = re.compile(r"\bfra (hvornår|hvilke[nt]? (dato|dag|år|tidspunkt|måned))\b"
                             r"|\bhvornår (gælder|træder)\b|\bi kraft\b")
# what a member says before asking ("Jeg er ny i udvalget:", "Som skoleleder vil jeg gerne
# vide, …", "Kan du give mig et overblik over, …"): it names no topic
_PREAMBLE = re.compile(
    r"^(?:(?:hej|hejsa|goddag|godmorgen)\b[\s,!.]*"
    r"|jeg er ny(?:\s+i\s+\w+)?\s*[:,.–-]\s*"
    r"|(?:som\s+\w+\s+)?(?:vil|ville)\s+jeg\s+(?:gerne|bare)\s+(?:vide|høre),?\s*"
    r"|jeg\s+(?:vil|ville)\s+(?:gerne|bare)\s+(?:vide|høre),?\s*"
    r"|(?:kan|vil)\s+(?:du|nogen|i)\s+(?:venligst\s+|lige\s+|kort\s+)?"
    r"(?:fortælle|sige|give|vise|finde|forklare|beskrive|opsummere)(?:\s+mig)?(?:\s+kort)?"
    r"(?:\s+et\s+(?:\w+\s+)?overblik\s+over|\s+lidt\s+om)?,?\s*"
    r"|ved\s+(?:du|i|nogen)(?:\s+(?:lige|egentlig))?,?\s+(?=hv|om\b)"  # "Ved du, hvor …"
    # a request in the imperative: "Find testperioden for …", "Giv mig datoen for …"
    r"|(?:find(?:\s+ud\s+af)?|giv|vis|angiv|oplys)(?:\s+(?:mig|os))?"
    r"(?:\s+(?:lige|venligst|kort))?,?\s+"
    r"(?=\w)"
    # what the member is looking for: "Jeg leder efter datoen for …", "Jeg mangler beløbet"
    r"|jeg\s+(?:(?:leder|søger|kigger)\s+efter|mangler|har\s+brug\s+for"
    r"|(?:vil|ville)\s+gerne\s+(?:have|se)|skal\s+bruge)\s+(?=\w)"
    # a claim to check: "Er det rigtigt, at …?", "Passer det, at …?" asks what it claims
    r"|(?:er\s+det\s+(?:rigtigt|korrekt|sandt)|passer\s+det|stemmer\s+det)"
    r"(?:\s+(?:egentlig|virkelig|faktisk))?,?\s+at\s+"
    # what the member is doing, before a dash and the question: "Jeg sidder og forbereder
    # næste møde – hvilke skoler …" (no name in it: "Jeg har set at Stouby Skole – …")
    # ("Jeg mener udvalget roste … – hvad …" recalls the topic: what it recalls is the
    # scene, after the recalling)
    r"|jeg\s+(?:mener|tror|husker|kan\s+huske|synes)(?:\s+at)?\s+(?=.*\s[–-]\s)"
    r"|jeg\s(?!mener|tror|husker|kan\s+huske|synes)(?:(?-i:[a-zæøå\d.,]+)\s+){0,20}?"
    r"(?:[–-]|(?-i:[a-zæøå]+):)\s+"
    r"(?=(?:\S+\s+){0,8}?(?:hv|kan\b|blev\b))"
    r"|jeg\s+skal\s+(?:skrive|forberede\s+mig)\s+(?:om|til)\s+)+",
    re.IGNORECASE)
# what a request names as asked ("Giv mig grundene til, at …", "Jeg leder efter datoen for,
# hvornår …", "Vis mig navnene på …"): the question word it stands for
_ASKED_NOUN = re.compile(
    r"(?:(?:de[nt]\s+)?(?P<why>grunden|grundene|årsagen|årsagerne|begrundelsen)\s+til,?\s+"
    r"(?:at\s+)?"
    r"|(?P<when>datoen|tidspunktet)(?:\s+(?:for|på),?\s+(?:hvornår\s+)?|,?\s+(?:hvor|da)\s+)"
    r"|(?P<who>navnene|navnet)\s+på\s+)(?=\w)", re.IGNORECASE)
_ASKED_BY_NOUN = {"why": "hvorfor ", "when": "hvornår ", "who": "hvad hedder "}
# who asks the member: "En forælder spørger til X: …", "Jeg skal svare en borger i Y: …";
# what follows, up to a colon, is the topic
_ASKER = re.compile(
    r"(?:en|et|min|vores|flere|nogle)\s+(?:borger|forælder|forældre|mor|far|pårørende"
    r"|journalist|kollega|nabo|lærer|pædagog|skoleleder|medarbejder|vælger)\w*\s+"
    r"(?:spørger|har\s+spurgt|spurgte|vil\s+(?:gerne\s+)?(?:vide|læse|se|høre)|undrer\s+sig)"
    r"(?:\s+(?:ind\s+)?(?:til|om)\b)?+,?\s*"
    r"|jeg\s+skal\s+svare\s+(?:en|et|min|vores|nogle|flere)\s+\w+"
    r"(?:\s+(?:i|fra|på)\s+(?-i:[A-ZÆØÅ]\w*))?\s*[:,–-]?\s*", re.IGNORECASE)
# a lead-in of lower-case words before a colon: "Til mødet i morgen: …", "Spørgsmål: …"
# (one word the minutes use more than everyday Danish does is the topic: "Mesterklassen: …")
_COLON_LEAD_IN = re.compile(r"(?-i:[A-ZÆØÅa-zæøå][a-zæøå]*(?:\s+[a-zæøå-]+){0,6})\s*:\s*"
                            r"(?=hv|kan\b|blev\b)", re.IGNORECASE)
# ", og hvem …" / ", og blev den …": a second question of its own (not "…, og hvorfor?",
# not "Hvilke forældre, og hvem ellers, blev …"), after a first that names its topic
_SECOND_QUESTION = re.compile(
    r",\s*og\s+(?=(?:hvad|hvem|hvornår|hvordan|hvorfor|hvor|hvilke[nt]?|blev|bliver|er|var|har"
    r"|skal|kan|vil)\s+\w+\s+\w+)(?![^,]{0,20},)"
    # a yes/no question after a comma or a dash: "…, skal den forbi udvalget?"
    r"|(?:,|\s[–-])\s*(?=(?:blev|bliver|er|var|har|skal|kan|vil|kommer|får)\s+"
    r"(?:den|det|de|han|hun|man|vi|sagen|punktet)\s+\w+)", re.IGNORECASE)
# where the money comes from: "hvor skal pengene til X komme fra", "hvordan finansieres X",
# "hvem betaler for X"
_MONEY_NOUNS = r"(?:pengene|penge|midlerne|midler|finansieringen|beløbet|udgiften|udgifterne)"
_FUNDING_ASKED = re.compile(
    rf"\bhvor\b(?:\s+\S+){{0,10}}?\s+{_MONEY_NOUNS}\b(?:\s+\S+){{0,10}}?\s+(?:komme[r]?|kom)\s+fra\b"
    rf"|\bhvor\s+(?:kommer|kom|skal|får|fik|finder|fandt)\s+(?:\w+\s+)?{_MONEY_NOUNS}\b.{{0,60}}\bfra\b"
    r"|\bhvilke[nt]?\s+(?:pulje|fond|konto)(?:n|en|e|er)?\b"
    r"|\bhvordan\s+(?:finansieres|finansieredes|betales|dækkes)\b"
    r"|\bhvordan\s+(?:skal|bliver|blev|er|var)\b.{0,60}\b(?:finansieret|finansieres|betalt|betales"
    r"|dækket|dækkes)\b"
    r"|\bhvem\s+(?:betaler|betalte|skal\s+betale|finansierer|finansierede|skal\s+finansiere)\b")
_HOST_ASKED = re.compile(r"\bhvilke[nt]?\s+(?:\w+\s+){1,2}?(?:(?:var|er|blev|bliver|skal\s+være)\s+"
                         r"(vært(?:er|skab)?)\s+for"
                         # "hvilken skole lagde hus til dialogmødet", "skulle lægge lokaler til"
                         r"|(?:skal\s+|skulle\s+|vil\s+|ville\s+)?"
                         r"(l(?:agde|ægger|ægge|agt)\s+(?:hus|lokaler?))\s+til)\b")
FUNDING_WORDS = "komme kommer kom betale betaler betalte finansieres finansieret finansiere " \
    "finansierer finansierede pengene midlerne"
# how something turned out, after the minutes were written: "fik vi penge fra …", "hvordan
# blev X endeligt organiseret", "hvor blev pengene til sidst fundet", "hvad svarede fonden",
# "hvad kom der ud af dialogmødet"
_OUTCOME_ASKED = re.compile(
    r"\bfik\b(?:\s+\S+){1,6}?\s+(?:penge|pengene|midler|midlerne|tilskud|tilsagn|bevillingen)\b"
    r"|\bendeligt?\b|\btil\s+sidst\b|\bi\s+sidste\s+ende\b|\bkom\s+der\s+ud\s+af\b"
    r"|\bhvad\s+blev\s+resultatet\b"  # of a trial, say: not what was planned
    r"|\bhvad\s+svarede\s+(?!udvalget\b)"  # the answer from someone else, not the committee
    r"|\bblev\b(?:\s+\S+){0,6}?\s+fundet\b")
# "hvad viste undersøgelsen", "resultatet af den nye trivselsmåling": its findings
_FINDINGS_ASKED = re.compile(
    r"\bhvad\s+vis(?:te|er)\b"
    r"|\bresultate(?:t|rne)\s+af\s+(?:\w+\s+){0,3}\w*(?:undersøgelse|måling|evaluering|analyse)")
# "hvordan er det gået med screeningen", "hvordan har den fungeret", "hvad er erfaringerne":
# how it went, as the minutes judge it
_JUDGED_ASKED = re.compile(
    r"\bhvordan\s+(?:er\s+det\s+|har\s+det\s+)?(?:gået|gik|fungerede|virkede)\b"
    r"|\bhvordan\s+går\s+det\s+med\b"
    r"|\bhvordan\s+(?:er|har|blev)\s+(?:\S+\s+){1,5}?(?:gået|fungeret|virket|modtaget)\b"
    # "hvordan vurderes X", "hvordan bliver X vurderet" (not "hvordan skal X vurderes": how)
    r"|\bhvordan\s+(?!(?:\S+\s+){0,6}?(?:skal|vil|kan|bør)\b)(?:\S+\s+){0,6}?"
    r"(?:vurderes|vurderet|vurderede)\b"
    r"|\berfaring(?:er|erne)\b|\bsucces\b")
_SHOWN_BY = re.compile(r"\bhvad\s+vis(?:te|er)\s+(?:de[nt]\s+|\w+s\s+)?(\w{4,})")
# the action whose cost is asked: "hvad vil det koste at *udbygge* …"
_COSTED = re.compile(r"\bkost(?:e|er|ede)\b(?:\s+\S+){0,3}?\s+at\s+(\w+)"
                     # "hvad kostede udbygningen af …": the action as a noun
                     r"|\bkost(?:e|er|ede)\s+(?:den\s+|det\s+)?(\w+(?:ning|else)(?:en|er|erne)?)\b")
_SOURCE = re.compile(
    r"\b(?:i|ifølge|iflg\.?|jf\.?)\s+((?:den\s+|det\s+)?\w*(?:planen|rapporten|notatet"
    r"|strategien|politikken|analysen|oplægget)\b(?:\s+(?:for|om)\s+[\w\s-]{3,40}?)?)"
    r"(?=\s*(?:[,?.!]|$))")
# what is said before a dash and the question ("Ansøgningen til Klimafonden – hvornår skal
# den afprøves?"), not a question itself ("Hvad besluttede X – skal den forbi udvalget?")
_LEAD_IN = re.compile(r"(?!\W*(?:og\s+)?hv)[^?]{10,}?\s[–-]\s+(?=(?:\S+\s+){0,8}?hv"
                      r"|(?:og\s+)?(?:kan|kunne|blev|bliver|er|var|har|havde|skal|skulle|vil"
                      r"|ville|kommer|kom|får|fik|gik|går)\b)", re.IGNORECASE)
# "… fra mødet i november 2020 –": the scene's date is the meeting's only when it names one
_MEETING_NAMED = re.compile(r"møde|dagsorden|\b(?:var|kom|blev)\s+(?:(?:oppe|på)\s+(?=i\s|den\s"
                            r"|d\.)|behandlet\b|drøftet\b)", re.IGNORECASE)
# "…. Hvilke …?"; not initials ("som A.P. Møller Fonden betalte?")
_SAID_BEFORE = re.compile(r"[^?]{20,}?(?<!\W[A-ZÆØÅ])[.!]\s+(?=[A-ZÆØÅ][^.?!]*\?\s*$)")
_OUR_CLAUSE = re.compile(r"\b(?:som|der)\s+(?:vi|jeg|du|I|man)\s+([^,?.!–]+)")
_APPOSITION = re.compile(r"(\w{4,})\s+['‘’\"“”«](?=[A-ZÆØÅ])")
# (after a verb or an adverb: not after an auxiliary, "blev sendt til", an article or a
# preposition, "under eventuelt på", "et projekt i")
_MANNER = re.compile(r"(?:^|\s)(?!(?:blev|bliver|er|var|har|havde|blevet|været|fik|får|en|et"
                     r"|det|den|de|under|om|i|på|til|med|af|for|efter|før|fra)\s)\w+\s+"
                     r"(\w{4,}(?<!e)t)\s+(?:i|med|på|for|til|om|af|ud)\b")
_ASIDE_AFTER = re.compile(r",\s*nu\s+(?:hvor|da|når)\s+[^?,]*\??\s*$", re.IGNORECASE)
_ALTERNATIVE = re.compile(r",?\s+eller\s+(?:er|var|blev|har|skal|kan|vil|bliver)\s+"
                          r"(?:vi|de|det|den|man|han|hun|sagen|projektet)\b[^?]*\??\s*$",
                          re.IGNORECASE)
_ASKS = re.compile(r"\s*(?:hv|og\s+hv|kan\b|blev\b|er\b|skal\b|var\b|har\b)", re.IGNORECASE)
# "…? Er det ikke bare en omrokering?", "…? Det er vel ikke gratis?": a remark, asking nothing
_RHETORICAL = re.compile(r"\s*(?:eller\s+)?(?:er|var|bliver|blev)\s+det\s+"
                         r"(?:(?:ikke\s+)?(?:bare|blot)|ikke\s+kun)\b"  # ("Er det kun PPR?" asks)
                         r"|\s*det\s+(?:er|var|bliver)\s+vel\b",
                         re.IGNORECASE)
SECOND_QUESTION_AFTER = 4  # words the first question needs to stand on its own
# "hvor blev dialogmødet for skoleområdet den 6. marts 2023 afholdt": up to ten words,
# not a relative clause ("… som ligger i Fjordby"), not "hvor langt/kan/står …"
# "sendes", "fremsendt", "videresendte": a matter sent on
SENT = re.compile(r"(?:frem|videre|over)?send(?:es|e|t|er|te)")
# "i forhold til landsgennemsnittet", "sammenlignet med": a standing, not a place
_COMPARED = re.compile(r"\bi\s+forhold\s+til\b|\bsammenlignet\s+med\b")
# "sammen med Hedensted", "Billund og de andre", "i alt": the named among others, the whole
_TOGETHER = re.compile(r"\bsammen\s+med\b|\bog\s+(?:de\s+)?andre\b|\btilsammen\b|\bi\s+alt\b")
# "i 2020 sammenlignet med 2019", "i 2019 end i 2018": a change between two years
_YEARS_COMPARED = re.compile(r"\b((?:19|20)\d\d)\b(?![-/]\d)\W+(?:\w+\W+){0,3}?"
                             r"(?:sammenlignet\s+med|end|i\s+forhold\s+til|mod)\s+(?:i\s+)?"
                             r"((?:19|20)\d\d)\b(?![-/]\d)")
# "hidtil", "tidligere", "indtil nu": what has been, before what the minutes propose
_BEFORE_NOW = re.compile(r"\b(?:hidtil|tidligere|førhen|før\s+i\s+tiden|indtil\s+nu|hidtidige?)\b")
# "fremover", "i fremtiden": what will be, after what has been
_AFTER_NOW = re.compile(r"\b(?:fremover|fremadrettet|i\s+fremtiden|fra\s+nu\s+af)\b")
# "over eller under", "flere eller færre", "dårligere end landsgennemsnittet": a comparison
# asked, its words no topic
_OPPOSITES = re.compile(r"\b(?:over\s+eller\s+under|under\s+eller\s+over"
                        r"|flere\s+eller\s+færre|færre\s+eller\s+flere|mere\s+eller\s+mindre"
                        r"|højere\s+eller\s+lavere|lavere\s+eller\s+højere"
                        r"|bedre\s+eller\s+(?:dårligere|værre)|større\s+eller\s+mindre"
                        r"|yngre\s+eller\s+ældre|ældre\s+eller\s+yngre|dyrere\s+eller\s+billigere"
                        r"|billigere\s+eller\s+dyrere|op\s+eller\s+ned|steget\s+eller\s+faldet"
                        r"|(?:bedre|dårligere|værre|højere|lavere|større|mindre)\s+end"
                        r"\s+(?:i\s+|på\s+)?landsgennemsnittet)\b")
_PLACE_ASKED = re.compile(
    r"\W*hvor\s+(?!langt?\b|lange\b|godt|vidt|kan|står|finder|mange|meget|længe|ofte|tit"
    r"|hurtigt|snart|stor)"
    r"(?:(?!som\b|der\b|at\b)[\w./-]+\s+){0,10}?(holdt|holdes|afholdt|afholdes|ligger|lå"
    r"|ligge|foregår|foregik|foregå|mødes|mødtes|placeret|placeres"
    # "hvor skal forsøget fortsætte", "hvor oprettes klassen": where it goes on or starts
    r"|fortsætte|fortsætter|fortsættes|videreføres|oprettes|etableres|bygges|køre\s+videre"
    # "hvor skal beslutningen sendes hen": where it goes next
    rf"|{SENT.pattern})\b"
    # "hvor var dialogmødet …": where an event was
    r"|\W*hvor\s+(?:var|er|bliver|blev|skal)\s+(?:det\s+|den\s+)?\w*(?:møde[t]?|seminar(?:et)?"
    r"|konferencen?|temadag(?:en)?|arrangement(?:et)?|fest(?:en)?)\b")
# "hvad var indstillingen", "hvad indstillede administrationen", "hvad anbefalede
# forvaltningen": the item's recommendation is asked, with the decision made on it
_RECOMMENDATION = re.compile(r"\W*hvad\s+(?:var|er|blev)?\s*(?:indstillingen|anbefalingen)\b"
                             r"|\W*hvad\s+(?:indstillede|anbefalede|indstiller|anbefaler)"
                             r"(?=\s+(?:administrationen|forvaltningen|direktionen|om|i|at)\b)")
RECOMMENDATION_WORDS = """indstilling indstillingen indstillede indstiller anbefaling anbefalingen
    anbefalede anbefaler administrationen forvaltningen""".split()
# "hvor mange 1:1 samtaler", "hvor mange private udbydere": the word counted, and the next
_HOW_MANY = re.compile(r"\b(?:hvor mange(?:\s+af(?:\s+(?:de|disse)(?:\s+(?:i\s+alt|ca\.?"
                       r"|[\d.,]+(?:\s+(?:mio|mia|mill|kr)\w*\.?)*))*)?)?"
                       r"|antal(?:let)?(?:\s+af)?)\s+(?:\d+:\d+\s+)?"
                       r"(?:(?:flere|færre|ekstra)\s+)?"
                       r"(\w[\w-]*)(?:\s+(\w+))?")
# "– hvad ligger den på?", "– hvad er det?": the value of what the scene names
_ITS_VALUE = re.compile(r"\W*hvad\s+(?:ligger|lå|er|var|bliver|blev)\s+(?:den|det)"
                        r"(?:\s+på)?\W*$")
# keywords that end in "antal": what they count comes first
_COUNTED_FIRST = re.compile(r"\W*(?:(?:ekstra|flere|nye)\s+)?(?!\d)(\w+)\b"
                            r"(?=.*\bantal(?:let)?\W*$)")
_SHARE_QUESTION = re.compile(r"\bprocent|\bandel|\bdel af\b")  # "hvor stor en del af budgettet"
_MONEY_QUESTION = re.compile(r"\bkost|\bpris|budget|udgift|\bpenge\b|\bkroner\b|beløb|midler\b"
                             r"|bevilg|bevilling|tilskud|\bspare|besparelse|betaling\b|betalingen\b"
                             r"|finansiering|\b(?:under|over)skud(?:det)?\b|\bubalancen?\b|\bmerforbrug(?:et)?\b")
_AMOUNT_NOUN = (r"budget(?:tet)?|pris(?:en)?|udgift(?:en|erne)?|beløb(?:et)?|omkostning(?:en|erne)?"
                r"|betaling(?:en)?|takst(?:en)?")
# "hvad blev den samlede budgetramme", "hvad er forældrebetalingen", "hvor stor var
# kommunens egenfinansiering": that amount's value
_VALUE_OF = re.compile(r"\b(?:hvad|hvor\s+(?:stor|høj)[et]?) (?:er|var|bliver|blev) "
                       r"(?:(?:den|det|de)\s+(?:\w+\s+)?|(?:\w+\s+)?\w+s\s+)?"
                       rf"(\w*(?:budgetramme(?:n)?|finansiering(?:en)?|{_AMOUNT_NOUN}))\b")
# "hvad betaler kommunen pr. samtale": how much, not who pays ("hvem betaler")
_PAYS_WHAT = re.compile(r"^\W*hvad\s+(?:\w+\s+){0,3}?betal(?:e|er|te|es|t)\b")
_PLAIN_MONEY = re.compile(_AMOUNT_NOUN)  # "budgettet", no compound: any amount for it
# "hvad kommer forældrebetalingen til at være": a value to come
_WILL_BE = re.compile(r"\bhvad\s+(?:kommer|bliver)\s+(?:\S+\s+){1,4}?til\s+at"
                      r"\s+(?:være|koste|ligge)\b")
# who or what was chosen: only a sentence saying the choice was made, and naming it, answers
_CHOSEN_QUESTION = re.compile(r"\b(?:blev|er|var|blevet)\s+(?:\w+\s+)?(?:ud)?(?:valgt|udpeget)\b"
                              r"|(?<!hvilke )(?<!hvilken )(?<!hvilket )(?<!de )"
                              r"\b(?:valgte|udvalgte|udpegede|vandt)\b"
                              # "hvilke psykologer fik kontrakten": who was chosen
                              r"|\bfik\s+(?:kontrakten|opgaven|tilslaget|ordren|udbuddet)\b")
_TIME_NOUNS = frozenset("dato datoer dag dage måned tidspunkt år".split())
_DAY_QUESTION = re.compile(r"\bhvilke[nt]? (dato(er)?|dag(e)?)\b|\bdatoe(n|rne)\b")
# number words a question may write out that the minutes write in digits ("tusind dage")
_NUMERALS = {word: str(n) for word, n in {
    **_NUMBER_WORDS, "elleve": 11, "tolv": 12, "tyve": 20, "tredive": 30, "fyrre": 40,
    "halvtreds": 50, "hundrede": 100, "tusind": 1000}.items() if n > 1}


@dataclass(frozen=True, slots=True)
class DateRange:
    """The meetings a question is about, and how it said so."""

    start: dt.date | None
    end: dt.date | None
    label: str  # Danish, for the answer: "november 2020", "2. marts 2020", "2022"
    explicit: bool = False  # said "på mødet den …": about a meeting, not a topic
    latest: bool = False  # "sidste møde": the newest meeting in range
    yearless: bool = False  # "i april", "den 2. marts": the year was not said

    def contains(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Question:
    text: str
    intent: Intent
    tokens: list[Token]  # content words (stop words out)
    dates: DateRange | None = None
    date_terms: frozenset[str] = frozenset()  # words of the date phrase
    committee_ids: frozenset[int] | None = None
    committee_label: str | None = None
    whole_meeting: bool = False  # asks about the meeting as a whole
    meeting_kind: str | None = None  # "rådmandsmødet": the kind of meeting, without a date
    counted: str | None = None  # "hvor mange skoler": the word counted ("skoler")
    measured: str | None = None  # "hvad var karaktergennemsnittet": the measure asked for
    focus: str | None = None  # "hvad var formålet …": the word asked about ("formålet")
    unknown_committee: bool = False  # names a committee ("Teknikudvalget") we do not know
    municipalities: frozenset[str] | None = None  # "i Aarhus": these municipalities only
    place_terms: frozenset[str] = frozenset()  # the words naming them
    topic_words: frozenset[str] = frozenset()  # "… om X": the words of X
    # said before the question, after a dash or in a sentence of its own ("Ansøgningen til
    # Klimafonden – hvornår …"): weighs less, and a word the minutes never use is not required
    scene: frozenset[str] = frozenset()
    # words no answer need say: an afterthought's ("…, nu hvor udvalget har set den?"), the
    # member's own noun for a quoted name ("efteruddannelsen 'Fra pejlemærker …'") and an
    # adverb of manner ("deltager vi stadig aktivt i …")
    aside: frozenset[str] = frozenset()
    topic: str = ""  # the content words as written, for "Jeg fandt intet om …"
    generic: frozenset[str] = field(default_factory=frozenset)  # stems of framing words
    # the finite verb ("Hvem fremlagde …"): helps pick the sentence, but a unit need not
    # use it to cover the question
    verbs: frozenset[str] = frozenset()
    wants_name: bool = False  # "hvem er skoleleder …": the answer names a person
    name_asked: bool = False  # "hvad hedder værten …": the answer gives a name, not a role
    verbs_asked: frozenset[str] = frozenset()  # the finite verbs as written
    since: bool = False  # "fra hvornår …", "hvornår træder … i kraft": a start date
    day: bool = False  # "hvilken dato …": a day, not a month or a season
    money: bool = False  # "hvad koster …", "hvor mange midler": kroner, not a percentage
    chosen: bool = False  # "hvilke aktører blev valgt", "hvem vandt": the choice, made
    findings: bool = False  # "hvad viste undersøgelsen": what it showed (an outcome too)
    outcome: bool = False  # "fik vi pengene", "hvordan blev det endeligt": what came of it
    costed: str | None = None  # "hvad vil det koste at udbygge …": the action priced
    budget_years: frozenset[str] = frozenset()  # "i budget 2022": "2022"
    attachments: bool = False  # "hvilke bilag hørte til punktet": the list of attachments
    part_asked: bool = False  # "hvor mange af kommunerne": a count of some of them
    difference: bool = False  # "hvor meget senere": by how much ("øges med 2 måneder")
    returns: bool = False  # "hvornår kommer sagen igen": when the matter comes back
    rate: bool = False  # "hvad koster en samtale pr. ung": a price per unit or per period
    shown_by: str | None = None  # "hvad viste evalueringen": what showed it ("evalueringen")
    judged: bool = False  # "hvordan er det gået med X": a sentence that judges it answers
    compared: bool = False  # "hvor ligger vi i forhold til landsgennemsnittet": a comparison
    contrasted: bool = False  # "flere eller færre", "dårligere end landsgennemsnittet": only a
    # sentence that compares answers (not so "i forhold til", often "concerning")
    years_for: frozenset[int] = frozenset()  # "hvor mange penge … til 2022": the money's year
    # "Skal X også behandles i udvalget?": the framing words of a yes/no question are what it
    # claims; the sentence that says them ("en udvalgsbehandling af evalueringen") answers
    claim: frozenset[str] = frozenset()
    purpose: bool = False  # "hvad er formålet med X", "hvorfor blev X indført": its purpose
    aim: bool = False  # "hvad er formålet med X", "hvad skal X opnå": only its purpose
    event: str | None = None  # "hvornår åbner X": the event timed ("åbner"); "hvor skal X
    # sendes hen": the sending placed
    school_years: frozenset[str] = frozenset()  # "kvalitetsrapporten 2021-22": "2021-22"
    second: str = ""  # a second question asked after ", og …"
    said: str = ""  # what the member said before the question (its scene)
    recommendation: bool = False  # "hvad var indstillingen": the recommendation is asked
    names: frozenset[str] = frozenset()  # words written with a capital inside the question
    listed: bool = False  # "hvilke fire fokusområder": the answer lists them
    items: frozenset[int] = frozenset()  # "under punkt 95": the items named by number
    before_now: bool = False  # "hvor mange har der hidtil været": what was, not what will be
    after_now: bool = False  # "hvor ofte skal der fremover …": what will be, not what was
    years_compared: frozenset[str] = frozenset()  # "i 2020 sammenlignet med 2019": both asked
    # the names asked of alone, whose count in a list of others is not theirs ("elever fra
    # Kolding"; none for "Kolding og de andre", "i alt")
    singled_out: frozenset[str] = frozenset()


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _cue_before(text: str, start: int) -> tuple[bool, bool]:
    """(a meeting cue, a topic cue) just before position ``start``."""
    before = text[max(0, start - 30) : start].rstrip()
    before = re.sub(r"\b(den|d\.)\s*$", "", before).rstrip()
    return bool(_MEETING_CUE.search(before)), bool(_TOPIC_CUE.search(before + " "))


def parse_dates(text: str, today: dt.date) -> tuple[DateRange | None, frozenset[str]]:
    """The meeting dates a question states; ``text`` is lower case."""
    found: tuple[DateRange, int, int] | None = None

    def pick(r: DateRange, start: int, end: int) -> None:
        nonlocal found
        if found is None:
            found = (r, start, end)

    for m in _FULL_DATE.finditer(text):
        if m["iy"]:
            year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
        else:
            month = MONTHS[m["month"]]
            day = int(m["day"])
            year = int(m["year"]) if m["year"] else _last_year_with(today, month, day)
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        try:
            first = d.replace(day=int(m["first"])) if m["first"] else d
        except ValueError:  # "40.-5. marts": the 5th
            first = d
        meeting, topic = _cue_before(text, m.start())
        label = format_danish_date(d) if first >= d else \
            f"{first.day}.-{format_danish_date(d)}"
        pick(DateRange(min(first, d), d, label, explicit=meeting and not topic,
                       yearless=not m["iy"] and not m["year"]), m.start(), m.end())
    for m in _NUMERIC_DATE.finditer(text):
        if found is None and (when := _numeric_date(m)) is not None:
            meeting, _ = _cue_before(text, m.start())
            pick(DateRange(when, when, format_danish_date(when), explicit=meeting),
                 m.start(), m.end())
    for m in _SEASON_YEAR.finditer(text):
        first_month, last_month = _SEASONS[m["season"]]
        year = int(m["year"])
        end_year = year + 1 if last_month < first_month else year
        meeting, _ = _cue_before(text, m.start())
        pick(DateRange(dt.date(year, first_month, 1), _month_range(end_year, last_month)[1],
                       f"{m['season']} {year}", explicit=meeting), m.start(), m.end())
    for m in _MONTH_SPAN.finditer(text):
        start = _month_range(int(m["y1"]), MONTHS[m["m1"]])[0]
        end = _month_range(int(m["y2"]), MONTHS[m["m2"]])[1]
        if start <= end:
            meeting, _ = _cue_before(text, m.start())
            pick(DateRange(start, end, f"{MONTH_NAMES[start.month - 1]} {start.year} til "
                           f"{MONTH_NAMES[end.month - 1]} {end.year}", explicit=meeting),
                 m.start(), m.end())
    for m in _MONTH_MEETING.finditer(text):
        month = MONTHS[m["month"]]
        year = int(m["year"]) if m["year"] else _last_year_with(today, month, 1)
        start, end = _month_range(year, month)
        pick(DateRange(start, end, f"{MONTH_NAMES[month - 1]} {year}", explicit=True,
                       yearless=not m["year"]), m.start(), m.end())
    for m in _MONTH_YEAR.finditer(text):
        if found is not None:
            break
        month = MONTHS[m["month"]]
        year = int(m["year"]) if m["year"] else _last_year_with(today, month, 1)
        start, end = _month_range(year, month)
        meeting, _ = _cue_before(text, m.start())
        pick(DateRange(start, end, f"{MONTH_NAMES[month - 1]} {year}", explicit=meeting,
                       yearless=not m["year"]), m.start(), m.end())
    if found is None and (m2 := _BETWEEN.search(text)):
        a, b = sorted((int(m2["a"]), int(m2["b"])))
        pick(DateRange(dt.date(a, 1, 1), dt.date(b, 12, 31), f"{a}–{b}"), m2.start(), m2.end())
    if found is None and (m3 := _YEAR.search(text)):
        year = int(m3["year"])
        prep = m3["prep"]
        if prep in {"fra", "siden", "efter"}:
            start = dt.date(year + (prep == "efter"), 1, 1)
            pick(DateRange(start, None, f"{prep} {year}"), m3.start(), m3.end())
        elif prep in {"før", "inden", "frem til", "til"}:
            end = dt.date(year - (prep != "til" and prep != "frem til"), 12, 31)
            label = f"frem til {year}" if prep == "til" else f"{prep} {year}"
            pick(DateRange(None, end, label), m3.start(), m3.end())
        else:
            s, e = _year_range(year)
            pick(DateRange(s, e, str(year)), m3.start(), m3.end())
    if found is None and (m4 := _RELATIVE.search(text)):
        what = m4["what"]
        if what in {"sidste år", "forrige år", "i fjor"}:
            s, e = _year_range(today.year - 1)
            r = DateRange(s, e, f"sidste år ({today.year - 1})")
        elif what == "i år":
            s, e = _year_range(today.year)
            r = DateRange(s, e, f"i år ({today.year})")
        elif what in {"sidste måned", "forrige måned"}:
            first = today.replace(day=1) - dt.timedelta(days=1)
            s, e = _month_range(first.year, first.month)
            r = DateRange(s, e, f"{MONTH_NAMES[first.month - 1]} {first.year}")
        elif what == "denne måned":
            s, e = _month_range(today.year, today.month)
            r = DateRange(s, e, f"{MONTH_NAMES[today.month - 1]} {today.year}")
        elif m4["ago"] is not None:
            n = _number(m4["ago"]) or 1
            s, e = _year_range(today.year - n)
            r = DateRange(s, e, str(today.year - n))
        else:
            n = _number(m4["n"]) or 1
            r = DateRange(_years_before(today, n), today, f"det seneste {n} år"
                          if n == 1 else f"de seneste {n} år")
        pick(r, m4.start(), m4.end())
    if found is None and (m5 := _LATEST.search(text)):
        pick(DateRange(None, today, "det seneste møde", explicit=True, latest=True),
             m5.start(), m5.end())
    if found is None:
        return None, frozenset()
    chosen, lo, hi = found
    return chosen, frozenset(w for w in re.findall(r"\w+", text[lo:hi]))


def _numeric_date(m: re.Match[str]) -> dt.date | None:
    """The day a "30/11 2020", "12.4.2023" or "12/4-23" match names; None without a year
    or for no date at all."""
    if not (m["year"] or m["yy"]):
        return None
    try:
        year = int(m["year"]) if m["year"] else 2000 + int(m["yy"])
        return dt.date(year, int(m["month"]), int(m["day"]))
    except ValueError:
        return None


def _written_date(m: re.Match[str]) -> str:
    """"6/3-2023" as the minutes write it ("6. marts 2023"), so that its words find the
    text that names the day; a date without a year, or no date at all, stays."""
    d = _numeric_date(m)
    return m.group(0) if d is None else format_danish_date(d)


def _school_year(m: re.Match[str]) -> str:
    a, b = int(m.group(1)), int(m.group(2))
    return f"20{m.group(1)}-{m.group(2)}" if b == (a + 1) % 100 else m.group(0)


def _years_before(today: dt.date, n: int) -> dt.date:
    try:
        return today.replace(year=today.year - n)
    except ValueError:
        return today.replace(year=today.year - n, day=28)


def _last_year_with(today: dt.date, month: int, day: int) -> int:
    """The year of the latest such day on or before ``today``."""
    try:
        this = dt.date(today.year, month, day)
    except ValueError:
        return today.year
    return today.year if this <= today else today.year - 1


# "hvad var karaktergennemsnittet", "hvad er egenskoleandelen i dag", "hvor tilfredse var
# forældrene": a measure's value, so the answer must give a number
_MEASURE_ASKED = re.compile(
    r"\b(?:hvad (?:er|var|bliver|blev|ligger)\s+(?:\w+\s+){0,2}?|hvilke[nt]?\s+)"
    r"(\w*(?:gennemsnit|(?<!h)andel"
    r"|procent|procentdel|fravær|tilfredshed|frekvens)\w{0,4})\b"
    r"|\bhvor (?:tilfredse?|utilfredse?)\b"
    # "hvor høj er egenskoleandelen", "hvor lavt var fraværet": the value of what follows
    r"|\bhvor (?:høj|højt|høje|lav|lavt|lave) (?:er|var|bliver|blev|ligger|lå) (?:de[nt] )?"
    r"(?:\w+e )?(\w+)"
    # asked indirectly, the verb last: "(fortæl mig,) hvor høj ammefrekvensen var"
    r"|\bhvor (?:høj|højt|høje|lav|lavt|lave) (?:de[nt] )?(?:\w+e )?(\w+) (?:er|var|blev|lå)\b")


# a measure named in a question of keywords only ("karaktergennemsnit 9. klasse dansk")
_MEASURE_WORD = re.compile(r"\b(\w*(?:gennemsnit|(?<!h)andel|procent|procentdel|fravær"
                           r"|tilfredshed|frekvens)\w{0,4})\b")
# "formand for den nye styregruppe": the chair of another body, not of the committee
_CHAIR_OF_OTHER = re.compile(r"\bformand(?:en)?\s+for\s+(?!(?:\w+\s+){0,3}?\w*udvalg"
                             r"|børn\s+og\s+unge\b|mødet\b)")
_ASKING = re.compile(r"\W*(?:hv\w*|kan|kunne|vil|ville|er|var|blev|bliver|har|havde|skal"
                     r"|skulle|må|får|fik|findes|gælder|ved|fortæl|beskriv|forklar|giv|vis"
                     r"|opsummer|find|send|list)\b")
KEYWORDS_AT_MOST = 10
# the noun that asks, in a question of keywords only
_TIME_KEYWORD = re.compile(r"\b(?:\w*(?:dato|tidspunkt)(?:en|et)?|slut|start|deadline)\W*$")
_PERIOD_KEYWORD = re.compile(r"\w*(?:periode|perioden|varighed|varigheden)\W*$")


# "hvad er årsagen/grunden/formålet …": the word for why frames the question; not "grunden"
# (a plot) elsewhere in it. "Hvad er formålet med X", "hvad var målet med at deltage" ask
# why as a purpose (group 2).
_REASON_FRAME = re.compile(r"\W*hvad\s+(?:\w+\s+)?(?:er|var)\s+(?:\w+\s+)?(?:(årsagen|grunden"
                           r"|begrundelsen)|(formålet|målet|hensigten|meningen)\s+med)\b")


# "hvad var tanken bag, at X", "hvad skal X opnå/føre til", "hvilket problem skal X løse":
# what X is for
_PURPOSE_ASKED = re.compile(
    r"\W*hvad\s+(?:\w+\s+)?(?:er|var)\s+(?:tanken|ideen|hensigten)\s+(?:bag|med)"
    r"(?:\s+\w+\s+om)?,?\s+at\b"  # "tanken bag kravet om, at …"
    r"|\W*hvad\s+skal\s+(?:\S+\s+){1,8}?(?<!for at )(?:opnå|føre\s+til|resultere\s+i)\b")
# "hvilket problem skal X løse": why X is needed, a cause ("et økonomisk efterslæb pga. …")
_PROBLEM_ASKED = re.compile(
    r"\W*(?:hvilket|hvilken)\s+(?:\w+\s+)?(?:problem|udfordring)\s+skal\s+"
    r"(?:\S+\s+){1,8}?(?:\w+\s+)?(?:løse|afhjælpe|imødekomme|adressere)\b")

_VAGUE_NOUNS = frozenset("element elementer elementet del dele delen ting tingene aspekt "
                         "aspekter aspektet".split())
_PURPOSE_FRAME = ("tanken ideen hensigten bag opnå føre resultere problem problemer udfordring "
                  "udfordringer løse afhjælpe imødekomme adressere").split()


def _asks_purpose(text: str) -> bool:
    """Does ``text`` (lower case) ask "hvad er formålet/målet med …"?"""
    return ((m := _REASON_FRAME.match(text)) is not None and m.group(2) is not None) \
        or _PURPOSE_ASKED.match(text) is not None


# a postponement ("udskudt", "udsættes", "blev udsat"); not "udsatte børn" (vulnerable)
POSTPONED = re.compile(r"\b(?:udsk[uy]d\w*|udsat|udsætte[s]?)\b", re.IGNORECASE)
# a purpose answers "hvorfor blev X indført", not why it was put off, did not happen or
# was stopped
_SETBACK = re.compile(rf"{POSTPONED.pattern}|\b(?:ikke|aflys\w*|stop\w*|luk\w*"
                      r"|dropp\w*|fjerne[ts]?|afvis\w*|forsink\w*|skåret|skære\w*"
                      r"|tilbagerul\w*|trukket\s+tilbage|rulle[ts]?\s+tilbage)\b")


# the pronouns of a sentence ("klarer vores skoler sig …"): no keyword query has them
_SENTENCE_WORDS = re.compile(r"\b(?:jeg|vi|vores|man|sig)\b")


def _keywords(text: str) -> bool:
    """A few words, no question word or verb first ("karaktergennemsnit dansk 2019"), nor
    the pronouns of a sentence ("klarer vores skoler sig dårligere end …")."""
    return _ASKING.match(text) is None and len(re.findall(r"\w+", text)) <= KEYWORDS_AT_MOST \
        and _SENTENCE_WORDS.search(text) is None


def detect_intent(text: str) -> Intent:
    """The kind of answer a lower-case question asks for."""
    if re.search(r"\bhvem\b", text) and re.search(r"\bformand(en)?\b", text) \
            and not _CHAIR_OF_OTHER.search(text):
        return Intent.CHAIR  # the chair is in the meeting's header; a næstformand is not
    if re.search(r"\bhvem\b.*\b(deltog|deltager|til stede|fraværende|mødt|afbud)\b", text):
        return Intent.ATTENDANCE
    if re.search(r"\bhvor (tit|ofte|hyppigt)\b|\bhvor mange gange\b", text):
        return Intent.FREQUENCY
    if re.search(r"\b(i )?hvilke[nt]? periode|\bhvor længe\b|\bhvor lang(?: en)? (?:tid|periode)\b"
                 # "hvad er testperioden": a period named as what is asked
                 r"|^\W*(?:hvad\s+(?:er|var|bliver|blev)\s+)?\w*perioden\b"
                 r"|\bhvilke år\b|\bhvor meget (?:senere|tidligere|længere|kortere)\b", text):
        return Intent.PERIOD
    if re.search(r"\bhvilke[nt]? (?:alder\w*|aldre)\b|\bhvor gam(?:le|mel|melt)\b"
                 r"|\baldersgruppe", text):
        return Intent.AGE
    # "Hvornår kommer sagen om antal voksne pr. barn tilbage?": the opening word decides
    when = re.match(r"\W*(?:fra\s+)?hvornår\b", text) is not None
    if re.search(r"\bhvor (meget|stor[et]?|dyr[et]?)\b"
                 r"|\bhvor mange (?:tusind\w*\s+)?(penge|kroner|mio|millioner|kr|"
                 r"\w*(?<!lære)(?<!hjælpe)midler)"
                 r"|\bhvilke[nt]? (beløb|budget(?!år)|pris)", text) or (not when and re.search(
                     r"\bkost(e|er|ede)\b|\bbeløb\w*", text)) or _VALUE_OF.search(text) \
            or _PAYS_WHAT.match(text) \
            or (_WILL_BE.search(text) and _MONEY_QUESTION.search(text)):
        return Intent.AMOUNT
    if re.search(r"\bhvor mange\b", text) or (not when and re.search(r"\bantal(let)?\b", text)) \
            or _MEASURE_ASKED.search(text):
        return Intent.QUANTITY
    if re.search(r"\bhvornår\b"
                 r"|\bhvilke[nt]? (datoer|dato|dage|dag|måned|tidspunkt|år|budgetår|skoleår)\b"
                 r"|\bfrist\w*\b"
                 r"|\bsenest\b", text):
        return Intent.TIME
    if _FUNDING_ASKED.search(text):
        return Intent.FUNDING
    if _HOST_ASKED.search(text):  # "hvilken skole var vært for dialogmødet": where it was
        return Intent.PLACE
    if _PLACE_ASKED.match(text) and not _COMPARED.search(text) and not _OPPOSITES.search(text):
        return Intent.PLACE  # not "hvor ligger vi i forhold til landsgennemsnittet"
    if WHICH_ATTACHMENTS.search(text):  # "hvad hed bilaget": the attachments, not a person
        return Intent.WHICH
    if _NAME_ASKED.match(text):  # "hvad hedder værten …": someone's name
        return Intent.PERSON
    if re.match(r"\W*hvem\b", text):  # "hvem skal orienteres om beslutningen …"
        return Intent.PERSON
    if re.match(r"\W*(hvorfor|hvad er grunden|hvad var grunden|hvad er årsagen|hvad var årsagen)\b",
                text) or _asks_purpose(text) or _PROBLEM_ASKED.match(text):
        return Intent.REASON
    if re.match(r"\W*hvad\s+(?:(?:\S+\s+){0,6}?går\b.*\bud på|handler\b.*\bom|indebærer"
                r"|dækker\b.*\bover"
                r"|(?:er|var)\s+(?:id[eé]en|tanken|konceptet|pointen)\s+(?:med|bag)"
                r"|(?:id[eé]en|tanken|konceptet|pointen)\s+(?:med|bag)\b.*\b(?:er|var)\W*$)",
                text):
        return Intent.DESCRIBE
    if _DECISION.search(text) or _RECOMMENDATION.match(text):
        return Intent.DECISION
    if re.search(r"\bhvem\b", text):
        return Intent.PERSON
    if re.search(r"\bhvilke\b", text):
        return Intent.WHICH
    if _keywords(text) and _MONEY_QUESTION.search(text):
        return Intent.AMOUNT  # "ibclc uddannelse pris pr stk", "budget ladcykler": how much
    if _keywords(text) and _MEASURE_WORD.search(text):
        return Intent.QUANTITY  # "karaktergennemsnit dansk 2019": its value
    if _keywords(text) and _TIME_KEYWORD.search(text):
        return Intent.TIME  # "dialogmøde Stouby Skole dato", "projektperiode slut": when
    if _keywords(text) and _PERIOD_KEYWORD.search(text):
        return Intent.PERIOD  # "trilledagtilbud test periode": from when to when
    return Intent.GENERAL


@dataclass(frozen=True, slots=True)
class CommitteeName:
    committee_id: int
    name: str


def committee_core(name: str) -> str:
    """"Udvalget for Læring 2022-2025" → "læring": the words that name the committee."""
    core = re.sub(r"\d{4}\s*-\s*\d{4}|\d{4}", "", name.lower())
    core = re.sub(r"^\s*(udvalget|udvalg)\s+for\s+", "", core)
    return " ".join(core.split())


def _as_one_word(core: str) -> str:
    """The pattern of a committee written as one word: "læringsudvalget"."""
    return rf"{core}s?-?udvalg(?:et|ets)?"


def match_committees(
    question: str, committees: Iterable[tuple[int, str]]
) -> tuple[frozenset[int] | None, str | None]:
    """Committees the question names: "i Udvalget for Læring", "læringsudvalget",
    "Børn og Unge" (a name without "udvalg" only when written with its capitals)."""
    low = question.lower()
    ids: set[int] = set()
    label: str | None = None
    for cid, name in committees:
        core = committee_core(name)
        if not core:
            continue
        esc = re.escape(core)
        patterns = [rf"\budvalg(et)?\s+for\s+{esc}s?\b", rf"\b{_as_one_word(esc)}\b"]
        hit = any(re.search(p, low) for p in patterns)
        if not hit and "udvalg" not in name.lower():
            plain = re.sub(r"\s*\d{4}\s*-\s*\d{4}", "", name).strip()
            hit = re.search(rf"(?<!\w){re.escape(plain)}(?!\w)", question) is not None and (
                plain.lower() != plain
            )
        if hit:
            ids.add(cid)
            label = label or re.sub(r"\s*\d{4}\s*-\s*\d{4}", "", name).strip()
    return (frozenset(ids), label) if ids else (None, None)


def match_municipalities(question: str, names: Iterable[str]) -> frozenset[str] | None:
    """Municipalities the question names ("i Aarhus", "Hedensted Kommune", "Hedensteds")."""
    low = question.lower()
    found = {
        name for name in names
        if (core := re.sub(r"\s+kommune$", "", name.strip().lower()))
        and re.search(rf"(?<!\w){re.escape(core)}s?(?!\w)", low)
    }
    return frozenset(found) if found else None


def understand(
    text: str,
    analyzer: Analyzer,
    *,
    today: dt.date,
    committees: Iterable[tuple[int, str]] = (),
    municipalities: Iterable[str] = (),
    knows: Callable[[str], bool] | None = None,
    df: Callable[[str], int] | None = None,
    titled: Callable[[str], Iterable[str]] | None = None,
    told: str = "",
) -> Question:
    """What ``text`` asks, after what the member has ``told`` (the first of two questions
    in one sets the scene of the second). ``knows(stem)``: the minutes use the word; an
    everyday word they never use in any form frames the question instead of naming its
    topic (see lexicon).
    ``titled(low)``: the names of the minutes' titles that the lower-case question uses
    ("styrke på tværs"); their words are names even in lower case. ``df(stem)``: in how
    many passages the minutes use it (to prefer "tværs" to "tvaers")."""
    clean = " ".join(text.split())
    if knows is not None:  # how members type (minutes/spelling.py)
        used = df or (lambda stem: int(knows(stem)))

        def known(word: str) -> bool:
            return knows(analyzer.stem(word))

        clean = danish_letters(clean, used=lambda w: used(analyzer.stem(w)),
                               compound=lambda w: bool(analyzer.split_compound(w, knows)),
                               function_words=analyzer.stop_words)
        clean = joined_compounds(clean, known=known, function_words=analyzer.stop_words)
        clean = framing_typos(clean, known=known, framing=_FRAMING_VOCABULARY)
    # "6/3-2023" as "6. marts 2023", "22/23" as "2022-23": as the minutes write them
    clean = _SCHOOL_YEAR.sub(_school_year, _NUMERIC_DATE.sub(_written_date, clean))
    clean = fold_accents(clean)  # "René", "idéen": read as the tokens are ("rene", "ideen")
    clean = _AGAIN.sub(r"\1 ", clean)  # "hvad var det nu, landsgennemsnittet …"
    clean = _KEEPS_ON.sub("fortsætter", clean)  # "bliver kommunen ved med at …"
    clean = _TAKES_CARE.sub("varetager", clean)  # "hvem tager sig af X": who handles it
    clean = _GOES_ALONG.sub(r"deltager\1", clean)  # "hvem tager med på seminaret"
    clean = _SHOWED_WHO.sub(r"\1præsenterede", clean)
    clean = _IT_TAKES.sub("hvad kræver det at", clean)
    clean = _NATION.sub(lambda m: f"{m.group(1) or m.group(2)} landsgennemsnittet",
                        clean)  # "end resten af landet"
    clean = _WHOLE_NATION.sub("på landsplan", clean)  # "i hele landet": as the minutes say
    # "dialogmødet, der nævnes under punkt 23": where it is said, no topic
    said_where = {m.group(1).lower() for m in _SAID_WHERE.finditer(clean)}
    items = frozenset(int(n) for m in _ITEM_NAMED.finditer(clean)
                      for n in re.findall(r"\d+", m.group(1)))
    clean = _ITEM_NAMED.sub(" ", clean)  # "under punkt 95": the item by number, no topic
    preamble = _PREAMBLE.match(clean)
    lead_in = clean[:preamble.end()] if preamble is not None else ""
    clean = clean[len(lead_in):]
    if lead_in and (noun := _ASKED_NOUN.match(clean)) is not None:  # after "Giv mig" …
        asked_by = next(w for g, w in _ASKED_BY_NOUN.items() if noun.group(g))
        clean = asked_by + clean[noun.end():]
    if (asker := _ASKER.match(clean)) is not None:
        lead_in, clean = lead_in + clean[:asker.end()], clean[asker.end():]
    elif (colon := _COLON_LEAD_IN.match(clean)) is not None and (
            " " in (said := colon.group().strip(" :")) or lexicon.everyday(said.lower())):
        lead_in, clean = lead_in + colon.group(), clean[colon.end():]
    # the scene set before a dash or in a sentence before the question: its committee and
    # place hold, a meeting it names dates the question, its words weigh less
    context = ""
    if (lead := _LEAD_IN.match(clean) or _SAID_BEFORE.match(clean)) is not None:
        context, clean = clean[:lead.end()], clean[lead.end():]
    afterthought = ""
    if (aside := _ASIDE_AFTER.search(clean)) is not None \
            and len(clean[:aside.start()].split()) >= SECOND_QUESTION_AFTER \
            and not _NAME.search(aside.group()):  # "…, nu hvor Tusindfryd …" names it
        # "…, nu hvor udvalget har set den?": the scene, said after the question
        afterthought = aside.group().strip(" ,?")
        context = f"{context} {afterthought}".strip()
        clean = clean[:aside.start()] + "?"
    context = f"{told} – {context}" if told else context
    # the other alternative of a yes/no question ("er vi stadig med, eller er vi stoppet?")
    # asks the same
    if (alt := _ALTERNATIVE.search(clean)) is not None:
        clean = clean[:alt.start()] + "?"
    # a remark after the question ("…? Jeg var ikke med, da det blev drøftet") asks nothing,
    # when the question names its topic itself (not "Hvad blev besluttet? Det drejer sig
    # om minimumsnormeringen.")
    if (end := clean.find("?")) > 0 and _RHETORICAL.match(clean[end + 1:]) \
            and _names_a_topic(clean[:end], analyzer, knows):
        clean = clean[:end + 1]  # "…? Er det ikke bare en omrokering?": a dig, no question
    if (end := clean.rfind("?")) > 0 and clean[end + 1:].strip() \
            and not _ASKS.match(clean[end + 1:]) and _names_a_topic(clean[:end], analyzer, knows):
        clean = clean[:end + 1]
    # two questions in one ("Hvad indstillede X, og blev den sendt videre?"): the first
    second = ""
    if (m := _SECOND_QUESTION.search(clean)) is not None \
            and len(clean[:m.start()].split()) >= SECOND_QUESTION_AFTER \
            and (m.group().lstrip(" ,").lower().startswith("og")
                 or re.match(r"\W*hv", clean, re.IGNORECASE) is not None):  # not "Når …, er"
        clean, second = clean[:m.start()], clean[m.end():].strip()
    low = clean.lower()
    intent = detect_intent(low)
    if intent is Intent.GENERAL and context and not told and _MONEY_QUESTION.search(
            context.lower()) and _ITS_VALUE.match(low):
        intent = Intent.AMOUNT  # "Prisen på X – hvad ligger den på?": the scene's money
    dates, date_terms = parse_dates(low, today)
    if dates is None and (lead_in or context):
        scene_dates, scene_terms = parse_dates((lead_in + context).lower(), today)
        if _MEETING_NAMED.search(lead_in + context):
            dates, date_terms = scene_dates, scene_terms
        else:  # "fra august 2022 til juni 2024 –" dates no meeting, but asks nothing either
            date_terms = date_terms | scene_terms
    committee_ids, committee_label = match_committees(clean, committees)
    if committee_ids is None and context:
        committee_ids, committee_label = match_committees(context, committees)
    degree = {m.group(1) for m in _DEGREE.finditer(low)}
    # "ifølge historikken", "i sagsfremstillingen": where the answer is, no word to search
    placed = {w for m in _SECTION_NAMED.finditer(low) for w in m.group(1).split()} | said_where
    tokens = [t for t in analyzer.question_tokens(clean)
              if t.surface not in degree and t.surface not in placed]
    own_words = {t.surface for t in tokens}
    if context:
        # what the first of two questions asked ("hvordan skal enheden *bemandes*") is not
        # the second's topic
        first = _HOW_PASSIVE.match(told.lower())
        asked_by_first = {first.group(1)} if first is not None else set()
        tokens += [t for t in analyzer.question_tokens(context)
                   if t.surface not in degree and t.surface not in own_words
                   and t.surface not in asked_by_first]
    generic = frozenset(analyzer.stem(w) for w in GENERIC_WORDS) | (
        frozenset(analyzer.stem(w) for w in OUTCOME_WORDS) if intent is Intent.DECISION
        else frozenset(analyzer.stem(w) for w in FUNDING_WORDS.split())
        if intent is Intent.FUNDING else frozenset())
    recommendation = intent is Intent.DECISION and _RECOMMENDATION.match(low) is not None
    if recommendation:  # "indstillingen", "administrationen": where the answer is, not what
        generic |= {analyzer.stem(w) for w in RECOMMENDATION_WORDS}
    if (asked := _REQUESTED_OF.search(low)) is not None:
        # "hvad bad udvalget administrationen om at udarbejde": whom it asked, and the
        # making, frame what was asked for
        generic |= {analyzer.stem(w) for w in f"{asked[1]} {asked[2] or ''}".split()}
    attachments = WHICH_ATTACHMENTS.search(low) is not None
    if attachments:
        generic |= {analyzer.stem(w) for w in ATTACHMENT_WORDS}
    if intent is Intent.PLACE and (host := _HOST_ASKED.search(low)):
        # "vært for", "lagde hus til" ask where; they are no topic
        generic |= {analyzer.stem(w) for w in (host.group(1) or host.group(2)).split()}
    if intent is Intent.PERIOD:  # "hvor længe løber X", "i hvilken periode": the frame
        generic |= {analyzer.stem(w) for w in DURATION_WORDS}
    if intent is Intent.AGE:  # "hvilke aldre", "hvor gamle": the frame
        generic |= {analyzer.stem(w) for w in AGE_WORDS}
    if re.search(r"\btusinde?\s+(?:kroner|kr)\b", low):  # "hvor mange tusind kroner": a unit
        generic |= {analyzer.stem("tusind"), analyzer.stem("tusinde")}
    if (pays := _PAYS_WHAT.match(low)) is not None:  # "hvad betaler X": how much
        generic |= {analyzer.stem(pays.group().split()[-1])}
    if re.search(r"\bforskellen\s+(?:på|mellem)\b", low):  # "hvad er forskellen på X og Y"
        generic |= {analyzer.stem("forskellen")}
    if (frame := _REASON_FRAME.match(low)) is not None:  # "hvad er årsagen til, at …"
        generic |= {analyzer.stem(frame.group(1) or frame.group(2))}
    if _PURPOSE_ASKED.match(low) or _PROBLEM_ASKED.match(low):  # "hvilket problem skal X
        # løse": X is the topic
        generic |= {analyzer.stem(w) for w in _PURPOSE_FRAME}
    for pair in [*_OPPOSITES.finditer(low), *_COMPARED.finditer(low)]:
        # "flere eller færre", "sammenlignet med": the comparison asked, not its topic
        generic |= {analyzer.stem(w) for w in pair.group().split()} \
            - {analyzer.stem("landsgennemsnittet")}
    if intent is Intent.TIME:  # "hvornår skal kommunalbestyrelsen godkende …": the event
        generic -= {analyzer.stem(w) for w in EVENT_VERBS}
        # "hvornår er X planlagt til": when X is, however the minutes plan it ("foreslås …,
        # forventeligt i efteråret 2021")
        generic |= {analyzer.stem(w) for w in PLANNED_WORDS}
        if (back := _RETURNS_ASKED.search(low)) is not None \
                and back.group(1).startswith(("behandl", "drøft")):
            # "hvornår skal sagen behandles igen": that it comes back is the event ("Sagen
            # kommer med på maj mødet igen"), not the treating
            generic |= {analyzer.stem(back.group(1))}
    if committee_label:
        named = set(analyzer.terms(committee_label)) | {analyzer.stem("udvalget")}
        one_word = _as_one_word(re.escape(committee_core(committee_label)))
        tokens = [t for t in tokens if t.stem not in named
                  and not re.fullmatch(one_word, t.surface)]
    places = match_municipalities(clean, municipalities) \
        or (match_municipalities(context, municipalities) if context else None) \
        or (match_municipalities(lead_in, municipalities) if lead_in else None)
    place_terms = frozenset(f for name in places or () for w in raw_tokens(name)
                            for f in (w, f"{w}s"))  # "Hedensteds kompetenceudvikling"
    # the document the member has in mind ("ifølge handleplanen for almen og special",
    # "i kvalitetsrapporten"): where to look, not what is asked
    if (source := _SOURCE.search(low)) is not None:
        source_words = frozenset(w for w in raw_tokens(source.group(1)) if analyzer.keep(w))
        # something else is asked, and the minutes know the document by that name (an
        # unknown "kommunikationsplanen" is what the question is about)
        if len(tokens) > len(source_words) + 1 and (knows is None or all(
                knows(analyzer.stem(w)) for w in source_words)):
            place_terms |= source_words
    # what follows "om" names the topic, and "hvilke kommuner" asks about kommuner: such
    # words count in full even when they usually only frame a question
    topic_words = _topic_words(clean)
    topical = set(topic_words)
    if (m := re.search(r"\bhvilke[nt]?\s+(\w+)", low)) is not None and not (
            intent is Intent.TIME and m.group(1) in _TIME_NOUNS  # "hvilken dato" asks when
    ) and not (intent is Intent.PERIOD and m.group(1) in DURATION_WORDS) \
            and not (intent is Intent.AGE and m.group(1) in AGE_WORDS) \
            and not (intent is Intent.REASON and m.group(1) in _PURPOSE_FRAME) \
            and not _WHOLE_MEETING.match(low, m.start()):  # "hvilke sager" asks for the agenda
        topical.add(m.group(1))
    # "hvem blev valgt som næstformand": the office is what is asked about
    topical |= set(re.findall(r"\b(?:valgt|udpeget|ansat|udnævnt|konstitueret)\s+(?:som|til)"
                              r"\s+(\w+)", low))
    framing = generic
    generic = generic - {analyzer.stem(w) for w in topical}
    verbs: frozenset[str] = frozenset()
    if knows is not None:
        if (m := _HOW_MANY.search(low)) is not None:
            topical.add(m.group(1))
        capitalised = {w.lower().rstrip(".") for w in _NAME.findall(clean)}
        synonyms = _synonyms(analyzer)
        idioms = lexicon.idiom_words(f"{context.lower()} {low}")  # the scene's too
        # a verb the minutes never use, in a verb's place: "hoste op med", "at hyre"
        slang = {w for m in _PARTICLE_VERB.finditer(low) for w in m.groups() if w} | {
            w for w in _VERB_AFTER_AT.findall(low) if lexicon.danish(w)
            and not _YES_NO.match(low)}  # (not "Har kommunen besluttet at genåbne X?")
        generic |= {t.stem for t in tokens if t.surface in idioms}
        generic |= {t.stem for t in tokens
                    if not t.is_number and not t.parts and t.surface not in topical
                    and t.surface not in capitalised and not knows(t.stem)
                    and not any(knows(s) for s in synonyms.get(t.stem, ()))
                    and (t.particle_stem is None or not (
                        knows(t.particle_stem)
                        or any(knows(x) for x in synonyms.get(t.particle_stem, ()))))
                    and (lexicon.everyday(t.surface) or lexicon.english(t.surface)
                         or t.surface in slang)}
        # the finite verb: second after a question word ("Hvor lå …", "Hvem fremlagde …"),
        # first in a yes/no question ("Kører forsøget …?"); what is asked comes after it
        found = _finite_verbs(low) - topical - capitalised
        if any(t.surface not in found for t in tokens):
            verbs = frozenset(t.stem for t in tokens if t.surface in found) - generic
    content = [t for t in tokens
               if t.stem not in generic and t.surface not in date_terms
               and t.surface not in _DATE_WORDS and t.surface not in place_terms]
    # the scene's words ("Ansøgningen til Klimafonden – hvornår skal den afprøves?") are
    # the topic only when the question itself names too little ("– blev det aflyst?")
    scene = [t for t in content if t.surface not in own_words]
    content = [t for t in content if t.surface in own_words]
    after = {t.surface for t in analyzer.question_tokens(afterthought)} - own_words
    if len(content) < 2:  # (an afterthought never names the topic)
        content = content + [t for t in scene if t.surface not in after]
        scene = [t for t in scene if t.surface in after]
    plain = [t for t in content if t.stem not in framing]
    # "hvem blev næstformand i 2023" asks for a person, never for the meeting's agenda
    whole_asked = _WHOLE_MEETING.search(low) is not None
    # "hvad var på dagsordenen på rådmandsmødet": a kind of meeting names it, undated
    kind = m.group(1) if (m := _MEETING_KIND.search(low)) is not None and whole_asked \
        and dates is None and not plain else None
    whole = (dates is not None or kind is not None) \
        and intent not in {Intent.CHAIR, Intent.ATTENDANCE} and (
            (not content and (intent is not Intent.PERSON or whole_asked))
            or (whole_asked and not plain))
    if whole:
        intent = Intent.OVERVIEW
    counted = None
    if intent is Intent.QUANTITY and (
            m := _HOW_MANY.search(low)):
        counted = m.group(1)
        # "hvor mange private udbydere": the noun after an adjective is counted too
        if m.group(2) and analyzer.keep(m.group(2)) and not _PAST_VERB.fullmatch(m.group(2)) \
                and (m.group(1).endswith("e") or m.group(1) in _UNINFLECTED):
            counted = f"{m.group(1)} {m.group(2)}"
    if intent is Intent.QUANTITY and counted is None and _keywords(low) \
            and (m := _COUNTED_FIRST.match(low)) is not None and analyzer.keep(m.group(1)):
        counted = m.group(1)  # "ekstra dagplejere minimumsnormering antal": the first noun
    measured = None
    if intent is Intent.QUANTITY and (m := _MEASURE_ASKED.search(low)) and (
            any(m.groups())):
        measured = next(g for g in m.groups() if g)
    elif intent is Intent.AMOUNT and (m := _VALUE_OF.search(low)) is not None \
            and not _PLAIN_MONEY.fullmatch(m.group(1)):
        measured = m.group(1)  # "budgetramme på 12 mio. kr.", not another amount (a plain
        # "budgettet for scenen" is what the scene cost)
    elif intent is Intent.QUANTITY and _keywords(low) \
            and (m := _MEASURE_WORD.search(low)) is not None:
        measured = m.group(1)
    focus = counted or measured
    verb_words = _finite_verbs(low)
    if focus is None and (m := re.search(r"\bhvad (?:sker|skete|skal der ske|bliver der gjort)"
                                         r"(?: der)? med (?:de[tn]?\s+)?(\w+)", low)):
        focus = m.group(1)
    if focus is None and (m := re.search(
            # "hvad står der om målgruppen for X", "hvad siger sagen om økonomien"
            r"\bhvad\s+(?:står|stod|siger|sagde|skriver|skrev)\s+(?:der|\w+)\s+om\s+"
            r"(?:de[nt]?\s+)?(\w+)", low)) and analyzer.keep(m.group(1)) \
            and analyzer.stem(m.group(1)) not in generic:
        focus = m.group(1)
    if focus is None and (m := re.search(
            r"\b(?:hvad|hvilke[nt]?|hvem)\s+(?:(?:var|er|bliver|blev|har|skal|vil|kan)\s+)?"
            r"(?:været\s+|have\s+|få\s+|være\s+|blive\s+)?"
            # "hvad er den foreslåede bemanding": the noun after the article and adjective
            r"(?:(?:den|det|de)\s+\w+e\s+(?=\w+\s+(?:af|for|til|i|på)\b))?(\w+)", low)):
        word = m.group(1)
        # "hvilket budgetår": the year is asked, not the budget; "hvilket element blev
        # droppet": what was dropped, which the minutes name ("forslaget om …") and need
        # not call an element
        if analyzer.keep(word) and analyzer.stem(word) not in generic \
                and intent is not Intent.TIME and word not in _VAGUE_NOUNS:
            focus = word
    if focus is None and (m := _HOW_PASSIVE.match(low)) is not None \
            and analyzer.stem(m.group(1)) not in generic:
        focus = m.group(1)  # "hvordan skal enheden bemandes": the staffing is asked
    if focus is None and (m := _HOW_PASSIVE_FIRST.match(low)) is not None \
            and analyzer.keep(m.group(1)) and analyzer.stem(m.group(1)) not in generic:
        focus = m.group(1)  # "hvordan dækkes den manglende besparelse": the saving is asked
    unknown_committee = committee_ids is None and bool(
        re.search(r"\b\w{3,}udvalg(et)?\b|\budvalget for \w+", low))
    topic = " ".join(t.surface for t in content) or " ".join(t.surface for t in tokens)
    since = intent is Intent.TIME and _SINCE_QUESTION.search(low) is not None
    day = intent is Intent.TIME and _DAY_QUESTION.search(low) is not None
    money = intent is Intent.AMOUNT and (_MONEY_QUESTION.search(low) is not None
                                         or _PAYS_WHAT.match(low) is not None) \
        and _SHARE_QUESTION.search(low) is None
    chosen = (intent in (Intent.WHICH, Intent.PERSON) or re.match(r"\W*hvilke[nt]?\b", low)
              is not None) and _CHOSEN_QUESTION.search(low) is not None
    # proper names ("Børnehuset Tuen", "Glud"): the sentence that answers must name them
    named = {w.lower().rstrip(".") for w in _NAME.findall(clean)}
    if titled is not None:
        named |= {w for name in titled(low) for w in name.split()}
    if told and not named:  # "…, og hvor mange elever bliver der plads til?": the first
        # question's name ("Skolen i Midten") is still the subject
        named = {w.lower().rstrip(".") for w in _NAME.findall(told)}
    names = frozenset(named) - place_terms - {
        t.surface for t in tokens if t.stem in framing or not analyzer.keep(t.surface)}
    findings = _FINDINGS_ASKED.search(low) is not None
    costed = (m.group(1) or m.group(2)) if money and (m := _COSTED.search(low)) is not None \
        and analyzer.keep(m.group(1) or m.group(2)) else None
    # the event a time is asked of ("hvornår åbner X"), the sending a place is ("hvor skal X
    # sendes hen")
    event = None
    if intent is Intent.TIME:
        event = next((t.surface for t in tokens if t.surface in TIMED_EVENTS or (
            t.surface in _TO_APPROVE and t.surface in own_words)), None)
    elif intent is Intent.PLACE:
        event = next((t.surface for t in tokens if SENT.fullmatch(t.surface)), None)
    claimable = {analyzer.stem(w) for w in CLAIM_WORDS}
    # "deltager vi stadig aktivt i X": an adverb of manner (an adjective's "-t" before a
    # preposition) says how, and the minutes need not ("deltager ikke i flere initiativer")
    manner = frozenset(w for m in _MANNER.finditer(low) if knows is not None
                       # "aktivt" is "aktiv" and a "t" the stemmer keeps ("sendt", "projekt":
                       # it drops it, they are no adjective's)
                       and analyzer.stem(w := m.group(1)) != analyzer.stem(w[:-1])
                       and knows(analyzer.stem(w[:-1])))
    together = _TOGETHER.search(low) is not None  # "sammen med Hedensted", "i alt"
    # "det udkast, som vi nu skal skrive under på": what the member does with it, their scene
    ours = frozenset(w for m in _OUR_CLAUSE.finditer(clean) for w in m.group(1).split()
                     if w.islower())
    return Question(
        text=clean, intent=intent, since=since, day=day, money=money, chosen=chosen,
        outcome=findings or _OUTCOME_ASKED.search(low) is not None, findings=findings,
        costed=costed,
        budget_years=frozenset(BUDGET_YEAR.findall(low)), attachments=attachments,
        part_asked=re.search(r"\bhvor mange af\b|\baf (?:de|dem|disse)\b", low) is not None
        and not together,  # "… i alt", "sammen med …": the whole
        difference=_DIFFERENCE.search(low) is not None and not _MONEY_QUESTION.search(low),
        returns=intent is Intent.TIME and _RETURNS_ASKED.search(low) is not None,
        rate=money and RATE.search(low) is not None,
        shown_by=m.group(1) if (m := _SHOWN_BY.search(low)) is not None else None,
        judged=intent in (Intent.GENERAL, Intent.DESCRIBE)
        and _JUDGED_ASKED.search(low) is not None,
        compared=intent is Intent.GENERAL and (_COMPARED.search(low) or _OPPOSITES.search(low))
        is not None,
        contrasted=intent is Intent.GENERAL and _OPPOSITES.search(low) is not None,
        years_for=frozenset(y for first, last in _YEAR_FOR.findall(low)
                            for y in range(min(int(first), int(last or first)),
                                           max(int(first), int(last or first)) + 1))
        if intent is Intent.AMOUNT else frozenset(),
        claim=frozenset(t.surface for t in tokens if t.stem in generic and t.stem in claimable)
        if intent is Intent.GENERAL and _YES_NO.match(low) and _CLAIMED_ACT.search(low)
        else frozenset(),
        aim=intent is Intent.REASON and _asks_purpose(low),
        purpose=intent is Intent.REASON and (_asks_purpose(low)
                                             or not _SETBACK.search(low)),
        event=event,
        school_years=frozenset(f"{a}-{b}" for a, b in _SCHOOL_YEARS.findall(low)
                               if int(b) == (int(a) + 1) % 100),
        second=second, said=f"{lead_in}{context}", recommendation=recommendation, names=names,
        tokens=tokens, dates=dates, date_terms=date_terms,
        committee_ids=committee_ids, committee_label=committee_label, whole_meeting=whole,
        meeting_kind=kind if whole else None,
        topic=topic, generic=generic, verbs=verbs, counted=counted, measured=measured,
        focus=focus, items=items, before_now=_BEFORE_NOW.search(low) is not None,
        after_now=_AFTER_NOW.search(low) is not None,
        years_compared=frozenset(y for m in _YEARS_COMPARED.finditer(low) for y in m.groups()),
        verbs_asked=frozenset(verb_words),
        listed=intent is Intent.WHICH and _LIST_ASKED.search(low) is not None,
        wants_name=intent is Intent.PERSON and _ROLE_ASKED.search(low) is not None
        and _LEADS.match(low) is None,
        name_asked=_NAME_ASKED.match(low) is not None,
        singled_out=frozenset() if together else names | place_terms,
        unknown_committee=unknown_committee, municipalities=places, place_terms=place_terms,
        topic_words=frozenset(w for w in topic_words if analyzer.keep(w)),
        scene=frozenset(t.surface for t in scene),
        aside=frozenset(after) | ({m.group(1).lower() for m in _APPOSITION.finditer(clean)}
                                  - _finite_verbs(low)) | manner | ours,
    )


# "hvilke fire fokusområder", "hvilke 3 skoler": a list of that many
_LIST_ASKED = re.compile(
    rf"\bhvilke\s+(\d+|{'|'.join(w for w, n in _NUMBER_WORDS.items() if n > 1)})\s+\w+")

# "hvordan skal enheden bemandes?": how something is done, said by its passive verb last
# "hvordan dækkes den manglende besparelse": the subject after a passive verb (not a number,
# "de 2 mio.", nor a genitive, "elevernes trivsel")
_HOW_PASSIVE_FIRST = re.compile(r"\W*hvordan\s+\w+es\s+(?:(?:den|det|de)\s+)?(?:\w+e\s+)?"
                                r"(?:\w+(?:ens|ernes|ets)\s+(?=[^\W\d]))?([^\W\d]\w*)")
_HOW_PASSIVE = re.compile(r"\W*hvordan\s+(?:skal|skulle|vil|kan|bliver|blev)\s+.+?\s(\w+es)\W*$")
# adjectives without an -e in the plural ("hvor mange ekstra dagplejere")
_UNINFLECTED = frozenset({"ekstra", "yderligere", "samtlige", "diverse"})
# "hvor mange forældre cyklede …": a verb in the past after the noun counted, no noun
_PAST_VERB = re.compile(r"\w+ede|\w{2,}(?<!s)te|deltog|tog|kom|fik|gik|fandt|stod|sad|blev|var")

# "hvem er skoleleder", "hvem blev ansat som chef": the answer is a name
_LEADS = re.compile(r"\W*hvem\s+(?:leder|ledede|ledes)\b")  # the verb: a body may lead
_ROLE_ASKED = re.compile(r"\w*(leder|lederen|chef|chefen|formand|formanden|direktør|direktøren)\b")
# "hvad hedder værten …": a name (a person's when a role follows, see _ROLE_ASKED)
_NAME_ASKED = re.compile(r"\W*hvad\s+hed(?:der|te)?\b")
_QUESTION_WORD = re.compile(r"\b(hvad|hvem|hvor|hvornår|hvorfor|hvordan|hvorhen|hvorfra)\s+(\w+)"
                            r"(?=(?:\s+(\w+))?(?:\s+(\w+))?)")
# where only a verb stands: the infinitive after "at" ("at hyre private aktører"; "at" is
# also a conjunction, "…, at politikerne …", whence the word must be Danish at all); after a
# modal and its subject, or as the participle after an auxiliary and its subject, when a
# particle follows ("skal kommunen selv punge ud med", "har staten egentlig pøst ind i"):
# a word the minutes never use there frames the question
_VERB_AFTER_AT = re.compile(r"\bat\s+(\w+e)\b")
_PARTICLE_VERB = re.compile(
    r"\b(?:(?:skal|skulle|vil|ville|kan|kunne|må|måtte|bør|burde)\s+(?:\w+\s+){1,2}?(\w+e)"
    r"|(?:har|havde|er|var)\s+(?:\w+\s+){1,2}?(\w+t))\s+(?:op|ud|ind|af|frem)\b")
_MODALS = frozenset("skal skulle vil ville kan kunne må måtte bør burde".split())
_FIRST_WORD = re.compile(r"(\w+)\s")
# a verb's present or past tense ("kører", "får", "godkendte", "sagde", "findes", "blev")
_TENSED = re.compile(r"\w*(?:er|ør|år|ir|te|de|es|fik|gav|kom|gik|tog|lå|sad|stod|fandt|vandt"
                     r"|skrev|bad)|blev|var|har|kan|skal|vil|må|så|skulle|kunne|ville|burde|gør|bør")
# "erhvervscampus oplæg ved hvem": a question word last asks too
_ANY_QUESTION_WORD = re.compile(r"\bhv(?:ad|em|or|ornår|orfor|ordan|ilke[nt]?)\b")


_NOT_VERBS = frozenset("mange meget stor store stort lang lange langt længe tit ofte gammel "
                       "gamle".split())


def _names_a_topic(text: str, analyzer: Analyzer, knows: Callable[[str], bool] | None) -> bool:
    """Does ``text`` have a content word of its own (no framing word, one the minutes use)?"""
    framing = {analyzer.stem(w) for w in GENERIC_WORDS}
    return any(not t.is_number and t.stem not in framing and (knows is None or knows(t.stem))
               for t in analyzer.question_tokens(text))


_PRONOUNS = frozenset("jeg du han hun man vi i de den det".split())


def _infinitive(word: str) -> bool:
    return word.endswith("e") and not word.endswith(("erne", "ene", "ende"))


def _finite_verbs(low: str) -> set[str]:
    """The words in the finite verb's place of each clause that asks ("Hvad skal …, og
    hvornår *kommer* det …"); the first word of a yes/no question ("*Kører* forsøget …?")."""
    verbs: set[str] = set()
    for q in _QUESTION_WORD.finditer(low):
        if (q.start() == 0 or (low[:q.start()].rstrip().endswith((",", " og", "–", "-"))
                               # "…, hvornår kvalitetsrapporten skal …": a clause that
                               # reports a question has its subject first
                               and _TENSED.fullmatch(q.group(2)))) \
                and q.group(2) not in _NOT_VERBS:
            verbs.add(q.group(2))
            # the infinitive after a modal: "Hvem skal *repræsentere* …", "Hvor kan borgerne
            # *finde* …"; not "Hvad skal skolerne …"
            if q.group(2) in _MODALS and q.group(3):
                first, second = q.group(3), q.group(4) or ""
                # "Hvad kan forældre gøre": of two words in -e, the second is the verb
                if _infinitive(first) and not _infinitive(second) and second not in (
                        "og", "eller"):
                    verbs.add(first)
                elif (first in _PRONOUNS or first.endswith(("erne", "ene", "et", "en"))) \
                        and _infinitive(second):
                    verbs.add(second)
    # "(I) hvor mange kommuner *kørte* man …": the verb follows what is counted
    for how_many in _HOW_MANY.finditer(low):
        counted, after = how_many.group(1), how_many.group(2)
        if after and after not in STOP_WORDS and (_PAST_VERB.fullmatch(after) or (
                after.endswith("er") and not (
                counted.endswith("e") or counted in _UNINFLECTED))):  # not "private udbydere"
            verbs.add(after)
    # "udvalgsseminar marts 2021 hvad besluttede i", "erhvervscampus oplæg ved hvem":
    # keywords before a question word are its topic, not a yes/no question's verb; and
    # "læringsledelse antal kommuner" opens with a noun, not with a verb's tense
    if not low.startswith("hv") and (m := _FIRST_WORD.match(low)) is not None \
            and not _ANY_QUESTION_WORD.search(low.split(",")[0]) \
            and _TENSED.fullmatch(m.group(1)):
        verbs.add(m.group(1))
    return verbs


_REQUESTED_OF = re.compile(r"\b(?:bad|bede|beder|bedt|anmodede)\s+(?:\S+\s+){0,2}?"
                           r"(administrationen|forvaltningen|direktionen)\s+om"
                           r"(?:\s+at\s+(udarbejde|lave|komme\s+med))?\b")
# "hvornår kommer sagen tilbage", "… tage Fælles om børn op igen", "på dagsordenen igen":
# when the matter comes back to the committee
_RETURNS_ASKED = re.compile(r"\b(kom\w*|vend\w*|behandl\w*|drøft\w*|tage[ns]?|op|sæt\w*"
                            r"|dagsorden\w*)\s+(?:\S+\s+){0,6}?(?:igen|tilbage)\b")
# "pr. ung", "per elev", "om måneden", "årligt": a rate, in a question or in an answer
RATE = re.compile(r"\bpr\.(?!\w)|\b(?:pr|per)\s+\w|\bstk\b|\bstykket\b"
                  r"|\bom\s+(?:året|måneden|ugen|dagen)\b"
                  r"|\b(?:års|måneds|uge)?(?:årlig|månedlig|ugentlig)\w*|\bhver(?:t)?\s+(?:år|måned)\b")
# "bliver (kommunen) ved med": goes on, as the minutes say ("fortsat", "fortsætter"); not
# "blev der lagt ved med ansøgningen" (enclosed)
_KEEPS_ON = re.compile(r"\b(?:bliver|blive|blev|blevet)"
                       r"(?=(?:\s+(?!lagt\b|sat\b)\w+){0,3}?\s+ved\s+med\b)", re.IGNORECASE)
# "hvem tager (egentlig) med på seminaret": who takes part in it
_GOES_ALONG = re.compile(r"\b(?:tager|tog|tage)((?:\s+\w+){0,2}?)\s+med(?=\s+(?:på|til)\b)",
                         re.IGNORECASE)
# "hvem tager sig af samtalerne": who handles them ("varetages af 3 psykologer")
_TAKES_CARE = re.compile(r"\b(?:tager|tage|tog|taget)\s+sig\s+af\b", re.IGNORECASE)
# "hvad skal der til for at X": what it takes, as the minutes say it ("det kræver …")
_IT_TAKES = re.compile(r"\bhvad\s+skal\s+der\s+til,?\s+for,?\s+at\b", re.IGNORECASE)
# "hvem viste udvalget resultaterne": who presented them (not "hvad viste undersøgelsen")
# (what is shown follows: "hvem viste interesse for X" is another matter)
_SHOWED_WHO = re.compile(r"\b(hvem\s+(?:der\s+)?)(?:viste|viser|vil\s+vise)\b"
                         r"(?=\s+(?:\w+\s+){0,3}?(?:resultat|tal\b|tallene|måling|data|oplæg"
                         r"|undersøgelse|rapport|evaluering))", re.IGNORECASE)
# "sammenlignet med resten af landet", "end landet som helhed": the national average, as
# the minutes say
_NATION = re.compile(r"\b(end|med|mod|i\s+forhold\s+til)\s+(?:resten\s+af\s+)?"
                     r"(?:landet(?:\s+som\s+helhed)?|landsplan)\b"
                     r"|\b(over|under)\s+(?:resten\s+af\s+landet|landsplan)\b", re.IGNORECASE)
_WHOLE_NATION = re.compile(r"\bi\s+(?:hele\s+landet|landet\s+som\s+helhed)\b", re.IGNORECASE)
# "hvad var det nu, X …", "hvad hed det igen": asking again, of X
_AGAIN = re.compile(r"\b(var|er|hed|hedder)\s+det\s+(?:nu|igen)\b,?\s*", re.IGNORECASE)
_ASKED_FOR = re.compile(r"\b(?:bad|bede|beder|bedt|spurgte|spørger)\s+(?:\S+\s+){0,3}$",
                        re.IGNORECASE)
_TOPIC_END = frozenset("på i ved fra til den d efter før under hos og eller som der".split())
_ARTICLES = frozenset("en et de det den dette denne disse".split())


def _topic_words(text: str) -> set[str]:
    """The words right after "om"/"vedrørende"/"angående" up to a preposition, lower-cased;
    a preposition inside a name goes on ("om Styrke på Tværs")."""
    out: set[str] = set()
    for m in re.finditer(r"\b(?:om|vedrørende|angående|vedr\.)\s+((?:[^?.!–-]|-(?=\w))*)", text,
                         re.IGNORECASE):
        if _ASKED_FOR.search(text, 0, m.start()):
            continue  # "bad de om noget": what was asked for, not what it is about
        words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", m.group(1))
        for i, written in enumerate(words):
            word = written.lower()
            if word in _ARTICLES or word in _DATE_WORDS:  # "om året", "om ugen"
                continue
            if out and (word in _EVENT_FORMS or word in PLANNED_WORDS and (
                    i + 1 == len(words) or words[i + 1].lower() in _TOPIC_END)):
                break  # "om minimumsnormering behandles igen", "om X planlagt til"
            if word in _TOPIC_END:
                named = 0 < i < len(words) - 1 and words[i - 1][0].isupper() \
                    and words[i + 1][0].isupper()
                if not named:
                    break
                continue
            out.add(word)
    return out


def _join_neighbours(tokens: Sequence[Token], concepts: list[Concept],
                     index: SearchIndex) -> None:
    """Two neighbouring words the minutes write as one ("forældre … betale" as
    "forældrebetalingen"): the compound is a variant of both. (spelling.joined_compounds
    joins two words when the first is no word of the minutes.)"""
    by_surface = {c.surface: c for c in concepts if not c.by_parts}
    for first, second in itertools.pairwise(tokens):
        one, two = by_surface.get(first.surface), by_surface.get(second.surface)
        if one is None or two is None or first.is_number or second.is_number \
                or len(second.stem) < JOINED_SECOND:
            continue
        # a final "-e" may drop in the compound (an adjective's: "almene ramme" ~
        # "almenramme")
        heads = {h for h in (first.stem, first.surface[:-1] if first.surface.endswith("e")
                             else first.stem) if len(h) >= JOINED_PART}
        joined = {term for head in heads for link in ("", "e", "s", "es")
                  for term in index.stems_starting_with(f"{head}{link}{second.stem}",
                                                        limit=JOINED_LIMIT)}
        for term in sorted(joined):
            for concept in (one, two):
                if all(v.stem != term for v in concept.variants):
                    concept.variants.append(Variant(term, COMPOUND_WEIGHT))


def build_concepts(question: Question, index: SearchIndex) -> list[Concept]:
    """Search concepts for the question's words, against what ``index`` knows."""
    concepts: list[Concept] = []
    seen: set[str] = set()
    analyzer = index.analyzer
    # "holder vi fast i …": "fast" is part of "fastholde", not a topic of its own
    absorbed = {t.particle for t in question.tokens
                if t.particle is not None and _with_particle(t.surface, t.particle, index, set())}
    for tok in question.tokens:
        if tok.stem in seen:
            continue
        seen.add(tok.stem)
        if (tok.surface in question.date_terms or tok.surface in _DATE_WORDS
                or tok.surface in question.place_terms):
            importance = 0.3
        elif tok.stem in question.generic or tok.surface in absorbed:
            importance = 0.15
        elif len(tok.surface) <= 2 and not tok.is_number:
            importance = 0.5
        elif (question.topic_words and tok.surface not in question.topic_words
              and question.intent is not Intent.PERSON) or tok.surface in question.scene \
                or tok.surface in question.aside:
            importance = SCENE_WEIGHT  # the question names its topic ("… om X"); this word
            # frames it or sets its scene
        else:
            importance = 1.0
        if tok.parts:  # a hyphenated word: its parts, the joined word on the last one
            for i, part in enumerate(tok.parts):
                variants = _variants(part, index)
                if i == len(tok.parts) - 1:
                    variants.append(Variant(tok.stem, 1.0))
                concepts.append(Concept(tok.surface, variants, importance=importance,
                                        name=tok.surface in question.names))
            continue
        # "den manglende besparelse": a present participle after an article is an adjective,
        # not the verb whose synonyms ("mangler" ~ "behov") would find other things (not
        # "henvende sig")
        participle = len(tok.surface) >= 7 and tok.surface.endswith("ende") and re.search(
            rf"\b(?:den|det|de|en|et)\s+{re.escape(tok.surface)}\b", question.text.lower())
        variants = _variants(tok.stem, index, synonyms=not participle)
        if (digits := _NUMERALS.get(tok.surface)) is not None and index.knows(digits):
            variants.append(Variant(digits, 1.0))  # "de første tusind dage": "1000 dage"
        if not tok.is_number and len(tok.stem) >= 5 and index.knows(tok.stem):
            # "udbuddet" ~ "udbudsrunde": a compound the word begins with a linking s (none
            # when it begins many: then the word says too little of them)
            known = {v.stem for v in variants}
            variants.extend(Variant(t, 0.4, part=0) for t in index.compounds_starting_with(tok.stem)
                            if t not in known and t.startswith(f"{tok.stem}s"))
        if not tok.is_number and len(tok.stem) >= 4:  # with a particle: "vælge" ~ "udvælge"
            known = {v.stem for v in variants}
            variants.extend(Variant(prefix + tok.stem, PREFIX_WEIGHT) for prefix in VERB_PREFIXES
                            if prefix + tok.stem not in known and index.knows(prefix + tok.stem))
        if not tok.is_number and (index.df(tok.stem) == 0 or tok.surface in question.verbs_asked):
            known = {v.stem for v in variants}
            # an irregular form the stemmer cannot relate ("fremlagde" → "fremlægge"), and
            # the base form's synonyms ("præsentere")
            for base in lexicon.lemmas(tok.surface):
                stem = analyzer.stem(base)
                if len(stem) < 4:
                    continue
                if stem not in known and index.knows(stem):
                    variants.append(Variant(stem, 0.9))
                known.add(stem)
                for syn in sorted(_synonyms(analyzer).get(stem, ())):
                    if syn not in known and index.knows(syn):
                        known.add(syn)
                        variants.append(Variant(syn, SYNONYM_WEIGHT))
            if index.df(tok.stem) == 0:
                variants.extend(_without_prefix(tok.surface, index, known))
                if len(variants) == 1:  # nothing related: a typo of a word the minutes use?
                    variants.extend(_misspelt(tok.surface, index))
                if len(variants) == 1:  # "trilleprojektet": what they call it otherwise
                    variants.extend(_same_modifier(tok.stem, index))
                if len(variants) == 1:  # "adm." for "administrative"
                    variants.extend(_abbreviated(tok.surface, index))
        if not tok.is_number and len(tok.surface) >= RARE_SPELLING_LENGTH and \
                index.df(tok.stem) > 0 and tok.surface not in question.names:
            variants.extend(v for v in _misspelt(tok.surface, index)
                            if all(v.stem != w.stem for w in variants))
        if not tok.is_number and index.df(tok.stem) > 0 and not tok.surface.endswith("t"):
            # a strong verb's past the minutes also use ("deltog"): its base too ("deltage");
            # not a participle in "-t" ("ansat" is no "ansætte": a person employed)
            known = {v.stem for v in variants}
            for base in lexicon.verb_bases(tok.surface):
                if len(stem := analyzer.stem(base)) >= 4 and stem not in known \
                        and not stem.startswith(tok.stem) and index.knows(stem):
                    variants.append(Variant(stem, 0.9))
                    known.add(stem)
        if tok.particle is not None and (phrasal := _with_particle(
                tok.surface, tok.particle, index, {v.stem for v in variants})):
            # "taget ud" means "udtaget": the verb alone ("tage") is a weak match
            variants = [*phrasal, *(Variant(v.stem, min(v.weight, BARE_VERB_WEIGHT), v.part)
                          for v in variants)]
        if index.compounds and not tok.is_number and len(tok.surface) >= 8 and \
                index.df(tok.stem) <= DF_CAP_PER_DOCUMENT:  # rare or unknown: try its parts
            parts = analyzer.split_compound(tok.surface, index.knows)
            if not parts and index.df(tok.stem) == 0 and len(variants) == 1 and (
                    modifier := analyzer.known_modifier(tok.surface, index.knows)):
                # "underskudsgrænse": the minutes say "underskud", never "grænse"; its
                # first word and that word's compounds ("kortlægningsresultater") find it
                variants.append(Variant(modifier, 0.5, part=0))
                variants.extend(Variant(t, 0.4, part=0)
                                for t in index.compounds_starting_with(modifier)
                                if t != modifier)
            if parts and all(len(p) >= 3 and p != tok.stem and p not in analyzer.stop_words
                             for p in parts):
                for i, part in enumerate(parts):
                    variants.append(Variant(part, 0.5, part=i))
                    # the part said alone may stem otherwise ("indsats" → "indsat")
                    if (alone := analyzer.stem(part)) != part and index.knows(alone):
                        variants.append(Variant(alone, 0.5, part=i))
                # the head's own compounds count as the head: "aldersgruppe" ~ "målgruppe"
                known = {v.stem for v in variants}
                variants.extend(Variant(t, 0.4, part=len(parts) - 1)
                                for t in index.compounds_ending_with(parts[-1])
                                if t not in known)
                # a head that is a compound itself counts by its own head:
                # "kompetence|udviklingsindsatsen" ~ "kompetenceudviklende indsats"
                inner = analyzer.split_compound(parts[-1], index.knows)
                if inner and inner[-1] not in known and inner[-1] not in analyzer.stop_words:
                    variants.append(Variant(inner[-1], 0.4, part=len(parts) - 1))
                # and the first part's count as it: "kvalitetsrammen" ~ "rammen for lokal
                # kvalitetsopfølgning"
                known = {v.stem for v in variants}
                variants.extend(Variant(t, 0.4, part=0)
                                for t in index.compounds_starting_with(parts[0])
                                if t not in known)
        concepts.append(Concept(tok.surface, variants, importance=importance,
                                in_coverage=tok.stem not in question.verbs
                                and tok.surface not in question.aside and not (
                                    tok.surface in question.scene and index.df(tok.stem) == 0),
                                name=tok.surface in question.names))
    _join_neighbours(question.tokens, concepts, index)
    index.prepare(concepts)
    own = sum(c.idf * c.importance for c in concepts
              if c.importance >= 0.5 and c.in_coverage and c.surface not in question.scene)
    if question.scene and own < OWN_TOPIC * index.idf(1):
        # the question says little of its own ("Hvad bad vi forvaltningen om?"): what is
        # said before it ("Udvalget roste Styrke på Tværs.") is its topic after all
        for c in concepts:
            if c.surface in question.scene and c.importance == SCENE_WEIGHT:
                c.importance = 1.0
    return concepts


_BORROWED = (("x", "ks"), ("ph", "f"), ("th", "t"), ("qu", "kv"))


def _misspelt(surface: str, index: SearchIndex) -> list[Variant]:
    """Known words one letter away from an unknown word of some length ("høringsvar" →
    "høringssvar"), or spelled the Danish way ("flexible" → "fleksible"): a letter
    missing, extra, wrong or two swapped, at TYPO_WEIGHT. Only when exactly one such stem
    is known, so a rare word is not taken for another."""
    if len(surface) < TYPO_MIN_LENGTH or not surface.isalpha():
        return []
    near = edits(surface)
    # spellings borrowed from English: "flexible" ~ "fleksible", "physiotherapi" ~ "fysioterapi"
    danish = surface
    for a, b in _BORROWED:
        danish = danish.replace(a, b)
    near.add(danish)
    near.discard(surface)
    own = index.analyzer.stem(surface)
    stems = set(index.analyzer.stem_uncached(sorted(near))) - {own}
    if index.df(own) > 0:
        # a known word: a rare spelling one letter away is the minutes' typo ("budgetemaerne")
        rare = [t for t in stems if 0 < index.df(t) <= RARE_SPELLING_DF]
        return [Variant(t, TYPO_WEIGHT) for t in rare] if len(rare) == 1 else []
    known = [t for t in stems if index.knows(t)]
    return [Variant(known[0], TYPO_WEIGHT)] if len(known) == 1 else []


def _abbreviated(surface: str, index: SearchIndex) -> list[Variant]:
    """An unknown short word that begins the forms of one word of the minutes ("adm" →
    "administrativ", "administration"): an abbreviation of it. The
    forms must share a stem at least ABBREVIATED_BY letters longer than the abbreviation."""
    if not ABBREVIATION_LENGTHS[0] <= len(surface) <= ABBREVIATION_LENGTHS[1] \
            or not surface.isalpha():
        return []
    found = index.stems_starting_with(surface)
    if not found or len(os.path.commonprefix(found)) < len(surface) + ABBREVIATED_BY:
        return []
    return [Variant(t, ABBREVIATION_WEIGHT) for t in found]


def _same_modifier(stem: str, index: SearchIndex) -> list[Variant]:
    """An unknown compound whose first part is no word of its own but begins a few of the
    minutes' compounds ("trilleprojektet", "trilleordningen" → "trilledagtilbud",
    "trillekonceptet"): the thing meant, under the name the minutes give it. Its last part
    must be a word the minutes use ("projekt", "ordning")."""
    analyzer = index.analyzer
    for cut in range(len(stem) - 4, 3, -1):  # the longest first part first
        modifier, head = stem[:cut], stem[cut:]
        if not index.knows(head):
            continue
        if any(index.knows(m) for m in (modifier, analyzer.stem(modifier), modifier[:-1])):
            return []  # "vuggestueplads": a word of its own, with or without a linking letter
        if found := index.compounds_starting_with(modifier):
            return [Variant(t, SAME_MODIFIER_WEIGHT) for t in found]
    return []


def _with_particle(surface: str, particle: str, index: SearchIndex,
                   known: set[str]) -> list[Variant]:
    """A verb with its particle ("sættes af" ~ "afsættes", "røg ud" ~ "udryge"), from the
    verb as written or its base form, and the synonyms of that ("udryge" ~ "udgå")."""
    analyzer = index.analyzer
    out: list[Variant] = []
    for verb in (surface, *lexicon.lemmas(surface)):
        stem = analyzer.stem(particle + verb)
        found = [(stem, 0.9)] + [(syn, SYNONYM_WEIGHT)
                                 for syn in sorted(_synonyms(analyzer).get(stem, ()))]
        for term, weight in found:
            if term not in known and index.knows(term):
                known.add(term)
                out.append(Variant(term, weight))
    return out


def _without_prefix(surface: str, index: SearchIndex, known: set[str]) -> list[Variant]:
    """A word the minutes never use that starts with a verb particle ("tilsendt"): its base
    ("sendt") and the base's other prefixed forms ("fremsendes"), at PREFIX_WEIGHT."""
    for prefix in VERB_PREFIXES:
        base = surface.removeprefix(prefix)
        if base == surface or len(base) < 4:
            continue
        stem = index.analyzer.stem(base)
        if not index.knows(stem):  # "nyankomne": "ankomne" is a form of "ankomme"
            stem = next((s for s in map(index.analyzer.stem, lexicon.lemmas(base))
                         if index.knows(s)), stem)
        found = [stem] if index.knows(stem) else []
        found += index.compounds_ending_with(stem)
        return [Variant(t, PREFIX_WEIGHT) for t in dict.fromkeys(found) if t not in known]
    return []


def _synonyms(analyzer: Analyzer) -> dict[str, frozenset[str]]:
    """stem → the stems of its synonyms (cached per analyzer)."""
    cached = _SYNONYM_CACHE.get(id(analyzer))
    if cached is not None and cached[0] is analyzer:
        return cached[1]
    table: dict[str, set[str]] = {}
    for group in SYNONYM_GROUPS:
        stems = {analyzer.stem(w) for w in group.split()}
        for st in stems:
            table.setdefault(st, set()).update(stems - {st})
    frozen = {k: frozenset(v) for k, v in table.items()}
    _SYNONYM_CACHE[id(analyzer)] = (analyzer, frozen)
    return frozen


_SYNONYM_CACHE: dict[int, tuple[Analyzer, dict[str, frozenset[str]]]] = {}


SYNCOPE_MIN_LENGTH = 4  # "dl", "kl" are no "del", "kel"
SYNCOPE_EN_MIN_LENGTH = 6  # "egen", "åben" are no "egn", "åbn" (suitable, opens)
_SYNCOPATED = re.compile(r"[^aeiouyæøå]e[ln]$")  # "cykel", of which "cykl-er"; "væsen"
_SYNCOPE_LOST = re.compile(r"[^aeiouyæøåln][ln]$")  # "cykl", of "cykler"; "væsn", of "væsnet"


def _variants(stem: str, index: SearchIndex, *, synonyms: bool = True) -> list[Variant]:
    out = [Variant(stem, 1.0)]
    for syn in sorted(_synonyms(index.analyzer).get(stem, ()) if synonyms else ()):
        if index.knows(syn):
            out.append(Variant(syn, SYNONYM_WEIGHT))
            # "tilskud" finds "projektmidler" as "midler" does
            seen = {v.stem for v in out}
            out.extend(Variant(t, SYNONYM_WEIGHT * COMPOUND_WEIGHT)
                       for t in index.compounds_ending_with(syn) if t not in seen)
    if not stem.isdigit():
        related = {stem + end for end in DERIVATIONS}
        bases = {stem[: -len(end)] for end in DERIVATIONS
                 if stem.endswith(end) and len(stem) - len(end) >= 4}
        # and the base's own derivations, its double consonant single: "tilsluttede"
        # ("tilslutt") finds "tilslutningen"
        bases |= {b[:-1] for b in bases
                  if len(b) >= 5 and b[-1] == b[-2] and b[-1] not in "aeiouyæøå"}
        related |= bases | {b + end for b in bases for end in DERIVATIONS}
        # "cykel" and "cykler", "regel" and "regler": the "e" of "-el" drops before an ending
        least = SYNCOPE_MIN_LENGTH if stem.endswith("l") else SYNCOPE_EN_MIN_LENGTH
        if len(stem) >= least and _SYNCOPATED.search(stem):
            related.add(stem[:-2] + stem[-1])
        elif len(stem) >= least and _SYNCOPE_LOST.search(stem):
            full = stem[:-1] + "e" + stem[-1]  # "skolevæsn" → "skolevæsen", stem "skolevæs"
            related |= {full, index.analyzer.stem(full)}
        out.extend(Variant(t, 0.9) for t in sorted(related) if t != stem and index.knows(t))
    out.extend(Variant(t, COMPOUND_WEIGHT) for t in index.compounds_ending_with(stem))
    return out
