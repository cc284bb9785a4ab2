//! The contract of the core's storage traits, checked through the traits alone, so that every
//! storage engine can be held to it: today the SQLite store; a second engine runs the same
//! `keeps_the_contract` against its own fresh workspace.

use porthole_core::agents::{self, AgentStore, KeyRole};
use porthole_core::articles::{self, ArticleStore};
use porthole_core::deflection::{self, DeflectionStore, Reader};
use porthole_core::fresh_links::{self, Asked, LinkStore};
use porthole_core::identity::Keys;
use porthole_core::keys::{self, KeyStore};
use porthole_core::opening::{self, open_ticket, NewTicket, Outcome, TicketOpener};
use porthole_core::origins::{self, OriginStore};
use porthole_core::participants::{copy, take_off, ParticipantStore};
use porthole_core::profile::{self, ProfileStore};
use porthole_core::ratings::{self, RatingStore};
use porthole_core::secrets::{self, SecretStore};
use porthole_core::sessions::{self, HeldSession, SessionStore, WidgetClaim};
use porthole_core::settings::{self, SettingsStore};
use porthole_core::sign_in::{self, AccountStore, Credentials, Joined, SignIn};
use porthole_core::tickets::{
    self, patch_ticket, reply_as_agent, reply_as_customer, solve_as_customer, Actor, AgentReply,
    CustomerPost, TicketStore, TicketWrite, UserScope,
};
use porthole_core::tracking::TrackingStore;
use porthole_core::two_step::{self, TwoStep};
use porthole_core::webhooks::{self, WebhookStore};
use porthole_core::workspaces::{self, WorkspaceStore};
use porthole_core::{CoreError, EmailAddress};
use porthole_types::{ArticleRequest, ChangeMe, Channel, Priority, TicketPatch, TicketStatus};
use serde_json::json;

/// What the suite asks of an engine: every trait the core defines, listed once.
macro_rules! engine {
    ($($store:path),+ $(,)?) => {
        trait Engine: $($store +)+ {}
        impl<S: $($store +)+> Engine for S {}
    };
}
engine!(
    TicketStore,
    TicketOpener,
    RatingStore,
    AgentStore,
    ParticipantStore,
    SettingsStore,
    ArticleStore,
    WebhookStore,
    SecretStore,
    WorkspaceStore,
    KeyStore,
    AccountStore,
    OriginStore,
    ProfileStore,
    DeflectionStore,
    LinkStore,
    SessionStore,
    TrackingStore,
);

fn customer(workspace_id: i64, email: &str) -> UserScope {
    UserScope {
        workspace_id,
        email: email.into(),
        name: Some("Ada".into()),
    }
}

fn new_ticket(subject: &str) -> NewTicket {
    NewTicket {
        subject: subject.into(),
        description: Some("It stopped".into()),
        ticket_type: None,
        category: None,
        channel: Channel::Widget,
        locale: None,
        attachments: vec![],
        message_id: None,
        participants: vec![],
        portal: None,
    }
}

fn reference(outcome: &Outcome) -> &str {
    let (Outcome::Created(t) | Outcome::Replayed(t)) = outcome;
    &t.reference
}

/// A fresh workspace of the engine's, opened through the core; a second of its slug is refused.
async fn open_workspace<S: Engine>(store: &S) -> i64 {
    let opening = ("acme", "Acme", &["https://acme.example".to_owned()][..]);
    let opened = workspaces::create(store, opening, Default::default(), 500)
        .await
        .unwrap();
    let again = workspaces::create(store, opening, Default::default(), 501).await;
    assert!(matches!(
        again,
        Err(CoreError::Conflict("workspace_exists", _))
    ));
    let blank = workspaces::create(store, ("globex", " ", &[][..]), Default::default(), 502).await;
    assert!(matches!(blank, Err(CoreError::Invalid("name", _))));
    opened.id
}

/// The contract, on a fresh workspace `ws` of the engine's.
async fn keeps_the_contract<S: Engine>(store: &S, ws: i64) {
    let ada = customer(ws, "ada@example.com");
    let bo = customer(ws, "bo@example.com");

    // Numbers without a gap; a repeat under one key is the first ticket, another request
    // under it a conflict.
    let first = open_ticket(store, &ada, new_ticket("Export"), Some("k1"), 1_000)
        .await
        .unwrap();
    assert!(matches!(first, Outcome::Created(_)));
    assert_eq!(reference(&first), "TKT-0001");
    let again = open_ticket(store, &ada, new_ticket("Export"), Some("k1"), 1_001)
        .await
        .unwrap();
    assert!(matches!(&again, Outcome::Replayed(t) if t.reference == "TKT-0001"));
    let other = open_ticket(store, &ada, new_ticket("Import"), Some("k1"), 1_002).await;
    assert!(matches!(
        other,
        Err(CoreError::Conflict("idempotency_key_reused", _))
    ));
    let second = open_ticket(store, &bo, new_ticket("Login"), None, 1_003)
        .await
        .unwrap();
    assert_eq!(reference(&second), "TKT-0002");

    // A customer reaches their own tickets only; anyone else's is not found.
    let post = || CustomerPost::rendered("Still broken".into(), vec![]);
    assert!(matches!(
        reply_as_customer(store, &bo, 1, post(), 2_000).await,
        Err(CoreError::NotFound)
    ));
    assert!(matches!(
        reply_as_customer(store, &ada, 99, post(), 2_000).await,
        Err(CoreError::NotFound)
    ));
    reply_as_customer(store, &ada, 1, post(), 2_000)
        .await
        .unwrap();

    // A decision that refuses leaves nothing written; one that writes, writes all of it.
    let before = store.agent_ticket(ws, 1).await.unwrap();
    let refused = store
        .change_ticket(&Actor::Team(ws), 1, 3_000, |_| {
            Err(CoreError::Conflict("refused", "no"))
        })
        .await;
    assert!(matches!(refused, Err(CoreError::Conflict("refused", _))));
    let written = store
        .change_ticket(&Actor::Team(ws), 1, 3_001, |ticket| {
            assert_eq!(ticket.status, TicketStatus::Open);
            assert_eq!(ticket.reach, None, "the team reaches every ticket alike");
            Ok(TicketWrite {
                priority: Some(Priority::High),
                ..TicketWrite::default()
            })
        })
        .await;
    written.unwrap();
    let after = store.agent_ticket(ws, 1).await.unwrap();
    assert_eq!(after.messages.len(), before.messages.len());
    assert_eq!(after.summary.priority, Priority::High);

    // The team's reply and status, then the customer's rating of that resolution: once, and
    // only by the person who opened it.
    let not_yet = ratings::rate(store, (&ada, 1), (5, None), Channel::Widget, 3_500).await;
    assert!(matches!(
        not_yet,
        Err(CoreError::Conflict("not_resolved", _))
    ));
    let reply = AgentReply {
        agent_name: "Ann".into(),
        body: "Fixed in 2.1".into(),
        status: Some(TicketStatus::Resolved),
        ..AgentReply::default()
    };
    let resolved = reply_as_agent(store, (ws, 1), reply, 4_000).await.unwrap();
    assert_eq!(resolved.summary.status, TicketStatus::Resolved);
    assert_eq!(
        resolved.messages.last().unwrap().author_name.as_deref(),
        Some("Ann")
    );
    let theirs = ratings::rate(store, (&bo, 1), (5, None), Channel::Widget, 4_500).await;
    assert!(
        matches!(theirs, Err(CoreError::NotFound)),
        "not bo's ticket"
    );
    let rated = ratings::rate(
        store,
        (&ada, 1),
        (4, Some(" Quick ")),
        Channel::Widget,
        5_000,
    )
    .await
    .unwrap();
    assert_eq!((rated.score, rated.comment.as_deref()), (4, Some("Quick")));
    let twice = ratings::rate(store, (&ada, 1), (5, None), Channel::Widget, 5_001).await;
    assert!(matches!(
        twice,
        Err(CoreError::Conflict("already_rated", _))
    ));

    // Solving, and what nothing may change.
    solve_as_customer(store, &bo, 2, 6_000).await.unwrap();
    let patch = TicketPatch {
        status: Some(TicketStatus::Closed),
        ..TicketPatch::default()
    };
    patch_ticket(store, (ws, 2), patch, &[], 6_500)
        .await
        .unwrap();
    assert!(matches!(
        reply_as_customer(store, &bo, 2, post(), 7_000).await,
        Err(CoreError::Conflict("ticket_closed", _))
    ));
    assert!(matches!(
        solve_as_customer(store, &bo, 2, 7_000).await,
        Err(CoreError::Conflict("ticket_closed", _))
    ));

    // Copied on a ticket, a participant reaches it as its customer does, until taken off;
    // copying someone who already reaches it writes nothing, and the limit holds.
    let copied = copy(store, (ws, 1), "Bo@Example.com", 7_500).await.unwrap();
    assert!(copied.added);
    assert_eq!(copied.email.as_str(), "bo@example.com");
    let again = copy(store, (ws, 1), "BO@example.com", 7_501).await.unwrap();
    assert!(!again.added);
    let owner = copy(store, (ws, 1), "ada@example.com", 7_502)
        .await
        .unwrap();
    assert!(!owner.added);
    reply_as_customer(store, &bo, 1, post(), 7_503)
        .await
        .unwrap();
    assert!(take_off(store, (ws, 1), "bo@example.com", 7_504)
        .await
        .unwrap());
    assert!(!take_off(store, (ws, 1), "bo@example.com", 7_505)
        .await
        .unwrap());
    assert!(matches!(
        reply_as_customer(store, &bo, 1, post(), 7_506).await,
        Err(CoreError::NotFound)
    ));
    assert!(matches!(
        copy(store, (ws, 99), "cy@example.com", 7_507).await,
        Err(CoreError::NotFound)
    ));
    let max = porthole_types::limits::PARTICIPANTS_PER_TICKET;
    for n in 0..max {
        let email = format!("p{n}@example.com");
        assert!(copy(store, (ws, 1), &email, 7_600).await.unwrap().added);
    }
    let over = copy(store, (ws, 1), "one-more@example.com", 7_700).await;
    assert!(matches!(over, Err(CoreError::Invalid("participants", _))));
    let one_more = customer(ws, "one-more@example.com");
    assert!(
        matches!(
            reply_as_customer(store, &one_more, 1, post(), 7_701).await,
            Err(CoreError::NotFound)
        ),
        "nothing of a refused copy was written"
    );

    // Settings change field by field, a bad value changes none, and a missing workspace is
    // not found.
    let change = |v: serde_json::Value| v.as_object().unwrap().clone();
    settings::change(store, ws, change(json!({ "title": "Help" })))
        .await
        .unwrap();
    let both = settings::change(store, ws, change(json!({ "greeting": "Hi" })))
        .await
        .unwrap();
    assert_eq!(
        (both.title.as_deref(), both.greeting.as_deref()),
        (Some("Help"), Some("Hi"))
    );
    let bad = json!({ "title": "Gone", "primary_color": "red-ish" });
    let refused = settings::change(store, ws, change(bad)).await;
    assert!(matches!(
        refused,
        Err(CoreError::Invalid("primary_color", _))
    ));
    let kept = settings::change(store, ws, change(json!({})))
        .await
        .unwrap();
    assert_eq!(
        kept.title.as_deref(),
        Some("Help"),
        "nothing of it was written"
    );
    let nowhere = settings::change(store, ws + 1_000, change(json!({}))).await;
    assert!(matches!(nowhere, Err(CoreError::NotFound)));

    // Articles: two of one title get two addresses; what is missing is not found.
    let request = ArticleRequest {
        title: Some("Reset your password".into()),
        body: Some("Open **Settings**.".into()),
        ..ArticleRequest::default()
    };
    let one = articles::add(store, ws, &request, 9_000).await.unwrap();
    let two = articles::add(store, ws, &request, 9_001).await.unwrap();
    assert_eq!(
        (&one.slug[..], &two.slug[..], one.published),
        ("reset-your-password", "reset-your-password-2", false)
    );
    let published = articles::publish(store, (ws, two.id), true, 9_002).await;
    assert!(published.unwrap().published);
    articles::remove(store, (ws, one.id)).await.unwrap();
    assert!(matches!(
        articles::remove(store, (ws, one.id)).await,
        Err(CoreError::NotFound)
    ));
    assert!(matches!(
        articles::publish(store, (ws, one.id), true, 9_003).await,
        Err(CoreError::NotFound)
    ));

    // Webhook endpoints: at most twenty, the refused one not kept; a removed one is gone.
    let checked = |raw: String| async move { url::Url::parse(&raw).map_err(|e| e.to_string()) };
    let events = ["ticket.created".to_owned()];
    let mut first = None;
    for n in 0..webhooks::MAX_ENDPOINTS {
        let url = format!("https://hooks.example.com/{n}");
        let endpoint = (&url[..], "standard", &events[..]);
        let added = webhooks::add(store, ws, endpoint, checked, 9_500)
            .await
            .unwrap();
        assert!(added.secret.is_some_and(|s| s.starts_with("whsec_")));
        first.get_or_insert(added.webhook.id);
    }
    let endpoint = ("https://hooks.example.com/one-more", "slack", &[][..]);
    let over = webhooks::add(store, ws, endpoint, checked, 9_501).await;
    assert!(matches!(over, Err(CoreError::Invalid("url", _))));
    let first = first.unwrap();
    webhooks::remove(store, (ws, first)).await.unwrap();
    assert!(matches!(
        webhooks::remove(store, (ws, first)).await,
        Err(CoreError::NotFound)
    ));
    let slack = webhooks::add(store, ws, endpoint, checked, 9_502)
        .await
        .unwrap();
    assert_eq!((slack.webhook.kind.as_str(), slack.secret), ("slack", None));

    // Secrets: rotated within the grace rule, and only for a workspace that exists.
    let rotated = secrets::rotate(store, ws, 24, 10_000).await.unwrap();
    assert_eq!(
        rotated.previous_verifies_until,
        Some(10_000 + 24 * 3_600_000)
    );
    let at_once = secrets::rotate(store, ws, 0, 10_001).await.unwrap();
    assert_eq!(at_once.previous_verifies_until, None);
    assert!(matches!(
        secrets::rotate(store, ws, secrets::GRACE_HOURS_MAX + 1, 10_002).await,
        Err(CoreError::Invalid("grace_hours", _))
    ));
    assert!(matches!(
        secrets::rotate(store, ws + 1_000, 1, 10_003).await,
        Err(CoreError::NotFound)
    ));
    secrets::new_inbound(store, ws).await.unwrap();
    assert!(matches!(
        secrets::new_inbound(store, ws + 1_000).await,
        Err(CoreError::NotFound)
    ));

    // Keys: named by the text rule; revoked once, then there is no such live key.
    let made = keys::create(store, ws, (" Deploy ", None), 11_000)
        .await
        .unwrap();
    assert_eq!((made.name.as_str(), made.role), ("Deploy", KeyRole::Agent));
    let bad = keys::create(store, ws, ("Deploy", Some("owner")), 11_001).await;
    assert!(matches!(bad, Err(CoreError::Invalid("role", _))));
    assert!(matches!(
        keys::revoke(store, (ws, 999_999), 11_002).await,
        Err(CoreError::NotFound)
    ));

    // An invitation may be renewed until it is accepted.
    let whom = ("ann@example.com", Some("Ann"), KeyRole::Agent);
    let first = agents::invite(store, ws, whom, 8_000).await.unwrap();
    let renewed = agents::invite(store, ws, whom, 8_001).await.unwrap();
    assert_ne!(first.token.hash, renewed.token.hash);
    assert_eq!(
        renewed.email,
        EmailAddress::parse("ann@example.com").unwrap()
    );

    // Joining by the invitation, then signing in: the password is checked, a code is good
    // once, and the fifth failure in a row locks the account however right the sixth is.
    let cy = agents::invite(store, ws, ("cy@example.com", None, KeyRole::Agent), 12_000)
        .await
        .unwrap();
    let whose = (&cy.token.hash[..], "cy@example.com");
    let password = "four words make it";
    let short = sign_in::join(store, whose, ("short", "short"), 12_001, 60_000).await;
    assert!(matches!(short.unwrap(), Joined::Refused(_)));
    let joined = sign_in::join(store, whose, (password, password), 12_002, 60_000).await;
    assert!(matches!(joined.unwrap(), Joined::Session { .. }));
    let again = sign_in::join(store, whose, (password, password), 12_003, 60_000).await;
    assert!(
        matches!(again.unwrap(), Joined::Gone),
        "an invitation is good once"
    );
    let attempt = |password: &'static str, client: &'static str, at: i64| {
        let given = Credentials {
            workspace: "acme",
            email: "Cy@Example.com",
            password,
            code: "",
        };
        sign_in::sign_in(store, client, given, at, 60_000)
    };
    let signed = attempt(password, "client-a", 12_100).await.unwrap();
    assert!(matches!(signed, SignIn::Session { .. }));
    for n in 0..sign_in::FAILURES_BEFORE_LOCK {
        let wrong = attempt("not the password", "client-a", 12_200 + n)
            .await
            .unwrap();
        assert!(matches!(wrong, SignIn::Refused { .. }));
    }
    let locked = attempt(password, "client-a", 12_300).await.unwrap();
    assert!(matches!(locked, SignIn::Refused { why: "locked", .. }));
    let later = 12_300 + sign_in::LOCK_MS;
    let unlocked = attempt(password, "client-b", later).await.unwrap();
    assert!(matches!(unlocked, SignIn::Session { .. }));
    let stranger = attempt(password, "client-b", later + 1);
    assert!(matches!(stranger.await.unwrap(), SignIn::Session { .. }));

    // An admin changes others' roles and removes others, never themselves; nobody missing.
    let me = Some("bo@example.com");
    let changed = agents::change_role(store, ws, me, ("Ann@example.com", "admin")).await;
    assert_eq!(changed.unwrap().as_str(), "ann@example.com");
    let bad_role = agents::change_role(store, ws, me, ("ann@example.com", "owner")).await;
    assert!(matches!(bad_role, Err(CoreError::Invalid("role", _))));
    let nobody = agents::change_role(store, ws, me, ("dee@example.com", "agent")).await;
    assert!(matches!(nobody, Err(CoreError::NotFound)));
    let myself = agents::remove(store, ws, Some("ann@example.com"), "ann@example.com").await;
    assert!(matches!(myself, Err(CoreError::Invalid("email", _))));
    assert_eq!(
        agents::remove(store, ws, me, "ann@example.com")
            .await
            .unwrap(),
        None
    );
    assert!(matches!(
        agents::remove(store, ws, me, "ann@example.com").await,
        Err(CoreError::NotFound)
    ));

    // Two-step sign-in: a wrong code changes nothing; once on, the password alone is not
    // enough; turned off with a current code. Signing out everywhere ends every session.
    let SignIn::Session {
        agent_id: cy_id, ..
    } = signed
    else {
        panic!("signed in above")
    };
    let key = porthole_core::accounts::new_totp_secret();
    let now = 1_800_000_000_000;
    let code = porthole_core::accounts::totp_code(&key, now).unwrap();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let on = two_step::turn_on(store, cy_id, (&key, wrong), now).await;
    assert_eq!(on.unwrap(), TwoStep::WrongCode);
    let on = two_step::turn_on(store, cy_id, (&key, &code), now).await;
    assert_eq!(on.unwrap(), TwoStep::Changed);
    let without = Credentials {
        workspace: "acme",
        email: "cy@example.com",
        password,
        code: "",
    };
    let refused = sign_in::sign_in(store, "client-c", without, now, 60_000).await;
    assert!(matches!(refused.unwrap(), SignIn::Refused { .. }));
    let whose = ("acme", "cy@example.com", cy_id);
    let off = two_step::turn_off(store, whose, wrong, now).await;
    assert_eq!(off.unwrap(), TwoStep::WrongCode);
    let off = two_step::turn_off(store, whose, &code, now).await;
    assert_eq!(off.unwrap(), TwoStep::Changed);
    let given = Credentials {
        workspace: "acme",
        email: "cy@example.com",
        password,
        code: "",
    };
    let session = sign_in::sign_in(store, "client-c", given, now + 1, 60_000).await;
    let SignIn::Session { token, .. } = session.unwrap() else {
        panic!("codes are off again")
    };
    sign_in::sign_out(store, &token.hash, true).await.unwrap();
    sign_in::sign_out(store, &token.hash, true).await.unwrap();

    // An agent's own profile: a name under the text rule, availability, and a picture only
    // from an upload of theirs that is an image.
    let rename = |name: &str| ChangeMe {
        available: Some(false),
        name: Some(name.into()),
        locale: None,
    };
    profile::change(store, cy_id, &rename("Cy Young"))
        .await
        .unwrap();
    let blank = profile::change(store, cy_id, &rename("  ")).await;
    assert!(matches!(blank, Err(CoreError::Invalid("name", _))));
    let ghost = profile::change(store, i64::MAX, &rename("Nobody")).await;
    assert!(matches!(ghost, Err(CoreError::NotFound)));
    let taken = profile::take_picture(store, (ws, cy_id), "no-such-upload").await;
    assert!(matches!(taken, Err(CoreError::Invalid("upload", _))));
    assert_eq!(profile::remove_picture(store, cy_id).await.unwrap(), None);

    // Allowed origins: canonical, at least one, at most the bound; one at a time as well.
    let host = "https://acme.example";
    assert!(!origins::allow(store, ws, "HTTPS://ACME.example/")
        .await
        .unwrap());
    let last = origins::disallow(store, ws, host).await;
    assert!(matches!(last, Err(CoreError::Invalid("origins", _))));
    assert!(origins::allow(store, ws, "https://b.example")
        .await
        .unwrap());
    assert!(origins::disallow(store, ws, host).await.unwrap());
    assert!(!origins::disallow(store, ws, host).await.unwrap());
    let full: Vec<String> = (0..origins::ORIGINS_MAX)
        .map(|i| format!("https://s{i}.example"))
        .collect();
    origins::replace(store, ws, &full).await.unwrap();
    let over = origins::allow(store, ws, "https://one-more.example").await;
    assert!(matches!(over, Err(CoreError::Invalid("origins", _))));
    // Two operators taking the last two away at once cannot leave none.
    origins::replace(store, ws, &full[..2]).await.unwrap();
    let (a, b) = tokio::join!(
        origins::disallow(store, ws, &full[0]),
        origins::disallow(store, ws, &full[1]),
    );
    assert!(a.is_ok() != b.is_ok(), "exactly one goes: {a:?} {b:?}");

    // Deflection: a FAQ counts only when the workspace asks it; reads are counted.
    let unasked = deflection::faq_opened(store, (ws, &Default::default()), "Who?").await;
    assert!(matches!(unasked, Err(CoreError::NotFound)));
    let read = deflection::read(store, (ws, 1), Reader::Client("203.0.113.9"), 2_000_000).await;
    read.unwrap();

    // Fresh links by email: the same answer whatever was asked, until the client's hour is
    // used up; then how long to wait.
    let client = (ws, "198.51.100.7");
    for asked in [("ada@example.com", "TKT-0001"), ("nobody", "nothing")]
        .into_iter()
        .cycle()
        .take(opening::SUBMISSIONS_PER_HOUR as usize)
    {
        let said = fresh_links::ask(store, client, asked, 3_000_000).await;
        assert_eq!(said.unwrap(), Asked::Taken);
    }
    let said = fresh_links::ask(store, client, ("ada@example.com", "TKT-0001"), 3_000_001).await;
    assert!(matches!(said.unwrap(), Asked::Wait(s) if s > 0));
    let stranger = fresh_links::unsubscribe(store, (ws, i64::MAX), 3_000_002).await;
    assert!(matches!(stranger, Err(CoreError::NotFound)));

    // Opening a ticket as a customer: theirs, as they see it; nobody else's.
    let opened = tickets::open_as_customer(store, &ada, 1, 3_000_003)
        .await
        .unwrap();
    assert_eq!(opened.reference, "TKT-0001");
    let stranger = customer(ws, "eve@example.com");
    let theirs = tickets::open_as_customer(store, &stranger, 1, 3_000_004).await;
    assert!(matches!(theirs, Err(CoreError::NotFound)));

    // A widget session: only a claim that verifies opens one; the browser's held session
    // goes on for the same user, and ends for another even when their claim fails.
    let keys = Keys {
        secrets: vec![b"phk_conformance"],
        policy: Default::default(),
    };
    let site = porthole_core::Origin::parse("https://acme.example").unwrap();
    let signed = porthole_identity::sign(b"phk_conformance", "ada@example.com", None);
    fn claim(hash: &str) -> WidgetClaim<'_> {
        WidgetClaim {
            email: "ada@example.com",
            name: Some("Ada"),
            timestamp: None,
            participants: &[],
            hash,
            metadata: None,
            locale: Some("fr"),
            languages: &[],
        }
    }
    let life = (60_000, 4_000_000);
    let forged = sessions::open_widget(store, (ws, "acme", &keys), &site, claim("00"), None, life);
    assert!(matches!(forged.await, Err(CoreError::Identity(_))));
    let opened = sessions::open_widget(
        store,
        (ws, "acme", &keys),
        &site,
        claim(&signed),
        None,
        life,
    )
    .await
    .unwrap();
    let token = opened.token.expect("a new session");
    assert_eq!(opened.locale, Some(porthole_types::Locale::Fr));
    let held = |email: &str| HeldSession {
        token_hash: token.hash.clone(),
        slug: "acme".into(),
        email: email.into(),
        origin: site.as_str().into(),
        participants: vec![],
        expires_at: 4_060_000,
    };
    let kept = sessions::open_widget(
        store,
        (ws, "acme", &keys),
        &site,
        claim("00"),
        Some(held("ada@example.com")),
        life,
    )
    .await
    .unwrap();
    assert!(kept.token.is_none(), "the same user's held session goes on");
    let other = sessions::open_widget(
        store,
        (ws, "acme", &keys),
        &site,
        claim("00"),
        Some(held("bo@example.com")),
        life,
    );
    assert!(matches!(other.await, Err(CoreError::Identity(_))));
    sessions::end_widget(store, &token.hash).await.unwrap();

    // A reply by email is taken once per message, and only on a ticket there is.
    let by_email = |number: i64, id: &'static str| {
        let post = CustomerPost {
            body: "Still broken".into(),
            html: "<p>Still broken</p>".into(),
            attachments: vec![],
        };
        tickets::reply_by_email(store, &ada, number, (post, id), 3_000_005)
    };
    assert!(by_email(1, "<m1@mail.example>").await.unwrap());
    assert!(!by_email(1, "<m1@mail.example>").await.unwrap());
    let missing = by_email(9_999, "<m2@mail.example>").await;
    assert!(matches!(missing, Err(CoreError::NotFound)));

    // Sending a delivery again: only the workspace's endpoint's.
    let missing = webhooks::redeliver(store, (ws, i64::MAX), 1, 3_000_003).await;
    assert!(matches!(missing, Err(CoreError::NotFound)));
}

#[tokio::test]
async fn the_sqlite_store_keeps_the_core_storage_contract() {
    let dir = tempfile::tempdir().unwrap();
    let store = porthole::store::Store::open(&dir.path().join("p.db"))
        .await
        .unwrap();
    let ws = open_workspace(&store).await;
    keeps_the_contract(&store, ws).await;
    store.close().await;
}
