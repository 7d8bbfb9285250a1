"""The generator knows no story: nothing in the package (code, templates, theme, starter, README) names
this site's people, places, subject or title, so another newsroom's explainer never shows them."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "hooks" / "mkdocs_explainer"
STORY_WORDS = [
    "North Korea", "Korean", "Korea", "Russia", "Ukrain", "Kursk", "Pyongyang", "Kim Jong", "Putin",
    "ICBM", "Hwasong", "troop", "soldier", "munition", "missile", "artillery", "KST",
]
"""This story's subject: words starting so, in any case; the site's own names are added from its files."""


def site_names() -> set[str]:
    """Proper nouns from the site's own files: mkdocs.yml's site_name, each claimant's name, short form and
    country, and each place's names."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    claimants = yaml.safe_load((ROOT / "data" / "claimants.yml").read_text(encoding="utf-8"))["claimants"]
    places = yaml.safe_load((ROOT / "data" / "places.yml").read_text(encoding="utf-8"))["places"]
    names = {config["site_name"]}
    for claimant in claimants:
        names |= {claimant[key] for key in ("name", "short", "country") if claimant.get(key)}
    for place in places:
        names |= {place["name"], *place.get("spellings", [])}
    return names


BINARY = frozenset({".otf", ".ttf", ".png", ".mo"})
"""Files that are not text (the social cards' font)."""
WORLD = PACKAGE / "pages" / "world-basemap.json.gz"
"""The world's country outlines name every country, this story's too: data for any map, not the story's words."""


def package_texts() -> dict[str, str]:
    return {
        path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in BINARY and path != WORLD
    }


def test_the_site_has_names_to_look_for() -> None:
    names = site_names()
    assert len(names) > 20 and "Antony Blinken" in names


def test_the_package_names_nothing_of_this_story() -> None:
    # Case-sensitive whole words for the site's names ("US" is a name, "use" is not, nor the currency "US$", written US\$ in a regex);
    # any case for the subject.
    patterns = [re.compile(rf"\b{re.escape(name)}\b(?!\\?\$)") for name in site_names()]
    patterns += [re.compile(rf"\b{re.escape(word)}", re.IGNORECASE) for word in STORY_WORDS]
    found = [
        f"{path}:{text.count(chr(10), 0, match.start()) + 1}: {match.group(0)!r}"
        for path, text in package_texts().items()
        for pattern in patterns
        if (match := pattern.search(text))
    ]
    assert found == []
