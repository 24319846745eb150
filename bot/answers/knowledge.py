"""The knowledge: what the resolution behind the calendar says, paragraph by paragraph.

Data, not code: ``bot/knowledge.yaml`` holds the resolution's paragraphs (summarised in English and
French), the instruments it names, the documents its footnotes cite, and the words a question about
it uses (its short forms, the symbols it may cite, its phrases for an intent), so that another
calendar with its own knowledge file needs no code change. This module validates it with pydantic,
reporting each error at its line and field as the events loader does, and answers small look-ups
(a paragraph by id, the paragraphs that mention an event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.events.loader import CalendarError, LoadIssue, LocatedYaml, Path_, read_located
from bot.events.lookup import Terms, terms
from bot.text.normalize import normalize
from bot.text.official_names import event_title

DEFAULT_KNOWLEDGE_FILE = Path(__file__).resolve().parent.parent / "knowledge.yaml"


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"{pattern!r} is not a regular expression ({error})") from None
    return pattern


Regex = Annotated[str, AfterValidator(_compiles)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Texts(_Frozen):
    """The same text in English and French."""

    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


class Document(_Frozen):
    """The resolution itself; ``*_fr`` fields are the French wording of the same facts."""

    symbol: str
    source: str = Field(description="The text every entry of the file is taken from")
    title: str
    title_fr: str
    adopted: str
    meeting: str
    meeting_fr: str
    report: str
    committee: str
    committee_fr: str
    session: str
    session_fr: str
    agenda_item: str
    distributed: str
    recalls: str
    recalls_fr: str


class Paragraph(_Frozen):
    """One paragraph: ``preamble 1``..``preamble 6`` or ``operative 1``..``operative 13``."""

    id: str = Field(pattern=r"^(preamble|operative) \d{1,2}$")
    opening: str = Field(description="The paragraph's first words, e.g. 'Welcoming also'")
    summary: Texts
    footnotes: tuple[int, ...] = ()
    events: tuple[str, ...] = Field(default=(), description="Ids of the events it mentions")

    @property
    def part(self) -> str:
        return self.id.split()[0]

    @property
    def number(self) -> int:
        return int(self.id.split()[1])


class Instrument(_Frozen):
    """The Convention, an amendment or a Protocol named by the resolution."""

    id: str
    name: str
    short: str
    name_fr: str
    short_fr: str
    covers: Texts
    footnotes: tuple[int, ...] = ()
    # What people call it ("ERW", "blinding lasers"): "what is X?" is about the instrument.
    aliases: tuple[str, ...] = ()
    # Words that name it in a question naming no meeting, besides its short names ("the
    # Convention"): "what does the Convention say?" is about it (bot.answers.intents).
    called: tuple[str, ...] = ()


class Said(_Frozen):
    """What one paragraph says about something it names."""

    paragraph: str
    text: Texts


class Mention(_Frozen):
    """A body or meeting the resolution names that is no event of the calendar.

    ``meeting``: a meeting the resolution gives no date for (the Third Review Conference), so a
    "when" question hears that, never a guessed date; otherwise a body or person (the
    Secretary-General), whose paragraphs answer any question about it.
    """

    id: str
    name: Texts
    aliases: tuple[str, ...] = Field(min_length=1, description="Phrases that name it, en and fr")
    meeting: bool = False
    says: tuple[Said, ...] = Field(min_length=1)
    footnotes: tuple[int, ...] = ()


class Footnote(_Frozen):
    """A footnote of the resolution and the document it cites."""

    number: int = Field(ge=1)
    citation: str = Field(description="The footnote as printed")
    symbol: str = Field(description="The cited document, 'Ibid.' resolved")
    part: str | None = None
    cited_for: Texts
    from_elsewhere: Texts | None = Field(default=None, description="A fact not in the resolution")
    paragraphs: tuple[str, ...] = ()

    @property
    def reference(self) -> str:
        return f"{self.symbol}, {self.part}" if self.part else self.symbol


class Translation(_Frozen):
    """Names and notes in one language other than English."""

    events: dict[str, str] = {}
    places: dict[str, str] = {}
    # "Geneva": "à Genève": French needs the preposition with the place ("au Siège", "en Suisse").
    places_at: dict[str, str] = {}
    # "event-id field": where a value shown anyway comes from (events.yaml says it in English).
    unstated_sources: dict[str, str] = {}
    bodies: dict[str, str] = {}  # event id -> who meets


class Knowledge(_Frozen):
    """Everything calbot knows about the resolution, validated."""

    document: Document
    paragraphs: tuple[Paragraph, ...]
    instruments: tuple[Instrument, ...]
    footnotes: tuple[Footnote, ...]
    mentions: tuple[Mention, ...] = ()
    translations: dict[str, Translation] = {}
    # Abbreviations people use for what the resolution spells out ("ICRC" -> "Red Cross").
    abbreviations: dict[str, str] = {}
    # Abbreviations people ask about ("what does MOTAPM mean?") and what they stand for.
    glossary: dict[str, Texts] = {}
    # Example questions for /help, per language, naming this document's meetings.
    help_examples: dict[str, tuple[str, ...]] = {}
    # Short forms of this document's names that lookup reads as one word ("ccw" for "Convention on
    # Certain Conventional Weapons"); the generic ones (UNGA, PrepCom) are in words.yaml.
    short_forms: dict[str, tuple[str, ...]] = {}
    # Other documents' symbols a question may cite, as regular expressions (any case); the
    # document's own symbols (``own_symbols``) need no entry.
    symbols: tuple[Regex, ...] = ()
    # Phrases that show an intent (bot.answers.intents) in a question about this document, beyond
    # the language's own in words.yaml: "63rd session" asks about the agenda item.
    intents: dict[str, tuple[str, ...]] = {}

    @field_validator("intents")
    @classmethod
    def _known_intents(cls, intents: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        from bot.answers.intents import Intent

        unknown = sorted(set(intents) - {intent.value for intent in Intent})
        if unknown:
            raise ValueError(f"unknown intent(s) {unknown}; use one of {[i.value for i in Intent]}")
        return intents

    @model_validator(mode="after")
    def _check_references(self) -> Knowledge:
        ids = [paragraph.id for paragraph in self.paragraphs]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate paragraph id")
        numbers = {footnote.number for footnote in self.footnotes}
        for paragraph in self.paragraphs:
            missing = set(paragraph.footnotes) - numbers
            if missing:
                raise ValueError(f"{paragraph.id} cites unknown footnote(s) {sorted(missing)}")
        for footnote in self.footnotes:
            unknown = set(footnote.paragraphs) - set(ids)
            if unknown:
                raise ValueError(f"footnote {footnote.number} names unknown {sorted(unknown)}")
        for mention in self.mentions:
            unknown = {said.paragraph for said in mention.says} - set(ids)
            if unknown or set(mention.footnotes) - numbers:
                raise ValueError(f"mention {mention.id} names unknown paragraphs or footnotes")
        return self

    @property
    def own_symbols(self) -> tuple[str, ...]:
        """The document's own symbols (itself, its number, its report, the resolution it
        recalls): a question naming one is about the document, not about a footnote."""
        document = self.document
        number = document.symbol.split("/", 2)[-1] if document.symbol.count("/") >= 2 else ""
        recalled = document.recalls.split()[1] if len(document.recalls.split()) > 1 else ""
        symbols = (document.symbol, number, document.report, recalled)
        return tuple(dict.fromkeys(symbol for symbol in symbols if symbol))

    @property
    def terms(self) -> Terms:
        """What lookup needs to read this document's short forms (cached per content)."""
        return terms(tuple(sorted(self.short_forms.items())))

    def intent_phrases(self) -> dict[str, tuple[str, ...]]:
        """Intent -> this document's phrases for it, normalised: its ``intents``, with its number
        ("62 57") for the resolution and its committee for facts about it."""
        found = {name: list(listed) for name, listed in self.intents.items()}
        if self.document.symbol.count("/") >= 2:
            found.setdefault("resolution", []).append(self.document.symbol.split("/", 2)[-1])
        committees = (self.document.committee, self.document.committee_fr)
        found.setdefault("document_facts", []).extend(committees)
        return {
            name: tuple(dict.fromkeys(p for p in map(normalize, listed) if p))
            for name, listed in found.items()
        }

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        return next((item for item in self.paragraphs if item.id == paragraph_id), None)

    def footnote(self, number: int) -> Footnote | None:
        return next((item for item in self.footnotes if item.number == number), None)

    def paragraphs_about(self, event_id: str) -> tuple[Paragraph, ...]:
        return tuple(item for item in self.paragraphs if event_id in item.events)

    def event_name(self, event_id: str, lang: str) -> str | None:
        translation = self.translations.get(lang)
        named = translation.events.get(event_id) if translation else None
        return named or event_title(event_id, lang)

    def place(self, name: str, lang: str) -> str:
        translation = self.translations.get(lang)
        return translation.places.get(name, name) if translation else name

    def place_at(self, name: str, lang: str) -> str | None:
        """The place with its preposition ("à Genève"), where the language needs one."""
        translation = self.translations.get(lang)
        return translation.places_at.get(name) if translation else None

    def body(self, event_id: str, lang: str) -> str | None:
        translation = self.translations.get(lang)
        return translation.bodies.get(event_id) if translation else None

    def unstated_source(self, event_id: str, field: str, lang: str) -> str | None:
        translation = self.translations.get(lang)
        return translation.unstated_sources.get(f"{event_id} {field}") if translation else None


def load_knowledge(path: Path = DEFAULT_KNOWLEDGE_FILE) -> Knowledge:
    """Read and validate a knowledge file; ``CalendarError`` names every problem at its line."""
    return _read(path)[0]


def _read(path: Path) -> tuple[Knowledge, LocatedYaml]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        message = error.strerror or str(error)
        raise CalendarError([LoadIssue(str(path), 1, 1, None, None, message)]) from None
    return _parse(raw, str(path))


@lru_cache(maxsize=4)
def _parse(raw: bytes, name: str) -> tuple[Knowledge, LocatedYaml]:
    """A knowledge text, parsed and validated; cached by content like the events file's."""
    located = read_located(raw, name)
    try:
        return Knowledge.model_validate(located.data), located
    except ValidationError as error:
        raise CalendarError(located.issues(error, Knowledge)) from None


def knowledge_file_for(events_file: Path) -> Path:
    """The knowledge file of an events file: ``knowledge.yaml`` beside it, else the shipped one
    (so another conference brings its own file and no code changes)."""
    beside = events_file.parent / "knowledge.yaml"
    return beside if beside.is_file() else DEFAULT_KNOWLEDGE_FILE


@cache
def knowledge_for(events_file: Path) -> Knowledge:
    """The knowledge answers about ``events_file``'s calendar use (loaded once per file)."""
    return load_knowledge(knowledge_file_for(events_file))


def check_knowledge(knowledge: Knowledge, event_ids: set[str]) -> list[str]:
    """What in ``knowledge`` names events the calendar does not hold (one line each)."""
    return [message for _, message in _unknown_events(knowledge, event_ids)]


def _unknown_events(knowledge: Knowledge, event_ids: set[str]) -> list[tuple[Path_, str]]:
    """Each reference to an event the calendar does not hold, with where it is in the file."""
    problems: list[tuple[Path_, str]] = []
    for number, paragraph in enumerate(knowledge.paragraphs):
        for index, event_id in enumerate(paragraph.events):
            if event_id not in event_ids:
                message = f"paragraph {paragraph.id!r} names unknown event {event_id!r}"
                problems.append((("paragraphs", number, "events", index), message))
    for lang, translation in sorted(knowledge.translations.items()):
        for section in ("events", "bodies"):
            for event_id in sorted(set(getattr(translation, section)) - event_ids):
                message = f"translations.{lang}.{section} names unknown event {event_id!r}"
                problems.append((("translations", lang, section, event_id), message))
    return problems


@dataclass(frozen=True)
class CheckedKnowledge:
    """A calendar's knowledge file read and checked against the calendar (``calbot check``,
    start-up and every reload): ``knowledge`` is None when the file could not be read."""

    path: Path
    knowledge: Knowledge | None
    issues: tuple[LoadIssue, ...]  # each problem at its line and field
    borrowed: bool  # the shipped file, used by another calendar that has none of its own

    @property
    def problems(self) -> tuple[str, ...]:
        """Each problem in one line, starting with where it is (``knowledge.yaml:12:5: ...``)."""
        return tuple(str(issue) for issue in self.issues)

    @property
    def usable(self) -> bool:
        """Whether answers may use it: read, and naming only the calendar's events (the shipped
        file lent to another calendar may name others: a note, not an error)."""
        return self.knowledge is not None and (not self.problems or self.borrowed)


def check_knowledge_file(events_file: Path, event_ids: set[str]) -> CheckedKnowledge:
    """Read ``events_file``'s knowledge file (``knowledge_file_for``) and check it names only
    ``event_ids``; never raises for a bad file (the problems say why)."""
    from bot.config import DEFAULT_EVENTS_FILE

    path = knowledge_file_for(events_file)
    borrowed = path == DEFAULT_KNOWLEDGE_FILE and events_file.resolve() != DEFAULT_EVENTS_FILE
    try:
        knowledge, located = _read(path)
    except CalendarError as error:
        return CheckedKnowledge(path, None, tuple(error.issues), borrowed)
    issues = tuple(
        located.issue(where, message) for where, message in _unknown_events(knowledge, event_ids)
    )
    return CheckedKnowledge(path, knowledge, issues, borrowed)


@cache
def default_knowledge() -> Knowledge:
    """The shipped knowledge, loaded once."""
    return load_knowledge()
