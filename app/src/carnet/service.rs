//! The carnet's rules (ssr only). Every function takes the signed-in professional and checks,
//! on the server, that they are a current member of the carnet (or may manage its members);
//! every edit is conditional on the version the person started from and leaves a history line.
use super::db::{carnet, diagnostic, evenement, historique, lecture, membre};
use super::model::{CarnetLigne, Changement, Lecture, Membre, ThemeDiagnostic};
use crate::auth::db::account;
use crate::auth::model::{Role, Staff};
use crate::error::EditError;
use crate::referentiel::db::{situation, theme};
use crate::ui::form::{field, field_all};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    sea_query::Expr, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, SqlErr, TransactionTrait,
};
use serde_json::json;
use std::collections::{BTreeSet, HashMap};

type Problems = Vec<(String, String)>;

pub const IDENTITE_FIELDS: [&str; 7] =
    ["prenom", "nom", "date_naissance", "numero_caf", "telephone", "courriel", "adresse"];
pub const DIAGNOSTIC_FIELDS: [&str; 2] = ["situations", "commentaire"];
pub const PAGE_SIZE: u64 = 50;
pub const CONFLICT_MESSAGE: &str = "Quelqu’un a modifié ceci pendant que vous le modifiiez. Vos changements ne sont pas encore \
    enregistrés. Sous chaque champ concerné, vous voyez la valeur enregistrée par l’autre personne. Vérifiez, puis enregistrez à nouveau.";

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

fn text(
    errors: &mut Problems,
    fields: &[(String, String)],
    k: &str,
    max: usize,
    required: Option<&str>,
) -> Option<String> {
    let v = field(fields, k);
    match (v.chars().count(), required) {
        (0, Some(m)) => errors.push((k.into(), m.into())),
        (n, _) if n > max => errors.push((k.into(), format!("Ce champ doit faire au plus {max} caractères."))),
        _ => {}
    }
    Some(v).filter(|v| !v.is_empty())
}

pub fn validate_identite(fields: &[(String, String)], today: NaiveDate) -> Result<Identite, Problems> {
    let mut errors = Problems::new();
    let prenom = text(&mut errors, fields, "prenom", 100, Some("Indiquez le prénom."));
    let nom = text(&mut errors, fields, "nom", 100, Some("Indiquez le nom."));
    let raw = field(fields, "date_naissance");
    let date_naissance = match NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
        Ok(d) if d <= today && d >= NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(d) => Some(d),
        Ok(_) => {
            errors.push(("date_naissance".into(), "Cette date de naissance n’est pas possible.".into()));
            None
        }
        Err(_) if raw.is_empty() => {
            errors.push(("date_naissance".into(), "Indiquez la date de naissance.".into()));
            None
        }
        Err(_) => {
            errors.push(("date_naissance".into(), "Indiquez la date de naissance sous la forme 31/12/1980.".into()));
            None
        }
    };
    let numero_caf = text(&mut errors, fields, "numero_caf", 20, None);
    if numero_caf.as_ref().is_some_and(|n| !(n.chars().all(|c| c.is_ascii_digit()) && (5..=10).contains(&n.len()))) {
        errors.push(("numero_caf".into(), "Le numéro d’allocataire CAF s’écrit avec 5 à 10 chiffres.".into()));
    }
    let telephone =
        text(&mut errors, fields, "telephone", 30, None).map(|t| crate::validation::french_phone(&t).ok_or(t));
    let telephone = match telephone {
        Some(Ok(t)) => Some(t),
        Some(Err(_)) => {
            errors.push((
                "telephone".into(),
                "Ce numéro de téléphone n’est pas valide. Exemple : 06 12 34 56 78.".into(),
            ));
            None
        }
        None => None,
    };
    let courriel = text(&mut errors, fields, "courriel", 320, None).map(|c| c.to_lowercase());
    if courriel.as_ref().is_some_and(|c| !crate::validation::is_email(c)) {
        errors.push((
            "courriel".into(),
            "Cette adresse e-mail n’est pas valide. Exemple : prenom.nom@exemple.fr.".into(),
        ));
    }
    let adresse = text(&mut errors, fields, "adresse", 300, None);
    match (prenom, nom, date_naissance) {
        (Some(prenom), Some(nom), Some(date_naissance)) if errors.is_empty() => {
            Ok(Identite { prenom, nom, date_naissance, numero_caf, telephone, courriel, adresse })
        }
        _ => Err(errors),
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

/// Who made a change, as the history shows it: a professional (with their structure) or the
/// person themself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub id: String,
    pub nom: String,
}

impl From<&Staff> for Author {
    fn from(staff: &Staff) -> Self {
        let nom = match &staff.structure_nom {
            Some(s) => format!("{} ({s})", staff.nom),
            None => staff.nom.clone(),
        };
        Author { id: staff.id.clone(), nom }
    }
}

pub(super) async fn history(
    db: &impl ConnectionTrait,
    carnet_id: &str,
    who: impl Into<Author>,
    objet: &str,
    avant: Option<serde_json::Value>,
    apres: Option<serde_json::Value>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let who = who.into();
    historique::Entity::insert(historique::ActiveModel {
        id: Set(uuid::Uuid::now_v7().to_string()),
        carnet_id: Set(carnet_id.to_owned()),
        at: Set(now),
        auteur_id: Set(who.id),
        auteur_nom: Set(who.nom),
        objet: Set(objet.to_owned()),
        avant: Set(avant.map(|v| v.to_string())),
        apres: Set(apres.map(|v| v.to_string())),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

fn identite_json(values: &[(String, String)]) -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> =
        values.iter().filter(|(k, _)| k != "version").map(|(k, v)| (k.clone(), json!(v))).collect();
    serde_json::Value::Object(map)
}

/// The professional's current membership of a carnet: `NotFound` when there is no such carnet,
/// `Forbidden` when they are not (or no longer) a member.
pub async fn membership(db: &impl ConnectionTrait, staff: &Staff, carnet_id: &str) -> Result<membre::Model, EditError> {
    if uuid::Uuid::parse_str(carnet_id).is_err()
        || carnet::Entity::find_by_id(carnet_id.to_owned()).one(db).await?.is_none()
    {
        return Err(EditError::NotFound);
    }
    membre::Entity::find()
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::AccountId.eq(&staff.id))
        .filter(membre::Column::RevokedAt.is_null())
        .one(db)
        .await?
        .ok_or(EditError::Forbidden)
}

/// Whether a member may add and remove members: orientation managers, structure admins, and the
/// référent unique.
pub fn manages_members(staff: &Staff, m: &membre::Model) -> bool {
    m.referent_unique || matches!(staff.role, Role::ChargeOrientation | Role::AdminStructure | Role::Admin)
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

async fn add_member_row(
    db: &impl ConnectionTrait,
    carnet_id: &str,
    account_id: &str,
    referent_unique: bool,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    membre::Entity::insert(membre::ActiveModel {
        id: Set(uuid::Uuid::new_v4().to_string()),
        carnet_id: Set(carnet_id.to_owned()),
        account_id: Set(account_id.to_owned()),
        referent_unique: Set(referent_unique),
        granted_at: Set(now),
        granted_by: Set(by.to_owned()),
        revoked_at: Set(None),
        revoked_by: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
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
async fn history_before(
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

/// A theme's diagnostic form, checked against the référentiel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosticContent {
    pub situations: BTreeSet<i32>,
    pub commentaire: Option<String>,
}

pub async fn validate_diagnostic(
    db: &impl ConnectionTrait,
    theme_code: &str,
    fields: &[(String, String)],
) -> Result<Result<DiagnosticContent, Problems>, DbErr> {
    let mut errors = Problems::new();
    if theme::Entity::find_by_id(theme_code.to_owned()).one(db).await?.is_none() {
        return Ok(Err(vec![("situations".into(), "Ce thème n’existe pas dans le référentiel.".into())]));
    }
    let known: BTreeSet<i32> = situation::Entity::find()
        .filter(situation::Column::ThemeCode.eq(theme_code))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let mut situations = BTreeSet::new();
    for s in field_all(fields, "situations") {
        match s.parse::<i32>() {
            Ok(n) if known.contains(&n) => {
                situations.insert(n);
            }
            _ => {
                errors.push((
                    "situations".into(),
                    "Une des situations choisies n’existe pas pour ce thème. Choisissez dans la liste.".into(),
                ));
                break;
            }
        }
    }
    let commentaire = text(&mut errors, fields, "commentaire", 4000, None);
    Ok(if errors.is_empty() { Ok(DiagnosticContent { situations, commentaire }) } else { Err(errors) })
}

fn diagnostic_values(d: Option<&diagnostic::Model>, theme_code: &str) -> Vec<(String, String)> {
    let mut v = vec![
        ("theme".to_owned(), theme_code.to_owned()),
        ("version".to_owned(), d.map_or(0, |d| d.version).to_string()),
    ];
    if let Some(d) = d {
        v.extend(ids(&d.situations).into_iter().map(|s| ("situations".to_owned(), s.to_string())));
        if let Some(c) = &d.commentaire {
            v.push(("commentaire".into(), c.clone()));
        }
        if let Some(c) = &d.commentaire_personne {
            v.push(("commentaire_personne".into(), c.clone()));
        }
    }
    v
}

fn ids(json: &str) -> Vec<i32> {
    serde_json::from_str(json).unwrap_or_default()
}

async fn diagnostic_row(
    db: &impl ConnectionTrait,
    carnet_id: &str,
    theme_code: &str,
) -> Result<Option<diagnostic::Model>, DbErr> {
    diagnostic::Entity::find()
        .filter(diagnostic::Column::CarnetId.eq(carnet_id))
        .filter(diagnostic::Column::ThemeCode.eq(theme_code))
        .one(db)
        .await
}

/// Saves one theme's diagnostic edited from `version` (0: the theme was never filled in).
pub async fn update_diagnostic(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    theme_code: &str,
    version: i32,
    c: DiagnosticContent,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    membership(db, staff, carnet_id).await?;
    write_theme(db, &Author::from(staff), carnet_id, theme_code, version, ThemeChange::Diagnostic(c), now).await
}

/// The person's own words on a theme (authorisation done by the caller).
pub(super) async fn write_commentaire_personne(
    db: &DatabaseConnection,
    who: &Author,
    carnet_id: &str,
    theme_code: &str,
    version: i32,
    text: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if theme::Entity::find_by_id(theme_code.to_owned()).one(db).await?.is_none() {
        return Err(EditError::NotFound);
    }
    write_theme(db, who, carnet_id, theme_code, version, ThemeChange::Personne(text), now).await
}

/// What changes in a theme's row: the professionals' part or the person's.
enum ThemeChange {
    Diagnostic(DiagnosticContent),
    Personne(Option<String>),
}

/// Writes a theme's row from `version` (0: creates it), with its history line; a stale version
/// or a row created meanwhile is a conflict carrying the stored values.
async fn write_theme(
    db: &DatabaseConnection,
    who: &Author,
    carnet_id: &str,
    theme_code: &str,
    version: i32,
    change: ThemeChange,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let objet = format!("diagnostic:{theme_code}");
    let txn = db.begin().await?;
    let written = if version == 0 {
        let mut row = diagnostic::ActiveModel {
            id: Set(uuid::Uuid::new_v4().to_string()),
            carnet_id: Set(carnet_id.to_owned()),
            theme_code: Set(theme_code.to_owned()),
            situations: Set("[]".into()),
            commentaire: Set(None),
            commentaire_personne: Set(None),
            version: Set(1),
            updated_at: Set(now),
        };
        match change {
            ThemeChange::Diagnostic(c) => {
                row.situations = Set(json!(c.situations.iter().collect::<Vec<_>>()).to_string());
                row.commentaire = Set(c.commentaire);
            }
            ThemeChange::Personne(t) => row.commentaire_personne = Set(t),
        }
        match diagnostic::Entity::insert(row).exec_without_returning(&txn).await {
            Ok(_) => true,
            Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => false,
            Err(e) => return Err(e.into()),
        }
    } else {
        let mut update = diagnostic::Entity::update_many()
            .col_expr(diagnostic::Column::Version, Expr::value(version + 1))
            .col_expr(diagnostic::Column::UpdatedAt, Expr::value(now));
        update = match change {
            ThemeChange::Diagnostic(c) => update
                .col_expr(
                    diagnostic::Column::Situations,
                    Expr::value(json!(c.situations.iter().collect::<Vec<_>>()).to_string()),
                )
                .col_expr(diagnostic::Column::Commentaire, Expr::value(c.commentaire)),
            ThemeChange::Personne(t) => update.col_expr(diagnostic::Column::CommentairePersonne, Expr::value(t)),
        };
        update
            .filter(diagnostic::Column::CarnetId.eq(carnet_id))
            .filter(diagnostic::Column::ThemeCode.eq(theme_code))
            .filter(diagnostic::Column::Version.eq(version))
            .exec(&txn)
            .await?
            .rows_affected
            == 1
    };
    if !written {
        txn.rollback().await?;
        let stored = diagnostic_row(db, carnet_id, theme_code).await?;
        return Err(EditError::Conflict {
            stored: diagnostic_values(stored.as_ref(), theme_code),
            version: stored.map_or(0, |d| d.version),
        });
    }
    let after = diagnostic_row(&txn, carnet_id, theme_code).await?;
    let labels = situation_labels(&txn).await?;
    let apres = after.map(|d| diagnostic_json(&d, &labels));
    let avant = history_before(&txn, carnet_id, &objet).await?;
    history(&txn, carnet_id, who.clone(), &objet, avant, apres, now).await?;
    carnet::Entity::update_many()
        .col_expr(carnet::Column::UpdatedAt, Expr::value(now))
        .filter(carnet::Column::Id.eq(carnet_id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Situation ids (as form values) → their labels.
pub async fn situation_names(db: &impl ConnectionTrait) -> Result<HashMap<String, String>, DbErr> {
    Ok(situation_labels(db).await?.into_iter().map(|(id, l)| (id.to_string(), l)).collect())
}

async fn situation_labels(db: &impl ConnectionTrait) -> Result<HashMap<i32, String>, DbErr> {
    Ok(situation::Entity::find().all(db).await?.into_iter().map(|s| (s.id, s.label)).collect())
}

fn diagnostic_json(d: &diagnostic::Model, labels: &HashMap<i32, String>) -> serde_json::Value {
    let names: Vec<String> = ids(&d.situations).iter().filter_map(|i| labels.get(i).cloned()).collect();
    json!({
        "situations": names.join(" ; "),
        "commentaire": d.commentaire.clone().unwrap_or_default(),
        "commentaire de la personne": d.commentaire_personne.clone().unwrap_or_default(),
    })
}

/// Gives a professional access to a carnet (by a member who manages members).
pub async fn add_member(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    account_id: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let m = membership(db, staff, carnet_id).await?;
    if !manages_members(staff, &m) {
        return Err(EditError::Forbidden);
    }
    let Some(a) = account::Entity::find_by_id(account_id.to_owned()).one(db).await?.filter(|a| !a.disabled) else {
        return Err(EditError::Invalid(vec![("compte".into(), "Choisissez un professionnel dans la liste.".into())]));
    };
    let already = membre::Entity::find()
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::AccountId.eq(&a.id))
        .filter(membre::Column::RevokedAt.is_null())
        .count(db)
        .await?;
    if already > 0 {
        return Err(EditError::Invalid(vec![("compte".into(), "Cette personne suit déjà ce carnet.".into())]));
    }
    let txn = db.begin().await?;
    add_member_row(&txn, carnet_id, &a.id, false, &staff.id, now).await?;
    history(&txn, carnet_id, staff, "membres", None, Some(json!({"ajout": a.nom})), now).await?;
    txn.commit().await?;
    tracing::info!(carnet = %carnet_id, account = %staff.id, member = %a.id, "carnet access granted");
    Ok(())
}

/// Withdraws a professional's access (their reads stay in the log, their changes in the history).
pub async fn revoke_member(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    membre_id: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let m = membership(db, staff, carnet_id).await?;
    if !manages_members(staff, &m) && m.id != membre_id {
        return Err(EditError::Forbidden);
    }
    let Some(target) = membre::Entity::find_by_id(membre_id.to_owned())
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Err(EditError::NotFound);
    };
    let nom = account::Entity::find_by_id(target.account_id.clone()).one(db).await?.map(|a| a.nom).unwrap_or_default();
    let txn = db.begin().await?;
    membre::Entity::update_many()
        .col_expr(membre::Column::RevokedAt, Expr::value(now))
        .col_expr(membre::Column::RevokedBy, Expr::value(staff.id.clone()))
        .col_expr(membre::Column::ReferentUnique, Expr::value(false))
        .filter(membre::Column::Id.eq(membre_id))
        .filter(membre::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    history(&txn, carnet_id, staff, "membres", Some(json!({"retrait": nom})), None, now).await?;
    txn.commit().await?;
    tracing::info!(carnet = %carnet_id, account = %staff.id, member = %target.account_id, "carnet access withdrawn");
    Ok(())
}

/// Makes a current member the person's référent unique (the previous one stays a member).
pub async fn set_referent_unique(
    db: &DatabaseConnection,
    staff: &Staff,
    carnet_id: &str,
    membre_id: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let m = membership(db, staff, carnet_id).await?;
    if !manages_members(staff, &m) {
        return Err(EditError::Forbidden);
    }
    let txn = db.begin().await?;
    let set = membre::Entity::update_many()
        .col_expr(membre::Column::ReferentUnique, Expr::value(true))
        .filter(membre::Column::Id.eq(membre_id))
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if set.rows_affected == 0 {
        txn.rollback().await?;
        return Err(EditError::NotFound);
    }
    membre::Entity::update_many()
        .col_expr(membre::Column::ReferentUnique, Expr::value(false))
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::Id.ne(membre_id))
        .exec(&txn)
        .await?;
    history(&txn, carnet_id, staff, "membres", None, Some(json!({"référent unique": membre_id})), now).await?;
    txn.commit().await?;
    Ok(())
}

/// A member's read of a carnet, written to the access log the person sees.
pub async fn read(
    db: &impl ConnectionTrait,
    staff: &Staff,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(membre::Model, carnet::Model), EditError> {
    let m = membership(db, staff, id).await?;
    let c = carnet::Entity::find_by_id(id.to_owned()).one(db).await?.ok_or(EditError::NotFound)?;
    lecture::Entity::insert(lecture::ActiveModel {
        id: Set(uuid::Uuid::now_v7().to_string()),
        carnet_id: Set(id.to_owned()),
        account_id: Set(staff.id.clone()),
        auteur_nom: Set(staff.nom.clone()),
        structure_nom: Set(staff.structure_nom.clone()),
        at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok((m, c))
}

/// One theme's diagnostic (for its form), after a logged read.
pub async fn theme_diagnostic(
    db: &impl ConnectionTrait,
    staff: &Staff,
    id: &str,
    theme_code: &str,
    now: DateTime<Utc>,
) -> Result<(carnet::Model, ThemeDiagnostic), EditError> {
    let (_, c) = read(db, staff, id, now).await?;
    let t = diagnostic_view(db, id).await?.into_iter().find(|t| t.code == theme_code).ok_or(EditError::NotFound)?;
    Ok((c, t))
}

/// Reads a carnet: the read is logged for the person. Returns the stored carnet and everything
/// the page shows.
pub async fn open(
    db: &DatabaseConnection,
    staff: &Staff,
    id: &str,
    now: DateTime<Utc>,
) -> Result<super::model::CarnetVue, EditError> {
    let (m, c) = read(db, staff, id, now).await?;
    let gere_membres = manages_members(staff, &m);
    let membres = members(db, id).await?;
    let comptes = if gere_membres { addable(db, &membres).await? } else { vec![] };
    Ok(super::model::CarnetVue {
        staff: staff.clone(),
        id: c.id.clone(),
        nom: format!("{} {}", c.prenom, c.nom),
        identite: identite_values(&c),
        membres,
        diagnostic: diagnostic_view(db, id).await?,
        lectures: reads(db, id).await?,
        historique: changes(db, id).await?,
        evenements: super::timeline::of(db, id, now).await?,
        messages: crate::outbox::deliveries(db, &[format!("carnet:{id}")])
            .await?
            .iter()
            .take(20)
            .map(|(_, d)| d.into())
            .collect(),
        gere_membres,
        comptes,
    })
}

async fn structure_names(db: &impl ConnectionTrait) -> Result<HashMap<String, String>, DbErr> {
    use crate::catalogue::db::structure;
    Ok(structure::Entity::find().all(db).await?.into_iter().map(|s| (s.id, s.nom)).collect())
}

pub(super) async fn members(db: &impl ConnectionTrait, carnet_id: &str) -> Result<Vec<Membre>, DbErr> {
    let rows = membre::Entity::find()
        .filter(membre::Column::CarnetId.eq(carnet_id))
        .filter(membre::Column::RevokedAt.is_null())
        .order_by_desc(membre::Column::ReferentUnique)
        .order_by_asc(membre::Column::GrantedAt)
        .all(db)
        .await?;
    let accounts: HashMap<String, account::Model> = account::Entity::find()
        .filter(account::Column::Id.is_in(rows.iter().map(|m| m.account_id.clone())))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    let structures = structure_names(db).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let a = accounts.get(&m.account_id);
            Membre {
                id: m.id,
                account_id: m.account_id,
                nom: a.map(|a| a.nom.clone()).unwrap_or_default(),
                structure: a.and_then(|a| a.structure_id.as_ref()).and_then(|s| structures.get(s).cloned()),
                role: a.and_then(|a| Role::from_code(&a.role)).map(|r| r.label().to_owned()).unwrap_or_default(),
                referent_unique: m.referent_unique,
                depuis: crate::dates::jour(m.granted_at),
            }
        })
        .collect())
}

/// Professionals who can be given access (enabled accounts not yet members), by structure.
async fn addable(db: &impl ConnectionTrait, current: &[Membre]) -> Result<Vec<(String, String)>, DbErr> {
    let structures = structure_names(db).await?;
    let mut list: Vec<(String, String)> = account::Entity::find()
        .filter(account::Column::Disabled.eq(false))
        .filter(account::Column::StructureId.is_not_null())
        .limit(2000)
        .all(db)
        .await?
        .into_iter()
        .filter(|a| current.iter().all(|m| m.account_id != a.id))
        .map(|a| {
            let s = a.structure_id.as_ref().and_then(|s| structures.get(s).cloned()).unwrap_or_default();
            (a.id, format!("{} — {s}", a.nom))
        })
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(list)
}

pub(super) async fn diagnostic_view(db: &impl ConnectionTrait, carnet_id: &str) -> Result<Vec<ThemeDiagnostic>, DbErr> {
    let themes = theme::Entity::find().order_by_asc(theme::Column::Position).all(db).await?;
    let situations = situation::Entity::find().order_by_asc(situation::Column::Position).all(db).await?;
    let mut plans = super::plan::by_theme(db, carnet_id).await?;
    let rows: HashMap<String, diagnostic::Model> = diagnostic::Entity::find()
        .filter(diagnostic::Column::CarnetId.eq(carnet_id))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.theme_code.clone(), d))
        .collect();
    Ok(themes
        .into_iter()
        .map(|t| {
            let d = rows.get(&t.code);
            ThemeDiagnostic {
                situations: situations
                    .iter()
                    .filter(|s| s.theme_code == t.code)
                    .map(|s| (s.id.to_string(), s.label.clone()))
                    .collect(),
                choisies: d.map(|d| ids(&d.situations).iter().map(i32::to_string).collect()).unwrap_or_default(),
                commentaire: d.and_then(|d| d.commentaire.clone()).unwrap_or_default(),
                commentaire_personne: d.and_then(|d| d.commentaire_personne.clone()).unwrap_or_default(),
                version: d.map_or(0, |d| d.version),
                objectifs: plans.remove(&t.code).unwrap_or_default(),
                code: t.code,
                label: t.label,
            }
        })
        .collect())
}

pub(super) async fn reads(db: &impl ConnectionTrait, carnet_id: &str) -> Result<Vec<Lecture>, DbErr> {
    Ok(lecture::Entity::find()
        .filter(lecture::Column::CarnetId.eq(carnet_id))
        .order_by_desc(lecture::Column::Id)
        .limit(50)
        .all(db)
        .await?
        .into_iter()
        .map(|l| Lecture { qui: l.auteur_nom, structure: l.structure_nom, quand: crate::dates::jour_heure(l.at) })
        .collect())
}

fn pairs(json: Option<String>) -> Vec<(String, String)> {
    let v: serde_json::Value = json.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    v.as_object()
        .map(|o| {
            o.iter().map(|(k, v)| (k.clone(), v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string()))).collect()
        })
        .unwrap_or_default()
}

pub(super) async fn changes(db: &impl ConnectionTrait, carnet_id: &str) -> Result<Vec<Changement>, DbErr> {
    let labels: HashMap<String, String> =
        theme::Entity::find().all(db).await?.into_iter().map(|t| (t.code, t.label)).collect();
    Ok(historique::Entity::find()
        .filter(historique::Column::CarnetId.eq(carnet_id))
        .order_by_desc(historique::Column::Id)
        .limit(100)
        .all(db)
        .await?
        .into_iter()
        .map(|h| {
            let objet = match h.objet.split_once(':') {
                Some(("diagnostic", t)) => {
                    format!("Diagnostic : {}", labels.get(t).cloned().unwrap_or_else(|| t.to_owned()))
                }
                Some(("objectif", t)) => {
                    format!("Objectif : {}", labels.get(t).cloned().unwrap_or_else(|| t.to_owned()))
                }
                Some(("action", t)) => format!("Action : {}", labels.get(t).cloned().unwrap_or_else(|| t.to_owned())),
                _ if h.objet == "identite" => "Identité et contact".to_owned(),
                _ if h.objet == "membres" => "Professionnels qui suivent la personne".to_owned(),
                _ if h.objet == "evenement" => "Rendez-vous et notes".to_owned(),
                _ => h.objet.clone(),
            };
            Changement {
                qui: h.auteur_nom,
                quand: crate::dates::jour_heure(h.at),
                objet,
                avant: pairs(h.avant),
                apres: pairs(h.apres),
            }
        })
        .collect())
}

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
    let labels: HashMap<String, String> =
        theme::Entity::find().all(db).await?.into_iter().map(|t| (t.code, t.label)).collect();
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
        let names: HashMap<String, String> = account::Entity::find()
            .filter(account::Column::Id.is_in(rows.iter().map(|m| m.account_id.clone())))
            .all(db)
            .await?
            .into_iter()
            .map(|a| (a.id, a.nom))
            .collect();
        rows.into_iter().filter_map(|m| names.get(&m.account_id).map(|n| (m.carnet_id, n.clone()))).collect()
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

/// How many carnets each of these accounts currently follows (accounts following none are absent).
pub async fn followed_counts(db: &impl ConnectionTrait, account_ids: &[String]) -> Result<HashMap<String, u64>, DbErr> {
    use sea_orm::sea_query::ExprTrait;
    let rows: Vec<(String, i64)> = membre::Entity::find()
        .select_only()
        .column(membre::Column::AccountId)
        .column_as(Expr::col(membre::Column::Id).count(), "n")
        .filter(membre::Column::AccountId.is_in(account_ids.iter().cloned()))
        .filter(membre::Column::RevokedAt.is_null())
        .group_by(membre::Column::AccountId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(id, n)| (id, u64::try_from(n).unwrap_or(0))).collect())
}

/// A professional leaves (their account is being disabled by `by`): they stop following every
/// carnet; `to`, a colleague, takes those carnets over — as référent unique where the leaver was
/// it. Each carnet's history says so. Call it inside the transaction disabling the account.
/// Returns how many carnets were handed over.
pub async fn hand_over(
    db: &impl ConnectionTrait,
    leaver: &account::Model,
    to: Option<&account::Model>,
    by: &Staff,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let memberships = membre::Entity::find()
        .filter(membre::Column::AccountId.eq(&leaver.id))
        .filter(membre::Column::RevokedAt.is_null())
        .all(db)
        .await?;
    for m in &memberships {
        membre::Entity::update_many()
            .col_expr(membre::Column::RevokedAt, Expr::value(now))
            .col_expr(membre::Column::RevokedBy, Expr::value(by.id.clone()))
            .col_expr(membre::Column::ReferentUnique, Expr::value(false))
            .filter(membre::Column::Id.eq(&m.id))
            .exec(db)
            .await?;
        let mut apres = None;
        if let Some(to) = to {
            let existing = membre::Entity::find()
                .filter(membre::Column::CarnetId.eq(&m.carnet_id))
                .filter(membre::Column::AccountId.eq(&to.id))
                .filter(membre::Column::RevokedAt.is_null())
                .one(db)
                .await?;
            match existing {
                None => add_member_row(db, &m.carnet_id, &to.id, m.referent_unique, &by.id, now).await?,
                Some(e) if m.referent_unique => {
                    membre::Entity::update_many()
                        .col_expr(membre::Column::ReferentUnique, Expr::value(true))
                        .filter(membre::Column::Id.eq(e.id))
                        .exec(db)
                        .await?;
                }
                Some(_) => {}
            }
            apres = Some(json!({"reprise par": to.nom}));
        }
        history(db, &m.carnet_id, by, "membres", Some(json!({"départ": leaver.nom})), apres, now).await?;
    }
    Ok(memberships.len() as u64)
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
