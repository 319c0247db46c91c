"""Draw the two Teams app icons: ``color.png`` (192×192) and ``outline.png`` (32×32).

Run once after changing the drawing; the PNGs are committed, so building the
app package needs no Pillow::

    .venv/bin/python -m manifest.make_icons

The motif is a sheet of minutes with a folded corner and a check mark (the
approval of the minutes). Shapes are drawn at a larger scale and reduced, so
the colour icon is smooth; the outline icon is then thresholded, because Teams
wants it white on transparent and nothing else (no grey, no half-transparent
fringe).

Teams' guidance: the colour icon's symbol sits within the central 96×96 px so
it survives the rounded crop; the outline icon has a transparent background.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent

BACKGROUND = (0x1F, 0x5C, 0x99, 255)  # accent colour of the manifest, #1F5C99
PAPER = (255, 255, 255, 255)
FOLD = (0xC9, 0xDA, 0xEC, 255)
TEXT_LINES = (0xA9, 0xC4, 0xE0, 255)
BADGE = (0x2E, 0x9E, 0x5B, 255)
WHITE = (255, 255, 255, 255)
CLEAR_WHITE = (255, 255, 255, 0)

Point = tuple[float, float]


def _scaled(points: list[Point], k: float) -> list[Point]:
    return [(x * k, y * k) for x, y in points]


def draw_color(size: int = 192, supersample: int = 4) -> Image.Image:
    """The 192×192 colour icon: a white sheet with a green check badge on blue."""
    k = supersample
    img = Image.new("RGBA", (size * k, size * k), BACKGROUND)
    d = ImageDraw.Draw(img)

    # The sheet: 64×86 within the central 96×96 area (48…144), shifted left a
    # little to leave room for the badge.
    left, top, right, bottom, fold = 54.0, 53.0, 122.0, 139.0, 18.0
    sheet = [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)]
    d.polygon(_scaled(sheet, k), fill=PAPER)
    corner = [(right - fold, top), (right - fold, top + fold), (right, top + fold)]
    d.polygon(_scaled(corner, k), fill=FOLD)

    # Lines of text on the sheet.
    for y, x_end in ((80.0, 110.0), (92.0, 110.0), (104.0, 96.0), (116.0, 88.0)):
        d.rounded_rectangle(
            _scaled([(left + 10, y), (x_end, y + 5)], k), radius=2.5 * k, fill=TEXT_LINES
        )

    # The approval badge: a green disc with a white check, overlapping the sheet.
    cx, cy, r = 122.0, 122.0, 22.0
    d.ellipse(_scaled([(cx - r - 4, cy - r - 4), (cx + r + 4, cy + r + 4)], k), fill=BACKGROUND)
    d.ellipse(_scaled([(cx - r, cy - r), (cx + r, cy + r)], k), fill=BADGE)
    check = [(cx - 11, cy + 1), (cx - 3, cy + 9), (cx + 12, cy - 8)]
    d.line(_scaled(check, k), fill=WHITE, width=int(6 * k), joint="curve")
    for x, y in (check[0], check[-1]):  # round caps
        d.ellipse(_scaled([(x - 3, y - 3), (x + 3, y + 3)], k), fill=WHITE)

    return img.resize((size, size), Image.Resampling.LANCZOS)


def draw_outline(size: int = 32, supersample: int = 8) -> Image.Image:
    """The 32×32 outline icon: the same sheet and check, white lines on transparent."""
    k = supersample
    img = Image.new("RGBA", (size * k, size * k), CLEAR_WHITE)
    d = ImageDraw.Draw(img)
    stroke = int(2 * k)

    left, top, right, bottom, fold = 6.0, 3.0, 23.0, 28.0, 6.0
    sheet = [
        (left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom),
        (left, top),
    ]
    d.line(_scaled(sheet, k), fill=WHITE, width=stroke, joint="curve")
    d.line(_scaled([(right - fold, top), (right - fold, top + fold), (right, top + fold)], k),
           fill=WHITE, width=stroke, joint="curve")
    for y, x_end in ((13.0, 18.0), (17.5, 15.0)):
        d.line(_scaled([(left + 4, y), (x_end, y)], k), fill=WHITE, width=stroke)

    # The check, breaking out of the sheet's lower right corner.
    check = [(15.5, 23.5), (19.5, 27.5), (28.5, 17.5)]
    d.line(_scaled(check, k), fill=CLEAR_WHITE, width=int(6 * k), joint="curve")  # gap
    d.line(_scaled(check, k), fill=WHITE, width=int(3 * k), joint="curve")

    small = img.resize((size, size), Image.Resampling.LANCZOS)
    # Teams: white and transparent only. Keep the pixels that are mostly ink.
    alpha = small.getchannel("A").point(lambda a: 255 if a >= 110 else 0)
    out = Image.new("RGBA", (size, size), CLEAR_WHITE)
    out.paste(Image.new("RGBA", (size, size), WHITE), mask=alpha)
    return out


def main(folder: Path = HERE) -> None:
    draw_color().convert("RGB").save(folder / "color.png", optimize=True)
    draw_outline().save(folder / "outline.png", optimize=True)
    print(f"wrote {folder / 'color.png'} and {folder / 'outline.png'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
