//! The home page: what Itinéraire is, and the 10 themes with a filter (an island; without
//! JavaScript, a GET form).
use super::theme_filter::{ThemeFilter, MAX_QUERY_CHARS};
use crate::i18n::{t, ta};
use crate::referentiel::{api::list_themes, model::Theme};
use crate::text::matches_all_words;
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    let themes = Resource::new_blocking(|| (), |_| list_themes());
    // `?q=` is the no-JavaScript path of the theme filter (a GET form).
    let query = move || use_query_map().read().get("q").unwrap_or_default();
    view! {
        <Title text="" />
        <section class="intro">
            <h1>{t("accueil-titre")}</h1>
            <p>{t("accueil-intro")}</p>
            <p><a class="button" href="/etapes">{t("accueil-etapes")}</a></p>
        </section>
        <section aria-labelledby="themes-titre">
            <h2 id="themes-titre">{t("accueil-themes")}</h2>
            <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
                {move || Suspend::new(async move {
                    match themes.await {
                        Ok(list) => view! { <ThemeList themes=list query=query() /> }.into_any(),
                        Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ThemeList(themes: Vec<Theme>, query: String) -> impl IntoView {
    let query = query.trim().to_owned();
    let too_long = query.chars().count() > MAX_QUERY_CHARS;
    if too_long {
        let _ = crate::error::AppError::BadRequest(String::new()).with_status();
    }
    // French words and the page's language both find a theme: the language never narrows.
    let french = crate::i18n::langue() == crate::i18n::Langue::Fr;
    let keywords: Vec<String> = themes
        .iter()
        .map(|th| {
            if french {
                return th.keywords();
            }
            let translated =
                th.objectifs.iter().enumerate().map(|(i, o)| crate::i18n::objectif_label(&th.code, i + 1, o));
            let words = std::iter::once(crate::i18n::theme_label(&th.code, &th.label))
                .chain(translated)
                .collect::<Vec<_>>()
                .join(" ");
            format!("{} {}", th.keywords(), crate::text::fold(&words))
        })
        .collect();
    let shown = |i: usize| too_long || matches_all_words(&keywords[i], &query);
    let count = (0..themes.len()).filter(|&i| shown(i)).count();
    // The island says how many themes match as the person types: one sentence per count,
    // written here in the page's language (plurals differ between languages).
    let messages: Vec<String> = (0..=themes.len()).map(result_message).collect();
    let status = if too_long {
        ta("accueil-recherche-longue", &[("max", MAX_QUERY_CHARS.into())])
    } else if query.is_empty() {
        String::new()
    } else {
        messages[count].replace("{q}", &query)
    };
    let items = themes
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let hidden = !shown(i);
            view! { <ThemeCard theme=t keywords=keywords[i].clone() hidden /> }
        })
        .collect_view();
    view! {
        <ThemeFilter initial=if too_long { String::new() } else { query.clone() } status messages
            label=t("accueil-filtre-label") bouton=t("accueil-filtre-bouton") />
        <ul class="themes" id="themes">{items}</ul>
    }
}

/// The sentence read out after a search for `count` themes, `{q}` standing for the words typed.
fn result_message(count: usize) -> String {
    ta("accueil-themes-trouves", &[("n", count.into()), ("q", "{q}".into())])
}

#[component]
fn ThemeCard(theme: Theme, keywords: String, hidden: bool) -> impl IntoView {
    let heading_id = format!("theme-{}", theme.code);
    let labelled_by = heading_id.clone();
    let n = theme.objectifs.len();
    let code = theme.code.clone();
    let objectifs = theme
        .objectifs
        .into_iter()
        .enumerate()
        .map(|(i, o)| view! { <li>{crate::i18n::objectif_label(&code, i + 1, &o)}</li> })
        .collect_view();
    view! {
        <li class="theme-card" data-keywords=keywords hidden=hidden aria-labelledby=labelled_by>
            <h3 id=heading_id>{crate::i18n::theme_label(&theme.code, &theme.label)}</h3>
            <details>
                <summary>{ta("accueil-ensemble", &[("n", n.into())])}</summary>
                <ul>{objectifs}</ul>
            </details>
        </li>
    }
}
