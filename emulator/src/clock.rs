//! Time as the emulator sees it (the wall clock plus the offset set through
//! `/__emulator/clock`), and the ISO-8601 forms Commerce prints.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch on the real clock.
pub fn system_now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// `2023-07-19T17:50:12.070Z`, the form of `expires` and `meta` timestamps.
pub fn iso_z(epoch_ms: i64) -> String {
    format!("{}Z", iso_base(epoch_ms))
}

/// `2023-09-05T14:53:01.584+00:00`, the form used in the webhook event payload
/// (docs/commerce-api.md §7.1).
pub fn iso_offset(epoch_ms: i64) -> String {
    format!("{}+00:00", iso_base(epoch_ms))
}

fn iso_base(epoch_ms: i64) -> String {
    let secs = epoch_ms.div_euclid(1000);
    let millis = epoch_ms.rem_euclid(1000);
    let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
    let rest = secs.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(iso_z(0), "1970-01-01T00:00:00.000Z");
        // The documented token example: 2023-07-19T17:50:12.070Z.
        assert_eq!(iso_z(1_689_789_012_070), "2023-07-19T17:50:12.070Z");
        assert_eq!(
            iso_offset(1_693_925_581_584),
            "2023-09-05T14:53:01.584+00:00"
        );
        assert_eq!(iso_z(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }
}
