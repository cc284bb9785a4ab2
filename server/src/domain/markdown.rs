//! Article bodies: Markdown (CommonMark, with tables and strikethrough) turned into HTML, then
//! cleaned by ammonia's allowlist, so raw HTML, scripts, event handlers and `javascript:`
//! links cannot come through whatever the author wrote.

use pulldown_cmark::{html, Options, Parser};

pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn markdown_becomes_html() {
        let html = to_safe_html("# Reset\n\nGo to **Settings** and [click](https://acme.test/x).");
        assert!(html.contains("<h1>Reset</h1>"), "{html}");
        assert!(html.contains("<strong>Settings</strong>"));
        assert!(
            html.contains(
                r#"<a href="https://acme.test/x" rel="noopener noreferrer nofollow">click</a>"#
            ),
            "{html}"
        );
    }

    #[test]
    fn scripts_handlers_raw_html_and_javascript_links_do_not_survive() {
        let evil = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n\
                    [x](javascript:alert(3)) <a href=\"javascript:alert(4)\">y</a>\n\n\
                    <iframe src=\"https://evil.test\"></iframe><style>body{}</style>";
        let html = to_safe_html(evil);
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "<iframe",
            "<style",
            "alert(1)",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }
}
