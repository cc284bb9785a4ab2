//! Which error type belongs in which layer:
//!
//! - [`CoreError`] (here): what the product refuses or cannot find, in its own terms. The
//!   rules and the use cases return it; it knows nothing of HTTP or SQL.
//! - `ApiError` (the server's `error`): the HTTP API's answers, with a status code and the JSON
//!   body. Handlers return it; it maps `CoreError`.
//! - `PageError` (the server's `pages`): the friendly pages' answers; it maps `ApiError`.
//! - `anyhow::Error`: the CLI, and failures no user caused. A storage engine wraps its own
//!   errors in [`CoreError::Internal`]; the server looks inside for a full disk.

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// No such thing, or not this caller's to see: the two are not told apart.
    #[error("not found")]
    NotFound,
    /// The request contradicts the state of things; a stable code and the explanation.
    #[error("{1}")]
    Conflict(&'static str, &'static str),
    /// A field's value breaks a rule, or names something it may not (a file that is not there
    /// to attach, say): the field and the explanation.
    #[error("{1}")]
    Invalid(&'static str, String),
    /// The request as a whole cannot be taken: it asks for nothing, or names a thing there is
    /// not (an unknown setting).
    #[error("{0}")]
    InvalidRequest(String),
    /// A host's proof of who a user is did not verify.
    #[error("the identity did not verify: {0:?}")]
    Identity(porthole_identity::Rejection),
    /// Too many of something in a window; may try again after this many seconds.
    #[error("too many requests; try again in {0} seconds")]
    RateLimited(i64),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl CoreError {
    /// A failure of the storage engine (or anything else nobody asked for), kept whole so the
    /// server can tell a full disk from a fault.
    pub fn internal(err: impl std::error::Error + Send + Sync + 'static) -> Self {
        CoreError::Internal(err.into())
    }
}

pub type CoreResult<T> = Result<T, CoreError>;
