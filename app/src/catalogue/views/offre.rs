//! One offer's page: what it is, for whom, what it costs, where and when (today's hours and the
//! coming week's), whom to contact.
use super::SaveOffre;
use crate::catalogue::api::get_offre;
use crate::catalogue::model::*;
use crate::i18n::{t, ta, theme_label};
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OffrePage() -> impl IntoView {
    let id = move || use_params_map().read().get("id").unwrap_or_default();
    let offre = Resource::new_blocking(id, get_offre);
    view! {
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
            {move || Suspend::new(async move {
                match offre.await {
                    Ok(o) => view! { <OffreView offre=o /> }.into_any(),
                    Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Ouvert aujourd’hui : 9 h – 12 h, 14 h – 17 h" or "Fermé aujourd’hui".
#[component]
pub(super) fn Aujourdhui(a: OuvertureDuJour) -> impl IntoView {
    if a.ouvert {
        let now = if a.maintenant { format!(" ({})", t("horaires-ouvert-maintenant")) } else { String::new() };
        let text = format!("{}{now}", ta("horaires-ouvert-aujourdhui", &[("plages", plages(&a.plages).into())]));
        view! { <p class="ouverture ouvert">{text}</p> }.into_any()
    } else {
        view! { <p class="ouverture ferme">{t("horaires-ferme-aujourdhui")}</p> }.into_any()
    }
}

/// The coming week's hours, one line a day, holidays named.
#[component]
fn Semaine(jours: Vec<JourHoraires>) -> impl IntoView {
    let rows = jours
        .into_iter()
        .map(|j| {
            let hours = if j.plages.is_empty() { t("horaires-ferme") } else { plages(&j.plages) };
            let holiday = j.ferie.then(|| format!(" ({})", t("horaires-ferie")));
            let jour =
                ta("horaires-jour", &[("j", i64::from(j.jour_semaine).into()), ("d", i64::from(j.jour_mois).into())]);
            view! { <tr><th scope="row">{jour}{holiday}</th><td>{hours}</td></tr> }
        })
        .collect_view();
    view! {
        <table class="semaine">
            <caption>{t("horaires-7-jours")}</caption>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Opening ranges in the page's language ("toute la journée" translated).
fn plages(list: &[String]) -> String {
    list.iter()
        .map(|p| if p == TOUTE_LA_JOURNEE { t("horaires-toute-la-journee") } else { p.clone() })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn french_date(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

#[component]
fn OffreView(offre: OffreDetail) -> impl IntoView {
    let o = offre;
    let tel = o.telephone.clone().map(|t| {
        let href = format!("tel:{}", t.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>());
        view! { <p><a class="button" href=href>{ta("aide-appeler", &[("tel", t.into())])}</a></p> }
    });
    let mail = o.courriel.clone().map(|m| {
        let href = format!("mailto:{m}");
        view! { <p>{format!("{} : ", t("offre-courriel"))}<a href=href>{m}</a></p> }
    });
    let site = o.lien.clone().map(|l| {
        view! { <p><a href=l rel="noopener noreferrer" target="_blank">{t("offre-site")}</a></p> }
    });
    let cost = match o.gratuit {
        Some(true) => t("offre-gratuit"),
        Some(false) => t("offre-payant"),
        None => t("offre-non-precise"),
    };
    let address = [
        o.adresse.clone(),
        o.complement_adresse.clone(),
        match (&o.code_postal, &o.commune) {
            (Some(cp), Some(c)) => Some(format!("{cp} {c}")),
            (None, Some(c)) => Some(c.clone()),
            _ => None,
        },
    ]
    .into_iter()
    .flatten()
    .map(|line| view! { {line}<br /> })
    .collect_view();
    let list = |items: Vec<String>| items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view();
    let themes = o.themes.iter().map(|(c, l)| theme_label(c, l)).collect::<Vec<_>>().join(" · ");
    let francais = crate::i18n::langue() != crate::i18n::Langue::Fr;
    view! {
        <Title text=o.nom.clone() />
        <p><a href="/catalogue">{crate::i18n::retour(&t("offre-toutes"))}</a></p>
        <article class="offre">
            <h1 lang="fr">{o.nom.clone()}</h1>
            <p class="muted" lang="fr">{o.structure.clone()}</p>
            <p class="muted small">{themes}</p>
            {francais.then(|| view! { <p class="note">{t("langue-offres-en-francais")}</p> })}
            <SaveOffre id=o.id.clone() nom=o.nom.clone() garder=t("offre-garder") gardee=t("offre-gardee") mes_offres=t("mes-offres-titre") />
            <h2>{t("offre-quoi")}</h2>
            <p class="pre-line" lang="fr">{o.description.clone()}</p>
            {(!o.publics.is_empty()).then(|| view! { <h2>{t("offre-pour-qui")}</h2><ul lang="fr">{list(o.publics.clone())}</ul> })}
            {o.conditions_acces.clone().map(|c| view! { <h2>{t("offre-conditions")}</h2><p class="pre-line" lang="fr">{c}</p> })}
            <h2>{t("offre-cout")}</h2>
            <p>{cost}<span lang="fr">{o.frais_precisions.clone().map(|p| format!(" — {p}"))}</span></p>
            <h2>{t("offre-acces")}</h2>
            {(!o.modes_accueil.is_empty()).then(|| view! { <ul lang="fr">{list(o.modes_accueil.clone())}</ul> })}
            {(!o.modes_mobilisation.is_empty()).then(|| view! { <p>{t("offre-pour-commencer")}</p><ul lang="fr">{list(o.modes_mobilisation.clone())}</ul> })}
            <h2>{t("offre-ou-quand")}</h2>
            <p lang="fr">{address}</p>
            {o.aujourdhui.clone().map(|a| view! { <Aujourdhui a /> })}
            {if o.semaine.is_empty() {
                o.horaires.clone().map(|h| view! { <p>{format!("{} : ", t("offre-horaires"))}<span lang="fr">{h}</span></p> }).into_any()
            } else {
                view! { <Semaine jours=o.semaine.clone() /> }.into_any()
            }}
            <h2>{t("offre-contact")}</h2>
            {tel}
            {mail}
            {site}
            <p class="muted small">{ta("offre-mise-a-jour", &[("date", french_date(&o.date_maj).into()), ("source", o.source.clone().into())])}</p>
            <p class="small" lang="fr"><a href=format!("/pro/orienter/{}", o.id)>"Professionnels : orienter une personne vers cette offre"</a></p>
        </article>
    }
}
