"""A resolution's text split into located paragraphs: header, preamble N, operative N(a)(i),
closing, footnote N.

Two layouts reach us: the Official Document System's plain text (tab-indented paragraphs, one per
line, footnote numbers glued to words, a trailer of ODS markers and page furniture) and Markdown
converted from the PDF (blank lines, ``1. `` lists, ``[^6]`` footnotes, emphasis). Both are
normalised here so that the date and meeting grammars see clean sentences and a paragraph label that
a reader can find in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ODS_SYMBOL = re.compile(r"<<ODS DOC SYMBOL1>>\s*([^<\s][^<]*?)\s*<<ODS DOC SYMBOL1>>")
_SYMBOL = re.compile(r"\b(?:[A-Z]{1,5}/)+(?:RES|DEC)/[\w.-]+(?:/\d+)*\b")
_TITLE_NUMBER = re.compile(
    r"^\s*(?:#+\s*)?(?:Resolution\s+|Decision\s+)?(\d{1,3}/\d{1,4})\.?[\s\t]"
)
_OPENING = re.compile(
    r"^\s*The\s+((?:[A-Z][\w'-]*\s+){0,6}?(?:Assembly|Council|Conference|Meeting|Commission|"
    r"Committee|Board|Parties|Session))\s*,\s*$"
)
_OPERATIVE = re.compile(r"^\s*(?:\\?\*\*?)?(\d{1,3})\s*\\?\.(?:\*\*?)?\s+(?=\S)")
_SUB_ITEM = re.compile(r"^\s*\(([a-z]{1,4})\)\s+(?=\S)")
_ROMAN = re.compile(r"^[ivxl]+$")
_FOOTNOTE_MD = re.compile(r"^\s*\[\^(\d{1,3})\]:\s*(.*)$")
_FOOTNOTE_LINE = re.compile(
    r"^\s*\^?(\d{1,3})\s+(?!(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b)([A-Z(].*)$"
)
_CLOSING = re.compile(r"^\s*\d{1,3}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.IGNORECASE)
# How a preambular paragraph opens: an emphasised word, a participle, or a usual adjective.
_OPENS_PARAGRAPH = re.compile(
    r"[*_]|(?:Also|Further|Deeply|Bearing|Mindful|Aware|Conscious|Convinced|Alarmed|Concerned|"
    r"Determined|Desiring|Guided|Recognizing|Reaffirming)\b|[A-Z][a-z]+(?:ing|ed)\b"
)
_TRAILER = re.compile(r"<<ODS|^\s*_{5,}\s*$")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A footnote number glued to the word or punctuation before it: "Effects,1", "(Protocol II)1".
_GLUED_MARK = re.compile(r"(?<=[A-Za-z)\]”\",;.:])\d{1,3}(?=[\s,;.:)]|$)")
_INLINE_MARK = re.compile(r"\[\^\d{1,3}\]|\^\d{1,3}\b|<sup>\s*\d{1,3}\s*</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)")


@dataclass(frozen=True)
class Paragraph:
    """One located paragraph: ``label`` is how a reader finds it ("operative 8(d)")."""

    label: str
    part: str  # header | preamble | operative | closing | footnote
    text: str


@dataclass(frozen=True)
class Document:
    """A resolution as located paragraphs, with its symbol and the body that speaks."""

    symbol: str | None
    number: str | None  # "62/57" from the title line
    body: str | None  # "General Assembly"
    paragraphs: tuple[Paragraph, ...] = field(default=())

    def part(self, name: str) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.part == name)


def clean_line(line: str) -> str:
    """Drop footnote markers and Markdown emphasis; collapse whitespace."""
    line = _INLINE_MARK.sub("", line)
    line = _EMPHASIS.sub("", line)
    line = _GLUED_MARK.sub("", line)
    return re.sub(r"\s+", " ", line).strip()


def _symbol(text: str, lines: list[str], body: str | None) -> tuple[str | None, str | None]:
    titled = (_TITLE_NUMBER.match(clean_line(line) + " ") for line in lines[:40])
    number = next((m.group(1) for m in titled if m), None)
    if found := _ODS_SYMBOL.search(text):
        return found.group(1).strip(), number
    if found := _SYMBOL.search(text):
        return found.group(0), number
    if number and body == "General Assembly":
        return f"A/RES/{number}", number
    if number and body == "Human Rights Council":
        return f"A/HRC/RES/{number}", number
    return None, number


def _body_lines(lines: list[str]) -> list[str]:
    """The lines before the ODS trailer, with Markdown headings and rules reduced to text."""
    kept = []
    for line in lines:
        if _TRAILER.search(line):
            break
        line = re.sub(r"\[DU\d+\]", "", line).replace("\r", "")
        line = re.sub(r"^\s*#{1,6}\s+", "", line)
        line = re.sub(r"^\s*>\s?", "", line)
        if re.fullmatch(r"\s*(?:-{3,}|\*{3,})\s*", line):
            line = ""
        kept.append(line)
    return kept


def parse_document(text: str) -> Document:
    """Split a resolution's text into located paragraphs. Never raises on odd input."""
    text = text.replace("\x00", " ").replace("\r\n", "\n").replace("\r", "\n")
    lines = _body_lines(text.split("\n"))
    opening = next((i for i, line in enumerate(lines) if _OPENING.match(clean_line(line))), None)
    body = None
    if opening is not None:
        found = _OPENING.match(clean_line(lines[opening]))
        body = found.group(1).strip() if found else None
    symbol, number = _symbol(text, lines, body)
    header = lines[:opening] if opening is not None else []
    rest = lines[opening + 1 :] if opening is not None else lines
    paragraphs = [Paragraph("header", "header", clean_line(" ".join(header)))] if header else []
    paragraphs += _Splitter().split(rest, has_opening=opening is not None)
    return Document(symbol, number, body, tuple(p for p in paragraphs if p.text))


class _Splitter:
    """Walks the lines after "The General Assembly," and numbers paragraphs as a reader would."""

    def __init__(self) -> None:
        self.out: list[Paragraph] = []
        self.current: list[str] = []
        self.label = ""
        self.part = ""
        self.preamble = 0
        self.operative: str | None = None
        self.letter: str | None = None
        self.closing = False
        self.last_footnote = 0

    def flush(self) -> None:
        if self.current and self.label:
            self.out.append(Paragraph(self.label, self.part, clean_line(" ".join(self.current))))
        self.current = []
        self.label = ""

    def start(self, label: str, part: str, first: str) -> None:
        self.flush()
        self.label, self.part, self.current = label, part, [first]

    def split(self, lines: list[str], has_opening: bool) -> list[Paragraph]:
        for raw in lines:
            self.line(raw, has_opening)
        self.flush()
        return self.out

    def line(self, raw: str, has_opening: bool) -> None:
        stripped = raw.strip()
        if not stripped:
            if self.part != "closing":
                self.flush()
            return
        if self.footnote(stripped):
            return
        if _CLOSING.match(clean_line(stripped)) and (self.operative or self.preamble):
            self.closing = True
            self.start("closing", "closing", stripped)
            return
        if self.closing:
            if self.part == "closing" and len(self.current) < 3:
                self.current.append(stripped)
            return
        if found := _OPERATIVE.match(raw):
            self.operative, self.letter = found.group(1), None
            self.start(f"operative {self.operative}", "operative", raw[found.end() :])
            return
        if (found := _SUB_ITEM.match(raw)) and (self.operative or self.preamble):
            self.sub_item(found.group(1), raw[found.end() :])
            return
        if self.continues(raw):
            self.current.append(stripped)
            return
        if self.operative is None:
            # Without "The General Assembly," there is no preamble to count: number the paragraphs.
            self.preamble += 1
            name = "preamble" if has_opening else "paragraph"
            self.start(f"{name} {self.preamble}", "preamble", stripped)
        elif self.operative is not None:
            self.current.append(stripped)  # a stray line inside the operative part: keep the words

    def continues(self, raw: str) -> bool:
        """A wrapped line continues the paragraph; an indented one, or a capital after a full stop
        or comma, starts a new one (ODS puts each paragraph on its own tab-indented line)."""
        if not self.current:
            return False
        if raw[:1] == "\t" or raw.startswith("    "):
            return False
        previous = clean_line(self.current[-1])
        return not (previous[-1:] in ",;:." and _OPENS_PARAGRAPH.match(raw.strip()))

    def sub_item(self, mark: str, rest: str) -> None:
        base = f"operative {self.operative}" if self.operative else f"preamble {self.preamble}"
        is_roman = bool(_ROMAN.match(mark)) and self.letter is not None and self.letter != "h"
        if is_roman:
            label = f"{base}({self.letter})({mark})"
        else:
            self.letter = mark
            label = f"{base}({mark})"
        self.start(label, self.part or "operative", rest)

    def footnote(self, stripped: str) -> bool:
        found = _FOOTNOTE_MD.match(stripped)
        if not found and (self.operative or self.preamble):
            found = _FOOTNOTE_LINE.match(stripped)
            if found and int(found.group(1)) <= self.last_footnote:
                found = None
        if not found:
            return False
        self.last_footnote = int(found.group(1))
        self.start(f"footnote {found.group(1)}", "footnote", found.group(2))
        self.flush()
        # A footnote at a page foot may split a paragraph; later lines start afresh.
        return True
