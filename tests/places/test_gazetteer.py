"""The compiled gazetteer: names, transliteration keys, admin tables, curated features."""

from __future__ import annotations

import time

import pytest

from marsad.places import Gazetteer, haversine_km, normalize, skeleton
from marsad.places.gazetteer import ADMIN1, ADMIN2, CITY, _unit_keys, cache_root


def test_normalize_and_skeleton():
    assert normalize("Deir ez-Zor") == "deir ez zor"
    assert normalize("Ḩawījah") == "hawijah"
    assert skeleton("Deir az-Zour") == skeleton("Deir ez-Zor") == skeleton("Dayr az Zawr")
    assert skeleton("Hawija") == skeleton("Al Hawijah")
    assert skeleton("al-Tabqa") == skeleton("Tabqa")


def test_cache_dir_respects_env(monkeypatch, tmp_path):
    monkeypatch.setenv("MARSAD_CACHE", str(tmp_path))
    assert cache_root() == tmp_path
    monkeypatch.delenv("MARSAD_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_root() == tmp_path / "marsad"


def test_load_is_fast_and_cached(gaz):
    assert Gazetteer.load() is gaz
    t0 = time.perf_counter()
    Gazetteer(gaz.directory)
    assert time.perf_counter() - t0 < 1.0
    assert len(gaz) > 240_000


def test_alternate_names(gaz):
    palmyra = [c for c in gaz.lookup("Palmyra") if c.country_code == "SY"]
    assert palmyra and palmyra[0].name == "Tadmur"
    assert any(c.name == "Al-Tabqa" for c in gaz.lookup("Tabqa"))
    assert any(c.name == "Al-Tabqa" for c in gaz.lookup("Ath Thawrah"))
    assert any(c.name == "Deir ez-Zor" for c in gaz.lookup("Dayr az Zawr"))


def test_transliteration_lookup(gaz):
    names = {c.name for c in gaz.lookup_skeleton("Deir az-Zour")}
    assert "Deir ez-Zor" in names


def test_admin_and_countries(gaz):
    anbar = [c for c in gaz.lookup("Anbar") if c.feature_name == "admin1"]
    assert anbar and anbar[0].country_code == "IQ"
    syria = [c for c in gaz.lookup("Syria") if c.feature_name == "country"]
    assert syria and haversine_km(syria[0].latitude, syria[0].longitude, 35.0, 38.0) < 200
    us = [c for c in gaz.lookup("U.S.") if c.feature_name == "country"]
    assert us and us[0].country_code == "US"
    assert gaz.country_name("IQ") == "Iraq"
    assert gaz.admin1_name("SY.07") == "Deir ez-Zor"


def test_curated_features(gaz):
    tigris = gaz.lookup("Tigris River")
    assert tigris and tigris[0].feature_name == "physical"
    assert gaz.lookup("Euphrates")[0].feature_name == "physical"
    assert gaz.demonym("Syrian") == ("SY", "")
    assert gaz.demonym("Iraqis")[0] == "IQ"


def test_capital_of(gaz):
    anbar = next(c for c in gaz.lookup("Anbar") if c.feature_name == "admin1")
    assert gaz.capital_of(anbar).name == "Ramadi"
    iraq = next(c for c in gaz.lookup("Iraq") if c.feature_name == "country")
    assert gaz.capital_of(iraq).name == "Baghdad"


def test_skeleton_ignores_the_izafe() -> None:
    from marsad.places.gazetteer import skeleton

    assert skeleton("Dara-i-Nur") == skeleton("Darah-ye Nur")
    assert skeleton("Nahr-e Saraj") == skeleton("Nahr Saraj")
    assert skeleton("Y") == "y"  # a name of one word keeps it


def test_skeleton_spellings_hold_alternate_names(gaz):
    # Mexmur's alternate name "Makhmur" shares the skeleton of ACLED's "Makhmour"
    spellings = {(gaz.names[i], s) for i, s in gaz.skeleton_spellings("Makhmour")}
    assert ("Mexmur", "makhmur") in spellings
    # each entry once in lookup_skeleton, however many of its spellings match
    cands = gaz.lookup_skeleton("Makhmour")
    assert len({c.index for c in cands}) == len(cands)


def test_districts_with_no_town_have_the_point_of_their_shape(gaz):
    # geoBoundaries' units give a point to districts no town of cities500 is named after
    (swk,) = [c for c in gaz.lookup("Shah Wali Kot") if c.country_code == "AF"]
    assert swk.feature_name == "admin2" and gaz.admin1_name(swk.admin1_code) == "Kandahar"
    # a unit takes the country of the towns around it, not its label (Kajaki: "Bermuda")
    (kajaki,) = gaz.lookup("Kajaki")
    assert kajaki.country_code == "AF" and gaz.admin1_name(kajaki.admin1_code) == "Helmand"
    # a district a town already stands for gets no second point
    assert [c.feature_name for c in gaz.lookup("Sangin") if c.country_code == "AF"] == [
        "city",
        "admin2",
    ]
    assert all(c.geonameid for c in gaz.lookup("Sangin") if c.country_code == "AF")


def test_units_of_a_division_are_its_towns_and_districts() -> None:
    gaz = Gazetteer.load()
    code = next(c.admin1_code for c in gaz.lookup("Sar-e Pol Province") if c.feature == ADMIN1)
    units = [gaz.candidate(i) for i in gaz.units_of(code)]
    assert units and all(c.admin1_code == code for c in units)
    assert {c.feature for c in units} <= {CITY, ADMIN2}
    assert "Sangchārak" in {c.name for c in units}
    assert gaz.units_of("XX.99") == []


@pytest.mark.parametrize(
    ("geonames", "shape"),
    [
        ("Deh Rawud", "Dihrawud"),
        ("Mir Amor", "Miramor"),
        ("Chahar Sadah", "Charsada"),
        ("Bani Dhabyan", "Bani Dabyan"),  # the letter dad, written "dh" or "d"
    ],
)
def test_a_district_s_two_spellings_meet_on_a_key(geonames: str, shape: str):
    assert _unit_keys(geonames) & _unit_keys(shape)


def test_unlike_districts_do_not_meet():
    assert not _unit_keys("Shindand") & _unit_keys("Shutul")


def test_a_district_geonames_lists_keeps_its_shape_beside_a_homonym_over_the_line(gaz):
    # Burundi has four communes called Kigamba; the one of Cankuzo lies 45 km from the one
    # of Ruyigi, and each keeps its own province
    provinces = {c.admin1_code for c in gaz.lookup("Kigamba") if c.country_code == "BI"}
    assert {"BI.11", "BI.21"} <= provinces


def test_a_district_takes_the_province_geonames_lists_it_under(gaz):
    # geoBoundaries labels Shutul Parwan (before 2004); GeoNames lists it under Panjshir
    assert [c.admin1_code for c in gaz.lookup("Shutul") if c.country_code == "AF"] == ["AF.42"]


def test_a_province_named_for_its_seat_takes_the_seat_s_spelling(gaz):
    # GeoNames calls the governorate Omran and its seat 'Amran
    assert "YE.19" in {c.admin1_code for c in gaz.lookup("Amran") if c.feature == ADMIN1}


def test_a_dad_written_dh_finds_the_name_written_with_d(gaz):
    # GeoNames lists Bani Dhabyan under Sanaa Governorate; its shape is spelt Bani Dabyan
    assert [c.admin1_code for c in gaz.lookup("Bani Dhabyan") if c.country_code == "YE"] == [
        "YE.16"
    ]
    assert any(c.name == "Radman" for c in gaz.lookup_skeleton("Radhman"))


@pytest.mark.parametrize(
    ("province", "seat"),
    [("Diyala", "Baqubah"), ("Oruzgan", "Tarinkot"), ("Badghis", "Qala i Naw")],
)
def test_a_province_s_seat_is_its_capital_not_its_largest_town(gaz, province: str, seat: str):
    division = next(c for c in gaz.lookup(province) if c.feature == ADMIN1)
    assert gaz.capital_of(division).name == seat


def test_every_curated_seat_is_found_in_its_province(gaz):
    from marsad.places.gazetteer import _seats

    for code, seat in _seats().items():
        division = gaz.candidate(gaz.a1_entry[code])
        assert gaz.capital_of(division).admin1_code == code, (code, seat)
        assert any(c.admin1_code == code for c in gaz.lookup(seat)), (code, seat)


def test_a_province_s_towns_have_a_middle(gaz):
    helmand = next(c for c in gaz.lookup("Helmand") if c.feature == ADMIN1)
    lat, lon = gaz.towns_middle(helmand.admin1_code)
    # (the towns lie along the river, between Musa Qala and Garmsir)
    assert 30.5 < lat < 32.5 and 63.5 < lon < 65.0
    assert gaz.towns_middle("XX.99") is None


@pytest.mark.parametrize(
    ("name", "province"),
    [
        # border districts whose nearest GeoNames town lies over the line (in Tajikistan,
        # in Pakistan): filed under their own country, as GeoNames' district table has them
        ("Qal'ah-ye Zal", "Kunduz"),
        ("Dur Baba", "Nangarhar"),
        ("Lalpur", "Nangarhar"),
    ],
)
def test_a_border_district_stays_in_its_country(gaz, name: str, province: str) -> None:
    found = [c for c in gaz.lookup(name) if c.country_code == "AF" and c.feature == ADMIN2]
    assert found and gaz.admin1_name(found[0].admin1_code) == province
    assert not [c for c in gaz.lookup(name) if c.country_code in {"TJ", "PK"}]


@pytest.mark.parametrize(
    ("name", "names"),
    [
        ("Bahrami Shahid (Jaghatu)", ["Bahrami Shahid", "Jaghatu"]),
        ("Sia Gird ( Ghorbund)", ["Sia Gird", "Ghorbund"]),
        ("Reg(Khanshin)", ["Khanshin"]),  # (not "Reg")
        # brackets that disambiguate or qualify: no second name
        ("Bayside (NSW)", []),
        ("Aesch (BL)", []),
        ("Flin Flon (Part)", []),
        ("Dagon Myothit (East)", []),
        ("Altagracia (Municipio)", []),
        ("Kajaki", []),
    ],
)
def test_a_unit_s_second_name_in_brackets(name: str, names: list[str]) -> None:
    from marsad.places.gazetteer import _bracketed_names

    assert _bracketed_names(name) == names


def test_a_district_known_by_its_bracketed_name_is_found_in_its_province(gaz) -> None:
    # Ghazni's Jaghatu district is "Bahrami Shahid (Jaghatu)" in geoBoundaries; GeoNames has
    # only Wardak's Jaghatu
    provinces = {
        gaz.admin1_name(c.admin1_code) for c in gaz.lookup("Jaghatu") if c.feature == ADMIN2
    }
    assert {"Ghazni", "Maidan Wardak Province"} <= provinces


@pytest.mark.parametrize(
    ("name", "cc"),
    [
        ("Negros Oriental", "PH"),  # GeoNames: "Province of Negros Oriental"
        ("Bam", "BF"),  # "Province du Bam"
        ("Mergasur", "IQ"),  # "Qeza-i Mergasur"
    ],
)
def test_a_district_is_found_without_the_word_geonames_writes_before_it(gaz, name, cc) -> None:
    assert any(c.feature == ADMIN2 and c.country_code == cc for c in gaz.lookup(name))
