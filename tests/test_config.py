"""Settings: from the environment and `.env`; a bad value is one clear line; secrets stay hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings, SettingsError, load_settings

ENV_NAMES = [str(field.validation_alias) for field in Settings.model_fields.values()]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No setting from the machine running the tests, and no .env but the test's own."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_need_no_configuration() -> None:
    settings = load_settings()
    assert settings.token is None
    assert settings.admin_ids == frozenset()
    assert (settings.host, settings.port, settings.telegram_mode) == ("127.0.0.1", 8080, "polling")


@pytest.mark.parametrize(
    ("text", "ids"),
    [("", frozenset()), ("42", {42}), (" 1, 2 ,,3 ", {1, 2, 3}), ("7,7", {7})],
)
def test_admin_ids_are_comma_separated_numbers(
    monkeypatch: pytest.MonkeyPatch, text: str, ids: set[int]
) -> None:
    monkeypatch.setenv("ADMIN_IDS", text)
    assert load_settings().admin_ids == frozenset(ids)


def test_admin_ids_that_are_not_numbers_are_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "12,@alice")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value) == (
        "bad setting ADMIN_IDS: ADMIN_IDS must be comma-separated numeric Telegram user ids"
    )


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "CALBOT_PORT",
            "70000",
            "bad setting CALBOT_PORT: Input should be less than or equal to 65535",
        ),
        ("CALBOT_PORT", "http", "bad setting CALBOT_PORT: Input should be a valid integer"),
        (
            "PUBLIC_URL",
            "calbot.example.org",
            "bad setting PUBLIC_URL: must start with http:// or https://",
        ),
        (
            "TELEGRAM_MODE",
            "push",
            "bad setting TELEGRAM_MODE: Input should be 'polling' or 'webhook'",
        ),
    ],
)
def test_a_bad_setting_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_secrets_are_hidden_in_repr_and_str(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:AAHsecret-token-value")
    monkeypatch.setenv("WEBHOOK_SECRET", "webhook-shared-secret")
    settings = load_settings()
    for shown in (repr(settings), str(settings), str(settings.model_dump())):
        assert "AAHsecret-token-value" not in shown
        assert "webhook-shared-secret" not in shown
    assert settings.token == "123456:AAHsecret-token-value"


def test_empty_token_means_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    assert load_settings().token is None


def test_dot_env_is_read_and_environment_wins(
    monkeypatch: pytest.MonkeyPatch, clean_environment: Path
) -> None:
    (clean_environment / ".env").write_text("ADMIN_IDS=5\nLOG_LEVEL=debug\n", encoding="utf-8")
    monkeypatch.setenv("LOG_LEVEL", "warning")
    settings = load_settings()
    assert settings.admin_ids == frozenset({5})
    assert settings.log_level == "WARNING"


def test_overrides_take_precedence_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTS_FILE", "/elsewhere.yaml")
    assert load_settings(EVENTS_FILE="mine.yaml").events_file == Path("mine.yaml")
