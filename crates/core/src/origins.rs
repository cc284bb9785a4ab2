//! The sites allowed to embed a workspace's widget: replaced as a list (agent API, console), or
//! one added or taken away (CLI). One rule everywhere: canonical origins, at least one, at most
//! [`ORIGINS_MAX`]; the sessions opened from an origin taken away end with it, in the same
//! transaction, so allowing it again brings none of them back.

use std::future::Future;

use crate::{CoreError, CoreResult, Origin};

/// More would make every CORS check and `frame-ancestors` list long for no site's benefit.
pub const ORIGINS_MAX: usize = 50;

/// What adding or removing one origin did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Done,
    /// Allowed already, or not allowed to begin with.
    Unchanged,
    /// Refused: it would leave the workspace with none, or more than [`ORIGINS_MAX`].
    OutOfBounds,
}

/// Where the allowed origins are kept. A storage engine implements it; each method counts and
/// changes in one transaction, so two admins at once cannot pass the bounds together.
pub trait OriginStore: Send + Sync {
    /// Replaces the list (already within the bounds), ending the sessions of origins left out.
    fn replace_origins(
        &self,
        workspace_id: i64,
        origins: &[Origin],
    ) -> impl Future<Output = CoreResult<()>> + Send;

    /// Adds `origin` unless the workspace has `max` already.
    fn add_origin(
        &self,
        workspace_id: i64,
        origin: &Origin,
        max: usize,
    ) -> impl Future<Output = CoreResult<Change>> + Send;

    /// Removes `origin` unless it is the last one, ending the sessions opened from it.
    fn remove_origin(
        &self,
        workspace_id: i64,
        origin: &Origin,
    ) -> impl Future<Output = CoreResult<Change>> + Send;
}

fn parse(raw: &str) -> CoreResult<Origin> {
    Origin::parse(raw).map_err(|m| CoreError::Invalid("origins", m))
}

fn too_many() -> CoreError {
    CoreError::Invalid(
        "origins",
        format!("a workspace has at most {ORIGINS_MAX} allowed origins"),
    )
}

fn none_left() -> CoreError {
    CoreError::Invalid(
        "origins",
        "keep at least one allowed origin: allow another first".into(),
    )
}

/// The origins `raw` names, canonical, each once, within the bounds (counted as given).
pub fn parse_list(raw: &[String]) -> CoreResult<Vec<Origin>> {
    if raw.len() > ORIGINS_MAX {
        return Err(too_many());
    }
    let mut origins: Vec<Origin> = vec![];
    for o in raw {
        let origin = parse(o)?;
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    if origins.is_empty() {
        return Err(none_left());
    }
    Ok(origins)
}

/// An admin replaces the list.
pub async fn replace<S: OriginStore>(
    store: &S,
    workspace_id: i64,
    raw: &[String],
) -> CoreResult<()> {
    let origins = parse_list(raw)?;
    store.replace_origins(workspace_id, &origins).await
}

/// An operator allows one more origin; whether it was new.
pub async fn allow<S: OriginStore>(store: &S, workspace_id: i64, raw: &str) -> CoreResult<bool> {
    let origin = parse(raw)?;
    match store.add_origin(workspace_id, &origin, ORIGINS_MAX).await? {
        Change::Done => Ok(true),
        Change::Unchanged => Ok(false),
        Change::OutOfBounds => Err(too_many()),
    }
}

/// An operator takes an origin away; whether it was allowed.
pub async fn disallow<S: OriginStore>(store: &S, workspace_id: i64, raw: &str) -> CoreResult<bool> {
    let origin = parse(raw)?;
    match store.remove_origin(workspace_id, &origin).await? {
        Change::Done => Ok(true),
        Change::Unchanged => Ok(false),
        Change::OutOfBounds => Err(none_left()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_canonical_each_origin_once_and_within_the_bounds() {
        let list = parse_list(&[
            "https://App.Example.com/".into(),
            "https://app.example.com".into(),
        ])
        .unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].as_str(), "https://app.example.com");
        assert!(matches!(
            parse_list(&[]),
            Err(CoreError::Invalid("origins", _))
        ));
        let many: Vec<String> = (0..=ORIGINS_MAX)
            .map(|i| format!("https://s{i}.example.com"))
            .collect();
        assert!(parse_list(&many).is_err());
        assert!(parse_list(&many[1..]).is_ok());
        assert!(parse_list(&["javascript:alert(1)".into()]).is_err());
    }
}
