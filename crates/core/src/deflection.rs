//! What answered a customer before they wrote: an article read (from the widget's
//! suggestions, the signed iframe or the portal) or a FAQ opened. A read that no ticket from the
//! same reader follows within [`VISIT_MS`] is counted as self-service.

use std::future::Future;

use porthole_types::Settings;

use crate::{CoreError, CoreResult};

/// One visit: a second read of an article within it is not counted again, and a ticket within
/// it after a read says the read did not answer.
pub const VISIT_MS: i64 = 3_600_000;

/// Who read: a signed-in customer, or a public visitor known only by their client.
pub enum Reader<'a> {
    User(&'a str),
    Client(&'a str),
}

impl Reader<'_> {
    /// How the store keys its reads; the ticket writer marks the same keys as followed.
    pub fn key(&self) -> String {
        match self {
            Reader::User(email) => format!("user:{email}"),
            Reader::Client(client) => format!("client:{client}"),
        }
    }
}

/// Where reads and FAQ clicks are counted. A storage engine implements it.
pub trait DeflectionStore: Send + Sync {
    /// Counts a read of the workspace's article (`workspace_id`, `article_id`) by `reader` at
    /// `now_ms`, unless they read it after `visit_from_ms` already, or it is gone meanwhile.
    fn count_read(
        &self,
        article: (i64, i64),
        reader: &str,
        visit: (i64, i64),
    ) -> impl Future<Output = CoreResult<()>> + Send;

    fn count_faq_click(
        &self,
        workspace_id: i64,
        question: &str,
    ) -> impl Future<Output = CoreResult<()>> + Send;
}

/// A reader read an article (already found readable by them).
pub async fn read<S: DeflectionStore>(
    store: &S,
    (workspace_id, article_id): (i64, i64),
    reader: Reader<'_>,
    now_ms: i64,
) -> CoreResult<()> {
    let visit = (now_ms, now_ms - VISIT_MS);
    store
        .count_read((workspace_id, article_id), &reader.key(), visit)
        .await
}

/// A customer opened the FAQ asking `question`: counted only when the workspace asks it, so
/// nobody can fill the counts with questions of their own. Not found otherwise.
pub async fn faq_opened<S: DeflectionStore>(
    store: &S,
    (workspace_id, settings): (i64, &Settings),
    question: &str,
) -> CoreResult<()> {
    if !settings.faqs.iter().any(|f| f.question == question) {
        return Err(CoreError::NotFound);
    }
    store.count_faq_click(workspace_id, question).await
}
