"""The picture social networks show for a shared link: a 1200×630 PNG drawn at build time.

Drawn with the package's own font (fonts/: a subset of Noto Sans CJK KR under the SIL Open Font License,
made by scripts/make_card_font.py), so a title in Latin, Cyrillic, Greek or Hangul script draws as written,
with no network, no system font and no Cairo, and every machine draws the same pixels. A character the
font lacks is left out of the card, and `missing_glyphs` names it so the build can warn. One card serves the whole site;
it is drawn once and kept in `.cache/` (keyed by its text), so most builds only copy it.
"""

from __future__ import annotations

import functools
import hashlib
import io
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

WIDTH, HEIGHT = 1200, 630
BACKGROUND = (26, 35, 126)  # Material's indigo 900, the site's primary colour
FOREGROUND = (255, 255, 255)
MUTED = (197, 202, 233)


def _wrap(draw: object, text: str, font: object, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap to a pixel width; the last line ends in '…' when text is cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:  # type: ignore[attr-defined]
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;:") + "…"
    return lines


FONT = Path(__file__).resolve().parent / "fonts" / "NotoSansKR-subset.otf"
_STAND_INS = {"\u2212": "-", "\u00a0": " "}
"""Characters the font may lack, drawn as the nearest ASCII (others lose their accents, or are left out)."""


def _font(size: int) -> FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT), size)


def _glyph_test(font: object) -> Callable[[str], bool]:
    missing = font.getmask("\U000f0000")  # type: ignore[attr-defined]  # a private-use code point: the "no glyph" box
    blank = (missing.size, bytes(missing))

    def has_glyph(char: str) -> bool:
        mask = font.getmask(char)  # type: ignore[attr-defined]
        return char.isspace() or (mask.size, bytes(mask)) != blank

    return has_glyph


def missing_glyphs(*texts: str) -> list[str]:
    """Characters of the card's texts the font cannot draw (a warning for the build: they are left out)."""
    has_glyph = _glyph_test(_font(32))
    return sorted({char for text in texts for char in text if not has_glyph(char) and char not in _STAND_INS})


def _drawable(text: str, font: object) -> str:
    """The text with every character the font cannot draw replaced, so no box appears on the card."""
    has_glyph = _glyph_test(font)
    out = []
    for char in text:
        if has_glyph(char):
            out.append(char)
        else:
            plain = _STAND_INS.get(char) or unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            out.append(plain if plain and all(has_glyph(c) for c in plain) else "")
    return "".join(out)


@functools.cache
def draw_card(title: str, subtitle: str, footer: str) -> bytes:
    from PIL import Image, ImageDraw  # imported here: only builds that write the card pay for it

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin, y = 80, 90
    title_font, text_font, small_font = (_font(size) for size in (64, 32, 28))
    title, subtitle, footer = _drawable(title, title_font), _drawable(subtitle, text_font), _drawable(footer, small_font)
    draw.rectangle((margin, 60, margin + 120, 68), fill=MUTED)
    for line in _wrap(draw, title, title_font, WIDTH - 2 * margin, 3):
        y += 10
        draw.text((margin, y), line, font=title_font, fill=FOREGROUND)
        y += 76
    y += 30
    for line in _wrap(draw, subtitle, text_font, WIDTH - 2 * margin, 5):
        draw.text((margin, y), line, font=text_font, fill=MUTED)
        y += 44
    draw.text((margin, HEIGHT - 70), footer, font=small_font, fill=FOREGROUND)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


DESIGN = "2"
"""Bump when the drawing changes, so cached cards are redrawn."""


def write(path: Path, title: str, subtitle: str, footer: str, cache_dir: Path | None = None) -> list[str]:
    """Write the card to `path`, reusing a cached copy: importing Pillow and drawing costs ~0.1 s a build.
    Returns the characters the font lacks (kept beside a cached card, so every build can warn of them)."""
    from importlib.metadata import version

    key = hashlib.sha256("\0".join([DESIGN, version("pillow"), title, subtitle, footer]).encode()).hexdigest()[:16]
    cached = cache_dir / f"social-card-{key}.png" if cache_dir else None
    lacking = cached.with_suffix(".missing") if cached else None
    if cached and lacking and cached.is_file() and lacking.is_file():
        data, missing = cached.read_bytes(), list(lacking.read_text(encoding="utf-8"))
    else:
        data, missing = draw_card(title, subtitle, footer), missing_glyphs(title, subtitle, footer)
        if cached and lacking:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(data)
            lacking.write_text("".join(missing), encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return missing
