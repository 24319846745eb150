"""A large synthetic calendar (varied, plausible event names) for scale tests and benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta

from bot.events.model import Calendar

_BODIES = [
    "Working Group",
    "Expert Panel",
    "Steering Committee",
    "Review Conference",
    "Board",
    "Council",
    "Assembly",
    "Forum",
    "Task Force",
    "Commission",
    "Subcommittee",
    "Bureau",
]
_TOPICS = [
    "Small Arms",
    "Landmines",
    "Cluster Munitions",
    "Cyber Security",
    "Outer Space",
    "Nuclear Testing",
    "Chemical Weapons",
    "Biological Weapons",
    "Arms Trade",
    "Disarmament Education",
    "Verification",
    "Confidence Building",
    "Autonomous Weapons",
    "Victim Assistance",
    "Mine Clearance",
    "Export Control",
]
_PLACES = [
    ("Geneva", "Switzerland"),
    ("New York", "United States"),
    ("Vienna", "Austria"),
    (None, None),
]


def synthetic_calendar(count: int = 10_000, seed: int = 7) -> Calendar:
    """``count`` events with generated names, dates from 2007 on, some timed, some month-only."""
    rng = random.Random(seed)
    events = []
    for number in range(count):
        body, topic = rng.choice(_BODIES), rng.choice(_TOPICS)
        session = number // (len(_BODIES) * len(_TOPICS)) + 1
        title = f"{body} on {topic}, session {session} ({number})"
        first = date(2007, 1, 1) + timedelta(days=rng.randrange(0, 8000))
        city, country = rng.choice(_PLACES)
        event: dict[str, object] = {
            "id": f"syn-{number:05d}",
            "title": title,
            "short_name": f"{''.join(word[0] for word in topic.split())} {body} {session}-{number}",
            "aliases": [f"{topic} {body.lower()} {number}"],
            "kind": rng.choice(["meeting", "conference"]),
            "location": {"city": city, "country": country} if city else None,
        }
        shape = number % 10
        if shape == 0:
            event["start"] = f"{first.year:04d}-{first.month:02d}"
        elif shape == 1:
            event["start"] = f"{first.isoformat()}T10:00:00+00:00"
            event["end"] = f"{first.isoformat()}T13:00:00+00:00"
            event["timezone"] = "UTC"
        else:
            event["start"] = first.isoformat()
            event["end"] = (first + timedelta(days=rng.randrange(0, 5))).isoformat()
        events.append(event)
    return Calendar.model_validate(
        {
            "name": "Synthetic",
            "timezone": "Europe/Zurich",
            "updated": "2007-01-01T00:00:00Z",
            "events": events,
        }
    )
