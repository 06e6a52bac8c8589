//! Generated carnets, for benchmarks and load tests at a département's size (ssr only): the same
//! deterministic corpus on every database, written straight into the room's tables in batches
//! (no history, no read log: what a page reads, not how it got there).
use super::db::{carnet, diagnostic, evenement, membre};
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};

/// Who follows the generated carnets (account ids): each carnet has one référent unique (in
/// turn), the manager, and three in ten the partner.
pub struct Followers<'a> {
    pub referents: &'a [String],
    pub partner: &'a str,
    pub manager: &'a str,
    pub manager_nom: &'a str,
}

/// A small deterministic generator (the same corpus on both databases).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const PRENOMS: [&str; 12] =
    ["Léa", "Yanis", "Inès", "Noé", "Camille", "Sami", "Jade", "Adam", "Lina", "Hugo", "Sarah", "Enzo"];
const NOMS: [&str; 12] = [
    "Martin", "Bernard", "Durand", "Petit", "Benali", "Garcia", "Roux", "Fournier", "Morel", "Girard", "Lopez",
    "Mercier",
];
const THEMES: [&str; 10] = [
    "logement",
    "emploi",
    "formation",
    "difficulte_administrative",
    "difficulte_financiere",
    "mobilite",
    "sante",
    "contraintes_familiales",
    "maitrise_langue",
    "numerique",
];

fn member(carnet: &str, account: &str, ru: bool) -> membre::ActiveModel {
    membre::ActiveModel {
        id: Set(uuid::Uuid::new_v4().to_string()),
        carnet_id: Set(carnet.to_owned()),
        account_id: Set(account.to_owned()),
        referent_unique: Set(ru),
        granted_at: Set(Utc::now()),
        granted_by: Set(account.to_owned()),
        revoked_at: Set(None),
        revoked_by: Set(None),
    }
}

/// Writes `n` carnets: 0–3 themes of diagnostic with situations (drawn apart from the référent,
/// so each référent has carnets on every theme) and 0–4 appointments from a year ago to the
/// coming months each, in batches of 250.
pub async fn generate(db: &impl ConnectionTrait, n: usize, who: &Followers<'_>) -> Result<(), DbErr> {
    let situations = crate::referentiel::service::situations(db, None).await?;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let now = Utc::now();
    for chunk in (0..n).collect::<Vec<_>>().chunks(250) {
        let (mut carnets, mut membres, mut diags, mut events) = (vec![], vec![], vec![], vec![]);
        for &i in chunk {
            let id = uuid::Uuid::new_v4().to_string();
            let at = now - Duration::minutes(rng.below(60 * 24 * 365) as i64);
            let born = NaiveDate::from_ymd_opt(
                1960 + rng.below(45) as i32,
                1 + rng.below(12) as u32,
                1 + rng.below(28) as u32,
            );
            carnets.push(carnet::ActiveModel {
                id: Set(id.clone()),
                prenom: Set(PRENOMS[rng.below(12) as usize].into()),
                nom: Set(format!("{}{i}", NOMS[rng.below(12) as usize])),
                date_naissance: Set(born.unwrap_or_default()),
                numero_caf: Set(None),
                telephone: Set(None),
                courriel: Set(None),
                adresse: Set(None),
                version: Set(1),
                created_at: Set(at),
                updated_at: Set(at),
                nouvelles_le: Set(None),
            });
            if let Some(referent) = who.referents.get(i % who.referents.len().max(1)) {
                membres.push(member(&id, referent, true));
            }
            membres.push(member(&id, who.manager, false));
            if rng.below(10) < 3 {
                membres.push(member(&id, who.partner, false));
            }
            let first = rng.below(10);
            for t in 0..rng.below(4) {
                let theme = THEMES[((first + t * 3) % 10) as usize];
                let ids: Vec<i32> = situations
                    .iter()
                    .filter(|s| s.theme_code == theme)
                    .map(|s| s.id)
                    .take(1 + rng.below(2) as usize)
                    .collect();
                diags.push(diagnostic::ActiveModel {
                    id: Set(uuid::Uuid::new_v4().to_string()),
                    carnet_id: Set(id.clone()),
                    theme_code: Set(theme.into()),
                    situations: Set(serde_json::to_string(&ids).unwrap_or_default()),
                    commentaire: Set(None),
                    commentaire_personne: Set(None),
                    version: Set(1),
                    updated_at: Set(at),
                });
            }
            for _ in 0..rng.below(5) {
                let when = now + Duration::days(rng.below(500) as i64 - 365);
                events.push(evenement::ActiveModel {
                    id: Set(uuid::Uuid::now_v7().to_string()),
                    carnet_id: Set(id.clone()),
                    kind: Set("rendez_vous".into()),
                    at: Set(when),
                    texte: Set("Point d’étape".into()),
                    lieu: Set(None),
                    auteur_id: Set(who.manager.to_owned()),
                    auteur_nom: Set(who.manager_nom.to_owned()),
                    version: Set(1),
                    created_at: Set(at),
                    updated_at: Set(at),
                    rappel_le: Set(None),
                });
            }
        }
        carnet::Entity::insert_many(carnets).exec_without_returning(db).await?;
        membre::Entity::insert_many(membres).exec_without_returning(db).await?;
        if !diags.is_empty() {
            diagnostic::Entity::insert_many(diags).exec_without_returning(db).await?;
        }
        if !events.is_empty() {
            evenement::Entity::insert_many(events).exec_without_returning(db).await?;
        }
    }
    Ok(())
}
