"""``calbot extract FILE [--format yaml|json] [--merge events.yaml]``: propose events from a
resolution.

Reads the text (ODS plain text or Markdown), prints the proposed events, or adds the new ones to an
events file. Bad input (missing, empty, binary, undated) gets one clear line on stderr and a
non-zero exit code.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from bot.extract.merge import merge_into
from bot.extract.output import summary, to_events_yaml, to_json_list
from bot.extract.propose import ExtractionResult, extract_from_text

MAX_BYTES = 5 * 1024 * 1024
EXIT_NOTHING = 1  # the text was read but names no dated meeting
EXIT_BAD_INPUT = 2


class InputError(Exception):
    """The file cannot be read as a resolution's text; the message says why."""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    extract = subparsers.add_parser(
        "extract",
        parents=[common],
        help="propose calendar events from a UN resolution's text, with provenance",
    )
    extract.add_argument("file", type=Path, help="the resolution: ODS plain text or Markdown")
    extract.add_argument("--format", choices=("yaml", "json"), default="yaml", help="default: yaml")
    extract.add_argument(
        "--merge", type=Path, metavar="EVENTS_YAML", help="add the new events to this events file"
    )
    extract.set_defaults(func=run_extract)


def read_text(path: Path) -> str:
    """The file's text, or ``InputError`` for a file that is missing, too big, binary or empty."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    if len(raw) > MAX_BYTES:
        raise InputError(
            f"{path} is {len(raw)} bytes; a resolution is far smaller (limit {MAX_BYTES})"
        )
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path} looks like a binary file, not text (save the resolution as text)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # older ODS exports are Windows-1252
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > len(text) // 20:
        raise InputError(f"{path} looks like a binary file, not text (save the resolution as text)")
    if not text.strip():
        raise InputError(f"{path} is empty")
    return text


def run_extract(args: argparse.Namespace) -> int:
    try:
        text = read_text(args.file)
    except InputError as error:
        print(f"calbot extract: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = extract_from_text(text)
    if not result.events:
        print(f"calbot extract: {args.file}: {summary(result)}", file=sys.stderr)
        return EXIT_NOTHING
    if args.merge is not None:
        return _merge(args.merge, result)
    if args.format == "json":
        print(json.dumps(to_json_list(result), ensure_ascii=False, indent=2))
    else:
        print(to_events_yaml(result), end="")
    print(summary(result), file=sys.stderr)
    return 0


def _merge(target: Path, result: ExtractionResult) -> int:
    try:
        existing = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"calbot extract: cannot read {target}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    merged = merge_into(existing, str(target), result)  # CalendarError: printed by bot.cli.main
    if merged.added:
        _write_atomically(target, merged.text)
    for title, event_id in merged.present:
        print(f"already there: {title} (= {event_id})")
    for event_id in merged.added:
        print(f"added: {event_id}")
    print(f"{target}: {len(merged.added)} added, {len(merged.present)} already there")
    return 0


def _write_atomically(target: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, target)
