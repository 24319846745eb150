"""Hostile and accidental input: each gives one clear, one-line error instead of a crash or a hang;
and the YAML 1.1 readings that would silently change a value do not happen."""

from __future__ import annotations

import time

import pytest

from bot.events.loader import MAX_BYTES, CalendarError, parse_calendar

HEAD = 'name: Test\nupdated: "2008-01-15T00:00:00Z"\n'
EVENT = "  - id: msp\n    title: {title}\n    kind: meeting\n    start: {start}\n"


def only_issue(raw: str | bytes) -> str:
    with pytest.raises(CalendarError) as caught:
        parse_calendar(raw, "h.yaml")
    issues = [str(issue) for issue in caught.value.issues]
    assert len(issues) == 1, issues
    assert "\n" not in issues[0]
    return issues[0]


def test_empty_file() -> None:
    assert only_issue("") == (
        "h.yaml:1:1: the file is empty; it needs name, updated, timezone and events"
    )


def test_file_of_comments_only_is_empty() -> None:
    assert only_issue("# nothing yet\n\n").endswith(
        "the file is empty; it needs name, updated, timezone and events"
    )


def test_list_at_top_level() -> None:
    assert only_issue("- id: msp\n- id: apii\n") == (
        "h.yaml:1:1: the top level must be a mapping (name:, updated:, events:), not a list"
    )


def test_binary_junk() -> None:
    assert only_issue(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == (
        "h.yaml:3:1: not a text file (it contains a NUL byte)"
    )


def test_invalid_utf8_names_the_line() -> None:
    assert only_issue(b"name: ok\ntitle: caf\xe9\n") == (
        "h.yaml:2:1: not valid UTF-8 text (invalid continuation byte)"
    )


def test_control_character() -> None:
    assert (
        only_issue("name: a\x07b\n") == "h.yaml:1:1: character U+0007 is not allowed in YAML text"
    )


def test_deeply_nested_flow_input() -> None:
    issue = only_issue("events: " + "[" * 5000 + "]" * 5000 + "\n")
    assert issue == "h.yaml:1:1: the YAML is nested too deeply (the limit is 24 levels)"


def test_deeply_nested_block_input_is_cut_off() -> None:
    text = HEAD + "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(40))
    with pytest.raises(CalendarError) as caught:
        parse_calendar(text, "h.yaml")
    assert any("nested too deeply" in str(issue) for issue in caught.value.issues)


def test_huge_file_is_refused_before_parsing() -> None:
    started = time.perf_counter()
    assert only_issue(b"#" * (MAX_BYTES + 1)) == "h.yaml:1:1: the file is larger than 2 MiB"
    assert time.perf_counter() - started < 1


def test_billion_laughs_is_stopped_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        refs = ",".join([f"*{chr(96 + level)}"] * 9)
        lines.append(f"{chr(97 + level)}: &{chr(97 + level)} [{refs}]")
    started = time.perf_counter()
    issue = only_issue("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 5
    assert "expands to more than 50000 values" in issue


def test_alias_that_contains_itself() -> None:
    with pytest.raises(CalendarError) as caught:
        parse_calendar(HEAD + "events: &loop [*loop]\n", "h.yaml")
    assert [str(issue) for issue in caught.value.issues] == [
        "h.yaml:3:9: event '#1': nested too deeply (or a YAML alias that contains itself)",
        "h.yaml:3:9: event '#1': must be a mapping of fields (key: value lines)",
    ]


def test_anchor_defined_twice() -> None:
    assert (
        only_issue("a: &x 1\nb: &x 2\n") == "h.yaml:2:4: YAML problem: found duplicate anchor 'x'"
    )


def test_duplicate_top_level_key() -> None:
    with pytest.raises(CalendarError) as caught:
        parse_calendar(HEAD + "name: Other\nevents: []\n", "h.yaml")
    assert [str(issue) for issue in caught.value.issues] == [
        "h.yaml:3:1: field 'name': key 'name' appears twice (first at line 1)"
    ]


def test_tab_indentation() -> None:
    assert only_issue(HEAD + "events:\n\t- id: msp\n") == (
        "h.yaml:4:1: a tab character here; YAML indents with spaces only"
    )


def test_syntax_error_names_line_and_column() -> None:
    assert only_issue(HEAD + "events: [\n  {id: msp\n").startswith("h.yaml:5:1: YAML syntax error:")


def test_python_tags_are_refused() -> None:
    with pytest.raises(CalendarError) as caught:
        parse_calendar(HEAD + "description: !!python/object/apply:os.system [ls]\n", "h.yaml")
    assert [str(issue) for issue in caught.value.issues] == [
        "h.yaml:3:14: field 'description': YAML tag !!python/object/apply:os.system is not allowed",
        "h.yaml:3:14: field 'description': must be text, not a list or mapping",
    ]


def test_merge_keys_are_refused() -> None:
    text = HEAD + "events:\n  - &b {kind: meeting}\n  - <<: *b\n    id: msp\n"
    with pytest.raises(CalendarError) as caught:
        parse_calendar(text, "h.yaml")
    assert "h.yaml:5:5: event 'msp': YAML merge keys (<<) are not allowed; write fields out" in [
        str(issue) for issue in caught.value.issues
    ]


def test_several_documents() -> None:
    assert "expected a single document" in only_issue(HEAD + "---\nname: again\n")


def test_unknown_yaml_version() -> None:
    assert only_issue("%YAML 1.3\n---\nname: x\n").startswith("h.yaml:1:1: cannot read the YAML")


# YAML 1.1 traps: values stay the text that was written ----------------------------------------


def test_unquoted_date_is_read_as_the_day_written() -> None:
    calendar = parse_calendar(HEAD + "events:\n" + EVENT.format(title="MSP", start="2007-11-05"))
    assert calendar.events[0].start.iso() == "2007-11-05"


@pytest.mark.parametrize("title", ["no", "yes", "off", "12:30", "0o17", "1e3", "~x", "2007-11-05"])
def test_unquoted_title_stays_the_text_written(title: str) -> None:
    calendar = parse_calendar(HEAD + "events:\n" + EVENT.format(title=title, start='"2007"'))
    assert calendar.events[0].title == title


def test_unquoted_sexagesimal_start_is_a_clear_error_not_750() -> None:
    with pytest.raises(CalendarError) as caught:
        parse_calendar(HEAD + "events:\n" + EVENT.format(title="t", start="12:30"), "h.yaml")
    assert [str(issue) for issue in caught.value.issues] == [
        "h.yaml:7:12: event 'msp', field 'start': '12:30' is a time of day without a date; "
        'write a quoted date-time like "2007-11-05T12:30+01:00"'
    ]
