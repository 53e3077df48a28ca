//! QuickBooks' query language, parsed as Intuit documents it:
//! `SELECT * | COUNT(*) FROM <Entity> [WHERE <cond> [AND <cond>]...]
//! [ORDERBY <field> [ASC|DESC][, ...]] [STARTPOSITION n] [MAXRESULTS n]`
//! with conditions `=, <, >, <=, >=, LIKE, IN (...)`. String literals are
//! single-quoted and a backslash escapes the next character (`'Amy\'s'`).
//! There is no `OR`: a statement a caller smuggled an `OR` into does not
//! parse.

mod lex;

use lex::{encountered, tokenize, Tok};

/// A comparison in `WHERE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    Eq,
    Lt,
    Gt,
    Le,
    Ge,
    Like,
    In,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cond {
    pub field: String,
    pub op: Op,
    /// One value, or several for `IN`.
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Statement {
    pub count: bool,
    pub entity: String,
    pub conds: Vec<Cond>,
    /// (field, descending)
    pub order: Vec<(String, bool)>,
    pub start: Option<u64>,
    pub max: Option<u64>,
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn error(&self) -> String {
        match self.toks.get(self.pos) {
            Some((Tok::Word(w), at)) => encountered(w, *at),
            Some((Tok::Str(s), at)) => encountered(&format!("\"'{s}'\""), *at),
            Some((Tok::Sym(s), at)) => encountered(s, *at),
            None => encountered("<EOF>", self.end),
        }
    }

    fn keyword(&mut self, kw: &str) -> bool {
        let hit = matches!(self.peek(), Some(Tok::Word(w)) if w.eq_ignore_ascii_case(kw));
        self.pos += usize::from(hit);
        hit
    }

    fn expect_kw(&mut self, kw: &str) -> Result<(), String> {
        self.keyword(kw).then_some(()).ok_or_else(|| self.error())
    }

    fn sym(&mut self, s: &str) -> bool {
        let hit = matches!(self.peek(), Some(Tok::Sym(x)) if *x == s);
        self.pos += usize::from(hit);
        hit
    }

    fn word(&mut self) -> Result<String, String> {
        match self.peek() {
            Some(Tok::Word(w)) => {
                let w = w.clone();
                self.pos += 1;
                Ok(w)
            }
            _ => Err(self.error()),
        }
    }

    /// A literal: quoted string, number, `true` or `false`.
    fn value(&mut self) -> Result<String, String> {
        match self.peek() {
            Some(Tok::Str(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            Some(Tok::Word(_)) => self.word(),
            _ => Err(self.error()),
        }
    }

    fn number(&mut self) -> Result<u64, String> {
        let at = self.pos;
        let w = self.word()?;
        w.parse().map_err(|_| {
            self.pos = at;
            self.error()
        })
    }

    fn cond(&mut self) -> Result<Cond, String> {
        let field = self.word()?;
        let op = if self.keyword("LIKE") {
            Op::Like
        } else if self.keyword("IN") {
            Op::In
        } else {
            let op = [
                ("<=", Op::Le),
                (">=", Op::Ge),
                ("<", Op::Lt),
                (">", Op::Gt),
                ("=", Op::Eq),
            ]
            .into_iter()
            .find(|(s, _)| self.sym(s));
            op.map(|(_, op)| op).ok_or_else(|| self.error())?
        };
        let mut values = Vec::new();
        if op == Op::In {
            if !self.sym("(") {
                return Err(self.error());
            }
            loop {
                values.push(self.value()?);
                if self.sym(")") {
                    break;
                }
                if !self.sym(",") {
                    return Err(self.error());
                }
            }
        } else {
            values.push(self.value()?);
        }
        Ok(Cond { field, op, values })
    }
}

/// Parses a statement, or answers Intuit's parser error detail.
pub(super) fn parse(src: &str) -> Result<Statement, String> {
    let toks = tokenize(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        end: src.chars().count(),
    };
    p.expect_kw("SELECT")?;
    let count = if p.keyword("COUNT") {
        if !(p.sym("(") && p.sym("*") && p.sym(")")) {
            return Err(p.error());
        }
        true
    } else if p.sym("*") {
        false
    } else {
        return Err(p.error());
    };
    p.expect_kw("FROM")?;
    let entity = p.word()?;
    let mut st = Statement {
        count,
        entity,
        conds: Vec::new(),
        order: Vec::new(),
        start: None,
        max: None,
    };
    if p.keyword("WHERE") {
        st.conds.push(p.cond()?);
        while p.keyword("AND") {
            st.conds.push(p.cond()?);
        }
    }
    if p.keyword("ORDERBY") || (p.keyword("ORDER") && p.keyword("BY")) {
        loop {
            let field = p.word()?;
            let desc = p.keyword("DESC");
            if !desc {
                p.keyword("ASC");
            }
            st.order.push((field, desc));
            if !p.sym(",") {
                break;
            }
        }
    }
    // Intuit accepts the two paging clauses in either order.
    for _ in 0..2 {
        if p.keyword("STARTPOSITION") {
            st.start = Some(p.number()?);
        } else if p.keyword("MAXRESULTS") {
            st.max = Some(p.number()?);
        }
    }
    if p.peek().is_some() {
        return Err(p.error());
    }
    Ok(st)
}
