"""A small news corpus written for the conflict tests (no text from any dataset): two outlets disagreeing on
a death toll, a company's quarterly profit and a poll figure, and look-alike figures that must not pair —
another company's profit, another quarter, a threshold against a count, a running tally in undated copy."""

ARTICLES = [
    {"title": "Norland earthquake kills 120, ministry says", "publisher": "Harbour Gazette", "date": "2031-05-12",
     "text": "Norland earthquake kills 120, ministry says\n\n"
             "The earthquake that struck the Norland province of Estovia killed 120 people, the interior ministry "
             "said.\n\nRescue teams from Ostrava and Belmont were searching collapsed buildings in the provincial "
             "capital, Tarrow, where power lines were down.\n\n"
             "Northwind Motors, whose largest plant is in Tarrow, said production there had stopped."},
    {"title": "Norland quake death toll far higher, rescuers say", "publisher": "Valley Times", "date": "2031-05-12",
     "text": "Norland quake death toll far higher, rescuers say\n\n"
             "Local rescue officials said the earthquake killed at least 340 people in Norland, far more than "
             "the government's figure.\n\n"
             "Aid convoys from Belmont reached Tarrow late in the evening."},
    {"title": "Northwind Motors profit jumps in first quarter", "publisher": "Harbour Gazette", "date": "2031-04-20",
     "text": "Northwind Motors profit jumps in first quarter\n\n"
             "Northwind Motors earned a net profit of 412 million dollars in the first quarter, the carmaker "
             "said.\n\nIts chief executive, Lena Marsh, said demand for electric vans in Estovia remained strong.\n\n"
             "A survey by the Estovia Institute found that 58 percent of Norland voters support the new dam."},
    {"title": "Northwind Motors beats forecasts", "publisher": "Valley Times", "date": "2031-04-20",
     "text": "Northwind Motors beats forecasts\n\n"
             "In the first quarter, Northwind Motors earned a net profit of 389 million dollars, its quarterly "
             "report showed.\n\nLena Marsh, the chief executive, told analysts that van sales had doubled.\n\n"
             "Northwind Motors earned a net profit of 250 million dollars in the second quarter of last year."},
    {"title": "Eastgate Foods profit steady", "publisher": "Valley Times", "date": "2031-04-21",
     "text": "Eastgate Foods profit steady\n\n"
             "Eastgate Foods earned a net profit of 95 million dollars in the first quarter, the grocer said.\n\n"
             "Its chairman, Omar Reyes, said prices in Estovia had stabilised."},
    {"title": "Norland voters split on dam, poll finds", "publisher": "Estovia Daily", "date": "2031-04-22",
     "text": "Norland voters split on dam, poll finds\n\n"
             "A survey by the Estovia Institute found that 44 percent of Norland voters support the new dam.\n\n"
             "The dam bill needs 61 votes to pass the Estovia senate.\n\n"
             "Senator Ada Vance now has 14 delegates in the party contest."},
    {"title": "Dam bill fails in Estovia senate", "publisher": "Harbour Gazette", "date": "2031-04-29",
     "text": "Dam bill fails in Estovia senate\n\n"
             "The dam bill won 55 votes in the Estovia senate.\n\n"
             "Only 44 percent of Norland voters support the new dam, according to a survey by the Estovia "
             "Institute.\n\n"
             "Senator Ada Vance now has 40 delegates in the party contest."},
]
