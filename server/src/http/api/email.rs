//! Email as an admin sees it in the console: what the server sends and takes in, where the
//! mail provider posts this workspace's inbound mail, and a new inbound secret for it.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use porthole_types::{EmailSetup, InboundSecret};
use secrecy::ExposeSecret;

use super::responses::{NotAdmin, Unauthorized};
use crate::http::auth::Admin;
use crate::http::error::ApiResult;
use crate::http::extract::AppJson;
use crate::http::state::AppState;
use crate::store::UndeliveredMail;

/// How long an email given up on stays on the admins' list.
const UNDELIVERED_KEPT_MS: i64 = 30 * 24 * 3_600_000;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/email", get(setup))
        .route("/email/inbound-secret", post(new_secret))
}

#[utoipa::path(
    get, path = "/api/v1/agent/email", tag = "settings", security(("api_key" = []), ("console" = [])),
    responses(
        (status = 200, description = "How email works for the workspace; never the SMTP credentials or the inbound secret", body = EmailSetup),
        Unauthorized,
        NotAdmin
    )
)]
async fn setup(
    State(state): State<AppState>,
    Admin(actor): Admin,
) -> ApiResult<AppJson<EmailSetup>> {
    let workspace = actor.workspace(&state.store).await?;
    let mailer = state.mailer.as_ref();
    let since = state.clock.now_ms() - UNDELIVERED_KEPT_MS;
    let undelivered = state
        .store
        .undelivered_mail(workspace.id, since, 20)
        .await?
        .into_iter()
        .map(UndeliveredMail::view)
        .collect();
    Ok(AppJson(EmailSetup {
        sending: mailer.is_some(),
        from: mailer.map(|m| m.from_address()),
        replies_by_email: mailer.is_some_and(|m| m.reply_local().is_some()),
        inbound_url: format!(
            "{}/api/v1/inbound/{}",
            state.settings.public_origin.as_str(),
            workspace.slug
        ),
        inbound_secret_set: state.store.has_inbound_secret(workspace.id).await?,
        undelivered,
    }))
}

#[utoipa::path(
    post, path = "/api/v1/agent/email/inbound-secret", tag = "settings", security(("api_key" = []), ("console" = [])),
    responses(
        (status = 201, description = "A new inbound secret, shown only here; the one before it stops working at once", body = InboundSecret),
        Unauthorized,
        NotAdmin
    )
)]
async fn new_secret(
    State(state): State<AppState>,
    Admin(actor): Admin,
) -> ApiResult<(StatusCode, AppJson<InboundSecret>)> {
    let secret = porthole_core::secrets::new_inbound(&state.store, actor.workspace_id).await?;
    Ok((
        StatusCode::CREATED,
        AppJson(InboundSecret {
            secret: secret.expose_secret().to_owned(),
        }),
    ))
}
