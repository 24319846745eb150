"""Mentions -> proposed events: the same meeting named in several paragraphs becomes one event with
several sources.

Mentions are placed most precise first (a day before a month before a year), then in document order,
so an event's first source is the paragraph that dates it best ("preamble 5" for a conference named
again, undated-er, in "operative 11"). A less precise mention ("the next Meeting of the States
Parties in 2007") joins an event whose dates it contains and whose name it matches; two ordinals
that differ ("First", "Second") never match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from rapidfuzz import fuzz

from bot.extract.carried import last_place
from bot.extract.dates import DateMention
from bot.extract.document import Document, parse_document
from bot.extract.formal import find_adoption, find_agenda_items
from bot.extract.meetings import find_mentions
from bot.extract.mention import Mention
from bot.extract.names import is_ordinal, singular
from bot.extract.places import Place

_RANK = {"day": 0, "month": 1, "year": 2, "none": 3}
_SAME_DATES_SCORE = 60
_CONTAINED_SCORE = 85


@dataclass(frozen=True)
class Citation:
    """Another paragraph naming the same meeting."""

    paragraph: str
    quote: str


@dataclass(frozen=True)
class ProposedEvent:
    """A meeting the text names, with everything the text says about it and nothing more."""

    title: str
    kind: str  # conference | meeting | agenda_item
    start: str | None
    end: str | None
    precision: str  # day | month | year | none
    place: Place | None
    paragraph: str
    quote: str
    status: str  # past | future | agenda_item
    also_mentioned: tuple[Citation, ...]
    notes: tuple[str, ...]
    adoption: bool = False  # the meeting that adopted the document itself


@dataclass(frozen=True)
class ExtractionResult:
    """What ``extract_from_text`` found: the document's symbol and the proposed events."""

    document: str | None
    body: str | None
    adopted: str | None
    events: tuple[ProposedEvent, ...]
    paragraphs: int


def extract_from_text(text: str) -> ExtractionResult:
    """Propose the meetings a resolution's text names. Pure; never raises on odd text."""
    document = parse_document(text)
    mentions = _all_mentions(document)
    adoption = next((m for m in mentions if m.head == "adoption"), None)
    adopted = adoption.start if adoption else None
    groups = _merge(mentions)
    events = tuple(_event(group, adopted) for group in groups)
    return ExtractionResult(
        document.symbol, document.body, adopted, events, len(document.paragraphs)
    )


def _all_mentions(document: Document) -> list[Mention]:
    out: list[Mention] = []
    texts = {paragraph.label: paragraph.text for paragraph in document.paragraphs}
    for paragraph in document.paragraphs:
        if paragraph.part in ("preamble", "operative", "annex", "footnote"):
            parent = _parent(paragraph.label)
            lead, outer = texts.get(parent, ""), texts.get(_parent(parent), "")
            out += find_mentions(paragraph, lead, outer, _year_of_neighbour(paragraph.text, out))
            out += find_agenda_items(paragraph, document.body)
    body = [p for p in document.paragraphs if p.part in ("preamble", "operative")]
    previous = {later.label: earlier.text for earlier, later in pairwise(body)}
    notes = {p.label: p.text for p in document.paragraphs if p.part == "footnote"}
    return _with_host_places(out, previous, notes) + find_adoption(document)


# "held in Panama City on 16 and 17 April, which preceded the ninth meeting of the Forum".
_NEIGHBOUR = re.compile(
    r"\b(?:preceded|followed|precedes|follows|precede|follow|ahead\s+of|on\s+the\s+eve\s+of|"
    r"(?:immediately\s+|just\s+)?(?:after|before))\s+"
    r"(?:by\s+)?(?:the|its)\s+(?P<name>[^,;.]{5,160})"
)


_ANAPHORA = re.compile(r"\b(?:held|convened|organized)\s+there\b|\bin\s+the\s+same\s+city\b")


def _year_of_neighbour(text: str, earlier: list[Mention]) -> int | None:
    """The year of the meeting a paragraph says its days preceded or followed, when an earlier
    paragraph dates that meeting (the paragraph itself gives no year)."""
    found = _NEIGHBOUR.search(text)
    if found is None:
        # "the expert round table ... held there on 24 October": the year of the paragraph before.
        if _ANAPHORA.search(text) and earlier and earlier[-1].start:
            return int(earlier[-1].start[:4])
        return None
    name = found.group("name")
    years = [m.start[:4] for m in earlier if m.start and _same_name(m.title, name)]
    return int(years[-1]) if years else None


def _with_host_places(
    mentions: list[Mention], previous: dict[str, str], notes: dict[str, str]
) -> list[Mention]:
    """A meeting held on the margins of another, named earlier with its place, is held there; one
    "held there" is held at the place the paragraph before names last ("the inauguration of the
    premises in Kathmandu"), else where the meeting named before it was."""
    out: list[Mention] = []
    for mention in mentions:
        if mention.host and mention.place is None:
            hosts = [m for m in out if m.place and _same_name(m.title, mention.host)]
            if hosts:
                mention = replace(mention, place=hosts[-1].place)
        if mention.held_there and mention.place is None and mention.paragraph in notes:
            mention = replace(mention, place=_place_of_subject(notes[mention.paragraph], out))
        elif mention.held_there and mention.place is None:
            before = [m for m in out if m.paragraph != mention.paragraph]
            named = last_place(previous.get(mention.paragraph, ""))
            place = named or (before[-1].place if before else None)
            mention = replace(mention, place=place)
        out.append(mention)
    return out


_SUBJECT_OF_NOTE = re.compile(
    r"^(?:The|This|That)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:was|were|had\s+been)\s+"
)


def _place_of_subject(note: str, earlier: list[Mention]) -> Place | None:
    """ "The seminar was followed by a meeting ... held there": where the seminar was."""
    found = _SUBJECT_OF_NOTE.match(note)
    noun = found.group(1).lower() if found else ""
    placed = [m for m in earlier if m.place and noun and noun in m.title.lower()]
    return placed[-1].place if placed else None


def _same_name(title: str, other: str) -> bool:
    if _ordinals(title) != _ordinals(other):
        return False
    return fuzz.token_set_ratio(_normal(title), _normal(other)) >= _CONTAINED_SCORE


def _parent(label: str) -> str:
    """ "operative 4(a)(ii)" -> "operative 4(a)"; a numbered paragraph has none."""
    return re.sub(r"\([a-z]{1,4}\)$", "", label) if label.endswith(")") else ""


def _merge(mentions: list[Mention]) -> list[list[Mention]]:
    order = {id(m): i for i, m in enumerate(mentions)}
    placed: list[list[Mention]] = []
    for mention in sorted(mentions, key=lambda m: (_RANK[m.precision], order[id(m)])):
        best, best_score = None, 0.0
        for group in placed:
            score = _match(group[0], mention)
            if score > best_score:
                best, best_score = group, score
        if best is None:
            placed.append([mention])
        else:
            best.append(mention)
    for group in placed:
        group[1:] = sorted(group[1:], key=lambda m: order[id(m)])
    return sorted(placed, key=lambda g: (g[0].start or "9999", order[id(g[0])]))


def _match(primary: Mention, other: Mention) -> float:
    """How surely ``other`` names the same meeting as ``primary`` (0: not at all)."""
    if primary.head != other.head:
        return 0.0
    if primary.head == "agenda item":
        return 100.0 if primary.title == other.title else 0.0
    if primary.start is None or other.start is None:
        return 0.0
    places = {_normal(m.place.text) for m in (primary, other) if m.place}
    if len(places) > 1 and primary.paragraph == other.paragraph:
        return 0.0  # "regional meetings held in Bangkok, Geneva and Santiago": one per city
    cities = {_normal(m.place.city) for m in (primary, other) if m.place and m.place.city}
    if len(cities) > 1:
        return 0.0  # the regional consultations in Addis Ababa (2026) and in Santiago (2026-11)
    ordinals, others = _ordinals(primary.title), _ordinals(other.title)
    if ordinals and others and ordinals != others:
        return 0.0
    if _qualified(other, primary) or _qualified(primary, other):
        return 0.0
    score = fuzz.token_set_ratio(_normal(primary.title), _normal(other.title))
    same = (primary.start, primary.end) == (other.start, other.end)
    if same and primary.precision == other.precision:
        return score if score >= _SAME_DATES_SCORE or primary.head == "adoption" else 0.0
    if _contains(other, primary) and score >= _CONTAINED_SCORE:
        return score
    return 0.0


_QUALIFIERS = {"organizational", "resumed", "special", "substantive", "preparatory", "informal"}
_QUALIFIERS |= {"extraordinary", "regional", "ministerial", "commemorative", "intersessional"}


def _qualified(one: Mention, other: Mention) -> bool:
    """ "the organizational session of the Committee in 2025" is not its "sixty-fifth session from
    2 to 27 June 2025": one says what kind of session (a word before its meeting noun), and the
    other does not."""
    theirs = set(_normal(other.title).split())
    return any(w in _QUALIFIERS and w not in theirs for w in _modifiers(one))


def _modifiers(mention: Mention) -> list[str]:
    """The words just before the meeting noun: "Resumed session of ..." -> ["resumed"]."""
    words = re.findall(r"[\w-]+", mention.title.lower())
    if mention.head not in [singular(w) for w in words]:
        return []
    at = [singular(w) for w in words].index(mention.head)
    return words[max(0, at - 3) : at]


def _contains(outer: Mention, inner: Mention) -> bool:
    assert outer.start and outer.end and inner.start and inner.end
    wide = DateMention(outer.start, outer.end, outer.precision, 0, 0)
    narrow = DateMention(inner.start, inner.end, inner.precision, 0, 0)
    return wide.first <= narrow.first and narrow.last <= wide.last


def _ordinals(title: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w-]+", title) if is_ordinal(w)}


def _normal(title: str) -> str:
    words = re.findall(r"[a-z]+", re.sub(r"\b\d{4}\b", " ", title.lower()))
    return " ".join(w for w in words if w not in {"the", "a", "an", "of", "to", "next", "its"})


def _event(group: list[Mention], adopted: str | None) -> ProposedEvent:
    primary = group[0]
    place = primary.place or next((m.place for m in group if m.place), None)
    seen = {(primary.paragraph, primary.quote)}
    also = []
    for mention in group[1:]:
        if (mention.paragraph, mention.quote) not in seen:
            seen.add((mention.paragraph, mention.quote))
            also.append(Citation(mention.paragraph, mention.quote))
    notes = list(dict.fromkeys(note for m in group for note in m.notes))
    if primary.status == "future" and adopted and primary.end and primary.end < adopted:
        notes.append(
            f"The text says this is to be held, but the document was adopted on {adopted}, "
            "after it; "
            "the status follows the wording, not the adoption date."
        )
    kind = {"agenda item": "agenda_item", "conference": "conference"}.get(primary.head, "meeting")
    return ProposedEvent(
        title=primary.title,
        kind=kind,
        start=primary.start,
        end=primary.end,
        precision=primary.precision,
        place=place,
        paragraph=primary.paragraph,
        quote=primary.quote,
        status=primary.status,
        also_mentioned=tuple(also),
        notes=tuple(notes),
        adoption=primary.head == "adoption",
    )
