//! The OpenAPI 3.1 description of the widget and agent APIs, generated from the handlers'
//! annotations and the `porthole_types` shapes, and served at `/api/openapi.json`. A test
//! fails when a route has no entry here (`tests/api/openapi.rs`), and a snapshot pins the
//! document, so the description cannot drift from the code.

use axum::routing::get;
use axum::{Json, Router};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::http::state::AppState;

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
    modifiers(&BearerSchemes, &StandardResponses),
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

/// The answers any operation of a kind can give, written once here rather than beside every
/// handler: a body that is not JSON, too large, malformed or stalled; credentials missing;
/// a write while the database's disk is full. An operation's own description of a status,
/// where it has one, is kept.
struct StandardResponses;

impl Modify for StandardResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, OneOfBuilder, Type};
        use utoipa::openapi::{RefOr, Schema};
        // Rules of a whole body that no field attribute can state.
        if let Some(components) = openapi.components.as_mut() {
            if let Some(RefOr::T(Schema::Object(patch))) = components.schemas.get_mut("TicketPatch")
            {
                // At least one change.
                patch.min_properties = Some(1);
            }
            // A settings patch names any of the settings, each its value or null (the
            // default), and nothing else.
            if let Some(RefOr::T(Schema::Object(settings))) = components.schemas.get("Settings") {
                let mut patch = ObjectBuilder::new()
                    .description(Some(
                        "Settings to change: any of Settings' fields; null resets one to its default",
                    ))
                    .additional_properties(Some(AdditionalProperties::FreeForm(false)));
                for (name, property) in &settings.properties {
                    let nullable = OneOfBuilder::new()
                        .item(ObjectBuilder::new().schema_type(Type::Null))
                        .item(property.clone());
                    patch = patch.property(name, nullable);
                }
                components
                    .schemas
                    .insert("SettingsPatch".to_owned(), patch.into());
            }
        }
        if let Some(change) = openapi
            .paths
            .paths
            .get_mut("/api/v1/agent/settings")
            .and_then(|item| item.patch.as_mut())
        {
            if let Some(content) = change
                .request_body
                .as_mut()
                .and_then(|body| body.content.get_mut("application/json"))
            {
                content.schema =
                    Some(utoipa::openapi::Ref::from_schema_name("SettingsPatch").into());
            }
        }
        use utoipa::openapi::path::Operation;
        let add = |operation: &mut Operation, status: &str, what: &str| {
            let error = utoipa::openapi::ContentBuilder::new()
                .schema(Some(utoipa::openapi::Ref::from_schema_name("ErrorBody")))
                .build();
            let response = utoipa::openapi::ResponseBuilder::new()
                .description(what)
                .content("application/json", error)
                .build();
            operation
                .responses
                .responses
                .entry(status.to_owned())
                .or_insert(response.into());
        };
        for item in openapi.paths.paths.values_mut() {
            let writes = [
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ];
            let reads = [&mut item.get];
            for (operation, writing) in writes
                .into_iter()
                .map(|o| (o, true))
                .chain(reads.into_iter().map(|o| (o, false)))
            {
                let Some(operation) = operation.as_mut() else {
                    continue;
                };
                if operation.security.as_ref().is_some_and(|s| !s.is_empty()) {
                    add(operation, "401", "missing or invalid credentials");
                }
                let body = operation
                    .request_body
                    .as_ref()
                    .map(|b| b.content.keys().cloned().collect::<Vec<_>>());
                if let Some(types) = body {
                    if types.iter().any(|t| t == "application/json") {
                        add(operation, "400", "malformed JSON");
                        add(
                            operation,
                            "415",
                            "the body is not JSON (Content-Type: application/json)",
                        );
                    }
                    add(
                        operation,
                        "408",
                        "the body stopped arriving (request_timeout)",
                    );
                    add(operation, "413", "the body is too large");
                    add(operation, "422", "the body or one of its fields is invalid");
                }
                if writing {
                    add(
                        operation,
                        "503",
                        "the database cannot be written now (storage_unavailable); nothing \
                         was changed: try again after Retry-After",
                    );
                }
            }
        }
    }
}

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/api/openapi.json",
        get(|| async { Json(ApiDoc::openapi()) }),
    )
}
