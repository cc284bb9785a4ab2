//! The store's error: the core's refusals, or a fault of the engine under it.
//!
//! The core's `CoreError` knows no SQL, and the orphan rule keeps `sqlx`'s and `rusqlite`'s
//! errors from converting into it by `?`. So the store's writers return [`StoreError`], which
//! takes all three by `?`; the HTTP layer maps it (a full disk becomes 503, not 500), and it
//! becomes a `CoreError` wherever the core asks.

use porthole_core::CoreError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error(transparent)]
    Engine(#[from] sqlx::Error),
}

impl From<anyhow::Error> for StoreError {
    fn from(err: anyhow::Error) -> Self {
        StoreError::Core(CoreError::Internal(err))
    }
}

impl From<StoreError> for CoreError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Core(err) => err,
            StoreError::Engine(err) => CoreError::internal(err),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
