"""Subscribe links for a feed URL: what each calendar app wants, and what to tell people about them.

One place for these URL patterns: ``webcal://`` (Apple Calendar, Thunderbird, most desktop apps),
Google Calendar's "add by URL" (``?cid=``), Outlook's "add from web" for personal Microsoft accounts
(outlook.live.com) and for Microsoft 365 work or school accounts (outlook.office.com, what UN and
NGO staff use). Google fetches a subscribed feed itself, from Google's servers, and only every
several hours, so it needs a public HTTPS URL; ``needs_https_warning`` says when calbot's is not.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

OUTLOOK_PERSONAL = "https://outlook.live.com"
OUTLOOK_WORK = "https://outlook.office.com"


@dataclass(frozen=True)
class FeedLinks:
    """The feed itself and the links that subscribe each calendar app to it."""

    https: str
    webcal: str
    google: str
    outlook: str  # Outlook.com, personal accounts
    outlook_work: str  # Microsoft 365 work or school accounts


def feed_links(feed_url: str, name: str) -> FeedLinks:
    parts = urlsplit(feed_url)
    webcal = "webcal://" + parts.netloc + parts.path + (f"?{parts.query}" if parts.query else "")
    google = "https://calendar.google.com/calendar/render?cid=" + quote(webcal, safe="")
    add = f"/calendar/0/addfromweb?url={quote(feed_url, safe='')}&name={quote(name, safe='')}"
    return FeedLinks(feed_url, webcal, google, OUTLOOK_PERSONAL + add, OUTLOOK_WORK + add)


def needs_https_warning(base_url: str) -> bool:
    """True when Google (and Outlook on the web) cannot fetch feeds from ``base_url``: not HTTPS,
    or a host that only this machine or network can reach."""
    parts = urlsplit(base_url)
    if parts.scheme != "https":
        return True
    host = (parts.hostname or "").lower()
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not address.is_global
