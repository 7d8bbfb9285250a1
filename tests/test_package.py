"""The generator as another newsroom gets it: `explainer new`, the `explainer` plugin in mkdocs.yml, and the
wheel installed into a fresh virtual environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from project import ENV, ROOT, Preview, digest, mkdocs, wait_for

PACKAGE_ENV = {**ENV, "PYTHONPATH": str(ROOT / "hooks")}


def explainer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m mkdocs_explainer ...` with this checkout's package."""
    return subprocess.run([sys.executable, "-m", "mkdocs_explainer", *args], cwd=cwd, env=PACKAGE_ENV,
                          capture_output=True, text=True, timeout=120)


def test_new_writes_the_starter_tree(tmp_path: Path) -> None:
    result = explainer("new", "story", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(tmp_path / "story").as_posix() for p in (tmp_path / "story").rglob("*") if p.is_file())
    assert files == [".gitignore", "Makefile", "README.md", "data/claimants.yml", "data/facts.yml", "data/schema.json",
                     "data/sources.yml", "docs/facts.md", "docs/index.md", "mkdocs.yml"]
    assert "cd story" in result.stdout and "make serve" in result.stdout


@pytest.mark.parametrize("existing", ["notes.txt", ".hidden"])
def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path, existing: str) -> None:
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / existing).write_text("mine\n")
    before = digest(tmp_path / "story")
    result = explainer("new", "story", cwd=tmp_path)
    assert result.returncode != 0
    assert "story is not an empty folder" in result.stderr and "nothing was written" in result.stderr
    assert digest(tmp_path / "story") == before


def _plugin_installed() -> bool:
    from importlib.metadata import entry_points

    return any(point.name == "explainer" for point in entry_points(group="mkdocs.plugins"))


@pytest.fixture
def new_site(tmp_path: Path) -> Path:
    assert _plugin_installed(), "the explainer plugin is not installed in this environment: run `make test`"
    assert explainer("new", "story", cwd=tmp_path).returncode == 0
    return tmp_path / "story"


def test_a_new_explainer_builds_strictly_through_the_plugin(new_site: Path) -> None:
    result = mkdocs(new_site, "build", "--strict")
    assert result.returncode == 0, result.stderr
    home = (new_site / "site/index.html").read_text()
    assert 'class="fx-keyfigure"' in home and 'class="fx-chart' in home and "fx-legend" in home
    assert "The figure, latest estimate" in home and "at least 1,500 people" in home
    assert 'href="assets/explainer.css"' in home and "application/ld+json" in home
    theme_css = ROOT / "hooks/mkdocs_explainer/theme/assets/explainer.css"
    assert (new_site / "site/assets/explainer.css").read_bytes() == theme_css.read_bytes()
    assert {"facts.json", "facts.csv", "changes.xml", "sitemap.xml"} <= {p.name for p in (new_site / "site").iterdir()}


def test_every_link_in_a_new_explainer_leads_somewhere(new_site: Path) -> None:
    from html.parser import HTMLParser
    from urllib.parse import unquote, urljoin, urlsplit

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hrefs: list[str] = []
            self.ids: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            if values.get("id"):
                self.ids.add(values["id"] or "")
            if tag == "a" and values.get("href"):
                self.hrefs.append(values["href"] or "")

    assert mkdocs(new_site, "build", "--strict").returncode == 0
    site = new_site / "site"
    parsed = {}
    for page in site.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser
    broken = []
    for page, parser in parsed.items():
        base = "/" + page.relative_to(site).as_posix()
        for href in parser.hrefs:
            if urlsplit(href).scheme:
                continue
            target = urlsplit(urljoin(base, href))
            path = site / unquote(target.path).lstrip("/")
            path = path / "index.html" if path.is_dir() or target.path.endswith("/") else path
            if not path.exists() or (target.fragment and path in parsed and target.fragment not in parsed[path].ids):
                broken.append(f"{page.relative_to(site)}: {href}")
    assert broken == []


def test_a_misspelt_plugin_option_fails_a_strict_build(new_site: Path) -> None:
    config = new_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("stale_after_days:", "stale_after_day:"))
    result = mkdocs(new_site, "build", "--strict")
    assert result.returncode != 0
    assert "Plugin 'explainer' option 'stale_after_day': Unrecognised configuration name" in result.stderr


def test_a_site_template_beside_mkdocs_yml_replaces_the_packages(new_site: Path) -> None:
    (new_site / "explainer-templates").mkdir()
    (new_site / "explainer-templates/legend.html").write_text("<p class=\"own-legend\">Our own legend</p>\n")
    result = mkdocs(new_site, "build", "--strict")
    assert result.returncode == 0, result.stderr
    home = (new_site / "site/index.html").read_text()
    assert '<p class="own-legend">Our own legend</p>' in home and "fx-legend" not in home
    assert 'class="fx-keyfigure"' in home  # the other templates are still the package's
    # Builds keep compiled templates (.cache/explainer-templates/): an edit, even of the same length within
    # the same second, is compiled again.
    (new_site / "explainer-templates/legend.html").write_text("<p class=\"own-legend\">Our new legend</p>\n")
    assert mkdocs(new_site, "build", "--strict").returncode == 0
    assert "Our new legend" in (new_site / "site/index.html").read_text()


def test_the_preview_of_a_new_explainer_shows_a_mistake_and_recovers(new_site: Path) -> None:
    facts = new_site / "data/facts.yml"
    good = facts.read_text()
    running = Preview(new_site)
    try:
        wait_for(running.url, lambda body: "1,500 people" in body, timeout=90)  # the first build
        facts.write_text(good.replace("value: 1500", "valeu: 1500"))
        body = wait_for(running.url, lambda body: "fx-problems" in body, timeout=60)
        assert "data/facts.yml:" in body and "did you mean &#39;value&#39;?" in body
        facts.write_text(good)
        wait_for(running.url, lambda body: "1,500 people" in body and "fx-problems" not in body, timeout=60)
        assert running.alive(), running.output()
    finally:
        running.stop()


MAP_DATA = """\
places:
  - id: harbour
    name: Harbour
    lat: -1.29
    lon: 36.82
    kind: city
    what: Where the figure was counted.
    sources:
      - source: example-report
        excerpt: "at least 1,500 people"
maps:
  - id: where
    title: Where it happened
    caption: The place the figure comes from.
    region: {west: 33, east: 42, south: -5, north: 5}
    places: [harbour]
"""


def test_the_distribution_installs_into_a_fresh_environment_and_draws_a_map_without_npm(tmp_path: Path) -> None:
    # Build from a copy (so this checkout gets no build/ folder) holding the site's own files too: the sdist must leave them out.
    source = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(ROOT / "hooks/mkdocs_explainer", source / "hooks/mkdocs_explainer", ignore=ignore)
    for part in ("tests", "data", "docs"):
        shutil.copytree(ROOT / part, source / part, ignore=ignore)
    for name in ("pyproject.toml", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, source)
    dist = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(source)],
                           capture_output=True, text=True, timeout=600)  # the sdist, then the wheel from the sdist
    assert built.returncode == 0, built.stdout + built.stderr
    [sdist], [wheel] = dist.glob("*.tar.gz"), dist.glob("*.whl")
    checked = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", str(sdist), str(wheel)],
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    import tarfile
    import zipfile

    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"pyproject.toml", "hooks/mkdocs_explainer/LICENSE", "hooks/mkdocs_explainer/CHANGELOG.md",
            "hooks/mkdocs_explainer/README.md", "hooks/mkdocs_explainer/pages/world-basemap.json.gz"} <= in_sdist
    assert not [name for name in in_sdist if name.split("/")[0] in ("tests", "data", "docs") or name == "README.md"]
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
        metadata = archive.read(next(n for n in in_wheel if n.endswith(".dist-info/METADATA"))).decode()
    assert {"mkdocs_explainer/LICENSE", "mkdocs_explainer/CHANGELOG.md", "mkdocs_explainer/pages/world-basemap.json.gz",
            "mkdocs_explainer/starter/docs/index.md"} <= in_wheel
    assert any(n.endswith(".dist-info/licenses/hooks/mkdocs_explainer/LICENSE") for n in in_wheel)
    assert "License-Expression: MIT" in metadata and "Classifier: Framework :: MkDocs" in metadata
    assert "Project-URL: Changelog" in metadata and "# The explainer generator" in metadata  # the package README

    # A fresh environment, filled by this environment's pip (--python) rather than a pip of its own: seconds
    # instead of half a minute. The wheel's dependencies come at the site's pins (-c: only what it needs).
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", tmp_path / "venv"], check=True, timeout=300)
    bin_dir = tmp_path / "venv/bin"
    install = subprocess.run([sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--quiet", "--no-compile",
                              str(wheel), "-c", ROOT / "requirements.txt"], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    # Only the environment's commands and make: no npm, no node, nothing from this checkout.
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "make").symlink_to(shutil.which("make") or "/usr/bin/make")
    env = {key: value for key, value in ENV.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{tools}"
    assert shutil.which("npm", path=env["PATH"]) is None and shutil.which("node", path=env["PATH"]) is None
    version = subprocess.run(["explainer", "--version"], env=env, capture_output=True, text=True, timeout=60)
    from mkdocs_explainer import __version__

    assert version.stdout.strip() == f"explainer {__version__}" and wheel.name.startswith(f"mkdocs_explainer-{__version__}-")
    created = subprocess.run(["explainer", "new", "story"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert created.returncode == 0, created.stderr
    story = tmp_path / "story"
    (story / "data/places.yml").write_text(MAP_DATA, encoding="utf-8")
    (story / "docs/index.md").write_text((story / "docs/index.md").read_text() + "\n## Where\n\n<!-- map:where -->\n")
    built = subprocess.run(["make", "build"], cwd=story, env=env, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    home = (story / "site/index.html").read_text()
    assert "at least 1,500 people" in home
    assert 'class="fx-map"' in home and "Natural Earth" in home and home.count('<g class="fx-map__land">') == 1
    assert any((story / ".cache/explainer-maps").iterdir())  # the drawn outlines, kept for the next build
    # The package came from the wheel, not from this checkout.
    where = subprocess.run([bin_dir / "python", "-c", "import mkdocs_explainer; print(mkdocs_explainer.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert str(tmp_path / "venv") in where.stdout
    print(f"wheel: {wheel.name}, {wheel.stat().st_size / 1000:.0f} KB; sdist: {sdist.stat().st_size / 1000:.0f} KB")
