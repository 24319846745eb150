"""/myfeed end to end: calbot's Application against the strict fake Bot API, and the feed URL it
gives fetched from calbot's real HTTP server, parsed back by icalendar and vobject.

The calendar is the reminder tests' ``TEST_EVENTS`` (``msp-opening`` timed at 10:00 in Geneva,
``after-dst`` timed, ``protocol-v`` all-day on 5-6 November 2007); the chat keeps the calendar's
zone, Europe/Zurich.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
import icalendar
import pytest
import vobject

from bot.clock import ManualClock
from bot.config import load_settings
from bot.feed.personal_http import PersonalFeeds
from bot.reminders import ReminderServices
from bot.state import CalendarHolder
from bot.storage import Store
from bot.telegram import myfeed
from bot.telegram.subscriptions import register
from bot.web import create_app
from tests.conftest import polling_bot
from tests.fakes.bot_api import FakeBotApi
from tests.reminders.conftest import TEST_EVENTS, write_events
from tests.support.servers import serve

CHAT = 4242
PUBLIC = "https://cal.example.org"
FEED_URL = re.compile(re.escape(PUBLIC) + r"/feeds/[A-Za-z0-9_-]+\.ics")


@dataclass
class Running:
    api: FakeBotApi
    store: Store
    http: httpx.AsyncClient

    async def ask(self, text: str, *, chat_id: int = CHAT) -> str:
        before = len(self.api.sent)
        self.api.push_text(chat_id, text)
        return (await self.api.wait_for_messages(before + 1))[-1].plain

    async def feed_url(self, command: str = "/myfeed") -> str:
        [url] = set(FEED_URL.findall(await self.ask(command)))
        return url

    async def get(self, url: str, **headers: str) -> httpx.Response:
        """GET a public URL from the server (as a reverse proxy at PUBLIC_URL would pass it on)."""
        return await self.http.get(url.removeprefix(PUBLIC), headers=headers)


@pytest.fixture
async def running(
    api: FakeBotApi, services: ReminderServices, holder: CalendarHolder, clock: ManualClock
) -> AsyncIterator[Running]:
    settings = load_settings(
        TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url, PUBLIC_URL=PUBLIC
    )
    shared = ReminderServices(services.store, holder, clock, settings)
    extensions = [lambda app: register(app, shared), lambda app: myfeed.register(app, shared)]
    feeds = PersonalFeeds(holder, services.store, clock, PUBLIC)
    web = create_app(holder, settings, clock, extra_routes=[feeds.route()])
    bot = polling_bot(api, holder, clock, services.store, extensions, settings)
    async with bot, serve(web) as base, httpx.AsyncClient(base_url=base) as http:
        yield Running(api, services.store, http)


def alarms_by_uid(data: bytes) -> dict[str, list[timedelta]]:
    calendar = icalendar.Calendar.from_ical(data)
    return {
        str(event["UID"]): sorted(alarm.decoded("TRIGGER") for alarm in event.walk("VALARM"))
        for event in calendar.walk("VEVENT")
    }


def alarms_with_vobject(data: bytes) -> dict[str, list[timedelta]]:
    calendar = vobject.readOne(data.decode("utf-8"))
    return {
        event.uid.value: sorted(alarm.trigger.value for alarm in event.contents.get("valarm", []))
        for event in calendar.contents.get("vevent", [])
    }


async def test_the_personal_feed_holds_exactly_the_subscribed_events_with_their_alarms(
    running: Running,
) -> None:
    await running.ask("/subscribe msp opening 2d 3h")
    await running.ask("/subscribe protocol v 1d@18:00 0d")
    response = await running.get(await running.feed_url())
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    expected = {
        # 10:00 on 7 November: two days before at the same time, and three hours before.
        "msp-opening@calbot": [-timedelta(days=2), -timedelta(hours=3)],
        # An all-day meeting starts at local midnight: 18:00 the day before is 6 h before it,
        # and "the morning of" (08:00) 8 h after.
        "protocol-v@calbot": [-timedelta(hours=6), timedelta(hours=8)],
    }
    assert alarms_by_uid(response.content) == expected
    assert alarms_with_vobject(response.content) == expected


async def test_a_chat_without_subscriptions_gets_an_empty_but_valid_feed(
    running: Running,
) -> None:
    reply = await running.ask("/myfeed")
    assert "follows no meeting yet" in reply
    [url] = FEED_URL.findall(reply)
    response = await running.get(url)
    assert response.status_code == 200
    assert alarms_by_uid(response.content) == alarms_with_vobject(response.content) == {}


async def test_the_reply_has_webcal_google_and_both_outlook_links(running: Running) -> None:
    await running.ask("/myfeed")
    message = running.api.sent[-1]
    url = FEED_URL.search(message.plain)
    assert url is not None
    hrefs = re.findall(r'href="([^"]+)"', message.text or "")
    host_path = url.group(0).removeprefix("https://")
    assert f"webcal://{host_path}" in hrefs
    assert any(
        h.startswith("https://calendar.google.com/calendar/render?cid=webcal") for h in hrefs
    )
    assert any(h.startswith("https://outlook.live.com/calendar/0/addfromweb?url=") for h in hrefs)
    assert any(h.startswith("https://outlook.office.com/calendar/0/addfromweb?url=") for h in hrefs)
    assert "every several hours" in message.plain  # Google's refresh, said next to the links
    assert "not a public HTTPS address" not in message.plain  # PUBLIC_URL is HTTPS here


async def test_reset_revokes_the_old_url_and_the_new_one_works(running: Running) -> None:
    await running.ask("/subscribe msp opening")
    old = await running.feed_url()
    assert await running.feed_url() == old  # asking again shows the same link
    new = await running.feed_url("/myfeed reset")
    assert new != old
    assert (await running.get(old)).status_code == 404
    response = await running.get(new)
    assert response.status_code == 200
    assert list(alarms_by_uid(response.content)) == ["msp-opening@calbot"]


async def test_wrong_tokens_get_the_same_404_as_any_unknown_page(running: Running) -> None:
    real = await running.feed_url()
    token = real.rsplit("/", 1)[1].removesuffix(".ics")
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    unknown = await running.get(f"{PUBLIC}/no-such-page")
    for guess in (flipped, "x" * len(token), token[:8], token + "x", "..%00"):
        response = await running.get(f"{PUBLIC}/feeds/{guess}.ics")
        assert response.status_code in (404, 400)
        if response.status_code == 404:
            assert response.text == unknown.text
        assert token not in response.text


async def test_the_feed_answers_304_and_gzip_like_the_main_feed(running: Running) -> None:
    await running.ask("/subscribe msp opening")
    url = await running.feed_url()
    first = await running.get(url, **{"Accept-Encoding": "identity"})
    assert first.headers["cache-control"].startswith("private")
    again = await running.get(url, **{"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    zipped = await running.get(url, **{"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.content == first.content  # httpx inflates it: the same calendar
    # A new subscription changes the feed: the old ETag no longer matches.
    await running.ask("/subscribe protocol v")
    changed = await running.get(url, **{"If-None-Match": first.headers["etag"]})
    assert changed.status_code == 200
    assert len(alarms_by_uid(changed.content)) == 2


async def test_a_cancelled_meeting_stays_in_the_feed_cancelled_with_a_higher_sequence(
    running: Running, holder: CalendarHolder, events_file: Path
) -> None:
    await running.ask("/subscribe protocol v")
    url = await running.feed_url()
    before = icalendar.Calendar.from_ical((await running.get(url)).content)
    [event] = before.walk("VEVENT")
    cancelled = TEST_EVENTS.replace(
        "    kind: conference\n", "    kind: conference\n    status: cancelled\n"
    )
    write_events(events_file, cancelled)
    assert holder.reload().ok
    after = icalendar.Calendar.from_ical((await running.get(url)).content)
    [moved] = after.walk("VEVENT")
    assert str(moved["STATUS"]) == "CANCELLED"
    assert int(moved["SEQUENCE"]) == int(event["SEQUENCE"]) + 1
    assert moved.walk("VALARM") == []  # no alarm for a meeting that will not take place


async def test_help_explains_myfeed_and_googles_slow_refresh(running: Running) -> None:
    running.api.push_text(CHAT, "/help")
    await running.api.wait_until(lambda: any("/myfeed reset" in m.plain for m in running.api.sent))
    text = "\n".join(message.plain for message in running.api.sent)
    assert "every several hours" in text
