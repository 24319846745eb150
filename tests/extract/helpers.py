"""Shared helpers for the extract tests: fixture paths and running the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main

DATA = Path(__file__).parent / "data"
SEED = Path("/work/shared/seed/A_RES_62_57.txt")
CORPUS = sorted(path for path in DATA.iterdir() if path.suffix in (".txt", ".md"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def extract_json(capsys: pytest.CaptureFixture[str], path: Path) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "extract", str(path), "--format", "json")
    assert code == 0, err
    return json.loads(out)


def expected_for(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))


KEYS = ("start", "end", "paragraph", "place", "status")


def keyed(events: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {tuple(event[key] for key in KEYS) for event in events}
