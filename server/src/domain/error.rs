//! Which error type belongs in which layer:
//!
//! - [`DomainError`] (here): what the product refuses or cannot find, in its own terms. The
//!   use cases (the store's ticket operations) return it; it knows nothing of HTTP.
//! - `ApiError` (`crate::error`): the HTTP API's answers, with a status code and the JSON body.
//!   Handlers return it; it maps `DomainError`.
//! - `PageError` (`crate::pages`): the friendly pages' answers; it maps `ApiError`.
//! - `anyhow::Error`: the CLI, and failures no user caused.

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// No such thing, or not this caller's to see: the two are not told apart.
    #[error("not found")]
    NotFound,
    /// The request contradicts the state of things; a stable code and the explanation.
    #[error("{1}")]
    Conflict(&'static str, &'static str),
    /// A field names something it may not: a file that is not there to attach, say.
    #[error("{1}")]
    Invalid(&'static str, String),
    /// Too many of something in a window; may try again after this many seconds.
    #[error("too many requests; try again in {0} seconds")]
    RateLimited(i64),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for DomainError {
    fn from(err: sqlx::Error) -> Self {
        DomainError::Internal(err.into())
    }
}

pub type DomainResult<T> = Result<T, DomainError>;
