"""Tests for the actors stage: dictionary data, matching, nationality phrases, NER
fallback and coreference (short texts of our own, and the seed article)."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from marsad.actors import (
    UNKNOWN_STATE_ACTOR,
    ActorDictionary,
    actor_for_country,
    find_actors,
    inter_for_country,
    resolve_coreference,
)
from marsad.records import ActorMention

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "examples" / "seed-article.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    from marsad.nlp import load_model

    return load_model()


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _mentions(nlp: Language, text: str) -> tuple[Doc, list[ActorMention]]:
    doc = nlp(text)
    return doc, find_actors(doc)


def _at(mentions: list[ActorMention], text: str, surface: str, nth: int = 0) -> ActorMention:
    """The mention starting at the ``nth`` occurrence of ``surface`` in ``text``."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    for m in mentions:
        if m.start == pos:
            return m
    raise AssertionError(f"no mention at {surface!r} ({pos}); got {[m.text for m in mentions]}")


# -- the data --------------------------------------------------------------------------


def test_dictionary_size_and_columns(dictionary: ActorDictionary) -> None:
    assert len(dictionary) >= 150
    for entry in dictionary:
        assert entry.key and entry.actor and entry.aliases, entry
        assert entry.inter in range(0, 9), entry
        assert entry.country is None or len(entry.country) == 2, entry
        for value in entry.country_variants.values():
            if value.startswith("@"):
                assert dictionary.get(value[1:]) is not None, (entry.key, value)


def test_country_coverage(dictionary: ActorDictionary) -> None:
    counts = Counter(e.country for e in dictionary)
    for cc in ("SY", "IQ", "YE", "LY", "NG", "SO", "ML", "BF", "NE", "AF", "UA", "MM", "SD", "CD"):
        assert counts[cc] >= 1, cc
    for cc in ("SY", "IQ", "YE", "LY", "NG", "SO", "AF", "MM", "SD", "CD"):
        assert counts[cc] >= 4, (cc, counts[cc])


def test_no_alias_shared_by_two_entries(dictionary: ActorDictionary) -> None:
    owner: dict[str, str] = {}
    for entry in dictionary:
        for alias in entry.aliases:
            # acronyms are case-sensitive, so "FAMa" and "FAMA" are distinct spellings
            folded = alias if alias.isupper() else alias.lower()
            assert owner.setdefault(folded, entry.key) == entry.key, (alias, owner[folded])


def test_nationality_forces_keys_exist(dictionary: ActorDictionary) -> None:
    data = resources.files("marsad") / "data"
    with (data / "nationalities.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 150
    for row in rows:
        if row["forces_key"]:
            entry = dictionary.get(row["forces_key"])
            assert entry is not None, row
            assert entry.is_state, row


@pytest.mark.parametrize(
    ("name", "country", "key"),
    [
        ("Daesh", None, "IS"),
        ("ISIL", None, "IS"),
        ("islamic state", None, "IS"),
        ("Islamic State (Iraq)", None, "IS"),
        ("Hashd al-Shaabi", None, "PMF"),
        ("Popular Mobilisation Forces", None, "PMF"),
        ("Ansar Allah", None, "HOUTHI"),
        ("Haftar forces", None, "LNA"),
        ("JAS", None, "BH"),
        ("Tatmadaw", None, "MIL-MM"),
        ("Africa Corps", None, "WAGNER"),
        ("al-Shabaab", "MZ", "ISMOZ"),
        ("Islamic State", "NG", "ISWAP"),
        ("SNA", "SO", "MIL-SO"),
        ("Military Forces of Syria", None, "MIL-SY"),
        ("Military Forces of Iraq (2014-)", None, "MIL-IQ"),
        ("Iraqis", None, "MIL-IQ"),
        ("Russia", None, "MIL-RU"),
        ("Hadi loyalists", None, "MIL-YE"),
        # Shabwa's elite forces are their own actor in ACLED, not Hadramawt's
        ("Shabwani Elite Forces", None, "SHABWANI"),
        ("Hadrami Elite", None, "HADRAMI"),
        ("nonexistent front", None, None),
    ],
)
def test_canonical(dictionary: ActorDictionary, name: str, country: str | None, key: str) -> None:
    entry = dictionary.canonical(name, country)
    assert (entry.key if entry else None) == key


def test_actor_for_country_and_inter(dictionary: ActorDictionary) -> None:
    is_ = dictionary.get("IS")
    assert is_ is not None
    assert actor_for_country(is_, "SY") == "Islamic State (Syria)"
    assert actor_for_country(is_, "IQ") == "Islamic State (Iraq)"
    assert actor_for_country(is_, "NG") == "Islamic State (West Africa)"
    assert actor_for_country(is_, None) == "Islamic State"
    civ = dictionary.get("CIV")
    assert civ is not None and actor_for_country(civ, "SY") == "Civilians (Syria)"
    russia = dictionary.get("MIL-RU")
    assert russia is not None
    assert inter_for_country(russia, "RU") == 1
    assert inter_for_country(russia, "SY") == 8
    assert inter_for_country(russia, None) == 1
    assert inter_for_country(is_, "IQ") == 2


# -- matching --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("ISIS fighters attacked the village.", "ISIS fighters", "IS"),
        ("Fighters loyal to Daesh attacked the village.", "Daesh", "IS"),
        ("The Islamic State group claimed the attack.", "Islamic State group", "IS"),
        ("The Hashd al-Shaabi took the town.", "Hashd al-Shaabi", "PMF"),
        ("Hayat Tahrir al-Sham shelled Aleppo.", "Hayat Tahrir al-Sham", "HTS"),
        # the Syrian National Army by its Arabic initials (al-Jaysh al-Watani)
        ("JWS fighters took control of Hamam Kabira village.", "JWS", "SNA"),
        ("The YPG clashed with Turkish forces.", "YPG", "YPG"),
        ("Houthis fired a missile.", "Houthis", "HOUTHI"),
        ("AQAP attacked a checkpoint in Abyan.", "AQAP", "AQAP"),
        ("JNIM militants ambushed a convoy near Mopti.", "JNIM", "JNIM"),
        ("ISWAP overran a base in Borno.", "ISWAP", "ISWAP"),
        ("The M23 seized Goma.", "M23", "M23"),
        ("CODECO militiamen attacked a camp in Ituri.", "CODECO", "CODECO"),
        ("The RSF besieged El Fasher.", "RSF", "RSF"),
        ("The Taliban captured Kunduz.", "Taliban", "TALIBAN"),
        ("Wagner Group mercenaries arrived in Bamako.", "Wagner Group", "WAGNER"),
        ("The People’s Defence Force ambushed a convoy.", "People’s Defence Force", "PDF"),
        # Donbas and Karabakh forces
        ("The NAF rebel forces fired mortars.", "NAF", "NAF"),
        ("Positions of the Luhansk People's Militia were hit.", "Luhansk People's Militia", "NAF"),
        ("Military forces of Artsakh fired on positions.", "Military forces of Artsakh", "ARTSAKH"),
        # one gunman or "perpetrators" of unknown allegiance, as well as many
        ("An unknown gunman shot a policeman.", "unknown gunman", "UAG"),
        ("Unknown perpetrators set fire to tents.", "Unknown perpetrators", "UAG"),
    ],
)
def test_alias_matches(nlp: Language, text: str, surface: str, key: str) -> None:
    _, mentions = _mentions(nlp, text)
    m = _at(mentions, text, surface)
    assert m.key == key
    assert m.text == surface
    assert m.method == "dictionary"


def test_is_verb_never_matches(nlp: Language) -> None:
    text = "It is unclear who is responsible. Is it over? The town is calm."
    _, mentions = _mentions(nlp, text)
    assert [m for m in mentions if m.key == "IS"] == []
    text2 = "IS is attempting to gain new ground. It is unclear why."
    _, mentions2 = _mentions(nlp, text2)
    assert [m.start for m in mentions2 if m.key == "IS"] == [0]


def test_shouted_headline_is_not_islamic_state(nlp: Language) -> None:
    text = "WHAT IS HAPPENING IN THE NORTH OF THE COUNTRY\n\nNothing much."
    _, mentions = _mentions(nlp, text)
    assert [m for m in mentions if m.key == "IS"] == []


def test_longest_match_wins(nlp: Language) -> None:
    text = "The Pakistani Taliban attacked a checkpoint. The Kurdish Peshmerga advanced."
    _, mentions = _mentions(nlp, text)
    assert _at(mentions, text, "Pakistani Taliban").key == "TTP"
    assert _at(mentions, text, "Kurdish Peshmerga").key == "PESH"
    assert not any(m.key == "TALIBAN" for m in mentions)


def test_words_inside_other_words_do_not_match(nlp: Language) -> None:
    text = "The ISLAND ferry and the hashdash festival went ahead in Sisak."
    _, mentions = _mentions(nlp, text)
    assert mentions == []


def test_offsets_point_into_text(nlp: Language) -> None:
    text = "Iraqi forces fought Daesh near Mosul while Russian jets struck Idlib."
    _, mentions = _mentions(nlp, text)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text


# -- nationality phrases ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "key", "actor"),
    [
        ("Iraqi forces entered the town.", "Iraqi forces", "MIL-IQ", "Military Forces of Iraq"),
        ("Syrian regime forces shelled Idlib.", "Syrian regime forces", "MIL-SY", "of Syria"),
        ("Russian jets struck Idlib.", "Russian jets", "MIL-RU", "Military Forces of Russia"),
        ("Chadian soldiers crossed the border.", "Chadian soldiers", "MIL-TD", "of Chad"),
        ("Malian army units pushed north.", "Malian army", "MIL-ML", "of Mali"),
        ("Nigerien air force jets bombed a camp.", "Nigerien air force", "MIL-NE", "of Niger"),
        ("Sudanese troops retook the bridge.", "Sudanese troops", "SAF", "of Sudan"),
        ("Congolese army soldiers fled Bunia.", "Congolese army", "FARDC", "Congo"),
        ("Turkey's drones hit a car near Qamishli.", "Turkey's drones", "MIL-TR", "Turkey"),
        ("Nigerian police arrested four men.", "Nigerian police", "POL-NG", "Police Forces"),
        (
            "Iraqi counter-terrorism forces raided a farm.",
            "Iraqi counter-terrorism forces",
            "MIL-IQ",
            "of Iraq",
        ),
        ("Israeli occupation forces raided Jenin.", "Israeli occupation forces", "MIL-IL", "Isr"),
    ],
)
def test_nationality_phrases(nlp: Language, text: str, surface: str, key: str, actor: str) -> None:
    _, mentions = _mentions(nlp, text)
    m = _at(mentions, text, surface)
    assert m.key == key
    assert actor in m.actor
    assert m.inter == 1


def test_demonym_alone_is_not_an_actor(nlp: Language) -> None:
    text = "The Syrian city of Raqqa lies on the Euphrates. Iraqi oil exports rose."
    _, mentions = _mentions(nlp, text)
    assert [m.text for m in mentions] == []


def test_country_as_military_subject(nlp: Language) -> None:
    text = "Russia has sent bombers to strike the rebels. Diplomats met in Russia itself."
    _, mentions = _mentions(nlp, text)
    russia = [m for m in mentions if m.key == "MIL-RU"]
    assert [m.start for m in russia] == [0]


def test_plural_demonym_in_fighting_is_state_forces(nlp: Language) -> None:
    text = "In Anbar the Iraqis are on the offensive against the insurgents."
    _, mentions = _mentions(nlp, text)
    assert _at(mentions, text, "Iraqis").key == "MIL-IQ"


def test_regime_forces_use_document_country(nlp: Language) -> None:
    text = "Fighting continued in Yemen. Government forces shelled the port of Hodeidah."
    _, mentions = _mentions(nlp, text)
    assert _at(mentions, text, "Government forces").key == "MIL-YE"


def test_regime_forces_without_country_are_unidentified(nlp: Language) -> None:
    text = "Regime forces shelled the town at dawn."
    _, mentions = _mentions(nlp, text)
    m = _at(mentions, text, "Regime forces")
    assert m.actor == UNKNOWN_STATE_ACTOR
    assert m.country is None and m.key == "" and m.confidence < 0.5


def test_kurdish_forces_depend_on_country(nlp: Language) -> None:
    syria = "Kurdish forces attacked a village in Syria."
    iraq = "Kurdish forces attacked a village in Iraq."
    assert _at(_mentions(nlp, syria)[1], syria, "Kurdish forces").key == "YPG"
    assert _at(_mentions(nlp, iraq)[1], iraq, "Kurdish forces").key == "PESH"


def test_coalition_airstrikes(nlp: Language) -> None:
    text = "Coalition airstrikes destroyed a bridge in Mosul, Iraq."
    _, mentions = _mentions(nlp, text)
    m = _at(mentions, text, "Coalition airstrikes")
    assert m.key == "COAL" and m.inter == 8


def test_country_variant_in_mention(nlp: Language) -> None:
    text = "IS fighters attacked a checkpoint in Iraq. In Syria, IS seized a village."
    _, mentions = _mentions(nlp, text)
    assert _at(mentions, text, "IS fighters").actor == "Islamic State (Iraq)"
    assert _at(mentions, text, "IS", nth=1).actor == "Islamic State (Syria)"


# -- new actors from NER ---------------------------------------------------------------


def test_unknown_armed_group_is_kept(nlp: Language) -> None:
    text = "The Brigade of the Martyrs of Tuz claimed the attack on the police station."
    _, mentions = _mentions(nlp, text)
    m = _at(mentions, text, "Brigade of the Martyrs of Tuz")
    assert m.method == "ner" and m.key == "" and m.inter == 3


def test_unknown_acronym_org_is_kept(nlp: Language) -> None:
    text = "Fighters of the ZXQ movement attacked an army post near Gao, said the UN."
    _, mentions = _mentions(nlp, text)
    assert any(m.method == "ner" and "ZXQ" in m.text for m in mentions)
    assert _at(mentions, text, "UN").key == "UN"


def test_non_actors_are_dropped(nlp: Language) -> None:
    text = (
        "Troops pushed the militants from Mosul University and the Roman-era amphitheater, "
        "while the Yezidi city of Sinjar stayed quiet."
    )
    _, mentions = _mentions(nlp, text)
    assert all(m.method != "ner" for m in mentions), mentions


@pytest.mark.parametrize(
    ("text", "surface", "inter", "word"),
    [
        ("Berom militia attacked a market in Plateau, Nigeria.", "Berom militia", 4, "Militia"),
        ("In the north, Toubou rebels attacked Kidal.", "Toubou rebels", 2, "Rebels"),
        ("At dawn Dinka militiamen raided the village.", "Dinka militiamen", 4, "Militia"),
    ],
)
def test_group_word_plus_armed_noun_is_new_actor(
    nlp: Language, text: str, surface: str, inter: int, word: str
) -> None:
    _, mentions = _mentions(nlp, text)
    m = _at(mentions, text, surface)
    assert m.method == "ner" and m.key == "" and m.inter == inter and word in m.actor


def test_armed_noun_after_plain_word_is_not_an_actor(nlp: Language) -> None:
    text = "Armed militiamen and Roman fighters appeared in the film."
    _, mentions = _mentions(nlp, text)
    assert [m for m in mentions if m.method == "ner"] == []


# -- coreference -----------------------------------------------------------------------


def _coref(nlp: Language, text: str) -> tuple[list[ActorMention], list[ActorMention]]:
    doc = nlp(text)
    mentions = find_actors(doc)
    return mentions, resolve_coreference(doc, mentions)


def test_coref_generic_nouns(nlp: Language) -> None:
    text = (
        "Al-Shabaab fighters stormed a hotel in Mogadishu. Somali forces battled the "
        "militants for hours before the group withdrew."
    )
    _, new = _coref(nlp, text)
    assert _at(new, text, "the militants").key == "SHABAAB"
    assert _at(new, text, "the group").key == "SHABAAB"
    assert all(m.method == "coreference" for m in new)


def test_coref_state_generic_goes_to_state(nlp: Language) -> None:
    text = "Boko Haram attacked Monguno. Nigerian troops repelled them. Then the soldiers left."
    _, new = _coref(nlp, text)
    assert _at(new, text, "them").key == "BH"
    assert _at(new, text, "the soldiers").key == "MIL-NG"


def test_coref_subject_preferred_and_object_pronoun_not_its_subject(nlp: Language) -> None:
    text = (
        "If ISIS militants manage to defeat the Syrian Army, they could set up a base. "
        "Iraqi troops are on the offensive against them."
    )
    _, new = _coref(nlp, text)
    assert _at(new, text, "they").key == "IS"
    assert _at(new, text, "them").key == "IS"


def test_coref_not_inside_subject_clause(nlp: Language) -> None:
    text = (
        "Islamic State attacked Hawija. Later the SDF claimed to have killed 60 of the militants."
    )
    _, new = _coref(nlp, text)
    assert _at(new, text, "the militants").key == "IS"


def test_coref_previous_paragraph_with_lower_confidence(nlp: Language) -> None:
    text = "The Taliban attacked Kunduz.\n\nThey captured the governor's office."
    _, new = _coref(nlp, text)
    same = _at(new, text, "They")
    assert same.key == "TALIBAN"
    assert same.confidence <= 0.5
    text2 = "The Taliban attacked Kunduz and they captured the governor's office."
    _, new2 = _coref(nlp, text2)
    assert _at(new2, text2, "they").confidence > same.confidence


def test_coref_nothing_to_refer_to(nlp: Language) -> None:
    text = "They said the weather was fine. The group of tourists left."
    _, new = _coref(nlp, text)
    assert new == []


def test_coref_militant_group_skips_state(nlp: Language) -> None:
    text = "Syrian soldiers entered Palmyra. The militant group had left the city."
    _, new = _coref(nlp, text)
    assert [m for m in new if m.text == "The militant group"] == []


def test_coref_its_fighters(nlp: Language) -> None:
    text = "JNIM claimed the ambush and said its fighters took weapons."
    _, new = _coref(nlp, text)
    assert _at(new, text, "its fighters").key == "JNIM"


def test_coref_explicit_paragraph_starts(nlp: Language) -> None:
    text = "ISWAP raided Malam Fatori. They burned houses."
    doc = nlp(text)
    mentions = find_actors(doc)
    joined = resolve_coreference(doc, mentions)
    split = resolve_coreference(doc, mentions, paragraph_starts=[0, text.index("They")])
    assert _at(joined, text, "They").confidence > _at(split, text, "They").confidence


# -- the seed article ------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(nlp: Language) -> tuple[str, list[ActorMention], list[ActorMention]]:
    if not SEED.exists():
        pytest.skip("seed article not available")
    text = SEED.read_text(encoding="utf-8")
    doc = nlp(text)
    mentions = find_actors(doc)
    return text, mentions, resolve_coreference(doc, mentions)


def _find(items: list[ActorMention], text: str, phrase: str, surface: str) -> ActorMention:
    base = text.index(phrase)
    pos = text.index(surface, base)
    for m in items:
        if m.start == pos:
            return m
    raise AssertionError(f"nothing at {surface!r} in {phrase!r}")


@pytest.mark.parametrize(
    ("phrase", "surface", "key"),
    [
        ("In mid-December they successfully recaptured", "they", "IS"),
        ("recaptured the eastern side of Mosul from the militants", "the militants", "IS"),
        ("The group’s offensive in Deir az-Zour", "The group", "IS"),
        ("forcing the group from Mosul University", "the group", "IS"),
        ("where the Iraqis are on the offensive against them", "them", "IS"),
        ("Syrian regime forces faced an embarrassing defeat when they", "they", "MIL-SY"),
        ("to seize al-Tabqa from the militants", "the militants", "IS"),
        ("killed at least 620 of the militants", "the militants", "IS"),
        ("If the militants manage to defeat", "they could", "IS"),
        ("The militant group could even", "The militant group", "IS"),
    ],
)
def test_seed_coreference(
    seed: tuple[str, list[ActorMention], list[ActorMention]], phrase: str, surface: str, key: str
) -> None:
    text, _, new = seed
    surface_word = surface.split()[0]
    assert _find(new, text, phrase, surface_word if surface == "they could" else surface).key == key


@pytest.mark.parametrize(
    ("phrase", "surface", "key"),
    [
        ("Iraqi forces successfully recaptured", "Iraqi forces", "MIL-IQ"),
        ("For over two years now Syrian soldiers", "Syrian soldiers", "MIL-SY"),
        ("Russia has responded by sending", "Russia", "MIL-RU"),
        ("SDF forces are currently advancing", "SDF forces", "SDF"),
        ("hundreds of IS reinforcements", "IS reinforcements", "IS"),
        ("Shia Hashd al-Shaabi paramilitaries", "Hashd al-Shaabi", "PMF"),
        ("to a Kurdish Peshmerga offensive", "Kurdish Peshmerga", "PESH"),
        ("World Food Programme (WFP)", "WFP", "WFP"),
        ("where the Iraqis are on the offensive", "Iraqis", "MIL-IQ"),
        ("the isolated Syrian Army enclave", "Syrian Army", "MIL-SY"),
        ("either by IS or coalition airstrikes", "coalition airstrikes", "COAL"),
    ],
)
def test_seed_mentions(
    seed: tuple[str, list[ActorMention], list[ActorMention]], phrase: str, surface: str, key: str
) -> None:
    text, mentions, _ = seed
    assert _find(mentions, text, phrase, surface).key == key


def test_seed_no_false_actors(seed: tuple[str, list[ActorMention], list[ActorMention]]) -> None:
    _, mentions, _ = seed
    texts = {m.text for m in mentions}
    for bad in ("Mosul University", "Roman", "Yezidi", "Tigris", "Arab", "Sinjar", "is"):
        assert bad not in texts, bad
    # Every Islamic State mention in a sentence about Iraq or Syria is named for it.
    names = {m.actor for m in mentions if m.key == "IS"}
    assert names <= {"Islamic State (Syria)", "Islamic State (Iraq)"}


def test_dictionary_keys_are_not_matched_in_text(nlp: Language) -> None:
    text = "Two soldiers were KIA near the border, officials said."
    _, mentions = _mentions(nlp, text)
    assert not any(m.key == "KIA" for m in mentions)


def test_weapon_acronyms_and_guards_are_not_actors(nlp: Language) -> None:
    text = "Gunmen fired an RPG at a BMP near the market, and private security guards fled."
    _, mentions = _mentions(nlp, text)
    assert [m.text for m in mentions if m.method != "dictionary"] == []


def test_regime_forces_ignore_other_actor_demonyms(nlp: Language) -> None:
    text = (
        "Fighting went on across Syria. Israeli warplanes struck a depot as regime forces "
        "shelled the town."
    )
    _, mentions = _mentions(nlp, text)
    assert _at(mentions, text, "Israeli warplanes").key == "MIL-IL"
    assert _at(mentions, text, "regime forces").key == "MIL-SY"


_WORDS = [
    "is",
    "IS",
    "Is",
    "the",
    "militants",
    "group",
    "they",
    "Iraqi",
    "forces",
    "Syrian",
    "regime",
    "Russia",
    "attacked",
    "Mosul",
    "SDF",
    "Daesh",
    "its",
    "fighters",
    "army",
    ",",
    ".",
    "\n\n",
    "Boko",
    "Haram",
    "al-Shabaab",
    "gunmen",
    "civilians",
    "Brigade",
    "Raqqa",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_property_offsets_and_no_verb_is(nlp: Language, words: list[str]) -> None:
    text = " ".join(words)
    doc = nlp(text)
    mentions = find_actors(doc)
    mentions += resolve_coreference(doc, mentions)
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.text.lower() != "is" or m.text == "IS"
        assert m.method in ("dictionary", "nationality", "ner", "coreference")
        assert 0.0 < m.confidence <= 1.0


# -- bare force nouns --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Police officers beat a man in Kano.", "Police officers"),
        ("In Kano, troops fired on the crowd.", "troops"),
        ("Law enforcement detained 40 people in Kano.", "Law enforcement"),
        ("Military police forces raided a house in Kano.", "Military police forces"),
        # a security or intelligence service is a state's force; a health service is not
        ("The National Security Service arrested 3 men in Kano.", "National Security Service"),
        ("Intelligence services detained a cleric in Kano.", "Intelligence services"),
    ],
)
def test_bare_force_nouns_are_state_forces(nlp: Language, text: str, surface: str) -> None:
    _, mentions = _mentions(nlp, text)
    m = _at(mentions, text, surface)
    assert m.text == surface and m.inter == 1 and m.method == "nationality"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a police station in Kano.",
        "The army base in Kano was quiet.",
        "Nigerian troops entered Kano. The soldiers left at dawn.",
        "The health service opened a clinic in Kano.",
    ],
)
def test_force_words_that_name_no_new_actor(nlp: Language, text: str) -> None:
    _, mentions = _mentions(nlp, text)
    for word in ("police station", "army base", "The soldiers", "health service"):
        if word in text:
            assert all(
                not m.text.startswith(word.split()[0])
                for m in mentions
                if m.start == text.index(word)
            )


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        ("Militiamen from the Leelkayse clan fired on a truck.", "Leelkayse", "Leelkayse Clan"),
        ("Al-Awaliq tribesmen clashed with Houthi forces.", "Al-Awaliq", "Al Awaliq Tribal"),
    ],
)
def test_clans_and_tribes_are_identity_militias(
    nlp: Language, text: str, surface: str, actor: str
) -> None:
    _, mentions = _mentions(nlp, text)
    m = _at(mentions, text, surface)
    assert m.actor.startswith(f"{actor} Militia") and m.inter == 4


def test_a_clan_militia_is_named_for_the_event_country() -> None:
    import marsad

    (e,) = marsad.extract(
        "On 8 March 2020, militiamen from the Leelkayse clan fired at a bus near Gaalkacyo.",
        published="2020-03-10",
    )
    assert "Leelkayse Clan Militia (Somalia)" in {e.actor1, e.actor2}


def test_leftmost_alias_wins_an_overlap(nlp: Language) -> None:
    text = "Saudi-led coalition airstrikes hit the port."
    _, mentions = _mentions(nlp, text)
    assert _at(mentions, text, "Saudi-led").key == "SACOAL"


def test_home_countries_come_from_armed_groups_not_states(nlp: Language) -> None:
    from marsad.actors import home_countries

    _, mentions = _mentions(nlp, "Houthi forces and Russian warplanes struck the Taliban.")
    assert home_countries(mentions) == Counter({"YE": 1, "AF": 1})


def test_an_organisation_name_stops_before_its_place() -> None:
    from marsad.actors import find_actors
    from marsad.nlp import load_model

    text = "Houthi forces attacked the Joint Forces in Hays (Al Hudaydah)."
    spans = [text[a.start : a.end] for a in find_actors(load_model()(text))]
    assert "Joint Forces in Hays" not in spans


def test_syrian_opposition_rebels_are_acleds_actor() -> None:
    from marsad.actors import find_actors
    from marsad.nlp import load_model

    doc = load_model()(
        "Clashes took place between regime forces and opposition fighters near Kafr Nabudah."
    )
    assert "Opposition Rebels (Syria)" in {a.actor for a in find_actors(doc)}


def test_a_named_force_s_soldier_is_that_force_only(nlp: Language) -> None:
    # "an ANA soldier": one actor, the Afghan army, and no state's unnamed forces beside it
    doc = nlp("On 17 March 2020, an ANA soldier was killed by a Taliban sniper in Marja district.")
    assert [a.actor for a in find_actors(doc)] == [
        "Military Forces of Afghanistan (2014-2021)",
        "Taliban",
    ]
