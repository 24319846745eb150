"""The webhook route: Telegram POSTs updates to ``/telegram`` with the secret header.

Without the right ``X-Telegram-Bot-Api-Secret-Token`` (compared in constant time) the request is
refused with 401 and the update never reaches the bot: anyone can find the URL, only Telegram
knows the secret. Bodies are capped (Telegram's updates are a few kilobytes).

Telegram delivers an update again when it saw no 200 in time (a slow instance, a restart), and
behind a load balancer the second delivery may reach another instance. With ``claim`` (the store's
``claim_update``: the update_id inserted in the database first) each update is handled once: a
redelivery is answered 200 and dropped.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

log = logging.getLogger(__name__)
MAX_BODY = 1 << 20  # 1 MiB
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_route(
    application: Application,
    secret: str | None,
    path: str = "/telegram",
    *,
    claim: Callable[[int], bool] | None = None,
) -> Route:
    """A Starlette route that feeds authenticated updates into ``application.update_queue``."""
    expected = (secret or "").encode()

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not expected or not hmac.compare_digest(given, expected):
            return Response("unauthorized", status_code=401)
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
            return Response("too large", status_code=413)
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                return Response("too large", status_code=413)
        try:
            update = Update.de_json(json.loads(body), application.bot)
        except (ValueError, TypeError, KeyError) as error:
            log.warning("webhook: unreadable update refused: %r", error)
            return Response("bad update", status_code=400)
        if claim is not None and not await asyncio.to_thread(claim, update.update_id):
            log.info("webhook: update %s was delivered before; handled once", update.update_id)
            return Response(status_code=200)
        await application.update_queue.put(update)
        return Response(status_code=200)

    return Route(path, receive, methods=["POST"])
