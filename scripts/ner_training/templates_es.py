"""Spanish templates: sentences per register and the words of each style's frame."""

# ruff: noqa: RUF001 -- typographic dashes and quotes are part of the generated text

from .example import lines

SENTENCES = {
    "prose": lines(r"""
        {PF} se mudó a {L} {YEARP} y sigue conduciendo el mismo {CAR} viejo.
        Ayer {F} cogió el tren de {L} a {L} y llegó con dos horas de retraso.
        Mi vecina {F} se crió en {L}, pero lleva años viviendo en {L}.
        {T} estará en {L} el {DAY} para firmar el contrato de alquiler.
        Conocimos a {PF} en una feria en {LW} el pasado {MONTH}.
        Según {F}, el paquete nunca llegó a {ADDR}.
        El piso de {L} es de {PF}, que se lo alquila a estudiantes.
        Según {T}, {STORM} retrasó la entrega en {L}.
        {F} y {F} vuelan a {LW} el {DATE}.
        Nacida en {L}, {PF} entró en el departamento de {DEPT} {YEARP}.
        {F} vive en la {PSTREET}, en {L}.
        Esta mañana hablé con {F} y ahora el expediente lo tiene {T}.
        El verano pasado {PF} fue en bici desde {L} hasta {L}.
        Por favor, envíen la factura a {PF}, {ADDR}.
        {F} cree que {NATP} aceptará las nuevas condiciones.
        ¿Volverá {F} de {L} antes de {MONTH}?
        {PF}, {JOB} de {L}, se compró un {CAR} {YEARP}.
        Nuestro conductor {F} se quedó atrapado a las afueras de {L} por {STORM}.
        {T} es de {LW} y ahora vive en {L}.
        Las llaves las tiene {F1}, así que llama primero a {F1}.
        Nadie sabe nada de {F} desde el viaje a {L}.
        {F} se queda con su tía en {L} hasta el {DATE}.
        Tanto {PF} como {PF} firmaron la petición en {L}.
        Fue {F} quien encontró la cartera en el autobús a {L}.
        Este fin de semana {F} visita a sus abuelos en {L}.
    """),
    "ticket": lines(r"""
        El cliente {PF}, de {L}, informa de que la app {PROD} se cierra al iniciar sesión.
        {T} ha vuelto a llamar por el pedido {ORDER}; el paquete fue a {ADDR} en vez de a {L}.
        Actualizar la dirección de facturación de {PF}: {ADDR}.
        {F} no puede acceder a {SAAS} desde la actualización a {PROD}.
        Escalado por {F} ({DEPT}): el reembolso de {AMT} para {PF} sigue pendiente.
        El llamante {PF} dice que el técnico no se presentó en {L} el {DAY}.
        {T} quiere que el equipo de sustitución se envíe a una familiar en {L}.
        Duplicado de {TICKET}, abierto por {F} después de que {STORM} dañara el tejado en {L}.
        El usuario {H} indica que la exportación a {SAAS} falla todas las noches.
        La titular de la cuenta, {PF}, {ADDR}, solicita la supresión de sus datos.
        Asignado a {F}. El cliente vive en {L} y prefiere que le llamen después de las {TIME}.
        {PF} se ha mudado de {L} a {L} y hay que traspasar el contrato.
        Falta la lectura del contador de {T} en {L} desde {MONTH}.
    """),
    "chat": lines(r"""
        hola {F}, ¿sigues en {L}?
        {H} puedes mirar el tablero de {SAAS}?
        ¿comemos con {F} a las 2?
        {F} está en un atasco cerca de {L}, empezad sin nosotros
        acabo de aterrizar en {LW}
        ¿{F} ha mandado ya las diapositivas?
        {F} y {F} suben mañana desde {L}
        avisa a {H} por lo de la factura porfa
        hoy teletrabajo desde {L}, vuelvo el {DAY}
        ¡{F} os manda saludos desde {L}!
        vale gracias {F}
        ¿alguien puede darle acceso a {SAAS} a {F}?
        {H} {H} daily en 5
        ¿quién cubre a {F} el {DAY}?
        el tren de {F} desde {L} otra vez cancelado
        ¿alguien ha visto a {F} hoy?
        estoy en {L} hasta el {DAY}, llámame
    """),
    "email": lines(r"""
        Gracias por su mensaje sobre el pedido {ORDER}.
        He pedido a {PF}, de {DEPT}, que lo revise.
        Los documentos se enviaron a {ADDR} el {DATE}.
        {F} me comentó que se muda a {L} el mes que viene.
        ¿Puede confirmar si {T} asistirá a la reunión en {L}?
        Estoy fuera de la oficina hasta el {DATE}; mientras tanto, contacte con {PF}.
        Como hablamos con {F}, enviaremos el repuesto a {L}.
        Le adjunto la factura de {AMT}.
        Visitamos a {T} en {L} el {DAY} y todo está en orden.
        Dígame si {F} necesita algo más.
        Mi nueva dirección a partir del {DATE} es {ADDR}.
    """),
    "transcript": lines(r"""
        {UH} hola me llamo {PF} y llamo desde {L}
        sí {UH} la dirección es {ADDR}
        {UH} es para mi madre {PF} que vive en {L}
        pues {UH} hablé con {F} la semana pasada y {UH} nada
        {F} {UH} {S} eso es
        me mudé a {L} en {Y} {UH} por eso la dirección antigua está mal
        {UH} la cuenta la abrió mi marido {F}
        el técnico {F} dijo que vendría el {DAY}
        estamos en {L} {UH} al lado de la estación
        no no {UH} {L} no es {L}
        ¿puedo hablar con {F} por favor? {UH} ella lo llevaba
    """),
    "dialogue": lines(r"""
        ¿Sabes algo de {F}?
        Sí, {F} está en {L} hasta el {DAY}.
        Le digo a {T} que le devuelva la llamada.
        ¿Cuándo vuelas a {LW}?
        ¿Me lo puede mandar a mi dirección en {L}?
        {PF} lo aprobó esta mañana.
        Por mí, bien.
        El ticket de {SAAS} sigue abierto.
        ¿Es el de {BRAND}?
        Yo me crié en {L}, la verdad.
        Dale recuerdos a {F} de mi parte.
    """),
    "cv": lines(r"""
        0|{YY}   {JOB}, {BRAND}, {L}
        0|desde {Y}   {JOB} en {SAAS}, en remoto desde {L}
        0|{YY}   {JOB} ({DEPT}), {BRAND}
        1|{Y}   Máster en Informática, {L}
        1|{YY}   Grado en Administración de Empresas, {L}
        2|Español (nativo), inglés (C1), catalán, francés (B1)
        2|Idiomas: español, gallego, inglés
        3|{PF}, {JOB}, {BRAND} ({PHONE})
        3|Disponibles bajo petición.
        4|Nacida el {DOB} en {L}
        4|Dirección: {ADDR}
        4|Disponibilidad para trasladarse a {L} o {LW}.
    """),
    "review": lines(r"""
        Muy buen servicio, el técnico llegó puntual a {L}.
        Pedí el {PROD} y llegó a {L} en dos días.
        {F}, en el mostrador de {FASHION}, fue muy amable.
        Dos noches en {L}; {F} en recepción fue un encanto.
        No lo recomiendo. El envío a {L} tardó tres semanas.
        Gracias a {F} por gestionar mi reembolso de {AMT}.
    """),
    "meeting": lines(r"""
        {F} envía el borrador del contrato a {T} antes del {DAY}.
        {PF} presentó la hoja de ruta de {PROD}.
        Acción: {F} reserva el viaje a {LW} para el {DATE}.
        {F} comenta que en {SITE} falta personal.
        Decisión: {F} visitará al cliente en {L}.
        {F} está de vacaciones hasta el {DATE}; le cubre {F}.
        {T} tiene dudas sobre el contrato de {SAAS}.
        {F} y {F} harán entrevistas en {L} el {DAY}.
    """),
    "neg": lines(r"""
        {SITE} no estará disponible por obras hasta el {DATE}.
        El concesionario de {CAR} cambió la batería por {AMT}.
        El pedido {ORDER} se envió el {DATE}.
        {STORM} provocó retrasos en toda {COUNTRY} el {DAY}.
        Usamos {SAAS} {YEARP} y en {MONTH} nos pasamos a {SAAS}.
        {PROD} ya está disponible para todos los clientes.
        La {JOB} de {DEPT} aprobó la solicitud.
        El partido contra el {CLUB} se aplaza al {DATE}.
        El ticket {TICKET} se fusionó con {TICKET}.
        Otra vez se me ha averiado el {CAR}.
        Devolví las zapatillas {BRANDAT} el {DAY}.
        Los precios en {SHOP} subieron un {NUM} % {YEARP}.
        Restablezca su contraseña de {SAAS} antes del {DATE}.
        {SITE} gestiona todas las devoluciones de {COUNTRY}.
        Exportamos a {COUNTRY} y {COUNTRY} {YEARP}.
        La factura de {AMT} vence el {DATE}.
        En {MONTH} trasladamos los servidores a {COUNTRY}.
        La oficina de la {PSTREET} reabre el {DATE}.
        La versión {PROD} corrige el error del {TICKET}.
        El equipo de {DEPT} se reúne cada {DAY} a las {TIME}.
        {MONTH} fue un mes flojo para {BRAND}.
        Hemos recibido {NUM} quejas sobre {PROD} desde {MONTH}.
        El envío a {COUNTRY} tarda {NUM} días laborables.
        {NATP} pidió un presupuesto en {MONTH}.
    """),
    "neg_chat": lines(r"""
        la daily pasa a las {TIME}
        ¿a alguien más se le ha caído {SAAS}?
        el wifi de {SITE} vuelve a fallar
        ya ha salido {PROD}
        ¿quién tiene permisos de admin en {SAAS}?
        ticket nuevo {TICKET}, ¿alguien lo coge?
        hasta el {DAY}
        viene {STORM}, mañana teletrabajo
        ¿alguien pide algo en {SHOP}?
    """),
}

FRAME = {
    "greet": ("Hola {F1}:", "Buenos días, {T1}:", "Hola {F1},", "Buenos días, {PF1}:", "Querido {F1}:", "{F1},"),
    "greet0": ("Hola:", "Hola a todos,", "Estimados señores:", "Buenos días:", "Buenas tardes,"),
    "close": ("Un saludo,", "Saludos cordiales,", "Atentamente,", "Gracias,", "Un abrazo,", "Saludos desde {L},"),
    "wrote": ("El {DATE} a las {TIME}, {PF2} <{EMAIL2}> escribió:", "{PF2} escribió:", "De: {PF2}\nEnviado: {DATE}"),
    "subject": ("Asunto: RE: pedido {ORDER}", "Asunto: Su solicitud {TICKET}", "Asunto: RV: factura {DATE}"),
    "team": ("El equipo de {DEPT}", "Atención al cliente de {BRAND}", "Soporte de {SAAS}"),
    "ticket_head": ("Ticket {TICKET} | Prioridad: alta", "[{TICKET}] Estado: abierto", "Incidencia {TICKET} – {DATE}"),
    "reporter": ("Notificado por: {PF1}", "Solicitante: {PF1} <{EMAIL1}>", "Cliente: {P1}", "Asignado a: {F1}"),
    "meeting_head": ("Acta – {DATE}", "Reunión del {DAY}, {DATE}", "Reunión semanal {DATE}"),
    "attendees": ("Asistentes", "Presentes", "Participantes"),
    "apologies": ("Excusan asistencia", "Ausentes"),
    "actions": ("Acciones", "Próximos pasos", "Acuerdos"),
    "cv_heads": ("Experiencia profesional", "Formación", "Idiomas", "Referencias", "Datos personales"),
    "review_head": ("Valoración: {STARS}/5", "Compra verificada", "5 estrellas"),
    "review_sign": ("– {F1}, {L}", "{FI1}, {L}", "{PF1}", "Publicado por {H1}", "{F1} ({L})", "– {FI1}"),
    "list_lead": lines(r"""
        Invita a {LIST}.
        ¿Puedes añadir a {LIST} a la llamada?
        {LIST} se unirán el {DAY}.
        Asistentes: {LIST}
        cc {LIST}
        ¡Gracias a {LIST} por la ayuda!
        ¿Pueden {LIST} revisarlo antes del {DAY}?
        Distribución de mesas: {LIST}
    """),
    "neg_list": ("Vendemos {LIST}.", "Hemos comparado ofertas de {LIST}.", "Preselección: {LIST}"),
    "and": ("y", "&", "y"),
    "speakers": ("agente", "llamante", "clienta", "operador", "hablante 1", "hablante 2"),
    "uh": ("eh", "este", "pues", "o sea", "bueno", "mmm"),
    "status": ("abierto", "pagado", "enviado", "cancelado", "pendiente"),
    "to": ("Para:", "Destinatario:", "A la atención de", "Entregar a:", "c/o"),
}
FORM = {
    "name": "Nombre", "first": "Nombre", "last": "Apellidos", "street": "Dirección", "zip": "Código postal",
    "city": "Ciudad", "country": "País", "email": "Correo electrónico", "phone": "Teléfono",
    "dob": "Fecha de nacimiento", "msg": "Mensaje", "order": "N.º de pedido", "town": "Localidad",
}  # fmt: skip
CSV = {"first": "nombre", "last": "apellidos", "name": "nombre_completo", "city": "ciudad", "email": "email",
       "phone": "telefono", "country": "pais", "id": "id_cliente", "amount": "importe", "date": "fecha",
       "status": "estado", "product": "producto"}  # fmt: skip
