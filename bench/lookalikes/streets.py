"""Streets of each locale, typed by hand for the lookalikes tuning set (real street names, no house numbers)."""

from __future__ import annotations

_GB = ("Mill Lane", "Station Road", "Church Street", "Holloway Road", "Victoria Road", "Ashgrove Avenue",
       "Beechwood Close", "Kingsley Road", "Elm Grove", "Marlborough Road", "Cavendish Street", "Harrow Road",
       "Albert Terrace", "Oakfield Drive", "Clarendon Road", "Portland Street", "Meadow View", "Queens Crescent",
       "Gladstone Street", "Hawthorn Way", "Rosebery Avenue", "Chapel Walk", "Wellington Street", "Lark Rise",
       "Brunswick Square", "Fenwick Close", "Hillside Gardens")  # fmt: skip
_IE = ("Seaview Terrace", "Main Street", "Griffith Avenue", "Mountjoy Square", "Pearse Street", "Shop Street",
       "Castle Road", "Ballymun Road", "Rathgar Road", "Clonliffe Road", "Sundays Well Road", "Newcastle Road",
       "Dominick Street", "Church View", "Willow Park Drive", "Strand Road", "Lower Baggot Street", "Western Road",
       "Oliver Plunkett Street", "College Road")  # fmt: skip
_DE = ("Lindenstraße", "Schillerstraße", "Goethestraße", "Hauptstraße", "Bahnhofstraße", "Kastanienallee",
       "Am Mühlbach", "Bergstraße", "Gartenweg", "Schulstraße", "Rosenstraße", "Wilhelm-Leuschner-Straße",
       "Friedrichstraße", "Ahornweg", "Eichendorffstraße", "Kantstraße", "Sonnenallee", "Bismarckstraße",
       "Am Stadtpark", "Theodor-Heuss-Ring", "Weidenweg", "Uhlandstraße", "Kirchplatz", "Auf dem Berg",
       "Lerchenfeldstraße")  # fmt: skip
_AT = ("Mariahilfer Straße", "Gumpendorfer Straße", "Linzer Gasse", "Herrengasse", "Hauptplatz",
       "Landstraßer Hauptstraße", "Favoritenstraße", "Annenstraße", "Schubertstraße", "Wiedner Hauptstraße",
       "Kaiserstraße", "Leopoldstraße", "Mozartgasse", "Rennweg", "Anichstraße", "Elisabethstraße",
       "Ottakringer Straße", "Währinger Straße")  # fmt: skip
_CH_DE = ("Bahnhofstrasse", "Seestrasse", "Dorfstrasse", "Kirchweg", "Langstrasse", "Zürcherstrasse", "Hauptgasse",
          "Spitalgasse", "Schützenmattstrasse", "Weinbergstrasse", "Badenerstrasse", "Rosenweg", "Feldstrasse",
          "Gerechtigkeitsgasse", "Sonnenbergstrasse", "Hirschengraben", "Steinenvorstadt",
          "Mühlebachstrasse")  # fmt: skip
_FR = ("rue des Lilas", "avenue Jean-Jaurès", "boulevard Voltaire", "impasse des Tilleuls", "chemin de la Source",
       "place du Marché", "rue de la République", "rue Victor-Hugo", "allée des Acacias", "rue du Moulin",
       "rue Pasteur", "avenue de la Libération", "rue Paul-Bert", "quai de la Loire", "rue Nationale",
       "rue des Écoles", "boulevard Gambetta", "rue Saint-Michel", "cours Lafayette", "rue Garibaldi",
       "route de Narbonne", "rue de Brest")  # fmt: skip
_BE_FR = ("Rue de la Station", "Avenue Louise", "Chaussée de Waterloo", "Rue Haute", "Rue des Guillemins",
          "Boulevard d'Avroy", "Rue de Fer", "Rue du Midi", "Avenue de Tervueren", "Rue Royale", "Place Flagey",
          "Chaussée de Charleroi", "Rue des Carmes", "Rue du Collège", "Rue Saint-Gilles")  # fmt: skip
_CH_FR = ("Rue du Lac", "Avenue de la Gare", "Chemin des Vignes", "Rue de Carouge", "Boulevard de Grancy",
          "Rue du Rhône", "Avenue d'Ouchy", "Rue de Lausanne", "Chemin du Bois-Gentil", "Rue des Alpes",
          "Route de Chêne", "Rue de Bourg", "Avenue de France")  # fmt: skip
_ES = ("Calle Mayor", "Calle de Alcalá", "Avenida de América", "Paseo de la Castellana", "Carrer de Provença",
       "Plaza de España", "Calle San Vicente Mártir", "Calle del Olmo", "Calle Real", "Avenida de la Constitución",
       "Calle Larios", "Gran Vía", "Calle de Serrano", "Carrer de Sants", "Calle Colón", "Avenida del Puerto",
       "Calle Sierpes", "Calle de Toledo", "Calle Uría", "Rúa do Franco", "Calle Iparraguirre",
       "Avenida Blasco Ibáñez", "Calle Cervantes")  # fmt: skip
_IT = ("Via Roma", "Via Giuseppe Verdi", "Corso Buenos Aires", "Viale dei Mille", "Piazza della Libertà",
       "Via dei Tigli", "Via Garibaldi", "Corso Vittorio Emanuele II", "Via Po", "Via Toledo", "Via Nazionale",
       "Via Mazzini", "Via dell'Indipendenza", "Via San Vitale", "Via del Corso", "Via Manzoni", "Viale Monza",
       "Via Etnea", "Via Sparano", "Via Cavour", "Borgo San Frediano", "Via XX Settembre",
       "Via dei Serragli")  # fmt: skip
_CH_IT = ("Via Nassa", "Via Cantonale", "Via Pretorio", "Via Canova", "Viale Stefano Franscini", "Via Motta",
          "Via San Gottardo", "Piazza Grande", "Via della Posta", "Via Trevano", "Via Ciseri", "Via Vela")  # fmt: skip
_NL = ("Kerkstraat", "Prinsengracht", "Laan van Meerdervoort", "Oudegracht", "Spoorlaan", "Dorpsstraat",
       "Vondelstraat", "Nieuwe Binnenweg", "Witte de Withstraat", "Biltstraat", "Stratumseind", "Hoogstraat",
       "Molenweg", "Julianalaan", "Beatrixstraat", "Zeestraat", "Amsterdamsestraatweg", "Vismarkt", "Herengracht",
       "Bergweg", "Nobelstraat", "Van Welderenstraat", "Burgemeester Reigerstraat", "Koningsweg")  # fmt: skip
_BE_NL = ("Veldstraat", "Meir", "Kortrijksesteenweg", "Diestsestraat", "Nationalestraat", "Overpoortstraat",
          "Steenstraat", "Bondgenotenlaan", "Turnhoutsebaan", "Lange Kievitstraat", "Sint-Pietersnieuwstraat",
          "Koning Albertstraat", "Kapucijnenvoer", "Naamsestraat", "Bruul", "Dorpsstraat")  # fmt: skip
STREETS: dict[str, tuple[str, ...]] = {
    "en_GB": _GB, "en_IE": _IE, "de_DE": _DE, "de_AT": _AT, "de_CH": _CH_DE, "fr_FR": _FR, "fr_BE": _BE_FR,
    "fr_CH": _CH_FR, "es_ES": _ES, "it_IT": _IT, "it_CH": _CH_IT, "nl_NL": _NL, "nl_BE": _BE_NL,
}  # fmt: skip
