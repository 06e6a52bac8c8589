//! The person's side of the socle, read (ssr only): upcoming sessions, a session, the private
//! page of a registration and its calendar file.
use super::db::{atelier, inscription, list, seance};
use super::inscriptions::by_token;
use super::model::{Ateliers, MonInscription, SeanceCarte, SeanceDetail, Statut};
use crate::dates;
use crate::organisation::model::Structure;
use crate::token::token_hash;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::HashMap;

/// Sessions listed at most on the public page.
pub const LIST_MAX: u64 = 300;
/// The filter value for sessions by video.
pub const A_DISTANCE: &str = "a-distance";

/// Structure names and phones by id.
async fn structures(db: &impl ConnectionTrait, ids: Vec<String>) -> Result<HashMap<String, Structure>, DbErr> {
    crate::organisation::service::by_ids(db, ids).await
}

async fn commune_names(db: &impl ConnectionTrait, codes: Vec<String>) -> Result<HashMap<String, String>, DbErr> {
    crate::referentiel::service::commune_noms(db, codes).await
}

/// Upcoming sessions (and those under way), soonest first, with what the cards need.
struct Upcoming {
    seances: Vec<seance::Model>,
    ateliers: HashMap<String, atelier::Model>,
    structures: HashMap<String, Structure>,
    communes: HashMap<String, String>,
    themes: HashMap<String, String>,
}

async fn upcoming_rows(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    atelier_id: Option<&str>,
) -> Result<Upcoming, DbErr> {
    use seance::Column as S;
    let mut q = seance::Entity::find().filter(S::Annulee.eq(false)).filter(S::Fin.gt(now));
    if let Some(a) = atelier_id {
        q = q.filter(S::AtelierId.eq(a));
    }
    let seances = q.order_by_asc(S::Debut).order_by_asc(S::Id).limit(LIST_MAX).all(db).await?;
    let ids: Vec<String> = seances.iter().map(|s| s.atelier_id.clone()).collect();
    let ateliers: HashMap<String, atelier::Model> = atelier::Entity::find()
        .filter(atelier::Column::Id.is_in(ids))
        .filter(atelier::Column::Archived.eq(false))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    let seances: Vec<seance::Model> = seances.into_iter().filter(|s| ateliers.contains_key(&s.atelier_id)).collect();
    let structures = structures(db, ateliers.values().map(|a| a.structure_id.clone()).collect()).await?;
    let communes = commune_names(db, seances.iter().filter_map(|s| s.code_insee.clone()).collect()).await?;
    let themes = crate::referentiel::service::theme_labels(db).await?;
    Ok(Upcoming { seances, ateliers, structures, communes, themes })
}

impl Upcoming {
    fn card(&self, s: &seance::Model, now: DateTime<Utc>) -> Option<SeanceCarte> {
        let a = self.ateliers.get(&s.atelier_id)?;
        Some(SeanceCarte {
            id: s.id.clone(),
            titre: a.titre.clone(),
            structure: self.structures.get(&a.structure_id).map(|x| x.nom.clone()).unwrap_or_default(),
            quand: dates::quand(s.debut, s.fin),
            debut_fin: (s.debut.timestamp(), s.fin.timestamp()),
            commune: s.code_insee.as_ref().and_then(|c| self.communes.get(c).cloned()),
            a_distance: s.code_insee.is_none(),
            places_restantes: Ord::max(s.capacite - s.inscrits, 0),
            en_cours: s.debut <= now,
            themes: list(&a.themes).iter().filter_map(|t| self.themes.get(t).cloned()).collect(),
        })
    }
}

/// The public list, filtered by référentiel theme and by commune (or [`A_DISTANCE`]).
pub async fn upcoming(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    theme: Option<String>,
    commune: Option<String>,
) -> Result<Ateliers, DbErr> {
    let up = upcoming_rows(db, now, None).await?;
    let mut communes: Vec<(String, String)> = up.communes.iter().map(|(c, n)| (c.clone(), n.clone())).collect();
    communes.sort_by_key(|c| crate::text::fold(&c.1));
    if up.seances.iter().any(|s| s.code_insee.is_none()) {
        communes.push((A_DISTANCE.to_owned(), "À distance (en ligne)".to_owned()));
    }
    let mut themes: Vec<(String, String)> = up.themes.iter().map(|(c, l)| (c.clone(), l.clone())).collect();
    themes.sort();
    let seances = up
        .seances
        .iter()
        .filter(|s| {
            theme
                .as_deref()
                .is_none_or(|t| up.ateliers.get(&s.atelier_id).is_some_and(|a| list(&a.themes).iter().any(|x| x == t)))
        })
        .filter(|s| match commune.as_deref() {
            None => true,
            Some(A_DISTANCE) => s.code_insee.is_none(),
            Some(c) => s.code_insee.as_deref() == Some(c),
        })
        .filter_map(|s| up.card(s, now))
        .collect();
    Ok(Ateliers { seances, themes, communes, theme, commune })
}

/// One session for the public page (also when cancelled or over: the page says so).
pub async fn seance_detail(
    db: &DatabaseConnection,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Option<SeanceDetail>, DbErr> {
    let Some(s) = seance::Entity::find_by_id(id.to_owned()).one(db).await? else { return Ok(None) };
    let Some(a) = atelier::Entity::find_by_id(s.atelier_id.clone()).one(db).await? else { return Ok(None) };
    let up = upcoming_rows(db, now, Some(&a.id)).await?;
    let st = crate::organisation::service::get(db, &a.structure_id).await?;
    let commune = match &s.code_insee {
        Some(c) => crate::referentiel::service::commune_nom(db, c).await?,
        None => None,
    };
    Ok(Some(SeanceDetail {
        id: s.id.clone(),
        titre: a.titre.clone(),
        description: a.description.clone(),
        competences: list(&a.competences),
        accessibilite: a.accessibilite.clone(),
        themes: list(&a.themes).iter().filter_map(|t| up.themes.get(t).cloned()).collect(),
        structure: st.as_ref().map(|x| x.nom.clone()).unwrap_or_default(),
        structure_telephone: st.and_then(|x| x.telephone),
        quand: dates::quand(s.debut, s.fin),
        debut_fin: (s.debut.timestamp(), s.fin.timestamp()),
        adresse: s.lieu.clone(),
        commune,
        a_distance: s.code_insee.is_none(),
        capacite: s.capacite,
        places_restantes: Ord::max(s.capacite - s.inscrits, 0),
        en_attente: s.en_attente,
        annulee: s.annulee,
        motif_annulation: s.motif_annulation.clone(),
        ouverte: !s.annulee && !a.archived && s.fin > now,
        autres: up.seances.iter().filter(|o| o.id != s.id).filter_map(|o| up.card(o, now)).collect(),
    }))
}

/// The registration behind a private link.
/// The id of the registration behind a private link (for the rooms above: its badge).
pub async fn inscription_id(db: &impl ConnectionTrait, token: &str) -> Result<Option<String>, DbErr> {
    Ok(inscription::Entity::find().filter(by_token(&token_hash(token))).one(db).await?.map(|i| i.id))
}

pub async fn mon_inscription(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<MonInscription>, DbErr> {
    use inscription::Column as I;
    let Some(i) = inscription::Entity::find().filter(by_token(&token_hash(token))).one(db).await? else {
        return Ok(None);
    };
    let Some(detail) = seance_detail(db, &i.seance_id, now).await? else { return Ok(None) };
    let statut = i.statut;
    let rang = if statut == Statut::Attente {
        let before = inscription::Entity::find()
            .filter(I::SeanceId.eq(&i.seance_id))
            .filter(I::Statut.eq(Statut::Attente))
            .filter(
                Condition::any()
                    .add(I::CreatedAt.lt(i.created_at))
                    .add(Condition::all().add(I::CreatedAt.eq(i.created_at)).add(I::Id.lt(&i.id))),
            )
            .count(db)
            .await?;
        Some(before as i32 + 1)
    } else {
        None
    };
    let s = seance::Entity::find_by_id(i.seance_id.clone()).one(db).await?;
    let lien_visio = s.as_ref().filter(|_| statut == Statut::Inscrit).and_then(|s| s.lien_visio.clone());
    Ok(Some(MonInscription {
        statut,
        prenom: i.prenom,
        rang,
        lien_visio,
        passee: s.is_some_and(|s| s.fin <= now),
        // The badges' to say (see `itineraire::inscription`): this room does not know them.
        badge: None,
        seance: detail,
    }))
}

/// The registration's session as an iCalendar file (to add to the phone's calendar).
pub async fn calendar(db: &DatabaseConnection, token: &str) -> Result<Option<String>, DbErr> {
    use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
    let Some(i) = inscription::Entity::find().filter(by_token(&token_hash(token))).one(db).await? else {
        return Ok(None);
    };
    let Some(s) = seance::Entity::find_by_id(i.seance_id.clone()).one(db).await? else { return Ok(None) };
    let Some(a) = atelier::Entity::find_by_id(s.atelier_id.clone()).one(db).await? else { return Ok(None) };
    let commune = match &s.code_insee {
        Some(c) => crate::referentiel::service::commune_nom(db, c).await?,
        None => None,
    };
    let lieu = match (&s.lieu, commune) {
        (Some(l), Some(c)) => format!("{l}, {c}"),
        (Some(l), None) => l.clone(),
        (None, Some(c)) => c,
        (None, None) => "En ligne".to_owned(),
    };
    let mut event = Event::new();
    event
        .uid(&format!("{}@itineraire", s.id))
        .summary(&a.titre)
        .description(&a.description)
        .location(&lieu)
        .starts(s.debut)
        .ends(s.fin)
        .timestamp(s.updated_at);
    if s.annulee || i.statut == Statut::Annule {
        event.status(EventStatus::Cancelled);
    }
    if let Some(url) = s.lien_visio.as_ref().filter(|_| i.statut == Statut::Inscrit) {
        event.url(url);
    }
    let mut cal = Calendar::new();
    cal.name("Itinéraire").push(event.done());
    Ok(Some(cal.done().to_string()))
}
