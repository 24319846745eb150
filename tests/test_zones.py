"""Zones from typed names and shared locations, as /timezone and a location message use them."""

from __future__ import annotations

import pytest

from bot.zones import zone_choices, zone_from_location, zone_from_text


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("New York", "America/New_York"),
        ("new york city", "America/New_York"),
        ("Genève", "Europe/Zurich"),
        ("Geneva", "Europe/Zurich"),
        ("Tokyo", "Asia/Tokyo"),
        ("America/New_York", "America/New_York"),
        ("america/new_york", "America/New_York"),
        ("UTC", "UTC"),
        ("France", "Europe/Paris"),
        ("Suisse", "Europe/Zurich"),
        ("Deutschland", "Europe/Berlin"),
        ("Москва", "Europe/Moscow"),
        ("北京", "Asia/Shanghai"),
        ("Nairobi", "Africa/Nairobi"),
    ],
)
def test_a_name_gives_its_zone(text: str, zone: str) -> None:
    found = zone_from_text(text)
    assert found is not None and found.key == zone


@pytest.mark.parametrize("text", ["USA", "United States", "États-Unis", "Russia"])
def test_a_country_with_several_zones_is_a_choice(text: str) -> None:
    assert zone_from_text(text) is None
    choices = zone_choices(text)
    assert len(choices) > 2 and len(set(choices)) == len(choices)


def test_the_united_states_offer_new_york_first() -> None:
    assert zone_choices("USA")[0] == "America/New_York"


@pytest.mark.parametrize("text", ["", "   ", "xyzzy", "the meeting", "a" * 5000])
def test_nothing_known_gives_none(text: str) -> None:
    assert zone_from_text(text) is None


def test_a_location_gives_its_zone() -> None:
    assert str(zone_from_location(46.2044, 6.1432)) == "Europe/Zurich"  # Geneva
    assert str(zone_from_location(40.7128, -74.006)) == "America/New_York"
    assert str(zone_from_location(35.68, 139.76)) == "Asia/Tokyo"


def test_open_sea_and_impossible_points_give_none() -> None:
    assert zone_from_location(0.0, -30.0) is None
    assert zone_from_location(91.0, 0.0) is None
    assert zone_from_location(0.0, 181.0) is None
