from __future__ import annotations

from datetime import date

from marsad.clean import clean
from marsad.ingest import make_article

PAGE = """Rebels lose ground near Hama

Rebels lose ground near Hama
3 min read
12 March, 2017
Fighters gather outside the town [Reuters]

Government forces captured the village of Kafr Nabudah from rebel fighters on Saturday,
a monitoring group said.

The rebels had held the village since 2014. The monitor said at least 12 fighters were
killed in the clashes.

The rebels had held the village since 2014. The monitor said at least 12 fighters were
killed in the clashes.

Residents fled toward the north as the army advanced. which.
"""


def test_clutter_and_repeats_are_dropped_with_reasons() -> None:
    doc = clean(make_article(PAGE, origin="t", published=date(2017, 3, 12)))
    reasons = {d.reason for d in doc.dropped}
    assert {"title", "repeated title", "reading time", "dateline", "caption"} <= reasons
    assert "repeated sentence" in reasons and "stray fragment" in reasons
    assert doc.text.count("The rebels had held the village since 2014.") == 1
    assert "min read" not in doc.text and "[Reuters]" not in doc.text
    assert not doc.text.rstrip().endswith("which.")
    assert doc.article.title == "Rebels lose ground near Hama"


def test_paragraph_offsets_cover_the_text() -> None:
    doc = clean(make_article(PAGE, origin="t", published=date(2017, 3, 12)))
    assert len(doc.paragraphs) == 3
    for start, end in doc.paragraphs:
        assert doc.text[start:end].strip() == doc.text[start:end]
    assert doc.paragraphs[-1][1] == len(doc.text)


def test_fuller_repeat_supersedes_truncated_one() -> None:
    text = (
        "Fighting resumed in the north of the province on Monday.\n\n"
        "Officials said the army could retake the town within days, cutting supply lines\n\n"
        "Aid groups called for a pause in the fighting.\n\n"
        "Officials said the army could retake the town within days, cutting supply lines to "
        "the rebel-held districts further east."
    )
    doc = clean(make_article(text, origin="t", published=date(2017, 3, 12)))
    assert doc.text.count("Officials said") == 1
    assert "further east" in doc.text


def test_hard_wrapped_lines_join_into_paragraphs() -> None:
    text = (
        "The army said on Monday that its troops had pushed back an attack on the\n"
        "outskirts of the town, killing several of the attackers, and that the road\n"
        "to the airport was open again.\n"
    )
    doc = clean(make_article(text, origin="t", published=date(2017, 3, 12)))
    assert len(doc.paragraphs) == 1
    assert "on the outskirts" in doc.text
