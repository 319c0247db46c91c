"""Generate realistic minutes PDFs for tests and benchmarks.

The PDFs imitate the layout Danish municipalities publish (Hedensted style):

* a page header on every page laid out in two columns: municipality and
  committee on the left; "Mødedato:", "Formand:" and "Sidetal:" labels with
  their values on the right. The header is drawn row by row (left cell, label,
  value, next row…), so the content stream interleaves the columns the way
  real producers do, which is exactly what a naive text extraction gets wrong;
* items as ``NN.`` at the margin and the title at a tab stop, optionally
  preceded by a journal number line;
* bold section headings (Beslutningstema, Økonomi, …) with wrapped paragraphs;
* optionally one word broken with a hyphen across a line end.

Plus a few broken files: encrypted, image-only (a "scan") and truncated.

All text used here and by the callers is fictional and written for this
project. Output is deterministic (reportlab's invariant mode), so the same
arguments give the same bytes and the same content hash.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "Item",
    "write_minutes_pdf",
    "write_simple_pdf",
    "write_encrypted_pdf",
    "write_image_only_pdf",
    "write_corrupt_pdf",
    "minutes_pdf_bytes",
]

# (number, title, {section heading: text}); paragraphs in the text are
# separated by blank lines, single newlines are kept as line breaks.
Item = tuple[int, str, Mapping[str, str]]

PAGE_W, PAGE_H = A4
MARGIN_L = 56.0
MARGIN_R = 56.0
BODY_TOP = PAGE_H - 100.0
BODY_BOTTOM = 60.0
TITLE_TAB = 100.0  # x where an item's title starts ("NN." sits at the margin)

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
BODY_SIZE = 10.0
LEADING = 13.0


class _Writer:
    """A tiny page-flowing writer on top of a reportlab canvas."""

    def __init__(
        self,
        canvas: Canvas,
        *,
        municipality: str,
        committee: str,
        meeting_date_text: str,
        chair: str,
        two_column_header: bool,
        first_page_number: int,
    ) -> None:
        self.c = canvas
        self.municipality = municipality
        self.committee = committee
        self.meeting_date_text = meeting_date_text
        self.chair = chair
        self.two_column_header = two_column_header
        self.page_number = first_page_number
        self.pages = 0
        self.y = BODY_TOP
        self._start_page()

    # -- pages -------------------------------------------------------------

    def _start_page(self) -> None:
        self.pages += 1
        self._draw_header()
        self.y = BODY_TOP

    def new_page(self) -> None:
        self.c.showPage()
        self.page_number += 1
        self._start_page()

    def _draw_header(self) -> None:
        c = self.c
        top = PAGE_H - 42.0
        if self.two_column_header:
            # Row by row, left cell first, then the right column's label and
            # value: the content stream interleaves the two columns.
            label_x, value_x = 350.0, 420.0
            rows: list[tuple[str, str, str]] = [
                (self.municipality, "Mødedato:", self.meeting_date_text),
                (self.committee, "Formand:", self.chair),
                ("", "Sidetal:", str(self.page_number)),
            ]
            for i, (left, label, value) in enumerate(rows):
                y = top - i * 14.0
                if left:
                    c.setFont(FONT_BOLD if i == 0 else FONT, 11 if i == 0 else 10)
                    c.drawString(MARGIN_L, y, left)
                c.setFont(FONT, 9)
                c.drawString(label_x, y, label)
                c.drawString(value_x, y, value)
            line_y = top - 3 * 14.0 + 4
        else:
            lines = [
                (FONT_BOLD, 11.0, self.municipality),
                (FONT, 10.0, self.committee),
                (FONT, 9.0, f"Mødedato: {self.meeting_date_text}"),
                (FONT, 9.0, f"Formand: {self.chair}"),
                (FONT, 9.0, f"Sidetal: {self.page_number}"),
            ]
            y = top
            for font, size, text in lines:
                c.setFont(font, size)
                c.drawString(MARGIN_L, y, text)
                y -= 12.0
            line_y = y + 4
        c.setLineWidth(0.5)
        c.line(MARGIN_L, line_y, PAGE_W - MARGIN_R, line_y)

    def need(self, height: float) -> None:
        if self.y - height < BODY_BOTTOM:
            self.new_page()

    # -- text --------------------------------------------------------------

    def line(
        self,
        text: str,
        *,
        x: float = MARGIN_L,
        font: str = FONT,
        size: float = BODY_SIZE,
        leading: float = LEADING,
    ) -> None:
        self.need(leading)
        self.c.setFont(font, size)
        self.c.drawString(x, self.y, text)
        self.y -= leading

    def gap(self, height: float = 6.0) -> None:
        self.y -= height

    def paragraph(
        self,
        text: str,
        *,
        x: float = MARGIN_L,
        font: str = FONT,
        size: float = BODY_SIZE,
        hyphenate: str | None = None,
    ) -> bool:
        """Write wrapped text; return True when ``hyphenate`` was broken here."""
        width = PAGE_W - MARGIN_R - x
        lines, broke = wrap(text, width, font, size, hyphenate=hyphenate)
        for ln in lines:
            self.line(ln, x=x, font=font, size=size)
        return broke


def _split_long_word(word: str, width: float, font: str, size: float) -> list[str]:
    """Break a word wider than the line (e.g. an attachment file name)."""
    parts: list[str] = []
    cur = ""
    for ch in word:
        if cur and stringWidth(cur + ch, font, size) > width:
            parts.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        parts.append(cur)
    return parts


def wrap(
    text: str, width: float, font: str, size: float, *, hyphenate: str | None = None
) -> tuple[list[str], bool]:
    """Greedy word wrap. If ``hyphenate`` (a word, optionally with "-" marking
    where to break it) occurs, its first occurrence is split with a hyphen at
    a line end. Returns the lines and whether the break was made."""
    target = hyphenate.replace("-", "") if hyphenate else None
    if hyphenate and "-" in hyphenate:
        cut = hyphenate.index("-")
    elif target:
        cut = max(1, len(target) // 2)
    else:
        cut = 0
    broke = False
    out: list[str] = []
    for raw_line in text.split("\n"):
        words = raw_line.split()
        if not words:
            out.append("")
            continue
        cur = ""
        for word in words:
            if (
                target
                and not broke
                and word.startswith(target)
                and (len(word) == len(target) or not word[len(target)].isalpha())
            ):
                head, tail = word[:cut] + "-", word[cut:]
                candidate = f"{cur} {head}" if cur else head
                if cur and stringWidth(candidate, font, size) > width:
                    out.append(cur)
                    candidate = head
                out.append(candidate)
                cur = tail
                broke = True
                continue
            candidate = f"{cur} {word}" if cur else word
            if stringWidth(candidate, font, size) <= width:
                cur = candidate
                continue
            if cur:
                out.append(cur)
            if stringWidth(word, font, size) > width:
                pieces = _split_long_word(word, width, font, size)
                out.extend(pieces[:-1])
                cur = pieces[-1]
            else:
                cur = word
        if cur:
            out.append(cur)
    return out, broke


def _canvas(target: Path | io.BytesIO, title: str, **kwargs: object) -> Canvas:
    c = Canvas(
        target if isinstance(target, io.BytesIO) else str(target),
        pagesize=A4,
        invariant=True,
        **kwargs,
    )
    c.setTitle(title)
    c.setAuthor("Referatbot testdata")
    c.setCreator("Referatbot tests/pdfgen.py")
    return c


def _render_minutes(
    target: Path | io.BytesIO,
    *,
    municipality: str,
    committee: str,
    meeting_date_text: str,
    chair: str,
    items: Sequence[Item],
    two_column_header: bool,
    hyphenate_word: str | None,
    case_numbers: Mapping[int, str] | None,
    first_page_number: int,
    canvas_kwargs: Mapping[str, object] | None = None,
) -> int:
    c = _canvas(target, f"Referat {committee} {meeting_date_text}", **dict(canvas_kwargs or {}))
    w = _Writer(
        c,
        municipality=municipality,
        committee=committee,
        meeting_date_text=meeting_date_text,
        chair=chair,
        two_column_header=two_column_header,
        first_page_number=first_page_number,
    )
    pending_hyphen = hyphenate_word
    for number, title, sections in items:
        w.need(LEADING * 5)
        w.gap(8)
        case = (case_numbers or {}).get(number)
        if case:
            w.line(case, font=FONT, size=8.5, leading=15)
        title_lines, _ = wrap(title, PAGE_W - MARGIN_R - TITLE_TAB, FONT_BOLD, 12)
        w.need(16 * len(title_lines))
        w.c.setFont(FONT_BOLD, 12)
        w.c.drawString(MARGIN_L, w.y, f"{number}.")
        for tl in title_lines:
            w.line(tl, x=TITLE_TAB, font=FONT_BOLD, size=12, leading=16)
        w.gap(4)
        for heading, body in sections.items():
            w.need(LEADING * 3)
            w.line(heading, font=FONT_BOLD, size=BODY_SIZE, leading=LEADING + 2)
            for para in body.split("\n\n"):
                if w.paragraph(para.strip("\n"), hyphenate=pending_hyphen):
                    pending_hyphen = None
                w.gap(5)
            w.gap(3)
    if pending_hyphen is not None:
        c.save()
        raise ValueError(f"hyphenate_word {hyphenate_word!r} does not occur in the items' text")
    c.save()
    return w.pages


def write_minutes_pdf(
    path: Path | str,
    *,
    municipality: str,
    committee: str,
    meeting_date_text: str,
    chair: str,
    items: Sequence[Item],
    two_column_header: bool = True,
    hyphenate_word: str | None = None,
    case_numbers: Mapping[int, str] | None = None,
    first_page_number: int = 1,
) -> int:
    """Write a minutes PDF to ``path`` and return its number of pages.

    ``items`` are ``(number, title, {heading: text})``; headings are printed
    as given ("Beslutningstema", "Administrationen indstiller,", …).
    ``hyphenate_word`` must occur in some section text; its first occurrence
    is broken across a line end ("udviklings-" / "planen"); put a "-" in it to
    choose the break point. ``case_numbers`` maps item numbers to a journal
    number printed on the line before the item. ``first_page_number`` is the
    first "Sidetal" (minutes often continue a longer document).
    """
    return _render_minutes(
        Path(path),
        municipality=municipality,
        committee=committee,
        meeting_date_text=meeting_date_text,
        chair=chair,
        items=items,
        two_column_header=two_column_header,
        hyphenate_word=hyphenate_word,
        case_numbers=case_numbers,
        first_page_number=first_page_number,
    )


def minutes_pdf_bytes(**kwargs: object) -> bytes:
    """Like :func:`write_minutes_pdf` (same keywords) but return the bytes."""
    buf = io.BytesIO()
    defaults: dict[str, object] = {
        "two_column_header": True,
        "hyphenate_word": None,
        "case_numbers": None,
        "first_page_number": 1,
    }
    defaults.update(kwargs)
    _render_minutes(buf, **defaults)  # type: ignore[arg-type]
    return buf.getvalue()


def write_simple_pdf(path: Path | str, lines: Sequence[str], **canvas_kwargs: object) -> None:
    """A one-page PDF with the given lines of text (no header)."""
    c = _canvas(Path(path), "Testdokument", **canvas_kwargs)
    c.setFont(FONT, BODY_SIZE)
    y = PAGE_H - 72
    for ln in lines:
        c.drawString(MARGIN_L, y, ln)
        y -= LEADING
    c.save()


_ENCRYPTED_TEXT = [
    "Fjordby Kommune",
    "Udvalget for Børn og Skole",
    "Lukket punkt: Personsag vedrørende elevbefordring.",
]


def write_encrypted_pdf(
    path: Path | str,
    *,
    user_password: str = "hemmelig",
    owner_password: str = "ejerkode",
    lines: Sequence[str] | None = None,
    algorithm: str = "RC4-128",
) -> None:
    """A text PDF encrypted with pypdf.

    With ``user_password=""`` the file is encrypted but opens without a
    password (only permissions are restricted), as many published PDFs do.
    ``algorithm`` is passed to :meth:`pypdf.PdfWriter.encrypt`; "RC4-128"
    needs no extra packages, "AES-256" needs ``cryptography``.
    """
    from pypdf import PdfReader, PdfWriter

    buf = io.BytesIO()
    c = _canvas(buf, "Krypteret testdokument")
    c.setFont(FONT, BODY_SIZE)
    y = PAGE_H - 72
    for ln in lines if lines is not None else _ENCRYPTED_TEXT:
        c.drawString(MARGIN_L, y, ln)
        y -= LEADING
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm=algorithm)
    with open(path, "wb") as fh:
        writer.write(fh)


def write_image_only_pdf(path: Path | str, *, pages: int = 1) -> None:
    """A "scanned" PDF: every page is one raster image, no text layer."""
    from PIL import Image, ImageDraw

    c = _canvas(Path(path), "Scannet referat")
    for p in range(pages):
        img = Image.new("L", (620, 877), color=250)
        draw = ImageDraw.Draw(img)
        # Grey bars where a scanner would have seen lines of text.
        y = 60
        while y < 820:
            draw.rectangle((50, y, 50 + (487 + 37 * p + y * 7) % 520, y + 7), fill=90)
            y += 22
        draw.text((50, 20), "Fjordby Kommune", fill=0)  # pixels, not text
        c.drawImage(ImageReader(img), 0, 0, width=PAGE_W, height=PAGE_H)
        c.showPage()
    c.save()


def write_corrupt_pdf(path: Path | str, *, keep: float = 0.45, source: bytes | None = None) -> None:
    """A truncated PDF: the first ``keep`` fraction of a real minutes PDF
    (or of ``source``), as after an interrupted download."""
    if source is None:
        source = minutes_pdf_bytes(
            municipality="Fjordby Kommune",
            committee="Udvalget for Børn og Skole",
            meeting_date_text="4. marts 2026",
            chair="Karen Holmgaard",
            items=[
                (
                    1,
                    "Godkendelse af dagsorden",
                    {"Beslutning": "Dagsordenen blev godkendt uden bemærkninger."},
                ),
                (
                    2,
                    "Budgetopfølgning",
                    {
                        "Økonomi": "Området forventer et mindreforbrug på 1,2 mio. kr.",
                        "Beslutning": "Taget til efterretning.",
                    },
                ),
            ],
        )
    cut = max(8, int(len(source) * keep))
    Path(path).write_bytes(source[:cut])
