"""ingest stage: files (.txt, .html, .jsonl) in, :class:`Article` records out.

Bad input never raises out of :func:`read_paths`: each problem becomes an
:class:`InputError` naming the file (and line) and what is wrong, and the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from marsad.records import Article

MAX_BYTES = 10 * 1024 * 1024  # an article larger than this is not a news article
MIN_WORDS = 5

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(slots=True)
class InputError:
    """One bad input: where, and what is wrong with it, in one line."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


class InputProblem(ValueError):
    """Raised inside the stage; turned into an :class:`InputError` at the batch level."""


def article_id(text: str) -> str:
    """Content hash of the article text (whitespace-normalised), 16 hex characters."""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def parse_published(value: str | date | None) -> date | None:
    """A YYYY-MM-DD (or ISO datetime) string to a date; impossible dates are an error."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if not m:
        raise InputProblem(f"date {text!r} is not YYYY-MM-DD")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise InputProblem(f"date {text!r} is impossible: {exc}") from None


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATELINE_PATTERNS = (
    re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})\.?,?\s+(\d{{4}})\b", re.I),
    re.compile(rf"\b({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
)
_MONTH_NUM = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


def find_dateline(text: str, head_chars: int = 600) -> date | None:
    """A publication date written near the top of the text ("KABUL, 29 September 2015 —",
    "04 February, 2017", "Feb 4, 2017", "2017-02-04")."""
    head = text[:head_chars]
    best: tuple[int, date] | None = None
    for i, pattern in enumerate(_DATELINE_PATTERNS):
        for m in pattern.finditer(head):
            try:
                if i == 0:
                    d = date(int(m.group(3)), _MONTH_NUM[m.group(2).lower()], int(m.group(1)))
                elif i == 1:
                    d = date(int(m.group(3)), _MONTH_NUM[m.group(1).lower()], int(m.group(2)))
                else:
                    d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except (ValueError, KeyError):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), d)
            break
    return best[1] if best else None


_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "are",
        "were",
        "has",
        "have",
        "had",
        "be",
        "been",
        "this",
        "which",
        "or",
        "an",
        "their",
        "its",
        "they",
        "he",
        "she",
        "but",
        "not",
        "after",
        "said",
        "will",
    ]
)


def check_text(text: str) -> str:
    """Normalise a decoded text and reject what is not an English news article."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "")
    stripped = text.strip()
    if not stripped:
        raise InputProblem("empty: no text to read")
    controls = sum(1 for ch in stripped if unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    if controls > max(2, len(stripped) // 100):
        raise InputProblem("looks binary: control characters in the text")
    words = re.findall(r"[^\W\d_]+", stripped)
    if len(words) < MIN_WORDS:
        raise InputProblem(f"too short: {len(words)} words, need at least {MIN_WORDS}")
    latin = sum(1 for w in words if w.isascii())
    english = sum(1 for w in words if w.lower() in _ENGLISH_WORDS)
    if len(words) >= 20 and (latin / len(words) < 0.5 or english / len(words) < 0.04):
        raise InputProblem("not English: marsad reads English-language reports only")
    return text


def decode_bytes(data: bytes) -> str:
    if not data.strip():
        raise InputProblem("empty: no text to read")
    if b"\x00" in data[:8192]:
        raise InputProblem("looks binary: NUL bytes in the file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputProblem(f"invalid UTF-8 at byte {exc.start}: save the file as UTF-8") from None


def html_to_article_fields(html: str) -> dict[str, object]:
    """Main text, title and date of an HTML page, with trafilatura (and htmldate)."""
    import trafilatura

    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True
        )
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # trafilatura raises a variety of parser errors
        raise InputProblem(f"malformed HTML: {type(exc).__name__}") from None
    if not text or not text.strip():
        raise InputProblem("HTML page has no readable article text")
    fields: dict[str, object] = {"text": text}
    if meta is not None:
        if meta.title:
            fields["title"] = meta.title
        if meta.date:
            try:
                fields["published"] = parse_published(meta.date)
                fields["published_method"] = "html-metadata"
            except InputProblem:
                pass
        if meta.url:
            fields["url"] = meta.url
        if meta.sitename:
            fields["source"] = meta.sitename
    return fields


def make_article(
    text: str,
    *,
    origin: str,
    published: date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published_method: str | None = None,
    require_date: bool = True,
) -> Article:
    """Build an :class:`Article` from text, finding the publication date if not given."""
    text = check_text(text)
    pub = parse_published(published) if published is not None else None
    method = published_method or ("given" if pub else None)
    if pub is None:
        pub = find_dateline(text)
        method = "dateline" if pub else None
    if pub is None and require_date:
        raise InputProblem(
            "no publication date: pass --published YYYY-MM-DD, or give HTML metadata or a dateline"
        )
    return Article(
        id=article_id(text),
        text=text,
        origin=origin,
        source=source,
        url=url,
        title=title,
        published=pub,
        published_method=method,
        language="en",
    )


def read_text_file(
    path: Path, published: date | None, source: str | None, require_date: bool = True
) -> Article:
    data = _read_bytes(path)
    text = decode_bytes(data)
    return make_article(
        text,
        origin=str(path),
        published=published,
        source=source or path.stem,
        require_date=require_date,
    )


def read_html_file(
    path: Path, published: date | None, source: str | None, require_date: bool = True
) -> Article:
    data = _read_bytes(path)
    html = decode_bytes(data)
    fields = html_to_article_fields(html)
    return make_article(
        str(fields["text"]),
        origin=str(path),
        published=published or fields.get("published"),  # type: ignore[arg-type]
        published_method=None if published else fields.get("published_method"),  # type: ignore[arg-type]
        source=source or fields.get("source") or path.stem,  # type: ignore[arg-type]
        url=fields.get("url"),  # type: ignore[arg-type]
        title=fields.get("title"),  # type: ignore[arg-type]
        require_date=require_date,
    )


def read_jsonl_file(
    path: Path, published: date | None, source: str | None, require_date: bool = True
) -> Iterator[Article | InputError]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot open: {exc.strerror}")
        return
    with handle:
        seen_any = False
        for lineno, raw in enumerate(handle, start=1):
            origin = f"{path}:{lineno}"
            if not raw.strip():
                continue
            seen_any = True
            try:
                if len(raw) > MAX_BYTES:
                    raise InputProblem(f"line is {len(raw) // 1024} KiB, over the size limit")
                line = decode_bytes(raw)
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputProblem(f"bad JSON: {exc.msg} at column {exc.colno}") from None
                if not isinstance(obj, dict):
                    raise InputProblem("bad JSONL line: expected an object")
                yield _article_from_record(obj, origin, published, source, require_date)
            except InputProblem as exc:
                yield InputError(origin, str(exc))
        if not seen_any:
            yield InputError(str(path), "empty: no JSONL lines")


def _article_from_record(
    obj: dict[str, object],
    origin: str,
    published: date | None,
    source: str | None,
    require_date: bool,
) -> Article:
    text = obj.get("text")
    html = obj.get("html")
    fields: dict[str, object] = {}
    if isinstance(text, str) and text.strip():
        fields["text"] = text
    elif isinstance(html, str) and html.strip():
        fields = html_to_article_fields(html)
    else:
        raise InputProblem("record has no 'text' or 'html'")
    rec_pub = obj.get("published") or obj.get("date")
    pub = published or (parse_published(str(rec_pub)) if rec_pub else None)
    return make_article(
        str(fields["text"]),
        origin=origin,
        published=pub or fields.get("published"),  # type: ignore[arg-type]
        published_method="given" if pub else fields.get("published_method"),  # type: ignore[arg-type]
        source=source or _opt_str(obj.get("source")) or _opt_str(fields.get("source")),
        url=_opt_str(obj.get("url")) or _opt_str(fields.get("url")),
        title=_opt_str(obj.get("title")) or _opt_str(fields.get("title")),
        require_date=require_date,
    )


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputProblem(f"cannot read: {exc.strerror}") from None
    if size > MAX_BYTES:
        raise InputProblem(
            f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // (1024 * 1024)} MiB limit "
            "for one article (split it, or use .jsonl with one article per line)"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputProblem(f"cannot read: {exc.strerror}") from None


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files as given; directories expanded to the readable files inside, sorted."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in (
                    HTML_SUFFIXES | JSONL_SUFFIXES | {".txt"}
                ):
                    yield child
        elif path.exists():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    source: str | None = None,
    require_date: bool = True,
) -> Iterator[Article | InputError]:
    """Every article in the given files, in order, with an InputError for each bad one."""
    for path in expand_paths(paths):
        if isinstance(path, InputError):
            yield path
            continue
        suffix = path.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                yield from read_jsonl_file(path, published, source, require_date)
            elif suffix in HTML_SUFFIXES:
                yield read_html_file(path, published, source, require_date)
            else:
                yield read_text_file(path, published, source, require_date)
        except InputProblem as exc:
            yield InputError(str(path), str(exc))
