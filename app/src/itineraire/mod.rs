//! Entry pages for the person: what Itinéraire is, the next steps of their path, and the 10
//! themes it can help with.
pub mod api;
pub mod invitation;
#[cfg(feature = "ssr")]
mod content;
mod etapes;
pub mod model;
mod theme_filter;

pub use etapes::{BienvenuePage, DefaultHelp, EtapesPage, HelpContact, InfoPageView};

use crate::referentiel::{api::list_themes, model::Theme};
use crate::text::matches_all_words;
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
pub use theme_filter::ThemeFilter;

/// Longest theme search we accept; longer queries get a clear message instead of work.
pub const MAX_QUERY_CHARS: usize = 100;

#[component]
pub fn HomePage() -> impl IntoView {
    let themes = Resource::new_blocking(|| (), |_| list_themes());
    // `?q=` is the no-JavaScript path of the theme filter (a GET form).
    let query = move || use_query_map().read().get("q").unwrap_or_default();
    view! {
        <Title text="" />
        <section class="intro">
            <h1>"Itinéraire : avancer vers l’emploi, à votre rythme"</h1>
            <p>
                "Itinéraire vous explique les prochaines étapes de votre accompagnement. "
                "Il vous montre aussi les aides près de chez vous pour lever ce qui vous bloque : logement, transport, santé, garde d’enfants et plus encore."
            </p>
            <p><a class="button" href="/etapes">"Mes prochaines étapes"</a></p>
        </section>
        <section aria-labelledby="themes-titre">
            <h2 id="themes-titre">"Les 10 thèmes où l’on peut vous aider"</h2>
            <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
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
    let keywords: Vec<String> = themes.iter().map(Theme::keywords).collect();
    let shown = |i: usize| too_long || matches_all_words(&keywords[i], &query);
    let count = (0..themes.len()).filter(|&i| shown(i)).count();
    let status = if too_long {
        format!("Votre recherche est trop longue (plus de {MAX_QUERY_CHARS} caractères). Essayez avec un ou deux mots.")
    } else if query.is_empty() {
        String::new()
    } else {
        result_message(count, &query)
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
        <ThemeFilter initial=if too_long { String::new() } else { query.clone() } status />
        <ul class="themes" id="themes">{items}</ul>
    }
}

/// The sentence read out after a search, shared by the server and the island.
pub fn result_message(count: usize, query: &str) -> String {
    match count {
        0 => format!("Aucun thème ne correspond à « {query} ». Essayez un autre mot."),
        1 => format!("1 thème correspond à « {query} »."),
        n => format!("{n} thèmes correspondent à « {query} »."),
    }
}

#[component]
fn ThemeCard(theme: Theme, keywords: String, hidden: bool) -> impl IntoView {
    let heading_id = format!("theme-{}", theme.code);
    let labelled_by = heading_id.clone();
    let n = theme.objectifs.len();
    let objectifs = theme
        .objectifs
        .into_iter()
        .map(|o| view! { <li>{o}</li> })
        .collect_view();
    view! {
        <li class="theme-card" data-keywords=keywords hidden=hidden aria-labelledby=labelled_by>
            <h3 id=heading_id>{theme.label}</h3>
            <details>
                <summary>{format!("Ce que l’on peut faire ensemble ({n})")}</summary>
                <ul>{objectifs}</ul>
            </details>
        </li>
    }
}
