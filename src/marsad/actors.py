"""actors stage: find who is named in a document and canonicalise it ACLED-style.

Three passes over a spaCy ``Doc``, all giving :class:`~marsad.records.ActorMention` with
character offsets into ``doc.text``:

1. **dictionary** -- every alias of ``data/actors.csv`` is searched with one Aho-Corasick
   automaton over a case-folded copy of the text (same length, so offsets carry over).
   Matches must sit on word boundaries; the longest match wins, then the leftmost.
   Aliases written in upper case in the CSV (acronyms: ``IS``, ``SDF``, ``M23``) only match
   the same upper-case letters, so the verb "is" never matches "IS". Short acronyms are
   also ignored on a line written mostly in capitals (a shouted headline).
2. **nationality** -- ``data/nationalities.csv`` maps demonyms and country words to a
   state's forces: "Iraqi forces", "Syrian regime forces", "Russian jets", "the Syrian
   Army", "the Iraqis" (a plural demonym in a sentence about fighting), "Russia" as the
   subject of a sentence about fighting, and "X-backed" (a backer, low confidence).
   "Kurdish forces" depends on where the text is (YPG in Syria, Peshmerga in Iraq).
   Demonym-less "regime forces" / "government forces" / "security forces" go to the
   state of the sentence's (else the document's) country; when no country can be read
   from the text the mention is kept as ``Military Forces (unidentified state)`` with
   ``country=None``, ``key=""`` and confidence 0.3 -- Syria is never assumed.
3. **ner** -- organisations spaCy tags as ORG, and proper-noun runs headed by an
   armed-group word ("Brigade", "Front", "Army", ...), that no other pass explained are
   kept as new actors with ``key=""`` and an inter code guessed from the head word (0 when
   unknown); "Fulani gunmen"-style NORP + armed noun gives an identity militia. Things
   that are plainly not actors (universities, hospitals, media, bare place-like ORGs) are
   left out and logged at DEBUG level.

:func:`resolve_coreference` then links generic references ("the militants", "the group",
"they", "its fighters") to the most recent compatible actor (see its docstring).

``ActorMention.actor`` is the dictionary's name for the country the mention is about
(the nearest country named in its sentence, "in Syria" first, else the document's main
country); ``country`` is the actor's home state, or for transnational actors the country
used for the name. ``inter`` is the home inter code; the events stage turns a state's
forces abroad into 8 with :func:`inter_for_country` once it knows the event's country.
"""

from __future__ import annotations

import csv
import logging
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

import ahocorasick
from spacy.tokens import Doc, Span, Token

from marsad.nlp import ECONOMIC_AFTER, doc_text
from marsad.records import ActorMention

log = logging.getLogger(__name__)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


UNKNOWN_STATE_ACTOR = "Military Forces (unidentified state)"

STATE_KINDS = frozenset({"state", "de-facto-state"})
NONSTATE_ARMED_KINDS = frozenset({"rebel", "jihadist", "militia", "identity", "unidentified"})
ARMED_KINDS = STATE_KINDS | NONSTATE_ARMED_KINDS | {"external"}

# Words that may stand for an actor of each kind, on top of the CSV's ``generic`` column.
DEFAULT_GENERIC: dict[str, frozenset[str]] = {
    "state": frozenset(
        {"troops", "soldiers", "army", "military", "forces", "regime", "government", "units"}
    ),
    "de-facto-state": frozenset({"forces", "troops", "fighters", "authorities"}),
    "rebel": frozenset({"rebels", "fighters", "insurgents", "group", "movement", "guerrillas"}),
    "jihadist": frozenset(
        {
            "militants",
            "jihadists",
            "jihadis",
            "islamists",
            "group",
            "fighters",
            "insurgents",
            "extremists",
            "terrorists",
            "organisation",
            "organization",
        }
    ),
    "militia": frozenset({"militia", "militias", "militiamen", "fighters", "group"}),
    "identity": frozenset({"militia", "militias", "militiamen", "fighters", "gunmen"}),
    "external": frozenset({"troops", "forces", "soldiers", "coalition", "mission"}),
    "org": frozenset({"organisation", "organization", "agency"}),
}

# Nouns that make a demonym an armed state actor: "Iraqi forces", "Russian jets".
FORCE_NOUNS = _words(
    """
    forces force troops soldiers soldier army military jets warplanes planes aircraft bombers
    helicopters gunships drones artillery tanks navy marines commandos units regime
    government govt police policemen gendarmes gendarmerie paratroopers airstrikes strikes
    airstrike warplane jet drone helicopter gunship guard coastguard
    shelling shells mortars rockets missiles personnel battalion battalions brigade brigades
    division servicemen guards junta fighter air security special armed
    f-16s f-16 f16s sukhois migs
    reinforcements patrol patrols uav uavs aircrafts
    """
)
# Nouns that are only a force noun with a following head: "air force", "special forces".
_WEAK_FORCE = frozenset({"air", "security", "special", "armed", "fighter", "government", "govt"})
_MODIFIERS = frozenset(
    {
        *("pro-government", "federal", "national", "elite", "ground", "state", "naval"),
        *("-", "led", "border", "coast", "presidential", "republican"),
        # "Israeli occupation forces", "Iraqi counter-terrorism forces", "military
        # intelligence forces"
        *("occupation", "occupying", "counter", "terrorism", "counterterrorism", "anti"),
        *("terror", "intelligence", "rapid", "reaction"),
    }
)
# A state's security or intelligence service is its force ("the National Security
# Service"); a service of any other kind ("the health service") is not.
_SERVICES = frozenset({"service", "services"})
_SERVICE_KINDS = frozenset({"security", "intelligence"})
_BACKED = frozenset({"backed", "led", "supported", "allied", "aligned", "sponsored", "funded"})
_POLICE = frozenset({"police", "policemen", "gendarmes", "gendarmerie"})

# Words that make a sentence about fighting (for "Russia ..." and "the Iraqis ...").
MILITARY_WORDS = _words(
    """
    attack attacks attacked attacking bomb bombs bombed bombing bombers strike strikes
    struck airstrike airstrikes troops forces offensive shell shelled shelling missile
    missiles drone drones deploy deployed deploying raid raided raids warplanes jets
    artillery fight fought fighting clash clashes clashed kill killed killing capture
    captured seize seized recapture recaptured retake retook besiege besieged siege
    advance advanced advancing assault ambush ambushed militants fighters soldiers army
    military battle battles launched invaded invasion occupied shot sending sent
    """
)

_ARMED_NOUNS = _words(
    """
    militia militias militiamen gunmen fighters militants rebels insurgents tribesmen
    herders herdsmen vigilantes jihadists paramilitaries separatists
    """
)
_ORG_HEADS: dict[str, int] = {
    "army": 2,
    "front": 2,
    "movement": 2,
    "liberation": 2,
    "mujahideen": 2,
    "jihad": 2,
    "jabhat": 2,
    "harakat": 2,
    "ansar": 2,
    "jaish": 2,
    "jaysh": 2,
    "legion": 2,
    "militia": 3,
    "brigade": 3,
    "brigades": 3,
    "battalion": 3,
    "battalions": 3,
    "saraya": 3,
    "kataib": 3,
    "liwa": 3,
    "katiba": 3,
    "forces": 0,
    "force": 0,
    "group": 0,
    "corps": 0,
    "division": 0,
    "guard": 0,
    "guards": 0,
    "resistance": 0,
    "alliance": 0,
    "coalition": 0,
    "council": 0,
    "party": 0,
    "union": 0,
    "organization": 0,
    "organisation": 0,
    "committee": 0,
    "network": 0,
    "units": 0,
}
_NOT_ACTOR_WORDS = _words(
    """
    university college school academy hospital clinic bank company inc ltd corp
    corporation news times post press tv television radio agency airport airways
    airlines stadium museum institute foundation journal magazine review channel
    network's club fc league cup exchange market church mosque temple festival ministry
    """
)
_NORP_NOT_ACTOR = _words(
    """
    roman arab arabs yezidi yazidi european western islamic islamist jihadist muslim
    suspected armed unidentified unknown alleged local foreign
    """
)
# Upper-case words that are weapons, vehicles or everyday abbreviations, not actors.
_NOT_ACTOR_ACRONYMS = _words(
    """
    RPG RPGS ATGM BMP APC APCS IED IEDS VBIED SVBIED UAV UAVS MLRS MRAP IDP IDPS PPE AK
    GPS SMS TV CEO NGO NGOS GMT UTC USD EUR AM PM HQ POW POWS
    """
)

_LOC_PREPS = frozenset({"in", "into", "inside", "across", "throughout", "near", "around", "of"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
# The men of a named body, whose name stands before them ("Military Operations Command
# forces", "Southern Operations Room fighters")
_MEMBER_NOUNS = frozenset({"forces", "fighters", "members", "militants", "troops", "units"})
_UPPER_ALIAS = re.compile(r"^[A-Z0-9][A-Z0-9./&-]*$")
_YEARS_RE = re.compile(r"\s*\(\d{4}-(\d{4})?\)")


def _fold(text: str) -> str:
    """Case-fold ``text`` keeping its length, so offsets in the result are offsets in it."""
    out = []
    for ch in text:
        low = ch.lower()
        if len(low) != 1:
            low = ch
        out.append(_CHAR_MAP.get(low, low))
    return "".join(out)


_CHAR_MAP = {"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‑": "-", "\u00a0": " "}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", _fold(text)).strip()


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of ``actors.csv``."""

    key: str
    actor: str
    aliases: tuple[str, ...]
    country: str | None
    inter: int
    kind: str
    country_variants: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    generic: frozenset[str] = frozenset()

    @property
    def is_state(self) -> bool:
        return self.kind in STATE_KINDS

    @property
    def is_armed(self) -> bool:
        return self.kind in ARMED_KINDS


@dataclass(frozen=True, slots=True)
class Nationality:
    """One row of ``nationalities.csv``: a demonym or country word."""

    word: str
    form: str  # country | adjective | plural | generic
    country: str | None
    country_name: str | None
    forces_key: str | None
    variants: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def _parse_variants(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in text.split(";"):
        if "=" in part:
            code, _, value = part.partition("=")
            out[code.strip()] = value.strip()
    return out


def _is_case_sensitive(alias: str) -> bool:
    return bool(_UPPER_ALIAS.match(alias)) and any(c.isalpha() for c in alias)


class ActorDictionary:
    """The actor dictionary and the nationality table, with lookups and a text matcher."""

    def __init__(
        self,
        entries: Iterable[ActorEntry],
        nationalities: Iterable[Nationality],
        country_names: dict[str, str] | None = None,
    ):
        self.entries: dict[str, ActorEntry] = {}
        self._by_name: dict[str, ActorEntry] = {}
        self._by_key: dict[str, ActorEntry] = {}
        for entry in entries:
            if entry.key in self.entries:
                raise ValueError(f"duplicate actor key {entry.key!r}")
            self.entries[entry.key] = entry
        for entry in self.entries.values():
            self._by_key.setdefault(_norm(entry.key), entry)
            names = [entry.actor, *entry.aliases]
            names += [v for v in entry.country_variants.values() if not v.startswith("@")]
            for name in names:
                if "{" in name:
                    continue
                self._by_name.setdefault(_norm(name), entry)
                # "Military Forces of Syria" for "Military Forces of Syria (2000-)"
                bare = _YEARS_RE.sub("", name)
                if bare != name:
                    self._by_name.setdefault(_norm(bare), entry)
        self.nationalities: list[Nationality] = list(nationalities)
        self._nat_by_word: dict[str, list[Nationality]] = {}
        self._country_names: dict[str, str] = {}
        for nat in self.nationalities:
            self._nat_by_word.setdefault(_norm(nat.word), []).append(nat)
            if nat.country and nat.country_name:
                self._country_names.setdefault(nat.country, nat.country_name)
        # Countries with no nationality row ("Civilians (Mexico)"): ACLED's country names.
        for code, name in (country_names or {}).items():
            self._country_names.setdefault(code, name)
        self._alias_automaton = self._build(
            (alias, entry.key) for entry in self.entries.values() for alias in entry.aliases
        )
        self._nat_automaton = self._build((nat.word, nat.word) for nat in self.nationalities)

    @staticmethod
    def _build(pairs: Iterable[tuple[str, str]]) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, str, bool]]] = {}
        for alias, payload in pairs:
            alias = alias.strip()
            if not alias:
                continue
            table.setdefault(_fold(alias), []).append((alias, payload, _is_case_sensitive(alias)))
        for folded, items in table.items():
            automaton.add_word(folded, (folded, tuple(items)))
        automaton.make_automaton()
        return automaton

    # -- loading -----------------------------------------------------------------------

    @classmethod
    def load(cls) -> ActorDictionary:
        """The dictionary shipped in ``marsad/data`` (cached)."""
        return _load_default()

    @classmethod
    def from_files(cls, actors_csv: str, nationalities_csv: str) -> ActorDictionary:
        with (
            open(actors_csv, encoding="utf-8") as fa,
            open(nationalities_csv, encoding="utf-8") as fn,
        ):
            return cls(_read_entries(fa), _read_nationalities(fn))

    # -- lookups -----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self.entries.values())

    def get(self, key: str) -> ActorEntry | None:
        """The entry with this key, or None."""
        return self.entries.get(key)

    def canonical(self, name_or_alias: str, country: str | None = None) -> ActorEntry | None:
        """The entry a name, alias, key or ACLED variant name stands for, or None.

        With ``country``, an entry that another actor stands in for in that country is
        followed (al-Shabaab in Mozambique -> the Islamic State's Mozambique branch)."""
        entry = self._by_name.get(_norm(name_or_alias)) or self._by_key.get(_norm(name_or_alias))
        if entry is None:
            # a demonym or country word stands for that state's forces: "Iraqis", "Russia"
            for nat in self._nat_by_word.get(_norm(name_or_alias), []):
                if nat.forces_key and nat.forces_key in self.entries:
                    entry = self.entries[nat.forces_key]
                    break
        if entry is None:
            return None
        return self.for_country(entry, country)

    def by_name(self, name: str) -> ActorEntry | None:
        """The entry whose canonical name, variant name or alias is ``name`` (no keys,
        no demonyms): for text found in a document."""
        return self._by_name.get(_norm(name))

    def for_country(self, entry: ActorEntry, country: str | None) -> ActorEntry:
        """Follow ``@KEY`` redirects in ``country_variants`` for ``country``."""
        seen = {entry.key}
        while country and entry.country_variants.get(country, "").startswith("@"):
            target = self.entries.get(entry.country_variants[country][1:])
            if target is None or target.key in seen:
                break
            seen.add(target.key)
            entry = target
        return entry

    def country_name(self, code: str | None) -> str | None:
        return self._country_names.get(code) if code else None

    def nationality(self, word: str) -> list[Nationality]:
        return list(self._nat_by_word.get(_norm(word), []))

    def forces_for(self, country: str | None, *, police: bool = False) -> ActorEntry | None:
        """The state-forces entry of a country (its police when asked and known)."""
        if not country:
            return None
        if police and (entry := self.entries.get(f"POL-{country}")):
            return entry
        for nat in self.nationalities:
            if nat.country == country and nat.forces_key:
                return self.entries.get(nat.forces_key)
        return None

    # -- matching ----------------------------------------------------------------------

    def match_aliases(self, text: str) -> list[tuple[int, int, str]]:
        """Dictionary hits ``(start, end, key)``: whole words, longest first, no overlaps."""
        return _select(_scan(self._alias_automaton, text))

    def match_nationalities(self, text: str) -> list[tuple[int, int, str]]:
        """Nationality-table words in ``text`` as ``(start, end, word)``."""
        return _select(_scan(self._nat_automaton, text))


def _scan(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, int, str]]:
    if len(automaton) == 0:
        return []
    folded = _fold(text)
    hits: list[tuple[int, int, str]] = []
    for end_idx, (folded_alias, items) in automaton.iter(folded):
        start = end_idx - len(folded_alias) + 1
        end = end_idx + 1
        if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
            continue
        if end < len(folded) and (folded[end].isalnum() or folded[end] == "_"):
            continue
        surface = text[start:end]
        for alias, payload, case_sensitive in items:
            if case_sensitive:
                if surface != alias:
                    continue
                if len(alias) <= 3 and _shouted(text, start):
                    continue
            hits.append((start, end, payload))
            break
    return hits


def _shouted(text: str, pos: int) -> bool:
    """True when the line around ``pos`` is written mostly in capitals."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 12:
        return False
    return sum(c.isupper() for c in letters) / len(letters) > 0.6


def _select(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Leftmost-longest, no overlaps: "Saudi-led coalition airstrikes" is the Saudi-led
    coalition's, not "coalition airstrikes" (the longer hit that starts later)."""
    chosen: list[tuple[int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if chosen and hit[0] < chosen[-1][1]:
            s, e, key = chosen[-1]
            if key == hit[2] and hit[1] - hit[0] > e - s:
                chosen[-1] = hit  # "the Islamic State" / "Islamic State group": the longer
            continue
        chosen.append(hit)
    return chosen


def _read_entries(rows: Iterable[str]) -> list[ActorEntry]:
    entries = []
    for row in csv.DictReader(rows):
        kind = row["kind"].strip()
        generic = {g.strip().lower() for g in (row.get("generic") or "").split("|") if g.strip()}
        entries.append(
            ActorEntry(
                key=row["key"].strip(),
                actor=row["actor"].strip(),
                aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
                country=row["country"].strip() or None,
                inter=int(row["inter"]),
                kind=kind,
                country_variants=_parse_variants(row.get("country_variants") or ""),
                generic=frozenset(generic | DEFAULT_GENERIC.get(kind, frozenset())),
            )
        )
    return entries


def _read_nationalities(rows: Iterable[str]) -> list[Nationality]:
    return [
        Nationality(
            word=row["word"].strip(),
            form=row["form"].strip(),
            country=row["country"].strip() or None,
            country_name=row["country_name"].strip() or None,
            forces_key=row["forces_key"].strip() or None,
            variants=_parse_variants(row.get("variants") or ""),
        )
        for row in csv.DictReader(rows)
    ]


@cache
def _load_default() -> ActorDictionary:
    data = resources.files("marsad") / "data"
    with (data / "actors.csv").open(encoding="utf-8") as fa:
        entries = _read_entries(fa)
    with (data / "nationalities.csv").open(encoding="utf-8") as fn:
        nats = _read_nationalities(fn)
    with (data / "acled_regions.csv").open(encoding="utf-8", newline="") as fr:
        names = {row["iso2"]: row["country"] for row in csv.DictReader(fr)}
    return ActorDictionary(entries, nats, names)


# -- country-dependent names ----------------------------------------------------------


def actor_for_country(
    entry: ActorEntry,
    country_code: str | None,
    *,
    dictionary: ActorDictionary | None = None,
) -> str:
    """The ACLED name of ``entry`` for an event in ``country_code``.

    Islamic State in SY -> "Islamic State (Syria)", in IQ -> "Islamic State (Iraq)", in NG
    -> "Islamic State (West Africa)" (an ``@KEY`` redirect); templated generic actors give
    "Civilians (Syria)". Unknown country -> the entry's own name."""
    dictionary = dictionary or ActorDictionary.load()
    entry = dictionary.for_country(entry, country_code)
    variant = entry.country_variants.get(country_code or "") if country_code else None
    if variant is None:
        variant = entry.country_variants.get("*")
    if not variant:
        return entry.actor
    if variant.startswith("@"):
        return entry.actor
    if "{country}" in variant:
        name = dictionary.country_name(country_code)
        return variant.replace("{country}", name) if name else entry.actor
    return variant


def inter_for_country(entry: ActorEntry, country_code: str | None) -> int:
    """ACLED inter code of ``entry`` in an event in ``country_code``: a state's forces
    (inter 1) outside their own state are external forces (8)."""
    if (
        entry.inter == 1
        and entry.country
        and country_code
        and country_code != entry.country
        and entry.kind in STATE_KINDS
    ):
        return 8
    return entry.inter


# -- find_actors -----------------------------------------------------------------------


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    country: str
    locative: bool
    actorish: bool = False  # the demonym of an actor phrase: "Israeli warplanes"


def _token_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _subject_verb(span: Span) -> Token | None:
    """The verb ``span`` is the subject of, or None. Climbs compounds and appositions
    ("the Syrian Democratic Forces (SDF) militia launched ...")."""
    tok = span.root
    for _ in range(4):
        if tok.dep_ in ("compound", "appos", "conj", "amod", "nmod") and tok.head is not tok:
            tok = tok.head
        else:
            break
    if tok.dep_ in _SUBJ_DEPS:
        return tok.head
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        nxt is not None
        and nxt.pos_ in ("VERB", "AUX")
        and span.root.dep_ not in ("pobj", "dobj", "poss", "compound", "amod", "appos")
    ):
        # small models parse a sentence-initial "IS" as an auxiliary: "IS is besieging".
        verb = nxt
        while verb.dep_ in ("aux", "auxpass") and verb.head is not verb:
            verb = verb.head
        return verb
    return None


def _is_subject(span: Span) -> bool:
    return _subject_verb(span) is not None


def _sentence_has_military(span: Span) -> bool:
    return any(t.lower_ in MILITARY_WORDS or t.lemma_.lower() in MILITARY_WORDS for t in span.sent)


class _Context:
    """Country cues of a document, to name actors for the country a sentence is about."""

    def __init__(self, doc: Doc, dictionary: ActorDictionary, country: str | None):
        self.doc = doc
        self.cues: list[_Cue] = []
        text = doc_text(doc)
        for start, end, word in dictionary.match_nationalities(text):
            nats = [n for n in dictionary.nationality(word) if n.country]
            if not nats:
                continue
            after = text[end : end + 12].lower()
            if re.match(r"-(backed|led|supported|allied|aligned)", after) or ECONOMIC_AFTER.match(
                text[end : end + 30]
            ):
                continue
            span = _token_span(doc, start, end)
            locative = bool(
                span is not None
                and span.root.dep_ == "pobj"
                and span.root.head.lower_ in _LOC_PREPS
            )
            # "backed by Russian air power", "with Iranian support": another state's help,
            # not where the sentence happens.
            helper = bool(
                re.search(
                    r"\b(?:backed|supported|aided|assisted|helped|armed) by\s*$",
                    text[max(0, start - 25) : start],
                )
                or re.match(
                    r"\s+(?:air\s*power|air\s*support|support|advisers|backing)\b",
                    text[end : end + 16],
                )
            )
            actorish = helper or (span is not None and _force_phrase_end(doc, span.end) is not None)
            self.cues.append(_Cue(start, end, nats[0].country or "", locative, actorish))
        counts = Counter(c.country for c in self.cues)
        self.main = country or (counts.most_common(1)[0][0] if counts else None)
        places = Counter(c.country for c in self.cues if not c.actorish)
        self.main_place = country or (places.most_common(1)[0][0] if places else self.main)
        # whether the document's country was read from a cue other than another state's
        # forces ("Russian warplanes" says who, not where)
        self.place_cued = bool(country or places)

    def country_at(self, start: int, end: int, *, place_only: bool = False) -> str | None:
        """The country the words at ``[start, end)`` are about. With ``place_only``, a
        demonym that names another actor ("Israeli warplanes") is not a cue."""
        span = _token_span(self.doc, start, end)
        main = self.main_place if place_only else self.main
        if span is None:
            return main
        sent = span.sent
        near = [
            c
            for c in self.cues
            if sent.start_char <= c.start < sent.end_char
            and not (c.start < end and start < c.end)
            and not (place_only and c.actorish)
        ]
        if near:
            near.sort(key=lambda c: (not c.locative, min(abs(c.start - end), abs(start - c.end))))
            return near[0].country
        if (
            place_only
            and not self.place_cued
            and any(sent.start_char <= c.start < sent.end_char and c.actorish for c in self.cues)
        ):
            # "regime forces shelled Kansafra, and Russian warplanes struck Ariha": the state
            # named beside the generic forces is another one (the event's place says which)
            return None
        return main


def _mention(
    entry: ActorEntry,
    start: int,
    end: int,
    text: str,
    country: str | None,
    method: str,
    confidence: float,
    dictionary: ActorDictionary,
) -> ActorMention:
    entry = dictionary.for_country(entry, country)
    return ActorMention(
        start=start,
        end=end,
        text=text[start:end],
        actor=actor_for_country(entry, country, dictionary=dictionary),
        inter=entry.inter,
        country=entry.country or country,
        method=method,
        confidence=confidence,
        key=entry.key,
    )


def find_actors(
    doc: Doc,
    *,
    dictionary: ActorDictionary | None = None,
    country: str | None = None,
) -> list[ActorMention]:
    """Actor mentions in ``doc``, sorted by offset: dictionary, nationality and NER passes.

    ``country`` (ISO alpha-2) is the document's main country when the caller knows it;
    otherwise it is read from the country words of the text."""
    dictionary = dictionary or ActorDictionary.load()
    text = doc_text(doc)
    ctx = _Context(doc, dictionary, country)
    mentions: list[ActorMention] = []

    for start, end, key in dictionary.match_aliases(text):
        entry = dictionary.entries[key]
        confidence = 0.9 if entry.kind not in ("civilian", "unidentified") else 0.7
        mentions.append(
            _mention(
                entry,
                start,
                end,
                text,
                ctx.country_at(start, end),
                "dictionary",
                confidence,
                dictionary,
            )
        )
    mentions = _absorb_adjacent(mentions, text)
    mentions += _nationality_mentions(doc, dictionary, ctx, mentions)
    mentions += _bare_force_mentions(doc, dictionary, ctx, mentions)
    mentions += _clan_mentions(doc, dictionary, ctx, mentions)
    mentions += _ner_mentions(doc, dictionary, ctx, mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


# "the Leelkayse clan", "Al-Awaliq tribesmen", "militiamen from the Saad sub-clan": ACLED
# names these "<Name> Clan Militia (<country>)" / "<Name> Tribal Militia (<country>)".
_CLAN_RE = re.compile(
    r"\b(?P<name>(?:(?:Al|Bani|Beni|Bin|Abu|Ould|Aal)[- ])?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
    r"\s+(?P<kind>sub-?clans?|clans(?:men)?|clan|tribes(?:men)?|tribe|tribal)\b"
)
_CLAN_NOT_NAME = frozenset(
    {"The", "A", "An", "One", "Two", "Rival", "Local", "Armed", "Several", "Both", "Other"}
)


def _clan_mentions(
    doc: Doc, dictionary: ActorDictionary, ctx: _Context, existing: Sequence[ActorMention]
) -> list[ActorMention]:
    text = doc_text(doc)
    out: list[ActorMention] = []
    for m in _CLAN_RE.finditer(text):
        name = m.group("name")
        first = name.split()[0].split("-")[0]
        if first in _CLAN_NOT_NAME or dictionary.nationality(name):
            continue
        start, end = m.start(), m.end()
        if _overlaps(start, end, existing) or _overlaps(start, end, out):
            continue
        tribal = m.group("kind").startswith("trib")
        where = ctx.country_at(start, end)
        country = dictionary.country_name(where)
        suffix = f" ({country})" if country else ""
        kind = "Tribal" if tribal else "Clan"
        out.append(
            ActorMention(
                start=start,
                end=end,
                text=text[start:end],
                actor=f"{name.replace('-', ' ')} {kind} Militia{suffix}",
                inter=4,
                country=where,
                method="pattern:clan",
                confidence=0.5,
                key="",
            )
        )
    return out


# Kinds of actor that fight at home: naming one says which country a text is about.
_HOME_KINDS = frozenset({"de-facto-state", "rebel", "jihadist", "militia", "identity"})


def home_countries(
    mentions: Sequence[ActorMention], dictionary: ActorDictionary | None = None
) -> Counter[str]:
    """Home countries of the armed groups named from the dictionary ("Houthi forces" ->
    YE, "the Taliban" -> AF), one count per mention: a hint for the places stage. States
    and external forces fight abroad too ("Russian warplanes" say nothing of where), so
    they give none."""
    dictionary = dictionary or ActorDictionary.load()
    out: Counter[str] = Counter()
    for m in mentions:
        entry = dictionary.get(m.key) if m.key and m.method == "dictionary" else None
        if entry is not None and entry.country and entry.kind in _HOME_KINDS:
            out[entry.country] += 1
    return out


def _absorb_adjacent(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """A generic unidentified hit right after a named actor ("IS gunmen") is part of that
    actor's mention, not a second actor."""
    out: list[ActorMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.key in ("UAG",)
            and prev.key not in ("UAG", "CIV", "PROT", "RIOT")
            and text[prev.end : m.start].strip() == ""
        ):
            out[-1] = replace(prev, end=m.end, text=text[prev.start : m.end])
            continue
        out.append(m)
    return out


def _overlaps(start: int, end: int, mentions: Sequence[ActorMention]) -> bool:
    return any(start < m.end and m.start < end for m in mentions)


def _nationality_mentions(
    doc: Doc, dictionary: ActorDictionary, ctx: _Context, existing: list[ActorMention]
) -> list[ActorMention]:
    text = doc_text(doc)
    out: list[ActorMention] = []

    def add(nat: Nationality, start: int, end: int, conf: float, police: bool = False) -> None:
        """The forces of a demonym's state (or of where the text is), when it has any."""
        entry = _nat_entry(dictionary, nat, ctx, start, end, police=police)
        if entry is not None:
            out.append(
                _mention(entry, start, end, text, entry.country, "nationality", conf, dictionary)
            )

    for start, end, word in dictionary.match_nationalities(text):
        if _overlaps(start, end, existing) or _overlaps(start, end, out):
            continue
        nats = dictionary.nationality(word)
        if not nats:
            continue
        span = _token_span(doc, start, end)
        if span is None:
            continue
        nat = nats[0]
        forms = {n.form for n in nats}
        j = span.end
        # "Russian-backed": a backer, weakly.
        if (
            j + 1 < len(doc)
            and doc[j].text == "-"
            and doc[j + 1].lower_ in _BACKED
            and "generic" not in forms
        ):
            add(nat, start, end, 0.4)
            continue
        if j < len(doc) and doc[j].lower_ in ("'s", "’s") and "country" in forms:
            j += 1
        last = _force_phrase_end(doc, j)
        if last is None and "generic" not in forms:
            shared = _shared_force_end(doc, dictionary, j)
            if shared is not None:
                # "Syrian and Russian forces": each state's forces, the first named by its
                # demonym alone
                add(nat, start, end, 0.7)
                continue
        if last is not None:
            police = any(t.lower_ in _POLICE for t in doc[j : last + 1])
            m_end = doc[last].idx + len(doc[last].text)
            if "generic" in forms:
                out.append(_generic_state(doc, dictionary, ctx, start, m_end, police))
                continue
            add(nat, start, m_end, 0.8, police=police)
            continue
        if "generic" in forms:
            # "the regime" on its own is the state.
            if word.lower() == "regime" and span.start > 0 and doc[span.start - 1].lower_ == "the":
                out.append(_generic_state(doc, dictionary, ctx, start, end, False))
            elif word.lower() == "regime" and j < len(doc) and doc[j].lower_ in _REGIME_MEN:
                # "unknown gunmen shot and killed a regime member": one of its forces
                m_end = doc[j].idx + len(doc[j].text)
                out.append(_generic_state(doc, dictionary, ctx, start, m_end, False))
            continue
        if ("plural" in forms or "country" in forms) and span.root.pos_ in ("PROPN", "NOUN"):
            if "plural" in forms:
                ok = _sentence_has_military(span) and span.root.dep_ not in ("compound", "amod")
            else:
                ok = _is_subject(span) and _sentence_has_military(span)
            if ok:
                add(nat, start, end, 0.55 if "plural" in forms else 0.6)
    return out


# Who serves a regime, and what it holds: "a regime member", "regime elements", "a regime
# officer", "regime positions".
_REGIME_MEN = frozenset(
    {"member", "members", "element", "elements", "officer", "officers", "fighter", "fighters"}
    | {"soldier", "soldiers", "troops", "personnel", "position", "positions", "checkpoint"}
    | {"checkpoints", "post", "posts", "convoy", "convoys", "vehicle", "vehicles", "patrol"}
)


# A state's forces named by their kind alone: "police officers", "troops", "the military".
BARE_FORCE_HEADS = _words(
    """
    police policemen policeman troops soldiers soldier military army gendarmes gendarmerie
    servicemen enforcement
    """
)
# "a police convoy", "an army checkpoint": the force is the side attacked there
_FORCE_TAILS = _words(
    """forces force officers officer personnel agents units patrol patrols convoy convoys
    checkpoint checkpoints post posts outpost outposts vehicle vehicles"""
)
_ANAPHORIC_FORCES = _words("troops soldiers soldier servicemen policemen policeman gendarmes")


def _bare_force_mentions(
    doc: Doc, dictionary: ActorDictionary, ctx: _Context, existing: list[ActorMention]
) -> list[ActorMention]:
    """Demonym-less force nouns ("police officers", "troops", "law enforcement") as the
    state forces of where the sentence is (the events stage names the state from the
    event's place when the text names none). A force word that only modifies another noun
    ("a police station", "an army base") names no actor."""
    out: list[ActorMention] = []
    text = doc_text(doc)
    for tok in doc:
        word = tok.lower_
        service = word in _SERVICES and tok.i > 0 and doc[tok.i - 1].lower_ in _SERVICE_KINDS
        if word not in BARE_FORCE_HEADS and not service:
            continue
        if tok.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            continue
        if word == "enforcement" and not (tok.i > 0 and doc[tok.i - 1].lower_ == "law"):
            continue
        if word in _ANAPHORIC_FORCES and any(c.lower_ in _DETERMINERS for c in tok.children):
            continue  # "the soldiers" points back to troops already named: coreference
        first, last = tok, tok
        if word == "enforcement":
            first = doc[tok.i - 1]
        if service:  # "the National Security Service", "intelligence services"
            first = doc[tok.i - 1]
            while first.i > 0 and doc[first.i - 1].lower_ in {"national", "state", "general"}:
                first = doc[first.i - 1]
        elif tok.dep_ in {"compound", "amod"}:
            if tok.head.lower_ not in _FORCE_TAILS or tok.head.i != tok.i + 1:
                continue  # "police station", "military equipment"
            last = tok.head
        elif tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _FORCE_TAILS:
            last = doc[tok.i + 1]
        # "military police forces", "civil police": one phrase
        while first.i > 0 and doc[first.i - 1].lower_ in BARE_FORCE_HEADS | {"civil", "federal"}:
            first = doc[first.i - 1]
        start, end = first.idx, last.idx + len(last.text)
        if _overlaps(start, end, existing) or _overlaps(start, end, out):
            continue
        if any(m.inter in {1, 8} and m.key and text[m.end : start] == " " for m in existing):
            continue  # "an ANA soldier": the named forces' man, not a state's unnamed forces
        police = any(
            t.lower_ in _POLICE or t.lower_ == "enforcement" for t in doc[first.i : last.i + 1]
        )
        mention = _generic_state(doc, dictionary, ctx, start, end, police)
        out.append(replace(mention, confidence=min(mention.confidence, 0.5)))
    return out


def _force_phrase_end(doc: Doc, j: int) -> int | None:
    """Index of the last token of a force phrase starting at token ``j`` ("regime forces",
    "air force", "Army"), or None when ``doc[j:]`` does not start with one."""
    last: int | None = None
    k = j
    while k < len(doc) and k < j + 4:
        low = doc[k].lower_
        if low == "guards" and k > 0 and doc[k - 1].lower_ == "security":
            return None  # private security guards are not the state
        if low in _SERVICES and k > j and doc[k - 1].lower_ in _SERVICE_KINDS:
            last = k  # "the National Security Service", "intelligence services"
            k += 1
            continue
        if low in FORCE_NOUNS:
            if (
                low not in _WEAK_FORCE
                or (k + 1 < len(doc) and doc[k + 1].lower_ in FORCE_NOUNS)
                or (low in ("government", "govt") and doc[k].pos_ in ("NOUN", "PROPN"))
            ):
                last = k
            k += 1
            continue
        if low in _MODIFIERS and (last is None or _force_ahead(doc, k + 1, j + 4)):
            k += 1  # "military intelligence forces": a modifier between two force nouns
            continue
        break
    return last


def _shared_force_end(doc: Doc, dictionary: ActorDictionary, j: int) -> int | None:
    """'Syrian and Russian forces', 'Iraqi, Kurdish and US troops': the force phrase after
    the next demonym of a list that starts at token ``j`` ("and" or a comma), if any."""
    k = j
    for _ in range(3):
        if k >= len(doc) or doc[k].lower_ not in {"and", ","}:
            return None
        k += 1
        if k >= len(doc) or not dictionary.nationality(doc[k].text):
            return None
        last = _force_phrase_end(doc, k + 1)
        if last is not None:
            return last
        k += 1
    return None


def _force_ahead(doc: Doc, k: int, stop: int) -> bool:
    """A force noun follows within the phrase, past modifiers only."""
    while k < min(len(doc), stop):
        if doc[k].lower_ in FORCE_NOUNS:
            return True
        if doc[k].lower_ in _SERVICES and doc[k - 1].lower_ in _SERVICE_KINDS:
            return True
        if doc[k].lower_ not in _MODIFIERS:
            return False
        k += 1
    return False


def _nat_entry(
    dictionary: ActorDictionary,
    nat: Nationality,
    ctx: _Context,
    start: int,
    end: int,
    *,
    police: bool,
) -> ActorEntry | None:
    if nat.forces_key:
        if police and nat.country:
            return dictionary.forces_for(nat.country, police=True)
        return dictionary.get(nat.forces_key)
    if nat.variants:  # "Kurdish forces": depends on where
        where = ctx.country_at(start, end)
        key = nat.variants.get(where or "")
        return dictionary.get(key) if key else None
    return None


def _generic_state(
    doc: Doc, dictionary: ActorDictionary, ctx: _Context, start: int, end: int, police: bool
) -> ActorMention:
    if police:
        # "national police forces": a name of its own in Syria (see events). Read from the
        # tokens, not Doc.text (rebuilt on every access), and never inside "international"
        span = _token_span(doc, start, end)
        prev = doc[span.start - 1] if span is not None and span.start > 0 else None
        if prev is not None and prev.lower_ == "national" and prev.idx + 9 == start:
            start = prev.idx
    where = ctx.country_at(start, end, place_only=True)
    entry = dictionary.forces_for(where, police=police)
    if entry is not None:
        return _mention(
            entry, start, end, doc_text(doc), entry.country, "nationality", 0.6, dictionary
        )
    return ActorMention(
        start=start,
        end=end,
        text=doc_text(doc)[start:end],
        actor=UNKNOWN_STATE_ACTOR,
        inter=1,
        country=None,
        method="nationality",
        confidence=0.3,
        key="",
    )


def _ner_mentions(
    doc: Doc, dictionary: ActorDictionary, ctx: _Context, existing: list[ActorMention]
) -> list[ActorMention]:
    text = doc_text(doc)
    out: list[ActorMention] = []
    candidates: list[tuple[Span, str]] = [(ent, ent.label_) for ent in doc.ents]
    candidates += [(s, "RUN") for s in _proper_runs(doc)]
    candidates += [(s, "NORP") for s in _group_noun_candidates(doc)]
    for span, label in candidates:
        if len(span) > 1 and span[0].lower_ == "the":
            span = span[1:]
        cut = next(
            (
                t.i
                for t in span[1:]
                if t.lower_ in {"in", "at", "near"}
                and any(w.lower_ in _ORG_HEADS for w in doc[span.start : t.i])
            ),
            None,
        )
        if cut is not None:
            span = doc[span.start : cut]  # "the Joint Forces in Hays": the forces, not Hays
        start, end = span.start_char, span.end_char
        if _overlaps(start, end, existing) or _overlaps(start, end, out):
            continue
        if label == "NORP":
            m = _norp_militia(doc, span, dictionary, ctx)
            if m is not None and not _overlaps(m.start, m.end, existing):
                out.append(m)
            continue
        if label not in ("ORG", "RUN"):
            continue
        words = [t.lower_ for t in span]
        if span.text.upper() in _NOT_ACTOR_ACRONYMS:
            continue  # "an IED struck a PMF vehicle": the device, not its planter
        if any(w in _NOT_ACTOR_WORDS for w in words) or dictionary.nationality(span.text):
            log.debug("not an actor: %r", span.text)
            continue
        entry = dictionary.by_name(span.text)
        if entry is not None:
            out.append(
                _mention(
                    entry,
                    start,
                    end,
                    text,
                    ctx.country_at(start, end),
                    "dictionary",
                    0.8,
                    dictionary,
                )
            )
            continue
        if "(" in span.text or ")" in span.text:
            # "Al Nayrab (Idleb" tagged as one organisation: a place and its locator
            continue
        heads = [w for w in words if w in _ORG_HEADS]
        acronym = (
            len(span) == 1
            and bool(re.fullmatch(r"[A-Z][A-Z0-9-]{2,4}", span.text))
            and span.text not in _NOT_ACTOR_ACRONYMS
        )
        root = span.root
        if root.dep_ == "compound" and root.head.lower_ in _MEMBER_NOUNS:
            root = root.head  # "Military Operations Command forces took control of ..."
        acting = root.dep_ in _SUBJ_DEPS and _sentence_has_military(span)
        if not heads and not acronym and not acting:
            log.debug("ORG without actor cue kept out: %r", span.text)
            continue
        inter = max((_ORG_HEADS[w] for w in heads), default=0)
        out.append(
            ActorMention(
                start=start,
                end=end,
                text=text[start:end],
                actor=_clean_name(span.text),
                inter=inter,
                country=ctx.country_at(start, end),
                method="ner",
                confidence=0.5 if heads else 0.35,
                key="",
            )
        )
    return out


def _clean_name(name: str) -> str:
    name = re.sub(r"^(the|The)\s+", "", name.strip())
    return re.sub(r"\s+", " ", name)


def _proper_runs(doc: Doc) -> list[Span]:
    """Runs of capitalised tokens that contain an armed-group head word ("Liwa al-Quds",
    "Brigade 313"), which small NER models often miss."""
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        if doc[i].is_title or (doc[i].is_upper and len(doc[i]) > 1):
            j = i
            while j < len(doc) and (
                doc[j].is_title
                or doc[j].is_upper
                or doc[j].like_num
                or doc[j].text in ("-", "al", "al-", "of", "the", "and", "for", "ul", "ash", "ad")
            ):
                j += 1
            while j > i and not (doc[j - 1].is_title or doc[j - 1].like_num):
                j -= 1
            if j - i >= 2 and any(t.lower_ in _ORG_HEADS and t.is_title for t in doc[i:j]):
                first = i + 1 if doc[i].lower_ == "the" else i
                runs.append(doc[first:j])
            i = max(j, i + 1)
        else:
            i += 1
    return runs


_MILITIA_NOUNS = frozenset(
    {"militia", "militias", "militiamen", "vigilantes", "tribesmen", "herders", "herdsmen"}
)
_REBEL_NOUNS = frozenset({"rebels", "insurgents", "separatists", "jihadists", "militants"})


def _group_noun_candidates(doc: Doc) -> list[Span]:
    """Single capitalised words right before an armed noun ("Berom militia", "Tuareg
    rebels"), which the small model rarely tags as NORP."""
    out: list[Span] = []
    for tok in doc[:-1]:
        if doc[tok.i + 1].lower_ not in _ARMED_NOUNS or not tok.is_title:
            continue
        if tok.is_sent_start and tok.pos_ != "PROPN":
            continue
        if tok.pos_ in ("PROPN", "NOUN", "ADJ"):
            out.append(doc[tok.i : tok.i + 1])
    return out


def _norp_militia(
    doc: Doc, span: Span, dictionary: ActorDictionary, ctx: _Context
) -> ActorMention | None:
    """A new actor for "<group word> <armed noun>": an ethnic militia (inter 4) for
    militia-like nouns, rebels (2) for rebel-like nouns, an armed group (3) otherwise."""
    if span.text.lower() in _NORP_NOT_ACTOR or dictionary.nationality(span.text):
        return None
    if span.end >= len(doc) or doc[span.end].lower_ not in _ARMED_NOUNS:
        return None
    noun = doc[span.end].lower_
    start, end = span.start_char, doc[span.end].idx + len(doc[span.end].text)
    where = ctx.country_at(start, end)
    name = dictionary.country_name(where)
    suffix = f" ({name})" if name else ""
    if noun in _MILITIA_NOUNS:
        actor, inter = f"{span.text} Ethnic Militia{suffix}", 4
    elif noun in _REBEL_NOUNS:
        actor, inter = f"{span.text} Rebels{suffix}", 2
    else:
        actor, inter = f"{span.text} Armed Group{suffix}", 3
    return ActorMention(
        start=start,
        end=end,
        text=doc_text(doc)[start:end],
        actor=actor,
        inter=inter,
        country=where,
        method="ner",
        confidence=0.45,
        key="",
    )


# -- coreference -----------------------------------------------------------------------

_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_DETERMINERS = frozenset({"the", "these", "those", "this", "that", "its", "their"})
_GENERIC_ADJ = _words(
    """
    militant jihadist jihadi extremist islamist armed insurgent terrorist terror rebel
    sunni shia shiite radical hardline notorious ultra-radical so-called self-styled
    paramilitary
    """
)
_NOMINAL_HEADS = frozenset().union(*DEFAULT_GENERIC.values()) | frozenset(
    {"militia", "militias", "paramilitaries", "separatists", "jihadis", "guerrillas"}
)
_ITS_HEADS = _words(
    """
    fighters forces troops militants soldiers bombers jets warplanes members units men
    militiamen aircraft drones
    """
)
_DISTANCE_CONFIDENCE = {0: 0.65, 1: 0.5, 2: 0.4}  # same paragraph, one back, two back
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n\s*")


def paragraph_starts_of(text: str) -> list[int]:
    """Start offsets of the paragraphs of ``text`` (blank-line separated)."""
    return [0] + [m.end() for m in _PARAGRAPH_RE.finditer(text)]


@dataclass(slots=True)
class _Ante:
    mention: ActorMention
    kind: str
    generic: frozenset[str]
    subject: bool
    sentence: int
    paragraph: int
    verb: int | None  # index of the verb it is the subject of
    root: int  # index of its syntactic head token


def resolve_coreference(
    doc: Doc,
    mentions: list[ActorMention],
    *,
    paragraph_starts: list[int] | None = None,
    dictionary: ActorDictionary | None = None,
) -> list[ActorMention]:
    """New ``method="coreference"`` mentions for generic references to an actor.

    Handled: "the militants", "the group", "the militant group", "the jihadists", "the
    regime", "the troops" ... (a determiner, optional adjectives such as "militant" or
    "jihadist", and a generic head), "its fighters"/"its bombers", and the plural pronouns
    "they", "them", "their" when an armed actor can be found.

    The antecedent is searched backwards: first the same sentence, then earlier sentences
    of the same paragraph, then up to two previous paragraphs. Within a sentence a
    compatible grammatical subject is preferred over a nearer non-subject (so in "If the
    militants defeat the Syrian Army, they could ..." *they* is the militants); an actor
    that is the subject of the very verb governing an object pronoun is skipped ("the
    Iraqis are on the offensive against them" -- *them* is not the Iraqis). Compatibility:
    a generic noun must be among the antecedent's generic words (militants/jihadists/group
    -> non-state armed groups, troops/army/soldiers/regime -> states; see the ``generic``
    column); pronouns need an armed actor. Resolved mentions become antecedents in turn, so
    a chain ("IS ... the militants ... they") carries across paragraphs. Confidence falls
    with distance: same sentence 0.75, same paragraph 0.65, previous paragraph 0.5, two
    back 0.4 (and never above the antecedent's).
    """
    dictionary = dictionary or ActorDictionary.load()
    text = doc_text(doc)
    starts = sorted(paragraph_starts) if paragraph_starts else paragraph_starts_of(text)
    sents = list(doc.sents)
    sent_starts = [s.start_char for s in sents]

    def para_of(offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0)

    def sent_of(offset: int) -> int:
        return max(bisect_right(sent_starts, offset) - 1, 0)

    def make_ante(m: ActorMention) -> _Ante | None:
        entry = dictionary.get(m.key) if m.key else None
        if entry is not None:
            kind, generic = entry.kind, entry.generic
        elif m.inter == 1:
            kind, generic = "state", DEFAULT_GENERIC["state"]
        elif m.inter in (2, 3, 4):
            kind = {2: "rebel", 3: "militia", 4: "identity"}[m.inter]
            generic = DEFAULT_GENERIC[kind]
        elif m.inter == 8:
            kind, generic = "external", DEFAULT_GENERIC["external"]
        else:
            kind, generic = "unknown", frozenset({"group", "organisation", "organization"})
        span = _token_span(doc, m.start, m.end)
        verb_tok = _subject_verb(span) if span is not None else None
        root = span.root.i if span is not None else -1
        return _Ante(
            m,
            kind,
            generic,
            verb_tok is not None,
            sent_of(m.start),
            para_of(m.start),
            verb_tok.i if verb_tok is not None else None,
            root,
        )

    antes: list[_Ante] = [
        a for m in sorted(mentions, key=lambda m: m.start) if (a := make_ante(m)) is not None
    ]
    new: list[ActorMention] = []
    taken = [(m.start, m.end) for m in mentions]

    for start, end, head, ref_tok, required in _generic_references(doc):
        if any(start < e and s < end for s, e in taken):
            continue
        sent_i, para_i = sent_of(start), para_of(start)
        # Verbs whose subject cannot be this reference: for an object pronoun the verb of
        # its own clause ("X attacked them"); for a full noun phrase every verb above it
        # ("the SDF claim to have killed the militants": the militants are not the SDF).
        excluded: set[int] = set()
        if head in _PLURAL_PRONOUNS and head != "their" and ref_tok.dep_ not in _SUBJ_DEPS:
            verb = _clause_verb(ref_tok)
            if verb is not None:
                excluded.add(verb)
                # (and the verbs whose subject does it: "security forces fired tear gas to
                # disperse them" -- them is not the security forces)
                tok = doc[verb]
                while tok.dep_ in {"xcomp", "advcl"} and tok.head is not tok:
                    tok = tok.head
                    excluded.add(tok.i)
        elif head not in _PLURAL_PRONOUNS and head != "its":
            excluded = {t.i for t in ref_tok.ancestors if t.pos_ in ("VERB", "AUX")}

        inside = {t.i for t in ref_tok.ancestors}  # "the SDF, their adversary": not SDF

        def compatible(
            a: _Ante,
            head: str = head,
            excluded: set[int] = excluded,
            inside: set[int] = inside,
            required: frozenset[str] = required,
            sent_i: int = sent_i,
        ) -> bool:
            if a.sentence == sent_i and a.verb is not None and a.verb in excluded:
                return False
            if a.root in inside:
                return False
            if required and not required <= a.generic:
                return False
            if head in _PLURAL_PRONOUNS:
                return a.kind in ARMED_KINDS
            if head == "its":
                return a.kind in ARMED_KINDS or a.kind == "org"
            return head in a.generic

        chosen: _Ante | None = None
        confidence = 0.0
        window: dict[tuple[int, int], list[_Ante]] = {}
        for a in antes:
            if a.mention.end <= start and para_i - 2 <= a.paragraph <= para_i:
                window.setdefault((a.paragraph, a.sentence), []).append(a)
        pools: list[tuple[list[_Ante], float]] = [(window.get((para_i, sent_i), []), 0.75)]
        for p, s in sorted(window, reverse=True):
            if s != sent_i:
                pools.append((window[(p, s)], _DISTANCE_CONFIDENCE[para_i - p]))
        for pool, conf in pools:
            ok = [a for a in pool if compatible(a)]
            if not ok:
                continue
            subjects = [a for a in ok if a.subject]
            chosen = (subjects or ok)[-1]
            confidence = conf
            break
        if chosen is None:
            continue
        src = chosen.mention
        mention = ActorMention(
            start=start,
            end=end,
            text=text[start:end],
            actor=src.actor,
            inter=src.inter,
            country=src.country,
            method="coreference",
            confidence=round(min(confidence, src.confidence), 3),
            key=src.key,
        )
        new.append(mention)
        taken.append((start, end))
        ante = make_ante(mention)
        if ante is not None:
            ante.kind, ante.generic = chosen.kind, chosen.generic
            antes.append(ante)
            antes.sort(key=lambda a: a.mention.start)
    return new


def _clause_verb(tok: Token) -> int | None:
    """Index of the nearest verb or auxiliary above ``tok`` in the parse."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            return cur.i
        if cur.head is cur:
            return cur.i
        cur = cur.head
    return None


_ADJ_AS_NOUN = {
    "militant": "militants",
    "jihadist": "jihadists",
    "jihadi": "jihadists",
    "extremist": "extremists",
    "terrorist": "terrorists",
    "terror": "terrorists",
    "islamist": "islamists",
    "insurgent": "insurgents",
    "rebel": "rebels",
    "paramilitary": "paramilitaries",
}


def _generic_references(doc: Doc) -> list[tuple[int, int, str, Token, frozenset[str]]]:
    """Candidate generic references as ``(start, end, head word, head token, required)``:
    ``required`` are generic words the antecedent must also accept ("the militant group"
    needs an actor that can be called "militants")."""
    out: list[tuple[int, int, str, Token, frozenset[str]]] = []
    none: frozenset[str] = frozenset()
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        low = tok.lower_
        if low in _PLURAL_PRONOUNS and (tok.pos_ == "PRON" or tok.tag_ == "PRP$"):
            # "their fighters" is a pronoun reference too; keep the pronoun only.
            out.append((tok.idx, tok.idx + len(tok.text), low, tok, none))
            i += 1
            continue
        if low == "its":
            j = i + 1
            while (
                j < n
                and j < i + 4
                and doc[j].pos_ in ("ADJ", "PROPN", "NUM")
                and doc[j].lower_ not in _ITS_HEADS
            ):
                j += 1
            if j < n and doc[j].lower_ in _ITS_HEADS:
                out.append((tok.idx, doc[j].idx + len(doc[j].text), "its", tok, none))
                i = j + 1
                continue
        if low in ("the", "these", "those"):
            j = i + 1
            while j < n and doc[j].lower_ in _GENERIC_ADJ:
                j += 1
            if j < n and doc[j].lower_ in _NOMINAL_HEADS and doc[j].pos_ in ("NOUN", "PROPN"):
                nxt = doc[j + 1] if j + 1 < n else None
                # "the group of ...", "the army base": not a reference to an actor.
                if nxt is not None and nxt.lower_ == "of":
                    i = j + 1
                    continue
                if nxt is not None and nxt.pos_ == "NOUN" and doc[j].dep_ == "compound":
                    i = j + 1
                    continue
                required = frozenset(
                    _ADJ_AS_NOUN[t.lower_] for t in doc[i + 1 : j] if t.lower_ in _ADJ_AS_NOUN
                )
                out.append(
                    (tok.idx, doc[j].idx + len(doc[j].text), doc[j].lower_, doc[j], required)
                )
                i = j + 1
                continue
        i += 1
    return out


__all__ = [
    "UNKNOWN_STATE_ACTOR",
    "ActorDictionary",
    "ActorEntry",
    "Nationality",
    "actor_for_country",
    "find_actors",
    "inter_for_country",
    "paragraph_starts_of",
    "resolve_coreference",
]
