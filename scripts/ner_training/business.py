"""PII-free texts of a business world where no one is named and nowhere is anyone's place: release notes, calendar
entries, press news, order confirmations and collection notes, anonymous CV sections, voice-assistant requests and
ticket titles (:mod:`business_templates`). They teach the names that are not people's: voice assistants (Alexa,
Siri), brands that are a designer's full name (Ralph Lauren, Carolina Herrera), venues and universities named after
people (Johan Cruijff ArenA, Humboldt-Universität), skills and certificates (Goethe-Zertifikat), and capitalised
words that open a title ("Retro", "Bug:"). These styles are drawn only for examples without an entity.

Slots: ``ASSIST``, ``DESIGNER``, ``VENUE``, ``UNI``, ``SKILL``, ``CERT``, ``VER``, ``PATH``, ``GARMENT``, ``SEASON``.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from .business_templates import GARMENTS, SEASONS, TEMPLATES
from .example import Segment, words
from .styles import joined

if TYPE_CHECKING:
    from .render import Renderer

ASSISTANTS = words("Alexa Siri Cortana Bixby Gemini Copilot Claude Alexa Siri")
DESIGNERS = words(
    "Ralph Lauren|Tommy Hilfiger|Calvin Klein|Hugo Boss|Karl Lagerfeld|Yves Saint Laurent|Marc Jacobs|Paul Smith|"
    "Vivienne Westwood|Michael Kors|Tory Burch|Kate Spade|Dolce & Gabbana|Salvatore Ferragamo|Emilio Pucci|"
    "Isabel Marant|Alexander McQueen|Carolina Herrera|Oscar de la Renta|Paco Rabanne|Jil Sander|Dries Van Noten|"
    "Ann Demeulemeester|Wolfgang Joop|Roberto Cavalli|Ermenegildo Zegna|Brunello Cucinelli|Manolo Blahnik|"
    "Jimmy Choo|Pierre Cardin|Nina Ricci|Sonia Rykiel|Adolfo Domínguez|Purificación García|Marlies Dekkers|"
    "Scotch & Soda|Anna Sui|Ted Baker|Jack Wolfskin|Tom Tailor|Marc O'Polo|Betty Barclay|Gerry Weber",
    "|",
)
VENUES = words(
    "Santiago Bernabéu|Johan Cruijff ArenA|Giuseppe Meazza|Stade Pierre-Mauroy|Philips Stadion|Allianz Arena|"
    "Signal Iduna Park|Ziggo Dome|Lotto Arena|Accor Arena|Olympiahalle|Mercedes-Benz Arena|Stade Roi Baudouin|"
    "Koning Boudewijnstadion|Stadio Diego Armando Maradona|Auditorium Parco della Musica|Palais Garnier|"
    "Concertgebouw|Elbphilharmonie|Estadio Ramón Sánchez-Pizjuán|Stadio Artemio Franchi|Max-Schmeling-Halle|"
    "Lanxess Arena|Rudolf-Oetker-Halle|Salle Pleyel|Théâtre du Châtelet|Palau Sant Jordi|Estadio Benito Villamarín|"
    "Abe Lenstra Stadion|Stade Geoffroy-Guichard|Teatro Carlo Felice",
    "|",
)
UNIVERSITIES = words(
    "Humboldt-Universität|Goethe-Universität|Ludwig-Maximilians-Universität|Johannes Kepler Universität|"
    "Karl-Franzens-Universität|Universidad Carlos III|Universidad Rey Juan Carlos|Universitat Pompeu Fabra|"
    "Universidad Pablo de Olavide|Université Paul Sabatier|Université Jean Moulin|Université Paris-Dauphine|"
    "Sorbonne Université|Université Grenoble Alpes|Erasmus Universiteit|Radboud Universiteit|Vrije Universiteit|"
    "Università Bocconi|Università Ca' Foscari|Politecnico|Università Luigi Bocconi|Universiteit Antwerpen|"
    "KU Leuven|Trinity College|Imperial College|Technische Universität|Hochschule für Technik|Universidad Complutense|"
    "Università Federico II|Université Libre|Rijksuniversiteit|Universidad de Deusto",
    "|",
)
SKILLS = words(
    "Python|Java|SQL|Kubernetes|Terraform|Power BI|Tableau|SAP S/4HANA|Excel|Scrum|Salesforce|Figma|Adobe Illustrator|"
    "AutoCAD|SolidWorks|Docker|React|Angular|Apache Spark|Kafka|Jenkins|Ansible|Linux|Go|TypeScript|DATEV|Lexware|"
    "Navision|Jira|Confluence|Photoshop|InDesign|MATLAB|R|Stata|SPSS|Kotlin|Swift|Flutter|Django|Spring Boot|Oracle",
    "|",
)
CERTS = words(
    "PRINCE2 Foundation|PMP|ITIL 4 Foundation|AWS Certified Solutions Architect|CISSP|Professional Scrum Master I|"
    "Cambridge C1 Advanced|DELF B2|DALF C1|Goethe-Zertifikat C1|TOEFL iBT|CFA Level II|IPMA Level C|CELI 3|"
    "DELE B2|CKA|Azure Fundamentals|Lean Six Sigma Green Belt|TOEIC|Staatsexamen NT2|SAFe Agilist|CompTIA Security+",
    "|",
)
STYLES = ("release_notes", "calendar", "news", "order", "collection", "cv_anonymous", "assistant", "titles")


def value(slot: str, lang: str, rng: random.Random) -> str | None:
    """The text for one of this module's slots, or ``None`` when ``slot`` is not one of them."""
    tables = {
        "ASSIST": ASSISTANTS,
        "DESIGNER": DESIGNERS,
        "VENUE": VENUES,
        "UNI": UNIVERSITIES,
        "SKILL": SKILLS,
        "CERT": CERTS,
        "GARMENT": GARMENTS[lang],
        "SEASON": SEASONS[lang],
    }
    if slot in tables:
        return rng.choice(tables[slot])
    if slot == "VER":
        version = f"{rng.randint(1, 12)}.{rng.randint(0, 30)}"
        return version + rng.choice(("", f".{rng.randint(0, 20)}", "-rc1", f".{rng.randint(0, 9)}-beta"))
    if slot == "PATH":
        return rng.choice(("orders", "payments", "returns", "v1/invoices", "v2/customers/export", "hooks"))
    return None


def text(r: Renderer, style: str) -> tuple[list[Segment], str]:
    """One PII-free example of ``style`` (one of :data:`STYLES`) and the transform of the whole text."""
    rng = r.rng
    table = TEMPLATES[r.lang]

    def some(key: str, low: int, high: int) -> list[list[Segment]]:
        return [r.render(rng.choice(table[key])) for _ in range(rng.randint(low, high))]

    if style == "release_notes":
        parts = [r.render(rng.choice(table["release_head"])), *some("release_item", 2, 4)]
        return joined(parts, rng.choice((" ", "\n* ", "; ", " | ", "\n- "))), "keep"
    if style == "calendar":
        head = r.render(rng.choice(("{DAY} {DATE}", "{DATE}", "{DAY}")))
        return joined([head, *some("cal_item", 2, 4)], rng.choice((" | ", "\n"))), "keep"
    if style == "news":
        return joined(some("news", 1, 3), " "), "keep"
    if style == "order":
        parts = [r.render(rng.choice(table["order_head"])), *some("order_line", 1, 3), *some("order_close", 1, 1)]
        return joined(parts, rng.choice((" | ", "\n"))), "keep"
    if style == "collection":
        return joined(some("collection", 1, 3), rng.choice((" ", "\n"))), "keep"
    if style == "cv_anonymous":
        return _cv(r), "keep"
    if style == "assistant":
        return joined(some("assist", 1, 2), rng.choice((" ", "\n"))), rng.choice(("keep", "keep", "lower", "speech"))
    return joined(some("title", 1, 2), rng.choice((" | ", "\n"))), "keep"


def _cv(r: Renderer) -> list[Segment]:
    """Sections of a CV with its personal details cut off, as an anonymised application shows it."""
    rng = r.rng
    table = TEMPLATES[r.lang]
    keys = ("cv_skill", "cv_cert", "cv_exp", "cv_edu", "cv_lang")
    out: list[Segment] = []
    for section in sorted(rng.sample(range(len(keys)), rng.randint(1, 4))):
        head = table["cv_heads"][section]
        rows = [r.render(rng.choice(table[keys[section]])) for _ in range(rng.randint(1, 3))]
        out += [(f"{chr(10) * 2 if out else ''}{head.upper() if rng.random() < 0.3 else head}\n", None)]
        out += joined(rows, "\n")
    return out
