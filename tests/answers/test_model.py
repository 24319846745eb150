"""The answer types: one per kind, each worded by its own renderer, carrying only its facts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import get_args
from zoneinfo import ZoneInfo

import pytest

from bot.answers.engine import answer
from bot.answers.knowledge import default_knowledge
from bot.answers.model import ANSWER_TYPES, AnswerKind, WhenAnswer, make_answer
from bot.answers.render import renders
from bot.events.model import Calendar

NOW = datetime(2007, 11, 1, 8, tzinfo=UTC)


def _shared() -> dict[str, object]:
    return {"lang": "en", "zone": ZoneInfo("UTC"), "now": NOW, "knowledge": default_knowledge()}


def test_every_kind_has_its_own_type_and_renderer() -> None:
    assert set(ANSWER_TYPES) == set(get_args(AnswerKind))
    assert len(set(ANSWER_TYPES.values())) == len(ANSWER_TYPES)
    assert all(renders(kind) for kind in ANSWER_TYPES.values())


def test_a_kind_about_one_event_carries_that_event(shipped: Calendar) -> None:
    event = shipped.events[0]
    made = make_answer("when", (event,), asked="end", **_shared())
    assert isinstance(made, WhenAnswer) and made.event == event and made.about() == (event,)


def test_a_fact_the_kind_lacks_is_refused(shipped: Calendar) -> None:
    with pytest.raises(TypeError):
        make_answer("where", (shipped.events[0],), paragraphs=("operative 1",), **_shared())


def test_a_kind_about_one_event_refuses_several(shipped: Calendar) -> None:
    with pytest.raises(ValueError):
        make_answer("where", shipped.events[:2], **_shared())


def test_a_list_offers_the_events_it_lists(shipped: Calendar) -> None:
    reply = answer("list all events", NOW, "Europe/Zurich", "en", shipped)
    assert reply.kind == "list" and reply.about() == shipped.events


def test_a_reply_about_no_event_offers_none(shipped: Calendar) -> None:
    assert answer("thanks!", NOW, "Europe/Zurich", "en", shipped).about() == ()
