//! `images/*`: pictures lessons show, as `data:` URLs.

use crate::diagnostics::{Problem, Severity};
use crate::PackFiles;
use std::collections::BTreeMap;

/// The largest picture a pack may carry.
pub const MAX_IMAGE_BYTES: usize = 2 * 1024 * 1024;

/// `images/*` as `data:` URLs.
pub(crate) fn images(files: &PackFiles, problems: &mut Vec<Problem>) -> BTreeMap<String, String> {
    use base64::Engine;
    let mut out = BTreeMap::new();
    for (path, bytes) in files.0.iter().filter(|(p, _)| p.starts_with("images/")) {
        let mime = match path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()) {
            Some(e) if e == "png" => "image/png",
            Some(e) if e == "jpg" || e == "jpeg" => "image/jpeg",
            Some(e) if e == "svg" => "image/svg+xml",
            Some(e) if e == "webp" => "image/webp",
            _ => {
                problems.push(Problem {
                    severity: Severity::Error,
                    file: path.clone(),
                    line: None,
                    message: "pictures must be PNG, JPEG, SVG or WebP".into(),
                });
                continue;
            }
        };
        if bytes.len() > MAX_IMAGE_BYTES {
            problems.push(Problem {
                severity: Severity::Error,
                file: path.clone(),
                line: None,
                message: format!(
                    "the picture is {} KB; the limit is {} KB",
                    bytes.len() / 1024,
                    MAX_IMAGE_BYTES / 1024
                ),
            });
            continue;
        }
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        out.insert(path.clone(), format!("data:{mime};base64,{data}"));
    }
    out
}
