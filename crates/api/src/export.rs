//! What every CSV the app saves shares: a byte-order mark so spreadsheets
//! read UTF-8, CRLF line ends, and fields quoted when they must be and
//! never read as formulas.

/// A new CSV: the byte-order mark, then `header` and its line end.
pub(crate) fn csv_with_header(header: &str) -> String {
    format!("\u{feff}{header}\r\n")
}

/// One line of fields, each made safe.
pub(crate) fn csv_line<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    let fields: Vec<String> = fields.into_iter().map(csv_field).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// One CSV field: quoted when it holds a comma, a quote or a line end, and
/// a leading `=`, `+`, `-` or `@` escaped so a spreadsheet never runs it as
/// a formula.
pub(crate) fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-5"), "'-5");
        let mut out = csv_with_header("a,b");
        csv_line(&mut out, ["x", "@y"]);
        assert_eq!(out, "\u{feff}a,b\r\nx,'@y\r\n");
    }
}
