"""When a name-shaped span is a company or a product, and when a place is an office rather than an address,
whatever NER or the lexicons say.

Products and companies are named like people ("Emma Chat", "Aurora Cloud", "Brandt & Söhne GmbH"), and
neither the small NER model nor a first-name list can tell. The sentence can: a legal form after the
words makes them a company; a version number right after, or a product word ("licences", "trial", "app",
"Lizenzen", "licenze") makes them a product; so does a quantity before ("40 units of", "12 Stück").
A title or a cue that only people get ("Frau", "Dear", "signed") keeps the span a person's.

Places: "our Berlin office", "le bureau de Lyon", "la sede di Milano", "ons kantoor in Utrecht" name where a
company works, not where a person lives; strict mode masks places, but not those. A town is personal data when
it can place a person: when the text names someone (a person, an address, a phone number...), or when a word of
living or moving ("wohnt in", "moved to", "habite à") or a field of a person's town ("Wohnort:", "city=") comes
before it. "Shipping to Berlin took 11 days" places nobody, so the standard mode leaves it and strict masks it.
"""

from __future__ import annotations

import regex

from streamguard.masking.detection import Span
from streamguard.masking.detection.cue_words import GREETING_BEFORE, TITLE_BEFORE

# Legal forms of companies in the countries read (and "& Co", "& Söhne", "& Partners").
_LEGAL_FORMS = (
    r"GmbH|gGmbH|AG|KG|OHG|SE|UG|e\.[ ]?V\.|SARL|SAS|SASU|SA|S\.A\.|SNC|S\.L\.|SL|S\.L\.U\.|S\.p\.A\.|SpA|S\.r\.l\.|"
    r"Srl|S\.n\.c\.|B\.V\.|BV|N\.V\.|NV|VOF|Ltd|Ltd\.|LLC|LLP|Inc|Inc\.|Corp|plc|PLC|Group|Gruppe|Groupe|Grupo|"
    r"Gruppo|Holding|& Co"
)
_COMPANY_AFTER = regex.compile(rf"^(?:[ ]?&[ ]?\p{{Lu}}[\p{{L}}.]*)?,?[ ]?(?:{_LEGAL_FORMS})(?![\p{{L}}])")
# "&" inside, or a legal form at the end of the span itself ("Keller Maschinenbau AG").
_COMPANY_INSIDE = regex.compile(rf"[ ]&[ ]|[ ](?:{_LEGAL_FORMS})$")
# A version, or a product word, right after: "Emma Chat 8.3.15", "Oscar Desk licences", "Luna Notes app".
_PRODUCT_AFTER = regex.compile(
    r"^[ ]?(?:(?:[A-Z]{1,3}\d{1,4}[ ])?v?\d+(?:\.\d+)+|v\d+|[A-Z]{1,3}\d{1,4}(?![\p{L}\d])|"
    r"(?i:app|apps|licen[cs]es?|seats|trial|subscription|plan|integration|"
    r"update|release|version|firmware|plugin|add-on|lizenzen|lizenz|abo|testphase|licencias?|licenze|licenza|"
    r"licenties?|licentie|abonnement|proefperiode|suite|server|router|cloud|edition|migration|rollout|"
    r"deployment|instance|workspace)(?![\p{L}]))"
)
# A quantity or a trial before: "2 Gift Cards", "87 units of", "12 Stück", "la prova di", "proefperiode van".
_PRODUCT_BEFORE = regex.compile(
    r"(?i:\d+(?:[ ](?:units?|pieces|stück|stk\.?|unités|unidades|pezzi|stuks|x)(?:[ ](?:of|de|di|van))?)?|"
    r"(?:trial|testphase|essai|prueba|prova|proefperiode)[ ](?:of|für|von|de|di|van)|"
    r"(?:upgrade|update|install|deploy)(?:[ ]to)?|version[ ]of)[ ]$"
)


# Product and team names built from a given name: the name with a product noun after it ("Victoria Hub",
# "Luna Notes", "Max Pro"), or "Team" before it.
_PRODUCT_TAIL = regex.compile(
    r"[ ](?:Hub|Cloud|Pro|Plus|Max|Mini|Lite|Air|Suite|Notes|Desk|Chat|Studio|Labs?|Works|Connect|Pay|Go|One|AI|"
    r"Analytics|Insights?|Data|Sync|Drive|Mail|Docs|Cam|Box|Point|Flow|Stack|Base|Hq|HQ|Bot|Assistant|Play|Store|"
    r"Shop|Market|Bank|Care|Health|Energy|Mobile|Net|Online|Digital|Tech|Systems?|Software|Solutions|Services)$"
)
_TEAM_HEAD = regex.compile(r"^(?:Team|Équipe|Equipo|Squadra|Projekt|Project|Projet|Proyecto|Progetto)[ ]")


# Storms are given people's names: "Storm Ciarán", "Sturmtief Sabine", "la tempête Alex", "borrasca Filomena".
_WEATHER = (
    r"storm|tropical storm|hurricane|typhoon|cyclone|medicane|sturm|sturmtief|orkan|orkantief|tief|tempête|"
    r"ouragan|dépression|borrasca|huracán|tormenta|ciclón|tifón|tempesta|ciclone|uragano|tifone|orkaan"
)
_WEATHER_AROUND = regex.compile(rf"(?i:^(?:{_WEATHER})[ ]|(?<![\p{{L}}])(?:{_WEATHER})[ ]$)")
# Landmarks, venues and shops named after people or towns: "John Lennon Airport", "Wellington Arch", "Hofer
# Innenstadt", "Sainsbury's Click & Collect"; and the word before some ("aeroporto Marco Polo", "gare Saint-Lazare").
_LANDMARK = (  # not the words that are surnames too (Park, Hall, Arena, Plaza, Ponte, Dom)
    r"airport|arch|docks|station|stadium|museum|bridge|square|cathedral|theatre|theater|bahnhof|hauptbahnhof|"
    r"flughafen|platz|brücke|stadion|aéroport|musée|stade|estación|aeropuerto|estadio|museo|stazione|aeroporto|"
    r"stadio|piazza|galleria|luchthaven|plein|brug|innenstadt|centrum|centre|mitte|click|onlineshop|outlet|mall"
)
_LANDMARK_IN = regex.compile(rf"(?i:[ ](?:{_LANDMARK})$)")
_LANDMARK_AFTER = regex.compile(rf"^(?:'s)?[ ](?i:{_LANDMARK})(?![\p{{L}}])")
_LANDMARK_BEFORE = regex.compile(
    r"(?<![\p{L}])(?i:airport|aéroport|aeropuerto|aeroporto|flughafen|luchthaven|gare|estación|stazione|station|"
    r"stadion|stadio|estadio|stade|museo|musée|galleria|teatro|théâtre|theater|ospedale|hospital|hôpital|"
    r"klinikum|ziekenhuis|universidad|università|université|universität|universiteit|fondazione|fundación|"
    r"fondation|stiftung|stichting)(?:[ ](?:di|de|del|dello|della|du|des|van|von))?[ ]$"
)


def is_company_or_product(text: str, start: int, end: int) -> bool:
    """Whether the words at ``text[start:end]`` name a company, a product, a storm or a landmark rather than a
    person."""
    before = text[max(0, start - 28) : start]
    if TITLE_BEFORE.search(before) or GREETING_BEFORE.search(before):
        return False
    value = text[start:end]
    if _WEATHER_AROUND.search(value) or _WEATHER_AROUND.search(before):
        return True
    if _LANDMARK_IN.search(value) or _LANDMARK_AFTER.match(text[end : end + 14]) or _LANDMARK_BEFORE.search(before):
        return True
    if _INSTITUTION_HEAD.match(value):
        return True
    after = text[end : end + 24]
    if _COMPANY_AFTER.match(after) or _COMPANY_INSIDE.search(value) or _COMPANY_INSIDE.search(value.rstrip(".")):
        return True
    if _PRODUCT_TAIL.search(value) or _TEAM_HEAD.match(value):
        return True
    return bool(_PRODUCT_AFTER.match(after) or _PRODUCT_BEFORE.search(before))


_WORKPLACE = (
    r"office|offices|team|branch|site|store|shop|warehouse|plant|hq|headquarters|hub|campus|data ?cent(?:er|re)|"
    r"büro|niederlassung|filiale|lager|standort|werk|zentrale|team|bureau|agence|siège|entrepôt|magasin|"
    r"équipe|oficina|sede|almacén|tienda|equipo|ufficio|magazzino|negozio|kantoor|vestiging|magazijn|winkel"
)
_WORKPLACE_AFTER = regex.compile(rf"^[ ]?(?i:{_WORKPLACE})(?![\p{{L}}])")
_WORKPLACE_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?i:(?:{_WORKPLACE})[ ](?:in|im|de|du|d'|di|del|della|van|te|at|en|à|a|bei|zu|von)"
    r"(?:[ ](?:der|la|le|l'))?"
    r"|our|unser|unsere|unserem|unserer|notre|nos|nuestra|nuestro|nostro|nostra|ons|onze"
    r"|team|équipe|equipo|squadra|projekt|project|projet|proyecto|progetto|codename)[ ]$"
)
_LEADING_PARTICLE = regex.compile(r"^(?:de|du|des|di|da|del|della|van|von|d')[ ]?", regex.IGNORECASE)
# "Berliner Büro", "Münchner Team": a German city adjective before a workplace word.
_CITY_ADJECTIVE = regex.compile(rf"^\p{{Lu}}\p{{Ll}}+er[ ](?i:{_WORKPLACE})(?![\p{{L}}])")


# A university, a hospital, a museum or a station named after its town: "Universidad Complutense de Madrid".
_INSTITUTION_HEAD = regex.compile(
    r"^(?i:university|universität|universitat|université|universidad|università|universiteit|hochschule|"
    r"école|escuela|scuola|politecnico|college|institute|institut|instituto|istituto|hospital|hôpital|ospedale|"
    r"klinikum|ziekenhuis|museum|musée|museo|stadion|stadium|estadio|stadio|gare|estación|stazione|station|"
    r"airport|aéroport|aeropuerto|aeroporto|flughafen|luchthaven)[ ]"
)


# The words that are surnames too, ending a venue's name: "Flanders Expo", "Albert Dock", "Olympic Park".
VENUE_TAIL = regex.compile(r"[ ](?:Expo|Dock|Park|Arena|Hall|Plaza)$")


def is_institution(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` is an institution or a station named after its town."""
    return _INSTITUTION_HEAD.match(text[start:end]) is not None


def is_workplace(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` is where a company works ("our Berlin office"), or a team's or a
    project's code name ("team Phoenix")."""
    particle = _LEADING_PARTICLE.match(text[start:end])
    if particle is not None:  # "de Lille" in "l'agence de Lille"
        start += particle.end()
    if _WORKPLACE_AFTER.match(text[end : end + 20]) or _WORKPLACE_BEFORE.search(text[max(0, start - 24) : start]):
        return True
    return _CITY_ADJECTIVE.match(text[start : end + 20]) is not None


# Words of living, moving and being born, each ending in the preposition the town follows.
_RESIDENCE_BEFORE = regex.compile(
    r"(?<![\p{L}])(?i:(?:live|lives|living|lived|stay|stays|staying|reside|resides|residing|resident|born|home)[ ]in|"
    r"(?:moved|moving|move|relocated|relocating)[ ]to|"
    r"(?:wohne|wohnt|wohnen|wohnhaft|lebe|lebt|leben|geboren)(?:[ ](?:ich|du|er|sie|wir|ihr))?[ ]in|"
    r"(?:umgezogen|ziehe|zieht|ziehen)[ ]nach|"
    r"(?:habite|habites|habitons|habitez|habitent|vis|vit|vivons|vivez|vivent|réside|résidant|résidente?|"
    r"domiciliée?|née?|installée?s?)[ ](?:à|a|au)|(?:déménagé|déménage|emménagé)[ ](?:à|a|au|sur)|"
    r"(?:vivo|vives|vive|vivimos|viven|resido|reside|residente|domiciliad[oa]|nacid[oa]|empadronad[oa])[ ]en|"
    r"(?:mudé|mudado|mudamos|trasladé)[ ](?:a|al)|"
    r"(?:abito|abiti|abita|abitiamo|abitano|vivo|vivi|vive|viviamo|vivono|residente|domiciliat[oa]|nat[oa]|"
    r"trasferit[oa])[ ](?:a|ad|in)|"
    r"(?:woon|woont|wonen|woonachtig|geboren|verhuisd|verhuizen|verhuis)(?:[ ](?:ik|je|jij|hij|zij|ze|we|wij))?"
    r"[ ](?:in|te|naar))[ ]$"
)
# Field labels of a person's town, before the value in forms, logs and labels.
_TOWN_LABEL_BEFORE = regex.compile(
    r"(?<![\p{L}])(?i:city|town|place of residence|residence|ort|wohnort|stadt|ville|localité|commune|"
    r"ciudad|localidad|población|municipio|città|località|comune|residenza|plaats|woonplaats|stad|gemeente)"
    r"[ ]?[:=][ ]?[\"']?$"
)


def places_a_person(text: str, start: int) -> bool:
    """Whether a word of living or moving, or a field of a person's town, comes just before ``text[start:]``."""
    before = text[max(0, start - 32) : start]
    return bool(_RESIDENCE_BEFORE.search(before) or _TOWN_LABEL_BEFORE.search(before))


def repeated_mentions(text: str, spans: list[Span], threshold: float) -> list[Span]:
    """Every other mention of a name or place found at ``threshold`` or above, with its score: a speaker found
    once in a dialogue ("marco.rossi: ...") is the same person on every line, wherever the model doubted it."""
    found = {
        text[s.start : s.end]: s for s in spans if s.entity_type in ("PERSON", "LOCATION") and s.score >= threshold
    }
    known = {(s.start, s.end) for s in spans if s.score >= threshold}
    more: list[Span] = []
    for value, span in found.items():
        at = text.find(value)
        while at >= 0:  # str.find, not a regex per value: this runs for every text
            end = at + len(value)
            if (at, end) not in known and not _word_char(text, at - 1) and not _word_char(text, end):
                more.append(Span(at, end, span.entity_type, span.score))
            at = text.find(value, at + 1)
    return more


def _word_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")
