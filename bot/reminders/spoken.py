"""Lead times said in words: "remind me the day before the MSP", "rappelle-moi 2 heures avant".

A free-text request names its lead times in words ("the day before", "a week before", "2 hours
before", "la veille à 18 h", "le matin même"). This module only turns such phrases into the lead
syntax of ``bot.reminders.leads`` (``1d``, ``1w``, ``2h``, ``1d@18h00``, ``0d``) and lets
``parse_leads`` read them, so both the command and the words obey one set of rules and limits
(a refused amount raises the same ``LeadError``). Written lead words ("2d 3h") are taken as they
are. English and French, like the rest of the free-text actions.

Pure: no clock, no I/O.
"""

from __future__ import annotations

import re

from bot.reminders.leads import Lead, is_lead_word, parse_leads
from bot.text.normalize import normalize

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "ten": 10, "twelve": 12, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "sept": 7, "dix": 10, "douze": 12,
}  # fmt: skip
_UNITS = {
    "day": "d", "days": "d", "jour": "d", "jours": "d", "week": "w", "weeks": "w", "semaine": "w",
    "semaines": "w", "hour": "h", "hours": "h", "heure": "h", "heures": "h", "h": "h", "hr": "h",
    "hrs": "h", "minute": "m", "minutes": "m", "min": "m", "mins": "m",
}  # fmt: skip
_AMOUNT = "|".join(sorted(_NUMBERS, key=len, reverse=True))
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
# Times of day after a day lead: "at 18:00", "at 6 pm", "a 18 h", "a 18 h 30" (normalised text:
# punctuation is gone, so "18:00" reads "18 00").
_AT = (
    r"(?:\s+(?:at|a|vers)\s+(?P<hour>\d{1,2})(?:\s*h)?(?:\s+(?P<minute>\d{2}))?"
    r"\s*(?P<pm>pm|am)?)?"
)
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), lead)
    for pattern, lead in (
        (rf"\b(?:the|a|one)\s+day\s+before{_AT}", "1d"),
        (rf"\bthe\s+(?:evening|night)\s+before{_AT}", "1d@18h00"),
        (rf"\bla\s+veille{_AT}", "1d"),
        (rf"\b(?:the\s+morning\s+of|that\s+morning|on\s+the\s+(?:first\s+)?day){_AT}", "0d"),
        (rf"\b(?:le\s+matin\s+meme|le\s+jour\s+meme){_AT}", "0d"),
        (r"\b(?:half\s+an\s+hour|une\s+demi\s+heure)\s+(?:before|avant)", "30m"),
        (rf"(?<!half )(?<!demi )\b(?P<amount>\d{{1,4}}|{_AMOUNT})\s*(?P<unit>{_UNIT})"
         rf"\s+(?:before|ahead|earlier|avant){_AT}", ""),
    )
)  # fmt: skip


def spoken_lead_words(text: str) -> list[str]:
    """The lead words (``1d``, ``2h``, ``1d@18h00``) a request states, in the order it says them."""
    plain = normalize(text)
    found: list[tuple[int, str]] = []
    for pattern, fixed in _PHRASES:
        for match in pattern.finditer(plain):
            word = fixed or _amount_word(match)
            found.append((match.start(), _with_time(word, match)))
    found += [(len(plain) + i, w) for i, w in enumerate(text.split()) if is_lead_word(w)]
    return [word for _, word in sorted(found)]


def spoken_leads(text: str) -> tuple[Lead, ...] | None:
    """The lead times a request states, read by ``parse_leads``; None when it states none.

    Raises ``LeadError`` (from ``parse_leads``) for an amount the command would refuse too.
    """
    words = spoken_lead_words(text)
    return parse_leads(words) if words else None


def _amount_word(match: re.Match[str]) -> str:
    amount, unit = match["amount"], _UNITS[match["unit"]]
    number = int(amount) if amount.isdigit() else _NUMBERS[amount]
    return f"{number}{unit}"


def _with_time(word: str, match: re.Match[str]) -> str:
    """``1d`` with "at 18:00" becomes ``1d@18h00``; a time after an hour lead is left out."""
    hour = match.groupdict().get("hour")
    if hour is None or "@" in word or not word.endswith(("d", "w")):
        return word
    number = int(hour) + (12 if match["pm"] == "pm" and int(hour) < 12 else 0)
    return f"{word}@{number:02d}h{match['minute'] or '00'}"
