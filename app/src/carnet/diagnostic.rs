//! The diagnostic on the référentiel's 10 themes (ssr only): situations and comments per theme,
//! versioned, with the person's own comment beside the professionals'.
use super::acces::{history, membership, read, Author};
use super::db::{carnet, diagnostic};
use super::identite::history_before;
use super::model::ThemeDiagnostic;
use crate::auth::model::Staff;
use crate::error::{EditError, FieldErrors};
use crate::ui::form::{given, given_all};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, SqlErr, TransactionTrait,
};
use serde_json::json;
use std::collections::{BTreeSet, HashMap};

pub const DIAGNOSTIC_FIELDS: [&str; 2] = ["situations", "commentaire"];

/// A theme's diagnostic form, checked against the référentiel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosticContent {
    pub situations: BTreeSet<i32>,
    pub commentaire: Option<String>,
}

/// A theme's diagnostic form as posted: the situations ticked (référentiel ids) and a comment.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct DiagnosticForm {
    pub situations: Vec<String>,
    pub commentaire: String,
}

/// Checks a theme's diagnostic form against the référentiel, or its fields in error
/// (`EditError::Invalid`).
pub async fn validate_diagnostic(
    db: &impl ConnectionTrait,
    theme_code: &str,
    f: &DiagnosticForm,
) -> Result<DiagnosticContent, EditError> {
    let mut errors = FieldErrors::new();
    if crate::referentiel::service::theme_label(db, theme_code).await?.is_none() {
        errors.add("situations", "Ce thème n’existe pas dans le référentiel.");
        return Err(errors.into());
    }
    let known: BTreeSet<i32> =
        crate::referentiel::service::situations(db, Some(theme_code)).await?.into_iter().map(|s| s.id).collect();
    let mut situations = BTreeSet::new();
    for s in given_all(&f.situations) {
        match s.parse::<i32>() {
            Ok(n) if known.contains(&n) => {
                situations.insert(n);
            }
            _ => {
                errors.add(
                    "situations",
                    "Une des situations choisies n’existe pas pour ce thème. Choisissez dans la liste.",
                );
                break;
            }
        }
    }
    let commentaire = given(&f.commentaire);
    if commentaire.as_ref().is_some_and(|c| c.chars().count() > 4000) {
        errors.add("commentaire", "Ce champ doit faire au plus 4000 caractères.");
    }
    Ok(errors.or_valid(|| DiagnosticContent { situations, commentaire })?)
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

pub(super) fn ids(json: &str) -> Vec<i32> {
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
    if crate::referentiel::service::theme_label(db, theme_code).await?.is_none() {
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
    Ok(crate::referentiel::service::situations(db, None).await?.into_iter().map(|s| (s.id, s.label)).collect())
}

fn diagnostic_json(d: &diagnostic::Model, labels: &HashMap<i32, String>) -> serde_json::Value {
    let names: Vec<String> = ids(&d.situations).iter().filter_map(|i| labels.get(i).cloned()).collect();
    json!({
        "situations": names.join(" ; "),
        "commentaire": d.commentaire.clone().unwrap_or_default(),
        "commentaire de la personne": d.commentaire_personne.clone().unwrap_or_default(),
    })
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

pub(super) async fn diagnostic_view(db: &impl ConnectionTrait, carnet_id: &str) -> Result<Vec<ThemeDiagnostic>, DbErr> {
    let themes = crate::referentiel::service::themes(db).await?;
    let situations = crate::referentiel::service::situations(db, None).await?;
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
        .map(|(code, label)| {
            let d = rows.get(&code);
            ThemeDiagnostic {
                situations: situations
                    .iter()
                    .filter(|s| s.theme_code == code)
                    .map(|s| (s.id.to_string(), s.label.clone()))
                    .collect(),
                choisies: d.map(|d| ids(&d.situations).iter().map(i32::to_string).collect()).unwrap_or_default(),
                commentaire: d.and_then(|d| d.commentaire.clone()).unwrap_or_default(),
                commentaire_personne: d.and_then(|d| d.commentaire_personne.clone()).unwrap_or_default(),
                version: d.map_or(0, |d| d.version),
                objectifs: plans.remove(&code).unwrap_or_default(),
                code,
                label,
            }
        })
        .collect())
}
