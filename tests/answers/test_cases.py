"""The tables of question cases: each reply must contain some facts and not others.

cases.yaml holds the cases written with the engine; cases_blind.yaml and cases_heldout.yaml hold
cases written before the engine was run on them (issue 9); cases_languages.yaml holds blind cases
in Spanish, Russian, Chinese and Arabic (issue 10). A row's ``rule`` names the rule of
``bot.answers.rules`` it exercises; ``nodate: true`` means the reply must carry no date at all.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from bot.answers.engine import answer
from bot.answers.render import render_html, render_text
from bot.answers.rules import RULES
from bot.clock import parse_instant
from bot.events.model import Calendar
from bot.text.telegram_html import validate_telegram_html

_FILES = ("cases.yaml", "cases_blind.yaml", "cases_heldout.yaml", "cases_languages.yaml")


def _load(name: str) -> list[dict[str, Any]]:
    path = Path(__file__).parent / name
    if not path.exists():
        return []
    return YAML(typ="safe").load(path.read_text(encoding="utf-8")) or []


CASES: list[dict[str, Any]] = [case for name in _FILES for case in _load(name)]

# A date in any form a reply could give one: a year, a month name, a numeric day.
DATE = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])\b"
    r"|\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b"
    r"|\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\b"
    r"|(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"|\d{1,2}月|\d{1,4}年"
    r"|(?:يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)"
)


_SPACES = re.compile("[\u00a0\u2009\u202f]")


def _case_id(case: dict[str, Any]) -> str:
    extras = [case.get("lang"), case.get("tz"), case.get("now")]
    return " | ".join(str(part) for part in [case["q"], *extras] if part)


def test_the_tables_cover_at_least_three_hundred_questions() -> None:
    assert len(CASES) >= 300
    out_of_scope = [case for case in CASES if case.get("nodate")]
    assert len(out_of_scope) >= 40


def test_every_rule_has_cases_and_every_case_names_a_rule() -> None:
    names = [rule.name for rule in RULES]
    tagged = {case["rule"] for case in CASES}
    assert tagged <= set(names)
    # "topic" answers only when "topic_first" declined and no event, day or list fits: no
    # question reaching it has been found yet.
    assert set(names) - tagged <= {"topic"}


def _param(case: dict[str, Any]) -> Any:
    """A case the engine still gets wrong is kept, marked with why (strict: fixing it shows)."""
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=_case_id(case), marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_reply(case: dict[str, Any], shipped: Calendar) -> None:
    now = parse_instant(case.get("now", "2007-11-01T08:00Z"))
    reply = answer(case["q"], now, case.get("tz", "Europe/Zurich"), case.get("lang", "en"), shipped)
    # Locales set dates with narrow and thin spaces ("2007\u202fг."); a reader sees spaces.
    text = _SPACES.sub(" ", render_text(reply))
    assert reply.rule == case["rule"], f"answered by {reply.rule}:\n{text}"
    if "kind" in case:
        assert reply.kind == case["kind"], text
    if "event" in case:
        about = reply.about()
        assert about and about[0].id == case["event"], text
    for fact in case.get("has", []):
        assert str(fact) in text, f"missing {fact!r} in:\n{text}"
    for fact in case.get("not", []):
        assert str(fact) not in text, f"unexpected {fact!r} in:\n{text}"
    if case.get("nodate"):
        assert not DATE.search(text), (
            f"a date in a reply about something not in the calendar:\n{text}"
        )
    assert validate_telegram_html(render_html(reply), strict=True) is None
