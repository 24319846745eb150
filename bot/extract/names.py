"""Meeting names as UN texts word them: "the Ninth Annual Conference of the High Contracting Parties
to Amended Protocol II", "its intersessional meeting", "the twenty-first session of the Conference
of the Parties".

A name is a meeting noun ("Meeting", "Conference", "session", ...) with the modifiers before it
(capitalised words, ordinals, a few adjectives such as "intersessional") and its complement after it
("of the States Parties to Protocol V": connectors followed by capitalised words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.dates import MONTHS

KEYWORD = re.compile(
    r"\b(?:[Mm]eeting|[Cc]onference|[Ss]ession|[Ss]ummit|[Ff]orum|[Ww]orkshop|[Ss]eminar|[Ss]ymposium|"
    r"[Cc]onsultation|[Cc]ongress|[Cc]olloqui(?:um|a)|[Hh]earing|"
    r"[Dd]ialogue|[Rr]etreat|[Bb]riefing|[Pp]anel(?: discussion)?|"
    r"[Ss]egment|[Rr]ound[- ]?table|(?<=midterm )review|(?<=mid-term )review|"
    r"(?<=comprehensive )review|(?<=high-level )review|(?<=biennial )review|(?<=th )review|"
    r"(?<=st )review|(?<=nd )review|(?<=rd )review|"
    r"Preparatory Committee|Assembly of States Parties|"
    r"(?<=high-level )event|(?<=special )event|(?<=commemorative )event|(?<=outreach )event|"
    r"(?<=side )event|"
    # Some bodies call their sessions assemblies: "the seventy-seventh World Health Assembly".
    r"(?<=World Health )Assembl(?=y|ies)|(?<=Environment )Assembl(?=y|ies)|"
    r"(?<=World )Assembl(?=(?:y|ies) on))"
    r"(?:s|es|y|ies)?\b"
    # "conference services", "the Forum secretariat": the noun names a thing, not a meeting.
    r"(?!\s+(?i:building|services?|servicing|rooms?|facilities|centre|center|management|"
    r"secretariat|premises|hall|officers?|staff|resources)\b)"
)
_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"]
_TEENS += ["seventeenth", "eighteenth", "nineteenth"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


_TENTHS = {f"{t[:-1]}ieth": 20 + 10 * i for i, t in enumerate(_TENS)}


def ordinal_number(word: str) -> int | None:
    """ "sixty-third" -> 63, "9th" -> 9; None for words that are not ordinals."""
    word = word.lower()
    if word in _UNITS:
        return _UNITS.index(word) + 1
    if word in _TEENS:
        return _TEENS.index(word) + 10
    if word in _TENTHS:
        return _TENTHS[word]
    head, _, unit = word.partition("-")
    if head in _TENS and unit in _UNITS:
        return 20 + 10 * _TENS.index(head) + _UNITS.index(unit) + 1
    found = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(found.group(1)) if found else None


def is_ordinal(word: str) -> bool:
    return ordinal_number(word) is not None


_ADJECTIVES = {
    "intersessional",
    "annual",
    "informal",
    "preparatory",
    "special",
    "regular",
    "organizational",
    "resumed",
    "plenary",
    "ministerial",
    "high-level",
    "biennial",
    "next",
    "review",
    "extraordinary",
    "substantive",
    "expert",
    "technical",
    "international",
    "regional",
    "final",
    "formal",
    "joint",
    # Lower-case nouns that modify a meeting noun: "preparatory committee meeting".
    "committee",
    "experts",
    "panel",
    "group",
    "working",
    "open-ended",
    "round-table",
    "ordinary",
    "thematic",
    "global",
    "subregional",
    "interregional",
    "consultative",
    "commemorative",
    "interactive",
    "parliamentary",
    "quadrennial",
    "triennial",
    "midterm",
    "emergency",
    "hoc",
    "ad",
    # "the first four World Conferences on Women": a count belongs to the name.
    *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
}
# The verb that opens a paragraph ("Decides", "Welcoming") is never part of a name.
_LEAD_VERB = re.compile(r"^[A-Z][a-z]+(?:s|ing)$")
_CONNECTORS = {"of", "to", "for", "on", "the", "and", "against"}


@dataclass(frozen=True)
class Phrase:
    begin: int
    finish: int
    keyword: str


def tokens_left(text: str, end: int) -> int:
    """Extend a meeting noun leftwards over its modifiers: "the Ninth Annual Conference"."""
    begin = end
    words = list(re.finditer(r"[\w'’-]+", text[:end]))
    for index in range(len(words) - 1, -1, -1):
        word = words[index].group(0)
        gap = text[words[index].end() : begin]
        following = text[begin:].split(maxsplit=1)[0] if text[begin:].strip() else ""
        listed = gap.strip() == "," and is_ordinal(word) and is_ordinal(following.strip(","))
        if gap.strip() and not listed:
            break
        previous = words[index - 1].group(0) if index else ""
        if word in ("and", "to") and is_ordinal(previous):
            begin = words[index].start()
            continue
        acceptable = (
            word[:1].isupper()
            or is_ordinal(word)
            or word.lower() in _ADJECTIVES
            or re.fullmatch(r"[a-z]+-[a-z]+", word)  # "multi-stakeholder", "follow-up"
            or re.fullmatch(r"(?:19|20|21)\d\d", word)
        )
        if not acceptable or word in {"The", "A", "An"} or (index == 0 and _LEAD_VERB.match(word)):
            break
        begin = words[index].start()
    # "its management segment", "a youth forum": plain nouns between an article and the name.
    nouns = _ARTICLE_NOUNS.search(text, max(0, begin - 60), begin)
    if nouns and not set(nouns.group(1).split()) & _NOT_MODIFIERS:
        begin = nouns.start(1)
    return begin


_ARTICLE_NOUNS = re.compile(r"\b(?:its|the|a|an|their)\s+((?:[a-z][a-z]+\s+){1,3})$")
_NOT_MODIFIERS = {"and", "or", "of", "to", "in", "for", "on", "at", "by", "with", "from", "that"}
_NOT_MODIFIERS |= {"which", "be", "is", "are", "was", "were", "shall", "will", "this", "such"}
_NOT_MODIFIERS |= {"same", "said", "above", "present", "first", "last", "following"}


def tokens_right(text: str, start: int) -> int:
    """Extend over the complement: "Conference" + " of the States Parties to Protocol V"."""
    end = start
    for word in re.finditer(r"\s*([\w'’-]+)", text[start:]):
        token = word.group(1)
        if text[start + word.start() : start + word.start(1)].strip():
            break  # punctuation ends the name
        if token in _CONNECTORS:
            continue  # kept only if a capitalised word follows
        if not token[:1].isupper() or token in MONTHS:
            break
        end = start + word.end()
    lower = _LOWER_COMPLEMENT.match(text, end)
    if lower is None or _LOWER_COMPLEMENT_GOES_ON.match(text, lower.end()):
        return end  # too long to be a name: the subject of the meeting, not its title
    return lower.end()


# "the conferences on the humanitarian impact of nuclear weapons", "the meeting of experts": a
# complement in lower case, up to a comma or the words that link the name to its date or place.
_STOP = (
    r"(?:held|convened|hosted|organized|to\s+be|to\s+(?:hold|convene|consider|discuss|review|"
    r"prepare|report|commemorate|continue|take|submit|examine)|which|that|whose|who|in|at|from|"
    r"during|on\s+the\s+(?:margins|sidelines|occasion)|be|shall|will|would|was|were|is|are|and\s+the|"
    r"and\s+its|and\s+a|and\s+of|respectively|between|with|before|after|by|under|within|as|"
    r"including|on\s+\d|of\s+\d|(?:" + "|".join(MONTHS) + r"))\b"
)
_LOWER_COMPLEMENT = re.compile(
    rf"\s+(?:on|of|for)\s+(?:the\s+)?(?!{_STOP}|(?:19|20)\d\d)[a-z][\w-]*"
    rf"(?:\s+(?!{_STOP}|\d)[\w'’-]+){{0,12}}"
)
_LOWER_COMPLEMENT_GOES_ON = re.compile(rf"\s+(?!{_STOP}|\d)[\w'’-]+")


def last_keyword(text: str) -> re.Match[str] | None:
    matches = list(KEYWORD.finditer(text))
    return matches[-1] if matches else None


def last_phrase(text: str) -> Phrase | None:
    """The meeting named last in ``text``: "the meeting of the Preparatory Committee for the First
    Conference of ... Protocol V to be held on" names the First Conference; "the twenty-first
    session of the Conference of the Parties" names the session."""
    found = last_keyword(text)
    if found is None:
        return None
    begin = tokens_left(text, found.start())
    enclosing = re.search(rf"({KEYWORD.pattern})\s+(?:of|for)\s+(?:the\s+)?$", text[:begin])
    if enclosing:
        begin = tokens_left(text, enclosing.start())
    # "the Preparatory Committee for the Fourth Review Conference be convened from": the committee
    # is what meets, unless it is itself the complement of another name ("meeting of the ...").
    preparatory = re.search(r"Preparatory\s+Committee\s+for\s+(?:the\s+)?$", text[:begin])
    if preparatory and not re.search(
        rf"(?:{KEYWORD.pattern})\s+of\s+(?:the\s+)?$", text[: preparatory.start()]
    ):
        begin = tokens_left(text, preparatory.start())
    return Phrase(begin, tokens_right(text, found.end()), found.group(0))


def phrases(text: str) -> list[Phrase]:
    """The meeting names in ``text``, in order, each as far as its words reach."""
    out: list[Phrase] = []
    for found in KEYWORD.finditer(text):
        if out and found.start() < out[-1].finish:
            continue
        begin = tokens_left(text, found.start())
        finish = tokens_right(text, found.end())
        out.append(Phrase(begin, finish, found.group(0)))
    return out


def singular(word: str) -> str:
    """ "Conferences" -> "Conference", "Congresses" -> "Congress"; case kept."""
    if word.lower().endswith("sses"):
        return word[:-2]
    if word.lower().endswith("ies"):
        return word[:-3] + ("Y" if word[-3:].isupper() else "y")
    if word.lower().endswith("s") and not word.lower().endswith("ss"):
        return word[:-1]
    return word


def head_of(keyword: str) -> str:
    """The noun two mentions must share to be the same meeting: "conference", "meeting", ..."""
    return singular(keyword.split()[-1]).lower()


_RANGE = re.compile(r"\b([\w-]+)\s+to\s+([\w-]+)\s+(?=\S)")
_FIRST_N = re.compile(
    r"\b(first|last)\s+(two|three|four|five|six|seven|eight|nine|ten)\s+(?=\S)", re.IGNORECASE
)
_COUNTS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_ORDINAL_WORDS = [*_UNITS, *_TEENS]


def _ordinal_word(number: int, like: str) -> str:
    """13 -> "Thirteenth" (capitalised like ``like``); numbers past 19 as "20th"."""
    word = _ORDINAL_WORDS[number - 1] if number <= len(_ORDINAL_WORDS) else f"{number}th"
    return word.capitalize() if like[:1].isupper() else word


def ordinal_titles(title: str) -> list[str] | None:
    """The meetings a plural title numbers: "First to Fifth Meetings of X" -> "First Meeting of
    X", ..., "Fifth Meeting of X"; "the first four World Conferences on Women"; "its fourth, fifth
    and sixth sessions"; "the Fifth Committee's first and second resumed sessions"."""
    if series := ordinal_series(title):
        return series
    found = _RANGE.search(title)
    if found and is_ordinal(found.group(1)) and is_ordinal(found.group(2)):
        low, high = ordinal_number(found.group(1)) or 0, ordinal_number(found.group(2)) or 0
        numbers = range(low, high + 1) if 1 < high - low + 1 <= 30 else range(0)
    elif found := _FIRST_N.search(title):
        if found.group(1).lower() == "last":
            return None
        numbers = range(1, _COUNTS.index(found.group(2).lower()) + 3)
    else:
        return None
    if not numbers:
        return None
    rest = KEYWORD.sub(lambda m: singular(m.group(0)), title[found.end() :], count=1)
    head = title[: found.start()]
    return [f"{head}{_ordinal_word(n, found.group(1))} {rest}" for n in numbers]


def ordinal_series(title: str) -> list[str] | None:
    """ "Twelfth and Thirteenth Annual Conferences of X" -> "Twelfth Annual Conference of X", ..."""
    words = r"[\w-]+"
    for found in re.finditer(rf"(?:^|(?<=\s))((?:{words},?\s+)+?)and\s+({words})\s+(.*)$", title):
        ordinals = [w.strip(",") for w in found.group(1).split()] + [found.group(2)]
        if all(is_ordinal(w) for w in ordinals):
            rest = KEYWORD.sub(lambda m: singular(m.group(0)), found.group(3), count=1)
            head = title[: found.start()]
            return [f"{head}{ordinal} {rest}" for ordinal in ordinals]
    return None


def tidy_title(title: str) -> str:
    """A title as a heading: capitalised, without "its", "next" or a count before it."""
    # "its two substantive sessions": one event each, so neither the owner nor the count is named.
    title = re.sub(
        r"^(?:(?:next|its|their|two|three|four|five|six|seven|eight|nine|ten)\s+)+",
        "",
        title.strip(" ,"),
        flags=re.IGNORECASE,
    )
    return title[:1].upper() + title[1:]


BODY = re.compile(
    r"\b((?:[A-Z][\w-]*\s+){0,8}(?:Group|Committee|Conference|Council|Commission|Board|Forum|"
    r"Assembly)(?:\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,8}){0,4})"
)


def with_body(title: str, before: str) -> str:
    """ "its intersessional meeting" -> "intersessional meeting of the Group of ... Experts":
    "its" is the body named last before it, in its fullest wording in the paragraph."""
    found = [m.group(1) for m in BODY.finditer(before)]
    if not found or " of " in title:
        return title
    noun = re.search(
        r"(Group|Committee|Conference|Council|Commission|Board|Forum|Assembly)", found[-1]
    )
    assert noun is not None
    fullest = max((f for f in found if f.startswith(noun.group(1))), key=len, default=found[-1])
    return f"{title} of the {fullest}"
