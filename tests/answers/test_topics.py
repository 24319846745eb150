"""Topics and places: subjects of the resolution are on topic, everyday words are not."""

from __future__ import annotations

from bot.answers.knowledge import default_knowledge
from bot.answers.parts import place_phrase
from bot.answers.topics import find_place, foreign_words, search_paragraphs, topic_words
from bot.events.model import Calendar


def test_subjects_of_the_resolution_are_topic_words(shipped: Calendar) -> None:
    foreign = foreign_words(shipped, "what about cluster munitions")
    assert topic_words(default_knowledge(), foreign) == ("cluster", "munitions")


def test_everyday_words_are_not_topic_words(shipped: Calendar) -> None:
    foreign = foreign_words(shipped, "quel temps fait-il ?")
    assert foreign and topic_words(default_knowledge(), foreign) == ()


def test_a_plural_finds_the_singular() -> None:
    found = search_paragraphs(default_knowledge(), ("sponsorship", "programmes"))
    assert [paragraph.id for paragraph in found] == ["operative 5"]


def test_places_are_found_in_english_and_french(shipped: Calendar) -> None:
    knowledge = default_knowledge()
    assert find_place(shipped, knowledge, "which meetings are in Geneva?") == "Geneva"
    assert find_place(shipped, knowledge, "quelles réunions à Genève ?") == "Geneva"
    assert find_place(shipped, knowledge, "what's in New York") == "New York"
    assert find_place(shipped, knowledge, "when is the MSP") is None


def test_a_place_reads_as_a_phrase_in_each_language(shipped: Calendar) -> None:
    by_id = {event.id: event for event in shipped.events}
    assert place_phrase(by_id["ccw-msp-2007"], "en") == "in Geneva, Switzerland"
    assert place_phrase(by_id["ccw-msp-2007"], "fr") == "à Genève (Suisse)"
    adoption = by_id["unga-62-adoption-62-57"]
    assert place_phrase(adoption, "en") == "at United Nations Headquarters, New York, United States"
    assert place_phrase(adoption, "fr") == (
        "au Siège de l'Organisation des Nations Unies, à New York (États-Unis)"
    )
    assert place_phrase(by_id["ccw-apii-conference-2007"], "fr") is None


def test_a_knowledge_edit_alone_changes_the_place_names(shipped: Calendar) -> None:
    """The same calendar object with a new knowledge file (only knowledge.yaml was edited): the
    places are read from the new file, not from a cache of the old one."""
    knowledge = default_knowledge()
    assert find_place(shipped, knowledge, "quelles réunions à Genève ?") == "Geneva"
    french = knowledge.translations["fr"]
    renamed = french.model_copy(update={"places": {**french.places, "Geneva": "Genf"}})
    translations = {**knowledge.translations, "fr": renamed}
    edited = knowledge.model_copy(update={"translations": translations})
    assert find_place(shipped, edited, "quelles réunions à Genf ?") == "Geneva"
