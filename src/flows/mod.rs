//! The steps of the two flows, apart from any view so they can be tested natively.

pub mod reset;
pub mod validate;
