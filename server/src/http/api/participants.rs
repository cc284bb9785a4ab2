//! Agents copy people on a ticket and take them off again; a participant taken off loses
//! access at once.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{delete, get};
use axum::Router;
use porthole_types::{AddParticipant, ErrorBody, ParticipantList};

use super::reference;
use super::responses::{BadRequest, NoSuchTicket, NotJson, Unauthorized};
use crate::http::auth::Agent;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppPath};
use crate::http::state::AppState;
use porthole_core::participants;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/tickets/{reference}/participants", get(list).post(add))
        .route("/tickets/{reference}/participants/{email}", delete(remove))
}

#[utoipa::path(
    get, path = "/api/v1/agent/tickets/{reference}/participants", tag = "agent",
    params(("reference" = String, Path, description = "A ticket reference such as TKT-0042")), security(("api_key" = [])),
    responses(
        (status = 200, description = "Who is copied on the ticket", body = ParticipantList),
        Unauthorized,
        NoSuchTicket
    )
)]
async fn list(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppPath(raw_ref): AppPath<String>,
) -> ApiResult<AppJson<ParticipantList>> {
    let number = reference(&raw_ref)?;
    let participants = state
        .store
        .participants_of(key.workspace_id, number)
        .await?;
    Ok(AppJson(ParticipantList { participants }))
}

#[utoipa::path(
    post, path = "/api/v1/agent/tickets/{reference}/participants", tag = "agent",
    params(("reference" = String, Path, description = "A ticket reference such as TKT-0042")), request_body = AddParticipant, security(("api_key" = [])),
    responses(
        (status = 201, description = "Copied; everyone now copied", body = ParticipantList),
        (status = 200, description = "Already copied, or the ticket's own customer: nothing changed", body = ParticipantList),
        BadRequest,
        Unauthorized,
        NoSuchTicket,
        NotJson,
        (status = 422, description = "not an email address, or the ticket has 10 participants", body = ErrorBody)
    )
)]
async fn add(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppPath(raw_ref): AppPath<String>,
    AppJson(req): AppJson<AddParticipant>,
) -> ApiResult<impl IntoResponse> {
    let ticket = (key.workspace_id, reference(&raw_ref)?);
    let now = state.clock.now_ms();
    let added = participants::copy(&state.store, ticket, &req.email, now)
        .await?
        .added;
    let participants = state.store.participants_of(ticket.0, ticket.1).await?;
    let status = if added {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, AppJson(ParticipantList { participants })))
}

#[utoipa::path(
    delete, path = "/api/v1/agent/tickets/{reference}/participants/{email}", tag = "agent",
    params(
        ("reference" = String, Path, description = "A ticket reference such as TKT-0042"),
        ("email" = String, Path, description = "The participant's address")
    ),
    security(("api_key" = [])),
    responses(
        (status = 204, description = "Taken off the ticket; their access ended with it"),
        Unauthorized,
        (status = 404, description = "no such ticket, or nobody copied under that address", body = ErrorBody)
    )
)]
async fn remove(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppPath((raw_ref, raw_email)): AppPath<(String, String)>,
) -> ApiResult<StatusCode> {
    let ticket = (key.workspace_id, reference(&raw_ref)?);
    let now = state.clock.now_ms();
    let removed = participants::take_off(&state.store, ticket, &raw_email, now).await?;
    if !removed {
        return Err(ApiError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}
