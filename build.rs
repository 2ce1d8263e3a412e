//! For the browser app only (feature `web`):
//! - writes `$OUT_DIR/bundled.rs` with the bundled questionnaire files and their catalogue
//!   entries (id, title, purpose, audience, time, whether it is a quiz). Why: the home page lists the
//!   questionnaires on the first load, while the files themselves and the parser and
//!   validator that read them sit in a module fetched afterwards (`src/web/lazy.rs`). The
//!   catalogue is read here from the same files, so it cannot drift. The files go in
//!   without their comments (notes for maintainers and reviewers, 15% of the text, 8.5 KB
//!   gzip of what every device installs for offline use), lines kept so that line numbers
//!   still match the files; the build fails if a file without comments reads differently;
//! - links the app's wasm with `--emit-relocs`, which wasm-split needs to split it
//!   (`scripts/trunk-post-build.mjs`). Only the app: binaryen cannot optimise a module that
//!   keeps its relocations, which the PDF worker would.

use std::{env, fmt::Write, fs, path::Path};

use toml_parser::lexer::TokenKind;

/// The questionnaires shipped with the app, in the order the home page lists them.
const BUNDLED: [&str; 6] = [
    "unicef-psea-2020",
    "un-common-psea",
    "cash-transfer-sea-risk",
    "distribution-sea-risk",
    "programme-sea-risk-flags",
    "psea-training-quiz",
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if env::var_os("CARGO_FEATURE_WEB").is_none() {
        return;
    }
    if env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32") {
        println!("cargo::rustc-link-arg-bin=app=--emit-relocs");
    }
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut sources = String::new();
    let mut entries = String::new();
    for name in BUNDLED {
        let path = Path::new(&root)
            .join("questionnaires")
            .join(format!("{name}.toml"));
        println!("cargo::rerun-if-changed={}", path.display());
        let shown = format!("questionnaires/{name}.toml");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{shown}: {e}"));
        let doc: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{shown}: {e}"));
        let head = doc
            .get("questionnaire")
            .and_then(|v| v.as_table())
            .unwrap_or_else(|| panic!("{shown}: no [questionnaire] table"));
        let field = |key: &str| {
            head.get(key)
                .unwrap_or_else(|| panic!("{shown}: [questionnaire] has no `{key}`"))
        };
        let text_of = |key: &str| {
            let table = field(key)
                .as_table()
                .unwrap_or_else(|| panic!("{shown}: `{key}` is not a {{ fr = …, en = … }} table"));
            let pairs: Vec<String> = table
                .iter()
                .map(|(lang, v)| format!("({lang:?}, {:?})", v.as_str().unwrap_or_default()))
                .collect();
            format!("&[{}]", pairs.join(", "))
        };
        let bare = without_comments(&text);
        let bare_doc: toml::Table =
            toml::from_str(&bare).unwrap_or_else(|e| panic!("{shown} without its comments: {e}"));
        assert!(
            bare_doc == doc,
            "{shown} reads differently without its comments"
        );
        let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
            .join(format!("{name}.toml"));
        fs::write(&out, bare).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
        writeln!(
            sources,
            "    include_str!({:?}),",
            out.display().to_string()
        )
        .unwrap();
        writeln!(
            entries,
            "    CatalogueEntry {{ id: {:?}, title: {}, purpose: {}, audience: {}, minutes: {}, quiz: {} }},",
            field("id").as_str().unwrap_or_default(),
            text_of("title"),
            text_of("purpose"),
            text_of("audience"),
            field("duration_minutes").as_integer().unwrap_or_default(),
            doc.get("scoring")
                .and_then(|s| s.get("rule"))
                .and_then(|r| r.as_str())
                == Some("quiz"),
        )
        .unwrap();
    }
    let n = BUNDLED.len();
    let out = format!(
        "/// The bundled questionnaire files (TOML), compiled in so they work offline.\n\
         pub const SOURCES: [&str; {n}] = [\n{sources}];\n\n\
         /// What the home page shows of each bundled questionnaire, in the same order.\n\
         pub const CATALOGUE: [CatalogueEntry; {n}] = [\n{entries}];\n"
    );
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    fs::write(dest, out).expect("write bundled.rs");
}

/// `text` with every comment removed (found by the TOML lexer, so a `#` inside a string stays),
/// its line breaks kept, and the spaces left before a removed comment trimmed.
fn without_comments(text: &str) -> String {
    let source = toml_parser::Source::new(text);
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for token in source.lex() {
        if token.kind() == TokenKind::Comment {
            let span = token.span();
            out.push_str(text[from..span.start()].trim_end_matches([' ', '\t']));
            from = span.end();
        }
    }
    out.push_str(&text[from..]);
    out
}
