"""Log setup: one line per event, secrets redacted, httpx quietened.

httpx logs every request URL at INFO, and Bot API URLs contain the bot token
(``/bot<token>/sendMessage``). calbot redacts at the source: a log-record factory replaces each
registered secret, anything shaped like a bot token and the token in a personal feed URL with
``[REDACTED]`` in the message, its arguments and its traceback when the record is made. Every
handler (calbot's, pytest's, a deployer's) therefore only ever sees redacted records.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

_TOKEN_SHAPE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")
# Personal feed URLs (/feeds/<token>.ics) carry a secret per chat: an access log, an httpx line or
# a traceback that shows one would hand that chat's calendar to whoever reads the log.
_FEED_TOKEN = re.compile(r"(/feeds/)[A-Za-z0-9_-]{8,}")
REDACTED = "[REDACTED]"


class Redactor:
    """Knows the secrets and removes them from text."""

    def __init__(self) -> None:
        self._secrets: list[str] = []

    def add_secret(self, secret: str | None) -> None:
        if secret and len(secret) >= 4 and secret not in self._secrets:
            self._secrets.append(secret)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return _FEED_TOKEN.sub(rf"\g<1>{REDACTED}", _TOKEN_SHAPE.sub(REDACTED, text))


_redactor = Redactor()
_formatter = logging.Formatter()


def redact(text: str) -> str:
    """Redact secrets from any text calbot is about to show (error replies, pages)."""
    return _redactor.redact(text)


def _redacting_factory(base: logging._LogRecordFactory) -> logging._LogRecordFactory:  # type: ignore[name-defined]
    def make_record(*args: object, **kwargs: object) -> logging.LogRecord:
        record = base(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = _redactor.redact(message), None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = _redactor.redact(_formatter.formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = _redactor.redact(record.stack_info)
        return record

    make_record._calbot = True  # type: ignore[attr-defined]
    return make_record


def install_redaction(secrets: Iterable[str | None] = ()) -> None:
    """Register secrets and make sure every new log record is redacted."""
    for secret in secrets:
        _redactor.add_secret(secret)
    current = logging.getLogRecordFactory()
    if not getattr(current, "_calbot", False):
        logging.setLogRecordFactory(_redacting_factory(current))


def setup_logging(level: str = "INFO", secrets: Iterable[str | None] = ()) -> None:
    """Configure the root logger once: one line per record on stderr, redacted, httpx at WARNING."""
    install_redaction(secrets)
    root = logging.getLogger()
    root.setLevel(level)
    if not any(getattr(handler, "_calbot", False) for handler in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler._calbot = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    # httpx/httpcore log full request URLs, which contain the token: warnings only, even at DEBUG.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
