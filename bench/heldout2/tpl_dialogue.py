"""Dialogues with speaker names, and product reviews signed with a name, written separately in each language.

In dialogues every speaker label ("Ayşe:") is a PERSON span. PII-free dialogues have role labels instead.
Reviews end with a signature: a full name, a first name, or a first name and an initial, sometimes with a town.
"""

from __future__ import annotations

DIALOGUE_PII: dict[str, tuple[str, ...]] = {
    "en": (
        "{first}: Did the courier turn up?\n{first:1}: Not yet. They had {street} but went to the depot in {office}.\n"
        "{first}: Typical. I'll ring them from {mobile}.",
        "{first}: Who's driving to {wtown} on {date}?\n{first:1}: {first:2} is, in the {car}.\n{first}: Then ask"
        " {first:2} to pick up {full:3} on the way.",
        "{first}: Could you send me the IBAN again?\n{first:1}: Sure, it's {iban:1}.\n{first}: Thanks, paying the"
        " {amount} tonight.",
        "{first}: Is {first:2} still at {addr:2}?\n{first:1}: Moved in {year}, I think. Ask {first:2} on {email:2}.",
    ),
    "de": (
        "{first}: Ist der Kurier gekommen?\n{first:1}: Nein, der hatte {street}, ist aber ins Depot nach {office}"
        " gefahren.\n{first}: Typisch. Ich ruf von {mobile} aus an.",
        "{first}: Wer fährt am {date} nach {wtown}?\n{first:1}: {first:2}, mit dem {car}.\n{first}: Dann soll"
        " {first:2} unterwegs {full:3} mitnehmen.",
        "{first}: Schickst du mir die IBAN noch mal?\n{first:1}: Klar: {iban:1}.\n{first}: Danke, die {amount}"
        " überweise ich heute Abend.",
        "{first}: Wohnt {first:2} noch in {addr:2}?\n{first:1}: Ich glaube, {first:2} ist {year} umgezogen."
        " Frag per Mail: {email:2}.",
    ),
    "fr": (
        "{first} : Le livreur est passé ?\n{first:1} : Pas encore. Il avait {street} mais il est allé au dépôt de"
        " {office}.\n{first} : Classique. J'appelle depuis le {mobile}.",
        "{first} : Qui va à {wtown} le {date} ?\n{first:1} : {first:2}, avec la {car}.\n{first} : Alors que"
        " {first:2} passe prendre {full:3} en route.",
        "{first} : Tu peux me renvoyer l'IBAN ?\n{first:1} : Bien sûr : {iban:1}.\n{first} : Merci, je vire les"
        " {amount} ce soir.",
        "{first} : {first:2} habite toujours {addr:2} ?\n{first:1} : Déménagement en {year}, je crois. Écris à"
        " {email:2}.",
    ),
    "es": (
        "{first}: ¿Ha venido el mensajero?\n{first:1}: Todavía no. Tenía {street} pero se fue al almacén de"
        " {office}.\n{first}: Lo de siempre. Les llamo desde el {mobile}.",
        "{first}: ¿Quién va a {wtown} el {date}?\n{first:1}: {first:2}, en el {car}.\n{first}: Pues que {first:2}"
        " recoja a {full:3} por el camino.",
        "{first}: ¿Me vuelves a pasar el IBAN?\n{first:1}: Claro: {iban:1}.\n{first}: Gracias, esta noche te hago"
        " la transferencia de {amount}.",
        "{first}: ¿{first:2} sigue viviendo en {addr:2}?\n{first:1}: Creo que se mudó en {year}. Escríbele a"
        " {email:2}.",
    ),
    "it": (
        "{first}: È passato il corriere?\n{first:1}: Non ancora. Aveva {street} ma è andato al deposito di"
        " {office}.\n{first}: Classico. Li chiamo dal {mobile}.",
        "{first}: Chi va a {wtown} il {date}?\n{first:1}: {first:2}, con la {car}.\n{first}: Allora {first:2}"
        " passa a prendere {full:3} per strada.",
        "{first}: Mi rimandi l'IBAN?\n{first:1}: Certo: {iban:1}.\n{first}: Grazie, stasera ti faccio il bonifico"
        " di {amount}.",
        "{first}: {first:2} abita ancora in {addr:2}?\n{first:1}: Mi pare abbia traslocato nel {year}. Scrivi a"
        " {email:2}.",
    ),
    "nl": (
        "{first}: Is de koerier al geweest?\n{first:1}: Nog niet. Die had {street} maar ging naar het depot in"
        " {office}.\n{first}: Typisch. Ik bel ze wel vanaf {mobile}.",
        "{first}: Wie rijdt er op {date} naar {wtown}?\n{first:1}: {first:2}, met de {car}.\n{first}: Dan kan"
        " {first:2} onderweg {full:3} oppikken.",
        "{first}: Stuur je de IBAN nog een keer?\n{first:1}: Tuurlijk: {iban:1}.\n{first}: Dank je, ik maak de"
        " {amount} vanavond over.",
        "{first}: Woont {first:2} nog op {addr:2}?\n{first:1}: Volgens mij in {year} verhuisd. Mail even naar"
        " {email:2}.",
    ),
}

DIALOGUE_FREE: dict[str, tuple[str, ...]] = {
    "en": (
        "Agent: How can I help?\nCustomer: Order {order} never arrived, {storm} hit the depot.\nAgent: I'll resend"
        " it today.",
        "Q: Does the {saas} plan include the {phrase}?\nA: Since {version}, yes, at no extra cost.",
    ),
    "de": (
        "Agent: Wie kann ich helfen?\nKunde: Bestellung {order} ist nie angekommen, {storm} hat das Lager erwischt."
        "\nAgent: Ich schicke sie heute neu.",
        "F: Ist „{phrase}“ im {saas}-Tarif enthalten?\nA: Seit Version {version} ja, ohne Aufpreis.",
    ),
    "fr": (
        "Conseiller : Que puis-je pour vous ?\nClient : La commande {order} n'est jamais arrivée, la {storm} a touché"
        " l'entrepôt.\nConseiller : Je la renvoie aujourd'hui.",
        "Q : L'offre {saas} inclut-elle « {phrase} » ?\nR : Depuis la version {version}, oui, sans surcoût.",
    ),
    "es": (
        "Agente: ¿En qué le ayudo?\nCliente: El pedido {order} no llegó nunca, la {storm} afectó al almacén.\n"
        "Agente: Se lo reenvío hoy.",
        "P: ¿El plan de {saas} incluye «{phrase}»?\nR: Desde la versión {version}, sí, sin coste adicional.",
    ),
    "it": (
        "Operatore: Come posso aiutarla?\nCliente: L'ordine {order} non è mai arrivato, il {storm} ha colpito il"
        " magazzino.\nOperatore: Lo rispedisco oggi.",
        "D: Il piano {saas} comprende «{phrase}»?\nR: Dalla versione {version} sì, senza costi aggiuntivi.",
    ),
    "nl": (
        "Medewerker: Waarmee kan ik helpen?\nKlant: Bestelling {order} is nooit aangekomen, {storm} trof het"
        " magazijn.\nMedewerker: Ik stuur hem vandaag opnieuw.",
        "V: Zit “{phrase}” in het {saas}-abonnement?\nA: Sinds versie {version} wel, zonder meerprijs.",
    ),
}

REVIEW_PII: dict[str, tuple[str, ...]] = {
    "en": (
        "★★★★☆ {product}\nSolid, but the charger died after a fortnight. Support {in_country} swapped it quickly.",
        "★★☆☆☆ Took three weeks to reach {wtown} and the box was crushed. The {fashion} belt inside was fine.",
        "Five stars. Better than my old {appliance}, and half the price ({amount}).",
    ),
    "de": (
        "★★★★☆ {product}\nSolide, aber das Ladegerät war nach zwei Wochen hin. Der Support {in_country} hat es"
        " schnell getauscht.",
        "★★☆☆☆ Drei Wochen bis {wtown}, der Karton war zerdrückt. Der {fashion}-Gürtel darin war heil.",
        "Fünf Sterne. Besser als mein alter {appliance} und halb so teuer ({amount}).",
    ),
    "fr": (
        "★★★★☆ {product}\nCorrect, mais le chargeur a lâché au bout de quinze jours. Le SAV {in_country} l'a vite"
        " remplacé.",
        "★★☆☆☆ Trois semaines pour arriver à {wtown}, carton écrasé. La ceinture {fashion} à l'intérieur était"
        " intacte.",
        "Cinq étoiles. Mieux que mon ancien {appliance}, et deux fois moins cher ({amount}).",
    ),
    "es": (
        "★★★★☆ {product}\nCumple, pero el cargador murió a las dos semanas. El soporte {in_country} lo cambió"
        " enseguida.",
        "★★☆☆☆ Tardó tres semanas en llegar a {wtown} y la caja vino aplastada. El cinturón de {fashion} estaba bien.",
        "Cinco estrellas. Mejor que mi antiguo {appliance} y a mitad de precio ({amount}).",
    ),
    "it": (
        "★★★★☆ {product}\nBuono, ma il caricatore è morto dopo due settimane. L'assistenza {in_country} l'ha"
        " sostituito subito.",
        "★★☆☆☆ Tre settimane per arrivare a {wtown}, scatola schiacciata. La cintura {fashion} dentro era integra.",
        "Cinque stelle. Meglio del mio vecchio {appliance} e costa la metà ({amount}).",
    ),
    "nl": (
        "★★★★☆ {product}\nDegelijk, maar de lader was na twee weken stuk. De support {in_country} ruilde hem snel om.",
        "★★☆☆☆ Drie weken onderweg naar {wtown} en de doos was geplet. De riem van {fashion} zat er heel in.",
        "Vijf sterren. Beter dan mijn oude {appliance} en de helft goedkoper ({amount}).",
    ),
}
# Signatures of a review: "— {sig}" with one of these, and sometimes ", {town}".
REVIEW_SIGNATURES = ("{full}", "{first}", "{short}", "{handle}")
REVIEW_ANONYMOUS = {
    "en": ("Verified buyer", "A customer {in_country}", "Anonymous"),
    "de": ("Verifizierter Kauf", "Ein Kunde {in_country}", "Anonym"),
    "fr": ("Achat vérifié", "Un client {in_country}", "Anonyme"),
    "es": ("Compra verificada", "Un cliente {in_country}", "Anónimo"),
    "it": ("Acquisto verificato", "Un cliente {in_country}", "Anonimo"),
    "nl": ("Geverifieerde aankoop", "Een klant {in_country}", "Anoniem"),
}
