//! Opening a workspace: from the CLI, the demo and the seeder, by one rule.

use std::future::Future;

use porthole_types::Settings;
use secrecy::SecretString;

use crate::secrets::identity_secret;
use crate::{bounded_text, CoreError, CoreResult, Origin, Slug};

/// The longest workspace name.
pub const NAME_MAX: usize = 200;

/// A workspace to open, checked.
pub struct NewWorkspace {
    pub slug: Slug,
    pub name: String,
    pub origins: Vec<Origin>,
    /// The first settings, the identity policy among them.
    pub settings: Settings,
}

/// Where workspaces are kept. A storage engine implements it.
pub trait WorkspaceStore: Send + Sync {
    /// In one write transaction: keeps the workspace with its identity secret and allowed
    /// origins, and returns its id. A slug already taken is the conflict `workspace_exists`
    /// and nothing is written.
    fn create_workspace(
        &self,
        new: NewWorkspace,
        secret: SecretString,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<i64>> + Send;
}

/// A workspace just opened, with its identity secret, shown this once.
pub struct Opened {
    pub id: i64,
    pub slug: Slug,
    pub secret: SecretString,
}

/// Opens a workspace: its address (`slug`), its name, the origins that may embed it (under the
/// rule of [`crate::origins`]), and its first settings.
pub async fn create<S: WorkspaceStore>(
    store: &S,
    (slug, name, origins): (&str, &str, &[String]),
    settings: Settings,
    now_ms: i64,
) -> CoreResult<Opened> {
    let slug = Slug::parse(slug).map_err(|m| CoreError::Invalid("slug", m))?;
    let name = bounded_text("name", name, NAME_MAX)?;
    let origins = crate::origins::parse_list(origins)?;
    let new = NewWorkspace {
        slug: slug.clone(),
        name,
        origins,
        settings,
    };
    let secret = identity_secret();
    let id = store.create_workspace(new, secret.clone(), now_ms).await?;
    Ok(Opened { id, slug, secret })
}
