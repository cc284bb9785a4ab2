use std::fmt;

/// A ticket's reference within its workspace: `TKT-0042`. Four digits at least, more as needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketRef(pub i64);

impl TicketRef {
    /// Accepts `TKT-0042`, in any case and with or without leading zeros. Anything else is simply
    /// not a ticket, which callers answer with 404 like any unknown reference.
    pub fn parse(raw: &str) -> Option<Self> {
        let (prefix, digits) = raw.split_once('-')?;
        if !prefix.eq_ignore_ascii_case("TKT") || digits.is_empty() || digits.len() > 12 {
            return None;
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: i64 = digits.parse().ok()?;
        (n > 0).then_some(Self(n))
    }
}

impl fmt::Display for TicketRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TKT-{:04}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_print_with_four_digits_and_grow_past_them() {
        assert_eq!(TicketRef(1).to_string(), "TKT-0001");
        assert_eq!(TicketRef(12345).to_string(), "TKT-12345");
    }

    #[test]
    fn references_parse_back_forgivingly() {
        assert_eq!(TicketRef::parse("TKT-0042"), Some(TicketRef(42)));
        assert_eq!(TicketRef::parse("tkt-42"), Some(TicketRef(42)));
    }

    #[test]
    fn malformed_references_are_not_tickets() {
        for bad in [
            "",
            "TKT",
            "TKT-",
            "TKT-0",
            "TKT--1",
            "TKT-+1",
            "ABC-0001",
            "TKT-1e3",
            "TKT-99999999999999999999",
        ] {
            assert_eq!(TicketRef::parse(bad), None, "{bad:?}");
        }
    }
}
