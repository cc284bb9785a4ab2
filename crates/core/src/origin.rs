use std::fmt;

/// A web origin (`scheme://host[:port]`) in the serialised form browsers send in `Origin`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin(String);

impl Origin {
    /// Accepts `https://app.example.com` (a trailing slash is forgiven) but nothing with a path,
    /// query or credentials, which would suggest the admin meant something narrower than an
    /// origin. The host must be a DNS name or an IP literal: the value is copied into CSP
    /// `frame-ancestors`, where `*` or a quote would widen or break the policy, and the URL
    /// standard lets both through in a host.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let url = url::Url::parse(raw.trim()).map_err(|_| format!("{raw:?} is not a URL"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!("{raw:?} must be http or https"));
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(format!("{raw:?} must be an origin, with no path or query"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!("{raw:?} must not contain credentials"));
        }
        match url.host() {
            Some(url::Host::Domain(name)) if is_dns_name(name) => {}
            Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => {}
            _ => {
                return Err(format!(
                    "{raw:?} must name a host: a DNS name or an IP address"
                ))
            }
        }
        if url.port() == Some(0) {
            return Err(format!("{raw:?} must have a port from 1 to 65535"));
        }
        Ok(Self(url.origin().ascii_serialization()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A host name as DNS has it (after IDNA, which the URL parser applied): dot-separated labels of
/// letters, digits and inner hyphens, 1 to 63 characters each, 253 in all.
fn is_dns_name(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_serialised_as_browsers_send_them() {
        assert_eq!(
            Origin::parse("HTTPS://App.Example.com:443/")
                .unwrap()
                .as_str(),
            "https://app.example.com"
        );
        assert_eq!(
            Origin::parse("http://127.0.0.1:8081").unwrap().as_str(),
            "http://127.0.0.1:8081"
        );
    }

    #[test]
    fn one_origin_has_one_stored_form() {
        for (raw, canonical) in [
            ("https://App.Acme.Test", "https://app.acme.test"),
            ("https://app.acme.test:443", "https://app.acme.test"),
            ("http://app.acme.test:80/", "http://app.acme.test"),
            ("https://app.acme.test:8443", "https://app.acme.test:8443"),
            ("https://BÜCHER.example", "https://xn--bcher-kva.example"),
            ("http://[::1]:3000", "http://[::1]:3000"),
        ] {
            assert_eq!(Origin::parse(raw).unwrap().as_str(), canonical, "{raw}");
        }
    }

    #[test]
    fn anything_narrower_or_stranger_than_an_origin_is_refused() {
        for bad in [
            "app.example.com",
            "https://app.example.com/path",
            "https://app.example.com/?q=1",
            "https://user:pw@app.example.com",
            "javascript:alert(1)",
            "ftp://example.com",
            "https://*",
            "https://*.acme.test",
            "https://a.test'",
            "https://a.test;",
            "https://a b.test",
            "https://a.test:0",
            "https://a.test:65536",
            "https://-a.test",
            "https://a..test",
            "https://a_b.test",
            "http://",
            "https://'self'",
        ] {
            assert!(Origin::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
