//! Knowledge-base articles: managed through the agent API, searched from the widget.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use porthole_types::{Article, ArticleRequest, ErrorBody};
use serde::{Deserialize, Serialize};

use super::responses::{BadQuery, BadRequest, Invalid, OriginNotAllowed, Unauthorized};
use crate::http::auth::{Agent, UserSession};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{AppJson, AppPath, AppQuery};
use crate::http::state::AppState;
use crate::store::{ArticleKey, DeflectionReport, Readers};
use porthole_core::articles;
use porthole_core::deflection::{self, Reader};

pub fn agent_routes() -> Router<AppState> {
    Router::new()
        .route("/articles", get(list).post(add))
        .route("/articles/{id}", get(show).patch(change).delete(remove))
        .route("/reports/deflection", get(deflection))
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ArticleList {
    articles: Vec<Article>,
}

#[utoipa::path(
    get, path = "/api/v1/agent/articles", tag = "agent", security(("api_key" = [])),
    responses(
        (status = 200, description = "Every article, drafts included", body = ArticleList),
        Unauthorized
    )
)]
async fn list(State(state): State<AppState>, Agent(key): Agent) -> ApiResult<AppJson<ArticleList>> {
    let articles = state.store.all_articles(key.workspace_id).await?;
    Ok(AppJson(ArticleList { articles }))
}

#[utoipa::path(
    post, path = "/api/v1/agent/articles", tag = "agent", security(("api_key" = [])),
    request_body = porthole_types::NewArticle,
    responses(
        (status = 201, description = "The new article (a draft unless `published`)", body = Article),
        BadRequest,
        Unauthorized,
        Invalid
    )
)]
async fn add(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppJson(req): AppJson<ArticleRequest>,
) -> ApiResult<(StatusCode, AppJson<Article>)> {
    let now = state.clock.now_ms();
    let article = articles::add(&state.store, key.workspace_id, &req, now).await?;
    Ok((StatusCode::CREATED, AppJson(article)))
}

#[utoipa::path(
    get, path = "/api/v1/agent/articles/{id}", tag = "agent", security(("api_key" = [])),
    params(("id" = i64, Path, description = "The article")),
    responses(
        (status = 200, description = "The article", body = Article),
        Unauthorized,
        (status = 404, description = "no such article", body = ErrorBody)
    )
)]
async fn show(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppPath(id): AppPath<i64>,
) -> ApiResult<AppJson<Article>> {
    let article = state.store.article(key.workspace_id, id).await?;
    article.map(AppJson).ok_or(ApiError::NotFound)
}

#[utoipa::path(
    patch, path = "/api/v1/agent/articles/{id}", tag = "agent", security(("api_key" = [])),
    params(("id" = i64, Path, description = "The article")), request_body = ArticleRequest,
    responses(
        (status = 200, description = "The article after the change", body = Article),
        BadRequest,
        Unauthorized,
        (status = 404, description = "no such article", body = ErrorBody),
        Invalid
    )
)]
async fn change(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppPath(id): AppPath<i64>,
    AppJson(req): AppJson<ArticleRequest>,
) -> ApiResult<AppJson<Article>> {
    let now = state.clock.now_ms();
    let article = articles::change(&state.store, (key.workspace_id, id), &req, now).await?;
    Ok(AppJson(article))
}

#[utoipa::path(
    delete, path = "/api/v1/agent/articles/{id}", tag = "agent", security(("api_key" = [])),
    params(("id" = i64, Path, description = "The article")),
    responses(
        (status = 204, description = "Removed"),
        Unauthorized,
        (status = 404, description = "no such article", body = ErrorBody)
    )
)]
async fn remove(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppPath(id): AppPath<i64>,
) -> ApiResult<StatusCode> {
    articles::remove(&state.store, (key.workspace_id, id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct SuggestQuery {
    /// What the user is typing, such as a new ticket's subject.
    q: String,
}

/// An article offered to a user before they write.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct Suggestion {
    /// Read it in the panel with `GET /articles/{id}`.
    id: i64,
    title: String,
    /// The article's page on the portal.
    url: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct Suggestions {
    articles: Vec<Suggestion>,
}

#[utoipa::path(
    get, path = "/api/v1/widget/{slug}/articles", tag = "widget",
    params(("slug" = String, Path, description = "The workspace"), SuggestQuery), security(("session" = [])),
    responses(
        (status = 200, description = "Up to five published articles matching the text, best first", body = Suggestions),
        BadQuery,
        Unauthorized,
        OriginNotAllowed
    )
)]
pub(super) async fn suggest(
    State(state): State<AppState>,
    session: UserSession,
    AppQuery(query): AppQuery<SuggestQuery>,
) -> ApiResult<AppJson<Suggestions>> {
    let articles = if query.q.trim().is_empty() {
        vec![]
    } else {
        let workspace_id = session.scope.workspace_id;
        let found = state
            .store
            .find_articles(workspace_id, Some(&query.q), Readers::SignedIn, 5)
            .await?;
        let slug = state
            .store
            .workspace_by_id(workspace_id)
            .await?
            .map(|w| w.slug)
            .ok_or(ApiError::InvalidSession)?;
        let public = state.settings.public_origin.as_str();
        found
            .into_iter()
            .map(|a| Suggestion {
                id: a.id,
                url: format!("{public}/p/{slug}/kb/{}", a.slug),
                title: a.title,
            })
            .collect()
    };
    Ok(AppJson(Suggestions { articles }))
}

/// An article as the panel shows it: its body as sanitised HTML.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ArticleView {
    id: i64,
    title: String,
    /// The Markdown body as HTML, sanitised with an allowlist.
    html: String,
}

/// A published article a signed-in user may read, in the panel. The read is counted, and
/// counts for deflection until the user opens a ticket within the hour.
#[utoipa::path(
    get, path = "/api/v1/widget/{slug}/articles/{id}", tag = "widget",
    params(("slug" = String, Path, description = "The workspace"), ("id" = i64, Path, description = "The article, as a suggestion gave it")),
    security(("session" = [])),
    responses(
        (status = 200, description = "The article", body = ArticleView),
        Unauthorized,
        OriginNotAllowed,
        (status = 404, description = "no such published article", body = ErrorBody)
    )
)]
pub(super) async fn read(
    State(state): State<AppState>,
    session: UserSession,
    AppPath((_slug, id)): AppPath<(String, i64)>,
) -> ApiResult<AppJson<ArticleView>> {
    let ws = session.scope.workspace_id;
    let article = state
        .store
        .read_article(ws, ArticleKey::Id(id), Readers::SignedIn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let reader = Reader::User(&session.scope.email);
    let now = state.clock.now_ms();
    deflection::read(&state.store, (ws, article.id), reader, now).await?;
    Ok(AppJson(ArticleView {
        id: article.id,
        html: porthole_core::markdown::to_safe_html(&article.body),
        title: article.title,
    }))
}

#[utoipa::path(
    get, path = "/api/v1/agent/reports/deflection", tag = "agent", security(("api_key" = [])),
    params(super::ratings::Period),
    responses(
        (status = 200, description = "Articles read, how many of those readers wrote no ticket within the hour, tickets opened, and the rate", body = DeflectionReport),
        BadQuery,
        Unauthorized
    )
)]
async fn deflection(
    State(state): State<AppState>,
    Agent(key): Agent,
    AppQuery(period): AppQuery<super::ratings::Period>,
) -> ApiResult<AppJson<DeflectionReport>> {
    let (from, to) = period.range(state.clock.now_ms())?;
    Ok(AppJson(
        state.store.deflection(key.workspace_id, from, to).await?,
    ))
}
