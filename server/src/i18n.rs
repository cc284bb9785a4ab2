//! The language a visitor is spoken to in. The words themselves are `porthole_text`'s.

pub use porthole_text::{catalogue, fill, Catalogue, MailTexts};
use porthole_types::Locale;

/// The language a page speaks: the one asked for (`?locale=`), else the browser's best
/// supported one, else the workspace's default.
pub fn resolve(asked: Option<&str>, headers: &axum::http::HeaderMap, default: Locale) -> Locale {
    asked
        .and_then(Locale::from_tag)
        .or_else(|| {
            let header = headers
                .get(axum::http::header::ACCEPT_LANGUAGE)?
                .to_str()
                .ok()?;
            from_accept_language(header)
        })
        .unwrap_or(default)
}

/// The first supported language in an `Accept-Language` header, best quality first.
pub fn from_accept_language(header: &str) -> Option<Locale> {
    let mut tags: Vec<(f32, &str)> = header
        .split(',')
        .filter_map(|part| {
            let mut bits = part.split(';');
            let tag = bits.next()?.trim();
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, tag))
        })
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0));
    tags.into_iter().find_map(|(_, tag)| Locale::from_tag(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(
            from_accept_language("pt-BR, de;q=0.8, en;q=0.5"),
            Some(Locale::De)
        );
        assert_eq!(from_accept_language("fr-CA"), Some(Locale::Fr));
        assert_eq!(from_accept_language("es;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(from_accept_language("ja, zh"), None);
    }
}
