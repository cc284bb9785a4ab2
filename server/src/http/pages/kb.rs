//! The knowledge base on the portal: published public articles, searchable, server-rendered
//! in the workspace's colours and the visitor's language.

use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::Router;
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

use super::{Page, PageError, Site};
use crate::http::extract::AppPath;
use crate::http::listener::Peer;
use crate::http::state::AppState;
use crate::store::{ArticleKey, Readers};
use porthole_core::deflection::{self, Reader};
use porthole_core::markdown::to_safe_html;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/p/{slug}/kb", get(index))
        .route("/p/{slug}/kb/{article}", get(article))
}

/// The search box, for the knowledge base and for the step before writing a ticket.
pub fn search_form(site: &Site, query: &str) -> Markup {
    let t = site.t;
    html! {
        form.ph-form method="get" action={ "/p/" (site.slug) "/kb" } role="search" {
            label.ph-label for="ph-kb-q" { (t.page.kb_search_label) }
            input.ph-input id="ph-kb-q" name="q" type="search" value=(query) maxlength="200";
            button.ph-button type="submit" { (t.page.kb_search) }
        }
    }
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
}

async fn index(
    State(state): State<AppState>,
    site: Site,
    Query(query): Query<SearchQuery>,
) -> Result<Page, PageError> {
    let t = site.t;
    let typed = query.q.unwrap_or_default();
    let typed: String = typed.trim().chars().take(200).collect();
    let searching = !typed.is_empty();
    let found = state
        .store
        .find_articles(site.workspace.id, Some(&typed), Readers::Public, 50)
        .await?;
    Ok(site.page(
        t.page.kb_title,
        html! {
            h1.ph-heading { (t.page.kb_title) }
            (search_form(&site, &typed))
            @if found.is_empty() {
                p { (t.page.kb_none) " " a.ph-link href={ "/p/" (site.slug) "/submit" } { (t.page.submit_a_ticket) } }
            } @else {
                ul.ph-list {
                    @for a in &found {
                        li { a.ph-link href={ "/p/" (site.slug) "/kb/" (a.slug) } { (a.title) }
                            @if let (false, Some(c)) = (searching, &a.category) { " · " (c) } }
                    }
                }
            }
            @if searching { p { a.ph-link href={ "/p/" (site.slug) "/kb" } { "← " (t.page.kb_all) } } }
        },
    ))
}

async fn article(
    State(state): State<AppState>,
    site: Site,
    AppPath((_, slug)): AppPath<(String, String)>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    headers: HeaderMap,
) -> Result<Page, PageError> {
    let article = state
        .store
        .read_article(site.workspace.id, ArticleKey::Slug(&slug), Readers::Public)
        .await?
        .ok_or(PageError::NotFound)?;
    // Counted for deflection: a visitor who reads and then writes no ticket was answered.
    let client = super::portal::client(&state, peer, &headers);
    let now = state.clock.now_ms();
    let article_of = (site.workspace.id, article.id);
    deflection::read(&state.store, article_of, Reader::Client(&client), now).await?;
    let t = site.t;
    Ok(site.page(
        article.title.clone(),
        html! {
            p { a.ph-link href={ "/p/" (site.slug) "/kb" } { "← " (t.page.kb_all) } }
            h1.ph-heading { (article.title) }
            article.ph-text { (PreEscaped(to_safe_html(&article.body))) }
            p.ph-actions { a.ph-button href={ "/p/" (site.slug) "/submit" } { (t.page.submit_a_ticket) } }
        },
    ))
}
