//! The served OpenAPI document against the server itself: schemathesis (PyPI, in the test
//! venv) reads `/api/openapi.json`, sends schema-valid and schema-invalid requests to every
//! widget and agent operation, and fails on a 5xx, on a status code the document does not
//! list, on an answer that breaks its schema, and on a valid request refused or an invalid one
//! accepted. So a limit, a format or a status the server enforces is one the document states.

use porthole::store::KeyRole;

use crate::helpers::{TestApp, HOST};
use crate::smtp::test_python;

/// The workspace and the ticket the path parameters name, so requests reach each operation's
/// logic rather than a 404.
///
/// Some refusals of schema-valid requests depend on what is stored or on the world, which no
/// schema can state, and are `422` by design; only those operations may answer it to valid
/// data: an upload is judged by its bytes (a JPEG, a PDF…); attachments, an avatar and a
/// category must name ones that exist; participants must be ones the host signed for; a
/// webhook's URL must resolve to a public address; settings' URLs must parse, a stylesheet
/// must be on an allowed origin, and the auto-response needs `widget_host_url`. Every other
/// check stays on for them.
const CONFIG: &str = r#"
[parameters]
slug = "acme"
reference = "TKT-0001"

# A body over the size limit is refused too, with 413.
[checks.negative_data_rejection]
expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422"]

[[operations]]
include-path-regex = "/(uploads|me/avatar|tickets|tickets/[{]reference[}]|tickets/[{]reference[}]/messages|webhooks|settings)$"
checks.positive_data_acceptance.expected-statuses = ["2XX", "401", "403", "404", "409", "422", "429"]
"#;

/// Runs schemathesis on the operations whose path matches `paths` (and not `except`), with
/// these headers. `Err` holds its report.
fn schemathesis(
    app: &TestApp,
    (paths, except): (&str, &str),
    headers: &[String],
) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("schemathesis.toml");
    std::fs::write(&config, CONFIG).unwrap();
    let mut command = std::process::Command::new(test_python());
    command
        .args(["-m", "schemathesis.cli", "--config-file"])
        .arg(&config)
        .arg("run")
        .arg(format!("{}/api/openapi.json", app.base))
        .args(["--include-path-regex", paths])
        .args(["--exclude-path-regex", except])
        .args(["--checks", "all"])
        .args(["--max-examples", "12", "--workers", "2"])
        .args(["--generation-deterministic", "--no-color"])
        .args(["--request-timeout", "15"])
        .current_dir(dir.path());
    for header in headers {
        command.args(["-H", header]);
    }
    let out = command.output().expect("schemathesis runs");
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    out.status.success().then_some(()).ok_or(report)
}

/// Both runs on one server: everything but what ends the credential first, then that alone.
async fn fuzz(app: TestApp, headers: Vec<String>, (paths, ending): (&'static str, &'static str)) {
    let result = tokio::task::spawn_blocking(move || {
        let result = schemathesis(&app, (paths, ending), &headers)
            .and_then(|()| schemathesis(&app, (ending, "^$"), &headers));
        drop(app);
        result
    })
    .await
    .unwrap();
    if let Err(report) = result {
        panic!("{report}");
    }
}

#[tokio::test]
async fn the_agent_api_answers_exactly_as_its_openapi_document_says() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Fuzzed").await;
    let key = app.key_with_role("Fuzzer", KeyRole::Admin).await;
    let headers = vec![format!("Authorization: Bearer {key}")];
    fuzz(app, headers, ("^/api/v1/agent/", "^/api/v1/agent/keys/")).await;
}

#[tokio::test]
async fn the_widget_api_answers_exactly_as_its_openapi_document_says() {
    let app = TestApp::spawn().await;
    let token = app.login("ada@example.com").await;
    app.new_ticket(&token, "Fuzzed").await;
    let headers = vec![
        format!("Authorization: Bearer {token}"),
        format!("Origin: {HOST}"),
    ];
    fuzz(app, headers, ("^/api/v1/widget/", "/session$")).await;
}
