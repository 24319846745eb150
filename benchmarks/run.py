"""Run every benchmark in this folder, one after the other, and print their figures.

Usage: ``./dev python benchmarks/run.py [NAME ...]`` (names like ``feed``, ``answers``, ``updates``,
``fanout``, ``burst``, ``failover``). Each benchmark is a script ``bench_<name>.py`` that prints its
own numbers and ratios; the machines are shared and noisy, so compare the ratios printed within one
run rather than absolute figures across runs.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [script for script in scripts if script.stem.removeprefix("bench_") in names]
    failed = 0
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
        print(
            f"--- {script.stem}: exit {result.returncode} in {time.perf_counter() - started:.1f} s"
        )
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
