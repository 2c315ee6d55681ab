"""The people of the set: first names and surnames of many cultures, how often each locale draws on which, and the
e-mail domains its people use. Typed by hand; none of it comes from Faker, mimesis or an evaluation corpus."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

# culture -> (female first names, male first names, surnames)
CULTURES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "english": (
        ("Charlotte", "Hannah", "Emily", "Grace", "Chloe", "Ruth", "Megan", "Imogen", "Harriet", "Jess", "Beth"),
        ("Oliver", "Harry", "James", "Rhys", "Tom", "Callum", "George", "Alfie", "Ewan", "Nathan", "Stuart"),
        ("Thompson", "Hughes", "Clarke", "Fletcher", "Whitaker", "Ashworth", "Pritchard", "Barnes", "Holloway",
         "Taylor", "Marsh", "Pearson", "Goodwin", "Sutcliffe", "Lloyd"),
    ),
    "irish": (
        ("Siobhán", "Aoife", "Niamh", "Orla", "Caoimhe", "Sinéad", "Gráinne", "Róisín", "Clodagh", "Maeve"),
        ("Ciarán", "Declan", "Oisín", "Cian", "Darragh", "Eoin", "Pádraig", "Colm", "Fionn", "Seán"),
        ("O'Brien", "Murphy", "Byrne", "Walsh", "McCarthy", "Gallagher", "O'Sullivan", "Doyle", "Kavanagh",
         "Ní Bhriain", "Mac Giolla", "Fitzgerald", "Lynch", "Moloney", "Brennan"),
    ),
    "german": (
        ("Annika", "Svenja", "Lena", "Katharina", "Birgit", "Ulrike", "Jana", "Franziska", "Hanna", "Wiebke"),
        ("Jonas", "Matthias", "Lukas", "Florian", "Tobias", "Jürgen", "Henrik", "Moritz", "Dirk", "Malte"),
        ("Schröder", "Becker", "Hoffmann", "Wagner", "Krüger", "Zimmermann", "Vogt", "Brandt", "Hartmann",
         "Lehmann", "Kowalski", "von Ahlen", "Meißner", "Albrecht", "Sommerfeld"),
    ),
    "austrian_swiss": (
        ("Theresa", "Magdalena", "Verena", "Johanna", "Leonie", "Seraina", "Nadja", "Corinne", "Barbara"),
        ("Florian", "Stefan", "Andreas", "Reto", "Urs", "Beat", "Lorenz", "Valentin", "Manuel", "Dominik"),
        ("Gruber", "Huber", "Steiner", "Brunner", "Moser", "Pichler", "Eder", "Meier", "Keller", "Frei",
         "Baumgartner", "Hürlimann", "Wyss", "Egger", "Aebischer"),
    ),
    "french": (
        ("Camille", "Océane", "Mathilde", "Élodie", "Inès", "Margaux", "Solène", "Clémence", "Anaïs", "Maëlle"),
        ("Baptiste", "Théo", "Julien", "Mathieu", "Yannick", "Loïc", "Antoine", "Rémi", "Gaël", "Hugo"),
        ("Lefèvre", "Moreau", "Girard", "Fontaine", "Chevalier", "Rousseau", "Mercier", "Dubois", "Lambert",
         "Faure", "Le Goff", "de la Croix", "Dupuis", "Rochat", "Marchand", "Leclercq", "Delvaux"),
    ),
    "spanish": (
        ("Lucía", "Paula", "Nerea", "Ainhoa", "Carmen", "Rocío", "Itziar", "Marta", "Montserrat", "Alba"),
        ("Álvaro", "Iker", "Javier", "Sergio", "Pablo", "Jordi", "Rubén", "Unai", "Gonzalo", "Adrián"),
        ("García", "Fernández", "Martínez", "Ruiz", "Navarro", "Iglesias", "Domínguez", "Ortega", "Castillo",
         "Vidal", "Puig", "de la Fuente", "Gutiérrez", "Etxeberria", "Sáez", "Morales", "Herrero"),
    ),
    "italian": (
        ("Giulia", "Chiara", "Federica", "Alessia", "Martina", "Francesca", "Ilaria", "Beatrice", "Serena"),
        ("Lorenzo", "Matteo", "Davide", "Stefano", "Giacomo", "Riccardo", "Simone", "Andrea", "Nicola", "Luca"),
        ("Rossi", "Esposito", "Bianchi", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti",
         "De Luca", "Mancini", "Di Stefano", "Lombardi", "Barbieri", "Fontana", "Rinaldi", "Cattaneo"),
    ),
    "dutch": (
        ("Anouk", "Sanne", "Femke", "Lotte", "Fleur", "Ilse", "Marieke", "Noor", "Evi", "Saskia", "Lieke"),
        ("Joris", "Bram", "Thijs", "Daan", "Ruben", "Wouter", "Sander", "Pieter", "Jelle", "Stijn", "Koen"),
        ("de Vries", "van der Meer", "van den Berg", "Jansen", "Bakker", "Visser", "Smit", "Mulder", "de Jong",
         "Peeters", "Claes", "Vermeulen", "Janssens", "Maes", "Van Damme", "Wouters", "Goossens", "ter Horst"),
    ),
    "turkish": (
        ("Elif", "Zeynep", "Ayşe", "Merve", "Büşra", "Esra", "Derya"),
        ("Mehmet", "Emre", "Burak", "Yusuf", "Kerem", "Serkan", "Onur"),
        ("Y\u0131lmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Ayd\u0131n", "Arslan", "Doğan"),
    ),
    "vietnamese": (
        ("Lan", "Thảo", "Hoa", "Linh", "Mai", "Ngọc"),
        ("Minh", "Tuấn", "Huy", "Long", "Quang", "Bảo"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Nguyen", "Tran"),
    ),
    "somali": (
        ("Hodan", "Faduma", "Sahra", "Hibo", "Ubah", "Ifrah"),
        ("Abdirahman", "Mahad", "Liban", "Guled", "Abdiweli", "Hamse"),
        ("Warsame", "Farah", "Abdi", "Jama", "Hassan", "Egal", "Duale", "Mohamud"),
    ),
    "ghanaian": (
        ("Akosua", "Abena", "Efua", "Adwoa", "Ama", "Afia"),
        ("Kwame", "Kofi", "Yaw", "Kwabena", "Kojo", "Kwesi"),
        ("Mensah", "Boateng", "Owusu", "Asante", "Agyeman", "Osei", "Appiah", "Darko", "Ofori"),
    ),
    "greek": (
        ("Eleni", "Katerina", "Dimitra", "Sofia", "Vasiliki", "Despina"),
        ("Giorgos", "Nikos", "Dimitris", "Kostas", "Stavros", "Thanasis"),
        ("Georgiou", "Pappas", "Antoniou", "Dimitriou", "Christodoulou", "Ioannou", "Vlachos"),
    ),
    "indian": (
        ("Priya", "Ananya", "Deepika", "Kavya", "Shreya", "Lakshmi"),
        ("Arjun", "Rohan", "Vikram", "Sanjay", "Aditya", "Karthik"),
        ("Sharma", "Iyer", "Reddy", "Nair", "Gupta", "Banerjee", "Singh", "Menon", "Kulkarni", "Chatterjee"),
    ),
    "chinese": (
        ("Mei", "Xiaoling", "Yuting", "Jing", "Xinyi", "Lihua"),
        ("Wei", "Hao", "Jun", "Zhiwei", "Yifan", "Chen"),
        ("Wang", "Zhang", "Liu", "Huang", "Zhao", "Lin", "Xu", "Zhou"),
    ),
    "arabic": (
        ("Fatima", "Yasmina", "Nour", "Leila", "Salma", "Amina", "Rania"),
        ("Karim", "Youssef", "Omar", "Hamza", "Rachid", "Bilal", "Nabil"),
        ("El Amrani", "Benali", "Haddad", "Mansour", "Bouzid", "Khalil", "El Idrissi", "Aït Ouali", "Cherkaoui"),
    ),
    "polish": (
        ("Agnieszka", "Katarzyna", "Magdalena", "Zofia", "Joanna"),
        ("Piotr", "Tomasz", "Krzysztof", "Michał", "Paweł"),
        ("Nowak", "Kowalczyk", "Mazur", "Wójcik", "Krawczyk", "Zając"),
    ),
    "portuguese": (
        ("Joana", "Inês", "Beatriz", "Mariana", "Rita"),
        ("Tiago", "Rui", "João", "Duarte", "Gonçalo"),
        ("Carvalho", "Ferreira", "Sousa", "Costa", "Rodrigues", "Pereira"),
    ),
}  # fmt: skip

NATIVE: dict[str, tuple[str, ...]] = {
    "en_GB": ("english",),
    "en_IE": ("irish", "english"),
    "de_DE": ("german",),
    "de_AT": ("austrian_swiss", "german"),
    "de_CH": ("austrian_swiss",),
    "fr_FR": ("french",),
    "fr_BE": ("french",),
    "fr_CH": ("french", "austrian_swiss"),
    "es_ES": ("spanish",),
    "it_IT": ("italian",),
    "it_CH": ("italian", "austrian_swiss"),
    "nl_NL": ("dutch",),
    "nl_BE": ("dutch", "french"),
}
OTHERS = ("turkish", "vietnamese", "somali", "ghanaian", "greek", "indian", "chinese", "arabic", "polish",
          "portuguese", "english", "italian", "spanish", "french", "german", "dutch", "irish")  # fmt: skip
NATIVE_SHARE = 0.62

EMAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "GB": ("gmail.com", "outlook.com", "btinternet.com", "sky.com", "yahoo.co.uk", "hotmail.co.uk", "icloud.com"),
    "IE": ("gmail.com", "eircom.net", "outlook.ie", "hotmail.com", "icloud.com", "yahoo.ie"),
    "DE": ("gmx.de", "web.de", "t-online.de", "posteo.de", "gmail.com", "mailbox.org", "freenet.de"),
    "AT": ("gmx.at", "aon.at", "chello.at", "gmail.com", "a1.net"),
    "CH": ("bluewin.ch", "gmx.ch", "sunrise.ch", "gmail.com", "hispeed.ch", "proton.me"),
    "FR": ("orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "wanadoo.fr", "hotmail.fr"),
    "BE": ("skynet.be", "telenet.be", "proximus.be", "gmail.com", "hotmail.be", "outlook.be"),
    "ES": ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"),
    "IT": ("libero.it", "virgilio.it", "tiscali.it", "gmail.com", "alice.it", "hotmail.it", "fastwebnet.it"),
    "NL": ("ziggo.nl", "kpnmail.nl", "xs4all.nl", "hetnet.nl", "gmail.com", "outlook.com", "planet.nl", "home.nl"),
}
WORK_DOMAINS: dict[str, tuple[str, ...]] = {
    "GB": ("harcourt-design.co.uk", "brightwell-legal.co.uk", "northgate-dental.co.uk", "pennylane-events.co.uk"),
    "IE": ("quinnsolicitors.ie", "shannonfreight.ie", "claddaghsoftware.ie"),
    "DE": ("meyer-logistik.de", "brauerei-kessler.de", "steuerbuero-lang.de", "zahnarzt-am-ring.de"),
    "AT": ("tischlerei-pichler.at", "kanzlei-moser.at", "alpenblick-hotel.at"),
    "CH": ("bergmann-treuhand.ch", "fiduciaire-rochat.ch", "studio-ticino.ch", "garage-wyss.ch"),
    "FR": ("atelier-morel.fr", "cabinet-girard.fr", "boulangerie-lemoine.fr", "transports-faure.fr"),
    "BE": ("immo-leclercq.be", "bakkerij-claes.be", "architectes-delvaux.be", "fietsen-maes.be"),
    "ES": ("talleres-iglesias.es", "gestoria-navarro.es", "clinicadental-ruiz.es"),
    "IT": ("ferramenta-colombo.it", "studio-rinaldi.it", "trattoria-dalgallo.it", "ottica-fontana.it"),
    "NL": ("hollander-bouw.nl", "vandijk-installatie.nl", "tandartspraktijk-west.nl", "bakkerij-smit.nl"),
}


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    female: bool

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def initial(self) -> str:
        return f"{self.first[0]}. {self.last}"


def person(locale: str, r: random.Random) -> Person:
    culture = r.choice(NATIVE[locale]) if r.random() < NATIVE_SHARE else r.choice(OTHERS)
    females, males, surnames = CULTURES[culture]
    female = r.random() < 0.5
    last = r.choice(surnames)
    if culture == "spanish" and r.random() < 0.6:  # two surnames
        second = r.choice([s for s in surnames if s != last])
        last = f"{last} {second}"
    if culture == "dutch" and locale == "nl_BE" and last[0].islower():
        last = last[0].upper() + last[1:]  # Flemish particles are written with a capital
    return Person(r.choice(females if female else males), last, female)


_TRANSLIT = str.maketrans({"ß": "ss", "\u0131": "i", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "Đ": "D", "ł": "l"})


def ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


def email(p: Person, country: str, r: random.Random) -> str:
    first, last = ascii_slug(p.first), ascii_slug(p.last.split()[-1] if r.random() < 0.3 else p.last)
    local = r.choice(
        (
            f"{first}.{last}",
            f"{first[0]}{last}",
            f"{first}{last}{r.randint(2, 99)}",
            f"{last}.{first}",
            f"{first}_{last}",
            f"{first}.{last[0]}",
            f"{first}{r.randint(70, 99)}",
        )
    )
    domains = WORK_DOMAINS[country] if r.random() < 0.25 else EMAIL_DOMAINS[country]
    return f"{local}@{r.choice(domains)}"
