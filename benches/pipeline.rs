//! Criterion benches of the build pipeline, phase by phase, on a generated portfolio, so a
//! regression shows which phase it came from.
//!
//! ```sh
//! cargo bench --bench pipeline              # full measurement
//! cargo bench --bench pipeline -- --quick   # a couple of minutes
//! BENCH_ACCOUNTS=500 cargo bench --bench pipeline -- build
//! ```
//!
//! The portfolio (200 accounts unless `BENCH_ACCOUNTS` says otherwise, seed 1) is written
//! into a temporary folder by the same generator as `examples/gen-portfolio.rs`.

// The generator's module is shared with the example; the benches use only part of it.
#[allow(dead_code)]
#[path = "../examples/gen/mod.rs"]
mod generator;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rapport::analyze::analyze;
use rapport::build::{build, render_pages, BuildOptions};
use rapport::history::History;
use rapport::model::Workspace;
use rapport::render::Renderer;
use rapport::view;
use std::path::PathBuf;
use std::time::Duration;

const DEFAULT_ACCOUNTS: usize = 200;

/// A generated workspace on disk, removed when the benches end.
struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    out: PathBuf,
    accounts: usize,
}

fn fixture() -> Result<Fixture, String> {
    let accounts = match std::env::var("BENCH_ACCOUNTS") {
        Ok(text) => text
            .parse::<usize>()
            .map_err(|e| format!("BENCH_ACCOUNTS={text}: {e}"))?,
        Err(_) => DEFAULT_ACCOUNTS,
    };
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

fn workspace(fixture: &Fixture) -> Result<Workspace, String> {
    let (workspace, diagnostics) = rapport::check(&fixture.root);
    workspace.ok_or_else(|| format!("the generated workspace is invalid: {diagnostics:?}"))
}

fn pipeline(c: &mut Criterion) {
    let (fixture, workspace, renderer) = match fixture()
        .and_then(|f| workspace(&f).map(|w| (f, w)))
        .and_then(|(f, w)| {
            Renderer::new(None)
                .map(|r| (f, w, r))
                .map_err(|e| e.to_string())
        }) {
        Ok(ready) => ready,
        Err(e) => panic!("cannot set up the benches: {e}"),
    };
    let as_of = generator::anchor();
    let analysis = analyze(&workspace, as_of);
    let history = History::none();
    let accounts = fixture.accounts as u64;

    let mut group = c.benchmark_group(format!("portfolio/{}", fixture.accounts));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(accounts));
    group.bench_function("load+validate", |b| {
        b.iter(|| rapport::check(&fixture.root))
    });
    group.bench_function("analyze", |b| b.iter(|| analyze(&workspace, as_of)));
    group.bench_function("view (all pages)", |b| {
        b.iter(|| view::all_pages(&workspace, &analysis, &history))
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

    // One account: its view models, and its view models rendered to HTML and Markdown.
    let mut group = c.benchmark_group("one account");
    group.sample_size(30);
    group.bench_function("view", |b| {
        b.iter(|| view::account_pages(&workspace, &analysis, &history, 0))
    });
    group.bench_function("view+render", |b| {
        b.iter(|| {
            let pages = view::account_pages(&workspace, &analysis, &history, 0);
            match render_pages(&renderer, &pages) {
                Ok(files) => files,
                Err(e) => panic!("rendering failed: {e}"),
            }
        })
    });
    let pages = view::account_pages(&workspace, &analysis, &history, 0);
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
criterion_main!(benches);
