"""Toponym recognition and resolution over a parsed spaCy ``Doc``.

Recognition joins spaCy's GPE/LOC/FAC entities with a scan of capitalised token n-grams
against the gazetteer (so "Palmyra" tagged PERSON and "al-Tabqa" tagged ORG still count),
filtered by context: stop words, months, common nouns, surnames of people named in the
article, titles ("President X") and words inside longer organisation or person names are
rejected. Arabic transliteration variants are matched through a skeleton key
("Deir az-Zour" -> Deir ez-Zor, "Hawija" -> Al Hawijah) checked with rapidfuzz.

Resolution ranks each mention's candidates by population, feature type, the mention's form
("the city of", "X province"), the countries named in the article (names, demonyms and places
that can only be in one country) and distance to the article's other places, in two passes.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from marsad.nlp import ECONOMIC_AFTER, doc_text
from marsad.places.gazetteer import (
    ADMIN1,
    ADMIN2,
    ALT,
    ARTICLES,
    CITY,
    COUNTRY,
    DERIVED,
    FEATURE_NAMES,
    MAIN,
    PHYSICAL,
    REGION,
    Candidate,
    Gazetteer,
    haversine_km,
    normalize,
    skeleton,
)
from marsad.records import GEO_NEAR, GEO_PROVINCE, GEO_TOWN, PlaceMention

MAX_NGRAM = 6
# What a country keeps in another: its demonym there says whose, not where.
ABROAD_MISSIONS = frozenset(
    {"consulate", "embassy", "ambassador", "consul", "envoy", "diplomat", "legation"}
)
SPELLING_RATIO = 75  # least likeness of a name to a spelling of a town of its locator
POP_WEIGHT = 0.16  # score per decade of population (cities)
CC_WEIGHT = 1.6  # score for a candidate in the article's only country
_CAPITALS: set[int] = set()  # national capitals of the loaded gazetteer
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCK_LABELS = frozenset(
    {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}
)
MONTHS_DAYS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
COMMON = frozenset(
    [
        "police",
        "president",
        "army",
        "university",
        "street",
        "north",
        "south",
        "east",
        "west",
        "central",
        "union",
        "justice",
        "department",
        "mobile",
        "date",
        "christmas",
        "god",
        "man",
        "sun",
        "star",
        "mission",
        "forces",
        "regime",
        "coalition",
        "aid",
        "hope",
        "media",
        "news",
        "report",
        "reports",
        "city",
        "town",
        "village",
        "province",
        "state",
        "county",
        "district",
        "government",
        "minister",
        "ministry",
        "general",
        "governor",
        "mayor",
        "senator",
        "judge",
        "court",
        "house",
        "church",
        "school",
        "college",
        "hospital",
        "airport",
        "station",
        "bridge",
        "river",
        "lake",
        "mountain",
        "island",
        "beach",
        "park",
        "road",
        "avenue",
        "square",
        "center",
        "centre",
        "market",
        "office",
        "council",
        "party",
        "team",
        "club",
        "company",
        "group",
        "bank",
        "fire",
        "water",
        "power",
        "people",
        "time",
        "day",
        "week",
        "year",
        "today",
        "tonight",
        "morning",
        "evening",
        "lord",
        "king",
        "queen",
        "prince",
        "saint",
        "mother",
        "father",
        "brother",
        "sister",
        "son",
        "daughter",
        "home",
        "love",
        "life",
        "world",
        "earth",
        "national",
        "international",
        "federal",
        "republic",
        "democratic",
        "islamic",
        "muslim",
        "christian",
        "jewish",
        "arab",
        "kurdish",
        "page",
        "video",
        "photo",
        "caption",
        "image",
        "read",
        "more",
        "said",
        "says",
        "say",
        "according",
        "also",
        "however",
        "but",
        "first",
        "second",
        "third",
        "new",
        "old",
        "great",
        "little",
        "big",
        "best",
        "good",
        "bad",
        "black",
        "white",
        "red",
        "green",
        "blue",
        "liberty",
        "independence",
        "freedom",
        "victory",
        "unity",
        "peace",
        "hell",
        "heaven",
        "paradise",
        "eden",
        "mercy",
        "grace",
        "chance",
        "enterprise",
        "commerce",
        "industry",
        "energy",
        "progress",
        "reform",
        "summit",
        "post",
        "globe",
        "herald",
        "times",
        "tribune",
        "sentinel",
        "examiner",
        "gazette",
        "chronicle",
        "journal",
        "express",
        "dr",
        "sen",
        "gen",
        "rev",
        "officer",
        "commissioner",
        "way",
        "hall",
        "bell",
        "olympic",
        "leader",
        "vice",
        "secretary",
        "patrol",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "ridge",
        "jesus",
        "rodeo",
        "western",
        "eastern",
        "northern",
        "southern",
        "upper",
        "lower",
    ]
)
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "president",
        "gen",
        "general",
        "col",
        "colonel",
        "lt",
        "capt",
        "captain",
        "sgt",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "mayor",
        "judge",
        "minister",
        "sheikh",
        "imam",
        "king",
        "queen",
        "prince",
        "pope",
        "rev",
        "father",
        "saint",
        "st",
        "chief",
        "commander",
        "officer",
        "detective",
    ]
)
_DIR = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern|ward)?"
NEAR_BEFORE = re.compile(
    rf"(?:\b{_DIR}\s+(?:rural\s+|countryside\s+|outskirts\s+|suburbs\s+|bank\s+|side\s+|"
    rf"part\s+|edge\s+|(?:of|bank of|side of|part of|edge of|outskirts of|suburbs of|"
    rf"countryside of|parts of|areas of)\s+)?(?:the\s+)?"
    r"|\b(?:near|outside|around|outskirts of|suburbs of|countryside of|vicinity of|"
    r"rural|environs of|close to|just outside|miles from|kilometers from|km from|"
    r"kilometres from)\s+(?:the\s+)?)$",
    re.I,
)
NEAR_AFTER = re.compile(
    rf"^(?:'s\s+{_DIR}\b|'s\s+(?:outskirts|suburbs|countryside|environs)|\s+(?:countryside|"
    r"outskirts|suburbs|environs|area|region|surroundings)\b)",
    re.I,
)
# A compass part of a province's countryside: "the eastern Deir ez-Zor countryside", "in the
# southern countryside of Idleb", "rural northern Hama", "northern Idleb province" (not
# "20 km north of Raqqa": a distance from the town)
TOWARD_BEFORE = re.compile(
    rf"\b({_DIR})\s+(?:rural\s+|countryside\s+of\s+|(?:parts?|areas?|side)\s+of\s+)?"
    r"(?:the\s+)?$",
    re.I,
)
TOWARD_RURAL = re.compile(
    r"^\s+(?:countryside|desert|badia|province|governorate)\b|^'s\s+countryside\b", re.I
)
# ... or with the rural word before it: "rural northern Hama", "the northern countryside of"
TOWARD_RURAL_BEFORE = re.compile(r"\b(?:rural|countryside of)\s+(?:the\s+)?$", re.I)
_BEARINGS = {
    "north": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "west": 270.0,
    "northwest": 315.0,
}


def _bearing(word: str) -> float | None:
    """Degrees from north of a compass word: "northern" 0, "south-eastern" 135."""
    w = word.lower().replace("-", "")
    for suffix in ("ern", "ward"):
        w = w.removesuffix(suffix)
    return _BEARINGS.get(w)


PROVINCE_AFTER = re.compile(
    r"^\s+(?:province|governorate|region|oblast|state|department|departamento)\b", re.I
)
PROVINCE_BEFORE = re.compile(r"\b(?:province|governorate|state)\s+of\s+(?:the\s+)?$", re.I)
COUNTY_AFTER = re.compile(
    r"^\s+(?:county|district|parish|municipality|municipio|lga|township|commune|tehsil|taluka?"
    r"|sub-?district|subdivision)\b",
    re.I,
)
# "Qayyarah airbase (Ninewa)": a site named for its town, and the town's province after it
SITE_LOCATED = re.compile(r"^\s+(?:air\s?base|airport|airfield|military base|base|camp)\s*\(", re.I)
# "Colonia Libertad", "Barrio San Juan", "Bairro Centro": a neighbourhood's name, whose words
# are no town of their own
HOOD_HEAD = frozenset(
    [
        "colonia",
        "col",
        "barrio",
        "bairro",
        "fraccionamiento",
        "fracc",
        "vila",
        "barangay",
        "brgy",
        "hay",
    ]
)
# "Cidade Nova neighborhood", "Palanpur area of Surat city"
HOOD_AFTER = re.compile(
    # ("Bab Touma and Al Qassaa neighbourhoods of Damascus": a list of them too)
    r"^(?:\s+[A-Z][\w'-]*|\s*,|\s+and){0,6}\s+"
    r"(?:neighbou?rhoods?|colony|barrio|bairro|slum|(?:area|quarter|locality)s?\s+of"
    # "Salah and Al Qahirah districts of Taizz city": a city's districts
    r"|districts?\s+of\s+(?:[A-Z][\w'-]*\s+){1,2}city)\b"
)
# "Moreno Square", "San Fernando company", "the Ilya intersection": a site named after a
# place, which may be far
FACILITY_AFTER = re.compile(
    r"^\s+(?:square|plaza|company|metro|intersection|roundabout|hospital|cemetery)\b", re.I
)
RIVER_AFTER = re.compile(r"^\s+river\b", re.I)
CITY_BEFORE = re.compile(
    r"\b(?:city|town|village|capital|suburb|hamlet|township)\s+of\s+(?:the\s+)?$", re.I
)
# ACLED's "Hayet village, coded to Maskana": the coder's own word for where
CODED_BEFORE = re.compile(r"\bcoded\s+(?:to|as|at)\s+(?:the\s+)?$", re.I)
STRONG_CUE = re.compile(
    r"\b(?:city|town|village|province|governorate|district|region|suburb|outskirts|"
    r"countryside|villages|towns|vicinity|environs|surroundings|badia)\s+of\s+(?:the\s+)?$"
    r"|\b(?:in|of) rural\s+$"  # "several locations in rural Tal Tamer"
    r"|" + CODED_BEFORE.pattern,
    re.I,
)
WEAK_CUE = re.compile(r"\b(?:in|near|outside|from|to|at|into|toward|towards)\s+$")
IN_CUE = re.compile(r"\b(?:in|near|outside|at)\s+$")
NEAR_CUE = re.compile(r"\b(?:near|outside|nearby)\s+(?:the\s+)?$", re.I)
# What is done to a place, never to a person: "shelled Tal Tamer", "besieged Kafr Nabudah"
HIT_CUE = re.compile(r"\b(?:shelled|bombarded|besieged|overran|shelling of)\s+$", re.I)
# "Tal Tamer countryside", "the Aleppo outskirts"
RURAL_AFTER = re.compile(r"^\s+(?:countryside|outskirts|badia|desert)\b", re.I)
# the noun of a place after a name: "Ziyara town", "Jeb Ej-Jarrah area", "Harbal axis"
PLACE_NOUN_AFTER = re.compile(
    r"^\s+(?:city|town|village|area|axis|front|frontline|district|sub-?district|camp"
    r"|countryside|outskirts|badia|desert)\b",
    re.I,
)
CITY_AFTER = re.compile(r"^\s+(?:city|town|village)\b", re.I)
# ACLED's locator, "Sidi Bouafif (Hoceima)", "Garabulli (Almargeb)": the name before it is
# a place whatever the tagger said.
LOCATOR_AFTER = re.compile(r"^\s*\((?:[A-Z][\w'.-]*(?:[ ,-]+|(?=\))))+\)")
# ... its parenthesis after a word, and a division's name in it (one to three words)
LOCATOR_GROUP = re.compile(r"(?<=\w) \(([A-Z][^()]{1,80})\)")
LOCATOR_PIECE = re.compile(r"(?:[A-Z][\w'’.]*(?:-[\w'’.]+)*)(?:[ -][A-Z][\w'’.]*){0,2}")
# A division's unit word, which a spelling is compared without ("Al Mahrah Governorate").
UNIT_SUFFIX = re.compile(r"\s+(?:governorate|province|district|region|wilayah|county)$")
# Names of things that are named after places or people ("Molotov cocktail").
THING_AFTER = re.compile(r"^\s+cocktails?\b", re.I)
# "the Baggara tribe", "the Hawiye clan": a people named, not a place ("a Toronto family"
# is a family of that town)
KIN_AFTER = re.compile(r"^\s+(?:tribes?|clans?|sub-clans?)\b", re.I)
CAPITAL_BEFORE = re.compile(
    r"\b(?:(?:provincial|regional|state|national)\s+)?capital(?:\s+city)?,?\s+of"
    r"\s+(?:the\s+)?$",
    re.I,
)


@dataclass(slots=True)
class _Mention:
    start: int  # char offsets
    end: int
    text: str
    cands: list[Candidate]
    via: str  # ner | gazetteer | skeleton | fuzzy | given
    label: str = ""
    partial: bool = False  # a piece of a longer name ("Adan" of "Adan Ade airport")
    cue_admin: bool = False
    cue_city: bool = False
    cue_county: bool = False
    near: bool = False
    capital: int = -1  # char start of "capital of" phrase when the mention is its anchor
    scores: list[float] = field(default_factory=list)
    conf: float = 0.5
    within_cc: frozenset = frozenset()  # "X, Iraq" / "X in Iraq": containing countries
    within_a1: frozenset = frozenset()  # "Gainesville, Ga.": containing admin1 codes
    strict_cc: frozenset = frozenset()  # "Buleda (Kech, Balochistan)": must lie in these
    hood: bool = False  # "in Cidade Nova neighborhood"
    holder: _Mention | None = None  # the first-level division named after it ("X, Y")
    outer: _Mention | None = None  # the last place of the parenthesis that locates it
    unit: _Mention | None = None  # the district that holds it ("X village of Y district, Z")
    modifier: bool = False  # "a US drone strike": a name that qualifies a thing
    toward: float | None = None  # "the eastern X countryside": the bearing, degrees from north


def _strip_the(text: str) -> str:
    t = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
    return re.sub(r"['’]s$", "", t)


def _dearticle(key: str) -> str:
    w = key.split()
    return " ".join(x for x in w if x not in ARTICLES) or key


# Spellings of one Arabic sound: "Ain Issa", "Ein Issa" and "Ayn Isa" are one town.
_AIN = re.compile(r"\b(?:ain|ein|ayn|ayin)\b")


def _plain(key: str) -> str:
    """A normalised name with its ``ain`` spellings made one."""
    return _AIN.sub("ayn", key)


# how like a name of the division a name must be spelt when no skeleton agrees
DIVISION_RATIO = 88
# how much further off a big city's spelling may be than the closest name's (see below)
BIG_CITY_SLACK = 5


def _fuzzy_candidates(
    gaz: Gazetteer,
    text: str,
    min_ratio: float,
    min_pop: int,
    keep: Callable[[Candidate], bool] | None = None,
    spellings: bool = False,
) -> list:
    """Spelling variants of ``text`` (same transliteration skeleton, fuzzy ratio at least
    ``min_ratio``), the best-matching names only; ``keep`` narrows the candidates before
    the best are chosen (a division's towns, not the best match anywhere). Entries are
    compared by their main name, or with ``spellings`` by their nearest spelling, main or
    alternate ("Makhmour": Mexmur by its alternate name Makhmur) — only where ``keep``
    already narrows them to a province, since alternate names in every script make far
    homonyms of many a village ("Ichen": Icheon, Korea)."""
    base = _dearticle(normalize(text))
    if len(base) < 3:
        return []
    plain = _plain(base)
    ratios: dict[str, float] = {}

    def accept(name: str) -> bool:
        r = ratios.get(name)
        if r is None:
            full = _dearticle(normalize(name))
            # "Al Maharah" against "Al Mahrah Governorate": the name without its unit word
            bare = UNIT_SUFFIX.sub("", full)
            r = ratios[name] = max(
                fuzz.ratio(base, full), fuzz.ratio(base, bare), fuzz.ratio(plain, _plain(full))
            )
        return r >= min_ratio - BIG_CITY_SLACK

    if spellings:
        nearest: dict[int, float] = {}
        for i, spelling in gaz.skeleton_spellings(text):
            if accept(spelling):
                nearest[i] = max(nearest.get(i, 0.0), ratios[spelling])
        found = [(r, gaz.candidate(i, DERIVED)) for i, r in nearest.items()]
    else:
        found = [(ratios[c.name], c) for c in gaz.lookup_skeleton(text, accept)]
    out = [
        (r, c)
        for r, c in found
        if (c.population >= min_pop or c.feature != CITY) and (keep is None or keep(c))
    ]
    near = [(r, c) for r, c in out if r >= min_ratio]
    if not near:
        return []
    best = max(r for r, _ in near)
    closest = [c for r, c in near if r >= best - 5]
    # a city of 100,000 or more, fifty times the size of every closest name, under a spelling
    # a little further off ("Nassriya": Nasiriyah of 560,000, not the West Bank village An
    # Nassariyah)
    top = max(c.population for c in closest)
    return closest + [
        c
        for r, c in out
        if r < best - 5 and c.feature == CITY and c.population >= max(100_000, 50 * top)
    ]


def _token_ok_start(tok) -> bool:
    t = tok.text
    if not t or not t[0].isalpha():
        return False
    if t[0].isupper():
        return True
    # al-Tabqa, el-Arish, ar-Raqqa
    return t.lower() in ARTICLES and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"


def _is_notable(cands: list[Candidate]) -> bool:
    # (a district only geoBoundaries knows is no notable place: "Johnson" said, not the
    # county; it is named with its unit word)
    return any(
        (c.feature != CITY and not _shape_only([c])) or c.population >= 10_000 for c in cands
    )


# A town's unit word after its name: "Hays city", "Ad Dali town"; a locator's bracket.
TOWN_WORD_END = re.compile(r"\s+(?:city|town)$", re.I)
LOCATOR_OPENS = re.compile(r"\s*\(")


def _with_bare_name(
    gaz: Gazetteer, text: str, cands: list[Candidate], after: str
) -> list[Candidate]:
    """``cands`` of a name ending in "city" or "town" that GeoNames files only as another
    name of one place ("Hays City", an old name of Hays, Kansas), with the towns and
    districts its bare name names, where a bracketed locator follows: "Hays city (Al
    Hudaydah)" is Hays, Yemen, and the locator chooses. A main name ("Mexico City", "Kansas
    City") stands alone, as does one told without a locator ("Quebec City")."""
    end = TOWN_WORD_END.search(text)
    if (
        end is None
        or not cands
        or not LOCATOR_OPENS.match(after)
        or any(c.match == MAIN for c in cands)
    ):
        return cands
    seen = {c.index for c in cands}
    bare = [
        c
        for c in gaz.lookup(text[: end.start()])
        if c.index not in seen and c.feature in (CITY, ADMIN2)
    ]
    return cands + bare


def _candidates_for_text(gaz: Gazetteer, text: str) -> tuple[list[Candidate], str]:
    cands = gaz.lookup(text)
    if cands:
        return cands, "exact"
    t2 = _strip_the(text)
    if t2 != text:
        cands = gaz.lookup(t2)
        if cands:
            return cands, "exact"
    t3 = re.sub(
        r"\s+(?:province|governorate|region|district|county|city|state|oblast|river|"
        r"municipality|lga|township|commune)$",
        "",
        t2,
        flags=re.I,
    )
    if t3 != t2:
        cands = gaz.lookup(t3)
        if re.search(r"\sriver$", t2, re.I):
            cands = [c for c in cands if c.feature == PHYSICAL]  # "Aji River" is no town Aji
        if cands:
            return cands, "exact"
    cands = _fuzzy_candidates(gaz, t3, 85, 0)
    if cands:
        return cands, "skeleton"
    return [], ""


# words that may follow a place name inside a longer name without making it another place
# ("Mosul Dam", "Kirkuk Province", "Adan Ade airport")
GENERIC = frozenset(
    [
        "dam",
        "base",
        "airbase",
        "camp",
        "prison",
        "jail",
        "valley",
        "mountains",
        "hills",
        "hill",
        "governorate",
        "region",
        "oblast",
        "municipality",
        "lga",
        "township",
        "commune",
        "area",
        "sector",
        "border",
        "crossing",
        "checkpoint",
        "highway",
        "plain",
        "desert",
        "gulf",
        "bay",
        "sea",
        "coast",
        "strait",
        "peninsula",
        "refinery",
        "mosque",
        "temple",
        "shrine",
        "stadium",
        "mall",
        "hotel",
        "port",
        "harbor",
        "harbour",
        "field",
        "oilfield",
        "garrison",
        "front",
        "corridor",
        "junction",
        "old",
        "new",
        "metro",
        "international",
        "municipal",
        "provincial",
        "regional",
    ]
)


def _glued(a, b) -> bool:
    """Tokens ``a`` and ``b`` (adjacent) are written without a space between them."""
    return not a.whitespace_ and b.i == a.i + 1


def _one_name(a, b) -> bool:
    """Adjacent tokens ``a`` and ``b`` read as one name: both in the same place entity, or
    neither in any entity ("Ras Jabel", but not "Litchfield Selectman", "Lombard Historical
    Society", "Mount Pleasant High School", which the tagger keeps apart or calls ORG/FAC)."""
    if b.ent_iob_ == "I" and a.ent_type_ in ("GPE", "LOC"):
        return True
    return not a.ent_type_ and not b.ent_type_


# Words that open Arabic place names and are no place alone: "Abu Hamam", "Ain Issa",
# "Bir Ahmad", "Kafr Nabl", "Tal Tamer", "Khirbet Ghazaleh", "Jabal al Zawiya".
NAME_HEADS = frozenset(
    [
        "abu",
        "umm",
        "um",
        "ain",
        "ein",
        "bir",
        "beit",
        "bayt",
        "kafr",
        "kfar",
        "tal",
        "tall",
        "tell",
        "deir",
        "dayr",
        "ras",
        "khirbet",
        "khirbat",
        "jabal",
        "jebel",
        "wadi",
        "sheikh",
        "shaykh",
        "mazraat",
        "mazraa",
        "qasr",
        "marj",
        "nahr",
        "hay",
        "hayy",
    ]
)


def _name_head_alone(doc: Doc, span: Span) -> bool:
    """``span`` is one such opening word, and a capitalised word follows it."""
    if len(span) != 1 or span[0].lower_ not in NAME_HEADS or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.text[:1].isupper() and nxt.is_alpha and not nxt.is_sent_start


def _partial(doc: Doc, start: int, end: int, gaz: Gazetteer | None = None) -> str:
    """Whether tokens ``start:end`` are only part of a longer proper name: "hyphen" for a
    piece of a hyphenated compound ("Ouro" of "Djongue-Ouro", "Shar" of "Shar-i-Shali"),
    "prefix" for the head or tail of a longer capitalised name ("Ras" of "Ras Jabel"),
    "linked" for a piece of a name joined by a particle ("Rocha" of "Catole do Rocha")."""
    n = len(doc)

    def known(tok) -> bool:  # "Fargo-Moorhead": two places, each itself
        return gaz is not None and gaz.has_key(normalize(tok.text))

    if (
        end + 1 < n
        and doc[end].text in ("-", "‐")
        and _glued(doc[end - 1], doc[end])
        and _glued(doc[end], doc[end + 1])
    ):
        nxt = doc[end + 1]
        if (nxt.text[:1].isupper() and not known(nxt)) or (
            len(nxt.text) <= 2 and end + 2 < n and doc[end + 2].text == "-"
        ):
            return "hyphen"
    if start >= 2 and doc[start - 1].text in ("-", "‐") and _glued(doc[start - 1], doc[start]):
        prev = doc[start - 2]
        if (
            _glued(prev, doc[start - 1])
            and prev.text[:1].isalpha()
            and len(prev.text) > 1  # "D-Cook", "R-Elbow Lake": a party and a district
            and not prev.text.isupper()  # "DFL-Cook"
            and not known(prev)
        ):
            return "hyphen"
    if (
        end < n
        and _name_word(doc[end])
        and doc[end - 1].text[-1:] not in ",.;:"
        and _one_name(doc[end - 1], doc[end])
    ):
        return "prefix"
    if (
        start > 0
        and _name_word(doc[start - 1])
        and not doc[start].is_sent_start
        and _one_name(doc[start - 1], doc[start])
    ):
        return "prefix"
    # "Cite El Khadra", "Catole do Rocha", "Sao Sebastiao da Boa Vista", "Bir at Tutah"
    nxt_i = end + 1
    if nxt_i + 1 < n and doc[nxt_i].text == "-" and _glued(doc[end], doc[nxt_i]):
        nxt_i += 1  # "Wadi al-Rabi"
    if (
        nxt_i < n
        and doc[end].lower_ in NAME_LINKS
        and doc[nxt_i].text[:1].isupper()
        and doc[nxt_i].is_alpha
        and doc[end - 1].text[-1:] not in ",.;:"
    ):
        return "linked"
    if (
        start >= 2
        and doc[start - 1].lower_ in NAME_LINKS
        and doc[start - 2].text[:1].isupper()
        and doc[start - 2].is_alpha
        and not doc[start - 1].is_sent_start
        and doc[start - 2].lower_ not in COMMON
        and doc[start - 2].lower_ not in TITLES
        and doc[start - 2].lower_ not in MONTHS_DAYS
    ):
        return "linked"
    return ""


# lower-case words inside Romance and Arabic place names
NAME_LINKS = frozenset(
    [
        "da",
        "do",
        "dos",
        "das",
        "de",
        "del",
        "di",
        "du",
        "des",
        "la",
        "las",
        "los",
        "le",
        "el",
        "al",
        "at",
        "ash",
        "as",
        "az",
        "ad",
        "ar",
        "an",
        "ez",
        "es",
        "en",
        "ed",
        "er",
        "imeni",
        "i",
        "e",
    ]
)


TIME_AFTER = re.compile(r"\s+(?:local\s+)?time\b", re.I)
ROAD_NEXT = re.compile(r"\s+(?:highway|road|motorway|expressway|railway|pipeline)s?\b", re.I)


def _spaced_dash(doc: Doc, k: int) -> bool:
    """Token ``k`` is a dash with a space on each side: "Al Hudaydah - Shari al Mina"."""
    tok = doc[k]
    if tok.text not in ("-", "–") or k == 0 or k + 1 >= len(doc):
        return False
    return bool(doc[k - 1].whitespace_) and bool(tok.whitespace_)


def _name_word(tok) -> bool:
    """A capitalised word of a proper name that is no title, cue or common word."""
    low = tok.lower_
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.is_sent_start
        and tok.pos_ == "PROPN"
        and low not in COMMON
        and low not in GENERIC
        and low not in STOP_WORDS
        and low not in MONTHS_DAYS
        and low not in TITLES
        and low not in ARTICLES
    )


# Verbs a source is the subject of: "SANA said", "SABA reported".
SOURCE_VERBS = frozenset({"say", "report", "claim", "state", "quote", "announce", "add"})


def _source_named(doc: Doc, span: Span) -> bool:
    """An acronym told as a source, not a place: "SANA said air defences intercepted
    missiles", "according to SABA" (Sanaa is Yemen's capital; SANA is Syria's news agency)."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lemma_.lower() in SOURCE_VERBS:
        return True
    return span.start >= 2 and doc[span.start - 2 : span.start].text.lower() == "according to"


def _mixed_case(word: str) -> bool:
    """An abbreviation with inner capitals ("LoC", "GoI"), not a name ("Ur", "Iraq")."""
    return any(ch.isupper() for ch in word[1:]) and any(ch.islower() for ch in word)


def _notable_part(cands: list[Candidate], kind: str) -> bool:
    """A place prominent enough to be named inside a longer name ("Mogadishu-Wadajir")."""
    if kind == "linked":
        return any(c.feature in (COUNTRY, ADMIN1) and c.match == MAIN for c in cands)
    if kind == "hyphen":
        return any(
            c.feature == COUNTRY or (c.feature == CITY and c.population >= 100_000) for c in cands
        )
    return any(
        (c.feature in (COUNTRY, ADMIN1) and c.match == MAIN)
        or (c.feature == CITY and c.population >= 100_000)
        or c.feature in (PHYSICAL, REGION)
        for c in cands
    )


def _hood_run(doc: Doc, i: int) -> int:
    """End of a neighbourhood name starting at token ``i`` ("Colonia Prados Verdes"), or
    ``i`` when there is none."""
    tok = doc[i]
    if tok.lower_.rstrip(".") not in HOOD_HEAD or not tok.text[:1].isupper():
        return i
    j = i + 1
    if j < len(doc) and doc[j].text == ".":
        j += 1
    end = j
    while j < len(doc) and "\n" not in doc[j].text:
        t = doc[j]
        if t.text[:1].isupper() or t.text[:1].isdigit():
            j += 1
            end = j
        elif t.lower_ in ("de", "del", "la", "las", "los", "do", "da", "dos", "das", "el"):
            j += 1
        else:
            break
    return end if end > i + 1 else i


def _place_cued(text: str, start: int, end: int, *, near: bool) -> bool:
    """The words around ``text[start:end]`` say it is a place: "the village of X", "X
    city", an ACLED locator "X (Admin)", and with ``near`` also "near X"."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    return bool(
        (near and (NEAR_CUE.search(before) or HIT_CUE.search(before)))
        or STRONG_CUE.search(before)
        or CITY_AFTER.match(after)
        or RURAL_AFTER.match(after)
        or LOCATOR_AFTER.match(after)
    )


def _shape_only(cands: list[Candidate]) -> bool:
    """Every candidate is a district that only geoBoundaries' shapes know (no GeoNames id,
    no town of cities500 standing for it)."""
    return bool(cands) and all(c.feature == ADMIN2 and c.geonameid is None for c in cands)


def _listed(ent: Span, text: str) -> bool:
    """A PERSON or ORG entity that is a list of places: "(Iskushuban, Bari)" or "the town
    of Hudur, Bakool region" has a comma, or opens a locator's parenthesis; a person's or an
    organisation's name seldom has either."""
    return "," in ent.text or text[max(0, ent.start_char - 1) : ent.start_char] == "("


def _recognise(doc: Doc, gaz: Gazetteer) -> tuple[list[_Mention], Counter, set[str]]:
    text = doc_text(doc)
    demonym_cc: Counter = Counter()
    person_tokens: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and not _listed(ent, text):
            for tok in ent[1:]:
                person_tokens.add(tok.lower_)
    mentions: list[_Mention] = []
    taken = [False] * len(doc)
    n = len(doc)

    ent_at: dict[int, Span] = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            ent_at[k] = ent

    def ent_of(tok) -> Span | None:
        return ent_at.get(tok.i)

    def record(span: Span, cands: list[Candidate], via: str, label: str, part: str = "") -> None:
        """Record ``span`` as a place mention and take its tokens from later passes."""
        mentions.append(
            _Mention(
                span.start_char, span.end_char, span.text, cands, via, label, partial=bool(part)
            )
        )
        for k in range(span.start, span.end):
            taken[k] = True

    # 0. neighbourhood names ("in Colonia Libertad") unless the gazetteer knows the whole name
    for k in range(n):
        end = _hood_run(doc, k)
        if end > k and not any(taken[k:end]):
            for e in range(end, k + 1, -1):
                cands = gaz.lookup(doc[k:e].text)
                if cands:  # a village of that name: kept if near the town named before it
                    span = doc[k:e]
                    mentions.append(
                        _Mention(span.start_char, span.end_char, span.text, cands, "gazetteer")
                    )
                    break
            for j in range(k, end):
                taken[j] = True

    # 1c. ACLED's names for a quarter of a town, "Al Hudaydah - Shari al Mina", "the city of
    # Aleppo - Al-Zahraa neighborhood", "Dar'a - Al-Balad": the town before the spaced dash
    # is a place whatever the tagger read, and the quarter's name is no town of its own
    # (not Minya, Egypt, nor Balad, Iraq) -- unless the two name a road's ends
    for k in range(n):
        if not _spaced_dash(doc, k) or taken[k]:
            continue
        town = None
        for lo in range(max(0, k - 6), k):
            span = doc[lo:k]
            if any(taken[lo:k]) or not all(
                _name_piece(t) or t.lower_ in NAME_LINKS or (t.text == "-" and not t.whitespace_)
                for t in span
            ):
                continue
            if not span[0].text[:1].isupper():
                continue
            found = gaz.lookup(span.text)
            if any(c.feature == CITY for c in found):
                town = span
                record(span, found, "gazetteer", (ent_of(span[0]) or span).label_)
                break
        if town is None:
            continue
        hi = k + 1
        while (
            hi < n and (_name_piece(doc[hi]) or doc[hi].text == "-") and not _spaced_dash(doc, hi)
        ):
            hi += 1
        quarter = doc[k + 1 : hi]
        if not len(quarter) or ROAD_NEXT.match(text, quarter.end_char):
            continue
        home = {c.country_code for c in mentions[-1].cands}  # (the town just recorded)
        if any(
            c.feature == CITY and c.population >= 20_000 and c.country_code in home
            for c in gaz.lookup(quarter.text)
        ):
            continue  # "Aden - Lahij": two towns (not "Baghdad - Al Rashid": Rosetta, Egypt)
        for j in range(k + 1, hi):
            taken[j] = True

    # 1. spaCy place entities: whole entity first; two adjacent ones that together are a
    # known name are one ("Baja" + "California")
    place_ents: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        prev = place_ents[-1] if place_ents else None
        if (
            prev is not None
            and prev.end == ent.start
            and gaz.has_key(normalize(doc[prev.start : ent.end].text))
        ):
            place_ents[-1] = Span(doc, prev.start, ent.end, label=prev.label_)
            continue
        place_ents.append(ent)
    for ent in place_ents:
        if any(taken[ent.start : ent.end]):
            continue
        etext = ent.text
        if "\n" in etext:
            continue
        if len(ent) == 1 and ent.text.lower() in COMMON:
            continue  # "Airport", "Centre"
        cands, how = _candidates_for_text(gaz, etext)
        if how == "exact":
            cands = _with_bare_name(gaz, etext, cands, text[ent.end_char : ent.end_char + 5])
        if not cands:
            continue
        part = _partial(doc, ent.start, ent.end, gaz)
        if part and not _notable_part(cands, part):
            continue  # "Rocha" of "Catole do Rocha"
        s, e = ent.start, ent.end
        if how == "exact" and normalize(etext) != normalize(_strip_the(etext)):
            # drop a leading "the" / trailing "'s" from the span
            if ent[0].lower_ == "the":
                s += 1
            if e - s > 1 and doc[e - 1].text in ("'s", "’s"):
                e -= 1
        span = doc[s:e]
        if not span.text.strip():
            continue
        record(span, cands, "ner" if how == "exact" else "skeleton", ent.label_, part)

    # 1b. the divisions in an ACLED locator, "Dand Patan district (Paktya)", "(Sirwah,
    # Marib)": places whatever the tagger said, spelt as ACLED spells them ("Paktya",
    # "Hirat", "Tartous", "Al Maharah"): a name the gazetteer has, or a province's name
    # within a small edit
    for lm in LOCATOR_GROUP.finditer(text):
        for piece in re.finditer(r"[^,]+", lm.group(1)):
            name = piece.group().strip()
            if not LOCATOR_PIECE.fullmatch(name) or (name.isupper() and len(name) <= 4):
                continue  # "(UP)", "(Islamabad, FCT)": abbreviations are left to the scan
            start = lm.start(1) + piece.start() + piece.group().index(name)
            span = doc.char_span(start, start + len(name))
            if span is None or any(taken[span.start : span.end]):
                continue
            exact = gaz.lookup(name)
            cands = exact
            if not exact or _shape_only(exact):
                # a province spelt ACLED's way; "(Hirat)" is as likely Herat province as the
                # district geoBoundaries spells so
                seen = {c.index for c in exact}
                cands = exact + [
                    c
                    for c in _fuzzy_candidates(gaz, name, 78, 0, keep=lambda c: c.feature == ADMIN1)
                    if c.index not in seen
                ]
            if not cands:
                continue
            record(
                span, cands, "gazetteer" if exact else "skeleton", (ent_of(span[0]) or span).label_
            )

    # 2. gazetteer scan of capitalised n-grams
    i = 0
    while i < n:
        tok = doc[i]
        if taken[i] or not _token_ok_start(tok):
            i += 1
            continue
        ent0 = ent_of(tok)
        if (
            ent0 is not None
            and ent0.label_ == "PERSON"
            and ent0.start == i
            and 1 < len(ent0) <= 3
            and not any(taken[ent0.start : ent0.end])
            and STRONG_CUE.search(text[max(0, tok.idx - 40) : tok.idx])
            and not gaz.has_key(normalize(ent0.text))
        ):
            # "in the vicinity of Ain Issa": a village the tagger read as a person, spelt
            # another way than the gazetteer's (its first word, "Ain", is a name of its own)
            cands = _fuzzy_candidates(gaz, ent0.text, 85, 0)
            if cands:
                record(ent0, cands, "skeleton", "PERSON")
                i = ent0.end
                continue
        best = None
        for L in range(min(MAX_NGRAM, n - i), 0, -1):
            last = doc[i + L - 1]
            if any(taken[i : i + L]) or (
                not last.text[:1].isupper() and not last.text[:1].isdigit()
            ):
                continue
            span = doc[i : i + L]
            if "\n" in span.text:
                continue
            if gaz.has_key(normalize(span.text)):
                best = span
                break
        if (
            best is not None
            and len(best) == 1
            and best[0].lower_ in ARTICLES
            and i + 2 < n
            # (the article's own: "Al-Sukhna", "Al Sukhna"; not the English "at", "an")
            and (
                doc[i + 1].text == "-"
                or (best[0].lower_ in {"al", "el"} and doc[i + 1].text[:1].isupper())
            )
        ):
            # "Al" of "Al-Sukhna" is a name of its own (Al, Norway), never taken alone: the
            # whole name is read by its skeleton
            best = None
        if best is None:
            # the words before the name, which may make it a place
            before = text[max(0, tok.idx - 40) : tok.idx]
            strong = STRONG_CUE.search(before)
            weak = WEAK_CUE.search(before)
            # transliteration skeleton for spans with an Arabic article ("Deir az-Zour")
            for L in range(min(5, n - i), 1, -1):
                span = doc[i : i + L]
                if any(taken[i : i + L]) or "\n" in span.text:
                    continue
                if not span[-1].text[:1].isupper():
                    continue
                if not any(t.lower_ in ARTICLES for t in span):
                    continue
                ent = ent_of(span[0])
                if (
                    ent is not None
                    and ent.label_ in BLOCK_LABELS
                    and (ent.start < span.start or ent.end > span.end)
                ):
                    continue  # part of "Abu Bakr al-Baghdadi", "Hashd al-Shaabi"
                if (
                    span.start > 0
                    and doc[span.start - 1].text[:1].isupper()
                    and not doc[span.start - 1].is_sent_start
                ):
                    continue
                # (a village of no recorded size where the words around make it a place:
                # "near Al-Sukhna", "the town of Al-Bara", "in Al Masloub, Al Jawf"; not "in
                # Al-Qaeda attacks")
                cued = bool(NEAR_CUE.search(before) or strong) or (
                    bool(IN_CUE.search(before))
                    and not (span.end < n and doc[span.end].pos_ in ("NOUN", "PROPN"))
                )
                cands = _fuzzy_candidates(gaz, span.text, 85, 0 if cued else 1000)
                if cands:
                    record(span, cands, "skeleton", (ent_of(span[0]) or span).label_)
                    break
            if (
                not taken[i]
                and tok.pos_ == "PROPN"
                and tok.text[:1].isupper()
                and (
                    not tok.ent_type_
                    or tok.ent_type_ in PLACE_LABELS
                    # "the village of Kansafra": a village the tagger read as a person
                    or (strong and tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B")
                )
                and (strong or weak)
            ):
                L = 2 if i + 1 < n and doc[i + 1].pos_ == "PROPN" and not taken[i + 1] else 1
                span = doc[i : i + L]
                cands = _fuzzy_candidates(gaz, span.text, 85, 0 if strong else 5000)
                if (
                    cands
                    and not _partial(doc, span.start, span.end, gaz)
                    and tok.lower_ not in person_tokens
                    and gaz.demonym(span.text) is None
                    and gaz.demonym(tok.text) is None
                ):
                    record(span, cands, "skeleton", tok.ent_type_)
            i += 1
            continue
        span = best
        low = span.text.lower().rstrip(".")
        dem = gaz.demonym(span.text)
        after = text[span.end_char : span.end_char + 40]
        cands = _with_bare_name(gaz, span.text, gaz.lookup(span.text), after)
        ent = ent_of(span[0])
        ok = True
        via = "gazetteer"
        if (
            (dem is not None and (ent is None or ent.label_ not in PLACE_LABELS))
            or (
                len(span) == 1
                and (
                    low in STOP_WORDS
                    or low in MONTHS_DAYS
                    or low in COMMON
                    or low in TITLES
                    or low in ARTICLES
                )
                and not (
                    ent is not None
                    and ent.label_ in PLACE_LABELS
                    and ent.start == span.start
                    and ent.end == span.end
                )
            )
            or (
                span.text.isupper()
                and (len(span.text) <= 3 or (len(span.text) <= 5 and _source_named(doc, span)))
                and not any(c.feature == COUNTRY for c in cands)
            )
        ):
            ok = False
        elif ent is not None and ent.label_ in BLOCK_LABELS:
            inside = ent.start <= span.start and span.end <= ent.end
            whole = ent.start == span.start and ent.end == span.end
            if inside and not whole:
                # a place name inside an organisation's name ("Texas Forest Service",
                # "Mosul University") is a toponym mention, kept at low confidence when the
                # place is prominent; inside a person's name ("Abu Bakr al-Baghdadi") it is not
                listed = ent.label_ in ("PERSON", "ORG") and _listed(ent, text)
                ok = (ent.label_ in ("ORG", "FAC", "EVENT", "WORK_OF_ART") or listed) and any(
                    (c.feature in (COUNTRY, ADMIN1) and c.match == MAIN)
                    or (c.feature == CITY and c.population >= 20_000)
                    or listed  # "Hudur, Bakool" tagged as one ORG
                    for c in cands
                )
                via = "embedded"
            elif ent.label_ == "PERSON" or ent.label_ == "ORG":
                ok = (
                    _is_notable(cands)
                    and low not in person_tokens
                    # "two Toyota Hilux trucks": a maker before its product, no town
                    and not (span.end < len(doc) and doc[span.end].ent_type_ == "PRODUCT")
                )
                # ("Ziyara town", "Tadmor badia", "Jeb Ej-Jarrah area": the noun after it
                # makes it a place)
                modifier = (
                    span.end < len(doc)
                    and doc[span.end].pos_ == "NOUN"
                    and not PLACE_NOUN_AFTER.match(after)
                )
                if not ok and whole and not modifier and low not in person_tokens:
                    # "near Opytne", "the village of Kruta Balka", "Sidi Bouafif village":
                    # the words around it make it a place whatever the tagger said
                    ok = _place_cued(text, span.start_char, span.end_char, near=True)
            elif ent.label_ == "NORP":
                ok = any(c.feature in (COUNTRY, ADMIN1) and c.match == MAIN for c in cands)
                if not ok and whole and dem is None:
                    # "in Al Hali district of Hodeidah city": a town, whatever the tagger said
                    ok = _place_cued(text, span.start_char, span.end_char, near=False)
                if not ok and whole and dem is None:
                    # "rallied in Thessaloniki demanding ...", "a protest in Qorveh against
                    # ...": a town's own name after "in", whatever the tagger said, unless
                    # it qualifies the noun after it ("in Kurdish areas")
                    ok = (
                        bool(IN_CUE.search(text[max(0, span.start_char - 12) : span.start_char]))
                        and not (span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN"))
                        and any(
                            c.feature == CITY and (c.match == MAIN or c.population >= 20_000)
                            for c in cands
                        )
                    )
            else:
                ok = _is_notable(cands)
        elif ent is None and not any(t.pos_ == "PROPN" for t in span):
            ok = False
        if (
            not ok
            and dem is None
            and cands
            and not (len(span) == 1 and (low in STOP_WORDS or low in MONTHS_DAYS or low in COMMON))
            and not span.text.isupper()
        ):
            # "Biu LGA", "Poonch district": a unit's name however the tagger labelled it
            ok = bool(
                COUNTY_AFTER.match(after)
                or PROVINCE_AFTER.match(after)
                or SITE_LOCATED.match(after)
                # "shelled A'rima town": the tagger read the name as a number
                or (CITY_AFTER.match(after) and span[0].text[:1].isupper())
            )
        if (
            ok
            and _shape_only(cands)
            and not (
                ent is not None
                and ent.label_ in ("GPE", "LOC")
                and (ent.start, ent.end) == (span.start, span.end)
            )
            and not _place_cued(text, span.start_char, span.end_char, near=True)
            and not COUNTY_AFTER.match(after)
        ):
            # a district known only by its shape, named with no word around it that makes
            # it a place: "Ford", "Glacier", "Dimes" are more often not counties
            ok = False
        part = ""
        if ok:
            part = _partial(doc, span.start, span.end, gaz)
            if part and not _notable_part(cands, part):
                ok = False  # "Ras" of "Ras Jabel", "Ouro" of "Djongue-Ouro"
            elif _name_head_alone(doc, span):
                # "the village of Abu Hamam", "Bir Ahmad": the first word of a name the
                # gazetteer lacks is no town of its own (Mount Abu, India; Beed, India)
                ok = False
        if ok and len(span) == 1 and len(span.text) <= 4 and _mixed_case(span.text):
            ok = any(c.match == MAIN and c.name == span.text for c in cands)  # "LoC", "GoI"
        if (
            ok
            and len(span) == 1
            and low in person_tokens
            and not (ent is not None and ent.label_ in PLACE_LABELS)
        ):
            ok = False
        if ok and span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES:
            ok = False
        if ok:
            record(span, cands, via, ent.label_ if ent is not None else "", part)
            i = span.end
        else:
            i += 1

    # 3. "the Afghan capital": the capital of the demonym's country ("the Iraqi capital,
    # Baghdad" names it anyway; "the Syrian capital of ..." is rarer than a name)
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if taken[tok.i] or taken[nxt.i] or nxt.lower_ != "capital" or not tok.text[:1].isupper():
            continue
        after = doc[nxt.i + 1] if nxt.i + 1 < n else None
        if after is not None and (after.pos_ == "PROPN" or after.lower_ == "of"):
            continue
        country = gaz.demonym_place(tok.text)
        capital = gaz.capital_of(country) if country is not None else None
        if capital is None:
            continue
        mentions.append(
            _Mention(
                tok.idx, nxt.idx + len(nxt.text), f"{tok.text} {nxt.text}", [capital], "capital"
            )
        )
        taken[tok.i] = taken[nxt.i] = True

    # 4. demonyms: context only
    for tok in doc:
        if not taken[tok.i] and tok.text[:1].isupper():
            dem = gaz.demonym(tok.text)
            if dem is not None and not (
                tok.head.lemma_.lower() in ABROAD_MISSIONS and tok.head.i > tok.i
            ):
                # ("the Iranian consulate in Najaf": a mission stands abroad)
                demonym_cc[dem[0]] += 1
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        _read_cues(text, m)
    for m in mentions:
        if RIVER_AFTER.match(text[m.end : m.end + 12]):
            # "Aji River": the river, or a town of that very name, not an alias match
            m.cands = [c for c in m.cands if c.feature != CITY or c.match == MAIN]
    mentions = [
        m
        for m in mentions
        if m.cands
        and not (
            ECONOMIC_AFTER.match(text[m.end : m.end + 30])
            and any(c.feature == COUNTRY for c in m.cands)
        )
        # "Molotov cocktails": a bottle of petrol, not Perm under its Soviet name
        and not THING_AFTER.match(text[m.end : m.end + 12])
        and not (
            KIN_AFTER.match(text[m.end : m.end + 12])
            and not any(c.feature in (COUNTRY, ADMIN1) for c in m.cands)
        )
        # "at around 2:30 am Sanaa time": a clock, not where
        and not TIME_AFTER.match(text[m.end : m.end + 12])
    ]
    return mentions, demonym_cc, person_tokens


def _read_cues(text: str, m: _Mention) -> None:
    before = text[max(0, m.start - 60) : m.start]
    after = text[m.end : m.end + 40]
    m.cue_admin = bool(
        PROVINCE_AFTER.match(after)
        or PROVINCE_BEFORE.search(before)
        # the unit word inside the tagger's span: "in Jaghatu district, Ghazni province"
        or _UNIT_END.search(m.text)
    )
    m.cue_county = bool(COUNTY_AFTER.match(after))
    m.cue_city = bool(CITY_BEFORE.search(before) or CITY_AFTER.match(after))
    m.near = bool(NEAR_BEFORE.search(before) or NEAR_AFTER.match(after))
    toward = TOWARD_BEFORE.search(before)
    if toward is not None and (TOWARD_RURAL.match(after) or TOWARD_RURAL_BEFORE.search(before)):
        m.toward = _bearing(toward.group(1))
    m.hood = bool(
        HOOD_AFTER.match(after)
        or FACILITY_AFTER.match(after)
        or (" " in m.text and m.text.split()[0].lower().rstrip(".") in HOOD_HEAD)
    )
    cap = CAPITAL_BEFORE.search(before)
    if cap:
        m.capital = m.start - (len(before) - cap.start())
        m.cue_city = False


def _base_score(c: Candidate, m: _Mention) -> float:
    pop = c.population
    if c.feature == COUNTRY:
        s = 2.2
    elif c.feature == ADMIN1:
        s = 0.6 + 0.05 * math.log10(pop + 1)
    elif c.feature == ADMIN2:
        s = 0.1 * math.log10(pop + 1)
    elif c.feature in (PHYSICAL, REGION):
        s = 2.5 if c.match == MAIN else 1.8
    else:
        s = POP_WEIGHT * math.log10(pop + 1)
        if c.index in _CAPITALS:
            # under one of its other names a capital is no likelier than a town of its size
            # that bears the name as its own ("Salem", an old name of Jerusalem, is the
            # Indian city of 800,000 in "Salem, TN"; "Kiev" is still Kyiv)
            rival = c.match == ALT and any(
                x.match == MAIN and x.feature == CITY and x.population * 10 >= pop
                for x in m.cands
                if x is not c
            )
            s += 0.0 if rival else 0.4
            # a capital under its own name, ten times the size of any other place so named,
            # is what the name means ("Kabul" in a text about a US drone strike is not
            # Cabool, Missouri; "Tripoli" may still be Lebanon's)
            if c.match == MAIN and all(
                x.population * 10 <= pop
                for x in m.cands
                if x is not c and x.match == MAIN and x.feature == CITY
            ):
                s += 0.4
    s += {MAIN: 0.3, ALT: 0.0, DERIVED: -0.15}.get(c.match, 0.0)
    if m.via == "skeleton":
        s -= 0.1
    if m.cue_admin:
        s += 2.0 if c.feature == ADMIN1 else (-0.5 if c.feature == CITY else 0)
    if m.cue_county:
        s += 2.0 if c.feature == ADMIN2 else 0
    if m.cue_city:
        s += 0.8 if c.feature == CITY else -0.8
    if m.capital >= 0 and c.feature in (ADMIN1, COUNTRY):
        s += 1.0
    return s


# "countryside of", "desert of", "rural": the rural part of a province
_RURAL = r"(?:(?:countryside|outskirts|desert|badia)\s+of(?:\s+the)?|rural)"
_CONTAINER_GAP = re.compile(
    r"^(?:\s+(?:municipality|municipio|district|county|lga|township|commune|city|town|village|"
    r"parish|sub-?district))?\s*(?:,|\(|in|in the|,\s*in)\s*$"
    # "Al Qahirah district of Taizz city": a unit of a town or division
    r"|^\s+(?:district|sub-?district|neighbou?rhood|quarter|area|village|town)\s+of(?:\s+the)?\s*$"
    # "the village of Sabha in the countryside of Deir ez Zor", "Tokhar in rural Aleppo"
    rf"|^(?:\s+(?:village|town))?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?"
    rf"{_RURAL}\s*$",
    re.I,
)
_UNIT_OF = re.compile(r"^\s+(?:village|town|area|neighbou?rhood|quarter)\s+of(?:\s+the)?\s*$", re.I)
# "Zargaran village, Nad Ali district" / "Zargaran village in Nad Ali district": a place and the
# district that holds it
_IN_UNIT_GAP = re.compile(r"^(?:\s+(?:village|town|area))?\s*(?:,|in|in the|,\s*in)\s*$", re.I)
_DISTRICT_WORD = (
    r"(?:district|sub-?district|county|municipality|township|LGA|commune|tehsil|taluka|parish)"
)
_DISTRICT_AFTER = re.compile(rf"^\s+{_DISTRICT_WORD}\b", re.I)
_UNKNOWN_UNIT_GAP = re.compile(
    rf"^(?:\s+(?:village|town|area))?\s*(?:,|of|in|in the)\s+(?:[A-Z][\w'-]*[\s-]+){{1,4}}"
    rf"{_DISTRICT_WORD}\s*(?:,|of|in|,\s*in)\s*(?:the\s+)?$"
)
_DISTRICT_END = re.compile(rf"\s{_DISTRICT_WORD}$", re.I)  # "Majz district" as one mention
# ... the last of which puts the village in the province's country for sure: no town of that
# name abroad, however large (Sabha of Libya), is the village
_RURAL_GAP = re.compile(rf"\b{_RURAL}\s*$")
_PAREN = re.compile(r"\(([^()\n]{1,120})\)")
# between a place and the parenthesis that locates it: "Pati village (", "Mankote sector area ("
# or a unit the gazetteer does not know: "Songho, Doucoumbo Commune ("
_TO_PAREN = re.compile(
    r"^(?:(?:\s+[a-z][a-z-]*){0,4}|,(?:\s+[A-Z][\w'-]*){1,3}\s+(?:[Cc]ommune|[Dd]istrict|"
    r"[Ss]ub-?district|[Mm]unicipality|[Tt]ownship|LGA|[Cc]ounty|[Pp]arish|[Tt]aluka|[Tt]ehsil))"
    r"\s*$"
)
# after the last place of the parenthesis: "(Biu LGA, Borno)", "(Poonch district)"
_PAREN_TAIL = re.compile(r"^(?:\s+[a-zA-Z][a-z]*)?(?:,\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?\s*$")


# The apostrophes that write an ayn at a name's end: "Rada'", "Mawza’".
AYN_MARKS = frozenset({"'", "‘", "’"})


def _divisions(m: _Mention) -> frozenset[str]:
    """The first-level divisions a mention may name."""
    return frozenset(c.admin1_code for c in m.cands if c.feature == ADMIN1)


def _countries_of(codes: Iterable[str]) -> frozenset[str]:
    """The countries of first-level division codes ("YE.15" -> "YE")."""
    return frozenset(code.split(".")[0] for code in codes)


def _locators(
    mentions: list[_Mention], text: str
) -> Iterator[tuple[re.Match[str], list[_Mention], _Mention]]:
    """Each parenthesis that may be an ACLED-style locator ("(Biu LGA, Borno)"): the match,
    the mentions inside it, and the last of them (the division or country that holds the
    rest), when nothing but a unit word or a short name follows that last one."""
    for mt in _PAREN.finditer(text):
        o, c = mt.start(), mt.end()
        inside = [x for x in mentions if o < x.start and x.end < c]
        if inside and _PAREN_TAIL.match(text[inside[-1].end : c - 1]):
            yield mt, inside, inside[-1]


def _seat_divisions(gaz: Gazetteer | None, outer: _Mention) -> frozenset[str]:
    """The provinces a locator names by their seat's spelling: "(Saada)" is only the town
    Sa'dah in the gazetteer, but names the province Sa'dah, as "(Khost)" does Khowst."""
    if gaz is None:
        return frozenset()
    key = skeleton(outer.text)
    return frozenset(
        c.admin1_code
        for c in outer.cands
        if c.feature == CITY and skeleton(gaz.admin1_name(c.admin1_code) or "") == key
    )


def _containers(mentions: list[_Mention], text: str, gaz: Gazetteer | None = None) -> None:
    """Mark "X, Y" / "X in Y" / "X (Y)" where Y can be a country or a first-level division.

    In "X, Y" where Y is a first-level division that holds a place named X, Y is read as the
    division ("in Cosoleacaque, Veracruz"). ACLED-style locators "X (A2, A1)" / "X village
    (A1)" make the last place of the parenthesis the division or country that holds X and the
    places before it, which must then lie in that country (``strict_cc``)."""
    for m, nxt in itertools.pairwise(mentions):
        if nxt.start - m.end > 40 or not _CONTAINER_GAP.match(text[m.end : nxt.start]):
            continue
        ccs = frozenset(c.country_code for c in nxt.cands if c.feature == COUNTRY)
        a1s = _divisions(nxt)
        homes = frozenset(c.country_code for c in nxt.cands)
        if not (ccs or a1s) and len(homes) == 1 and _UNIT_OF.match(text[m.end : nxt.start]):
            # "the Kashan village of Zakho district": a village of a town or district of one
            # country lies in that country (not Kashan, Iran)
            m.within_cc = m.strict_cc = homes
            continue
        if ccs or a1s:
            m.within_cc, m.within_a1 = ccs, a1s
            if a1s:
                m.holder = nxt
                if _RURAL_GAP.search(text[m.end : nxt.start]):
                    m.strict_cc = _countries_of(a1s)
    for mt, inside, outer in _locators(mentions, text):
        o = mt.start()
        before = [x for x in mentions if o - 40 <= x.end <= o and _TO_PAREN.match(text[x.end : o])]
        held = inside[:-1] + before[-1:]
        named = re.search(r"[A-Z][\w'-]*\s*$", text[max(0, o - 40) : o])
        if not held and not named and "," not in mt.group(1):
            continue  # "the capital (Kabul)": a gloss, not a locator
        ccs = frozenset(x.country_code for x in outer.cands if x.feature in (ADMIN1, COUNTRY))
        a1s = _divisions(outer)
        seats = _seat_divisions(gaz, outer) if not ccs else frozenset()
        if seats:
            a1s = seats
            ccs = anywhere = _countries_of(seats)
        elif not ccs and _well_known(outer.cands):
            # "Boungou (Fada Ngourma, Gourma)": a district named for its well-known seat
            ccs = frozenset(x.country_code for x in outer.cands)
            anywhere = ccs
        elif not ccs:
            continue
        else:
            outer.cue_admin = True
            # the division's name may match a unit of another country too ("San Salvador"):
            # any country where the outer name is a division stays possible (not where it
            # is only a town: "Plateau" is no division of the United States)
            anywhere = frozenset(
                x.country_code for x in outer.cands if x.country_code and x.feature != CITY
            )
        for x in held:
            x.within_cc, x.within_a1, x.strict_cc = ccs, a1s, anywhere
            x.outer = outer
    # "Zargaran village of Nad Ali district, Helmand province": the village lies in the
    # province that holds its district, not in Kabul where GeoNames has a Zargaran (right to
    # left, so that a chain of units passes the province down)
    for m, nxt in reversed(list(itertools.pairwise(mentions))):
        # (past an ayn the name left out: "Ad Dil' village of As Sawm district")
        gap = text[m.end : nxt.start]
        gap = gap[1:] if gap[:1] in AYN_MARKS else gap
        a1s = _divisions(nxt)
        if not m.within_a1 and a1s and _UNKNOWN_UNIT_GAP.match(gap):
            # "Kotowal village in Ishkashiem district of Badakhshan province", the district
            # a name the gazetteer does not know: the village still lies in the province
            m.within_a1, m.holder = a1s, nxt
            m.within_cc = m.strict_cc = _countries_of(a1s)
            continue
        if (
            m.within_a1
            or not nxt.within_a1
            or (nxt.holder is None and nxt.outer is None)
            or not (_UNIT_OF.match(gap) or _IN_UNIT_GAP.match(gap))
            or not (_DISTRICT_END.search(nxt.text) or _DISTRICT_AFTER.match(text[nxt.end :]))
        ):
            continue
        m.within_a1, m.holder, m.outer, m.unit = nxt.within_a1, nxt.holder, nxt.outer, nxt
        m.within_cc = nxt.within_cc or _countries_of(nxt.within_a1)
        m.strict_cc = m.strict_cc or nxt.strict_cc or m.within_cc


_UNIT = (
    r"(?:village|town|city|area|district|sub-?district|county|commune|municipality|"
    r"township|parish|LGA|tehsil|taluka|locality|neighbou?rhood|countryside|front|axis|camp|"
    r"crossing)"
)
# the name right before a locator's parenthesis: "Kipulu village (", "Buleda ("
# (with the lower-case articles of transliterated names: "Sheikh al-Hadid")
# (not "... of Dima Hasao at Haflong (": English "at", "as", "an" only with a hyphen)
_NAME = (
    r"[A-Z][\w'-]*(?:[ -](?:(?:al|el|ash|ibn|bin|e|i|ul|wa) |"
    r"(?:al|el|ad|an|ar|as|ash|at|az|e|i|ul)-){0,2}[A-Z][\w'-]*){0,3}"
)
_NAME_BEFORE = re.compile(rf"({_NAME})(?:\s+{_UNIT})?\s*$")
# districts named before their province: "in Chak district, Wardak province", "Shah Joi
# district center in Zabul province", "Qarabagh district of Ghazni", "in Hays, Al Jarrahi and
# At Tuhayta districts (Al Hudaydah)"
_LIST_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_DISTRICT_BEFORE = re.compile(
    rf"((?:{_NAME})(?:{_LIST_SEP}(?:{_NAME}))*)\s+(?:district|sub-?district)s?"
    rf"(?:\s+(?:center|centre))?(?:\s*,\s*(?:in\s+)?|\s+of\s+|\s+in\s+|\s*\(\s*)(?:the\s+)?$"
)
# a town named before its province by a comma, the province ending the phrase: "in Al
# Masloub, Al Jawf.", "near Opytne, Donetsk,"
_TOWN_COMMA_BEFORE = re.compile(
    rf"\b(?:in|at|near|of|outside|around)\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?"
    rf"({_NAME})\s*,\s*$"
)
_LOCATOR_AFTER_COMMA = re.compile(
    r"(?:\s+(?:province|governorate|state|region|oblast|department))?\s*(?:[.,;)]|$)"
)
_UNIT_TAIL = re.compile(rf"\s+{_UNIT}$", re.I)
_UNIT_TO_PAREN = re.compile(rf"\s+{_UNIT}\s*\(", re.I)


def _in_division(
    gaz: Gazetteer,
    name: str,
    a1s: frozenset,
    min_ratio: int = 80,
    min_len: int = 4,
    districts: list[Candidate] | None = None,
    district: bool = False,
) -> list[Candidate]:
    """Towns and districts of the divisions ``a1s`` named ``name`` or a spelling of it
    ("Khogyani" -> Khugyani in Nangarhar); ``districts``: the points of a district the
    locator names; ``district``: whether the text calls ``name`` a district."""

    def there(c: Candidate) -> bool:
        return c.admin1_code in a1s and c.feature in (CITY, ADMIN2)

    cands = [c for c in gaz.lookup(name) if there(c)]
    if cands:
        return cands
    size = len(_dearticle(normalize(name)))
    # (else by every spelling of the division's towns, and of those just over its line:
    # "Makhmour (Ninewa)" -> Mexmur, alternate name Makhmur, filed under Erbil; "Jandairis
    # (Aleppo)" -> Jindayris)
    points = [gaz.candidate(gaz.a1_entry[a]) for a in a1s if a in gaz.a1_entry]

    def near(c: Candidate) -> bool:
        # (near the district too, where the locator names one: "Katarpura village (Dhar,
        # Madhya Pradesh)" is no Chhatarpur, 400 km off in the state)
        return (
            there(c) or (c.feature in (CITY, ADMIN2) and _by_the_line(gaz, c, a1s, points))
        ) and _near_district(c, districts, BORDER_KM)

    found: list[Candidate] = []
    if size >= min_len:
        found = _fuzzy_candidates(gaz, name, min_ratio, 0, keep=there) or _fuzzy_candidates(
            gaz, name, min(min_ratio, SPELLING_RATIO), 0, keep=near, spellings=True
        )
    if not found and size >= 6:
        # (last, the division's own names by spelling alone, where the skeletons part:
        # "Sancharak district (Sar-e Pul)" -> Sangcharak)
        base = _dearticle(normalize(name))
        ratios = {
            i: fuzz.ratio(base, _dearticle(normalize(gaz.names[i])))
            for a in a1s
            for i in gaz.units_of(a)
        }
        top = max(ratios.values(), default=0)
        if top >= DIVISION_RATIO:
            return [gaz.candidate(i, DERIVED) for i, r in ratios.items() if r == top]
        # (or written in one word where the other writes two: "Deh Rawud" -> Dihrawud,
        # "Mir Amor" -> Miramor, whose districts geoBoundaries may file under the next
        # province)
        found = _joined_spelling(gaz, name, near, a1s)
    if found or size < 3 or (size < 4 and not district):
        return found
    ccs = _countries_of(a1s)
    if " " not in name.strip():
        # a district by the first word of its longer name ("Chak district (Wardak)": Chaki
        # Wardak), when one district of the division, or just over its line, is so named
        firsts = [c for cc in ccs for c in gaz.districts_by_first_word(cc, name) if near(c)]
        if len(firsts) > 1:
            # (the one whose first word is spelt so, of several alike: "Nawa district
            # (Helmand)" is Nawa-i-Barakzayi, not Naw Zad)
            firsts = [c for c in firsts if _first_word(c.name) == _first_word(name)]
        if len(firsts) == 1:
            return firsts
    if not district:
        return []

    # a name the text calls a district: the one district of the country so named, or so
    # spelled, near the division though filed under another ("Chahar Bolak district
    # (Jowzjan)": Balkh's district, on Jowzjan's line; a province named as it was before a
    # district moved)
    def beyond(c: Candidate) -> bool:
        return c.feature == ADMIN2 and _over_the_line(c, points, 2 * BORDER_KM)

    far: list[Candidate] = []
    if size >= 4:
        far = [c for c in gaz.lookup(name) if beyond(c)] or _joined_spelling(gaz, name, beyond, a1s)
    if len({c.index for c in far}) == 1:
        return far
    if " " in name.strip():
        return []
    # or the district's seat by the first word of its name ("Al-Tuz district (Salah
    # Al-Din)", "Tooz": Tuz Khurmatu), where the division's towns so named stand together
    key = skeleton(_first_word(name))
    seats = sorted(
        i for a in a1s for i in gaz.units_of(a) if skeleton(_first_word(gaz.names[i])) == key
    )
    spots = {(round(float(gaz.lat[i]), 1), round(float(gaz.lon[i]), 1)) for i in seats}
    return [gaz.candidate(i, DERIVED) for i in seats] if len(spots) == 1 else []


def _first_word(name: str) -> str:
    """The first word of a name past its article, normalised ("Al-Tuz" -> "tuz")."""
    return (_dearticle(normalize(name)).split() or [""])[0]


_CALLED_DISTRICT = re.compile(r"\s+(?:sub-?)?districts?\b", re.I)


def _called_district(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by its unit word "district"."""
    return _CALLED_DISTRICT.match(text, end) is not None


def _by_the_line(gaz: Gazetteer, c: Candidate, a1s: frozenset, points: list[Candidate]) -> bool:
    """``c``, filed under another division, lies by the line of one of ``a1s``: within
    BORDER_KM of its point, or within EDGE_KM of a town filed under it (a long province's
    edge lies far from its point)."""
    return _over_the_line(c, points) or (
        c.country_code in _countries_of(a1s)
        and any(gaz.km_to_division(c, a) <= EDGE_KM for a in a1s)
    )


def _joined_spelling(
    gaz: Gazetteer, name: str, keep: Callable[[Candidate], bool], a1s: frozenset
) -> list[Candidate]:
    """The towns and districts by ``a1s``' line (``keep``) whose transliteration skeleton,
    without its word breaks, is ``name``'s, and whose spelling is at least SPELLING_RATIO
    like it: "Deh Rawud" (dehrawud) -> Dihrawud, "Mir Amor" -> Miramor."""
    base = _dearticle(normalize(name)).replace(" ", "")
    flat = skeleton(base)
    if len(flat) < 3:
        return []
    out = []
    for i in gaz.units_by_the_line(a1s, 2 * BORDER_KM):
        spelled = _dearticle(normalize(gaz.names[i])).replace(" ", "")
        if skeleton(spelled) == flat and fuzz.ratio(base, spelled) >= SPELLING_RATIO:
            c = gaz.candidate(i, DERIVED)
            if keep(c):
                out.append(c)
    return out


def _locator_names(mentions: list[_Mention], gaz: Gazetteer, text: str) -> list[_Mention]:
    """Names an ACLED-style locator vouches for that no other step read as places: in
    "Boula Gana (Bosso, Diffa)" or "Kipulu village (Shabunda, Sud-Kivu)", once the last
    name is a first-level division, the names before it are its towns or districts, looked
    up (spelling variants too) in that division only."""
    added: list[_Mention] = []
    dropped: set[int] = set()
    for mt, _inside, outer in _locators(mentions, text):
        o = mt.start()
        a1s = _divisions(outer) or _seat_divisions(gaz, outer)
        if not a1s:
            continue
        districts = [
            c
            for x in _inside[:-1]
            for c in x.cands
            if c.admin1_code in a1s and c.feature in (CITY, ADMIN2)
        ]
        spans: list[tuple[int, int]] = []
        pos = o + 1
        for part in text[o + 1 : outer.start].split(","):
            name = _UNIT_TAIL.sub("", part.strip())
            if name[:1].isupper():
                start = text.index(name, pos)
                spans.append((start, start + len(name)))
            pos += len(part) + 1
        before = _NAME_BEFORE.search(text[max(0, o - 60) : o])
        if before is not None:
            start = max(0, o - 60) + before.start(1)
            spans.append((start, start + len(before.group(1))))
        for start, end in spans:
            over = [x for x in mentions if x.start < end and start < x.end]
            if over:
                # a name read elsewhere that the locator's division does not hold ("Ras Al
                # Ain (Al-Hasakeh)" read as Ras El Ain, Morocco): its spelling in the division
                x = over[0]
                if all(
                    start <= y.start
                    and y.end <= end
                    and not any(c.admin1_code in a1s for c in y.cands)
                    for y in over
                ):
                    # (a spelling only when the name is long: "Pati" is not "Pat"); the
                    # tagger's pieces of it ("Ain", "Issa" of "Ain Issa") take the whole
                    cands = _in_division(
                        gaz, text[start:end], a1s, 80, 6, districts, _called_district(text, end)
                    )
                    if cands:
                        x.cands, x.via = cands, "locator"
                        x.start, x.end, x.text = start, end, text[start:end]
                        dropped.update(id(y) for y in over[1:])
                continue
            cands = _in_division(
                gaz, text[start:end], a1s, districts=districts, district=_called_district(text, end)
            )
            if cands:
                added.append(_Mention(start, end, text[start:end], cands, "locator"))
    for prov in mentions:
        a1s = _divisions(prov)
        lo = max(0, prov.start - 120)
        found = _DISTRICT_BEFORE.search(text[lo : prov.start]) if a1s else None
        by_comma = False
        if found is None and a1s and _LOCATOR_AFTER_COMMA.match(text, prov.end):
            # "clashed in Al Masloub, Al Jawf.": a town before its province, by a comma
            found = _TOWN_COMMA_BEFORE.search(text[lo : prov.start])
            by_comma = True
        if found is None:
            continue
        for name in re.finditer(_NAME, found.group(1)):
            start = lo + found.start(1) + name.start()
            end = start + len(name.group())
            over = [x for x in [*mentions, *added] if x.start < end and start < x.end]
            if any(
                y.start < start or end < y.end or any(c.admin1_code in a1s for c in y.cands)
                for y in over
            ):
                continue  # read already, in the province ("Qarabagh" of Ghazni)
            # (a reading abroad gives way: "Chak" is no town of Wardak, Chaki Wardak is)
            cands = _in_division(gaz, text[start:end], a1s, district=not by_comma)
            if by_comma:
                # (a town, not called a district: its whole name spelt alike, not a first
                # word's match nor an alternate spelling of another name: "Yasne, Donetsk"
                # is no Yasna Polyana)
                key = _dearticle(normalize(text[start:end]))
                cands = [c for c in cands if fuzz.ratio(key, _dearticle(normalize(c.name))) >= 85]
            if cands:
                dropped.update(id(y) for y in over)
                added.append(_Mention(start, end, text[start:end], cands, "locator"))
    _later_districts(mentions, gaz, text)
    kept = [m for m in mentions if id(m) not in dropped]
    return sorted([*kept, *(m for m in added if id(m) not in dropped)], key=lambda m: m.start)


_SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)")
# a district with a locator of its own: "Nawa district (Ghazni)", "Nawa district of Ghazni"
_OWN_LOCATOR = re.compile(r"\s+(?:sub-?)?districts?\s*(?:\(|,|of\b|in\b)", re.I)


def _later_districts(mentions: list[_Mention], gaz: Gazetteer, text: str) -> None:
    """A district named later in the sentence of a locator, with none of its own, lies in
    the locator's province when that province has a district so called: in "in Marja
    district (Helmand), killing 7, while 4 others were killed in Nawa district", Nawa is
    Helmand's Nawa-i-Barakzayi, not Ghazni's Nawa."""
    for _mt, _inside, outer in _locators(mentions, text):
        a1s = _divisions(outer) or _seat_divisions(gaz, outer)
        if not a1s:
            continue
        stop = _SENTENCE_BREAK.search(text, outer.end)
        end = stop.start() if stop else len(text)
        for m in mentions:
            if not (outer.end < m.start < end) or not _called_district(text, m.end):
                continue
            if _OWN_LOCATOR.match(text, m.end) or any(c.admin1_code in a1s for c in m.cands):
                continue
            if any(c.feature == ADMIN1 for c in m.cands):
                continue  # "in Helmand district": a province's own name, read as such
            cands = _in_division(gaz, m.text, a1s, district=True)
            if cands:
                m.cands, m.via = cands, "locator"


# Lower-case pieces inside transliterated names: "Mazar-e Sharif", "Ma'arrat an Nu'man".
_NAME_JOINERS = frozenset(
    {"-", "'", "’", "e", "i", "al", "an", "ad", "as", "ash", "at", "ar", "el", "ul", "wa"}
)


def _name_piece(tok) -> bool:
    return tok.text[:1].isupper() or tok.lower_ in _NAME_JOINERS


def _longest_names(
    mentions: list[_Mention], doc: Doc, gaz: Gazetteer, not_places: list[tuple[int, int]]
) -> list[_Mention]:
    """A mention that is a piece of a longer name the gazetteer knows takes the whole name:
    the tagger splits transliterations ("Mazar" + "Sharif" of "Mazar-e Sharif", "Al" of
    "Al Bab"), and a piece alone finds some other place ("Al Mazar, Jordan"; "Ål")."""
    text = doc_text(doc)
    grown: dict[int, _Mention] = {}
    for k, m in enumerate(mentions):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        best: tuple[int, int, list[Candidate]] | None = None
        for i in range(span.start, max(sent.start, span.start - 3) - 1, -1):
            if i < span.start and not _name_piece(doc[i]):
                break
            for j in range(span.end, min(sent.end, span.end + 4) + 1):
                if j > span.end and not _name_piece(doc[j - 1]):
                    break
                if (i, j) == (span.start, span.end) or not (
                    doc[i].text[:1].isupper() and doc[j - 1].text[:1].isupper()
                ):
                    continue
                s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
                if any(a < e and s < b for a, b in not_places):
                    continue
                if best is not None and e - s <= best[1] - best[0]:
                    continue
                cands = gaz.lookup(text[s:e])
                if cands:
                    best = (s, e, cands)
        if best is not None and best[1] - best[0] > m.end - m.start:
            s, e, cands = best
            grown[k] = _Mention(s, e, text[s:e], cands, "gazetteer", label="GPE")
    if not grown:
        return mentions
    out: dict[tuple[int, int], _Mention] = {}  # one mention per name ("Mazar", "Sharif")
    for k, m in enumerate(mentions):
        if k in grown:
            out.setdefault((grown[k].start, grown[k].end), grown[k])
        elif not any(g.start < m.end and m.start < g.end for g in grown.values()):
            out[(m.start, m.end)] = m
    return list(out.values())


def _mark_modifiers(mentions: list[_Mention], doc: Doc) -> None:
    """Country names that qualify a thing ("a US drone strike", "US-led forces")."""
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        root = span.root if span is not None else None
        m.modifier = bool(
            m.cands
            and root is not None
            and root.dep_ in {"compound", "amod", "nmod", "npadvmod"}
            and root.head.pos_ in {"NOUN", "VERB", "ADJ"}
            and all(c.feature == COUNTRY for c in m.cands)
        )


# How far from a division's point a town filed under the next division may still be in it.
BORDER_KM = 100.0
# How near a town filed under the next province must lie to a town of the named one.
EDGE_KM = 20.0
_UNIT_END = re.compile(r"\b(?:province|governorate|region|oblast|state|department)$", re.I)


def _stays_outside(
    c: Candidate, m: _Mention, gaz: Gazetteer, district: list[Candidate] | None = None
) -> bool:
    """Whether ``c``, outside the division that holds ``m`` (none of whose candidates lies
    inside), may still be what ``m`` names; ``district``: the points of the district the
    locator names, if any."""
    home = _countries_of(m.within_a1)
    if not _near_district(c, district, BORDER_KM / 2):
        # (far from the district the locator names, nothing stays: "Kalafgan village
        # (Chahar Bolak, Jowzjan)" is not the Kalafgan district of Takhar, 300 km off)
        return False
    if (
        c.match == MAIN
        and c.feature == CITY
        and c.country_code in home
        # (near the named district, above: "Mehrabpur city (Naushahro Firoz, Sindh)" is
        # not the Mehrabpur of Balochistan, 140 km off, just over Sindh's line)
        and any(gaz.km_to_division(c, a1) <= EDGE_KM for a1 in m.within_a1)
    ):
        # "Burgersfort (Sekhukhune, Limpopo)": GeoNames files it under Mpumalanga, 12 km
        # from a town it files under Limpopo; the line moved, the town did not
        return True
    # A town just over the division's line is the one meant ("Makhmur (Ninewa)": GeoNames
    # files Makhmur under Erbil, 82 km from Nineveh's point)
    divisions = [
        d
        for x in (m.holder, m.outer)
        if x is not None
        for d in x.cands
        if d.feature == ADMIN1 and d.admin1_code in m.within_a1
    ]
    if _over_the_line(c, divisions):
        return True
    holder = m.holder
    named_division = (
        not m.strict_cc
        and holder is not None
        and (holder.cue_admin or bool(_UNIT_END.search(holder.text)))
    )
    if not named_division or c.country_code in home:
        # (nor a district only geoBoundaries knows, found by a like spelling: Miango
        # (Bassa LGA, Plateau) is not En Mango of Saint Lucia)
        return _well_known([c]) or (c.feature != CITY and not _shape_only([c]))
    return _well_known([c]) and c.population >= 1_000_000


def _near_district(c: Candidate, districts: list[Candidate] | None, km: float) -> bool:
    """``c`` lies within ``km`` of the district a locator names, where it names one."""
    return all(
        haversine_km(c.latitude, c.longitude, d.latitude, d.longitude) <= km
        for d in (districts or [])[:1]
    )


def _over_the_line(c: Candidate, divisions: list[Candidate], km: float = BORDER_KM) -> bool:
    """``c`` lies within ``km`` of one of ``divisions``' points, in that division's
    country: a town GeoNames files under the next province."""
    return any(
        c.country_code == d.country_code
        and haversine_km(c.latitude, c.longitude, d.latitude, d.longitude) <= km
        for d in divisions
    )


def _well_known(cands: list[Candidate]) -> bool:
    """A name that surely means a town of one country ("Bafoussam"): its own name, a city of
    50,000 or more."""
    ccs = {c.country_code for c in cands}
    return len(ccs) == 1 and any(
        c.match == MAIN and c.feature == CITY and c.population >= 50_000 for c in cands
    )


def _constrain(mentions: list[_Mention], gaz: Gazetteer) -> None:
    """Candidates of a place whose container is known: transliteration variants inside the
    container when no candidate lies there ("Vodyane, Donetsk" -> Vodiane in Donetsk oblast);
    under a strict container, only candidates in its countries (none: the name is unknown,
    and a town of that name elsewhere is no answer)."""
    for m in mentions:
        if not (m.within_a1 or m.within_cc):
            continue
        # sure of itself by its own name before the trimming below, or a city too large to
        # doubt ("Freetown city (Western Area Urban, Western)"); "Dara" may be a town in
        # Senegal, Romania or Syria, so "Dara district (Panjshir)" does not outrank Panjshir
        sure = _well_known(m.cands) or any(
            c.match == MAIN and c.feature == CITY and c.population >= 200_000 for c in m.cands
        )

        def inside(c: Candidate, m: _Mention = m) -> bool:
            if c.feature == COUNTRY:
                return False
            if m.within_a1:  # "Khogyani district (Nangarhar)": in Nangarhar, not just AF
                return c.admin1_code in m.within_a1
            return c.country_code in m.within_cc

        if (
            m.within_a1
            and (m.holder is not None or m.outer is not None)
            and any(inside(c) for c in m.cands)
            and any(c.feature in (CITY, ADMIN2) and not inside(c) for c in m.cands)
        ):
            # "Muqur district (Ghazni)": the town of Ghazni, not the district of that name in
            # Badghis that the unit word would favour. A town outside stays only when large
            # ("Mehrabpur city (Naushahro Firoz, Sindh)": the taluka of Sindh, not the town
            # of 35,000 GeoNames files under Balochistan)
            m.cands = [
                c
                for c in m.cands
                if inside(c) or c.feature not in (CITY, ADMIN2) or _well_known([c])
            ]
        if (
            m.holder is not None
            and normalize(m.text) == normalize(m.holder.text)
            and any(c.feature == ADMIN1 and inside(c) for c in m.cands)
            and not any(c.feature in (CITY, ADMIN2) and inside(c) for c in m.cands)
        ):
            # "Al Jawf (Al Jawf)": the division itself, where no town inside bears its name
            # (not Jawf al Maqbabah, a village of Abyan)
            m.cands = [c for c in m.cands if inside(c)]
            continue
        if not any(inside(c) for c in m.cands):
            extra = [c for c in _fuzzy_candidates(gaz, m.text, 80, 0) if inside(c)]
            seen = {c.index for c in m.cands}
            m.cands = m.cands + [c for c in extra if c.index not in seen]
        if (
            m.within_a1
            and (m.holder is not None or m.outer is not None)
            and not any(inside(c) for c in m.cands)
            # (what the locator pass found for the division stays: it looked there first)
            and m.via != "locator"
        ):
            # "near Kamyanka, Donetsk" and no Kamyanka in Donetsk oblast: a village of that
            # name three provinces away is no answer (the province stays the place); a
            # well-known town is kept ("Aleppo, Idlib" is still Aleppo)
            # A division named as one ("Dand district of Kandahar province", "Rio Claro, Lara
            # state") is the surer name: nothing abroad stays but a city of millions
            # ("Brasilia, Distrito Federal", a name the gazetteer gives Venezuela only).
            # A bare name may be one of a list ("Moscow, Kiev, Minsk and Riga"), and a
            # parenthesis weighs the two below ("Bafoussam town (Mifi, Ouest)").
            units = (
                [m.unit]
                if m.unit is not None
                else [
                    x
                    for x in mentions
                    if x is not m
                    and m.outer is not None
                    and x is not m.outer
                    and x.outer is m.outer
                ]
            )
            # (and a district the locator pass found by the division's line: "Kalafgan
            # village (Chahar Bolak, Jowzjan)", Chahar Bolak district being Balkh's)
            district = [
                c
                for x in units
                for c in x.cands
                if c.feature in (CITY, ADMIN2)
                and (c.admin1_code in m.within_a1 or x.via == "locator")
            ]
            m.cands = [c for c in m.cands if _stays_outside(c, m, gaz, district)]
        if m.strict_cc:
            keep = [c for c in m.cands if c.country_code in m.strict_cc and c.feature != COUNTRY]
            ccs = {c.country_code for c in m.cands}
            # another place of the same locator in the division's country confirms it
            # ("Pati village (Barwani, Madhya Pradesh)": Barwani is in Madhya Pradesh, so
            # Pati is too, not the Indonesian town)
            confirmed = any(
                x is not m
                and x.outer is m.outer
                and any(c.country_code in m.strict_cc for c in x.cands if c.feature != COUNTRY)
                for x in mentions
            )
            if (
                not keep
                and not confirmed
                # a piece of a longer name ("Nelson Mandela Bay", "Dara" of "Chahar Dara")
                and m.via != "embedded"
                and not m.partial
                and m.outer is not None
                and sure
                and (
                    any(c.country_code in ccs for c in m.outer.cands)
                    or not _well_known(m.outer.cands)
                )
            ):
                # "Bafoussam town (Mifi, Ouest)": the town is sure, the division's name
                # ("Ouest" of Haiti) is the guess; it must then lie in the town's country.
                # A division as sure as the town ("Mabai (Kankara LGA, Katsina)", Katsina
                # being a state and its city of 400,000) wins instead.
                m.outer.cands = [c for c in m.outer.cands if c.country_code in ccs]
                continue
            m.cands = keep
        holder = m.holder
        if holder is not None and any(
            c.feature in (CITY, ADMIN2) and c.admin1_code in m.within_a1 for c in m.cands
        ):
            holder.cue_admin = True  # "Cosoleacaque, Veracruz": the state, not its port


def _resolve(
    mentions: list[_Mention], demonym_cc: Counter, gaz: Gazetteer, text: str = ""
) -> list[int]:
    """Index of the chosen candidate for each mention (two passes with document context)."""
    if text:
        _containers(mentions, text, gaz)
        _constrain(mentions, gaz)
    # context from countries named, demonyms, and single-country mentions; each mention's own
    # contribution is left out when that mention is scored (a name is no evidence for itself)
    cc_ctx: Counter = Counter()
    own_cc: dict[str, Counter] = {}
    for cc, k in demonym_cc.items():
        cc_ctx[cc] += 0.5 * k
    for m in mentions:
        if m.partial:
            continue  # a piece of a longer name is no evidence of the text's country
        key = normalize(m.text)
        ccs = {c.country_code for c in m.cands if c.country_code}
        if len(ccs) == 1:
            cc = next(iter(ccs))
            # "a US drone strike ... in Kabul": the US qualifies the drone, says little of where
            w = 0.25 if m.modifier else 1.0
            cc_ctx[cc] += w
            own_cc.setdefault(key, Counter())[cc] += w
        if any(c.feature == ADMIN1 for c in m.cands):
            continue  # "Georgia": the country or the US state, so no evidence either way
        for c in m.cands:
            if c.feature == COUNTRY and c.match == MAIN and len(ccs) > 1:
                cc_ctx[c.country_code] += 1.0
                own_cc.setdefault(key, Counter())[c.country_code] += 1.0
    a1_seed: Counter = Counter()
    own_a1: dict[str, Counter] = {}
    for m in mentions:
        a1s = _divisions(m)
        if len(a1s) == 1 and all(c.feature != COUNTRY for c in m.cands):
            code = next(iter(a1s))
            a1_seed[code] += 1.0
            own_a1.setdefault(normalize(m.text), Counter())[code] += 1.0
    choice = [0] * len(mentions)
    for pass_no in range(2):
        a1_ctx: Counter = Counter(a1_seed)
        own_a1_pass = {k: Counter(v) for k, v in own_a1.items()}
        points: dict[tuple[float, float, str], float] = {}  # unique (lat, lon, name)
        if pass_no == 1:
            for m, k in zip(mentions, choice, strict=True):
                if not m.cands or m.partial:
                    continue
                c = m.cands[k]
                key = normalize(m.text)
                w = 1.0 if c.feature == ADMIN1 else 0.5 if c.feature in (CITY, ADMIN2) else 0
                if w:
                    a1_ctx[c.admin1_code] += w
                    own_a1_pass.setdefault(key, Counter())[c.admin1_code] += w
                if c.feature in (CITY, ADMIN2):
                    points[(c.latitude, c.longitude, key)] = m.conf
        for mi, m in enumerate(mentions):
            if not m.cands:
                continue
            key = normalize(m.text)
            near_pts = [p for p in points if p[2] != key]
            mine_cc = own_cc.get(key, Counter())
            mine_a1 = own_a1_pass.get(key, Counter())
            total = (sum(cc_ctx.values()) - sum(mine_cc.values())) or 1.0
            scores = []
            for c in m.cands:
                s = _base_score(c, m)
                if c.feature in (CITY, ADMIN2, PHYSICAL) and (
                    c.admin1_code in m.within_a1 or c.country_code in m.within_cc
                ):
                    s += 1.5
                if c.country_code:
                    here = cc_ctx.get(c.country_code, 0) - mine_cc.get(c.country_code, 0)
                    s += CC_WEIGHT * here / total
                    if here <= 0 and total >= 3 and c.feature != COUNTRY:
                        s -= 0.3
                a1_here = a1_ctx.get(c.admin1_code, 0) - mine_a1.get(c.admin1_code, 0)
                if a1_here > 0 and c.feature != COUNTRY:
                    s += 0.3 + 0.5 * min(1.0, a1_here / 2)
                if near_pts and c.feature in (CITY, ADMIN2):
                    d = min(haversine_km(c.latitude, c.longitude, p[0], p[1]) for p in near_pts)
                    s += 0.6 * math.exp(-d / 250.0)
                scores.append(s)
            m.scores = scores
            best = max(range(len(scores)), key=scores.__getitem__)
            choice[mi] = best
            chosen = m.cands[best]
            # the margin over the best reading that lies elsewhere: a town and its own
            # district ("Hays (Al Hudaydah)": the town Hays and Hays district) are one answer
            rivals = [
                sc
                for k, sc in enumerate(scores)
                if k != best and not _same_spot(m.cands[k], chosen)
            ]
            margin = scores[best] - max(rivals) if rivals else 2.0
            m.conf = 1.0 / (1.0 + math.exp(-2.5 * margin))
            if (
                m.via == "skeleton"
                and chosen.country_code
                and cc_ctx.get(chosen.country_code, 0) - mine_cc.get(chosen.country_code, 0) <= 0
            ):
                # a transliteration match in a country nothing else in the text is about
                # ("Hodan district" -> Houdan, France, in a Somali report) is a guess
                m.conf *= 0.5
        if pass_no == 0:
            for m, k in zip(mentions, choice, strict=True):
                if m.cands and not m.partial and len({c.country_code for c in m.cands}) > 1:
                    cc = m.cands[k].country_code
                    cc_ctx[cc] += 0.5 * m.conf
                    own_cc.setdefault(normalize(m.text), Counter())[cc] += 0.5 * m.conf
    return choice


def _same_spot(a: Candidate, b: Candidate) -> bool:
    """Two readings of a name that put it at one spot: a town and the district or province
    it is the seat of ("Aden", the city and the governorate), in one country, within 25 km
    (a country stands apart)."""
    return (
        a.country_code == b.country_code
        and COUNTRY not in (a.feature, b.feature)
        and haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= SAME_SPOT_KM
    )


SAME_SPOT_KM = 25.0


def _drop_far_neighbourhoods(mentions: list[_Mention], choice: list[int]) -> None:
    """A neighbourhood ("in Maraba, Para, ... in Cidade Nova neighborhood") or a site named
    after a place ("Moreno Square") lies in the town the text names; a same-named town far
    from every town of the text is not it, so it goes."""
    for j, m in enumerate(mentions):
        if not m.hood or not m.cands:
            continue
        c = m.cands[choice[j]]
        if c.feature not in (CITY, ADMIN2):
            continue  # "an Ohio company"
        towns = [
            x.cands[choice[i]]
            for i, x in enumerate(mentions)
            if i != j and x.cands and not x.hood and x.cands[choice[i]].feature in (CITY, ADMIN2)
        ]
        if towns and all(
            haversine_km(c.latitude, c.longitude, t.latitude, t.longitude) > 50 for t in towns
        ):
            m.cands = []


def _drop_out_of_context(
    mentions: list[_Mention], choice: list[int], text: str, cues: Counter | None = None
) -> None:
    """Drop a weak reading in a country nothing else in the text is in, where the other
    places agree on one country: a piece of a longer name ("Adan" of "Adan Ade airport" ->
    Aden, in a Mogadishu report) or a small town that no tagger called a place ("the Ayr
    sub-clan" -> Ayr, Scotland, in a Somali one). A name only spelt like a place abroad
    ("Taliban took Dand district" -> Dandi, Nigeria) is dropped too where no other place
    is named but the text's demonyms and armed groups (``cues``) agree on one country."""
    chosen = [m.cands[k] if m.cands else None for m, k in zip(mentions, choice, strict=True)]
    for j, m in enumerate(mentions):
        c = chosen[j]
        if c is None or c.feature == COUNTRY:
            continue
        weak = (
            m.partial
            or m.via == "embedded"
            or (c.feature == CITY and c.population < 20_000 and m.label not in PLACE_LABELS)
            # the coder's own spelling of where: "in Al Rashdia area of Baghdad (coded as Ar
            # Rashidiyah)", no town of the Emirates
            or (c.feature == CITY and CODED_BEFORE.search(text, max(0, m.start - 20), m.start))
        )
        # "near Bennsh (Idleb)": a province named as the locator is meant, whatever the
        # rest of the text names ("a US drone")
        locator = c.feature == ADMIN1 and text[: m.start].rstrip()[-1:] in {"(", ","}
        if locator or not (weak or m.via == "skeleton"):
            continue
        others = Counter(
            x.country_code
            for i, x in enumerate(chosen)
            if i != j and x is not None and normalize(mentions[i].text) != normalize(m.text)
        )
        if not weak:  # a spelling match: only where nothing but the cues tell the country
            if others or not cues:
                continue
            others = Counter(cc for cc, k in cues.items() if k > 0)
        if c.country_code in others or len(others) != 1:
            continue
        m.cands = []


_LOCATOR_END = re.compile(r"(?:\s+[a-z]+)?\s*[),]")
# What a place named just before its locator is: a village, a front ...
_KIND_BETWEEN = re.compile(
    r"\b(?:village|town|area|areas|district|subdistrict|neighbou?rhood|camp|fronts?|axis|"
    r"region|mountains?|valley|hill)\b",
    re.I,
)


def _inline_locator(text: str, lo: _Mention) -> bool:
    """Whether ``lo`` is named as the province a place lies in, in running text:
    "in Hama countryside", "in the countryside of Deir ez Zor", "in rural eastern Aleppo"."""
    return bool(
        _INLINE_BEFORE.search(text, max(0, lo.start - 60), lo.start)
        and _INLINE_AFTER.match(text, lo.end)
    )


# "X town in [the countryside of | rural eastern] <province> [countryside] ..."
_INLINE_LEAD = (
    r"(?:the\s+)?(?:(?:rural|countryside\s+of|outskirts\s+of|"
    r"(?:north|south)?(?:north|south|east|west)(?:ern)?|central)\s+)*"
)
_INLINE_BEFORE = re.compile(r"\b(?:in|of)\s+" + _INLINE_LEAD + "$")
_INLINE_AFTER = re.compile(
    r"(?:\s+(?:countryside|governorate|province|badia|desert|region))?\s*(?:[.,;)]|$|\s+[a-z])"
)
# Only the kind of place between a place and the province it lies in: "Sur town in",
# "Hit and its vicinity in the countryside of", not "California and the recognition of
# gay marriage in".
_INLINE_BETWEEN = re.compile(
    # the rest of a list the place leads ("Dand and Arghandab districts of Kandahar")
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2})*"
    r"(?:\s+[a-z]+){0,2}"  # "Sur town", "Manjm Al-Malah salt mine", "Tanab oil field"
    r"(?:\s+and\s+(?:its|the)\s+(?:vicinity|surroundings|outskirts|environs))?"
    r"\s+(?:in|of)\s+" + _INLINE_LEAD
)


def _keep_to_locator(mentions: list[_Mention], choice: list[int], text: str) -> None:
    """ACLED-style notes end a place with its province: "near Balyun in Jabal al-Zawiya
    (Idleb)", "Ilorin (Borgu LGA, Niger)", "Sur town in Deir ez Zor countryside". A small
    town read abroad before such a province, in the same sentence, is read in that
    province's country when the gazetteer has it there, else dropped (not Balun,
    Indonesia); one of under 100,000 read in another province of that country is read in
    the named province, else dropped too."""
    for i, lo in enumerate(mentions):
        if not lo.cands:
            continue
        opening = text.rfind("(", max(0, lo.start - 60), lo.start)
        inline = False
        if opening < 0 or ")" in text[opening : lo.start] or not _LOCATOR_END.match(text, lo.end):
            # "(Idleb)", "(Borgu LGA, Niger)", not "(Colorado Party)"; or "in Hama countryside"
            if not _inline_locator(text, lo):
                continue
            inline, opening = True, lo.start - 1
        a1 = lo.cands[choice[i]]
        if a1.feature != ADMIN1 and not (
            # "in Aleppo countryside", "(Sadah)": the province the city is the seat of
            a1.feature == CITY
            and any(
                x.feature == ADMIN1
                and x.country_code == a1.country_code
                and x.admin1_code == a1.admin1_code
                for x in lo.cands
            )
        ):
            continue
        for j, m in enumerate(mentions):
            if m is lo or not m.cands or not (0 <= lo.start - m.end < 160):
                continue
            between = text[m.end : opening + 1]
            if inline and not _INLINE_BETWEEN.fullmatch(text, m.end, lo.start):
                continue
            if re.search(r"[.;]\s", between) or between.strip() == "(" or m.start > opening:
                continue  # another sentence; or the locator's own town ("X (Y)"), read with it
            if not inline and any(
                m.end < x.start
                and x.end < opening
                and "(" in text[m.end : x.start]
                and x.cands
                and x.cands[choice[k]].feature in (ADMIN1, COUNTRY)
                for k, x in enumerate(mentions)
            ):
                continue  # a locator of its own comes first ("Al Hazm (Al Jawf), and ... in
                # Sirwah (Marib)": Al Hazm is no town of Marib)
            c = m.cands[choice[j]]
            if c.feature in (COUNTRY, ADMIN1):
                continue
            if (
                c.country_code == a1.country_code
                and _UNIT_TO_PAREN.fullmatch(between)
                and _over_the_line(c, [a1])
            ):
                # the locator's own district, in its country, that GeoNames files under the
                # next province ("Makhmour district (Ninewa)": Mexmur, Erbil, 80 km from
                # Nineveh's point), read with it
                continue
            if c.country_code == a1.country_code:
                if c.admin1_code == a1.admin1_code or c.feature != CITY or c.population >= 100_000:
                    continue
                home = [
                    k
                    for k, x in enumerate(m.cands)
                    if x.country_code == a1.country_code and x.admin1_code == a1.admin1_code
                ]
                if home:
                    choice[j] = home[0]
                else:
                    m.cands = []
                continue
            if (
                c.population >= 100_000
                and c.match == MAIN
                and not (len(between) <= 40 and _KIND_BETWEEN.search(between))
            ):
                # "an agreement signed in Riyadh ... (Aden)": a city named as such (not
                # "Kashan (Kashani) village (Zakho, Duhok)": a village of that name there)
                continue
            home = [k for k, x in enumerate(m.cands) if x.country_code == a1.country_code]
            if home:
                choice[j] = home[0]
            else:
                m.cands = []


def _to_record(gaz: Gazetteer, m: _Mention, k: int, text: str) -> PlaceMention:
    c = m.cands[k]
    start, end, method = m.start, m.end, m.via
    if m.capital >= 0 and c.feature in (ADMIN1, COUNTRY):
        cap = gaz.capital_of(c)
        if cap is not None:
            c = cap
            start = m.capital
            method = "capital-of"
    # a piece of a longer name is doubtful, unless a locator vouches for it ("the Joint
    # Forces in Hays (Al Hudaydah)": Hays lies in Al Hudaydah)
    vouched = c.admin1_code in m.within_a1 and c.feature in (CITY, ADMIN2)
    conf = m.conf * (0.6 if m.via == "embedded" and not vouched else 1.0)
    feature = FEATURE_NAMES[c.feature]
    if c.feature == CITY:
        prec = GEO_NEAR if m.near else GEO_TOWN
    elif c.feature in (ADMIN1, COUNTRY, REGION):
        prec = GEO_PROVINCE
    else:
        prec = GEO_NEAR
    admin1 = gaz.admin1_name(c.admin1_code) if c.feature != COUNTRY else None
    lat, lon = c.latitude, c.longitude
    if m.toward is not None and c.admin1_code in gaz.a1_entry and _province_like(gaz, c):
        # "the eastern Deir ez-Zor countryside": the middle of the province's towns and
        # districts that way from its middle (down the Euphrates), not the city
        middle = gaz.candidate(gaz.a1_entry[c.admin1_code])
        way = gaz.towns_toward(c.admin1_code, middle.latitude, middle.longitude, m.toward)
        if way is not None:
            lat, lon = way
            prec, method = GEO_NEAR, f"{method}+toward"
    return PlaceMention(
        start=start,
        end=end,
        text=text[start:end],
        name=c.name,
        geonameid=c.geonameid,
        latitude=round(lat, 5),
        longitude=round(lon, 5),
        country_code=c.country_code,
        country=gaz.country_name(c.country_code),
        admin1=admin1,
        admin2=gaz.admin2_name(c.index) if c.feature in (CITY, ADMIN2) else None,
        feature=feature,
        geo_precision=prec,
        confidence=round(conf, 3),
        candidates_considered=len(m.cands),
        method=method,
        population=c.population,
    )


def _province_like(gaz: Gazetteer, c: Candidate) -> bool:
    """A province, or the city that is its seat (``Gazetteer.capital_of``): whose countryside
    a compass word may split."""
    if c.feature == ADMIN1:
        return True
    if c.feature != CITY or c.admin1_code not in gaz.a1_entry:
        return False
    seat = gaz.capital_of(gaz.candidate(gaz.a1_entry[c.admin1_code]))
    return seat is not None and seat.index == c.index


def _division_of(place: PlaceMention, gaz: Gazetteer) -> Candidate | None:
    """The gazetteer's first-level division a province mention names."""
    return next(
        (
            c
            for c in gaz.lookup(place.name)
            if c.feature == ADMIN1
            and c.country_code == place.country_code
            and c.geonameid == place.geonameid
        ),
        None,
    )


def province_towns(place: PlaceMention, gazetteer: Gazetteer | None = None) -> PlaceMention:
    """A province that locates a town the gazetteer lacks ("Gadabo (Anzourou, Tillaberi)"):
    the median point of its towns and districts, where such a town most likely lies (not the
    middle of its box, which a long or empty province puts far from its towns). Any other
    place comes back as it is."""
    if place.feature != "admin1" or place.method.endswith("+toward"):
        return place
    gaz = gazetteer or Gazetteer.load()
    division = _division_of(place, gaz)
    middle = gaz.towns_middle(division.admin1_code) if division is not None else None
    if middle is None:
        return place
    return replace(
        place,
        latitude=round(middle[0], 5),
        longitude=round(middle[1], 5),
        method=f"{place.method}+towns",
    )


def province_seat(place: PlaceMention, gazetteer: Gazetteer | None = None) -> PlaceMention:
    """Where ACLED puts an event known only to a province: its capital
    (``Gazetteer.capital_of``: the curated seat, else the division's largest city), at
    geo_precision 3, the province still named as admin1. Any other place comes back as it
    is."""
    if place.feature != "admin1" or place.method.endswith("+toward"):
        return place  # (a compass part of it is where it is: "northern Idleb province")
    gaz = gazetteer or Gazetteer.load()
    division = _division_of(place, gaz)
    seat = gaz.capital_of(division) if division is not None else None
    if seat is None:
        return place
    return replace(
        place,
        name=seat.name,
        geonameid=seat.geonameid,
        latitude=round(seat.latitude, 5),
        longitude=round(seat.longitude, 5),
        method=f"{place.method}+seat",
        population=seat.population,
    )


def find_places(
    doc: Doc,
    *,
    gazetteer: Gazetteer | None = None,
    demonyms: bool = False,
    hints: Counter | None = None,
    not_places: list[tuple[int, int]] | None = None,
) -> list[PlaceMention]:
    """Every toponym mention in ``doc``, resolved, sorted by start offset.

    ``demonyms=True`` also returns demonyms ("Syrian") as their country (only for evaluation
    against corpora that annotate them); by default they only serve as context.
    ``hints`` counts countries other stages read in the text (the home countries of the
    armed groups it names: "Houthi forces" -> Yemen); each counts as a demonym does.
    ``not_places`` are character spans other stages read as names of something else (the
    actor dictionary's "al-Shabab", not the Iranian town Shabab): no toponym is read inside
    them, so they neither become places nor sway the reading of the others.
    """
    gaz = gazetteer or Gazetteer.load()
    _CAPITALS.clear()
    _CAPITALS.update(gaz.capitals)
    text = doc_text(doc)
    mentions, dem, _ = _recognise(doc, gaz)
    if not_places:
        mentions = [m for m in mentions if not any(s <= m.start < e for s, e in not_places)]
    mentions = _longest_names(mentions, doc, gaz, not_places or [])
    _mark_modifiers(mentions, doc)
    mentions = _locator_names(mentions, gaz, text)
    if hints:
        dem = dem + hints
    choice = _resolve(mentions, dem, gaz, text)
    _drop_far_neighbourhoods(mentions, choice)
    _drop_out_of_context(mentions, choice, text, dem)
    _keep_to_locator(mentions, choice, text)
    out = [_to_record(gaz, m, k, text) for m, k in zip(mentions, choice, strict=True) if m.cands]
    if demonyms:
        covered = [(p.start, p.end) for p in out]
        for tok in doc:
            if not tok.text[:1].isupper() or any(s <= tok.idx < e for s, e in covered):
                continue
            cand = gaz.demonym_place(tok.text)
            if cand is None:
                continue
            m = _Mention(tok.idx, tok.idx + len(tok.text), tok.text, [cand], "demonym")
            m.conf = 0.9
            out.append(_to_record(gaz, m, 0, text))
        out.sort(key=lambda p: p.start)
    return out


def resolve_spans(
    doc: Doc, spans: list[tuple[int, int]], *, gazetteer: Gazetteer | None = None
) -> list[PlaceMention | None]:
    """Resolve given character spans (gold toponyms) with the document's own places as
    context; ``None`` where no candidate is found."""
    gaz = gazetteer or Gazetteer.load()
    _CAPITALS.clear()
    _CAPITALS.update(gaz.capitals)
    text = doc_text(doc)
    found, dem, _ = _recognise(doc, gaz)
    given: list[_Mention] = []
    for s, e in spans:
        t = text[s:e]
        cands, how = [], ""
        dem_place = gaz.demonym_place(t)
        if dem_place is not None:
            cands, how = [dem_place], "exact"
        if not cands:
            cands, how = _candidates_for_text(gaz, t)
        if not cands:
            # the longest part of the span that is a known name ("Colorado State University")
            words = t.split()
            for L in range(len(words) - 1, 0, -1):
                for a in range(0, len(words) - L + 1):
                    part = " ".join(words[a : a + L])
                    if part.lower() in STOP_WORDS or part.lower() in COMMON:
                        continue
                    cands = gaz.lookup(part)
                    if cands:
                        break
                if cands:
                    how = "exact"
                    break
        if not cands:
            cands = _fuzzy_candidates(gaz, t, 80, 0)
            how = "fuzzy"
        m = _Mention(s, e, t, cands, "given" if how == "exact" else "skeleton")
        _read_cues(text, m)
        m.capital = -1
        given.append(m)
    keep = [m for m in found if not any(m.start < e and s < m.end for s, e in spans)]
    allm = keep + given
    order = sorted(range(len(allm)), key=lambda j: allm[j].start)
    _containers([allm[j] for j in order], text, gaz)
    _constrain(allm, gaz)
    choice = _resolve(allm, dem, gaz)
    out: list[PlaceMention | None] = []
    for m, k in zip(given, choice[len(keep) :], strict=True):
        out.append(_to_record(gaz, m, k, text) if m.cands else None)
    return out
