//! `/langue`: the language choice on a page of its own.
use crate::i18n::{t, LangueChoix};
use leptos::prelude::*;

/// `/langue`: the choice on its own page (linked from every page's header).
#[component]
pub fn LanguePage() -> impl IntoView {
    view! {
        <leptos_meta::Title text=t("langue-titre") />
        <h1>{t("langue-titre")}</h1>
        <p>{t("langue-explication")}</p>
        <LangueChoix />
    }
}
