use crate::CoreError;

/// What is wrong with a text a person typed. The rule is this module's alone; each surface
/// words it (the API in English with the field's name, the pages in the visitor's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    Required,
    /// Longer than this many characters.
    TooLong(usize),
    /// A control character other than a line break or a tab.
    ControlCharacters,
}

/// The one rule for free text, wherever it comes from (the APIs, the pages' forms, settings,
/// the CLI): trimmed; blank is absent; at most `max` characters as a person counts them, not
/// bytes; no control characters but line breaks and tabs. Email taken in is cleaned instead
/// (the server's `http::api::inbound`), since there is nobody to refuse it to.
pub fn check_text(raw: &str, max: usize) -> Result<Option<&str>, TextError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > max {
        return Err(TextError::TooLong(max));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(TextError::ControlCharacters);
    }
    Ok(Some(text))
}

impl TextError {
    /// The refusal of `field`, in the API's English.
    pub fn for_field(self, field: &'static str) -> CoreError {
        let message = match self {
            TextError::Required => format!("{field} is required"),
            TextError::TooLong(max) => format!("{field} must be at most {max} characters"),
            TextError::ControlCharacters => format!("{field} contains control characters"),
        };
        CoreError::Invalid(field, message)
    }
}

/// A required free-text field, checked by [`check_text`].
pub fn bounded_text(field: &'static str, raw: &str, max: usize) -> Result<String, CoreError> {
    match check_text(raw, max) {
        Ok(Some(text)) => Ok(text.to_owned()),
        Ok(None) => Err(TextError::Required.for_field(field)),
        Err(e) => Err(e.for_field(field)),
    }
}

/// An optional free-text field, checked by [`check_text`]: blank counts as absent.
pub fn optional_text(
    field: &'static str,
    raw: Option<&str>,
    max: usize,
) -> Result<Option<String>, CoreError> {
    check_text(raw.unwrap_or_default(), max)
        .map(|t| t.map(str::to_owned))
        .map_err(|e| e.for_field(field))
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
    fn text_is_trimmed_counted_in_characters_and_free_of_control_characters() {
        assert_eq!(check_text("  hi \n", 5), Ok(Some("hi")));
        assert_eq!(check_text(" \t ", 5), Ok(None), "blank is absent");
        assert_eq!(
            check_text("ééééé", 5),
            Ok(Some("ééééé")),
            "characters, not bytes"
        );
        assert_eq!(check_text("éééééé", 5), Err(TextError::TooLong(5)));
        assert_eq!(check_text("a\tb\r\nc", 9), Ok(Some("a\tb\r\nc")));
        assert_eq!(check_text("a\u{7}b", 9), Err(TextError::ControlCharacters));
        assert_eq!(
            check_text("a\u{1b}[31m", 9),
            Err(TextError::ControlCharacters)
        );
    }

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
