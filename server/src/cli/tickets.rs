use anyhow::Context;
use clap::{Args, Subcommand};
use porthole_types::{limits, AgentTicket, Priority, TicketPatch, TicketStatus};

use super::workspace_named;
use crate::clock::Clock;
use crate::files::{Files, Incoming, UploadError, Uploader};
use crate::store::{AgentFilter, PageCursor, Store, AGENT_OWNER};
use porthole_core::participants as copies;
use porthole_core::tickets::{self, AgentReply};
use porthole_core::{message_text, CoreError, TicketRef};

#[derive(Debug, Subcommand)]
pub enum TicketCommand {
    /// List tickets, most recently updated first.
    List {
        #[command(flatten)]
        ws: WorkspaceArg,
        #[arg(long, value_parser = parse_status)]
        status: Option<TicketStatus>,
        #[arg(long)]
        email: Option<String>,
        /// Search subjects and messages.
        #[arg(long)]
        q: Option<String>,
        /// Tickets per page, 1 to 200.
        #[arg(long, default_value_t = 50)]
        limit: i64,
        /// Where the previous page ended, as printed under it.
        #[arg(long, conflicts_with = "offset")]
        cursor: Option<String>,
        /// Skip this many: how the ranked results of a search (--q) are paged.
        #[arg(long, default_value_t = 0)]
        offset: i64,
    },
    /// Show a ticket with its whole conversation, internal notes included.
    Show {
        #[command(flatten)]
        ws: WorkspaceArg,
        reference: String,
    },
    /// Post a public reply the user will see.
    Reply {
        #[command(flatten)]
        ws: WorkspaceArg,
        reference: String,
        body: String,
        #[command(flatten)]
        author: AuthorArg,
        /// Also set the status, e.g. waiting or resolved.
        #[arg(long, value_parser = parse_status)]
        status: Option<TicketStatus>,
        #[command(flatten)]
        files: AttachArg,
    },
    /// Post an internal note, visible to agents only.
    Note {
        #[command(flatten)]
        ws: WorkspaceArg,
        reference: String,
        body: String,
        #[command(flatten)]
        author: AuthorArg,
        #[command(flatten)]
        files: AttachArg,
    },
    /// Save an attached file, by the id `show` prints beside it.
    Download {
        #[command(flatten)]
        ws: WorkspaceArg,
        id: String,
        /// Where to write it [default: its own name, in the current directory]
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// Change status, priority or assignee.
    Set {
        #[command(flatten)]
        ws: WorkspaceArg,
        reference: String,
        #[arg(long, value_parser = parse_status)]
        status: Option<TicketStatus>,
        #[arg(long, value_parser = parse_priority)]
        priority: Option<Priority>,
        #[arg(long, conflicts_with = "unassign")]
        assignee: Option<String>,
        #[arg(long)]
        unassign: bool,
        /// What was done, shown to the user once resolved.
        #[arg(long)]
        resolution: Option<String>,
        /// One of the workspace's categories; an empty value for none.
        #[arg(long)]
        category: Option<String>,
    },
    /// Copy people on a ticket, or take them off: they read it, reply and are notified like
    /// its customer, and lose access when taken off.
    Participants {
        #[command(subcommand)]
        cmd: ParticipantCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ParticipantCommand {
    /// Who is copied on the ticket.
    List {
        #[command(flatten)]
        ws: WorkspaceArg,
        reference: String,
    },
    /// Copy someone on the ticket.
    Add {
        #[command(flatten)]
        ws: WorkspaceArg,
        reference: String,
        email: String,
    },
    /// Take someone off the ticket.
    Remove {
        #[command(flatten)]
        ws: WorkspaceArg,
        reference: String,
        email: String,
    },
}

#[derive(Debug, Args)]
pub struct WorkspaceArg {
    #[arg(long)]
    workspace: String,
}

#[derive(Debug, Args)]
pub struct AttachArg {
    /// A file to attach (repeatable, up to 5): an image, PDF, text, CSV, Word or Excel file.
    #[arg(long = "attach")]
    paths: Vec<std::path::PathBuf>,
}

/// Who a message from the command line is signed by, unless `--as` names someone.
const DEFAULT_AUTHOR: &str = "Support";

#[derive(Debug, Args)]
pub struct AuthorArg {
    /// The agent name shown beside the message.
    #[arg(long = "as", env = "PORTHOLE_AGENT_NAME", default_value = DEFAULT_AUTHOR)]
    author: String,
}

/// Posts a public reply or internal note, its body and files checked as the API checks them.
async fn post(
    (store, files): (&Store, &Files),
    (ws, reference): (&WorkspaceArg, &str),
    mut reply: AgentReply,
    attach: &AttachArg,
    now: i64,
) -> anyhow::Result<AgentTicket> {
    let ws = workspace_named(store, &ws.workspace).await?;
    // Checked before any file is staged, so that a refused message leaves no upload behind.
    message_text(&reply.body, !attach.paths.is_empty())?;
    let mut incoming = Vec::with_capacity(attach.paths.len());
    for path in &attach.paths {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        incoming.push(Incoming {
            name: name.into_owned(),
            bytes: bytes.into(),
        });
    }
    let who = Uploader {
        workspace_id: ws.id,
        owner: AGENT_OWNER.into(),
        uploader: "cli".into(),
        per_window: i64::MAX,
    };
    let max = limits::FILES_PER_AGENT_MESSAGE;
    let staged = files
        .stage_all(store, &who, incoming, max, now)
        .await
        .map_err(|err| match err {
            UploadError::TooMany => anyhow::anyhow!("attach at most {max} files"),
            UploadError::Refused { name, reason } => anyhow::anyhow!("{name}: {reason}"),
            other => other.into(),
        })?;
    reply.attachments = staged.into_iter().map(|a| a.id).collect();
    tickets::reply_as_agent(store, (ws.id, number(reference)?), reply, now)
        .await
        .map_err(|e| named(reference, e))
}

fn parse_status(s: &str) -> Result<TicketStatus, String> {
    TicketStatus::parse(s).ok_or_else(|| one_of(TicketStatus::ALL.iter().map(|v| v.as_str())))
}

fn parse_priority(s: &str) -> Result<Priority, String> {
    Priority::parse(s).ok_or_else(|| one_of(Priority::ALL.iter().map(|v| v.as_str())))
}

fn one_of<'a>(names: impl Iterator<Item = &'a str>) -> String {
    format!("expected one of: {}", names.collect::<Vec<_>>().join(", "))
}

fn number(reference: &str) -> anyhow::Result<i64> {
    TicketRef::parse(reference)
        .map(|r| r.0)
        .ok_or_else(|| anyhow::anyhow!("{reference:?} is not a ticket reference like TKT-0001"))
}

/// Turns "not found" into a sentence that names the ticket.
fn named(reference: &str, err: impl Into<CoreError>) -> anyhow::Error {
    match err.into() {
        CoreError::NotFound => anyhow::anyhow!("no ticket {reference} in this workspace"),
        other => other.into(),
    }
}

pub async fn run(
    cmd: TicketCommand,
    (store, files): (&Store, &Files),
    clock: &Clock,
) -> anyhow::Result<()> {
    let now = clock.now_ms();
    match cmd {
        TicketCommand::List {
            ws,
            status,
            email,
            q,
            limit,
            cursor,
            offset,
        } => {
            anyhow::ensure!((1..=200).contains(&limit), "--limit must be from 1 to 200");
            anyhow::ensure!(offset >= 0, "--offset must not be negative");
            let after = cursor
                .as_deref()
                .map(|c| PageCursor::parse(c).context("--cursor is not one this CLI printed"))
                .transpose()?;
            anyhow::ensure!(
                after.is_none() || q.is_none(),
                "--cursor pages a list; page a search (--q) with --offset"
            );
            let ws = workspace_named(store, &ws.workspace).await?;
            let filter = AgentFilter {
                status,
                email: email.as_deref().map(porthole_core::normalise_email),
                text: q,
                limit,
                offset,
                after,
                ..AgentFilter::default()
            };
            let page = store.agent_list(ws.id, &filter).await?;
            let (tickets, total) = (page.tickets, page.total);
            for t in &tickets {
                println!(
                    "{:<9} {:<11} {:<6} {:<28} {}",
                    t.reference,
                    t.status.label(),
                    t.priority.label(),
                    t.contact.email,
                    t.subject
                );
            }
            let capped = if page.total_capped { "more than " } else { "" };
            println!("({} shown, {capped}{total} in all)", tickets.len());
            if let Some(next) = page.next {
                println!("next page: --cursor {next}");
            } else if filter.text.is_some() && offset + (tickets.len() as i64) < total {
                println!("next page: --offset {}", offset + tickets.len() as i64);
            }
        }
        TicketCommand::Show { ws, reference } => {
            let ws = workspace_named(store, &ws.workspace).await?;
            let t = store
                .agent_ticket(ws.id, number(&reference)?)
                .await
                .map_err(|e| named(&reference, e))?;
            print_ticket(&t);
        }
        TicketCommand::Reply {
            ws,
            reference,
            body,
            author,
            status,
            files: attach,
        } => {
            let message = AgentReply {
                author_name: Some(author.author),
                agent_name: DEFAULT_AUTHOR.into(),
                body,
                internal: false,
                status,
                ..AgentReply::default()
            };
            let target = (&ws, reference.as_str());
            let t = post((store, files), target, message, &attach, now).await?;
            let s = &t.summary;
            println!("Replied to {} ({}).", s.reference, s.status.label());
        }
        TicketCommand::Note {
            ws,
            reference,
            body,
            author,
            files: attach,
        } => {
            let note = AgentReply {
                author_name: Some(author.author),
                agent_name: DEFAULT_AUTHOR.into(),
                body,
                internal: true,
                ..AgentReply::default()
            };
            let target = (&ws, reference.as_str());
            let t = post((store, files), target, note, &attach, now).await?;
            println!("Noted on {}.", t.summary.reference);
        }
        TicketCommand::Download { ws, id, out } => {
            let ws = workspace_named(store, &ws.workspace).await?;
            let found = store
                .agent_attachment(ws.id, &id)
                .await?
                .with_context(|| format!("no attached file {id:?} in this workspace"))?;
            let bytes = files.get(&found.id).await?;
            // The stored name has no directories in it; --out is the operator's own choice.
            let path = out.unwrap_or_else(|| found.name.clone().into());
            std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
            println!(
                "Saved {} ({} bytes) to {}.",
                found.name,
                found.size,
                path.display()
            );
        }
        TicketCommand::Set {
            ws,
            reference,
            status,
            priority,
            assignee,
            unassign,
            resolution,
            category,
        } => {
            let ws = workspace_named(store, &ws.workspace).await?;
            let assignee = if unassign {
                Some(None)
            } else {
                assignee.map(Some)
            };
            anyhow::ensure!(
                status.is_some()
                    || priority.is_some()
                    || assignee.is_some()
                    || resolution.is_some()
                    || category.is_some(),
                "give --status, --priority, --assignee, --unassign, --resolution or --category"
            );
            let patch = TicketPatch {
                status,
                priority,
                assignee,
                resolution: resolution.map(Some),
                category: category.map(Some),
            };
            let ticket = (ws.id, number(&reference)?);
            let categories = &ws.settings.categories;
            let t = tickets::patch_ticket(store, ticket, patch, categories, now)
                .await
                .map_err(|e| named(&reference, e))?;
            print_ticket(&t);
        }
        TicketCommand::Participants { cmd } => participants(store, cmd, now).await?,
    }
    Ok(())
}

async fn participants(store: &Store, cmd: ParticipantCommand, now: i64) -> anyhow::Result<()> {
    let (ParticipantCommand::List { ws, reference }
    | ParticipantCommand::Add { ws, reference, .. }
    | ParticipantCommand::Remove { ws, reference, .. }) = &cmd;
    let ws = workspace_named(store, &ws.workspace).await?;
    let ticket = number(reference)?;
    match &cmd {
        ParticipantCommand::List { .. } => {}
        ParticipantCommand::Add { email, .. } => {
            let copied = copies::copy(store, (ws.id, ticket), email, now)
                .await
                .map_err(|e| match e {
                    CoreError::Invalid("email", m) => anyhow::anyhow!("{email:?}: {m}"),
                    other => named(reference, other),
                })?;
            let email = copied.email;
            match copied.added {
                true => println!("Copied {email} on {reference}."),
                false => println!("{email} was already on {reference}."),
            }
        }
        ParticipantCommand::Remove { email, .. } => {
            let removed = copies::take_off(store, (ws.id, ticket), email, now)
                .await
                .map_err(|e| named(reference, e))?;
            anyhow::ensure!(removed, "{email} is not copied on {reference}");
            println!("Took {email} off {reference}; their access has ended.");
        }
    }
    let list = store
        .participants_of(ws.id, ticket)
        .await
        .map_err(|e| named(reference, e))?;
    if list.is_empty() {
        println!("Nobody is copied on {reference}.");
    }
    for p in &list {
        let name = p
            .name
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        println!(
            "  {}{name} · added by {} · {}",
            p.email, p.added_by, p.added_at
        );
    }
    Ok(())
}

fn print_ticket(t: &AgentTicket) {
    let s = &t.summary;
    println!("{}  {}", s.reference, s.subject);
    println!(
        "  {} · {} priority · {} · via {}",
        s.status.label(),
        s.priority.label(),
        s.assignee.as_deref().unwrap_or("unassigned"),
        s.channel.label(),
    );
    let kind = s.ticket_type.map(|k| k.label());
    let details: Vec<&str> = kind.into_iter().chain(s.category.as_deref()).collect();
    if !details.is_empty() {
        println!("  {}", details.join(" · "));
    }
    println!("  opened {} · updated {}", s.created_at, s.updated_at);
    let c = &s.contact;
    match &c.name {
        Some(name) => println!("  from {name} <{}>", c.email),
        None => println!("  from {}", c.email),
    }
    if let Some(m) = &c.metadata {
        if let Some(plan) = &m.name {
            println!("    plan: {plan}");
        }
        if let Some(value) = m.value {
            println!("    value: {value}");
        }
        for (label, url) in &m.links {
            println!("    {label}: {url}");
        }
    }
    if !t.participants.is_empty() {
        let copied: Vec<&str> = t.participants.iter().map(|p| p.email.as_str()).collect();
        println!("  copied: {}", copied.join(", "));
    }
    if let Some(resolution) = &t.resolution {
        println!("  resolution: {resolution}");
    }
    for m in &t.messages {
        let who = m.author_name.as_deref().unwrap_or(m.author.label());
        let kind = if m.internal { " [internal note]" } else { "" };
        println!("\n  {who} · {}{kind}", m.created_at);
        for line in m.body.lines() {
            println!("    {line}");
        }
        for a in &m.attachments {
            println!(
                "    [file] {} ({}, {} bytes) id {}",
                a.name, a.content_type, a.size, a.id
            );
        }
    }
}
