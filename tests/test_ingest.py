from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.ingest import (
    MAX_BYTES,
    Article,
    InputError,
    InputProblem,
    article_id,
    find_dateline,
    parse_published,
    read_paths,
)

REPORT = (
    "ALEPPO, 22 December 2016 — Syrian government forces said on Thursday that they had "
    "taken full control of the city after the last rebel fighters left eastern districts."
)


def _one(items: list[Article | InputError]) -> Article | InputError:
    assert len(items) == 1
    return items[0]


def test_txt_with_dateline(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(REPORT, encoding="utf-8")
    art = _one(list(read_paths([p])))
    assert isinstance(art, Article)
    assert art.published == date(2016, 12, 22)
    assert art.published_method == "dateline"
    assert art.id == article_id(REPORT)


def test_published_flag_wins(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(REPORT, encoding="utf-8")
    art = _one(list(read_paths([p], published=date(2016, 12, 23))))
    assert isinstance(art, Article) and art.published == date(2016, 12, 23)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        ("Caf\u00e9 bombing in the city killed many".encode("latin-1"), "invalid UTF-8"),
        (b"Too short.", "too short"),
        (
            "Les forces gouvernementales ont repris le contr\u00f4le de la ville apr\u00e8s "
            "des combats qui ont dur\u00e9 plusieurs jours selon des sources locales "
            "dans la r\u00e9gion du nord du pays le 3 mars 2017".encode(),
            "not English",
        ),
        (
            b"Government forces took the town after heavy fighting with rebels overnight.",
            "no publication date",
        ),
    ],
)
def test_bad_text_files_get_one_line_errors(tmp_path: Path, content: bytes, needle: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    item = _one(list(read_paths([p])))
    assert isinstance(item, InputError)
    assert needle in item.message
    assert str(p) in str(item) and "\n" not in str(item)


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    item = _one(list(read_paths([p])))
    assert isinstance(item, InputError) and "limit" in item.message


def test_jsonl_bad_lines_name_the_line_and_go_on(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    good = {"text": REPORT, "published": "2016-12-22", "source": "wire"}
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": REPORT.replace("Thursday", "Friday"), "published": "2016-02-30"}),
        json.dumps([1, 2]),
        json.dumps({"text": REPORT.replace("Thursday", "Monday"), "source": "x"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([p]))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "InputError",
        "InputError",
        "InputError",
        "InputError",
        "Article",
    ]
    assert items[1].origin.endswith(":2")  # type: ignore[union-attr]
    assert "impossible" in items[3].message  # type: ignore[union-attr]
    assert isinstance(items[0], Article) and items[0].source == "wire"


def test_html_uses_metadata_date(tmp_path: Path) -> None:
    html = f"""<html><head><title>Aleppo retaken</title>
    <meta property="article:published_time" content="2016-12-23T10:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Aleppo retaken</h1>
    <p>{REPORT.split("—")[1]}</p><p>{REPORT.split("—")[1]} More text follows here.</p>
    </article><footer>Copyright 2016. All rights reserved.</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    art = _one(list(read_paths([p])))
    assert isinstance(art, Article), art
    assert art.published == date(2016, 12, 23)
    assert art.published_method == "html-metadata"
    assert "Home | World" not in art.text


def test_malformed_html_does_not_raise(tmp_path: Path) -> None:
    p = tmp_path / "broken.html"
    p.write_text("<html><body><div><p>unclosed <b>tags <<<>>> &&& </div></html", encoding="utf-8")
    items = list(read_paths([p]))
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_missing_path(tmp_path: Path) -> None:
    item = _one(list(read_paths([tmp_path / "nope.txt"])))
    assert isinstance(item, InputError) and "no such file" in item.message


def test_parse_published() -> None:
    assert parse_published("2017-02-04") == date(2017, 2, 4)
    assert parse_published("2017-02-04T10:00:00+02:00") == date(2017, 2, 4)
    for bad in ("2017-02-30", "04/02/2017", "yesterday", "2017-13-01"):
        with pytest.raises(InputProblem):
            parse_published(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04 February, 2017\nThe IS group", date(2017, 2, 4)),
        ("KABUL, 29 September 2015 — Taliban", date(2015, 9, 29)),
        ("Posted Feb 4, 2017 by staff", date(2017, 2, 4)),
        ("2019-06-04 Khartoum", date(2019, 6, 4)),
        ("No date here at all", None),
        ("31 February 2017 is not a day", None),
    ],
)
def test_find_dateline(text: str, expected: date | None) -> None:
    assert find_dateline(text) == expected


@given(st.text(max_size=400))
def test_find_dateline_never_raises(text: str) -> None:
    result = find_dateline(text)
    assert result is None or isinstance(result, date)


@given(st.text(max_size=40))
def test_parse_published_only_dates_or_input_problems(text: str) -> None:
    try:
        result = parse_published(text)
    except InputProblem as exc:
        assert "\n" not in str(exc)
    else:
        assert result is None or isinstance(result, date)


@given(st.binary(max_size=300))
def test_any_bytes_give_an_article_or_an_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    p = tmp_path_factory.mktemp("fuzz") / "x.txt"
    p.write_bytes(data)
    items = list(read_paths([p], published=date(2020, 1, 1)))
    assert len(items) == 1
    assert isinstance(items[0], Article | InputError)
