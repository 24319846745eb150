"""Wrong personal-feed tokens cost the same whatever they share with a real one.

A request's token is looked up by its SHA-256 digest, so a guess that shares a prefix with a real
token compares no longer than a random one. This prints the median lookup time (SQLite file, 1,000
chats with tokens) of: a random well-formed guess, the real token with its last character changed,
with its first character changed, a malformed guess, and the real token; and each ratio to the
random guess. Interleaved rounds, so load on the shared machine hits every kind alike.
"""

from __future__ import annotations

import secrets
import statistics
import tempfile
import time
from datetime import UTC, datetime

from bot.clock import ManualClock
from bot.storage import Store
from bot.storage.feed_tokens import FeedTokens

CHATS = 1_000
ROUNDS = 4_000


def _flip(char: str) -> str:
    return "A" if char != "A" else "B"


def main() -> None:
    clock = ManualClock(datetime(2007, 11, 1, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{folder}/bench.db", clock)
        tokens = FeedTokens(store.engine, clock)
        real = [tokens.token_for(chat_id) for chat_id in range(1, CHATS + 1)][CHATS // 2]
        kinds = {
            "random guess": lambda: secrets.token_urlsafe(24),
            "real, last char changed": lambda: real[:-1] + _flip(real[-1]),
            "real, first char changed": lambda: _flip(real[0]) + real[1:],
            "malformed (5 chars)": lambda: "abcde",
            "the real token": lambda: real,
        }
        timings: dict[str, list[float]] = {name: [] for name in kinds}
        for _ in range(ROUNDS):
            for name, make in kinds.items():
                guess = make()
                started = time.perf_counter()
                tokens.chat_for(guess)
                timings[name].append(time.perf_counter() - started)
        store.close()
    base = statistics.median(timings["random guess"])
    print(f"feed token lookup, {CHATS} tokens, {ROUNDS} rounds (median per lookup):")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"  {name:26} {median * 1e6:8.1f} µs   ratio {median / base:.3f}")


if __name__ == "__main__":
    main()
