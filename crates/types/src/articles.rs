//! Knowledge-base articles as the agent API reads and writes them.

use serde::{Deserialize, Deserializer, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Article {
    pub id: i64,
    /// Where it is read: `/p/<workspace>/kb/<slug>`.
    pub slug: String,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub category: Option<String>,
    pub published: bool,
    /// `public`, or `signed_in` (verified widget users only).
    pub visibility: String,
    pub views: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// An article to add, or the changes to one: absent fields are left alone, and a `null`
/// category clears it.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleRequest {
    /// Required when an article is added.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::Line>))]
    pub title: Option<String>,
    /// Markdown. Raw HTML, scripts and `javascript:` links are removed when it is shown.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::ArticleBody>))]
    pub body: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = Option<crate::schema::OptionalCategory>)
    )]
    pub category: Option<Option<String>>,
    pub published: Option<bool>,
    /// `public` (the default) or `signed_in`: shown only to verified users of the widget.
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = Option<crate::schema::ArticleVisibility>)
    )]
    pub visibility: Option<String>,
}

// Nothing reads this type: it describes, for the document, the body that `ArticleRequest` reads.
/// `POST /api/v1/agent/articles` as the document states it: an [`ArticleRequest`] with a title
/// and a body.
#[derive(Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewArticle {
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Line))]
    pub title: String,
    /// Markdown. Raw HTML, scripts and `javascript:` links are removed when it is shown.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::ArticleBody))]
    pub body: String,
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = Option<crate::schema::OptionalCategory>)
    )]
    pub category: Option<String>,
    pub published: Option<bool>,
    /// `public` (the default) or `signed_in`: shown only to verified users of the widget.
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = Option<crate::schema::ArticleVisibility>)
    )]
    pub visibility: Option<String>,
}

/// Tells a field sent as `null` (`Some(None)`) from one not sent (`None`).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}
