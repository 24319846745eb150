"""Language benchmark: detection, token normalisation and date reading, per language.

Run: ``.venv/bin/python benchmarks/bench_languages.py [--rounds N]``. First prints the one-off
costs paid on first use (jieba's dictionary, simplemma's per-language data, dateparser's
language data), then the median and 99th percentile CPU time per call of ``detect_language``,
``normalize_tokens`` and ``parse_date_text`` for each of the six languages, over the texts of
tests/text/test_languages.py (warm: after one pass). Target: every p99 under 1 ms, so that these
steps stay a small part of the answers' 10 ms budget; for a text that names a day (it goes
through dateparser) under 5 ms. A question that names no day is turned away before dateparser.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.text.languages import LANGUAGES, detect_language, normalize_tokens, parse_date_text
from tests.text.test_languages import DATES, DETECTION, NORMALIZATION, TODAY

TARGET_P99_MS = 1.0  # detection and tokens, per call
DATE_TARGET_P99_MS = 5.0  # a text that names a day goes through dateparser


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def cpu_ms(call: Callable[[], object]) -> float:
    started = time.process_time_ns()
    call()
    return (time.process_time_ns() - started) / 1e6


def first_use() -> None:
    """Each lazily loaded piece alone; ``prepare()`` (called at start) pays them all at once."""
    print("first use (one-off, CPU ms):")
    print(f"  jieba dictionary        {cpu_ms(lambda: normalize_tokens('会议', 'zh')):8.1f}")
    words = {"en": "meetings", "fr": "réunions", "es": "reuniones", "ru": "дни"}
    for lang, word in words.items():
        spent = cpu_ms(lambda word=word, lang=lang: normalize_tokens(word, lang))
        print(f"  simplemma {lang}            {spent:8.1f}")
    for lang in LANGUAGES:
        text = DATES[lang][0][0]
        spent = cpu_ms(lambda text=text, lang=lang: parse_date_text(text, lang, TODAY))
        print(f"  dateparser {lang}           {spent:8.1f}")


def measure(calls: dict[str, list[Callable[[], object]]], rounds: int) -> dict[str, list[float]]:
    for batch in calls.values():  # warm: caches and lazily loaded data in place
        for call in batch:
            call()
    samples: dict[str, list[float]] = {lang: [] for lang in calls}
    for _ in range(rounds):
        for lang, batch in calls.items():
            samples[lang].extend(cpu_ms(call) for call in batch)
    return samples


def report(title: str, samples: dict[str, list[float]], target: float = TARGET_P99_MS) -> bool:
    print(f"\n{title} (CPU ms per call; target p99 < {target} ms)")
    print("  lang   calls   median     p99     max")
    ok = True
    for lang, values in samples.items():
        p99 = percentile(values, 0.99)
        ok = ok and p99 < target
        print(
            f"  {lang:4} {len(values):7} {statistics.median(values):8.3f} {p99:7.3f}"
            f" {max(values):7.3f}  ({p99 / target:.2f} of target)"
        )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    first_use()
    detection = {
        lang: [lambda text=text: detect_language(text) for text in texts]
        for lang, texts in DETECTION.items()
    }
    tokens = {
        lang: [lambda text=text, lang=lang: normalize_tokens(text, lang) for text, _ in cases]
        for lang, cases in NORMALIZATION.items()
    }
    dates = {
        lang: [lambda text=text, lang=lang: parse_date_text(text, lang, TODAY) for text, _ in cases]
        for lang, cases in DATES.items()
    }
    questions = {
        lang: [lambda text=text, lang=lang: parse_date_text(text, lang, TODAY) for text in texts]
        for lang, texts in DETECTION.items()
    }
    results = [
        report("detect_language", measure(detection, args.rounds)),
        report("normalize_tokens", measure(tokens, args.rounds)),
        # A question that names a day goes through dateparser as a date does: same target.
        report("parse_date_text on questions", measure(questions, args.rounds), DATE_TARGET_P99_MS),
        report(
            "parse_date_text on dates",
            measure(dates, max(1, args.rounds // 4)),
            DATE_TARGET_P99_MS,
        ),
    ]
    print(f"\nevery p99 under its target: {all(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
