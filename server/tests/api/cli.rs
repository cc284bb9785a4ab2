//! The `porthole` binary itself, on a real database file.

use porthole_core::opening::open_ticket;
use std::path::Path;
use std::process::Command;

fn porthole(db: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_porthole"))
        .arg("--database")
        .arg(db)
        .args(args)
        .env_remove("PORTHOLE_PUBLIC_URL")
        .output()
        .expect("porthole runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The customer of the tickets these tests make, a@b.co.
fn customer(ws: &porthole::store::Workspace) -> porthole::store::UserScope {
    porthole::store::UserScope {
        workspace_id: ws.id,
        email: "a@b.co".into(),
        name: None,
    }
}

/// A ticket as the widget would open it.
fn widget_ticket(subject: impl Into<String>) -> porthole_core::opening::NewTicket {
    porthole_core::opening::NewTicket {
        subject: subject.into(),
        description: None,
        ticket_type: None,
        category: None,
        channel: porthole_types::Channel::Widget,
        locale: None,
        attachments: vec![],
        message_id: None,
        participants: vec![],
        portal: None,
    }
}

/// A fresh database holding workspace "acme"; returns it with what `workspace create` printed.
/// The directory is returned so that it lives as long as the test.
fn acme() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let create = [
        "workspace",
        "create",
        "acme",
        "--name",
        "Acme",
        "--allow-origin",
        "https://a.test",
    ];
    let (ok, out, err) = porthole(&db, &create);
    assert!(ok, "{err}");
    (dir, db, out)
}

/// Runs `work` through the store on workspace "acme" of `db`, as the server would write, and
/// closes the store before the CLI runs again.
fn on_acme(db: &Path, work: impl AsyncFnOnce(&porthole::store::Store, porthole::store::Workspace)) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = porthole::store::Store::open(db).await.unwrap();
        let ws = store.workspace_by_slug("acme").await.unwrap().unwrap();
        work(&store, ws).await;
        store.close().await;
    });
}

/// Workspace `acme` with one customer's ticket TKT-0001, about `subject`.
fn acme_with_a_ticket(subject: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, db, _) = acme();
    on_acme(&db, async |store, ws| {
        let new = widget_ticket(subject);
        open_ticket(store, &customer(&ws), new, None, 1)
            .await
            .unwrap();
    });
    (dir, db)
}

/// The line after `label` in the output, trimmed: how the CLI prints things shown once.
fn value_after(out: &str, label: &str) -> String {
    let mut lines = out.lines();
    lines.find(|l| l.contains(label)).expect(label);
    lines.next().expect("a value line").trim().to_owned()
}

#[test]
fn workspace_create_prints_the_secret_once_and_a_ready_embed_snippet() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let (ok, out, err) = porthole(
        &db,
        &[
            "workspace",
            "create",
            "acme",
            "--name",
            "Acme",
            "--allow-origin",
            "https://app.acme.test",
        ],
    );
    assert!(ok, "{err}");
    let secret = value_after(&out, "secret");
    assert!(
        secret.starts_with("phid_") && secret.len() >= 48,
        "{secret}"
    );
    assert!(out.contains(
        r#"<script src="http://127.0.0.1:8080/loader.js" data-workspace="acme" async></script>"#
    ));

    let (ok, list, _) = porthole(&db, &["workspace", "list"]);
    assert!(ok);
    assert!(list.contains("https://app.acme.test"));
    assert!(!list.contains(&secret), "the secret is never shown again");

    let (ok, signed, _) = porthole(
        &db,
        &["sign", "--workspace", "acme", "--email", "john@example.com"],
    );
    assert!(ok);
    assert!(signed.contains(&porthole_identity::sign(
        secret.as_bytes(),
        "john@example.com",
        None
    )));
}

#[test]
fn rotating_the_secret_reports_the_grace_period_and_a_new_secret() {
    let (_dir, db, out) = acme();
    let old = value_after(&out, "secret");
    let (ok, out, err) = porthole(&db, &["workspace", "rotate-secret", "acme"]);
    assert!(ok, "{err}");
    let new = value_after(&out, "secret");
    assert_ne!(old, new);
    assert!(out.contains("keeps verifying until"));
    let (_, list, _) = porthole(&db, &["workspace", "list"]);
    assert!(list.contains("previous secret:   verifies until"));
}

#[test]
fn bad_cli_input_fails_with_a_message_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    for args in [
        &[
            "workspace",
            "create",
            "Bad Slug",
            "--name",
            "x",
            "--allow-origin",
            "https://a.test",
        ][..],
        &[
            "workspace",
            "create",
            "ok",
            "--name",
            "x",
            "--allow-origin",
            "https://a.test/path",
        ][..],
        &["sign", "--workspace", "missing", "--email", "a@b.co"][..],
        &["ticket", "show", "--workspace", "missing", "TKT-0001"][..],
    ] {
        let (ok, _, err) = porthole(&db, args);
        assert!(!ok, "{args:?} succeeded");
        assert!(err.contains("error"), "{args:?}: {err}");
    }
    let (_, list, _) = porthole(&db, &["workspace", "list"]);
    assert_eq!(list.trim(), "");
}

#[test]
fn an_agent_works_a_ticket_from_the_cli() {
    let (_dir, db, _) = acme();
    let (ok, out, err) = porthole(
        &db,
        &["api-key", "create", "--workspace", "acme", "--name", "Ann"],
    );
    assert!(ok, "{err}");
    assert!(value_after(&out, "API key").starts_with("phk_"));

    // A ticket made through the store, as the widget would.
    on_acme(&db, async |store, ws| {
        let scope = porthole::store::UserScope {
            workspace_id: ws.id,
            email: "a@b.co".into(),
            name: Some("Al".into()),
        };
        let new = widget_ticket("Broken export");
        open_ticket(store, &scope, new, None, 1).await.unwrap();
    });

    let (ok, out, err) = porthole(
        &db,
        &[
            "ticket",
            "reply",
            "--workspace",
            "acme",
            "TKT-0001",
            "Fixed now",
            "--as",
            "Ann",
            "--status",
            "resolved",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains("Resolved"));
    porthole(
        &db,
        &[
            "ticket",
            "note",
            "--workspace",
            "acme",
            "tkt-1",
            "Was a cache bug",
        ],
    );
    let (ok, out, _) = porthole(
        &db,
        &[
            "ticket",
            "set",
            "--workspace",
            "acme",
            "TKT-0001",
            "--priority",
            "high",
            "--assignee",
            "ann",
        ],
    );
    assert!(ok);
    assert!(out.contains("High priority · ann"));
    assert!(out.contains("Fixed now") && out.contains("[internal note]"));

    let (_, list, _) = porthole(
        &db,
        &[
            "ticket",
            "list",
            "--workspace",
            "acme",
            "--status",
            "resolved",
        ],
    );
    assert!(list.contains("TKT-0001") && list.contains("Broken export"));
    let (_, list, _) = porthole(
        &db,
        &["ticket", "list", "--workspace", "acme", "--status", "open"],
    );
    assert!(!list.contains("TKT-0001"));

    let (ok, _, err) = porthole(
        &db,
        &["ticket", "reply", "--workspace", "acme", "TKT-0009", "hi"],
    );
    assert!(!ok);
    assert!(err.contains("no ticket TKT-0009"), "{err}");
    let (ok, _, err) = porthole(
        &db,
        &[
            "ticket",
            "set",
            "--workspace",
            "acme",
            "TKT-0001",
            "--status",
            "done",
        ],
    );
    assert!(!ok);
    assert!(err.contains("expected one of"), "{err}");
}

#[test]
fn serve_creates_its_database_answers_health_and_stops_cleanly_on_sigterm() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::Stdio;

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested/dir/p.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_porthole"))
        .args(["serve", "--listen", "127.0.0.1:0", "--database"])
        .arg(&db)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the line that says where it listens, rather than for a fixed time.
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let addr = loop {
        let mut line = String::new();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "server exited early"
        );
        if let Some(rest) = line.split("addr=").nth(1) {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    assert!(db.exists(), "the database file was created on first run");

    let mut conn = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        conn,
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    conn.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains(r#"{"status":"ok"}"#));

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "graceful shutdown exits 0, got {status}");
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("shutting down"));
}

#[test]
fn a_workspace_is_configured_from_the_cli_alone() {
    let (_dir, db, _) = acme();
    let (ok, out, err) = porthole(
        &db,
        &[
            "workspace",
            "set",
            "acme",
            "title=Acme Help",
            "primary_color=#0A7F3C",
            "categories=Billing, Bugs",
            r#"faqs=[{"question":"Q?","answer":"A."}]"#,
            "show_toggle_button=false",
            "default_locale=de",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains(r##""primary_color": "#0a7f3c""##) && out.contains(r#""Bugs""#));
    let (_, shown, _) = porthole(&db, &["workspace", "show", "acme"]);
    assert!(
        shown.contains(r#""title": "Acme Help""#)
            && shown.contains(r#""show_toggle_button": false"#)
    );

    // A bad value is refused and changes nothing; an empty value resets.
    let (ok, _, err) = porthole(
        &db,
        &[
            "workspace",
            "set",
            "acme",
            "title=Changed",
            "primary_color=blue",
        ],
    );
    assert!(!ok && err.contains("primary_color"), "{err}");
    let (_, shown, _) = porthole(&db, &["workspace", "show", "acme"]);
    assert!(shown.contains("Acme Help") && !shown.contains("Changed"));
    porthole(&db, &["workspace", "set", "acme", "title="]);
    let (_, shown, _) = porthole(&db, &["workspace", "show", "acme"]);
    assert!(shown.contains(r#""title": null"#));

    let (ok, _, _) = porthole(
        &db,
        &["workspace", "allow-origin", "acme", "https://b.test"],
    );
    assert!(ok);
    let (ok, _, _) = porthole(
        &db,
        &["workspace", "disallow-origin", "acme", "https://a.test"],
    );
    assert!(ok);
    let (_, shown, _) = porthole(&db, &["workspace", "show", "acme"]);
    assert!(shown.contains("allowed origins: https://b.test"));
    let (ok, _, err) = porthole(
        &db,
        &["workspace", "disallow-origin", "acme", "https://a.test"],
    );
    assert!(!ok && err.contains("was not an allowed origin"));
    let (ok, _, err) = porthole(
        &db,
        &["workspace", "disallow-origin", "acme", "https://b.test"],
    );
    assert!(
        !ok && err.contains("keep at least one allowed origin"),
        "{err}"
    );

    porthole(
        &db,
        &["workspace", "rotate-secret", "acme", "--grace-hours", "5"],
    );
    let (_, secrets, _) = porthole(&db, &["workspace", "secrets", "acme"]);
    assert!(
        secrets.contains("current secret created")
            && secrets.contains("previous secret verifies until")
    );
    assert!(
        !secrets.contains("phid_"),
        "the secret itself is never shown again"
    );
}

/// Starts `porthole serve` with debug logging on a fresh database; returns the child, its
/// stderr and the address it listens on, once it says so.
fn serve_with_debug_log(
    db: &Path,
) -> (
    std::process::Child,
    std::io::BufReader<std::process::ChildStderr>,
    String,
) {
    use std::io::BufRead;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_porthole"))
        .args(["serve", "--listen", "127.0.0.1:0", "--database"])
        .arg(db)
        .env("PORTHOLE_LOG", "debug")
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let addr = loop {
        let mut line = String::new();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "server exited early"
        );
        if let Some(rest) = line.split("addr=").nth(1) {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    (child, stderr, addr)
}

#[test]
fn a_debug_log_never_shows_a_credential_from_a_url() {
    use std::io::{Read, Write};
    let (_dir, db, _) = acme();
    let (mut child, mut stderr, addr) = serve_with_debug_log(&db);
    for path in [
        "/embed/acme/tickets?email=a%40b.co&hmac=deadbeefcafe1234&ts=1",
        "/p/acme/tickets/TKT-0001?t=pht_supersecretvalue",
        "/p/acme/tickets/TKT-0001?%74=pht_encodedsecret",
    ] {
        let mut conn = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            conn,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        conn.read_to_string(&mut response).unwrap();
        assert!(response.starts_with("HTTP/1.1 "), "{response}");
    }
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap();
    let mut log = String::new();
    stderr.read_to_string(&mut log).unwrap();
    assert!(
        log.contains("[redacted]"),
        "the requests were logged: {log}"
    );
    for secret in [
        "deadbeefcafe1234",
        "pht_supersecretvalue",
        "pht_encodedsecret",
    ] {
        assert!(!log.contains(secret), "{secret} is in the log");
    }
}

#[test]
fn ticket_show_tells_an_agent_everything_about_the_ticket_and_its_customer() {
    let (_dir, db, _) = acme();
    on_acme(&db, async |store, ws| {
        let metadata = porthole_types::Metadata {
            value: Some(1200.0),
            name: Some("Pro plan".into()),
            links: [("CRM".to_owned(), "https://crm.a.test/42".to_owned())].into(),
        };
        let al = porthole_core::EmailAddress::parse("al@b.co").unwrap();
        let said = porthole_core::sessions::ContactUpdate {
            workspace_id: ws.id,
            email: &al,
            name: Some("Al Smith"),
            metadata: Some(&metadata),
            locale: None,
        };
        use porthole_core::sessions::SessionStore;
        store
            .open_widget_session(None, None, said, 1)
            .await
            .unwrap();
        let scope = porthole::store::UserScope {
            workspace_id: ws.id,
            email: "al@b.co".into(),
            name: Some("Al Smith".into()),
        };
        let new = porthole_core::opening::NewTicket {
            subject: "Export fails".into(),
            description: Some("Every time".into()),
            ticket_type: Some(porthole_types::TicketType::BugReport),
            category: Some("Billing".into()),
            channel: porthole_types::Channel::Embed,
            locale: None,
            attachments: vec![],
            message_id: None,
            participants: vec![],
            portal: None,
        };
        open_ticket(store, &scope, new, None, 1).await.unwrap();
    });
    let (ok, _, err) = porthole(
        &db,
        &[
            "ticket",
            "set",
            "--workspace",
            "acme",
            "TKT-0001",
            "--status",
            "resolved",
            "--resolution",
            "Cleared the cache",
        ],
    );
    assert!(ok, "{err}");
    let (ok, out, err) = porthole(&db, &["ticket", "show", "--workspace", "acme", "TKT-0001"]);
    assert!(ok, "{err}");
    for expected in [
        "Export fails",
        "Resolved",
        "Bug Report",
        "Billing",
        "Signed iframe",
        "Al Smith <al@b.co>",
        "Pro plan",
        "1200",
        "CRM: https://crm.a.test/42",
        "resolution: Cleared the cache",
        "Every time",
    ] {
        assert!(out.contains(expected), "{expected:?} missing from:\n{out}");
    }
}

#[test]
fn workspace_set_lists_its_keys_and_changes_the_identity_policy() {
    let (_dir, db, _) = acme();
    let (ok, help, _) = porthole(&db, &["workspace", "set", "--help"]);
    assert!(ok);
    for key in [
        "title",
        "primary_color",
        "categories",
        "faqs",
        "default_locale",
        "require_timestamp",
        "timestamp_window_secs",
    ] {
        assert!(help.contains(key), "{key} missing from --help");
    }
    let (ok, _, err) = porthole(
        &db,
        &[
            "workspace",
            "set",
            "acme",
            "require_timestamp=true",
            "timestamp_window_secs=600",
        ],
    );
    assert!(ok, "{err}");
    let (_, list, _) = porthole(&db, &["workspace", "list"]);
    assert!(list.contains("required (window 600 s)"), "{list}");
    for bad in [
        "timestamp_window_secs=0",
        "timestamp_window_secs=86401",
        "require_timestamp=maybe",
    ] {
        let (ok, _, err) = porthole(&db, &["workspace", "set", "acme", bad]);
        assert!(!ok && !err.is_empty(), "{bad} accepted");
    }
    let (_, list, _) = porthole(&db, &["workspace", "list"]);
    assert!(
        list.contains("required (window 600 s)"),
        "a refused change changed something"
    );
}

#[test]
fn the_embed_snippet_names_the_public_url_or_says_it_is_a_guess() {
    let (_dir, db, out) = acme();
    assert!(out.contains("--public-url"), "{out}");
    let (ok, out, err) = porthole(
        &db,
        &[
            "--public-url",
            "https://support.two.test",
            "workspace",
            "create",
            "two",
            "--name",
            "Two",
            "--allow-origin",
            "https://a.test",
        ],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains(r#"src="https://support.two.test/loader.js""#),
        "{out}"
    );
    assert!(!out.contains("127.0.0.1"), "{out}");
}

#[test]
fn origins_that_are_not_origins_are_refused_by_the_cli() {
    let (_dir, db, _) = acme();
    for bad in [
        "https://*",
        "https://*.a.test",
        "https://a.test'",
        "https://a.test:0",
    ] {
        let (ok, _, err) = porthole(&db, &["workspace", "allow-origin", "acme", bad]);
        assert!(!ok && !err.is_empty(), "{bad} accepted");
    }
    let (_, list, _) = porthole(&db, &["workspace", "list"]);
    assert!(!list.contains('*') && !list.contains('\''), "{list}");
}

#[test]
fn ticket_list_pages_through_every_ticket() {
    let (_dir, db, _) = acme();
    on_acme(&db, async |store, ws| {
        let scope = customer(&ws);
        for i in 0..5 {
            let new = porthole_core::opening::NewTicket {
                subject: format!("Ticket {i}"),
                description: None,
                ticket_type: None,
                category: None,
                channel: porthole_types::Channel::Portal,
                locale: None,
                attachments: vec![],
                message_id: None,
                participants: vec![],
                portal: None,
            };
            open_ticket(store, &scope, new, None, i).await.unwrap();
        }
    });
    let list = |extra: &[&str]| {
        let mut args = vec!["ticket", "list", "--workspace", "acme", "--limit", "2"];
        args.extend_from_slice(extra);
        let (ok, out, err) = porthole(&db, &args);
        assert!(ok, "{err}");
        out
    };
    // Follow the printed cursors from the first page to the last.
    let mut seen = Vec::new();
    let mut page = list(&[]);
    assert!(page.contains("(2 shown, 5 in all)"), "{page}");
    loop {
        let refs = page.lines().filter_map(|l| l.split_whitespace().next());
        seen.extend(refs.filter(|w| w.starts_with("TKT-")).map(str::to_owned));
        let Some(next) = page
            .lines()
            .find_map(|l| l.strip_prefix("next page: --cursor "))
        else {
            break;
        };
        page = list(&["--cursor", next.trim()]);
    }
    assert_eq!(
        seen,
        ["TKT-0005", "TKT-0004", "TKT-0003", "TKT-0002", "TKT-0001"]
    );
    let (ok, _, err) = porthole(
        &db,
        &["ticket", "list", "--workspace", "acme", "--cursor", "x"],
    );
    assert!(!ok && err.contains("--cursor"), "{err}");
    let (ok, _, err) = porthole(
        &db,
        &["ticket", "list", "--workspace", "acme", "--limit", "0"],
    );
    assert!(!ok && err.contains("--limit"), "{err}");
}

#[test]
fn seed_fills_a_new_workspace_for_benchmarks() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let (ok, out, err) = porthole(
        &db,
        &[
            "seed",
            "--workspace",
            "bench",
            "--tickets",
            "300",
            "--contacts",
            "30",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains("300 tickets for 30 contacts"), "{out}");
    let (ok, list, err) = porthole(
        &db,
        &[
            "ticket",
            "list",
            "--workspace",
            "bench",
            "--email",
            "bench-user@example.com",
        ],
    );
    assert!(ok, "{err}");
    assert!(
        list.contains("(20 shown, 20 in all)") && list.contains("TKT-0320"),
        "{list}"
    );
    let (_, all, _) = porthole(
        &db,
        &["ticket", "list", "--workspace", "bench", "--limit", "1"],
    );
    assert!(all.contains("320 in all)"), "{all}");
    let (ok, _, err) = porthole(&db, &["seed", "--workspace", "bench", "--contacts", "0"]);
    assert!(!ok && err.contains("--contacts"), "{err}");
}

#[test]
fn an_agent_attaches_files_from_the_command_line_and_saves_them_back() {
    let (dir, db, _) = acme();
    on_acme(&db, async |store, ws| {
        let scope = customer(&ws);
        let new = widget_ticket("Need the invoice");
        open_ticket(store, &scope, new, None, 1).await.unwrap();
    });
    let invoice = dir.path().join("invoice.pdf");
    std::fs::write(&invoice, b"%PDF-1.4\n%%EOF\n").unwrap();
    let fake = dir.path().join("tool.pdf");
    std::fs::write(&fake, b"MZ\x90\0\x03\0\0\0\x04\0\0\0").unwrap();
    let reply = |path: &Path| {
        porthole(
            &db,
            &[
                "ticket",
                "reply",
                "--workspace",
                "acme",
                "TKT-0001",
                "Attached",
                "--attach",
                path.to_str().unwrap(),
            ],
        )
    };
    let (ok, _, err) = reply(&fake);
    assert!(
        !ok && err.contains("tool.pdf") && err.contains("cannot be attached"),
        "{err}"
    );
    let (ok, _, err) = reply(&invoice);
    assert!(ok, "{err}");
    let (_, shown, _) = porthole(&db, &["ticket", "show", "--workspace", "acme", "TKT-0001"]);
    let line = shown
        .lines()
        .find(|l| l.contains("[file] invoice.pdf"))
        .expect(&shown);
    let id = line.rsplit(' ').next().unwrap();
    let out_path = dir.path().join("saved.pdf");
    let (ok, out, err) = porthole(
        &db,
        &[
            "ticket",
            "download",
            "--workspace",
            "acme",
            id,
            "--out",
            out_path.to_str().unwrap(),
        ],
    );
    assert!(ok && out.contains("Saved invoice.pdf"), "{err}");
    assert_eq!(std::fs::read(out_path).unwrap(), b"%PDF-1.4\n%%EOF\n");
    let files_dir = dir.path().join("p.db-files");
    assert_eq!(
        std::fs::read_dir(files_dir).unwrap().count(),
        1,
        "beside the database"
    );
}

#[test]
fn api_keys_are_made_as_agents_unless_admin_is_asked_for() {
    let (_dir, db, _) = acme();
    let (ok, out, err) = porthole(
        &db,
        &["api-key", "create", "--workspace", "acme", "--name", "Ann"],
    );
    assert!(ok && out.contains("(agent)"), "{out}{err}");
    let admin = [
        "api-key",
        "create",
        "--workspace",
        "acme",
        "--name",
        "Root",
        "--role",
        "admin",
    ];
    let (ok, out, _) = porthole(&db, &admin);
    assert!(ok && out.contains("(admin)"), "{out}");
    let (ok, _, err) = porthole(
        &db,
        &[
            "api-key",
            "create",
            "--workspace",
            "acme",
            "--name",
            "X",
            "--role",
            "owner",
        ],
    );
    assert!(!ok && err.contains("expected admin or agent"), "{err}");
    let (_, list, _) = porthole(&db, &["api-key", "list", "--workspace", "acme"]);
    assert!(list.contains("agent") && list.contains("admin"), "{list}");
}

#[test]
fn an_agent_copies_people_on_a_ticket_and_takes_them_off_from_the_cli() {
    let (_dir, db) = acme_with_a_ticket("Shared invoice");
    let run = |action: &str, extra: &[&str]| {
        let mut args = vec!["ticket", "participants", action, "--workspace", "acme"];
        args.push("TKT-0001");
        args.extend(extra);
        porthole(&db, &args)
    };
    let (ok, out, err) = run("add", &["Bo@Example.com"]);
    assert!(ok, "{err}");
    assert!(out.contains("Copied bo@example.com on TKT-0001."), "{out}");
    assert!(out.contains("bo@example.com · added by agent"), "{out}");
    let (ok, out, _) = run("add", &["bo@example.com"]);
    assert!(ok && out.contains("was already on TKT-0001"), "{out}");
    let (ok, out, _) = porthole(&db, &["ticket", "show", "--workspace", "acme", "TKT-0001"]);
    assert!(ok && out.contains("copied: bo@example.com"), "{out}");

    for (action, extra, says) in [
        ("add", vec!["not-an-address"], "not a valid email address"),
        (
            "remove",
            vec!["cy@example.com"],
            "is not copied on TKT-0001",
        ),
    ] {
        let (ok, _, err) = run(action, &extra);
        assert!(!ok && err.contains(says), "{action}: {err}");
    }
    let (ok, _, err) = porthole(
        &db,
        &[
            "ticket",
            "participants",
            "list",
            "--workspace",
            "acme",
            "TKT-0404",
        ],
    );
    assert!(!ok && err.contains("no ticket TKT-0404"), "{err}");

    let (ok, out, err) = run("remove", &["bo@example.com"]);
    assert!(ok, "{err}");
    assert!(out.contains("Nobody is copied on TKT-0001."), "{out}");
    on_acme(&db, async |store, ws| {
        let bo = porthole::store::UserScope {
            workspace_id: ws.id,
            email: "bo@example.com".into(),
            name: None,
        };
        assert_eq!(store.reachable_ticket(&bo, 1).await.unwrap(), None);
    });
}

#[test]
fn a_large_workspaces_common_words_do_not_crowd_a_small_ones_out_of_its_search() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let seed = |workspace: &str, tickets: &str| {
        let (ok, _, err) = porthole(
            &db,
            &[
                "seed",
                "--workspace",
                workspace,
                "--tickets",
                tickets,
                "--contacts",
                "10",
                "--user-tickets",
                "0",
            ],
        );
        assert!(ok, "{err}");
    };
    let search = |workspace: &str| {
        let (ok, out, err) = porthole(
            &db,
            &["ticket", "list", "--workspace", workspace, "--q", "invoice"],
        );
        assert!(ok, "{err}");
        out
    };
    seed("small", "40");
    let before = search("small");
    assert!(!before.contains("(0 shown"), "{before}");
    // Then a workspace whose newest texts hold far more than the 5,000 a search ranks.
    seed("large", "20000");
    assert_eq!(search("small"), before);
}

#[test]
fn the_cli_checks_a_tickets_fields_by_the_agent_apis_rules() {
    let (_dir, db) = acme_with_a_ticket("Broken export");
    let set = |flag: &str, value: &str| {
        let args = [
            "ticket",
            "set",
            "--workspace",
            "acme",
            "TKT-0001",
            flag,
            value,
        ];
        porthole(&db, &args)
    };
    let long_name = "a".repeat(201);
    let (ok, _, err) = set("--assignee", &long_name);
    assert!(!ok, "an assignee longer than a name may be");
    assert!(err.contains("assignee"), "{err}");
    let (ok, _, err) = set("--resolution", "Fixed in 2.1");
    assert!(ok, "{err}");
    let (ok, out, err) = set("--resolution", "   ");
    assert!(
        ok,
        "a blank resolution clears it, as null does in the API: {err}"
    );
    assert!(!out.contains("Fixed in 2.1"), "{out}");
}

#[test]
fn the_cli_signs_a_message_by_the_agent_apis_rule_for_names() {
    let (_dir, db) = acme_with_a_ticket("Broken export");
    let reply = |author: &str| {
        let args = [
            "ticket",
            "reply",
            "--workspace",
            "acme",
            "TKT-0001",
            "On it",
            "--as",
            author,
        ];
        porthole(&db, &args)
    };
    let (ok, _, err) = reply(&"a".repeat(201));
    assert!(!ok, "a name longer than the API allows");
    assert!(err.contains("author_name"), "{err}");
    let (ok, _, err) = reply("Ann\u{7}");
    assert!(!ok, "a name with a control character");
    assert!(err.contains("control characters"), "{err}");
    let (ok, _, err) = reply("  ");
    assert!(ok, "{err}");
    let (ok, _, err) = reply("  Ann Lee ");
    assert!(ok, "{err}");
    on_acme(&db, async |store, ws| {
        let ticket = store.agent_ticket(ws.id, 1).await.unwrap();
        let names: Vec<_> = ticket
            .messages
            .iter()
            .filter(|m| m.author == porthole_types::Author::Agent)
            .map(|m| m.author_name.as_deref())
            .collect();
        assert_eq!(
            names,
            [Some("Support"), Some("Ann Lee")],
            "a blank name is the CLI's own, as a blank author_name is the key's in the API; \
             a name is trimmed as the API trims it, and nothing was posted by the refused ones"
        );
    });
}

#[test]
fn the_cli_names_a_key_by_the_agent_apis_rule() {
    let (_dir, db) = acme_with_a_ticket("Broken export");
    let create = |name: &str| {
        let args = ["api-key", "create", "--workspace", "acme", "--name", name];
        porthole(&db, &args)
    };
    let (ok, _, err) = create(&"a".repeat(201));
    assert!(!ok, "a name longer than the API allows");
    assert!(err.contains("--name") && err.contains("200"), "{err}");
    let (ok, _, err) = create("Ann\u{7}");
    assert!(!ok && err.contains("control characters"), "{err}");
    let (ok, _, err) = create("  ");
    assert!(!ok && err.contains("required"), "{err}");
    let (ok, out, err) = create("  Deploy bot ");
    assert!(ok, "{err}");
    assert!(out.contains(r#"API key for "Deploy bot" (agent)"#), "{out}");
    on_acme(&db, async |store, ws| {
        let names: Vec<_> = store
            .list_api_keys(ws.id)
            .await
            .unwrap()
            .into_iter()
            .map(|k| k.name)
            .collect();
        assert!(
            names
                .iter()
                .all(|n| n.chars().count() <= 200 && !n.contains('\u{7}')),
            "nothing refused was kept: {names:?}"
        );
        assert!(names.contains(&"Deploy bot".to_owned()));
    });
}
