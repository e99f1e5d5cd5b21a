"""The nlp stage: the spaCy pipeline with marsad's own small components."""

from __future__ import annotations

from marsad.nlp import load_model


def test_the_group_is_a_name_not_the_verb() -> None:
    doc = load_model()("On 5 May 2020, IS militants torched wheat fields in Daquq (Kirkuk).")
    verb = next(t for t in doc if t.text == "torched")
    subject = next(t for t in verb.children if t.dep_ == "nsubj")
    assert subject.text == "militants"
    assert next(t for t in doc if t.text == "IS").norm_ == "isis"


def test_capitals_keep_the_verb() -> None:
    doc = load_model()("THE SIEGE IS OVER, the governor said.")
    assert next(t for t in doc if t.text == "IS").norm_ == "is"


def test_paragraph_break_starts_a_sentence() -> None:
    doc = load_model()("Fighting raged near the dam\n\nResidents fled the town.")
    assert [t.is_sent_start for t in doc if t.text == "Residents"] == [True]


def test_a_count_that_opens_a_sentence_stays_with_its_noun() -> None:
    doc = load_model()(
        "On 17 April 2020, tribesmen clashed with Houthi forces in Al Malajim district (Al "
        "Bayda). 4 Houthis were killed."
    )
    assert [s.text for s in doc.sents][-1] == "4 Houthis were killed."


def test_a_bracket_after_a_word_goes_on_with_its_sentence() -> None:
    doc = load_model()(
        "On 24 January 2024, tribesmen held a demonstration in Shuaub district (coded to "
        "Sanaa - Shuaub) (Amanat al Asimah) in solidarity with the Palestinian people and to "
        "denounce the war. Officials took part in the demonstration."
    )
    assert [s.text.split()[0] for s in doc.sents] == ["On", "Officials"]


def test_a_sentence_still_ends_at_a_full_stop_before_a_bracket() -> None:
    doc = load_model()("Clashes erupted in Marib. (The figures are disputed.)")
    assert len(list(doc.sents)) == 2


def test_a_square_bracket_after_a_word_goes_on_with_its_sentence() -> None:
    # ACLED's other spelling of a name, in square brackets: the parser would end a sentence
    # before it
    doc = load_model()(
        "On 3 March 2020, gunmen killed two civilians in the village of Dih Naw [Deh Now] "
        "(Andar, Ghazni) and fled."
    )
    assert len(list(doc.sents)) == 1


def test_no_sentence_starts_after_a_comma() -> None:
    doc = load_model()(
        "Around 4 May 2020 (week of), In Lashkar Gah city (Helmand), unknown gunmen killed a "
        "shopkeeper."
    )
    assert len(list(doc.sents)) == 1


def test_a_text_with_no_stops_is_left_to_the_parser_then_cut() -> None:
    from marsad.nlp import LONGEST_RUN, LONGEST_SENTENCE, paragraph_breaks

    nlp = load_model()
    # (words in capitals: a small letter always goes on with its sentence)
    doc = paragraph_breaks(nlp.make_doc(" ".join(["Fighters Shelled Kabul City"] * 100)))
    starts = [t.is_sent_start for t in doc]
    assert all(s is False for s in starts[1:LONGEST_RUN])
    assert all(s is None for s in starts[LONGEST_RUN:LONGEST_SENTENCE])
    assert starts[LONGEST_SENTENCE] is True  # (a sentence of 250 tokens at most)


def test_the_doc_s_text_is_built_once() -> None:
    from marsad.nlp import doc_text

    doc = load_model()("Taliban fighters attacked a checkpoint in Ghazni.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # (doc.text is a new string at every access)
