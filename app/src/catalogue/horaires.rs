//! Opening hours of offers: the data·inclusion `horaires_accueil` field is written in the
//! OpenStreetMap `opening_hours` syntax (`Mo-Fr 09:00-12:00,14:00-17:00; PH off`); the
//! `opening-hours` crate parses and evaluates it, with France's public holidays. Everything
//! takes the date or instant as an argument, so tests use a fixed clock. ssr only.
use super::model::{JourHoraires, OuvertureDuJour};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use opening_hours::{localization::Country, Context, OpeningHours, RuleKind};
use std::sync::{Arc, LazyLock};

/// France's public holidays, loaded once (the crate embeds them).
static CONTEXT: LazyLock<Context> = LazyLock::new(|| Context::default().with_holidays(Country::FR.holidays()));

const JOURS: [&str; 7] = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"];

/// Parsed opening hours, shared by the search index and the pages.
#[derive(Clone)]
pub struct Horaires(Arc<OpeningHours>);

impl std::fmt::Debug for Horaires {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Horaires(..)")
    }
}

/// Parses a `horaires_accueil` value; `None` when it is empty or not in the OSM syntax (then
/// the text is shown as written and the offer's status today is unknown).
pub fn parse(raw: &str) -> Option<Horaires> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    raw.parse::<OpeningHours>().ok().map(|oh| Horaires(Arc::new(oh.with_context(CONTEXT.clone()))))
}

/// Why a value is refused in the offer form (a French message), or `Ok` when it parses.
pub fn check(raw: &str) -> Result<(), String> {
    if raw.trim().is_empty() || parse(raw).is_some() {
        Ok(())
    } else {
        Err("Ces horaires ne sont pas compris. Écrivez-les ainsi : « Mo-Fr 09:00-12:00,14:00-17:00; PH off » \
             (Mo Tu We Th Fr Sa Su pour les jours, PH pour les jours fériés, off pour fermé ; \
             une fermeture exceptionnelle : « 2026 Dec 24-2026 Dec 31 off »)."
            .to_owned())
    }
}

fn hhmm(h: u8, m: u8) -> String {
    match m {
        0 => format!("{h} h"),
        m => format!("{h} h {m:02}"),
    }
}

impl Horaires {
    /// The opening ranges of one day ("9 h – 12 h"), and whether the day is a public holiday.
    pub fn plages(&self, date: NaiveDate) -> Vec<String> {
        self.0
            .schedule_at(date)
            .into_iter()
            .filter(|r| r.kind == RuleKind::Open)
            .map(|r| {
                let (a, b) = (r.range.start, r.range.end);
                if a.mins_from_midnight() == 0 && b.mins_from_midnight() >= 24 * 60 {
                    super::model::TOUTE_LA_JOURNEE.to_owned()
                } else {
                    format!("{} – {}", hhmm(a.hour(), a.minute()), hhmm(b.hour(), b.minute()))
                }
            })
            .collect()
    }

    /// Open at some time on that day.
    pub fn ouvert_le(&self, date: NaiveDate) -> bool {
        self.0.schedule_at(date).into_iter().any(|r| r.kind == RuleKind::Open)
    }

    /// Today's status at `now` (Paris time).
    pub fn aujourdhui(&self, now: DateTime<Utc>) -> OuvertureDuJour {
        let local = now.with_timezone(&chrono_tz::Europe::Paris).naive_local();
        let plages = self.plages(local.date());
        OuvertureDuJour { ouvert: !plages.is_empty(), maintenant: self.0.is_open(local), plages }
    }

    /// The next seven days from `now` (Paris), one line each, holidays and closures applied.
    pub fn semaine(&self, now: DateTime<Utc>) -> Vec<JourHoraires> {
        let today = now.with_timezone(&chrono_tz::Europe::Paris).date_naive();
        today
            .iter_days()
            .take(7)
            .map(|d| JourHoraires {
                jour: format!("{} {}", JOURS[d.weekday().num_days_from_monday() as usize], d.day()),
                jour_semaine: d.weekday().num_days_from_monday() as u8,
                jour_mois: d.day(),
                ferie: CONTEXT.holidays.get_public().contains(d),
                plages: self.plages(d),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn paris(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Paris.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn open_today_follows_the_week_holidays_and_closures() {
        let h = parse("Mo-Fr 09:00-12:00,14:00-17:00; PH off; 2026 Dec 24-2026 Dec 31 off").unwrap();
        // Tuesday 1 December 2026, 10:30 in Paris.
        let t = h.aujourdhui(paris(2026, 12, 1, 10, 30));
        assert_eq!((t.ouvert, t.maintenant), (true, true));
        assert_eq!(t.plages, ["9 h – 12 h", "14 h – 17 h"]);
        // The same day at 12:30: open today, closed now.
        let t = h.aujourdhui(paris(2026, 12, 1, 12, 30));
        assert_eq!((t.ouvert, t.maintenant), (true, false));
        // Saturday: closed.
        assert!(!h.aujourdhui(paris(2026, 12, 5, 10, 0)).ouvert);
        // 11 November (Wednesday, public holiday): closed.
        assert!(!h.ouvert_le(NaiveDate::from_ymd_opt(2026, 11, 11).unwrap()));
        assert!(h.ouvert_le(NaiveDate::from_ymd_opt(2026, 11, 12).unwrap()));
        // Exceptional closure at the end of the year.
        assert!(!h.ouvert_le(NaiveDate::from_ymd_opt(2026, 12, 29).unwrap()));
        assert!(h.ouvert_le(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()));
    }

    #[test]
    fn the_week_reads_as_french_with_holidays_marked() {
        let h = parse("Mo-Fr 09:00-12:30; We 14:00-17:00; PH off").unwrap();
        // From Monday 9 November 2026: Wednesday 11 is a public holiday.
        let week = h.semaine(paris(2026, 11, 9, 8, 0));
        assert_eq!(week.len(), 7);
        assert_eq!(week[0].jour, "Lundi 9");
        assert_eq!(week[0].plages, ["9 h – 12 h 30"]);
        assert_eq!((week[2].jour.as_str(), week[2].ferie, week[2].plages.is_empty()), ("Mercredi 11", true, true));
        assert_eq!(week[5].plages, Vec::<String>::new());
    }

    #[test]
    fn text_that_is_not_the_osm_syntax_is_refused_in_forms_and_unknown_elsewhere() {
        assert!(parse("Du lundi au vendredi, 9 h – 17 h").is_none());
        assert!(parse("").is_none());
        assert!(check("").is_ok());
        assert!(check("Mo-Fr 09:00-17:00").is_ok());
        assert!(check("Du lundi au vendredi").unwrap_err().contains("Mo-Fr 09:00-12:00"));
        assert_eq!(parse("24/7").unwrap().plages(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()), ["toute la journée"]);
        // A comment is kept as "unknown", not as open.
        let h = parse("Mo-Fr 09:00-12:00; Sa unknown \"sur rendez-vous\"").unwrap();
        assert!(!h.ouvert_le(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()));
    }
}
