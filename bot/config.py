"""Settings: every knob calbot has, read once from the environment (and ``.env``) and passed down.

Names are fixed so deployments can rely on them (see the README's table). Secrets are ``SecretStr``
so that printing the settings never shows them. A bad value stops calbot at start with one clear
line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVENTS_FILE = PROJECT_ROOT / "events.yaml"


class Settings(BaseSettings):
    """calbot's configuration."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(
        default=None, validation_alias="TELEGRAM_BOT_TOKEN"
    )
    telegram_api_url: str = Field(
        default="https://api.telegram.org", validation_alias="TELEGRAM_API_URL"
    )
    telegram_mode: Literal["polling", "webhook"] = Field(
        default="polling", validation_alias="TELEGRAM_MODE"
    )
    public_url: str = Field(default="http://127.0.0.1:8080", validation_alias="PUBLIC_URL")
    webhook_secret: SecretStr | None = Field(default=None, validation_alias="WEBHOOK_SECRET")
    # Not a SecretStr (every adapter needs the text), but kept out of repr: it may hold a password.
    database_url: str = Field(
        default="sqlite:///calbot.db", validation_alias="DATABASE_URL", repr=False
    )
    events_file: Path = Field(default=DEFAULT_EVENTS_FILE, validation_alias="EVENTS_FILE")
    now: str | None = Field(default=None, validation_alias="CALBOT_NOW")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), validation_alias="ADMIN_IDS"
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", validation_alias="LOG_LEVEL"
    )
    host: str = Field(default="127.0.0.1", validation_alias="CALBOT_HOST")
    port: int = Field(default=8080, ge=1, le=65535, validation_alias="CALBOT_PORT")
    # Seconds a dead instance's reminder or polling lease lasts before another takes it over.
    lease_seconds: float = Field(
        default=15.0, ge=1.0, le=60.0, validation_alias="CALBOT_LEASE_SECONDS"
    )

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            try:
                return frozenset(int(part) for part in parts)
            except ValueError as error:
                message = "ADMIN_IDS must be comma-separated numeric Telegram user ids"
                raise ValueError(message) from error
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("public_url", "telegram_api_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        # The message never repeats the value: it may hold a password.
        try:
            backend = make_url(value).get_backend_name()
        except ArgumentError:
            raise ValueError(
                "must be a URL like sqlite:///calbot.db or postgresql://user:password@host/db"
            ) from None
        if backend not in ("sqlite", "postgresql"):
            raise ValueError(f"{backend} is not supported; use sqlite:///path or postgresql://...")
        return value

    @field_validator("telegram_bot_token", "webhook_secret", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @property
    def token(self) -> str | None:
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None


class SettingsError(Exception):
    """A setting is wrong; the message is one line naming the variable."""


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning pydantic's report into one readable line per bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        lines = []
        for item in error.errors(include_url=False):
            name = str(item["loc"][0]) if item["loc"] else "settings"
            message = str(item["msg"]).removeprefix("Value error, ")
            lines.append(f"bad setting {name.upper()}: {message}")
        raise SettingsError("; ".join(lines)) from None
