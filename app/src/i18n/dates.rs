//! Dates in the person's language (ssr only): « mardi 1 décembre 2026, 9:30 – 11:00 » from the
//! Fluent date messages, Paris time.
use super::{tr, Langue};
use chrono::{DateTime, Datelike, Timelike};
use chrono_tz::Europe::Paris;

fn jour(l: Langue, at: &DateTime<chrono_tz::Tz>) -> String {
    let args = [
        ("j", (at.weekday().num_days_from_monday() as i64).into()),
        ("d", (at.day() as i64).into()),
        ("m", (at.month0() as i64).into()),
        ("y", (at.year() as i64).into()),
    ];
    tr(l, "date-jour", &args)
}

fn heure(at: &DateTime<chrono_tz::Tz>) -> String {
    format!("{}:{:02}", at.hour(), at.minute())
}

pub fn quand(l: Langue, debut: i64, fin: i64) -> Option<String> {
    let a = DateTime::from_timestamp(debut, 0)?.with_timezone(&Paris);
    let b = DateTime::from_timestamp(fin, 0)?.with_timezone(&Paris);
    Some(if a.date_naive() == b.date_naive() {
        tr(l, "date-seance", &[("jour", jour(l, &a).into()), ("debut", heure(&a).into()), ("fin", heure(&b).into())])
    } else {
        let args = [
            ("jour", jour(l, &a).into()),
            ("debut", heure(&a).into()),
            ("jour2", jour(l, &b).into()),
            ("fin", heure(&b).into()),
        ];
        tr(l, "date-seance-jours", &args)
    })
}
