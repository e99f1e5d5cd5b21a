"""The whole pipeline, article by article: ingest -> clean -> nlp -> time / places / actors
-> events -> merge. The CLI and the Python API (:func:`marsad.extract`, :class:`marsad.Store`)
are thin layers over :func:`process`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from marsad import time as timex
from marsad.actors import find_actors, home_countries, resolve_coreference
from marsad.clean import clean
from marsad.events import extract_events
from marsad.ingest import InputError, InputProblem, make_article, parse_published
from marsad.merge import merge_mentions
from marsad.nlp import annotate, load_model
from marsad.places import find_places
from marsad.records import (
    ActorMention,
    Article,
    DateMention,
    Document,
    Event,
    EventMention,
    PlaceMention,
)


@dataclass(slots=True)
class ArticleResult:
    """Everything the pipeline read in one article."""

    document: Document
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def article(self) -> Article:
        return self.document.article


def analyse(document: Document) -> ArticleResult:
    """Run the per-sentence stages over one parsed document."""
    doc = document.doc
    published = document.article.published or date.today()
    dates = timex.find_dates(doc, published)
    actors = find_actors(doc)
    if document.dateline:  # "MOGADISHU, 16 October 2017" names no actor
        lo, hi = document.dateline
        actors = [a for a in actors if not lo <= a.start < hi]
    # A name the actor dictionary knows ("al-Shabaab", "Hezbollah") is an actor, even where
    # the gazetteer also has a village of that name.
    named = [(a.start, a.end) for a in actors if a.method == "dictionary"]
    places = find_places(doc, hints=home_countries(actors), not_places=named)
    para_starts = [start for start, _ in document.paragraphs]
    actors = sorted(
        actors + resolve_coreference(doc, actors, paragraph_starts=para_starts),
        key=lambda a: (a.start, a.end),
    )
    mentions = extract_events(document, actors, places, dates)
    sources = {document.article_id: (document.article.source or "", document.article.url)}
    events = merge_mentions(mentions, sources)
    return ArticleResult(document, dates, places, actors, mentions, events)


def process(
    articles: Iterable[Article | InputError],
    *,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[ArticleResult | InputError]:
    """Stream articles through the pipeline; input errors pass through in order."""
    nlp = load_model()
    pending: list[InputError] = []

    def documents() -> Iterator[Document]:
        for item in articles:
            if isinstance(item, InputError):
                pending.append(item)
                continue
            document = clean(item)
            if not document.text.strip():
                pending.append(InputError(item.origin, "nothing left after removing page clutter"))
                continue
            yield document

    for document in annotate(documents(), batch_size=batch_size, n_process=n_process, nlp=nlp):
        while pending:
            yield pending.pop(0)
        yield analyse(document)
    while pending:
        yield pending.pop(0)


def extract(
    text: str,
    *,
    published: date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> list[Event]:
    """Events in one article's text. ``published`` anchors relative dates; without it a
    dateline in the text is used, and a ValueError says so when there is none."""
    try:
        pub = parse_published(published) if isinstance(published, str) else published
        article = make_article(
            text, origin="<text>", published=pub, source=source, url=url, title=title
        )
    except InputProblem as exc:
        raise ValueError(str(exc)) from None
    result = next(iter(process([article])))
    assert isinstance(result, ArticleResult)
    return result.events
