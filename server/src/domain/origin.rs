use std::fmt;

/// A web origin (`scheme://host[:port]`) in the serialised form browsers send in `Origin`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin(String);

impl Origin {
    /// Accepts `https://app.example.com` (a trailing slash is forgiven) but nothing with a path,
    /// query or credentials, which would suggest the admin meant something narrower than an
    /// origin.
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
        Ok(Self(url.origin().ascii_serialization()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
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
    fn anything_narrower_or_stranger_than_an_origin_is_refused() {
        for bad in [
            "app.example.com",
            "https://app.example.com/path",
            "https://app.example.com/?q=1",
            "https://user:pw@app.example.com",
            "javascript:alert(1)",
            "ftp://example.com",
        ] {
            assert!(Origin::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
