"""English (en_GB, en_IE): the words of hard negatives, and the PII-free and PII templates by style."""

from __future__ import annotations

WORDS: dict[str, tuple[str, ...]] = {
    "holiday": ("Christmas", "Easter Monday", "St Patrick's Day", "Boxing Day", "the August bank holiday",
                "Whit Monday", "Good Friday", "New Year's Day", "St Stephen's Day", "Pentecost", "Halloween"),
    "storm": ("Storm Ciarán", "Storm Eunice", "Storm Arwen", "Storm Babet", "Storm Isha", "Storm Darragh",
              "Storm Éowyn", "Storm Agnes", "Storm Franklin", "Storm Dennis", "Storm Kathleen", "Storm Bert",
              "Storm Jocelyn", "Storm Gerrit"),
    "landmark": ("Heuston Station", "Connolly Station", "Pearse Street station", "the Royal Albert Hall",
                 "St Pancras", "Victoria Coach Station", "Charles de Gaulle airport", "John Lennon Airport",
                 "George Best City Airport", "Nelson's Column", "King's Cross", "the Wellington Arch", "Paddington",
                 "Waterloo station", "the Cutty Sark", "the Guinness Storehouse", "the Van Gogh Museum",
                 "Gare Saint-Lazare", "the Albert Dock", "Queen Elizabeth Olympic Park"),
    "ocity": ("London", "Manchester", "Leeds", "Dublin", "Cork", "Galway", "Edinburgh", "Bristol", "Birmingham",
              "Belfast", "Glasgow", "Cardiff", "Frankfurt", "Amsterdam", "Milan", "Lyon", "Madrid", "Rotterdam",
              "Munich", "Zurich", "Vienna", "Brussels", "Barcelona", "Antwerp", "Limerick", "Reading"),
    "country": ("Germany", "France", "Spain", "Italy", "the Netherlands", "Belgium", "Ireland", "Austria",
                "Switzerland", "Portugal", "Poland", "Denmark", "the UK", "Sweden"),
    "nat": ("German", "French", "Dutch", "Italian", "Spanish", "Irish", "Belgian", "Austrian", "Swiss", "Polish",
            "Portuguese", "Scottish", "Welsh", "Nordic"),
    "langname": ("German", "French", "Italian", "Spanish", "Dutch", "Portuguese", "Polish", "Irish", "Welsh",
                 "Flemish"),
    "job": ("Head of Customer Success", "Senior Account Manager", "Finance Director", "Warehouse Supervisor",
            "Product Owner", "Site Reliability Engineer", "Data Protection Officer", "Office Manager",
            "Chief Operating Officer", "Payroll Administrator", "Regional Sales Lead", "Facilities Coordinator"),
    "dept": ("Accounts Payable", "Customer Care", "Facilities", "Legal", "Procurement", "Marketing", "Logistics",
             "IT Service Desk", "Human Resources", "Quality Assurance", "Payroll", "Business Intelligence"),
    "music": ("Beethoven's ninth", "the Mozart requiem", "Vivaldi's Four Seasons", "some Chopin nocturnes",
              "Handel's Messiah", "Bach's cello suites"),
    "art": ("a print of Vermeer's Girl with a Pearl Earring", "the Van Gogh sunflowers poster", "a Turner seascape",
            "the Monet water lilies calendar", "a Banksy canvas print"),
    "numword": ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen",
                "eighteen", "twenty", "thirty", "forty five", "a hundred", "two hundred and fifty"),
    "saytime": ("half past nine", "ten o'clock", "quarter to three", "around two", "eleven thirty", "four pm",
                "half eight"),
    "greet": ("Hi all", "Hello team", "Dear colleagues", "Hi everyone", "Good morning all", "Dear customer"),
    "signoff": ("Best regards", "Kind regards", "Many thanks", "Cheers", "Best wishes", "Regards"),
    "teamsig": ("The Customer Care Team", "Accounts Receivable", "Service Desk (EMEA)", "The Release Team",
                "Logistics Coordination", "The Events Team"),
    "rating": ("★★★★☆", "5/5", "4 stars", "3/5", "Rating: 4 out of 5"),
    "handle": ("@Philips", "@AlbertHeijn", "@LidlGB", "@marksandspencer", "@sainsburys", "@JohnLewisRetail",
               "@Heineken", "@Tesla", "@Dyson", "@Sonos", "@Ryanair", "@IrishRail", "@FordUK"),
}  # fmt: skip

FREE: dict[str, tuple[str, ...]] = {
    "chat": (
        "anyone know if the {ocity} office has spare {device} chargers? mine died during the {tool} standup\n"
        "also {storm} is due on {weekday}, might WFH",
        "quick q: does the {saas} integration still push to {saas2} after {version}? {dept} say tickets stopped at "
        "{time}",
        "lunch near {landmark}? they do a {food} tiramisu now. {num} of us from {dept}",
    ),
    "email": (
        "{greet},\n\nA reminder that the {ocity} office is closed on {holiday}. Deliveries for the {company} account "
        "will go to our {ocity2} warehouse instead, and order {order} ships on {date}.\n\nIf anything is urgent, raise "
        "a ticket in {saas} and tag it P1.\n\n{signoff},\n{teamsig}",
        "Subject: {fashion} autumn collection - stock allocation\n\n{greet},\n\nThe {fashion} and {fashion2} lines "
        "arrive at the {ocity} distribution centre in {month}. {nat} stores get {pct} of the first drop; the rest "
        "goes to {country}.\n\nSKUs: {sku}, {sku2}, {sku3}.\n\n{signoff}\n{teamsig}\n{dept} | {company}",
        "Dear customer,\n\nThank you for your order {order} of {date}. Your {device} has left our {ocity} warehouse "
        'with tracking number {tracking}.\n\nYou can also ask {assistant}: "Where is my parcel?"\n\nKind regards,'
        "\nCustomer Care\n{shop} Online",
    ),
    "transcript": (
        "ok so the {l_carmodel} is booked in for a service on {l_weekday} at {saytime} the courtesy car is a "
        "{l_carmodel2} and the bill should come to about {numword} quid all in",
        "yeah we had {l_storm} last week so the {l_ocity} depot was shut for {numword} days and the {l_shop} "
        "deliveries all got pushed to {l_weekday}",
        "can you ask {l_assistant} to set a timer for {numword} minutes and then play {music} on the {l_device}",
    ),
    "log": (
        "{ts} INFO  order-service order={order} sku={sku} qty={num} warehouse={u_ocity} tracking={tracking}\n"
        '{ts2} WARN  order-service order={order} address_check=SKIPPED reason="B2B account {company}"\n'
        "{ts3} INFO  order-service order={order} status=SHIPPED eta={isodate}",
        '{"ts":"{ts}","level":"error","service":"checkout","host":"{host}","path":"{path}","latency_ms":{ms},'
        '"trace_id":"{traceid}","msg":"payment provider {saas} timeout"}\n'
        '{"ts":"{ts2}","level":"info","service":"checkout","host":"{host}","msg":"retry ok","attempt":2}',
        "deploy: {tool} job release-{version} started by ci-bot on {host}\nstep 1/4 pull image shop-api:{version} OK"
        "\nstep 2/4 migrate db ({count} migrations) OK\nstep 3/4 canary {pct} in {region} OK\nstep 4/4 notify "
        "#releases via {saas} OK\nduration={ms}ms",
    ),
    "csv": (
        "sku,product,warehouse,stock\n{sku},{device},{ocity},{count}\n{sku2},{device2},{ocity2},{count2}\n"
        "{sku3},{appliance} dishwasher,{ocity},{count3}",
        'date,store,city,country,revenue,returns\n{isodate},{shop} Central,{ocity},{country},"{amount}",{num}\n'
        '{isodate2},{shop2} Station,{ocity2},{country2},"{amount2}",{num2}',
        'ticket_id,created,queue,team,subject\n{ticket},{isodate},{dept},{dept2},"{saas} SSO broken after '
        '{version}"\n{ticket2},{isodate2},{dept},{dept3},"Refund for order {order} ({shop})"',
    ),
    "ticket": (
        "Ticket {ticket} - {saas} sync failing\nPriority: P2 | Queue: {dept}\n\nSince {version} the {saas} connector "
        "stops after {count} records. Affected: the {ocity} and {ocity2} offices. Reproduced on a {device}. Logs under "
        "{path}.",
        "Subject: replacement part for {appliance} dishwasher\nCustomer ref: {custid}\nModel {sku}, bought at {shop} "
        "on "
        "{date}. Error E24 after {num} weeks. Service centre: {ocity}. Visit preferred on a {weekday} morning.",
        'Bug: the {assistant} skill reads "{carmodel}" as "{carmaker}"\nSteps: ask for the nearest {shop}, then '
        "for opening hours on {holiday}.\nExpected: opening hours. Actual: HTTP 500 on {path}.\nBuild {build}, "
        "{langname} locale.",
    ),
    "meeting_notes": (
        "Weekly ops sync, {longdate}\nAttendees: {dept}, {dept2}, {dept3}\n- {company} contract: renewal due "
        "in {month}, Legal reviewing\n- {ocity} warehouse move delayed by {storm}\n- {saas} licences: {count} seats, "
        "cut to {count2}\nAction: {dept} to send the revised forecast before {holiday}.",
        "Retro, sprint {num}\nWent well: {tool} dashboards, {tool2} upgraded to {version}\nTo improve: on-call "
        "handover to the {ocity} team; flaky checkout tests ({pct} failure rate)\nAction: the {job} owns the runbook",
        "Notes - {fair} prep\n- Stand at {venue}, hall {num}\n- Demo units: {device}, {device2}\n- {nat} and {nat2} "
        "press on day 1\n- Budget {amount}; meet at {landmark}",
    ),
    "changelog": (
        "## {version} - {isodate}\n### Added\n- {saas} and {saas2} connectors\n- {langname} and {langname2} "
        "translations\n### Fixed\n- {month} shown instead of the selected month for {nat} users\n- Crash on "
        "{device} when {assistant} shortcuts were enabled",
        "Release notes {version}\n* Support for {device} and {device2}\n* New data region {region}\n* Exports now "
        "include the EAN (e.g. {ean})\n* Fixed: invoices for {company} listed {amount} twice\n* Known issue: {tool} "
        "alerts may fire twice after the upgrade",
        "{version}: bump {tool} to {version2}; drop support for {device}; move {saas} webhooks to {path}; rename "
        "queue {u_sitecode}-ORDERS to orders.{sitecode}",
    ),
    "news": (
        "{storm} brought gusts of up to {speed} km/h on {weekday}, and {company} said its {ocity} plant would stay "
        "closed until {date}. Trains from {landmark} ran up to {num} hours late.",
        "The {carmodel} has been built in {ocity} since {year}. From {month} the plant will also assemble "
        "batteries for {carmaker}, creating {count} jobs, the company said.",
        "{fair} opened at {venue} on {weekday} with {big} visitors expected. {nat} exhibitors take {pct} of the "
        "floor; {maker} and {maker2} are showing new ranges.",
    ),
    "review": (
        "{rating} Bought the {device} at {shop} for {amount}. Battery lasts {num} days and {assistant} works fine, "
        "but the {langname} menu has typos. Would buy again.",
        "Great {food} range, but the {shop} near {landmark} was out of {food2} again on {weekday}. Staff friendly. 3/5",
        "Rented a {carmodel} for a week in {country}. Smooth drive, {pct} less fuel than our old {carmodel2}. "
        "Pick-up at {landmark} took {count} minutes though. {rating}",
    ),
    "invoice": (
        "INVOICE {invoice}\nDate: {date}    Customer no.: {custid}\nVAT no.: {vatid}\n\n{num} x {device}   {amount}\n"
        "1 x {maker} service plan   {amount2}\nShipping ({ocity} hub)   {amount3}\n\nPayable within 30 days. "
        "Mandate reference: {refiban}",
        "Order confirmation {order}\n{fashion} wool coat, size M   {amount}\n{fashion2} scarf   {amount2}\n"
        "Collection point: {shop} Click & Collect, {landmark}\nExpected {date}. Questions? Quote case {refphone}.",
        "Credit note {invoice} for order {order}: {num} x {food} gift box returned to the {ocity} warehouse, "
        "refund of {amount} issued on {date}.",
    ),
    "calendar": (
        "{longdate}\n09:00 {saas} onboarding (room {room})\n11:30 {company} quarterly review - {ocity} "
        "office\n14:00 Flight {flight} to {ocity2}\n{c_holiday}: office closed",
        "Reminder: {fair} at {venue}, {daterange}. Train {train} from {landmark} at {time}. Stand build by {dept}.",
        "Out of office {daterange} ({holiday}). Urgent {saas} issues go to the {dept} queue.",
    ),
    "social": (
        "Just picked up the new {carmodel} from the dealer 🚗 {count} km range on a cold {month} morning, not bad "
        "{handle}",
        "Queue outside {shop} for the {fashion} x {fashion2} collab started at {time} 🙃 sold out in {count} minutes",
        "Hot take: {assistant} is still better than {assistant2} at timers. {device} owners, back me up.",
        "{storm} closed the road past {landmark} again, {shop} deliveries delayed all over {country}. #weather",
    ),
}

PII: dict[str, tuple[str, ...]] = {
    "chat": (
        "ok here's the card for the {fashion} order: {card}, exp 08/27, name on card {name}",
        "{first} from the {company} account just rang, [she's|he's] stuck in {storm} traffic near {landmark}. can "
        "you call [her|him] back on {phone}?",
        "hey it's {l_first} 👋 moved to {city} last month, new number is {phone}, the old {device} finally died",
    ),
    "email": (
        "Hello,\n\nI sent the {device} back to your {ocity} warehouse on {date} (RMA {ticket}). Please refund "
        "{amount} to my account:\nIBAN {iban}\nAccount holder: {name}\n\nThanks,\n{first}",
        "Dear [Ms|Mr] {last},\n\nThank you for your order {order}. We will deliver your {device} to:\n\n{name}\n"
        "{address_ml}\n\nIf the address is wrong, please reply before {date}.\n\nKind regards,\nCustomer Care\n"
        "{shop} Online",
        "Hi {first},\n\nGreat to meet you at {fair} ({venue}). Let me know if the {carmodel} test drive on "
        "{weekday} still works for you.\n\nBest,\n{name2}\n{job}, {company} {ocity}\nM: {phone}\nE: {email2}",
    ),
    "transcript": (
        "hi yeah my name is {l_name} i'm calling about order {order} the {l_device} never arrived i'm at "
        "{l_street} in {l_city} and my number is {tphone}",
        "agent thanks for calling {l_shop} how can i help\ncaller hi it's {l_first} {l_last} i moved from {l_city} "
        "to {l_city2} last {l_month} the new address is {l_street2} {l_postcode2}",
    ),
    "log": (
        '{ts} INFO  crm-sync contact_upserted id={custid} name="{name}" email={email} phone={phone} '
        "source={saas}\n{ts2} WARN  crm-sync duplicate contact for {email} merged",
        '{"ts":"{ts}","level":"warn","service":"payments","event":"sepa_mandate_created","account_holder":"{name}",'
        '"iban":"{iban}","region":"{region}"}',
    ),
    "csv": (
        'payee,iban,amount,reference\n{name},{iban},"{amount}",{invoice}\n{name2},{iban2},"{amount2}",{invoice2}',
        "first_name,last_name,email,phone,city\n{first},{last},{email},{phone},{city}\n{first2},{last2},{email2},"
        "{phone2},{city2}\n{first3},{last3},{email3},{phone3},{city3}",
        "order_id,customer,street,postcode,town,brand\n{order},{name},{street},{postcode},{city},{fashion}\n"
        "{order2},{name2},{street2},{postcode2},{city2},{fashion2}",
    ),
    "ticket": (
        "Ticket {ticket}\nReporter: {name} <{email}>\nThe {appliance} washing machine (model {sku}) delivered to "
        "{address} is leaking. Customer is in on {weekday} mornings, phone {phone}.",
        "Refund request {ticket}: {name} returned the {fashion} jacket at the {ocity} store. The refund to card "
        "{card} failed; [she|he] asks for a transfer to {iban} instead.",
    ),
    "meeting_notes": (
        "1:1 {first} / {first2} - {date}\n- {first} back after {holiday}, working from {city} through {month}\n"
        "- {company} pitch: {first2} leads, deck in {saas}\n- reach {first} on {phone} while travelling",
    ),
    "changelog": (
        "## {version}\n- Fixed: {saas} import dropped accents in names (reported by {name}, {email})\n- Fixed: "
        "checkout layout on the {device}\n- Thanks to {name2} for the {langname} translation",
    ),
    "news": (
        "{name} from {city} won the {carmaker} design award at {fair} on {weekday}; the prize is a year's lease "
        "of a {carmodel}.",
        "When {storm} flooded [her|his] street in {city}, {name} moved the bakery into the empty {shop} unit "
        'next door. "We lost {count} loaves and a {appliance} oven," [she|he] said.',
    ),
    "review": (
        "Ordered the {device} from {shop}, delivered to {street} in two days. The courier, {first2}, even carried "
        "it upstairs. 5/5 - {short}, {city}",
    ),
    "invoice": (
        "INVOICE {invoice}\nBill to: {name}\n{address_ml}\nVAT no.: {vatid}\n\n4 x {tyre} winter tyres for "
        "{carmodel}   {amount}\nFitting   {amount2}\n\nPaid by card {card} on {date}.",
        "Order {order} for {name}, {email}\nShip to: {address}\n{num} x {food} hamper   {amount}\nGift message: "
        '"Happy holidays!"',
    ),
    "calendar": (
        "{longdate}\n10:00 Call with {name} ({company}) - dial {phone}\n13:00 Lunch near {landmark}\n"
        "16:00 Flat viewing at {street}, {postcode}",
        "Dentist for {first} at {time}, {street}, {city}. Then, {storm} permitting, pick up {first2} from {landmark}.",
    ),
    "social": (
        "Congrats to {name} from our {ocity} team on 10 years at {company}! 🎉 {first}, the {carmodel} parking "
        "spot is yours",
        "Lost: black {fashion} wallet near {landmark} on {weekday}. If found please ring {phone}. - {first}, {city}",
    ),
}
