//! The professional's list of carnets (ssr only): the ones they follow, filtered by name, theme
//! and appointments, a page at a time.
use super::db::{carnet, diagnostic, evenement, membre};
use super::diagnostic::ids;
use super::model::CarnetLigne;
use crate::auth::model::Staff;
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::HashMap;

pub const PAGE_SIZE: u64 = 50;

/// The appointment filters of the list: (code, label).
pub const RDV_FILTERS: [(&str, &str); 3] = [
    ("a_venir", "Avec un rendez-vous à venir"),
    ("sans_recent", "Sans rendez-vous depuis 3 mois, ni à venir"),
    ("aucun", "Jamais eu de rendez-vous"),
];

/// What the list of carnets is filtered by.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Part of the first name or name.
    pub q: String,
    /// A theme whose diagnostic names at least one situation.
    pub theme: String,
    /// One of [`RDV_FILTERS`], or empty.
    pub rdv: String,
}

/// The carnets with an appointment at or after `from`.
fn appointments_from(from: DateTime<Utc>) -> sea_orm::sea_query::SelectStatement {
    let q = evenement::Entity::find()
        .select_only()
        .column(evenement::Column::CarnetId)
        .filter(evenement::Column::Kind.eq("rendez_vous"))
        .filter(evenement::Column::At.gte(from));
    sea_orm::QueryTrait::into_query(q)
}

/// The carnets a professional currently follows, newest change first, filtered.
pub async fn list(
    db: &impl ConnectionTrait,
    staff: &Staff,
    f: &ListFilter,
    page: u64,
    now: DateTime<Utc>,
) -> Result<(Vec<CarnetLigne>, u64), DbErr> {
    let (q, theme_code) = (f.q.as_str(), f.theme.as_str());
    let mine = membre::Entity::find()
        .select_only()
        .column(membre::Column::CarnetId)
        .filter(membre::Column::AccountId.eq(&staff.id))
        .filter(membre::Column::RevokedAt.is_null());
    let mut query =
        carnet::Entity::find().filter(carnet::Column::Id.in_subquery(sea_orm::QueryTrait::into_query(mine)));
    let q = q.trim().to_lowercase();
    if !q.is_empty() {
        use sea_orm::sea_query::ExprTrait;
        let pattern = format!("%{}%", q.replace(['%', '_'], ""));
        query = query.filter(
            Condition::any()
                .add(Expr::expr(sea_orm::sea_query::Func::lower(Expr::col(carnet::Column::Nom))).like(pattern.clone()))
                .add(Expr::expr(sea_orm::sea_query::Func::lower(Expr::col(carnet::Column::Prenom))).like(pattern)),
        );
    }
    if !theme_code.is_empty() {
        let with_theme = diagnostic::Entity::find()
            .select_only()
            .column(diagnostic::Column::CarnetId)
            .filter(diagnostic::Column::ThemeCode.eq(theme_code))
            .filter(diagnostic::Column::Situations.ne("[]"));
        query = query.filter(carnet::Column::Id.in_subquery(sea_orm::QueryTrait::into_query(with_theme)));
    }
    query = match f.rdv.as_str() {
        "a_venir" => query.filter(carnet::Column::Id.in_subquery(appointments_from(now))),
        "sans_recent" => {
            query.filter(carnet::Column::Id.not_in_subquery(appointments_from(now - chrono::Duration::days(91))))
        }
        "aucun" => query.filter(carnet::Column::Id.not_in_subquery(appointments_from(DateTime::<Utc>::UNIX_EPOCH))),
        _ => query,
    };
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(carnet::Column::UpdatedAt)
        .order_by_asc(carnet::Column::Id)
        .offset(page.saturating_sub(1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(db)
        .await?;
    let ids: Vec<String> = rows.iter().map(|c| c.id.clone()).collect();
    let labels: HashMap<String, String> = crate::referentiel::service::theme_labels(db).await?;
    let mut themes: HashMap<String, Vec<String>> = HashMap::new();
    for d in diagnostic::Entity::find().filter(diagnostic::Column::CarnetId.is_in(ids.clone())).all(db).await? {
        if !ids_empty(&d.situations) {
            themes.entry(d.carnet_id).or_default().push(labels.get(&d.theme_code).cloned().unwrap_or(d.theme_code));
        }
    }
    let referents: HashMap<String, String> = {
        let rows = membre::Entity::find()
            .filter(membre::Column::CarnetId.is_in(ids.clone()))
            .filter(membre::Column::ReferentUnique.eq(true))
            .filter(membre::Column::RevokedAt.is_null())
            .all(db)
            .await?;
        let names = crate::auth::annuaire::by_ids(db, rows.iter().map(|m| m.account_id.clone()).collect()).await?;
        rows.into_iter().filter_map(|m| names.get(&m.account_id).map(|a| (m.carnet_id, a.nom.clone()))).collect()
    };
    // Last appointment held and next one planned, for the rows shown.
    /// Whether a date replaces the one kept (later for the last one, earlier for the next).
    type Later = fn(&DateTime<Utc>, &DateTime<Utc>) -> bool;
    let mut dernier: HashMap<String, DateTime<Utc>> = HashMap::new();
    let mut prochain: HashMap<String, DateTime<Utc>> = HashMap::new();
    let rdvs = evenement::Entity::find()
        .filter(evenement::Column::CarnetId.is_in(ids.clone()))
        .filter(evenement::Column::Kind.eq("rendez_vous"))
        .all(db)
        .await?;
    for e in rdvs {
        let (map, better): (_, Later) =
            if e.at <= now { (&mut dernier, |new, old| new > old) } else { (&mut prochain, |new, old| new < old) };
        match map.get(&e.carnet_id) {
            Some(old) if !better(&e.at, old) => {}
            _ => {
                map.insert(e.carnet_id, e.at);
            }
        }
    }
    Ok((
        rows.into_iter()
            .map(|c| CarnetLigne {
                dernier_rdv: dernier.get(&c.id).map(|d| crate::dates::jour(*d)),
                prochain_rdv: prochain.get(&c.id).map(|d| crate::dates::jour(*d)),
                nom: format!("{} {}", c.prenom, c.nom),
                date_naissance: c.date_naissance.format("%d/%m/%Y").to_string(),
                referent_unique: referents.get(&c.id).cloned(),
                themes_a_traiter: themes.remove(&c.id).unwrap_or_default(),
                mis_a_jour: crate::dates::jour(c.updated_at),
                id: c.id,
            })
            .collect(),
        total,
    ))
}

fn ids_empty(json: &str) -> bool {
    ids(json).is_empty()
}
