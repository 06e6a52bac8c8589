//! The language chooser: one button per language, a form that posts to `/langue` (works
//! without WASM).
use super::{langue, t, tr, Langue};
use leptos::prelude::*;

/// The language chooser: one button per language, a form that posts (works without WASM).
#[component]
pub fn LangueChoix(#[prop(optional)] titre: bool) -> impl IntoView {
    let current = langue();
    let retour = {
        let l = leptos_router::hooks::use_location();
        let (path, search) = (l.pathname.get_untracked(), l.search.get_untracked());
        let search = search.trim_start_matches('?');
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    };
    let buttons = Langue::ALL
        .iter()
        .map(|l| {
            let pressed = (*l == current).to_string();
            view! {
                <button type="submit" name="langue" value=l.code() lang=l.code() dir=l.dir()
                    class="langue" aria-pressed=pressed>{l.nom()}</button>
            }
        })
        .collect_view();
    view! {
        <form method="post" action="/langue" class="langues" aria-label=t("langue-choix")>
            {titre.then(|| {
                // Asked in every language: the page may be in one the person does not read.
                let asks = Langue::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, l)| view! {
                        {(i > 0).then_some(" · ")}
                        <span lang=l.code() dir=l.dir()>{tr(*l, "langue-choix", &[])}</span>
                    })
                    .collect_view();
                view! { <p class="langues-titre">{asks}</p> }
            })}
            <input type="hidden" name="retour" value=retour />
            {buttons}
        </form>
    }
}
