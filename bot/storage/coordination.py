"""Coordination of several calbot instances through their one database (no other infrastructure).

* ``take_lease``: one named lease with an expiry (a row, not an advisory lock, so that SQLite and
  PostgreSQL behave alike and a lease survives a dropped connection only until it expires). The
  holder renews it; when it dies, another instance takes it once it has expired.
* ``claim_update``: a webhook update is handled once even when Telegram delivers it again, to this
  instance or another (its update_id is inserted first; a second insert finds it).
* ``reserve_send_slot``: the bot token's overall send budget as one row, the next free slot: each
  send books ``spacing`` seconds, so all instances together stay under Telegram's 30 a second.

Times are the database's (``_epoch``), never an instance's own clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, case, delete, literal_column, or_, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.storage.schema import leases, processed_updates, send_budget

BUDGET_ROW = "telegram"
KEEP_UPDATES = timedelta(days=1)  # Telegram gives up redelivering an update well before this
_PRUNE_EVERY = 500


def _epoch(engine: Engine) -> Any:
    """The database's current time, seconds since 1970 (sub-second precision)."""
    if engine.dialect.name == "sqlite":
        return literal_column("((julianday('now') - 2440587.5) * 86400.0)")
    return literal_column("extract(epoch from clock_timestamp())")


def _insert(engine: Engine) -> Any:
    return (sqlite if engine.dialect.name == "sqlite" else postgresql).insert


def take_lease(engine: Engine, name: str, holder: str, ttl: float) -> bool:
    """Take or renew lease ``name`` for ``ttl`` seconds; False while another holder's is valid."""
    now = _epoch(engine)
    with engine.begin() as connection:
        inserted = connection.execute(
            _insert(engine)(leases)
            .values(name=name, holder=holder, expires_epoch=now + ttl)
            .on_conflict_do_nothing(index_elements=[leases.c.name])
            .returning(leases.c.name)
        ).first()
        if inserted is not None:
            return True
        taken = connection.execute(
            update(leases)
            .where(
                and_(
                    leases.c.name == name,
                    or_(leases.c.holder == holder, leases.c.expires_epoch < now),
                )
            )
            .values(holder=holder, expires_epoch=now + ttl)
            .returning(leases.c.name)
        ).first()
        return taken is not None


def release_lease(engine: Engine, name: str, holder: str) -> None:
    """Give the lease up at a clean stop, so another instance takes it at once."""
    with engine.begin() as connection:
        connection.execute(
            delete(leases).where(and_(leases.c.name == name, leases.c.holder == holder))
        )


def lease_holder(engine: Engine, name: str) -> str | None:
    """Who holds ``name`` now (None when nobody does or it expired)."""
    now = _epoch(engine)
    with engine.connect() as connection:
        row = connection.execute(
            leases.select().where(and_(leases.c.name == name, leases.c.expires_epoch >= now))
        ).first()
    return None if row is None else str(row.holder)


def reserve_send_slot(engine: Engine, spacing: float, catch_up: float = 0.0) -> float:
    """Book the next overall send slot; the seconds until it (0 when it is free now)."""
    now = _epoch(engine)
    # A slot up to ``catch_up`` (at least one slot) in the past keeps the schedule, so lateness
    # does not add up; an older one means the budget was idle: the schedule starts again from now.
    behind = max(spacing, catch_up)
    start = case((send_budget.c.next_epoch > now - behind, send_budget.c.next_epoch), else_=now)
    statement = (
        update(send_budget)
        .where(send_budget.c.name == BUDGET_ROW)
        .values(next_epoch=start + spacing)
        .returning(send_budget.c.next_epoch - spacing - now)
    )
    with engine.begin() as connection:
        row = connection.execute(statement).first()
        if row is None:
            connection.execute(
                _insert(engine)(send_budget)
                .values(name=BUDGET_ROW, next_epoch=now + spacing)
                .on_conflict_do_nothing(index_elements=[send_budget.c.name])
            )
            return 0.0
    return max(0.0, float(row[0]))


class UpdateLedger:
    """The update_ids handled lately (webhook mode): each update is handled once."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._claims = 0

    def claim_update(self, update_id: int, now_utc: datetime) -> bool:
        """True for the first delivery of ``update_id``; False for a redelivery."""
        statement = (
            _insert(self._engine)(processed_updates)
            .values(update_id=update_id, received_utc=now_utc)
            .on_conflict_do_nothing(index_elements=[processed_updates.c.update_id])
            .returning(processed_updates.c.update_id)
        )
        with self._engine.begin() as connection:
            first = connection.execute(statement).first() is not None
            self._claims += 1
            if self._claims % _PRUNE_EVERY == 0:
                connection.execute(
                    delete(processed_updates).where(
                        processed_updates.c.received_utc < now_utc - KEEP_UPDATES
                    )
                )
        return first
