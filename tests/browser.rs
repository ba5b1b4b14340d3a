//! The built site in a real browser: headless Chromium loads the portfolio, an account
//! page, a review pack and a statement and must see no console error and no failed
//! resource; `rapport build --pdf` prints every review pack and statement to a sane PDF.
//!
//! Where no Chromium is installed these tests print `SKIPPED: chromium not found` and
//! pass, unless RAPPORT_REQUIRE_BROWSER=1 (set by .ci/run), where they fail. The tests of
//! `--pdf` error handling use a stand-in browser script and run everywhere.
//!
//! How errors are seen with a plain `chromium` binary: the page is served by a tiny HTTP
//! server in the test, which records every request and answers 404 for a missing file
//! (headless Chromium does not log failed `file://` loads anywhere); console messages and
//! uncaught exceptions appear in Chromium's own log (`--enable-logging=stderr`) as
//! `CONSOLE` lines. The pages have no JavaScript, so any console line is a failure.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser_support;
use browser_support::browser_or_skip;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A hung browser must fail the test, not hang CI. Far above a normal run (about 1 s).
const BROWSER_DEADLINE: Duration = Duration::from_secs(90);
/// `rapport build --pdf` of the sample prints 33 pages, a second or so each.
const BUILD_DEADLINE: Duration = Duration::from_secs(600);

const ACCOUNT: &str = "northwind-supply";
const QUARTER: &str = "2026-Q3";

struct Finished {
    success: bool,
    stdout: String,
    stderr: String,
}

/// Runs `command` to completion with its output in files (a browser can write more than
/// a pipe holds), killing it at `deadline`.
fn run(mut command: Command, deadline: Duration) -> Finished {
    let logs = tempfile::tempdir().unwrap();
    let (out, err) = (logs.path().join("out"), logs.path().join("err"));
    let mut child = command
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} still running after {deadline:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
    Finished {
        success: status.success(),
        stdout: read(&out),
        stderr: read(&err),
    }
}

/// Headless Chromium with a throw-away profile and flags that work as root in a
/// container; nothing but the test server is reachable.
fn chromium(browser: &Path, profile: &Path) -> Command {
    let mut command = Command::new(browser);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// `rapport build` of the sample workspace into `out`.
fn build(args: &[&str], out: &Path, env: &[(&str, &str)]) -> Finished {
    build_workspace(&sample(), args, out, env)
}

fn build_workspace(workspace: &Path, args: &[&str], out: &Path, env: &[(&str, &str)]) -> Finished {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rapport"));
    command
        .arg("build")
        .arg(workspace)
        .arg("--out")
        .arg(out)
        .args(["--as-of", "2026-11-26", "--no-history"])
        .args(args)
        .env_remove("CHROME");
    for (key, value) in env {
        command.env(key, value);
    }
    run(command, BUILD_DEADLINE)
}

/// Every file under `root` with its bytes.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.insert(path.strip_prefix(root).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

/// A static file server over a folder on 127.0.0.1 that records each request's path
/// and status. Folders get 404, as they do from disk.
struct Server {
    server: Arc<tiny_http::Server>,
    port: u16,
    log: Arc<Mutex<Vec<(String, u16)>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start(root: &Path) -> Server {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (root, serving, requests) = (root.to_path_buf(), server.clone(), log.clone());
        let thread = std::thread::spawn(move || {
            for request in serving.incoming_requests() {
                let path = request
                    .url()
                    .split(['?', '#'])
                    .next()
                    .unwrap_or("")
                    .to_string();
                let file = root.join(path.trim_start_matches('/'));
                let found = !path.contains("..") && file.is_file();
                let status = if found { 200 } else { 404 };
                // Chromium asks every HTTP server for a favicon on its own; the pages
                // never link one, and from disk it is never asked for.
                if path != "/favicon.ico" {
                    requests.lock().unwrap().push((path.clone(), status));
                }
                let body = if found {
                    std::fs::read(&file).unwrap()
                } else {
                    Vec::new()
                };
                let kind = match file.extension().and_then(|e| e.to_str()) {
                    Some("html") => "text/html; charset=utf-8",
                    Some("css") => "text/css",
                    Some("svg") => "image/svg+xml",
                    Some("json") => "application/json",
                    Some("png") => "image/png",
                    _ => "application/octet-stream",
                };
                let header = tiny_http::Header::from_bytes("Content-Type", kind).unwrap();
                let response = tiny_http::Response::from_data(body)
                    .with_status_code(status)
                    .with_header(header);
                let _ = request.respond(response);
            }
        });
        Server {
            server,
            port,
            log,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }

    fn take_log(&self) -> Vec<(String, u16)> {
        std::mem::take(&mut *self.log.lock().unwrap())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What went wrong loading one page: failed requests and console lines, and its DOM.
struct Load {
    problems: Vec<String>,
    requests: Vec<(String, u16)>,
    dom: String,
}

fn load(browser: &Path, server: &Server, path: &str) -> Load {
    let profile = tempfile::tempdir().unwrap();
    let mut command = chromium(browser, profile.path());
    command
        .args([
            "--enable-logging=stderr",
            "--v=0",
            "--log-level=0",
            "--dump-dom",
        ])
        .arg(server.url(path));
    let finished = run(command, BROWSER_DEADLINE);
    let requests = server.take_log();
    let mut problems: Vec<String> = requests
        .iter()
        .filter(|(_, status)| *status != 200)
        .map(|(path, status)| format!("{status} for {path}"))
        .collect();
    problems.extend(
        finished
            .stderr
            .lines()
            .filter(|line| line.contains(":CONSOLE"))
            .map(|line| format!("console: {line}")),
    );
    if !finished.success {
        problems.push(format!("chromium failed:\n{}", finished.stderr));
    }
    Load {
        problems,
        requests,
        dom: finished.stdout,
    }
}

#[test]
fn the_four_kinds_of_page_load_in_chromium_without_errors_or_missing_assets() {
    let Some(browser) = browser_or_skip("the page-load test") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let built = build(&[], &site, &[]);
    assert!(built.success, "build failed:\n{}", built.stderr);
    let server = Server::start(&site);
    let pages = [
        (
            "internal/index.html".to_string(),
            "Acme Components account reviews",
            "style.css",
        ),
        (
            format!("internal/accounts/{ACCOUNT}/index.html"),
            "Northwind Supply Co.",
            "style.css",
        ),
        (
            format!("internal/accounts/{ACCOUNT}/{QUARTER}.html"),
            QUARTER,
            "style.css",
        ),
        (
            format!("shared/{ACCOUNT}/statement.html"),
            "A new course for Northwind",
            "style.css",
        ),
    ];
    for (page, heading, _) in &pages {
        let html = std::fs::read_to_string(site.join(page)).unwrap();
        // External assets would be fetched from the reader's network; the site has none.
        for external in ["src=\"http", "src=\"//", "url(http", "url(//"] {
            assert!(!html.contains(external), "{page} loads an external asset");
        }
        let loaded = load(&browser, &server, page);
        assert!(
            loaded.problems.is_empty(),
            "{page} in chromium:\n{}",
            loaded.problems.join("\n")
        );
        assert!(
            loaded.dom.contains("<h1") && loaded.dom.contains(heading),
            "{page} did not render its heading `{heading}`; DOM:\n{}",
            loaded.dom
        );
        let folder = page.rsplit_once('/').map_or("", |(f, _)| f);
        let stylesheet = if page.starts_with("internal/accounts/") {
            "/internal/style.css".to_string()
        } else {
            format!("/{folder}/style.css")
        };
        assert!(
            loaded.requests.contains(&(stylesheet.clone(), 200)),
            "{page} did not load {stylesheet}: {:?}",
            loaded.requests
        );
    }
}

#[test]
fn the_detector_catches_a_script_error_and_a_missing_stylesheet() {
    let Some(browser) = browser_or_skip("the detector self-test") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.html"),
        "<!doctype html><html><head><title>broken</title>\
         <link rel=\"stylesheet\" href=\"missing.css\"></head>\
         <body><h1>Broken</h1><script>undefinedFunction();</script></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("fine.html"),
        "<!doctype html><html><head><title>fine</title>\
         <link rel=\"stylesheet\" href=\"fine.css\"></head><body><h1>Fine</h1></body></html>",
    )
    .unwrap();
    std::fs::write(dir.path().join("fine.css"), "h1 { color: #123 }").unwrap();
    let server = Server::start(dir.path());
    let broken = load(&browser, &server, "broken.html");
    assert!(
        broken.problems.iter().any(|p| p == "404 for /missing.css"),
        "missing stylesheet not seen: {:?}",
        broken.problems
    );
    assert!(
        broken
            .problems
            .iter()
            .any(|p| p.starts_with("console:") && p.contains("undefinedFunction")),
        "script error not seen: {:?}",
        broken.problems
    );
    let fine = load(&browser, &server, "fine.html");
    assert!(fine.problems.is_empty(), "{:?}", fine.problems);
    assert!(fine.dom.contains("<h1>Fine</h1>"));
}

#[test]
fn a_page_screenshot_is_taken_at_1280_pixels() {
    let Some(browser) = browser_or_skip("the screenshot test") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let built = build(&[], &site, &[]);
    assert!(built.success, "build failed:\n{}", built.stderr);
    let png = dir.path().join("portfolio.png");
    let profile = tempfile::tempdir().unwrap();
    let mut command = chromium(&browser, profile.path());
    command
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1280,900")
        .arg(format!(
            "file://{}",
            site.join("internal/index.html").display()
        ));
    let finished = run(command, BROWSER_DEADLINE);
    assert!(finished.success, "screenshot failed:\n{}", finished.stderr);
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 900));
    // A blank page compresses to almost nothing; the portfolio table does not.
    assert!(
        bytes.len() > 20_000,
        "screenshot looks blank: {} bytes",
        bytes.len()
    );
}

/// Pages in a PDF: `/Type /Page` objects, not the `/Type /Pages` tree nodes.
fn pdf_pages(pdf: &[u8]) -> usize {
    let key = b"/Type /Page";
    pdf.windows(key.len() + 1)
        .filter(|w| w.starts_with(key) && w[key.len()] != b's')
        .count()
}

/// The review packs and statements of a built site: the pages `--pdf` prints.
fn printable(site: &Path) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = tree(site)
        .into_keys()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            let in_accounts = p.starts_with("internal/accounts");
            (in_accounts && name.ends_with(".html") && name.contains("-Q"))
                || (p.starts_with("shared") && name == "statement.html")
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn build_pdf_prints_every_review_pack_and_statement_with_chromium() {
    let Some(browser) = browser_or_skip("the PDF test") else {
        return;
    };
    // One sample account keeps the test short: a browser start per page costs about a
    // second of CPU, and the other accounts print through the same templates.
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("ws");
    std::fs::create_dir_all(workspace.join("accounts")).unwrap();
    std::fs::copy(
        sample().join("rapport.yaml"),
        workspace.join("rapport.yaml"),
    )
    .unwrap();
    let account = format!("accounts/{ACCOUNT}.yaml");
    std::fs::copy(sample().join(&account), workspace.join(&account)).unwrap();
    let site = dir.path().join("site");
    let started = Instant::now();
    let chrome = ["--pdf", "--chrome", browser.to_str().unwrap()];
    let built = build_workspace(&workspace, &chrome, &site, &[]);
    assert!(built.success, "build --pdf failed:\n{}", built.stderr);
    eprintln!("build --pdf took {:.1} s", started.elapsed().as_secs_f64());
    let pages = printable(&site);
    assert_eq!(pages.len(), 6, "five review packs and a statement");
    let pdfs: Vec<PathBuf> = tree(&site)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert_eq!(
        pdfs.len(),
        pages.len(),
        "one PDF per printable page, no more"
    );
    for page in &pages {
        let pdf = std::fs::read(site.join(page.with_extension("pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{} is not a PDF", page.display());
        let count = pdf_pages(&pdf);
        assert!(
            (1..=20).contains(&count),
            "{} printed to {count} pages",
            page.display()
        );
        // A link visible in print would embed the build's temporary folder as a
        // file:// address: a local path in a document sent to the other company.
        assert!(
            !pdf.windows(7).any(|w| w == b"file://"),
            "{} embeds a local file path",
            page.display()
        );
        assert!(
            !pdf.windows(13).any(|w| w == b"/CreationDate"),
            "{} carries a build timestamp",
            page.display()
        );
    }
    let pack =
        std::fs::read(site.join(format!("internal/accounts/{ACCOUNT}/{QUARTER}.pdf"))).unwrap();
    assert!(pdf_pages(&pack) <= 6, "a review pack is a short document");
    assert!(
        built.stderr.contains("printed 6 PDFs in "),
        "no summary:\n{}",
        built.stderr
    );
    // What the leak guard reads of a statement: its text, word for word.
    let statement = std::fs::read(site.join(format!("shared/{ACCOUNT}/statement.pdf"))).unwrap();
    let text = rapport::pdf::text::extract(&statement).unwrap();
    for phrase in [
        "A new course for Northwind and Acme",
        "Our shared vision",
        "What we commit to",
    ] {
        assert!(
            text.contains(phrase),
            "`{phrase}` not in the PDF's text:\n{text}"
        );
    }

    // Reproducible: a second build prints the same bytes, whichever tab prints what.
    let again = dir.path().join("again");
    let rebuilt = build_workspace(&workspace, &chrome, &again, &[]);
    assert!(
        rebuilt.success,
        "second build --pdf failed:\n{}",
        rebuilt.stderr
    );
    for page in &pages {
        let pdf = page.with_extension("pdf");
        assert!(
            std::fs::read(site.join(&pdf)).unwrap() == std::fs::read(again.join(&pdf)).unwrap(),
            "{} differs between two builds",
            pdf.display()
        );
    }
}

/// A template override that frames internal pages (by a relative path, and by the
/// absolute path of the previous site) and loads remote and local files. Printing from an
/// isolated copy with every other request failed, the statement's PDF holds none of it;
/// the engine of one browser per page cannot refuse requests, and the leak guard on the
/// PDF's text stops that build.
#[test]
fn a_statement_framing_internal_pages_prints_none_of_them() {
    let Some(browser) = browser_or_skip("the PDF isolation test") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("ws");
    std::fs::create_dir_all(workspace.join("accounts")).unwrap();
    std::fs::create_dir_all(workspace.join("templates")).unwrap();
    std::fs::copy(
        sample().join("rapport.yaml"),
        workspace.join("rapport.yaml"),
    )
    .unwrap();
    let account = format!("accounts/{ACCOUNT}.yaml");
    std::fs::copy(sample().join(&account), workspace.join(&account)).unwrap();
    let site = dir.path().join("site");
    assert!(build_workspace(&workspace, &[], &site, &[]).success);
    let internal = format!("internal/accounts/{ACCOUNT}/index.html");
    // A page of its own, without base.html's Content-Security-Policy (which alone already
    // stops these frames in a browser): what is left to stop them is the printer's request
    // policy, and behind it the leak guard on the PDF's text.
    let template = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{{{{ title }}}}</title></head><body>\n\
         <h1>{{{{ title }}}}</h1>\n\
         <iframe src=\"../../{internal}\" width=\"700\" height=\"900\"></iframe>\n\
         <iframe src=\"file://{}\" width=\"700\" height=\"900\"></iframe>\n\
         <iframe src=\"file:///etc/hostname\"></iframe>\n\
         <img src=\"http://example.com/x.png\"><link rel=\"stylesheet\" href=\"https://example.com/x.css\">\n\
         </body></html>\n",
        site.join(&internal).display()
    );
    std::fs::write(workspace.join("templates/statement.html"), template).unwrap();
    let internal_note = "helga whether the freight surcharge";
    let chrome = ["--pdf", "--chrome", browser.to_str().unwrap()];

    let built = build_workspace(&workspace, &chrome, &site, &[]);
    assert!(built.success, "build --pdf failed:\n{}", built.stderr);
    let statement = std::fs::read(site.join(format!("shared/{ACCOUNT}/statement.pdf"))).unwrap();
    let text = rapport::pdf::text::extract(&statement)
        .unwrap()
        .to_lowercase();
    assert!(text.contains("a new course for northwind"), "{text}");
    assert!(
        !text.contains(internal_note),
        "internal text printed:\n{text}"
    );
    assert!(
        !text.contains("health"),
        "an internal page was framed:\n{text}"
    );

    let before = tree(&site);
    let leaked = build_workspace(
        &workspace,
        &chrome,
        &site,
        &[("RAPPORT_PDF_ENGINE", "process")],
    );
    assert!(
        !leaked.success,
        "the leak was not caught:\n{}",
        leaked.stderr
    );
    assert!(
        leaked.stderr.contains(&format!(
            "appears in shared file shared/{ACCOUNT}/statement.pdf.txt"
        )) && leaked.stderr.contains("nothing was written"),
        "{}",
        leaked.stderr
    );
    assert!(tree(&site) == before, "the previous site changed");
}

/// A stand-in browser: a shell script that logs its arguments to `log` and then runs
/// `action` for the `--print-to-pdf=` file (`$out`).
#[cfg(unix)]
fn fake_browser(dir: &Path, log: &Path, action: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("fake-chromium");
    let script = format!(
        "#!/bin/sh\necho \"$*\" >> '{}'\nfor arg in \"$@\"; do\n  case \"$arg\" in\n    --print-to-pdf=*) out=\"${{arg#--print-to-pdf=}}\" ;;\n  esac\ndone\n{action}\n",
        log.display()
    );
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn build_pdf_without_a_browser_says_what_to_install_and_keeps_the_previous_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert!(build(&[], &site, &[]).success);
    let before = tree(&site);
    let empty = dir.path().join("empty-path");
    std::fs::create_dir(&empty).unwrap();
    let failed = build(&["--pdf"], &site, &[("PATH", empty.to_str().unwrap())]);
    assert!(!failed.success);
    assert!(
        failed
            .stderr
            .contains("error: no Chromium or Chrome was found to print PDFs")
            && failed.stderr.contains("`apt-get install chromium`")
            && failed.stderr.contains("`brew install --cask chromium`")
            && failed.stderr.contains("or pass --chrome PATH"),
        "{}",
        failed.stderr
    );
    let named = build(&["--pdf", "--chrome", "/no/such/chromium"], &site, &[]);
    assert!(!named.success);
    assert!(
        named
            .stderr
            .contains("the browser `/no/such/chromium` given by --chrome was not found"),
        "{}",
        named.stderr
    );
    assert!(tree(&site) == before, "the previous site changed");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("rapport-new"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
}

#[cfg(unix)]
#[test]
fn a_failing_browser_names_each_page_and_keeps_the_previous_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert!(build(&[], &site, &[]).success);
    let before = tree(&site);
    let log = dir.path().join("calls.log");
    let crashing = fake_browser(
        dir.path(),
        &log,
        "echo 'FATAL: no usable display' >&2; exit 3",
    );
    let failed = build(
        &["--pdf", "--chrome", crashing.to_str().unwrap()],
        &site,
        &[],
    );
    assert!(!failed.success);
    assert!(
        failed.stderr.contains(&format!(
            "error: the browser `{}` could not be used to print PDFs: the browser failed (exit status: 3): FATAL: no usable display",
            crashing.display()
        )) && failed.stderr.contains("help: install Chromium"),
        "{}",
        failed.stderr
    );
    assert!(tree(&site) == before, "the previous site changed");
    // The engine of one browser per page names each page.
    let failed = build(
        &["--pdf", "--chrome", crashing.to_str().unwrap()],
        &site,
        &[("RAPPORT_PDF_ENGINE", "process")],
    );
    assert!(!failed.success);
    assert!(
        failed.stderr.contains("33 of 33 page(s) could not be printed to PDF")
            && failed.stderr.contains(&format!(
                "  - internal/accounts/{ACCOUNT}/{QUARTER}.html: the browser failed (exit status: 3): FATAL: no usable display"
            ))
            && failed.stderr.contains(&format!("  - shared/{ACCOUNT}/statement.html: ")),
        "{}",
        failed.stderr
    );
    assert!(tree(&site) == before, "the previous site changed");

    let garbage = fake_browser(dir.path(), &log, "printf 'oops' > \"$out\"");
    let failed = build(
        &["--pdf", "--chrome", garbage.to_str().unwrap()],
        &site,
        &[("RAPPORT_PDF_ENGINE", "process")],
    );
    assert!(!failed.success);
    assert!(
        failed.stderr.contains(&format!(
            "  - shared/{ACCOUNT}/statement.html: the browser wrote a file that is not a PDF"
        )),
        "{}",
        failed.stderr
    );
    assert!(tree(&site) == before, "the previous site changed");
}

#[cfg(unix)]
#[test]
fn the_process_engine_hands_each_page_to_a_fresh_headless_browser_and_its_pdf_lands_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let log = dir.path().join("calls.log");
    // A real (empty, one-page) PDF: the leak guard reads the text of every shared one.
    let stand_in = dir.path().join("stand-in.pdf");
    std::fs::write(&stand_in, minimal_pdf()).unwrap();
    let browser = fake_browser(
        dir.path(),
        &log,
        &format!("cp '{}' \"$out\"", stand_in.display()),
    );
    let built = build(
        &["--pdf", "--chrome", browser.to_str().unwrap()],
        &site,
        &[("RAPPORT_PDF_ENGINE", "process")],
    );
    assert!(built.success, "{}", built.stderr);
    let pages = printable(&site);
    for page in &pages {
        let pdf = std::fs::read(site.join(page.with_extension("pdf"))).unwrap();
        assert_eq!(pdf, minimal_pdf());
    }
    let calls = std::fs::read_to_string(&log).unwrap();
    let calls: Vec<&str> = calls.lines().collect();
    assert_eq!(calls.len(), pages.len(), "one browser run per page");
    let mut profiles: Vec<&str> = Vec::new();
    for call in &calls {
        for flag in [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ] {
            assert!(
                call.split(' ').any(|a| a == flag),
                "{flag} missing in `{call}`"
            );
        }
        let url = call.rsplit(' ').next().unwrap();
        let target = call
            .split(' ')
            .find_map(|a| a.strip_prefix("--print-to-pdf="))
            .unwrap();
        assert!(
            url.starts_with("file:///") && url.ends_with(".html"),
            "{url}"
        );
        assert_eq!(
            url.trim_start_matches("file://").trim_end_matches(".html"),
            target.trim_end_matches(".pdf"),
            "the PDF goes beside its HTML"
        );
        profiles.extend(
            call.split(' ')
                .filter(|a| a.starts_with("--user-data-dir=")),
        );
    }
    profiles.sort_unstable();
    profiles.dedup();
    assert_eq!(profiles.len(), calls.len(), "a fresh profile for every run");
}

/// A valid PDF of one empty page, with a correct cross-reference table.
fn minimal_pdf() -> Vec<u8> {
    let objects = [
        "<</Type /Catalog /Pages 2 0 R>>",
        "<</Type /Pages /Kids [3 0 R] /Count 1>>",
        "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", n + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<</Size {} /Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}
