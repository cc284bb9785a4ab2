//! The team: inviting someone to it, from the console, the agent API or the command line, and
//! an admin changing someone's role or taking them off it.

use std::future::Future;

use porthole_types::limits;

use crate::{bounded_text, CoreError, CoreResult, EmailAddress, Token};

/// How long an invitation link works.
pub const INVITATION_TTL_MS: i64 = 7 * 24 * 3_600_000;

/// What a key or an agent may do. Agents work tickets, articles and reports; admins also
/// change the workspace: settings, allowed origins, the identity secret and webhooks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRole {
    Admin,
    Agent,
}

impl KeyRole {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyRole::Admin => "admin",
            KeyRole::Agent => "agent",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "admin" => Some(KeyRole::Admin),
            "agent" => Some(KeyRole::Agent),
            _ => None,
        }
    }
}

/// An invitation, checked: whom, under which name, as what.
pub struct Invitation<'a> {
    pub workspace_id: i64,
    pub email: &'a EmailAddress,
    pub name: &'a str,
    pub role: KeyRole,
}

/// Where the team is kept. A storage engine implements it.
pub trait AgentStore: Send + Sync {
    /// Makes the account (or renews the invitation of one not yet accepted) and returns the
    /// invitation's token, valid for `ttl_ms`; only its hash is kept. Someone who already
    /// accepted is a conflict (`agent_exists`).
    fn invite_agent(
        &self,
        invitation: Invitation<'_>,
        now_ms: i64,
        ttl_ms: i64,
    ) -> impl Future<Output = CoreResult<Token>> + Send;

    /// Gives the agent `role`, which applies to their next request; a missing agent is not
    /// found.
    fn set_agent_role(
        &self,
        workspace_id: i64,
        email: &EmailAddress,
        role: KeyRole,
    ) -> impl Future<Output = CoreResult<()>> + Send;

    /// Removes the agent, and their sessions and invitation with them, at once; returns their
    /// picture, whose bytes the caller deletes. A missing agent is not found.
    fn remove_agent(
        &self,
        workspace_id: i64,
        email: &EmailAddress,
    ) -> impl Future<Output = CoreResult<Option<String>>> + Send;
}

/// Who was invited, and the token of their link (valid 7 days, once).
pub struct Invited {
    pub email: EmailAddress,
    pub name: String,
    pub token: Token,
}

/// Invites `email` to the workspace's team as `role`, named `name` or, without one, by the
/// address's local part.
pub async fn invite<S: AgentStore>(
    store: &S,
    workspace_id: i64,
    (email, name, role): (&str, Option<&str>, KeyRole),
    now_ms: i64,
) -> CoreResult<Invited> {
    let email = EmailAddress::parse(email).map_err(|m| CoreError::Invalid("email", m))?;
    let name = agent_name(name, &email)?;
    let invitation = Invitation {
        workspace_id,
        email: &email,
        name: &name,
        role,
    };
    let token = store
        .invite_agent(invitation, now_ms, INVITATION_TTL_MS)
        .await?;
    Ok(Invited { email, name, token })
}

/// An admin gives another agent a role (`agent` or `admin`). `me` is the admin's own address
/// when they act signed in, `None` for an admin API key. Returns whose role changed.
pub async fn change_role<S: AgentStore>(
    store: &S,
    workspace_id: i64,
    me: Option<&str>,
    (email, role): (&str, &str),
) -> CoreResult<EmailAddress> {
    let email = someone_else(email, me)?;
    let role = KeyRole::parse(role)
        .ok_or_else(|| CoreError::Invalid("role", "role must be agent or admin".into()))?;
    store.set_agent_role(workspace_id, &email, role).await?;
    Ok(email)
}

/// An admin takes another agent off the team; returns their picture, to be deleted.
pub async fn remove<S: AgentStore>(
    store: &S,
    workspace_id: i64,
    me: Option<&str>,
    email: &str,
) -> CoreResult<Option<String>> {
    let email = someone_else(email, me)?;
    store.remove_agent(workspace_id, &email).await
}

/// The agent an admin acts on, who may not be the admin: the team must keep an admin who
/// can undo a mistake, so changing or removing yourself is refused. Text that is not an
/// address names nobody on the team.
fn someone_else(raw: &str, me: Option<&str>) -> CoreResult<EmailAddress> {
    let email = EmailAddress::parse(raw).map_err(|_| CoreError::NotFound)?;
    if me == Some(email.as_str()) {
        return Err(CoreError::Invalid(
            "email",
            "you cannot change or remove yourself; ask another admin".into(),
        ));
    }
    Ok(email)
}

/// The name customers see beside an agent's replies: as given, or the address's local part.
pub fn agent_name(given: Option<&str>, email: &EmailAddress) -> CoreResult<String> {
    let fallback = email.as_str().split('@').next().unwrap_or_default();
    bounded_text("name", given.unwrap_or(fallback), limits::NAME_MAX_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agent_without_a_name_is_called_by_their_address() {
        let email = EmailAddress::parse("ann.lee@example.com").unwrap();
        assert_eq!(agent_name(None, &email).unwrap(), "ann.lee");
        assert_eq!(agent_name(Some(" Ann "), &email).unwrap(), "Ann");
        assert!(agent_name(Some(&"a".repeat(201)), &email).is_err());
    }

    #[test]
    fn an_admin_acts_on_others_never_on_themselves() {
        let me = Some("ann@example.com");
        let refused = someone_else("Ann@Example.com", me);
        assert!(matches!(refused, Err(CoreError::Invalid("email", _))));
        assert!(someone_else("bo@example.com", me).is_ok());
        assert!(someone_else("ann@example.com", None).is_ok(), "an API key");
        let nobody = someone_else("not an address", me);
        assert!(matches!(nobody, Err(CoreError::NotFound)));
    }
}
