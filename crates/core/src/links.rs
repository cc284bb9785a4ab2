//! Web links in what people write, made clickable for readers: in the pages, and as the HTML
//! copy of each message the widget shows. Everything else stays text.

/// A piece of a message: text, or a web link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Link(&'a str),
}

/// Splits a message into text and `http(s)://` links. A link ends at white space, and
/// punctuation that closes a sentence is left out of it. Nothing else becomes a link, so no
/// `javascript:` URL can. Written over bytes: `str::find` with a string pattern and Unicode
/// white space would cost the panel kilobytes.
pub fn linkify(text: &str) -> Vec<Piece<'_>> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let (mut plain_from, mut i) = (0, 0);
    while i < bytes.len() {
        let rest = &bytes[i..];
        let scheme = if rest.starts_with(b"https://") {
            8
        } else if rest.starts_with(b"http://") {
            7
        } else {
            i += 1;
            continue;
        };
        let mut end = i + scheme;
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            end += 1;
        }
        while end > i + scheme && b".,;:!?)\"'".contains(&bytes[end - 1]) {
            end -= 1;
        }
        if end == i + scheme {
            i = end;
            continue;
        }
        if plain_from < i {
            pieces.push(Piece::Text(&text[plain_from..i]));
        }
        // Every boundary is at an ASCII byte, so these slices are whole characters.
        pieces.push(Piece::Link(&text[i..end]));
        plain_from = end;
        i = end;
    }
    if plain_from < bytes.len() {
        pieces.push(Piece::Text(&text[plain_from..]));
    }
    pieces
}

/// The message as HTML: every character escaped, and each `http(s)://` link an anchor that
/// opens in a new tab and tells the target nothing (`noopener noreferrer`), with `nofollow`
/// since customers wrote it.
pub fn to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for piece in linkify(text) {
        match piece {
            Piece::Text(t) => escape_into(&mut out, t),
            Piece::Link(url) => {
                out.push_str("<a href=\"");
                escape_into(&mut out, url);
                out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">");
                escape_into(&mut out, url);
                out.push_str("</a>");
            }
        }
    }
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_links_in_a_message_are_found_and_nothing_else() {
        assert_eq!(
            linkify("See https://acme.test/a?b=1. Thanks"),
            vec![
                Piece::Text("See "),
                Piece::Link("https://acme.test/a?b=1"),
                Piece::Text(". Thanks")
            ]
        );
        assert_eq!(
            linkify("(http://x.test)"),
            vec![
                Piece::Text("("),
                Piece::Link("http://x.test"),
                Piece::Text(")")
            ]
        );
        for plain in [
            "javascript:alert(1)",
            "httpx://a",
            "http:// a",
            "an http word",
            "",
        ] {
            assert!(
                linkify(plain).iter().all(|p| matches!(p, Piece::Text(_))),
                "{plain:?}"
            );
        }
        let joined: String = linkify("a http://b.test c https://d.test")
            .iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Link(t) => *t,
            })
            .collect();
        assert_eq!(joined, "a http://b.test c https://d.test");
    }

    #[test]
    fn markup_in_a_message_is_shown_as_text_and_links_cannot_break_out() {
        assert_eq!(
            to_html("<script>alert(1)</script> & co"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
        let html = to_html("see https://x.test/\"onmouseover=alert(1)");
        assert!(!html.contains("\"onmouseover"), "{html}");
        assert!(
            html.starts_with("see <a href=\"https://x.test/&quot;onmouseover"),
            "{html}"
        );
        assert_eq!(to_html("javascript:alert(1)"), "javascript:alert(1)");
        assert!(to_html("go to http://a.test.").ends_with("</a>."));
    }
}
