"""The web page: the calendar as HTML for people (``/``) and one page per event (``/events/{id}``).

Pure: it takes the snapshot, the public base URL and ``now`` and returns a string. No JavaScript;
a viewport meta and a little inline CSS make it readable on a phone. Every piece of data goes
through ``html.escape``. Dates come from ``bot.text.dates``, shown in the calendar's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape

from bot.events.model import Calendar, Event
from bot.feed.render import clean_text
from bot.feed.subscribe import feed_links, needs_https_warning
from bot.state import Snapshot
from bot.text.dates import format_instant, format_span

_CSS = """
body{font-family:system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1.05rem;margin-bottom:.2rem}
.when{font-weight:600}.muted{color:#555}.status{color:#a00;font-weight:600}
.now{background:#eef6ee;padding:.5rem 1rem;border-radius:.4rem}
blockquote{margin:.3rem 0 .3rem 1rem;color:#333;font-style:italic}
article{border-top:1px solid #ddd;padding-top:.5rem}
a{color:#0645ad;overflow-wrap:anywhere}
"""


def _h(text: str) -> str:
    """Text made safe for HTML (escaped, control characters dropped)."""
    return escape(clean_text(text))


@dataclass(frozen=True)
class SubscribeLinks:
    """Where to subscribe to a feed: the feed itself and what each calendar app wants."""

    https: str
    webcal: str
    google: str
    outlook: str


def subscribe_links(base_url: str, name: str, path: str = "/calendar.ics") -> SubscribeLinks:
    links = feed_links(base_url.rstrip("/") + path, name)
    return SubscribeLinks(links.https, links.webcal, links.google, links.outlook)


def render_index(snapshot: Snapshot, base_url: str, now: datetime) -> str:
    """The calendar page: what is on now and next, how to subscribe, each event with sources."""
    calendar = snapshot.calendar
    base = base_url.rstrip("/")
    sections = [
        f"<h1>{_h(calendar.name)}</h1>",
        f"<p>{_h(calendar.description)}</p>" if calendar.description else "",
        _now_and_next(calendar, now),
        _subscribe_section(calendar, base),
        "<h2>Meetings</h2>",
        *(_event_article(event, calendar, base, heading="h3") for event in calendar.events),
    ]
    return _document(calendar.name, calendar.language, sections)


def render_event_page(snapshot: Snapshot, event: Event, base_url: str, now: datetime) -> str:
    """One event's page, with its ``.ics`` for adding it to a calendar."""
    calendar = snapshot.calendar
    base = base_url.rstrip("/")
    phase = {"past": "This meeting is over.", "ongoing": "This meeting is on now."}
    sections = [
        f'<p><a href="{_h(base)}/">← {_h(calendar.name)}</a></p>',
        _event_article(event, calendar, base, heading="h1"),
        f'<p class="now">{phase[event.phase(now)]}</p>' if event.phase(now) in phase else "",
    ]
    return _document(f"{event.name} – {calendar.name}", calendar.language, sections)


def _document(title: str, language: str, sections: list[str]) -> str:
    body = "\n".join(section for section in sections if section)
    return (
        f'<!doctype html>\n<html lang="{_h(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(title)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _now_and_next(calendar: Calendar, now: datetime) -> str:
    live = [event for event in calendar.events if event.status != "cancelled"]
    ongoing = [event for event in live if event.phase(now) == "ongoing"]
    upcoming = next((event for event in live if event.phase(now) == "future"), None)
    lines = [f'<p class="muted">As of {_h(format_instant(now, calendar.zone))}.</p>']
    if ongoing:
        names = ", ".join(_event_link(event) for event in ongoing)
        lines.append(f"<p><strong>On now:</strong> {names}</p>")
    else:
        lines.append("<p><strong>On now:</strong> nothing.</p>")
    if upcoming is not None:
        when = _h(format_span(upcoming, calendar.language, calendar.zone))
        lines.append(f"<p><strong>Next:</strong> {_event_link(upcoming)}, {when}</p>")
    else:
        lines.append("<p><strong>Next:</strong> no further meetings in this calendar.</p>")
    return '<section class="now">\n' + "\n".join(lines) + "\n</section>"


def _event_link(event: Event) -> str:
    return f'<a href="#{_h(event.id)}">{_h(event.name)}</a>'


def _subscribe_section(calendar: Calendar, base: str) -> str:
    links = feed_links(f"{base}/calendar.ics", calendar.name)
    items = [
        ("Apple Calendar, Thunderbird and others (webcal)", links.webcal),
        ("Google Calendar (add by URL)", links.google),
        ("Outlook.com, personal account (add from web)", links.outlook),
        ("Outlook, Microsoft 365 work or school account (add from web)", links.outlook_work),
        ("The feed itself (iCalendar, refreshed hourly)", links.https),
    ]
    rows = "\n".join(f'<li><a href="{_h(url)}">{_h(label)}</a></li>' for label, url in items)
    hint = (
        "Filtered feeds: add <code>?kind=conference</code> or <code>?body=States Parties</code>; "
        "<code>?alarm=PT1H</code> adds a reminder one hour before each meeting."
    )
    return (
        f"<h2>Subscribe</h2>\n<ul>\n{rows}\n</ul>\n{_feed_notes(base)}\n"
        f'<p class="muted">{hint}</p>\n{_personal_feed()}'
    )


def _feed_notes(base: str) -> str:
    """Google's slow refresh, said next to the links, and a warning when it cannot work at all."""
    notes = [
        "Google Calendar fetches a subscribed calendar only every several hours (sometimes once a "
        "day), so a change reaches it late; Apple Calendar and Outlook check more often. Google "
        "can subscribe only to a public HTTPS address."
    ]
    if needs_https_warning(base):
        notes.append(
            f"<strong>Warning:</strong> this calendar is served at {_h(base)}, which is not a "
            "public HTTPS address, so Google Calendar and Outlook on the web cannot subscribe to "
            "it."
        )
    return "\n".join(f'<p class="muted">{note}</p>' for note in notes)


def _personal_feed() -> str:
    return (
        "<h3>Only the meetings you follow</h3>\n<p>In Telegram, subscribe to meetings "
        "(<code>/subscribe</code>), then send <code>/myfeed</code>: the bot answers with a "
        "private feed address holding only those meetings, with reminders at your lead times, "
        "and the same subscribe links. Keep it to yourself; <code>/myfeed reset</code> replaces "
        "it and turns the old one off.</p>"
    )


def _event_article(event: Event, calendar: Calendar, base: str, heading: str) -> str:
    when = _h(format_span(event, calendar.language, calendar.zone))
    if not event.days_stated:
        when += " (days not stated)"
    place = _h(event.location.text()) if event.location and event.location.text() else ""
    status = "" if event.status == "confirmed" else f' <span class="status">{event.status}</span>'
    parts = [
        f'<article id="{_h(event.id)}">',
        f'<{heading}><a href="{_h(base)}/events/{_h(event.id)}">'
        f"{_h(event.name)}</a>{status}</{heading}>",
        f'<p><span class="when">{when}</span>' + (f" · {place}" if place else "") + "</p>",
        f"<p>{_h(event.description)}</p>" if event.description else "",
        _sources(event),
        _unstated(event),
        f'<p><a href="{_h(base)}/events/{_h(event.id)}.ics">Add to calendar (.ics)</a></p>',
        "</article>",
    ]
    return "\n".join(part for part in parts if part)


def _sources(event: Event) -> str:
    if not event.sources:
        return '<p class="muted">No source is given for this entry.</p>'
    items = []
    for source in event.sources:
        document = _h(source.document)
        if source.url:
            document = f'<a href="{_h(source.url)}">{document}</a>'
        cited = document + (f", {_h(source.paragraph)}" if source.paragraph else "")
        quote_html = f"<blockquote>“{_h(source.quote)}”</blockquote>" if source.quote else ""
        items.append(f"<li>{cited}{quote_html}</li>")
    return "<p>Where this comes from:</p>\n<ul>\n" + "\n".join(items) + "\n</ul>"


def _unstated(event: Event) -> str:
    if not event.unstated:
        return ""
    items = []
    for item in event.unstated:
        shown = f" <em>Shown from: {_h(item.source)}</em>" if item.source else ""
        items.append(f"<li><strong>{_h(item.field)}:</strong> {_h(item.note)}{shown}</li>")
    return "<p>Not stated:</p>\n<ul>\n" + "\n".join(items) + "\n</ul>"
