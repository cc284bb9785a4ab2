//! Markdown turned into HTML that is safe to show: article bodies, and what agents write in
//! replies and notes. CommonMark (with tables and strikethrough) is rendered by pulldown-cmark,
//! then cleaned by ammonia's allowlist, so raw HTML, scripts, event handlers and `javascript:`
//! links cannot come through whatever the author wrote.

use std::sync::LazyLock;

use porthole_types::Author;
use pulldown_cmark::{html, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::links::{self, Piece};

const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

pub fn to_safe_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, OPTIONS));
    ARTICLES.clean(&raw).to_string()
}

/// An agent's reply or note. Agents write as they would an email, so a single line break
/// stays a line break, and a web address pasted bare is a link, as it is in a customer's
/// message. Links open in a new tab. Images are taken out: a remote image in a
/// reply would tell its server when, and from where, each customer read it. The result is
/// wrapped in `ph-md` for the readers' stylesheets, and has no line breaks of its own outside
/// code blocks, so it reads right even where messages are pre-wrapped text.
pub fn reply_to_safe_html(markdown: &str) -> String {
    // Depth of links and code blocks: a bare address inside one is left as it is.
    let mut inside = 0usize;
    let events = Parser::new_ext(markdown, OPTIONS).flat_map(move |event| match event {
        Event::SoftBreak => vec![Event::HardBreak],
        Event::Start(tag @ (Tag::Link { .. } | Tag::CodeBlock(_))) => {
            inside += 1;
            vec![Event::Start(tag)]
        }
        Event::End(end @ (TagEnd::Link | TagEnd::CodeBlock)) => {
            inside -= 1;
            vec![Event::End(end)]
        }
        Event::Text(text) if inside == 0 => bare_links(&text),
        other => vec![other],
    });
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, events);
    let clean = REPLIES.clean(&raw).to_string();
    format!(
        "<div class=\"ph-md\">{}</div>",
        without_layout_breaks(&clean)
    )
}

/// Text with each bare `http(s)://` address made a link.
fn bare_links(text: &str) -> Vec<Event<'static>> {
    let mut events = Vec::new();
    for piece in links::linkify(text) {
        match piece {
            Piece::Text(t) => events.push(Event::Text(CowStr::from(t.to_owned()))),
            Piece::Link(url) => events.extend([
                Event::Start(Tag::Link {
                    link_type: LinkType::Autolink,
                    dest_url: CowStr::from(url.to_owned()),
                    title: CowStr::Borrowed(""),
                    id: CowStr::Borrowed(""),
                }),
                Event::Text(CowStr::from(url.to_owned())),
                Event::End(TagEnd::Link),
            ]),
        }
    }
    events
}

/// The renderer's line breaks between tags dropped, and any other outside `<pre>` made a
/// space (a break the writer meant is a `<br>` by now).
fn without_layout_breaks(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_pre = false;
    for (i, c) in html.char_indices() {
        let rest = &html[i..];
        if rest.starts_with("<pre") {
            in_pre = true;
        } else if rest.starts_with("</pre>") {
            in_pre = false;
        }
        match c {
            '\n' if in_pre => out.push(c),
            '\n' if out.ends_with('>') => {}
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A message as its readers see it: a customer's words escaped with their web links made
/// links, an agent's Markdown rendered and cleaned.
pub fn message_html(author: Author, body: &str) -> String {
    match author {
        Author::User => links::to_html(body),
        Author::Agent => reply_to_safe_html(body),
    }
}

/// The allowlists, built once: a `Builder` is a few dozen hash sets, and building one for each
/// message cost more than cleaning it when a ticket's messages are drawn.
static ARTICLES: LazyLock<ammonia::Builder<'static>> = LazyLock::new(cleaner);
static REPLIES: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut cleaner = cleaner();
    cleaner
        .rm_tags(["img"])
        .set_tag_attribute_value("a", "target", "_blank");
    cleaner
});

fn cleaner() -> ammonia::Builder<'static> {
    let mut cleaner = ammonia::Builder::default();
    cleaner
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"));
    cleaner
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_reply_keeps_its_line_breaks_and_formatting_and_links_open_in_a_new_tab() {
        let html =
            reply_to_safe_html("Hi Ada,\nTry **this**:\n\n- one\n- [docs](https://acme.test/d)");
        assert!(
            html.starts_with(
                "<div class=\"ph-md\"><p>Hi Ada,<br>Try <strong>this</strong>:</p><ul><li>one</li>"
            ),
            "{html}"
        );
        assert!(!html.contains('\n'), "{html}");
        assert!(html.contains("<strong>this</strong>"), "{html}");
        assert!(html.contains("<li>one</li>"), "{html}");
        assert!(html.contains(r#"target="_blank""#), "{html}");
        assert!(html.ends_with("</div>"), "{html}");
    }

    #[test]
    fn a_bare_web_address_becomes_a_link_but_not_inside_code_or_another_link() {
        let html = reply_to_safe_html(
            "See https://docs.test/guide. Not javascript:alert(1)\n\n\
             `https://code.test/x` [named](https://named.test/) <https://angle.test/>",
        );
        assert!(
            html.contains(
                r#"See <a href="https://docs.test/guide" target="_blank" rel="noopener noreferrer nofollow">https://docs.test/guide</a>. Not javascript:alert(1)"#
            ),
            "{html}"
        );
        assert!(html.contains("<code>https://code.test/x</code>"), "{html}");
        assert_eq!(html.matches("<a ").count(), 3, "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
    }

    #[test]
    fn code_blocks_keep_their_lines() {
        let html = reply_to_safe_html("See:\n\n```\nfn main() {\n}\n```\nDone");
        assert!(
            html.contains("<pre><code>fn main() {\n}\n</code></pre>"),
            "{html}"
        );
        assert!(html.ends_with("</pre><p>Done</p></div>"), "{html}");
    }

    #[test]
    fn a_reply_loses_scripts_handlers_and_remote_images() {
        let html = reply_to_safe_html(
            "![pixel](https://tracker.test/p.png) <img src=x onerror=alert(1)>\n\n\
             <script>alert(2)</script> [x](javascript:alert(3)) <b onclick=alert(4)>b</b>",
        );
        for bad in [
            "<img",
            "tracker.test",
            "onerror",
            "<script",
            "href=\"javascript",
            "onclick",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    fn only_agents_write_markdown_customers_words_are_text() {
        assert_eq!(
            message_html(Author::User, "**hi** <b>x</b>"),
            "**hi** &lt;b&gt;x&lt;/b&gt;"
        );
        assert!(message_html(Author::Agent, "**hi**").contains("<strong>hi</strong>"));
    }
}
