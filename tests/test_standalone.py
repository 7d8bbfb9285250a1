"""The shortcode extension without a plugin (plain Python-Markdown, as any host builds it by name)."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
from mkdocs.utils import get_relative_url
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.pages import standalone
from mkdocs_explainer.pages.scan import PageScan
from mkdocs_explainer.problems import ProblemsFound
from mkdocs_explainer.siteinfo import SiteInfo
from test_views import DATA


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "all.yml").write_text(DATA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # without a host's context, the project is the working folder
    return tmp_path


def test_the_extension_named_by_its_entry_point_renders_from_the_data_alone(project: Path) -> None:
    html = markdown.markdown("# X\n\nSaid <!-- fact:f-us -->.\n\n<!-- legend -->\n",
                             extensions=["explainer"], extension_configs={"explainer": {"data_dir": "facts"}})
    assert 'data-fact="f-us"' in html and "fx-legend" in html and "<!--" not in html


def test_without_a_plugin_a_mistake_stops_the_conversion_naming_the_line(project: Path) -> None:
    with pytest.raises(ProblemsFound, match=r"page:3: <!-- fact:f-uss -->: unknown fact 'f-uss'. Did you mean 'f-us'"):
        markdown.markdown("# X\n\nSaid <!-- fact:f-uss -->.\n", extensions=["mkdocs_explainer.pages.markdown_ext"],
                          extension_configs={"mkdocs_explainer.pages.markdown_ext": {"data_dir": "facts"}})
    (project / "facts" / "all.yml").write_text(DATA.replace("claimants:", "claimants: [", 1), encoding="utf-8")
    with pytest.raises(ProblemsFound, match=r"facts/all\.yml:\d+"):
        markdown.markdown("Said <!-- fact:f-us -->.\n", extensions=["explainer"],
                          extension_configs={"explainer": {"data_dir": "facts"}})


def test_the_catalog_is_loaded_once_while_the_data_is_unchanged(project: Path) -> None:
    first = standalone.load_catalog(project / "facts", project)
    assert standalone.load_catalog(project / "facts", project) is first
    path = project / "facts" / "all.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert standalone.load_catalog(project / "facts", project) is not first


@pytest.mark.parametrize(("src", "directory_urls", "url"), [
    ("index.md", True, ""), ("facts.md", True, "facts/"), ("a/b.md", True, "a/b/"), ("a/index.md", True, "a/"),
    ("facts.md", False, "facts.html"), ("a/README.md", True, "a/"),
])
def test_page_urls_are_the_hosts(src: str, directory_urls: bool, url: str) -> None:
    assert standalone.page_url(src, directory_urls) == url


@pytest.mark.parametrize("src", ["index.md", "a/index.md", "a/README.md", "README.md", "facts.md", "a/b.md"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_urls_are_mkdocs_own(src: str, directory_urls: bool) -> None:
    from mkdocs.structure.files import File

    mkdocs_url = File(src, "/docs", "/site", directory_urls).url
    assert standalone.page_url(src, directory_urls) == ("" if mkdocs_url == "./" else mkdocs_url)


@pytest.mark.parametrize("url", ["", "facts/", "a/b/", "a/", "facts.html", "a/b.html"])
@pytest.mark.parametrize("base", ["", "facts/", "a/b/", "a/", "x/y/z/", "index.html", "a/b.html", "x/y/z.html"])
def test_relative_urls_are_mkdocs_own(url: str, base: str) -> None:
    expected = get_relative_url(url or ".", base or ".")
    assert standalone.relative_url(url, base) == ("./" if expected == "." else expected)  # a folder ends in "/"


@pytest.mark.parametrize(("base", "root"), [("", "./"), ("index.html", "./"), ("facts.html", "./"), ("facts/", "../"),
                                           ("a/b.html", "../"), ("a/b/", "../../")])
def test_the_site_root_is_a_folder_seen_from_any_page(base: str, root: str) -> None:
    """What a page's templates put before `facts.json` (`site_root`): MkDocs' base URL, as a folder."""
    assert get_relative_url(".", base or ".").rstrip("/") + "/" == root  # the worked table agrees with MkDocs
    catalog = link([check_file("data/views.yml", DATA.encode())])
    site = SiteInfo("Site", "", "", "facts/")
    context = standalone.page_context(catalog, PageScan(), site, base, not base.endswith(".html"), None,
                                      Path("data"), Path("."))
    assert context.site_root == root


class _Host(markdown.preprocessors.Preprocessor):
    """What Zensical puts among a page's preprocessors: its configuration and the page being converted."""

    def __init__(self, config: dict, path: str) -> None:
        super().__init__()
        self.config, self.page = config, type("Page", (), {"path": path})()

    def run(self, lines: list[str]) -> list[str]:
        return lines


def hosted(config: dict, path: str) -> markdown.Markdown:
    md = markdown.Markdown()
    md.preprocessors.register(type("ContextPreprocessor", (_Host,), {})(config, path), "context", 50)
    return md


@pytest.fixture
def host(project: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    (project / "pages" / "a").mkdir(parents=True)  # not the default docs/, to see the host's setting used
    (project / "pages" / "index.md").write_text("# Home\n\n<!-- facts -->\n", encoding="utf-8")
    (project / "pages" / "a" / "b.md").write_text("# B\n\n<!-- fact:f-us -->\n", encoding="utf-8")
    (project / "pages" / "sources.md").write_text("# Sources\n\n<!-- sources -->\n", encoding="utf-8")
    (project / "snippets").mkdir()
    monkeypatch.chdir(project / "snippets")  # a host gives its own folder: the working folder is not the project
    return {"root_dir": str(project), "docs_dir": "pages", "site_name": "Site", "site_description": "About",
            "site_url": "https://example.org/x", "use_directory_urls": True,
            "watched_files": [[str(project / "facts" / "all.yml"), 0]],
            "mdx_configs": {"pymdownx.snippets": {"base_path": ["snippets", "."]}},
            "extra": {"explainer": {"statuses": {"reported": "Said by one side"}, "license": "CC BY 4.0",
                                    "license_url": "https://creativecommons.org/licenses/by/4.0/", "cite_as": "Site",
                                    "stale_after_days": 90}}}


def test_under_a_host_a_page_gets_the_host_s_settings_and_links_relative_to_its_source(project: Path, host: dict):
    job = standalone.job_for(hosted(host, "a/b.md"), Path("facts"))
    assert (job.name, job.source, job.root) == ("pages/a/b.md", project / "pages" / "a" / "b.md", project)
    assert job.snippet_dirs == (project / "snippets", project)
    site = job.context.site
    assert (site.name, site.description, site.url) == ("Site", "About", "https://example.org/x/")
    assert (site.stale_after_days, site.cite_as, site.index_path) == (90, "Site", "")
    assert (site.license.name, site.license.url) == ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    assert site.statuses["reported"] == "Said by one side" and site.language == "en"
    # links as Zensical rewrites them: relative to the source's folder (a/), not to the page's address (a/b/)
    assert (job.context.fact_index_url, job.context.site_root) == ("..", "../")
    assert job.context.links["sources"] == "../sources/"
    assert job.context.basemap == project / "facts" / "basemap.json"
    flat = standalone.job_for(hosted({**host, "use_directory_urls": False, "site_url": ""}, "index.md"), Path("facts"))
    assert (flat.context.links["sources"], flat.context.site_root, flat.context.site.url) == (
        "sources.html", "./", "")


def test_under_a_host_an_unwatched_data_folder_stops_the_build_saying_what_to_add(project: Path, host: dict):
    with pytest.raises(ProblemsFound) as raised:
        standalone.job_for(hosted({**host, "watched_files": [], "config_file_path": "zensical.toml"}, "a/b.md"),
                           Path("facts"))
    [problem] = raised.value.problems
    assert (problem.file, problem.where) == ("zensical.toml", "watch")
    assert problem.message.startswith("add `- facts` under `watch:` so that a data edit renders the pages again")


@pytest.mark.parametrize(("options", "message"), [
    ({"statuses": {"rumoured": "x"}}, "the statuses are "), ({"statuses": ["reported"]}, "the statuses are "),
    ({"language": "xx-nope"}, ""),
])
def test_under_a_host_bad_settings_are_a_problem_in_the_settings(project: Path, host: dict, options: dict,
                                                                 message: str):
    with pytest.raises(ProblemsFound) as raised:
        standalone.job_for(hosted({**host, "extra": {"explainer": options}}, "a/b.md"), Path("facts"))
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == ("mkdocs.yml", 0) and problem.message.startswith(message)
    assert problem.message and "None" not in problem.message
    if "statuses" in options:
        from mkdocs_explainer.siteinfo import STATUS_MEANING

        assert ", ".join(STATUS_MEANING) in problem.message
    assert problem.where == ("extra.explainer.statuses" if "statuses" in options else "extra.explainer.language")


def test_settings_read_from_a_plain_configuration():
    read = standalone.Settings.read
    assert read(None) == read({}) == read("nonsense")
    assert read({}).custom_templates == "explainer-templates" and read({}).license is None
    assert read({"license": "CC BY 4.0"}).license is None  # a licence needs its address too
    assert read({"stale_after_days": "90"}).stale_after_days is None
    assert read({"statuses": {"reported": 3}}).statuses == {"reported": "3"}
    assert read({"language": "ko", "custom_templates": "t"}).language == "ko"
    assert read({"custom_templates": "t"}).custom_templates == "t" and read({}).language is None


def test_under_a_host_the_theme_s_language_is_the_edition_s(project: Path, host: dict):
    from mkdocs_explainer import i18n

    try:
        job = standalone.job_for(hosted({**host, "theme": {"language": "ko"}}, "a/b.md"), Path("facts"))
        assert job.context.site.language == "ko" and i18n.current().code == "ko"
        extra = {**host["extra"]["explainer"], "language": "en"}  # the setting wins over the theme's
        job = standalone.job_for(hosted({**host, "theme": {"language": "ko"}, "extra": {"explainer": extra}}, "a/b.md"),
                                 Path("facts"))
        assert job.context.site.language == "en"
    finally:
        i18n.activate(i18n.Language.load("en"))


def test_a_served_page_shows_broken_data_in_the_page_and_the_server_keeps_going(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "facts" / "all.yml").write_text(DATA.replace("claimants:", "claimants: [", 1), encoding="utf-8")
    monkeypatch.setattr(standalone, "serving", lambda: True)  # `zensical serve`
    html = markdown.markdown("Said <!-- fact:f-us -->.\n", extensions=["explainer"],
                             extension_configs={"explainer": {"data_dir": "facts"}})
    assert "facts/all.yml:" in html and 'data-fact="f-us"' not in html


def test_under_a_host_that_says_little_the_plugins_defaults_hold(project: Path) -> None:
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Home\n\n<!-- facts -->\n", encoding="utf-8")
    (project / "docs" / "sources.md").write_text("# Sources\n\n<!-- sources -->\n", encoding="utf-8")
    config = {"root_dir": str(project), "watched_files": [[str(project / "facts" / "all.yml"), 0]]}
    job = standalone.job_for(hosted(config, "index.md"), project / "facts")  # the data folder given absolute
    assert job.source == project / "docs" / "index.md" and job.snippet_dirs == (project,)
    assert job.context.links["sources"] == "sources/"  # directory URLs, as MkDocs' default
    assert (job.context.site.name, job.context.site.description, job.context.site_root) == ("", "", "./")
    one_folder = {**config, "docs_dir": "docs", "mdx_configs": {"pymdownx.snippets": {"base_path": "parts"}}}
    assert standalone.job_for(hosted(one_folder, "index.md"), Path("facts")).snippet_dirs == (project / "parts",)


def test_a_file_gone_between_listing_and_reading_is_stamped_as_gone_and_the_rest_still_count(tmp_path: Path) -> None:
    there = tmp_path / "there.md"
    there.write_text("x", encoding="utf-8")
    stat = there.stat()
    assert standalone._stamp([tmp_path / "gone.md", there]) == (
        (str(tmp_path / "gone.md"), None, None), (str(there), stat.st_mtime_ns, stat.st_size))


def test_the_page_scan_and_the_catalog_are_read_again_after_an_edit_and_only_then(project: Path) -> None:
    docs = project / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\n<!-- facts -->\n", encoding="utf-8")
    first = standalone.scan(docs, project)
    assert standalone.scan(docs, project) is first
    (docs / "index.md").write_text("# Home\n\n<!-- facts -->\n\nMore words.\n", encoding="utf-8")
    assert standalone.scan(docs, project) is not first
    catalog = standalone.load_catalog(project / "facts", project)
    (project / "facts" / "basemap.json").write_text("{}", encoding="utf-8")  # the map outlines count as data too
    assert standalone.load_catalog(project / "facts", project) is not catalog


@pytest.mark.parametrize(("argv", "serving"), [
    (["/usr/bin/zensical", "serve"], True), (["zensical", "serve", "--open"], True), (["zensical", "build"], False),
    (["mkdocs", "serve"], False), (["zensical"], False), (["python", "zensical", "serve"], False),
])
def test_only_zensical_serve_is_a_preview_without_a_plugin(monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                                           serving: bool) -> None:
    monkeypatch.setattr("sys.argv", argv)
    assert standalone.serving() is serving


def test_a_pages_url_is_a_folder_unless_the_host_says_otherwise() -> None:
    assert (standalone.page_url("a.md"), standalone.page_url("index.md")) == ("a/", "")


def test_under_a_host_the_page_gets_the_sites_templates_cache_and_the_cards_listed_elsewhere(project: Path, host: dict):
    from mkdocs_explainer.pages import basemap

    (project / "pages" / "quotes.md").write_text("# Quotes\n\n<!-- facts:kind=quote -->\n", encoding="utf-8")
    job = standalone.job_for(hosted(host, "a/b.md"), Path("facts"))
    assert job.context.template_dir is None and job.context.cache_dir == project / basemap.FOLDER
    # the quote's card is on the quotes page; the rest are on the home page's plain fact index
    assert job.context.listed == {"q"} and job.context.homes["q"] == "../quotes/" and job.context.homes["e"] == ".."
    assert job.context.site.homes["q"] == "quotes/" and job.context.site.url == "https://example.org/x/"
    (project / "explainer-templates").mkdir()
    job = standalone.job_for(hosted({**host, "site_url": "https://example.org/x/", "extra": ["not", "a", "mapping"],
                                     "theme": "material"}, "a/b.md"), Path("facts"))
    assert job.context.template_dir == project / "explainer-templates"
    assert job.context.site.url == "https://example.org/x/" and job.context.site.license is None  # the defaults


def test_an_unwatched_basemap_is_named_too_and_the_problem_is_in_mkdocs_yml_by_default(project: Path, host: dict):
    (project / "facts" / "basemap.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ProblemsFound) as raised:
        standalone.job_for(hosted(host, "a/b.md"), Path("facts"))
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.where) == ("mkdocs.yml", 0, "watch")


def test_under_a_host_a_sites_own_catalogue_in_its_templates_speaks_first(project: Path, host: dict):
    from mkdocs_explainer import i18n
    from test_i18n import write_catalogue

    write_catalogue(project / "explainer-templates" / "locales", "ko", {"reported": "보도됨 (자체 번역)"})
    try:
        standalone.job_for(hosted({**host, "extra": {"explainer": {"language": "ko"}}}, "a/b.md"), Path("facts"))
        assert i18n.current().code == "ko" and i18n.current().gettext("reported") == "보도됨 (자체 번역)"
    finally:
        i18n.activate(i18n.Language.load("en"))


def test_under_a_host_with_file_urls_the_index_and_card_pages_are_html_files(project: Path, host: dict):
    (project / "pages" / "00-facts.md").write_text("# All\n\n<!-- facts -->\n", encoding="utf-8")
    (project / "pages" / "quotes.md").write_text("# Quotes\n\n<!-- facts:kind=quote -->\n", encoding="utf-8")
    site = standalone.job_for(hosted({**host, "use_directory_urls": False}, "a/b.md"), Path("facts")).context.site
    assert site.index_path == "00-facts.html" and site.homes["q"] == "quotes.html"
    site = standalone.job_for(hosted(host, "a/b.md"), Path("facts")).context.site
    assert site.index_path == "00-facts/" and site.homes["q"] == "quotes/"


def test_under_a_host_a_site_without_a_fact_index_links_no_card(project: Path, host: dict):
    (project / "pages" / "index.md").write_text("# Home\n\nNo index here.\n", encoding="utf-8")
    job = standalone.job_for(hosted(host, "a/b.md"), Path("facts"))
    assert job.context.fact_index_url is None and job.context.site.index_path is None


def test_an_unwatched_data_folder_outside_the_project_is_named_by_its_whole_path(project: Path, host: dict, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "facts"
    shutil.copytree(project / "facts", outside)
    with pytest.raises(ProblemsFound) as raised:
        standalone.job_for(hosted(host, "a/b.md"), outside)
    assert raised.value.problems[0].message.startswith(f"add `- {outside}` under `watch:`")
