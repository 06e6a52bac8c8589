//! A carnet's identity (ssr only): opening a carnet for a person, editing who she is and how to
//! reach her (the old contacts told), and erasing it after a long silence.
use super::acces::{history, membership, Author};
use super::db::{carnet, diagnostic, evenement, historique, lecture};
use super::membres::add_member_row;
use crate::auth::model::{Role, Staff};
use crate::error::{EditError, FieldErrors};
use crate::ui::form::given;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    sea_query::Expr, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use serde_json::json;

type Problems = Vec<(String, String)>;

pub const IDENTITE_FIELDS: [&str; 7] =
    ["prenom", "nom", "date_naissance", "numero_caf", "telephone", "courriel", "adresse"];

/// A carnet's identity, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identite {
    pub prenom: String,
    pub nom: String,
    pub date_naissance: NaiveDate,
    pub numero_caf: Option<String>,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
    pub adresse: Option<String>,
}

/// The identity form as posted (a professional's; the person's contact form fills the three
/// contact fields of it, see `personne::update_contact`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct IdentiteForm {
    pub prenom: String,
    pub nom: String,
    /// `AAAA-MM-JJ`, as `<input type="date">` sends it.
    pub date_naissance: String,
    pub numero_caf: String,
    pub telephone: String,
    pub courriel: String,
    pub adresse: String,
}

impl IdentiteForm {
    /// The form as a stored carnet's identity fills it.
    pub fn of(c: &carnet::Model) -> Self {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        IdentiteForm {
            prenom: c.prenom.clone(),
            nom: c.nom.clone(),
            date_naissance: c.date_naissance.format("%Y-%m-%d").to_string(),
            numero_caf: opt(&c.numero_caf),
            telephone: opt(&c.telephone),
            courriel: opt(&c.courriel),
            adresse: opt(&c.adresse),
        }
    }
}

/// An optional text of at most `max` characters (trimmed), `required` naming it when empty.
fn text(errors: &mut FieldErrors, k: &str, v: &str, max: usize, required: Option<&str>) -> Option<String> {
    let v = v.trim();
    match (v.chars().count(), required) {
        (0, Some(m)) => errors.add(k, m),
        (n, _) if n > max => errors.add(k, format!("Ce champ doit faire au plus {max} caractères.")),
        _ => {}
    }
    given(v)
}

/// Checks an identity form into the identity to write, or its fields in error.
pub fn validate_identite(f: &IdentiteForm, today: NaiveDate) -> Result<Identite, Problems> {
    let mut errors = FieldErrors::new();
    let prenom = text(&mut errors, "prenom", &f.prenom, 100, Some("Indiquez le prénom."));
    let nom = text(&mut errors, "nom", &f.nom, 100, Some("Indiquez le nom."));
    let raw = f.date_naissance.trim();
    let date_naissance = match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) if d <= today && d >= NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(d) => Some(d),
        Ok(_) => {
            errors.add("date_naissance", "Cette date de naissance n’est pas possible.");
            None
        }
        Err(_) if raw.is_empty() => {
            errors.add("date_naissance", "Indiquez la date de naissance.");
            None
        }
        Err(_) => {
            errors.add("date_naissance", "Indiquez la date de naissance sous la forme 31/12/1980.");
            None
        }
    };
    let numero_caf = text(&mut errors, "numero_caf", &f.numero_caf, 20, None);
    if numero_caf.as_ref().is_some_and(|n| !(n.chars().all(|c| c.is_ascii_digit()) && (5..=10).contains(&n.len()))) {
        errors.add("numero_caf", "Le numéro d’allocataire CAF s’écrit avec 5 à 10 chiffres.");
    }
    let telephone =
        text(&mut errors, "telephone", &f.telephone, 30, None).map(|t| crate::validation::french_phone(&t).ok_or(t));
    let telephone = match telephone {
        Some(Ok(t)) => Some(t),
        Some(Err(_)) => {
            errors.add("telephone", "Ce numéro de téléphone n’est pas valide. Exemple : 06 12 34 56 78.");
            None
        }
        None => None,
    };
    let courriel = text(&mut errors, "courriel", &f.courriel, 320, None).map(|c| c.to_lowercase());
    if courriel.as_ref().is_some_and(|c| !crate::validation::is_email(c)) {
        errors.add("courriel", "Cette adresse e-mail n’est pas valide. Exemple : prenom.nom@exemple.fr.");
    }
    let adresse = text(&mut errors, "adresse", &f.adresse, 300, None);
    match (prenom, nom, date_naissance) {
        (Some(prenom), Some(nom), Some(date_naissance)) if errors.is_empty() => {
            Ok(Identite { prenom, nom, date_naissance, numero_caf, telephone, courriel, adresse })
        }
        _ => Err(errors.0),
    }
}

/// The form values of a stored carnet's identity (`version` included).
pub fn identite_values(c: &carnet::Model) -> Vec<(String, String)> {
    let mut v = vec![
        ("prenom".to_owned(), c.prenom.clone()),
        ("nom".to_owned(), c.nom.clone()),
        ("date_naissance".to_owned(), c.date_naissance.format("%Y-%m-%d").to_string()),
        ("version".to_owned(), c.version.to_string()),
    ];
    let optional = [
        ("numero_caf", &c.numero_caf),
        ("telephone", &c.telephone),
        ("courriel", &c.courriel),
        ("adresse", &c.adresse),
    ];
    v.extend(optional.into_iter().filter_map(|(k, x)| x.clone().map(|x| (k.to_owned(), x))));
    v
}

fn identite_json(values: &[(String, String)]) -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> =
        values.iter().filter(|(k, _)| k != "version").map(|(k, v)| (k.clone(), json!(v))).collect();
    serde_json::Value::Object(map)
}

/// Opens a carnet for a person: the professional who creates it follows them (as référent unique
/// when they are a référent).
pub async fn create(
    db: &DatabaseConnection,
    staff: &Staff,
    c: Identite,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    if staff.structure_id.is_none() {
        return Err(EditError::NoStructure);
    }
    let id = uuid::Uuid::new_v4().to_string();
    let txn = db.begin().await?;
    carnet::Entity::insert(carnet::ActiveModel {
        id: Set(id.clone()),
        prenom: Set(c.prenom),
        nom: Set(c.nom),
        date_naissance: Set(c.date_naissance),
        numero_caf: Set(c.numero_caf),
        telephone: Set(c.telephone),
        courriel: Set(c.courriel),
        adresse: Set(c.adresse),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        nouvelles_le: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    add_member_row(&txn, &id, &staff.id, staff.role == Role::Referent, &staff.id, now).await?;
    let stored = carnet::Entity::find_by_id(id.clone()).one(&txn).await?.ok_or(EditError::NotFound)?;
    history(&txn, &id, staff, "identite", None, Some(identite_json(&identite_values(&stored))), now).await?;
    txn.commit().await?;
    tracing::info!(carnet = %id, account = %staff.id, "carnet created");
    Ok(id)
}

/// Saves the identity edited from `version` (a member's edit).
pub async fn update_identite(
    db: &DatabaseConnection,
    staff: &Staff,
    id: &str,
    version: i32,
    c: Identite,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    membership(db, staff, id).await?;
    write_identite(db, &Author::from(staff), id, version, c, now).await
}

/// Writes the identity edited from `version`, with its history line (authorisation done).
pub(super) async fn write_identite(
    db: &DatabaseConnection,
    who: &Author,
    id: &str,
    version: i32,
    c: Identite,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    // Read before the transaction: on SQLite a transaction that reads, then writes after another
    // writer committed, fails at once. Each write bumps the version, so the values read at
    // `version` are exactly those the update below replaces (when it does).
    let old = carnet::Entity::find_by_id(id.to_owned()).one(db).await?.filter(|o| o.version == version);
    let txn = db.begin().await?;
    let res = carnet::Entity::update_many()
        .col_expr(carnet::Column::Prenom, Expr::value(c.prenom))
        .col_expr(carnet::Column::Nom, Expr::value(c.nom))
        .col_expr(carnet::Column::DateNaissance, Expr::value(c.date_naissance))
        .col_expr(carnet::Column::NumeroCaf, Expr::value(c.numero_caf))
        .col_expr(carnet::Column::Telephone, Expr::value(c.telephone))
        .col_expr(carnet::Column::Courriel, Expr::value(c.courriel))
        .col_expr(carnet::Column::Adresse, Expr::value(c.adresse))
        .col_expr(carnet::Column::Version, Expr::value(version + 1))
        .col_expr(carnet::Column::UpdatedAt, Expr::value(now))
        .filter(carnet::Column::Id.eq(id))
        .filter(carnet::Column::Version.eq(version))
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        txn.rollback().await?;
        let stored = carnet::Entity::find_by_id(id.to_owned()).one(db).await?.ok_or(EditError::NotFound)?;
        return Err(EditError::Conflict { stored: identite_values(&stored), version: stored.version });
    }
    let after = carnet::Entity::find_by_id(id.to_owned()).one(&txn).await?.ok_or(EditError::NotFound)?;
    let before = history_before(&txn, id, "identite").await?;
    history(&txn, id, who.clone(), "identite", before, Some(identite_json(&identite_values(&after))), now).await?;
    if let Some(old) = old {
        tell_old_contacts(&txn, &old, &after, now).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// When the carnet's phone or e-mail changes, the former one hears of it (without the new one):
/// someone who took over the carnet's contact to receive its codes does not go unnoticed.
async fn tell_old_contacts(
    txn: &impl ConnectionTrait,
    old: &carnet::Model,
    new: &carnet::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    use crate::outbox::{self, Message};
    for (was, is) in [(&old.telephone, &new.telephone), (&old.courriel, &new.courriel)] {
        let Some(was) = was.as_deref().filter(|w| Some(*w) != is.as_deref()) else { continue };
        let Some((canal, to)) = outbox::channel_of(was) else { continue };
        let corps = "Itinéraire : le téléphone ou l’adresse e-mail de votre carnet vient d’être changé. \
                     Si ce n’est pas vous, appelez votre référent.";
        let m = Message::new("contact_change", canal, to, "Le contact de votre carnet a changé".into(), corps.into())
            .about(format!("carnet:{}", old.id));
        outbox::enqueue(txn, m, now).await?;
    }
    Ok(())
}

/// The last "after" of an item in the history: its "before" for the change being written
/// (call it before writing that change's line).
pub(super) async fn history_before(
    db: &impl ConnectionTrait,
    carnet_id: &str,
    objet: &str,
) -> Result<Option<serde_json::Value>, DbErr> {
    Ok(historique::Entity::find()
        .filter(historique::Column::CarnetId.eq(carnet_id))
        .filter(historique::Column::Objet.eq(objet))
        .order_by_desc(historique::Column::Id)
        .one(db)
        .await?
        .and_then(|h| h.apres)
        .and_then(|a| serde_json::from_str(&a).ok()))
}

/// Retention: a carnet nobody has changed for `months` months (no edit of its identity, plan,
/// timeline or diagnostic) is anonymised: names, birth day (its year stays), contacts, address,
/// every free text (comments, objectives' and actions' wording, notes), its history and its read
/// log go; its themes, statuses and dates stay for the statistics. Returns how many carnets.
pub async fn anonymise_inactive(db: &DatabaseConnection, now: DateTime<Utc>, months: u32) -> Result<u64, DbErr> {
    use super::db::{action, objectif};
    use chrono::Datelike;
    let before = now - chrono::Duration::days(i64::from(months) * 30);
    let stale: Vec<carnet::Model> = carnet::Entity::find()
        .filter(carnet::Column::UpdatedAt.lt(before))
        .filter(carnet::Column::Nom.ne(""))
        .limit(500)
        .all(db)
        .await?;
    let mut done = 0;
    for c in stale {
        let txn = db.begin().await?;
        let year_only = chrono::NaiveDate::from_ymd_opt(c.date_naissance.year(), 1, 1).unwrap_or(c.date_naissance);
        let changed = carnet::Entity::update_many()
            .col_expr(carnet::Column::Prenom, Expr::value(""))
            .col_expr(carnet::Column::Nom, Expr::value(""))
            .col_expr(carnet::Column::DateNaissance, Expr::value(year_only))
            .col_expr(carnet::Column::NumeroCaf, Expr::value(Option::<String>::None))
            .col_expr(carnet::Column::Telephone, Expr::value(Option::<String>::None))
            .col_expr(carnet::Column::Courriel, Expr::value(Option::<String>::None))
            .col_expr(carnet::Column::Adresse, Expr::value(Option::<String>::None))
            .filter(carnet::Column::Id.eq(&c.id))
            .filter(carnet::Column::UpdatedAt.lt(before))
            .exec(&txn)
            .await?;
        if changed.rows_affected == 0 {
            txn.rollback().await?;
            continue;
        }
        diagnostic::Entity::update_many()
            .col_expr(diagnostic::Column::Commentaire, Expr::value(Option::<String>::None))
            .col_expr(diagnostic::Column::CommentairePersonne, Expr::value(Option::<String>::None))
            .filter(diagnostic::Column::CarnetId.eq(&c.id))
            .exec(&txn)
            .await?;
        objectif::Entity::update_many()
            .col_expr(objectif::Column::Libelle, Expr::value(""))
            .filter(objectif::Column::CarnetId.eq(&c.id))
            .exec(&txn)
            .await?;
        action::Entity::update_many()
            .col_expr(action::Column::Libelle, Expr::value(""))
            .filter(action::Column::CarnetId.eq(&c.id))
            .exec(&txn)
            .await?;
        evenement::Entity::update_many()
            .col_expr(evenement::Column::Texte, Expr::value(""))
            .col_expr(evenement::Column::Lieu, Expr::value(Option::<String>::None))
            .filter(evenement::Column::CarnetId.eq(&c.id))
            .exec(&txn)
            .await?;
        historique::Entity::delete_many().filter(historique::Column::CarnetId.eq(&c.id)).exec(&txn).await?;
        lecture::Entity::delete_many().filter(lecture::Column::CarnetId.eq(&c.id)).exec(&txn).await?;
        txn.commit().await?;
        done += 1;
    }
    if done > 0 {
        tracing::info!(carnets = done, "inactive carnets anonymised");
    }
    Ok(done)
}
