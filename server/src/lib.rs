//! Porthole: a self-hostable customer-support portal. This crate is the API server and CLI.

pub mod accounts;
pub mod assets;
pub mod auth;
pub mod backoff;
pub mod cli;
pub mod client;
pub mod clock;
pub mod cors;
pub mod domain;
pub mod error;
pub mod extract;
pub mod files;
pub mod i18n;
pub mod identity;
pub mod kb;
pub mod listener;
pub mod live;
pub mod mail;
pub mod pages;
pub mod routes;
pub mod settings;
pub mod startup;
pub mod state;
pub mod store;
pub mod theme;
pub mod webhooks;
