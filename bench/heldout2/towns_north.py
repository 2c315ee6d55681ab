"""Real towns and real streets, typed by hand: Great Britain, Germany, Austria, German- and French-speaking
Switzerland, the Netherlands and Belgium. Postcode patterns follow each town's real postcode district; the digits
filled in are random, so a postcode is plausible, not necessarily one that exists."""

from __future__ import annotations

from bench.heldout2.town import Town

T = Town  # short, for the table below

NORTH: dict[str, tuple[T, ...]] = {
    "en_GB": (
        T("London", "N1 N7 E8 E17 SE15 SW9 NW5 W12", "020",
          "Upper Street; Holloway Road; Mare Street; Rye Lane; Coldharbour Lane; Kentish Town Road; Uxbridge Road;"
          " Hoe Street; Stroud Green Road; Brixton Hill"),
        T("Leeds", "LS6 LS7 LS8 LS11 LS12", "0113",
          "Otley Road; Headingley Lane; Chapeltown Road; Roundhay Road; Dewsbury Road; Tong Road"),
        T("Manchester", "M14 M16 M20 M21", "0161",
          "Wilmslow Road; Burton Road; Barlow Moor Road; Beech Road; Ayres Road"),
        T("Bristol", "BS3 BS5 BS6 BS7", "0117",
          "Gloucester Road; North Street; Stapleton Road; Cotham Hill; Whiteladies Road"),
        T("Sheffield", "S7 S10 S11", "0114", "Abbeydale Road; Ecclesall Road; Sharrow Vale Road; Chesterfield Road"),
        T("Edinburgh", "EH6 EH7 EH9 EH10", "0131",
          "Leith Walk; Easter Road; Bruntsfield Place; Morningside Road; Great Junction Street"),
        T("Glasgow", "G3 G11 G12 G41", "0141",
          "Byres Road; Dumbarton Road; Great Western Road; Pollokshaws Road; Argyle Street"),
        T("Cardiff", "CF10 CF11 CF24", "029", "City Road; Cowbridge Road East; Albany Road; Clifton Street"),
        T("Norwich", "NR2 NR3", "01603", "Unthank Road; Magdalen Street; Earlham Road; Dereham Road"),
        T("York", "YO10 YO30 YO31", "01904", "Bishopthorpe Road; Haxby Road; Heslington Road; Gillygate"),
        T("Brighton", "BN1 BN2", "01273", "Ditchling Road; Lewes Road; Western Road; Preston Road"),
        T("Oxford", "OX2 OX4", "01865", "Cowley Road; Iffley Road; Walton Street; Abingdon Road"),
        T("Belfast", "BT7 BT9", "028", "Ormeau Road; Lisburn Road; Botanic Avenue"),
        T("Inverness", "IV2 IV3", "01463", "Culduthel Road; Kenneth Street; Old Edinburgh Road"),
    ),
    "de_DE": (
        T("Berlin", "104## 105## 107## 109## 120## 122## 130## 134##", "030",
          "Torstraße; Kastanienallee; Oranienstraße; Bergmannstraße; Sonnenallee; Karl-Marx-Straße;"
          " Schönhauser Allee; Kollwitzstraße; Boxhagener Straße; Müllerstraße; Hermannstraße; Greifswalder Straße"),
        T("Hamburg", "20### 21### 22###", "040",
          "Osterstraße; Eppendorfer Weg; Lange Reihe; Schulterblatt; Fuhlsbüttler Straße; Max-Brauer-Allee;"
          " Steilshooper Straße"),
        T("München", "80### 81###", "089",
          "Leopoldstraße; Sendlinger Straße; Schwanthalerstraße; Rosenheimer Straße; Nymphenburger Straße;"
          " Türkenstraße; Belgradstraße; Fraunhoferstraße"),
        T("Köln", "50### 51###", "0221",
          "Venloer Straße; Aachener Straße; Zülpicher Straße; Severinstraße; Neusser Straße; Dürener Straße"),
        T("Frankfurt am Main", "603## 604## 605##", "069",
          "Berger Straße; Leipziger Straße; Schweizer Straße; Mainzer Landstraße; Eschersheimer Landstraße; Oeder Weg"),
        T("Leipzig", "041## 043##", "0341",
          "Karl-Liebknecht-Straße; Eisenbahnstraße; Georg-Schwarz-Straße; Könneritzstraße"),
        T("Dresden", "010## 011##", "0351", "Königsbrücker Straße; Louisenstraße; Alaunstraße; Bautzner Straße"),
        T("Stuttgart", "701## 703##", "0711", "Königstraße; Hauptstätter Straße; Olgastraße; Böblinger Straße"),
        T("Freiburg im Breisgau", "790## 791##", "0761",
          "Günterstalstraße; Basler Straße; Eschholzstraße; Kaiser-Joseph-Straße; Habsburgerstraße"),
        T("Bremen", "281## 282##", "0421",
          "Ostertorsteinweg; Vor dem Steintor; Waller Heerstraße; Schwachhauser Heerstraße; Am Dobben"),
        T("Hannover", "301## 304##", "0511",
          "Limmerstraße; Lister Meile; Podbielskistraße; Hildesheimer Straße; Engelbosteler Damm"),
        T("Münster", "481## 482##", "0251", "Hammer Straße; Wolbecker Straße; Warendorfer Straße; Hafenweg"),
        T("Nürnberg", "904## 905##", "0911", "Fürther Straße; Allersberger Straße; Pirckheimerstraße; Bucher Straße"),
        T("Kiel", "241## 243##", "0431", "Holtenauer Straße; Knooper Weg; Feldstraße; Wilhelminenstraße"),
    ),
    "de_AT": (
        T("Wien", "10#0 11#0 12#0", "01",
          "Mariahilfer Straße; Favoritenstraße; Thaliastraße; Landstraßer Hauptstraße; Währinger Straße; Praterstraße;"
          " Neubaugasse; Kaiserstraße"),
        T("Graz", "80#0", "0316", "Annenstraße; Elisabethstraße; Leonhardstraße; Sackstraße"),
        T("Linz", "40#0", "0732", "Landstraße; Wiener Straße; Herrenstraße"),
        T("Salzburg", "50#0", "0662", "Linzer Gasse; Getreidegasse; Ignaz-Harrer-Straße"),
        T("Innsbruck", "60#0", "0512", "Maria-Theresien-Straße; Museumstraße; Anichstraße"),
    ),
    "de_CH": (
        T("Zürich", "80##", "044",
          "Langstrasse; Badenerstrasse; Seefeldstrasse; Josefstrasse; Universitätstrasse; Weinbergstrasse"),
        T("Bern", "30##", "031", "Kramgasse; Lorrainestrasse; Belpstrasse; Länggassstrasse"),
        T("Basel", "40##", "061", "Feldbergstrasse; Güterstrasse; Klybeckstrasse; Elsässerstrasse"),
        T("Luzern", "600#", "041", "Pilatusstrasse; Baselstrasse; Hirschmattstrasse"),
        T("Winterthur", "84##", "052", "Technikumstrasse; Zürcherstrasse"),
    ),
    "fr_CH": (
        T("Genève", "120#", "022",
          "Rue de Carouge; Boulevard Carl-Vogt; Rue du Stand; Rue des Eaux-Vives; Avenue de Champel"),
        T("Lausanne", "100#", "021", "Avenue de France; Rue de Bourg; Avenue d'Ouchy; Rue du Valentin"),
        T("Neuchâtel", "200#", "032", "Rue des Parcs; Avenue du Premier-Mars; Rue de l'Écluse"),
        T("Fribourg", "170#", "026", "Rue de Lausanne; Boulevard de Pérolles"),
    ),
    "nl_NL": (
        T("Amsterdam", "10## 11##", "020",
          "Kerkstraat; Ferdinand Bolstraat; Javastraat; Haarlemmerdijk; Eerste Van Swindenstraat; Bilderdijkstraat;"
          " Prinsengracht; Jan Pieter Heijestraat; Van Woustraat; Overtoom"),
        T("Rotterdam", "30##", "010",
          "Nieuwe Binnenweg; Witte de Withstraat; Zwart Janstraat; Beijerlandselaan; Goudsesingel; Schiedamseweg"),
        T("Den Haag", "25##", "070",
          "Laan van Meerdervoort; Weimarstraat; Frederik Hendriklaan; Prinsestraat; Vaillantlaan;"
          " Laan van Nieuw Oost-Indië"),
        T("Utrecht", "35##", "030",
          "Oudegracht; Biltstraat; Amsterdamsestraatweg; Twijnstraat; Kanaalstraat; Laan van Puntenburg;"
          " Laan van Nieuw Guinea"),
        T("Eindhoven", "56##", "040", "Stratumseind; Kruisstraat; Boschdijk; Aalsterweg"),
        T("Groningen", "97##", "050", "Oosterstraat; Folkingestraat; Nieuwe Ebbingestraat; Korreweg; Zuiderdiep"),
        T("Nijmegen", "65##", "024", "Hertogstraat; Molenstraat; Graafseweg; Sint Annastraat; Lange Hezelstraat"),
        T("Leiden", "23##", "071", "Breestraat; Haarlemmerstraat; Hooigracht; Rijnsburgerweg"),
        T("Haarlem", "20##", "023", "Grote Houtstraat; Zijlweg; Kleverparkweg; Gedempte Oude Gracht"),
        T("Maastricht", "62##", "043", "Rechtstraat; Wycker Brugstraat; Boschstraat; Tongerseweg"),
        T("Zwolle", "80##", "038", "Diezerstraat; Assendorperstraat"),
        T("Enschede", "75##", "053", "Haaksbergerstraat; Oldenzaalsestraat"),
    ),
    "nl_BE": (
        T("Antwerpen", "2000 2018 2060 2140 2600", "03",
          "Meir; Kammenstraat; Turnhoutsebaan; Lange Kievitstraat; De Keyserlei; Mechelsesteenweg"),
        T("Gent", "9000 9030 9040 9050", "09",
          "Veldstraat; Overpoortstraat; Sint-Pietersnieuwstraat; Dampoortstraat; Kortrijksesteenweg; Brabantdam"),
        T("Leuven", "3000 3001 3010", "016", "Bondgenotenlaan; Naamsestraat; Tiensestraat; Diestsesteenweg"),
        T("Brugge", "8000 8200", "050", "Steenstraat; Langestraat; Katelijnestraat; Ezelstraat"),
        T("Mechelen", "2800", "015", "Bruul; Hoogstraat; Adegemstraat"),
        T("Hasselt", "3500", "011", "Demerstraat; Kuringersteenweg"),
    ),
    "fr_BE": (
        T("Bruxelles", "1000 1030 1050 1060 1080 1180 1190", "02",
          "Chaussée d'Ixelles; Rue Haute; Avenue Louise; Chaussée de Waterloo; Rue Royale; Boulevard Anspach"),
        T("Liège", "4000 4020", "04", "Rue Saint-Gilles; Boulevard de la Sauvenière; Rue Féronstrée; Quai de Rome"),
        T("Namur", "5000", "081", "Rue de Fer; Rue de l'Ange; Avenue de la Plante"),
        T("Charleroi", "6000", "071", "Boulevard Tirou; Rue de Marcinelle"),
        T("Mons", "7000", "065", "Rue de Nimy; Grand-Rue"),
    ),
}  # fmt: skip
