//! Tokens of the query language: words, single-quoted strings (a
//! backslash escapes the next character) and the few symbols.

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    Word(String),
    Str(String),
    Sym(&'static str),
}

/// Intuit's parser message: `Encountered " <token> " at line 1, column n`.
pub(super) fn encountered(what: &str, at: usize) -> String {
    format!(
        "QueryParserError: Encountered \" {what} \" at line 1, column {}.",
        at + 1
    )
}

pub(super) fn tokenize(src: &str) -> Result<Vec<(Tok, usize)>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at = i;
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' {
            let mut s = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err(encountered("<EOF>", chars.len())),
                    Some('\\') => {
                        let next = chars
                            .get(i + 1)
                            .ok_or_else(|| encountered("<EOF>", chars.len()))?;
                        s.push(*next);
                        i += 2;
                    }
                    Some('\'') => {
                        i += 1;
                        break;
                    }
                    Some(ch) => {
                        s.push(*ch);
                        i += 1;
                    }
                }
            }
            out.push((Tok::Str(s), at));
        } else if c.is_alphanumeric() || c == '_' || c == '.' || c == '-' {
            let mut s = String::new();
            while let Some(ch) = chars
                .get(i)
                .filter(|ch| ch.is_alphanumeric() || matches!(ch, '_' | '.' | '-'))
            {
                s.push(*ch);
                i += 1;
            }
            out.push((Tok::Word(s), at));
        } else {
            let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            let sym = match (two.as_str(), c) {
                ("<=", _) => "<=",
                (">=", _) => ">=",
                (_, '<') => "<",
                (_, '>') => ">",
                (_, '=') => "=",
                (_, '*') => "*",
                (_, '(') => "(",
                (_, ')') => ")",
                (_, ',') => ",",
                _ => return Err(encountered(&c.to_string(), at)),
            };
            i += sym.len();
            out.push((Tok::Sym(sym), at));
        }
    }
    Ok(out)
}
