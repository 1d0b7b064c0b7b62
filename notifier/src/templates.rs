//! The e-mail's words: MiniJinja templates, three per purpose and language
//! (`<locale>/<purpose>.subject.txt`, `.txt`, `.html`), built into the binary from
//! `notifier/templates/` and overridable file by file from a folder (`NOTIFIER_TEMPLATES`)
//! of the same layout. `.html` templates escape every value; `.txt` ones do not.
//!
//! The variables each template sees are [`MailContext`]'s fields.

use crate::event::Purpose;
use minijinja::{context, AutoEscape, Environment, UndefinedBehavior};
use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

/// The fallback language: its templates are always there.
pub const FALLBACK_LOCALE: &str = "en";

/// The three parts of one e-mail, as file name suffixes after `<purpose>`.
const PARTS: [&str; 3] = [".subject.txt", ".txt", ".html"];

macro_rules! built_in {
    ($($locale:literal / $file:literal),* $(,)?) => {
        &[$((concat!($locale, "/", $file), include_str!(concat!("../templates/", $locale, "/", $file)))),*]
    };
}

/// The built-in templates, by name.
const BUILT_IN: &[(&str, &str)] = built_in![
    "en" / "reset_password.subject.txt",
    "en" / "reset_password.txt",
    "en" / "reset_password.html",
    "en" / "passwordless_authentication.subject.txt",
    "en" / "passwordless_authentication.txt",
    "en" / "passwordless_authentication.html",
    "de" / "reset_password.subject.txt",
    "de" / "reset_password.txt",
    "de" / "reset_password.html",
    "de" / "passwordless_authentication.subject.txt",
    "de" / "passwordless_authentication.txt",
    "de" / "passwordless_authentication.html",
];

/// What a template can use: `store_name`, `link` (the one-click link), `code`,
/// `expires_in_minutes` (10), `name` (may be empty), `username`, `email`, `purpose`,
/// `locale`.
pub struct MailContext<'a> {
    /// The store's name (`NOTIFIER_STORE_NAME`).
    pub store_name: &'a str,
    /// The one-click link ([`crate::link::one_click_link`]).
    pub link: &'a str,
    /// The code, to type in.
    pub code: &'a str,
    /// Minutes the code lives (docs/commerce-api.md §4).
    pub expires_in_minutes: u64,
    /// The shopper's name, or empty.
    pub name: &'a str,
    /// The username the code is for.
    pub username: &'a str,
    /// The recipient's address.
    pub email: &'a str,
}

/// One rendered e-mail. `Debug` hides the parts, which hold the code.
pub struct Rendered {
    /// One line, whitespace collapsed.
    pub subject: String,
    /// The text/plain part.
    pub text: String,
    /// The text/html part.
    pub html: String,
}

impl fmt::Debug for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Rendered([redacted])")
    }
}

/// A template that cannot be loaded or rendered.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// The override folder cannot be read.
    #[error("NOTIFIER_TEMPLATES {path}: {why}")]
    Folder {
        /// The folder or file.
        path: String,
        /// What went wrong.
        why: String,
    },
    /// A template does not parse or does not render with sample values. Rendered with
    /// MiniJinja's detail (the template's line), never with a real event's values.
    #[error("template {name}: {detail}")]
    Template {
        /// The template's name (`de/reset_password.html`).
        name: String,
        /// MiniJinja's description.
        detail: String,
    },
    /// A rendered subject is empty.
    #[error("template {name}: the subject is empty")]
    EmptySubject {
        /// The template's name.
        name: String,
    },
}

/// The loaded templates.
pub struct Templates {
    env: Environment<'static>,
    names: BTreeSet<String>,
}

impl Templates {
    /// The built-in templates, then every `<locale>/<file>.txt|.html` of `folder` on top
    /// (a file of the same name replaces the built-in one; other files, such as a shared
    /// layout, can be included or extended by the others).
    ///
    /// Errors: an unreadable folder or file, or a template that does not parse.
    pub fn load(folder: Option<&Path>) -> Result<Self, TemplateError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        // MiniJinja's HTML escaping also turns `/` into `&#x2f;`, which is valid but makes
        // every link in the mail unreadable to people and to some mail filters; the five
        // characters that matter in HTML text and quoted attributes are enough.
        env.set_formatter(|out, state, value| {
            if matches!(state.auto_escape(), AutoEscape::Html) && !value.is_safe() {
                if let Some(text) = value.as_str() {
                    return Ok(std::fmt::Write::write_str(out, &escape_html(text))?);
                }
            }
            minijinja::escape_formatter(out, state, value)
        });
        let mut names = BTreeSet::new();
        for (name, source) in BUILT_IN {
            env.add_template(name, source)
                .map_err(|e| template_error(name, &e))?;
            names.insert((*name).to_string());
        }
        if let Some(folder) = folder {
            for (name, source) in read_folder(folder)? {
                env.add_template_owned(name.clone(), source)
                    .map_err(|e| template_error(&name, &e))?;
                names.insert(name);
            }
        }
        Ok(Self { env, names })
    }

    /// The languages that have all three templates of `purpose`, sorted.
    pub fn locales(&self, purpose: Purpose) -> Vec<String> {
        let locales: BTreeSet<&str> = self
            .names
            .iter()
            .filter_map(|name| name.split_once('/').map(|(locale, _)| locale))
            .collect();
        locales
            .into_iter()
            .filter(|locale| self.complete(locale, purpose))
            .map(str::to_string)
            .collect()
    }

    fn complete(&self, locale: &str, purpose: Purpose) -> bool {
        PARTS.iter().all(|part| {
            self.names
                .contains(&format!("{locale}/{}{part}", purpose.as_str()))
        })
    }

    /// The language used for `wanted`: itself, else its language without region
    /// (`de-CH` → `de`), else [`FALLBACK_LOCALE`]; the first that has all three templates
    /// of `purpose`.
    pub fn locale_for(&self, wanted: &str, purpose: Purpose) -> String {
        let primary = wanted.split('-').next().unwrap_or(wanted);
        [wanted, primary]
            .into_iter()
            .find(|locale| self.complete(locale, purpose))
            .unwrap_or(FALLBACK_LOCALE)
            .to_string()
    }

    /// Renders the e-mail of `purpose` in `locale` (as chosen by [`Self::locale_for`]).
    ///
    /// Errors: [`TemplateError::Template`] naming the template (the detail is MiniJinja's
    /// error kind and line only, as real values are in play), or an empty subject.
    pub fn render(
        &self,
        locale: &str,
        purpose: Purpose,
        mail: &MailContext<'_>,
    ) -> Result<Rendered, TemplateError> {
        self.render_with(locale, purpose, mail, false)
    }

    fn render_with(
        &self,
        locale: &str,
        purpose: Purpose,
        mail: &MailContext<'_>,
        full_detail: bool,
    ) -> Result<Rendered, TemplateError> {
        let ctx = context! {
            store_name => mail.store_name,
            link => mail.link,
            code => mail.code,
            expires_in_minutes => mail.expires_in_minutes,
            name => mail.name,
            username => mail.username,
            email => mail.email,
            purpose => purpose.as_str(),
            locale => locale,
        };
        let render = |part: &str| {
            let name = format!("{locale}/{}{part}", purpose.as_str());
            self.env
                .get_template(&name)
                .and_then(|t| t.render(ctx.clone()))
                .map_err(|e| {
                    if full_detail {
                        template_error(&name, &e)
                    } else {
                        TemplateError::Template {
                            detail: format!("{:?} at line {}", e.kind(), e.line().unwrap_or(0)),
                            name: name.clone(),
                        }
                    }
                })
        };
        let subject = render(PARTS[0])?
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if subject.is_empty() {
            return Err(TemplateError::EmptySubject {
                name: format!("{locale}/{}{}", purpose.as_str(), PARTS[0]),
            });
        }
        Ok(Rendered {
            subject,
            text: render(PARTS[1])?,
            html: render(PARTS[2])?,
        })
    }

    /// Renders every complete language's e-mails with sample values, so that a broken
    /// template stops the start rather than an e-mail.
    ///
    /// Errors: the first template that fails, with MiniJinja's full detail.
    pub fn check(&self) -> Result<(), TemplateError> {
        let sample = MailContext {
            store_name: "Sample Store",
            link: "https://shop.example/account/otp/passwordless?username=sample%40example.com&token=ab12cd",
            code: "ab12cd",
            expires_in_minutes: 10,
            name: "Sam Sample",
            username: "sample@example.com",
            email: "sample@example.com",
        };
        for purpose in Purpose::ALL {
            for locale in self.locales(purpose) {
                self.render_with(&locale, purpose, &sample, true)?;
            }
        }
        Ok(())
    }
}

/// `&`, `<`, `>`, `"` and `'` as entities.
fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

fn template_error(name: &str, e: &minijinja::Error) -> TemplateError {
    TemplateError::Template {
        name: name.to_string(),
        detail: format!("{e:#}"),
    }
}

/// `<folder>/<locale>/<file>` for every `.txt` and `.html` file one level down.
fn read_folder(folder: &Path) -> Result<Vec<(String, String)>, TemplateError> {
    let fail = |path: &Path, e: std::io::Error| TemplateError::Folder {
        path: path.display().to_string(),
        why: e.to_string(),
    };
    let mut found = Vec::new();
    for locale_dir in std::fs::read_dir(folder).map_err(|e| fail(folder, e))? {
        let locale_dir = locale_dir.map_err(|e| fail(folder, e))?.path();
        if !locale_dir.is_dir() {
            continue;
        }
        let Some(locale) = locale_dir.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        for file in std::fs::read_dir(&locale_dir).map_err(|e| fail(&locale_dir, e))? {
            let path = file.map_err(|e| fail(&locale_dir, e))?.path();
            let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !path.is_file() || !(file_name.ends_with(".txt") || file_name.ends_with(".html")) {
                continue;
            }
            let source = std::fs::read_to_string(&path).map_err(|e| fail(&path, e))?;
            found.push((format!("{locale}/{file_name}"), source));
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail<'a>(link: &'a str) -> MailContext<'a> {
        MailContext {
            store_name: "Shop & Co",
            link,
            code: "lprvj4",
            expires_in_minutes: 10,
            name: "<John>",
            username: "john.doe+x@banks.com",
            email: "john.doe+x@banks.com",
        }
    }

    #[test]
    fn the_built_in_templates_render() {
        let templates = Templates::load(None).expect("built in");
        templates.check().expect("every language renders");
        assert_eq!(
            templates.locales(Purpose::ResetPassword),
            vec!["de".to_string(), "en".to_string()]
        );
        let link = "https://shop.example/change_password?username=a%2Bb%40c.d&token=lprvj4&x=1";
        for locale in ["en", "de"] {
            for purpose in Purpose::ALL {
                let out = templates
                    .render(locale, purpose, &mail(link))
                    .expect("renders");
                assert!(out.text.contains(link) && out.text.contains("lprvj4"));
                assert!(out.text.contains("10"));
                assert!(out.html.contains(&link.replace('&', "&amp;")));
                assert!(out.html.contains("Shop &amp; Co") && !out.html.contains("<John>"));
                assert!(out.subject.contains("Shop & Co"), "{}", out.subject);
            }
        }
    }

    #[test]
    fn languages_fall_back() {
        let templates = Templates::load(None).expect("built in");
        assert_eq!(templates.locale_for("de-CH", Purpose::ResetPassword), "de");
        assert_eq!(templates.locale_for("fr", Purpose::ResetPassword), "en");
        assert_eq!(templates.locale_for("en", Purpose::ResetPassword), "en");
    }

    #[test]
    fn a_folder_overrides_and_adds() {
        let dir = std::env::temp_dir().join(format!("notifier-templates-{}", std::process::id()));
        let fr = dir.join("fr");
        let en = dir.join("en");
        std::fs::create_dir_all(&fr).expect("dir");
        std::fs::create_dir_all(&en).expect("dir");
        std::fs::write(
            en.join("reset_password.subject.txt"),
            "Custom {{ store_name }}",
        )
        .expect("write");
        // French for passwordless only, and incomplete for reset.
        std::fs::write(
            fr.join("passwordless_authentication.subject.txt"),
            "Code {{ store_name }}",
        )
        .expect("write");
        std::fs::write(fr.join("passwordless_authentication.txt"), "{{ code }}").expect("write");
        std::fs::write(
            fr.join("passwordless_authentication.html"),
            "<p>{{ code }}</p>",
        )
        .expect("write");
        std::fs::write(fr.join("reset_password.txt"), "{{ code }}").expect("write");
        let templates = Templates::load(Some(&dir)).expect("loads");
        let _ = std::fs::remove_dir_all(&dir);
        templates.check().expect("renders");
        let out = templates
            .render("en", Purpose::ResetPassword, &mail("https://a"))
            .expect("renders");
        assert_eq!(out.subject, "Custom Shop & Co");
        assert_eq!(
            templates.locale_for("fr", Purpose::PasswordlessAuthentication),
            "fr"
        );
        assert_eq!(templates.locale_for("fr", Purpose::ResetPassword), "en");
    }

    #[test]
    fn a_broken_template_is_reported_at_load_or_check() {
        let dir = std::env::temp_dir().join(format!("notifier-broken-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("en")).expect("dir");
        std::fs::write(dir.join("en/reset_password.html"), "{% if %}").expect("write");
        let err = Templates::load(Some(&dir)).err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("en/reset_password.html")));
        std::fs::write(dir.join("en/reset_password.html"), "{{ code.nope.deeper }}")
            .expect("write");
        let templates = Templates::load(Some(&dir)).expect("parses");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(templates.check().is_err());
    }
}
