"""``calbot extract``: formats, ``--merge`` into a commented events.yaml, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.events.loader import parse_calendar
from tests.extract.helpers import DATA, SEED, run

HEAD = """# My calendar. Comments must survive a merge.
name: Test calendar
timezone: Europe/Zurich
updated: "2008-01-15T00:00:00Z"

events:
  # The meeting we already had, in the order we chose.
  - id: zz-existing-social-forum
    title: Social Forum
    kind: meeting
    start: "2014-09-30"
    end: "2014-10-02"  # three days
  - id: aa-other
    title: Something else entirely
    kind: meeting
    start: "2001"
"""


def test_yaml_output_is_valid_for_events_yaml(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(DATA / "bwc_2025.md"))
    assert code == 0, err
    header = 'name: x\ntimezone: UTC\nupdated: "2026-01-01T00:00:00Z"\nevents:\n'
    calendar = parse_calendar(header + out, "proposed.yaml")
    assert {e.status for e in calendar.events} == {"tentative"}
    assert all(e.sources and e.sources[0].document == "A/RES/80/90" for e in calendar.events)
    workshop = next(e for e in calendar.events if e.start.iso() == "2026-06")
    assert workshop.unstated_about("days") is not None


def test_json_output_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(DATA / "ccw_2009_ods.txt"), "--format", "json")
    first = json.loads(out)[0]
    assert code == 0
    assert set(first) >= {
        "title",
        "start",
        "end",
        "precision",
        "place",
        "paragraph",
        "status",
        "quote",
        "also_mentioned",
    }


def test_merge_adds_new_events_and_keeps_comments_and_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "events.yaml"
    target.write_text(HEAD, encoding="utf-8")
    code, out, err = run(
        capsys, "extract", str(DATA / "hrc_2014_plain.txt"), "--merge", str(target)
    )
    assert code == 0, err
    merged = target.read_text(encoding="utf-8")
    assert merged.startswith(HEAD)
    assert "already there: Social Forum (= zz-existing-social-forum)" in out
    assert "added: " in out
    calendar = parse_calendar(merged, "events.yaml")
    assert len(calendar.events) == 2 + out.count("added: ")


def test_merge_of_the_seed_into_the_shipped_calendar_adds_nothing(
    tmp_path: Path, events_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = events_copy.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(SEED), "--merge", str(events_copy))
    assert code == 0
    assert "0 added, 7 already there" in out
    assert events_copy.read_text(encoding="utf-8") == before


def test_merge_into_an_invalid_events_file_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "events.yaml"
    target.write_text("events: [\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(DATA / "bwc_2025.md"), "--merge", str(target))
    assert code == 1 and "error" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message", "exit_code"),
    [
        (b"", "is empty", 2),
        (b"  \n\t\n", "is empty", 2),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary", 2),
        (
            b"The General Assembly,\n\tRecalling the Charter,\n\t1.\tDecides to remain seized;\n",
            "No dated meetings",
            1,
        ),
    ],
    ids=["empty", "blank", "binary", "no-dates"],
)
def test_bad_input_gets_a_message_and_an_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str, exit_code: int
) -> None:
    path = tmp_path / "resolution.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "extract", str(path))
    assert code == exit_code
    assert message in err and "Traceback" not in err
    assert out == ""


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", str(tmp_path / "nope.txt"))
    assert code == 2 and "cannot read" in err and "No such file" in err
