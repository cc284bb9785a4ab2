//! The one catalogue of user-facing strings, in every supported language. The server-rendered
//! pages read it directly; the panel receives its part with the page, so the wasm carries no
//! strings; the launcher's label comes from it too. `{n}` stands for a number.

use porthole_types::{Locale, TicketStatus, TicketType};
use serde::Serialize;

/// What the wasm panel shows. Sent to it as JSON, so names are its keys.
#[derive(Debug, Serialize)]
pub struct WidgetTexts {
    pub title: &'static str,
    pub greeting: &'static str,
    pub connecting: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub close: &'static str,
    pub back: &'static str,
    pub new_ticket: &'static str,
    pub your_tickets: &'static str,
    pub subject: &'static str,
    pub description: &'static str,
    pub description_hint: &'static str,
    pub type_label: &'static str,
    pub type_none: &'static str,
    pub category: &'static str,
    pub category_none: &'static str,
    pub submit: &'static str,
    pub reply: &'static str,
    pub reply_placeholder: &'static str,
    pub send: &'static str,
    pub you: &'static str,
    pub support_team: &'static str,
    pub unread: &'static str,
    pub subject_required: &'static str,
    pub reply_required: &'static str,
    pub too_long: &'static str,
    pub network_error: &'static str,
    pub session_ended: &'static str,
    pub closed_note: &'static str,
    pub just_now: &'static str,
    pub minutes_ago: &'static str,
    pub hours_ago: &'static str,
    pub days_ago: &'static str,
    pub faq_heading: &'static str,
    pub resolution: &'static str,
    pub mark_solved: &'static str,
    pub more: &'static str,
    pub err_ticket_closed: &'static str,
    pub err_rate_limited: &'static str,
    pub err_not_found: &'static str,
    pub err_invalid: &'static str,
    pub err_generic: &'static str,
    pub email_us: &'static str,
    /// Open, In Progress, Waiting, Resolved, Closed.
    pub statuses: [&'static str; 5],
    /// Support Request, General Inquiry, Bug Report, Feature Request.
    pub types: [&'static str; 4],
}

/// What the portal and signed-iframe pages show, beyond the panel's strings.
#[derive(Debug)]
pub struct PageTexts {
    pub powered_by: &'static str,
    /// Short month names, January first, for dates on pages.
    pub months: [&'static str; 12],
    pub landing_intro: &'static str,
    pub submit_a_ticket: &'static str,
    pub submit_hint: &'static str,
    pub track_a_ticket: &'static str,
    pub track_hint: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub submitted_title: &'static str,
    pub submitted: &'static str,
    pub track: &'static str,
    pub submit_another: &'static str,
    pub status: &'static str,
    pub conversation: &'static str,
    pub no_messages: &'static str,
    pub send_reply: &'static str,
    pub link_invalid_title: &'static str,
    pub link_invalid: &'static str,
    pub not_signed_in_title: &'static str,
    pub not_signed_in: &'static str,
    pub verify_failed_title: &'static str,
    pub verify_failed: &'static str,
    pub rate_limited_title: &'static str,
    pub rate_limited: &'static str,
    /// The same, when the wait is one minute: each language's singular.
    pub rate_limited_one: &'static str,
    pub not_found_title: &'static str,
    pub not_found: &'static str,
    pub bad_request_title: &'static str,
    pub forbidden_title: &'static str,
    pub forbidden: &'static str,
    pub error_title: &'static str,
    pub error: &'static str,
    pub fix_below: &'static str,
    pub required: &'static str,
    pub invalid_email: &'static str,
    pub invalid_choice: &'static str,
    pub invalid_characters: &'static str,
    pub faq_back: &'static str,
    /// Asking for a fresh tracking link by email (shown only when email is on).
    pub fresh_link_hint: &'static str,
    pub fresh_link_button: &'static str,
    pub fresh_link_sent_title: &'static str,
    pub fresh_link_sent: &'static str,
    pub reference_label: &'static str,
    pub unsubscribe_title: &'static str,
    pub unsubscribe_confirm: &'static str,
    pub unsubscribed: &'static str,
    /// The knowledge base on the portal.
    pub kb_title: &'static str,
    pub kb_search_label: &'static str,
    pub kb_search: &'static str,
    pub kb_none: &'static str,
    pub kb_all: &'static str,
    pub kb_before_writing: &'static str,
}

/// What emails say. `{who}` stands for a person or address, `{brand}` for the company.
#[derive(Debug)]
pub struct MailTexts {
    pub received: &'static str,
    pub reference: &'static str,
    pub follow: &'static str,
    pub link_valid: &'static str,
    pub replied: &'static str,
    pub team_replied: &'static str,
    pub reply_in_widget: &'static str,
    pub reply_by_email: &'static str,
    pub resolved: &'static str,
    pub reopen_hint: &'static str,
    pub fresh_link: &'static str,
    pub team_new_ticket: &'static str,
    pub team_customer_reply: &'static str,
    pub why: &'static str,
    pub unsubscribe: &'static str,
}

#[derive(Debug)]
pub struct Catalogue {
    pub widget: WidgetTexts,
    pub page: PageTexts,
    pub mail: MailTexts,
    /// The launcher's accessible name, and with unread replies.
    pub open_support: &'static str,
    pub open_support_unread: &'static str,
}

impl Catalogue {
    pub fn status(&self, s: TicketStatus) -> &'static str {
        let i = TicketStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.widget.statuses[i]
    }

    pub fn ticket_type(&self, t: TicketType) -> &'static str {
        let i = TicketType::ALL.iter().position(|x| *x == t).unwrap_or(0);
        self.widget.types[i]
    }
}

/// `template` with `{n}` replaced.
pub fn fill(template: &str, n: impl std::fmt::Display) -> String {
    template.replace("{n}", &n.to_string())
}

pub fn catalogue(locale: Locale) -> &'static Catalogue {
    match locale {
        Locale::En => &EN,
        Locale::Fr => &FR,
        Locale::De => &DE,
        Locale::Es => &ES,
    }
}

/// The language a page speaks: the one asked for (`?locale=`), else the browser's best
/// supported one, else the workspace's default.
pub fn resolve(asked: Option<&str>, headers: &axum::http::HeaderMap, default: Locale) -> Locale {
    asked
        .and_then(Locale::from_tag)
        .or_else(|| {
            let header = headers
                .get(axum::http::header::ACCEPT_LANGUAGE)?
                .to_str()
                .ok()?;
            from_accept_language(header)
        })
        .unwrap_or(default)
}

/// The first supported language in an `Accept-Language` header, best quality first.
pub fn from_accept_language(header: &str) -> Option<Locale> {
    let mut tags: Vec<(f32, &str)> = header
        .split(',')
        .filter_map(|part| {
            let mut bits = part.split(';');
            let tag = bits.next()?.trim();
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, tag))
        })
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0));
    tags.into_iter().find_map(|(_, tag)| Locale::from_tag(tag))
}

static EN: Catalogue = Catalogue {
    widget: WidgetTexts {
        title: "Support",
        greeting: "Hi there! Questions or problems? Open a ticket and we'll get back to you here.",
        connecting: "Connecting…",
        loading: "Loading…",
        retry: "Try again",
        close: "Close support",
        back: "Back to your tickets",
        new_ticket: "New ticket",
        your_tickets: "Your tickets",
        subject: "Subject",
        description: "Description",
        description_hint: "What happened, and what did you expect?",
        type_label: "Type",
        type_none: "Choose a type (optional)",
        category: "Category",
        category_none: "Choose a category (optional)",
        submit: "Send ticket",
        reply: "Reply",
        reply_placeholder: "Write a reply…",
        send: "Send",
        you: "You",
        support_team: "Support",
        unread: "New reply",
        subject_required: "Please give your ticket a subject.",
        reply_required: "Write something first.",
        too_long: "Keep it under {n} characters.",
        network_error: "We couldn't reach the server. Check your connection and try again.",
        session_ended: "Your support session has ended. Reload the page to sign in again.",
        closed_note: "This ticket is closed. Open a new one if you need more help.",
        just_now: "just now",
        minutes_ago: "{n} min ago",
        hours_ago: "{n} h ago",
        days_ago: "{n} d ago",
        faq_heading: "Before you ask",
        resolution: "Resolution",
        mark_solved: "Mark as solved",
        more: "Show older tickets",
        err_ticket_closed: "This ticket is closed, so it takes no more replies. Open a new ticket if you need more help.",
        err_rate_limited: "You have opened a lot of tickets in the last hour. Please wait a little, or reply to one you already have.",
        err_not_found: "We could not find this ticket.",
        err_invalid: "Something in the form was not accepted. Check it and try again.",
        err_generic: "Something went wrong on our side. Please try again.",
        email_us: "Email us at",
        statuses: ["Open", "In Progress", "Waiting", "Resolved", "Closed"],
        types: ["Support Request", "General Inquiry", "Bug Report", "Feature Request"],
    },
    page: PageTexts {
        powered_by: "Powered by Porthole",
        months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        landing_intro: "How can we help? Open a ticket, or follow one you have already opened.",
        submit_a_ticket: "Submit a ticket",
        submit_hint: "Tell us what is going on. You will get a reference and a link to follow your ticket.",
        track_a_ticket: "Track a ticket",
        track_hint: "Each ticket has its own tracking link, shown when you submit it. Keep it or bookmark the page it opens: it is how you follow and answer the ticket.",
        name: "Name",
        email: "Email",
        submitted_title: "Ticket received",
        submitted: "Thank you. We have your request. Keep this reference, and the tracking link below: it is how you follow the ticket and read our answer.",
        track: "Track ticket",
        submit_another: "Submit another",
        status: "Status",
        conversation: "Conversation",
        no_messages: "No messages yet.",
        send_reply: "Send reply",
        link_invalid_title: "This link has expired",
        link_invalid: "Tracking links work for 30 days. If yours has expired, submit a new ticket and mention your reference.",
        not_signed_in_title: "Sign in again",
        not_signed_in: "Your support session has ended. Reload the page you came from to continue.",
        verify_failed_title: "We could not confirm who you are",
        verify_failed: "Reload the page you came from. If this keeps happening, sign out and in again, or contact support.",
        rate_limited_title: "Please wait a little",
        rate_limited: "You have sent a lot of tickets in the last hour. Please try again in {n} minutes, or reply to one of the tickets you already have.",
        rate_limited_one: "You have sent a lot of tickets in the last hour. Please try again in a minute, or reply to one of the tickets you already have.",
        not_found_title: "Not found",
        not_found: "There is nothing here. Check the address, or go back to the support site.",
        bad_request_title: "Something was wrong with that request",
        forbidden_title: "Not allowed",
        forbidden: "This page cannot be used from here.",
        error_title: "Something went wrong",
        error: "Something went wrong on our side. Please try again.",
        fix_below: "Please check the fields marked below.",
        required: "This field is required.",
        invalid_email: "This is not a valid email address.",
        invalid_choice: "Choose one of the listed options.",
        invalid_characters: "This contains characters we cannot accept.",
        faq_back: "Back to the form",
        fresh_link_hint: "Lost your link? Enter your email and the ticket's reference, and we will email you a fresh one.",
        fresh_link_button: "Email me a link",
        fresh_link_sent_title: "Check your inbox",
        fresh_link_sent: "If that reference belongs to a ticket of that address, a fresh tracking link is on its way.",
        reference_label: "Reference (like TKT-0042)",
        unsubscribe_title: "Stop emails about your tickets?",
        unsubscribe_confirm: "Stop these emails",
        unsubscribed: "Done: you will get no more emails about your tickets. Confirmations of new tickets you submit still arrive.",
        kb_title: "Help articles",
        kb_search_label: "Search the help articles",
        kb_search: "Search",
        kb_none: "No article matches. You can submit a ticket instead.",
        kb_all: "All articles",
        kb_before_writing: "Before you write, an answer may already be here:",
    },
    mail: MailTexts {
        received: "We have received your request and will get back to you soon.",
        reference: "Your reference",
        follow: "Follow your ticket",
        link_valid: "This link is valid for 30 days.",
        replied: "{who} replied to your request:",
        team_replied: "Our team replied to your request:",
        reply_in_widget: "Reply in the support panel",
        reply_by_email: "You can also reply to this email.",
        resolved: "Your request has been marked as resolved.",
        reopen_hint: "If anything is still not right, reply and we will pick it up again.",
        fresh_link: "Here is a fresh link to your ticket.",
        team_new_ticket: "New ticket from {who}:",
        team_customer_reply: "{who} replied:",
        why: "You are receiving this because you contacted {brand} support.",
        unsubscribe: "Stop emails like this",
    },
    open_support: "Open support",
    open_support_unread: "Open support, {n} unread",
};

static FR: Catalogue = Catalogue {
    widget: WidgetTexts {
        title: "Assistance",
        greeting: "Bonjour ! Une question ou un problème ? Ouvrez une demande et nous vous répondrons ici.",
        connecting: "Connexion…",
        loading: "Chargement…",
        retry: "Réessayer",
        close: "Fermer l'assistance",
        back: "Retour à vos demandes",
        new_ticket: "Nouvelle demande",
        your_tickets: "Vos demandes",
        subject: "Objet",
        description: "Description",
        description_hint: "Que s'est-il passé, et qu'attendiez-vous ?",
        type_label: "Type",
        type_none: "Choisissez un type (facultatif)",
        category: "Catégorie",
        category_none: "Choisissez une catégorie (facultatif)",
        submit: "Envoyer la demande",
        reply: "Répondre",
        reply_placeholder: "Écrivez une réponse…",
        send: "Envoyer",
        you: "Vous",
        support_team: "Assistance",
        unread: "Nouvelle réponse",
        subject_required: "Merci de donner un objet à votre demande.",
        reply_required: "Écrivez d'abord quelque chose.",
        too_long: "Pas plus de {n} caractères.",
        network_error: "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
        session_ended: "Votre session d'assistance a pris fin. Rechargez la page pour vous reconnecter.",
        closed_note: "Cette demande est close. Ouvrez-en une nouvelle si vous avez encore besoin d'aide.",
        just_now: "à l'instant",
        minutes_ago: "il y a {n} min",
        hours_ago: "il y a {n} h",
        days_ago: "il y a {n} j",
        faq_heading: "Avant de nous écrire",
        resolution: "Résolution",
        mark_solved: "Marquer comme résolue",
        more: "Afficher les demandes plus anciennes",
        err_ticket_closed: "Cette demande est close et n'accepte plus de réponse. Ouvrez-en une nouvelle si vous avez encore besoin d'aide.",
        err_rate_limited: "Vous avez ouvert beaucoup de demandes au cours de la dernière heure. Patientez un peu, ou répondez à l'une de vos demandes.",
        err_not_found: "Nous n'avons pas trouvé cette demande.",
        err_invalid: "Un élément du formulaire n'a pas été accepté. Vérifiez-le et réessayez.",
        err_generic: "Un problème est survenu de notre côté. Veuillez réessayer.",
        email_us: "Écrivez-nous à",
        statuses: ["Ouverte", "En cours", "En attente", "Résolue", "Close"],
        types: ["Demande d'assistance", "Question générale", "Signalement de bug", "Suggestion"],
    },
    page: PageTexts {
        powered_by: "Propulsé par Porthole",
        months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
        landing_intro: "Comment pouvons-nous vous aider ? Ouvrez une demande ou suivez-en une déjà ouverte.",
        submit_a_ticket: "Ouvrir une demande",
        submit_hint: "Expliquez-nous ce qui se passe. Vous recevrez une référence et un lien pour suivre votre demande.",
        track_a_ticket: "Suivre une demande",
        track_hint: "Chaque demande a son propre lien de suivi, affiché à l'envoi. Conservez-le ou ajoutez la page qu'il ouvre à vos favoris : c'est ainsi que vous suivez la demande et y répondez.",
        name: "Nom",
        email: "E-mail",
        submitted_title: "Demande reçue",
        submitted: "Merci. Nous avons bien reçu votre demande. Conservez cette référence et le lien de suivi ci-dessous : c'est ainsi que vous suivez la demande et lisez notre réponse.",
        track: "Suivre la demande",
        submit_another: "Ouvrir une autre demande",
        status: "Statut",
        conversation: "Conversation",
        no_messages: "Aucun message pour l'instant.",
        send_reply: "Envoyer la réponse",
        link_invalid_title: "Ce lien a expiré",
        link_invalid: "Les liens de suivi restent valables 30 jours. Si le vôtre a expiré, envoyez une nouvelle demande en indiquant votre référence.",
        not_signed_in_title: "Reconnectez-vous",
        not_signed_in: "Votre session d'assistance a pris fin. Rechargez la page d'origine pour continuer.",
        verify_failed_title: "Nous n'avons pas pu confirmer votre identité",
        verify_failed: "Rechargez la page d'où vous venez. Si cela se reproduit, déconnectez-vous puis reconnectez-vous, ou contactez le support.",
        rate_limited_title: "Merci de patienter un peu",
        rate_limited: "Vous avez envoyé beaucoup de demandes au cours de la dernière heure. Réessayez dans {n} minutes, ou répondez à l'une de vos demandes existantes.",
        rate_limited_one: "Vous avez envoyé beaucoup de demandes au cours de la dernière heure. Réessayez dans une minute, ou répondez à l'une de vos demandes existantes.",
        not_found_title: "Introuvable",
        not_found: "Il n'y a rien ici. Vérifiez l'adresse ou revenez au site d'assistance.",
        bad_request_title: "Cette requête comportait une erreur",
        forbidden_title: "Non autorisé",
        forbidden: "Cette page ne peut pas être utilisée depuis ici.",
        error_title: "Une erreur s'est produite",
        error: "Une erreur s'est produite de notre côté. Merci de réessayer.",
        fix_below: "Merci de vérifier les champs signalés ci-dessous.",
        required: "Ce champ est obligatoire.",
        invalid_email: "Cette adresse e-mail n'est pas valide.",
        invalid_choice: "Choisissez l'une des options proposées.",
        invalid_characters: "Ce texte contient des caractères que nous ne pouvons pas accepter.",
        faq_back: "Retour au formulaire",
        fresh_link_hint: "Lien perdu ? Saisissez votre e-mail et la référence de la demande, et nous vous enverrons un nouveau lien.",
        fresh_link_button: "M'envoyer un lien",
        fresh_link_sent_title: "Consultez votre boîte de réception",
        fresh_link_sent: "Si cette référence correspond à une demande de cette adresse, un nouveau lien de suivi vous a été envoyé.",
        reference_label: "Référence (comme TKT-0042)",
        unsubscribe_title: "Ne plus recevoir d'e-mails sur vos demandes ?",
        unsubscribe_confirm: "Ne plus recevoir ces e-mails",
        unsubscribed: "C'est fait : vous ne recevrez plus d'e-mails sur vos demandes. Les confirmations des nouvelles demandes arrivent toujours.",
        kb_title: "Articles d'aide",
        kb_search_label: "Rechercher dans les articles d'aide",
        kb_search: "Rechercher",
        kb_none: "Aucun article ne correspond. Vous pouvez envoyer une demande.",
        kb_all: "Tous les articles",
        kb_before_writing: "Avant d'écrire, la réponse est peut-être déjà ici :",
    },
    mail: MailTexts {
        received: "Nous avons bien reçu votre demande et vous répondrons rapidement.",
        reference: "Votre référence",
        follow: "Suivre votre demande",
        link_valid: "Ce lien est valable 30 jours.",
        replied: "{who} a répondu à votre demande :",
        team_replied: "Notre équipe a répondu à votre demande :",
        reply_in_widget: "Répondre dans l'espace d'assistance",
        reply_by_email: "Vous pouvez aussi répondre à cet e-mail.",
        resolved: "Votre demande a été marquée comme résolue.",
        reopen_hint: "Si quelque chose ne va toujours pas, répondez et nous la reprendrons.",
        fresh_link: "Voici un nouveau lien vers votre demande.",
        team_new_ticket: "Nouvelle demande de {who} :",
        team_customer_reply: "{who} a répondu :",
        why: "Vous recevez ce message parce que vous avez contacté l'assistance de {brand}.",
        unsubscribe: "Ne plus recevoir ces e-mails",
    },
    open_support: "Ouvrir l'assistance",
    open_support_unread: "Ouvrir l'assistance, non lues : {n}",
};

static DE: Catalogue = Catalogue {
    widget: WidgetTexts {
        title: "Support",
        greeting: "Hallo! Fragen oder Probleme? Erstellen Sie ein Ticket und wir antworten Ihnen hier.",
        connecting: "Verbindung wird hergestellt…",
        loading: "Wird geladen…",
        retry: "Erneut versuchen",
        close: "Support schließen",
        back: "Zurück zu Ihren Tickets",
        new_ticket: "Neues Ticket",
        your_tickets: "Ihre Tickets",
        subject: "Betreff",
        description: "Beschreibung",
        description_hint: "Was ist passiert, und was hatten Sie erwartet?",
        type_label: "Art",
        type_none: "Art wählen (optional)",
        category: "Kategorie",
        category_none: "Kategorie wählen (optional)",
        submit: "Ticket senden",
        reply: "Antworten",
        reply_placeholder: "Antwort schreiben…",
        send: "Senden",
        you: "Sie",
        support_team: "Support",
        unread: "Neue Antwort",
        subject_required: "Bitte geben Sie Ihrem Ticket einen Betreff.",
        reply_required: "Schreiben Sie zuerst etwas.",
        too_long: "Höchstens {n} Zeichen.",
        network_error: "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
        session_ended: "Ihre Support-Sitzung ist beendet. Laden Sie die Seite neu, um sich wieder anzumelden.",
        closed_note: "Dieses Ticket ist geschlossen. Erstellen Sie ein neues, wenn Sie weitere Hilfe brauchen.",
        just_now: "gerade eben",
        minutes_ago: "vor {n} Min.",
        hours_ago: "vor {n} Std.",
        days_ago: "vor {n} Tg.",
        faq_heading: "Bevor Sie fragen",
        resolution: "Lösung",
        mark_solved: "Als gelöst markieren",
        more: "Ältere Tickets anzeigen",
        err_ticket_closed: "Dieses Ticket ist geschlossen und nimmt keine Antworten mehr an. Erstellen Sie ein neues, wenn Sie weitere Hilfe brauchen.",
        err_rate_limited: "Sie haben in der letzten Stunde viele Tickets eröffnet. Bitte warten Sie kurz oder antworten Sie auf eines Ihrer Tickets.",
        err_not_found: "Dieses Ticket wurde nicht gefunden.",
        err_invalid: "Etwas im Formular wurde nicht angenommen. Prüfen Sie es und versuchen Sie es erneut.",
        err_generic: "Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.",
        email_us: "Schreiben Sie uns an",
        statuses: ["Offen", "In Bearbeitung", "Wartend", "Gelöst", "Geschlossen"],
        types: ["Supportanfrage", "Allgemeine Frage", "Fehlermeldung", "Funktionswunsch"],
    },
    page: PageTexts {
        powered_by: "Bereitgestellt von Porthole",
        months: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
        landing_intro: "Wie können wir helfen? Erstellen Sie ein Ticket oder verfolgen Sie ein bestehendes.",
        submit_a_ticket: "Ticket erstellen",
        submit_hint: "Beschreiben Sie, worum es geht. Sie erhalten eine Referenz und einen Link, mit dem Sie Ihr Ticket verfolgen.",
        track_a_ticket: "Ticket verfolgen",
        track_hint: "Jedes Ticket hat einen eigenen Link zur Verfolgung, der nach dem Absenden angezeigt wird. Bewahren Sie ihn auf oder setzen Sie ein Lesezeichen: So verfolgen und beantworten Sie das Ticket.",
        name: "Name",
        email: "E-Mail",
        submitted_title: "Ticket erhalten",
        submitted: "Danke. Ihre Anfrage ist eingegangen. Bewahren Sie diese Referenz und den Link unten auf: Damit verfolgen Sie das Ticket und lesen unsere Antwort.",
        track: "Ticket verfolgen",
        submit_another: "Weiteres Ticket",
        status: "Status",
        conversation: "Verlauf",
        no_messages: "Noch keine Nachrichten.",
        send_reply: "Antwort senden",
        link_invalid_title: "Dieser Link ist abgelaufen",
        link_invalid: "Links zur Verfolgung gelten 30 Tage. Ist Ihrer abgelaufen, senden Sie ein neues Ticket und nennen Sie Ihre Referenz.",
        not_signed_in_title: "Bitte erneut anmelden",
        not_signed_in: "Ihre Support-Sitzung ist beendet. Laden Sie die Ausgangsseite neu, um fortzufahren.",
        verify_failed_title: "Wir konnten Ihre Identität nicht bestätigen",
        verify_failed: "Laden Sie die Seite neu, von der Sie kamen. Passiert das wieder, melden Sie sich ab und erneut an oder wenden Sie sich an den Support.",
        rate_limited_title: "Bitte warten Sie kurz",
        rate_limited: "Sie haben in der letzten Stunde viele Tickets gesendet. Bitte versuchen Sie es in {n} Minuten erneut oder antworten Sie auf eines Ihrer Tickets.",
        rate_limited_one: "Sie haben in der letzten Stunde viele Tickets gesendet. Bitte versuchen Sie es in einer Minute erneut oder antworten Sie auf eines Ihrer Tickets.",
        not_found_title: "Nicht gefunden",
        not_found: "Hier gibt es nichts. Prüfen Sie die Adresse oder kehren Sie zur Support-Seite zurück.",
        bad_request_title: "Mit dieser Anfrage stimmte etwas nicht",
        forbidden_title: "Nicht erlaubt",
        forbidden: "Diese Seite kann von hier aus nicht verwendet werden.",
        error_title: "Etwas ist schiefgelaufen",
        error: "Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.",
        fix_below: "Bitte prüfen Sie die markierten Felder.",
        required: "Dieses Feld ist erforderlich.",
        invalid_email: "Das ist keine gültige E-Mail-Adresse.",
        invalid_choice: "Wählen Sie eine der angebotenen Optionen.",
        invalid_characters: "Dieser Text enthält Zeichen, die wir nicht annehmen können.",
        faq_back: "Zurück zum Formular",
        fresh_link_hint: "Link verloren? Geben Sie Ihre E-Mail-Adresse und die Referenz des Tickets ein, und wir senden Ihnen einen neuen.",
        fresh_link_button: "Link per E-Mail senden",
        fresh_link_sent_title: "Sehen Sie in Ihr Postfach",
        fresh_link_sent: "Wenn diese Referenz zu einem Ticket dieser Adresse gehört, ist ein neuer Link unterwegs.",
        reference_label: "Referenz (wie TKT-0042)",
        unsubscribe_title: "Keine E-Mails mehr zu Ihren Tickets?",
        unsubscribe_confirm: "Keine solchen E-Mails mehr",
        unsubscribed: "Erledigt: Sie erhalten keine E-Mails mehr zu Ihren Tickets. Bestätigungen neuer Tickets kommen weiterhin.",
        kb_title: "Hilfeartikel",
        kb_search_label: "Hilfeartikel durchsuchen",
        kb_search: "Suchen",
        kb_none: "Kein Artikel passt. Sie können ein Ticket senden.",
        kb_all: "Alle Artikel",
        kb_before_writing: "Bevor Sie schreiben: Vielleicht steht die Antwort schon hier:",
    },
    mail: MailTexts {
        received: "Wir haben Ihre Anfrage erhalten und melden uns bald.",
        reference: "Ihre Referenz",
        follow: "Anfrage verfolgen",
        link_valid: "Dieser Link ist 30 Tage gültig.",
        replied: "{who} hat auf Ihre Anfrage geantwortet:",
        team_replied: "Unser Team hat auf Ihre Anfrage geantwortet:",
        reply_in_widget: "Im Support-Fenster antworten",
        reply_by_email: "Sie können auch auf diese E-Mail antworten.",
        resolved: "Ihre Anfrage wurde als gelöst markiert.",
        reopen_hint: "Falls noch etwas nicht stimmt, antworten Sie einfach, und wir kümmern uns wieder darum.",
        fresh_link: "Hier ist ein neuer Link zu Ihrer Anfrage.",
        team_new_ticket: "Neue Anfrage von {who}:",
        team_customer_reply: "{who} hat geantwortet:",
        why: "Sie erhalten diese Nachricht, weil Sie den Support von {brand} kontaktiert haben.",
        unsubscribe: "Keine solchen E-Mails mehr",
    },
    open_support: "Support öffnen",
    open_support_unread: "Support öffnen, {n} ungelesen",
};

static ES: Catalogue = Catalogue {
    widget: WidgetTexts {
        title: "Soporte",
        greeting: "¡Hola! ¿Dudas o problemas? Abre una solicitud y te responderemos aquí.",
        connecting: "Conectando…",
        loading: "Cargando…",
        retry: "Reintentar",
        close: "Cerrar soporte",
        back: "Volver a tus solicitudes",
        new_ticket: "Nueva solicitud",
        your_tickets: "Tus solicitudes",
        subject: "Asunto",
        description: "Descripción",
        description_hint: "¿Qué ocurrió y qué esperabas?",
        type_label: "Tipo",
        type_none: "Elige un tipo (opcional)",
        category: "Categoría",
        category_none: "Elige una categoría (opcional)",
        submit: "Enviar solicitud",
        reply: "Responder",
        reply_placeholder: "Escribe una respuesta…",
        send: "Enviar",
        you: "Tú",
        support_team: "Soporte",
        unread: "Respuesta nueva",
        subject_required: "Ponle un asunto a tu solicitud.",
        reply_required: "Escribe algo primero.",
        too_long: "Máximo {n} caracteres.",
        network_error: "No pudimos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.",
        session_ended: "Tu sesión de soporte ha terminado. Recarga la página para volver a entrar.",
        closed_note: "Esta solicitud está cerrada. Abre una nueva si necesitas más ayuda.",
        just_now: "ahora mismo",
        minutes_ago: "hace {n} min",
        hours_ago: "hace {n} h",
        days_ago: "hace {n} d",
        faq_heading: "Antes de preguntar",
        resolution: "Resolución",
        mark_solved: "Marcar como resuelta",
        more: "Mostrar solicitudes anteriores",
        err_ticket_closed: "Esta solicitud está cerrada y no admite más respuestas. Abre una nueva si necesitas más ayuda.",
        err_rate_limited: "Has abierto muchas solicitudes en la última hora. Espera un poco o responde a una de las que ya tienes.",
        err_not_found: "No encontramos esta solicitud.",
        err_invalid: "Algo del formulario no se aceptó. Revísalo e inténtalo de nuevo.",
        err_generic: "Algo falló por nuestra parte. Inténtalo de nuevo.",
        email_us: "Escríbenos a",
        statuses: ["Abierta", "En curso", "En espera", "Resuelta", "Cerrada"],
        types: ["Solicitud de soporte", "Consulta general", "Informe de error", "Sugerencia"],
    },
    page: PageTexts {
        powered_by: "Con la tecnología de Porthole",
        months: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
        landing_intro: "¿En qué podemos ayudarte? Abre una solicitud o sigue una que ya abriste.",
        submit_a_ticket: "Abrir una solicitud",
        submit_hint: "Cuéntanos qué ocurre. Recibirás una referencia y un enlace para seguir tu solicitud.",
        track_a_ticket: "Seguir una solicitud",
        track_hint: "Cada solicitud tiene su propio enlace de seguimiento, que se muestra al enviarla. Guárdalo o añade a favoritos la página que abre: así sigues la solicitud y respondes.",
        name: "Nombre",
        email: "Correo",
        submitted_title: "Solicitud recibida",
        submitted: "Gracias. Hemos recibido tu solicitud. Guarda esta referencia y el enlace de seguimiento de abajo: así sigues la solicitud y lees nuestra respuesta.",
        track: "Seguir la solicitud",
        submit_another: "Abrir otra",
        status: "Estado",
        conversation: "Conversación",
        no_messages: "Aún no hay mensajes.",
        send_reply: "Enviar respuesta",
        link_invalid_title: "Este enlace ha caducado",
        link_invalid: "Los enlaces de seguimiento sirven durante 30 días. Si el tuyo ha caducado, envía una nueva solicitud e indica tu referencia.",
        not_signed_in_title: "Vuelve a entrar",
        not_signed_in: "Tu sesión de soporte ha terminado. Recarga la página de origen para continuar.",
        verify_failed_title: "No pudimos confirmar tu identidad",
        verify_failed: "Recarga la página de la que vienes. Si vuelve a ocurrir, cierra sesión y vuelve a entrar, o contacta con soporte.",
        rate_limited_title: "Espera un poco, por favor",
        rate_limited: "Has enviado muchas solicitudes en la última hora. Inténtalo de nuevo en {n} minutos o responde a una de tus solicitudes.",
        rate_limited_one: "Has enviado muchas solicitudes en la última hora. Inténtalo de nuevo en un minuto o responde a una de tus solicitudes.",
        not_found_title: "No encontrado",
        not_found: "Aquí no hay nada. Revisa la dirección o vuelve al sitio de soporte.",
        bad_request_title: "Algo falló en esa petición",
        forbidden_title: "No permitido",
        forbidden: "Esta página no se puede usar desde aquí.",
        error_title: "Algo salió mal",
        error: "Algo salió mal por nuestra parte. Inténtalo de nuevo.",
        fix_below: "Revisa los campos marcados abajo.",
        required: "Este campo es obligatorio.",
        invalid_email: "No es una dirección de correo válida.",
        invalid_choice: "Elige una de las opciones de la lista.",
        invalid_characters: "Contiene caracteres que no podemos aceptar.",
        faq_back: "Volver al formulario",
        fresh_link_hint: "¿Perdiste tu enlace? Escribe tu correo y la referencia de la solicitud y te enviaremos uno nuevo.",
        fresh_link_button: "Enviarme un enlace",
        fresh_link_sent_title: "Revisa tu bandeja de entrada",
        fresh_link_sent: "Si esa referencia corresponde a una solicitud de esa dirección, te hemos enviado un nuevo enlace de seguimiento.",
        reference_label: "Referencia (como TKT-0042)",
        unsubscribe_title: "¿Dejar de recibir correos sobre tus solicitudes?",
        unsubscribe_confirm: "Dejar de recibir estos correos",
        unsubscribed: "Hecho: no recibirás más correos sobre tus solicitudes. Las confirmaciones de nuevas solicitudes siguen llegando.",
        kb_title: "Artículos de ayuda",
        kb_search_label: "Buscar en los artículos de ayuda",
        kb_search: "Buscar",
        kb_none: "Ningún artículo coincide. Puedes enviar una solicitud.",
        kb_all: "Todos los artículos",
        kb_before_writing: "Antes de escribir, quizá la respuesta ya esté aquí:",
    },
    mail: MailTexts {
        received: "Hemos recibido su solicitud y le responderemos pronto.",
        reference: "Su referencia",
        follow: "Seguir su solicitud",
        link_valid: "Este enlace es válido durante 30 días.",
        replied: "{who} respondió a su solicitud:",
        team_replied: "Nuestro equipo respondió a su solicitud:",
        reply_in_widget: "Responder en el panel de soporte",
        reply_by_email: "También puede responder a este correo.",
        resolved: "Su solicitud se ha marcado como resuelta.",
        reopen_hint: "Si algo sigue sin funcionar, responda y la retomaremos.",
        fresh_link: "Aquí tiene un enlace nuevo a su solicitud.",
        team_new_ticket: "Nueva solicitud de {who}:",
        team_customer_reply: "{who} respondió:",
        why: "Recibe este mensaje porque contactó con el soporte de {brand}.",
        unsubscribe: "No recibir más correos como este",
    },
    open_support: "Abrir soporte",
    open_support_unread: "Abrir soporte, {n} sin leer",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(
            from_accept_language("pt-BR, de;q=0.8, en;q=0.5"),
            Some(Locale::De)
        );
        assert_eq!(from_accept_language("fr-CA"), Some(Locale::Fr));
        assert_eq!(from_accept_language("es;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(from_accept_language("ja, zh"), None);
    }

    #[test]
    fn every_word_the_panel_asks_for_is_in_every_language() {
        // The panel maps each error code it can receive to one of these keys
        // (widget/src/logic.rs, `error_key`), and looks up the rest by name.
        for locale in Locale::ALL {
            let words = serde_json::to_value(&catalogue(locale).widget).unwrap();
            for key in [
                "err_ticket_closed",
                "err_rate_limited",
                "err_not_found",
                "err_invalid",
                "err_generic",
                "session_ended",
                "network_error",
                "mark_solved",
                "more",
                "resolution",
                "closed_note",
            ] {
                let word = words[key].as_str().unwrap_or_default();
                assert!(!word.is_empty(), "{locale:?} lacks {key}");
            }
        }
    }

    #[test]
    fn every_language_fills_every_template() {
        for locale in Locale::ALL {
            let c = catalogue(locale);
            for template in [
                c.widget.too_long,
                c.widget.minutes_ago,
                c.page.rate_limited,
                c.open_support_unread,
            ] {
                assert!(template.contains("{n}"), "{locale:?}: {template}");
            }
            assert_eq!(c.status(TicketStatus::Closed), c.widget.statuses[4]);
        }
    }
}
