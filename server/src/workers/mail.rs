//! The mail worker: plans emails from new events, then sends what is due, retrying with
//! back-off. Planning moves the reader's cursor in the transaction that queues the emails, and
//! an email is marked sent only once the SMTP server has accepted it, so nothing is lost to a
//! crash. A crash between acceptance and marking resends it with the same `Message-ID`, which
//! mail clients show once.

use std::time::Duration;

use super::Context;
use crate::backoff::retry_at;
use crate::live::Wakes;
use crate::mail::{compose, plan, Links, Mailer};
use crate::store::{DueMail, NotSentThen, PlannedMail};
use porthole_core::unsubscribe_mac;

/// Waits between attempts: about a day in all, then the email is dropped (and logged).
const BACKOFF_SECS: [i64; 10] = [5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 28800];
const BATCH: i64 = 100;
/// How long a server may take to send an email it has claimed before another may.
const LEASE_MS: i64 = 60_000;
/// How long the rating link in a resolution email works.
const RATING_LINK_TTL_MS: i64 = 7 * 24 * 3_600_000;
/// Due emails are looked for at least this often, since a delayed one falls due on its own.
const TICK: Duration = Duration::from_secs(1);

pub async fn run(state: Context, mailer: Mailer) {
    if let Err(err) = state.store.start_mail_reader().await {
        tracing::error!(error = %err, "email is off: the outbox cannot be read");
        return;
    }
    let mut wakes = Wakes::new(&state.live, TICK);
    loop {
        if let Err(err) = plan_new(&state).await {
            tracing::warn!(error = %err, "planning emails failed; will retry");
        }
        if let Err(err) = send_due(&state, &mailer).await {
            tracing::warn!(error = %err, "sending emails failed; will retry");
        }
        if !wakes.next().await {
            return;
        }
    }
}

async fn plan_new(state: &Context) -> anyhow::Result<()> {
    loop {
        let events = state.store.unplanned_mail_events(BATCH).await?;
        let (Some(first), Some(last)) = (events.first(), events.last()) else {
            return Ok(());
        };
        let mails: Vec<PlannedMail> = events.iter().flat_map(plan).collect();
        state
            .store
            .queue_mail(&mails, (first.id, last.id), state.clock.now_ms())
            .await?;
    }
}

async fn send_due(state: &Context, mailer: &Mailer) -> anyhow::Result<()> {
    let store = &state.store;
    for mail in store.due_mail(state.clock.now_ms(), BATCH).await? {
        let now = state.clock.now_ms();
        if !store.claim_mail(&mail, now + LEASE_MS).await? {
            continue;
        }
        // A participant removed since the email was planned hears no more of the ticket.
        if !mail.kind.starts_with("team_") && !mail.recipient_in {
            store
                .mail_not_sent(
                    mail.id,
                    NotSentThen::Unwanted,
                    "the recipient no longer takes part",
                    now,
                )
                .await?;
            continue;
        }
        // A widget user who read the reply in the widget needs no email about it.
        if mail.kind == "agent_reply" && mail.channel == "widget" && !mail.unread {
            store
                .mail_not_sent(mail.id, NotSentThen::Unwanted, "read in the widget", now)
                .await?;
            continue;
        }
        let links = links(state, mailer, &mail).await?;
        let message = match compose(mailer, &mail, &links) {
            Ok(message) => message,
            Err(err) => {
                tracing::warn!(mail = mail.id, error = %err, "an email could not be written; dropped");
                store
                    .mail_not_sent(mail.id, NotSentThen::GiveUp, "could not be written", now)
                    .await?;
                continue;
            }
        };
        match mailer.send(message).await {
            Ok(()) => {
                store.mail_sent(mail.id, state.clock.now_ms()).await?;
                tracing::info!(mail = mail.id, kind = %mail.kind, "email sent");
            }
            // A refusal of this one recipient (5xx) gives up on this email alone; the rest
            // are still sent. Admins see it in the email screen and `/metrics`.
            Err(failure) => {
                let then = (!failure.permanent)
                    .then(|| retry_at(&BACKOFF_SECS, mail.attempts + 1, now))
                    .flatten()
                    .map_or(NotSentThen::GiveUp, NotSentThen::Retry);
                store
                    .mail_not_sent(mail.id, then, &failure.reason, now)
                    .await?;
                match then {
                    NotSentThen::Retry(_) => {
                        tracing::warn!(mail = mail.id, reason = %failure.reason, "email not sent; will retry")
                    }
                    _ => {
                        tracing::error!(mail = mail.id, reason = %failure.reason, "email not sent; given up")
                    }
                }
            }
        }
    }
    Ok(())
}

/// The links an email carries: a fresh tracking link for tickets followed on the portal,
/// the widget's page for widget tickets, and one-click unsubscribe on notifications.
async fn links(state: &Context, mailer: &Mailer, mail: &DueMail) -> anyhow::Result<Links> {
    let public = state.public_origin.as_str();
    let to_customer = !mail.kind.starts_with("team_");
    let settings: porthole_types::Settings =
        serde_json::from_str(&mail.settings).unwrap_or_default();
    // A resolution email asks for a rating: its link (7 days) leads to the tracking page,
    // which asks. Otherwise widget tickets are followed in the widget, on the page set as
    // `widget_host_url`, and others (and widget tickets where no such page is set) on the
    // portal's tracking page: an email about a reply always leads to it.
    let widget_page = (mail.channel == "widget" && mail.kind != "resolved" && mail.recipient_owner)
        .then(|| settings.widget_host_url.clone())
        .flatten();
    let ticket = if !to_customer {
        None
    } else if widget_page.is_some() {
        widget_page
    } else {
        let ttl = (mail.kind == "resolved").then_some(RATING_LINK_TTL_MS);
        let path = crate::tracking::tracking_path(
            &state.store,
            (&mail.slug, mail.ticket_id, mail.number),
            &mail.recipient,
            ttl,
            state.clock.now_ms(),
        )
        .await?;
        Some(format!("{public}{path}"))
    };
    let notification = matches!(mail.kind.as_str(), "agent_reply" | "resolved");
    let unsubscribe = mail
        .recipient_contact
        .filter(|_| notification)
        .map(|contact| {
            format!(
                "{public}/u/{}/{contact}/{}",
                mail.slug,
                unsubscribe_mac(&mail.secret, contact)
            )
        });
    // Replies by email continue the ticket: each customer email carries its own token.
    let reply_to = match mailer.reply_local() {
        Some(_) if to_customer => {
            let token = state
                .store
                .create_reply_token(mail.ticket_id, &mail.recipient, state.clock.now_ms())
                .await?;
            mailer.reply_address(&token)
        }
        _ => None,
    };
    let widget = (mail.kind == "auto_response")
        .then(|| settings.widget_host_url.clone())
        .flatten();
    Ok(Links {
        ticket,
        unsubscribe,
        reply_to,
        widget,
    })
}

#[cfg(test)]
mod tests {
    use super::BACKOFF_SECS;

    #[test]
    fn emails_are_retried_for_about_a_day() {
        let total: i64 = BACKOFF_SECS.iter().sum();
        assert!((20 * 3600..30 * 3600).contains(&total), "{total}");
    }
}
