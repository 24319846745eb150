"""A resolution split into located paragraphs, in both layouts."""

from __future__ import annotations

from bot.extract.document import clean_line, parse_document
from tests.extract.helpers import DATA

ODS = "\n".join(
    [
        "Resolution adopted by the General Assembly on 5 December 2007",
        "62/57.\tConvention on Certain Conventional Weapons",
        "\tThe General Assembly,",
        "\tRecalling its resolution 61/100 of 6 December 2006,",
        "\tWelcoming the decision to hold a meeting in Geneva,6 and the results,",
        "\t1.\tCalls upon all States;",
        "\t2.\tDecides:",
        "\t(a)\tTo convene a meeting;",
        "\t(b)\tTo consider:",
        "\t(i)\tThe report;",
        "\t(ii)\tThe plan;",
        "",
        "61st plenary meeting",
        "5 December 2007",
        "6 See CCW/CONF.III/11 (Part II).",
        "<<ODS DOC SYMBOL1>>A/RES/62/57<<ODS DOC SYMBOL1>>",
        "United NationsA/RES/62/57General AssemblyDistr.: General",
        "15 January 2008Sixty-second session",
    ]
)


def test_ods_layout_gets_reader_labels() -> None:
    labels = [p.label for p in parse_document(ODS).paragraphs]
    assert labels == [
        "header",
        "preamble 1",
        "preamble 2",
        "operative 1",
        "operative 2",
        "operative 2(a)",
        "operative 2(b)",
        "operative 2(b)(i)",
        "operative 2(b)(ii)",
        "footer",
        "footnote 6",
    ]


def test_symbol_comes_from_the_ods_marker_and_the_trailer_is_dropped() -> None:
    document = parse_document(ODS)
    assert document.symbol == "A/RES/62/57"
    assert not any("15 January 2008" in p.text for p in document.paragraphs)


def test_symbol_from_the_title_line_when_there_is_no_marker() -> None:
    document = parse_document(ODS.split("\n<<ODS")[0])
    assert (document.symbol, document.number, document.body) == (
        "A/RES/62/57",
        "62/57",
        "General Assembly",
    )


def test_footnote_markers_are_removed_from_words() -> None:
    assert clean_line("held in Geneva,6 and Effects,1 and (Protocol II)1 and") == (
        "held in Geneva, and Effects, and (Protocol II) and"
    )
    assert (
        clean_line("in Geneva[^3] on 5 June^4 and Vienna² too")
        == "in Geneva on 5 June and Vienna too"
    )


def test_markdown_layout_with_blank_lines_wrapped_lines_and_footnotes() -> None:
    document = parse_document((DATA / "bwc_2025.md").read_text(encoding="utf-8"))
    by_label = {p.label: p.text for p in document.paragraphs}
    assert "sixth session was held in Geneva from 2 to 13 December 2024," in by_label["preamble 3"]
    assert by_label["operative 3(b)(i)"].startswith("Support for a regional workshop")
    assert by_label["footnote 2"] == "See BWC/CONF.IX/9."
    assert by_label["footer"] == "58th plenary meeting 4 December 2025"


def test_paragraphs_not_separated_by_blank_lines() -> None:
    document = parse_document((DATA / "hrc_2014_plain.txt").read_text(encoding="utf-8"))
    assert [p.label for p in document.part("preamble")] == [f"preamble {n}" for n in range(1, 6)]
    assert document.symbol == "A/HRC/RES/25/12"


def test_words_broken_at_line_ends_are_made_whole() -> None:
    text = (
        "*The General Assembly*,\n\n*Welcoming* the Fourth Con-\nference of the States Par-\n"
        "ties, the high-\nlevel meeting and the Pre-\nparatory Committee held in 2025,\n"
    )
    [paragraph] = [p for p in parse_document(text).paragraphs if p.part == "preamble"]
    assert paragraph.text == (
        "Welcoming the Fourth Conference of the States Parties, the high-level meeting and the "
        "Preparatory Committee held in 2025,"
    )


def test_sub_items_run_on_in_one_line_are_labelled_as_sub_items() -> None:
    text = (
        "The General Assembly,\n\n2. Decides: (a) To convene a meeting in 2026; (b) To organize "
        "a seminar; and to consider paragraph 3 (a) of resolution 80/1;\n"
    )
    labels = [p.label for p in parse_document(text).paragraphs]
    assert labels == ["operative 2", "operative 2(a)", "operative 2(b)"]


def test_a_paragraph_cut_after_a_function_word_goes_on_after_the_page_break() -> None:
    text = (
        "*The General Assembly*,\n\n*Noting* the holding, with the support of the\n\n"
        "26-07214 2/4\n\nA/RES/80/289\n\nPeacebuilding Support Office, of the fourth annual "
        "meeting on 18 April 2024,\n\n*Noting further* the dialogue held in Dakar in 2025,\n"
    )
    labels = [p.label for p in parse_document(text).paragraphs if p.part == "preamble"]
    assert labels == ["preamble 1", "preamble 2"]


def test_in_markdown_a_wrapped_line_never_opens_a_paragraph_however_it_begins() -> None:
    text = (
        "*The General Assembly*,\n\n*Recalling* its resolutions,\n\n*Recalling also* the entry "
        "into force of the Convention on the Prohibition of the Use,\nStockpiling, Production and "
        "Transfer of Mines on 1 March 1999,\n\n*Noting* the meeting held in 2025,\n\n"
        "1. *Decides* to hold a meeting;\n"
    )
    labels = [p.label for p in parse_document(text).paragraphs]
    assert labels == ["preamble 1", "preamble 2", "preamble 3", "operative 1"]


def test_a_job_number_with_its_date_code_and_a_barcode_are_page_furniture() -> None:
    text = (
        "*The General Assembly*,\n\n*Welcoming* the regional seminars held in Dakar on 18 and\n\n"
        "26-22415 (E)  181226\n*2622415*\n\nA/RES/81/121  Crimes against humanity\n\n"
        "2/4  26-22415\n\n19 May 2026,\n"
    )
    [paragraph] = [p for p in parse_document(text).paragraphs if p.part == "preamble"]
    assert paragraph.text == "Welcoming the regional seminars held in Dakar on 18 and 19 May 2026,"


def test_a_date_cut_at_a_lines_end_is_no_footnote() -> None:
    text = (
        "The General Assembly,\n\nRecalling the Conference held in Quito from 17 to\n20 Octo-\n"
        "ber 2016,\n\nRecalling further the Forum held in Cairo in 2024,\n"
    )
    paragraphs = parse_document(text).paragraphs
    assert [p.label for p in paragraphs] == ["preamble 1", "preamble 2"]
    assert paragraphs[0].text.endswith("from 17 to 20 October 2016,")
