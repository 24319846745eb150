"""The answer types: one per kind, each worded by its own renderer, carrying only its facts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import get_args
from zoneinfo import ZoneInfo

import pytest

from bot.answers.engine import answer
from bot.answers.knowledge import default_knowledge
from bot.answers.model import (
    ANSWER_TYPES,
    AnswerKind,
    FootnoteAnswer,
    Shared,
    WhenAnswer,
    WhereAnswer,
)
from bot.answers.render import renders
from bot.events.model import Calendar

NOW = datetime(2007, 11, 1, 8, tzinfo=UTC)


def _shared() -> Shared:
    knowledge = default_knowledge()
    return Shared(lang="en", zone=ZoneInfo("UTC"), now=NOW, knowledge=knowledge, question="")


def test_every_kind_has_its_own_type_and_renderer() -> None:
    assert set(ANSWER_TYPES) == set(get_args(AnswerKind))
    assert len(set(ANSWER_TYPES.values())) == len(ANSWER_TYPES)
    assert all(renders(kind) for kind in ANSWER_TYPES.values())


def test_a_kind_about_one_event_carries_that_event(shipped: Calendar) -> None:
    event = shipped.events[0]
    made = WhenAnswer(**_shared(), event=event, asked="end")
    assert made.kind == "when" and made.about() == (event,)


def test_a_fact_the_kind_lacks_is_refused(shipped: Calendar) -> None:
    facts: dict[str, object] = {"event": shipped.events[0], "paragraphs": ()}
    with pytest.raises(TypeError):
        WhereAnswer(**_shared(), **facts)  # type: ignore[arg-type]


def test_a_footnote_question_is_answered_with_the_footnote_type(shipped: Calendar) -> None:
    reply = answer("footnote 3", NOW, "Europe/Zurich", "en", shipped)
    assert isinstance(reply, FootnoteAnswer) and reply.footnotes[0].number == 3


def test_a_list_offers_the_events_it_lists(shipped: Calendar) -> None:
    reply = answer("list all events", NOW, "Europe/Zurich", "en", shipped)
    assert reply.kind == "list" and reply.about() == shipped.events


def test_a_reply_about_no_event_offers_none(shipped: Calendar) -> None:
    assert answer("thanks!", NOW, "Europe/Zurich", "en", shipped).about() == ()
