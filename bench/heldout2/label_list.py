"""Address labels / envelope blocks (name line on top, then street, then postcode and town as each post office
wants them), and comma-separated lists of names."""

from __future__ import annotations

from bench.heldout2.addresses import block_lines
from bench.heldout2.labels import PERSON
from bench.heldout2.render import Ctx

_COUNTRY_NAMES = {  # the destination line of an envelope, in the sender's language
    "en": "UNITED KINGDOM|GERMANY|AUSTRIA|SWITZERLAND|FRANCE|BELGIUM|SPAIN|ITALY|NETHERLANDS",
    "de": "VEREINIGTES KÖNIGREICH|DEUTSCHLAND|ÖSTERREICH|SCHWEIZ|FRANKREICH|BELGIEN|SPANIEN|ITALIEN|NIEDERLANDE",
    "fr": "ROYAUME-UNI|ALLEMAGNE|AUTRICHE|SUISSE|FRANCE|BELGIQUE|ESPAGNE|ITALIE|PAYS-BAS",
    "es": "REINO UNIDO|ALEMANIA|AUSTRIA|SUIZA|FRANCIA|BÉLGICA|ESPAÑA|ITALIA|PAÍSES BAJOS",
    "it": "REGNO UNITO|GERMANIA|AUSTRIA|SVIZZERA|FRANCIA|BELGIO|SPAGNA|ITALIA|PAESI BASSI",
    "nl": "VERENIGD KONINKRIJK|DUITSLAND|OOSTENRIJK|ZWITSERLAND|FRANKRIJK|BELGIË|SPANJE|ITALIË|NEDERLAND",
}
_COUNTRY_ORDER = ("GB", "DE", "AT", "CH", "FR", "BE", "ES", "IT", "NL")
_ENVELOPE_HONORIFICS = {  # (male, female)
    "en": (("Mr", "Dr"), ("Ms", "Mrs", "Dr")),
    "de": (("Herrn",), ("Frau",)),
    "fr": (("Monsieur", "M."), ("Madame", "Mme")),
    "es": (("Sr. D.", "Sr."), ("Sra. Dña.", "Sra.")),
    "it": (("Gent.mo Sig.", "Sig."), ("Gent.ma Sig.ra", "Sig.ra")),
    "nl": (("De heer", "Dhr."), ("Mevrouw", "Mevr.")),
}
_CARE_OF = {"en": "c/o", "de": "c/o", "fr": "chez", "es": "a/a", "it": "c/o", "nl": "p/a"}
_FREE_LABEL = {
    "en": "RETURN\nShipment: {order}\nWeight: 2.4 kg\nContents: {product}\nSender: {fashion} returns centre, {office}",
    "de": "RETOURE\nSendungsnummer: {order}\nGewicht: 2,4 kg\nInhalt: {product}\nAbsender: {fashion} Retourenzentrum"
    " {office}",
    "fr": "RETOUR\nN° d'envoi : {order}\nPoids : 2,4 kg\nContenu : {product}\nExpéditeur : centre de retours"
    " {fashion}, {office}",
    "es": "DEVOLUCIÓN\nEnvío: {order}\nPeso: 2,4 kg\nContenido: {product}\nRemitente: centro de devoluciones"
    " {fashion}, {office}",
    "it": "RESO\nSpedizione: {order}\nPeso: 2,4 kg\nContenuto: {product}\nMittente: centro resi {fashion}, {office}",
    "nl": "RETOUR\nZending: {order}\nGewicht: 2,4 kg\nInhoud: {product}\nAfzender: {fashion} retourcentrum, {office}",
}


def build_label(ctx: Ctx, pii: bool) -> None:
    rng = ctx.rng
    if not pii:
        ctx.render(_FREE_LABEL[ctx.lang] + "\n")
        return
    if rng.random() < 0.3:  # the sender: a company and its site, not a person's address
        ctx.render(rng.choice(("Kroonhof Logistics", "Brightmill Ltd", "Polderwerk B.V.")) + " · {office}\n\n")
    honorific = rng.choice(_ENVELOPE_HONORIFICS[ctx.lang][ctx.person(0).female]) if rng.random() < 0.6 else ""
    name = "{initials}" if rng.random() < 0.2 else "{full}"
    if honorific and ctx.lang == "de":
        ctx.render(f"{honorific}\n{name}\n")  # German envelopes put "Herrn"/"Frau" on a line of its own
    else:
        ctx.render(f"{honorific} {name}\n" if honorific else f"{name}\n")
    if rng.random() < 0.15:
        ctx.render(f"{_CARE_OF[ctx.lang]} {{full:1}}\n")
    for line in block_lines(ctx.address(0), rng):
        ctx.buf.extend(line)
        ctx.buf.add("\n")
    if rng.random() < 0.4 or (ctx.lang == "en" and ctx.country != "GB"):
        ctx.buf.add(_COUNTRY_NAMES[ctx.lang].split("|")[_COUNTRY_ORDER.index(ctx.country)] + "\n")


_LIST_INTROS = {
    "en": ("Attendees: {names}.", "On the rota this week: {names}.", "Thanks to {names} for covering the weekend of"
           " {storm}.", "Cc: {names}", "Shortlisted for the {phrase}: {names}."),
    "de": ("Teilnehmende: {names}.", "Diese Woche im Dienst: {names}.", "Danke an {names} fürs Einspringen am"
           " Wochenende mit {storm}.", "Cc: {names}", "In der engeren Auswahl für „{phrase}“: {names}."),
    "fr": ("Participants : {names}.", "De permanence cette semaine : {names}.", "Merci à {names} d'avoir assuré le"
           " week-end de la {storm}.", "Cc : {names}", "Présélection pour « {phrase} » : {names}."),
    "es": ("Asistentes: {names}.", "De guardia esta semana: {names}.", "Gracias a {names} por cubrir el fin de"
           " semana de la {storm}.", "CC: {names}", "Preselección para «{phrase}»: {names}."),
    "it": ("Partecipanti: {names}.", "Di turno questa settimana: {names}.", "Grazie a {names} per aver coperto il"
           " weekend del {storm}.", "Cc: {names}", "In lista per «{phrase}»: {names}."),
    "nl": ("Aanwezig: {names}.", "Deze week van dienst: {names}.", "Dank aan {names} voor het invallen in het"
           " weekend van {storm}.", "Cc: {names}", "Genomineerd voor “{phrase}”: {names}."),
}  # fmt: skip
_FREE_LISTS = {
    "en": ("Tools we pay for: {saas}, {saas:1}, {saas:2} and {saas:3}.", "We ship to {country}, {country:1},"
           " {country:2} and {country:3}.", "Brands in the sale: {fashion}, {fashion:1}, {fashion:2}."),
    "de": ("Bezahlte Tools: {saas}, {saas:1}, {saas:2} und {saas:3}.", "Wir liefern nach: {country}, {country:1},"
           " {country:2}, {country:3}.", "Marken im Sale: {fashion}, {fashion:1}, {fashion:2}."),
    "fr": ("Outils payants : {saas}, {saas:1}, {saas:2} et {saas:3}.", "Pays livrés : {country}, {country:1},"
           " {country:2}, {country:3}.", "Marques en soldes : {fashion}, {fashion:1}, {fashion:2}."),
    "es": ("Herramientas de pago: {saas}, {saas:1}, {saas:2} y {saas:3}.", "Enviamos a: {country}, {country:1},"
           " {country:2}, {country:3}.", "Marcas en rebajas: {fashion}, {fashion:1}, {fashion:2}."),
    "it": ("Strumenti a pagamento: {saas}, {saas:1}, {saas:2} e {saas:3}.", "Spediamo in: {country}, {country:1},"
           " {country:2}, {country:3}.", "Marchi in saldo: {fashion}, {fashion:1}, {fashion:2}."),
    "nl": ("Betaalde tools: {saas}, {saas:1}, {saas:2} en {saas:3}.", "We leveren in: {country}, {country:1},"
           " {country:2}, {country:3}.", "Merken in de uitverkoop: {fashion}, {fashion:1}, {fashion:2}."),
}  # fmt: skip
_AND = {"en": " and ", "de": " und ", "fr": " et ", "es": " y ", "it": " e ", "nl": " en "}


def _names(ctx: Ctx, cc: bool) -> str:
    rng = ctx.rng
    n = rng.randint(3, 6)
    key = rng.choice(("full", "first"))
    items = [f"{{full:{i}}} <{{email:{i}}}>" if cc else f"{{{key}:{i}}}" for i in range(n)]
    if not cc and rng.random() < 0.6:
        return ", ".join(items[:-1]) + _AND[ctx.lang] + items[-1]
    return ", ".join(items)


def build_list(ctx: Ctx, pii: bool) -> None:
    rng = ctx.rng
    if not pii:
        ctx.render(rng.choice(_FREE_LISTS[ctx.lang]) + "\n")
        return
    intro = rng.choice(_LIST_INTROS[ctx.lang])
    ctx.render(intro.replace("{names}", _names(ctx, intro.startswith(("Cc", "CC")))) + "\n")
    assert any(s.entity_type == PERSON for s in ctx.buf.spans)
