//! Satisfaction ratings: given by the customer in the widget API, reported to the team.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use porthole_types::{Channel, ErrorBody, Rating};
use serde::Deserialize;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

use super::reference;
use super::responses::{BadQuery, Invalid, NoSuchTicket, Unauthorized};
use crate::http::auth::{Agent, UserSession};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppPath, AppQuery};
use crate::http::state::AppState;
use crate::store::CsatReport;
use porthole_core::ratings;

pub fn agent_routes() -> Router<AppState> {
    Router::new().route("/reports/csat", get(report))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRating {
    /// 1 (poor) to 5 (excellent).
    #[schema(minimum = 1, maximum = 5)]
    #[serde(deserialize_with = "porthole_types::whole::deserialize")]
    pub score: i64,
    #[schema(value_type = Option<porthole_types::schema::OptionalComment>)]
    pub comment: Option<String>,
}

#[utoipa::path(
    post, path = "/api/v1/widget/{slug}/tickets/{reference}/rating", tag = "widget",
    params(("slug" = String, Path, description = "The workspace"), ("reference" = String, Path, description = "A ticket reference such as TKT-0042")),
    request_body = NewRating, security(("session" = [])),
    responses(
        (status = 201, description = "The rating of the ticket's current resolution", body = Rating),
        Unauthorized,
        NoSuchTicket,
        (status = 409, description = "not resolved, or this resolution is rated already", body = ErrorBody),
        Invalid
    )
)]
pub(super) async fn rate(
    State(state): State<AppState>,
    session: UserSession,
    AppPath((_slug, raw_ref)): AppPath<(String, String)>,
    AppJson(req): AppJson<NewRating>,
) -> ApiResult<(StatusCode, AppJson<Rating>)> {
    let ticket = (&session.scope, reference(&raw_ref)?);
    let given = (req.score, req.comment.as_deref());
    let now = state.clock.now_ms();
    let rating = ratings::rate(&state.store, ticket, given, Channel::Widget, now).await?;
    Ok((StatusCode::CREATED, AppJson(rating)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct Period {
    /// The first day, `YYYY-MM-DD` (UTC); 30 days before `to` by default.
    #[param(format = Date)]
    from: Option<String>,
    /// The last day, `YYYY-MM-DD` (UTC), included; today by default. The two may come in
    /// either order; a period longer than 366 days is cut to the 366 days that end at the
    /// later one.
    #[param(format = Date)]
    to: Option<String>,
}

fn day(field: &str, raw: &str) -> ApiResult<i64> {
    let date = Date::parse(raw, format_description!("[year]-[month]-[day]"))
        .map_err(|_| ApiError::InvalidQuery(format!("{field} must be a date like 2026-11-22")))?;
    Ok(date.midnight().assume_utc().unix_timestamp() * 1000)
}

const DAY_MS: i64 = 86_400_000;
/// The longest period a report covers.
const MAX_DAYS: i64 = 366;

#[utoipa::path(
    get, path = "/api/v1/agent/reports/csat", tag = "agent", security(("api_key" = [])),
    params(Period),
    responses(
        (status = 200, description = "How many ratings, their average and how many of each score", body = CsatReport),
        BadQuery,
        Unauthorized
    )
)]
async fn report(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppQuery(period): AppQuery<Period>,
) -> ApiResult<AppJson<CsatReport>> {
    let (from, to) = period.range(state.clock.now_ms())?;
    Ok(AppJson(state.store.csat(key.workspace_id, from, to).await?))
}

impl Period {
    /// The period in milliseconds, its last day included: by default the 31 days to today.
    pub(super) fn range(&self, now_ms: i64) -> ApiResult<(i64, i64)> {
        let today = OffsetDateTime::from_unix_timestamp(now_ms / 1000)
            .map_err(anyhow::Error::from)?
            .date()
            .midnight()
            .assume_utc()
            .unix_timestamp()
            * 1000;
        let to = match &self.to {
            Some(raw) => day("to", raw)?,
            None => today,
        } + DAY_MS;
        let from = match &self.from {
            Some(raw) => day("from", raw)?,
            None => to - 31 * DAY_MS,
        };
        // Either order names the same days; a report is at most a year of them, so no request
        // makes one of millions of days.
        let (from, to) = if from < to {
            (from, to)
        } else {
            (to - DAY_MS, from + DAY_MS)
        };
        Ok((from.max(to - MAX_DAYS * DAY_MS), to))
    }
}
