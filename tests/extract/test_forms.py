"""The forms UN texts use for dated meetings (issue 12), each read in both layouts: the ODS plain
text and the Markdown a PDF converter makes of it (wrapped lines, emphasis, ``[^n]`` footnotes and
a page break with a running header inside the first long paragraph)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.extract.output import to_events_yaml
from bot.extract.propose import ProposedEvent, extract_from_text
from tests.extract.layouts import ods_to_markdown

Layout = Callable[[str], str]
LAYOUTS: dict[str, Layout] = {
    "ods": lambda text: text,
    "markdown": lambda text: ods_to_markdown(text, break_after=4),
}


def _resolution(*paragraphs: str, footer: str = "52nd plenary meeting\n1 December 2025") -> str:
    """A General Assembly resolution in the ODS layout around the given paragraphs."""
    body = "\n".join(f"\t{p}" for p in paragraphs)
    return (
        "Resolution adopted by the General Assembly on 1 December 2025\n"
        "80/51.\tTest resolution\n\n\n\tThe General Assembly,\n"
        f"{body}\n\n{footer}\n<<ODS DOC SYMBOL1>>A/RES/80/51<<ODS DOC SYMBOL1>>\n"
    )


@pytest.fixture(params=list(LAYOUTS))
def read(request: pytest.FixtureRequest) -> Callable[..., list[ProposedEvent]]:
    """Extract the meetings (not the adoption, not agenda items) in the layout of the test."""
    layout = LAYOUTS[request.param]

    def events(*paragraphs: str) -> list[ProposedEvent]:
        found = extract_from_text(layout(_resolution(*paragraphs))).events
        return [e for e in found if not e.adoption and e.start is not None]

    return events


def _seen(events: list[ProposedEvent]) -> list[tuple[str, str | None, str]]:
    return [(e.start or "", e.place.text if e.place else None, e.paragraph) for e in events]


def test_an_enumeration_of_sessions_is_one_event_per_session(read: Callable[..., list]) -> None:
    events = read(
        "Welcoming the holding by the preparatory committee of its fourth, fifth and sixth "
        "substantive sessions in 2023,"
    )
    assert [(e.title.split()[0].lower(), e.start, e.precision) for e in events] == [
        ("fourth", "2023", "year"),
        ("fifth", "2023", "year"),
        ("sixth", "2023", "year"),
    ]


def test_past_meetings_by_city_and_year_are_one_event_each_with_ordinals(
    read: Callable[..., list],
) -> None:
    events = read(
        "Recalling the First to Fifth Meetings of the States Parties to the Convention, held in "
        "Maputo (1999), Geneva (2000 and 2002), Managua (2001) and Bangkok (2003),"
    )
    assert sorted(_seen(events)) == [
        ("1999", "Maputo", "preamble 1"),
        ("2000", "Geneva", "preamble 1"),
        ("2001", "Managua", "preamble 1"),
        ("2002", "Geneva", "preamble 1"),
        ("2003", "Bangkok", "preamble 1"),
    ]
    assert [e.title.split()[0] for e in events[:3]] == ["First", "Second", "Third"]


def test_conferences_each_with_their_own_place_and_days(read: Callable[..., list]) -> None:
    events = read(
        "Recalling its resolution 79/35 of 2 December 2024,",
        "Recalling also the conferences on the humanitarian impact of nuclear weapons, held in "
        "Oslo on 4 and 5 March 2013, in Nayarit, Mexico, on 13 and 14 February 2014, and in "
        "Vienna on 8 and 9 December 2014,",
    )
    assert [(e.start, e.end, e.place and e.place.text) for e in events] == [
        ("2013-03-04", "2013-03-05", "Oslo"),
        ("2014-02-13", "2014-02-14", "Nayarit, Mexico"),
        ("2014-12-08", "2014-12-09", "Vienna"),
    ]
    assert {e.paragraph for e in events} == {"preamble 2"}


def test_days_without_a_year_take_the_year_of_the_meeting_they_preceded(
    read: Callable[..., list],
) -> None:
    events = read(
        "Welcoming the fifty-eighth ministerial meeting of the Committee, held in Luanda on 26 "
        "April 2024, preceded by the meeting of experts held in Luanda from 22 to 25 April,"
    )
    experts = next(e for e in events if e.start == "2024-04-22")
    assert (experts.end, experts.place and experts.place.text) == ("2024-04-25", "Luanda")
    assert any("no year" in note for note in experts.notes)


def test_also_in_a_place_and_a_place_after_the_date(read: Callable[..., list]) -> None:
    events = read(
        "Welcoming the fifty-ninth meeting of the Committee in Malabo on 29 November 2024 and the "
        "sixtieth meeting, also in Malabo, on 30 May 2025,",
        "Noting the subregional conference on hate speech, held on 30 and 31 January 2024 in "
        "Bangui, and the regional workshop on small arms in Dakar in February 2025,",
    )
    assert _seen(events) == [
        ("2024-01-30", "Bangui", "preamble 2"),
        ("2024-11-29", "Malabo", "preamble 1"),
        ("2025-02", "Dakar", "preamble 2"),
        ("2025-05-30", "Malabo", "preamble 1"),
    ]


def test_a_meeting_on_the_margins_of_another_takes_its_place_from_the_earlier_paragraph(
    read: Callable[..., list],
) -> None:
    events = read(
        "Welcoming the fifty-ninth ministerial meeting of the Committee in Malabo on 29 November "
        "2024,",
        "Welcoming also the round table on women held on the margins of the fifty-ninth "
        "ministerial meeting on 28 November 2024,",
    )
    table = next(e for e in events if e.start == "2024-11-28")
    assert table.title.lower().startswith("round table")
    assert table.place is not None and table.place.text == "Malabo"


def test_a_date_far_from_the_meeting_noun(read: Callable[..., list]) -> None:
    [event] = read(
        "Noting the holding of the fourth annual meeting of senior officials of the ministries of "
        "defence and of the interior of the member States of the Economic Community of Central "
        "African States on 18 April 2024,"
    )
    assert (event.start, event.paragraph) == ("2024-04-18", "preamble 1")


def test_dated_acts_with_meeting_words_are_not_meetings(read: Callable[..., list]) -> None:
    assert (
        read(
            'Recalling its decision 47/415 of 20 December 1992, entitled "Sessions of the '
            'Commission", and the report of the Committee on Conferences of 3 March 2025,',
            "Noting the adoption of the programme of work of the session on 18 June 2025 and the "
            "inauguration of the headquarters of the Commission in Libreville on 12 May 2025,",
            "Condemning the attacks of 3 March 2025 on the conference services,",
            "1.\tDecides to establish an ad hoc committee in 2026;",
            "2.\tTakes note of the letter dated 1 September 2025 from the Chair of the Conference;",
        )
        == []
    )


def test_paragraphs_are_numbered_as_the_document_numbers_them(read: Callable[..., list]) -> None:
    events = read(
        "Reaffirming its commitment to the Convention and to the goal of a world free of mines, "
        "of their suffering and of the casualties that they cause, every day and everywhere,",
        "Recalling the Review Conference held in Oslo from 25 to 29 November 2019,1 and the "
        "intersessional meetings held in Geneva on 17 and 18 June 2025,",
        "1.\tInvites all States to the Twenty-third Meeting of the States Parties, to be held in "
        "Geneva from 30 November to 4 December 2026;",
        "12.\tDecides to convene the Sixth Review Conference in 2029;",
    )
    assert _seen(events) == [
        ("2019-11-25", "Oslo", "preamble 2"),
        ("2025-06-17", "Geneva", "preamble 2"),
        ("2026-11-30", "Geneva", "operative 1"),
        ("2029", None, "operative 12"),
    ]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_meeting_in_a_footnote_is_labelled_by_its_mark(layout: str) -> None:
    text = _resolution(
        "Welcoming the Twenty-second Meeting of the States Parties, held in Geneva from 17 to 21 "
        "November 2025,1",
        footer="52nd plenary meeting\n1 December 2025\n1 The Meeting was preceded by a meeting of "
        "the Coordinating Committee on 16 November 2025.",
    )
    events = extract_from_text(LAYOUTS[layout](text)).events
    committee = next(e for e in events if e.start == "2025-11-16")
    assert committee.paragraph == "footnote 1"


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_adoption_comes_from_the_footer_and_is_marked(layout: str) -> None:
    result = extract_from_text(LAYOUTS[layout](_resolution("Recalling its resolutions,")))
    [adoption] = [e for e in result.events if e.adoption]
    assert (adoption.start, adoption.paragraph) == ("2025-12-01", "footer")
    assert "52nd plenary meeting" in adoption.title


def test_the_adoption_comes_from_the_heading_when_there_is_no_footer() -> None:
    text = _resolution("Recalling its resolutions,", footer="")
    [adoption] = [e for e in extract_from_text(text).events if e.adoption]
    assert (adoption.start, adoption.paragraph) == ("2025-12-01", "header")


def test_a_page_break_and_a_page_foot_footnote_do_not_split_a_paragraph() -> None:
    text = (
        "*The Human Rights Council*,\n\n"
        "*Noting* the high-level meeting held on 22 September 2025 at United\n\n"
        "¹ See E/2025/27.\n\n25-22876 2/5\n\nA/HRC/RES/58/14 The right to development\n\n"
        "Nations Headquarters, and the Social Forum held in Geneva on 2 and 3 November 2023,¹\n\n"
        "1. *Decides* that the Working Group shall hold its twenty-sixth session in Geneva from\n\n"
        "2 GE.25-05432\n\n12 to 16 May 2025;\n\n*51st meeting*\n*3 April 2025*\n"
    )
    events = [e for e in extract_from_text(text).events if not e.adoption]
    assert _seen(events) == [
        ("2023-11-02", "Geneva", "preamble 1"),
        ("2025-05-12", "Geneva", "operative 1"),
        ("2025-09-22", "United Nations Headquarters", "preamble 1"),
    ]


def test_the_adoption_is_described_as_such_in_the_yaml() -> None:
    text = to_events_yaml(extract_from_text(_resolution("Recalling its resolutions,")))
    assert "The meeting that adopted this document." in text
