//! One headless Chromium for a whole `build --pdf`, driven over a pipe ([`super::cdp`]).
//!
//! The browser runs in a process group of its own, so that ending the run ends every
//! renderer and helper it started, and so that a Ctrl-C typed at the terminal reaches
//! rapport alone: rapport then closes the browser itself, after which nothing of it is
//! left running. Its profile is a fresh temporary folder, removed when the [`Browser`] is
//! dropped, whatever way the run ends.

use super::cdp::{CdpError, Connection};
use serde_json::{json, Value};
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A running headless browser.
pub struct Browser {
    child: Child,
    /// Whether `child` was reaped: its pid, and so its group's id, may be reused then
    /// and must not be signalled.
    reaped: bool,
    connection: Arc<Connection>,
    log: PathBuf,
    /// Removed on drop, after the browser is gone (it writes there until it ends).
    profile: Option<tempfile::TempDir>,
}

impl Browser {
    /// Starts `executable` and waits at most `timeout` for it to answer.
    pub fn launch(
        executable: &Path,
        timeout: Duration,
        stop: &dyn Fn() -> bool,
    ) -> Result<Browser, String> {
        let profile = tempfile::Builder::new()
            .prefix("rapport-chromium-")
            .tempdir()
            .map_err(|e| format!("cannot make a browser profile folder: {e}"))?;
        let log = profile.path().join("browser.log");
        // Chromium's own temporary files (shared memory, `org.chromium.Chromium.*`) go
        // inside the profile too: a browser that is killed cannot remove them, and the
        // profile is removed whatever way the run ends.
        let scratch = profile.path().join("tmp");
        fs::create_dir(&scratch).map_err(|e| format!("cannot make a browser folder: {e}"))?;
        // The log goes to a file, not a pipe: Chromium writes a lot to stderr, and a full
        // pipe nobody reads would block it and look like a hang.
        let log_file =
            fs::File::create(&log).map_err(|e| format!("cannot make a log file: {e}"))?;
        let mut child = spawn(executable, profile.path(), &scratch, log_file)
            .map_err(|e| format!("cannot start {}: {e}", executable.display()))?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            return Err("cannot talk to the browser: its pipes are missing".into());
        };
        let connection = Connection::start(output, input)
            .map_err(|e| format!("cannot talk to the browser: {e}"))?;
        let mut browser = Browser {
            child,
            reaped: false,
            connection,
            log,
            profile: Some(profile),
        };
        let deadline = Instant::now() + timeout;
        match browser.call(None, "Browser.getVersion", json!({}), deadline, stop) {
            Ok(_) => Ok(browser),
            Err(CdpError::TimedOut) if !stop() => Err(format!(
                "the browser did not answer within {:.1} s and was stopped{}",
                timeout.as_secs_f64(),
                browser.log_tail()
            )),
            Err(e) => Err(browser.start_failure(&e)),
        }
    }

    pub fn connection(&self) -> &Arc<Connection> {
        &self.connection
    }

    pub fn call(
        &self,
        session: Option<&str>,
        method: &str,
        params: Value,
        deadline: Instant,
        stop: &dyn Fn() -> bool,
    ) -> Result<Value, CdpError> {
        self.connection
            .call(session, method, params, deadline, stop)
    }

    /// Why a command failed, with the browser's last log lines.
    pub fn failure(&self, error: &CdpError) -> String {
        if *error == CdpError::Closed {
            // The pipe closes a moment before the browser's last words reach its log.
            std::thread::sleep(Duration::from_millis(100));
            return format!("the browser ended{}", self.log_tail());
        }
        format!("{error}{}", self.log_tail())
    }

    /// Why the browser did not start: its exit status when it ended, and its log.
    fn start_failure(&mut self, error: &CdpError) -> String {
        if *error == CdpError::Closed {
            let deadline = Instant::now() + Duration::from_secs(2);
            while Instant::now() < deadline {
                if let Ok(Some(status)) = self.child.try_wait() {
                    self.reaped = true;
                    return format!("the browser failed ({status}){}", self.log_tail());
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        self.failure(error)
    }

    /// The last lines of the browser's log that say something.
    pub fn log_tail(&self) -> String {
        super::process::log_tail(&fs::read(&self.log).unwrap_or_default())
    }

    /// Opens a tab, attached in flat mode: its commands and events carry its session id.
    pub fn open_tab(&self, deadline: Instant, stop: &dyn Fn() -> bool) -> Result<String, CdpError> {
        let target = self.call(
            None,
            "Target.createTarget",
            json!({ "url": "about:blank" }),
            deadline,
            stop,
        )?;
        let target_id = target
            .get("targetId")
            .and_then(Value::as_str)
            .ok_or_else(|| CdpError::Protocol("no targetId".into()))?;
        let attached = self.call(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target_id, "flatten": true }),
            deadline,
            stop,
        )?;
        attached
            .get("sessionId")
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| CdpError::Protocol("no sessionId".into()))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // A polite close first: Chromium then ends its helpers itself. The group is killed
        // all the same, for a browser that hangs or ignores it.
        let deadline = Instant::now() + Duration::from_millis(500);
        let _ = self
            .connection
            .call(None, "Browser.close", json!({}), deadline, &|| false);
        if !self.reaped {
            kill_group(&mut self.child);
        }
        if let Some(profile) = self.profile.take() {
            // Chromium's last helpers may still be writing their files for a moment.
            for _ in 0..20 {
                if !profile.path().exists() || fs::remove_dir_all(profile.path()).is_ok() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = profile.close();
        }
    }
}

/// Headless flags that work as root in a container without a sandbox, a GPU or a
/// network: nothing is fetched, synced or updated while printing. Both engines use them.
pub(super) const HEADLESS_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--hide-scrollbars",
    // Web fonts would be fetched from wherever a template points; the pages use local
    // fonts only.
    "--disable-remote-fonts",
    // Our pages need no network; a stray external URL must not even be resolved (the
    // DevTools engine's request policy fails such requests anyway).
    "--host-resolver-rules=MAP * ~NOTFOUND",
];

/// The flags of the DevTools engine's browser.
fn flags(profile: &Path) -> Vec<OsString> {
    let mut args: Vec<OsString> = HEADLESS_FLAGS
        .iter()
        .chain(&["--remote-debugging-pipe"])
        .map(OsString::from)
        .collect();
    let mut dir = OsString::from("--user-data-dir=");
    dir.push(profile);
    args.push(dir);
    args.push("about:blank".into());
    args
}

/// Starts the browser with the pipe on fds 3 and 4 and in a new process group.
///
/// std's `Command` passes only fds 0 to 2, and giving a child more takes `pre_exec`,
/// which is `unsafe`; a `/bin/sh` between the two moves the pipes from 0 and 1 to 3 and
/// 4 and then replaces itself with the browser (same pid, same group).
#[cfg(unix)]
fn spawn(executable: &Path, profile: &Path, tmp: &Path, log: fs::File) -> std::io::Result<Child> {
    use std::os::unix::process::CommandExt;
    Command::new("/bin/sh")
        .env("TMPDIR", tmp)
        .arg("-c")
        .arg("exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >/dev/null")
        .arg(executable)
        .args(flags(profile))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(log))
        .process_group(0)
        .spawn()
}

#[cfg(not(unix))]
fn spawn(_: &Path, _: &Path, _: &Path, _: fs::File) -> std::io::Result<Child> {
    Err(std::io::Error::other(
        "printing over a pipe needs a Unix system",
    ))
}

/// Ends the browser and everything it started.
#[cfg(unix)]
fn kill_group(child: &mut Child) {
    if let Some(pid) = rustix::process::Pid::from_raw(child.id() as i32) {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(not(unix))]
fn kill_group(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}
