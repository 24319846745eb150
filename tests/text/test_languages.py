"""Language of a text, tokens for matching, and dates written in each of the six UN languages.

The cases were written before the code ran on them (first-try and after-fix figures are in the
README). Dates are read against a fixed "today", Thursday 1 November 2007, never the real clock.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from bot.text.languages import detect_language, normalize_tokens, parse_date_text

TODAY = date(2007, 11, 1)  # a Thursday
D = date

DETECTION: dict[str, list[str]] = {
    "en": [
        "when is the MSP?",
        "where is the Protocol V conference",
        "what's on tomorrow",
        "how long is the meeting of the States Parties",
        "list the meetings",
        "which paragraph mentions cluster munitions",
        "how do I subscribe",
        "what is the next meeting",
        "is there anything this week?",
        "how many days until the conference",
        "tell me about Amended Protocol II",
        "what does the resolution not say",
        "who decided the dates of the meeting",
        "show me all events",
        "when does the group of governmental experts meet",
    ],
    "fr": [
        "quand a lieu la réunion des États parties ?",
        "où se tient la conférence du Protocole V ?",
        "qu'est-ce qui se passe demain ?",
        "prochaine réunion",
        "combien de jours avant la conférence ?",
        "liste des réunions",
        "quel paragraphe mentionne les armes à sous-munitions ?",
        "comment m'abonner au calendrier",
        "que se passe-t-il cette semaine",
        "la réunion dure combien de temps ?",
        "où est la réunion",
        "qu'est-ce que le Protocole IV",
        "y a-t-il une réunion aujourd'hui",
        "le 13 novembre, qu'est-ce qu'il y a ?",
        "à quelle date commence la conférence",
    ],
    "es": [
        "¿cuándo es la reunión de los Estados partes?",
        "¿dónde se celebra la conferencia del Protocolo V?",
        "¿qué hay mañana?",
        "próxima reunión",
        "¿cuánto dura la reunión?",
        "lista de reuniones",
        "¿qué párrafo menciona las municiones en racimo?",
        "¿cómo me suscribo al calendario?",
        "¿qué pasa esta semana?",
        "¿cuántos días faltan para la conferencia?",
        "dónde es la reunión",
        "¿qué es el Protocolo IV?",
        "¿hay alguna reunión hoy?",
        "el 13 de noviembre qué hay",
        "quiero saber cuando empieza la conferencia",
    ],
    "ru": [
        "Где пройдёт Совещание государств — участников Конвенции?",
        "когда конференция по Протоколу V",
        "что будет завтра",
        "следующее заседание",
        "сколько дней до конференции?",
        "список мероприятий",
        "какой пункт упоминает кассетные боеприпасы",
        "как подписаться на календарь",
        "что на этой неделе",
        "сколько длится совещание",
        "где MSP?",
        "что такое Протокол IV",
        "есть ли сегодня заседания",
        "13 ноября что происходит",
        "когда начинается конференция",
    ],
    "zh": [
        "缔约国会议什么时候举行？",
        "第五号议定书缔约国会议在哪里举行",
        "明天有什么会议",
        "下一次会议",
        "会议持续多久？",
        "列出所有会议",
        "哪一段提到集束弹药",
        "如何订阅日历",
        "本周有什么安排",
        "距离会议还有几天",
        "MSP 在哪里",
        "第四号议定书是什么",
        "今天有会议吗",
        "11月13日有什么活动",
        "政府专家组什么时候开会",
    ],
    "ar": [
        "متى يعقد اجتماع الدول الأطراف؟",
        "أين يعقد مؤتمر البروتوكول الخامس",
        "ماذا يوجد غدا",
        "الاجتماع القادم",
        "كم يوما حتى المؤتمر؟",
        "قائمة الاجتماعات",
        "أي فقرة تذكر الذخائر العنقودية",
        "كيف أشترك في التقويم",
        "ما هي الاجتماعات هذا الأسبوع",
        "كم تستغرق مدة الاجتماع",
        "أين MSP؟",
        "ما هو البروتوكول الرابع",
        "هل هناك اجتماع اليوم",
        "ماذا يحدث في ١٣ نوفمبر",
        "متى يبدأ المؤتمر",
    ],
}


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, text) for lang, texts in DETECTION.items() for text in texts]
)
def test_the_language_is_read_from_the_text(lang: str, text: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "?", "MSP", "2007", "CCW", "13/11", "👍"])
def test_a_text_without_evidence_has_no_language(text: str) -> None:
    assert detect_language(text) is None


def test_a_spanish_question_is_spanish_whatever_the_client_says() -> None:
    assert detect_language("¿cuándo es la MSP?") == "es"


NORMALIZATION: dict[str, list[tuple[str, list[str]]]] = {
    "en": [
        ("When is the MSP?", ["when", "msp"]),
        ("Where is the Protocol V conference", ["where", "protocol", "v", "conference"]),
        ("What's on TOMORROW", ["tomorrow"]),
        ("list the meetings", ["list", "meeting"]),
        ("Amended Protocol II", ["amend", "protocol", "ii"]),  # first try expected "amended"
        ("“cluster munitions”", ["cluster", "munition"]),
        ("ﬁve days", ["five", "day"]),  # the ligature is unfolded by NFKC
        ("Café naïve résumé", ["cafe", "naive", "resume"]),
        ("the States Parties", ["state", "party"]),
        ("7–13 November 2007", ["7", "13", "november", "2007"]),
        ("A/RES/62/57", ["a", "res", "62", "57"]),
        ("group of governmental experts", ["group", "governmental", "expert"]),
        ("how do I subscribe?", ["how", "subscribe"]),
        ("ＭＳＰ", ["msp"]),  # full-width letters
        ("  spaces\tand\nnewlines ", ["space", "newline"]),
    ],
    "fr": [
        ("Où se tient la conférence ?", ["ou", "conference"]),
        ("réunion des États parties", ["reunion", "etat", "partie"]),
        ("les réunions", ["reunion"]),
        ("Protocole V", ["protocole", "v"]),
        ("qu'est-ce qui se passe demain ?", ["passer", "demain"]),
        ("les armes à sous-munitions", ["arme", "sous", "munition"]),
        ("ÉTATS", ["etat"]),
        ("prochaine réunion", ["prochain", "reunion"]),
        ("le 13 novembre 2007", ["13", "novembre", "2007"]),
        ("la Conférence des Hautes Parties contractantes", ["conference", "haut", "partie"]),
        ("cette semaine", ["semaine"]),
        ("aujourd'hui", ["aujourd", "hui"]),
        ("les experts gouvernementaux", ["expert", "gouvernemental"]),
        ("combien de jours", ["combien", "jour"]),
        ("s'abonner au calendrier", ["abonner", "calendrier"]),
    ],
    "es": [
        ("¿Cuándo es la reunión?", ["cuando", "reunion"]),
        ("las reuniones", ["reunion"]),
        ("los Estados partes", ["estado", "parte"]),
        ("¿Dónde se celebra la Conferencia?", ["donde", "celebrar", "conferencia"]),
        ("las conferencias", ["conferencia"]),
        ("Protocolo V", ["protocolo", "v"]),
        ("¿qué hay mañana?", ["que", "manana"]),
        ("próxima reunión", ["proximo", "reunion"]),
        ("el 13 de noviembre de 2007", ["13", "noviembre", "2007"]),
        ("municiones en racimo", ["municion", "racimo"]),
        ("esta semana", ["semana"]),
        ("¿cuántos días faltan?", ["cuanto", "dia", "faltar"]),
        ("los expertos gubernamentales", ["experto", "gubernamental"]),
        ("PÁRRAFO", ["parrafo"]),
        ("suscribirse al calendario", ["suscribir", "calendario"]),
    ],
    "ru": [
        (
            "Где пройдёт Совещание государств — участников Конвенции?",
            ["где", "пройти", "совещание", "государство", "участник", "конвенция"],
        ),
        ("когда конференция?", ["когда", "конференция"]),
        ("по Протоколу V", ["протокол", "v"]),
        ("13 ноября", ["13", "ноябрь"]),
        ("совещаниях", ["совещание"]),
        ("в Женеве", ["женева"]),
        ("ещё", ["еще"]),
        ("заседаний", ["заседание"]),
        ("государств-участников", ["государство", "участник"]),
        ("Какие мероприятия на этой неделе?", ["мероприятие", "неделя"]),
        ("конференции", ["конференция"]),
        ("ЗАВТРА", ["завтра"]),
        ("группы правительственных экспертов", ["группа", "правительственный", "эксперт"]),
        ("кассетных боеприпасов", ["кассетный", "боеприпас"]),
        ("сколько дней", ["сколько", "день"]),
    ],
    "zh": [
        ("缔约国会议什么时候举行？", ["缔约国", "会议", "举行"]),
        ("第五号议定书", ["议定书"]),
        ("明天有什么会议", ["明天", "会议"]),
        ("在日内瓦举行", ["日内瓦", "举行"]),
        ("下一次会议", ["会议"]),
        ("如何订阅日历", ["订阅", "日历"]),
        ("集束弹药", ["集束", "弹药"]),
        ("政府专家组", ["政府", "专家组"]),
        ("本周有什么安排", ["安排"]),
        ("２００７年１１月１３日", ["2007", "11", "13"]),  # full-width digits
        ("MSP在哪里？", ["msp", "哪里"]),
        ("第四号议定书是什么", ["议定书", "什么"]),
        ("今天有会议吗", ["今天", "会议"]),
        ("联合国大会", ["联合国", "大会"]),
        ("会议持续多久", ["会议", "持续"]),
    ],
    "ar": [
        ("أين يُعقد المؤتمر؟", ["اين", "يعقد", "مؤتمر"]),  # the article goes
        ("مؤتمرُ الدولِ الأطرافِ", ["مؤتمر", "الدول", "اطراف"]),
        ("الاجتمـــاع", ["اجتماع"]),  # tatweel
        ("الجمعية العامة", ["جمعيه", "العامه"]),  # a short stem keeps it
        ("إلى متى", ["الي", "متي"]),
        ("آخر اجتماع", ["اخر", "اجتماع"]),
        ("١٣ نوفمبر", ["13", "نوفمبر"]),
        ("البروتوكول الخامس", ["بروتوكول", "الخامس"]),
        ("الاتفاقيّة", ["اتفاقيه"]),  # shadda
        ("متى يعقد اجتماع الدول الأطراف؟", ["متي", "يعقد", "اجتماع", "الدول", "اطراف"]),
        ("ٱلمؤتمر", ["مؤتمر"]),  # alef wasla
        ("هذا الأسبوع", ["هذا", "اسبوع"]),
        ("الذخائر العنقودية", ["ذخائر", "عنقوديه"]),
        ("غداً", ["غدا"]),  # tanwin
        ("فريق الخبراء الحكوميين", ["فريق", "خبراء", "حكوميين"]),
        ("للمؤتمر والاجتماع", ["مؤتمر", "اجتماع"]),  # "li" + article, "wa" + article
        ("اليوم", ["اليوم"]),  # today, not "يوم" (a day)
    ],
}


# Known misses, kept visible: simplemma's dictionaries lack the word, or read it as another part
# of speech. Strict: a fix makes them fail until the mark goes.
KNOWN_MISSES = {
    "  spaces\tand\nnewlines ": "'newlines' is not in simplemma's English data",
    "qu'est-ce qui se passe demain ?": "simplemma reads 'passe' as the noun",
    "кассетных боеприпасов": "'кассетных' is not in simplemma's Russian data",
}


def _normalization_cases() -> list[object]:
    return [
        pytest.param(
            lang,
            text,
            expected,
            marks=[pytest.mark.xfail(reason=KNOWN_MISSES[text], strict=True)]
            if text in KNOWN_MISSES
            else [],
        )
        for lang, cases in NORMALIZATION.items()
        for text, expected in cases
    ]


@pytest.mark.parametrize(("lang", "text", "expected"), _normalization_cases())
def test_tokens_are_normalised_for_matching(lang: str, text: str, expected: list[str]) -> None:
    tokens = normalize_tokens(text, lang)
    missing = [token for token in expected if token not in tokens]
    assert not missing, f"{tokens} lacks {missing}"
    for token in tokens:
        assert token == token.casefold()
        assert token.strip() and all(ch.isalnum() for ch in token), token
        assert not any(unicodedata.combining(ch) for ch in token), token


@pytest.mark.parametrize(
    ("lang", "one", "other"),
    [
        ("fr", "conférence", "Conference"),
        ("es", "reuniones", "reunión"),
        ("ru", "конференции", "конференция"),
        ("ru", "ещё", "еще"),
        ("ar", "أطراف", "اطراف"),
        ("ar", "الجمعيّة", "الجمعية"),
        ("zh", "会议", "会议"),
    ],
)
def test_spellings_of_one_word_match(lang: str, one: str, other: str) -> None:
    assert normalize_tokens(one, lang) == normalize_tokens(other, lang)


def test_chinese_tokens_need_no_spaces() -> None:
    assert len(normalize_tokens("缔约国会议在日内瓦举行", "zh")) >= 3


DATES: dict[str, list[tuple[str, date | None]]] = {
    "en": [
        ("13 November", D(2007, 11, 13)),
        ("November 13", D(2007, 11, 13)),
        ("13 November 2007", D(2007, 11, 13)),
        ("5 Nov", D(2007, 11, 5)),
        ("tomorrow", D(2007, 11, 2)),
        ("today", D(2007, 11, 1)),
        ("yesterday", D(2007, 10, 31)),
        ("2007-11-05", D(2007, 11, 5)),
        ("30 October 2007", D(2007, 10, 30)),
        ("December 1st", D(2007, 12, 1)),
        ("in 3 days", D(2007, 11, 4)),
        ("what's on 13 November?", D(2007, 11, 13)),
        ("on Tuesday", D(2007, 11, 6)),
        ("when is the MSP", None),
        ("hello", None),
    ],
    "fr": [
        ("le 13 novembre", D(2007, 11, 13)),
        ("13 novembre 2007", D(2007, 11, 13)),
        ("5 nov.", D(2007, 11, 5)),
        ("demain", D(2007, 11, 2)),
        ("aujourd'hui", D(2007, 11, 1)),
        ("hier", D(2007, 10, 31)),
        ("après-demain", D(2007, 11, 3)),
        ("1er décembre", D(2007, 12, 1)),
        ("30 octobre 2007", D(2007, 10, 30)),
        ("dans 3 jours", D(2007, 11, 4)),
        ("qu'y a-t-il le 13 novembre ?", D(2007, 11, 13)),
        ("mardi", D(2007, 11, 6)),
        ("13/11/2007", D(2007, 11, 13)),
        ("quand a lieu la réunion", None),
        ("bonjour", None),
    ],
    "es": [
        ("13 de noviembre", D(2007, 11, 13)),
        ("el 13 de noviembre de 2007", D(2007, 11, 13)),
        ("5 nov", D(2007, 11, 5)),
        ("mañana", D(2007, 11, 2)),
        ("hoy", D(2007, 11, 1)),
        ("ayer", D(2007, 10, 31)),
        ("pasado mañana", D(2007, 11, 3)),
        ("1 de diciembre", D(2007, 12, 1)),
        ("30 de octubre de 2007", D(2007, 10, 30)),
        ("dentro de 3 días", D(2007, 11, 4)),
        ("¿qué hay el 13 de noviembre?", D(2007, 11, 13)),
        ("martes", D(2007, 11, 6)),
        ("13/11/2007", D(2007, 11, 13)),
        ("¿cuándo es la reunión?", None),
        ("hola", None),
    ],
    "ru": [
        ("13 ноября", D(2007, 11, 13)),
        ("13 ноября 2007 года", D(2007, 11, 13)),
        ("5 нояб.", D(2007, 11, 5)),
        ("завтра", D(2007, 11, 2)),
        ("сегодня", D(2007, 11, 1)),
        ("вчера", D(2007, 10, 31)),
        ("послезавтра", D(2007, 11, 3)),
        ("1 декабря", D(2007, 12, 1)),
        ("30 октября 2007 г.", D(2007, 10, 30)),
        ("через 3 дня", D(2007, 11, 4)),
        ("что будет 13 ноября?", D(2007, 11, 13)),
        ("во вторник", D(2007, 11, 6)),
        ("13.11.2007", D(2007, 11, 13)),
        ("когда совещание", None),
        ("привет", None),
    ],
    "zh": [
        ("11月13日", D(2007, 11, 13)),
        ("2007年11月13日", D(2007, 11, 13)),
        ("11月5号", D(2007, 11, 5)),
        ("明天", D(2007, 11, 2)),
        ("今天", D(2007, 11, 1)),
        ("昨天", D(2007, 10, 31)),
        ("后天", D(2007, 11, 3)),
        ("12月1日", D(2007, 12, 1)),
        ("2007年10月30日", D(2007, 10, 30)),
        ("3天后", D(2007, 11, 4)),
        ("11月13日有什么会议？", D(2007, 11, 13)),
        ("星期二", D(2007, 11, 6)),
        ("2007-11-13", D(2007, 11, 13)),
        ("会议什么时候举行", None),
        ("你好", None),
    ],
    "ar": [
        ("١٣ نوفمبر", D(2007, 11, 13)),
        ("13 نوفمبر 2007", D(2007, 11, 13)),
        ("١٣ نوفمبر ٢٠٠٧", D(2007, 11, 13)),
        ("غدا", D(2007, 11, 2)),
        ("اليوم", D(2007, 11, 1)),
        ("أمس", D(2007, 10, 31)),
        ("بعد غد", D(2007, 11, 3)),
        ("1 ديسمبر", D(2007, 12, 1)),
        ("30 أكتوبر 2007", D(2007, 10, 30)),
        ("بعد 3 أيام", D(2007, 11, 4)),
        ("ماذا يوجد في 13 نوفمبر؟", D(2007, 11, 13)),
        ("الثلاثاء", D(2007, 11, 6)),
        ("2007-11-13", D(2007, 11, 13)),
        ("متى يعقد الاجتماع", None),
        ("مرحبا", None),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [(lang, text, expected) for lang, cases in DATES.items() for text, expected in cases],
)
def test_dates_written_in_each_language(lang: str, text: str, expected: date | None) -> None:
    assert parse_date_text(text, lang, TODAY) == expected


def test_dates_follow_the_given_today_not_the_clock() -> None:
    assert parse_date_text("mañana", "es", date(2031, 2, 28)) == date(2031, 3, 1)
    assert parse_date_text("13 ноября", "ru", date(2031, 2, 28)) == date(2031, 11, 13)


@pytest.mark.parametrize("text", ["", "x" * 5000, "32 ноября", "31 de febrero", "\x00"])
def test_odd_date_text_is_no_date_not_an_error(text: str) -> None:
    assert parse_date_text(text, "ru", TODAY) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what is A/RES/62/57?", "en"),
        ("footnote 6", "en"),
        ("paragraph 13 of the resolution", "en"),
        ("the 2007 meeting", "en"),
        ("sesión 3", "es"),
        ("пункт 7", "ru"),
        ("第7段", "zh"),
        ("الفقرة 7", "ar"),
    ],
)
def test_numbers_that_are_not_days_are_not_read_as_dates(text: str, lang: str) -> None:
    # Added after the blind cases: symbols, paragraphs and years in questions.
    assert parse_date_text(text, lang, TODAY) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what's on next week", "en"),
        ("que se passe-t-il cette semaine", "fr"),
        ("¿qué pasa esta semana?", "es"),
        ("что на этой неделе", "ru"),
        ("本周有什么安排", "zh"),
        ("noviembre", "es"),
    ],
)
def test_a_week_or_a_month_is_not_a_day(text: str, lang: str) -> None:
    # Added after the blind cases: "this week" was first read as today.
    assert parse_date_text(text, lang, TODAY) is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("is there anything the day after tomorrow?", "en", D(2007, 11, 3)),
        ("y a-t-il une réunion après-demain ?", "fr", D(2007, 11, 3)),
        ("¿qué hay pasado mañana?", "es", D(2007, 11, 3)),
        ("el martes por la mañana", "es", D(2007, 11, 6)),
        ("что было позавчера", "ru", D(2007, 10, 30)),
        ("后天有会议吗", "zh", D(2007, 11, 3)),
        ("ماذا في اليوم الأول", "ar", None),
    ],
)
def test_relative_days_inside_questions(text: str, lang: str, expected: date | None) -> None:
    # Added after the blind cases, with the table that replaced dateparser for these words.
    assert parse_date_text(text, lang, TODAY) == expected
