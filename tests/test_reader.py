"""minutes.reader: PDF and text files into pages; the errors a secretary sees."""

from __future__ import annotations

import hashlib
import importlib
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from minutes.errors import (
    CorruptPdf,
    EncryptedPdf,
    MinutesError,
    NoTextFound,
    UnreadableDocument,
    UnsupportedFileType,
)
from minutes.model import Page, SourceText
from minutes.reader import content_hash, read_bytes, read_source, tidy_layout_text
from tests.conftest import REPO, SEEDS
from tests.pdfgen import (
    minutes_pdf_bytes,
    write_corrupt_pdf,
    write_encrypted_pdf,
    write_image_only_pdf,
    write_minutes_pdf,
    write_simple_pdf,
)

SAMPLES = REPO / "minutes" / "samples"

MUNICIPALITY = "Fjordby Kommune"
COMMITTEE = "Udvalget for Børn og Skole"
DATE_TEXT = "4. marts 2026"
CHAIR = "Karen Holmgaard"

# Fictional content, long enough to run over several pages.
ITEMS: list[tuple[int, str, dict[str, str]]] = [
    (
        14,
        "Budgetopfølgning pr. 31. januar 2026 for skoler, SFO og dagtilbud i Fjordby Kommune",
        {
            "Beslutningstema": "Udvalget orienteres om årets første budgetopfølgning.",
            "Økonomi": (
                "Der forventes et merforbrug på 4,6 mio. kr., heraf 3,2 mio. kr. på "
                "specialundervisning og 1,9 mio. kr. på elevkørsel. " * 4
            ),
            "Sagsfremstilling": (
                "Skolerne har i januar indsendt deres opdaterede udviklingsplaner, og "
                "forvaltningen har gennemgået dem sammen med skolelederne. "
                * 5
                + "\n\nDen samlede udviklingsplanen for skoleområdet bliver forelagt "
                "udvalget i juni, når skolebestyrelserne har haft den til udtalelse."
            ),
            "Administrationen indstiller,": "at budgetopfølgningen tages til efterretning.",
            "Beslutning": "Budgetopfølgningen blev taget til efterretning.",
        },
    ),
    (
        15,
        "Dialogmøde med skolebestyrelsen på Havnens Skole",
        {
            "Beslutningstema": "Udvalget skal godkende programmet for dialogmødet.",
            "Sagsfremstilling": (
                "Skolebestyrelsen ønsker at drøfte trivsel i udskolingen og de nye "
                "regler for mobiltelefoner i skoletiden. " * 12
            ),
            "Beslutning": (
                "Programmet blev godkendt. Udvalget holder dialogmøde på Havnens Skole "
                "den 18. marts 2026 kl. 17.00."
            ),
        },
    ),
    (
        16,
        "Minimumsnormering i dagtilbud",
        {
            "Økonomi": "De resterende 1,4 mio. kr. fordeles efter antal børn. " * 20,
            "Sagsfremstilling": "Normeringen er 2,9 børn pr. voksen i vuggestuerne. " * 70,
            "Beslutning": "Indstillingen blev godkendt.",
            "Bilag": "Bilag/Punkt_16_Bilag_1_Normeringsopgoerelse_2025.pdf",
        },
    ),
]


def _write_sample_pdf(path: Path, **overrides: object) -> int:
    kwargs: dict[str, object] = {
        "municipality": MUNICIPALITY,
        "committee": COMMITTEE,
        "meeting_date_text": DATE_TEXT,
        "chair": CHAIR,
        "items": ITEMS,
        "hyphenate_word": "udviklings-planen",
        "case_numbers": {14: "00.30.14-S00-1-26"},
    }
    kwargs.update(overrides)
    return write_minutes_pdf(path, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def minutes_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("pdf") / "referat_2026-03-04.pdf"
    pages = _write_sample_pdf(path)
    return path, pages


@pytest.fixture(scope="module")
def source(minutes_pdf: tuple[Path, int]) -> SourceText:
    return read_source(minutes_pdf[0])


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _value_after(lines: list[str], label: str) -> str:
    """The value printed for ``label``: on its line, else on the next one."""
    for index, line in enumerate(lines):
        if line.startswith(label):
            rest = line[len(label) :].strip()
            return rest or lines[index + 1].strip()
    raise AssertionError(f"{label!r} not found in {lines!r}")


# --------------------------------------------------------------------------
# text PDFs
# --------------------------------------------------------------------------


def test_pdf_gives_numbered_pages(minutes_pdf: tuple[Path, int], source: SourceText) -> None:
    path, page_count = minutes_pdf
    assert page_count >= 3, "the fixture should span several pages"
    assert source.is_pdf
    assert source.file_name == path.name
    assert [p.number for p in source.pages] == list(range(1, page_count + 1))
    assert source.page_count == page_count
    assert all(p.text.strip() for p in source.pages)
    assert all(isinstance(p, Page) for p in source.pages)


def test_two_column_header_is_readable_on_every_page(source: SourceText) -> None:
    for page in source.pages:
        lines = _lines(page.text)
        # The left column first, then each label followed by its value.
        assert lines[0] == MUNICIPALITY
        assert lines[1] == COMMITTEE
        assert _value_after(lines, "Mødedato:") == DATE_TEXT
        assert _value_after(lines, "Formand:") == CHAIR
        assert _value_after(lines, "Sidetal:") == str(page.number)
        # No line mixes the two columns.
        for line in lines:
            assert not (MUNICIPALITY in line and "Mødedato" in line), line
            assert not (COMMITTEE in line and "Formand" in line), line
        assert re.search(r"Mødedato:\s*4\. marts 2026", page.text)


def test_header_comes_before_the_body(source: SourceText) -> None:
    first = _lines(source.pages[0].text)
    sidetal = first.index("Sidetal:")
    assert first[sidetal + 1] == "1"
    assert first[sidetal + 2] == "00.30.14-S00-1-26"
    assert re.match(r"^14\.\s{2,}Budgetopfølgning pr\. 31\. januar 2026", first[sidetal + 3])


def test_single_column_header(tmp_path: Path) -> None:
    path = tmp_path / "enkelt.pdf"
    _write_sample_pdf(path, two_column_header=False, first_page_number=7)
    source = read_source(path)
    lines = _lines(source.pages[0].text)
    assert lines[:2] == [MUNICIPALITY, COMMITTEE]
    assert _value_after(lines, "Mødedato:") == DATE_TEXT
    assert _value_after(lines, "Sidetal:") == "7"


def test_item_headings_and_sections(source: SourceText) -> None:
    text = "\n".join(p.text for p in source.pages)
    lines = text.splitlines()
    heading = re.compile(r"^(\d+)\.\s{2,}(\S.*)$")
    numbers = [int(m[1]) for line in lines if (m := heading.match(line))]
    assert numbers == [14, 15, 16]
    for name in (
        "Beslutningstema",
        "Økonomi",
        "Sagsfremstilling",
        "Beslutning",
        "Administrationen indstiller,",
    ):
        assert name in lines
    assert "Bilag/Punkt_16_Bilag_1_Normeringsopgoerelse_2025.pdf" in lines
    assert "den 18. marts 2026 kl. 17.00." in text


def test_hyphenated_word_is_split_at_a_line_end(source: SourceText) -> None:
    lines = [line for p in source.pages for line in p.text.splitlines()]
    ends = [i for i, line in enumerate(lines) if line.endswith("udviklings-")]
    assert len(ends) == 1, "exactly one line should end with the broken word"
    assert lines[ends[0] + 1].startswith("planen ")
    assert "udviklingsplanen" not in "\n".join(lines)  # joining is normalize's job


def test_hyphenated_word_is_joined_by_normalisation(source: SourceText) -> None:
    try:
        normalize = importlib.import_module("minutes.normalize")
    except ImportError:
        pytest.skip("minutes.normalize not there yet")
    joiner: Callable[[str], str] | None = getattr(normalize, "clean_text", None)
    if joiner is None:
        pytest.skip("minutes.normalize has no clean_text()")
    text = "\n".join(p.text for p in source.pages)
    joined = joiner(text)
    assert "Den samlede udviklingsplanen for skoleområdet" in joined
    assert "udviklings-" not in joined


def test_reading_order_does_not_follow_the_content_stream(tmp_path: Path) -> None:
    """Lines drawn bottom-up, right column first, come out top-down."""
    rows = [
        (56.0, 800.0, MUNICIPALITY),
        (350.0, 800.0, "Mødedato:"),
        (420.0, 800.0, DATE_TEXT),
        (56.0, 786.0, COMMITTEE),
        (350.0, 786.0, "Formand:"),
        (420.0, 786.0, CHAIR),
        (350.0, 772.0, "Sidetal:"),
        (420.0, 772.0, "4"),
        (56.0, 740.0, "21."),
        (100.0, 740.0, "Skolestruktur i Havnedistriktet"),
        (56.0, 720.0, "Beslutning"),
        (56.0, 706.0, "Model B sendes i høring med høringssvar senest 1. april 2026."),
    ]
    texts = []
    for name, order in (("ordered.pdf", rows), ("scrambled.pdf", rows[::-1])):
        canvas = Canvas(str(tmp_path / name), pagesize=A4, invariant=True)
        canvas.setFont("Helvetica", 10)
        for x, y, text in order:
            canvas.drawString(x, y, text)
        canvas.save()
        texts.append(read_source(tmp_path / name).pages[0].text)
    assert texts[0] == texts[1]
    assert _lines(texts[1]) == [
        MUNICIPALITY,
        COMMITTEE,
        "Mødedato:",
        DATE_TEXT,
        "Formand:",
        CHAIR,
        "Sidetal:",
        "4",
        "21.        Skolestruktur i Havnedistriktet",
        "Beslutning",
        "Model B sendes i høring med høringssvar senest 1. april 2026.",
    ]


def test_pdf_is_detected_by_magic_bytes_not_extension(tmp_path: Path) -> None:
    path = tmp_path / "referat.txt"
    path.write_bytes(
        minutes_pdf_bytes(
            municipality=MUNICIPALITY,
            committee=COMMITTEE,
            meeting_date_text=DATE_TEXT,
            chair=CHAIR,
            items=ITEMS[:1],
        )
    )
    source = read_source(path)
    assert source.is_pdf
    assert source.pages[0].number == 1
    assert "Budgetopfølgning" in source.pages[0].text


def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path: Path) -> None:
    path = tmp_path / "kun_rettigheder.pdf"
    write_encrypted_pdf(path, user_password="")
    source = read_source(path)
    assert source.is_pdf
    assert "Udvalget for Børn og Skole" in source.pages[0].text


def test_aes_encrypted_pdf(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    locked, open_ = tmp_path / "aes_kode.pdf", tmp_path / "aes_aaben.pdf"
    write_encrypted_pdf(locked, algorithm="AES-256")
    write_encrypted_pdf(open_, user_password="", algorithm="AES-256")
    with pytest.raises(EncryptedPdf):
        read_source(locked)
    assert "Fjordby Kommune" in read_source(open_).pages[0].text


def test_pypdf_warnings_stay_off_stderr(tmp_path: Path) -> None:
    """A damaged but readable PDF: pypdf repairs it and complains through
    logging; without a logging configuration nothing reaches stderr."""
    good = minutes_pdf_bytes(
        municipality=MUNICIPALITY,
        committee=COMMITTEE,
        meeting_date_text=DATE_TEXT,
        chair=CHAIR,
        items=ITEMS[:1],
    )
    damaged = re.sub(rb"startxref\s+\d+", b"startxref\n123", good)
    assert damaged != good
    path = tmp_path / "skaev_xref.pdf"
    path.write_bytes(damaged)
    script = (
        "import sys; from pathlib import Path; from minutes.reader import read_source; "
        "s = read_source(Path(sys.argv[1])); print(len(s.pages))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
    assert done.stderr == ""


# --------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------


def _raises(path: Path, error: type[MinutesError]) -> MinutesError:
    with pytest.raises(error) as info:
        read_source(path)
    exc = info.value
    assert exc.file_name == path.name
    assert path.name in str(exc)
    assert exc.reason and exc.reason in str(exc)
    return exc


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "afbrudt_download.pdf"
    write_corrupt_pdf(path)
    exc = _raises(path, CorruptPdf)
    assert "ufuldstændig" in exc.reason


@pytest.mark.parametrize("keep", [0.05, 0.3, 0.7, 0.95])
def test_pdf_truncated_anywhere_is_corrupt(tmp_path: Path, keep: float) -> None:
    path = tmp_path / f"afkortet_{int(keep * 100)}.pdf"
    write_corrupt_pdf(path, keep=keep)
    _raises(path, CorruptPdf)


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\nDette er ikke en rigtig PDF.\n%%EOF\n",
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n",
    ],
    ids=["garbage-after-header", "broken-objects"],
)
def test_damaged_pdf_is_corrupt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "beskadiget.pdf"
    path.write_bytes(content)
    _raises(path, CorruptPdf)


def test_pdf_name_without_pdf_content_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "referat.pdf"
    path.write_text("Mødedato: 4. marts 2026\n", encoding="utf-8")
    exc = _raises(path, CorruptPdf)
    assert "ikke en PDF" in exc.reason


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fortroligt.pdf"
    write_encrypted_pdf(path, user_password="hemmelig")
    exc = _raises(path, EncryptedPdf)
    assert "adgangskode" in exc.reason


def test_image_only_pdf_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scannet.pdf"
    write_image_only_pdf(path, pages=2)
    exc = _raises(path, NoTextFound)
    assert "scannet" in exc.reason
    assert "OCR" in exc.reason


def test_blank_pdf_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    write_simple_pdf(path, [])
    exc = _raises(path, NoTextFound)
    assert "OCR" not in exc.reason


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tom.txt", b""),
        ("tom.pdf", b""),
        ("mellemrum.txt", b"  \n\n\t \r\n"),
        ("bom_og_luft.txt", b"\xef\xbb\xbf \n \n"),
    ],
)
def test_empty_or_blank_file_has_no_text(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _raises(path, NoTextFound)


@pytest.mark.parametrize(
    ("name", "content", "hint"),
    [
        ("referat.docx", b"PK\x03\x04" + bytes(range(256)) * 8, "Word"),
        ("referat.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "Office"),
        ("billede.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "Billedfiler"),
        ("data.bin", bytes(range(256)) * 16, "PDF eller tekst"),
    ],
)
def test_binary_file_is_unsupported(tmp_path: Path, name: str, content: bytes, hint: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    exc = _raises(path, UnsupportedFileType)
    assert hint in exc.reason


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    exc = _raises(tmp_path / "findes_ikke.txt", UnreadableDocument)
    assert "findes ikke" in exc.reason


# --------------------------------------------------------------------------
# text files
# --------------------------------------------------------------------------

DANISH = "Mødedato: 4. marts 2026 – Udvalget for Børn og Skole, 1,4 mio. kr. € (§ 24)"


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (DANISH.encode("utf-8"), DANISH),
        (b"\xef\xbb\xbf" + DANISH.encode("utf-8"), DANISH),
        (DANISH.encode("cp1252"), DANISH),
        (DANISH.encode("utf-16"), DANISH),
        # 0x81 is not a cp1252 character: latin-1 takes over.
        (b"Sk\xf8le \x81 \xe6bler", "Skøle \x81 æbler"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "utf-16-bom", "latin-1"],
)
def test_text_encodings(tmp_path: Path, encoded: bytes, expected: str) -> None:
    path = tmp_path / "referat.txt"
    path.write_bytes(encoded)
    source = read_source(path)
    assert not source.is_pdf
    assert source.page_count is None
    assert source.pages == [Page(number=None, text=expected)]


def test_text_pages_split_on_form_feed(tmp_path: Path) -> None:
    path = tmp_path / "pdftotext.txt"
    path.write_bytes(b"Side et\r\nlinje to\fSide to\f\fSide fire\f")
    source = read_source(path)
    assert source.pages == [
        Page(1, "Side et\nlinje to"),
        Page(2, "Side to"),
        Page(3, ""),
        Page(4, "Side fire"),
    ]


def test_text_with_other_extension_is_read(tmp_path: Path) -> None:
    path = tmp_path / "referat.md"
    path.write_text("# Referat\n\nBeslutning: Godkendt.\n", encoding="utf-8")
    assert "Godkendt" in read_source(path).pages[0].text


def test_decomposed_letters_are_composed(tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    path.write_text("Ska\u030aret og Bo\u0308rn", encoding="utf-8")  # å as a + ring
    assert read_source(path).pages[0].text == "Skåret og Börn"


def test_read_bytes_matches_read_source(minutes_pdf: tuple[Path, int], source: SourceText) -> None:
    path = minutes_pdf[0]
    assert read_bytes(path.read_bytes(), path.name) == source


# --------------------------------------------------------------------------
# content hash
# --------------------------------------------------------------------------


def test_content_hash_is_sha256_of_the_bytes(tmp_path: Path) -> None:
    data = b"Referatet godkendes digitalt.\n"
    first, second = tmp_path / "a.txt", tmp_path / "b_andet_navn.txt"
    first.write_bytes(data)
    second.write_bytes(data)
    expected = hashlib.sha256(data).hexdigest()
    assert content_hash(first) == expected
    assert content_hash(str(first)) == expected
    assert content_hash(second) == expected
    assert content_hash(data) == expected
    assert content_hash(bytearray(data)) == expected
    assert content_hash(b"andet indhold") != expected


def test_generated_pdfs_are_deterministic(tmp_path: Path) -> None:
    one, two = tmp_path / "1.pdf", tmp_path / "2.pdf"
    _write_sample_pdf(one)
    _write_sample_pdf(two)
    assert content_hash(one) == content_hash(two)
    _write_sample_pdf(two, chair="Peter Lund")
    assert content_hash(one) != content_hash(two)


def test_pdfgen_rejects_a_missing_hyphenation_word(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not occur"):
        _write_sample_pdf(tmp_path / "x.pdf", hyphenate_word="skolevejsanalysen")


# --------------------------------------------------------------------------
# layout text clean-up
# --------------------------------------------------------------------------


def test_tidy_layout_text_unfolds_header_and_keeps_body() -> None:
    layout = "\n".join(
        [
            "   Fjordby Kommune                                   Mødedato:      4. marts 2026",
            "   Udvalget for Børn og Skole                        Formand:       Karen Holmgaard",
            "                                                     Sidetal:",
            "                                                                    3",
            "   17.        Normering   i   dagtilbud",
            "   Skole                     Elever       Beløb",
            "   Havnens Skole             212          1.250.000 kr.",
            "",
        ]
    )
    assert tidy_layout_text(layout).splitlines() == [
        "Fjordby Kommune",
        "Udvalget for Børn og Skole",
        "Mødedato:",
        "4. marts 2026",
        "Formand:",
        "Karen Holmgaard",
        "Sidetal:",
        "3",
        "17.        Normering i dagtilbud",
        "Skole        Elever        Beløb",
        "Havnens Skole        212        1.250.000 kr.",
    ]


def test_tidy_layout_text_leaves_a_table_at_the_top_alone() -> None:
    layout = "\n".join(
        [
            "Skole                     Elever       Beløb",
            "Havnens Skole             212          1.250.000 kr.",
            "Kirkebakke Skole          38           310.000 kr.",
        ]
    )
    assert tidy_layout_text(layout).splitlines() == [
        "Skole        Elever        Beløb",
        "Havnens Skole        212        1.250.000 kr.",
        "Kirkebakke Skole        38        310.000 kr.",
    ]


# --------------------------------------------------------------------------
# shipped samples
# --------------------------------------------------------------------------

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def test_samples_are_shipped() -> None:
    assert len(SAMPLE_FILES) == 2
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "fictional" in readme.lower()


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_reads_as_hedensted_layout(path: Path) -> None:
    source = read_source(path)
    assert not source.is_pdf
    assert len(source.pages) == 1
    text = source.pages[0].text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines.count("Mødedato:") == 1
    assert "Fjordby Kommune" in lines and "Udvalget for Børn og Skole" in lines
    items = [
        int(m[1]) for line in text.splitlines() if (m := re.match(r"^\s?(\d+)\.        \S", line))
    ]
    assert 5 <= len(items) <= 8
    assert items == sorted(items)
    assert "Digital godkendelse af referat" in text
    assert "Referatet godkendes digitalt." in lines
    assert re.search(r"Bilag/Punkt_\d+_Bilag_\d+_\w+\.pdf", text)


def _words(text: str) -> list[str]:
    return re.sub(r"[\uf0b7\s]+", " ", text).lower().split()


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_copies_no_sentence_from_the_seeds(path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not available")
    seed_words = _words(" ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")))
    n = 8
    seed_grams = {tuple(seed_words[i : i + n]) for i in range(len(seed_words) - n + 1)}
    words = _words(path.read_text(encoding="utf-8"))
    shared = [
        " ".join(words[i : i + n])
        for i in range(len(words) - n + 1)
        if tuple(words[i : i + n]) in seed_grams
    ]
    assert shared == []
