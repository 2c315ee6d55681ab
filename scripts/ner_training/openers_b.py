"""Sentences that open with a capitalised ordinary word (Spanish, Italian, Dutch); see :mod:`openers_a`."""

from .example import lines

OPENERS = {
    "es": {
        "neg": lines(r"""
            El envío a {SITE} tardó {NUM} días.
            Artículo {ITEM} aparece en stock pero el pedido falló.
            Escribe a {EMAIL} si {APP} no arranca.
            IBAN {IBAN}, referencia {ORDER}.
            Dirección: {STREET}
            Enderezo: {STREET}
            Asunto: renovación de {NUM} {APPL}
            {ADV} el mensajero vino dos veces.
            {ADV} se volvió a caer la sincronización de {APP}.
            {ADV} pasamos {NUM} usuarios a {APP}.
            La entrega se aplazó {CAL}.
            Los clientes {NATL} y {NATL} pagan casi siempre con tarjeta.
            Nuestros socios {NATL} quieren el contrato en {LANGW}.
            El soporte en {LANGW} está disponible {CAL}.
            El contrato con {COMPANY} vence {CAL}.
            {CODE} se encarga de la migración a {APP}.
            {TEAM} asume el despliegue de {APP} {CAL}.
            Revisa el panel de {APP} antes del {DAY}.
            Nota: {TEAM} implanta {APP} {CAL}.
            Aviso: la prueba de {APP} termina el {DATE}.
            Estado: enviado, número de seguimiento {ITEM}.
            Adjunto el presupuesto de {COMPANY} por {NUM} {APPL}.
            Una pregunta sobre la factura de {APP} del {DATE}.
            Por desgracia la actualización de {APP} falló en {NUM} portátiles.
            Todo bien por nuestra parte.
            Transferencia de {AMT} a {COMPANY}, IBAN {IBAN}.
            Stock del artículo {ITEM}: {NUM} unidades.
            Factura {ORDER} de {COMPANY} sigue pendiente.
            Al final el pedido llegó {CAL}.
            Observaciones: {TEAM} revisará el contrato con {COMPANY}.
            Reinicia el router y vuelve a abrir {APP}.
            Adreça: {STREET}
        """),
        "pos": lines(r"""
            {F} reenvió la factura de {COMPANY} a contabilidad.
            {F} renovó las {APPL} {CAL}.
            {F} vuelve de {L} {CAL}.
            {ADV} {F} llamó por las {APPL}.
            {ADV} {F} pagó la factura de {COMPANY}.
            Al final {F} pagó la factura de {AMT}.
            {ADV} {PF} se mudó a {L}.
            Escribe a {F} ({EMAIL}) por la renovación de {APP}.
            Pregunta a {F} si {TEAM} sigue con la migración.
            Asunto: llamar a {PF}
            Dirección: {ADDR}
            Enderezo: {ADDR}
            Gracias {F}, la exportación de {APP} ya funciona.
            Los clientes {NATL}, como {PF} en {L}, siguen esperando.
            {F} y {F} prueban {APP} con {TEAM}.
            Nota: {F} está de vacaciones {CAL}.
            El artículo {ITEM} está reservado para {PF} en {L}.
            {F} se encarga de la migración y {CODE} solo revisa.
        """),
    },
    "it": {
        "neg": lines(r"""
            La spedizione verso {SITE} ha richiesto {NUM} giorni.
            Articolo {ITEM} risulta disponibile ma l'ordine non è andato a buon fine.
            Scrivi a {EMAIL} se {APP} non si avvia.
            IBAN {IBAN}, causale {ORDER}.
            Indirizzo: {STREET}
            Oggetto: rinnovo di {NUM} {APPL}
            {ADV} il corriere è passato due volte.
            {ADV} la sincronizzazione di {APP} si è bloccata di nuovo.
            {ADV} abbiamo spostato {NUM} utenti su {APP}.
            La consegna è slittata {CAL}.
            I clienti {NATL} e {NATL} pagano quasi sempre con carta.
            I nostri partner {NATL} vogliono il contratto in {LANGW}.
            L'assistenza in {LANGW} è disponibile {CAL}.
            Il contratto con {COMPANY} scade {CAL}.
            {CODE} si occupa della migrazione a {APP}.
            {TEAM} prende in carico il rilascio di {APP} {CAL}.
            Controlla la dashboard di {APP} prima di {DAY}.
            Nota: {TEAM} introduce {APP} {CAL}.
            Promemoria: la prova di {APP} scade il {DATE}.
            Stato: spedito, numero di tracking {ITEM}.
            In allegato il preventivo di {COMPANY} per {NUM} {APPL}.
            Una domanda sulla fattura {APP} del {DATE}.
            Purtroppo l'aggiornamento di {APP} è fallito su {NUM} portatili.
            Tutto a posto da parte nostra.
            Bonifico di {AMT} a {COMPANY}, IBAN {IBAN}.
            Giacenza articolo {ITEM}: {NUM} pezzi.
            Fattura {ORDER} di {COMPANY} ancora da pagare.
            Stamattina il server di {APP} era irraggiungibile.
            Avviso: {SAAS} non sarà disponibile {CAL}.
            Riavvia il modem e riapri {APP}.
        """),
        "pos": lines(r"""
            {F} ha inoltrato la fattura di {COMPANY} alla contabilità.
            {F} ha rinnovato le {APPL} {CAL}.
            {F} torna da {L} {CAL}.
            {ADV} {F} ha chiamato per le {APPL}.
            {ADV} {F} ha pagato la fattura di {COMPANY}.
            Stamattina {F} ha spedito il pacco a {L}.
            {ADV} {PF} si è trasferita a {L}.
            Scrivi a {F} ({EMAIL}) per il rinnovo di {APP}.
            Chiedi a {F} se {TEAM} segue ancora la migrazione.
            Oggetto: richiamare {PF}
            Indirizzo: {ADDR}
            Grazie {F}, l'esportazione da {APP} ora funziona.
            I clienti {NATL}, come {PF} a {L}, aspettano ancora.
            {F} e {F} provano {APP} con {TEAM}.
            Nota: {F} è in ferie {CAL}.
            L'articolo {ITEM} è riservato a {PF} di {L}.
            {F} si occupa della migrazione, {CODE} fa solo la revisione.
        """),
    },
    "nl": {
        "neg": lines(r"""
            Verzending naar {SITE} duurde {NUM} dagen.
            Artikel {ITEM} staat op voorraad maar de bestelling mislukte.
            Schrijf naar {EMAIL} als {APP} niet opstart.
            IBAN {IBAN}, kenmerk {ORDER}.
            Adres: {STREET}
            Onderwerp: verlenging van {NUM} {APPL}
            {ADV} kwam de koerier twee keer langs.
            {ADV} viel de synchronisatie van {APP} weer uit.
            {ADV} hebben we {NUM} gebruikers naar {APP} overgezet.
            De levering is uitgesteld tot {CAL}.
            De {NATL} en {NATL} klanten betalen meestal met pin.
            Onze {NATL} partners willen het contract in het {LANGW}.
            Ondersteuning in het {LANGW} is er {CAL}.
            Het contract met {COMPANY} loopt {CAL} af.
            {CODE} doet de migratie naar {APP}.
            {TEAM} neemt de uitrol van {APP} {CAL} over.
            Controleer het dashboard van {APP} voor {DAY}.
            Let op: {TEAM} voert {APP} {CAL} in.
            Herinnering: de proefperiode van {APP} eindigt op {DATE}.
            Status: verzonden, trackingnummer {ITEM}.
            Bijgaand de offerte van {COMPANY} voor {NUM} {APPL}.
            Korte vraag over de factuur van {APP} van {DATE}.
            Helaas is de update van {APP} op {NUM} laptops mislukt.
            Alles in orde aan onze kant.
            Overboeking van {AMT} aan {COMPANY}, IBAN {IBAN}.
            Voorraad artikel {ITEM}: {NUM} stuks.
            Factuur {ORDER} van {COMPANY} staat nog open.
            Opmerking: {TEAM} controleert het contract met {COMPANY}.
            Herstart de router en open {APP} opnieuw.
        """),
        "pos": lines(r"""
            {F} heeft de factuur van {COMPANY} doorgestuurd.
            {F} heeft de {APPL} {CAL} verlengd.
            {F} komt {CAL} terug uit {L}.
            {ADV} belde {F} over de {APPL}.
            {ADV} heeft {F} de factuur van {COMPANY} betaald.
            {ADV} is {PF} naar {L} verhuisd.
            Schrijf naar {F} ({EMAIL}) over de verlenging van {APP}.
            Vraag {F} of {TEAM} de migratie nog doet.
            Onderwerp: terugbellen {PF}
            Adres: {ADDR}
            Bedankt {F}, de export uit {APP} werkt nu.
            De {NATL} klant {PF} uit {L} wil een creditnota.
            {F} en {F} testen {APP} met {TEAM}.
            Let op: {F} is {CAL} met vakantie.
            Artikel {ITEM} is gereserveerd voor {PF} in {L}.
            {F} doet de migratie, {CODE} reviewt alleen.
        """),
    },
}
