//! The messages' pages: they render on the server and their forms post without WASM.
use super::api::{get_arret, get_messages_pro};
use super::model::{Arret, Echec};
use crate::auth::{failure, ProBar};
use crate::i18n::{t, ta};
use crate::ui::form::{submitted, ErrorSummary};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/messages/arret/:jeton`: from a reminder's link, the person stops (or resumes) the reminders
/// and news sent to her contact. One button, confirmed by the page that follows.
#[component]
pub fn ArretPage() -> impl IntoView {
    let jeton = use_params_map().read_untracked().get("jeton").unwrap_or_default();
    let ok = use_query_map().read_untracked().get("ok");
    let action = format!("/messages/arret/{jeton}");
    let data = Resource::new_blocking(move || jeton.clone(), get_arret);
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
            {move || {
                let (action, ok) = (action.clone(), ok.clone());
                Suspend::new(async move {
                    match data.await {
                        Ok(a) => view! { <ArretForm a action ok /> }.into_any(),
                        Err(crate::error::AppError::NotFound) => view! {
                            <Title text=t("arret-titre") />
                            <h1>{t("arret-titre")}</h1>
                            <p class="alert" role="alert">{t("arret-introuvable")}</p>
                            <crate::ui::help::DefaultHelp />
                        }.into_any(),
                        Err(e) => view! { <crate::ui::ErrorMessage error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn ArretForm(a: Arret, action: String, ok: Option<String>) -> impl IntoView {
    let done = match ok.as_deref() {
        Some("arrete") if a.arrete => Some(t("arret-fait")),
        Some("repris") if !a.arrete => Some(t("arret-repris")),
        _ => None,
    };
    let (etat, bouton, valeur, classe) = if a.arrete {
        (t("arret-arretes"), t("arret-bouton-reprendre"), "reprendre", "button secondary")
    } else {
        (t("arret-actifs"), t("arret-bouton-arreter"), "arreter", "button")
    };
    view! {
        <Title text=t("arret-titre") />
        <h1>{t("arret-titre")}</h1>
        {done.map(|d| view! { <p class="notice" role="status">{d}</p> })}
        <ErrorSummary submitted=submitted() />
        <p>{ta("arret-explication", &[("contact", a.destinataire.into())])}</p>
        <p>{t("arret-codes")}</p>
        <p><strong>{etat}</strong></p>
        <form method="post" action=action class="form">
            <button type="submit" class=classe name="action" value=valeur>{bouton}</button>
        </form>
    }
}

/// `/pro/messages`: the messages of the structure that did not reach the person in the last 7
/// days, with the reason, and « Renvoyer » while their text is kept.
#[component]
pub fn MessagesProPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_messages_pro());
    let ok = use_query_map().read_untracked().get("ok").is_some();
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(m) => {
                        let empty = m.echecs.is_empty();
                        let rows = m.echecs.into_iter().map(|e| view! { <EchecLigne e /> }).collect_view();
                        view! {
                            <Title text="Messages non reçus" />
                            <ProBar staff=m.staff />
                            <h1>"Messages non reçus"</h1>
                            <p>"Les SMS et e-mails de votre structure qui n’ont pas pu partir ces 7 derniers jours, avec la raison. \
                                Après avoir corrigé le problème (par exemple le numéro de la personne), vous pouvez les renvoyer."</p>
                            {ok.then(|| view! { <p class="notice" role="status">"Le message est de nouveau dans la file : il part dans quelques secondes."</p> })}
                            <ErrorSummary submitted=submitted() />
                            {empty.then(|| view! { <p>"Aucun message en échec ces 7 derniers jours."</p> })}
                            {(!empty).then(|| view! {
                                <div class="table-wrap">
                                    <table>
                                        <caption>"Messages en échec"</caption>
                                        <thead><tr>
                                            <th scope="col">"Quand"</th><th scope="col">"Message"</th><th scope="col">"À"</th>
                                            <th scope="col">"Raison"</th><th scope="col"><span class="visually-hidden">"Action"</span></th>
                                        </tr></thead>
                                        <tbody>{rows}</tbody>
                                    </table>
                                </div>
                            })}
                        }.into_any()
                    }
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EchecLigne(e: Echec) -> impl IntoView {
    let label = format!("Renvoyer : {} à {}", e.quoi, e.destinataire);
    view! {
        <tr>
            <td>{e.quand}</td>
            <td>{e.quoi}</td>
            <td>{e.canal}" "{e.destinataire}</td>
            <td>{e.raison}</td>
            <td>
                {e.renvoyable.then(|| view! {
                    <form method="post" action="/pro/messages">
                        <input type="hidden" name="id" value=e.id.clone() />
                        <button type="submit" class="button secondary" aria-label=label.clone()>"Renvoyer"</button>
                    </form>
                })}
            </td>
        </tr>
    }
}
