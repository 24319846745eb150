"""Broken events files: each mistake is reported precisely (file, line, column, event, field),
all of them at once, and ``calbot check`` exits 1 printing them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.events.loader import CalendarError, LoadIssue, parse_calendar

# Line numbers below refer to this text; keep it fixed.
GOOD = """\
name: Test calendar
timezone: Europe/Zurich
updated: "2008-01-15T00:00:00Z"
events:
  - id: msp
    title: Meeting of the States Parties
    kind: meeting
    start: "2007-11-07"
    end: "2007-11-13"
    location: {city: Geneva}
  - id: talk
    title: A timed talk
    kind: meeting
    start: "2007-11-05T10:00:00+01:00"
    end: "2007-11-05T11:00:00+01:00"
    timezone: Europe/Zurich
    status: tentative
"""


def broken(*edits: tuple[str, str]) -> str:
    text = GOOD
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def issues_of(text: str) -> list[str]:
    with pytest.raises(CalendarError) as caught:
        parse_calendar(text, "b.yaml")
    return [str(issue) for issue in caught.value.issues]


def test_the_good_file_loads() -> None:
    calendar = parse_calendar(GOOD, "b.yaml")
    assert [event.id for event in calendar.events] == ["talk", "msp"]


CASES = {
    "end before start": (
        [('end: "2007-11-13"', 'end: "2007-11-01"')],
        ["b.yaml:9:10: event 'msp', field 'end': end 2007-11-01 is before start 2007-11-07"],
    ),
    "typo in a field name": (
        [("title: Meeting", "titel: Meeting")],
        [
            "b.yaml:5:5: event 'msp', field 'title': required field is missing",
            "b.yaml:6:5: event 'msp', field 'titel': unknown field (a typo?); "
            "did you mean 'title'?",
        ],
    ),
    "unquoted no as status": (
        [("status: tentative", "status: no")],
        [
            "b.yaml:17:13: event 'talk', field 'status': 'no' is not allowed here; "
            "use one of 'confirmed', 'tentative' or 'cancelled'"
        ],
    ),
    "bare 12:30 as start": (
        [('start: "2007-11-05T10:00:00+01:00"', "start: 12:30")],
        [
            "b.yaml:14:12: event 'talk', field 'start': '12:30' is a time of day without a date; "
            'write a quoted date-time like "2007-11-05T12:30+01:00"'
        ],
    ),
    "naive date-time": (
        [('start: "2007-11-05T10:00:00+01:00"', 'start: "2007-11-05T10:00:00"')],
        [
            "b.yaml:14:12: event 'talk', field 'start': '2007-11-05T10:00:00' is a date-time "
            "without a UTC offset; write it like 2007-11-05T10:00:00+01:00 (and give the event "
            "a timezone)"
        ],
    ),
    "unknown time zone": (
        [("timezone: Europe/Zurich\n    status", "timezone: Europe/Genva\n    status")],
        [
            "b.yaml:16:15: event 'talk', field 'timezone': unknown time zone 'Europe/Genva'; "
            "use an IANA name like Europe/Zurich"
        ],
    ),
    "timed event without a zone": (
        [("    timezone: Europe/Zurich\n    status", "    status")],
        [
            "b.yaml:11:5: event 'talk', field 'timezone': a timed event needs a timezone "
            "(an IANA name like Europe/Zurich)"
        ],
    ),
    "offset that is not the zone's": (
        [('start: "2007-11-05T10:00:00+01:00"', 'start: "2007-11-05T10:00:00+02:00"')],
        [
            "b.yaml:14:12: event 'talk', field 'start': start 2007-11-05T10:00:00+02:00 has "
            "offset 2:00:00 but Europe/Zurich is at 1:00:00 on that day"
        ],
    ),
    "duplicate ids": (
        [("id: talk", "id: msp")],
        [
            "b.yaml:11:9: event 'msp', field 'id': duplicate id 'msp': the event at line 5 has it "
            "already"
        ],
    ),
    "missing required field": (
        [('    kind: meeting\n    start: "2007-11-07"', '    start: "2007-11-07"')],
        ["b.yaml:5:5: event 'msp', field 'kind': required field is missing"],
    ),
    "id that is not a slug": (
        [("id: msp", "id: MSP 2007")],
        [
            "b.yaml:5:9: event 'MSP 2007', field 'id': 'MSP 2007' is not an id: use lowercase "
            "letters, digits and hyphens, like ccw-msp-2007"
        ],
    ),
    "typo in a calendar field": (
        [("timezone: Europe/Zurich\nupdated", "timezon: Europe/Zurich\nupdated")],
        ["b.yaml:2:1: field 'timezon': unknown field (a typo?); did you mean 'timezone'?"],
    ),
    "revision without offset": (
        [('updated: "2008-01-15T00:00:00Z"', 'updated: "2008-01-15"')],
        [
            "b.yaml:3:10: field 'updated': '2008-01-15' has no UTC offset; write it like "
            "2007-12-05T00:00:00Z"
        ],
    ),
    "key given twice": (
        [
            (
                '    kind: meeting\n    start: "2007-11-07"',
                '    kind: meeting\n    kind: meeting\n    start: "2007-11-07"',
            )
        ],
        ["b.yaml:8:5: event 'msp', field 'kind': key 'kind' appears twice (first at line 7)"],
    ),
    "empty title": (
        [("title: A timed talk", "title:")],
        ["b.yaml:12:5: event 'talk', field 'title': is empty; give a value"],
    ),
    "location as text": (
        [("location: {city: Geneva}", "location: Geneva")],
        [
            "b.yaml:10:15: event 'msp', field 'location': must be a mapping of fields "
            "(key: value lines)"
        ],
    ),
    "impossible date": (
        [('start: "2007-11-07"', 'start: "2007-02-30"')],
        [
            "b.yaml:8:12: event 'msp', field 'start': '2007-02-30' is not a real date: day is out "
            "of range for month"
        ],
    ),
    "timed start with a date end": (
        [('end: "2007-11-05T11:00:00+01:00"', 'end: "2007-11-05"')],
        [
            "b.yaml:15:10: event 'talk', field 'end': start and end must both be dates or both "
            "be date-times"
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_file_reports_the_precise_error(case: str) -> None:
    edits, expected = CASES[case]
    assert issues_of(broken(*edits)) == expected


def test_every_issue_names_its_parts() -> None:
    with pytest.raises(CalendarError) as caught:
        parse_calendar(broken(('end: "2007-11-13"', 'end: "2007-11-01"')), "b.yaml")
    assert caught.value.issues == [
        LoadIssue("b.yaml", 9, 10, "msp", "end", "end 2007-11-01 is before start 2007-11-07")
    ]


THREE_MISTAKES = broken(
    ('end: "2007-11-13"', 'end: "2007-11-01"'),
    ("location: {city: Geneva}", "location: {city: Geneva}\n    status: maybe"),
    ("id: talk", "id: msp"),
)


def test_all_errors_are_reported_at_once() -> None:
    # The same event has a field error and an end before start, and the ids clash: pydantic alone
    # would report only the first of these.
    assert issues_of(THREE_MISTAKES) == [
        "b.yaml:9:10: event 'msp', field 'end': end 2007-11-01 is before start 2007-11-07",
        "b.yaml:11:13: event 'msp', field 'status': 'maybe' is not allowed here; use one of "
        "'confirmed', 'tentative' or 'cancelled'",
        "b.yaml:12:9: event 'msp', field 'id': duplicate id 'msp': the event at line 5 has it "
        "already",
    ]


def test_errors_in_several_events_and_the_calendar_are_all_reported() -> None:
    text = broken(
        ('updated: "2008-01-15T00:00:00Z"', 'updated: "soon"'),
        ('kind: meeting\n    start: "2007-11-07"', 'kind: meting\n    start: "2007-11-07"'),
        ("timezone: Europe/Zurich\n    status", "timezone: Mars/Olympus\n    status"),
    )
    issues = issues_of(text)
    assert [issue.split(": ")[0] for issue in issues] == [
        "b.yaml:3:10",
        "b.yaml:7:11",
        "b.yaml:16:15",
    ]


def test_check_exits_1_and_prints_every_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "broken.yaml"
    path.write_text(THREE_MISTAKES, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "3 error(s):"
    assert (
        err[1]
        == f"  {path}:9:10: event 'msp', field 'end': end 2007-11-01 is before start 2007-11-07"
    )
    assert err[2].startswith(f"  {path}:11:13: event 'msp', field 'status': 'maybe'")
    assert err[3].startswith(f"  {path}:12:9: event 'msp', field 'id': duplicate id 'msp'")
    assert len(err) == 4


def test_check_of_a_missing_file_exits_1_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(tmp_path / "nope.yaml")]) == 1
    assert f"{tmp_path / 'nope.yaml'}:0:0: No such file or directory" in capsys.readouterr().err
