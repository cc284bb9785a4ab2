//! The error answers many operations share, each described once for the OpenAPI document:
//! an operation lists them by name beside its own (`responses((status = 200, …), Unauthorized)`).
//! Each body is the one JSON error shape, `ErrorBody`.

use std::collections::BTreeMap;

use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

/// An error answer with the `ErrorBody` shape, as `(status = …, body = ErrorBody)` writes it.
fn error(status: u16, description: &str) -> BTreeMap<String, RefOr<Response>> {
    let json = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name("ErrorBody")))
        .build();
    let response = ResponseBuilder::new()
        .description(description)
        .content("application/json", json)
        .build();
    BTreeMap::from([(status.to_string(), response.into())])
}

macro_rules! error_answers {
    ($($name:ident = $status:literal, $description:literal;)+) => {$(
        pub struct $name;

        impl utoipa::IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                error($status, $description)
            }
        }
    )+};
}

error_answers! {
    Unauthorized = 401, "missing or invalid credentials";
    BadRequest = 400, "invalid query or malformed JSON";
    BadQuery = 400, "invalid query";
    TooLarge = 413, "body over 64 KiB";
    NotJson = 415, "not JSON";
    Invalid = 422, "a field failed validation";
    OriginNotAllowed = 403, "origin not allowed";
    AdminKeyOnly = 403, "an agent key: only an admin key may do this";
    NotAdmin = 403, "not an admin";
    NoCsrfToken = 403, "a change without the console's CSRF token";
    NoSuchTicket = 404, "no such ticket";
    NotAnAgent = 404, "an API key is no agent";
    TicketConflict = 409, "conflict (closed ticket, reused idempotency key)";
}
