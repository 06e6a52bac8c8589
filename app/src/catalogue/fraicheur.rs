//! Is an offer still true? An offer not updated for `a_mettre_a_jour_jours` is flagged to its
//! structure ("à mettre à jour"); after `masquee_jours` it is hidden from the public until its
//! structure updates or confirms it. Both periods come from the server's configuration; a
//! structure may choose its own update period (within bounds that keep the flag well before the
//! hiding). Every function takes "today" as an argument, so tests use a fixed clock.
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

/// The shortest update period a structure may choose.
pub const PERIODE_MIN_JOURS: u32 = 14;
/// At least this many days between the flag and the hiding, whatever a structure chooses.
pub const PREAVIS_MIN_JOURS: u32 = 30;

impl Fraicheur {
    /// The longest update period a structure may choose.
    pub fn periode_max(&self) -> u32 {
        self.masquee_jours.saturating_sub(PREAVIS_MIN_JOURS).max(PERIODE_MIN_JOURS)
    }

    /// The periods for a structure that chose its own update period (`None`: the server's). A
    /// stored choice the server's settings no longer allow is brought within bounds.
    pub fn pour_structure(self, periode: Option<u32>) -> Fraicheur {
        match periode {
            Some(p) => Fraicheur { a_mettre_a_jour_jours: p.clamp(PERIODE_MIN_JOURS, self.periode_max()), ..self },
            None => self,
        }
    }

    /// Reads a structure's update period as typed in its form: a whole number of days within bounds.
    pub fn lire_periode(&self, typed: &str) -> Result<u32, String> {
        let (min, max) = (PERIODE_MIN_JOURS, self.periode_max());
        let t = typed.trim();
        if t.is_empty() {
            Err(format!("Indiquez un nombre de jours, entre {min} et {max}."))
        } else if !t.bytes().all(|b| b.is_ascii_digit()) {
            Err(format!("Écrivez un nombre de jours en chiffres, entre {min} et {max}. Exemple : 90."))
        } else {
            match t.parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n),
                _ => Err(format!("Choisissez une durée entre {min} et {max} jours.")),
            }
        }
    }

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

    #[test]
    fn a_structure_period_moves_the_flag_not_the_hiding() {
        let f = Fraicheur { a_mettre_a_jour_jours: 180, masquee_jours: 365 };
        let maj = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        let after = |days: u64| maj.checked_add_days(Days::new(days)).unwrap();
        let monthly = f.pour_structure(Some(30));
        assert_eq!(monthly.etat(maj, after(30)), Etat::AJour);
        assert_eq!(monthly.etat(maj, after(31)), Etat::AMettreAJour);
        // The server's period still applies to the others, and hiding stays the server's.
        assert_eq!(f.pour_structure(None).etat(maj, after(31)), Etat::AJour);
        assert_eq!(monthly.etat(maj, after(365)), Etat::AMettreAJour);
        assert_eq!(monthly.etat(maj, after(366)), Etat::Masquee);
        // A longer period is allowed up to 30 days before the hiding, never past it.
        assert_eq!(f.periode_max(), 335);
        let yearly = f.pour_structure(Some(335));
        assert_eq!(yearly.etat(maj, after(335)), Etat::AJour);
        assert_eq!(yearly.etat(maj, after(336)), Etat::AMettreAJour);
        // A stored choice the server's settings no longer allow is brought back within bounds.
        assert_eq!(f.pour_structure(Some(400)).a_mettre_a_jour_jours, 335);
        assert_eq!(f.pour_structure(Some(1)).a_mettre_a_jour_jours, PERIODE_MIN_JOURS);
    }

    #[test]
    fn a_typed_period_is_a_whole_number_of_days_within_bounds() {
        let f = Fraicheur { a_mettre_a_jour_jours: 180, masquee_jours: 365 };
        assert_eq!(f.lire_periode(" 90 "), Ok(90));
        assert_eq!(f.lire_periode("14"), Ok(14));
        assert_eq!(f.lire_periode("335"), Ok(335));
        assert_eq!(f.lire_periode("13"), Err("Choisissez une durée entre 14 et 335 jours.".into()));
        assert_eq!(f.lire_periode("336"), Err("Choisissez une durée entre 14 et 335 jours.".into()));
        assert_eq!(f.lire_periode("99999999999"), Err("Choisissez une durée entre 14 et 335 jours.".into()));
        assert!(f.lire_periode("").unwrap_err().starts_with("Indiquez un nombre de jours"));
        for typed in ["trois mois", "-5", "90.5", "9O"] {
            assert!(
                f.lire_periode(typed).unwrap_err().starts_with("Écrivez un nombre de jours en chiffres"),
                "{typed}"
            );
        }
    }
}
