"""The six UN languages in free text: which one a text is in, its tokens for matching, its dates.

Pure: no clock (``parse_date_text`` takes ``today``), no network. A delegate whose Telegram client
is set to English may still ask in Spanish, so the language comes from the text when the text says
enough; ``detect_language`` returns ``None`` when it does not ("MSP", "13/11") and the caller falls
back to the chat's language.

Tokens are for matching, not for showing: NFKC and casefold for every script, any decimal digits
made ASCII ("١٣" -> "13"), Latin diacritics dropped after lemmatising (so "reunión", "reuniones"
and "reunion" meet), Russian "ё" read as "е", Arabic letter variants and marks unified and the
article and its joined prepositions dropped from long words ("الاجتماع", "للمؤتمر" -> "اجتماع",
"مؤتمر"), Chinese segmented with jieba (its dictionary ships in the package and is loaded once, on
first use; ``segment_chinese`` gives the words as typed, for a reader that must show them).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date, datetime, time, timedelta
from functools import cache, lru_cache
from typing import Any

import simplemma

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
_LEMMATISED = {"en", "fr", "es", "ru"}
_MAX_DATE_TEXT = 200


def prepare() -> None:
    """Load what the first question in each language would otherwise wait for (jieba's
    dictionary, simplemma's data, dateparser's languages: several seconds in all). Call at start."""
    samples = {"zh": "会议", "ru": "конференции", "es": "reuniones", "fr": "réunions", "en": "days"}
    for lang, word in samples.items():
        normalize_tokens(word, lang)
    for lang in LANGUAGES:
        parse_date_text("13 11 2007", lang, date(2007, 11, 1))


# --- detection --------------------------------------------------------------------------------


def _script(char: str) -> str | None:
    code = ord(char)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF:
        return "ar"
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "ar"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "zh"
    if 0x20000 <= code <= 0x2A6DF:
        return "zh"
    if 0x0400 <= code <= 0x052F:
        return "ru"
    return None


_EVIDENCE_WORDS = {
    "en": """the a an is are was be of to in on at for and or what when where which who how many
        much long until this next week tomorrow today yesterday meeting meetings conference list
        show me all events event does do did i there anything tell about not say says with days
        day it mentions paragraph subscribe experts decided dates group governmental happening s""",
    "fr": """le la les des du de un une et est où quand quel quelle quels quelles qui que quoi qu se
        passe tient lieu il y a au aux pour avec dans sur ce cette ces combien jours avant après
        demain aujourd hui hier semaine prochaine prochain réunion réunions conférence liste comment
        abonner mentionne paragraphe armes dure temps commence pas ne en novembre décembre octobre
        à sont""",
    "es": """el la los las de del un una y es en qué que cuándo cuando dónde donde cuál cuánto
        cuántos cuánta hay se celebra mañana hoy ayer semana próxima próximo reunión reuniones
        conferencia lista cómo como me suscribo esta este pasa faltan para días dura alguna quiero
        saber empieza menciona párrafo municiones noviembre diciembre octubre por con al son""",
}
_WORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _lang, _words in _EVIDENCE_WORDS.items():
    for _word in _words.split():
        _WORD_LANGUAGES[_word] = (*_WORD_LANGUAGES.get(_word, ()), _lang)
_CHAR_EVIDENCE = {**dict.fromkeys("ñ¿¡áíóú", "es"), **dict.fromkeys("çœèêàâîôûëïù", "fr")}
_FRENCH_ELISION = re.compile(r"\b(?:qu|[lcdjmnst])'(?=\w)|-t-")
_ENGLISH_CONTRACTION = re.compile(r"\w'(?:s|t|re|ll|ve|d|m)\b")
_LATIN_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, *, min_evidence: float = 0) -> str | None:
    """``ar``, ``zh``, ``ru``, ``en``, ``fr`` or ``es``; ``None`` when the text gives no evidence.

    A non-Latin script decides at once (a Russian question may carry "MSP"); Latin texts are
    told apart by their common words, accented letters and contractions, and need at least
    ``min_evidence`` points for the winner ("when is the MSP" is only three English words: too
    little to overrule a reader's chosen language).
    """
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    scripts = Counter(script for char in text if char.isalpha() and (script := _script(char)))
    if scripts:
        return scripts.most_common(1)[0][0]
    scores: Counter[str] = Counter()
    for word in _LATIN_WORD.findall(text):
        owners = _WORD_LANGUAGES.get(word, ())
        for lang in owners:
            scores[lang] += 1 / len(owners)
    for char in text:
        if char in _CHAR_EVIDENCE:
            scores[_CHAR_EVIDENCE[char]] += 1
    scores["fr"] += 2 * len(_FRENCH_ELISION.findall(text))
    scores["en"] += 2 * len(_ENGLISH_CONTRACTION.findall(text))
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] <= 0 or ranked[0][1] < min_evidence:
        return None
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None  # "la", "de": nothing to choose between French and Spanish
    return ranked[0][0]


# --- normalisation ----------------------------------------------------------------------------

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_TOKEN = re.compile(r"[^\W_]+")


def normalize_tokens(text: str, lang: str) -> list[str]:
    """The words of ``text`` in the form used for matching, in order."""
    text = _ascii_digits(unicodedata.normalize("NFKC", text).casefold())
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    words = _segment_chinese(text) if lang == "zh" else _TOKEN.findall(text)
    tokens = []
    for word in words:
        if not _TOKEN.fullmatch(word):
            continue  # jieba's spaces and punctuation
        if lang == "ar":
            word = _without_article(word)
        tokens.append(_fold(_lemma(word, lang) if lang in _LEMMATISED else word))
    return tokens


# The article, alone or after a joined preposition or conjunction ("و", "ب", "ك", "ف"; "ل" + "ال"
# is written "لل"), longest first. Read after the letter forms are unified ("أ" -> "ا").
_ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_ARABIC_STEM_MIN = 5


def _without_article(word: str) -> str:
    """ "الاجتماع" and "اجتماع" are one word to match: the question says "when is the meeting",
    the name "meeting of the States Parties". Short remainders keep the article ("اليوم" is
    today, not "يوم", a day; "الدول" stays whole, and so it is in the names too)."""
    for article in _ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= _ARABIC_STEM_MIN:
            return word[len(article) :]
    return word


def _ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else char
        for char in text
    )


@lru_cache(maxsize=65536)
def _lemma(word: str, lang: str) -> str:
    if word.isdigit() or (lang == "ru" and not _is_cyrillic(word)):
        return word
    if lang != "ru" and not _is_latin(word):
        return word
    if lang == "es" and word.endswith("iones"):
        word = word[:-5] + "ión"  # "municiones" is the noun's plural, not a verb's form
    if lang != "ru" and _unknown_plural(word, lang):
        return word[:-1]
    return simplemma.lemmatize(word, lang=lang).casefold()


def _unknown_plural(word: str, lang: str) -> bool:
    """A plural the dictionary lacks whose singular it knows ("newlines" -> "newline")."""
    if len(word) <= 3 or word[-1] != "s" or word[-2] in "su":
        return False
    return not simplemma.is_known(word, lang=lang) and simplemma.is_known(word[:-1], lang=lang)


def _fold(word: str) -> str:
    if _is_latin(word):
        decomposed = unicodedata.normalize("NFD", word)
        return "".join(char for char in decomposed if not unicodedata.combining(char))
    return word.replace("ё", "е")


def _is_latin(word: str) -> bool:
    return all(ord(char) < 0x0370 or 0x1E00 <= ord(char) <= 0x1EFF for char in word)


def _is_cyrillic(word: str) -> bool:
    return any(0x0400 <= ord(char) <= 0x052F for char in word)


def _segment_chinese(text: str) -> list[str]:
    return [word.strip() for word in _jieba().lcut_for_search(text)]


def segment_chinese(text: str) -> list[str]:
    """The words of a Chinese text as typed, each once and in order ("渥太华公约" -> "渥太华",
    "公约"): what a reader quoting a name needs. Matching uses the search mode instead, which
    adds the shorter words inside long ones ("缔约国" also gives "缔约")."""
    return [word for word in _jieba().lcut(text) if word.strip()]


@cache
def _jieba() -> Any:
    """jieba's tokenizer, its dictionary loaded once (about a second, from the package's files)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


# --- dates ------------------------------------------------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]+")
_CHINESE_DAY = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]")


def parse_date_text(text: str, lang: str, today: date) -> date | None:
    """The day a date written in ``lang`` names ("13 de noviembre", "13 ноября", "11月13日"),
    counted from ``today``; ``None`` when the text names no day. A bare day and month is in
    ``today``'s year; a bare weekday is the next one."""
    cleaned = _ascii_digits(unicodedata.normalize("NFKC", text)).strip()
    if not cleaned or len(cleaned) > _MAX_DATE_TEXT or "\x00" in cleaned:
        return None
    if lang == "zh" and (match := _CHINESE_DAY.search(cleaned)):
        return _chinese_day(match, today)
    lang = lang if lang in LANGUAGES else "en"
    if (shift := _relative_days(cleaned, lang)) is not None:
        return today + timedelta(days=shift) if shift != _NOT_A_DAY else None
    if not _may_name_a_day(cleaned, lang):
        return None  # most questions name no day: skip dateparser's search (about 1 ms)
    return _dateparser_day(cleaned, lang, today)


def _may_name_a_day(text: str, lang: str) -> bool:
    """Whether ``text`` has a digit or a month or weekday name of ``lang``."""
    if any(char.isdigit() for char in text):
        return True
    return any(_names_a_date_part(word, lang) for word in text.split())


def _names_a_date_part(word: str, lang: str) -> bool:
    """Whether a word is, or (in Chinese, written without spaces) contains, a month, weekday or
    relative-day name. Whole words elsewhere: "чт" (Thursday) is not in "что", nor "dec" in
    "decided"."""
    folded = word.casefold()
    if any(char.isdigit() for char in folded):
        return True
    if lang == "zh":
        return any(name in folded for name in _date_words(lang))
    return any(part in _date_words(lang) for part in _LETTERS.findall(folded))


@cache
def _date_words(lang: str) -> frozenset[str]:
    """Month and weekday names (full and short, both grammatical forms) from Babel's CLDR data,
    casefolded. Relative days ("mañana") are read before, from their own table."""
    from babel import Locale

    locale = Locale.parse(lang if lang in LANGUAGES else "en")
    words: set[str] = set()
    for table in (locale.months, locale.days):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(
                    str(name).casefold().rstrip(".") for name in table[context][width].values()
                )
    return frozenset(word for word in words if word)


def _chinese_day(match: re.Match[str], today: date) -> date | None:
    year = int(match.group(1)) if match.group(1) else today.year
    try:
        return date(year, int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _dateparser_day(text: str, lang: str, today: date) -> date | None:
    """Cheapest first: the whole text, then the words that look like a date (alone, then with a
    word on each side: "in 3 days"), and only then dateparser's search (about 2-3 ms)."""
    from dateparser.search import search_dates

    future = not any(char.isdigit() for char in text)
    parser = _parser(lang, today, future)
    found = parser.get_date_data(text)
    if found.date_obj is not None:
        # "noviembre" or "2007" name a month or a year, not a day.
        return found.date_obj.date() if found.period == "day" else None
    for span in _date_spans(text, lang):
        if (day := _day(parser, span)) is not None:
            return day
    for matched, _ in (
        search_dates(text, languages=[lang], settings=_settings(today, future=future)) or ()
    ):
        if (day := _day(parser, matched)) is not None:  # "cette semaine" is found, not a day
            return day
    return None


def _day(parser: Any, text: str) -> date | None:
    found = parser.get_date_data(text)
    return found.date_obj.date() if found.date_obj is not None and found.period == "day" else None


def _date_spans(text: str, lang: str) -> list[str]:
    """Parts of ``text`` that may be a date: in Chinese a weekday; elsewhere
    the first run of date-like words ("13 novembre"), unless it is a bare number, then that run
    with one word on each side ("in 3 days", "le 13 novembre")."""
    if lang == "zh":
        return _CHINESE_DAY_WORD.findall(text)
    words = text.split()
    marked = [index for index, word in enumerate(words) if _names_a_date_part(word, lang)]
    if not marked:
        return []
    first = last = marked[0]
    while last + 1 in marked or last + 2 in marked:  # "13 de noviembre", "November the 13th"
        last += 1 if last + 1 in marked else 2
    run = " ".join(words[first : last + 1]).strip(_PUNCTUATION)
    spans = [] if run.isdigit() else [run]
    spans.append(" ".join(words[max(0, first - 1) : last + 2]).strip(_PUNCTUATION))
    return [span for span in spans if span and span != text]


_PUNCTUATION = " ?¿!¡.,;:؟،"
_CHINESE_DAY_WORD = re.compile(
    "今天|明天|后天|昨天|前天|今日|明日|(?:星期|礼拜|周)[一二三四五六日天]"
)


@lru_cache(maxsize=64)
def _parser(lang: str, today: date, future: bool) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings=_settings(today, future=future))


def _relative_days(text: str, lang: str) -> int | None:
    """Today, tomorrow, the day after... read from a table, not dateparser: these words are a
    closed set, and dateparser takes milliseconds over each. "Por la mañana" is the morning,
    "اليوم الأول" the first day; a text with a number in it is left to dateparser."""
    folded = _ARABIC_MARKS.sub("", text.casefold().replace("’", "'"))
    if lang == "ar" and (match := _ARABIC_IN_DAYS.search(folded)):
        return int(match.group(1))
    if any(char.isdigit() for char in folded) or lang not in _DAYS_FROM_TODAY:
        return None
    match = _relative_pattern(lang).search(folded)
    if match is None:
        return None
    word, before, after = match.group(0), folded[: match.start()], folded[match.end() :]
    if lang == "es" and word == "mañana" and re.search(r"\bla\s+$", before):
        return None  # the morning: a weekday may still name the day
    if lang == "ar" and word == "اليوم" and after.lstrip().startswith("ال"):
        return _NOT_A_DAY
    return _DAYS_FROM_TODAY[lang][word]


_NOT_A_DAY = -(10**6)  # a relative-day word that here names no day ("اليوم الأول")


@cache
def _relative_pattern(lang: str) -> re.Pattern[str]:
    words = sorted(_DAYS_FROM_TODAY[lang], key=len, reverse=True)  # "pasado mañana" before "mañana"
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(alternatives if lang == "zh" else rf"(?<!\w)(?:{alternatives})(?!\w)")


_DAYS_FROM_TODAY: dict[str, dict[str, int]] = {
    "en": {
        "today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1,
        "day after tomorrow": 2, "day before yesterday": -2,
    },
    "fr": {
        "aujourd'hui": 0, "ce soir": 0, "demain": 1, "hier": -1,
        "après-demain": 2, "après demain": 2, "avant-hier": -2, "avant hier": -2,
    },
    "es": {
        "hoy": 0, "esta noche": 0, "mañana": 1, "ayer": -1,
        "pasado mañana": 2, "anteayer": -2, "antes de ayer": -2,
    },
    "ru": {"сегодня": 0, "завтра": 1, "вчера": -1, "послезавтра": 2, "позавчера": -2},
    "zh": {
        "今天": 0, "今日": 0, "今晚": 0, "明天": 1, "明日": 1,
        "后天": 2, "昨天": -1, "前天": -2,
    },
    "ar": {
        "اليوم": 0, "الليلة": 0, "غدا": 1, "غد": 1, "الغد": 1, "بعد غد": 2, "بعد الغد": 2,
        "أمس": -1, "امس": -1, "البارحة": -1, "أول أمس": -2, "اول امس": -2,
    },
}  # fmt: skip
_ARABIC_IN_DAYS = re.compile(r"(?:بعد|خلال)\s+(\d{1,3})\s+(?:يوم|يوما|أيام|ايام)")


def _settings(today: date, *, future: bool) -> dict[str, Any]:
    """Deterministic and offline: a fixed base instead of the clock, no language detection,
    no timestamps ("2007" is not a second count), no time zone of the machine."""
    return {
        "RELATIVE_BASE": datetime.combine(today, time(12)),
        "PREFER_DATES_FROM": "future" if future else "current_period",
        "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "DMY",
    }
