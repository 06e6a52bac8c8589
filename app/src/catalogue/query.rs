//! Reading the catalogue: filtered full-text search, one offer, the filter choices.
use super::db::{
    offre, offre_theme,
    schema::{Schema, SCHEMA},
};
use crate::catalogue::distance::{km_shown, Position};
use crate::catalogue::horaires;
use crate::catalogue::index::{Query, SearchIndex, REMOTE_ONLY};
use crate::catalogue::model::*;
use crate::catalogue::search::{highlight, stem};
use sea_orm::{entity::prelude::*, QueryOrder};
use std::collections::HashMap;

/// Filters once checked (see `api::validate`): every value is known to be acceptable.
#[derive(Debug, Clone, Default)]
pub struct Recherche {
    pub terms: Vec<String>,
    pub theme: Option<String>,
    pub commune: Option<String>,
    pub gratuit: bool,
    pub mode: Option<String>,
    pub public: Option<String>,
    /// Only offers open today (Paris date of `now`).
    pub ouvert_aujourdhui: bool,
    /// Offers not updated since this day are hidden (see `Fraicheur`).
    pub a_jour_depuis: Option<chrono::NaiveDate>,
    pub page: u32,
    /// The clock of this search (today's opening hours).
    pub now: chrono::DateTime<chrono::Utc>,
    /// Nearest first from this point, and what it is to the person.
    pub origine: Option<(Position, Origine)>,
    /// The commune typed fits several (their names): the person chooses.
    pub communes_possibles: Vec<String>,
}

/// Offers done at a distance shown beside a list sorted by distance.
const A_DISTANCE_MONTREES: usize = 3;

/// The columns of an offer that a results page reads (its structure's name comes from the index).
#[derive(sea_orm::FromQueryResult)]
struct Row {
    id: String,
    nom: String,
    description: String,
    commune: Option<String>,
    frais: Option<String>,
    modes_accueil: String,
    horaires_accueil: Option<String>,
}

/// One page of results: the index finds and ranks, the database gives the rows to show.
pub async fn search(db: &DatabaseConnection, index: &SearchIndex, r: &Recherche) -> Result<Resultats, DbErr> {
    let page = r.page.max(1);
    let query = Query {
        terms: &r.terms,
        theme: r.theme.as_deref(),
        commune: r.commune.as_deref(),
        gratuit: r.gratuit,
        mode: r.mode.as_deref(),
        public: r.public.as_deref(),
        ouvert_le: r.ouvert_aujourdhui.then(|| crate::dates::today(r.now)),
        a_jour_depuis: r.a_jour_depuis,
        origine: r.origine.as_ref().map(|(p, _)| *p),
        // "Voir plus": page n shows the first n × PAR_PAGE offers, so nobody is swamped at first.
        offset: 0,
        limit: page as usize * PAR_PAGE as usize,
    };
    let hits = index.search(db, &query).await?;
    let (total, corrections) = (hits.total, hits.corrections.clone());
    let offres = resumes(db, r, hits).await?;
    // Beside the nearest offers, those done at a distance (left out of that list), nearest not
    // meaning anything for them.
    let (mut a_distance, mut a_distance_total) = (vec![], 0);
    if r.origine.is_some() && r.mode.is_none() {
        let remote = Query { mode: Some(REMOTE_ONLY), origine: None, limit: A_DISTANCE_MONTREES, ..query };
        let hits = index.search(db, &remote).await?;
        a_distance_total = hits.total;
        a_distance = resumes(db, r, hits).await?;
    }
    let pages = total.div_ceil(PAR_PAGE).max(1) as u32;
    Ok(Resultats {
        total,
        page,
        pages,
        offres,
        corrections,
        origine: r.origine.as_ref().map(|(_, o)| o.clone()),
        communes_possibles: r.communes_possibles.clone(),
        a_distance,
        a_distance_total,
    })
}

/// The offers found, as the list shows them.
async fn resumes(
    db: &DatabaseConnection,
    r: &Recherche,
    hits: crate::catalogue::index::Hits,
) -> Result<Vec<OffreResume>, DbErr> {
    let terms = hits.terms;
    let km: HashMap<&str, f64> =
        hits.ids.iter().zip(&hits.km).filter_map(|(id, km)| Some((id.as_str(), (*km)?))).collect();
    let rows = rows_by_id(db, &hits.ids, &hits.structures).await?;
    let ids: Vec<String> = rows.iter().map(|(row, _)| row.id.clone()).collect();
    let mut themes: HashMap<String, Vec<String>> = HashMap::new();
    if !ids.is_empty() {
        for t in offre_theme::Entity::find()
            .filter(offre_theme::Column::OffreId.is_in(ids))
            .order_by_asc(offre_theme::Column::ThemeCode)
            .all(db)
            .await?
        {
            themes.entry(t.offre_id).or_default().push(t.theme_code);
        }
    }
    Ok(rows
        .into_iter()
        .map(|(row, structure)| {
            let modes: Vec<String> = serde_json::from_str(&row.modes_accueil).unwrap_or_default();
            OffreResume {
                nom: highlight(&row.nom, &terms),
                extrait: highlight(&excerpt(&row.description, &terms), &terms),
                themes: themes.remove(&row.id).unwrap_or_default(),
                structure,
                commune: row.commune,
                gratuit: row.frais.as_deref().map(|f| f == "gratuit"),
                a_distance: modes.iter().any(|m| m == "a-distance"),
                en_presentiel: modes.iter().any(|m| m == "en-presentiel"),
                aujourdhui: row.horaires_accueil.as_deref().and_then(horaires::parse).map(|h| h.aujourdhui(r.now)),
                km: km.get(row.id.as_str()).map(|k| km_shown(*k)),
                id: row.id,
            }
        })
        .collect())
}

/// The rows to show, in the order of `ids`, with their structure's name (kept by the index).
async fn rows_by_id(
    db: &DatabaseConnection,
    ids: &[String],
    structures: &[String],
) -> Result<Vec<(Row, String)>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    use offre::Column as C;
    use sea_orm::QuerySelect;
    // Only the columns a results page shows: an offer's search text and lists are large.
    let offres: Vec<Row> = offre::Entity::find()
        .select_only()
        .columns([C::Id, C::Nom, C::Description, C::Commune, C::Frais, C::ModesAccueil, C::HorairesAccueil])
        .filter(C::Id.is_in(ids.to_vec()))
        .into_model()
        .all(db)
        .await?;
    let mut by_id: HashMap<String, Row> = offres.into_iter().map(|o| (o.id.clone(), o)).collect();
    Ok(ids.iter().zip(structures).filter_map(|(id, s)| Some((by_id.remove(id)?, s.clone()))).collect())
}

/// About 220 characters of the description, starting near the first matching word.
fn excerpt(description: &str, terms: &[String]) -> String {
    const LEN: usize = 220;
    let chars: Vec<char> = description.chars().collect();
    let mut start = 0;
    if !terms.is_empty() {
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_alphanumeric() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
                let word: String = chars[i..].iter().take_while(|c| c.is_alphanumeric()).collect();
                let folded = stem(&crate::text::fold(&word));
                if terms.iter().any(|t| folded.starts_with(t.as_str())) {
                    start = i.saturating_sub(60);
                    while start > 0 && chars[start - 1].is_alphanumeric() {
                        start -= 1;
                    }
                    break;
                }
            }
            i += 1;
        }
    }
    let end = (start + LEN).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

/// One visible offer as its page shows it, at `now` (today's hours, the coming week).
pub async fn offre_detail(
    db: &DatabaseConnection,
    id: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<OffreDetail>, DbErr> {
    let Some(o) = offre::Entity::find_by_id(id.to_owned()).filter(offre::Column::Archived.eq(false)).one(db).await?
    else {
        return Ok(None);
    };
    let s = crate::organisation::service::get(db, &o.structure_id).await?;
    let theme_codes = super::db::theme_codes(db, &o.id).await?;
    let themes = crate::referentiel::service::themes(db)
        .await?
        .into_iter()
        .filter(|(code, _)| theme_codes.contains(code))
        .collect();
    let labels = |json: &str, list: &[(String, String)]| -> Vec<String> {
        serde_json::from_str::<Vec<String>>(json)
            .unwrap_or_default()
            .iter()
            .filter_map(|c| Schema::label(list, c).map(str::to_owned))
            .collect()
    };
    Ok(Some(OffreDetail {
        publics: labels(&o.publics, &SCHEMA.publics),
        modes_accueil: labels(&o.modes_accueil, &SCHEMA.modes_accueil),
        modes_mobilisation: labels(&o.modes_mobilisation, &SCHEMA.modes_mobilisation),
        id: o.id,
        nom: o.nom,
        description: o.description,
        structure: s.map(|s| s.nom).unwrap_or_default(),
        themes,
        conditions_acces: o.conditions_acces,
        gratuit: o.frais.as_deref().map(|f| f == "gratuit"),
        frais_precisions: o.frais_precisions,
        adresse: o.adresse,
        complement_adresse: o.complement_adresse,
        code_postal: o.code_postal,
        commune: o.commune,
        aujourdhui: o.horaires_accueil.as_deref().and_then(horaires::parse).map(|h| h.aujourdhui(now)),
        semaine: o.horaires_accueil.as_deref().and_then(horaires::parse).map(|h| h.semaine(now)).unwrap_or_default(),
        horaires: o.horaires_accueil,
        telephone: o.telephone,
        courriel: o.courriel,
        lien: o.lien,
        date_maj: o.date_maj.format("%Y-%m-%d").to_string(),
        source: o.source,
    }))
}

/// The communes that have at least one visible offer (code INSEE, name), by name.
pub async fn communes_with_offres(
    db: &DatabaseConnection,
    index: &SearchIndex,
) -> Result<Vec<(String, String)>, DbErr> {
    index.communes(db).await
}

/// Every commune of Haute-Garonne (code INSEE, name), by name.
pub async fn commune_exists(db: &DatabaseConnection, code: &str) -> Result<bool, DbErr> {
    Ok(crate::referentiel::service::commune_nom(db, code).await?.is_some())
}

/// Whether the catalogue holds any offer (archived ones count): the demo data loads only into an
/// empty one.
pub async fn has_offers(db: &impl sea_orm::ConnectionTrait) -> Result<bool, DbErr> {
    use sea_orm::PaginatorTrait;
    Ok(offre::Entity::find().count(db).await? > 0)
}

/// Offer names by id, for these ids (archived ones too: an action keeps the offer it named).
pub async fn offer_names(
    db: &impl sea_orm::ConnectionTrait,
    ids: Vec<String>,
) -> Result<HashMap<String, String>, DbErr> {
    Ok(offre::Entity::find()
        .filter(offre::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.nom))
        .collect())
}

/// An offer as the carnet's action form lists it.
pub struct OffreSurTheme {
    pub id: String,
    pub nom: String,
    pub structure_id: String,
}

/// The offers on a theme that are not archived, by name (at most `limit`).
pub async fn offers_on_theme(
    db: &impl sea_orm::ConnectionTrait,
    theme_code: &str,
    limit: u64,
) -> Result<Vec<OffreSurTheme>, DbErr> {
    use sea_orm::QuerySelect;
    let ids = offre_theme::Entity::find()
        .select_only()
        .column(offre_theme::Column::OffreId)
        .filter(offre_theme::Column::ThemeCode.eq(theme_code));
    Ok(offre::Entity::find()
        .filter(offre::Column::Id.in_subquery(sea_orm::QueryTrait::into_query(ids)))
        .filter(offre::Column::Archived.eq(false))
        .order_by_asc(offre::Column::Nom)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|o| OffreSurTheme { id: o.id, nom: o.nom, structure_id: o.structure_id })
        .collect())
}

/// An offer's name, the address that receives requests about it (`None`: its structure's) and
/// its structure, for an offer that is not archived.
pub struct OffreContact {
    pub nom: String,
    pub courriel: Option<String>,
    pub structure_id: String,
}

/// See [`OffreContact`].
pub async fn offre_contact(db: &impl sea_orm::ConnectionTrait, id: &str) -> Result<Option<OffreContact>, DbErr> {
    Ok(offre::Entity::find_by_id(id.to_owned())
        .filter(offre::Column::Archived.eq(false))
        .one(db)
        .await?
        .map(|o| OffreContact { nom: o.nom, courriel: o.courriel, structure_id: o.structure_id }))
}
