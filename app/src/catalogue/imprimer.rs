//! A list of offers to hand to someone without a phone: the catalogue's current filters, every
//! offer with how to reach it and its hours, laid out for paper (`/catalogue/imprimer?…`), and
//! the same page as a file to keep or send (`…&fichier=1`, plain HTML).
use super::model::{Filtres, OffreDetail, Origine, MAX_PLUS, PAR_PAGE};
use crate::error::AppError;
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// What the printed list shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ListeAImprimer {
    pub total: u64,
    /// Each offer, and how far it is (whole km) when sorted by distance.
    pub offres: Vec<(OffreDetail, Option<u32>)>,
    pub origine: Option<Origine>,
    /// Sorted by distance: the first offers done at a distance, and how many there are.
    pub a_distance: Vec<OffreDetail>,
    pub a_distance_total: u64,
}

/// The offers of a search, in full, at most `MAX_PLUS × PAR_PAGE`.
#[server(endpoint = "offres-imprimer")]
pub async fn liste_imprimable(filtres: Filtres, fichier: bool) -> Result<ListeAImprimer, AppError> {
    let db = crate::db_from_context()?;
    let index = use_context::<std::sync::Arc<super::index::SearchIndex>>().ok_or(AppError::Unavailable)?;
    let mut recherche =
        super::api::validate(&db, &Filtres { page: None, ..filtres }).await.map_err(AppError::with_status)?;
    recherche.page = MAX_PLUS;
    let found = super::query::search(&db, &index, &recherche).await.map_err(|e| AppError::from(e).with_status())?;
    let mut offres = Vec::with_capacity(found.offres.len());
    for o in &found.offres {
        if let Some(d) = super::query::offre_detail(&db, &o.id, recherche.now).await? {
            offres.push((d, o.km));
        }
    }
    let mut a_distance = vec![];
    for o in &found.a_distance {
        a_distance.extend(super::query::offre_detail(&db, &o.id, recherche.now).await?);
    }
    if fichier {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.insert_header(
                http::header::CONTENT_DISPOSITION,
                http::HeaderValue::from_static("attachment; filename=\"aides-itineraire.html\""),
            );
        }
    }
    Ok(ListeAImprimer {
        total: found.total,
        offres,
        origine: found.origine,
        a_distance,
        a_distance_total: found.a_distance_total,
    })
}

#[component]
pub fn ImprimerPage() -> impl IntoView {
    let filtres = Filtres { page: None, ..super::views::filtres_from_url() };
    let fichier = use_query_map().read_untracked().get("fichier").is_some();
    let back = format!("/catalogue?{}", filtres.to_query(None));
    let file = format!("/catalogue/imprimer?{}&fichier=1", filtres.to_query(None));
    let data = Resource::new_blocking(move || (filtres.clone(), fichier), |(f, x)| liste_imprimable(f, x));
    view! {
        <Title text="Liste des aides à imprimer" />
        <Meta name="robots" content="noindex" />
        <p class="no-print"><a href=back>"← Revenir à la recherche"</a></p>
        <h1>"Des aides près de chez vous"</h1>
        <p class="no-print">"Imprimez cette page avec le menu de votre navigateur (« Imprimer »), ou "<a href=file>"téléchargez-la"</a>" pour l’envoyer ou la garder."</p>
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(liste) => view! { <Liste liste /> }.into_any(),
                    Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Liste(liste: ListeAImprimer) -> impl IntoView {
    let (total, shown) = (liste.total, liste.offres.len());
    let cut = (total as usize > shown).then(|| format!("Les {shown} premières sur {total}."));
    let near = liste.origine.map(|o| match o {
        Origine::Commune(nom) => format!("Les plus proches de {nom} d’abord (distances à vol d’oiseau)."),
        Origine::Position => "Les plus proches d’abord (distances à vol d’oiseau).".to_owned(),
    });
    let remote = (!liste.a_distance.is_empty()).then(|| {
        let more = liste.a_distance_total.saturating_sub(liste.a_distance.len() as u64);
        view! {
            <h2>"Aussi à distance (téléphone, internet)"</h2>
            <ul class="liste-imprimable">{liste.a_distance.into_iter().map(|o| item(o, None)).collect_view()}</ul>
            {(more > 0).then(|| view! { <p class="small">{format!("Et {more} autre(s) offre(s) à distance.")}</p> })}
        }
    });
    let items = liste.offres.into_iter().map(|(o, km)| item(o, km)).collect_view();
    view! {
        <p>{if shown == 0 { "Aucune offre ne correspond à cette recherche.".to_owned() } else { format!("{shown} offre(s).") }}{cut}</p>
        {near.map(|n| view! { <p>{n}</p> })}
        <ul class="liste-imprimable">{items}</ul>
        {remote}
        <p class="small">{format!("Liste faite avec Itinéraire. Au plus {} offres.", MAX_PLUS as u64 * PAR_PAGE)}</p>
    }
}

/// One offer on paper: how to reach it, when, and how far when sorted by distance.
fn item(o: OffreDetail, km: Option<u32>) -> impl IntoView {
    let place = [
        o.adresse.clone(),
        o.code_postal.clone().zip(o.commune.clone()).map(|(cp, c)| format!("{cp} {c}")).or(o.commune.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let hours = if o.semaine.is_empty() {
        o.horaires.clone()
    } else {
        Some(
            o.semaine
                .iter()
                .map(|j| {
                    format!(
                        "{} : {}",
                        j.jour,
                        if j.plages.is_empty() { "fermé".to_owned() } else { j.plages.join(", ") }
                    )
                })
                .collect::<Vec<_>>()
                .join(" · "),
        )
    };
    view! {
        <li class="imprimable">
            <h2 class="h3">{o.nom}</h2>
            <p class="muted">{o.structure}</p>
            {(!place.is_empty()).then(|| view! { <p>"Adresse : "{place}</p> })}
            {o.telephone.map(|t| view! { <p>"Téléphone : "<strong>{t}</strong></p> })}
            {o.courriel.map(|c| view! { <p>"Courriel : "{c}</p> })}
            {hours.map(|h| view! { <p>"Horaires : "{h}</p> })}
            {km.map(|k| view! { <p>{if k == 0 { "À moins de 1 km".to_owned() } else { format!("À {k} km") }}</p> })}
            <p class="small">{match o.gratuit { Some(true) => "Gratuit", Some(false) => "Payant", None => "" }}</p>
        </li>
    }
}
