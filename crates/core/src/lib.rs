//! Porthole's core: the values every surface parses its input into, the rules and limits they
//! share, and [`CoreError`]. The widget API, the agent API, the console, the portal pages, the
//! signed iframe, the CLI and inbound email each call these rather than keeping rules of their
//! own. The crate depends on neither axum nor sqlx, so nothing here can speak HTTP or SQL.

pub mod accounts;
pub mod agents;
pub mod articles;
pub mod deflection;
mod email;
mod error;
pub mod fresh_links;
pub mod identity;
pub mod keys;
pub mod links;
pub mod markdown;
mod message;
pub mod opening;
mod origin;
pub mod origins;
pub mod participants;
mod patch;
pub mod profile;
pub mod ratings;
mod reference;
pub mod secrets;
pub mod sentiment;
pub mod sessions;
pub mod settings;
pub mod sign_in;
mod text;
pub mod tickets;
mod token;
pub mod tracking;
pub mod two_step;
pub mod webhooks;
pub mod workspaces;

pub use email::{normalise as normalise_email, participants, EmailAddress};
pub use error::{CoreError, CoreResult};
pub use message::{attachment_ids, category, message_text};
pub use origin::Origin;
pub(crate) use patch::checked_patch;
pub use reference::TicketRef;
pub use text::{bounded_text, check_text, optional_text, Slug, TextError};
pub use token::{hash_token, new_secret, random_hex, unsubscribe_mac, Token};
