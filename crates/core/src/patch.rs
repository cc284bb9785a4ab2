//! A change to a ticket's fields, checked by one set of rules whichever surface asks (the agent
//! API, the console through it, the CLI). The category is checked against the workspace's list
//! by `category`, which `tickets::patch_ticket` calls when one is given.

use porthole_types::{limits, TicketPatch};

use super::optional_text;
use crate::CoreError;

/// The patch with its texts trimmed and checked: a resolution as long as a reply may be, an
/// assignee as long as a name; blank clears either, as `null` does.
pub fn checked_patch(mut patch: TicketPatch) -> Result<TicketPatch, CoreError> {
    if patch.status.is_none()
        && patch.priority.is_none()
        && patch.assignee.is_none()
        && patch.resolution.is_none()
        && patch.category.is_none()
    {
        return Err(CoreError::InvalidRequest(
            "give at least one of status, priority, assignee, resolution or category".into(),
        ));
    }
    if let Some(Some(resolution)) = &patch.resolution {
        let checked = optional_text("resolution", Some(resolution), limits::MESSAGE_MAX_CHARS)?;
        patch.resolution = Some(checked);
    }
    if let Some(Some(assignee)) = &patch.assignee {
        let checked = optional_text("assignee", Some(assignee), limits::NAME_MAX_CHARS)?;
        patch.assignee = Some(checked);
    }
    Ok(patch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_bounded_and_cleared_when_blank() {
        let patch = |assignee: &str, resolution: &str| {
            checked_patch(TicketPatch {
                assignee: Some(Some(assignee.into())),
                resolution: Some(Some(resolution.into())),
                ..Default::default()
            })
        };
        let ok = patch(" ann ", " Fixed ").unwrap();
        assert_eq!(ok.assignee, Some(Some("ann".into())));
        assert_eq!(ok.resolution, Some(Some("Fixed".into())));
        let cleared = patch("  ", "").unwrap();
        assert_eq!(
            (cleared.assignee, cleared.resolution),
            (Some(None), Some(None))
        );
        assert!(patch(&"a".repeat(limits::NAME_MAX_CHARS + 1), "x").is_err());
        assert!(patch("ann", &"r".repeat(limits::MESSAGE_MAX_CHARS + 1)).is_err());
        assert!(patch("ann\u{7}", "x").is_err(), "control characters");
        assert!(
            checked_patch(TicketPatch::default()).is_err(),
            "nothing to change"
        );
    }
}
