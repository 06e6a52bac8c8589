//! Quiet hours: reminders and news never reach a phone between 20:00 and 08:00, Paris time.
use chrono::{DateTime, Days, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Europe::Paris;

/// The first hour messages may go, and the first hour they may not.
pub const DEBUT: u32 = 8;
pub const FIN: u32 = 20;

/// The hour (Paris) from which day-before reminders are written.
pub const RAPPEL: u32 = 18;

/// When the reminder of something starting at `debut` is due: 18:00 (Paris) the day before.
pub fn reminder_moment(debut: DateTime<Utc>) -> DateTime<Utc> {
    let local = debut.with_timezone(&Paris).date_naive();
    let veille = local.checked_sub_days(Days::new(1)).unwrap_or(local);
    let at = veille.and_time(NaiveTime::from_hms_opt(RAPPEL, 0, 0).unwrap_or_default());
    Paris.from_local_datetime(&at).earliest().map_or(debut - chrono::Duration::hours(15), |t| t.with_timezone(&Utc))
}

/// Whether `now` falls in the quiet hours.
pub fn quiet(now: DateTime<Utc>) -> bool {
    let h = now.with_timezone(&Paris).hour();
    !(DEBUT..FIN).contains(&h)
}

/// The next 08:00 in Paris at or after `now` (`now` itself outside the quiet hours).
pub fn next_allowed(now: DateTime<Utc>) -> DateTime<Utc> {
    if !quiet(now) {
        return now;
    }
    let local = now.with_timezone(&Paris);
    let day = if local.hour() >= FIN {
        local.date_naive().checked_add_days(Days::new(1)).unwrap_or(local.date_naive())
    } else {
        local.date_naive()
    };
    let morning = day.and_time(NaiveTime::from_hms_opt(DEBUT, 0, 0).unwrap_or_default());
    Paris.from_local_datetime(&morning).earliest().map_or(now, |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris(s: &str) -> DateTime<Utc> {
        let naive = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        Paris.from_local_datetime(&naive).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn the_quiet_hours_run_from_eight_in_the_evening_to_eight_in_the_morning_paris_time() {
        assert!(!quiet(paris("2026-12-07 08:00")));
        assert!(!quiet(paris("2026-12-07 19:59")));
        assert!(quiet(paris("2026-12-07 20:00")));
        assert!(quiet(paris("2026-12-07 03:00")));
        assert!(quiet(paris("2026-12-07 07:59")));
        // Summer time too: 19:30 UTC is 21:30 in Paris in July.
        assert!(quiet(paris("2027-07-07 21:30")));
        assert!(!quiet(paris("2027-07-07 09:30")));
    }

    #[test]
    fn the_reminder_of_a_monday_morning_session_is_due_on_sunday_at_six_in_the_evening() {
        assert_eq!(reminder_moment(paris("2026-12-07 09:30")), paris("2026-12-06 18:00"));
        // Across the change to summer time.
        assert_eq!(reminder_moment(paris("2027-03-28 14:00")), paris("2027-03-27 18:00"));
    }

    #[test]
    fn a_message_held_at_night_goes_at_eight() {
        assert_eq!(next_allowed(paris("2026-12-07 22:10")), paris("2026-12-08 08:00"));
        assert_eq!(next_allowed(paris("2026-12-08 05:00")), paris("2026-12-08 08:00"));
        assert_eq!(next_allowed(paris("2026-12-08 10:00")), paris("2026-12-08 10:00"));
        // The night the clocks change.
        assert_eq!(next_allowed(paris("2027-03-27 23:00")), paris("2027-03-28 08:00"));
    }
}
