//! A structure's team: who may do what, invitations, concurrent edits, carnets handed over when
//! someone leaves — on SQLite and (with DATABASE_URL) PostgreSQL.
use crate::auth::compte::{self};
use crate::auth::equipe::MembreForm;
use crate::auth::model::{EtatCompte, Role, Staff};
use crate::auth::session::{sign_in, staff_for_token};
use crate::db::testing::TestDb;
use crate::equipe::service as equipe;
use crate::test_support::{allowed, form, last_message, load_sample, pro, read, typed, with_password, PASSWORD};
use chrono::{Duration, Utc};
use sea_orm::DatabaseConnection;

/// The token of the last password link e-mailed to `to` (kind `mot_de_passe` or `invitation`).
async fn link_sent_to(db: &DatabaseConnection, kind: &str, to: &str) -> Option<String> {
    let m = last_message(db, kind, to).await?;
    assert!(!m.corps.contains("RSA"));
    m.lien?.strip_prefix("/pro/mot-de-passe/").map(str::to_owned)
}

#[tokio::test]
async fn only_a_structures_administrators_manage_its_team() {
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let admin = pro(db, "mobil-comminges", Role::AdminStructure, "Admin Mobil").await;
        let referent = pro(db, "mobil-comminges", Role::Referent, "Référent Mobil").await;
        let orientation = pro(db, "mobil-comminges", Role::ChargeOrientation, "Orientation Mobil").await;
        let other_admin = pro(db, "ccas-montrejeau", Role::AdminStructure, "Admin CCAS").await;
        let mut national = pro(db, "mobil-comminges", Role::Admin, "Admin national").await;
        national.structure_id = None;
        let mobil = admin.structure_id.clone().unwrap();
        let invitation = || form(&[("nom", "Lou Nouvelle"), ("email", "lou@mobil.example"), ("role", "referent")]);

        // (who, team page, invite / edit / send a link)
        let cases: [(&Staff, &str); 5] =
            [(&admin, "ok"), (&national, "ok"), (&referent, "403"), (&orientation, "403"), (&other_admin, "403")];
        for (who, expected) in cases {
            let n = &who.nom;
            assert_eq!(allowed(&equipe::team(db, who, &mobil).await), expected, "{b}: team {n}");
            assert_eq!(allowed(&equipe::member(db, who, &referent.id).await), expected, "{b}: member {n}");
            let v = equipe::member(db, &admin, &referent.id).await.unwrap().compte.version;
            let edit = form(&[("role", "charge_orientation"), ("etat", "actif")]);
            assert_eq!(
                allowed(&equipe::update(db, who, &referent.id, v, &read(&edit), now).await),
                expected,
                "{b}: update {n}"
            );
            if expected == "ok" {
                let back = form(&[("role", "referent"), ("etat", "actif")]);
                equipe::update(db, who, &referent.id, v + 1, &read(&back), now).await.unwrap();
            }
        }
        // Another structure's administrator sees their own team only.
        assert_eq!(
            equipe::team(db, &other_admin, "").await.unwrap().structure_nom,
            "CCAS de Montréjeau (exemple)",
            "{b}"
        );
        assert_eq!(
            allowed(&crate::auth::equipe::invite(db, &referent, &mobil, &read(&invitation()), now).await),
            "403",
            "{b}"
        );
        assert_eq!(
            allowed(&crate::auth::equipe::invite(db, &other_admin, &mobil, &read(&invitation()), now).await),
            "403",
            "{b}"
        );
        assert!(last_message(db, "invitation", "lou@mobil.example").await.is_none(), "{b}: nothing sent when refused");

        // The administrator invites: the account waits for its password, an e-mail carries the link.
        let lou = crate::auth::equipe::invite(db, &admin, &mobil, &read(&invitation()), now).await.expect(b);
        let team = equipe::team(db, &admin, "").await.unwrap();
        let row = team.comptes.iter().find(|c| c.id == lou).unwrap();
        assert_eq!((row.etat, row.role), (EtatCompte::Invite, Role::Referent), "{b}");
        assert!(sign_in(db, "lou@mobil.example", "", now).await.is_err(), "{b}");
        let token = link_sent_to(db, "invitation", "lou@mobil.example").await.expect(b);
        assert_eq!(
            compte::link_account(db, &token, now + Duration::days(6)).await.unwrap().map(|(_, k)| k),
            Some(compte::Kind::Invitation),
            "{b}: valid a week"
        );
        compte::set_password_with_link(db, &token, "le mot de passe de Lou", "le mot de passe de Lou", now)
            .await
            .unwrap();
        assert!(sign_in(db, "lou@mobil.example", "le mot de passe de Lou", now).await.is_ok(), "{b}");
        assert_eq!(equipe::member(db, &admin, &lou).await.unwrap().compte.etat, EtatCompte::Actif, "{b}");
        // Same address twice, bad fields: French messages, nothing created.
        let again = crate::auth::equipe::invite(db, &admin, &mobil, &read(&invitation()), now).await;
        assert!(
            matches!(&again, Err(crate::error::EditError::Invalid(e)) if e[0].1.contains("existe déjà")),
            "{b}: {again:?}"
        );
        let bad = crate::auth::equipe::invite(
            db,
            &admin,
            &mobil,
            &typed(&[("nom", ""), ("email", "pas-une-adresse"), ("role", "admin")]),
            now,
        )
        .await;
        assert!(matches!(&bad, Err(crate::error::EditError::Invalid(e)) if e.len() == 3), "{b}: {bad:?}");
        // An administrator cannot remove their own rights (the team would have no one left).
        let mine = equipe::member(db, &admin, &admin.id).await.unwrap().compte.version;
        let r =
            equipe::update(db, &admin, &admin.id, mine, &typed(&[("role", "referent"), ("etat", "actif")]), now).await;
        assert_eq!(allowed(&r), "invalid", "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn two_administrators_editing_one_colleague_never_overwrite_each_other() {
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let one = pro(db, "mobil-comminges", Role::AdminStructure, "Admin Un").await;
        let two = pro(db, "mobil-comminges", Role::AdminStructure, "Admin Deux").await;
        let sam = pro(db, "mobil-comminges", Role::Referent, "Sam").await;
        let v = equipe::member(db, &one, &sam.id).await.unwrap().compte.version;
        let (first, second): (MembreForm, MembreForm) = (
            typed(&[("role", "charge_orientation"), ("etat", "actif")]),
            typed(&[("role", "admin_structure"), ("etat", "actif")]),
        );
        let (x, y) = tokio::join!(
            equipe::update(db, &one, &sam.id, v, &first, now),
            equipe::update(db, &two, &sam.id, v, &second, now)
        );
        let outcomes = [allowed(&x), allowed(&y)];
        assert!(outcomes.contains(&"ok") && outcomes.contains(&"conflict"), "{b}: {outcomes:?}");
        let Err(crate::error::EditError::Conflict { stored, version }) = (if x.is_err() { x } else { y }) else {
            unreachable!()
        };
        assert_eq!(version, v + 1, "{b}");
        let role = stored.iter().find(|(k, _)| k == "role").unwrap().1.clone();
        assert_eq!(
            equipe::member(db, &one, &sam.id).await.unwrap().compte.role.code(),
            role,
            "{b}: the conflict shows what is stored"
        );
        t.drop().await;
    }
}

#[tokio::test]
async fn disabling_someone_who_leaves_closes_their_sessions_and_hands_their_carnets_over() {
    use crate::carnet::{acces, identite, membres, page};
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let admin = pro(db, "mobil-comminges", Role::AdminStructure, "Admin Mobil").await;
        let leaving = with_password(db, "partant@mobil.example", "mobil-comminges", Role::Referent).await;
        let taking = pro(db, "mobil-comminges", Role::Referent, "Repreneuse").await;
        let other = pro(db, "ccas-montrejeau", Role::Referent, "Ailleurs").await;
        let session = sign_in(db, "partant@mobil.example", PASSWORD, now).await.unwrap();
        let identite = identite::validate_identite(
            &typed(&[("prenom", "Léa"), ("nom", "Martin"), ("date_naissance", "1990-04-12")]),
            now.date_naive(),
        )
        .unwrap();
        let c1 = identite::create(db, &leaving, identite.clone(), now).await.unwrap();
        let c2 = identite::create(db, &leaving, identite, now).await.unwrap();
        // The second carnet is already followed by the colleague who takes over.
        membres::add_member(db, &leaving, &c2, &taking.id, now).await.unwrap();
        assert_eq!(equipe::member(db, &admin, &leaving.id).await.unwrap().compte.carnets, 2, "{b}");

        let page = equipe::member(db, &admin, &leaving.id).await.unwrap();
        assert!(
            page.collegues.iter().any(|(id, _)| *id == taking.id)
                && page.collegues.iter().all(|(id, _)| *id != other.id && *id != leaving.id),
            "{b}"
        );
        // Someone of another structure cannot take over.
        let v = page.compte.version;
        let refused = equipe::update(
            db,
            &admin,
            &leaving.id,
            v,
            &typed(&[("role", "referent"), ("etat", "desactive"), ("reprise", &other.id)]),
            now,
        )
        .await;
        assert_eq!(allowed(&refused), "invalid", "{b}");
        assert!(staff_for_token(db, &session, now).await.unwrap().is_some(), "{b}: nothing changed");
        equipe::update(
            db,
            &admin,
            &leaving.id,
            v,
            &typed(&[("role", "referent"), ("etat", "desactive"), ("reprise", &taking.id)]),
            now,
        )
        .await
        .expect(b);

        assert!(staff_for_token(db, &session, now).await.unwrap().is_none(), "{b}: session closed");
        assert!(sign_in(db, "partant@mobil.example", PASSWORD, now).await.is_err(), "{b}: cannot sign in");
        for c in [&c1, &c2] {
            assert_eq!(allowed(&acces::membership(db, &leaving, c).await), "403", "{b}: no access left");
            let vue = page::open(db, &taking, c, now).await.expect(b);
            assert_eq!(
                vue.membres.iter().filter(|m| m.referent_unique).map(|m| m.account_id.clone()).collect::<Vec<_>>(),
                vec![taking.id.clone()],
                "{b}"
            );
            assert!(
                vue.historique.iter().any(|h| h.avant.contains(&("départ".into(), leaving.nom.clone()))),
                "{b}: {:?}",
                vue.historique
            );
        }
        assert_eq!(page::open(db, &taking, &c2, now).await.unwrap().membres.len(), 1, "{b}: no duplicate membership");
        assert_eq!(equipe::member(db, &admin, &taking.id).await.unwrap().compte.carnets, 2, "{b}");
        // A disabled account gets no password link.
        assert_eq!(
            allowed(&crate::auth::equipe::send_password_link(db, &admin, &leaving.id, now).await),
            "invalid",
            "{b}"
        );
        t.drop().await;
    }
}
