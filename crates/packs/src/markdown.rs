//! Lesson Markdown: the sanitized rendering learners see, and what the
//! validator reports about a text before it is shown.

use crate::diagnostics::{LineIndex, Severity};
use std::collections::BTreeMap;

/// How deeply Markdown blocks may nest (quotes in quotes, lists in
/// lists). Real lessons use three or four levels; the HTML sanitizer's
/// cost grows with the square of the depth, so deeper input is refused by
/// the validator and flattened by the renderer.
pub const MAX_NESTING: usize = 16;

/// Markdown → HTML a learner's window may show: CommonMark (plus tables and
/// strikethrough) rendered by pulldown-cmark, then cleaned by ammonia, which
/// drops scripts, event-handler attributes and `javascript:` links. Pictures
/// named `images/<name>` are replaced by the pack's `data:` URL for them
/// (`images`, from [`crate::Pack::images`]); only `data:image/…` URLs on
/// pictures survive cleaning, never on links. Relative links are dropped
/// (the app is one page: nothing inside it to link to); web links keep
/// `rel="noopener noreferrer"`, and the window opens them in the system's
/// browser after the user confirms the address, never in itself.
///
/// Bounded whatever the input: raw HTML is never passed on (a lesson is
/// Markdown; the validator warns), and blocks nested deeper than
/// [`MAX_NESTING`] are flattened into their parent, so the work is linear
/// in the size of the text.
pub fn render_markdown(markdown: &str, images: &BTreeMap<String, String>) -> String {
    use pulldown_cmark::{html, CowStr, Event, Parser, Tag};
    // For each open container: was its start kept?
    let mut open: Vec<bool> = Vec::new();
    let mut depth = 0usize;
    let parser = Parser::new_ext(markdown, options()).filter_map(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) => None,
        Event::Start(tag) => {
            let keep = depth < MAX_NESTING;
            open.push(keep);
            if !keep {
                return None;
            }
            depth += 1;
            Some(Event::Start(match tag {
                Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                } => {
                    let dest_url = match images.get(dest_url.as_ref()) {
                        Some(data) => CowStr::from(data.clone()),
                        None => dest_url,
                    };
                    Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }
                }
                other => other,
            }))
        }
        Event::End(end) => {
            if open.pop().unwrap_or(false) {
                depth -= 1;
                Some(Event::End(end))
            } else {
                None
            }
        }
        other => Some(other),
    });
    let mut raw = String::new();
    html::push_html(&mut raw, parser);
    ammonia::Builder::default()
        .add_url_schemes(&["data"])
        .url_relative(ammonia::UrlRelative::Deny)
        .attribute_filter(|element, attribute, value| {
            let is_data = value.trim_start().to_ascii_lowercase().starts_with("data:");
            match (element, attribute) {
                ("img", "src") if is_data => value
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("data:image/")
                    .then(|| value.into()),
                _ if is_data => None,
                _ => Some(value.into()),
            }
        })
        .clean(&raw)
        .to_string()
}

/// What the renderer would change in a Markdown text, each with its
/// 1-based line: blocks nested deeper than [`MAX_NESTING`] (an error: they
/// would be flattened) and raw HTML (a warning: it is not shown).
pub(crate) fn markdown_problems(markdown: &str) -> Vec<(Severity, String, usize)> {
    use pulldown_cmark::{Event, Parser};
    let lines = LineIndex::new(markdown);
    let mut out = Vec::new();
    let (mut depth, mut deep_reported, mut html_reported) = (0usize, false, false);
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_NESTING && !deep_reported {
                    deep_reported = true;
                    out.push((
                        Severity::Error,
                        format!("blocks are nested more than {MAX_NESTING} levels deep here (quotes or lists inside each other); flatten them"),
                        lines.line(range.start),
                    ));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(_) | Event::InlineHtml(_) if !html_reported => {
                html_reported = true;
                out.push((
                    Severity::Warning,
                    "raw HTML is not shown to learners; write it in Markdown".to_owned(),
                    lines.line(range.start),
                ));
            }
            _ => {}
        }
    }
    out
}

fn options() -> pulldown_cmark::Options {
    pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
}

/// Every picture a lesson's Markdown shows, with its 1-based line.
pub(crate) fn image_sources(markdown: &str) -> Vec<(String, usize)> {
    use pulldown_cmark::{Event, Parser, Tag};
    let lines = LineIndex::new(markdown);
    Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                Some((dest_url.to_string(), lines.line(range.start)))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sanitizing_removes_scripts_handlers_and_javascript_links() {
        let html = crate::render_markdown(
            "Hi<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">x</a> <b onclick=\"alert(5)\">b</b>",
            &Default::default(),
        );
        for bad in ["<script", "<img", "onerror", "javascript:", "onclick", "<b"] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
        // Raw HTML is not shown at all (the validator warns): what was
        // between its tags is plain, escaped text.
        assert!(html.contains("Hialert(1)"), "{html}");
    }
}
