//! The widget session: a verified identity exchanged for a bearer token, and what the loader
//! needs to draw the launcher for this user.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use porthole_types::{
    limits, CreateSession, ErrorDetail, Launcher, Locale, Metadata, Session, Settings, Visibility,
};
use secrecy::ExposeSecret;

use super::responses::{BadRequest, Invalid, NotJson, OriginNotAllowed, TooLarge, Unauthorized};
use crate::clock::rfc3339;
use crate::http::auth::{bearer, origin_header, UserSession};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppPath};
use crate::http::state::AppState;
use crate::http::theme;
use crate::i18n::catalogue;
use crate::identity::{self, Claim};
use crate::store::{NewSession, UserScope};
use porthole_core::settings;
use porthole_core::{hash_token, normalise_email, optional_text, EmailAddress, Origin, Token};

/// What the session response adds to the bare session: the user's language, the launcher,
/// and anything that was refused without refusing the session.
struct Extras {
    locale: Locale,
    launcher: Option<Launcher>,
    warnings: Vec<porthole_types::ErrorDetail>,
}

/// `init`'s explicit locale if supported (otherwise a warning), then the browser's languages;
/// `None` when neither names a supported one (the workspace's default applies).
fn pick_locale(
    req: &CreateSession,
    warnings: &mut Vec<porthole_types::ErrorDetail>,
) -> Option<Locale> {
    if let Some(asked) = req.locale.as_deref().filter(|l| !l.trim().is_empty()) {
        match Locale::from_tag(asked) {
            Some(locale) => return Some(locale),
            None => warnings.push(
                ApiError::invalid(
                    "locale",
                    format!("locale {asked:?} is not supported; use en, fr, de or es"),
                )
                .detail(),
            ),
        }
    }
    req.languages
        .iter()
        .flatten()
        .find_map(|tag| Locale::from_tag(tag))
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
    let email = EmailAddress::parse(&req.email).map_err(|m| ApiError::invalid("email", m))?;
    let name = optional_text("name", req.name.as_deref(), limits::NAME_MAX_CHARS)?;
    let now = state.clock.now_ms();

    let mut warnings = vec![];
    let metadata: Option<Metadata> = match req.metadata.as_ref().filter(|m| !m.is_null()) {
        None => None,
        Some(raw) => settings::metadata(raw)
            .map_err(|e| warnings.push(ApiError::from(e).detail()))
            .ok(),
    };
    let said = pick_locale(&req, &mut warnings);
    let locale = said.unwrap_or(workspace.settings.default_locale);

    // What the held session would have to carry to be reused as it is.
    let named: Vec<String> = req
        .participants
        .iter()
        .flatten()
        .map(|p| normalise_email(p))
        .collect();
    let held = match bearer(&headers) {
        Ok(previous) => {
            let hash = hash_token(previous);
            match state.store.find_session(&hash, now).await? {
                // Naming other participants needs the hash again.
                Some(s)
                    if s.slug == slug
                        && s.email == email.as_str()
                        && s.origin == origin.as_str()
                        && s.participants()
                            .iter()
                            .map(EmailAddress::as_str)
                            .eq(named.iter().map(String::as_str)) =>
                {
                    Some((previous.to_owned(), s.expires_at))
                }
                Some(_) => {
                    state.store.delete_session(&hash).await?;
                    None
                }
                None => None,
            }
        }
        Err(_) => None,
    };
    let (token, expires_at, status) = match held {
        Some((token, expires_at)) => (token, expires_at, StatusCode::OK),
        None => {
            let claim = Claim {
                email: &req.email,
                timestamp: req.timestamp,
                participants: req.participants.as_deref().unwrap_or_default(),
                hash: &req.verification_hash,
            };
            let verified =
                identity::verify(&workspace, now, claim, &email).map_err(ApiError::Identity)?;
            if let Some(reason) = verified.ignored {
                warnings.push(ErrorDetail {
                    code: "participants_ignored".into(),
                    message: reason,
                    field: Some("participants".into()),
                });
            }
            let token = Token::generate("phs_");
            let expires_at = now + state.settings.session_ttl_ms;
            state
                .store
                .create_session(
                    NewSession {
                        token_hash: &token.hash,
                        workspace_id: workspace.id,
                        email: &email,
                        name: name.as_deref(),
                        origin: &origin,
                        expires_at,
                        participants: &verified.participants,
                    },
                    now,
                )
                .await?;
            (
                token.secret.expose_secret().to_owned(),
                expires_at,
                StatusCode::CREATED,
            )
        }
    };

    state
        .store
        .upsert_contact(
            workspace.id,
            email.as_str(),
            name.as_deref(),
            metadata.as_ref(),
            said,
            now,
        )
        .await?;
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
    let session = describe(&state, &scope, expires_at, Some(&token), extras).await?;
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
    state.store.delete_session(&session.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}
