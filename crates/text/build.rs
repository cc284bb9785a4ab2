//! Turns the Fluent catalogues (`locales/{en,fr,de,es}.ftl`) into Rust tables the server
//! reads without parsing anything at run time, and refuses to build when a catalogue is not
//! whole: every language must have every message of `en.ftl`, of the same kind, with the same
//! variables. The tables fill the structs in `src/lib.rs`, so a message the code names but no
//! catalogue has (or the reverse) is a compile error too.
//!
//! A message is one of three kinds:
//! - text, with `{ $name }` variables, kept as a template with `{name}`;
//! - a plural, `{ $n -> [one] … *[other] … }`, kept as both forms;
//! - a list, a message of attributes only (`.open = Open`), kept as an array in their order.
//!
//! Its id says where it goes: `widget-title` is `widget.title`, `open-support` is
//! `open_support` on the catalogue itself. The groups' structs are written here too, from
//! English (a message's comment is its field's doc), so a message is declared once: a field
//! the code names that no catalogue has is a compile error. The console's group is apart from
//! the catalogue (`console(locale)`), so the console's wasm links its words and nobody else's.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

/// The languages, as `porthole_types::Locale` names them; English first, the reference.
const LOCALES: [(&str, &str); 4] = [("en", "En"), ("fr", "Fr"), ("de", "De"), ("es", "Es")];
/// The catalogue's groups: an id's prefix, the struct that holds them, and what it derives
/// (the panel's words go to it as JSON).
const GROUPS: [(&str, &str, &str); 3] = [
    ("widget", "WidgetTexts", "Debug, Serialize"),
    ("page", "PageTexts", "Debug"),
    ("mail", "MailTexts", "Debug"),
];
/// The console's group, outside the catalogue.
const CONSOLE: (&str, &str, &str) = ("console", "ConsoleTexts", "Debug");

#[derive(Debug, PartialEq)]
enum Kind {
    Text(String),
    Plural { one: String, other: String },
    List(Vec<(String, String)>),
}

impl Kind {
    fn shape(&self) -> (&'static str, Vec<String>) {
        match self {
            Kind::Text(_) => ("text", vec![]),
            Kind::Plural { .. } => ("plural", vec![]),
            Kind::List(items) => ("list", items.iter().map(|(k, _)| k.clone()).collect()),
        }
    }
}

struct Message {
    id: String,
    kind: Kind,
    variables: BTreeSet<String>,
    /// The message's comment, in English: its field's doc.
    doc: Vec<String>,
}

fn main() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("locales");
    let catalogues: Vec<(&str, Vec<Message>)> = LOCALES
        .iter()
        .map(|(file, variant)| {
            let path = dir.join(format!("{file}.ftl"));
            println!("cargo:rerun-if-changed={}", path.display());
            let source = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            (*variant, read(file, &source))
        })
        .collect();
    let reference = &catalogues[0].1;
    for (variant, messages) in &catalogues[1..] {
        check_whole(variant, reference, messages);
    }
    let mut code = String::new();
    for group in GROUPS.iter().chain([&CONSOLE]) {
        write_struct(&mut code, *group, reference);
    }
    for (variant, messages) in &catalogues {
        write_catalogue(&mut code, variant, messages);
        write_console(&mut code, variant, messages);
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("catalogues.rs");
    fs::write(out, code).expect("writing the tables");
}

/// The messages of one catalogue, in its order.
fn read(file: &str, source: &str) -> Vec<Message> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{file}.ftl does not parse: {errors:?}"));
    let mut messages = vec![];
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let id = m.id.name.to_owned();
                let mut variables = BTreeSet::new();
                let kind = match (&m.value, m.attributes.is_empty()) {
                    (Some(value), true) => pattern_kind(file, &id, value, &mut variables),
                    (None, false) => Kind::List(
                        m.attributes
                            .iter()
                            .map(|a| {
                                let text = text(file, &id, &a.value, &mut variables);
                                (a.id.name.to_owned(), text)
                            })
                            .collect(),
                    ),
                    _ => panic!("{file}.ftl: {id} must have a value or attributes, not both"),
                };
                let doc = m
                    .comment
                    .map(|c| c.content.iter().map(|l| l.to_string()).collect())
                    .unwrap_or_default();
                messages.push(Message {
                    id,
                    kind,
                    variables,
                    doc,
                });
            }
            Entry::Junk { content } => panic!("{file}.ftl: cannot read {content:?}"),
            Entry::Term(t) => panic!("{file}.ftl: terms are not used (-{})", t.id.name),
            _ => {}
        }
    }
    messages
}

/// A value: a plural when it is one select on `$n` with `one` and `other`, else text.
fn pattern_kind(file: &str, id: &str, value: &Pattern<&str>, vars: &mut BTreeSet<String>) -> Kind {
    if let [PatternElement::Placeable {
        expression: Expression::Select { selector, variants },
    }] = &value.elements[..]
    {
        let InlineExpression::VariableReference { id: n } = selector else {
            panic!("{file}.ftl: {id} selects on something other than a variable");
        };
        vars.insert(n.name.to_owned());
        let mut form = |name: &str| {
            let variant = variants
                .iter()
                .find(|v| matches!(&v.key, VariantKey::Identifier { name: k } if *k == name))
                .unwrap_or_else(|| panic!("{file}.ftl: {id} lacks its [{name}] form"));
            text(file, id, &variant.value, vars)
        };
        let default_is_other = variants.iter().any(|v| {
            v.default && matches!(&v.key, VariantKey::Identifier { name } if *name == "other")
        });
        assert!(
            default_is_other,
            "{file}.ftl: {id}'s default must be *[other]"
        );
        return Kind::Plural {
            one: form("one"),
            other: form("other"),
        };
    }
    Kind::Text(text(file, id, value, vars))
}

/// Text with `{ $name }` variables, as a template with `{name}`.
fn text(file: &str, id: &str, pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id: var }),
            } => {
                vars.insert(var.name.to_owned());
                write!(out, "{{{}}}", var.name).expect("writing to a string");
            }
            other => panic!("{file}.ftl: {id} has {other:?}, which the tables cannot hold"),
        }
    }
    out
}

/// Every message of English, of the same kind and with the same variables, and nothing else.
fn check_whole(variant: &str, reference: &[Message], messages: &[Message]) {
    let ids = |m: &[Message]| m.iter().map(|m| m.id.clone()).collect::<BTreeSet<_>>();
    let (want, have) = (ids(reference), ids(messages));
    let missing: Vec<_> = want.difference(&have).collect();
    let extra: Vec<_> = have.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{variant}: missing {missing:?}, not in English {extra:?}"
    );
    for m in messages {
        let en = reference
            .iter()
            .find(|r| r.id == m.id)
            .expect("checked above");
        assert_eq!(
            m.kind.shape(),
            en.kind.shape(),
            "{variant}: {} differs from English in kind",
            m.id
        );
        assert_eq!(
            m.variables, en.variables,
            "{variant}: {} has other variables than English",
            m.id
        );
    }
}

/// A group's struct: a field for each of its messages, typed by its kind.
fn write_struct(code: &mut String, (prefix, group, derives): (&str, &str, &str), en: &[Message]) {
    writeln!(code, "#[derive({derives})]\npub struct {group} {{").unwrap();
    for m in en {
        let Some(field) = m.id.strip_prefix(&format!("{prefix}-")) else {
            continue;
        };
        for line in &m.doc {
            writeln!(code, "    /// {line}").unwrap();
        }
        let kind = match &m.kind {
            Kind::Text(_) => "&'static str".to_owned(),
            Kind::Plural { .. } => "Plural".to_owned(),
            Kind::List(items) => format!("[&'static str; {}]", items.len()),
        };
        writeln!(code, "    pub {}: {kind},", field.replace('-', "_")).unwrap();
    }
    writeln!(code, "}}").unwrap();
}

fn write_console(code: &mut String, variant: &str, messages: &[Message]) {
    let (prefix, group, _) = CONSOLE;
    let name = variant.to_uppercase();
    writeln!(
        code,
        "pub(crate) static CONSOLE_{name}: {group} = {group} {{"
    )
    .unwrap();
    for m in messages {
        if let Some(field) = m.id.strip_prefix(&format!("{prefix}-")) {
            write_field(code, variant, field, &m.kind);
        }
    }
    writeln!(code, "}};").unwrap();
}

fn write_catalogue(code: &mut String, variant: &str, messages: &[Message]) {
    let name = variant.to_uppercase();
    writeln!(code, "pub(crate) static {name}: Catalogue = Catalogue {{").unwrap();
    for (prefix, group, _) in GROUPS {
        writeln!(code, "    {prefix}: {group} {{").unwrap();
        for m in messages {
            if let Some(field) = m.id.strip_prefix(&format!("{prefix}-")) {
                write_field(code, variant, field, &m.kind);
            }
        }
        writeln!(code, "    }},").unwrap();
    }
    for m in messages {
        let grouped = GROUPS
            .iter()
            .chain([&CONSOLE])
            .any(|(prefix, _, _)| m.id.starts_with(&format!("{prefix}-")));
        if !grouped {
            write_field(code, variant, &m.id, &m.kind);
        }
    }
    writeln!(code, "}};").unwrap();
}

fn write_field(code: &mut String, variant: &str, id: &str, kind: &Kind) {
    let field = id.replace('-', "_");
    match kind {
        Kind::Text(text) => writeln!(code, "        {field}: {text:?},"),
        Kind::Plural { one, other } => writeln!(
            code,
            "        {field}: Plural {{ one: {one:?}, other: {other:?}, locale: Locale::{variant} }},"
        ),
        Kind::List(items) => {
            let texts: Vec<String> = items.iter().map(|(_, t)| format!("{t:?}")).collect();
            writeln!(code, "        {field}: [{}],", texts.join(", "))
        }
    }
    .expect("writing to a string");
}
