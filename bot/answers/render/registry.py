"""The renderer registry: which function words answers of each type.

Each group module (``event``, ``events``, ``document``, ``conversation``) registers one function
per ``Answer`` type with ``@register``; ``bot.answers.render`` imports them all and looks the
function up here, so a new kind of answer is a type and one registered function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from bot.answers.markup import Markup
from bot.answers.model import Answer, AnswerBase

Lines = list[str]
A = TypeVar("A", bound=AnswerBase)
Renderer = Callable[[Markup, A], Lines]
_RENDERERS: dict[type[AnswerBase], Renderer[Any]] = {}


def register(kind: type[A]) -> Callable[[Renderer[A]], Renderer[A]]:
    """Registers the function that words answers of type ``kind``: one per type of ``Answer``."""

    def registered(function: Renderer[A]) -> Renderer[A]:
        _RENDERERS[kind] = function
        return function

    return registered


def renders(kind: type[AnswerBase]) -> bool:
    """True when answers of type ``kind`` have a renderer (every type of ``Answer`` must)."""
    return kind in _RENDERERS


def lines_of(answer: Answer, markup: Markup) -> Lines:
    """The answer's lines, empty ones left out."""
    return [line for line in _RENDERERS[type(answer)](markup, answer) if line]
