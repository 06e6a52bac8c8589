//! Invitation links for letters and SMS: a professional prints letters, each with a short link
//! made for one person (`/i/7KQ2-M9XD-4HTR`) and its QR code; the link opens the person's
//! territory and next steps until it expires, then a kind page with a human to call. The words
//! printed never say "RSA" (an envelope or a lock screen can be read by others). Only the
//! tokens' SHA-256 are stored.
use super::model::Territoire;
use crate::auth::{failure, model::Staff, ProBar};
use crate::error::AppError;
use crate::i18n::t;
use crate::ui::form::{submitted, ErrorSummary, SelectField, Submitted, TextField};
use crate::ui::help::Contact;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

/// Most letters made at once.
pub const MAX_LETTRES: u32 = 200;

/// What a person finds behind an invitation link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ouverture {
    /// Go on to the territory's next steps.
    Valide(String),
    /// Too late: the territory's contact.
    Expiree(Territoire),
    /// No such link (mistyped): the département's contact.
    Inconnue(Territoire),
}

/// One printed letter: the link as typed from paper, and its QR code (SVG markup we draw).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lettre {
    pub lien: String,
    pub lien_court: String,
    pub qr_svg: String,
    pub expire_le: String,
    /// The letter's paragraphs (its territory's contact in the last one).
    pub texte: [String; 3],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationsPage {
    pub staff: Staff,
    pub territoires: Vec<(String, String)>,
    pub jours: u32,
}

/// How long an invitation link stays valid, in days (server configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationJours(pub u32);

impl Default for InvitationJours {
    fn default() -> Self {
        InvitationJours(60)
    }
}

/// The words of the letter and of the SMS: the same for every person, never "RSA".
pub fn texte_lettre(contact: &Contact) -> [String; 3] {
    [
        "Bonjour,".to_owned(),
        "Vous allez être accompagné pour avancer vers l’emploi. Avant votre premier rendez-vous, ouvrez le lien ci-dessous \
         sur votre téléphone ou scannez le code : vous y trouverez les prochaines étapes et les aides près de chez vous."
            .to_owned(),
        format!("Une question ? Appelez le {} ({}).", contact.telephone, contact.horaires),
    ]
}

pub fn texte_sms(lien: &str) -> String {
    format!("Itinéraire : vos prochaines étapes et les aides près de chez vous : {lien}")
}

#[server(endpoint = "invitation")]
pub async fn open_invitation(jeton: String) -> Result<Ouverture, AppError> {
    let db = crate::db_from_context()?;
    let ouverture = service::open(&db, &jeton, chrono::Utc::now()).await?;
    match &ouverture {
        Ouverture::Valide(code) => leptos_axum::redirect(&format!("/bienvenue?territoire={code}")),
        Ouverture::Expiree(_) => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(http::StatusCode::GONE);
            }
        }
        Ouverture::Inconnue(_) => {
            let _ = AppError::NotFound.with_status();
        }
    }
    Ok(ouverture)
}

#[server(endpoint = "pro-invitations")]
pub async fn get_invitations_page() -> Result<InvitationsPage, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    let jours = use_context::<InvitationJours>().unwrap_or_default().0;
    Ok(InvitationsPage { staff, territoires: super::content::territoires(), jours })
}

/// `/i/:jeton`: on to the next steps, or a kind page with someone to call.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let jeton = use_params_map().read_untracked().get("jeton").unwrap_or_default();
    let ouverture = Resource::new_blocking(move || jeton.clone(), open_invitation);
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
            {move || Suspend::new(async move {
                match ouverture.await {
                    Ok(Ouverture::Valide(code)) => {
                        let href = format!("/bienvenue?territoire={code}");
                        view! { <p><a href=href>{t("accueil-etapes")}</a></p> }.into_any()
                    }
                    Ok(Ouverture::Expiree(t)) => view! { <LienPerime t expire=true /> }.into_any(),
                    Ok(Ouverture::Inconnue(t)) => view! { <LienPerime t expire=false /> }.into_any(),
                    Err(e) => view! { <crate::ui::ErrorMessage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LienPerime(#[prop(name = "t")] territoire: Territoire, expire: bool) -> impl IntoView {
    let (title, text) = if expire {
        (t("invitation-perime"), t("invitation-perime-texte"))
    } else {
        (t("invitation-inconnu"), t("invitation-inconnu-texte"))
    };
    let etapes = format!("/etapes?territoire={}", territoire.code);
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{text}</p>
        <crate::ui::help::HelpContact contact=territoire.contact />
        <h2>{t("invitation-en-attendant")}</h2>
        <ul class="link-list">
            <li><a href=etapes>{t("invitation-etapes")}</a></li>
            <li><a href="/catalogue">{t("invitation-aides")}</a></li>
            <li><a href="/ateliers">{t("invitation-ateliers")}</a></li>
        </ul>
    }
}

/// `/pro/invitations`: the form to make letters (the letters are the answer to its post).
#[component]
pub fn InvitationsProPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_invitations_page());
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <InvitationsForm p submitted=submitted() /> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InvitationsForm(p: InvitationsPage, submitted: Option<Submitted>) -> impl IntoView {
    // After the post, the letters are in the context (they are shown once: only hashes are kept).
    let lettres = use_context::<Vec<Lettre>>();
    let form = submitted.clone().unwrap_or_default();
    let validite = format!(
        "Chaque lien est valable {} jours ; après, il mène à une page qui donne votre numéro d’accueil.",
        p.jours
    );
    let territoire = form.value("territoire");
    view! {
        <Title text="Lettres d’invitation" />
        <div class="no-print"><ProBar staff=p.staff /></div>
        {match lettres {
            Some(l) => view! { <Lettres lettres=l /> }.into_any(),
            None => view! {
                <h1>"Lettres d’invitation"</h1>
                <p>"Chaque lettre porte un lien court et un code à scanner, faits pour une seule personne. Le lien ouvre ses prochaines étapes et les aides de son territoire. Il ne dit jamais pourquoi la personne est invitée."</p>
                <p>{validite}</p>
                <ErrorSummary submitted=submitted.clone() />
                <form method="post" action="/pro/invitations" class="form">
                    <SelectField name="territoire" label="Territoire" empty="Choisir" choices=p.territoires selected=territoire
                        error=form.error("territoire") />
                    <TextField name="nombre" label="Nombre de lettres" kind="number" value=form.value("nombre").unwrap_or_else(|| "1".into())
                        error=form.error("nombre") hint="De 1 à 200 lettres." />
                    <button type="submit" class="button">"Préparer les lettres"</button>
                </form>
            }.into_any(),
        }}
    }
}

#[component]
fn Lettres(lettres: Vec<Lettre>) -> impl IntoView {
    let n = lettres.len();
    let items = lettres
        .into_iter()
        .map(|l| {
            let words = l.texte.clone();
            let sms = texte_sms(&l.lien);
            view! {
                <article class="lettre">
                    <p>{words[0].clone()}</p>
                    <p>{words[1].clone()}</p>
                    <p class="lien-court">{l.lien_court.clone()}</p>
                    <div class="qr" inner_html=l.qr_svg></div>
                    <p class="small">{format!("Ce lien est valable jusqu’au {}.", l.expire_le)}</p>
                    <p>{words[2].clone()}</p>
                    <p class="no-print small">"SMS à envoyer : "<span class="sms">{sms}</span></p>
                </article>
            }
        })
        .collect_view();
    view! {
        <h1 class="no-print">{format!("{n} lettre(s) prête(s) à imprimer")}</h1>
        <p class="no-print">"Imprimez cette page (une lettre par feuille). Les liens ne seront plus affichés ensuite : seul leur empreinte est gardée."</p>
        {items}
    }
}

/// The service and the form's post (ssr).
#[cfg(feature = "ssr")]
pub mod service {
    use super::{Lettre, Ouverture, MAX_LETTRES};
    use crate::auth::model::Staff;
    use crate::itineraire::content;
    use chrono::{DateTime, Duration, Utc};
    use sea_orm::{ConnectionTrait, DbErr};

    /// Letters and digits that cannot be confused on paper (Crockford's base 32).
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /// 12 characters: 60 random bits, typed from a letter in three groups of four.
    const LEN: usize = 12;

    pub fn new_token() -> Result<String, DbErr> {
        let mut bytes = [0u8; LEN];
        getrandom::fill(&mut bytes).map_err(|e| DbErr::Custom(format!("random: {e}")))?;
        Ok(bytes.iter().map(|b| ALPHABET[(*b & 31) as usize] as char).collect())
    }

    /// What a person typed, as stored: upper case, no dashes or spaces, O read as 0, I and L as 1.
    pub fn normalize(typed: &str) -> Option<String> {
        let t: String = typed
            .chars()
            .filter(|c| !matches!(c, '-' | ' ' | '.'))
            .map(|c| match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            })
            .collect();
        (t.len() == LEN && t.bytes().all(|b| ALPHABET.contains(&b))).then_some(t)
    }

    /// `7KQ2-M9XD-4HTR`: how the link reads on paper.
    pub fn grouped(token: &str) -> String {
        token.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
    }

    use crate::db::statement as sql;

    /// Makes `n` links to `territoire`, valid `jours` days; returns the tokens (never stored).
    pub async fn create(
        db: &impl ConnectionTrait,
        staff: &Staff,
        territoire: &str,
        n: u32,
        jours: u32,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, DbErr> {
        let n = n.clamp(1, MAX_LETTRES);
        let expires = now + Duration::days(i64::from(jours));
        let mut tokens = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let token = new_token()?;
            db.execute_raw(sql(
                db,
                "INSERT INTO invitation (id, territoire, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                vec![
                    crate::token::token_hash(&token).into(),
                    territoire.into(),
                    staff.id.clone().into(),
                    now.into(),
                    expires.into(),
                ],
            ))
            .await?;
            tokens.push(token);
        }
        tracing::info!(account = %staff.id, n, "invitation letters made");
        Ok(tokens)
    }

    pub async fn open(
        db: &impl ConnectionTrait,
        typed: &str,
        now: DateTime<Utc>,
    ) -> Result<Ouverture, crate::error::AppError> {
        let defaut = content::territoire(None)?;
        let Some(token) = normalize(typed) else { return Ok(Ouverture::Inconnue(defaut)) };
        let id = crate::token::token_hash(&token);
        let row = db
            .query_one_raw(sql(
                db,
                "SELECT territoire, expires_at FROM invitation WHERE id = ?",
                vec![id.clone().into()],
            ))
            .await?;
        let Some(row) = row else { return Ok(Ouverture::Inconnue(defaut)) };
        let code: String = row.try_get("", "territoire")?;
        let expires: DateTime<Utc> = row.try_get("", "expires_at")?;
        let territoire = content::territoire(Some(&code)).unwrap_or(defaut);
        if expires <= now {
            return Ok(Ouverture::Expiree(territoire));
        }
        db.execute_raw(sql(
            db,
            "UPDATE invitation SET opened_at = ? WHERE id = ? AND opened_at IS NULL",
            vec![now.into(), id.into()],
        ))
        .await?;
        Ok(Ouverture::Valide(territoire.code))
    }

    /// The letters for freshly made tokens, links on `origin`.
    pub fn letters(
        origin: &str,
        tokens: &[String],
        jours: u32,
        now: DateTime<Utc>,
        contact: &crate::ui::help::Contact,
    ) -> Vec<Lettre> {
        let texte = super::texte_lettre(contact);
        let expire_le = crate::dates::jour(now + Duration::days(i64::from(jours)));
        tokens
            .iter()
            .map(|t| {
                let lien = format!("{origin}/i/{}", grouped(t));
                Lettre {
                    qr_svg: crate::qr::qr_svg(&lien).unwrap_or_default(),
                    lien_court: lien.split_once("://").map(|(_, rest)| rest.to_owned()).unwrap_or_else(|| lien.clone()),
                    lien,
                    expire_le: expire_le.clone(),
                    texte: texte.clone(),
                }
            })
            .collect()
    }

    /// `POST /pro/invitations`: checks the form, makes the links and answers with the letters.
    pub mod routes {
        use crate::auth::routes::read_staff_form;
        use crate::ui::form::{field, Submitted};
        use crate::web::FormState;
        use axum::{
            extract::{FromRef, Request, State},
            http::StatusCode,
            response::Response,
            routing::post,
            Router,
        };

        pub fn routes<S>() -> Router<S>
        where
            S: Clone + Send + Sync + 'static,
            FormState: FromRef<S>,
            super::super::InvitationJours: FromRef<S>,
        {
            Router::new().route("/pro/invitations", post(make))
        }

        async fn make(
            State(st): State<FormState>,
            State(jours): State<super::super::InvitationJours>,
            req: Request,
        ) -> Response {
            let (parts, fields, staff) = match read_staff_form(&st, req).await {
                Ok(f) => f,
                Err(res) => return res,
            };
            let mut errors = vec![];
            let territoire = field(&fields, "territoire");
            if crate::itineraire::content::territoire(Some(&territoire)).map(|t| t.code) != Ok(territoire.clone()) {
                errors.push(("territoire".to_owned(), "Choisissez un territoire dans la liste.".to_owned()));
            }
            let nombre =
                field(&fields, "nombre").trim().parse::<u32>().ok().filter(|n| (1..=super::MAX_LETTRES).contains(n));
            if nombre.is_none() {
                errors.push((
                    "nombre".to_owned(),
                    format!("Indiquez un nombre de lettres entre 1 et {}.", super::MAX_LETTRES),
                ));
            }
            let contact = crate::itineraire::content::territoire(Some(&territoire)).map(|t| t.contact);
            let (Some(n), Ok(contact)) = (nombre.filter(|_| errors.is_empty()), contact) else {
                return st
                    .refuse(
                        parts,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        Submitted { values: fields, errors, message: None },
                    )
                    .await;
            };
            // Links point at the configured public URL: never at the request's `Host`, which an
            // attacker could set to their own site on a letter printed for a person.
            let origin = st.public_url.trim_end_matches('/').to_owned();
            let jours = jours.0;
            let now = chrono::Utc::now();
            match super::create(&st.db, &staff, &territoire, n, jours, now).await {
                Ok(tokens) => {
                    let lettres = super::letters(&origin, &tokens, jours, now, &contact);
                    let context = st.context.clone();
                    let provide = move || {
                        context();
                        leptos::prelude::provide_context(lettres.clone());
                    };
                    crate::ui::form::render_again(
                        st.options.clone(),
                        parts,
                        StatusCode::OK,
                        Submitted::default(),
                        provide,
                    )
                    .await
                }
                Err(e) => {
                    tracing::error!(error = %e, "invitations failed");
                    let message = Some(crate::error::AppError::Unavailable.to_string());
                    st.refuse(
                        parts,
                        StatusCode::SERVICE_UNAVAILABLE,
                        Submitted { values: fields, errors: vec![], message },
                    )
                    .await
                }
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::db::testing::TestDb;

        #[test]
        fn tokens_read_well_on_paper() {
            let t = new_token().unwrap();
            assert_eq!(t.len(), 12);
            assert_eq!(normalize(&grouped(&t).to_lowercase()), Some(t.clone()));
            assert_eq!(normalize("7kq2-m9xd-4htr"), Some("7KQ2M9XD4HTR".into()));
            assert_eq!(normalize("OIL0-0000-0000"), Some("011000000000".into()));
            assert_eq!(normalize("7KQ2-M9XD"), None);
            assert_eq!(normalize("<script>alert(1)</script>"), None);
        }

        #[test]
        fn nothing_printed_says_rsa() {
            let contact = content::territoire(Some("comminges")).unwrap().contact;
            let printed = super::super::texte_lettre(&contact).join(" ")
                + &super::super::texte_sms("https://x.example/i/AAAA-BBBB-CCCC");
            assert!(!printed.to_uppercase().contains("RSA"), "{printed}");
            assert!(!printed.to_lowercase().contains("revenu de solidarit"), "{printed}");
            assert!(printed.contains("05 99 00 31 12"), "{printed}");
        }

        #[tokio::test]
        async fn links_open_the_territory_until_they_expire_then_a_human_contact() {
            for t in TestDb::all().await {
                let b = t.backend();
                crate::test_support::load_sample(&t.db).await;
                let staff =
                    crate::test_support::staff_of(&t.db, "mobil-comminges", crate::auth::model::Role::Referent).await;
                let now = Utc::now();
                let tokens = create(&t.db, &staff, "comminges", 3, 60, now).await.unwrap();
                assert_eq!(tokens.len(), 3, "{b}");
                assert_eq!(
                    open(&t.db, &grouped(&tokens[0]).to_lowercase(), now).await.unwrap(),
                    Ouverture::Valide("comminges".into()),
                    "{b}"
                );
                // 61 days later: the Comminges contact, not an error.
                match open(&t.db, &tokens[1], now + Duration::days(61)).await.unwrap() {
                    Ouverture::Expiree(ter) => assert_eq!(ter.contact.telephone, "05 99 00 31 12", "{b}"),
                    other => panic!("{b}: {other:?}"),
                }
                assert!(matches!(open(&t.db, "AAAA-BBBB-CCCC", now).await.unwrap(), Ouverture::Inconnue(_)), "{b}");
                assert!(matches!(open(&t.db, "n'importe quoi", now).await.unwrap(), Ouverture::Inconnue(_)), "{b}");
                t.drop().await;
            }
        }
    }
}
