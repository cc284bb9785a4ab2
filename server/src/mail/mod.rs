//! Email out: the SMTP connection (lettre), the planning of emails from the outbox, their
//! composition, and the worker that sends them with retries.

mod compose;
mod plan;
mod worker;

pub use compose::unsubscribe_mac;
pub use plan::plan;
pub use worker::run;

use anyhow::Context;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};

/// How to send: `--smtp-url` and `--mail-from`.
pub struct MailConfig {
    /// `smtp://user:pass@host:port` (add `?tls=required` for STARTTLS) or `smtps://…` for TLS.
    pub smtp_url: SecretString,
    pub from: String,
}

/// A configured SMTP sender.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// Where the server is, for the start-up message: never the credentials.
    pub server: String,
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
            .build();
        Ok(Self {
            transport,
            from,
            server,
        })
    }

    /// The sender's domain, which our `Message-ID`s use.
    pub fn domain(&self) -> &str {
        self.from.email.domain()
    }

    /// The `From` address with a display name.
    pub fn from_as(&self, name: &str) -> Mailbox {
        Mailbox::new(Some(name.to_owned()), self.from.email.clone())
    }

    pub async fn send(&self, message: Message) -> Result<(), NotSent> {
        self.transport
            .send(message)
            .await
            .map(drop)
            .map_err(|err| NotSent {
                permanent: err.is_permanent(),
                reason: err.to_string(),
            })
    }
}
