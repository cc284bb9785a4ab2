# Porthole's words in Spanish. Every file has every key of en.ftl, with the
# same variables; the build checks it (crates/text/build.rs).

## The panel: sent to it as JSON with the page, so each key is its name there.

widget-title = Soporte
widget-greeting = ¡Hola! ¿Dudas o problemas? Abre una solicitud y te responderemos aquí.
widget-connecting = Conectando…
widget-loading = Cargando…
widget-retry = Reintentar
widget-close = Cerrar soporte
widget-back = Volver a tus solicitudes
widget-new-ticket = Nueva solicitud
widget-your-tickets = Tus solicitudes
widget-subject = Asunto
widget-description = Descripción
widget-description-hint = ¿Qué ocurrió y qué esperabas?
widget-type-label = Tipo
widget-type-none = Elige un tipo (opcional)
widget-category = Categoría
widget-category-none = Elige una categoría (opcional)
widget-submit = Enviar solicitud
widget-reply = Responder
widget-reply-placeholder = Escribe una respuesta…
widget-send = Enviar
widget-you = Tú
widget-support-team = Soporte
widget-unread = Respuesta nueva
widget-subject-required = Ponle un asunto a tu solicitud.
widget-reply-required = Escribe algo primero.
widget-too-long = Máximo { $n } caracteres.
widget-network-error = No pudimos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.
widget-session-ended = Tu sesión de soporte ha terminado. Recarga la página para volver a entrar.
widget-closed-note = Esta solicitud está cerrada. Abre una nueva si necesitas más ayuda.
widget-just-now = ahora mismo
widget-minutes-ago = hace { $n } min
widget-hours-ago = hace { $n } h
widget-days-ago = hace { $n } d
widget-faq-heading = Antes de preguntar
widget-resolution = Resolución
widget-mark-solved = Marcar como resuelta
widget-more = Mostrar solicitudes anteriores
widget-err-ticket-closed = Esta solicitud está cerrada y no admite más respuestas. Abre una nueva si necesitas más ayuda.
widget-err-rate-limited = Has abierto muchas solicitudes en la última hora. Espera un poco o responde a una de las que ya tienes.
widget-err-not-found = No encontramos esta solicitud.
widget-err-invalid = Algo del formulario no se aceptó. Revísalo e inténtalo de nuevo.
widget-err-generic = Algo falló por nuestra parte. Inténtalo de nuevo.
widget-email-us = Escríbenos a
widget-statuses =
    .open = Abierta
    .in-progress = En curso
    .waiting = En espera
    .resolved = Resuelta
    .closed = Cerrada
widget-types =
    .support-request = Solicitud de soporte
    .general-inquiry = Consulta general
    .bug-report = Informe de error
    .feature-request = Sugerencia

## The portal and signed-iframe pages, beyond the panel's words.

page-powered-by = Con la tecnología de Porthole
page-months =
    .jan = ene
    .feb = feb
    .mar = mar
    .apr = abr
    .may = may
    .jun = jun
    .jul = jul
    .aug = ago
    .sep = sept
    .oct = oct
    .nov = nov
    .dec = dic
page-landing-intro = ¿En qué podemos ayudarte? Abre una solicitud o sigue una que ya abriste.
page-submit-a-ticket = Abrir una solicitud
page-submit-hint = Cuéntanos qué ocurre. Recibirás una referencia y un enlace para seguir tu solicitud.
page-track-a-ticket = Seguir una solicitud
page-track-hint = Cada solicitud tiene su propio enlace de seguimiento, que se muestra al enviarla. Guárdalo o añade a favoritos la página que abre: así sigues la solicitud y respondes.
page-name = Nombre
page-email = Correo
page-submitted-title = Solicitud recibida
page-submitted = Gracias. Hemos recibido tu solicitud. Guarda esta referencia y el enlace de seguimiento de abajo: así sigues la solicitud y lees nuestra respuesta.
page-track = Seguir la solicitud
page-submit-another = Abrir otra
page-status = Estado
page-conversation = Conversación
page-no-messages = Aún no hay mensajes.
page-send-reply = Enviar respuesta
page-link-invalid-title = Este enlace ha caducado
page-link-invalid = Los enlaces de seguimiento sirven durante 30 días. Si el tuyo ha caducado, envía una nueva solicitud e indica tu referencia.
page-not-signed-in-title = Vuelve a entrar
page-not-signed-in = Tu sesión de soporte ha terminado. Recarga la página de origen para continuar.
page-verify-failed-title = No pudimos confirmar tu identidad
page-verify-failed = Recarga la página de la que vienes. Si vuelve a ocurrir, cierra sesión y vuelve a entrar, o contacta con soporte.
page-rate-limited-title = Espera un poco, por favor
page-rate-limited =
    { $n ->
        [one] Has enviado muchas solicitudes en la última hora. Inténtalo de nuevo en un minuto o responde a una de tus solicitudes.
       *[other] Has enviado muchas solicitudes en la última hora. Inténtalo de nuevo en { $n } minutos o responde a una de tus solicitudes.
    }
page-already-sent-title = Este formulario ya se envió
page-already-sent = Ya se envió con otro contenido. Abre un formulario nuevo para enviar otra solicitud.
page-not-found-title = No encontrado
page-not-found = Aquí no hay nada. Revisa la dirección o vuelve al sitio de soporte.
page-bad-request-title = Algo falló en esa petición
page-forbidden-title = No permitido
page-forbidden = Esta página no se puede usar desde aquí.
page-error-title = Algo salió mal
page-error = Algo salió mal por nuestra parte. Inténtalo de nuevo.
page-fix-below = Revisa los campos marcados abajo.
page-required = Este campo es obligatorio.
page-invalid-email = No es una dirección de correo válida.
page-invalid-choice = Elige una de las opciones de la lista.
page-invalid-characters = Contiene caracteres que no podemos aceptar.
page-faq-back = Volver al formulario
page-fresh-link-hint = ¿Perdiste tu enlace? Escribe tu correo y la referencia de la solicitud y te enviaremos uno nuevo.
page-fresh-link-button = Enviarme un enlace
page-fresh-link-sent-title = Revisa tu bandeja de entrada
page-fresh-link-sent = Si esa referencia corresponde a una solicitud de esa dirección, te hemos enviado un nuevo enlace de seguimiento.
page-reference-label = Referencia (como TKT-0042)
page-unsubscribe-title = ¿Dejar de recibir correos sobre tus solicitudes?
page-unsubscribe-confirm = Dejar de recibir estos correos
page-unsubscribed = Hecho: no recibirás más correos sobre tus solicitudes. Las confirmaciones de nuevas solicitudes siguen llegando.
page-kb-title = Artículos de ayuda
page-kb-search-label = Buscar en los artículos de ayuda
page-kb-search = Buscar
page-kb-none = Ningún artículo coincide. Puedes enviar una solicitud.
page-kb-all = Todos los artículos
page-kb-before-writing = Antes de escribir, quizá la respuesta ya esté aquí:
page-rate-title = ¿Qué tal lo hicimos?
page-rate-hint = Valora la respuesta de 1 (mala) a 5 (excelente).
page-rate-comment = ¿Algo que añadir? (opcional)
page-rate-send = Enviar valoración
page-attach = Adjuntar archivos (opcional)
page-attach-hint = Hasta 3 archivos de 10 MB: imágenes (JPEG, PNG, GIF, WebP), PDF, texto, CSV, Word o Excel.
page-attach-too-many = Adjunte como máximo 3 archivos.
page-attach-refused = «{ $n }» no se puede adjuntar.
page-attach-uploading = Subiendo…
page-attach-remove = Quitar
page-attach-wait = Acaba de enviar muchos archivos. Inténtelo de nuevo en unos minutos.
page-attachments = Archivos adjuntos
page-rated = Gracias por tu valoración.

## Emails. { $who } stands for a person or address, { $brand } for the company.

mail-received = Hemos recibido su solicitud y le responderemos pronto.
mail-reference = Su referencia
mail-follow = Seguir su solicitud
mail-link-valid = Este enlace es válido durante 30 días.
mail-replied = { $who } respondió a su solicitud:
mail-team-replied = Nuestro equipo respondió a su solicitud:
mail-reply-in-widget = Responder en el panel de soporte
mail-reply-by-email = También puede responder a este correo.
mail-resolved = Su solicitud se ha marcado como resuelta.
mail-files-attached = Esta respuesta tiene archivos adjuntos: abra la solicitud para descargarlos.
mail-reopen-hint = Si algo sigue sin funcionar, responda y la retomaremos.
mail-reopen-on-page = Si algo sigue sin funcionar, responda en la página de la solicitud y la retomaremos.
mail-fresh-link = Aquí tiene un enlace nuevo a su solicitud.
mail-team-new-ticket = Nueva solicitud de { $who }:
mail-team-customer-reply = { $who } respondió:
mail-team-escalated = Esta solicitud de { $who } lleva demasiado tiempo esperando a un agente:
mail-why = Recibe este mensaje porque contactó con el soporte de { $brand }.
mail-unsubscribe = No recibir más correos como este
mail-rate-button = Valorar la respuesta
mail-rate-link-valid = Este enlace es válido durante 7 días.

## The launcher's accessible name, and with unread replies.

open-support = Abrir soporte
open-support-unread = Abrir soporte, { $n } sin leer

## La consola de los agentes: su aplicación y sus páginas de acceso, invitación y seguridad.

console-title = Consola
console-loading-console = Cargando la consola…
console-needs-js = La consola necesita JavaScript. Sus tickets también están en la API de agentes y en la CLI porthole.
console-not-built-title = Consola sin compilar
console-not-built = La consola no está compilada. Ejecute scripts/build-widget.sh.
console-nav = Consola
console-inbox = Bandeja de entrada
console-reports = Informes
console-articles = Artículos
console-settings = Ajustes
console-profile-link = Su nombre y su foto
console-availability = Si se le asignan tickets nuevos por turnos
console-available = Disponible
console-away = Ausente
console-security = Seguridad
console-sign-out = Cerrar sesión
console-roles =
    .admin = Administrador
    .agent = Agente
console-statuses =
    .open = Abierto
    .in-progress = En curso
    .waiting = En espera
    .resolved = Resuelto
    .closed = Cerrado
console-priorities =
    .low = Baja
    .medium = Media
    .high = Alta
    .urgent = Urgente
console-channels =
    .widget = Widget
    .portal = Portal
    .embed = Iframe firmado
    .email = Correo
console-authors =
    .user = Cliente
    .agent = Agente
console-units =
    .second = s
    .minute = min
    .hour = h
    .day = d

console-unreachable = No se pudo contactar con Porthole. Inténtelo de nuevo.
console-server-answered = El servidor respondió { $n }.
console-unreadable-answer = No se pudo leer la respuesta del servidor.
console-unwritable-request = No se pudo escribir la solicitud.
console-unreadable-file = No se pudo leer el archivo.

console-loading = Cargando…
console-ticket-count =
    { $n ->
        [one] { $n } ticket
       *[other] { $n } tickets
    }
console-ticket-count-capped = { $n }+ tickets
console-views = Vistas
console-folders =
    .mine = Míos
    .unassigned = Sin asignar
    .all = Todos
    .open = Abiertos
    .waiting = En espera
    .urgent = Urgentes
    .resolved = Resueltos
console-search-label = Buscar en asuntos, mensajes y notas
console-search = Buscar
console-upset-first = Los más molestos primero (sentimiento, según el léxico VADER)
console-col-subject = Asunto
console-col-customer = Cliente
console-col-mood = Ánimo
console-col-status = Estado
console-col-priority = Prioridad
console-col-assignee = Asignado a
console-col-updated = Actualizado
console-load-more = Cargar más
console-keys-hint = Teclas: j y k para moverse, Intro para abrir, / para buscar.
console-moods =
    .very-negative = muy negativo
    .negative = negativo
    .positive = positivo
console-vader-score = Puntuación compuesta VADER { $score }
console-category = Categoría
console-priority-label = Prioridad
console-any = Cualquiera

console-back-to-inbox = ← Bandeja de entrada
console-saved = Guardado.
console-write-first = Escriba algo o adjunte primero un archivo.
console-note-added = Nota añadida.
console-reply-sent = Respuesta enviada.
console-is-writing = { $name } está escribiendo una respuesta…
console-is-viewing = { $name } está viendo este ticket.
console-via = por { $channel } · abierto el { $time }
console-reply = Responder
console-markdown-hint = Markdown: **negrita**, _cursiva_, [un enlace](https://…), listas. Un salto de línea sigue siendo un salto de línea.
console-attach = Adjuntar archivos (imágenes, PDF, texto, CSV, Word, Excel; 10 MB cada uno, hasta 5)
console-attached-files = Archivos adjuntos
console-remove = Quitar
console-remove-named = Quitar { $name }
console-internal-note = Nota interna (el cliente nunca la ve)
console-internal-mark = nota interna
console-then-status = Después, poner el estado en
console-leave-it = (sin cambios)
console-send = Enviar
console-ctrl-enter = Ctrl+Intro envía.
console-preview = Vista previa
console-preview-label = Vista previa: cómo se leerá
console-ticket-details = Detalles del ticket
console-not-delivered = Correos no entregados
console-copied = En copia
console-copy-someone = Poner a alguien en copia
console-add = Añadir
console-rating = Valoración
console-score = { $n } / 5
console-ticket = Ticket
console-status-label = Estado
console-none = (ninguna)
console-assignee = Asignado a:
console-nobody = nadie
console-assign-to-me = Asignármelo
console-unassign = Quitar asignación
console-resolution-label = Resolución (el cliente la ve una vez resuelto)
console-save-resolution = Guardar la resolución
console-customer = Cliente
console-plan = Plan: { $plan }
console-value = Valor: { $value }
console-their-other-tickets = Sus otros tickets

console-settings-saved = Guardado. El widget lo muestra la próxima vez que se abra.
console-appearance = Apariencia
console-widget-title = Título del widget
console-greeting = Saludo con la lista de tickets vacía
console-brand-name = Nombre de marca en las páginas
console-brand-colour = Color de marca
console-launcher = Botón de apertura
console-bottom-right = Abajo a la derecha
console-bottom-left = Abajo a la izquierda
console-launcher-preview = Vista previa del botón de apertura en una página
console-launcher-caption = La cabecera del panel y el botón de apertura, en su color
console-save-appearance = Guardar la apariencia
console-forms = Formularios de ticket nuevo
console-categories-label = Categorías, separadas por comas
console-faqs-label = Preguntas frecuentes, una por línea: pregunta | respuesta (cinco como máximo)
console-save-forms = Guardar los formularios
console-faq-needs-bar = «{ $line }» necesita un | entre la pregunta y la respuesta.
console-faq-at-most = Cinco preguntas frecuentes como máximo.
console-cap-whole = El límite es un número entero.
console-minutes-whole = Los minutos son un número entero.
console-routing = Asignación y correo
console-auto-assign = Dar los tickets nuevos a los agentes disponibles por turnos
console-cap-label = …pero no a un agente que ya tenga este número de tickets abiertos (vacío: sin límite)
console-escalate-label = Avisar por correo a los administradores de un ticket sin asignar o sin respuesta tras este número de minutos (vacío: nunca)
console-notify-label = Dirección del equipo para tickets nuevos y respuestas
console-host-label = Página de su sitio donde está el widget
console-auto-response = Responder a los correos que abren un ticket con un enlace al widget
console-save-routing = Guardar la asignación
console-origins-saved = Guardado. Las sesiones de un origen eliminado han terminado.
console-origins = Orígenes permitidos
console-origins-label = Sitios que pueden incrustar el widget, uno por línea (https://app.example.com)
console-save-origins = Guardar los orígenes
console-rotated = Renovado. Ponga el nuevo secreto en su backend ahora: solo se muestra una vez.
console-identity-secret = Secreto de identidad
console-secret-made = Creado el { $time }
console-previous-verifies = el anterior sigue valiendo hasta el { $time }
console-grace-label = Horas que el secreto anterior sigue funcionando
console-rotate = Renovar el secreto
console-new-secret = Secreto nuevo:
console-invited-emailed = { $email } invitado; el enlace está en su bandeja de entrada.
console-invited-link = { $email } invitado. El correo está desactivado: dele este enlace, válido 7 días: { $url }
console-team = Equipo
console-make-role = Hacer { $role }
console-invited-mark = invitado
console-away-mark = ausente
console-invite-label = Invitar por correo
console-invite-name = Su nombre (los clientes lo ven)
console-role-label = Rol
console-role-agent-option = Agente: trabaja tickets y artículos
console-role-admin-option = Administrador: también ajustes, orígenes, el secreto y el equipo
console-invite = Invitar
console-embed = Integración
console-embed-hint = Péguelo en el { $head } de su sitio y luego llame a init con el correo firmado de cada usuario (vea el README).

console-inbound-made = Creado. Déselo ahora a su proveedor de correo: solo se muestra una vez, y el anterior ya no funciona.
console-email = Correo
console-sending-on = Envío: activado, desde { $from }.
console-sending-off = Envío: desactivado. Inicie el servidor con --smtp-url y --mail-from para enviar respuestas, confirmaciones e invitaciones por correo.
console-replies-on = Respuestas por correo: activadas. Los clientes pueden responder a cualquier correo para continuar el ticket.
console-replies-off = Respuestas por correo: desactivadas (la opción --inbound-address del servidor las activa).
console-inbound-set = Tickets por correo: haga que su proveedor de correo envíe los mensajes en bruto a { $url } con el secreto de entrada del espacio de trabajo.
console-inbound-unset = Tickets por correo: haga que su proveedor de correo envíe los mensajes en bruto a { $url } con un secreto de entrada; aún no hay ninguno, así que no se recibe nada.
console-make-inbound = Crear un secreto de entrada nuevo
console-inbound-secret = Secreto de entrada:
console-undelivered = No entregados
console-given-up = abandonado el { $time }
console-tried-again = se reintenta el { $time }
console-attempts-count =
    { $n ->
        [one] { $n } intento
       *[other] { $n } intentos
    }
console-undelivered-line = ({ $about }): { $reason } tras { $attempts }; { $fate }

console-webhook-added-secret = { $url } añadido. Su secreto de firma, mostrado una sola vez: { $secret }
console-webhook-added = { $url } añadido.
console-webhooks = Webhooks
console-every-event = todos los eventos
console-turned-off = desactivado: { $reason }
console-deliveries = Entregas
console-latest-deliveries = Últimas entregas
console-event = Evento
console-attempts = Intentos
console-state = Estado
console-delivered = entregado
console-failed = fallido: { $error }
console-retrying = reintentando (última respuesta { $status })
console-waiting = en espera
console-send-again = Volver a enviar
console-add-endpoint = Añadir un destino
console-kind = Tipo
console-kind-standard = JSON firmado (Standard Webhooks)
console-kind-slack = Webhook entrante de Slack

console-key-made = Clave para { $name } ({ $role }), mostrada una sola vez: { $key }
console-api-keys = Claves de API
console-never = nunca
console-last-used = último uso { $time }
console-revoked = revocada { $time }
console-revoke = Revocar
console-revoke-named = Revocar la clave de { $name }
console-new-key-for = Clave nueva para
console-make-key = Crear la clave

console-period = Periodo
console-last-days = Últimos { $n } días
console-download-csv = Descargar CSV
console-first-response = Primera respuesta
console-median = Mediana
console-p90 = Percentil 90
console-answered =
    { $n ->
        [one] { $n } ticket respondido
       *[other] { $n } tickets respondidos
    }
console-resolution = Resolución
console-resolutions =
    { $n ->
        [one] { $n } resolución
       *[other] { $n } resoluciones
    }
console-satisfaction = Satisfacción
console-average = Media
console-ratings =
    { $n ->
        [one] { $n } valoración
       *[other] { $n } valoraciones
    }
console-deflection = Autoservicio
console-rate = Tasa
console-deflection-detail = Lecturas de artículos: { $reads } · sin ticket después: { $served } · tickets abiertos: { $opened }
console-day-bar = { $date }: abiertos { $opened }, resueltos { $resolved }
console-chart-opened = abiertos
console-chart-resolved = resueltos, cada día
console-numbers = Las cifras
console-day = Día
console-opened = Abiertos
console-resolved = Resueltos

console-article-published = «{ $title }» publicado.
console-article-draft = «{ $title }» guardado como borrador.
console-knowledge-base = Base de conocimiento
console-published-mark = publicado
console-draft-mark = borrador
console-views-count =
    { $n ->
        [one] { $n } lectura
       *[other] { $n } lecturas
    }
console-open = Abrir
console-edit = Editar
console-delete = Eliminar
console-edit-article = Editar el artículo
console-new-article = Artículo nuevo
console-article-title = Título
console-article-text = Texto (Markdown: **negrita**, listas, [enlaces](https://…))
console-published = Publicado
console-save-article = Guardar el artículo

console-your-profile = Su perfil
console-profile-hint = Los clientes ven su nombre y su foto junto a sus respuestas.
console-name-saved = Guardado. Sus próximas respuestas llevan este nombre.
console-name = Nombre
console-shown-to-customers = Visible para los clientes
console-save-name = Guardar el nombre
console-picture-changed = Su foto ha cambiado.
console-picture-removed = Su foto se ha quitado.
console-picture = Foto
console-your-picture = Su foto
console-remove-picture = Quitar la foto
console-no-picture = Aún no hay foto: los clientes solo ven su nombre.
console-choose-picture = Elegir una foto (JPEG, PNG, GIF o WebP, 1 MB como máximo)
console-language = Idioma de la consola
console-language-browser = El de su navegador

console-sign-in-title = Acceder
console-sign-in-heading = Acceder a la consola
console-workspace = Espacio de trabajo
console-password = Contraseña
console-code-label = Código de su aplicación de autenticación (si la activó)
console-sign-in = Acceder
console-new-to-team = ¿Es nuevo en el equipo? Abra el enlace de invitación que le dio un administrador, por correo o de otro modo, para elegir su contraseña.
console-too-many-attempts = Demasiados intentos de acceso desde aquí. Espere diez minutos e inténtelo de nuevo.
console-refused = Estos datos no corresponden a ningún agente. Revise el espacio de trabajo, el correo, la contraseña y, si lo activó, el código de su aplicación de autenticación. Tras cinco intentos fallidos, el acceso a una cuenta se pausa durante 15 minutos.
console-code-used = Ese código ya se usó. Espere al siguiente.

console-invitation-gone-title = Invitación no encontrada
console-invitation-gone-heading = Esta invitación no se puede usar
console-invitation-gone = Ya se usó, caducó (las invitaciones duran 7 días) o fue sustituida por una más reciente. Pida a un administrador de su espacio de trabajo que le invite de nuevo.
console-join-title = Unirse al equipo
console-join-heading = Unirse a { $workspace } en Porthole
console-invited-as = Le invitaron como { $email } ({ $role }). Elija una contraseña para acceder.
console-new-password = Contraseña (al menos { $n } caracteres)
console-password-again = La misma contraseña otra vez
console-set-password = Elegir la contraseña y acceder
console-password-too-short = Elija otra contraseña: al menos { $n } caracteres; unas cuantas palabras hacen una buena contraseña.
console-password-too-long = Elija otra contraseña: { $n } caracteres como máximo.
console-password-is-email = Elija otra contraseña: no puede ser su dirección de correo.
console-passwords-differ = Las dos contraseñas no son iguales.

console-back-to-console = ← Volver a la consola
console-two-step = Acceso en dos pasos
console-two-step-on = Activado: el acceso pide un código de su aplicación de autenticación.
console-code-to-turn-off = Un código actual, para desactivarlo
console-turn-off = Desactivar
console-two-step-off = Desactivado. Añada esta clave a una aplicación de autenticación (1Password, Google Authenticator, Aegis…) y escriba el código que muestre.
console-key = Clave:
console-or-open = O abra:
console-code-from-app = Código de la aplicación
console-turn-on = Activar
console-sessions = Sesiones
console-sign-out-everywhere = Cerrar sesión en todas partes
console-code-mismatch-on = Ese código no corresponde a la clave. Revise la hora de la aplicación y pruebe el código siguiente.
console-code-mismatch-off = Ese código no corresponde. Sigue activado.
