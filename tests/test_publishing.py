"""Publishing: the GitHub Pages workflow runs the same `make build` and deploys site/; ProperDocs builds too."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from ci import ci_enabled
from outputs_helpers import ROOT, build, copy_project

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflow_builds_with_make_build_on_python_311(workflow):
    runs = [step.get("run", "") for step in steps(workflow)]
    assert any(re.search(r"(^|\s)make build(\s|$)", run) for run in runs), runs
    python = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python@")]
    assert python and str(python[0]["with"]["python-version"]) == "3.11"
    assert any(s.get("uses", "").startswith("actions/checkout@") for s in steps(workflow))


def test_workflow_uploads_site_and_deploys_it(workflow):
    upload = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload and upload[0]["with"]["path"].rstrip("/") == "site"
    deploy_jobs = [name for name, job in workflow["jobs"].items()
                   if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job.get("steps", []))]
    assert deploy_jobs
    deploy = workflow["jobs"][deploy_jobs[0]]
    build_job = next(name for name, job in workflow["jobs"].items() if upload[0] in job.get("steps", []))
    assert build_job in ([deploy["needs"]] if isinstance(deploy["needs"], str) else deploy["needs"])
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert "push" in workflow["on"]


def test_the_build_step_runs_in_the_repository_root_with_the_makefile(workflow):
    build_step = next(s for s in steps(workflow) if "make build" in s.get("run", ""))
    assert "working-directory" not in build_step
    assert re.search(r"^build:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)


def test_readme_explains_publishing_and_properdocs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pages.yml" in readme and "static host" in readme
    assert "ProperDocs" in readme and "SITE_URL" in readme


def _properdocs() -> Path:
    if PROPERDOCS.exists():
        return PROPERDOCS
    found = shutil.which("properdocs")
    if found:
        return Path(found)
    if ci_enabled():
        pytest.fail("ProperDocs is not installed: `make test` installs it into .venv-properdocs/ (make .venv-properdocs/bin/properdocs)")
    pytest.skip("ProperDocs is not installed; run `make .venv-properdocs/bin/properdocs` (make test does)")


def test_the_site_builds_unchanged_and_strict_with_properdocs(tmp_path):
    properdocs = _properdocs()
    project = copy_project(tmp_path)
    result = build(project, tool=[str(properdocs)])
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert 'content="mkdocs-ProperDocs' in (site / "index.html").read_text(encoding="utf-8")  # really ProperDocs
    for name in ("facts.json", "facts.csv", "changes.xml", "assets/social-card.png", "zz-test/index.html"):
        assert (site / name).is_file(), name
    assert "zz-revised" in (site / "facts" / "index.html").read_text(encoding="utf-8")


def test_properdocs_strict_mode_still_fails_on_our_warnings(tmp_path):
    properdocs = _properdocs()
    project = copy_project(tmp_path)
    (project / "docs" / "zz-test.md").write_text("# Test page\n\nNo fact shown: the hook warns.\n", encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "keep.txt").write_text("old site")
    result = build(project, tool=[str(properdocs)])
    assert result.returncode != 0
    assert "zz-revised" in result.stderr and "Facts shown on no page" in result.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["keep.txt"]  # the staged build kept the old site
