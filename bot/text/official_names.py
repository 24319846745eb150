"""Official names of the Convention, its Protocols, meetings and bodies in the six UN languages.

Data in ``bot/names.yaml``: per entry and language a title, whether it was found in an official
text (``verified``) and where (``source``), plus short forms for matching. An unverified title is
our best rendering and is never to be presented as official; ``display_title`` says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from ruamel.yaml import YAML

NAME_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


@dataclass(frozen=True)
class OfficialName:
    title: str
    verified: bool
    source: str
    aliases: tuple[str, ...] = ()


class NamesFileError(ValueError):
    """names.yaml is incomplete: an entry lacks a language, a title or its verification."""


@cache
def official_names() -> Mapping[str, Mapping[str, OfficialName]]:
    """Every entry of names.yaml by id, then by language; read and checked once."""
    return parse_names(_data())


@cache
def event_aliases() -> Mapping[str, tuple[str, ...]]:
    """Event id -> every title and alias, in the six languages, of the entries naming it: what a
    delegate may call a meeting in their language. An unverified title is still what people
    say, so it matches as well as a verified one."""
    names = official_names()
    found: dict[str, list[str]] = {}
    for key, value in _data().items():
        for event_id in value.get("events", ()) if isinstance(value, dict) else ():
            for name in names[str(key)].values():
                found.setdefault(str(event_id), []).extend((name.title, *name.aliases))
    return MappingProxyType({key: tuple(dict.fromkeys(found[key])) for key in found})


def event_title(event_id: str, lang: str) -> str | None:
    """The verified official title, in ``lang``, of the entry naming the event; None when there
    is none (an unverified rendering is a fine alias but is not shown as the meeting's name)."""
    names = official_names()
    for key, value in _data().items():
        if isinstance(value, dict) and event_id in value.get("events", ()):
            name = names[str(key)].get(lang)
            return name.title if name is not None and name.verified else None
    return None


@cache
def _data() -> dict[object, object]:
    text = files("bot").joinpath("names.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    return data if isinstance(data, dict) else {}


def parse_names(data: object) -> Mapping[str, Mapping[str, OfficialName]]:
    if not isinstance(data, dict) or not data:
        raise NamesFileError("names.yaml must map entry ids to their names")
    return MappingProxyType({str(key): _entry(str(key), value) for key, value in data.items()})


def _entry(key: str, value: object) -> Mapping[str, OfficialName]:
    if not isinstance(value, dict):
        raise NamesFileError(f"{key}: must map languages to names")
    missing = [lang for lang in NAME_LANGUAGES if lang not in value]
    if missing:
        raise NamesFileError(f"{key}: no name in {', '.join(missing)}")
    return MappingProxyType({lang: _name(f"{key}.{lang}", value[lang]) for lang in NAME_LANGUAGES})


def _name(where: str, value: object) -> OfficialName:
    if not isinstance(value, dict):
        raise NamesFileError(f"{where}: must have title, verified and source")
    title, verified, source = value.get("title"), value.get("verified"), value.get("source")
    if not isinstance(title, str) or not title.strip():
        raise NamesFileError(f"{where}: no title")
    if not isinstance(verified, bool):
        raise NamesFileError(f"{where}: verified must be true or false")
    if not isinstance(source, str) or not source.strip():
        raise NamesFileError(f"{where}: no source note")
    if not verified and not source.startswith("unverified"):
        raise NamesFileError(f"{where}: an unverified title's source must say 'unverified: ...'")
    aliases = tuple(str(alias) for alias in value.get("aliases", ()))
    return OfficialName(title.strip(), verified, source.strip(), aliases)


def display_title(name: OfficialName, unofficial_mark: str = " (unofficial rendering)") -> str:
    """The title as shown to people: an unverified one carries a mark, never passes as official."""
    return name.title if name.verified else name.title + unofficial_mark
