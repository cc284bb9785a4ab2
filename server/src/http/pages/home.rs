//! The server's own front page, for a person who opens its address: what this is and where to
//! go. It names no workspace, so it tells a stranger nothing about who uses this server.

use axum::response::{IntoResponse, Response};
use maud::html;

use super::{Cache, Chrome};

pub async fn home() -> Response {
    let chrome = Chrome::plain(porthole_types::Locale::En);
    let body = html! {
        h1.ph-heading { "Porthole" }
        p { "This server runs Porthole, a self-hosted customer-support portal." }
        section.ph-card {
            h2.ph-label { "Customers" }
            p {
                "Each company's support site is at " code { "/p/<workspace>" }
                ". Ask the company that sent you here for its address, or use the support button in its app."
            }
        }
        section.ph-card {
            h2.ph-label { "Support teams" }
            p {
                "Agents work the tickets in the " a.ph-link href="/console" { "console" }
                ". An admin's invitation link sets your password."
            }
        }
        section.ph-card {
            h2.ph-label { "Developers and operators" }
            ul {
                li { a.ph-link href="/api/openapi.json" { "The API description" } " (OpenAPI 3.1)" }
                li { a.ph-link href="/healthz" { "Health check" } }
                li { "The embed script: " code { "/loader.js" } }
            }
        }
    };
    let markup = chrome.wrap("Porthole", body);
    (chrome.headers(Cache::NoStore), markup.into_string()).into_response()
}
