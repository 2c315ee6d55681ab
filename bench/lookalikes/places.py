"""Where the people of the set live: towns with real-format postcodes, streets, and how each country writes an
address. Typed by hand; the postcodes follow each country's format and the town's real range."""

from __future__ import annotations

import random

from bench.lookalikes.streets import STREETS

LETTERS = {
    "GB": "ABDEFGHJLNPQRSTUWXYZ",  # the letters of a British inward code
    "IE": "ACDEFHKNPRTVWXY0123456789",  # an Eircode's unique identifier
    "NL": "ABCDEGHJKLMNPRTVWXZ",
}


def _span(prefix: str, low: int, high: int, width: int = 2) -> tuple[str, ...]:
    return tuple(f"{prefix}{n:0{width}d}" for n in range(low, high + 1))


# locale -> (town, postcode patterns: '#' a digit, '@' a letter of the country's postcode alphabet, '*' a character
# of an Eircode's unique identifier)
TOWNS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "en_GB": (
        ("London", ("E8 #@@", "N16 #@@", "SE15 #@@", "SW9 #@@", "NW5 #@@", "E17 #@@", "W12 #@@")),
        ("Manchester", ("M14 #@@", "M20 #@@", "M4 #@@", "M19 #@@")),
        ("Leeds", ("LS6 #@@", "LS8 #@@", "LS11 #@@")),
        ("Bristol", ("BS3 #@@", "BS6 #@@", "BS5 #@@")),
        ("Birmingham", ("B13 #@@", "B29 #@@", "B17 #@@")),
        ("Sheffield", ("S7 #@@", "S11 #@@")),
        ("Norwich", ("NR2 #@@", "NR3 #@@")),
        ("Brighton", ("BN1 #@@", "BN2 #@@")),
        ("Cardiff", ("CF10 #@@", "CF24 #@@", "CF5 #@@")),
        ("Edinburgh", ("EH6 #@@", "EH9 #@@", "EH11 #@@")),
        ("Glasgow", ("G12 #@@", "G41 #@@", "G31 #@@")),
        ("York", ("YO10 #@@", "YO31 #@@")),
        ("Leicester", ("LE2 #@@", "LE3 #@@")),
        ("Nottingham", ("NG7 #@@", "NG5 #@@")),
        ("Exeter", ("EX4 #@@", "EX2 #@@")),
        ("Oxford", ("OX4 #@@", "OX2 #@@")),
        ("Cambridge", ("CB1 #@@", "CB4 #@@")),
        ("Newcastle upon Tyne", ("NE6 #@@", "NE4 #@@")),
        ("Belfast", ("BT7 #@@", "BT9 #@@")),
        ("Reading", ("RG1 #@@", "RG30 #@@")),
        ("Stockport", ("SK4 #@@",)),
        ("Bath", ("BA2 #@@", "BA1 #@@")),
        ("Swansea", ("SA1 #@@", "SA2 #@@")),
        ("Preston", ("PR1 #@@",)),
    ),
    "en_IE": (
        ("Dublin", ("D02 ****", "D04 ****", "D06 ****", "D08 ****", "D07 ****", "D6W ****", "D09 ****")),
        ("Cork", ("T12 ****", "T23 ****")),
        ("Galway", ("H91 ****",)),
        ("Limerick", ("V94 ****",)),
        ("Waterford", ("X91 ****",)),
        ("Kilkenny", ("R95 ****",)),
        ("Sligo", ("F91 ****",)),
        ("Athlone", ("N37 ****",)),
        ("Drogheda", ("A92 ****",)),
        ("Bray", ("A98 ****",)),
        ("Dundalk", ("A91 ****",)),
        ("Ennis", ("V95 ****",)),
        ("Tralee", ("V92 ****",)),
        ("Letterkenny", ("F92 ****",)),
        ("Navan", ("C15 ****",)),
        ("Swords", ("K67 ****",)),
    ),
    "de_DE": (
        ("Berlin", ("10###", "12###", "13###")),
        ("Hamburg", ("20###", "22###")),
        ("München", ("80###", "81###")),
        ("Köln", ("50###", "51###")),
        ("Frankfurt am Main", ("60###",)),
        ("Stuttgart", ("70###",)),
        ("Düsseldorf", ("40###",)),
        ("Leipzig", ("04###",)),
        ("Dresden", ("01###",)),
        ("Hannover", ("30###",)),
        ("Nürnberg", ("90###",)),
        ("Bremen", ("28###",)),
        ("Freiburg im Breisgau", ("79###",)),
        ("Münster", ("48###",)),
        ("Kiel", ("24###",)),
        ("Mainz", ("55###",)),
        ("Bochum", ("44###",)),
        ("Regensburg", ("93###",)),
        ("Göttingen", ("37###",)),
        ("Rostock", ("18###",)),
        ("Heidelberg", ("69###",)),
        ("Augsburg", ("86###",)),
        ("Bielefeld", ("33###",)),
        ("Karlsruhe", ("76###",)),
        ("Würzburg", ("97###",)),
        ("Wuppertal", ("42###",)),
    ),
    "de_AT": (
        ("Wien", ("1020", "1030", "1050", "1060", "1070", "1090", "1100", "1120", "1140", "1160", "1180", "1210")),
        ("Graz", ("8010", "8020", "8036", "8042", "8045")),
        ("Linz", ("4020", "4030", "4040")),
        ("Salzburg", ("5020", "5023")),
        ("Innsbruck", ("6020",)),
        ("Klagenfurt", ("9020",)),
        ("Villach", ("9500",)),
        ("St. Pölten", ("3100",)),
        ("Wels", ("4600",)),
        ("Dornbirn", ("6850",)),
        ("Bregenz", ("6900",)),
        ("Leoben", ("8700",)),
        ("Krems an der Donau", ("3500",)),
        ("Mödling", ("2340",)),
    ),
    "de_CH": (
        ("Zürich", ("8001", "8003", "8004", "8005", "8006", "8032", "8037", "8045", "8050", "8057")),
        ("Bern", ("3005", "3007", "3011", "3012", "3013", "3014")),
        ("Basel", ("4051", "4052", "4053", "4055", "4056", "4057")),
        ("Luzern", ("6003", "6004", "6005")),
        ("St. Gallen", ("9000", "9008")),
        ("Winterthur", ("8400", "8404", "8406")),
        ("Zug", ("6300",)),
        ("Aarau", ("5000",)),
        ("Thun", ("3600",)),
        ("Olten", ("4600",)),
        ("Chur", ("7000",)),
        ("Schaffhausen", ("8200",)),
        ("Biel/Bienne", ("2502", "2503")),
    ),
    "fr_FR": (
        ("Paris", _span("750", 1, 20)),
        ("Lyon", _span("6900", 1, 9, 1)),
        ("Marseille", _span("130", 1, 16)),
        ("Toulouse", ("31000", "31200", "31300", "31400", "31500")),
        ("Nantes", ("44000", "44100", "44200", "44300")),
        ("Bordeaux", ("33000", "33100", "33200", "33300", "33800")),
        ("Lille", ("59000", "59800", "59160")),
        ("Strasbourg", ("67000", "67100", "67200")),
        ("Rennes", ("35000", "35200", "35700")),
        ("Montpellier", ("34000", "34070", "34080", "34090")),
        ("Nice", ("06000", "06100", "06200", "06300")),
        ("Grenoble", ("38000", "38100")),
        ("Dijon", ("21000",)),
        ("Angers", ("49000", "49100")),
        ("Tours", ("37000", "37100")),
        ("Clermont-Ferrand", ("63000", "63100")),
        ("Brest", ("29200",)),
        ("Le Havre", ("76600", "76610")),
        ("Reims", ("51100",)),
        ("Saint-Étienne", ("42000", "42100")),
        ("Metz", ("57000", "57050")),
        ("Perpignan", ("66000", "66100")),
        ("Rouen", ("76000", "76100")),
        ("Avignon", ("84000",)),
        ("Villeurbanne", ("69100",)),
        ("Aix-en-Provence", ("13090", "13100")),
    ),
    "fr_BE": (
        ("Bruxelles", ("1000", "1020", "1040", "1050")),
        ("Ixelles", ("1050",)),
        ("Schaerbeek", ("1030",)),
        ("Anderlecht", ("1070",)),
        ("Uccle", ("1180",)),
        ("Liège", ("4000", "4020", "4030")),
        ("Namur", ("5000", "5100")),
        ("Charleroi", ("6000", "6001", "6010")),
        ("Mons", ("7000",)),
        ("Tournai", ("7500",)),
        ("Wavre", ("1300",)),
        ("Louvain-la-Neuve", ("1348",)),
        ("Arlon", ("6700",)),
        ("Verviers", ("4800",)),
        ("Nivelles", ("1400",)),
        ("Waterloo", ("1410",)),
        ("Huy", ("4500",)),
    ),
    "fr_CH": (
        ("Genève", _span("120", 1, 9, 1)),
        ("Lausanne", ("1003", "1004", "1005", "1006", "1007", "1010", "1018")),
        ("Fribourg", ("1700",)),
        ("Neuchâtel", ("2000",)),
        ("Sion", ("1950",)),
        ("Montreux", ("1820",)),
        ("Nyon", ("1260",)),
        ("Vevey", ("1800",)),
        ("Yverdon-les-Bains", ("1400",)),
        ("La Chaux-de-Fonds", ("2300",)),
        ("Morges", ("1110",)),
        ("Carouge", ("1227",)),
        ("Martigny", ("1920",)),
    ),
    "es_ES": (
        ("Madrid", _span("280", 1, 55)),
        ("Barcelona", _span("080", 1, 42)),
        ("Valencia", _span("460", 1, 26)),
        ("Sevilla", _span("410", 1, 20)),
        ("Zaragoza", _span("500", 1, 18)),
        ("Málaga", _span("290", 1, 18)),
        ("Bilbao", _span("480", 1, 15)),
        ("Murcia", _span("300", 1, 12)),
        ("Palma", _span("070", 1, 15)),
        ("Alicante", _span("030", 1, 16)),
        ("Córdoba", _span("140", 1, 14)),
        ("Valladolid", _span("470", 1, 16)),
        ("Vigo", _span("362", 1, 16)),
        ("Gijón", _span("332", 1, 13)),
        ("Granada", _span("180", 1, 15)),
        ("A Coruña", _span("150", 1, 11)),
        ("Vitoria-Gasteiz", _span("010", 1, 15)),
        ("Pamplona", _span("310", 1, 16)),
        ("Salamanca", _span("370", 1, 8)),
        ("Santander", _span("390", 1, 12)),
        ("Cádiz", _span("110", 1, 12)),
        ("Girona", _span("170", 1, 7)),
    ),
    "it_IT": (
        ("Roma", _span("001", 18, 99)),
        ("Milano", _span("201", 21, 62)),
        ("Torino", _span("101", 21, 56)),
        ("Napoli", _span("801", 21, 47)),
        ("Bologna", _span("401", 21, 41)),
        ("Firenze", _span("501", 21, 45)),
        ("Genova", _span("161", 21, 67)),
        ("Palermo", _span("901", 21, 51)),
        ("Bari", _span("701", 21, 32)),
        ("Verona", _span("371", 21, 42)),
        ("Padova", _span("351", 21, 43)),
        ("Trieste", _span("341", 21, 51)),
        ("Catania", _span("951", 21, 31)),
        ("Brescia", _span("251", 21, 36)),
        ("Parma", _span("431", 21, 26)),
        ("Modena", _span("411", 21, 26)),
        ("Perugia", _span("061", 21, 35)),
        ("Cagliari", _span("091", 21, 34)),
        ("Bergamo", _span("241", 21, 29)),
        ("Lecce", ("73100",)),
        ("Pisa", _span("561", 21, 28)),
        ("Trento", _span("381", 21, 23)),
        ("Ancona", _span("601", 21, 31)),
        ("Salerno", _span("841", 21, 35)),
    ),
    "it_CH": (
        ("Lugano", ("6900",)),
        ("Bellinzona", ("6500",)),
        ("Locarno", ("6600",)),
        ("Mendrisio", ("6850",)),
        ("Chiasso", ("6830",)),
        ("Ascona", ("6612",)),
        ("Biasca", ("6710",)),
        ("Massagno", ("6900",)),
        ("Minusio", ("6648",)),
        ("Giubiasco", ("6512",)),
        ("Stabio", ("6855",)),
        ("Agno", ("6982",)),
    ),
    "nl_NL": (
        ("Amsterdam", ("101# @@", "105# @@", "107# @@", "109# @@", "106# @@")),
        ("Rotterdam", ("301# @@", "303# @@", "307# @@", "308# @@")),
        ("Den Haag", ("251# @@", "254# @@", "256# @@", "258# @@")),
        ("Utrecht", ("351# @@", "352# @@", "356# @@", "358# @@")),
        ("Eindhoven", ("561# @@", "562# @@", "564# @@")),
        ("Tilburg", ("501# @@", "503# @@", "504# @@")),
        ("Groningen", ("971# @@", "972# @@", "974# @@")),
        ("Almere", ("131# @@", "133# @@", "135# @@")),
        ("Breda", ("481# @@", "482# @@", "483# @@")),
        ("Nijmegen", ("651# @@", "652# @@", "654# @@")),
        ("Haarlem", ("201# @@", "202# @@", "203# @@")),
        ("Arnhem", ("681# @@", "682# @@", "683# @@")),
        ("Zwolle", ("801# @@", "802# @@")),
        ("Leiden", ("231# @@", "232# @@", "233# @@")),
        ("Maastricht", ("621# @@", "622# @@")),
        ("Delft", ("261# @@", "262# @@")),
        ("Amersfoort", ("381# @@", "382# @@")),
        ("'s-Hertogenbosch", ("521# @@", "522# @@")),
        ("Leeuwarden", ("891# @@", "892# @@")),
        ("Deventer", ("741# @@", "742# @@")),
        ("Enschede", ("751# @@", "752# @@")),
        ("Apeldoorn", ("731# @@", "732# @@")),
        ("Dordrecht", ("331# @@", "332# @@")),
        ("Gouda", ("280# @@", "282# @@")),
    ),
    "nl_BE": (
        ("Antwerpen", ("2000", "2018", "2020", "2060")),
        ("Borgerhout", ("2140",)),
        ("Gent", ("9000", "9030", "9040", "9050")),
        ("Brugge", ("8000", "8200")),
        ("Leuven", ("3000", "3001", "3010")),
        ("Mechelen", ("2800",)),
        ("Hasselt", ("3500",)),
        ("Kortrijk", ("8500",)),
        ("Oostende", ("8400",)),
        ("Aalst", ("9300",)),
        ("Sint-Niklaas", ("9100",)),
        ("Genk", ("3600",)),
        ("Turnhout", ("2300",)),
        ("Roeselare", ("8800",)),
        ("Lier", ("2500",)),
        ("Brussel", ("1000", "1030", "1080")),
        ("Tienen", ("3300",)),
        ("Geel", ("2440",)),
    ),
}

PROVINCES_IT = {
    "Roma": "RM", "Milano": "MI", "Torino": "TO", "Napoli": "NA", "Bologna": "BO", "Firenze": "FI", "Genova": "GE",
    "Palermo": "PA", "Bari": "BA", "Verona": "VR", "Padova": "PD", "Trieste": "TS", "Catania": "CT", "Brescia": "BS",
    "Parma": "PR", "Modena": "MO", "Perugia": "PG", "Cagliari": "CA", "Bergamo": "BG", "Lecce": "LE", "Pisa": "PI",
    "Trento": "TN", "Ancona": "AN", "Salerno": "SA",
}  # fmt: skip

_SPANISH_FLOORS = ("1.º A", "2.º B", "3.º izda.", "4.º dcha.", "bajo", "5.º C", "2.º 1.ª", "1.º 3.ª", "ático")


def postcode(pattern: str, country: str, r: random.Random) -> str:
    out = []
    for c in pattern:
        if c == "#":
            out.append(str(r.randint(0, 9)))
        elif c in "@*":
            out.append(r.choice(LETTERS["IE" if c == "*" else country]))
        else:
            out.append(c)
    return "".join(out)


def street(locale: str, r: random.Random) -> str:
    """A street and house number (and flat, floor or box where the country writes one) as one span."""
    name, n = r.choice(STREETS[locale]), r.randint(1, 148)
    if locale == "en_GB":
        return f"Flat {r.randint(1, 12)}, {n} {name}" if r.random() < 0.2 else f"{n} {name}"
    if locale == "en_IE":
        return f"Apartment {r.randint(1, 40)}, {n} {name}" if r.random() < 0.15 else f"{n} {name}"
    if locale == "fr_FR":
        return f"{n}{' bis' if r.random() < 0.1 else ''} {name}" if r.random() < 0.85 else f"{n}, {name}"
    if locale == "es_ES":
        base = f"{name}, {n}" if r.random() < 0.5 else f"{name} {n}"
        return f"{base}, {r.choice(_SPANISH_FLOORS)}" if r.random() < 0.6 else base
    if locale == "de_AT" and r.random() < 0.4:
        stair, door = r.randint(1, 4), r.randint(1, 22)
        return f"{name} {n}/{stair}/{door}" if r.random() < 0.5 else f"{name} {n}/{door}"
    if locale == "nl_BE" and r.random() < 0.25:
        return f"{name} {n} bus {r.randint(1, 12)}"
    if locale == "fr_BE" and r.random() < 0.2:
        return f"{name} {n} boîte {r.randint(1, 12)}"
    if locale == "nl_NL" and r.random() < 0.3:
        return f"{name} {n}{r.choice(('A', 'B', '-1', '-2', '-III', ' bis'))}"
    if locale in {"de_DE", "de_CH"} and r.random() < 0.15:
        return f"{name} {n}{r.choice('abc')}"
    if locale == "it_IT" and r.random() < 0.15:
        return f"{name} {n}/{r.choice('ABC')}"
    if locale == "it_IT" and r.random() < 0.4:
        return f"{name}, {n}"
    return f"{name} {n}"
