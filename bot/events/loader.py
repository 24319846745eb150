"""The loader: events.yaml -> a validated ``Calendar``, or every error at once with file, line and field.

YAML 1.1 has traps (an unquoted ``12:30`` is the integer 750, ``no`` is false, ``2007-11-05`` silently
becomes a date object). So the loader only *composes* the YAML into nodes and turns every scalar into text;
the model decides what a value means. Each node keeps its position so that a pydantic error can be reported
as ``events.yaml:42:12: event 'msp-2007', field 'end': end is before start``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.events.model import Calendar

Path_ = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}
MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class LoadIssue:
    """One problem in an events file, located."""

    file: str
    line: int
    column: int
    event_id: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        what = []
        if self.event_id:
            what.append(f"event {self.event_id!r}")
        if self.field:
            what.append(f"field {self.field!r}")
        prefix = f"{where}: {', '.join(what)}: " if what else f"{where}: "
        return prefix + self.message


class CalendarError(Exception):
    """The events file cannot be used; ``issues`` lists every problem found."""

    def __init__(self, issues: list[LoadIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


def load_calendar(path: str | Path) -> Calendar:
    """Read and validate an events file. Raises ``CalendarError`` naming every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CalendarError([LoadIssue(str(path), 0, 0, None, None, error.strerror or str(error))])
    return parse_calendar(raw, str(path))


def parse_calendar(raw: bytes | str, filename: str = "events.yaml") -> Calendar:
    """Validate the text of an events file."""
    text = _decode(raw, filename)
    root = _compose(text, filename)
    positions: dict[Path_, tuple[int, int]] = {}
    issues: list[LoadIssue] = []
    data = _to_python(root, (), positions, issues, filename)
    if not isinstance(data, dict):
        line, col = positions.get((), (1, 1))
        issues.append(LoadIssue(filename, line, col, None, None, "the file must be a mapping with "
                                "'name', 'updated', 'timezone' and 'events'"))
        raise CalendarError(issues)
    try:
        calendar = Calendar.model_validate(data)
    except ValidationError as error:
        issues.extend(_locate(error, data, positions, filename))
    if issues:
        raise CalendarError(_unique(issues))
    return calendar


def _decode(raw: bytes | str, filename: str) -> str:
    if isinstance(raw, str):
        return raw
    if len(raw) > MAX_BYTES:
        raise CalendarError([LoadIssue(filename, 1, 1, None, None, "file is larger than 2 MiB")])
    if b"\x00" in raw:
        raise CalendarError([LoadIssue(filename, 1, 1, None, None, "not a text file (NUL byte)")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return _raise(filename, line, 1, f"not valid UTF-8 ({error.reason})")


def _raise(filename: str, line: int, column: int, message: str) -> Any:
    raise CalendarError([LoadIssue(filename, line, column, None, None, message)])


def _compose(text: str, filename: str) -> Node | None:
    yaml = YAML(typ="rt")
    try:
        return yaml.compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(part) for part in (error.context, error.problem) if part)
        return _raise(filename, line, col, f"YAML syntax error: {problem or error}")
    except YAMLError as error:
        return _raise(filename, 1, 1, f"YAML error: {error}")
    except RecursionError:
        return _raise(filename, 1, 1, "YAML is nested too deeply")


def _to_python(
    node: Node | None,
    path: Path_,
    positions: dict[Path_, tuple[int, int]],
    issues: list[LoadIssue],
    filename: str,
) -> Any:
    """Turn composed nodes into dicts, lists and strings, remembering where each came from."""
    if node is None:
        return None
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    tag = getattr(node.tag, "value", node.tag)
    if tag and tag.startswith("!"):
        issues.append(_at(filename, positions[path], path, f"YAML tag {tag} is not allowed"))
    if isinstance(node, ScalarNode):
        plain = node.style is None
        return None if plain and node.value in _NULLS else node.value
    if isinstance(node, SequenceNode):
        return [
            _to_python(item, (*path, index), positions, issues, filename)
            for index, item in enumerate(node.value)
        ]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                issues.append(_at(filename, positions[path], path, "keys must be plain text"))
                continue
            key = str(key_node.value)
            if key == "<<":
                issues.append(_at(filename, positions[path], path, "YAML merge keys are not allowed"))
                continue
            if key in result:
                where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                issues.append(_at(filename, where, (*path, key), f"key {key!r} appears twice"))
            result[key] = _to_python(value_node, (*path, key), positions, issues, filename)
        return result
    return None


def _at(filename: str, where: tuple[int, int], path: Path_, message: str) -> LoadIssue:
    return LoadIssue(filename, where[0], where[1], None, _field_name(path), message)


def _field_name(path: Path_) -> str | None:
    parts = [str(part) for part in path]
    if len(parts) >= 2 and parts[0] == "events":
        parts = parts[2:]
    return ".".join(parts) or None


def _locate(
    error: ValidationError, data: dict[str, Any], positions: dict[Path_, tuple[int, int]], filename: str
) -> Iterator[LoadIssue]:
    for item in error.errors(include_url=False):
        path = tuple(item["loc"])
        known = _longest_known(path, positions)
        line, column = positions.get(known, (1, 1))
        event_id = _event_id(data, path)
        field = _field_name(path)
        yield LoadIssue(filename, line, column, event_id, field, _message(item))


def _longest_known(path: Path_, positions: dict[Path_, tuple[int, int]]) -> Path_:
    for length in range(len(path), -1, -1):
        if path[:length] in positions:
            return path[:length]
    return ()


def _event_id(data: dict[str, Any], path: Path_) -> str | None:
    if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int):
        events = data.get("events")
        if isinstance(events, list) and path[1] < len(events) and isinstance(events[path[1]], dict):
            found = events[path[1]].get("id")
            return str(found) if found is not None else f"#{path[1] + 1}"
    return None


def _message(item: Any) -> str:
    kind = item["type"]
    if kind == "extra_forbidden":
        return "unknown field (a typo?)"
    if kind == "missing":
        return "required field is missing"
    message = str(item["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message


def _unique(issues: list[LoadIssue]) -> list[LoadIssue]:
    seen: set[str] = set()
    result = []
    for issue in sorted(issues, key=lambda item: (item.line, item.column)):
        if str(issue) not in seen:
            seen.add(str(issue))
            result.append(issue)
    return result
