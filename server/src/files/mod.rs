//! Attachments' bytes: a local directory beside the database by default, or an S3-compatible
//! bucket, behind `object_store`'s one interface.
//!
//! A file's row is written before its bytes ("staged"), and the message that uses it claims
//! it in the message's own transaction. Whatever fails in between leaves a staged row, which
//! leads the sweeper to the bytes: nothing is kept that no row accounts for.

mod kind;
mod reencode;

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use bytes::Bytes;
use futures_util::stream::BoxStream;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, PutPayload, Result as ObjectResult};
use porthole_types::Attachment;

pub use kind::Refusal;

use crate::store::{NewAttachment, Store};
use porthole_core::random_hex;

/// Uploads one uploader may make in a window: the Workestra document's allowance for public
/// uploads, and twice that for verified users and agents, who attach to more than one message.
pub const WINDOW_MS: i64 = 10 * 60 * 1000;
pub const PUBLIC_UPLOADS_PER_WINDOW: i64 = 5;
pub const VERIFIED_UPLOADS_PER_WINDOW: i64 = 10;
/// A staged file no message claimed in this long is swept away.
const STAGED_TTL_MS: i64 = 60 * 60 * 1000;
const REENCODING_AT_ONCE: usize = 2;

#[derive(Clone)]
pub struct Files {
    objects: Arc<dyn ObjectStore>,
    /// Images written anew at once: one a core, so uploads cannot starve the server's CPU.
    reencoding: Arc<tokio::sync::Semaphore>,
}

/// A file as it arrived: the name the uploader gave and the bytes.
pub struct Incoming {
    pub name: String,
    pub bytes: Bytes,
}

/// Who uploads: whose the staged file is (`owner`, the only one who may attach it), and the
/// key rate limits count under (`uploader`).
pub struct Uploader {
    pub workspace_id: i64,
    pub owner: String,
    pub uploader: String,
    pub per_window: i64,
}

impl Uploader {
    /// A customer, known by email in a workspace, counted under `uploader`.
    pub fn customer(workspace_id: i64, email: &str, uploader: String, per_window: i64) -> Self {
        Self {
            workspace_id,
            owner: crate::store::customer_owner(email),
            uploader,
            per_window,
        }
    }
}

/// A file's size as people read it: "812 B", "14 KB", "2.3 MB".
pub fn file_size(bytes: i64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{} KB", (b + 1023) / 1024),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    /// The file `name`, as the uploader named it, cannot be attached.
    #[error("{reason}")]
    Refused { name: String, reason: Refusal },
    #[error("too many files")]
    TooMany,
    /// Seconds until the uploader may upload again.
    #[error("too many uploads")]
    RateLimited(i64),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for UploadError {
    fn from(err: sqlx::Error) -> Self {
        UploadError::Internal(err.into())
    }
}

impl Files {
    /// `url`: `s3://bucket/optional/prefix` (credentials, region and endpoint from the usual
    /// `AWS_*` variables), or a directory path. Without one, the directory beside the database,
    /// named after it: `porthole.db` keeps its files in `porthole.db-files/`.
    pub fn open(url: Option<&str>, database: &Path) -> anyhow::Result<Self> {
        let objects: Arc<dyn ObjectStore> = match url {
            Some(url) if url.starts_with("s3://") => {
                let parsed = url::Url::parse(url).context("--files-url is not a URL")?;
                let bucket = parsed.host_str().context("--files-url names no bucket")?;
                let s3 = AmazonS3Builder::from_env()
                    .with_bucket_name(bucket)
                    .build()
                    .context("configuring the S3 bucket")?;
                let prefix = parsed.path().trim_matches('/');
                if prefix.is_empty() {
                    Arc::new(s3)
                } else {
                    Arc::new(PrefixStore::new(s3, prefix))
                }
            }
            other => {
                let dir = match other {
                    Some(path) => path.trim_start_matches("file://").into(),
                    None => {
                        let mut name = database.as_os_str().to_owned();
                        name.push("-files");
                        std::path::PathBuf::from(name)
                    }
                };
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
                Arc::new(LocalFileSystem::new_with_prefix(&dir)?)
            }
        };
        Ok(Self {
            objects,
            reencoding: Arc::new(tokio::sync::Semaphore::new(REENCODING_AT_ONCE)),
        })
    }

    /// Checks each file and keeps it, staged for `who`, after checking `who`'s allowance for
    /// them all. Either every file is kept or none is: a request with one bad file leaves
    /// nothing behind. At most `max` files.
    pub async fn stage_all(
        &self,
        store: &Store,
        who: &Uploader,
        incoming: Vec<Incoming>,
        max: usize,
        now_ms: i64,
    ) -> Result<Vec<Attachment>, UploadError> {
        if incoming.len() > max {
            return Err(UploadError::TooMany);
        }
        let mut checked = Vec::with_capacity(incoming.len());
        for file in incoming {
            let kind = kind::check(&file.name, &file.bytes).map_err(|reason| {
                let name = file.name.clone();
                UploadError::Refused { name, reason }
            })?;
            checked.push((kind, file.bytes));
        }
        if checked.is_empty() {
            return Ok(vec![]);
        }
        let since = now_ms - WINDOW_MS;
        let (count, oldest) = store.uploads_since(&who.uploader, since).await?;
        if count + checked.len() as i64 > who.per_window {
            let frees_at = oldest.unwrap_or(now_ms) + WINDOW_MS;
            return Err(UploadError::RateLimited(
                ((frees_at - now_ms + 999) / 1000).max(1),
            ));
        }
        let mut cleaned = Vec::with_capacity(checked.len());
        for (kind, bytes) in checked {
            let bytes = self
                .reencode(kind.content_type, bytes)
                .await
                .map_err(|reason| UploadError::Refused {
                    name: kind.name.clone(),
                    reason,
                })?;
            cleaned.push((kind, bytes));
        }
        let mut staged = Vec::with_capacity(cleaned.len());
        for (kind, bytes) in cleaned {
            let attachment = Attachment {
                id: random_hex(16),
                name: kind.name,
                content_type: kind.content_type.to_owned(),
                size: bytes.len() as i64,
            };
            let row = NewAttachment {
                workspace_id: who.workspace_id,
                owner: &who.owner,
                uploader: &who.uploader,
                attachment: &attachment,
            };
            store.stage_attachment(&row, now_ms).await?;
            if let Err(err) = self.put(&attachment.id, bytes).await {
                // Rows already staged are left for the sweeper; this one has no bytes yet.
                store.forget_staged(&attachment.id).await?;
                return Err(err.into());
            }
            staged.push(attachment);
        }
        Ok(staged)
    }

    /// An image written anew (see `reencode`), on a blocking thread; other files as they are.
    async fn reencode(&self, content_type: &'static str, bytes: Bytes) -> Result<Bytes, Refusal> {
        if !content_type.starts_with("image/") {
            return Ok(bytes);
        }
        let _permit = self.reencoding.acquire().await;
        tokio::task::spawn_blocking(move || reencode::reencode(content_type, &bytes))
            .await
            .unwrap_or(Err(Refusal::Unreadable))
            .map(Bytes::from)
    }

    async fn put(&self, id: &str, bytes: Bytes) -> anyhow::Result<()> {
        self.objects
            .put(&ObjectPath::from(id), PutPayload::from_bytes(bytes))
            .await
            .context("storing a file")?;
        Ok(())
    }

    /// The bytes of the file `id`, all at once (the CLI writes them to a file).
    pub async fn get(&self, id: &str) -> anyhow::Result<Bytes> {
        let found = self
            .objects
            .get(&ObjectPath::from(id))
            .await
            .context("reading a file")?;
        found.bytes().await.context("reading a file")
    }

    /// The file `id` as the store yields it, piece by piece, for a response body to stream:
    /// a download of 10 MB does not sit in memory whole.
    pub async fn stream(
        &self,
        id: &str,
    ) -> anyhow::Result<BoxStream<'static, ObjectResult<Bytes>>> {
        let found = self
            .objects
            .get(&ObjectPath::from(id))
            .await
            .context("reading a file")?;
        Ok(found.into_stream())
    }

    /// Deletes the bytes of the file `id`; bytes already gone are no error.
    pub async fn delete(&self, id: &str) -> anyhow::Result<()> {
        match self.objects.delete(&ObjectPath::from(id)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(err) => Err(err).context("deleting a file"),
        }
    }

    /// Deletes staged files no message claimed within the hour, bytes first, then the row.
    pub async fn sweep(&self, store: &Store, now_ms: i64) -> anyhow::Result<usize> {
        let stale = store.staged_before(now_ms - STAGED_TTL_MS).await?;
        for id in &stale {
            self.delete(id).await?;
            store.forget_staged(id).await?;
        }
        Ok(stale.len())
    }
}
