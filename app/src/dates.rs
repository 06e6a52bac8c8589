//! Dates and times of sessions: stored in UTC, typed and shown in Europe/Paris (ssr only).
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Europe::Paris;

const JOURS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A date and time typed in a form (`2026-12-01`, `09:30`), in Paris time.
pub fn parse_local(date: &str, time: &str) -> Result<DateTime<Utc>, &'static str> {
    let d =
        NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| "Indiquez une date, par exemple 2026-12-01.")?;
    let t = NaiveTime::parse_from_str(time.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(time.trim(), "%H:%M:%S"))
        .map_err(|_| "Indiquez une heure, par exemple 09:30.")?;
    Paris
        .from_local_datetime(&d.and_time(t))
        .earliest()
        .map(|dt| dt.with_timezone(&Utc))
        .ok_or("Cette heure n’existe pas ce jour-là (changement d’heure). Choisissez une autre heure.")
}

/// The Paris date (`2026-12-01`) and time (`09:30`) of an instant, as a form shows them.
pub fn local_fields(at: DateTime<Utc>) -> (String, String) {
    let p = at.with_timezone(&Paris);
    (p.format("%Y-%m-%d").to_string(), p.format("%H:%M").to_string())
}

/// Today's date in Paris.
pub fn today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Paris).date_naive()
}

/// "mardi 1er décembre 2026 à 9 h 30" (Paris time).
pub fn jour_heure(at: DateTime<Utc>) -> String {
    format!("{} à {}", jour(at), heure(at.with_timezone(&Paris)))
}

fn heure(at: DateTime<chrono_tz::Tz>) -> String {
    match at.minute() {
        0 => format!("{} h", at.hour()),
        m => format!("{} h {m:02}", at.hour()),
    }
}

/// "mardi 1 décembre 2026"
pub fn jour(at: DateTime<Utc>) -> String {
    let p = at.with_timezone(&Paris);
    let d = p.day();
    let num = if d == 1 { "1er".to_string() } else { d.to_string() };
    format!("{} {num} {} {}", JOURS[p.weekday().num_days_from_monday() as usize], MOIS[p.month0() as usize], p.year())
}

/// "mardi 1er décembre 2026, de 9 h 30 à 11 h 30" (or "… au mercredi 2 …" across days).
pub fn quand(debut: DateTime<Utc>, fin: DateTime<Utc>) -> String {
    let (a, b) = (debut.with_timezone(&Paris), fin.with_timezone(&Paris));
    if a.date_naive() == b.date_naive() {
        format!("{}, de {} à {}", jour(debut), heure(a), heure(b))
    } else {
        format!("du {} à {} au {} à {}", jour(debut), heure(a), jour(fin), heure(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_time_follows_summer_and_winter() {
        // Winter: UTC+1; summer: UTC+2.
        assert_eq!(parse_local("2026-12-01", "09:30").unwrap().to_rfc3339(), "2026-12-01T08:30:00+00:00");
        assert_eq!(parse_local("2026-07-01", "09:30").unwrap().to_rfc3339(), "2026-07-01T07:30:00+00:00");
        // 29 March 2026, 02:30 does not exist in Paris.
        assert!(parse_local("2026-03-29", "02:30").is_err());
        assert!(parse_local("01/12/2026", "09:30").is_err());
        assert!(parse_local("2026-12-01", "9h").is_err());
        let at = parse_local("2026-12-01", "09:30").unwrap();
        assert_eq!(local_fields(at), ("2026-12-01".into(), "09:30".into()));
    }

    #[test]
    fn dates_read_as_french() {
        let a = parse_local("2026-12-01", "09:30").unwrap();
        let b = parse_local("2026-12-01", "11:00").unwrap();
        assert_eq!(quand(a, b), "mardi 1er décembre 2026, de 9 h 30 à 11 h");
        let c = parse_local("2026-12-02", "12:00").unwrap();
        assert_eq!(quand(a, c), "du mardi 1er décembre 2026 à 9 h 30 au mercredi 2 décembre 2026 à 12 h");
    }
}
