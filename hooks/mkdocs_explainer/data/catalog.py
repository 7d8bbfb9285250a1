"""All data files joined into one catalog that pages, templates and exports read.

Records are plain dicts (the schema's JSON form), so this module never needs pydantic: files whose
checked form is cached skip both the YAML parse and the schema.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from pathlib import Path

from ..problems import Problem, ProblemsFound
from . import balance, figures, settings
from .evidence_settings import EvidenceSettings
from .files import data_files, read_data_file
from .records import ITEM_SECTIONS, FileResult, Record, Reference
from .vocabulary import DEFAULT, Vocabulary
from .vocabulary import from_options as vocabulary_from

__all__ = ["ITEM_SECTIONS", "FileResult", "Record", "Reference", "data_files"]


class Catalog:
    """Every record by section and id, plus the lookups pages need."""

    def __init__(self, sections: dict[str, dict[str, Record]]) -> None:
        self.sections = sections
        self.vocabulary = DEFAULT
        """The site's kinds of places and claimants and modes of routes, which the data was checked against."""
        self.fingerprint = ""
        """Digest of the data files and checking code this catalog came from; empty when not known."""
        self.items: dict[str, Record] = {
            record_id: record for name in ITEM_SECTIONS for record_id, record in sections.get(name, {}).items()
        }
        self.formerly: dict[str, str] = {old: item_id for item_id, item in self.items.items() for old in item.get("formerly") or []}
        """Old id → the id of the item that had it before it was renamed."""
        self.origin: dict[str, str] = {}
        """Record id → the name of the data file it is written in, without folder or `.yml` (`deployment`)."""
        self.warnings: list[Problem] = []
        """What a strict build refuses but a preview shows (see FileResult.warnings), with the checks across files."""

    def __getitem__(self, section: str) -> dict[str, Record]:
        return self.sections.get(section, {})

    def item(self, item_id: str) -> Record:
        return self.items[item_id]

    def find(self, record_id: str) -> Record | None:
        """The record of any section with this id (ids are unique within a section; items come first)."""
        if record_id in self.items:
            return self.items[record_id]
        return next((records[record_id] for records in self.sections.values() if record_id in records), None)

    def group_members(self, group_id: str) -> list[Record]:
        """The facts of an estimate group, smallest value first (ranges by their lower end)."""
        members = [f for f in self["facts"].values() if f.get("group") == group_id]
        return sorted(members, key=lambda f: (sort_number(f), f["date"], f["id"]))

    def sources_of(self, record: Record) -> list[Record]:
        return [self["sources"][sid] for sid in record["sources"]]

    def citations_of(self, record: Record) -> list[Record]:
        """Each source of a record with the words cited from it: {source: <the source's record>, excerpt,
        locator}, None where not given. Items keep theirs in `citations`; places and routes in `sources`."""
        entries = record.get("citations") or [e if isinstance(e, dict) else {"source": e} for e in record["sources"]]
        return [{"excerpt": None, "locator": None, **e, "source": self["sources"][e["source"]]} for e in entries]

    def mapped(self, item_id: str) -> list[Record]:
        """Places and routes tied to an item, so its card can link to them."""
        return [r for section in ("places", "routes") for r in self[section].values() if item_id in r["items"]]

    def claimant_of(self, record: Record) -> Record:
        return self["claimants"][record["claimant"]]

    def inputs_of(self, item: Record) -> tuple[Record, Record, list[Record]]:
        """What an item's exports and citations are made of: the item, its claimant and its sources. Equal
        inputs (compared by value) make equal outputs, so a preview renders again only items whose inputs changed."""
        return item, self.claimant_of(item), self.sources_of(item)

    def citing(self, source_id: str) -> list[Record]:
        """Items, corrections, places and routes that cite a source: items and corrections in date order first."""
        citing = [r for r in [*self.items.values(), *self["corrections"].values()] if source_id in r["sources"]]
        mapped = [r for section in ("places", "routes") for r in self[section].values()
                  if source_id in {e["source"] if isinstance(e, dict) else e for e in r["sources"]}]
        return sorted(citing, key=lambda r: (r.get("date", ""), r["id"])) + mapped

    def suggest(self, wrong_id: str, section: str = "items") -> list[str]:
        import difflib  # only a build with a wrong id needs it

        if wrong_id in self.formerly and self.formerly[wrong_id] in self[section] | (self.items if section == "items" else {}):
            return [self.formerly[wrong_id]]
        pool = self.items if section == "items" else self[section]
        return difflib.get_close_matches(wrong_id, list(pool), n=3, cutoff=0.75)


def site_vocabulary(root: Path) -> Vocabulary:
    """The word lists `root/mkdocs.yml` sets (the plugin's options), or the defaults. Raises ProblemsFound."""
    config = root / "mkdocs.yml"
    try:
        options = settings.read(config) if config.is_file() else {}
        return vocabulary_from(options.get("place_kinds"), options.get("claimant_kinds"), options.get("route_modes"))
    except settings.SettingsError as error:
        raise ProblemsFound([Problem("mkdocs.yml", 0, "", str(error))]) from None


def sort_number(fact: Record) -> float:
    value = fact["value"]
    if fact.get("value_kind") == "range":
        return float(value["min"])
    return float(value) if fact.get("value_kind") == "number" else 0.0


def link(results: list[FileResult]) -> Catalog:
    """Join checked files: ids unique across all files, every reference resolvable. Raises ProblemsFound."""
    problems = [p for result in results for p in result.problems]
    sections: dict[str, dict[str, Record]] = {}
    defined: dict[str, tuple[str, Reference]] = {}
    for result in results:
        for section, records in result.records.items():
            refs = [ref for ref in result.ids if ref.section == section]
            for ref, record in zip(refs, records, strict=True):
                if ref.id in defined:
                    first_file, first = defined[ref.id]
                    problems.append(Problem(result.name, ref.line, f"{ref.where}.id",
                                            f"'{ref.id}' is already used ({first_file}:{first.line})"))
                    continue
                defined[ref.id] = (result.name, ref)
                sections.setdefault(section, {})[ref.id] = record
    catalog = Catalog(sections)
    catalog.origin = {ref_id: Path(name).stem for ref_id, (name, _) in defined.items()}
    pools = {"items": catalog.items}
    # A file with errors defines nothing; pointing at what it wrote is not a second mistake. When a file
    # can't be read at all, nobody knows what it defines, so dangling references wait until it can.
    pending = {item_id for result in results for item_id in result.unchecked_ids}
    unreadable = any(result.unreadable for result in results)
    for result in results:
        for ref in result.refs:
            pool = pools.get(ref.section)
            if pool is None:
                pool = pools[ref.section] = catalog[ref.section]
            if ref.id not in pool and not unreadable and ref.id not in pending:
                label = "fact, quote or event" if ref.section == "items" else ref.section.rstrip("s")
                hint = catalog.suggest(ref.id, ref.section)
                guess = f" Did you mean {' or '.join(repr(h) for h in hint)}?" if hint else ""
                problems.append(Problem(result.name, ref.line, ref.where, f"no {label} has the id '{ref.id}'.{guess}"))
    problems += _group_problems(catalog, results)
    problems += _region_problems(catalog, results)
    problems += _old_id_problems(catalog, results, defined)
    if problems:
        raise ProblemsFound(problems)
    catalog.warnings = [w for result in results for w in result.warnings]
    catalog.warnings += _shared_addresses(results)
    catalog.warnings += _typed_figures(catalog, results)
    catalog.warnings += balance.undisputed(catalog, [(result.name, m) for result in results for m in result.marks
                                                     if m.section == "status"])
    return catalog


def _old_id_problems(catalog: Catalog, results: list[FileResult], defined: dict[str, tuple[str, Reference]]) -> list[Problem]:
    """An old id (`formerly:`) keeps its anchor on the page: it may be no other record's id, nor two items' old id."""
    problems, seen = [], dict[str, str]()
    for result in results:
        for mark in (m for m in result.marks if m.section == "formerly"):
            if mark.id in defined:
                name, ref = defined[mark.id]
                problems.append(Problem(result.name, mark.line, mark.where,
                                        f"'{mark.id}' is a current id ({name}:{ref.line}); an old id can't be reused"))
            elif mark.id in seen:
                problems.append(Problem(result.name, mark.line, mark.where,
                                        f"'{mark.id}' is already the old id of another item ({seen[mark.id]})"))
            seen.setdefault(mark.id, f"{result.name}:{mark.line}")
    return problems


def _shared_addresses(results: list[FileResult]) -> list[Problem]:
    """One document, one source record: two records with one address split its citations and its bibliography entry."""
    first: dict[str, tuple[str, Reference]] = {}
    found = []
    for result in results:
        for mark in (m for m in result.marks if m.section == "url"):
            key = mark.id.split("#")[0].rstrip("/")
            if key in first:
                name, other = first[key]
                found.append(Problem(result.name, mark.line, mark.where,
                                     f"the same address as {other.where} ({name}:{other.line}): keep one source record "
                                     "and cite it with its own excerpt and locator wherever it is used"))
            else:
                first[key] = (result.name, mark)
    return found


def _typed_figures(catalog: Catalog, results: list[FileResult]) -> list[Problem]:
    """A figure a fact holds, typed again in a record's own text (see figures.py)."""
    held = figures.held_figures(catalog["facts"].values())
    found = []
    for result in results:
        once = {(t.written, t.line, t.where): t for t in result.typed}  # the same figure twice in one field: one message
        for typed in once.values():
            figure = next(iter(figures.find(f"{typed.written} {typed.after}")), None)
            fact_ids = figures.holders(figure, held) if figure else []
            if fact_ids:
                found.append(Problem(result.name, typed.line, typed.where,
                                     f"types {typed.written} by hand; {figures.advice(fact_ids, in_page=False)}"))
    return found


def _group_problems(catalog: Catalog, results: list[FileResult]) -> list[Problem]:
    """Figures side by side must be in the same unit, or the comparison misleads."""
    problems = []
    lines = {ref.id: (result.name, ref) for result in results for ref in result.ids}
    for group_id in catalog["groups"]:
        units = {(f.get("prefix"), f.get("unit")) for f in catalog.group_members(group_id)}
        if len(units) > 1:
            name, ref = lines[group_id]
            shown = ", ".join(sorted(f"{p or ''}…{u or ''}" for p, u in units))
            problems.append(Problem(name, ref.line, ref.where, f"its facts use different units ({shown})"))
    return problems


def _region_problems(catalog: Catalog, results: list[FileResult]) -> list[Problem]:
    """A place outside a map it is on is a typing slip: most often latitude and longitude swapped."""
    positions = {ref.id: (result.name, ref) for result in results for ref in result.positions}
    problems, reported = [], set()
    for map_spec in catalog["maps"].values():
        region = map_spec["region"]
        for place_id in map_place_ids(catalog, map_spec):
            place = catalog["places"].get(place_id)
            if place is None or place_id in reported or in_region(place["lat"], place["lon"], region):
                continue
            reported.add(place_id)
            name, ref = positions[place_id]
            hint = (" Latitude and longitude look swapped." if in_region(place["lon"], place["lat"], region)
                    else " Check the latitude and longitude (decimal degrees, north and east positive).")
            problems.append(Problem(
                name, ref.line, f"{ref.where} ({place_id})",
                f"lat {place['lat']:g}, lon {place['lon']:g} is outside the map '{map_spec['id']}' "
                f"(lat {region['south']:g} to {region['north']:g}, lon {region['west']:g} to {region['east']:g}).{hint}"))
    return problems


def in_region(lat: float, lon: float, region: Record) -> bool:
    return bool(region["south"] <= lat <= region["north"] and region["west"] <= lon <= region["east"])


def map_place_ids(catalog: Catalog, map_spec: Record) -> list[str]:
    """The places a map marks: those it lists, then those of its routes, each once, in that order."""
    ids = list(map_spec["places"])
    for route_id in map_spec["routes"]:
        ids += catalog["routes"].get(route_id, {}).get("places", [])
    return list(dict.fromkeys(ids))


def build_catalog(data_dir: Path, root: Path, evidence: EvidenceSettings | None = None,
                  vocabulary: Vocabulary | None = None) -> Catalog:
    """Check every data file and join them. Raises ProblemsFound listing every problem at once.

    A file unchanged since it was last checked comes from the cache (see cache.py), so editing one
    file re-parses only that one, and a build with no data change imports neither YAML parsing nor pydantic.
    `evidence` (the evidence checks' language and hedges) are part of every cache entry's key.
    """
    from .cache import FOLDER, FileCache, fingerprint  # the cache module imports this one

    paths = data_files(data_dir)
    if not paths:
        raise ProblemsFound([Problem(data_dir.relative_to(root).as_posix(), 0, "", "no .yml data files found")])
    if vocabulary is None:  # the site's word lists, as its mkdocs.yml sets them (or the defaults)
        vocabulary = site_vocabulary(root)
    evidence = evidence or EvidenceSettings()
    cache = FileCache(root / FOLDER, fingerprint() + vocabulary.digest, settings=evidence.key())
    names = [path.relative_to(root).as_posix() for path in paths]
    results, keys = [], []
    with _collector_paused():
        for name, path in zip(names, paths, strict=True):
            raw = read_data_file(path, root)
            if isinstance(raw, str):  # not a file we read: a link out of the project, a FIFO, too large...
                keys.append(f"{name}\0{raw}")
                results.append(FileResult(name=name, problems=[Problem(name, 0, "", raw)], unreadable=True))
                continue
            keys.append(cache.key(name, raw))
            result = cache.get(name, raw)
            if result is None:
                from .validate import check_file  # only files that changed need the parser and the schema

                result = check_file(name, raw, evidence, vocabulary)
                cache.put(name, raw, result)
            results.append(result)
        cache.keep_only(names)
        catalog = link(results)
    catalog.vocabulary = vocabulary
    # Names what the catalog was built from, so files generated from it can be reused (see reuse.py).
    catalog.fingerprint = hashlib.sha256("".join(keys).encode()).hexdigest()
    return catalog


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing and reading the cache allocate a million small objects and no reference cycles; the
    garbage collector's passes over them would take about a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
