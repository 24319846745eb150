"""Leases in the database: exactly one calbot instance does a job at a time.

Several instances on one PostgreSQL (behind a load balancer, webhook mode) all answer users, but
only the holder of the lease "reminders" runs the reminder dispatcher, and in polling mode only the
holder of "polling" calls getUpdates (Telegram allows one poller per token and answers a second
with 409 Conflict). The holder renews its lease every
``ttl / 3`` seconds; an instance that dies (SIGKILL, a lost host) stops renewing, and once the lease
has expired (``ttl``, 15 s by default) another instance takes it at its next renewal try, takes over
the deliveries the dead one left 'sending' and resumes the fan-out from the delivery log. Takeover
therefore happens within ``ttl + ttl / 3`` (20 s by default). A clean stop releases the lease, so
the next instance takes over within one renewal interval.

The delivery log keeps sending at most once per key even if two instances ever dispatched together
(a paused holder whose lease expired); the lease keeps them from doing so in the first place.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

REMINDERS = "reminders"
POLLING = "polling"
LEASE_TTL = 15.0


class LeaseStore(Protocol):
    def take_lease(self, name: str, holder: str, ttl: float) -> bool: ...

    def release_lease(self, name: str, holder: str) -> None: ...


class Lease:
    """This instance's claim to one job (``REMINDERS``, ``POLLING``)."""

    def __init__(self, store: LeaseStore, name: str, ttl: float = LEASE_TTL) -> None:
        self._store = store
        self.name = name
        self.ttl = ttl
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.held = False

    @property
    def renew_every(self) -> float:
        return self.ttl / 3

    async def renew(self) -> bool:
        """Take or renew the lease; whether this instance holds it now."""
        try:
            self.held = await asyncio.to_thread(
                self._store.take_lease, self.name, self.holder, self.ttl
            )
        except SQLAlchemyError as error:  # unreachable database: assume another may take over
            log.warning("could not renew the %s lease: %s", self.name, str(error).splitlines()[0])
            self.held = False
        return self.held

    async def release(self) -> None:
        if not self.held:
            return
        self.held = False
        try:
            await asyncio.to_thread(self._store.release_lease, self.name, self.holder)
        except SQLAlchemyError as error:
            log.warning("could not release the %s lease: %s", self.name, str(error).splitlines()[0])
