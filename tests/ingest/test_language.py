"""The ingest language check: foreign prose is skipped, English that is not prose (tables, lists) is kept."""

import pytest

from kg.ingest.language import not_english

# Prose in other Latin-script languages: few English function words and a confident identifier.
FOREIGN = {
    "de": ("Der Stadtrat hat am Dienstag beschlossen, dass die Brücke über den Fluss im kommenden Sommer "
           "gesperrt wird, weil die Reparatur der alten Pfeiler länger dauert als geplant."),
    "fr": ("Le conseil municipal a décidé mardi que le pont sur la rivière sera fermé l'été prochain, car la "
           "réparation des vieux piliers prendra plus de temps que prévu par les ingénieurs."),
    "es": ("El ayuntamiento decidió el martes que el puente sobre el río estará cerrado el próximo verano, "
           "porque la reparación de los viejos pilares tardará más de lo previsto por los técnicos."),
    "nl": ("De gemeenteraad heeft dinsdag besloten dat de brug over de rivier komende zomer dicht gaat, omdat "
           "het herstel van de oude pijlers langer duurt dan de ingenieurs hadden verwacht."),
}

# English with almost no function words: a wire earnings table, a price list, a line-up with ratings,
# a parts list. Each has 20+ words, under 12 % of them function words.
ENGLISH_LISTS = [
    "NORTHWIND TOOLS INC <NWT> 2ND QTR NET  Shr 41 cts vs 37 cts  Net 2,310,000 vs 1,980,000  Revs 48.2 mln "
    "vs 44.9 mln  Six mths  Shr 77 cts vs 70 cts  Net 4,350,000 vs 3,960,000  Revs 95.1 mln vs 88.0 mln",
    "Listings: 14 Birch Lane, Fairview, Ohio, $312,000; 7 Quarry Road, Millbrook, Vermont, $289,500; "
    "22 Heron Court, Ashby, Maine, $455,000; 3 Orchard Way, Linden, Iowa, $198,750; 61 Mill Street, Dover, "
    "Delaware, $264,900; 5 Kestrel Drive, Eastport, Idaho, $301,250.",
    "Best midfielders: CM Tomas Ruiz (7.8 rating), CM Ola Berg (7.6 rating), LM Dev Patel (7.4 rating), "
    "RM Kofi Mensah (7.1 rating), CDM Ivo Kral (6.9 rating).",
    "Kit contents: two carbon poles (140 cm), one nylon flysheet (2.1 kg), eight alloy pegs, repair sleeve, "
    "compression sack, spare guy lines, seam sealer tube.",
]

ENGLISH_PROSE = ("The harbour council said on Tuesday that it will repair 14 piers before the winter, and that "
                 "the work would cost about $3 million.")


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_language_foreign_prose_is_not_english(lang):
    why = not_english(FOREIGN[lang])
    assert why is not None and f"'{lang}'" in why


@pytest.mark.parametrize("text", ENGLISH_LISTS)
def test_language_english_tables_and_lists_are_english(text):
    assert not_english(text) is None


def test_language_english_prose_and_short_texts_are_english():
    assert not_english(ENGLISH_PROSE) is None
    assert not_english("Shr 12 cts vs 9 cts") is None  # too short to tell: let through


def test_language_non_latin_script_is_named():
    assert not_english("Городской совет заявил во вторник, что отремонтирует причалы.") == "Cyrillic script"


@pytest.mark.parametrize(("text", "script"), [
    ("The harbour board met on Tuesday and agreed to repair the old pier before winter.", None),  # ASCII only
    ("Le conseil a décidé de réparer la jetée avant l’hiver, à la demande des pêcheurs.", None),  # Latin accents
    ("Ο λιμενικός οργανισμός συνεδρίασε την Τρίτη για την προβλήτα.", "Greek"),
    ("The board named the pier after Ελένη, a fisherman’s daughter from the island.", None),  # a few Greek letters
    ("Городской совет заявил во вторник, что отремонтирует причалы.", "Cyrillic"),
])
def test_language_script_of_the_letters(text, script):
    from kg.ingest.language import _script

    assert _script(text) == script
