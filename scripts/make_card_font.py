"""The social cards' fonts, both under the SIL Open Font License 1.1, from Debian's packages: a subset of Noto Sans
(fonts-noto-core: Latin with its extensions, Greek, Cyrillic, punctuation, symbols) and of Noto Sans CJK KR
(fonts-noto-cjk: Hangul), so a card draws any of the explainer's languages (en, de, fr, es, tr, ko, ru, uk...)
with no network. Run once, by hand:

    apt-get install fonts-noto-core fonts-noto-cjk && .venv/bin/python -m pip install fonttools \
        && .venv/bin/python scripts/make_card_font.py

The subset and the licence are committed (hooks/mkdocs_explainer/outputs/fonts/); the build only reads them.
Of the 11,172 Hangul syllables it keeps the 2,350 of KS X 1001 (EUC-KR), which cover modern text; Japanese kana
and Han characters are left out (they would make the file many times larger). The build warns when a card's
text needs a character the font lacks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

FOLDER = Path(__file__).resolve().parent.parent / "hooks" / "mkdocs_explainer" / "outputs" / "fonts"
LATIN = (Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"), FOLDER / "NotoSans-subset.ttf", [
    (0x0020, 0x024F),  # Latin, Latin-1, Latin Extended-A and -B (Turkish, Polish, Czech...)
    (0x0300, 0x036F),  # combining accents
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic (ru, uk, be, bg, sr...)
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x206F),  # general punctuation: dashes, quotation marks, thin spaces
    (0x20A0, 0x20CF),  # currency signs
    (0x2100, 0x214F),  # letterlike symbols
    (0x2190, 0x21FF),  # arrows
    (0x2212, 0x2212),  # minus sign
])
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FACE = "Noto Sans CJK KR"
OUT = FOLDER / "NotoSansKR-subset.otf"
RANGES = [
    (0x0020, 0x007E),  # ASCII, so digits and spaces between Hangul words match it
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0xFF01, 0xFF5E),  # full-width forms
]


def hangul_in_common_use() -> list[int]:
    """The syllables of KS X 1001: those the EUC-KR encoding has."""
    def encodable(code: int) -> bool:
        try:  # the others, Python writes as an eight-byte sequence of Jamo
            return len(chr(code).encode("euc-kr")) == 2
        except UnicodeEncodeError:
            return False

    return [code for code in range(0xAC00, 0xD7A4) if encodable(code)]


def main() -> int:
    source, out, ranges = LATIN
    latin = TTFont(str(source))
    options = subset.Options()
    options.layout_features = ["kern", "liga", "ccmp", "mark", "mkmk", "locl"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for start, end in ranges for c in range(start, end + 1)])
    subsetter.subset(latin)
    latin.save(str(out))
    print(out, out.stat().st_size, "bytes")
    collection = TTCollection(str(SOURCE))
    font = next(f for f in collection.fonts if f["name"].getDebugName(4) == FACE)
    options = subset.Options()
    options.layout_features = ["kern"]  # no Jamo composition: it would pull in every syllable
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for start, end in RANGES for c in range(start, end + 1)] + hangul_in_common_use())
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    print(OUT, OUT.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
