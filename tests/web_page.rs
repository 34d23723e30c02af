//! The admin web page of `exosh serve`, end to end: a real server on loopback, a real
//! headless Chromium clicking what an admin clicks, and the real `exosh` shell reading
//! the organisation afterwards.
//!
//! - the documented procedure (Recipients › Mailboxes, the mailbox, Edit, Mailbox
//!   Features, Disable + Yes / Enable, Save), by mouse and again by keyboard alone, each
//!   Save checked with Get-CASMailbox and found in Search-UnifiedAuditLog under the
//!   signed-in user; Cancel and No change nothing; sign-out; the README's screenshot;
//!   every control named by its visible text, every page readable at 1280x800 and on a
//!   phone (390x844);
//! - a View-Only Organization Management member sees the settings with the controls
//!   disabled, and the server refuses a Save anyway; a Save the server refuses (the
//!   mailbox gone meanwhile) shows the server's message and changes nothing, not even one
//!   of its two changes; a bulk edit with one mailbox gone saves the others whole and
//!   says which were not;
//! - 20,000 mailboxes searched and paged by the server, and a bulk edit of 3 of them;
//! - without a browser: sign-in (the cookie HttpOnly and SameSite=Strict), CSRF (a
//!   change without the page's nonce is refused), sign-out ending the session, the assets
//!   and the pages' headers.
//!
//! The browser tests say they are skipped when Chromium is not installed.

mod browser;
mod common;
#[path = "remote/server.rs"]
mod server;

use browser::Browser;
use server::{ADMIN, Reply, Scratch, Server, request, token};

/// Where the Mailbox Features screenshot is written (the README shows a copy of it).
fn screenshot_path() -> std::path::PathBuf {
    std::env::temp_dir().join("exosh-mailbox-features.png")
}

/// Runs `command` in the exosh shell on the scratch organisation; its output, trimmed.
fn shell(scratch: &Scratch, command: &str) -> String {
    let out = scratch
        .exosh()
        .args(["-NoProfile", "-NonInteractive", "-Command", command])
        .output()
        .expect("exosh runs");
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        out.status.success(),
        "{command}: {text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// The six Mailbox Features settings of a mailbox, as the shell lists them.
fn connectivity(scratch: &Scratch, identity: &str) -> String {
    shell(
        scratch,
        &format!(
            "Get-CASMailbox -Identity '{identity}' | Format-List OWAEnabled,ImapEnabled,PopEnabled,MapiEnabled,ActiveSyncEnabled,OWAforDevicesEnabled"
        ),
    )
}

fn settings(owa: bool, imap: bool, pop: bool, mapi: bool, eas: bool, owa_devices: bool) -> String {
    let word = |b: bool| if b { "True" } else { "False" };
    format!(
        "OWAEnabled           : {}\nImapEnabled          : {}\nPopEnabled           : {}\nMapiEnabled          : {}\nActiveSyncEnabled    : {}\nOWAforDevicesEnabled : {}",
        word(owa),
        word(imap),
        word(pop),
        word(mapi),
        word(eas),
        word(owa_devices)
    )
}

/// The Set-CASMailbox records of the audit log, newest first, as
/// "caller object parameter=value,...".
fn audit(scratch: &Scratch) -> Vec<String> {
    shell(
        scratch,
        "Search-UnifiedAuditLog -StartDate 2000-01-01 -EndDate 2100-01-01 -Operations Set-CASMailbox |
         ForEach-Object { $d = $_.AuditData | ConvertFrom-Json
           '{0} {1} {2}' -f $_.UserIds, $d.ObjectId, (($d.Parameters | ForEach-Object { \"$($_.Name)=$($_.Value)\" }) -join ',') }",
    )
    .lines()
    .map(str::to_string)
    .collect()
}

/// Every setting enabled, as a new mailbox has them.
fn all_on() -> String {
    settings(true, true, true, true, true, true)
}

/// A sample organisation served over HTTP.
fn served() -> (Scratch, Server) {
    let scratch = Scratch::new();
    shell(&scratch, "$null = Get-Mailbox -ResultSize 1"); // the sample organisation
    let server = Server::start(&scratch, &[]);
    (scratch, server)
}

/// Signs the browser in as `upn` by opening `path?token=...`.
fn sign_in(browser: &Browser, scratch: &Scratch, server: &Server, upn: &str, path: &str) {
    browser.goto(&format!(
        "{}{path}?token={}",
        server.base,
        token(scratch, upn, None)
    ));
}

/// Sizes the window so that the page itself gets `width` x `height` CSS pixels.
fn viewport(browser: &Browser, width: u32, height: u32) {
    browser.resize(width, height);
    let inner = browser.script("return [window.innerWidth, window.innerHeight]");
    let (w, h) = (
        inner[0].as_u64().unwrap_or(0) as u32,
        inner[1].as_u64().unwrap_or(0) as u32,
    );
    browser.resize(width * 2 - w.min(width * 2), height * 2 - h.min(height * 2));
}

/// Whether the page fits the window's width (nothing to scroll sideways).
fn fits_width(browser: &Browser) -> bool {
    browser.script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth",
    ) == serde_json::json!(true)
}

/// Checks that the page is readable in the window it has: nothing to scroll sideways, and
/// every piece of text and every control the user can see (an open warning's too) is
/// inside the window and in type of 12 CSS pixels or more. `what` names the page.
fn readable(browser: &Browser, what: &str) {
    assert!(
        fits_width(browser),
        "{what}: the page is wider than the window"
    );
    let offenders = browser.script(
        "const clipped = e => { for (; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== 'none') return true; return false; };
         return Array.from(document.querySelectorAll('h1, h2, h3, p, li, dt, dd, th, td, label, a, button, summary, input, dialog'))
           .filter(e => e.getClientRects().length > 0 && !e.matches('.skip') && !clipped(e))
           .filter(e => { const r = e.getBoundingClientRect();
             return r.left < -0.5 || r.right > document.documentElement.clientWidth + 0.5 || parseFloat(getComputedStyle(e).fontSize) < 12; })
           .map(e => e.tagName + ': ' + (e.innerText || e.value || '').slice(0, 40))",
    );
    assert_eq!(
        offenders,
        serde_json::json!([]),
        "{what}: cut off or too small"
    );
}

/// Checks that every control on the page is named by its visible text (a screen reader
/// announces what the user sees); `what` names the page.
fn named_by_text(browser: &Browser, what: &str) {
    let controls = browser.controls();
    assert!(!controls.is_empty(), "{what}: no controls");
    for (text, name) in controls {
        assert!(
            !text.is_empty(),
            "{what}: a control without visible text ({name:?})"
        );
        assert_eq!(name, text, "{what}: the accessible name of {text:?}");
    }
}

/// The mailbox list's rows: each row's Display name, Email address and Recipient type.
fn rows(browser: &Browser) -> Vec<[String; 3]> {
    let found = browser.script(
        "return Array.from(document.querySelectorAll('tbody tr')).map(r => Array.from(r.cells).slice(1).map(c => c.textContent))",
    );
    serde_json::from_value(found).expect("rows of three cells")
}

const TAB_LIMIT: usize = 80;
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const SPACE: &str = " ";

/// Opens a mailbox's Mailbox Features from the mailbox list by mouse: click the mailbox,
/// Edit, Mailbox Features; waits for `state` ("MAPI: Enabled") to show.
fn open_features(browser: &Browser, name: &str, state: &str) {
    assert!(browser.click_label(name), "{name} is selected");
    browser.click_button("Edit");
    browser.expect_title(&format!("{name} - Exchange admin center"));
    browser.click_link("Mailbox Features");
    browser.expect_text(state);
}

#[test]
fn the_documented_procedure_in_a_real_browser() {
    let Some(browser) = Browser::start("the_documented_procedure_in_a_real_browser") else {
        return;
    };
    let (scratch, server) = served();
    let all_on = all_on();
    let mapi_off = settings(true, true, true, false, true, true);
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), all_on);
    viewport(&browser, 1280, 800);

    // Signing in: the token leaves the address bar; no script can read the cookie.
    sign_in(&browser, &scratch, &server, ADMIN, "/");
    assert_eq!(browser.url(), format!("{}/", server.base));
    assert_eq!(browser.script("return document.cookie"), "");
    assert_eq!(browser.title(), "Exchange admin center");
    named_by_text(&browser, "the start page");
    readable(&browser, "the start page at 1280x800");

    // 1. Navigate to Recipients › Mailboxes.
    browser.click_summary("Recipients");
    browser.click_link("Mailboxes");
    browser.expect_title("Mailboxes - Exchange admin center");
    let list = browser.text();
    for column in ["Display name", "Email address", "Recipient type"] {
        assert!(list.contains(column), "{list}");
    }
    assert!(
        rows(&browser).contains(&[
            "Ken Sanchez".to_string(),
            "ken@contoso.com".to_string(),
            "UserMailbox".to_string()
        ]),
        "{list}"
    );
    named_by_text(&browser, "the mailbox list");
    readable(&browser, "the mailbox list at 1280x800");

    // 2. Click the mailbox, then click Edit.
    assert!(
        browser.click_label("Ken Sanchez"),
        "the mailbox is selected"
    );
    browser.click_button("Edit");
    browser.expect_title("Ken Sanchez - Exchange admin center");
    named_by_text(&browser, "General");

    // 3. On the mailbox properties page, click Mailbox Features.
    browser.click_link("Mailbox Features");
    let features = browser.expect_text("Email Connectivity");
    for line in [
        "Outlook on the web: Enabled",
        "IMAP: Enabled",
        "POP3: Enabled",
        "MAPI: Enabled",
        "Mobile Devices",
        "Exchange ActiveSync: Enabled",
        "Outlook on the web for devices: Enabled",
    ] {
        assert!(features.contains(line), "{line} in {features}");
    }
    named_by_text(&browser, "Mailbox Features");
    readable(&browser, "Mailbox Features at 1280x800");
    std::fs::write(screenshot_path(), browser.screenshot()).expect("screenshot written");
    eprintln!("screenshot: {}", screenshot_path().display());

    // 4. Under MAPI: Enabled, click Disable; a warning asks whether you're sure; Yes.
    browser.click_button_under("MAPI: Enabled", "Disable");
    browser.expect_text("Are you sure you want to disable MAPI for Ken Sanchez?");
    named_by_text(&browser, "the warning");
    readable(&browser, "the warning at 1280x800");
    browser.click_button("Yes");
    browser.expect_text("MAPI: Disabled");
    // Nothing is saved before Save.
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), all_on);

    // 5. Click Save.
    browser.click_button("Save");
    browser.expect_text("Your changes have been saved.");
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), mapi_off);

    // To enable it: under MAPI: Disabled, click Enable (no warning); Save.
    open_features(&browser, "Ken Sanchez", "MAPI: Disabled");
    browser.click_button_under("MAPI: Disabled", "Enable");
    browser.expect_text("MAPI: Enabled");
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), mapi_off);
    browser.click_button("Save");
    browser.expect_text("Your changes have been saved.");
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), all_on);

    // The same by keyboard alone, from the start page: Tab to each control, Enter or Space.
    browser.goto(&format!("{}/", server.base));
    browser.tab_to("Recipients", TAB_LIMIT);
    browser.press(ENTER);
    browser.tab_to("Mailboxes", TAB_LIMIT);
    browser.press(ENTER);
    browser.expect_title("Mailboxes - Exchange admin center");
    browser.tab_to("Ken Sanchez", TAB_LIMIT);
    browser.press(SPACE);
    browser.tab_to("Edit", TAB_LIMIT);
    browser.press(ENTER);
    browser.expect_title("Ken Sanchez - Exchange admin center");
    browser.tab_to("Mailbox Features", TAB_LIMIT);
    browser.press(ENTER);
    browser.expect_text("MAPI: Enabled");
    browser.tab_to_in("Disable", Some("MAPI: Enabled"), TAB_LIMIT);
    browser.press(ENTER);
    // The warning takes the focus, on Yes; Escape answers it as No would.
    browser.expect_text("Are you sure you want to disable MAPI for Ken Sanchez?");
    assert_eq!(browser.focused(), "Yes");
    browser.press(ESCAPE);
    assert_eq!(browser.focused(), "Disable");
    assert_eq!(browser.focused_group(), "MAPI: Enabled");
    browser.press(ENTER);
    browser.expect_text("Are you sure you want to disable MAPI for Ken Sanchez?");
    assert_eq!(browser.focused(), "Yes");
    browser.press(ENTER);
    browser.expect_text("MAPI: Disabled");
    browser.tab_to("Save", TAB_LIMIT);
    browser.press(ENTER);
    browser.expect_text("Your changes have been saved.");
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), mapi_off);
    browser.tab_to("Ken Sanchez", TAB_LIMIT);
    browser.press(SPACE);
    browser.tab_to("Edit", TAB_LIMIT);
    browser.press(ENTER);
    browser.expect_title("Ken Sanchez - Exchange admin center");
    browser.tab_to("Mailbox Features", TAB_LIMIT);
    browser.press(ENTER);
    browser.expect_text("MAPI: Disabled");
    browser.tab_to_in("Enable", Some("MAPI: Disabled"), TAB_LIMIT);
    browser.press(ENTER);
    browser.expect_text("MAPI: Enabled");
    browser.tab_to("Save", TAB_LIMIT);
    browser.press(ENTER);
    browser.expect_text("Your changes have been saved.");
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), all_on);

    // Each Save is in the audit log, under the signed-in user (newest first).
    let guid = shell(&scratch, "(Get-Mailbox -Identity 'Ken Sanchez').Guid");
    let disabled = format!("{ADMIN} {guid} Identity={guid},MAPIEnabled=False");
    let enabled = format!("{ADMIN} {guid} Identity={guid},MAPIEnabled=True");
    assert_eq!(
        audit(&scratch),
        [&enabled, &disabled, &enabled, &disabled].map(String::as_str)
    );

    // No in the warning, then Cancel: nothing changes.
    open_features(&browser, "Ken Sanchez", "POP3: Enabled");
    browser.click_button_under("POP3: Enabled", "Disable");
    browser.expect_text("Are you sure you want to disable POP3");
    browser.click_button("No");
    assert!(browser.text().contains("POP3: Enabled"));
    browser.click_button_under("POP3: Enabled", "Disable");
    browser.expect_text("Are you sure you want to disable POP3");
    browser.click_button("Yes");
    browser.expect_text("POP3: Disabled");
    // A warning closed unanswered and the next one opened at once, before the first's
    // close event has run (as a quick user on a busy browser can): Yes answers the second.
    browser.script(
        "const disable = document.querySelector('button.toggle[data-setting=MAPIEnabled][data-value=false]');
         disable.click(); document.getElementById('confirm').close(); disable.click();",
    );
    browser.click_button("Yes");
    browser.expect_text("MAPI: Disabled");
    browser.click_button("Cancel");
    browser.expect_title("Mailboxes - Exchange admin center");
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), all_on);
    assert_eq!(audit(&scratch).len(), 4);

    // A phone-sized window shows each page whole.
    viewport(&browser, 390, 844);
    readable(&browser, "the mailbox list on a phone");
    open_features(&browser, "Ken Sanchez", "MAPI: Enabled");
    readable(&browser, "Mailbox Features on a phone");
    browser.click_button_under("MAPI: Enabled", "Disable");
    browser.expect_text("Are you sure you want to disable MAPI for Ken Sanchez?");
    readable(&browser, "the warning on a phone");
    browser.click_button("No");
    browser.click_button("Cancel");
    browser.expect_title("Mailboxes - Exchange admin center");

    // Sign out: the session is over.
    browser.click_button("Sign out");
    browser.expect_title("Sign in to the Exchange admin center");
    browser.goto(&format!("{}/recipients/mailboxes", server.base));
    assert_eq!(browser.title(), "Sign in to the Exchange admin center");
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), all_on);
}

#[test]
fn refusals_show_in_the_page_and_change_nothing() {
    let Some(browser) = Browser::start("refusals_show_in_the_page_and_change_nothing") else {
        return;
    };
    let (scratch, server) = served();
    let all_on = all_on();
    let guid = shell(&scratch, "(Get-Mailbox -Identity 'Ken Sanchez').Guid");
    let features = format!(
        "{}/recipients/mailboxes/edit?id={guid}&section=features",
        server.base
    );

    // A View-Only Organization Management member sees the settings, controls disabled.
    shell(
        &scratch,
        "Add-RoleGroupMember -Identity 'View-Only Organization Management' -Member yan",
    );
    sign_in(
        &browser,
        &scratch,
        &server,
        "yan@contoso.com",
        "/recipients/mailboxes",
    );
    assert!(browser.click_label("Ken Sanchez"));
    browser.click_button("Edit");
    browser.expect_title("Ken Sanchez - Exchange admin center");
    browser.click_link("Mailbox Features");
    browser.expect_text("MAPI: Enabled");
    browser.expect_text("You can view these settings but not change them");
    named_by_text(&browser, "Mailbox Features, view only");
    let usable = "return Array.from(document.querySelectorAll('#edit button'))\
        .filter(b => !b.disabled).map(b => b.textContent)";
    assert_eq!(browser.script(usable), serde_json::json!(["Cancel"]));
    // The server refuses anyway, even when the page is tampered with.
    browser.script("document.querySelectorAll('button').forEach(b => b.disabled = false)");
    browser.click_button_under("MAPI: Enabled", "Disable");
    browser.expect_text("Are you sure");
    browser.click_button("Yes");
    browser.expect_text("MAPI: Disabled");
    browser.click_button("Save");
    browser.expect_text("Your changes weren't saved.");
    browser.expect_text(
        "The user \"yan@contoso.com\" isn't assigned to any management roles that allow running the cmdlet 'Set-CASMailbox'.",
    );
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), all_on);
    assert_eq!(audit(&scratch), Vec::<String>::new());

    // An administrator's Save of two changes to a mailbox that is gone meanwhile.
    sign_in(&browser, &scratch, &server, ADMIN, "/recipients/mailboxes");
    browser.goto(&features);
    browser.expect_text("MAPI: Enabled");
    for setting in ["MAPI", "POP3"] {
        browser.click_button_under(&format!("{setting}: Enabled"), "Disable");
        browser.expect_text(&format!("Are you sure you want to disable {setting}"));
        browser.click_button("Yes");
        browser.expect_text(&format!("{setting}: Disabled"));
    }
    // Meanwhile another admin removes the mailbox.
    shell(
        &scratch,
        "Remove-Mailbox -Identity 'Ken Sanchez' -Confirm:$false",
    );
    browser.click_button("Save");
    let page = browser.expect_text("Your changes weren't saved.");
    let expected =
        format!("The operation couldn't be performed because object '{guid}' couldn't be found on");
    assert!(page.contains(&expected), "{page}");
    // The page is as the user left it, ready to retry or cancel.
    assert!(page.contains("MAPI: Disabled"), "{page}");
    assert!(page.contains("POP3: Disabled"), "{page}");
    assert!(browser.button_enabled("Save"));
    assert_eq!(
        shell(&scratch, "@(Get-Mailbox -Anr 'Ken Sanchez').Count"),
        "0"
    );
    // Nothing was half-saved: the mailbox, restored, has every setting it had.
    shell(
        &scratch,
        "Undo-SoftDeletedMailbox -SoftDeletedObject 'Ken Sanchez'",
    );
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), all_on);
    assert_eq!(audit(&scratch), Vec::<String>::new());
    // Save again: now both changes are made, in one command.
    browser.click_button("Save");
    browser.expect_text("Your changes have been saved.");
    assert_eq!(
        connectivity(&scratch, "Ken Sanchez"),
        settings(true, true, false, false, true, true)
    );
    assert_eq!(
        audit(&scratch),
        [format!(
            "{ADMIN} {guid} Identity={guid},PopEnabled=False,MAPIEnabled=False"
        )]
    );

    // A bulk edit of three, one of them removed meanwhile: the other two are saved whole
    // (as the EAC saves a bulk edit, mailbox by mailbox), the page says which were not
    // and why, and the removed one, restored, is as it was.
    let trio = ["Christa Knapp", "Elly Nkya", "Esther Valle"];
    browser.goto(&format!("{}/recipients/mailboxes", server.base));
    for name in trio {
        assert!(browser.click_label(name), "{name} is selected");
    }
    browser.click_button("Edit");
    browser.expect_title("Bulk edit: 3 mailboxes - Exchange admin center");
    for setting in ["IMAP", "Outlook on the web for devices"] {
        browser.click_button_under(&format!("{setting}: Enabled"), "Disable");
        browser.expect_text(&format!(
            "Are you sure you want to disable {setting} for the 3 selected mailboxes?"
        ));
        browser.click_button("Yes");
        browser.expect_text(&format!("{setting}: Disabled"));
    }
    let elly = shell(&scratch, "(Get-Mailbox -Identity 'Elly Nkya').Guid");
    shell(
        &scratch,
        "Remove-Mailbox -Identity 'Elly Nkya' -Confirm:$false",
    );
    browser.click_button("Save");
    let page = browser.expect_text(
        "Your changes were saved for Christa Knapp, Esther Valle but not for the other 1.",
    );
    let reason = format!(
        "Elly Nkya: The operation couldn't be performed because object '{elly}' couldn't be found on"
    );
    assert!(page.contains(&reason), "{page}");
    let changed = settings(true, false, true, true, true, false);
    assert_eq!(connectivity(&scratch, "Christa Knapp"), changed);
    assert_eq!(connectivity(&scratch, "Esther Valle"), changed);
    shell(
        &scratch,
        "Undo-SoftDeletedMailbox -SoftDeletedObject 'Elly Nkya'",
    );
    assert_eq!(connectivity(&scratch, "Elly Nkya"), all_on);
}

/// A Save posted by hand: (cookie, form token) of a session, and the fields.
fn post_save(server: &Server, cookie: &str, fields: &[(&str, &str)]) -> Reply {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    request(
        server.port,
        "POST",
        "/recipients/mailboxes/save",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Cookie", cookie),
        ],
        body.as_bytes(),
    )
}

fn get(server: &Server, path: &str, cookie: &str) -> Reply {
    request(server.port, "GET", path, &[("Cookie", cookie)], b"")
}

/// Signs in with raw requests: the cookie and the pages' form token.
fn raw_sign_in(scratch: &Scratch, server: &Server, upn: &str) -> (String, String) {
    let reply = request(
        server.port,
        "GET",
        &format!("/?token={}", token(scratch, upn, None)),
        &[],
        b"",
    );
    assert_eq!(reply.status, 303);
    assert_eq!(reply.header("location"), Some("/"));
    let set = reply.header("set-cookie").expect("a session cookie");
    // No script reads it, no other site's page sends it.
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(
            set.split(';').any(|a| a.trim() == attribute),
            "{attribute} in {set}"
        );
    }
    let cookie = set.split(';').next().expect("name=value").to_string();
    let home = get(server, "/", &cookie);
    let marker = "name=\"session\" value=\"";
    let start = home.body.find(marker).expect("a form token") + marker.len();
    let form_token = home.body[start..]
        .split('"')
        .next()
        .unwrap_or("")
        .to_string();
    (cookie, form_token)
}

#[test]
fn changes_need_the_pages_own_form_and_a_live_session() {
    let (scratch, server) = served();
    let guid = shell(&scratch, "(Get-Mailbox -Identity 'Ken Sanchez').Guid");
    let (cookie, form_token) = raw_sign_in(&scratch, &server, ADMIN);
    // The fields of the page's Save form, with `nonce` as its form token (none: left out).
    let change = |nonce: Option<&str>| -> Vec<(&'static str, String)> {
        let mut fields = vec![
            ("id", guid.clone()),
            ("name", "Ken Sanchez".to_string()),
            ("was.MAPIEnabled", "true".to_string()),
            ("MAPIEnabled", "false".to_string()),
        ];
        if let Some(nonce) = nonce {
            fields.push(("session", nonce.to_string()));
        }
        fields
    };
    let save = |cookie: &str, fields: Vec<(&'static str, String)>| {
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        post_save(&server, cookie, &refs)
    };
    let before = connectivity(&scratch, "Ken Sanchez");

    // Another site's form: no nonce, or a wrong one; no cookie at all.
    let forged = save(&cookie, change(None));
    assert_eq!(forged.status, 403, "{}", forged.body);
    assert_eq!(save(&cookie, change(Some("not-the-nonce"))).status, 403);
    let anonymous = save("exosh_session=forged", change(Some(&form_token)));
    assert_eq!(anonymous.status, 401);
    assert_eq!(connectivity(&scratch, "Ken Sanchez"), before);

    // The page's own form is taken.
    let saved = save(&cookie, change(Some(&form_token)));
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        saved.header("location"),
        Some("/recipients/mailboxes?saved=1")
    );
    assert_eq!(
        connectivity(&scratch, "Ken Sanchez"),
        settings(true, true, true, false, true, true)
    );

    // The pages load only their own script and style.
    let list = get(&server, "/recipients/mailboxes", &cookie);
    assert_eq!(list.status, 200);
    let policy = list.header("content-security-policy").unwrap_or("");
    assert!(policy.contains("script-src 'self'"), "{policy}");
    assert!(!list.body.contains("http://") && !list.body.contains("https://"));
    for (path, kind) in [
        ("/assets/eac.js", "text/javascript"),
        ("/assets/eac.css", "text/css"),
    ] {
        let asset = get(&server, path, "");
        assert_eq!(asset.status, 200);
        assert!(asset.header("content-type").unwrap_or("").starts_with(kind));
    }

    // Sign-out needs the nonce too, and ends the session for good.
    let refused = request(
        server.port,
        "POST",
        "/signout",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Cookie", &cookie),
        ],
        b"session=wrong",
    );
    assert_eq!(refused.status, 403);
    assert_eq!(get(&server, "/recipients/mailboxes", &cookie).status, 200);
    let out = request(
        server.port,
        "POST",
        "/signout",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Cookie", &cookie),
        ],
        format!("session={form_token}").as_bytes(),
    );
    assert_eq!(out.status, 303);
    assert!(out.header("set-cookie").unwrap_or("").contains("Max-Age=0"));
    assert_eq!(get(&server, "/recipients/mailboxes", &cookie).status, 401);
    let replayed = save(&cookie, change(Some(&form_token)));
    assert_eq!(replayed.status, 401);
}

/// The sample organisation and `n` more mailboxes, "Bench User 1" to "Bench User n"
/// (alias benchN, address benchN@contoso.com), made in one bulk change.
fn large_org(n: usize) -> Scratch {
    use exosh::exchange::{Backend, Request};
    let scratch = Scratch::new();
    let backend = exosh::commands::exchange::session::open_local(&scratch.path())
        .expect("the sample organisation");
    backend.begin_bulk();
    for i in 1..=n {
        backend
            .invoke(
                &Request::new("New-Mailbox")
                    .param("Name", format!("Bench User {i}"))
                    .param("Alias", format!("bench{i}"))
                    .param("PrimarySmtpAddress", format!("bench{i}@contoso.com")),
            )
            .expect("a new mailbox");
    }
    backend.end_bulk().expect("committed");
    scratch
}

fn names(rows: &[[String; 3]]) -> Vec<String> {
    rows.iter().map(|row| row[0].clone()).collect()
}

#[test]
fn twenty_thousand_mailboxes_searched_paged_and_bulk_edited() {
    let Some(browser) = Browser::start("twenty_thousand_mailboxes_searched_paged_and_bulk_edited")
    else {
        return;
    };
    let scratch = large_org(20_000);
    let server = Server::start(&scratch, &[]);
    // Every name, as Exchange sorts them (without regard to case): the sample's, from the
    // shell, and the bench users.
    let mut all: Vec<String> = shell(
        &scratch,
        "Get-Mailbox -Filter \"Name -notlike 'Bench User *'\" | ForEach-Object DisplayName",
    )
    .lines()
    .map(str::to_string)
    .chain((1..=20_000).map(|i| format!("Bench User {i}")))
    .collect();
    all.sort_by_key(|name| name.to_lowercase());
    assert_eq!(all.len(), 20_032);
    viewport(&browser, 1280, 800);
    sign_in(&browser, &scratch, &server, ADMIN, "/recipients/mailboxes");
    assert_eq!(
        browser.url(),
        format!("{}/recipients/mailboxes", server.base)
    );

    // Pages of 50, in order, forward and back.
    assert_eq!(names(&rows(&browser)), all[..50]);
    assert!(browser.text().contains("Mailboxes 1\u{2013}50"));
    readable(&browser, "a page of 20,032 mailboxes at 1280x800");
    browser.click_link("Next page");
    browser.expect_text("Mailboxes 51\u{2013}100");
    assert_eq!(names(&rows(&browser)), all[50..100]);
    browser.click_link("Next page");
    browser.expect_text("Mailboxes 101\u{2013}150");
    assert_eq!(names(&rows(&browser)), all[100..150]);
    browser.click_link("Previous page");
    browser.expect_text("Mailboxes 51\u{2013}100");
    assert_eq!(names(&rows(&browser)), all[50..100]);
    browser.click_link("Previous page");
    browser.expect_text("Mailboxes 1\u{2013}50");
    assert_eq!(names(&rows(&browser)), all[..50]);

    // Search by name, by alias, by address.
    let search = |text: &str| {
        browser.goto(&format!("{}/recipients/mailboxes", server.base));
        browser.fill("Search mailboxes", text);
        browser.click_button("Search");
        browser.expect_text("matching");
        rows(&browser)
    };
    let by_name = search("Bench User 1999");
    let mut expected = vec!["Bench User 1999".to_string()];
    expected.extend((19990..=19999).map(|i| format!("Bench User {i}")));
    assert_eq!(names(&by_name), expected);
    assert!(browser.text().contains("Mailboxes 1\u{2013}11 matching"));
    assert_eq!(
        names(&search("bench2000")),
        ["Bench User 2000", "Bench User 20000"]
    );
    assert_eq!(
        search("bench12345@contoso.com"),
        [[
            "Bench User 12345".to_string(),
            "bench12345@contoso.com".to_string(),
            "UserMailbox".to_string()
        ]]
    );
    // A search of many pages pages too.
    let many = search("Bench User 1");
    assert_eq!(many.len(), 50);
    browser.click_link("Next page");
    browser.expect_text("Mailboxes 51\u{2013}100 matching");
    let bench_ones: Vec<&String> = all
        .iter()
        .filter(|n| n.to_lowercase().starts_with("bench user 1"))
        .collect();
    assert_eq!(
        names(&rows(&browser)).iter().collect::<Vec<_>>(),
        bench_ones[50..100]
    );

    // Bulk edit: three mailboxes of a search, POP3 and Exchange ActiveSync disabled.
    search("Bench User 1999");
    for name in ["Bench User 19990", "Bench User 19991", "Bench User 19992"] {
        assert!(browser.click_label(name), "{name} is selected");
    }
    browser.click_button("Edit");
    browser.expect_title("Bulk edit: 3 mailboxes - Exchange admin center");
    named_by_text(&browser, "bulk edit");
    readable(&browser, "bulk edit at 1280x800");
    browser.click_button_under("POP3: Enabled", "Disable");
    browser.expect_text("Are you sure you want to disable POP3 for the 3 selected mailboxes?");
    browser.click_button("Yes");
    browser.expect_text("POP3: Disabled");
    browser.click_button_under("Exchange ActiveSync: Enabled", "Disable");
    browser.expect_text("Are you sure you want to disable Exchange ActiveSync");
    browser.click_button("Yes");
    browser.expect_text("Exchange ActiveSync: Disabled");
    viewport(&browser, 390, 844);
    readable(&browser, "bulk edit on a phone");
    browser.click_button("Save");
    browser.expect_text("Your changes to 3 mailboxes have been saved.");
    let changed = settings(true, true, false, true, false, true);
    for name in ["Bench User 19990", "Bench User 19991", "Bench User 19992"] {
        assert_eq!(connectivity(&scratch, name), changed, "{name}");
    }
    assert_eq!(connectivity(&scratch, "Bench User 19993"), all_on());
    let records = audit(&scratch);
    assert_eq!(records.len(), 3, "{records:?}");
    for record in &records {
        assert!(record.starts_with(&format!("{ADMIN} ")), "{record}");
        assert!(
            record.ends_with(",PopEnabled=False,ActiveSyncEnabled=False"),
            "{record}"
        );
    }

    // The same three again: their states now agree, except where a fourth differs.
    search("Bench User 1999");
    for name in ["Bench User 19991", "Bench User 19992", "Bench User 19993"] {
        browser.click_label(name);
    }
    browser.click_button("Edit");
    let mixed = browser.expect_text("POP3: Enabled for 1 of 3 mailboxes");
    assert!(mixed.contains("MAPI: Enabled"), "{mixed}");
}
