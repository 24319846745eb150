"""The same resolution in the other layout: ODS plain text rendered as Markdown converted from the
PDF, so that every blind text is read in both layouts.

What the PDF conversion does to a text, and so what this rendering does: paragraphs wrapped at
about 90 columns with a blank line between them, the opening words of each paragraph in italics,
footnote marks as ``[^n]`` and footnotes as ``[^n]: ...``, the closing lines in italics, and a page
break (job number, page, running header with the symbol) in the middle of a paragraph.
"""

from __future__ import annotations

import re
import textwrap

_OPERATIVE = re.compile(r"^(\d{1,3})\.\t(.*)$")
_SUB_ITEM = re.compile(r"^\(([a-z]{1,4})\)\t(.*)$")
_TITLE = re.compile(r"^(\d{1,4}/\d{1,4})\.\t(.*)$")
_FOOTER = re.compile(r"^\d{1,3}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting$")
_FOOTNOTE = re.compile(r"^(\d{1,3})\s+(.*)$")
_GLUED = re.compile(r"(?<=[A-Za-z),])(\d{1,2})(?=[\s,;.]|$)")
_SYMBOL = re.compile(r"<<ODS DOC SYMBOL1>>([^<]+)<<ODS DOC SYMBOL1>>")
_WIDTH = 90


def _emphasise(text: str) -> str:
    """ "Recalling also the ..." -> "*Recalling also* the ..."."""
    found = re.match(r"^((?:[A-Z][a-z]+)(?:\s+(?:also|further|with\s+\w+|of))?)\b", text)
    if not found or found.group(1) in {"The", "To", "For", "In"}:
        return text
    return f"*{found.group(1)}*{text[found.end() :]}"


def _body_paragraphs(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(header and body paragraphs as Markdown, footer lines, footnotes)."""
    out: list[str] = []
    footer: list[str] = []
    notes: list[str] = []
    annex: list[str] = []  # what follows the footer and is no footnote: an annex
    for line in lines:
        stripped = line.strip("\t ")
        if not stripped:
            continue
        if (footer and len(footer) == 1) or _FOOTER.match(stripped):
            footer.append(f"*{stripped}*")
        elif footer and (note := _FOOTNOTE.match(stripped)):
            notes.append(f"[^{note.group(1)}]: {note.group(2)}")
        elif footer:
            annex += [stripped, ""]
        elif title := _TITLE.match(stripped):
            out.append(f"## {title.group(1)}. {title.group(2)}")
        elif stripped.startswith("Resolution adopted by"):
            out.append(f"**{stripped}**")
        elif re.fullmatch(r"The [A-Z][\w ]+,", stripped):
            out.append(f"*{stripped[:-1]}*,")
        else:
            out.append(_paragraph(stripped))
    return out, footer + (["", *annex] if annex else []), notes


def _paragraph(text: str) -> str:
    text = _GLUED.sub(r"[^\1]", text)
    if found := _OPERATIVE.match(text):
        return f"{found.group(1)}. {_emphasise(found.group(2))}"
    if found := _SUB_ITEM.match(text):
        return f"({found.group(1)}) {found.group(2)}"
    return _emphasise(text)


def ods_to_markdown(text: str, break_after: int = 14) -> str:
    """The Markdown a PDF converter makes of this ODS text; a page break after ``break_after``
    wrapped lines of the body (inside a paragraph when the line is one)."""
    lines = text.split("\n")
    cut = next((i for i, line in enumerate(lines) if "<<ODS" in line), len(lines))
    symbol = _SYMBOL.search(text)
    paragraphs, footer, notes = _body_paragraphs(lines[:cut])
    wrapped: list[str] = []
    count = 0
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, _WIDTH, break_on_hyphens=False) or [""]:
            wrapped.append(line)
            count += 1
            if count == break_after:
                running = symbol.group(1) if symbol else "A/RES"
                wrapped += ["", "25-01234 2/4", "", running, ""]
        wrapped.append("")
    head = [f"# {symbol.group(1)}", ""] if symbol else []
    return "\n".join(head + wrapped + footer + [""] + notes) + "\n"
