"""The page in the six UN languages: chosen by ?lang= or Accept-Language, cached per language."""

from __future__ import annotations

import re

import httpx
import pytest

from bot.text.page_texts import PAGE_LANGUAGES, page_texts

OWN_NAMES = ["العربية", "中文", "English", "Français", "Русский", "Español"]
MSP_DATES = {
    "ar": "7–13 نوفمبر 2007",
    "zh": "2007年11月7日\u2009–\u200913日",
    "en": "7–13 November 2007",
    "fr": "7–13 novembre 2007",
    "ru": "7–13 ноября 2007\u202fг.",
    "es": "7–13 de noviembre de 2007",
}


@pytest.mark.parametrize("lang", PAGE_LANGUAGES)
async def test_the_page_speaks_the_chosen_language(client: httpx.AsyncClient, lang: str) -> None:
    response = await client.get("/", params={"lang": lang})
    assert response.status_code == 200
    assert response.headers["content-language"] == lang
    html = response.text
    assert f'<html lang="{lang}"' in html
    assert f"<h2>{page_texts(lang)['meetings']}</h2>" in html
    assert MSP_DATES[lang] in html


async def test_arabic_reads_right_to_left_and_keeps_english_names_isolated(
    client: httpx.AsyncClient,
) -> None:
    html = (await client.get("/?lang=ar")).text
    assert '<html lang="ar" dir="rtl">' in html
    assert '<bdi lang="en">CCW Meeting of the States Parties</bdi>' in html
    english = (await client.get("/?lang=en")).text
    assert "dir=" not in english.split(">", 2)[1]
    assert "<bdi" not in english


async def test_every_language_is_offered_by_its_own_name(client: httpx.AsyncClient) -> None:
    html = (await client.get("/?lang=zh")).text
    nav = html.split('<nav class="languages"', 1)[1].split("</nav>", 1)[0]
    assert [name for name in OWN_NAMES if name in nav] == OWN_NAMES
    assert 'href="https://calbot.example.org/?lang=ru"' in nav
    event = (await client.get("/events/ccw-msp-2007?lang=zh")).text
    assert 'href="https://calbot.example.org/events/ccw-msp-2007?lang=es"' in event


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        ("de-CH, de;q=0.9, es;q=0.5, fr;q=0.4", "es"),
        ("en;q=0.2, zh-Hans-CN;q=0.8", "zh"),
        ("ar;q=0, fr", "fr"),
        ("ar-EG", "ar"),
        ("de, it", "en"),
        ("*", "en"),
        ("q=;;,,, ;q=x", "en"),
    ],
)
async def test_the_browsers_language_is_used_by_its_weights(
    client: httpx.AsyncClient, header: str, expected: str
) -> None:
    response = await client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 200
    assert response.headers["content-language"] == expected
    assert f'<html lang="{expected}"' in response.text


async def test_a_chosen_language_beats_the_browsers_and_an_unknown_one_is_ignored(
    client: httpx.AsyncClient,
) -> None:
    chosen = await client.get("/?lang=es", headers={"Accept-Language": "ru"})
    assert chosen.headers["content-language"] == "es"
    unknown = await client.get("/?lang=klingon", headers={"Accept-Language": "ru"})
    assert unknown.status_code == 200
    assert unknown.headers["content-language"] == "ru"


async def test_a_chosen_language_is_kept_by_the_pages_links(client: httpx.AsyncClient) -> None:
    html = (await client.get("/?lang=fr")).text
    assert 'href="https://calbot.example.org/events/ccw-msp-2007?lang=fr"' in html
    event = (await client.get("/events/ccw-msp-2007?lang=fr")).text
    assert '<a href="https://calbot.example.org/?lang=fr">' in event
    assert "Ajouter au calendrier (.ics)" in event
    browser = (await client.get("/", headers={"Accept-Language": "fr"})).text
    assert 'href="https://calbot.example.org/events/ccw-msp-2007"' in browser


async def test_caches_keep_one_copy_per_language(client: httpx.AsyncClient) -> None:
    french = await client.get("/", headers={"Accept-Language": "fr"})
    chinese = await client.get("/", headers={"Accept-Language": "zh"})
    for response in (french, chinese):
        assert "Accept-Language" in response.headers["vary"]
        assert re.fullmatch(r'"[0-9a-f]{32}"', response.headers["etag"])
    assert french.headers["etag"] != chinese.headers["etag"]
    again = await client.get(
        "/", headers={"Accept-Language": "fr", "If-None-Match": french.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""
    other = await client.get(
        "/", headers={"Accept-Language": "zh", "If-None-Match": french.headers["etag"]}
    )
    assert other.status_code == 200
    assert other.headers["etag"] == chinese.headers["etag"]


async def test_the_etag_changes_with_the_encoding(client: httpx.AsyncClient) -> None:
    zipped = await client.get("/", headers={"Accept-Encoding": "gzip"})
    plain = await client.get("/", headers={"Accept-Encoding": "identity"})
    assert zipped.headers["etag"] != plain.headers["etag"]


async def test_a_weak_or_listed_etag_also_matches(client: httpx.AsyncClient) -> None:
    etag = (await client.get("/?lang=ru")).headers["etag"]
    listed = await client.get("/?lang=ru", headers={"If-None-Match": f'"x", W/{etag}'})
    assert listed.status_code == 304
    assert listed.headers["content-language"] == "ru"
