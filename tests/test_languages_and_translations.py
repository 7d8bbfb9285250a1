"""The site's language settings (hedge tables) and its translation layers: what is accepted, what is refused with
which message, and what the checks read from them."""

from __future__ import annotations

from mkdocs_explainer.data.evidence_settings import EvidenceSettings, check_settings


def test_the_cache_key_follows_the_language_and_hedges_but_not_their_order():
    """A change of the site's language or hedges must re-check cached files (a new key); the same table written in
    another order is the same setting and keeps the cache (the same key)."""
    german = EvidenceSettings("de", {"de": {"about": ["rund", "etwa"], "over": ["über"]}})
    reordered = EvidenceSettings("de", {"de": {"over": ["über"], "about": ["rund", "etwa"]}})
    assert german.key() == reordered.key()
    assert german.key() != EvidenceSettings("fr", {"de": {"about": ["rund", "etwa"], "over": ["über"]}}).key()
    assert german.key() != EvidenceSettings("de", {"de": {"about": ["rund"], "over": ["über"]}}).key()


def test_a_hedge_needs_a_word_besides_the_figure_mark():
    """`…` marks where the figure stands; a hedge of only that mark (or spaces) names no word and is refused, while a
    hedge of one short word, before or after the mark, is accepted."""
    assert check_settings({"de": {"about": ["…"]}}) == ["hedges.de.about should be a list of words, like [rund, etwa]"]
    assert check_settings({"de": {"about": [" … "]}}) == ["hedges.de.about should be a list of words, like [rund, etwa]"]
    assert check_settings({"de": {"about": ["X", "X…", "… X"]}}) == []
