//! Intercom bodies are HTML; the model reads plain text. Tags become line
//! breaks (list items become `- ` lines), entities are decoded, blank
//! runs collapse, and long bodies are cut with an ellipsis.

/// Block tags that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Plain text of an HTML body, at most `max` characters.
pub fn html_to_text(html: &str, max: usize) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        raw.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            rest = &rest[start..];
            break;
        };
        let tag = &rest[start + 1..start + end];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if BLOCKS.contains(&name.as_str()) {
            raw.push('\n');
            if name == "li" && !closing {
                raw.push_str("- ");
            }
        }
        rest = &rest[start + end + 1..];
    }
    raw.push_str(rest);
    let decoded = decode_entities(&raw);
    let lines: Vec<String> = decoded
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty() && l != "-")
        .collect();
    truncate(&lines.join("\n"), max)
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&apos;`, `&nbsp;` and
/// numeric references; anything else is left as written.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => ' ',
        _ => {
            let code = name.strip_prefix('#')?;
            let n = match code.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(n)?
        }
    })
}

/// At most `max` characters, with `…` marking a cut.
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_readable_text() {
        assert_eq!(
            html_to_text("<p>This is a test reply from Nango automation</p>", 100),
            "This is a test reply from Nango automation"
        );
        let list = "<h2>An Unordered HTML List</h2>\n<ul>\n<li>Coffee</li>\n<li>Tea</li>\n</ul>";
        assert_eq!(
            html_to_text(list, 100),
            "An Unordered HTML List\n- Coffee\n- Tea"
        );
        assert_eq!(
            html_to_text(
                "<p>Export &gt; 30 min &amp; fails</p><p>Line&nbsp;2</p>",
                100
            ),
            "Export > 30 min & fails\nLine 2"
        );
        assert_eq!(html_to_text("a<br/>b<br>c", 100), "a\nb\nc");
        assert_eq!(html_to_text("<p>abcdef</p>", 3), "abc…");
        assert_eq!(
            decode_entities("Phone &amp; SMS &#233;&#x41; & more &bogus;"),
            "Phone & SMS éA & more &bogus;"
        );
        assert_eq!(html_to_text("1 < 2 but no tag", 100), "1 < 2 but no tag");
    }
}
