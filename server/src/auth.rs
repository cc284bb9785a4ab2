//! Who is calling: a widget user holding a session, or an agent holding an API key.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path};
use axum::http::header::{AUTHORIZATION, ORIGIN};
use axum::http::request::Parts;
use axum::http::HeaderMap;

use crate::domain::hash_token;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{ApiKey, KeyRole, UserScope};

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
    pub participants: Vec<crate::domain::EmailAddress>,
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
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::NotFound)?;
        if params.get("slug") != Some(&session.slug) {
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

/// An agent whose key's role is `admin`: the only ones who change the workspace itself.
pub struct Admin(pub ApiKey);

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Agent(key) = Agent::from_request_parts(parts, state).await?;
        if key.role != KeyRole::Admin.as_str() {
            return Err(ApiError::AdminOnly);
        }
        Ok(Admin(key))
    }
}

/// An agent authenticated by a workspace API key.
pub struct Agent(pub ApiKey);

impl FromRequestParts<AppState> for Agent {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let key_hash = hash_token(bearer(&parts.headers)?);
        state
            .store
            .authenticate_api_key(&key_hash, state.clock.now_ms())
            .await?
            .map(Agent)
            .ok_or(ApiError::InvalidApiKey)
    }
}
