//! The Porthole API's JSON shapes. Kept free of server dependencies so the wasm widget can use
//! them as they are. Times are RFC 3339 strings in UTC.

mod agent;
mod enums;
mod error;
mod settings;
mod widget;

pub use agent::*;
pub use enums::*;
pub use error::*;
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
