//! Knowledge-base articles as the team writes them, from the agent API, the CLI or the demo:
//! one set of rules for all.

use std::future::Future;

use porthole_types::{Article, ArticleRequest};

use crate::{bounded_text, optional_text, CoreError, CoreResult};

pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 50_000;
pub const CATEGORY_MAX: usize = 100;

/// An article's fields, checked; each `None` in a change leaves the field alone.
#[derive(Debug, Default)]
pub struct ArticleFields {
    pub title: Option<String>,
    pub body: Option<String>,
    /// `Some(None)` clears the category.
    pub category: Option<Option<String>>,
    pub published: Option<bool>,
    pub visibility: Option<&'static str>,
}

/// Where articles are kept. A storage engine implements it.
pub trait ArticleStore: Send + Sync {
    /// In one write transaction: keeps a new article under the first of `slug`, `slug-2`,
    /// `slug-3`… that no other article of the workspace has. Absent fields take their
    /// defaults: a draft, shown to the public once published.
    fn add_article(
        &self,
        workspace_id: i64,
        slug: String,
        fields: ArticleFields,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<Article>> + Send;

    /// Changes the fields given of article `id`; a missing article is not found.
    fn change_article(
        &self,
        workspace_id: i64,
        id: i64,
        fields: ArticleFields,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<Article>> + Send;

    /// Removes article `id`; a missing article is not found.
    fn remove_article(
        &self,
        workspace_id: i64,
        id: i64,
    ) -> impl Future<Output = CoreResult<()>> + Send;
}

/// The team writes an article: a title and a body are required, and it is read at an address
/// made of its title.
pub async fn add<S: ArticleStore>(
    store: &S,
    workspace_id: i64,
    request: &ArticleRequest,
    now_ms: i64,
) -> CoreResult<Article> {
    let fields = fields(request, true)?;
    let slug = slug_of(fields.title.as_deref().unwrap_or_default());
    store.add_article(workspace_id, slug, fields, now_ms).await
}

/// The team changes the fields given of article `id`; its address stays.
pub async fn change<S: ArticleStore>(
    store: &S,
    (workspace_id, id): (i64, i64),
    request: &ArticleRequest,
    now_ms: i64,
) -> CoreResult<Article> {
    let fields = fields(request, false)?;
    store.change_article(workspace_id, id, fields, now_ms).await
}

/// The team publishes article `id`, or takes it back to draft.
pub async fn publish<S: ArticleStore>(
    store: &S,
    (workspace_id, id): (i64, i64),
    published: bool,
    now_ms: i64,
) -> CoreResult<Article> {
    let fields = ArticleFields {
        published: Some(published),
        ..ArticleFields::default()
    };
    store.change_article(workspace_id, id, fields, now_ms).await
}

/// The team removes article `id`.
pub async fn remove<S: ArticleStore>(store: &S, (workspace_id, id): (i64, i64)) -> CoreResult<()> {
    store.remove_article(workspace_id, id).await
}

/// The checked fields; a new article needs a title and a body.
fn fields(request: &ArticleRequest, creating: bool) -> CoreResult<ArticleFields> {
    let required = |field: &'static str, value: &Option<String>| {
        if creating && value.is_none() {
            return Err(CoreError::Invalid(field, format!("{field} is required")));
        }
        Ok(())
    };
    required("title", &request.title)?;
    required("body", &request.body)?;
    let visibility = match request.visibility.as_deref() {
        None => None,
        Some("public") => Some("public"),
        Some("signed_in") => Some("signed_in"),
        Some(_) => {
            return Err(CoreError::Invalid(
                "visibility",
                "visibility must be public or signed_in".into(),
            ))
        }
    };
    Ok(ArticleFields {
        title: request
            .title
            .as_deref()
            .map(|t| bounded_text("title", t, TITLE_MAX))
            .transpose()?,
        body: request
            .body
            .as_deref()
            .map(|b| bounded_text("body", b, BODY_MAX))
            .transpose()?,
        category: request
            .category
            .as_ref()
            .map(|c| optional_text("category", c.as_deref(), CATEGORY_MAX))
            .transpose()?,
        published: request.published,
        visibility,
    })
}

/// An address part made of the title: lower-case ASCII letters and digits between hyphens.
fn slug_of(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 80 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "article".into()
    } else {
        slug.into()
    }
}

#[cfg(test)]
mod tests {
    use super::slug_of;

    #[test]
    fn slugs_are_made_of_the_title() {
        assert_eq!(
            slug_of("How do I reset my password?"),
            "how-do-i-reset-my-password"
        );
        assert_eq!(slug_of("  Billing & invoices  "), "billing-invoices");
        assert_eq!(slug_of("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug_of("Ünïcödé"), "n-c-d");
        assert_eq!(slug_of("!!!"), "article");
    }
}
