//! Languages: tags, browser preferences, every message in every language, dates.
#[cfg(feature = "ssr")]
use super::dates;
use super::*;

#[test]
fn tags_and_browser_preferences() {
    assert_eq!(Langue::from_tag("fa-AF"), Some(Langue::Prs));
    assert_eq!(Langue::from_tag("prs"), Some(Langue::Prs));
    assert_eq!(Langue::from_tag("EN-gb"), Some(Langue::En));
    assert_eq!(Langue::from_tag("de"), None);
    assert_eq!(Langue::from_accept_language("de-DE,de;q=0.9,uk;q=0.8,en;q=0.7"), Some(Langue::Uk));
    assert_eq!(Langue::from_accept_language("en;q=0.5, ar"), Some(Langue::Ar));
    assert_eq!(Langue::from_accept_language("ar;q=0, en;q=0.1"), Some(Langue::En));
    assert_eq!(Langue::from_accept_language("de, it"), None);
    assert_eq!(Langue::from_accept_language(""), None);
    assert_eq!(Langue::Ar.dir(), "rtl");
    assert_eq!(Langue::Prs.dir(), "rtl");
    assert_eq!(Langue::Uk.dir(), "ltr");
}

#[cfg(feature = "ssr")]
#[test]
fn every_language_has_every_message_and_no_other() {
    let fr = keys(Langue::Fr);
    assert!(fr.len() > 100, "the French messages are the reference");
    for l in Langue::ALL {
        let k = keys(l);
        let missing: Vec<_> = fr.iter().filter(|x| !k.contains(x)).collect();
        let extra: Vec<_> = k.iter().filter(|x| !fr.contains(x)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:?}, unknown {extra:?}", l.code());
    }
}

/// The French theme and objective messages are the référentiel's own words, in its order.
#[cfg(feature = "ssr")]
#[test]
fn french_referentiel_messages_are_the_referentiel() {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../../../reference/referentiel-carnet-de-bord.json")).expect("référentiel");
    let themes = json["themes"].as_array().expect("themes");
    assert_eq!(themes.len(), 10);
    for th in themes {
        let code = th["code"].as_str().expect("code");
        assert_eq!(tr(Langue::Fr, &format!("theme-{code}"), &[]), th["label"].as_str().expect("label"));
        let objectifs = th["objectifs"].as_array().expect("objectifs");
        for (i, o) in objectifs.iter().enumerate() {
            assert_eq!(tr(Langue::Fr, &format!("objectif-{code}-{}", i + 1), &[]), o.as_str().expect("objectif"));
        }
        // No message for an objective the référentiel does not have.
        assert!(!keys(Langue::Fr).contains(&format!("objectif-{code}-{}", objectifs.len() + 1)));
    }
}

#[cfg(feature = "ssr")]
#[test]
fn messages_are_looked_up_with_their_arguments() {
    assert_eq!(tr(Langue::Fr, "langue-titre", &[]), "Choisir la langue");
    assert_eq!(tr(Langue::En, "langue-titre", &[]), "Choose the language");
    assert_eq!(tr(Langue::En, "offres-nombre", &[("n", 1.into())]), "1 offer");
    assert_eq!(tr(Langue::En, "offres-nombre", &[("n", 3.into())]), "3 offers");
    assert_eq!(tr(Langue::Uk, "offres-nombre", &[("n", 3.into())]), "3 пропозиції");
    assert_eq!(tr(Langue::Uk, "offres-nombre", &[("n", 5.into())]), "5 пропозицій");
}

#[cfg(feature = "ssr")]
#[test]
fn session_dates_in_other_languages() {
    // Tuesday 1 December 2026, 9:30–11:00 in Paris (UTC+1).
    let (a, b) = (1_796_113_800, 1_796_119_200);
    assert_eq!(dates::quand(Langue::En, a, b).unwrap(), "Tuesday 1 December 2026, 9:30 – 11:00");
    assert_eq!(dates::quand(Langue::Uk, a, b).unwrap(), "вівторок, 1 грудня 2026, 9:30 – 11:00");
    assert!(dates::quand(Langue::En, a, b + 86_400).unwrap().starts_with("from Tuesday 1 December 2026, 9:30"));
}
