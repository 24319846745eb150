"""A time zone from what a user gives: a zone name, a city, or a shared location (offline).

``zone_from_text`` reads an IANA name in any case (``europe/geneva`` is not one; ``Europe/Zurich``
is) or a city CLDR names in one of the six UN languages (Babel's exemplar cities: "Москва",
"Ciudad de México", "上海", "القاهرة"; in English the city is the zone's own last part, "New York").
Geneva, the seat of most of these meetings, shares Zurich's zone and has no zone of its own, so it
is added by hand. ``zone_from_location`` asks timezonefinder, which ships the zone boundaries and
needs no network. Both return ``None`` when they find nothing; neither raises on odd input.
"""

from __future__ import annotations

import math
import unicodedata
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from babel import Locale
from timezonefinder import TimezoneFinder

CITY_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
# Cities that are not CLDR exemplars because they share another city's zone.
EXTRA_CITIES = {
    "Europe/Zurich": ("Geneva", "Genève", "Ginebra", "Женева", "日内瓦", "جنيف", "Genf"),
}
MAX_TEXT = 100


def zone_from_text(text: str) -> ZoneInfo | None:
    """The zone a typed name or city means, or ``None``."""
    key = _normal(text)
    if not key or len(key) > MAX_TEXT:
        return None
    name = _zone_names().get(key) or _cities().get(key)
    return ZoneInfo(name) if name else None


def zone_from_location(latitude: float, longitude: float) -> ZoneInfo | None:
    """The zone at a point on earth (offline), or ``None`` at sea or for impossible points."""
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    name = _finder().timezone_at(lng=longitude, lat=latitude)
    if name is None or name not in available_timezones():
        return None
    return ZoneInfo(name)


def _normal(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    return " ".join(folded.replace("_", " ").split())


@cache
def _zone_names() -> dict[str, str]:
    return {_normal(name): name for name in available_timezones()}


@cache
def _cities() -> dict[str, str]:
    known = available_timezones()
    cities: dict[str, str] = {}
    for name in sorted(known):
        if "/" in name and not name.startswith("Etc/"):
            cities.setdefault(_normal(name.rsplit("/", 1)[1]), name)
    for lang in CITY_LANGUAGES:
        for name, data in Locale.parse(lang).time_zones.items():
            city = data.get("city")
            if city and name in known:
                cities.setdefault(_normal(city), name)
    for name, extra in EXTRA_CITIES.items():
        cities.update({_normal(city): name for city in extra})
    return cities


@cache
def _finder() -> TimezoneFinder:
    return TimezoneFinder()
