use std::fmt;

/// An email address, normalised (trimmed, ASCII letters lowercased) as ticket ownership uses it,
/// so that `John@X.com` and `john@x.com` are one person. The verification hash, by contrast,
/// covers the exact string the host sent.
///
/// Only ASCII is folded. Unicode lowercasing maps look-alikes onto plain letters (KELVIN SIGN
/// `\u{212A}` becomes `k`), so a host that signs `\u{212A}ate@x.com` for one user would hand
/// them `kate@x.com`'s tickets. Two strings that differ outside ASCII stay two people.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let normalised = normalise(raw);
        if normalised.is_empty() {
            return Err("an email address is required".into());
        }
        if !email_address::EmailAddress::is_valid(&normalised) {
            return Err("this is not a valid email address".into());
        }
        Ok(Self(normalised))
    }

    /// An address as a participant: the rule of `parse`, and no comma, quote or white space
    /// even where RFC 5322 allows them, so the comma-joined list a host signs reads back one
    /// way only. Every path that adds participants (host, agent API, CLI, email `Cc`) uses it.
    pub fn participant(raw: &str) -> Result<Self, String> {
        if raw.trim().contains([',', '"']) || raw.trim().contains(char::is_whitespace) {
            return Err("an address with a comma, quote or space cannot be a participant".into());
        }
        Self::parse(raw)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The people a host names to copy on a user's tickets: valid addresses, each once, not the
/// user's own, at most the per-ticket limit, each one a [`EmailAddress::participant`].
pub fn participants(raw: &[String], owner: &EmailAddress) -> Result<Vec<EmailAddress>, String> {
    let max = porthole_types::limits::PARTICIPANTS_PER_TICKET;
    if raw.len() > max {
        return Err(format!("at most {max} participants may be named"));
    }
    let mut kept: Vec<EmailAddress> = Vec::with_capacity(raw.len());
    for address in raw {
        let address =
            EmailAddress::participant(address).map_err(|m| format!("{address:?}: {m}"))?;
        if &address != owner && !kept.contains(&address) {
            kept.push(address);
        }
    }
    Ok(kept)
}

/// The folding ownership uses, for filters that take a partial or unvalidated address too.
pub fn normalise(raw: &str) -> String {
    raw.trim().to_ascii_lowercase()
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_surrounding_space_do_not_make_a_different_person() {
        assert_eq!(
            EmailAddress::parse("  John@X.com ").unwrap(),
            EmailAddress::parse("john@x.com").unwrap()
        );
    }

    #[test]
    fn things_that_are_not_addresses_are_refused() {
        for bad in [
            "",
            "   ",
            "john",
            "@x.com",
            "john@",
            "jo hn@x.com",
            "a@b@c.com",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn a_participant_is_an_address_a_comma_joined_list_reads_back() {
        for bad in [
            "\"a,b\"@cc.test",
            "\"a b\"@cc.test",
            "\"ab\"@cc.test",
            "a\tb@cc.test",
        ] {
            assert!(EmailAddress::participant(bad).is_err(), "{bad:?} was taken");
        }
        assert_eq!(
            EmailAddress::participant(" Bo@Acme.test ")
                .unwrap()
                .as_str(),
            "bo@acme.test"
        );
    }

    #[test]
    fn international_addresses_are_accepted_as_written() {
        assert_eq!(
            EmailAddress::parse("Ünïcödé@exämple.org").unwrap().as_str(),
            "Ünïcödé@exämple.org"
        );
    }

    #[test]
    fn look_alike_letters_are_never_folded_into_someone_else() {
        let kate = EmailAddress::parse("kate@acme.test").unwrap();
        for look_alike in [
            "\u{212A}ate@acme.test", // KELVIN SIGN
            "\u{212B}ate@acme.test", // ANGSTROM SIGN
            "KATE@ACME.TEST\u{0130}",
            "kate@acme.tes\u{0165}",
            "\u{FF4B}ate@acme.test", // FULLWIDTH k
        ] {
            if let Ok(other) = EmailAddress::parse(look_alike) {
                assert_ne!(other, kate, "{look_alike:?} became kate");
            }
        }
        assert_eq!(
            EmailAddress::parse("\u{212A}ate@acme.test")
                .unwrap()
                .as_str(),
            "\u{212A}ate@acme.test"
        );
    }
}
