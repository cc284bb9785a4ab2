//! The OpenAPI 3.1 description of the widget and agent APIs, generated from the handlers'
//! annotations and the `porthole_types` shapes, and served at `/api/openapi.json`. A test
//! fails when a route has no entry here (`tests/api/openapi.rs`), and a snapshot pins the
//! document, so the description cannot drift from the code.

use axum::routing::get;
use axum::{Json, Router};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Porthole",
        description = "The widget API (end users, with a session token) and the agent API \
                       (with a workspace API key). Every error has the shape of ErrorBody.",
        license(name = "AGPL-3.0-only")
    ),
    paths(
        super::session::create,
        super::session::current,
        super::session::end,
        super::widget::list_tickets,
        super::widget::create_ticket,
        super::widget::read_ticket,
        super::widget::reply,
        super::widget::solve,
        super::widget::faq_click,
        super::stream::customer,
        super::articles::suggest,
        super::articles::read,
        super::ratings::rate,
        super::files::widget_upload,
        super::files::widget_download,
        super::agent::list,
        super::agent::show,
        super::agent::update,
        super::agent::message,
        super::agent::presence,
        super::agent::preview,
        super::agent::categories,
        super::participants::list,
        super::participants::add,
        super::participants::remove,
        super::agents::me,
        super::agents::change_me,
        super::agents::set_avatar,
        super::email::setup,
        super::email::new_secret,
        super::agents::clear_avatar,
        super::agents::team,
        super::agents::invite,
        super::agents::change,
        super::agents::remove,
        super::keys::list,
        super::keys::create,
        super::keys::revoke,
        super::reports::tickets,
        super::reports::tickets_csv,
        super::stream::team,
        super::articles::list,
        super::articles::add,
        super::articles::show,
        super::articles::change,
        super::articles::remove,
        super::ratings::report,
        super::articles::deflection,
        super::files::agent_upload,
        super::files::agent_download,
        super::admin::show_settings,
        super::admin::change_settings,
        super::admin::faq_clicks,
        super::admin::list_origins,
        super::admin::replace_origins,
        super::admin::secret_info,
        super::admin::rotate,
        super::webhooks::list,
        super::webhooks::add,
        super::webhooks::remove,
        super::webhooks::deliveries,
        super::webhooks::redeliver,
        super::inbound::take_in,
        super::health::healthz,
    ),
    modifiers(&BearerSchemes),
    tags(
        (name = "widget", description = "For the signed-in end user; `Authorization: Bearer <session token>`"),
        (name = "agent", description = "Working tickets; `Authorization: Bearer phk_…`"),
        (name = "settings", description = "Workspace configuration; `Authorization: Bearer phk_…`"),
        (name = "operations", description = "For operators"),
    )
)]
pub struct ApiDoc;

/// The credentials: a widget session token, an agent API key, the inbound secret, and the
/// console's session cookie.
struct BearerSchemes;

impl Modify for BearerSchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, what) in [
            ("session", "A session token from POST /session"),
            ("api_key", "A workspace API key (phk_…)"),
            (
                "inbound",
                "The workspace's inbound secret (phi_…), as a bearer token or a Basic password",
            ),
        ] {
            let mut scheme = Http::new(HttpAuthScheme::Bearer);
            scheme.description = Some(what.to_owned());
            components.add_security_scheme(name, SecurityScheme::Http(scheme));
        }
        let mut cookie = utoipa::openapi::security::ApiKeyValue::new("ph_console");
        cookie.description = Some(
            "The console's session cookie; changes also need the x-csrf-token header and \
             Porthole's own Origin"
                .to_owned(),
        );
        components.add_security_scheme(
            "console",
            SecurityScheme::ApiKey(utoipa::openapi::security::ApiKey::Cookie(cookie)),
        );
    }
}

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/api/openapi.json",
        get(|| async { Json(ApiDoc::openapi()) }),
    )
}
