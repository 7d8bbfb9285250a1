"""Material's invalid markup is repaired on every page, and nothing else is touched."""

from __future__ import annotations

from mkdocs_explainer.build.html_fixes import fix_html


def test_autocomplete_is_removed_from_checkboxes_only() -> None:
    page = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
        '<input type="text" class="md-search__input" name="query" autocomplete="off" required>'
    )
    fixed = fix_html(page)
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in fixed
    assert '<input type="text" class="md-search__input" name="query" autocomplete="off" required>' in fixed


def test_a_page_without_such_markup_is_unchanged() -> None:
    page = '<p>type="checkbox" autocomplete="off" tabindex="" in prose stays</p><input type="radio" name="x" tabindex="0">'
    assert fix_html(page) == page


def test_empty_tabindex_is_removed_from_tags_but_not_from_code() -> None:
    page = '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">\n<code>&lt;label tabindex=""&gt;</code>'
    assert fix_html(page) == '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">\n<code>&lt;label tabindex=""&gt;</code>'
