"""Typed records exchanged between marsad's stages.

Data flows one way: ingest -> clean -> nlp -> time / places / actors -> events -> merge
-> store -> export. Each stage takes and returns the records below, so any stage can be
used on its own from Python.

Character offsets (``start``/``end``) in every mention and in :class:`Evidence` are
offsets into :attr:`Document.text`, the cleaned text that the store keeps for each article.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

# ACLED time_precision: 1 = the day is known, 2 = about a week, 3 = a month or wider.
TIME_DAY, TIME_WEEK, TIME_MONTH = 1, 2, 3
# ACLED geo_precision: 1 = the town itself, 2 = near / part of a region, 3 = a province.
GEO_TOWN, GEO_NEAR, GEO_PROVINCE = 1, 2, 3

# ACLED's taxonomy: each of the 25 sub_event_types belongs to one of 6 event_types.
EVENT_TYPE_OF: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

# When one event is told as several sub-event types, the most specific reading stands
# (ACLED's precedence: a suicide bombing over an IED, a change of territory over a clash).
SUB_EVENT_SPECIFICITY: dict[str, int] = {
    "Government regains territory": 5,
    "Non-state actor overtakes territory": 5,
    "Non-violent transfer of territory": 4,
    "Suicide bomb": 6,
    "Air/drone strike": 5,
    "Shelling/artillery/missile attack": 4,
    "Remote explosive/landmine/IED": 4,
    "Armed clash": 2,
}


@dataclass(slots=True)
class Evidence:
    """Where a field's value comes from: the words, and the rule or model that read them."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    field: str
    method: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Article:
    """One input article as read by ``ingest``: raw text plus what is known about it."""

    id: str
    text: str
    origin: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    published_method: str | None = None
    language: str | None = None


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(slots=True)
class DroppedSpan:
    """A piece of the raw text that ``clean`` left out, and why."""

    text: str
    reason: str


@dataclass(slots=True)
class Document:
    """An article after ``clean`` (text, paragraphs) and ``nlp`` (sentences, spaCy doc)."""

    article: Article
    text: str
    paragraphs: list[tuple[int, int]]
    dropped: list[DroppedSpan] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    doc: Any = None  # spacy.tokens.Doc once the nlp stage has run
    dateline: tuple[int, int] | None = None  # "MOGADISHU, 16 October 2017": filed from

    @property
    def article_id(self) -> str:
        return self.article.id

    def paragraph_of(self, offset: int) -> int:
        for i, (start, end) in enumerate(self.paragraphs):
            if start <= offset < end:
                return i
        return len(self.paragraphs) - 1

    def sentence_at(self, offset: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None


@dataclass(slots=True)
class DateMention:
    """A date expression resolved to an interval [earliest, latest]."""

    start: int
    end: int
    text: str
    earliest: date
    latest: date
    precision: int
    rule: str
    confidence: float = 0.8


@dataclass(slots=True)
class PlaceMention:
    """A toponym resolved against the gazetteer."""

    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    latitude: float
    longitude: float
    country_code: str
    country: str
    admin1: str | None
    admin2: str | None
    feature: str  # city | admin1 | admin2 | country | physical | region
    geo_precision: int
    confidence: float
    candidates_considered: int = 0
    method: str = "gazetteer"
    population: int = 0


@dataclass(slots=True)
class ActorMention:
    """A reference to an actor, canonicalised against the actor dictionary."""

    start: int
    end: int
    text: str
    actor: str
    inter: int
    country: str | None
    method: str  # dictionary | nationality | ner | coreference
    confidence: float
    key: str = ""  # short stable id of the dictionary entry, e.g. "IS"


@dataclass(slots=True)
class EventMention:
    """One event as one sentence tells it."""

    article_id: str
    sentence_index: int
    trigger_start: int
    trigger_end: int
    trigger: str
    event_type: str
    sub_event_type: str
    actor1: ActorMention | None = None
    assoc_actor_1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc_actor_2: ActorMention | None = None
    place: PlaceMention | None = None
    date: DateMention | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    claimed_by: str | None = None
    modality: str = "asserted"  # asserted | claimed
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)
    # one of the places a sentence lists for one deed ("shelled Hays and At Tuhayta"): the
    # sentence tells one event per place, as ACLED codes them
    listed: bool = False
    # the article's episodes, numbered from 0: each sentence that opens "In a separate
    # incident", "Separately", "Elsewhere" starts a new one; mentions of one article in
    # different episodes tell different events
    episode: int = 0


@dataclass(slots=True)
class Event:
    """One real-world event: an ACLED-style row plus every mention and source behind it."""

    event_id: str
    event_date: date
    time_precision: int
    date_earliest: date
    date_latest: date
    event_type: str
    sub_event_type: str
    actor1: str | None
    assoc_actor_1: str | None
    inter1: int | None
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int | None
    country: str | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    claimed_by: str | None
    notes: str
    source: str
    source_url: str | None
    n_sources: int = 1  # distinct reports, a syndicated copy counting once
    evidence: list[Evidence] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list, repr=False)
    article_ids: list[str] = field(default_factory=list)

    def to_dict(self, *, with_evidence: bool = True) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for name in EVENT_COLUMNS:
            value = getattr(self, name)
            row[name] = value.isoformat() if isinstance(value, date) else value
        if with_evidence:
            row["evidence"] = [ev.to_dict() for ev in self.evidence]
        return row


EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "time_precision",
    "date_earliest",
    "date_latest",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "country_code",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "claimed_by",
    "notes",
    "source",
    "source_url",
    "n_sources",
)


@dataclass(slots=True)
class ControlInterval:
    """Who held a place from when to when, and what supports it."""

    place: str
    geonameid: int | None
    holder: str
    start: date | None
    end: date | None
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    conflicting: list[Evidence] = field(default_factory=list)
