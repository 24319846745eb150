"""Each command, through the real Application polling the strict fake Bot API over HTTP.

The clock stands at 1 November 2007, 08:00 UTC: the Protocol V conference (5 November) and the MSP
(7–13 November, Geneva) are ahead.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.telegram.conftest import USER_ID, Bot


async def test_start_welcomes_and_names_the_calendar(bot: Bot) -> None:
    reply = await bot.ask("/start")
    assert "CCW meetings" in reply and "/help" in reply


async def test_start_with_an_event_id_opens_that_event(bot: Bot) -> None:
    reply = await bot.ask("/start ccw-msp-2007")
    assert "CCW Meeting of the States Parties" in reply and "Geneva" in reply
    assert "rem:ccw-msp-2007" in bot.api.sent[-1].callback_data


async def test_the_command_menu_is_published(bot: Bot) -> None:
    names = {command["command"] for command in bot.api.commands}
    assert {"start", "help", "next", "events", "event", "ics", "timezone"} <= names
    assert "reload" not in names  # admin commands stay out of everyone's menu


async def test_help_lists_the_commands(bot: Bot) -> None:
    reply = await bot.ask("/help")
    assert "/next" in reply and "/timezone" in reply


async def test_next_lists_the_coming_meetings_in_order(bot: Bot) -> None:
    reply = await bot.ask("/next")
    assert reply.index("Protocol V conference") < reply.index("CCW Meeting of the States Parties")
    assert "Preparatory Committee" not in reply  # June 2007 is past


async def test_next_offers_a_button_per_event(bot: Bot) -> None:
    await bot.ask("/next")
    assert "ev:ccw-protocol-v-conference-2007" in bot.api.sent[-1].callback_data


async def test_event_by_name_shows_its_card_and_all_buttons(bot: Bot) -> None:
    reply = await bot.ask("/event Protocol V conference")
    message = bot.api.sent[-1]
    assert "Protocol V" in reply and "5 November 2007" in reply
    labels = " ".join(button["text"] for button in message.buttons)
    assert ".ics" in labels and "Google" in labels and "Outlook" in labels and "Source" in labels
    google = message.button("Google")["url"]
    assert google.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE")
    assert "dates=20071105%2F20071106" in google
    outlook = message.button("Outlook")["url"]
    assert "startdt=2007-11-05" in outlook and "allday=true" in outlook


async def test_event_without_a_name_explains_how(bot: Bot) -> None:
    reply = await bot.ask("/event")
    assert "/event Protocol V" in reply


async def test_event_not_found_says_so(bot: Bot) -> None:
    reply = await bot.ask("/event Olympic Games")
    assert "Olympic Games" in reply and "/events" in reply


async def test_vague_event_gets_no_calendar_links(bot: Bot) -> None:
    await bot.ask("/event ccw-gge-intersessional-2007")
    labels = [button["text"] for button in bot.api.sent[-1].buttons]
    assert not any("Google" in label for label in labels)  # "June 2007" has no days to add


async def test_events_is_paginated_with_buttons(bot: Bot) -> None:
    reply = await bot.ask("/events")
    assert "page 1 of 1" in reply
    assert "Adoption of A/RES/62/57" in reply
    assert all(len(data.encode()) <= 64 for data in bot.api.sent[-1].callback_data)


async def test_today_when_nothing_is_on(bot: Bot) -> None:
    reply = await bot.ask("/today")
    assert "No events today" in reply


async def test_today_during_the_msp(bot: Bot) -> None:
    bot.clock.advance(timedelta(days=8))  # 9 November
    reply = await bot.ask("/today")
    assert "CCW Meeting of the States Parties" in reply


async def test_week_shows_the_next_seven_days(bot: Bot) -> None:
    reply = await bot.ask("/week")
    assert "Protocol V conference" in reply and "Amended Protocol II" in reply
    assert "Adoption" not in reply  # 5 December is further away


async def test_on_a_date(bot: Bot) -> None:
    reply = await bot.ask("/on 2007-11-06")
    assert "Amended Protocol II" in reply


async def test_on_a_written_date_in_french(bot: Bot) -> None:
    reply = await bot.ask("/on 5 novembre 2007", language_code="fr")
    assert "Protocol V" in reply


async def test_on_without_a_date_explains(bot: Bot) -> None:
    reply = await bot.ask("/on someday")
    assert "/on 2007-11-05" in reply


async def test_where_gives_the_place(bot: Bot) -> None:
    reply = await bot.ask("/where MSP")
    assert "Geneva, Switzerland" in reply


async def test_where_says_when_the_sources_do_not_tell(bot: Bot) -> None:
    reply = await bot.ask("/where ccw-apii-conference-2007")
    assert "Geneva" not in reply and "Amended Protocol II" in reply


async def test_ics_gives_the_feed_link(bot: Bot) -> None:
    reply = await bot.ask("/ics")
    assert "https://cal.example.org/calendar.ics" in reply


async def test_ics_with_an_event_sends_its_file(bot: Bot) -> None:
    bot.api.push_text(USER_ID, "/ics MSP")
    [document] = await bot.api.wait_for_messages(1)
    assert document.method == "sendDocument"
    assert document.document is not None and document.document.filename == "ccw-msp-2007.ics"
    assert b"BEGIN:VEVENT" in document.document.content
    assert b"ccw-msp-2007" in document.document.content


async def test_timezone_is_validated_and_stored(bot: Bot) -> None:
    reply = await bot.ask("/timezone asia/tokyo")
    assert "Asia/Tokyo" in reply
    assert bot.chats.get_chat(USER_ID).timezone == "Asia/Tokyo"


async def test_timezone_refuses_unknown_names_helpfully(bot: Bot) -> None:
    reply = await bot.ask("/timezone Mars/Olympus")
    assert "Mars/Olympus" in reply and "Europe/" in reply
    assert bot.chats.get_chat(USER_ID).timezone is None


async def test_timezone_without_argument_shows_the_current_one(bot: Bot) -> None:
    reply = await bot.ask("/timezone")
    assert "Europe/Zurich" in reply


async def test_about_names_the_source(bot: Bot) -> None:
    reply = await bot.ask("/about")
    assert "62/57" in reply and "7 events" in reply


async def test_french_speakers_get_french(bot: Bot) -> None:
    reply = await bot.ask("/start", language_code="fr")
    assert "Bonjour" in reply


async def test_unknown_command_gets_a_pointer_to_help(bot: Bot) -> None:
    reply = await bot.ask("/frobnicate")
    assert "/help" in reply


async def test_free_text_goes_to_the_answering_engine(bot: Bot) -> None:
    reply = await bot.ask("where is the MSP?")
    assert "Geneva" in reply


async def test_timezone_takes_a_city_or_a_country(bot: Bot) -> None:
    reply = await bot.ask("/timezone New York")
    assert "America/New_York" in reply
    assert bot.chats.get_chat(USER_ID).timezone == "America/New_York"
    await bot.ask("/timezone France")
    assert bot.chats.get_chat(USER_ID).timezone == "Europe/Paris"


async def test_timezone_of_a_country_with_several_zones_asks_which(bot: Bot) -> None:
    reply = await bot.ask("/timezone USA")
    assert "America/New_York" in reply and "America/Los_Angeles" in reply
    assert bot.chats.get_chat(USER_ID).timezone is None


async def test_free_text_changes_the_timezone(bot: Bot) -> None:
    reply = await bot.ask("change my timezone to Tokyo")
    assert "Asia/Tokyo" in reply
    assert bot.chats.get_chat(USER_ID).timezone == "Asia/Tokyo"
    assert "Tuesday, 6 November 2007" in await bot.ask("when is the amended protocol II conference")


async def test_a_shared_location_sets_the_timezone(bot: Bot) -> None:
    before = len(bot.api.sent)
    bot.api.push_location(USER_ID, 40.7128, -74.006)
    sent = await bot.api.wait_for_messages(before + 1)
    assert "America/New_York" in sent[-1].plain
    assert bot.chats.get_chat(USER_ID).timezone == "America/New_York"


async def test_a_location_at_sea_leaves_the_timezone_alone(bot: Bot) -> None:
    before = len(bot.api.sent)
    bot.api.push_location(USER_ID, 0.0, -30.0)
    sent = await bot.api.wait_for_messages(before + 1)
    assert "/timezone" in sent[-1].plain
    assert bot.chats.get_chat(USER_ID).timezone is None


async def test_a_stored_language_wins_over_the_clients(bot: Bot) -> None:
    prefs = bot.chats.get_chat(USER_ID)
    bot.chats.save_chat(replace(prefs, language="fr"))
    reply = await bot.ask("when is the MSP", language_code="en")
    assert "novembre" in reply


async def test_event_declines_a_name_the_calendar_does_not_hold(bot: Bot) -> None:
    reply = await bot.ask("/event Ottawa Convention meeting")
    assert "Ottawa" in reply and "2007" not in reply
