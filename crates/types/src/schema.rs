//! Shapes that exist only in the OpenAPI document, to state the rules the server applies to a
//! plain string field: named as a field's `value_type`, they add its pattern and lengths.
//!
//! Free text is trimmed, then must be non-blank (when required) and at most so many
//! characters, with no control characters but tab, line feed and carriage return.

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::ToSchema;

/// No control characters but tab, line feed and carriage return.
const ANY_TEXT: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";
/// The same, with at least one character that is not white space.
const SOME_TEXT: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";

/// A string with a pattern and lengths, as the document shows it.
fn string(
    description: &str,
    pattern: &str,
    (min, max): (Option<usize>, Option<usize>),
) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .pattern(Some(pattern))
        .min_length(min)
        .max_length(max)
        .into()
}

macro_rules! string_schema {
    ($(#[doc = $doc:literal])+ $name:ident, $pattern:expr, $lengths:expr) => {
        $(#[doc = $doc])+
        pub struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                string(concat!($($doc),+).trim(), $pattern, $lengths)
            }
        }

        impl ToSchema for $name {}
    };
}

string_schema!(
    /// Required text of at most 200 characters.
    Line, SOME_TEXT, (Some(1), Some(200))
);
string_schema!(
    /// Optional text of at most 200 characters; blank counts as absent.
    OptionalLine, ANY_TEXT, (None, Some(200))
);
string_schema!(
    /// Required text of at most 5,000 characters.
    Text, SOME_TEXT, (Some(1), Some(5000))
);
string_schema!(
    /// Optional text of at most 5,000 characters; blank counts as absent.
    OptionalText, ANY_TEXT, (None, Some(5000))
);
string_schema!(
    /// Optional text of at most 2,000 characters; blank counts as absent.
    OptionalComment, ANY_TEXT, (None, Some(2000))
);
string_schema!(
    /// Optional text of at most 100 characters (a category); blank counts as none.
    OptionalCategory, ANY_TEXT, (None, Some(100))
);
string_schema!(
    /// Markdown of at most 50,000 characters, not blank.
    ArticleBody, SOME_TEXT, (Some(1), Some(50000))
);
string_schema!(
    /// An email address: a dot-separated local part of letters, digits and `_%+-`, and a
    /// domain of dot-separated labels (no quoted local part, comma or space).
    Email,
    "^\\s*[A-Za-z0-9_%+-]{1,32}(\\.[A-Za-z0-9_%+-]{1,16}){0,2}@[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?){0,3}\\s*$",
    (None, Some(254))
);
string_schema!(
    /// An origin as a browser sends it: `http` or `https`, a DNS name whose last label starts
    /// with a letter, or an IPv4 address, and a port from 1 to 65535 unless the default; a
    /// trailing `/` is allowed and dropped.
    OriginText,
    "^[Hh][Tt][Tt][Pp][Ss]?://(([A-Za-z0-9]([A-Za-z0-9-]{0,20}[A-Za-z0-9])?\\.){0,3}[A-Za-z]([A-Za-z0-9-]{0,20}[A-Za-z0-9])?|((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))(:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?/?$",
    (None, None)
);
string_schema!(
    /// A page cursor, as a list's `next_cursor` gave it.
    Cursor, "^-?[0-9]{1,18}\\.-?[0-9]{1,18}$", (None, None)
);

/// An agent's or an API key's role.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum Role {
    Agent,
    Admin,
}

/// How a webhook endpoint is posted to.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum WebhookKind {
    /// Signed JSON (Standard Webhooks).
    Standard,
    /// A Slack incoming-webhook message.
    Slack,
}

/// Who sees an article.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum ArticleVisibility {
    Public,
    SignedIn,
}
