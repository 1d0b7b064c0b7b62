//! The e-mail link's parser on any bytes: no panic, and what is left of the address once the
//! link's parameters are removed holds none of them, however often it is stripped again.
#![no_main]

use commerce_otp::flows::link::{without_link_params, LinkParams};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(search) = std::str::from_utf8(data) else {
        return;
    };
    let _ = LinkParams::parse(search);
    let stripped = without_link_params(search);
    assert!(
        stripped.is_empty() || stripped.starts_with('?'),
        "{search:?} -> {stripped:?}"
    );
    assert_eq!(
        LinkParams::parse(&stripped),
        LinkParams::default(),
        "{search:?} -> {stripped:?} still has link parameters"
    );
    assert_eq!(
        without_link_params(&stripped),
        stripped,
        "{search:?}: stripping twice changed it"
    );
});
