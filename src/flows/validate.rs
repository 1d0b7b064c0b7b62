//! Checks of what a shopper typed, before anything is sent. Plain functions.

use crate::commerce::compat;

/// What is wrong with one field. The words live in `messages`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    UsernameMissing,
    CodeMissing,
    CodeLength,
    CodeCharacters,
    PasswordMissing,
    PasswordTooShort,
    ConfirmationMissing,
    ConfirmationMismatch,
}

pub fn username(raw: &str) -> Result<String, FieldError> {
    let username = compat::normalize_username(raw);
    if username.is_empty() {
        Err(FieldError::UsernameMissing)
    } else {
        Ok(username)
    }
}

/// Case-insensitive; spaces and dashes from copy and paste are ignored.
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
