"""Customer records for ``streamguard/schemas/customers.avsc``, notes quoting their own values."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mimesis import Internet
from mimesis.enums import Gender

from bench.heldout.addresses import _Addr, _de_abbreviate, _make_address
from bench.heldout.banking import _card_number, _cin, _digits, _format_card, _luhn_digit
from bench.heldout.labels import PERSON
from bench.heldout.locales import _Source, _sources
from bench.heldout.people import _ascii, _email_for, _Human, _make_human, _name_parts
from bench.heldout.phones import _new_phone, _Phone, _render_phone
from bench.heldout.rendering import _Buf, _Ctx, _render

_NOTES: dict[str, tuple[str, ...]] = {
    "en": (
        "{name} called on {date} about the {plan} plan; prefers a callback on {phone}.",
        "Spoke with {first}, card ending {last4} declined twice. Asked to update the details via {email}.",
        "{Tname} moved to {street}, please update the shipping label. Order {order}.",
        "VIP: {lname} - do not send marketing. Also reachable on {phone}.",
        "Refund of {price} approved for {sur} (order {order}), confirmation sent to {email}.",
        "Parcels for {street} keep going to the neighbour. Contact {first} on {phone}.",
        "Duplicate account merged into {email}; {name} confirmed by phone.",
    ),
    "de": (
        "{name} hat am {date} wegen des Tarifs {plan} angerufen, Rückruf bitte unter {phone}.",
        "Mit {first} gesprochen, Karte mit Endziffern {last4} zweimal abgelehnt. Daten bitte über {email} "
        "aktualisieren.",
        "Neue Lieferanschrift von {tnameD}: {street}. Auftrag {order}.",
        "VIP: {lname} - keine Werbung schicken. Zusätzlich erreichbar unter {phone}.",
        "Erstattung über {price} für {sur} freigegeben (Auftrag {order}), Bestätigung an {email}.",
        "Pakete an {street} landen ständig beim Nachbarn. {first} ist unter {phone} erreichbar.",
        "Doppeltes Konto mit {email} zusammengeführt; {name} hat telefonisch bestätigt.",
    ),
    "fr": (
        "{name} a appelé le {date} au sujet de l'offre {plan}, à rappeler au {phone}.",
        "Échange avec {first}, carte se terminant par {last4} refusée deux fois. Mise à jour à faire via {email}.",
        "Nouvelle adresse de livraison pour {tname} : {street}. Commande {order}.",
        "VIP : {lname} - ne pas envoyer de marketing. Joignable aussi au {phone}.",
        "Remboursement de {price} validé pour {sur} (commande {order}), confirmation envoyée à {email}.",
        "Les colis pour {street} partent sans cesse chez le voisin. Contacter {first} au {phone}.",
        "Compte en double fusionné avec {email} ; {name} a confirmé par téléphone.",
    ),
    "es": (
        "{name} llamó el {date} por el plan {plan}; prefiere que le llamen al {phone}.",
        "Hablé con {first}, la tarjeta terminada en {last4} fue rechazada dos veces. Actualizar datos vía {email}.",
        "{Tname} ha cambiado la dirección de envío a {street}. Pedido {order}.",
        "VIP: {lname} - no enviar publicidad. También localizable en el {phone}.",
        "Reembolso de {price} aprobado para {sur} (pedido {order}), confirmación enviada a {email}.",
        "Los paquetes para {street} acaban siempre en casa del vecino. Contactar con {first} en el {phone}.",
        "Cuenta duplicada fusionada con {email}; {name} lo confirmó por teléfono.",
    ),
    "it": (
        "{name} ha chiamato il {date} per il piano {plan}, richiamare al {phone}.",
        "Sentito {first}, carta che termina con {last4} rifiutata due volte. Aggiornare i dati tramite {email}.",
        "{Tname} ha cambiato indirizzo di spedizione: {street}. Ordine {order}.",
        "VIP: {lname} - non inviare comunicazioni commerciali. Raggiungibile anche al {phone}.",
        "Rimborso di {price} approvato per {sur} (ordine {order}), conferma inviata a {email}.",
        "I pacchi per {street} finiscono sempre dal vicino. Contattare {first} al {phone}.",
        "Account duplicato unito a {email}; {name} ha confermato al telefono.",
    ),
    "nl": (
        "{name} belde op {date} over het {plan}-abonnement, graag terugbellen op {phone}.",
        "Gesproken met {first}, kaart eindigend op {last4} twee keer geweigerd. Gegevens laten bijwerken via {email}.",
        "Nieuw bezorgadres voor {tname}: {street}. Bestelling {order}.",
        "VIP: {lname} - geen marketing sturen. Ook bereikbaar op {phone}.",
        "Terugbetaling van {price} goedgekeurd voor {sur} (bestelling {order}), bevestiging naar {email}.",
        "Pakketten voor {street} gaan steeds naar de buren. {first} is bereikbaar op {phone}.",
        "Dubbel account samengevoegd met {email}; {name} heeft telefonisch bevestigd.",
    ),
}
_FREE_NOTES: dict[str, tuple[str, ...]] = {
    "en": ("Upgraded to {plan} after the trial, invoice {invoice} paid on {date}.",
           "Prefers e-mail contact, no calls before {time}.",
           "Churn risk: usage down since {month}; offered {price} credit."),
    "de": ("Nach der Testphase auf {plan} gewechselt, Rechnung {invoice} am {date} bezahlt.",
           "Bevorzugt Kontakt per E-Mail, keine Anrufe vor {time}.",
           "Abwanderungsrisiko: Nutzung seit {month} rückläufig, Gutschrift über {price} angeboten."),
    "fr": ("Passé au forfait {plan} après l'essai, facture {invoice} réglée le {date}.",
           "Préfère être contacté par e-mail, pas d'appel avant {time}.",
           "Risque de départ : usage en baisse depuis {month}, avoir de {price} proposé."),
    "es": ("Cambió al plan {plan} tras la prueba, factura {invoice} pagada el {date}.",
           "Prefiere contacto por correo, sin llamadas antes de las {time}.",
           "Riesgo de baja: uso en descenso desde {month}; se ofreció un abono de {price}."),
    "it": ("Passato al piano {plan} dopo la prova, fattura {invoice} pagata il {date}.",
           "Preferisce il contatto via e-mail, niente chiamate prima delle {time}.",
           "Rischio abbandono: uso in calo da {month}, offerto un credito di {price}."),
    "nl": ("Na de proefperiode overgestapt op {plan}, factuur {invoice} betaald op {date}.",
           "Liever contact per e-mail, niet bellen vóór {time}.",
           "Opzegrisico: gebruik daalt sinds {month}, tegoed van {price} aangeboden."),
}  # fmt: skip
_PLANS_ENUM = ("FREE", "BASIC", "PRO", "ENTERPRISE")
_TAGS = ("newsletter", "b2b", "b2c", "vip", "churn-risk", "beta", "mobile", "trial", "referral", "eu", "reseller")
_CHANNELS = ("web", "app", "partner", "store", "phone")


def _national_id(country: str, h: _Human, dob: date, rng: random.Random) -> str:
    female = h.gender == Gender.FEMALE
    yy, mm, dd = f"{dob.year % 100:02d}", f"{dob.month:02d}", f"{dob.day:02d}"
    if country == "US":
        area = rng.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    if country == "CA":
        body = rng.choice("1234567") + _digits(rng, 7)
        sin = body + _luhn_digit(body)
        return f"{sin[:3]} {sin[3:6]} {sin[6:]}"
    if country == "GB":
        while True:
            pair = rng.choice("ABCEGHJKLMNOPRSTWXYZ") + rng.choice("ABCEGHJKLMNPRSTWXYZ")
            if pair not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
                break
        return f"{pair}{_digits(rng, 6)}{rng.choice('ABCD')}"
    if country == "IE":
        body = _digits(rng, 7)
        r = sum(int(d) * (8 - i) for i, d in enumerate(body)) % 23
        return body + "WABCDEFGHIJKLMNOPQRSTUV"[r]
    if country == "DE":  # Steuer-ID: one digit twice among the first ten, ISO 7064 MOD 11,10
        while True:
            chosen = rng.sample("0123456789", 9)
            chosen.append(rng.choice(chosen))
            rng.shuffle(chosen)
            if chosen[0] != "0":
                break
        product = 10
        for ch in chosen:
            s = (int(ch) + product) % 10 or 10
            product = s * 2 % 11
        check = (11 - product) % 10
        return "".join(chosen) + str(check)
    if country == "AT":  # SVNR: serial, check digit, DDMMYY
        while True:
            serial = str(rng.randint(1, 9)) + _digits(rng, 2)
            digits = serial + dd + mm + yy
            weights = (3, 7, 9, 5, 8, 4, 2, 1, 6)
            check = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
            if check < 10:
                return f"{serial}{check} {dd}{mm}{yy}"
    if country == "CH":  # AHV-Nr. 756.xxxx.xxxx.xc, EAN-13 check digit
        body = "756" + _digits(rng, 9)
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
        n = body + str((10 - total % 10) % 10)
        return f"{n[:3]}.{n[3:7]}.{n[7:11]}.{n[11:]}"
    if country == "FR":  # NIR + key
        dept = rng.choice([f"{d:02d}" for d in range(1, 96) if d != 20])
        body = ("2" if female else "1") + yy + mm + dept + f"{rng.randint(1, 990):03d}" + f"{rng.randint(1, 999):03d}"
        key = 97 - int(body) % 97
        return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"
    if country == "BE":  # Rijksregisternummer / numéro de registre national
        serial = rng.randrange(2 if female else 1, 998, 2)
        base = f"{yy}{mm}{dd}{serial:03d}"
        check = 97 - int(("2" if dob.year >= 2000 else "") + base) % 97
        return f"{yy}.{mm}.{dd}-{serial:03d}.{check:02d}"
    if country == "ES":  # DNI
        n = rng.randint(10000000, 99999999)
        return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
    if country == "IT":  # codice fiscale

        def letters(text: str, first_name: bool) -> str:
            up = [ch for ch in _ascii(text, "it").upper() if ch.isalpha()]
            cons = [ch for ch in up if ch not in "AEIOU"]
            vows = [ch for ch in up if ch in "AEIOU"]
            if first_name and len(cons) >= 4:
                cons = [cons[0], cons[2], cons[3]]
            return "".join(cons + vows + ["X", "X", "X"])[:3]

        day = dob.day + (40 if female else 0)
        body = (letters(h.last, False) + letters(h.first, True) + yy + "ABCDEHLMPRST"[dob.month - 1] + f"{day:02d}"
                + rng.choice("ABCDEFGHILM") + f"{rng.randint(1, 999):03d}")  # fmt: skip
        return body + _cin(body)
    if country == "NL":  # BSN, elfproef
        while True:
            body = str(rng.randint(1, 9)) + _digits(rng, 7)
            last = sum(int(d) * (9 - i) for i, d in enumerate(body)) % 11
            if last < 10:
                return body + str(last)
    raise ValueError(country)


def _customer_notes(
    src: _Source,
    lang: str,
    rng: random.Random,
    h: _Human,
    addr: _Addr,
    phone: _Phone | None,
    phone_field: str | None,
    email: str,
    card: str,
    plan: str,
) -> tuple[str | None, list[str]]:
    extra = {"plan": plan, "last4": card[-4:]}
    r = rng.random()
    if r >= 0.8:  # no personal values quoted: nothing at all, or a note without any
        if r < 0.9:
            return None, []
        ctx = _Ctx(src, lang, rng, extra=extra)
        buf = _render(rng.choice(_FREE_NOTES[lang]), ctx)
        assert not buf.spans
        return buf.text(), []
    if addr.country in ("DE", "AT", "CH") and rng.random() < 0.25:
        addr = _Addr(_de_abbreviate(addr.street.rsplit(" ", 1)[0]) + " " + addr.street.rsplit(" ", 1)[1],
                     addr.postcode, addr.city, addr.state, addr.country)  # fmt: skip
    ctx = _Ctx(src, lang, rng, human=h, addr=addr, phone=phone, phone_avoid=phone_field, email=email, extra=extra)
    templates = _NOTES[lang] if phone else tuple(t for t in _NOTES[lang] if "{phone}" not in t)
    picked = rng.sample(templates, 2 if rng.random() < 0.3 else 1)
    buf = _Buf()
    for i, template in enumerate(picked):
        if i:
            buf.add(" ")
        _render(template, ctx, buf)
    notes = buf.text()
    canaries: list[str] = []
    for span, value in buf.spans:
        for item in _name_parts(value) if span.entity_type == PERSON else [value]:
            if item not in canaries:
                canaries.append(item)
    assert canaries, notes
    assert all(c in notes for c in canaries), (notes, canaries)
    return notes, canaries


def heldout_customers(count: int, seed: int = 2027) -> list[dict[str, Any]]:
    """``count`` customer records valid for customers.avsc, plus ``_canaries``: the own values their notes quote."""
    rng = random.Random(seed)
    sources = _sources(seed)
    net = Internet(seed=seed)
    start = datetime(2019, 1, 1, tzinfo=UTC)
    records: list[dict[str, Any]] = []
    for i in range(count):
        src = sources[i % len(sources)]
        p = src.profile
        lang = "en" if p.language == "en" or rng.random() < 0.5 else p.language
        h = _make_human(src, rng)
        addr = _make_address(src, rng)
        phone = _new_phone(src, rng) if rng.random() < 0.9 else None
        phone_field = None
        if phone is not None:
            fmt = rng.choice(("intl", "intl_compact", "nat")) if p.country not in ("US", "CA") else "paren"
            phone_field = _render_phone(phone, fmt, rng)
        email = _email_for(h, src, rng)
        card = _card_number(rng)
        dob = src.person.birthdate(min_year=1940, max_year=2006)
        plan = rng.choice(_PLANS_ENUM)
        notes, canaries = _customer_notes(src, lang, rng, h, addr, phone, phone_field, email, card, plan)
        tags = sorted(rng.sample(_TAGS, rng.randint(0, 3)))
        records.append({
            "customer_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "full_name": h.full,
            "email": email,
            "phone": phone_field,
            "ssn": _national_id(p.country, h, dob, rng),
            "credit_card": card if rng.random() < 0.7 else _format_card(card, rng),
            "dob": dob,
            "address": {"street": addr.street, "city": addr.city, "zip": addr.postcode, "country": p.country},
            "notes": notes,
            "plan": plan,
            "signup_ts": start + timedelta(milliseconds=rng.randrange(6 * 365 * 86_400_000)),
            "ip_address": net.ip_v4(),
            "tags": tags,
            "attrs": {"locale": p.code, "language": lang, "channel": rng.choice(_CHANNELS)},
            "lifetime_value": round(rng.uniform(0, 5000), 2),
            "marketing_opt_in": rng.random() < 0.4,
            "_canaries": canaries,
        })  # fmt: skip
    return records
