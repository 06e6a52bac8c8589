//! Is an offer still true? An offer not updated for `a_mettre_a_jour_jours` is flagged to its
//! structure ("à mettre à jour"); after `masquee_jours` it is hidden from the public until its
//! structure updates or confirms it. Both periods come from the server's configuration; every
//! function takes "today" as an argument, so tests use a fixed clock. ssr only.
use chrono::{Days, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraicheur {
    pub a_mettre_a_jour_jours: u32,
    pub masquee_jours: u32,
}

impl Default for Fraicheur {
    fn default() -> Self {
        Fraicheur { a_mettre_a_jour_jours: 180, masquee_jours: 365 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Etat {
    AJour,
    AMettreAJour,
    Masquee,
}

impl Fraicheur {
    pub fn etat(&self, date_maj: NaiveDate, today: NaiveDate) -> Etat {
        let age = (today - date_maj).num_days();
        if age > i64::from(self.masquee_jours) {
            Etat::Masquee
        } else if age > i64::from(self.a_mettre_a_jour_jours) {
            Etat::AMettreAJour
        } else {
            Etat::AJour
        }
    }

    /// The oldest update the public still sees.
    pub fn visible_depuis(&self, today: NaiveDate) -> NaiveDate {
        today.checked_sub_days(Days::new(u64::from(self.masquee_jours))).unwrap_or(NaiveDate::MIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_age_from_current_to_flagged_to_hidden() {
        let f = Fraicheur { a_mettre_a_jour_jours: 180, masquee_jours: 365 };
        let maj = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(f.etat(maj, day(2026, 1, 10)), Etat::AJour);
        // 180 days later: still current; the day after: to update.
        assert_eq!(f.etat(maj, day(2026, 7, 9)), Etat::AJour);
        assert_eq!(f.etat(maj, day(2026, 7, 10)), Etat::AMettreAJour);
        assert_eq!(f.etat(maj, day(2027, 1, 10)), Etat::AMettreAJour);
        assert_eq!(f.etat(maj, day(2027, 1, 11)), Etat::Masquee);
        assert_eq!(f.visible_depuis(day(2027, 1, 10)), maj);
        // An update dated in the future (another clock) is current, not an error.
        assert_eq!(f.etat(day(2027, 1, 1), day(2026, 12, 1)), Etat::AJour);
    }
}
