"""``Store``: every read and write calbot makes to its database, behind one object.

SQLAlchemy Core over a sync engine; the same statements run on SQLite and PostgreSQL. Upserts and
the at-most-once claim use ``INSERT ... ON CONFLICT``, which both dialects support, so two processes
(or a crash and a restart) can never both send the same reminder. The API is listed in
``bot.storage``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time
from time import monotonic, sleep
from typing import Any

from sqlalchemy import Engine, and_, create_engine, event, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from bot.chats import ChatPrefs
from bot.clock import Clock, SystemClock
from bot.events.revisions import Revision
from bot.reminders.leads import Lead, format_leads, parse_leads
from bot.reminders.planner import DeliveryKey, Subscription
from bot.storage import coordination, schema
from bot.storage.schema import chats, delivery_log, revisions, snoozes, subscriptions
from bot.storage.undelivered import UndeliveredReplies

DELIVERY_STATUSES = ("sending", "sent", "failed", "skipped")
# What a group's preferences are; they follow it when it becomes a supergroup (``migrate_chat``).
_MIGRATED_PREFS = ("timezone", "language", "digest_time", "default_leads")
SQLITE_BUSY_TIMEOUT_MS = 5000
CLOSE_WAIT_SECONDS = 5.0  # how long close() waits for connections still out in worker threads


@dataclass(frozen=True)
class DeliveryRecord:
    key: DeliveryKey
    status: str
    attempts: int
    message_id: int | None
    reason: str | None
    updated_utc: datetime


@dataclass(frozen=True)
class Snooze:
    id: int
    chat_id: int
    event_id: str
    due_utc: datetime
    done: bool


@dataclass(frozen=True)
class DigestChat:
    prefs: ChatPrefs
    at: time  # local time of day in the chat's zone


def normalize_url(database_url: str) -> str:
    """calbot picks the driver: plain ``postgresql://`` (or ``postgres://``) means psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if database_url.startswith(prefix):
            return "postgresql+psycopg://" + database_url.removeprefix(prefix)
    return database_url


def _make_engine(database_url: str) -> Engine:
    url = make_url(normalize_url(database_url))
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    memory = url.database in (None, "", ":memory:")
    # One shared connection for an in-memory database (each new one would be empty); handlers run in
    # threads (asyncio.to_thread), hence check_same_thread off.
    options: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if memory:
        options["poolclass"] = StaticPool
    engine = create_engine(url, **options)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        # The busy timeout first: switching to WAL takes a lock that another process starting at
        # the same moment (running a migration step) may hold, and must be waited for too.
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


class Store:
    """calbot's database. Implements ``ChatStore`` and ``RevisionStore``."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self._clock = clock
        dialect = sqlite if engine.dialect.name == "sqlite" else postgresql
        self._insert = dialect.insert
        self._changes = 0  # bumped by every write to chats or subscriptions (see changes())
        self._updates = coordination.UpdateLedger(engine)
        self._undelivered = UndeliveredReplies(engine)

    @classmethod
    def open(cls, database_url: str, clock: Clock | None = None) -> Store:
        """Connect and bring the schema up to date."""
        clock = clock or SystemClock()
        engine = _make_engine(database_url)
        schema.upgrade(engine, clock.now())
        return cls(engine, clock)

    def close(self) -> None:
        """Close the pool once in-flight work is back: a database call still running in a worker
        thread when calbot stops (``asyncio.to_thread`` outlives a cancelled task) returns its
        connection to the pool it came from; disposing first would leave that connection open."""
        checked_out = getattr(self.engine.pool, "checkedout", lambda: 0)
        deadline = monotonic() + CLOSE_WAIT_SECONDS
        while checked_out() and monotonic() < deadline:
            sleep(0.01)
        self.engine.dispose()

    def ping(self) -> bool:
        """True when the database answers (for /readyz); never raises."""
        try:
            with self.engine.connect() as connection:
                connection.execute(select(1))
        except SQLAlchemyError:
            return False
        return True

    def schema_version(self) -> int:
        with self.engine.connect() as connection:
            return schema.current_version(connection)

    # Chats ----------------------------------------------------------------------------------------

    def get_chat(self, chat_id: int) -> ChatPrefs:
        with self.engine.connect() as connection:
            return self._chat(connection, chat_id)

    def _chat(self, connection: Any, chat_id: int) -> ChatPrefs:
        row = connection.execute(select(chats).where(chats.c.id == chat_id)).first()
        return _prefs(row) if row else ChatPrefs(chat_id)

    def save_chat(self, prefs: ChatPrefs) -> None:
        values = {
            "timezone": prefs.timezone,
            "language": prefs.language,
            "active": prefs.active,
            "default_leads": format_leads(prefs.default_leads) if prefs.default_leads else None,
        }
        if prefs.active:
            values["inactive_reason"] = None
        self._upsert_chat(prefs.chat_id, values)

    def chats(self) -> dict[int, ChatPrefs]:
        columns = chats.c
        query = select(
            columns.id, columns.timezone, columns.language, columns.active, columns.default_leads
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return {row.id: _prefs(row) for row in rows}

    def deactivate_chat(self, chat_id: int, reason: str) -> None:
        self._upsert_chat(chat_id, {"active": False, "inactive_reason": reason})

    def reactivate_chat(self, chat_id: int) -> None:
        self._upsert_chat(chat_id, {"active": True, "inactive_reason": None})

    def set_digest(self, chat_id: int, at: time | None) -> None:
        self._upsert_chat(chat_id, {"digest_time": f"{at:%H:%M}" if at else None})

    def digest_chats(self) -> list[DigestChat]:
        query = select(chats).where(chats.c.active, chats.c.digest_time.is_not(None))
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(chats.c.id)).all()
        return [DigestChat(_prefs(row), time.fromisoformat(row.digest_time)) for row in rows]

    def digest_time(self, chat_id: int) -> time | None:
        with self.engine.connect() as connection:
            value = connection.execute(
                select(chats.c.digest_time).where(chats.c.id == chat_id)
            ).scalar()
        return time.fromisoformat(value) if value else None

    def set_default_leads(self, chat_id: int, leads: Iterable[Lead] | None) -> None:
        """The lead times the chat's new subscriptions get when they state none (None: calbot's)."""
        text = format_leads(leads) if leads is not None else ""
        self._upsert_chat(chat_id, {"default_leads": text or None})

    def mark_undelivered(self, chat_id: int) -> None:
        """Telegram did not take the last reply to ``chat_id``: the next reply says the action was
        done (``bot.storage.undelivered``)."""
        self._undelivered.mark(chat_id, self._clock.now())

    def take_undelivered(self, chat_id: int) -> bool:
        """True once after ``mark_undelivered``, on whichever instance asks first."""
        return self._undelivered.take(chat_id)

    def _upsert_chat(self, chat_id: int, values: Mapping[str, object]) -> None:
        now = self._clock.now()
        statement = self._insert(chats).values(
            id=chat_id, created_utc=now, updated_utc=now, **{"active": True, **values}
        )
        statement = statement.on_conflict_do_update(
            index_elements=[chats.c.id], set_={**values, "updated_utc": now}
        )
        with self.engine.begin() as connection:
            connection.execute(statement)
        self._changes += 1

    def _ensure_chat(self, connection: Any, chat_id: int) -> None:
        now = self._clock.now()
        connection.execute(
            self._insert(chats)
            .values(id=chat_id, active=True, created_utc=now, updated_utc=now)
            .on_conflict_do_nothing(index_elements=[chats.c.id])
        )

    def migrate_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: everything of ``old_id`` now belongs to ``new_id``."""
        with self.engine.begin() as connection:
            old = connection.execute(select(chats).where(chats.c.id == old_id)).first()
            self._ensure_chat(connection, new_id)
            kept = {name: getattr(old, name, None) for name in _MIGRATED_PREFS}
            connection.execute(
                update(chats)
                .where(chats.c.id == new_id)
                .values(**kept, updated_utc=self._clock.now())
            )
            taken = select(subscriptions.c.scope).where(subscriptions.c.chat_id == new_id)
            connection.execute(
                subscriptions.delete().where(
                    subscriptions.c.chat_id == old_id, subscriptions.c.scope.in_(taken)
                )
            )
            for table in (subscriptions, snoozes):
                connection.execute(
                    update(table).where(table.c.chat_id == old_id).values(chat_id=new_id)
                )
            self._move_log(connection, old_id, new_id)
            self._undelivered.move(connection, old_id, new_id, self._clock.now())
            connection.execute(chats.delete().where(chats.c.id == old_id))
        self._changes += 1

    def _move_log(self, connection: Any, old_id: int, new_id: int) -> None:
        # Rows the new id already has win; the old ones are redundant for the at-most-once guard.
        new = delivery_log.alias("new")
        clash = (
            select(new.c.id)
            .where(
                new.c.chat_id == new_id,
                new.c.event_id == delivery_log.c.event_id,
                new.c.event_revision == delivery_log.c.event_revision,
                new.c.lead_key == delivery_log.c.lead_key,
            )
            .exists()
        )
        connection.execute(delivery_log.delete().where(delivery_log.c.chat_id == old_id, clash))
        connection.execute(
            update(delivery_log).where(delivery_log.c.chat_id == old_id).values(chat_id=new_id)
        )

    # Subscriptions --------------------------------------------------------------------------------

    def subscribe(
        self, chat_id: int, scope: str, leads: Iterable[Lead] | None = None
    ) -> Subscription:
        """Subscribe (or re-subscribe with new lead times); returns the subscription as stored.

        Without lead times (None or none at all) the chat's default ones apply (``default_leads``).
        """
        now = self._clock.now()
        with self.engine.begin() as connection:
            self._ensure_chat(connection, chat_id)
            chosen = tuple(leads or ()) or self._chat(connection, chat_id).leads
            text = format_leads(chosen)
            statement = self._insert(subscriptions).values(
                chat_id=chat_id,
                scope=scope,
                leads=text,
                active=True,
                created_utc=now,
                updated_utc=now,
            )
            statement = statement.on_conflict_do_update(
                index_elements=[subscriptions.c.chat_id, subscriptions.c.scope],
                set_={"leads": text, "active": True, "updated_utc": now},
            )
            connection.execute(statement)
        self._changes += 1
        return Subscription(chat_id, scope, parse_leads(text), True)

    def unsubscribe(self, chat_id: int, scope: str | None = None) -> int:
        """End one subscription (or all of a chat's); returns how many were active."""
        condition = and_(subscriptions.c.chat_id == chat_id, subscriptions.c.active)
        if scope is not None:
            condition = and_(condition, subscriptions.c.scope == scope)
        statement = (
            update(subscriptions)
            .where(condition)
            .values(active=False, updated_utc=self._clock.now())
        )
        with self.engine.begin() as connection:
            ended = connection.execute(statement).rowcount
        self._changes += 1
        return ended

    def subscriptions(self, active_only: bool = True) -> list[Subscription]:
        # Only the four columns the planner needs, as plain tuples: no timestamp conversion per row,
        # and each distinct leads text parsed once (most chats share the defaults).
        columns = subscriptions.c
        query = select(columns.chat_id, columns.scope, columns.leads, columns.active).order_by(
            columns.chat_id, columns.scope
        )
        if active_only:
            query = query.where(columns.active)
        return self._read_subscriptions(query)

    def _read_subscriptions(self, query: Any) -> list[Subscription]:
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            Subscription(chat_id, scope, _parsed_leads(leads), bool(active))
            for chat_id, scope, leads, active in rows
        ]

    def changes(self) -> tuple[object, ...]:
        """A stamp that differs whenever chats or subscriptions changed (to keep a plan cached).

        This store's own writes bump a counter; the counts and latest ``updated_utc`` catch most
        writes made through another process too.
        """
        stamp = select(
            select(func.count()).select_from(subscriptions).scalar_subquery(),
            select(func.max(subscriptions.c.updated_utc)).scalar_subquery(),
            select(func.count()).select_from(chats).scalar_subquery(),
            select(func.max(chats.c.updated_utc)).scalar_subquery(),
        )
        with self.engine.connect() as connection:
            row = connection.execute(stamp).one()
        return (self._changes, *row)

    def chat_subscriptions(self, chat_id: int) -> list[Subscription]:
        # One chat's rows only: a personal feed is fetched hourly by every subscriber's apps.
        columns = subscriptions.c
        query = (
            select(columns.chat_id, columns.scope, columns.leads, columns.active)
            .where(columns.active, columns.chat_id == chat_id)
            .order_by(columns.scope)
        )
        return self._read_subscriptions(query)

    # Coordination between instances (bot.storage.coordination) ----------------------------------

    def take_lease(self, name: str, holder: str, ttl: float) -> bool:
        return coordination.take_lease(self.engine, name, holder, ttl)

    def release_lease(self, name: str, holder: str) -> None:
        coordination.release_lease(self.engine, name, holder)

    def lease_holder(self, name: str) -> str | None:
        return coordination.lease_holder(self.engine, name)

    def reserve_send_slot(self, spacing: float, catch_up: float = 0.0) -> float:
        return coordination.reserve_send_slot(self.engine, spacing, catch_up)

    def claim_update(self, update_id: int) -> bool:
        return self._updates.claim_update(update_id, self._clock.now())

    # Delivery log ---------------------------------------------------------------------------------

    def claim_delivery(self, key: DeliveryKey) -> bool:
        """Record that ``key`` is being sent; False if claimed before (then never send it)."""
        now = self._clock.now()
        statement = (
            self._insert(delivery_log)
            .values(
                **_key_values(key), status="sending", attempts=1, created_utc=now, updated_utc=now
            )
            .on_conflict_do_nothing(
                index_elements=["chat_id", "event_id", "event_revision", "lead_key"]
            )
            .returning(delivery_log.c.id)
        )
        # RETURNING rather than rowcount: psycopg reports no reliable count for ON CONFLICT.
        with self.engine.begin() as connection:
            return connection.execute(statement).first() is not None

    def reclaim_delivery(
        self, key: DeliveryKey, from_statuses: Iterable[str] = ("failed",)
    ) -> bool:
        """Take a logged delivery back to 'sending' for a retry; False if another process did."""
        statement = (
            update(delivery_log)
            .where(_key_match(key), delivery_log.c.status.in_(tuple(from_statuses)))
            .values(
                status="sending",
                attempts=delivery_log.c.attempts + 1,
                updated_utc=self._clock.now(),
            )
        )
        with self.engine.begin() as connection:
            return connection.execute(statement).rowcount == 1

    def finish_delivery(
        self,
        key: DeliveryKey,
        status: str,
        message_id: int | None = None,
        reason: str | None = None,
    ) -> None:
        if status not in DELIVERY_STATUSES:
            raise ValueError(f"unknown delivery status {status!r}")
        statement = (
            update(delivery_log)
            .where(_key_match(key))
            .values(
                status=status, message_id=message_id, reason=reason, updated_utc=self._clock.now()
            )
        )
        with self.engine.begin() as connection:
            if connection.execute(statement).rowcount != 1:
                raise KeyError(f"no delivery claimed for {key}")

    def record_skipped(self, key: DeliveryKey, reason: str) -> bool:
        """Log a reminder that will not be sent (too late); False if it was already logged."""
        if not self.claim_delivery(key):
            return False
        self.finish_delivery(key, "skipped", reason=reason)
        return True

    def record_skipped_many(self, keys: Iterable[DeliveryKey], reason: str) -> int:
        """``record_skipped`` for many keys in one transaction; returns how many were new."""
        now = self._clock.now()
        statement = (
            self._insert(delivery_log)
            .on_conflict_do_nothing(
                index_elements=["chat_id", "event_id", "event_revision", "lead_key"]
            )
            .returning(delivery_log.c.id)
        )
        stamps = {"status": "skipped", "attempts": 1, "reason": reason}
        rows = [
            {**_key_values(key), **stamps, "created_utc": now, "updated_utc": now} for key in keys
        ]
        if not rows:
            return 0
        # Multi-row INSERTs (SQLAlchemy's "insertmanyvalues") in one transaction; RETURNING gives a
        # row for each key logged now, none for those already in the log.
        with self.engine.begin() as connection:
            return len(connection.execute(statement, rows).all())

    def pending_deliveries(self) -> list[DeliveryRecord]:
        query = select(delivery_log).where(delivery_log.c.status == "sending")
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(delivery_log.c.id)).all()
        return [_record(row) for row in rows]

    def delivery(self, key: DeliveryKey) -> DeliveryRecord | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(delivery_log).where(_key_match(key))).first()
        return _record(row) if row else None

    def delivery_status(self, key: DeliveryKey) -> str | None:
        record = self.delivery(key)
        return record.status if record else None

    def count_deliveries(self) -> dict[str, int]:
        query = select(delivery_log.c.status, func.count()).group_by(delivery_log.c.status)
        with self.engine.connect() as connection:
            counted = {status: count for status, count in connection.execute(query)}
        return {status: counted.get(status, 0) for status in DELIVERY_STATUSES}

    # Revisions (RevisionStore) --------------------------------------------------------------------

    def load_revisions(self) -> dict[str, Revision]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(revisions)).all()
        return {
            row.event_id: Revision(row.event_id, row.fingerprint, row.sequence, row.modified_utc)
            for row in rows
        }

    def save_revisions(self, values: Mapping[str, Revision]) -> None:
        rows = [
            {
                "event_id": rev.event_id,
                "fingerprint": rev.fingerprint,
                "sequence": rev.sequence,
                "modified_utc": rev.modified_utc,
            }
            for rev in values.values()
        ]
        with self.engine.begin() as connection:
            connection.execute(revisions.delete())
            if rows:
                connection.execute(revisions.insert(), rows)

    # Snoozes --------------------------------------------------------------------------------------

    def add_snooze(self, chat_id: int, event_id: str, due_utc: datetime) -> int:
        values = dict(chat_id=chat_id, event_id=event_id, due_utc=due_utc, done=False)
        with self.engine.begin() as connection:
            self._ensure_chat(connection, chat_id)
            result = connection.execute(
                snoozes.insert().values(**values, created_utc=self._clock.now())
            )
            return int(result.inserted_primary_key[0])

    def due_snoozes(self, now_utc: datetime) -> list[Snooze]:
        query = (
            select(snoozes)
            .join(chats, chats.c.id == snoozes.c.chat_id)
            .where(~snoozes.c.done, snoozes.c.due_utc <= now_utc, chats.c.active)
            .order_by(snoozes.c.due_utc, snoozes.c.id)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [Snooze(row.id, row.chat_id, row.event_id, row.due_utc, row.done) for row in rows]

    def next_snooze_utc(self) -> datetime | None:
        query = select(func.min(snoozes.c.due_utc)).where(~snoozes.c.done)
        with self.engine.connect() as connection:
            value = connection.execute(query).scalar()
        return schema.UTCDateTime().process_result_value(value, self.engine.dialect)

    def finish_snooze(self, snooze_id: int) -> None:
        with self.engine.begin() as connection:
            connection.execute(update(snoozes).where(snoozes.c.id == snooze_id).values(done=True))

    # Stats ----------------------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """Counts for /stats and metrics: chats, subscriptions, snoozes and deliveries by status."""
        with self.engine.connect() as connection:

            def count(table: Any, *where: Any) -> int:
                return connection.execute(
                    select(func.count()).select_from(table).where(*where)
                ).scalar_one()

            figures = {
                "chats": count(chats),
                "active_chats": count(chats, chats.c.active),
                "subscriptions": count(subscriptions, subscriptions.c.active),
                "digest_chats": count(chats, chats.c.digest_time.is_not(None)),
                "pending_snoozes": count(snoozes, ~snoozes.c.done),
            }
        figures.update({f"deliveries_{k}": v for k, v in self.count_deliveries().items()})
        return figures


def _prefs(row: Any) -> ChatPrefs:
    leads = _parsed_leads(row.default_leads) if row.default_leads else None
    return ChatPrefs(row.id, row.timezone, row.language, bool(row.active), leads)


@functools.lru_cache(maxsize=1024)
def _parsed_leads(text: str) -> tuple[Lead, ...]:
    return parse_leads(text)


def _key_values(key: DeliveryKey) -> dict[str, object]:
    return {
        "chat_id": key.chat_id,
        "event_id": key.event_id,
        "event_revision": key.revision,
        "lead_key": key.lead_key,
    }


def _key_match(key: DeliveryKey) -> Any:
    return and_(*(delivery_log.c[name] == value for name, value in _key_values(key).items()))


def _record(row: Any) -> DeliveryRecord:
    key = DeliveryKey(row.chat_id, row.event_id, row.event_revision, row.lead_key)
    return DeliveryRecord(
        key, row.status, row.attempts, row.message_id, row.reason, row.updated_utc
    )
