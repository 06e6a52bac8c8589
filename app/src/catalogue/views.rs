//! Catalogue pages: the filterable, searchable list, and one offer's page. Both work without
//! WASM (a GET form and links); the only island is the "garder cette offre" button.
use super::api::{get_filtre_options, get_offre, search_offres};
use super::model::*;
use crate::error::AppError;
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

mod saved;
pub use saved::{MesOffresPage, SaveOffre};

/// The catalogue's filters as the page's URL gives them.
pub(super) fn filtres_from_url() -> Filtres {
    let q = use_query_map().read_untracked();
    Filtres {
        q: q.get("q"),
        theme: q.get("theme"),
        commune: q.get("commune"),
        gratuit: q.get("gratuit"),
        mode: q.get("mode"),
        public: q.get("public"),
        ouvert: q.get("ouvert"),
        page: q.get("page"),
    }
}

/// Highlighted runs of text: matched words in `<mark>`, everything as text (never HTML).
fn segments(runs: Vec<Segment>) -> impl IntoView {
    runs.into_iter()
        .map(|(text, hit)| if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
        .collect_view()
}

#[component]
pub fn CataloguePage() -> impl IntoView {
    let filtres = filtres_from_url();
    let options = Resource::new_blocking(|| (), |_| get_filtre_options());
    let resultats = {
        let f = filtres.clone();
        Resource::new_blocking(move || f.clone(), search_offres)
    };
    view! {
        <Title text="Trouver une aide près de chez vous" />
        <h1>"Trouver une aide près de chez vous"</h1>
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || {
                let filtres = filtres.clone();
                Suspend::new(async move {
                    let opts = match options.await {
                        Ok(o) => o,
                        Err(e) => return view! { <ErrorMessage error=e /> }.into_any(),
                    };
                    let result = resultats.await;
                    let unfiltered = filtres == Filtres::default();
                    view! {
                        {unfiltered.then(|| view! { <ThemeLinks options=opts.clone() /> })}
                        <FiltreForm filtres=filtres.clone() options=opts.clone() />
                        <ResultList result filtres options=opts />
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

/// The 10 themes as entry points, with how many offers each has.
#[component]
fn ThemeLinks(options: FiltreOptions) -> impl IntoView {
    let links = options
        .themes
        .into_iter()
        .map(|(code, label)| {
            let n = options.par_theme.iter().find(|(c, _)| *c == code).map(|(_, n)| *n).unwrap_or(0);
            let href = format!("/catalogue?theme={code}");
            view! { <li><a href=href>{label}<span class="count">{format!(" ({n})")}</span></a></li> }
        })
        .collect_view();
    view! {
        <nav aria-labelledby="par-theme">
            <h2 id="par-theme">"Par thème"</h2>
            <ul class="theme-links">{links}</ul>
        </nav>
    }
}

#[component]
fn Select(
    name: &'static str,
    label: &'static str,
    all: &'static str,
    choices: Vec<(String, String)>,
    selected: Option<String>,
) -> impl IntoView {
    let id = format!("filtre-{name}");
    let options = crate::ui::form::select_options(choices, selected);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="">{all}</option>
                {options}
            </select>
        </div>
    }
}

#[component]
fn FiltreForm(filtres: Filtres, options: FiltreOptions) -> impl IntoView {
    let modes = vec![
        ("en-presentiel".to_string(), "Sur place".to_string()),
        ("a-distance".to_string(), "À distance (téléphone, internet)".to_string()),
    ];
    let gratuit = filtres.gratuit.as_deref().is_some_and(|g| !g.is_empty());
    let ouvert = filtres.ouvert.as_deref().is_some_and(|g| !g.is_empty());
    view! {
        <form class="filters" method="get" action="/catalogue" role="search">
            <div class="field">
                <label for="filtre-q">"Rechercher (par exemple : permis, loyer, CV)"</label>
                <input id="filtre-q" name="q" type="search" maxlength="200" value=filtres.q.clone().unwrap_or_default() />
            </div>
            <Select name="theme" label="Thème" all="Tous les thèmes" choices=options.themes selected=filtres.theme.clone() />
            <Select name="commune" label="Commune" all="Toutes les communes" choices=options.communes selected=filtres.commune.clone() />
            <Select name="mode" label="Sur place ou à distance" all="Les deux" choices=modes selected=filtres.mode.clone() />
            <Select name="public" label="Pour qui" all="Tous les publics" choices=options.publics selected=filtres.public.clone() />
            <div class="field checkbox">
                <input id="filtre-gratuit" type="checkbox" name="gratuit" value="1" checked=gratuit />
                <label for="filtre-gratuit">"Seulement les offres gratuites"</label>
            </div>
            <div class="field checkbox">
                <input id="filtre-ouvert" type="checkbox" name="ouvert" value="1" checked=ouvert />
                <label for="filtre-ouvert">"Seulement les lieux ouverts aujourd’hui"</label>
            </div>
            <button type="submit">"Voir les offres"</button>
            " "
            <a href="/catalogue">"Effacer les filtres"</a>
        </form>
    }
}

#[component]
fn ResultList(result: Result<Resultats, AppError>, filtres: Filtres, options: FiltreOptions) -> impl IntoView {
    let r = match result {
        Ok(r) => r,
        Err(AppError::BadRequest(message)) => {
            return view! {
                <div class="alert" role="alert"><h2>"Recherche impossible"</h2><p>{message}</p></div>
            }
            .into_any()
        }
        Err(e) => return view! { <ErrorMessage error=e /> }.into_any(),
    };
    let label_of = move |code: &str| {
        options.themes.iter().find(|(c, _)| c == code).map(|(_, l)| l.clone()).unwrap_or_default()
    };
    let heading = match r.total {
        0 => "Aucune offre ne correspond".to_string(),
        1 => "1 offre".to_string(),
        n => format!("{n} offres"),
    };
    let corrections = (!r.corrections.is_empty()).then(|| {
        let list = r
            .corrections
            .iter()
            .map(|(typed, used)| format!("« {used} » au lieu de « {typed} »"))
            .collect::<Vec<_>>()
            .join(", ");
        view! { <p class="note">{format!("Nous avons cherché {list}.")}</p> }
    });
    let empty = (r.total == 0).then(|| view! {
        <p>"Essayez avec un autre mot, ou enlevez un filtre."</p>
        <p><a href="/catalogue">"Voir toutes les offres"</a></p>
        <crate::itineraire::DefaultHelp />
    });
    let shown = r.offres.len();
    let items = r
        .offres
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let anchor = format!("r{}", i + 1);
            let href = format!("/offres/{}", o.id);
            let themes = o.themes.iter().map(|t| label_of(t)).collect::<Vec<_>>().join(" · ");
            let place = o.commune.clone().unwrap_or_else(|| "Lieu non précisé".into());
            view! {
                <li class="offre-card" id=anchor>
                    <h3><a href=href>{segments(o.nom)}</a></h3>
                    <p class="muted">{o.structure}" · "{place}</p>
                    <p class="tags">
                        {(o.gratuit == Some(true)).then(|| view! { <span class="tag">"Gratuit"</span> })}
                        {o.a_distance.then(|| view! { <span class="tag">"À distance"</span> })}
                        {o.en_presentiel.then(|| view! { <span class="tag">"Sur place"</span> })}
                    </p>
                    {o.aujourdhui.map(|a| view! { <Aujourdhui a /> })}
                    <p>{segments(o.extrait)}</p>
                    <p class="muted small">{themes}</p>
                </li>
            }
        })
        .collect_view();
    let more = (shown < r.total as usize).then(|| {
        if r.page < MAX_PLUS {
            // The link lands on the first new offer.
            let href = format!("/catalogue?{}#r{}", filtres.to_query(Some(r.page + 1)), shown + 1);
            view! { <p class="more"><a class="button secondary" href=href>{format!("Voir plus d’offres ({shown} sur {})", r.total)}</a></p> }.into_any()
        } else {
            view! { <p class="note">{format!("{shown} offres sur {} sont affichées. Ajoutez un mot ou un filtre pour trouver plus vite.", r.total)}</p> }.into_any()
        }
    });
    view! {
        <h2 id="resultats">{heading}</h2>
        {corrections}
        {empty}
        <ul class="offres">{items}</ul>
        {more}
        {(r.total > 0).then(|| {
            let href = format!("/catalogue/imprimer?{}", filtres.to_query(None));
            view! { <p><a href=href>"Imprimer cette liste (pour quelqu’un sans téléphone)"</a></p> }
        })}
    }
    .into_any()
}

#[component]
pub fn OffrePage() -> impl IntoView {
    let id = move || use_params_map().read().get("id").unwrap_or_default();
    let offre = Resource::new_blocking(id, get_offre);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
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
fn Aujourdhui(a: OuvertureDuJour) -> impl IntoView {
    if a.ouvert {
        let now = if a.maintenant { " (ouvert en ce moment)" } else { "" };
        let text = format!("Ouvert aujourd’hui : {}{now}", a.plages.join(", "));
        view! { <p class="ouverture ouvert">{text}</p> }.into_any()
    } else {
        view! { <p class="ouverture ferme">"Fermé aujourd’hui"</p> }.into_any()
    }
}

/// The coming week's hours, one line a day, holidays named.
#[component]
fn Semaine(jours: Vec<JourHoraires>) -> impl IntoView {
    let rows = jours
        .into_iter()
        .map(|j| {
            let hours = if j.plages.is_empty() { "Fermé".to_owned() } else { j.plages.join(", ") };
            let holiday = j.ferie.then_some(" (jour férié)");
            view! { <tr><th scope="row">{j.jour}{holiday}</th><td>{hours}</td></tr> }
        })
        .collect_view();
    view! {
        <table class="semaine">
            <caption>"Horaires des 7 prochains jours"</caption>
            <tbody>{rows}</tbody>
        </table>
    }
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
        view! { <p><a class="button" href=href>{format!("Appeler le {t}")}</a></p> }
    });
    let mail = o.courriel.clone().map(|m| {
        let href = format!("mailto:{m}");
        view! { <p>"Courriel : "<a href=href>{m}</a></p> }
    });
    let site = o.lien.clone().map(|l| {
        view! { <p><a href=l rel="noopener noreferrer" target="_blank">"Site internet (nouvelle fenêtre)"</a></p> }
    });
    let cost = match o.gratuit {
        Some(true) => "Gratuit",
        Some(false) => "Payant",
        None => "Non précisé",
    };
    let address = [o.adresse.clone(), o.complement_adresse.clone(),
        match (&o.code_postal, &o.commune) {
            (Some(cp), Some(c)) => Some(format!("{cp} {c}")),
            (None, Some(c)) => Some(c.clone()),
            _ => None,
        }]
        .into_iter()
        .flatten()
        .map(|line| view! { {line}<br /> })
        .collect_view();
    let list = |items: Vec<String>| items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view();
    let themes = o.themes.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>().join(" · ");
    view! {
        <Title text=o.nom.clone() />
        <p><a href="/catalogue">"← Toutes les offres"</a></p>
        <article class="offre">
            <h1>{o.nom.clone()}</h1>
            <p class="muted">{o.structure.clone()}</p>
            <p class="muted small">{themes}</p>
            <SaveOffre id=o.id.clone() nom=o.nom.clone() />
            <h2>"De quoi s’agit-il ?"</h2>
            <p class="pre-line">{o.description.clone()}</p>
            {(!o.publics.is_empty()).then(|| view! { <h2>"Pour qui ?"</h2><ul>{list(o.publics.clone())}</ul> })}
            {o.conditions_acces.clone().map(|c| view! { <h2>"Conditions"</h2><p class="pre-line">{c}</p> })}
            <h2>"Combien ça coûte ?"</h2>
            <p>{cost}{o.frais_precisions.clone().map(|p| format!(" — {p}"))}</p>
            <h2>"Comment y accéder ?"</h2>
            {(!o.modes_accueil.is_empty()).then(|| view! { <ul>{list(o.modes_accueil.clone())}</ul> })}
            {(!o.modes_mobilisation.is_empty()).then(|| view! { <p>"Pour commencer :"</p><ul>{list(o.modes_mobilisation.clone())}</ul> })}
            <h2>"Où et quand ?"</h2>
            <p>{address}</p>
            {o.aujourdhui.clone().map(|a| view! { <Aujourdhui a /> })}
            {if o.semaine.is_empty() {
                o.horaires.clone().map(|h| view! { <p>"Horaires : "{h}</p> }).into_any()
            } else {
                view! { <Semaine jours=o.semaine.clone() /> }.into_any()
            }}
            <h2>"Contact"</h2>
            {tel}
            {mail}
            {site}
            <p class="muted small">{format!("Mis à jour le {} · Source : {}", french_date(&o.date_maj), o.source)}</p>
            <p class="small"><a href=format!("/pro/orienter/{}", o.id)>"Professionnels : orienter une personne vers cette offre"</a></p>
        </article>
    }
}
