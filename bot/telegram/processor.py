"""The update processor: a pressed button never waits behind a burst of messages.

python-telegram-bot runs each update as a task under one semaphore, first come first served, so
with a thousand questions queued a button press would wait for a free slot behind all of them while
its spinner turns (Telegram wants callback queries answered within seconds). Here messages share a
bounded number of slots, and callback and inline queries take none: their handlers answer at once
(``answerCallbackQuery`` is not a message, so the outbound lane lets it straight through).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MESSAGE_SLOTS = 256  # messages handled at once; most are waiting for their send slot in the lane
_OVERALL = 4096  # PTB's own cap, far above MESSAGE_SLOTS so that it never queues a button


class ButtonsFirst(BaseUpdateProcessor):
    """Messages share ``message_slots``; callback and inline queries run as soon as they come."""

    def __init__(self, message_slots: int = MESSAGE_SLOTS) -> None:
        super().__init__(max_concurrent_updates=_OVERALL)
        self._messages = asyncio.BoundedSemaphore(message_slots)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if isinstance(update, Update) and (update.callback_query or update.inline_query):
            await coroutine
            return
        async with self._messages:
            await coroutine

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""
