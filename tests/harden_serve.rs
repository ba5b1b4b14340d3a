//! `rapport serve` answers this machine's browser only and cannot be worn down: a `Host`
//! that is not a loopback name is refused (DNS rebinding), request lines and headers are
//! capped so memory stays bounded, and SIGTERM/SIGHUP stop it even when the terminal or
//! the pipe its messages went to is gone.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_os = "linux")]

mod support;
use support::VALID;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A workspace in a temporary folder and `rapport serve` on it, its stdout read up to the
/// URL; stderr is handed back to the test to keep or close.
struct Serving {
    dir: tempfile::TempDir,
    child: Child,
    addr: SocketAddr,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve() -> (Serving, std::process::ChildStderr) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    std::fs::create_dir_all(ws.join("accounts")).unwrap();
    std::fs::write(ws.join("rapport.yaml"), "organisation: Acme\n").unwrap();
    std::fs::write(ws.join("accounts/northwind.yaml"), VALID).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["serve", "ws", "--port", "0", "--as-of", "2026-11-26"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let line = lines.next().unwrap().unwrap();
    let at = line.find("http://").unwrap();
    let addr = line[at + 7..]
        .split_whitespace()
        .next()
        .unwrap()
        .trim_end_matches('/')
        .parse()
        .unwrap();
    // Keep reading stdout so the server never blocks on it.
    std::thread::spawn(move || for _ in lines {});
    (Serving { dir, child, addr }, stderr)
}

/// Sends `request` as is and returns the status code of the answer (0: none).
fn status(addr: SocketAddr, request: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let _ = stream.write_all(request);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    text.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

fn get_with_host(addr: SocketAddr, host: &str) -> u16 {
    status(
        addr,
        format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

fn wait_for_exit(child: &mut Child, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn signal(child: &Child, name: &str) {
    let ok = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{name}");
}

#[test]
fn sigterm_and_sighup_stop_it_when_its_stderr_is_gone() {
    for name in ["TERM", "HUP"] {
        let (mut serving, stderr) = serve();
        drop(stderr);
        signal(&serving.child, name);
        assert!(
            wait_for_exit(&mut serving.child, Duration::from_secs(10)),
            "still running 10 s after SIG{name} with its stderr closed"
        );
    }
}

#[test]
fn only_loopback_host_names_are_answered() {
    let (serving, _stderr) = serve();
    let addr = serving.addr;
    let port = addr.port();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "localhost".to_string(),
        format!("[::1]:{port}"),
        format!("LOCALHOST:{port}"),
        format!("preview.localhost:{port}"),
    ] {
        assert_eq!(get_with_host(addr, &host), 302, "{host}");
    }
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("localhost:{}", port.wrapping_add(1)),
        format!("[::2]:{port}"),
        "192.168.1.1".to_string(),
        String::new(),
    ] {
        let code = get_with_host(addr, &host);
        assert!(code == 403 || code == 421, "Host `{host}` got {code}");
    }
    // No Host at all, and two of them.
    assert_eq!(
        status(addr, b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n"),
        403
    );
    let two = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\n\r\n");
    assert_eq!(status(addr, two.as_bytes()), 400);
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

#[test]
fn huge_request_lines_and_headers_are_refused_and_memory_stays_bounded() {
    let (serving, _stderr) = serve();
    let addr = serving.addr;
    let host = format!("127.0.0.1:{}", addr.port());
    assert_eq!(get_with_host(addr, &host), 302);
    let before = rss_kib(serving.child.id());
    let senders: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(move || {
                let mut request = b"GET /".to_vec();
                request.resize(10 * 1024 * 1024, b'a');
                request.extend_from_slice(b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                status(addr, &request)
            })
        })
        .collect();
    for sender in senders {
        let code = sender.join().unwrap();
        assert!(code == 414 || code == 0, "a 10 MB request line got {code}");
    }
    let after = rss_kib(serving.child.id());
    assert!(
        after < before + 16 * 1024,
        "resident memory grew from {before} KiB to {after} KiB"
    );
    // Too many headers, one header too long, too many bytes of headers.
    let many: String = (0..200).map(|i| format!("X-{i}: y\r\n")).collect();
    let long = format!("X-Long: {}\r\n", "y".repeat(9 * 1024));
    let bulky: String = (0..90)
        .map(|i| format!("X-{i}: {}\r\n", "y".repeat(1000)))
        .collect();
    for headers in [many, long, bulky] {
        let request = format!("GET / HTTP/1.1\r\nHost: {host}\r\n{headers}\r\n");
        assert_eq!(status(addr, request.as_bytes()), 431);
    }
    // Still serving.
    assert_eq!(get_with_host(addr, &host), 302);
}

#[test]
fn a_build_into_the_output_serve_writes_fails_at_once() {
    let (serving, _stderr) = serve();
    let output = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(["build", "ws", "--no-history"])
        .current_dir(serving.dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("another rapport build is writing")
            && stderr.contains(&format!("(pid {})", serving.child.id())),
        "{stderr}"
    );
    // Still serving its own site.
    let host = format!("127.0.0.1:{}", serving.addr.port());
    assert_eq!(get_with_host(serving.addr, &host), 302);
}

#[test]
fn a_client_trickling_its_request_head_is_cut_off() {
    let (serving, _stderr) = serve();
    let mut stream = TcpStream::connect(serving.addr).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nX-Slow: ").unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(1500)))
        .unwrap();
    let started = Instant::now();
    // A byte every 1.5 s keeps each read short; the server's deadline is for the whole head.
    let cut = loop {
        if started.elapsed() > Duration::from_secs(40) {
            break false;
        }
        let mut buf = [0u8; 64];
        match stream.read(&mut buf) {
            Ok(_) => break true,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => break true,
        }
        if stream.write_all(b"y").is_err() {
            break true;
        }
    };
    assert!(cut, "the connection was still open after 40 s");
}
