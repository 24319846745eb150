"""The renderer: an ``Answer`` -> Telegram HTML or plain text, in the reader's language.

One function per kind of answer turns its facts into lines, in modules by group: ``event`` (one
event), ``events`` (lists and periods), ``document`` (paragraphs, footnotes, instruments,
glossary) and ``conversation`` (help, thanks, subscribing, time zone, not in the calendar), each
registered in ``registry``. ``Markup`` makes the lines HTML or plain, so both outputs say the same
thing. Sentences come from the catalogue (``bot.text.messages``), dates from ``bot.text.dates``.
"""

from __future__ import annotations

from bot.answers.markup import Markup, paginate, size_of
from bot.answers.model import Answer
from bot.answers.parts import event_card_html, help_text

# The group modules register their renderers when imported.
from bot.answers.render import conversation, document, event, events  # noqa: F401
from bot.answers.render.registry import lines_of, renders
from bot.text.telegram_html import MAX_MESSAGE_LENGTH

__all__ = [
    "event_card_html",
    "help_text",
    "render_html",
    "render_html_pages",
    "render_text",
    "renders",
]


def _markup(answer: Answer, html: bool) -> Markup:
    return Markup(html, answer.lang, answer.knowledge.document.symbol)


def render_html_pages(answer: Answer, limit: int = MAX_MESSAGE_LENGTH) -> list[str]:
    """The answer as Telegram HTML messages, each at most ``limit`` characters."""
    markup = _markup(answer, True)
    return paginate(lines_of(answer, markup), markup, limit)


def render_html(answer: Answer, limit: int = MAX_MESSAGE_LENGTH) -> str:
    """The answer as one Telegram HTML message (the first page, marked when more follows)."""
    markup = _markup(answer, True)
    note = markup.italic(markup.say("more_pages"))
    pages = paginate(lines_of(answer, markup), markup, limit - size_of(note) - 1)
    return pages[0] if len(pages) == 1 else f"{pages[0]}\n{note}"


def render_text(answer: Answer) -> str:
    """The whole answer as plain text (for ``calbot ask`` and ``calbot chat``)."""
    return "\n".join(lines_of(answer, _markup(answer, False)))
