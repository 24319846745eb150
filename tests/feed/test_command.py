"""``calbot feed``: the feed on stdout or in a file, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import ManualClock
from bot.state import CalendarHolder
from bot.storage import Store
from tests.feed.parsers import vevent_block, with_icalendar


def test_feed_to_stdout_is_the_calendar(
    events_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["feed", "--events", str(events_path), "--kind", "conference"]) == 0
    assert len(with_icalendar(capsysbinary.readouterr().out)) == 2


def test_feed_with_bad_alarm_exits_2_with_a_message(
    events_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["feed", "--events", str(events_path), "--alarm", "tomorrow"]) == 2
    assert "alarm 'tomorrow' is not a duration" in capsys.readouterr().err


def test_feed_to_an_unwritable_place_exits_1_with_a_message(
    events_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-dir" / "feed.ics"
    assert main(["feed", "--events", str(events_path), "-o", str(target)]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_feed_has_the_sequence_the_server_recorded(
    events_copy: Path, tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    store = Store.open(url, clock)
    holder = CalendarHolder(events_copy, clock, store)
    holder.load()
    text = events_copy.read_text(encoding="utf-8")
    events_copy.write_text(text.replace('start: "2007-11-07"', 'start: "2007-11-08"'), "utf-8")
    holder.reload()  # the server saw the MSP move: its SEQUENCE is now 1
    store.close()
    monkeypatch.setenv("DATABASE_URL", url)
    target = tmp_path / "feed.ics"
    assert main(["feed", "--events", str(events_copy), "-o", str(target)]) == 0
    assert "SEQUENCE:1\r\n" in vevent_block(target.read_bytes(), "ccw-msp-2007@calbot")


def test_feed_without_a_database_creates_none(
    events_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "absent.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    assert main(["feed", "--events", str(events_path), "-o", str(tmp_path / "feed.ics")]) == 0
    assert not database.exists()
