use crate::error::ApiError;

/// Trims and checks a required free-text field against a limit counted in characters, as a
/// person counts them, not bytes.
pub fn bounded_text(field: &'static str, raw: &str, max: usize) -> Result<String, ApiError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(ApiError::invalid(field, format!("{field} is required")));
    }
    check_length(field, text, max)?;
    Ok(text.to_owned())
}

/// Like [`bounded_text`] for an optional field: blank counts as absent.
pub fn optional_text(
    field: &'static str,
    raw: Option<&str>,
    max: usize,
) -> Result<Option<String>, ApiError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => {
            check_length(field, text, max)?;
            Ok(Some(text.to_owned()))
        }
    }
}

fn check_length(field: &'static str, text: &str, max: usize) -> Result<(), ApiError> {
    if text.chars().count() > max {
        return Err(ApiError::invalid(
            field,
            format!("{field} must be at most {max} characters"),
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(ApiError::invalid(
            field,
            format!("{field} contains control characters"),
        ));
    }
    Ok(())
}

/// A workspace's URL name: lowercase letters, digits and inner hyphens, 2 to 40 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let ok_chars = raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if (2..=40).contains(&raw.len()) && ok_chars && !raw.starts_with('-') && !raw.ends_with('-')
        {
            Ok(Self(raw.to_owned()))
        } else {
            Err(format!(
                "{raw:?} is not a valid slug: use 2-40 lowercase letters, digits and inner hyphens"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes() {
        assert!(bounded_text("subject", &"é".repeat(200), 200).is_ok());
        assert!(bounded_text("subject", &"é".repeat(201), 200).is_err());
    }

    #[test]
    fn blank_required_text_is_refused_and_blank_optional_text_is_absent() {
        assert!(bounded_text("subject", "  \n ", 10).is_err());
        assert_eq!(optional_text("description", Some("   "), 10).unwrap(), None);
    }

    #[test]
    fn control_characters_other_than_line_breaks_and_tabs_are_refused() {
        assert!(bounded_text("body", "a\u{0}b", 10).is_err());
        assert!(bounded_text("body", "a\u{1b}[31m", 10).is_err());
        assert!(bounded_text("body", "line\r\nnext\tcol", 20).is_ok());
    }

    #[test]
    fn slugs_are_url_safe() {
        assert!(Slug::parse("acme-inc").is_ok());
        for bad in ["a", "-acme", "acme-", "Acme", "ac me", "acme/../x", ""] {
            assert!(Slug::parse(bad).is_err(), "{bad:?}");
        }
    }
}
