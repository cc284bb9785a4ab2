//! The Porthole API's JSON shapes. Kept free of server dependencies so the wasm widget can use
//! them as they are. Times are RFC 3339 strings in UTC.

mod agent;
mod articles;
mod enums;
mod error;
mod events;
#[cfg(feature = "openapi")]
pub mod schema;
mod settings;
mod widget;

pub use agent::*;
pub use articles::*;
pub use enums::*;
pub use error::*;
pub use events::*;
pub use settings::*;
pub use widget::*;

/// Limits the server enforces, published so clients can count characters as the user types.
pub mod limits {
    pub const SUBJECT_MAX_CHARS: usize = 200;
    pub const DESCRIPTION_MAX_CHARS: usize = 5_000;
    pub const MESSAGE_MAX_CHARS: usize = 5_000;
    pub const NAME_MAX_CHARS: usize = 200;
    pub const IDEMPOTENCY_KEY_MAX_CHARS: usize = 255;
    /// The largest file that may be attached.
    pub const FILE_MAX_BYTES: usize = 10 * 1024 * 1024;
    /// Files on a new ticket, or on one customer reply.
    pub const FILES_PER_CUSTOMER_MESSAGE: usize = 3;
    /// Files on one agent reply.
    pub const FILES_PER_AGENT_MESSAGE: usize = 5;
    /// People copied on one ticket besides its customer.
    pub const PARTICIPANTS_PER_TICKET: usize = 10;
}

/// Whole numbers as JSON may write them: `5` or `5.0` (JSON Schema's `integer` takes both).
/// A fraction or a number too large for an exact `i64` is refused as an invalid type.
pub mod whole {
    use serde::de::{Deserializer, Error};
    use serde::Deserialize;

    fn from(n: serde_json::Number) -> Option<i64> {
        n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9e15)
                .map(|f| f as i64)
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        from(serde_json::Number::deserialize(d)?)
            .ok_or_else(|| D::Error::custom("expected a whole number"))
    }

    /// For an optional field: `null` or absent is `None`.
    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        match Option::<serde_json::Number>::deserialize(d)? {
            None => Ok(None),
            Some(n) => from(n)
                .map(Some)
                .ok_or_else(|| D::Error::custom("expected a whole number")),
        }
    }
}
