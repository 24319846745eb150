"""Prometheus metrics, defined once here and incremented by the adapters; served at ``/metrics``.

A private registry keeps tests independent of whatever else is loaded in the process.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

REGISTRY = CollectorRegistry(auto_describe=True)

UPDATES_HANDLED = Counter(
    "calbot_updates_handled", "Telegram updates handled", ["kind"], registry=REGISTRY
)
ANSWER_LATENCY = Histogram(
    "calbot_answer_seconds",
    "Time to answer a question (engine only)",
    buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5),
    registry=REGISTRY,
)
REMINDERS = Counter(
    "calbot_reminders", "Reminder deliveries by outcome", ["outcome"], registry=REGISTRY
)  # outcome: sent, failed, retried, skipped
OUTBOUND_SENT = Counter(
    "calbot_outbound_calls",
    "Counted Bot API calls let through the lane",
    ["priority"],
    registry=REGISTRY,
)
OUTBOUND_RETRIES = Counter(
    "calbot_outbound_retries",
    "Bot API calls tried again by the lane",
    ["reason"],
    registry=REGISTRY,
)  # reason: flood (429), network (5xx, time-out, connection)
FEED_REQUESTS = Counter(
    "calbot_feed_requests", "Feed requests by status code", ["status"], registry=REGISTRY
)
CALENDAR_RELOADS = Counter(
    "calbot_calendar_reloads", "events.yaml reloads by outcome", ["outcome"], registry=REGISTRY
)


def render_metrics() -> tuple[bytes, str]:
    """The exposition text and its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
