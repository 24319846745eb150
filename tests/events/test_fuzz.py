"""Property: whatever the file holds, ``parse_calendar`` returns a fully valid calendar or raises
``CalendarError`` with located one-line issues; never another exception, never half a calendar.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from bot.config import DEFAULT_EVENTS_FILE
from bot.events.loader import CalendarError, parse_calendar
from bot.events.model import Calendar, Event, time_problems

SHIPPED = DEFAULT_EVENTS_FILE.read_text(encoding="utf-8")
SHIPPED_LINES = SHIPPED.splitlines(keepends=True)
FIELDS = [*Event.model_fields, "titel", "when", "<<"]
JUNK = [
    "",
    "- ",
    ":",
    "&a",
    "*a",
    "!!python/object:os.system x",
    "\t",
    "{",
    "]",
    "'",
    '"',
    "%",
    "?",
    "\x00",
    "12:30",
    "no",
    "~",
    "---",
    "key: [1, {2: 3}]",
    "  - id: x",
    "end: '2007-11-01'",
]

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(raw: str | bytes) -> None:
    """The property itself."""
    try:
        calendar = parse_calendar(raw, "f.yaml")
    except CalendarError as error:
        assert error.issues
        for issue in error.issues:
            text = str(issue)
            assert text.startswith("f.yaml:") and "\n" not in text
            assert issue.line >= 1 and issue.column >= 1 and issue.message
        return
    assert_fully_valid(calendar)


def assert_fully_valid(calendar: Calendar) -> None:
    again = Calendar.model_validate(
        {name: getattr(calendar, name) for name in Calendar.model_fields}
    )
    assert again.events == calendar.events
    ids = [event.id for event in calendar.events]
    assert len(ids) == len(set(ids))
    for event in calendar.events:
        Event.model_validate({name: getattr(event, name) for name in Event.model_fields})
        assert time_problems(event.start, event.end, event.timezone) == []
        assert event.starts_utc <= event.ends_utc
        assert event.updated is not None and event.updated.tzinfo is not None


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(
        [
            "2007-11-05",
            "2007-06",
            "12:30",
            "no",
            "Europe/Zurich",
            "meeting",
            "2007-11-05T10:00:00+01:00",
        ]
    ),
    st.datetimes(
        timezones=st.just(UTC), min_value=datetime(1800, 1, 1), max_value=datetime(3100, 1, 1)
    ),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=20,
)
events = st.dictionaries(st.sampled_from(FIELDS), values, max_size=10)


def dump(data: object) -> str:
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, stream)
    return stream.getvalue()


@FUZZ
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    check(text)


@FUZZ
@given(st.binary(max_size=200))
def test_random_bytes(raw: bytes) -> None:
    check(raw)


@FUZZ
@given(values)
def test_random_structures(data: object) -> None:
    check(dump(data))


@FUZZ
@given(st.lists(events, max_size=4), st.sampled_from(["UTC", "Europe/Zurich", "Mars/Base"]))
def test_random_events_in_a_calendar(items: list[dict[str, object]], zone: str) -> None:
    check(
        dump({"name": "Fuzz", "updated": "2008-01-15T00:00:00Z", "timezone": zone, "events": items})
    )


@st.composite
def mutations(draw: st.DrawFn) -> str:
    lines = list(SHIPPED_LINES)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "swap values", "insert junk", "duplicate"]))
        if action == "delete":
            del lines[where]
        elif action == "insert junk":
            lines.insert(where, draw(st.sampled_from(JUNK)) + "\n")
        elif action == "duplicate":
            lines.insert(where, lines[where])
        else:
            other = draw(st.integers(0, len(lines) - 1))
            a, b = lines[where].partition(": "), lines[other].partition(": ")
            if a[1] and b[1]:
                lines[where], lines[other] = a[0] + a[1] + b[2], b[0] + b[1] + a[2]
        if not lines:
            break
    return "".join(lines)


@FUZZ
@given(mutations())
def test_mutations_of_the_shipped_file(text: str) -> None:
    check(text)
