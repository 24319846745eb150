"""Crash soak: the crash test at full size (2,000 chats saturated, 400 at Telegram's pace), on
SQLite and on PostgreSQL when it answers. A calbot worker is SIGKILLed midway through a reminder
fan-out and started again; it prints what was accepted at the kill, left 'sending', resent and
duplicated.

    ./dev python benchmarks/run.py crash        (CALBOT_CRASH_CHATS=N for another size)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    env = {**os.environ, "CALBOT_CRASH_CHATS": os.environ.get("CALBOT_CRASH_CHATS", "2000")}
    test = "tests/reminders/test_crash.py"
    command = [sys.executable, "-m", "pytest", test, "-q", "-s", "-p", "no:cacheprovider"]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
