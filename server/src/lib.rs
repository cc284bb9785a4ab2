//! Porthole: a self-hostable customer-support portal. This crate is the API server and CLI.

pub mod backoff;
pub mod cli;
pub mod clock;
pub mod files;
pub mod http;
pub mod i18n;
pub mod live;
pub mod mail;
pub mod presence;
pub mod recent;
pub mod startup;
pub mod store;
pub mod tracking;
pub mod webhooks;
pub mod workers;
