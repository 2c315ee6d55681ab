"""French (fr_FR, fr_BE, fr_CH): hard-negative words, PII-free and PII templates by style."""

from __future__ import annotations

WORDS: dict[str, tuple[str, ...]] = {
    "holiday": ("la Toussaint", "la Pentecôte", "l'Ascension", "le 14 Juillet", "la Saint-Nicolas", "l'Épiphanie",
                "le lundi de Pâques", "Noël", "le 1er Mai", "le 15 août", "le Jeûne fédéral", "le 11 Novembre"),
    "storm": ("tempête Alex", "tempête Ciarán", "tempête Xynthia", "tempête Aline", "tempête Domingos",
              "tempête Caetano", "tempête Eunice", "tempête Bella", "tempête Louis", "tempête Kirk",
              "tempête Floriane", "tempête Herminia", "tempête Justine"),
    "landmark": ("la gare Saint-Lazare", "l'aéroport Charles-de-Gaulle", "la place Charles-de-Gaulle",
                 "la station Franklin D. Roosevelt", "le musée Rodin", "le Centre Pompidou", "le lycée Victor-Hugo",
                 "la place Stanislas", "la gare Lille-Flandres", "le stade Pierre-Mauroy", "le pont Alexandre-III",
                 "la gare du Midi", "la place Sainte-Catherine", "l'aéroport Saint-Exupéry", "la gare Cornavin",
                 "la place Flagey", "la station Louise", "le boulevard Haussmann", "la gare Montparnasse",
                 "l'Atomium", "le parc de la Tête d'Or", "le jet d'eau"),
    "ocity": ("Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Nantes", "Bordeaux", "Strasbourg", "Bruxelles",
              "Liège", "Namur", "Genève", "Lausanne", "Rennes", "Montpellier", "Grenoble", "Anvers", "Francfort",
              "Milan", "Luxembourg", "Charleroi", "Fribourg"),
    "countryto": ("en Italie", "en Allemagne", "en Espagne", "aux Pays-Bas", "en Belgique", "en Suisse",
                  "au Portugal", "en Pologne", "au Luxembourg", "en Autriche", "en France"),
    "nat": ("allemands", "néerlandais", "italiens", "espagnols", "belges", "suisses", "polonais", "portugais",
            "autrichiens", "luxembourgeois", "français"),
    "langinto": ("en italien", "en néerlandais", "en allemand", "en espagnol", "en anglais", "en portugais",
                 "en polonais", "en breton"),
    "job": ("Responsable des achats", "Chargé de clientèle", "Responsable RH", "Délégué à la protection des données",
            "Office manager", "Responsable d'entrepôt", "Directeur commercial France", "Assistanat de direction",
            "Ingénieur support", "Contrôleur de gestion", "Chef de projet IT", "Responsable grands comptes"),
    "dept": ("Comptabilité", "Service client", "Achats", "Ressources humaines", "Logistique", "Juridique",
             "Contrôle qualité", "Services généraux", "Support informatique", "Marketing", "Paie",
             "Direction commerciale"),
    "music": ("la Neuvième de Beethoven", "le Requiem de Mozart", "les Quatre Saisons de Vivaldi",
              "des nocturnes de Chopin", "le Boléro de Ravel", "des Gymnopédies de Satie"),
    "numword": ("deux", "trois", "quatre", "cinq", "six", "huit", "dix", "douze", "quinze", "vingt", "trente",
                "quarante-cinq", "cent", "deux cent cinquante", "dix-neuf", "septante", "nonante"),
    "saytime": ("neuf heures et demie", "dix heures", "trois heures moins le quart", "vers deux heures",
                "onze heures trente", "seize heures", "midi"),
    "greet": ("Bonjour à tous", "Chère équipe", "Madame, Monsieur", "Bonjour", "Hello l'équipe",
              "Chère cliente, cher client"),
    "signoff": ("Cordialement", "Bien cordialement", "Bien à vous", "Belle journée", "Merci d'avance",
                "Salutations distinguées"),
    "teamsig": ("L'équipe Service client", "Service Comptabilité", "Support informatique Europe", "L'équipe Release",
                "Logistique & Expéditions", "L'équipe Événements"),
    "rating": ("5/5", "4 étoiles sur 5", "★★★★☆", "Note : 3/5", "2 étoiles"),
    "handle": ("@SNCFVoyageurs", "@Carrefour", "@Decathlon", "@Fnac", "@Michelin", "@Peugeot", "@Renault_FR",
               "@Delhaize", "@SNCB", "@CFF_FR", "@LeroyMerlin", "@Lacoste", "@Colruyt"),
}  # fmt: skip

FREE: dict[str, tuple[str, ...]] = {
    "chat": (
        "qqn sait s'il reste des chargeurs {device} à l'agence de {ocity} ? le mien a lâché pendant le point {tool}\n"
        "et la {storm} arrive {weekday}, je pense télétravailler",
        "petite question : l'intégration {saas} pousse toujours vers {saas2} depuis la {version} ? le service {dept} "
        "dit que plus rien n'arrive depuis {time}",
        "déj devant {landmark} ? ils font un tiramisu {food} maintenant 😄 on est {num} du service {dept}",
    ),
    "email": (
        "{greet},\n\nPour rappel, l'agence de {ocity} sera fermée pour {holiday}. Les livraisons du compte {company} "
        "seront redirigées vers notre entrepôt de {ocity2} et la commande {order} partira le {date}.\n\nPour toute "
        "urgence, ouvrez un ticket dans {saas}.\n\n{signoff},\n{teamsig}",
        "Objet : collection printemps {fashion} - répartition\n\n{greet},\n\nLes lignes {fashion} et {fashion2} "
        "arriveront au centre de distribution de {ocity} en {month}. Nos magasins {nat} recevront {pct} du premier "
        "arrivage, le reste part {countryto}.\n\nRéférences : {sku}, {sku2}, {sku3}\n\n{signoff}\n{teamsig}\n"
        "{dept} | {company}",
        "{greet},\n\nMerci pour votre commande {order} du {date}. Votre {device} a quitté notre entrepôt de {ocity}, "
        "numéro de suivi {tracking}.\n\nVous pouvez aussi demander à {assistant} : « Où est mon colis ? »\n\n"
        "{signoff},\nLe service client {shop}",
    ),
    "transcript": (
        "alors la {l_carmodel} est prévue en révision {l_weekday} à {saytime} on vous prête une {l_carmodel2} et la "
        "facture devrait tourner autour de {numword} euros",
        "oui avec la {l_storm} l'entrepôt de {l_ocity} est resté fermé {numword} jours et toutes les livraisons "
        "{l_shop} ont glissé à {l_weekday}",
        "{l_assistant} mets un minuteur de {numword} minutes et ensuite joue {music} sur le {l_device}",
    ),
    "log": (
        "{ts} INFO  service-commandes commande={order} article={sku} qte={num} entrepot={u_ocity} suivi={tracking}\n"
        '{ts2} WARN  service-commandes commande={order} controle_adresse=IGNORE motif="client pro {company}"',
        '{"horodatage":"{ts}","niveau":"ERROR","service":"paiement","hote":"{host}","chemin":"{path}",'
        '"duree_ms":{ms},"trace":"{traceid}","message":"le prestataire {saas} ne répond pas"}',
        "[{logtime}] {tool} tache=export-nocturne statut=OK lignes={big} cible=s3://export-{sitecode}/{isodate}/\n"
        "[{logtime2}] {tool} tache=export-nocturne WARN encodage non défini pour la langue, repli UTF-8",
    ),
    "csv": (
        "reference;designation;entrepot;stock\n{sku};{device};{ocity};{count}\n{sku2};{device2};{ocity2};{count2}\n"
        "{sku3};coffre de toit {carmodel};{ocity};{count3}",
        "date;magasin;ville;chiffre_affaires;retours\n{isodate};{shop} Centre;{ocity};{amount};{num}\n{isodate2};"
        "{shop2} Gare;{ocity2};{amount2};{num2}",
        "ticket;cree_le;file;equipe;objet\n{ticket};{isodate};{dept};{dept2};SSO {saas} cassé depuis {version}\n"
        "{ticket2};{isodate2};{dept};{dept3};Avoir commande {order} ({shop})",
    ),
    "ticket": (
        "Ticket {ticket} : la synchro {saas} s'interrompt\nPriorité : haute | File : {dept}\n\nDepuis la {version}, "
        "le connecteur {saas} s'arrête après {count} enregistrements. Sites touchés : {ocity} et {ocity2}. Reproduit "
        "sur un {device}. Journaux sous {path}.",
        "Objet : pièce détachée lave-vaisselle {appliance}\nN° client : {custid}\nModèle {sku}, acheté chez {shop} le "
        "{date}. Erreur E24 après {num} semaines. SAV de {ocity}. Intervention souhaitée un {weekday} matin.",
        "Bug : la skill {assistant} prononce « {carmodel} » comme « {carmaker} »\nÉtapes : demander le {shop} le "
        "plus proche puis les horaires pour {holiday}.\nAttendu : les horaires. Obtenu : HTTP 500 sur {path}. "
        "Build {build}.",
    ),
    "meeting_notes": (
        "CR réunion hebdo du {longdate}\nPrésents : {dept}, {dept2}, {dept3}\n- Contrat {company} : renouvellement en "
        "{month}, le juridique relit\n- Déménagement de l'entrepôt de {ocity} retardé par la {storm}\n- Licences "
        "{saas} : {count} postes, réduction prévue\nAction : {dept} envoie la prévision avant {holiday}.",
        "Rétro sprint {num}\nPositif : tableaux de bord {tool}, montée de {tool2} en {version}\nÀ améliorer : "
        "passation d'astreinte avec l'équipe de {ocity} ; tests du tunnel d'achat instables ({pct} d'échecs)\n"
        "Action : le {job} reprend le runbook",
        "Préparation {fair}\n- Stand à {venue}, hall {num}\n- Démos : {device}, {device2}\n- Presse belge et suisse "
        "le premier jour\n- Budget {amount} ; rendez-vous devant {landmark}",
    ),
    "changelog": (
        "## {version} ({isodate})\n### Nouveautés\n- Connecteurs {saas} et {saas2}\n- Interface traduite {langinto}\n"
        "### Corrections\n- Mauvais mois affiché ({month}) pour les clients {nat}\n"
        "- Plantage sur {device} avec les raccourcis {assistant}",
        "Notes de version {version}\n* Prise en charge des appareils {device} et {device2}\n* Nouvelle région "
        "{region}\n"
        "* Les exports contiennent l'EAN (ex. {ean})\n* Corrigé : les factures {company} affichaient {amount} deux "
        "fois",
        "{version} : {tool} passe en {version2} ; fin du support {device} ; webhooks {saas} déplacés vers {path} ; "
        "file {u_sitecode}-COMMANDES renommée",
    ),
    "news": (
        "La {storm} a apporté {weekday} des rafales jusqu'à {speed} km/h. {company} indique que son usine de {ocity} "
        "restera fermée jusqu'au {date}. Les trains au départ de {ocity2} ont circulé avec {num} heures de retard.",
        "La {carmodel} est produite à {ocity} depuis {year}. À partir de {month}, le site assemblera aussi "
        "des batteries pour {carmaker}, avec {count} emplois à la clé.",
        "Le salon {fair} a ouvert {weekday} à {venue} ; {big} visiteurs sont attendus. Les exposants {nat} "
        "occupent {pct} de la surface, {maker} et {maker2} présentent leurs nouvelles gammes.",
    ),
    "review": (
        "{rating} Acheté le {device} chez {shop} pour {amount}. La batterie tient {num} jours, {assistant} marche "
        "bien, mais le menu traduit {langinto} a des fautes. Je le rachèterais.",
        "Bon choix de produits {food}, mais le magasin {shop} en face de la gare n'avait encore plus de {food2} ce "
        "{weekday}. Personnel aimable. 3/5",
        "Loué une {carmodel} une semaine {countryto}. Conduite douce, {pct} de consommation en moins que notre "
        "ancienne {carmodel2}. Mais {count} minutes d'attente au retrait. {rating}",
    ),
    "invoice": (
        "FACTURE {invoice}\nDate : {date}    N° client : {custid}\nN° TVA : {vatid}\n\n{num} x {device}   {amount}\n"
        "1 x extension de garantie {appliance}   {amount2}\nLivraison (plateforme de {ocity})   {amount3}\n\n"
        "Payable à 30 jours. Référence de mandat : {refiban}",
        "Confirmation de commande {order}\nManteau en laine {fashion}, T38   {amount}\nÉcharpe {fashion2}   "
        "{amount2}\nRetrait : {shop} Click & Collect, {ocity}\nPrévu le {date}. Questions : dossier n° {refphone}.",
        "Avoir {invoice} sur la commande {order} : {num} coffrets {food} retournés à l'entrepôt de {ocity}, "
        "remboursement de {amount} le {date}.",
    ),
    "calendar": (
        "{longdate}\n09:00 Onboarding {saas} (salle {room})\n11:30 Revue trimestrielle {company}, agence de {ocity}\n"
        "14:00 Vol {flight} pour {ocity2}\n{c_holiday} : bureaux fermés",
        "Rappel : {fair}, {venue}, {daterange}. {train} au départ de {ocity} à {time}. Montage du stand par {dept}.",
        "Absent {daterange} ({holiday}). Urgences {saas} : file {dept}.",
    ),
    "social": (
        "Récupéré la nouvelle {carmodel} chez le concessionnaire 🚗 {count} km d'autonomie un matin froid de "
        "{month}, pas mal {handle}",
        "Queue devant {shop} pour la collab {fashion} x {fashion2} depuis {time} 🙃 tout vendu en {count} minutes",
        "Avis impopulaire : {assistant} gère mieux les minuteurs que {assistant2}. Les proprios de {device}, vous "
        "confirmez ?",
        "La {storm} a encore coupé la ligne depuis {landmark}, livraisons {shop} en retard partout {countryto}. #météo",
    ),
}

PII: dict[str, tuple[str, ...]] = {
    "chat": (
        "ok voici la carte pour la commande {fashion} : {card}, exp. 08/27, au nom de {name}",
        "{first} du compte {company} a appelé, [elle|il] est [coincée|coincé] dans les bouchons à cause de la "
        "{storm}. Tu peux [la|le] rappeler au {phone} ?",
        "coucou c'est {l_first} 👋 j'ai déménagé à {city} le mois dernier, nouveau numéro {phone}, le vieux "
        "{device} est mort",
    ),
    "email": (
        "Bonjour,\n\nJ'ai renvoyé l'appareil ({device}) à votre entrepôt de {ocity} le {date} (retour "
        "{ticket}). Merci de rembourser {amount} sur mon compte :\nIBAN {iban}\nTitulaire : "
        "{name}\n\nMerci,\n{first}",
        "[Madame|Monsieur] {last},\n\nMerci pour votre commande {order}. Votre {device} sera livré à :\n\n{name}\n"
        "{address_ml}\n\nSi l'adresse est incorrecte, merci de répondre avant le {date}.\n\nCordialement,\n"
        "Le service client {shop}",
        "Bonjour {first},\n\nRavi de vous avoir rencontré au salon {fair} ({venue}). L'essai de la {carmodel} "
        "{weekday} vous convient toujours ?\n\nBien à vous,\n{name2}\n{job}, {company} {ocity}\nPortable : {phone}\n"
        "E-mail : {email2}",
    ),
    "transcript": (
        "oui bonjour je m'appelle {l_name} j'appelle pour la commande {order} le {l_device} n'est jamais arrivé "
        "j'habite {l_street} à {l_city} et mon numéro c'est le {tphone}",
        "conseiller {l_shop} bonjour que puis-je faire pour vous\nclient oui c'est {l_first} {l_last} j'ai "
        "déménagé de {l_city} à {l_city2} la nouvelle adresse c'est {l_street2} {l_postcode2}",
    ),
    "log": (
        '{ts} INFO  crm-sync contact_maj id={custid} nom="{name}" email={email} tel={phone} source={saas}\n'
        "{ts2} WARN  crm-sync doublon pour {email} fusionné",
        '{"horodatage":"{ts}","niveau":"WARN","service":"paiements","evenement":"mandat_sepa_cree",'
        '"titulaire":"{name}","iban":"{iban}","region":"{region}"}',
    ),
    "csv": (
        "beneficiaire;iban;montant;reference\n{name};{iban};{amount};{invoice}\n{name2};{iban2};{amount2};{invoice2}",
        "prenom;nom;email;telephone;ville\n{first};{last};{email};{phone};{city}\n{first2};{last2};{email2};"
        "{phone2};{city2}\n{first3};{last3};{email3};{phone3};{city3}",
        "commande;client;adresse;code_postal;ville;marque\n{order};{name};{street};{postcode};{city};{fashion}\n"
        "{order2};{name2};{street2};{postcode2};{city2};{fashion2}",
    ),
    "ticket": (
        "Ticket {ticket}\nSignalé par : {name} <{email}>\nLe lave-linge {appliance} (modèle {sku}) livré à "
        "l'adresse {address} fuit. [La cliente|Le client] est joignable le {weekday} matin au {phone}.",
        "Remboursement {ticket} : {name} a rapporté la veste {fashion} au magasin de {ocity}. Le remboursement sur la "
        "carte {card} a échoué, [elle|il] demande un virement sur {iban}.",
    ),
    "meeting_notes": (
        "Point {first} / {first2} - {date}\n- {first} revient après {holiday} et travaille depuis {city} jusqu'en "
        "{month}\n- Appel d'offres {company} : {first2} pilote, slides dans {saas}\n- joindre {first} au {phone} "
        "pendant les déplacements",
    ),
    "changelog": (
        "## {version}\n- Corrigé : l'import {saas} perdait les accents des noms (signalé par {name}, {email})\n"
        "- Corrigé : mise en page du paiement sur {device}\n- Merci à {name2} pour la traduction {langinto}",
    ),
    "news": (
        "{name}, de {city}, a remporté le prix du design {carmaker} au salon {fair} ; [elle|il] roulera un an en "
        "{carmodel}.",
        "Quand la {storm} a inondé sa rue à {city}, {name} a installé la boulangerie dans l'ancien local {shop} d'à "
        "côté. « Nous avons perdu {count} pains et un four {appliance} », raconte-t-[elle|il].",
    ),
    "review": (
        "Commandé le {device} chez {shop}, livré à l'adresse {street} en deux jours. Le livreur, {first2}, l'a même "
        "monté au "
        "troisième. 5/5 - {short}, {city}",
    ),
    "invoice": (
        "FACTURE {invoice}\nFacturé à : {name}\n{address_ml}\nN° TVA : {vatid}\n\n4 pneus hiver {tyre} pour "
        "{carmodel}   {amount}\nMontage   {amount2}\n\nRéglé par carte {card} le {date}.",
        "Commande {order} pour {name}, {email}\nLivraison : {address}\n{num} x panier garni {food}   {amount}\n"
        "Message : « Joyeuses fêtes ! »",
    ),
    "calendar": (
        "{longdate}\n10:00 Appel avec {name} ({company}) au {phone}\n13:00 Déjeuner devant {landmark}\n"
        "16:00 Visite de l'appartement, {street}, {postcode}",
        "Dentiste pour {first} à {time}, {street}, {city}. Ensuite, si la {storm} le permet, récupérer {first2} "
        "devant {landmark}.",
    ),
    "social": (
        "Bravo à {name} de notre équipe de {ocity} pour ses 10 ans chez {company} ! 🎉 {first}, la place de parking "
        "de la {carmodel} est à toi",
        "Perdu : portefeuille noir {fashion} vers {landmark}, {weekday}. Merci d'appeler le {phone} si vous le "
        "trouvez. - {first}, {city}",
    ),
}
