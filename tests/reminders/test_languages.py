"""Reminders in the six UN languages, sent by the dispatcher through the strict fake Bot API.

The chat's stored language decides; counts take the language's CLDR plural form and dates its own
format (Babel), so a Russian subscriber reads "через 2 дня", "через 5 дней", "через 21 час".
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.messages import changed_text
from bot.state import CalendarHolder
from bot.storage import Store
from bot.text.messages import RLM
from tests.fakes.bot_api import FakeBotApi
from tests.reminders.conftest import subscribe
from tests.support.bidi import has_arabic, reads_right_to_left

NB = "\u202f"  # CLDR's narrow space before Russian "г."
MSP = "event:msp-opening"
MSP_START = datetime(2007, 11, 7, 9, 0, tzinfo=UTC)  # 10:00 in Geneva


async def _reminder(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock, lead: str, lang: str
) -> str:
    subscribe(store, api, 301, MSP, lead, lang=lang)
    clock.set(MSP_START - _duration(lead))
    await dispatcher.run_due(clock.now())
    [message] = api.sent
    return message.plain


def _duration(lead: str) -> timedelta:
    amount, unit = int(lead[:-1]), lead[-1]
    return timedelta(days=amount) if unit == "d" else timedelta(hours=amount)


@pytest.mark.parametrize(
    ("lead", "countdown"),
    [("2d", "начнётся через 2 дня"), ("5d", "начнётся через 5 дней"),
     ("21h", "начнётся через 21 час"), ("1d", "начнётся через 1 день")],
)  # fmt: skip
async def test_a_russian_reminder_counts_in_russian_plural_forms(
    dispatcher: Dispatcher,
    store: Store,
    api: FakeBotApi,
    clock: ManualClock,
    lead: str,
    countdown: str,
) -> None:
    text = await _reminder(dispatcher, store, api, clock, lead, "ru")
    assert text.startswith("⏰ Напоминание")
    assert "Когда: среда, 7 ноября 2007\u202fг., 10:00–13:00 CET"  # CLDR: a narrow space in text
    assert countdown in text
    assert api.sent[0].button("Завтра утром")["callback_data"] == "snz:msp-opening:am"


async def test_an_arabic_reminder_reads_right_to_left_with_arabic_dates(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    text = await _reminder(dispatcher, store, api, clock, "2d", "ar")
    lines = text.split("\n")
    assert lines[0] == f"{RLM}⏰ تذكير"
    assert f"{RLM}الموعد: الأربعاء، 7 نوفمبر 2007، 10:00–13:00 CET" in lines
    assert "يبدأ بعد يومين" in text  # the dual, no number
    # Each line that carries Arabic words reads right to left, whatever it starts with.
    arabic = [line for line in lines if has_arabic(line)]
    assert len(arabic) == 4 and all(reads_right_to_left(line) for line in arabic)


async def test_a_chinese_reminder_uses_chinese_dates(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    text = await _reminder(dispatcher, store, api, clock, "5d", "zh")
    assert "时间：2007年11月7日星期三 10:00–13:00 CET" in text
    assert "5天后开始" in text


async def test_a_spanish_reminder_reads_spanish(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    text = await _reminder(dispatcher, store, api, clock, "1d", "es")
    assert "Cuándo: miércoles, 7 de noviembre de 2007, 10:00–13:00 CET" in text
    assert "comienza dentro de 1 día" in text


async def test_a_russian_digest_is_headed_and_dated_in_russian(
    dispatcher: Dispatcher, store: Store, api: FakeBotApi, clock: ManualClock
) -> None:
    subscribe(store, api, 302, "event:after-dst", "0d", tz="Europe/Zurich", lang="ru")
    store.unsubscribe(302)
    store.set_digest(302, time(8, 0))
    clock.set(datetime(2007, 11, 7, 7, 0, tzinfo=UTC))  # 08:00 in Geneva on the MSP's day
    await dispatcher.run_due(clock.now())
    [digest] = api.sent
    assert digest.plain.startswith(f"🗓 Совещания сегодня — среда, 7 ноября 2007{NB}г.")
    assert "10:00 MSP opening" in digest.plain


@pytest.mark.parametrize(
    ("lang", "heading", "line"),
    [("ru", "📅 Изменение", "Совещание перенесено."), ("es", "📅 Cambio", "ha cambiado"),
     ("zh", "📅 变更", "该会议时间已更改"), ("ar", "📅 تغيير", "تغيّر موعد هذا الاجتماع")],
)  # fmt: skip
def test_change_notices_are_in_the_chats_language(
    holder: CalendarHolder, lang: str, heading: str, line: str
) -> None:
    event = holder.current.calendar.get("msp-opening")
    assert event is not None
    text = changed_text(event, lang, ZoneInfo("Europe/Zurich"))
    assert heading in text and line in text
