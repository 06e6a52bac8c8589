//! The registrants of a session and its roll call (ssr only), for the workshop's organisers.
use super::db::inscription;
use super::model::{Inscrit, Inscrits, Presence, Statut};
use super::seances::load_seance;
use crate::auth::model::Staff;
use crate::dates;
use crate::error::EditError;
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use std::collections::HashMap;

/// The registrants of a session (seat first, then waiting list, then cancelled), for its organisers.
pub async fn inscrits(
    db: &DatabaseConnection,
    staff: &Staff,
    seance_id: &str,
    now: DateTime<Utc>,
) -> Result<Inscrits, EditError> {
    use inscription::Column as I;
    let (s, a) = load_seance(db, staff, seance_id).await?;
    let rows = inscription::Entity::find()
        .filter(I::SeanceId.eq(seance_id))
        .order_by_asc(I::CreatedAt)
        .order_by_asc(I::Id)
        .all(db)
        .await?;
    let order = |st: Statut| match st {
        Statut::Inscrit => 0,
        Statut::Attente => 1,
        Statut::Annule => 2,
    };
    let references: Vec<String> = rows.iter().map(|r| format!("inscription:{}", r.id)).collect();
    let mut sent: HashMap<String, Vec<crate::ui::livraison::Livraison>> = HashMap::new();
    for (reference, d) in crate::outbox::deliveries(db, &references).await? {
        sent.entry(reference).or_default().push((&d).into());
    }
    let mut personnes: Vec<Inscrit> = rows
        .into_iter()
        .map(|r| Inscrit {
            messages: sent.remove(&format!("inscription:{}", r.id)).unwrap_or_default(),
            id: r.id,
            prenom: r.prenom,
            nom: r.nom,
            telephone: r.telephone,
            courriel: r.courriel,
            statut: r.statut,
            presence: r.presence,
        })
        .collect();
    personnes.sort_by_key(|p| order(p.statut));
    Ok(Inscrits {
        staff: staff.clone(),
        seance_id: s.id.clone(),
        atelier_id: a.id,
        titre: a.titre,
        quand: dates::quand(s.debut, s.fin),
        capacite: s.capacite,
        appel_ouvert: s.debut <= now && !s.annulee,
        badges_refus: None,
        annulee: s.annulee,
        personnes,
    })
}

/// Records the roll call: `marks` are (registration id, `present` | `absent`). Only people with
/// a seat of this session are marked; the call opens when the session starts.
pub async fn roll_call(
    db: &DatabaseConnection,
    staff: &Staff,
    seance_id: &str,
    marks: &[(String, String)],
    now: DateTime<Utc>,
) -> Result<usize, EditError> {
    use inscription::Column as I;
    let (s, _) = load_seance(db, staff, seance_id).await?;
    if s.annulee {
        return Err(EditError::Invalid(vec![("appel".into(), "Cette séance est annulée : pas d’appel.".into())]));
    }
    if s.debut > now {
        return Err(EditError::Invalid(vec![("appel".into(), "L’appel s’ouvre au début de la séance.".into())]));
    }
    let Some(marks) = marks.iter().map(|(id, v)| Some((id, Presence::from_code(v)?))).collect::<Option<Vec<_>>>()
    else {
        return Err(EditError::Invalid(vec![("appel".into(), "Choisissez « présent » ou « absent ».".into())]));
    };
    let txn = db.begin().await?;
    let mut marked = 0;
    for (id, value) in marks {
        marked += inscription::Entity::update_many()
            .col_expr(I::Presence, Expr::value(value))
            .col_expr(I::PresenceAt, Expr::value(now))
            .col_expr(I::PresencePar, Expr::value(staff.id.clone()))
            .col_expr(I::UpdatedAt, Expr::value(now))
            .filter(I::Id.eq(id))
            .filter(I::SeanceId.eq(seance_id))
            .filter(I::Statut.eq(Statut::Inscrit))
            .exec(&txn)
            .await?
            .rows_affected as usize;
    }
    txn.commit().await?;
    tracing::info!(seance = %seance_id, account = %staff.id, marked, "roll call");
    Ok(marked)
}
