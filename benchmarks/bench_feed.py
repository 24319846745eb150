"""Feed benchmark: render times, and requests per second for the feed next to a static file.

Run: ``.venv/bin/python benchmarks/bench_feed.py [--requests N] [--concurrency C]``. The server is a
real uvicorn on 127.0.0.1 in a child process (so it does not share a core with the client); the
static baseline is the same feed bytes served by the same server through Starlette's
``StaticFiles`` and through a route returning fixed bytes. Ratios >= 0.8 are the target.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path

import httpx
import uvicorn
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import ManualClock
from bot.config import DEFAULT_EVENTS_FILE, load_settings
from bot.events.revisions import MemoryRevisionStore
from bot.feed import render_feed
from bot.state import CalendarHolder
from bot.web import create_app
from tests.support.synthetic import synthetic_snapshot

BASE = "http://127.0.0.1:8080"


def timed(function: Callable[[], object], repeat: int) -> float:
    """Median seconds of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def bench_render() -> None:
    holder = CalendarHolder(
        DEFAULT_EVENTS_FILE, ManualClock(datetime.now(UTC)), MemoryRevisionStore()
    )
    shipped = holder.load()
    seconds = timed(lambda: render_feed(shipped, BASE), 50)
    print(
        f"render shipped calendar ({len(shipped.calendar.events)} events): {seconds * 1e3:.2f} ms"
    )
    big = synthetic_snapshot(10_000)
    size = len(render_feed(big, BASE))  # also warms the VTIMEZONE cache
    seconds = timed(lambda: render_feed(big, BASE), 1)
    print(
        f"render 10,000 synthetic events: {seconds:.2f} s ({seconds / 10_000 * 1e6:.0f} µs/event, "
        f"{size / 1e6:.1f} MB)"
    )


def run_server(static_dir: str, pipe: Connection) -> None:
    """Child process: the calbot app plus the static baselines, on a port chosen by the kernel."""
    clock = ManualClock(datetime(2007, 11, 1, 8, tzinfo=UTC))
    holder = CalendarHolder(DEFAULT_EVENTS_FILE, clock, MemoryRevisionStore())
    holder.load()
    fixed = (Path(static_dir) / "calendar.ics").read_bytes()

    # The same caching headers the feed sends, so the comparison is of the work, not the headers.
    same_headers = {
        "ETag": '"0123456789abcdef0123456789abcdef"',
        "Last-Modified": "Tue, 15 Jan 2008 00:00:00 GMT",
        "Cache-Control": "public, max-age=3600",
        "Vary": "Accept-Encoding",
        "X-Content-Type-Options": "nosniff",
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Expose-Headers": "ETag, Last-Modified",
        "Content-Disposition": 'inline; filename="calendar.ics"',
    }

    async def fixed_bytes(request: Request) -> Response:
        return Response(fixed, media_type="text/calendar")

    async def fixed_with_headers(request: Request) -> Response:
        return Response(fixed, media_type="text/calendar", headers=same_headers)

    extra = [
        Route("/fixed.ics", fixed_bytes),
        Route("/fixed-headers.ics", fixed_with_headers),
        Mount("/static", StaticFiles(directory=static_dir)),
    ]
    app = create_app(holder, load_settings(PUBLIC_URL=BASE), clock, extra_routes=extra)
    # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on such sockets; with proto 0, Nagle and
    # delayed ACKs cap every keep-alive connection at ~25 requests per second.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)  # connections wait in the backlog until uvicorn accepts them
    pipe.send(sock.getsockname()[1])
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])


async def _connection(host: str, port: int, request: bytes, count: int, statuses: set[int]) -> None:
    """One keep-alive connection sending ``request`` ``count`` times, reading each reply whole."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for _ in range(count):
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            statuses.add(int(head[9:12]))
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
    finally:
        writer.close()
        await writer.wait_closed()


async def seconds_for(
    port: int, path: str, headers: dict[str, str], total: int, concurrency: int
) -> tuple[float, int]:
    """Seconds for ``total`` GETs over ``concurrency`` connections (a wrk-like loop, far lighter
    than an HTTP library, so the server is what is measured), and the one status seen."""
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", *(f"{k}: {v}" for k, v in headers.items())]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode()
    statuses: set[int] = set()
    started = time.perf_counter()
    per_connection = total // concurrency
    await asyncio.gather(
        *(
            _connection("127.0.0.1", port, request, per_connection, statuses)
            for _ in range(concurrency)
        )
    )
    elapsed = time.perf_counter() - started
    assert len(statuses) == 1, statuses
    return elapsed, statuses.pop()


async def etag_of(base_url: str, path: str) -> str:
    async with httpx.AsyncClient(base_url=base_url) as client:
        response = await client.get(path, headers={"Accept-Encoding": "identity"})
        return response.headers["etag"]


async def bench_http(port: int, total: int, concurrency: int, rounds: int = 5) -> None:
    base_url = f"http://127.0.0.1:{port}"
    feed_etag = await etag_of(base_url, "/calendar.ics")
    static_etag = await etag_of(base_url, "/static/calendar.ics")
    plain = {"Accept-Encoding": "identity"}
    cases = {
        "feed full": ("/calendar.ics", plain),
        "static file full": ("/static/calendar.ics", plain),
        "fixed-bytes route": ("/fixed.ics", plain),
        "fixed + headers": ("/fixed-headers.ics", plain),
        "feed 304": ("/calendar.ics", {**plain, "If-None-Match": feed_etag}),
        "static file 304": ("/static/calendar.ics", {**plain, "If-None-Match": static_etag}),
        "feed gzip": ("/calendar.ics", {"Accept-Encoding": "gzip"}),
    }
    seconds = dict.fromkeys(cases, 0.0)
    status: dict[str, int] = {}
    # Interleaved rounds, so that load from elsewhere on a shared machine hits every case alike.
    for _ in range(rounds):
        for name, (path, headers) in cases.items():
            elapsed, status[name] = await seconds_for(
                port, path, headers, total // rounds, concurrency
            )
            seconds[name] += elapsed
    rate = {
        name: (total // rounds // concurrency * concurrency * rounds) / seconds[name]
        for name in cases
    }
    for name in cases:
        print(f"{name:>18}: {rate[name]:8.0f} req/s  (HTTP {status[name]})")
    print(f"ratio feed/static file, full: {rate['feed full'] / rate['static file full']:.2f}")
    print(f"ratio feed/fixed bytes, full: {rate['feed full'] / rate['fixed-bytes route']:.2f}")
    print(f"ratio feed/fixed + headers:   {rate['feed full'] / rate['fixed + headers']:.2f}")
    print(f"ratio feed/static file, 304:  {rate['feed 304'] / rate['static file 304']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    bench_render()
    with tempfile.TemporaryDirectory() as static_dir:
        holder = CalendarHolder(
            DEFAULT_EVENTS_FILE, ManualClock(datetime.now(UTC)), MemoryRevisionStore()
        )
        (Path(static_dir) / "calendar.ics").write_bytes(render_feed(holder.load(), BASE))
        receiver, sender = multiprocessing.Pipe(duplex=False)
        server = multiprocessing.get_context("fork").Process(
            target=run_server, args=(static_dir, sender)
        )
        server.start()
        try:
            port = receiver.recv()
            print(f"HTTP: {args.requests} requests per case over {args.concurrency} connections")
            asyncio.run(bench_http(port, args.requests, args.concurrency))
        finally:
            server.terminate()
            server.join()


if __name__ == "__main__":
    main()
