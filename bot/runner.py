"""``calbot serve``: the feed, the page and the Telegram bot in one process and one event loop.

uvicorn serves the Starlette app; when a token is set, the python-telegram-bot Application runs
beside it (long polling, or the ``/telegram`` webhook route). Extra services (the reminder
scheduler) are started after the bot and stopped before it. SIGTERM/SIGINT stop everything
gracefully (exit 0); SIGHUP reloads events.yaml.

Wiring seam: ``serve(..., wiring=wire)`` where ``wire(runtime) -> Wiring(extensions, services)``
is called once the stores and the calendar exist, before the bot is built. An extension is
``(application) -> None`` (adds handlers, e.g. the subscriptions module's ``register``); a service
has async ``start()``/``stop()`` and may read ``runtime.application`` (set by the time ``start``
runs). ``wire`` below is where calbot's own modules are plugged in.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import socket
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import uvicorn
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from starlette.routing import BaseRoute
from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application

from bot import PROCESS_STARTED_MONOTONIC, zones
from bot.chats import ChatStore
from bot.clock import Clock, OffsetClock
from bot.config import Settings, SettingsError
from bot.events.revisions import RevisionStore
from bot.logging import setup_logging
from bot.state import CalendarHolder
from bot.watcher import EventsFileWatcher

log = logging.getLogger(__name__)
SHUTDOWN_SECONDS = 10.0
DATABASE_WAIT_SECONDS = 30.0
BOT_OFF = "TELEGRAM_BOT_TOKEN is not set: the chat bot is off; serving the feed and the page only"


class Service(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...


@dataclass
class Runtime:
    """What the wiring and the services may need."""

    settings: Settings
    clock: Clock
    holder: CalendarHolder
    chats: ChatStore
    store: Any | None  # bot.storage.Store when the database is in use
    application: Application | None
    watcher: EventsFileWatcher | None = None


@dataclass
class Wiring:
    extensions: Sequence[Callable[[Application], object]] = ()
    services: Sequence[Service] = ()


def wire(runtime: Runtime) -> Wiring:
    """Plug the reminders in when the database and the bot are there (they need both)."""
    if runtime.store is None or not runtime.settings.token:
        return Wiring()
    from bot.reminders import ReminderServices
    from bot.telegram import channels, myfeed, settings
    from bot.telegram.subscriptions import register

    shared = ReminderServices(runtime.store, runtime.holder, runtime.clock, runtime.settings)
    return Wiring(
        extensions=[
            lambda application: register(application, shared),
            lambda application: myfeed.register(application, shared),
            lambda application: channels.register(application, shared),
            lambda application: settings.register(application, shared),
        ],
        services=[_Reminders(shared, runtime)],
    )


class _Reminders:
    """The reminder service, built at start because it sends with the application's bot."""

    def __init__(self, shared: Any, runtime: Runtime) -> None:
        self._shared, self._runtime = shared, runtime
        self._service: Any = None

    async def start(self) -> None:
        from bot.lease import REMINDERS, Lease
        from bot.reminders.service import ReminderService
        from bot.reminders.stats import stats_line
        from bot.telegram.admin import add_stats_line

        application, watcher = self._runtime.application, self._runtime.watcher
        assert application is not None
        # The process-wide watcher reloads events.yaml; the service only tells admins of refusals.
        lease = Lease(self._shared.store, REMINDERS, self._runtime.settings.lease_seconds)
        service = ReminderService(self._shared, application.bot, watch_interval=None, lease=lease)
        self._shared.on_change.append(service.reschedule)
        if watcher is not None:
            watcher.on_refused.append(service.alert_admins)
        add_stats_line(application, lambda lang: stats_line(self._shared.store, lang))
        self._service = service
        await service.start()

    async def stop(self) -> None:
        if self._service is not None:
            await self._service.stop()


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: ``serve`` owns SIGTERM/SIGINT/SIGHUP."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "serve", parents=[common], help="serve the feed, the page and the Telegram bot"
    )
    parser.add_argument("--host", default=None, help="address to bind (default: CALBOT_HOST)")
    parser.add_argument(
        "--port", type=int, default=None, help="port (default: CALBOT_PORT; 0 picks a free one)"
    )
    parser.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    from bot.cli import clock_from, settings_from

    settings = settings_from(args)
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    setup_logging(settings.log_level, [settings.token, secret])
    clock = clock_from(settings)
    if isinstance(clock, OffsetClock):
        # --now is calbot's time when the process started, not once its imports and database are
        # ready: a reminder due ten seconds after start then comes ten seconds after start.
        clock = clock.anchored_at(PROCESS_STARTED_MONOTONIC)
    host = args.host or settings.host
    port = settings.port if args.port is None else args.port
    try:
        return asyncio.run(serve(settings, clock, host=host, port=port))
    except BotTokenRefused:
        print("calbot: Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized)", file=sys.stderr)
        return 2
    except DatabaseUnavailable as error:
        print(f"calbot: {error}", file=sys.stderr)
        return 1
    except (OSError, RuntimeError, TelegramError) as error:
        # Through logging, so the token is redacted from the message and the traceback.
        log.critical("calbot serve failed: %r", error, exc_info=error)
        return 1


class DatabaseUnavailable(Exception):
    """The database did not answer at start, after waiting for it."""


async def open_stores(
    settings: Settings, clock: Clock, *, wait_seconds: float = DATABASE_WAIT_SECONDS
) -> tuple[Any, ChatStore, RevisionStore]:
    """The database at DATABASE_URL (chats, subscriptions, revisions survive restarts).

    A database that is still starting (a container restarted beside calbot) is waited for, with
    back-off, for ``wait_seconds``; then calbot stops with one line that hides the password.
    """
    from bot.storage import Store

    delay, waited = 0.5, 0.0
    while True:
        try:
            store = Store.open(settings.database_url, clock)
            return store, store, store
        except OperationalError as error:
            if waited >= wait_seconds:
                shown = make_url(settings.database_url).render_as_string(hide_password=True)
                reason = str(error.orig or error).strip().splitlines()[0]
                raise DatabaseUnavailable(f"cannot reach the database {shown}: {reason}") from None
            log.warning("database not answering yet; trying again in %.1f s", delay)
            await asyncio.sleep(delay)
            waited += delay
            delay = min(delay * 2, 8.0)


async def serve(
    settings: Settings,
    clock: Clock,
    *,
    host: str,
    port: int,
    wiring: Callable[[Runtime], Wiring] = wire,
) -> int:
    """Serve until SIGTERM/SIGINT, then stop gracefully; return the exit status (0)."""
    if settings.token and settings.telegram_mode == "webhook" and not settings.webhook_secret:
        # Without the secret anyone could post updates to /telegram; refuse before starting.
        raise SettingsError("bad setting WEBHOOK_SECRET: TELEGRAM_MODE=webhook needs it")
    store, chats, revisions = await open_stores(settings, clock)
    holder = CalendarHolder(settings.events_file, clock, revisions)
    holder.load()
    watcher = EventsFileWatcher(holder)
    runtime = Runtime(settings, clock, holder, chats, store, None, watcher)
    plugged = wiring(runtime)
    application = _build_bot(settings, holder, clock, store, plugged.extensions)
    runtime.application = application
    app = _web_app(runtime)
    sock = _bind(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    server = _Server(uvicorn.Config(app, log_config=None, access_log=False, lifespan="off"))
    stop = asyncio.Event()
    _install_signals(stop, watcher)
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(f"calbot: serving http://{shown}:{bound_port}/ (feed at /calendar.ics)", flush=True)
    await watcher.start()
    started: list[Service] = [watcher]
    poller: Any = None
    try:
        if application is None:
            print(f"calbot: {BOT_OFF}", flush=True)
            log.warning(BOT_OFF)
        else:
            poller = _poller(application, settings, store)
            await _start_bot_retrying(application, settings, stop, poller)
            if poller is not None:
                started.append(poller)
        for service in plugged.services if not stop.is_set() else ():
            await service.start()
            started.append(service)
        if application is not None:
            zones.warm_in_background()  # /timezone's place names: seconds, not in the first reply
        waiter = asyncio.create_task(stop.wait())
        await asyncio.wait({waiter, serving}, return_when=asyncio.FIRST_COMPLETED)
        waiter.cancel()
    finally:
        log.info("calbot: shutting down")
        await asyncio.wait_for(
            _shutdown(application, started, server, serving, poller), SHUTDOWN_SECONDS
        )
        if store is not None:
            store.close()
        _remove_signals()
    print("calbot: stopped", flush=True)
    return 0


def _build_bot(
    settings: Settings,
    holder: CalendarHolder,
    clock: Clock,
    store: Any,
    extensions: Sequence[Callable[[Application], object]],
) -> Application | None:
    if not settings.token:
        return None
    from bot.outbound import OutboundLane
    from bot.telegram.app import build_application

    # On PostgreSQL several instances may share the token: the overall budget is kept there too.
    engine = getattr(store, "engine", None)
    shared = store if engine is not None and engine.dialect.name == "postgresql" else None
    lane = OutboundLane(shared=shared)
    return build_application(settings, holder, clock, store, extensions=extensions, lane=lane)


def _web_app(runtime: Runtime) -> Any:
    from bot.web import create_app

    routes: list[BaseRoute] = []
    settings = runtime.settings
    if runtime.application is not None and settings.telegram_mode == "webhook":
        from bot.telegram.webhook import webhook_route

        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        claim = runtime.store.claim_update if runtime.store is not None else None
        routes.append(webhook_route(runtime.application, secret, claim=claim))
    if runtime.store is not None:
        from bot.feed.personal_http import PersonalFeeds

        feeds = PersonalFeeds(runtime.holder, runtime.store, runtime.clock, settings.public_url)
        routes.append(feeds.route())
    return create_app(
        runtime.holder, settings, runtime.clock, extra_routes=routes, readiness=_readiness(runtime)
    )


def _readiness(runtime: Runtime) -> Callable[[], tuple[bool, dict[str, Any]]]:
    """/readyz: the calendar is loaded, the database answers and the bot (if any) runs."""

    def check() -> tuple[bool, dict[str, Any]]:
        details: dict[str, Any] = {"calendar": "loaded" if runtime.holder.loaded else "missing"}
        ok = runtime.holder.loaded
        if runtime.store is not None:
            reachable = runtime.store.ping()
            details["database"] = "reachable" if reachable else "unreachable"
            ok = ok and reachable
        application = runtime.application
        if application is None:
            details["telegram"] = "off"
        else:
            running = application.running
            details["telegram"] = runtime.settings.telegram_mode if running else "starting"
            ok = ok and running
        return ok, details

    return check


class BotTokenRefused(Exception):
    """Telegram answered 401 to the token: retrying cannot help."""


def _poller(application: Application, settings: Settings, store: Any) -> Any:
    """Polling mode: the poller, under the database's polling lease (``bot.telegram.polling``)."""
    if settings.telegram_mode != "polling":
        return None
    from bot.lease import POLLING, Lease
    from bot.telegram.polling import Poller

    return Poller(application, Lease(store, POLLING, settings.lease_seconds))


async def _start_bot_retrying(
    application: Application, settings: Settings, stop: asyncio.Event, poller: Any = None
) -> None:
    """Start the bot; while Telegram is unreachable keep serving the feed and try again."""
    delay = 1.0
    while not stop.is_set():
        try:
            await _start_bot(application, settings, poller)
            return
        except InvalidToken:
            raise BotTokenRefused from None  # PTB's message quotes the token: drop it
        except NetworkError as error:  # includes TimedOut
            log.warning("Telegram unreachable (%s); retrying in %.0f s", error, delay)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
        delay = min(delay * 2, 60.0)


async def _start_bot(application: Application, settings: Settings, poller: Any = None) -> None:
    await application.initialize()  # idempotent: safe on a retry
    if application.post_init is not None:
        await application.post_init(application)
    if not application.running:
        await application.start()
    if settings.telegram_mode == "webhook":
        assert settings.webhook_secret is not None  # checked by serve()
        url = f"{settings.public_url}/telegram"
        await application.bot.set_webhook(
            url,
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=Update.ALL_TYPES,
        )
        print(f"calbot: Telegram webhook set to {url}", flush=True)
    else:
        assert poller is not None
        await poller.start()


async def _shutdown(
    application: Application | None,
    services: list[Service],
    server: _Server,
    serving: asyncio.Task,
    poller: Any = None,
) -> None:
    """Stop taking updates first, then the services, then the bot and the web server.

    The poller is stopped as a whole (its lease keeper first): stopping only the updater would let
    the keeper, at its next renewal, start polling again during the shutdown, a second getUpdates
    that the stop's own would then overlap."""
    if poller is not None:
        await poller.stop()  # idempotent: its turn among the services below does nothing more
    if application is not None and application.updater and application.updater.running:
        await application.updater.stop()
    for service in reversed(services):
        try:
            await service.stop()
        except Exception:
            log.exception("a service failed to stop cleanly")
    if application is not None:
        try:
            if application.running:
                await application.stop()
            await application.shutdown()
        except TelegramError as error:
            log.warning("the bot did not shut down cleanly: %r", error)
    server.should_exit = True
    await serving


def _bind(host: str, port: int) -> socket.socket:
    """Bind before serving so port 0 works and the real address can be printed."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and
    # without it every response waits ~40 ms for the client's delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        print(f"calbot: cannot listen on {host}:{port}: {error.strerror}", file=sys.stderr)
        raise SystemExit(2) from None
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


def _install_signals(stop: asyncio.Event, watcher: EventsFileWatcher) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    reloads: set[asyncio.Task[None]] = set()

    async def reload_now() -> None:
        ok = await watcher.check()  # counted and reported to admins like a watched change
        log.info("SIGHUP: reload %s", "ok" if ok else "refused; the last good calendar serves")

    def reload() -> None:
        task = loop.create_task(reload_now())
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    loop.add_signal_handler(signal.SIGHUP, reload)


def _remove_signals() -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        loop.remove_signal_handler(sig)
