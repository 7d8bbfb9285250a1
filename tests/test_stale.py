"""Staleness: overdue reviews are listed by `make stale` (exit 1) and noticed, not failed, by the build."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from mkdocs_explainer.data.catalog import link
from mkdocs_explainer.data.validate import check_file
from mkdocs_explainer.outputs import stale
from mkdocs_explainer.pages.history import stale_items
from outputs_helpers import ROOT, TEST_DATA, build, copy_project


def _catalog():
    return link([check_file("data/zz-test.yml", TEST_DATA.encode())])


def test_items_older_than_the_limit_are_stale():
    catalog = _catalog()
    # zz-event reviewed 2001-01-20, zz-revised 2001-03-01
    assert [i["id"] for i in stale_items(catalog, dt.date(2001, 3, 5), 30)] == ["zz-event"]
    assert [i["id"] for i in stale_items(catalog, dt.date(2001, 3, 31), 30)] == ["zz-event"]
    assert [i["id"] for i in stale_items(catalog, dt.date(2001, 4, 1), 30)] == ["zz-event", "zz-revised"]
    assert stale_items(catalog, dt.date(2001, 3, 1), 400) == []


def test_days_come_from_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_url: !ENV [SITE_URL, '']\nextra:\n  explainer:\n    stale_after_days: 12\n")
    assert stale.configured_days(tmp_path / "mkdocs.yml") == 12
    assert stale.configured_days(ROOT / "mkdocs.yml") > 0


def run_stale(project, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_explainer.outputs.stale", "--root", str(project), *args],
        capture_output=True, text=True, cwd=project, env={"PYTHONPATH": str(ROOT / "hooks")}, timeout=60,
    )


def test_stale_report_lists_overdue_items_and_exits_non_zero(tmp_path):
    project = copy_project(tmp_path)
    result = run_stale(project, "--today", "2001-04-01", "--days", "30")
    assert result.returncode == 1, result.stderr
    assert "zz-event (event): last reviewed 20 January 2001, 71 days ago" in result.stdout
    assert "zz-revised" in result.stdout
    assert "2 of" in result.stderr
    fresh = run_stale(project, "--today", "2001-03-02", "--days", "365")
    assert fresh.returncode == 0 and "reviewed within the last 365 days" in fresh.stdout


def test_make_stale_runs_the_report():
    result = subprocess.run(["make", "-n", "stale"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "mkdocs_explainer.outputs.stale" in result.stdout


def test_an_ageing_fact_is_an_info_notice_that_does_not_break_a_strict_build(tmp_path):
    project = copy_project(tmp_path)  # its test data was last reviewed in 2001
    result = build(project)
    assert result.returncode == 0, result.stderr
    notice = [line for line in result.stderr.splitlines() if "not reviewed in the last" in line]
    assert notice and notice[0].startswith("INFO"), result.stderr
    assert "zz-event (event): last reviewed 20 January 2001" in result.stderr
    assert "WARNING" not in result.stderr


def test_an_items_dates_read_from_its_review_and_revisions():
    """Worked by hand: revised in November and twice on one day in February, reviewed in January."""
    from mkdocs_explainer.pages import history

    item = {"reviewed": "2025-01-10", "revisions": [{"date": "2024-11-01", "change": "first"},
                                                   {"date": "2025-02-01", "change": "second"},
                                                   {"date": "2025-02-01", "change": "third"}]}
    assert (history.first_recorded(item), history.updated(item)) == ("2024-11-01", "2025-02-01")
    assert history.last_revision(item)["change"] == "third"  # the later listed of two on one day
    plain = {"reviewed": "2025-01-10"}
    assert (history.first_recorded(plain), history.updated(plain), history.last_revision(plain)) == (
        "2025-01-10", "2025-01-10", None)
    assert history.page_dates([item, plain]) == history.PageDates("2024-11-01", "2025-02-01")
    assert history.page_dates([]) is None


def test_the_stale_report_in_process_lists_overdue_items_and_refuses_what_it_cannot_read(tmp_path, capsys, monkeypatch):
    """The same report as `make stale` runs, called in this process (so its every line is tested under mutation
    too): overdue items and the count, a clean report, and each refusal with its exit code."""
    project = copy_project(tmp_path / "project")
    assert stale.main(["--root", str(project), "--today", "2001-04-01", "--days", "30"]) == 1
    out, err = capsys.readouterr()
    assert "zz-event (event): last reviewed 20 January 2001, 71 days ago" in out and "zz-revised" in out
    assert err.startswith("2 of ") and err.endswith(" items not reviewed in the last 30 days: check them against "
                                                    "their sources, then set `reviewed:` to the day you did.\n")
    assert stale.main(["--root", str(project), "--today", "2001-03-02", "--days", "365"]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("All ") and out.rstrip().endswith("reviewed within the last 365 days.")
    with pytest.raises(SystemExit) as exited:
        stale.main(["--root", str(tmp_path / "nowhere")])
    assert exited.value.code == 2 and capsys.readouterr().err.endswith(
        "holds no mkdocs.yml: give an explainer's folder (one made by `explainer new`)\n")
    with pytest.raises(SystemExit) as exited:
        stale.main(["--root", str(project), "--days", "-1"])
    assert exited.value.code == 2 and re.search(r"(?<![\w-])--days\b", capsys.readouterr().err)
    monkeypatch.chdir(project)  # the folder it is run in, the configured review period, today's date
    assert stale.main([]) == 1 and "not reviewed in the last" in capsys.readouterr().err
    (project / "data" / "zz-broken.yml").write_text("facts: [", encoding="utf-8")
    assert stale.main(["--root", str(project), "--days", "30"]) == 2
    assert "data/zz-broken.yml" in capsys.readouterr().err


def test_the_stale_reports_help_names_every_option(capsys):
    with pytest.raises(SystemExit):
        stale.main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert shown.startswith("usage: make stale")
    assert re.search(r"(?<!\S)List facts, quotes and events overdue for review\.(?!\S)", shown)
    for option, words in [("--root", "project folder (holds mkdocs.yml and data/)"),
                          ("--days", "maximum age of a review in days (default: mkdocs.yml's stale_after_days)"),
                          ("--today", "check as of this date (YYYY-MM-DD)")]:
        assert re.search(rf"{option}\b.*?(?<!\S){re.escape(words)}(?!\S)", shown), option
    with pytest.raises(SystemExit):
        stale.main(["--help"], prog="explainer stale")
    assert capsys.readouterr().out.startswith("usage: explainer stale")


def test_the_builds_notice_lists_each_overdue_item_on_its_own_line_and_the_default_period(tmp_path, caplog):
    catalog = _catalog()
    with caplog.at_level("INFO"):
        overdue = stale.log_notice(catalog, dt.date(2001, 4, 1), 30)
    assert [item["id"] for item in overdue] == ["zz-event", "zz-revised"]
    [notice] = [record.getMessage() for record in caplog.records]
    assert notice.splitlines()[1:] == [f"  {stale.describe(item, dt.date(2001, 4, 1))}" for item in overdue]
    (tmp_path / "mkdocs.yml").write_text("site_name: A site\n", encoding="utf-8")
    assert stale.configured_days(tmp_path / "mkdocs.yml") == stale.DEFAULT_DAYS
