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

## Die Konsole der Agenten: ihre App und ihre Seiten zum Anmelden, Einladen und zur Sicherheit.

console-title = Konsole
console-loading-console = Die Konsole wird geladen…
console-needs-js = Die Konsole braucht JavaScript. Ihre Tickets erreichen Sie auch über die Agenten-API und die porthole-CLI.
console-not-built-title = Konsole nicht gebaut
console-not-built = Die Konsole ist nicht gebaut. Führen Sie scripts/build-widget.sh aus.
console-nav = Konsole
console-inbox = Posteingang
console-reports = Berichte
console-articles = Artikel
console-settings = Einstellungen
console-profile-link = Ihr Name und Bild
console-availability = Ob Ihnen neue Tickets der Reihe nach zugewiesen werden
console-available = Verfügbar
console-away = Abwesend
console-security = Sicherheit
console-sign-out = Abmelden
console-roles =
    .admin = Admin
    .agent = Agent
console-statuses =
    .open = Offen
    .in-progress = In Bearbeitung
    .waiting = Wartend
    .resolved = Gelöst
    .closed = Geschlossen
console-priorities =
    .low = Niedrig
    .medium = Mittel
    .high = Hoch
    .urgent = Dringend
console-channels =
    .widget = Widget
    .portal = Portal
    .embed = Signierter iFrame
    .email = E-Mail
console-authors =
    .user = Kunde
    .agent = Agent
console-units =
    .second = s
    .minute = Min.
    .hour = Std.
    .day = T.

console-unreachable = Porthole ist nicht erreichbar. Versuchen Sie es erneut.
console-server-answered = Der Server antwortete { $n }.
console-unreadable-answer = Die Antwort des Servers ist nicht lesbar.
console-unwritable-request = Die Anfrage konnte nicht geschrieben werden.
console-unreadable-file = Die Datei konnte nicht gelesen werden.

console-loading = Wird geladen…
console-ticket-count =
    { $n ->
        [one] { $n } Ticket
       *[other] { $n } Tickets
    }
console-ticket-count-capped = { $n }+ Tickets
console-views = Ansichten
console-folders =
    .mine = Meine
    .unassigned = Nicht zugewiesen
    .all = Alle
    .open = Offen
    .waiting = Wartend
    .urgent = Dringend
    .resolved = Gelöst
console-search-label = Betreffe, Nachrichten und Notizen durchsuchen
console-search = Suchen
console-upset-first = Verärgerte zuerst (Stimmung, nach der VADER-Wortliste)
console-col-subject = Betreff
console-col-customer = Kunde
console-col-mood = Stimmung
console-col-status = Status
console-col-priority = Priorität
console-col-assignee = Zugewiesen an
console-col-updated = Aktualisiert
console-load-more = Mehr laden
console-keys-hint = Tasten: j und k bewegen, Enter öffnet, / sucht.
console-moods =
    .very-negative = sehr negativ
    .negative = negativ
    .positive = positiv
console-vader-score = VADER-Gesamtwert { $score }
console-category = Kategorie
console-priority-label = Priorität
console-any = Alle

console-back-to-inbox = ← Posteingang
console-saved = Gespeichert.
console-write-first = Schreiben Sie zuerst etwas oder hängen Sie eine Datei an.
console-note-added = Notiz hinzugefügt.
console-reply-sent = Antwort gesendet.
console-is-writing = { $name } schreibt eine Antwort…
console-is-viewing = { $name } sieht sich dieses Ticket an.
console-via = über { $channel } · geöffnet { $time }
console-reply = Antworten
console-markdown-hint = Markdown: **fett**, _kursiv_, [ein Link](https://…), Listen. Ein Zeilenumbruch bleibt ein Zeilenumbruch.
console-attach = Dateien anhängen (Bilder, PDF, Text, CSV, Word, Excel; je 10 MB, bis zu 5)
console-attached-files = Angehängte Dateien
console-remove = Entfernen
console-remove-named = { $name } entfernen
console-internal-note = Interne Notiz (der Kunde sieht sie nie)
console-internal-mark = interne Notiz
console-then-status = Danach den Status setzen auf
console-leave-it = (unverändert)
console-send = Senden
console-ctrl-enter = Strg+Enter sendet.
console-preview = Vorschau
console-preview-label = Vorschau: So wird es gelesen
console-ticket-details = Ticketdetails
console-not-delivered = Nicht zugestellte E-Mails
console-copied = In Kopie
console-copy-someone = Jemanden in Kopie nehmen
console-add = Hinzufügen
console-rating = Bewertung
console-score = { $n } / 5
console-ticket = Ticket
console-status-label = Status
console-none = (keine)
console-assignee = Zugewiesen an:
console-nobody = niemanden
console-assign-to-me = Mir zuweisen
console-unassign = Zuweisung aufheben
console-resolution-label = Lösung (der Kunde sieht sie, sobald das Ticket gelöst ist)
console-save-resolution = Lösung speichern
console-customer = Kunde
console-plan = Tarif: { $plan }
console-value = Wert: { $value }
console-their-other-tickets = Weitere Tickets dieses Kunden

console-settings-saved = Gespeichert. Das Widget zeigt es beim nächsten Öffnen.
console-appearance = Aussehen
console-widget-title = Titel des Widgets
console-greeting = Begrüßung bei leerer Ticketliste
console-brand-name = Markenname auf den Seiten
console-brand-colour = Markenfarbe
console-launcher = Startknopf
console-bottom-right = Unten rechts
console-bottom-left = Unten links
console-launcher-preview = Vorschau des Startknopfs auf einer Seite
console-launcher-caption = Kopf des Panels und Startknopf, in Ihrer Farbe
console-save-appearance = Aussehen speichern
console-forms = Formulare für neue Tickets
console-categories-label = Kategorien, durch Kommas getrennt
console-faqs-label = FAQs, eine pro Zeile: Frage | Antwort (höchstens fünf)
console-save-forms = Formulare speichern
console-faq-needs-bar = „{ $line }“ braucht ein | zwischen Frage und Antwort.
console-faq-at-most = Höchstens fünf FAQs.
console-cap-whole = Die Obergrenze ist eine ganze Zahl.
console-minutes-whole = Minuten sind eine ganze Zahl.
console-routing = Zuweisung und E-Mail
console-auto-assign = Neue Tickets der Reihe nach an verfügbare Agenten geben
console-cap-label = …aber nicht an einen Agenten mit so vielen offenen Tickets (leer: keine Obergrenze)
console-escalate-label = Die Admins per E-Mail benachrichtigen, wenn ein Ticket nach so vielen Minuten nicht zugewiesen oder unbeantwortet ist (leer: nie)
console-notify-label = Teamadresse für neue Tickets und Antworten
console-host-label = Seite Ihrer Website, auf der das Widget liegt
console-auto-response = E-Mails, die ein Ticket eröffnen, mit einem Link zum Widget beantworten
console-save-routing = Zuweisung speichern
console-origins-saved = Gespeichert. Sitzungen von einem entfernten Ursprung sind beendet.
console-origins = Erlaubte Ursprünge
console-origins-label = Websites, die das Widget einbetten dürfen, eine pro Zeile (https://app.example.com)
console-save-origins = Ursprünge speichern
console-rotated = Erneuert. Hinterlegen Sie das neue Geheimnis jetzt in Ihrem Backend: Es wird nur einmal angezeigt.
console-identity-secret = Identitätsgeheimnis
console-secret-made = Erstellt { $time }
console-previous-verifies = das vorige gilt noch bis { $time }
console-grace-label = Stunden, die das alte Geheimnis weiter gilt
console-rotate = Geheimnis erneuern
console-new-secret = Neues Geheimnis:
console-invited-emailed = { $email } eingeladen; der Link ist in ihrem Posteingang.
console-invited-link = { $email } eingeladen. E-Mail ist aus: Geben Sie ihnen diesen Link, 7 Tage gültig: { $url }
console-team = Team
console-make-role = Zu { $role } machen
console-invited-mark = eingeladen
console-away-mark = abwesend
console-invite-label = Per E-Mail einladen
console-invite-name = Name (Kunden sehen ihn)
console-role-label = Rolle
console-role-agent-option = Agent: bearbeitet Tickets und Artikel
console-role-admin-option = Admin: außerdem Einstellungen, Ursprünge, das Geheimnis und das Team
console-invite = Einladen
console-embed = Einbetten
console-embed-hint = Fügen Sie dies in den { $head } Ihrer Website ein und rufen Sie dann init mit der signierten E-Mail jedes Nutzers auf (siehe README).

console-inbound-made = Erstellt. Geben Sie es jetzt Ihrem E-Mail-Anbieter: Es wird nur einmal angezeigt, und das vorige gilt nicht mehr.
console-email = E-Mail
console-sending-on = Versand: an, von { $from }.
console-sending-off = Versand: aus. Starten Sie den Server mit --smtp-url und --mail-from, um Antworten, Bestätigungen und Einladungen per E-Mail zu senden.
console-replies-on = Antworten per E-Mail: an. Kunden können auf jede E-Mail antworten, um das Ticket fortzusetzen.
console-replies-off = Antworten per E-Mail: aus (die Option --inbound-address des Servers schaltet sie ein).
console-inbound-set = Tickets per E-Mail: Lassen Sie Ihren E-Mail-Anbieter die Rohnachrichten an { $url } senden, mit dem eingehenden Geheimnis des Arbeitsbereichs.
console-inbound-unset = Tickets per E-Mail: Lassen Sie Ihren E-Mail-Anbieter die Rohnachrichten an { $url } senden, mit einem eingehenden Geheimnis; es gibt noch keines, daher wird nichts angenommen.
console-make-inbound = Neues eingehendes Geheimnis erstellen
console-inbound-secret = Eingehendes Geheimnis:
console-undelivered = Nicht zugestellt
console-given-up = aufgegeben am { $time }
console-tried-again = neuer Versuch am { $time }
console-attempts-count =
    { $n ->
        [one] { $n } Versuch
       *[other] { $n } Versuchen
    }
console-undelivered-line = ({ $about }): { $reason } nach { $attempts }; { $fate }

console-webhook-added-secret = { $url } hinzugefügt. Sein Signaturgeheimnis, nur einmal angezeigt: { $secret }
console-webhook-added = { $url } hinzugefügt.
console-webhooks = Webhooks
console-every-event = jedes Ereignis
console-turned-off = abgeschaltet: { $reason }
console-deliveries = Zustellungen
console-latest-deliveries = Letzte Zustellungen
console-event = Ereignis
console-attempts = Versuche
console-state = Zustand
console-delivered = zugestellt
console-failed = fehlgeschlagen: { $error }
console-retrying = wird wiederholt (letzte Antwort { $status })
console-waiting = wartet
console-send-again = Erneut senden
console-add-endpoint = Endpunkt hinzufügen
console-kind = Art
console-kind-standard = Signiertes JSON (Standard Webhooks)
console-kind-slack = Eingehender Slack-Webhook

console-key-made = Schlüssel für { $name } ({ $role }), nur einmal angezeigt: { $key }
console-api-keys = API-Schlüssel
console-never = nie
console-last-used = zuletzt benutzt { $time }
console-revoked = widerrufen { $time }
console-revoke = Widerrufen
console-revoke-named = Schlüssel von { $name } widerrufen
console-new-key-for = Neuer Schlüssel für
console-make-key = Schlüssel erstellen

console-period = Zeitraum
console-last-days = Letzte { $n } Tage
console-download-csv = CSV herunterladen
console-first-response = Erste Antwort
console-median = Median
console-p90 = 90. Perzentil
console-answered =
    { $n ->
        [one] { $n } Ticket beantwortet
       *[other] { $n } Tickets beantwortet
    }
console-resolution = Lösung
console-resolutions =
    { $n ->
        [one] { $n } Lösung
       *[other] { $n } Lösungen
    }
console-satisfaction = Zufriedenheit
console-average = Durchschnitt
console-ratings =
    { $n ->
        [one] { $n } Bewertung
       *[other] { $n } Bewertungen
    }
console-deflection = Selbsthilfe
console-rate = Quote
console-deflection-detail = Artikelaufrufe: { $reads } · ohne Ticket danach: { $served } · eröffnete Tickets: { $opened }
console-day-bar = { $date }: eröffnet { $opened }, gelöst { $resolved }
console-chart-opened = eröffnet
console-chart-resolved = gelöst, je Tag
console-numbers = Die Zahlen
console-day = Tag
console-opened = Eröffnet
console-resolved = Gelöst

console-article-published = „{ $title }“ veröffentlicht.
console-article-draft = „{ $title }“ als Entwurf gespeichert.
console-knowledge-base = Wissensdatenbank
console-published-mark = veröffentlicht
console-draft-mark = Entwurf
console-views-count =
    { $n ->
        [one] { $n } Aufruf
       *[other] { $n } Aufrufe
    }
console-open = Öffnen
console-edit = Bearbeiten
console-delete = Löschen
console-edit-article = Artikel bearbeiten
console-new-article = Neuer Artikel
console-article-title = Titel
console-article-text = Text (Markdown: **fett**, Listen, [Links](https://…))
console-published = Veröffentlicht
console-save-article = Artikel speichern

console-your-profile = Ihr Profil
console-profile-hint = Kunden sehen Ihren Namen und Ihr Bild neben Ihren Antworten.
console-name-saved = Gespeichert. Ihre nächsten Antworten tragen diesen Namen.
console-name = Name
console-shown-to-customers = Für Kunden sichtbar
console-save-name = Name speichern
console-picture-changed = Ihr Bild ist geändert.
console-picture-removed = Ihr Bild ist entfernt.
console-picture = Bild
console-your-picture = Ihr Bild
console-remove-picture = Bild entfernen
console-no-picture = Noch kein Bild: Kunden sehen nur Ihren Namen.
console-choose-picture = Bild wählen (JPEG, PNG, GIF oder WebP, höchstens 1 MB)
console-language = Sprache der Konsole
console-language-browser = Die Ihres Browsers

console-sign-in-title = Anmelden
console-sign-in-heading = An der Konsole anmelden
console-workspace = Arbeitsbereich
console-password = Passwort
console-code-label = Code aus Ihrer Authenticator-App (falls eingeschaltet)
console-sign-in = Anmelden
console-new-to-team = Neu im Team? Öffnen Sie den Einladungslink, den Ihnen ein Admin per E-Mail oder anders gegeben hat, um Ihr Passwort festzulegen.
console-too-many-attempts = Zu viele Anmeldeversuche von hier. Warten Sie zehn Minuten und versuchen Sie es erneut.
console-refused = Diese Angaben passen zu keinem Agenten. Prüfen Sie Arbeitsbereich, E-Mail, Passwort und, falls eingeschaltet, den Code aus Ihrer Authenticator-App. Nach fünf Fehlversuchen pausiert die Anmeldung an einem Konto für 15 Minuten.
console-code-used = Dieser Code wurde schon benutzt. Warten Sie auf den nächsten.

console-invitation-gone-title = Einladung nicht gefunden
console-invitation-gone-heading = Diese Einladung kann nicht benutzt werden
console-invitation-gone = Sie wurde schon benutzt, ist abgelaufen (Einladungen gelten 7 Tage) oder wurde durch eine neuere ersetzt. Bitten Sie einen Admin Ihres Arbeitsbereichs, Sie erneut einzuladen.
console-join-title = Dem Team beitreten
console-join-heading = { $workspace } auf Porthole beitreten
console-invited-as = Sie wurden als { $email } ({ $role }) eingeladen. Wählen Sie ein Passwort für die Anmeldung.
console-new-password = Passwort (mindestens { $n } Zeichen)
console-password-again = Dasselbe Passwort noch einmal
console-set-password = Passwort festlegen und anmelden
console-password-too-short = Wählen Sie ein anderes Passwort: mindestens { $n } Zeichen; ein paar Wörter ergeben ein gutes Passwort.
console-password-too-long = Wählen Sie ein anderes Passwort: höchstens { $n } Zeichen.
console-password-is-email = Wählen Sie ein anderes Passwort: Es darf nicht Ihre E-Mail-Adresse sein.
console-passwords-differ = Die beiden Passwörter sind nicht gleich.

console-back-to-console = ← Zurück zur Konsole
console-two-step = Anmeldung in zwei Schritten
console-two-step-on = An: Die Anmeldung fragt nach einem Code aus Ihrer Authenticator-App.
console-code-to-turn-off = Ein aktueller Code, um sie auszuschalten
console-turn-off = Ausschalten
console-two-step-off = Aus. Fügen Sie diesen Schlüssel einer Authenticator-App hinzu (1Password, Google Authenticator, Aegis…) und geben Sie dann den angezeigten Code ein.
console-key = Schlüssel:
console-or-open = Oder öffnen:
console-code-from-app = Code aus der App
console-turn-on = Einschalten
console-sessions = Sitzungen
console-sign-out-everywhere = Überall abmelden
console-code-mismatch-on = Dieser Code passt nicht zum Schlüssel. Prüfen Sie die Uhr der App und versuchen Sie den nächsten Code.
console-code-mismatch-off = Dieser Code passt nicht. Sie bleibt eingeschaltet.
