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
