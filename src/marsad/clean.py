"""clean stage: an :class:`Article`'s raw text to a :class:`Document` of clean paragraphs.

Drops page clutter that scraped news carries ("4 min read", photo captions, bylines, share
buttons, a repeated title, a lone dateline, stray fragments) and verbatim or near-verbatim
repeated sentences and paragraphs, keeping a record of every dropped span and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.records import Article, Document, DroppedSpan

_BOILERPLATE = [
    (re.compile(r"^\d+\s*(?:min(?:ute)?s?|mins?)\.?\s+read$", re.I), "reading time"),
    (
        re.compile(
            r"^(?:read more|related|advertisement|share|share this|subscribe.*|"
            r"sign up.*|follow us.*|click here.*|comments?|print|email|tweet|"
            r"image copyright.*|image caption.*|getty images|skip to .*)$",
            re.I,
        ),
        "page furniture",
    ),
    (re.compile(r"^(?:photo|picture|image|video)\s*[:(].*$", re.I), "caption"),
    (
        re.compile(
            r".*\[(?:AFP|AP|Reuters|Getty|EPA|Anadolu|file photo|archive)[^\]]*\]\s*$", re.I
        ),
        "caption",
    ),
    (re.compile(r".*\((?:AFP|AP|Reuters|Getty Images|EPA)(?:\s*photo)?\)\s*$"), "caption"),
    (re.compile(r"^(?:by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}|staff writer)$"), "byline"),
    (re.compile(r"^(?:last\s+)?(?:updated|published)\s*:?.{0,40}$", re.I), "timestamp"),
    (re.compile(r"^\W*\d{1,2}\s+\w+,?\s+\d{4}\W*$|^\W*\w+\s+\d{1,2},?\s+\d{4}\W*$"), "dateline"),
    (re.compile(r"^\W*\d{4}-\d{2}-\d{2}(?:[ T][\d:.]+Z?)?\W*$"), "dateline"),
]

# A sentence end, for the duplicate check only (spaCy does the real sentence split later).
_SENT_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
_STRAY_TAIL = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+([a-z][a-z'-]{0,15}\.?)\s*$")
_WORD = re.compile(r"[^\W_]+")
# "MOGADISHU, 16 October 2017 - ", "ALEPPO, Syria, 22 December 2016 — ", "KABUL (Reuters) - ":
# where the reporter filed from, not where anything happened.
_DATELINE_PREFIX = re.compile(
    r"^[A-Z][A-Z'. -]{2,30}(?:,\s*[A-Z][\w .'-]{1,30})?"
    r"(?:,\s*\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|,\s*[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})?"
    r"\s*(?:\([A-Za-z. ]+\))?\s*[-–—]+\s+"
)
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]$")


@dataclass(slots=True)
class _Sent:
    text: str
    shingles: frozenset[tuple[str, ...]]
    keep: bool = True


def _shingles(text: str, k: int = 3) -> frozenset[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < k:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + k]) for i in range(len(words) - k + 1))


def _split_blocks(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks; within a block, a line that ends a sentence
    (or is short like a heading) ends a paragraph, other lines are hard wraps."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        current: list[str] = []
        for line in lines:
            current.append(line)
            if _TERMINAL.search(line) or len(line) < 60:
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
    return [re.sub(r"[ \t\u00a0]+", " ", p).strip() for p in paragraphs if p.strip()]


def _boilerplate_reason(para: str, title: str | None) -> str | None:
    for pattern, reason in _BOILERPLATE:
        if pattern.match(para):
            return reason
    if title and para.casefold().strip(" .") == title.casefold().strip(" ."):
        return "repeated title"
    if len(_WORD.findall(para)) <= 2 and not _TERMINAL.search(para):
        return "stray fragment"
    return None


def _looks_like_title(para: str) -> bool:
    words = _WORD.findall(para)
    return 2 <= len(words) <= 20 and not re.search(r"[.!?]$", para)


def clean(article: Article) -> Document:
    """Clean an article into a Document (text, paragraph offsets, dropped spans)."""
    dropped: list[DroppedSpan] = []
    paragraphs = _split_blocks(article.text)
    title = article.title
    if title is None and len(paragraphs) > 1 and _looks_like_title(paragraphs[0]):
        title = paragraphs[0]
        article.title = title
    if title and len(paragraphs) > 1 and paragraphs[0].casefold() == title.casefold():
        dropped.append(DroppedSpan(paragraphs[0], "title"))
        paragraphs = paragraphs[1:]

    dateline = None
    if paragraphs:
        m = _DATELINE_PREFIX.match(paragraphs[0])
        if m:
            # Kept as a paragraph of its own: where the report was filed is the place of
            # last resort for its events, never a sentence of the story.
            dateline = re.sub(r"[\s\-–—]+$", "", m.group(0)).strip()
            paragraphs[0] = paragraphs[0][m.end() :]

    kept_paras: list[list[_Sent]] = []
    seen: list[_Sent] = []
    for para in paragraphs:
        reason = _boilerplate_reason(para, title)
        if reason:
            dropped.append(DroppedSpan(para, reason))
            continue
        stray = _STRAY_TAIL.search(para)
        if stray and len(_WORD.findall(stray.group(1))) == 1:
            dropped.append(DroppedSpan(stray.group(1), "stray fragment"))
            para = para[: stray.start()].rstrip()
        sents: list[_Sent] = []
        for text in _SENT_SPLIT.split(para):
            sent = _Sent(text, _shingles(text))
            if _mark_repeat(sent, seen, dropped):
                sents.append(sent)
                seen.append(sent)
        if sents:
            kept_paras.append(sents)

    out_paras = [dateline] if dateline else []
    for sents in kept_paras:
        text = " ".join(s.text for s in sents if s.keep)
        if text:
            out_paras.append(text)
    document = _assemble(article, out_paras, dropped)
    if dateline:
        document.dateline = document.paragraphs[0]
    return document


def _mark_repeat(sent: _Sent, seen: list[_Sent], dropped: list[DroppedSpan]) -> bool:
    """False when ``sent`` repeats an earlier sentence; an earlier, shorter sentence that
    ``sent`` repeats and extends is dropped instead (the fuller telling is kept)."""
    if len(sent.shingles) < 4:
        return True
    for prev in seen:
        if not prev.keep or len(prev.shingles) < 4:
            continue
        common = len(sent.shingles & prev.shingles)
        if common >= 0.8 * len(sent.shingles):
            dropped.append(DroppedSpan(sent.text, "repeated sentence"))
            return False
        if common >= 0.9 * len(prev.shingles):
            prev.keep = False
            dropped.append(DroppedSpan(prev.text, "repeated sentence (a fuller repeat kept)"))
    return True


def _assemble(article: Article, paragraphs: list[str], dropped: list[DroppedSpan]) -> Document:
    offsets: list[tuple[int, int]] = []
    pos = 0
    for para in paragraphs:
        offsets.append((pos, pos + len(para)))
        pos += len(para) + 2
    return Document(
        article=article, text="\n\n".join(paragraphs), paragraphs=offsets, dropped=dropped
    )
