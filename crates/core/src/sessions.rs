//! Customers' sessions. The widget's: a host's proof of who a user is (and of whom they
//! copy), exchanged for a bearer token bound to the page's origin. The pages': a cookie for
//! the signed iframe (the same proof, in its URL) or for a tracking link's visitor. Only the
//! hashes of their tokens are kept.

use std::future::Future;

use porthole_types::{limits, Locale, Metadata};
use serde_json::Value;

use crate::identity::{self, Claim, Keys};
use crate::{normalise_email, optional_text, settings, CoreError, CoreResult, EmailAddress};
use crate::{Origin, Token};

/// A widget session about to be kept: its token's hash and what it is bound to.
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub workspace_id: i64,
    pub email: &'a EmailAddress,
    pub name: Option<&'a str>,
    pub origin: &'a Origin,
    pub expires_at: i64,
    pub participants: &'a [EmailAddress],
}

/// What a host said of its user, kept on the customer's contact: a name, metadata and a
/// language replace the old ones; an absent one leaves it.
pub struct ContactUpdate<'a> {
    pub workspace_id: i64,
    pub email: &'a EmailAddress,
    pub name: Option<&'a str>,
    pub metadata: Option<&'a Metadata>,
    pub locale: Option<Locale>,
}

/// A page session about to be kept: who, for which ticket only (a tracking link's visitor),
/// in which language, copying whom.
pub struct NewPageSession<'a> {
    pub workspace_id: i64,
    pub email: &'a EmailAddress,
    pub name: Option<&'a str>,
    pub ticket_id: Option<i64>,
    pub locale: Option<Locale>,
    pub participants: &'a [EmailAddress],
}

/// Where sessions are kept. A storage engine implements it.
pub trait SessionStore: Send + Sync {
    /// In one transaction: ends the session `replacing` (one the browser held that is not
    /// this user's here any more), keeps `new` if there is one, and updates the contact.
    fn open_widget_session(
        &self,
        replacing: Option<&str>,
        new: Option<NewSession<'_>>,
        contact: ContactUpdate<'_>,
        now_ms: i64,
    ) -> impl Future<Output = CoreResult<()>> + Send;

    /// Ends a widget session at once; one already gone ends nothing.
    fn end_widget_session(&self, token_hash: &str) -> impl Future<Output = CoreResult<()>> + Send;

    /// Keeps a page session under `token_hash` from `now_ms` for `ttl_ms` and, in the same
    /// transaction, updates the contact when the session's host said something of them.
    fn keep_page_session(
        &self,
        session: NewPageSession<'_>,
        token_hash: &str,
        life: (i64, i64),
        contact: Option<ContactUpdate<'_>>,
    ) -> impl Future<Output = CoreResult<()>> + Send;
}

/// What `init` sent: the user, as the host signed them, and what it said about them.
pub struct WidgetClaim<'a> {
    /// The email exactly as sent: the hash covers these bytes.
    pub email: &'a str,
    pub name: Option<&'a str>,
    pub timestamp: Option<i64>,
    pub participants: &'a [String],
    pub hash: &'a str,
    pub metadata: Option<&'a Value>,
    /// `init`'s language, and the browser's.
    pub locale: Option<&'a str>,
    pub languages: &'a [String],
}

/// The live session the browser sent as a bearer token, as found.
pub struct HeldSession {
    pub token_hash: String,
    pub slug: String,
    pub email: String,
    pub origin: String,
    pub participants: Vec<EmailAddress>,
    pub expires_at: i64,
}

/// A widget session opened, or the held one kept.
pub struct Opened {
    pub email: EmailAddress,
    pub name: Option<String>,
    /// The new session's token, shown this once; `None` when the held session goes on.
    pub token: Option<Token>,
    pub expires_at: i64,
    /// The language `init` or the browser asked for, if Porthole speaks it.
    pub locale: Option<Locale>,
    /// What the host said about the user, when it was acceptable.
    pub metadata: Option<Metadata>,
    /// What was refused without refusing the session (metadata, a locale), and why named
    /// participants were not taken.
    pub refused: Vec<CoreError>,
    pub participants_ignored: Option<String>,
}

/// `init`'s locale if supported (otherwise a refusal to report), then the browser's.
fn pick_locale(claim: &WidgetClaim<'_>, refused: &mut Vec<CoreError>) -> Option<Locale> {
    if let Some(asked) = claim.locale.filter(|l| !l.trim().is_empty()) {
        match Locale::from_tag(asked) {
            Some(locale) => return Some(locale),
            None => refused.push(CoreError::Invalid(
                "locale",
                format!("locale {asked:?} is not supported; use en, fr, de or es"),
            )),
        }
    }
    claim.languages.iter().find_map(|tag| Locale::from_tag(tag))
}

/// Whether the held session is this user's, from this origin, copying the same people: then
/// it goes on as it is and the hash is not needed again (naming others needs it).
fn still_theirs(
    held: &HeldSession,
    slug: &str,
    email: &EmailAddress,
    origin: &Origin,
    named: &[String],
) -> bool {
    held.slug == slug
        && held.email == email.as_str()
        && held.origin == origin.as_str()
        && held
            .participants
            .iter()
            .map(EmailAddress::as_str)
            .eq(named.iter().map(String::as_str))
}

/// A user of the host's page opens the widget: the held session goes on if it is still
/// theirs; otherwise it ends, and the claim must verify under the workspace's `keys` for a new
/// session of `ttl_ms`. Either way the contact learns what the host said.
pub async fn open_widget<S: SessionStore>(
    store: &S,
    (workspace_id, slug, keys): (i64, &str, &Keys<'_>),
    origin: &Origin,
    claim: WidgetClaim<'_>,
    held: Option<HeldSession>,
    (ttl_ms, now_ms): (i64, i64),
) -> CoreResult<Opened> {
    let email = EmailAddress::parse(claim.email).map_err(|m| CoreError::Invalid("email", m))?;
    let name = optional_text("name", claim.name, limits::NAME_MAX_CHARS)?;
    let mut refused = vec![];
    let metadata = match claim.metadata.filter(|m| !m.is_null()) {
        None => None,
        Some(raw) => settings::metadata(raw).map_err(|e| refused.push(e)).ok(),
    };
    let locale = pick_locale(&claim, &mut refused);
    let named: Vec<String> = claim
        .participants
        .iter()
        .map(|p| normalise_email(p))
        .collect();
    let (kept, replacing) = match held {
        Some(h) if still_theirs(&h, slug, &email, origin, &named) => (Some(h.expires_at), None),
        Some(h) => (None, Some(h.token_hash)),
        None => (None, None),
    };
    let mut participants_ignored = None;
    let (token, expires_at, participants) = match kept {
        Some(expires_at) => (None, expires_at, vec![]),
        None => {
            let proof = Claim {
                email: claim.email,
                timestamp: claim.timestamp,
                participants: claim.participants,
                hash: claim.hash,
            };
            let verified = match identity::verify(keys, now_ms, proof, &email) {
                Ok(verified) => verified,
                Err(rejection) => {
                    // The held session is not this user's: it ends whether or not the new
                    // claim verifies, so a page that switches users never keeps the last one.
                    if let Some(hash) = &replacing {
                        store.end_widget_session(hash).await?;
                    }
                    return Err(CoreError::Identity(rejection));
                }
            };
            participants_ignored = verified.ignored;
            (
                Some(Token::generate("phs_")),
                now_ms + ttl_ms,
                verified.participants,
            )
        }
    };
    let new = token.as_ref().map(|t| NewSession {
        token_hash: &t.hash,
        workspace_id,
        email: &email,
        name: name.as_deref(),
        origin,
        expires_at,
        participants: &participants,
    });
    let contact = ContactUpdate {
        workspace_id,
        email: &email,
        name: name.as_deref(),
        metadata: metadata.as_ref(),
        locale,
    };
    store
        .open_widget_session(replacing.as_deref(), new, contact, now_ms)
        .await?;
    Ok(Opened {
        email,
        name,
        token,
        expires_at,
        locale,
        metadata,
        refused,
        participants_ignored,
    })
}

/// The user ends their widget session (or the loader does, on a change of user).
pub async fn end_widget<S: SessionStore>(store: &S, token_hash: &str) -> CoreResult<()> {
    store.end_widget_session(token_hash).await
}

/// What a signed iframe's URL carries, as received.
pub struct IframeClaim<'a> {
    pub email: &'a str,
    pub hash: &'a str,
    /// `ts`, Unix milliseconds, as text.
    pub timestamp: Option<&'a str>,
    pub nickname: Option<&'a str>,
    /// Comma-separated, as the URL has them.
    pub participants: Option<&'a str>,
    pub locale: Option<&'a str>,
}

/// A signed iframe is opened: its claim must verify under `keys`; the page session (a cookie)
/// lasts `ttl_ms`. Participants the signature does not cover are left out, and said why. As
/// with `init`, the contact learns the name and language the host gave.
pub async fn open_iframe<S: SessionStore>(
    store: &S,
    (workspace_id, keys): (i64, &Keys<'_>),
    claim: IframeClaim<'_>,
    (ttl_ms, now_ms): (i64, i64),
) -> CoreResult<(Token, Option<String>)> {
    let timestamp = match claim.timestamp.filter(|t| !t.is_empty()) {
        None => None,
        Some(ts) => Some(
            ts.parse::<i64>()
                .map_err(|_| CoreError::Invalid("ts", "ts must be Unix milliseconds".into()))?,
        ),
    };
    let email = EmailAddress::parse(claim.email).map_err(|m| CoreError::Invalid("email", m))?;
    let name = optional_text("nickname", claim.nickname, limits::NAME_MAX_CHARS)?;
    let named: Vec<String> = match claim.participants.filter(|p| !p.is_empty()) {
        None => vec![],
        Some(list) => list.split(',').map(str::to_owned).collect(),
    };
    let proof = Claim {
        email: claim.email,
        timestamp,
        participants: &named,
        hash: claim.hash,
    };
    let verified = identity::verify(keys, now_ms, proof, &email).map_err(CoreError::Identity)?;
    let locale = claim.locale.and_then(Locale::from_tag);
    let session = NewPageSession {
        workspace_id,
        email: &email,
        name: name.as_deref(),
        ticket_id: None,
        locale,
        participants: &verified.participants,
    };
    let contact = ContactUpdate {
        workspace_id,
        email: &email,
        name: name.as_deref(),
        metadata: None,
        locale,
    };
    let token = Token::generate("php_");
    store
        .keep_page_session(session, &token.hash, (now_ms, ttl_ms), Some(contact))
        .await?;
    Ok((token, verified.ignored))
}

/// A page session for `session`, lasting `ttl_ms`: its token, shown this once.
pub async fn open_page<S: SessionStore>(
    store: &S,
    session: NewPageSession<'_>,
    (ttl_ms, now_ms): (i64, i64),
) -> CoreResult<Token> {
    let token = Token::generate("php_");
    store
        .keep_page_session(session, &token.hash, (now_ms, ttl_ms), None)
        .await?;
    Ok(token)
}
