//! Orientation: from an offer, a signed-in professional sends a person to the offer's structure,
//! with the person's explicit consent and the purpose told to them. The structure answers —
//! accepted, or refused with a reason — through a link e-mailed to it, without an account.
//! A request left unanswered closes after 30 days; the person's data in it is erased after
//! `ITINERAIRE_ORIENTATION_ANONYMISATION_JOURS` (2 years). When the professional links the
//! person's carnet, each step is a note on its timeline.
use crate::auth::{failure, model::Staff, ProBar};
use crate::error::AppError;
use crate::ui::form::{submitted, ErrorSummary, SelectField, Submitted, TextField};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

/// Days a request waits for an answer before it closes.
pub const JOURS_SANS_REPONSE: i64 = 30;

const PREFERENCES: [(&str, &str); 3] = [("telephone", "Par téléphone"), ("sms", "Par SMS"), ("courriel", "Par e-mail")];

/// The form's context: the offer, and the carnets the professional follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Orienter {
    pub staff: Staff,
    pub offre_id: String,
    pub offre_nom: String,
    pub structure: String,
    /// (carnet id, person's name)
    pub carnets: Vec<(String, String)>,
}

/// A request as its pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrientationVue {
    pub offre_nom: String,
    pub structure: String,
    pub de: String,
    pub personne_nom: String,
    pub personne_contact: String,
    pub preference: String,
    pub objet: String,
    pub message: String,
    /// « En attente de réponse », « Acceptée », « Refusée : … », « Close sans réponse ».
    pub statut: String,
    pub en_attente: bool,
    pub envoyee_le: String,
    /// The messages about the request (to the structure, the answer, to the person) and their state.
    pub messages: Vec<crate::messages::model::Livraison>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MesOrientations {
    pub staff: Staff,
    pub orientations: Vec<OrientationVue>,
}

#[server(endpoint = "pro-orienter")]
pub async fn get_orienter(offre: String) -> Result<Orienter, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let (offre_nom, structure, _, _) =
        service::destination(&db, &offre).await?.ok_or_else(|| AppError::NotFound.with_status())?;
    let (lignes, _) = crate::carnet::service::list(&db, &staff, &Default::default(), 1, chrono::Utc::now()).await?;
    let carnets = lignes.into_iter().map(|c| (c.id, c.nom)).collect();
    Ok(Orienter { staff, offre_id: offre, offre_nom, structure, carnets })
}

#[server(endpoint = "orientation")]
pub async fn get_orientation(jeton: String) -> Result<OrientationVue, AppError> {
    let db = crate::db_from_context()?;
    service::by_token(&db, &jeton, chrono::Utc::now()).await?.ok_or_else(|| AppError::NotFound.with_status())
}

#[server(endpoint = "pro-orientations")]
pub async fn get_mes_orientations() -> Result<MesOrientations, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let db = crate::db_from_context()?;
    let orientations = service::sent_by(&db, &staff).await?;
    Ok(MesOrientations { staff, orientations })
}

/// `/pro/orienter/:offre`: the request form.
#[component]
pub fn OrienterPage() -> impl IntoView {
    let offre = use_params_map().read_untracked().get("offre").unwrap_or_default();
    let data = Resource::new_blocking(move || offre.clone(), get_orienter);
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(o) => view! { <OrienterForm o submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OrienterForm(o: Orienter, submitted: Option<Submitted>) -> impl IntoView {
    let form = submitted.clone().unwrap_or_default();
    let v = |k: &str| form.value(k).unwrap_or_default();
    let e = |k: &str| form.error(k);
    let action = format!("/pro/orienter/{}", o.offre_id);
    let title = format!("Orienter une personne vers « {} »", o.offre_nom);
    let prefs = PREFERENCES.iter().map(|(c, l)| ((*c).to_owned(), (*l).to_owned())).collect::<Vec<_>>();
    let consent_label = format!(
        "La personne est d’accord pour que son nom, son contact et ce message soient envoyés à {} pour l’objet écrit ci-dessus.",
        o.structure
    );
    let consent_error = e("consentement");
    view! {
        <Title text=title.clone() />
        <ProBar staff=o.staff />
        <h1>{title}</h1>
        <p>{format!("La demande est envoyée par e-mail à {}, qui répond par un lien, sans compte.", o.structure)}</p>
        <ErrorSummary submitted=submitted.clone() />
        <form method="post" action=action class="form">
            <TextField name="personne_nom" label="Nom de la personne" value=v("personne_nom") error=e("personne_nom") required=true maxlength=200 />
            <TextField name="personne_contact" label="Son téléphone ou son e-mail" value=v("personne_contact") error=e("personne_contact")
                required=true maxlength=320 hint="Exemple : 06 12 34 56 78" />
            <SelectField name="preference" label="Comment préfère-t-elle être contactée ?" empty="Choisir" choices=prefs
                selected=form.value("preference") error=e("preference") />
            <TextField name="objet" label="Objet de l’orientation (ce qui a été dit à la personne)" value=v("objet") error=e("objet")
                required=true maxlength=500 hint="Exemple : passer le permis B avec un accompagnement" />
            <TextField name="message" label="Message à la structure" value=v("message") error=e("message") multiline=true maxlength=4000 />
            <SelectField name="carnet" label="Carnet de bord de la personne (facultatif)" empty="Aucun" choices=o.carnets
                selected=form.value("carnet") error=e("carnet") hint="Chaque étape sera notée dans son carnet." />
            <div class="field checkbox">
                <input id="champ-consentement" type="checkbox" name="consentement" value="oui"
                    aria-invalid=consent_error.is_some().then_some("true") aria-describedby=consent_error.is_some().then_some("erreur-consentement") />
                <label for="champ-consentement">{consent_label}</label>
                {consent_error.map(|m| view! { <p class="field-error" id="erreur-consentement">{m}</p> })}
            </div>
            <button type="submit" class="button">"Envoyer la demande"</button>
        </form>
    }
}

/// `/pro/orientations`: the requests this professional sent, and their answers.
#[component]
pub fn MesOrientationsPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_mes_orientations());
    let ok = use_query_map().read_untracked().get("ok").is_some();
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(m) => {
                        let empty = m.orientations.is_empty();
                        let items = m.orientations.into_iter().map(|o| view! {
                            <li class="offre-card">
                                <h2 class="h3">{o.personne_nom}" → "{o.offre_nom}</h2>
                                <p class="muted">{o.structure}" · envoyée le "{o.envoyee_le}</p>
                                <p><strong>{o.statut}</strong></p>
                                {o.messages.into_iter().map(|l| view! { <crate::messages::LivraisonEtat l /> }).collect_view()}
                            </li>
                        }).collect_view();
                        view! {
                            <Title text="Mes orientations" />
                            <ProBar staff=m.staff />
                            <h1>"Mes orientations"</h1>
                            {ok.then(|| view! { <p class="notice" role="status">"La demande est envoyée. La structure répondra par e-mail."</p> })}
                            {empty.then(|| view! { <p>"Aucune orientation envoyée. Depuis une offre du catalogue, choisissez « Orienter une personne »."</p> })}
                            <ul class="offres">{items}</ul>
                        }.into_any()
                    }
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

/// `/orientation/:jeton`: the structure reads the request and answers, without an account.
#[component]
pub fn ReponsePage() -> impl IntoView {
    let jeton = use_params_map().read_untracked().get("jeton").unwrap_or_default();
    let action = format!("/orientation/{jeton}");
    let data = Resource::new_blocking(move || jeton.clone(), get_orientation);
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || {
                let action = action.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(o) => view! { <Reponse o action submitted=submitted() /> }.into_any(),
                        Err(e) => view! { <crate::ui::ErrorMessage error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Reponse(o: OrientationVue, action: String, submitted: Option<Submitted>) -> impl IntoView {
    let form = submitted.clone().unwrap_or_default();
    let title = format!("Demande d’orientation : {}", o.offre_nom);
    let pref = PREFERENCES.iter().find(|(c, _)| *c == o.preference).map(|(_, l)| *l).unwrap_or("");
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="muted">{format!("Envoyée le {} par {} à {}.", o.envoyee_le, o.de, o.structure)}</p>
        <dl class="orientation">
            <dt>"Personne"</dt><dd>{o.personne_nom}</dd>
            <dt>"Contact"</dt><dd>{o.personne_contact}" ("{pref}")"</dd>
            <dt>"Objet"</dt><dd>{o.objet}</dd>
            <dt>"Message"</dt><dd class="pre-line">{o.message}</dd>
            <dt>"État"</dt><dd><strong>{o.statut}</strong></dd>
        </dl>
        {o.en_attente.then(|| view! {
            <h2>"Votre réponse"</h2>
            <ErrorSummary submitted=submitted.clone() />
            <form method="post" action=action.clone() class="form">
                <TextField name="motif" label="Motif, si vous refusez" value=form.value("motif").unwrap_or_default()
                    error=form.error("motif") multiline=true maxlength=1000 />
                <button type="submit" class="button" name="reponse" value="acceptee">"J’accepte la demande"</button>
                " "
                <button type="submit" class="button secondary" name="reponse" value="refusee">"Je refuse la demande"</button>
            </form>
        })}
    }
}

/// The service, the posts and the periodic clean-up (ssr).
#[cfg(feature = "ssr")]
pub mod service {
    use super::{OrientationVue, JOURS_SANS_REPONSE, PREFERENCES};
    use crate::auth::model::Staff;
    use crate::carnet::service::Author;
    use crate::error::EditError;
    use crate::ui::form::field;
    use chrono::{DateTime, Duration, Utc};
    use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait};

    use crate::db::statement as sql;

    /// The offer's name, its structure's name, where the structure reads its mail, its id.
    pub async fn destination(
        db: &impl ConnectionTrait,
        offre_id: &str,
    ) -> Result<Option<(String, String, Option<String>, String)>, DbErr> {
        if uuid::Uuid::parse_str(offre_id).is_err() {
            return Ok(None);
        }
        let row = db
            .query_one_raw(sql(
                db,
                "SELECT o.nom AS offre, s.nom AS structure, COALESCE(o.courriel, s.courriel) AS courriel, s.id AS structure_id \
                 FROM offre o JOIN structure s ON s.id = o.structure_id WHERE o.id = ? AND o.archived = ?",
                vec![offre_id.into(), false.into()],
            ))
            .await?;
        row.map(|r| {
            Ok((
                r.try_get("", "offre")?,
                r.try_get("", "structure")?,
                r.try_get("", "courriel")?,
                r.try_get("", "structure_id")?,
            ))
        })
        .transpose()
    }

    /// Checks the form and sends the request; returns the token of the structure's link.
    pub async fn send(
        db: &DatabaseConnection,
        staff: &Staff,
        offre_id: &str,
        fields: &[(String, String)],
        now: DateTime<Utc>,
    ) -> Result<String, EditError> {
        let (offre_nom, structure, courriel, structure_id) =
            destination(db, offre_id).await?.ok_or(EditError::NotFound)?;
        let mut errors: Vec<(String, String)> = vec![];
        let mut err = |k: &str, m: &str| errors.push((k.to_owned(), m.to_owned()));
        let nom = field(fields, "personne_nom").trim().to_owned();
        if nom.is_empty() || nom.chars().count() > 200 {
            err("personne_nom", "Écrivez le nom de la personne (200 caractères au plus).");
        }
        let contact_typed = field(fields, "personne_contact");
        let contact = crate::validation::french_phone(&contact_typed)
            .or_else(|| Some(contact_typed.trim().to_lowercase()).filter(|c| crate::validation::is_email(c)));
        if contact.is_none() {
            err("personne_contact", "Écrivez un numéro de téléphone (06 12 34 56 78) ou une adresse e-mail.");
        }
        let preference = field(fields, "preference");
        if !PREFERENCES.iter().any(|(c, _)| *c == preference) {
            err("preference", "Choisissez comment la personne préfère être contactée.");
        }
        let objet = field(fields, "objet").trim().to_owned();
        if objet.is_empty() || objet.chars().count() > 500 {
            err("objet", "Écrivez l’objet de l’orientation, tel que la personne l’a entendu (500 caractères au plus).");
        }
        let message = field(fields, "message").trim().to_owned();
        if message.chars().count() > 4000 {
            err("message", "Le message fait au plus 4000 caractères.");
        }
        if field(fields, "consentement") != "oui" {
            err("consentement", "Sans l’accord de la personne, la demande ne peut pas être envoyée.");
        }
        let carnet = Some(field(fields, "carnet")).filter(|c| !c.is_empty());
        if let Some(c) = &carnet {
            // Only a carnet this professional follows.
            if crate::carnet::service::membership(db, staff, c).await.is_err() {
                err("carnet", "Choisissez un carnet que vous suivez.");
            }
        }
        let Some(courriel) = courriel else {
            return Err(EditError::Invalid(vec![(
                "objet".into(),
                format!(
                    "{structure} n’a pas d’adresse e-mail dans le catalogue : appelez-la pour orienter la personne."
                ),
            )]));
        };
        if !errors.is_empty() {
            return Err(EditError::Invalid(errors));
        }
        let token = crate::token::new_token()?;
        let id = uuid::Uuid::now_v7().to_string();
        let txn = db.begin().await?;
        txn.execute_raw(sql(
            &txn,
            "INSERT INTO orientation (id, offre_id, structure_id, account_id, carnet_id, personne_nom, personne_contact, preference, \
             objet, message, consentement_at, lien_hash, statut, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'envoyee', ?)",
            vec![
                id.clone().into(),
                offre_id.into(),
                structure_id.into(),
                staff.id.clone().into(),
                carnet.clone().into(),
                nom.clone().into(),
                contact.unwrap_or_default().into(),
                preference.into(),
                objet.clone().into(),
                message.into(),
                now.into(),
                crate::token::token_hash(&token).into(),
                now.into(),
            ],
        ))
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

    const SELECT: &str = "SELECT r.id, r.carnet_id, r.account_id, r.personne_nom, r.personne_contact, r.preference, r.objet, r.message, \
        r.statut, r.motif, r.created_at, o.nom AS offre, s.nom AS structure, a.nom AS de, a.email AS de_courriel \
        FROM orientation r JOIN offre o ON o.id = r.offre_id JOIN structure s ON s.id = r.structure_id \
        JOIN account a ON a.id = r.account_id";

    struct Row {
        id: String,
        carnet_id: Option<String>,
        de_courriel: String,
        vue: OrientationVue,
    }

    fn row(r: &sea_orm::QueryResult) -> Result<Row, DbErr> {
        let statut: String = r.try_get("", "statut")?;
        let motif: Option<String> = r.try_get("", "motif")?;
        let created: DateTime<Utc> = r.try_get("", "created_at")?;
        Ok(Row {
            id: r.try_get("", "id")?,
            carnet_id: r.try_get("", "carnet_id")?,
            de_courriel: r.try_get("", "de_courriel")?,
            vue: OrientationVue {
                offre_nom: r.try_get("", "offre")?,
                structure: r.try_get("", "structure")?,
                de: r.try_get("", "de")?,
                personne_nom: r.try_get("", "personne_nom")?,
                personne_contact: r.try_get("", "personne_contact")?,
                preference: r.try_get("", "preference")?,
                objet: r.try_get("", "objet")?,
                message: r.try_get("", "message")?,
                en_attente: statut == "envoyee",
                statut: match statut.as_str() {
                    "envoyee" => "En attente de réponse".to_owned(),
                    "acceptee" => "Acceptée".to_owned(),
                    "refusee" => format!("Refusée : {}", motif.unwrap_or_default()),
                    _ => "Close sans réponse".to_owned(),
                },
                envoyee_le: crate::dates::jour(created),
                messages: vec![],
            },
        })
    }

    /// Days the structure's link still shows the request once answered.
    pub const LIEN_APRES_REPONSE_JOURS: i64 = 30;

    /// The request a structure's link opens: while it waits for an answer, then 30 days after
    /// it (the person's details are not left open on a link for two years).
    async fn find(db: &impl ConnectionTrait, jeton: &str, now: DateTime<Utc>) -> Result<Option<Row>, DbErr> {
        if jeton.len() > 64 {
            return Ok(None);
        }
        let q = format!(
            "{SELECT} WHERE r.lien_hash = ? AND r.anonymisee_at IS NULL AND (r.statut = 'envoyee' OR r.reponse_at > ?)"
        );
        let answered_since = now - Duration::days(LIEN_APRES_REPONSE_JOURS);
        db.query_one_raw(sql(db, &q, vec![crate::token::token_hash(jeton).into(), answered_since.into()]))
            .await?
            .as_ref()
            .map(row)
            .transpose()
    }

    pub async fn by_token(
        db: &impl ConnectionTrait,
        jeton: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<OrientationVue>, DbErr> {
        Ok(find(db, jeton, now).await?.map(|r| r.vue))
    }

    pub async fn sent_by(db: &impl ConnectionTrait, staff: &Staff) -> Result<Vec<OrientationVue>, DbErr> {
        let q =
            format!("{SELECT} WHERE r.account_id = ? AND r.anonymisee_at IS NULL ORDER BY r.created_at DESC LIMIT 200");
        let rows: Vec<Row> = db
            .query_all_raw(sql(db, &q, vec![staff.id.clone().into()]))
            .await?
            .iter()
            .map(row)
            .collect::<Result<_, _>>()?;
        let references: Vec<String> = rows.iter().map(|r| format!("orientation:{}", r.id)).collect();
        let mut sent: std::collections::HashMap<String, Vec<crate::messages::model::Livraison>> = Default::default();
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
        fields: &[(String, String)],
        now: DateTime<Utc>,
    ) -> Result<(), EditError> {
        let r = find(db, jeton, now).await?.ok_or(EditError::NotFound)?;
        let reponse = field(fields, "reponse");
        let motif = field(fields, "motif").trim().to_owned();
        match reponse.as_str() {
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
        let done = txn
            .execute_raw(sql(
                &txn,
                "UPDATE orientation SET statut = ?, motif = ?, reponse_at = ? WHERE id = ? AND statut = 'envoyee'",
                vec![
                    reponse.clone().into(),
                    Some(motif.clone()).filter(|m| !m.is_empty()).into(),
                    now.into(),
                    r.id.clone().into(),
                ],
            ))
            .await?;
        if done.rows_affected() == 0 {
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
            let auteur =
                Author { id: String::new(), nom: format!("{} (réponse à une orientation)", r.vue.structure) };
            crate::carnet::externe::note(&txn, c, auteur, &texte, now).await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// Closes requests unanswered for 30 days, and erases the person's data from requests older
    /// than `anonymise_after` days. Returns (closed, anonymised).
    pub async fn clean_up(
        db: &DatabaseConnection,
        now: DateTime<Utc>,
        anonymise_after: i64,
    ) -> Result<(u64, u64), DbErr> {
        let stale = format!("{SELECT} WHERE r.statut = 'envoyee' AND r.created_at < ?");
        let rows = db.query_all_raw(sql(db, &stale, vec![(now - Duration::days(JOURS_SANS_REPONSE)).into()])).await?;
        let mut closed = 0;
        for r in rows.iter().map(row) {
            let r = r?;
            let txn = db.begin().await?;
            let done = txn
                .execute_raw(sql(
                    &txn,
                    "UPDATE orientation SET statut = 'close' WHERE id = ? AND statut = 'envoyee'",
                    vec![r.id.into()],
                ))
                .await?;
            if done.rows_affected() == 1 {
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
        let anonymised = db
            .execute_raw(sql(
                db,
                "UPDATE orientation SET personne_nom = '', personne_contact = '', message = '', motif = NULL, anonymisee_at = ? \
                 WHERE anonymisee_at IS NULL AND created_at < ?",
                vec![now.into(), (now - Duration::days(anonymise_after)).into()],
            ))
            .await?
            .rows_affected();
        Ok((closed, anonymised))
    }

    /// The form posts (ssr).
    pub mod routes {
        use crate::auth::routes::{read_form, read_staff_form, FormState};
        use crate::ui::form::see_other;
        use axum::{
            extract::{FromRef, Path, Request, State},
            response::Response,
            routing::post,
            Router,
        };

        pub fn routes<S>() -> Router<S>
        where
            S: Clone + Send + Sync + 'static,
            FormState: FromRef<S>,
        {
            Router::new().route("/pro/orienter/{offre}", post(send)).route("/orientation/{jeton}", post(answer))
        }

        const MESSAGE: &str = "Cette demande a déjà reçu une réponse.";

        async fn send(State(st): State<FormState>, Path(offre): Path<String>, req: Request) -> Response {
            let (parts, fields, staff) = match read_staff_form(&st, req).await {
                Ok(f) => f,
                Err(res) => return res,
            };
            match super::send(&st.db, &staff, &offre, &fields, chrono::Utc::now()).await {
                Ok(_) => see_other("/pro/orientations?ok=1"),
                Err(e) => st.refuse_edit(parts, fields, e, MESSAGE, &[]).await,
            }
        }

        async fn answer(State(st): State<FormState>, Path(jeton): Path<String>, req: Request) -> Response {
            let (parts, fields) = read_form(req).await;
            match super::answer(&st.db, &jeton, &fields, chrono::Utc::now()).await {
                Ok(()) => see_other(&format!("/orientation/{jeton}")),
                Err(e) => st.refuse_edit(parts, fields, e, MESSAGE, &[]).await,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::auth::model::Role;
        use crate::db::testing::TestDb;
        use crate::test_support::{form, last_message, load_sample, pro};

        async fn offre(db: &DatabaseConnection, nom: &str) -> String {
            let r = db
                .query_one_raw(sql(db, "SELECT id FROM offre WHERE nom = ?", vec![nom.into()]))
                .await
                .unwrap()
                .unwrap();
            r.try_get("", "id").unwrap()
        }

        fn demande(carnet: &str) -> Vec<(String, String)> {
            form(&[
                ("personne_nom", "Léa Martin"),
                ("personne_contact", "06 12 34 56 78"),
                ("preference", "sms"),
                ("objet", "Passer le permis B avec un accompagnement"),
                ("message", "Léa a un entretien d’embauche qui demande le permis."),
                ("carnet", carnet),
                ("consentement", "oui"),
            ])
        }

        #[tokio::test]
        async fn a_referent_orients_a_person_and_the_structure_answers_through_its_link() {
            for t in TestDb::all().await {
                let b = t.backend();
                let db = &t.db;
                load_sample(db).await;
                let now = Utc::now();
                let referent = pro(db, "ccas-montrejeau", Role::Referent, "Camille Référente").await;
                let stranger = pro(db, "adil-31", Role::Referent, "Autre Référent").await;
                let identite = crate::carnet::service::Identite {
                    prenom: "Léa".into(),
                    nom: "Martin".into(),
                    date_naissance: chrono::NaiveDate::from_ymd_opt(1990, 4, 12).unwrap(),
                    numero_caf: None,
                    telephone: None,
                    courriel: None,
                    adresse: None,
                };
                let carnet = crate::carnet::service::create(db, &referent, identite, now).await.unwrap();
                let permis = offre(db, "Permis de conduire solidaire").await;
                // Without the person's consent, with a wrong contact, or someone else's carnet: refused, field by field.
                let mut bad = demande(&carnet);
                bad.retain(|(k, _)| k != "consentement");
                bad.retain(|(k, _)| k != "personne_contact");
                bad.push(("personne_contact".into(), "pas un contact".into()));
                match send(db, &referent, &permis, &bad, now).await {
                    Err(EditError::Invalid(e)) => {
                        let fields: Vec<&str> = e.iter().map(|(k, _)| k.as_str()).collect();
                        assert_eq!(fields, ["personne_contact", "consentement"], "{b}");
                    }
                    other => panic!("{b}: {other:?}"),
                }
                assert!(
                    matches!(send(db, &stranger, &permis, &demande(&carnet), now).await, Err(EditError::Invalid(e)) if e[0].0 == "carnet"),
                    "{b}"
                );
                assert!(
                    matches!(send(db, &referent, "inconnue", &demande(&carnet), now).await, Err(EditError::NotFound)),
                    "{b}"
                );
                // Sent: the structure gets an e-mail with its link; the carnet says so.
                let token = send(db, &referent, &permis, &demande(&carnet), now).await.expect(b);
                let mail = last_message(db, "orientation", "contact@mobil-comminges.example").await.expect(b);
                assert_eq!(mail.lien.as_deref(), Some(format!("/orientation/{token}").as_str()), "{b}");
                let notes = crate::carnet::timeline::of(db, &carnet, now).await.unwrap();
                assert!(notes[0].texte.starts_with("Orientation envoyée vers « Permis de conduire solidaire »"), "{b}");
                let vue = by_token(db, &token, now).await.unwrap().expect(b);
                assert_eq!((vue.personne_contact.as_str(), vue.en_attente), ("06 12 34 56 78", true), "{b}");
                assert!(by_token(db, "x", now).await.unwrap().is_none(), "{b}");
                // A refusal needs its reason; then an acceptance lands, once.
                let refused = answer(db, &token, &form(&[("reponse", "refusee")]), now).await;
                assert!(matches!(refused, Err(EditError::Invalid(_))), "{b}");
                answer(db, &token, &form(&[("reponse", "acceptee")]), now).await.expect(b);
                assert!(
                    matches!(
                        answer(db, &token, &form(&[("reponse", "refusee"), ("motif", "complet")]), now).await,
                        Err(EditError::Conflict { .. })
                    ),
                    "{b}"
                );
                assert_eq!(by_token(db, &token, now).await.unwrap().unwrap().statut, "Acceptée", "{b}");
                // The structure's link shows the answered request 30 days more, then nothing.
                assert!(by_token(db, &token, now + Duration::days(29)).await.unwrap().is_some(), "{b}");
                assert!(by_token(db, &token, now + Duration::days(31)).await.unwrap().is_none(), "{b}");
                assert!(last_message(db, "orientation_reponse", &referent.email).await.is_some(), "{b}");
                let notes = crate::carnet::timeline::of(db, &carnet, now).await.unwrap();
                assert_eq!(notes[0].texte, "Orientation vers « Permis de conduire solidaire » acceptée.", "{b}");
                assert!(notes[0].auteur.contains("(réponse à une orientation)"), "{b}");
                assert_eq!(sent_by(db, &referent).await.unwrap().len(), 1, "{b}");
                assert!(sent_by(db, &stranger).await.unwrap().is_empty(), "{b}");

                // Unanswered for 30 days: closed (noted in the carnet); after 2 years: the person's data erased.
                let other = send(db, &referent, &permis, &demande(&carnet), now).await.expect(b);
                assert_eq!(clean_up(db, now + Duration::days(29), 730).await.unwrap(), (0, 0), "{b}");
                assert_eq!(clean_up(db, now + Duration::days(31), 730).await.unwrap(), (1, 0), "{b}");
                // Closed: the professional sees it so; the structure's link opens nothing more.
                let mine = sent_by(db, &referent).await.unwrap();
                assert!(mine.iter().any(|o| o.statut == "Close sans réponse"), "{b}");
                assert!(by_token(db, &other, now + Duration::days(31)).await.unwrap().is_none(), "{b}");
                assert_eq!(clean_up(db, now + Duration::days(731), 730).await.unwrap(), (0, 2), "{b}");
                assert!(by_token(db, &other, now + Duration::days(731)).await.unwrap().is_none(), "{b}");
                let left = db
                    .query_one_raw(sql(
                        db,
                        "SELECT COUNT(*) AS n FROM orientation WHERE personne_nom <> '' OR personne_contact <> ''",
                        vec![],
                    ))
                    .await
                    .unwrap()
                    .unwrap();
                assert_eq!(left.try_get::<i64>("", "n").unwrap(), 0, "{b}");
                t.drop().await;
            }
        }
    }
}
