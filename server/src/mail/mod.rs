//! Email out: the SMTP connection (lettre), the planning of emails from the outbox, their
//! composition; `workers::mail` sends them, with retries.

mod compose;
pub mod inbound;
mod plan;

pub use compose::{compose, Links};
pub use plan::plan;

use anyhow::Context;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};

/// How to send: `--smtp-url` and `--mail-from`.
pub struct MailConfig {
    /// `smtp://user:pass@host:port` (add `?tls=required` for STARTTLS) or `smtps://…` for TLS.
    pub smtp_url: SecretString,
    pub from: String,
    /// Where replies by email go, as `local@domain`: each customer email's Reply-To is
    /// `local+TOKEN@domain`. Replies by email are off without it.
    pub inbound_address: Option<String>,
    /// How long the SMTP server may take over one email, from connecting to accepting it.
    pub timeout: std::time::Duration,
}

/// A configured SMTP sender.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The inbound address's local part and domain, when replies by email are on.
    inbound: Option<(String, String)>,
    /// Where the server is, for the start-up message: never the credentials.
    pub server: String,
    timeout: std::time::Duration,
}

/// Why an email was not sent, and whether trying again could help.
#[derive(Debug)]
pub struct NotSent {
    pub permanent: bool,
    pub reason: String,
}

impl Mailer {
    pub fn new(config: &MailConfig) -> anyhow::Result<Self> {
        let from: Mailbox = config
            .from
            .parse()
            .with_context(|| format!("--mail-from {:?} is not an email address", config.from))?;
        let url = config.smtp_url.expose_secret();
        let parsed = url::Url::parse(url).context("--smtp-url is not a URL")?;
        let server = format!(
            "{}://{}:{}",
            parsed.scheme(),
            parsed.host_str().unwrap_or_default(),
            parsed.port().map_or("default".into(), |p| p.to_string())
        );
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .context(
                "--smtp-url must be smtp://[user:pass@]host[:port][?tls=required] or smtps://…",
            )?
            // lettre's async transport times out the connection only: `send` bounds the rest.
            .timeout(Some(config.timeout))
            .build();
        let inbound = match &config.inbound_address {
            None => None,
            Some(address) => {
                let (local, domain) = address
                    .trim()
                    .rsplit_once('@')
                    .filter(|(l, d)| !l.is_empty() && !d.is_empty() && !l.contains('+'))
                    .with_context(|| {
                        format!("--inbound-address {address:?} must be like reply@inbound.example.com, without a +")
                    })?;
                Some((local.to_ascii_lowercase(), domain.to_ascii_lowercase()))
            }
        };
        Ok(Self {
            transport,
            from,
            inbound,
            server,
            timeout: config.timeout,
        })
    }

    /// The inbound address's local part, when replies by email are on.
    pub fn reply_local(&self) -> Option<&str> {
        self.inbound.as_ref().map(|(local, _)| local.as_str())
    }

    /// The Reply-To address that carries `token`, when replies by email are on.
    pub fn reply_address(&self, token: &str) -> Option<String> {
        self.inbound
            .as_ref()
            .map(|(local, domain)| format!("{local}+{token}@{domain}"))
    }

    /// Whether `address` (normalised) is one of Porthole's own: the `From`, or the inbound
    /// address with or without a token. Mail from them is never taken in, so no loop starts.
    pub fn is_own(&self, address: &str) -> bool {
        if address.eq_ignore_ascii_case(self.from.email.as_ref()) {
            return true;
        }
        let Some((local, domain)) = address.rsplit_once('@') else {
            return false;
        };
        self.inbound
            .as_ref()
            .is_some_and(|(own_local, own_domain)| {
                let base = local.split('+').next().unwrap_or_default();
                domain.eq_ignore_ascii_case(own_domain) && base.eq_ignore_ascii_case(own_local)
            })
    }

    /// The address emails come from.
    pub fn from_address(&self) -> String {
        self.from.email.to_string()
    }

    /// The sender's domain, which our `Message-ID`s use.
    pub fn domain(&self) -> &str {
        self.from.email.domain()
    }

    /// The `From` address with a display name.
    pub fn from_as(&self, name: &str) -> Mailbox {
        Mailbox::new(Some(name.to_owned()), self.from.email.clone())
    }

    /// Hands the email to the SMTP server, which must take it within the timeout: a server
    /// that accepts the connection and then never answers is a failure to retry, not a wait.
    pub async fn send(&self, message: Message) -> Result<(), NotSent> {
        match tokio::time::timeout(self.timeout, self.transport.send(message)).await {
            Ok(sent) => sent.map(drop).map_err(|err| NotSent {
                permanent: err.is_permanent(),
                reason: err.to_string(),
            }),
            Err(_) => Err(NotSent {
                permanent: false,
                reason: format!(
                    "the SMTP server did not take the email within {} s",
                    self.timeout.as_secs()
                ),
            }),
        }
    }
}
