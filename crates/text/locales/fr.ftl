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

## La console des agents : son application et ses pages de connexion, d'invitation et de sécurité.

console-title = Console
console-loading-console = Chargement de la console…
console-needs-js = La console a besoin de JavaScript. Vos tickets sont aussi accessibles par l'API des agents et la CLI porthole.
console-not-built-title = Console non compilée
console-not-built = La console n'est pas compilée. Lancez scripts/build-widget.sh.
console-nav = Console
console-inbox = Boîte de réception
console-reports = Rapports
console-articles = Articles
console-settings = Réglages
console-profile-link = Votre nom et votre photo
console-availability = Si les nouveaux tickets vous sont attribués à tour de rôle
console-available = Disponible
console-away = Absent
console-security = Sécurité
console-sign-out = Se déconnecter
console-roles =
    .admin = Administrateur
    .agent = Agent
console-statuses =
    .open = Ouvert
    .in-progress = En cours
    .waiting = En attente
    .resolved = Résolu
    .closed = Fermé
console-priorities =
    .low = Basse
    .medium = Moyenne
    .high = Haute
    .urgent = Urgente
console-channels =
    .widget = Widget
    .portal = Portail
    .embed = Iframe signée
    .email = E-mail
console-authors =
    .user = Client
    .agent = Agent
console-units =
    .second = s
    .minute = min
    .hour = h
    .day = j

console-unreachable = Impossible de joindre Porthole. Réessayez.
console-server-answered = Le serveur a répondu { $n }.
console-unreadable-answer = La réponse du serveur est illisible.
console-unwritable-request = La requête n'a pas pu être écrite.
console-unreadable-file = Le fichier n'a pas pu être lu.

console-loading = Chargement…
console-ticket-count =
    { $n ->
        [one] { $n } ticket
       *[other] { $n } tickets
    }
console-ticket-count-capped = { $n }+ tickets
console-views = Vues
console-folders =
    .mine = Les miens
    .unassigned = Non attribués
    .all = Tous
    .open = Ouverts
    .waiting = En attente
    .urgent = Urgents
    .resolved = Résolus
console-search-label = Rechercher dans les sujets, messages et notes
console-search = Rechercher
console-upset-first = Les plus mécontents d'abord (sentiment, d'après le lexique VADER)
console-col-subject = Sujet
console-col-customer = Client
console-col-mood = Humeur
console-col-status = Statut
console-col-priority = Priorité
console-col-assignee = Attribué à
console-col-updated = Mis à jour
console-load-more = Afficher plus
console-keys-hint = Clavier : j et k pour se déplacer, Entrée pour ouvrir, / pour rechercher.
console-moods =
    .very-negative = très négatif
    .negative = négatif
    .positive = positif
console-vader-score = Score composé VADER { $score }
console-category = Catégorie
console-priority-label = Priorité
console-any = Toutes

console-back-to-inbox = ← Boîte de réception
console-saved = Enregistré.
console-write-first = Écrivez quelque chose ou joignez d'abord un fichier.
console-note-added = Note ajoutée.
console-reply-sent = Réponse envoyée.
console-is-writing = { $name } rédige une réponse…
console-is-viewing = { $name } consulte ce ticket.
console-via = via { $channel } · ouvert le { $time }
console-reply = Répondre
console-markdown-hint = Markdown : **gras**, _italique_, [un lien](https://…), listes. Un retour à la ligne reste un retour à la ligne.
console-attach = Joindre des fichiers (images, PDF, texte, CSV, Word, Excel ; 10 Mo chacun, 5 au plus)
console-attached-files = Fichiers joints
console-remove = Retirer
console-remove-named = Retirer { $name }
console-internal-note = Note interne (le client ne la voit jamais)
console-internal-mark = note interne
console-then-status = Puis passer le statut à
console-leave-it = (ne pas changer)
console-send = Envoyer
console-ctrl-enter = Ctrl+Entrée envoie.
console-preview = Aperçu
console-preview-label = Aperçu : ce que le client lira
console-ticket-details = Détails du ticket
console-not-delivered = E-mails non remis
console-copied = En copie
console-copy-someone = Mettre quelqu'un en copie
console-add = Ajouter
console-rating = Note
console-score = { $n } / 5
console-ticket = Ticket
console-status-label = Statut
console-none = (aucune)
console-assignee = Attribué à :
console-nobody = personne
console-assign-to-me = M'attribuer
console-unassign = Retirer l'attribution
console-resolution-label = Résolution (le client la voit une fois le ticket résolu)
console-save-resolution = Enregistrer la résolution
console-customer = Client
console-plan = Offre : { $plan }
console-value = Valeur : { $value }
console-their-other-tickets = Ses autres tickets

console-settings-saved = Enregistré. Le widget l'affiche à sa prochaine ouverture.
console-appearance = Apparence
console-widget-title = Titre du widget
console-greeting = Message d'accueil quand la liste des tickets est vide
console-brand-name = Nom de marque sur les pages
console-brand-colour = Couleur de marque
console-launcher = Bouton d'ouverture
console-bottom-right = En bas à droite
console-bottom-left = En bas à gauche
console-launcher-preview = Aperçu du bouton d'ouverture sur une page
console-launcher-caption = L'en-tête du panneau et le bouton d'ouverture, dans votre couleur
console-save-appearance = Enregistrer l'apparence
console-forms = Formulaires de nouveau ticket
console-categories-label = Catégories, séparées par des virgules
console-faqs-label = FAQ, une par ligne : question | réponse (cinq au plus)
console-save-forms = Enregistrer les formulaires
console-faq-needs-bar = « { $line } » doit avoir un | entre la question et la réponse.
console-faq-at-most = Cinq FAQ au plus.
console-cap-whole = Le plafond est un nombre entier.
console-minutes-whole = Les minutes sont un nombre entier.
console-routing = Attribution et e-mail
console-auto-assign = Attribuer les nouveaux tickets aux agents disponibles, à tour de rôle
console-cap-label = …mais pas à un agent qui a déjà ce nombre de tickets ouverts (vide : pas de plafond)
console-escalate-label = Prévenir les administrateurs par e-mail d'un ticket non attribué ou sans réponse après ce nombre de minutes (vide : jamais)
console-notify-label = Adresse de l'équipe pour les nouveaux tickets et les réponses
console-host-label = Page de votre site où se trouve le widget
console-auto-response = Répondre aux e-mails qui ouvrent un ticket avec un lien vers le widget
console-save-routing = Enregistrer l'attribution
console-origins-saved = Enregistré. Les sessions d'une origine retirée sont terminées.
console-origins = Origines autorisées
console-origins-label = Sites qui peuvent intégrer le widget, un par ligne (https://app.example.com)
console-save-origins = Enregistrer les origines
console-rotated = Renouvelé. Mettez le nouveau secret dans votre backend maintenant : il n'est affiché qu'une fois.
console-identity-secret = Secret d'identité
console-secret-made = Créé le { $time }
console-previous-verifies = le précédent reste valable jusqu'au { $time }
console-grace-label = Heures pendant lesquelles l'ancien secret fonctionne encore
console-rotate = Renouveler le secret
console-new-secret = Nouveau secret :
console-invited-emailed = { $email } est invité ; le lien est dans sa boîte de réception.
console-invited-link = { $email } est invité. L'e-mail est désactivé : donnez-lui ce lien, valable 7 jours : { $url }
console-team = Équipe
console-make-role = Passer en { $role }
console-invited-mark = invité
console-away-mark = absent
console-invite-label = Inviter par e-mail
console-invite-name = Son nom (visible des clients)
console-role-label = Rôle
console-role-agent-option = Agent : traite les tickets et les articles
console-role-admin-option = Administrateur : aussi les réglages, les origines, le secret et l'équipe
console-invite = Inviter
console-embed = Intégration
console-embed-hint = Collez dans le { $head } de votre site, puis appelez init avec l'e-mail signé de chaque utilisateur (voir le README).

console-inbound-made = Créé. Donnez-le à votre fournisseur de messagerie maintenant : il n'est affiché qu'une fois, et le précédent ne fonctionne plus.
console-email = E-mail
console-sending-on = Envoi : activé, depuis { $from }.
console-sending-off = Envoi : désactivé. Démarrez le serveur avec --smtp-url et --mail-from pour envoyer réponses, confirmations et invitations par e-mail.
console-replies-on = Réponses par e-mail : activées. Les clients peuvent répondre à n'importe quel e-mail pour poursuivre le ticket.
console-replies-off = Réponses par e-mail : désactivées (l'option --inbound-address du serveur les active).
console-inbound-set = Tickets par e-mail : faites envoyer les messages bruts par votre fournisseur de messagerie à { $url } avec le secret entrant de l'espace de travail.
console-inbound-unset = Tickets par e-mail : faites envoyer les messages bruts par votre fournisseur de messagerie à { $url } avec un secret entrant ; aucun n'est encore créé, donc rien n'est reçu.
console-make-inbound = Créer un nouveau secret entrant
console-inbound-secret = Secret entrant :
console-undelivered = Non remis
console-given-up = abandonné le { $time }
console-tried-again = nouvel essai le { $time }
console-attempts-count =
    { $n ->
        [one] { $n } tentative
       *[other] { $n } tentatives
    }
console-undelivered-line = ({ $about }) : { $reason } après { $attempts } ; { $fate }

console-webhook-added-secret = { $url } ajouté. Son secret de signature, affiché une seule fois : { $secret }
console-webhook-added = { $url } ajouté.
console-webhooks = Webhooks
console-every-event = tous les événements
console-turned-off = désactivé : { $reason }
console-deliveries = Livraisons
console-latest-deliveries = Dernières livraisons
console-event = Événement
console-attempts = Tentatives
console-state = État
console-delivered = livré
console-failed = échec : { $error }
console-retrying = nouvel essai prévu (dernière réponse { $status })
console-waiting = en attente
console-send-again = Renvoyer
console-add-endpoint = Ajouter un point de terminaison
console-kind = Type
console-kind-standard = JSON signé (Standard Webhooks)
console-kind-slack = Webhook entrant Slack

console-key-made = Clé pour { $name } ({ $role }), affichée une seule fois : { $key }
console-api-keys = Clés d'API
console-never = jamais
console-last-used = dernière utilisation { $time }
console-revoked = révoquée { $time }
console-revoke = Révoquer
console-revoke-named = Révoquer la clé de { $name }
console-new-key-for = Nouvelle clé pour
console-make-key = Créer la clé

console-period = Période
console-last-days = { $n } derniers jours
console-download-csv = Télécharger le CSV
console-first-response = Première réponse
console-median = Médiane
console-p90 = 90e centile
console-answered =
    { $n ->
        [one] { $n } ticket répondu
       *[other] { $n } tickets répondus
    }
console-resolution = Résolution
console-resolutions =
    { $n ->
        [one] { $n } résolution
       *[other] { $n } résolutions
    }
console-satisfaction = Satisfaction
console-average = Moyenne
console-ratings =
    { $n ->
        [one] { $n } note
       *[other] { $n } notes
    }
console-deflection = Résolution autonome
console-rate = Taux
console-deflection-detail = Lectures d'articles : { $reads } · sans ticket ensuite : { $served } · tickets ouverts : { $opened }
console-day-bar = { $date } : ouverts { $opened }, résolus { $resolved }
console-chart-opened = ouverts
console-chart-resolved = résolus, chaque jour
console-numbers = Les chiffres
console-day = Jour
console-opened = Ouverts
console-resolved = Résolus

console-article-published = « { $title } » publié.
console-article-draft = « { $title } » enregistré comme brouillon.
console-knowledge-base = Base de connaissances
console-published-mark = publié
console-draft-mark = brouillon
console-views-count =
    { $n ->
        [one] { $n } vue
       *[other] { $n } vues
    }
console-open = Ouvrir
console-edit = Modifier
console-delete = Supprimer
console-edit-article = Modifier l'article
console-new-article = Nouvel article
console-article-title = Titre
console-article-text = Texte (Markdown : **gras**, listes, [liens](https://…))
console-published = Publié
console-save-article = Enregistrer l'article

console-your-profile = Votre profil
console-profile-hint = Les clients voient votre nom et votre photo à côté de vos réponses.
console-name-saved = Enregistré. Vos prochaines réponses porteront ce nom.
console-name = Nom
console-shown-to-customers = Visible des clients
console-save-name = Enregistrer le nom
console-picture-changed = Votre photo est changée.
console-picture-removed = Votre photo est retirée.
console-picture = Photo
console-your-picture = Votre photo
console-remove-picture = Retirer la photo
console-no-picture = Pas encore de photo : les clients ne voient que votre nom.
console-choose-picture = Choisir une photo (JPEG, PNG, GIF ou WebP, 1 Mo au plus)
console-language = Langue de la console
console-language-browser = Celle de votre navigateur

console-sign-in-title = Connexion
console-sign-in-heading = Se connecter à la console
console-workspace = Espace de travail
console-password = Mot de passe
console-code-label = Code de votre application d'authentification (si vous l'avez activée)
console-sign-in = Se connecter
console-new-to-team = Nouveau dans l'équipe ? Ouvrez le lien d'invitation qu'un administrateur vous a donné, par e-mail ou autrement, pour choisir votre mot de passe.
console-too-many-attempts = Trop de tentatives de connexion depuis cet endroit. Attendez dix minutes et réessayez.
console-refused = Ces informations ne correspondent à aucun agent. Vérifiez l'espace de travail, l'e-mail, le mot de passe et, si vous l'avez activé, le code de votre application d'authentification. Après cinq échecs, la connexion à un compte est suspendue pendant 15 minutes.
console-code-used = Ce code a déjà été utilisé. Attendez le suivant.

console-invitation-gone-title = Invitation introuvable
console-invitation-gone-heading = Cette invitation ne peut pas être utilisée
console-invitation-gone = Elle a déjà été utilisée, a expiré (les invitations durent 7 jours) ou a été remplacée par une plus récente. Demandez à un administrateur de votre espace de travail de vous inviter à nouveau.
console-join-title = Rejoindre l'équipe
console-join-heading = Rejoindre { $workspace } sur Porthole
console-invited-as = Vous avez été invité en tant que { $email } ({ $role }). Choisissez un mot de passe pour vous connecter.
console-new-password = Mot de passe ({ $n } caractères au moins)
console-password-again = Le même mot de passe, à nouveau
console-set-password = Choisir le mot de passe et se connecter
console-password-too-short = Choisissez un autre mot de passe : au moins { $n } caractères ; quelques mots font un bon mot de passe.
console-password-too-long = Choisissez un autre mot de passe : { $n } caractères au plus.
console-password-is-email = Choisissez un autre mot de passe : il ne peut pas être votre adresse e-mail.
console-passwords-differ = Les deux mots de passe ne sont pas identiques.

console-back-to-console = ← Retour à la console
console-two-step = Connexion en deux étapes
console-two-step-on = Activée : la connexion demande un code de votre application d'authentification.
console-code-to-turn-off = Un code actuel, pour la désactiver
console-turn-off = Désactiver
console-two-step-off = Désactivée. Ajoutez cette clé à une application d'authentification (1Password, Google Authenticator, Aegis…), puis saisissez le code qu'elle affiche.
console-key = Clé :
console-or-open = Ou ouvrez :
console-code-from-app = Code de l'application
console-turn-on = Activer
console-sessions = Sessions
console-sign-out-everywhere = Se déconnecter partout
console-code-mismatch-on = Ce code ne correspond pas à la clé. Vérifiez l'horloge de l'application et essayez le code suivant.
console-code-mismatch-off = Ce code ne correspond pas. Elle reste activée.
