//! Small building blocks shared by the pages.

mod code_input;
mod error_message;
mod fields;
mod page;
mod submit_button;

pub use code_input::{CodeFormFields, CodeInput};
pub use error_message::{ErrorMessage, NewCodeLink};
pub use fields::{PasswordField, ShowPasswords, TextField, UsernameField, UsernameOrField};
pub use page::{Notice, Page, SignedInAlready};
pub use submit_button::SubmitButton;
