//! Verification holds if and only if the MAC is right.

use porthole_identity::{sign, verify};
use proptest::prelude::*;

fn email() -> impl Strategy<Value = String> {
    "[^\u{0}]{0,40}@[^\u{0}]{0,40}"
}

proptest! {
    #[test]
    fn a_signed_hash_always_verifies(secret in any::<Vec<u8>>(), email in email(), ts in any::<Option<i64>>()) {
        let hash = sign(&secret, &email, ts);
        prop_assert!(verify(&secret, &email, ts, &hash));
    }

    #[test]
    fn changing_any_hex_digit_breaks_it(secret in any::<Vec<u8>>(), email in email(), pos in 0usize..64, delta in 1u8..16) {
        let hash = sign(&secret, &email, None);
        let mut digits: Vec<u8> = hash.bytes().collect();
        let value = u8::from_str_radix(std::str::from_utf8(&digits[pos..=pos]).unwrap(), 16).unwrap();
        digits[pos] = format!("{:x}", (value + delta) % 16).as_bytes()[0];
        prop_assert!(!verify(&secret, &email, None, std::str::from_utf8(&digits).unwrap()));
    }

    #[test]
    fn another_email_does_not_verify(secret in any::<Vec<u8>>(), a in email(), b in email()) {
        prop_assume!(a != b);
        prop_assert!(!verify(&secret, &b, None, &sign(&secret, &a, None)));
    }

    #[test]
    fn another_secret_does_not_verify(a in any::<Vec<u8>>(), b in any::<Vec<u8>>(), email in email()) {
        // HMAC pads short keys with zeros, so keys differing only in trailing zeros are one key.
        prop_assume!(a.iter().rev().skip_while(|&&x| x == 0).ne(b.iter().rev().skip_while(|&&x| x == 0)));
        prop_assert!(!verify(&b, &email, None, &sign(&a, &email, None)));
    }

    #[test]
    fn another_timestamp_does_not_verify(secret in any::<Vec<u8>>(), email in email(), t in any::<i64>(), u in any::<i64>()) {
        prop_assume!(t != u);
        prop_assert!(!verify(&secret, &email, Some(u), &sign(&secret, &email, Some(t))));
    }

    #[test]
    fn garbage_never_verifies(secret in any::<Vec<u8>>(), email in email(), junk in ".{0,80}") {
        prop_assume!(junk.trim().to_lowercase() != sign(&secret, &email, None));
        prop_assert!(!verify(&secret, &email, None, &junk));
    }
}
