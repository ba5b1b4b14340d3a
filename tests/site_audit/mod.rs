//! Reading a built site back and auditing it: every file as text, the tags and attributes
//! of HTML, the link targets of HTML and Markdown, and the rules a shared folder and a
//! page built from hostile input must keep. Shared by the audience, markup and property
//! tests so that all three judge output by the same rules.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;

/// Every file under `root`, by its path relative to `root` with `/` separators, as text
/// (lossy: a stray byte must not hide a marker from the search).
pub fn read_tree(root: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("walk site");
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(root)
            .expect("under root")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = std::fs::read(entry.path()).expect("read site file");
        files.insert(relative, String::from_utf8_lossy(&bytes).into_owned());
    }
    files
}

/// Every file under `root` as bytes, by relative path: for byte-for-byte comparisons.
pub fn read_tree_bytes(root: &Path) -> BTreeMap<String, Vec<u8>> {
    read_tree(root)
        .into_keys()
        .map(|path| {
            let bytes = std::fs::read(root.join(&path)).expect("read site file");
            (path, bytes)
        })
        .collect()
}

/// One start tag of an HTML document: its lower-case name and attributes (names lower
/// case, values with entities decoded).
#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

/// The start tags of an HTML document, read the way a browser tokenizer reads them
/// (quoted and unquoted attribute values, comments and doctypes skipped), so that an
/// attribute smuggled in by unescaped text is found even where a substring search would
/// be fooled by escaped text.
pub fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        i += offset + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        let Some(&first) = bytes.get(i) else { break };
        if !first.is_ascii_alphabetic() {
            // `</x>`, `<!DOCTYPE>`, `<?x>`: not a start tag.
            continue;
        }
        let name_end = html[i..]
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .map_or(html.len(), |e| i + e);
        let name = html[i..name_end].to_ascii_lowercase();
        i = name_end;
        let mut attrs = Vec::new();
        loop {
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
            {
                i += 1;
            }
            match bytes.get(i) {
                None => break,
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(_) => {}
            }
            let attr_end = html[i..]
                .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '=' || c == '/')
                .map_or(html.len(), |e| i + e);
            // A name starts with any character but `=`, so one step is always taken.
            let attr_end = attr_end.max(i + html[i..].chars().next().map_or(1, char::len_utf8));
            let attr = html[i..attr_end].to_ascii_lowercase();
            i = attr_end;
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[i + 1..]
                            .find(q as char)
                            .map_or(html.len(), |e| i + 1 + e);
                        value = html[i + 1..end].to_string();
                        i = (end + 1).min(html.len());
                    }
                    _ => {
                        let end = html[i..]
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .map_or(html.len(), |e| i + e);
                        value = html[i..end].to_string();
                        i = end;
                    }
                }
            }
            attrs.push((attr, decode_entities(&value)));
        }
        out.push(Tag { name, attrs });
    }
    out
}

/// Decodes the character references a browser would decode in an attribute value.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let code = if let Some(hex) = entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
            {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = entity.strip_prefix('#') {
                dec.parse().ok()
            } else {
                match entity {
                    "amp" => Some('&' as u32),
                    "lt" => Some('<' as u32),
                    "gt" => Some('>' as u32),
                    "quot" => Some('"' as u32),
                    "apos" => Some('\'' as u32),
                    "colon" => Some(':' as u32),
                    "Tab" => Some('\t' as u32),
                    "NewLine" => Some('\n' as u32),
                    _ => None,
                }
            };
            code.and_then(char::from_u32).map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Attributes whose value a browser loads or follows as a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "xlink:href",
    "action",
    "formaction",
    "poster",
    "srcset",
    "data",
    "background",
    "cite",
    "longdesc",
    "ping",
];

/// Elements that run code or pull in other documents; no page of rapport emits them (the
/// stylesheet is a linked file).
const FORBIDDEN_TAGS: &[&str] = &[
    "script", "iframe", "object", "embed", "style", "frame", "frameset", "applet", "base", "form",
    "noscript", "template", "math",
];

/// A URL value as a browser resolves its scheme: entities decoded, ASCII whitespace and
/// control characters dropped, lower case.
pub fn normalised_url(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The scheme of a URL, if it has one (`https`, `javascript`, ...).
pub fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    ok.then_some(candidate)
}

/// Whether a URL would run code or embed a document: `javascript:`, `vbscript:`, `data:`.
pub fn is_dangerous_url(value: &str) -> bool {
    let url = normalised_url(value);
    matches!(
        scheme(&url),
        Some("javascript" | "vbscript" | "data" | "livescript")
    )
}

/// Every way an HTML page could run code, each as one line naming the file: forbidden
/// elements, `on*` attributes, `style` attributes, dangerous URLs, and `<script`-like text
/// that is not escaped.
pub fn html_injections(path: &str, html: &str) -> Vec<String> {
    // rapport's own scripts at the root of the internal site, from any depth.
    fn is_table_script(src: &str) -> bool {
        let mut rest = src;
        while let Some(up) = rest.strip_prefix("../") {
            rest = up;
        }
        ["tables.js", "search.js", "search/docs.js"].contains(&rest)
    }
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    // The internal pages load rapport's own table script, and nothing else may.
    let mut ours = lower.clone();
    for ours_script in ["search.js", "search/docs.js"] {
        ours = ours.replacen(
            &format!("<script src=\"{ours_script}\" defer></script>"),
            "",
            1,
        );
    }
    for up in ["", "../", "../../", "../../../"] {
        ours = ours.replacen(
            &format!("<script src=\"{up}tables.js\" defer></script>"),
            "",
            1,
        );
    }
    for needle in ["<script", "<iframe", "<object", "<style", "<embed"] {
        if ours.contains(needle) {
            found.push(format!("{path}: raw `{needle}` in the page"));
        }
    }
    let mut policies = 0;
    let mut scripts = 0;
    for tag in tags(html) {
        let our_script = tag.name == "script"
            && tag.attrs.len() == 2
            && tag
                .attrs
                .iter()
                .any(|(n, v)| n == "src" && is_table_script(v))
            && tag.attrs.iter().any(|(n, _)| n == "defer");
        if our_script {
            scripts += 1;
        }
        if FORBIDDEN_TAGS.contains(&tag.name.as_str()) && !(our_script && scripts <= 3) {
            found.push(format!("{path}: <{}> element", tag.name));
        }
        // One `<meta http-equiv>` is rapport's own: the Content-Security-Policy of base.html,
        // word for word. Any other (a refresh, a second policy) was injected.
        let attr = |name: &str| tag.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        if tag.name == "meta" && attr("http-equiv").is_some() {
            let ours = attr("http-equiv").is_some_and(|v| v == "Content-Security-Policy")
                && attr("content").is_some_and(|v| {
                    v == rapport::render::CONTENT_SECURITY_POLICY
                        || v == rapport::render::INTERNAL_CONTENT_SECURITY_POLICY
                })
                && tag.attrs.len() == 2;
            policies += usize::from(ours);
            if !ours || policies > 1 {
                found.push(format!("{path}: <meta http-equiv>"));
            }
        }
        if tag.name == "link"
            && !tag
                .attrs
                .iter()
                .any(|(n, v)| n == "rel" && v == "stylesheet")
        {
            found.push(format!("{path}: <link> that is not the stylesheet"));
        }
        for (name, value) in &tag.attrs {
            if name.starts_with("on") {
                found.push(format!("{path}: <{} {name}=…> event attribute", tag.name));
            }
            if name == "style" || name == "srcdoc" {
                found.push(format!("{path}: <{} {name}=…> attribute", tag.name));
            }
            if URL_ATTRIBUTES.contains(&name.as_str()) && is_dangerous_url(value) {
                found.push(format!("{path}: <{} {name}=\"{value}\">", tag.name));
            }
        }
    }
    found
}

/// Where one link of a page points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub file: String,
    pub target: String,
}

/// Every URL a file points at: `href`/`src`-like attributes of HTML, and link and image
/// destinations (inline, reference, autolink) of Markdown, plus URL attributes of any raw
/// HTML inside Markdown.
pub fn links(path: &str, text: &str) -> Vec<Link> {
    let link = |target: &str| Link {
        file: path.to_string(),
        target: target.to_string(),
    };
    let mut out = Vec::new();
    let html_links = |html: &str, out: &mut Vec<Link>| {
        for tag in tags(html) {
            for (name, value) in &tag.attrs {
                if URL_ATTRIBUTES.contains(&name.as_str()) {
                    out.push(link(value));
                }
            }
        }
    };
    if path.ends_with(".html") {
        html_links(text, &mut out);
    } else if path.ends_with(".md") {
        use pulldown_cmark::{Event, Options, Parser, Tag as MdTag};
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_FOOTNOTES;
        let parser = Parser::new_ext(text, options);
        let definitions: Vec<String> = parser
            .reference_definitions()
            .iter()
            .map(|(_, d)| d.dest.to_string())
            .collect();
        out.extend(definitions.iter().map(|d| link(d)));
        let mut raw = String::new();
        for event in parser {
            match event {
                Event::Start(MdTag::Link { dest_url, .. } | MdTag::Image { dest_url, .. }) => {
                    out.push(link(&dest_url));
                }
                Event::Html(h) | Event::InlineHtml(h) => raw.push_str(&h),
                _ => {}
            }
        }
        html_links(&raw, &mut out);
    }
    out
}

/// Whether a link found in `file` (a path under `shared/<id>/`) stays inside that same
/// folder, or leaves for the outside world by `http`, `https` or `mailto`.
pub fn stays_in_shared_folder(file: &str, target: &str) -> Result<(), String> {
    let mut parts = file.split('/');
    let (Some("shared"), Some(id)) = (parts.next(), parts.next()) else {
        return Err(format!("{file} is not in a shared folder"));
    };
    let url = normalised_url(target);
    if let Some(scheme) = scheme(&url) {
        return match scheme {
            "http" | "https" | "mailto" => Ok(()),
            other => Err(format!("`{target}` uses the scheme `{other}:`")),
        };
    }
    if url.starts_with("//") || url.starts_with('\\') || target.trim_start().starts_with('/') {
        return Err(format!("`{target}` leaves the folder by an absolute path"));
    }
    // Browsers read `%2e` as a dot and `\` as `/` when they resolve a path.
    let path = target
        .split(['#', '?'])
        .next()
        .unwrap_or_default()
        .replace("%2e", ".")
        .replace("%2E", ".")
        .replace('\\', "/");
    let mut resolved: Vec<&str> = file.split('/').collect();
    resolved.pop();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if resolved.pop().is_none() {
                    return Err(format!("`{target}` climbs above the site root"));
                }
            }
            other => resolved.push(other),
        }
    }
    if resolved.len() >= 2 && resolved[0] == "shared" && resolved[1] == id {
        Ok(())
    } else {
        Err(format!(
            "`{target}` resolves to `{}`, outside shared/{id}/",
            resolved.join("/")
        ))
    }
}

/// Every link of every file under `shared/` that leaves its own shared folder.
pub fn links_leaving_shared_folders(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut bad = Vec::new();
    for (path, text) in files.iter().filter(|(p, _)| p.starts_with("shared/")) {
        for link in links(path, text) {
            if let Err(why) = stays_in_shared_folder(path, &link.target) {
                bad.push(format!("{path}: {why}"));
            }
        }
    }
    bad
}

/// Copies a folder tree (for tests that change a copy of the sample workspace).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let relative = entry.path().strip_prefix(from).expect("under from");
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The project's sample workspace.
pub fn sample_data() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// Runs the `rapport` binary with `args` in `dir`: (exit code, stdout, stderr).
pub fn rapport(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run rapport");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The date every test builds at, so output does not depend on the day the test runs.
pub const AS_OF: &str = "2026-11-26";

/// Builds `workspace` into `out` at [`AS_OF`] without git history; panics with stderr
/// unless the build succeeds.
pub fn build_ok(workspace: &Path, out: &Path) -> BTreeMap<String, String> {
    let (code, _, stderr) = build(workspace, out);
    assert_eq!(code, 0, "build failed:\n{stderr}");
    read_tree(out)
}

/// Builds `workspace` into `out` at [`AS_OF`]: (exit code, stdout, stderr).
pub fn build(workspace: &Path, out: &Path) -> (i32, String, String) {
    let cwd = workspace.parent().unwrap_or(workspace);
    rapport(
        cwd,
        &[
            "build",
            workspace.to_str().expect("utf-8 path"),
            "--out",
            out.to_str().expect("utf-8 path"),
            "--as-of",
            AS_OF,
            "--no-history",
        ],
    )
}
