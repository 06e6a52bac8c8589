//! The person's pages: upcoming sessions, a session and its registration form, and the private
//! page of a registration. Plain HTML forms: they work before and without WASM.
use super::api::{get_ateliers, get_inscription, get_seance};
use super::model::{Ateliers, MonInscription, Retention, SeanceCarte, SeanceDetail, Statut};
use crate::ui::form::{submitted, CheckField, ErrorSummary, SelectField, Submitted, TextField};
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

fn places(n: i32) -> String {
    match n {
        0 => "Complet – liste d’attente possible".to_string(),
        1 => "1 place restante".to_string(),
        n => format!("{n} places restantes"),
    }
}

/// One session in a list.
#[component]
fn SeanceCard(s: SeanceCarte) -> impl IntoView {
    let href = format!("/ateliers/{}", s.id);
    let ou = match &s.commune {
        Some(c) => c.clone(),
        None => "En ligne (visio)".to_string(),
    };
    let full = s.places_restantes == 0;
    view! {
        <li class="offre-card">
            <h2 class="h3"><a href=href>{s.titre}</a></h2>
            <p class="meta"><strong>{s.quand}</strong>{s.en_cours.then_some(" – a commencé")}</p>
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
        <Title text="Ateliers gratuits près de chez vous" />
        <h1>"Ateliers gratuits près de chez vous"</h1>
        <p class="lead">"Des ateliers pour avancer : faire son CV, découvrir des métiers, ses droits, la mobilité… "
            "Gratuits et ouverts à tous. Inscription en 2 minutes, sans créer de compte."</p>
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
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
    let status = match n {
        0 => "Aucune séance à venir pour ces choix.".to_string(),
        1 => "1 séance à venir".to_string(),
        n => format!("{n} séances à venir, les plus proches d’abord"),
    };
    let cards = a.seances.into_iter().map(|s| view! { <SeanceCard s /> }).collect_view();
    view! {
        <form class="filters" method="get" action="/ateliers">
            <SelectField name="theme" label="Thème" empty="Tous les thèmes" choices=a.themes selected=a.theme.clone() />
            <SelectField name="commune" label="Où" empty="Partout" choices=a.communes selected=a.commune.clone() />
            <button type="submit" class="button">"Afficher"</button>
        </form>
        <p class="filter-status" role="status">{status}</p>
        {(n == 0 && filtered).then(|| view! { <p><a href="/ateliers">"Voir tous les ateliers"</a></p> })}
        <ul class="offres">{cards}</ul>
        {(n == 0).then(|| view! { <crate::itineraire::DefaultHelp /> })}
    }
}

#[component]
pub fn SeancePage() -> impl IntoView {
    let id = use_params_map().read_untracked().get("id").unwrap_or_default();
    let data = Resource::new_blocking(move || id.clone(), get_seance);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
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
    let ou = match (&s.adresse, &s.commune) {
        (Some(a), Some(c)) => format!("{a}, {c}"),
        (None, Some(c)) => c.clone(),
        (Some(a), None) => a.clone(),
        (None, None) => "En ligne (visio)".to_string(),
    };
    let visio = match lien_visio {
        Some(l) => view! { <p>"Lien de la visio : " <a href=l.clone()>{l.clone()}</a></p> }.into_any(),
        None if s.a_distance => view! { <p class="muted">"Le lien de la visio est donné aux personnes inscrites."</p> }.into_any(),
        None => ().into_any(),
    };
    let tel = s.structure_telephone.clone().map(|t| {
        let href = format!("tel:{}", t.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>());
        view! { " – " <a href=href>{format!("appeler le {t}")}</a> }
    });
    view! {
        <ul class="infos">
            <li><strong>"Quand : "</strong>{s.quand.clone()}</li>
            <li><strong>"Où : "</strong>{ou}</li>
            <li><strong>"Organisé par : "</strong>{s.structure.clone()}{tel}</li>
            <li><strong>"Prix : "</strong>"gratuit"</li>
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
            view! { <li><a href=href>{o.quand}</a>" – "{o.commune.unwrap_or_else(|| "en ligne".into())}" – "{places(o.places_restantes)}</li> }
        })
        .collect_view();
    let has_autres = !s.autres.is_empty();
    let state = if s.annulee {
        let motif = s.motif_annulation.clone().map(|m| format!(" Motif : {m}"));
        view! { <div class="alert" role="alert"><p>"Cette séance est annulée."{motif}</p></div> }.into_any()
    } else if !s.ouverte {
        view! { <p class="notice">"Cette séance est terminée."</p> }.into_any()
    } else {
        view! { <Inscription s=s.clone() submitted /> }.into_any()
    };
    view! {
        <Title text=s.titre.clone() />
        <p><a href="/ateliers">"← Tous les ateliers"</a></p>
        <h1>{s.titre.clone()}</h1>
        <p class="tags">{tags}</p>
        <Infos s=s.clone() lien_visio=None />
        <p class="pre-line">{s.description.clone()}</p>
        <h2>"Ce que vous allez travailler"</h2>
        <ul>{competences}</ul>
        {s.accessibilite.clone().map(|a| view! { <h2>"Accessibilité"</h2><p class="pre-line">{a}</p> })}
        {state}
        {has_autres.then(|| view! { <h2>"Autres dates"</h2><ul class="link-list">{autres}</ul> })}
        {(s.places_restantes == 0 || s.annulee).then(|| view! { <crate::itineraire::DefaultHelp /> })}
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
        (
            "M’inscrire sur la liste d’attente",
            "Cette séance est complète. Si une place se libère, la première personne de la liste d’attente a la place et reçoit un message."
                .to_string(),
            "M’inscrire sur la liste d’attente",
        )
    } else {
        ("M’inscrire", places(s.places_restantes) + ". Pas besoin de créer de compte.", "Je m’inscris")
    };
    let consent_hint = format!(
        "Votre nom et votre numéro ou e-mail servent seulement à vous prévenir, à faire l’appel et, si vous venez, \
         à vous remettre un badge à votre nom (le numéro ou l’e-mail n’y figure que codé). Seul l’organisateur les voit. \
         Ils sont effacés {retention} jours après l’atelier ; votre badge reste à vous."
    );
    view! {
        <section aria-labelledby="inscription" class="inscription">
            <h2 id="inscription">{title}</h2>
            <p>{intro}</p>
            <ErrorSummary submitted=submitted.clone() />
            <form method="post" action=action class="form" novalidate=true data-enhance="">
                <TextField name="prenom" label="Prénom" value=v("prenom") error=e("prenom") required=true
                    autocomplete="given-name" maxlength=80 />
                <TextField name="nom" label="Nom" value=v("nom") error=e("nom") required=true
                    autocomplete="family-name" maxlength=80 />
                <p>"Pour recevoir la confirmation, indiquez au moins un des deux :"</p>
                <TextField name="telephone" label="Numéro de portable" kind="tel" value=v("telephone") error=e("telephone")
                    autocomplete="tel" maxlength=20 hint="Vous recevrez un SMS. Exemple : 06 12 34 56 78." />
                <TextField name="courriel" label="Adresse e-mail" kind="email" value=v("courriel") error=e("courriel")
                    autocomplete="email" maxlength=320 />
                <CheckField name="consentement" label="J’accepte que l’organisateur garde ces informations pour cet atelier."
                    checked=!v("consentement").is_empty() error=e("consentement") required=true hint=consent_hint />
                {full.then(|| view! { <input type="hidden" name="attente" value="oui" /> })}
                <button type="submit" class="button">{button}</button>
            </form>
        </section>
    }
}

#[component]
pub fn InscriptionPage() -> impl IntoView {
    let jeton = use_params_map().read_untracked().get("jeton").unwrap_or_default();
    let q = use_query_map().read_untracked();
    let (nouvelle, annulee) = (q.get("nouvelle").is_some(), q.get("annulee").is_some());
    let data = {
        let jeton = jeton.clone();
        Resource::new_blocking(move || jeton.clone(), get_inscription)
    };
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || {
                let jeton = jeton.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(i) => view! { <InscriptionView i jeton nouvelle annulee submitted=submitted() /> }.into_any(),
                        Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn InscriptionView(i: MonInscription, jeton: String, nouvelle: bool, annulee: bool, submitted: Option<Submitted>) -> impl IntoView {
    let s = i.seance.clone();
    let title = match i.statut {
        Statut::Inscrit => "Votre place est réservée",
        Statut::Attente => "Vous êtes sur la liste d’attente",
        Statut::Annule => "Votre inscription est annulée",
    };
    let notice = if annulee {
        Some("C’est fait : votre inscription est annulée. Merci d’avoir prévenu.".to_string())
    } else if nouvelle {
        Some(format!("Merci {} ! Vous allez recevoir un message avec le lien de cette page.", i.prenom))
    } else {
        None
    };
    let rang = i.rang.map(|r| {
        let text = if r == 1 {
            "Vous êtes le prochain sur la liste. Si une place se libère, vous l’avez et vous recevez un message.".to_string()
        } else {
            format!("Vous êtes n° {r} sur la liste. Si une place se libère, vous recevez un message.")
        };
        view! { <p>{text}</p> }
    });
    let active = i.statut != Statut::Annule && !i.passee && !s.annulee;
    let ics = format!("/inscription/{jeton}/agenda.ics");
    let action = format!("/inscription/{jeton}");
    let cancelled = s.annulee.then(|| {
        let motif = s.motif_annulation.clone().map(|m| format!(" Motif : {m}"));
        view! { <div class="alert" role="alert"><p>"L’organisateur a annulé cette séance."{motif}</p></div> }
    });
    let badge = i.badge.clone().map(|id| {
        let href = format!("/badges/{id}");
        view! {
            <section aria-labelledby="badge" class="notice">
                <h2 id="badge">"Votre badge"</h2>
                <p>"Bravo ! Vous avez participé à cet atelier. Votre badge le prouve : montrez-le à un employeur."</p>
                <p><a class="button" href=href>"Voir mon badge"</a></p>
                <p>"Tous vos badges sont dans « Mes badges » : le lien vous a été envoyé par SMS ou e-mail. "
                   <a href="/mes-badges">"Lien perdu ?"</a></p>
            </section>
        }
    });
    view! {
        <Title text=title />
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <ErrorSummary submitted />
        <h1>{title}</h1>
        {badge}
        {rang}
        {cancelled}
        <h2>{s.titre.clone()}</h2>
        <Infos s=s.clone() lien_visio=i.lien_visio.clone() />
        {active.then(|| view! {
            <p><a class="button" href=ics.clone() download="atelier.ics">"Ajouter à mon agenda"</a></p>
            <p class="muted">"Gardez cette page : son adresse est votre lien personnel pour retrouver ou annuler votre inscription."</p>
            <section aria-labelledby="annuler" class="archive-box">
                <h2 id="annuler">"Vous ne pouvez pas venir ?"</h2>
                <p>"Annulez votre inscription : la place ira à une autre personne."</p>
                <form method="post" action=action.clone() data-enhance="">
                    <button type="submit" class="button secondary">"Annuler mon inscription"</button>
                </form>
            </section>
        })}
        <p><a href="/ateliers">"Voir tous les ateliers"</a></p>
    }
}
