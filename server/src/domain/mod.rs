//! Validated values. Handlers parse raw input into these once, so the rest of the code never
//! sees an unchecked string.

mod email;
mod error;
pub mod links;
pub mod markdown;
mod origin;
mod patch;
mod reference;
pub mod sentiment;
mod text;
mod token;

pub use email::{normalise as normalise_email, participants, EmailAddress};
pub use error::{DomainError, DomainResult};
pub use origin::Origin;
pub use patch::checked_patch;
pub use reference::TicketRef;
pub use text::{bounded_text, check_text, optional_text, Slug, TextError};
pub use token::{hash_token, new_secret, random_hex, Token};
