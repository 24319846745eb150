"""The bot token never reaches a log handler, whatever logger, level or traceback carries it."""

from __future__ import annotations

import logging

import pytest

from bot.logging import REDACTED, install_redaction, redact

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghij"


@pytest.fixture(autouse=True)
def _redaction() -> None:
    install_redaction([TOKEN, "s3cret-webhook"])


def test_url_with_token_is_redacted(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("httpx").warning("HTTP Request: POST %s", f"https://x/bot{TOKEN}/getMe")
    assert TOKEN not in caplog.text
    assert REDACTED in caplog.text


def test_traceback_with_token_is_redacted(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    try:
        raise RuntimeError(f"failed calling /bot{TOKEN}/sendMessage")
    except RuntimeError:
        logging.getLogger("telegram.ext").exception("handler failed")
    assert TOKEN not in caplog.text
    assert "handler failed" in caplog.text


def test_any_token_shape_is_redacted_even_if_unregistered() -> None:
    assert redact("bot987654321:ZZZZZZZZZZZZZZZZZZZZZZZZZZZ/x") == f"bot{REDACTED}/x"


def test_registered_secret_is_redacted_from_text() -> None:
    assert "s3cret-webhook" not in redact("header was s3cret-webhook")


def test_bad_format_arguments_do_not_lose_the_record(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    logging.getLogger("calbot").info("two %s %s", TOKEN)
    assert "two" in caplog.text
    assert TOKEN not in caplog.text


def test_personal_feed_token_is_redacted_from_the_access_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    feed_token = "q3Jx0f_9aZ-Lm2Wv8bYc4Tn6Rk1Ps7Ue"  # the shape secrets.token_urlsafe(24) gives
    caplog.set_level(logging.INFO)
    # uvicorn's access log line, with its own format and arguments (on a logger of the test's own:
    # uvicorn servers started by earlier tests reconfigure "uvicorn.access").
    access = logging.getLogger("tests.access")
    access.info(
        '%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", f"/feeds/{feed_token}.ics", "1.1", 200
    )
    logging.getLogger("httpx").warning(
        "HTTP Request: GET https://cal.example.org/feeds/%s.ics", feed_token
    )
    assert feed_token not in caplog.text
    assert caplog.text.count(f"/feeds/{REDACTED}.ics") == 2
