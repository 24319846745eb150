"""The command line's own commands: ``calbot check`` and ``calbot events``, and how they fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No setting from the machine running the tests, and no stray .env."""
    for field in Settings.model_fields.values():
        monkeypatch.delenv(str(field.validation_alias), raising=False)
    monkeypatch.chdir(tmp_path)


def test_check_without_a_file_checks_the_shipped_calendar(
    capsys: pytest.CaptureFixture[str], events_path: Path
) -> None:
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith(f"{events_path}: OK: 'CCW meetings of resolution")


def test_check_follows_events_file_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text('name: Mine\nupdated: "2008-01-15T00:00:00Z"\nevents: []\n', encoding="utf-8")
    monkeypatch.setenv("EVENTS_FILE", str(path))
    assert main(["check"]) == 0
    assert capsys.readouterr().out == f"{path}: OK: 'Mine', 0 events ()\n"


def test_check_of_a_file_beats_the_events_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, events_path: Path
) -> None:
    assert main(["check", "--events", str(tmp_path / "absent.yaml"), str(events_path)]) == 0
    assert "7 events" in capsys.readouterr().out


def test_check_of_a_broken_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"1 error(s):\n  {path}:1:1: the top level must be a mapping (name:, updated:, events:), "
        "not a list\n"
    )


def test_a_bad_setting_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "chatty")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bad setting LOG_LEVEL:") and err.count("\n") == 1


def test_events_lists_every_event_with_its_id_in_date_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["events"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.rsplit("id=", 1)[1] for line in lines] == [
        "ccw-gge-intersessional-2007",
        "ccw-prepcom-protocol-v-2007",
        "ccw-protocol-v-conference-2007",
        "ccw-apii-conference-2007",
        "ccw-msp-2007",
        "unga-62-adoption-62-57",
        "unga-63-ccw-agenda-item",
    ]
    assert "(place not stated)" in lines[3]
    assert "CCW Meeting of the States Parties  (Geneva, Switzerland)" in lines[4]
