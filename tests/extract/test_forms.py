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

    def events(*paragraphs: str, **options: str) -> list[ProposedEvent]:
        found = extract_from_text(layout(_resolution(*paragraphs, **options))).events
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


def test_quarters_halves_and_weeks_are_never_read_closer_than_they_are(
    read: Callable[..., list],
) -> None:
    events = read(
        "Decides that the working group shall hold its organizational session in the first "
        "quarter of 2027 and its first and second sessions in the first and second halves of "
        "2028, respectively;",
        "Requests the President to hold informal consultations on the draft declaration during "
        "the week of 13 July 2026;",
    )
    assert [(e.title.split()[0].lower(), e.start, e.end, e.precision) for e in events] == [
        ("informal", "2026-07", "2026-07", "month"),
        ("organizational", "2027", "2027", "year"),
        ("first", "2028", "2028", "year"),
        ("second", "2028", "2028", "year"),
    ]


def test_a_meeting_held_there_or_on_its_margins_takes_the_place_named_before(
    read: Callable[..., list],
) -> None:
    events = read(
        "Welcoming the Third Conference on Landlocked Countries, held in Awaza, Turkmenistan, "
        "from 5 to 8 August 2025, and the Youth Forum, held on its margins on 4 August 2025,",
        "Noting the inauguration of the new premises of the Regional Centre in Kathmandu on 14 "
        "January 2026,",
        "Noting also the round table on disarmament education held there on 15 January 2026,",
        "Welcoming the Fifteenth Congress, held in Abu Dhabi from 25 to 30 April 2026, which was "
        "preceded by the Youth Forum, held from 22 to 24 April in the same city,",
    )
    assert _seen(events) == [
        ("2025-08-04", "Awaza, Turkmenistan", "preamble 1"),
        ("2025-08-05", "Awaza, Turkmenistan", "preamble 1"),
        ("2026-01-15", "Kathmandu", "preamble 3"),
        ("2026-04-22", "Abu Dhabi", "preamble 4"),
        ("2026-04-25", "Abu Dhabi", "preamble 4"),
    ]


def test_the_place_where_it_is_held_wins_over_a_place_in_its_name(
    read: Callable[..., list],
) -> None:
    events = read(
        "Noting the regional conference on press freedom in Africa, held in Nairobi on 27 and "
        "28 April 2026, and the sixth meeting of the Regional Conference on Cooperation in Latin "
        "America and the Caribbean, in Santo Domingo in February 2027,"
    )
    assert [e.place.text if e.place else None for e in events] == ["Nairobi", "Santo Domingo"]


def test_each_place_that_follows_its_date_is_that_items(read: Callable[..., list]) -> None:
    events = read(
        "Requests the Office to hold regional preparatory consultations in two parts, from 8 to "
        "10 March 2027 in Addis Ababa and from 3 to 5 May 2027 in Santiago;"
    )
    assert [(e.start, e.place.text if e.place else None) for e in events] == [
        ("2027-03-08", "Addis Ababa"),
        ("2027-05-03", "Santiago"),
    ]


def test_a_body_meeting_in_two_sessions_is_two_sessions_not_also_a_year(
    read: Callable[..., list],
) -> None:
    events = read(
        "Decides that the Group of Governmental Experts shall meet for ten days in 2026, in two "
        "sessions, from 2 to 6 March and from 24 to 28 August, in Geneva;",
        "Decides also that the technical working group shall hold, in New York, its "
        "organizational session in 2027 and two substantive sessions, from 7 to 11 June 2027 "
        "and from 30 August to 3 September 2027;",
    )
    assert [(e.title, e.start, e.place.text if e.place else None) for e in events] == [
        ("Session of the Group of Governmental Experts", "2026-03-02", "Geneva"),
        ("Session of the Group of Governmental Experts", "2026-08-24", "Geneva"),
        ("Organizational session", "2027", "New York"),
        ("Substantive session", "2027-06-07", "New York"),
        ("Substantive session", "2027-08-30", "New York"),
    ]


def test_sub_items_take_their_meeting_and_year_from_the_lead_ins(
    read: Callable[..., list],
) -> None:
    events = read(
        "1.\tRequests the Secretary-General to convene regional consultations on the draft "
        "articles:\n\t(a)\tFor African States, in Addis Ababa, in the first half of 2026;\n"
        "\t(b)\tFor Asia-Pacific States, in two rounds:\n\t(i)\tIn Bangkok, in April 2026;\n"
        "\t(ii)\tIn Suva, in the second half of 2026;",
        "2.\tAlso decides that, in 2025:\n\t(a)\tthe Audit Committee shall hold its sixty-eighth "
        "and sixty-ninth sessions;",
    )
    assert [(e.start, e.place.text if e.place else None, e.paragraph) for e in events] == [
        ("2025", None, "operative 2(a)"),
        ("2025", None, "operative 2(a)"),
        ("2026", "Addis Ababa", "operative 1(a)"),
        ("2026", "Suva", "operative 1(b)(ii)"),
        ("2026-04", "Bangkok", "operative 1(b)(i)"),
    ]
    assert "Asia-Pacific States" in events[3].title


def test_after_the_holding_of_the_first_date_is_the_meetings_however_far(
    read: Callable[..., list],
) -> None:
    events = read(
        "Welcoming the holding of the third global meeting of national focal points on ageing "
        "of the ministries responsible for social development, convened by the Department of "
        "Economic and Social Affairs in cooperation with the World Health Organization during "
        "the United Nations Decade of Healthy Ageing (2021–2030), on 18 April 2024,"
    )
    assert [(e.title, e.start) for e in events] == [
        (
            "Third global meeting of national focal points on ageing of the ministries "
            "responsible for social development",
            "2024-04-18",
        )
    ]


def test_acts_set_off_by_dates_and_resolution_years_are_not_meetings(
    read: Callable[..., list],
) -> None:
    events = read(
        "Welcoming the adoption, on 3 July 2026, of the programme of work of the biennial "
        "meeting of States,",
        "Recalling the fourth and fifth subregional workshops on Security Council resolution "
        "1540 (2004), held in Bangkok in 2025,",
    )
    assert [(e.title.split()[0], e.start) for e in events] == [
        ("Fourth", "2025"),
        ("fifth", "2025"),
    ]


def test_days_without_a_year_take_that_of_the_meeting_they_preceded_in_another_paragraph(
    read: Callable[..., list],
) -> None:
    events = read(
        "Noting the ninth meeting of the Forum of the Countries of Latin America, held in Panama "
        "City from 20 to 23 April 2026,",
        "Noting also the preparatory meeting of experts held in Panama City on 16 and 17 April, "
        "which preceded the ninth meeting of the Forum,",
    )
    assert [(e.start, e.paragraph) for e in events] == [
        ("2026-04-16", "preamble 2"),
        ("2026-04-20", "preamble 1"),
    ]
    assert "preceded" in " ".join(events[0].notes)


def test_ordinals_with_their_places_and_dates_in_brackets(read: Callable[..., list]) -> None:
    events = read(
        "Noting that the Preparatory Committee held its first (Vienna, 31 July–11 August 2023), "
        "second (Geneva, 22 July–2 August 2024) and third (New York, 28 April–9 May 2025) "
        "sessions,"
    )
    assert [(e.title, e.start, e.end, e.place.text if e.place else None) for e in events] == [
        ("First session of the Preparatory Committee", "2023-07-31", "2023-08-11", "Vienna"),
        ("Second session of the Preparatory Committee", "2024-07-22", "2024-08-02", "Geneva"),
        ("Third session of the Preparatory Committee", "2025-04-28", "2025-05-09", "New York"),
    ]


def test_the_calendar_style_of_annexes_and_regional_lists(read: Callable[..., list]) -> None:
    events = read(
        "Approves the following sessions:\n\t(a)\tCommission on Narcotic Drugs, seventieth "
        "session: Vienna, 15–19 March 2027;",
        "Welcoming the regional forums on minority issues held for Europe in Vienna on 5 and 6 "
        "May 2025 and for Africa in Addis Ababa on 14 and 15 October 2025,",
    )
    assert [(e.start, e.place.text if e.place else None) for e in events] == [
        ("2025-05-05", "Vienna"),
        ("2025-10-14", "Addis Ababa"),
        ("2027-03-15", "Vienna"),
    ]
    assert events[1].title.endswith("for Africa")


def test_a_session_of_one_kind_is_not_another_with_the_same_dates(
    read: Callable[..., list],
) -> None:
    events = read(
        "Decides that the Committee for Programme and Coordination shall hold its organizational "
        "session in 2025 and its sixty-fifth session from 2 to 27 June 2025;",
        "Decides also that the Committee on Conferences shall hold a resumed session in 2025;",
        "Decides further that the regional consultation shall be held in Addis Ababa in 2026 "
        "and the regional consultation in Santiago from 30 November to 2 December 2026;",
    )
    assert len(events) == 5
    assert "Committee on Conferences" in next(e.title for e in events if "esumed" in e.title)


def test_a_footnote_rule_mid_page_and_wrapped_footnotes_lose_nothing() -> None:
    text = (
        "The General Assembly,\n\nNoting that the Subcommittee held its sixty-fourth\n\n"
        "______________\n¹ Official Records, Supplement No. 20.\n² The session was preceded by "
        "an informal meeting of the Working Group,\nheld in Vienna on 16 June 2026.\n\n"
        "26-22874 2/4\n\nA/RES/81/75\n\nsession in Vienna from 1 to 12 February 2027,\n\n"
        "52nd plenary meeting\n9 December 2026\n"
    )
    events = [e for e in extract_from_text(text).events if not e.adoption]
    assert _seen(events) == [
        ("2026-06-16", "Vienna", "footnote 2"),
        ("2027-02-01", "Vienna", "preamble 1"),
    ]


def test_a_place_closing_the_second_of_two_joined_sessions_is_only_its_own(
    read: Callable[..., list],
) -> None:
    """Read both ways by two annotators: the place is not given to the first (never more than
    the text says for sure); an act by a body on a date is no session."""
    events = read(
        "Noting that the Forum held its nineteenth session from 6 to 10 May 2024 and its "
        "twentieth session from 5 to 9 May 2025 at United Nations Headquarters,",
        "Welcoming the adoption by the Forum of its quadrennial programme of work on 9 May 2025,",
    )
    assert _seen(events) == [
        ("2024-05-06", None, "preamble 1"),
        ("2025-05-05", "United Nations Headquarters", "preamble 1"),
    ]


def test_a_place_before_timing_words_is_the_meetings(read: Callable[..., list]) -> None:
    events = read(
        "Encourages the holding of the ninth annual conference between the United Nations and "
        "the African Union in New York, on the margins of the high-level week in September 2026, "
        "and of a retreat in Addis Ababa, during the week of 15 February 2027;"
    )
    assert [(e.start, e.place.text if e.place else None) for e in events] == [
        ("2026-09", "New York"),
        ("2027-02", "Addis Ababa"),
    ]


def test_a_meeting_on_the_margins_of_another_with_no_date_of_its_own_takes_its_dates(
    read: Callable[..., list],
) -> None:
    events = read(
        "Decides to convene the tenth meeting of the Forum in Santiago in April 2027, and an "
        "expert seminar on fiscal space for climate action, to be held on its margins;"
    )
    assert [(e.title, e.start, e.place.text if e.place else None) for e in events] == [
        ("Tenth meeting of the Forum", "2027-04", "Santiago"),
        ("Expert seminar on fiscal space for climate action", "2027-04", "Santiago"),
    ]
    assert "no date of its own" in events[1].notes[0]


def test_sub_items_on_their_paragraphs_line_and_an_annex_are_read(
    read: Callable[..., list],
) -> None:
    events = read(
        "1.\tInvites the Institute to organize: (a) its annual Cyber Stability Conference, in "
        "Geneva, from 29 June to 1 July 2027; and (b) two regional workshops on "
        "confidence-building measures, (i) for Africa, in Nairobi, 8–9 April 2027, (ii) for "
        "Latin America, in Panama City, 6–7 May 2027;"
    )
    assert [(e.start, e.place.text if e.place else None, e.paragraph) for e in events] == [
        ("2027-04-08", "Nairobi", "operative 1(b)(i)"),
        ("2027-05-06", "Panama City", "operative 1(b)(ii)"),
        ("2027-06-29", "Geneva", "operative 1(a)"),
    ]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_sessions_of_an_annex_after_the_footer(layout: str) -> None:
    footer = (
        "30th plenary meeting\n24 July 2026\nAnnex\nProvisional calendar of meetings, 2027\n"
        "Statistical Commission, fifty-eighth session: New York, 2–5 March 2027\n"
        "Committee on Economic, Social and Cultural Rights, eighty-first and eighty-second "
        "sessions: Geneva, 15 February–5 March and 20 September–8 October 2027"
    )
    text = LAYOUTS[layout](_resolution("1.\tApproves the calendar in the annex;", footer=footer))
    events = [e for e in extract_from_text(text).events if not e.adoption]
    assert _seen(events) == [
        ("2027-02-15", "Geneva", "annex"),
        ("2027-03-02", "New York", "annex"),
        ("2027-09-20", "Geneva", "annex"),
    ]


def test_all_at_one_place_and_a_footnote_held_there(read: Callable[..., list]) -> None:
    events = read(
        "Welcoming the expert seminar on older persons held in Santiago on 2 and 3 February 2026,1",
        "1.\tDecides that the working group shall hold its third session from 1 to 5 March 2027, "
        "and its fourth and fifth sessions in 2027 and 2028, respectively, all at the United "
        "Nations Office at Geneva;",
        footer="52nd plenary meeting\n1 December 2025\n1 The seminar was followed by a regional "
        "meeting of national institutions, held there on 4 February 2026.",
    )
    assert [(e.start, e.place.text if e.place else None) for e in events] == [
        ("2026-02-02", "Santiago"),
        ("2026-02-04", "Santiago"),
        ("2027", "United Nations Office at Geneva"),
        ("2027-03-01", "United Nations Office at Geneva"),
        ("2028", "United Nations Office at Geneva"),
    ]


def test_convening_of_outreach_events_meeting_again_and_a_host_after_the_date(
    read: Callable[..., list],
) -> None:
    events = read(
        "Welcoming the convening, within the framework of the Voluntary Trust Fund of the Treaty "
        "and with the support of the secretariat, of a seminar for parliamentarians on the "
        "Treaty in Lima in November 2025, and the outreach events held in Suva on 3 March 2026 "
        "and in Apia on 23 June 2026,",
        "1.\tWelcomes the decision that the Thirteenth Conference of States Parties shall be held "
        "in Geneva from 23 to 27 August 2027;",
        "2.\tNotes that the working groups of the Conference shall meet in February 2027 and "
        "again from 4 to 7 May 2027, and that the annual meeting of national points of contact is "
        "to be held on 26 August 2027, on the margins of the Thirteenth Conference;",
    )
    assert [(e.start, e.place.text if e.place else None) for e in events] == [
        ("2025-11", "Lima"),
        ("2026-03-03", "Suva"),
        ("2026-06-23", "Apia"),
        ("2027-02", None),
        ("2027-05-04", None),
        ("2027-08-23", "Geneva"),
        ("2027-08-26", "Geneva"),
    ]


def test_a_year_that_says_which_meeting_is_not_its_date(read: Callable[..., list]) -> None:
    events = read(
        "1.\tDecides that the Meeting of the High Contracting Parties in 2027 shall be held in "
        "Geneva from 17 to 19 November 2027;",
        "2.\tNotes that the intersessional meetings in 2027 shall be held in two parts, from 8 "
        "to 10 March 2027 and during the week of 14 June 2027;",
    )
    assert [(e.start, e.precision) for e in events] == [
        ("2027-03-08", "day"),
        ("2027-06", "month"),
        ("2027-11-17", "day"),
    ]


def test_the_first_to_sixth_of_which_were_held_in_places_by_year(
    read: Callable[..., list],
) -> None:
    events = read(
        "Recalling the United Nations conferences on disarmament issues organized by the Regional "
        "Centre, the first to fourth of which were held in Kathmandu (2019), Jeju, Republic of "
        "Korea (2020 and 2022) and Port of Spain (2021),"
    )
    assert [(e.title.split()[0], e.start, e.place.text if e.place else None) for e in events] == [
        ("First", "2019", "Kathmandu"),
        ("Second", "2020", "Jeju, Republic of Korea"),
        ("Third", "2021", "Port of Spain"),
        ("Fourth", "2022", "Jeju, Republic of Korea"),
    ]


def test_a_meeting_named_inside_another_meetings_complement_and_places_after_a_comma(
    read: Callable[..., list],
) -> None:
    events = read(
        "1.\tRequests the President to oversee the intergovernmental consultations on the "
        "political declaration of the Conference, to be held in two parts, from 8 to 12 "
        "November and from 6 to 10 December 2027;",
        "2.\tApproves the following sessions:\n\t(a)\tWorking Group I: forty-fourth session, New "
        "York, 5–9 April 2027; forty-fifth session, Vienna, 4–8 October 2027;\n\t(b)\tWorking "
        "Group III: fifty-fourth and fifty-fifth sessions in 2027, both in Vienna, and a resumed "
        "session at a date to be decided;",
    )
    assert [(e.title, e.start, e.place.text if e.place else None) for e in events] == [
        ("Fifty-fourth session", "2027", "Vienna"),
        ("fifty-fifth session", "2027", "Vienna"),
        ("Forty-fourth session", "2027-04-05", "New York"),
        ("Forty-fifth session", "2027-10-04", "Vienna"),
        (
            "Intergovernmental consultation on the political declaration of the Conference",
            "2027-11-08",
            None,
        ),
        (
            "Intergovernmental consultation on the political declaration of the Conference",
            "2027-12-06",
            None,
        ),
    ]
