//! Slack's message markup, read and written.
//!
//! Reading: `<@U…>` becomes `@Name`, `<#C…|name>` `#name`, `<!here>`
//! `@here`, `<url|label>` `label (url)`, and `&amp;`/`&lt;`/`&gt;` their
//! characters, so the model reads what people see.
//!
//! Writing: text from the model is escaped, except for mentions of people
//! and channels and plain links; `<!here>`, `<!channel>` and `<!everyone>`
//! are escaped too, so a message posted through the gateway can never
//! notify a whole channel.

/// Renders mrkdwn for reading. `person` and `channel` name ids (or `None`).
pub fn render(
    text: &str,
    person: &dyn Fn(&str) -> Option<String>,
    channel: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        out.push_str(&unescape(&rest[..start]));
        let inner = &rest[start + 1..start + len];
        let (target, label) = match inner.split_once('|') {
            Some((t, l)) => (t, Some(unescape(l))),
            None => (inner, None),
        };
        let shown = if let Some(id) = target.strip_prefix('@') {
            format!("@{}", person(id).or(label).unwrap_or_else(|| id.to_owned()))
        } else if let Some(id) = target.strip_prefix('#') {
            format!(
                "#{}",
                label
                    .or_else(|| channel(id))
                    .unwrap_or_else(|| id.to_owned())
            )
        } else if let Some(special) = target.strip_prefix('!') {
            match label {
                Some(l) => l,
                None => format!("@{}", special.split('^').next().unwrap_or(special)),
            }
        } else {
            let url = unescape(target);
            let bare = url.strip_prefix("mailto:").unwrap_or(&url).to_owned();
            match label {
                Some(l) if l != bare && l != url => format!("{l} ({url})"),
                Some(l) => l,
                None => bare,
            }
        };
        out.push_str(&shown);
        rest = &rest[start + len + 1..];
    }
    out.push_str(&unescape(rest));
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Escapes text for posting, keeping `<@U…>`, `<#C…>` and `<http(s)://…>`
/// references the model wrote on purpose.
pub fn escape_for_posting(text: &str) -> String {
    let keep = |inner: &str| {
        let target = inner.split('|').next().unwrap_or_default();
        let id = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        };
        target.strip_prefix('@').is_some_and(id)
            || target.strip_prefix('#').is_some_and(id)
            || ((target.starts_with("https://") || target.starts_with("http://"))
                && !target.contains(char::is_whitespace))
    };
    let plain = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let inner = &rest[start + 1..start + len];
        if keep(inner) {
            out.push_str(&plain(&rest[..start]));
            out.push('<');
            out.push_str(&inner.replace('&', "&amp;"));
            out.push('>');
        } else {
            out.push_str(&plain(&rest[..start + len + 1]));
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(&plain(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(id: &str) -> Option<String> {
        (id == "U1").then(|| "Sam Carter".to_owned())
    }

    fn channels(id: &str) -> Option<String> {
        (id == "C1").then(|| "sales".to_owned())
    }

    #[test]
    fn renders_references_and_entities() {
        let r = |t: &str| render(t, &people, &channels);
        assert_eq!(r("hi <@U1> and <@U2>"), "hi @Sam Carter and @U2");
        assert_eq!(
            r("see <#C9|eng-incidents> and <#C1>"),
            "see #eng-incidents and #sales"
        );
        assert_eq!(
            r("<!here> <!subteam^S1|@oncall> <!channel>"),
            "@here @oncall @channel"
        );
        assert_eq!(
            r("<https://wiki.example/x|Runbook> <https://a.example> <mailto:a@b.example|a@b.example>"),
            "Runbook (https://wiki.example/x) https://a.example a@b.example"
        );
        assert_eq!(
            r("telemetry &amp; SSO &lt;3 &gt; 2"),
            "telemetry & SSO <3 > 2"
        );
        assert_eq!(r("unclosed <@U1"), "unclosed <@U1");
    }

    #[test]
    fn escapes_what_the_model_writes() {
        assert_eq!(escape_for_posting("A & B <3"), "A &amp; B &lt;3");
        assert_eq!(escape_for_posting("cc <@U1> in <#C1>"), "cc <@U1> in <#C1>");
        assert_eq!(
            escape_for_posting("<!channel> look"),
            "&lt;!channel&gt; look"
        );
        assert_eq!(escape_for_posting("<!here|here>"), "&lt;!here|here&gt;");
        assert_eq!(
            escape_for_posting("see <https://a.example/?x=1&y=2|docs>"),
            "see <https://a.example/?x=1&amp;y=2|docs>"
        );
        assert_eq!(escape_for_posting("x < y > z"), "x &lt; y &gt; z");
    }
}
