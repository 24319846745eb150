"""The database schema and its versions.

Tables are SQLAlchemy Core ``Table`` objects, the same for SQLite and PostgreSQL. The
``schema_version`` table records which numbered steps of ``MIGRATIONS`` have run; ``upgrade`` runs
the missing ones in order, each in its own transaction (on PostgreSQL under an advisory lock, so two
processes starting together do not both run a step). Step 1 creates the tables as they are below. A
later change to a table is a new step appended to ``MIGRATIONS`` (an ``ALTER TABLE``) together with
the change to the ``Table`` here; steps are never edited once released.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    DateTime,
    Dialect,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import DBAPIError


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out (SQLite keeps no offset, so it is added back on reading)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: store aware UTC instants")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_utc", UTCDateTime, nullable=False),
)

chats = Table(
    "chats",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("timezone", String(64)),
    Column("language", String(16)),
    Column("active", Boolean, nullable=False, default=True),
    Column("inactive_reason", Text),
    Column("digest_time", String(5)),  # "HH:MM" local to the chat's zone
    Column("created_utc", UTCDateTime, nullable=False),
    Column("updated_utc", UTCDateTime, nullable=False),
)


def _chat_fk() -> ForeignKey:
    return ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE")


subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", BigInteger, _chat_fk(), nullable=False),
    Column("scope", String(100), nullable=False),  # all | event:<id> | kind:<kind>
    Column("leads", String(200), nullable=False),  # "1d,0d", "2d,3h", "1d@09:00"
    Column("active", Boolean, nullable=False, default=True),
    Column("created_utc", UTCDateTime, nullable=False),
    Column("updated_utc", UTCDateTime, nullable=False),
    UniqueConstraint("chat_id", "scope", name="uq_subscription_scope"),
)

# No foreign key to chats: the log must outlive a chat so that nothing is ever sent twice.
delivery_log = Table(
    "delivery_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", BigInteger, nullable=False),
    Column("event_id", String(100), nullable=False),
    Column("event_revision", Integer, nullable=False),
    Column("lead_key", String(100), nullable=False),
    Column("status", String(16), nullable=False),  # sending | sent | failed | skipped
    Column("message_id", BigInteger),
    Column("attempts", Integer, nullable=False, default=1),
    Column("reason", Text),
    Column("created_utc", UTCDateTime, nullable=False),
    Column("updated_utc", UTCDateTime, nullable=False),
    UniqueConstraint("chat_id", "event_id", "event_revision", "lead_key", name="uq_delivery_key"),
    Index("ix_delivery_status", "status"),
)

revisions = Table(
    "revisions",
    metadata,
    Column("event_id", String(100), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("modified_utc", UTCDateTime, nullable=False),
)

snoozes = Table(
    "snoozes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", BigInteger, _chat_fk(), nullable=False),
    Column("event_id", String(100), nullable=False),
    Column("due_utc", UTCDateTime, nullable=False),
    Column("done", Boolean, nullable=False, default=False),
    Column("created_utc", UTCDateTime, nullable=False),
    Index("ix_snoozes_due", "done", "due_utc"),
)

V1_TABLES = (chats, subscriptions, delivery_log, revisions, snoozes)


def _create_v1(connection: Connection) -> None:
    metadata.create_all(connection, tables=list(V1_TABLES))


Migration = Callable[[Connection], None]
MIGRATIONS: tuple[Migration, ...] = (_create_v1,)
LATEST_VERSION = len(MIGRATIONS)
_PG_LOCK_ID = 0x0CA1B07  # any constant; names calbot's migration lock


def current_version(connection: Connection) -> int:
    return connection.execute(
        select(func.coalesce(func.max(schema_version.c.version), 0))
    ).scalar_one()


def upgrade(engine: Engine, now_utc: datetime) -> int:
    """Bring the database to ``LATEST_VERSION``; returns the version it ends at.

    Safe when several processes start at once: PostgreSQL serializes on an advisory lock; on SQLite
    the loser of a race fails on the DDL, finds the step recorded by the winner, and goes on.
    """
    _tolerating_a_race(engine, lambda c: metadata.create_all(c, tables=[schema_version]), None)
    for number, step in enumerate(MIGRATIONS, start=1):
        _tolerating_a_race(engine, lambda c, n=number, s=step: _run(c, n, s, now_utc), number)
    with engine.connect() as connection:
        return current_version(connection)


def _run(connection: Connection, number: int, step: Migration, now_utc: datetime) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_LOCK_ID})
    if current_version(connection) >= number:
        return
    step(connection)
    connection.execute(schema_version.insert().values(version=number, applied_utc=now_utc))


def _tolerating_a_race(
    engine: Engine, work: Callable[[Connection], None], number: int | None
) -> None:
    try:
        with engine.begin() as connection:
            work(connection)
    except DBAPIError:
        # Another process may have done this very step meanwhile; if so, all is well.
        with engine.connect() as connection:
            has_table = inspect(connection).has_table(schema_version.name)
            done = has_table and (number is None or current_version(connection) >= number)
        if not done:
            raise
