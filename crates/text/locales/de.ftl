# Porthole's words in German. Every file has every key of en.ftl, with the
# same variables; the build checks it (crates/text/build.rs).

## The panel: sent to it as JSON with the page, so each key is its name there.

widget-title = Support
widget-greeting = Hallo! Fragen oder Probleme? Erstellen Sie ein Ticket und wir antworten Ihnen hier.
widget-connecting = Verbindung wird hergestellt…
widget-loading = Wird geladen…
widget-retry = Erneut versuchen
widget-close = Support schließen
widget-back = Zurück zu Ihren Tickets
widget-new-ticket = Neues Ticket
widget-your-tickets = Ihre Tickets
widget-subject = Betreff
widget-description = Beschreibung
widget-description-hint = Was ist passiert, und was hatten Sie erwartet?
widget-type-label = Art
widget-type-none = Art wählen (optional)
widget-category = Kategorie
widget-category-none = Kategorie wählen (optional)
widget-submit = Ticket senden
widget-reply = Antworten
widget-reply-placeholder = Antwort schreiben…
widget-send = Senden
widget-you = Sie
widget-support-team = Support
widget-unread = Neue Antwort
widget-subject-required = Bitte geben Sie Ihrem Ticket einen Betreff.
widget-reply-required = Schreiben Sie zuerst etwas.
widget-too-long = Höchstens { $n } Zeichen.
widget-network-error = Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
widget-session-ended = Ihre Support-Sitzung ist beendet. Laden Sie die Seite neu, um sich wieder anzumelden.
widget-closed-note = Dieses Ticket ist geschlossen. Erstellen Sie ein neues, wenn Sie weitere Hilfe brauchen.
widget-just-now = gerade eben
widget-minutes-ago = vor { $n } Min.
widget-hours-ago = vor { $n } Std.
widget-days-ago = vor { $n } Tg.
widget-faq-heading = Bevor Sie fragen
widget-resolution = Lösung
widget-mark-solved = Als gelöst markieren
widget-more = Ältere Tickets anzeigen
widget-err-ticket-closed = Dieses Ticket ist geschlossen und nimmt keine Antworten mehr an. Erstellen Sie ein neues, wenn Sie weitere Hilfe brauchen.
widget-err-rate-limited = Sie haben in der letzten Stunde viele Tickets eröffnet. Bitte warten Sie kurz oder antworten Sie auf eines Ihrer Tickets.
widget-err-not-found = Dieses Ticket wurde nicht gefunden.
widget-err-invalid = Etwas im Formular wurde nicht angenommen. Prüfen Sie es und versuchen Sie es erneut.
widget-err-generic = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.
widget-email-us = Schreiben Sie uns an
widget-statuses =
    .open = Offen
    .in-progress = In Bearbeitung
    .waiting = Wartend
    .resolved = Gelöst
    .closed = Geschlossen
widget-types =
    .support-request = Supportanfrage
    .general-inquiry = Allgemeine Frage
    .bug-report = Fehlermeldung
    .feature-request = Funktionswunsch

## The portal and signed-iframe pages, beyond the panel's words.

page-powered-by = Bereitgestellt von Porthole
page-months =
    .jan = Jan.
    .feb = Feb.
    .mar = März
    .apr = Apr.
    .may = Mai
    .jun = Juni
    .jul = Juli
    .aug = Aug.
    .sep = Sept.
    .oct = Okt.
    .nov = Nov.
    .dec = Dez.
page-landing-intro = Wie können wir helfen? Erstellen Sie ein Ticket oder verfolgen Sie ein bestehendes.
page-submit-a-ticket = Ticket erstellen
page-submit-hint = Beschreiben Sie, worum es geht. Sie erhalten eine Referenz und einen Link, mit dem Sie Ihr Ticket verfolgen.
page-track-a-ticket = Ticket verfolgen
page-track-hint = Jedes Ticket hat einen eigenen Link zur Verfolgung, der nach dem Absenden angezeigt wird. Bewahren Sie ihn auf oder setzen Sie ein Lesezeichen: So verfolgen und beantworten Sie das Ticket.
page-name = Name
page-email = E-Mail
page-submitted-title = Ticket erhalten
page-submitted = Danke. Ihre Anfrage ist eingegangen. Bewahren Sie diese Referenz und den Link unten auf: Damit verfolgen Sie das Ticket und lesen unsere Antwort.
page-track = Ticket verfolgen
page-submit-another = Weiteres Ticket
page-status = Status
page-conversation = Verlauf
page-no-messages = Noch keine Nachrichten.
page-send-reply = Antwort senden
page-link-invalid-title = Dieser Link ist abgelaufen
page-link-invalid = Links zur Verfolgung gelten 30 Tage. Ist Ihrer abgelaufen, senden Sie ein neues Ticket und nennen Sie Ihre Referenz.
page-not-signed-in-title = Bitte erneut anmelden
page-not-signed-in = Ihre Support-Sitzung ist beendet. Laden Sie die Ausgangsseite neu, um fortzufahren.
page-verify-failed-title = Wir konnten Ihre Identität nicht bestätigen
page-verify-failed = Laden Sie die Seite neu, von der Sie kamen. Passiert das wieder, melden Sie sich ab und erneut an oder wenden Sie sich an den Support.
page-rate-limited-title = Bitte warten Sie kurz
page-rate-limited =
    { $n ->
        [one] Sie haben in der letzten Stunde viele Tickets gesendet. Bitte versuchen Sie es in einer Minute erneut oder antworten Sie auf eines Ihrer Tickets.
       *[other] Sie haben in der letzten Stunde viele Tickets gesendet. Bitte versuchen Sie es in { $n } Minuten erneut oder antworten Sie auf eines Ihrer Tickets.
    }
page-already-sent-title = Dieses Formular wurde bereits gesendet
page-already-sent = Es wurde bereits mit anderem Inhalt gesendet. Öffnen Sie ein neues Formular, um eine weitere Anfrage zu senden.
page-not-found-title = Nicht gefunden
page-not-found = Hier gibt es nichts. Prüfen Sie die Adresse oder kehren Sie zur Support-Seite zurück.
page-bad-request-title = Mit dieser Anfrage stimmte etwas nicht
page-forbidden-title = Nicht erlaubt
page-forbidden = Diese Seite kann von hier aus nicht verwendet werden.
page-error-title = Etwas ist schiefgelaufen
page-error = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.
page-fix-below = Bitte prüfen Sie die markierten Felder.
page-required = Dieses Feld ist erforderlich.
page-invalid-email = Das ist keine gültige E-Mail-Adresse.
page-invalid-choice = Wählen Sie eine der angebotenen Optionen.
page-invalid-characters = Dieser Text enthält Zeichen, die wir nicht annehmen können.
page-faq-back = Zurück zum Formular
page-fresh-link-hint = Link verloren? Geben Sie Ihre E-Mail-Adresse und die Referenz des Tickets ein, und wir senden Ihnen einen neuen.
page-fresh-link-button = Link per E-Mail senden
page-fresh-link-sent-title = Sehen Sie in Ihr Postfach
page-fresh-link-sent = Wenn diese Referenz zu einem Ticket dieser Adresse gehört, ist ein neuer Link unterwegs.
page-reference-label = Referenz (wie TKT-0042)
page-unsubscribe-title = Keine E-Mails mehr zu Ihren Tickets?
page-unsubscribe-confirm = Keine solchen E-Mails mehr
page-unsubscribed = Erledigt: Sie erhalten keine E-Mails mehr zu Ihren Tickets. Bestätigungen neuer Tickets kommen weiterhin.
page-kb-title = Hilfeartikel
page-kb-search-label = Hilfeartikel durchsuchen
page-kb-search = Suchen
page-kb-none = Kein Artikel passt. Sie können ein Ticket senden.
page-kb-all = Alle Artikel
page-kb-before-writing = Bevor Sie schreiben: Vielleicht steht die Antwort schon hier:
page-rate-title = Wie waren wir?
page-rate-hint = Bewerten Sie die Antwort von 1 (schlecht) bis 5 (ausgezeichnet).
page-rate-comment = Möchten Sie etwas ergänzen? (optional)
page-rate-send = Bewertung senden
page-attach = Dateien anhängen (optional)
page-attach-hint = Bis zu 3 Dateien mit je 10 MB: Bilder (JPEG, PNG, GIF, WebP), PDF, Text, CSV, Word oder Excel.
page-attach-too-many = Hängen Sie höchstens 3 Dateien an.
page-attach-refused = „{ $n }“ kann nicht angehängt werden.
page-attach-uploading = Wird hochgeladen…
page-attach-remove = Entfernen
page-attach-wait = Sie haben gerade viele Dateien gesendet. Versuchen Sie es in einigen Minuten erneut.
page-attachments = Angehängte Dateien
page-rated = Danke für Ihre Bewertung.

## Emails. { $who } stands for a person or address, { $brand } for the company.

mail-received = Wir haben Ihre Anfrage erhalten und melden uns bald.
mail-reference = Ihre Referenz
mail-follow = Anfrage verfolgen
mail-link-valid = Dieser Link ist 30 Tage gültig.
mail-replied = { $who } hat auf Ihre Anfrage geantwortet:
mail-team-replied = Unser Team hat auf Ihre Anfrage geantwortet:
mail-reply-in-widget = Im Support-Fenster antworten
mail-reply-by-email = Sie können auch auf diese E-Mail antworten.
mail-resolved = Ihre Anfrage wurde als gelöst markiert.
mail-files-attached = Dieser Antwort sind Dateien angehängt: Öffnen Sie die Anfrage, um sie herunterzuladen.
mail-reopen-hint = Falls noch etwas nicht stimmt, antworten Sie einfach, und wir kümmern uns wieder darum.
mail-reopen-on-page = Falls noch etwas nicht stimmt, antworten Sie auf der Seite der Anfrage, und wir kümmern uns wieder darum.
mail-fresh-link = Hier ist ein neuer Link zu Ihrer Anfrage.
mail-team-new-ticket = Neue Anfrage von { $who }:
mail-team-customer-reply = { $who } hat geantwortet:
mail-team-escalated = Diese Anfrage von { $who } wartet zu lange auf einen Agenten:
mail-why = Sie erhalten diese Nachricht, weil Sie den Support von { $brand } kontaktiert haben.
mail-unsubscribe = Keine solchen E-Mails mehr
mail-rate-button = Antwort bewerten
mail-rate-link-valid = Dieser Link ist 7 Tage gültig.

## The launcher's accessible name, and with unread replies.

open-support = Support öffnen
open-support-unread = Support öffnen, { $n } ungelesen
