"""Material's invalid markup is repaired on every page, and nothing else is touched."""

from __future__ import annotations

from explainer.html_fixes import fix_html


def test_autocomplete_is_removed_from_checkboxes_only() -> None:
    page = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
        '<input type="text" class="md-search__input" name="query" autocomplete="off" required>'
    )
    fixed = fix_html(page)
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in fixed
    assert '<input type="text" class="md-search__input" name="query" autocomplete="off" required>' in fixed


def test_a_page_without_such_markup_is_unchanged() -> None:
    page = '<p>type="checkbox" autocomplete="off" in prose stays</p><input type="radio" name="x">'
    assert fix_html(page) == page
