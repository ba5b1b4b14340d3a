//! The preview server: files of the output folder over HTTP on 127.0.0.1, the live-reload
//! script added to HTML responses (never to the files), the error page shown while the
//! workspace does not build, and the long-poll endpoint the script waits on.
//!
//! The preview shows internal pages, so it answers this machine's browser only: it
//! listens on the loopback address, answers only requests whose `Host` is a loopback
//! name (a web page elsewhere that points its own name at 127.0.0.1, "DNS rebinding",
//! sends its own name), and reads a bounded request head.
//!
//! Why a small HTTP/1.1 reader of our own rather than tiny_http: tiny_http 0.12 reads the
//! request line and headers into memory with no bound (four 200 MB URLs held 3 GB) and
//! offers no hook to cap them or to wrap its sockets. What a preview needs is small: GET
//! and HEAD, no request body, one request per connection (`Connection: close`), so the
//! whole of it is here, with every limit in one place.

use super::Status;
use crate::format::escape_html as escape;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The endpoint the reload script polls: it answers with the site version, waiting up to
/// `LONG_POLL` while the version is still the one given as `?since=`.
pub const VERSION_PATH: &str = "/__rapport/version";
/// How long one poll may wait for a rebuild; browsers and proxies keep such requests open.
const LONG_POLL: Duration = Duration::from_secs(25);
/// Requests handled at once; beyond this the server answers 503 rather than spawn more
/// threads (a preview has a handful of tabs, each with one waiting poll).
const MAX_IN_FLIGHT: usize = 64;
/// Where `/` goes: the portfolio, at a URL under which its relative links resolve.
const HOME: &str = "/internal/index.html";
/// The longest request line, CRLF included; a browser's URLs for these pages are far
/// shorter. Longer: 414.
pub const MAX_REQUEST_LINE: usize = 8 * 1024;
/// The longest header line, and all header lines together; longer: 431.
pub const MAX_HEADER_LINE: usize = 8 * 1024;
pub const MAX_HEADERS_SIZE: usize = 64 * 1024;
/// The most header lines; more: 431.
pub const MAX_HEADERS: usize = 100;
/// How long a client may take to send its whole request head: a connection that trickles
/// bytes ("slowloris") must not hold one of the [`MAX_IN_FLIGHT`] places for long.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long writing a response may block on a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// The listening server and the thread that hands requests to workers.
pub struct Server {
    listener: Arc<TcpListener>,
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Listens on 127.0.0.1 only: the preview shows internal pages that must not be reachable
    /// from other machines. Port 0 picks a free port.
    pub fn bind(port: u16) -> Result<Server, String> {
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
            .map_err(|e| e.to_string())?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        Ok(Server {
            listener: Arc::new(listener),
            addr,
            stopping: Arc::new(AtomicBool::new(false)),
            accept: None,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Starts answering requests for files under `out`. Requests that arrived since `bind`
    /// waited in the listener's queue.
    pub fn start(&mut self, out: PathBuf, status: Arc<Status>) {
        let listener = Arc::clone(&self.listener);
        let stopping = Arc::clone(&self.stopping);
        let in_flight = Arc::new(AtomicUsize::new(0));
        let context = Arc::new(Context {
            out,
            status,
            port: self.addr.port(),
        });
        self.accept = std::thread::Builder::new()
            .name("rapport-http".into())
            .spawn(move || {
                while !stopping.load(Ordering::SeqCst) {
                    // A failed accept only concerns that one connection.
                    let Ok((stream, _)) = listener.accept() else {
                        continue;
                    };
                    if stopping.load(Ordering::SeqCst) {
                        break;
                    }
                    dispatch(stream, &context, &in_flight);
                }
            })
            .ok();
    }

    /// Stops accepting and closes the listening socket.
    pub fn stop(mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // `accept` blocks; a connection of our own wakes it to see `stopping`.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

/// What request handlers share.
struct Context {
    out: PathBuf,
    status: Arc<Status>,
    /// The port served, which a `Host` header may name.
    port: u16,
}

/// Answers one connection on its own thread, so a waiting poll never holds up a page.
fn dispatch(stream: TcpStream, context: &Arc<Context>, in_flight: &Arc<AtomicUsize>) {
    if in_flight.fetch_add(1, Ordering::SeqCst) >= MAX_IN_FLIGHT {
        in_flight.fetch_sub(1, Ordering::SeqCst);
        let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
        send(stream, &text(503, "too many requests at once\n"), false);
        return;
    }
    let context = Arc::clone(context);
    let counter = Arc::clone(in_flight);
    let spawned = std::thread::Builder::new()
        .name("rapport-request".into())
        .spawn(move || {
            serve_connection(stream, &context);
            counter.fetch_sub(1, Ordering::SeqCst);
        });
    if spawned.is_err() {
        in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A request as far as the preview needs it.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub target: String,
    pub host: Option<String>,
}

/// Why a request head was not read; each maps to one response.
#[derive(Debug, PartialEq, Eq)]
pub enum HeadError {
    /// The connection ended or timed out first: nothing to answer.
    Closed,
    Malformed,
    LineTooLong,
    HeadersTooLarge,
}

/// Reads one request head from `reader`, holding at most [`MAX_REQUEST_LINE`] plus
/// [`MAX_HEADERS_SIZE`] bytes of it, whatever the client sends.
pub fn read_head(reader: &mut impl BufRead) -> Result<Request, HeadError> {
    let line = read_line(reader, MAX_REQUEST_LINE).map_err(|e| match e {
        HeadError::HeadersTooLarge => HeadError::LineTooLong,
        other => other,
    })?;
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HeadError::Malformed);
    };
    if method.is_empty() || !target.starts_with('/') || !version.starts_with("HTTP/1.") {
        return Err(HeadError::Malformed);
    }
    let mut host = None;
    let mut total = 0;
    for count in 0.. {
        let header = read_line(reader, MAX_HEADER_LINE.min(MAX_HEADERS_SIZE - total + 2))?;
        if header.is_empty() {
            break;
        }
        total += header.len() + 2;
        if count >= MAX_HEADERS || total > MAX_HEADERS_SIZE {
            return Err(HeadError::HeadersTooLarge);
        }
        let Some((name, value)) = header.split_once(':') else {
            return Err(HeadError::Malformed);
        };
        if name.eq_ignore_ascii_case("host") {
            // Two Host headers are a request smuggling trick, not a browser.
            if host.is_some() {
                return Err(HeadError::Malformed);
            }
            host = Some(value.trim().to_string());
        }
    }
    Ok(Request {
        method: method.to_string(),
        target: target.to_string(),
        host,
    })
}

/// One line of at most `limit` bytes with its line end, without it; a line that does not
/// end within `limit` is [`HeadError::HeadersTooLarge`]. Bytes that are not ASCII are
/// malformed (URLs are percent-encoded on the wire).
fn read_line(reader: &mut impl BufRead, limit: usize) -> Result<String, HeadError> {
    let mut buf = Vec::new();
    let read = reader
        .take(limit as u64)
        .read_until(b'\n', &mut buf)
        .map_err(|_| HeadError::Closed)?;
    if read == 0 {
        return Err(HeadError::Closed);
    }
    if buf.last() != Some(&b'\n') {
        return Err(if buf.len() >= limit {
            HeadError::HeadersTooLarge
        } else {
            HeadError::Closed
        });
    }
    buf.pop();
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    if !buf.is_ascii() {
        return Err(HeadError::Malformed);
    }
    String::from_utf8(buf).map_err(|_| HeadError::Malformed)
}

/// Whether a `Host` header names this machine: `localhost` or a name under it (RFC 6761
/// reserves them for loopback), `127.0.0.1` or `[::1]`, with the served port or none.
pub fn is_loopback_host(host: &str, port: u16) -> bool {
    let host = host.to_ascii_lowercase();
    let name = if let Some(rest) = host.strip_prefix('[') {
        match rest.split_once(']') {
            Some((inner, after)) => match after {
                "" => return inner == "::1",
                other => match other.strip_prefix(':') {
                    Some(p) => return inner == "::1" && p == port.to_string(),
                    None => return false,
                },
            },
            None => return false,
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, p)) if p == port.to_string() => name.to_string(),
            Some(_) => return false,
            None => host.clone(),
        }
    };
    let name = name.strip_suffix('.').unwrap_or(&name);
    name == "localhost"
        || name == "127.0.0.1"
        || name.strip_suffix(".localhost").is_some_and(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        })
}

/// A connection read with one deadline for the whole request head, not per read: a client
/// sending a byte every few seconds cannot keep a thread for hours.
struct Deadline {
    stream: TcpStream,
    until: Instant,
}

impl Read for Deadline {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        self.stream.read(buf)
    }
}

/// Reads one request from the connection, answers it and closes the connection.
fn serve_connection(stream: TcpStream, context: &Context) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::with_capacity(
        4096,
        Deadline {
            stream: read_half,
            until: Instant::now() + READ_TIMEOUT,
        },
    );
    let (reply, head_only) = match read_head(&mut reader) {
        Err(HeadError::Closed) => return,
        Err(HeadError::Malformed) => (text(400, "bad request\n"), false),
        Err(HeadError::LineTooLong) => (text(414, "the request line is too long\n"), false),
        Err(HeadError::HeadersTooLarge) => {
            (text(431, "the request headers are too large\n"), false)
        }
        Ok(request) => {
            let loopback = request
                .host
                .as_deref()
                .is_some_and(|host| is_loopback_host(host, context.port));
            let head_only = request.method == "HEAD";
            if loopback {
                (respond(&request, context), head_only)
            } else {
                (
                    text(
                        403,
                        "rapport serve answers only to this machine: open it at http://127.0.0.1 or http://localhost\n",
                    ),
                    head_only,
                )
            }
        }
    };
    send(stream, &reply, head_only);
}

/// A response: status, content type, extra headers, body.
pub struct Reply {
    code: u16,
    content_type: &'static str,
    location: Option<String>,
    body: Vec<u8>,
}

/// Writes `reply` and closes the connection.
fn send(mut stream: TcpStream, reply: &Reply, head_only: bool) {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        reply.code,
        reason(reply.code),
        reply.content_type,
        reply.body.len()
    );
    if let Some(location) = &reply.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    if !head_only {
        let _ = stream.write_all(&reply.body);
    }
    let _ = stream.flush();
    let _ = stream.shutdown(std::net::Shutdown::Write);
    // What the client still sends (the rest of an oversized request) is read and dropped
    // for a moment, in small pieces, so closing does not reset the connection before the
    // client has read the answer.
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let mut sink = [0u8; 4096];
    let mut drained = 0usize;
    while drained < 1 << 20 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

fn reason(code: u16) -> &'static str {
    match code {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

fn respond(request: &Request, context: &Context) -> Reply {
    if !matches!(request.method.as_str(), "GET" | "HEAD") {
        return text(405, "only GET and HEAD are served\n");
    }
    let url = request.target.as_str();
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    if path == VERSION_PATH {
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
                .and_then(percent_decode)
                .and_then(|b| String::from_utf8(b).ok())
        };
        // The page as the file it is served from: `/internal/` is `internal/index.html`.
        let page = param("page").map(|p| {
            let file = p.trim_start_matches('/');
            if file.is_empty() || file.ends_with('/') {
                format!("{file}index.html")
            } else {
                file.to_string()
            }
        });
        let version = match param("since") {
            Some(since) => context
                .status
                .wait_for_change(&since, page.as_deref(), LONG_POLL),
            None => context.status.version(),
        };
        return text(200, &version);
    }
    if path == "/" {
        return redirect(HOME);
    }
    let (version, error) = context.status.snapshot();
    match resolve(&context.out, path) {
        Target::Redirect(location) => redirect(&location),
        Target::File(file) if is_html(&file) && error.is_some() => html(
            200,
            error_page(error.as_deref().unwrap_or_default(), &version),
        ),
        Target::File(file) => match std::fs::read(&file) {
            Ok(bytes) if is_html(&file) => {
                let page = inject_reload(&String::from_utf8_lossy(&bytes), &version);
                html(200, page)
            }
            Ok(bytes) => file_reply(bytes, content_type(&file)),
            Err(_) => not_found(path, &version),
        },
        Target::NotFound if error.is_some() && path.ends_with(".html") => html(
            200,
            error_page(error.as_deref().unwrap_or_default(), &version),
        ),
        Target::NotFound => not_found(path, &version),
    }
}

/// Where a request path leads inside the output folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    /// A folder asked for without its trailing slash: relative links need the slash.
    Redirect(String),
    NotFound,
}

/// Maps a URL path to a file under `root`. Only plain names are followed: `..`, `.`-hidden
/// names (the site marker, temporary files), encoded slashes or NULs, backslashes and
/// anything that resolves outside `root` through a link are not found.
pub fn resolve(root: &Path, url_path: &str) -> Target {
    let Some(rest) = url_path.strip_prefix('/') else {
        return Target::NotFound;
    };
    let mut file = root.to_path_buf();
    for raw in rest.split('/').filter(|raw| !raw.is_empty()) {
        let segment = match percent_decode(raw).map(String::from_utf8) {
            Some(Ok(segment)) if is_plain_name(&segment) => segment,
            _ => return Target::NotFound,
        };
        file.push(segment);
    }
    let (Ok(real_root), Ok(real)) = (root.canonicalize(), file.canonicalize()) else {
        return Target::NotFound;
    };
    if !real.starts_with(&real_root) {
        return Target::NotFound;
    }
    if real.is_dir() {
        if !url_path.ends_with('/') {
            return Target::Redirect(format!("{url_path}/"));
        }
        let index = real.join("index.html");
        return if index.is_file() {
            Target::File(index)
        } else {
            Target::NotFound
        };
    }
    if real.is_file() {
        Target::File(real)
    } else {
        Target::NotFound
    }
}

/// A single ordinary path component that is not hidden.
fn is_plain_name(segment: &str) -> bool {
    let mut components = Path::new(segment).components();
    matches!(
        (components.next(), components.next()),
        (Some(Component::Normal(_)), None)
    ) && !segment.starts_with('.')
        && !segment.contains(['/', '\\', '\0'])
}

/// `%XX` escapes decoded to bytes; `None` for a malformed escape.
fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The Content-Type of a file of the site, by extension.
pub fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "svg" => "image/svg+xml",
        "js" => "text/javascript; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    }
}

fn is_html(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "html")
}

/// The live-reload script for a page served at site `version`: it waits on
/// [`VERSION_PATH`] until a rebuild changes this page, then reloads; while the server is
/// away it retries every second.
fn reload_script(version: &str) -> String {
    format!(
        "<script>/* rapport serve: live reload (not in built files) */\
(function(){{var v=\"{version}\";function poll(){{fetch(\"{VERSION_PATH}?since=\"+v+\"&page=\"+encodeURIComponent(location.pathname),{{cache:\"no-store\"}})\
.then(function(r){{if(!r.ok)throw r.status;return r.text()}})\
.then(function(t){{if(t!==v){{location.reload()}}else{{poll()}}}},function(){{setTimeout(poll,1000)}})}}poll()}})();</script>\n"
    )
}

/// The page with the reload script before its last `</body>` (or at the end).
pub fn inject_reload(page: &str, version: &str) -> String {
    let script = reload_script(version);
    let page = &allow_reload_script(page);
    let at = page.rfind("</body>").unwrap_or(page.len());
    let mut out = String::with_capacity(page.len() + script.len());
    out.push_str(&page[..at]);
    out.push_str(&script);
    out.push_str(&page[at..]);
    out
}

/// A built page's Content-Security-Policy allows no inline script; the served copy (never
/// the file on disk) also allows the reload script and its polling of this server.
fn allow_reload_script(page: &str) -> String {
    use crate::render::{CONTENT_SECURITY_POLICY, INTERNAL_CONTENT_SECURITY_POLICY};
    let reload = "'unsafe-inline'; connect-src 'self'";
    let internal = INTERNAL_CONTENT_SECURITY_POLICY
        .replace("script-src 'self'", &format!("script-src 'self' {reload}"));
    let shared = format!("{CONTENT_SECURITY_POLICY}; script-src {reload}");
    page.replacen(
        &format!("content=\"{INTERNAL_CONTENT_SECURITY_POLICY}\""),
        &format!("content=\"{internal}\""),
        1,
    )
    .replacen(
        &format!("content=\"{CONTENT_SECURITY_POLICY}\""),
        &format!("content=\"{shared}\""),
        1,
    )
}

/// The page shown for every HTML request while the workspace does not build: the
/// diagnostics as text, and the reload script so the page recovers when the edit is fixed.
pub fn error_page(problems: &str, version: &str) -> String {
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<title>rapport: the site could not be rebuilt</title>\n\
<style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}}\
pre{{background:#fdf2f2;border-left:4px solid #b3261e;padding:1rem;overflow:auto;white-space:pre-wrap}}</style>\n\
</head>\n<body>\n<h1>The site could not be rebuilt</h1>\n\
<p>Fix the problems below and save; this page reloads by itself. The last good build is still on disk.</p>\n\
<pre>{}</pre>\n</body>\n</html>\n",
        escape(problems)
    );
    inject_reload(&page, version)
}

fn not_found(path: &str, version: &str) -> Reply {
    if path.ends_with(".html") || path.ends_with('/') {
        // A page that does not exist yet (a new account being written) appears by itself.
        let page = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Not found</title></head>\n\
<body>\n<h1>Not found</h1>\n<p>{} is not part of the site. <a href=\"{HOME}\">Portfolio</a></p>\n</body>\n</html>\n",
            escape(path)
        );
        html(404, inject_reload(&page, version))
    } else {
        text(404, "not found\n")
    }
}

fn html(code: u16, page: String) -> Reply {
    Reply {
        code,
        content_type: "text/html; charset=utf-8",
        location: None,
        body: page.into_bytes(),
    }
}

fn text(code: u16, body: &str) -> Reply {
    Reply {
        code,
        content_type: "text/plain; charset=utf-8",
        location: None,
        body: body.as_bytes().to_vec(),
    }
}

fn file_reply(bytes: Vec<u8>, content_type: &'static str) -> Reply {
    Reply {
        code: 200,
        content_type,
        location: None,
        body: bytes,
    }
}

fn redirect(location: &str) -> Reply {
    // The location comes from the request line, which was ASCII without CR or LF; checked
    // again so that no header can ever be split.
    if !location.bytes().all(|b| b.is_ascii_graphic()) {
        return text(404, "not found\n");
    }
    Reply {
        location: Some(location.to_string()),
        ..text(302, "")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::fs;

    /// An output folder with a page, a folder with an index, the marker, and a secret
    /// beside it.
    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        fs::create_dir_all(out.join("internal/accounts/acme")).unwrap();
        fs::write(out.join("internal/index.html"), "portfolio").unwrap();
        fs::write(out.join("internal/accounts/acme/index.html"), "acme").unwrap();
        fs::write(out.join("internal/with space.md"), "md").unwrap();
        fs::write(out.join(".rapport-site"), "").unwrap();
        fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        (dir, out)
    }

    #[test]
    fn serves_files_and_folder_indexes_under_the_output_folder() {
        let (_dir, out) = site();
        let real = out.canonicalize().unwrap();
        assert_eq!(
            resolve(&out, "/internal/index.html"),
            Target::File(real.join("internal/index.html"))
        );
        assert_eq!(
            resolve(&out, "/internal/accounts/acme/"),
            Target::File(real.join("internal/accounts/acme/index.html"))
        );
        assert_eq!(
            resolve(&out, "/internal/accounts/acme"),
            Target::Redirect("/internal/accounts/acme/".into())
        );
        assert_eq!(
            resolve(&out, "/internal/with%20space.md"),
            Target::File(real.join("internal/with space.md"))
        );
        assert_eq!(resolve(&out, "/internal/missing.html"), Target::NotFound);
        assert_eq!(
            resolve(&out, "/"),
            Target::NotFound,
            "the root has no index"
        );
    }

    #[test]
    fn nothing_outside_the_output_folder_or_hidden_is_reachable() {
        let (_dir, out) = site();
        for path in [
            "/../secret.txt",
            "/internal/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/internal/..%2f..%2fsecret.txt",
            "/internal/..%5c..%5csecret.txt",
            "/internal%2f..%2f..%2fsecret.txt",
            "/.rapport-site",
            "/./internal/index.html",
            "/internal/index.html%00.md",
            "/%",
            "/%zz",
            "/%ff%fe",
            "secret.txt",
            "http://example.com/internal/index.html",
        ] {
            assert_eq!(resolve(&out, path), Target::NotFound, "{path}");
        }
        // `//` segments are skipped, so an absolute-looking path stays inside.
        assert_eq!(resolve(&out, "//etc/passwd"), Target::NotFound);
        assert!(matches!(
            resolve(&out, "//internal//index.html"),
            Target::File(_)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_output_folder_is_not_followed() {
        let (dir, out) = site();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path(), out.join("up")).unwrap();
        assert_eq!(resolve(&out, "/link.txt"), Target::NotFound);
        assert_eq!(resolve(&out, "/up/secret.txt"), Target::NotFound);
    }

    #[test]
    fn content_types_name_the_format_and_charset() {
        for (name, expected) in [
            ("a/index.html", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("index.md", "text/markdown; charset=utf-8"),
            ("portfolio.json", "application/json"),
            ("2026-Q1.pdf", "application/pdf"),
            ("chart.svg", "image/svg+xml"),
            ("archive.bin", "application/octet-stream"),
            ("no-extension", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
    }

    #[test]
    fn a_served_page_s_policy_allows_the_reload_script_only_there() {
        use crate::render::{CONTENT_SECURITY_POLICY, INTERNAL_CONTENT_SECURITY_POLICY};
        for policy in [CONTENT_SECURITY_POLICY, INTERNAL_CONTENT_SECURITY_POLICY] {
            let page = format!(
                "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\"></head><body></body></html>"
            );
            let served = inject_reload(&page, "1-1");
            assert!(
                served.contains("'unsafe-inline'; connect-src 'self'"),
                "{served}"
            );
            assert!(
                !served.contains(&format!("content=\"{policy}\"")),
                "{served}"
            );
            assert_eq!(served.matches("script-src").count(), 1, "{served}");
        }
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_the_body() {
        let page = "<html><body><p>x</p></body>\n</html>\n";
        let served = inject_reload(page, "7-3");
        let script = served.find("<script>").unwrap();
        assert!(script < served.find("</body>").unwrap());
        assert!(served.contains("var v=\"7-3\""));
        assert!(served.contains(VERSION_PATH));
        assert_eq!(served.replace(&reload_script("7-3"), ""), page);
        let bare = inject_reload("<p>no body</p>", "1-1");
        assert!(bare.starts_with("<p>no body</p><script>"));
    }

    #[test]
    fn the_error_page_escapes_diagnostics_and_reloads() {
        let page = error_page("error: <script>alert(1)</script> & more", "1-2");
        assert!(page.contains("error: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
        assert_eq!(
            page.matches("<script>").count(),
            1,
            "only the reload script"
        );
        assert!(page.contains("var v=\"1-2\""));
    }
}
