"""CVs / résumés: a name line, a contact block, then experience, education, languages and references.

Employers' sites ("Kroonhof Logistics, Rotterdam") and universities named after towns are not labelled: a city as
a company's site is not personal. The anonymised CVs of blind hiring are the PII-free variant.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench.heldout2.render import Ctx


@dataclass(frozen=True)
class CvWords:
    titles: tuple[str, ...]
    anonymous: str  # the title of an anonymised CV; {ticket} is the candidate number
    contact: tuple[str, str]  # the words before the phone and the e-mail
    nationality: str
    experience: str
    education: str
    languages: str
    skills: str
    references: str
    present: str
    levels: tuple[str, ...]
    jobs: tuple[str, ...]
    degrees: tuple[str, ...]
    university: str  # "University of {office}"


WORDS: dict[str, CvWords] = {
    "en": CvWords(("CURRICULUM VITAE", "Résumé", "CV"), "Anonymised CV, candidate {ticket}", ("Phone:", "Email:"),
                  "Nationality", "EXPERIENCE", "EDUCATION", "LANGUAGES", "SKILLS", "References", "present",
                  ("native", "fluent", "C1", "B2", "basic"),
                  ("Logistics coordinator", "Staff nurse", "Junior accountant", "Sales assistant", "Data analyst"),
                  ("BSc Economics", "MA Translation", "HND Engineering", "BA History"), "University of {office}"),
    "de": CvWords(("LEBENSLAUF", "Lebenslauf", "Tabellarischer Lebenslauf"), "Anonymisierter Lebenslauf,"
                  " Bewerbung {ticket}", ("Telefon:", "E-Mail:"), "Staatsangehörigkeit", "BERUFSERFAHRUNG",
                  "AUSBILDUNG", "SPRACHEN", "KENNTNISSE", "Referenzen", "heute",
                  ("Muttersprache", "fließend", "C1", "B2", "Grundkenntnisse"),
                  ("Disposition Logistik", "Pflegefachkraft", "Sachbearbeitung Buchhaltung", "Verkauf", "Datenanalyse"),
                  ("B.Sc. Betriebswirtschaft", "M.A. Übersetzen", "Ausbildung Industriekaufleute", "Staatsexamen"),
                  "Universität {office}"),
    "fr": CvWords(("CURRICULUM VITAE", "CV"), "CV anonyme, candidature {ticket}", ("Tél. :", "E-mail :"),
                  "Nationalité", "EXPÉRIENCE PROFESSIONNELLE", "FORMATION", "LANGUES", "COMPÉTENCES", "Références",
                  "aujourd'hui", ("langue maternelle", "courant", "C1", "B2", "notions"),
                  ("Coordination logistique", "Infirmier·ère", "Assistant·e comptable", "Vente", "Analyse de données"),
                  ("Licence d'économie", "Master de traduction", "BTS Électrotechnique", "Licence d'histoire"),
                  "Université de {office}"),
    "es": CvWords(("CURRICULUM VITAE", "Currículum", "CV"), "CV anónimo, candidatura {ticket}", ("Teléfono:",
                  "Correo:"), "Nacionalidad", "EXPERIENCIA PROFESIONAL", "FORMACIÓN", "IDIOMAS", "COMPETENCIAS",
                  "Referencias", "actualidad", ("nativo", "fluido", "C1", "B2", "básico"),
                  ("Coordinación logística", "Enfermería", "Auxiliar contable", "Dependiente", "Análisis de datos"),
                  ("Grado en Economía", "Máster en Traducción", "Ciclo Superior de Electricidad", "Grado en Historia"),
                  "Universidad de {office}"),
    "it": CvWords(("CURRICULUM VITAE", "Curriculum", "CV"), "CV anonimo, candidatura {ticket}", ("Tel.:",
                  "E-mail:"), "Nazionalità", "ESPERIENZA PROFESSIONALE", "ISTRUZIONE", "LINGUE", "COMPETENZE",
                  "Referenze", "oggi", ("madrelingua", "fluente", "C1", "B2", "base"),
                  ("Coordinamento logistico", "Infermiere", "Contabilità", "Addetto vendite", "Analisi dati"),
                  ("Laurea in Economia", "Laurea magistrale in Traduzione", "Diploma di perito", "Laurea in Storia"),
                  "Università di {office}"),
    "nl": CvWords(("CURRICULUM VITAE", "Cv", "CV"), "Geanonimiseerd cv, kandidaat {ticket}", ("Telefoon:",
                  "E-mail:"), "Nationaliteit", "WERKERVARING", "OPLEIDING", "TALEN", "VAARDIGHEDEN", "Referenties",
                  "heden", ("moedertaal", "vloeiend", "C1", "B2", "basis"),
                  ("Logistiek planner", "Verpleegkundige", "Medewerker boekhouding", "Verkoopmedewerker",
                   "Data-analist"), ("Bachelor Economie", "Master Vertalen", "Mbo Elektrotechniek",
                  "Bachelor Geschiedenis"), "Universiteit {office}"),
}  # fmt: skip
_DASH = "\u2013"  # an en dash, as printed CVs write date ranges
_EMPLOYERS = ("Kroonhof Logistics", "{car}", "{fashion}", "{appliance}", "Brightmill", "Polderwerk", "Officine Vesta")


def _experience(ctx: Ctx, w: CvWords) -> None:
    rng = ctx.rng
    end = rng.randint(2019, 2024)
    start = end - rng.randint(2, 6)
    ctx.render(f"\n{w.experience}\n")
    # Two jobs at two employers' sites; {office:N} keeps the two sites apart.
    ctx.render(f"{end} {_DASH} {w.present}  {rng.choice(w.jobs)}, {rng.choice(_EMPLOYERS)}, {{office}}\n")
    ctx.render(f"{start} {_DASH} {end}  {rng.choice(w.jobs)}, {rng.choice(_EMPLOYERS)}, {{office:1}}\n")
    university = w.university.format(office="{office:2}")
    ctx.render(f"\n{w.education}\n{start - 4} {_DASH} {start}  {rng.choice(w.degrees)}, {university}\n")
    ctx.render(f"\n{w.languages}\n{{langname}} ({w.levels[0]}), {{langname}} ({rng.choice(w.levels[1:])})\n")


def build_cv(ctx: Ctx, pii: bool) -> None:
    rng, w = ctx.rng, WORDS[ctx.lang]
    if not pii:
        ctx.render(w.anonymous + "\n")
        _experience(ctx, w)
        ctx.render(f"\n{w.skills}\n{{saas}}, {{saas}}, Excel, SQL\n")
        return
    ctx.render(f"{rng.choice(w.titles)}\n\n{{full}}\n")
    ctx.render("{addr}\n" if rng.random() < 0.6 else "{street}\n{pc} {town}\n" if ctx.country != "GB" else
               "{street}\n{town}\n{pc}\n")  # fmt: skip
    ctx.render(f"{w.contact[0]} {{mobile}} · {w.contact[1]} {{email}}\n")
    if rng.random() < 0.5:
        ctx.render(f"{w.nationality}: {{nation}}\n")
    _experience(ctx, w)
    if rng.random() < 0.6:
        ctx.render(f"\n{w.references}\n{{full:1}}, {{phone:1}}\n")
