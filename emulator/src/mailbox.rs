//! The e-mails a real SMTP server received (`--mail-dir`), shown beside the outbox.
//!
//! The demo's SMTP server (`notifier/tests/smtp_sink.py`) writes each message it
//! receives to a folder as `NNNN.json`: `mail_from`, `rcpt_tos`, `from`, `to`,
//! `subject`, `content_type`, and the decoded `text` and `html` parts (`null` when
//! absent). The folder is read at each request; a missing folder, and any file that
//! cannot be read or is not a JSON object, are skipped without a word.

use crate::outbox::escape;
use serde_json::{Map, Value};
use std::path::Path;

/// Files larger than this are skipped: a demo e-mail is a few kilobytes.
const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Where a mail's HTML part is served (`{id}.html` under it).
pub const HTML_PATH: &str = "/__emulator/mail/";

/// One received e-mail: its file's stem (`0001`) and the record as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Mail {
    pub id: String,
    pub record: Map<String, Value>,
}

impl Mail {
    /// A string field of the record; `None` when absent, `null` or not a string.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.record.get(key).and_then(Value::as_str)
    }

    /// The record with `"id"` (the file's stem) added, as `GET /__emulator/mails` lists it.
    pub fn to_json(&self) -> Value {
        let mut record = self.record.clone();
        record.insert("id".into(), Value::String(self.id.clone()));
        Value::Object(record)
    }
}

/// A mail id: the stem of a file the SMTP server writes (`0001`), digits only, so
/// it can name nothing outside the folder.
pub fn is_id(id: &str) -> bool {
    (1..=18).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())
}

/// The mails in `dir`, oldest first (by number); `None` when the folder cannot be read.
pub fn read_all(dir: &Path) -> Option<Vec<Mail>> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut mails: Vec<Mail> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name();
            let id = name.to_str()?.strip_suffix(".json")?;
            if !is_id(id) {
                return None;
            }
            read_one(dir, id)
        })
        .collect();
    mails.sort_by(|a, b| sort_key(&a.id).cmp(&sort_key(&b.id)));
    Some(mails)
}

/// The mail `dir/{id}.json`, if `id` is a mail id and the file a readable JSON object.
pub fn read_one(dir: &Path, id: &str) -> Option<Mail> {
    if !is_id(id) {
        return None;
    }
    let path = dir.join(format!("{id}.json"));
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    match serde_json::from_slice(&bytes).ok()? {
        Value::Object(record) => Some(Mail {
            id: id.to_owned(),
            record,
        }),
        _ => None,
    }
}

/// By number, then by spelling (`01` before `1`).
fn sort_key(id: &str) -> (u64, &str) {
    (id.parse().unwrap_or(u64::MAX), id)
}

/// The http(s) URLs in `text`, in order, each once. A URL starts with `http://` or
/// `https://` (any case) not preceded by a letter or digit, and runs to whitespace or
/// one of `<>"'` and backquote; trailing sentence punctuation, and a closing bracket
/// that was not opened inside it, are left out.
pub fn links(text: &str) -> Vec<String> {
    // ASCII lowercasing keeps every byte where it was.
    let lower = text.to_ascii_lowercase();
    let mut found: Vec<String> = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("http").map(|i| from + i) {
        let rest = &lower[at..];
        let scheme = if rest.starts_with("https://") {
            8
        } else if rest.starts_with("http://") {
            7
        } else {
            0
        };
        let after_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if scheme == 0 || !after_word {
            from = at + 4;
            continue;
        }
        let len = text[at..]
            .find(|c: char| c.is_whitespace() || c.is_control() || "<>\"'`".contains(c))
            .unwrap_or(text.len() - at);
        let url = trim_url(&text[at..at + len]);
        if url.len() > scheme && !found.iter().any(|f| f == url) {
            found.push(url.to_owned());
        }
        from = at + len.max(4);
    }
    found
}

fn trim_url(mut url: &str) -> &str {
    loop {
        let Some(last) = url.chars().next_back() else {
            return url;
        };
        let unopened = |open: char| url.matches(open).count() < url.matches(last).count();
        let trim = match last {
            '.' | ',' | ';' | ':' | '!' | '?' => true,
            ')' => unopened('('),
            ']' => unopened('['),
            '}' => unopened('{'),
            _ => false,
        };
        if !trim {
            return url;
        }
        url = &url[..url.len() - last.len_utf8()];
    }
}

/// The page's part for the received mails: a heading, a line naming the folder (or
/// saying it is missing or empty), then each mail, newest first, its subject a
/// heading of `level`.
pub fn render_section(dir: &Path, mails: Option<&[Mail]>, level: u8) -> String {
    let folder = escape(&dir.display().to_string());
    let mut out = format!(
        "<section class=\"smtp\">\n<h{h}>Received by the SMTP server ({count})</h{h}>\n",
        h = level - 1,
        count = mails.map_or(0, <[Mail]>::len),
    );
    match mails {
        None => out.push_str(&format!(
            "<p>The folder <code>{folder}</code> is missing or unreadable: no e-mails to show.</p>\n"
        )),
        Some([]) => out.push_str(&format!(
            "<p>The folder <code>{folder}</code> is empty: no e-mails received yet. \
             Request a code in the app and reload this page.</p>\n"
        )),
        Some(mails) => {
            out.push_str(&format!(
                "<p>Real e-mails, as the SMTP server wrote them to <code>{folder}</code>, newest first.</p>\n"
            ));
            for mail in mails.iter().rev() {
                out.push_str(&render_mail(mail, level));
            }
        }
    }
    out.push_str("</section>\n");
    out
}

fn render_mail(mail: &Mail, level: u8) -> String {
    let text_of = |key: &str| escape(mail.field(key).unwrap_or(""));
    let mut out = format!(
        "<article class=\"smtp\">\n<h{level}>{subject}</h{level}>\n<dl>\n<dt>To</dt><dd>{to}</dd>\n\
         <dt>From</dt><dd>{from}</dd>\n<dt>File</dt><dd><code>{id}.json</code></dd>\n</dl>\n",
        subject = text_of("subject"),
        to = text_of("to"),
        from = text_of("from"),
        id = escape(&mail.id),
    );
    let text = mail.field("text");
    for link in text.map(links).unwrap_or_default() {
        let link = escape(&link);
        out.push_str(&format!("<p><a href=\"{link}\">{link}</a></p>\n"));
    }
    if mail.field("html").is_some() {
        out.push_str(&format!(
            "<p><a href=\"{HTML_PATH}{id}.html\">view HTML</a></p>\n",
            id = escape(&mail.id),
        ));
    } else {
        out.push_str("<p>No HTML part.</p>\n");
    }
    match text {
        Some(text) => out.push_str(&format!("<pre>{}</pre>\n", escape(text))),
        None => out.push_str("<p>No plain-text part.</p>\n"),
    }
    out.push_str("</article>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_http_links_only() {
        let text = "Hi,\n\nOpen http://127.0.0.1:8080/passwordless?username=a%40b.c&token=x1 to sign in.\n\
                    Or (https://Example.com/a_(b)) or <https://example.com/x>, again \
                    http://127.0.0.1:8080/passwordless?username=a%40b.c&token=x1.\n\
                    Not: ftp://x, javascript:alert(1), xhttp://y, http://, mailto:a@b.c";
        assert_eq!(
            links(text),
            [
                "http://127.0.0.1:8080/passwordless?username=a%40b.c&token=x1",
                "https://Example.com/a_(b)",
                "https://example.com/x",
            ]
        );
        assert_eq!(links("HTTPS://A.B/c"), ["HTTPS://A.B/c"]);
        assert!(links("").is_empty());
        assert!(links("é http").is_empty());
    }

    #[test]
    fn ids_are_digits() {
        assert!(is_id("0001") && is_id("12345"));
        assert!(!is_id("") && !is_id("../1") && !is_id("1a") && !is_id("0001.json"));
    }

    #[test]
    fn a_missing_folder_is_none() {
        assert_eq!(
            read_all(Path::new("/nonexistent/commerce-emulator-mails")),
            None
        );
        let html = render_section(Path::new("/x/<y>"), None, 3);
        assert!(html.contains("<code>/x/&lt;y&gt;</code> is missing"));
    }
}
