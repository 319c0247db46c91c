"""Read a minutes file (PDF or text) into :class:`~minutes.model.SourceText`.

PDFs are recognised by their magic bytes (``%PDF-``), not by the file name.
Their text layer is extracted page by page in reading order (top to bottom,
left to right, by position on the page rather than by the order the producer
wrote the content stream), then tidied:

* leading/trailing blanks are stripped, runs of 2–3 blanks inside a line become
  one, wider gaps (tab stops, table columns) become eight blanks, so an item
  heading reads ``"12.        Title"`` as in the published text versions;
* a page header laid out in two columns (municipality and committee on the
  left; "Mødedato:", "Formand:", "Sidetal:" with their values on the right)
  is written column by column, each label on its own line followed by its
  value, the way the parser knows it from the text versions::

      Hedensted Kommune
      Udvalget for Læring
      Mødedato:
      2. marts 2020
      Formand:
      Ole Vind
      Sidetal:
      7

Hyphenated line breaks ("udvik-" / "ling") are left as they are: joining them
is :mod:`minutes.normalize`'s job.

Text files are decoded as UTF-8 (with or without BOM; UTF-16 with BOM), else
cp1252, else latin-1, and split into pages at form feeds.

Every failure is a :class:`~minutes.errors.MinutesError` carrying the file name
and a Danish reason a committee secretary can act on. pypdf's complaints about
damaged files go to the ``pypdf`` loggers (never straight to stderr).
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from minutes.errors import (
    CorruptPdf,
    EncryptedPdf,
    NoTextFound,
    UnreadableDocument,
    UnsupportedFileType,
)
from minutes.model import Page, SourceText

__all__ = ["read_source", "read_bytes", "content_hash", "is_pdf_bytes", "tidy_layout_text"]

logger = logging.getLogger(__name__)

# How far into a file the "%PDF-" header may start (readers tolerate junk).
_PDF_MAGIC_WINDOW = 1024
# "%%EOF" must occur this close to the end, else the file was cut off.
_PDF_EOF_WINDOW = 4096
# Below this many visible characters per page a page counts as "no text".
_MIN_PAGE_CHARS = 20

# Binary formats people save minutes in, with what to tell them.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (
        b"PK\x03\x04",
        "Word-, Excel- og zip-filer (.docx, .xlsx, .zip) understøttes ikke. "
        "Gem referatet som PDF og prøv igen.",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "Ældre Office-filer (.doc, .xls, .msg) understøttes "
        "ikke. Gem referatet som PDF og prøv igen.",
    ),
    (b"{\\rtf", "RTF-filer understøttes ikke. Gem referatet som PDF eller ren tekst (.txt)."),
    (b"\x89PNG", "Billedfiler understøttes ikke. Brug referatet som PDF med tekst."),
    (b"\xff\xd8\xff", "Billedfiler understøttes ikke. Brug referatet som PDF med tekst."),
    (b"GIF8", "Billedfiler understøttes ikke. Brug referatet som PDF med tekst."),
    (b"II*\x00", "Billedfiler (TIFF) understøttes ikke. Brug referatet som PDF med tekst."),
    (b"MM\x00*", "Billedfiler (TIFF) understøttes ikke. Brug referatet som PDF med tekst."),
)

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)

# Characters that are not text: C0 controls except tab/newline/CR/form feed.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------


def content_hash(path_or_bytes: Path | str | bytes | bytearray | memoryview) -> str:
    """SHA-256 (hex) of a file's raw bytes, for idempotent ingest.

    Accepts a path (``Path`` or ``str``) or the bytes themselves; the same
    content gives the same hash whatever the file is called.
    """
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        return hashlib.sha256(path_or_bytes).hexdigest()
    digest = hashlib.sha256()
    with open(path_or_bytes, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_pdf_bytes(data: bytes) -> bool:
    """True when the bytes start (near the beginning) with a PDF header."""
    return b"%PDF-" in data[:_PDF_MAGIC_WINDOW]


def read_source(path: Path) -> SourceText:
    """Read a PDF or text file into pages of text.

    Raises (all subclasses of :class:`~minutes.errors.MinutesError`, with the
    file name and a Danish reason):

    * :class:`CorruptPdf` – a damaged or truncated PDF, or a ``.pdf`` file
      that is not a PDF at all;
    * :class:`EncryptedPdf` – a PDF that needs a password (PDFs that open
      with an empty password are read);
    * :class:`NoTextFound` – an empty file, only whitespace, or a PDF without
      a text layer (a scan: the reason says it needs OCR);
    * :class:`UnsupportedFileType` – a binary file that is neither PDF nor text;
    * :class:`UnreadableDocument` – the file cannot be opened (missing,
      a directory, no permission).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument(path.name, "Filen findes ikke.") from None
    except IsADirectoryError:
        raise UnreadableDocument(path.name, "Det er en mappe, ikke en fil.") from None
    except PermissionError:
        raise UnreadableDocument(path.name, "Ingen adgang til at læse filen.") from None
    except OSError as exc:
        raise UnreadableDocument(path.name, f"Filen kunne ikke læses ({exc.strerror}).") from exc
    return read_bytes(data, path.name)


def read_bytes(data: bytes, file_name: str) -> SourceText:
    """Like :func:`read_source` for content already in memory (an upload)."""
    if not data.strip():
        if not data:
            raise NoTextFound(file_name, "Filen er tom (0 byte).")
        raise NoTextFound(file_name, "Filen indeholder kun tomme linjer og mellemrum.")
    if is_pdf_bytes(data):
        return _read_pdf(data, file_name)
    if Path(file_name).suffix.lower() == ".pdf":
        raise CorruptPdf(
            file_name,
            "Filen hedder .pdf, men er ikke en PDF-fil (den mangler PDF-hovedet). "
            "Hent eller gem den igen som PDF.",
        )
    return _read_text(data, file_name)


# --------------------------------------------------------------------------
# text files
# --------------------------------------------------------------------------


def _decode_text(data: bytes, file_name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")

    for magic, reason in _BINARY_SIGNATURES:
        if data.startswith(magic):
            raise UnsupportedFileType(file_name, reason)
    if b"\x00" in data[:8192]:
        raise UnsupportedFileType(file_name)

    for encoding in ("utf-8", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8":
            logger.debug("%s: not UTF-8, decoded as %s", file_name, encoding)
        break
    else:
        logger.debug("%s: not UTF-8 or cp1252, decoded as latin-1", file_name)
        text = data.decode("latin-1")

    sample = text[:20000]
    if sample and len(_CONTROL_RE.findall(sample)) > 0.05 * len(sample):
        raise UnsupportedFileType(file_name)
    return text


def _read_text(data: bytes, file_name: str) -> SourceText:
    text = _decode_text(data, file_name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _tidy_chars(text)
    if not text.strip():
        raise NoTextFound(file_name, "Filen indeholder kun tomme linjer og mellemrum.")
    if "\f" in text:
        chunks = text.split("\f")
        if chunks and not chunks[-1].strip():
            chunks.pop()  # pdftotext ends every page, the last one too, with \f
        pages = [Page(number=i + 1, text=chunk) for i, chunk in enumerate(chunks)]
    else:
        pages = [Page(number=None, text=text)]
    return SourceText(file_name=file_name, pages=pages, is_pdf=False)


def _tidy_chars(text: str) -> str:
    """NFC (Danish letters sometimes arrive decomposed), no ligatures or NULs."""
    text = unicodedata.normalize("NFC", text).translate(_LIGATURES)
    return text.replace("\x00", "")


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


def _quiet_pypdf() -> None:
    """Keep pypdf's warnings about damaged files off stderr.

    pypdf reports what it repaired through the ``pypdf`` loggers. Without any
    handler configured, Python's last-resort handler prints those to stderr.
    A NullHandler stops that and leaves the records to the application's
    logging configuration (they still propagate to the root logger).
    """
    pypdf_logger = logging.getLogger("pypdf")
    if not any(isinstance(h, logging.NullHandler) for h in pypdf_logger.handlers):
        pypdf_logger.addHandler(logging.NullHandler())


def _open_pdf(data: bytes, file_name: str) -> PdfReader:
    if b"%%EOF" not in data[-_PDF_EOF_WINDOW:]:
        raise CorruptPdf(
            file_name,
            "PDF-filen er ufuldstændig (den slutter midt i filen, fx efter en afbrudt "
            "download). Hent eller gem den igen.",
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except DependencyError as exc:
        logger.warning("%s: cannot decrypt: %s", file_name, exc)
        raise EncryptedPdf(
            file_name,
            "PDF-filen er krypteret på en måde, som Referatbot ikke kan åbne på denne "
            "server. Gem den uden kryptering og prøv igen.",
        ) from exc
    except FileNotDecryptedError as exc:
        raise EncryptedPdf(file_name) from exc
    except Exception as exc:  # pypdf raises many types on malformed input
        logger.debug("%s: pypdf could not open the file", file_name, exc_info=True)
        raise CorruptPdf(file_name) from exc

    if reader.is_encrypted:
        try:
            result = reader.decrypt("")
        except DependencyError as exc:
            raise EncryptedPdf(
                file_name,
                "PDF-filen er krypteret på en måde, som Referatbot ikke kan åbne på denne "
                "server. Gem den uden kryptering og prøv igen.",
            ) from exc
        except Exception as exc:
            logger.debug("%s: decryption failed", file_name, exc_info=True)
            raise EncryptedPdf(file_name) from exc
        if result == PasswordType.NOT_DECRYPTED:
            raise EncryptedPdf(file_name)
        logger.debug("%s: encrypted, opened with the empty password", file_name)
    return reader


def _read_pdf(data: bytes, file_name: str) -> SourceText:
    _quiet_pypdf()
    reader = _open_pdf(data, file_name)
    try:
        raw_pages = list(reader.pages)
    except FileNotDecryptedError as exc:
        raise EncryptedPdf(file_name) from exc
    except Exception as exc:
        logger.debug("%s: cannot read the page tree", file_name, exc_info=True)
        raise CorruptPdf(file_name) from exc
    if not raw_pages:
        raise NoTextFound(file_name, "PDF-filen har ingen sider.")

    pages: list[Page] = []
    failed = 0
    for index, page in enumerate(raw_pages):
        try:
            text = _page_text(page)
        except FileNotDecryptedError as exc:
            raise EncryptedPdf(file_name) from exc
        except Exception:
            logger.warning(
                "%s: text on page %d could not be read", file_name, index + 1, exc_info=True
            )
            failed += 1
            text = ""
        pages.append(Page(number=index + 1, text=text))

    if failed == len(raw_pages):
        raise CorruptPdf(file_name, "PDF-filen er beskadiget: ingen af siderne kunne læses.")

    visible = [_visible_chars(p.text) for p in pages]
    if all(n < _MIN_PAGE_CHARS for n in visible):
        # At most a stray page number or scanner stamp: a scan if it has images.
        if any(_has_images(page) for page in raw_pages):
            raise NoTextFound(
                file_name,
                "PDF-filen ser ud til at være scannet: siderne er billeder uden et "
                "tekstlag. Kør tekstgenkendelse (OCR) på filen, fx i Adobe Acrobat, "
                "og prøv igen.",
            )
        if sum(visible) == 0:
            raise NoTextFound(file_name, "PDF-filen indeholder ingen tekst.")
    else:
        scanned = [
            p.number
            for p, n, raw in zip(pages, visible, raw_pages, strict=True)
            if n < _MIN_PAGE_CHARS and _has_images(raw)
        ]
        if scanned:
            logger.warning(
                "%s: pages without a text layer (scanned?): %s",
                file_name,
                ", ".join(str(n) for n in scanned),
            )
    return SourceText(file_name=file_name, pages=pages, is_pdf=True)


def _visible_chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _has_images(page: PageObject) -> bool:
    try:
        return len(page.images) > 0
    except Exception:
        return False


def _page_text(page: PageObject) -> str:
    """One page's text in reading order, tidied (see the module docstring)."""
    text = ""
    try:
        text = page.extract_text(extraction_mode="layout")
    except Exception:
        logger.debug("layout extraction failed, falling back to plain", exc_info=True)
    if not text.strip():
        text = page.extract_text()
    return tidy_layout_text(_tidy_chars(text))


# --------------------------------------------------------------------------
# layout text → reading text
# --------------------------------------------------------------------------

# A segment: words separated by at most three blanks. Four or more blanks
# separate segments (columns, tab stops).
_SEGMENT_RE = re.compile(r"\S+(?: {1,3}\S+)*")
# "Mødedato:", "Formand:", "Sidetal:", "Mødested:" … at the start of a segment.
_LABEL_RE = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ./ -]{0,30}:(?:\s|$)")
_LABEL_ONLY_RE = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ./ -]{0,30}:$")
_COLUMN_GAP = " " * 8
_MAX_HEADER_LINES = 10


@dataclass(frozen=True, slots=True)
class _Segment:
    start: int
    text: str


def _segments(line: str) -> list[_Segment]:
    return [
        _Segment(m.start(), re.sub(r" {2,3}", " ", m.group())) for m in _SEGMENT_RE.finditer(line)
    ]


def _join(segments: Iterable[_Segment]) -> str:
    return _COLUMN_GAP.join(s.text for s in segments)


def tidy_layout_text(text: str) -> str:
    """Turn pypdf's fixed-width layout text into reading text.

    Strips margins, collapses spacing, keeps at most one blank line where the
    page had vertical space (between sections, mostly), and unfolds a
    two-column page header at the top of the page (see the module docstring).
    """
    lines = [ln.expandtabs(8).rstrip() for ln in text.splitlines()]
    i = 0
    while i < len(lines) and not lines[i]:
        i += 1
    width = max((len(ln) for ln in lines), default=0)
    out, consumed = _unfold_header(lines[i:], width)
    for line in lines[i + consumed :]:
        tidy = _join(_segments(line))
        if tidy or (out and out[-1]):
            out.append(tidy)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _unfold_header(lines: list[str], width: int) -> tuple[list[str], int]:
    """If ``lines`` start with a two-column header, return it unfolded
    (left column, then right column with each label and value on its own
    line) and the number of lines it took; else ``([], 0)``."""
    if width == 0:
        return [], 0
    right_edge = 0.35 * width
    # The first rows with text (blank lines between them are skipped) and
    # the index of the line each sits on.
    window: list[list[_Segment]] = []
    at: list[int] = []
    for index, line in enumerate(lines):
        segs = _segments(line)
        if segs:
            window.append(segs)
            at.append(index)
            if len(window) == _MAX_HEADER_LINES:
                break

    def right_labels(segs: list[_Segment]) -> list[int]:
        return [s.start for s in segs if s.start >= right_edge and _LABEL_RE.match(s.text)]

    label_rows = [i for i, segs in enumerate(window) if right_labels(segs)]
    # The header's first label sits in its first rows; a label further down
    # belongs to the body.
    if not label_rows or label_rows[0] > 3:
        return [], 0
    boundary = min(start for i in label_rows for start in right_labels(window[i]))
    end = label_rows[-1] + 1
    # A value wrapped onto the next row under the last label ("Sidetal:" / "7").
    while (
        end < len(window)
        and end - label_rows[-1] <= 2
        and all(s.start >= boundary for s in window[end])
        and not right_labels(window[end])
    ):
        end += 1
    block = window[:end]
    left: list[str] = []
    right: list[str] = []
    for segs in block:
        lsegs = [s for s in segs if s.start < boundary]
        rsegs = [s for s in segs if s.start >= boundary]
        if lsegs:
            left.append(_join(lsegs))
        if not rsegs:
            continue
        first, rest = rsegs[0], rsegs[1:]
        if rest and _LABEL_ONLY_RE.match(first.text):
            right.append(first.text)
            right.append(" ".join(s.text for s in rest))
        else:
            right.append(" ".join(s.text for s in rsegs))
    return left + right, at[end - 1] + 1
