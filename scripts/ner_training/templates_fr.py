"""French templates: sentences per register and the words of each style's frame (no elision before a name or a
town: the tokenizer keeps ``d'Anna`` as one token)."""

# ruff: noqa: RUF001 -- typographic dashes and quotes are part of the generated text

from .example import lines

SENTENCES = {
    "prose": lines(r"""
        {PF} s'est installé à {L} {YEARP} et roule toujours dans sa vieille {CAR}.
        Hier, {F} a pris le train pour {L} et est arrivée avec deux heures de retard.
        Ma voisine {F} a grandi à {L} mais vit à {L} depuis des années.
        {T} sera à {L} {DAY} pour signer le bail.
        Nous avons rencontré {PF} lors d'un salon à {LW} en {MONTH}.
        Selon {F}, le colis n'est jamais arrivé au {ADDR}.
        L'appartement à {L} appartient à {PF}, qui le loue à des étudiants.
        D'après {T}, la livraison vers {L} a été retardée par {STORM}.
        {F} et {F} partent pour {LW} le {DATE}.
        Né à {L}, {PF} a rejoint le service {DEPT} {YEARP}.
        {F} loue une chambre {PSTREET}, à {L}.
        J'ai parlé avec {F} ce matin, le dossier est maintenant chez {T}.
        L'été dernier, {PF} est allé à vélo jusqu'à {L}.
        Merci d'envoyer la facture à {PF}, {ADDR}.
        {F} pense que {NATP} acceptera les nouvelles conditions.
        Est-ce que {F} sera encore à {L} en {MONTH} ?
        {PF}, {JOB} à {L}, a acheté une {CAR} {YEARP}.
        Notre chauffeur {F} est resté bloqué près de {L} à cause de {STORM}.
        {T} a grandi à {LW} et habite maintenant à {L}.
        Les clés sont chez {F1}, alors appelle {F1} en premier.
        Personne n'a de nouvelles de {F} depuis son voyage à {L}.
        {F} reste chez sa tante à {L} jusqu'au {DATE}.
        {PF} et {PF} ont signé la pétition à {L}.
        C'est {F} qui a retrouvé le portefeuille dans le bus pour {L}.
        Ce week-end, {F} rend visite à ses grands-parents à {L}.
    """),
    "ticket": lines(r"""
        Le client {PF} ({L}) signale que l'application {PROD} plante à la connexion.
        {T} a rappelé au sujet de la commande {ORDER} ; le colis est parti au {ADDR} au lieu d'aller à {L}.
        Nouvelle adresse de facturation pour {PF} : {ADDR}.
        {F} n'a plus accès à {SAAS} depuis la mise à jour vers {PROD}.
        Escaladé par {F} ({DEPT}) : le remboursement de {AMT} pour {PF} est toujours en attente.
        L'appelant {PF} indique que le technicien n'est pas venu à {L} {DAY}.
        {T} souhaite que l'appareil de remplacement soit envoyé à une parente à {L}.
        Doublon de {TICKET}, ouvert par {F} après que {STORM} a endommagé le toit à {L}.
        L'utilisateur {H} signale que l'export vers {SAAS} échoue chaque nuit.
        La titulaire du compte, {PF}, {ADDR}, demande la suppression de ses données.
        Assigné à {F}. Le client habite à {L}, rappel après {TIME}.
        {PF} a quitté {L} pour {L} et le contrat doit être transféré.
        Relevé de compteur manquant pour {T} à {L} depuis {MONTH}.
    """),
    "chat": lines(r"""
        salut {F}, t'es toujours à {L} ?
        {H} tu peux regarder le tableau {SAAS} ?
        déj avec {F} à midi ?
        {F} est coincée dans les bouchons vers {L}, commencez sans nous
        je viens d'atterrir à {LW}
        {F} a envoyé les slides ?
        {F} et {F} montent de {L} demain
        relance {H} pour la facture stp
        je télétravaille depuis {L} aujourd'hui, retour {DAY}
        {F} vous salue depuis {L} !
        ok merci {F}
        quelqu'un peut donner accès à {SAAS} à {F} ?
        {H} {H} point dans 5 min
        qui remplace {F} {DAY} ?
        le train pour {L} est encore annulé, {F} sera en retard
        quelqu'un a vu {F} aujourd'hui ?
        je suis à {L} jusqu'à {DAY}, appelle-moi
    """),
    "email": lines(r"""
        Merci pour votre message concernant la commande {ORDER}.
        J'ai demandé à {PF} du service {DEPT} de s'en occuper.
        Les documents ont été envoyés au {ADDR} le {DATE}.
        {F} m'a dit que vous déménagez à {L} le mois prochain.
        Pouvez-vous confirmer si {T} sera présent à la réunion à {L} ?
        Je suis absente jusqu'au {DATE} ; merci de contacter {PF} en attendant.
        Comme convenu avec {F}, nous expédions le remplacement à {L}.
        Veuillez trouver ci-joint la facture de {AMT}.
        Nous sommes passés chez {T} à {L} {DAY}, tout est en ordre.
        Dites-moi si {F} a besoin d'autre chose.
        Ma nouvelle adresse à partir du {DATE} : {ADDR}.
    """),
    "transcript": lines(r"""
        {UH} bonjour je m'appelle {PF} j'habite à {L}
        oui {UH} l'adresse c'est {ADDR}
        {UH} c'est pour ma mère {PF} elle habite à {L}
        alors {UH} j'ai parlé avec {F} la semaine dernière et {UH} rien
        {F} {UH} {S} voilà
        j'ai déménagé à {L} en {Y} {UH} donc l'ancienne adresse est fausse
        {UH} c'est mon mari {F} qui a ouvert le compte
        le technicien {F} a dit qu'il passerait {DAY}
        on est à {L} {UH} juste à côté de la gare
        non non {UH} pas {L} c'est {L}
        je peux parler à {F} s'il vous plaît {UH} c'est elle qui avait le dossier
    """),
    "dialogue": lines(r"""
        Tu as des nouvelles de {F} ?
        Oui, {F} est à {L} jusqu'à {DAY}.
        Je demande à {T} de vous rappeler.
        Tu pars quand pour {LW} ?
        Vous pouvez l'envoyer à mon adresse à {L} ?
        {PF} l'a validé ce matin.
        Ça me va.
        Le ticket {SAAS} est toujours ouvert.
        C'est celle de chez {BRAND} ?
        J'ai grandi à {L}, en fait.
        Dis bonjour à {F} de ma part.
    """),
    "cv": lines(r"""
        0|{YY}   {JOB}, {BRAND}, {L}
        0|depuis {Y}   {JOB} chez {SAAS}, en télétravail à {L}
        0|{YY}   {JOB} ({DEPT}), {BRAND}
        1|{Y}   Master informatique, {L}
        1|{YY}   BTS comptabilité, lycée Jean Moulin, {L}
        2|Français (langue maternelle), anglais (C1), allemand (B1)
        2|Langues : français, arabe, anglais
        3|{PF}, {JOB}, {BRAND} ({PHONE})
        3|Sur demande.
        4|Née le {DOB} à {L}
        4|Adresse : {ADDR}
        4|Mobilité : {L} ou {LW}.
    """),
    "review": lines(r"""
        Service impeccable, le technicien est arrivé à l'heure à {L}.
        Commandé le {PROD}, livré à {L} en deux jours.
        {F} au comptoir {FASHION} a été vraiment serviable.
        Deux nuits à {L} ; {F} à l'accueil était adorable.
        Je ne recommande pas. La livraison à {L} a pris trois semaines.
        Merci à {F} pour le remboursement de {AMT}.
    """),
    "meeting": lines(r"""
        {F} envoie le projet de contrat à {T} avant {DAY}.
        {PF} a présenté la feuille de route {PROD}.
        Action : {F} réserve le voyage à {LW} pour le {DATE}.
        {F} signale que {SITE} manque de personnel.
        Décision : {F} ira voir le client à {L}.
        {F} est en congé jusqu'au {DATE} ; {F} assure l'intérim.
        {T} a des réserves sur le contrat {SAAS}.
        {F} et {F} font passer des entretiens à {L} {DAY}.
    """),
    "neg": lines(r"""
        {SITE} : fermeture pour travaux jusqu'au {DATE}.
        Le garage {CAR} a changé la batterie pour {AMT}.
        La commande {ORDER} a été expédiée le {DATE}.
        {STORM} a provoqué des retards {DAY} ; pays touchés : {COUNTRY} et {COUNTRY}.
        Nous utilisons {SAAS} {YEARP} et sommes passés à {SAAS} en {MONTH}.
        {PROD} est désormais disponible pour tous les clients.
        Le {JOB} ({DEPT}) a validé la demande.
        Le match contre {CLUB} est reporté au {DATE}.
        Le ticket {TICKET} a été fusionné avec {TICKET}.
        Ma {CAR} est encore tombée en panne {DAY}.
        J'ai rendu les chaussures {BRANDAT} {DAY}.
        Les prix chez {SHOP} ont augmenté de {NUM} % {YEARP}.
        Merci de réinitialiser votre mot de passe {SAAS} avant le {DATE}.
        {SITE} traite tous les retours (zone : {COUNTRY}).
        Export {YEARP} : {COUNTRY}, {COUNTRY} et {COUNTRY}.
        La facture de {AMT} est à régler avant le {DATE}.
        En {MONTH}, les serveurs ont été migrés (hébergement : {COUNTRY}).
        Le bureau {PSTREET} rouvre le {DATE}.
        La version {PROD} corrige le bug signalé dans {TICKET}.
        Le service {DEPT} se réunit chaque {DAY} à {TIME}.
        {MONTH} a été un mois calme pour {BRAND}.
        Nous avons reçu {NUM} réclamations sur {PROD} depuis {MONTH}.
        Livraison ({COUNTRY}) : {NUM} jours ouvrés.
        {NATP} a demandé un devis en {MONTH}.
    """),
    "neg_chat": lines(r"""
        le point est décalé à {TIME}
        {SAAS} est en panne chez vous aussi ?
        le wifi sur {SITE} ne marche plus
        {PROD} est sortie
        qui a les droits admin sur {SAAS} ?
        nouveau ticket {TICKET}, quelqu'un le prend ?
        à {DAY}
        {STORM} arrive, télétravail demain
        quelqu'un commande chez {SHOP} ?
    """),
}

FRAME = {
    "greet": ("Bonjour {F1},", "Chère {F1},", "Madame, Monsieur {S1},", "Bonjour {T1},", "Salut {F1},", "{F1},"),
    "greet0": ("Bonjour,", "Bonjour à tous,", "Madame, Monsieur,", "Chère équipe,", "Bonsoir,"),
    "close": ("Cordialement,", "Bien cordialement,", "Bien à vous,", "Merci,", "Bonne journée,", "À bientôt,"),
    "wrote": ("Le {DATE} à {TIME}, {PF2} <{EMAIL2}> a écrit :", "{PF2} a écrit :", "De : {PF2}\nEnvoyé : {DATE}"),
    "subject": ("Objet : RE: commande {ORDER}", "Objet : Votre demande {TICKET}", "Objet : TR: facture {DATE}"),
    "team": ("L'équipe {DEPT}", "Service client {BRAND}", "Le support {SAAS}"),
    "ticket_head": ("Ticket {TICKET} | Priorité : haute", "[{TICKET}] Statut : ouvert", "Dossier {TICKET} – {DATE}"),
    "reporter": ("Signalé par : {PF1}", "Demandeur : {PF1} <{EMAIL1}>", "Client : {P1}", "Assigné à : {F1}"),
    "meeting_head": ("Compte rendu – {DATE}", "Réunion du {DAY} {DATE}", "Point hebdo, {DATE}"),
    "attendees": ("Présents", "Participants"),
    "apologies": ("Excusés", "Absents"),
    "actions": ("Actions", "Prochaines étapes", "Décisions"),
    "cv_heads": ("Expérience professionnelle", "Formation", "Langues", "Références", "Informations personnelles"),
    "review_head": ("Note : {STARS}/5", "Achat vérifié", "5 étoiles"),
    "review_sign": ("– {F1}, {L}", "{FI1}, {L}", "{PF1}", "Publié par {H1}", "{F1} ({L})", "– {FI1}"),
    "list_lead": lines(r"""
        Invite {LIST}.
        Tu peux ajouter {LIST} à l'appel ?
        {LIST} nous rejoindront {DAY}.
        Présents : {LIST}
        cc {LIST}
        Merci à {LIST} pour leur aide !
        Est-ce que {LIST} peuvent relire avant {DAY} ?
        Plan de table : {LIST}
    """),
    "neg_list": ("Nous vendons {LIST}.", "Devis comparés : {LIST}.", "Présélection : {LIST}"),
    "and": ("et", "&", "et"),
    "speakers": ("agent", "appelant", "cliente", "conseiller", "locuteur 1", "locuteur 2"),
    "uh": ("euh", "ben", "bah", "genre", "en fait", "hein"),
    "status": ("ouvert", "payé", "expédié", "annulé", "en attente"),
    "to": ("À :", "Destinataire :", "À l'attention de", "Livraison :", "c/o"),
}
FORM = {
    "name": "Nom", "first": "Prénom", "last": "Nom de famille", "street": "Adresse", "zip": "Code postal",
    "city": "Ville", "country": "Pays", "email": "E-mail", "phone": "Téléphone", "dob": "Date de naissance",
    "msg": "Message", "order": "N° de commande", "town": "Localité",
}  # fmt: skip
CSV = {"first": "prenom", "last": "nom", "name": "nom_complet", "city": "ville", "email": "email", "phone": "tel",
       "country": "pays", "id": "id_client", "amount": "montant", "date": "date", "status": "statut",
       "product": "produit"}  # fmt: skip
