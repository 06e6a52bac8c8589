//! The Fluent files of `locales/<code>/`, built into the server, and their lookup (ssr only).
use super::{Arg, Langue};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

fluent_templates::static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        // No invisible isolation marks around arguments: the pages set `dir` themselves.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static IDS: LazyLock<Vec<(Langue, LanguageIdentifier)>> =
    LazyLock::new(|| Langue::ALL.iter().filter_map(|l| l.code().parse().ok().map(|id| (*l, id))).collect());

pub fn id(l: Langue) -> &'static LanguageIdentifier {
    IDS.iter().find(|(x, _)| *x == l).map(|(_, id)| id).unwrap_or(&IDS[0].1)
}

pub fn lookup(l: Langue, key: &str, args: &[(&str, Arg)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(k, v)| {
            let value = match v {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            (Cow::Owned((*k).to_owned()), value)
        })
        .collect();
    LOCALES.lookup_with_args(id(l), key, &map)
}
