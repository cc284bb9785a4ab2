# Porthole's words in French. Every file has every key of en.ftl, with the
# same variables; the build checks it (crates/text/build.rs).

## The panel: sent to it as JSON with the page, so each key is its name there.

widget-title = Assistance
widget-greeting = Bonjour ! Une question ou un problème ? Ouvrez une demande et nous vous répondrons ici.
widget-connecting = Connexion…
widget-loading = Chargement…
widget-retry = Réessayer
widget-close = Fermer l'assistance
widget-back = Retour à vos demandes
widget-new-ticket = Nouvelle demande
widget-your-tickets = Vos demandes
widget-subject = Objet
widget-description = Description
widget-description-hint = Que s'est-il passé, et qu'attendiez-vous ?
widget-type-label = Type
widget-type-none = Choisissez un type (facultatif)
widget-category = Catégorie
widget-category-none = Choisissez une catégorie (facultatif)
widget-submit = Envoyer la demande
widget-reply = Répondre
widget-reply-placeholder = Écrivez une réponse…
widget-send = Envoyer
widget-you = Vous
widget-support-team = Assistance
widget-unread = Nouvelle réponse
widget-subject-required = Merci de donner un objet à votre demande.
widget-reply-required = Écrivez d'abord quelque chose.
widget-too-long = Pas plus de { $n } caractères.
widget-network-error = Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.
widget-session-ended = Votre session d'assistance a pris fin. Rechargez la page pour vous reconnecter.
widget-closed-note = Cette demande est close. Ouvrez-en une nouvelle si vous avez encore besoin d'aide.
widget-just-now = à l'instant
widget-minutes-ago = il y a { $n } min
widget-hours-ago = il y a { $n } h
widget-days-ago = il y a { $n } j
widget-faq-heading = Avant de nous écrire
widget-resolution = Résolution
widget-mark-solved = Marquer comme résolue
widget-more = Afficher les demandes plus anciennes
widget-err-ticket-closed = Cette demande est close et n'accepte plus de réponse. Ouvrez-en une nouvelle si vous avez encore besoin d'aide.
widget-err-rate-limited = Vous avez ouvert beaucoup de demandes au cours de la dernière heure. Patientez un peu, ou répondez à l'une de vos demandes.
widget-err-not-found = Nous n'avons pas trouvé cette demande.
widget-err-invalid = Un élément du formulaire n'a pas été accepté. Vérifiez-le et réessayez.
widget-err-generic = Un problème est survenu de notre côté. Veuillez réessayer.
widget-email-us = Écrivez-nous à
widget-statuses =
    .open = Ouverte
    .in-progress = En cours
    .waiting = En attente
    .resolved = Résolue
    .closed = Close
widget-types =
    .support-request = Demande d'assistance
    .general-inquiry = Question générale
    .bug-report = Signalement de bug
    .feature-request = Suggestion

## The portal and signed-iframe pages, beyond the panel's words.

page-powered-by = Propulsé par Porthole
page-months =
    .jan = janv.
    .feb = févr.
    .mar = mars
    .apr = avr.
    .may = mai
    .jun = juin
    .jul = juil.
    .aug = août
    .sep = sept.
    .oct = oct.
    .nov = nov.
    .dec = déc.
page-landing-intro = Comment pouvons-nous vous aider ? Ouvrez une demande ou suivez-en une déjà ouverte.
page-submit-a-ticket = Ouvrir une demande
page-submit-hint = Expliquez-nous ce qui se passe. Vous recevrez une référence et un lien pour suivre votre demande.
page-track-a-ticket = Suivre une demande
page-track-hint = Chaque demande a son propre lien de suivi, affiché à l'envoi. Conservez-le ou ajoutez la page qu'il ouvre à vos favoris : c'est ainsi que vous suivez la demande et y répondez.
page-name = Nom
page-email = E-mail
page-submitted-title = Demande reçue
page-submitted = Merci. Nous avons bien reçu votre demande. Conservez cette référence et le lien de suivi ci-dessous : c'est ainsi que vous suivez la demande et lisez notre réponse.
page-track = Suivre la demande
page-submit-another = Ouvrir une autre demande
page-status = Statut
page-conversation = Conversation
page-no-messages = Aucun message pour l'instant.
page-send-reply = Envoyer la réponse
page-link-invalid-title = Ce lien a expiré
page-link-invalid = Les liens de suivi restent valables 30 jours. Si le vôtre a expiré, envoyez une nouvelle demande en indiquant votre référence.
page-not-signed-in-title = Reconnectez-vous
page-not-signed-in = Votre session d'assistance a pris fin. Rechargez la page d'origine pour continuer.
page-verify-failed-title = Nous n'avons pas pu confirmer votre identité
page-verify-failed = Rechargez la page d'où vous venez. Si cela se reproduit, déconnectez-vous puis reconnectez-vous, ou contactez le support.
page-rate-limited-title = Merci de patienter un peu
page-rate-limited =
    { $n ->
        [one] Vous avez envoyé beaucoup de demandes au cours de la dernière heure. Réessayez dans une minute, ou répondez à l'une de vos demandes existantes.
       *[other] Vous avez envoyé beaucoup de demandes au cours de la dernière heure. Réessayez dans { $n } minutes, ou répondez à l'une de vos demandes existantes.
    }
page-already-sent-title = Ce formulaire a déjà été envoyé
page-already-sent = Il a déjà été envoyé avec un autre contenu. Ouvrez un nouveau formulaire pour envoyer une autre demande.
page-not-found-title = Introuvable
page-not-found = Il n'y a rien ici. Vérifiez l'adresse ou revenez au site d'assistance.
page-bad-request-title = Cette requête comportait une erreur
page-forbidden-title = Non autorisé
page-forbidden = Cette page ne peut pas être utilisée depuis ici.
page-error-title = Une erreur s'est produite
page-error = Une erreur s'est produite de notre côté. Merci de réessayer.
page-fix-below = Merci de vérifier les champs signalés ci-dessous.
page-required = Ce champ est obligatoire.
page-invalid-email = Cette adresse e-mail n'est pas valide.
page-invalid-choice = Choisissez l'une des options proposées.
page-invalid-characters = Ce texte contient des caractères que nous ne pouvons pas accepter.
page-faq-back = Retour au formulaire
page-fresh-link-hint = Lien perdu ? Saisissez votre e-mail et la référence de la demande, et nous vous enverrons un nouveau lien.
page-fresh-link-button = M'envoyer un lien
page-fresh-link-sent-title = Consultez votre boîte de réception
page-fresh-link-sent = Si cette référence correspond à une demande de cette adresse, un nouveau lien de suivi vous a été envoyé.
page-reference-label = Référence (comme TKT-0042)
page-unsubscribe-title = Ne plus recevoir d'e-mails sur vos demandes ?
page-unsubscribe-confirm = Ne plus recevoir ces e-mails
page-unsubscribed = C'est fait : vous ne recevrez plus d'e-mails sur vos demandes. Les confirmations des nouvelles demandes arrivent toujours.
page-kb-title = Articles d'aide
page-kb-search-label = Rechercher dans les articles d'aide
page-kb-search = Rechercher
page-kb-none = Aucun article ne correspond. Vous pouvez envoyer une demande.
page-kb-all = Tous les articles
page-kb-before-writing = Avant d'écrire, la réponse est peut-être déjà ici :
page-rate-title = Comment avons-nous fait ?
page-rate-hint = Notez la réponse de 1 (mauvaise) à 5 (excellente).
page-rate-comment = Un commentaire ? (facultatif)
page-rate-send = Envoyer la note
page-attach = Joindre des fichiers (facultatif)
page-attach-hint = Jusqu’à 3 fichiers de 10 Mo : images (JPEG, PNG, GIF, WebP), PDF, texte, CSV, Word ou Excel.
page-attach-too-many = Joignez au plus 3 fichiers.
page-attach-refused = « { $n } » ne peut pas être joint.
page-attach-uploading = Envoi…
page-attach-remove = Retirer
page-attach-wait = Vous venez d’envoyer beaucoup de fichiers. Réessayez dans quelques minutes.
page-attachments = Pièces jointes
page-rated = Merci pour votre note.

## Emails. { $who } stands for a person or address, { $brand } for the company.

mail-received = Nous avons bien reçu votre demande et vous répondrons rapidement.
mail-reference = Votre référence
mail-follow = Suivre votre demande
mail-link-valid = Ce lien est valable 30 jours.
mail-replied = { $who } a répondu à votre demande :
mail-team-replied = Notre équipe a répondu à votre demande :
mail-reply-in-widget = Répondre dans l'espace d'assistance
mail-reply-by-email = Vous pouvez aussi répondre à cet e-mail.
mail-resolved = Votre demande a été marquée comme résolue.
mail-files-attached = Des fichiers sont joints à cette réponse : ouvrez la demande pour les télécharger.
mail-reopen-hint = Si quelque chose ne va toujours pas, répondez et nous la reprendrons.
mail-reopen-on-page = Si quelque chose ne va toujours pas, répondez sur la page de la demande et nous la reprendrons.
mail-fresh-link = Voici un nouveau lien vers votre demande.
mail-team-new-ticket = Nouvelle demande de { $who } :
mail-team-customer-reply = { $who } a répondu :
mail-team-escalated = Cette demande de { $who } attend un agent depuis trop longtemps :
mail-why = Vous recevez ce message parce que vous avez contacté l'assistance de { $brand }.
mail-unsubscribe = Ne plus recevoir ces e-mails
mail-rate-button = Noter la réponse
mail-rate-link-valid = Ce lien est valable 7 jours.

## The launcher's accessible name, and with unread replies.

open-support = Ouvrir l'assistance
open-support-unread = Ouvrir l'assistance, non lues : { $n }
