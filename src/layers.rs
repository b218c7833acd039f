//! The import rules of ARCHITECTURE.md, checked on the sources so they stay true.

use std::path::{Path, PathBuf};

/// The capability areas: each may use another's views, never its routes.
const AREAS: [&str; 20] = [
    "accounts",
    "api",
    "comments",
    "curation",
    "feeds",
    "ideas",
    "mail",
    "moderation",
    "opendata",
    "newsletter",
    "notifications",
    "organisations",
    "pages",
    "privacy",
    "review",
    "search",
    "seed",
    "tags",
    "themes",
    "workshops",
];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Every `crate::<module>` a file names (in `use` lines and in paths), with its line.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (i, _) in code.match_indices("crate::") {
            // `$crate::` inside a macro is the macro's own crate, not an import.
            if code[..i].ends_with('$') {
                continue;
            }
            let rest: String = code[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push((n + 1, rest));
        }
    }
    out
}

/// Paths under `dir` that name a module outside `allowed`.
fn violations(dir: &str, allowed: &[&str]) -> Vec<String> {
    let mut bad = Vec::new();
    for file in rust_files(Path::new(dir)) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (line, path) in crate_paths(&text) {
            let first = path.split("::").next().unwrap_or("");
            if !allowed.contains(&first) {
                bad.push(format!("{}:{line}: crate::{path}", file.display()));
            }
        }
    }
    bad
}

#[test]
fn the_domain_imports_nothing_of_the_app() {
    let bad = violations("src/domain", &["domain", "stored_as_text"]);
    assert!(bad.is_empty(), "domain reaches up: {bad:#?}");
}

#[test]
fn the_db_layer_imports_only_the_domain() {
    let bad = violations("src/db", &["db", "domain"]);
    assert!(bad.is_empty(), "db reaches up: {bad:#?}");
}

#[test]
fn areas_never_import_another_areas_routes() {
    let mut bad = Vec::new();
    for area in AREAS {
        for file in rust_files(&Path::new("src").join(area)) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for (line, path) in crate_paths(&text) {
                let mut parts = path.split("::");
                let (first, second) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                if first != area && AREAS.contains(&first) && second.starts_with("routes") {
                    bad.push(format!("{}:{line}: crate::{path}", file.display()));
                }
            }
        }
    }
    assert!(bad.is_empty(), "an area uses another's routes: {bad:#?}");
}

#[test]
fn the_checks_see_what_they_should() {
    let found =
        crate_paths("use crate::web::Ctx;\n// crate::i18n in a comment\nlet x = $crate::y;");
    assert_eq!(found, vec![(1, "web::Ctx".to_string())]);
}
