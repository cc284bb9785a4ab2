//! Knowledge-base articles as the agent API and the CLI write them: one set of rules for both.

use serde::{Deserialize, Deserializer};

use crate::store::ArticleFields;
use porthole_core::{bounded_text, optional_text, CoreError, CoreResult};

pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 50_000;
pub const CATEGORY_MAX: usize = 100;

/// An article to add, or the changes to one: absent fields are left alone, and a `null`
/// category clears it.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleRequest {
    /// Required when an article is added.
    #[schema(value_type = Option<porthole_types::schema::Line>)]
    pub title: Option<String>,
    /// Markdown. Raw HTML, scripts and `javascript:` links are removed when it is shown.
    #[schema(value_type = Option<porthole_types::schema::ArticleBody>)]
    pub body: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<porthole_types::schema::OptionalCategory>)]
    pub category: Option<Option<String>>,
    pub published: Option<bool>,
    /// `public` (the default) or `signed_in`: shown only to verified users of the widget.
    #[schema(value_type = Option<porthole_types::schema::ArticleVisibility>)]
    pub visibility: Option<String>,
}

/// `POST /api/v1/agent/articles` as the document states it: an [`ArticleRequest`] with a title
/// and a body.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "describes the body that ArticleRequest reads")]
pub struct NewArticle {
    #[schema(value_type = porthole_types::schema::Line)]
    title: String,
    /// Markdown. Raw HTML, scripts and `javascript:` links are removed when it is shown.
    #[schema(value_type = porthole_types::schema::ArticleBody)]
    body: String,
    #[schema(value_type = Option<porthole_types::schema::OptionalCategory>)]
    category: Option<String>,
    published: Option<bool>,
    /// `public` (the default) or `signed_in`: shown only to verified users of the widget.
    #[schema(value_type = Option<porthole_types::schema::ArticleVisibility>)]
    visibility: Option<String>,
}

/// Tells a field sent as `null` (`Some(None)`) from one not sent (`None`).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

impl ArticleRequest {
    /// The checked fields; a new article needs a title and a body.
    pub fn fields(&self, creating: bool) -> CoreResult<ArticleFields> {
        let required = |field: &'static str, value: &Option<String>| {
            if creating && value.is_none() {
                return Err(CoreError::Invalid(field, format!("{field} is required")));
            }
            Ok(())
        };
        required("title", &self.title)?;
        required("body", &self.body)?;
        let visibility = match self.visibility.as_deref() {
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
            title: self
                .title
                .as_deref()
                .map(|t| bounded_text("title", t, TITLE_MAX))
                .transpose()?,
            body: self
                .body
                .as_deref()
                .map(|b| bounded_text("body", b, BODY_MAX))
                .transpose()?,
            category: self
                .category
                .as_ref()
                .map(|c| optional_text("category", c.as_deref(), CATEGORY_MAX))
                .transpose()?,
            published: self.published,
            visibility,
        })
    }
}
