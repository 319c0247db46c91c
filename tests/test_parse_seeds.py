"""The parser on the real seed documents in ../shared/seeds (and the samples).

Expected texts are short fragments on purpose: the seeds' sentences are not
copied into the project.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest

from minutes.errors import NoTextFound
from minutes.layouts.common import source_lines
from minutes.model import (
    DocumentKind,
    Page,
    ParsedDocument,
    ParsedItem,
    SectionKind,
    SourceText,
)
from minutes.normalize import word_count
from minutes.parse import detect_layout, parse_document

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "minutes" / "samples"
HEADER_WORDS = ("Mødedato", "Sidetal", "Formand:")


def _seed_path(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0]


def _source(path: Path) -> SourceText:
    return SourceText(path.name, [Page(None, path.read_text(encoding="utf-8"))])


@cache
def _parsed(prefix: str) -> ParsedDocument:
    return parse_document(_source(_seed_path(prefix)))


def seed(prefix: str) -> ParsedDocument:
    _seed_path(prefix)  # skips when missing
    return _parsed(prefix)


def _item(prefix: str, number: int) -> ParsedItem:
    item = seed(prefix).item(number)
    assert item is not None, f"item {number} missing in {prefix}"
    return item


def _in_order(text: str, fragments: tuple[str, ...]) -> bool:
    position = 0
    for fragment in fragments:
        found = text.find(fragment, position)
        if found < 0:
            return False
        position = found + len(fragment)
    return True


# --- layout detection -------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [
        ("000", DocumentKind.HEDENSTED),
        ("001", DocumentKind.HEDENSTED),
        ("002", DocumentKind.HEDENSTED),
        ("003", DocumentKind.AARHUS),
        ("004", DocumentKind.PLAIN),
    ],
)
def test_layout_is_detected(prefix: str, kind: DocumentKind) -> None:
    lines = source_lines(_source(_seed_path(prefix)))
    assert detect_layout(lines) is kind
    assert seed(prefix).kind is kind


# --- Hedensted: meeting metadata --------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "date", "chair", "numbers"),
    [
        ("000", dt.date(2020, 3, 2), "Ole Vind", list(range(19, 24))),
        ("001", dt.date(2020, 11, 30), "Ole Vind", list(range(91, 101))),
        ("002", dt.date(2023, 4, 12), "Merete Skovgaard Jensen", list(range(25, 32))),
    ],
)
def test_hedensted_meeting(prefix: str, date: dt.date, chair: str, numbers: list[int]) -> None:
    doc = seed(prefix)
    assert doc.municipality == "Hedensted Kommune"
    assert doc.committee == "Udvalget for Læring"
    assert doc.meeting_date == date
    assert doc.chair == chair
    assert sorted(it.number for it in doc.items) == numbers
    assert len(doc.items) == len(numbers)


def test_out_of_order_item_keeps_its_number_and_place() -> None:
    order = [it.number for it in seed("001").items]
    assert order[-2:] == [100, 98]


# --- Hedensted: every item ----------------------------------------------------

# (seed, number, title fragments in order, case number, decision opening)
HEDENSTED_ITEMS = [
    ("000", 19, ("Erhvervscampus",), "00.01.00-A00-22-19", "Orientering taget til"),
    ("000", 20, ("Projekt Styrke på Tværs", "De Første 1000 Dage"), None, "Orientering tages til"),
    ("000", 21, ("Afrunding af", "og orientering om", "dagtilbud og skole"),
     None, "Orientering taget"),
    ("000", 22, ("Kvalitetsrapport for folkeskolen 2019-20",),
     None, "Kvalitetsrapporten anbefales"),
    ("000", 23, ("Til orientering",), None, "Orientering gennemgået."),
    ("001", 91, ("Udvidelse af tilbuddet", "til unge mellem 13-25 år"),
     None, "Indstilling godkendt."),
    ("001", 92, ("Orientering om småbørnsløftet",), None, "Orientering taget til"),
    ("001", 93, ("Fremadrettet udmøntning", "styrkelse af dagplejen"),
     None, "Indstilling godkendt."),
    ("001", 94, ("Fælles om børn i dagtilbud - 2021",), None, "Alle indstillingspunkter"),
    ("001", 95, ("Udmøntning af 10 millioner på skoleområdet",), None, "Indstillingen er godkendt"),
    ("001", 96, ("Organisering af dansk som andetsprog",), None, "Forvaltningen udarbejder"),
    ("001", 97, ("Udvalgsseminar marts 2021",), None, "Vi fastholder seminaret"),
    ("001", 98, ("Månedsopfølgning oktober", "i forhold til budgettet."),
     "00.00.00-A00-2-20", "Orientering taget"),
    ("001", 99, ("Til orientering",), None, "Torsten Sonne Petersen"),
    ("001", 100, ("Digital godkendelse af referat",), None, "Godkendt."),
    ("002", 25, ("Samarbejdsaftale om styrket", "amning og barnets ernæring"),
     "27.00.00-P19-2-23", "Indstilling godkendt."),
    ("002", 26, ("Dialogmøder mellem", "dagsinstitutions-/skolebestyrelser", "for Læring."),
     "17.01.01-A00-1-23", "Indstilling godkendt."),
    ("002", 27, ("Udmøntning af loven om", "minimumsnormering i dagtilbud"),
     "28.00.00-G01-441-21", "Indstilling godkendt. Sagen"),
    ("002", 28, ("Tilbagerulning af", "lukning af daginstitutionen", "Tofteskovens Børnehuse."),
     "28.09.12-A00-1-23", "Indstilling godkendt."),
    ("002", 29, ("Orientering vedr. Ungeprofilundersøgelsen 2022-23",),
     "18.00.00-I00-1-23", "Indstilling godkendt."),
    ("002", 30, ("Til orientering",), "00.01.00-P35-2-23", "Der forberedes tema"),
    ("002", 31, ("Godkendelse af referat",), "00.01.00-P35-2-23", None),
]


@pytest.mark.parametrize(("prefix", "number", "title", "case", "decision"), HEDENSTED_ITEMS)
def test_hedensted_item(
    prefix: str, number: int, title: tuple[str, ...], case: str | None, decision: str | None
) -> None:
    item = _item(prefix, number)
    assert _in_order(item.title, title), item.title
    assert item.title.startswith(title[0]) and item.title.endswith(title[-1])
    assert "\n" not in item.title and "  " not in item.title
    assert item.case_number == case
    if decision is None:
        assert item.decision is None
    else:
        assert item.decision is not None and item.decision.startswith(decision)
    assert item.section(SectionKind.BESLUTNINGSTEMA) is not None
    assert not item.closed


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_no_header_text_leaks_into_items(prefix: str) -> None:
    for item in seed(prefix).items:
        texts = [item.title] + [s.text for s in item.sections]
        for text in texts:
            assert not any(word in text for word in HEADER_WORDS), (item.number, text[:80])


def test_decision_with_exception_in_001_item_95() -> None:
    decision = _item("001", 95).decision or ""
    assert decision.startswith("Indstillingen er godkendt med undtagelse")
    assert "bevilling på 1.375.000" in decision[:80]


def test_000_item_21_keeps_the_earlier_decision_as_history() -> None:
    item = _item("000", 21)
    assert item.decision == "Orientering taget til efterretning."
    history = [s for s in item.sections if s.is_history]
    decisions = [s for s in history if s.kind is SectionKind.BESLUTNING]
    assert len(decisions) == 1
    assert decisions[0].text.startswith("Punktet udskydes")
    assert "3. februar 2020" in (decisions[0].heading or "")
    assert any(s.kind is SectionKind.INDSTILLING for s in history)
    current = item.section(SectionKind.INDSTILLING)
    assert current is not None and current.heading == "Administrationen indstiller,"
    assert "udskydes" not in (item.decision or "")


def test_section_kinds_and_recommendation_text_on_the_heading_line() -> None:
    item = _item("002", 25)
    kinds = [s.kind for s in item.sections]
    assert kinds == [
        SectionKind.BESLUTNINGSTEMA,
        SectionKind.OEKONOMI,
        SectionKind.SAGSFREMSTILLING,
        SectionKind.KOMMUNIKATION,
        SectionKind.INDSTILLING,
        SectionKind.BESLUTNING,
        SectionKind.BILAG,
    ]
    recommendation = item.section(SectionKind.INDSTILLING)
    assert recommendation is not None and recommendation.heading == "Forvaltningen indstiller,"
    assert recommendation.text.startswith("at samarbejdsaftale om")


def test_section_continues_across_the_page_header() -> None:
    text = (_item("002", 27).section(SectionKind.SAGSFREMSTILLING) or pytest.fail()).text
    assert _in_order(text, ("a.Faglige konsekvenser", "b.Økonomiske", "d.Administrative"))


def test_pages_from_the_header_of_a_text_file() -> None:
    assert _item("002", 28).page == 9
    assert _item("000", 22).page == 7
    assert _item("001", 98).page == 18
    after = _item("002", 27).section(SectionKind.BESLUTNING)
    assert after is not None and after.page == 9
    assert _item("000", 19).page is None  # far from any header


def test_bullets_are_normalised() -> None:
    text = (_item("001", 95).section(SectionKind.SAGSFREMSTILLING) or pytest.fail()).text
    assert "• Megaklasser 1.725" in text
    assert "\uf0b7" not in text


# --- Hedensted: attachments ---------------------------------------------------

ATTACHMENTS = {
    "000": {20: ["Punkt_20_Bilag_1_"], 22: ["Punkt_22_Bilag_3_"]},
    "001": {91: ["Punkt_91_Bilag_1_"], 96: ["Punkt_96_Bilag_1_"], 98: ["Punkt_98_Bilag_1_"],
            99: ["Punkt_99_Bilag_1_"]},
    "002": {25: ["Punkt_25_Bilag_1_"], 26: ["Punkt_26_Bilag_1_"], 27: ["Punkt_27_Bilag_1_"],
            29: ["Punkt_29_Bilag_1_", "Punkt_29_Bilag_2_"]},
}


@pytest.mark.parametrize("prefix", sorted(ATTACHMENTS))
def test_attachments_go_to_the_item_in_their_file_name_once(prefix: str) -> None:
    expected = ATTACHMENTS[prefix]
    for item in seed(prefix).items:
        names = [a.file_name for a in item.attachments]
        wanted = expected.get(item.number, [])
        assert len(names) == len(wanted), (item.number, names)
        for name, stem in zip(names, wanted, strict=True):
            assert stem in name and name.startswith("Bilag/")
        assert all(a.title for a in item.attachments)


def test_attachment_titles_are_matched_to_file_names() -> None:
    attachment = _item("001", 98).attachments[0]
    assert attachment.title == "Månedsopfølgning oktober 2020.pdf"
    titles = [a.title for a in _item("002", 29).attachments]
    assert titles == ["Ungeprofilundersøgelsen rapport 2022-23", "UPU oplæg udvalgLæring 12042023"]


def test_repeated_attachment_list_is_not_an_item_section() -> None:
    assert _item("000", 23).section(SectionKind.BILAG) is None
    bilag = [s for s in _item("001", 98).sections if s.kind is SectionKind.BILAG]
    assert len(bilag) == 1
    assert _item("002", 31).section(SectionKind.BILAG) is None


# --- Aarhus -------------------------------------------------------------------

AARHUS_ITEMS = [
    (1, ("Godkendelse af referat",), "Referatet blev godkendt"),
    (2, ("Flere i folkeskolen (OKJ, HBL)",), "Forvaltningschef Helle Bach"),
    (3, ("Evaluering af Administrative", "Fællesskaber (HP)"), "I slutningen af 2020"),
    (4, ("Forberedelse til børn og", "3. marts 2021"), "HvB præsenterede"),
    (5, ("Eventuelt",), "MØC orienterede om test"),
]


def test_aarhus_meeting() -> None:
    doc = seed("003")
    assert doc.municipality == "Aarhus Kommune"
    assert doc.committee == "Børn og Unge"
    assert doc.meeting_date is None
    assert [it.number for it in doc.items] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(("number", "title", "decision"), AARHUS_ITEMS)
def test_aarhus_item(number: int, title: tuple[str, ...], decision: str) -> None:
    item = _item("003", number)
    assert item.title.startswith(title[0]) and item.title.endswith(title[-1])
    assert item.decision is not None and item.decision.startswith(decision)
    beslutning = item.section(SectionKind.BESLUTNING)
    assert beslutning is not None
    assert (beslutning.heading or "").startswith(f"Beslutning for Punkt {number}:")


def test_aarhus_decisions_keep_their_bullets_and_guests() -> None:
    item = _item("003", 2)
    assert "\n• Rådmanden godkendte" in (item.decision or "")
    guests = item.section(SectionKind.OTHER)
    assert guests is not None and guests.text.startswith("Tid: 30 min. Deltagere:")


def test_aarhus_attachments_and_fragment_stay_out_of_the_items() -> None:
    doc = seed("003")
    last = doc.item(5)
    assert last is not None and word_count(last.decision or "") < 20
    for item in doc.items:
        for section in item.sections:
            assert "Punkt 2, Bilag" not in section.text
            assert "Punkt 6: Eventuelt" not in section.text
    fragments = [p for p in doc.passages if p.kind == "fragment"]
    assert len(fragments) == 1 and "Punkt 6: Eventuelt" in fragments[0].text
    assert doc.item(6) is None


def test_aarhus_attachment_passages_are_labelled_and_sized() -> None:
    passages = [p for p in seed("003").passages if p.kind == "attachment"]
    assert len(passages) > 20
    labels = {p.label for p in passages}
    assert any((label or "").startswith("Punkt 2, Bilag 2: Bilag 1 - Byrådsindstilling")
               for label in labels)
    assert any((label or "").startswith("Punkt 4, Bilag 3:") for label in labels)
    assert all(p.label for p in passages)
    # the document's last pages, after its last label, belong to that attachment
    tail = [p for p in passages if "Naturens Hus" in p.text]
    assert tail and all((p.label or "").startswith("Punkt 4, Bilag 3:") for p in tail)
    # a memo, from its head ("Emne …", "Til Rådmandsmøde …") to the next label, is that
    # label's item's, however long; a memo followed by another memo's head is not placed
    memo = [p for p in passages if "Hvorfor fremsendes forslaget" in p.text]
    assert {(p.label or "")[:8] for p in memo} == {"Bilag (p", "Punkt 4,"}, memo
    # a letter's last page ("Side 2 af 2") ends about a page on, where the next letter's
    # first page runs up to its label: the two meet at a sentence end between them
    by_text = {p.text: p.label or "" for p in passages}
    proposal = [label for text, label in by_text.items() if "udspecificeret i bilag 6" in text]
    allocation = [label for text, label in by_text.items()
                  if text.startswith("På rådmandsmødet den 2. dec")]
    assert proposal and proposal[0].startswith("Punkt 4, Bilag 2:"), proposal
    assert allocation and allocation[0].startswith("Punkt 4, Bilag 3:"), allocation
    # a letter's running date header is not part of the text that follows it
    assert not any(re.search(r"\d{4}\s+Side \d+ af|2021 prøvehandling", p.text)
                   for p in passages)
    sizes = sorted(word_count(p.text) for p in passages)
    assert sizes[-1] <= 300
    assert sizes[len(sizes) // 2] >= 100


def test_aarhus_hyphenated_line_breaks_are_joined() -> None:
    texts = [p.text for p in seed("003").passages]
    assert any("0-18 årsområdet" in text for text in texts)
    assert not any(re.search(r"[a-zæøå]-\n[a-zæøå]", text) for text in texts)


# --- plain ------------------------------------------------------------------


def test_plain_action_plan_passages_keep_their_headings() -> None:
    doc = seed("004")
    assert doc.items == []
    assert doc.municipality == "Hedensted Kommune"
    passages = doc.passages
    assert len(passages) >= 10
    assert all(p.label and p.kind == "text" for p in passages)
    labels = [p.label or "" for p in passages]
    assert labels[0] == "Indledning"
    assert any(label.endswith("– Anbefalinger og tiltag") for label in labels)
    assert all(word_count(p.text) <= 300 for p in passages)
    assert any("2023 -2025" in p.text for p in passages)


# --- generic behaviour on made-up text ----------------------------------------

MADE_UP_PAGE_1 = """\
 Eksempel Kommune
Børne- og Skoleudvalget
Mødedato:
7. maj 2024
Formand:
Anna Jensen
Sidetal:  3

 01.02.03-A00-1-24

5.        Ny legeplads ved
skolen

Beslutningstema

Udvalget skal tage stilling til en ny legeplads.

Beslutning

Godkendt.
"""

MADE_UP_PAGE_2 = """\
6.        Lukket punkt: Personalesag

Beslutningstema

Drøftelse.

Beslutning i Børne- og Skoleudvalget den 7. maj 2024

Drøftet.
"""


def test_made_up_hedensted_document_with_pdf_pages() -> None:
    source = SourceText(
        "eksempel.pdf", [Page(3, MADE_UP_PAGE_1), Page(4, MADE_UP_PAGE_2)], is_pdf=True
    )
    doc = parse_document(source)
    assert doc.kind is DocumentKind.HEDENSTED
    assert doc.municipality == "Eksempel Kommune"
    assert doc.committee == "Børne- og Skoleudvalget"
    assert doc.meeting_date == dt.date(2024, 5, 7)
    assert doc.chair == "Anna Jensen"
    first, second = doc.items
    assert (first.number, first.title) == (5, "Ny legeplads ved skolen")
    assert first.case_number == "01.02.03-A00-1-24"
    assert first.page == 3 and first.decision == "Godkendt."
    assert second.closed and second.page == 4
    assert second.decision == "Drøftet."


def test_header_in_another_order_is_removed_from_the_section() -> None:
    text = MADE_UP_PAGE_1.replace(
        "Udvalget skal tage stilling til en ny legeplads.",
        "Udvalget skal tage stilling\nEksempel Kommune\nBørne- og Skoleudvalget\n"
        "Formand:\nAnna Jensen\nMødedato:\n7. maj 2024\ntil en ny legeplads.",
    )
    doc = parse_document(SourceText("x.txt", [Page(None, text)]))
    theme = doc.items[0].section(SectionKind.BESLUTNINGSTEMA)
    assert theme is not None
    assert theme.text == "Udvalget skal tage stilling til en ny legeplads."


def test_earlier_decision_named_by_date_is_history() -> None:
    page = MADE_UP_PAGE_1 + "\nBeslutning i Økonomiudvalget den 1. marts 2024\n\nAnbefalet.\n"
    doc = parse_document(SourceText("x.txt", [Page(None, page)]))
    item = doc.items[0]
    assert item.decision == "Godkendt."
    decisions = [s for s in item.sections if s.kind is SectionKind.BESLUTNING]
    assert [s.is_history for s in decisions] == [False, True]


def test_empty_text_raises_no_text_found() -> None:
    with pytest.raises(NoTextFound):
        parse_document(SourceText("tom.txt", [Page(None, " \n\n")]))


def test_text_without_structure_is_plain() -> None:
    doc = parse_document(SourceText("note.txt", [Page(None, "Bare en kort note.\n")]))
    assert doc.kind is DocumentKind.PLAIN
    assert [p.text for p in doc.passages] == ["Bare en kort note."]


# --- the project's own sample minutes -----------------------------------------


def _samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []


@pytest.mark.parametrize("path", _samples() or [None])
def test_sample_minutes_parse(path: Path | None) -> None:
    if path is None:
        pytest.skip("no sample minutes in minutes/samples")
    doc = parse_document(_source(path))
    assert doc.kind is DocumentKind.HEDENSTED
    assert doc.items
    if "Mødedato" in path.read_text(encoding="utf-8"):
        assert doc.meeting_date is not None and doc.committee
    for item in doc.items:
        assert item.title and item.sections
        for section in item.sections:
            assert not any(word in section.text for word in HEADER_WORDS)


# --- a generated PDF, read by the project's reader ------------------------------


def test_generated_pdf_minutes_parse_with_pdf_pages(tmp_path: Path) -> None:
    pdfgen = pytest.importorskip("tests.pdfgen")
    reader = pytest.importorskip("minutes.reader")
    filler = "Udvalget drøftede sagen og lagde vægt på en god proces for alle. " * 80
    sections = {
        "Beslutningstema": "Udvalget skal tage stilling.",
        "Sagsfremstilling": filler + "\n\nDet handler om udviklingsplanen.",
        "Administrationen indstiller,": "at forslaget godkendes.",
        "Beslutning": "Godkendt.",
    }
    items = [
        (12, "Ny skolestruktur i den nordlige del af kommunen, en titel der ombrydes", sections),
        (13, "Til orientering", {"Beslutningstema": "Orientering.", "Beslutning": "Taget."}),
    ]
    path = tmp_path / "referat.pdf"
    pdfgen.write_minutes_pdf(
        path,
        municipality="Eksempel Kommune",
        committee="Udvalget for Natur",
        meeting_date_text="3. juni 2024",
        chair="Anne Holm",
        items=items,
        hyphenate_word="udviklings-planen",
        case_numbers={12: "01.02.03-A00-1-24"},
        first_page_number=5,
    )
    doc = parse_document(reader.read_source(path))
    assert doc.kind is DocumentKind.HEDENSTED
    assert (doc.committee, doc.meeting_date, doc.chair) == (
        "Udvalget for Natur",
        dt.date(2024, 6, 3),
        "Anne Holm",
    )
    first, second = doc.items
    assert first.title.endswith("en titel der ombrydes")
    assert first.case_number == "01.02.03-A00-1-24" and first.page == 1
    assert first.decision == "Godkendt." and second.decision == "Taget."
    assert second.page is not None and second.page > 1
    body = (first.section(SectionKind.SAGSFREMSTILLING) or pytest.fail()).text
    assert body.endswith("Det handler om udviklingsplanen.")
    assert not any(word in body for word in HEADER_WORDS)
