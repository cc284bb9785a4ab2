//! The knowledge base: every article, drafts included, written in Markdown, published when
//! ready. The server sanitises what it shows, so what is typed here cannot run anywhere.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;
use serde_json::json;

use crate::dom::{checked, field, said, Said};
use crate::{api, page_meta, words};
use porthole_text::fill_in;

#[derive(Clone, Deserialize)]
struct Article {
    id: i64,
    slug: String,
    title: String,
    body: String,
    published: bool,
    views: i64,
}

#[derive(Deserialize)]
struct ArticleList {
    articles: Vec<Article>,
}

pub fn articles() -> impl IntoView {
    let list = RwSignal::new(Vec::<Article>::new());
    let editing = RwSignal::new(None::<Article>);
    let status: Said = RwSignal::new(None);
    let load = move || {
        spawn_local(async move {
            if let Ok(l) = api::get::<ArticleList>("/articles").await {
                list.set(l.articles);
            }
        })
    };
    load();
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = json!({
            "title": field("pc-a-title"),
            "body": field("pc-a-body"),
            "published": checked("pc-a-published"),
        });
        let existing = editing.get_untracked().map(|a| a.id);
        spawn_local(async move {
            let saved = match existing {
                Some(id) => {
                    api::send::<_, Article>("PATCH", &format!("/articles/{id}"), &body).await
                }
                None => api::send::<_, Article>("POST", "/articles", &body).await,
            };
            match saved {
                Ok(a) => {
                    let w = words();
                    let said = if a.published {
                        w.article_published
                    } else {
                        w.article_draft
                    };
                    status.set(Some(Ok(fill_in(said, &[("title", &a.title)]))));
                    editing.set(None);
                    load();
                }
                Err(failed) => status.set(Some(Err(failed.0))),
            }
        });
    };
    let workspace = page_meta("ph-workspace");
    let w = words();
    view! {
        <section class="pc-articles" aria-labelledby="pc-articles-title">
            <h1 id="pc-articles-title" class="pc-title">{w.knowledge_base}</h1>
            <ul class="pc-article-list">
                {move || {
                    let workspace = workspace.clone();
                    list.get().into_iter().map(move |a| {
                        let href = format!("/p/{workspace}/kb/{}", a.slug);
                        let edit = a.clone();
                        let id = a.id;
                        view! {
                            <li>
                                <strong>{a.title.clone()}</strong>
                                {format!(" · {}", if a.published { w.published_mark } else { w.draft_mark })}
                                {format!(" · {} ", w.views_count.get(a.views))}
                                {a.published.then(|| view! { <a class="pc-link" href=href target="_blank" rel="noopener">{w.open}</a> " " })}
                                <button type="button" class="pc-button pc-button--small" on:click=move |_| editing.set(Some(edit.clone()))>{w.edit}</button>
                                " "
                                <button type="button" class="pc-button pc-button--small" on:click=move |_| {
                                    spawn_local(async move {
                                        match api::delete(&format!("/articles/{id}")).await {
                                            Ok(()) => load(),
                                            Err(failed) => status.set(Some(Err(failed.0))),
                                        }
                                    });
                                }>{w.delete}</button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            {move || {
                let a = editing.get();
                let heading = if a.is_some() { w.edit_article } else { w.new_article };
                let (title, body, published) = a
                    .map(|a| (a.title, a.body, a.published))
                    .unwrap_or_default();
                view! {
                    <form class="pc-card" on:submit=save>
                        <h2 class="pc-label">{heading}</h2>
                        <label for="pc-a-title">{w.article_title}</label>
                        <input id="pc-a-title" required maxlength="200" value=title />
                        <label for="pc-a-body">{w.article_text}</label>
                        <textarea id="pc-a-body" rows="10" required>{body}</textarea>
                        <label class="pc-check"><input id="pc-a-published" type="checkbox" checked=published />" " {w.published}</label>
                        <button type="submit" class="pc-button pc-button--primary">{w.save_article}</button>
                    </form>
                }
            }}
            {said(status)}
        </section>
    }
}
