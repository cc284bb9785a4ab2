//! Knowledge-base articles, and their full-text search (FTS5, ranked by bm25 with the title
//! weighing five times the body).

use porthole_core::articles::{ArticleFields, ArticleStore};
use porthole_core::{CoreError, CoreResult};
use porthole_types::Article;
use sqlx::FromRow;

use super::tickets::match_query;
use super::{Store, StoreError};

/// An article as a row holds it.
#[derive(FromRow)]
struct Row {
    id: i64,
    slug: String,
    title: String,
    body: String,
    category: Option<String>,
    published: bool,
    visibility: String,
    views: i64,
    created_at: i64,
    updated_at: i64,
}

impl From<Row> for Article {
    fn from(r: Row) -> Self {
        Article {
            id: r.id,
            slug: r.slug,
            title: r.title,
            body: r.body,
            category: r.category,
            published: r.published,
            visibility: r.visibility,
            views: r.views,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// How an article is named when read.
#[derive(Debug, Clone, Copy)]
pub enum ArticleKey<'a> {
    Slug(&'a str),
    Id(i64),
}

/// Who is reading: the public, or a verified user (who may also read `signed_in` articles).
#[derive(Debug, Clone, Copy)]
pub enum Readers {
    Public,
    SignedIn,
}

impl Readers {
    fn visibilities(self) -> &'static str {
        match self {
            Readers::Public => "'public'",
            Readers::SignedIn => "'public', 'signed_in'",
        }
    }
}

const COLUMNS: &str =
    "a.id, a.slug, a.title, a.body, a.category, a.published, a.visibility, a.views, a.created_at, a.updated_at";
/// The same for `RETURNING`, where SQLite takes no table names.
const RETURNED: &str =
    "id, slug, title, body, category, published, visibility, views, created_at, updated_at";

impl ArticleStore for Store {
    async fn add_article(
        &self,
        workspace_id: i64,
        slug: String,
        fields: ArticleFields,
        now_ms: i64,
    ) -> CoreResult<Article> {
        Ok(self
            .insert_article(workspace_id, slug, fields, now_ms)
            .await?)
    }

    async fn change_article(
        &self,
        workspace_id: i64,
        id: i64,
        fields: ArticleFields,
        now_ms: i64,
    ) -> CoreResult<Article> {
        let _turn = self.turn().await;
        let changed: Option<Row> = sqlx::query_as(&format!(
            "UPDATE articles SET title = COALESCE($1, title), body = COALESCE($2, body), \
             category = CASE WHEN $3 THEN $4 ELSE category END, \
             published = COALESCE($5, published), visibility = COALESCE($6, visibility), \
             updated_at = $7 WHERE id = $8 AND workspace_id = $9 RETURNING {RETURNED}"
        ))
        .bind(&fields.title)
        .bind(&fields.body)
        .bind(fields.category.is_some())
        .bind(fields.category.clone().flatten())
        .bind(fields.published)
        .bind(fields.visibility)
        .bind(now_ms)
        .bind(id)
        .bind(workspace_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(StoreError::from)?;
        changed.map(Article::from).ok_or(CoreError::NotFound)
    }

    async fn remove_article(&self, workspace_id: i64, id: i64) -> CoreResult<()> {
        let statement = sqlx::query("DELETE FROM articles WHERE id = $1 AND workspace_id = $2");
        self.change_one(statement.bind(id).bind(workspace_id)).await
    }
}

impl Store {
    /// See `ArticleStore::add_article`.
    async fn insert_article(
        &self,
        workspace_id: i64,
        base: String,
        fields: ArticleFields,
        now_ms: i64,
    ) -> super::StoreResult<Article> {
        let mut tx = self.write_tx().await?;
        // The first free of base, base-2, base-3…
        let taken: Vec<String> = sqlx::query_scalar(
            "SELECT slug FROM articles WHERE workspace_id = $1 AND (slug = $2 OR slug LIKE $3)",
        )
        .bind(workspace_id)
        .bind(&base)
        .bind(format!("{base}-%"))
        .fetch_all(&mut *tx)
        .await?;
        let slug = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|s| !taken.contains(s))
            .expect("an unused slug");
        let article: Row = sqlx::query_as(&format!(
            "INSERT INTO articles (workspace_id, slug, title, body, category, published, \
             visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) \
             RETURNING {RETURNED}"
        ))
        .bind(workspace_id)
        .bind(&slug)
        .bind(fields.title.unwrap_or_default())
        .bind(fields.body.unwrap_or_default())
        .bind(fields.category.flatten())
        .bind(fields.published.unwrap_or(false))
        .bind(fields.visibility.unwrap_or("public"))
        .bind(now_ms)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(article.into())
    }

    /// Every article, drafts included, by category then title: the team's list.
    pub async fn all_articles(&self, workspace_id: i64) -> sqlx::Result<Vec<Article>> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM articles a WHERE a.workspace_id = $1 \
             ORDER BY a.category IS NULL, a.category, a.title"
        ))
        .bind(workspace_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Article::from).collect())
    }

    pub async fn article(&self, workspace_id: i64, id: i64) -> sqlx::Result<Option<Article>> {
        let row: Option<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM articles a WHERE a.workspace_id = $1 AND a.id = $2"
        ))
        .bind(workspace_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(Article::from))
    }

    /// A published article these readers may see, by its slug (the portal's addresses) or
    /// its id (the widget's suggestions); counts the view.
    pub async fn read_article(
        &self,
        workspace_id: i64,
        which: ArticleKey<'_>,
        readers: Readers,
    ) -> sqlx::Result<Option<Article>> {
        let _turn = self.turn().await;
        let column = match which {
            ArticleKey::Slug(_) => "slug",
            ArticleKey::Id(_) => "id",
        };
        let query = format!(
            "UPDATE articles SET views = views + 1 WHERE workspace_id = $1 AND {column} = $2 \
             AND published AND visibility IN ({}) RETURNING {RETURNED}",
            readers.visibilities()
        );
        let query = sqlx::query_as(&query).bind(workspace_id);
        let query = match which {
            ArticleKey::Slug(slug) => query.bind(slug),
            ArticleKey::Id(id) => query.bind(id),
        };
        let row: Option<Row> = query.fetch_optional(&self.pool).await?;
        Ok(row.map(Article::from))
    }

    /// Published articles these readers may see: those matching `query` best first (up to
    /// `limit`), or all of them by category and title when nothing searchable was typed.
    pub async fn find_articles(
        &self,
        workspace_id: i64,
        query: Option<&str>,
        readers: Readers,
        limit: i64,
    ) -> sqlx::Result<Vec<Article>> {
        let visible = readers.visibilities();
        let rows: Vec<Row> = match query.and_then(match_query) {
            Some(matching) => {
                sqlx::query_as(&format!(
                    "SELECT {COLUMNS} FROM article_text s JOIN articles a ON a.id = s.rowid \
                     WHERE article_text MATCH $1 AND a.workspace_id = $2 AND a.published \
                     AND a.visibility IN ({visible}) \
                     ORDER BY bm25(article_text, 5.0, 1.0) LIMIT $3"
                ))
                .bind(matching)
                .bind(workspace_id)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?
            }
            None => {
                sqlx::query_as(&format!(
                    "SELECT {COLUMNS} FROM articles a WHERE a.workspace_id = $1 AND a.published \
                     AND a.visibility IN ({visible}) \
                     ORDER BY a.category IS NULL, a.category, a.title LIMIT $2"
                ))
                .bind(workspace_id)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?
            }
        };
        Ok(rows.into_iter().map(Article::from).collect())
    }
}
