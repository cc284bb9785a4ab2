//! The shared vectors: hashes computed by the Node, PHP, Ruby, Python and Go snippets in the
//! reference documents, which Porthole must reproduce byte for byte.

use porthole_identity::{message, sign, verify};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Vector {
    secret: String,
    email: String,
    timestamp: Option<i64>,
    message: String,
    verification_hash: String,
}

fn load(json: &str) -> Vec<Vector> {
    let vectors: Vec<Vector> = serde_json::from_str(json).expect("vectors parse");
    assert!(!vectors.is_empty());
    vectors
}

fn assert_reproduced(vectors: &[Vector]) {
    for v in vectors {
        assert_eq!(message(&v.email, v.timestamp), v.message);
        assert_eq!(
            sign(v.secret.as_bytes(), &v.email, v.timestamp),
            v.verification_hash,
            "signing {:?}",
            v.message
        );
        assert!(verify(
            v.secret.as_bytes(),
            &v.email,
            v.timestamp,
            &v.verification_hash
        ));
    }
}

#[test]
fn every_vector_in_the_repository_copy_is_reproduced() {
    assert_reproduced(&load(include_str!("vectors.json")));
}

/// The project's shared folder sits beside the clone in CI; when it is there, its vectors are
/// the authority and must match too (so a stale copy cannot hide a regression).
#[test]
fn every_vector_in_the_shared_folder_is_reproduced_when_present() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/identity-vectors.json"
    );
    if let Ok(json) = std::fs::read_to_string(path) {
        assert_reproduced(&load(&json));
    }
}
