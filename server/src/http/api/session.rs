//! The widget session: a verified identity exchanged for a bearer token, and what the loader
//! needs to draw the launcher for this user.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use porthole_types::{CreateSession, ErrorDetail, Launcher, Locale, Session, Settings, Visibility};
use secrecy::ExposeSecret;

use super::responses::{BadRequest, Invalid, NotJson, OriginNotAllowed, TooLarge, Unauthorized};
use crate::clock::rfc3339;
use crate::http::auth::{bearer, origin_header, UserSession};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppPath};
use crate::http::state::AppState;
use crate::http::theme;
use crate::i18n::catalogue;
use crate::store::UserScope;
use porthole_core::sessions::{self, HeldSession, WidgetClaim};
use porthole_core::{hash_token, Origin};

/// What the session response adds to the bare session: the user's language, the launcher,
/// and anything that was refused without refusing the session.
struct Extras {
    locale: Locale,
    launcher: Option<Launcher>,
    warnings: Vec<porthole_types::ErrorDetail>,
}

/// The launcher for this user, or none when the workspace offers the widget only to customers
/// worth at least its revenue threshold and this one is not known to be.
fn launcher(
    settings: &Settings,
    locale: Locale,
    value: Option<f64>,
    show: Option<bool>,
) -> Option<Launcher> {
    let offered = match settings.visibility {
        Visibility::All => true,
        Visibility::Revenue => value.is_some_and(|v| v >= settings.revenue_threshold),
    };
    let texts = catalogue(locale);
    offered.then(|| Launcher {
        show: show.unwrap_or(settings.show_toggle_button),
        css: theme::launcher(settings),
        label: texts.open_support.to_owned(),
        unread_label: texts.open_support_unread.to_owned(),
    })
}

/// Exchanges a verified identity for a session. Refused unless the request comes from one of
/// the workspace's allowed origins; a request with no `Origin` at all is refused too.
///
/// A loader sends the session it already holds as a bearer token. If that session is this
/// user's, from this origin, it is returned as it is (200) and the hash is not needed again;
/// otherwise it is revoked, and the hash must verify for a new session (201).
#[utoipa::path(
    post, path = "/api/v1/widget/{slug}/session", tag = "widget",
    params(("slug" = String, Path, description = "The workspace")), request_body = CreateSession,
    responses(
        (status = 201, description = "A new session; the token is shown only here", body = Session),
        (status = 200, description = "The session sent as a bearer token, still this user's", body = Session),
        BadRequest,
        Unauthorized,
        OriginNotAllowed,
        TooLarge,
        NotJson,
        Invalid
    )
)]
pub async fn create(
    State(state): State<AppState>,
    AppPath(slug): AppPath<String>,
    headers: HeaderMap,
    AppJson(req): AppJson<CreateSession>,
) -> ApiResult<Response> {
    let workspace = state
        .store
        .workspace_by_slug(&slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let origin = origin_header(&headers)
        .and_then(|o| Origin::parse(o).ok())
        .ok_or(ApiError::OriginNotAllowed)?;
    if !state.store.origin_allowed(&slug, origin.as_str()).await? {
        return Err(ApiError::OriginNotAllowed);
    }
    let now = state.clock.now_ms();
    // The session the loader holds, if it is live: still this user's, it goes on.
    let held = match bearer(&headers) {
        Ok(previous) => {
            let hash = hash_token(previous);
            let found = state.store.find_session(&hash, now).await?;
            found.map(|s| HeldSession {
                participants: s.participants(),
                token_hash: hash,
                slug: s.slug,
                email: s.email,
                origin: s.origin,
                expires_at: s.expires_at,
            })
        }
        Err(_) => None,
    };
    let claim = WidgetClaim {
        email: &req.email,
        name: req.name.as_deref(),
        timestamp: req.timestamp,
        participants: req.participants.as_deref().unwrap_or_default(),
        hash: &req.verification_hash,
        metadata: req.metadata.as_ref(),
        locale: req.locale.as_deref(),
        languages: req.languages.as_deref().unwrap_or_default(),
    };
    let keys = workspace.keys(now);
    let opening = (workspace.id, &slug[..], &keys);
    let life = (state.settings.session_ttl_ms, now);
    let opened = sessions::open_widget(&state.store, opening, &origin, claim, held, life).await?;
    let mut warnings: Vec<ErrorDetail> = opened
        .refused
        .into_iter()
        .map(|e| ApiError::from(e).detail())
        .collect();
    if let Some(reason) = opened.participants_ignored {
        warnings.push(ErrorDetail {
            code: "participants_ignored".into(),
            message: reason,
            field: Some("participants".into()),
        });
    }
    let (token, status) = match &opened.token {
        Some(new) => (new.secret.expose_secret().to_owned(), StatusCode::CREATED),
        None => (
            bearer(&headers).unwrap_or_default().to_owned(),
            StatusCode::OK,
        ),
    };
    let locale = opened.locale.unwrap_or(workspace.settings.default_locale);
    let (email, name, metadata) = (opened.email, opened.name, opened.metadata);
    let value = match &metadata {
        Some(m) => m.value,
        None => state
            .store
            .contact_metadata(workspace.id, email.as_str())
            .await?
            .and_then(|m| m.value),
    };
    let extras = Extras {
        locale,
        launcher: launcher(&workspace.settings, locale, value, req.show_toggle_button),
        warnings,
    };
    let scope = UserScope {
        workspace_id: workspace.id,
        email: email.to_string(),
        name,
    };
    let session = describe(&state, &scope, opened.expires_at, Some(&token), extras).await?;
    Ok((status, AppJson(session)).into_response())
}

/// The session as the API shows it, with the user's unread count.
async fn describe(
    state: &AppState,
    scope: &UserScope,
    expires_at: i64,
    token: Option<&str>,
    extras: Extras,
) -> ApiResult<Session> {
    Ok(Session {
        token: token.map(str::to_owned),
        email: scope.email.clone(),
        name: scope.name.clone(),
        expires_at: rfc3339(expires_at),
        expires_in: (expires_at - state.clock.now_ms()).max(0) / 1000,
        unread: state.store.unread_count(scope).await?,
        locale: extras.locale,
        launcher: extras.launcher,
        warnings: extras.warnings,
    })
}

/// The current session, for the loader's check on unread replies.
#[utoipa::path(
    get, path = "/api/v1/widget/{slug}/session", tag = "widget",
    params(("slug" = String, Path, description = "The workspace")), security(("session" = [])),
    responses(
        (status = 200, description = "The session, without its token, and the unread count", body = Session),
        Unauthorized,
        OriginNotAllowed
    )
)]
pub async fn current(
    State(state): State<AppState>,
    session: UserSession,
) -> ApiResult<AppJson<Session>> {
    let extras = Extras {
        locale: Locale::default(),
        launcher: None,
        warnings: vec![],
    };
    Ok(AppJson(
        describe(&state, &session.scope, session.expires_at, None, extras).await?,
    ))
}

/// Revokes the session at once; the token is worthless from the next request on.
#[utoipa::path(
    delete, path = "/api/v1/widget/{slug}/session", tag = "widget",
    params(("slug" = String, Path, description = "The workspace")), security(("session" = [])),
    responses(
        (status = 204, description = "Revoked"),
        Unauthorized,
        OriginNotAllowed
    )
)]
pub async fn end(State(state): State<AppState>, session: UserSession) -> ApiResult<StatusCode> {
    sessions::end_widget(&state.store, &session.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}
