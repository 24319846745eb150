"""The event model: a calendar of meetings, each with the provenance of its facts.

Frozen pydantic models, built by ``bot.events.loader`` from events.yaml. The model knows dates,
zones and sources; it never reads the clock (queries take ``now`` as an argument).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from bot.events.when import MAX_YEAR, MIN_YEAR, When

Kind = Literal["conference", "meeting", "agenda_item", "background"]
Status = Literal["confirmed", "tentative", "cancelled"]
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"


def _parse_when(value: object) -> When:
    if isinstance(value, When):
        return value
    if isinstance(value, datetime):
        return When.parse(value.isoformat())
    if isinstance(value, date):
        return When.parse(value.isoformat())
    if isinstance(value, str):
        return When.parse(value)
    raise ValueError("must be a date written as text, like 2007-11-05")


def _parse_zone(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be an IANA time zone name, like Europe/Zurich")
    name = value.strip()
    try:
        ZoneInfo(name)
    # A hostile name ("../x", 5000 characters) fails as ValueError or OSError, not as "not found".
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        shown = name if len(name) <= 60 else name[:57] + "..."
        raise ValueError(
            f"unknown time zone {shown!r}; use an IANA name like Europe/Zurich"
        ) from error
    return name


def _parse_aware(value: object) -> datetime:
    example = "like 2007-12-05T00:00:00Z"
    try:
        instant = datetime.fromisoformat(value.strip()) if isinstance(value, str) else value
    except ValueError:
        raise ValueError(f"{value!r} is not a date-time; write it {example}") from None
    if not isinstance(instant, datetime):
        raise ValueError(f"must be a date-time with a UTC offset, {example}")
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{value!r} has no UTC offset; write it {example}")
    if not MIN_YEAR <= instant.year <= MAX_YEAR:
        # Also keeps astimezone() clear of datetime's limits (year 1 minus an offset overflows).
        raise ValueError(f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return instant.astimezone(UTC)


WhenField = Annotated[When, BeforeValidator(_parse_when)]
ZoneName = Annotated[str, BeforeValidator(_parse_zone)]
AwareDatetime = Annotated[datetime, BeforeValidator(_parse_aware)]


class _Frozen(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, arbitrary_types_allowed=True
    )


class Source(_Frozen):
    """Where a fact comes from: a document symbol, a paragraph in it and the words it uses."""

    document: str = Field(min_length=1, description="Document symbol, e.g. A/RES/62/57")
    paragraph: str | None = Field(
        default=None, description='"preamble 4", "operative 11", "footnote 6"; None for the whole'
    )
    quote: str | None = Field(default=None, description="A short verbatim quote")
    url: str | None = None


class Unstated(_Frozen):
    """A fact the sources do not give, said plainly.

    ``source`` names where a value shown anyway comes from.
    """

    field: str = Field(min_length=1, description="location, start, time, days, ...")
    note: str = Field(min_length=1)
    source: str | None = Field(default=None, description="Where the value shown comes from, if any")


class Location(_Frozen):
    """Where a meeting is held. Any part may be unknown."""

    venue: str | None = None
    city: str | None = None
    country: str | None = None

    def text(self) -> str:
        return ", ".join(part for part in (self.venue, self.city, self.country) if part)


class Event(_Frozen):
    """One meeting, conference, agenda item or background event."""

    id: str = Field(pattern=SLUG_PATTERN, description="Stable slug; the feed UID derives from it")
    title: str = Field(min_length=1)
    short_name: str | None = None
    aliases: tuple[str, ...] = ()
    kind: Kind
    start: WhenField
    end: WhenField | None = Field(default=None, description="Inclusive; None means same as start")
    timezone: ZoneName | None = None
    location: Location | None = None
    body: str | None = Field(default=None, description="The body that meets")
    description: str = ""
    status: Status = "confirmed"
    sources: tuple[Source, ...] = ()
    unstated: tuple[Unstated, ...] = ()
    updated: AwareDatetime | None = Field(default=None, description="Last revision of this entry")
    url: str | None = None

    @model_validator(mode="after")
    def _check_times(self) -> Event:
        problems = time_problems(self.start, self.end, self.timezone)
        if problems:
            # The field rides along in ctx so the loader can point at that field's line.
            field, message = problems[0]
            raise PydanticCustomError(TIME_ERROR, "{message}", {"field": field, "message": message})
        return self

    # Derived values -------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The name people use: the short name where there is one."""
        return self.short_name or self.title

    @property
    def finish(self) -> When:
        return self.end or self.start

    @property
    def is_timed(self) -> bool:
        return self.start.is_timed

    @property
    def precision(self) -> str:
        return self.start.precision

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone or "UTC")

    @property
    def first_day(self) -> date:
        """First day, in the event's own zone."""
        if self.start.instant:
            return self.start.instant.astimezone(self.zone).date()
        return self.start.day

    @property
    def last_day(self) -> date:
        """Last day (inclusive), in the event's own zone."""
        end = self.finish
        if end.instant:
            return (end.instant - timedelta(microseconds=1)).astimezone(self.zone).date()
        return end.last_day

    @property
    def starts_utc(self) -> datetime:
        """The instant it begins: for an all-day event, midnight of its first day in its zone."""
        if self.start.instant:
            return self.start.instant.astimezone(UTC)
        return datetime.combine(self.first_day, time(0), self.zone).astimezone(UTC)

    @property
    def ends_utc(self) -> datetime:
        """The instant it ends (exclusive)."""
        if self.finish.instant:
            return self.finish.instant.astimezone(UTC)
        after = self.last_day + timedelta(days=1)
        return datetime.combine(after, time(0), self.zone).astimezone(UTC)

    @property
    def days_stated(self) -> bool:
        """False when the sources give only a month or a year."""
        return self.start.precision in ("day", "datetime")

    def phase(self, now: datetime) -> Literal["past", "ongoing", "future"]:
        if now >= self.ends_utc:
            return "past"
        if now >= self.starts_utc:
            return "ongoing"
        return "future"

    def unstated_about(self, field: str) -> Unstated | None:
        return next((item for item in self.unstated if item.field == field), None)


TIME_ERROR = "event_times"


def time_problems(start: When, end: When | None, timezone: str | None) -> list[tuple[str, str]]:
    """What is wrong with an event's start, end and zone taken together, as (field, message) pairs.

    A function rather than only a validator so that the loader can run it on the fields that did
    parse even when another field of the same event failed (pydantic then skips model validators).
    """
    finish = end or start
    if start.is_timed != finish.is_timed:
        return [("end", "start and end must both be dates or both be date-times")]
    problems: list[tuple[str, str]] = []
    if not start.is_timed:
        if finish.last_day < start.day:
            problems.append(("end", f"end {finish.iso()} is before start {start.iso()}"))
        return problems
    if end is None:
        problems.append(("end", "a timed event needs an end date-time"))
    if timezone is None:
        problems.append(
            ("timezone", "a timed event needs a timezone (an IANA name like Europe/Zurich)")
        )
    else:
        stated = [("start", start)] + ([("end", end)] if end is not None else [])
        for name, value in stated:
            mismatch = _offset_mismatch(name, value, timezone)
            if mismatch:
                problems.append((name, mismatch))
    assert start.instant and finish.instant
    if finish.instant < start.instant:
        problems.append(("end", f"end {finish.iso()} is before start {start.iso()}"))
    return problems


def _offset_mismatch(name: str, value: When, zone_name: str) -> str | None:
    assert value.instant is not None
    zone = ZoneInfo(zone_name)
    expected = value.instant.replace(tzinfo=None).replace(tzinfo=zone).utcoffset()
    if expected == value.instant.utcoffset():
        return None
    return (
        f"{name} {value.iso()} has offset {value.instant.utcoffset()} but {zone_name} is at "
        f"{expected} on that day"
    )


class Calendar(_Frozen):
    """The whole calendar: metadata and events, in the order of their start."""

    name: str = Field(min_length=1)
    description: str = ""
    timezone: ZoneName = "UTC"
    url: str | None = Field(default=None, description="Public base URL where calbot is served")
    language: str = "en"
    updated: AwareDatetime = Field(description="Last revision of the file; default for events")
    events: tuple[Event, ...] = ()

    @field_validator("events")
    @classmethod
    def _unique_ids(cls, events: tuple[Event, ...]) -> tuple[Event, ...]:
        seen: set[str] = set()
        for event in events:
            if event.id in seen:
                raise ValueError(f"duplicate event id {event.id!r}")
            seen.add(event.id)
        return events

    @model_validator(mode="after")
    def _fill_defaults(self) -> Calendar:
        """Give each event the calendar's zone and revision where it has none, and sort by start."""
        filled = [
            event.model_copy(
                update={
                    "timezone": event.timezone or self.timezone,
                    "updated": event.updated or self.updated,
                }
            )
            for event in self.events
        ]
        filled.sort(key=lambda event: (event.starts_utc, event.ends_utc, event.id))
        object.__setattr__(self, "events", tuple(filled))
        return self

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def by_id(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}

    def get(self, event_id: str) -> Event | None:
        return self.by_id.get(event_id)
