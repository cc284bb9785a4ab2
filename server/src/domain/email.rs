use std::fmt;

/// An email address, normalised (trimmed, lowercased) as ticket ownership uses it, so that
/// `John@X.com` and `john@x.com` are one person. The verification hash, by contrast, covers the
/// exact string the host sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let normalised = raw.trim().to_lowercase();
        if normalised.is_empty() {
            return Err("an email address is required".into());
        }
        if !email_address::EmailAddress::is_valid(&normalised) {
            return Err("this is not a valid email address".into());
        }
        Ok(Self(normalised))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
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
    fn international_addresses_are_accepted() {
        assert_eq!(
            EmailAddress::parse("Ünïcödé@exämple.org").unwrap().as_str(),
            "ünïcödé@exämple.org"
        );
    }
}
