use clap::Subcommand;

use super::workspace_named;
use crate::clock::Clock;
use crate::store::Store;
use porthole_core::{articles, CoreError};
use porthole_types::ArticleRequest;

#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Add an article, a draft unless --publish.
    Add {
        #[arg(long)]
        workspace: String,
        #[arg(long)]
        title: String,
        /// A Markdown file with the body ("-" for standard input).
        #[arg(long)]
        body_file: String,
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        publish: bool,
        /// Show it only to verified users of the widget, not on the public portal.
        #[arg(long)]
        signed_in_only: bool,
    },
    /// List the articles, drafts included.
    List {
        #[arg(long)]
        workspace: String,
    },
    /// Publish an article.
    Publish {
        #[arg(long)]
        workspace: String,
        id: i64,
    },
    /// Take an article back to draft.
    Unpublish {
        #[arg(long)]
        workspace: String,
        id: i64,
    },
    /// Remove an article.
    Remove {
        #[arg(long)]
        workspace: String,
        id: i64,
    },
}

pub async fn run(cmd: KbCommand, store: &Store, clock: &Clock) -> anyhow::Result<()> {
    let now = clock.now_ms();
    match cmd {
        KbCommand::Add {
            workspace,
            title,
            body_file,
            category,
            publish,
            signed_in_only,
        } => {
            let ws = workspace_named(store, &workspace).await?;
            let body = if body_file == "-" {
                std::io::read_to_string(std::io::stdin())?
            } else {
                std::fs::read_to_string(&body_file)
                    .map_err(|e| anyhow::anyhow!("reading {body_file}: {e}"))?
            };
            let request = ArticleRequest {
                title: Some(title),
                body: Some(body),
                category: category.map(Some),
                published: Some(publish),
                visibility: Some(
                    if signed_in_only {
                        "signed_in"
                    } else {
                        "public"
                    }
                    .into(),
                ),
            };
            let a = articles::add(store, ws.id, &request, now)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let state = if a.published { "published" } else { "draft" };
            println!(
                "Article {} added ({state}): /p/{}/kb/{}",
                a.id, ws.slug, a.slug
            );
        }
        KbCommand::List { workspace } => {
            let ws = workspace_named(store, &workspace).await?;
            for a in store.all_articles(ws.id).await? {
                let state = if a.published { "published" } else { "draft" };
                let category = a.category.as_deref().unwrap_or("-");
                println!(
                    "{}  {state}  {}  {category}  {}  {} views  /p/{}/kb/{}",
                    a.id, a.visibility, a.title, a.views, ws.slug, a.slug
                );
            }
        }
        KbCommand::Publish { workspace, id } => publish(store, &workspace, id, true, now).await?,
        KbCommand::Unpublish { workspace, id } => {
            publish(store, &workspace, id, false, now).await?
        }
        KbCommand::Remove { workspace, id } => {
            let ws = workspace_named(store, &workspace).await?;
            articles::remove(store, (ws.id, id))
                .await
                .map_err(|e| missing(id, e))?;
            println!("Article {id} removed.");
        }
    }
    Ok(())
}

async fn publish(
    store: &Store,
    workspace: &str,
    id: i64,
    published: bool,
    now: i64,
) -> anyhow::Result<()> {
    let ws = workspace_named(store, workspace).await?;
    let a = articles::publish(store, (ws.id, id), published, now)
        .await
        .map_err(|e| missing(id, e))?;
    let state = if a.published { "published" } else { "a draft" };
    println!("Article {id} is {state}.");
    Ok(())
}

/// An article the workspace does not have is named in the error.
fn missing(id: i64, err: CoreError) -> anyhow::Error {
    match err {
        CoreError::NotFound => anyhow::anyhow!("no article {id}"),
        other => other.into(),
    }
}
