"""The feed over real HTTP: headers calendar apps and caches rely on, conditional requests, gzip."""

from __future__ import annotations

from pathlib import Path

import httpx
from starlette.applications import Starlette

from bot.clock import ManualClock
from bot.feed import render_feed
from bot.state import CalendarHolder
from tests.feed.parsers import with_icalendar
from tests.support.files import replace_in_file
from tests.web.conftest import PUBLIC_URL

IDENTITY = {"Accept-Encoding": "identity"}


async def test_feed_is_served_with_calendar_headers(
    client: httpx.AsyncClient, holder: CalendarHolder
) -> None:
    response = await client.get("/calendar.ics", headers=IDENTITY)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.content == render_feed(holder.current, PUBLIC_URL)
    assert response.headers["etag"].startswith('"')  # strong
    assert response.headers["last-modified"] == "Tue, 15 Jan 2008 00:00:00 GMT"
    assert response.headers["cache-control"] == "public, max-age=3600"
    assert response.headers["access-control-allow-origin"] == "*"
    assert "content-encoding" not in response.headers


async def test_matching_etag_gives_304(client: httpx.AsyncClient) -> None:
    first = await client.get("/calendar.ics", headers=IDENTITY)
    again = await client.get(
        "/calendar.ics", headers={**IDENTITY, "If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]


async def test_if_modified_since_gives_304_only_when_nothing_is_newer(
    client: httpx.AsyncClient,
) -> None:
    first = await client.get("/calendar.ics")
    same = await client.get(
        "/calendar.ics", headers={"If-Modified-Since": first.headers["last-modified"]}
    )
    older = await client.get(
        "/calendar.ics", headers={"If-Modified-Since": "Mon, 14 Jan 2008 23:59:59 GMT"}
    )
    assert (same.status_code, older.status_code) == (304, 200)


async def test_if_none_match_wins_over_if_modified_since(client: httpx.AsyncClient) -> None:
    first = await client.get("/calendar.ics")
    response = await client.get(
        "/calendar.ics",
        headers={"If-None-Match": '"stale"', "If-Modified-Since": first.headers["last-modified"]},
    )
    assert response.status_code == 200


async def test_head_gives_headers_without_body(client: httpx.AsyncClient) -> None:
    get = await client.get("/calendar.ics", headers=IDENTITY)
    head = await client.head("/calendar.ics", headers=IDENTITY)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == str(len(get.content))
    assert head.headers["etag"] == get.headers["etag"]


async def test_gzip_variant_has_its_own_etag_and_same_content(client: httpx.AsyncClient) -> None:
    plain = await client.get("/calendar.ics", headers=IDENTITY)
    zipped = await client.get("/calendar.ics", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert int(zipped.headers["content-length"]) < len(plain.content)
    assert zipped.content == plain.content  # httpx has decompressed it
    assert zipped.headers["etag"] != plain.headers["etag"]
    assert "accept-encoding" in zipped.headers["vary"].lower()
    revalidated = await client.get(
        "/calendar.ics",
        headers={"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["etag"]},
    )
    assert revalidated.status_code == 304


async def test_feed_is_rendered_once_per_calendar_version(
    client: httpx.AsyncClient,
    app: Starlette,
    holder: CalendarHolder,
    events_copy: Path,
    clock: ManualClock,
) -> None:
    for _ in range(5):
        await client.get("/calendar.ics")
    first = await client.get("/calendar.ics", headers=IDENTITY)
    assert app.state.feed_cache.renders == 1
    replace_in_file(events_copy, 'start: "2007-11-06"', 'start: "2007-11-08"')
    holder.reload()
    changed = await client.get(
        "/calendar.ics", headers={**IDENTITY, "If-None-Match": first.headers["etag"]}
    )
    assert changed.status_code == 200
    assert changed.headers["etag"] != first.headers["etag"]
    assert b"SEQUENCE:1" in changed.content
    assert app.state.feed_cache.renders == 2


async def test_kind_filter_over_http(client: httpx.AsyncClient) -> None:
    response = await client.get("/calendar.ics", params={"kind": "conference"})
    assert response.status_code == 200
    assert set(with_icalendar(response.content)) == {
        "ccw-protocol-v-conference-2007@calbot",
        "ccw-apii-conference-2007@calbot",
    }


async def test_alarm_over_http(client: httpx.AsyncClient) -> None:
    response = await client.get("/calendar.ics", params={"alarm": "P1D"})
    assert response.content.count(b"TRIGGER:-P1D\r\n") == 7


async def test_bad_alarm_is_a_clear_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/calendar.ics", params={"alarm": "soon"})
    assert response.status_code == 400
    assert "alarm 'soon' is not a duration" in response.text
    assert "PT1H" in response.text


async def test_unknown_kind_is_a_clear_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/calendar.ics", params={"kind": "party"})
    assert response.status_code == 400
    assert "conference, meeting, agenda_item, background" in response.text


async def test_single_event_ics(client: httpx.AsyncClient) -> None:
    response = await client.get("/events/ccw-msp-2007.ics")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert list(with_icalendar(response.content)) == ["ccw-msp-2007@calbot"]
    again = await client.get(
        "/events/ccw-msp-2007.ics", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


async def test_unknown_event_is_404_naming_it_and_where_to_look(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/events/no-such-meeting.ics", "/events/no-such-meeting"):
        response = await client.get(path)
        assert response.status_code == 404
        assert "'no-such-meeting'" in response.text
        assert f"{PUBLIC_URL}/calendar.ics" in response.text


async def test_wrong_method_is_405_with_allow(client: httpx.AsyncClient) -> None:
    response = await client.post("/calendar.ics", content=b"x")
    assert response.status_code == 405
    assert "GET" in response.headers["allow"]


async def test_feed_requests_are_counted_by_status(client: httpx.AsyncClient) -> None:
    await client.get("/calendar.ics", params={"alarm": "nonsense"})
    metrics = await client.get("/metrics")
    assert 'calbot_feed_requests_total{status="400"}' in metrics.text
