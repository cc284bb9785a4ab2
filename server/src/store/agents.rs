//! Agent accounts: invitations, passwords (their Argon2id hashes), second factors, sign-in
//! throttling and console sessions. Hashing and checking live in `crate::console::accounts`;
//! this module only keeps what they decide.

use super::StoreResult;
use super::{Revoked, Store, StoreError};
use porthole_core::agents::{AgentStore, KeyRole};
use porthole_core::sign_in::{AccountStore, SignInRecord};
use porthole_core::{CoreError, CoreResult, EmailAddress, Token};

/// An agent as the console and the API see them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AgentAccount {
    pub id: i64,
    pub workspace_id: i64,
    pub slug: String,
    pub email: String,
    pub name: String,
    /// `admin` or `agent`.
    pub role: String,
    pub available: bool,
    pub totp_on: bool,
    /// Whether they accepted their invitation.
    pub active: bool,
    /// Their picture's id in the file store.
    pub avatar: Option<String>,
    /// The console's language they chose (`en`, `fr`, `de`, `es`); none: their browser's.
    pub locale: Option<String>,
}

/// What signing in needs to know about an agent, as its row holds it.
#[derive(sqlx::FromRow)]
struct Record {
    id: i64,
    password_hash: Option<String>,
    totp_secret: Option<String>,
    locked_until: Option<i64>,
}

impl From<Record> for SignInRecord {
    fn from(r: Record) -> Self {
        SignInRecord {
            id: r.id,
            password_hash: r.password_hash,
            totp_secret: r.totp_secret,
            locked_until: r.locked_until,
        }
    }
}

use porthole_core::agents::Invitation;

const ACCOUNT_COLUMNS: &str = "a.id, a.workspace_id, w.slug, a.email, a.name, a.role, \
    a.available, a.totp_secret IS NOT NULL AS totp_on, a.password_hash IS NOT NULL AS active, \
    a.avatar, a.locale";

/// The two tokens an agent is given: the invitation's, and each session's.
#[derive(Clone, Copy)]
enum Issued {
    Invitation,
    Session,
}

/// Makes a token for the agent, valid for `ttl_ms`, in the caller's transaction; only its
/// hash is kept.
async fn issue(
    conn: &mut sqlx::SqliteConnection,
    what: Issued,
    agent_id: i64,
    (now_ms, ttl_ms): (i64, i64),
) -> sqlx::Result<Token> {
    let (prefix, table) = match what {
        Issued::Invitation => ("phv_", "agent_invites"),
        Issued::Session => ("pha_", "agent_sessions"),
    };
    let token = Token::generate(prefix);
    sqlx::query(&format!(
        "INSERT INTO {table} (token_hash, agent_id, created_at, expires_at) VALUES ($1, $2, $3, $4)"
    ))
    .bind(&token.hash)
    .bind(agent_id)
    .bind(now_ms)
    .bind(now_ms + ttl_ms)
    .execute(conn)
    .await?;
    Ok(token)
}

impl AccountStore for Store {
    async fn count_sign_in_attempt(
        &self,
        client: &str,
        since_ms: i64,
        now_ms: i64,
    ) -> CoreResult<i64> {
        let counted = self.count_attempt(client, since_ms, now_ms).await;
        Ok(counted.map_err(StoreError::from)?)
    }

    async fn accept_invitation(
        &self,
        token_hash: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> CoreResult<Option<i64>> {
        let accepted = self
            .spend_invitation(token_hash, password_hash, now_ms)
            .await;
        Ok(accepted.map_err(StoreError::from)?)
    }

    async fn sign_in_record(&self, slug: &str, email: &str) -> CoreResult<Option<SignInRecord>> {
        Ok(self
            .find_sign_in(slug, email)
            .await
            .map_err(StoreError::from)?)
    }

    async fn count_failure(&self, agent_id: i64, every: i64, until: i64) -> CoreResult<()> {
        let counted = self.failed_sign_in(agent_id, every, until).await;
        Ok(counted.map_err(StoreError::from)?)
    }

    async fn open_session(
        &self,
        agent_id: i64,
        totp_step: Option<i64>,
        now_ms: i64,
        ttl_ms: i64,
    ) -> CoreResult<Option<Token>> {
        let opened = self
            .start_session(agent_id, totp_step, now_ms, ttl_ms)
            .await;
        Ok(opened.map_err(StoreError::from)?)
    }

    async fn end_sessions(&self, token_hash: &str, everywhere: bool) -> CoreResult<()> {
        let ended = self.end_agent_sessions(token_hash, everywhere).await;
        Ok(ended.map_err(StoreError::from)?)
    }

    async fn set_two_step(&self, agent_id: i64, secret: Option<&str>) -> CoreResult<()> {
        let statement =
            sqlx::query("UPDATE agents SET totp_secret = $1, totp_last_step = NULL WHERE id = $2")
                .bind(secret)
                .bind(agent_id);
        self.change_one(statement).await
    }
}

impl AgentStore for Store {
    async fn invite_agent(
        &self,
        invitation: Invitation<'_>,
        now_ms: i64,
        ttl_ms: i64,
    ) -> CoreResult<Token> {
        Ok(self.write_invitation(invitation, now_ms, ttl_ms).await?)
    }

    async fn set_agent_role(
        &self,
        workspace_id: i64,
        email: &EmailAddress,
        role: KeyRole,
    ) -> CoreResult<()> {
        let statement =
            sqlx::query("UPDATE agents SET role = $1 WHERE workspace_id = $2 AND email = $3");
        let statement = statement
            .bind(role.as_str())
            .bind(workspace_id)
            .bind(email.as_str().to_owned());
        self.change_one(statement).await
    }

    async fn remove_agent(
        &self,
        workspace_id: i64,
        email: &EmailAddress,
    ) -> CoreResult<Option<String>> {
        let _turn = self.turn().await;
        let removed: Option<Option<String>> = sqlx::query_scalar(
            "DELETE FROM agents WHERE workspace_id = $1 AND email = $2 RETURNING avatar",
        )
        .bind(workspace_id)
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await
        .map_err(StoreError::from)?;
        let picture = removed.ok_or(CoreError::NotFound)?;
        self.revoked(Revoked::Workspace(workspace_id));
        Ok(picture)
    }
}

impl Store {
    /// See `AgentStore::invite_agent`.
    async fn write_invitation(
        &self,
        invite: Invitation<'_>,
        now_ms: i64,
        ttl_ms: i64,
    ) -> StoreResult<Token> {
        let mut tx = self.write_tx().await?;
        let existing: Option<(i64, bool)> = sqlx::query_as(
            "SELECT id, password_hash IS NOT NULL FROM agents WHERE workspace_id = $1 AND email = $2",
        )
        .bind(invite.workspace_id)
        .bind(invite.email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let agent_id = match existing {
            Some((_, true)) => {
                return Err(CoreError::Conflict(
                    "agent_exists",
                    "this person is already an agent of the workspace",
                )
                .into())
            }
            Some((id, false)) => {
                sqlx::query("UPDATE agents SET name = $1, role = $2 WHERE id = $3")
                    .bind(invite.name)
                    .bind(invite.role.as_str())
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM agent_invites WHERE agent_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                id
            }
            None => {
                sqlx::query_scalar(
                    "INSERT INTO agents (workspace_id, email, name, role, created_at) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(invite.workspace_id)
                .bind(invite.email.as_str())
                .bind(invite.name)
                .bind(invite.role.as_str())
                .bind(now_ms)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        let token = issue(&mut tx, Issued::Invitation, agent_id, (now_ms, ttl_ms)).await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The agent a live invitation is for.
    pub async fn invited_agent(
        &self,
        token_hash: &str,
        now_ms: i64,
    ) -> sqlx::Result<Option<AgentAccount>> {
        sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM agent_invites i JOIN agents a ON a.id = i.agent_id \
             JOIN workspaces w ON w.id = a.workspace_id \
             WHERE i.token_hash = $1 AND i.expires_at > $2"
        ))
        .bind(token_hash)
        .bind(now_ms)
        .fetch_optional(&self.pool)
        .await
    }

    /// Accepts an invitation: sets the password's hash and spends the token, once. `None` if
    /// the invitation is gone (used, expired or replaced).
    async fn spend_invitation(
        &self,
        token_hash: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> sqlx::Result<Option<i64>> {
        let mut tx = self.write_tx().await?;
        let agent: Option<i64> = sqlx::query_scalar(
            "DELETE FROM agent_invites WHERE token_hash = $1 AND expires_at > $2 RETURNING agent_id",
        )
        .bind(token_hash)
        .bind(now_ms)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(agent) = agent else {
            tx.rollback().await?;
            return Ok(None);
        };
        sqlx::query(
            "UPDATE agents SET password_hash = $1, failed_logins = 0, locked_until = NULL \
             WHERE id = $2",
        )
        .bind(password_hash)
        .bind(agent)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(agent))
    }

    /// See `AccountStore::sign_in_record`.
    async fn find_sign_in(&self, slug: &str, email: &str) -> sqlx::Result<Option<SignInRecord>> {
        let found: Option<Record> = sqlx::query_as(
            "SELECT a.id, a.password_hash, a.totp_secret, a.locked_until \
             FROM agents a JOIN workspaces w ON w.id = a.workspace_id \
             WHERE w.slug = $1 AND a.email = $2",
        )
        .bind(slug)
        .bind(email)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.map(SignInRecord::from))
    }

    /// See `AccountStore::count_failure`.
    async fn failed_sign_in(&self, agent_id: i64, every: i64, until: i64) -> sqlx::Result<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "UPDATE agents SET failed_logins = failed_logins + 1, \
             locked_until = CASE WHEN (failed_logins + 1) % $1 = 0 THEN $2 ELSE locked_until END \
             WHERE id = $3",
        )
        .bind(every)
        .bind(until)
        .bind(agent_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    /// See `AccountStore::open_session`.
    async fn start_session(
        &self,
        agent_id: i64,
        totp_step: Option<i64>,
        now_ms: i64,
        ttl_ms: i64,
    ) -> sqlx::Result<Option<Token>> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "UPDATE agents SET failed_logins = 0, locked_until = NULL, \
             totp_last_step = COALESCE($1, totp_last_step) \
             WHERE id = $2 AND ($1 IS NULL OR totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(totp_step)
        .bind(agent_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(None);
        }
        sqlx::query("DELETE FROM agent_sessions WHERE expires_at <= $1")
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        let token = issue(&mut tx, Issued::Session, agent_id, (now_ms, ttl_ms)).await?;
        tx.commit().await?;
        Ok(Some(token))
    }

    /// The agent a live console session belongs to.
    pub async fn console_session(
        &self,
        token_hash: &str,
        now_ms: i64,
    ) -> sqlx::Result<Option<AgentAccount>> {
        sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM agent_sessions s JOIN agents a ON a.id = s.agent_id \
             JOIN workspaces w ON w.id = a.workspace_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.password_hash IS NOT NULL"
        ))
        .bind(token_hash)
        .bind(now_ms)
        .fetch_optional(&self.pool)
        .await
    }

    /// See `AccountStore::end_sessions`.
    async fn end_agent_sessions(&self, token_hash: &str, everywhere: bool) -> sqlx::Result<()> {
        let mut tx = self.write_tx().await?;
        let workspace: Option<i64> = sqlx::query_scalar(
            "SELECT a.workspace_id FROM agent_sessions s JOIN agents a ON a.id = s.agent_id \
             WHERE s.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        if everywhere {
            sqlx::query(
                "DELETE FROM agent_sessions WHERE agent_id = \
                 (SELECT agent_id FROM agent_sessions WHERE token_hash = $1)",
            )
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query("DELETE FROM agent_sessions WHERE token_hash = $1")
                .bind(token_hash)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        match (everywhere, workspace) {
            (true, Some(workspace)) => self.revoked(Revoked::Workspace(workspace)),
            _ => self.revoked(Revoked::Credential(token_hash.to_owned())),
        }
        Ok(())
    }

    /// See `AccountStore::count_sign_in_attempt`.
    async fn count_attempt(&self, client: &str, since_ms: i64, now_ms: i64) -> sqlx::Result<i64> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM sign_in_attempts WHERE created_at < $1")
            .bind(now_ms - 86_400_000)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO sign_in_attempts (client, created_at) VALUES ($1, $2)")
            .bind(client)
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM sign_in_attempts WHERE client = $1 AND created_at > $2",
        )
        .bind(client)
        .bind(since_ms)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(count)
    }

    /// The workspace's agents, invited ones included.
    pub async fn agents(&self, workspace_id: i64) -> sqlx::Result<Vec<AgentAccount>> {
        sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM agents a JOIN workspaces w ON w.id = a.workspace_id \
             WHERE a.workspace_id = $1 ORDER BY a.name, a.email"
        ))
        .bind(workspace_id)
        .fetch_all(&self.pool)
        .await
    }

    /// One agent of the workspace.
    pub async fn agent(
        &self,
        workspace_id: i64,
        agent_id: i64,
    ) -> sqlx::Result<Option<AgentAccount>> {
        sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM agents a JOIN workspaces w ON w.id = a.workspace_id \
             WHERE a.workspace_id = $1 AND a.id = $2"
        ))
        .bind(workspace_id)
        .bind(agent_id)
        .fetch_optional(&self.pool)
        .await
    }
}

/// The agent who takes a new ticket when the workspace assigns round robin: available, signed
/// up, under the workspace's `cap` of open tickets if there is one, and given a ticket longest
/// ago (or never). Their address becomes the assignee, so they hear of the ticket by email
/// too. In the creating transaction, so two tickets at once go to two agents.
pub(super) fn round_robin(
    conn: &rusqlite::Connection,
    workspace_id: i64,
    cap: Option<i64>,
    now_ms: i64,
) -> rusqlite::Result<Option<String>> {
    use rusqlite::OptionalExtension;
    let chosen: Option<(i64, String)> = conn
        .prepare_cached(
            "SELECT a.id, a.email FROM agents a \
             WHERE a.workspace_id = ?1 AND a.available AND a.password_hash IS NOT NULL \
             AND (?2 IS NULL OR (SELECT COUNT(*) FROM tickets t WHERE t.workspace_id = ?1 \
                  AND t.assignee = a.email AND t.status IN ('open', 'in_progress', 'waiting')) < ?2) \
             ORDER BY a.last_assigned_at IS NOT NULL, a.last_assigned_at, a.id LIMIT 1",
        )?
        .query_row(rusqlite::params![workspace_id, cap], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?;
    let Some((agent_id, email)) = chosen else {
        return Ok(None);
    };
    conn.prepare_cached("UPDATE agents SET last_assigned_at = ?1 WHERE id = ?2")?
        .execute([now_ms, agent_id])?;
    Ok(Some(email))
}
