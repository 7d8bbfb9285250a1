"""Each item's citation as reference managers import it: CSL-JSON, BibTeX and RIS, one file each under
`cite/` for every item with a card (its "Cite this" box links them), plus one CSL-JSON file of everything
citable (every item and every source).

The three say what the "Cite this" text says (pages/citation.py): the site's statement of the item, who
claims it, its status and its sources, at the item's permalink. Each format has one escaping function
(`bibtex_text`, `ris_text`); CSL-JSON is JSON, written by `json.dumps`. No access date: it is the reader's.
"""

from __future__ import annotations

import json
import os
import re
from functools import partial
from pathlib import Path
from typing import Any

from ..data.catalog import Catalog, Record
from ..pages import citation, history
from ..siteinfo import SiteInfo
from .reuse import REMEMBERED, write_if_changed

CITE_DIR = "cite"
ALL_CITATIONS = "citations.csl.json"
FORMATS = {"csl.json": "application/vnd.citationstyles.csl+json", "bib": "application/x-bibtex",
           "ris": "application/x-research-info-systems"}
"""Each file's extension and media type, in the order the "Cite this" box offers them."""


def cite_path(item_id: str, extension: str) -> str:
    """Site-root-relative path of one item's citation file."""
    return f"{CITE_DIR}/{item_id}.{extension}"


def _date_parts(iso: str | None) -> dict[str, Any] | None:
    if not iso:
        return None
    return {"date-parts": [[int(part) for part in str(iso).split("-")]]}


def csl_item(item: Record, catalog: Catalog, site: SiteInfo) -> dict[str, Any]:
    """The item as the site publishes it: a web page entry titled by what it says, dated by its last change."""
    claimant = catalog.claimant_of(item)
    who = f"{claimant['name']}, {claimant['role']}" if claimant.get("role") else claimant["name"]
    sources = "; ".join(f"{s['publisher']}, {s['title']}, {s['url']}" for s in catalog.sources_of(item))
    entry: dict[str, Any] = {
        "id": item["id"],
        "type": "webpage",
        "title": citation.statement(item),
        "container-title": site.citation_name,
        "publisher": site.publisher,
        "author": [{"literal": site.publisher}],
        "issued": _date_parts(history.updated(item)),
        "language": site.language,
        "note": f"According to {who} (status: {item['status']}). Sources: {sources}.",
    }
    if site.url and (url := site.permalink(item)):  # without the site's address there is no URL to cite
        entry["URL"] = url
    return entry


def csl_source(source: Record) -> dict[str, Any]:
    """A source as its publisher published it; a byline is one literal name, never split in two."""
    entry: dict[str, Any] = {
        "id": f"source-{source['id']}",
        "type": "webpage",
        "title": source["title"],
        "publisher": source["publisher"],
        "container-title": source["publisher"],
        "URL": source["url"],
    }
    if source.get("author"):
        entry["author"] = [{"literal": source["author"]}]
    if issued := _date_parts(source.get("published")):
        entry["issued"] = issued
    custom = {key: source[key] for key in ("published_inferred", "archived", "via") if source.get(key)}
    if custom:
        entry["custom"] = custom  # no CSL field for these; citeproc ignores them
    return entry


def _bibtex_key(item_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_:-]", "-", item_id)


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_",
    "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
}
_LIGATURE = {"-": "-{}", "'": "'{}", "`": "{`}"}
"""LaTeX reads "--" as a dash and "``" or "''" as curly quotes: a brace pair keeps the characters as written."""
_BIBTEX_PATTERN = re.compile("|".join([*(re.escape(c) for c in _BIBTEX_SPECIAL), "-(?=-)", "'(?=')", "`"]))
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def bibtex_text(text: str, verbatim: bool = False) -> str:
    """Text as a BibTeX field value between braces: LaTeX's special characters escaped (so braces always
    balance and nothing runs as a command), line breaks and control characters as one space.

    `verbatim` (the url field, which BibTeX styles print as written): only what would break the braces or
    the line is percent-encoded."""
    text = _CONTROL.sub(" ", text)
    if verbatim:
        return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group(0)):02X}", text)
    return _BIBTEX_PATTERN.sub(lambda m: _BIBTEX_SPECIAL.get(m.group(0)) or _LIGATURE[m.group(0)], text)


def ris_text(text: str) -> str:
    """Text as one RIS field value: a line break would start a new tag, so breaks and control characters
    become one space; RIS has no other escaping."""
    return _CONTROL.sub(" ", text).strip()


def render_bibtex(entry: dict[str, Any]) -> str:
    fields = {
        "title": entry["title"],
        "author": "{" + " and ".join(name["literal"] for name in entry.get("author", [])) + "}"
        if entry.get("author") else None,
        "organization": entry.get("publisher"),
        "howpublished": entry.get("container-title"),
        "year": str(entry["issued"]["date-parts"][0][0]) if entry.get("issued") else None,
        "date": "-".join(f"{p:02d}" for p in entry["issued"]["date-parts"][0]) if entry.get("issued") else None,
        "url": entry.get("URL"),
        "note": entry.get("note"),
        "language": entry.get("language"),
    }
    lines = [f"@misc{{{_bibtex_key(entry['id'])},"]
    for name, value in fields.items():
        if value:
            # The author list is already braced (a literal name is one name): escape inside, keep its braces.
            text = "{" + bibtex_text(value[1:-1]) + "}" if name == "author" else bibtex_text(value, name == "url")
            lines.append(f"  {name} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_ris(entry: dict[str, Any]) -> str:
    tags: list[tuple[str, str | None]] = [
        ("TY", "ELEC"),
        ("ID", entry["id"]),
        ("TI", entry["title"]),
        *(("AU", name["literal"]) for name in entry.get("author", [])),
        ("T2", entry.get("container-title")),
        ("PB", entry.get("publisher")),
        ("DA", "/".join(f"{p:02d}" for p in entry["issued"]["date-parts"][0]) if entry.get("issued") else None),
        ("PY", str(entry["issued"]["date-parts"][0][0]) if entry.get("issued") else None),
        ("UR", entry.get("URL")),
        ("LA", entry.get("language")),
        ("N1", entry.get("note")),
    ]
    lines = [f"{tag}  - {ris_text(value)}" for tag, value in tags if value]
    return "\r\n".join([*lines, "ER  - ", ""])


def _csl_line(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, allow_nan=False)


def _as_array(lines: list[str]) -> str:
    """A JSON array, one entry a line: readable in a diff, and json's C encoder (with `indent`, Python's own
    encoder ran: 2 s for 10,000 facts)."""
    return "[\n" + ",\n".join(lines) + "\n]\n"


def _rendered(item: Record, catalog: Catalog, site: SiteInfo, files: bool) -> tuple[str, tuple[str, ...]]:
    """An item's CSL-JSON entry (one line of JSON) and, if `files`, its three files' texts in the order of FORMATS."""
    entry = csl_item(item, catalog, site)
    line = _csl_line(entry)
    return line, (_as_array([line]), render_bibtex(entry), render_ris(entry)) if files else ()


def write(site_dir: Path, catalog: Catalog, site: SiteInfo) -> list[Path]:
    """cite/<id>.csl.json, .bib and .ris for every item with a card, and citations.csl.json with every item and
    source. Only a card's "Cite this" links an item's own files: a site of 10,000 facts that shows a few hundred
    spent most of a cold build writing 30,000 files no page reached."""
    folder = site_dir / CITE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    where = os.fspath(folder)  # paths as text: pathlib's objects cost more than writing 30,000 files does
    names: list[str] = []
    lines = []
    for item in sorted(catalog.items.values(), key=lambda i: (i["date"], i["id"])):
        files = item["id"] in site.homes
        line, texts = REMEMBERED.get(("cite", item["id"], files), catalog.inputs_of(item),
                                     partial(_rendered, item, catalog, site, files))
        lines.append(line)
        for extension, text in zip(FORMATS if files else (), texts, strict=True):
            name = f"{item['id']}.{extension}"
            write_if_changed(os.path.join(where, name), text)
            names.append(name)
    # A deleted or renamed item's files go too (a preview writes into the site it served before).
    extensions = tuple(f".{extension}" for extension in FORMATS)
    for stale in set(os.listdir(where)).difference(names):
        if stale.endswith(extensions):
            os.unlink(os.path.join(where, stale))
    lines += [_csl_line(csl_source(catalog["sources"][key])) for key in sorted(catalog["sources"])]
    path = site_dir / ALL_CITATIONS
    path.write_text(_as_array(lines), encoding="utf-8")
    return [*(folder / name for name in names), path]
