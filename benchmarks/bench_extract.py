"""Extraction benchmark: how long ``extract_from_text`` takes on resolutions, and on run-on text.

Run: ``./dev python benchmarks/run.py extract``. Prints the median time per resolution over the
blind texts (``tests/extract/blind``) and the seed A/RES/62/57, then the time for one paragraph of
N words of meeting vocabulary with no full stop or semicolon (N = 2,000, 4,000, 8,000), and the
ratio of the last two: about 2 means the time grows linearly with the paragraph, about 4 that it
grows with its square. A resolution is a few thousand words, so these are worst cases, not targets.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.extract.propose import extract_from_text  # noqa: E402

SEED = Path("/work/shared/seed/A_RES_62_57.txt")
VOCABULARY = [
    "Geneva",
    "New York",
    "Conference",
    "Meeting",
    "of",
    "the",
    "and",
    "in",
    "held",
    "on",
    "5 June 2020",
    "(1999)",
    ",",
    "Parties",
    "States",
]


def _seconds(text: str) -> float:
    started = time.perf_counter()
    extract_from_text(text)
    return time.perf_counter() - started


def resolutions() -> None:
    paths = sorted((ROOT / "tests/extract/blind").glob("*/*.[tm][xd]*"))
    texts = [p.read_text(encoding="utf-8") for p in paths if p.suffix in (".txt", ".md")]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    times = [min(_seconds(text) for _ in range(3)) for text in texts]
    print(
        f"{len(texts)} resolutions: median {statistics.median(times) * 1000:.1f} ms, "
        f"slowest {max(times) * 1000:.1f} ms"
    )


def run_on(words: int) -> float:
    chosen = random.Random(words).choices(VOCABULARY, k=words)
    return _seconds("The General Assembly,\n\t" + " ".join(chosen))


def main() -> None:
    resolutions()
    figures = {words: run_on(words) for words in (2000, 4000, 8000)}
    for words, seconds in figures.items():
        print(f"one paragraph of {words:,} words: {seconds:.2f} s")
    print(f"8,000 / 4,000 words: {figures[8000] / figures[4000]:.1f}x")


if __name__ == "__main__":
    main()
