//! What an agent changes of their own: the name and picture customers see beside their
//! replies, and whether round-robin assignment gives them tickets.

use std::future::Future;

use porthole_types::{limits, ChangeMe, Locale};

use crate::{bounded_text, CoreError, CoreResult};

/// A picture is shown small, to every customer: a larger file is refused.
pub const PICTURE_MAX_BYTES: i64 = 1024 * 1024;
/// What browsers show everywhere, and what the upload check can tell by the bytes.
pub const PICTURE_TYPES: [&str; 4] = ["image/jpeg", "image/png", "image/gif", "image/webp"];

/// Whether a staged upload, by its checked type and size, may be a picture.
pub fn fit_for_a_picture(content_type: &str, size: i64) -> bool {
    PICTURE_TYPES.contains(&content_type) && size <= PICTURE_MAX_BYTES
}

/// Where agents' profiles are kept. A storage engine implements it.
pub trait ProfileStore: Send + Sync {
    /// Changes what is given of the agent's name, availability and language (`Some(None)`:
    /// their browser's again), in one write.
    fn change_profile(
        &self,
        agent_id: i64,
        name_and_availability: (Option<&str>, Option<bool>),
        locale: Option<Option<Locale>>,
    ) -> impl Future<Output = CoreResult<()>> + Send;

    /// Takes the workspace's staged agent upload `upload` as the agent's picture when `fits`
    /// says so of its type and size: in one transaction, it leaves the staged uploads and
    /// becomes the picture. `None` when there is no such upload, or it does not fit;
    /// otherwise the picture it replaces, whose bytes the caller deletes.
    fn take_picture(
        &self,
        workspace_and_agent: (i64, i64),
        upload: &str,
        fits: fn(&str, i64) -> bool,
    ) -> impl Future<Output = CoreResult<Option<Option<String>>>> + Send;

    /// Takes the agent's picture away; the one it was, whose bytes the caller deletes.
    fn clear_picture(
        &self,
        agent_id: i64,
    ) -> impl Future<Output = CoreResult<Option<String>>> + Send;
}

/// The agent changes their name (the text rule, at most 200 characters), availability or the
/// console's language.
pub async fn change<S: ProfileStore>(
    store: &S,
    agent_id: i64,
    change: &ChangeMe,
) -> CoreResult<()> {
    let name = change
        .name
        .as_deref()
        .map(|n| bounded_text("name", n, limits::NAME_MAX_CHARS))
        .transpose()?;
    if name.is_none() && change.available.is_none() && change.locale.is_none() {
        return Ok(());
    }
    let given = (name.as_deref(), change.available);
    store.change_profile(agent_id, given, change.locale).await
}

/// The agent takes an upload as their picture; the picture it replaces.
pub async fn take_picture<S: ProfileStore>(
    store: &S,
    (workspace_id, agent_id): (i64, i64),
    upload: &str,
) -> CoreResult<Option<String>> {
    store
        .take_picture((workspace_id, agent_id), upload, fit_for_a_picture)
        .await?
        .ok_or_else(|| {
            CoreError::Invalid(
                "upload",
                "name an image (JPEG, PNG, GIF or WebP, at most 1 MB) uploaded in the last hour \
                 and not yet used"
                    .into(),
            )
        })
}

/// The agent removes their picture; the one it was.
pub async fn remove_picture<S: ProfileStore>(
    store: &S,
    agent_id: i64,
) -> CoreResult<Option<String>> {
    store.clear_picture(agent_id).await
}
