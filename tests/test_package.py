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
                     "data/sources.yml", "docs/index.md", "mkdocs.yml"]
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


def test_the_wheel_in_a_fresh_environment_starts_an_explainer_that_builds(tmp_path: Path) -> None:
    # Build from a copy holding only what the wheel is made of, so this checkout gets no build/ folder.
    source = tmp_path / "src"
    shutil.copytree(ROOT / "hooks/mkdocs_explainer", source / "hooks/mkdocs_explainer", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", source)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(tmp_path / "dist"), str(source)], check=True, capture_output=True, timeout=300)
    wheel = next((tmp_path / "dist").glob("mkdocs_explainer-*.whl"))

    # A fresh environment, filled by this environment's pip (--python) rather than a pip of its own: seconds
    # instead of half a minute. The wheel's dependencies come at the site's pins (-c: only what it needs).
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", tmp_path / "venv"], check=True, timeout=300)
    bin_dir = tmp_path / "venv/bin"
    install = subprocess.run([sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--quiet", "--no-compile",
                              str(wheel), "-c", ROOT / "requirements.txt"], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    env = {key: value for key, value in ENV.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    created = subprocess.run(["explainer", "new", "story"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert created.returncode == 0, created.stderr
    built = subprocess.run(["make", "build"], cwd=tmp_path / "story", env=env, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "at least 1,500 people" in (tmp_path / "story/site/index.html").read_text()
    # The package came from the wheel, not from this checkout.
    where = subprocess.run([bin_dir / "python", "-c", "import mkdocs_explainer; print(mkdocs_explainer.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert str(tmp_path / "venv") in where.stdout
