"""The loader: events.yaml -> a validated ``Calendar``, or every error at once, located.

YAML 1.1 has traps (an unquoted ``12:30`` is the integer 750, ``no`` is false, ``2007-11-05``
silently becomes a date object). So the loader only *composes* the YAML into nodes and turns every
scalar into text; the model decides what a value means. Each node keeps its position so that a
pydantic error can be reported as
``events.yaml:42:12: event 'msp-2007', field 'end': end is before start``.

Every problem is reported in one pass: the calendar's own fields, then each event on its own (so
one bad event does not hide another's errors), then the checks that look at an event's fields
together and at all events together (duplicate ids). The file is hostile until proven otherwise:
size, nesting, alias expansion and tags are capped before anything is built from it.
"""

from __future__ import annotations

import difflib
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from bot.events.model import (
    TIME_ERROR,
    Calendar,
    Event,
    Location,
    Source,
    Unstated,
    WhenField,
    ZoneName,
    time_problems,
)

Path_ = tuple[str | int, ...]
Where = tuple[int, int]
_FOLD_MARK = "\a"
_NULLS = {"", "~", "null", "Null", "NULL"}
MAX_BYTES = 2 * 1024 * 1024
# The schema is five levels deep; anything far deeper is an accident or an attack on the recursion.
MAX_DEPTH = 24
# Values built from the file, counting an aliased block each time it is used: the shipped file has a
# few hundred, so this leaves room for thousands of events and stops a "billion laughs" early.
MAX_NODES = 50_000
_CORE_TAG = "tag:yaml.org,2002:"
_MARK_TEXT = re.compile(r"line (\d+), column (\d+)")
_PYDANTIC_LOC = re.compile(r"^[a-z-]+\[.*\]$")
_WHEN = TypeAdapter(WhenField)
_ZONE = TypeAdapter(ZoneName)
_EMPTY_FILE = "the file is empty; it needs name, updated, timezone and events"


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
        return _one_line(prefix + self.message)


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
        raise CalendarError(
            [LoadIssue(str(path), 0, 0, None, None, error.strerror or str(error))]
        ) from None
    return parse_calendar(raw, str(path))


def parse_calendar(raw: bytes | str, filename: str = "events.yaml") -> Calendar:
    """Validate the text of an events file. Raises ``CalendarError`` naming every problem."""
    return _parse_text(_decode(raw, filename), filename)


@lru_cache(maxsize=4)
def _parse_text(text: str, filename: str) -> Calendar:
    """The calendar of one text. Cached by content (a ``Calendar`` is frozen): reading the same
    file again (a reload that changed nothing, ``calbot check`` then ``serve``, each test's
    fixture) costs a file read, not a YAML parse; a broken text raises again each time."""
    root = _compose(text, filename)
    if root is None:
        _fail(filename, (1, 1), _EMPTY_FILE)
    tree = _Tree(filename)
    data = tree.convert(root)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        message = f"the top level must be a mapping (name:, updated:, events:), not {kind}"
        where = tree.values.get((), (1, 1))
        top = LoadIssue(filename, *where, None, None, message)
        raise CalendarError(_unique([top, *tree.noted(None)]))
    events, issues = _validate(data, tree)
    if issues:
        raise CalendarError(_unique(issues))
    try:
        return Calendar.model_validate({**_meta(data), "events": events})
    except ValidationError as error:  # the checks above should have caught it; never lose it
        raise CalendarError(_unique(tree.locate(error, (), data))) from None


@dataclass(frozen=True)
class LocatedYaml:
    """A YAML file read the loader's way (every scalar as text, hostile input capped), with where
    each key and value stands: any file validated with pydantic gets its errors located, as the
    knowledge file beside events.yaml does."""

    data: Any
    tree: _Tree

    def issues(self, error: ValidationError, model: type[BaseModel]) -> list[LoadIssue]:
        """pydantic's errors for ``model`` at their lines, "did you mean" from its fields."""
        data = self.data if isinstance(self.data, dict) else {}
        return _unique(self.tree.locate(error, (), data, model=model))

    def issue(self, path: Path_, message: str) -> LoadIssue:
        """A problem found after validation, at the value ``path`` leads to (or its key)."""
        data = self.data if isinstance(self.data, dict) else {}
        if path in self.tree.keys and path not in self.tree.values:
            return LoadIssue(
                self.tree.filename, *self.tree.keys[path], None, _field_name(path), message
            )
        return self.tree.issue(path, data, message)


def read_located(raw: bytes | str, filename: str) -> LocatedYaml:
    """Compose ``raw`` into plain data with positions; ``CalendarError`` for unreadable YAML."""
    root = _compose(_decode(raw, filename), filename)
    tree = _Tree(filename)
    data = tree.convert(root) if root is not None else None
    noted = tree.noted(None)
    if noted:
        raise CalendarError(_unique(noted))
    return LocatedYaml(data, tree)


def _meta(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "events"}


def _validate(data: dict[str, Any], tree: _Tree) -> tuple[list[Event], list[LoadIssue]]:
    """Check the calendar's fields, each event on its own, then all events together."""
    issues = tree.noted(data)
    try:
        Calendar.model_validate({**_meta(data), "events": ()})
    except ValidationError as error:
        issues.extend(tree.locate(error, (), data))
    raw_events = data.get("events", [])
    if not isinstance(raw_events, list):
        message = "must be a list of events, each starting with '- id: ...'"
        issues.append(tree.issue(("events",), data, message))
        return [], issues
    events = []
    for index, item in enumerate(raw_events):
        try:
            events.append(Event.model_validate(item))
        except ValidationError as error:
            path = ("events", index)
            located = tree.locate(error, path, data, skip=frozenset({TIME_ERROR}))
            issues.extend(located)
            issues.extend(_time_issues(item, path, data, tree))
    issues.extend(_duplicate_ids(raw_events, data, tree))
    return events, issues


def _time_issues(item: Any, path: Path_, data: dict[str, Any], tree: _Tree) -> list[LoadIssue]:
    """Start/end/zone checks on the fields that parse, even when another field failed."""
    if not isinstance(item, dict):
        return []
    try:
        start = _WHEN.validate_python(item.get("start"))
        end = None if item.get("end") is None else _WHEN.validate_python(item["end"])
    except ValidationError:
        return []  # already reported as a field error; nothing to compare
    zone, zone_ok = item.get("timezone"), True
    if zone is not None:
        try:
            zone = _ZONE.validate_python(zone)
        except ValidationError:
            zone, zone_ok = None, False
    problems = time_problems(start, end, zone)
    return [
        tree.issue((*path, name), data, message)
        for name, message in problems
        if zone_ok or name != "timezone"
    ]


def _duplicate_ids(raw_events: list[Any], data: dict[str, Any], tree: _Tree) -> list[LoadIssue]:
    first_line: dict[str, int] = {}
    issues = []
    for index, item in enumerate(raw_events):
        event_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(event_id, str) or not event_id.strip():
            continue
        path: Path_ = ("events", index, "id")
        line = tree.values.get(path, (0, 0))[0]
        key = event_id.strip()
        if key in first_line:
            message = f"duplicate id {key!r}: the event at line {first_line[key]} has it already"
            issues.append(tree.issue(path, data, message))
        else:
            first_line[key] = line
    return issues


# Reading the text ---------------------------------------------------------------------------------


def _decode(raw: bytes | str, filename: str) -> str:
    size = len(raw.encode("utf-8", "replace")) if isinstance(raw, str) else len(raw)
    if size > MAX_BYTES:
        _fail(filename, (1, 1), f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    if isinstance(raw, bytes):
        if b"\x00" in raw:
            line = raw[: raw.index(b"\x00")].count(b"\n") + 1
            _fail(filename, (line, 1), "not a text file (it contains a NUL byte)")
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            _fail(filename, (line, 1), f"not valid UTF-8 text ({error.reason})")
    assert isinstance(raw, str)
    if "\x00" in raw:
        _fail(filename, (raw[: raw.index("\x00")].count("\n") + 1, 1), "NUL character in text")
    return raw


def _compose(text: str, filename: str) -> Node | None:
    """Parse to nodes without constructing Python values: no tags run, no YAML 1.1 conversions."""
    yaml = YAML(typ="rt")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            root = yaml.compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        _fail(filename, where, _syntax_message(error))
    except ReaderError as error:
        line = text[: error.position].count("\n") + 1
        _fail(
            filename,
            (line, 1),
            f"character U+{error.character:04X} is not allowed in YAML text"
            if isinstance(error.character, int)
            else f"unreadable text: {error.reason}",
        )
    except YAMLError as error:
        _fail(filename, (1, 1), f"YAML error: {error}")
    except RecursionError:
        _fail(filename, (1, 1), f"the YAML is nested too deeply (the limit is {MAX_DEPTH} levels)")
    except Exception as error:  # ruamel fails on some hostile input with bare asserts
        _fail(filename, (1, 1), f"cannot read the YAML ({type(error).__name__}: {error})")
    for warning in caught:
        # ruamel warns (rather than fails) about an anchor defined twice; that is ambiguous data.
        # Its marks are only in the text; the last one is the second occurrence.
        marks = _MARK_TEXT.findall(str(warning.message))
        where = (int(marks[-1][0]), int(marks[-1][1])) if marks else (1, 1)
        _fail(filename, where, f"YAML problem: {_first_line(str(warning.message))}")
    return root


def _syntax_message(error: MarkedYAMLError) -> str:
    problem = str(error.problem or "")
    if "'\\t'" in problem:
        return "a tab character here; YAML indents with spaces only"
    parts = [str(part) for part in (error.context, error.problem) if part]
    return "YAML syntax error: " + (", ".join(parts) or _first_line(str(error)))


def _fail(filename: str, where: Where, message: str) -> Any:
    raise CalendarError([LoadIssue(filename, where[0], where[1], None, None, message)])


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), text)


def _one_line(text: str) -> str:
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


# Nodes to data, with positions --------------------------------------------------------------------


@dataclass
class _Tree:
    """Plain data built from composed nodes, and where each key and value stands in the file."""

    filename: str
    values: dict[Path_, Where] = field(default_factory=dict)
    keys: dict[Path_, Where] = field(default_factory=dict)
    notes: list[tuple[Path_, Where, str]] = field(default_factory=list)
    _count: int = 0
    _open: set[int] = field(default_factory=set)

    def convert(self, node: Node, path: Path_ = ()) -> Any:
        """Dicts, lists, text and None; each node checked for tags, depth, cycles and count."""
        where = _mark(node)
        self.values.setdefault(path, where)
        self._count += 1
        if self._count > MAX_NODES:
            _fail(
                self.filename,
                where,
                f"the file expands to more than {MAX_NODES} values "
                "(YAML aliases repeating a large block?)",
            )
        if len(path) > MAX_DEPTH or id(node) in self._open:
            self._note(path, where, "nested too deeply (or a YAML alias that contains itself)")
            return None
        tag = str(node.tag or "")
        if tag and (not tag.startswith(_CORE_TAG) or "/" in tag.removeprefix(_CORE_TAG)):
            self._note(path, where, f"YAML tag {tag.replace(_CORE_TAG, '!!')} is not allowed")
        if isinstance(node, ScalarNode):
            plain = node.style is None
            if plain and node.value in _NULLS:
                return None
            # ruamel marks the folds of `>` scalars with BEL (for round-tripping): drop them.
            return str(node.value).replace(_FOLD_MARK, "")
        self._open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self._mapping(node, path)
            return None
        finally:
            self._open.discard(id(node))

    def _mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._note(path, _mark(key_node), "a key must be plain text, not a list or mapping")
                continue
            key = str(key_node.value)
            here, key_where = (*path, key), _mark(key_node)
            if key == "<<":
                self._note(
                    path, key_where, "YAML merge keys (<<) are not allowed; write fields out"
                )
                continue
            if key in result:
                first = self.keys[here][0]
                self._note(here, key_where, f"key {key!r} appears twice (first at line {first})")
                continue
            self.keys[here] = key_where
            if _is_empty(value_node):
                # An empty value's mark lies on the next line; the key is where a person looks.
                self.values[here] = key_where
            result[key] = self.convert(value_node, here)
        return result

    def _note(self, path: Path_, where: Where, message: str) -> None:
        self.notes.append((path, where, message))

    def noted(self, data: Any) -> list[LoadIssue]:
        """The problems found while converting, named by event once the event ids are known."""
        data = data if isinstance(data, dict) else {}
        return [
            LoadIssue(self.filename, *where, _event_id(data, path), _field_name(path), message)
            for path, where, message in self.notes
        ]

    def issue(self, path: Path_, data: dict[str, Any], message: str) -> LoadIssue:
        """An issue at ``path``: the value's position, or the nearest enclosing one when absent."""
        where = self.values.get(path) or self.values[_longest_known(path, self.values)]
        return LoadIssue(self.filename, *where, _event_id(data, path), _field_name(path), message)

    def locate(
        self,
        error: ValidationError,
        prefix: Path_,
        data: dict[str, Any],
        skip: frozenset[str] = frozenset(),
        model: type[BaseModel] | None = None,
    ) -> list[LoadIssue]:
        """pydantic's errors for the value at ``prefix``, each at its place in the file."""
        issues = []
        for item in error.errors(include_url=False):
            if item["type"] in skip:
                continue
            loc = tuple(part for part in item["loc"] if not _is_schema_tag(part, item["loc"]))
            path = (*prefix, *loc)
            where = self.keys.get(path) if item["type"] == "extra_forbidden" else None
            where = where or self.values.get(path)
            where = where or self.values[_longest_known(path, self.values)]
            message = _message(item, path, model)
            issues.append(
                LoadIssue(self.filename, *where, _event_id(data, path), _field_name(path), message)
            )
        return issues


def _mark(node: Node) -> Where:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _is_empty(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.style is None and node.value == ""


def _is_schema_tag(part: object, loc: tuple[Any, ...]) -> bool:
    """pydantic puts schema names (``function-before[...]``) in some locations; not fields."""
    return isinstance(part, str) and bool(_PYDANTIC_LOC.match(part)) and part != loc[0]


def _longest_known(path: Path_, positions: dict[Path_, Where]) -> Path_:
    for length in range(len(path), -1, -1):
        if path[:length] in positions:
            return path[:length]
    return ()


def _field_name(path: Path_) -> str | None:
    parts = [str(part) for part in path]
    if len(parts) >= 2 and parts[0] == "events":
        parts = parts[2:]
    return ".".join(parts) or None


def _event_id(data: dict[str, Any], path: Path_) -> str | None:
    if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int):
        events = data.get("events")
        if isinstance(events, list) and path[1] < len(events):
            found = events[path[1]].get("id") if isinstance(events[path[1]], dict) else None
            return found.strip() if isinstance(found, str) and found.strip() else f"#{path[1] + 1}"
    return None


# Messages -----------------------------------------------------------------------------------------

_MODELS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "unstated": Unstated,
    "location": Location,
}


def _model_at(path: Path_) -> type[BaseModel]:
    """The model whose fields a mapping at ``path`` may have (for "did you mean")."""
    names = [part for part in path[:-1] if isinstance(part, str)]
    if names[-1:] and names[-1] in _MODELS:
        return _MODELS[names[-1]]
    return Event if names[:1] == ["events"] else Calendar


def _model_along(root: type[BaseModel], path: Path_) -> type[BaseModel]:
    """The model of the mapping at ``path`` inside ``root``, following its fields' types through
    lists, tuples and dicts (``paragraphs.3.summary`` is a ``Texts``)."""
    model = root
    for part in path:
        field = model.model_fields.get(str(part)) if isinstance(part, str) else None
        if field is None:
            continue  # a list index or a dict key: the same type continues below
        found = _models_in(field.annotation)
        if not found:
            return model
        model = found[0]
    return model


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _message(item: Any, path: Path_, model: type[BaseModel] | None = None) -> str:
    kind, value = item["type"], item.get("input")
    if kind == "extra_forbidden":
        owner = _model_along(model, path[:-1]) if model is not None else _model_at(path)
        fields = list(owner.model_fields)
        close = difflib.get_close_matches(str(path[-1]), fields, n=1)
        hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(fields)
        return f"unknown field (a typo?); {hint}"
    if kind == "missing":
        return "required field is missing"
    if kind == "literal_error":
        return f"{value!r} is not allowed here; use one of {item['ctx']['expected']}"
    if kind == "string_type":
        return "is empty; give a value" if value is None else "must be text, not a list or mapping"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch" and path[-1] == "id":
        return (
            f"{value!r} is not an id: use lowercase letters, digits and hyphens, like ccw-msp-2007"
        )
    if kind in ("tuple_type", "list_type"):
        return "must be a list (lines starting with '- ')"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be a mapping of fields (key: value lines)"
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
