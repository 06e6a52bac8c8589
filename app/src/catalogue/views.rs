//! Catalogue pages: the filterable, searchable list, and one offer's page. Both work without
//! WASM (a GET form and links); the only island is the "garder cette offre" button.
use super::api::{get_filtre_options, search_offres};
use super::model::*;
use crate::error::AppError;
use crate::i18n::{t, ta, theme_label};
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

mod offre;
mod position;
mod saved;
pub(crate) use offre::french_date;
use offre::Aujourdhui;
pub use offre::OffrePage;
use position::{PositionButton, PositionTextes};
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
        pres: q.get("pres"),
        position: q.get("position"),
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
        <Title text=t("catalogue-titre") />
        <h1>{t("catalogue-titre")}</h1>
        {(crate::i18n::langue() != crate::i18n::Langue::Fr).then(|| view! { <p class="note">{t("langue-offres-en-francais")}</p> })}
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
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
            view! { <li><a href=href>{theme_label(&code, &label)}<span class="count">{format!(" ({n})")}</span></a></li> }
        })
        .collect_view();
    view! {
        <nav aria-labelledby="par-theme">
            <h2 id="par-theme">{t("catalogue-par-theme")}</h2>
            <ul class="theme-links">{links}</ul>
        </nav>
    }
}

#[component]
fn Select(
    name: &'static str,
    label: String,
    all: String,
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
        ("en-presentiel".to_string(), t("catalogue-sur-place")),
        ("a-distance".to_string(), t("catalogue-a-distance-long")),
    ];
    let themes = options.themes.iter().map(|(c, l)| (c.clone(), theme_label(c, l))).collect::<Vec<_>>();
    let gratuit = filtres.gratuit.as_deref().is_some_and(|g| !g.is_empty());
    let ouvert = filtres.ouvert.as_deref().is_some_and(|g| !g.is_empty());
    view! {
        <form class="filters" method="get" action="/catalogue" role="search">
            <div class="field">
                <label for="filtre-q">{t("catalogue-rechercher")}</label>
                <input id="filtre-q" name="q" type="search" maxlength="200" value=filtres.q.clone().unwrap_or_default() />
            </div>
            <fieldset class="pres">
                <legend>{t("filtre-pres")}</legend>
                <div class="field">
                    <label for="filtre-pres">{t("filtre-pres-commune")}</label>
                    <span class="hint" id="filtre-pres-aide">{t("filtre-pres-aide")}</span>
                    <input id="filtre-pres" name="pres" type="text" maxlength="100" autocomplete="address-level2"
                        aria-describedby="filtre-pres-aide" value=filtres.pres.clone().unwrap_or_default() />
                </div>
                <input type="hidden" name="position" value=filtres.position.clone().unwrap_or_default() />
                <PositionButton textes=PositionTextes {
                    bouton: t("position-utiliser"),
                    recherche: t("position-recherche"),
                    refusee: t("position-refusee"),
                    trop_longue: t("position-trop-longue"),
                    indisponible: t("position-indisponible"),
                    non_gardee: t("position-non-gardee"),
                } />
            </fieldset>
            <Select name="theme" label=t("filtre-theme") all=t("filtre-tous-themes") choices=themes selected=filtres.theme.clone() />
            <Select name="commune" label=t("filtre-commune") all=t("filtre-toutes-communes") choices=options.communes selected=filtres.commune.clone() />
            <Select name="mode" label=t("filtre-mode") all=t("filtre-les-deux") choices=modes selected=filtres.mode.clone() />
            <Select name="public" label=t("filtre-public") all=t("filtre-tous-publics") choices=options.publics selected=filtres.public.clone() />
            <div class="field checkbox">
                <input id="filtre-gratuit" type="checkbox" name="gratuit" value="1" checked=gratuit />
                <label for="filtre-gratuit">{t("filtre-gratuit")}</label>
            </div>
            <div class="field checkbox">
                <input id="filtre-ouvert" type="checkbox" name="ouvert" value="1" checked=ouvert />
                <label for="filtre-ouvert">{t("filtre-ouvert")}</label>
            </div>
            <button type="submit">{t("filtre-voir")}</button>
            " "
            <a href="/catalogue">{t("filtre-effacer")}</a>
        </form>
    }
}

#[component]
fn ResultList(result: Result<Resultats, AppError>, filtres: Filtres, options: FiltreOptions) -> impl IntoView {
    let r = match result {
        Ok(r) => r,
        Err(AppError::BadRequest(message)) => {
            return view! {
                <div class="alert" role="alert"><h2>{t("catalogue-recherche-impossible")}</h2><p>{message}</p></div>
            }
            .into_any()
        }
        Err(e) => return view! { <ErrorMessage error=e /> }.into_any(),
    };
    let themes = options.themes;
    let heading = ta("offres-nombre", &[("n", r.total.into())]);
    let corrections = (!r.corrections.is_empty()).then(|| {
        let list = r
            .corrections
            .iter()
            .map(|(typed, used)| ta("catalogue-correction", &[("mot", used.into()), ("tape", typed.into())]))
            .collect::<Vec<_>>()
            .join(", ");
        view! { <p class="note">{ta("catalogue-corrections", &[("liste", list.into())])}</p> }
    });
    let empty = (r.total == 0).then(|| {
        view! {
            <p>{t("catalogue-vide")}</p>
            <p><a href="/catalogue">{t("catalogue-tout-voir")}</a></p>
            <crate::ui::help::DefaultHelp />
        }
    });
    let shown = r.offres.len();
    let items =
        r.offres.into_iter().enumerate().map(|(i, o)| card(o, Some(format!("r{}", i + 1)), &themes)).collect_view();
    let choices = (!r.communes_possibles.is_empty()).then(|| {
        let links = r
            .communes_possibles
            .iter()
            .map(|nom| {
                let href = format!(
                    "/catalogue?{}",
                    Filtres { pres: Some(nom.clone()), page: None, ..filtres.clone() }.to_query(None)
                );
                view! { <li><a href=href>{nom.clone()}</a></li> }
            })
            .collect_view();
        view! { <div class="note"><p>{t("catalogue-communes-possibles")}</p><ul>{links}</ul></div> }
    });
    let near = r.origine.as_ref().map(|o| {
        let from = match o {
            Origine::Commune(nom) => ta("catalogue-pres-de", &[("commune", nom.into())]),
            Origine::Position => t("catalogue-pres-de-vous"),
        };
        view! { <p class="note">{format!("{from} {}", t("catalogue-vol-d-oiseau"))}</p> }
    });
    let remote = (!r.a_distance.is_empty()).then(|| {
        let more = (r.a_distance_total > r.a_distance.len() as u64).then(|| {
            let all =
                Filtres { mode: Some("a-distance".into()), pres: None, position: None, page: None, ..filtres.clone() };
            let href = format!("/catalogue?{}", all.to_query(None));
            view! { <p><a href=href>{t("catalogue-a-distance-toutes")}</a></p> }
        });
        let items = r.a_distance.into_iter().map(|o| card(o, None, &themes)).collect_view();
        view! {
            <section aria-labelledby="a-distance">
                <h2 id="a-distance">{t("catalogue-a-distance-titre")}</h2>
                <ul class="offres">{items}</ul>
                {more}
            </section>
        }
    });
    let more = (shown < r.total as usize).then(|| {
        if r.page < MAX_PLUS {
            // The link lands on the first new offer.
            let href = format!("/catalogue?{}#r{}", filtres.to_query(Some(r.page + 1)), shown + 1);
            let text = ta("catalogue-voir-plus", &[("n", shown.into()), ("total", r.total.into())]);
            view! { <p class="more"><a class="button secondary" href=href>{text}</a></p> }.into_any()
        } else {
            view! { <p class="note">{ta("catalogue-limite", &[("n", shown.into()), ("total", r.total.into())])}</p> }
                .into_any()
        }
    });
    view! {
        {choices}
        <h2 id="resultats">{heading}</h2>
        {near}
        {corrections}
        {empty}
        <ul class="offres">{items}</ul>
        {more}
        {remote}
        {(r.total > 0).then(|| {
            let href = format!("/catalogue/imprimer?{}", filtres.to_query(None));
            view! { <p><a href=href>{t("catalogue-imprimer")}</a></p> }
        })}
    }
    .into_any()
}

/// One offer in a list: its name (a link), who and where (how far, when sorted by distance),
/// its tags, today's hours, an excerpt and its themes.
fn card(o: OffreResume, anchor: Option<String>, themes: &[(String, String)]) -> impl IntoView {
    let href = format!("/offres/{}", o.id);
    let theme_names = o
        .themes
        .iter()
        .filter_map(|code| themes.iter().find(|(c, _)| c == code).map(|(c, l)| theme_label(c, l)))
        .collect::<Vec<_>>()
        .join(" · ");
    let mut place = o.commune.clone().unwrap_or_else(|| t("catalogue-lieu-inconnu"));
    if let Some(km) = o.km {
        let far = if km == 0 { t("catalogue-moins-1-km") } else { ta("catalogue-km", &[("km", i64::from(km).into())]) };
        place = format!("{place} · {far}");
    }
    view! {
        <li class="offre-card" id=anchor>
            <h3 lang="fr"><a href=href>{segments(o.nom)}</a></h3>
            <p class="muted">{format!("{} · {place}", o.structure)}</p>
            <p class="tags">
                {(o.gratuit == Some(true)).then(|| view! { <span class="tag">{t("offre-gratuit")}</span> })}
                {o.a_distance.then(|| view! { <span class="tag">{t("catalogue-a-distance")}</span> })}
                {o.en_presentiel.then(|| view! { <span class="tag">{t("catalogue-sur-place")}</span> })}
            </p>
            {o.aujourdhui.map(|a| view! { <Aujourdhui a /> })}
            <p lang="fr">{segments(o.extrait)}</p>
            <p class="muted small">{theme_names}</p>
        </li>
    }
}
