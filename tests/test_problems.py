"""Events never let an exception out in the preview (it would stall MkDocs' server); builds fail cleanly."""

from __future__ import annotations

import logging

import pytest
from mkdocs_explainer.problems import Problem, ProblemsFound, survive_preview

log = logging.getLogger("test")


class Stop(Exception):
    pass


def event(markdown: str, *, page: object) -> str:
    raise OverflowError("date value out of range")


def test_in_the_preview_an_unexpected_error_becomes_a_problem_for_the_fallback(caplog):
    seen: list[list[Problem]] = []
    guarded = survive_preview(lambda: True, log, lambda problems, *a, **k: seen.append(problems) or "box")(event)
    with caplog.at_level(logging.DEBUG):
        assert guarded("# page", page=None) == "box"
    [[problem]] = seen
    assert "unexpected error: OverflowError: date value out of range" in problem.message
    assert any(record.exc_info for record in caplog.records if record.levelno == logging.DEBUG)
    assert not any(record.exc_info for record in caplog.records if record.levelno > logging.DEBUG)


def test_without_a_fallback_a_filter_event_passes_its_input_through():
    assert survive_preview(lambda: True, log)(event)("# page", page=None) == "# page"


def test_in_a_build_the_error_is_one_clean_line():
    with pytest.raises(Stop) as caught:
        survive_preview(lambda: False, log, build_error=Stop)(event)("# page", page=None)
    assert str(caught.value).startswith("(the build): stopped on an unexpected error: OverflowError")

    def problems(markdown: str) -> str:
        raise ProblemsFound([Problem("docs/x.md", 3, "", "broken")])

    with pytest.raises(Stop, match=r"docs/x\.md:3: broken"):
        survive_preview(lambda: False, log, build_error=Stop)(problems)("x")
