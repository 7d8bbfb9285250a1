"""The fact schema: what an editor may write in `data/*.yml`, as pydantic models.

Every model forbids unknown keys, so a misspelled field is an error, not silently ignored. Field
descriptions become the editor's hints in the generated JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Collection
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .load import Suspect, shorten
from .vocabulary import DEFAULT, Vocabulary

Status = Literal["confirmed", "reported", "claimed", "disputed", "unverified", "corrected"]
Qualifier = Literal[
    "about", "around", "at least", "more than", "over", "up to", "as many as", "nearly", "some", "possible", "possibly",
    "approximately", "roughly", "as much as", "an estimated",
]
"""The hedges the record uses. A fact's qualifier is the source's own word, never a synonym for it."""
def _in_vocabulary(what: str, option: str, words: Callable[[Vocabulary], Collection[str]]) -> AfterValidator:
    """A word from the site's list (data/vocabulary.py), given as the validation context; the default list without one."""

    def check(value: str, info: ValidationInfo) -> str:
        vocabulary = (info.context or {}).get("vocabulary", DEFAULT)
        allowed = words(vocabulary)
        if value not in allowed:
            raise PydanticCustomError(option, f"{shown(value)} is not a {what} here; the {what}s are: "
                                      f"{', '.join(allowed)} (the plugin's `{option}` option sets them)")
        return value

    return AfterValidator(check)


ClaimantKind = Annotated[str, _in_vocabulary("claimant kind", "claimant_kinds", lambda v: v.claimant_kinds)]
PlaceKind = Annotated[str, _in_vocabulary("place kind", "place_kinds", lambda v: list(v.place_kinds))]
Mode = Annotated[str, _in_vocabulary("route mode", "route_modes", lambda v: list(v.route_modes))]
STANCES = ("yes", "no", "neither", "estimate")
"""A position's answer to a question: yes, no, neither (neither confirms nor denies; not a denial), or
estimate (a figure, carried by the position's items)."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_TIME_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9+\-:/_.]{0,39}")
EARLIEST_RECORD = dt.date(1900, 1, 1)
"""Reviews, revisions and publications are dated from here to tomorrow (a time zone ahead of the build)."""
MAX_NUMBER = 10**15
"""The largest figure a value may hold; larger ones are typing mistakes (and would overflow a chart)."""


def shown(value: Any) -> str:
    """A value as a message quotes it: repr (so control and bidi characters show as escapes), shortened."""
    return shorten(repr(value), 60)


def _refuse_suspect(value: Any) -> None:
    if isinstance(value, Suspect):
        raise PydanticCustomError("suspect", value.explain())


def _slug(value: Any) -> Any:
    _refuse_suspect(value)
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise PydanticCustomError(
            "slug", f"{shown(value)} is not an id (use lowercase letters, digits and hyphens, like turnout-2024)")
    return value


def _iso_date(value: Any) -> dt.date:
    # YAML turns 2024-10-31 into a date already; a string is accepted only in that same form, so
    # 31/10/2024 or 20241031 (which pydantic would read as a Unix timestamp) are refused.
    _refuse_suspect(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("date", f"{shown(value)} is not a date (use YYYY-MM-DD)")


def _record_date(value: Any) -> dt.date:
    """A date an editor or publisher acted on: not before 1900, not after tomorrow (a future review
    would hide an item from the staleness report for ever)."""
    day = _iso_date(value)
    latest = dt.date.today() + dt.timedelta(days=1)
    if not EARLIEST_RECORD <= day <= latest:
        raise PydanticCustomError(
            "date_range", f"{day.isoformat()} is outside the allowed range {EARLIEST_RECORD.isoformat()} .. "
            f"{latest.isoformat()} (today + 1 day)")
    return day


def _time(value: Any) -> str:
    # YAML 1.1 reads an unquoted 07:10 as a base-60 number; the loader keeps what was written (a Suspect).
    if isinstance(value, str) and _TIME.fullmatch(value):
        return str(value)
    raise PydanticCustomError("time", f"{shown(value)} is not a time of day (use HH:MM, 24-hour)")


def _time_zone(value: Any) -> str:
    # A label such as EST, UTC+9 or Europe/Paris, shown beside the time: not free text.
    _refuse_suspect(value)
    if isinstance(value, str) and _TIME_ZONE.fullmatch(value):
        return value
    raise PydanticCustomError("time_zone", f"{shown(value)} is not a time zone (use a label like EST, UTC+9 or "
                              "Europe/Paris: letters, digits and + - : / _ .)")


def _language_tag(value: Any) -> str:
    _refuse_suspect(value)
    if isinstance(value, str) and _LANGUAGE_TAG.fullmatch(value):
        return value
    raise PydanticCustomError("lang", f"{shown(value)} is not a language tag (use BCP 47, like en, de, ko or pt-BR)")


def _web_url(value: Any) -> str:
    _refuse_suspect(value)
    refused = f"{shown(value)} is not a web address (only http:// and https:// links are allowed)"
    if not isinstance(value, str):
        raise PydanticCustomError("url", refused)
    if any(not c.isprintable() or c.isspace() for c in value):
        # Controls, bidi overrides and zero-width characters make an address read unlike where it goes.
        raise PydanticCustomError("url", f"{shown(value)}: a web address may not hold spaces, control, "
                                  "bidi or zero-width characters")
    if "\\" in value:
        raise PydanticCustomError("url", f"{shown(value)}: a web address may not hold a backslash "
                                  "(browsers read it as /, so the address would go elsewhere than it reads)")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PydanticCustomError("url", refused)
    if "@" in parts.netloc:
        raise PydanticCustomError("url", f"{shown(value)}: a web address may not hold a user name (the part "
                                  "before @), which makes it read as another host; give the address itself")
    try:
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        raise PydanticCustomError("url", refused) from None
    return value


def _text(value: Any) -> str:
    _refuse_suspect(value)
    if isinstance(value, int | float):
        raise PydanticCustomError("text", f"{shown(value)} is a number here, and this field is text: "
                                  f"put it in quotes, like \"{shorten(str(value))}\"")
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("text", f"{shown(value)} should be some text")
    return value.strip()


def _number(value: Any) -> int | float:
    _refuse_suspect(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("number", f"{shown(value)} is not a number (write it in plain digits, like 1000 or 2.5)")
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise PydanticCustomError("number", f"{shown(value)} is out of range (at most {MAX_NUMBER:,} either way)")
    return value


def _stance(value: Any) -> str:
    # `yes` and `no` unquoted are YAML's booleans; the loader keeps the words written (a Suspect), and
    # here they mean the words.
    if isinstance(value, str) and str(value) in STANCES:
        return str(value)
    raise PydanticCustomError("stance", f"{shown(value)} is not a stance (use one of: {', '.join(STANCES)})")


def _coordinate(value: Any) -> float:
    """Degrees follow the value rules: plain decimal digits only (`045` or `4_5.5` are refused, as in a value)."""
    if isinstance(value, str) and not isinstance(value, Suspect):
        raise PydanticCustomError("number", f"{shown(value)} is text here; a coordinate is a number in decimal "
                                  "degrees, written without quotes, like 51.717")
    return float(_number(value))


def _duplicates(values: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    twice = []
    for value in values:
        if value in seen:
            twice.append(value)
        seen.add(value)
    return twice


def _listed_once(values: list[Any]) -> list[Any]:
    """A list of ids (or sources) that names one twice: a slip, and a map or a card would show it twice."""
    twice = _duplicates([v.source if isinstance(v, Citation) and v.excerpt is None else v for v in values])
    if twice:
        shown_twice = ", ".join(repr(v.source if isinstance(v, Citation) else v) for v in dict.fromkeys(twice))
        raise PydanticCustomError("repeated", f"{shown_twice} is listed more than once; list each once")
    return values


Slug = Annotated[str, BeforeValidator(_slug), Field(json_schema_extra={"pattern": f"^{_SLUG.pattern}$"})]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
RecordDate = Annotated[dt.date, BeforeValidator(_record_date)]
Number = Annotated[int | float, BeforeValidator(_number)]
Degrees = Annotated[float, BeforeValidator(_coordinate)]
TimeZone = Annotated[str, BeforeValidator(_time_zone), Field(json_schema_extra={"pattern": f"^{_TIME_ZONE.pattern}$"})]
TimeOfDay = Annotated[str, BeforeValidator(_time), Field(json_schema_extra={"pattern": f"^{_TIME.pattern}$"})]
WebUrl = Annotated[str, BeforeValidator(_web_url), Field(json_schema_extra={"format": "uri"})]
Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
LanguageTag = Annotated[str, BeforeValidator(_language_tag), Field(json_schema_extra={"pattern": f"^{_LANGUAGE_TAG.pattern}$"})]
Stance = Annotated[str, BeforeValidator(_stance), Field(json_schema_extra={"enum": list(STANCES)})]


def _lang_field() -> Any:
    return Field(None, description="The language of the words (BCP 47: ja, ko, ru...), when not the site's. The checks "
                 "read the words as this language writes numbers, hedges and dates; screen readers switch voice.")


def _translation_field() -> Any:
    return Field(None, description="A translation of the words into the site's language, shown with them; needs `translation_by`.")


def _translation_by_field() -> Any:
    return Field(None, description="Who translated: a publisher (e.g. a news agency whose English text this is) or "
                 "this site. Readers see it wherever the translation, or translated words, are shown.")


def _translator_named(translation: str | None, translation_by: str | None) -> None:
    if translation is not None and translation_by is None:
        raise PydanticCustomError("translation", "a translation needs `translation_by`: who translated it "
                                  "(a publisher's name, or this site)")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(Strict):
    """A span a claimant gave, such as 10,000–12,000."""

    min: Number = Field(description="Lower end of the span.")
    max: Number = Field(description="Upper end of the span.")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise PydanticCustomError("range", f"min ({self.min:g}) is larger than max ({self.max:g})")
        if self.min == self.max:
            raise PydanticCustomError("range", f"min and max are both {self.min:g}: give the single number as the value")
        return self


def _value(value: Any) -> Any:
    # A value is a plain decimal number, text, a date or a range; anything YAML would have to guess
    # (yes/no, 0x3E8, 1:10, .nan) is refused, saying what it would have read.
    _refuse_suspect(value)
    if isinstance(value, bool) or value is None:
        raise PydanticCustomError(
            "value", f"{value!r} is not a value (give a number, a text in quotes, a date, or min/max)")
    if isinstance(value, dict):
        return Range.model_validate(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, int | float):
        return _number(value)
    raise PydanticCustomError("value", f"{shown(value)} is not a number, text, date or min/max range")


FactValue = Annotated[int | float | IsoDate | Range | str, BeforeValidator(_value)]


class Revision(Strict):
    """One dated change to an item, shown to readers as its history."""

    date: RecordDate = Field(description="When the change was made (YYYY-MM-DD, from 1900 to today).")
    change: Text = Field(description="What changed, in a short sentence.")
    reason: Text | None = Field(None, description="Why it changed (a new source, a correction...).")


class Citation(Strict):
    """One source an item rests on, with the words in that source that support it."""

    source: Slug = Field(description="Id of the source (from a `sources:` list).")
    excerpt: Text = Field(
        description="The words in that source that support the claim, copied verbatim; mark a cut with …. "
        "The build checks the figure, its hedge and quotations against them. Readers see it under "
        "'What the source says'.")
    locator: Text | None = Field(None, description="Where in the source the words are: 'paragraph 3', '00:12:30', 'p. 4'.")
    lang: LanguageTag | None = _lang_field()
    translation: Text | None = _translation_field()
    translation_by: Text | None = _translation_by_field()

    @model_validator(mode="after")
    def _translated(self) -> Citation:
        _translator_named(self.translation, self.translation_by)
        return self


BARE, CITED = "source id", "citation"
"""How an entry of `sources:` is written: a bare id, or a mapping with the source's words. Pydantic adds
the name to an error's location; the validator drops it again, as editors never write it."""


def _entry_kind(value: Any) -> str:
    return CITED if isinstance(value, dict | Citation) else BARE

SourceEntry = Annotated[
    Annotated[Slug, Tag(BARE)] | Annotated[Citation, Tag(CITED)],
    Discriminator(_entry_kind),
]


def source_id(entry: str | Citation) -> str:
    return entry if isinstance(entry, str) else entry.source


class Item(Strict):
    """What facts, quotes and events share: an id, a claimant, a status, sources and dates."""

    id: Slug = Field(description="Unique id across all data files; also the item's anchor on the site.")
    date: IsoDate = Field(description="The date the item refers to or was stated (YYYY-MM-DD).")
    date_inferred: Text | None = Field(
        None, description="When no source states the date: why `date` is the likely one. Readers see it marked as inferred.")
    time: TimeOfDay | None = Field(None, description="Time of day (HH:MM, 24-hour), with `timezone`.")
    timezone: TimeZone | None = Field(None, description="Time zone label for `time`, e.g. UTC or EDT.")
    claimant: Slug = Field(description="Who says so: an id from a `claimants:` list.")
    status: Status = Field(description="How sure we are: confirmed, reported, claimed, disputed, unverified or corrected.")
    sources: list[SourceEntry] = Field(
        min_length=1,
        description="The sources that support it: each a source id, or {source: <id>, excerpt: <the source's "
        "words>, locator: <where>}. Facts and quotes need at least one excerpt.")
    unverified_reason: Text | None = Field(
        None, description="With `status: unverified`: why no source's own words back it. Readers see it.")
    note: Text | None = Field(None, description="Editor's note shown to readers (context, caveats, corrections).")
    reviewed: RecordDate = Field(
        description="When an editor last checked this item against its sources (YYYY-MM-DD, from 1900 to today).")
    revisions: list[Revision] = Field(default_factory=list, description="Dated changes, newest last.")
    formerly: list[Slug] = Field(
        default_factory=list,
        description="Ids this item had before it was renamed: links to the old anchors keep reaching its card.")

    _once = field_validator("sources")(_listed_once)

    @model_validator(mode="after")
    def _time_has_zone(self) -> Item:
        if (self.time is None) != (self.timezone is None):
            raise PydanticCustomError("time", "give both `time` and `timezone`, or neither")
        if self.unverified_reason is not None and self.status != "unverified":
            raise PydanticCustomError(
                "status", "`unverified_reason` goes with `status: unverified` only; remove it or change the status")
        return self


class Fact(Item):
    """A figure, date or name someone claims, with who claims it."""

    label: Text = Field(description="What the value measures, e.g. 'Voters who cast a ballot'.")
    value: FactValue = Field(description="A number, a text in quotes, a date, or a span as {min: ..., max: ...}.")
    qualifier: Qualifier | None = Field(
        None, description="The source's hedge, shown before the value: as many as, some, about, more than... "
        "Copy the source's word; never a synonym.")
    prefix: Text | None = Field(None, description="Shown right before the number, e.g. '$'.")
    unit: Text | None = Field(None, description="Shown after the number, e.g. 'votes', 'km', 'billion'.")
    group: Slug | None = Field(None, description="Id of an estimate group, to show this beside other claimants' figures.")

    @field_validator("qualifier", "prefix", "unit")
    @classmethod
    def _with_a_figure(cls, extra: str | None, info: ValidationInfo) -> str | None:
        # "$31 October 2024 people": a hedge, a prefix or a unit belongs to a figure. A date or a text is shown as
        # it is, so one given with them would reach no reader (a hedge dropped without a word).
        value, field = info.data.get("value"), info.field_name
        if extra is None or not isinstance(value, dt.date | str):
            return extra
        if isinstance(value, dt.date):
            fix = ("a date the source hedges is a text value in the source's words, like \"around 10 November 2024\""
                   if field == "qualifier" else "remove it")
            raise PydanticCustomError("value", f"the value is a date; `{field}` goes with a number or a span only: {fix}")
        fix = ("write the source's hedge in the text itself" if field == "qualifier"
               else "write the number in plain digits (like 8000), or its words in the text")
        raise PydanticCustomError(
            "value", f"the value is text ({shown(value)}); `{field}` goes with a number or a span only: {fix}")


class Quote(Item):
    """Words an official said, verbatim; the claimant is the speaker."""

    text: Text = Field(description="The exact words, as the source records them. Keep it short.")
    occasion: Text = Field(description="Where and when it was said, e.g. 'press conference at city hall'.")
    lang: LanguageTag | None = _lang_field()
    translation: Text | None = _translation_field()
    translation_by: Text | None = Field(
        None, description="Who translated: with `translation`, who made it; without `lang`, who translated `text` "
        "itself (a publisher whose English text this is, or this site). Readers see it wherever the words are shown.")

    @model_validator(mode="after")
    def _translated(self) -> Quote:
        _translator_named(self.translation, self.translation_by)
        return self


class Event(Item):
    """Something that happened on a date; events make the timeline."""

    title: Text = Field(description="What happened, in one short sentence.")


class Group(Strict):
    """Several claimants' figures for the same thing, shown side by side."""

    id: Slug = Field(description="Unique id; facts join with `group: <id>`.")
    title: Text = Field(description="What the figures measure, e.g. 'People at the rally'.")
    note: Text | None = Field(None, description="How to read the figures together.")


class Claimant(Strict):
    """Who makes a claim: a government, an agency, an official, a media outlet."""

    id: Slug = Field(description="Unique id; items refer to it with `claimant: <id>`.")
    name: Text = Field(description="Full name as readers see it, e.g. 'Jane Doe'.")
    short: Text | None = Field(None, description="Short form for tables and charts, e.g. 'City Hall'.")
    kind: ClaimantKind = Field(description="What kind of claimant, from the site's list (the plugin's `claimant_kinds`).")
    role: Text | None = Field(None, description="For officials: their post, e.g. 'Mayor of the city'.")
    country: Text | None = Field(None, description="The country the claimant speaks for, if any.")


class Source(Strict):
    """A published document that supports items."""

    id: Slug = Field(description="Unique id; items refer to it in `sources:`.")
    publisher: Text = Field(description="Who published it, e.g. 'Associated Press'.")
    title: Text = Field(description="The title as published.")
    url: WebUrl = Field(description="Where to read it (http or https).")
    archived: WebUrl | None = Field(None, description="A saved copy of the page (e.g. in a web archive), shown as 'archived copy'.")
    published: RecordDate | None = Field(
        None, description="Publication date (YYYY-MM-DD, 1900 to today); leave out for a reference work without one (a gazetteer entry).")
    published_inferred: Text | None = Field(
        None, description="When the page states no date: why `published` is the likely one. The site then shows the date as inferred.")
    author: Text | None = Field(None, description="Byline, if any.")
    via: Text | None = Field(None, description="Where the copy we read is hosted, when it is a syndicated copy or mirror.")

    @field_validator("published_inferred")
    @classmethod
    def _explains_a_date(cls, reason: str | None, info: ValidationInfo) -> str | None:
        # A `published` that failed its own check is missing from info.data: reported once, there.
        if reason is not None and "published" in info.data and info.data["published"] is None:
            raise PydanticCustomError(
                "published", "it explains a `published` date, and none is given; add the date or remove this")
        return reason


class Correction(Strict):
    """A point where the article the site started from and the public record differ."""

    id: Slug = Field(description="Unique id; also the anchor on the corrections page.")
    topic: Text = Field(description="What the point is about, e.g. 'When the polls closed'.")
    article: Text = Field(description="The article's own words, copied verbatim: readers see them in quotation marks.")
    record: Text = Field(description="What the public record says instead.")
    items: list[Slug] = Field(default_factory=list, description="Ids of the facts, quotes or events that hold the record's version.")
    sources: list[SourceEntry] = Field(
        min_length=1, description="Sources for the record's version: each a source id, or {source, excerpt, locator}.")

    _once = field_validator("items", "sources")(_listed_once)


class Place(Strict):
    """A point on a map, with the evidence for where it is and what happened there."""

    id: Slug = Field(description="Unique id; maps and routes refer to it, and it is the anchor of its card.")
    name: Text = Field(description="The name readers see on the map, e.g. 'Springfield'.")
    spellings: list[Text] = Field(default_factory=list, description="Other common spellings, e.g. Springfeld.")
    lat: Degrees = Field(ge=-90, le=90, description="Latitude in decimal degrees, north positive (-90 to 90).")
    lon: Degrees = Field(ge=-180, le=180, description="Longitude in decimal degrees, east positive (-180 to 180).")
    kind: PlaceKind = Field(description="What kind of place, from the site's list (the plugin's `place_kinds`).")
    what: Text = Field(description="What happened there, in a sentence, with who says so.")
    approximate: bool = Field(False, description="True when the record gives no exact position: drawn as an area.")
    radius_km: Degrees | None = Field(None, gt=0, le=1000, description="For an approximate place: the area's radius.")
    why_approximate: Text | None = Field(None, description="For an approximate place: what the record says instead.")
    sources: list[SourceEntry] = Field(
        min_length=1, description="Sources for the position and the events; at least one with an excerpt.")
    items: list[Slug] = Field(default_factory=list, description="Ids of facts, quotes or events that happened there.")

    _once = field_validator("items", "sources")(_listed_once)

    @field_validator("spellings")
    @classmethod
    def _other_spellings(cls, spellings: list[str], info: ValidationInfo) -> list[str]:
        return _listed_once([info.data.get("name"), *spellings])[1:]

    @model_validator(mode="after")
    def _evidence(self) -> Place:
        if not any(isinstance(entry, Citation) for entry in self.sources):
            raise PydanticCustomError(
                "evidence", "give at least one source as {source: id, excerpt: \"the source's words\"}")
        if self.approximate and (self.radius_km is None or self.why_approximate is None):
            raise PydanticCustomError("approximate", "an approximate place needs `radius_km` and `why_approximate`")
        if not self.approximate and (self.radius_km is not None or self.why_approximate is not None):
            raise PydanticCustomError("approximate", "`radius_km` and `why_approximate` need `approximate: true`")
        return self


class Route(Strict):
    """An ordered journey between places, one mode of transport per leg."""

    id: Slug = Field(description="Unique id; maps refer to it, and it is the anchor of its card.")
    title: Text = Field(description="What travelled, e.g. 'Supplies from the port to the depot'.")
    places: list[Slug] = Field(min_length=2, description="Ids of the places in travel order: at least two.")
    modes: list[Mode] = Field(min_length=1, description="How each leg was travelled, one per leg, from the site's list "
                              "(the plugin's `route_modes`).")
    start: IsoDate = Field(description="First day of the journeys (YYYY-MM-DD).")
    end: IsoDate = Field(description="Last day of the journeys (YYYY-MM-DD).")
    claimant: Slug = Field(description="Who says so: an id from a `claimants:` list.")
    status: Status = Field(description="How sure we are: confirmed, reported, claimed, disputed, unverified or corrected.")
    sources: list[SourceEntry] = Field(min_length=1, description="Sources for the route.")
    items: list[Slug] = Field(default_factory=list, description="Ids of facts, quotes or events about the route.")
    note: Text | None = Field(None, description="Editor's note shown to readers.")

    _once = field_validator("items", "sources")(_listed_once)

    @field_validator("places")
    @classmethod
    def _moves(cls, places: list[str]) -> list[str]:
        if stays := [here for here, there in itertools.pairwise(places) if here == there]:
            raise PydanticCustomError(
                "legs", f"'{stays[0]}' is listed twice in a row: a leg from a place to itself goes nowhere")
        return places

    @model_validator(mode="after")
    def _legs(self) -> Route:
        if len(self.modes) != len(self.places) - 1:
            legs = len(self.places) - 1
            raise PydanticCustomError(
                "legs", f"give one mode per leg: {len(self.places)} places make {legs} leg{'s' * (legs != 1)}, "
                f"but {len(self.modes)} mode{'s' * (len(self.modes) != 1)} are given")
        if self.start > self.end:
            raise PydanticCustomError("dates", f"start ({self.start}) is after end ({self.end})")
        return self


MIN_REGION = 0.01
"""Degrees: a map region narrower than this (about a kilometre) would be drawn at an infinite scale."""


class Region(Strict):
    """The part of the globe a map shows, in degrees."""

    west: Degrees = Field(ge=-180, le=180, description="Western edge (longitude).")
    east: Degrees = Field(ge=-180, le=180, description="Eastern edge (longitude); greater than west.")
    south: Degrees = Field(ge=-80, le=80, description="Southern edge (latitude).")
    north: Degrees = Field(ge=-80, le=80, description="Northern edge (latitude); greater than south.")

    @model_validator(mode="after")
    def _ordered(self) -> Region:
        if self.west >= self.east or self.south >= self.north:
            raise PydanticCustomError("region", "west must be less than east, and south less than north")
        if self.east - self.west < MIN_REGION or self.north - self.south < MIN_REGION:
            raise PydanticCustomError("region", f"the region is too small to draw: give at least {MIN_REGION}° (about a "
                                      "kilometre) between west and east and between south and north")
        return self


class MapSpec(Strict):
    """A map drawn at build time: which region, which places and routes."""

    id: Slug = Field(description="Unique id; a page shows it with <!-- map:id -->.")
    title: Text = Field(description="The map's title, also its text alternative's name.")
    caption: Text = Field(description="What the map shows and how to read it.")
    region: Region = Field(description="The area drawn: {west, east, south, north} in degrees.")
    places: list[Slug] = Field(default_factory=list, description="Ids of places to mark (a route's places are added).")
    routes: list[Slug] = Field(default_factory=list, description="Ids of routes to draw.")
    not_drawn: Text | None = Field(None, description="What the map leaves out and why, told to readers under it.")

    _once = field_validator("places", "routes")(_listed_once)

    @model_validator(mode="after")
    def _something(self) -> MapSpec:
        if not self.places and not self.routes:
            raise PydanticCustomError("map", "a map needs `places` or `routes`")
        return self


class Position(Strict):
    """One claimant's dated answer to a question, resting on items that carry the evidence."""

    claimant: Slug = Field(description="Who takes this position: an id from a `claimants:` list.")
    date: IsoDate = Field(description="When they took it (YYYY-MM-DD).")
    stance: Stance = Field(
        description="yes, no, neither (neither confirms nor denies: not a denial), or estimate (a figure, "
        "carried by its items).")
    summary: Text = Field(description="The position in your words, attributed: 'The agency said ...'.")
    items: list[Slug] = Field(min_length=1, description="Ids of the facts, quotes or events that carry the evidence.")


class Question(Strict):
    """An open question and every position on the record about it, denials included."""

    id: Slug = Field(description="Unique id; a page shows the question with <!-- question:id -->.")
    title: Text = Field(description="The question as readers see it, e.g. 'Was the count complete?'.")
    note: Text | None = Field(None, description="How to read the positions together.")
    positions: list[Position] = Field(min_length=1, description="Every claimant's dated position, oldest first.")


class DataFile(Strict):
    """One file in `data/`: any of these sections, each a list."""

    claimants: list[Claimant] = Field(default_factory=list, description="Who makes claims: governments, agencies, officials.")
    sources: list[Source] = Field(default_factory=list, description="Published documents that items cite by id.")
    groups: list[Group] = Field(default_factory=list, description="Estimate groups: facts measuring the same thing.")
    facts: list[Fact] = Field(default_factory=list, description="Figures, dates and names, each with who claims it.")
    quotes: list[Quote] = Field(default_factory=list, description="Verbatim words of officials.")
    events: list[Event] = Field(default_factory=list, description="Dated happenings; they make the timeline.")
    corrections: list[Correction] = Field(default_factory=list, description="Where the source article and the record differ.")
    places: list[Place] = Field(default_factory=list, description="Points on maps, with evidence for their position.")
    routes: list[Route] = Field(default_factory=list, description="Journeys between places, one mode per leg.")
    maps: list[MapSpec] = Field(default_factory=list, description="Maps drawn from places and routes.")
    questions: list[Question] = Field(
        default_factory=list, description="Open questions, each with every claimant's position on the record.")


SECTIONS: tuple[str, ...] = tuple(DataFile.model_fields)
"""Section names in the order they are listed; the catalog and exports use the same names."""
