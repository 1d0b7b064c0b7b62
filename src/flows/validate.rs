//! Checks of what a shopper typed, before anything is sent. Plain functions.

use crate::commerce::compat;

/// What is wrong with one field. The words live in `messages`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    UsernameMissing,
    /// Not shaped like an e-mail address, where the password profile's `username_format`
    /// is `email`.
    UsernameFormat,
    /// Invisible or direction-changing characters: what would show is not what is sent.
    UsernameCharacters,
    CodeMissing,
    CodeLength,
    CodeCharacters,
    /// Commerce refused the code: mistyped, used, or expired (shown on the code field).
    CodeRejected,
    PasswordMissing,
    PasswordTooShort,
    ConfirmationMissing,
    ConfirmationMismatch,
}

/// A username, normalised. Control characters and the invisible formatting ones (bidi
/// overrides, isolates and marks, zero-width spaces and joiners) are refused: no e-mail address
/// has them, and a reversed string would show as another address than the one sent.
pub fn username(raw: &str) -> Result<String, FieldError> {
    let username = compat::normalize_username(raw);
    let hidden = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{061C}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{2069}'
                    | '\u{FEFF}'
            )
    };
    if username.is_empty() {
        Err(FieldError::UsernameMissing)
    } else if username.chars().any(hidden) {
        Err(FieldError::UsernameCharacters)
    } else {
        Ok(username)
    }
}

/// A username where the password profile's `username_format` is `email` (`config.json`
/// `username_format`): also shaped like an address, `local@domain.tld`, without blanks. The
/// full rules are Commerce's; this only catches what cannot be one, before a code is "sent"
/// to it.
pub fn email_username(raw: &str) -> Result<String, FieldError> {
    let username = username(raw)?;
    let shaped = username.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.split('.').count() >= 2
            && domain.split('.').all(|label| !label.is_empty())
    });
    if shaped && !username.contains(char::is_whitespace) {
        Ok(username)
    } else {
        Err(FieldError::UsernameFormat)
    }
}

/// A username as the password profile wants it: [`email_username`] when its
/// `username_format` is `email` (`email`), else [`username`].
pub fn username_as(raw: &str, email: bool) -> Result<String, FieldError> {
    if email {
        email_username(raw)
    } else {
        username(raw)
    }
}

/// Case-insensitive; what copy and paste add is ignored (`compat::normalize_code`).
pub fn code(raw: &str) -> Result<String, FieldError> {
    let code = compat::normalize_code(raw);
    if code.is_empty() {
        Err(FieldError::CodeMissing)
    } else if !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        Err(FieldError::CodeCharacters)
    } else if code.chars().count() != compat::CODE_LENGTH {
        Err(FieldError::CodeLength)
    } else {
        Ok(code)
    }
}

pub fn password(raw: &str) -> Result<(), FieldError> {
    if raw.is_empty() {
        Err(FieldError::PasswordMissing)
    } else {
        Ok(())
    }
}

/// A new password: long enough (counted in characters, not bytes).
pub fn new_password(raw: &str) -> Result<(), FieldError> {
    if raw.is_empty() {
        Err(FieldError::PasswordMissing)
    } else if raw.chars().count() < compat::MIN_PASSWORD_LENGTH {
        Err(FieldError::PasswordTooShort)
    } else {
        Ok(())
    }
}

pub fn confirmation(password: &str, confirmation: &str) -> Result<(), FieldError> {
    if confirmation.is_empty() {
        Err(FieldError::ConfirmationMissing)
    } else if password != confirmation {
        Err(FieldError::ConfirmationMismatch)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_and_dictated_codes_keep_only_the_code() {
        for pasted in [
            "lpr\u{2013}vj4",
            "lpr\u{2014}vj4",
            "lpr\u{2212}vj4",
            "lpr\u{2011}vj4",
            "\u{201C}lprvj4\u{201D}.",
            "'lprvj4',",
            "lpr\u{00A0}vj4",
            "\u{FEFF}lpr\u{200B}vj4\u{2060}",
            "\u{FF2C}\u{FF30}\u{FF32}\u{FF56}\u{FF4A}\u{FF14}",
            "(lprvj4)",
        ] {
            assert_eq!(code(pasted), Ok("lprvj4".into()), "{pasted:?}");
        }
        assert_eq!(code("lpr*vj4"), Err(FieldError::CodeCharacters));
        assert_eq!(code("<b>lprvj4</b>"), Err(FieldError::CodeCharacters));
        assert_eq!(code("lpr.vj4"), Err(FieldError::CodeCharacters));
    }

    #[test]
    fn email_usernames_are_shaped_like_addresses() {
        assert_eq!(
            email_username(" John+x@Banks.com "),
            Ok("john+x@banks.com".into())
        );
        for bad in [
            "not-an-email",
            "john@",
            "@banks.com",
            "john@banks",
            "john@@banks.com",
            "jo hn@banks.com",
            "john@banks..com",
        ] {
            assert_eq!(
                email_username(bad),
                Err(FieldError::UsernameFormat),
                "{bad}"
            );
        }
        assert_eq!(email_username(""), Err(FieldError::UsernameMissing));
    }

    #[test]
    fn usernames_with_hidden_characters_are_refused() {
        assert_eq!(
            username("\u{202E}moc.sknab@eod.nhoj"),
            Err(FieldError::UsernameCharacters)
        );
        assert_eq!(
            username("john\u{200B}.doe@banks.com"),
            Err(FieldError::UsernameCharacters)
        );
        assert_eq!(
            username("john\u{0007}@x.test"),
            Err(FieldError::UsernameCharacters)
        );
        assert_eq!(
            username("plus+shop@banks.com"),
            Ok("plus+shop@banks.com".into())
        );
    }

    #[test]
    fn codes_are_case_insensitive_and_forgive_paste() {
        assert_eq!(code("LPRVJ4"), Ok("lprvj4".into()));
        assert_eq!(code("  lpr vj4\n"), Ok("lprvj4".into()));
        assert_eq!(code("lpr-vj4"), Ok("lprvj4".into()));
        assert_eq!(code(""), Err(FieldError::CodeMissing));
        assert_eq!(code("lprvj"), Err(FieldError::CodeLength));
        assert_eq!(code("lprvj45"), Err(FieldError::CodeLength));
        assert_eq!(code("lprv!4"), Err(FieldError::CodeCharacters));
    }

    #[test]
    fn usernames_are_trimmed_and_emails_lowercased() {
        assert_eq!(
            username(" John.Doe@Banks.com "),
            Ok("john.doe@banks.com".into())
        );
        assert_eq!(username("John"), Ok("John".into()));
        assert_eq!(username("   "), Err(FieldError::UsernameMissing));
    }

    #[test]
    fn new_passwords() {
        assert_eq!(new_password(""), Err(FieldError::PasswordMissing));
        assert_eq!(new_password("short"), Err(FieldError::PasswordTooShort));
        assert_eq!(new_password("ééééééé"), Err(FieldError::PasswordTooShort));
        assert_eq!(new_password("long enough"), Ok(()));
        assert_eq!(confirmation("a", ""), Err(FieldError::ConfirmationMissing));
        assert_eq!(
            confirmation("a", "b"),
            Err(FieldError::ConfirmationMismatch)
        );
        assert_eq!(confirmation("a", "a"), Ok(()));
    }
}
