"""``calbot feed``: the feed on stdout or in a file, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.feed.parsers import with_icalendar


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
