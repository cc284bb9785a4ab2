//! The team's ticket report, as JSON for the console's charts and as CSV for spreadsheets.

use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use porthole_types::TicketsReport;

use super::ratings::Period;
use super::responses::{BadQuery, Unauthorized};
use crate::http::auth::Agent;
use crate::http::error::ApiResult;
use crate::http::extract::{AppJson, AppQuery};
use crate::http::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/reports/tickets", get(tickets))
        .route("/reports/tickets.csv", get(tickets_csv))
}

async fn report(state: &AppState, workspace_id: i64, period: &Period) -> ApiResult<TicketsReport> {
    let (from, to) = period.range(state.clock.now_ms())?;
    Ok(state.store.tickets_report(workspace_id, from, to).await?)
}

#[utoipa::path(
    get, path = "/api/v1/agent/reports/tickets", tag = "agent", security(("api_key" = []), ("console" = [])),
    params(Period),
    responses(
        (status = 200, description = "Tickets opened and resolved each day; first-response and resolution times (median and 90th percentile)", body = TicketsReport),
        BadQuery,
        Unauthorized
    )
)]
async fn tickets(
    State(state): State<AppState>,
    Agent(actor): Agent,
    AppQuery(period): AppQuery<Period>,
) -> ApiResult<AppJson<TicketsReport>> {
    Ok(AppJson(report(&state, actor.workspace_id, &period).await?))
}

#[utoipa::path(
    get, path = "/api/v1/agent/reports/tickets.csv", tag = "agent", security(("api_key" = []), ("console" = [])),
    params(Period),
    responses(
        (status = 200, description = "The same days as CSV: `date,opened,resolved`, one line a day, as a download", content_type = "text/csv", body = String),
        BadQuery,
        Unauthorized
    )
)]
async fn tickets_csv(
    State(state): State<AppState>,
    Agent(actor): Agent,
    AppQuery(period): AppQuery<Period>,
) -> ApiResult<impl IntoResponse> {
    let report = report(&state, actor.workspace_id, &period).await?;
    let mut csv = String::from("date,opened,resolved\r\n");
    for d in &report.days {
        csv.push_str(&format!("{},{},{}\r\n", d.date, d.opened, d.resolved));
    }
    let name = match (report.days.first(), report.days.last()) {
        (Some(first), Some(last)) => format!("tickets-{}-to-{}.csv", first.date, last.date),
        _ => "tickets.csv".to_owned(),
    };
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        csv,
    ))
}
