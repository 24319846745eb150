"""Log setup: one line per event, secrets redacted, httpx quietened.

httpx logs every request URL at INFO, and Bot API URLs contain the bot token (``/bot<token>/sendMessage``).
A filter on the root handler replaces each registered secret, and any ``bot<digits>:<key>`` shape, with
``[REDACTED]`` in every record, whatever logger or level it came from.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

_TOKEN_SHAPE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")
REDACTED = "[REDACTED]"


class RedactingFilter(logging.Filter):
    """Removes secrets from the formatted message, arguments and tracebacks of a record."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if secret]

    def add_secret(self, secret: str | None) -> None:
        if secret and secret not in self._secrets:
            self._secrets.append(secret)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return _TOKEN_SHAPE.sub(REDACTED, text)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info:
            formatter = logging.Formatter()
            record.exc_text = self.redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


_filter = RedactingFilter()


def redact(text: str) -> str:
    """Redact secrets from any text calbot is about to show (error replies, pages)."""
    return _filter.redact(text)


def setup_logging(level: str = "INFO", secrets: Iterable[str | None] = ()) -> RedactingFilter:
    """Configure the root logger once; return the redacting filter so more secrets can be added."""
    for secret in secrets:
        _filter.add_secret(secret)
    root = logging.getLogger()
    root.setLevel(level)
    handler = next((h for h in root.handlers if getattr(h, "_calbot", False)), None)
    if handler is None:
        handler = logging.StreamHandler(sys.stderr)
        handler._calbot = True  # type: ignore[attr-defined]
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        handler.addFilter(_filter)
        root.addHandler(handler)
    # httpx/httpcore log full URLs (with the token) at INFO/DEBUG; keep them to warnings.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    return _filter
