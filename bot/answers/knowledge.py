"""The knowledge: what the resolution behind the calendar says, paragraph by paragraph.

Data, not code: ``bot/knowledge.yaml`` holds the resolution's paragraphs (summarised in English and
French), the instruments it names and the documents its footnotes cite. This module validates it
with pydantic and answers small look-ups (a paragraph by id, the paragraphs that mention an event).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from bot.text.official_names import event_title

DEFAULT_KNOWLEDGE_FILE = Path(__file__).resolve().parent.parent / "knowledge.yaml"


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
    """Read and validate a knowledge file (raises pydantic.ValidationError on bad data)."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return Knowledge.model_validate(data)


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
    problems = []
    for paragraph in knowledge.paragraphs:
        for event_id in sorted(set(paragraph.events) - event_ids):
            problems.append(f"paragraph {paragraph.id!r} names unknown event {event_id!r}")
    for lang, translation in sorted(knowledge.translations.items()):
        for section in ("events", "bodies"):
            for event_id in sorted(set(getattr(translation, section)) - event_ids):
                problems.append(f"translations.{lang}.{section} names unknown event {event_id!r}")
    return problems


@dataclass(frozen=True)
class CheckedKnowledge:
    """A calendar's knowledge file read and checked against the calendar (``calbot check``,
    start-up and every reload): ``knowledge`` is None when the file could not be read."""

    path: Path
    knowledge: Knowledge | None
    problems: tuple[str, ...]
    borrowed: bool  # the shipped file, used by another calendar that has none of its own

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
        knowledge = load_knowledge(path)
    except (ValidationError, YAMLError, OSError, ValueError) as error:
        return CheckedKnowledge(path, None, (_first_line(error),), borrowed)
    return CheckedKnowledge(path, knowledge, tuple(check_knowledge(knowledge, event_ids)), borrowed)


def _first_line(error: Exception) -> str:
    """A parse error in one line: pydantic's first error with where it is, or the YAML error."""
    if isinstance(error, ValidationError) and error.errors():
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
        return f"{where}: {first['msg']}{more}"
    return " ".join(str(error).split())[:300]


@cache
def default_knowledge() -> Knowledge:
    """The shipped knowledge, loaded once."""
    return load_knowledge()
