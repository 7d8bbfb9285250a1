"""Values and dates as readers read them, in the page's language: "about 8,000 people", "31 October 2024".

Numbers and dates come from CLDR (Babel) for the page's locale; the words around them are message
templates from the catalogue (a qualifier may come before or after the figure), never English glued on.
"""

from __future__ import annotations

from typing import Any

from ..i18n import N_, NP_, _, current, pgettext

Record = dict[str, Any]

QUALIFIED = {
    "about": N_("about %(quantity)s"),
    "around": N_("around %(quantity)s"),
    "at least": N_("at least %(quantity)s"),
    "more than": N_("more than %(quantity)s"),
    "over": N_("over %(quantity)s"),
    "up to": N_("up to %(quantity)s"),
    "as many as": N_("as many as %(quantity)s"),
    "nearly": N_("nearly %(quantity)s"),
    "some": N_("some %(quantity)s"),
    "possible": N_("possible %(quantity)s"),
    "possibly": N_("possibly %(quantity)s"),
}
"""A figure's hedge as a template around the quantity: languages put it before or after the number."""

STATUS_NAMES = {
    "confirmed": NP_("status", "confirmed"),
    "reported": NP_("status", "reported"),
    "claimed": NP_("status", "claimed"),
    "disputed": NP_("status", "disputed"),
    "unverified": NP_("status", "unverified"),
    "corrected": NP_("status", "corrected"),
}


def status_name(status: str) -> str:
    """A status as readers read it ("confirmed", "확인됨"); the data keeps the English key."""
    return pgettext("status", STATUS_NAMES.get(status, status))


def format_number(number: float | int) -> str:
    """8000 → "8,000"; 7687.5 → "7,687.5"; 59.0 → "59" (in the page's locale)."""
    return current().number(number)


def format_date(iso: str) -> str:
    """ "2024-10-31" → "31 October 2024" (en), "2024년 10월 31일" (ko)."""
    return current().date(iso)


def format_published(source: Record) -> str:
    """A source's date as readers see it; one we inferred says so, never passing for the page's own."""
    if not source.get("published"):
        return _("undated")
    shown = format_date(source["published"])
    return _("%(date)s (date inferred)", date=shown) if source.get("published_inferred") else shown


def source_title(source: Record) -> str:
    """A headline in quotation marks, as published; a title we supplied ([in brackets]) without them."""
    title: str = source["title"]
    return title if title.startswith("[") else _("“%(title)s”", title=title)


def format_moment(record: Record) -> str:
    """A record's date, with its time of day where one is given: "31 October 2024, 07:10 UTC"; a date no
    source states is marked: "17 December 2024 (date inferred)"."""
    text = format_date(record["date"])
    if record.get("time"):
        text = _("%(date)s, %(time)s %(timezone)s", date=text, time=record["time"], timezone=record["timezone"])
    if record.get("date_inferred"):
        text = _("%(date)s (date inferred)", date=text)
    return text


def format_value(fact: Record) -> str:
    """The fact's value with its qualifier, prefix and unit: "more than $59 billion"."""
    kind, value = fact["value_kind"], fact["value"]
    if kind == "text":
        return str(value)
    if kind == "date":
        return format_date(value)
    prefix = fact.get("prefix") or ""
    if kind == "range":
        number = _("%(low)s–%(high)s", low=f"{prefix}{format_number(value['min'])}", high=f"{prefix}{format_number(value['max'])}")
    else:
        number = f"{prefix}{format_number(value)}"
    quantity = _("%(number)s %(unit)s", number=number, unit=fact["unit"]) if fact.get("unit") else number
    qualifier = fact.get("qualifier")
    return _(QUALIFIED[qualifier], quantity=quantity) if qualifier in QUALIFIED else quantity


def quoted_title(item: Record) -> str:
    """An item's title as a reader should meet it: a quote's words in quotation marks (they are someone's),
    a fact's label or an event's title without (they are the site's own)."""
    return _("“%(text)s”", text=item["text"]) if item["kind"] == "quote" else item_title(item)


def item_title(item: Record) -> str:
    """What an item is about, in its own words: a fact's label, an event's title, a quote's text."""
    title: str = {"fact": lambda: item["label"], "event": lambda: item["title"], "quote": lambda: item["text"]}[item["kind"]]()
    return title


PLACE_KINDS = {
    "city": NP_("place kind", "city"),
    "region": NP_("place kind", "region"),
    "island": NP_("place kind", "island"),
    "port": NP_("place kind", "port"),
    "depot": NP_("place kind", "depot"),
    "training ground": NP_("place kind", "training ground"),
    "launch area": NP_("place kind", "launch area"),
    "splashdown area": NP_("place kind", "splashdown area"),
}
TRAVEL_MODES = {
    "ship": NP_("travel mode", "ship"),
    "rail": NP_("travel mode", "rail"),
    "road": NP_("travel mode", "road"),
    "air": NP_("travel mode", "air"),
}
ITEM_KINDS = {"fact": NP_("item kind", "fact"), "quote": NP_("item kind", "quote"), "event": NP_("item kind", "event")}


def place_kind(kind: str) -> str:
    return pgettext("place kind", PLACE_KINDS.get(kind, kind))


def travel_mode(mode: str) -> str:
    return pgettext("travel mode", TRAVEL_MODES.get(mode, mode))


def item_kind(kind: str) -> str:
    return pgettext("item kind", ITEM_KINDS.get(kind, kind))


def format_dates(start: str, end: str) -> str:
    """A span of days: "7 September 2023 to 1 October 2023", or one date when it is one day."""
    if start == end:
        return format_date(start)
    return _("%(start)s to %(end)s", start=format_date(start), end=format_date(end))


def intl_locale() -> str:
    """The page's locale as the browser's Intl API names it ("en-GB", "ko"), for the scripts' dates."""
    return str(current().locale).replace("_", "-")
