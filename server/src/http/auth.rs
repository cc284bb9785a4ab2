//! Who is calling: a widget user holding a session, or an agent holding an API key or signed
//! in to the console.

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::header::{AUTHORIZATION, ORIGIN};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use axum_extra::extract::CookieJar;

use crate::http::error::ApiError;
use crate::http::state::AppState;
use crate::store::{KeyRole, UserScope, Workspace};
use porthole_core::accounts::csrf_matches;
use porthole_core::hash_token;

/// The console's session cookie: `HttpOnly`, `SameSite=Strict`, for the whole origin, since the
/// console calls the agent API with it.
pub const CONSOLE_COOKIE: &str = "ph_console";
/// The header a console request that changes something carries its CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The bearer token from `Authorization`. Tokens never travel in URLs, which end up in logs,
/// history and referrers.
pub fn bearer(headers: &HeaderMap) -> Result<&str, ApiError> {
    let value = headers
        .get(AUTHORIZATION)
        .ok_or(ApiError::MissingCredentials)?;
    let value = value.to_str().map_err(|_| ApiError::MissingCredentials)?;
    let (scheme, token) = value.split_once(' ').ok_or(ApiError::MissingCredentials)?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::MissingCredentials);
    }
    Ok(token.trim())
}

pub fn origin_header(headers: &HeaderMap) -> Option<&str> {
    headers.get(ORIGIN).and_then(|v| v.to_str().ok())
}

/// A widget user's live session, valid for the workspace in the path.
pub struct UserSession {
    pub scope: UserScope,
    pub token_hash: String,
    pub expires_at: i64,
    /// Whom the host's signature let the user copy on the tickets they open.
    pub participants: Vec<porthole_core::EmailAddress>,
}

impl FromRequestParts<AppState> for UserSession {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token_hash = hash_token(bearer(&parts.headers)?);
        let session = state
            .store
            .find_session(&token_hash, state.clock.now_ms())
            .await?
            .ok_or(ApiError::InvalidSession)?;
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::NotFound)?;
        let slug = params
            .iter()
            .find(|(name, _)| *name == "slug")
            .map(|(_, v)| v);
        if slug != Some(session.slug.as_str()) {
            return Err(ApiError::InvalidSession);
        }
        // A session is bound to the host origin it was made for. Browsers always send Origin
        // on cross-origin requests, so another site replaying a stolen token is refused here.
        if let Some(origin) = origin_header(&parts.headers) {
            if origin != session.origin && origin != state.settings.public_origin.as_str() {
                return Err(ApiError::OriginNotAllowed);
            }
        }
        Ok(Self {
            participants: session.participants(),
            scope: UserScope {
                workspace_id: session.workspace_id,
                email: session.email,
                name: session.name,
            },
            token_hash,
            expires_at: session.expires_at,
        })
    }
}

/// Who works the agent API: a key, or an agent signed in to the console.
#[derive(Debug, Clone)]
pub struct Actor {
    pub workspace_id: i64,
    /// Signs public replies unless another name is given.
    pub name: String,
    /// `admin` or `agent`.
    pub role: String,
    /// Stable per credential holder, for what they upload: `key:<id>` or `agent:<id>`.
    pub principal: String,
    /// The hash of the credential, for streams that check it again.
    pub credential: Credential,
    /// The console's agent, when signed in there rather than holding a key.
    pub agent_id: Option<i64>,
}

impl Actor {
    /// The workspace the credential belongs to. One deleted under a live credential leaves
    /// the credential meaning nothing.
    pub async fn workspace(&self, store: &crate::store::Store) -> Result<Workspace, ApiError> {
        store
            .workspace_by_id(self.workspace_id)
            .await?
            .ok_or(ApiError::InvalidApiKey)
    }
}

#[derive(Debug, Clone)]
pub enum Credential {
    ApiKey(String),
    Console(String),
}

/// An agent whose role is `admin`: the only ones who change the workspace itself.
pub struct Admin(pub Actor);

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Agent(actor) = Agent::from_request_parts(parts, state).await?;
        if actor.role != KeyRole::Admin.as_str() {
            return Err(ApiError::AdminOnly);
        }
        Ok(Admin(actor))
    }
}

/// An agent, by a workspace API key (`Authorization: Bearer phk_…`) or by the console's
/// cookie. With the cookie, anything but a read must also come from Porthole's own origin
/// with the session's CSRF token: a foreign page cannot make the browser act for the agent.
pub struct Agent(pub Actor);

impl FromRequestParts<AppState> for Agent {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let now = state.clock.now_ms();
        if parts.headers.contains_key(AUTHORIZATION) {
            let key_hash = hash_token(bearer(&parts.headers)?);
            let key = state
                .store
                .authenticate_api_key(&key_hash, now)
                .await?
                .ok_or(ApiError::InvalidApiKey)?;
            return Ok(Agent(Actor {
                workspace_id: key.workspace_id,
                name: key.name,
                role: key.role,
                principal: format!("key:{}", key.id),
                credential: Credential::ApiKey(key_hash),
                agent_id: None,
            }));
        }
        let jar = CookieJar::from_headers(&parts.headers);
        let token = jar
            .get(CONSOLE_COOKIE)
            .map(|c| c.value().to_owned())
            .ok_or(ApiError::MissingCredentials)?;
        let safe = matches!(parts.method, Method::GET | Method::HEAD);
        if !safe {
            let own = origin_header(&parts.headers) == Some(state.settings.public_origin.as_str());
            let csrf = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|given| csrf_matches(&token, given));
            if !own || !csrf {
                return Err(ApiError::CsrfRefused);
            }
        }
        let session_hash = hash_token(&token);
        let agent = state
            .store
            .console_session(&session_hash, now)
            .await?
            .ok_or(ApiError::InvalidSession)?;
        Ok(Agent(Actor {
            workspace_id: agent.workspace_id,
            name: agent.name,
            role: agent.role,
            principal: format!("agent:{}", agent.id),
            credential: Credential::Console(session_hash),
            agent_id: Some(agent.id),
        }))
    }
}
