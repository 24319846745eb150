"""Recall, precision, paragraph-right and place-right of ``extract_from_text`` on the blind texts.

Run ``./dev python -m tests.extract.blind [SET] [--markdown] [-v]``, SET being a folder of
``tests/extract/blind/``: ``first`` (written before the extractor was run on it), then ``heldout``,
``heldout2``, ... (each written after the previous fixes, never tuned on before its first run).
``--markdown`` reads the ODS texts in the Markdown-from-PDF layout (``tests.extract.layouts``).

An expected event and a proposed one match when their start and end agree (among several, the one
in the same paragraph, then with the same place, then with the closest title). Undated proposals
(agenda items) are left out of both counts: the texts annotate dated meetings.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bot.extract.output import to_json_list
from bot.extract.propose import extract_from_text
from tests.extract.layouts import ods_to_markdown

BLIND = Path(__file__).parent / "blind"
# A title is close when rapidfuzz's token set ratio says the words mostly agree ("Review Conference"
# against "Review Conference of the States Parties" scores 100; "Session" against "twenty-sixth
# ordinary session of the Conference of Heads of State" about 50).
_TITLE_CLOSE = 80


@dataclass
class Figures:
    """Counts over one or more texts, and the misses to show with ``-v``."""

    expected: int = 0
    proposed: int = 0
    matched: int = 0
    paragraph_right: int = 0
    place_right: int = 0
    title_close: int = 0
    adoptions: int = 0
    adoptions_marked: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Figures) -> None:
        for name in (
            "expected",
            "proposed",
            "matched",
            "paragraph_right",
            "place_right",
            "title_close",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.adoptions += other.adoptions
        self.adoptions_marked += other.adoptions_marked
        self.misses += other.misses

    @property
    def recall(self) -> float:
        return self.matched / max(self.expected, 1)

    @property
    def precision(self) -> float:
        return self.matched / max(self.proposed, 1)

    @property
    def paragraph(self) -> float:
        return self.paragraph_right / max(self.matched, 1)

    @property
    def place(self) -> float:
        return self.place_right / max(self.matched, 1)

    def line(self) -> str:
        return (
            f"recall {self.recall:.2f} ({self.matched}/{self.expected}), "
            f"precision {self.precision:.2f} ({self.matched}/{self.proposed}), "
            f"paragraph right {self.paragraph:.2f}, place right {self.place:.2f}, "
            f"title close {self.title_close / max(self.matched, 1):.2f}, "
            f"adoption marked {self.adoptions_marked}/{self.adoptions}"
        )


def _place(value: str | None) -> str:
    return re.sub(r"^the\s+", "", " ".join((value or "").split()).casefold())


def _rank(expected: dict[str, Any], found: dict[str, Any]) -> tuple[bool, bool, float]:
    return (
        expected["paragraph"] == found["paragraph"],
        _place(expected["place"]) == _place(found["place"]),
        fuzz.token_set_ratio(expected["title"].lower(), found["title"].lower()),
    )


def score(text: str, expected: list[dict[str, Any]], name: str = "") -> Figures:
    """Match the proposals for ``text`` against ``expected`` and count."""
    found = [e for e in to_json_list(extract_from_text(text)) if e["start"] is not None]
    figures = Figures(expected=len(expected), proposed=len(found))
    free = list(found)
    for want in expected:
        same = [f for f in free if (f["start"], f["end"]) == (want["start"], want["end"])]
        if not same:
            figures.misses.append(f"{name}: missed {want['start']} {want['title']!r}")
            continue
        best = max(same, key=lambda f: _rank(want, f))
        free.remove(best)
        figures.matched += 1
        figures.paragraph_right += best["paragraph"] == want["paragraph"]
        figures.place_right += _place(best["place"]) == _place(want["place"])
        figures.title_close += _rank(want, best)[2] >= _TITLE_CLOSE
        if want.get("adoption"):
            figures.adoptions += 1
            figures.adoptions_marked += bool(best.get("adoption"))
        for key, right in (("paragraph", want["paragraph"]), ("place", want["place"])):
            if key == "place" and _place(best["place"]) == _place(right):
                continue
            if key == "paragraph" and best["paragraph"] == right:
                continue
            figures.misses.append(f"{name}: {want['start']} {key} {best[key]!r}, want {right!r}")
    figures.misses += [
        f"{name}: extra {f['start']} {f['title']!r} ({f['paragraph']})" for f in free
    ]
    return figures


def texts(folder: Path, markdown: bool) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(name, text, expected) for each blind text; ODS texts in Markdown when asked."""
    out = []
    for path in sorted(folder.glob("*.expected.json")):
        source = next(folder.glob(path.name.replace(".expected.json", ".*[dt]")))
        text = source.read_text(encoding="utf-8")
        if markdown:
            if source.suffix != ".txt":
                continue
            text = ods_to_markdown(text)
        out.append((source.name, text, json.loads(path.read_text(encoding="utf-8"))))
    return out


def measure(folder: Path, markdown: bool = False) -> tuple[Figures, dict[str, Figures]]:
    total, each = Figures(), {}
    for name, text, expected in texts(folder, markdown):
        each[name] = score(text, expected, name)
        total.add(each[name])
    return total, each


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sets = sorted(p.name for p in BLIND.iterdir() if p.is_dir())
    parser.add_argument("set", nargs="?", default="first", choices=sets)
    parser.add_argument("--markdown", action="store_true", help="ODS texts as Markdown")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    total, each = measure(BLIND / args.set, args.markdown)
    for name, figures in each.items():
        print(f"{name}: {figures.line()}")
    print(f"all: {total.line()}")
    if args.verbose:
        print("\n".join(total.misses))


if __name__ == "__main__":
    main()
