"""Answer benchmark: latency of the question engine and renderer, shipped and large calendars.

Run: ``.venv/bin/python benchmarks/bench_answers.py [--rounds N] [--events N]``. Prints the median
and 99th percentile of ``answer()`` alone and of ``answer()`` + ``render_html()`` over a mix of
questions (English and French, every kind), first on the shipped events.yaml (target: p99 under 5
ms), then on a synthetic calendar of 10,000 events (after its lookup index is built once; the build
time is printed). Both wall-clock and CPU time are shown: on a shared machine the wall clock's tail
is mostly waiting for a core, so the target is checked on CPU time. Repeated questions reuse the
index's spelling corrections, as a running bot does. Then the p99 per language (en, fr, es, ru,
zh, ar) on the shipped calendar, each question asked from an English client so the language is
detected from the text (target: under 10 ms each, answer + render, CPU).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.answers.engine import answer
from bot.answers.render import render_html
from bot.config import DEFAULT_EVENTS_FILE
from bot.events.loader import load_calendar
from bot.events.model import Calendar
from tests.answers.synthetic import synthetic_calendar

TARGET_P99_MS = 5.0
QUESTIONS = [
    ("when is the MSP", "en"),
    ("where is the protocol v conference", "en"),
    ("how long is the MSP", "en"),
    ("how long until the amended prot II conference", "en"),
    ("what's next", "en"),
    ("what's on tomorrow", "en"),
    ("what's on next week", "en"),
    ("list the meetings", "en"),
    ("all events", "en"),
    ("which paragraph mentions the Protocol V conference?", "en"),
    ("what is A/RES/62/57?", "en"),
    ("footnote 6", "en"),
    ("what is protocol iv", "en"),
    ("agenda of the sixty-third session", "en"),
    ("how do I subscribe", "en"),
    ("when is the conference?", "en"),
    ("what's the weather", "en"),
    ("protocl v", "en"),
    ("quand a lieu la réunion des États parties ?", "fr"),
    ("où se tient la conférence du Protocole V ?", "fr"),
    ("qu'est-ce qui se passe demain ?", "fr"),
    ("prochaine réunion", "fr"),
    ("which paragraph mentions cluster munitions", "en"),
    ("small arms working group session 3", "en"),
]
TARGET_LANGUAGE_P99_MS = 10.0
# Every kind in each language: when, where, what, how long, countdown, next, a day, a written date,
# a list, which paragraph, subscribe and a name the calendar does not hold.
LANGUAGE_QUESTIONS: dict[str, list[str]] = {
    "en": [question for question, lang in QUESTIONS if lang == "en"],
    "fr": [question for question, lang in QUESTIONS if lang == "fr"]
    + ["combien de temps dure la réunion des États parties ?", "liste des réunions"],
    "es": [
        "¿Cuándo es la Reunión de los Estados Partes?",
        "¿Dónde se celebra la Conferencia de los Estados Partes en el Protocolo V?",
        "¿Cuánto dura la reunión de los Estados Partes?",
        "¿Cuántos días faltan para la reunión de los Estados Partes?",
        "¿Cuál es la próxima reunión?",
        "¿Hay alguna reunión mañana?",
        "¿Qué hay el 13 de noviembre?",
        "lista de reuniones",
        "¿Qué párrafo menciona la Conferencia de los Estados Partes en el Protocolo V?",
        "¿Cómo me suscribo?",
        "¿Cuándo es la sesión del Consejo de Derechos Humanos?",
    ],
    "ru": [
        "Когда пройдёт Совещание государств — участников Конвенции?",
        "Где пройдёт Совещание государств — участников Конвенции?",
        "Сколько длится совещание государств-участников?",
        "Сколько дней осталось до совещания государств-участников?",
        "Какое следующее совещание?",
        "Есть ли завтра заседания?",
        "Что будет 13 ноября?",
        "список совещаний",
        "В каком пункте упоминается конференция по Протоколу V?",
        "Как подписаться?",
        "Когда сессия Совета по правам человека?",
    ],
    "zh": [
        "公约缔约国会议什么时候举行？",
        "公约缔约国会议在哪里举行？",
        "缔约国会议开几天？",
        "离缔约国会议还有几天？",
        "下一次会议是什么？",
        "明天有会议吗？",
        "11月13日有什么？",
        "会议列表",
        "哪一段提到第五号议定书缔约国会议？",
        "怎么订阅？",
        "人权理事会会议什么时候开？",
    ],
    "ar": [
        "متى يُعقد اجتماع الدول الأطراف في الاتفاقية؟",
        "أين يُعقد اجتماع الدول الأطراف؟",
        "كم يدوم اجتماع الدول الأطراف؟",
        "كم يومًا بقي على اجتماع الدول الأطراف؟",
        "ما هو الاجتماع القادم؟",
        "هل هناك اجتماع غدا؟",
        "ماذا يوجد في ١٣ نوفمبر؟",
        "قائمة الاجتماعات",
        "أي فقرة تذكر مؤتمر الدول الأطراف في البروتوكول الخامس؟",
        "كيف أشترك؟",
        "متى دورة مجلس حقوق الإنسان؟",
    ],
}
SYNTHETIC_QUESTIONS = [
    *QUESTIONS,
    ("when is the steering committee on cyber security 4521", "en"),
    ("where is the expert panel on landmines 77", "en"),
    ("clustr munitons bord 523", "en"),
]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


Samples = tuple[list[float], list[float]]


def measure(
    call: Callable[[str, str], object], questions: list[tuple[str, str]], rounds: int
) -> Samples:
    """Wall-clock and CPU seconds per call. On a shared machine the wall clock also counts the
    time other processes held the core; CPU time is the engine's own cost."""
    wall, cpu = [], []
    for _ in range(rounds):
        for question, lang in questions:
            started, started_cpu = time.perf_counter(), time.thread_time()
            call(question, lang)
            wall.append(time.perf_counter() - started)
            cpu.append(time.thread_time() - started_cpu)
    return wall, cpu


def report(label: str, samples: Samples) -> float:
    wall, cpu = samples
    print(
        f"  {label:<26} wall: median {statistics.median(wall) * 1000:7.3f} ms, "
        f"p99 {percentile(wall, 0.99) * 1000:7.3f} ms | CPU: median "
        f"{statistics.median(cpu) * 1000:7.3f} ms, p99 {percentile(cpu, 0.99) * 1000:7.3f} ms "
        f"({len(wall)} calls)"
    )
    return percentile(cpu, 0.99) * 1000


def bench(calendar: Calendar, questions: list[tuple[str, str]], rounds: int) -> float:
    now = datetime(2007, 11, 1, 8, tzinfo=UTC)

    def engine(question: str, lang: str) -> object:
        return answer(question, now, "Asia/Tokyo", lang, calendar)

    def engine_and_render(question: str, lang: str) -> object:
        return render_html(answer(question, now, "Asia/Tokyo", lang, calendar))

    measure(engine_and_render, questions, 1)  # warm caches (index, Babel locale data)
    report("answer()", measure(engine, questions, rounds))
    return report("answer() + render_html()", measure(engine_and_render, questions, rounds))


def bench_languages(calendar: Calendar, rounds: int) -> dict[str, float]:
    """p99 (CPU, answer + render) per language, each asked from an English client."""
    now = datetime(2007, 11, 1, 8, tzinfo=UTC)

    def engine_and_render(question: str, lang: str) -> object:
        return render_html(answer(question, now, "Europe/Zurich", lang, calendar))

    found = {}
    for lang, questions in LANGUAGE_QUESTIONS.items():
        asked = [(question, "en") for question in questions]
        measure(engine_and_render, asked, 1)  # first use: jieba, simplemma, dateparser data
        found[lang] = report(
            f"{lang} ({len(questions)} questions)", measure(engine_and_render, asked, rounds)
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=100, help="passes over the question mix")
    parser.add_argument("--events", type=int, default=10_000, help="size of the synthetic calendar")
    args = parser.parse_args()

    shipped = load_calendar(DEFAULT_EVENTS_FILE)
    print(f"shipped calendar ({len(shipped.events)} events), {len(QUESTIONS)} questions:")
    p99 = bench(shipped, QUESTIONS, args.rounds)

    started = time.perf_counter()
    large = synthetic_calendar(args.events)
    built = time.perf_counter() - started
    started = time.perf_counter()
    answer("when is it", datetime(2007, 11, 1, tzinfo=UTC), "UTC", "en", large)
    indexed = time.perf_counter() - started
    print(
        f"synthetic calendar ({len(large.events)} events; built in {built:.2f} s, "
        f"lookup index in {indexed:.2f} s, once per calendar):"
    )
    bench(large, SYNTHETIC_QUESTIONS, max(1, args.rounds // 10))

    print("per language, shipped calendar (answer + render_html), asked from an English client:")
    per_language = bench_languages(shipped, args.rounds)
    worst = max(per_language.values())
    figures = ", ".join(f"{lang} {value:.2f}" for lang, value in per_language.items())
    languages_ok = worst < TARGET_LANGUAGE_P99_MS
    print(
        f"target: p99 under {TARGET_LANGUAGE_P99_MS} ms in each language (CPU): "
        f"{'OK' if languages_ok else 'MISSED'} ({figures} ms)"
    )

    verdict = "OK" if p99 < TARGET_P99_MS else "MISSED"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"target: p99 under {TARGET_P99_MS} ms on the shipped calendar (answer + render, CPU): "
        f"{verdict} ({p99:.3f} ms). Load average {load} on {os.cpu_count()} cores: wall-clock "
        "outliers above are time spent waiting for a core."
    )
    return 0 if p99 < TARGET_P99_MS and languages_ok else 1


if __name__ == "__main__":
    sys.exit(main())
