"""Italian (it_IT, it_CH): hard-negative words, PII-free and PII templates by style. Italian joins prepositions and
articles, so places come with theirs ("dalla stazione", "all'aeroporto")."""

from __future__ import annotations

WORDS: dict[str, tuple[str, ...]] = {
    "holiday": ("Ferragosto", "Pasqua", "Pasquetta", "Santo Stefano", "Sant'Ambrogio", "Ognissanti", "San Giovanni",
                "Pentecoste", "Capodanno", "Natale", "San Silvestro", "Carnevale"),
    "storm": ("la tempesta Vaia", "il ciclone Daniel", "il medicane Ianos", "il ciclone Apollo", "la tempesta Ciarán",
              "il ciclone Poppea", "la tempesta Aline", "il ciclone Boris", "la tempesta Domingos", "il ciclone Kirk",
              "la tempesta Eunice", "il ciclone Blas"),
    "landmark": ("la stazione di Piazza Garibaldi", "l'aeroporto Leonardo da Vinci", "l'aeroporto Marco Polo",
                 "lo stadio Giuseppe Meazza", "la Galleria Vittorio Emanuele II", "la stazione Tiburtina",
                 "piazza Duomo", "l'aeroporto Caravaggio", "il Teatro alla Scala", "il Museo Galileo",
                 "la stazione di Porta Garibaldi", "piazza Dante", "il Ponte Vecchio", "la fermata Cavour",
                 "la stazione Santa Maria Novella", "l'aeroporto Falcone e Borsellino", "la Mole Antonelliana",
                 "piazza della Riforma"),
    "dalandmark": ("dalla stazione di Piazza Garibaldi", "dall'aeroporto Leonardo da Vinci", "dallo stadio Meazza",
                   "dalla stazione Tiburtina", "da piazza Duomo", "dall'aeroporto Caravaggio", "dalla fermata Cavour",
                   "dalla stazione di Porta Garibaldi", "dalla stazione Santa Maria Novella", "da piazza Dante",
                   "dall'aeroporto Marco Polo", "dalla stazione di Lugano"),
    "alandmark": ("alla stazione di Piazza Garibaldi", "all'aeroporto Leonardo da Vinci", "allo stadio Meazza",
                  "alla Galleria Vittorio Emanuele II", "in piazza Duomo", "al Museo Galileo", "alla fermata Cavour",
                  "al Teatro alla Scala", "al Ponte Vecchio", "in piazza Dante", "alla Mole Antonelliana",
                  "in piazza della Riforma"),
    "ocity": ("Milano", "Roma", "Torino", "Napoli", "Bologna", "Firenze", "Genova", "Bari", "Verona", "Padova",
              "Lugano", "Bellinzona", "Trieste", "Parma", "Brescia", "Bergamo", "Monaco di Baviera", "Francoforte",
              "Zurigo", "Lione", "Barcellona"),
    "country": ("Germania", "Francia", "Spagna", "Svizzera", "Austria", "Belgio", "Olanda", "Polonia", "Portogallo",
                "Grecia", "Slovenia", "Croazia"),
    "nat": ("tedeschi", "francesi", "spagnoli", "svizzeri", "austriaci", "belgi", "olandesi", "polacchi",
            "portoghesi", "greci", "sloveni"),
    "langinto": ("in tedesco", "in francese", "in spagnolo", "in inglese", "in olandese", "in portoghese",
                 "in sloveno", "in ladino", "in sardo"),
    "job": ("Responsabile acquisti", "Key account manager", "Responsabile amministrativo", "Tecnico di assistenza",
            "Responsabile della protezione dei dati", "Responsabile di magazzino", "Responsabile operations",
            "Ufficio amministrativo", "Project manager IT", "Responsabile risorse umane",
            "Addetto al customer care", "Controller"),
    "dept": ("Amministrazione", "Assistenza clienti", "Ufficio acquisti", "Risorse umane", "Logistica",
             "Ufficio legale", "Controllo qualità", "Manutenzione", "Supporto IT", "Marketing", "Paghe",
             "Direzione commerciale"),
    "music": ("la Nona di Beethoven", "il Requiem di Mozart", "Le quattro stagioni di Vivaldi", "la Traviata",
              "qualche notturno di Chopin", "la Tosca di Puccini"),
    "numword": ("due", "tre", "quattro", "cinque", "sei", "otto", "dieci", "dodici", "quindici", "venti", "trenta",
                "quarantacinque", "cento", "duecentocinquanta", "diciannove"),
    "saytime": ("nove e mezza", "dieci", "tre meno un quarto", "due", "undici e trenta", "sedici", "otto e un quarto"),
    "greet": ("Ciao a tutti", "Buongiorno a tutti", "Gentili signori", "Buongiorno", "Gentile cliente", "Ciao team"),
    "signoff": ("Cordiali saluti", "Un saluto", "Grazie mille", "Buona giornata", "Distinti saluti", "A presto"),
    "teamsig": ("Il team Assistenza clienti", "Ufficio Amministrazione", "Supporto IT Europa", "Il team Release",
                "Logistica e Spedizioni", "Il team Eventi"),
    "rating": ("5/5", "4 stelle su 5", "★★★★☆", "Voto: 3/5", "2 stelle"),
    "handle": ("@Trenitalia", "@Esselunga", "@Ferrari", "@Barilla", "@Lavazza", "@Fiat", "@italo_treno", "@Pirelli",
               "@Conad", "@PosteNews", "@Decathlon_IT", "@Benetton", "@FFS_IT"),
}  # fmt: skip

FREE: dict[str, tuple[str, ...]] = {
    "chat": (
        "qualcuno sa se nella sede di {ocity} ci sono caricatori per il {device}? il mio è morto durante la call "
        "di {tool}\ne con {storm} in arrivo {weekday} forse lavoro da casa",
        "domanda veloce: l'integrazione {saas} manda ancora i ticket su {saas2} dopo la {version}? quelli di "
        "{dept} dicono che dalle {time} non arriva più niente",
        "pranzo {alandmark}? fanno il tiramisù {food} adesso 😄 siamo in {num} da {dept}",
    ),
    "email": (
        "{greet},\n\nvi ricordo che la sede di {ocity} resterà chiusa per {holiday}. Le consegne per il cliente "
        "{company} andranno al magazzino di {ocity2} e l'ordine {order} partirà in data {date}.\n\nPer le urgenze "
        "aprite un ticket su {saas}.\n\n{signoff},\n{teamsig}",
        "Oggetto: collezione primavera {fashion} - ripartizione\n\n{greet},\n\nle linee {fashion} e {fashion2} "
        "arrivano al centro di distribuzione di {ocity} a {month}. I negozi per i clienti {nat} ricevono il {pct} "
        "della prima consegna, il resto va in {country}.\n\nCodici: {sku}, {sku2}, {sku3}\n\n{signoff},\n{teamsig}\n"
        "{dept} | {company}",
        "{greet},\n\ngrazie per l'ordine {order} ({date}). Il suo {device} ha lasciato il nostro magazzino di "
        "{ocity}, numero di tracking {tracking}.\n\nPuò anche chiedere: «{assistant}, dov'è il mio pacco?»\n\n"
        "{signoff},\nAssistenza clienti {shop}",
    ),
    "transcript": (
        "allora la {l_carmodel} è prenotata per il tagliando {l_weekday} alle {saytime} le diamo una {l_carmodel2} "
        "di cortesia e il conto sarà intorno ai {numword} euro",
        "sì con {l_storm} il magazzino di {l_ocity} è rimasto chiuso {numword} giorni e tutte le consegne {l_shop} "
        "sono slittate a {l_weekday}",
        "{l_assistant} imposta un timer di {numword} minuti e poi metti {music} sul {l_device}",
    ),
    "log": (
        "{ts} INFO  servizio-ordini ordine={order} articolo={sku} qta={num} magazzino={u_ocity} spedizione="
        '{tracking}\n{ts2} WARN  servizio-ordini ordine={order} verifica_indirizzo=SALTATA motivo="cliente business '
        '{company}"',
        '{"ts":"{ts}","livello":"ERROR","servizio":"pagamenti","host":"{host}","percorso":"{path}",'
        '"latenza_ms":{ms},"trace":"{traceid}","messaggio":"il provider {saas} non risponde"}',
        "[{logtime}] {tool} job=export-notturno stato=OK righe={big} destinazione=s3://export-{sitecode}/{isodate}/\n"
        "[{logtime2}] {tool} job=export-notturno WARN codifica non impostata, uso UTF-8",
    ),
    "csv": (
        "codice;descrizione;magazzino;giacenza\n{sku};{device};{ocity};{count}\n{sku2};{device2};{ocity2};{count2}\n"
        "{sku3};box da tetto {carmodel};{ocity};{count3}",
        "data;negozio;città;incasso;resi\n{isodate};{shop} Centro;{ocity};{amount};{num}\n{isodate2};{shop2} "
        "Stazione;{ocity2};{amount2};{num2}",
        "ticket;creato;coda;team;oggetto\n{ticket};{isodate};{dept};{dept2};SSO {saas} rotto dalla {version}\n"
        "{ticket2};{isodate2};{dept};{dept3};Nota di credito ordine {order} ({shop})",
    ),
    "ticket": (
        "Ticket {ticket}: la sincronizzazione con {saas} si interrompe\nPriorità: alta | Coda: {dept}\n\nDalla "
        "{version} il connettore {saas} si ferma dopo {count} record. Coinvolte le sedi di {ocity} e {ocity2}. "
        "Riprodotto su un {device}. Log in {path}.",
        "Oggetto: ricambio lavastoviglie {appliance}\nCodice cliente: {custid}\nModello {sku}, acquistato da {shop} "
        "in data {date}. Errore E24 dopo {num} settimane. Centro assistenza di {ocity}. Intervento di preferenza "
        "{weekday} mattina.",
        "Bug: la skill di {assistant} pronuncia «{carmodel}» come «{carmaker}»\nPassi: chiedere il {shop} più "
        "vicino e poi gli orari per {holiday}.\nAtteso: gli orari. Ottenuto: HTTP 500 su {path}. Build {build}.",
    ),
    "meeting_notes": (
        "Verbale riunione settimanale, {longdate}\nPresenti: {dept}, {dept2}, {dept3}\n- Contratto {company}: "
        "rinnovo a {month}, lo controlla l'Ufficio legale\n- Trasloco del magazzino di {ocity} rinviato dopo "
        "{storm}\n- Licenze {saas}: {count} postazioni, da ridurre\nAzione: {dept} manda la previsione prima di "
        "{holiday}.",
        "Retro sprint {num}\nBene: dashboard {tool}, {tool2} aggiornato alla {version}\nDa migliorare: passaggio "
        "della reperibilità al team di {ocity}; test del checkout instabili ({pct} di errori)\nAzione: il {job} "
        "si occupa del runbook",
        "Preparazione {fair}\n- Stand a {venue}, padiglione {num}\n- Demo: {device}, {device2}\n- Stampa estera "
        "({country}) il primo giorno\n- Budget {amount}; ritrovo {alandmark}",
    ),
    "changelog": (
        "## {version} ({isodate})\n### Novità\n- Connettori {saas} e {saas2}\n- Interfaccia tradotta {langinto}\n"
        "### Correzioni\n- Per i clienti {nat} compariva {month} invece del mese scelto\n- Crash sul {device} con le "
        "scorciatoie di {assistant}",
        "Note di rilascio {version}\n* Supporto per {device} e {device2}\n* Nuova regione {region}\n* Gli export "
        "includono l'EAN (es. {ean})\n* Corretto: le fatture {company} riportavano {amount} due volte",
        "{version}: {tool} aggiornato a {version2}; rimosso il supporto per {device}; webhook {saas} spostati su "
        "{path}; coda {u_sitecode}-ORDINI rinominata",
    ),
    "news": (
        "{c_storm} ha portato {weekday} raffiche fino a {speed} km/h. {company} ha fatto sapere che lo stabilimento "
        "di {ocity} resterà chiuso fino a nuovo avviso. I treni in partenza {dalandmark} hanno accumulato fino a "
        "{num} ore di ritardo.",
        "La {carmodel} si produce a {ocity} dal {year}. Da {month} lo stabilimento monterà anche batterie "
        "per {carmaker}, con {count} nuovi posti di lavoro, secondo l'azienda.",
        "Il {fair} ha aperto {weekday} a {venue}, attesi {big} visitatori. Gli espositori {nat} occupano il {pct} "
        "della superficie; {maker} e {maker2} presentano le nuove gamme.",
    ),
    "review": (
        "{rating} Preso il {device} da {shop} a {amount}. La batteria dura {num} giorni e {assistant} funziona, ma "
        "il menu tradotto {langinto} ha degli errori. Lo ricomprerei.",
        "Buona scelta di prodotti {food}, ma il negozio {shop} vicino alla stazione {weekday} era di nuovo senza "
        "{food2}. "
        "Personale gentile. 3/5",
        "Noleggiata una {carmodel} per una settimana in {country}. Guida morbida, il {pct} di consumi in meno "
        "della nostra vecchia {carmodel2}. Ma il ritiro ha richiesto {count} minuti. {rating}",
    ),
    "invoice": (
        "FATTURA {invoice}\nData: {date}    Cod. cliente: {custid}\nP. IVA: {vatid}\n\n{num} x {device}   {amount}"
        "\n1 x estensione garanzia {appliance}   {amount2}\nSpedizione (hub di {ocity})   {amount3}\n\nPagamento a "
        "30 giorni. Riferimento mandato: {refiban}",
        "Conferma d'ordine {order}\nCappotto in lana {fashion}, tg. 42   {amount}\nSciarpa {fashion2}   {amount2}\n"
        "Ritiro: {shop} Click & Collect, {ocity}\nPrevisto: {date}. Per informazioni: pratica n. {refphone}.",
        "Nota di credito {invoice} sull'ordine {order}: {num} confezioni regalo {food} rese al magazzino di {ocity}, "
        "rimborso di {amount} in data {date}.",
    ),
    "calendar": (
        "{longdate}\n09:00 Onboarding {saas} (sala {room})\n11:30 Revisione trimestrale {company}, sede di {ocity}"
        "\n14:00 Volo {flight} per {ocity2}\n{c_holiday}: uffici chiusi",
        "Promemoria: {fair}, {venue}, {daterange}. {train} da {ocity} alle {time}. Allestimento stand: {dept}.",
        "Fuori ufficio {daterange} ({holiday}). Urgenze {saas}: coda {dept}.",
    ),
    "social": (
        "Ritirata la nuova {carmodel} dal concessionario 🚗 {count} km di autonomia in una fredda mattina di "
        "{month}, niente male {handle}",
        "Coda da {shop} per la collab {fashion} x {fashion2} dalle {time} 🙃 esaurita in {count} minuti",
        "Opinione impopolare: {assistant} gestisce i timer meglio di {assistant2}. Chi ha il {device}, mi date "
        "ragione?",
        "{c_storm} ha di nuovo bloccato la linea in partenza {dalandmark}, consegne {shop} in ritardo anche "
        "in {country}. #maltempo",
    ),
}

PII: dict[str, tuple[str, ...]] = {
    "chat": (
        "ok ecco la carta per l'ordine {fashion}: {card}, scad. 08/27, intestata a {name}",
        "ha chiamato {first} del cliente {company}, è [bloccata|bloccato] nel traffico per {storm}. [la|lo] puoi "
        "richiamare al {phone}?",
        "ciao sono {l_first} 👋 mi sono trasferit[a|o] a {city} il mese scorso, nuovo numero {phone}, il vecchio "
        "{device} è morto",
    ),
    "email": (
        "Buongiorno,\n\nho rispedito il {device} al vostro magazzino di {ocity} in data {date} (reso "
        "{ticket}). Vi chiedo di rimborsare {amount} sul mio conto:\nIBAN {iban}\nIntestatari[a|o]: "
        "{name}\n\nGrazie,\n{first}",
        "[Gentile signora|Gentile signor] {last},\n\ngrazie per l'ordine {order}. Consegneremo il suo {device} a:\n"
        "\n{name}\n{address_ml}\n\nSe l'indirizzo non è corretto, risponda entro {date}.\n\nCordiali saluti,\n"
        "Assistenza clienti {shop}",
        "Ciao {first},\n\npiacere di averti conosciuto al {fair} ({venue}). Per la prova della {carmodel} {weekday} "
        "va ancora bene?\n\nUn saluto,\n{name2}\n{job}, {company} {ocity}\nCell.: {phone}\nEmail: {email2}",
    ),
    "transcript": (
        "sì buongiorno mi chiamo {l_name} chiamo per l'ordine {order} il {l_device} non è mai arrivato abito in "
        "{l_street} a {l_city} e il mio numero è {tphone}",
        "operatore {l_shop} buongiorno come posso aiutarla\ncliente sì sono {l_first} {l_last} mi sono trasferit[a|o] "
        "da {l_city} a {l_city2} il nuovo indirizzo è {l_street2} {l_postcode2}",
    ),
    "log": (
        '{ts} INFO  crm-sync contatto_aggiornato id={custid} nome="{name}" email={email} tel={phone} '
        "fonte={saas}\n{ts2} WARN  crm-sync contatto duplicato {email} unito",
        '{"ts":"{ts}","livello":"WARN","servizio":"pagamenti","evento":"mandato_sepa_creato","intestatario":'
        '"{name}","iban":"{iban}","regione":"{region}"}',
    ),
    "csv": (
        "beneficiario;iban;importo;causale\n{name};{iban};{amount};{invoice}\n{name2};{iban2};{amount2};{invoice2}",
        "nome;cognome;email;telefono;città\n{first};{last};{email};{phone};{city}\n{first2};{last2};{email2};"
        "{phone2};{city2}\n{first3};{last3};{email3};{phone3};{city3}",
        "ordine;cliente;indirizzo;cap;città;marca\n{order};{name};{street};{postcode};{city};{fashion}\n{order2};"
        "{name2};{street2};{postcode2};{city2};{fashion2}",
    ),
    "ticket": (
        "Ticket {ticket}\nAperto da: {name} <{email}>\nLa lavatrice {appliance} (modello {sku}) consegnata in "
        "{address} perde acqua. [La cliente|Il cliente] è in casa {weekday} mattina, tel. {phone}.",
        "Reso {ticket}: {name} ha restituito la giacca {fashion} nel negozio di {ocity}. Il rimborso sulla carta "
        "{card} non è andato a buon fine, chiede un bonifico su {iban}.",
    ),
    "meeting_notes": (
        "1:1 {first} / {first2} - {date}\n- {first} rientra dopo {holiday} e lavora da {city} fino a {month}\n"
        "- Offerta per {company}: la segue {first2}, slide su {saas}\n- {first} raggiungibile al {phone} in "
        "trasferta",
    ),
    "changelog": (
        "## {version}\n- Corretto: l'import da {saas} perdeva gli accenti nei nomi (segnalato da {name}, {email})\n"
        "- Corretto: layout del checkout sul {device}\n- Grazie a {name2} per la traduzione {langinto}",
    ),
    "news": (
        "{name}, di {city}, ha vinto il premio di design {carmaker} al {fair}: guiderà una {carmodel} per un anno.",
        "Quando {storm} ha allagato la sua via a {city}, {name} ha spostato il panificio nell'ex negozio {shop} "
        "accanto. «Abbiamo perso {count} pagnotte e un forno {appliance}», racconta.",
    ),
    "review": (
        "Ordinato il {device} da {shop}, consegnato in {street} in due giorni. Il corriere, {first2}, l'ha pure "
        "portato al terzo piano. 5/5 - {short}, {city}",
    ),
    "invoice": (
        "FATTURA {invoice}\nIntestata a: {name}\n{address_ml}\nP. IVA: {vatid}\n\n4 pneumatici invernali {tyre} "
        "per {carmodel}   {amount}\nMontaggio   {amount2}\n\nPagato con carta {card} in data {date}.",
        "Ordine {order} per {name}, {email}\nSpedire a: {address}\n{num} x cesto {food}   {amount}\nBiglietto: "
        "«Buone feste!»",
    ),
    "calendar": (
        "{longdate}\n10:00 Call con {name} ({company}), tel. {phone}\n13:00 Pranzo {alandmark}\n16:00 Visita "
        "all'appartamento in {street}, {postcode}",
        "Dentista per {first} alle {time}, {street}, {city}. Poi, se {storm} lo permette, prendere {first2} "
        "{alandmark}.",
    ),
    "social": (
        "Complimenti a {name} del nostro team di {ocity} per i 10 anni in {company}! 🎉 {first}, il posto auto "
        "della {carmodel} è tuo",
        "Smarrito: portafoglio nero {fashion} vicino alla stazione, {weekday}. Chi lo trova chiami il {phone}. "
        "- {first}, {city}",
    ),
}
