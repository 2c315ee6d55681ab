"""Sentences that open with a capitalised ordinary word (English, German, French): imperatives, nouns, field labels,
sentence-initial time adverbs (``{ADV}``). ``neg`` has no entity; ``pos`` has a name or town later in the sentence,
or a given name opening the sentence followed by a verb, or a name right after a time adverb."""

from .example import lines

OPENERS = {
    "en": {
        "neg": lines(r"""
            Shipping to {SITE} took {NUM} days.
            Item {ITEM} shows as in stock but the order failed.
            Write to {EMAIL} if {APP} keeps logging you out.
            IBAN {IBAN}, reference {ORDER}.
            Address: {STREET}
            Subject: renewal of {NUM} {APPL}
            Please renew the {APPL} before {DAY}.
            Invoice {ORDER} from {COMPANY} is still unpaid.
            {ADV} the courier came twice and nobody answered.
            {ADV} the {APP} sync stopped working again.
            {ADV} we moved {NUM} users to {APP}.
            Delivery was postponed to {MONTH} because of the strike.
            Most of our {NATL} and {NATL} customers pay by card.
            Support in {LANGW} is available {CAL}.
            Contract renewal with {COMPANY} is due {CAL}.
            {CODE} owns the migration to {APP}.
            Ownership of the {SAAS} migration moved to {TEAM} {CAL}.
            Check the {APP} dashboard before {DAY}.
            Restart the router and try {APP} again.
            Note: {TEAM} is rolling out {APP} {CAL}.
            Reminder: the {APP} trial ends on {DATE}.
            Status: shipped, tracking number {ITEM}.
            Update: {COMPANY} confirmed the new prices.
            Attached is the quote from {COMPANY} for {NUM} {APPL}.
            Quick question about the {APP} invoice from {DATE}.
            Thanks, the {APP} export works now.
            Nothing arrived {CAL}, so please check order {ORDER}.
            Unfortunately the {APP} upgrade failed on {NUM} laptops.
            Everything is fine on our side.
            Payment of {AMT} to {COMPANY}, IBAN {IBAN}.
            Warehouse stock for item {ITEM} is {NUM} units.
            Finance wants the {COMPANY} invoices {CAL}.
            Our {NATL} partners asked for a {LANGW} version of the contract.
            Great, {TEAM} will take over the {APP} rollout.
            Sorry, the {APP} migration slipped to {CAL}.
            Warning: {SAAS} will be down {CAL}.
            Comment: the new {APP} build is slower than {APP}.
            Closing this ticket, {CODE} fixed the export {CAL}.
        """),
        "pos": lines(r"""
            {F} forwarded the {APP} invoice to {DEPT}.
            {F} paid the {COMPANY} invoice {CAL}.
            {F} says the {APPL} were renewed {CAL}.
            {F} has the keys to the {APP} admin account.
            {ADV} {F} called about the {APPL}.
            {ADV} {F} paid the invoice from {COMPANY}.
            {ADV} {PF} moved to {L}.
            {ADV}, {F} sent the {APP} export to {TEAM}.
            Write to {F} at {EMAIL} about the {APP} renewal.
            Ask {F} whether {TEAM} still owns the migration.
            Shipping to {L} took {NUM} days, {F} says.
            Item {ITEM} was reserved for {PF} in {L}.
            Subject: callback for {PF}
            Address: {ADDR}
            Please call {T} back about the {APPL}.
            Thanks {F}, the {APP} export works now.
            Our {NATL} customer {PF} from {L} asked for a refund.
            {F} and {F} are testing {APP} with {TEAM}.
            Note: {F} is on leave {CAL}.
            {ADV} {F} met the people from {COMPANY} in {L}.
            {F} owns the migration; {CODE} only reviews it.
        """),
    },
    "de": {
        "neg": lines(r"""
            Versand an {SITE} hat {NUM} Tage gedauert.
            Artikel {ITEM} wird als vorrätig angezeigt.
            Schreiben Sie an {EMAIL}, wenn {APP} nicht startet.
            IBAN {IBAN}, Verwendungszweck {ORDER}.
            Adresse: {STREET}
            Betreff: Verlängerung der {APPL}
            {ADV} kam der Kurier zweimal, aber niemand war da.
            {ADV} ist die Synchronisation von {APP} wieder ausgefallen.
            {ADV} haben wir {NUM} Nutzer auf {APP} umgestellt.
            Die Lieferung wurde auf {MONTH} verschoben.
            Die {NATL} Kunden zahlen meistens per Lastschrift.
            Die {NATL} und {NATL} Kunden bekommen die Rechnung {CAL}.
            Das neue {NNOUN} ist seit {DAY} in Betrieb.
            Die Rechnung für {APP} kam erst {CAL}.
            Support auf {LANGW} gibt es {CAL}.
            Der Vertrag mit {COMPANY} läuft {CAL} aus.
            {CODE} übernimmt die Migration auf {APP}.
            {TEAM} kümmert sich {CAL} um die Umstellung.
            Bitte prüfen Sie {APP} vor {DAY}.
            Hinweis: {TEAM} führt {APP} {CAL} ein.
            Erinnerung: die Testphase von {APP} endet am {DATE}.
            Status: versendet, Sendungsnummer {ITEM}.
            Anbei das Angebot von {COMPANY} über {NUM} {APPL}.
            Kurze Frage zur Rechnung von {COMPANY} vom {DATE}.
            Danke, der Export aus {APP} funktioniert jetzt.
            Leider ist das Update auf {APP} auf {NUM} Laptops fehlgeschlagen.
            Alles in Ordnung bei uns.
            Überweisung von {AMT} an {COMPANY}, IBAN {IBAN}.
            Lagerbestand Artikel {ITEM}: {NUM} Stück.
            Achtung: {SAAS} ist {CAL} nicht erreichbar.
            Unsere {NATL} Partner wünschen den Vertrag auf {LANGW}.
            Rechnung {ORDER} von {COMPANY} ist noch offen.
            Bemerkung: Das {NNOUN} wurde {CAL} getauscht.
            Wir haben {NUM} {APPL} für {TEAM} bestellt.
            {NOUN} und {NOUN} liegen seit {DAY} vor.
            Betreff: {NOUN} {ORDER}
            Anschrift: {STREET}
            Rückfrage: Gilt das Angebot von {COMPANY} auch {CAL}?
        """),
        "pos": lines(r"""
            {F} hat die Rechnung von {COMPANY} weitergeleitet.
            {F} hat {CAL} die {APPL} verlängert.
            {F} sagt, das neue {NNOUN} ist noch nicht da.
            {F} kommt {CAL} aus {L} zurück.
            {ADV} hat {F} wegen der {APPL} angerufen.
            {ADV} hat {PF} die Rechnung von {COMPANY} bezahlt.
            {ADV} ist {F} nach {L} gezogen.
            Schreiben Sie an {F} ({EMAIL}), wenn {APP} nicht startet.
            Fragen Sie {F}, ob {TEAM} die Migration noch betreut.
            Betreff: Rückruf für {PF}
            Adresse: {ADDR}
            Bitte rufen Sie {T} wegen {APP} zurück.
            Danke {F}, der Export aus {APP} funktioniert jetzt.
            Die {NATL} Kundin {PF} aus {L} möchte eine Gutschrift.
            {F} und {F} testen {APP} mit {TEAM}.
            Hinweis: {F} ist {CAL} im Urlaub.
            Artikel {ITEM} ist für {PF} in {L} reserviert.
            {F} übernimmt die Migration, {CODE} macht nur das Review.
            {ADV} hat {F} das neue {NNOUN} abgeholt.
        """),
    },
    "fr": {
        "neg": lines(r"""
            L'expédition vers {SITE} a pris {NUM} jours.
            Article {ITEM} affiché en stock, mais la commande a échoué.
            Écrivez à {EMAIL} si {APP} ne démarre pas.
            IBAN {IBAN}, référence {ORDER}.
            Adresse : {STREET}
            Objet : renouvellement de {NUM} {APPL}
            {ADV}, le livreur est passé deux fois.
            {ADV} la synchronisation de {APP} a encore planté.
            {ADV}, nous avons migré {NUM} utilisateurs vers {APP}.
            La livraison a été reportée {CAL}.
            Les clients {NATL} et {NATL} paient surtout par carte.
            Nos partenaires {NATL} veulent le contrat en {LANGW}.
            Le support en {LANGW} est disponible {CAL}.
            Le contrat avec {COMPANY} expire {CAL}.
            {CODE} s'occupe de la migration vers {APP}.
            {TEAM} reprend le déploiement de {APP} {CAL}.
            Merci de vérifier le tableau de bord {APP} avant {DAY}.
            Remarque : {TEAM} déploie {APP} {CAL}.
            Rappel : l'essai de {APP} se termine le {DATE}.
            Statut : expédié, numéro de suivi {ITEM}.
            Ci-joint le devis de {COMPANY} pour {NUM} {APPL}.
            Petite question sur la facture {APP} du {DATE}.
            Malheureusement la mise à jour de {APP} a échoué sur {NUM} postes.
            Tout est en ordre de notre côté.
            Virement de {AMT} à {COMPANY}, IBAN {IBAN}.
            Stock entrepôt pour l'article {ITEM} : {NUM} unités.
            Facture {ORDER} de {COMPANY} toujours impayée.
            Attention : {SAAS} sera indisponible {CAL}.
            Hier soir, le serveur {APP} est tombé en panne.
            Commande {ORDER} livrée {CAL} chez {COMPANY}.
            Redémarrez la box puis relancez {APP}.
            Note : les clients {NATL} reçoivent la facture en {LANGW}.
        """),
        "pos": lines(r"""
            {F} a transféré la facture de {COMPANY} à la comptabilité.
            {F} a renouvelé les {APPL} {CAL}.
            {F} rentre de {L} {CAL}.
            {ADV}, {F} a appelé au sujet de {APP}.
            {ADV} {F} a payé la facture de {COMPANY}.
            {ADV}, {PF} a déménagé à {L}.
            Hier soir {F} a renvoyé le colis à {L}.
            Écrivez à {F} ({EMAIL}) pour le renouvellement de {APP}.
            Demandez à {F} si {TEAM} gère encore la migration.
            Objet : rappel pour {PF}
            Adresse : {ADDR}
            Merci {F}, l'export de {APP} fonctionne maintenant.
            Nos clients {NATL}, dont {PF} à {L}, attendent toujours.
            {F} et {F} testent {APP} avec {TEAM}.
            Remarque : {F} est en congé {CAL}.
            L'article {ITEM} est réservé pour {PF} à {L}.
            {F} s'occupe de la migration, {CODE} fait seulement la relecture.
        """),
    },
}
