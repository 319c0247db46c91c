"""Danish text analysis, compounds, sentences and date phrases (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.analysis import Analyzer, raw_tokens
from minutes.extract import (
    Block,
    SentencePicker,
    counts,
    decision_quote,
    fact_strength,
    has_cause,
    spelled_out,
)
from minutes.question import (
    Intent,
    Question,
    build_concepts,
    detect_intent,
    parse_dates,
    understand,
)
from minutes.search import Concept, SearchIndex, UnitMeta, UnitText
from minutes.sentences import sentence_spans

TODAY = dt.date(2026, 1, 15)


def test_tokens_keep_numbers_and_hyphenated_words() -> None:
    assert raw_tokens("Megaklasser 1.725 og 300.000 kr.") == ["megaklasser", "1.725", "og",
                                                             "300.000", "kr"]
    analyzer = Analyzer()
    terms = analyzer.terms("kommunens IT-system koster 1.375.000")
    assert {"it", "system", "itsystem", "1375000"} <= set(terms)
    assert "og" not in analyzer.terms("skoler og dagtilbud")
    # "ved afprøvningen": a preposition, "hvert skoleår": a quantifier; no topic
    assert analyzer.terms("udgiften ved afprøvningen") == analyzer.terms("udgiften afprøvningen")
    assert analyzer.terms("møder hvert skoleår") == analyzer.terms("møder skoleår")


def test_a_percent_sign_is_the_word_procent() -> None:
    """"Hvor mange procent …" finds "ca. 6,6%" and "75 % af forældrene"."""
    a = Analyzer()
    assert "procent" in a.term_set("ligger over landsgennemsnittet på ca. 6,6%.")
    assert a.term_set("75 % af forældrene") == a.term_set("75 procent af forældrene")


def test_accents_are_folded_on_both_sides() -> None:
    a = Analyzer()
    assert a.terms("Idéen med trilledagtilbud") == a.terms("ideen med trilledagtilbud")
    assert a.terms("æble på øen") == ["æbl", "øen"]  # the Danish letters stay


def test_initials_with_full_stops_are_one_word() -> None:
    """"A.P. Møller Fonden" is found by "AP Møller fonden"."""
    a = Analyzer()
    assert a.terms("A.P. Møller Fonden") == a.terms("AP Møller fonden")
    assert raw_tokens("f.eks. i Fjordby") == ["f", "eks", "i", "fjordby"]


def test_stems_join_inflections() -> None:
    a = Analyzer()
    assert a.stem("dialogmøderne") == a.stem("dialogmøde")
    assert a.stem("minimumsnormeringen") == a.stem("minimumsnormering")
    assert a.stem("skolebestyrelserne") == a.stem("skolebestyrelser")
    # short words, where Snowball leaves "-ern": "6 byerne" are the question's "6 byer"
    for plural in ("byerne", "byernes", "ugerne"):
        assert a.stem(plural) == a.stem(plural[: plural.rindex("erne") + 2]), plural
        assert a.stem_uncached([plural]) == [a.stem(plural)]
    assert a.stem("øerne") == a.stem("øer")
    # a prefixed verb in "-sende"/"-vende": every form has the root ("fremsendes" is what
    # "fremsendt" is), while a participle keeps Snowball's stem ("levende" has no prefix)
    for verb in ("fremsendes", "fremsende", "anvendes", "henvende"):
        assert a.stem(verb) == a.stem(verb.removesuffix("s").removesuffix("e") + "t"), verb
        assert a.stem_uncached([verb]) == [a.stem(verb)]
    assert a.stem("levende") == a.stem("leve")


def _index(texts: dict[int, str]) -> SearchIndex:
    index = SearchIndex(Analyzer())
    for doc_id, text in texts.items():
        meta = UnitMeta(uid=-1, doc_id=doc_id, kind="item", row_id=doc_id)
        index.add_document(doc_id, [UnitText(meta, {"title": f"Punkt {doc_id}", "body": text})])
    return index


def _best(index: SearchIndex, question: str) -> list[int]:
    q = understand(question, index.analyzer, today=TODAY)
    concepts = build_concepts(q, index)
    return [h.unit.doc_id for h in index.search(concepts, limit=3)]


CORPUS = {
    1: "Loven om minimumsnormeringer i daginstitutioner gælder fra 2024.",
    2: "Udvalget holder to dialogmøderne med bestyrelserne hvert år.",
    3: "Budgettet til skolebygninger og vedligehold blev drøftet.",
    4: "Et møde i udvalget om læringsudvalget og valg af formand.",
}


@pytest.mark.parametrize(("question", "doc"), [
    ("Hvornår gælder normering i daginstitutioner?", 1),  # normering → minimumsnormeringer
    ("Hvor mange dialogmøde holdes der?", 2),  # dialogmøde → dialogmøderne
    ("Hvad blev drøftet om bygninger?", 3),  # bygninger → skolebygninger
])
def test_compounds_are_found(question: str, doc: int) -> None:
    assert _best(_index(CORPUS), question)[:1] == [doc]


def test_compounds_respect_the_real_head() -> None:
    index = _index(CORPUS)
    # "læringsudvalg" ends with "valg" but is a compound of "udvalg"
    assert "læringsudvalg" not in index.compounds_ending_with("valg")
    assert "minimumsnormering" in index.compounds_ending_with("normering")


def test_compounds_can_be_switched_off_for_measuring() -> None:
    index = SearchIndex(Analyzer(), compounds=False)
    index.add_document(1, [UnitText(UnitMeta(-1, 1, "item", 1), {"body": CORPUS[1]})])
    assert index.compounds_ending_with("normering") == []


def test_unknown_compound_is_split_into_known_parts() -> None:
    a = Analyzer()
    known = {a.stem("alder"), a.stem("gruppe")}
    assert a.split_compound("aldersgruppe", known.__contains__) == (a.stem("alder"),
                                                                     a.stem("gruppe"))
    assert a.split_compound("svømmehal", known.__contains__) == ()


def test_concept_parts_must_all_be_there() -> None:
    from minutes.search import PARTS_ALL, Variant

    c = Concept("skolelukninger", [Variant("skolelukning", 1.0), Variant("skol", 0.5, part=0),
                                   Variant("lukning", 0.5, part=1)])
    assert c.quality({"skol", "lukning"}.__contains__) == PARTS_ALL < 1.0
    assert c.quality({"lukning"}.__contains__) == 0.2
    assert c.quality({"skolelukning"}.__contains__) == 1.0


def test_sentences_keep_abbreviations_and_numbers() -> None:
    text = ("Der er ca. 79.000 elever pr. 1. januar 2024. Orientering v. A.P. Hansen.\n"
            "• Oktober/november: To dialogmøder separat for\nskolebestyrelser.\n"
            "Prøverne i 9. -klasse holdes i juni. Alle deltager. Indsatserne er:\n"
            "1. Udarbejdelse af en faglig ramme\n2. Et netværk.\n"
            "Medlemskab koster ca. 3.000 kr. pr.\nskole. Det er billigt.")
    got = [s.text(text) for s in sentence_spans(text)]
    assert got == ["Der er ca. 79.000 elever pr. 1. januar 2024.",
                   "Orientering v. A.P. Hansen.",
                   "• Oktober/november: To dialogmøder separat for skolebestyrelser.",
                   "Prøverne i 9. -klasse holdes i juni.", "Alle deltager.", "Indsatserne er:",
                   "1. Udarbejdelse af en faglig ramme", "2. Et netværk.",
                   # a line ending in an abbreviation goes on ("pr." / "skole.")
                   "Medlemskab koster ca. 3.000 kr. pr. skole.", "Det er billigt."]


@pytest.mark.parametrize(("sentence", "when"), [
    ("Vi laver en udbudsrunde i december 2020.", True),
    ("Sagen behandles igen om 2 år.", True),
    ("Tilbuddet gælder unge mellem 13-25 år.", False),  # an age
    ("Projektet varer i 3 år.", False),  # how long, not when
])
def test_a_time_is_a_point_not_an_age_or_a_length(sentence: str, when: bool) -> None:
    assert (fact_strength(Intent.TIME, sentence) > 0) is when


@pytest.mark.parametrize(("sentence", "cause"), [
    ("Betalingen stiger også, da denne beregnes som en andel af tilskuddet.", True),
    ("Skolen lukker, da der er for få elever.", True),
    ("Betalingen stiger også i år.", False),
    ("Mødet holdes da i Fjordby.", False),
])
def test_a_reason_is_given_by_da_and_a_subject(sentence: str, cause: bool) -> None:
    """"…, da denne beregnes som …" says why; "da" alone ("then") does not."""
    assert has_cause(sentence) is cause


@pytest.mark.parametrize("sentence", [
    "Børnene starter i skolen den 1. august, når de fylder 6 år.",
    "Barnet rykker op i børnehave, når det er fyldt 2 år og 11 måneder.",
    "Hun startede i klubben, da hun fyldte 10 år.",
    "Tilbuddet er for de 13-25-årige.",
])
def test_an_age_is_said_by_what_someone_turns(sentence: str) -> None:
    """"Hvor gamle er børnene, når de starter?": "når de fylder 6 år" says the age as surely
    as "de 13-25-årige" or "alderen"."""
    assert fact_strength(Intent.AGE, sentence) == 1.0


def test_an_amount_is_no_age_and_a_bare_number_a_weak_one() -> None:
    """"Hvor gamle er børnene i projektet?": "3.7 mil.kr" is money, not an age; "i sit 3.
    projekt år" may be one, but says it far less surely than "i alderen 0-6 år"."""
    assert fact_strength(Intent.AGE, "Projektmidler på 3.7 mil.kr i 2017-2020.") == 0
    weak = fact_strength(Intent.AGE, "Projektet er inde i sit 3. projekt år.")
    assert 0 < weak < 0.5 * fact_strength(Intent.AGE, "Målgruppen er børn i alderen 0-6 år.")


@pytest.mark.parametrize(("question", "measured"), [
    ("Hvad var karaktergennemsnittet i dansk?", "karaktergennemsnittet"),
    ("hvad er egenskoleandelen i Aarhus i dag", "egenskoleandelen"),
    ("Hvad var fraværet blandt eleverne i 2019?", "fraværet"),
    ("Hvad er handelsaftalen med Aarhus?", None),  # "handel" is no "andel"
    ("Hvad blev besluttet om andelsboligerne?", None),
    ("Hvad var det nu, landsgennemsnittet lå på?", "landsgennemsnittet"),  # asked again
])
def test_a_measure_asks_for_its_value(question: str, measured: str | None) -> None:
    q = understand(question, Analyzer(), today=TODAY)
    assert q.measured == measured
    assert (q.intent is Intent.QUANTITY) == (measured is not None)


@pytest.mark.parametrize(("question", "measured"), [
    ("Hvor stor var Fjordby Kommunes egenfinansiering af projektet?", "egenfinansiering"),
    ("Hvad blev den samlede budgetramme?", "budgetramme"),
    ("Hvor stor var bevillingen til projektet?", None),  # any amount granted answers
])
def test_an_amount_of_a_named_kind_asks_for_that_amount(question: str,
                                                        measured: str | None) -> None:
    """"Hvor stor var kommunens egenfinansiering" is not answered by a grant's amount."""
    q = understand(question, Analyzer(), today=TODAY)
    assert q.intent is Intent.AMOUNT and q.money and q.measured == measured, q


@pytest.mark.parametrize(("phrase", "start", "end", "explicit"), [
    ("hvad skete der på mødet den 12. april 2023", dt.date(2023, 4, 12), dt.date(2023, 4, 12),
     True),
    ("hvad besluttede udvalget i november 2020", dt.date(2020, 11, 1), dt.date(2020, 11, 30),
     False),
    ("hvad blev besluttet sidste år", dt.date(2025, 1, 1), dt.date(2025, 12, 31), False),
    ("hvad blev besluttet i år", dt.date(2026, 1, 1), dt.date(2026, 12, 31), False),
    ("hvem deltager i seminaret den 5.-6. marts 2020", dt.date(2020, 3, 5), dt.date(2020, 3, 6),
     False),
    ("hvad blev besluttet i 2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31), False),
    ("hvad skete der på mødet i foråret 2023", dt.date(2023, 3, 1), dt.date(2023, 5, 31), True),
    ("hvad skete der på mødet 30/11 2020", dt.date(2020, 11, 30), dt.date(2020, 11, 30), True),
    ("hvad var på dagsordenen til mødet 12/4-23", dt.date(2023, 4, 12), dt.date(2023, 4, 12),
     True),
    ("hvad er besluttet siden 2021", dt.date(2021, 1, 1), None, False),
    ("hvad kom der ud af aprilmødet 2023", dt.date(2023, 4, 1), dt.date(2023, 4, 30), True),
    ("hvad blev besluttet på maj mødet 2023", dt.date(2023, 5, 1), dt.date(2023, 5, 31), True),
    ("hvad besluttede de på det maj møde i 2023", dt.date(2023, 5, 1), dt.date(2023, 5, 31),
     True),
    # a span of months is one period, and the topic's
    ("hvad er egenfinansieringen i perioden december 2019 til december 2021",
     dt.date(2019, 12, 1), dt.date(2021, 12, 31), False),
])
def test_date_phrases(phrase: str, start: dt.date, end: dt.date | None, explicit: bool) -> None:
    dates, _ = parse_dates(phrase, TODAY)
    assert dates is not None
    assert (dates.start, dates.end, dates.explicit) == (start, end, explicit)


def test_last_meeting_and_no_date() -> None:
    dates, _ = parse_dates("hvad blev besluttet på sidste møde", TODAY)
    assert dates is not None and dates.latest
    assert parse_dates("hvor mange børn pr. voksen", TODAY) == (None, frozenset())


def test_committee_and_municipality_from_the_question() -> None:
    a = Analyzer()
    committees = [(1, "Udvalget for Læring"), (2, "Børn og Unge")]
    q = understand("Hvad besluttede Udvalget for Læring om dialogmøder?", a, today=TODAY,
                   committees=committees)
    assert q.committee_ids == frozenset({1})
    assert [t.surface for t in q.tokens if t.surface == "læring"] == []
    q = understand("Hvad stod på Udvalget for Lærings dagsorden i marts?", a, today=TODAY,
                   committees=committees)  # the genitive names the committee too
    assert q.committee_ids == frozenset({1})
    q = understand("Hvor mange børn og unge får samtaler?", a, today=TODAY,
                   committees=committees)
    assert q.committee_ids is None  # a common phrase, not the committee
    q = understand("Hvor mange timer arbejder pædagoger i Aarhus?", a, today=TODAY,
                   municipalities=["Aarhus Kommune", "Hedensted Kommune"])
    assert q.municipalities == frozenset({"Aarhus Kommune"})
    # the genitive names the municipality: where to look, not a name the answer must say
    q = understand("Hvor længe løber Hedensteds indsats for lærerne?", a, today=TODAY,
                   municipalities=["Aarhus Kommune", "Hedensted Kommune"])
    assert q.municipalities == frozenset({"Hedensted Kommune"})
    assert "hedensteds" in q.place_terms and "hedensteds" not in q.names, q.names


@pytest.mark.parametrize(("question", "intent"), [
    ("Hvad blev besluttet om Erhvervscampus?", Intent.DECISION),
    ("Blev kvalitetsrapporten godkendt?", Intent.DECISION),
    ("Hvor mange skoler deltog?", Intent.QUANTITY),
    ("Hvor meget skulle der spares?", Intent.AMOUNT),
    ("Fra hvornår gælder normeringen?", Intent.TIME),
    ("I hvilken periode gælder planen?", Intent.PERIOD),
    ("Hvilken aldersgruppe er projektet rettet mod?", Intent.AGE),
    ("hvilke aldre dækker planen", Intent.AGE),
    ("Hvor gammel er et barn, når det starter i børnehave?", Intent.AGE),
    ("Hvor lang periode går indsatsen over?", Intent.PERIOD),
    ("Hvad var resultatet af behandlingen?", Intent.DECISION),
    ("karaktergennemsnit 9. klasse dansk 2019", Intent.QUANTITY),  # keywords: its value
    ("Hvad er ammefrekvensen i regionen?", Intent.QUANTITY),  # a measure: its value
    ("Fortæl om elevfraværet på Fjordby Skole", Intent.GENERAL),  # no keywords only
    ("Hvor lang tid skal forsøget fortsætte?", Intent.PERIOD),  # not where
    ("Hvor meget senere starter børnene i børnehave?", Intent.PERIOD),  # not kroner
    ("Blev sagen om biblioteket behandlet på mødet i maj?", Intent.DECISION),  # what came of it
    ("dansk 9. klasse 2019", Intent.GENERAL),
    ("Hvad var resultatet af brugerundersøgelsen?", Intent.GENERAL),  # its findings
    ("Hvem var formand i april 2023?", Intent.CHAIR),
    ("Hvem præsenterede sagen?", Intent.PERSON),
    ("Hvad blev behandlet på mødet den 30. november 2020?", Intent.OVERVIEW),
    ("Hvilke punkter var på dagsordenen den 12. april 2023?", Intent.OVERVIEW),
    ("Kan du opsummere hvad udvalget behandlede på mødet i november 2020?", Intent.OVERVIEW),
    ("Hvad blev konklusionen på sagen om skolestruktur?", Intent.DECISION),
    ("Hvad blev aftalt om dialogmøderne?", Intent.DECISION),
    ("Hvor stort bliver underskuddet?", Intent.AMOUNT),
    ("Er der sat penge af til nye reoler?", Intent.GENERAL),  # yes: an amount is not needed
    ("Er der sat en dato på?", Intent.GENERAL),
    ("Hvad kommer forældrebetalingen til at være i 2027?", Intent.AMOUNT),  # to come
    ("Udvalget roste projektet – bad de også forvaltningen om noget?", Intent.DECISION),
    ("Hvad er idéen med trilledagtilbud?", Intent.DESCRIBE),
    ("hvad tanken bag havnebadet var", Intent.DESCRIBE),
    ("Kan nogen forklare mig kort, hvad idéen med havnebadet går ud på?", Intent.DESCRIBE),
    ("Hvilken skole var vært for dialogmødet den 5. marts?", Intent.PLACE),
    ("Hvilken skole lagde hus til dialogmødet i marts?", Intent.PLACE),  # "lægge hus til"
    ("ibclc uddannelse pris pr stk?", Intent.AMOUNT),  # keywords: the price asks an amount
    ("budget ladcykler 2023?", Intent.AMOUNT),
    ("ladcykler trilledagtilbud 2023?", Intent.GENERAL),  # no money named: what is said
    ("Prisen på en ladcykel – hvad ligger den på?", Intent.AMOUNT),  # the scene's money
    ("Ladcyklerne – hvad er det?", Intent.GENERAL),
    ("Budgettet til inventar – hvad blev det brugt til?", Intent.GENERAL),  # what for
    ("god start i skolen", Intent.GENERAL),  # "start" asks when only as the last keyword
    ("havnebad åbning dato", Intent.TIME),  # keywords: the noun that asks decides
    ("forsøg med ladcykler slut", Intent.TIME),
    ("havnebad forsøg periode", Intent.PERIOD),
    ("kompetenceforløb varighed", Intent.PERIOD),
    ("Hvor skal forsøget fortsætte i 2027?", Intent.PLACE),  # where it goes on
    ("Hvor oprettes den nye erhvervsklasse?", Intent.PLACE),
    ("hvor skal forsøget køre videre i 2027", Intent.PLACE),
    ("Udvalget roste projektet, men hvad bad de så om bagefter?", Intent.DECISION),
    ("Hvem skal være værter for dialogmøderne?", Intent.PERSON),
    # the opening "hvornår" decides over a word of the topic ("antal", "beløb")
    ("Hvornår kommer sagen om antal voksne pr. barn tilbage?", Intent.TIME),
    ("Hvornår blev beløbet til reolerne udbetalt?", Intent.TIME),
    ("Hvilket budgetår skal evalueringen danne grundlag for?", Intent.TIME),
    ("Hvad er næste skridt for evalueringen af havnebadet?", Intent.DECISION),  # what next
    ("Hvad er den videre proces for skolestrukturen?", Intent.DECISION),
    ("Hvad er høringsperioden for skolestrukturen?", Intent.PERIOD),  # a period named
    ("Find testperioden for havnebadet.", Intent.PERIOD),  # a request, in the imperative
    ("Hvad er perioden for høringen?", Intent.PERIOD),
    ("Hvad er de næste skridt for havnebadet?", Intent.DECISION),
])
def test_intents(question: str, intent: Intent) -> None:
    assert understand(question, Analyzer(), today=TODAY).intent is intent


def test_a_date_that_is_the_topic_is_no_meeting_constraint() -> None:
    q = understand("Hvad blev besluttet om månedsopfølgningen for oktober 2020?", Analyzer(),
                   today=TODAY)
    assert q.dates is not None and not q.dates.explicit
    assert q.intent is Intent.DECISION


def test_everyday_words_the_minutes_never_use_frame_the_question() -> None:
    # "lå" and "alligevel" are everyday Danish the minutes do not use: the question is
    # about the meeting at the school, not about them
    index = _index({1: "Dialogmødet med bestyrelsen blev holdt på Fjordby Skole.",
                    2: "Budgettet for vejene blev drøftet."})
    q = understand("Hvor lå dialogmødet alligevel?", index.analyzer, today=TODAY,
                   knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["lå"].importance < 0.5 and concepts["alligevel"].importance < 0.5
    assert concepts["dialogmødet"].importance == 1.0
    hits = index.search(list(concepts.values()), limit=1)
    assert hits[0].unit.doc_id == 1 and hits[0].coverage == 1.0
    # a topic word the minutes never use still counts: nothing covers "skolemælk"
    q = understand("Hvad besluttede udvalget om skolemælk?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert [c.importance for c in build_concepts(q, index) if c.surface == "skolemælk"] == [1.0]
    # nor do they use an everyday English word in a Danish question ("på meeting")
    q = understand("Hvor var dialogmødet, som vi talte om på meeting?", index.analyzer,
                   today=TODAY, knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["meeting"].importance < 0.5 and concepts["dialogmødet"].importance == 1.0


def _concept(index: SearchIndex, question: str, surface: str) -> Concept:
    """The search concept ``question`` makes of its word ``surface``."""
    q = understand(question, index.analyzer, today=TODAY, knows=index.knows)
    return next(c for c in build_concepts(q, index) if c.surface == surface)


def test_a_noun_in_en_finds_its_definite_form() -> None:
    """The stemmer takes "-en" off "dagsorden" and off "dagsordenen": two stems, one word."""
    index = _index({1: "Temaet sættes på dagsorden igen i efteråret."})
    concept = _concept(index, "Hvornår kommer temaet på dagsordenen igen?", "dagsordenen")
    assert index.analyzer.stem("dagsorden") in {v.stem for v in concept.variants}


def test_an_irregular_verb_finds_its_base_form() -> None:
    index = _index({1: "Skolelederen fremlægger resultaterne af trivselsmålingen."})
    verb = _concept(index, "Hvem fremlagde trivselsmålingen?", "fremlagde")
    assert index.analyzer.stem("fremlægger") in {v.stem for v in verb.variants}
    assert not verb.in_coverage  # the finite verb ranks, the topic decides


def test_short_compound_heads_are_split_only_when_nothing_longer_fits() -> None:
    a = Analyzer()
    known = {a.stem("kvalitet"), a.stem("rammen"), a.stem("uddannelse"), a.stem("enhed"),
             "sen"}
    assert a.split_compound("kvalitetsrammen", known.__contains__) == (a.stem("kvalitet"),
                                                                        a.stem("rammen"))
    assert a.split_compound("uddannelsesenhed", known.__contains__) == (a.stem("uddannelse"),
                                                                         a.stem("enhed"))


def test_a_dialogmode_date_is_no_meeting_date() -> None:
    dates, _ = parse_dates("hvor blev dialogmødet den 5. marts 2020 holdt", TODAY)
    assert dates is not None and not dates.explicit
    dates, _ = parse_dates("hvad skete der på udvalgsmødet den 5. marts 2020", TODAY)
    assert dates is not None and dates.explicit
    # written with digits, the day is read in the words the minutes name it with
    index = _index({1: "Dialogmødet på Fjordby Skole 5. marts blev holdt efter udvalgsmødet."})
    q = understand("Hvor blev dialogmødet holdt 5/3-2020?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert q.date_terms == {"5", "marts", "2020"} and "5. marts 2020" in q.text, q.text


def test_numbers_match_with_leading_zeros_and_school_years() -> None:
    index = _index({1: "Dialogmøde på Stouby Skole 05. marts 2020.",
                    2: "Kvalitetsrapport for folkeskolen 2019-20 med karakterer."})
    q = understand("Hvad skete der den 5. marts?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert {"5"} <= {v.stem for c in build_concepts(q, index) for v in c.variants}
    assert index.df("5") == 1
    q = understand("Hvad stod der i kvalitetsrapporten for skoleåret 19/20?", index.analyzer,
                   today=TODAY, knows=index.knows)
    concepts = build_concepts(q, index)
    hits = index.search(concepts, limit=1)
    numbers = {i for i, c in enumerate(concepts) if c.surface in {"2019", "20"}}
    assert hits[0].unit.doc_id == 2 and len(numbers) == 2 and numbers <= set(hits[0].matched)
    # not a school year: numbers that do not follow one another, and ages
    for text in ("Hvad gælder for 19/25?", "Hvad tilbydes de 12-13 årige?",
                 "Hvem får tilbud som 12-13-årige?"):
        assert "2012" not in {t.surface for t in understand(
            text, index.analyzer, today=TODAY).tokens}, text
    assert "2019" not in {t.surface for t in understand(
        "Hvad gælder for 19/25?", index.analyzer, today=TODAY).tokens}


def test_the_committee_written_as_one_word_is_not_a_topic() -> None:
    q = understand("Hvad behandlede læringsudvalget i november 2020?", Analyzer(),
                   today=TODAY, committees=[(1, "Udvalget for Læring")])
    assert q.committee_ids == frozenset({1}) and q.intent is Intent.OVERVIEW


def test_a_verb_form_finds_the_synonyms_of_its_base_form() -> None:
    index = _index({1: "Undersøgelsen fik i alt 1.300 besvarelser fra eleverne."})
    verb = _concept(index, "Hvor mange elever svarede på undersøgelsen?", "svarede")
    assert index.analyzer.stem("besvarelser") in {v.stem for v in verb.variants}


def test_a_preposition_inside_a_name_does_not_end_the_topic() -> None:
    q = understand("Hvad bad udvalget om, efter at have hørt om Styrke på Tværs?", Analyzer(),
                   today=TODAY)
    assert {"styrke", "tværs"} <= q.topic_words
    plain = understand("Hvad blev besluttet om dialogmøder på skolerne?", Analyzer(),
                       today=TODAY)
    assert "dialogmøder" in plain.topic_words and "skolerne" not in plain.topic_words
    # a dash ends it: what follows is another question ("– skulle den ikke forbi …")
    dashed = understand("Hvad besluttede udvalget om dialogmøderne – skulle de ikke også "
                        "forbi byrådet?", Analyzer(), today=TODAY)
    assert dashed.topic_words == {"dialogmøderne"}, dashed.topic_words
    hyphen = understand("Hvad blev besluttet om skole-hjem-samarbejdet?", Analyzer(),
                        today=TODAY)
    assert hyphen.topic_words == {"skole-hjem-samarbejdet"}, hyphen.topic_words


def test_the_committees_formulas_and_idioms_frame_the_question() -> None:
    """"tog X til efterretning", "lagt på hylden", "kommer tilbage" say how the committee
    handled a matter, not what it is about; the topic words still count in full."""
    index = _index({1: "Orientering om havnebadet tages til efterretning. Udvalget ønsker "
                       "et overslag over prisen på en sauna.",
                    2: "Toget til Fjordby kører hver time."})
    q = understand("Hvad bad udvalget om, da de tog orienteringen om havnebadet til "
                   "efterretning?", index.analyzer, today=TODAY, knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["tog"].importance < 0.5 and concepts["efterretning"].importance < 0.5
    assert concepts["havnebadet"].importance == 1.0
    q = understand("Hvorfor blev saunaen på havnebadet lagt på hylden?", index.analyzer,
                   today=TODAY, knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["hylden"].importance < 0.5
    assert concepts["saunaen"].importance == 1.0
    q = understand("Hvornår kommer sagen om havnebadet tilbage på udvalgets bord?",
                   index.analyzer, today=TODAY, knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["tilbage"].importance < 0.5 and concepts["havnebadet"].importance == 1.0
    q = understand("Hvad besluttede udvalget om den videre behandling af havnebadet?",
                   index.analyzer, today=TODAY, knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["behandling"].importance < 0.5 and concepts["videre"].importance < 0.5
    assert concepts["havnebadet"].importance == 1.0
    q = understand("Hvad går idéen med havnebadet ud på?", index.analyzer, today=TODAY,
                   knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["ideen"].importance < 0.5 and concepts["havnebadet"].importance == 1.0
    # "lave" is a light verb like "gøre": "at få lavet" names nothing
    q = understand("Hvad ønskede udvalget at få lavet om havnebadet?", index.analyzer,
                   today=TODAY, knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["lavet"].importance < 0.5
    q = understand("Hvad er planen for havnebadet?", index.analyzer, today=TODAY,
                   knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["planen"].importance < 0.5 and concepts["havnebadet"].importance == 1.0
    # "på et senere møde", "op igen", "i forlængelse af": how it is handled, not what about
    q = understand("Kommer havnebadet op igen på et senere møde i forlængelse af orienteringen?",
                   index.analyzer, today=TODAY, knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert all(concepts[w].importance < 0.5 for w in ("senere", "forlængelse")), {
        w: c.importance for w, c in concepts.items()}
    # "bad om noget": what was asked for, not a topic "noget"
    q = understand("Bad udvalget om en sauna på havnebadet?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert "sauna" not in q.topic_words
    # "have mere at vide": what the committee asked for, in the member's words
    index = _index({1: "Udvalget ønsker viden om prisen på havnebadet.",
                    2: "Havnebadet åbner i juni."})
    q = understand("Hvad ville udvalget have mere at vide om havnebadet?", index.analyzer,
                   today=TODAY, knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["vide"].importance < 0.5 and concepts["havnebadet"].importance == 1.0


def test_typos_on_either_side_find_the_word() -> None:
    """A question's typo finds the word the minutes use ("høringsvar"), and a long word the
    minutes use finds their own rare misspelling of it ("budgetemaerne")."""
    index = _index({1: "Der kom 91 høringssvar. Budgettemaerne for 2022 drøftes i juni.",
                    2: "I materialet om budgetemaerne står en forkert dato."})
    analyzer = index.analyzer
    typo = _concept(index, "Hvor mange høringsvar kom der?", "høringsvar")
    assert analyzer.stem("høringssvar") in {v.stem for v in typo.variants}
    theirs = _concept(index, "Hvad står der om budgettemaerne?", "budgettemaerne")
    assert analyzer.stem("budgetemaerne") in {v.stem for v in theirs.variants}
    # a spelling borrowed from English finds the Danish one
    index = _index({1: "Dagplejen får fleksible løsninger."})
    borrowed = _concept(index, "Hvem får flexible løsninger?", "flexible")
    assert index.analyzer.stem("fleksible") in {v.stem for v in borrowed.variants}


def test_initials_are_spelled_out_only_from_a_name_they_spell() -> None:
    text = ("Referent Rikke Slot (RS) og Karen Marie Overgaard Madsen (KMOM) deltog. "
            "Jens Berg (JB) og Jonas Bak (JB) var inviteret.")
    assert spelled_out("RS og KMOM holdt oplæg, JB svarede.", [text]) == [
        ("RS", "Rikke Slot"), ("KMOM", "Karen Marie Overgaard Madsen")]  # JB: two people
    assert spelled_out("Rikke Slot (RS) holdt oplæg.", [text]) == []  # already named


@pytest.mark.parametrize(("question", "person"), [
    ("Hvad hedder skolelederen på Fjordby Skole?", True),
    ("Hvad hedder det nye projekt om affald?", False),
])
def test_what_is_the_name_asks_a_person_only_of_a_role(question: str, person: bool) -> None:
    """"hvad hedder …" asks a name; only after a role ("skolelederen") must it be a person's
    (two capitalised words), not a body's initials or a project's name."""
    q = understand(question, Analyzer(), today=TODAY)
    assert q.intent is Intent.PERSON and q.wants_name is person


@pytest.mark.parametrize("question", [
    "Som skoleleder vil jeg gerne vide, hvad udvalget besluttede om dialogmøderne?",
    "Hej! Jeg er ny i udvalget: hvad besluttede udvalget om dialogmøderne?",
    "Kan du fortælle mig, hvad udvalget besluttede om dialogmøderne?",
    "Til mødet i morgen: hvad besluttede udvalget om dialogmøderne?",
    "Kan du forklare mig kort, hvad udvalget besluttede om dialogmøderne?",
    "Jeg sidder og forbereder næste møde – hvad besluttede udvalget om dialogmøderne?",
    # who asks the member, and whom the member answers
    "En forælder spørger: hvad besluttede udvalget om dialogmøderne?",
    "En borger spørger til dialogmøderne: hvad besluttede udvalget?",
    "En forælder vil gerne læse om dialogmøderne: hvad besluttede udvalget?",
    "Jeg skal svare en borger i Fjordby: hvad besluttede udvalget om dialogmøderne?",
    # one word before a colon is the topic, not a lead-in, unless it is an everyday word
    "Dialogmøderne: hvad besluttede udvalget?",
    "Spørgsmål: hvad besluttede udvalget om dialogmøderne?",
    # a remark after the question asks nothing
    "Hvad besluttede udvalget om dialogmøderne? Jeg var ikke med, da det blev drøftet",
    # nor does the other alternative of a yes/no question
    "Hvad besluttede udvalget om dialogmøderne, eller er det udskudt?",
    # a request in the imperative
    "Find beslutningen om dialogmøderne.",
    "Giv mig lige beslutningen om dialogmøderne",
])
def test_what_a_member_says_before_asking_is_no_topic(question: str) -> None:
    q = understand(question, Analyzer(), today=TODAY)
    assert q.intent is Intent.DECISION and q.topic == "dialogmøderne", q.topic


def test_what_follows_who_asks_is_the_topic_and_where_they_live_is_the_place() -> None:
    """"En borger spørger til skolernes dialogmøder: …" asks about the dialogmøder (the
    colon ends the topic, it opens no lead-in); "Jeg skal svare en borger i Fjordby: …"
    looks in Fjordby's minutes."""
    towns = ["Fjordby Kommune", "Aarhus Kommune"]
    q = understand("En borger spørger til skolernes dialogmøder: hvad besluttede udvalget?",
                   Analyzer(), today=TODAY, municipalities=towns)
    assert q.topic == "skolernes dialogmøder", q.topic
    q = understand("Jeg skal svare en borger i Fjordby: hvad besluttede udvalget om "
                   "dialogmøderne?", Analyzer(), today=TODAY, municipalities=towns)
    assert q.municipalities == frozenset({"Fjordby Kommune"}) and q.topic == "dialogmøderne"


def test_what_a_member_recalls_before_a_dash_is_the_scene() -> None:
    """"Jeg mener vi drøftede dialogmøderne – hvad blev besluttet?" recalls the topic (a
    member who describes what they are doing, "Jeg sidder og forbereder …", does not)."""
    q = understand("Jeg mener vi drøftede dialogmøderne – hvad blev besluttet?", Analyzer(),
                   today=TODAY)
    assert q.topic == "dialogmøderne", q.topic
    q = understand("Jeg sidder og forbereder dialogmøderne – hvad blev besluttet?", Analyzer(),
                   today=TODAY)
    assert "dialogmøderne" not in q.topic, q.topic


@pytest.mark.parametrize(("question", "returns"), [
    ("Hvornår kommer sagen om minimumsnormering tilbage?", True),
    ("Hvornår skal udvalget tage dialogmøderne op igen?", True),
    ("Hvornår kommer temaet på dagsordenen igen?", True),
    ("Hvornår rulles besparelsen tilbage?", False),  # rolled back, not brought back
    ("Hvornår blev temaet sat på dagsordenen?", False),
])
def test_when_a_matter_comes_back(question: str, returns: bool) -> None:
    assert understand(question, Analyzer(), today=TODAY).returns is returns


def test_two_questions_in_one_answer_the_first_and_name_the_second() -> None:
    q = understand("Hvad besluttede udvalget om dialogmøderne, og hvem deltog i dem?",
                   Analyzer(), today=TODAY)
    assert q.intent is Intent.DECISION and q.topic == "dialogmøderne", q.topic
    assert q.second == "hvem deltog i dem?"
    q = understand("Hvad besluttede rådmanden om evalueringen – skal den forbi udvalget?",
                   Analyzer(), today=TODAY)
    assert q.intent is Intent.DECISION and q.topic == "evalueringen", q.topic
    assert q.second == "skal den forbi udvalget?"
    for one in ("Hvem deltog, og hvad blev besluttet om det nye bibliotek?",  # topic after
                "Hvad besluttede udvalget om dialogmøderne, og hvorfor?",
                "Hvilke forældre, og hvem ellers, blev inviteret til dialogmødet?"):
        assert understand(one, Analyzer(), today=TODAY).second == "", one


@pytest.mark.parametrize(("question", "intent"), [
    ("hvor blev dialogmødet for skoleområdet den 6. marts 2023 afholdt?", Intent.PLACE),
    ("hvor langt er byggeriet af biblioteket, som ligger i Fjordby?", Intent.GENERAL),
    ("hvor kan man læse om de møder, udvalget har holdt?", Intent.GENERAL),
    ("hvor var dialogmødet for skoleområdet d. 6 marts 2023", Intent.PLACE),  # an event
    ("hvor var vi i processen med budgettet?", Intent.GENERAL),
])
def test_where_held_with_words_between(question: str, intent: Intent) -> None:
    assert detect_intent(question) is intent


def test_a_phrasal_verb_the_minutes_put_otherwise_is_the_topic() -> None:
    """"pillet ud" is "udgår" in the minutes: it names what is asked, it does not frame it."""
    index = _index({1: "Efter høringen udgår forslaget om observationer."})
    removed = _concept(index, "Hvad blev der pillet ud af forslaget efter høringen?", "pillet")
    assert removed.importance == 1.0
    assert index.analyzer.stem("udgår") in {v.stem for v in removed.variants}


def test_the_office_someone_was_chosen_for_is_the_topic() -> None:
    """"næstformand" is an everyday word the minutes never use, yet it is what is asked."""
    index = _index({1: "Udvalget valgte en ny formand for skolebestyrelsen."})
    office = _concept(index, "Hvem blev valgt som næstformand for udvalget?", "næstformand")
    assert office.importance == 1.0


def test_words_typed_without_danish_letters_are_read_with_them() -> None:
    """A keyboard without æ, ø and å: "hvornaar" is still a when-question, and the words the
    minutes use are found ("raadgivning", "hoeringssvar", "undersogelsen")."""
    index = _index({1: "Udbudsrunden for den anonyme rådgivning laves i december. Der kom "
                       "91 høringssvar til ungeprofilundersøgelsen i Aarhus."})
    q = understand("hvornaar skal udbudsrunden for den anonyme raadgivning laves",
                   index.analyzer, today=TODAY, knows=index.knows)
    assert q.intent is Intent.TIME and "rådgivning" in q.topic, q.topic
    q = understand("hvor mange hoeringssvar kom der til ungeprofilundersogelsen i Aarhus",
                   index.analyzer, today=TODAY, knows=index.knows)
    assert {"høringssvar", "ungeprofilundersøgelsen", "aarhus"} <= {
        t.surface for t in q.tokens}
    # a compound the minutes do not use, of words they do: "kapacitet" + "løsninger"
    index = _index({1: "Der afsættes midler til fleksible løsninger for kapacitet."})
    q = understand("hvad koster kapacitetsloesninger", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert "kapacitetsløsninger" in q.text, q.text
    # a spelling the minutes have only in a file name gives way to the one in their text
    index = _index({1: "Bilag: Midtvejsevaluering_Styrke_paa_Tvaers.pdf",
                    2: "Projekt Styrke på tværs.", 3: "Styrke på tværs fortsætter."})
    q = understand("hvad blev besluttet om styrke paa tvaers", index.analyzer, today=TODAY,
                   knows=index.knows, df=index.df)
    assert "styrke på tværs" in q.text, q.text
    # ... and so does one the minutes have as often in a file name as in their text
    index = _index({1: "Bilag: Ungeprofilundersoegelsen_rapport.pdf",
                    2: "Orientering om Ungeprofilundersøgelsen."})
    q = understand("hvor mange svarede på ungeprofilundersoegelsen", index.analyzer,
                   today=TODAY, knows=index.knows, df=index.df)
    assert "ungeprofilundersøgelsen" in q.text, q.text
    # a typed word more common than its respelling stays ("Michael"), unknown names too
    q = understand("Hvad sagde Michael Jensen paa mødet?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert "Hvad sagde Michael Jensen på mødet?" in q.text, q.text  # "paa": a function word
    # one Danish letter typed, another not: respelled only as a word the minutes use
    index = _index({1: "Orientering om småbørnsløftet: konferencen er aflyst."})
    q = understand("smaabørnsløftet - hvorfor blev konferencen aflyst?", index.analyzer,
                   today=TODAY, knows=index.knows, df=index.df)
    assert "småbørnsløftet" in {t.surface for t in q.tokens}, q.tokens
    q = understand("Hvad skete der med Søndergaardskolen?", index.analyzer, today=TODAY,
                   knows=index.knows, df=index.df)
    assert "Søndergaardskolen" in q.text, q.text
    # a short word with a bare vowel: respelled only as a word of the minutes that is far
    # more common ("born" → "børn"); "mode" is a word of its own
    index = _index({1: "Et nyt møde om børn i dagtilbud fortsætter i Glud."})
    q = understand("hvor skal faelles om born i dagtilbud fortsaette paa mode", index.analyzer,
                   today=TODAY, knows=index.knows, df=index.df)
    assert "fælles om børn i dagtilbud fortsætte på mode" in q.text, q.text
    # a word that is a compound of words the minutes use, as typed, is no missing "æ"
    index = _index({1: "Udvalget fik materialet. Vi udvælger tre skoler."})
    q = understand("hvad skal rettes i udvalgsmaterialet", index.analyzer, today=TODAY,
                   knows=index.knows, df=index.df)
    assert "udvalgsmaterialet" in q.text, q.text


def test_the_verb_after_a_modal_ranks_but_does_not_decide() -> None:
    """"Hvem skal repræsentere udvalget i byggeudvalget?" is answered by "X deltager i
    byggeudvalget": the infinitive after "skal" is the verb, like a finite one."""
    index = _index({1: "Jens Hansen deltager i byggeudvalget. Udvalget skal repræsentere "
                       "kommunen."})
    verb = _concept(index, "Hvem skal repræsentere udvalget i byggeudvalget?", "repræsentere")
    assert not verb.in_coverage
    nouns = _concept(index, "Hvad skal skolerne gøre i byggeudvalget?", "skolerne")
    assert nouns.in_coverage
    after_subject = _concept(index, "Hvor kan borgerne repræsentere byggeudvalget?",
                             "repræsentere")
    assert not after_subject.in_coverage


def test_a_fixed_phrase_is_no_topic() -> None:
    """"på trods af corona": "trods" says nothing the answer must; nor does "sagt"."""
    q = understand("Holder vi fast i seminaret på trods af corona?", Analyzer(), today=TODAY)
    assert "trods" not in {t.surface for t in q.tokens}
    q = understand("Hvad blev der sagt under eventuelt?", Analyzer(), today=TODAY)
    assert "sagt" not in {t.surface for t in q.tokens}
    # "for et par år siden", "for nogle år siden": a vague time, neither a date nor a topic
    index = _index({1: "Udvalget drøftede skolestruktur. Der går et par uger, siden mødet."})
    for vague in ("et par", "nogle"):
        q = understand(f"For {vague} år siden drøftede udvalget skolestruktur, hvad blev "
                       "besluttet?", index.analyzer, today=TODAY, knows=index.knows)
        assert q.dates is None and "siden" not in {
            c.surface for c in build_concepts(q, index) if c.importance >= 0.5}, q
    # "klarer vores skoler sig godt eller skidt": how well, of the schools
    index = _index({1: "Skolerne præsterer stabilt."})
    q = understand("Klarer vores skoler sig godt eller skidt?", index.analyzer, today=TODAY,
                   knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert "vores" not in concepts and concepts["skidt"].importance < 0.5
    assert index.analyzer.stem("præsterer") in {v.stem for v in concepts["klarer"].variants}
    q = understand("Hvordan klarer skolerne sig samlet set, hvis jeg har forstået det rigtigt?",
                   index.analyzer, today=TODAY, knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["samlet"].importance < 0.5 and concepts["rigtigt"].importance < 0.5
    q = understand("Kommer skolerne tilbage, og i så fald hvornår?", index.analyzer,
                   today=TODAY, knows=index.knows)
    assert "fald" not in {c.surface for c in build_concepts(q, index)
                          if c.importance >= 0.5}


def test_a_typo_in_a_framing_word_is_corrected() -> None:
    """The intent and the meeting are read from framing words: "dagsordnen" is "dagsordenen"
    and the question asks for the meeting's items; a word the minutes use is left alone."""
    index = _index({1: "Punktet om dagsordnen for skolen blev drøftet."})
    q = understand("hvad var på dagsordnen den 2. marts 2020", Analyzer(), today=TODAY,
                   knows=lambda stem: False)
    assert q.intent is Intent.OVERVIEW and "dagsordenen" in q.text, q.text
    q = understand("hvad står der om dagsordnen for skolen", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert "dagsordnen" in q.text, q.text


def test_the_document_a_member_names_is_where_to_look_not_what_is_asked() -> None:
    """"ifølge handleplanen for almen og special": the answer need not repeat those words."""
    q = understand("Hvor meget skal almenrammen skæres ned ifølge handleplanen for almen og "
                   "special?", Analyzer(), today=TODAY)
    assert {"handleplanen", "almen", "special"} <= q.place_terms
    assert "almenrammen" not in q.place_terms
    # the document is all that is asked: it stays the topic
    q = understand("Hvad står der i handleplanen?", Analyzer(), today=TODAY)
    assert not q.place_terms


@pytest.mark.parametrize(("question", "text", "second"), [
    # the topic after the question mark stays when the question has none of its own
    ("Hvad blev besluttet? Det drejer sig om minimumsnormering i dagtilbud.",
     "Hvad blev besluttet? Det drejer sig om minimumsnormering i dagtilbud.", ""),
    # the member's own lead-in before a colon asks nothing
    ("Jeg har fået et spørgsmål fra en forælder: hvor mange udbydere skal der vælges?",
     "hvor mange udbydere skal der vælges?", ""),
    # a lead-in before a dash is the scene, not the question
    ("Vi skal have nye cykelstier ved Stouby Skole - er det besluttet hvornår?",
     "er det besluttet hvornår?", ""),
    # a subordinate clause is no question of its own
    ("Når sagen er behandlet i udvalget, kommer den så tilbage til byrådet?",
     "Når sagen er behandlet i udvalget, kommer den så tilbage til byrådet?", ""),
    ("Hvad besluttede rådmanden om evalueringen – skal den forbi udvalget?",
     "Hvad besluttede rådmanden om evalueringen", "skal den forbi udvalget?"),
    # initials end no sentence before the question
    ("Hvor mange skoler var med i programmet, som A.P. Møller Fonden betalte?",
     "Hvor mange skoler var med i programmet, som A.P. Møller Fonden betalte?", ""),
])
def test_what_is_kept_of_a_long_question(question: str, text: str, second: str) -> None:
    q = understand(question, Analyzer(), today=TODAY, knows=lambda stem: True)
    assert (q.text, q.second) == (text, second)


@pytest.mark.parametrize(("question", "intent"), [
    ("Hvor skal pengene til samarbejdsaftalen komme fra?", Intent.FUNDING),
    ("Hvordan skal det betales?", Intent.FUNDING),
    ("Hvor får vi pengene fra?", Intent.FUNDING),
    ("Hvordan blev underskuddet dækket?", Intent.FUNDING),
    ("Hvor skal de nye pædagoger komme fra?", Intent.GENERAL),  # people, not money
    ("Hvilke rammekriterier er vigtige?", Intent.WHICH),
])
def test_funding_questions_name_money(question: str, intent: Intent) -> None:
    assert detect_intent(question.lower()) is intent


def test_funding_is_said_by_how_it_is_paid_not_by_any_meeting_held() -> None:
    assert fact_strength(Intent.FUNDING, "Udgifterne afholdes inden for udvalgets ramme.") > 0
    assert fact_strength(Intent.FUNDING, "Dialogmødet afholdes den 5. maj.") == 0


def test_school_years_are_read_in_every_spelling_and_must_follow_each_other() -> None:
    for written in ("2022-23", "2022/23", "22/23", "2022-2023"):
        q = understand(f"Hvad siger kvalitetsrapporten for {written}?", Analyzer(), today=TODAY)
        assert q.school_years == {"2022-23"}, written
    assert not understand("Hvad skete der i 2023-26?", Analyzer(), today=TODAY).school_years


def test_a_name_with_an_accent_is_still_a_name() -> None:
    q = understand("Hvad sagde René Hansen om biblioteket?", Analyzer(), today=TODAY)
    assert "rene" in q.names



def test_a_compound_written_as_two_words_is_joined() -> None:
    """"ungeprofil undersøgelsen" is the minutes' "ungeprofilundersøgelsen"; "der til" stays."""
    index = _index({1: "Ungeprofilundersøgelsen fik 1.300 besvarelser."})
    q = understand("hvor mange svarede på ungeprofil undersøgelsen", index.analyzer,
                   today=TODAY, knows=index.knows)
    assert "ungeprofilundersøgelsen" in q.text, q.text
    q = understand("tre elever svarede ungeprofil undersøgelsen", index.analyzer,
                   today=TODAY, knows=index.knows)  # the pair after an odd number of words
    assert "ungeprofilundersøgelsen" in q.text, q.text
    q = understand("hvor mange kommer der til at svare på undersøgelsen", index.analyzer,
                   today=TODAY, knows=index.knows)
    assert "der til" in q.text, q.text


def test_what_is_said_before_the_question_weighs_less_than_the_question() -> None:
    """"Vi foreslår en ny enhed for læring og trivsel. Hvilke afdelinger skal samles i den?":
    the scene set before the question counts, less than the question's own words."""
    index = _index({1: "Enheden for læring og trivsel samler PPR og sundhedsplejen. "
                       "Vi foreslår en ny enhed."})
    q = understand("Vi foreslår en ny enhed for læring og trivsel. Hvilke afdelinger er det "
                   "meningen skal samles i den nye enhed?", index.analyzer, today=TODAY,
                   knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["trivsel"].importance == 0.6 and concepts["afdelinger"].importance == 1.0
    assert concepts["meningen"].importance < 0.5


def test_the_scene_before_a_dash_sets_the_meeting_and_weighs_less() -> None:
    """"Ansøgningen til Klimafonden – hvornår skal trilledagtilbuddet afprøves?": the scene
    weighs less than the question, a word of it the minutes never use is not required, and
    a meeting it names dates the question; a question that names nothing ("– hvad skete der
    med det?") is about the scene; a question before the dash is no scene."""
    index = _index({1: "Ansøgningen til Klimafonden: trilledagtilbud afprøves i august."})
    q = understand("Ansøgningen til Klimafonden om budgetsnakken – hvornår skal "
                   "trilledagtilbuddet afprøves?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert q.intent is Intent.TIME and q.text.startswith("hvornår")
    concepts = {c.surface: c for c in build_concepts(q, index)}
    assert concepts["klimafonden"].importance == 0.6 and concepts["klimafonden"].in_coverage
    assert not concepts["budgetsnakken"].in_coverage
    assert concepts["trilledagtilbuddet"].importance == 1.0
    q = understand("Punktet om trilledagtilbud var på dagsordenen i februar 2020 – hvad skete "
                   "der med det?", index.analyzer, today=TODAY, knows=index.knows)
    assert q.dates is not None and q.dates.start == dt.date(2020, 2, 1)
    assert "trilledagtilbud" in q.topic and not q.scene
    q = understand("Vi skal have nye cykelstier ved Stouby Skole - er det besluttet hvornår?",
                   Analyzer(), today=TODAY, knows=lambda stem: True)
    assert "cykelstier" in q.topic and not q.scene
    q = understand("Lærerne er på kursus fra august 2022 – hvad hedder kurset?",
                   index.analyzer, today=TODAY, knows=index.knows)
    assert q.dates is None and "2022" in q.date_terms  # a period in the scene, no meeting
    q = understand("Trilledagtilbud var oppe i april 2023 – hvornår skal det afprøves?",
                   index.analyzer, today=TODAY, knows=index.knows)
    assert q.dates is not None and q.dates.start == dt.date(2023, 4, 1)  # "var oppe": a meeting
    q = understand("Hvad besluttede udvalget om trilledagtilbud - skal det forbi byrådet?",
                   index.analyzer, today=TODAY, knows=index.knows)
    assert q.intent is Intent.DECISION and not q.scene


def test_a_degree_and_an_attachment_verb_frame_the_question() -> None:
    """"hvor meget senere starter børnene": "senere" is by how much, not a topic;
    "hvilket bilag fulgte med sagen": following is what attachments do."""
    q = understand("Hvor meget senere starter børnene i børnehave?", Analyzer(), today=TODAY)
    assert "senere" not in {t.surface for t in q.tokens}
    q = understand("Hvilket bilag fulgte med sagen om budgettet?", Analyzer(), today=TODAY)
    assert q.attachments and Analyzer().stem("fulgte") in q.generic


def test_an_unknown_compound_finds_its_parts_said_the_other_way_round() -> None:
    """"kvalitetsrammen" is "rammen for lokal kvalitetsopfølgning": the first part found as
    the start of another compound, beside the head."""
    index = _index({1: "Rammen for budgettet er lagt.",
                    2: "Rammen for lokal kvalitetsopfølgning er ny.",
                    3: "Kvalitet er vigtigt for skolen."})
    q = understand("Hvad står der om kvalitetsrammen?", index.analyzer, today=TODAY)
    hits = index.search(build_concepts(q, index), limit=3)
    assert [h.unit.doc_id for h in hits if h.coverage >= 0.6] == [2]  # it covers the question


def test_an_unknown_compound_of_one_known_word_finds_that_word() -> None:
    """"underskudsgrænse": the minutes say "underskud" but never "grænse"; the known first
    word finds them, and so do its compounds ("kortlægnings|tal" ~ "kortlægningsresultater").
    A short first word alone ("skole|hal") is too loose."""
    index = _index({1: "Skoler, der nærmer sig 5 pct. i underskud, laver en handleplan.",
                    2: "Kortlægningen er slut. Der fremlægges nye kortlægningsresultater.",
                    3: "Skolen har fået en ny legeplads."})
    q = understand("Ved hvilken underskudsgrænse skal en skole lave en handleplan?",
                   index.analyzer, today=TODAY, knows=index.knows)
    hits = index.search(build_concepts(q, index), limit=3)
    assert [h.unit.doc_id for h in hits if h.coverage >= 0.6] == [1]
    stems = {v.stem for v in _concept(index, "Hvem fremlagde kortlægningstal?",
                                      "kortlægningstal").variants}
    assert index.analyzer.stem("kortlægningsresultater") in stems
    assert index.analyzer.known_modifier("skolehal", index.knows) is None


def test_the_scene_is_the_topic_when_the_question_says_little_of_its_own() -> None:
    """"Udvalget roste Trilledagtilbud. Hvad bad vi udvalget om at komme med?": the
    question's own words are common ones; what is said before it is what it is about."""
    index = _index({i: f"Udvalget og forvaltningen skal komme med et oplæg nr. {i}."
                    for i in range(1, 8)} | {9: "Trilledagtilbud blev rost af udvalget."})
    weak = understand("Udvalget roste trilledagtilbuddet. Hvad bad vi forvaltningen om at "
                      "komme med?", index.analyzer, today=TODAY, knows=index.knows)
    strong = understand("Udvalget roste oplægget. Hvad bad vi om at komme med til "
                        "trilledagtilbuddet?", index.analyzer, today=TODAY, knows=index.knows)
    assert {c.surface: c.importance for c in build_concepts(weak, index)}[
        "trilledagtilbuddet"] == 1.0
    assert {c.surface: c.importance for c in build_concepts(strong, index)}["oplægget"] == 0.6


def test_a_bare_verb_finds_the_minutes_form_with_a_particle() -> None:
    """"Hvor mange udbydere ville man vælge?": the minutes "udvælge 3-5 udbydere"."""
    index = _index({1: "Vi vil udvælge 3-5 udbydere."})
    verb = _concept(index, "Hvor mange udbydere ville man vælge?", "vælge")
    assert index.analyzer.stem("udvælge") in {v.stem for v in verb.variants}


def test_a_remark_and_in_practice_frame_the_question() -> None:
    """"Trilledagtilbud lyder spændende – hvornår skal det testes i praksis?": the remark
    in the scene and "i praksis" frame; "datainformeret praksis" is a topic."""
    index = _index({1: "Trilledagtilbud testes i august. Det er spændende. Praksis er god."})
    q = understand("Trilledagtilbud lyder spændende – hvornår skal det testes i praksis?",
                   index.analyzer, today=TODAY, knows=index.knows)
    concepts = {c.surface: c.importance for c in build_concepts(q, index)}
    assert concepts["spændende"] < 0.5 and concepts["praksis"] < 0.5
    assert concepts["trilledagtilbud"] >= 0.6
    q = understand("Hvad er datainformeret praksis?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert {c.surface: c.importance for c in build_concepts(q, index)}["praksis"] == 1.0


def test_a_preposition_in_three_words_frames_the_question() -> None:
    """"aflyst på grund af corona": "grund" is no topic; "grunden til" still is one."""
    index = _index({1: "Seminaret er aflyst pga. covid-19. Grunden er ikke solgt."})
    q = understand("Blev seminaret aflyst på grund af corona?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert {c.surface: c.importance for c in build_concepts(q, index)}["grund"] < 0.5
    q = understand("Hvad blev grunden solgt for?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert {c.surface: c.importance for c in build_concepts(q, index)}["grunden"] == 1.0


def test_taking_effect_frames_the_question() -> None:
    """"… når minimumsnormeringen træder i kraft": "træder" and "kraft" are no topic."""
    index = _index({1: "Minimumsnormeringen gælder fra 2024. Skolen har kraft og træder frem."})
    q = understand("Hvornår skal børnene starte, når minimumsnormeringen træder i kraft?",
                   index.analyzer, today=TODAY, knows=index.knows)
    concepts = {c.surface: c.importance for c in build_concepts(q, index)}
    assert concepts["træder"] < 0.5 and concepts["kraft"] < 0.5, concepts
    assert concepts["minimumsnormeringen"] == 1.0


def test_a_definite_head_refers_to_the_compound_named_nearby() -> None:
    """"Enheden bemandes med 3 fuldtidsstillinger." is about the "udviklingsenhed" the text
    names before or after it, not in a text that names none."""
    named = ("Enheden bemandes med 3 fuldtidsstillinger. Udviklingsenheden skal lægge en "
             "plan for hele området.")
    other = ("Enheden bemandes med 3 fuldtidsstillinger. Sprogpuljen skal lægge en plan for "
             "hele området.")
    index = _index({1: named, 2: other})
    q = understand("Hvor mange fuldtidsstillinger får den nye udviklingsenhed for området?",
                   index.analyzer, today=TODAY, knows=index.knows)
    picker = SentencePicker(index.analyzer, build_concepts(q, index), q.intent,
                            counted=q.counted, known=index.knows)

    def evidence(text: str) -> float:
        picks = picker.picks([Block(text, None, None, 1.0)])
        return next((p.evidence for p in picks if p.quote.startswith("Enheden")), 0.0)

    assert evidence(named) > evidence(other) + 0.1


def test_a_restating_sentence_says_what_the_sentence_before_is_about() -> None:
    """"Hvornår flytter eleverne til overbygningen efter den gamle ordning?": the sentence with
    the time is the one that "Det vil sige med den gamle ordning, …" restates, not the
    sentence after that restatement which dates a later change."""
    text = ("Eleverne flytter til overbygningen den 1. august efter 6. klasse. Det vil sige "
            "med den gamle ordning, at skiftet sker et år før reformen kræver. Det betyder, "
            "at kommunen fra 1. januar 2027 skal sikre, at eleverne flyttes et år senere.")
    index = _index({1: text})
    q = understand("Hvornår flytter eleverne til overbygningen efter den gamle ordning?",
                   index.analyzer, today=TODAY, knows=index.knows)
    picker = SentencePicker(index.analyzer, build_concepts(q, index), q.intent,
                            known=index.knows)
    best = picker.picks([Block(text, None, None, 1.0)], "Reformen af overbygningen")[0]
    assert best.quote.startswith("Eleverne flytter") and "2027" not in best.quote, best.quote


def test_what_something_is_called_is_told_by_a_title_in_quotation_marks() -> None:
    """"Hvad hedder indsatsen for lærerne?": "“Læsning for alle” er overskriften på …"
    names it; a sentence without a name or title does not."""
    text = ("“Læsning for alle” er overskriften på indsatsen for lærerne. Indsatsen for "
            "lærerne varer to år.")
    index = _index({1: text})
    q = understand("Hvad hedder indsatsen for lærerne?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert q.name_asked
    picker = SentencePicker(index.analyzer, build_concepts(q, index), q.intent,
                            name_asked=q.name_asked, known=index.knows)
    facts = {p.quote.split()[0]: p.fact for p in picker.picks([Block(text, None, None, 1.0)])}
    assert facts == {"“Læsning": True, "Indsatsen": False}


def test_how_many_answered_is_counted_by_the_answers() -> None:
    """"Hvor mange elever svarede?": "1.300 besvarelser" counts them; "12 skoler" does not."""
    text = "Undersøgelsen fik i alt 1.300 besvarelser fra 12 skoler."
    index = _index({1: text, 2: "Eleverne svarede på spørgsmålene."})
    q = understand("Hvor mange elever svarede på undersøgelsen?", index.analyzer,
                   today=TODAY, knows=index.knows)
    picker = SentencePicker(index.analyzer, build_concepts(q, index), q.intent,
                            counted=q.counted, known=index.knows)
    assert [p.fact for p in picker.picks([Block(text, None, None, 1.0)])] == [True]
    text = "Undersøgelsen blev sendt til 12 skoler."
    assert [p.fact for p in picker.picks([Block(text, None, None, 1.0)])] == [False]


def test_a_word_finds_the_compounds_it_begins_with_a_linking_s() -> None:
    """"Hvornår holdes udbuddet?" finds "udbudsrunden i december" (udbud-s-runde), at less
    than the word itself; "vuggestue" does not find "vuggestuenormering" (no linking s)."""
    index = _index({1: "Vi laver en udbudsrunde i december.", 2: "Udbuddet omfatter rådgivning.",
                    3: "Der følger en vuggestuenormering med. Vuggestuen er ny."})
    udbud = _concept(index, "Hvornår holdes udbuddet?", "udbuddet")
    weights = {v.stem: v.weight for v in udbud.variants}
    assert 0 < weights.get(index.analyzer.stem("udbudsrunde"), 0) < weights["udbud"], weights
    vuggestue = _concept(index, "Hvornår starter vuggestuen?", "vuggestuen")
    assert index.analyzer.stem("vuggestuenormering") not in {
        v.stem for v in vuggestue.variants}


def test_which_period_frames_the_question() -> None:
    """"Hvilken periode dækker indsatsen?" asks a period: "periode" and "dækker" frame it, the
    indsats is what is asked about ("… strækker sig fra august 2026 til juni 2028")."""
    index = _index({1: "Indsatsen for lærerne strækker sig fra august 2026 til juni 2028.",
                    2: "Perioden dækker budgettet. Dækket af puljen."})
    q = understand("Hvilken periode dækker indsatsen for lærerne?", index.analyzer,
                   today=TODAY, knows=index.knows)
    assert q.intent is Intent.PERIOD and q.focus != "periode"
    topical = {c.surface for c in build_concepts(q, index) if c.importance >= 0.5}
    assert topical == {"indsatsen", "lærerne"}, topical


def test_a_verb_after_the_noun_counted_is_not_counted() -> None:
    """"Hvor mange forældre cyklede på arbejde?" counts forældre ("60 % af de deltagende
    forældre cykler …"), not "cyklede"; "hvor mange private udbydere" counts udbydere."""
    text = "En evaluering viser, at 60 % af de deltagende forældre cykler på arbejde."
    index = _index({1: text, 2: "Forældre og børn cykler sammen."})
    q = understand("Hvor mange forældre cyklede på arbejde?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert q.counted == "forældre"
    picker = SentencePicker(index.analyzer, build_concepts(q, index), q.intent,
                            counted=q.counted, focus=q.focus, known=index.knows)
    assert [p.fact for p in picker.picks([Block(text, None, None, 1.0)])] == [True]
    q = understand("Hvor mange private udbydere er der?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert q.counted == "private udbydere"


def test_a_frequency_is_of_the_words_beside_it() -> None:
    """"Hvor tit holder chefen opfølgninger?": "fire opfølgninger om året" says it; "data
    om udlånet halvårligt" is the frequency of something else, even in a sentence that
    names the opfølgninger too."""
    text = ("Lederne får nye data om udlånet halvårligt, og de løbende opfølgninger med "
            "chefen fortsætter. Der holdes fire opfølgninger om året mellem chefen og lederne.")
    index = _index({1: text})
    q = understand("Hvor tit holder chefen opfølgninger med lederne?", index.analyzer,
                   today=TODAY, knows=index.knows)
    picker = SentencePicker(index.analyzer, build_concepts(q, index), q.intent,
                            known=index.knows)
    strength = {p.quote.split()[0]: p.strength
                for p in picker.picks([Block(text, None, None, 1.0)])}
    assert strength["Der"] == 1.0
    assert strength["Lederne"] < 1.0


def test_synonyms_of_administrative_danish() -> None:
    """"fremover" ~ "fremadrettet", "landsplan" ~ "landsgennemsnittet", "corona" ~ "covid",
    "fejl" ~ "rettes (til)", "andel" ~ "procent" (which "%" is)."""
    index = _index({1: "Midlerne er fremadrettet en del af budgettet, over "
                       "landsgennemsnittet på 6,6%. Aflyst pga. covid-19. Skal rettes til."})
    for question, word, minutes_word in (
            ("Hvordan fordeles midlerne fremover?", "fremover", "fremadrettet"),
            ("Hvor mange procent er det på landsplan?", "landsplan", "landsgennemsnittet"),
            ("Blev det aflyst på grund af corona?", "corona", "covid"),
            ("Hvilken fejl var der i budgettet?", "fejl", "rettes"),
            ("Hvor stor en andel går i specialtilbud?", "andel", "procent")):
        concept = _concept(index, question, word)
        assert index.analyzer.stem(minutes_word) in {v.stem for v in concept.variants}, word


def test_phrasal_verbs_find_the_minutes_single_word() -> None:
    """"køre videre" is "fortsætte", "lagt sammen" is "samle"; "tage op" frames."""
    index = _index({1: "Forsøget fortsætter i Glud. Enheden skal samle tre afdelinger."})
    go_on = _concept(index, "Hvor skal forsøget køre videre?", "køre")
    assert index.analyzer.stem("fortsætter") in {v.stem for v in go_on.variants}
    joined = _concept(index, "Hvilke afdelinger bliver lagt sammen i enheden?", "lagt")
    assert index.analyzer.stem("samle") in {v.stem for v in joined.variants}
    taken = _concept(index, "Hvornår tog udvalget forsøget op?", "tog")
    assert taken.importance < 0.5
    proposed = _concept(index, "Hvor mange afdelinger lægger forsøget op til?", "lægger")
    assert proposed.importance < 0.5


def test_an_unknown_compound_finds_the_minutes_name_for_it_by_its_first_part() -> None:
    """"trilleprojektet" is what the minutes call "trilledagtilbud"; "vuggestuepladsen"
    has a first part of its own ("vuggestue") and is read by its parts instead."""
    index = _index({1: "Trilledagtilbud afprøves i fem dagplejer. Projektet evalueres.",
                    2: "Trillekonceptet er billigt. Der er en vuggestue og en plads."})
    trille = _concept(index, "Hvad koster trilleprojektet?", "trilleprojektet")
    stems = {v.stem for v in trille.variants}
    assert {index.analyzer.stem("trilledagtilbud"), index.analyzer.stem("trillekonceptet")} \
        <= stems
    nursery = _concept(index, "Hvad koster vuggestuepladsen?", "vuggestuepladsen")
    assert not any(v.stem.startswith("vuggestue") and v.part < 0 and v.weight < 1.0
                   for v in nursery.variants)


def test_a_compound_whose_head_is_a_compound_counts_by_the_heads_head() -> None:
    """"kompetence|udviklingsindsatsen" is found as "kompetenceudviklende indsats": the
    head "udviklingsindsats" counts by its own head, "indsats"."""
    index = _index({1: "En kompetenceudviklende indsats over to skoleår.",
                    2: "Kompetencen og udviklingsindsatsen i dagtilbud.",
                    3: "Udviklingen på skolerne."})
    concept = _concept(index, "Hvor længe varer kompetenceudviklingsindsatsen?",
                       "kompetenceudviklingsindsatsen")
    heads = {v.stem for v in concept.variants if v.part == max(w.part for w in
                                                                 concept.variants)}
    assert index.analyzer.stem("indsats") in heads


def test_a_number_written_out_finds_its_digits() -> None:
    """"de første tusind dage" finds "De første 1000 dage", "tolv skoler" "12 skoler"."""
    index = _index({1: "Projektet De første 1000 dage. Der er 12 skoler."})
    assert "1000" in {v.stem for v in _concept(index, "Hvad koster de første tusind dage?",
                                               "tusind").variants}
    assert "12" in {v.stem for v in _concept(index, "Hvilke tolv skoler deltager?",
                                             "tolv").variants}


def test_apiece_is_no_topic() -> None:
    """"pris pr stk": "stk." is how a price is counted (and a paragraph of a law), no topic."""
    index = _index({1: "Uddannelsen koster 80.000 kr. pr. uddannelse. Cykler à 35.000 kr. stk."})
    assert _concept(index, "ibclc uddannelse pris pr stk?", "stk").importance < 0.5


def test_lending_the_house_is_hosting_and_no_topic() -> None:
    """"Hvilken skole lagde hus til dialogmødet?" asks where it was: "hus" is no topic."""
    index = _index({1: "Dialogmøde på Stouby Skole. Huset på skolen er nyt."})
    assert _concept(index, "Hvilken skole lagde hus til dialogmødet?", "hus").importance < 0.5
    # "skulle lægge lokaler til" is hosting too
    q = understand("Hvilken skole skulle lægge lokaler til dialogmødet?", index.analyzer,
                   today=TODAY, knows=index.knows)
    assert q.intent is Intent.PLACE
    assert _concept(index, "Hvilken skole skulle lægge lokaler til dialogmødet?",
                    "lokaler").importance < 0.5


def test_keywords_before_a_question_word_are_no_verb() -> None:
    """"Kører forsøget stadig?" opens with its verb; "udvalgsseminar marts 2021 hvad
    besluttede i" opens with its topic."""
    index = _index({1: "Udvalgsseminar marts 2021. Forsøget kører stadig i Glud. Det kørte i "
                       "13 kommuner."})
    yes_no = understand("Kører forsøget stadig?", index.analyzer, today=TODAY,
                        knows=index.knows)
    assert index.analyzer.stem("kører") in yes_no.verbs
    keywords = understand("udvalgsseminar marts 2021 hvad besluttede i", index.analyzer,
                          today=TODAY, knows=index.knows)
    assert index.analyzer.stem("udvalgsseminar") not in keywords.verbs
    # a question word last asks as well as one in the middle
    last = understand("udvalgsseminar oplæg ved hvem", index.analyzer, today=TODAY,
                      knows=index.knows)
    assert index.analyzer.stem("udvalgsseminar") not in last.verbs
    plural = understand("kommuner udvalgsseminar ved hvem", index.analyzer, today=TODAY,
                        knows=index.knows)
    assert index.analyzer.stem("kommuner") not in plural.verbs  # shaped like "kører"
    # a noun first is no verb's tense ("Kører …" is); "antal" counts like "hvor mange"
    counting = understand("udvalgsseminar antal deltagende kommuner", index.analyzer,
                          today=TODAY, knows=index.knows)
    assert index.analyzer.stem("udvalgsseminar") not in counting.verbs
    assert counting.counted == "deltagende kommuner"
    # keywords that end in "antal" count what they name first
    last = understand("ekstra dagplejere udvalgsseminar antal", index.analyzer, today=TODAY,
                      knows=index.knows)
    assert last.counted == "dagplejere"
    # the verb after what is counted is the question's verb, not its topic
    counted = understand("I hvor mange kommuner kørte man forsøget?", index.analyzer,
                         today=TODAY, knows=index.knows)
    assert counted.counted == "kommuner" and index.analyzer.stem("kørte") in counted.verbs


def test_the_verbs_of_a_period_frame_the_question() -> None:
    """"Hvor længe løber indsatsen?" is answered by "strækker sig over to skoleår": "løber"
    frames the period asked; in another question it is a word like any other."""
    index = _index({1: "Indsatsen strækker sig over to skoleår. Eleverne løber en tur."})
    assert _concept(index, "Hvor længe løber indsatsen?", "løber").importance < 0.5
    assert _concept(index, "Hvornår løber eleverne en tur?", "løber").importance >= 0.5


def test_a_line_ending_with_a_word_that_cannot_end_a_sentence_goes_on() -> None:
    """PDF lines wrap before capitals too: "en samlet plan for / Læring." is one sentence."""
    text = "Udvalget besluttede en samlet plan for\nLæring. Den 3. maj var der møde.\nStatus"
    assert [s.text(text) for s in sentence_spans(text)] == [
        "Udvalget besluttede en samlet plan for Læring.", "Den 3. maj var der møde.", "Status"]


@pytest.mark.parametrize(("sentence", "often"), [
    ("Der afholdes seks 1:1 ledelsesopfølgninger om året.", True),
    ("Der holdes 2 læringssamtaler pr. år.", True),
    ("Der er minimum 6 årlige ledelsesopfølgninger.", True),
    ("Der holdes seks ledelsesopfølgninger i alt.", False),
    ("Året bød på seks nye samtaler.", False),
])
def test_how_often_is_a_count_per_year(sentence: str, often: bool) -> None:
    assert (fact_strength(Intent.FREQUENCY, sentence) > 0) is often


def test_aimed_at_is_targeted() -> None:
    """"rettet mod" is what the minutes write as "målrettet"."""
    index = _index({1: "Projektet er målrettet familier med børn i alderen 0-6 år."})
    aimed = _concept(index, "Hvilken aldersgruppe er projektet rettet mod?", "rettet")
    assert index.analyzer.stem("målrettet") in {v.stem for v in aimed.variants}


@pytest.mark.parametrize(("sentence", "counted"), [
    ("Der deltager 21 elever fra udskolingen.", True),
    ("Der er tre elever i gruppen.", True),
    ("Gårdhaven etableres i skoleåret 2020/21 for udskolingens elever.", False),
    ("Der holdes 1:1 samtaler med eleverne.", False),
    ("Målingen viser at 75 % af de deltagende elever cykler.", True),  # a share of them
    ("Der kom 40 skoleelever og 3 lærere.", True),  # a compound ending so counts them
    ("Andelen af 9. klasseelever med karakteren 2 i dansk.", False),  # an ordinal
])
def test_a_school_year_an_ordinal_or_a_ratio_counts_nobody(sentence: str, counted: bool) -> None:
    analyzer = Analyzer()
    assert counts(analyzer, sentence, frozenset({analyzer.stem("elever")})) is counted


def test_what_was_asked_for_and_adverbs_of_time_are_no_topic() -> None:
    """"bad de også forvaltningen om noget bagefter": neither "noget" nor "bagefter" is what
    the question is about; "allerede" is no word of its own ("all")."""
    index = _index({1: "Udvalget ønsker et overslag fra forvaltningen over projektet."})
    q = understand("Bad de også forvaltningen om noget bagefter i projektet?", index.analyzer,
                   today=TODAY, knows=index.knows)
    assert "bagefter" not in q.topic
    already = understand("Hvorfor blev projektet ikke behandlet allerede?", index.analyzer,
                         today=TODAY, knows=index.knows)
    assert "allerede" not in already.topic


def test_do_you_know_and_how_many_more() -> None:
    """"Ved du, hvor mange flere elever …": the lead-in asks nothing, and "flere" is no
    noun; the elever are counted."""
    index = _index({1: "Der er behov for ca. 40 flere elever på skolen i 2024."})
    q = understand("Ved du, hvor mange flere elever skolen mangler i 2024?", index.analyzer,
                   today=TODAY, knows=index.knows)
    assert q.text.startswith("hvor mange flere elever")
    assert q.counted == "elever"


def test_a_grouped_number_before_a_noun_counts_it_and_is_no_sum() -> None:
    """"godt 10.000 lærere" counts teachers; "1.375.000 til kategori B" is a sum."""
    assert fact_strength(Intent.AMOUNT, "Programmet har godt 10.000 lærere.") == 0.0
    assert fact_strength(Intent.AMOUNT, "Der blev fundet 1.375.000 til kategori B.") == 1.0
    assert fact_strength(Intent.AMOUNT, "Sum 479.377 454.857") == 1.0


def test_a_year_is_no_age() -> None:
    assert fact_strength(Intent.AGE, "Planen dækker børn i alderen 0 - 16 år.") == 1.0
    assert fact_strength(Intent.AGE, "Modellen indføres i skoleåret 2024-25.") == 0.0
    assert fact_strength(Intent.AGE, "Gruppen har 12 medlemmer.") > 0  # a number, maybe


def test_what_came_up_under_an_item_and_its_abbreviation() -> None:
    """"hvad kom der under eventuelt": "kom" frames; "punkt" is written "pkt." too."""
    index = _index({1: "Eventuelt: intet. Temaet blev behandlet under pkt. 37."})
    came = _concept(index, "Hvad kom der under eventuelt?", "kom")
    assert came.importance < 0.5
    item = _concept(index, "Under hvilket punkt blev temaet behandlet?", "punkt")
    assert index.analyzer.stem("pkt") in {v.stem for v in item.variants}


def test_the_ordinary_committee_meeting_is_no_kind_of_meeting() -> None:
    index = _index({1: "Dagsorden for udvalgsmødet."})
    q = understand("Hvad var på dagsordenen på udvalgsmødet?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert q.meeting_kind is None
    kind = understand("Hvad var på dagsordenen på rådmandsmødet?", index.analyzer,
                      today=TODAY, knows=index.knows)
    assert kind.meeting_kind == "rådmandsmøde"


@pytest.mark.parametrize(("sentence", "often"), [
    ("Ordningen koster 1,5 mio. kr. om året.", False),
    ("Der holdes 2 samtaler pr. måned.", True),
])
def test_money_per_year_is_no_frequency(sentence: str, often: bool) -> None:
    assert (fact_strength(Intent.FREQUENCY, sentence) > 0) is often


def test_coming_and_going_lead_to_the_verb() -> None:
    """"Hvem kom og fortalte om X": the coming frames the question; X and the telling are
    what it asks about."""
    index = _index({1: "Orientering om havnebadet v. Jens Hansen. Han kom til mødet."})
    assert _concept(index, "Hvem kom og fortalte om havnebadet?", "kom").importance < 0.5
    assert _concept(index, "Hvornår kom havnebadet?", "kom").importance >= 0.5


def test_the_proposed_thing_is_what_is_asked() -> None:
    """"Hvad er den foreslåede bemanding af enheden?": the noun after the article and its
    adjective is asked about, and "foreslåede" only frames it."""
    index = _index({1: "Enheden bemandes med 3 fuldtidsstillinger. Det foreslåede budget."})
    q = understand("Hvad er den foreslåede bemanding af enheden?", index.analyzer,
                   today=TODAY, knows=index.knows)
    assert q.focus == "bemanding"
    assert _concept(index, "Hvad er den foreslåede bemanding af enheden?",
                    "foreslåede").importance < 0.5


def test_how_something_is_done_asks_its_verb() -> None:
    """"Hvordan skal enheden bemandes?": the staffing is what the answer must say."""
    index = _index({1: "Enheden bemandes med 3 fuldtidsstillinger. Enheden placeres i HR."})
    q = understand("Hvordan skal den nye enhed bemandes?", index.analyzer, today=TODAY,
                   knows=index.knows)
    assert q.focus == "bemandes"


def test_a_reported_question_has_its_subject_first() -> None:
    """"Er der en frist for, hvornår rapporten skal være vedtaget?": "rapporten" is what the
    question is about, not the verb of a second question; "…, hvornår kommer den?" has one."""
    index = _index({1: "Rapporten skal vedtages senest 31. marts. Den kommer i maj."})
    reported = understand("Er der en frist for, hvornår rapporten skal være vedtaget?",
                          index.analyzer, today=TODAY, knows=index.knows)
    assert index.analyzer.stem("rapporten") not in reported.verbs
    asked = understand("Rapporten er forsinket, hvornår kommer den?", index.analyzer,
                       today=TODAY, knows=index.knows)
    assert "kommer" in asked.verbs_asked


def test_turning_back_only_says_it_returns() -> None:
    """"Hvornår skal forvaltningen vende tilbage med et forslag?": the turning back frames
    the question, like "kommer tilbage"; "vender" elsewhere is a word like any other."""
    index = _index({1: "Forslaget præsenteres på udvalgsmødet 11.1.2021. Vinden vender."})
    assert _concept(index, "Hvornår skal forvaltningen vende tilbage med et forslag?",
                    "vende").importance < 0.5
    assert _concept(index, "Hvornår vender vinden?", "vender").importance >= 0.5


def test_a_decision_is_quoted_from_its_heading_not_from_the_word() -> None:
    """A long decision block quotes from its "Beslutninger:" heading on; the word
    "beslutningen" inside a sentence before it is no heading."""
    background = ("Vi spørger, om vi er på vej mod de formål, der blev beskrevet i forbindelse med "
                  "beslutningen – eller om der er behov for justeringer. ") * 8
    text = (f"{background}\nIndstilling om:\n1. At resultaterne drøftes.\n"
            "Beslutninger:\n• Havnebadet skal evalueres i udvalget.\n• Rådmanden godkendte.")
    quote = decision_quote(text)
    assert quote.startswith("Havnebadet skal evalueres i udvalget."), quote
    # the singular heading, after a bullet, too
    quote = decision_quote(text.replace("Beslutninger:", "\uf0b7 Beslutning:"))
    assert quote.startswith("Havnebadet skal evalueres i udvalget."), quote


def test_a_list_number_is_no_age() -> None:
    """"6. Fælles indsats …" numbers a point of a list; "børn i alderen 0-6 år" gives ages."""
    assert fact_strength(Intent.AGE, "6. Fælles indsats på tværs for børnene.") == 0
    assert fact_strength(Intent.AGE, "Målgruppen er børn i alderen 0-6 år.") == 1
    assert fact_strength(Intent.AGE, "Børn på 3 kan deltage.") > 0


def test_a_filler_that_restates_the_question_is_no_topic() -> None:
    """"…, altså hvor gamle er de?": "altså" only says the member rephrases."""
    q = understand("Hvem er havnebadet til, altså hvor gamle er de?", Analyzer(), today=TODAY)
    assert "altså" not in {t.surface for t in q.tokens}


def test_to_keep_on_is_to_go_on() -> None:
    """"Bliver kommunen ved med at …" finds "fortsat", as the minutes say it."""
    index = _index({1: "Vi følger fortsat havnebadet, men deltager ikke i flere initiativer.",
                    2: "Havnebadet er et netværk af kommuner."})
    q = understand("Bliver kommunen ved med at være med i havnebadet?", index.analyzer,
                   today=TODAY, knows=index.knows)
    concepts = {c.surface: c for c in build_concepts(q, index)}
    stems = {v.stem for c in concepts.values() if c.importance >= 0.5 for v in c.variants}
    assert index.analyzer.stem("fortsat") in stems, concepts


def test_who_raised_the_matter_asks_who_brought_it_up() -> None:
    """"hvem rejste sagen": the raising frames the question; it is no journey to find."""
    q = understand("Hvem rejste sagen om havnebadet?", Analyzer(), today=TODAY,
                   knows=lambda stem: True)
    assert q.intent is Intent.PERSON
    assert Analyzer().stem("rejste") in q.generic, q.generic


def test_an_unknown_compound_finds_its_parts_in_the_sentence_and_the_title() -> None:
    """"havnebadsbeslutningen" (unknown): "beslutning" in the sentence and "havnebad" in
    the item's title are all of it, at the title's factor; one part alone is less."""
    text = "Efter mødet fremsendes beslutning til kommunen. Beslutning om reoler udskydes."
    index = _index({1: text, 2: "Havnebadet åbner i juni."})
    q = understand("Hvor sendes havnebadsbeslutningen hen?", index.analyzer, today=TODAY,
                   knows=index.knows)
    picker = SentencePicker(index.analyzer, build_concepts(q, index), q.intent,
                            known=index.knows)
    with_title = picker.picks([Block(text, None, None, 1.0)], "Havnebad i Fjordby")
    without = picker.picks([Block(text, None, None, 1.0)], "Reoler i Fjordby")
    first = next(p for p in with_title if p.quote.startswith("Efter"))
    other = next(p for p in without if p.quote.startswith("Efter"))
    assert first.evidence > other.evidence + 0.1, (first.evidence, other.evidence)


def test_a_short_sentence_after_one_tells_with_it() -> None:
    """"… står forkert i materialet. Skal rettes til.": the short tail is quoted with the
    sentence, and its words count for it."""
    text = ("Materialet om havnebadet sendes ud i maj.\n\nDer står en forkert dato i "
            "materialet om havnebadet. Skal rettes til.")
    index = _index({1: text})
    q = understand("Hvad skal rettes i materialet om havnebadet?", index.analyzer,
                   today=TODAY, knows=index.knows)
    picker = SentencePicker(index.analyzer, build_concepts(q, index), q.intent,
                            known=index.knows)
    best = picker.picks([Block(text, None, None, 1.0)])[0]
    assert best.quote.startswith("Der står") and "rettes til" in best.quote, best.quote


def test_a_noun_in_el_finds_its_plural() -> None:
    """"ladcykel" finds "ladcykler" (the "e" of "-el" drops before an ending), and back,
    also where the minutes use both forms."""
    index = _index({1: "Indkøb af 5 ladcykler og 5 hjelme.", 2: "Tilbuddet skal bruge ladcykel."})
    assert set(_best(index, "indkøb ladcykel")[:1]) == {1}
    index = _index({1: "Tilbuddet skal bruge en ladcykel.", 2: "Tilbuddet skal bruge ladcykler."})
    q = understand("ladcyklerne", index.analyzer, today=TODAY)
    concept = build_concepts(q, index)[0]
    assert index.analyzer.stem("ladcykel") in {v.stem for v in concept.variants}, concept


def test_an_approval_to_come_is_the_event_a_time_is_asked_of() -> None:
    """"Hvornår skal byrådet godkende X": a time said of presenting X is no answer; an
    approval named only in the scene before the question is not the event asked of."""
    q = understand("Hvornår skal byrådet godkende planen om havnebadet?", Analyzer(),
                   today=TODAY, knows=lambda stem: True)
    assert q.event == "godkende"
    q = understand("Byrådet skal godkende planen. Hvornår skal havnebadet evalueres?",
                   Analyzer(), today=TODAY, knows=lambda stem: True)
    assert q.event is None


def test_a_participle_before_the_topic_is_part_of_it() -> None:
    """"om den godkendte lokalplan": the participle is the topic's; after the topic ("om
    lokalplanen behandles igen") the verb ends it."""
    q = understand("Hvad skete der med sagen om den godkendte lokalplan?", Analyzer(),
                   today=TODAY)
    assert {"godkendte", "lokalplan"} <= q.topic_words, q.topic_words
    q = understand("Hvornår skal sagen om lokalplanen behandles igen?", Analyzer(), today=TODAY)
    assert q.topic_words == {"lokalplanen"}, q.topic_words


def test_an_item_named_by_its_number_is_no_topic() -> None:
    """"jf. punkt 95", "under pkt. 27", "dagsordenspunkt 4", "sag nr. 3" name an item; a
    recommendation's "indstillingspunkt 3" or "punkt 2 i indstillingen" does not, and an
    amount ("punkt 1,5") is no item."""
    named = {
        "Hvor meget går til specialundervisning, jf. punkt 95?": {95},
        "Hvad står der under pkt. 27 om minimumsnormering?": {27},
        "Hvad handlede dagsordenspunkt 4 om?": {4},
        "Hvem fremlagde sag nr. 3?": {3},
        "Hvad besluttede rådmanden om indstillingspunkt 3?": set(),
        "Hvad står der i punkt 2 i indstillingen?": set(),
    }
    for question, items in named.items():
        q = understand(question, Analyzer(), today=TODAY)
        assert q.items == items, question
        assert all(str(n) not in {t.surface for t in q.tokens} for n in items), q.tokens


def test_where_it_is_said_is_no_topic() -> None:
    """"dialogmødet, som nævnes i historikken": the verb tells where it is said."""
    q = understand("Hvilken skole var vært for dialogmødet, som nævnes i historikken?",
                   Analyzer(), today=TODAY)
    assert "nævnes" not in {t.surface for t in q.tokens}, q.tokens
    q = understand("Hvilke skoler nævnes?", Analyzer(), today=TODAY)
    assert "nævnes" in {t.surface for t in q.tokens}, q.tokens


def test_a_verb_the_minutes_never_use_frames_the_question() -> None:
    """A colloquial verb in a verb's place ("punge ud med", "pøst ind i", "at hyre") frames
    the question when the minutes never use it; a noun they never use ("tilsagn") is what
    the question asks about, and so is a verb they do use."""
    index = _index({1: "Projektmidler fra Sundhedsstyrelsen 3,7 mio. kr. til Styrke på Tværs.",
                    2: "Udbuddet af samtaler til unge hos private aktører."})
    knows = index.knows

    def framing(question: str) -> set[str]:
        q = understand(question, index.analyzer, today=TODAY, knows=knows)
        return {t.surface for t in q.tokens if t.stem in q.generic}

    assert "punge" in framing("Hvad skal kommunen selv punge ud med til Styrke på Tværs?")
    assert "pøst" in framing("Hvor mange penge har staten egentlig pøst ind i Styrke på "
                             "Tværs?")
    assert "hyre" in framing("Hvad koster det at hyre private aktører til samtalerne?")
    assert "tilsagn" not in framing("Hvornår gav fonden tilsagn til projektet?")
    assert "hyre" not in framing("Hvornår skal hyre og løn aftales?")  # no verb's place


def test_how_a_passive_is_done_asks_of_its_subject() -> None:
    """"Hvordan dækkes den manglende besparelse": the saving is what is asked about."""
    q = understand("Hvordan dækkes den manglende besparelse i 2023?", Analyzer(), today=TODAY)
    assert q.focus == "besparelse", q.focus
    q = understand("Hvordan finansieres projektet?", Analyzer(), today=TODAY)
    assert q.focus == "projektet", q.focus


def test_a_rhetorical_remark_after_the_question_is_dropped() -> None:
    """"…? Er det ikke bare en omrokering?", "…? Det er vel ikke gratis?" ask nothing; a
    second question that asks ("…? Er det PPR, der skal lede den?") is kept."""
    q = understand("Hvilke afdelinger samles i den nye enhed? Er det ikke bare en omrokering?",
                   Analyzer(), today=TODAY)
    assert "omrokering" not in {t.surface for t in q.tokens}, q.tokens
    q = understand("Hvad koster projektet for kommunen? Det er vel ikke gratis?", Analyzer(),
                   today=TODAY)
    assert "gratis" not in {t.surface for t in q.tokens}, q.tokens
    q = understand("Hvem skal lede den nye enhed? Er det PPR's leder?", Analyzer(), today=TODAY)
    assert "ppr" in {t.surface for t in q.tokens} | set(q.second.lower().split()), q.tokens


def test_the_thought_behind_a_rule_asks_its_purpose() -> None:
    """"Hvad er tanken bag kravet om, at …" and "Hvad var ideen bag, at …" ask what it is for;
    "Hvad er tanken bag projektet?" asks what the project is."""
    for question in ("Hvad er tanken bag kravet om, at normeringen skal følge alderen?",
                     "Hvad var idéen bag, at kommunen meldte sig ind?"):
        q = understand(question, Analyzer(), today=TODAY)
        assert q.intent is Intent.REASON and q.aim, question
    q = understand("Hvad er tanken bag projektet?", Analyzer(), today=TODAY)
    assert q.intent is Intent.DESCRIBE, q.intent


def test_a_new_participle_finds_its_verb() -> None:
    """"nyankomne elever" finds "elever ankommet inden for de seneste år": "ny" before a
    participle the minutes never use, whose verb they do."""
    index = _index({1: "Elever ankommet inden for de seneste to år har krav på undervisning."})
    q = understand("Hvad har nyankomne elever krav på?", index.analyzer, today=TODAY,
                   knows=index.knows)
    concept = next(c for c in build_concepts(q, index) if c.surface == "nyankomne")
    assert index.analyzer.stem("ankommet") in {v.stem for v in concept.variants}, concept



def test_session_21_readings_where_they_must_not_apply() -> None:
    """The review's cases for how questions are read: "at-punkt 1" and "punkt 3 i
    kvalitetsrapporten" name no agenda item, "punkt 22 og 23" names two; a number or a
    genitive after a passive verb is not what is asked about; "Er det kun PPR?" asks; a
    plural "hvilke udfordringer" asks which; "den tidligere efteruddannelse" is no time."""
    def read(question: str) -> Question:
        return understand(question, Analyzer(), today=TODAY)

    assert read("Hvad besluttede rådmanden om at-punkt 1?").items == frozenset()
    assert read("Hvad står der under punkt 3 i kvalitetsrapporten?").items == frozenset()
    assert read("Hvad blev besluttet under punkt 22 og 23?").items == {22, 23}
    assert read("Hvad blev besluttet under punkt 27 på mødet?").items == {27}
    assert read("Hvordan fordeles de 2 mio. til dagplejen?").focus is None
    assert read("Hvordan måles elevernes trivsel?").focus == "trivsel"
    assert "ppr" in {t.surface for t in read("Hvem skal lede enheden? Er det kun PPR?").tokens}
    assert read("Hvilke udfordringer skal de 10 millioner løse?").intent is not Intent.REASON
    assert read("Hvilket problem skal de 10 millioner løse?").intent is Intent.REASON
    q = read("Hvad betyder den tidligere efteruddannelse for budgettet?")
    assert "tidligere" in q.topic.split() and not q.dates, q


def test_what_some_of_are_counted_is_the_noun_after_af() -> None:
    """"hvor mange af de deltagende kommuner": the kommuner are counted, not "af"."""
    q = understand("Hvor mange af de deltagende kommuner havde dagtilbud med?", Analyzer(),
                   today=TODAY)
    assert q.counted == "deltagende kommuner" and q.part_asked, q.counted
    q = understand("Hvor mange af besvarelserne kom fra friskolerne?", Analyzer(), today=TODAY)
    assert q.counted == "besvarelserne", q.counted
