//! "Mes prochaines étapes": the timeline for the person's territory, plain-French pages, and a
//! human to call. `/bienvenue?territoire=…` is the entry point printed on invitation letters.
use super::api::{get_info_page, get_parcours, list_territoires};
use super::model::Parcours;
use crate::error::AppError;
use crate::i18n::{langue, t, ta};
use crate::ui::help::HelpContact;
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn territoire_query() -> Option<String> {
    use_query_map().read_untracked().get("territoire")
}

/// `?territoire=…` to carry the territory along links (empty when none was given).
fn territoire_suffix(code: &Option<String>) -> String {
    code.as_ref().map(|c| format!("?territoire={c}")).unwrap_or_default()
}

#[component]
pub fn BienvenuePage() -> impl IntoView {
    view! { <ParcoursPage welcome=true /> }
}

#[component]
pub fn EtapesPage() -> impl IntoView {
    view! { <ParcoursPage welcome=false /> }
}

#[component]
fn ParcoursPage(welcome: bool) -> impl IntoView {
    let code = territoire_query();
    let l = langue();
    let parcours = Resource::new_blocking(move || code.clone(), move |c| get_parcours(c, l));
    view! {
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
            {move || Suspend::new(async move {
                match parcours.await {
                    Ok(p) => view! { <ParcoursView parcours=p welcome /> }.into_any(),
                    Err(AppError::BadRequest(_)) => view! { <UnknownTerritory /> }.into_any(),
                    Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ParcoursView(parcours: Parcours, welcome: bool) -> impl IntoView {
    let Parcours { territoire, etapes, pages } = parcours;
    let carry = territoire_suffix(&territoire_query().map(|_| territoire.code.clone()));
    let title = if welcome { t("etapes-bienvenue") } else { t("accueil-etapes") };
    let steps = etapes
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let more = e.page.map(|slug| {
                let href = format!("/etapes/{slug}{carry}");
                view! { <a href=href>{t("etapes-en-savoir-plus")}<span class="visually-hidden">{format!(" : {}", e.titre)}</span></a> }
            });
            view! {
                <li class="step">
                    <p class="step-when">{format!("{} · {}", ta("etapes-numero", &[("n", (i + 1).into())]), e.quand)}</p>
                    <h3>{e.titre.clone()}</h3>
                    <p>{e.texte}</p>
                    {more}
                </li>
            }
        })
        .collect_view();
    let links = pages
        .into_iter()
        .map(|p| {
            let href = format!("/etapes/{}{carry}", p.slug);
            view! { <li><a href=href>{p.titre}</a><br /><span class="muted">{p.resume}</span></li> }
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        {welcome.then(|| view! {
            <p class="lead">{t("etapes-bienvenue-texte")}</p>
        })}
        <p class="muted">{ta("etapes-territoire", &[("nom", territoire.nom.clone().into())])}</p>
        <h2>{t("etapes-ce-qui-va-se-passer")}</h2>
        <ol class="timeline">{steps}</ol>
        <h2>{t("etapes-comprendre")}</h2>
        <ul class="link-list">{links}</ul>
        <HelpContact contact=territoire.contact />
    }
}

#[component]
fn UnknownTerritory() -> impl IntoView {
    let known = Resource::new_blocking(|| (), |_| list_territoires());
    view! {
        <Title text=t("etapes-territoire-inconnu") />
        <div class="alert" role="alert">
            <h1>{t("etapes-territoire-inconnu")}</h1>
            <p>{t("etapes-territoire-inconnu-texte")}</p>
        </div>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                known.await.ok().map(|(list, contact)| {
                    let links = list
                        .into_iter()
                        .map(|(code, nom)| view! { <li><a href=format!("/etapes?territoire={code}")>{nom}</a></li> })
                        .collect_view();
                    view! {
                        <h2>{t("etapes-choisir-territoire")}</h2>
                        <ul class="link-list">{links}</ul>
                        <HelpContact contact />
                    }
                })
            })}
        </Suspense>
    }
}

#[component]
pub fn InfoPageView() -> impl IntoView {
    let slug = move || use_params_map().read().get("slug").unwrap_or_default();
    let l = langue();
    let page = Resource::new_blocking(slug, move |s| get_info_page(s, l));
    let code = territoire_query();
    let parcours = Resource::new_blocking(move || code.clone(), move |c| get_parcours(c, l));
    view! {
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
            {move || Suspend::new(async move {
                match (page.await, parcours.await) {
                    (Ok(p), Ok(parcours)) => {
                        let back = format!("/etapes{}", territoire_suffix(&territoire_query()));
                        view! {
                            <Title text=p.titre.clone() />
                            <p><a href=back>{crate::i18n::retour(&t("accueil-etapes"))}</a></p>
                            <h1>{p.titre}</h1>
                            <div class="prose" inner_html=p.html></div>
                            <HelpContact contact=parcours.territoire.contact />
                        }
                        .into_any()
                    }
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
