//! Where the person is and how far an offer is: positions, straight-line distances, and finding
//! the commune a person typed (its name, even roughly, or its postcode).

/// A point on Earth, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub lat: f64,
    pub lon: f64,
}

// Positions are checked finite when made (`Position::new`), so equality is total.
impl Eq for Position {}

/// Mean Earth radius (km).
const EARTH_KM: f64 = 6371.0;

impl Position {
    /// `None` unless both are finite degrees in range.
    pub fn new(lat: f64, lon: f64) -> Option<Position> {
        (lat.is_finite() && lon.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
            .then_some(Position { lat, lon })
    }

    /// Straight-line ("as the crow flies") distance, km (haversine).
    pub fn km_to(&self, other: &Position) -> f64 {
        let (la1, la2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = la2 - la1;
        let dlon = (other.lon - self.lon).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_KM * a.sqrt().asin()
    }

    /// "43.1081, 0.7234" as map sites copy it (a comma or a space between, `.` or `,` as the
    /// decimal mark when the other one separates).
    pub fn parse(text: &str) -> Option<Position> {
        let text = text.trim();
        let (a, b) = match text.split_once(';') {
            Some(pair) => pair,
            None => match text.matches(',').count() {
                1 => text.split_once(',')?,
                // "43,1081, 0,7234" or "43,1081 0,7234": French decimal commas.
                _ => text.split_once(", ").or_else(|| text.split_once(' '))?,
            },
        };
        let num = |s: &str| s.trim().replace(',', ".").parse::<f64>().ok();
        Position::new(num(a)?, num(b)?)
    }

    /// Rounded to about a kilometre: what a page's address keeps of a phone's position.
    pub fn rounded(&self) -> String {
        format!("{:.2},{:.2}", self.lat, self.lon)
    }
}

/// Whole kilometres as shown to the person; 0 means "less than 1 km".
pub fn km_shown(km: f64) -> u32 {
    km.floor().clamp(0.0, u32::MAX as f64) as u32
}

/// A commune as the search knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CommuneRef {
    pub code: String,
    pub nom: String,
    pub codes_postaux: Vec<String>,
    pub population: i64,
    pub centre: Option<Position>,
}

/// What a typed commune turned out to be.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq)]
pub enum Trouve<'a> {
    Une(&'a CommuneRef),
    /// Several communes fit (a shared postcode, the start of several names): the person chooses.
    Plusieurs(Vec<&'a CommuneRef>),
    Aucune,
}

/// A name as compared: folded, hyphens and apostrophes as spaces, "st"/"ste" spelled out.
#[cfg(feature = "ssr")]
fn name_key(s: &str) -> String {
    crate::text::fold(s)
        .split_whitespace()
        .map(|w| match w {
            "st" => "saint",
            "ste" => "sainte",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Communes proposed at most when several names start with what was typed.
#[cfg(feature = "ssr")]
const MAX_CHOIX: usize = 8;

/// Finds the commune `text` names: a postcode (5 digits), a name (accents, case, hyphens and
/// "St" do not matter), the start of a name, or a name with a typo. Several communes fit: those
/// of a postcode all, by name (a village is looked for in its list); those whose name starts
/// so, the most populated first.
#[cfg(feature = "ssr")]
pub fn trouver_commune<'a>(communes: &'a [CommuneRef], text: &str) -> Trouve<'a> {
    let text = text.trim();
    let by_population = |mut v: Vec<&'a CommuneRef>| {
        v.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.nom.cmp(&b.nom)));
        v.truncate(MAX_CHOIX);
        v
    };
    let one_or_more = |v: Vec<&'a CommuneRef>| match v.len() {
        0 => Trouve::Aucune,
        1 => Trouve::Une(v[0]),
        _ => Trouve::Plusieurs(by_population(v)),
    };
    if text.len() == 5 && text.chars().all(|c| c.is_ascii_digit()) {
        let mut v: Vec<&CommuneRef> = communes.iter().filter(|c| c.codes_postaux.iter().any(|p| p == text)).collect();
        v.sort_by_key(|c| crate::text::fold(&c.nom));
        return if v.len() == 1 {
            Trouve::Une(v[0])
        } else if v.is_empty() {
            Trouve::Aucune
        } else {
            Trouve::Plusieurs(v)
        };
    }
    let key = name_key(text);
    if key.is_empty() {
        return Trouve::Aucune;
    }
    let keys: Vec<(String, &CommuneRef)> = communes.iter().map(|c| (name_key(&c.nom), c)).collect();
    if let Some((_, c)) = keys.iter().find(|(k, _)| *k == key) {
        return Trouve::Une(c);
    }
    let starting: Vec<&CommuneRef> = keys.iter().filter(|(k, _)| k.starts_with(&key)).map(|(_, c)| *c).collect();
    if !starting.is_empty() {
        return one_or_more(starting);
    }
    let names = keys.iter().map(|(k, _)| k.as_str());
    match crate::catalogue::search::correct(&key, names) {
        Some(close) => one_or_more(keys.iter().filter(|(k, _)| k == close).map(|(_, c)| *c).collect()),
        None => Trouve::Aucune,
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn commune(code: &str, nom: &str, postaux: &[&str], population: i64) -> CommuneRef {
        CommuneRef {
            code: code.into(),
            nom: nom.into(),
            codes_postaux: postaux.iter().map(|p| p.to_string()).collect(),
            population,
            centre: None,
        }
    }

    fn sample() -> Vec<CommuneRef> {
        vec![
            commune("31483", "Saint-Gaudens", &["31800"], 11_000),
            commune("31275", "Labarthe-Inard", &["31800"], 900),
            commune("31484", "Saint-Gaudens-Bis", &["31801"], 10),
            commune("31555", "Toulouse", &["31000", "31100"], 500_000),
            commune("31390", "Montréjeau", &["31210"], 2_800),
        ]
    }

    #[test]
    fn distances_are_straight_lines_in_km() {
        let toulouse = Position::new(43.6045, 1.4440).unwrap();
        let saint_gaudens = Position::new(43.1081, 0.7234).unwrap();
        // About 80 km as the crow flies.
        let d = toulouse.km_to(&saint_gaudens);
        assert!((79.5..81.0).contains(&d), "{d}");
        assert_eq!(toulouse.km_to(&toulouse), 0.0);
        assert_eq!(km_shown(0.4), 0);
        assert_eq!(km_shown(12.9), 12);
    }

    #[test]
    fn positions_are_read_as_map_sites_copy_them() {
        let p = Position { lat: 43.1081, lon: 0.7234 };
        for text in [
            "43.1081, 0.7234",
            "43.1081,0.7234",
            " 43.1081 0.7234 ",
            "43,1081, 0,7234",
            "43,1081 0,7234",
            "43.1081;0.7234",
        ] {
            assert_eq!(Position::parse(text), Some(p), "{text}");
        }
        for bad in ["", "43.1", "nord", "91, 0", "43, 181", "NaN, 1", "inf, 1", "1, 2, 3, 4"] {
            assert_eq!(Position::parse(bad), None, "{bad}");
        }
        assert_eq!(p.rounded(), "43.11,0.72");
    }

    #[test]
    fn a_commune_is_found_by_name_postcode_start_or_typo() {
        let list = sample();
        let code = |t: Trouve| match t {
            Trouve::Une(c) => c.code.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(code(trouver_commune(&list, "Saint-Gaudens")), "31483");
        assert_eq!(code(trouver_commune(&list, "st gaudens")), "31483");
        assert_eq!(code(trouver_commune(&list, "SAINT GAUDENS ")), "31483");
        assert_eq!(code(trouver_commune(&list, "montrejeau")), "31390");
        assert_eq!(code(trouver_commune(&list, "Montréjau")), "31390");
        assert_eq!(code(trouver_commune(&list, "31210")), "31390");
        assert_eq!(code(trouver_commune(&list, "31100")), "31555");
        assert_eq!(code(trouver_commune(&list, "toul")), "31555");
    }

    #[test]
    fn several_communes_are_offered_by_population() {
        let list = sample();
        let names = |t: Trouve| match t {
            Trouve::Plusieurs(v) => v.iter().map(|c| c.nom.clone()).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(names(trouver_commune(&list, "31800")), ["Labarthe-Inard", "Saint-Gaudens"]);
        assert_eq!(names(trouver_commune(&list, "saint gau")), ["Saint-Gaudens", "Saint-Gaudens-Bis"]);
        assert_eq!(trouver_commune(&list, "31999"), Trouve::Aucune);
        assert_eq!(trouver_commune(&list, "Paris"), Trouve::Aucune);
        assert_eq!(trouver_commune(&list, " - "), Trouve::Aucune);
    }
}
