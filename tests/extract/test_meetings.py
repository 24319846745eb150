"""Which dated phrases are meetings, with titles as worded, status from the wording and places."""

from __future__ import annotations

from bot.extract.propose import ProposedEvent, extract_from_text


def _resolution(*paragraphs: str) -> str:
    """A minimal General Assembly resolution in the ODS layout around the given paragraphs."""
    body = "\n".join(f"\t{p}" for p in paragraphs)
    return f"64/1.\tTest resolution\n\tThe General Assembly,\n{body}\n"


def _events(*paragraphs: str) -> list[ProposedEvent]:
    return list(extract_from_text(_resolution(*paragraphs)).events)


def test_respectively_pairs_each_meeting_with_its_dates_and_shares_the_place() -> None:
    events = _events(
        "1.\tDecides that the Meeting of Experts and the Meeting of the States Parties shall be "
        "held "
        "in Geneva from 2 to 5 June and from 1 to 3 December 2010, respectively;"
    )
    assert [(e.title, e.start, e.end, e.place and e.place.text) for e in events] == [
        ("Meeting of Experts", "2010-06-02", "2010-06-05", "Geneva"),
        ("Meeting of the States Parties", "2010-12-01", "2010-12-03", "Geneva"),
    ]


def test_ordinal_series_becomes_one_conference_per_year() -> None:
    events = _events(
        "1.\tRequests the Secretary-General to provide services for the Twelfth and Thirteenth "
        "Annual "
        "Conferences of the High Contracting Parties to Amended Protocol II in 2010 and 2011;"
    )
    assert [(e.title, e.start, e.precision) for e in events] == [
        (
            "Twelfth Annual Conference of the High Contracting Parties to Amended Protocol II",
            "2010",
            "year",
        ),
        (
            "Thirteenth Annual Conference of the High Contracting Parties to Amended Protocol II",
            "2011",
            "year",
        ),
    ]


def test_a_meeting_in_two_periods_is_two_events_that_say_so() -> None:
    events = _events(
        "1.\tDecides that the Group of Governmental Experts shall meet from 2 to 6 March and "
        "from 24 to "
        "28 August 2009;"
    )
    assert [(e.start, e.end) for e in events] == [
        ("2009-03-02", "2009-03-06"),
        ("2009-08-24", "2009-08-28"),
    ]
    assert "period 1" in events[0].notes[0] and "period 2" in events[1].notes[0]


def test_headquarters_in_new_york_is_read_as_venue_and_city() -> None:
    [event] = _events(
        "1.\tDecides to convene a high-level meeting at United Nations Headquarters in New York on "
        "21 September 2026;"
    )
    assert event.place is not None
    assert (event.place.venue, event.place.city) == ("United Nations Headquarters", "New York")
    assert event.status == "future"


def test_status_comes_from_the_wording() -> None:
    held, to_be_held = _events(
        "Recalling that the Third Review Conference was held in Geneva from 7 to 17 November 2006,",
        "Noting that the Fourth Review Conference will be held in Geneva from 14 to 25 November "
        "2011,",
    )
    assert (held.status, to_be_held.status) == ("past", "future")


def test_the_same_meeting_in_several_paragraphs_is_one_event() -> None:
    [event] = _events(
        "Welcoming the decision to convene the Second Review Conference in Cartagena, Colombia, "
        "from "
        "30 November to 4 December 2009,",
        "1.\tRequests the Secretary-General to provide services for the Second Review Conference "
        "to be "
        "held from 30 November to 4 December 2009;",
        "2.\tInvites all States to attend the Second Review Conference in 2009;",
    )
    assert event.paragraph == "preamble 1"
    assert event.place is not None and event.place.text == "Cartagena, Colombia"
    assert [c.paragraph for c in event.also_mentioned] == ["operative 1", "operative 2"]


def test_different_ordinals_are_different_meetings() -> None:
    events = _events(
        "1.\tNotes that the First Conference of the States Parties was held on 5 November 2007 and "
        "looks forward to the Second Conference of the States Parties in 2007;",
    )
    assert len(events) == 2


def test_dated_phrases_that_are_not_meetings_are_not_proposed() -> None:
    events = _events(
        "Recalling its resolution 61/100 of 6 December 2006 and decision 62/515 of 5 December "
        "2007,",
        "Noting that the Convention entered into force on 1 March 1999 and has been in force since "
        "1 January 2000,",
        "Welcoming the accession of Samoa on 26 October 2009 and the ratification by Chile on "
        "15 September 2009, and the letter dated 3 March 2010 from the Chair,",
        "1.\tRequests the Secretary-General to submit a report by 1 June 2011;",
    )
    assert events == []


def test_a_sub_item_takes_the_meeting_and_place_from_its_lead_in() -> None:
    events = _events(
        "1.\tNotes that the working groups of the Conference will meet in Geneva:",
        "(a)\tFrom 4 to 7 February 2020, for the first preparatory round;",
        "(b)\tFrom 27 to 30 April 2020, for the second preparatory round;",
    )
    assert [(e.paragraph, e.start, e.end, e.place and e.place.text) for e in events] == [
        ("operative 1(a)", "2020-02-04", "2020-02-07", "Geneva"),
        ("operative 1(b)", "2020-04-27", "2020-04-30", "Geneva"),
    ]


def test_a_body_of_a_conference_that_meets_is_the_meeting_not_the_conference() -> None:
    events = _events("1.\tNotes that the bureau of the Conference will meet on 4 February 2020;")
    assert [(e.title, e.kind) for e in events] == [("Bureau of the Conference", "meeting")]


def test_a_lead_in_naming_a_meeting_in_passing_names_no_sub_item_meeting() -> None:
    events = _events(
        "1.\tWelcomes the following contributions to the Conference:",
        "(a)\tThe pledge made by Norway on 4 May 2019;",
    )
    assert events == []


def test_a_body_that_met_and_will_meet_again_gives_two_events() -> None:
    events = _events(
        "1.\tEncourages contributions to the Fund, whose selection committee met on 15 October "
        "2019 and will next meet in early 2020;"
    )
    assert [(e.start, e.status) for e in events] == [("2019-10-15", "past"), ("2020", "future")]


def test_a_long_subject_before_to_be_held_still_links_the_meeting_to_its_date() -> None:
    events = _events(
        "1.\tDecides to convene a panel discussion on the impact of the activities of private "
        "military and security companies on the enjoyment of human rights, to be held in June 2026;"
    )
    assert [(e.title, e.start) for e in events] == [("Panel discussion", "2026-06")]


def test_is_to_be_marks_a_meeting_as_future_even_in_a_footnote_like_sentence() -> None:
    events = _events(
        "Noting that the Conference is to be preceded by a briefing on 16 August 2009,"
    )
    assert [(e.title, e.status) for e in events] == [("Briefing", "future")]


def test_consideration_under_the_same_agenda_item_is_an_agenda_item() -> None:
    events = _events(
        "1.\tDecides to continue its consideration of this issue at its sixty-fourth session, "
        "under the same agenda item."
    )
    assert [(e.status, e.paragraph) for e in events] == [("agenda_item", "operative 1")]
