"""A resolution's text split into located paragraphs: header, preamble N, operative N(a)(i),
footer (the plenary meeting and date), footnote N.

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
    r"^\s*The\s+((?:(?:[A-Z][\w'-]*|and|of|on|for|the)\s+){0,8}?(?:Assembly|Council|Conference|"
    r"Meeting|Commission|Committee|Board|Parties|Session))\s*,\s*$"
)
_OPERATIVE = re.compile(r"^\s*(?:\\?\*\*?)?(\d{1,3})\s*\\?\.(?:\*\*?)?\s+(?=\S)")
_SUB_ITEM = re.compile(r"^\s*\(([a-z]{1,4})\)\s+(?=\S)")
_ROMAN = re.compile(r"^[ivxl]+$")
_FOOTNOTE_MD = re.compile(r"^\s*\[\^(\d{1,3})\]:\s*(.*)$")
_FOOTNOTE_LINE = re.compile(
    r"^\s*(?:\^?(?P<digits>\d{1,3})\s+|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*)(?!(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)(?P<text>[A-Z(].*)$"
)
# What a page break leaves in the text: job number and page ("25-19876 2/4", "2 GE.25-05432",
# "26-22415 (E) 181226"), the barcode ("*2622415*"), a running header with the symbol
# ("A/RES/80/47 Humanitarian consequences ..."), a form feed.
_FURNITURE = re.compile(
    r"^\s*(?:\*?\d{7}\*?|\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\d{1,3}/\d{1,3})?"
    r"|\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5})?"
    r"|(?:\d{1,3}\s+)?GE\.\d{2}-\d{5}(?:\s+\d{1,3})?|(?:[A-Z]{1,5}/)+(?:RES|DEC)/[\w./-]+(?:\s+.*)?)\s*$"
)
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_FOOTER = re.compile(r"^\s*\d{1,3}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.IGNORECASE)
# How a preambular paragraph opens: an emphasised word, a participle, or a usual adjective.
_OPENS_PARAGRAPH = re.compile(
    r"[*_]|(?:Also|Further|Deeply|Bearing|Mindful|Aware|Conscious|Convinced|Alarmed|Concerned|"
    r"Determined|Desiring|Guided|Recognizing|Reaffirming|Cognizant|Grateful|Appreciative)\b|"
    r"[A-Z][a-z]+(?:ing|ed)\b|[A-Z][a-z]+ly\s+[a-z]+(?:ed|ing)\b"
)
_TRAILER = re.compile(r"<<ODS")
_CUT_MONTH = re.compile(
    r"(?:Jan|Feb|Febr|Mar|Apr|Ju|Jul|Aug|Sep|Sept|Septem|Oct|Octo|Nov|Novem|Dec|Decem)[a-z]*-$"
)
_ANNEX = re.compile(r"^Annex(?:\s+([IVX]{1,4}|\d{1,2}))?\s*$")
_FUNCTION_WORD_END = re.compile(
    r"\b(?:of|the|and|or|to|in|for|on|a|an|by|with|at|from|its|their|between)$"
)
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A footnote number glued to the word or punctuation before it: "Effects,1", "(Protocol II)1".
_GLUED_MARK = re.compile(r"(?<=[A-Za-z)\]”\",;.:])\d{1,3}(?=[\s,;.:)]|$)")
_INLINE_MARK = re.compile(r"\[\^\d{1,3}\]|\^\d{1,3}\b|<sup>\s*\d{1,3}\s*</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)")


@dataclass(frozen=True)
class Paragraph:
    """One located paragraph: ``label`` is how a reader finds it ("operative 8(d)")."""

    label: str
    part: str  # header | preamble | operative | footer | annex | footnote
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


# A word a PDF converter broke at a line's end: "Con-" / "ference". The hyphen stays when the first
# part is a prefix that keeps one ("high-" / "level", "multi-" / "stakeholder").
_BROKEN = re.compile(r"(?<=[A-Za-z])-$")
_KEEPS_HYPHEN = {"high", "multi", "non", "self", "co", "mid", "long", "short", "follow", "open"}
_KEEPS_HYPHEN |= {"well", "cross", "pre", "post", "anti", "inter", "ad", "low", "middle", "small"}
_KEEPS_HYPHEN |= {"large", "full", "half", "two", "three", "four", "five", "ten", "one", "year"}


def join_lines(lines: list[str]) -> str:
    """The lines of one paragraph as one text, with words broken at line ends made whole."""
    out = ""
    for line in lines:
        line = line.strip()
        word = re.search(r"([A-Za-z]+)-$", out)
        if out and word and _BROKEN.search(out) and line[:1].islower():
            keep = word.group(1) in _KEEPS_HYPHEN  # "Pre-" / "paratory" is one word
            out = (out if keep else out[:-1]) + line
        else:
            out = f"{out} {line}" if out else line
    return out


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
        # A rule: Markdown's, or the line of underscores above a page's footnotes (which the page's
        # text goes on after: it is not the end of the document).
        if re.fullmatch(r"\s*(?:-{3,}|\*{3,}|_{5,})\s*", line):
            line = ""
        kept.append(line)
    return kept


def parse_document(text: str) -> Document:
    """Split a resolution's text into located paragraphs. Never raises on odd input."""
    text = text.replace("\x00", " ").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
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
    splitter = _Splitter(blank_separated=_blank_separated(rest))
    paragraphs += splitter.split(rest, has_opening=opening is not None)
    return Document(symbol, number, body, tuple(p for p in paragraphs if p.text))


# "2. Decides: (a) To convene ...; (b) To organize ...": sub-items run on in one line.
_INLINE_ITEM = re.compile(
    r"(?<=[:;])\s+(?:and\s+)?(?=\([a-z]{1,4}\)\s)|(?<=,)\s+(?:and\s+)?(?=\((?:i|ii|iii|iv|v|vi)\)\s)"
)


def _inline_items(line: str) -> list[str]:
    """One line per sub-item, as the ODS layout has them."""
    return _INLINE_ITEM.split(line) if "(" in line else [line]


def _blank_separated(lines: list[str]) -> bool:
    """Whether paragraphs are set apart by blank lines (Markdown from a PDF) rather than one to a
    line (ODS): true when nearly every line that opens a paragraph ("*Recalling*", "2. Decides")
    follows a blank line. Then a line that follows another with no blank between goes on."""
    openers = after_blank = 0
    previous = ""
    for line in lines:
        if _FURNITURE.match(line):
            continue
        stripped = line.strip()
        if stripped and (stripped[0] in "*_" or _OPERATIVE.match(line)):
            openers += 1
            after_blank += not previous.strip()
        previous = line
    return openers >= 3 and after_blank >= 0.9 * openers


class _Splitter:
    """Walks the lines after "The General Assembly," and numbers paragraphs as the document does:
    preambular paragraphs in order, operative ones by their own numbers, footnotes by their marks.
    A paragraph cut by a page break (running header, job number) or by the footnotes at a page's
    foot goes on after them: it is one paragraph, whatever the line breaks."""

    def __init__(self, blank_separated: bool = False) -> None:
        self.blank_separated = blank_separated
        self.annex = ""  # "annex", "annex II": the annex being read, after the footer
        self.out: list[Paragraph] = []
        self.current: list[str] = []
        self.label = ""
        self.part = ""
        self.preamble = 0
        self.operative: str | None = None
        self.letter: str | None = None
        self.footer = False
        self.last_footnote = 0
        self.gap = False  # a blank line or page furniture since the last line of text
        self.stash: tuple[str, str, list[str]] | None = None  # a paragraph a footnote cut

    def flush(self) -> None:
        if self.current and self.label:
            self.out.append(Paragraph(self.label, self.part, clean_line(join_lines(self.current))))
        self.current = []
        self.label = ""

    def emit_stash(self) -> None:
        if self.stash:
            label, part, lines = self.stash
            self.out.append(Paragraph(label, part, clean_line(join_lines(lines))))
            self.stash = None

    def start(self, label: str, part: str, first: str) -> None:
        self.flush()
        self.emit_stash()
        self.label, self.part, self.current = label, part, [first]

    def split(self, lines: list[str], has_opening: bool) -> list[Paragraph]:
        for raw in (piece for line in lines for piece in _inline_items(line)):
            self.line(raw, has_opening)
            self.gap = self.gap or not raw.strip() or bool(_FURNITURE.match(raw))
        self.flush()
        self.emit_stash()
        return self.out

    def line(self, raw: str, has_opening: bool) -> None:
        stripped = raw.strip()
        if not stripped or _FURNITURE.match(raw):
            return
        gap, self.gap = self.gap, False
        if self.footnote(stripped):
            return
        if self.part == "footnote" and self.current:
            # A footnote goes on over its wrapped lines, up to a blank line or page furniture.
            if not gap and self.footnote_goes_on(raw):
                self.current.append(stripped)
                return
            self.flush()
            gap = True  # the text after a page's footnotes resumes the paragraph they cut
        if _FOOTER.match(clean_line(stripped)) and (self.operative or self.preamble):
            self.footer = True
            self.start("footer", "footer", stripped)
            return
        if self.footer:
            self.after_footer(stripped, gap)
            return
        if found := _OPERATIVE.match(raw):
            self.operative, self.letter = found.group(1), None
            self.start(f"operative {self.operative}", "operative", raw[found.end() :])
            return
        if (found := _SUB_ITEM.match(raw)) and (self.operative or self.preamble):
            self.sub_item(found.group(1), raw[found.end() :])
            return
        if self.resumes(stripped, gap) or (not gap and self.continues(raw)):
            self.current.append(stripped)
            return
        if self.operative is None:
            # Without "The General Assembly," there is no preamble to count: number the paragraphs.
            self.preamble += 1
            name = "preamble" if has_opening else "paragraph"
            self.start(f"{name} {self.preamble}", "preamble", stripped)
        else:
            self.current.append(stripped)  # a stray line inside the operative part: keep the words

    def after_footer(self, stripped: str, gap: bool) -> None:
        """The footer's date line, then an annex if there is one ("Annex", "Annex II"): each of
        its lines (or, in Markdown, each block) is a paragraph labelled by the annex."""
        if found := _ANNEX.match(clean_line(stripped)):
            self.annex = f"annex {found.group(1) or ''}".strip()
            self.start(self.annex, "annex", "")
        elif self.annex:
            if self.current and self.part == "annex" and not gap and self.blank_separated:
                self.current.append(stripped)
            else:
                self.start(self.annex, "annex", stripped)
        elif self.part == "footer" and len(self.current) < 3:
            self.current.append(stripped)

    def resumes(self, stripped: str, gap: bool) -> bool:
        """After a blank line, a page break or footnotes, a line goes on with the paragraph they
        cut when that paragraph had not ended (no closing punctuation) or the line starts in lower
        case or with a number ("12 to 16 May 2025, ...")."""
        if not gap:
            return False
        if self.stash is None and not self.current:
            return False
        lines = self.stash[2] if self.stash else self.current
        last = clean_line(lines[-1])[-1:]
        starts_low = stripped[:1].islower() or stripped[:1].isdigit()
        # "... and in Johannesburg," / page break / "South Africa, on 14 and 15 April": after a
        # comma, a line that does not open a paragraph the way paragraphs open goes on.
        ended = last in ";:."
        # "..., of the" / page break / "Peacebuilding Support Office": a paragraph cut after a
        # function word goes on, whatever the next line looks like.
        cut = _FUNCTION_WORD_END.search(clean_line(lines[-1])) is not None
        if not starts_low and not cut and (ended or _OPENS_PARAGRAPH.match(stripped)):
            return False
        if self.stash:
            self.flush()
            self.label, self.part, self.current = self.stash
            self.stash = None
        return True

    def continues(self, raw: str) -> bool:
        """A wrapped line continues the paragraph; an indented one, or a capital after a full stop
        or comma, starts a new one (ODS puts each paragraph on its own tab-indented line)."""
        if not self.current:
            return False
        if raw[:1] == "\t" or raw.startswith("    "):
            return False
        if self.blank_separated:
            return True  # "... Convention on the Prohibition of the Use," / "Stockpiling, ..."
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
        number, text = (found.group(1), found.group(2)) if found else ("", "")
        if not found and (self.operative or self.preamble):
            line = _FOOTNOTE_LINE.match(stripped)
            mark = (line.group("digits") or line.group("sup") or "") if line else ""
            number = mark.translate(_SUPERSCRIPT_DIGITS)
            # "20 Octo-" / "ber 2016," is a date cut at a line's end, not footnote 20.
            cut_month = line and _CUT_MONTH.match(line.group("text"))
            if line and int(number) > self.last_footnote and not cut_month:
                found, text = line, line.group("text")
        if not found:
            return False
        self.last_footnote = int(number)
        if self.current and self.part not in ("footnote", "footer") and self.stash is None:
            # A footnote at a page's foot cuts the paragraph above it; keep it to resume.
            self.stash = (self.label, self.part, self.current)
            self.current, self.label = [], ""
        self.flush()
        self.label, self.part, self.current = f"footnote {number}", "footnote", [text]
        return True

    def footnote_goes_on(self, raw: str) -> bool:
        stripped = raw.strip()
        starts = (_OPERATIVE.match(raw), _SUB_ITEM.match(raw), _FOOTER.match(clean_line(stripped)))
        return not any(starts)
