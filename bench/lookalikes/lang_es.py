"""Spanish (es_ES): hard-negative words, PII-free and PII templates by style."""

from __future__ import annotations

WORDS: dict[str, tuple[str, ...]] = {
    "holiday": ("Semana Santa", "Reyes", "San Juan", "la Fiesta Nacional", "Sant Jordi", "la Inmaculada",
                "Todos los Santos", "Nochebuena", "Corpus Christi", "San Isidro", "la Diada", "Pentecostés",
                "la fiesta del Pilar", "San Fermín", "las Fallas", "Nochevieja"),
    "storm": ("borrasca Filomena", "borrasca Gloria", "borrasca Juliette", "borrasca Karlotta", "borrasca Aline",
              "borrasca Bernard", "borrasca Ciarán", "borrasca Óscar", "borrasca Efraín", "borrasca Hortense",
              "borrasca Denise", "borrasca Celia", "borrasca Louis"),
    "landmark": ("la estación de Atocha Almudena Grandes", "el aeropuerto Adolfo Suárez Madrid-Barajas",
                 "el estadio Santiago Bernabéu", "el Museo Reina Sofía", "el Museo Picasso", "la plaza de Cervantes",
                 "la estación de Colón", "el aeropuerto Josep Tarradellas", "la estación Joaquín Sorolla",
                 "el estadio Ramón Sánchez-Pizjuán", "el Palau Sant Jordi", "la Puerta del Sol", "la estación de Sants",
                 "el parque del Retiro", "el Museo Guggenheim", "la plaza de Isabel II", "el Mercado de San Miguel",
                 "la estación María Zambrano", "el puente de Isabel II", "la estación de Chamartín Clara Campoamor"),
    "ocity": ("Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga", "Zaragoza", "Alicante", "Murcia",
              "Valladolid", "A Coruña", "Vigo", "Palma", "Granada", "Lisboa", "Oporto", "Toulouse", "Milán"),
    "country": ("Italia", "Francia", "Portugal", "Alemania", "Bélgica", "Suiza", "Austria", "Polonia", "Marruecos",
                "Irlanda", "México"),
    "nat": ("alemanes", "franceses", "italianos", "portugueses", "neerlandeses", "belgas", "suizos", "polacos",
            "británicos", "irlandeses"),
    "langinto": ("al italiano", "al francés", "al catalán", "al euskera", "al gallego", "al inglés", "al portugués",
                 "al alemán", "al neerlandés"),
    "job": ("Responsable de compras", "Responsable de logística", "Director financiero", "Técnico de soporte",
            "Delegado de protección de datos", "Key account manager", "Responsable de almacén",
            "Dirección de operaciones", "Administrativo de contabilidad", "Jefe de proyecto IT",
            "Coordinación de eventos", "Responsable de RR. HH."),
    "dept": ("Contabilidad", "Atención al cliente", "Compras", "Recursos Humanos", "Logística", "Asesoría jurídica",
             "Calidad", "Mantenimiento", "Soporte IT", "Marketing", "Nóminas", "Dirección comercial"),
    "music": ("la Novena de Beethoven", "el Réquiem de Mozart", "Las cuatro estaciones de Vivaldi",
              "el Concierto de Aranjuez", "unos nocturnos de Chopin", "la Carmen de Bizet"),
    "numword": ("dos", "tres", "cuatro", "cinco", "seis", "ocho", "diez", "doce", "quince", "veinte", "treinta",
                "cuarenta y cinco", "cien", "doscientos cincuenta", "diecinueve"),
    "saytime": ("las nueve y media", "las diez", "las tres menos cuarto", "eso de las dos", "las once y media",
                "las cuatro de la tarde", "mediodía"),
    "greet": ("Hola a todos", "Hola equipo", "Estimados señores", "Buenos días", "Estimado cliente",
              "Buenas tardes"),
    "signoff": ("Un saludo", "Saludos cordiales", "Atentamente", "Gracias de antemano", "Un abrazo", "Saludos"),
    "teamsig": ("El equipo de Atención al cliente", "Departamento de Contabilidad", "Soporte IT Europa",
                "El equipo de Release", "Logística y Envíos", "El equipo de Eventos"),
    "rating": ("5/5", "4 estrellas de 5", "★★★★☆", "Nota: 3/5", "2 estrellas"),
    "handle": ("@Renfe", "@Mercadona", "@elcorteingles", "@ZARA", "@Iberia", "@SEAT", "@Decathlon_ES", "@Mango",
               "@Movistar_es", "@CaixaBank", "@Correos", "@Inditex", "@Mahou_es"),
}  # fmt: skip

FREE: dict[str, tuple[str, ...]] = {
    "chat": (
        "¿alguien sabe si en la oficina de {ocity} quedan cargadores del {device}? el mío murió en la daily de {tool}"
        "\ny la {storm} llega el {weekday}, creo que teletrabajo",
        "pregunta rápida: ¿la integración de {saas} sigue mandando a {saas2} después de la {version}? los de "
        "{dept} dicen que no llega nada desde las {time}",
        "¿comemos en el bar que hay en la estación? tienen tiramisú de {food} 😄 somos {num} de {dept}",
    ),
    "email": (
        "{greet}:\n\nOs recuerdo que la oficina de {ocity} cierra por {holiday}. Los envíos de la cuenta {company} "
        "irán a nuestro almacén de {ocity2} y el pedido {order} sale el {date}.\n\nSi hay algo urgente, abrid un "
        "ticket en {saas}.\n\n{signoff},\n{teamsig}",
        "Asunto: colección de primavera de {fashion} - reparto\n\n{greet}:\n\nLas líneas de {fashion} y {fashion2} "
        "llegan al centro logístico de {ocity} en {month}. Las tiendas para clientes {nat} reciben el {pct} de la "
        "primera entrega; el resto va a {country}.\n\nReferencias: {sku}, {sku2}, {sku3}\n\n{signoff},\n{teamsig}\n"
        "{dept} | {company}",
        "{greet}:\n\nGracias por su pedido {order} del {date}. Su {device} ha salido de nuestro almacén de {ocity} "
        "con el número de seguimiento {tracking}.\n\nTambién puede preguntar a {assistant}: «¿Dónde está mi "
        "paquete?»\n\n{signoff},\nAtención al cliente de {shop}",
    ),
    "transcript": (
        "vale el {l_carmodel} tiene la revisión el {l_weekday} a {saytime} le dejamos un {l_carmodel2} de cortesía "
        "y la factura saldrá por unos {numword} euros",
        "sí con la {l_storm} el almacén de {l_ocity} estuvo cerrado {numword} días y todos los envíos de {l_shop} "
        "se pasaron al {l_weekday}",
        "{l_assistant} pon un temporizador de {numword} minutos y luego pon {music} en el {l_device}",
    ),
    "log": (
        "{ts} INFO  servicio-pedidos pedido={order} articulo={sku} uds={num} almacen={u_ocity} envio={tracking}\n"
        '{ts2} WARN  servicio-pedidos pedido={order} validacion_direccion=OMITIDA motivo="cliente empresa '
        '{company}"',
        '{"ts":"{ts}","nivel":"ERROR","servicio":"pagos","host":"{host}","ruta":"{path}","latencia_ms":{ms},'
        '"traza":"{traceid}","mensaje":"el proveedor {saas} no responde"}',
        "[{logtime}] {tool} tarea=export-nocturno estado=OK filas={big} destino=s3://export-{sitecode}/{isodate}/\n"
        "[{logtime2}] {tool} tarea=export-nocturno WARN codificación no definida, se usa UTF-8",
    ),
    "csv": (
        "referencia;descripcion;almacen;stock\n{sku};{device};{ocity};{count}\n{sku2};{device2};{ocity2};{count2}\n"
        "{sku3};cofre de techo {carmodel};{ocity};{count3}",
        "fecha;tienda;ciudad;ventas;devoluciones\n{isodate};{shop} Centro;{ocity};{amount};{num}\n{isodate2};{shop2} "
        "Estación;{ocity2};{amount2};{num2}",
        "ticket;creado;cola;equipo;asunto\n{ticket};{isodate};{dept};{dept2};SSO de {saas} roto desde {version}\n"
        "{ticket2};{isodate2};{dept};{dept3};Abono pedido {order} ({shop})",
    ),
    "ticket": (
        "Ticket {ticket}: falla la sincronización con {saas}\nPrioridad: alta | Cola: {dept}\n\nDesde la {version} "
        "el conector de {saas} se para tras {count} registros. Afecta a las sedes de {ocity} y {ocity2}. Reproducido "
        "en un {device}. Registros en {path}.",
        "Asunto: repuesto para lavavajillas {appliance}\nN.º de cliente: {custid}\nModelo {sku}, comprado en {shop} "
        "el {date}. Error E24 tras {num} semanas. Servicio técnico de {ocity}. Visita preferible un {weekday} por "
        "la mañana.",
        "Error: la skill de {assistant} pronuncia «{carmodel}» como «{carmaker}»\nPasos: preguntar por el {shop} "
        "más cercano y luego por el horario de {holiday}.\nEsperado: el horario. Obtenido: HTTP 500 en {path}. "
        "Build {build}.",
    ),
    "meeting_notes": (
        "Acta de la reunión semanal, {longdate}\nAsistentes: {dept}, {dept2}, {dept3}\n- Contrato {company}: "
        "renovación en {month}, lo revisa Asesoría jurídica\n- El traslado del almacén de {ocity} se retrasa por "
        "la {storm}\n- Licencias de {saas}: {count} puestos, se reducirán\nAcción: {dept} envía la previsión antes "
        "de {holiday}.",
        "Retro del sprint {num}\nBien: paneles de {tool}, {tool2} actualizado a {version}\nA mejorar: el relevo de "
        "guardias con el equipo de {ocity}; tests inestables en el checkout ({pct} de fallos)\nAcción: el {job} se "
        "encarga del runbook",
        "Preparación {fair}\n- Stand en {venue}, pabellón {num}\n- Demos: {device}, {device2}\n- Prensa de "
        "{country} el primer día\n- Presupuesto {amount}; quedamos en {landmark}",
    ),
    "changelog": (
        "## {version} ({isodate})\n### Novedades\n- Conectores de {saas} y {saas2}\n- Interfaz traducida {langinto}"
        "\n### Correcciones\n- Se mostraba {month} en lugar del mes elegido a los clientes {nat}\n- Cierre "
        "inesperado en el {device} con los atajos de {assistant}",
        "Notas de la versión {version}\n* Soporte para {device} y {device2}\n* Nueva región {region}\n* Las "
        "exportaciones incluyen el EAN (p. ej. {ean})\n* Corregido: las facturas de {company} mostraban {amount} "
        "dos veces",
        "{version}: {tool} sube a {version2}; se retira el soporte de {device}; webhooks de {saas} movidos a {path}; "
        "cola {u_sitecode}-PEDIDOS renombrada",
    ),
    "news": (
        "La {storm} dejó el {weekday} rachas de hasta {speed} km/h. {company} informó de que su planta de {ocity} "
        "seguirá cerrada hasta el {date}. Los trenes desde {landmark} acumularon hasta {num} horas de retraso.",
        "El {carmodel} se fabrica en {ocity} desde {year}. A partir de {month} la planta también montará "
        "baterías para {carmaker}, con {count} empleos nuevos, según la empresa.",
        "La feria {fair} abrió el {weekday} en {venue} con {big} visitantes previstos. Los expositores de {country} "
        "ocupan el {pct} de la superficie; {maker} y {maker2} presentan sus nuevas gamas.",
    ),
    "review": (
        "{rating} Compré el {device} en {shop} por {amount}. La batería dura {num} días y {assistant} va bien, pero "
        "el menú traducido {langinto} tiene erratas. Lo volvería a comprar.",
        "Buena selección de productos {food}, pero la tienda de {shop} de la estación volvía a no tener {food2} "
        "el {weekday}. "
        "Personal amable. 3/5",
        "Alquilamos un {carmodel} una semana en {country}. Conducción suave, un {pct} menos de consumo que nuestro "
        "viejo {carmodel2}. Pero la recogida en {landmark} tardó {count} minutos. {rating}",
    ),
    "invoice": (
        "FACTURA {invoice}\nFecha: {date}    N.º cliente: {custid}\nNIF: {vatid}\n\n{num} x {device}   {amount}\n"
        "1 x garantía ampliada {appliance}   {amount2}\nEnvío (plataforma de {ocity})   {amount3}\n\nPago a 30 días. "
        "Referencia del mandato: {refiban}",
        "Confirmación del pedido {order}\nAbrigo de lana {fashion}, talla 38   {amount}\nBufanda {fashion2}   "
        "{amount2}\nRecogida: {shop} Click & Collect, {ocity}\nPrevisto el {date}. Consultas: expediente "
        "{refphone}.",
        "Abono {invoice} del pedido {order}: {num} cajas regalo {food} devueltas al almacén de {ocity}, reembolso "
        "de {amount} el {date}.",
    ),
    "calendar": (
        "{longdate}\n09:00 Onboarding de {saas} (sala {room})\n11:30 Revisión trimestral {company}, oficina de "
        "{ocity}\n14:00 Vuelo {flight} a {ocity2}\n{c_holiday}: oficina cerrada",
        "Recordatorio: {fair}, {venue}, {daterange}. {train} desde {ocity} a las {time}. Montaje del stand: {dept}.",
        "Fuera de la oficina {daterange} ({holiday}). Urgencias de {saas}: cola de {dept}.",
    ),
    "social": (
        "Recogido el {carmodel} nuevo en el concesionario 🚗 {count} km de autonomía en una mañana fría de "
        "{month}, nada mal {handle}",
        "Cola en {shop} para la colección {fashion} x {fashion2} desde las {time} 🙃 agotada en {count} minutos",
        "Opinión impopular: {assistant} pone temporizadores mejor que {assistant2}. Los del {device}, ¿me apoyáis?",
        "La {storm} ha vuelto a cortar la línea desde {landmark}, envíos de {shop} con retraso en {country}. #temporal",
    ),
}

PII: dict[str, tuple[str, ...]] = {
    "chat": (
        "vale, aquí tienes la tarjeta para el pedido de {fashion}: {card}, caduca 08/27, titular {name}",
        "ha llamado {first}, de la cuenta de {company}, [está atrapada|está atrapado] en un atasco por la {storm}. "
        "¿[la|lo] puedes llamar al {phone}?",
        "holaa soy {l_first} 👋 me mudé a {city} el mes pasado, nuevo número {phone}, el {device} viejo ha muerto",
    ),
    "email": (
        "Hola:\n\nDevolví el {device} a su almacén de {ocity} el {date} (devolución {ticket}). Por favor, "
        "reembolsen {amount} en mi cuenta:\nIBAN {iban}\nTitular: {name}\n\nGracias,\n{first}",
        "[Estimada señora|Estimado señor] {last}:\n\nGracias por su pedido {order}. Le entregaremos su {device} "
        "en:\n\n{name}\n{address_ml}\n\nSi la dirección no es correcta, responda antes del {date}.\n\nUn saludo,\n"
        "Atención al cliente de {shop}",
        "Hola, {first}:\n\nEncantado de conocerte en {fair} ({venue}). ¿Te sigue viniendo bien la prueba del "
        "{carmodel} el {weekday}?\n\nUn saludo,\n{name2}\n{job}, {company} {ocity}\nMóvil: {phone}\nCorreo: "
        "{email2}",
    ),
    "transcript": (
        "sí hola me llamo {l_name} llamo por el pedido {order} el {l_device} no ha llegado vivo en {l_street} en "
        "{l_city} y mi teléfono es el {tphone}",
        "agente {l_shop} buenos días en qué puedo ayudarle\ncliente hola soy {l_first} {l_last} me he mudado de "
        "{l_city} a {l_city2} y la dirección nueva es {l_street2} {l_postcode2}",
    ),
    "log": (
        '{ts} INFO  crm-sync contacto_actualizado id={custid} nombre="{name}" email={email} tel={phone} '
        "origen={saas}\n{ts2} WARN  crm-sync contacto duplicado {email} fusionado",
        '{"ts":"{ts}","nivel":"WARN","servicio":"pagos","evento":"mandato_sepa_creado","titular":"{name}",'
        '"iban":"{iban}","region":"{region}"}',
    ),
    "csv": (
        "beneficiario;iban;importe;concepto\n{name};{iban};{amount};{invoice}\n{name2};{iban2};{amount2};{invoice2}",
        "nombre;apellidos;email;telefono;localidad\n{first};{last};{email};{phone};{city}\n{first2};{last2};"
        "{email2};{phone2};{city2}\n{first3};{last3};{email3};{phone3};{city3}",
        "pedido;cliente;direccion;cp;localidad;marca\n{order};{name};{street};{postcode};{city};{fashion}\n"
        "{order2};{name2};{street2};{postcode2};{city2};{fashion2}",
    ),
    "ticket": (
        "Ticket {ticket}\nAbierto por: {name} <{email}>\nLa lavadora {appliance} (modelo {sku}) entregada en "
        "{address} pierde agua. [La clienta|El cliente] está en casa los {weekday} por la mañana, tel. {phone}.",
        "Devolución {ticket}: {name} devolvió la chaqueta de {fashion} en la tienda de {ocity}. El reembolso a la "
        "tarjeta {card} falló y pide una transferencia a {iban}.",
    ),
    "meeting_notes": (
        "1:1 {first} / {first2} - {date}\n- {first} vuelve después de {holiday} y trabaja desde {city} hasta "
        "{month}\n- Propuesta para {company}: la lleva {first2}, diapositivas en {saas}\n- {first} localizable en el "
        "{phone} mientras viaja",
    ),
    "changelog": (
        "## {version}\n- Corregido: la importación de {saas} perdía las tildes de los nombres (aviso de {name}, "
        "{email})\n- Corregido: maquetación del pago en el {device}\n- Gracias a {name2} por la traducción "
        "{langinto}",
    ),
    "news": (
        "{name}, de {city}, ganó el premio de diseño de {carmaker} en la feria {fair}; conducirá un {carmodel} "
        "durante un año.",
        "Cuando la {storm} inundó su calle en {city}, {name} trasladó la panadería al antiguo local de {shop} de "
        "al lado. «Perdimos {count} barras y un horno {appliance}», cuenta.",
    ),
    "review": (
        "Pedí el {device} en {shop} y llegó a {street} en dos días. El repartidor, {first2}, hasta lo subió al "
        "tercero. 5/5 - {short}, {city}",
    ),
    "invoice": (
        "FACTURA {invoice}\nCliente: {name}\n{address_ml}\nNIF: {vatid}\n\n4 neumáticos de invierno {tyre} para "
        "{carmodel}   {amount}\nMontaje   {amount2}\n\nPagado con tarjeta {card} el {date}.",
        "Pedido {order} para {name}, {email}\nEnvío a: {address}\n{num} x cesta {food}   {amount}\nMensaje: "
        "«¡Felices fiestas!»",
    ),
    "calendar": (
        "{longdate}\n10:00 Llamada con {name} ({company}), tel. {phone}\n13:00 Comida en {landmark}\n16:00 Visita "
        "al piso de {street}, {postcode}",
        "Dentista de {first} a las {time}, {street}, {city}. Luego, si la {storm} lo permite, recoger a {first2} "
        "en {landmark}.",
    ),
    "social": (
        "¡Enhorabuena a {name}, de nuestro equipo de {ocity}, por sus 10 años en {company}! 🎉 {first}, la plaza "
        "de parking del {carmodel} es tuya",
        "Perdida: cartera negra de {fashion} cerca de la estación, el {weekday}. Si la encontráis, llamad al "
        "{phone}. - {first}, {city}",
    ),
}
