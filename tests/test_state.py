"""The live snapshot holds the calendar and its knowledge together: a reload re-reads both, checks
them against each other like ``calbot check``, and keeps the last good pair when either is broken
(reported like a broken events.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers.knowledge import DEFAULT_KNOWLEDGE_FILE
from bot.state import CalendarHolder
from bot.watcher import EventsFileWatcher

SHIPPED = DEFAULT_KNOWLEDGE_FILE.read_text(encoding="utf-8")


@pytest.fixture
def knowledge_beside(holder: CalendarHolder) -> Path:
    """The calendar's own knowledge.yaml (a copy of the shipped one), loaded."""
    path = holder.path.parent / "knowledge.yaml"
    path.write_text(SHIPPED, encoding="utf-8")
    assert holder.reload().ok
    return path


def _resymbolled(symbol: str) -> str:
    """The shipped knowledge with the document's symbol changed (a visible edit)."""
    edited = SHIPPED.replace("symbol: A/RES/62/57", f"symbol: {symbol}", 1)
    assert edited != SHIPPED
    return edited


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_the_knowledge_beside_the_events_file_is_read_on_reload(
    holder: CalendarHolder, knowledge_beside: Path
) -> None:
    _write(knowledge_beside, _resymbolled("A/RES/62/99"))
    result = holder.reload()
    assert result.ok and result.changed  # a knowledge-only edit is a new snapshot
    assert holder.current.knowledge.document.symbol == "A/RES/62/99"
    assert holder.current.version == result.previous.version + 1  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("broken", "said"),
    [
        ("document: [oops", "knowledge.yaml"),
        (SHIPPED.replace("symbol: A/RES/62/57", "symbol_typo: A/RES/62/57", 1), "symbol"),
        (SHIPPED.replace("[ccw-msp-2007, ccw-gge", "[no-such-meeting, ccw-gge", 1),
         "names unknown event 'no-such-meeting'"),
    ],
)  # fmt: skip
async def test_a_broken_knowledge_file_keeps_the_last_good_and_is_reported(
    holder: CalendarHolder, knowledge_beside: Path, broken: str, said: str
) -> None:
    good = holder.current
    _write(knowledge_beside, broken)
    watcher = EventsFileWatcher(holder)
    reported: list[str] = []

    async def to_admins(error: str) -> None:
        reported.append(error)

    watcher.on_refused.append(to_admins)
    assert not await watcher.check()
    assert holder.current is good  # calendar and knowledge both kept
    assert len(reported) == 1 and said in reported[0] and "knowledge.yaml" in reported[0]
    _write(knowledge_beside, _resymbolled("A/RES/62/98"))
    assert await watcher.check()
    assert holder.current.knowledge.document.symbol == "A/RES/62/98"


def test_an_events_file_dropping_an_event_its_knowledge_names_is_refused(
    holder: CalendarHolder, knowledge_beside: Path
) -> None:
    good = holder.current
    events = holder.path.read_text(encoding="utf-8")
    holder.path.write_text(events.replace("id: ccw-msp-2007", "id: ccw-msp-renamed"), "utf-8")
    result = holder.reload()
    assert not result.ok and "ccw-msp-2007" in str(result.error)
    assert holder.current is good


def test_a_calendar_without_its_own_knowledge_borrows_the_shipped_one(
    holder: CalendarHolder,
) -> None:
    assert not (holder.path.parent / "knowledge.yaml").exists()
    assert holder.current.knowledge.document.symbol == "A/RES/62/57"
