"""The web page: the calendar as HTML for people (``/``) and one page per event (``/events/{id}``).

Pure: it takes the snapshot, the public base URL, ``now`` and the reader's language and returns a
string. The HTML lives in Jinja2 templates (``bot/templates``, autoescaping on, so every piece of
data is escaped); the page's own words come from ``bot.text.page_texts`` in the six UN languages;
dates come from ``bot.text.dates``, shown in the calendar's time zone. Names, places and quotes
from events.yaml stay in the calendar's language. No JavaScript; a viewport meta and a little
inline CSS make it readable on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from bot.events.model import Calendar, Event
from bot.feed.render import clean_text
from bot.feed.subscribe import FeedLinks, feed_links, needs_https_warning
from bot.state import Snapshot
from bot.text.dates import format_instant, format_span
from bot.text.page_texts import (
    DEFAULT_LANGUAGE,
    PAGE_LANGUAGES,
    is_right_to_left,
    language_name,
    page_texts,
)


def subscribe_links(base_url: str, name: str, path: str = "/calendar.ics") -> FeedLinks:
    return feed_links(base_url.rstrip("/") + path, name)


@dataclass(frozen=True)
class PageLanguage:
    """The reader's language, and whether they chose it with ``?lang=`` (then links keep it)."""

    code: str = DEFAULT_LANGUAGE
    chosen: bool = False

    @property
    def query(self) -> str:
        return f"?lang={self.code}" if self.chosen else ""


@dataclass(frozen=True)
class _Item:
    """One event as the templates show it: the event, its dates in words, its links."""

    event: Event
    when: str
    place: str
    page_href: str
    ics_href: str


def render_index(
    snapshot: Snapshot, base_url: str, now: datetime, language: PageLanguage | None = None
) -> str:
    """The calendar page: what is on now and next, how to subscribe, each event with sources."""
    language = language or PageLanguage()
    calendar = snapshot.calendar
    base = base_url.rstrip("/")
    live = [event for event in calendar.events if event.status != "cancelled"]
    upcoming = next((event for event in live if event.phase(now) == "future"), None)
    return _render(
        "index.html.jinja",
        calendar,
        language,
        title=clean_text(calendar.name),
        page_url=f"{base}/",
        items=[_item(event, calendar, base, language) for event in calendar.events],
        as_of=format_instant(now, calendar.zone, language.code),
        ongoing=[event for event in live if event.phase(now) == "ongoing"],
        upcoming=_item(upcoming, calendar, base, language) if upcoming else None,
        links=subscribe_links(base, calendar.name),
        base=base,
        https_warning=needs_https_warning(base),
    )


def render_event_page(
    snapshot: Snapshot,
    event: Event,
    base_url: str,
    now: datetime,
    language: PageLanguage | None = None,
) -> str:
    """One event's page, with its ``.ics`` for adding it to a calendar."""
    language = language or PageLanguage()
    calendar = snapshot.calendar
    base = base_url.rstrip("/")
    phase = event.phase(now)
    return _render(
        "event.html.jinja",
        calendar,
        language,
        title=clean_text(f"{event.name} – {calendar.name}"),
        page_url=f"{base}/events/{event.id}",
        item=_item(event, calendar, base, language),
        phase=phase if phase in ("past", "ongoing") else None,
        home_href=f"{base}/{language.query}",
    )


def _item(event: Event, calendar: Calendar, base: str, language: PageLanguage) -> _Item:
    place = event.location.text() if event.location and event.location.text() else ""
    return _Item(
        event=event,
        when=format_span(event, language.code, calendar.zone),
        place=place,
        page_href=f"{base}/events/{event.id}{language.query}",
        ics_href=f"{base}/events/{event.id}.ics",
    )


def _render(
    template: str,
    calendar: Calendar,
    language: PageLanguage,
    *,
    page_url: str,
    **context: Any,
) -> str:
    lang = language.code
    texts = page_texts(lang)
    data_lang = calendar.language.split("-")[0].lower()

    def t(key: str, **values: object) -> str | Markup:
        """A page text; values given are escaped unless already markup."""
        if not values:
            return texts[key]
        return Markup(escape(texts[key])).format(**values)

    def data(text: str | Markup) -> Markup:
        inner = text if isinstance(text, Markup) else escape(clean_text(text))
        if data_lang == lang:
            return inner
        return Markup('<bdi lang="{}">{}</bdi>').format(data_lang, inner)

    return (
        _environment()
        .get_template(template)
        .render(
            lang=lang,
            rtl=is_right_to_left(lang),
            t=t,
            data=data,
            code=lambda text: Markup('<code dir="ltr">{}</code>').format(text),
            calendar=calendar,
            foreign=data_lang != lang,
            data_language_name=_data_language_name(data_lang, lang),
            languages=[_switch(other, page_url) for other in PAGE_LANGUAGES],
            **context,
        )
    )


def _data_language_name(data_lang: str, lang: str) -> str:
    try:
        return language_name(data_lang, lang)
    except ValueError:  # a calendar language Babel does not know: show its code
        return data_lang


@dataclass(frozen=True)
class _Switch:
    code: str
    name: str
    href: str


def _switch(code: str, page_url: str) -> _Switch:
    """A link to this page in another language, named in that language."""
    return _Switch(code, language_name(code), f"{page_url}?lang={code}")


@cache
def _environment() -> Environment:
    """Templates from the package, autoescaped, strict about missing names, loaded once."""
    env = Environment(
        loader=PackageLoader("bot", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["clean"] = clean_text  # control characters out; escaping is autoescape's
    return env
