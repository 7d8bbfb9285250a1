"""The fact schema: what an editor may write in `data/*.yml`, as pydantic models.

Every model forbids unknown keys, so a misspelled field is an error, not silently ignored. Field
descriptions become the editor's hints in the generated JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

Status = Literal["confirmed", "reported", "claimed", "disputed", "unverified", "corrected"]
Qualifier = Literal["about", "around", "at least", "more than", "over", "up to", "as many as", "nearly"]
ClaimantKind = Literal["government", "agency", "official", "media", "organisation", "state media"]

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _slug(value: Any) -> Any:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise PydanticCustomError(
            "slug", f"{value!r} is not an id (use lowercase letters, digits and hyphens, like troops-kursk)")
    return value


def _iso_date(value: Any) -> dt.date:
    # YAML turns 2024-10-31 into a date already; a string is accepted only in that same form, so
    # 31/10/2024 or 20241031 (which pydantic would read as a Unix timestamp) are refused.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("date", f"{value!r} is not a date (use YYYY-MM-DD)")


def _time(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        # YAML 1.1 reads an unquoted 07:10 as a base-60 number (430); turn it back.
        value = f"{value // 60:02d}:{value % 60:02d}"
    if isinstance(value, str) and _TIME.match(value):
        return value
    raise PydanticCustomError("time", f"{value!r} is not a time of day (use HH:MM, 24-hour)")


def _web_url(value: Any) -> str:
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or any(
        c.isspace() or ord(c) < 32 for c in value
    ):
        raise PydanticCustomError(
            "url", f"{value!r} is not a web address (only http:// and https:// links are allowed)")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("text", f"{value!r} should be some text")
    return value.strip()


Slug = Annotated[str, BeforeValidator(_slug), Field(json_schema_extra={"pattern": _SLUG.pattern})]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
TimeOfDay = Annotated[str, BeforeValidator(_time), Field(json_schema_extra={"pattern": _TIME.pattern})]
WebUrl = Annotated[str, BeforeValidator(_web_url), Field(json_schema_extra={"format": "uri"})]
Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(Strict):
    """A span a claimant gave, such as 10,000–12,000."""

    min: int | float = Field(description="Lower end of the span.")
    max: int | float = Field(description="Upper end of the span.")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise PydanticCustomError("range", f"min ({self.min:g}) is larger than max ({self.max:g})")
        return self


def _value(value: Any) -> Any:
    # YAML reads yes/no/on/off as booleans: refuse them rather than show "True" to readers.
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
        return value
    raise PydanticCustomError("value", f"{value!r} is not a number, text, date or min/max range")


FactValue = Annotated[int | float | IsoDate | Range | str, BeforeValidator(_value)]


class Revision(Strict):
    """One dated change to an item, shown to readers as its history."""

    date: IsoDate = Field(description="When the change was made (YYYY-MM-DD).")
    change: Text = Field(description="What changed, in a short sentence.")
    reason: Text | None = Field(None, description="Why it changed (a new source, a correction...).")


class Item(Strict):
    """What facts, quotes and events share: an id, a claimant, a status, sources and dates."""

    id: Slug = Field(description="Unique id across all data files; also the item's anchor on the site.")
    date: IsoDate = Field(description="The date the item refers to or was stated (YYYY-MM-DD).")
    time: TimeOfDay | None = Field(None, description="Time of day (HH:MM, 24-hour), with `timezone`.")
    timezone: Text | None = Field(None, description="Time zone label for `time`, e.g. KST or EDT.")
    claimant: Slug = Field(description="Who says so: an id from a `claimants:` list.")
    status: Status = Field(description="How sure we are: confirmed, reported, claimed, disputed, unverified or corrected.")
    sources: list[Slug] = Field(min_length=1, description="Ids of sources (from a `sources:` list) that support it.")
    note: Text | None = Field(None, description="Editor's note shown to readers (context, caveats, corrections).")
    reviewed: IsoDate = Field(description="When an editor last checked this item against its sources (YYYY-MM-DD).")
    revisions: list[Revision] = Field(default_factory=list, description="Dated changes, newest last.")

    @model_validator(mode="after")
    def _time_has_zone(self) -> Item:
        if (self.time is None) != (self.timezone is None):
            raise PydanticCustomError("time", "give both `time` and `timezone`, or neither")
        return self


class Fact(Item):
    """A figure, date or name someone claims, with who claims it."""

    label: Text = Field(description="What the value measures, e.g. 'North Korean troops near Kursk'.")
    value: FactValue = Field(description="A number, a text in quotes, a date, or a span as {min: ..., max: ...}.")
    qualifier: Qualifier | None = Field(None, description="Hedge shown before the value: about, at least, more than...")
    prefix: Text | None = Field(None, description="Shown right before the number, e.g. '$'.")
    unit: Text | None = Field(None, description="Shown after the number, e.g. 'troops', 'km', 'billion'.")
    group: Slug | None = Field(None, description="Id of an estimate group, to show this beside other claimants' figures.")


class Quote(Item):
    """Words an official said, verbatim; the claimant is the speaker."""

    text: Text = Field(description="The exact words, as the source records them. Keep it short.")
    occasion: Text = Field(description="Where and when it was said, e.g. 'press conference at the State Department'.")


class Event(Item):
    """Something that happened on a date; events make the timeline."""

    title: Text = Field(description="What happened, in one short sentence.")


class Group(Strict):
    """Several claimants' figures for the same thing, shown side by side."""

    id: Slug = Field(description="Unique id; facts join with `group: <id>`.")
    title: Text = Field(description="What the figures measure, e.g. 'North Korean troops in Russia'.")
    note: Text | None = Field(None, description="How to read the figures together.")


class Claimant(Strict):
    """Who makes a claim: a government, an agency, an official, a media outlet."""

    id: Slug = Field(description="Unique id; items refer to it with `claimant: <id>`.")
    name: Text = Field(description="Full name as readers see it, e.g. 'Antony Blinken'.")
    short: Text | None = Field(None, description="Short form for tables and charts, e.g. 'US'.")
    kind: ClaimantKind = Field(description="government, agency, official, media, organisation or state media.")
    role: Text | None = Field(None, description="For officials: their post, e.g. 'US Secretary of State'.")
    country: Text | None = Field(None, description="The country the claimant speaks for, if any.")


class Source(Strict):
    """A published document that supports items."""

    id: Slug = Field(description="Unique id; items refer to it in `sources:`.")
    publisher: Text = Field(description="Who published it, e.g. 'Associated Press'.")
    title: Text = Field(description="The title as published.")
    url: WebUrl = Field(description="Where to read it (http or https).")
    published: IsoDate = Field(description="Publication date (YYYY-MM-DD).")
    author: Text | None = Field(None, description="Byline, if any.")
    via: Text | None = Field(None, description="Where the copy we read is hosted, when it is a syndicated copy or mirror.")


class Correction(Strict):
    """A point where the seed article and the public record differ."""

    id: Slug = Field(description="Unique id; also the anchor on the corrections page.")
    topic: Text = Field(description="What the point is about, e.g. 'How the containers travelled'.")
    article: Text = Field(description="What the seed article says (paraphrased).")
    record: Text = Field(description="What the public record says instead.")
    items: list[Slug] = Field(default_factory=list, description="Ids of the facts, quotes or events that hold the record's version.")
    sources: list[Slug] = Field(min_length=1, description="Ids of sources for the record's version.")


class DataFile(Strict):
    """One file in `data/`: any of these sections, each a list."""

    claimants: list[Claimant] = Field(default_factory=list, description="Who makes claims: governments, agencies, officials.")
    sources: list[Source] = Field(default_factory=list, description="Published documents that items cite by id.")
    groups: list[Group] = Field(default_factory=list, description="Estimate groups: facts measuring the same thing.")
    facts: list[Fact] = Field(default_factory=list, description="Figures, dates and names, each with who claims it.")
    quotes: list[Quote] = Field(default_factory=list, description="Verbatim words of officials.")
    events: list[Event] = Field(default_factory=list, description="Dated happenings; they make the timeline.")
    corrections: list[Correction] = Field(default_factory=list, description="Where the seed article and the record differ.")


SECTIONS: tuple[str, ...] = tuple(DataFile.model_fields)
"""Section names in the order they are listed; the catalog and exports use the same names."""
