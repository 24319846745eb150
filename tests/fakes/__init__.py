"""Test doubles that speak real protocols: a strict fake Telegram Bot API server (``bot_api``)."""

from tests.fakes.bot_api import DEFAULT_TOKEN, FakeBotApi, RateLimits, SentMessage

__all__ = ["DEFAULT_TOKEN", "FakeBotApi", "RateLimits", "SentMessage"]
