"""The question engine over the seeds: declining, whole meetings, dates; and on an empty
store (SQLite and PostgreSQL): incremental indexing, replicas, closed items, the CLI."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from click.testing import CliRunner

from bot.cli import cli
from handlers.questions import QuestionRequest, clean_question, handle_question
from minutes.answer import Access, QuestionEngine
from minutes.model import (
    DocumentKind,
    ParsedDocument,
    ParsedItem,
    ParsedPassage,
    ParsedSection,
    SectionKind,
)
from storage.engine import Database
from storage.minutes_repo import save_document
from tests.questions_support import TODAY, engine, seeded_url

__all__ = ["engine", "seeded_url"]  # fixtures

seeded = pytest.mark.asyncio(loop_scope="module")

UNRELATED = [
    "Hvad har udvalget besluttet om et nyt rådhus?",
    "Hvornår åbner den nye svømmehal?",
    "Hvor mange vindmøller skal der stilles op ved Juelsminde?",
    "Hvad har udvalget besluttet om kommunens IT-system?",
    "Hvad koster en ny kunstgræsbane?",
    "Hvad blev besluttet om cykelstier ved skolerne?",
    "Hvor mange elever går på Stouby Skole?",
    "Hvem var formand for Teknik- og Miljøudvalget?",
]


@seeded
@pytest.mark.parametrize("question", UNRELATED)
async def test_declines_topics_the_minutes_do_not_mention(
    engine: QuestionEngine, question: str
) -> None:
    answer = await engine.answer(question, today=TODAY)
    assert not answer.answered, answer.text
    assert answer.citations == ()
    assert answer.to_json()["citations"] == []
    assert answer.text.startswith("Jeg fandt")
    assert "2. marts 2020 til 12. april 2023" in answer.text  # the range searched


@seeded
async def test_a_whole_meeting_lists_its_items_with_decisions(engine: QuestionEngine) -> None:
    answer = await engine.answer("Hvad blev behandlet på mødet den 30. november 2020?",
                                 today=TODAY)
    assert answer.answered and answer.intent == "overview"
    numbers = [c.item_number for c in answer.citations]
    assert sorted(numbers) == list(range(91, 101))  # 98 comes after 100 in the minutes
    assert all(c.meeting_date == dt.date(2020, 11, 30) for c in answer.citations)
    assert "Indstilling godkendt" in answer.text


@seeded
async def test_a_month_and_a_committee_name_a_meeting(engine: QuestionEngine) -> None:
    answer = await engine.answer("Hvad blev behandlet i Udvalget for Læring i april 2023?",
                                 today=TODAY)
    assert answer.answered
    assert {c.meeting_date for c in answer.citations} == {dt.date(2023, 4, 12)}


@seeded
async def test_no_meeting_on_that_day(engine: QuestionEngine) -> None:
    answer = await engine.answer("Hvad blev behandlet på mødet den 5. maj 2021?", today=TODAY)
    assert not answer.answered and "5. maj 2021" in answer.text


@seeded
async def test_chair_from_meeting_metadata(engine: QuestionEngine) -> None:
    answer = await engine.answer("Hvem var formand sidste år?", today=dt.date(2024, 3, 1))
    assert answer.answered and "Merete Skovgaard" in answer.text
    first = answer.citations[0]
    assert first.item_number is None and first.meeting_date == dt.date(2023, 4, 12)
    answer = await engine.answer("Hvem var formand i 2020?", today=TODAY)
    assert "Ole Vind" in answer.text
    # the chair of another body is not the committee's
    answer = await engine.answer("Hvem er formand for den nye styregruppe i Hedensted?",
                                 today=TODAY)
    assert "Merete Skovgaard" not in answer.text and "Ole Vind" not in answer.text, answer.text
    answer = await engine.answer("Hvem var formand for Udvalget for Læring i 2020?", today=TODAY)
    assert "Ole Vind" in answer.text


@seeded
async def test_meeting_date_restricts_the_search(engine: QuestionEngine) -> None:
    answer = await engine.answer("Hvad besluttede udvalget om dialogmøder på mødet i marts 2020?",
                                 today=TODAY)
    # the 2023 item about dialogue meetings is outside March 2020
    assert not answer.citations or answer.citations[0].document.startswith("000")


@seeded
async def test_history_is_never_the_decision(engine: QuestionEngine) -> None:
    answer = await engine.answer("Hvad blev besluttet om Program for læringsledelse?",
                                 today=TODAY)
    assert answer.answered
    assert answer.citations[0].item_number == 21
    assert "udskydes" not in answer.citations[0].quote  # the earlier meeting's decision


@seeded
async def test_handler_returns_plain_data(engine: QuestionEngine) -> None:
    reply = await handle_question(
        engine, QuestionRequest("<at>Referatbot</at> Hvor mange penge går til megaklasser?"),
        today=TODAY)
    assert reply.answered and "1.725" in reply.text
    assert reply.citations[0]["item_number"] == 95
    assert "Kilde:" in reply.text
    assert clean_question("<at>Bot</at>  hej <b>du</b> ") == "hej du"


def test_cli_ask_prints_the_json_contract(
    seeded_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFERATBOT_DATABASE_URL", seeded_url)
    result = CliRunner().invoke(cli, ["ask", "Fra hvornår gælder minimumsnormeringen?",
                                      "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["answered"] is True
    first = payload["citations"][0]
    assert first["document"].startswith("002") and first["item_number"] == 27
    assert first["meeting_date"] == "2023-04-12"
    assert "1. januar 2024" in first["quote"]
    result = CliRunner().invoke(cli, ["ask", "Hvornår åbner den nye svømmehal?"])
    assert result.exit_code == 0 and result.output.startswith("Jeg fandt intet")


# ---- on an empty store, SQLite and PostgreSQL ---------------------------------------------


def _fjordby(day: dt.date, item: ParsedItem) -> ParsedDocument:
    """Fictional minutes of a fictional committee with one item."""
    return ParsedDocument(
        kind=DocumentKind.HEDENSTED,
        municipality="Fjordby Kommune",
        committee="Udvalget for Kultur og Fritid",
        meeting_date=day,
        chair="Anna Holm",
        items=[item],
    )


def _minutes(day: int, decision: str, *, topic: str = "kunstgræsbane",
             closed: bool = False) -> ParsedDocument:
    return _fjordby(dt.date(2026, 3, day), ParsedItem(
        number=4, title=f"Ny {topic} ved hallen", closed=closed,
        sections=[
            ParsedSection(SectionKind.BESLUTNINGSTEMA, f"Udvalget skal tage stilling til en "
                          f"{topic} ved hallen."),
            ParsedSection(SectionKind.OEKONOMI, f"Anlægget af {topic}n koster 2,4 mio. kr."),
            ParsedSection(SectionKind.BESLUTNING, decision),
        ],
    ))


async def _save(db: Database, name: str, digest: str, parsed: ParsedDocument) -> None:
    async with db.transaction() as session:
        await save_document(session, file_name=name, content_hash=digest, parsed=parsed)


async def _save_item(db: Database, day: dt.date, item: ParsedItem) -> None:
    """Fictional minutes of one meeting with one item."""
    await _save(db, f"punkt-{item.number}-{day}.txt", f"{day}-{item.number}", _fjordby(day, item))


async def test_a_new_meeting_is_found_at_once_and_replicas_converge(db: Database) -> None:
    first, replica = QuestionEngine(db), QuestionEngine(db)
    question = "Hvad blev besluttet om kunstgræsbanen?"
    assert not (await first.answer(question, today=TODAY)).answered
    assert not (await replica.answer(question, today=TODAY)).answered

    await _save(db, "fjordby.txt", "h1", _minutes(4, "Indstilling godkendt."))
    for engine_ in (first, replica):
        answer = await engine_.answer(question, today=TODAY)
        assert answer.answered, answer.text
        assert answer.citations[0].document == "fjordby.txt"
        assert answer.citations[0].quote == "Indstilling godkendt."
    units = first.index.unit_count

    # the same file changed: replaced, not added twice
    await _save(db, "fjordby.txt", "h2", _minutes(4, "Sagen udsættes til næste møde."))
    answer = await first.answer(question, today=TODAY)
    assert answer.citations[0].quote == "Sagen udsættes til næste møde."
    assert first.index.unit_count == units
    assert not await first.refresh()  # nothing new: one cheap query, no work

    amount = await replica.answer("Hvad koster kunstgræsbanen?", today=TODAY)
    assert "2,4 mio" in amount.citations[0].quote


async def test_closed_items_only_for_those_who_may_see_them(db: Database) -> None:
    await _save(db, "lukket.txt", "h3", _minutes(5, "Godkendt.", topic="personalesag",
                                                closed=True))
    engine_ = QuestionEngine(db)
    question = "Hvad blev besluttet om personalesagen?"
    assert (await engine_.answer(question, today=TODAY)).answered
    assert not (await engine_.answer(question, today=TODAY, access=Access.public())).answered
    committee = engine_.documents[next(iter(engine_.documents))].committee_id
    assert committee is not None
    member = Access.members_of(frozenset({committee}))
    assert (await engine_.answer(question, today=TODAY, access=member)).answered
    # named by its number, a closed item says that it is one, to those who may not see it
    by_number = "Hvad blev besluttet under punkt 4?"
    hidden = await engine_.answer(by_number, today=TODAY, access=Access.public())
    assert "Lukket punkt" in hidden.text and "personalesag" not in hidden.text, hidden.text
    assert not hidden.citations
    shown = await engine_.answer(by_number, today=TODAY, access=member)
    assert "personalesag" in shown.text and "Godkendt" in shown.text, shown.text


@seeded
async def test_why_quotes_the_sentence_that_gives_the_reason(engine: QuestionEngine) -> None:
    """The sentence that restates what is asked is not the answer to "hvorfor"."""
    answer = await engine.answer(
        "Hvorfor deltager Hedensted ikke i flere initiativer under Småbørnsløftet?", today=TODAY)
    assert answer.answered and answer.citations[0].item_number == 92
    quote = answer.citations[0].quote
    assert "Derfor" in quote or "fordi" in quote, quote
    assert "ikke i flere" not in quote, quote


def _playground() -> ParsedDocument:
    """Fictional minutes whose sentences carry numbers, roles and abbreviations, but no
    person's name."""
    return _fjordby(dt.date(2026, 5, 6), ParsedItem(
        number=7, title="Ny legeplads ved Skovbørnehaven",
        sections=[
            ParsedSection(SectionKind.SAGSFREMSTILLING,
                          "Legepladsen ved Skovbørnehaven får et NEST-lignende hjørne for "
                          "de mindste. Dagplejerne kan bruge den 2 timer ekstra om ugen. "
                          "Der ansættes 3 pædagoger i sommerferien. Andelen af børn, der "
                          "bruger legepladsen hver dag, er 64 %. Forældrenes "
                          "tilfredshed med legepladsen blev målt i 2025."),
            ParsedSection(SectionKind.KOMMUNIKATION,
                          "Forældrebestyrelsen orienteres om udvalgets beslutning."),
            ParsedSection(SectionKind.BESLUTNINGSTEMA, "Forældreundersøgelsen"),
            ParsedSection(SectionKind.BILAG, "Resultaterne af forældreundersøgelsen."),
            ParsedSection(SectionKind.BESLUTNING, "Indstilling godkendt."),
        ],
    ))


async def test_who_and_how_many_need_the_fact_asked_for(db: Database) -> None:
    """"Hvem" is answered by someone the sentence names (a person or a body), and "hvor mange
    ekstra X" by a number of X; otherwise the engine declines."""
    await _save(db, "legeplads.txt", "h4", _playground())
    engine_ = QuestionEngine(db)

    who = await engine_.answer("Hvem skal orienteres om legepladsen ved Skovbørnehaven?",
                               today=TODAY)
    assert who.answered and "Forældrebestyrelsen" in who.citations[0].quote, who.text
    # "NEST-lignende" is an abbreviation inside a word, not someone's initials
    leader = await engine_.answer("Hvem er leder af Skovbørnehaven?", today=TODAY)
    assert not leader.answered, leader.text
    assert leader.citations == ()

    staff = await engine_.answer("Hvor mange pædagoger ansættes ved Skovbørnehaven?",
                                 today=TODAY)
    assert staff.answered and "3 pædagoger" in staff.citations[0].quote, staff.text
    # "2 timer ekstra" does not count dagplejere
    extra = await engine_.answer("Hvor mange ekstra dagplejere får adgang til legepladsen "
                                 "ved Skovbørnehaven?", today=TODAY)
    assert not extra.answered, extra.text


@seeded
async def test_an_attachment_cites_the_item_it_is_filed_under(engine: QuestionEngine) -> None:
    answer = await engine.answer("Hvor mange høringssvar om rammen for kvalitetsopfølgning "
                                 "handlede om skoleområdet?", today=TODAY)
    assert answer.answered, answer.text
    first = answer.citations[0]
    assert first.document.startswith("003") and "36" in first.quote, first
    assert first.section is not None and first.section.startswith("Punkt 2, Bilag")
    assert first.item_number == 2 and first.item_title is None


async def test_a_measure_needs_its_value(db: Database) -> None:
    """"Hvad er andelen …", "hvad var tilfredsheden …" ask for a value: the sentence must give
    a number next to the measure (a year or a list number is none)."""
    await _save(db, "legeplads.txt", "h5", _playground())
    engine_ = QuestionEngine(db)
    share = await engine_.answer("Hvad er andelen af børn der bruger legepladsen ved "
                                 "Skovbørnehaven hver dag?", today=TODAY)
    assert share.answered and "64 %" in share.citations[0].quote, share.text
    satisfaction = await engine_.answer("Hvad var forældrenes tilfredsheden med legepladsen "
                                        "ved Skovbørnehaven?", today=TODAY)
    assert not satisfaction.answered, satisfaction.text


async def test_a_title_name_in_lower_case_must_be_named(engine: QuestionEngine) -> None:
    """"styrke på tværs" is the project of that name even in lower case: a passage that
    shares only the everyday word "styrke" does not answer for it."""
    answer = await engine.answer("hvilken aldersgruppe er styrke på tværs rettet mod",
                                 today=TODAY)
    assert not answer.answered or answer.citations[0].document.startswith("000"), answer.text


async def test_a_decision_on_a_numbered_recommendation_is_about_it(
        engine: QuestionEngine) -> None:
    """In Aarhus' minutes "Rådmanden godkendte indstillingspunkt 3 … drøfte emnet": the
    topic is the third numbered recommendation above, which the sentence does not repeat."""
    answer = await engine.answer("hvor tit skal chefteamet drøfte tiltrækning og "
                                 "fastholdelse af elever", today=TODAY)
    assert answer.answered and "en gang årligt" in answer.citations[0].quote, answer.text


async def test_a_question_of_framing_words_only_is_answered_by_an_item_titled_so(
        engine: QuestionEngine) -> None:
    """"Er referatet godkendt?" has only words that usually frame a question; the item
    "Godkendelse af referat" is about exactly those. A vaguer question is not answered."""
    answer = await engine.answer("Er referatet blevet godkendt?", today=TODAY)
    assert answer.answered and "Referatet blev godkendt" in answer.text, answer.text
    for vague in ("Blev det godkendt?", "Blev punktet godkendt på mødet?"):
        assert not (await engine.answer(vague, today=TODAY)).answered


async def test_a_heading_or_an_attachment_name_that_restates_the_question_answers_nothing(
    db: Database,
) -> None:
    await _save(db, "legeplads.txt", "h6", _playground())
    engine_ = QuestionEngine(db)
    answer = await engine_.answer("Hvad viste forældreundersøgelsen?", today=TODAY)
    assert not answer.answered, answer.text


def _harbour() -> ParsedDocument:
    """Fictional minutes about a harbour bath: a frequency, a share, a grant under another
    word, a decision held on to, a reason given before a consequence."""
    return _fjordby(dt.date(2026, 6, 3), ParsedItem(
        number=12, title="Havnebadet i Fjordby",
        sections=[
            ParsedSection(SectionKind.SAGSFREMSTILLING,
                          "Havnebadet i Fjordby åbnede i 2024. Livredderne på havnebadet "
                          "skal gennemgå sikkerheden to gange om året. Andelen af "
                          "badegæster fra andre kommuner er 31 %. Projektmidler fra "
                          "Friluftsrådet 2,4 mio. kr. til havnebadet i 2024-2026. "
                          "Vandkvaliteten var dårlig i juli, fordi et regnvandsbassin "
                          "løb over. Havnebadet blev derfor lukket i fire dage. "
                          "Udvalget ønsker en badebus til havnebadet. Idéen går ud på, "
                          "at en elbus kører gæster fra stationen hver time. Naboerne "
                          "klagede over støj fra scenen. På baggrund af klagerne udgår "
                          "koncerterne på havnebadet. Driften af havnebadet varetages "
                          "af FKU og HBF. Havnebadet har 6 livreddere, alle "
                          "certificerede og erfarne. Livreddernes chef er Jens "
                          "Madsen. Scenen på "
                          "havnebadet er ny og kostede 120.000 kr. Sommerfesten for "
                          "havnebadet blev en stor succes med mange gæster. Udvalget "
                          "takkede for sommerfesten, der blev holdt på Fjordby Rådhus. "
                          "Vandprøver fra havnebadet tages i ulige år. I folderen om "
                          "havnebadet står, at saunaen er gratis. Skal rettes til. "
                          "Resultaterne af brugerundersøgelsen præsenteres ved Karen "
                          "Lund. "
                          "Åbningstiden på havnebadet er i sommerferien 14 timer om dagen "
                          "fra 1. juli. Åbningstiden på havnebadet forlænges med 2 timer. "
                          "Havnebadet har fire badezoner. Udvalget peger på tre nye "
                          "tiltag på havnebadet: a) en sauna; b) en kiosk; c) bænke. "
                          "Reglerne for havnebadet er:\n1. Ingen glas på broen\n"
                          "2. Hunde i snor.\nAnna Berg (AB) fra svømmeklubben deltog. "
                          "AB fremlagde planen for vinterbadning på havnebadet.\n\n"
                          "Projektidé: Saunaflåde\n\nAnsøger: Fjordby Vinterbadere\n\n"
                          "Status: Aktiv"),
            ParsedSection(SectionKind.BESLUTNING,
                          "Udvalget fastholder åbningstiderne for havnebadet."),
            ParsedSection(SectionKind.BILAG, "HBU oplæg udvalget\nBilag/HBU_oplaeg.pdf"),
        ],
    ))


async def test_how_often_how_high_and_words_the_minutes_put_otherwise(db: Database) -> None:
    """General mechanisms on one fictional item; each positive check is paired with a
    decline: kinds of question that need their fact (frequency, value, amount, place, list,
    name, description), words put otherwise (synonyms, particles, typos), reasons before
    their consequence, record fields, initials, and a decline that says what is missing."""
    await _save(db, "havnebad.txt", "h7", _harbour())
    engine_ = QuestionEngine(db)

    async def ask(question: str) -> str:
        answer = await engine_.answer(question, today=TODAY)
        return answer.citations[0].quote if answer.answered else ""

    assert "to gange om året" in await ask("Hvor tit skal livredderne på havnebadet i Fjordby "
                                           "gennemgå sikkerheden?")
    assert "31 %" in await ask("Hvor høj er andelen af badegæster fra andre kommuner?")
    assert "2,4 mio" in await ask("Hvor stort et tilskud fik havnebadet?")
    assert "fastholder" in await ask("Holder vi fast i åbningstiderne for havnebadet?")
    assert "regnvandsbassin" in await ask("Hvorfor blev havnebadet lukket?")
    assert "elbus" in await ask("Hvad går badebussen ud på?")
    # "røg … ud" is "udgå"; "på baggrund af klagerne" is quoted with what they said
    assert "støj" in await ask("Hvorfor røg koncerterne ud af havnebadet?")
    # a typo of a word the minutes use
    assert "to gange om året" in await ask("Hvor tit skal livdredderne på havnebadet "
                                           "gennemgå sikkerheden?")
    # "hvem er chef/leder": a person's name, not a body's initials
    assert "Jens Madsen" in await ask("Hvem er chef for livredderne på havnebadet?")
    assert await ask("Hvem er leder af driften på havnebadet?") == ""
    # "hvem leder …" is the verb: a body may lead
    assert "FKU og HBF" in await ask("Hvem leder driften af havnebadet?")
    # "hvad er budgettet": an amount
    assert "120.000 kr." in await ask("Hvad er budgettet for scenen?")
    assert await ask("Hvad er prisen på saunaen?") == ""
    # "hvor blev … holdt": the sentence that gives a place
    assert "Fjordby Rådhus" in await ask("Hvor blev sommerfesten for havnebadet holdt?")
    assert "ulige år" in await ask("Hvor ofte tages vandprøver fra havnebadet?")
    # "HBU" is named only by an attachment of the item
    assert "Karen Lund" in await ask("Hvem præsenterede HBU resultaterne på havnebadet?")
    # "hvor meget længere": a change by an amount, not the length itself
    assert "med 2 timer" in await ask("Hvor meget længere er åbningstiden på havnebadet?")
    # "fejl" ~ "rettes"; a very short sentence after the quoted one goes with it
    assert "gratis. Skal rettes til." in await ask("Hvilken fejl i folderen om havnebadet "
                                                   "skulle rettes?")
    # "hvilke fire badezoner": only a list answers
    assert "sauna" in await ask("Hvilke tre tiltag peger udvalget på for havnebadet?")
    assert await ask("Hvilke fire badezoner har havnebadet?") == ""
    # "hvad hedder …" asks a person's name; a place ("Fjordby Rådhus") is none
    assert "Jens Madsen" in await ask("Hvad hedder livreddernes chef på havnebadet?")
    assert await ask("Hvad hedder værten for sommerfesten på havnebadet?") == ""
    # a topic the minutes mention without the fact asked for: the decline says which
    benches = await engine_.answer("Hvor mange bænke får havnebadet?", today=TODAY)
    assert not benches.answered and benches.citations == ()
    assert "men ikke antallet" in benches.text and "bænke" in benches.text, benches.text
    assert "men ikke" not in (await engine_.answer("Hvor mange vipper får svømmehallen?",
                                                   today=TODAY)).text
    # initials in the quote are spelled out from where the minutes give them
    plan = await engine_.answer("Hvem fremlagde planen for vinterbadning?", today=TODAY)
    assert plan.answered and "AB = Anna Berg" in plan.text, plan.text
    # a record's field answers for the record named in the fields above it
    assert "Fjordby Vinterbadere" in await ask("Hvem har søgt om en saunaflåde på havnebadet?")
    # a numbered list: the lead-in is quoted with its entries
    rules = await ask("Hvilke regler gælder for havnebadet?")
    assert "Ingen glas" in rules and "Hunde i snor" in rules, rules
    assert "6 livreddere" in await ask("Hvor mange certificerede-erfarne livreddere har "
                                       "havnebadet?")
    deputy = await engine_.answer("Hvem er næstformand i Udvalget for Kultur og Fritid?",
                                  today=TODAY)
    assert not deputy.answered and "Anna Holm" not in deputy.text, deputy.text


def _library() -> ParsedDocument:
    """Fictional minutes about a library: an earlier meeting's decision in the item's
    history, funds counted in money, a programme's title in quotation marks, a sentence
    that asks rather than tells, towns that are to be told, a change without a reason."""
    return _fjordby(dt.date(2026, 9, 2), ParsedItem(
        number=7, title="Nyt bibliotek i Fjordby",
        sections=[
            ParsedSection(SectionKind.SAGSFREMSTILLING,
                          "Biblioteket flytter til havnen i 2027. Der er afsat 300.000 kr. af "
                          "kommunens anlægsmidler til nye reoler på biblioteket. Læseklubben "
                          "på biblioteket følger programmet ”Gode Læsere”. Hvilke "
                          "forfattere biblioteket inviterer, besluttes i efteråret. "
                          "Nabobyerne skal orienteres om flytningen af biblioteket. "
                          "Flytningen af biblioteket finansieres af puljen til byudvikling. "
                          "Budgettet blev vedtaget af byrådet den 10. oktober 2025. "
                          "I udlånet sidder 3 bibliotekarer om lørdagen. Der er ansat en ny "
                          "leder af biblioteket. "
                          "Det anbefales at søge midler i Kulturfonden til en læsecafé. "
                          "Brugerundersøgelsen skal belyse lånernes ønsker til åbningstiden. "
                          "Der er afsat 50.000 kr. i budget 2026 til nye computere. "
                          "Sprogcaféen ledes af Inkluderende Fællesskaber. "
                          "Musikrummet males i marts 2027. "
                          "Læsemålingen viste, at 80 % af lånerne læser dagligt, og "
                          "biblioteket skal give dem flere bøger. "
                          "Fire af de 12 filialer har aftenåbent på biblioteket. Biblioteket "
                          "har 12 filialer. "
                          "Udvalget drøftede bygningen på mødet den 3. marts 2026. Udvalget "
                          "besluttede, at mødelokalerne skulle males. Den 9. marts 2026 var "
                          "der åbent hus. "
                          "Forfatteraftenen den 20. september 2026 holdes på Hovedbiblioteket. "
                          "Læsesalen på biblioteket skal have nye IT-arbejdspladser til "
                          "studerende. Forvaltningen anslår, at den omtalte ombygning koster "
                          "2 mio. kr. Dertil kommer rengøring af studiepladserne for 40.000 kr. "
                          "om året. "
                          "Åbningstiden på biblioteket blev ændret i maj. Indvielsen af "
                          "biblioteket er den 14. august 2027. Receptionen for det nye "
                          "bibliotek holdes på Havnekontoret. Udlånet fra biblioteket "
                          "steg med 12 % i 2025. Bibliotekarerne på biblioteket holder 1:1 "
                          "vejledninger af nye lånere. Det bliver til fire 1:1 vejledninger "
                          "om ugen. Bogbussen fra biblioteket kører i ulige år. Udvalget "
                          "valgte Fjordby Læseforening og Ung Linje som partnere for "
                          "bogcaféen. Biblioteket vil i december udvælge nye leverandører "
                          "af e-bøger. Udgifterne til biblioteket afholdes inden for "
                          "udvalgets budgetramme."),
            ParsedSection(SectionKind.BESLUTNING, "Sagen sendes i høring.",
                          heading="Udvalget for Kultur og Fritid, 14. maj 2026, pkt. 9:",
                          is_history=True),
            ParsedSection(SectionKind.BESLUTNING, "Punktet udsættes til næste møde.",
                          heading="Udvalget for Kultur og Fritid, 4. maj 2026, pkt. 3:",
                          is_history=True),
            ParsedSection(SectionKind.INDSTILLING, "At biblioteket i Fjordby får lørdagsåbent."),
            ParsedSection(SectionKind.BESLUTNING, "Indstillingen er godkendt."),
        ],
    ))


def _undated_plan() -> ParsedDocument:
    """An undated action plan filed under no committee: a question that names a day finds
    it by the day it gives, one that names a committee by what it says the committee did.
    The sections of its chapter on money tell the amount in one, what it is for in another."""
    return ParsedDocument(
        kind=DocumentKind.PLAIN, municipality="Fjordby Kommune", title="Handleplan for læsning",
        passages=[ParsedPassage("Tidsplan", "Nabokommunerne skal orienteres om læseplanen "
                                            "efter den 17. marts. Læseplanen for 2026/27 "
                                            "lægger vægt på højtlæsning, som 26 skoler "
                                            "prøvede i 2025. Udvalget for Kultur og "
                                            "Fritid holdt temadag om højtlæsning den 3. "
                                            "februar 2026.", kind="text"),
                  ParsedPassage("2: Økonomi – Baggrund", "Der er en forventning om 4 mio. kr. "
                                                        "i ubalance.", kind="text"),
                  ParsedPassage("2: Økonomi – Tiltag", "Ubalancen skyldes lektiecaféen.",
                                kind="text"),
                  ParsedPassage("3: Lokaler – Tiltag", "Skolebiblioteket får nye reoler.",
                                kind="text")],
    )


def _bike_library() -> ParsedDocument:
    """An attachment over two pages: what it is on one, its time plan on the other; and
    another attachment that says when something else is tested."""
    label = "Punkt 3, Bilag 1: Forslag om cykelbibliotek"
    return ParsedDocument(
        kind=DocumentKind.PLAIN, municipality="Fjordby Kommune", title="Cykelbibliotek",
        passages=[
            ParsedPassage(label, "Cykelbiblioteket låner ladcykler ud til børnehaver i "
                                 "Fjordby.", kind="attachment", page=1),
            ParsedPassage(label, "Tidsplan. Test af cykelbiblioteket forventes i maj - juni "
                                 "2027.", kind="attachment", page=2),
            ParsedPassage("Punkt 3, Bilag 2: Bogbus", "Test af bogbussen sker i 2028.",
                          kind="attachment", page=3),
        ],
    )


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def library(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[QuestionEngine]:
    """An engine over the fictional library item and the undated plan (SQLite)."""
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('library') / 'referatbot.db'}")
    await db.upgrade()
    await _save(db, "bibliotek.txt", "h8", _library())
    await _save(db, "plan.txt", "h10", _undated_plan())
    await _save(db, "cykler.txt", "h11", _bike_library())
    try:
        yield QuestionEngine(db)
    finally:
        await db.dispose()


# (question, a phrase the answer must have, or None: the question must be declined)
LIBRARY_CASES: list[tuple[str, str | None]] = [
    # a day that is no meeting of the minutes, but an earlier one in the item's history;
    # "4. maj" is not "14. maj"
    ("Hvad skete der med punktet om biblioteket på mødet den 4. maj 2026?",
     "udsættes til næste møde"),
    ("Hvad skete der med punktet om biblioteket på mødet den 14. maj 2026?",
     "sendes i høring"),
    # a month names the earlier meetings in it; the answer gives the day
    ("Hvad skete der med punktet om biblioteket i maj 2026?", "Beslutning den 14. maj 2026"),
    # "hvorfor" about an earlier meeting whose decision gives no reason: declined, quoting it
    ("Hvorfor blev punktet om biblioteket udsat på mødet den 4. maj 2026?",
     "kun beslutningen den 4. maj 2026: »Punktet udsættes til næste møde.«"),
    ("Hvad blev besluttet om det nye bibliotek i Fjordby?", "Indstillingen er godkendt"),
    # "hvad var indstillingen": the recommendation, with the decision made on it
    ("Hvad var indstillingen om det nye bibliotek i Fjordby?", "får lørdagsåbent"),
    ("Hvad indstillede administrationen om biblioteket i Fjordby?", "får lørdagsåbent"),
    # "hvor mange anlægsmidler" asks for money
    ("Hvor mange anlægsmidler er der afsat til reoler på biblioteket?", "300.000 kr."),
    # a title in quotation marks is no person's name
    ("Hvem er leder af læseklubben på biblioteket?", None),
    # a sentence that asks ("Hvilke forfattere …, besluttes …") does not tell
    ("Hvilke forfattere inviterer biblioteket?", None),
    # towns are someone who can be told
    ("Hvem skal orienteres om flytningen af biblioteket?", "Nabobyerne"),
    # "hvad koster" needs kroner; a percentage answers "hvor meget steg"
    ("Hvor meget steg udlånet fra biblioteket i 2025?", "12 %"),
    ("Hvad koster udlånet?", None),
    # "den omtalte ombygning" is the one the sentence before describes
    ("Hvad koster IT-arbejdspladserne til studerende i læsesalen?", "2 mio. kr."),
    # besides the noun counted, what the question says of it must be there too
    ("Hvor mange bibliotekarer sidder i udlånet om lørdagen?", "3 bibliotekarer"),
    ("Hvor mange bibliotekarer er ansat i alt?", None),
    # the action priced must be the one asked: the money is for shelves, not for moving
    ("Hvad vil det koste at flytte reolerne på biblioteket?", None),
    ("Hvad kostede flytningen af reolerne på biblioteket?", None),
    # "i hvilke år": years that recur answer too
    ("I hvilke år kører bogbussen fra biblioteket?", "ulige år"),
    # who or what was chosen: a sentence saying the choice was made, naming the chosen
    ("Hvilke partnere blev valgt til bogcaféen?", "Ung Linje"),
    ("Hvilke leverandører af e-bøger blev valgt?", None),
    ("Hvilke partnere fik opgaven med bogcaféen?", "Ung Linje"),
    ("Hvilke leverandører fik kontrakten på e-bøger?", None),
    ("Hvilken leverandør af e-bøger vandt udbuddet?", None),
    # "hvad er den samlede budgetramme": an amount, not where the money comes from
    ("Hvad er den samlede budgetramme for biblioteket?", None),
    # "1:1" is no count
    ("Hvor mange 1:1 vejledninger holdes der på biblioteket?", "fire 1:1"),
    # "hvilken dato" needs a day, not a month
    ("Hvilken dato er indvielsen af biblioteket?", "14. august"),
    ("Hvilken dato blev åbningstiden på biblioteket ændret?", None),
    # "hvor … holdt" with many words, a date among them, between: a place
    ("Hvor skal receptionen for det nye bibliotek den 14. august holdes?",
     "Havnekontoret"),
    # "hvorfor" needs a reason; the minutes give none
    ("Hvorfor blev åbningstiden på biblioteket ændret?", None),
    # where the money comes from: a sentence that says how it is paid, else nothing
    ("Hvor skal pengene til flytningen af biblioteket komme fra?", "puljen til byudvikling"),
    ("Hvordan finansieres læseplanen?", None),
    # a sentence that has only the verb asked ("vedtaget") and a date is not about it
    ("Hvornår vedtog byrådet læseklubben?", None),
    # how it turned out is not in minutes that only hold the plan, or predate the event
    ("Fik biblioteket penge fra Kulturfonden til læsecaféen?", "kun hvad der var lagt op til"),
    ("Hvor blev forfatteraftenen den 20. september 2026 til sidst holdt?",
     "før 20. september 2026"),
    ("Hvor holdes forfatteraftenen den 20. september 2026?", "Hovedbiblioteket"),
    # a budget year asked is that year's budget, not another's
    ("Hvor meget er afsat i budget 2026 til nye computere?", "50.000 kr."),
    ("Hvor meget er afsat i budget 2027 til nye computere?", None),
    # "hvornår åbner X": the time of the opening, not of something else done to X
    ("Hvornår åbner musikrummet?", None),
    ("Hvornår flytter biblioteket?", "2027"),
    ("Hvornår står musikrummet færdigt?", None),
    # a result told, with a plan beside it, is what it showed
    ("Hvad viste læsemålingen om lånerne?", "80 %"),
    # a body whose name starts with an adjective is no person
    ("Hvem er leder af sprogcaféen?", None),
    # "hvem skal lede X": partners chosen for X do not lead it
    ("Hvem skal lede bogcaféen?", None),
    # "4 af de 12 filialer" counts some of them
    ("Hvor mange filialer har biblioteket?", "»Biblioteket har 12 filialer.«"),
    ("Hvor mange af filialerne har aftenåbent?", "Fire af de 12 filialer"),
    # what a survey showed is not what it is to show
    ("Hvad viste brugerundersøgelsen om lånernes ønsker til åbningstiden?",
     "kun hvad der var lagt op til"),
    ("Hvad var resultatet af brugerundersøgelsen om lånernes ønsker til åbningstiden?",
     "kun hvad der var lagt op til"),
    # a school year names one plan: not the plan for another year
    ("Hvad lægger læseplanen for 2026-27 vægt på?", "højtlæsning"),
    ("Hvad lægger læseplanen for 2025-26 vægt på?", None),
    # a day that is no meeting: undated documents that give the day are searched too
    ("Hvem skal orienteres om læseplanen efter den 17. marts?", "Nabokommunerne"),
    # the pages of one attachment cover the question together, another attachment does not
    ("Hvornår skal cykelbiblioteket med ladcykler testes?", "maj - juni 2027"),
    ("Hvornår skal bogbussen med ladcykler testes?", None),
    # ... and so do the sections of a plan's chapter; another chapter does not
    ("Hvor stor er ubalancen på lektiecaféen?", "4 mio. kr."),
    ("Hvor stor er ubalancen på skolebiblioteket?", None),
    # a year with no meeting: an undated plan that mentions the year answers
    ("Hvor mange skoler prøvede højtlæsning i 2025?", "26 skoler"),
    # a committee named: a plan filed under no committee, in its municipality, may tell
    ("Hvornår holdt Udvalget for Kultur og Fritid temadag om højtlæsning?",
     "3. februar 2026"),
]


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize(("question", "expected"), LIBRARY_CASES,
                         ids=[q for q, _ in LIBRARY_CASES])
async def test_earlier_meetings_money_titles_and_sentences_that_ask(
        library: QuestionEngine, question: str, expected: str | None) -> None:
    answer = await library.answer(question, today=TODAY)
    if expected is None:
        assert not answer.answered and not answer.citations, answer.text
    elif expected.startswith(("kun hvad", "kun beslutningen", "før ")):  # declined, saying why
        assert not answer.answered and not answer.citations and expected in answer.text, \
            answer.text
    else:
        assert answer.answered and expected in answer.text, answer.text


@pytest.mark.asyncio(loop_scope="module")
async def test_the_council_decision_is_not_the_committees(library: QuestionEngine) -> None:
    """A committee's minutes do not hold the council's decision: the bot says so, and what
    the committee decided, without presenting that as the council's."""
    answer = await library.answer("Hvad besluttede byrådet om det nye bibliotek i Fjordby?",
                                  today=TODAY)
    assert not answer.answered and not answer.citations, answer.text
    assert "ikke byrådets beslutning" in answer.text
    assert "Indstillingen er godkendt" in answer.text, answer.text
    # the committee's own decision, in a question that mentions the council in passing
    own = await library.answer("Hvad besluttede udvalget om det nye bibliotek i Fjordby, som "
                               "byrådet vedtog?", today=TODAY)
    assert own.answered and "Indstillingen er godkendt" in own.text, own.text


@pytest.mark.asyncio(loop_scope="module")
async def test_a_decline_says_the_date_is_missing(library: QuestionEngine) -> None:
    changed = await library.answer("Hvilken dato blev åbningstiden på biblioteket ændret?",
                                   today=TODAY)
    assert "men ikke datoen" in changed.text, changed.text


@seeded
async def test_the_second_of_two_questions_is_answered_not_dropped(
        engine: QuestionEngine) -> None:
    """"dem" are the dialogue meetings of the first question; the decision is shown once."""
    answer = await engine.answer("Hvad besluttede udvalget om dialogmøderne, og hvem deltog i "
                                 "dem?", today=TODAY)
    assert answer.answered and "Indstilling godkendt" in answer.text, answer.text
    assert "bestyrelsesformænd" in answer.text.split("\n\n")[1], answer.text
    assert answer.text.count("Indstilling godkendt") == 1, answer.text


@pytest.mark.asyncio(loop_scope="module")
async def test_a_decline_names_the_dates_searched(library: QuestionEngine) -> None:
    """A year is "i 2021", a day range "den 5.-6. marts 2026", when no meeting falls in it."""
    year = await library.answer("Hvad blev besluttet om biblioteket i 2021?", today=TODAY)
    assert not year.answered and "ingen møder i 2021" in year.text, year.text
    days = await library.answer("Hvad blev besluttet om biblioteket den 5.-6. marts 2026?",
                                today=TODAY)
    assert not days.answered and "ingen møder den 5.-6. marts 2026" in days.text, days.text


@pytest.mark.asyncio(loop_scope="module")
async def test_a_month_without_a_year_is_the_latest_such_month_with_a_meeting(
        library: QuestionEngine) -> None:
    """"Jeg var ikke med i september": in October 2027 that is the meeting of September
    2026 when there was none in September 2027, not "no meetings in September 2027"."""
    later = dt.date(2027, 10, 1)
    answer = await library.answer("Jeg var ikke med i september – hvad blev besluttet om "
                                  "biblioteket i Fjordby?", today=later)
    assert answer.answered and "Indstillingen er godkendt" in answer.text, answer.text
    agenda = await library.answer("Hvilke sager tog udvalget op i september?", today=later)
    assert agenda.answered and "2. september 2026 (1 punkt" in agenda.text, agenda.text
    # a year said is kept
    said = await library.answer("Hvad blev besluttet om biblioteket i september 2024?",
                                today=later)
    assert not said.answered and "ingen møder i september 2024" in said.text, said.text


@pytest.mark.asyncio(loop_scope="module")
async def test_who_became_something_is_not_a_question_about_the_meeting(
        library: QuestionEngine) -> None:
    """"Hvem blev næstformand i 2026": minutes that never say so decline; they do not list
    the meeting's agenda as if that answered."""
    answer = await library.answer("Hvem blev næstformand i udvalget i 2026?", today=TODAY)
    assert not answer.answered and not answer.citations, answer.text
    assert "næstformand" in answer.text


@pytest.mark.asyncio(loop_scope="module")
async def test_when_something_was_decided_is_the_meeting_named_just_before(
        library: QuestionEngine) -> None:
    """"Udvalget drøftede … på mødet den 3. marts. Udvalget besluttede, at … Den 9. marts
    var der åbent hus.": decided on the 3rd; "Den 9. marts" is a date, not "it"."""
    answer = await library.answer("Hvornår besluttede udvalget at male mødelokalerne?",
                                  today=TODAY)
    assert answer.answered and "3. marts 2026" in answer.text, answer.text
    assert "9. marts" not in answer.text, answer.text


async def test_which_attachments_are_named_by_their_titles(sqlite_db: Database) -> None:
    """"Hvilke bilag hørte til punktet?" quotes the list of attachments, by title rather
    than file name."""
    await _save_item(sqlite_db, dt.date(2026, 5, 6), ParsedItem(
        number=7, title="Ny legeplads ved Skovbørnehaven",
        sections=[
            ParsedSection(SectionKind.SAGSFREMSTILLING,
                          "Legepladsen ved Skovbørnehaven får nye gynger. Tegningen af "
                          "legepladsen viser gyngerne ved hegnet."),
            ParsedSection(SectionKind.BESLUTNING, "Indstilling godkendt."),
            ParsedSection(SectionKind.BILAG,
                          "Tegning af legepladsen, maj 2026\n"
                          "Bilag/Punkt_7_Bilag_1_Tegning_af_legepladsen_maj_2026.pdf"),
        ],
    ))
    engine_ = QuestionEngine(sqlite_db)
    for question in ("Hvilket bilag hørte til punktet om legepladsen ved Skovbørnehaven?",
                     "hvad hed bilaget til punktet om legepladsen ved skovbørnehaven"):
        answer = await engine_.answer(question, today=TODAY)
        assert answer.answered and "»Tegning af legepladsen, maj 2026« (Bilag)" in \
            answer.text, (question, answer.text)


async def test_who_takes_part_is_told_by_a_decision_on_the_items_theme(
        sqlite_db: Database) -> None:
    """"Alle udvalgsmedlemmer deltager." decides what the theme lists: it tells who takes
    part in the temadag; a question about something else is not answered by it."""
    await _save_item(sqlite_db, dt.date(2026, 6, 3), ParsedItem(
        number=9, title="Til orientering",
        sections=[
            ParsedSection(SectionKind.BESLUTNINGSTEMA, "Temadag på Fjordby Skole 10. juni "
                          "2026. Studietur til Malmø 2.-3. september 2026."),
            ParsedSection(SectionKind.BESLUTNING, "Orientering gennemgået. Alle "
                          "udvalgsmedlemmer deltager."),
        ],
    ))
    engine_ = QuestionEngine(sqlite_db)
    answer = await engine_.answer("Hvem fra udvalget deltager i temadagen på Fjordby Skole?",
                                  today=TODAY)
    assert answer.answered and "Alle udvalgsmedlemmer deltager" in answer.text, answer.text
    answer = await engine_.answer("Hvem arrangerer temadagen på Fjordby Skole?", today=TODAY)
    assert "Alle udvalgsmedlemmer" not in answer.text, answer.text


async def test_an_undated_meeting_is_named_by_its_kind(sqlite_db: Database) -> None:
    """"Hvad var på dagsordenen på rådmandsmødet?": minutes without a date, titled by their
    kind of meeting, are listed; a kind the minutes do not have is declined."""
    await _save(sqlite_db, "raadmand.txt", "h12", ParsedDocument(
        kind=DocumentKind.AARHUS, municipality="Fjordby Kommune", committee="Børn og Unge",
        title="Rådmandsmøde", items=[
            ParsedItem(number=1, title="Godkendelse af referat", sections=[
                ParsedSection(SectionKind.BESLUTNING, "Referatet blev godkendt.")]),
            ParsedItem(number=2, title="Nye cykelskure ved skolerne", sections=[
                ParsedSection(SectionKind.BESLUTNING, "Rådmanden godkendte indstillingen.")]),
        ]))
    engine_ = QuestionEngine(sqlite_db)
    agenda = await engine_.answer("Hvad var på dagsordenen på rådmandsmødet?", today=TODAY)
    assert agenda.answered and "2. Nye cykelskure ved skolerne" in agenda.text, agenda.text
    other = await engine_.answer("Hvilke sager var oppe på byrådsmødet?", today=TODAY)
    assert not other.answered and not other.citations, other.text


async def test_a_measure_asked_in_keywords_needs_its_value(sqlite_db: Database) -> None:
    """"karaktergennemsnit dansk 2019": a list of what a report must contain names the
    measure but gives no value, so it does not answer."""
    await _save_item(sqlite_db, dt.date(2026, 3, 2), ParsedItem(
        number=3, title="Kvalitetsrapport for folkeskolen",
        sections=[ParsedSection(SectionKind.SAGSFREMSTILLING,
                                "Rapporten skal indeholde: a) Karaktergennemsnit i dansk ved "
                                "prøverne. b) Trivsel i 4. klasse. Fraværet var 5,2 % i 2025.")],
    ))
    engine_ = QuestionEngine(sqlite_db)
    mean = await engine_.answer("karaktergennemsnit dansk prøverne 2025", today=TODAY)
    assert not mean.answered and "men ikke tallet" in mean.text, mean.text
    absence = await engine_.answer("fravær folkeskolen 2025", today=TODAY)
    assert absence.answered and "5,2 %" in absence.text, absence.text


async def test_why_is_answered_by_the_case_texts_first_reason(sqlite_db: Database) -> None:
    """"Hvorfor blev lukningen af Solsikken rullet tilbage?": the sentence most like the
    question restates the proposal; the case text says why first ("…, hvilket medfører,
    at …"), and the next sentence when it explains that ("Dels …, hvorfor …")."""
    await _save_item(sqlite_db, dt.date(2026, 6, 3), ParsedItem(
        number=4, title="Tilbagerulning af lukningen af børnehaven Solsikken",
        sections=[
            ParsedSection(SectionKind.HISTORIK,
                          "Lukningen af børnehaven Solsikken i Fjordby skulle spare "
                          "200.000 kr. om året."),
            ParsedSection(SectionKind.SAGSFREMSTILLING,
                          "Der er kommet flere børn til området ved Solsikken, hvilket "
                          "medfører, at der ikke er plads i de andre børnehaver. Dels er der "
                          "flere tilflyttere, "
                          "dels er der født flere end året før i hele kommunen, hvorfor det "
                          "samlede pladsbehov i området er steget. "
                          "Forvaltningen ser ingen anden mulighed end at rulle lukningen af "
                          "Solsikken i Fjordby tilbage. Solsikken har 40 pladser."),
            ParsedSection(SectionKind.BESLUTNING, "Indstilling godkendt."),
        ],
    ))
    answer = await QuestionEngine(sqlite_db).answer(
        "Hvorfor blev lukningen af Solsikken i Fjordby rullet tilbage?", today=TODAY)
    assert answer.answered and "flere børn til området" in answer.text, answer.text
    # the reason goes on in the next sentence, which gives a cause too; no further
    assert "Dels er der flere tilflyttere" in answer.citations[0].quote, answer.text
    assert "40 pladser" not in answer.text, answer.text
