"""Synthetic resolutions in both layouts (ODS plain text with tabs; Markdown with ``1. `` and
``[^3]``): each proposes exactly the meetings its hand-written expectation lists, with paragraph,
place and status.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.helpers import CORPUS, expected_for, extract_json, keyed


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_proposes_exactly_the_expected_meetings(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = keyed(extract_json(capsys, path))
    expected = keyed(expected_for(path))
    assert found - expected == set(), "proposed but not expected"
    assert expected - found == set(), "expected but not proposed"


def test_corpus_has_both_layouts() -> None:
    assert {path.suffix for path in CORPUS} == {".txt", ".md"}
