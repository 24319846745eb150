"""How a Telegram client lays out a line of mixed Arabic and Latin text."""

from __future__ import annotations

import unicodedata


def reads_right_to_left(line: str) -> bool:
    """Unicode bidi rule P2: a paragraph takes the side of its first strong character."""
    for char in line:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def has_arabic(line: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in line)
