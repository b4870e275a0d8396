"""Surface forms of numbers → values, units and currencies (pure string functions, no spaCy).

- ``parse``: cardinals, fractions, vague amounts, qualifiers, ``parse_value`` / ``format_value``;
- ``measures``: currencies (symbols, ISO codes, words and wire forms → ISO 4217), percent and percentage
  points, and units of measure through ``pint``'s unit registry, each with its UN/CEFACT common code;
- ``glued``: one token holding a prefix, a number and a suffix ("Y=5,182", "PS21,700", "50mph", "-1.6").
"""

from kg.extract.numbers.glued import SIGN_QUALIFIERS, Glued, fraction, split_glued, split_range
from kg.extract.numbers.measures import (
    PERCENT,
    PERCENT_POINT,
    currency_code,
    is_currency,
    measure_unit,
    unit_code,
)
from kg.extract.numbers.parse import (
    context,
    format_value,
    is_digits,
    is_fraction_word,
    is_number_word,
    is_scale_word,
    parse_fraction,
    parse_number,
    parse_value,
    qualifiers,
    units,
    units_by_word,
    vague,
    vague_range,
    words,
)

__all__ = [
    "PERCENT", "PERCENT_POINT", "SIGN_QUALIFIERS", "Glued", "context", "currency_code", "format_value", "fraction",
    "is_currency", "is_digits", "is_fraction_word", "is_number_word", "is_scale_word", "measure_unit",
    "parse_fraction", "parse_number", "parse_value", "qualifiers", "split_glued", "split_range", "unit_code",
    "units", "units_by_word", "vague", "vague_range", "words",
]
