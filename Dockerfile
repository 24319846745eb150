# calbot: the iCalendar feed, the page and the Telegram bot in one process.
#
#   docker build -t calbot .
#   docker run -p 8080:8080 --env-file .env calbot
#
# Dependencies come from requirements.lock (pinned, with hashes) so the image is the tested set;
# the package itself is installed with --no-deps so nothing is resolved at build time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The lock first: this layer is rebuilt only when the pinned dependencies change.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-deps . && rm -rf build *.egg-info

COPY events.yaml ./events.yaml

# A user of its own: the bot never needs root, and a bug in it should not get root either.
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin calbot \
    && mkdir -p /app/data \
    && chown calbot:calbot /app/data
USER calbot

# Defaults for a container; docker-compose.yml and .env override them. SQLite lives in /app/data
# unless DATABASE_URL points at PostgreSQL.
ENV EVENTS_FILE=/app/events.yaml \
    DATABASE_URL=sqlite:////app/data/calbot.db \
    CALBOT_HOST=0.0.0.0 \
    CALBOT_PORT=8080

EXPOSE 8080

# The slim image has no curl; Python's urllib exits non-zero on any error or non-2xx answer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)"]

CMD ["calbot", "serve", "--host", "0.0.0.0", "--port", "8080"]
