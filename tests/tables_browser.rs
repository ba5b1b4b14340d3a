//! The internal site's tables in a real browser: headless Chromium runs `tables.js` on the
//! built portfolio and a test driver (a script file added beside the copy of the page,
//! since the page's Content-Security-Policy allows only scripts of its own folder) clicks
//! the Health header and types into the filter box; `--dump-dom` returns the page as the
//! script left it. With JavaScript off, the same page must hold every account and no
//! filter box: the script only enhances a page that is complete without it. JavaScript is
//! turned off by the page itself, its policy swapped for one that allows no script
//! (Chromium's own switch, `--blink-settings=scriptEnabled=false`, also stops
//! `--dump-dom`, which then prints nothing).
//!
//! The search page is run the same way with a query in its address: the index files it
//! loads are in `internal/search/`, and no shared folder holds any of them.
//!
//! Where Chromium is missing these tests print `SKIPPED` and pass, unless
//! RAPPORT_REQUIRE_BROWSER=1 (set by .ci/run), where they fail.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser_support;
mod build_support;
use browser_support::browser_or_skip;
use build_support::copy_dir;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(120);

/// The built sample's internal folder.
fn built_sample(dir: &Path) -> PathBuf {
    built(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
        dir,
    )
}

/// The internal folder of `workspace` built into `dir/site`.
fn built(workspace: &Path, dir: &Path) -> PathBuf {
    let site = dir.join("site");
    let status = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args([
            "build",
            "-q",
            "--as-of",
            "2026-09-30",
            "--no-history",
            "--out",
        ])
        .arg(&site)
        .arg(workspace)
        .status()
        .unwrap();
    assert!(status.success());
    site.join("internal")
}

/// The DOM of `page` after its scripts ran.
fn dump_dom(browser: &Path, page: &Path) -> String {
    dump_dom_at(browser, &format!("file://{}", page.display()))
}

/// The DOM of the page at `url` once its scripts and the ones they load have run.
fn dump_dom_at(browser: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = profile.path().join("dom.html");
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--dump-dom",
            // Time for the search page's index files to load and its input delay to pass.
            "--virtual-time-budget=5000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("p").display()
        ));
    let mut child = command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("chromium still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    std::fs::read_to_string(out).unwrap()
}

const DRIVER: &str = r#"(function () {
  var table = document.querySelector("table.portfolio-table");
  var headers = table.tHead.rows[0].cells, health = -1;
  for (var i = 0; i < headers.length; i++) {
    if (headers[i].textContent.trim() === "Health") health = i;
  }
  var button = headers[health].querySelector("button.sort");
  var scores = function () {
    return Array.prototype.map.call(table.tBodies[0].rows, function (r) {
      return r.cells[health].textContent.trim();
    }).join(",");
  };
  button.click();
  var up = scores();
  button.click();
  var down = scores();
  var box = document.querySelector("input.table-filter");
  box.value = "NORTHWIND";
  box.dispatchEvent(new Event("input"));
  var visible = Array.prototype.filter.call(table.tBodies[0].rows, function (r) {
    return !r.hidden;
  }).map(function (r) { return r.cells[0].textContent.trim(); }).join("|");
  var out = document.createElement("pre");
  out.id = "driver-result";
  out.textContent = "up=" + up + ";down=" + down + ";visible=" + visible;
  document.body.appendChild(out);
})();
"#;

fn result_of(dom: &str) -> String {
    let start = dom
        .find("<pre id=\"driver-result\">")
        .expect("the driver ran")
        + 24;
    let end = start + dom[start..].find("</pre>").unwrap();
    dom[start..end].to_string()
}

#[test]
fn portfolio_tables_sort_and_filter_in_the_browser() {
    let Some(browser) = browser_or_skip("portfolio_tables_sort_and_filter_in_the_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let internal = built_sample(dir.path());
    let index = internal.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    let ours = "<script src=\"tables.js\" defer></script>";
    assert!(html.contains(ours), "the portfolio loads tables.js");
    std::fs::write(internal.join("driver.js"), DRIVER).unwrap();
    std::fs::write(
        &index,
        html.replace(
            ours,
            &format!("{ours}<script src=\"driver.js\" defer></script>"),
        ),
    )
    .unwrap();
    let result = result_of(&dump_dom(&browser, &index));
    let part = |name: &str| -> Vec<String> {
        let start = result.find(&format!("{name}=")).unwrap() + name.len() + 1;
        let end = result[start..]
            .find(';')
            .map_or(result.len(), |e| start + e);
        result[start..end]
            .split([',', '|'])
            .map(String::from)
            .collect()
    };
    let up: Vec<i64> = part("up").iter().map(|s| s.parse().unwrap()).collect();
    let mut sorted = up.clone();
    sorted.sort();
    assert_eq!(up, sorted, "ascending by health: {result}");
    let down: Vec<i64> = part("down").iter().map(|s| s.parse().unwrap()).collect();
    sorted.reverse();
    assert_eq!(down, sorted, "a second click reverses: {result}");
    assert_eq!(up.len(), 6, "{result}");
    assert_eq!(part("visible"), ["Northwind Supply Co."], "{result}");
}

#[test]
fn pages_read_fully_without_javascript() {
    let Some(browser) = browser_or_skip("pages_read_fully_without_javascript") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let internal = built_sample(dir.path());
    for page in [
        "index.html",
        "owners/index.html",
        "owners/dana-whitfield.html",
    ] {
        let path = internal.join(page);
        let html = std::fs::read_to_string(&path).unwrap();
        let policy = rapport::render::INTERNAL_CONTENT_SECURITY_POLICY;
        assert!(html.contains(policy), "{page}: the internal policy");
        let no_scripts = policy.replace("script-src 'self'", "script-src 'none'");
        std::fs::write(&path, html.replace(policy, &no_scripts)).unwrap();
        let dom = dump_dom(&browser, &path);
        assert!(
            dom.contains("</html>"),
            "{page}: the browser read it:\n{dom}"
        );
        assert!(!dom.contains("table-filter"), "{page}: no script ran");
        assert!(
            !dom.contains("button class=\"sort\""),
            "{page}: no script ran"
        );
        if page == "index.html" {
            for account in [
                "Harbour Marine Electronics",
                "Helix Wafer Systems",
                "Kestrel Robotics",
                "Meridian Cycle Works",
                "Northwind Supply Co.",
                "Orbis Distribution GmbH",
            ] {
                assert!(
                    dom.contains(account),
                    "{page} lists {account} without JavaScript"
                );
            }
        }
        assert!(dom.contains("<tbody>"), "{page} has its tables");
    }
}

#[test]
fn search_finds_accounts_by_any_of_their_words_and_stays_internal() {
    let Some(browser) = browser_or_skip("search_finds_accounts_by_any_of_their_words") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let internal = built_sample(dir.path());
    let search = |query: &str| -> String {
        let url = format!(
            "file://{}?q={query}",
            internal.join("search.html").display()
        );
        let dom = dump_dom_at(&browser, &url);
        let start = dom
            .find("<ol id=\"search-results\"")
            .expect("the results list");
        let end = start + dom[start..].find("</ol>").unwrap();
        dom[start..end].to_string()
    };
    // An internal note's words (an action of a review), a person, a prefix of a goal word.
    let found = search("helga%20freight");
    assert!(found.contains("Northwind Supply Co."), "{found}");
    assert_eq!(found.matches("<li>").count(), 1, "{found}");
    let found = search("dana");
    assert!(found.contains("Northwind Supply Co."), "{found}");
    let found = search("zzqx");
    assert_eq!(found.matches("<li>").count(), 0, "{found}");
    // Only the internal site has the index.
    let site = internal.parent().unwrap();
    for entry in walkdir::WalkDir::new(site.join("shared")) {
        let entry = entry.unwrap();
        assert!(
            !entry.path().ends_with("search"),
            "{}",
            entry.path().display()
        );
        if entry.file_type().is_file() {
            let text = std::fs::read(entry.path()).unwrap();
            assert!(
                !String::from_utf8_lossy(&text).contains("rapportSearch"),
                "{}",
                entry.path().display()
            );
        }
    }
}

/// In a German workspace the scripts speak German too: the filter box's placeholder, the
/// search's count and each result's kind come from the page, not from the scripts' English.
#[test]
fn the_scripts_say_the_pages_words() {
    let Some(browser) = browser_or_skip("the_scripts_say_the_pages_words") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
        &ws,
    );
    let config = std::fs::read_to_string(ws.join("rapport.yaml")).unwrap();
    std::fs::write(ws.join("rapport.yaml"), format!("{config}language: de\n")).unwrap();
    let internal = built(&ws, dir.path());
    let portfolio = dump_dom(&browser, &internal.join("index.html"));
    assert!(
        portfolio.contains("placeholder=\"Accounts filtern…\""),
        "{portfolio}"
    );
    let url = format!("file://{}?q=dana", internal.join("search.html").display());
    let search = dump_dom_at(&browser, &url);
    assert!(search.contains(">1 Account<"), "{search}");
    assert!(search.contains(" · Lieferant · Dana Whitfield"), "{search}");
    assert!(!search.contains("· supplier"), "{search}");
}
