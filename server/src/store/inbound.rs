//! What taking in mail needs: the workspace's inbound secret, and reply tokens.

use super::Store;
use porthole_core::hash_token;

/// A reply token's ticket and the address replies must come from.
#[derive(Debug, sqlx::FromRow)]
pub struct ReplyTarget {
    pub ticket_id: i64,
    pub number: i64,
    pub email: String,
}

impl Store {
    /// Whether the workspace has an inbound secret.
    pub async fn has_inbound_secret(&self, workspace_id: i64) -> sqlx::Result<bool> {
        sqlx::query_scalar("SELECT inbound_secret_hash IS NOT NULL FROM workspaces WHERE id = $1")
            .bind(workspace_id)
            .fetch_one(&self.pool)
            .await
    }

    /// The workspace's id and inbound secret hash, if it has one.
    pub async fn inbound_secret_hash(&self, slug: &str) -> sqlx::Result<Option<(i64, String)>> {
        sqlx::query_as(
            "SELECT id, inbound_secret_hash FROM workspaces \
             WHERE slug = $1 AND inbound_secret_hash IS NOT NULL",
        )
        .bind(slug)
        .fetch_optional(&self.pool)
        .await
    }

    /// A new reply token for the ticket and its customer's address: 128 random bits in lower
    /// case hex, since some mail systems fold the case of an address's local part, and it must
    /// fit in one (64 characters at most) beside `reply+`.
    pub async fn create_reply_token(
        &self,
        ticket_id: i64,
        email: &str,
        now_ms: i64,
    ) -> sqlx::Result<String> {
        let mut bytes = [0u8; 16];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
        let token = hex::encode(bytes);
        let _turn = self.turn().await;
        sqlx::query(
            "INSERT INTO reply_tokens (token_hash, ticket_id, email, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(hash_token(&token))
        .bind(ticket_id)
        .bind(email)
        .bind(now_ms)
        .execute(&self.pool)
        .await?;
        Ok(token)
    }

    /// The ticket that one of the emails `answers` names (by `Message-ID`) was taken into: an
    /// email answering an earlier one continues its ticket. Where several senders sent that
    /// `Message-ID`, the sender's own message wins, then the first taken in; the caller still
    /// checks that the sender may answer the ticket.
    pub async fn thread_of(
        &self,
        workspace_id: i64,
        sender: &str,
        answers: &[String],
    ) -> sqlx::Result<Option<ReplyTarget>> {
        // The newest references come last; a long chain is looked at from its end.
        for id in answers.iter().rev().take(20) {
            let found: Option<ReplyTarget> = sqlx::query_as(
                "SELECT t.id AS ticket_id, t.number, c.email FROM inbound_messages i \
                 JOIN tickets t ON t.id = i.ticket_id JOIN contacts c ON c.id = t.contact_id \
                 WHERE i.workspace_id = $1 AND i.message_id = $2 \
                 ORDER BY i.sender = $3 DESC, i.created_at LIMIT 1",
            )
            .bind(workspace_id)
            .bind(id)
            .bind(sender)
            .fetch_optional(&self.pool)
            .await?;
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }

    /// The ticket of the workspace a reply token was made for.
    pub async fn reply_target(
        &self,
        workspace_id: i64,
        token_hash: &str,
    ) -> sqlx::Result<Option<ReplyTarget>> {
        sqlx::query_as(
            "SELECT t.id AS ticket_id, t.number, r.email FROM reply_tokens r \
             JOIN tickets t ON t.id = r.ticket_id \
             WHERE r.token_hash = $1 AND t.workspace_id = $2",
        )
        .bind(token_hash)
        .bind(workspace_id)
        .fetch_optional(&self.pool)
        .await
    }
}
