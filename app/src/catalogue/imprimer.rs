//! A list of offers to hand to someone without a phone: the catalogue's current filters, every
//! offer with how to reach it and its hours, laid out for paper (`/catalogue/imprimer?…`), and
//! the same page as a file to keep or send (`…&fichier=1`, plain HTML).
use super::model::{Filtres, OffreDetail, MAX_PLUS, PAR_PAGE};
use crate::error::AppError;
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// The offers of a search, in full, at most `MAX_PLUS × PAR_PAGE`.
#[server(endpoint = "offres-imprimer")]
pub async fn liste_imprimable(filtres: Filtres, fichier: bool) -> Result<(u64, Vec<OffreDetail>), AppError> {
    let db = crate::db_from_context()?;
    let index = use_context::<std::sync::Arc<super::index::SearchIndex>>().ok_or(AppError::Unavailable)?;
    let mut recherche = super::api::validate(&db, &Filtres { page: None, ..filtres }).await.map_err(AppError::with_status)?;
    recherche.page = MAX_PLUS;
    let found = super::db::query::search(&db, &index, &recherche).await.map_err(|e| AppError::from(e).with_status())?;
    let mut offres = Vec::with_capacity(found.offres.len());
    for o in &found.offres {
        if let Some(d) = super::db::query::offre_detail(&db, &o.id, recherche.now).await? {
            offres.push(d);
        }
    }
    if fichier {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.insert_header(
                http::header::CONTENT_DISPOSITION,
                http::HeaderValue::from_static("attachment; filename=\"aides-itineraire.html\""),
            );
        }
    }
    Ok((found.total, offres))
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
                    Ok((total, offres)) => view! { <Liste total offres /> }.into_any(),
                    Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Liste(total: u64, offres: Vec<OffreDetail>) -> impl IntoView {
    let shown = offres.len();
    let cut = (total as usize > shown).then(|| format!("Les {shown} premières sur {total}."));
    let items = offres
        .into_iter()
        .map(|o| {
            let place = [o.adresse.clone(), o.code_postal.clone().zip(o.commune.clone()).map(|(cp, c)| format!("{cp} {c}")).or(o.commune.clone())]
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
                        .map(|j| format!("{} : {}", j.jour, if j.plages.is_empty() { "fermé".to_owned() } else { j.plages.join(", ") }))
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
                    <p class="small">{match o.gratuit { Some(true) => "Gratuit", Some(false) => "Payant", None => "" }}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{if shown == 0 { "Aucune offre ne correspond à cette recherche.".to_owned() } else { format!("{shown} offre(s).") }}{cut}</p>
        <ul class="liste-imprimable">{items}</ul>
        <p class="small">{format!("Liste faite avec Itinéraire. Au plus {} offres.", MAX_PLUS as u64 * PAR_PAGE)}</p>
    }
}
