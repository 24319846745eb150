"""The blind texts (``tests/extract/blind``) meet issue 12's bar in both layouts: recall and
precision at least 0.9, paragraph and place right for at least 0.9 of the matches, and every
adoption marked. ``python -m tests.extract.blind`` prints the figures."""

from __future__ import annotations

import pytest

from tests.extract.blind import BLIND, measure

BAR = 0.9


@pytest.mark.parametrize("markdown", [False, True], ids=["as-written", "ods-as-markdown"])
@pytest.mark.parametrize("name", sorted(p.name for p in BLIND.iterdir() if p.is_dir()))
def test_blind_texts_meet_the_bar(name: str, markdown: bool) -> None:
    figures, _ = measure(BLIND / name, markdown)
    assert figures.expected > 0
    assert figures.recall >= BAR, figures.misses
    assert figures.precision >= BAR, figures.misses
    assert figures.paragraph >= BAR, figures.misses
    assert figures.place >= BAR, figures.misses
    assert figures.adoptions_marked == figures.adoptions > 0
