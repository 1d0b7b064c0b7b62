//! The part of [Fluent](https://projectfluent.org/fluent/guide/) the catalogues in `locales/`
//! are written in: one message per line, `id = text`, where the text may hold variables
//! (`{ $username }`) and string literals (`{ "{" }`, for a brace; no `\u` escapes). Comments (`#`, `##`, `###`)
//! and blank lines are skipped. What the app reads here is valid Fluent, so translators and
//! their tools (Pontoon, Weblate, Crowdin) work on the files as they are; `tests/catalogues.rs`
//! checks every catalogue with Project Fluent's own parser (`fluent-syntax`) and that this one
//! reads each message the same way.
//!
//! Selectors, terms, attributes and multi-line values are not read (a problem is reported):
//! numbers and durations come into messages already written out by the browser's `Intl` in
//! the shopper's language ("45 seconds", "2 Minuten"), which is where plural rules live.

/// A piece of a message: text as it is, or a variable to put in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A variable's name, without the `$`.
    Var(String),
}

/// A message's value: its pieces, adjacent text merged.
pub type Pattern = Vec<Piece>;

/// A catalogue: message ids and their patterns, sorted by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    messages: Vec<(String, Pattern)>,
}

/// Why a line was not read: its number (from 1) and the reason, for the shop's developers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub what: &'static str,
}

impl Catalogue {
    /// Reads a catalogue. Lines that are not a message of the subset are left out and
    /// reported; a later message with the id of an earlier one replaces it (as in Fluent).
    pub fn parse(source: &str) -> (Self, Vec<Problem>) {
        let mut catalogue = Self::default();
        let mut problems = Vec::new();
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        for (index, line) in source.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut problem = |what| {
                problems.push(Problem {
                    line: index + 1,
                    what,
                })
            };
            let Some((id, value)) = line.split_once('=') else {
                problem("not a message (`id = text`)");
                continue;
            };
            let id = id.trim_end();
            if !is_identifier(id) {
                problem(if line.starts_with([' ', '\t']) {
                    "a message is one line (continuation lines are not read)"
                } else {
                    "a message id is a letter, then letters, digits, `-` or `_`"
                });
                continue;
            }
            match parse_pattern(value) {
                Ok(pattern) => catalogue.insert(id, pattern),
                Err(what) => problem(what),
            }
        }
        (catalogue, problems)
    }

    /// The pattern of message `id`.
    pub fn get(&self, id: &str) -> Option<&Pattern> {
        self.messages
            .binary_search_by(|(known, _)| known.as_str().cmp(id))
            .ok()
            .map(|at| &self.messages[at].1)
    }

    /// Adds message `id`, or replaces it.
    pub fn insert(&mut self, id: &str, pattern: Pattern) {
        match self
            .messages
            .binary_search_by(|(known, _)| known.as_str().cmp(id))
        {
            Ok(at) => self.messages[at].1 = pattern,
            Err(at) => self.messages.insert(at, (id.to_owned(), pattern)),
        }
    }

    /// `other`'s messages over this one's.
    pub fn overlaid(&self, other: &Catalogue) -> Catalogue {
        let mut merged = self.clone();
        for (id, pattern) in &other.messages {
            merged.insert(id, pattern.clone());
        }
        merged
    }

    /// The ids, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(id, _)| id.as_str())
    }
}

/// The names of the variables a pattern uses, in order of appearance.
pub fn variables(pattern: &Pattern) -> impl Iterator<Item = &str> {
    pattern.iter().filter_map(|piece| match piece {
        Piece::Var(name) => Some(name.as_str()),
        Piece::Text(_) => None,
    })
}

fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Reads a message's value (what follows `=`), e.g. `Continue as { $username }`. Blanks
/// around the value are not part of it, as in Fluent.
pub fn parse_pattern(value: &str) -> Result<Pattern, &'static str> {
    let value = value.trim_matches([' ', '\t']);
    if value.is_empty() {
        return Err("a message has a value");
    }
    let mut pattern = Pattern::new();
    let mut text = String::new();
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                skip_blanks(&mut chars);
                match chars.next() {
                    Some('$') => {
                        let name: String = std::iter::from_fn(|| {
                            chars.next_if(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        })
                        .collect();
                        if !is_identifier(&name) {
                            return Err("a variable is `{ $name }`");
                        }
                        if !text.is_empty() {
                            pattern.push(Piece::Text(std::mem::take(&mut text)));
                        }
                        pattern.push(Piece::Var(name));
                    }
                    Some('"') => text.push_str(&string_literal(&mut chars)?),
                    _ => return Err("only `{ $variable }` and `{ \"text\" }` are read in braces"),
                }
                skip_blanks(&mut chars);
                if chars.next() != Some('}') {
                    return Err("a `{` is closed by `}`");
                }
            }
            '}' => return Err("a `}` in text is written `{ \"}\" }`"),
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pattern.push(Piece::Text(text));
    }
    Ok(pattern)
}

fn skip_blanks(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while chars.next_if(|c| *c == ' ').is_some() {}
}

/// The rest of a string literal after its opening `"`: `\"` and `\\` are read as Fluent
/// reads them; Fluent's `\u` escapes are not (write the character itself).
fn string_literal(
    chars: &mut std::iter::Peekable<std::str::Chars>,
) -> Result<String, &'static str> {
    let mut out = String::new();
    loop {
        match chars.next() {
            Some('"') => return Ok(out),
            Some('\\') => match chars.next() {
                Some(c @ ('"' | '\\')) => out.push(c),
                _ => return Err("a string literal escapes only `\"` and `\\`"),
            },
            Some(c) => out.push(c),
            None => return Err("a string literal ends with `\"`"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Piece {
        Piece::Text(s.into())
    }
    fn var(s: &str) -> Piece {
        Piece::Var(s.into())
    }

    #[test]
    fn messages_variables_and_literals() {
        let (c, problems) = Catalogue::parse(
            "### header\n# about a\na = Continue as { $username }\n\nb ={$x}{ \"{\" }y \n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            c.get("a"),
            Some(&vec![text("Continue as "), var("username")])
        );
        assert_eq!(c.get("b"), Some(&vec![var("x"), text("{y")]));
        assert_eq!(c.ids().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn what_is_not_read_is_reported_with_its_line() {
        let (c, problems) = Catalogue::parse(
            "a = ok\n  more\n-term = x\nb = { $n ->\nc = a } b\nd =\ne = { \"open }\n",
        );
        assert_eq!(c.ids().collect::<Vec<_>>(), ["a"]);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn escapes_and_overlays() {
        assert_eq!(parse_pattern(r#"{ "\"\\" }"#), Ok(vec![text("\"\\")]));
        assert!(parse_pattern(r#"{ "\u0041" }"#).is_err());
        let (base, _) = Catalogue::parse("a = one\nb = two");
        let (over, _) = Catalogue::parse("b = zwei\nc = drei");
        let merged = base.overlaid(&over);
        assert_eq!(merged.get("b"), Some(&vec![text("zwei")]));
        assert_eq!(merged.ids().count(), 3);
    }
}
