"""How a meeting's name is tied to its date, and what tense the tie is in.

"the Fourth Review Conference, to be held in Geneva from 14 to 25 November 2011": the words between
name and date ("to be held in Geneva from") are a link when they are few, or a complement of the
name with no clause of its own, and never a sentence end, "adopted" or "entered into force". A date
after "resolution 61/100 of" or "ratified on" is a document's or a treaty's, never a meeting's; a
meeting named inside "the adoption of the programme of work of the session on ..." dates the act.
The link (or the clause, or the paragraph's opening verb) says whether the meeting is past or
future.
"""

from __future__ import annotations

import re

_DOCUMENT_DATE = re.compile(
    r"(?:(?:resolutions?|decisions?|declarations?|letters?|notes?\s+verbales?|reports?|"
    r"communications?|statements?|[A-Z]+/[\w/.]+)\s+(?:(?!during\b|week\b|held\b|at\b|in\b)"
    r"[\w/.()-]+\s+){0,8}?(?:of|dated)|into\s+force"
    r"(?:\s+on)?|ratified|acceded|signed|deposited|adopted(?:\s+on)?|since|as\s+of|until|by|before|"
    r"after)\s*(?:on\s+)?$",
    re.IGNORECASE,
)
# A sentence ends at a full stop, but not at an abbreviation: "St. John's", "No. 5".
_CLAUSE_END = r";|(?<!\bSt)(?<!\bNo)(?<!\bMt)\.\s+[A-Z]"
_BAD_LINK = re.compile(rf"\badopted\b|\binto force\b|\bratif|\baccession|{_CLAUSE_END}")
_ENDS_CLAUSE = re.compile(_CLAUSE_END)
_FUTURE = re.compile(
    r"\b(?:be\s+(?:held|convened|organized|hosted)|(?:is|are)\s+to\s+be|"
    r"will\s+(?:be\s+held|take\s+place|meet|be\s+convened)|shall\s+(?:be\s+held|take\s+place|meet)|"
    r"to\s+(?:convene|hold|take\s+place)|scheduled|"
    r"forthcoming|upcoming|next|looking\s+forward|in\s+preparation\s+for|preparations\s+for)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:held|took\s+place|(?:was|were|been)\s+convened|hosted|met)\b",
    re.IGNORECASE,
)
_FUTURE_LEADS = re.compile(
    r"^(?:Also\s+|Further\s+)?(?:Decides|Requests|Calls|Encourages|Invites|Urges|Recommends|Looking|"
    r"Stresses|Emphasizes|Authorizes)"
)
_PAST_LEADS = re.compile(
    r"^(?:Also\s+|Further\s+)?(?:Recall|Welcom|Not|Tak|Express|Commend|Acknowledg|Reaffirm|Appreciat|"
    r"Congratulat|Thank)"
)
LINK_MAX = 110
# "a panel discussion on <a long subject>, to be held in June 2026": a long complement is still a
# link when it closes on an explicit holding cue just before the date.
_LONG_LINK_MAX = 260
_HOLDING_CUE = re.compile(
    r",\s*(?:(?:to\s+be|which\s+(?:was|were|will\s+be|is\s+to\s+be))\s+)?(?:held|convened|organized)"
    r"(?:\s+[\w-]+){0,5}?\s*(?:,\s*)?$"
)
_ACT_OF = re.compile(
    r"\b(?:adoption|inauguration|dedication|opening|launch|establishment|signing|signature|closure|"
    r"entry\s+into\s+force|programme\s+of\s+work|report|reports|outcome)\s+(?:by\s+[^,;]{1,80}?\s+)?"
    r"(?:of|on)\s+[^,;]{0,100}$|"
    # "the adoption by the Forum of its programme of work on 9 May 2025": the act's date.
    r"\b(?:adoption|approval|launch|endorsement)\s+by\s+(?:the\s+)?$"
)
_CLAUSE_REACH = 400
_QUOTED = re.compile(r"[\"“][^\"”]{1,300}[\"”]")
_COMPLEMENT = re.compile(r"\s*(?:of|for|on|between|with|among)\s")
_CLAUSE = re.compile(r",|\b(?:which|that|whose|who)\b|\bto\s+(?!the\b)[a-z]+")


def is_document_date(before: str) -> bool:
    """ "resolution 61/100 of", "entered into force on", "ratified on": the words before a date
    that make it a document's or a treaty's."""
    return _DOCUMENT_DATE.search(before[-80:]) is not None


def ends_clause(text: str) -> bool:
    """A semicolon or a sentence's end (not "St." or "No.") stands in ``text``."""
    return _ENDS_CLAUSE.search(text) is not None


def breaks_link(link: str) -> bool:
    return _BAD_LINK.search(link) is not None


def says_held(text: str) -> bool:
    """ "held", "to be convened", "took place": the words say a meeting is, was or will be held."""
    return bool(_PAST.search(text) or _FUTURE.search(text))


def dates_an_act(before: str, link: str) -> bool:
    """ "the adoption of the programme of work of the session on": the date is the act's, unless
    the link says the meeting was held then."""
    return _ACT_OF.search(before) is not None and not says_held(link)


# "the adoption, on 3 July 2026, of the programme of work of the meeting": an act dated before
# its object is named (unlike "the holding, on 18 June 2007, of the meeting").
_ACT_SET_OFF = re.compile(
    r"\b(?:adoption|inauguration|dedication|opening|launch|establishment|signing|signature|"
    r"closure|entry\s+into\s+force|publication|submission|issuance)\s*,?\s*(?:on|in|of)?\s*$",
    re.IGNORECASE,
)
_ACT_OBJECT = re.compile(
    r"^\s*,?\s*of\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:programme\s+of\s+work|report|outcome|"
    r"agenda|rules\s+of\s+procedure|declaration|decision|resolution)s?\b",
    re.IGNORECASE,
)


def dates_an_act_set_off(before: str, after: str) -> bool:
    """ "the adoption, on 3 July 2026, of ...", "the holding, on ..., of the programme of work":
    the date is an act's when an act comes before it or an act's object after it."""
    return bool(_ACT_SET_OFF.search(before[-60:]) or _ACT_OBJECT.match(after))


def is_link(link: str) -> bool:
    link = _QUOTED.sub('""', link)  # 'entitled "Women 2000: ..."' is a name, however long
    if _BAD_LINK.search(link):
        return False
    if len(link) <= LINK_MAX:
        return True
    # "the fourth annual meeting of senior officials of the ministries of ... on 18 April 2024": a
    # long complement of the name, with no clause of its own, still leads to the date.
    complement = _COMPLEMENT.match(link) and not _CLAUSE.search(link)
    return len(link) <= _LONG_LINK_MAX and bool(_HOLDING_CUE.search(link) or complement)


def status_of(cue_text: str, clause: str, paragraph_text: str, part: str) -> str:
    """past or future, from the words between name and date; else from the clause before the date
    ("is to be convened in 2016, preceded by a Preparatory Committee meeting from ..."); else from
    the paragraph's opening verb."""
    # The clause's last words are enough, and keep a long run-on paragraph linear.
    for text in (cue_text, clause[-_CLAUSE_REACH:]):
        # Compare where cues end: "to be held" and the "held" inside it end together; future wins.
        future = [m.end() for m in _FUTURE.finditer(text)]
        past = [m.end() for m in _PAST.finditer(text)]
        if future or past:
            return "future" if max(future, default=-1) >= max(past, default=-1) else "past"
    if _FUTURE_LEADS.match(paragraph_text):
        return "future"
    if _PAST_LEADS.match(paragraph_text):
        return "past"
    # Operative paragraphs (and their sub-items) mostly ask for things to come; preambles recall.
    return "future" if part == "operative" else "past"
