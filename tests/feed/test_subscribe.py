"""Subscribe links for a feed URL, and when calbot must warn that Google cannot subscribe."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from bot.feed.subscribe import feed_links, needs_https_warning
from bot.telegram.myfeed import feed_notes


def test_links_name_the_same_feed_for_every_app() -> None:
    links = feed_links("https://cal.example.org/feeds/abc.ics", "CCW & co")
    assert links.webcal == "webcal://cal.example.org/feeds/abc.ics"
    assert parse_qs(urlsplit(links.google).query)["cid"] == [links.webcal]
    for link, host in (
        (links.outlook, "outlook.live.com"),
        (links.outlook_work, "outlook.office.com"),
    ):
        parts = urlsplit(link)
        assert parts.netloc == host
        assert parse_qs(parts.query) == {"url": [links.https], "name": ["CCW & co"]}


@pytest.mark.parametrize(
    ("base", "warn"),
    [
        ("https://cal.example.org", False),
        ("http://cal.example.org", True),
        ("https://127.0.0.1:8080", True),
        ("https://10.1.2.3", True),
        ("https://localhost", True),
        ("https://[2001:db8::1]", True),  # documentation range: not globally reachable
        ("https://203.0.114.5", False),
    ],
)
def test_warning_when_google_cannot_reach_the_feed(base: str, warn: bool) -> None:
    assert needs_https_warning(base) is warn
    assert ("not a public HTTPS address" in feed_notes(base, "en")) is warn
    assert "every several hours" in feed_notes(base, "en")
