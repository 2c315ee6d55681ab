"""Real towns and real streets, typed by hand: France, Spain (Castilian, Catalan and Galician towns, each with its
streets as signposted in the local language), Italy and Italian-speaking Switzerland. Postcode patterns follow each
town's real postcode prefix; the digits filled in are random."""

from __future__ import annotations

from bench.heldout2.town import Town

T = Town  # short, for the table below

SOUTH: dict[str, tuple[T, ...]] = {
    "fr_FR": (
        T("Paris", "7500# 7501#", "01",
          "rue de la Roquette; rue Oberkampf; boulevard de Belleville; rue des Martyrs; avenue de Clichy;"
          " rue de Ménilmontant; rue du Faubourg Saint-Denis; rue de Charonne; avenue Parmentier; rue Lepic"),
        T("Lyon", "6900#", "04",
          "rue de la République; cours Gambetta; rue Paul Bert; montée de la Grande Côte; rue Saint-Jean;"
          " avenue Jean Jaurès; quai Saint-Vincent; cours Vitton"),
        T("Marseille", "1300# 1301#", "04",
          "la Canebière; boulevard Longchamp; rue Paradis; rue de Rome; cours Julien"),
        T("Bordeaux", "33000 33100 33200 33300 33800", "05",
          "cours Victor Hugo; rue Sainte-Catherine; quai des Chartrons; cours de l'Argonne; rue Notre-Dame"),
        T("Toulouse", "31000 31200 31300 31400 31500", "05",
          "rue d'Alsace-Lorraine; allées Jean Jaurès; avenue de Muret; rue du Taur; boulevard de Strasbourg"),
        T("Nantes", "44000 44100 44200 44300", "02",
          "rue Crébillon; quai de la Fosse; rue de Rennes; boulevard Guist'hau"),
        T("Lille", "59000 59800", "03",
          "rue Solférino; rue de Béthune; boulevard de la Liberté; rue Gambetta; rue Nationale"),
        T("Strasbourg", "67000 67100 67200", "03",
          "Grand'Rue; rue du Faubourg National; avenue des Vosges; route du Polygone; quai des Bateliers"),
        T("Rennes", "35000 35200 35700", "02", "rue de Saint-Malo; rue d'Antrain; avenue Janvier"),
        T("Montpellier", "34000 34070 34090", "04", "avenue de Toulouse; rue de l'Aiguillerie; route de Mende"),
        T("Nice", "06000 06100 06300", "04", "avenue Jean Médecin; boulevard de Cimiez; rue Bonaparte"),
        T("Grenoble", "38000 38100", "04", "cours Berriat; avenue Alsace-Lorraine; rue Très-Cloîtres"),
    ),
    "es_ES": (
        T("Madrid", "280##", "91",
          "Calle de Alcalá; Calle de Fuencarral; Calle de Bravo Murillo; Calle de Toledo; Paseo de las Delicias;"
          " Calle de Embajadores; Calle del Príncipe de Vergara; Avenida de la Albufera; Calle de Atocha"),
        T("Sevilla", "410##", "95",
          "Calle Feria; Calle Sierpes; Calle San Jacinto; Calle Betis; Avenida de Eduardo Dato"),
        T("Zaragoza", "500##", "976", "Calle del Coso; Paseo de la Independencia; Calle Delicias; Avenida de Madrid"),
        T("Bilbao", "480##", "94", "Calle Ledesma; Calle Iparraguirre; Calle Licenciado Poza; Calle Zabalbide"),
        T("Granada", "180##", "958", "Calle Recogidas; Calle San Juan de Dios; Camino de Ronda"),
        T("Málaga", "290##", "952", "Calle Larios; Calle Carretería; Avenida de Andalucía"),
        T("Valladolid", "470##", "983", "Calle Santiago; Paseo de Zorrilla; Calle Labradores"),
        # Catalan-speaking towns: the type word comes first and is Catalan ("Carrer de ...").
        T("Barcelona", "080##", "93",
          "Carrer de Mallorca; Carrer de Sants; Carrer de Verdi; Carrer Gran de Gràcia; Carrer d'Aragó;"
          " Carrer de Blai; Passeig de Sant Joan; Carrer de Pujades; Rambla del Poblenou; Carrer del Consell de Cent"),
        T("Girona", "170##", "972", "Carrer de la Força; Carrer del Migdia; Carrer Nord; Carrer de Santa Clara"),
        T("Tarragona", "430##", "977", "Rambla Nova; Carrer Major; Carrer de la Unió"),
        T("Lleida", "250##", "973", "Carrer Major; Avinguda de Prat de la Riba; Carrer de Sant Antoni"),
        T("Palma", "070##", "971", "Carrer de Sant Miquel; Carrer dels Oms; Avinguda de Jaume III"),
        T("València", "460##", "96", "Carrer de Russafa; Carrer de Cuba; Avinguda del Regne de València"),
        # Galician towns: "Rúa ..." first.
        T("Santiago de Compostela", "157##", "981",
          "Rúa do Franco; Rúa do Vilar; Rúa Nova; Rúa da Rosa; Rúa de San Pedro; Rúa da República de El Salvador"),
        T("A Coruña", "150##", "981", "Rúa Real; Rúa da Estrela; Rúa Galera; Avenida da Mariña; Rúa San Andrés"),
        T("Vigo", "362##", "986", "Rúa do Príncipe; Rúa Urzaiz; Rúa de García Barbón; Avenida de Castelao"),
        T("Lugo", "270##", "982", "Rúa da Raíña; Rúa Nova; Praza Maior"),
        T("Pontevedra", "360##", "986", "Rúa Real; Rúa Michelena; Rúa Benito Corbal"),
        T("Ourense", "320##", "988", "Rúa do Paseo; Rúa Santo Domingo"),
    ),
    "it_IT": (
        T("Roma", "001##", "06",
          "Via del Corso; Via Tuscolana; Via Appia Nuova; Via del Pigneto; Viale di Trastevere; Via Nomentana;"
          " Via Ostiense; Via Marmorata; Via dei Volsci; Circonvallazione Casilina", "RM"),
        T("Milano", "201##", "02",
          "Corso Buenos Aires; Via Padova; Viale Monza; Via Paolo Sarpi; Corso di Porta Ticinese; Via Tortona;"
          " Viale Certosa; Via Vigevano; Corso Lodi", "MI"),
        T("Torino", "101##", "011",
          "Via Po; Via Nizza; Corso Vittorio Emanuele II; Via Madama Cristina; Corso Regina Margherita", "TO"),
        T("Napoli", "801##", "081", "Via Toledo; Via dei Tribunali; Corso Umberto I; Via Foria; Via Chiaia", "NA"),
        T("Bologna", "401##", "051",
          "Via dell'Indipendenza; Via San Vitale; Via Zamboni; Strada Maggiore; Via del Pratello", "BO"),
        T("Firenze", "501##", "055", "Via dei Serragli; Borgo San Frediano; Via Gioberti; Via Faenza", "FI"),
        T("Genova", "161##", "010", "Via XX Settembre; Via Balbi; Via San Vincenzo", "GE"),
        T("Palermo", "901##", "091", "Via Maqueda; Via Roma; Corso Vittorio Emanuele; Via Libertà", "PA"),
        T("Bari", "701##", "080", "Corso Cavour; Via Sparano da Bari; Via Argiro", "BA"),
        T("Padova", "351##", "049", "Via Altinate; Via Roma; Via San Francesco", "PD"),
        T("Trieste", "341##", "040", "Via Carducci; Corso Italia; Via Cesare Battisti", "TS"),
    ),
    "it_CH": (
        T("Lugano", "690#", "091", "Via Nassa; Corso Elvezia; Via Pessina; Via Trevano"),
        T("Bellinzona", "650#", "091", "Viale Stazione; Piazza Collegiata"),
        T("Locarno", "660#", "091", "Via della Pace; Viale Balli"),
    ),
}  # fmt: skip
