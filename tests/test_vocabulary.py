"""The word lists are the site's: place kinds (with their markers), claimant kinds and route modes come from
the plugin's options, with neutral defaults; the statuses stay fixed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FACTS, SOURCES
from mkdocs_explainer.data import editor_schema, vocabulary
from mkdocs_explainer.data.catalog import build_catalog, link
from mkdocs_explainer.data.settings import SettingsError
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.pages import shortcodes
from mkdocs_explainer.pages.render import PageContext
from mkdocs_explainer.plugin import ExplainerPlugin
from mkdocs_explainer.problems import ProblemsFound
from test_maps import PLACES

QUAKE = vocabulary.from_options(place_kinds={"epicentre": "diamond", "town": "circle", "port": "square"},
                                route_modes={"convoy": "dashed"}, claimant_kinds=["government", "agency", "geological survey"])


def _messages(places: str, words: vocabulary.Vocabulary = vocabulary.DEFAULT) -> list[str]:
    files = {"data/sources.yml": SOURCES, "data/facts.yml": FACTS, "data/places.yml": places}
    try:
        link([check_file(name, text.encode(), vocabulary=words) for name, text in files.items()])
    except ProblemsFound as error:
        return [str(problem) for problem in error.problems]
    return []


def test_the_defaults_are_neutral_and_the_statuses_are_not_a_setting() -> None:
    assert "depot" not in vocabulary.DEFAULT.place_kinds and "training ground" not in vocabulary.DEFAULT.place_kinds
    assert {"city", "port", "region"} <= set(vocabulary.DEFAULT.place_kinds)
    assert not {"statuses_allowed", "status_list"} & {name for name, _ in ExplainerPlugin().config_scheme}


def test_an_epicentre_is_a_place_kind_when_the_site_says_so() -> None:
    quake = PLACES.replace("kind: port\n    what: Loading port.", "kind: epicentre\n    what: Where the quake began.")
    assert _messages(quake, vocabulary.from_options(place_kinds={"epicentre": "diamond", "port": "square"})) == []
    [message] = _messages(quake)
    assert message == ("data/places.yml:6: places[0].kind (najin): 'epicentre' is not a place kind here; the place kinds are: "
                       f"{', '.join(vocabulary.DEFAULT.place_kinds)} (the plugin's `place_kinds` option sets them)")


def test_route_modes_and_claimant_kinds_come_from_the_site() -> None:
    assert _messages(PLACES.replace("modes: [ship]", "modes: [convoy]"), vocabulary.from_options(route_modes={"convoy": "dashed"})) == []
    [message] = _messages(PLACES.replace("modes: [ship]", "modes: [convoy]"))
    assert "routes[0].modes[0] (shipments): 'convoy' is not a route mode here; the route modes are: road, rail, ship, air, foot" in message
    [message] = _messages(PLACES, QUAKE)  # the site's own lists replace the defaults: no ship, no city
    assert "'ship' is not a route mode here; the route modes are: convoy (the plugin's `route_modes` option sets them)" in message


def test_a_claimant_kind_outside_the_list_is_named() -> None:
    result = check_file("data/people.yml", b"claimants:\n  - {id: usgs, name: Survey, kind: geological survey}\n")
    assert [str(p) for p in result.problems] == [
        "data/people.yml:2: claimants[0].kind (usgs): 'geological survey' is not a claimant kind here; the claimant kinds are: "
        f"{', '.join(vocabulary.DEFAULT.claimant_kinds)} (the plugin's `claimant_kinds` option sets them)"]
    survey = b"claimants:\n  - {id: usgs, name: Survey, kind: geological survey}\n"
    assert check_file("data/people.yml", survey, vocabulary=QUAKE).problems == []


@pytest.mark.parametrize(("options", "message"), [
    ({"place_kinds": {"epicentre": "star"}}, "place_kinds: 'epicentre': 'star' is not one of circle, square, triangle, diamond"),
    ({"place_kinds": ["epicentre"]}, "place_kinds: expected each kind with its shape (e.g. `city: circle`)"),
    ({"route_modes": {"convoy": "wavy"}}, "route_modes: 'convoy': 'wavy' is not one of solid, dashed, dash-dot, dotted"),
    ({"claimant_kinds": "government"}, "claimant_kinds: expected a list of words"),
])
def test_a_bad_list_is_one_clear_error(options: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError, match="^" + re.escape(message)):
        vocabulary.from_options(**options)


def test_the_plugin_checks_the_shapes_as_mkdocs_options() -> None:
    errors, _ = ExplainerPlugin().load_config({"place_kinds": {"epicentre": "star"}, "route_modes": {"convoy": "dashed"}})
    assert [key for key, _ in errors] == ["place_kinds"] and "star" in str(errors[0][1])


def test_the_editor_schema_lists_the_sites_words() -> None:
    schema = editor_schema.generate(QUAKE)["$defs"]
    assert schema["Place"]["properties"]["kind"]["enum"] == ["epicentre", "town", "port"]
    assert schema["Route"]["properties"]["modes"]["items"]["enum"] == ["convoy"]
    assert schema["Claimant"]["properties"]["kind"]["enum"] == ["government", "agency", "geological survey"]


def test_mkdocs_yml_sets_the_lists_and_a_change_rechecks_the_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "sources.yml").write_text(SOURCES)
    (data / "facts.yml").write_text(FACTS)
    (data / "places.yml").write_text(PLACES.replace("kind: port\n    what: Loading port.", "kind: epicentre\n    what: Where it began."))
    config = tmp_path / "mkdocs.yml"
    with pytest.raises(ProblemsFound, match="'epicentre' is not a place kind here"):
        build_catalog(data, tmp_path)
    config.write_text("extra:\n  explainer:\n    place_kinds: {epicentre: diamond, port: square}\n")
    catalog = build_catalog(data, tmp_path)  # the cached problem is not reused: the lists are part of the key
    assert catalog.vocabulary.shape("epicentre") == "diamond"
    html = str(shortcodes.KINDS["map"].render(PageContext(catalog, links={"places": "../places/"}), "far-east"))
    assert '<path class="fx-map__marker" d="M' in html and "◆" in html  # the epicentre's diamond, in the map and its list
    assert "(epicentre)" in html
    config.write_text("extra:\n  explainer:\n    place_kinds: {epicentre: star}\n")
    with pytest.raises(ProblemsFound, match=re.escape("mkdocs.yml: place_kinds: 'epicentre': 'star' is not one of")):
        build_catalog(data, tmp_path)


def test_each_route_mode_has_its_line_and_each_bad_setting_its_own_words():
    words = vocabulary.from_options()
    assert [words.line(mode) for mode in ("road", "rail", "ship", "air")] == ["dash-dot", "solid", "dashed", "dotted"]
    with pytest.raises(SettingsError) as raised:
        vocabulary.from_options(route_modes=[])
    assert str(raised.value) == "route_modes: expected each kind with its line (e.g. `rail: solid`), but found []"
    with pytest.raises(SettingsError) as raised:
        vocabulary.from_options(place_kinds="port")
    assert str(raised.value) == "place_kinds: expected each kind with its shape (e.g. `city: circle`), but found 'port'"
    for padded in ([" ministry "], ["ministry", ""], [3]):
        with pytest.raises(SettingsError, match=r"^claimant_kinds: expected a list of words"):
            vocabulary.from_options(claimant_kinds=padded)
