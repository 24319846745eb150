"""The database schema and its versions.

Tables are SQLAlchemy Core ``Table`` objects, the same for SQLite and PostgreSQL. The
``schema_version`` table records which numbered steps of ``MIGRATIONS`` have run; ``upgrade`` runs
the missing ones in order, each in its own transaction under a lock (an advisory lock on PostgreSQL,
``BEGIN IMMEDIATE`` on SQLite), so two processes starting together never both run a step. Step 1
creates the tables as they are below. A later change to a table is a new step appended to
``MIGRATIONS`` (an ``ALTER TABLE``) together with the change to the ``Table`` here; since step 1
already creates the new column on a new database, such a step adds it only where it is missing
(step 4). Steps are never edited once released.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    DateTime,
    Dialect,
    Engine,
    Float,
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
    # Lead times a new subscription gets when none are stated ("1d,0d"); NULL: calbot's defaults.
    Column("default_leads", String(200)),  # since step 4
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

# A chat's personal feed (/myfeed). The token itself is kept because the owner must be able to see
# their URL again (calendar apps keep it; reissuing would break every subscribed device), and the
# database already holds everything the token protects. Requests are looked up by the SHA-256
# digest of the presented token, so the lookup's timing says nothing about the real token.
feed_tokens = Table(
    "feed_tokens",
    metadata,
    Column("chat_id", BigInteger, _chat_fk(), primary_key=True, autoincrement=False),
    Column("token", String(64), nullable=False),
    Column("digest", String(64), nullable=False, unique=True),
    Column("created_utc", UTCDateTime, nullable=False),
)

# Channels the bot was added to (from my_chat_member). The administrators who manage a channel's
# subscription are not stored: Telegram is asked (getChatMember) at each command, so a demoted
# administrator loses control at once.
channels = Table(
    "channels",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("title", Text),
    Column("username", String(64)),
    Column("bot_status", String(16), nullable=False),  # administrator | member | left | kicked
    Column("can_post", Boolean, nullable=False, default=False),
    Column("added_by", BigInteger),
    Column("updated_utc", UTCDateTime, nullable=False),
    Index("ix_channels_username", "username"),
)

# Coordination between calbot instances on one database (``bot.storage.coordination``). Times are
# seconds since 1970 on the database's own clock, so that the instances' clocks never disagree.
leases = Table(
    "leases",
    metadata,
    Column("name", String(64), primary_key=True),  # "reminders": who dispatches them
    Column("holder", String(200), nullable=False),  # host:pid:random of the holding instance
    Column("expires_epoch", Float, nullable=False),
)

processed_updates = Table(
    "processed_updates",
    metadata,
    Column("update_id", BigInteger, primary_key=True, autoincrement=False),
    Column("received_utc", UTCDateTime, nullable=False),
    Index("ix_processed_updates_received", "received_utc"),
)

send_budget = Table(
    "send_budget",
    metadata,
    Column("name", String(64), primary_key=True),  # "telegram": the bot token's overall budget
    Column("next_epoch", Float, nullable=False),  # the next free overall send slot
)

V2_TABLES = (leases, processed_updates, send_budget)

# Chats whose last reply Telegram would not take (after the outbound lane's retries): the next reply
# there, from whichever instance handles it, says that the action was done all the same. No foreign
# key: a chat's first message may be the one whose reply was lost, before it has a ``chats`` row.
undelivered_replies = Table(
    "undelivered_replies",
    metadata,
    Column("chat_id", BigInteger, primary_key=True, autoincrement=False),
    Column("since_utc", UTCDateTime, nullable=False),
)


def _create_v1(connection: Connection) -> None:
    metadata.create_all(connection, tables=list(V1_TABLES))


def _add_v2_coordination(connection: Connection) -> None:
    """Several instances on one database: the dispatch lease, webhook dedup, the shared budget."""
    metadata.create_all(connection, tables=list(V2_TABLES))


def _add_v3_feed_tokens_and_channels(connection: Connection) -> None:
    metadata.create_all(connection, tables=[feed_tokens, channels])


def _add_v4_default_leads(connection: Connection) -> None:
    """Each chat's default lead times (/settings), used when a subscription states none."""
    # Step 1 creates ``chats`` from the Table above: on a new database the column is there already.
    columns = {column["name"] for column in inspect(connection).get_columns("chats")}
    if "default_leads" not in columns:
        connection.execute(text("ALTER TABLE chats ADD COLUMN default_leads VARCHAR(200)"))


def _add_v5_undelivered_replies(connection: Connection) -> None:
    """The "your last reply could not be delivered" note, kept through restarts and instances."""
    metadata.create_all(connection, tables=[undelivered_replies])


Migration = Callable[[Connection], None]
MIGRATIONS: tuple[Migration, ...] = (
    _create_v1,
    _add_v2_coordination,
    _add_v3_feed_tokens_and_channels,
    _add_v4_default_leads,
    _add_v5_undelivered_replies,
)
LATEST_VERSION = len(MIGRATIONS)
_PG_LOCK_ID = 0x0CA1B07  # any constant; names calbot's migration lock


def current_version(connection: Connection) -> int:
    return connection.execute(
        select(func.coalesce(func.max(schema_version.c.version), 0))
    ).scalar_one()


def upgrade(engine: Engine, now_utc: datetime) -> int:
    """Bring the database to ``LATEST_VERSION``; returns the version it ends at.

    Safe when several processes start at once: each step runs under a lock (PostgreSQL: an advisory
    lock; SQLite: ``BEGIN IMMEDIATE``), re-reads the version, and skips a step another process did.
    """
    with _locked(engine) as connection:
        metadata.create_all(connection, tables=[schema_version])
    for number, step in enumerate(MIGRATIONS, start=1):
        with _locked(engine) as connection:
            if current_version(connection) >= number:
                continue
            step(connection)
            connection.execute(schema_version.insert().values(version=number, applied_utc=now_utc))
    with engine.connect() as connection:
        return current_version(connection)


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds calbot's migration lock until it commits."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_LOCK_ID})
            yield connection
        return
    # Python's sqlite3 runs DDL outside any transaction, so take the write lock by hand: DDL and the
    # version row then commit together, and a second process waits (busy timeout) for both.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.exec_driver_sql("ROLLBACK")
            raise
        connection.exec_driver_sql("COMMIT")
