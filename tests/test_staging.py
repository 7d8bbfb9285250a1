"""A build goes into a staging folder and replaces site/ only when it succeeded."""

from __future__ import annotations

from mkdocs_explainer.build.staging import Staging


def test_commit_replaces_the_site_and_leaves_no_temporary_folders(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staging = Staging.start(str(site))
    (staging.staged / "new.html").write_text("new")
    staging.commit()
    assert [p.name for p in site.iterdir()] == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_discard_keeps_the_old_site_untouched(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published")
    staging = Staging.start(str(site))
    (staging.staged / "index.html").write_text("half written")
    staging.discard()
    assert (site / "index.html").read_text() == "published"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_first_build_creates_the_site(tmp_path):
    staging = Staging.start(str(tmp_path / "site"))
    (staging.staged / "index.html").write_text("new")
    staging.commit()
    assert (tmp_path / "site" / "index.html").read_text() == "new"


def test_the_published_site_has_the_modes_mkdocs_gives_it(tmp_path):
    # A web server running as another user must read site/: 0755 folders and 0644 files under umask 022.
    import os
    import stat

    old = os.umask(0o022)
    try:
        staging = Staging.start(str(tmp_path / "site"))
        (staging.staged / "sub").mkdir()
        (staging.staged / "sub" / "index.html").write_text("new")
        staging.commit()
    finally:
        os.umask(old)
    site = tmp_path / "site"
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert stat.S_IMODE((site / "sub").stat().st_mode) == 0o755
    assert stat.S_IMODE((site / "sub" / "index.html").stat().st_mode) == 0o644
