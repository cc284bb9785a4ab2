//! Pages that exist because email is on: asking for a fresh tracking link, and the one-click
//! unsubscribe that notification emails carry (RFC 8058).

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup};
use serde::Deserialize;
use subtle::ConstantTimeEq;

use super::portal::client;
use super::{check_form_origin, rate_limited, PageError, PageForm, Site};
use crate::http::extract::AppPath;
use crate::http::listener::Peer;
use crate::http::state::AppState;
use porthole_core::fresh_links::{self, Asked};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/p/{slug}/link", get(link_form).post(send_link))
        .route(
            "/u/{slug}/{contact}/{proof}",
            get(unsubscribe_page).post(unsubscribe),
        )
}

/// The form that asks for a fresh tracking link, for pages to show when email is on.
pub fn link_request(site: &Site) -> Markup {
    let t = site.t;
    html! {
        p { (t.page.fresh_link_hint) }
        form.ph-form method="post" action={ "/p/" (site.slug) "/link" } {
            label.ph-label for="ph-link-email" { (t.page.email) }
            input.ph-input id="ph-link-email" name="email" type="email" autocomplete="email" required;
            label.ph-label for="ph-link-reference" { (t.page.reference_label) }
            input.ph-input id="ph-link-reference" name="reference" type="text" required maxlength="20";
            button.ph-button type="submit" { (t.page.fresh_link_button) }
        }
    }
}

fn email_on(state: &AppState) -> Result<(), PageError> {
    state.mailer.as_ref().map(drop).ok_or(PageError::NotFound)
}

async fn link_form(State(state): State<AppState>, site: Site) -> Result<Response, PageError> {
    email_on(&state)?;
    let t = site.t;
    Ok(site
        .page(
            t.page.track_a_ticket,
            html! { h1.ph-heading { (t.page.track_a_ticket) } (link_request(&site)) },
        )
        .into_response())
}

#[derive(Deserialize)]
struct LinkForm {
    email: String,
    reference: String,
}

/// Answers the same whether or not the reference and address match, so the form cannot be
/// used to learn who has which ticket.
async fn send_link(
    State(state): State<AppState>,
    site: Site,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    headers: HeaderMap,
    PageForm(form): PageForm<LinkForm>,
) -> Result<Response, PageError> {
    email_on(&state)?;
    check_form_origin(&state, &headers)?;
    let now = state.clock.now_ms();
    let client = client(&state, peer, &headers);
    let asked = (&form.email[..], &form.reference[..]);
    let from = (site.workspace.id, &client[..]);
    if let Asked::Wait(wait) = fresh_links::ask(&state.store, from, asked, now).await? {
        return Ok(rate_limited(&site, wait));
    }
    let t = site.t;
    Ok(site
        .page(
            t.page.fresh_link_sent_title,
            html! { h1.ph-heading { (t.page.fresh_link_sent_title) } p { (t.page.fresh_link_sent) } },
        )
        .into_response())
}

/// The contact an unsubscribe link names, if its proof is right.
fn proven_contact(site: &Site, contact: &str, proof: &str) -> Option<i64> {
    let id: i64 = contact.parse().ok()?;
    let expected = site.workspace.unsubscribe_proof(id);
    bool::from(expected.as_bytes().ct_eq(proof.as_bytes())).then_some(id)
}

/// A link scanner may follow the link: the page only asks. The POST unsubscribes.
async fn unsubscribe_page(
    site: Site,
    AppPath((_, contact, proof)): AppPath<(String, String, String)>,
) -> Result<Response, PageError> {
    proven_contact(&site, &contact, &proof).ok_or(PageError::NotFound)?;
    let t = site.t;
    Ok(site
        .page(
            t.page.unsubscribe_title,
            html! {
                h1.ph-heading { (t.page.unsubscribe_title) }
                form.ph-form method="post" {
                    button.ph-button.ph-button--primary type="submit" { (t.page.unsubscribe_confirm) }
                }
            },
        )
        .into_response())
}

/// One click from a mail client (`List-Unsubscribe=One-Click`) or the button on the page.
/// No cookie or origin is needed: the link itself is the proof.
async fn unsubscribe(
    State(state): State<AppState>,
    site: Site,
    AppPath((_, contact, proof)): AppPath<(String, String, String)>,
) -> Result<Response, PageError> {
    let id = proven_contact(&site, &contact, &proof).ok_or(PageError::NotFound)?;
    let now = state.clock.now_ms();
    fresh_links::unsubscribe(&state.store, (site.workspace.id, id), now).await?;
    let t = site.t;
    Ok(site
        .page(
            t.page.unsubscribe_title,
            html! { h1.ph-heading { (t.page.unsubscribe_title) } p { (t.page.unsubscribed) } },
        )
        .status(StatusCode::OK)
        .into_response())
}
