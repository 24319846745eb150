"""A time zone from a typed name or city in each of the six languages, or a shared location."""

from __future__ import annotations

import pytest

from bot.zones import zone_from_location, zone_from_text


@pytest.mark.parametrize(
    ("text", "zone"),
    [("Europe/Moscow", "Europe/Moscow"), ("  america/new_york ", "America/New_York"),
     ("New York", "America/New_York"), ("Москва", "Europe/Moscow"), ("上海", "Asia/Shanghai"),
     ("القاهرة", "Africa/Cairo"), ("Ciudad de México", "America/Mexico_City"),
     ("Genève", "Europe/Zurich"), ("Женева", "Europe/Zurich"), ("tokyo", "Asia/Tokyo")],
)  # fmt: skip
def test_names_and_cities_in_the_six_languages(text: str, zone: str) -> None:
    found = zone_from_text(text)
    assert found is not None and found.key == zone


@pytest.mark.parametrize("text", ["", "   ", "Qwertyzzy", "Europe/Atlantis", "x" * 5000, "\x00"])
def test_what_names_no_zone_gives_none(text: str) -> None:
    assert zone_from_text(text) is None


@pytest.mark.parametrize(
    ("latitude", "longitude", "zone"),
    [(55.75, 37.62, "Europe/Moscow"), (46.2, 6.15, "Europe/Zurich"), (35.68, 139.69, "Asia/Tokyo"),
     (-34.6, -58.38, "America/Argentina/Buenos_Aires"), (30.04, 31.24, "Africa/Cairo")],
)  # fmt: skip
def test_a_location_gives_its_zone(latitude: float, longitude: float, zone: str) -> None:
    found = zone_from_location(latitude, longitude)
    assert found is not None and found.key == zone


@pytest.mark.parametrize(
    ("latitude", "longitude"), [(91.0, 0.0), (0.0, 181.0), (float("nan"), 0.0), (0.0, float("inf"))]
)
def test_an_impossible_point_gives_none(latitude: float, longitude: float) -> None:
    assert zone_from_location(latitude, longitude) is None
