"""Field names and short messages of the structured styles (CSV headers, form labels, log messages), per language."""

from __future__ import annotations

FIELDS = ("full", "first", "last", "email", "phone", "street", "pc", "town", "iban", "card", "message", "subject",
          "order", "product", "country", "amount", "date", "qty", "status")  # fmt: skip

# One label per field, in the order of FIELDS.
_LABELS = {
    "en": "Name|First name|Last name|Email|Phone|Street address|Postcode|Town/City|IBAN|Card number|Message|Subject|"
    "Order number|Product|Country|Amount|Date|Quantity|Status",
    "de": "Name|Vorname|Nachname|E-Mail|Telefon|Straße und Hausnummer|PLZ|Ort|IBAN|Kartennummer|Nachricht|Betreff|"
    "Bestellnummer|Produkt|Land|Betrag|Datum|Menge|Status",
    "fr": "Nom complet|Prénom|Nom|E-mail|Téléphone|Adresse|Code postal|Ville|IBAN|Numéro de carte|Message|Objet|"
    "N° de commande|Produit|Pays|Montant|Date|Quantité|Statut",
    "es": "Nombre y apellidos|Nombre|Apellidos|Correo electrónico|Teléfono|Dirección|Código postal|Localidad|IBAN|"
    "Número de tarjeta|Mensaje|Asunto|Nº de pedido|Producto|País|Importe|Fecha|Cantidad|Estado",
    "it": "Nome e cognome|Nome|Cognome|E-mail|Telefono|Indirizzo|CAP|Città|IBAN|Numero carta|Messaggio|Oggetto|"
    "Numero ordine|Prodotto|Paese|Importo|Data|Quantità|Stato",
    "nl": "Naam|Voornaam|Achternaam|E-mailadres|Telefoonnummer|Straat en huisnummer|Postcode|Woonplaats|IBAN|"
    "Kaartnummer|Bericht|Onderwerp|Ordernummer|Product|Land|Bedrag|Datum|Aantal|Status",
}
LABELS: dict[str, dict[str, str]] = {
    lang: dict(zip(FIELDS, text.split("|"), strict=True)) for lang, text in _LABELS.items()
}

# What a field's value is rendered from (a placeholder), for the structured styles.
FIELD_VALUES = {"full": "{full}", "first": "{first}", "last": "{last}", "email": "{email}", "phone": "{phone}",
                "street": "{street}", "pc": "{pc}", "town": "{town}", "iban": "{iban}", "card": "{card}",
                "order": "{order}", "product": "{product}", "country": "{country}", "amount": "{amount}",
                "date": "{date}", "qty": "{qty}"}  # fmt: skip

STATUSES = {
    "en": ("shipped", "pending", "returned", "cancelled"),
    "de": ("versandt", "offen", "retourniert", "storniert"),
    "fr": ("expédiée", "en attente", "retournée", "annulée"),
    "es": ("enviado", "pendiente", "devuelto", "cancelado"),
    "it": ("spedito", "in attesa", "reso", "annullato"),
    "nl": ("verzonden", "in behandeling", "geretourneerd", "geannuleerd"),
}

# Free-text fields of forms: no PII, some hard negatives.
MESSAGES = {
    "en": ("Please cancel the {saas} trial before {date}.", "The {appliance} I ordered ({order}) arrived broken.",
           "Question about the {phrase}: does it apply {in_country} too?", "Can I swap the {fashion} bag for a"
           " larger one?"),
    "de": ("Bitte die {saas}-Testphase vor dem {date} kündigen.", "Der bestellte {appliance}-Mixer ({order}) kam"
           " kaputt an.", "Frage zu „{phrase}“: gilt das auch {in_country}?", "Kann ich die {fashion}-Tasche gegen"
           " eine größere tauschen?"),
    "fr": ("Merci d'annuler l'essai {saas} avant le {date}.", "Le mixeur {appliance} commandé ({order}) est arrivé"
           " cassé.", "Question sur « {phrase} » : est-ce valable {in_country} aussi ?", "Puis-je échanger le sac"
           " {fashion} contre un plus grand ?"),
    "es": ("Por favor, cancelad la prueba de {saas} antes del {date}.", "La batidora {appliance} que pedí ({order})"
           " llegó rota.", "Duda sobre «{phrase}»: ¿vale también {in_country}?", "¿Puedo cambiar el bolso de"
           " {fashion} por uno más grande?"),
    "it": ("Per favore annullate la prova {saas} prima del {date}.", "Il frullatore {appliance} ordinato ({order}) è"
           " arrivato rotto.", "Domanda su «{phrase}»: vale anche {in_country}?", "Posso cambiare la borsa {fashion}"
           " con una più grande?"),
    "nl": ("Graag de {saas}-proefperiode opzeggen voor {date}.", "De bestelde {appliance}-blender ({order}) kwam"
           " kapot aan.", "Vraag over “{phrase}”: geldt dat ook {in_country}?", "Kan ik de {fashion}-tas ruilen voor"
           " een grotere?"),
}  # fmt: skip

# Log messages (msg="..."), with and without a reason to mention a person.
LOG_MESSAGES = {
    "en": ("address changed by customer", "phone number verified", "refund requested", "login from new device"),
    "de": ("Adresse vom Kunden geändert", "Telefonnummer bestätigt", "Erstattung angefordert", "Login von neuem Gerät"),
    "fr": ("adresse modifiée par le client", "numéro vérifié", "remboursement demandé", "connexion depuis un nouvel"
           " appareil"),
    "es": ("dirección cambiada por el cliente", "teléfono verificado", "reembolso solicitado", "inicio de sesión"
           " desde un dispositivo nuevo"),
    "it": ("indirizzo modificato dal cliente", "numero verificato", "rimborso richiesto", "accesso da nuovo"
           " dispositivo"),
    "nl": ("adres gewijzigd door klant", "telefoonnummer geverifieerd", "terugbetaling aangevraagd", "inlog vanaf"
           " nieuw apparaat"),
}  # fmt: skip
LOG_MESSAGES_FREE = {
    "en": ("deploy finished", "sync retried", "invoice generated", "payment rejected: invalid IBAN"),
    "de": ("Deployment abgeschlossen", "Synchronisierung wiederholt", "Rechnung erstellt", "Zahlung abgelehnt:"
           " ungültige IBAN"),
    "fr": ("déploiement terminé", "synchronisation relancée", "facture générée", "paiement refusé : IBAN invalide"),
    "es": ("despliegue terminado", "sincronización reintentada", "factura generada", "pago rechazado: IBAN no"
           " válido"),
    "it": ("deploy completato", "sincronizzazione ripetuta", "fattura generata", "pagamento rifiutato: IBAN non"
           " valido"),
    "nl": ("deploy voltooid", "synchronisatie opnieuw geprobeerd", "factuur aangemaakt", "betaling geweigerd:"
           " ongeldige IBAN"),
}  # fmt: skip
