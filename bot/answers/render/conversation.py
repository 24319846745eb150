"""Renderers of the conversation around the calendar: help, thanks, subscribing and
unsubscribing, change notices, the time zone, and the replies when nothing fits: a name not in
the calendar, "which one do you mean?", off topic, not understood."""

from __future__ import annotations

from bot.answers.markup import Markup
from bot.answers.model import (
    AmbiguousAnswer,
    ChangesAnswer,
    HelpAnswer,
    NotInCalendarAnswer,
    OutOfScopeAnswer,
    SubscribeAnswer,
    ThanksAnswer,
    TimezoneAnswer,
    UnknownAnswer,
    UnsubscribeAnswer,
)
from bot.answers.parts import event_name, help_lines
from bot.answers.render.common import item_lines
from bot.answers.render.registry import Lines, register


@register(SubscribeAnswer)
def _subscribe(m: Markup, a: SubscribeAnswer) -> Lines:
    first = (
        m.say("subscribe_link", url=m.link(a.feed_url))
        if a.feed_url
        else m.say("subscribe_no_link")
    )
    return [first, m.say("subscribe_reminders")]


@register(TimezoneAnswer)
def _timezone(m: Markup, a: TimezoneAnswer) -> Lines:
    place = m.esc(a.place)
    if len(a.zones) == 1:
        return [m.say("timezone_found", place=place, zone=m.code(a.zones[0]))]
    if a.zones:
        zones = ", ".join(m.code(zone) for zone in a.zones[:8])
        return [m.say("timezone_choices", place=place, zones=zones)]
    return [m.say("timezone_unknown", place=place)]


@register(UnsubscribeAnswer)
def _unsubscribe(m: Markup, a: UnsubscribeAnswer) -> Lines:
    return [m.say("unsubscribe_offer")]


@register(ChangesAnswer)
def _changes(m: Markup, a: ChangesAnswer) -> Lines:
    return [m.say("changes_explained")]


@register(NotInCalendarAnswer)
def _not_in_calendar(m: Markup, a: NotInCalendarAnswer) -> Lines:
    """Declined plainly, with what the calendar does hold: names only, never a date."""
    shown = a.events[:_HOLDS_SHOWN]
    lines = [m.say("not_in_calendar", name=m.esc(a.name)), "", m.say("calendar_holds")]
    lines += [f"• {m.esc(event_name(event, m.lang, a.knowledge))}" for event in shown]
    if a.total > len(shown):
        lines.append(m.say("and_more", more=str(a.total - len(shown))))
    return lines


_HOLDS_SHOWN = 10


@register(AmbiguousAnswer)
def _ambiguous(m: Markup, a: AmbiguousAnswer) -> Lines:
    lines = [m.say("ambiguous"), *item_lines(m, a, a.candidates, tense=False)]
    if a.asked == "time" and not any(event.is_timed for event in a.candidates):
        lines.insert(0, m.say("no_times"))
    return lines


@register(ThanksAnswer)
def _thanks(m: Markup, a: ThanksAnswer) -> Lines:
    return [m.say("thanks")]


@register(HelpAnswer)
def _help(m: Markup, a: HelpAnswer) -> Lines:
    return help_lines(m, a.knowledge)


@register(OutOfScopeAnswer)
def _out_of_scope(m: Markup, a: OutOfScopeAnswer) -> Lines:
    return [m.say("out_of_scope"), *help_lines(m, a.knowledge)]


@register(UnknownAnswer)
def _unknown(m: Markup, a: UnknownAnswer) -> Lines:
    return [m.say("unknown"), *help_lines(m, a.knowledge)]
