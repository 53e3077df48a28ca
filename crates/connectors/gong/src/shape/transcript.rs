//! Transcripts as "Name: text" lines (a speaker's consecutive monologues
//! joined), trimmed to a character budget at a line or word boundary.

use std::collections::HashMap;

use crate::model::{CallTranscript, Party};

/// A cut line is kept only if at least this much of it fits.
const MIN_PARTIAL: usize = 40;

/// Speaker-attributed lines; speakers are named from the call's parties.
pub fn lines(t: &CallTranscript, parties: &[Party]) -> Vec<String> {
    let names: HashMap<&str, String> = parties
        .iter()
        .filter_map(|p| {
            let id = p.speaker_id.as_deref()?;
            Some((id, super::party_person(p, false).name))
        })
        .collect();
    let mut out: Vec<(Option<&str>, String)> = Vec::new();
    for m in &t.transcript {
        let text = m
            .sentences
            .iter()
            .map(|s| s.text.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if text.is_empty() {
            continue;
        }
        let speaker = m.speaker_id.as_deref();
        match out.last_mut() {
            Some((last, line)) if *last == speaker => {
                line.push(' ');
                line.push_str(&text);
            }
            _ => out.push((speaker, text)),
        }
    }
    out.into_iter()
        .map(|(speaker, text)| {
            let name = speaker
                .and_then(|id| names.get(id))
                .map_or("Unknown speaker", String::as_str);
            format!("{name}: {text}")
        })
        .collect()
}

/// The topics Gong marked, in order of first appearance.
pub fn topics(t: &CallTranscript) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for topic in t.transcript.iter().filter_map(|m| m.topic.as_deref()) {
        let topic = topic.trim();
        if !topic.is_empty() && !out.iter().any(|t| t == topic) {
            out.push(topic.to_owned());
        }
    }
    out
}

/// Lines within a budget, counted as the text joined by newlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trimmed {
    pub lines: Vec<String>,
    pub chars: usize,
    pub total_chars: usize,
    pub truncated: bool,
}

pub fn trim(lines: Vec<String>, budget: usize) -> Trimmed {
    let total_chars = joined_len(&lines);
    let mut out = Vec::new();
    let mut used = 0;
    let mut truncated = false;
    for line in lines {
        let sep = usize::from(!out.is_empty());
        let n = line.chars().count();
        if used + sep + n <= budget {
            used += sep + n;
            out.push(line);
            continue;
        }
        truncated = true;
        let room = budget.saturating_sub(used + sep);
        if room >= MIN_PARTIAL {
            let cut = cut(&line, room);
            used += sep + cut.chars().count();
            out.push(cut);
        }
        break;
    }
    Trimmed {
        lines: out,
        chars: used,
        total_chars,
        truncated,
    }
}

fn joined_len(lines: &[String]) -> usize {
    lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
}

/// At most `room` characters of `line`, ending at a word and "…".
fn cut(line: &str, room: usize) -> String {
    let head: String = line.chars().take(room.saturating_sub(1)).collect();
    let head = match head.rfind(char::is_whitespace) {
        Some(i) if i > room / 2 => head[..i].trim_end().to_owned(),
        _ => head,
    };
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines() -> Vec<String> {
        vec![
            "Sam Carter: Thanks for making time today.".to_owned(),
            "Dana Whitfield: Sounds good, we expect to renew this year with more seats.".to_owned(),
        ]
    }

    #[test]
    fn trims_at_lines_then_words() {
        let all = trim(lines(), 10_000);
        assert_eq!((all.lines.len(), all.truncated), (2, false));
        assert_eq!(all.chars, all.total_chars);
        assert_eq!(all.total_chars, 41 + 1 + 74);

        let first_only = trim(lines(), 60);
        assert_eq!(first_only.lines, vec![lines()[0].clone()]);
        assert!(first_only.truncated && first_only.chars == 41);

        let partial = trim(lines(), 100);
        assert_eq!(
            partial.lines[1],
            "Dana Whitfield: Sounds good, we expect to renew this…"
        );
        assert!(partial.chars <= 100 && partial.truncated);

        let nothing = trim(lines(), 10);
        assert!(nothing.lines.is_empty() && nothing.truncated);
    }
}
