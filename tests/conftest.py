"""Shared fixtures: the shipped calendar, a manual clock, temporary events files, databases.

``database_url`` runs a test on a temporary SQLite file and on PostgreSQL: the server at
127.0.0.1:5432 (database ``test``, user ``postgres`` or ``root``), each test in its own schema
(through ``search_path`` in the URL), dropped afterwards. When the server does not answer, the
PostgreSQL variant is skipped with the reason, or fails where ``CALBOT_REQUIRE_POSTGRES=1`` (CI).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from telegram.ext import Application

from bot.chats import ChatStore
from bot.clock import Clock, ManualClock
from bot.config import DEFAULT_EVENTS_FILE, Settings, load_settings
from bot.events.loader import load_calendar
from bot.events.model import Calendar
from bot.events.revisions import MemoryRevisionStore
from bot.outbound.budget import Budget
from bot.outbound.lane import OutboundLane
from bot.state import CalendarHolder
from bot.telegram.app import build_application
from bot.telegram.flood import FloodLimit
from tests.fakes.bot_api import FakeBotApi

# The machines are shared and noisy: a slow example is not a failure. Examples are not stored (each
# test runs in its own temporary folder). The suite's examples are the same on every run, so CI
# passes or fails on the code, not on the draw; `CALBOT_HYPOTHESIS=explore ./dev pytest` draws new
# ones (it is how the open "the Period Convention" case was found).
hypothesis_settings.register_profile("calbot", deadline=None, database=None, derandomize=True)
hypothesis_settings.register_profile("explore", deadline=None, database=None, max_examples=500)
hypothesis_settings.load_profile(os.environ.get("CALBOT_HYPOTHESIS", "calbot"))

# 1 November 2007, 09:00 in Geneva: a few days before the first of the November meetings.
DEMO_NOW = datetime(2007, 11, 1, 8, 0, tzinfo=UTC)


SETTING_NAMES = tuple(
    str(field.validation_alias)
    for field in Settings.model_fields.values()
    if field.validation_alias
)


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test starts from default settings: no developer's token or .env, no shared database."""
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'calbot.db'}")
    monkeypatch.chdir(tmp_path)


@pytest.fixture(autouse=True)
def _timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """PTB 22 warns (an error here) on each RetryAfter unless it may use timedelta values; calbot
    reads either form."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    """The strict fake Bot API on 127.0.0.1, Telegram's default limits on (30/s overall, 1/s per
    private chat, 20/min per group); a test lifts them with ``api.lift_rate_limits()``."""
    async with FakeBotApi() as server:
        yield server


@pytest.fixture
def events_path() -> Path:
    return DEFAULT_EVENTS_FILE


@pytest.fixture
def calendar(events_path: Path) -> Calendar:
    return load_calendar(events_path)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(DEMO_NOW)


@pytest.fixture
def events_copy(tmp_path: Path, events_path: Path) -> Path:
    """A writable copy of the shipped events.yaml."""
    target = tmp_path / "events.yaml"
    target.write_bytes(events_path.read_bytes())
    return target


@pytest.fixture
def holder(events_copy: Path, clock: ManualClock) -> CalendarHolder:
    """A loaded calendar holder over a writable copy of events.yaml."""
    calendar_holder = CalendarHolder(events_copy, clock, MemoryRevisionStore())
    calendar_holder.load()
    return calendar_holder


# Databases ---------------------------------------------------------------------------------------

POSTGRES_SERVER = "postgresql+psycopg://{user}@127.0.0.1:5432/test"
POSTGRES_USERS = ("postgres", "root")


def _postgres_server() -> str | None:
    for user in POSTGRES_USERS:
        url = POSTGRES_SERVER.format(user=user)
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return url
        except OperationalError:
            continue
        finally:
            engine.dispose()
    return None


@pytest.fixture(scope="session")
def postgres_server() -> str | None:
    return _postgres_server()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, postgres_server: str | None
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'calbot.db'}"
        return
    if postgres_server is None:
        reason = (
            "PostgreSQL at 127.0.0.1:5432 does not answer (database test, users postgres, root)"
        )
        if os.environ.get("CALBOT_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{reason}, and CALBOT_REQUIRE_POSTGRES=1 (as in CI) requires it")
        pytest.skip(reason)
    name = f"calbot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        plain = postgres_server.replace("postgresql+psycopg://", "postgresql://")
        # synchronous_commit off: a commit does not wait for its WAL flush. Same semantics for every
        # test (nothing here crashes the database server), a fraction of the time on shared disks.
        yield f"{plain}?options=-csearch_path%3D{name}%20-csynchronous_commit%3Doff"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


# calbot's Application -----------------------------------------------------------------------------


def unpaced_lane() -> OutboundLane:
    """The outbound lane with its pacing off: with the fake's limits lifted, a test's replies come
    as fast as calbot makes them (tests/outbound has the paced lane at Telegram's limits)."""
    return OutboundLane(Budget(rate=0, private_interval=0, group_interval=0), backoff=0.01)


@contextlib.asynccontextmanager
async def polling_bot(
    api: FakeBotApi,
    holder: CalendarHolder,
    clock: Clock,
    chats: ChatStore,
    extensions: list[Callable[[Application], object]],
    settings: Settings | None = None,
    *,
    paced: bool = False,
) -> AsyncIterator[Application]:
    """calbot's Application as ``calbot serve`` builds it, long-polling the fake server. The
    fake's rate limits are lifted and the lane unpaced, unless ``paced`` (tests/outbound: Telegram's
    limits and calbot's own pacing). The per-user flood limit has its own clock either way."""
    if not paced:
        api.lift_rate_limits()
    settings = settings or load_settings(
        TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url
    )
    application = build_application(
        settings, holder, clock, chats, extensions=extensions, flood=FloodLimit(clock),
        lane=None if paced else unpaced_lane(),
    )  # fmt: skip
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=5)
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()
