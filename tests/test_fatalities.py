"""The sentence-level death-count parser on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.fatalities import find_fatalities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 620 militants were killed", (620, 620)),
        # who says so, before or after the toll
        ("According to the MoD, 12 soldiers were killed.", (12, 12)),
        ("5 civilians killed according to local sources.", (5, 5)),
        ("the strike killed 12 people", (12, 12)),
        # the injured after a comma are not more dead
        ("a gas blast kills 8, forty others are injured", (8, 8)),
        ("a drone struck his car, killing him", (1, 1)),
        ("a member of the Military Security was assassinated by gunmen", (1, 1)),
        ("a bomb exploded, killing him and injuring two", (1, 1)),
        ("the bomb killed 8 people, 40 others were injured", (8, 8)),
        ("between 30 to 50 people died", (30, 50)),
        ("more than 100 were killed", (101, 101)),
        # ACLED's convention: one of the unit ("dozens" 12, "hundreds" 100, "tens" 10)
        ("dozens of people were killed", (12, 99)),
        ("hundreds of civilians were killed", (100, 999)),
        ("tens of fighters were killed", (10, 99)),
        ('clashes erupted, leaving "dozens" dead and more injured', (12, 99)),
        ("five soldiers were killed", (5, 5)),
        ("the death toll rose to 35", (35, 35)),
        ("1,100 civilians were killed", (1100, 1100)),
        ("twenty-one people were killed", (21, 21)),
        ("no one was hurt", None),
        ("the Tu-22 bombers flew 2,000 km", None),
    ],
)
def test_fatalities(text: str, expected: tuple[int, int] | None) -> None:
    got = find_fatalities(text)
    assert (got[:2] if got else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stated coding decision or total is the answer
        ("Gunmen killed an unknown number of herders. Unknown fatalities coded as 10.", 10),
        ("Jets struck the base and 'some' fighters were killed. Some fatalities coded as 3.", 3),
        ("Guards shot one inmate; 9 inmates were also killed (total of 10 fatalities).", 10),
        ("Gunmen shot a taxi driver in the market. 1 fatality.", 1),
        ("Fatalities 3 and 2 injured.", 3),
        # lists of victims are summed
        ("4 border guards and 1 officer were killed when a mine hit their truck.", 5),
        ("The clash resulted in 12 rebel and 3 military fatalities.", 15),
        ("Three Ugandan nationals and two Rwandan nationals died in the crash.", 5),
        ("Forty rebels and nine soldiers were reportedly killed in the fighting.", 49),
        ("Two women and a man were shot dead outside a bar by gunmen.", 3),
        ("After a long firefight, four bandits and one policeman were killed.", 5),
        ("Police said the raid killed 3 smugglers and 2 guards near the border.", 5),
        ("Jets struck a market, killing at least 12 civilians, the monitor said.", 12),
        ("Officials said 4 soldiers, 2 policemen and a guard were killed.", 7),
        # one victim named by a determiner
        ("Unknown gunmen killed a teacher at a school in the town.", 1),
        ("Militants shot and killed a police officer and a farmer at the checkpoint.", 2),
        ("The rebels reportedly killed a village chief and his son on Monday.", 2),
        ("Bandits attacked a bus and killed the driver.", 1),
        ("A sniper shot a guard, and the guard later died in hospital.", 1),
        ("the mayor of the northern district was shot dead by gunmen on a motorbike", 1),
        ("A farmer and his brother were hacked to death by a gang.", 2),
        ("A trader was stoned and beaten to death by a mob.", 1),
        ("Two gunmen killed a shopkeeper.", 1),
        ("Residents found the body of a young man near the river.", 1),
        ("A trader was killed and his body was found in a ditch.", 1),
        ("Gunmen killed a police officer attached to the governor's office.", 1),
        ("Nine workers of the ministry were found dead in a house.", 9),
        ("Both victims died in hospital.", 2),
        ("Militants shot a farmer, resulting in his death.", 1),
        ("A guard stabbed a man to death at the gate.", 1),
        ("Reports on fatalities range from 2 to 4.", 2),
        ("1 killed 3 injured.", 1),
        ("Officials said 25 were killed, but other sources reported at least 37 were killed.", 25),
        ("Six corpses of suspected rebels were discovered the next day.", 6),
        ("The riot led to the death of one protester.", 1),
        ("The gunmen killed 3 villagers, including a child, and burned houses.", 3),
        ("The army killed 2 of them in the ensuing clash.", 2),
        ("Militants killed 5 soldiers (at least 2 of them officers) and beheaded a guide.", 6),
        # wounded, mixed or unknown outcomes are no death count
        ("Gunmen killed a man and wounded two others in the market.", 1),
        ("3 soldiers were injured and 2 were killed.", 2),
        ("5 militants were killed, injured or captured during the operation.", None),
        ("The strikes reportedly killed/injured seventy five soldiers.", None),
        ("Shells hit the camp, killing and wounding an unknown number of people.", None),
        ("The artillery killed an unspecified number of fighters.", None),
        ("The police killed the suspects.", None),
        ("Students rallied over the death of a classmate.", None),
        ("He was sentenced to death by a military court.", None),
        ("Two men were arrested and a vehicle was seized.", None),
        ("A clash erupted and two fighters died.", 2),
        ("On 3 May 2020, 5 soldiers were killed in an ambush.", 5),
        # an explicit nil
        ("Jets struck the camp, with no reports on fatalities and injuries.", 0),
        ("Neither injuries nor fatalities were reported.", 0),
        # a toll split between several coded events
        ("60 fighters were killed over two days [fatalities split between 2 events].", 30),
        ("One soldier was killed somewhere on the front [1 fatality split among 12 events].", 0),
    ],
)
def test_fatality_counts(text: str, expected: int | None) -> None:
    got = find_fatalities(text)
    assert (got[0] if got else None) == expected, got


def test_a_total_stated_in_a_clause_wins_over_the_parts() -> None:
    got = find_fatalities("Guards killed one prisoner and 11 others died (total of 12 fatalities).")
    assert got is not None and got[:2] == (12, 12) and got[4] == "fatalities-total"


def test_a_cumulative_toll_does_not_add_to_the_event_s_count() -> None:
    got = find_fatalities("The blast killed 5 people, bringing the death toll to 20.")
    assert got is not None and got[:2] == (5, 5)


def test_the_span_covers_the_count() -> None:
    text = "Police said that 14 rebels were killed in the fighting."
    got = find_fatalities(text)
    assert got is not None
    low, high, start, end, rule = got
    assert (low, high) == (14, 14) and text[start:end].startswith("14 rebels")
    assert rule == "fatalities-passive"


def _check(text: str) -> tuple[int, int, int, int, str] | None:
    got = find_fatalities(text)
    if got is not None:
        low, high, start, end, rule = got
        assert 0 <= low <= high
        assert 0 <= start < end <= len(text)
        assert rule.startswith("fatalities-")
    return got


@given(st.text(max_size=300))
def test_fatalities_parser_never_raises(text: str) -> None:
    _check(text)


_WORDS = st.sampled_from(
    [
        "killed", "died", "dead", "were", "was", "and", "a", "the", "one", "two", "soldiers",
        "man", "injured", "wounded", "at least", "more than", "dozens of", "no", "fatalities",
        "coded as", "total of", "12", "3", "1,000", ",", ".", "(", ")", "his", "brother", "body",
        "of", "shot", "to death", "split between", "events", "including",
    ]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=25))
def test_fatalities_parser_on_death_vocabulary(words: list[str]) -> None:
    _check(" ".join(words))


@given(
    n=st.integers(min_value=0, max_value=99_999),
    noun=st.sampled_from(["soldiers", "civilians", "people", "militants", "residents"]),
    verb=st.sampled_from(["were killed", "died", "were shot dead", "lost their lives"]),
    prefix=st.sampled_from(["", "On Monday, ", "Officials said that ", "In the attack, "]),
)
def test_a_number_in_digits_round_trips(n: int, noun: str, verb: str, prefix: str) -> None:
    figure = f"{n:,}"
    text = f"{prefix}{figure} {noun} {verb} in the town."
    got = _check(text)
    assert got is not None and got[:2] == (n, n)
    assert text[got[2] : got[3]].startswith(figure)


@given(n=st.integers(min_value=1, max_value=9_999), k=st.integers(min_value=1, max_value=9_999))
def test_the_active_voice_and_the_sum_of_parts(n: int, k: int) -> None:
    got = _check(f"Gunmen killed {n} farmers and {k} herders in the valley.")
    assert got is not None and got[:2] == (n + k, n + k)


@given(n=st.integers(min_value=1, max_value=999))
def test_wounded_counts_are_never_deaths(n: int) -> None:
    assert _check(f"{n} soldiers were wounded and {n} villagers were injured.") is None


@pytest.mark.parametrize(
    "text",
    [
        "a soldier who had been wounded in clashes in Sirwah (Marib) on 11 April died of his "
        "wounds",
        "a man who had been wounded in an IED explosion in Al Bab on 28 March died of his injuries",
    ],
)
def test_a_day_of_a_month_is_no_death_toll(text: str) -> None:
    assert find_fatalities(text) is None


@pytest.mark.parametrize(
    ("text", "n"),
    [("2 IS militants were killed.", 2), ("3 IS fighters were killed in the clashes.", 3)],
)
def test_the_islamic_states_initials_are_no_verb(text: str, n: int) -> None:
    found = find_fatalities(text)
    assert found is not None and found[:2] == (n, n)
