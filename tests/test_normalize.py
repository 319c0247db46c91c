"""Text clean-up: bullets, broken words, paragraphs (made-up text only)."""

from __future__ import annotations

import pytest

from minutes.normalize import (
    BULLET,
    blank_lines_interleaved,
    clean_line,
    clean_text,
    collapse_whitespace,
    join_title,
    join_wrapped,
    paragraphs,
    starts_list_entry,
    typical_width,
    unwrap,
    word_count,
)


@pytest.mark.parametrize(
    "raw",
    [
        "\uf0b7 Første punkt",
        " \uf0a7  Første punkt",
        "• Første punkt",
        "◦ Første punkt",
        "▪ Første punkt",
        "– Første punkt",
        "- Første punkt",
        "\ufffd• \ufffd Første punkt",
        "•Første punkt",
    ],
)
def test_bullet_glyphs_become_one_bullet(raw: str) -> None:
    assert clean_line(raw) == "• Første punkt"


def test_dash_before_lower_case_is_not_a_bullet() -> None:
    assert clean_line("– og derfor videre") == "– og derfor videre"
    assert clean_line("- og derfor videre") == "- og derfor videre"


def test_lone_bullet_glyph_joins_the_next_line() -> None:
    assert clean_line("\uf0b7") == BULLET
    assert unwrap(["\uf0b7", "Punkt på næste linje"]) == ["• Punkt på næste linje"]


def test_clean_line_collapses_odd_whitespace() -> None:
    assert clean_line("  Tid:\u00a0 30\u2002min.\t Sted ") == "Tid: 30 min. Sted"
    assert collapse_whitespace(" a \n b\t c ") == "a b c"


def test_clean_line_drops_stray_private_use_glyphs_mid_line() -> None:
    assert clean_line("Budget \uf020i alt") == "Budget i alt"


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("den videre udvik-", "ling af skolen", "den videre udvikling af skolen"),
        ("certificerede IBCLC-", "konsulenter", "certificerede IBCLC-konsulenter"),
        ("budget 2021-", "2024 blev vedtaget", "budget 2021-2024 blev vedtaget"),
        ("dagsinstitutions-", "/skolebestyrelser", "dagsinstitutions-/skolebestyrelser"),
        ("konsulenter/-", "vejledere", "konsulenter/-vejledere"),
        ("Børne-", "og Ungepolitikken", "Børne- og Ungepolitikken"),
        ("skole -", "men ikke dagtilbud", "skole - men ikke dagtilbud"),
        ("børn i alderen 3-", "årige grupper", "børn i alderen 3-årige grupper"),
        ("en almindelig", "linje", "en almindelig linje"),
        ("blød\u00ad", "bindestreg", "blødbindestreg"),
    ],
)
def test_join_wrapped(first: str, second: str, joined: str) -> None:
    assert join_wrapped(first, second) == joined


def test_join_wrapped_with_empty_side() -> None:
    assert join_wrapped("", "tekst") == "tekst"
    assert join_wrapped("tekst", "") == "tekst"


def test_soft_hyphen_at_line_end_survives_cleaning_then_joins() -> None:
    first = clean_line("kvalitets\u00ad")
    assert join_wrapped(first, clean_line("rapporten")) == "kvalitetsrapporten"


def test_join_title() -> None:
    assert join_title(["Dialog med bestyrelser i dagtilbuds-", "/skoleområdet"]) == (
        "Dialog med bestyrelser i dagtilbuds-/skoleområdet"
    )
    assert join_title(["  Et   langt  ", " emne "]) == "Et langt emne"


def test_list_entries() -> None:
    assert starts_list_entry("• punkt")
    assert starts_list_entry("1. punkt")
    assert starts_list_entry("a) punkt")
    assert starts_list_entry("(ii) punkt")
    assert starts_list_entry("b. Den næste model")
    assert not starts_list_entry("2019. Det var året")
    assert not starts_list_entry("3. marts 2021 på rådhuset")
    assert not starts_list_entry("v. Hans Hansen")
    assert not starts_list_entry("d. 5. maj")
    assert not starts_list_entry("Almindelig tekst")


def test_word_count_and_width() -> None:
    assert word_count("tre små ord") == 3
    assert typical_width(["kort"]) == 80
    lines = ["x" * n for n in (10, 50, 60, 70, 72, 75, 80)]
    assert 70 <= typical_width(lines) <= 80


WRAPPED_WITH_BLANKS = [
    "Her står en lang linje med tekst, som fortsætter på næste linje i samme",
    "",
    "afsnit, og som slutter her.",
    "",
    "Et nyt afsnit begynder med stort bogstav efter en kort linje, og det",
    "",
    "fortsætter. Ordet udvik-",
    "",
    "ling er delt over to linjer i dette afsnit, som slutter nu og her.",
    "",
    "",
    "Efter to tomme linjer kommer der et helt nyt afsnit.",
]


def test_interleaved_blank_lines_are_detected() -> None:
    assert blank_lines_interleaved(WRAPPED_WITH_BLANKS)
    assert not blank_lines_interleaved(["a", "b", "", "c", "d", "e", "", "f"])


def test_paragraphs_in_text_with_blank_lines_between_all_lines() -> None:
    paras = paragraphs(WRAPPED_WITH_BLANKS)
    texts = [p.text for p in paras]
    assert len(texts) == 3
    assert texts[0].endswith("i samme afsnit, og som slutter her.")
    assert "Ordet udvikling er delt" in texts[1]
    assert texts[2].startswith("Efter to tomme linjer")
    assert [p.first_line for p in paras] == [0, 4, 11]


def test_paragraphs_in_compact_text_break_at_blank_lines() -> None:
    lines = [
        "Første afsnit står på to linjer, og den første af dem er ret så lang",
        "og fortsætter her.",
        "",
        "Andet afsnit.",
        "• Et punkt i en liste",
        "• Et andet punkt",
    ]
    assert unwrap(lines) == [
        "Første afsnit står på to linjer, og den første af dem er ret så lang og fortsætter her.",
        "Andet afsnit.",
        "• Et punkt i en liste",
        "• Et andet punkt",
    ]


def test_short_heading_line_ends_its_paragraph() -> None:
    lines = [
        "Ressourcer og rammer",
        "Hovedreglen er, at parterne selv afholder deres udgifter til aktiviteterne, og at",
        "der ikke er fælles finansiering.",
    ]
    assert unwrap(lines)[0] == "Ressourcer og rammer"


def test_lower_case_continuation_joins_across_one_blank_line() -> None:
    lines = ["Tekst i en spalte der slutter med", "", "fortsættelse efter en tom linje."]
    assert unwrap(lines, interleaved=False) == [
        "Tekst i en spalte der slutter med fortsættelse efter en tom linje."
    ]


def test_clean_text_returns_paragraph_lines() -> None:
    assert clean_text("\uf0b7 Punkt et\n\uf0b7 Punkt to\n") == "• Punkt et\n• Punkt to"
