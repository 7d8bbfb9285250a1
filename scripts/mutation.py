"""`make mutation`: mutmut over the package's data/, pages/ and outputs/, in a working copy of the project.

mutmut derives module names from file paths and strips only `src.`, so the copy gets a `src` link to `hooks/`
(the package stays where the README says it is). The tests run inside `mutants/` with the mutated package first
on sys.path; pytest's own `pythonpath = hooks` is overridden there (pyproject.toml, [tool.mutmut]), or the
unmutated copy would shadow it. The score and the surviving mutants are printed and written to
benchmarks/MUTATION.md. Not part of `make test`: a full run takes far longer than the test suite.

A full run over data/, pages/ and outputs/ takes hours on 2 cores, so runs add up: each run's result is kept in
benchmarks/mutation-results.json (replacing any earlier run that mutated one of the same modules), and
MUTATION.md reports every recorded run, the score over all of them, and the modules no run has covered yet.

mutmut first runs the selected tests once against the unmutated (trampolined) package, to learn which tests reach
which function; any failing test there aborts the run ("failed to collect stats"). A scope (`--only`) therefore
also narrows the tests to the files that exercise those modules (TESTS_BY_MODULE), which keeps that pass short and
free of failures elsewhere; each mutant is then run against only the tests that reached its function.

A module too large for a full run in the time at hand can be sampled (`--sample 0.25`): mutmut generates every
mutant, runs a random quarter of each module's (seeded, so a run can be repeated), and the report gives the share
killed among those with its 95% interval. Survivors of a sample are argued or killed like any others.

After tests are written for the survivors on record, `--recheck` runs just those mutants again in a fresh working
copy (the copy a run left behind may be long gone): it matches them by file, function and change, so it needs no
mutant names and survives mutmut numbering them differently. Killed ones leave the record; a survivor whose line has
changed since is no longer generated and leaves it too (said in the run's note).

Survivors argued equivalent are listed by mutant name below (EQUIVALENT) or, keyed by file, function and change,
in scripts/mutation-arguments.json, which also serves runs recorded before mutant names were kept.

    python scripts/mutation.py [--max-children N] [--only MODULE ...] [--tests PATH ...] [--sample F [--seed N]]
    python scripts/mutation.py --recheck [--only MODULE ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("EXPLAINER_MUTATION_WORK") or ROOT / ".mutation")
"""The working copy; another folder (EXPLAINER_MUTATION_WORK) lets two runs of different modules go side by side."""
REPORT = ROOT / "benchmarks" / "MUTATION.md"
ARGUMENTS = ROOT / "scripts" / "mutation-arguments.json"
RESULTS = ROOT / "benchmarks" / "mutation-results.json"
SCOPE = "explainer-scope.json"
SAMPLE = "explainer-sample.json"
"""In the working copy: the modules it was made for, so --report and --retest without --only keep to them."""
FOLDERS = ("data", "pages", "outputs")
GOAL = 0.85
PACKAGE = "hooks/mkdocs_explainer"

# The test files that exercise each module (a build in a child process would reach the unmutated package: under
# mutation the tests' builds run in-process). A module missing here is tested against the whole suite.
_EVIDENCE = ["tests/test_evidence.py", "tests/test_evidence_quotes_and_places.py", "tests/test_evidence_languages.py",
             "tests/test_near_misses.py", "tests/test_evidence_hedges_and_dates.py"]
_DATA = ["tests/test_validate.py", "tests/test_hostile_data.py", "tests/test_properties.py", "tests/test_load.py",
         "tests/test_balance.py", "tests/test_citations.py", "tests/test_typed_figures.py",
         "tests/test_vocabulary.py"]
TESTS_BY_MODULE = {
    "data/evidence.py": _EVIDENCE,
    "data/validate.py": ["tests/test_validate_references.py", *_DATA, "tests/test_evidence.py"],
    "data/schema.py": ["tests/test_validate_references.py",
                       "tests/test_schema_and_numbers.py", *_DATA, "tests/test_evidence.py",
                       "tests/test_markup_in_every_field.py",
                       "tests/test_editor_schema.py"],
    "outputs/safecsv.py": ["tests/test_properties.py", "tests/test_hostile_data.py"],
    "pages/formatting.py": ["tests/test_outputs_details.py", "tests/test_formatting.py", "tests/test_i18n.py",
                            "tests/test_evidence_languages.py",
                            "tests/test_views.py", "tests/test_fact_pages.py", "tests/test_shortcodes.py"],
    "data/figures.py": ["tests/test_validate_references.py", "tests/test_typed_figures.py", "tests/test_validate.py"],
    "data/diff.py": ["tests/test_diff_details.py", "tests/test_affected.py"],
    "pages/affected.py": ["tests/test_outputs_details.py", "tests/test_affected.py"],
    "pages/projection.py": ["tests/test_outputs_details.py", "tests/test_maps.py"],
    "outputs/feed.py": ["tests/test_outputs_details.py", "tests/test_feed.py", "tests/test_properties.py"],
    "outputs/export.py": ["tests/test_exports.py", "tests/test_properties.py", "tests/test_reuse.py",
                          "tests/test_evidence_pages.py"],
    "outputs/reuse.py": ["tests/test_reuse_files.py", "tests/test_reuse.py"],
    # Third scope: the rest of data/ and pages/ (outputs/ is tested mostly through builds in a child process).
    "data/balance.py": ["tests/test_validate_references.py", "tests/test_balance.py", "tests/test_validate.py"],
    "data/cache.py": ["tests/test_data_files_and_cache.py", "tests/test_cache.py"],
    "data/catalog.py": ["tests/test_catalog_details.py", "tests/test_data_files_and_cache.py",
                        "tests/test_catalog_lookups.py", "tests/test_catalog.py", "tests/test_maps.py",
                        "tests/test_views.py", "tests/test_data_files.py", "tests/test_shortcodes.py",
                        "tests/test_validate.py", "tests/test_load.py", "tests/test_vocabulary.py",
                        "tests/test_hostile_data.py", "tests/test_balance.py"],
    "data/editor_schema.py": ["tests/test_editor_schema.py", "tests/test_vocabulary.py"],
    "data/evidence_settings.py": ["tests/test_languages_and_translations.py", "tests/test_schema_and_numbers.py",
                                  "tests/test_evidence_languages.py", "tests/test_evidence.py"],
    "data/files.py": ["tests/test_data_files_and_cache.py", "tests/test_data_files.py", "tests/test_hostile_data.py",
                      "tests/test_load.py", "tests/test_feed.py"],
    "data/languages.py": ["tests/test_languages_and_translations.py", "tests/test_schema_and_numbers.py",
                          "tests/test_evidence_languages.py", "tests/test_evidence.py", "tests/test_near_misses.py"],
    "data/load.py": ["tests/test_load.py", "tests/test_hostile_data.py", "tests/test_cache.py",
                     "tests/test_properties.py",
                     "tests/test_validate.py"],
    "data/numbers.py": ["tests/test_schema_and_numbers.py", "tests/test_numbers.py", "tests/test_formatting.py",
                        "tests/test_evidence_languages.py",
                        "tests/test_i18n.py",
                        "tests/test_evidence.py", "tests/test_typed_figures.py"],
    "data/records.py": ["tests/test_load.py", "tests/test_validate.py", "tests/test_hostile_data.py"],
    "data/settings.py": ["tests/test_settings.py", "tests/test_vocabulary.py", "tests/test_hostile_data.py",
                         "tests/test_load.py"],
    "data/translations.py": ["tests/test_languages_and_translations.py", "tests/test_editions.py",
                             "tests/test_i18n.py"],
    "data/vocabulary.py": ["tests/test_vocabulary.py", "tests/test_validate.py"],
    **{f"pages/{name}.py": ["tests/test_shortcodes.py", "tests/test_site_shortcodes.py", "tests/test_views.py",
                            "tests/test_fact_pages.py", "tests/test_markdown_ext.py", "tests/test_snippets.py",
                            "tests/test_standalone.py", "tests/test_maps.py", "tests/test_chart.py",
                            "tests/test_trend.py",
                            "tests/test_balance.py", "tests/test_near_misses.py", "tests/test_evidence_pages.py",
                            "tests/test_affected.py", "tests/test_preview_search.py", "tests/test_typed_figures.py",
                            "tests/test_properties.py"]
       for name in ("markdown_ext", "page_job", "render", "shortcodes", "views")},
    # The files whose tests build a whole site (test_snippets, test_head, test_content, ...: 4-13 s a run) are left to
    # the modules they are about: a survivor runs every test that reached it, and a build per survivor made a run of
    # pages/ take hours.
    # Modules with tests of their own: each mutant runs only those (the lists above reach most of pages/).
    "pages/anchors.py": ["tests/test_repeated_ids.py", "tests/test_markdown_ext.py"],
    "pages/basemap.py": ["tests/test_maps.py"],
    "pages/maps.py": ["tests/test_maps.py"],
    "pages/chart.py": ["tests/test_outputs_details.py", "tests/test_chart.py", "tests/test_trend.py"],
    "pages/trend.py": ["tests/test_trend.py"],
    "pages/figures.py": ["tests/test_figures_takeaway.py", "tests/test_chart.py"],
    "pages/fairness.py": ["tests/test_balance.py", "tests/test_typed_figures.py"],
    "pages/markers.py": ["tests/test_near_misses.py", "tests/test_markdown_ext.py"],
    "pages/history.py": ["tests/test_head.py", "tests/test_stale.py", "tests/test_properties.py"],
    "pages/citation.py": ["tests/test_evidence_pages.py", "tests/test_cite_formats.py"],
    "pages/scan.py": ["tests/test_outputs_details.py", "tests/test_affected.py", "tests/test_preview_search.py",
                      "tests/test_markdown_ext.py"],
    "pages/standalone.py": ["tests/test_outputs_details.py", "tests/test_standalone.py", "tests/test_markdown_ext.py",
                            "tests/test_snippets.py"],
    # The tests of the generated files build a project; under mutation they build in this process
    # (tests/outputs_helpers.py: build_in_process), so the mutants are what they build with.
    **{f"outputs/{name}.py": ["tests/test_site_outputs.py", "tests/test_head.py", "tests/test_datapackage.py",
                              "tests/test_cite_formats.py", "tests/test_stale.py", "tests/test_figures_takeaway.py",
                              "tests/test_markup_in_every_field.py", "tests/test_exports.py", "tests/test_feed.py",
                              "tests/test_linkcheck.py", "tests/test_editions.py", "tests/test_descriptions.py",
                              "tests/test_i18n.py", "tests/test_hostile_data.py", "tests/test_properties.py",
                              "tests/test_reuse.py"]
       for name in ("__init__", "citations", "datapackage", "editions", "figures", "linkcheck", "safexml", "seo",
                    "social_card", "stale")},
    # Modules of outputs/ whose own tests reach them: a survivor runs every test that reached it, so the list
    # above (a dozen files, each with a build of its own) cost minutes per survivor.
    "outputs/safexml.py": ["tests/test_feed.py", "tests/test_properties.py", "tests/test_hostile_data.py"],
    "outputs/stale.py": ["tests/test_outputs_details.py", "tests/test_stale.py"],
    "outputs/citations.py": ["tests/test_cite_formats.py", "tests/test_reuse.py"],
    "outputs/seo.py": ["tests/test_head.py", "tests/test_descriptions.py", "tests/test_hostile_data.py",
                       "tests/test_properties.py", "tests/test_markup_in_every_field.py"],
    "outputs/linkcheck.py": ["tests/test_linkcheck_requests.py", "tests/test_linkcheck.py"],
    "outputs/datapackage.py": ["tests/test_datapackage.py", "tests/test_reuse.py"],
    "outputs/editions.py": ["tests/test_editions.py", "tests/test_i18n.py"],
    "outputs/figures.py": ["tests/test_figures_takeaway.py", "tests/test_markup_in_every_field.py"],
    "outputs/social_card.py": ["tests/test_site_outputs.py", "tests/test_i18n.py", "tests/test_publishing.py"],
}
WHOLE_SUITE = ["tests/", "--ignore=tests/browser"]

# Functions called only while their module is imported (to build Annotated types and Field defaults): mutmut
# imports the package once, before it switches a mutant on, so no in-process test can reach their mutants.
_IMPORT = "runs only while the module is imported, before mutmut switches a mutant on (out of reach in-process)"
IMPORT_TIME = {f"mkdocs_explainer.data.schema.{name}": _IMPORT
               for name in ("_in_vocabulary", "_lang_field", "_translation_field", "_translation_by_field")}
# Lookups whose table maps each word to itself (NP_ only marks it for translation) over a closed list the schema
# enforces: every mutation of the lookup gives the same word.
IMPORT_TIME.update({f"mkdocs_explainer.pages.formatting.{name}": "maps each word to itself over the schema's closed "
                    "list (NP_ only marks it for translation)" for name in ("status_name", "item_kind")})

# Mutants argued equivalent (no input a user could give tells them apart from the original): name → why.
_STATUS_IDENTITY = ("STATUS_NAMES maps each status to itself (NP_ only marks it for translation), and the schema "
                    "admits no other status")
_D = "mkdocs_explainer.data."
_THIRD_SCOPE: dict[str, str] = {
    **{f"{_D}{name}": "None and False are both false: the same JSON" for name in (
        "editor_schema.x_render__mutmut_3", "languages.x_language__mutmut_13", "cache.xǁFileCacheǁput__mutmut_4")},
    f"{_D}editor_schema.x_generate__mutmut_64": "pydantic's schema always has a description (the model's docstring), "
    "so the fallback is never used",
    **{f"{_D}evidence_settings.xǁEvidenceSettingsǁkey__mutmut_{n}": "how the key spells non-ASCII words: the same "
       "settings still give one key, different settings different keys (tested)" for n in (3, 6, 8)},
    **{f"{_D}languages.x_language__mutmut_{n}": "the key of a cache of compiled tables: another spelling or order of "
       "the same hedges only compiles them once more, to the same table" for n in (12, 15, 16, 17, 18)},
    **{f"{_D}{name}": "\"UTF-8\" and \"utf-8\" name the same codec" for name in (
        "settings.x_read__mutmut_9", "translations.x_translate__mutmut_13")},
    **{f"{_D}{name}": "the locale's encoding, UTF-8 on every machine the tests run on (CI sets C.UTF-8); a test "
       "cannot change the locale of its own process" for name in (
        "settings.x_read__mutmut_7", "translations.x_translate__mutmut_11")},
    **{f"{_D}files.x_data_files__mutmut_{n}": "paths of one folder sort as their names do" for n in (3, 5)},
    **{f"{_D}files.x__too_large__mutmut_{n}": "shows the size 0.1% smaller: one decimal shows it only for files "
       "over 50 MB, which the test would have to write" for n in (3, 4)},
    **{f"{_D}{name}": "\\u00A0 and \\u00a0 are the same escape" for name in (
        "languages.x_plain_date__mutmut_9", "languages.x__number_pattern__mutmut_13", "languages.x__scale_words__mutmut_32")},
    **{f"{_D}{name}": "reverse alphabetical order also puts every word before its own beginnings, which is what "
       "longest-first is for in an alternation" for name in (
        "languages.x__number_pattern__mutmut_19", "languages.x__number_pattern__mutmut_22",
        "languages.x__words_pattern__mutmut_27", "languages.x__words_pattern__mutmut_30")},
    f"{_D}languages.x__number_pattern__mutmut_25": "a pattern that never matches either",
    **{f"{_D}languages.x__scale_words__mutmut_{n}": "Babel's number patterns always have `.pattern`: the fallback is "
       "never used" for n in (15, 18, 21)},
    **{f"{_D}vocabulary.xǁVocabularyǁline__mutmut_{n}": "every route's modes are checked against the site's modes, so "
       "every mode has a line and the fallback is never used" for n in (2, 4, 5, 6)},
    f"{_D}cache.xǁFileCacheǁput__mutmut_1": "\"\" and None are both false where it is tested",
    **{f"{_D}cache.xǁFileCacheǁput__mutmut_{n}": "the payload's spelling: it is read back with json.loads and checked "
       "against its own digest, so any spelling reads back equal" for n in (5, 7, 8, 9)},
    **{f"{_D}cache.xǁFileCacheǁput__mutmut_{n}": "the temporary file's name: it is renamed or removed in the same call, "
       "and only *.entry files are read" for n in (26, 28, 29, 30)},
    **{f"{_D}{name}": "the file was made or listed by this call; nothing removes it in between" for name in (
        "cache.xǁFileCacheǁput__mutmut_44", "cache.xǁFileCacheǁput__mutmut_46",
        "cache.xǁFileCacheǁkeep_only__mutmut_7", "cache.xǁFileCacheǁkeep_only__mutmut_8")},
    **{f"{_D}catalog.x_map_place_ids__mutmut_{n}": "a map's routes are checked references (an unknown one is refused "
       "before), so the fallbacks are never used" for n in (10, 12, 14, 16)},
    **{f"{_D}catalog.x_build_catalog__mutmut_{n}": "the names and paths come from one list: always the same length"
       for n in (37, 40, 41)},
}
"""The third scope's survivors argued equivalent (data/: the modules not in the first two scopes)."""

_NUMBERS_SCOPE: dict[str, str] = {
    **{f"{_D}numbers.x__words_value__mutmut_{n}": "\"\" is as false as None: `current or ...` reads both as no "
       "number yet" for n in (4, 46)},
    **{f"{_D}numbers.x__words_value__mutmut_{n}": "the branch runs only for a word in _SMALL or _TENS, so one of the "
       "two lookups finds it: the inner default is never returned" for n in (18, 20, 21)},
    f"{_D}numbers.x_spans_in__mutmut_12": "two mentions with nothing between them have no joiner between them either "
    "(the joiners match no empty text): not a span either way",
    f"{_D}numbers.x_spans_in__mutmut_13": "overlapping mentions give a search that starts after it ends, which matches "
    "nothing: not a span either way",
}
"""data/numbers.py: survivors argued equivalent."""

_P = "mkdocs_explainer.pages."
_WHOLE = "the value is always a whole number: rounding to none or two places gives the same position"
_PAGES_SCOPE: dict[str, str] = {
    **{f"{_P}{name}": "\"UTF-8\" and \"utf-8\" (and \"UTF-8-SIG\") name the same codec" for name in (
        "basemap.x_decode__mutmut_6", "basemap.x_land__mutmut_22", "scan.x_scan_pages__mutmut_15",
        "basemap.x__keep__mutmut_24")},
    **{f"{_P}{name}": "the cache file is JSON written with ensure_ascii: ASCII in any encoding" for name in (
        "basemap.x_land__mutmut_20", "basemap.x__keep__mutmut_17", "basemap.x__keep__mutmut_20")},
    f"{_P}basemap.x__keep__mutmut_1": "\"\" and None are both false: no temporary file to remove",
    **{f"{_P}basemap.x__keep__mutmut_{n}": "the temporary file's name is never read (it is renamed, or removed)"
       for n in (10, 11, 12, 13, 14)},
    f"{_P}basemap.x__keep__mutmut_9": "where the temporary file is made: on the cache's own filesystem the same "
    "result; on another the rename fails and the cache is skipped (the map is drawn)",
    **{f"{_P}basemap.x__keep__mutmut_{n}": "JSON with or without spaces after its separators: the same value"
       for n in (27, 30)},
    **{f"{_P}basemap.x__keep__mutmut_{n}": "the entry was listed a moment before: it exists unless another process "
       "removed it, and then the error is caught (the cache is skipped)" for n in (49, 50)},
    **{f"{_P}history.x_last_revision__mutmut_{n}": "no revisions and None are both false: no last revision"
       for n in (3, 5)},
    **{f"{_P}fairness.x_one_sided__mutmut_{n}": "never used: a page is one-sided only where it shows an item of the "
       "question, so some shortcode's items meet it" for n in (30, 32, 39)},
    f"{_P}fairness.x_typed_figures__mutmut_3": "works the held figures out again instead of taking those given: "
    "the same figures",
    **{f"{_P}fairness.x_page_warnings__mutmut_{n}": "typed_figures works the held figures out itself when given none: "
       "the same figures, once per page" for n in (1, 19, 23)},
    f"{_P}figures.x_map_rows__mutmut_34": "the schema refuses a radius on a place that is not approximate",
    f"{_P}chart.x_layout__mutmut_25": "with no figure above zero every bar is 0 long at any scale",
    **{f"{_P}chart.x_layout__mutmut_{n}": _WHOLE for n in (86, 88, 98, 115, 117, 120)},
    **{f"{_P}trend.x_layout__mutmut_{n}": _WHOLE for n in (139, 141, 144, 177, 179, 183)},
    **{f"{_P}trend.x_layout__mutmut_{n}": "shares and their texts are made from one list: always the same length"
       for n in (154, 157, 158)},
    **{f"{_P}citation.x_citation__mutmut_{n}": "Babel's write_mo fills an untranslated plural with the catalogue's "
       "own English forms (locales/en): the plural written in the code is never shown" for n in (34, 54, 55, 56)},
    **{f"{_P}fairness.x_prose__mutmut_{n}": "the closing --- is looked for from the fourth character: from the first "
       "differs only for an empty front matter (two --- lines), which holds no figure" for n in (13, 15)},
    **{f"{_P}fairness.x_prose__mutmut_{n}": "found from the fourth character, the end is at least 4 when found"
       for n in (19, 20)},
    f"{_P}fairness.x_page_warnings__mutmut_18": "given the held figures, typed_figures does not read the catalog",
    f"{_P}chart.x_ems__mutmut_7": "X is no East Asian width class: \"XXWFXX\" holds the same classes as \"WF\"",
    f"{_P}scan.x_scan_pages__mutmut_19": "bytes.count from None counts from the start, as from 0",
    f"{_P}scan.x_scan_pages__mutmut_30": "None and \"\" both mean no field: the problem reads the same",
    f"{_P}scan.x_items_shown__mutmut_9": "the guard was dead (no kind's list raises KeyError) and is removed since",
    # the sampled scope of maps, render, views, shortcodes, markdown_ext
    f"{_P}maps.x__trim__mutmut_10": "the length is replaced only when it is 0, and then both offsets are 0 whatever it is",
    f"{_P}shortcodes.x__shown_as__mutmut_4": "with no basemap file the package's world outlines are read, which parse "
    "and cover every region: the name is never shown",
    f"{_P}markdown_ext.xǁResolveǁ_place__mutmut_8": "Python-Markdown builds every <pre> with a <code> inside (a <pre> "
    "typed as HTML is raw HTML, not an element): `code` is in the lineage whenever `pre` is",
    f"{_P}markdown_ext.x__place_in_html__mutmut_4": "str.rfind from None searches from the start, as from 0",
    f"{_P}markdown_ext.x__place_in_html__mutmut_23": "a </pre> at the text's first character would close a block "
    "never opened: the search from 1 finds the same",
    f"{_P}markdown_ext.x__place_in_html__mutmut_71": "a marker found in the HTML after a closed tag is in raw HTML, "
    "which marks it nested, and a nested marker is reported as raw HTML whatever its place",
    f"{_P}markdown_ext.xǁPageParserǁ__init____mutmut_12": "the extension loaded a second time by its entry point finds "
    "no marker left to tag (the first tagged them all): the same markers, found twice over",
    f"{_P}markdown_ext.x__first_line__mutmut_13": "when the file is shorter than the text, 1 + total - len(body) is at "
    "most 0 and max() gives 1 either way",
    **{f"{_P}markdown_ext.xǁShortcodeExtensionǁextendMarkdown__mutmut_{n}": "a processor's registered name is "
       "only used to replace or remove it, which nothing does" for n in (15, 19, 73)},
    **{f"{_P}markdown_ext.{name}": "TreeDone never reads its Markdown instance" for name in (
        "xǁShortcodeExtensionǁextendMarkdown__mutmut_68", "xǁTreeDoneǁ__init____mutmut_1")},
    f"{_P}markdown_ext.xǁShortcodeExtensionǁextendMarkdown__mutmut_74": "run first instead of last, the flag is set "
    "before toc's heading pass: the postprocessor then checks each heading as if it were the page, and the "
    "page's own pass, later, replaces what it found: the same page and problems",
    f"{_P}markdown_ext.xǁTaggerǁrun__mutmut_5": "None is as false as False (the flag is only tested for truth)",
    f"{_P}markdown_ext.xǁ_Linesǁorigin__mutmut_1": "with the text unchanged the diff maps each line to itself: the "
    "same line, found the slow way",
    **{f"{_P}markdown_ext.xǁ_Linesǁorigin__mutmut_{n}": "difflib's autojunk applies to texts of 200 lines or more, and "
       "matching blocks still extend across the junked lines: a page of 240 lines with one shortcode line 60 times "
       "and two snippets maps every shortcode line alike either way (tried)" for n in (10, 14)},
    f"{_P}markdown_ext.xǁ_Linesǁorigin__mutmut_33": "every line of the converted text is in the map (the diff's "
    "opcodes cover it all): the default is never used",
    f"{_P}maps.xǁFrameǁpoint_from_centre__mutmut_9": "at exactly 180° west of the centre the wrap gives -180 again: "
    "the same longitude, wrapped or not",
    f"{_P}maps.x_layout__mutmut_155": "the biggest countries are tried first, as a preference: which names then fit "
    "depends on the markers and lines; the tests check what any order must give (capitals, no overlap, inside)",
    **{f"{_P}maps.x_place_labels__mutmut_{n}": "a label's clearance from the scale bar, a marker or a line by a unit "
       "more or less: it moves a label only where it would then touch them; the tests check the outcome (no label "
       "overlaps another, a marker or the bar, each inside the map), not the margins" for n in (4, 42, 48, 49, 52, 100)},
    f"{_P}maps.x__centroid__mutmut_22": "only a ring of zero area reaches the fallback, and its every cross product "
    "is 0 (no part has area), so both numerators are 0 whatever they are divided by",
    **{f"{_P}maps.x__land__mutmut_{n}": "skipping a ring beyond the frame's reach saves projecting it; a ring that "
       "only touches the reach, or one drawn anyway, is clipped to nothing (area under 1) and not drawn" for n in (36, 38, 40)},
    f"{_P}maps.x__ring_turns__mutmut_36": "a closing step of exactly 180° goes either way round the globe: no "
    "outline has one (the basemap's points are a few km apart)",
    f"{_P}maps.x__ring_turns__mutmut_64": "(m + 180) % 360 and (m - 180) % 360 are the same number",
    f"{_P}maps.xǁFrameǁfit__mutmut_31": "on a conic map the meridians are straight, so their ends, the region's "
    "corners (sampled with the parallels), are their extremes: the same frame",
    f"{_P}maps.xǁFrameǁreach__mutmut_56": "±540° stands for every longitude: outlines turned to stay near the centre "
    "lie well within it, so -541° reaches the same rings",
    f"{_P}maps.x__graticule__mutmut_61": "None is as false as False: a grid line is not closed either way",
    f"{_P}markdown_ext.xǁ_Linesǁ_in_snippets__mutmut_21": "\"UTF-8-SIG\" and \"utf-8-sig\" name the same codec",
    **{f"{_P}standalone.x_job_for__mutmut_{n}": "pathlib joins a folder with an absolute path as that path: root / "
       "p is p when p is absolute" for n in (28, 76)},
    f"{_P}standalone.x_job_for__mutmut_44": "a page without a path gives \"\" either way (`or \"\"`)",
    f"{_P}standalone.x_job_for__mutmut_57": "the page's folder is read through posixpath.dirname, which drops what "
    "follows its last slash: \"a/\" and \"aXX/XX\" name the same folder",
    f"{_P}standalone.x_job_for__mutmut_158": "a site's catalogue folder that does not exist is skipped by the loader: "
    "given or not, the same catalogues",
    f"{_P}standalone.x_load_catalog__mutmut_4": "a missing data folder stamps the same on every call either way (no "
    "file, or the basemap's 'gone'), so the kept problem is used again alike",
    f"{_P}render.x_render__mutmut_31": "a syntax error in a template loaded from a file always carries its file name: "
    "the template's own name is never needed",
}
"""pages/: the survivors argued equivalent."""

_L = "mkdocs_explainer.outputs.linkcheck."
_OUTPUTS_SCOPE: dict[str, str] = {
    **{f"{_L}xǁ_TitleParserǁ{name}": "None is as false as False, and a list that is never appended to before a "
       "<title> resets it" for name in ("__init____mutmut_4", "__init____mutmut_6", "handle_endtag__mutmut_5")},
    f"{_L}xǁ_TitleParserǁ__init____mutmut_5": "an end of <title> with no start then adds an empty title, and "
    "page_titles drops empty titles",
    f"{_L}xǁ_TitleParserǁhandle_starttag__mutmut_28": "never reached: the branch is taken only when the content is "
    "not empty",
    f"{_L}x_titles_match__mutmut_27": "a similarity of exactly 0.6 (a ratio of character counts): the boundary alone",
    f"{_L}x__host__mutmut_5": "a host name is only compared with another's: two addresses without one are alike "
    "either way",
    **{f"{_L}x__public__mutmut_{n}": "the split of an IPv6 zone was dead (ipaddress reads zones) and is removed since"
       for n in (3, 6, 7, 8, 9)},
    **{f"{_L}x__decode__mutmut_{n}": "the text-encoding test was dead (those codecs fail the decode itself, which "
       "falls back to UTF-8) and is removed since" for n in range(1, 30)},
    **{f"{_L}x__words__mutmut_{n}": "the apostrophe replaced before reading words was dead (\\w matches neither) and "
       "is removed since" for n in (10, 11)},
    **{f"{_L}x__pool_manager__mutmut_{n}": "pool sizes: each check has a manager of its own for one link at a time"
       for n in (4, 5, 6, 7)},
    f"{_L}x_check_link__mutmut_1": "the default deadline: every caller in the package passes one",
    f"{_L}x__judge__mutmut_31": "\"XXtext/htmlXX\" still contains \"html\"",
    # The sampled scope of the other output modules.
    **{f"mkdocs_explainer.outputs.{name}": "newline=\"\" matters only where the platform's line end is not \\n "
       "(Windows): on POSIX, where the site is built and tested, the text is written as it is either way"
       for name in ("datapackage.x_write__mutmut_21", "figures.x_write__mutmut_100")},
    "mkdocs_explainer.outputs.figures.x_write__mutmut_102": "\"UTF-8\" and \"utf-8\" name the same codec",
    **{f"mkdocs_explainer.outputs.{name}": "\"UTF-8\" and \"utf-8\" name the same codec" for name in (
        "seo.x_gzipped__mutmut_32", "social_card.x_write__mutmut_26", "social_card.x_write__mutmut_55")},
    "mkdocs_explainer.outputs.xǁOutputsǁannotate__mutmut_63": "a page with no content has no paragraph, and "
    "\"XXXX\" has none either: the site's description stands in both ways",
    **{f"mkdocs_explainer.outputs.seo.x_dataset__mutmut_{n}": "Babel's write_mo fills an untranslated plural with "
       "the catalogue's own English forms (locales/en): the plural written in the code is never shown (the shown "
       "one is tested)" for n in (28, 29, 30)},
    "mkdocs_explainer.outputs.figures.x_title_of__mutmut_5": "a map shown on a page is always in maps (an unknown id "
    "stops the build first), so the search ends at its first section",
    "mkdocs_explainer.outputs.social_card.x_write__mutmut_8": "the cache key is 16 or 17 hex digits of one hash: a "
    "different name for the same kept card, never another card's",
    "mkdocs_explainer.outputs.datapackage.x_write__mutmut_39": "None is as false as False: NaN is still refused",
    "mkdocs_explainer.outputs.datapackage.x_write__mutmut_53": "datapackage.json indented by one space or two: the "
    "same JSON",
    **{f"mkdocs_explainer.outputs.datapackage.{name}": "a table's or column's description is documentation for "
       "people (Table Schema's `description`): its words changed or left out change no value, type, key or constraint "
       "a client checks" for name in ("x__dated__mutmut_55", "x__dated__mutmut_111", "x__dated__mutmut_144",
                                      "x_tables__mutmut_18", "x_tables__mutmut_115", "x_tables__mutmut_155",
                                      "x_tables__mutmut_164", "x_tables__mutmut_198", "x_tables__mutmut_516",
                                      "x_tables__mutmut_790", "x_tables__mutmut_812", "x_tables__mutmut_875")},
}
"""outputs/: the survivors argued equivalent."""

EQUIVALENT: dict[str, str] = {
    "mkdocs_explainer.outputs.safecsv.x_neutralise__mutmut_1": "the first character is also the first after "
    "`lstrip(' ')` unless it is a space, which is no trigger",
    "mkdocs_explainer.outputs.safecsv.x_neutralise__mutmut_2": "as _1: a two-character prefix is never a trigger, "
    "and the `lstrip(' ')` test sees the first character anyway",
    "mkdocs_explainer.outputs.safecsv.xǁSafeWriterǁ__init____mutmut_5": "csv.writer's default line end is already "
    "\\r\\n (tested)",
    **{f"mkdocs_explainer.pages.formatting.x_status_name__mutmut_{n}": _STATUS_IDENTITY for n in (7, 8, 9, 10)},
    **{name: "\"UTF-8\" and \"utf-8\" name the same codec" for name in (
        "mkdocs_explainer.outputs.export.x_write__mutmut_12", "mkdocs_explainer.outputs.export.x_write__mutmut_25",
        "mkdocs_explainer.outputs.reuse.x__write_if_changed__mutmut_4",
        "mkdocs_explainer.outputs.reuse.xǁKeptFilesǁrestore__mutmut_9",
        "mkdocs_explainer.outputs.reuse.xǁKeptFilesǁkeep__mutmut_52")},
    **{name: "the locale's encoding is UTF-8 wherever the tests run (and Python's default from 3.15); kept explicit "
       "for other locales" for name in (
        "mkdocs_explainer.outputs.export.x_write__mutmut_10", "mkdocs_explainer.outputs.export.x_write__mutmut_19",
        "mkdocs_explainer.outputs.export.x_write__mutmut_22", "mkdocs_explainer.outputs.reuse.xǁKeptFilesǁrestore__mutmut_6",
        "mkdocs_explainer.outputs.reuse.xǁKeptFilesǁkeep__mutmut_42",
        "mkdocs_explainer.outputs.reuse.xǁKeptFilesǁkeep__mutmut_44")},
    **{name: "on POSIX, newline=None writes \\n as \\n and leaves the CSV's \\r\\n alone" for name in (
        "mkdocs_explainer.outputs.export.x_write__mutmut_20", "mkdocs_explainer.outputs.export.x_write__mutmut_23")},
    **{name: "None is as false as False for json.dumps' flags" for name in (
        "mkdocs_explainer.outputs.export.x_render_json__mutmut_3", "mkdocs_explainer.outputs.export.x_render_json__mutmut_4",
        "mkdocs_explainer.outputs.export.x__json_line__mutmut_2", "mkdocs_explainer.outputs.export.x__json_line__mutmut_3")},
    **{name: "no NaN or infinity reaches the export: the schema refuses them" for name in (
        "mkdocs_explainer.outputs.export.x_render_json__mutmut_7", "mkdocs_explainer.outputs.export.x_render_json__mutmut_13",
        "mkdocs_explainer.outputs.export.x__json_line__mutmut_6", "mkdocs_explainer.outputs.export.x__json_line__mutmut_8")},
    "mkdocs_explainer.outputs.export.x_render_json__mutmut_26": "an empty list written over two lines: the same JSON value",
    **{name: "the schema gives every item a revisions list, so the default is never used" for name in (
        "mkdocs_explainer.outputs.feed.x_entries__mutmut_4", "mkdocs_explainer.outputs.feed.x_entries__mutmut_6")},
    "mkdocs_explainer.outputs.feed.x_entries__mutmut_23": "the index is only ever tested for being negative",
    **{name: "(date, id, index) differ for every entry, so the sort never reaches the record" for name in (
        "mkdocs_explainer.outputs.feed.x_entries__mutmut_24", "mkdocs_explainer.outputs.feed.x_entries__mutmut_26",
        "mkdocs_explainer.outputs.feed.x_entries__mutmut_29")},
    "mkdocs_explainer.outputs.feed.x__summary__mutmut_36": "X is no end mark: stripping it too never changes "
    "whether a full stop is added",
    "mkdocs_explainer.data.figures.x_find__mutmut_22": "the same characters, written in capitals",
    "mkdocs_explainer.data.figures.x_find__mutmut_41": "the words after a number end in a letter, and the unit check "
    "drops any punctuation or space before them",
    "mkdocs_explainer.data.figures.x_held_figures__mutmut_29": "a held figure is found by its value's key; the value "
    "it carries is not read",
    "mkdocs_explainer.data.figures.x_held_figures__mutmut_41": "a fact without a unit then has the unit 'xxxx', which "
    "no text after a number starts with",
    "mkdocs_explainer.data.figures.x__unit_follows__mutmut_4": "units are compared in lower case: no capital X to strip",
    **{name: "a page's old shortcodes differ from its new ones only when its Markdown changed, and MkDocs then "
       "rebuilds it anyway; a page missing from the old scan makes the page lists differ first" for name in (
        "mkdocs_explainer.pages.affected.x_pages_to_rebuild__mutmut_20",
        "mkdocs_explainer.pages.affected.x_pages_to_rebuild__mutmut_21",
        "mkdocs_explainer.pages.affected.x_pages_to_rebuild__mutmut_23")},
    "mkdocs_explainer.pages.affected.x__reads__mutmut_3": "the scan keeps known kinds only, so the kind is never None",
    "mkdocs_explainer.pages.projection.xǁLambertConicǁforward__mutmut_7": "+180 and -180 are the same modulo 360",
    "mkdocs_explainer.pages.projection.xǁLambertConicǁinverse__mutmut_5": "n is never 0 (the parallels are tilted "
    "off a mirror image)",
    "mkdocs_explainer.pages.projection.xǁLambertConicǁinverse__mutmut_25": "a point exactly 1 m from the apex: "
    "never drawn",
    **{name: "the starting guess of an iteration that converges from any start (Snyder 7-9)" for name in (
        *(f"mkdocs_explainer.pages.projection.xǁLambertConicǁinverse__mutmut_{n}" for n in (35, 36, 37, 38, 39)),
        "mkdocs_explainer.pages.projection.xǁLambertConicǁinverse__mutmut_42")},
    "mkdocs_explainer.pages.projection.xǁLambertConicǁfor_region__mutmut_12": "parallels summing to exactly the "
    "threshold: a boundary of no width",
    **{name: "saves a read of a file this process wrote: the same bytes are written either way" for name in (
        "mkdocs_explainer.outputs.reuse.xǁRememberedǁstill_written__mutmut_1",
        "mkdocs_explainer.outputs.reuse.xǁRememberedǁstill_written__mutmut_2",
        "mkdocs_explainer.outputs.reuse.xǁRememberedǁwrote__mutmut_4",
        "mkdocs_explainer.outputs.reuse.x_write_if_changed__mutmut_4",
        "mkdocs_explainer.outputs.reuse.x_write_if_changed__mutmut_5",
        "mkdocs_explainer.outputs.reuse.x_write_if_changed__mutmut_13")},
    **{name: "where the staging folder is made and what it is called: a failed rename only skips the cache" for name in (
        *(f"mkdocs_explainer.outputs.reuse.xǁKeptFilesǁkeep__mutmut_{n}" for n in (1, 10, 11, 12, 13)),)},
    **_THIRD_SCOPE,
    **_NUMBERS_SCOPE,
    **_PAGES_SCOPE,
    **_OUTPUTS_SCOPE,
}


def project_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def set_list(text: str, key: str, values: list[str]) -> str:
    """`text` (pyproject.toml) with the TOML list `key = [...]` replaced by `values`."""
    start = text.index(f"{key} = [")
    end = text.index("]", start) + 1
    return text[:start] + f"{key} = [{', '.join(json.dumps(value) for value in values)}]" + text[end:]


def make_working_copy(only: list[str], tests: list[str]) -> None:
    if WORK.exists():
        shutil.rmtree(WORK)
    for name in project_files():
        target = WORK / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    (WORK / "src").symlink_to("hooks", target_is_directory=True)
    # Tests that run `make build` in the project find the real environment instead of creating one.
    (WORK / "mutants").mkdir()
    for environment in (".venv", ".venv-properdocs", "node_modules"):
        if (ROOT / environment).is_dir():
            (WORK / "mutants" / environment).symlink_to(ROOT / environment, target_is_directory=True)
    text = (WORK / "pyproject.toml").read_text(encoding="utf-8")
    # The tests run inside mutants/ and read files from all over the project (.github/, MANIFEST.in, mkdocs.ko.yml):
    # copy every top-level entry git knows, not a hand-kept list that falls behind.
    top_level = sorted({name.split("/")[0] + ("/" if "/" in name else "") for name in project_files()} - {"pyproject.toml"})
    text = set_list(text, "also_copy", top_level)
    text = set_list(text, "pytest_add_cli_args_test_selection", tests)
    if only:
        text = set_list(text, "only_mutate", [f"src/mkdocs_explainer/{pattern}" for pattern in only])
    (WORK / "pyproject.toml").write_text(text, encoding="utf-8")
    (WORK / SCOPE).write_text(json.dumps(only), encoding="utf-8")


def tests_for(only: list[str]) -> list[str]:
    """The tests for a scope: the files listed for each module, or the whole suite if one is not listed."""
    if not only or any(module not in TESTS_BY_MODULE for module in only):
        return WHOLE_SUITE
    return sorted({test for module in only for test in TESTS_BY_MODULE[module]})


def mutmut(*args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mutmut", *args]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EXPLAINER_MUTATION": "1"}  # tests/conftest.py
    return subprocess.run(command, cwd=WORK, env=env, text=True, capture_output=capture, check=False)


def survivors() -> list[str]:
    listed = mutmut("results", capture=True).stdout.splitlines()
    return [line.split(":")[0].strip() for line in listed if line.strip().endswith("survived")]


def sampled(fraction: float, seed: int) -> list[str]:
    """A random `fraction` of each module's mutants (at least one per module), the same for the same seed."""
    names = [line.strip().rpartition(": ")[0] for line in mutmut("results", "--all", "true", capture=True).stdout.splitlines()]
    by_module: dict[str, list[str]] = {}
    for name in filter(None, names):
        by_module.setdefault(module_of(name), []).append(name)
    chooser = random.Random(seed)
    return sorted(name for module in sorted(by_module) for name in
                  chooser.sample(by_module[module], max(1, round(len(by_module[module]) * fraction))))


def interval(killed: int, tested: int) -> tuple[float, float]:
    """Wilson's 95% interval for the share killed, when the mutants tested are a random sample."""
    if not tested:
        return 0.0, 1.0
    z, share = 1.96, killed / tested
    centre = (share + z * z / (2 * tested)) / (1 + z * z / tested)
    half = z * math.sqrt(share * (1 - share) / tested + z * z / (4 * tested * tested)) / (1 + z * z / tested)
    return max(0.0, centre - half), min(1.0, centre + half)


_DIFFS = """
import json, sys
from mutmut.mutation.diff_apply import get_diff_for_mutant
names = json.load(sys.stdin)
json.dump({name: get_diff_for_mutant(name, path=path) for name, path in names.items()}, sys.stdout)
"""


def mutations_of(names: list[str]) -> dict[str, tuple[str, str]]:
    """Each mutant's (file, changed line before → after), as `mutmut show` gives it, but in one process: `mutmut
    show` starts Python and reads its files again for each mutant (a second or more apiece)."""
    paths = {name: f"src/{PACKAGE.removeprefix('hooks/')}/{module_of(name)}" for name in names}
    shown = subprocess.run([sys.executable, "-c", _DIFFS], cwd=WORK, input=json.dumps(paths), text=True,
                           capture_output=True, check=True).stdout
    return {name: change_in(diff) for name, diff in json.loads(shown).items()}


def change_in(text: str) -> tuple[str, str]:
    """(file, the changed line before → after) from a mutant's unified diff."""
    diff = text.splitlines()
    path = next((line[4:].strip() for line in diff if line.startswith("--- ")), "?").removeprefix("src/")
    removed = [line[1:].strip() for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in diff if line.startswith("+") and not line.startswith("+++")]
    return path, f"`{' '.join(removed)}` → `{' '.join(added)}`"


def function_of(name: str) -> str:
    """`mkdocs_explainer.data.evidence.x_hedge__mutmut_3` → `hedge` (methods: `Class.method`)."""
    module_part, _, mangled = name.rpartition(".x")
    mangled = mangled.removeprefix("_").rsplit("__mutmut_", 1)[0]  # functions are x_<name>, methods xǁClassǁname
    return mangled.replace("ǁ", ".").strip(".") or module_part


def refresh_tests() -> None:
    """Copy the project's tests into the working copy again (after adding tests that should kill survivors)."""
    for target in (WORK / "tests", WORK / "mutants" / "tests"):
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "tests", target, ignore=shutil.ignore_patterns("__pycache__"))


def reason_for(name: str) -> str:
    """Why a survivor is not a gap, if it is not: argued equivalent, or only run while its module is imported."""
    if name in EQUIVALENT:
        return EQUIVALENT[name]
    module = name.rpartition(".x")[0]
    return IMPORT_TIME.get(f"{module}.{function_of(name)}", "")


def arguments() -> dict[tuple[str, str, str], str]:
    """The arguments kept by change rather than by name: (file, function, `before` → `after`) → why."""
    if not ARGUMENTS.is_file():
        return {}
    listed = json.loads(ARGUMENTS.read_text(encoding="utf-8"))
    return {(entry["file"], entry["function"], entry["change"]): entry["reason"] for entry in listed}


def reason_of(survivor: list[str], by_change: dict[tuple[str, str, str], str]) -> str:
    """A recorded survivor's argument as of now: by name, by change, or the one recorded with it."""
    return ((reason_for(survivor[4]) if len(survivor) > 4 else "") or by_change.get(tuple(survivor[:3]), "")
            or survivor[3])


def score(stats: dict[str, int]) -> tuple[int, int]:
    """(killed, tested): a timeout or a crash of the tests counts as killed."""
    tested = stats["killed"] + stats["survived"] + stats["timeout"] + stats["suspicious"] + stats["segfault"]
    return stats["killed"] + stats["timeout"] + stats["segfault"], tested


STATUS_KEYS = {"killed": "killed", "survived": "survived", "timeout": "timeout", "suspicious": "suspicious",
               "segfault": "segfault", "no tests": "no_tests", "skipped": "skipped", "not checked": "not_checked"}


def module_of(name: str) -> str:
    """`mkdocs_explainer.data.numbers.x__word_run__mutmut_3` → `data/numbers.py` (a package: its __init__.py)."""
    parts = name.rpartition(".x")[0].split(".")[1:]
    path = "/".join(parts) + ".py"
    return path if (ROOT / PACKAGE / path).is_file() else "/".join(parts) + "/__init__.py"


def by_module() -> dict[str, dict[str, int]]:
    """Each mutated module's counts (killed, survived, no_tests...), from every mutant's status."""
    counts: dict[str, dict[str, int]] = {}
    for line in mutmut("results", "--all", "true", capture=True).stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name and status in STATUS_KEYS:
            module = counts.setdefault(module_of(name), dict.fromkeys(STATUS_KEYS.values(), 0))
            module[STATUS_KEYS[status]] += 1
    return counts


def totals(run: dict[str, Any]) -> dict[str, int]:
    """A run's counts over the modules it still speaks for (a later run of a module replaces that module's)."""
    if "by_module" not in run:  # recorded before counts were kept per module
        return dict(run["stats"])
    summed = dict.fromkeys([*STATUS_KEYS.values(), "total"], 0)
    for counts in run["by_module"].values():
        for key, value in counts.items():
            summed[key] += value
        summed["total"] += sum(counts.values())
    return summed


def run_record(stats: dict[str, int], survived: list[str], only: list[str], tests: list[str],
               sample: dict[str, Any] | None = None) -> dict[str, Any]:
    changes = mutations_of(survived)
    survivors = [[changes[name][0].removeprefix("mkdocs_explainer/"), function_of(name), changes[name][1],
                  reason_for(name), name] for name in survived]
    record = {"date": dt.date.today().isoformat(), "modules": only or ["(all)"], "tests": tests, "stats": stats,
              "by_module": by_module(), "survivors": survivors}
    return record | ({"sample": sample} if sample else {})


def recorded(new: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The runs on record, `new` replacing every earlier run that mutated one of its modules."""
    try:
        runs: list[dict[str, Any]] = json.loads(RESULTS.read_text(encoding="utf-8"))["runs"]
    except (OSError, ValueError, KeyError):
        runs = []
    if new is not None:
        # A run recorded before counts were kept per module cannot lose one module: it keeps it, and the new run
        # leaves that module out (rather than the old run being dropped whole, with every other module it covered).
        unsplit = {module for run in runs if "by_module" not in run for module in run["modules"]} & set(new["modules"])
        if unsplit and (split := _without(new, unsplit, "kept by an earlier run that cannot be split")) is not None:
            new = split
        runs = [kept for run in runs if (kept := _without(run, set(new["modules"]))) is not None]
        runs.append(new)
        RESULTS.write_text(json.dumps({"runs": runs}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return runs


def _without(run: dict[str, Any], modules: set[str], why: str = "run again since") -> dict[str, Any] | None:
    """`run` without the modules a newer run mutated again; None if nothing of it is left (or it cannot be split:
    a run recorded before counts were kept per module)."""
    if "(all)" in modules or not set(run["modules"]) & modules:
        return None if "(all)" in modules else run
    if "by_module" not in run:
        return None
    left = [module for module in run["modules"] if module not in modules]
    if not left:
        return None
    return {**run, "modules": left, "by_module": {m: c for m, c in run["by_module"].items() if m not in modules},
            "survivors": [s for s in run["survivors"] if s[0] not in modules],
            "note": (run.get("note", "") + f" Its figures leave out {', '.join(sorted(set(run['modules']) & modules))}, "
                     f"{why}.").strip()}


def package_modules() -> list[str]:
    package = ROOT / PACKAGE
    return sorted(path.relative_to(package).as_posix() for folder in FOLDERS for path in (package / folder).glob("*.py")
                  if path.name != "__init__.py" or path.stat().st_size > 200)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def report(runs: list[dict[str, Any]]) -> str:
    by_change = arguments()
    killed = sum(score(totals(run))[0] for run in runs)
    tested = sum(score(totals(run))[1] for run in runs)
    covered = {module for run in runs for module in run["modules"]}
    missing = [] if "(all)" in covered else [m for m in package_modules() if m not in covered]
    overall = killed / tested if tested else 0.0
    lines = [
        "# Mutation testing (`make mutation`)",
        "",
        "Written by scripts/mutation.py (mutmut) from every run on record (benchmarks/mutation-results.json). "
        "Reading it: mutmut runs each mutant against the selected tests that reached its function in the "
        "unmutated run; \"no test reaches\" counts mutants in functions none of them call (outside the score). "
        "A survivor with no reason given is a gap still open, or a mutant not yet argued either way.",
        "",
        f"- over every run: killed {killed} of {tested} tested: **{overall:.1%}** "
        f"(goal {GOAL:.0%}: {'met' if overall >= GOAL else 'missed'}) in {len(covered)} modules",
        f"- modules of {', '.join(f'{f}/' for f in FOLDERS)} no run has covered yet ({len(missing)}): "
        f"{', '.join(missing) or 'none'}",
    ]
    if sampled := [run for run in runs if run.get("sample")]:
        modules = sum(len(run["modules"]) for run in sampled)
        lines.append(f"- {len(sampled)} of the runs ({modules} modules) tested a random sample of their mutants; they count "
                     "above by the mutants they tested, and each gives the interval its sample allows")
    for run in runs:
        stats = totals(run)
        run_killed, run_tested = score(stats)
        # Arguments are read now, so a run recorded before a survivor was argued shows the argument.
        survivors = [[*s[:3], reason_of(s, by_change), *s[4:]] for s in run["survivors"]]
        equivalent = [s for s in survivors if s[3]]
        adjusted = run_killed / (run_tested - len(equivalent)) if run_tested > len(equivalent) else 0.0
        sample = run.get("sample")
        low, high = interval(run_killed, run_tested)
        lines += [
            "", f"## {', '.join(run['modules'])} ({run['date']})", "",
            *([run["note"], ""] if run.get("note") else []),
            *([f"A random {sample['fraction']:.0%} of each module's mutants (seed {sample['seed']}); the share killed "
               f"among them has a 95% interval of {low:.1%}–{high:.1%} for all the scope's mutants.", ""]
              if sample else []),
            f"- tests run: {' '.join(run['tests'])} (tests that start a child process skip: mutants live in-process only)",
            f"- mutants: {stats['total']} (no test reaches {stats['no_tests']}, skipped {stats['skipped']}, "
            f"not yet run {stats['total'] - run_tested - stats['no_tests'] - stats['skipped']})",
            f"- killed: {run_killed} of {run_tested} tested: **{run_killed / run_tested if run_tested else 0:.1%}**",
            f"- survived: {stats['survived']}, of which argued equivalent or run only at import: {len(equivalent)}"
            f" (score without them: {adjusted:.1%})",
        ]
        if survivors:
            lines += ["", "| file | function | mutation | equivalent? |", "|---|---|---|---|"]
            lines += [f"| {path} | `{function}` | {_cell(change)} | {reason} |"
                      for path, function, change, reason, *_ in survivors]
    return "\n".join(lines) + "\n"


KILLED = ("killed", "timeout", "segfault")


def statuses() -> dict[str, str]:
    """Every mutant's status in the working copy, by name."""
    listed = (line.strip().rpartition(": ") for line in mutmut("results", "--all", "true", capture=True).stdout.splitlines())
    return {name: status for name, _, status in listed if name}


def settle(runs: list[dict[str, Any]], names: dict[tuple[str, str, str], list[str]], now: dict[str, str],
           only: list[str], by_change: dict[tuple[str, str, str], str]) -> None:
    """Update the recorded runs after a recheck: `names` are the mutants generated now for each open survivor's
    (file, function, change), `now` their statuses. A survivor whose mutants were all killed counts as killed; one no
    longer generated leaves the count; the others stay, under a name of today's numbering."""
    for run in runs:
        killed = gone = checked = 0
        kept: list[list[str]] = []
        for survivor in run["survivors"]:
            key = (survivor[0], survivor[1], survivor[2])
            if (only and survivor[0] not in only) or reason_of(survivor, by_change):
                kept.append(survivor)
                continue
            checked += 1
            alive = [name for name in names.get(key, []) if now.get(name) not in KILLED]
            taken = sum(1 for s in kept if tuple(s[:3]) == key and len(s) > 4 and s[4] in alive)
            if taken < len(alive):  # still survives (or was not run)
                kept.append([*survivor[:4], alive[taken]])
                continue
            counts = run["by_module"][survivor[0]] if "by_module" in run else run["stats"]
            counts["survived"] -= 1
            if key in names:
                killed += 1
                counts["killed"] += 1
            else:  # its line changed: the mutant is no longer made, so it leaves the count
                gone += 1
                if "total" in counts:
                    counts["total"] -= 1
        if checked:
            run["survivors"] = kept
            run["note"] = (run.get("note", "") + f" Rechecked {dt.date.today().isoformat()} (`--recheck`): {killed} of "
                           f"the {checked} open survivors killed by tests written since"
                           + (f", {gone} no longer generated (their line changed)" if gone else "") + ".").strip()


def recheck(only: list[str], max_children: int) -> int:
    """Run the open survivors on record (of `only`, or of every run) again, matched by change, and update the record."""
    runs, by_change = recorded(), arguments()
    wanted = {tuple(s[:3]) for run in runs for s in run["survivors"]
                if (not only or s[0] in only) and not reason_of(s, by_change)}
    if not wanted:
        print("no open survivor on record in this scope")
        return 0
    modules = sorted({key[0] for key in wanted})
    make_working_copy(modules, tests_for(modules))
    mutmut("run", "--max-children", str(max_children), "no-mutant-is-called-this", capture=True)  # generate only
    functions = {(key[0], key[1]) for key in wanted}
    candidates = [name for name in statuses() if (module_of(name), function_of(name)) in functions]
    names: dict[tuple[str, str, str], list[str]] = {}
    for name, (path, change) in mutations_of(candidates).items():
        key = (path.removeprefix("mkdocs_explainer/"), function_of(name), change)
        if key in wanted:
            names.setdefault(key, []).append(name)
    chosen = sorted(name for listed in names.values() for name in listed)
    if chosen:
        mutmut("run", "--max-children", str(max_children), *chosen)
    runs = recorded()  # again: another recheck (another working copy) may have settled its own modules meanwhile
    settle(runs, names, statuses(), only, by_change)
    RESULTS.write_text(json.dumps({"runs": runs}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    text = report(runs)
    REPORT.write_text(text, encoding="utf-8")
    print(text)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--only", nargs="*", default=[], help="modules (globs) under the package, e.g. outputs/safecsv.py")
    parser.add_argument("--tests", nargs="*", default=[], help="test files to run instead of the scope's own")
    parser.add_argument("--retest", action="store_true",
                        help="copy the tests into .mutation/ again and re-run only the survivors there")
    parser.add_argument("--sample", type=float, default=0.0,
                        help="run only this share of each module's mutants, drawn at random (e.g. 0.25)")
    parser.add_argument("--seed", type=int, default=19, help="the sample's seed")
    parser.add_argument("--recheck", action="store_true",
                        help="run the open survivors on record again, in a fresh working copy, and update the record")
    parser.add_argument("--report", action="store_true",
                        help="only report on the results already in .mutation/ (e.g. of a run cut short)")
    options = parser.parse_args()
    if options.recheck:
        return recheck(options.only, options.max_children)
    if not options.only and (options.report or options.retest) and (WORK / SCOPE).is_file():
        options.only = json.loads((WORK / SCOPE).read_text(encoding="utf-8"))
    tests = options.tests or tests_for(options.only)
    if options.report and not WORK.exists():  # only the runs on record
        REPORT.write_text(report(recorded()), encoding="utf-8")
        return 0
    if options.report:
        run = subprocess.CompletedProcess([], 0)
    elif options.retest:
        refresh_tests()
        # the scope's test list as it is now: test files added to kill survivors are run too
        config = WORK / "pyproject.toml"
        config.write_text(set_list(config.read_text(encoding="utf-8"), "pytest_add_cli_args_test_selection", tests),
                          encoding="utf-8")
        run = mutmut("run", "--max-children", str(options.max_children), *survivors())
    elif options.sample:
        make_working_copy(options.only, tests)
        # A pattern nothing matches: mutmut generates every mutant and learns which tests reach which function, then
        # stops (an assertion, expected) before running any; the sample is then run from those.
        mutmut("run", "--max-children", str(options.max_children), "no-mutant-is-called-this", capture=True)
        chosen = sampled(options.sample, options.seed)
        (WORK / SAMPLE).write_text(json.dumps({"fraction": options.sample, "seed": options.seed}), encoding="utf-8")
        run = mutmut("run", "--max-children", str(options.max_children), *chosen)
    else:
        make_working_copy(options.only, tests)
        run = mutmut("run", "--max-children", str(options.max_children))
    mutmut("export-cicd-stats", capture=True)
    stats = json.loads((WORK / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
    if stats["killed"] + stats["survived"] == 0:
        print(f"mutmut tested no mutant (exit code {run.returncode}); see its output above", file=sys.stderr)
        return run.returncode or 1
    sample = json.loads((WORK / SAMPLE).read_text(encoding="utf-8")) if (WORK / SAMPLE).is_file() else None
    text = report(recorded(run_record(stats, survivors(), options.only, tests, sample)))
    REPORT.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
