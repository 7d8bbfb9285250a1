"""The picture social networks show for a shared link: a 1200×630 PNG drawn at build time.

Drawn with Pillow's built-in font (shipped inside the Pillow wheel), so it needs no network, no
system font and no Cairo, and every machine draws the same pixels. One card serves the whole site;
it is drawn once and kept in `.cache/` (keyed by its text), so most builds only copy it.
"""

from __future__ import annotations

import functools
import hashlib
import io
import unicodedata
from pathlib import Path

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


_STAND_INS = {"\u2014": "-", "\u2013": "-", "\u2212": "-", "\u00a0": " "}
"""Characters Pillow's built-in font lacks, drawn as the nearest ASCII (others lose their accents)."""


def _drawable(text: str, font: object) -> str:
    """The text with every character the font cannot draw replaced, so no box appears on the card."""
    missing = font.getmask("\U000f0000")  # type: ignore[attr-defined]  # a private-use code point: the "no glyph" box
    blank = (missing.size, bytes(missing))

    def has_glyph(char: str) -> bool:
        mask = font.getmask(char)  # type: ignore[attr-defined]
        return char.isspace() or (mask.size, bytes(mask)) != blank

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
    from PIL import Image, ImageDraw, ImageFont  # imported here: only builds that write the card pay for it

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin, y = 80, 90
    title_font, text_font, small_font = (ImageFont.load_default(size) for size in (64, 32, 28))
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


DESIGN = "1"
"""Bump when the drawing changes, so cached cards are redrawn."""


def write(path: Path, title: str, subtitle: str, footer: str, cache_dir: Path | None = None) -> Path:
    """Write the card to `path`, reusing a cached copy: importing Pillow and drawing costs ~0.1 s a build."""
    from importlib.metadata import version

    key = hashlib.sha256("\0".join([DESIGN, version("pillow"), title, subtitle, footer]).encode()).hexdigest()[:16]
    cached = cache_dir / f"social-card-{key}.png" if cache_dir else None
    if cached and cached.is_file():
        data = cached.read_bytes()
    else:
        data = draw_card(title, subtitle, footer)
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
