//! A real browser for page tests: headless Chromium driven by chromedriver over the W3C
//! WebDriver protocol (plain HTTP and JSON, spoken here without a client library).
//!
//! [`Browser::start`] returns `None`, after saying why on standard error, when Chromium or
//! chromedriver is not installed (Debian: `apt-get install chromium chromium-driver`);
//! `scripts/test` says so too. Elements are found by their visible text and checked for
//! the accessible name a screen reader would announce (WebDriver's computed label).

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The key WebDriver names element references with.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    profile: PathBuf,
}

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        let direct = PathBuf::from(name);
        if direct.is_absolute() && direct.is_file() {
            return Some(direct);
        }
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// A new headless Chromium with an empty profile, or `None` when it cannot run here.
    pub fn start(test: &str) -> Option<Browser> {
        let (Some(driver), Some(chromium)) = (
            find_program(&["chromedriver"]),
            // Debian's /usr/bin/chromium is a wrapper script; the browser itself is here.
            find_program(&["/usr/lib/chromium/chromium", "chromium", "chromium-browser"]),
        ) else {
            eprintln!(
                "skipped: {test}: Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
            );
            return None;
        };
        let port = free_port();
        let driver = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile =
            std::env::temp_dir().join(format!("exosh-browser-{}-{port}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).expect("profile folder");
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
            profile,
        };
        let ready = Instant::now() + Duration::from_secs(30);
        while browser.call("GET", "/status", None).is_err() {
            assert!(Instant::now() < ready, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ]
        .iter()
        .map(|a| a.to_string())
        .chain([format!("--user-data-dir={}", browser.profile.display())])
        .collect::<Vec<_>>();
        let created = browser
            .call(
                "POST",
                "/session",
                Some(json!({"capabilities": {"alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {"binary": chromium, "args": args},
                }}})),
            )
            .expect("a browser session");
        browser.session = created["sessionId"]
            .as_str()
            .expect("session id")
            .to_string();
        Some(browser)
    }

    /// One WebDriver command; its `value`, or the driver's error.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .map_err(|e| e.to_string())?;
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .map_err(|e| e.to_string())?;
        // chromedriver may keep the connection open: read the head, then Content-Length.
        let mut raw = Vec::new();
        let mut buf = [0u8; 8192];
        let (head, body) = loop {
            let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                return Err("the connection closed early".into());
            }
            raw.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&raw).into_owned();
            let Some((head, rest)) = text.split_once("\r\n\r\n") else {
                continue;
            };
            let length = head
                .lines()
                .filter_map(|l| l.split_once(':'))
                .find(|(n, _)| n.trim().eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if rest.len() >= length {
                break (head.to_string(), rest[..length].to_string());
            }
        };
        let answer: Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
        match head.split_whitespace().nth(1) {
            Some("200") => Ok(answer["value"].clone()),
            _ => Err(answer["value"].to_string()),
        }
    }

    fn session_call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        self.call(method, &path, body)
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"))
    }

    pub fn goto(&self, url: &str) {
        self.session_call("POST", "/url", Some(json!({"url": url})));
    }

    pub fn url(&self) -> String {
        self.session_call("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    pub fn title(&self) -> String {
        self.session_call("GET", "/title", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The title, once it is `expected` (a click's navigation may still be under way),
    /// or whatever it is after 10 seconds.
    pub fn wait_for_title(&self, expected: &str) -> String {
        let until = Instant::now() + Duration::from_secs(10);
        loop {
            let title = self.title();
            if title == expected || Instant::now() > until {
                return title;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The page's visible text.
    pub fn text(&self) -> String {
        let body = self.find_xpath("//body");
        self.session_call("GET", &format!("/element/{body}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs a script in the page; its result.
    pub fn script(&self, script: &str) -> Value {
        self.session_call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    fn find_xpath(&self, xpath: &str) -> String {
        let found = self.session_call(
            "POST",
            "/element",
            Some(json!({"using": "xpath", "value": xpath})),
        );
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {xpath}: {found}"))
            .to_string()
    }

    fn label(&self, element: &str) -> String {
        self.session_call("GET", &format!("/element/{element}/computedlabel"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Clicks the button whose visible text is `text`, after checking that its
    /// accessible name is that same text.
    pub fn click_button(&self, text: &str) {
        let button = self.find_xpath(&format!("//button[normalize-space()='{text}']"));
        assert_eq!(self.label(&button), text, "the button's accessible name");
        self.click(&button);
    }

    /// Clicks the link whose visible text is `text`, after checking its accessible name.
    pub fn click_link(&self, text: &str) {
        let link = self.find_xpath(&format!("//a[normalize-space()='{text}']"));
        assert_eq!(self.label(&link), text, "the link's accessible name");
        self.click(&link);
    }

    /// Clicks the `<summary>` (a disclosure) whose visible text is `text`, after checking
    /// its accessible name.
    pub fn click_summary(&self, text: &str) {
        let summary = self.find_xpath(&format!("//summary[normalize-space()='{text}']"));
        assert_eq!(
            self.label(&summary),
            text,
            "the disclosure's accessible name"
        );
        self.click(&summary);
    }

    /// Clicks the `<label>` saying `text`, as a user clicks a list row's name; returns
    /// whether the control it labels (whose accessible name must be `text`) is now checked.
    pub fn click_label(&self, text: &str) -> bool {
        let label = self.find_xpath(&format!("//label[normalize-space()='{text}']"));
        self.click(&label);
        let control = self.find_xpath(&format!(
            "//input[@id=//label[normalize-space()='{text}']/@for]"
        ));
        assert_eq!(self.label(&control), text, "the control's accessible name");
        self.session_call("GET", &format!("/element/{control}/selected"), None)
            .as_bool()
            .unwrap_or(false)
    }

    /// Clicks the first visible button saying `button` after the element whose whole
    /// text is `text` ("under MAPI: Enabled, click Disable"), checking its accessible name.
    pub fn click_button_under(&self, text: &str, button: &str) {
        let found = self.find_xpath(&format!(
            "//*[normalize-space()='{text}']/following::button[normalize-space()='{button}' and not(@hidden)][1]"
        ));
        assert_eq!(self.label(&found), button, "the button's accessible name");
        self.click(&found);
    }

    /// Whether the button whose visible text is `text` can be used.
    pub fn button_enabled(&self, text: &str) -> bool {
        let button = self.find_xpath(&format!("//button[normalize-space()='{text}']"));
        self.session_call("GET", &format!("/element/{button}/enabled"), None)
            .as_bool()
            .unwrap_or(false)
    }

    fn click(&self, element: &str) {
        self.session_call(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        );
    }

    /// Presses one key (a character, or a WebDriver key such as `\u{E004}` Tab or
    /// `\u{E007}` Enter) on whatever has the focus, as a keyboard does.
    pub fn press(&self, key: &str) {
        self.session_call(
            "POST",
            "/actions",
            Some(
                json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
                    {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}
                ]}]}),
            ),
        );
    }

    /// The accessible name of the element that has the focus.
    pub fn focused(&self) -> String {
        let active = self.session_call("GET", "/element/active", None);
        match active[ELEMENT].as_str() {
            Some(element) => self.label(element),
            None => String::new(),
        }
    }

    /// The accessible name of the group (`role="group"`) the focused element is in, as a
    /// screen reader announces it before the control ("MAPI: Enabled", then "Disable").
    pub fn focused_group(&self) -> String {
        let active = self.session_call("GET", "/element/active", None);
        let Some(element) = active[ELEMENT].as_str() else {
            return String::new();
        };
        let group = self.call(
            "POST",
            &format!("/session/{}/element/{element}/element", self.session),
            Some(json!({"using": "xpath", "value": "ancestor::*[@role='group'][1]"})),
        );
        match group.ok().as_ref().and_then(|g| g[ELEMENT].as_str()) {
            Some(group) => self.label(group),
            None => String::new(),
        }
    }

    /// Presses Tab until the focused control's accessible name is `name` (at most
    /// `limit` times); panics if it never is.
    pub fn tab_to(&self, name: &str, limit: usize) {
        self.tab_to_in(name, None, limit);
    }

    /// Presses Tab until the focused control is `name` in the group named `group` ("under
    /// MAPI: Enabled, Disable"), at most `limit` times; panics if it never is.
    pub fn tab_to_in(&self, name: &str, group: Option<&str>, limit: usize) {
        for _ in 0..limit {
            self.press("\u{E004}");
            if self.focused() == name && group.is_none_or(|g| self.focused_group() == g) {
                return;
            }
        }
        panic!("Tab never reached {name:?} (in {group:?}) in {limit} presses");
    }

    /// Every control a user can see and reach on the page (links, buttons, disclosures and
    /// fields; only the open warning's while one is open), each as (its visible text, its
    /// accessible name). A field's visible text is its label's.
    pub fn controls(&self) -> Vec<(String, String)> {
        const CONTROLS: &str =
            "a[href], button, summary, input:not([type=hidden]), select, textarea";
        let texts = self.script(&format!(
            "const modal = document.querySelector('dialog:modal');
             return Array.from(document.querySelectorAll('{CONTROLS}')).map(e => {{
               const shown = e.checkVisibility() && (!modal || modal.contains(e));
               const words = (e.matches('input, select, textarea') ? Array.from(e.labels).map(l => l.innerText).join(' ') : e.innerText);
               return shown ? words.replace(/\\s+/g, ' ').trim() : null;
             }})"
        ));
        let found = self.session_call(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": CONTROLS})),
        );
        let (Some(texts), Some(found)) = (texts.as_array(), found.as_array()) else {
            panic!("controls: {texts} {found}");
        };
        assert_eq!(texts.len(), found.len(), "the same controls, found twice");
        texts
            .iter()
            .zip(found)
            .filter_map(|(text, element)| {
                let text = text.as_str()?;
                let element = element[ELEMENT].as_str()?;
                Some((text.to_string(), self.label(element)))
            })
            .collect()
    }

    /// The page's visible text, once it contains `expected` (or after 10 seconds; a page
    /// being replaced meanwhile is waited for).
    pub fn wait_for_text(&self, expected: &str) -> String {
        let until = Instant::now() + Duration::from_secs(10);
        loop {
            let text = self
                .call(
                    "POST",
                    &format!("/session/{}/execute/sync", self.session),
                    Some(json!({"script": "return document.body.innerText", "args": []})),
                )
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            if text.contains(expected) || Instant::now() > until {
                return text;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the page's text to contain `expected`, and returns the text; panics
    /// with the page's text if it never does.
    pub fn expect_text(&self, expected: &str) -> String {
        let text = self.wait_for_text(expected);
        assert!(
            text.contains(expected),
            "{expected:?} not in the page:\n{text}"
        );
        text
    }

    /// Waits for the page's title to be `expected`; panics with the title it has if it
    /// never is.
    pub fn expect_title(&self, expected: &str) {
        assert_eq!(self.wait_for_title(expected), expected, "the page's title");
    }

    /// Sets the window's size in CSS pixels.
    pub fn resize(&self, width: u32, height: u32) {
        self.session_call(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }

    /// A PNG of what the window shows.
    pub fn screenshot(&self) -> Vec<u8> {
        use base64::Engine;
        let data = self.session_call("GET", "/screenshot", None);
        base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap_or_default())
            .expect("a base64 PNG")
    }

    /// Types into the input whose `<label>` says `label` (and whose accessible name is it).
    pub fn fill(&self, label: &str, text: &str) {
        let input = self.find_xpath(&format!(
            "//input[@id=//label[normalize-space()='{label}']/@for]"
        ));
        assert_eq!(self.label(&input), label, "the field's accessible name");
        self.session_call(
            "POST",
            &format!("/element/{input}/value"),
            Some(json!({"text": text})),
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
