"""The fast preview (`mkdocs serve --dirty`, which `make serve` runs) serves what a full build would.

A real `mkdocs serve --dirty` runs on a copy of the project while a random sequence of edits is saved
(labels, names, a value its sources do not support, dates, a renamed id, a new page, a deleted fact, a
Markdown edit, a page title that the navigation shows, a broken file and its fix).
After each edit, every file of a clean build of the same sources (pages, search index, sitemap, exports)
is fetched from the preview and compared byte for byte, and files of earlier builds that a clean build
no longer has must be gone. The clean build uses the preview's own settings (MkDocs' build function with
`mkdocs serve`'s address and semantics, without --dirty), in a fresh process.

The only part allowed to differ is VOLATILE: the live-reload script the server injects into each page.
Set EXPLAINER_PREVIEW_SEED to replay a sequence.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from project import ENV, Preview, copy_project, wait_for

VOLATILE = re.compile(rb"<script>\s*var livereload = function\(epoch, requestId\).*?</script>", re.S)
"""The live-reload script `mkdocs serve` adds before </body> of every page it serves (with timestamps)."""

CLEAN_BUILD = textwrap.dedent(
    """
    import sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    site_dir, url = sys.argv[1], sys.argv[2]
    config = load_config(site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` without --dirty
    config.site_url = url
    build(config, serve_url=url, dirty=False)
    config.plugins.on_shutdown()
    """
)

ID_LINE = re.compile(r"^  - id: (?P<id>[a-z0-9-]+)$", re.M)


class DirtyPreview(Preview):
    """`mkdocs serve --dirty --livereload`, as `make serve` runs it."""

    def __init__(self, project: Path) -> None:
        super().__init__(project, "--dirty", "--livereload")

    def get(self, path: str, timeout: float = 30) -> bytes | None:
        """The served file's bytes, or None if the preview answers 404."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise

    def epoch(self) -> int:
        page = self.get("") or b""
        return int(re.search(rb"livereload\((\d+),", page).group(1))  # type: ignore[union-attr]

    def next_build(self, epoch: int, timeout: float) -> int:
        """Wait (as the browser's live-reload script does) for a build newer than `epoch`; its epoch."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"{self.url}livereload/{epoch}/1", timeout=timeout) as response:
                newer = int(response.read())
            if newer > epoch:
                return newer
        raise TimeoutError


def clean_build(project: Path, url: str) -> dict[str, bytes]:
    site = project.parent / "clean"
    result = subprocess.run([sys.executable, "-c", CLEAN_BUILD, str(site), url], cwd=project, env=ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def differences(preview: DirtyPreview, clean: dict[str, bytes], gone: set[str]) -> list[str]:
    found = []
    for path, expected in clean.items():
        served = preview.get(path)
        if served is None:
            found.append(f"{path}: missing from the preview")
        elif VOLATILE.sub(b"", served) != expected:
            found.append(f"{path}: differs from a clean build")
    found += [f"{path}: still served, a clean build has no such file" for path in sorted(gone)
              if preview.get(path) is not None]
    return found


# --- the edits: each saves files of the project, as an editor would ----------------------------------

def data_files(project: Path) -> list[Path]:
    return sorted((project / "data").glob("*.yml"))


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def pick_line(project: Path, rng: random.Random, pattern: str) -> tuple[Path, str]:
    lines = [(path, m.group(0)) for path in data_files(project)
             for m in re.finditer(pattern, path.read_text(encoding="utf-8"), re.M)]
    return rng.choice(lines)


def shown_fact_ids(project: Path) -> list[str]:
    """Facts of the data shown by a `fact:` shortcode on some page: not an id the pages only quote, such as the
    editor's guide's misspelt example, which would leave every later build in error (and full)."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((project / "docs").glob("*.md")))
    facts = set()
    for path in sorted((project / "data").glob("*.yml")):
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(records, dict):
            facts |= {fact.get("id") for fact in records.get("facts") or () if isinstance(fact, dict)}
    return sorted(set(re.findall(r"<!-- (?:fact|value|card):([a-z0-9-]+) -->", text)) & facts)


def edit_label(project: Path, rng: random.Random) -> str:
    # A figure must match its sources' words (the evidence check), so a valid edit changes what it measures.
    path, line = pick_line(project, rng, r"^    label: .+$")
    replace_in(path, line + "\n", f"{line} (edit {rng.randint(0, 10**6)})\n")
    return f"label in {path.name}"


def edit_name(project: Path, rng: random.Random) -> str:
    """A claimant's or a place's name: every fact they claim or map marking it shows it."""
    path, line = pick_line(project, rng, r"^    name: .+$")
    replace_in(path, line + "\n", f"{line} {rng.randint(0, 10**6)}\n")
    return f"name in {path.name}"


def edit_value(project: Path, rng: random.Random) -> str:
    """A figure changed without its source's words: a data error, until `fix_file` puts it back."""
    path, line = pick_line(project, rng, r"^    value: \d+$")
    BROKEN[path] = path.read_text(encoding="utf-8")
    replace_in(path, line + "\n", f"    value: {rng.randint(2, 99_999)}\n")
    return f"value in {path.name}"


def edit_date(project: Path, rng: random.Random) -> str:
    path, line = pick_line(project, rng, r"^    date: 2024-\d\d-\d\d$")
    replace_in(path, line + "\n", f"    date: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n")
    return f"date in {path.name}"


def rename_id(project: Path, rng: random.Random) -> str:
    old = rng.choice(shown_fact_ids(project))
    new = f"{old}-renamed"
    token = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    for path in [*data_files(project), *sorted((project / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        if token.search(text):
            path.write_text(token.sub(new, text), encoding="utf-8")
    return f"id {old} renamed"


def new_page(project: Path, rng: random.Random) -> str:
    fact = rng.choice(shown_fact_ids(project))
    name = f"zz-new-{rng.randint(0, 10**6)}.md"
    (project / "docs" / name).write_text(f"# A new page\n\nIt cites <!-- fact:{fact} -->.\n", encoding="utf-8")
    return f"new page {name}"


def delete_fact(project: Path, rng: random.Random) -> str:
    """Remove a fact no other record points at, and its shortcodes from the pages."""
    data_text = "".join(path.read_text(encoding="utf-8") for path in data_files(project))
    candidates = [fact for fact in shown_fact_ids(project)
                  if len(re.findall(rf"(?<![\w-]){re.escape(fact)}(?![\w-])", data_text)) == 1]
    fact = rng.choice(candidates)
    for path in data_files(project):
        text = path.read_text(encoding="utf-8")
        if f"  - id: {fact}\n" in text:
            start = text.index(f"  - id: {fact}\n")
            following = [m.start() for m in re.finditer(r"^  - id: |^[a-z]", text[start + 1:], re.M)]
            end = start + 1 + following[0] if following else len(text)
            path.write_text(text[:start] + text[end:], encoding="utf-8")
    for page in sorted((project / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        cut = re.sub(rf"<!-- [a-z]+:{re.escape(fact)} -->", "a figure since withdrawn", text)
        if cut != text:
            page.write_text(cut, encoding="utf-8")
    return f"fact {fact} deleted"


def retitle_page(project: Path, rng: random.Random) -> str:
    """Change the heading of the page whose navigation title comes from it (see the fixture)."""
    replace_in(project / "docs" / TITLED_BY_HEADING, "\n", f" {rng.randint(0, 10**6)}\n")
    return f"title of {TITLED_BY_HEADING}"


def edit_markdown(project: Path, rng: random.Random) -> str:
    page = rng.choice(sorted((project / "docs").glob("*.md")))
    with page.open("a", encoding="utf-8") as out:
        out.write(f"\nAn added sentence, number {rng.randint(0, 10**6)}.\n")
    return f"Markdown of {page.name}"


BROKEN: dict[Path, str] = {}


def break_file(project: Path, rng: random.Random) -> str:
    path, line = pick_line(project, rng, r"^    value: \d+$")
    BROKEN[path] = path.read_text(encoding="utf-8")
    replace_in(path, line + "\n", "    value: [unclosed\n")
    return f"{path.name} broken"


def fix_file(project: Path, rng: random.Random) -> str:
    """The file as it was before `break_file` or `edit_value`: an editor's fix (undo, then save)."""
    path, text = BROKEN.popitem()
    path.write_text(text, encoding="utf-8")
    return f"{path.name} fixed"


Edit = Callable[[Path, random.Random], str]


WORDS_ONLY: set[Edit] = {edit_label, edit_name, edit_date, edit_markdown}
"""Edits that change what some pages say and nothing else: the fast path's case (most must take it)."""


def sequence(rng: random.Random) -> list[Edit]:
    """Every kind of edit once, values twice, in random order; a broken file is fixed right after."""
    # An edit that leaves the data in error is fixed right after: while the data has errors every build is a full
    # one (each page shows them), and the fast path this test is about would only run before that edit.
    edits: list[list[Edit]] = [[edit_label], [edit_label], [edit_name], [edit_value, fix_file], [edit_date],
                               [rename_id], [new_page], [delete_fact], [edit_markdown], [retitle_page],
                               [break_file, fix_file]]
    rng.shuffle(edits)
    return [edit for group in edits for edit in group]


TITLED_BY_HEADING = "deployment.md"
"""A page listed in the navigation without a title, so every page's navigation shows its heading."""


@pytest.fixture
def preview(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    replace_in(project / "mkdocs.yml", f"- Deployment: {TITLED_BY_HEADING}", f"- {TITLED_BY_HEADING}")
    running = DirtyPreview(project)
    try:
        wait_for(running.url, lambda body: "livereload" in body, timeout=120)
        yield running
    finally:
        running.stop()


def test_every_edit_in_the_fast_preview_serves_what_a_clean_build_would(preview: DirtyPreview):
    seed = int(os.environ.get("EXPLAINER_PREVIEW_SEED") or random.randrange(10**6))
    rng = random.Random(seed)
    seen: set[str] = set()
    done = ["(initial build)"]
    log = preview.project / "serve.log"
    paths: list[tuple[str, str]] = []  # (edit, how the preview rebuilt for it) of the edits that change only words
    for edit in [None, *sequence(rng)]:
        time.sleep(0.6)  # the preview is idle: the last edit's builds are over
        epoch = preview.epoch()
        logged = len(log.read_text())
        if edit is not None:
            done.append(edit(preview.project, rng))
            epoch = preview.next_build(epoch, timeout=120)
        clean = clean_build(preview.project, preview.url)
        seen |= clean.keys()
        found = differences(preview, clean, seen - clean.keys())
        while found:  # a save of several files may have been built in two steps: allow a following build
            try:
                epoch = preview.next_build(epoch, timeout=5)
            except TimeoutError:
                break
            found = differences(preview, clean, seen - clean.keys())
        assert not found, (f"seed {seed}, after: {' → '.join(done)}\n" + "\n".join(found[:20])
                           + f"\nserve log:\n{log.read_text()[-3000:]}")
        if edit in WORDS_ONLY:
            rebuilt = re.findall(r"Preview: rebuilding [^\n]*", log.read_text()[logged:])
            paths.append((done[-1], "; ".join(rebuilt) or "no preview message"))
    fast = [edit for edit, how in paths if re.search(r"rebuilding \d+ of", how) and "every page" not in how]
    assert len(fast) > len(paths) / 2, (f"seed {seed}: most edits of words should rebuild only their pages:\n"
                                        + "\n".join(f"{edit}: {how}" for edit, how in paths)
                                        + f"\nafter: {' → '.join(done)}\nserve log:\n{log.read_text()[-6000:]}")


def test_publishing_with_dirty_is_still_a_full_clean_build(tmp_path: Path):
    # `mkdocs build --dirty` would otherwise keep pages whose Markdown is older than their HTML: a data edit
    # would never reach them.
    project = copy_project(tmp_path / "project")
    first = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=ENV, capture_output=True)
    assert first.returncode == 0, first.stderr[-2000:]
    path, line = pick_line(project, random.Random(1), r"^    label: .+$")
    replace_in(path, line + "\n", f"{line} zz97531\n")
    again = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "-q"], cwd=project, env=ENV,
                           capture_output=True)
    assert again.returncode == 0, again.stderr[-2000:]
    pages = "".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
    assert "zz97531" in pages, "the edited label is missing from the pages that show it"
