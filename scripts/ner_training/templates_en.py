"""English templates: sentences per register and the words of each style's frame."""

# ruff: noqa: RUF001 -- typographic dashes and quotes are part of the generated text

from .example import lines

SENTENCES = {
    "prose": lines(r"""
        {PF} moved to {L} {YEARP} and still drives the same old {CAR}.
        Yesterday {F} took the train from {L} to {L} and arrived two hours late.
        My neighbour {F} grew up in {L} but has lived in {L} for years.
        {T} will be in {L} on {DAY} to sign the lease.
        We met {PF} at a conference in {LW} last {MONTH}.
        {F} said the parcel never arrived at {ADDR}.
        The flat in {L} belongs to {PF}, who rents it out to students.
        According to {T}, the delivery to {L} was delayed by {STORM}.
        {F} and {F} are flying to {LW} on {DATE}.
        Born in {L}, {PF} joined the {DEPT} team {YEARP}.
        {F} rents a room on {PSTREET} in {L}.
        I spoke to {F} this morning and the paperwork is with {T} now.
        Last summer {PF} cycled all the way from {L} to {L}.
        Please forward the invoice to {PF}, {ADDR}.
        {F} thinks {NATP} will be fine with the new terms.
        Will {F} be back from {L} before {MONTH}?
        {PF}, a {JOB} from {L}, bought a {CAR} {YEARP}.
        Our driver {F} got stuck outside {L} because of {STORM}.
        {T} is originally from {LW} and now lives in {L}.
        The keys are with {F1} at {ADDR}, so call {F1} first.
        Nobody has heard from {F} since the trip to {L}.
        {F} is staying with her aunt in {L} until {DATE}.
        Both {PF} and {PF} signed the petition in {L}.
        {F} was born in {L} in {Y} and moved to {COUNTRY} later.
        It was {F} who found the wallet on the bus to {L}.
    """),
    "ticket": lines(r"""
        Customer {PF} from {L} reports that the {PROD} app crashes on login.
        {T} called again about order {ORDER}; the parcel went to {ADDR} instead of {L}.
        Please update the billing address for {PF}: {ADDR}.
        {F} cannot access {SAAS} since the update to {PROD}.
        Escalated by {F} ({DEPT}): refund of {AMT} for {PF} is still pending.
        Caller {PF} says the engineer never showed up in {L} on {DAY}.
        {T} wants the replacement shipped to a relative in {L}.
        Duplicate of {TICKET}, raised by {F} after {STORM} damaged the roof in {L}.
        User {H} reports that the export to {SAAS} fails every night.
        Account holder {PF}, {ADDR}, requests deletion of all personal data.
        Assigned to {F}. Customer lives in {L} and prefers a call after {TIME}.
        {PF} moved from {L} to {L} and needs the contract transferred.
        Spoke to {F} {BRANDAT}; they will send a courier to {L}.
        Meter reading for {T} in {L} is missing since {MONTH}.
    """),
    "chat": lines(r"""
        hey {F}, are you still in {L}?
        {H} can you check the {SAAS} board?
        lunch with {F} at 12?
        {F} is stuck in traffic near {L}, start without us
        just landed in {LW}
        did {F} send the slides yet
        {F} and {F} are driving up from {L} tomorrow
        ping {H} about the invoice pls
        working from {L} today, back on {DAY}
        {F} says hi from {L}!
        ok thanks {F}
        can someone give {F} access to {SAAS}?
        {H} {H} standup in 5
        who is covering for {F} on {DAY}?
        {F}'s train from {L} is cancelled again
        anyone seen {F} today?
        I'm in {L} until {DAY}, call me
    """),
    "email": lines(r"""
        Thank you for your message regarding order {ORDER}.
        I have asked {PF} from {DEPT} to look into it.
        The documents were sent to {ADDR} on {DATE}.
        {F} mentioned that you are moving to {L} next month.
        Could you confirm whether {T} will attend the meeting in {L}?
        I am out of office until {DATE}; please contact {PF} in the meantime.
        As discussed with {F}, we will ship the replacement to {L}.
        Please find attached the invoice for {AMT}.
        We visited {T} in {L} on {DAY} and everything looks fine.
        Let me know if {F} needs anything else from us.
        My new address from {DATE} is {ADDR}.
    """),
    "transcript": lines(r"""
        {UH} hi my name is {PF} and I'm calling from {L}
        yes {UH} the address is {ADDR}
        {UH} it's for my mother {PF} she lives in {L}
        so {UH} I spoke to {F} last week and {UH} nothing happened
        it's {F} {UH} {S} yes
        I moved to {L} in {Y} {UH} so the old address is wrong
        {UH} my husband {F} set up the account
        the engineer {F} said he would come on {DAY}
        we're in {L} {UH} near the station
        no no {UH} not {L} it's {L}
        can I speak to {F} please {UH} she handled it before
    """),
    "dialogue": lines(r"""
        Did you hear back from {F}?
        Yes, {F} is in {L} until {DAY}.
        I'll ask {T} to call you back.
        When are you flying to {LW}?
        Can you send it to my address in {L}?
        {PF} approved it this morning.
        Fine by me.
        The {SAAS} ticket is still open.
        Is that the {BRAND} one?
        I grew up in {L}, actually.
        Tell {F} I said thanks.
    """),
    "cv": lines(r"""
        0|{YY}   {JOB}, {BRAND}, {L}
        0|{Y} – present   {JOB} at {SAAS}, remote from {L}
        0|{YY}   {JOB} ({DEPT}), {BRAND}
        1|{Y}   MSc Computer Science, {L}
        1|{YY}   Apprenticeship as {JOB}, {BRAND}
        2|English (native), German (B2), Spanish (A2)
        2|Languages: English, French, Italian
        3|{PF}, {JOB}, {BRAND} ({PHONE})
        3|Available on request.
        4|Born {DOB} in {L}
        4|Address: {ADDR}
        4|Willing to relocate to {L} or {LW}.
    """),
    "review": lines(r"""
        Great service, the technician arrived on time in {L}.
        Ordered the {PROD} and it arrived in {L} within two days.
        {F} at the {FASHION} counter was really helpful.
        Stayed two nights in {L}; {F} at reception was lovely.
        Would not recommend. Delivery to {L} took three weeks.
        Thanks to {F} for sorting out my refund of {AMT}.
    """),
    "meeting": lines(r"""
        {F} to send the draft contract to {T} by {DAY}.
        {PF} presented the {PROD} roadmap.
        Action: {F} to book travel to {LW} for {DATE}.
        {F} reported that {SITE} is short-staffed.
        Decision: {F} will visit the customer in {L}.
        {F} is on leave until {DATE}; {F} covers.
        {T} raised concerns about the {SAAS} contract.
        {F} and {F} will interview candidates in {L} on {DAY}.
    """),
    "neg": lines(r"""
        {SITE} will be closed for renovation until {DATE}.
        Our {CAR} dealer replaced the battery for {AMT}.
        Order {ORDER} was shipped on {DATE}.
        {STORM} caused delays across {COUNTRY} on {DAY}.
        We have been using {SAAS} {YEARP} and switched to {SAAS} in {MONTH}.
        {PROD} is now available for all customers.
        The {JOB} from {DEPT} approved the request.
        The {CLUB} match was postponed until {DATE}.
        Ticket {TICKET} was merged into {TICKET}.
        My {CAR} broke down again on {DAY}.
        I returned the shoes {BRANDAT} on {DAY}.
        Prices at {SHOP} went up by {NUM}% {YEARP}.
        Please reset your {SAAS} password before {DATE}.
        {SITE} handles all returns from {COUNTRY}.
        We have exported to {COUNTRY} and {COUNTRY} {YEARP}.
        The invoice of {AMT} is due on {DATE}.
        In {MONTH} we moved the servers to {COUNTRY}.
        The office on {PSTREET} reopens on {DATE}.
        Version {PROD} fixes the login bug reported in {TICKET}.
        The {DEPT} team meets every {DAY} at {TIME}.
        {MONTH} was a slow month for {BRAND}.
        We received {NUM} complaints about {PROD} since {MONTH}.
        Delivery to {COUNTRY} takes {NUM} working days.
        {NATP} asked for a quote in {MONTH}.
        Will the {SAAS} migration be finished by {DAY}?
    """),
    "neg_chat": lines(r"""
        standup moved to {TIME}
        is {SAAS} down for anyone else?
        the wifi at {SITE} is broken again
        {PROD} release is out
        who has admin access to {SAAS}?
        new ticket {TICKET}, can someone take it
        see you {DAY}
        {STORM} is coming, work from home tomorrow
        anyone want to split a {SHOP} order?
    """),
}

FRAME = {
    "greet": lines("Hi {F1},|Hello {F1},|Dear {T1},|Dear {PF1},|Good morning {F1},|{F1},".replace("|", "\n")),
    "greet0": ("Hello,", "Hi all,", "Dear Sir or Madam,", "Hi team,", "Good afternoon,"),
    "close": ("Best regards,", "Kind regards,", "Thanks,", "Cheers,", "Many thanks,", "Best,"),
    "wrote": ("On {DATE} at {TIME}, {PF2} <{EMAIL2}> wrote:", "{PF2} wrote:", "From: {PF2}\nSent: {DATE}"),
    "subject": ("Subject: Re: order {ORDER}", "Subject: Your request {TICKET}", "Subject: Fwd: invoice {DATE}"),
    "team": ("The {DEPT} team", "{BRAND} Customer Service", "{SAAS} Support"),
    "ticket_head": ("Ticket {TICKET} | Priority: High", "[{TICKET}] Status: Open", "Case {TICKET} – opened {DATE}"),
    "reporter": ("Reported by: {PF1}", "Requester: {PF1} <{EMAIL1}>", "Customer: {P1}", "Assignee: {F1}"),
    "meeting_head": ("Meeting notes – {DATE}", "Minutes of the {DAY} sync ({DATE})", "Weekly team call, {DATE}"),
    "attendees": ("Attendees", "Present", "Participants"),
    "apologies": ("Apologies", "Absent"),
    "actions": ("Action items", "Next steps", "Decisions"),
    "cv_heads": ("Work experience", "Education", "Languages", "References", "Personal details"),
    "review_head": ("Rating: {STARS}/5", "Verified purchase", "5 stars"),
    "review_sign": ("– {F1}, {L}", "{FI1} from {L}", "{PF1}", "Posted by {H1}", "{F1} ({L})", "– {FI1}"),
    "list_lead": lines(r"""
        Invite {LIST}.
        Please add {LIST} to the call.
        {LIST} will join us on {DAY}.
        Attendees: {LIST}
        cc {LIST}
        Thanks to {LIST} for the help!
        Can {LIST} review this before {DAY}?
        Seating plan: {LIST}
    """),
    "neg_list": ("We stock {LIST}.", "Compared offers from {LIST}.", "Shortlist: {LIST}"),
    "and": ("and", "&", "and"),
    "speakers": ("agent", "caller", "customer", "operator", "speaker 1", "speaker 2"),
    "uh": ("uh", "um", "er", "you know", "like", "hmm"),
    "status": ("open", "paid", "shipped", "cancelled", "pending"),
    "to": ("To:", "Ship to:", "Deliver to:", "Recipient:", "c/o"),
}
FORM = {
    "name": "Name", "first": "First name", "last": "Last name", "street": "Address", "zip": "Postcode", "city": "City",
    "country": "Country", "email": "Email", "phone": "Phone", "dob": "Date of birth", "msg": "Message",
    "order": "Order no.", "town": "Town",
}  # fmt: skip
CSV = {"first": "first_name", "last": "last_name", "name": "name", "city": "city", "email": "email", "phone": "phone",
       "country": "country", "id": "customer_id", "amount": "amount", "date": "date", "status": "status",
       "product": "product"}  # fmt: skip
