"""Italian templates: sentences per register and the words of each style's frame (no elision before a name or a
town: the tokenizer keeps ``dell'Anna`` as one token)."""

# ruff: noqa: RUF001 -- typographic dashes and quotes are part of the generated text

from .example import lines

SENTENCES = {
    "prose": lines(r"""
        {PF} si è trasferito a {L} {YEARP} e guida ancora la stessa vecchia {CAR}.
        Ieri {F} ha preso il treno da {L} a {L} ed è arrivata con due ore di ritardo.
        La mia vicina {F} è cresciuta a {L} ma vive a {L} da anni.
        {T} sarà a {L} {DAY} per firmare il contratto d'affitto.
        Abbiamo conosciuto {PF} a una fiera a {LW} lo scorso {MONTH}.
        Secondo {F} il pacco non è mai arrivato in {ADDR}.
        L'appartamento a {L} è di {PF}, che lo affitta a studenti.
        Secondo {T}, {STORM} ha ritardato la consegna a {L}.
        {F} e {F} volano a {LW} il {DATE}.
        Nata a {L}, {PF} lavora nell'ufficio {DEPT} {YEARP}.
        {F} abita in {PSTREET}, a {L}.
        Stamattina ho parlato con {F}, adesso la pratica ce l'ha {T}.
        L'estate scorsa {PF} è andato in bici da {L} fino a {L}.
        Si prega di inviare la fattura a {PF}, {ADDR}.
        {F} pensa che {NATP} accetterà le nuove condizioni.
        {F} torna da {L} prima di {MONTH}?
        {PF}, {JOB} di {L}, ha comprato una {CAR} {YEARP}.
        Il nostro autista {F} è rimasto bloccato fuori {L}: c'era {STORM}.
        {T} viene da {LW} e ora vive a {L}.
        Le chiavi le ha {F1}, quindi chiama prima {F1}.
        Nessuno ha più notizie di {F} dal viaggio a {L}.
        {F} resta dalla zia a {L} fino al {DATE}.
        Sia {PF} sia {PF} hanno firmato la petizione a {L}.
        È stato {F} a trovare il portafoglio sull'autobus per {L}.
        Questo fine settimana {F} va a trovare i nonni a {L}.
    """),
    "ticket": lines(r"""
        Il cliente {PF} di {L} segnala che l'app {PROD} si chiude al login.
        {T} ha richiamato per l'ordine {ORDER}; il pacco è andato in {ADDR} invece che a {L}.
        Aggiornare l'indirizzo di fatturazione di {PF}: {ADDR}.
        {F} non riesce ad accedere a {SAAS} dopo l'aggiornamento a {PROD}.
        Inoltrato da {F} ({DEPT}): il rimborso di {AMT} per {PF} è ancora in sospeso.
        Il chiamante {PF} dice che il tecnico non si è presentato a {L} {DAY}.
        {T} vuole che il dispositivo sostitutivo sia spedito a una parente a {L}.
        Duplicato di {TICKET}, aperto da {F} dopo che {STORM} ha danneggiato il tetto a {L}.
        L'utente {H} segnala che l'esportazione verso {SAAS} fallisce ogni notte.
        La titolare del conto, {PF}, {ADDR}, chiede la cancellazione dei propri dati.
        Assegnato a {F}. Il cliente abita a {L}, richiamare dopo le {TIME}.
        {PF} si è trasferita da {L} a {L}, il contratto va volturato.
        Manca la lettura del contatore di {T} a {L} da {MONTH}.
    """),
    "chat": lines(r"""
        ciao {F}, sei ancora a {L}?
        {H} puoi dare un'occhiata alla board di {SAAS}?
        pranzo con {F} alle 13?
        {F} è bloccata nel traffico vicino a {L}, iniziate senza di noi
        appena atterrato a {LW}
        {F} ha già mandato le slide?
        {F} e {F} arrivano domani da {L}
        sollecita {H} per la fattura pls
        oggi lavoro da {L}, rientro {DAY}
        {F} vi saluta da {L}!
        ok grazie {F}
        qualcuno può dare accesso a {SAAS} a {F}?
        {H} {H} standup tra 5 min
        chi sostituisce {F} {DAY}?
        il treno di {F} da {L} è di nuovo cancellato
        qualcuno ha visto {F} oggi?
        sono a {L} fino a {DAY}, chiamami
    """),
    "email": lines(r"""
        La ringrazio per il messaggio relativo all'ordine {ORDER}.
        Ho chiesto a {PF} dell'ufficio {DEPT} di occuparsene.
        I documenti sono stati spediti in {ADDR} il {DATE}.
        {F} mi ha detto che il mese prossimo si trasferisce a {L}.
        Può confermare se {T} parteciperà alla riunione a {L}?
        Sono fuori ufficio fino al {DATE}; nel frattempo contatti {PF}.
        Come concordato con {F}, spediremo il ricambio a {L}.
        In allegato la fattura di {AMT}.
        Siamo stati da {T} a {L} {DAY} ed è tutto a posto.
        Mi faccia sapere se {F} ha bisogno d'altro.
        Dal {DATE} il mio nuovo indirizzo è {ADDR}.
    """),
    "transcript": lines(r"""
        {UH} buongiorno mi chiamo {PF} e chiamo da {L}
        sì {UH} l'indirizzo è {ADDR}
        {UH} è per mia madre {PF} che abita a {L}
        allora {UH} ho parlato con {F} la settimana scorsa e {UH} niente
        {F} {UH} {S} esatto
        mi sono trasferito a {L} nel {Y} {UH} quindi l'indirizzo vecchio è sbagliato
        {UH} il conto l'ha aperto mio marito {F}
        il tecnico {F} ha detto che passava {DAY}
        siamo a {L} {UH} vicino alla stazione
        no no {UH} non {L} è {L}
        posso parlare con {F} per favore {UH} se ne occupava lei
    """),
    "dialogue": lines(r"""
        Hai notizie di {F}?
        Sì, {F} è a {L} fino a {DAY}.
        Chiedo a {T} di richiamarla.
        Quando parti per {LW}?
        Me lo può mandare al mio indirizzo a {L}?
        {PF} l'ha approvato stamattina.
        Per me va bene.
        Il ticket di {SAAS} è ancora aperto.
        È quella di {BRAND}?
        Io sono cresciuto a {L}, in realtà.
        Saluta {F} da parte mia.
    """),
    "cv": lines(r"""
        0|{YY}   {JOB}, {BRAND}, {L}
        0|dal {Y}   {JOB} presso {SAAS}, da remoto da {L}
        0|{YY}   {JOB} ({DEPT}), {BRAND}
        1|{Y}   Laurea magistrale in Informatica, {L}
        1|{YY}   Diploma di ragioneria, {L}
        2|Italiano (madrelingua), inglese (C1), tedesco (B1)
        2|Lingue: italiano, spagnolo, inglese
        3|{PF}, {JOB}, {BRAND} ({PHONE})
        3|Disponibili su richiesta.
        4|Nata il {DOB} a {L}
        4|Indirizzo: {ADDR}
        4|Disponibile a trasferirsi a {L} o {LW}.
    """),
    "review": lines(r"""
        Servizio ottimo, il tecnico è arrivato puntuale a {L}.
        Ordinato il {PROD}, arrivato a {L} in due giorni.
        {F} al banco {FASHION} è stata davvero gentile.
        Due notti a {L}; {F} alla reception è stata carinissima.
        Sconsigliato. La consegna a {L} ha richiesto tre settimane.
        Grazie a {F} per aver sistemato il rimborso di {AMT}.
    """),
    "meeting": lines(r"""
        {F} invia la bozza di contratto a {T} entro {DAY}.
        {PF} ha presentato la roadmap di {PROD}.
        Azione: {F} prenota il viaggio a {LW} per il {DATE}.
        {F} segnala che {SITE} è a corto di personale.
        Decisione: {F} andrà dal cliente a {L}.
        {F} è in ferie fino al {DATE}; sostituisce {F}.
        {T} ha dubbi sul contratto {SAAS}.
        {F} e {F} fanno i colloqui a {L} {DAY}.
    """),
    "neg": lines(r"""
        {SITE}: chiusura per lavori fino al {DATE}.
        L'officina {CAR} ha cambiato la batteria per {AMT}.
        L'ordine {ORDER} è stato spedito il {DATE}.
        {STORM} ha causato ritardi in {COUNTRY} {DAY}.
        Usiamo {SAAS} {YEARP} e a {MONTH} siamo passati a {SAAS}.
        {PROD} è ora disponibile per tutti i clienti.
        Il {JOB} dell'ufficio {DEPT} ha approvato la richiesta.
        La partita contro {CLUB} è rinviata al {DATE}.
        Il ticket {TICKET} è stato unito a {TICKET}.
        Si è rotta di nuovo la mia {CAR}.
        Ho reso le scarpe {BRANDAT} {DAY}.
        I prezzi da {SHOP} sono aumentati del {NUM}% {YEARP}.
        Reimposti la password di {SAAS} entro il {DATE}.
        {SITE} gestisce tutti i resi (area: {COUNTRY}).
        Esportiamo in {COUNTRY} e in {COUNTRY} {YEARP}.
        La fattura di {AMT} scade il {DATE}.
        A {MONTH} abbiamo spostato i server in {COUNTRY}.
        L'ufficio in {PSTREET} riapre il {DATE}.
        La versione {PROD} corregge il bug del {TICKET}.
        L'ufficio {DEPT} si riunisce ogni {DAY} alle {TIME}.
        {MONTH} è stato un mese fiacco per {BRAND}.
        Abbiamo ricevuto {NUM} reclami su {PROD} da {MONTH}.
        La spedizione in {COUNTRY} richiede {NUM} giorni lavorativi.
        {NATP} ha chiesto un preventivo a {MONTH}.
    """),
    "neg_chat": lines(r"""
        lo standup slitta alle {TIME}
        {SAAS} è giù anche per voi?
        {SITE}: il wifi non va di nuovo
        è uscita {PROD}
        chi ha i permessi admin su {SAAS}?
        nuovo ticket {TICKET}, qualcuno lo prende?
        a {DAY}
        arriva {STORM}, domani tutti in smart working
        qualcuno ordina da {SHOP}?
    """),
}

FRAME = {
    "greet": ("Ciao {F1},", "Gentile {T1},", "Buongiorno {PF1},", "Cara {F1},", "Gentile {PF1},", "{F1},"),
    "greet0": ("Buongiorno,", "Ciao a tutti,", "Gentili signori,", "Salve,", "Buonasera,"),
    "close": ("Cordiali saluti,", "Distinti saluti,", "Un saluto,", "Grazie,", "A presto,", "Saluti da {L},"),
    "wrote": (
        "Il giorno {DATE} alle {TIME} {PF2} <{EMAIL2}> ha scritto:",
        "{PF2} ha scritto:",
        "Da: {PF2}\nInviato: {DATE}",
    ),
    "subject": ("Oggetto: R: ordine {ORDER}", "Oggetto: La sua richiesta {TICKET}", "Oggetto: I: fattura {DATE}"),
    "team": ("Il team {DEPT}", "Servizio clienti {BRAND}", "Supporto {SAAS}"),
    "ticket_head": ("Ticket {TICKET} | Priorità: alta", "[{TICKET}] Stato: aperto", "Pratica {TICKET} – {DATE}"),
    "reporter": ("Segnalato da: {PF1}", "Richiedente: {PF1} <{EMAIL1}>", "Cliente: {P1}", "Assegnato a: {F1}"),
    "meeting_head": ("Verbale – {DATE}", "Riunione di {DAY} {DATE}", "Call settimanale, {DATE}"),
    "attendees": ("Presenti", "Partecipanti"),
    "apologies": ("Assenti giustificati", "Assenti"),
    "actions": ("Azioni", "Prossimi passi", "Decisioni"),
    "cv_heads": ("Esperienza professionale", "Istruzione", "Lingue", "Referenze", "Dati personali"),
    "review_head": ("Voto: {STARS}/5", "Acquisto verificato", "5 stelle"),
    "review_sign": ("– {F1}, {L}", "{FI1}, {L}", "{PF1}", "Pubblicato da {H1}", "{F1} ({L})", "– {FI1}"),
    "list_lead": lines(r"""
        Invita {LIST}.
        Puoi aggiungere {LIST} alla call?
        {LIST} si uniranno {DAY}.
        Presenti: {LIST}
        cc {LIST}
        Grazie a {LIST} per l'aiuto!
        {LIST} possono rivederlo entro {DAY}?
        Disposizione dei tavoli: {LIST}
    """),
    "neg_list": ("Vendiamo {LIST}.", "Abbiamo confrontato le offerte di {LIST}.", "Rosa finale: {LIST}"),
    "and": ("e", "&", "e"),
    "speakers": ("operatore", "chiamante", "cliente", "consulente", "parlante 1", "parlante 2"),
    "uh": ("ehm", "cioè", "allora", "tipo", "eh", "mah"),
    "status": ("aperto", "pagato", "spedito", "annullato", "in attesa"),
    "to": ("A:", "Destinatario:", "Alla c.a. di", "Consegna a:", "c/o"),
}
FORM = {
    "name": "Nome e cognome", "first": "Nome", "last": "Cognome", "street": "Indirizzo", "zip": "CAP",
    "city": "Città", "country": "Paese", "email": "Email", "phone": "Telefono", "dob": "Data di nascita",
    "msg": "Messaggio", "order": "N. ordine", "town": "Comune",
}  # fmt: skip
CSV = {"first": "nome", "last": "cognome", "name": "nominativo", "city": "citta", "email": "email", "phone": "tel",
       "country": "paese", "id": "id_cliente", "amount": "importo", "date": "data", "status": "stato",
       "product": "prodotto"}  # fmt: skip
