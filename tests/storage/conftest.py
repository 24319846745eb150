"""Database fixtures: ``database_url`` runs a test on a temporary SQLite file and on PostgreSQL.

PostgreSQL is the server at 127.0.0.1:5432 (database ``test``, user ``postgres`` or ``root``); each
test gets its own schema (through ``search_path`` in the URL), dropped afterwards. When the server
does not answer, the PostgreSQL variant is skipped with the reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bot.clock import ManualClock
from bot.storage import Store

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
        pytest.skip("PostgreSQL at 127.0.0.1:5432 does not answer (users postgres, root)")
    name = f"calbot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        plain = postgres_server.replace("postgresql+psycopg://", "postgresql://")
        yield f"{plain}?options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(database_url: str, clock: ManualClock) -> Iterator[Store]:
    opened = Store.open(database_url, clock)
    yield opened
    opened.close()
