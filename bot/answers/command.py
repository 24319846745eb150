"""``calbot ask`` and ``calbot chat``: the answer engine on the command line.

``ask`` prints the plain-text answer to one question; ``chat`` reads questions line by line from
stdin (a terminal or a pipe) until end of input or ``quit``. Both use the same engine as the
Telegram bot.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from bot.answers.engine import answer
from bot.answers.render import render_text
from bot.clock import Clock
from bot.events.model import Calendar

_QUIT = {"quit", "exit", "q", "quitter", ":q"}


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    for name, help_text, func in (
        ("ask", "answer one question, as the bot would (plain text)", run_ask),
        ("chat", "ask questions in a terminal conversation (stdin until EOF or 'quit')", run_chat),
    ):
        parser = subparsers.add_parser(name, parents=[common], help=help_text)
        parser.add_argument(
            "--tz", default=None, metavar="ZONE", help="reader's time zone (default: calendar's)"
        )
        parser.add_argument("--lang", default="en", metavar="LANG", help="answer language: en, fr")
        parser.add_argument(
            "--feed-url",
            default=None,
            metavar="URL",
            help="feed link to give (default: PUBLIC_URL)",
        )
        if name == "ask":
            parser.add_argument("question", nargs="+", help="the question, e.g. 'when is the MSP?'")
        parser.set_defaults(func=func)


def _setup(args: argparse.Namespace) -> tuple[Calendar, Clock, str]:
    from bot.cli import calendar_from, clock_from, settings_from

    settings = settings_from(args)
    feed_url = args.feed_url or f"{settings.public_url.rstrip('/')}/calendar.ics"
    return calendar_from(settings), clock_from(settings), feed_url


def run_ask(args: argparse.Namespace) -> int:
    calendar, clock, feed_url = _setup(args)
    question = " ".join(args.question)
    reply = answer(question, clock.now(), args.tz, args.lang, calendar, feed_url=feed_url)
    print(render_text(reply))
    return 0


def run_chat(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    calendar, clock, feed_url = _setup(args)
    source = stdin or sys.stdin
    interactive = source.isatty()
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = source.readline()
        if not line or line.strip().lower() in _QUIT:
            return 0
        if not line.strip():
            continue
        reply = answer(line.strip(), clock.now(), args.tz, args.lang, calendar, feed_url=feed_url)
        print(render_text(reply), end="\n\n", flush=True)
