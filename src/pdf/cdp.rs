//! A small Chrome DevTools Protocol client over `--remote-debugging-pipe`: JSON messages
//! ended by a NUL byte, written to the browser's fd 3 and read from its fd 4.
//!
//! Why hand-written rather than `chromiumoxide` or `headless_chrome`: printing needs six
//! commands (create and attach a tab, enable two domains, navigate, print) and one event
//! family (`Fetch.requestPaused`). Both crates bring a generated binding of the whole
//! protocol (tens of thousands of lines to compile on every clean build), a WebSocket
//! stack and, for chromiumoxide, tokio; both find the browser and its debugging port by
//! reading its stderr or a port file, which a pipe does not need: no port is opened at
//! all, so no other local process can drive the browser, and the browser's end of the
//! pipe closes when it dies, which every wait here notices at once.
//!
//! One reader thread owns the browser's output. It hands each command's answer to the
//! caller waiting for it, passes each tab's events to that tab's channel, and answers
//! every paused request itself from the tab's [`Policy`]: a request must be answered
//! before the navigation that caused it can go on, so answering it anywhere else (in
//! the thread waiting for `Page.navigate`) would deadlock.

use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// An event the browser sent about one tab: its method is all the printer looks at.
#[derive(Debug, Clone)]
pub struct Event {
    pub method: String,
}

/// Which URLs a tab may load: files inside one folder, given as its `file://` URL with a
/// trailing `/`. Everything else (other files, http, https, ws, ftp) is failed.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    pub folder_url: String,
}

impl Policy {
    /// Whether `url` names a file inside the folder. Chromium hands over URLs already
    /// resolved (no `.` or `..` segments), but a percent-encoded `..` is refused here too
    /// rather than trusted to the browser's decoding.
    pub fn allows(&self, url: &str) -> bool {
        if self.folder_url.is_empty() || !self.folder_url.ends_with('/') {
            return false;
        }
        let Some(rest) = url.strip_prefix(&self.folder_url) else {
            return false;
        };
        let path = rest.split(['?', '#']).next().unwrap_or("");
        !path.split('/').any(|segment| {
            let lower = segment.to_ascii_lowercase().replace("%2e", ".");
            lower == ".." || lower == "."
        }) && !path.contains('\\')
            && !path.to_ascii_lowercase().contains("%2f")
            && !path.to_ascii_lowercase().contains("%5c")
    }
}

/// Why a command got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CdpError {
    /// The browser answered with an error.
    Protocol(String),
    /// No answer in time.
    TimedOut,
    /// The browser closed the pipe: it exited or crashed.
    Closed,
}

impl std::fmt::Display for CdpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CdpError::Protocol(message) => write!(f, "the browser refused: {message}"),
            CdpError::TimedOut => f.write_str("the browser did not answer in time"),
            CdpError::Closed => f.write_str("the browser closed its connection"),
        }
    }
}

type Answer = Result<Value, CdpError>;

#[derive(Default)]
struct Shared {
    pending: HashMap<u64, Sender<Answer>>,
    tabs: HashMap<String, Sender<Event>>,
    policies: HashMap<String, Policy>,
    closed: bool,
}

/// The connection to one browser.
pub struct Connection {
    writer: Mutex<Box<dyn Write + Send>>,
    next_id: AtomicU64,
    shared: Mutex<Shared>,
}

/// How often a wait looks up from its channel, to notice an interruption.
const TICK: Duration = Duration::from_millis(100);

impl Connection {
    /// Starts the reader thread on the browser's output and returns the connection.
    pub fn start(
        reader: impl Read + Send + 'static,
        writer: impl Write + Send + 'static,
    ) -> std::io::Result<Arc<Connection>> {
        let connection = Arc::new(Connection {
            writer: Mutex::new(Box::new(writer)),
            next_id: AtomicU64::new(1),
            shared: Mutex::new(Shared::default()),
        });
        let reading = connection.clone();
        std::thread::Builder::new()
            .name("cdp-reader".into())
            .spawn(move || reading.read_loop(reader))?;
        Ok(connection)
    }

    fn shared(&self) -> MutexGuard<'_, Shared> {
        // A panic in another thread while it held the lock leaves plain maps behind,
        // still usable.
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends `method` (to the tab `session`, or the browser when `None`) and waits for
    /// its answer until `deadline`, looking up every [`TICK`] to ask `stop` whether to
    /// give up early.
    pub fn call(
        &self,
        session: Option<&str>,
        method: &str,
        params: Value,
        deadline: Instant,
        stop: &dyn Fn() -> bool,
    ) -> Answer {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (sender, receiver) = mpsc::channel();
        {
            let mut shared = self.shared();
            if shared.closed {
                return Err(CdpError::Closed);
            }
            shared.pending.insert(id, sender);
        }
        if self.send(id, session, method, params).is_err() {
            self.shared().pending.remove(&id);
            return Err(CdpError::Closed);
        }
        let answer = wait(&receiver, deadline, stop);
        self.shared().pending.remove(&id);
        match answer {
            Some(Ok(answer)) => answer,
            Some(Err(())) => Err(CdpError::Closed),
            None => Err(CdpError::TimedOut),
        }
    }

    /// Sends a command whose answer nobody waits for.
    fn send_only(&self, session: Option<&str>, method: &str, params: Value) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let _ = self.send(id, session, method, params);
    }

    fn send(
        &self,
        id: u64,
        session: Option<&str>,
        method: &str,
        params: Value,
    ) -> std::io::Result<()> {
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let (Some(session), Some(object)) = (session, message.as_object_mut()) {
            object.insert("sessionId".into(), Value::String(session.into()));
        }
        let mut bytes = serde_json::to_vec(&message).map_err(std::io::Error::other)?;
        bytes.push(0);
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.write_all(&bytes)?;
        writer.flush()
    }

    /// The channel of `session`'s events, from now on.
    pub fn events(&self, session: &str) -> Receiver<Event> {
        let (sender, receiver) = mpsc::channel();
        self.shared().tabs.insert(session.to_string(), sender);
        receiver
    }

    /// What `session` may load from now on.
    pub fn set_policy(&self, session: &str, policy: Policy) {
        self.shared().policies.insert(session.to_string(), policy);
    }

    fn read_loop(&self, reader: impl Read) {
        let mut reader = BufReader::new(reader);
        let mut buffer = Vec::new();
        loop {
            buffer.clear();
            match reader.read_until(0, &mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            if buffer.last() == Some(&0) {
                buffer.pop();
            }
            // A message that is not JSON is skipped: the next one may be fine.
            if let Ok(message) = serde_json::from_slice::<Value>(&buffer) {
                self.dispatch(message);
            }
        }
        let mut shared = self.shared();
        shared.closed = true;
        // Dropping the senders wakes every waiter with "closed".
        shared.pending.clear();
        shared.tabs.clear();
    }

    fn dispatch(&self, mut message: Value) {
        if let Some(id) = message.get("id").and_then(Value::as_u64) {
            let answer = match message.get_mut("error") {
                Some(error) => Err(CdpError::Protocol(
                    error
                        .get("message")
                        .and_then(Value::as_str)
                        .unwrap_or("unknown error")
                        .to_string(),
                )),
                None => Ok(message
                    .get_mut("result")
                    .map(Value::take)
                    .unwrap_or(Value::Null)),
            };
            if let Some(sender) = self.shared().pending.remove(&id) {
                let _ = sender.send(answer);
            }
            return;
        }
        let method = message
            .get("method")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let session = message
            .get("sessionId")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        if method == "Fetch.requestPaused" {
            self.judge(&session, message.get("params").unwrap_or(&Value::Null));
            return;
        }
        let shared = self.shared();
        if let Some(tab) = shared.tabs.get(&session) {
            let _ = tab.send(Event { method });
        }
    }

    /// Lets a paused request go on if the tab's policy allows its URL, and fails it
    /// otherwise. A tab without a policy loads nothing.
    fn judge(&self, session: &str, params: &Value) {
        let Some(request_id) = params.get("requestId").and_then(Value::as_str) else {
            return;
        };
        let url = params
            .pointer("/request/url")
            .and_then(Value::as_str)
            .unwrap_or("");
        let allowed = self
            .shared()
            .policies
            .get(session)
            .is_some_and(|policy| policy.allows(url));
        if allowed {
            self.send_only(
                Some(session),
                "Fetch.continueRequest",
                json!({ "requestId": request_id }),
            );
        } else {
            self.send_only(
                Some(session),
                "Fetch.failRequest",
                json!({ "requestId": request_id, "errorReason": "AccessDenied" }),
            );
        }
    }
}

/// Waits on `receiver` until `deadline`: `Some(Ok)` with a message, `Some(Err)` when its
/// sender is gone, `None` at the deadline or when `stop` says so.
pub fn wait<T>(
    receiver: &Receiver<T>,
    deadline: Instant,
    stop: &dyn Fn() -> bool,
) -> Option<Result<T, ()>> {
    loop {
        if stop() {
            return None;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return None;
        }
        match receiver.recv_timeout(left.min(TICK)) {
            Ok(message) => return Some(Ok(message)),
            Err(RecvTimeoutError::Disconnected) => return Some(Err(())),
            Err(RecvTimeoutError::Timeout) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn a_policy_allows_files_inside_its_folder_only() {
        let policy = Policy {
            folder_url: "file:///tmp/rapport-print-x/".into(),
        };
        assert!(policy.allows("file:///tmp/rapport-print-x/statement.html"));
        assert!(policy.allows("file:///tmp/rapport-print-x/style.css?v=1"));
        assert!(policy.allows("file:///tmp/rapport-print-x/accounts/a/2026-Q1.html"));
        for refused in [
            "file:///tmp/rapport-print-x",
            "file:///tmp/rapport-print-xy/statement.html",
            "file:///tmp/rapport-print-x/../internal/index.html",
            "file:///tmp/rapport-print-x/%2e%2E/internal/index.html",
            "file:///tmp/rapport-print-x/a%2f..%2fb",
            "file:///etc/passwd",
            "http://example.com/x.css",
            "https://127.0.0.1/",
            "ws://localhost/",
            "data:text/html,<p>x</p>",
        ] {
            assert!(!policy.allows(refused), "{refused}");
        }
        assert!(!Policy::default().allows("file:///x"));
    }

    /// A stand-in browser on the other end of two pipes: answers each command with its
    /// method name, after pausing one request for the tab to judge.
    #[test]
    fn answers_reach_their_callers_and_paused_requests_are_judged() {
        let (client_reads, mut to_client) = std::io::pipe().unwrap();
        let (from_client, client_writes) = std::io::pipe().unwrap();
        let connection = Connection::start(client_reads, client_writes).unwrap();
        connection.set_policy(
            "tab",
            Policy {
                folder_url: "file:///ok/".into(),
            },
        );
        let browser = std::thread::spawn(move || {
            let mut reader = BufReader::new(from_client);
            for url in ["file:///ok/a.css", "file:///secret/b.html"] {
                let paused = json!({"method": "Fetch.requestPaused", "sessionId": "tab",
                    "params": {"requestId": url, "request": {"url": url}}});
                to_client
                    .write_all(&[serde_json::to_vec(&paused).unwrap(), vec![0]].concat())
                    .unwrap();
            }
            // Two verdicts and one command, in whatever order they come.
            let mut seen = Vec::new();
            for _ in 0..3 {
                let mut line = Vec::new();
                reader.read_until(0, &mut line).unwrap();
                line.pop();
                let message: Value = serde_json::from_slice(&line).unwrap();
                if message["method"].as_str().unwrap().starts_with("Fetch.") {
                    seen.push(message);
                    continue;
                }
                let answer = json!({"id": message["id"], "result": {"echo": message["method"]}});
                to_client
                    .write_all(&[serde_json::to_vec(&answer).unwrap(), vec![0]].concat())
                    .unwrap();
            }
            seen
        });
        let deadline = Instant::now() + Duration::from_secs(10);
        let answer = connection
            .call(Some("tab"), "Page.enable", json!({}), deadline, &|| false)
            .unwrap();
        assert_eq!(answer["echo"], "Page.enable");
        let seen = browser.join().unwrap();
        assert_eq!(seen[0]["method"], "Fetch.continueRequest");
        assert_eq!(seen[1]["method"], "Fetch.failRequest");
        assert_eq!(seen[1]["sessionId"], "tab");
        // The browser is gone: the next call says so at once.
        let closed = connection.call(None, "Browser.close", json!({}), deadline, &|| false);
        assert_eq!(closed, Err(CdpError::Closed));
    }
}
