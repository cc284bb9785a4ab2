//! The rules for what a message carries, whoever writes it.

use porthole_types::limits;

use crate::{bounded_text, CoreError, CoreResult};

/// A message's text: required, unless files are attached.
pub fn message_text(body: &str, with_files: bool) -> CoreResult<String> {
    if with_files && body.trim().is_empty() {
        return Ok(String::new());
    }
    bounded_text("body", body, limits::MESSAGE_MAX_CHARS)
}

/// The `attachments` of a new ticket or message: at most `max` distinct upload ids, each as
/// the upload gave it out.
pub fn attachment_ids(ids: &[String], max: usize) -> CoreResult<Vec<String>> {
    let mut distinct: Vec<String> = Vec::with_capacity(ids.len());
    for id in ids {
        if id.len() != 32 || !id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(CoreError::Invalid(
                "attachments",
                "an attachment id is not one an upload gave out".into(),
            ));
        }
        if !distinct.contains(id) {
            distinct.push(id.clone());
        }
    }
    if distinct.len() > max {
        return Err(CoreError::Invalid(
            "attachments",
            format!("attach at most {max} files"),
        ));
    }
    Ok(distinct)
}

/// A ticket's category: blank for none, otherwise one of the workspace's `categories`
/// (matched without regard to case, kept as the workspace spells it).
pub fn category(categories: &[String], raw: Option<&str>) -> CoreResult<Option<String>> {
    match raw.map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(c) => categories
            .iter()
            .find(|known| known.eq_ignore_ascii_case(c))
            .cloned()
            .map(Some)
            .ok_or_else(|| {
                CoreError::Invalid("category", "choose one of the listed categories".into())
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_needs_words_unless_it_carries_files() {
        assert!(message_text("  ", false).is_err());
        assert_eq!(message_text("  ", true).unwrap(), "");
        assert_eq!(message_text(" hi ", true).unwrap(), "hi");
    }

    #[test]
    fn attachment_ids_are_upload_ids_counted_once() {
        let id = "0123456789abcdef0123456789abcdef".to_owned();
        let twice = [id.clone(), id.clone()];
        assert_eq!(attachment_ids(&twice, 1).unwrap(), vec![id.clone()]);
        assert!(attachment_ids(&["../etc/passwd".into()], 5).is_err());
        let other = "f".repeat(32);
        assert!(attachment_ids(&[id, other], 1).is_err());
    }

    #[test]
    fn a_category_is_one_the_workspace_offers_spelled_its_way() {
        let offered = ["Billing".to_owned()];
        assert_eq!(
            category(&offered, Some(" billing ")).unwrap(),
            Some("Billing".into())
        );
        assert_eq!(category(&offered, Some("")).unwrap(), None);
        assert!(category(&offered, Some("Sales")).is_err());
    }
}
