//! "Mes prochaines étapes": the timeline for the person's territory, plain-French pages, and a
//! human to call. `/bienvenue?territoire=…` is the entry point printed on invitation letters.
use super::api::{get_info_page, get_parcours, list_territoires};
use super::model::{Contact, Parcours};
use crate::error::AppError;
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
    let parcours = Resource::new_blocking(move || code.clone(), get_parcours);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match parcours.await {
                    Ok(p) => view! { <ParcoursView parcours=p welcome /> }.into_any(),
                    Err(AppError::BadRequest(message)) => view! { <UnknownTerritory message /> }.into_any(),
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
    let title = if welcome { "Bienvenue".to_string() } else { "Mes prochaines étapes".to_string() };
    let steps = etapes
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let more = e.page.map(|slug| {
                let href = format!("/etapes/{slug}{carry}");
                view! { <a href=href>"En savoir plus"<span class="visually-hidden">{format!(" : {}", e.titre)}</span></a> }
            });
            view! {
                <li class="step">
                    <p class="step-when">{format!("Étape {} · {}", i + 1, e.quand)}</p>
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
            <p class="lead">"Vous allez être accompagné pour avancer vers l’emploi. Voici ce qui va se passer, étape par étape."</p>
        })}
        <p class="muted">{format!("Territoire : {}", territoire.nom)}</p>
        <h2>"Ce qui va se passer"</h2>
        <ol class="timeline">{steps}</ol>
        <h2>"Pour bien comprendre"</h2>
        <ul class="link-list">{links}</ul>
        <HelpContact contact=territoire.contact />
    }
}

/// A human to call: shown wherever a person could be stuck.
#[component]
pub fn HelpContact(contact: Contact) -> impl IntoView {
    let tel = format!("tel:{}", contact.telephone.replace(' ', ""));
    view! {
        <aside class="help" aria-labelledby="aide-titre">
            <h2 id="aide-titre">"Une question ? Parlez à quelqu’un"</h2>
            <p><strong>{contact.nom}</strong></p>
            <p><a class="button" href=tel>{format!("Appeler le {}", contact.telephone)}</a></p>
            <p>{contact.adresse}</p>
            <p>{contact.horaires}</p>
        </aside>
    }
}

/// The default territory's human contact, for pages that do not know the person's territory
/// (page not found, nothing found, a full workshop). Rendered on the server only.
#[component]
pub fn DefaultHelp() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let contact = super::content::territoire(None).ok().map(|t| view! { <HelpContact contact=t.contact /> });
    #[cfg(not(feature = "ssr"))]
    let contact: Option<()> = None;
    contact
}

#[component]
fn UnknownTerritory(message: String) -> impl IntoView {
    let known = Resource::new_blocking(|| (), |_| list_territoires());
    view! {
        <Title text="Territoire inconnu" />
        <div class="alert" role="alert">
            <h1>"Territoire inconnu"</h1>
            <p>{message}</p>
        </div>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                known.await.ok().map(|(list, contact)| {
                    let links = list
                        .into_iter()
                        .map(|(code, nom)| view! { <li><a href=format!("/etapes?territoire={code}")>{nom}</a></li> })
                        .collect_view();
                    view! {
                        <h2>"Choisissez votre territoire"</h2>
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
    let page = Resource::new_blocking(slug, get_info_page);
    let code = territoire_query();
    let parcours = Resource::new_blocking(move || code.clone(), get_parcours);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match (page.await, parcours.await) {
                    (Ok(p), Ok(parcours)) => {
                        let back = format!("/etapes{}", territoire_suffix(&territoire_query()));
                        view! {
                            <Title text=p.titre.clone() />
                            <p><a href=back>"← Mes prochaines étapes"</a></p>
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
