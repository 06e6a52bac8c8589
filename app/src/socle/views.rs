//! The person's pages: upcoming sessions, a session and its registration form, and the private
//! page of a registration. Plain HTML forms: they work before and without WASM.
use super::api::{get_ateliers, get_seance};
use super::model::{Ateliers, MonInscription, Retention, SeanceCarte, SeanceDetail, Statut};
use crate::i18n::{t, ta};
use crate::ui::form::{submitted, CheckField, ErrorSummary, SelectField, Submitted, TextField};
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn places(n: i32) -> String {
    ta("ateliers-places", &[("n", n.into())])
}

/// One session in a list.
#[component]
fn SeanceCard(s: SeanceCarte) -> impl IntoView {
    let href = format!("/ateliers/{}", s.id);
    let ou = match &s.commune {
        Some(c) => c.clone(),
        None => t("ateliers-en-ligne"),
    };
    let full = s.places_restantes == 0;
    let quand = crate::i18n::quand(&s.quand, s.debut_fin);
    view! {
        <li class="offre-card">
            <h2 class="h3" lang="fr"><a href=href>{s.titre}</a></h2>
            <p class="meta"><strong>{quand}</strong>{s.en_cours.then(|| format!(" – {}", t("ateliers-a-commence")))}</p>
            <p class="meta">{ou}" · "{s.structure}</p>
            <p class="meta">
                <span class="tag" class:tag-archived=full>{places(s.places_restantes)}</span>
            </p>
        </li>
    }
}

#[component]
pub fn AteliersPage() -> impl IntoView {
    let q = use_query_map().read_untracked();
    let (theme, commune) = (q.get("theme"), q.get("commune"));
    let data = Resource::new_blocking(move || (theme.clone(), commune.clone()), |(t, c)| get_ateliers(t, c));
    view! {
        <Title text=t("ateliers-titre") />
        <h1>{t("ateliers-titre")}</h1>
        <p class="lead">{t("ateliers-intro")}</p>
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(a) => view! { <AteliersList a /> }.into_any(),
                    Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AteliersList(a: Ateliers) -> impl IntoView {
    let n = a.seances.len();
    let filtered = a.theme.is_some() || a.commune.is_some();
    let status = ta("ateliers-seances", &[("n", n.into())]);
    let themes = a.themes.iter().map(|(c, l)| (c.clone(), crate::i18n::theme_label(c, l))).collect::<Vec<_>>();
    let cards = a.seances.into_iter().map(|s| view! { <SeanceCard s /> }).collect_view();
    view! {
        <form class="filters" method="get" action="/ateliers">
            <SelectField name="theme" label=t("filtre-theme") empty=t("filtre-tous-themes") choices=themes selected=a.theme.clone() />
            <SelectField name="commune" label=t("ateliers-ou") empty=t("ateliers-partout") choices=a.communes selected=a.commune.clone() />
            <button type="submit" class="button">{t("ateliers-afficher")}</button>
        </form>
        <p class="filter-status" role="status">{status}</p>
        {(n == 0 && filtered).then(|| view! { <p><a href="/ateliers">{t("ateliers-tous")}</a></p> })}
        <ul class="offres">{cards}</ul>
        {(n == 0).then(|| view! { <crate::ui::help::DefaultHelp /> })}
    }
}

#[component]
pub fn SeancePage() -> impl IntoView {
    let id = use_params_map().read_untracked().get("id").unwrap_or_default();
    let envoyee = use_query_map().read_untracked().get("inscription").is_some_and(|v| v == "envoyee");
    let data = Resource::new_blocking(move || id.clone(), get_seance);
    view! {
        {envoyee.then(|| view! { <p class="notice" role="status">{t("inscription-envoyee")}</p> })}
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(s) => view! { <SeanceView s submitted=submitted() /> }.into_any(),
                    Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Date, place and organiser of a session.
#[component]
fn Infos(s: SeanceDetail, #[prop(optional_no_strip)] lien_visio: Option<String>) -> impl IntoView {
    // A place is written as stored (French); "online" in the page's language.
    let ou = match (&s.adresse, &s.commune) {
        (Some(a), Some(c)) => Some(format!("{a}, {c}")),
        (None, Some(c)) => Some(c.clone()),
        (Some(a), None) => Some(a.clone()),
        (None, None) => None,
    };
    let ou = match ou {
        Some(lieu) => view! { <span lang="fr">{lieu}</span> }.into_any(),
        None => t("ateliers-en-ligne").into_any(),
    };
    let visio = match lien_visio {
        Some(l) => {
            view! { <p>{format!("{} : ", t("ateliers-lien-visio"))}<a href=l.clone()>{l.clone()}</a></p> }.into_any()
        }
        None if s.a_distance => view! { <p class="muted">{t("ateliers-visio-inscrits")}</p> }.into_any(),
        None => ().into_any(),
    };
    let tel = s.structure_telephone.clone().map(|tel| {
        let href = format!("tel:{}", tel.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>());
        view! { " – " <a href=href>{ta("aide-appeler", &[("tel", tel.into())])}</a> }
    });
    let label = |k: &str| format!("{} : ", t(k));
    view! {
        <ul class="infos">
            <li><strong>{label("ateliers-quand")}</strong>{crate::i18n::quand(&s.quand, s.debut_fin)}</li>
            <li><strong>{label("ateliers-ou")}</strong>{ou}</li>
            <li><strong>{label("ateliers-organise-par")}</strong><span lang="fr">{s.structure.clone()}</span>{tel}</li>
            <li><strong>{label("ateliers-prix")}</strong>{t("ateliers-gratuit")}</li>
        </ul>
        {visio}
    }
}

#[component]
fn SeanceView(s: SeanceDetail, submitted: Option<Submitted>) -> impl IntoView {
    let competences = s.competences.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view();
    let tags = s.themes.iter().map(|t| view! { <span class="tag">{t.clone()}</span>" " }).collect_view();
    let autres = s
        .autres
        .clone()
        .into_iter()
        .map(|o| {
            let href = format!("/ateliers/{}", o.id);
            let quand = crate::i18n::quand(&o.quand, o.debut_fin);
            view! { <li><a href=href>{quand}</a>" – "{o.commune.unwrap_or_else(|| t("ateliers-en-ligne"))}" – "{places(o.places_restantes)}</li> }
        })
        .collect_view();
    let has_autres = !s.autres.is_empty();
    let state = if s.annulee {
        let motif = s.motif_annulation.clone().map(|m| format!(" {} : {m}", t("ateliers-motif")));
        view! { <div class="alert" role="alert"><p>{t("ateliers-annulee")}{motif}</p></div> }.into_any()
    } else if !s.ouverte {
        view! { <p class="notice">{t("ateliers-terminee")}</p> }.into_any()
    } else {
        view! { <Inscription s=s.clone() submitted /> }.into_any()
    };
    view! {
        <Title text=s.titre.clone() />
        <p><a href="/ateliers">{crate::i18n::retour(&t("ateliers-tous-court"))}</a></p>
        <h1 lang="fr">{s.titre.clone()}</h1>
        <p class="tags" lang="fr">{tags}</p>
        {(crate::i18n::langue() != crate::i18n::Langue::Fr).then(|| view! { <p class="note">{t("langue-ateliers-en-francais")}</p> })}
        <Infos s=s.clone() lien_visio=None />
        <p class="pre-line" lang="fr">{s.description.clone()}</p>
        <h2>{t("ateliers-competences")}</h2>
        <ul lang="fr">{competences}</ul>
        {s.accessibilite.clone().map(|a| view! { <h2>{t("ateliers-accessibilite")}</h2><p class="pre-line" lang="fr">{a}</p> })}
        {state}
        {has_autres.then(|| view! { <h2>{t("ateliers-autres-dates")}</h2><ul class="link-list">{autres}</ul> })}
        {(s.places_restantes == 0 || s.annulee).then(|| view! { <crate::ui::help::DefaultHelp /> })}
    }
}

/// The registration form (or the waiting list's, when the session is full).
#[component]
fn Inscription(s: SeanceDetail, submitted: Option<Submitted>) -> impl IntoView {
    let retention = use_context::<Retention>().unwrap_or_default().0;
    let full = s.places_restantes == 0;
    let form = submitted.clone().unwrap_or_default();
    let v = |k: &str| form.value(k).unwrap_or_default();
    let e = |k: &str| form.error(k);
    let action = format!("/ateliers/{}", s.id);
    let (title, intro, button) = if full {
        (t("inscription-attente"), t("inscription-complet"), t("inscription-attente"))
    } else {
        (
            t("inscription-titre"),
            format!("{}. {}", places(s.places_restantes), t("inscription-sans-compte")),
            t("inscription-bouton"),
        )
    };
    let consent_hint = ta("inscription-consentement-aide", &[("jours", retention.into())]);
    view! {
        <section aria-labelledby="inscription" class="inscription">
            <h2 id="inscription">{title}</h2>
            <p>{intro}</p>
            <ErrorSummary submitted=submitted.clone() />
            <form method="post" action=action class="form" novalidate=true data-enhance="">
                <TextField name="prenom" label=t("inscription-prenom") value=v("prenom") error=e("prenom") required=true
                    autocomplete="given-name" maxlength=80 />
                <TextField name="nom" label=t("inscription-nom") value=v("nom") error=e("nom") required=true
                    autocomplete="family-name" maxlength=80 />
                <p>{t("inscription-un-des-deux")}</p>
                <TextField name="telephone" label=t("inscription-portable") kind="tel" value=v("telephone") error=e("telephone")
                    autocomplete="tel" maxlength=20 hint=t("inscription-portable-aide") />
                <TextField name="courriel" label=t("inscription-courriel") kind="email" value=v("courriel") error=e("courriel")
                    autocomplete="email" maxlength=320 />
                <CheckField name="consentement" label=t("inscription-consentement")
                    checked=!v("consentement").is_empty() error=e("consentement") required=true hint=consent_hint />
                {full.then(|| view! { <input type="hidden" name="attente" value="oui" /> })}
                <button type="submit" class="button">{button}</button>
            </form>
        </section>
    }
}

/// The private page of a registration, once loaded (the `itineraire` workflow loads it, with the
/// badge it earned).
#[component]
pub fn InscriptionView(
    i: MonInscription,
    jeton: String,
    nouvelle: bool,
    annulee: bool,
    submitted: Option<Submitted>,
) -> impl IntoView {
    let s = i.seance.clone();
    let title = match i.statut {
        Statut::Inscrit => t("inscription-reservee"),
        Statut::Attente => t("inscription-en-attente"),
        Statut::Annule => t("inscription-annulee"),
    };
    let notice = if annulee {
        Some(t("inscription-annulee-merci"))
    } else if nouvelle {
        Some(ta("inscription-merci", &[("prenom", i.prenom.clone().into())]))
    } else {
        None
    };
    let rang = i.rang.map(|r| view! { <p>{ta("inscription-rang", &[("n", r.into())])}</p> });
    let active = i.statut != Statut::Annule && !i.passee && !s.annulee;
    let ics = format!("/inscription/{jeton}/agenda.ics");
    let action = format!("/inscription/{jeton}");
    let cancelled = s.annulee.then(|| {
        let motif = s.motif_annulation.clone().map(|m| format!(" {} : {m}", t("ateliers-motif")));
        view! { <div class="alert" role="alert"><p>{t("inscription-seance-annulee")}{motif}</p></div> }
    });
    let badge = i.badge.clone().map(|id| {
        let href = format!("/badges/{id}");
        view! {
            <section aria-labelledby="badge" class="notice">
                <h2 id="badge">{t("inscription-badge")}</h2>
                <p>{t("inscription-badge-bravo")}</p>
                <p><a class="button" href=href>{t("inscription-voir-badge")}</a></p>
                <p>{t("inscription-badges-lien")}" "<a href="/mes-badges">{t("inscription-lien-perdu")}</a></p>
            </section>
        }
    });
    view! {
        <Title text=title.clone() />
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <ErrorSummary submitted />
        <h1>{title}</h1>
        {badge}
        {rang}
        {cancelled}
        <h2 lang="fr">{s.titre.clone()}</h2>
        <Infos s=s.clone() lien_visio=i.lien_visio.clone() />
        {active.then(|| view! {
            <p><a class="button" href=ics.clone() download="atelier.ics">{t("inscription-agenda")}</a></p>
            <p class="muted">{t("inscription-garder-page")}</p>
            <section aria-labelledby="annuler" class="archive-box">
                <h2 id="annuler">{t("inscription-empeche")}</h2>
                <p>{t("inscription-annuler-texte")}</p>
                <form method="post" action=action.clone() data-enhance="">
                    <button type="submit" class="button secondary">{t("inscription-annuler")}</button>
                </form>
            </section>
        })}
        <p><a href="/ateliers">{t("ateliers-tous")}</a></p>
    }
}
