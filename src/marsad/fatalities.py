"""Death counts in text: numbers, number words, vague quantities and ranges.

``find_fatalities`` reads one sentence and returns the reported toll as a low and high
figure (ACLED's ``fatalities`` is the lowest reported figure), the span it came from and the
rule that matched. It knows nothing of events; :mod:`marsad.events` decides which event a
toll belongs to.
"""

from __future__ import annotations

import re

_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_VAGUE = {
    "a few": (2, 5), "few": (2, 5), "several": (3, 9), "dozens": (24, 99), "dozens of": (24, 99),
    "scores": (40, 99), "scores of": (40, 99), "hundreds": (200, 999), "hundreds of": (200, 999),
    "a number of": (2, 9), "many": (10, 99), "tens of": (20, 99),
}  # fmt: skip
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|"
    + "|".join(sorted((re.escape(k) for k in _NUM_WORDS), key=len, reverse=True))
    + r"|"
    + "|".join(sorted((re.escape(k) for k in _VAGUE), key=len, reverse=True))
    + r")"
)
_QUAL = r"(?:at least|more than|over|nearly|almost|around|about|some|up to|as many as|roughly)"
_DEATH = (
    r"(?:killed|dead|died|slain|lost their lives|deaths|fatalities|fatality|bodies|"
    r"shot dead|shot to death|beheaded|executed|murdered)"
)
_FATALITY_PATTERNS = [
    re.compile(
        rf"\b(?P<qual>{_QUAL}\s+)?(?P<n>{_NUM})(?:\s*(?:to|-|–|or)\s*(?P<n2>{_NUM}))?"
        rf"(?:\s+[\w-]+){{0,5}}?\s+(?:(?:were|was|have been|had been|are|being)\s+)?{_DEATH}\b",
        re.I,
    ),
    re.compile(
        rf"\b(?:killed|killing|kills|kill)\s+(?P<qual>{_QUAL}\s+)?(?P<n>{_NUM})"
        rf"(?:\s*(?:to|-|–|or)\s*(?P<n2>{_NUM}))?\b",
        re.I,
    ),
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?(?P<qual>{_QUAL}\s+)?(?P<n>{_NUM})\b", re.I),
    # "a man was shot dead", "one soldier was killed": one death
    re.compile(
        r"\b(?P<n>a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:was|has been|had been|is)\s+"
        r"(?:killed|shot dead|shot and killed|shot to death|beheaded|executed|murdered|slain)\b",
        re.I,
    ),
]


def _number(text: str) -> tuple[int, int] | None:
    t = text.lower().strip()
    if t in {"a", "an"}:
        return 1, 1
    if t in _VAGUE:
        return _VAGUE[t]
    if t in _NUM_WORDS:
        return _NUM_WORDS[t], _NUM_WORDS[t]
    digits = t.replace(",", "")
    if digits.isdigit():
        n = int(digits)
        return n, n
    return None


def find_fatalities(text: str) -> tuple[int, int, int, int, str] | None:
    """(low, high, start, end, rule) of the death count a sentence reports, if any.
    "at least 620" -> 620..None-bounded high (kept equal), "30 to 50" -> 30..50,
    "dozens" -> 24..99; "more than N" -> N+1 as the low figure."""
    for i, pattern in enumerate(_FATALITY_PATTERNS):
        m = pattern.search(text)
        if not m:
            continue
        first = _number(m.group("n"))
        if first is None:
            continue
        low, high = first
        if m.groupdict().get("n2"):
            second = _number(m.group("n2"))
            if second is not None:
                high = max(high, second[1])
        qual = (m.groupdict().get("qual") or "").strip().lower()
        if qual in {"more than", "over"}:
            low += 1
            high = max(high, low)
        if low > 100_000:
            continue
        return low, high, m.start("n"), m.end(), f"fatalities-pattern-{i + 1}"
    return None
