"""Names in the minutes' titles, found in a lower-case question, kept per document."""

from __future__ import annotations

from minutes.title_names import TitleNames, names_in


def test_names_are_runs_of_capitalised_words_from_each_capital() -> None:
    assert names_in("Projekt Styrke på Tværs samt projekt De Første 1000 Dage") == {
        ("projekt", "styrke", "på", "tværs"), ("styrke", "på", "tværs"),
        ("de", "første", "1000", "dage"), ("første", "1000", "dage")}
    assert names_in("Udmøntning af loven om minimumsnormering") == set()


def test_a_lower_case_question_finds_the_names_until_their_document_goes() -> None:
    names = TitleNames()
    names.add(1, ["Projekt Styrke på Tværs"])
    names.add(2, ["Styrke på Tværs i 2021", "Børnehuset Tuen"])
    question = "hvem står bag styrke på tværs ved børnehuset tuen?"
    assert sorted(names.find(question)) == ["børnehuset tuen", "styrke på tværs"]
    names.remove(2)
    assert names.find(question) == ["styrke på tværs"]  # document 1 still has it
    names.remove(1)
    assert names.find(question) == []
    assert names.find("hvor stærk er styrken?") == []
