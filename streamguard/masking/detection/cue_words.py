"""The words around a personal name in English, German, French, Spanish, Italian and Dutch: titles, greetings
and sign-offs (only a person follows them), and other cues (prepositions and phrases a name often follows).

Kept as regex alternations, with the patterns that find them just before a candidate name.
"""

from __future__ import annotations

import regex

# Surname particles (de la Cruz, van der Berg): grammar of names, not a list of names.
PARTICLE = r"(?:van|von|de|der|den|ter|ten|di|da|du|del|della|dos|das|la|le|zu|y|bin|al|el|Van|De|Di|Da|Del)"
TITLES = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Frau|Herr|Herrn|Fr|Hr|Mme|Mmes|Mlle|M|Monsieur|Madame|Mademoiselle|Sr|Sra|Srta|"
    r"Señor|Señora|Señorita|Don|Doña|Dña|Sig|Sig\.ra|Sigra|Signor|Signora|Signorina|Sig\.na|Dott|Dott\.ssa|Ing|Avv|"
    r"Mevrouw|Meneer|Mevr|Dhr|De heer|Mw|Ir|Drs"
)
# Only a person follows these ("Thanks Marina", "Dear Florence"): there a word that is also a town is a name.
GREETINGS = (
    r"dear|thanks|thank you|hi|hello|hey|regards|cheers|best|cc|attn|my name is|i am|i'm|this is|"
    r"liebe|lieber|hallo|danke|grüße|gruß|grüßen|mfg|sehr geehrte|sehr geehrter|ich bin|mein name ist|hier ist|"
    r"hier spricht|merci|bonjour|cordialement|salutations|amitiés|je suis|je m'appelle|gracias|hola|saludos|"
    r"atentamente|un saludo|estimado|estimada|soy|me llamo|le escribe|grazie|ciao|saluti|cordiali saluti|"
    r"distinti saluti|gentile|caro|cara|sono|mi chiamo|bedankt|groeten|groet|beste|geachte|ik ben|ik heet|spreekt"
)
# Prepositions and phrases a name often follows, and as often a company, a product or a town ("von Acme").
OTHER_CUES = (
    r"by|with|from|per|contact|ask|asked|according to|on behalf of|signed|customer|client|"
    r"von|mit|für|an|durch|bei|laut|kunde|kundin|ansprechpartner|ansprechpartnerin|"
    r"par|avec|pour|de la part de|cliente|contacter|con|por|para|da|da parte di|"
    r"door|met|voor|namens|klant|contactpersoon|ici|"
    r"a nombre de|au nom de|a nome di|op naam van|im namen von|auf den namen|titular|titulaire|intestatario|"
    r"intestataria|intestato a|intestata a|per conto di|kontoinhaber|kontoinhaberin|inhaber|inhaberin|läuft auf|"
    r"rekeninghouder"
)
# Words that, close before or after a name NER found, say it is a person's (the scanner's context boost).
PERSON_CUES = (
    "hi",
    "hello",
    "hey",
    "dear",
    "thanks",
    "thank you",
    "regards",
    "cheers",
    "name",
    "i'm",
    "i am",
    "this is",
    "attn",
    "contact",
    "customer",
    "client",
    "spoke",
    "talked",
    "called",
    "mr",
    "mrs",
    "ms",
    "dr",
    "husband",
    "wife",
    "colleague",
    "manager",
    "holder",
    "signed",
    "here",
    # The same cues in German, French, Spanish, Italian and Dutch.
    "danke",
    "grüße",
    "gruß",
    "hallo",
    "merci",
    "cordialement",
    "bonjour",
    "gracias",
    "saludos",
    "hola",
    "grazie",
    "saluti",
    "ciao",
    "bedankt",
    "groeten",
    "beste",
)

_AFTER_CUE = r"[,:!]?[ \t]*(?:\r?\n[ \t]*)?$"

TITLE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:{TITLES})\.?[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}$")
TITLE_WORD = regex.compile(rf"(?i:{TITLES})\.?")
GREETING_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:{GREETINGS}){_AFTER_CUE}")
CUE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:{GREETINGS}|{OTHER_CUES}){_AFTER_CUE}")
CUE_WORD = regex.compile(rf"(?i:{GREETINGS}|{OTHER_CUES})[,:!]?")
