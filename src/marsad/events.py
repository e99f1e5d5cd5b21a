"""events stage: who did what to whom, sentence by sentence, in ACLED's taxonomy.

For every sentence of a parsed :class:`Document` the stage finds trigger words from the
lexicon in ``data/triggers.csv``, reads the roles off the dependency parse (subject, object,
"from X", "to Y", passive agents), judges the modality (conditional, intended, future,
negated and failed actions never become completed events) and fills place, date and
fatalities from the mentions that the places, time and actors stages found. Every field keeps
its :class:`Evidence`.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from marsad import time as timex
from marsad.fatalities import find_fatalities
from marsad.nlp import doc_text
from marsad.places.gazetteer import haversine_km, normalize, skeleton
from marsad.places.resolve import (
    AYN_MARKS,
    PLACE_LABELS,
    province_seat,
    province_towns,
    resolve_spans,
)
from marsad.records import (
    EVENT_TYPE_OF,
    GEO_NEAR,
    GEO_PROVINCE,
    SUB_EVENT_SPECIFICITY,
    ActorMention,
    DateMention,
    Document,
    EventMention,
    Evidence,
    PlaceMention,
    Sentence,
)

GAIN = "Government regains territory"
OVERTAKE = "Non-state actor overtakes territory"
CLASH = "Armed clash"
SHELLING = "Shelling/artillery/missile attack"
LOOT = "Looting/property destruction"


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    frame: str
    event_type: str
    sub_event_type: str
    context: str


@lru_cache(maxsize=1)
def load_triggers() -> dict[tuple[str, str], list[Trigger]]:
    """The trigger lexicon, keyed by (lemma, coarse POS)."""
    table: dict[tuple[str, str], list[Trigger]] = {}
    path = resources.files("marsad") / "data" / "triggers.csv"
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            trig = Trigger(
                row["lemma"],
                row["pos"],
                row["frame"],
                row["event_type"],
                row["sub_event_type"],
                row["context"] or "",
            )
            table.setdefault((trig.lemma, trig.pos), []).append(trig)
    return table


# Words whose clause makes what they govern unreal: intentions, hypotheticals, abilities.
IRREALIS_HEADS = frozenset(
    [
        "hope",
        "aim",
        "plan",
        "intend",
        "seek",
        "want",
        "wish",
        "threaten",
        "vow",
        "expect",
        "prepare",
        "promise",
        "propose",
        "prospect",
        "chance",
        "opportunity",
        "ability",
        "strategy",
        "plan",
        "goal",
        "fear",
        "risk",
        "threat",
        "possibility",
        "launchpad",
        "capacity",
        "potential",
        "desire",
        "bid",
        "effort",
        "ambition",
        "intention",
        "need",
        "prevent",
        "avoid",
        "deny",
        "could",
        "would",
        "might",
        "may",
        "should",
        "will",
        "shall",
        "unable",
    ]
)
ATTEMPT_HEADS = frozenset({"attempt", "try", "fail", "struggle"})
NEGATORS = frozenset({"not", "never", "no", "n't", "neither", "nor", "without"})
CLAIM_HEADS = frozenset({"claim", "say", "report", "announce", "state", "allege", "insist"})
UNREAL_ADVERBS = frozenset({"never", "possibly", "potentially", "perhaps", "maybe", "eventually"})
MODALS = frozenset({"could", "would", "might", "may", "should", "will", "shall", "'d", "'ll"})
UNREAL_AMODS = frozenset({"future", "potential", "possible", "planned", "expected"})
CIVILIAN_WORDS = frozenset(
    [
        "civilian",
        "civilians",
        "people",
        "villager",
        "villagers",
        "resident",
        "residents",
        "worshipper",
        "worshippers",
        "child",
        "children",
        "woman",
        "women",
        "student",
        "students",
        "farmer",
        "farmers",
        "passenger",
        "passengers",
        "shopper",
        "shoppers",
        "pilgrim",
        "pilgrims",
        "mourner",
        "mourners",
        "family",
        "families",
    ]
)
# Single victims and occupations: "gunmen shot a teacher" is an attack on a civilian.
CIVILIAN_WORDS = CIVILIAN_WORDS | frozenset(
    [
        "man",
        "men",
        "youth",
        "youths",
        "boy",
        "boys",
        "girl",
        "girls",
        "person",
        "persons",
        "journalist",
        "journalists",
        "teacher",
        "teachers",
        "trader",
        "traders",
        "merchant",
        "merchants",
        "doctor",
        "doctors",
        "nurse",
        "nurses",
        "shepherd",
        "shepherds",
        "collectors",
        "hunters",
        "fisherman",
        "fishermen",
        "vendor",
        "vendors",
        "herder",
        "herders",
        "driver",
        "drivers",
        "worker",
        "workers",
        "councillor",
        "councilor",
        "activist",
        "activists",
        "victim",
        "victims",
        "businessman",
        "priest",
        "imam",
        "elder",
        "elders",
        "wife",
        "husband",
        "son",
        "daughter",
        "migrant",
        "migrants",
        "refugee",
        "refugees",
        "smuggler",
        "smugglers",
        "lawyer",
        "lawyers",
        "employee",
        "employees",
        "pharmacist",
        "pharmacists",
        "engineer",
        "engineers",
        "attendee",
        "attendees",
        "singer",
        "singers",
        "professor",
        "prosecutor",
        "judge",
        "mukhtar",
        "patient",
        "patients",
        "customer",
        "customers",
    ]
)
# What causes harm without an actor: no political event ("an earthquake killed eight").
NON_POLITICAL_AGENTS = frozenset(
    [
        "earthquake",
        "quake",
        "flood",
        "floods",
        "flooding",
        "landslide",
        "storm",
        "cyclone",
        "hurricane",
        "typhoon",
        "sandstorm",
        "tornado",
        "accident",
        "crash",
        "collision",
        "fire",
        "blaze",
        "lightning",
        "disease",
        "outbreak",
        "leak",
        "plant",
        "factory",
        "transformer",
        "boiler",
        "tanker",
        "heatwave",
        "avalanche",
        *("mudslide", "mudslides", "landslides", "rain", "rains", "rainfall", "downpour"),
        *("stampede", "collapse", "wildfire", "wildfires", "bushfire", "bushfires"),
        *("fires", "cold", "snap", "heat", "frost", "blizzard", "drought"),
        # animals: "red deer stags battle for mating rights", "an elephant killed a farmer"
        *("elephant", "elephants", "tiger", "tigers", "leopard", "leopards", "lion", "lions"),
        *("bears", "crocodile", "crocodiles", "snake", "snakes", "stags", "deer", "bulls"),
        *("wolves", "wolf", "shark", "sharks", "hippo", "hippos", "hyenas", "bees"),
    ]
)
# A disease that kills: "meningitis has killed 45 people" (only as the killer itself: the
# coronavirus is named in the news of many protests and assaults "during the lockdown").
DISEASES = frozenset(
    {"epidemic", "pandemic", "cholera", "meningitis", "malaria", "measles", "ebola", "dengue"}
    | {"covid", "covid-19", "coronavirus", "virus", "diseases", "famine", "fever"}
)
# Combatants a capture can take: people, not ground.
CAPTIVE_HEADS = frozenset(
    {"soldier", "fighter", "militant", "policeman", "officer", "commander", "guard", "troop"}
)
ARMED_WORDS = frozenset(
    [
        "militant",
        "militants",
        "fighter",
        "fighters",
        "soldier",
        "soldiers",
        "troops",
        "forces",
        "force",
        "army",
        "jihadist",
        "jihadists",
        "insurgent",
        "insurgents",
        "rebel",
        "rebels",
        "police",
        "policemen",
        "gunmen",
        "militia",
        "militias",
        "guard",
        "guards",
        "officer",
        "officers",
    ]
)
AIR_WORDS = frozenset(
    [
        "air",
        "jet",
        "jets",
        "warplane",
        "warplanes",
        "aircraft",
        "bomber",
        "bombers",
        "drone",
        "drones",
        "helicopter",
        "helicopters",
        "airstrike",
        "airstrikes",
        "plane",
        "planes",
        "aerial",
        "uav",
        "uavs",
        "aircrafts",
    ]
)
PROPERTY_WORDS = frozenset(
    [
        "house",
        "houses",
        "home",
        "homes",
        "building",
        "buildings",
        "shop",
        "shops",
        "market",
        "village",
        "villages",
        "church",
        "mosque",
        "school",
        "property",
        "vehicle",
        "vehicles",
        "car",
        "cars",
        "crop",
        "crops",
        "office",
        "offices",
        "field",
        "fields",
        "harvest",
        "farm",
        "farms",
        "farmland",
        "orchard",
        "orchards",
        "land",
        "lands",
        "tent",
        "tents",
        "warehouse",
        "warehouses",
        "consulate",
        "embassy",
        "headquarters",
        # "burned 3 trucks on the highway", "blew up a bridge"
        "truck",
        "trucks",
        "tanker",
        "tankers",
        "bus",
        "buses",
        "bridge",
        "bridges",
        # "burned a telecommunications tower", "set fire to a girls' school"
        "tower",
        "towers",
        "schools",
        "clinic",
        "clinics",
    ]
)
MOTION_VERBS = frozenset(
    {"send", "fly", "deploy", "redeploy", "relocate", "return", "come", "arrive", "travel", "move"}
)
NON_EVENT_PLACES = frozenset({"physical"})
DEVICE_WORDS = frozenset(
    [
        "roadside",
        "car",
        "truck",
        "vehicle",
        "motorcycle",
        "explosive",
        "explosives",
        "planted",
        "device",
        "devices",
        "ied",
        "ieds",
        "bomb",
        "bombs",
        "landmine",
        "landmines",
        "mine",
        "mines",
        "suicide",
        "detonated",
        "booby-trapped",
        "vbied",
    ]
)
MAX_EVENT_DAYS = 180


@dataclass(slots=True)
class _Candidate:
    trigger: Trigger
    token: Token
    modality: str
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc1: ActorMention | None = None
    place: PlaceMention | None = None
    absorbed: bool = False
    role_tokens: set[int] = field(default_factory=set)
    model_probability: float | None = None  # set when the classifier, not a trigger, found it
    # a rule that the classifier's second opinion may not overturn, named for the evidence
    firm_rule: str | None = None


# --------------------------------------------------------------------------------------
# dependency helpers


def _governors(token: Token) -> Iterable[Token]:
    """The chain of heads a clause hangs from, stopping at relative clauses (which assert
    on their own) and at the sentence root."""
    cur = token
    while cur.head.i != cur.i and cur.dep_ != "relcl" and not _relative_where(cur):
        cur = cur.head
        yield cur


def _governed_by(token: Token, heads: frozenset[str], depth: int = 3) -> bool:
    """One of the ``depth`` nearest governors of ``token`` has a lemma in ``heads``."""
    return any(_lemma(g) in heads for g in itertools.islice(_governors(token), depth))


def _relative_where(tok: Token) -> bool:
    """'Mosul, from where their leader declared ...' asserts like a relative clause."""
    return any(c.tag_ == "WRB" and c.lower_ == "where" for c in tok.children)


# Inflected forms the small model's lemmatizer gets wrong ("hoping" -> "hop").
_FORMS = {"hoping": "hope", "hoped": "hope", "hopes": "hope", "aiming": "aim", "seeking": "seek",
          "sought": "seek", "planning": "plan", "planned": "plan", "trying": "try",
          "tried": "try", "attempting": "attempt", "attempted": "attempt",
          "retook": "retake", "raped": "rape", "raping": "rape",
          # (spaCy's lemma of "installed" is "instal")
          "installed": "install", "installing": "install"}  # fmt: skip


def _lemma(tok: Token) -> str:
    return _FORMS.get(tok.lower_, tok.lemma_.lower())


def _sentence_is_hypothetical(token: Token) -> bool:
    """A sentence whose main verb is modal ("... could give them a chance to ...") or
    conditional asserts nothing in its main clause."""
    root = token.sent.root
    for child in root.children:
        if child.dep_ == "aux" and child.lower_ in MODALS:
            return True
        if child.dep_ == "mark" and child.lower_ in {"if", "unless"}:
            return True
        if (
            child.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ in {"if", "unless"} for g in child.children)
            and any(c.dep_ == "aux" and c.lower_ in MODALS for c in root.children)
        ):
            return True
    return False


_AGGREGATE = re.compile(
    r"\b(?:during|over|throughout|in)\s+(?:the\s+)?(?:course\s+of\s+(?:the\s+)?)?"
    r"(?:[\w-]+\s+){0,3}(?:battle|campaign|war|conflict|offensive|siege|fighting|uprising)\b",
    re.I,
)
# a tally over a period: "since January", "in the first half of the year", "monthly tally"
_TALLY = re.compile(
    r"\bsince\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|the\s+(?:start|beginning)\s+of)\b"
    r"|\b(?:so\s+far\s+this|in\s+the\s+(?:first|second)\s+half\s+of\s+the)\s+year\b"
    r"|\bover\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:weeks|months|years)\b"
    r"|\b(?:monthly|annual|weekly|yearly)\s+(?:tally|toll|report|count)\b",
    re.I,
)


def _deadly(text: str) -> bool:
    """The text reports at least one death ("no fatalities were reported" is (0, 0))."""
    fat = find_fatalities(text)
    return fat is not None and fat[1] > 0


def _is_aggregate(token: Token, patterns: tuple[re.Pattern[str], ...] | None = None) -> bool:
    """'more than 3,000 were killed during the four-month battle': a campaign's toll, not
    an event (ACLED codes the campaign's events one by one); likewise a tally over a period.
    ``patterns`` narrows which of the two (_AGGREGATE, _TALLY) may tell it."""
    text = token.sent.text
    return (
        token.pos_ == "VERB"
        and any(p.search(text) for p in patterns or (_AGGREGATE, _TALLY))
        and _deadly(text)
    )


def _modality(token: Token) -> str:
    """asserted | attempted | claimed | unreal (conditional, intended, future, negated)."""
    claimed = False
    if _lemma(token) in {"kill", "die"} and _is_aggregate(token):
        return "unreal"
    chain = [token, *_governors(token)]
    if _sentence_is_hypothetical(token):
        return "unreal"
    if (
        token.pos_ == "NOUN"
        and _lemma(token) in {"attack", "assault", "offensive", "raid", "strike", "operation"}
        and token.dep_ == "pobj"
        and token.head.lower_ == "before"
        and any(c.dep_ == "det" and c.lower_ in {"a", "an", "any"} for c in token.children)
    ):
        return "unreal"  # "warned residents to leave their homes before an attack"
    if _campaign_aim(token):
        return "unreal"
    for i, tok in enumerate(chain):
        lemma = _lemma(tok)
        for child in tok.children:
            clemma = child.lemma_.lower()
            if child.dep_ == "mark" and clemma in {"if", "unless", "whether"}:
                return "unreal"
            if child.dep_ == "neg" or (child.dep_ == "advmod" and clemma in UNREAL_ADVERBS):
                return "unreal"
            if child.dep_ == "aux" and clemma in MODALS:
                return "unreal"
            if child.dep_ == "amod" and clemma in UNREAL_AMODS and i == 0 and tok.pos_ == "NOUN":
                return "unreal"
            if child.dep_ == "det" and clemma == "no" and i == 0 and tok.pos_ == "NOUN":
                return "unreal"  # "No clashes were reported"
        if i == 0:
            continue
        if lemma in {"kill", "die"} and _is_aggregate(tok, (_TALLY,)):
            return "unreal"  # "killed ... in the first half of the year, most by air strikes"
        joined = chain[i - 1].dep_ == "conj" and chain[i - 1].head.i == tok.i
        if lemma in ATTEMPT_HEADS and tok.pos_ in {"VERB", "NOUN", "AUX"} and not joined:
            # (not "attempted to storm the building and detonated his vest": the second
            # deed is joined to the attempt, not attempted)
            return "attempted"
        if lemma in IRREALIS_HEADS and not _month_may(tok):
            return "unreal"
        if (
            i == 1
            and lemma in GATHER_HEADS
            and _lemma(chain[0]) in AIMED_DEEDS
            and chain[0].dep_ == "advcl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in chain[0].children)
        ):
            return "unreal"  # "gathered in Chahar Dara to attack ANA checkpoints": the aim
        if lemma in CLAIM_HEADS and tok.pos_ in {"VERB", "NOUN"}:
            claimed = True
    return "claimed" if claimed else "asserted"


def _campaign_aim(token: Token) -> bool:
    """What a campaign the deed is part of aims at, not a deed: "airstrikes targeting a
    camp, as part of a campaign to destroy the regime's military assets"."""
    drive = token.head
    return (
        token.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and _lemma(drive) in DRIVE_NOUNS
        and drive.dep_ == "pobj"
        and drive.head.lower_ == "of"
        and drive.head.head.lower_ == "part"
    )


def _month_may(tok: Token) -> bool:
    """The month ("On 7 May 2020", where a broken parse hangs the sentence on the date),
    not the modal."""
    return tok.text == "May" and (tok.pos_ == "PROPN" or tok.i > tok.sent.start)


# Past tenses the small tagger reads as the head noun of a subject ("a sniper shot and
# killed ...", "gunmen attacked and killed").
MISTAGGED_VERBS = frozenset({"shot", "stabbed", "attacked", "ambushed", "abducted", "fired"})


# What a group launches to do a deed, the deed then being the launcher's: "launched a
# campaign to recruit", "began an operation to clear" (not "foiled an attempt to seize").
DRIVE_NOUNS = frozenset({"campaign", "operation", "drive"})


def _subject(token: Token) -> Token | None:
    """The grammatical subject of a trigger's clause, climbing through xcomp, advcl, conj and
    prepositional complements ("by overrunning", "only to lose it")."""
    cur = token
    for _ in range(8):
        if cur.pos_ == "NOUN" and _lemma(cur) in CLAIM_HEADS:  # "the SDF claim to have killed"
            claimant = _noun_owner(cur)
            if claimant is not None:
                return claimant
        if cur is not token and _lemma(cur) == "accuse":
            # "accused Houthi forces of shelling", "police are accused of assaulting": the
            # accused did it, not the accuser
            accused = _accused(cur)
            if accused is not None:
                return accused
        for child in cur.children:
            if child.dep_ in {"nsubj", "csubj"}:
                return _past_label([c for c in cur.children if c.dep_ in {"nsubj", "csubj"}])
            # The small model reads the acronym "IS" before a verb as an auxiliary.
            if child.dep_ == "aux" and child.text == "IS" and child.i < cur.i:
                return child
            if child.dep_ == "agent":
                for gchild in child.children:
                    if gchild.dep_ == "pobj":
                        return gchild
        if (
            cur.dep_ == "conj"
            and cur.pos_ == "VERB"
            and cur.head.pos_ == "NOUN"
            and cur.head.lower_ in MISTAGGED_VERBS
            and cur.head.i < cur.i
        ):
            # "a Houthi sniper shot and killed a civilian": the tagger read "sniper shot"
            # as one noun; the phrase before the verb is its subject
            return cur.head
        if cur.dep_ == "ccomp" and _lemma(cur.head) in SPEECH_VERBS:
            break  # "three were killed in a blast, police said": the police only tell it
        if (
            cur.dep_ == "acl"
            and cur.head.dep_ == "ROOT"
            and cur.head.pos_ in {"NOUN", "PROPN"}
            and (
                any(c.dep_ == "dobj" for c in cur.children)
                or cur.lemma_.lower() in MOVEMENT_DEEDS  # "PMF brigades redeployed from"
            )
        ):
            # "On 11 May, US forces brought in reinforcements": the small parser, finding
            # no main verb, hangs the verb on its doer as a relative clause
            return cur.head
        if cur.dep_ in {"xcomp", "advcl", "conj", "pcomp", "prep", "acl", "ccomp", "acomp"}:
            cur = cur.head
            continue
        if cur is not token and cur.dep_ == "dobj" and _lemma(cur) in DRIVE_NOUNS:
            cur = cur.head  # "SDF forces launched a campaign to recruit young men"
            continue
        break
    return None


def _accused(verb: Token) -> Token | None:
    """Whom "accuse" accuses: its object, or its passive subject ("police are accused")."""
    return next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)


# Deeds done without an object, that no one has done to them: "PMF brigades redeployed".
MOVEMENT_DEEDS = frozenset(
    {"deploy", "redeploy", "withdraw", "retreat", "advance", "arrive", "mobilize", "mobilise"}
    | {"relocate", "defect", "clash", "fight", "patrol", "gather", "march", "rally"}
)
SPEECH_VERBS = frozenset(
    {"say", "tell", "report", "add", "state", "note", "explain", "reveal", "mention"}
)


def _reported_subject(subj: Token | None, trigger: Token, index: _Index) -> Token | None:
    """'The Syrian army announced that it had restored control': an unresolved pronoun
    subject of a reported clause is the reporter."""
    if subj is None or subj.pos_ != "PRON" or index.actor_in(subj) is not None:
        return subj
    cur = trigger
    while cur.dep_ in {"xcomp", "conj", "advcl"} and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "ccomp" and _lemma(cur.head) in CLAIM_HEADS | {"announce", "declare", "confirm"}:
        return _subject(cur.head) or subj
    return subj


def _noun_owner(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in {"poss", "compound"} and child.i < token.i:
            return child
    return None


def _past_label(subjects: list[Token]) -> Token:
    """The first subject, unless it is a note's label before a colon ("Movement of forces:
    On 1 August 2025, several Al Shabaab were deployed in ...", ACLED's newer notes), which
    the parser reads as a second subject: then the one after the colon."""
    first = subjects[0]
    colon = next((t for t in first.doc[first.i : first.sent.end] if t.text == ":"), None)
    if len(subjects) > 1 and colon is not None:
        after = [s for s in subjects if s.i > colon.i]
        if after:
            return after[0]
    return first


def _passive_subject(token: Token) -> Token | None:
    subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    if subjects:
        return _past_label(subjects)
    # "2 civilians killed.", "3 soldiers injured": a toll written without its "were", which
    # the tagger reads as the counted people doing the killing
    if (
        token.tag_ in {"VBN", "VBD"}
        and _lemma(token) in TOLL_VERBS
        and not any(
            c.dep_ in {"dobj", "obj", "aux", "auxpass", "prep"} and c.lower_ != "according"
            for c in token.children
        )
    ):
        subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subj is not None and (subj.like_num or any(c.dep_ == "nummod" for c in subj.children)):
            return subj
    return None


TOLL_VERBS = frozenset({"kill", "injure", "wound", "abduct", "kidnap", "behead", "execute"})


def _obj(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in {"dobj", "obj", "attr"}:
            return child
    for child in token.children:
        # "shot dead an Iraqi soldier": the parse hangs the object on "dead"
        if child.dep_ == "acomp" and child.lower_ == "dead":
            for grand in child.children:
                if grand.dep_ in {"dobj", "obj"}:
                    return grand
    return None


# Words that measure or count a thing: "more than a tonne of fentanyl pills", "a cache of"
LAND_WORDS = frozenset({"land", "lands", "farmland", "farmlands"})
MEASURE_WORDS = frozenset(
    {"more", "less", "fewer", "over", "tonne", "ton", "kilogram", "kg", "kilo", "gram"}
    | {"pound", "litre", "liter", "gallon", "barrel", "bag", "box", "sack", "crate", "haul"}
    | {"consignment", "shipment", "cache", "quantity", "amount", "number", "lot", "batch"}
    | {"packet", "bundle", "dozen", "hundred", "thousand", "million", "stockpile", "load"}
    | {"plot", "tract", "parcel", "dunam", "dunum", "hectare", "acre"}
)


def _thing_taken(obj: Token) -> Token:
    """The thing an object names under its measure: "more than a tonne of fentanyl pills"
    -> pills, "a cache of weapons" -> weapons; else the object itself."""
    for _ in range(4):
        land = _prep_obj(obj, {"of"}) if obj.lemma_.lower() == "area" else None
        if land is not None and land.lemma_.lower() in LAND_WORDS:
            return land  # "seized a large area of Palestinian-owned land": land, owned
        if obj.lemma_.lower() not in MEASURE_WORDS and obj.pos_ != "NUM":
            break
        nxt = _prep_obj(obj, {"than", "of"})
        if nxt is None:
            break
        obj = nxt
    return obj


def _prep_obj(token: Token, preps: set[str]) -> Token | None:
    """The object of the first of ``preps`` on ``token``; a date is no object ("On 3 March
    2020, government forces clashed with ...": the "on" is the date's)."""
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps:
            for gchild in child.children:
                if gchild.dep_ in {"pobj", "pcomp"} and gchild.ent_type_ not in {"DATE", "TIME"}:
                    return gchild
    return None


def _relative_antecedent(token: Token) -> Token:
    """'which' / 'that' / 'it' in a relative clause -> the noun the clause hangs on."""
    if token.tag_ in {"WDT", "WP"}:
        cur = token
        while cur.head.i != cur.i and cur.dep_ != "relcl":
            cur = cur.head
        if cur.dep_ == "relcl":
            return cur.head
    return token


# --------------------------------------------------------------------------------------
# mention lookup


_ROAD = r"(?:highway|road|motorway|expressway|railway|pipeline)s?\b"
ROAD_AFTER = re.compile(rf"\s*-\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+{_ROAD}")
ROAD_BETWEEN = re.compile(r"[A-Z][\w'’-]*\s*-\s*$")
ROAD_TAIL = re.compile(rf"\s+{_ROAD}")
# What lies between a place and the name that locates it: "Razih district (Saada", "Sabari
# (Khost", "Hnutove, Donetsk", "(Kalehe, Sud-Kivu".
_UNIT_WORDS = r"(?:district|town|city|village|county|township|sub-district|subdistrict|area)"
_AYN = f"[{''.join(sorted(AYN_MARKS))}]"
# "X (Y", "X district, Y", "X district in Y" (Y the same province: "in Munabbih district in
# Saada", where Saada is also the seat's name)
LOCATES = re.compile(
    # (a name may end in an ayn: "Rada' district (Al Bayda)")
    # (and the province's may begin with one: "Harf Sufyan district ('Amran)")
    rf"{_AYN}?(?:\s+{_UNIT_WORDS})?(?:\s*\(coded [^()]{{1,60}}\))?\s*(?:\(|,)\s*{_AYN}?"
    rf"|\s+{_UNIT_WORDS}\s+(?:in|of)\s+(?:the\s+)?"
)
# ACLED's own word on where it coded an event: "Shadaa district (coded to Al Mashaf)",
# "(coded to district center Akre)", "(coded as Karma city, Al Anbar)"
CODED_TO = re.compile(
    r"\bcoded\s+(?:to|as|at)\s+(?:the\s+)?(?:(?:district|governorate|province|sub-?district)"
    r"(?:\s+(?:center|centre|capital|level))?(?:\s+(?:at|of))?\s+|approximate location as\s+)?$",
    re.I,
)
# "the countryside of Deir ez Zor", "rural Homs", "Hama countryside": the rural part of a
# province, however the name reads (Deir ez Zor is also the province's seat)
RURAL_BEFORE = re.compile(
    r"(?:\b(?:countryside|outskirts|badia|desert|suburbs)\s+of\s+(?:the\s+)?|\brural\s+)$", re.I
)
RURAL_AFTER = re.compile(r"\s+(?:countryside|badia|desert)\b", re.I)


def _letters(name: str | None) -> str:
    return normalize(name).replace(" ", "") if name else ""


class _Index:
    """Mentions of one sentence, by character offset."""

    def __init__(
        self,
        actors: list[ActorMention],
        places: list[PlaceMention],
        sent: Span,
        main: frozenset[str] = frozenset(),
    ) -> None:
        lo, hi = sent.start_char, sent.end_char
        self.actors = [a for a in actors if lo <= a.start < hi]
        self.places = [p for p in places if lo <= p.start < hi]
        self.main = main
        # the countries that only qualify a thing ("a US drone"), read once
        self.modifiers = frozenset(p.start for p in self.places if _modifier_only(sent.doc, p))
        text = sent.text if self.places else ""  # (doc.text would rebuild the whole text)
        # "on the Kabul-Kandahar highway": the road's ends name the road, not the place
        self.road_ends = frozenset(
            p.start
            for p in self.places
            if ROAD_AFTER.match(text, p.end - lo)
            or (
                ROAD_BETWEEN.search(text, max(0, p.start - lo - 40), p.start - lo)
                and ROAD_TAIL.match(text, p.end - lo)
            )
        )
        # "in Razih district (Saada)", "near Hnutove, Donetsk": the second name locates the
        # first, even where it reads as a town ("Saada" is also the province's seat); the
        # district it locates is named as precisely as a town ("in Meknassy (Sidi Bou Zid)",
        # not "workers at the Gafsa Phosphate Company")
        pairs = [
            (q.start, p.start)
            for q in self.places
            for p in self.places
            if q.end <= p.start
            and _eventful(q)
            and p.admin1 is not None
            and p.country_code == q.country_code
            and (
                (q.feature in {"city", "admin2"} and p.admin1 == q.admin1)
                # (a mountain or plain a province locates: "in Jabal al-Akrad (Lattakia)",
                # "the Hamrin mountains (Diyala)"; one filed under no province)
                or (q.feature in {"physical", "region"} and q.admin1 in {None, p.admin1})
            )
            and LOCATES.fullmatch(text, q.end - lo, p.start - lo)
        ]
        self.located = frozenset(q for q, _ in pairs)
        self.locators = frozenset(p for _, p in pairs)
        # "a civilian from Al Qusayr died in Sidnaya prison", "clashes in Afrin between
        # gunmen from Arbin and gunmen from Hayyan": where people come from, not where
        self.homes = frozenset(
            x.idx
            for t in sent
            if t.lower_ == "from"
            and (
                (t.head.pos_ == "NOUN" and t.head.lower_ in ORIGIN_NOUNS)
                # ("killing one gunman from Arbin", the parse hangs "from" on the verb)
                or (t.head.pos_ == "VERB" and t.head.lemma_.lower() in {"kill", "injure", "wound"})
            )
            for x in t.subtree
        )
        self.coded = frozenset(
            p.start
            for p in self.places
            if CODED_TO.search(text, max(0, p.start - lo - 60), p.start - lo)
        )
        # a province's countryside ranks as the province: a village named with it is where
        self.rural = frozenset(
            p.start
            for p in self.places
            if (p.feature == "admin1" or _letters(p.name) == _letters(p.admin1))
            and (
                RURAL_BEFORE.search(text, max(0, p.start - lo - 40), p.start - lo)
                or RURAL_AFTER.match(text, p.end - lo)
            )
        )

    def rank(self, place: PlaceMention) -> float:
        """_place_rank, with the place a note says it was coded to first, a road's end below
        any town or district named on its own, a province's countryside and a name that
        locates the one before it as low as a province."""
        if place.start in self.coded:
            return -1
        if place.start in self.road_ends:
            # a road's end, before the province the road runs through ("on Sokhneh - Tadmor
            # road in the badia of Homs"), after any town or district named on its own
            return max(_place_rank(place), 1.5)
        if place.start in self.rural:
            return max(_place_rank(place), 2)
        if place.start in self.locators:
            return max(_place_rank(place), 2)
        if place.start in self.located:
            return 0
        return _place_rank(place)

    def foreign(self, place: PlaceMention) -> bool:
        """A place outside the countries the article is about ('backed by Iran')."""
        return bool(self.main) and place.country_code not in self.main

    def actor_in(self, tok: Token | None) -> ActorMention | None:
        """The actor a phrase names: a mention on the head word, else the one nearest it.
        Monitors, aid agencies and other organisations are sources, not sides."""
        if tok is None:
            return None
        lo = tok.left_edge.idx
        hi = tok.right_edge.idx + len(tok.right_edge)
        orgs = _keys_of_kind("org")
        # overlapping, not only starting inside: the parse may leave the first word of
        # "IS militants" outside the subject's subtree
        inside = [a for a in self.actors if a.start < hi and a.end > lo and a.key not in orgs]
        if not inside:
            return None
        head = tok.idx
        text = doc_text(tok.doc)

        def score(a: ActorMention) -> tuple[int, int, float]:
            covers = a.start <= head < a.end
            backed = "backed" in text[a.end : a.end + 10]
            return (0 if covers else 1, 1 if backed else 0, abs(a.start - head))

        return min(inside, key=score)

    def actors_within(self, tok: Token) -> list[ActorMention]:
        """The distinct armed or civilian actors named inside a phrase, in text order."""
        lo = tok.left_edge.idx
        hi = tok.right_edge.idx + len(tok.right_edge)
        orgs = _keys_of_kind("org")
        seen: set[str] = set()
        out: list[ActorMention] = []
        for a in sorted(self.actors, key=lambda a: a.start):
            if a.start < hi and a.end > lo and a.key not in orgs and (a.key or a.actor) not in seen:
                seen.add(a.key or a.actor)
                out.append(a)
        return out

    def other_side(
        self, tok: Token, actor: ActorMention, assoc: ActorMention | None
    ) -> ActorMention | None:
        """The armed actor of the sentence that is neither the doer nor its backer."""
        orgs = _keys_of_kind("org")
        skip = {actor.key, assoc.key if assoc else None, "CIV", "PROT", ""}
        text = doc_text(tok.doc)
        options = [
            a
            for a in self.actors
            if a.key not in skip
            and a.key not in orgs
            and a.inter in {1, 2, 3, 4, 8}
            and "backed" not in text[a.end : a.end + 10]
            and "-led" not in text[a.start : a.end]
        ]
        return min(options, key=lambda a: abs(a.start - tok.idx)) if options else None

    def assoc_in(self, tok: Token | None, main: ActorMention | None) -> ActorMention | None:
        """'Russian-backed X' / 'X, backed by Y' -> Y as the associated actor."""
        if tok is None or main is None:
            return None
        lo = tok.left_edge.idx
        hi = tok.right_edge.idx + len(tok.right_edge)
        text = doc_text(tok.doc)
        for a in self.actors:
            if a is main or a.key == main.key or not lo <= a.start < hi + 60:
                continue
            tail = text[a.end : a.end + 10].lower()
            head = text[max(0, a.start - 25) : a.start].lower()
            if any(w in tail for w in ("backed", "supported", "allied")) or re.search(
                r"(?:backed|supported|aided|assisted) by\s*(?:the\s+)?$", head
            ):
                return a
        for a in self.actors:
            # "Syrian and Russian forces": the other state of a list of demonyms
            if a is main or a.key == main.key or not lo <= a.start < hi:
                continue
            between = text[a.end : main.start] if a.end <= main.start else text[main.end : a.start]
            if LIST_JOIN.fullmatch(between) and a.method == "nationality":
                return a
        return None

    def place_in(
        self, tok: Token | None, outside: ActorMention | None = None
    ) -> PlaceMention | None:
        """The place told within ``tok``'s phrase; not one inside ``outside``, an actor's
        name."""
        if tok is None:
            return None
        lo = tok.left_edge.idx
        hi = tok.right_edge.idx + len(tok.right_edge)
        inside = [
            p
            for p in self.places
            # "shot down a US MQ-9 drone over Dhamar": the US names whose drone, not where
            if lo <= p.start < hi
            and _eventful(p)
            and p.start not in self.modifiers
            and p.start not in self.homes
            and not (outside is not None and outside.start <= p.start < outside.end)
        ]
        if not inside:
            return None
        return min(inside, key=lambda p: (self.rank(p), abs(p.start - tok.idx)))


# How a list joins its items: "Syrian and Russian", "Iraqi, Kurdish and US".
LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and)\s*")
# What puts a name in a locator: "X (Y", "X (Y, Z", "X, Y".
LOCATOR_BEFORE = re.compile(r"(?:\([^()]*|,\s*)$")


@cache
def _keys_of_kind(kind: str) -> frozenset[str]:
    """The actor dictionary's keys of one kind ("org", "de-facto-state")."""
    from marsad.actors import ActorDictionary

    return frozenset(e.key for e in ActorDictionary.load() if e.kind == kind)


def _eventful(place: PlaceMention) -> bool:
    return place.feature not in NON_EVENT_PLACES


def _place_rank(place: PlaceMention) -> int:
    return {"city": 0, "region": 1, "admin2": 1, "admin1": 2, "physical": 3, "country": 4}.get(
        place.feature, 3
    )


# Aircraft named by their model: "F-16s", "Su-24", "MiG-23", "Tu-22"
AIRCRAFT_MODEL = re.compile(r"^(?:f|su|mig|tu|mi|ka|a|b|l)-\d{1,3}[a-z]{0,2}s?$")


def _state_doer(tok: Token, index: _Index) -> ActorMention | None:
    """The state forces that are the subject of the sentence's main verb."""
    root = tok.sent.root
    subj = _subject(root) if root.pos_ in {"VERB", "AUX"} else None
    actor = index.actor_in(subj)
    return actor if actor is not None and actor.inter == 1 else None


def _does(actor: ActorMention, tok: Token) -> bool:
    """``actor`` is named in the subject of the verb ``tok`` is or hangs on (its own
    subject, not one borrowed from the clause it hangs on)."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    for doer in verb.children:
        if doer.dep_ == "nsubj":
            lo = doer.left_edge.idx
            return lo <= actor.start < doer.right_edge.idx + len(doer.right_edge)
    return False


def _head_words(tok: Token) -> set[str]:
    """A noun and the words that make it ("Turkish drones", "GNA air force"), not the phrases
    hung on it ("forces, along with the helicopters of ...")."""
    return {tok.lower_} | {
        c.lower_ for c in tok.children if c.dep_ in {"compound", "amod", "nmod", "nummod"}
    }


SUICIDE_DRONES = frozenset({"drone", "drones", "uav", "uavs"})


def _aircraft(words: set[str]) -> bool:
    return bool(words & AIR_WORDS) or any(AIRCRAFT_MODEL.match(w) for w in words)


def _is_civilian(tok: Token | None) -> bool:
    if tok is None:
        return False
    # the words of the phrase, not of the names in it ("posts in Imam Sahib district")
    words = {t.lower_ for t in tok.subtree if t.i == tok.i or t.pos_ != "PROPN"}
    return bool(words & CIVILIAN_WORDS) and not (words & ARMED_WORDS)


CIVILIAN_SITE_RULE = "rule:civilian-site"
ABDUCTION = "Abduction/forced disappearance"
DISAPPEARED_RULE = "rule:disappeared"
EXPLOSION_WORDS = frozenset(
    {"bomber", "bombers", "bombing", "bombings", "explosion", "explosions", "blast", "blasts"}
)
# Places where civilians gather: "gunmen attacked a Sikh temple", "stormed a maternity ward".
CIVILIAN_SITES = frozenset(
    {"mosque", "mosques", "temple", "temples", "church", "churches", "gurdwara", "shrine"}
    | {"school", "schools", "hospital", "hospitals", "clinic", "market", "markets", "bazaar"}
    | {"wedding", "funeral", "university", "madrasa", "madrassa", "ward"}
)


def _civilian_site(tok: Token | None) -> bool:
    """The thing attacked is where civilians gather, and no armed side is named in it."""
    if tok is None:
        return False
    words = {t.lower_ for t in tok.subtree}
    return tok.lower_ in CIVILIAN_SITES and not (words & ARMED_WORDS)


def _has_context(token: Token, words: frozenset[str] | set[str], window: int = 3) -> bool:
    sent = token.sent
    lo = max(sent.start, token.i - window)
    hi = min(sent.end, token.i + window + 1)
    near = {t.lower_ for t in token.doc[lo:hi]} | {t.lemma_.lower() for t in token.doc[lo:hi]}
    near |= {c.lower_ for c in token.children}
    near |= {token.head.lower_, token.head.lemma_.lower()}  # "a convoy of 50 vehicles ... entered"
    return bool(near & words)


# Words for a share of a place: "parts of the town", "most of the district".
SHARE_WORDS = frozenset({"part", "most", "much", "rest", "half", "some", "all", "remainder"})
CROWD_KEYS = frozenset({"PROT", "RIOT"})
# Civilians who, acting together, are a crowd.
CROWD_WORDS = frozenset({"residents", "villagers", "locals", "crowd", "mob", "townspeople"})
# Prepositions that make an event noun the time of another: "during a military exercise".
WHEN_PREPS = frozenset({"during", "amid"})
# Words before an event noun that say it has not happened (yet).
NOT_YET = frozenset({"planned", "upcoming", "proposed", "scheduled", "expected", "possible"})
IED = "Remote explosive/landmine/IED"
# Participles that, before a noun, describe a standing state ("the besieged town").
STATE_PARTICIPLES = frozenset({"besiege", "encircle", "surround", "occupy", "blockade"})
# Weapons that, named as the doer, make a strike shelling.
HEAVY_DOERS = frozenset(
    {"artillery", "mortar", "rocket", "missile", "howitzer", "tank", "cannon", "shell", "launcher"}
)
PROJECTILES = frozenset(
    {"drone", "drones", "missile", "missiles", "rocket", "rockets", "projectile", "projectiles"}
)


def _reads_itself(token: Token, index: _Index) -> bool:
    """``token`` is a trigger in its own right here (its context holds)."""
    options = load_triggers().get((token.lemma_.lower(), _coarse_pos(token))) or []
    return any(_context_ok(t, token, index) for t in options if t.context != "shell-doer")


def _ground_taken(verb: Token, index: _Index) -> bool:
    """What a verb of taking took is ground, not people: not "released 3 ANP members they had
    captured", "captured 5 soldiers"."""
    taken = _obj(verb)
    if taken is None and verb.dep_ == "relcl":  # ("the members they had captured in X":
        taken = verb.head  # the clause's place is not the members')
        return _is_place_noun(taken) or index.actor_in(taken) is None
    if taken is None or index.place_in(taken) is not None or _is_place_noun(taken):
        return True
    return index.actor_in(taken) is None


# Who is taken when the object names no civilians: "took them away", "took 5 aid workers
# hostage" (the parser makes "hostage" the object).
TAKEN_PEOPLE = frozenset({"them", "him", "her", "hostage"})


# How the freed were taken: "who had been captured", "that were kidnapped in 2019".
CAPTIVE_TAKEN = frozenset({"capture", "captured", "kidnap", "kidnapped", "abduct", "abducted"})


def _context_ok(trig: Trigger, token: Token, index: _Index) -> bool:
    ctx = trig.context
    if trig.frame == "gain" and token.pos_ == "VERB" and not _ground_taken(token, index):
        return False
    if not ctx:
        return True
    if ctx.startswith("word:"):
        words = set(ctx[5:].split("|"))
        # or the verb it hangs on, however far: "Turkish forces entered Idleb province on
        # Sunday morning with a convoy of 50 military vehicles"
        # (its subject or object, or what it came "with"; not "which under the control of
        # the SDF" hung on "established")
        if token.dep_ == "pobj" and token.head.lower_ == "with":
            verb = token.head.head
        elif token.dep_ in {"dobj", "nsubj", "nsubjpass"}:
            verb = token.head
        else:
            verb = token
        if token.pos_ == "VERB":
            # (or the verb's object, however many words before it: "installed a new
            # temporary military base")
            taken = _obj(token)
            if taken is not None and taken.lower_ in words:
                return True
        return _has_context(token, words, 4) or (verb.pos_ == "VERB" and verb.lower_ in words)
    if ctx in {"armed-doer", "armed-seen"} and token.pos_ == "VERB":
        # "Al Shabaab fighters were seen gathering", "Taliban militants regrouped in ...":
        # an armed group on the move (not "residents gathered", nor "saw the attack")
        passive = any(c.dep_ == "auxpass" for c in token.children)
        if (ctx == "armed-seen" and not passive) or _lemma(token.head) in ATTEMPT_HEADS:
            return False  # ("as they tried to cross into Iran": no move made)
        doer = _passive_subject(token) if passive else _subject(token)
        actor = index.actor_in(doer)
        return (
            actor is not None
            and actor.inter in ARMED_INTERS
            and not DEMAND_WORDS.search(token.sent.text)
        )
    if ctx == "air":
        doer = _subject(token) if token.pos_ == "VERB" else None
        # "unidentified warplanes, believed to be Israeli, struck", "Iraqi F-16s struck"
        return _has_context(token, AIR_WORDS, 4) or (
            doer is not None and _aircraft({t.lower_ for t in doer.subtree})
        )
    if ctx == "air-doer":  # "Turkish drones targeted a convoy": only the doer makes it air
        doer = _subject(token) if token.pos_ == "VERB" else None
        words = _head_words(doer) if doer is not None else set()
        return _aircraft(words) and "suicide" not in words  # a suicide bomber is no aircraft
    if ctx.startswith("head:"):  # "set up checkpoints": the thing done, not told of
        return token.dep_ in {"dobj", "nsubjpass"} and _lemma(token.head) in ctx[5:].split("|")
    if ctx == "air-with":  # "targeted pro-Hadi positions with an explosive-laden drone"
        instrument = _with_what(token) if token.pos_ == "VERB" else None
        return instrument is not None and _aircraft({t.lower_ for t in instrument.subtree})
    if ctx == "shell-doer":  # "Houthi artillery targeted the front": guns as the doer
        doer = _subject(token) if token.pos_ == "VERB" else None
        # ("a mortar shell fired by Houthi forces hit a house": the shell is read itself)
        if (
            doer is not None
            and not _reads_itself(doer, index)
            and bool({w.rstrip("s") for w in _head_words(doer)} & HEAVY_DOERS)
        ):
            return True
        # ... or as the instrument: "targeted Al Hazm city with Katyusha rockets"
        instrument = _with_what(token) if token.pos_ == "VERB" else None
        return instrument is not None and _heavy_only(" ".join(t.text for t in instrument.subtree))
    if ctx == "armed-with":  # "targeted a vehicle with machine guns": small arms as the means
        instrument = _with_what(token) if token.pos_ == "VERB" else None
        return instrument is not None and bool(
            LIGHT_WEAPONS.search(" ".join(t.text for t in instrument.subtree))
        )
    if ctx == "suicide":
        # ("suicide drone attacks": drones that blow up on their target, an air strike)
        return _has_context(token, {"suicide"}, 2) and not _has_context(token, SUICIDE_DRONES, 2)
    if ctx == "captives" and token.pos_ == "VERB":
        # "released 4 former IRG soldiers that were captured in 2019", "set free 10 ANSF
        # members who had been captured": fighters held by the other side let go (ACLED's
        # agreement; not "police released 3 protesters")
        freed = _obj(token)
        if freed is None or (
            token.lower_ in {"set", "sets"} and not _has_context(token, {"free"}, 2)
        ):
            return False
        told = {t.lemma_.lower() for t in freed.subtree}
        side = index.actor_in(freed) if _lemma(freed) in CAPTIVE_HEADS else None
        return bool(told & CAPTIVE_TAKEN) or (side is not None and side.inter in ARMED_FORCES)
    if ctx == "fired-on":
        # "border guards fired on African migrants": people fired on (not "fired on Monday";
        # a crowd or a village fired on is read by the other rules)
        return any(
            c.dep_ == "prep"
            and c.lower_ in {"on", "upon"}
            and any(
                g.dep_ == "pobj"
                and g.pos_ in {"NOUN", "PROPN"}
                and g.ent_type_ not in {"DATE", "TIME", "GPE", "LOC", "FAC"}
                and not _is_place_noun(g)
                and not _is_protest(g)
                for g in c.children
            )
            for c in token.children
        )
    if ctx == "fire":
        return _has_context(token, {"fire", "fired", "attack", "strike", "launched", "hit"}, 4)
    if ctx == "projectile":  # "a missile towards Marib city (Marib), which was intercepted"
        return _has_context(token, PROJECTILES, 10)
    if ctx == "device":
        return _has_context(token, DEVICE_WORDS, 8)
    if ctx == "throw":
        return _has_context(token, {"throw", "threw", "thrown", "hurled", "lobbed", "attack"})
    if ctx == "in":
        return _has_context(token, {"in"}, 2)
    if ctx == "over":
        return _has_context(token, {"over"}, 3)
    if ctx == "blown-property":  # "Houthi forces blew up 3 houses of tribal leaders"
        obj = _obj(token)
        return (
            any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children)
            and obj is not None
            and obj.lower_ in PROPERTY_WORDS
            and not _deadly(token.sent.text)
        )
    if ctx == "taken-away":  # "stopped a bus and took around 20 passengers away"
        obj = _obj(token)
        return (
            any(c.dep_ in {"prt", "advmod"} and c.lower_ == "away" for c in token.children)
            or _has_context(token, {"hostage", "hostages", "captive", "captives"}, 4)
        ) and (_is_civilian(obj) or (obj is not None and obj.lower_ in TAKEN_PEOPLE))
    if ctx == "unopposed":  # "entered the district centre without resistance"
        return _unopposed(token)
    if ctx == "property-object":
        return _has_context(token, PROPERTY_WORDS, 4)
    if ctx == "by-harm":  # "a child was injured by a Houthi shell"
        return (
            token.dep_ == "pobj"
            and token.head.lower_ == "by"
            and _lemma(token.head.head) in TOLL_VERBS | {"injure", "hit", "hurt"}
            and not any(c.lower_ == "unexploded" for c in token.children)
        )
    if ctx == "post-object":  # "Taliban militants targeted an ANA outpost": a fight at it
        obj = _obj(token) if token.pos_ == "VERB" else None
        said = {t.lower_ for t in token.sent}
        return (
            obj is not None
            and _lemma(obj) in POSTS
            and not said & (DEVICE_WORDS | EXPLOSION_WORDS | WEAPON_WORDS | AIR_WORDS)
        )
    if ctx.startswith("armed:"):
        # "Iraqi security forces launched a military operation to pursue IS remnants": a
        # force's operation, told with no fight (one told with a fight is the fight)
        doer = _subject(token) if token.pos_ == "VERB" else _noun_actor(token, index)
        actor = index.actor_in(doer)
        sent = token.sent
        after = token.doc[max(0, sent.start - 60) : min(len(token.doc), sent.end + 60)].text
        return (
            actor is not None
            and actor.inter in ARMED_FORCES
            # (a police operation against traffickers is told for what came of it)
            and not actor.actor.startswith("Police Forces")
            and "police" not in actor.text.lower()
            and _has_context(token, set(ctx[6:].split("|")), 4)
            # (not "carried out an operation in Jacarezinho. A shoot-out broke out": the
            # fight, nor the search that followed a killing)
            and not FIGHT_TOLD.search(after)
            and not PEOPLE_HURT.search(after)
            and not SHOOTOUT.search(after)
        )
    if ctx.startswith("nonstate:"):
        # "Taliban militants blocked the highway", not "protesters blocked the highway"
        doer = _subject(token) if token.pos_ == "VERB" else None
        actor = index.actor_in(doer)
        return (
            actor is not None
            # (or a de facto authority: "Houthi authorities imposed new taxes on traders")
            and (actor.inter in {2, 3, 4} or actor.key in _keys_of_kind("de-facto-state"))
            and _has_context(token, set(ctx[9:].split("|")), 4)
        )
    if ctx == "agreement-object":
        return _has_context(token, {"agreement", "deal", "ceasefire", "truce", "accord"}, 4)
    if ctx == "base-object":
        return _has_context(token, {"caliphate", "headquarters", "base", "emirate"}, 8)
    if ctx == "armed-object":
        return _is_armed(_obj(token))
    if ctx in {"place-object", "place-of", "place-from", "to-actor"}:
        target = {
            "place-object": _obj(token),
            "place-of": _prep_obj(token, {"of"}),
            "place-from": _prep_obj(token, {"from"}),
            "to-actor": _prep_obj(token, {"to"}),
        }[ctx]
        if ctx == "to-actor":
            return target is not None and index.actor_in(target) is not None
        if _is_protest(target):  # "stormed a protest camp": force against protesters
            return False
        if target is not None and target.lower_ in {"it", "which", "that"}:
            return True
        storm = ctx == "place-object" and _lemma(token) in {"storm", "overrun"}
        posts = POSTS if _lemma(token) == "storm" else FRONT_POSTS
        if storm and target is not None and _lemma(target) in posts:
            # "stormed ALP posts in Imam Sahib district", "overran an ALP checkpoint": a
            # fight at the posts
            return False
        if (
            ctx == "place-object"
            and target is not None
            and _lemma(target) in POSTS
            and any(c.dep_ == "prt" and c.lower_ == "over" for c in token.children)
        ):
            return True  # "took over positions in At Tuhayta district" (not "took up")
        if any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
            return False  # "took up positions in Hays": a deployment
        return index.place_in(target) is not None or _is_place_noun(target)
    return True


# Posts a side holds: stormed, they are fought at, not a territory taken.
POSTS = frozenset(
    {"post", "outpost", "base", "checkpoint", "position", "camp", "station", "compound"}
    | {"headquarters", "barracks", "garrison", "prison", "jail"}
)
FRONT_POSTS = frozenset({"checkpoint", "post", "outpost", "position"})
PLACE_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "district",
        "province",
        "region",
        "area",
        "territory",
        "neighbourhood",
        "neighborhood",
        "base",
        "airport",
        "airbase",
        "border",
        "crossing",
        "stronghold",
        "outskirts",
        "side",
        "quarter",
        "suburb",
        "countryside",
        "enclave",
        "capital",
        # "took control of government institutions in Aden", "seized the port"
        "institution",
        "palace",
        "port",
    ]
)


def _is_place_noun(tok: Token | None) -> bool:
    return tok is not None and tok.lemma_.lower() in PLACE_NOUNS


def _is_armed(tok: Token | None) -> bool:
    if tok is None:
        return False
    return bool({t.lower_ for t in tok.subtree} & ARMED_WORDS)


def _coarse_pos(token: Token) -> str:
    if token.pos_ in {"VERB", "AUX"}:
        return "VERB"
    if token.pos_ in {"NOUN", "PROPN"}:
        return "NOUN"
    return token.pos_


# --------------------------------------------------------------------------------------
# the stage


def _protest_summary(token: Token) -> bool:
    """'It was the second day of protests': a summary of the protests told already, not
    one more."""
    head = token.head
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or head.lower_ != "of":
        return False
    return head.head.dep_ == "attr" and _lemma(head.head.head) == "be"


def _earlier_told(token: Token) -> bool:
    """'arrested young men who had taken part in a protest the previous day': a relative
    clause in the pluperfect tells why, not one more event."""
    for gov in _governors(token):
        if gov.dep_ == "relcl":
            return any(c.dep_ == "aux" and c.lower_ == "had" for c in gov.children)
    return False


def _trigger_options(token: Token) -> list[Trigger]:
    """The lexicon's readings of ``token`` as a trigger word (none for 'IS' the group)."""
    table = load_triggers()
    lemma = _lemma(token)
    if token.tag_ == "VBZ" and token.text == "IS":
        return []
    options = table.get((lemma, _coarse_pos(token))) or table.get((token.lower_, "NOUN"))
    if not options and lemma.endswith("s"):
        options = table.get((lemma[:-1], _coarse_pos(token)))
    if not options and token.tag_ == "VBZ":
        # "ANSF airstrikes in response killed 5 Taliban": a plural noun the tagger read as
        # a verb with no reading of its own as one
        options = table.get((lemma, "NOUN"))
    return list(options or [])


def find_triggers(sent: Span, index: _Index) -> list[_Candidate]:
    found: list[_Candidate] = []
    for token in sent:
        lemma = token.lemma_.lower()
        options = _trigger_options(token)
        if not options:
            continue
        # Prefer the most specific reading whose context holds.
        chosen = None
        for trig in sorted(options, key=lambda t: not t.context):
            if _context_ok(trig, token, index):
                chosen = trig
                break
        if chosen is None:
            continue
        if token.ent_type_ in {"DATE", "TIME"}:  # "March" the month, "May" the month
            continue
        if (
            (chosen.frame != "protest" and _natural_cause(token))
            or _attributed(token)
            or _protesting_target(token)
        ):
            continue
        if chosen.frame in {"clash", "assault", "attack"} and _abstract_foe(token):
            continue  # "measures to battle the coronavirus", "fight against corruption"
        if chosen.frame == "protest" and _diplomatic_protest(token):
            continue  # "the foreign ministry lodged a formal protest": diplomacy
        if chosen.frame in {"protest", "riot"} and _governed_by(token, BAN_HEADS):
            continue  # "extended the ban on all marches and protests": no protest took place
        if chosen.frame == "agree" and _governed_by(token, WISH_HEADS):
            continue  # "called for an immediate ceasefire": none was agreed
        if chosen.frame == "agree" and TRADE_DEAL.search(token.sent.text):
            continue  # "signed a deal for 26 fighter jets", "a staff-level agreement with
            # the IMF": a purchase or a loan, not an agreement between foes
        if _wished_end(token):
            continue  # "called for an end to the fighting": a wish, not a fight told
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and _lemma(token.head) in DECIDE_HEADS:
            continue  # "parliament approved the deployment of 1,000 police": a decision
        if (
            token.tag_ == "VBG"
            and token.dep_ == "relcl"
            and {"been"} <= {c.lower_ for c in token.children}
            and {"have", "has"} & {c.lower_ for c in token.children}
        ):
            continue  # "Rakhine, where the junta and the Arakan Army have been fighting": a
            # war described as it goes on, not a fight told
        if token.dep_ == "compound" and token.head.lemma_.lower() in KIND_HEADS:
            continue  # "the protest movement", "an attack helicopter": a kind of thing
        if lemma == "execute" and any(
            c.dep_ in {"dobj", "nsubjpass"} and _lemma(c) in EXECUTED_THINGS for c in token.children
        ):
            continue  # "executed 25 search warrants", "the plan was executed": no killing
        if any(c.lower_ == "verbal" for c in token.children):
            continue  # "suffered verbal attacks": words, not violence
        if (
            lemma == "set"
            and chosen.frame == "activity"
            and not any(c.lower_ == "up" for c in token.children)
        ):
            continue  # "set fire to the headquarters": not "set up a headquarters"
        if chosen.frame == "activity" and token.dep_ == "pobj" and token.head.lower_ in WHEN_PREPS:
            continue  # "held a protest during a military exercise": the exercise is the when
        if token.dep_ == "amod" and token.tag_ == "VBN" and lemma in STATE_PARTICIPLES:
            continue  # "the besieged Dar'a al Balad neighbourhood": a state, not a deed told
        if chosen.frame == "protest" and (_protest_summary(token) or _earlier_told(token)):
            continue
        if token.pos_ == "NOUN" and any(c.lower_ in NOT_YET for c in token.children):
            continue  # "arrested teachers ahead of a planned protest": not (yet) held
        if token.lemma_.lower() in {"curfew", "lockdown"} and not (
            token.dep_ in {"dobj", "nsubjpass"}
            and _lemma(token.head) in {"announce", "impose", "declare", "enforce", "extend"}
        ):
            continue  # "beaten for not respecting the curfew imposed ...": told, not imposed
        if token.pos_ == "NOUN" and _governed_by(token, INQUIRY_HEADS, 2):
            continue  # "is investigating the assault", "condemned the attack": told elsewhere
        if token.pos_ == "NOUN" and _trend_subject(token):
            continue  # "where bandit attacks and kidnappings have surged": a summary
        if token.pos_ == "NOUN" and _governed_by(token, RETORT_HEADS):
            continue  # "in response to the alleged nerve gas attack": a cause told as such
        if chosen.frame in WEAPON_FRAMES and any(
            c.dep_ in {"compound", "amod"} and c.lower_ in CROWD_MUNITIONS for c in token.children
        ):
            continue  # "police used tear gas bombs", "rioters threw petrol bombs": no IED
        found.append(_Candidate(chosen, token, _modality(token)))
    return found


MODEL_FRAME = "model"
MODEL_DETECT = 0.3  # least classifier probability for an event no trigger word found
# ... and for a strategic development whose doer the tagger did not name ("Aydin
# Governorship announced a mandatory use of face masks").
MODEL_STRATEGIC = 0.5
# least classifier probability for an event at no known place in no named country: below
# it the reading needs a place to stand on (ACLED dev's such events read 0.81 and up; the
# CASE dev and train snippets wrongly read so, 0.69 and down)
MODEL_PLACELESS = 0.8


# What courts do: a sentence told by one of them is justice over a deed told elsewhere.
COURT_VERBS = frozenset(
    {"sentence", "convict", "jail", "acquit", "indict", "uphold", "overturn", "try", "fine"}
)
# Event types of harm done: what an accident, a disaster or a claim can be misread as.
HARM_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Frames of harm or blasts that an accident or a claim can tell (not a protest by
# "workers of a factory", nor a "fire fight").
HARM_FRAMES = frozenset({"kill", "shell", "air", "ied", "bomb", "suicide", "attack"})


def _vetoed_harm(token: Token) -> bool:
    """A word of harm that the sentence tells as an accident or as a claim of who did it."""
    if not any(t.frame in HARM_FRAMES for t in _trigger_options(token)):
        return False
    # the doer named beside the accident word wins ("a farm was attacked by a group who set
    # tractors on fire")
    return _attributed(token) or (
        _natural_cause(token)
        and not _hostile(token.sent)
        and not _cause_unknown(_neighbours(token.sent))
    )


def model_candidates(sent: Span, index: _Index) -> list[_Candidate]:
    """A sentence with no trigger word that the sub-event classifier reads as an event
    ("fired heavy machine guns at the positions of ...", "beat up a woman"). The content
    word that weighed most for the predicted type stands as the trigger (its verb, when
    that word is a noun such as "positions"), so roles, modality, place and date come from
    the parse as for any trigger."""
    from marsad.classify import default_classifier

    if _lemma(sent.root) in COURT_VERBS:
        return []  # "a German court sentenced a former officer for the torture of detainees"
    pred = default_classifier().predict(sent.text)
    if not pred.is_event or pred.probability < MODEL_DETECT:
        return []
    clf = default_classifier()
    content = [t for t in sent if t.pos_ in {"VERB", "NOUN", "ADJ"}]
    token = max(content, key=lambda t: clf.weight(t.lower_, pred.label), default=None)
    if token is not None and clf.weight(token.lower_, pred.label) <= 0:
        token = None
    if token is None or token.ent_type_ in {"DATE", "TIME"} or _attributed(token):
        return []
    if token.pos_ in {"NOUN", "PROPN"} and (token.lemma_.lower(), "NOUN") not in load_triggers():
        head = token
        for _ in range(3):
            if head.head.i == head.i:
                break
            head = head.head
            if head.pos_ == "VERB":
                token = head
                break
    if (token.pos_ == "VERB" or token.lower_ in MISTAGGED_VERBS) and _obj(token) is None:
        # "an unknown gunman shot and injured a policeman": the deed is done to the object
        # of the verb joined to it
        token = next(
            (c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB" and _obj(c)),
            token,
        )
    if _accident(token):  # "two men died in a collision"
        return []
    agreed = load_triggers().get((_lemma(token), _coarse_pos(token)), [])
    if any(t.frame == "agree" and _context_ok(t, token, index) for t in agreed):
        return []  # "the government and the rebels signed a peace agreement": no fight
    if _lemma(token) in FIGHT_VERBS and _abstract_foe(token):  # "battled to contain a blaze"
        return []
    event_type = EVENT_TYPE_OF[pred.label]
    if event_type in HARM_TYPES and any(
        any(t.frame == "arrest" for t in _trigger_options(tok)) and _criminal_matter(tok, "Arrests")
        for tok in sent
    ):
        # "police arrested 30 suspected mafia members in raids": crime, not a raid or a fight
        # (thieves beaten by locals before their arrest are still mob violence)
        return []
    if event_type in HARM_TYPES and any(_vetoed_harm(t) for t in sent):
        # a word of harm the sentence tells as an accident or as a claim of who did it
        # ("claimed responsibility for an ambush last week that killed 20"): the classifier
        # would read the same words as the deed (a vigil "in memory of the students killed"
        # is still a protest)
        return []
    if event_type in HARM_TYPES and (
        _accident_sentence(sent)
        or _exercise_sentence(sent)
        or (
            _names_disaster(sent)
            # (a state's forces in a disaster's news are its victims: "an avalanche buried
            # an army post, trapping 100 soldiers")
            and not any(_hostile(s, forces_act=False) for s in _neighbours(sent))
        )
    ):
        # "an avalanche swept through a camp": no deed of anyone's (flood victims who
        # block a road still protest; a group that changes what it does "amid the
        # coronavirus outbreak" still did)
        return []
    if event_type in {"Protests", "Riots"} and _officials(_subject(token)):
        return []  # "Algeria recalled its ambassador", "the foreign ministers met": diplomacy
    if event_type == "Protests" and _armed_doer_no_crowd(sent, token, index):
        # "Taliban militants confiscated 3 vehicles": an armed group's deed the classifier
        # reads as a crowd's (a riot read is left to the later steps: "SNA fighters beat
        # and injured a Kurdish man", mob violence by armed men, is their attack)
        return []
    label = pred.label
    if label in {CLASH, "Attack"} and _heavy_only(sent.text):
        # "fired at the barracks with two missiles": heavy weapons alone are shelling,
        # whatever they were fired at (as for a trigger's instrument)
        label, event_type = SHELLING, EVENT_TYPE_OF[SHELLING]
    frame = {"Protests": "protest", "Riots": "riot"}.get(event_type, MODEL_FRAME)
    trig = Trigger(_lemma(token), _coarse_pos(token), frame, event_type, label, "")
    return [_Candidate(trig, token, _modality(token), model_probability=pred.probability)]


def _armed_doer_no_crowd(sent: Span, token: Token, index: _Index) -> bool:
    """The deed's doer is an armed group or a state's forces, and the sentence names no
    crowd or its deeds."""
    # (the subject of the word the classifier weighed, else of the sentence: "Taliban
    # militants confiscated 3 vehicles belonging to ...", weighed on "belonging")
    doer = index.actor_in(_subject(token)) or index.actor_in(_subject(sent.root))
    if doer is None or doer.inter not in ARMED_FORCES:
        return False
    return not CROWD_DEEDS.search(sent.text) and not any(t.lower_ in PROTEST_WORDS for t in sent)


# Who speaks for a state: a crowd the classifier reads into their deeds is diplomacy.
# Who speaks for a state abroad ("the president of the Employers Federation protested" is
# no diplomat) ...
DIPLOMATS = frozenset(
    {"ministry", "ministries", "embassy", "embassies", "minister", "ministers", "envoy"}
    | {"envoys", "ambassador", "ambassadors", "diplomat", "diplomats"}
)
# ... and at home.
OFFICIALS = DIPLOMATS | frozenset(
    {"delegation", "president", "government", "secretary", "spokesman", "spokeswoman"}
    | {"spokesperson"}
)


FIGHT_VERBS = frozenset({"battle", "fight", "combat", "tackle", "contain"})


def _abstract_foe(token: Token) -> bool:
    """A fight against no one: "battle the coronavirus", "battled to contain a blaze"; or
    a campaign, "as part of the fight against jihadist groups"."""
    if (
        token.pos_ == "NOUN"
        and _lemma(token) in {"fight", "war", "struggle", "battle"}
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ == "against" for c in token.children)
    ):
        return True
    return any(
        c.dep_ in {"dobj", "pobj"}
        and c.lemma_.lower() in ABSTRACT_FOES
        # ("clashed with heavy artillery fire": gunfire, no blaze)
        and not (c.lemma_.lower() == "fire" and _gunfire(c))
        for c in [*token.children, *(g for p in token.children for g in p.children)]
    )


def _gunfire(fire: Token) -> bool:
    """'heavy artillery fire', 'machine gun fire': the fire of weapons."""
    words = " ".join(t.text for t in fire.subtree if t.i < fire.i)
    return bool(HEAVY_WEAPONS.search(words) or LIGHT_WEAPONS.search(words)) or any(
        t.lower_ in {"heavy", "small", "arms", "gun", "sniper", "tank"} for t in fire.lefts
    )


def _diplomatic_protest(token: Token) -> bool:
    """'China's foreign ministry lodged a formal protest with the Philippines', 'Russia
    summoned Armenia's ambassador to protest over ...': a state's protest is diplomacy."""
    verb = token.head if token.dep_ in {"dobj", "pobj"} else token
    if verb.dep_ == "prep":
        verb = verb.head
    if token.dep_ == "dobj" and _lemma(verb) in {"lodge", "register", "file", "convey"}:
        return True  # "to lodge a strong protest": a note, not a crowd
    subj = _subject(verb)
    if subj is not None and subj.lower_ in DIPLOMATS:
        return True
    # a state by its name: "Russia summoned"
    return subj is not None and subj.lower_ not in OFFICIALS and _officials(subj)


def _officials(subj: Token | None) -> bool:
    """A subject that is a state ("Algeria recalled") or its officials (a town named
    before the sentence's doers, "Barinas, Barinas state, residents burned", is no state)."""
    if subj is None:
        return False
    if subj.lower_ in OFFICIALS:
        return True
    from marsad.actors import ActorDictionary

    return subj.ent_type_ == "GPE" and any(
        n.form == "country" for n in ActorDictionary.load().nationality(subj.text)
    )


def _conjoined_places(cand: _Candidate, index: _Index) -> list[_Candidate]:
    """'overrunning the provincial capital of Anbar and the city of Palmyra': one event
    for each conjoined place taken."""
    if cand.trigger.frame not in {"gain", "lose"} or cand.place is None:
        return []
    obj = _obj(cand.token)
    if obj is None:
        return []
    extra = []
    for conj in obj.conjuncts:
        place = index.place_in(conj)
        if place is not None and place.name != cand.place.name:
            extra.append(replace(cand, place=place, role_tokens=set(cand.role_tokens)))
    return extra


WEAPON_FRAMES = frozenset({"air", "bomb", "shell", "suicide", "ied"})
# Frames whose sentence's death count is the event's toll.
DEADLY_FRAMES = WEAPON_FRAMES | {"kill", "attack", "clash", "assault", "gain"}


def _fold_killings(cands: list[_Candidate]) -> None:
    """'Air strikes struck a market, killing 31 civilians', '276 people were killed when a
    truck bomb blew up': the killing is what the strike or blast did, so it becomes that
    event's victims, not an event of its own."""
    weapons = [
        c
        for c in cands
        if (
            c.trigger.frame in WEAPON_FRAMES
            # "fired live ammunition at protesters, killing 2": the force's victims
            or c.trigger.sub_event_type == EXCESSIVE
        )
        and c.modality != "unreal"
    ]
    if not weapons:
        return
    for kill in cands:
        if kill.trigger.frame != "kill" or kill.absorbed:
            continue
        weapon = min(weapons, key=lambda w: abs(w.token.i - kill.token.i))
        if _in_conjunction(kill, weapon):
            continue  # "snipers shot and killed a soldier, in conjunction with regime forces
            # shelling the same axis": the snipers' killing, not the shells' toll
        if weapon.trigger.event_type == "Protests":
            kill.absorbed = True
            continue
        if kill.actor1 is not None and kill.actor1.inter != 7:
            # (not "a civilian vehicle hit a roadside mine, killing 4": the vehicle's)
            weapon.actor1 = weapon.actor1 or kill.actor1
        if weapon.actor2 is None and kill.actor2 is not None and kill.actor2 is not weapon.actor1:
            weapon.actor2 = kill.actor2
        if weapon.place is None:
            weapon.place = kill.place
        kill.absorbed = True


# Words that make a sentence about a disaster or an accident, not political violence.
# ("fire", "blaze" and "plant" are left out: "opened fire", "set ablaze", "planted a bomb").
DISASTER_WORDS = frozenset(
    [
        *("earthquake", "earthquakes", "quake", "quakes", "tremor", "tsunami", "volcano"),
        *("erupted", "eruption", "landslide", "landslides", "mudslide", "avalanche"),
        *("flood", "floods", "flooded", "flooding", "storm", "storms", "cyclone", "hurricane"),
        *("typhoon", "wildfire", "wildfires", "bushfire", "bushfires", "heatwave", "drought"),
        *("spill", "spillage", "leak", "leaks", "leaked", "leakage", "outbreak", "lightning"),
        *("snow", "snowfall", "snowstorm", "blizzard", "tornado", "tornadoes", "twister"),
        *("floodwaters", "downpour", "downpours", "famine", "sandstorm", "sandstorms"),
        *("duststorm", "hailstorm", "hailstorms"),
    ]
)
# What blows up by accident: "a gas explosion", "a cooking gas container exploded" (not
# applied to attacks: "a nerve gas attack" is a chemical weapon).
BLASTS = frozenset({"explosion", "blast", "explode", "burst", "detonate"})
ACCIDENT_BLASTS = frozenset(
    {"gas", "cylinder", "container", "boiler", "pipeline", "fuel", "firework", "fireworks"}
    | {"methane", "chemical", "petrochemical", "refinery", "ammonium", "nitrate", "accidental"}
    | {"circuit"}  # "blamed on a short circuit"
)
# "killed when their bus plunged off a bridge": a death told by an accident's verb.
ACCIDENT_VERBS = frozenset(
    {"plunge", "crash", "collide", "overturn", "derail", "capsize", "skid", "topple", "collapse"}
)
RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})
WEAPON_WORDS = frozenset(
    {"bomb", "bombs", "ied", "ieds", "explosive", "explosives", "grenade", "rocket", "rockets"}
    | {"mortar", "mortars", "shell", "shells", "missile", "missiles", "suicide", "drone"}
)
# Heads under which an attack is attributed or denied, not reported ("claimed
# responsibility for the bombing", "rejected allegations that its jets were responsible").
ATTRIBUTION_HEADS = frozenset(
    {"responsibility", "responsible", "allegation", "accusation", "accuse", "blame", "behind"}
    # a trial or a remembrance of an attack told elsewhere: "convicted 20 men over the
    # attacks", "the anniversary of the siege", "in memory of the people killed"
    | {"convict", "sentence", "trial", "verdict", "anniversary", "memory"}
    | {"commemorate", "commemoration", "memorial"}
)


def _attributed(token: Token) -> bool:
    """The trigger sits in a statement of who is to blame for an attack told elsewhere
    (CASE 2021's 'attribution' class): a noun ("claimed responsibility for the bombing"), a
    gerund ("accused Iran of bombing", "responsibility for killing nine guards") or a
    relative clause on such a noun ("claimed responsibility for a car bomb that killed
    eight")."""
    if any(_earlier_deed_claimed(t) for t in token.sent):
        return True  # and its toll: "... carried out Saturday's assault, claiming to have
        # killed dozens"
    if _background_deed(token):
        return True
    if (
        (token.pos_ == "NOUN" or token.dep_ == "pobj")
        and any(
            t.frame in HARM_FRAMES | {"clash", "protest", "riot", "agree", "abduct"}
            for t in _trigger_options(token)
        )
        and _governed_by(token, TOPIC_HEADS, 4)
    ):
        return True  # "talks with army leaders on the fighting": the topic, not the deed
    if token.dep_ == "ccomp" and token.head.dep_ == "relcl":
        token = token.head  # "violations in which it said two civilians were killed"
    if token.dep_ in {"relcl", "acl"} and token.head.i != token.i:
        # "the siege in which 330 people were killed", "the 148 people killed by gunmen"
        heads = [token.head]
        if token.head.dep_ == "pobj" and token.head.head.head.pos_ == "NOUN":
            # the tagger hangs the clause on the place: "the bombing of the cathedral, which
            # killed 17", "alleged violations along the Line of Control in which ..."
            heads.append(token.head.head.head)
        return any(_lemma(h) in ATTRIBUTION_HEADS or _attributed(h) for h in heads)
    gerund = token.tag_ == "VBG" and (
        token.dep_ == "pcomp"
        # "convicted of joining Islamic State and fighting with the group"
        or (token.dep_ == "conj" and token.head.tag_ == "VBG" and token.head.dep_ == "pcomp")
    )
    if token.pos_ != "NOUN" and not gerund:
        return False
    if any(c.dep_ == "amod" and c.lower_ in ALLEGED for c in token.children):
        return True  # "a protest over alleged ceasefire violations in which two died"
    if token.pos_ == "NOUN" and _governed_by(token, INQUIRY_HEADS, 2):
        return True  # "condemned the attack in Kabul that killed 20": and its toll
    for gov in list(_governors(token))[:5]:
        if _lemma(gov) == "claim" and any(
            c.dep_ == "dobj" and _lemma(c) in {"responsibility", "credit"} for c in gov.children
        ):
            return True  # "claimed responsibility on Tuesday for an attack": the tagger
            # hangs "for" on the verb
        if _lemma(gov) in ATTRIBUTION_HEADS:
            # "police are accused of assaulting a driver" reports the assault (ACLED codes
            # it); "Guterres accused Iran of bombing Damascus" is one party blaming another
            # -- unless a coder's dated note tells it ("On 2 May 2020, pro-Hadi forces
            # accused Houthi forces of shelling their positions in Hays"), which is how
            # ACLED records one side's report of the other's fire
            accused = _accused(gov)
            if (
                gerund
                and _lemma(gov) == "accuse"
                and accused is not None
                and (accused.pos_ == "PROPN" or accused.lower_ in ARMED_WORDS)
                and NOTE_OPENING.match(token.sent.text)
            ):
                return False  # (not "beat a man after accusing him of kidnapping a child")
            return not (gerund and any(c.dep_ == "nsubjpass" for c in gov.children))
    return False


# How an ACLED coder's note opens: "On 2 May 2020,", "Around 8 May 2020 (as reported),".
NOTE_OPENING = re.compile(
    r"\s*(?:On|Around|As reported on|Between)\s+\d{1,2}(?:-\d{1,2})?\s+[A-Z][a-z]+\s+\d{4}\b"
)
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# What a source says of a deed told before: "officials said militants carried out
# Tuesday's attack", "blamed X for Sunday's bombing".
ATTRIBUTION_VERBS = frozenset(
    {"carry", "blame", "accuse", "claim", "deny", "attribute", "link", "behind", "perpetrate"}
)


def _earlier_deed_claimed(token: Token) -> bool:
    """'JNIM said its fighters carried out Saturday's assault': a deed named by the day it
    happened ("Saturday's", "last week's"), in a sentence about who did it, is news of the
    claim, not of the deed (CASE 2021's attribution class; ACLED's notes date their events
    and never write so)."""
    if token.pos_ != "NOUN" or not _earlier_day(token):
        return False
    # ... or in one about what it left: "the death toll from Thursday's bombing rose to 32",
    # "mourners buried the victims of Saturday's bombing"
    return any(_lemma(t) in ATTRIBUTION_VERBS for t in token.sent) or _governed_by(
        token, AFTERMATH_HEADS, 3
    )


AFTERMATH_HEADS = frozenset({"toll", "victim", "funeral", "aftermath", "survivor", "wake"})
ALLEGED = frozenset({"alleged", "purported"})
# How long before the news a deed is dated: "20 years after the bombings", "ten years since".
PERIOD_WORDS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"}
)
# A burial or a mourning, whose news names the deed that killed the dead.
FUNERAL = re.compile(
    r"\b(?:laid to rest|funerals?|burials?|mourners|wreaths?|cremated|"
    r"paid (?:their )?(?:last )?(?:respects|tributes?))\b",
    re.I,
)


def _trend_subject(noun: Token) -> bool:
    """'attacks and kidnappings have surged': the deeds are the subject of a trend verb."""
    while noun.dep_ == "conj":
        noun = noun.head
    return noun.dep_ == "nsubj" and _lemma(noun.head) in TREND_VERBS


MONTH_NAMES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december"}
)


def _earlier_day(noun: Token) -> bool:
    """'Saturday's bombing', 'last week's attack': a deed named by the day it happened."""
    return any(
        (
            c.dep_ == "poss"
            and (c.lower_ in WEEKDAYS or any(g.lower_ in {"week", "month"} for g in c.subtree))
        )
        # "the Easter Sunday bombings": a deed known by its day's name
        or (c.dep_ == "compound" and c.lower_ in WEEKDAYS and c.i > 0 and c.nbor(-1).is_title)
        # "the February attack on the market": a deed known by its month, or its year
        # ("the 2021 suicide bombings near parliament")
        or (
            c.dep_ in {"compound", "npadvmod", "nummod", "amod"}
            and (c.lower_ in MONTH_NAMES or YEAR.fullmatch(c.text) is not None)
            and c.i < noun.i
            and bool(_trigger_options(noun))
        )
        for c in noun.children
    )


YEAR = re.compile(r"(?:19|20)\d\d")
# Verbs of justice over a deed told as the charge: "charged 14 gang members with
# kidnapping", "charged a soldier over the killing of a civilian"
CHARGE_VERBS = frozenset({"charge", "accuse", "indict", "prosecute", "convict", "sentence"})
PERIOD_AGO = frozenset({"week", "month", "year", "weekend"})


def _told_as_earlier(token: Token) -> bool:
    """A deed in a clause dated to an earlier period: "the bomber who struck a police
    compound last week", "the gunmen who attacked the village earlier this month"."""
    return any(
        c.dep_ in {"npadvmod", "advmod"}
        and c.lower_ in PERIOD_AGO
        and any(g.lower_ in {"last", "earlier", "previous"} for g in c.subtree)
        for c in token.children
    )


def _background_deed(token: Token) -> bool:
    """A deed the news names as the past of something else: '20 years after the Bali
    bombings', 'to mark ten years since police shot dead 34 miners', 'compensation for those
    killed in last month's blast', 'the bodies of the soldiers killed in the blast were laid
    to rest'. ACLED's notes date each event and tell it as the news itself."""
    for x in (token, *itertools.islice(_governors(token), 4)):
        since = (
            x
            if x.lower_ in {"since", "after"} and x.dep_ == "prep"
            else next(
                (c for c in x.children if c.dep_ == "mark" and c.lower_ in {"since", "after"}),
                None,
            )
        )
        if since is not None and since.i > 0 and since.doc[since.i - 1].lower_ in PERIOD_WORDS:
            return True
    clause = (
        token
        if token.pos_ == "VERB"
        else next((g for g in _governors(token) if g.pos_ == "VERB"), None)
    )
    if (
        FUNERAL.search(token.sent.text)
        and clause is not None
        and clause.dep_ in {"acl", "relcl"}
        and any(t.frame in HARM_FRAMES for t in _trigger_options(token))
    ):
        return True  # the dead are named by how they died
    noun = (
        token
        if token.pos_ == "NOUN"
        else next(
            (
                c
                for p in token.children
                if p.dep_ == "prep" and p.lower_ in {"in", "from", "during", "by"}
                for c in p.children
                if c.dep_ == "pobj"
            ),
            None,
        )
    )
    if noun is not None and noun.dep_ == "compound":
        noun = noun.head  # "Friday's grenade attack"
    if (
        token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and token.head.lower_ in {"with", "over", "for"}
        and any(_lemma(g) in CHARGE_VERBS for g in itertools.islice(_governors(token), 6))
    ):
        return True  # "charged gang members with kidnapping": the charge, not the deed
    if (token.pos_ == "VERB" and token.dep_ in {"relcl", "acl"} and _told_as_earlier(token)) or (
        token.pos_ == "NOUN"
        and any(c.dep_ == "relcl" and _told_as_earlier(c) for c in token.children)
    ):
        return True  # "identified the bomber who struck a police compound last week"
    if (
        token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and _lemma(token.head.head) in {"victim", "survivor"}
    ):
        return True  # "spoke with relatives of victims of the supermarket shooting"
    if (
        token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and _lemma(token.head.head) in {"pause", "lull", "cessation", "halt"}
    ):
        return True  # "talks on a pause in fighting": no fight told
    if token.pos_ == "NOUN" and _governed_by(token, {"toll"}, 2):
        return True  # "revised the death toll from the hospital blast": an earlier deed's count
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and _lemma(token.head) == "claim":
        return True  # "the BLA claimed the attack on the convoy": the claim, not the deed
    if (
        token.pos_ == "NOUN"
        and noun is not None
        and noun.dep_ == "poss"
        and noun.head.pos_ == "NOUN"
    ):
        return True  # "traced the suicide bomber's handlers": the deed names a person
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head if _earlier_day(noun.head.head) else noun  # "last week's
        # exchange of fire"
    if noun is None or not _earlier_day(noun):
        return False
    if token.pos_ != "NOUN":
        return token.dep_ != "ROOT"  # "those killed in last month's blast"
    if noun.dep_ == "ROOT" or (noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.dep_ == "ROOT"):
        return False  # "Saturday's attack killed 20": the news itself
    head = noun.head.head if noun.head.dep_ == "prep" else noun.head
    # "five were killed in Saturday's blast" (not "released sketches of suspects in last
    # week's bomb")
    return not (
        head.dep_ == "ROOT"
        and head.pos_ == "VERB"
        and any(t.frame in HARM_FRAMES for t in _trigger_options(head))
    )


def _disaster_sentence(token: Token, actor: ActorMention | None) -> bool:
    """'five people were killed after a volcano erupted': harm in a sentence about a
    disaster or an accident, with no armed or political actor named as its doer."""
    if actor is not None and actor.key not in {"", "CIV"}:
        return False
    return _names_disaster(token.sent)


def _names_disaster(sent: Span) -> bool:
    """A word of ``sent`` names a disaster ("clashes erupted" does not)."""
    return any(
        t.lower_ in DISASTER_WORDS
        and not _human_eruption(t)
        and not _stormed(t)
        and not _armed_name(t)
        for t in sent
    )


# Words of the names of armed units and weapons: "Northern Storm Brigade", "Operation Peace
# Storm", "Storm Shadow missiles", "Eurofighter Typhoon jets"
ARMED_NAME_WORDS = frozenset(
    {"brigade", "brigades", "battalion", "battalions", "division", "regiment", "corps"}
    | {"army", "forces", "force", "front", "operation", "militia", "group", "movement"}
    | {"shadow", "eurofighter", "jet", "jets", "fighter", "fighters", "missile", "missiles"}
)


def _armed_name(tok: Token) -> bool:
    """'clashes between Northern Storm Brigade and Levant Front': the weather word is part of
    the name of an armed unit, an operation or a weapon (not "Tropical Storm Alberto")."""
    if not tok.text[:1].isupper():
        return False
    sent = tok.sent
    lo = hi = tok.i
    while lo > sent.start and tok.doc[lo - 1].text[:1].isupper():
        lo -= 1
    while hi + 1 < sent.end and tok.doc[hi + 1].text[:1].isupper():
        hi += 1
    # (and the word just after the name: "Storm Shadow missiles")
    words = {t.lower_ for t in tok.doc[lo : min(hi + 2, sent.end)] if t.i != tok.i}
    return bool(words & ARMED_NAME_WORDS)


def _stormed(tok: Token) -> bool:
    """'attempted to storm a military base': people storm a place; no weather."""
    return tok.lower_ in {"storm", "storms"} and tok.pos_ == "VERB"


# An accidental fire or blast: what burns or blows up, and the words that tell an accident
# ("a fire broke out in the ward after an oxygen cylinder exploded", "a blast at a
# petrochemical plant", "firefighters battled the blaze").
FIRE_BLAST_WORDS = frozenset(
    {"fire", "fires", "blaze", "blazes", "inferno", "flames", "explosion", "explosions"}
    | {"blast", "blasts", "exploded"}
)
ACCIDENT_CUES = frozenset(
    {"circuit", "electrical", "cylinder", "cylinders", "gas", "boiler", "oxygen", "stove"}
    | {"chemical", "chemicals", "petrochemical", "factory", "refinery", "warehouse"}
    | {"firefighters", "firefighter", "fireworks", "tanker", "pipeline", "ammonium"}
    | {"nitrate", "accidental", "accidentally", "negligence", "depot", "plant", "fuel"}
    | {"petroleum", "petrol", "gasoline", "diesel", "cooking", "kerosene", "propane"}
    # oil refined by hand ("an explosion at an illegal oil bunkering and refining site")
    | {"oil", "refining", "bunkering"}
    # a mine's gas ("a build-up of methane", "a firedamp explosion at a coal mine")
    | {"methane", "firedamp", "coal", "colliery", "miners"}
    # what burns by itself ("the foam ceiling caught fire", "faulty wiring")
    | {"caught", "wiring", "faulty", "flammable", "overheating", "ceiling"}
    # a fire aboard ("a fire on board a ferry")
    | {"ferry", "boat", "ship", "vessel", "bus", "train", "aboard"}
)
# Words that put a doer or a weapon behind the fire or the blast ("militants set fire to",
# "a bomb blast", "opened fire", "a rocket hit the depot, starting a fire").
HOSTILE_CUES = (
    WEAPON_WORDS
    | ARMED_WORDS - {"force", "forces", "officer", "officers"}
    | {
        *("attack", "attacks", "attacked", "attacker", "attackers", "terrorist", "terrorists"),
        *("arson", "arsonist", "arsonists", "torched", "ablaze", "shelling", "shelled"),
        *("airstrike", "airstrikes", "bombing", "bombed", "bomber", "bombers", "warplanes"),
        *("artillery", "clashes", "fighting", "protesters", "protest", "rioters", "mob"),
        *("gunfire", "crossfire", "firefight", "shot", "shooting", "sabotage", "saboteurs"),
        *("deliberately", "perpetrators", "suspects", "suspected", "targeted", "raid"),
        *("armed", "gunman", "kidnapped", "abducted", "checkpoint", "checkpoints"),
    }
)


# Places that forces name ("an army barracks", "a police station"), not doers.
SITE_WORDS = frozenset({"barracks", "base", "station", "camp", "store", "armoury", "armory"})
# An armed side's arms, where a blast is violence unless its cause is told ...
MILITARY_SITES = frozenset({"weapons", "ammunition", "munitions", "ammo", "arms", "arsenal"})
# ... the causes that make it an accident there too ...
TOLD_CAUSES = frozenset(
    {"circuit", "electrical", "negligence", "accidental", "accidentally", "temperatures"}
    | {"heat", "malfunction", "storage", "leak", "cylinder", "cylinders"}
)
# ... and a cause said to be unknown, which is no accident told.
UNKNOWN_CAUSE = re.compile(
    r"\b(?:unknown (?:origin|cause|source)s?|(?:cause|origin|source) (?:\w+ ){0,3}"
    r"(?:is|was|remains|remained) (?:still )?(?:unknown|unclear|not known))\b",
    re.I,
)
# What goes wrong with no doer: transport, buildings, dams and crowds.
MISHAP_WORDS = frozenset(
    {"derailed", "derailment", "capsized", "capsizing", "sank", "crashed", "collided"}
    | {"collision", "overturned", "plunged", "skidded", "collapsed", "stampede", "crush"}
    | {"aground", "burst", "ruptured", "ravine", "gorge", "drowned", "veered", "brakes"}
    | {"collapse", "caved"}
)
# The same told in phrases: "a helicopter went down", "fell into a river", "lost control".
MISHAP_PHRASES = re.compile(
    r"\b(?:went down|fell (?:into|off|from)|lost control|burst into flames|brakes? failed|"
    r"caught fire|under construction|"
    r"rammed into (?:an? |the )?(?:\w+ ){0,2}(?:tanker|truck|lorry|bus|car|van|trailer|tree|"
    r"wall|train))\b",
    re.I,
)
# A state's forces, who in an accident's news are its victims or its rescuers ("two army
# officers were killed after a helicopter went down", "army helicopters shifted the burn
# victims to hospital"), not its doers.
STATE_FORCE_WORDS = frozenset(
    {"soldier", "soldiers", "troops", "army", "police", "policemen", "guard", "guards"}
    | {"checkpoint", "checkpoints"}  # "a truck rammed into their van at a checkpoint"
)
# "opened fire on", "set the warehouse on fire", "setting on fire part of", "exchanged fire"
DOERS_FIRE = re.compile(
    r"\b(?:set|sets|setting|open|opens|opened|opening|exchang\w*|return\w*)\b[^.;]{0,40}?"
    r"\bfire\b",
    re.I,
)


# A state's forces training or testing: "fired rockets and sank a decommissioned ship as
# part of the annual exercises", "a mortar shell exploded during a training exercise".
EXERCISES = re.compile(
    r"\b(?:exercises?|drills?|war ?games|manoeuvres|maneuvers|firing range|test-fired|"
    r"test[- ]fir(?:e|ed|ing))\b",
    re.I,
)
# Who fights a state's forces: what makes the exercise's sentence a fight after all.
FOES = (ARMED_WORDS - STATE_FORCE_WORDS - {"force", "forces", "officer", "officers"}) | {
    *("attack", "attacks", "attacked", "attacker", "attackers", "ambush", "ambushed"),
    *("enemy", "clash", "clashes", "clashed", "terrorist", "terrorists", "gunmen", "suicide"),
}


def _nature_did(sent: Span) -> bool:
    """The subject of the sentence's main verb is weather, a disaster, fire or an animal."""
    verb = sent.root
    if _lemma(verb) in SPEECH_VERBS:  # "lightning killed 17 people, the office said"
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    subj = _subject(verb)
    if subj is None:
        return False
    # the subject's own word ("heavy snowfall", "a fire at a market"), or the kind of a
    # strike ("lightning strikes"); not the words around it ("victims of the floods",
    # "factory workers")
    words = {subj.lower_}
    if subj.lower_ in {"strike", "strikes", "bolt", "bolts"}:
        words |= {c.lower_ for c in subj.children if c.dep_ == "compound"}
    return bool(words & (DISASTER_WORDS | NON_POLITICAL_AGENTS | FIRE_BLAST_WORDS))


def _exercise_sentence(sent: Span) -> bool:
    """Forces firing in an exercise, a drill or a test, with no foe named."""
    return bool(EXERCISES.search(sent.text)) and not _told_words(sent) & FOES


def _accident_sentence(sent: Span) -> bool:
    """A sentence about an accident that names no doer and no weapon: 'an engineer was
    killed when an explosion ripped through a warehouse of petroleum products', 'a fire
    caused by a cooking stove swept through tents', 'an overloaded boat capsized'. CASE
    2021 calls these man-made disasters, and ACLED codes none of them."""
    # the sentences beside it may name the cause ("A huge explosion tore through the port.
    # Officials said ammonium nitrate stored in a warehouse had caught fire.") or the doer
    near = _neighbours(sent)
    told_each = [(s, _told_words(s)) for s in near]
    mishap = bool(MISHAP_PHRASES.search(sent.text))
    if any(
        # a state's forces named beside the accident, or in a sentence that tells a mishap,
        # are its victims or rescuers
        _names_doer(w, s.text, forces_act=s.start == sent.start and not mishap)
        for s, w in told_each
    ):
        return False
    if _cause_unknown(near):
        return False  # "an explosion of unknown origin": the cause is what is not told
    told = set().union(*(w for _, w in told_each))
    # (all the words: "a PMF weapons depot" names the arms as the depot's kind)
    if {t.lower_ for s in near for t in s} & MILITARY_SITES and not told & TOLD_CAUSES:
        # "an explosion hit a PMF weapons depot": ACLED codes a blast at an armed side's
        # arms as violence unless a cause is given ("blamed on a short circuit")
        return False
    words = next(w for s, w in told_each if s.start == sent.start)  # (near holds sent)
    if words & MISHAP_WORDS or mishap:
        return True  # "a ferry capsized", "a train derailed", "a crowd crush"
    return bool(words & FIRE_BLAST_WORDS and told & ACCIDENT_CUES)


def _cause_unknown(sents: list[Span]) -> bool:
    """One of ``sents`` says the cause is unknown."""
    return bool(UNKNOWN_CAUSE.search(" ".join(s.text for s in sents)))


def _neighbours(sent: Span) -> list[Span]:
    """The sentence with the one before and the one after it."""
    sents = list(sent.doc.sents)
    at = next((i for i, s in enumerate(sents) if s.start == sent.start), None)
    if at is None:
        return [sent]
    return sents[max(0, at - 1) : at + 2]


def _hostile(sent: Span, forces_act: bool = True) -> bool:
    """The sentence names a doer or a weapon: 'militants set fire to', 'a rocket hit the
    depot', 'a farm was attacked by a group'."""
    return _names_doer(_told_words(sent), sent.text, forces_act)


def _names_doer(words: set[str], text: str, forces_act: bool = True) -> bool:
    """``words`` (a sentence's told words) or its ``text`` name a doer or a weapon; with
    ``forces_act`` false a state's forces do not count (an accident's or a disaster's
    victims and rescuers)."""
    if not forces_act:
        words = words - STATE_FORCE_WORDS
    return bool(words & HOSTILE_CUES) or bool(DOERS_FIRE.search(text))


def _told_words(sent: Span) -> set[str]:
    """The sentence's words, less who tells it ("..., Ugandan police said") and the forces
    that name a site ("an army ammunition depot")."""
    sayers = {
        t.i
        for v in sent
        if _lemma(v) in SPEECH_VERBS | CLAIM_HEADS
        for c in v.children
        # a short subject that is no fire ("A fire ... swept through tents, ..., the camp
        # administration said" may parse the fire as the sayer)
        if c.dep_ == "nsubj" and c.lower_ not in FIRE_BLAST_WORDS and len(list(c.subtree)) <= 6
        for t in c.subtree
    }
    return {
        t.lower_
        for t in sent
        if t.i not in sayers
        and not (
            t.dep_ == "compound"
            and (
                t.head.lower_ in ACCIDENT_CUES
                # "an army barracks" (not "a petrol station": the petrol is told)
                or (t.head.lower_ in SITE_WORDS and t.lower_ in ARMED_WORDS)
            )
        )
    }


def _human_eruption(tok: Token) -> bool:
    """'clashes erupted', 'violence erupted': something people did broke out, no volcano."""
    if tok.lower_ != "erupted":
        return False
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    # "Mount Nyiragongo erupted": the name's words tell the volcano
    return subj is not None and not {t.lower_ for t in subj.subtree} & VOLCANO_WORDS


VOLCANO_WORDS = frozenset({"volcano", "mount", "mt", "mountain", "crater"})


def _natural_cause(token: Token) -> bool:
    """'an earthquake killed eight', 'a gas leak at the plant exploded', 'a gas explosion',
    'a crash and explosion', 'killed when their bus plunged off a bridge': harm with no
    political actor."""
    subj = _subject(token) or _prep_obj(token, {"by", "in"})
    words = {t.lower_ for t in subj.subtree} if subj is not None else set()
    if token.pos_ == "NOUN":
        words |= {c.lower_ for c in token.children if c.dep_ in {"compound", "amod"}}
        words |= {c.lower_ for c in token.children if c.dep_ == "conj"}
        if token.dep_ == "conj":
            words.add(token.head.lower_)
        if _lemma(token) in BLASTS:
            # "a blast at a petrochemical plant", "an explosion at a fireworks market"
            site = _prep_obj(token, {"at", "in", "inside"})
            if site is not None:
                words |= {t.lower_ for t in site.subtree}
            if words & WEAPON_WORDS:  # "a bomb blast at a factory" is an attack
                return False
    if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
        words.add(token.head.lower_)  # "mudslides that killed 23"
    near = [*token.children, *(g for c in token.children if c.dep_ == "conj" for g in c.children)]
    for clause in near:  # "killed (and injured) when a boiler exploded at a textile factory"
        if clause.dep_ == "advcl" and _lemma(clause) in BLASTS | {"collapse", "catch"}:
            cause = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if cause is not None:
                words |= {t.lower_ for t in cause.subtree} | {_lemma(clause)}
    if words & NON_POLITICAL_AGENTS or (subj is not None and subj.lower_ in DISEASES):
        return True
    if (_lemma(token) in BLASTS or words & BLASTS) and words & ACCIDENT_BLASTS:
        return True  # "a gas cylinder blast ripped through a restaurant, killing five"
    return _accident(token)


def _accident(token: Token) -> bool:
    """'killed when their bus plunged off a bridge', 'died in a collision and explosion':
    the words that tell how harm came (not who was harmed: 'workers of a cement factory
    clashed')."""
    if any(c.dep_ == "advcl" and _lemma(c) in ACCIDENT_VERBS for c in token.children):
        return True
    # "two trains collided, killing 50"; "a ferry caught fire, killing 31"
    head = token.head
    # the tagger may hang both verbs on the subject ("trains collided ..., killing")
    if (
        token.dep_ == "acl"
        and head.pos_ in {"NOUN", "PROPN"}
        and any(c.dep_ == "acl" and _lemma(c) in ACCIDENT_VERBS for c in head.children)
    ):
        return True
    if token.dep_ in {"advcl", "xcomp", "conj"} and head.pos_ == "VERB":
        if _lemma(head) in ACCIDENT_VERBS:
            return True
        if _lemma(head) == "catch" and any(
            c.dep_ == "dobj" and c.lower_ == "fire" for c in head.children
        ):
            return True
    cause = _prep_obj(token, {"by", "in"})
    if cause is None:
        return False
    return bool({cause.lower_, *(c.lower_ for c in cause.conjuncts)} & NON_POLITICAL_AGENTS)


INTERVENTION = re.compile(
    r"\b(?:dispersed|disperse|dispel|tear[- ]?gas|water cannons?|rubber bullets|batons?|"
    r"baton-charged|lathi|intervened|interfered|broke up|used force|arrested|detained)\b",
    re.I,
)
# Objects of "took" / "captured" that are ground, not goods: "took full control of the
# town", "captured positions from the Taliban".
HELD_GROUND = frozenset(
    [
        "control",
        "position",
        "positions",
        "checkpoint",
        "post",
        "outpost",
        "hill",
        "front",
        "frontline",
        "camp",
        "headquarters",
        "center",
        "centre",
        "compound",
        "garrison",
        "barracks",
        "port",
        "airfield",
        "village",
        "locality",
        "road",
        "highway",
        "bridge",
        "dam",
        "field",
        "palace",
    ]
)
# What is fired, not fired at.
MUNITIONS = frozenset(
    [
        "ammunition",
        "bullet",
        "round",
        "shot",
        "gun",
        "weapon",
        "rifle",
        "mortar",
        "rocket",
        "missile",
        "shell",
        "grenade",
        "gas",
        "teargas",
        "cannon",
        "projectile",
    ]
)
ARMS_WORDS = frozenset(
    [
        *("weapon", "arm", "arms", "pistol", "rifle", "explosive", "ied", "bomb", "mine"),
        *("landmine", "cache", "ammunition", "munition", "detonator", "launcher", "rpg"),
    ]
)
# Weapons in flight that forces shoot down or destroy.
AIRBORNE_WEAPONS = frozenset({"drone", "uav", "missile", "rocket", "projectile"})
# Things taken that are no property: "seized power", "took the initiative".
NOT_LOOT = frozenset(
    [
        "power",
        "initiative",
        "opportunity",
        "chance",
        "office",
        "responsibility",
        "credit",
        "lead",
        "advantage",
        "suspect",
        "thief",
        "member",
        "members",
        "leader",
        "commander",
        "man",
        "men",
        "woman",
        "women",
        "people",
        "person",
    ]
)
# What one fights that is no armed side.
ABSTRACT_FOES = frozenset(
    [
        "coronavirus",
        "virus",
        "covid",
        "covid-19",
        "pandemic",
        "epidemic",
        "disease",
        "outbreak",
        "corruption",
        "poverty",
        "inflation",
        "unemployment",
        "crime",
        "drugs",
        "fire",
        "fires",
        "wildfire",
        "wildfires",
        *("blaze", "flame", "flames", "bushfire", "bushfires", "inferno"),
        "flood",
        "floods",
        "locust",
        "locusts",
        "hunger",
        "malaria",
        "cholera",
        "ebola",
        "cancer",
        "climate",
    ]
)
# Heads under which a protest word names what is forbidden, not what happened.
BAN_HEADS = frozenset({"ban", "prohibit", "prohibition", "outlaw", "forbid", "restriction"})
# Verbs whose object is a deed told elsewhere: an inquiry into it or a judgement of it.
INQUIRY_HEADS = frozenset(
    {"investigate", "probe", "condemn", "denounce", "deplore", "decry", "mourn"}
)
# Nouns and verbs whose topic a deed is: "talks with army leaders on the fighting", "met to
# discuss the fight against the PKK", "the police's handling of protests".
TOPIC_HEADS = frozenset(
    {"talk", "discuss", "discussion", "negotiation", "debate", "handling", "investigation"}
    | {"inquiry"}  # "opened investigations into the deaths of 39 people during protests"
    | {"news"}  # "following with concern the news of clashes in North Kivu"
    | {"cite"}  # "renewed its travel warning, citing violent crime and kidnapping"
)
# Verbs of a trend: "bandit attacks and kidnappings have surged" sums up, tells no event.
TREND_VERBS = frozenset(
    {"surge", "rise", "increase", "escalate", "spike", "soar", "decline", "decrease"}
    | {"double", "triple", "mount", "grow"}
)
# What is executed that is no person.
EXECUTED_THINGS = frozenset(
    {"warrant", "order", "plan", "project", "operation", "contract", "strategy", "search"}
    | {"deal", "mandate", "task", "decision", "will", "transaction", "program", "programme"}
)
# What a purchase, a loan or trade deal names, which an agreement between foes does not.
TRADE_DEAL = re.compile(
    r"\b(?:billion|loans?|bailout|imf|world bank|trade|tariffs?|investments?|purchase\w*|"
    r"procure\w*|staff-level|fighter jets|jets|submarines?|frigates?|rafale|f-\d+s?)\b",
    re.I,
)
# Heads under which an agreement is wished for, not made.
WISH_HEADS = frozenset({"call", "urge", "demand", "seek", "propose", "appeal", "push", "press"})
# Verbs that decide or weigh a deed still to come: "approved the deployment of troops"
DECIDE_HEADS = frozenset(
    {"approve", "authorize", "authorise", "endorse", "consider", "debate", "propose", "plan"}
)
END_WORDS = frozenset({"end", "halt", "stop", "cessation", "ending", "de-escalation"})


def _wished_end(token: Token) -> bool:
    """'Pope Francis called for an end to the fighting', 'urged a halt to the attacks': the
    deed is named in a wish that it stop, not told."""
    if token.pos_ != "NOUN":
        return False
    govs = list(itertools.islice(_governors(token), 4))
    return any(_lemma(g) in END_WORDS for g in govs) and any(_lemma(g) in WISH_HEADS for g in govs)


# The unmistakable part of it: force used on a crowd.
# Any word of force met by a protest: intervention, arrest, shots, blows, harm.
MET_FORCE = re.compile(
    r"\b(?:dispers\w*|dispel\w*|tear[- ]?gas|water cannons?|rubber bullets|batons?|"
    r"baton-charged|lathi|interven\w*|interfer\w*|broke up|break up|force\w*|arrest\w*|"
    r"detain\w*|prevent\w*|stopp?\w*|block(?:ed|ing)? (?:them|the (?:protesters|march))|"
    r"fir(?:e|ed|ing)|shot|shoot\w*|beat\w*|assault\w*|confront\w*|clash\w*|attack\w*|"
    r"injur\w*|wound\w*|kill\w*|dead|died|abduct\w*|kidnap\w*|raid\w*|suppress\w*|"
    r"crack\w* down|crackdown|repress\w*|harass\w*|threat\w*|confiscat\w*|seiz\w*|"
    r"pepper|stun|charged|chased|expell?\w*|evict\w*|removed|violen\w*|scuffle\w*|"
    r"controll?\w* the situation|under control|pacif\w*|calmed)\b",
    re.I,
)
FORCE_ON_CROWD = re.compile(
    r"\b(?:dispersed|disperse|dispel|tear[- ]?gas|water cannons?|rubber bullets|batons?|"
    r"baton-charged|lathi)\b",
    re.I,
)
# Nouns under which an earlier event is the cause of what is told ("expelled diplomats in
# response to the nerve gas attack", "strikes in retaliation for the bombing").
RETORT_HEADS = frozenset({"response", "retaliation", "revenge", "reprisal", "reaction"})
# What police fire at crowds and rioters throw: a "bomb" of these is no explosive attack.
CROWD_MUNITIONS = frozenset(
    {"tear", "gas", "teargas", "sound", "stun", "smoke", "petrol", "molotov", "paint", "pepper"}
)
# Nouns that a trigger word only qualifies ("protest movement", "riot police").
KIND_HEADS = frozenset(
    [
        "movement",
        "group",
        "leader",
        "police",
        "helicopter",
        "aircraft",
        "drone",
        "camp",
        "organizer",
        "organiser",
        "committee",
        "network",
        "coalition",
        "site",
        "squad",
        "unit",
        "vehicle",
        "warrant",
        "threat",
        "plan",
        "capability",
        "tactic",
        "season",
        "leader",
        "spokesman",
    ]
)
MOTIVE_PREPS = frozenset({"against", "over", "about", "for", "demanding", "condemning"})


def _background_of(token: Token, other: Token) -> bool:
    """'killed 620 since beginning their offensive': the offensive is the background of the
    killing (a 'since' clause under it), not an event of its own. Likewise the motive of a
    protest: 'protested against the arrest of an editor' is a protest, not an arrest; and
    the raid during which people were arrested."""
    through_since = through_motive = through_during = False
    protest = _lemma(other) in {"protest", "demonstrate", "rally", "demonstration", "march"}
    arrest = _lemma(other) in {"arrest", "detain", "apprehend"}
    for gov in _governors(token):
        if gov.lower_ == "since":
            through_since = True
        if gov.lower_ in MOTIVE_PREPS or _lemma(gov) in {"demand", "condemn", "denounce"}:
            through_motive = True
        if gov.lower_ == "during":
            through_during = True
        if gov.i == other.i:
            # "arrested five suspects during a raid": ACLED codes the arrests
            return through_since or (protest and through_motive) or (arrest and through_during)
    return False


def _occasion_of(cand: _Candidate, other: _Candidate) -> bool:
    """'the SDF imposed a curfew in Ash Shuhayl following an attack on its checkpoint',
    'regime forces arrested 3 people after clashes': a fight named as the occasion of a
    curfew, an arrest or a move is told as its reason, not as an event of the note."""
    protest = cand.trigger.event_type == "Protests"  # "a curfew amid protests over the rial"
    if (
        cand.token.pos_ != "NOUN"
        or (cand.trigger.event_type not in HARM_TYPES and not protest)
        or other.trigger.event_type not in {"Strategic developments", "Protests"}
        or (protest and other.trigger.event_type == "Protests")
    ):
        return False
    return _reached_through(
        cand.token,
        _deed_tokens(other),
        lambda g: g.lower_ == "amid" or (not protest and g.lower_ in {"following", "after"}),
    )


def _manner_of(cand: _Candidate, other: _Candidate) -> bool:
    """'clashes accompanied by heavy shelling', 'clashed ..., accompanied by mutual
    shelling': the shelling is how the fight was fought; ACLED codes the clash."""
    if (
        # ("accompanied by shelling from the regime forces": the gerund the parser may tag
        # a verb)
        (cand.token.pos_ != "NOUN" and cand.token.tag_ != "VBG")
        or cand.trigger.frame != "shell"
        or other.trigger.sub_event_type != CLASH
    ):
        return False
    by = cand.token.head
    if (
        by.lower_ == "by"
        and _lemma(by.head) == "accompany"
        # "The clashes were accompanied by shelling": the fight the subject of the passive
        and any(c.i == other.token.i for c in by.head.children)
    ):
        return True
    # ... or "a clash between GNA and LNA forces, involving heavy artillery fire", "clashed
    # with heavy artillery fire": the guns both sides fought with (not "attacked X with
    # artillery", one side's fire)
    fight = _lemma(other.token) in FIGHT_WORDS
    if (
        fight
        and other.token.pos_ == "NOUN"
        and cand.token.pos_ == "NOUN"
        and cand.token.dep_ == "conj"
        and cand.token.head.i == other.token.i
    ) or (fight and other.token.dep_ == "conj" and other.token.head.i == cand.token.i):
        # "clashes and artillery shelling took place between Houthi and pro-Hadi forces",
        # "shelling and clashes took place between ...": one fight, fought with guns
        return True
    if _reached_through(
        cand.token,
        {other.token.i},
        lambda g: _lemma(g) == "accompany" or (fight and g.lower_ in WAGED_WITH),
    ):
        return True
    # ("clashes erupted between pro-Hadi and STC forces in Sheikh Salem, accompanied by
    # artillery shelling": the clause hangs on the verb the fight is the subject of)
    told = other.token
    if told.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return _reached_through(cand.token, {told.head.i}, lambda g: _lemma(g) == "accompany")


# The words of a fight between two sides, and how its weapons are hung on it.
FIGHT_WORDS = frozenset({"clash", "fight", "fighting", "battle", "skirmish", "firefight"})
WAGED_WITH = frozenset({"with", "involving", "using", "including", "amid"})


# Which of two fire fights ACLED keeps when a note tells them "in conjunction with" each
# other: the clash over the air strike over the shelling.
JOINT_RANK = {CLASH: 3, "Air/drone strike": 2, SHELLING: 1}


def _joint_with(cand: _Candidate, other: _Candidate) -> bool:
    """'shelled YPG positions ... in conjunction with armed clashes', 'conducted airstrikes
    ..., in conjunction with regime forces shelling the same badia': one event, the one of
    higher rank."""
    a = JOINT_RANK.get(cand.trigger.sub_event_type)
    b = JOINT_RANK.get(other.trigger.sub_event_type)
    if a is None or b is None or a >= b or (other.actor1 is None and other.actor2 is None):
        return False  # (a deed with no side named may not stand: the other stays)
    return _in_conjunction(cand, other)


def _in_conjunction(x: _Candidate, y: _Candidate) -> bool:
    """One deed is told "in conjunction with" the other."""

    def linked(x: _Candidate, y: _Candidate) -> bool:
        return _reached_through(x.token, _deed_tokens(y), lambda g: g.lower_ == "conjunction")

    return linked(x, y) or linked(y, x)


# What a deed brings on: "which resulted in clashes", "leading to clashes".
LED_TO_HEADS = frozenset({"result", "lead", "spark", "trigger", "prompt", "provoke"})


def _fold_into_fights(cands: list[_Candidate]) -> None:
    """'targeted a QSD centre with rocket shells, which resulted in clashes', 'shelled rebel
    positions, leading to clashes': the fire opened a fight, and ACLED codes the fight,
    with the fire's sides and place where the fight names none."""
    for fight in cands:
        if fight.trigger.sub_event_type != CLASH or fight.absorbed:
            continue
        for fire in cands:
            if (
                fire is fight
                or fire.absorbed
                or fire.trigger.sub_event_type not in {SHELLING, "Air/drone strike"}
                # (climbing through a relative clause too: "shells, which resulted in")
                or not _reached_through(
                    fight.token,
                    _deed_tokens(fire),
                    lambda g: _lemma(g) in LED_TO_HEADS,
                    heads=lambda t: t.ancestors,
                )
            ):
                continue
            fire.absorbed = True
            fight.actor1 = fight.actor1 or fire.actor1
            fight.actor2 = fight.actor2 or fire.actor2
            fight.place = fight.place or fire.place


def _deed_tokens(cand: _Candidate) -> set[int]:
    """The tokens that tell a candidate's deed: its trigger, and the verb that governs a
    nominal one ("imposed" of "imposed a curfew", "conducted" of "conducted airstrikes")."""
    tok = cand.token
    return {tok.i} | ({tok.head.i} if tok.pos_ == "NOUN" else set())


def _reached_through(
    token: Token,
    stops: set[int],
    through: Callable[[Token], bool],
    heads: Callable[[Token], Iterable[Token]] = _governors,
) -> bool:
    """Whether climbing ``token``'s heads (its governors unless told otherwise) reaches one
    of ``stops`` by way of a head that ``through`` accepts ("an attack" -> "following" ->
    "imposed")."""
    passed = False
    for gov in heads(token):
        passed = passed or through(gov)
        if gov.i in stops:
            return passed
    return False


# What a group does to get ready for a deed ("gathered ... to attack"): the deed is its aim.
GATHER_HEADS = frozenset(
    {"gather", "mass", "amass", "regroup", "deploy", "mobilise", "mobilize", "assemble"}
)
# ... the deeds so aimed at (not "gathered ... to protest against delayed wages")
AIMED_DEEDS = frozenset(
    {"attack", "assault", "storm", "raid", "target", "kill", "capture", "seize", "ambush"}
    | {"strike", "shell", "overrun", "infiltrate", "retake", "besiege", "fight", "clash"}
)
# Words of a crowd's demands: soldiers who gather to make them protest ("retired soldiers
# gathered at Martyrs' Square ... chanting slogans").
DEMAND_WORDS = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies|ying)|marche[sd]|marching|sit-ins?|chant\w*|"
    r"slogans?|demand\w*|denounc\w*|retired|veterans?|pensions?|wages?|salar\w+)\b",
    re.I,
)
# ACLED's armed sides: state forces, rebels, political and identity militias, outside forces.
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
# ... and those that fight as forces (identity militias aside): whom an attack on is a
# battle, and whose word on a deed names its doer.
ARMED_FORCES = frozenset({1, 2, 3, 8})
# What is done to forces that move them: the forces are the group whose activity changes.
MOVED_VERBS = frozenset(
    {"deploy", "redeploy", "station", "send", "dispatch", "mobilise", "mobilize", "position"}
    | {"see", "observe", "sight", "spot"}  # "Al Shabaab fighters were seen gathering"
)


def _fill_roles(cand: _Candidate, index: _Index) -> None:
    tok = cand.token
    frame = cand.trigger.frame
    subj = _subject(tok)
    psubj = _passive_subject(tok)
    obj = _obj(tok)
    if obj is not None:
        obj = _relative_antecedent(obj)
    roles: list[Token] = []

    if frame == "gain":
        if tok.pos_ == "NOUN":
            actor_tok = _noun_actor(tok, index)
            place_tok = _prep_obj(tok, {"of"}) or obj
        else:
            actor_tok = subj if psubj is None else _prep_obj(tok, {"by"})
            place_tok = psubj if psubj is not None else obj
            if tok.dep_ == "amod" and tok.tag_ == "VBD" and place_tok is None:
                # "the Taliban captured Qades district centre (Badghis)", read as a noun
                # phrase: the head noun is what was taken, the word before it who took it
                place_tok = tok.head
                actor_tok = actor_tok or next(
                    (c for c in tok.children if c.dep_ in {"npadvmod", "nsubj"}), None
                )
            actor_tok = _reported_subject(actor_tok, tok, index)
        cand.actor1 = index.actor_in(actor_tok)
        cand.assoc1 = index.assoc_in(actor_tok, cand.actor1)
        cand.actor2 = index.actor_in(_prep_obj(tok, {"from"}))
        cand.place = index.place_in(place_tok)
        if cand.actor2 is None and cand.actor1 is not None:  # "..., ending IS rule in the city"
            cand.actor2 = index.other_side(tok, cand.actor1, cand.assoc1)
        roles += [t for t in (actor_tok, _prep_obj(tok, {"from"})) if t is not None]
    elif frame == "lose":
        winner = _prep_obj(tok, {"to"})
        cand.actor2 = index.actor_in(subj)
        cand.actor1 = index.actor_in(winner)
        cand.assoc1 = index.assoc_in(winner, cand.actor1)
        cand.place = index.place_in(obj)
        roles += [t for t in (winner, subj) if t is not None]
    elif frame == "fall":
        winner = _prep_obj(tok, {"to"})
        cand.actor1 = index.actor_in(winner)
        cand.assoc1 = index.assoc_in(winner, cand.actor1)
        place_tok = subj if tok.pos_ == "VERB" else _prep_obj(tok, {"of"})
        if place_tok is not None:  # "Tadmur, which fell to IS"
            place_tok = _relative_antecedent(place_tok)
        cand.place = index.place_in(place_tok)
        roles += [t for t in (winner,) if t is not None]
    elif frame == "withdraw":
        cand.actor1 = index.actor_in(subj)
        cand.place = index.place_in(_prep_obj(tok, {"from"}) or obj)
    elif frame == "handover":
        # "the coalition handed over the K1 base to Iraqi forces": the receiver now holds it
        receiver = _prep_obj(tok, {"to"})
        cand.actor1 = index.actor_in(receiver)
        giver = index.actor_in(subj)
        cand.actor2 = giver if giver is not cand.actor1 else None
        cand.place = index.place_in(obj)
        if cand.place is None and tok.dep_ == "conj":
            # "withdrew from Qayyarah airbase and handed it over to Iraqi forces"
            cand.place = index.place_in(_prep_obj(tok.head, {"from"}) or _obj(tok.head))
        roles += [t for t in (receiver, subj) if t is not None]
    else:
        if tok.pos_ == "NOUN":
            actor_tok = _noun_actor(tok, index)
            # ("artillery" of "artillery fire": the fire's phrase holds its roles)
            noun = tok.head if tok.dep_ == "compound" and _lemma(tok.head) in FIRE_HEADS else tok
            target_tok = _prep_obj(tok, {"on", "against", "with", "of"})
            if target_tok is None and noun is not tok:
                # "responded with artillery fire on SNA positions"
                target_tok = _prep_obj(noun, {"on", "against", "at"})
            if target_tok is None and tok.dep_ == "dobj" and frame not in {"protest", "riot"}:
                # "opened fire on residents", "conducted air strikes against a camp"
                target_tok = _prep_obj(tok.head, {"on", "at", "against"})
            if (
                target_tok is None
                or _is_place_noun(target_tok)
                or _lemma(target_tok) in {"front", "frontline", "axis"}
            ) and (tok.dep_ == "pobj" and tok.head.lower_ == "by"):
                # "a civilian was injured by Houthi sniper fire", "a soldier was killed by
                # sniper fire on the Kabani front": who the passive hurt
                target_tok = next(
                    (c for c in tok.head.head.children if c.dep_ == "nsubjpass"), None
                )
            if target_tok is None and noun.dep_ == "nsubj" and _lemma(noun.head) in TOLL_VERBS:
                # "Houthi sniper fire killed a child", "ANA artillery fire killed 2
                # civilians": whom the deed's verb harmed
                target_tok = _obj(noun.head)
        elif psubj is not None and frame == "activity" and _lemma(tok) in MOVED_VERBS:
            # "Jubaland security forces were deployed in villages near Kismayo": the forces
            # moved are the ones acting
            actor_tok, target_tok = psubj, None
        elif psubj is not None:
            actor_tok = _prep_obj(tok, {"by"})
            deed = _prep_obj(tok, {"in", "during"})
            if actor_tok is None and deed is not None and _lemma(deed) in OPERATION_NOUNS:
                # "two Taliban commanders were killed in an ANA operation": the operation's
                actor_tok = _own_doer(deed, index)
            target_tok = psubj
        elif _lemma(tok) == "die" and subj is not None:
            # "a civilian died under torture in a regime prison": who died was the victim
            actor_tok, target_tok = None, subj
        else:
            actor_tok = _reported_subject(subj, tok, index)
            before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
            if actor_tok is None and tok.pos_ == "AUX" and before is not None:
                # "Houthi shelling hit a house": the noun mis-tagged as a verb's aid
                actor_tok = before if index.actor_in(before) else None
            target_tok = obj or _prep_obj(tok, {"on", "against", "with"})
            if frame == "agree" and obj is None:
                # "10 Taliban militants surrendered to ANDSF with their weapons": the side
                # surrendered to
                target_tok = _prep_obj(tok, {"to"}) or target_tok
            if obj is not None and _lemma(obj) in MUNITIONS:
                # "fired live ammunition at protesters": the target follows "at"
                target_tok = _prep_obj(tok, {"at", "on", "against", "toward", "towards"}) or obj
        if (
            frame == "activity"
            and target_tok is not None
            and target_tok is obj
            and _lemma(target_tok) in OWN_MEANS
        ):
            # "established a new military post", "sent a military convoy into Idleb",
            # "deployed forces": the doer's own means, no other side
            target_tok = None
        cand.actor1 = index.actor_in(actor_tok)
        cand.assoc1 = index.assoc_in(actor_tok, cand.actor1)
        target = index.actor_in(target_tok)
        # (not the doer again: "ANDSF repelled their attack" is the other side's attack)
        cand.actor2 = target if not _same_side(target, cand.actor1) else None
        if frame == "ied" and cand.actor1 is not None and cand.actor1.inter == 7:
            # "a civilian vehicle hit a roadside mine": the civilians are the mine's victims
            cand.actor1, cand.actor2 = None, cand.actor2 or cand.actor1
        if cand.actor2 is None and frame == "clash" and actor_tok is not None:
            # "Peshmerga forces and IS militants exchanged fire": the subject's two sides
            subjects = [actor_tok] + [
                sib
                for sib in actor_tok.head.children
                if sib.dep_ == "nsubj" and sib is not actor_tok and actor_tok.dep_ == "nsubj"
            ]
            sides = [
                a
                for t in subjects
                for a in index.actors_within(t)
                if cand.actor1 is None or a.key != cand.actor1.key
            ]
            if cand.actor1 is not None and sides:
                cand.actor2 = sides[0]
        between = _prep_obj(tok, {"between"}) if tok.pos_ == "NOUN" else None
        if between is None and tok.pos_ == "NOUN":
            # "armed clashes taking place between SNA and YPG fighters"
            for clause in tok.children:
                if clause.dep_ == "acl" and between is None:
                    between = _prep_obj(clause, {"between"})
        if between is None and tok.pos_ == "NOUN" and tok.dep_ in {"nsubjpass", "dobj", "nsubj"}:
            # "an agreement was reached between regime forces and local gunmen"
            between = _prep_obj(tok.head, {"between"})
        if between is not None and cand.actor2 is None:
            # "a firefight between the NPA and the military": the two sides, in order
            sides = index.actors_within(between)
            if len(sides) >= 2:
                cand.actor1, cand.actor2 = sides[0], sides[1]
                if tok.dep_ != "nsubj":  # ("clashes erupted between rioters and the army
                    actor_tok = between  # on the highway in Zouq Mosbeh": a place within)
        grievance = (
            frame in {"protest", "riot"}
            and target_tok is not None
            and (
                _opens_cause(target_tok.head)
                or _lemma(tok) in CAUSE_HEADS  # the classifier's word: "in support of X"
            )
        )  # "demonstrated in A'zaz against Turkish statements about Ankara": not where
        cand.place = None
        if not grievance and target is None:
            cand.place = index.place_in(target_tok)
        elif not grievance and target_tok is not None and _lemma(target_tok) in POSTS:
            # where a side's posts stood ("targeted pro-Hadi positions in Hajr area"), not a
            # place inside the side's own name ("the Idlib factions")
            cand.place = index.place_in(target_tok, outside=target)
        if cand.place is None and tok.pos_ == "NOUN":  # "the Paris attacks"
            for child in tok.children:
                if child.dep_ in {"compound", "amod", "nmod"} and child.i < tok.i:
                    near = index.place_in(child)
                    if near is not None and near.feature != "country":  # "a US drone strike"
                        cand.place = cand.place or near
        roles += [t for t in (actor_tok, target_tok) if t is not None]
        _specialise(cand, target_tok)
    for r in roles:
        cand.role_tokens.update(t.i for t in r.subtree)


# Nouns a weapon word names the kind of: "artillery fire", "a mortar barrage".
FIRE_HEADS = frozenset({"attempt", "fire", "barrage", "bombardment", "shelling", "strike"})


# What people are killed or hurt in, whose doer is the killer: "killed in an ANA operation".
OPERATION_NOUNS = frozenset(
    {"operation", "raid", "offensive", "attack", "ambush", "assault", "airstrike", "strike"}
    | {"bombardment", "shelling", "bombing"}
)


# Verbs by which a deed is done by someone: "an airstrike conducted by", "a raid carried out by".
CONDUCT_VERBS = frozenset({"conduct", "carry", "launch", "perform", "execute", "mount", "fire"})


def _own_doer(tok: Token, index: _Index) -> Token | None:
    """The doer a deed's noun names itself: its possessor or compound ("an ANA operation"),
    its "by" phrase, or that of the participle after it ("an airstrike conducted by the
    Afghan Air Force"; not "a rally led by the Assistant Commissioner": who leads a crowd)."""
    for child in tok.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and index.actor_in(child):
            return child
    by = _prep_obj(tok, {"by"})
    if by is not None:
        return by
    for child in tok.children:
        if child.dep_ == "acl" and _lemma(child) in CONDUCT_VERBS:
            by = _prep_obj(child, {"by"})
            if by is not None and index.actor_in(by) is not None:
                return by
    return None


def _noun_actor(tok: Token, index: _Index) -> Token | None:
    """The doer of a nominal trigger: its possessor or compound ('the group's offensive',
    'a Kurdish Peshmerga offensive'), a 'by' phrase, else the subject of its verb
    ('X launched an offensive'). Of "a Houthi infiltration attempt", the attempt's."""
    if tok.dep_ in {"compound", "nmod"} and _lemma(tok.head) in DRIVE_NOUNS | FIRE_HEADS:
        # ("a recruitment drive": the drive's; "artillery fire", "Saudi artillery and rocket
        # fire": the fire's)
        tok = tok.head
    own = _own_doer(tok, index)
    if own is not None:
        return own
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return None  # "a soldier was killed by sniper fire": the soldier is no doer
    if tok.dep_ in {"dobj", "pobj", "attr"}:
        head = tok.head if tok.dep_ != "pobj" else tok.head.head
        return _subject(head)
    return None


def _generic_actor(key: str, tok: Token, confidence: float = 0.6) -> ActorMention:
    """A generic side named by a common noun ('276 people', 'the sit-in'): Civilians,
    Protesters; its ACLED name is set by country later (Civilians (Somalia))."""
    name = {
        "CIV": "Civilians",
        "PROT": "Protesters",
        "RIOT": "Rioters",
        "UAG": "Unidentified Armed Group",
    }[key]
    inter = {"CIV": 7, "PROT": 6, "RIOT": 5, "UAG": 3}[key]
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    return ActorMention(
        lo, hi, doc_text(tok.doc)[lo:hi], name, inter, None, "generic-noun", confidence, key
    )


PROTEST_WORDS = frozenset(
    [
        "protest",
        "protests",
        "protester",
        "protesters",
        "protestors",
        "demonstrators",
        "demonstration",
        "demonstrations",
        "sit-in",
        "rally",
        "rallies",
        "marchers",
        "crowd",
        "crowds",
    ]
)


def _is_protest(tok: Token | None) -> bool:
    if tok is None:
        return False
    words = {t.lower_ for t in tok.subtree if t is tok or not _earlier_told(t)}
    return any(w in PROTEST_WORDS or w in PROTESTING for w in words)


# What only a crowd does: the words of a protest, not of the people in it ...
_CROWD_DEED_WORDS = (
    # (not the month: "On 5 March 2020" is no march; "Marchers" still is)
    r"protest\w*|demonstrat\w*|rall(?:y|ies|ied|ying)|(?-i:march\w*|March\w+)|sit-?ins?|strik\w+|"
    r"riot\w*|boycott\w*|picket\w*|vigils?|chant\w*|slogans?|placards?|banners?|block\w*|"
    r"occup\w*|walk-?outs?|stormed|torch\w*|loot\w*|vandal\w*|lynch\w*|gather\w*|"
    r"motorcades?"
)
CROWD_DEEDS = re.compile(rf"\b(?:{_CROWD_DEED_WORDS}|demand\w*|streets)\b", re.I)
# ... and the signs of a crowd in a sentence: those deeds, and who gathers (not "demand":
# a UN vote "to demand a ceasefire" names no crowd).
CROWD_SIGNS = re.compile(
    rf"\b(?:{_CROWD_DEED_WORDS}|"
    r"crowds?|mobs?|hunger|petition\w*|youths?|students?|"
    r"workers|residents|villagers|locals|women|supporters|activists|farmers|teachers|"
    r"traders|shopkeepers|merchants|employees|doctors|nurses|drivers|mourners|families|"
    r"relatives|tribesmen|clansmen|inhabitants|citizens|people|men|group|members|"
    r"stones?|burn\w*|beat\w*|clash\w*|"
    r"caravans?|convoys?|owners|staff|labou?rers|inmates|prisoners|"
    r"detainees|patients|parents|pensioners|retirees|unemployed|vendors|fishermen|miners|"
    r"streets?|roads?|squares?|honk\w*|padlock\w*)\b",
    re.I,
)
# A court's news, whose people are its defendants and its public, not a crowd.
COURT_WORDS = re.compile(
    r"\b(?:courts?|trials?|verdicts?|judges?|defendants?|prosecutors?|tribunals?)\b", re.I
)
# Harm told in a sentence: what a riot or mob violence leaves ("a scuffle ... led to
# firing, 1 person killed", "Palestinians hurled Molotov cocktails").
HARM_SIGNS = re.compile(
    r"\b(?:kill\w*|injur\w*|wound\w*|hurt|attack\w*|assail\w*|dispute\w*|beat\w*|"
    r"molotov|acid|hurl\w*|fir(?:ed|ing))\b",
    re.I,
)
# What a crowd does that makes it a riot.
RIOT_DEEDS = re.compile(
    r"\b(?:stones?|stone-throwing|pelted|threw|hurled|burn\w*|torch\w*|set fire|"
    r"set ablaze|loot\w*|vandali[sz]\w*|attacked|clashed|clashes|stormed (?!out)|smash\w*|petrol|"
    r"fight|fist|scuffle\w*|brawl\w*)\b",
    re.I,
)
IN_PROTEST = re.compile(r"\bin protest\b", re.I)
LIVE_FIRE = re.compile(r"\blive (?:ammunition|fire|rounds)\b", re.I)
EXCESSIVE = "Excessive force against protesters"
AIR_SHOTS = re.compile(r"\b(?:in|into) the air\b|\bwarning shots\b", re.I)
# what is fired at a crowd to disperse it, not to kill: "fired tear gas", "firing rubber bullets"
NON_LETHAL_FIRE = re.compile(
    r"\b(?:fired|firing|fire|fires)\s+(?:\w+\s+){0,2}?(?:tear[- ]?gas|teargas|rubber bullets|"
    r"water[- ]cannons?|stun grenades|sound bombs|pellets|smoke (?:bombs|grenades))",
    re.I,
)
# "opened fire on residents protesting against ...": the crowd the force was used on
PROTESTING = frozenset({"protesting", "demonstrating", "rallying"})


def _protesting(tok: Token | None) -> bool:
    """'students protesting against the currency collapse': people caught protesting."""
    return tok is not None and any(c.dep_ == "acl" and c.lower_ in PROTESTING for c in tok.children)


def _protesting_target(token: Token) -> bool:
    """A protest told as what the victims of force were doing ("fired on people protesting
    ..."): the event is the force used on them, not a protest of its own."""
    if token.dep_ != "acl" or token.lower_ not in PROTESTING:
        return False
    target = token.head
    gov = target.head
    if target.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    return target.dep_ in {"dobj", "pobj"} and gov.pos_ in {"VERB", "NOUN"} and gov.i != target.i


# "a suicide bomber", "blew himself up", "an explosive vest": the bomber died in the blast
SUICIDE = re.compile(
    r"\bsuicide[- ](?:bomb\w*|attack\w*|vests?|belts?|car|truck|vehicle|blast|explosion)|"
    r"\bblew (?:him|her|them)sel(?:f|ves) up\b|\bexplosive (?:vests?|belts?)\b",
    re.I,
)


def _suicide(cand: _Candidate) -> bool:
    """A bombing in a sentence that tells a suicide bomber (ACLED's Suicide bomb), or an
    attack whose doer is one ("a suicide bomber attacked a checkpoint")."""
    frame = cand.trigger.frame
    tok = cand.token
    if frame in {"ied", "bomb"}:
        return bool(SUICIDE.search(tok.sent.text))
    if frame in {"attack", "kill"}:
        doer = _subject(tok)
        return doer is not None and bool(SUICIDE.search(" ".join(t.text for t in doer.subtree)))
    return False


def _specialise(cand: _Candidate, target_tok: Token | None) -> None:
    """Refine an attack or killing by what was hit and with what: heavy weapons alone ->
    shelling; civilians -> Violence against civilians; a protest -> force against
    protesters; aircraft doing the bombing or firing the missiles -> air strike, else a
    remote explosive."""
    frame = cand.trigger.frame
    trig = cand.trigger
    instrument = None
    if frame in {"attack", "assault", "kill", "bomb"}:
        # "bombarded Kansafra with rocket launchers"; the tagger may hang the "with" on
        # the object ("targeted Al Dhale'e with Katyusha rockets")
        tok = cand.token
        instrument = _with_what(tok)
        if instrument is None and tok.dep_ in {"advcl", "conj"}:  # "targeted X with
            instrument = _with_what(tok.head)  # artillery shells, killing a woman"
        doer = _subject(tok) if frame == "kill" and tok.pos_ == "VERB" else None
        if instrument is None and doer is not None and _lemma(doer) in HEAVY_DOERS:
            instrument = doer  # "regime shells killed a woman in Fleifel"
    if instrument is not None and _heavy_only(" ".join(t.text for t in instrument.subtree)):
        # "targeted a neighbourhood with artillery shells": shelling, whoever was hit
        cand.trigger = replace(
            trig, event_type="Explosions/Remote violence", sub_event_type=SHELLING
        )
        if cand.actor2 is None and target_tok is not None and _is_civilian(target_tok):
            cand.actor2 = _generic_actor("CIV", target_tok)
        return
    if _suicide(cand):
        cand.trigger = replace(
            trig, event_type="Explosions/Remote violence", sub_event_type="Suicide bomb"
        )
        return
    if frame == "kill" and cand.token.pos_ == "VERB":
        doer = _subject(cand.token)
        words = _head_words(doer) if doer is not None else set()
        if _aircraft(words) and "suicide" not in words:
            # "an IDF UAV killed six militants", "military aircraft killed ...": from the air
            cand.trigger = replace(
                trig, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"
            )
            if cand.actor2 is None and target_tok is not None and _is_civilian(target_tok):
                cand.actor2 = _generic_actor("CIV", target_tok)  # ("... killing dozens of people")
            return
    if (frame in {"attack", "kill", "assault", "clash"} and _is_protest(target_tok)) or (
        frame == "arrest" and _protesting(target_tok)
    ):
        # "arrested several students protesting against ...": ACLED codes the protest, met
        # by the forces
        assert target_tok is not None
        sent_text = cand.token.sent.text
        deadly = _deadly(sent_text) or (
            frame != "arrest"
            and _has_context(
                cand.token, {"fire", "firing", "fired", "shot", "killed", "killing", "live"}, 12
            )
            # "fired in the air to disperse protesters": a warning, not lethal force; "fired
            # tear gas": force that does not kill
            and not AIR_SHOTS.search(sent_text)
            and not (NON_LETHAL_FIRE.search(sent_text) and not LIVE_FIRE.search(sent_text))
        )
        sub = EXCESSIVE if deadly else "Protest with intervention"
        forces = cand.actor1
        cand.actor1 = _generic_actor("PROT", target_tok)
        cand.actor2 = forces
        cand.trigger = replace(trig, event_type="Protests", sub_event_type=sub)
        return
    site = (
        frame != "kill"
        and _civilian_site(target_tok)
        # "suicide bombers killed 22 worshippers in an attack on a mosque": the blast is
        # the event's kind
        and not {t.lower_ for t in cand.token.sent} & (WEAPON_WORDS | EXPLOSION_WORDS)
    )
    if frame in {"attack", "kill", "assault"} and (_is_civilian(target_tok) or site):
        assert target_tok is not None
        if site and not _is_civilian(target_tok):
            # "ISKP attacked a Sikh temple": where civilians gather, whatever the classifier
            # learnt of attacks on unnamed targets
            cand.firm_rule = CIVILIAN_SITE_RULE
        if cand.actor2 is None:
            cand.actor2 = _generic_actor("CIV", target_tok)
        cand.trigger = replace(
            trig, event_type="Violence against civilians", sub_event_type="Attack"
        )
    elif frame == "attack" and cand.actor2 is None and target_tok is None:
        # "the Paris attacks", "a terror attack": an attack on no armed side.
        terror = _has_context(cand.token, {"terror", "terrorist", "gun", "shooting"}, 3)
        doer = cand.actor1
        named = any(  # "the Paris attacks" (not "Taliban attacks": the doer's name)
            c.dep_ == "compound"
            and c.pos_ == "PROPN"
            and not (doer is not None and doer.start <= c.idx < doer.end)
            for c in cand.token.children
        )
        if terror or (cand.token.tag_ == "NNS" and named):
            cand.trigger = replace(
                trig, event_type="Violence against civilians", sub_event_type="Attack"
            )
    elif frame == "shell":
        verb = cand.token if cand.token.pos_ == "VERB" else cand.token.head
        doer = _subject(verb) if verb.pos_ == "VERB" else None
        if doer is not None and _aircraft({t.lower_ for t in doer.subtree}):
            # "Israeli helicopters fired missiles at army positions": fired from the air
            cand.trigger = replace(
                trig, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"
            )
    elif frame == "kill" and PREMATURE.search(cand.token.sent.text):
        # "two Taliban militants were killed when the explosives they were planting went
        # off prematurely": their own device, a remote explosive, theirs to answer for
        if cand.actor1 is None and cand.actor2 is not None:
            cand.actor1, cand.actor2 = cand.actor2, None
        cand.trigger = replace(trig, event_type="Explosions/Remote violence", sub_event_type=IED)
    elif frame == "arrest" and DISAPPEARED.search(cand.token.sent.text):
        # "detained a journalist ... and took him to an unknown location": a disappearance
        if cand.actor2 is None and target_tok is not None and _is_civilian(target_tok):
            cand.actor2 = _generic_actor("CIV", target_tok)
        cand.trigger = replace(
            trig,
            event_type="Violence against civilians",
            sub_event_type="Abduction/forced disappearance",
        )
        cand.firm_rule = DISAPPEARED_RULE
    elif frame == "ied" and trig.sub_event_type == IED and _exploded_grenade(cand.token):
        # "a grenade exploded during a family dispute"
        cand.trigger = replace(trig, sub_event_type="Grenade")
    elif frame == "ied" and trig.sub_event_type == IED and _air_delivered(cand.token):
        # "helicopters dropped barrel bombs on At Tamanah", "a Houthi drone exploded above
        # a military parade": delivered from the air
        cand.trigger = replace(trig, sub_event_type="Air/drone strike")
    elif (
        _lemma(cand.token) in {"bombard", "bombardment"}
        and trig.sub_event_type == "Air/drone strike"
        and not _has_context(cand.token, AIR_WORDS, 12)
        and not any(AIRCRAFT_MODEL.match(t.lower_) for t in cand.token.sent)
        and not _aircraft({t.lower_ for t in cand.token.sent})
    ):
        # "Houthi forces bombarded pro-Hadi positions": heavy fire, from the air only
        # where aircraft are named
        cand.trigger = replace(trig, sub_event_type=SHELLING)
    elif frame == "bomb" and cand.trigger.sub_event_type == "Air/drone strike":
        doer = cand.actor1
        near = {t.lower_ for t in cand.token.sent}
        if not (
            _has_context(cand.token, AIR_WORDS, 12)
            or any(AIRCRAFT_MODEL.match(w) for w in near)
            or (doer and doer.inter in {1, 8})
        ):
            cand.trigger = replace(trig, sub_event_type=IED)


# A device that goes off in its makers' hands.
PREMATURE = re.compile(
    r"\b(?:(?:explosives?|bombs?|mines?|devices?|IEDs?)\b[^.;]{0,60}\b(?:went off|exploded|"
    r"detonated|blew up)\b[^.;]{0,20}\bprematurely|while (?:planting|making|assembling|"
    r"preparing|laying|handling) (?:an? |the )?(?:explosives?|bombs?|mines?|devices?|IEDs?|"
    r"roadside bombs?))\b",
    re.I,
)
# A detention whose captive is then hidden: ACLED's forced disappearance.
DISAPPEARED = re.compile(
    r"\b(?:to an unknown (?:location|destination|place)|whereabouts (?:remain |are |is )?"
    r"unknown|forcibly disappeared|forced disappearance)\b",
    re.I,
)
# What a side meets when it takes ground by force: "without resistance", "without a fight".
FIGHT_NOUNS = frozenset(
    {"resistance", "fight", "fighting", "clash", "clashes", "battle", "bloodshed", "shot"}
)


# A takeover told as met by no fight, in its sentence or the next.
# What a group's move or build-up is made with: its own means, never the other side.
OWN_MEANS = frozenset(
    {
        "convoy", "convoys", "reinforcement", "reinforcements", "troop", "troops", "force",
        "forces", "vehicle", "vehicles", "post", "posts", "base", "bases", "outpost",
        "outposts", "checkpoint", "checkpoints", "patrol", "patrols", "column", "columns",
        "unit", "units", "equipment", "tank", "tanks", "headquarters", "point", "points",
    }
)  # fmt: skip
# A sentence that opens a new episode of its article: "In a separate incident", "In another
# attack", "Separately", "Elsewhere".
# (not "In an attack on the town, ...", which tells the deed itself)
_APART = r"(?:separate|different|unrelated|similar|other)"
NEW_EPISODE = re.compile(
    rf"^(?:(?:in|during)\s+(?:another\s+(?:{_APART}\s+)?|an?\s+{_APART}\s+)"
    r"(?:incidents?|attacks?|developments?|events?|clash(?:es)?|operations?|raids?)\b"
    r"(?!\s+(?:on|at|in|near)\s+the\s+same)"
    r"|separately\b|elsewhere\b|in\s+a\s+separate\b"
    # "Another IED exploded in Al Mishahda": another device or deed, not another victim
    r"|another\s+(?:\w+\s+)?(?:IEDs?|bombs?|explosions?|explosive|devices?|(?:land)?mines?|"
    r"attacks?|clash(?:es)?|(?:air)?strikes?|raids?|shells?|rockets?|mortars?|missiles?|"
    r"drones?|incidents?|ambush(?:es)?|assassinations?)\b)",
    re.I,
)


def _another_clause(doc: Doc, start: int, end: int) -> int | None:
    """Where a sentence's joined clause tells "another" deed at a place of its own ("...,
    and another IED exploded in Khanaqin (Diyala)"), the offset of its first word."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head.pos_ != "VERB":
            continue
        told = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
        if not any(d.lower_ == "another" and d.dep_ == "det" for c in told for d in c.children):
            continue
        placed = any(
            c.dep_ == "prep"
            and c.lower_ in {"in", "at", "near", "on"}
            and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
            for c in tok.children
        )
        if placed:
            return min(t.idx for t in tok.subtree)
    return None


NO_FIGHT = re.compile(
    r"\bno (?:fighting|clashes|clash|resistance|fight|confrontations?) (?:was|were|has been|"
    r"have been) (?:reported|recorded|registered)",
    re.I,
)
LEFT_WORDS = frozenset(
    {"withdraw", "withdrawal", "leave", "evacuate", "evacuation", "flee", "retreat", "pullout"}
)
# An ACLED coder's word that a deed is coded as an event of its own
CODED_APART = re.compile(r"\(coded (?:separately|as (?:a )?separate events?)\b", re.I)
# Force used before a side left: the place was taken, not handed on
FORCE_WORDS = frozenset({"clash", "attack", "siege", "expel", "shell", "storm", "assault"})


def _left_after(verb: Token) -> Token | None:
    """The clause of ``verb`` that tells a side's leaving before it: "took control of
    Aidoun following the withdrawal of regime fighters" -> "following ..."."""
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head
    for child in verb.children:
        if child.dep_ not in {"advcl", "prep"} or not any(
            t.lower_ in {"after", "following"} for t in (child, *child.children)
        ):
            continue
        said = {t.lemma_.lower() for t in child.subtree}
        # "after clashing with regime fighters and the latter's withdrawal": taken (not
        # "following the withdrawal of regime forces without clashes")
        fought = {
            t.lemma_.lower()
            for t in child.subtree
            if t.head.lower_ != "without" and not any(c.lower_ == "no" for c in t.children)
        }
        if said & LEFT_WORDS and not fought & (FIGHT_NOUNS | FORCE_WORDS):
            return child
    return None


def _unopposed(verb: Token) -> bool:
    """'entered the town without resistance', 'took over the base unopposed'; said of the
    verb or of one joined to it ("entered Zaranj and took control ... without resistance")."""
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head  # "took control of the city without resistance"
    sent = verb.sent
    after = verb.doc[sent.end].sent.text if sent.end < len(verb.doc) else ""
    if NO_FIGHT.search(sent.text + " " + after):
        return True  # "took control of 4 villages ... No fighting was reported."
    verbs = (verb, *verb.conjuncts)
    if verb.lemma_.lower() in {"enter", "take"} and any(_left_after(v) is not None for v in verbs):
        # "entered the post in Morek after Turkish forces completed their withdrawal",
        # "entered Kabul after President Ghani left the country", "took control of Aidoun
        # following the withdrawal of regime fighters" (not "seized Palmyra after the army
        # withdrew": by force)
        return True
    for child in itertools.chain.from_iterable(v.children for v in verbs):
        if child.lower_ in {"unopposed", "peacefully"}:
            return True
        if child.lower_ == "without" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in FIGHT_NOUNS for g in child.children
        ):
            return True
    return False


def _with_what(verb: Token) -> Token | None:
    """The instrument of ``verb``: its own "with" (or "via": "attacked a base via
    squadrons of suicide drones"), else its object's."""
    found = _prep_obj(verb, {"with", "via"})
    if found is None and verb.pos_ == "VERB":
        obj = _obj(verb)
        found = _prep_obj(obj, {"with", "via"}) if obj is not None else None
    if found is None and verb.pos_ == "VERB":
        # the parser may hang it on the last place named: "targeted regime positions on
        # Saraqab axis in the countryside of Idleb with guided missiles"
        found = _deep_with(verb)
    return found


# "in conjunction with rebels shelling", "in coordination with": who else, not the means
ALONGSIDE_HEADS = frozenset({"conjunction", "coordination", "cooperation", "collaboration"})
# The links from a verb down its object and its places, not into another clause.
_PLACE_CHAIN = frozenset({"dobj", "prep", "pobj"})


def _deep_with(verb: Token) -> Token | None:
    """The object of a "with" or "via" hung on a noun down ``verb``'s chain of object and
    places ("targeted X on Y axis in the countryside of Z with missiles")."""

    def down(tok: Token) -> list[Token]:
        return [
            c for c in tok.children if c.dep_ in _PLACE_CHAIN and c.lower_ not in {"with", "via"}
        ]

    stack = down(verb)
    while stack:
        tok = stack.pop()
        if tok.pos_ in {"NOUN", "PROPN"} and tok.lower_ not in ALONGSIDE_HEADS:
            found = _prep_obj(tok, {"with", "via"})
            if found is not None:
                return found
        stack.extend(down(tok))
    return None


def _exploded_grenade(tok: Token) -> bool:
    """'a grenade exploded': the device is named as what went off."""
    doer = _subject(tok) if tok.pos_ == "VERB" else None
    return doer is not None and doer.lemma_.lower() == "grenade"


def _air_delivered(tok: Token) -> bool:
    """A bomb dropped by aircraft or a barrel bomb; a drone that itself exploded."""
    if any(c.lower_ in {"barrel", "barrels"} for c in tok.children):
        return True
    verb = tok if tok.pos_ == "VERB" else tok.head
    if verb.pos_ != "VERB":
        return False
    doer = _subject(verb)
    words = set() if doer is None else {t.lower_ for t in doer.subtree}
    if verb is tok:  # "a drone exploded", "the drone detonated"
        return bool(words & {"drone", "drones", "uav", "uavs"})
    if _lemma(verb) != "drop":
        return False
    # what dropped it: the subject, what it came "from" ("dropped a grenade from a drone") or
    # what was used to ("used a drone to drop explosives")
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            words |= {t.lower_ for t in c.subtree}
    if verb.dep_ in {"xcomp", "advcl"} and _lemma(verb.head) == "use":
        words |= {t.lower_ for o in verb.head.children if o.dep_ == "dobj" for t in o.subtree}
    return _aircraft(words)


def _territory_type(cand: _Candidate) -> str:
    """ACLED: a state's forces regaining ground vs a non-state actor overtaking it."""
    winner, loser = cand.actor1, cand.actor2
    if winner is not None:
        return GAIN if winner.inter in {1, 8} or _is_state_like(winner) else OVERTAKE
    if loser is not None:
        return OVERTAKE if loser.inter in {1, 8} else GAIN
    return OVERTAKE


def _is_state_like(actor: ActorMention) -> bool:
    return actor.actor.startswith(("Military Forces of", "Police Forces of"))


# --------------------------------------------------------------------------------------


def _evidence(
    document: Document,
    sent: Sentence,
    start: int,
    end: int,
    fieldname: str,
    method: str,
    conf: float,
) -> Evidence:
    """Evidence for words at [start, end): its sentence is the one holding those words (a
    place carried from an earlier sentence points there, not at the trigger's)."""
    if not sent.start <= start < sent.end:
        sent = document.sentence_at(start) or sent
    return Evidence(
        article_id=document.article_id,
        sentence_index=sent.index,
        start=start,
        end=end,
        text=document.text[start:end],
        field=fieldname,
        method=method,
        confidence=round(conf, 3),
    )


# Words that tell a raid met resistance: then the raid is a fight, whoever was arrested.
RESISTANCE = re.compile(
    r"\b(?:clash\w*|exchang\w* (?:of )?fire|kill\w*|wound\w*|injur\w*|fight\w*|shoot-?outs?|"
    r"gunfights?|firefights?|dead|died|shot|resist\w*)\b",
    re.I,
)


def _fold_raids(cands: list[_Candidate], sent: Span) -> None:
    """'raided houses and arrested 5 people', 'arrested six members in a raid': a raid that
    met no resistance is how the arrests were made (ACLED codes the arrests)."""
    if not any(c.trigger.frame == "arrest" for c in cands) or RESISTANCE.search(sent.text):
        return
    for c in cands:
        if c.trigger.frame == "attack" and _lemma(c.token) == "raid":
            c.absorbed = True


# ACLED's coders open some notes with a label that names the event's kind ("Movement of
# forces: On 2 April 2024, ...", "Property destruction: ...", "Defusal: ..."); the label is
# the coder's own word on the sub-event type. The labels and what ACLED files them under
# (counted on the train and dev notes and ACLED exports of 2023-25; see docs/design.md).
NOTE_LABELS: dict[str, str] = {
    "movement of forces": "Change to group/activity",
    "security measures": "Change to group/activity",
    "recruitment": "Change to group/activity",
    "change to armed group": "Change to group/activity",
    "property destruction": "Looting/property destruction",
    "looting": "Looting/property destruction",
    "land seizure": "Looting/property destruction",
    "interception": "Disrupted weapons use",
    "defusal": "Disrupted weapons use",
    "weapons seizure": "Disrupted weapons use",
    "detonation": "Disrupted weapons use",
    "other": "Other",
    "displacement": "Other",
    "explosive remnants of war": "Other",
    "mass grave": "Other",
    "non-violent activity": "Other",
    "arrests": "Arrests",
    "headquarters or base established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "agreement": "Agreement",
}
NOTE_LABEL = re.compile(r"\s*([A-Z][a-z]+(?:[ -][a-z]+){0,4}):\s")


def _note_label(text: str, start: int) -> str | None:
    """The sub-event type a coder's label at ``start`` names, if any."""
    m = NOTE_LABEL.match(text, start)
    return NOTE_LABELS.get(m.group(1).lower()) if m else None


def _labelled(cand: _Candidate, label: str) -> None:
    """Give a candidate the sub-event type of its note's label (its frame, and so how its
    roles are read, stays)."""
    cand.trigger = replace(cand.trigger, event_type=EVENT_TYPE_OF[label], sub_event_type=label)
    cand.firm_rule = LABEL_RULE


LABEL_RULE = "codebook:note-label"


def _label_candidate(span: Span, label: str) -> _Candidate | None:
    """An event for a labelled note whose words no trigger or model read ("Other: the third
    group of displaced persons arrived to Iraq through the border crossing in Al Qaim"): the
    note's main verb stands as the trigger, so roles, place and date come from the parse."""
    token = span.root
    if token.pos_ != "VERB":
        token = next((t for t in span if t.pos_ == "VERB"), None)
    if token is None:
        return None
    trig = Trigger(_lemma(token), _coarse_pos(token), MODEL_FRAME, EVENT_TYPE_OF[label], label, "")
    return _Candidate(trig, token, _modality(token), model_probability=1.0, firm_rule=LABEL_RULE)


def extract_events(
    document: Document,
    actors: list[ActorMention],
    places: list[PlaceMention],
    dates: list[DateMention],
) -> list[EventMention]:
    """Event mentions of a parsed document, given its actor, place and date mentions."""
    doc: Doc = document.doc
    published: date = document.article.published or date.today()
    # a sponsor ("Iran-backed militias", "Saudi-led coalition") is whose side, not where
    text = document.text
    located = [
        p
        for p in places
        # nor is "a US drone" (whose drone) where the text is
        if not SPONSOR_AFTER.match(text, p.end) and not _modifier_only(doc, p)
    ]
    out: list[EventMention] = []
    history: list[EventMention] = []
    dateline_places = []
    if document.dateline:
        lo, hi = document.dateline
        dateline_places = [p for p in places if lo <= p.start < hi and p.feature == "city"]
        places = [p for p in places if not lo <= p.start < hi]
        # "BEIRUT - ... seized the Syrian town of Palmyra": where the wire files from is
        # not what the story is about
        located = [p for p in located if not lo <= p.start < hi] or located
    main = _main_countries(located or places)
    # the places of a paragraph that opens on its date, as a coder's note or a bulletin
    # does ("On 9 May 2020, militants tried twice to storm an army post in Doutchi (Diffa).
    # The soldiers repulsed the assaults."); a news lead ("... in Uromi on Friday. A guard
    # was shot, police said") lends none, its next sentences often telling other things
    lead_places: dict[int, list[PlaceMention]] = {}
    # where a joined clause of "another" deed splits each sentence (its own toll, below; its
    # own episode, after the mentions are built)
    inner = [_another_clause(doc, s.start, s.end) for s in document.sentences]
    labels: dict[int, str | None] = {}  # paragraph -> the sub-event type its label names
    for sent_rec in document.sentences:
        if document.dateline and sent_rec.start < document.dateline[1]:
            continue
        if sent_rec.paragraph not in labels:
            labels[sent_rec.paragraph] = _note_label(text, sent_rec.start)
        label = labels[sent_rec.paragraph]
        span = doc.char_span(sent_rec.start, sent_rec.end, alignment_mode="expand")
        if span is None:
            continue
        index = _Index(actors, places, span, main)
        lead = lead_places.get(sent_rec.paragraph)
        if _opens_on_date(sent_rec, dates):
            lead_places[sent_rec.paragraph] = [
                p
                for p in index.places
                if _eventful(p) and not index.foreign(p) and p.start not in index.road_ends
            ] or lead_places.get(sent_rec.paragraph, [])
        cands = find_triggers(span, index) or model_candidates(span, index)
        if label is not None and not cands and not _told_in_paragraph(document, sent_rec, history):
            cands = [c for c in [_label_candidate(span, label)] if c is not None]
        for cand in list(cands):
            _fill_roles(cand, index)
            cands.extend(_conjoined_places(cand, index))
        if label is not None:
            for cand in cands:
                _labelled(cand, label)
        # A trigger inside another's role phrase ("lost Sinjar to a Peshmerga offensive")
        # is part of that event, not a second one.
        _fold_killings(cands)
        _fold_raids(cands, span)
        _fold_into_fights(cands)
        for cand in cands:
            # the guns a fight was fought with, before the fight can be read as their role
            # ("a clash between GNA and LNA forces, involving heavy artillery fire"); the
            # only place the fold runs, the pairs below finding no more of them
            cand.absorbed = cand.absorbed or any(
                o is not cand and not o.absorbed and _manner_of(cand, o) for o in cands
            )
        for cand in cands:
            for other in cands:
                if (
                    other is not cand
                    and not other.absorbed
                    and (
                        cand.token.i in other.role_tokens
                        or _background_of(cand.token, other.token)
                        or _occasion_of(cand, other)
                        or _joint_with(cand, other)
                    )
                ):
                    if cand.trigger.frame == "disrupt" and other.trigger.frame in WEAPON_FRAMES:
                        # "fired a missile towards Marib, which was intercepted": ACLED codes
                        # the interception
                        other.absorbed = True
                        cand.actor2 = cand.actor2 or other.actor1
                        cand.place = cand.place or other.place
                        continue
                    if cand.trigger.frame == "protest" and INTERVENTION.search(other.token.text):
                        # "residents protested ...; security forces dispersed them": the
                        # protest is the event, the dispersal how it went
                        other.absorbed = True
                        continue
                    if cand.trigger.frame == "clash" and other.trigger.frame == "kill":
                        # "clashes erupted between two tribes, killing 3": the clash is
                        # the event, the killing its toll
                        other.absorbed = True
                        cand.place = cand.place or other.place
                        continue
                    cand.absorbed = True

        context = (index, dates, published, history, dateline_places, lead, inner[sent_rec.index])
        built = 0
        for cand in cands:
            if cand.absorbed or cand.modality == "unreal":
                continue
            if cand.modality == "attempted" and cand.actor1 is None:
                cand.actor1 = _topic_actor(doc, actors, document, sent_rec)
            mention = _build_mention(document, sent_rec, span, cand, *context)
            if mention is not None:
                out.append(mention)
                history.append(mention)
                built += 1
        if (
            not built
            and cands
            and all(c.model_probability is None and c.modality == "asserted" for c in cands)
        ):
            # Every trigger word of a plain sentence fell through ("seized four motorbikes"
            # is no territory): the classifier's reading of the sentence gets its turn.
            found = _model_mentions(
                document, sent_rec, span, index, model_candidates(span, index), context
            )
            out.extend(found)
            history.extend(found)
    if not out and lead_places:
        # a coder's note that gave no event: the classifier's reading of its opening
        out.extend(_note_reading(document, actors, places, dates, published, main, inner))
    mentions = infer_missing_actors(
        _drop_side_stories(
            _fold_interventions(
                document,
                _fold_unattributed(document, _fold_anaphora(document, _fold_tolls(_collapse(out)))),
            )
        ),
        _state_forces,
    )
    _trailing_tolls(document, mentions)
    _second_opinion(document, mentions)
    _attribute_perpetrators(mentions, _attribution(doc, actors))
    _infer_implied_sides(document, mentions, actors)
    mentions = _split_listed_places(document, mentions, places)
    mentions = _split_listed_provinces(document, mentions, places)
    mentions = _split_unknown_lists(document, mentions, places, actors)
    # each sentence's episode: how many sentences up to it open a new one (counted once per
    # article, not once per mention)
    # (and a joined clause of "another" deed with a place of its own opens one inside its
    # sentence: "an IED exploded in Tarmiyah (Baghdad) ..., and another IED exploded in
    # Khanaqin (Diyala)"; ``inner``, found before the mentions were built)
    episodes = list(
        itertools.accumulate(
            int(NEW_EPISODE.match(s.text.lstrip(" \"'(")) is not None) + int(k is not None)
            for s, k in zip(document.sentences, inner, strict=True)
        )
    )
    for m in mentions:
        k = inner[m.sentence_index]
        m.episode = episodes[m.sentence_index] - int(k is not None and m.trigger_start < k)
        _localise(m)
        _israeli_missiles_on_syria(document, m)
        _levant_gunfire(document, m)
        _strikes_from_abroad(document, m)
        _non_state_arrest(document, m)
        _fire_returned(document, m)
        label = labels.get(document.sentences[m.sentence_index].paragraph)
        if label is not None and m.sub_event_type != label:
            _retype(document, m, label, LABEL_RULE, 0.9)  # the coder's label has the last word
        _lone_protesters(m)
    return mentions


def _note_reading(
    document: Document,
    actors: list[ActorMention],
    places: list[PlaceMention],
    dates: list[DateMention],
    published: date,
    main: set[str],
    inner: list[int | None],
) -> list[EventMention]:
    """A coder's note (its paragraph opens on its full date: "On 5 May 2020, ...") is written
    for an event. Where the trigger rules built none from it, the sub-event classifier's
    reading of its opening sentence stands ("Houthi supervisors were reported to have beaten
    and detained teachers in Dhamar city": the trigger words were read as told of, not
    done), at the classifier's usual bar. A reading whose word the rules read as not done
    (denied, threatened, planned) still gives nothing; a deed not done elsewhere in the note
    does not stop it ("militants targeted a police post by lobbing a grenade at it, but the
    grenade did not explode": the throw was done)."""
    doc = document.doc
    for sent_rec in document.sentences:
        if not _opens_on_date(sent_rec, dates):
            continue
        span = doc.char_span(sent_rec.start, sent_rec.end, alignment_mode="expand")
        if span is None:
            return []
        index = _Index(actors, places, span, main)
        lead = [p for p in index.places if _eventful(p) and not index.foreign(p)]
        context = (index, dates, published, [], [], lead, inner[sent_rec.index])
        cands = [c for c in model_candidates(span, index) if c.modality != "unreal"]
        return _model_mentions(document, sent_rec, span, index, cands, context)
    return []


def _opens_on_date(sent_rec: Sentence, dates: list[DateMention]) -> bool:
    """The sentence opens on a date with its year, as a coder's note or a bulletin item does
    ("On 9 May 2020, ...", "Around 30 April 2020 (as reported), ...")."""
    return any(
        sent_rec.start <= d.start < sent_rec.start + 25 and YEAR.search(d.text) for d in dates
    )


def _model_mentions(
    document: Document,
    sent_rec: Sentence,
    span: Span,
    index: _Index,
    cands: list[_Candidate],
    context: tuple,
) -> list[EventMention]:
    """The mentions built from the classifier's candidates of a sentence (one at most)."""
    found = []
    for cand in cands:
        _fill_roles(cand, index)
        mention = _build_mention(document, sent_rec, span, cand, *context)
        if mention is not None:
            found.append(mention)
    return found


def _lone_protesters(m: EventMention) -> None:
    """ACLED's codebook: a peaceful protest is the protesters' own action (interaction 60,
    "protesters only"); what they protest against is no second side ("held a protest outside
    the Geo office against the arrest of the Jang Group's editor": 1,455 of ACLED's 1,476
    peaceful protests of train and dev have no actor2)."""
    if m.sub_event_type == "Peaceful protest" and m.actor2 is not None:
        m.actor2 = None
        m.evidence = [e for e in m.evidence if e.field != "actor2"]


# Rebels and political or identity militias (ACLED inter codes 2-4).
NON_STATE_ARMED = frozenset({2, 3, 4})


def _non_state_arrest(document: Document, m: EventMention) -> None:
    """ACLED's codebook: arrests by non-state groups are abductions or forced
    disappearances ("QSD forces detained an individual in Abu Hamam", "HTS detained a
    former rebel in Foah": 22 of 22 such Syrian rows, 2024, against none coded Arrests)."""
    a1 = m.actor1
    if m.sub_event_type != "Arrests" or a1 is None or a1.inter not in NON_STATE_ARMED:
        return
    _retype(document, m, ABDUCTION, "codebook:non-state-arrest", 0.7)
    if m.actor2 is None:  # (whose captives are civilians by the same codebook)
        _infer_civilian_victims(m)
        _localise(m)


STRIKES = re.compile(r"\bstrikes?\b", re.I)


def _strikes_from_abroad(document: Document, m: EventMention) -> None:
    """'US forces conducted strikes on Houthi sites in Zabid district': a foreign state's
    military striking with no fight told strikes from the air or the sea; ACLED codes air
    strikes (21 of 22 notes of Yemen, Lebanon and Syria, 2023-25, whose first sentence
    tells a foreign state's strikes with no clash; the other was an interception)."""
    a1 = m.actor1
    if (
        m.sub_event_type != CLASH
        or a1 is None
        or a1.inter != 8
        or not a1.actor.startswith("Military Forces of")
    ):
        return
    text = document.sentences[m.sentence_index].text
    if not STRIKES.search(text) or FIGHT_TOLD.search(text) or GROUND_FIGHT.search(text):
        return
    _retype(document, m, "Air/drone strike", "convention:strikes-from-abroad", 0.7)


# The Levant desk's stand-off fire: machine guns and RPGs fired at a town or at positions,
# no fight told ("the Israeli military used heavy machine gunfire in the vicinity of Ras al
# Naqoura", "rebels targeted regime positions with medium machine guns").
LEVANT = frozenset({"SY", "LB", "IL", "PS"})
STANDOFF_ARMS = re.compile(
    r"\b(?:machine ?gun\w*|RPGs?|rocket[- ]propelled grenades?|rifle ammunition)\b", re.I
)

# ... an assault or a shooting at close range is still a clash ("IS members attacked an
# Asayish checkpoint with machine guns": 9 of 10 such rows) ...
CLOSE_FIRE = re.compile(r"\b(?:attack\w*|assault\w*|shot|shoot\w*|storm\w*)\b", re.I)
TARGETED = re.compile(r"\btarget\w*\b", re.I)
# ... and the words of stand-off fire: "used heavy machine gunfire", "combed with machine
# gunfire", "fired rifle ammunition towards"
STANDOFF_VERBS = re.compile(r"\b(?:used|using|fired|firing|combed|combing)\b", re.I)


def _levant_gunfire(document: Document, m: EventMention) -> None:
    """ACLED's coders for Syria, Lebanon, Israel and Palestine code one side's fire with
    machine guns or RPGs at a place or at positions as shelling, not as an armed clash
    (ACLED rows of those countries, 2023-25, that tell such fire with no assault, shooting
    or clash, and with "used", "fired" or "combed" where "targeted" is told: 34 of 39 are
    shelling, 5 air strikes, none a clash). Ukraine's coders code the same words as a
    clash, so the reading stays where the event is."""
    if m.sub_event_type != CLASH or m.place is None or m.place.country_code not in LEVANT:
        return
    text = document.sentences[m.sentence_index].text
    if not STANDOFF_ARMS.search(text) or FIGHT_TOLD.search(text) or CLOSE_FIRE.search(text):
        return
    if TARGETED.search(text) and not STANDOFF_VERBS.search(text):
        return  # "targeted the positions with machine guns": as often a clash as not
    _retype(document, m, SHELLING, "convention:levant-standoff-fire", 0.7)


# Fire that the other side answered: "shelling exchange took place between regime forces
# and ...", "QSD returned the fire", "mutual artillery and rocket shelling" (not a shelling
# in reply, "retaliated by shelling regime positions": each side's shelling is its own)
FIRE_RETURNED = re.compile(
    r"\b(?:return\w*\s+(?:the\s+)?fire|exchang\w*\s+(?:of\s+)?(?:\w+\s+)?(?:fire|shell\w*|"
    r"rockets?|gunfire)|(?:shelling|fire|artillery)\s+exchanges?|mutual\s+(?:\w+\s+){0,3}?"
    r"(?:shelling|fire|attacks?))\b",
    re.I,
)


def _fire_returned(document: Document, m: EventMention) -> None:
    """ACLED's codebook: fire both sides exchanged is an armed clash, whatever the weapons
    (train notes and the extra dev rows that tell fire returned or exchanged: 85 of 85 are
    armed clashes), so a shelling or a strike answered in kind is a clash."""
    if m.sub_event_type not in {SHELLING, "Air/drone strike"}:
        return
    if FIRE_RETURNED.search(document.sentences[m.sentence_index].text):
        _retype(document, m, CLASH, "codebook:fire-exchanged", 0.7)


def _israeli_missiles_on_syria(document: Document, m: EventMention) -> None:
    """Israel's missiles on Syria come from jets over Lebanon or the Golan: ACLED codes them
    as air strikes, as it does Israeli strikes there told with no aircraft named."""
    if (
        m.sub_event_type == SHELLING
        and m.actor1 is not None
        and m.actor1.actor.startswith("Military Forces of Israel")
        and m.place is not None
        and m.place.country_code == "SY"
        and MISSILE_WORD.search(document.sentences[m.sentence_index].text)
    ):
        _retype(document, m, "Air/drone strike", "convention:israeli-missiles-on-syria", 0.7)


def _retype(
    document: Document, m: EventMention, sub_type: str, method: str, confidence: float
) -> None:
    """Give ``m`` another sub-event type, its evidence the trigger read by ``method``."""
    m.sub_event_type, m.event_type = sub_type, EVENT_TYPE_OF[sub_type]
    m.evidence.append(
        _evidence(
            document,
            document.sentences[m.sentence_index],
            m.trigger_start,
            m.trigger_end,
            "sub_event_type",
            method,
            confidence,
        )
    )


MISSILE_WORD = re.compile(r"\bmissiles?\b", re.I)


# What joins the places of a list, once locators in brackets are set aside: "Hays, At
# Tuhayta and Ad Durayhimi districts", "Al Hazm (Al Jawf), Sirwah (Marib) and Nihm".
# (a spot of each district may come first: "Al Raqw area of Munabbih district and Al
# Malahit area of Al Dhaher district (Sadah)")
_SPOT_OF = r"(?:[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2}\s+(?:area|village|town)s?\s+(?:of|in)\s+)"
LIST_GAP = re.compile(
    r"(?:\s+(?:border\s+|frontline\s+|neighbou?ring\s+)?"
    r"(?:districts?|towns?|villages?|cities|city|areas?|sub-districts?))?"
    r"\s*(?:,\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?"
    r"(?:(?:town|village|city|district|outskirts|vicinity)\s+of\s+(?:the\s+)?)?"
    rf"{_SPOT_OF}?"
)
# What puts a list where a deed took place: "in", "at", "near", or the deed's object
# ("shelled Kafr Nabl, Hazarin and Al Bara", "the villages of Ananum, Gidan Adamu").
LIST_LEAD = re.compile(
    r"(?:\b(?:in|at|near|around|inside|on|targeting|targeted|shelled|struck|hit|attacked|"
    r"bombed|raided|stormed|across|including|such as)|"
    r"\b(?:villages|towns|areas|districts|localities|outskirts|vicinity|surroundings|environs)"
    r"\s+of)"
    r"\s+(?:the\s+)?(?:(?:villages?|towns?|areas?|districts?|cities)\s+of\s+)?"
    rf"(?-i:{_SPOT_OF})?$",
    re.I,
)
_BRACKETS = re.compile(r"\([^()]*\)")
LIST_END = re.compile(r"\b(?:and|as well as)\b|&")
LIST_SUM = re.compile(r",?\s*(?:combined|together|altogether|in total|respectively)\b", re.I)


def _split_listed_places(
    document: Document, mentions: list[EventMention], places: list[PlaceMention]
) -> list[EventMention]:
    """ACLED codes one event per place: a deed a sentence tells at a list of towns or
    districts ("Houthi forces shelled pro-Hadi positions in Hays, At Tuhayta and Ad
    Durayhimi districts") is one event at each, the toll shared among them (the remainder
    one each to the first, as ACLED's notes split it)."""
    out: list[EventMention] = []
    text = document.text
    for m in mentions:
        out.append(m)
        if m.place is None or m.listed or m.place.feature not in {"city", "admin2"}:
            continue
        sent = document.sentences[m.sentence_index]
        items = [
            p
            for p in places
            if sent.start <= p.start < sent.end
            and _eventful(p)
            and text.count("(", sent.start, p.start) == text.count(")", sent.start, p.start)
        ]
        # the run of joined places that holds the event's own; ``last`` joins its last two
        chain: list[PlaceMention] = []
        last = ""
        for p in items:
            gap = _BRACKETS.sub("", text[chain[-1].end : p.start]) if chain else ""
            if p.feature not in {"city", "admin2"} and any(q.start == m.place.start for q in chain):
                break  # "in Nad Ali and Marja districts, Helmand province": the province ends it
            if chain and LIST_GAP.fullmatch(gap) and not _UNITS_THEN_COMMA.match(gap):
                chain.append(p)
                last = gap
            elif any(q.start == m.place.start for q in chain):
                break
            else:
                chain = [p]
        if len(chain) < 2 or not any(q.start == m.place.start for q in chain):
            continue
        if not LIST_END.search(last):
            continue  # "in Iztacalco, Ciudad de Mexico": a borough and its city, no list
        if LIST_SUM.match(text, chain[-1].end):
            continue  # "In Tripoli and Sidon combined, 24 were detained": one tally
        if _JOINT_AFTER.match(text, chain[-1].end):
            continue  # "at the Bijapur and Dantewada border": one border
        if not LIST_LEAD.search(text[max(sent.start, chain[0].start - 60) : chain[0].start]):
            continue
        if any(
            q.country_code != m.place.country_code or q.feature not in {"city", "admin2"}
            for q in chain
        ):
            continue
        if len({q.name for q in chain}) < len(chain):
            continue
        lows, highs = _toll_shares(m, len(chain))
        out[-1:] = [
            _at_listed_place(document, sent, m, q, lows[k], highs[k]) for k, q in enumerate(chain)
        ]
    return out


# provinces named as such after their list: "in Al Jawf, Marib and Al Bayda governorates"
_PROVINCES_AFTER = re.compile(r"\s+(?:governorates|provinces)\b", re.I)
_PROVINCE_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _split_listed_provinces(
    document: Document, mentions: list[EventMention], places: list[PlaceMention]
) -> list[EventMention]:
    """A deed told at a list of provinces named as such ("clashes took place in Al Jawf,
    Marib and Al Bayda governorates") is one event in each, at its capital, as ACLED codes
    an event known only to a province."""
    out: list[EventMention] = []
    text = document.text
    for m in mentions:
        out.append(m)
        if m.place is None or m.listed or not _province_named(m.place):
            continue
        sent = document.sentences[m.sentence_index]
        items = [p for p in places if sent.start <= p.start < sent.end and _province_named(p)]
        chain: list[PlaceMention] = []
        for p in items:
            if chain and _PROVINCE_GAP.fullmatch(text[chain[-1].end : p.start]):
                chain.append(p)
            elif any(q.start == m.place.start for q in chain):
                break
            else:
                chain = [p]
        if (
            len(chain) < 2
            or not any(q.start == m.place.start for q in chain)
            or not _PROVINCES_AFTER.match(text, chain[-1].end)
            or not LIST_END.search(text[chain[-2].end : chain[-1].start])
            or len({q.country_code for q in chain}) > 1
            or len({q.name for q in chain}) < len(chain)
        ):
            continue
        lows, highs = _toll_shares(m, len(chain))
        out[-1:] = [
            _at_listed_place(document, sent, m, province_seat(_as_province(q)), lows[k], highs[k])
            for k, q in enumerate(chain)
        ]
    return out


def _as_province(p: PlaceMention) -> PlaceMention:
    """The province a list of provinces names, where the text's name was read as the town
    that bears it ("Uruzgan": the town Uruzgan, not the province's seat Tarinkot)."""
    if p.feature == "admin1":
        return p
    from marsad.places.gazetteer import ADMIN1, Gazetteer

    division = next(
        (
            c
            for c in Gazetteer.load().lookup(p.admin1 or "")
            if c.feature == ADMIN1 and c.country_code == p.country_code
        ),
        None,
    )
    if division is None:
        return p
    return replace(
        p,
        name=division.name,
        geonameid=division.geonameid,
        latitude=division.latitude,
        longitude=division.longitude,
        feature="admin1",
    )


def _province_named(p: PlaceMention) -> bool:
    """A province, or the seat that bears its name ("Kandahar" read as the city)."""
    return p.feature == "admin1" or (
        p.feature == "city" and bool(p.admin1) and skeleton(p.text) == skeleton(p.admin1 or "")
    )


def _at_listed_place(
    document: Document,
    sent: Sentence,
    m: EventMention,
    place: PlaceMention,
    low: int | None,
    high: int | None,
    method: str | None = None,
) -> EventMention:
    """``m`` told at one place of a list, with its share of the toll; the location's
    evidence points at that place (read by ``method``, else as ``m``'s was)."""
    evidence = [
        e
        if e.field != "location"
        else _evidence(
            document,
            sent,
            place.start,
            place.end,
            "location",
            method or e.method,
            place.confidence,
        )
        for e in m.evidence
    ]
    return replace(
        m,
        place=place,
        listed=True,
        fatalities_low=low,
        fatalities_high=high,
        evidence=evidence,
    )


# A list of names, known to the gazetteer or not ("shelled Kansafra and Al Bara in Jabal
# Az-Zawiya (Idleb)", "regained control of Kafr Nabudah and Qal'at al Madiq (Hama)", "in
# Nihm district (Sanaa) and in Sirwah district (Marib)"): a name is capitalised words
# joined by Arabic or Persian particles; each may carry a unit word and a locator.
_PARTICLE = r"(?:al|el|as|ad|ar|an|at|az|ash|adh|ath|bin|bani|abu|wa|e|i)"
_WORD = r"[A-Z][\w'’‘-]*"
_NAME = rf"{_WORD}(?:[ -](?:{_PARTICLE}[ -])*{_WORD})*(?: \d+\b)?"  # ("Kilo 16")
_ITEM = re.compile(
    rf"(?P<name>{_NAME})"
    r"(?:\s+(?:districts?|sub-?districts?|villages?|towns?|areas?|city|neighbou?rhoods?|"
    r"camps?|fronts?|frontlines?|axis|axes|mountains?|valleys?|airbase|base))?"
    r"(?:\s*\([^()]*\))?"
)
_ITEM_SEP = re.compile(
    r"\s*,\s*(?:and\s+|as well as\s+)?(?:(?:in|at|near|on)\s+)?(?:the\s+)?"
    r"|\s+(?:and|as well as|&)\s+(?:another\s+)?"
    r"(?:on the outskirts of\s+|(?:in|at|near|on|inside|to)\s+)?(?:the\s+)?"
)
_NAMES_LEAD = re.compile(
    r"\b(?:in|at|near|around|on|inside|to|targeting|targeted|shelled|struck|hit|attacked|"
    r"bombed|raided|stormed|across|including|such as|"
    r"(?:control|villages|towns|areas|outskirts|vicinity|surroundings|environs|frontlines?|"
    r"fronts?|axes)\s+of)"
    r"\s+(?:the\s+)?(?:(?:villages?|towns?|areas?|districts?)\s+of\s+)?"
)
# between a list and the place that holds it: "... and Al Bara in Jabal Az-Zawiya", "(Idleb)"
_TO_HOLDER = re.compile(
    r"^(?:\s+(?:districts?|sub-?districts?|villages?|towns?|areas?|frontlines?|fronts?|"
    r"neighbou?rhoods?))?\s*(?:\(|,?\s*(?:in|of)\s+(?:the\s+)?)"
)
_NOT_NAMES = frozenset(
    {"On", "The", "A", "An", "In", "At", "Around", "Between", "Monday", "Tuesday", "Wednesday"}
    | {"Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April"}
    | {"May", "June", "July", "August", "September", "October", "November", "December"}
)


# "in the Lattakia countryside", "in northern Hama", "in Jabal al-Zawiya"
_INLINE_OWN = re.compile(
    r"\s+in\s+(?:the\s+)?(?:(?:north|south)?(?:north|south|east|west)(?:ern)?\s+)?"
    rf"{_NAME}(?:\s+(?:countryside|province|governorate|district))?"
)
_ARTICLE_LIKE = frozenset({"At", "An"})
# a list's unit word in the plural, then a comma: what follows holds the list
_UNITS_THEN_COMMA = re.compile(r"\s+(?:districts|villages|towns|areas|cities|neighbou?rhoods)\s*,")
CITY_AFTER = re.compile(r"\s+city\b", re.I)
LIST_REACH_KM = 150.0  # how far a listed name read again may lie from where the list stands


def _named_list(text: str, lo: int, hi: int) -> list[tuple[int, int, str, int]]:
    """The names of a list that starts at ``lo`` and ends before ``hi``, as (start, end,
    name, end of the item with its unit word and locator); fewer than two: none."""
    items: list[tuple[int, int, str, int]] = []
    seps: list[str] = []
    pos = lo
    while True:
        item = _ITEM.match(text, pos, hi)
        words = item.group("name").split() if item is not None else []
        if not words or (
            words[0] in _NOT_NAMES
            # (the Arabic article before a name: "At Tuhayta", "An Nasiriyah")
            and not (words[0] in _ARTICLE_LIKE and len(words) > 1)
        ):
            break
        full = item.end()
        sep = _ITEM_SEP.match(text, full, hi)
        if sep is None:
            # a locator of the item's own in running text, the list maybe going on past it
            # ("shelled Kafr Nabl (Idleb), and Kabani in the Lattakia countryside, and ...")
            own = _INLINE_OWN.match(text, full, hi)
            if own is not None:
                full = own.end()
                sep = _ITEM_SEP.match(text, full, hi)
                if sep is not None and not LIST_END.search(sep.group()):
                    sep = None
        items.append((item.start("name"), item.end("name"), item.group("name"), full))
        if sep is None or (
            _UNITS_THEN_COMMA.match(text, item.end("name")) and "and" not in sep.group()
        ):
            break  # (", Al Hudaydah" after "Hays and At Tuhayta districts": their province)
        seps.append(sep.group())
        pos = sep.end()
    # a list ends on "and" ("in Iztacalco, Ciudad de Mexico" is a borough and its city)
    if len(items) < 2 or not LIST_END.search(seps[len(items) - 2]):
        return []
    return items


# What a run of names qualifies when it is no list of places: "the Bijapur and Dantewada
# border", "the Water and Electricity Company HQ".
_JOINT_AFTER = re.compile(
    r"\s+(?:borders?|boundary|road|highway|axis|line|junction|triangle|route|crossing|"
    r"frontier|corridor)\b"
    # (not "Shada'a and Al Dhaher border districts": districts by the border)
    r"(?!\s+(?:districts?|areas?|villages?|towns?|regions?)\b)"
)
_BODY_WORDS = frozenset(
    {"HQ", "Company", "Limited", "Ltd", "Bank", "Ministry", "Union", "University", "Office"}
    | {"Council", "Hospital", "School", "Party", "Association", "Corporation", "Authority"}
)


def _not_a_list_of_places(
    document: Document,
    m: EventMention,
    lead: re.Match[str],
    items: list[tuple[int, int, str, int]],
) -> bool:
    """Names joined by "and" that are not the places of ``m``'s deed: parts of one name
    (a body, a border), the two ends of a road ("between Amba and Okoyeri"), or places a
    clause told of something else ("arrested for their part in protests in Sidon, Tripoli
    and Zahle")."""
    text = document.text
    if _JOINT_AFTER.match(text, items[-1][1]) or any(
        set(name.split()) & _BODY_WORDS for _, _, name, _ in items
    ):
        return True
    if "between" in text[max(0, lead.start() - 20) : lead.end()].lower():
        return True
    doc = document.doc
    lead_tok = doc.char_span(lead.start(), lead.end(), alignment_mode="expand")
    trig = doc.char_span(m.trigger_start, m.trigger_end, alignment_mode="expand")
    if lead_tok is None or trig is None:
        return False
    on_path = {t.i for t in trig[0].ancestors} | {trig[0].i}
    tok = lead_tok[0]
    for _ in range(12):
        if tok.i in on_path:
            return False
        if tok.dep_ in {"relcl", "acl"} or (
            tok.dep_ == "pobj" and tok.head.head.pos_ == "NOUN" and tok.head.head.dep_ == "pobj"
        ):
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _split_unknown_lists(
    document: Document,
    mentions: list[EventMention],
    places: list[PlaceMention],
    actors: list[ActorMention],
) -> list[EventMention]:
    """A deed told at a list of names of which the gazetteer lacks some is still one event
    per name, as ACLED codes it: a name it lacks stands at the place that holds the list
    (the locator after it, or the list's known town), its name kept, its precision that of
    a place near."""
    out: list[EventMention] = []
    text = document.text
    done: set[tuple[int, int]] = set()  # (sentence, trigger) already split
    for m in mentions:
        out.append(m)
        key = (m.sentence_index, m.trigger_start)
        if m.place is None or m.listed or key in done:
            continue
        if any(x is not m and (x.sentence_index, x.trigger_start) == key for x in mentions):
            continue  # the sentence's deed already stands at more than one place
        sent = document.sentences[m.sentence_index]
        for lead in _NAMES_LEAD.finditer(text, sent.start, sent.end):
            items = _named_list(text, lead.end(), sent.end)
            if not items:
                continue
            first, last = items[0][0], items[-1][1]
            if any(first <= a.start < last for a in actors):
                continue  # "attacked Houthi and Islah positions": sides, not places
            if _not_a_list_of_places(document, m, lead, items):
                continue
            known = {
                (s, e): next((p for p in places if p.start < e and s < p.end), None)
                for s, e, _, _ in items
            }
            # an item's own locator ("... and another near Camp Taji (Baghdad)")
            own = {
                (s, e): next((p for p in places if e < p.start < full), None)
                for s, e, _, full in items
            }
            found = [p for p in known.values() if p is not None]
            if len({p.country_code for p in found}) > 1 or len({p.name for p in found}) < len(
                found
            ):
                continue  # "Moscow and Kiev", or one town named twice
            if LIST_SUM.match(text, last):
                continue  # "In Tripoli and Sidon combined, 24 were detained": one tally
            # (the deed's place may be the list's town named again: "hit Jisr Ash-Shugur and
            # Bdama (Idleb), killing 2 civilians in Jisr Ash-Shugur")
            within = any(
                p.start < last and first < p.end and p.name == m.place.name for p in places
            )
            link = _TO_HOLDER.match(_BRACKETS.sub("", text[last : m.place.start + 1]) or " ")
            holder = (
                m.place.start >= last
                and link is not None
                # "Salah and Al Qahirah districts of Taizz city": a city's districts, each
                # an event; "Kofal camp and Al Zor areas of Sirwah district": spots of one
                and ("of" not in link.group().split() or CITY_AFTER.match(text, m.place.end))
            )
            if not (within or holder):
                continue
            if link is not None and link.group().split()[:1] in (["area"], ["areas"]):
                # "in the Gire Kun and Gire Siser areas (Kurdish names) in the Gare region":
                # spots of one place, one event there
                continue
            if any(
                p is not None and p.feature not in {"city", "admin2", "physical", "region"}
                for p in known.values()
            ):
                continue  # "in Syria and Iraq": countries or provinces, another matter
            lows, highs = _toll_shares(m, len(items))
            # a name the places stage passed over, read again as a place in its own right
            # ("the Ain Issa and Tal Tamer frontlines": Tall Tamr), kept only near where the
            # list stands
            unknown = [(s, e) for s, e, _, _ in items if known[(s, e)] is None]
            for (s, e), r in zip(unknown, resolve_spans(document.doc, unknown), strict=True):
                near = own[(s, e)] or m.place
                if (
                    r is not None
                    and r.feature in {"city", "admin2"}
                    and r.country_code == near.country_code
                    and haversine_km(r.latitude, r.longitude, near.latitude, near.longitude)
                    <= LIST_REACH_KM
                ):
                    known[(s, e)] = r
            copies = []
            for k, (s, e, name, _) in enumerate(items):
                q = known[(s, e)]
                if q is None:
                    near = own[(s, e)] or m.place
                    q = replace(
                        near,
                        start=s,
                        end=e,
                        text=name,
                        name=name,
                        geonameid=None,
                        geo_precision=max(near.geo_precision, GEO_NEAR),
                        confidence=round(near.confidence * 0.5, 3),
                        method=f"list:near {near.name}",
                    )
                copies.append(_at_listed_place(document, sent, m, q, lows[k], highs[k], q.method))
            out[-1:] = copies
            done.add(key)
            break
    return out


def _toll_shares(m: EventMention, n: int) -> tuple[list[int | None], list[int | None]]:
    """The low and high tolls of ``m`` told at ``n`` places: shared among them, unless the
    figure is already one event's share ("10 fatalities split between two events": 5 at
    each place)."""
    if any(e.field == "fatalities" and "+split" in e.method for e in m.evidence):
        return [m.fatalities_low] * n, [m.fatalities_high] * n
    return _shares(m.fatalities_low, n), _shares(m.fatalities_high, n)


def _shares(total: int | None, n: int) -> list[int | None]:
    """A toll shared by ``n`` places: equal parts, the remainder one each to the first ("8
    killed across 10 villages": 1 in each of 8)."""
    if total is None:
        return [None] * n
    base, rest = divmod(total, n)
    return [base + 1] * rest + [base] * (n - rest)


MODEL_RETYPE = 0.5
MODEL_VETO = 1.01  # classifier probability above which its reading replaces the lexicon's
_KEEP_RULE_TYPES = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
        # "Turkish forces established a new military post near Al-Bara": the words name
        # the base; the classifier, cued by "forces" and "military", reads a fight
        "Headquarters or base established",
    }
)


# Readings fixed by the words themselves (the device named, an arrest, a patrol): the
# classifier may not make them another event type.
_KEEP_LEXICON_TYPES = frozenset(
    {
        "Arrests",  # "arrested 6 young men"
        "Change to group/activity",  # "conducted a patrol", "held a military parade"
        "Disrupted weapons use",
        IED,
        "Suicide bomb",
        "Air/drone strike",
    }
)


# prisoners exchanged or released between foes (ACLED's agreements)
PRISONER_SWAP = re.compile(
    r"\b(?:prisoners?|detainees?|captives?|POWs)\b[^.;]{0,40}?\b(?:exchange|swap|release)"
    r"|\b(?:exchanged?|swapped|swap|released?)\b[^.;]{0,40}?\b(?:prisoners?|detainees?|"
    r"captives?|POWs)\b",
    re.I,
)


HEAVY_WEAPONS = re.compile(
    r"\b(?:mortars?|artillery|rockets?|missiles?|shells?|shelled|shelling|howitzers?|MLRS|"
    r"Grads?|tank fire|ATGMs?|heavy weapons?)\b",
    re.I,
)
LIGHT_WEAPONS = re.compile(
    r"\b(?:small arms|(?:heavy |light )?machine ?guns?|machineguns?|grenade launchers?|rifles?|"
    r"snipers?|guns|gunfire|anti-tank|ATGMs?|IFVs?|BMPs?|rocket[- ]propelled|firearms?|"
    r"(?:light|medium)(?: and heavy)? weapons?)\b",
    re.I,
)


def _heavy_only(text: str) -> bool:
    """Heavy weapons named and no light ones: "three mortar rounds", "artillery shells"."""
    return bool(HEAVY_WEAPONS.search(text)) and not LIGHT_WEAPONS.search(text)


# A fight told as armed, or fought by tribes or clans (their militias): a battle, not a mob.
ARMED_FIGHT = re.compile(
    r"\barmed (?:clash|confrontation|fight|fighting|battle)|\btrib(?:es|al|esmen)\b|\bclans\b"
    r"|\bfactions\b"  # "two SNA factions clashed in Afrin city over a property dispute"
    # "clashes took place between two families in Tafas town over an old dispute": ACLED
    # codes a feud's families as clan militias
    r"|\bbetween (?:the )?(?:two |rival )?famil(?:y|ies)\b",
    re.I,
)
GROUND_FIGHT = re.compile(
    r"\bground (?:attack|offensive|assault|operation|incursion|advance)s?\b", re.I
)
# An assault on posts that armed men hold.
ARMED_POSTS_HIT = re.compile(
    r"\b(?:attack\w*|storm\w*|raid\w*|ambush\w*|overr[au]n\w*|assault\w*|target\w*)\s+"
    r"(?:\w+\s+){0,3}?(?:checkpoints?|check-points?|posts?|outposts?|bases?|positions?|"
    r"convoys?|patrols?|barracks|garrisons?|district (?:centre|center|headquarters))\b",
    re.I,
)
# How the words of taking begin, the storming of a house that was looted among them.
LOOT_WORDS = ("loot", "plunder", "ransack", "pillag", "steal", "stole", "storm")
# Words that tell of people hurt, taken or killed.
PEOPLE_HURT = re.compile(
    r"\b(?:kill\w*|injur\w*|wound\w*|beat\w*|shot|shoot\w*|stabb\w*|abduct\w*|kidnap\w*|"
    r"assault\w*|tortur\w*|rap(?:e|ed|ing)|dead|death|died|execut\w*|hostages?|detain\w*|"
    r"arrest\w*|whipp\w*|flogg\w*|lynch\w*)\b",
    re.I,
)
# Shots told (beyond the fights FIGHT_TOLD names): "A shoot-out broke out", "opened fire".
SHOOTOUT = re.compile(r"\b(?:shoot-?outs?|gun battles?|fire)\b", re.I)
# A victim told as armed or as an outlaw, whom ACLED's coders count as a gang's man.
OUTLAW_VICTIM = re.compile(
    r"\bvictim (?:was|had been) (?:armed|convicted|wanted)|\bvictim had (?:\w+ )?charges\b", re.I
)
SNIPER = re.compile(r"\bsnipers?\b", re.I)
# Words that tell of two sides fighting, not of one side's harm to people.
FIGHT_TOLD = re.compile(
    r"\b(?:clash\w*|fight\w*|firefights?|gunfights?|battl\w*|exchang\w*|crossfire|"
    r"repel\w*|repuls\w*|ambush\w*|skirmish\w*|engag\w*)\b",
    re.I,
)


# What makes a kidnapping part of an attack: the victims hurt, or an attack told
HARM_BESIDE = re.compile(
    r"\b(?:kill\w*|injur\w*|wound\w*|beat\w*|shot|shoot\w*|stabb\w*|assault\w*|tortur\w*|"
    r"rap(?:e|ed|ing)|dead|death|died|execut\w*|attack\w*|stormed|raided|looted|burn\w*)\b",
    re.I,
)


# Words that make the people a deed harmed an armed side's men
ARMED_VICTIM_WORDS = frozenset(
    {"regime", "checkpoint", "division", "brigade", "battalion", "regiment", "patrol"}
    | {"soldier", "soldiers", "troops", "fighter", "fighters", "militant", "militants"}
    | {"militia", "militias", "militiamen", "militiaman", "insurgent", "insurgents"}
    | {"forces", "policeman", "policemen", "peshmerga"}
)
# ... and what makes them civilians again: "an off-duty soldier", "a former rebel"
BODY_WORDS = frozenset({"body", "bodies", "corpse", "corpses", "remains"})
OUT_OF_ARMS = frozenset({"off-duty", "off", "former", "retired", "ex", "defected", "defector"})


def _armed_victims(
    document: Document, m: EventMention, actors: list[ActorMention] | None = None
) -> bool:
    """Whom the event's verb harmed is an armed side's men: its object names an armed actor
    or armed men's words ("a regime checkpoint member", "two JWS members")."""
    return _armed_victim(document, m, actors)[0]


def _armed_victim(
    document: Document, m: EventMention, actors: list[ActorMention] | None = None
) -> tuple[bool, ActorMention | None]:
    """_armed_victims, with the armed actor the victims' words name (of ``actors``, the
    document's, or else the event's own sides), if any."""
    span = document.doc.char_span(m.trigger_start, m.trigger_end, alignment_mode="expand")
    if span is None:
        return False, None
    tok = span.root
    sent = tok.sent
    if {t.lower_ for t in sent} & OUT_OF_ARMS or OFF_DUTY.search(sent.text):
        return False, None
    a2 = m.actor2
    if a2 is not None and a2.inter in ARMED_FORCES and not a2.method.startswith("inferred"):
        return True, a2
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        tok = tok.head  # "opened fire and injured two PMF members": the verb of the fire
    if tok.pos_ != "VERB":
        return False, None
    # ("shot and killed a regime member": the object may hang on the joined verb)
    verbs = [tok, *(c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    victim = next((o for o in map(_obj, verbs) if o is not None and o.i != span.root.i), None)
    if victim is None:
        # "the body of an ANA soldier was found": the one found ("..., killed by Taliban
        # militants", the killing hung on the place)
        victim = _passive_subject(tok)
        if victim is None and tok.dep_ in {"acl", "advcl"} and _lemma(tok.sent.root) == "find":
            victim = _passive_subject(tok.sent.root)
    if victim is not None and victim.lemma_.lower() in BODY_WORDS:
        # the dead whose body it is: "the body of an ANA soldier", "an Asayish member's body"
        victim = next(
            (c for c in victim.children if c.dep_ == "poss"),
            _prep_obj(victim, {"of"}),
        )
    if victim is None:
        return False, None
    lo = victim.left_edge.idx
    hi = victim.right_edge.idx + len(victim.right_edge)
    words = {t.lower_ for t in victim.subtree}
    if words & CIVILIAN_WORDS:
        return False, None
    doer = m.actor1.key if m.actor1 is not None else None
    named = [
        a
        for a in (m.actor1, m.actor2)
        if a is not None and lo <= a.start < hi and a.inter in ARMED_FORCES
    ] + [
        # (not a pronoun read as the doer again: "shot at two civilians and left them
        # injured")
        a
        for a in actors or ()
        if lo <= a.start < hi
        and a.inter in ARMED_FORCES
        and a.method != "coreference"
        and (doer is None or a.key != doer)
    ]
    return bool(words & ARMED_VICTIM_WORDS) or bool(named), (named[0] if named else None)


def _second_opinion(document: Document, mentions: list[EventMention]) -> None:
    """Where a sentence tells one event, the sub-event classifier reads the sentence too;
    when it is confident of another type, its reading stands (ACLED coders' conventions,
    learnt from their notes: rifle fire at positions is an armed clash, not an attack).
    Territory changes keep the lexicon's reading: they hinge on who took what from whom."""
    from marsad.classify import METHOD, default_classifier

    per_sentence = Counter(m.sentence_index for m in mentions)
    clf = default_classifier()
    for m in mentions:
        if per_sentence[m.sentence_index] != 1 or m.sub_event_type in _KEEP_RULE_TYPES:
            continue
        if any(e.method in {METHOD, CIVILIAN_SITE_RULE, DISAPPEARED_RULE} for e in m.evidence):
            continue
        sent = document.sentences[m.sentence_index]
        text = sent.text
        if m.event_type in {"Protests", "Riots"}:
            # How a protest went is told after it: "Police resorted to lathi charge to
            # disperse the workers." The classifier reads the protest's whole paragraph.
            lo, hi = document.paragraphs[sent.paragraph]
            text = document.text[max(lo, sent.start) : hi]
        if m.sub_event_type in {EXCESSIVE, "Sexual violence"}:
            # the parse read force used on a crowd ("opened fire on protesters"); the words
            # name the violence ("raped", "sexually assaulted")
            continue
        if m.sub_event_type == SHELLING and _heavy_only(text):
            # "fired three mortar rounds at the base": heavy weapons alone are shelling
            # whatever they were fired at (ACLED's train notes: 58 of 65); small arms or
            # grenade launchers beside them make it the classifier's call
            continue
        if m.sub_event_type == CLASH and GROUND_FIGHT.search(text):
            # "launched a ground attack on HTS positions": the classifier, cued by "launched",
            # reads rockets; a ground attack is a fight
            continue
        # people harmed, and no fight told
        civilians_hit = (
            m.sub_event_type == "Attack"
            and m.actor2 is not None
            and m.actor2.inter == 7
            and not FIGHT_TOLD.search(text)
        )
        if civilians_hit and SNIPER.search(text):
            # "Houthi sniper fire killed a child": a sniper's shot at people; the classifier,
            # cued by "fire", reads a clash
            continue
        pred = clf.predict(text)
        if not pred.is_event or pred.label == m.sub_event_type:
            continue
        if (
            civilians_hit
            and pred.label == CLASH
            and not OUTLAW_VICTIM.search(document.text)
            and not _armed_victims(document, m)
            # ("attacked the gendarmerie station, killed one civilian and wounded four
            # gendarmes": armed men were hit too)
            and not any(w in FORCE_WORDS for w in re.findall(r"[a-z]+", text.lower()))
        ):
            # "a journalist was shot and wounded trying to cover the gang violence": a clash
            # needs two armed sides
            continue
        if (
            m.sub_event_type == CLASH
            and pred.label == "Attack"
            and (m.actor2 is None or m.actor2.inter != 7)
            and ARMED_POSTS_HIT.search(text)
        ):
            continue  # "Taliban attacked security checkpoints in Yosuf Khel": armed men's posts
        if m.sub_event_type == CLASH and pred.label == "Attack" and _armed_victims(document, m):
            # "unknown gunmen shot and killed a regime checkpoint member", "shot and injured
            # two JWS members": an armed side's men, whom ACLED's coders count as a fight
            _retype(document, m, CLASH, "codebook:armed-target", 0.5)
            continue
        if (
            m.sub_event_type == LOOT
            and m.trigger.lower().startswith(LOOT_WORDS)
            and EVENT_TYPE_OF[pred.label] == "Violence against civilians"
            and not PEOPLE_HURT.search(document.text)
        ):
            continue  # "stormed and looted the house of a GPC leader": no one was hurt
        if (
            m.sub_event_type == LOOT
            and pred.label == CLASH
            and not FIGHT_TOLD.search(document.text)
            and not PEOPLE_HURT.search(document.text)
        ):
            # "armed men destroyed a water pumping station": property, no fight and no one
            # hurt; the classifier, cued by the armed doer, reads a clash
            continue
        if pred.probability < MODEL_RETYPE or pred.label in _KEEP_RULE_TYPES:
            continue
        if m.sub_event_type == "Agreement" and PRISONER_SWAP.search(text):
            # "released 20 detainees in a prisoner exchange with pro-Hadi forces": the
            # classifier, cued by the two sides, reads a fight
            continue
        if (
            m.sub_event_type == ABDUCTION
            and m.trigger.lower().startswith(("kidnap", "abduct"))
            and (m.actor2 is None or m.actor2.inter not in ARMED_FORCES)
            and not HARM_BESIDE.search(document.text)
        ):
            # "unknown gunmen kidnapped a young man": civilians taken, no one killed, hurt or
            # attacked (a police officer taken is the classifier's call: ACLED's clash)
            continue
        if (
            m.sub_event_type in _KEEP_LEXICON_TYPES
            and EVENT_TYPE_OF[pred.label] != m.event_type
            # protesters detained are a protest met with intervention (not so "arrested men
            # who had taken part in a protest the day before": arrests)
            and not (
                m.sub_event_type == "Arrests"
                and EVENT_TYPE_OF[pred.label] == "Protests"
                and _protest_told(document, sent)
            )
        ):
            continue  # "defused an IED", "a roadside bomb struck a civilian car": the device
        if (
            m.event_type in HARM_TYPES | {"Strategic developments"}
            and EVENT_TYPE_OF[pred.label] == "Protests"
            and m.actor1 is not None
            and m.actor1.inter in ARMED_FORCES
            and not _protest_told(document, sent)
        ):
            # "gunmen took 5 aid workers hostage": an armed doer's harm, no march ("50
            # Taliban militants surrendered to the government": an armed group's act)
            continue
        if (
            m.event_type == "Battles"
            and EVENT_TYPE_OF[pred.label] == "Riots"
            and all(
                a is not None
                and a.inter in ARMED_FORCES
                # (or named as armed units: "clashes took place between Northern Storm
                # Brigade and Levant Front")
                and a.method in {"dictionary", "nationality", "ner"}
                for a in (m.actor1, m.actor2)
            )
        ):
            continue  # "clashes erupted between STC forces and Pro-Hadi forces": no mob
        if (
            m.event_type == "Battles"
            and EVENT_TYPE_OF[pred.label] == "Riots"
            and ARMED_FIGHT.search(text)
        ):
            continue  # "armed clashes erupted between two tribes": armed men, no mob
        if (
            m.sub_event_type == "Protest with intervention"
            and pred.label == "Peaceful protest"
            and FORCE_ON_CROWD.search(text)
        ):
            continue  # tear gas or a baton charge was read in the text: not unsaid
        if (
            m.event_type == "Riots"
            and pred.label == "Peaceful protest"
            and RIOT_DEEDS.search(sent.text)
        ):
            continue  # "protesters stormed the palace": the storming was read, not a march
        if (
            m.sub_event_type == "Peaceful protest"
            and pred.label in {"Protest with intervention", EXCESSIVE}
            and not MET_FORCE.search(text)
        ):
            # "locals staged a protest ... demanding the dismantling of the group's security
            # apparatus": the classifier, cued by the words of the demand, reads force the
            # text never tells
            continue
        _retype(document, m, pred.label, METHOD, round(pred.probability, 3))


def _protest_told(document: Document, sent: Sentence) -> bool:
    """The sentence tells of a protest other than in a pluperfect relative clause."""
    span = document.doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None:
        return True
    return any(
        t.lower_ in PROTEST_WORDS
        and not _earlier_told(t)
        and not any(c.lower_ in NOT_YET for c in t.children)
        for t in span
    )


def _attribution(doc: Doc, actors: list[ActorMention]) -> ActorMention | None:
    """Who an article says did it: 'the government blamed X', 'X claimed responsibility'
    (a denial, 'did not claim', does not count)."""
    for tok in doc:
        lemma = _lemma(tok)
        if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
            continue
        target: Token | None = None
        if lemma in {"blame", "accuse"}:
            target = _obj(tok) or _prep_obj(tok, {"on"})
        elif lemma in {"claim", "admit"} and any(
            c.lemma_.lower() == "responsibility" for c in tok.subtree
        ):
            target = _subject(tok)
        if target is None:
            continue
        lo, hi = target.left_edge.idx, target.right_edge.idx + len(target.right_edge)
        for a in actors:
            if lo <= a.start < hi and a.inter in {2, 3, 4} and a.key not in {"CIV", "PROT"}:
                return a
    return None


def _attribute_perpetrators(mentions: list[EventMention], blamed: ActorMention | None) -> None:
    """A bombing or an attack on civilians with no named perpetrator: the actor the article
    blames, else ACLED's 'Unidentified Armed Group'."""
    for m in mentions:
        if m.actor1 is not None or m.event_type not in {
            "Explosions/Remote violence",
            "Violence against civilians",
        }:
            continue
        if blamed is not None:
            m.actor1 = replace(blamed, method="attributed", confidence=0.5)
            _note_inferred(m, "actor1", "inferred-blamed")
        elif m.sub_event_type != "Air/drone strike":
            m.actor1 = ActorMention(
                m.trigger_start,
                m.trigger_end,
                m.trigger,
                "Unidentified Armed Group",
                3,
                None,
                "inferred",
                0.4,
                "UAG",
            )
            _note_inferred(m, "actor1", "inferred-unidentified")


# Armed men out of the fight: ACLED codes violence against them as against civilians.
# a state's man said to be off duty (a civilian, by ACLED's codebook) ...
OFF_DUTY_ONLY = re.compile(r"\boff[- ]duty\b", re.I)
# ... or out of arms for any reason
OFF_DUTY = re.compile(
    OFF_DUTY_ONLY.pattern + r"|\bretired\b|\bformer\b|\bat (?:his|her|their) (?:home|house)\b",
    re.I,
)


def _infer_implied_sides(
    document: Document, mentions: list[EventMention], actors: list[ActorMention] | None = None
) -> None:
    """Sides an event type implies when the text names none: bombs defused by the state's
    forces, violence against civilians done to civilians; and the type a side implies: an
    attack on armed men on duty is a battle."""
    for m in mentions:
        sent = document.sentences[m.sentence_index]
        victim: tuple[bool, ActorMention | None] | None = None  # (read once, if needed)
        if _off_duty_victim(document, m):
            # ACLED codebook: state forces off duty are civilians, so violence against them
            # is violence against civilians ("shot and killed a police officer (assumed
            # off-duty)", "a drive-by shooting against a police officer who was off-duty")
            if m.sub_event_type == CLASH:
                _retype(document, m, "Attack", "codebook:off-duty", 0.5)
            _infer_civilian_victims(m)
        if (
            m.sub_event_type == "Attack"
            and (
                (
                    m.actor2 is not None
                    and m.actor2.inter in ARMED_FORCES
                    and m.actor2.key not in _GENERIC_KEYS
                )
                # (or, with no side named, armed men's words: "shot and injured a policeman")
                or (m.actor2 is None and (victim := _armed_victim(document, m, actors))[0])
            )
            and not OFF_DUTY.search(document.text[sent.start : sent.end])
        ):
            # ACLED codebook: violence against civilians targets unarmed people; an attack
            # on state forces, rebels or a militia is a battle ("armed men attacked two
            # police agents"), unless they were off duty ("shot an off-duty officer").
            m.event_type, m.sub_event_type = "Battles", CLASH
            trig = next(e for e in m.evidence if e.field == "event_type")
            m.evidence = [e for e in m.evidence if e.field != "sub_event_type"]
            m.evidence.append(
                replace(
                    trig, field="sub_event_type", method="codebook:armed-target", confidence=0.5
                )
            )
        if m.sub_event_type == CLASH and m.actor2 is None:
            # the armed side whose men were hit: "the body of an ANA soldier was found ...,
            # killed by Taliban militants"
            named = (victim or _armed_victim(document, m, actors))[1]
            if named is not None and named.key != (m.actor1.key if m.actor1 else None):
                m.actor2 = named
        if m.event_type == "Riots":  # a violent demonstration's people are rioters
            m.actor1 = _riot_side(m.actor1)
        if m.sub_event_type == "Disrupted weapons use" and m.actor1 is None and m.place:
            forces = _state_forces(m.place.country_code)
            if forces is not None:  # bombs are defused by the state's forces
                m.actor1 = forces
                _note_inferred(m, "actor1", "inferred-state-forces")
        # Violence against civilians has civilian victims by definition (ACLED codebook):
        # "a man was found dead", "beat up a journalist" -> actor2 "Civilians (<country>)".
        if m.event_type == "Violence against civilians" and m.actor2 is None:
            _infer_civilian_victims(m)


def _off_duty_victim(document: Document, m: EventMention) -> bool:
    """Whom a killing, attack or abduction harmed is a state's man off duty: the victim is
    a state force's (police, army) and the sentence says it was off duty, within a few
    words of its name."""
    a2 = m.actor2
    if (
        a2 is None
        or a2.inter != 1
        or m.sub_event_type not in {CLASH, "Attack", "Abduction/forced disappearance"}
    ):
        return False
    sent = document.sentences[m.sentence_index]
    text = document.text[sent.start : sent.end]
    lo = a2.start - sent.start
    return any(abs(x.start() - lo) <= 60 for x in OFF_DUTY_ONLY.finditer(text))


def _infer_civilian_victims(m: EventMention) -> None:
    """Give ``m`` the civilians ACLED's codebook names as victims where the text names none."""
    m.actor2 = ActorMention(
        m.trigger_start, m.trigger_end, m.trigger, "Civilians", 7, None, "inferred", 0.5, "CIV"
    )
    _note_inferred(m, "actor2", "inferred-victims")


def _topic_actor(
    doc: Doc, actors: list[ActorMention], document: Document, sent: Sentence
) -> ActorMention | None:
    """'IS has been unable to ... One attempt to take over the city ended in defeat': an
    attempt told without its agent is the paragraph's armed subject's attempt."""
    para_start = document.paragraphs[sent.paragraph][0]
    orgs = _keys_of_kind("org")
    for a in reversed(actors):
        if not para_start <= a.start < sent.start or a.key in orgs | {"CIV", "PROT"}:
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if (
            span is not None
            and span.root.dep_ in {"nsubj", "nsubjpass"}
            and a.inter in ARMED_FORCES
        ):
            return replace(a, method=f"{a.method}+paragraph-topic", confidence=a.confidence * 0.6)
    return None


def _fold_interventions(document: Document, mentions: list[EventMention]) -> list[EventMention]:
    """A fight told in a protest's (or a violent demonstration's) story is how that protest
    went, not a battle of its own:

    * "... were dispersed by police", or a later "Police resorted to a lathi charge to
      disperse the workers": the protest's intervention;
    * "locals demonstrated ... and clashed with police" (the same sentence): the protest
      was a violent demonstration (ACLED codes the one event)."""
    protests: dict[int, EventMention] = {}
    for m in mentions:
        # a violent demonstration met by police is still that demonstration
        if m.event_type == "Protests" or m.sub_event_type == "Violent demonstration":
            protests.setdefault(document.sentences[m.sentence_index].paragraph, m)
    kept = []
    for m in mentions:
        sent = document.sentences[m.sentence_index]
        protest = protests.get(sent.paragraph)
        if m.event_type not in {"Battles", "Violence against civilians"} or protest is None:
            kept.append(m)
            continue
        intervention = (
            bool(INTERVENTION.search(m.trigger))
            or (protest.sentence_index < m.sentence_index and bool(INTERVENTION.search(sent.text)))
            # "security forces fired shots into the air": a warning to the crowd, no fight
            or (bool(AIR_SHOTS.search(sent.text)) and not _deadly(sent.text))
        )
        if intervention:
            continue
        if protest.sentence_index == m.sentence_index and m.event_type == "Battles":
            if protest.sub_event_type in {"Peaceful protest", "Protest with intervention"}:
                protest.event_type, protest.sub_event_type = "Riots", "Violent demonstration"
                protest.actor1 = _riot_side(protest.actor1)
            continue
        kept.append(m)
    return kept


def _riot_side(actor: ActorMention | None) -> ActorMention | None:
    """Protesters who fought are rioters (ACLED's actor for a violent demonstration)."""
    if actor is None or actor.key != "PROT":
        return actor
    return replace(actor, actor="Rioters", inter=5, key="RIOT")


def _drop_side_stories(mentions: list[EventMention]) -> list[EventMention]:
    """Arrests and seizures told in the story of another event (protesters detained at a
    rally, a pistol seized after a shoot-out) are part of that story; they stand alone only
    when nothing else happened at their place."""

    def side(m: EventMention) -> bool:
        # arrests, and things seized ("The Police seized a pistol" after a shoot-out)
        return m.sub_event_type == "Arrests" or (
            m.event_type == "Strategic developments"
            and any(e.method == "trigger:gain" for e in m.evidence if e.field == "event_type")
        )

    others = {(m.article_id, m.place.name if m.place else "") for m in mentions if not side(m)}
    return [
        m
        for m in mentions
        if not side(m) or (m.article_id, m.place.name if m.place else "") not in others
    ]


def _trailing_tolls(document: Document, mentions: list[EventMention]) -> None:
    """'... attacked the village. Two people were killed.' A death count in a sentence of its
    own, with no event of its own, belongs to the paragraph's last event before it."""
    told = {m.sentence_index for m in mentions}
    for sent in document.sentences:
        if sent.index in told:
            continue
        fat = find_fatalities(sent.text)
        if fat is None or _AGGREGATE.search(sent.text):
            continue  # a campaign's total toll is no event's count
        before = [
            m
            for m in mentions
            if m.sentence_index < sent.index
            and document.sentences[m.sentence_index].paragraph == sent.paragraph
            and m.event_type != "Strategic developments"
        ]
        if not before:
            continue
        low, high, fstart, fend, rule = fat
        # "Unknown number of fatalities coded as 3.", "(total of 12 fatalities)": a stated
        # coding or total is the answer even where the event's sentence gave a figure.
        decisive = rule.startswith(("fatalities-coded", "fatalities-total"))
        if before[-1].fatalities_low is not None and not decisive:
            continue
        host = before[-1]
        host.fatalities_low, host.fatalities_high = low, high
        host.evidence.append(
            _evidence(
                document,
                sent,
                sent.start + fstart,
                sent.start + fend,
                "fatalities",
                f"{rule}+next-sentence",
                0.6,
            )
        )


def _fold(
    mentions: list[EventMention],
    host_of: Callable[[EventMention, list[EventMention]], EventMention | None],
) -> list[EventMention]:
    """Drop each mention that retells one kept before it (``host_of`` finds that one among
    those kept so far); its toll goes to the first telling when that has none."""
    kept: list[EventMention] = []
    for m in mentions:
        host = host_of(m, kept)
        if host is None:
            kept.append(m)
            continue
        if host.fatalities_low is None and m.fatalities_low is not None:
            host.fatalities_low, host.fatalities_high = m.fatalities_low, m.fatalities_high
            host.evidence.extend(e for e in m.evidence if e.field == "fatalities")
        victims = m.actor2
        if (
            host.actor2 is None
            and victims is not None
            and (host.actor1 is None or victims.key != host.actor1.key)
            and (victims.inter != 7 or host.event_type == "Violence against civilians")
            and victims.method == "dictionary"  # (not "a security guard was killed")
        ):
            # "Taliban attacked security checkpoints ... 3 ANP and 2 ALP were killed": the
            # dead name the side attacked
            host.actor2 = victims
            host.evidence.extend(e for e in m.evidence if e.field == "actor2")
    return kept


def _fold_tolls(mentions: list[EventMention]) -> list[EventMention]:
    """'Doctors said at least 35 people had been killed': a killing with no named killer, at
    the place and time of an event the article already told, is that event's toll."""

    def host_of(m: EventMention, kept: list[EventMention]) -> EventMention | None:
        is_toll = m.actor1 is None and any(
            e.field == "event_type" and e.method == "trigger:kill" for e in m.evidence
        )
        if not is_toll or m.place is None or m.date is None:
            return None
        return next(
            (
                k
                for k in reversed(kept)
                if k.place is not None
                and k.date is not None
                and k.place.name == m.place.name
                and k.date.earliest <= m.date.latest
                and m.date.earliest <= k.date.latest
                and k.event_type != "Strategic developments"
            ),
            None,
        )

    return _fold(mentions, host_of)


_ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})


def _fold_unattributed(document: Document, mentions: list[EventMention]) -> list[EventMention]:
    """'The NAF fired mortars at positions near Vodyane, Donetsk. The OSCE SMM observed a
    total of 75 projectiles near Vodyane.': a later sentence of the paragraph that tells the
    same kind of violence on the same day in the same place (or its province), naming no one
    who did it, is that event seen again."""

    def host_of(m: EventMention, kept: list[EventMention]) -> EventMention | None:
        if m.actor1 is not None or m.place is None or m.date is None:
            return None
        return next(
            (
                k
                for k in _earlier_same_type(document, m, kept)
                if k.actor1 is not None
                and k.place is not None
                and k.date is not None
                and (k.date.earliest, k.date.latest) == (m.date.earliest, m.date.latest)
                and (
                    k.place.name == m.place.name
                    or (m.place.admin1 is not None and k.place.admin1 == m.place.admin1)
                    or (m.place.feature == "admin1" and k.place.admin1 == m.place.name)
                )
            ),
            None,
        )

    return _fold(mentions, host_of)


def _fold_anaphora(document: Document, mentions: list[EventMention]) -> list[EventMention]:
    """'The protest was initiated by ...', 'The attack came after ...': a definite noun
    after an event of the same type in the same paragraph points back to it; it is no new
    event (its toll, when the first lacks one, goes to the first)."""
    doc = document.doc

    def host_of(m: EventMention, kept: list[EventMention]) -> EventMention | None:
        span = doc.char_span(m.trigger_start, m.trigger_end, alignment_mode="expand")
        tok = span.root if span is not None else None
        if (
            tok is None
            or tok.pos_ != "NOUN"
            or not any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS for c in tok.children)
        ):
            return None
        return next(_earlier_same_type(document, m, kept), None)

    return _fold(mentions, host_of)


def _earlier_same_type(
    document: Document, m: EventMention, kept: list[EventMention]
) -> Iterator[EventMention]:
    """Mentions kept so far that come before ``m`` in its paragraph and have its event
    type, the nearest first: where a fold looks for the event ``m`` tells again."""
    para = document.sentences[m.sentence_index].paragraph
    return (
        k
        for k in reversed(kept)
        if k.sentence_index < m.sentence_index
        and document.sentences[k.sentence_index].paragraph == para
        and k.event_type == m.event_type
    )


def _state_forces(country_code: str) -> ActorMention | None:
    from marsad.actors import ActorDictionary, actor_for_country

    dictionary = ActorDictionary.load()
    entry = dictionary.forces_for(country_code)
    if entry is None:
        return None
    name = actor_for_country(entry, country_code, dictionary=dictionary)
    return ActorMention(0, 0, "", name, entry.inter, entry.country, "inferred", 0.4, entry.key)


def _generic_state(actor: ActorMention, dictionary: Any) -> bool:
    """A state-forces mention whose words name no state ('government troops', 'regime
    forces', 'the army')."""
    if actor.method not in {"nationality", "coreference"} or not actor.text:
        return False
    entry = dictionary.get(actor.key) if actor.key else None
    if entry is not None and not entry.is_state:
        return False
    words = re.findall(r"[A-Za-z]+", actor.text)
    return not any(n.country for w in words for n in dictionary.nationality(w)) and any(
        w.lower() in GENERIC_STATE_WORDS for w in words
    )


GENERIC_STATE_WORDS = frozenset(
    {"government", "regime", "security", "troops", "army", "forces", "soldiers", "military"}
    | {"police", "policemen", "policeman", "gendarmes", "gendarmerie", "enforcement"}
)
POLICE_WORDS = frozenset({"police", "policemen", "policeman", "gendarmes", "enforcement"})
# Words for a state's armed men, whoever they fight.
FORCE_WORDS = GENERIC_STATE_WORDS - {"government", "regime", "enforcement"}


def _localise(m: EventMention) -> None:
    """ACLED names an actor by where the event is ("Islamic State (Iraq)" in Iraq), and a
    state's forces abroad are external forces (inter 8)."""
    from marsad.actors import ActorDictionary, actor_for_country, inter_for_country

    if m.place is None:
        return
    dictionary = ActorDictionary.load()
    cc = m.place.country_code
    for role in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        actor = getattr(m, role)
        if actor is not None and _generic_state(actor, dictionary):
            # "government troops" with no demonym: the state where the event happens.
            police = any(w in POLICE_WORDS for w in actor.text.lower().split())
            home = dictionary.forces_for(cc, police=police)
            if police and cc == "SY" and actor.text.lower().startswith("national police"):
                # the "National Police Forces" of Syria's north answer to the opposition's
                # government: ACLED codes them as a rebel group, not as the state's police
                home = dictionary.get("NPF-SY") or home
            if home is None and m.place.country and not actor.key:
                # A state the dictionary has no entry for: ACLED's pattern for its forces.
                kind = "Police" if police else "Military"
                setattr(
                    m,
                    role,
                    replace(
                        actor,
                        actor=f"{kind} Forces of {m.place.country}",
                        inter=1,
                        country=cc,
                        method=f"{actor.method}+event-country",
                    ),
                )
                continue
            if home is not None:
                actor = replace(actor, key=home.key, method=f"{actor.method}+event-country")
        if (
            actor is not None
            and not actor.key
            and actor.inter == 4
            and not actor.actor.endswith(")")
            and m.place.country
        ):
            # "Leelkayse Clan Militia" -> "Leelkayse Clan Militia (Somalia)", ACLED's style
            setattr(m, role, replace(actor, actor=f"{actor.actor} ({m.place.country})"))
            continue
        entry = dictionary.get(actor.key) if actor is not None and actor.key else None
        if entry is None:
            continue
        local = dictionary.for_country(entry, cc)
        setattr(
            m,
            role,
            replace(
                actor,
                actor=actor_for_country(local, cc, dictionary=dictionary),
                inter=inter_for_country(local, cc),
                key=local.key,
            ),
        )


def _build_mention(
    document: Document,
    sent: Sentence,
    span: Span,
    cand: _Candidate,
    index: _Index,
    dates: list[DateMention],
    published: date,
    history: list[EventMention],
    dateline_places: list[PlaceMention] | None = None,
    lead_places: list[PlaceMention] | None = None,
    split: int | None = None,  # where a joined clause of "another" deed starts in ``sent``
) -> EventMention | None:
    trig = cand.trigger
    event_type, sub_type = trig.event_type, trig.sub_event_type
    if cand.modality == "attempted":
        if trig.frame in {"gain", "lose", "fall"}:
            sub_type, event_type = CLASH, "Battles"
        elif trig.event_type == "Battles":
            pass
        else:
            return None
    elif sub_type == "territory" and cand.actor1 is not None and cand.actor1.key in CROWD_KEYS:
        # "protesters stormed the governor's office": a crowd takes no ground; it riots
        event_type, sub_type = "Riots", "Violent demonstration"
        cand.actor1 = _generic_actor("RIOT", cand.token, 0.5)
    elif sub_type == "territory":
        obj = _obj(cand.token) if trig.frame == "gain" and cand.token.pos_ == "VERB" else None
        thing = _thing_taken(obj) if obj is not None else None
        # a measured amount ("1.5 tons of marijuana") is a thing, whatever its tag
        measured = thing is not obj
        obj = thing
        if obj is not None and obj.lemma_.lower() in CAPTIVE_HEADS and obj.pos_ == "NOUN":
            # "Taliban militants captured 3 ANA soldiers": fighters taken, not ground
            event_type, sub_type = "Battles", CLASH
        elif (
            obj is not None
            and (obj.pos_ == "NOUN" or measured)
            and not (_is_place_noun(obj) or _is_armed(obj))
            and obj.lemma_.lower() not in HELD_GROUND
            # "seized a vehicle belonging to a councillor in Safala": the place only says
            # where the thing was
            and (cand.place is None or not obj.idx <= cand.place.start < obj.idx + len(obj))
        ):
            if (
                # ("seized houses and property of Kurdish residents": whose, not whom)
                (_is_civilian(obj) and obj.lower_ not in PROPERTY_WORDS)
                or obj.lemma_.lower() in NOT_LOOT
                or cand.actor1 is None
                or cand.modality != "asserted"
            ):
                return None  # "captured a thief", "seized power": no territory, no loot
            # "militants seized a vehicle", "took control of a factory": property taken;
            # arms taken are weapons disrupted ("police seized 234 pistols")
            event_type, sub_type = "Strategic developments", "Looting/property destruction"
            cargo = {t.lemma_.lower() for t in obj.subtree}
            if cargo & (MUNITIONS | ARMS_WORDS):
                # "seized a truck carrying weapons", "a car loaded with explosives"
                sub_type = "Disrupted weapons use"
        elif _unopposed(cand.token):
            # "entered Ghormach district centre without resistance": ground handed on, by
            # the side whose withdrawal it followed
            event_type, sub_type = "Strategic developments", "Non-violent transfer of territory"
            if cand.actor2 is None:
                left = index.actor_in(_left_after(cand.token))
                if left is not None and (cand.actor1 is None or left.actor != cand.actor1.actor):
                    cand.actor2 = left
        else:
            sub_type = _territory_type(cand)
    elif trig.frame == "withdraw" and cand.actor1 is not None:
        # A side that withdrew from positions changed its activity; one that left a town
        # handed it on without a fight ("Iraqi forces controlled Bashiqa after the Peshmerga
        # withdrew from it": the taker actor1; "from which GNA forces withdrew": a taker
        # unnamed, the town's holder now unknown).
        taker = index.actor_in(_subject(cand.token.head)) if cand.token.dep_ == "advcl" else None
        left = _prep_obj(cand.token, {"from"})
        town = left is not None and _relative_antecedent(left).pos_ == "PROPN"
        if taker is not None and taker.actor != cand.actor1.actor:
            sub_type = "Non-violent transfer of territory"
            cand.actor1, cand.actor2 = taker, cand.actor1
        elif town and cand.place is not None and cand.place.feature != "country":
            sub_type = "Non-violent transfer of territory"
            cand.actor1, cand.actor2 = None, cand.actor1
    elif trig.frame == "destroy":
        obj = _obj(cand.token) if cand.token.pos_ == "VERB" else None
        if obj is not None and (
            _lemma(obj) in ARMS_WORDS | AIRBORNE_WEAPONS
            or {t.lower_ for t in obj.subtree} & {"explosive", "explosives", "explosive-laden"}
        ):
            # "intercepted and destroyed a Houthi drone": a weapon stopped, not property
            event_type, sub_type = "Strategic developments", "Disrupted weapons use"
    if trig.frame == "lose" and cand.actor2 is None:
        return None
    if trig.frame == "handover":
        given = _obj(cand.token)
        if given is None or not (
            index.place_in(given) is not None
            or _is_place_noun(given)
            # "withdrew from Qayyarah airbase and handed it over": the base left
            or (given.lower_ == "it" and cand.place is not None and cand.token.dep_ == "conj")
            or _lemma(given) in HELD_GROUND | {"authority", "responsibility", "security"}
        ):
            return None  # "2 were handed over to the army": people, not ground
    control = cand.token if cand.token.pos_ == "NOUN" else _obj(cand.token)
    if trig.frame == "gain" and control is not None and _lemma(control) == "control":
        held = _prep_obj(control, {"of", "over"})
        if held is None and control.dep_ == "dobj":
            # "took control of Al Hazm city": the tagger hangs the "of" on the verb
            held = _prep_obj(control.head, {"of", "over"})
        if held is not None and _lemma(held) in SHARE_WORDS:  # "control of parts of Souran"
            held = _prep_obj(held, {"of"}) or held
        if held is None or not (
            _is_place_noun(held) or held.pos_ == "PROPN" or _lemma(held) in HELD_GROUND
        ):
            return None  # "took the situation under control", "took control of the riot"
    if (
        sub_type in _KEEP_RULE_TYPES
        and trig.frame in {"gain", "fall"}
        and cand.actor1 is not None
        and cand.actor1.key in {"UAG", "GANG"}
    ):
        # "unknown gunmen entered the village of Boungou and killed two people": raiders
        # of unknown allegiance take no territory; the killing is the event
        return None
    tok = cand.token
    conf = 0.75 if cand.modality == "asserted" else 0.6
    method = f"trigger:{trig.frame}"
    if cand.firm_rule == LABEL_RULE and trig.frame == MODEL_FRAME:
        method = LABEL_RULE  # no word but the coder's label made it an event
    elif cand.model_probability is not None:
        from marsad.classify import METHOD

        method, conf = METHOD, round(min(conf, cand.model_probability), 3)
    ev: list[Evidence] = [
        _evidence(document, sent, tok.idx, tok.idx + len(tok), "event_type", method, conf)
    ]
    if (
        trig.frame == "clash"
        and tok.pos_ == "NOUN"
        and cand.actor1 is None
        and cand.actor2 is None
        and any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in tok.children)
        # (a sentence naming no armed side leaves the fight to the rules below)
        and any(a.inter in ARMED_FORCES for a in index.actors_within(tok.sent.root))
    ):
        # "The clashes were accompanied by shelling", "5 Houthi fighters were killed in the
        # clashes": the fight told before in the paragraph, with its sides (and so merged
        # with it), not the fallen as a side
        told = next(
            (
                h
                for h in reversed(_told_in_paragraph(document, sent, history))
                if h.event_type == "Battles"
            ),
            None,
        )
        if told is not None:
            cand.actor1, cand.actor2 = told.actor1, told.actor2
    unlinked = (
        cand.actor1 is None
        and cand.actor2 is None
        and event_type == "Battles"
        and trig.frame in {"clash", "assault", MODEL_FRAME}
        and cand.modality in {"asserted", "claimed"}
    )
    if (
        unlinked
        and not _unlinked_sides(cand, index)
        and _told_in_paragraph(document, sent, history)
        and not _elsewhere(cand, index, tok, sent, document, history)
    ):
        return None  # "After a brief exchange of fire, govt forces retreated": told on
    if (
        trig.frame == "activity"
        and cand.firm_rule != LABEL_RULE
        and not any(sent.start <= d.start < sent.end for d in dates)
        and any(h.event_type in HARM_TYPES for h in _told_in_paragraph(document, sent, history))
    ):
        # "... killing two DFNS members. In response, QSD reinforcements deployed at
        # crossroads in the town": forces sent after a fight are its aftermath, told on
        return None
    if CODED_APART.search(document.text, sent.start, sent.end) and _told_in_paragraph(
        document, sent, history
    ):
        # "They also targeted Al Ramtha (coded separately)": the coder's own word that a
        # later deed of the note is another event, told in a note of its own
        return None
    # Place: the trigger's own phrases, else the nearest place in the sentence, else carried
    # from the previous event or place of the paragraph.
    place, place_method = cand.place, "role"
    protesting = cand.trigger.event_type in {"Protests", "Riots"}
    if place is not None and place.feature != "country" and _doubtful_abroad(index, place):
        place = None  # "arrested Baha'i followers in Sanaa": not El Bahay, Ethiopia
    if place is not None and _place_rank(place) >= 2:
        # "protesters marched in Chile ... in Iquique": a town inside the region or country
        # the trigger's phrase names is the better point.
        inner, _ = _sentence_place(index, tok, protesting)
        if (
            inner is not None
            and _place_rank(inner) < _place_rank(place)
            and inner.country_code == place.country_code
            and (place.feature == "country" or inner.admin1 == place.admin1)
        ):
            place, place_method = inner, "role+sentence"
    coded = [p for p in index.places if p.start in index.coded and _eventful(p)]
    if coded:
        # ACLED's note says where it coded the event: "(coded to district center Akre)"
        place = min(coded, key=lambda p: abs(p.start - tok.idx))
        place_method = "coded"
    if place is None:
        place, place_method = _sentence_place(index, tok, protesting)
    if place is None:
        place, place_method = _carried_place(document, sent, history, cand, index)
    if place is None and lead_places:
        # an earlier dated sentence of the paragraph named where, and told no event itself
        place, place_method = min(lead_places, key=_place_rank), "carried-lead"
    if place is None and dateline_places:
        place, place_method = replace(dateline_places[0], geo_precision=GEO_NEAR), "dateline"
    if place is None and _dated_report(cand, sent, dates):
        place, place_method = _country_place(cand, index)
        if place is None and (cand.model_probability or 1.0) < MODEL_PLACELESS:
            return None
        # else a dated report, by a trigger word, at a place the gazetteer lacks in a
        # country no word names ("rioters blocked the Qabb Elias road"): an event still,
        # whose location is unknown
    elif place is None:
        return None
    if place is not None:
        # an event known only to a province is put at its capital, as ACLED codes it; a
        # province that locates a town the gazetteer lacks ("Gadabo (Anzourou, Tillaberi)",
        # "near Orikhove, Luhansk") keeps its middle, as near that town as its capital
        if not LOCATOR_BEFORE.search(document.text[max(0, place.start - 60) : place.start]):
            seat = province_seat(place)
            if seat is not place:
                place, place_method = seat, f"{place_method}+seat"
        else:
            place = province_towns(place)
        ev.append(
            _evidence(
                document,
                sent,
                place.start,
                place.end,
                "location",
                f"place:{place_method}",
                place.confidence,
            )
        )
        if (
            place_method != "role"
            and place.geo_precision < GEO_NEAR
            and place_method.startswith("carried")
        ):
            place = replace(place, geo_precision=GEO_NEAR)
    # Actors
    if event_type != "Protests" and _disaster_sentence(tok, cand.actor1):
        return None
    if event_type in HARM_TYPES and _exercise_sentence(tok.sent):
        return None  # "fired rockets and sank a decommissioned ship in the annual exercises"
    if _accident_sentence(tok.sent) and (
        event_type != "Protests"
        or (cand.model_probability is not None and not CROWD_DEEDS.search(tok.sent.text))
    ):
        # a protest word stands ("workers protested after the factory fire"); a fight, an
        # attack or a shelling read in an accident does not
        return None
    if trig.frame in {"protest", "riot"}:
        actor1 = cand.actor1
        if (
            cand.model_probability is not None
            and actor1 is not None
            and (actor1.key == "UAG" or actor1.inter in {2, 3})
        ):
            # The classifier read a protest in a sentence with no protest word whose doer
            # is an armed group ("the gunmen rounded up labourers"): armed groups do not
            # demonstrate, so the reading is wrong -- though a beating they gave a civilian
            # is their attack on him ("SNA fighters beat and injured a Kurdish man")
            victim = None
            if tok.pos_ == "VERB":  # (of the verb, or one joined to it: "beat and injured a man")
                verbs = [tok, *(c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB")]
                victim = next((o for o in map(_obj, verbs) if o is not None), None)
            if not (event_type == "Riots" and victim is not None and _is_civilian(victim)):
                return None
            event_type, sub_type = "Violence against civilians", "Attack"
            cand.actor2 = cand.actor2 or _generic_actor("CIV", victim, 0.5)
            trig = replace(trig, frame="attack")
        said = tok.sent.text
        if (
            cand.model_probability is not None
            and not CROWD_SIGNS.search(said)
            and not (trig.frame == "riot" and (RIOT_DEEDS.search(said) or HARM_SIGNS.search(said)))
        ):
            # The classifier read a protest or a riot in a sentence that names no crowd and
            # nothing a crowd does ("Modi and Xi held their first formal talks", "a Paris
            # court sentenced a former rebel commander"): diplomacy, courts, politics.
            return None
        if cand.model_probability is not None and _nature_did(tok.sent):
            # "heavy snowfall blocked the highway", "lightning strikes killed 17 farmers": the
            # sentence's doer is weather or fire, whatever its verbs
            return None
        if (
            cand.model_probability is not None
            and (_names_disaster(tok.sent) or COURT_WORDS.search(said))
            and not CROWD_DEEDS.search(said)
        ):
            # "floodwaters inundated the town, forcing soldiers to evacuate residents": the
            # people a disaster's news names are its victims, not a crowd (flood victims who
            # block a road still protest)
            return None
        forces = _state_doer(tok, index) if cand.model_probability is not None else None
        if (
            trig.frame == "riot"
            and (actor1 is None or actor1.key in CROWD_KEYS | {"CIV"})
            and forces is not None
            and FORCE_ON_CROWD.search(tok.sent.text)
            and not RIOT_DEEDS.search(tok.sent.text)
        ):
            # "Police fired tear gas at protesters": the classifier's riot is a crowd that
            # police dispersed, the crowd doing nothing violent the sentence tells
            cand.actor1, cand.actor2 = _generic_actor("PROT", tok, 0.5), forces
            event_type, sub_type = "Protests", "Protest with intervention"
        elif (
            actor1 is not None
            and actor1.inter == 1
            and cand.actor2 is not None
            and cand.actor2.key == "PROT"
        ):
            # "security forces used live ammunition ... against protesters": force used on
            # a protest, the protesters actor1 as ACLED codes it
            said = tok.sent.text
            deadly = _deadly(said) or bool(LIVE_FIRE.search(said))
            event_type = "Protests"
            sub_type = EXCESSIVE if deadly else "Protest with intervention"
            cand.actor1, cand.actor2 = cand.actor2, actor1
        elif actor1 is None or actor1.key == "CIV":  # "farmers staged a sit-in"
            cand.actor1 = _generic_actor("PROT" if trig.frame == "protest" else "RIOT", tok, 0.5)
    if (
        event_type == "Violence against civilians"
        and cand.actor1 is not None
        and cand.actor1.key == "CIV"
        and set(cand.actor1.text.lower().split()) & CROWD_WORDS
        and _does(cand.actor1, tok)
    ):
        # "residents beat to death a man accused of theft": a crowd's violence is mob
        # violence, its doers rioters
        cand.actor1 = _generic_actor("RIOT", tok, 0.5)
    riot_actor = cand.actor1 is not None and (
        cand.actor1.key in CROWD_KEYS
        # "angry residents set fire to a vehicle ... in protest against the killing"
        or (
            cand.actor1.key == "CIV"
            and sub_type == "Looting/property destruction"
            and IN_PROTEST.search(tok.sent.text) is not None
        )
    )
    if riot_actor and sub_type == "Looting/property destruction":
        # "demonstrators stormed the council building and set it on fire": ACLED codes
        # destruction by demonstrators as a violent demonstration
        event_type, sub_type = "Riots", "Violent demonstration"
        cand.actor1 = _generic_actor("RIOT", tok, 0.5)
    elif riot_actor and event_type in {"Battles", "Violence against civilians"}:
        # "protesters clashed with police"; "a mob beat a man to death" is mob violence
        mob = "mob" in (cand.actor1.text.lower() if cand.actor1 else "") or (
            event_type == "Violence against civilians"
        )
        event_type = "Riots"
        sub_type = "Mob violence" if mob else "Violent demonstration"
        cand.actor1 = _generic_actor("RIOT", tok, 0.5)
    if trig.frame == "protest" and sub_type == "Peaceful protest":
        para = document.paragraphs[sent.paragraph]
        if INTERVENTION.search(document.text[para[0] : para[1]]):
            # "police dispersed the crowd with tear gas": the protest met intervention
            sub_type = "Protest with intervention"

    if trig.frame == "disrupt" and cand.actor1 is None and cand.modality == "claimed":
        # "an SDF spokesman said fighters were clearing mines": the armed group that tells
        # of its own demining did it
        teller = _claimer(tok, index)
        if teller is not None and teller.inter in ARMED_FORCES:
            cand.actor1 = teller
    if _criminal_matter(tok, sub_type):
        return None
    a1, assoc = cand.actor1, cand.assoc1
    if (
        a1 is not None
        and assoc is not None
        and assoc.end <= a1.start
        and LIST_JOIN.fullmatch(document.text[assoc.end : a1.start])
    ):
        # "Syrian and Russian forces": the state named first leads, the other is associated
        # -- or is the other side, when they fought each other ("Burundian and Rwandan
        # soldiers clashed")
        if trig.frame == "clash" and (cand.actor2 is None or cand.actor2.key == assoc.key):
            cand.actor1, cand.actor2, cand.assoc1 = assoc, a1, None
        else:
            cand.actor1, cand.assoc1 = assoc, a1
    actor1, actor2 = cand.actor1, cand.actor2
    if (
        actor1 is None
        and actor2 is None
        and trig.frame not in WEAPON_FRAMES
        and event_type not in {"Violence against civilians", "Explosions/Remote violence"}
        and not (
            event_type == "Strategic developments"
            and (cand.model_probability or 0.0) >= MODEL_STRATEGIC
        )
        and trig.frame != "disrupt"  # "an IED was found and defused": by the state, unsaid
    ):
        return None  # a bombing or a killing may name no one; attributed later
    for role, actor in (("actor1", actor1), ("actor2", actor2), ("assoc_actor_1", cand.assoc1)):
        if actor is not None:
            ev.append(
                _evidence(
                    document,
                    sent,
                    actor.start,
                    actor.end,
                    role,
                    f"actor:{actor.method}",
                    actor.confidence,
                )
            )
    # Date
    para_start = document.paragraphs[sent.paragraph][0] if document.paragraphs else 0
    date_m, rule = timex.date_for_event(
        document.doc, sent.start, sent.end, tok.idx, dates, para_start, published
    )
    if (date_m.latest - date_m.earliest).days > MAX_EVENT_DAYS:
        return None  # "for over two years now": a summary of a war, not one event
    ev.append(
        _evidence(
            document,
            sent,
            date_m.start,
            date_m.end,
            "event_date",
            f"date:{rule}",
            date_m.confidence,
        )
    )
    # Fatalities and who claims them
    low = high = None
    # (each its own toll where a clause of "another" deed splits the sentence)
    lo, hi = sent.start, sent.end
    if split is not None:
        lo, hi = (split, hi) if tok.idx >= split else (lo, split)
    fat = find_fatalities(document.text[lo:hi])
    deadly_frame = trig.frame in DEADLY_FRAMES or (
        trig.frame == MODEL_FRAME and event_type != "Strategic developments"
    )
    if fat is not None and deadly_frame:
        low, high, fstart, fend, frule = fat
        fstart, fend = fstart + lo - sent.start, fend + lo - sent.start
        ev.append(
            _evidence(
                document, sent, sent.start + fstart, sent.start + fend, "fatalities", frule, 0.7
            )
        )
    claimed_by = None
    if cand.modality == "claimed":
        claimer = _claimer(tok, index)
        if claimer is not None:
            claimed_by = claimer.actor
            ev.append(
                _evidence(
                    document,
                    sent,
                    claimer.start,
                    claimer.end,
                    "claimed_by",
                    "claim-verb-subject",
                    0.7,
                )
            )
    if (
        sub_type == CLASH
        and cand.trigger.frame != "clash"
        and not (low or high)
        and _no_fight_told(document, sent)
    ):
        # "the Iraqi army launched an operation to hunt down IS remnants ... No clashes were
        # reported": forces were on the move; no fight is told
        event_type, sub_type = "Strategic developments", "Change to group/activity"
        cand.firm_rule = "rule:no-fight-told"
    if cand.firm_rule is not None:
        ev.append(
            _evidence(
                document, sent, tok.idx, tok.idx + len(tok), "sub_event_type", cand.firm_rule, 0.7
            )
        )
    mention = EventMention(
        article_id=document.article_id,
        sentence_index=sent.index,
        trigger_start=tok.idx,
        trigger_end=tok.idx + len(tok),
        trigger=tok.text,
        event_type=event_type,
        sub_event_type=sub_type,
        actor1=actor1,
        assoc_actor_1=cand.assoc1,
        actor2=actor2,
        place=place,
        date=date_m,
        fatalities_low=low,
        fatalities_high=high,
        claimed_by=claimed_by,
        modality="claimed" if cand.modality == "claimed" else "asserted",
        confidence=conf,
        evidence=ev,
    )
    return mention


NO_FIGHT = re.compile(
    r"\b(?:no|without(?: any)?)\s+(?:\w+\s+)?(?:clash(?:es)?|fighting|confrontations?|"
    r"exchanges? of fire|resistance)\b(?!\s+(?:between|with))",
    re.I,
)


def _no_fight_told(document: Document, sent: Sentence) -> bool:
    """The sentence, or one of the two after it in its paragraph, says no fight took place:
    "No clashes were reported", "without any resistance"."""
    return any(
        s.paragraph == sent.paragraph and NO_FIGHT.search(s.text)
        for s in document.sentences[sent.index : sent.index + 3]
    )


# Crime told in a sentence: contraband, rackets, and the charges that make them.
CRIME_CUES = re.compile(
    r"\b(?:drugs?|cocaine|heroin|methamphetamine|meth|fentanyl|hashish|cannabis|marijuana|"
    r"narcotics?|captagon|amphetamines?|opium|traffick\w*|smuggl\w*|extortion|ransom|"
    r"robber\w*|robbed|heist|fraud\w*|corruption|laundering|counterfeit|forg(?:ed|ing|ery)|"
    r"mafia|cartels?|'?ndrangheta|theft|thieves|stolen|poach\w*|ivory|brib\w*|embezzl\w*|"
    r"contraband|rackets?|racketeering|syndicates?|criminals?|crimes?|tramadol|codeine|"
    r"ketamine|ecstasy|yaba|shabu|pills|wildlife|pangolins?|illegal(?:ly)? (?:\w+ )?min\w+|"
    r"stealing|stole|illegal immigrants?|undocumented|asylum seekers?|"
    r"border (?:police|guards?)|pornograph\w*|obscene|gambling|casinos?|prostitution|"
    r"sex rackets?|scams?|scammers?|hackers?|hacking|cybercrime)\b",
    re.I,
)
# A gang's or a trafficker's arms are part of the crime, not a sign of an armed group.
ARMS_CUES = re.compile(r"\b(?:weapons?|arms|explosives?|ammunition|rifles|guns)\b", re.I)
GANG_CUES = re.compile(
    r"\b(?:drugs?|cocaine|heroin|methamphetamine|narcotics?|traffickers?|smuggl\w*|gangs?|"
    r"cartels?|mafia|syndicates?|robbers?|rackets?)\b",
    re.I,
)
# ... and what makes an arrest political (ACLED codes those).
POLITICAL_CUES = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|activists?|opposition|journalists?|militants?|terror\w*|"
    r"insurgen\w*|rebels?|jihad\w*|islamic state|isis|isil|taliban|shabaab|boko|houthis?|"
    r"part(?:y|ies)|politic\w*|dissidents?|separatists?|extremis\w*|"
    r"militia\w*|armed group|sedition|treason|"
    r"anti-government|government critics?|blasphemy)\b",
    re.I,
)


def _criminal_matter(tok: Token, sub_type: str) -> bool:
    """'Police arrested 56 suspected members of the 'Ndrangheta on charges of extortion':
    crime, which ACLED does not code as an arrest (it codes arrests made for political
    reasons; CASE 2021 calls these organised crime). Seizures stay: ACLED codes a police
    haul of drugs as looting/property destruction against a gang."""
    if sub_type != "Arrests":
        return False
    said = tok.sent.text
    if POLITICAL_CUES.search(said) or (ARMS_CUES.search(said) and not GANG_CUES.search(said)):
        return False  # (arms with no gang or drugs are an armed group's)
    return bool(CRIME_CUES.search(said))


_GENERIC_KEYS = frozenset({"PROT", "RIOT", "CIV", "UAG", "GANG"})


def _same_side(a: ActorMention | None, b: ActorMention | None) -> bool:
    """Two mentions of one named actor (generic crowds and gunmen may face their like)."""
    if a is None or b is None:
        return False
    if a is b:
        return True
    return bool(a.key) and a.key == b.key and a.key not in _GENERIC_KEYS


# Verbs under which an event noun is talked about, not told as done.
REACTION_VERBS = frozenset(
    [
        *("condemn", "deny", "reject", "denounce", "criticise", "criticize", "blame"),
        *("accuse", "discuss", "demand", "protest", "mourn", "commemorate", "mark"),
        *("remember", "investigate", "welcome", "claim", "warn", "fear", "plan"),
        *("threaten", "call", "urge", "retaliate", "respond", "announce", "say"),
        *("impose", "sanction", "expel", "summon"),
    ]
)


def _told_as_done(tok: Token) -> bool:
    """A verb ("attacked"), or a noun a doing verb governs ("took control", "killed ... in
    an airstrike"); not a noun under a verb of reaction ("condemned the bombing")."""
    if tok.pos_ == "VERB":
        return True
    head = tok.head
    for _ in range(3):
        if head.pos_ in {"VERB", "AUX"}:
            return _lemma(head) not in REACTION_VERBS
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _dated_report(cand: _Candidate, sent: Sentence, dates: list[DateMention]) -> bool:
    """A sentence that tells a dated deed is a report of an event even where no place is
    known. An undated sentence with no place is a summary, and gives nothing, and so does
    a noun ("condemned the test of a hydrogen bomb on Sunday"): a reference to an event,
    not a report of one."""
    return _told_as_done(cand.token) and any(sent.start <= d.start < sent.end for d in dates)


def _country_place(cand: _Candidate, index: _Index) -> tuple[PlaceMention | None, str]:
    """A dated event at a place the gazetteer lacks ("GNA forces attacked LNA forces in Al
    Sharidat village in Garabulli" on 30 April) stands at its country, at province-level
    precision, the country being the named sides' (else the one country the article is
    about)."""
    named = {p.country_code for p in index.places if p.country_code and _eventful(p)}
    modifiers = {p.country_code for p in index.places if p.start in index.modifiers}
    codes = [
        a.country
        for a in (cand.actor1, cand.actor2)
        # a named actor's home; "protesters" or "gunmen" take theirs from the words around,
        # which may name a country only to qualify a thing ("a Turkish drone")
        if a is not None
        and a.country
        and ((a.key and a.key not in _GENERIC_KEYS) or a.country not in modifiers)
    ]
    if not codes:
        # The sentence's named actors (not the agencies that report), when they are of one
        # country ("Iraqi security forces fired tear gas ... as demonstrations resumed").
        orgs = _keys_of_kind("org")
        homes = {
            a.country
            for a in index.actors
            if a.country and a.key and a.key not in _GENERIC_KEYS and a.key not in orgs
        }
        codes = list(homes) if len(homes) == 1 else []
    if not codes:
        # The one country the article names as a place ("a Turkish drone" names none).
        main = (named - modifiers) & index.main
        codes = list(main) if len(main) == 1 else []
    if not codes:
        return None, ""
    from marsad.places.gazetteer import COUNTRY, Gazetteer

    gaz = Gazetteer.load()
    cc = codes[0]
    name = gaz.country_name(cc)
    if not name:
        return None, ""
    hit = next((c for c in gaz.lookup(name) if c.feature == COUNTRY and c.country_code == cc), None)
    if hit is None:
        return None, ""
    # The span that vouches for the country: the side that gave it, else the trigger.
    side = cand.actor1 if cand.actor1 is not None and cand.actor1.country == cc else cand.actor2
    tok = cand.token
    start, end = (side.start, side.end) if side is not None else (tok.idx, tok.idx + len(tok))
    place = PlaceMention(
        start=start,
        end=end,
        text=doc_text(tok.doc)[start:end],
        name=name,
        geonameid=hit.geonameid,
        latitude=round(hit.latitude, 5),
        longitude=round(hit.longitude, 5),
        country_code=cc,
        country=name,
        admin1=None,
        admin2=None,
        feature="country",
        geo_precision=GEO_PROVINCE,
        confidence=0.3,
        method="event-country",
    )
    return place, "country-of-sides"


def _unlinked_sides(cand: _Candidate, index: _Index) -> bool:
    """A fight whose parse links no side to the verb still had sides: the armed actors the
    sentence names, in text order ("Govt forces, while conducting an operation, clashed with
    Al shabaab militants collecting tax"), else an unidentified armed group ("a shoot-out
    took place in ..."), as ACLED codes a fight whose parties the source leaves unsaid.
    True when the sentence named the sides."""
    armed = [
        a
        for a in index.actors_within(cand.token.sent.root)
        if a.inter in {1, 2, 3, 4, 8} and a.method != "ner"
    ]
    if armed:
        cand.actor1 = armed[0]
        cand.actor2 = armed[1] if len(armed) > 1 else None
        return True
    cand.actor1 = _generic_actor("UAG", cand.token, 0.4)
    return False


def _claimer(tok: Token, index: _Index) -> ActorMention | None:
    for gov in _governors(tok):
        if _lemma(gov) in CLAIM_HEADS:
            who = _noun_owner(gov) if gov.pos_ == "NOUN" else _subject(gov)
            return index.actor_in(who)
    return None


A_BEFORE = re.compile(r"\b[Aa]n?\s+$")


def _modifier_only(doc: Doc, place: PlaceMention) -> bool:
    """A country name used to qualify a thing ('the US dollar', 'a Turkish drone') rather
    than to say where something happened (a town so used, 'the Hawija front', still is)."""
    if place.feature != "country":
        return False
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    if A_BEFORE.search(doc_text(doc), max(0, place.start - 4), place.start):
        return True  # "a US MQ-9 drone", however it is parsed: a country is not "a" place
    root = span.root
    head = root.head
    return (
        root.dep_ in {"compound", "amod", "nmod"}
        # "a US drone strike", "a US MQ-9 drone", "the US dollar": whose, not where
        and (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.ent_type_ not in PLACE_LABELS))
        and head.lemma_.lower() not in PLACE_NOUNS
    )


SPONSOR_AFTER = re.compile(r"-(?:backed|led|supported|sponsored|allied|aligned|affiliated)\b")


def _main_countries(places: list[PlaceMention]) -> frozenset[str]:
    """The one or two countries an article is mostly about, by its place mentions."""
    counts = Counter(p.country_code for p in places if p.country_code)
    if not counts:
        return frozenset()
    # as many mentions each: the country of the larger place read with some confidence
    # ("the Abbey Gate of Kabul airport": Kabul, not the hamlet of Abbey in Western
    # Australia), else the first named
    size: dict[str, int] = dict.fromkeys(counts, 0)
    for p in places:
        if p.country_code and p.feature != "country" and p.confidence >= LOW_PLACE_CONFIDENCE:
            size[p.country_code] = max(size[p.country_code], p.population or 0)
    top = sorted(counts.items(), key=lambda kv: (kv[1], size[kv[0]]), reverse=True)[:2]
    keep = [cc for cc, n in top if n >= max(2, top[0][1] // 3)] or [top[0][0]]
    return frozenset(keep)


# What a protest is for or against, not where it is: "in solidarity with As-Sweida", "in
# support of the resistance in Panjshir", "against Turkish statements about Ankara".
CAUSE_HEADS = frozenset({"solidarity", "support"})
CAUSE_PREPS = frozenset({"against", "over", "about"})


def _opens_cause(t: Token) -> bool:
    """``t`` opens the phrase of what a protest is for or against: "against", "over",
    "about", "in support", "in solidarity", or the "with" of "in solidarity with", however
    the parser hangs it."""
    if t.lower_ in CAUSE_PREPS:
        return t.dep_ == "prep"
    if t.lower_ == "with":
        return t.i > 0 and t.doc[t.i - 1].lemma_.lower() == "solidarity"
    return t.lemma_.lower() in CAUSE_HEADS and t.dep_ == "pobj" and t.head.lower_ == "in"


# What fire is aimed with: "fired rockets from Lebanon toward Menara", "at Jizan".
FIRE_VERBS = frozenset({"fire", "launch", "shoot", "lob"})
AIM_PREPS = frozenset({"at", "toward", "towards", "into", "on", "onto"})


def _fired_from(t: Token) -> bool:
    """``t`` is the "from" of where fire came from: hung on a firing verb ("fired from
    Gaza") or on what was fired ("rockets from Lebanon")."""
    head = t.head
    return head.lemma_.lower() in FIRE_VERBS or head.lower_ in PROJECTILES


def _sentence_place(
    index: _Index, tok: Token, protest: bool = False
) -> tuple[PlaceMention | None, str]:
    origins = set()
    for t in tok.sent:
        if t.lower_ == "from" and t.head.lemma_.lower() in MOTION_VERBS:
            origins.update(x.idx for x in t.subtree)
        elif t.lower_ == "from" and _fired_from(t):
            # "fired rockets from Gaza toward Sderot": where they fell, not where from
            aimed = {x.idx for c in t.subtree if c.lower_ in AIM_PREPS for x in c.subtree}
            origins.update(x.idx for x in t.subtree if x.idx not in aimed)
        if protest and _opens_cause(t):
            origins.update(x.idx for x in t.subtree)  # (set aside as an origin is)
    acting = [(a.start, a.end) for a in index.actors]
    doc = tok.doc
    options = [
        p
        for p in index.places
        if _eventful(p)
        and not any(s <= p.start < e for s, e in acting)  # "Russia has responded": an actor
        and p.start not in index.modifiers  # "a Turkish drone" names no location
    ]
    options = [
        p
        for p in options
        # Abroad, only a well-known city: "Hodan district" in a Somali story is not Houdan,
        # France, while "the Paris attacks" in a Syrian one is Paris.
        if not (index.foreign(p) and (p.feature == "country" or _doubtful_abroad(index, p)))
    ]
    # where a move went, else where it came from ("relocated fighters from positions inside
    # Abu Kamal to the desert")
    origins |= index.homes
    options = [p for p in options if p.start not in origins] or options
    if not options:
        return None, ""
    own = _own_clause(tok)
    if own is not None:
        inside = [p.start in own for p in options if _locative(doc, p)]
        if not (any(inside) and not all(inside)):
            own = None  # only where each joined verb says where it happened
    best = min(
        options,
        key=lambda p: (
            _place_rank(p) >= 4,
            own is not None and (p.start not in own or not _locative(doc, p)),
            index.foreign(p) and p.confidence < 0.9,
            index.rank(p),
            not _locative(doc, p),
            p.confidence < LOW_PLACE_CONFIDENCE,
            abs(p.start - tok.idx),
        ),
    )
    return best, "sentence"


LOW_PLACE_CONFIDENCE = 0.6
# People named by where they come from
ORIGIN_NOUNS = frozenset(
    {
        "civilian",
        "civilians",
        "man",
        "men",
        "woman",
        "women",
        "boy",
        "boys",
        "girl",
        "girls",
        "child",
        "children",
        "youth",
        "youths",
        "family",
        "families",
        "gunman",
        "gunmen",
        "resident",
        "residents",
        "native",
        "natives",
        "member",
        "members",
        "fighter",
        "fighters",
        "tribesmen",
        "tribesman",
        "people",
        "person",
        "persons",
        "individual",
        "individuals",
        "shepherd",
        "shepherds",
        "farmer",
        "farmers",
        "worker",
        "workers",
        "detainee",
        "detainees",
        "victim",
        "victims",
    }
)


def _own_clause(tok: Token) -> set[int] | None:
    """The character offsets of a verb's own clause where it is one of joined verbs
    ("shelled positions in Qaniyah (Al Bayda) and clashed with them in Mahliyah (Marib)":
    each verb's places are its own), else None."""
    if tok.pos_ != "VERB":
        return None
    joined = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if tok.dep_ != "conj" and not joined:
        return None
    return {t.idx for t in tok.subtree} - {t.idx for c in joined for t in c.subtree}


def _doubtful_abroad(index: _Index, place: PlaceMention) -> bool:
    """A place outside the text's countries that is no well-known city: more likely a
    word the gazetteer happens to hold than where the text is."""
    return index.foreign(place) and (
        place.confidence < LOW_PLACE_CONFIDENCE or place.population < 100_000
    )


LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "around", "outside", "inside", "into", "on", "across", "within"}
)


def _ayn_ended(tok: Token) -> bool:
    """A name the parse reads as a possessor for the apostrophe that ends it, the ayn of a
    transliteration: "Rada' village", "Mawza' district" (not "the Kurds' town")."""
    return (
        tok.dep_ == "poss"
        and tok.pos_ == "PROPN"
        and not tok.text.endswith("s")
        and any(c.dep_ == "case" and c.text in AYN_MARKS for c in tok.children)
    )


def _locative(doc: Doc, place: PlaceMention) -> bool:
    """The place says where: the object of "in", "at", "near" ("protested in Omsk", "in
    Salem city", "in Sucre, Chuquisaca"), not a word naming something else ("workers of
    the San Pedro Claver hospital", "the Maskan-e Mehr housing project")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    if tok.pos_ == "ADP" and len(span) > 1:
        tok = span[-1]  # "in At Tuhayta district": the article read as the preposition "at"
    for _ in range(4):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in LOCATIVE_PREPS
        if (tok.dep_ == "compound" or _ayn_ended(tok)) and tok.head.lemma_.lower() in PLACE_NOUNS:
            tok = tok.head  # "Salem city", "Rada' village"
        elif tok.dep_ in {"appos", "conj"} and tok.head.i != tok.i:
            tok = tok.head  # "Sucre, Chuquisaca"
        else:
            return False
    return False


def _told_in_paragraph(
    document: Document, sent: Sentence, history: list[EventMention]
) -> list[EventMention]:
    """The events already told in ``sent``'s paragraph."""
    return [h for h in history if document.sentences[h.sentence_index].paragraph == sent.paragraph]


def _elsewhere(
    cand: _Candidate,
    index: _Index,
    tok: Token,
    sent: Sentence,
    document: Document,
    history: list[EventMention],
) -> bool:
    """A fight told with no sides at a place no earlier event of the paragraph had ("Clashes
    also took place in Qarabagh district"): another fight, not the same one told on."""
    own = cand.place or _sentence_place(index, tok)[0]
    if own is None or own.feature not in {"city", "admin2"}:
        return False
    told = [h.place for h in _told_in_paragraph(document, sent, history) if h.place is not None]
    return all(p.name != own.name and p.admin2 != own.name for p in told)


def _carried_place(
    document: Document,
    sent: Sentence,
    history: list[EventMention],
    cand: _Candidate,
    index: _Index,
) -> tuple[PlaceMention | None, str]:
    """A sentence that names no place continues the story of an earlier one: the place of
    the latest event in the same paragraph, else of the latest event involving the same
    actor, else none."""
    keys = {a.key for a in (cand.actor1, cand.actor2) if a is not None}
    for prev in reversed(history):
        prev_sent = document.sentences[prev.sentence_index]
        if prev_sent.paragraph == sent.paragraph and prev.place is not None:
            return prev.place, "carried-paragraph-event"
    lead = cand.actor1.key if cand.actor1 is not None else None
    for same_lead in (True, False):
        for prev in reversed(history):
            if prev.place is None or prev.place.feature != "city":
                continue
            prev_keys = {a.key for a in (prev.actor1, prev.actor2) if a is not None}
            if same_lead and (lead is None or prev.actor1 is None or prev.actor1.key != lead):
                continue
            if keys & prev_keys:
                return prev.place, "carried-actor-event"
    return None, ""


def _collapse(mentions: list[EventMention]) -> list[EventMention]:
    """One event per sentence, place and date: a sentence that tells one clash with two verbs
    ("besieging ..., attempting to capture ...") gives one mention, the most specific."""
    kept: list[EventMention] = []
    for m in mentions:
        twin = next((k for k in kept if _same_sentence_event(k, m)), None)
        if twin is None:
            kept.append(m)
            continue
        kept[kept.index(twin)] = _absorb(*_survivor(m, twin))
    return kept


def _survivor(m: EventMention, twin: EventMention) -> tuple[EventMention, EventMention]:
    """Of two readings of one sentence's event, ``(the one kept, the one it absorbs)``."""
    protest, other = (m, twin) if m.event_type == "Protests" else (twin, m)
    if protest.event_type == "Protests" and INTERVENTION.search(other.trigger):
        # "residents protested ...; security forces dispersed them": the protest, met by
        # the forces (ACLED's actor2), not a fight
        return protest, other
    riot, march = (m, twin) if m.event_type == "Riots" else (twin, m)
    if riot.event_type == "Riots" and march.sub_event_type == "Peaceful protest":
        # "residents set fire to a police car in protest against ...": the protest turned
        # violent
        return riot, march
    stopped, fired = (m, twin) if m.sub_event_type == "Disrupted weapons use" else (twin, m)
    if (
        stopped.sub_event_type == "Disrupted weapons use"
        and fired.event_type == "Explosions/Remote violence"
    ):
        # "fired a ballistic missile towards Marib, which was intercepted": ACLED codes the
        # interception, the side that fired as actor2
        return stopped, fired
    taken, move = (m, twin) if m.sub_event_type == ABDUCTION else (twin, m)
    if taken.sub_event_type == ABDUCTION and move.event_type == "Strategic developments":
        # "set up a fake checkpoint ... and abducted 3 truck drivers", "stormed a house and
        # abducted a journalist": the harm outranks the move or the house entered
        return taken, move
    held, entry = (m, twin) if m.sub_event_type == "Arrests" else (twin, m)
    if (
        held.sub_event_type == "Arrests"
        and (entry.event_type in HARM_TYPES or entry.sub_event_type == LOOT)
        and _bloodless_entry(entry)
    ):
        # "conducted a raid in Al Busayrah and arrested 3 IS suspects", "stormed the house of a
        # tribal leader and arrested his 2 sons": the raid is how they were taken
        return held, entry
    loot, raid = (m, twin) if m.sub_event_type == LOOT else (twin, m)
    if (
        loot.sub_event_type == LOOT
        and raid.sub_event_type == CLASH
        and raid.actor2 is None
        and _bloodless_entry(raid)
    ):
        # "Houthi forces stormed and looted the house of a GPC leader": the storming is how
        # the house was looted, no fight with anyone
        return loot, raid
    return (m, twin) if _specificity(m) > _specificity(twin) else (twin, m)


def _bloodless_entry(m: EventMention) -> bool:
    """``m`` is a place raided, stormed or broken into, and no one died."""
    return not m.fatalities_low and m.trigger.lower().startswith(
        ("raid", "storm", "broke", "break")
    )


def _same_sentence_event(a: EventMention, b: EventMention) -> bool:
    if a.sentence_index != b.sentence_index or a.article_id != b.article_id:
        return False
    if (a.date.earliest, a.date.latest) != (b.date.earliest, b.date.latest):  # type: ignore[union-attr]
        return False
    if a.place is None or b.place is None or a.place.name != b.place.name:
        return False
    if (
        a.event_type != b.event_type
        and a.actor1 is not None
        and b.actor1 is not None
        and a.actor1.key != b.actor1.key
        and {a.event_type, b.event_type} <= HARM_TYPES
    ):
        # "pro-Hadi forces clashed with Houthi forces in Sirwah, and coalition aircraft
        # conducted airstrikes there": two doers, two kinds of deed, two events
        return False
    if (
        a.event_type == b.event_type == "Explosions/Remote violence"
        and a.actor1 is not None
        and b.actor1 is not None
        and a.actor1.key != b.actor1.key
        and a.actor2 is not None
        and b.actor2 is not None
        and (a.actor1.key, a.actor2.key) == (b.actor2.key, b.actor1.key)
    ):
        # "STC forces shelled pro-Hadi positions; pro-Hadi forces responded by shelling STC
        # positions": each side's fire is its own event, as ACLED codes it
        return False
    # Victims alone name no side ("three civilians were killed when a mortar shell fired by
    # Houthi forces hit a house": the mortar's reading and the firing's are one event).
    # Protesters and rioters are one crowd read two ways ("set fire to a police car in
    # protest": a riot and a march).
    types = {a.sub_event_type, b.sub_event_type}
    crowd = {"RIOT": "PROT"} if "Peaceful protest" in types and len(types) == 2 else {}
    keys_a = {crowd.get(x.key, x.key) for x in (a.actor1, a.actor2) if x and x.key != "CIV"}
    keys_b = {crowd.get(x.key, x.key) for x in (b.actor1, b.actor2) if x and x.key != "CIV"}
    return bool(keys_a & keys_b) or not keys_a or not keys_b


# Inside one sentence an attack on civilians also outranks the clash reading of its verb.
_SPECIFIC = {
    **SUB_EVENT_SPECIFICITY,
    "Attack": 3,
    # "seized 234 pistols in a raid": the raid is how the arms were taken
    "Disrupted weapons use": 3,
}


def _specificity(m: EventMention) -> tuple[int, int]:
    return _SPECIFIC.get(m.sub_event_type, 1), (m.actor1 is not None) + (m.actor2 is not None)


def _absorb(keep: EventMention, other: EventMention) -> EventMention:
    # (not the side the kept reading already has as its other: "5 Houthi fighters were
    # killed in the clashes" is no fight of the Houthis with themselves)
    if keep.actor1 is None and not (
        other.actor1 is not None
        and keep.actor2 is not None
        and (other.actor1.key or other.actor1.actor) == (keep.actor2.key or keep.actor2.actor)
    ):
        keep.actor1 = other.actor1
    keep.actor2 = (
        keep.actor2
        or (
            other.actor2
            if other.actor2 and (keep.actor1 is None or other.actor2.key != keep.actor1.key)
            else None
        )
        or (
            other.actor1
            if other.actor1 and keep.actor1 and other.actor1.key != keep.actor1.key
            else None
        )
    )
    keep.assoc_actor_1 = keep.assoc_actor_1 or other.assoc_actor_1
    if keep.fatalities_low is None:
        keep.fatalities_low, keep.fatalities_high = other.fatalities_low, other.fatalities_high
    keep.claimed_by = keep.claimed_by or other.claimed_by
    keep.evidence.extend(e for e in other.evidence if e.field != "event_type")
    return keep


# --------------------------------------------------------------------------------------
# document-level inference of a missing side


def infer_missing_actors(
    mentions: list[EventMention],
    state_forces: Callable[[str], ActorMention | None] | None = None,
) -> list[EventMention]:
    """Fill a side that a sentence leaves unsaid, from the rest of the article, and say so in
    the evidence (method ``inferred-...``, lower confidence):

    * a territory change whose loser is unnamed: the previous holder of that place in this
      article's own timeline, else (a non-state actor overtaking) the state's forces;
    * a battle with one side named: that actor's most frequent opponent in the article.
    """
    territorial = sorted(
        (m for m in mentions if m.sub_event_type in {GAIN, OVERTAKE} and m.place and m.date),
        key=lambda m: (m.date.earliest, m.date.latest),  # type: ignore[union-attr]
    )
    for m in territorial:
        if m.actor2 is not None:
            continue
        before = [
            p
            for p in territorial
            if p is not m
            and p.place.name == m.place.name  # type: ignore[union-attr]
            and p.date.latest < m.date.earliest  # type: ignore[union-attr]
            and p.actor1 is not None
            and (m.actor1 is None or p.actor1.key != m.actor1.key)
        ]
        if before:
            m.actor2 = before[-1].actor1
            _note_inferred(m, "actor2", "inferred-previous-holder")
        elif m.sub_event_type == OVERTAKE and state_forces is not None and m.place:
            forces = state_forces(m.place.country_code)
            if forces is not None and (m.actor1 is None or forces.key != m.actor1.key):
                m.actor2 = forces
                _note_inferred(m, "actor2", "inferred-state-forces")
    # Opponents are counted per country: IS fights the Iraqi army in Iraq and the Syrian
    # army in Syria.
    opponents: dict[tuple[str, str], Counter[str]] = {}
    by_key: dict[str, ActorMention] = {}
    for m in mentions:
        if m.actor1 and m.actor2 and m.event_type == "Battles" and m.place:
            cc = m.place.country_code
            opponents.setdefault((m.actor1.key, cc), Counter())[m.actor2.key] += 1
            opponents.setdefault((m.actor2.key, cc), Counter())[m.actor1.key] += 1
            by_key.setdefault(m.actor1.key, m.actor1)
            by_key.setdefault(m.actor2.key, m.actor2)
    for m in mentions:
        if m.event_type != "Battles" or m.sub_event_type != CLASH or m.place is None:
            continue
        cc = m.place.country_code
        if m.actor1 is not None and m.actor2 is None and opponents.get((m.actor1.key, cc)):
            key = opponents[(m.actor1.key, cc)].most_common(1)[0][0]
            m.actor2 = by_key[key]
            _note_inferred(m, "actor2", "inferred-usual-opponent")
        elif m.actor2 is not None and m.actor1 is None and opponents.get((m.actor2.key, cc)):
            key = opponents[(m.actor2.key, cc)].most_common(1)[0][0]
            m.actor1 = by_key[key]
            _note_inferred(m, "actor1", "inferred-usual-opponent")
    return mentions


def _note_inferred(m: EventMention, role: str, method: str) -> None:
    actor = getattr(m, role)
    trig = next(e for e in m.evidence if e.field == "event_type")
    m.evidence.append(
        Evidence(
            article_id=m.article_id,
            sentence_index=m.sentence_index,
            start=trig.start,
            end=trig.end,
            text=trig.text,
            field=role,
            method=f"{method}:{actor.actor}",
            confidence=0.4,
        )
    )
