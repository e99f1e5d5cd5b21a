"""Death counts in text: numbers, number words, vague quantities, ranges and lists.

``find_fatalities`` reads one sentence and returns the reported toll as a low and high
figure (ACLED's ``fatalities`` is the lowest reported figure), the span it came from and the
rule that matched. It knows nothing of events; :mod:`marsad.events` decides which event a
toll belongs to.

The rules, strongest first:

* a stated coding decision, "Unknown number of fatalities coded as 10." (the figure the
  coder chose is the answer);
* a stated total, "(total of 12 fatalities)";
* every count of the dead in the sentence, summed: lists of victims ("5 soldiers and 1
  officer were killed", "resulting in 25 ADF fighters and 6 military fatalities",
  "killed a police officer and a civilian"), one victim named by a determiner ("a man was
  shot dead", "shot and killed the driver"), bodies found ("five corpses", "the body of a
  man"); a count introduced by "including" or "of them" is part of another and not added;
* a death toll ("the death toll rose to 35"), when nothing else counts the dead;
* one victim of a singular passive ("..., was shot dead by gunmen");
* an explicit nil, "no fatalities were reported" -> 0.

Deaths mixed with other outcomes ("killed, injured or captured", "killing/injuring 75")
and wounded counts are not deaths; an unknown number ("an unspecified number of soldiers")
gives no figure.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_NUM_WORDS = {**_UNITS, **_TEENS, **_TENS, "a dozen": 12, "dozen": 12, "a hundred": 100}
# ACLED codes "tens" as 10, "dozens" as 12 and "hundreds" as 100: one of the unit, the most
# conservative reading (ACLED's FAQ; a train note says 'leaving "dozens" dead. Fatalities
# coded as 12'); "scores" likewise as 20.
_VAGUE = {
    "a few": (2, 5), "few": (2, 5), "several": (3, 9), "dozens": (12, 99), "dozens of": (12, 99),
    "scores": (20, 99), "scores of": (20, 99), "hundreds": (100, 999), "hundreds of": (100, 999),
    "a number of": (2, 9), "many": (10, 99), "tens of": (10, 99),
}  # fmt: skip


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(sorted((re.escape(k) for k in words), key=len, reverse=True))


_COMPOUND = rf"(?:{_alt(_TENS)})(?:[\s-](?:{_alt(_UNITS)}))?"
_NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_COMPOUND}"
    rf"|{_alt([*(k for k in _NUM_WORDS if k not in _TENS), *_VAGUE])})"
)
_QUAL = (
    r"(?:at least|more than|over|nearly|almost|around|about|some|up to|as many as|roughly|"
    r"approximately|an estimated|a total of|total of|another|a further|an additional)"
)
_RANGE = rf"(?:(?P<qual>{_QUAL})\s+)?(?P<n>{_NUM})(?:\s*(?:to|-|–|or)\s*(?P<n2>{_NUM}))?"
_ONE_DET = r"(?:a|an|another|the|his|her|their|its|one)"
# words that end a victim phrase: clause links, prepositions, other outcomes, other verbs
_STOP = (
    r"and|or|but|nor|while|whereas|when|where|who|whom|whose|which|that|were|was|is|are|"
    r"been|be|being|has|have|had|in|at|on|near|during|from|with|by|after|before|as|to|for|"
    r"across|inside|outside|around|between|along|into|onto|over|under|since|while|than|"
    r"injured|wounded|hurt|arrested|captured|abducted|kidnapped|detained|missing|"
    r"injuring|wounding|arresting|capturing|abducting|kidnapping|"
    r"killed|killing|kill|kills|died|dead|death|deaths|fatalities|fatality|shot|stabbed|"
    r"beaten|beat|hacked|burnt|burned|murdered|executed|beheaded|lynched|slain|fatally|"
    r"reportedly|allegedly|reported|also|later|then|all|both|including|among|such|"
    r"bodies|body|corpses|corpse|remains|found|discovered|recovered"
)
_NUMBER_WORD = rf"(?:\d[\d,]*|{_alt(_UNITS)}|{_alt(_TEENS)}|{_alt(_TENS)})"
# (the Islamic State's "IS" is a word of the phrase, not the verb: "2 IS militants were killed")
_W = rf"(?:(?-i:IS)\b|(?!(?:{_STOP}|{_NUMBER_WORD})\b)[\w'’/-]+)"
_WORDS = rf"(?:\s+{_W}){{0,6}}"
_WORDS1 = rf"(?:\s+{_W}){{1,6}}"
_INCL = (
    r"(?:\s*,?\s*\((?:[^()]{0,80})\)"
    r"|\s*,?\s+(?:including|among them|among whom)\s+[^;:()]{0,60}?)?"
)
# one conjunct of a list: a count and its words, or a determiner and a singular noun phrase
_ITEM = (
    rf"(?:(?:{_QUAL}\s+)?{_NUM}(?:\s*(?:to|-|–|or)\s*{_NUM})?{_WORDS}"
    rf"|(?:a|an|the)\s+(?:family|total|group)\s+of\s+(?:{_QUAL}\s+)?{_NUM}"
    rf"|\b{_ONE_DET}{_WORDS1}|\bboth{_WORDS1})"
)
_LATER_ITEM = rf"(?:{_ITEM}|{_W}(?:\s+{_W}){{0,4}})"
_LIST = rf"(?P<list>{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_LATER_ITEM}){{0,6}}){_INCL}"
_AUX = (
    r"(?P<aux>\s+(?:were|was|have been|has been|had been|are|is|being|got|get|to have been))?"
    r"(?:\s+(?:reportedly|allegedly|also|later|all|both|subsequently|then|instantly|"
    r"eventually|reported(?: to have been)?|found|confirmed|believed to have been|"
    r"presumably|apparently)){0,2}"
)
_TO_DEATH = (
    r"(?:(?!sentenced|condemned|sentencing)\w+(?:ed|en|t)\s+(?:and\s+\w+(?:ed|en|t)\s+)?to death|"
    r"(?:shot|stabbed|attacked|beaten|hacked|tortured|wounded|injured|abducted|kidnapped|"
    r"ambushed|assaulted|burnt|burned|lynched|stoned)\s+(?:and|before being|then)\s+"
    r"(?:killed|died|later died|executed|murdered)|"
    r"fatally\s+(?:shot|stabbed|assaulted|attacked|beaten|injured|wounded|hit|struck|burned|burnt))"
)
_DIE = (
    rf"(?:{_TO_DEATH}|killed|killled|kiled|died|dead|slain|lost (?:their|his|her) lives?|deaths?|"
    r"fatalities|fatality|shot dead|shot to death|stabbed to death|beaten to death|"
    r"hacked to death|burnt to death|burned to death|lynched|beheaded|executed|murdered|"
    r"succumbed|perished|found dead|assassinated)"
)
# "killed, injured or captured", "killed and wounded", "killed/injured": not only deaths
_MIXED = (
    r"(?!\s*(?:,|/|\bor\b|\band/or\b|\band\b)\s*(?:or\s+)?"
    r"(?:injured|wounded|hurt|captured|arrested|abducted|injuring|wounding|capturing|missing)\b)"
    r"(?!/)"
)
_KILL = (
    rf"(?:{_TO_DEATH}|shot and killed|shot dead|shot to death|stabbed to death|stabbed and killed|"
    r"hacked to death|beat to death|beaten to death|burnt to death|burned to death|"
    r"fatally (?:shot|stabbed|wounded|injured)|killed|killing|kills|kill|killled|kiled|"
    r"murdered|murdering|executed|executing|beheaded|beheading|lynched|lynching|"
    r"massacred|massacring|assassinated|assassinating)"
)
_CODED = re.compile(
    rf"\b(?:fatalit(?:y|ies)|deaths?|dead|killed|casualties)\b[^.;]{{0,40}}?"
    rf"\bcoded as\s+{_RANGE}\b",
    re.I,
)
_TOTAL = re.compile(
    rf"\b(?:a\s+)?total\s+of\s+{_RANGE}\s+(?:{_W}\s+){{0,3}}?(?:fatalities|deaths|dead|killed|"
    rf"people killed)\b",
    re.I,
)
# "... in Zona 12. 1 fatality", "Fatalities 2 and 1 injured": a bare summary of the toll
_BARE_TOTAL = re.compile(
    rf"(?:^|[.;:\]]\s)\s*[\[(]?{_RANGE}\s+fatalit(?:y|ies)\b\s*(?:[.,;(\[]|$)", re.I
)
_BARE_TOTAL2 = re.compile(rf"(?:^|[.;:\]]\s)\s*fatalities\s*:?\s+{_RANGE}\b", re.I)
_SPLIT_EVENTS = re.compile(
    rf"\b(?:split|spread|divided|distributed|coded)\s+(?:equally\s+|evenly\s+)?"
    rf"(?:among|between|across|over)\s+(?:the\s+)?(?P<k>\d+|{_alt(_UNITS)}|{_alt(_TEENS)})"
    rf"\s+(?:\w+\s+)?events?\b",
    re.I,
)
_IN_TOTAL = re.compile(rf"\b{_RANGE}\s+(?:fatalities|deaths|dead)\s+in\s+total\b", re.I)
_TOLL = re.compile(
    rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?{_RANGE}\b(?!\s*(?:%|per\s*cent|percent))", re.I
)
_PASSIVE = re.compile(rf"\b{_LIST}{_AUX}\s+(?P<die>{_DIE})\b{_MIXED}", re.I)
_ACTIVE = re.compile(
    rf"(?<![/\w])(?:{_KILL})\s+{_LIST}\b"
    r"(?!\s+(?:were\s+|are\s+|others\s+(?:were\s+|are\s+)?)?(?:injured|wounded|hurt)\b)",
    re.I,
)
_ACTIVE_TO_DEATH = re.compile(
    r"(?<![/\w])(?:stabbed|beat|beaten|hacked|shot|burned|burnt|stoned|tortured|starved|"
    rf"clubbed|kicked|strangled|choked|bludgeoned)\s+{_LIST}\s+to death\b",
    re.I,
)
_RESULT_ONE = re.compile(
    r"\b(?:resulting in|resulted in|leading to|led to|causing|caused)\s+(?P<one>his|her)\s+"
    r"death\b",
    re.I,
)
# "struck his car, killing him": one dead, named by the pronoun
_KILLED_ONE = re.compile(
    r"\b(?:killing|killed|kills)\s+(?P<one>him|her)\b"
    r"(?!\s+and\s+(?:his|her|their|a|an|the|one|two|three|four|five|\d+)\b)",
    re.I,
)
_REPORTED_RANGE = re.compile(
    rf"\b(?:fatalities|deaths|death tolls?|tolls?|figures?)\s+(?:\w+\s+){{0,2}}?"
    rf"(?:range|ranged|ranging|vary|varied|varies)\s+(?:from|between)\s+{_RANGE}\b",
    re.I,
)
# a second figure from another source is an alternative, not more deaths
_ALTERNATIVE = re.compile(
    r"\b(?:other|another|different|separate|some|local|unconfirmed)\s+(?:sources?|reports?|"
    r"accounts?|media|residents|witnesses)\b|\bwhile others\b|\bor\s+(?:as many as\s+)?$"
    r"|\b(?:put|puts|gave|gives|placed)\s+the\s+(?:toll|figure|number)\b",
    re.I,
)
_RESULT = re.compile(
    rf"\b(?:resulting in|resulted in|leading to|led to|causing|caused|left)\s+(?:the\s+)?"
    rf"(?:deaths?|killing)\s+of\s+{_LIST}",
    re.I,
)
_BODIES = re.compile(
    rf"\b(?:bod(?:y|ies)|corpses?|remains)\s+of\s+{_LIST}"
    rf"|\b(?P<list2>(?:{_QUAL}\s+)?{_NUM}(?:\s+{_W}){{0,2}}?\s+(?:dead\s+)?(?:bodies|corpses))\b"
    r"|\b(?P<one>a|one)\s+(?:dead\s+)?(?:body|corpse)\s+(?:was|has been|had been)\s+"
    r"(?:found|discovered|recovered|retrieved)\b",
    re.I,
)
_SINGULAR_PASSIVE = re.compile(
    r"\b(?:was|has been|had been)\s+(?:(?:reportedly|allegedly|also|later|then|subsequently|"
    r"instantly|found)\s+)?(?:killed|assassinated|shot dead|shot to death|stabbed to death|"
    r"beaten to death|hacked to death|burnt to death|burned to death|lynched|beheaded|"
    r"executed|murdered|found dead|slain)\b" + _MIXED
    + r"|\b(?:was|has been|had been)\s+" + _TO_DEATH
    + r"|\b(?:he|she)\s+(?:later\s+|subsequently\s+|eventually\s+)?(?:died|succumbed)\b",
    re.I,
)  # fmt: skip
_ZERO = re.compile(
    r"\b(?:no|zero)\s+(?:(?:reported|known|immediate|confirmed|reports?\s+(?:on|of))\s+)?"
    r"(?:(?:injuries|casualties)\s+(?:or|and|nor)\s+)?(?:fatalities|deaths)\b"
    r"|\bneither\s+(?:injuries|casualties)\s+nor\s+(?:fatalities|deaths)\b"
    r"|\b(?:no one|nobody|none)\s+(?:was|were|had been|has been)\s+killed\b"
    r"|\bwithout\s+(?:any\s+)?(?:fatalities|deaths|loss of life)\b",
    re.I,
)
_UNKNOWN = re.compile(r"\b(?:unknown|unspecified|undisclosed|undetermined|number|numbers)\b", re.I)
_SUBSUMED = re.compile(
    r"(?:including|among them|among whom|among|of whom|such as|incl\.)\s*$", re.I
)
_SPLIT = re.compile(r"\s*,(?!\d{3}\b)\s*(?:and\s+)?|\s+and\s+", re.I)
_BARE = re.compile(rf"^\s*{_NUM}\s*$", re.I)
_OBJECT_OF = re.compile(r"\b(?:of|for|to|with|from|by|at|in|on|who|whom|which)\s*$", re.I)
_VERB_LEAD = re.compile(r"\b(\w+ed|shot|hit|struck|beat|saw|left|stole|set)\s*$", re.I)
_REPORTING = {"reported", "confirmed", "claimed", "stated", "added", "noted", "announced",
              "revealed", "indicated", "estimated", "suggested", "alleged", "believed",
              "killed", "feared", "warned", "recorded", "counted", "listed", "named"}  # fmt: skip
_LEAD = re.compile(
    r"\b(?:after|before|during|in|on|at|with|following|amid|when|while|by|from|as|since|for|"
    r"despite|under|near|into|through|to)\s*$",
    re.I,
)
_COUNT_RE = re.compile(
    rf"^(?:(?P<fam>(?:a|an|the)\s+(?:family|total|group)\s+of)\s+)?{_RANGE}", re.I
)
_COLLECTIVE = {"people", "police", "personnel", "staff", "men", "women", "children", "youth",
               "cattle", "troops", "forces", "militia", "crew", "military", "army", "family",
               "group", "number", "others", "villagers"}  # fmt: skip
_PAIR = {"couple": 2, "pair": 2}
_UNITS_OF_MEASURE = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "km", "kilometres", "kilometers", "miles", "mile",
    "metres", "meters", "times", "percent", "per", "%", "am", "pm", "o'clock", "decades",
    # a day of a month is a date: "wounded on 11 April died of his wounds"
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_PARTICLES = {"out", "up", "down", "off", "away", "back", "place", "fire"}
_ED_NOUNS = {"deceased", "accused", "bed", "red"}


@dataclass
class _Hit:
    low: int
    high: int
    start: int
    end: int
    rule: str
    strength: int  # 2: a number; 1: a determiner


def _number(text: str) -> tuple[int, int] | None:
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in {"a", "an"}:
        return 1, 1
    if t in _VAGUE:
        return _VAGUE[t]
    if t in _NUM_WORDS:
        return _NUM_WORDS[t], _NUM_WORDS[t]
    parts = re.split(r"[\s-]", t)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        n = _TENS[parts[0]] + _UNITS[parts[1]]
        return n, n
    digits = t.replace(",", "")
    if digits.isdigit():
        n = int(digits)
        return n, n
    return None


def _range(m: re.Match[str]) -> tuple[int, int] | None:
    first = _number(m.group("n"))
    if first is None:
        return None
    low, high = first
    if m.group("n2"):
        second = _number(m.group("n2"))
        if second is not None:
            low, high = min(low, second[0]), max(high, second[1])
    qual = re.sub(r"\s+", " ", (m.group("qual") or "").strip().lower())
    if qual in {"more than", "over"}:
        low += 1
        high = max(high, low)
    return low, high


def _singular(words: str, subject: bool = True) -> bool:
    """The head of a determiner's phrase names one person: 'a doctor', 'the head of the
    council', 'his brother' -- not 'the soldiers', 'an unknown number'."""
    head_part = re.split(r"\s+of\s+", words.strip(), maxsplit=1, flags=re.I)[0]
    tokens = [t.lower().strip("'’") for t in head_part.split()]
    if not tokens:
        return False
    while not subject and len(tokens) > 1 and tokens[-1].endswith("ed"):
        tokens = tokens[:-1]  # an object: "killed a police officer attached to ..."
    for i, tok in enumerate(tokens[1:-1], start=1):
        if tok.endswith("ed") and tok not in _ED_NOUNS:
            tokens = tokens[:i]  # "a police officer attached to ...": a participle's phrase
            break
    head = tokens[-1]
    if _UNKNOWN.search(head_part) or head in _COLLECTIVE:
        return False
    if head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return False
    # "a shoot-out broke out", "a clash erupted": a clause, not a victim
    return head not in _PARTICLES and not (head.endswith("ed") and head not in _ED_NOUNS)


def _item_count(item: str, subject: bool = True) -> tuple[int, int, int] | None:
    """(low, high, strength) of one conjunct, None where it gives no figure."""
    item = item.strip()
    if not item or (_UNKNOWN.search(item) and not re.match(r"^\d", item)):
        return None
    m = _COUNT_RE.match(item)
    if m:
        rng = _range(m)
        unit = re.match(r"\s*([\w-]+)", item[m.end() :])
        if unit and unit.group(1).lower() in _UNITS_OF_MEASURE:
            return None  # "killed over two days", "killed 5 km from the town"
        if rng is not None:
            return rng[0], rng[1], 2
    both = re.match(r"^both\s+(\S+)", item, re.I)
    if both:
        return (2, 2, 1) if not _UNKNOWN.search(item) else None
    det = re.match(rf"^({_ONE_DET})\s+(.+)$", item, re.I)
    if det is None:
        return None
    words = det.group(2)
    first = words.split()[0].lower()
    if first in _PAIR:
        return _PAIR[first], _PAIR[first], 1
    if _singular(words, subject):
        return 1, 1, 1
    return None


def _lead(before: str) -> str:
    """'verb' or 'prep' where the words before a subject list govern its first conjunct."""
    if _LEAD.search(before):
        return "prep"
    verb = _VERB_LEAD.search(before)
    if verb and verb.group(1).lower() not in _REPORTING:
        return "verb"
    return ""


def _list_count(
    text: str, lead: str = "", subject: bool = True
) -> tuple[int, int, int, int] | None:
    """Sum of the conjuncts of a victim list: 'Two Somali citizens and four Kenyan citizens'.
    A bare number before another conjunct is a date ('On 8 May 2020, 5 soldiers'); after a
    preposition or a verb (``lead``) the first conjunct is its object ('After a heavy fight,
    five militants ...', 'attacked a bus and two passengers died').
    (low, high, strength, offset of the first counted conjunct)."""
    low = high = strength = 0
    first = -1
    seps = list(_SPLIT.finditer(text))
    bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(text)]
    parts = [(bounds[i], text[bounds[i] : bounds[i + 1]]) for i in range(0, len(bounds), 2)]
    # the separator before each part ("" before the first)
    joins = ["", *(("and" if re.search(r"\band\b", m.group(0), re.I) else ",") for m in seps)]
    if len(parts) > 1 and (lead == "verb" or (lead == "prep" and joins[1] == ",")):
        parts, joins = parts[1:], ["", *joins[2:]]
    # "A, B and C": comma conjuncts need a closing "and"; what follows it is no conjunct
    # ("killing 12 civilians, the Observatory said")
    while len(parts) > 1 and _BARE.match(parts[0][1]) and joins[1] == ",":
        parts, joins = parts[1:], ["", *joins[2:]]  # "On 8 May 2020, 5 soldiers ..."
    last_and = max((i for i, j in enumerate(joins) if j == "and"), default=0)
    parts = parts[: last_and + 1]
    for offset, part in parts:
        got = _item_count(part, subject)
        if got is None:
            continue
        first = offset if first < 0 else first
        low, high, strength = low + got[0], high + got[1], max(strength, got[2])
    return (low, high, strength, first) if first >= 0 else None


_TRANSITIVE = re.compile(_KILL, re.I)
_OBJECT_NEXT = re.compile(
    r"\s+(?!(?:in|at|on|near|during|and|or|as|when|while|after|before|by|from|inside|"
    r"across|amid|following|over|since|with|according|reportedly|allegedly)\b)[\w(]",
    re.I,
)


def _active_subject(pattern: re.Pattern[str], m: re.Match[str], text: str) -> bool:
    """'Two gunmen killed a man': the list before an active verb is the killers."""
    if pattern is not _PASSIVE or m.group("aux"):
        return False
    if re.match(rf"\s+{_NUM}\s+(?:injured|wounded|hurt)\b", text[m.end() :], re.I):
        return False  # "1 killed 3 injured"
    if not _TRANSITIVE.fullmatch(m.group("die")):
        return False
    return _OBJECT_NEXT.match(text, m.end()) is not None


def _list_hits(pattern: re.Pattern[str], text: str, rule: str) -> list[_Hit]:
    hits = []
    for m in pattern.finditer(text):
        group = "list"
        if "list2" in pattern.groupindex and m.group("list2"):
            group = "list2"
        if "one" in pattern.groupindex and m.group("one"):
            hits.append(_Hit(1, 1, m.start("one"), m.end(), rule, 1))
            continue
        if m.group(group) is None or _active_subject(pattern, m, text):
            continue
        span = m.group(group)
        if group == "list2":
            span = re.sub(r"\s+(?:dead\s+)?(?:bodies|corpses)$", "", span, flags=re.I)
        before = text[max(0, m.start(group) - 14) : m.start(group)]
        lead = _lead(before) if pattern is _PASSIVE else ""
        got = _list_count(span, lead, pattern is _PASSIVE)
        if got is None:
            continue
        if pattern is _PASSIVE and got[2] == 1 and _OBJECT_OF.search(before):
            continue  # "workers of the Institute were found dead": not the victims' phrase
        hits.append(_Hit(got[0], got[1], m.start(group) + got[3], m.end(), rule, got[2]))
    return hits


def _one(pattern: re.Pattern[str], text: str, rule: str) -> _Hit | None:
    m = pattern.search(text)
    if m is None:
        return None
    rng = _range(m)
    if rng is None:
        return None
    return _Hit(rng[0], rng[1], m.start("n"), m.end(), rule, 2)


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits, stronger (then longer, then earlier) first."""
    chosen: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (-h.strength, -(h.end - h.start), h.start)):
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


_QUOTE_MARKS = str.maketrans({'"': " ", "\u201c": " ", "\u201d": " "})


def find_fatalities(text: str) -> tuple[int, int, int, int, str] | None:
    """(low, high, start, end, rule) of the death count a sentence reports, if any.
    "at least 620" -> 620..620, "30 to 50" -> 30..50, "dozens" -> 12..99, "more than N" ->
    N+1 as the low figure; "5 soldiers and 1 officer were killed" -> 6; "no fatalities
    were reported" -> 0; "78 were killed [fatalities split between 2 events]" -> 39."""
    # quotation marks around a figure ('leaving "dozens" dead') read as spaces (same offsets)
    got = _find(text.translate(_QUOTE_MARKS))
    if got is None or got[4] == "fatalities-coded":
        return got
    split = _SPLIT_EVENTS.search(text)
    if split is None:
        return got
    k = _number(split.group("k"))
    if k is None or k[0] < 2:
        return got
    low, high, start, end, rule = got
    return low // k[0], high // k[0], start, end, f"{rule}+split"


def _find(text: str) -> tuple[int, int, int, int, str] | None:
    for pattern, rule in (
        (_CODED, "fatalities-coded"),
        (_TOTAL, "fatalities-total"),
        (_IN_TOTAL, "fatalities-total"),
        (_BARE_TOTAL, "fatalities-total"),
        (_BARE_TOTAL2, "fatalities-total"),
    ):
        hit = _one(pattern, text, rule)
        if hit is not None and hit.low <= 100_000:
            return hit.low, hit.high, hit.start, hit.end, hit.rule
    hits = [
        *_list_hits(_PASSIVE, text, "fatalities-passive"),
        *_list_hits(_ACTIVE, text, "fatalities-active"),
        *_list_hits(_RESULT, text, "fatalities-result"),
        *_list_hits(_BODIES, text, "fatalities-bodies"),
        *_list_hits(_ACTIVE_TO_DEATH, text, "fatalities-active"),
        *_list_hits(_RESULT_ONE, text, "fatalities-result"),
        *_list_hits(_KILLED_ONE, text, "fatalities-result"),
    ]
    reported = _one(_REPORTED_RANGE, text, "fatalities-range")
    if reported is not None:
        hits.append(reported)
    hits = [h for h in hits if not _SUBSUMED.search(text[max(0, h.start - 20) : h.start])]
    hits = [h for h in _resolve(hits) if h.low <= 100_000]
    if hits:
        low, high = hits[0].low, hits[0].high
        for prev, h in itertools.pairwise(hits):
            if _ALTERNATIVE.search(text[prev.end : h.start]):
                low, high = min(low, h.low), max(high, h.high)  # the lowest credible figure
            else:
                low, high = low + h.low, high + h.high
        rule = "+".join(dict.fromkeys(h.rule for h in hits))
        return low, high, hits[0].start, hits[-1].end, rule
    toll = _one(_TOLL, text, "fatalities-toll")
    if toll is not None and toll.low <= 100_000:
        return toll.low, toll.high, toll.start, toll.end, toll.rule
    m = _SINGULAR_PASSIVE.search(text)
    if m is not None:
        return 1, 1, m.start(), m.end(), "fatalities-singular"
    m = _ZERO.search(text)
    if m is not None:
        return 0, 0, m.start(), m.end(), "fatalities-none"
    return None
