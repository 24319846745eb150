"""Which dated phrases of a paragraph are meetings: their title as worded, status, place and quote.

UN drafting names a meeting, then says when: "the First Conference of the States Parties to Protocol
V to be held on 5 November 2007 in Geneva"; sometimes the other way round: "the holding, on 18 June
2007, of the meeting of the Preparatory Committee". A dated phrase is a meeting only when a meeting
name is joined to it by a few linking words; a date after "resolution 61/100 of", "entered into
force on" or "adopted on" never is. Dates joined by "and" form a group: paired with titles ("X and Y
... respectively", "the Twelfth and Thirteenth Annual Conferences ... in 2010 and 2011") or, under
one title, the periods of one meeting. An event has one span, so each period is proposed as its own
event, with a note saying which period it is. Whether words link a name to a date is ``links``';
the items of a list that follow a named meeting ("..., in Nayarit, Mexico, on 13 and 14 February
2014") are ``lists``'; places a meeting takes from the words around it ("held there", ", all at
...") are ``carried``'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.extract.carried import (
    last_place,
    with_margin_meetings,
    with_place_for_all,
    with_series_place,
    with_set_off_place,
)
from bot.extract.dates import DateMention, find_dates
from bot.extract.document import Paragraph
from bot.extract.links import (
    LINK_MAX,
    breaks_link,
    dates_an_act,
    dates_an_act_set_off,
    ends_clause,
    is_document_date,
    is_link,
    says_held,
    status_of,
)
from bot.extract.lists import Chain, listed_places, ordinals_in_brackets, singular_title
from bot.extract.mention import Mention
from bot.extract.names import (
    BODY,
    KEYWORD,
    Phrase,
    head_of,
    last_keyword,
    last_phrase,
    ordinal_series,
    phrases,
    singular,
    tidy_title,
    tokens_left,
    tokens_right,
    with_body,
)
from bot.extract.places import (
    Place,
    find_place,
    held_place,
    place_before_date,
    read_place,
)

_CONNECTIVE = re.compile(
    r"^\s*(?:,|and|or|,\s*and)\s*(?:again\s+)?(?:from|on|in|during(?:\s+the\s+week\s+of)?|between)?\s*$"
)
_CONJUNCT_GAP = re.compile(r"(?:,\s*|\s+)(?:and\s+)?(?:the\s+|a\s+|an\s+)?$")
_ARTICLE = re.compile(r"(?:\b(?:the|a|an|its|their)\s+)$", re.IGNORECASE)
_TIMING = re.compile(
    r"\b(?:during|at)\s+(?:the|its|that|this)\s+(?:high-level\s+week\s+of\s+the\s+)?$"
)
_DONE_AT = re.compile(r",|\b(?:adopted|taken|made|approved)\b")
_HELD = re.compile(
    r"[\s,]*(?:(?:which|that)\s+)?(?:(?:shall|will|would|is\s+to|are\s+to|was|were)\s+)?(?:be\s+)?"
    r"(?:held|convened|hosted)\s+"
)
_SUBJECT = re.compile(
    r"\b(?:anniversary|commemoration|outcome|follow-up|(?P<host>margins|sidelines))\s+(?:of|to)\s+"
    r"(?:the\s+|its\s+|that\s+|this\s+)?$"
)
_HOST_BEFORE = re.compile(
    r"\bon\s+the\s+(?:margins|sidelines)\s+of\s+(?:the\s+)?([^,;]{3,120}),\s*(?:the|a|an)?\s*$"
)
_CONVENE_SET_OFF = re.compile(
    r"\b(?:convene|hold|organize|host|convening|holding)\s*,\s*(?P<place>(?:in|at)\s+[^,;]{2,60}?)?"
    r"\s*(?:on|from|in|during|between)?\s*$"
)
_MEETS = re.compile(r"\b(?:met|meets|meet|meeting|convened|sat)\b")
# "the expert meeting held there on", "the Youth Forum, held on its margins on": the place is the
# one named just before, in this paragraph or an earlier one.
_THERE = re.compile(
    r"\b(?:held|convened|organized|hosted|also|meet|met)\s+there\b|\bthere\s*,?\s*(?:on|from|in)\s*$|"
    r"\b(?:on|in)\s+(?:its|their)\s+(?:margins|sidelines)\b|"
    r"\b(?:margins|sidelines)\s+of\s+(?:that|this|the\s+same)\s+[\w-]+|"
    r"\b(?:in|at)\s+the\s+same\s+(?:city|place|venue|location)\b"
)
_THERE_AFTER = re.compile(
    r"\s*,?\s*(?:also\s+)?(?:(?:in|at)\s+the\s+same\s+(?:city|place|venue|location)|there)\b"
)


@dataclass(frozen=True)
class _Window:
    """The words around a group of dates, up to the neighbouring groups or a semicolon."""

    text: str
    left_start: int
    group: list[DateMention]
    right_end: int

    @property
    def left(self) -> str:
        return self.text[self.left_start : self.group[0].begin]

    @property
    def after(self) -> str:
        return self.text[self.group[-1].finish : self.right_end]


def find_mentions(
    paragraph: Paragraph, lead: str = "", outer: str = "", year_hint: int | None = None
) -> list[Mention]:
    """The meetings a paragraph dates, in order. ``lead`` is the undated words that introduce a
    sub-item ("Notes that the working groups will meet in Geneva:" before "(a) From 4 to 7 February
    2020"): a sub-item that dates a meeting without naming it takes its name from there. ``outer``
    introduces ``lead`` in turn ("regional consultations:", "(c) For Asia-Pacific States, in two
    rounds:", "(i) In Bangkok, in April 2026"). ``year_hint``: see ``find_dates``."""
    found = _find_mentions(paragraph, year_hint)
    if found:
        return found
    if outer and not _introduces_meeting(lead) and lead.rstrip().endswith(":"):
        middle = lead.rstrip().rstrip(":")
        joined = f"{middle}, {_lower_first(paragraph.text)}"
        inner = Paragraph(paragraph.label, paragraph.part, joined)
        return find_mentions(inner, outer, year_hint=year_hint)
    if not _introduces_meeting(lead):
        return _dated_by_lead(paragraph, lead)
    # Read the two as one sentence: "... will meet in Geneva from 4 to 7 February 2020".
    joined = f"{lead.rstrip().rstrip(':')} {_lower_first(paragraph.text)}"
    return _find_mentions(Paragraph(paragraph.label, paragraph.part, joined), year_hint)


_LEAD_DATE = re.compile(r"\b(?:in|during)\s+(?:the\s+year\s+)?\d{4}\s*:\s*$")


def _dated_by_lead(paragraph: Paragraph, lead: str) -> list[Mention]:
    """ "Also decides that, in 2025:" "(b) the Committee shall hold its sixty-eighth and
    sixty-ninth sessions;": an undated sub-item takes the year its lead-in gives."""
    dated = _LEAD_DATE.search(lead.rstrip())
    if dated is None or find_dates(paragraph.text):
        return []
    words = dated.group(0).rstrip(" :")
    joined = f"{paragraph.text.rstrip(' ;,.')} {words};"
    return _find_mentions(Paragraph(paragraph.label, paragraph.part, joined))


def _lower_first(text: str) -> str:
    """ "For African States" -> "for African States" (but "United Nations" stays)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _introduces_meeting(lead: str) -> bool:
    """An undated lead-in that ends on a meeting ("two regional consultations:") or on a body said
    to meet ("the working groups of the Conference will meet in Geneva:"), not on a meeting named
    in passing ("the following contributions to the Conference:")."""
    lead = lead.rstrip()
    if not lead.endswith((":", ",")) or find_dates(lead):
        return False
    phrase = last_phrase(lead)
    if phrase is None:
        return False
    tail = re.sub(r",?\s*as\s+follows$", "", lead[phrase.finish :].rstrip(" :,"))
    if lead.endswith(",") and tail:
        return False  # "(b) two regional workshops," before "(i) for Africa, ...": the name only
    if tail:
        return says_held(tail) or bool(_MEETS.search(tail))
    return not re.search(
        r"\b(?:to|for|of|at|by|with|on|in|from)\s+(?:the\s+)?$", lead[: phrase.begin]
    )


def _find_mentions(paragraph: Paragraph, year_hint: int | None = None) -> list[Mention]:
    text = paragraph.text
    bracketed, spans = ordinals_in_brackets(paragraph)
    spans += [found.span() for found in _ENTITLED.finditer(text)]
    spans += [found.span("year") for found in _YEAR_OF_NAME.finditer(text)]
    dates = [
        d
        for d in find_dates(text, year_hint)
        if not is_document_date(text[max(0, d.begin - 80) : d.begin])
        and not any(begin <= d.begin < end for begin, end in spans)
    ]
    groups = _groups(text, dates)
    chains: list[Chain] = []
    began: list[int] = []  # the group each chain starts at
    for index, group in enumerate(groups):
        previous = groups[index - 1][-1].finish if index else 0
        semicolon = text.rfind(";", previous, group[0].begin)
        following = groups[index + 1][0].begin if index + 1 < len(groups) else len(text)
        stop = text.find(";", group[-1].finish, following)
        window = _Window(text, max(previous, semicolon + 1), group, following if stop < 0 else stop)
        if found := _group_mentions(window, paragraph):
            whole = chains[-1].first if chains and began[-1] == index - 1 else []
            if len(whole) == 1 and _IN_PARTS.match(text, previous, group[0].begin):
                # "shall meet for ten days in 2026, in two sessions, from 2 to 6 March and from
                # 24 to 28 August": the year is the sessions', not a meeting of its own.
                found = _parts_of(whole[0], found)
                chains.pop(), began.pop()
            chains.append(Chain.start(found, len(group)))
            began.append(index)
        elif chains and index and len(group) == 1 and semicolon < 0:
            # A list item goes on the meeting named just before: "..., in Nayarit, Mexico, on".
            chains[-1].extend(text, previous, group[0], window.after, paragraph.label)
    mentions = [mention for chain in chains for mention in chain.result()] + bracketed
    mentions = with_set_off_place(text, with_series_place(text, mentions))
    mentions = with_place_for_all(text, mentions)
    return with_margin_meetings(text, mentions)


_TITLE_PLACE = re.compile(r"(?::|,)\s*(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*$")


# "the Meeting of the High Contracting Parties in 2027 shall be held in Geneva from 17 to 19
# November 2027": the year says which meeting; the dates that follow are its own.
_YEAR_OF_NAME = re.compile(
    r"(?P<year>\bin\s+(?:19|20)\d\d)\s+(?:shall|will|is\s+to|are\s+to|would)\s+(?:be\s+held|take\s+place|"
    r"be\s+convened)\b(?=[^;.]{0,120}?\b\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+[A-Z][a-z]+|[^;.]{0,120}?\bin\s+two\s+parts)"
)
# 'decision 2025/222, entitled "Dates of the sessions ... in 2026"': a title, not a meeting.
_ENTITLED = re.compile(r"\bentitled\s+[\"“][^\"”]{1,300}[\"”]")


_IN_PARTS = re.compile(
    r"\s*,?\s*(?:in|over)\s+(?:two|three|four|five|2|3|4|5)\s+(?:sessions|parts|rounds|segments)\b"
    r"[^;.]{0,40}$"
)
_BARE_TITLE = re.compile(r"^(?:[\w-]+\s+)?(?:session|part|round|segment)$", re.IGNORECASE)


def _parts_of(whole: Mention, parts: list[Mention]) -> list[Mention]:
    """The parts of a meeting dated as a whole just before: each in its dates, named after it
    ("Session of the Group of Governmental Experts") when its own name is bare ("two sessions")."""
    if not all(whole.start and p.start and _within(p, whole) for p in parts):
        return parts
    out = []
    for part in parts:
        title = part.title
        if _BARE_TITLE.match(title) and whole.title.lower() not in title.lower():
            owner = re.sub(r"^(?:the|its)\s+", "", whole.title)
            title = f"{title} of the {owner}"
        place = part.place or whole.place
        out.append(replace(part, title=title, place=place))
    return out


def _within(inner: Mention, outer: Mention) -> bool:
    assert inner.start and inner.end and outer.start and outer.end
    return (
        outer.start <= inner.start[: len(outer.start)] and inner.end[: len(outer.end)] <= outer.end
    )


def _groups(text: str, dates: list[DateMention]) -> list[list[DateMention]]:
    groups: list[list[DateMention]] = []
    for mention in dates:
        last = groups[-1][-1] if groups else None
        joined = last and not (last.named or mention.named or last.bracketed or mention.bracketed)
        if joined and last and _CONNECTIVE.match(text[last.finish : mention.begin]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


@dataclass(frozen=True)
class _Named:
    """A group's meeting name(s), where the words are, and where a quote begins and ends."""

    titles: list[str]
    keyword: str
    quote_begin: int
    quote_end: int
    cue_text: str  # the words between the name and the date, where "to be held" or "held" is said
    place: Place | None
    host: str | None = None  # the meeting on whose margins this one is held


def _group_mentions(window: _Window, paragraph: Paragraph) -> list[Mention]:
    named = (
        _named_by_year(window)
        or _named_before(window)
        or _named_after(window)
        or _body_meets(window)
    )
    if named is None:
        return []
    group = window.group
    titles = _pair_titles(named.titles, len(group))
    clause_start = window.text.rfind(";", 0, group[0].begin) + 1
    clause = window.text[clause_start : group[0].begin]
    status = status_of(named.cue_text, clause, paragraph.text, paragraph.part)
    quote = window.text[named.quote_begin : named.quote_end].strip(" ,")
    plural = singular(named.keyword) != named.keyword
    if plural and len(set(titles)) == 1:
        # "the intersessional meetings held on 26 September, 24 October and 21 November": one each.
        titles = [singular_title(title) for title in titles]
    place, there = named.place, False
    if any(_TITLE_PLACE.search(title) for title in titles):
        # "Commission on Narcotic Drugs, seventieth session: Vienna, 15–19 March 2027", "forty-
        # fourth session, New York, 5–9 April 2027": the place written after the name.
        found = next(m for t in titles if (m := _TITLE_PLACE.search(t)))
        titles = [_TITLE_PLACE.sub("", title) for title in titles]
        place = place or read_place(f"in {found.group('place')}")
    if place is None and (_THERE.search(named.cue_text) or _THERE_AFTER.match(window.after)):
        place = last_place(window.text[: named.quote_begin])
        there = place is None
    out = []
    for index, (mention, title) in enumerate(zip(group, titles, strict=True)):
        notes = [mention.note] if mention.note else []
        if len(group) > 1 and len(set(titles)) == 1 and not plural:
            notes.append(
                f"The text gives {len(group)} periods for this meeting; this is period {index + 1}."
            )
        out.append(
            Mention(
                title=tidy_title(title),
                head=head_of(named.keyword),
                start=mention.start,
                end=mention.end,
                precision=mention.precision,
                place=place,
                paragraph=paragraph.label,
                quote=quote,
                status=status,
                notes=tuple(notes),
                host=named.host or _host_after(window.after),
                held_there=there,
            )
        )
    if len(out) == 1 and plural and len(places := listed_places(named.cue_text)) > 1:
        # "the regional meetings held in Bangkok, Geneva and Santiago in 2024": one per city.
        return [replace(out[0], title=singular_title(out[0].title), place=p) for p in places]
    return out


_HOST_AFTER = re.compile(
    r"^\s*,?\s*on\s+the\s+(?:margins|sidelines)\s+of\s+(?:the\s+)?(?P<host>[^,;]{3,120})"
)


def _host_after(after: str) -> str | None:
    """ "to be held on 26 August 2027, on the margins of the Thirteenth Conference"."""
    found = _HOST_AFTER.match(after)
    return found.group("host") if found else None


def _pair_titles(titles: list[str], count: int) -> list[str]:
    if len(titles) == count:
        return titles
    if len(titles) == 1 and (series := ordinal_series(titles[0])) and len(series) == count:
        return series
    return [titles[-1]] * count


def _named_by_year(window: _Window) -> _Named | None:
    """ "the 2007 Meeting of the States Parties": the year is part of the name."""
    mention = window.group[0]
    if not mention.named:
        return None
    keyword = KEYWORD.search(window.text, mention.finish)
    if keyword is None:
        return None
    finish = tokens_right(window.text, keyword.end())
    title = window.text[mention.begin : finish]
    begin = _with_article(window.text, mention.begin)
    # "the 2026 session of the Council shall be held in New York"
    held = _HELD.match(window.text, finish)
    place = read_place(window.text[held.end() :]) if held else None
    cue = window.text[window.left_start : held.end() if held else finish]
    return _Named([title], keyword.group(0), begin, finish, cue, place)


def _named_before(window: _Window) -> _Named | None:
    """The usual order: name, linking words ("to be held in Geneva"), date."""
    left = window.left
    found = last_phrase(left)
    if found is None:
        return None
    phrase, host = _dated_phrase(left, found)
    link = left[phrase.finish :]
    linking = link.replace(host, "") if host else link  # the host's name is no clause of its own
    of_which = _OF_WHICH.search(link) and len(link) <= 260 and not breaks_link(link)
    if not (is_link(linking) or of_which or _held_far(left[: phrase.begin], link)):
        return None
    # "the adoption of the programme of work of the session on 18 June 2025": the date is the
    # act's, unless the words say the meeting was held then.
    if dates_an_act(left[: phrase.begin], link):
        return None
    titles = _conjuncts(left, phrase, len(window.group))
    if len(titles) == 1 and (which := _OF_WHICH.search(link)):
        # "the conferences ..., the first to sixth of which were held in Kathmandu (2019), ..."
        titles = [f"{which.group(1)} to {which.group(2)} {titles[0]}"]
    before = window.text[: window.left_start + phrase.begin]
    # (The body is within a few words: searching the whole paragraph would make it quadratic.)
    holds = _BODY_HOLDS.search(before[-_BODY_REACH:])
    if len(titles) == 1 and (_OWNED.search(left[: phrase.begin]) or holds):
        titles = [with_body(titles[0], before)]
    base = window.left_start
    # "the working groups of the Conference will meet": the body of the meeting is what meets.
    owner = _OWNER.search(left[: phrase.begin])
    if len(titles) == 1 and owner and _MEETS.search(link):
        titles = [left[owner.start(1) : phrase.finish]]
        phrase = Phrase(owner.start(1), phrase.finish, "meeting")
    place = (
        held_place(link)
        or place_before_date(link)  # "... in Latin America, in Santo Domingo in February 2027"
        or read_place(link)
        or find_place(link, window.after)
        or _place_set_off(left[: phrase.begin])
    )
    end = window.group[-1].finish
    if place and read_place(window.after):
        end += window.after.find(place.text.split()[-1]) + len(place.text.split()[-1])
    if re.match(r"\s*,?\s*respectively", window.text[end:]):
        end += len(re.match(r"\s*,?\s*respectively", window.text[end:]).group(0))
    begin = _with_article(window.text, base + phrase.begin)
    return _Named(titles, phrase.keyword, begin, end, left[phrase.begin :], place, host)


# "the holding of", "the convening, within the framework of the Fund, of": what follows is held.
_HOLDING_OF = re.compile(
    r"\b(?:holding|convening|organization|organizing)(?:\s*,[^;]{0,500}?,)?\s+of\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+)?$"
)
_HELD_FAR_MAX = 600


def _held_far(before: str, link: str) -> bool:
    """ "the holding of the fourth annual meeting of senior officials of ... [forty words] ...,
    convened by ..., in Port of Spain on 18 March 2026": after "the holding of", the first date of
    the clause is the meeting's however far it stands, unless another meeting is named between."""
    if not _HOLDING_OF.search(before) or len(link) > _HELD_FAR_MAX:
        return False
    # Only a clause's end breaks it: "on the ratification of the Treaty" is the meeting's subject.
    return not KEYWORD.search(link) and not ends_clause(link)


def _dated_phrase(left: str, phrase: Phrase) -> tuple[Phrase, str | None]:
    """Of the meetings named before a date, the one it dates, and the meeting hosting it if any."""
    # "a high-level event ... during the seventy-ninth session, in September 2024": a session named
    # only to time another meeting is not the meeting...
    timing = _TIMING.search(left[: phrase.begin])
    is_session = phrase.keyword.lower().startswith("session")
    earlier = last_phrase(left[: timing.start()]) if is_session and timing else None
    # ... unless the words between say the session is where something was done: "the report of
    # the Committee, adopted at its substantive session, held from ...".
    if earlier and timing and not _DONE_AT.search(left[earlier.finish : timing.start()]):
        phrase = earlier
    # "the intergovernmental consultations on the political declaration of the Conference, to be
    # held in two parts": a bare meeting noun ending another meeting's complement is not the one.
    bare = re.fullmatch(r"[A-Z]?[a-z]+", left[phrase.begin : phrase.finish])
    earlier = last_phrase(left[: phrase.begin]) if bare else None
    gap = left[earlier.finish : phrase.begin] if earlier else ""
    if earlier and (not gap.strip() or _COMPLEMENT_OF.fullmatch(gap)):
        phrase = Phrase(earlier.begin, phrase.finish, earlier.keyword)
    # "the first and second meetings of the expert group established by the Conference, held in
    # New York from ...": a body named as the maker of the meeting is not the meeting.
    maker = _MADE_BY.search(left[: phrase.begin])
    if maker and (earlier := last_phrase(left[: maker.start()])) is not None:
        phrase = earlier
    host = None
    # "a meeting to commemorate the anniversary of the Fourth World Conference, held on ...", "a
    # round table held on the margins of the ministerial meeting on ...": the meeting named as the
    # subject or host of another is not the one dated.
    subject = _SUBJECT.search(left[: phrase.begin])
    if subject and (earlier := last_phrase(left[: subject.start()])) is not None:
        if subject.group("host"):
            host, phrase = left[phrase.begin : phrase.finish], earlier
        else:
            phrase = Phrase(earlier.begin, phrase.finish, earlier.keyword)
    # "to organize, on the margins of the seminar, a consultation on 4 May 2026"
    if host is None and (before := _HOST_BEFORE.search(left[: phrase.begin])):
        host = before.group(1)
    return phrase, host


_COMPLEMENT_OF = re.compile(r"\s+(?:on|of|for|to)\s+[^,;]{0,80}?\s(?:of|for|to)\s+(?:the\s+)?")
_MADE_BY = re.compile(
    r"\b(?:established|convened|organized|hosted|created|mandated|set\s+up)\s+by\s+(?:the\s+)?$"
)


def _place_set_off(before: str) -> Place | None:
    """ "to convene, in Nairobi, the annual meeting": a place set off by commas before the name."""
    found = re.search(r",\s*((?:in|at)\s+[^,]{2,60}?)\s*,\s*(?:the|a|an|its)?\s*$", before)
    return read_place(found.group(1)) if found else None


def _named_after(window: _Window) -> _Named | None:
    """ "the holding, on 18 June 2007, of the meeting of ...": the date comes first."""
    after = window.after
    lead = re.match(r"\s*,?\s*of\s+(?:the\s+|a\s+|an\s+)?", after)
    # "to convene, at Headquarters on 14 July 2026, a special meeting on ...": the verb, then the
    # date set off by commas, then the meeting.
    convened = _CONVENE_SET_OFF.search(window.left)
    if convened and lead is None:
        lead = re.match(r"\s*,\s*(?:the\s+|a\s+|an\s+)", after)
    if lead is None or dates_an_act_set_off(window.left, after):
        return None
    found = phrases(after)
    if not found or found[0].begin > lead.end() + 40:
        return None
    phrase = found[0]
    title = after[phrase.begin : phrase.finish]
    place = read_place(after[phrase.finish :])
    if place is None and convened and convened.group("place"):
        place = read_place(convened.group("place"))
    finish = window.group[-1].finish + phrase.finish
    return _Named([title], phrase.keyword, window.left_start, finish, window.left, place)


_OF_WHICH = re.compile(r",\s*the\s+([a-z]+(?:-[a-z]+)?)\s+to\s+([a-z]+(?:-[a-z]+)?)\s+of\s+which\b")
_BODY_REACH = 300
_OWNED = re.compile(r"\b(?:its|their|whose)\s+$")
# "the Committee on Conferences shall hold a resumed session": the body holds it.
_BODY_HOLDS = re.compile(
    r"\b(?:Group|Committee|Conference|Council|Commission|Board|Forum|Assembly)(?:\s+(?:of|on|for)"
    r"(?:\s+the)?(?:\s+[A-Z][\w-]*)+)?\s+(?:shall|will|would|should|is\s+to)\s+"
    r"(?:hold|convene)\s+(?:a|an)\s+$"
)


# "whose selection committee met on ...": a body in lower case counts only when said to meet.
_LOWER_BODY = re.compile(
    r"\b((?:ad\s+hoc\s+|(?!(?:the|a|an|its|their|whose|which|this)\b)[a-z][\w-]*\s+)?"
    r"(?:group|committee|commission|board|bureau)s?)\b"
)
_OWNER = re.compile(_LOWER_BODY.pattern + r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "... met on 15 October 2019 and will next meet in early 2020": the same body meets again.
_MEETS_AGAIN = re.compile(
    r"^\s*,?\s*and\s+(?:will|shall|would|is\s+to|are\s+to)\s+(?:next\s+|again\s+|also\s+)?meet\b"
)


def _body_meets(window: _Window) -> _Named | None:
    """ "the Group of Governmental Experts, which met in Geneva from ...": a body said to meet."""
    left = window.left
    if _MEETS_AGAIN.match(left) and not BODY.search(left):
        return _body_meets_again(window)
    found = list(BODY.finditer(left)) or list(_LOWER_BODY.finditer(left))
    if not found:
        return None
    link = left[found[-1].end() :]
    if len(link) > LINK_MAX or breaks_link(link) or not _MEETS.search(link):
        return None
    place = read_place(link) or find_place(link, window.after)
    begin = _with_article(window.text, window.left_start + found[-1].start())
    cue = left[found[-1].start() :]
    return _Named([found[-1].group(1)], "meeting", begin, window.group[-1].finish, cue, place)


def _body_meets_again(window: _Window) -> _Named | None:
    clause_start = window.text.rfind(";", 0, window.left_start) + 1
    before = window.text[clause_start : window.left_start]
    found = list(BODY.finditer(before)) or list(_LOWER_BODY.finditer(before))
    if not found or not _MEETS.search(before[found[-1].end() :]):
        return None
    place = read_place(window.left) or find_place(window.left, window.after)
    begin = _with_article(window.text, clause_start + found[-1].start())
    finish = window.group[-1].finish
    return _Named([found[-1].group(1)], "meeting", begin, finish, window.left, place)


def _with_article(text: str, begin: int) -> int:
    article = _ARTICLE.search(text[max(0, begin - 8) : begin])
    return begin - len(article.group(0)) if article else begin


def _conjuncts(left: str, phrase: Phrase, count: int) -> list[str]:
    """Up to ``count`` names joined by "and" before a group of dates: "the Meeting of Experts and
    the Meeting of the States Parties ... from 2 to 5 June and from 1 to 3 December 2010,
    respectively"."""
    titles = [left[phrase.begin : phrase.finish]]
    begin = phrase.begin
    while len(titles) < count:
        gap = _CONJUNCT_GAP.search(left[:begin])
        if gap is None or ("and" not in gap.group(0) and "," not in gap.group(0)):
            break
        keyword = last_keyword(left[: gap.start()])
        if keyword is None or tokens_right(left, keyword.end()) < gap.start():
            break
        begin = tokens_left(left, keyword.start())
        titles.insert(0, left[begin : gap.start()])
    return titles if len(titles) == count else titles[-1:]
