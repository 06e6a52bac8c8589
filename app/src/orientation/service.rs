//! Orientation requests (ssr only): sent by a professional, answered by the structure through its
//! link, noted on the person's carnet when one is linked, closed and erased on schedule.
use super::db::orientation::{self, Column as C, Statut};
use super::model::{OrientationVue, JOURS_SANS_REPONSE, PREFERENCES};
use crate::auth::model::Staff;
use crate::carnet::acces::Author;
use crate::error::EditError;
use crate::ui::form::given;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

/// The offer's name, its structure's name, where the structure reads its mail, its id.
pub async fn destination(
    db: &impl ConnectionTrait,
    offre_id: &str,
) -> Result<Option<(String, String, Option<String>, String)>, DbErr> {
    if uuid::Uuid::parse_str(offre_id).is_err() {
        return Ok(None);
    }
    let Some(o) = crate::catalogue::query::offre_contact(db, offre_id).await? else { return Ok(None) };
    let Some(s) = crate::organisation::service::get(db, &o.structure_id).await? else { return Ok(None) };
    Ok(Some((o.nom, s.nom, o.courriel.or(s.courriel), s.id)))
}

/// The orientation form as a professional posts it from an offer's page.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct OrientationForm {
    pub personne_nom: String,
    /// A phone number or an e-mail address.
    pub personne_contact: String,
    /// One of [`PREFERENCES`].
    pub preference: String,
    pub objet: String,
    pub message: String,
    /// `oui`: the person agreed to her details being sent.
    pub consentement: String,
    /// The carnet the request is noted on (one this professional follows), if any.
    pub carnet: String,
}

/// The structure's answer form: `reponse` (`acceptee` or `refusee`) and, to refuse, a motif.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ReponseForm {
    pub reponse: String,
    pub motif: String,
}

/// Checks the form and sends the request; returns the token of the structure's link.
pub async fn send(
    db: &DatabaseConnection,
    staff: &Staff,
    offre_id: &str,
    f: &OrientationForm,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    let (offre_nom, structure, courriel, structure_id) = destination(db, offre_id).await?.ok_or(EditError::NotFound)?;
    let mut errors: Vec<(String, String)> = vec![];
    let mut err = |k: &str, m: &str| errors.push((k.to_owned(), m.to_owned()));
    let nom = f.personne_nom.trim().to_owned();
    if nom.is_empty() || nom.chars().count() > 200 {
        err("personne_nom", "Écrivez le nom de la personne (200 caractères au plus).");
    }
    let contact_typed = f.personne_contact.trim();
    let contact = crate::validation::french_phone(contact_typed)
        .or_else(|| Some(contact_typed.trim().to_lowercase()).filter(|c| crate::validation::is_email(c)));
    if contact.is_none() {
        err("personne_contact", "Écrivez un numéro de téléphone (06 12 34 56 78) ou une adresse e-mail.");
    }
    let preference = f.preference.trim();
    if !PREFERENCES.iter().any(|(c, _)| *c == preference) {
        err("preference", "Choisissez comment la personne préfère être contactée.");
    }
    let objet = f.objet.trim().to_owned();
    if objet.is_empty() || objet.chars().count() > 500 {
        err("objet", "Écrivez l’objet de l’orientation, tel que la personne l’a entendu (500 caractères au plus).");
    }
    let message = f.message.trim().to_owned();
    if message.chars().count() > 4000 {
        err("message", "Le message fait au plus 4000 caractères.");
    }
    if f.consentement.trim() != "oui" {
        err("consentement", "Sans l’accord de la personne, la demande ne peut pas être envoyée.");
    }
    let carnet = given(&f.carnet);
    if let Some(c) = &carnet {
        // Only a carnet this professional follows.
        if crate::carnet::acces::membership(db, staff, c).await.is_err() {
            err("carnet", "Choisissez un carnet que vous suivez.");
        }
    }
    let Some(courriel) = courriel else {
        return Err(EditError::Invalid(vec![(
            "objet".into(),
            format!("{structure} n’a pas d’adresse e-mail dans le catalogue : appelez-la pour orienter la personne."),
        )]));
    };
    if !errors.is_empty() {
        return Err(EditError::Invalid(errors));
    }
    let token = crate::token::new_token()?;
    let id = uuid::Uuid::now_v7().to_string();
    let txn = db.begin().await?;
    orientation::ActiveModel {
        id: Set(id.clone()),
        offre_id: Set(offre_id.to_owned()),
        structure_id: Set(structure_id),
        account_id: Set(staff.id.clone()),
        carnet_id: Set(carnet.clone()),
        personne_nom: Set(nom.clone()),
        personne_contact: Set(contact.unwrap_or_default()),
        preference: Set(preference.to_owned()),
        objet: Set(objet.clone()),
        message: Set(message),
        consentement_at: Set(now),
        lien_hash: Set(crate::token::token_hash(&token)),
        statut: Set(Statut::Envoyee),
        motif: Set(None),
        reponse_at: Set(None),
        created_at: Set(now),
        anonymisee_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let sujet = format!("Demande d’orientation vers « {offre_nom} »");
    let corps = format!(
        "{} vous demande d’accueillir une personne pour « {offre_nom} ». Objet : {objet}. \
         Lisez la demande et répondez (accepter ou refuser) avec ce lien, sans compte :",
        Author::from(staff).nom
    );
    let m = crate::outbox::Message::new("orientation", crate::outbox::Canal::Courriel, courriel, sujet, corps)
        .lien(format!("/orientation/{token}"))
        .about(format!("orientation:{id}"))
        .structure(staff.structure_id.clone());
    crate::outbox::enqueue(&txn, m, now).await?;
    if let Some(c) = &carnet {
        let texte = format!("Orientation envoyée vers « {offre_nom} » ({structure}) : {objet}.");
        crate::carnet::externe::note(&txn, c, Author::from(staff), &texte, now).await?;
    }
    txn.commit().await?;
    tracing::info!(orientation = %id, account = %staff.id, "orientation sent");
    Ok(token)
}

struct Row {
    id: String,
    carnet_id: Option<String>,
    de_courriel: String,
    vue: OrientationVue,
}

/// The requests with the names their pages show, each read once from its room; a request whose
/// offer, structure or professional is gone is left out (as a join would).
async fn complete(db: &impl ConnectionTrait, rows: Vec<orientation::Model>) -> Result<Vec<Row>, DbErr> {
    let offres = crate::catalogue::query::offer_names(db, rows.iter().map(|r| r.offre_id.clone()).collect()).await?;
    let structures =
        crate::organisation::service::by_ids(db, rows.iter().map(|r| r.structure_id.clone()).collect()).await?;
    let comptes = crate::auth::annuaire::by_ids(db, rows.iter().map(|r| r.account_id.clone()).collect()).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let (offre, structure, de) =
                (offres.get(&r.offre_id)?, structures.get(&r.structure_id)?, comptes.get(&r.account_id)?);
            Some(Row {
                de_courriel: de.email.clone(),
                vue: OrientationVue {
                    offre_nom: offre.clone(),
                    structure: structure.nom.clone(),
                    de: de.nom.clone(),
                    personne_nom: r.personne_nom,
                    personne_contact: r.personne_contact,
                    preference: r.preference,
                    objet: r.objet,
                    message: r.message,
                    en_attente: r.statut == Statut::Envoyee,
                    statut: match r.statut {
                        Statut::Envoyee => "En attente de réponse".to_owned(),
                        Statut::Acceptee => "Acceptée".to_owned(),
                        Statut::Refusee => format!("Refusée : {}", r.motif.unwrap_or_default()),
                        Statut::Close => "Close sans réponse".to_owned(),
                    },
                    envoyee_le: crate::dates::jour(r.created_at),
                    messages: vec![],
                },
                id: r.id,
                carnet_id: r.carnet_id,
            })
        })
        .collect())
}

/// Days the structure's link still shows the request once answered.
pub const LIEN_APRES_REPONSE_JOURS: i64 = 30;

/// The request a structure's link opens: while it waits for an answer, then 30 days after
/// it (the person's details are not left open on a link for two years).
async fn find(db: &impl ConnectionTrait, jeton: &str, now: DateTime<Utc>) -> Result<Option<Row>, DbErr> {
    if jeton.len() > 64 {
        return Ok(None);
    }
    let answered_since = now - Duration::days(LIEN_APRES_REPONSE_JOURS);
    let found = orientation::Entity::find()
        .filter(C::LienHash.eq(crate::token::token_hash(jeton)))
        .filter(C::AnonymiseeAt.is_null())
        .filter(Condition::any().add(C::Statut.eq(Statut::Envoyee)).add(C::ReponseAt.gt(answered_since)))
        .one(db)
        .await?;
    Ok(complete(db, found.into_iter().collect()).await?.pop())
}

pub async fn by_token(
    db: &impl ConnectionTrait,
    jeton: &str,
    now: DateTime<Utc>,
) -> Result<Option<OrientationVue>, DbErr> {
    Ok(find(db, jeton, now).await?.map(|r| r.vue))
}

pub async fn sent_by(db: &impl ConnectionTrait, staff: &Staff) -> Result<Vec<OrientationVue>, DbErr> {
    let rows = orientation::Entity::find()
        .filter(C::AccountId.eq(&staff.id))
        .filter(C::AnonymiseeAt.is_null())
        .order_by_desc(C::CreatedAt)
        .limit(200)
        .all(db)
        .await?;
    let rows = complete(db, rows).await?;
    let references: Vec<String> = rows.iter().map(|r| format!("orientation:{}", r.id)).collect();
    let mut sent: std::collections::HashMap<String, Vec<crate::ui::livraison::Livraison>> = Default::default();
    for (reference, d) in crate::outbox::deliveries(db, &references).await? {
        sent.entry(reference).or_default().push((&d).into());
    }
    Ok(rows
        .into_iter()
        .map(|r| OrientationVue {
            messages: sent.remove(&format!("orientation:{}", r.id)).unwrap_or_default(),
            ..r.vue
        })
        .collect())
}

/// The structure's answer, once: `acceptee`, or `refusee` with a reason.
pub async fn answer(
    db: &DatabaseConnection,
    jeton: &str,
    f: &ReponseForm,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    let r = find(db, jeton, now).await?.ok_or(EditError::NotFound)?;
    let reponse = f.reponse.trim();
    let motif = f.motif.trim().to_owned();
    match reponse {
        "acceptee" | "refusee" => {}
        _ => return Err(EditError::Invalid(vec![("motif".into(), "Choisissez : accepter ou refuser.".into())])),
    }
    if reponse == "refusee" && motif.is_empty() {
        return Err(EditError::Invalid(vec![(
            "motif".into(),
            "Pour refuser, écrivez le motif : il aide à trouver une autre solution.".into(),
        )]));
    }
    if motif.chars().count() > 1000 {
        return Err(EditError::Invalid(vec![("motif".into(), "Le motif fait au plus 1000 caractères.".into())]));
    }
    let txn = db.begin().await?;
    let statut = if reponse == "acceptee" { Statut::Acceptee } else { Statut::Refusee };
    // Only while it waits: two answers at once, the second finds it answered.
    let done = orientation::Entity::update_many()
        .col_expr(C::Statut, Expr::value(statut))
        .col_expr(C::Motif, Expr::value(Some(motif.clone()).filter(|m| !m.is_empty())))
        .col_expr(C::ReponseAt, Expr::value(now))
        .filter(C::Id.eq(&r.id))
        .filter(C::Statut.eq(Statut::Envoyee))
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        txn.rollback().await?;
        return Err(EditError::Conflict { stored: vec![], version: 0 });
    }
    let said = if reponse == "acceptee" { "acceptée".to_owned() } else { format!("refusée : {motif}") };
    let texte = format!("Orientation vers « {} » {said}.", r.vue.offre_nom);
    let m = crate::outbox::Message::new(
        "orientation_reponse",
        crate::outbox::Canal::Courriel,
        r.de_courriel.clone(),
        format!("Réponse de {} à votre orientation", r.vue.structure),
        format!("{} ({}).", texte, r.vue.personne_nom),
    )
    .lien("/pro/orientations")
    .about(format!("orientation:{}", r.id));
    crate::outbox::enqueue(&txn, m, now).await?;
    // The person hears the answer too (news: in the day, with a « STOP » link).
    if let Some((canal, contact)) = crate::outbox::channel_of(&r.vue.personne_contact) {
        let corps = if reponse == "acceptee" {
            format!(
                "Itinéraire : {} a accepté la demande faite pour vous (« {} »). Elle va vous contacter.",
                r.vue.structure, r.vue.offre_nom
            )
        } else {
            format!(
                "Itinéraire : {} ne peut pas vous accueillir pour « {} ». Parlez-en avec la personne qui vous accompagne.",
                r.vue.structure, r.vue.offre_nom
            )
        };
        let m = crate::outbox::Message::new(
            "orientation_personne",
            canal,
            contact,
            format!("Réponse de {}", r.vue.structure),
            corps,
        )
        .reminder(crate::i18n::Langue::Fr)
        .about(format!("orientation:{}", r.id));
        crate::outbox::enqueue(&txn, m, now).await?;
    }
    if let Some(c) = &r.carnet_id {
        let auteur = Author { id: String::new(), nom: format!("{} (réponse à une orientation)", r.vue.structure) };
        crate::carnet::externe::note(&txn, c, auteur, &texte, now).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Closes requests unanswered for 30 days, and erases the person's data from requests older
/// than `anonymise_after` days. Returns (closed, anonymised).
pub async fn clean_up(db: &DatabaseConnection, now: DateTime<Utc>, anonymise_after: i64) -> Result<(u64, u64), DbErr> {
    let rows = orientation::Entity::find()
        .filter(C::Statut.eq(Statut::Envoyee))
        .filter(C::CreatedAt.lt(now - Duration::days(JOURS_SANS_REPONSE)))
        .all(db)
        .await?;
    let mut closed = 0;
    for r in complete(db, rows).await? {
        let txn = db.begin().await?;
        let done = orientation::Entity::update_many()
            .col_expr(C::Statut, Expr::value(Statut::Close))
            .filter(C::Id.eq(r.id))
            .filter(C::Statut.eq(Statut::Envoyee))
            .exec(&txn)
            .await?;
        if done.rows_affected == 1 {
            closed += 1;
            if let Some(c) = &r.carnet_id {
                let texte = format!(
                    "Orientation vers « {} » close : pas de réponse en {JOURS_SANS_REPONSE} jours.",
                    r.vue.offre_nom
                );
                crate::carnet::externe::note(
                    &txn,
                    c,
                    Author { id: String::new(), nom: "Itinéraire".into() },
                    &texte,
                    now,
                )
                .await?;
            }
        }
        txn.commit().await?;
    }
    let anonymised = orientation::Entity::update_many()
        .col_expr(C::PersonneNom, Expr::value(""))
        .col_expr(C::PersonneContact, Expr::value(""))
        .col_expr(C::Message, Expr::value(""))
        .col_expr(C::Motif, Expr::value(Option::<String>::None))
        .col_expr(C::AnonymiseeAt, Expr::value(now))
        .filter(C::AnonymiseeAt.is_null())
        .filter(C::CreatedAt.lt(now - Duration::days(anonymise_after)))
        .exec(db)
        .await?
        .rows_affected;
    Ok((closed, anonymised))
}
