//! `rapport serve` driven as a user does: the binary on a copy of the sample workspace, a
//! browser's requests over loopback, and edits to account files while it runs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod build_support;
use build_support::copy_dir;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Generous: a rebuild takes milliseconds, but a loaded CI machine may be slow to start.
const PATIENCE: Duration = Duration::from_secs(20);
const AS_OF: &str = "2026-11-26";
const ACCOUNT: &str = "ws/accounts/kestrel-robotics.yaml";
const ACCOUNT_PAGE: &str = "/internal/accounts/kestrel-robotics/index.html";
const RELOAD_MARK: &str = "/__rapport/version";

/// A running `rapport serve`, killed when dropped (also when a test fails).
struct Serving {
    child: Child,
    addr: SocketAddr,
    url: String,
    stderr: Arc<Mutex<String>>,
}

impl Serving {
    /// Starts `rapport serve ARGS` in `dir` and waits for the URL it prints.
    fn start(dir: &Path, args: &[&str]) -> Serving {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rapport"))
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        let mut err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let (lines, url_line) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                let _ = lines.send(line);
            }
        });
        let mut serving = Serving {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            url: String::new(),
            stderr,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while serving.url.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            let Ok(line) = url_line.recv_timeout(left) else {
                panic!("no URL printed; stderr:\n{}", serving.stderr());
            };
            if let Some(at) = line.find("http://") {
                serving.url = line[at..].split_whitespace().next().unwrap().to_string();
            }
        }
        let host = serving
            .url
            .strip_prefix("http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap();
        serving.addr = host.parse().unwrap();
        serving
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// One request with the path sent exactly as given (no client-side clean-up).
    fn get(&self, path: &str) -> Reply {
        get(self.addr, path).unwrap_or_else(|e| panic!("GET {path}: {e}\n{}", self.stderr()))
    }

    /// The site version the reload script compares.
    fn version(&self) -> String {
        self.get(RELOAD_MARK).body
    }

    /// Polls until `ready` holds, failing with `what` and the server's output if it does not
    /// within [`PATIENCE`].
    fn wait_until(&self, what: &str, mut ready: impl FnMut() -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !ready() {
            assert!(
                Instant::now() < deadline,
                "timed out waiting until {what}; server output:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: BTreeMap<String, String>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or("")
    }
}

fn get(addr: SocketAddr, path: &str) -> std::io::Result<Reply> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(10))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Ok(Reply {
        status,
        headers,
        body: body.to_string(),
    })
}

/// A temporary folder holding a copy of the sample workspace as `ws/`.
fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
        &dir.path().join("ws"),
    );
    dir
}

/// Every file under `root`, by relative path.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.insert(path.strip_prefix(root).unwrap().to_path_buf(), bytes);
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(root, root, &mut files);
    files
}

/// Asserts that the served site on disk is byte for byte what `rapport build` writes from
/// the same workspace now: no reload script on disk, nothing stale, nothing missing.
fn assert_same_as_build(dir: &Path, label: &str) {
    let full = dir.join(format!("full-{label}"));
    let built = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["build", "ws", "--as-of", AS_OF, "--out"])
        .arg(&full)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let served = tree(&dir.join("ws/site"));
    let expected = tree(&full);
    let missing: Vec<_> = expected
        .keys()
        .filter(|p| !served.contains_key(*p))
        .collect();
    let unexpected: Vec<_> = served
        .keys()
        .filter(|p| !expected.contains_key(*p))
        .collect();
    let different: Vec<_> = expected
        .iter()
        .filter(|(p, bytes)| served.get(*p).is_some_and(|s| s != *bytes))
        .map(|(p, _)| p)
        .collect();
    assert!(
        missing.is_empty() && unexpected.is_empty() && different.is_empty(),
        "{label}: served site differs from `rapport build`:\nmissing {missing:?}\nunexpected {unexpected:?}\ndifferent {different:?}"
    );
    std::fs::remove_dir_all(&full).unwrap();
}

/// The page as served, with the injected reload script taken out again.
fn without_reload_script(page: &str) -> String {
    let start = page
        .find("<script>/* rapport serve")
        .expect("reload script");
    let end = start + page[start..].find("</script>\n").unwrap() + "</script>\n".len();
    // The served copy's policy also allows that script; the file on disk does not.
    format!("{}{}", &page[..start], &page[end..])
        .replacen("; script-src 'unsafe-inline'; connect-src 'self'", "", 1)
        .replacen(" 'unsafe-inline'; connect-src 'self'", "", 1)
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).unwrap())
}

#[test]
fn serves_the_site_and_shows_edits_errors_and_fixes_live() {
    let dir = sample();
    let root = dir.path();
    let server = Serving::start(root, &["serve", "ws", "--port", "0", "--as-of", AS_OF]);
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );

    // `/` leads to the portfolio, served with the reload script that the file lacks.
    let home = server.get("/");
    assert_eq!(home.status, 302);
    assert_eq!(home.header("location"), "/internal/index.html");
    let portfolio = server.get("/internal/index.html");
    assert_eq!(portfolio.status, 200);
    assert_eq!(portfolio.header("content-type"), "text/html; charset=utf-8");
    assert!(portfolio.body.contains("Acme Components account reviews"));
    assert!(portfolio.body.contains(RELOAD_MARK));
    let on_disk = std::fs::read_to_string(root.join("ws/site/internal/index.html")).unwrap();
    assert!(
        !on_disk.contains("__rapport"),
        "the reload script reached the file"
    );
    assert_eq!(without_reload_script(&portfolio.body), on_disk);
    assert_same_as_build(root, "start");

    for (path, content_type) in [
        ("/internal/style.css", "text/css; charset=utf-8"),
        ("/internal/index.md", "text/markdown; charset=utf-8"),
        ("/internal/portfolio.json", "application/json"),
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("content-type"), content_type, "{path}");
        assert!(
            !reply.body.contains(RELOAD_MARK),
            "{path} got the reload script"
        );
    }
    let folder = server.get("/internal");
    assert_eq!(
        (folder.status, folder.header("location")),
        (302, "/internal/")
    );
    assert!(server
        .get("/internal/")
        .body
        .contains("Acme Components account reviews"));

    // An edit to one account file shows in its page; only its pages and the portfolio
    // are rewritten, and the result is what a full build gives.
    let original = std::fs::read_to_string(root.join(ACCOUNT)).unwrap();
    assert!(original.contains("\nname: Kestrel Robotics\n"));
    #[cfg(unix)]
    let untouched = inode(&root.join("ws/site/shared/harbour-marine/index.html"));
    let before = server.version();
    // An open account page waits for a rebuild that changes it, as its reload script does.
    let addr = server.addr;
    let poll = format!("{RELOAD_MARK}?since={before}&page={ACCOUNT_PAGE}");
    let open_page = std::thread::spawn(move || get(addr, &poll).unwrap().body);
    let renamed = original.replace(
        "\nname: Kestrel Robotics\n",
        "\nname: Kestrel Renamed GmbH\n",
    );
    std::fs::write(root.join(ACCOUNT), &renamed).unwrap();
    server.wait_until("the account page shows the new name", || {
        server
            .get(ACCOUNT_PAGE)
            .body
            .contains("Kestrel Renamed GmbH")
    });
    let json = root.join("ws/site/internal/portfolio.json");
    server.wait_until("the rebuild is finished", || {
        server.version() != before
            && std::fs::read_to_string(&json)
                .unwrap()
                .contains("Kestrel Renamed GmbH")
    });
    assert_ne!(
        open_page.join().unwrap(),
        before,
        "the open page is told to reload"
    );
    #[cfg(unix)]
    assert_eq!(
        inode(&root.join("ws/site/shared/harbour-marine/index.html")),
        untouched,
        "another account's page was rewritten: the edit caused a full rebuild"
    );
    assert_same_as_build(root, "renamed");

    // Taking a review out removes its pages.
    let cut = renamed
        .find("  - quarter: 2026-Q2")
        .expect("the sample's last review");
    let shorter = &renamed[..cut];
    let before = server.version();
    std::fs::write(root.join(ACCOUNT), shorter).unwrap();
    let review = root.join("ws/site/internal/accounts/kestrel-robotics/2026-Q2.html");
    server.wait_until("the removed review's page is gone", || {
        server.version() != before && !review.exists()
    });
    assert_same_as_build(root, "review-removed");

    // An invalid edit: every page shows the problem, other files are still served, and
    // the last good build stays on disk.
    std::fs::write(
        root.join(ACCOUNT),
        shorter.replace("\nkind: customer\n", "\nkind: spaceship\n"),
    )
    .unwrap();
    server.wait_until("the error page is shown", || {
        server
            .get(ACCOUNT_PAGE)
            .body
            .contains("could not be rebuilt")
    });
    let error = server.get("/internal/index.html");
    assert!(
        error.body.contains("unknown value `spaceship` for `kind`"),
        "{}",
        error.body
    );
    assert!(
        error.body.contains("kestrel-robotics.yaml:6:7"),
        "{}",
        error.body
    );
    assert!(
        error.body.contains(RELOAD_MARK),
        "the error page must reload when fixed"
    );
    assert_eq!(server.get("/internal/style.css").status, 200);
    let kept =
        std::fs::read_to_string(root.join("ws/site/internal/accounts/kestrel-robotics/index.html"))
            .unwrap();
    assert!(
        kept.contains("Kestrel Renamed GmbH"),
        "the last good build was replaced"
    );

    // Fixed: the pages come back.
    std::fs::write(root.join(ACCOUNT), shorter).unwrap();
    server.wait_until("the page recovers", || {
        let page = server.get(ACCOUNT_PAGE).body;
        page.contains("Kestrel Renamed GmbH") && !page.contains("could not be rebuilt")
    });

    // Nothing outside the output folder is reachable.
    for path in [
        "/../../etc/passwd",
        "/internal/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
        "/internal/..%2f..%2f..%2fetc%2fpasswd",
        "/%252e%252e/etc/passwd",
        "//etc/passwd",
        "/.rapport-site",
        "/../ws/rapport.yaml",
        "/%2e%2e/accounts/kestrel-robotics.yaml",
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 404, "{path}: {}", reply.body);
        assert!(!reply.body.contains("root:"), "{path}");
    }
}

#[test]
fn a_new_account_file_appears_and_a_removed_one_goes() {
    let dir = sample();
    let root = dir.path();
    let server = Serving::start(root, &["serve", "ws", "--port", "0", "--as-of", AS_OF]);
    let original = std::fs::read_to_string(root.join(ACCOUNT)).unwrap();
    std::fs::write(
        root.join("ws/accounts/brand-new.yaml"),
        original.replace("\nname: Kestrel Robotics\n", "\nname: Brand New Robotics\n"),
    )
    .unwrap();
    server.wait_until("the new account's page is served", || {
        let page = server.get("/internal/accounts/brand-new/index.html");
        page.status == 200 && page.body.contains("Brand New Robotics")
    });
    server.wait_until("the portfolio lists it", || {
        server
            .get("/internal/index.html")
            .body
            .contains("Brand New Robotics")
    });
    std::fs::remove_file(root.join("ws/accounts/brand-new.yaml")).unwrap();
    server.wait_until("its pages are gone", || {
        server.get("/internal/accounts/brand-new/index.html").status == 404
    });
    assert_same_as_build(root, "removed");
}

#[test]
fn a_workspace_broken_at_start_is_served_as_its_problems_until_fixed() {
    let dir = sample();
    let root = dir.path();
    let good = std::fs::read_to_string(root.join(ACCOUNT)).unwrap();
    std::fs::write(
        root.join(ACCOUNT),
        good.replace("\nowner: ben\n", "\nowner: nobody\n"),
    )
    .unwrap();
    let server = Serving::start(root, &["serve", "ws", "--port", "0", "--as-of", AS_OF]);
    let page = server.get("/internal/index.html");
    assert!(page.body.contains("could not be rebuilt"), "{}", page.body);
    assert!(page.body.contains("nobody"), "{}", page.body);
    // The page and the terminal are written by different threads: wait for both.
    server.wait_until("the terminal shows the problem too", || {
        server.stderr().contains("nobody")
    });
    std::fs::write(root.join(ACCOUNT), &good).unwrap();
    server.wait_until("the portfolio is served", || {
        let page = server.get("/internal/index.html").body;
        page.contains("Acme Components account reviews") && !page.contains("could not be rebuilt")
    });
    assert_same_as_build(root, "fixed");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let dir = sample();
    let root = dir.path();
    let mut server = Serving::start(root, &["serve", "ws", "--port", "0", "--as-of", AS_OF]);
    assert_eq!(server.get("/internal/index.html").status, 200);
    let interrupted = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "still running after Ctrl-C:\n{}",
            server.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0), "{}", server.stderr());
    assert!(get(server.addr, "/").is_err(), "the port is still open");
    let left: Vec<String> = std::fs::read_dir(root.join("ws"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("rapport-"))
        .collect();
    assert!(left.is_empty(), "staging folders left behind: {left:?}");
    assert_same_as_build(root, "stopped");
}

#[test]
fn refuses_an_output_folder_it_did_not_create() {
    let dir = sample();
    let root = dir.path();
    std::fs::create_dir_all(root.join("mine")).unwrap();
    std::fs::write(root.join("mine/notes.txt"), "keep me").unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["serve", "ws", "--port", "0", "--out", "mine"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("refusing to write the site into mine"));
    assert_eq!(
        std::fs::read_to_string(root.join("mine/notes.txt")).unwrap(),
        "keep me"
    );
}

/// Runs git in `dir` with a fixed identity and date, failing the test if git fails.
fn git(dir: &Path, args: &[&str]) {
    let run = Command::new("git")
        .args(["-c", "user.name=Dana", "-c", "user.email=dana@example.com"])
        .args(args)
        .env("GIT_AUTHOR_DATE", "2026-01-01T12:00:00")
        .env("GIT_COMMITTER_DATE", "2026-01-01T12:00:00")
        .current_dir(dir)
        .output()
        .expect("git is needed for the history sections");
    assert!(
        run.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn a_review_added_while_serving_gets_its_notes_history() {
    let dir = sample();
    let root = dir.path();
    let ws = root.join("ws");
    git(&ws, &["init", "-q"]);
    git(&ws, &["add", "-A"]);
    git(&ws, &["commit", "-qm", "notes as of January"]);
    let server = Serving::start(root, &["serve", "ws", "--port", "0", "--as-of", AS_OF]);
    let original = std::fs::read_to_string(root.join(ACCOUNT)).unwrap();
    let added = format!(
        "{original}  - quarter: 2026-Q4\n    date: 2026-11-20\n    attendees: [ben, olivia]\n    \
         scores: {{ price: 3, lead-time: 3, documentation: 4 }}\n    \
         summary: Series order decision pending.\n"
    );
    let before = server.version();
    std::fs::write(root.join(ACCOUNT), added).unwrap();
    let pack = root.join("ws/site/internal/accounts/kestrel-robotics/2026-Q4.html");
    server.wait_until("the new review pack is written", || {
        server.version() != before
            && std::fs::read_to_string(&pack)
                .is_ok_and(|p| p.contains("What changed in our notes since the previous review"))
    });
    let json = root.join("ws/site/internal/portfolio.json");
    server.wait_until("the portfolio is rewritten", || {
        std::fs::read_to_string(&json).is_ok_and(|j| j.contains("2026-11-20"))
    });
    assert_same_as_build(root, "review-added");
}
