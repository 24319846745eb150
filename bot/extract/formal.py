"""The two dated or datable acts every resolution records about itself: its adoption ("61st plenary
meeting, 5 December 2007"; "Resolution adopted by the General Assembly on 5 December 2007") and the
items it places on the agenda of a later session ("Decides to include in the provisional agenda of
its sixty-third session the item entitled ...").

An agenda item has no date in the text; it is proposed with precision ``none`` and the reader
decides.
"""

from __future__ import annotations

import re

from bot.extract.dates import find_dates
from bot.extract.document import Document, Paragraph
from bot.extract.mention import Mention

_AGENDA = (
    re.compile(
        r"(?:include|inclusion)\s+in\s+the\s+provisional\s+agenda\s+of\s+its\s+(?P<session>[\w-]+)\s+"
        r"session,?\s+(?:under\s+)?(?:the|an|a)\s+(?:sub-?)?item\s+entitled",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?:consideration|consider)\b[^;]{0,120}?\bat\s+its\s+(?P<session>[\w-]+)\s+session,?\s+under\s+"
        r"(?:the|an|a)\s+(?:sub-?)?item\s+entitled",
        re.IGNORECASE,
    ),
)
_ITEM = re.compile(r"\s*[\"“]([^\"”]{3,400})[\"”]")
# "... at its sixty-fourth session, under the same agenda item" / "under agenda item 3": no title.
_UNTITLED = re.compile(
    r"(?:consideration|consider)\b[^;]{0,120}?\bat\s+its\s+(?P<session>[\w-]+)\s+session,?\s+"
    r"under\s+(?P<item>(?:the\s+same\s+)?agenda\s+item(?:\s+\d{1,3}(?:\s*\([a-z]\))?)?)",
    re.IGNORECASE,
)
_FOOTER = re.compile(r"(\d{1,3}(?:st|nd|rd|th))\s+(plenary\s+)?meeting", re.IGNORECASE)
_HEADER = re.compile(
    r"[^.\[\]]*?\badopted\s+by\s+the\s+(?P<body>[A-Z][\w ]+?)\s+on\s+", re.IGNORECASE
)


def find_agenda_items(paragraph: Paragraph, body: str | None) -> list[Mention]:
    found_items = []
    for pattern in _AGENDA:
        for found in pattern.finditer(paragraph.text):
            if item := _ITEM.match(paragraph.text, found.end()):
                found_items.append((found, f"agenda item “{item.group(1).strip()}”"))
    if not found_items:
        found_items = [(f, f.group("item")) for f in _UNTITLED.finditer(paragraph.text)]
    return [_agenda_item(found, item, paragraph, body) for found, item in found_items]


def _agenda_item(
    found: re.Match[str], item: str, paragraph: Paragraph, body: str | None
) -> Mention:
    who = body or "The body"
    session = found.group("session")
    return Mention(
        title=f"{who}, {session} session: {item}",
        head="agenda item",
        start=None,
        end=None,
        precision="none",
        place=None,
        paragraph=paragraph.label,
        quote=found.group(0),
        status="agenda_item",
        notes=(f"The text gives no date for the {session} session.",),
    )


def find_adoption(document: Document) -> list[Mention]:
    """The adoption: from the footer, else the header; the other, agreeing, as a source."""
    out = [m for p in document.part("footer") if (m := _from_footer(p, document))]
    for paragraph in document.part("header"):
        found = _HEADER.search(paragraph.text)
        dates = find_dates(paragraph.text[found.end() :]) if found else []
        if not found or not dates or dates[0].begin > 0 or dates[0].precision != "day":
            continue
        quote = paragraph.text[found.start() : found.end() + dates[0].finish].strip()
        title = _title(document, None, found.group("body"))
        out.append(
            Mention(
                title,
                "adoption",
                dates[0].start,
                dates[0].end,
                "day",
                None,
                paragraph.label,
                quote,
                "past",
            )
        )
    return out


def _from_footer(paragraph: Paragraph, document: Document) -> Mention | None:
    found = _FOOTER.search(paragraph.text)
    dates = [d for d in find_dates(paragraph.text) if d.precision == "day"]
    if not found or not dates:
        return None
    meeting = f"the {found.group(1)} {found.group(2) or ''}meeting".replace("  ", " ")
    title = _title(document, meeting, document.body)
    return Mention(
        title,
        "adoption",
        dates[0].start,
        dates[0].end,
        "day",
        None,
        paragraph.label,
        paragraph.text[: dates[0].finish].strip(),
        "past",
    )


def _title(document: Document, meeting: str | None, body: str | None) -> str:
    symbol = document.symbol or ""
    what = "decision" if "/DEC/" in symbol else "resolution"
    name = f"{what} {document.number}" if document.number else f"{what} {symbol}".strip()
    where = f" at {meeting}" if meeting else ""
    who = f" of the {body}" if body else ""
    return f"Adoption of {name}{where}{who}"
