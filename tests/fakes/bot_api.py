"""A strict fake Telegram Bot API server for tests: real HTTP on 127.0.0.1, Telegram's refusals.

Use::

    async with FakeBotApi(token=TOKEN) as api:     # binds 127.0.0.1 on a free port
        app = ApplicationBuilder().token(TOKEN).base_url(f"{api.base_url}/bot")...
        api.push_text(chat_id=42, text="/next")     # an update for getUpdates (or the webhook)
        [reply] = await api.wait_for_messages(1, timeout=5)
        assert "Protocol V" in reply.plain

Public API
----------
- ``api.base_url``: the root, like ``https://api.telegram.org`` (PTB: ``base_url=f"{root}/bot"``);
  ``api.token``, ``api.bot_user`` (getMe's answer), ``api.bot_username``.
- ``api.sent``: list[SentMessage] accepted by sendMessage/sendDocument, in order. Fields: ``.method
  .chat_id .message_id .text .plain .parse_mode .reply_markup .buttons .callback_data .document
  .caption .params .at`` (monotonic) ``.accepted_at`` (UTC); ``.button("label part")``.
- ``api.edits``: list[SentMessage] accepted by editMessageText / editMessageReplyMarkup.
- ``api.callback_answers``, ``api.inline_answers`` (``results`` decoded), ``api.chat_actions``,
  ``api.commands`` (setMyCommands: the default menu; ``api.commands_by_language`` by language),
  ``api.calls`` (every (method, params) received),
  ``api.errors`` (every refusal: (method, status, description)).
- ``api.descriptions`` / ``api.short_descriptions``: setMyDescription / setMyShortDescription by
  language ("" for the default); over 512 / 120 characters is refused as Telegram does.
- ``api.set_admins(chat_id, *user_ids)``: who getChatMember and getChatAdministrators report as
  administrators of a group (the first is its creator); everyone else is a plain member.
- ``api.known_chats``: dict[chat_id, chat]; ``api.add_chat(id, type="private"|"group"|...)``.
  Sending to another chat: 400 "Bad Request: chat not found". The push_* helpers add their chat.
- ``api.block(chat_id)``: sends to it get 403 "Forbidden: bot was blocked by the user".
- ``api.push_update(dict)``: queue a raw update (update_id assigned when missing); returns it.
- ``api.push_text(chat_id, text, *, user_id=None, chat_type=None, language_code="en",
  reply_to=None, first_name="Ada", entities=None)``: "/cmd" and "@name" get their entities.
- ``api.push_location(chat_id, latitude, longitude, *, user_id=None, language_code="en")``.
- ``api.push_callback(chat_id, data, *, message_id=None, user_id=None, language_code="en")``
  (presses the button on the last message that carries ``data`` unless message_id is given).
- ``api.push_inline_query(user_id, query, *, language_code="en")``.
- ``api.push_my_chat_member(chat_id, status, *, user_id=None)``: "kicked" (blocked), "member".
- ``api.push_document(chat_id, filename, content, *, user_id=None, mime_type="text/plain")``:
  a file from a user; getFile and ``/file/bot<token>/<path>`` serve it.
- Channels and members (as Telegram behaves): ``api.add_channel(chat_id, title, username=None)``;
  ``api.set_member(chat_id, user_id, status, **rights)`` ("creator", "administrator", "member",
  "left", "kicked"); ``api.push_my_chat_member(channel_id, "administrator", user_id=admin,
  can_post_messages=True)`` adds the bot to a channel (the bot's own membership is then what
  getChatMember answers for it); ``api.push_channel_post(channel_id, text)`` (no ``from``:
  channel posts have a ``sender_chat``). getChatMember: an unknown chat → 400 "chat not found"; in
  a channel where the bot is not an administrator → 400 "member list is inaccessible"; a user the
  chat never saw → status "left". sendMessage to a channel: 403 "bot is not a member of the
  channel chat" unless the bot is in it, 400 "need administrator rights in the channel chat"
  unless it is an administrator allowed to post.
- ``await api.wait_for_messages(n, timeout=5.0)``: the first n of ``api.sent`` (else TimeoutError);
  ``await api.wait_until(predicate, timeout=5.0)``: any condition on the server's records.
- ``api.fail_next(method, status, description, *, retry_after=None, migrate_to_chat_id=None,
  count=1)``: the next calls of ``method`` fail so (429, 5xx, 403, a migrated group).
- ``api.rate_limits``: RateLimits, on by default (30 msg/s overall; private chats 1 msg/s with a
  burst of 3; groups 20 msg/min) → 429 with retry_after; ``api.lift_rate_limits()``;
  ``api.too_many_requests`` counts the 429s (``api.too_many_requests_by_chat`` per chat).
- ``api.webhook_url`` / ``api.webhook_secret``: set by setWebhook (HTTPS only, as on Telegram,
  unless ``FakeBotApi(allow_http_webhook=True)``); then push_* POST each update there with the
  secret header (status codes in ``api.webhook_deliveries``) and getUpdates answers 409 Conflict.
- Two getUpdates at once (two pollers on one token, or a second call before the first returned):
  the earlier one is ended with 409 "Conflict: terminated by other getUpdates request", as
  Telegram does; ``api.poll_conflicts`` counts them.

Strictness: wrong token → 401 Unauthorized; malformed path or unknown method → 404 Not Found;
HTML parse errors, empty or over-long texts, bad inline keyboards (callback_data > 64 bytes), bad
inline results, replies to unknown messages, edits of unknown or unchanged messages, stale callback
or inline query ids: all refused with Telegram's descriptions (see ``bot_api_checks``). Rate limits
use the real clock, because they are Telegram's side.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import re
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.bot_api_checks import (
    MAX_CALLBACK_ANSWER,
    MAX_CAPTION,
    check_commands,
    check_description,
    check_inline_results,
    check_reply_markup,
    check_text,
    parse_html,
)

DEFAULT_TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijklm"
_JSON_PARAMS = frozenset(
    {
        "reply_markup", "results", "commands", "allowed_updates", "entities", "reply_parameters",
        "link_preview_options", "scope", "button", "caption_entities",
    }
)  # fmt: skip
_INT_PARAMS = frozenset({"message_id", "offset", "limit", "timeout", "cache_time", "user_id"})
_ADMIN_STATUSES = ("creator", "administrator")


class ApiError(Exception):
    """A refusal, answered as ``{"ok": false, ...}``."""

    def __init__(self, status: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


@dataclass
class Document:
    filename: str
    content: bytes
    mime_type: str | None = None


@dataclass
class SentMessage:
    """One message the bot sent (or edited) and the server accepted."""

    method: str
    chat_id: int
    message_id: int
    text: str | None
    parse_mode: str | None
    reply_markup: dict | None
    params: dict[str, Any]
    document: Document | None = None
    caption: str | None = None
    at: float = field(default_factory=time.monotonic)
    accepted_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def plain(self) -> str:
        """What the user reads: the text (or caption) with HTML entities parsed."""
        raw = self.text if self.text is not None else (self.caption or "")
        if (self.parse_mode or "").upper() == "HTML":
            return parse_html(raw)[0]
        return raw

    @property
    def buttons(self) -> list[dict]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    @property
    def callback_data(self) -> list[str]:
        return [b["callback_data"] for b in self.buttons if "callback_data" in b]

    def button(self, text_part: str) -> dict:
        """The first button whose label contains ``text_part`` (case-insensitive)."""
        for button in self.buttons:
            if text_part.lower() in button["text"].lower():
                return button
        raise LookupError(f"no button with {text_part!r} in {[b['text'] for b in self.buttons]}")


@dataclass
class RateLimits:
    """Telegram's documented limits; bursts are tolerated briefly, as on the real servers."""

    overall_per_second: float = 30.0
    private_per_second: float = 1.0
    private_burst: int = 3
    group_per_minute: float = 20.0


class _Bucket:
    def __init__(self, rate: float, capacity: float) -> None:
        self.rate, self.capacity = rate, capacity
        self.tokens, self.stamp = capacity, time.monotonic()

    def wait_needed(self) -> float:
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self) -> None:
        self.tokens -= 1


class _QuietServer(uvicorn.Server):
    """uvicorn without its signal handlers: the test process (or calbot) owns the signals."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class FakeBotApi:
    """The fake server; an async context manager. See the module docstring."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "calbot_test_bot",
        rate_limits: RateLimits | None = None,
        allow_http_webhook: bool = False,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        self.bot_user = {
            "id": int(token.split(":")[0]) if token.split(":")[0].isdigit() else 1,
            "is_bot": True,
            "first_name": "calbot",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        self.rate_limits: RateLimits | None = rate_limits or RateLimits()
        self.allow_http_webhook = allow_http_webhook
        self.base_url = ""
        self.sent: list[SentMessage] = []
        self.edits: list[SentMessage] = []
        self.callback_answers: list[dict] = []
        self.inline_answers: list[dict] = []
        self.chat_actions: list[dict] = []
        self.commands: list[dict] = []  # the default menu (no language_code)
        self.commands_by_language: dict[str, list[dict]] = {}
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self.calls: list[tuple[str, dict]] = []
        self.errors: list[tuple[str, int, str]] = []
        self.known_chats: dict[int, dict] = {}
        self.blocked: set[int] = set()
        self.members: dict[int, dict[int, dict]] = {}  # chat id -> user id -> ChatMember JSON
        self.too_many_requests = 0
        self.too_many_requests_by_chat: dict[int, int] = {}
        self.webhook_url: str | None = None
        self.webhook_secret: str | None = None
        self.webhook_deliveries: list[int] = []
        self.poll_conflicts = 0
        self._poll_generation = 0
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, int] = {}
        self._messages: dict[tuple[int, int], dict] = {}
        self._open_callbacks: set[str] = set()
        self._open_inline: set[str] = set()
        self._query_ids = itertools.count(1)
        self._failures: dict[str, list[ApiError]] = {}
        self._files: dict[str, tuple[str, bytes]] = {}
        self._buckets: dict[object, _Bucket] = {}
        self._changed: asyncio.Condition | None = None
        self._closing = False
        self._server: _QuietServer | None = None
        self._serve_task: asyncio.Task | None = None
        self._deliveries: set[asyncio.Task] = set()
        self._client: httpx.AsyncClient | None = None

    # Lifecycle ------------------------------------------------------------------------------------

    async def __aenter__(self) -> FakeBotApi:
        self._changed = asyncio.Condition()
        # IPPROTO_TCP so that asyncio sets TCP_NODELAY (see bot.runner._bind): ~40 ms less a request
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(128)  # connections queue in the kernel until uvicorn accepts: no start-up race
        port = sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        app = Starlette(
            routes=[
                Route("/bot{token}/{method}", self._endpoint, methods=["GET", "POST"]),
                Route("/file/bot{token}/{path:path}", self._file, methods=["GET"]),
                Route("/{path:path}", self._not_found, methods=["GET", "POST"]),
            ]
        )
        config = uvicorn.Config(
            app, log_config=None, lifespan="off", access_log=False, timeout_graceful_shutdown=2
        )
        self._server = _QuietServer(config)
        self._serve_task = asyncio.create_task(self._server.serve(sockets=[sock]))
        self._client = httpx.AsyncClient(timeout=5)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self._closing = True
        await self._notify()
        for task in list(self._deliveries):
            with contextlib.suppress(Exception):
                await task
        if self._client is not None:
            await self._client.aclose()
        if self._server is not None and self._serve_task is not None:
            self._server.should_exit = True
            await self._serve_task

    # Knobs ----------------------------------------------------------------------------------------

    def add_chat(self, chat_id: int, type: str | None = None, *, title: str | None = None) -> dict:
        chat_type = type or ("private" if chat_id > 0 else "group")
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "Ada"
        else:
            chat["title"] = title or f"Group {chat_id}"
        self.known_chats.setdefault(chat_id, chat)
        return self.known_chats[chat_id]

    def add_channel(self, chat_id: int, title: str, username: str | None = None) -> dict:
        """A channel (ids like -100...): a title, an optional public @username."""
        chat: dict[str, Any] = {"id": chat_id, "type": "channel", "title": title}
        if username:
            chat["username"] = username
        self.known_chats[chat_id] = chat
        return chat

    def set_member(self, chat_id: int, user_id: int, status: str, **rights: bool) -> dict:
        """What getChatMember answers for ``user_id`` in ``chat_id`` (an administrator's rights
        default to Telegram's for a channel administrator added with posting rights)."""
        user = self._user(user_id, None) if user_id != self.bot_user["id"] else self._bot()
        member = _member(user, status)
        if status == "administrator":
            member.update(_ADMIN_RIGHTS)
            member["can_be_edited"] = user_id == self.bot_user["id"]
            member.update(rights)
        elif status == "creator":
            member["is_anonymous"] = False
        self.members.setdefault(chat_id, {})[user_id] = member
        return member

    def set_admins(self, chat_id: int, *user_ids: int) -> None:
        """The group's administrators, its creator first (getChatMember, getChatAdministrators)."""
        self.add_chat(chat_id)
        for user_id, member in list(self.members.get(chat_id, {}).items()):
            if member["status"] in _ADMIN_STATUSES and user_id != self.bot_user["id"]:
                del self.members[chat_id][user_id]
        for rank, user_id in enumerate(user_ids):
            self.set_member(chat_id, user_id, "creator" if rank == 0 else "administrator")

    def block(self, chat_id: int) -> None:
        self.blocked.add(chat_id)

    def lift_rate_limits(self) -> None:
        self.rate_limits = None

    def fail_next(
        self,
        method: str,
        status: int,
        description: str,
        *,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
        count: int = 1,
    ) -> None:
        """Make the next ``count`` calls of ``method`` fail (429, 5xx, 403, a migrated group)."""
        parameters: dict[str, int] = {}
        if retry_after is not None:
            parameters["retry_after"] = retry_after
        if migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = migrate_to_chat_id
        error = ApiError(status, description, parameters or None)
        self._failures.setdefault(method.lower(), []).extend([error] * count)

    # Updates --------------------------------------------------------------------------------------

    def push_update(self, update: dict) -> dict:
        update = dict(update)
        if "update_id" not in update:
            update["update_id"] = next(self._update_ids)
        message = update.get("message") or update.get("edited_message")
        if message:
            chat = message["chat"]
            self.known_chats.setdefault(chat["id"], chat)
            self._remember(chat["id"], message)
        if self.webhook_url:
            task = asyncio.create_task(self._deliver(update))
            self._deliveries.add(task)
            task.add_done_callback(self._deliveries.discard)
        else:
            self._updates.append(update)
            self._schedule_notify()
        return update

    def push_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        chat_type: str | None = None,
        language_code: str | None = "en",
        reply_to: int | dict | None = None,
        first_name: str = "Ada",
        entities: list[dict] | None = None,
    ) -> dict:
        chat = self.add_chat(chat_id, chat_type)
        user = self._user(user_id or (chat_id if chat_id > 0 else 1000), language_code, first_name)
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            "text": text,
        }
        found = entities if entities is not None else _entities_for(text)
        if found:
            message["entities"] = found
        if reply_to is not None:
            replied = reply_to if isinstance(reply_to, dict) else None
            message["reply_to_message"] = replied or self._messages[(chat_id, reply_to)]
        return self.push_update({"message": message})

    def push_location(
        self,
        chat_id: int,
        latitude: float,
        longitude: float,
        *,
        user_id: int | None = None,
        language_code: str | None = "en",
    ) -> dict:
        """A location shared from the attachment menu (Telegram checks the range: so do we)."""
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ValueError("Telegram sends no location outside the globe")
        chat = self.add_chat(chat_id)
        message = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
            "from": self._user(user_id or (chat_id if chat_id > 0 else 1000), language_code),
            "location": {"latitude": latitude, "longitude": longitude},
        }
        return self.push_update({"message": message})

    def push_callback(
        self,
        chat_id: int,
        data: str,
        *,
        message_id: int | None = None,
        user_id: int | None = None,
        language_code: str | None = "en",
    ) -> dict:
        """A button press on a message the bot sent (the last one with that data by default)."""
        if message_id is None:
            message_id = next(
                m.message_id
                for m in reversed(self.sent + self.edits)
                if m.chat_id == chat_id and data in m.callback_data
            )
        query_id = str(next(self._query_ids))
        self._open_callbacks.add(query_id)
        query = {
            "id": query_id,
            "from": self._user(user_id or (chat_id if chat_id > 0 else 1000), language_code),
            "message": self._messages[(chat_id, message_id)],
            "chat_instance": str(chat_id),
            "data": data,
        }
        return self.push_update({"callback_query": query})

    def push_inline_query(self, user_id: int, query: str, *, language_code: str = "en") -> dict:
        query_id = str(next(self._query_ids))
        self._open_inline.add(query_id)
        inline = {"id": query_id, "from": self._user(user_id, language_code), "query": query}
        inline["offset"] = ""
        return self.push_update({"inline_query": inline})

    def push_my_chat_member(
        self, chat_id: int, status: str, *, user_id: int | None = None, **rights: bool
    ) -> dict:
        """The bot's membership changed: "kicked" (blocked in a private chat), "member", "left";
        in a channel (``add_channel`` first) also "administrator", with ``rights``."""
        chat = self.add_chat(chat_id)
        if status in ("kicked", "left"):
            self.block(chat_id)
        else:
            self.blocked.discard(chat_id)
        bot = self._bot()
        if chat["type"] == "channel":
            old = self.members.get(chat_id, {}).get(bot["id"]) or _member(bot, "left")
            new = self.set_member(chat_id, bot["id"], status, **rights)
        else:
            old = _member(bot, "member" if status in ("kicked", "left") else "kicked")
            new = _member(bot, status)
        update = {
            "my_chat_member": {
                "chat": chat,
                "from": self._user(user_id or (chat_id if chat_id > 0 else 1000), "en"),
                "date": int(time.time()),
                "old_chat_member": old,
                "new_chat_member": new,
            }
        }
        return self.push_update(update)

    def push_channel_post(self, chat_id: int, text: str) -> dict:
        """A post in a channel: no ``from``; ``sender_chat`` is the channel itself."""
        chat = self.known_chats[chat_id]
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
            "sender_chat": chat,
            "text": text,
        }
        if found := _entities_for(text):
            message["entities"] = found
        self._remember(chat_id, message)
        return self.push_update({"channel_post": message})

    def push_document(
        self,
        chat_id: int,
        filename: str,
        content: bytes,
        *,
        user_id: int | None = None,
        mime_type: str = "text/plain",
        language_code: str | None = "en",
    ) -> dict:
        """A user sends a file; getFile and the file URL then serve ``content``."""
        chat = self.add_chat(chat_id)
        file_id = f"upload{len(self._files) + 1}"
        self._files[file_id] = (f"documents/{file_id}_{filename}", content)
        user = self._user(user_id or (chat_id if chat_id > 0 else 1000), language_code)
        message = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            "document": {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_name": filename,
                "mime_type": mime_type,
                "file_size": len(content),
            },
        }
        return self.push_update({"message": message})

    # Waiting --------------------------------------------------------------------------------------

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:  # noqa: ASYNC109
        assert self._changed is not None, "use FakeBotApi as `async with`"
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), timeout)

    async def wait_for_messages(self, n: int, timeout: float = 5.0) -> list[SentMessage]:  # noqa: ASYNC109
        try:
            await self.wait_until(lambda: len(self.sent) >= n, timeout)
        except TimeoutError:
            texts = [m.plain[:80] for m in self.sent]
            message = f"{len(self.sent)} of {n} messages after {timeout}s: {texts}"
            raise TimeoutError(message) from None
        return self.sent[:n]

    # HTTP -----------------------------------------------------------------------------------------

    async def _not_found(self, request: Request) -> JSONResponse:
        return _error(404, "Not Found")

    async def _endpoint(self, request: Request) -> JSONResponse:
        method = request.path_params["method"]
        if request.path_params["token"] != self.token:
            self.errors.append((method, 401, "Unauthorized"))
            return _error(401, "Unauthorized")
        try:
            params = await _read_params(request)
        except ValueError as error:
            return _error(400, f"Bad Request: {error}")
        self.calls.append((method, params))
        await self._notify()  # tests may wait for a call to arrive (a long poll in progress)
        handler = getattr(self, f"_api_{method.lower()}", None)
        try:
            if handler is None:
                raise ApiError(404, "Not Found")
            if self._failures.get(method.lower()):
                raise self._failures[method.lower()].pop(0)
            result = handler(params)
            if asyncio.iscoroutine(result):
                result = await result
        except ApiError as error:
            self.errors.append((method, error.status, error.description))
            return _error(error.status, error.description, error.parameters)
        await self._notify()
        return JSONResponse({"ok": True, "result": result})

    async def _notify(self) -> None:
        if self._changed is not None:
            async with self._changed:
                self._changed.notify_all()

    def _schedule_notify(self) -> None:
        with contextlib.suppress(RuntimeError):  # no running loop: nothing can be waiting
            task = asyncio.get_running_loop().create_task(self._notify())
            self._deliveries.add(task)
            task.add_done_callback(self._deliveries.discard)

    async def _deliver(self, update: dict) -> None:
        assert self._client is not None and self.webhook_url is not None
        headers = {}
        if self.webhook_secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook_secret
        try:
            response = await self._client.post(self.webhook_url, json=update, headers=headers)
            self.webhook_deliveries.append(response.status_code)
        except httpx.HTTPError:
            self.webhook_deliveries.append(0)
        await self._notify()

    # Methods --------------------------------------------------------------------------------------

    def _api_getfile(self, params: dict) -> dict:
        file_id = str(params.get("file_id", ""))
        if file_id not in self._files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content = self._files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(content),
            "file_path": path,
        }

    async def _file(self, request: Request) -> Response:
        if request.path_params["token"] != self.token:
            return _error(401, "Unauthorized")
        for path, content in self._files.values():
            if path == request.path_params["path"]:
                return Response(content, media_type="application/octet-stream")
        return _error(404, "Not Found")

    def _api_getme(self, params: dict) -> dict:
        return self.bot_user

    def _api_close(self, params: dict) -> bool:
        return True

    def _api_logout(self, params: dict) -> bool:
        return True

    async def _api_getupdates(self, params: dict) -> list[dict]:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset, limit = params.get("offset") or 0, params.get("limit") or 100
        if not 1 <= limit <= 100:
            limit = 100
        if offset:
            # An offset confirms every update before it: Telegram forgets them.
            if offset < 0:
                self._updates = self._updates[offset:]
            else:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = float(params.get("timeout") or 0)
        self._poll_generation += 1
        mine = self._poll_generation
        await self._notify()  # an earlier long poll sees that it was overtaken
        if not self._updates and timeout > 0 and not self._closing:
            assert self._changed is not None
            with contextlib.suppress(TimeoutError):
                async with self._changed:
                    await asyncio.wait_for(
                        self._changed.wait_for(
                            lambda: (
                                bool(self._updates)
                                or self._closing
                                or self._poll_generation != mine
                            )
                        ),
                        timeout,
                    )
        if self._poll_generation != mine:  # a newer getUpdates arrived meanwhile: this one ends
            self.poll_conflicts += 1
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        return self._updates[:limit]

    def _api_setwebhook(self, params: dict) -> bool:
        url = str(params.get("url", ""))
        if url and not url.startswith("https://") and not self.allow_http_webhook:
            message = "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            raise ApiError(400, message)
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        self.webhook_url = url or None
        self.webhook_secret = secret if url else None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _api_deletewebhook(self, params: dict) -> bool:
        self.webhook_url = self.webhook_secret = None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _api_getwebhookinfo(self, params: dict) -> dict:
        info: dict[str, Any] = {"url": self.webhook_url or "", "has_custom_certificate": False}
        info["pending_update_count"] = 0 if self.webhook_url else len(self._updates)
        return info

    def _api_setmycommands(self, params: dict) -> bool:
        error = check_commands(params.get("commands"))
        if error:
            raise ApiError(400, error)
        language = params.get("language_code") or ""
        self.commands_by_language[language] = params["commands"]
        if not language:
            self.commands = params["commands"]
        return True

    def _api_getmycommands(self, params: dict) -> list[dict]:
        return self.commands_by_language.get(params.get("language_code") or "", [])

    def _api_deletemycommands(self, params: dict) -> bool:
        self.commands = []
        return True

    def _api_setmydescription(self, params: dict) -> bool:
        return self._set_description(self.descriptions, params, "description", 512)

    def _api_setmyshortdescription(self, params: dict) -> bool:
        return self._set_description(self.short_descriptions, params, "short_description", 120)

    def _set_description(self, store: dict[str, str], params: dict, field: str, limit: int) -> bool:
        text = params.get(field) or ""
        error = check_description(text, limit, field)
        if error:
            raise ApiError(400, error)
        store[params.get("language_code") or ""] = text
        return True

    def _api_getmydescription(self, params: dict) -> dict:
        return {"description": self.descriptions.get(params.get("language_code") or "", "")}

    def _api_getmyshortdescription(self, params: dict) -> dict:
        language = params.get("language_code") or ""
        return {"short_description": self.short_descriptions.get(language, "")}

    def _api_getchatadministrators(self, params: dict) -> list[dict]:
        chat = self._chat(params)
        if chat["type"] == "private":
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        members = self.members.get(chat["id"], {}).values()
        ranked = sorted(members, key=lambda member: member["status"] != "creator")
        return [member for member in ranked if member["status"] in _ADMIN_STATUSES]

    def _api_getchat(self, params: dict) -> dict:
        return self._chat(params)

    def _api_getchatmember(self, params: dict) -> dict:
        chat = self._chat(params)
        user_id = params.get("user_id")
        if not isinstance(user_id, int):
            raise ApiError(400, "Bad Request: invalid user_id specified")
        members = self.members.get(chat["id"], {})
        bot_id = self.bot_user["id"]
        bot_is_admin = members.get(bot_id, {}).get("status") == "administrator"
        if chat["type"] == "channel" and user_id != bot_id and not bot_is_admin:
            raise ApiError(400, "Bad Request: member list is inaccessible")
        if user_id in members:
            return members[user_id]
        # Someone with no record: a channel's reader is not a member; in a group or a private chat
        # whoever writes is one.
        default = "left" if chat["type"] == "channel" else "member"
        return _member(self._user(user_id, None), default)

    def _api_sendchataction(self, params: dict) -> bool:
        self._chat(params)
        self.chat_actions.append(params)
        return True

    def _api_sendmessage(self, params: dict) -> dict:
        chat = self._chat(params, sending=True)
        error = check_text(params.get("text"), params.get("parse_mode"))
        error = error or check_reply_markup(params.get("reply_markup"))
        if error:
            raise ApiError(400, error)
        return self._accept("sendMessage", chat, params, text=params["text"])

    def _api_senddocument(self, params: dict) -> dict:
        chat = self._chat(params, sending=True)
        document = params.get("document")
        if not isinstance(document, Document):
            if not isinstance(document, str) or not document:
                raise ApiError(400, "Bad Request: there is no document in the request")
            document = Document(document, b"")  # a file_id or URL
        if params.get("caption"):
            error = check_text(params["caption"], params.get("parse_mode"), limit=MAX_CAPTION)
            if error:
                raise ApiError(400, error)
        error = check_reply_markup(params.get("reply_markup"))
        if error:
            raise ApiError(400, error)
        message = self._accept("sendDocument", chat, params, document=document)
        message["document"] = {
            "file_id": f"doc{message['message_id']}",
            "file_unique_id": f"u{message['message_id']}",
            "file_name": document.filename,
            "file_size": len(document.content),
        }
        return message

    def _api_editmessagetext(self, params: dict) -> dict:
        chat, stored = self._stored(params)
        error = check_text(params.get("text"), params.get("parse_mode"))
        error = error or check_reply_markup(params.get("reply_markup"))
        if error:
            raise ApiError(400, error)
        if stored.get("_raw") == params["text"] and stored.get("_markup") == params.get(
            "reply_markup"
        ):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        return self._edit("editMessageText", chat, stored, params, text=params["text"])

    def _api_editmessagereplymarkup(self, params: dict) -> dict:
        chat, stored = self._stored(params)
        error = check_reply_markup(params.get("reply_markup"))
        if error:
            raise ApiError(400, error)
        if stored.get("_markup") == params.get("reply_markup"):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        return self._edit("editMessageReplyMarkup", chat, stored, params, text=stored.get("_raw"))

    def _api_answercallbackquery(self, params: dict) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self._open_callbacks:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        if len(params.get("text") or "") > MAX_CALLBACK_ANSWER:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self._open_callbacks.discard(query_id)
        self.callback_answers.append(params)
        return True

    def _api_answerinlinequery(self, params: dict) -> bool:
        query_id = str(params.get("inline_query_id", ""))
        if query_id not in self._open_inline:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        error = check_inline_results(params.get("results"))
        if error:
            raise ApiError(400, error)
        self._open_inline.discard(query_id)
        self.inline_answers.append(params)
        return True

    # Helpers --------------------------------------------------------------------------------------

    def _chat(self, params: dict, *, sending: bool = False) -> dict:
        chat_id = params.get("chat_id")
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        if chat_id not in self.known_chats:
            raise ApiError(400, "Bad Request: chat not found")
        if sending and chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if sending and self.known_chats[chat_id]["type"] == "channel":
            self._check_channel_rights(chat_id)
        if sending:
            self._rate_limit(self.known_chats[chat_id])
            self._check_reply(chat_id, params)
        return self.known_chats[chat_id]

    def _check_channel_rights(self, chat_id: int) -> None:
        bot = self.members.get(chat_id, {}).get(self.bot_user["id"]) or {"status": "left"}
        if bot["status"] in ("left", "kicked"):
            raise ApiError(403, "Forbidden: bot is not a member of the channel chat")
        if bot["status"] != "administrator" or not bot.get("can_post_messages"):
            raise ApiError(400, "Bad Request: need administrator rights in the channel chat")

    def _check_reply(self, chat_id: int, params: dict) -> None:
        reply = params.get("reply_parameters") or {}
        message_id = reply.get("message_id") or params.get("reply_to_message_id")
        if message_id is None:
            return
        lenient = reply.get("allow_sending_without_reply") or params.get(
            "allow_sending_without_reply"
        )
        if (chat_id, int(message_id)) not in self._messages and not lenient:
            raise ApiError(400, "Bad Request: message to be replied not found")

    def _rate_limit(self, chat: dict) -> None:
        limits = self.rate_limits
        if limits is None:
            return
        buckets = [self._bucket("all", limits.overall_per_second, limits.overall_per_second)]
        if chat["type"] == "private":
            rate, burst = limits.private_per_second, limits.private_burst
        else:
            rate, burst = limits.group_per_minute / 60, limits.group_per_minute
        buckets.append(self._bucket(chat["id"], rate, burst))
        wait = max(bucket.wait_needed() for bucket in buckets)
        if wait > 0:
            self.too_many_requests += 1
            counts = self.too_many_requests_by_chat
            counts[chat["id"]] = counts.get(chat["id"], 0) + 1
            retry_after = max(1, math.ceil(wait))
            raise ApiError(
                429,
                f"Too Many Requests: retry after {retry_after}",
                {"retry_after": retry_after},
            )
        for bucket in buckets:
            bucket.take()

    def _bucket(self, key: object, rate: float, capacity: float) -> _Bucket:
        if key not in self._buckets:
            self._buckets[key] = _Bucket(rate, capacity)
        return self._buckets[key]

    def _stored(self, params: dict) -> tuple[dict, dict]:
        if params.get("inline_message_id"):
            raise ApiError(400, "Bad Request: MESSAGE_ID_INVALID")
        chat = self._chat(params)
        stored = self._messages.get((chat["id"], int(params.get("message_id") or 0)))
        if stored is None or not stored["from"].get("is_bot"):
            raise ApiError(400, "Bad Request: message to edit not found")
        return chat, stored

    def _accept(
        self,
        method: str,
        chat: dict,
        params: dict,
        *,
        text: str | None = None,
        document: Document | None = None,
    ) -> dict:
        message_id = self._next_message_id(chat["id"])
        record = SentMessage(
            method, chat["id"], message_id, text, params.get("parse_mode"),
            params.get("reply_markup"), params, document, params.get("caption"),
        )  # fmt: skip
        self.sent.append(record)
        message = self._message_json(chat, message_id, record)
        self._remember(chat["id"], message)
        return _public(message)

    def _edit(
        self, method: str, chat: dict, stored: dict, params: dict, *, text: str | None
    ) -> dict:
        record = SentMessage(
            method, chat["id"], stored["message_id"], text,
            params.get("parse_mode", stored.get("_parse_mode")), params.get("reply_markup"), params,
        )  # fmt: skip
        self.edits.append(record)
        message = self._message_json(chat, stored["message_id"], record)
        message["edit_date"] = int(time.time())
        self._remember(chat["id"], message)
        return _public(message)

    def _message_json(self, chat: dict, message_id: int, record: SentMessage) -> dict:
        bot = {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": bot,
            "_raw": record.text,
            "_markup": record.reply_markup,
            "_parse_mode": record.parse_mode,
        }
        if record.text is not None:
            message["text"] = record.plain
        if record.caption:
            message["caption"] = record.plain
        if record.reply_markup and "inline_keyboard" in record.reply_markup:
            message["reply_markup"] = record.reply_markup
        return message

    def _remember(self, chat_id: int, message: dict) -> None:
        self._messages[(chat_id, message["message_id"])] = message
        self._message_ids[chat_id] = max(self._message_ids.get(chat_id, 0), message["message_id"])

    def _next_message_id(self, chat_id: int) -> int:
        self._message_ids[chat_id] = self._message_ids.get(chat_id, 0) + 1
        return self._message_ids[chat_id]

    def _bot(self) -> dict:
        return {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}

    def _user(self, user_id: int, language_code: str | None, first_name: str = "Ada") -> dict:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            user["language_code"] = language_code
        return user


# A channel administrator's rights as Telegram sends them (ChatMemberAdministrator's fields).
_ADMIN_RIGHTS: dict[str, bool] = {
    "is_anonymous": False, "can_manage_chat": True, "can_delete_messages": True,
    "can_manage_video_chats": True, "can_restrict_members": True, "can_promote_members": False,
    "can_change_info": True, "can_invite_users": True, "can_post_stories": True,
    "can_edit_stories": True, "can_delete_stories": True, "can_post_messages": True,
    "can_edit_messages": True,
}  # fmt: skip


def _member(user: dict, status: str) -> dict:
    member: dict[str, Any] = {"user": user, "status": status}
    if status == "kicked":
        member["until_date"] = 0
    return member


def _entities_for(text: str) -> list[dict]:
    """The entities Telegram's clients attach: a leading /command and @mentions."""
    entities = []
    if text.startswith("/"):
        command = text.split()[0]
        entities.append({"type": "bot_command", "offset": 0, "length": _u16(command)})
    position = 0
    for word in text.split(" "):
        if word.startswith("@") and len(word) > 1:
            offset = _u16(text[: text.index(word, position)])
            entities.append({"type": "mention", "offset": offset, "length": _u16(word)})
        position += len(word) + 1
    return entities


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _public(message: dict) -> dict:
    """A stored message without the fake's private bookkeeping keys."""
    return {key: value for key, value in message.items() if not key.startswith("_")}


def _error(status: int, description: str, parameters: dict | None = None) -> JSONResponse:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return JSONResponse(body, status_code=status)


async def _read_params(request: Request) -> dict[str, Any]:
    """Parameters as Telegram reads them: query string, form, multipart or JSON body."""
    params: dict[str, Any] = dict(request.query_params)
    content_type = request.headers.get("content-type", "")
    body = await request.body()
    if content_type.startswith("application/json") and body:
        params.update(json.loads(body))
        return params
    if content_type.startswith("multipart/form-data"):
        params.update(_parse_multipart(content_type, body))
    elif body:
        form = httpx.QueryParams(body.decode("utf-8"))
        params.update({key: form[key] for key in form})
    for key, value in list(params.items()):
        # PTB (and the Bot API) may send a file as "attach://<field>" plus that multipart field.
        if isinstance(value, str) and value.startswith("attach://"):
            params[key] = params.pop(value.removeprefix("attach://"), value)
    return {key: _decode(key, value) for key, value in params.items()}


def _decode(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in _JSON_PARAMS:
        try:
            return json.loads(value)
        except json.JSONDecodeError as error:
            raise ValueError(f"can't parse {key} JSON object") from error
    if key in _INT_PARAMS or (key == "chat_id" and value.lstrip("-").isdigit()):
        try:
            return int(value)
        except ValueError as error:
            raise ValueError(f"invalid {key}") from error
    if value in ("true", "false"):
        return value == "true"
    return value


def _parse_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    header = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(header + body)
    params: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True) or b""
        if filename is not None:
            params[name] = Document(filename, payload, part.get_content_type())
        else:
            params[name] = payload.decode(part.get_content_charset() or "utf-8")
    return params
