//! The window never leaves the app. Every top-level navigation of the
//! webview is asked [`allowed`]: only the app's own page (its custom
//! protocol origin) passes, so a link in a lesson, a `window.location =`
//! from a page, or a redirect cannot put a remote page — whose scripts would
//! run in the app's window and could mimic its sign-in — in front of the
//! user. Requests for new windows (`target=_blank`, `window.open`) are all
//! denied. Links to the web that a lesson carries open in the system's
//! browser instead, after the user confirms the address in the app
//! (`commands::open_link`).

use tauri::Url;

/// Is a navigation to `url` the app's own page? `tauri://localhost` on
/// Linux and macOS, `http(s)://tauri.localhost` on Windows; only its root
/// or `index.html` (the UI is one page: routes are states, not URLs).
pub fn allowed(url: &Url) -> bool {
    let origin_ok = match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) => true,
        ("http" | "https", Some("tauri.localhost")) => true,
        // A blank document is what a webview shows before the app loads.
        ("about", None) => url.path() == "blank",
        _ => false,
    };
    origin_ok && matches!(url.path(), "" | "/" | "/index.html" | "blank")
}

/// An address a lesson may send to the system's browser: the web only.
pub fn external(url: &str) -> Option<Url> {
    let url = Url::parse(url.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some()).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).expect("url")
    }

    #[test]
    fn only_the_apps_own_page() {
        for ok in [
            "tauri://localhost",
            "tauri://localhost/",
            "tauri://localhost/index.html",
            "tauri://localhost/#lesson",
            "http://tauri.localhost/",
            "about:blank",
        ] {
            assert!(allowed(&url(ok)), "{ok} should be allowed");
        }
        for bad in [
            "https://example.org/",
            "http://127.0.0.1:8080/sign-in",
            "tauri://evil.example/",
            "tauri://localhost/other.html",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "javascript:alert(1)",
            "about:srcdoc",
            "ipc://localhost/sign_in",
        ] {
            assert!(!allowed(&url(bad)), "{bad} should be refused");
        }
    }

    #[test]
    fn external_links_are_web_addresses_only() {
        assert!(external("https://www.canada.ca/en/services.html").is_some());
        assert!(external(" http://example.org/policy ").is_some());
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "mailto:someone@example.org",
            "tauri://localhost/",
            "not a url",
            "https://",
        ] {
            assert!(external(bad).is_none(), "{bad}");
        }
    }
}
