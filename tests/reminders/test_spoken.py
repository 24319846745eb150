"""Lead times said in words read into the lead syntax, with the command's own limits."""

from __future__ import annotations

import pytest

from bot.reminders.leads import LeadError, parse_leads
from bot.reminders.spoken import spoken_leads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("remind me the day before the MSP", "1d"),
        ("remind me 2 hours before the Protocol V conference", "2h"),
        ("remind me a week before the meetings", "1w"),
        ("remind me three days before at 6 pm", "3d@18:00"),
        ("remind me half an hour before the opening", "30m"),
        ("the day before at 18:00 and the morning of", "1d@18:00 0d"),
        ("rappelle-moi la veille de la réunion", "1d"),
        ("rappelle-moi deux heures avant la conférence", "2h"),
        ("une semaine avant les réunions, et la veille à 18 h 30", "1w 1d@18:30"),
        ("le matin même s'il vous plaît", "0d"),
        ("remind me 2d 3h before msp", "2d 3h"),
    ],
)
def test_lead_times_in_words(text: str, expected: str) -> None:
    assert spoken_leads(text) == parse_leads(expected)


@pytest.mark.parametrize("text", ["remind me about the MSP", "when is the MSP?", "rappelle-moi"])
def test_no_lead_time_stated(text: str) -> None:
    assert spoken_leads(text) is None


def test_an_amount_the_command_refuses_is_refused_in_words_too() -> None:
    with pytest.raises(LeadError) as refused:
        spoken_leads("remind me 10 weeks before the MSP")
    assert refused.value.reason == "too_far"
