"""E-mail signature templates with personal data, assembled line by line per language."""

from __future__ import annotations

import random

_CLOSINGS = {
    "en": ("Kind regards,", "Best regards,", "Best,", "Thanks,", "Cheers,", "Many thanks,"),
    "de": ("Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "Freundliche Grüße", "Herzliche Grüße"),
    "fr": ("Cordialement,", "Bien cordialement,", "Bien à vous,", "Belle journée,"),
    "es": ("Saludos cordiales,", "Un saludo,", "Atentamente,", "Gracias,"),
    "it": ("Cordiali saluti,", "Distinti saluti,", "Un saluto,", "Grazie,"),
    "nl": ("Met vriendelijke groet,", "Groet,", "Hartelijke groet,", "Mvg,"),
}
_SIG_INTROS = {
    "en": ("Thanks for the quick reply, the signed contract follows on {weekday}.", "Please find invoice {invoice} "
           "attached.", "Happy to go through order {order} on a call next week."),
    "de": ("Vielen Dank für die schnelle Rückmeldung, der unterschriebene Vertrag folgt am {weekday}.",
           "Anbei die Rechnung {invoice}.", "Gern besprechen wir Auftrag {order} nächste Woche telefonisch."),
    "fr": ("Merci pour votre retour rapide, le contrat signé suivra {weekday}.", "Veuillez trouver ci-joint la facture "
           "{invoice}.", "Je reste disponible pour parler de la commande {order} la semaine prochaine."),
    "es": ("Gracias por la rápida respuesta, el contrato firmado llegará el {weekday}.", "Adjunto la factura "
           "{invoice}.", "Quedo a su disposición para hablar del pedido {order} la semana que viene."),
    "it": ("Grazie per la rapida risposta, il contratto firmato arriverà {weekday}.", "In allegato la fattura "
           "{invoice}.", "Resto a disposizione per parlare dell'ordine {order} la prossima settimana."),
    "nl": ("Bedankt voor de snelle reactie, het getekende contract volgt op {weekday}.", "In de bijlage vindt u "
           "factuur {invoice}.", "Graag bespreek ik bestelling {order} volgende week telefonisch."),
}  # fmt: skip
_PHONE_LABELS = {
    "en": ("T: ", "Tel: ", "Phone: ", "Direct: ", "Office: ", "t. "),
    "de": ("Tel.: ", "Telefon: ", "Tel. ", "Fon: ", "T "),
    "fr": ("Tél. : ", "Tél : ", "Tél. ", "T. "),
    "es": ("Tel.: ", "Tlf.: ", "Teléfono: ", "T. "),
    "it": ("Tel. ", "Tel.: ", "Telefono: ", "T. "),
    "nl": ("T: ", "Tel.: ", "Telefoon: ", "T "),
}
_MOBILE_LABELS = {
    "en": ("M: ", "Mobile: ", "Cell: ", "m. "),
    "de": ("Mobil: ", "Mobil ", "M "),
    "fr": ("Mobile : ", "Port. : ", "Portable : "),
    "es": ("Móvil: ", "Móv.: "),
    "it": ("Cell. ", "Cellulare: ", "Mob. "),
    "nl": ("M: ", "Mobiel: ", "Mob. "),
}
_EMAIL_LABELS = {
    "en": ("E: ", "Email: ", "", "e. "),
    "de": ("E-Mail: ", "Mail: ", ""),
    "fr": ("Courriel : ", "E-mail : ", "Mail : ", ""),
    "es": ("Correo: ", "Email: ", ""),
    "it": ("Email: ", "E-mail: ", "Mail: ", ""),
    "nl": ("E: ", "E-mail: ", ""),
}


def _signature_template(lang: str, rng: random.Random) -> str:
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += [rng.choice(_SIG_INTROS[lang]), ""]
    lines.append(rng.choice(_CLOSINGS[lang]))
    if rng.random() < 0.3:
        lines.append("")
    name = "Dr. {name}" if rng.random() < 0.08 else "{name}"
    if rng.random() < 0.2:
        lines.append(f"{name} | {{jobtitle}}")
    else:
        lines.append(name)
        if rng.random() < 0.85:
            lines.append("{jobtitle}")
    lines.append("{company}")
    r = rng.random()
    if r < 0.6:
        lines += ["{street}", "{pcity}"]
    elif r < 0.9:
        lines.append("{street}, {pcity}")
    phone_line = rng.choice(_PHONE_LABELS[lang]) + "{phone}"
    email_line = rng.choice(_EMAIL_LABELS[lang]) + "{wemail}"
    if rng.random() < 0.25:
        lines.append(f"{phone_line} | {email_line}")
    else:
        lines.append(phone_line)
        if rng.random() < 0.4:
            lines.append(rng.choice(_MOBILE_LABELS[lang]) + "{mobile}")
        lines.append(email_line)
    if rng.random() < 0.3:
        lines.append("{web}")
    return "\n".join(lines)
