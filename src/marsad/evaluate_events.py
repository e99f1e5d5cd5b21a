"""Evaluation on human-coded event data: ACLED coder notes and CASE 2021 Task 2 snippets.

Both sets are read from ``shared/data/events`` (never copied into the repository; ACLED's
terms allow internal evaluation only). Three splits per set: ``test`` is never looked at
while developing; ``train`` is what :mod:`marsad.classify` learns from
(``tools/train_classifier.py``); ``dev`` is where rules and thresholds are tuned and errors
read.

ACLED notes (``eval-acled``)
----------------------------
``eval-acled --csv FILE`` scores every note of any ACLED export that has the ``notes``
column (your own download, say) the same way, with no split; the anchor is the day after the
file's last event date. The rest of this section describes the shared files.

Input: the ``notes`` column of ``acled_notes/rpanlilio_acled_2020/acled.csv`` and
``acled_notes/dkoban_acled_afghanistan_2020/ACLED.csv``. Rows with empty notes (the cut-off
last line of the RPanlilio file) are dropped.

* **Groups.** Rows of one file that share the same notes text form one *note* (one report
  may be coded as several events, one per location). Each note is run through the pipeline
  once.
* **Split.** A note is in ``test`` when any of its rows is in Syria, Iraq, Yemen or
  Afghanistan (the issue's test split). Every other note is ``dev`` when the CRC-32 of its
  text is divisible by 5 (one in five), else ``train``.
* **Publication date.** Notes carry none. Passing the gold event_date (or the date plus a
  fixed lag) would leak the answer, so every note of a file gets one fixed anchor just after
  the file's period: 2020-05-10 for the RPanlilio file (27 Apr - 9 May 2020), 2020-03-22 for
  the Afghanistan file (1 - 21 Mar 2020). Notes state their date ("On 3 May 2020, ..."), so
  the date is read from the text; the anchor only resolves relative expressions.
* **Pairing.** Within a note, predicted events and gold rows are paired one-to-one, greedily
  over all (prediction, gold) pairs ordered by: same sub_event_type first, then same
  event_type, then the smaller haversine distance between the two points (a prediction with
  no coordinates comes last). Pairs are taken while both sides are free, so
  ``min(#pred, #gold)`` pairs are made even when the types differ.
* **Misses.** A gold row left without a prediction is a *miss* and counts as wrong for every
  field. ``all`` figures are over every gold row (misses included); ``found`` figures are
  over the paired gold rows only ("given an event was found"). A prediction left without a
  gold row is an *extra* event; extras are counted and enter the macro-F1 as false
  positives.
* **Fields** (per gold row, ``all`` and ``found``):

  - ``event_type``, ``sub_event_type``: string equality with the gold columns.
  - ``actor1``, ``actor2``: both names are mapped to a key with
    :meth:`marsad.actors.ActorDictionary.canonical` (``key:<entry key>``; the name as
    written, else without ACLED's period tags such as "(2016-)" or "(2016-2021)", which
    change between ACLED releases) and also to a normalised string (case-folded, period
    tags and a trailing parenthetical such as "(Afghanistan)" dropped, punctuation
    collapsed). They match when the keys are equal or the
    normalised strings are equal. Both empty is a match (ACLED leaves actor2 empty for
    e.g. peaceful protests); one empty and the other not is a mismatch.
    ``actor2_named`` is the same figure over gold rows with a non-empty actor2.
  - ``location_50km``: the predicted point lies within 50 km (great circle,
    :func:`marsad.merge.haversine_km`) of the gold latitude/longitude; no point is wrong.
  - ``date_in_window``: ``date_earliest <= gold event_date <= date_latest``.
    ``date_exact_day``: the predicted ``event_date`` equals the gold event_date. ACLED's
    ``time_precision`` is not used to widen the gold date.
  - ``fatalities_exact``: predicted ``fatalities`` (``None`` read as 0) equals the gold
    count. ``fatalities_exact_plain`` is the same over rows whose note does not state a
    coding decision ("coded as", "split"/"spread" across events, which makes the gold
    differ from the numbers in the text).

* **Macro-F1** of sub_event_type: one (gold, predicted) label pair per gold row (a miss
  predicts ``none``), plus one (``none``, predicted) pair per extra event. Per-class
  precision/recall/F1 over the labels that occur as gold or prediction (``none``
  excluded); the macro-F1 is their unweighted mean.

CASE 2021 Task 2 (``eval-case``)
--------------------------------
Input: ``case2021_task2/test_set_final_release_with_labels.tsv``; ``test`` = odd ids (the
issue's test split), ``dev`` = ids equal to 2 mod 4, ``train`` = multiples of 4. Every
snippet gets the same fixed publication date (2021-06-01); dates, places and actors are not
scored (the organisers perturbed names).

* The 25 ACLED labels map one-to-one onto ACLED sub_event_types (:data:`CASE_LABELS`), and
  through them onto event_types. The 5 non-ACLED labels (disasters, diplomacy, organised
  crime, attribution) must yield no event: their gold is ``none``.
* **Predicted label** of a snippet: ``none`` when marsad finds no event (or rejects the
  text); else the sub_event_type of the event whose first mention starts earliest in the
  text (news snippets lead with their main event). ``any_match`` is the lenient share of
  ACLED-labelled snippets where *some* predicted event has the gold sub_event_type.
* **Figures**: sub_event_type and event_type accuracy over the ACLED-labelled snippets
  (``none`` is wrong), macro-F1 over the 25 sub_event_types (labels with neither gold
  support nor predictions in the split are left out; ``none`` is not among them but
  predicted ``none`` is a false negative and a predicted type on a non-ACLED snippet is a
  false positive), the ``none`` class P/R/F1 reported separately, the *invented-event rate*
  (share of non-ACLED snippets with at least one event), the share of ACLED snippets with no
  event, and the ten most frequent (gold, predicted) confusions.
"""

from __future__ import annotations

import csv
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.merge import haversine_km
from marsad.records import EVENT_TYPE_OF, Event

NONE = "none"
SPLITS = ("test", "dev", "train")
KM = 50.0
TEST_COUNTRIES = frozenset({"Syria", "Iraq", "Yemen", "Afghanistan"})
ACLED_FILES: tuple[tuple[str, str, date], ...] = (
    # (tag, path under data/events, fixed publication anchor just after the file's period)
    ("rpanlilio", "acled_notes/rpanlilio_acled_2020/acled.csv", date(2020, 5, 10)),
    ("dkoban", "acled_notes/dkoban_acled_afghanistan_2020/ACLED.csv", date(2020, 3, 22)),
)
CASE_FILE = "case2021_task2/test_set_final_release_with_labels.tsv"
CASE_PUBLISHED = date(2021, 6, 1)

FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location_50km",
    "date_in_window",
    "date_exact_day",
    "fatalities_exact",
)

# CASE 2021 label -> (ACLED event_type, ACLED sub_event_type)
CASE_LABELS: dict[str, tuple[str, str]] = {
    "ABDUCT_DISSAP": ("Violence against civilians", "Abduction/forced disappearance"),
    "AGREEMENT": ("Strategic developments", "Agreement"),
    "AIR_STRIKE": ("Explosions/Remote violence", "Air/drone strike"),
    "ARMED_CLASH": ("Battles", "Armed clash"),
    "ARREST": ("Strategic developments", "Arrests"),
    "ART_MISS_ATTACK": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "ATTACK": ("Violence against civilians", "Attack"),
    "CHANGE_TO_GROUP_ACT": ("Strategic developments", "Change to group/activity"),
    "CHEM_WEAP": ("Explosions/Remote violence", "Chemical weapon"),
    "DISR_WEAP": ("Strategic developments", "Disrupted weapons use"),
    "FORCE_AGAINST_PROTEST": ("Protests", "Excessive force against protesters"),
    "GOV_REGAINS_TERIT": ("Battles", "Government regains territory"),
    "GRENADE": ("Explosions/Remote violence", "Grenade"),
    "HQ_ESTABLISHED": ("Strategic developments", "Headquarters or base established"),
    "MOB_VIOL": ("Riots", "Mob violence"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("Battles", "Non-state actor overtakes territory"),
    "NON_VIOL_TERRIT_TRANSFER": ("Strategic developments", "Non-violent transfer of territory"),
    "OTHER": ("Strategic developments", "Other"),
    "PEACE_PROTEST": ("Protests", "Peaceful protest"),
    "PROPERTY_DISTRUCT": ("Strategic developments", "Looting/property destruction"),
    "PROTEST_WITH_INTER": ("Protests", "Protest with intervention"),
    "REM_EXPLOS": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "SEX_VIOL": ("Violence against civilians", "Sexual violence"),
    "SUIC_BOMB": ("Explosions/Remote violence", "Suicide bomb"),
    "VIOL_DEMONSTR": ("Riots", "Violent demonstration"),
}
CASE_NON_ACLED = frozenset(
    {"MAN_MADE_DISASTER", "DIPLO", "NATURAL_DISASTER", "ORG_CRIME", "ATTRIB"}
)
SUB_TO_TYPE = EVENT_TYPE_OF

# ACLED issue targets on the test split: (section, field, minimum)
ACLED_TARGETS: tuple[tuple[str, float], ...] = (
    ("event_type", 0.85),
    ("sub_event_type", 0.75),
    ("location_50km", 0.85),
    ("fatalities_exact", 0.80),
)
CASE_MAX_INVENTED = 0.10

_CODING_NOTE = re.compile(r"\bcoded as\b|\b(?:split|spread|divided)\b[^.]*\bevents?\b", re.I)


# -- data -------------------------------------------------------------------------------


def events_dir(shared_dir: Path) -> Path:
    """``shared/data/events`` (``shared_dir`` may also be that folder itself)."""
    shared_dir = Path(shared_dir)
    for candidate in (shared_dir / "data" / "events", shared_dir):
        if (candidate / "acled_notes").is_dir() or (candidate / "case2021_task2").is_dir():
            return candidate
    raise FileNotFoundError(f"{shared_dir}: no data/events folder with the gold event sets")


@dataclass(slots=True)
class GoldRow:
    """One ACLED-coded event (the fields scored here)."""

    event_date: date
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    country: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int


@dataclass(slots=True)
class Note:
    """One notes text and the gold rows coded from it."""

    id: str
    text: str
    published: date
    rows: list[GoldRow] = field(default_factory=list)

    @property
    def split(self) -> str:
        if any(r.country in TEST_COUNTRIES for r in self.rows):
            return "test"
        return "dev" if zlib.crc32(self.text.encode("utf-8")) % 5 == 0 else "train"


def parse_acled_date(text: str) -> date:
    """``9-May-20`` (RPanlilio) or ``21 March 2020`` (dkoban)."""
    text = text.strip()
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unknown ACLED date {text!r}")


def _float(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


ACLED_REQUIRED = ("notes", "event_date", "event_type", "sub_event_type", "latitude", "longitude")


class ExportError(ValueError):
    """A file given as an ACLED export is missing, unreadable or not such an export."""


def acled_export_files(paths: Sequence[Path]) -> list[tuple[str, Path, date]]:
    """Any ACLED exports with a ``notes`` column, as ``(tag, path, anchor)`` for
    :func:`load_acled_notes`: the anchor is the day after the file's last event date (the
    publication date is fixed after the period, as for the shared files). A file that is
    missing, unreadable or not such an export raises :class:`ExportError` naming it."""
    out: list[tuple[str, Path, date]] = []
    for path in paths:
        try:
            with Path(path).open(encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                missing = [c for c in ACLED_REQUIRED if c not in (reader.fieldnames or [])]
                if missing:
                    raise ExportError(f"{path}: not an ACLED export with notes (no {missing[0]})")
                days = [parse_acled_date(r["event_date"]) for r in reader if r.get("event_date")]
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise ExportError(f"{path}: cannot be read as a UTF-8 CSV ({exc})") from exc
        except ExportError:
            raise
        except ValueError as exc:  # an event_date no format reads
            raise ExportError(f"{path}: {exc}") from exc
        if not days:
            raise ExportError(f"{path}: no rows with an event_date")
        out.append((Path(path).stem, Path(path), max(days) + timedelta(days=1)))
    return out


def load_acled_notes(
    events: Path | None,
    split: str | None = None,
    files: Sequence[tuple[str, Path, date]] | None = None,
) -> list[Note]:
    """The ACLED notes, grouped by notes text per file, in file order: the shared files
    under ``events`` (see :data:`ACLED_FILES`), or ``files`` (:func:`acled_export_files`)."""
    notes: list[Note] = []
    sources = (
        [(tag, Path(path), anchor) for tag, path, anchor in files]
        if files is not None
        else [(tag, Path(events or ".") / rel, anchor) for tag, rel, anchor in ACLED_FILES]
    )
    for tag, path, anchor in sources:
        if not path.exists():
            continue
        by_text: dict[str, Note] = {}
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = (row.get("notes") or "").strip()
                if not text or not row.get("event_date"):
                    continue
                note = by_text.get(text)
                if note is None:
                    note = by_text[text] = Note(f"{tag}:{len(by_text)}", text, anchor)
                note.rows.append(
                    GoldRow(
                        event_date=parse_acled_date(row["event_date"]),
                        time_precision=int(row.get("time_precision") or 1),
                        event_type=row["event_type"].strip(),
                        sub_event_type=row["sub_event_type"].strip(),
                        actor1=(row.get("actor1") or "").strip(),
                        actor2=(row.get("actor2") or "").strip(),
                        country=(row.get("country") or "").strip(),
                        location=(row.get("location") or "").strip(),
                        latitude=_float(row.get("latitude", "")),
                        longitude=_float(row.get("longitude", "")),
                        fatalities=int(row.get("fatalities") or 0),
                    )
                )
        notes.extend(by_text.values())
    if split is not None and files is None:
        notes = [n for n in notes if n.split == split]
    return notes


def load_case(events: Path, split: str | None = None) -> list[tuple[int, str, str]]:
    """``(id, snippet, label)`` rows of the CASE 2021 Task 2 file; test = odd ids."""
    rows: list[tuple[int, str, str]] = []
    with (events / CASE_FILE).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            try:
                ident = int(row["id"])
            except (TypeError, ValueError):
                continue
            rows.append((ident, (row["EventSnippet"] or "").strip(), row["SubType"].strip()))
    if split == "test":
        rows = [r for r in rows if r[0] % 2 == 1]
    elif split == "dev":
        rows = [r for r in rows if r[0] % 4 == 2]
    elif split == "train":
        rows = [r for r in rows if r[0] % 4 == 0]
    return rows


# -- scoring functions ------------------------------------------------------------------


_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")  # ACLED's period tag: "(2016-)", "(2016-2021)"


def strip_periods(name: str) -> str:
    """An ACLED actor name without its period tags, which change between releases."""
    return re.sub(r"\s+", " ", _PERIOD.sub("", name)).strip()


def norm_name(name: str | None) -> str:
    """Case-folded, period tags and a trailing parenthetical dropped, punctuation collapsed."""
    text = re.sub(r"\s*\([^)]*\)\s*$", "", strip_periods(name or ""))
    return re.sub(r"[^\w]+", " ", text.casefold()).strip()


@lru_cache(maxsize=4096)
def actor_key(name: str) -> str | None:
    """``key:<entry key>`` for a name the actor dictionary knows (as written, else without
    its period tags), else None."""
    from marsad.actors import ActorDictionary

    dictionary = ActorDictionary.load()
    entry = None
    for candidate in dict.fromkeys((name, strip_periods(name))):
        try:
            entry = dictionary.canonical(candidate)
        except Exception:  # an unknown or odd name is simply unknown
            entry = None
        if entry is not None:
            break
    return f"key:{entry.key}" if entry is not None else None


def actor_match(predicted: str | None, gold: str | None) -> bool:
    """Same actor: equal dictionary keys or equal normalised names; both empty matches."""
    p, g = (predicted or "").strip(), (gold or "").strip()
    if not p or not g:
        return not p and not g
    kp, kg = actor_key(p), actor_key(g)
    if kp is not None and kp == kg:
        return True
    return norm_name(p) == norm_name(g) != ""


def distance_km(event: Event, gold: GoldRow) -> float | None:
    if None in (event.latitude, event.longitude, gold.latitude, gold.longitude):
        return None
    return haversine_km(event.latitude, event.longitude, gold.latitude, gold.longitude)  # type: ignore[arg-type]


def pair_events(events: Sequence[Event], rows: Sequence[GoldRow]) -> list[tuple[int, int]]:
    """One-to-one ``(event index, row index)`` pairs: same sub_event_type first, then same
    event_type, then the nearer point (greedy over all pairs)."""
    candidates = []
    for i, ev in enumerate(events):
        for j, row in enumerate(rows):
            dist = distance_km(ev, row)
            candidates.append(
                (
                    ev.sub_event_type != row.sub_event_type,
                    ev.event_type != row.event_type,
                    float("inf") if dist is None else dist,
                    i,
                    j,
                )
            )
    candidates.sort()
    used_e: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for *_, i, j in candidates:
        if i in used_e or j in used_g:
            continue
        used_e.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs, key=lambda p: p[1])


def score_pair(event: Event, gold: GoldRow) -> dict[str, bool]:
    """Each scored field of one paired (prediction, gold row)."""
    dist = distance_km(event, gold)
    return {
        "event_type": event.event_type == gold.event_type,
        "sub_event_type": event.sub_event_type == gold.sub_event_type,
        "actor1": actor_match(event.actor1, gold.actor1),
        "actor2": actor_match(event.actor2, gold.actor2),
        "location_50km": dist is not None and dist <= KM,
        "date_in_window": event.date_earliest <= gold.event_date <= event.date_latest,
        "date_exact_day": event.event_date == gold.event_date,
        "fatalities_exact": (event.fatalities or 0) == gold.fatalities,
    }


def f1_table(
    pairs: Iterable[tuple[str, str]], labels: Iterable[str] | None = None
) -> dict[str, dict[str, float]]:
    """Per-label precision, recall, F1 and support from (gold, predicted) pairs.

    ``labels`` defaults to every label seen on either side except ``none``."""
    pairs = list(pairs)
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in pairs:
        n_gold[g] += 1
        n_pred[p] += 1
        if g == p:
            tp[g] += 1
    if labels is None:
        labels = sorted((set(n_gold) | set(n_pred)) - {NONE})
    table: dict[str, dict[str, float]] = {}
    for label in labels:
        prec = tp[label] / n_pred[label] if n_pred[label] else 0.0
        rec = tp[label] / n_gold[label] if n_gold[label] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[label] = {
            "precision": prec,
            "recall": rec,
            "f1": f1,
            "support": n_gold[label],
            "predicted": n_pred[label],
        }
    return table


def macro_f1(table: dict[str, dict[str, float]]) -> float:
    rows = [r for r in table.values() if r["support"] or r["predicted"]]
    return sum(r["f1"] for r in rows) / len(rows) if rows else 0.0


def top_confusions(pairs: Iterable[tuple[str, str]], n: int = 10) -> list[tuple[str, str, int]]:
    counts = Counter((g, p) for g, p in pairs if g != p)
    return [(g, p, c) for (g, p), c in counts.most_common(n)]


def primary_event(events: Sequence[Event]) -> Event | None:
    """The event whose first mention starts earliest in the text."""
    if not events:
        return None

    def start(ev: Event) -> int:
        return min((m.trigger_start for m in ev.mentions), default=sys.maxsize)

    return min(enumerate(events), key=lambda ie: (start(ie[1]), ie[0]))[1]


def _rate(num: int | float, den: int | float) -> float:
    return num / den if den else 0.0


# -- running the pipeline ---------------------------------------------------------------


def run_pipeline(
    items: Sequence[tuple[str, str, date]], *, label: str = "notes", every: int = 200
) -> Iterator[tuple[str, list[Event]]]:
    """``(origin, events)`` for each ``(origin, text, published)``, streaming through
    :func:`marsad.pipeline.process`; a text the pipeline rejects yields no events. A progress
    count goes to stderr every ``every`` items."""
    from marsad.ingest import InputError, InputProblem, make_article
    from marsad.pipeline import process

    rejected: list[str] = []

    def articles() -> Iterator[Any]:
        for origin, text, published in items:
            try:
                yield make_article(text, origin=origin, published=published)
            except InputProblem:
                rejected.append(origin)

    for done, result in enumerate(process(articles()), start=1):
        while rejected:
            yield rejected.pop(0), []
        if every and done % every == 0:
            print(f"  {done}/{len(items)} {label}", file=sys.stderr, flush=True)
        if isinstance(result, InputError):
            yield result.origin, []
        else:
            yield result.article.origin, list(result.events)
    while rejected:
        yield rejected.pop(0), []


# -- ACLED ------------------------------------------------------------------------------


def evaluate_acled(
    shared_dir: Path,
    split: str = "test",
    limit: int | None = None,
    *,
    errors: list[dict[str, Any]] | None = None,
    files: Sequence[Path] | None = None,
) -> dict[str, Any]:
    """Score the pipeline on the ACLED notes of ``split`` (test | dev); see the module doc.
    With ``files`` (ACLED exports with notes, e.g. your own download), every note of those
    files is scored instead, and ``shared_dir`` and ``split`` are not used.

    When ``errors`` is a list, one dict per gold row with a wrong field (or a miss) and per
    extra event is appended to it, for error analysis (keep it out of the repository)."""
    if files:
        sources = acled_export_files(files)
        notes = load_acled_notes(None, files=sources)
        split = "export"
    else:
        if split not in SPLITS:
            raise ValueError("split must be test, dev or train")
        sources = [(tag, Path(rel), anchor) for tag, rel, anchor in ACLED_FILES]
        notes = load_acled_notes(events_dir(shared_dir), split)
    if limit is not None:
        notes = notes[:limit]
    by_id = {n.id: n for n in notes}
    t0 = time.perf_counter()
    correct_all: Counter[str] = Counter()
    correct_found: Counter[str] = Counter()
    n_rows = n_found = n_pred = n_extra = notes_without_event = 0
    named_all = named_found = named_ok = plain_all = plain_ok = 0
    label_pairs: list[tuple[str, str]] = []
    country_rows: Counter[str] = Counter()
    country_ok: Counter[str] = Counter()
    items = [(n.id, n.text, n.published) for n in notes]
    seen: set[str] = set()
    for origin, events in run_pipeline(items, label="notes"):
        seen.add(origin)
        note = by_id[origin]
        n_rows += len(note.rows)
        n_pred += len(events)
        if not events:
            notes_without_event += 1
        pairs = dict((j, i) for i, j in pair_events(events, note.rows))
        coding_note = bool(_CODING_NOTE.search(note.text))
        for j, row in enumerate(note.rows):
            country_rows[row.country] += 1
            if row.actor2:
                named_all += 1
            if not coding_note:
                plain_all += 1
            i = pairs.get(j)
            if i is None:
                label_pairs.append((row.sub_event_type, NONE))
                if errors is not None:
                    errors.append({"kind": "miss", "note": note.text, "gold": row})
                continue
            ev = events[i]
            n_found += 1
            label_pairs.append((row.sub_event_type, ev.sub_event_type))
            scores = score_pair(ev, row)
            for name, ok in scores.items():
                correct_all[name] += ok
                correct_found[name] += ok
            country_ok[row.country] += scores["sub_event_type"]
            if row.actor2:
                named_found += 1
                named_ok += scores["actor2"]
            if not coding_note:
                plain_ok += scores["fatalities_exact"]
            if errors is not None and not all(scores.values()):
                wrong = [k for k, v in scores.items() if not v]
                errors.append(
                    {"kind": "wrong", "wrong": wrong, "note": note.text, "gold": row, "pred": ev}
                )
        for i, ev in enumerate(events):
            if i not in pairs.values():
                n_extra += 1
                label_pairs.append((NONE, ev.sub_event_type))
                if errors is not None:
                    errors.append({"kind": "extra", "note": note.text, "pred": ev})
    if seen != set(by_id):
        raise RuntimeError(f"pipeline returned {len(seen)} of {len(by_id)} notes")
    seconds = time.perf_counter() - t0
    table = f1_table(label_pairs)
    all_rates = {k: _rate(correct_all[k], n_rows) for k in FIELDS}
    all_rates["actor2_named"] = _rate(named_ok, named_all)
    all_rates["fatalities_exact_plain"] = _rate(plain_ok, plain_all)
    found_rates = {k: _rate(correct_found[k], n_found) for k in FIELDS}
    found_rates["actor2_named"] = _rate(named_ok, named_found)
    return {
        "dataset": "acled_notes",
        "split": split,
        "notes": len(notes),
        "gold_events": n_rows,
        "predicted_events": n_pred,
        "paired": n_found,
        "missed": n_rows - n_found,
        "extra_events": n_extra,
        "notes_without_event": notes_without_event,
        "publication_anchor": {tag: anchor.isoformat() for tag, _, anchor in sources},
        "all": all_rates,
        "found": found_rates,
        "sub_event_type_macro_f1": macro_f1(table),
        "per_class": table,
        "confusions": top_confusions(label_pairs),
        "sub_event_type_by_country": {
            c: {"rows": country_rows[c], "accuracy": _rate(country_ok[c], country_rows[c])}
            for c, _ in country_rows.most_common(8)
        },
        "targets": {
            name: {"min": lo, "value": all_rates[name], "met": all_rates[name] >= lo}
            for name, lo in ACLED_TARGETS
        },
        "seconds": seconds,
        "notes_per_second": _rate(len(notes), seconds),
    }


# -- CASE -------------------------------------------------------------------------------


def evaluate_case(
    shared_dir: Path,
    split: str = "test",
    limit: int | None = None,
    *,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Score the pipeline on the CASE 2021 Task 2 snippets of ``split``; see the module doc."""
    if split not in SPLITS:
        raise ValueError("split must be test, dev or train")
    rows = load_case(events_dir(shared_dir), split)
    if limit is not None:
        rows = rows[:limit]
    gold_by_id = {str(i): (text, label) for i, text, label in rows}
    t0 = time.perf_counter()
    sub_pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    type_ok = sub_ok = any_ok = n_acled = n_non = invented = silent = 0
    for origin, events in run_pipeline(
        [(str(i), text, CASE_PUBLISHED) for i, text, _ in rows], label="snippets"
    ):
        seen.add(origin)
        text, label = gold_by_id[origin]
        main = primary_event(events)
        pred_sub = main.sub_event_type if main else NONE
        if label in CASE_LABELS:
            gold_type, gold_sub = CASE_LABELS[label]
            n_acled += 1
            sub_ok += pred_sub == gold_sub
            type_ok += main is not None and main.event_type == gold_type
            any_ok += any(ev.sub_event_type == gold_sub for ev in events)
            silent += main is None
        else:
            gold_sub = NONE
            n_non += 1
            invented += bool(events)
        sub_pairs.append((gold_sub, pred_sub))
        if errors is not None and gold_sub != pred_sub:
            errors.append({"id": origin, "text": text, "gold": gold_sub, "pred": pred_sub})
    if seen != set(gold_by_id):
        raise RuntimeError(f"pipeline returned {len(seen)} of {len(gold_by_id)} snippets")
    seconds = time.perf_counter() - t0
    subs = [sub for _, sub in CASE_LABELS.values()]
    table = f1_table(sub_pairs, subs)
    table = {k: v for k, v in table.items() if v["support"] or v["predicted"]}
    none_row = f1_table(sub_pairs, [NONE])[NONE]
    return {
        "dataset": "case2021_task2",
        "split": split,
        "snippets": len(rows),
        "acled_snippets": n_acled,
        "non_acled_snippets": n_non,
        "published": CASE_PUBLISHED.isoformat(),
        "event_type_accuracy": _rate(type_ok, n_acled),
        "sub_event_type_accuracy": _rate(sub_ok, n_acled),
        "sub_event_type_any_match": _rate(any_ok, n_acled),
        "sub_event_type_macro_f1": macro_f1(table),
        "per_class": table,
        "none_class": none_row,
        "invented_event_rate": _rate(invented, n_non),
        "acled_without_event_rate": _rate(silent, n_acled),
        "confusions": top_confusions(sub_pairs),
        "targets": {
            "invented_event_rate": {
                "max": CASE_MAX_INVENTED,
                "value": _rate(invented, n_non),
                "met": _rate(invented, n_non) < CASE_MAX_INVENTED,
            }
        },
        "seconds": seconds,
        "snippets_per_second": _rate(len(rows), seconds),
    }


# -- reports ----------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def _class_lines(table: dict[str, dict[str, float]]) -> list[str]:
    lines = [f"  {'sub_event_type':<38} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for label, r in sorted(table.items(), key=lambda kv: (-kv[1]["support"], kv[0])):
        lines.append(
            f"  {label:<38} {_pct(r['precision'])} {_pct(r['recall'])} {_pct(r['f1'])} "
            f"{int(r['support']):5d} {int(r['predicted']):5d}"
        )
    return lines


def _confusion_lines(confusions: list[tuple[str, str, int]]) -> list[str]:
    return [f"  {c:4d}  {g}  ->  {p}" for g, p, c in confusions] or ["  (none)"]


def format_acled_report(report: dict[str, Any]) -> str:
    """A plain-text report of :func:`evaluate_acled`."""
    r = report
    anchors = ", ".join(f"{k} {v}" for k, v in r["publication_anchor"].items())
    lines = [
        f"ACLED notes, {r['split']} split: {r['notes']} notes, {r['gold_events']} gold events, "
        f"{r['predicted_events']} predicted",
        f"  paired {r['paired']}, missed {r['missed']}, extra {r['extra_events']}, "
        f"notes with no event {r['notes_without_event']}",
        f"  publication anchor (fixed, no leak): {anchors}",
        "",
        f"  {'field':<24} {'all rows':>9} {'found':>9}",
    ]
    for name in (*FIELDS, "actor2_named"):
        lines.append(f"  {name:<24} {_pct(r['all'][name]):>9} {_pct(r['found'][name]):>9}")
    lines.append(f"  {'fatalities_exact_plain':<24} {_pct(r['all']['fatalities_exact_plain']):>9}")
    lines += [
        "",
        f"  sub_event_type macro-F1: {_pct(r['sub_event_type_macro_f1'])}",
        *_class_lines(r["per_class"]),
        "",
        "  top confusions (gold -> predicted):",
        *_confusion_lines(r["confusions"]),
        "",
        "  sub_event_type accuracy by country:",
    ]
    for country, c in r["sub_event_type_by_country"].items():
        lines.append(f"  {country:<24} {_pct(c['accuracy'])} of {c['rows']}")
    lines += ["", "  targets (all rows):"]
    for name, t in r["targets"].items():
        mark = "ok" if t["met"] else "NOT MET"
        lines.append(f"  {name:<24} {_pct(t['value'])} >= {_pct(t['min'])}  {mark}")
    lines.append(f"\n  {r['seconds']:.1f} s, {r['notes_per_second']:.1f} notes/s")
    return "\n".join(lines)


def format_case_report(report: dict[str, Any]) -> str:
    """A plain-text report of :func:`evaluate_case`."""
    r = report
    none = r["none_class"]
    t = r["targets"]["invented_event_rate"]
    lines = [
        f"CASE 2021 Task 2, {r['split']} split: {r['snippets']} snippets "
        f"({r['acled_snippets']} ACLED-labelled, {r['non_acled_snippets']} non-ACLED), "
        f"published fixed at {r['published']}, dates not scored",
        "",
        f"  event_type accuracy          {_pct(r['event_type_accuracy'])}",
        f"  sub_event_type accuracy      {_pct(r['sub_event_type_accuracy'])}",
        f"  sub_event_type any-match     {_pct(r['sub_event_type_any_match'])}",
        f"  sub_event_type macro-F1      {_pct(r['sub_event_type_macro_f1'])}",
        f"  ACLED snippets with no event {_pct(r['acled_without_event_rate'])}",
        f"  invented events (non-ACLED)  {_pct(r['invented_event_rate'])}  "
        f"(< {_pct(t['max'])}: {'ok' if t['met'] else 'NOT MET'})",
        f"  'none' class                 P {_pct(none['precision'])} R {_pct(none['recall'])} "
        f"F1 {_pct(none['f1'])}",
        "",
        *_class_lines(r["per_class"]),
        "",
        "  top confusions (gold -> predicted):",
        *_confusion_lines(r["confusions"]),
        f"\n  {r['seconds']:.1f} s, {r['snippets_per_second']:.1f} snippets/s",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m marsad.evaluate_events {acled,case} [--split dev] [--limit N]``."""
    import argparse

    parser = argparse.ArgumentParser(description="marsad event evaluation on human-coded data")
    parser.add_argument("dataset", choices=["acled", "case"])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--split", choices=list(SPLITS), default="test")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if args.dataset == "acled":
        print(format_acled_report(evaluate_acled(args.shared, args.split, args.limit)))
    else:
        print(format_case_report(evaluate_case(args.shared, args.split, args.limit)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
