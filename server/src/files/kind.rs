//! What an uploaded file is, judged by its bytes, and the name it is kept under.
//!
//! The allowlist is the Workestra document's: JPEG, PNG, GIF, WebP, PDF, plain text, CSV, Word
//! and Excel. The uploader's name and declared type decide nothing: a renamed executable is
//! still an executable, and an HTML page named `.png` is still a page.

use porthole_types::limits::FILE_MAX_BYTES;

/// A file that passed the checks: its safe name and the type its bytes show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub name: String,
    pub content_type: &'static str,
}

/// Why a file was refused, in words for the person who chose it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than 10 MB")]
    TooLarge,
    #[error("this kind of file cannot be attached; attach an image (JPEG, PNG, GIF, WebP), a PDF, a text or CSV file, or a Word or Excel document")]
    NotAllowed,
    #[error("this image could not be read; it may be damaged")]
    Unreadable,
    #[error("this image is too large: at most 50 megapixels (a GIF 16), and an animation at most 100 megapixels in all its frames")]
    ImageTooLarge,
}

/// The types accepted by their magic bytes, with the extensions that may stand for each; the
/// first is the one added when the name has none of them.
const BINARY: &[(&str, &[&str])] = &[
    ("image/jpeg", &["jpg", "jpeg"]),
    ("image/png", &["png"]),
    ("image/gif", &["gif"]),
    ("image/webp", &["webp"]),
    ("application/pdf", &["pdf"]),
    ("application/msword", &["doc"]),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &["docx"],
    ),
    ("application/vnd.ms-excel", &["xls"]),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &["xlsx"],
    ),
];
const TEXT: (&str, &[&str]) = ("text/plain; charset=utf-8", &["txt", "text", "log", "md"]);
const CSV: (&str, &[&str]) = ("text/csv; charset=utf-8", &["csv"]);

/// Markup a browser would run if it ever rendered the file. Images carrying it are refused as
/// polyglots, even though every file is served as a download in a sandbox. (Text may quote
/// code, so text is refused only when it opens as markup.)
const MARKUP: &[&[u8]] = &[
    b"<script",
    b"<html",
    b"<!doctype",
    b"<svg",
    b"<iframe",
    b"<body",
    b"<?xml",
    b"<object",
    b"<embed",
    b"javascript:",
];

const NAME_MAX_CHARS: usize = 120;

pub fn check(name: &str, bytes: &[u8]) -> Result<Checked, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    if bytes.len() > FILE_MAX_BYTES {
        return Err(Refusal::TooLarge);
    }
    let name = safe_name(name);
    let (content_type, extensions) = match infer::get(bytes) {
        Some(found) => *BINARY
            .iter()
            .find(|(mime, _)| *mime == found.mime_type())
            .ok_or(Refusal::NotAllowed)?,
        None if is_text(bytes) => {
            if extension(&name).as_deref() == Some("csv") {
                CSV
            } else {
                TEXT
            }
        }
        None => return Err(Refusal::NotAllowed),
    };
    // PDF and Office files are containers that may hold anything and are never rendered by
    // the browser from our origin; an image must be an image and nothing more.
    if content_type.starts_with("image/") && carries_markup(bytes) {
        return Err(Refusal::NotAllowed);
    }
    let name = match extension(&name) {
        Some(ext) if extensions.contains(&ext.as_str()) => name,
        _ => format!("{name}.{}", extensions[0]),
    };
    Ok(Checked { name, content_type })
}

/// UTF-8 (a byte-order mark allowed) with no control characters but tabs, line breaks and
/// form feeds: what a text or CSV file holds, and what an executable never does.
fn is_text(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let first = text.trim_start().as_bytes().first().copied();
    // Whatever opens with a tag is markup (HTML, SVG, XML), not text.
    first != Some(b'<')
        && !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
}

fn carries_markup(bytes: &[u8]) -> bool {
    let lower = bytes.to_ascii_lowercase();
    MARKUP
        .iter()
        .any(|needle| lower.windows(needle.len()).any(|w| w == *needle))
}

fn extension(name: &str) -> Option<String> {
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// The last path component, without control characters, quotes or leading dots, at most
/// 120 characters (the extension kept), and never empty.
fn safe_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '*' | '?' | '|'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_owned();
    if cleaned.is_empty() {
        return "file".into();
    }
    if cleaned.chars().count() <= NAME_MAX_CHARS {
        return cleaned;
    }
    let ext = extension(&cleaned).filter(|e| e.chars().count() <= 10);
    let keep = NAME_MAX_CHARS - ext.as_ref().map_or(0, |e| e.chars().count() + 1);
    let stem: String = cleaned.chars().take(keep).collect();
    match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

    #[test]
    fn images_are_known_by_their_bytes_whatever_their_name() {
        let png = check("photo.jpg", PNG).unwrap();
        assert_eq!(png.content_type, "image/png");
        assert_eq!(png.name, "photo.jpg.png");
        assert_eq!(check("shot.PNG", PNG).unwrap().name, "shot.PNG");
    }

    #[test]
    fn executables_and_pages_are_refused_whatever_their_name() {
        let exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0\0\0\0\0@\0";
        assert_eq!(check("report.pdf", exe), Err(Refusal::NotAllowed));
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0";
        assert_eq!(check("notes.txt", elf), Err(Refusal::NotAllowed));
        let page = b"<!DOCTYPE html><html><script>alert(1)</script></html>";
        assert_eq!(check("cat.png", page), Err(Refusal::NotAllowed));
        let svg = b"  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>";
        assert_eq!(check("logo.txt", svg), Err(Refusal::NotAllowed));
    }

    #[test]
    fn an_image_that_is_also_a_page_is_refused() {
        let mut polyglot = b"GIF89a\x01\0\x01\0\0\0\0;".to_vec();
        polyglot.extend_from_slice(b"<SCRIPT>alert(document.domain)</SCRIPT>");
        assert_eq!(check("x.gif", &polyglot), Err(Refusal::NotAllowed));
    }

    #[test]
    fn text_and_csv_are_told_apart_by_name_only_once_the_bytes_are_text() {
        let csv = check("export.CSV", b"a,b\n1,2\n").unwrap();
        assert_eq!(csv.content_type, "text/csv; charset=utf-8");
        let log = check("server", "caf\u{e9} log\r\n\tindented".as_bytes()).unwrap();
        assert_eq!(
            (log.name.as_str(), log.content_type),
            ("server.txt", TEXT.0)
        );
        assert_eq!(check("bin.txt", b"abc\0def"), Err(Refusal::NotAllowed));
        assert_eq!(check("latin1.txt", b"caf\xe9"), Err(Refusal::NotAllowed));
    }

    #[test]
    fn empty_and_oversized_files_are_refused() {
        assert_eq!(check("a.txt", b""), Err(Refusal::Empty));
        let big = vec![b'a'; FILE_MAX_BYTES + 1];
        assert_eq!(check("a.txt", &big), Err(Refusal::TooLarge));
    }

    #[test]
    fn names_lose_their_paths_and_stay_short() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("..\\..\\boot.ini"), "boot.ini");
        assert_eq!(safe_name("../.."), "file");
        assert_eq!(safe_name(".htaccess"), "htaccess");
        assert_eq!(safe_name("a\"b\r\n<c>.txt"), "abc.txt");
        let long = format!("{}.pdf", "x".repeat(300));
        let short = safe_name(&long);
        assert_eq!(short.chars().count(), NAME_MAX_CHARS);
        assert!(short.ends_with(".pdf"));
    }
}
