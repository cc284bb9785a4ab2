//! The API, driven over HTTP against a real server on a random port with a real SQLite file.

mod agent;
mod attachments;
mod bad_input;
mod branding;
mod cli;
mod crash;
mod email;
mod email_in;
mod embed;
mod hardening;
mod helpers;
mod kb;
mod metrics;
mod openapi;
mod portal;
mod ratings;
mod receiver;
mod search;
mod sessions;
mod settings;
mod signed_iframe;
mod smtp;
mod stream;
mod tickets;
mod user_tickets;
mod webhooks;
