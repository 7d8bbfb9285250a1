"""The picture social networks show for a shared link: a 1200×630 PNG drawn at build time.

Drawn with the package's own fonts (fonts/: subsets of Noto Sans and Noto Sans CJK KR under the SIL Open Font
License, made by scripts/make_card_font.py), so a title in Latin, Cyrillic, Greek or Hangul script draws as
written, with no network, no system font and no Cairo, and every machine draws the same pixels. A character
no font has is left out of the card, and `missing_glyphs` names it so the build can warn. One card serves the whole site;
it is drawn once and kept in `.cache/` (keyed by its text), so most builds only copy it.
"""

from __future__ import annotations

import functools
import hashlib
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import ImageDraw
    from PIL.ImageFont import FreeTypeFont

WIDTH, HEIGHT = 1200, 630
BACKGROUND = (26, 35, 126)  # Material's indigo 900, the site's primary colour
FOREGROUND = (255, 255, 255)
MUTED = (197, 202, 233)


FONTS = tuple(Path(__file__).resolve().parent / "fonts" / name for name in ("NotoSans-subset.ttf", "NotoSansKR-subset.otf"))
"""Tried in order for each character: Latin, Greek and Cyrillic first, then Hangul (see fonts/OFL.txt)."""
_STAND_INS = {"\u2212": "-", "\u00a0": " "}
"""Characters the fonts may lack, drawn as the nearest ASCII (others lose their accents, or are left out)."""


@dataclass(frozen=True)
class _Face:
    """The fonts at one size, each with its test of whether it has a character."""

    fonts: tuple[FreeTypeFont, ...]
    tests: tuple[Callable[[str], bool], ...]

    def font_for(self, char: str) -> FreeTypeFont | None:
        return next((font for font, has in zip(self.fonts, self.tests, strict=True) if has(char)), None)

    def runs(self, text: str) -> list[tuple[str, FreeTypeFont]]:
        """The text cut where the font drawing it changes (a space goes with the text before it)."""
        runs: list[tuple[str, FreeTypeFont]] = []
        for char in text:
            font = (runs[-1][1] if runs and char == " " else None) or self.font_for(char) or self.fonts[0]
            if runs and runs[-1][1] is font:
                runs[-1] = (runs[-1][0] + char, font)
            else:
                runs.append((char, font))
        return runs

    def length(self, draw: ImageDraw.ImageDraw, text: str) -> float:
        return sum(draw.textlength(run, font=font) for run, font in self.runs(text))

    def draw(self, draw: ImageDraw.ImageDraw, x: float, baseline: float, text: str, fill: tuple[int, int, int]) -> None:
        for run, font in self.runs(text):
            draw.text((x, baseline), run, font=font, fill=fill, anchor="ls")
            x += draw.textlength(run, font=font)


@functools.cache
def _face(size: int) -> _Face:
    from PIL import ImageFont

    fonts = tuple(ImageFont.truetype(str(path), size) for path in FONTS)
    return _Face(fonts, tuple(_glyph_test(font) for font in fonts))


def _glyph_test(font: FreeTypeFont) -> Callable[[str], bool]:
    missing = font.getmask("\U000f0000")  # a private-use code point: the "no glyph" box
    blank = (missing.size, bytes(missing))

    def has_glyph(char: str) -> bool:
        mask = font.getmask(char)
        return char.isspace() or (mask.size, bytes(mask)) != blank

    return has_glyph


def missing_glyphs(*texts: str) -> list[str]:
    """Characters of the card's texts no font has (a warning for the build: they are left out)."""
    face = _face(32)
    return sorted({char for text in texts for char in text if face.font_for(char) is None and char not in _STAND_INS})


def _drawable(text: str, face: _Face) -> str:
    """The text with every character no font can draw replaced, so no box appears on the card."""
    out = []
    for char in text:
        if face.font_for(char) is not None:
            out.append(char)
        else:
            plain = _STAND_INS.get(char) or unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            out.append(plain if plain and all(face.font_for(c) for c in plain) else "")
    return "".join(out)


def _wrap(draw: ImageDraw.ImageDraw, text: str, face: _Face, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap to a pixel width; the last line ends in '…' when text is cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and face.length(draw, f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;:") + "…"
    return lines


@functools.cache
def draw_card(title: str, subtitle: str, footer: str) -> bytes:
    from PIL import Image, ImageDraw  # imported here: only builds that write the card pay for it

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin, y = 80, 90
    title_face, text_face, small_face = (_face(size) for size in (64, 32, 28))
    title, subtitle, footer = _drawable(title, title_face), _drawable(subtitle, text_face), _drawable(footer, small_face)
    draw.rectangle((margin, 60, margin + 120, 68), fill=MUTED)
    for line in _wrap(draw, title, title_face, WIDTH - 2 * margin, 3):
        y += 10
        title_face.draw(draw, margin, y + 62, line, FOREGROUND)
        y += 76
    y += 30
    for line in _wrap(draw, subtitle, text_face, WIDTH - 2 * margin, 5):
        text_face.draw(draw, margin, y + 32, line, MUTED)
        y += 44
    small_face.draw(draw, margin, HEIGHT - 42, footer, FOREGROUND)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


DESIGN = "3"
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
