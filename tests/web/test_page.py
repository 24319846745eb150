"""The web page people read: meetings in order, now and next by calbot's clock, subscribe links."""

from __future__ import annotations

from datetime import UTC, datetime
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx

from bot.clock import ManualClock
from bot.config import load_settings
from bot.events.revisions import MemoryRevisionStore
from bot.state import CalendarHolder
from bot.web import create_app
from tests.support.files import write_file
from tests.support.servers import serve


async def test_page_lists_the_meetings_in_order_with_their_dates(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    html = response.text
    names = [
        "CCW GGE intersessional meeting",
        "CCW Protocol V Preparatory Committee",
        "CCW Meeting of the States Parties",
        "UNGA 63",
    ]
    positions = [html.index(f">{name}") for name in names]
    assert positions == sorted(positions)
    assert "7–13 November 2007" in html
    assert "June 2007 (days not stated)" in html
    assert '<meta name="viewport"' in html
    assert "<script" not in html


async def test_page_says_what_is_next_by_calbots_clock(client: httpx.AsyncClient) -> None:
    html = (await client.get("/")).text
    assert "<strong>On now:</strong> nothing." in html
    assert '<strong>Next:</strong> <a href="#ccw-protocol-v-conference-2007">' in html


async def test_page_follows_the_clock_into_a_meeting(
    client: httpx.AsyncClient, clock: ManualClock
) -> None:
    clock.set(datetime(2007, 11, 8, 9, 0, tzinfo=UTC))
    html = (await client.get("/")).text
    assert (
        '<strong>On now:</strong> <a href="#ccw-msp-2007">CCW Meeting of the States Parties</a>'
        in html
    )
    assert '<strong>Next:</strong> <a href="#unga-62-adoption-62-57">' in html


async def test_page_shows_sources_and_what_is_not_stated(client: httpx.AsyncClient) -> None:
    html = (await client.get("/")).text
    # The document is linked where events.yaml gives its URL (undocs.org, by symbol).
    assert '<a href="https://undocs.org/en/A/RES/62/57">A/RES/62/57</a>, operative 11' in html
    assert "“a meeting of States Parties to the Convention to be held from 7 to 13 November" in html
    shown = unescape(html)  # how a browser reads it; quotes may be escaped as &quot; or &#34;
    assert 'The resolution says only "June 2007"; it does not give the days.' in shown
    assert "\x07" not in html


async def test_subscribe_links_are_properly_encoded(client: httpx.AsyncClient) -> None:
    html = (await client.get("/")).text
    assert 'href="webcal://calbot.example.org/calendar.ics"' in html
    google = "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fcalbot.example.org%2Fcalendar.ics"
    assert f'href="{google}"' in html
    outlook_href = html.split('href="https://outlook.live.com/calendar/0/addfromweb?')[1].split(
        '"'
    )[0]
    query = parse_qs(outlook_href.replace("&amp;", "&"))
    assert query["url"] == ["https://calbot.example.org/calendar.ics"]
    assert query["name"] == ["CCW meetings of resolution A/RES/62/57"]
    assert 'href="https://calbot.example.org/events/ccw-msp-2007.ics"' in html


async def test_event_page_has_details_and_its_ics(client: httpx.AsyncClient) -> None:
    response = await client.get("/events/ccw-msp-2007")
    assert response.status_code == 200
    html = response.text
    assert "<h1>" in html and ">CCW Meeting of the States Parties</a>" in html
    assert "Geneva, Switzerland" in html
    assert 'href="https://calbot.example.org/events/ccw-msp-2007.ics"' in html
    assert urlsplit("https://calbot.example.org/").netloc in html


async def test_page_escapes_text_from_the_events_file(tmp_path: Path, clock: ManualClock) -> None:
    events = tmp_path / "events.yaml"
    write_file(
        events,
        'name: "<b>Cal</b>"\nupdated: "2007-01-01T00:00:00Z"\nevents:\n'
        '  - {id: x, title: "<script>alert(1)</script> & co", kind: meeting,'
        ' start: "2007-12-01"}\n',
    )
    holder = CalendarHolder(events, clock, MemoryRevisionStore())
    holder.load()
    app = create_app(holder, load_settings(PUBLIC_URL="https://c.example"), clock)
    async with serve(app) as base, httpx.AsyncClient(base_url=base) as http:
        html = (await http.get("/")).text
        event_html = (await http.get("/events/x")).text
    for page in (html, event_html):
        assert "<script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert "<title>&lt;b&gt;Cal&lt;/b&gt;</title>" in html


async def test_page_is_gzipped_when_asked(client: httpx.AsyncClient) -> None:
    zipped = await client.get("/", headers={"Accept-Encoding": "gzip"})
    plain = await client.get("/", headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert int(zipped.headers["content-length"]) < len(plain.content)
    assert zipped.text == plain.text


async def test_page_has_outlook_links_for_personal_and_work_accounts(
    client: httpx.AsyncClient,
) -> None:
    html = (await client.get("/")).text
    for host in ("outlook.live.com", "outlook.office.com"):
        href = html.split(f'href="https://{host}/calendar/0/addfromweb?')[1].split('"')[0]
        assert parse_qs(href.replace("&amp;", "&"))["url"] == [
            "https://calbot.example.org/calendar.ics"
        ]


async def test_page_says_google_refreshes_slowly_and_explains_the_personal_feed(
    client: httpx.AsyncClient,
) -> None:
    html = (await client.get("/")).text
    assert "only every several hours" in html
    assert '<code dir="ltr">/myfeed</code>' in html
    assert "not a public HTTPS address" not in html  # PUBLIC_URL is https://calbot.example.org


async def test_page_warns_when_public_url_is_not_https(
    holder: CalendarHolder, clock: ManualClock, events_copy: Path
) -> None:
    settings = load_settings(PUBLIC_URL="http://calbot.example.org", EVENTS_FILE=events_copy)
    async with serve(create_app(holder, settings, clock)) as base, httpx.AsyncClient() as http:
        html = (await http.get(f"{base}/")).text
    assert "served at http://calbot.example.org, which is not a public HTTPS address" in html
