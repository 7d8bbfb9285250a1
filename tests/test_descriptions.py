"""A page's description: its front matter's, else its first paragraph, as readers would read it."""

from __future__ import annotations

from mkdocs_explainer.outputs.seo import description, first_paragraph

PAGE = (
    '<h1 id="x">Deployment<a class="headerlink" href="#x">¶</a></h1>\n<p></p>\n'
    '<p>Blinken said <span class="fx-fact"><strong class="fx-value">as many as 8,000 troops</strong> '
    '<span class="fx-meta">(according to Antony Blinken, 31 October 2024; <span class="fx-status">reported</span>; '
    'source: <a>AP</a>)</span></span>, near the border<sup>1</sup>.</p>\n<p>Second paragraph.</p>'
)


def test_the_first_paragraph_without_a_figures_details():
    assert first_paragraph(PAGE) == "Blinken said as many as 8,000 troops, near the border."


def test_a_long_paragraph_is_cut_at_a_word():
    words = "<p>" + " ".join(["evidence"] * 60) + "</p>"
    text = first_paragraph(words, limit=50)
    assert text.endswith("evidence…") and len(text) <= 50


def test_front_matter_first_then_the_site_for_the_home_page_then_the_paragraph():
    assert description("Own words.", PAGE, "The site.", is_home=False) == "Own words."
    assert description(None, PAGE, "The site.", is_home=True) == "The site."
    assert description(None, PAGE, "The site.", is_home=False).startswith("Blinken said")
    assert description(None, "<h1>Only a title</h1>", "The site.", is_home=False) == "The site."
