"""Precision and recall of ``extract_from_text`` on the synthetic corpus.

Run ``python -m tests.extract.measure``. Strict: start, end, paragraph, place and status all agree;
dates: start, end and paragraph agree.
"""

from __future__ import annotations

from bot.extract.output import to_json_list
from bot.extract.propose import extract_from_text
from tests.extract.helpers import CORPUS, KEYS, expected_for


def _score(
    found: set[tuple[object, ...]], expected: set[tuple[object, ...]]
) -> tuple[int, int, int]:
    return len(found & expected), len(found), len(expected)


def main() -> None:
    totals = {"strict": [0, 0, 0], "dates": [0, 0, 0]}
    for path in CORPUS:
        found = to_json_list(extract_from_text(path.read_text(encoding="utf-8")))
        expected = expected_for(path)
        for name, keys in (("strict", KEYS), ("dates", KEYS[:3])):
            hits, got, want = _score(
                {tuple(e[k] for k in keys) for e in found},
                {tuple(e[k] for k in keys) for e in expected},
            )
            totals[name] = [a + b for a, b in zip(totals[name], (hits, got, want), strict=True)]
            if name == "strict":
                print(f"{path.name}: {hits}/{got} proposed correct, {hits}/{want} expected found")
    for name, (hits, got, want) in totals.items():
        print(f"{name}: precision {hits / max(got, 1):.2f}, recall {hits / max(want, 1):.2f}")


if __name__ == "__main__":
    main()
