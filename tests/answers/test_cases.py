"""The table of question cases (cases.yaml): each reply must contain some facts and not others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from bot.answers.engine import answer
from bot.answers.render import render_html, render_text
from bot.clock import parse_instant
from bot.events.model import Calendar
from bot.text.telegram_html import validate_telegram_html

CASES: list[dict[str, Any]] = YAML(typ="safe").load(
    (Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8")
)


def _case_id(case: dict[str, Any]) -> str:
    extras = [case.get("lang"), case.get("tz"), case.get("now")]
    return " | ".join(str(part) for part in [case["q"], *extras] if part)


def test_the_table_covers_at_least_a_hundred_questions() -> None:
    assert len(CASES) >= 100


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_reply(case: dict[str, Any], shipped: Calendar) -> None:
    now = parse_instant(case.get("now", "2007-11-01T08:00Z"))
    reply = answer(case["q"], now, case.get("tz", "Europe/Zurich"), case.get("lang", "en"), shipped)
    text = render_text(reply)
    assert reply.kind == case["kind"], text
    if "event" in case:
        assert reply.event is not None and reply.event.id == case["event"], text
    for fact in case.get("has", []):
        assert str(fact) in text, f"missing {fact!r} in:\n{text}"
    for fact in case.get("not", []):
        assert str(fact) not in text, f"unexpected {fact!r} in:\n{text}"
    assert validate_telegram_html(render_html(reply), strict=True) is None
