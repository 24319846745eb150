"""The event model, its loader (events.yaml -> Calendar) and pure queries over it."""

from bot.events.model import Calendar, Event, Location, Source, Unstated, When

__all__ = ["Calendar", "Event", "Location", "Source", "Unstated", "When"]
