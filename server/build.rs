//! Embeds the built panel and loader (`widget/dist`, made by `scripts/build-widget.sh`) in the
//! binary, so one file is the whole product. Immutable assets get content-hashed names, and
//! every asset gets gzip and brotli copies made once, here, instead of on each request.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use sha2::{Digest, Sha256};

/// File in `widget/dist`, its content type, and whether its name carries its hash.
const FILES: &[(&str, &str, bool)] = &[
    ("loader.js", "text/javascript; charset=utf-8", false),
    ("porthole_widget.js", "text/javascript; charset=utf-8", true),
    ("porthole_widget_bg.wasm", "application/wasm", true),
    // The lazily loaded module: its wasm first, so that its script can name it (see `embed`).
    ("porthole_extras_bg.wasm", "application/wasm", true),
    ("extras.css", "text/css; charset=utf-8", true),
    ("porthole_extras.js", "text/javascript; charset=utf-8", true),
    ("widget.css", "text/css; charset=utf-8", true),
    ("pages.css", "text/css; charset=utf-8", true),
    // The agents' console, its own bundle: its wasm first, as for the lazy module.
    ("porthole_console_bg.wasm", "application/wasm", true),
    (
        "porthole_console.js",
        "text/javascript; charset=utf-8",
        true,
    ),
    ("console.css", "text/css; charset=utf-8", true),
];

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dist = manifest.join("../widget/dist");
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-changed={}", dist.display());
    println!("cargo:rerun-if-env-changed=PORTHOLE_WITHOUT_WIDGET");
    for (file, ..) in FILES {
        println!("cargo:rerun-if-changed={}", dist.join(file).display());
    }

    let mut code = String::from("pub static ASSETS: &[Asset] = &[\n");
    if FILES.iter().all(|(file, ..)| dist.join(file).is_file()) {
        let mut served: Vec<(&str, String)> = Vec::new();
        for (file, content_type, hashed) in FILES {
            let (entry, name) = embed(&dist.join(file), file, content_type, *hashed, &served, &out);
            code.push_str(&entry);
            served.push((file, name));
        }
    } else if env::var_os("PORTHOLE_WITHOUT_WIDGET").is_some() {
        println!("cargo:warning=building without the widget, as PORTHOLE_WITHOUT_WIDGET asks");
    } else {
        // A binary without the panel and loader looks fine until a user clicks the launcher,
        // so a build that silently lacks them is refused.
        panic!(
            "\n\nwidget/dist is not built, and Porthole would ship without its widget.\n\
             Run `scripts/build-widget.sh` first (scripts/demo.sh and scripts/test.sh do).\n\
             To build the API alone on purpose, set PORTHOLE_WITHOUT_WIDGET=1.\n\n"
        );
    }
    code.push_str("];\n");
    fs::write(out.join("assets.rs"), code).expect("writing assets.rs");
}

/// Embeds one asset; returns its entry and the name it is served under. A script may name an
/// asset embedded before it as `__ASSET:<file>__`, which becomes that asset's served path, so
/// that a content-hashed name can be known to the code that loads it.
fn embed(
    path: &Path,
    file: &str,
    content_type: &str,
    hashed: bool,
    served: &[(&str, String)],
    out: &Path,
) -> (String, String) {
    let mut raw = fs::read(path).expect("reading a built asset");
    if file.ends_with(".js") {
        let mut text = String::from_utf8(raw).expect("a script is UTF-8");
        for (earlier, name) in served {
            text = text.replace(&format!("__ASSET:{earlier}__"), &format!("/assets/{name}"));
        }
        raw = text.into_bytes();
    }
    let hash = hex::encode(&Sha256::digest(&raw)[..6]);
    let name = match (hashed, file.rsplit_once('.')) {
        (true, Some((stem, ext))) => format!("{stem}-{hash}.{ext}"),
        _ => file.to_owned(),
    };

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&raw).expect("gzip");
    let gz = gz.finish().expect("gzip");
    let mut br = Vec::new();
    {
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut raw.as_slice(), &mut br, &params).expect("brotli");
    }
    let raw_path = out.join(&name);
    let (gz_path, br_path) = (
        out.join(format!("{name}.gz")),
        out.join(format!("{name}.br")),
    );
    fs::write(&raw_path, &raw).expect("writing");
    fs::write(&gz_path, &gz).expect("writing");
    fs::write(&br_path, &br).expect("writing");

    let mut entry = String::new();
    let _ = writeln!(
        entry,
        "    Asset {{ name: {name:?}, file: {file:?}, content_type: {content_type:?}, \
         immutable: {hashed}, etag: {etag:?}, raw: include_bytes!({raw_path:?}), \
         gzip: include_bytes!({gz_path:?}), brotli: include_bytes!({br_path:?}) }},",
        etag = format!("\"{hash}\""),
    );
    (entry, name)
}
