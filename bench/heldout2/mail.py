"""E-mail threads: a reply with a greeting, a body, a signature block whose first line is the sender's name, and the
earlier message quoted below a "wrote:" line. Written separately in each language."""

from __future__ import annotations

from dataclasses import dataclass

from bench.heldout2.render import Ctx


@dataclass(frozen=True)
class MailWords:
    subject: str  # the "Subject:" header and reply prefix
    subjects: tuple[str, ...]
    greetings: tuple[str, ...]  # followed by a first name
    anonymous_greetings: tuple[str, ...]
    closings: tuple[str, ...]
    wrote: str  # the quote header; {date}, {full:1}, {email:1}
    wrote_team: str  # the quote header of a message from a team, not a person
    phone_words: tuple[str, ...]
    jobs: tuple[str, ...]
    companies: tuple[str, ...]
    team: tuple[str, ...]  # the signature of a team
    body: tuple[str, ...]  # the reply, written by person 0 to person 1
    body_free: tuple[str, ...]
    quoted: tuple[str, ...]  # the earlier message, written by person 1 to person 0
    quoted_free: tuple[str, ...]


WORDS: dict[str, MailWords] = {
    "en": MailWords(
        "Subject: Re:", ("order {order}", "refund of {amount}", "visit on {date}", "{phrase}"),
        ("Hi", "Hello", "Dear"), ("Hello,", "Hi all,", "Good morning,"),
        ("Best regards,", "Thanks,", "Kind regards,", "Cheers,"), "On {date}, {full:1} <{email:1}> wrote:",
        "On {date}, Customer Care wrote:", ("Mobile:", "Tel:", "M:"),
        ("Operations Manager", "Freelance translator", "Head of Finance", "Site supervisor"),
        ("Brightmill Ltd", "Kroonhof Logistics", "Norrland Pharma UK"), ("Customer Care", "The {saas} team"),
        ("Thanks for the quick reply. My new address is {addr}, so please send the contract there.",
         "The refund can go to {iban}; the account is in my name.",
         "I've copied {first:2}, who looks after the {saas} account while I'm in {wtown}.",
         "Best to call me on {mobile} until {time}; our {office} office can sign for the parcel."),
        ("Thanks. We have used the {appliance} service since {year}, but this invoice is still open.",
         "Order {order} can go out on {date}; the {car} van is booked."),
        ("could you confirm the delivery address for order {order}?", "we still need an IBAN for the {amount}.",
         "is {date} still fine for the visit?"),
        ("your ticket {ticket} was updated.", "the {phrase} closes on {date}."),
    ),
    "de": MailWords(
        "Betreff: AW:", ("Bestellung {order}", "Erstattung {amount}", "Termin am {date}", "{phrase}"),
        ("Hallo", "Guten Tag", "Moin"), ("Guten Tag,", "Hallo zusammen,", "Sehr geehrte Damen und Herren,"),
        ("Viele Grüße", "Beste Grüße", "Mit freundlichen Grüßen", "LG"), "Am {date} schrieb {full:1} <{email:1}>:",
        "Am {date} schrieb Kundenservice:", ("Mobil:", "Tel.:", "M"),
        ("Projektleitung", "Freiberufliche Übersetzung", "Buchhaltung", "Bauleitung"),
        ("Tessera Bau GmbH", "Kroonhof Logistik GmbH", "Helvion AG"), ("Kundenservice", "Ihr {saas}-Team"),
        ("Danke für die schnelle Antwort. Meine neue Adresse ist {addr}, bitte den Vertrag dorthin schicken.",
         "Die Erstattung bitte auf {iban}, das Konto läuft auf meinen Namen.",
         "{first:2} ist in Kopie und kümmert sich um das {saas}-Konto, solange ich in {wtown} bin.",
         "Am besten bis {time} unter {mobile} anrufen; unser Büro in {office} nimmt das Paket an."),
        ("Danke. Wir nutzen den {appliance}-Service seit {year}, aber diese Rechnung ist noch offen.",
         "Bestellung {order} kann am {date} raus, der {car}-Transporter ist gebucht."),
        ("können Sie die Lieferadresse für Bestellung {order} bestätigen?",
         "für die {amount} fehlt uns noch eine IBAN.", "passt der {date} noch für den Termin?"),
        ("Ihr Ticket {ticket} wurde aktualisiert.", "„{phrase}“ endet am {date}."),
    ),
    "fr": MailWords(
        "Objet : RE :", ("commande {order}", "remboursement de {amount}", "rendez-vous du {date}", "{phrase}"),
        ("Bonjour", "Salut", "Bonsoir"), ("Bonjour,", "Bonjour à tous,", "Madame, Monsieur,"),
        ("Cordialement,", "Bien à vous,", "Bonne journée,", "Merci,"), "Le {date}, {full:1} <{email:1}> a écrit :",
        "Le {date}, Service Client a écrit :", ("Tél. :", "Portable :", "Mob."),
        ("Responsable logistique", "Traduction indépendante", "Comptabilité", "Conduite de travaux"),
        ("Atelier Lumen SARL", "Kroonhof Logistique", "Helvion SA"), ("Service Client", "L'équipe {saas}"),
        ("Merci pour la réponse rapide. Ma nouvelle adresse est {addr}, merci d'y envoyer le contrat.",
         "Le remboursement peut se faire sur {iban}, le compte est à mon nom.",
         "Je mets en copie {first:2}, qui gère le compte {saas} pendant que je suis à {wtown}.",
         "Le plus simple est de m'appeler au {mobile} avant {time} ; notre agence de {office} peut réceptionner."),
        ("Merci. Nous passons par le SAV {appliance} depuis {year}, mais cette facture reste ouverte.",
         "La commande {order} peut partir le {date}, le camion {car} est réservé."),
        ("pouvez-vous confirmer l'adresse de livraison de la commande {order} ?",
         "il nous manque un IBAN pour les {amount}.", "le {date} vous convient-il toujours ?"),
        ("votre ticket {ticket} a été mis à jour.", "« {phrase} » se termine le {date}."),
    ),
    "es": MailWords(
        "Asunto: RE:", ("pedido {order}", "reembolso de {amount}", "visita del {date}", "{phrase}"),
        ("Hola", "Buenos días", "Buenas tardes"), ("Hola:", "Buenos días:", "Estimados señores:"),
        ("Un saludo,", "Saludos cordiales,", "Gracias,", "Atentamente,"), "El {date}, {full:1} <{email:1}> escribió:",
        "El {date}, Atención al Cliente escribió:", ("Tel.:", "Móvil:", "M."),
        ("Responsable de compras", "Traducción autónoma", "Administración", "Jefatura de obra"),
        ("Grupo Ondara S.L.", "Kroonhof Logística S.L.", "Norrland Pharma Iberia"), ("Atención al Cliente",
         "El equipo de {saas}"),
        ("Gracias por responder tan rápido. Mi nueva dirección es {addr}, enviad allí el contrato por favor.",
         "El reembolso podéis hacerlo a {iban}, la cuenta está a mi nombre.",
         "Pongo en copia a {first:2}, que lleva la cuenta de {saas} mientras estoy en {wtown}.",
         "Mejor llamadme al {mobile} antes de las {time}; nuestra oficina de {office} puede recoger el paquete."),
        ("Gracias. Usamos el servicio técnico de {appliance} desde {year}, pero esta factura sigue abierta.",
         "El pedido {order} puede salir el {date}, la furgoneta {car} está reservada."),
        ("¿podéis confirmar la dirección de entrega del pedido {order}?", "nos falta un IBAN para los {amount}.",
         "¿os sigue bien el {date} para la visita?"),
        ("su incidencia {ticket} se ha actualizado.", "«{phrase}» termina el {date}."),
    ),
    "it": MailWords(
        "Oggetto: R:", ("ordine {order}", "rimborso di {amount}", "sopralluogo del {date}", "{phrase}"),
        ("Ciao", "Buongiorno", "Buonasera"), ("Buongiorno,", "Ciao a tutti,", "Gentili signori,"),
        ("Cordiali saluti,", "Un saluto,", "Grazie,", "A presto,"), "Il giorno {date} {full:1} <{email:1}> ha scritto:",
        "Il giorno {date} Servizio Clienti ha scritto:", ("Tel.", "Cell.", "Mob."),
        ("Responsabile acquisti", "Traduzioni freelance", "Amministrazione", "Direzione lavori"),
        ("Officine Vesta S.r.l.", "Kroonhof Logistica S.r.l.", "Helvion SA"), ("Servizio Clienti", "Il team {saas}"),
        ("Grazie della risposta veloce. Il mio nuovo indirizzo è {addr}, mandate lì il contratto per favore.",
         "Il rimborso potete farlo su {iban}, il conto è intestato a me.",
         "Metto in copia {first:2}, che segue l'account {saas} mentre sono a {wtown}.",
         "Meglio chiamarmi al {mobile} entro le {time}; la nostra sede di {office} può ritirare il pacco."),
        ("Grazie. Usiamo l'assistenza {appliance} dal {year}, ma questa fattura è ancora aperta.",
         "L'ordine {order} può partire il {date}, il furgone {car} è prenotato."),
        ("potete confermare l'indirizzo di consegna dell'ordine {order}?", "ci manca un IBAN per i {amount}.",
         "il {date} va ancora bene per il sopralluogo?"),
        ("il suo ticket {ticket} è stato aggiornato.", "«{phrase}» termina il {date}."),
    ),
    "nl": MailWords(
        "Onderwerp: RE:", ("bestelling {order}", "terugbetaling {amount}", "afspraak op {date}", "{phrase}"),
        ("Hoi", "Beste", "Goedemiddag"), ("Goedemiddag,", "Hallo allemaal,", "Geachte heer, mevrouw,"),
        ("Met vriendelijke groet,", "Groet,", "Groetjes,", "Bedankt,"), "Op {date} schreef {full:1} <{email:1}>:",
        "Op {date} schreef Klantenservice:", ("Tel:", "Mob:", "M:"),
        ("Projectleider", "Freelance vertaler", "Financiële administratie", "Uitvoerder"),
        ("Polderwerk B.V.", "Kroonhof Logistics B.V.", "Norrland Pharma Benelux"), ("Klantenservice",
         "Team {saas}"),
        ("Bedankt voor het snelle antwoord. Mijn nieuwe adres is {addr}, stuur het contract daar maar heen.",
         "De terugbetaling mag naar {iban}, de rekening staat op mijn naam.",
         "{first:2} staat in de cc en beheert het {saas}-account zolang ik in {wtown} zit.",
         "Bel me gerust op {mobile} tot {time}; ons kantoor in {office} kan het pakket aannemen."),
        ("Dank je. We gebruiken de {appliance}-service sinds {year}, maar deze factuur staat nog open.",
         "Bestelling {order} kan op {date} weg, de {car}-bus is geboekt."),
        ("kunnen jullie het afleveradres voor bestelling {order} bevestigen?",
         "we missen nog een IBAN voor de {amount}.", "past {date} nog voor de afspraak?"),
        ("uw ticket {ticket} is bijgewerkt.", "“{phrase}” loopt af op {date}."),
    ),
}  # fmt: skip


def _signature(ctx: Ctx, w: MailWords) -> None:
    """The signature block: the name line on top, then role and company, then contact lines."""
    rng = ctx.rng
    ctx.render("{full}\n")
    if rng.random() < 0.7:
        ctx.render(rng.choice(w.jobs) + (f" | {rng.choice(w.companies)}" if rng.random() < 0.6 else "") + "\n")
    ctx.render(f"{rng.choice(w.phone_words)} {{mobile}}\n" if rng.random() < 0.7 else "")
    ctx.render("{wemail}\n" if rng.random() < 0.4 else "")
    if rng.random() < 0.3:  # freelancers put their own address in the signature
        ctx.render("{street}\n" + ("{town} {pc}" if ctx.country == "GB" else "{pc} {town}") + "\n")


def build_email(ctx: Ctx, pii: bool) -> None:
    rng, w = ctx.rng, WORDS[ctx.lang]
    ctx.render(f"{w.subject} {rng.choice(w.subjects)}\n\n")
    if not pii:
        ctx.render(f"{rng.choice(w.anonymous_greetings)}\n\n{rng.choice(w.body_free)}\n\n{rng.choice(w.closings)}\n")
        ctx.render(f"{rng.choice(w.team)}\n\n{w.wrote_team}\n> {rng.choice(w.quoted_free)}\n")
        return
    body = " ".join(rng.sample(w.body, 2))
    ctx.render(f"{rng.choice(w.greetings)} {{first:1}},\n\n{body}\n\n{rng.choice(w.closings)}\n")
    _signature(ctx, w)
    quoted = rng.choice(w.quoted)
    ctx.render(f"\n{w.wrote}\n> {rng.choice(w.greetings)} {{first}},\n> {quoted}\n> {{first:1}}\n")
