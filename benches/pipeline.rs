//! Criterion benches of the build pipeline, phase by phase, on a generated portfolio, so a
//! regression shows which phase it came from.
//!
//! ```sh
//! cargo bench --bench pipeline                 # full measurement
//! cargo bench --bench pipeline -- --quick      # a couple of minutes
//! BENCH_ACCOUNTS=500 cargo bench --bench pipeline -- build
//! PHASES=10000 cargo bench --bench pipeline    # one-shot wall time of each phase, no criterion
//! ```
//!
//! The portfolio (200 accounts unless `BENCH_ACCOUNTS` says otherwise, seed 1) is written
//! into a temporary folder by the same generator as `examples/gen-portfolio.rs`.

// The generator's module is shared with the example; the benches use only part of it.
#[allow(dead_code)]
#[path = "../examples/gen/mod.rs"]
mod generator;

use criterion::{criterion_group, Criterion, Throughput};
use rapport::analyze::analyze;
use rapport::build::{build, render_pages, BuildOptions};
use rapport::history::History;
use rapport::model::Workspace;
use rapport::render::Renderer;
use rapport::site::OutputFile;
use rapport::view;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const DEFAULT_ACCOUNTS: usize = 200;

/// A generated workspace on disk, removed when the benches end.
struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    out: PathBuf,
    accounts: usize,
}

fn fixture(accounts: usize) -> Result<Fixture, String> {
    let dir = tempfile::tempdir().map_err(|e| format!("temporary folder: {e}"))?;
    let root = dir.path().join("workspace");
    generator::write_workspace(&root, accounts, 1).map_err(|e| e.to_string())?;
    let out = dir.path().join("site");
    Ok(Fixture {
        _dir: dir,
        root,
        out,
        accounts,
    })
}

fn accounts_from_env(name: &str) -> Result<Option<usize>, String> {
    match std::env::var(name) {
        Ok(text) => text
            .parse::<usize>()
            .map(Some)
            .map_err(|e| format!("{name}={text}: {e}")),
        Err(_) => Ok(None),
    }
}

fn workspace(fixture: &Fixture) -> Result<Workspace, String> {
    let (workspace, diagnostics) = rapport::check(&fixture.root);
    workspace.ok_or_else(|| format!("the generated workspace is invalid: {diagnostics:?}"))
}

/// Fixture, loaded workspace and template engine, or a message saying what failed.
fn setup(accounts: usize) -> Result<(Fixture, Workspace, Renderer), String> {
    let fixture = fixture(accounts)?;
    let workspace = workspace(&fixture)?;
    let renderer = Renderer::new(None).map_err(|e| format!("{e:?}"))?;
    Ok((fixture, workspace, renderer))
}

fn pipeline(c: &mut Criterion) {
    let accounts = match accounts_from_env("BENCH_ACCOUNTS") {
        Ok(n) => n.unwrap_or(DEFAULT_ACCOUNTS),
        Err(e) => panic!("{e}"),
    };
    let (fixture, workspace, renderer) = match setup(accounts) {
        Ok(ready) => ready,
        Err(e) => panic!("cannot set up the benches: {e}"),
    };
    let as_of = generator::anchor();
    let analysis = analyze(&workspace, as_of);
    let history = History::none();

    let mut group = c.benchmark_group(format!("portfolio/{}", fixture.accounts));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(fixture.accounts as u64));
    group.bench_function("load+validate", |b| {
        b.iter(|| rapport::check(&fixture.root))
    });
    group.bench_function("analyze", |b| b.iter(|| analyze(&workspace, as_of)));
    group.bench_function("view (all pages)", |b| {
        b.iter(|| view::all_pages(&workspace, &analysis, &history, renderer.messages()))
    });
    let mut options = BuildOptions::new(&fixture.out, as_of);
    options.history = false;
    group.bench_function("build (whole, to disk)", |b| {
        b.iter(|| match build(&fixture.root, &options) {
            Ok(summary) => summary,
            Err(e) => panic!("the build failed: {e}"),
        })
    });
    group.finish();

    // One account: its view models, its pages rendered to HTML and Markdown, and the leak
    // scan of its shared files.
    let mut group = c.benchmark_group("one account");
    group.sample_size(30);
    group.bench_function("view", |b| {
        b.iter(|| view::account_pages(&workspace, &analysis, &history, renderer.messages(), 0))
    });
    group.bench_function("view+render", |b| {
        b.iter(|| {
            let pages =
                view::account_pages(&workspace, &analysis, &history, renderer.messages(), 0);
            match render_pages(&renderer, &pages) {
                Ok(files) => files,
                Err(e) => panic!("rendering failed: {e}"),
            }
        })
    });
    let pages = view::account_pages(&workspace, &analysis, &history, renderer.messages(), 0);
    group.bench_function("render", |b| {
        b.iter(|| match render_pages(&renderer, &pages) {
            Ok(files) => files,
            Err(e) => panic!("rendering failed: {e}"),
        })
    });
    let files = match render_pages(&renderer, &pages) {
        Ok(files) => files,
        Err(e) => panic!("rendering failed: {e}"),
    };
    let shared: Vec<(&str, &[u8])> = files
        .iter()
        .filter(|f| f.path.starts_with("shared/"))
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    group.bench_function("leak scan", |b| {
        b.iter(|| rapport::leak::scan_account(&workspace.accounts[0], &shared))
    });
    group.finish();
}

criterion_group!(benches, pipeline);

fn main() {
    match accounts_from_env("PHASES") {
        Ok(Some(accounts)) => {
            if let Err(e) = phases(accounts) {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
        Ok(None) => {
            benches();
            Criterion::default().configure_from_args().final_summary();
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}

/// One pass of the pipeline with the wall time of each phase, in the order `build` runs
/// them. The leak guard is repeated here from `build.rs` (which keeps it private): the
/// shared files grouped by account, each account scanned in parallel.
fn phases(accounts: usize) -> Result<(), String> {
    let started = Instant::now();
    let fixture = fixture(accounts)?;
    let generated = started.elapsed();
    let as_of = generator::anchor();
    let mut times: Vec<(&str, Duration)> =
        vec![("generate portfolio (not part of a build)", generated)];
    let mut time = |name: &'static str, since: Instant| times.push((name, since.elapsed()));

    let t = Instant::now();
    let workspace = workspace(&fixture)?;
    time("load + validate", t);
    let t = Instant::now();
    let renderer = Renderer::new(None).map_err(|e| format!("{e:?}"))?;
    time("template engine", t);
    let t = Instant::now();
    let analysis = analyze(&workspace, as_of);
    time("analyze", t);
    // The portfolio page lists every account, so it is timed on its own as well (it is
    // rendered by one thread while the others render account pages).
    let t = Instant::now();
    let portfolio = view::portfolio_pages(&workspace, &analysis, renderer.messages(), None);
    time("  of which: portfolio pages view", t);
    let t = Instant::now();
    render_pages(&renderer, &portfolio).map_err(|e| e.to_string())?;
    time("  of which: portfolio pages render", t);
    let t = Instant::now();
    let pages = view::all_pages(&workspace, &analysis, &History::none(), renderer.messages());
    time("view models", t);
    let t = Instant::now();
    let mut files = render_pages(&renderer, &pages).map_err(|e| e.to_string())?;
    time("render (.html + .md, compiled)", t);
    let t = Instant::now();
    let entries: Vec<String> = workspace
        .accounts
        .iter()
        .zip(&analysis.accounts)
        .map(|(file, a)| view::portfolio::account_json_text(file, a))
        .collect();
    let text = view::portfolio::portfolio_json(&workspace, &analysis, &entries);
    files.push(OutputFile {
        path: "internal/portfolio.json".into(),
        bytes: text.into_bytes(),
    });
    time("portfolio.json", t);
    let t = Instant::now();
    let leaks = leak_guard(&workspace, &files);
    time("leak guard", t);
    if leaks > 0 {
        return Err(format!("the leak guard found {leaks} leak(s)"));
    }
    let file_count = files.len();
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let t = Instant::now();
    rapport::site::write_atomically(&fixture.out, &files, |_| Ok(())).map_err(|e| e.to_string())?;
    time("write (fresh folder)", t);
    let t = Instant::now();
    drop(files);
    drop(pages);
    time("free pages and files", t);

    let build: Duration = times
        .iter()
        .skip(1)
        .filter(|(name, _)| !name.starts_with(' '))
        .map(|(_, d)| *d)
        .sum();
    println!(
        "{accounts} accounts, {} pages, {file_count} files, {:.1} MiB, {} threads",
        file_count / 2,
        bytes as f64 / (1024.0 * 1024.0),
        rayon::current_num_threads()
    );
    for (name, d) in &times {
        let share = if build.is_zero() || name.starts_with("generate") || name.starts_with(' ') {
            String::new()
        } else {
            format!("{:5.1}%", 100.0 * d.as_secs_f64() / build.as_secs_f64())
        };
        println!("{name:>42}  {:8.3} s  {share}", d.as_secs_f64());
    }
    println!("{:>42}  {:8.3} s", "pipeline total", build.as_secs_f64());
    Ok(())
}

fn leak_guard(workspace: &Workspace, files: &[OutputFile]) -> usize {
    let mut by_account: BTreeMap<&str, Vec<(&str, &[u8])>> = BTreeMap::new();
    for file in files {
        if let Some(id) = file
            .path
            .strip_prefix("shared/")
            .and_then(|rest| rest.split('/').next())
        {
            by_account
                .entry(id)
                .or_default()
                .push((file.path.as_str(), file.bytes.as_slice()));
        }
    }
    workspace
        .accounts
        .par_iter()
        .map(|account| {
            let shared = by_account
                .get(account.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default();
            rapport::leak::scan_account(account, shared).len()
        })
        .sum()
}
