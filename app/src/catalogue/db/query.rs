//! Reading the catalogue: filtered full-text search, one offer, the filter choices.
use super::{commune, offre, offre_theme, schema::{Schema, SCHEMA}, structure};
use crate::catalogue::model::*;
use crate::catalogue::search::{correct, highlight, stem};
use sea_orm::{
    entity::prelude::*, ConnectionTrait, DbBackend, FromQueryResult, QueryOrder, Statement, Value,
};
use std::collections::HashMap;

/// Filters once checked (see `api::validate`): every value is known to be acceptable.
#[derive(Debug, Clone, Default)]
pub struct Recherche {
    pub terms: Vec<String>,
    pub theme: Option<String>,
    pub commune: Option<String>,
    pub gratuit: bool,
    pub mode: Option<String>,
    pub public: Option<String>,
    pub page: u32,
}

/// SQL text with placeholders numbered for the backend (`?` or `$n`).
struct Sql {
    backend: DbBackend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    fn new(backend: DbBackend) -> Self {
        Sql { backend, text: String::new(), values: vec![] }
    }
    fn push(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }
    fn bind(&mut self, v: impl Into<Value>) -> &mut Self {
        self.values.push(v.into());
        if self.backend == DbBackend::Postgres {
            let n = self.values.len();
            self.text.push_str(&format!("${n}"));
        } else {
            self.text.push('?');
        }
        self
    }
    fn statement(&self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text.clone(), self.values.clone())
    }
}

#[derive(FromQueryResult)]
struct Row {
    id: String,
    nom: String,
    description: String,
    commune: Option<String>,
    frais: Option<String>,
    modes_accueil: String,
    structure: String,
}

#[derive(FromQueryResult)]
struct Count {
    n: i64,
}

/// FROM + WHERE shared by the count and the page of ids. No join to `structure`: filters never
/// need it, and the 20 rows shown are completed afterwards.
fn from_where(sql: &mut Sql, r: &Recherche) {
    let pg = sql.backend == DbBackend::Postgres;
    if !r.terms.is_empty() && !pg {
        // CROSS JOIN makes SQLite drive the loop from the full-text index, never the reverse
        // (probing MATCH once per offer row is orders of magnitude slower).
        sql.push(" FROM offre_fts f CROSS JOIN offre o ON o.rowid = f.rowid WHERE offre_fts MATCH ")
            .bind(fts_query(&r.terms))
            .push(" AND o.archived = ")
            .bind(false);
    } else {
        sql.push(" FROM offre o WHERE o.archived = ").bind(false);
        if !r.terms.is_empty() {
            sql.push(" AND o.search_tsv @@ to_tsquery('simple', ").bind(tsquery(&r.terms)).push(")");
        }
    }
    if let Some(theme) = &r.theme {
        sql.push(" AND o.id IN (SELECT t.offre_id FROM offre_theme t WHERE t.theme_code = ")
            .bind(theme.clone())
            .push(")");
    }
    if let Some(c) = &r.commune {
        sql.push(" AND o.code_insee = ").bind(c.clone());
    }
    if r.gratuit {
        sql.push(" AND o.frais = ").bind("gratuit");
    }
    if let Some(m) = &r.mode {
        sql.push(" AND o.modes_accueil LIKE ").bind(format!("%\"{m}\"%"));
    }
    if let Some(p) = &r.public {
        sql.push(" AND (o.publics LIKE ")
            .bind(format!("%\"{p}\"%"))
            .push(" OR o.publics LIKE ")
            .bind("%\"tous-publics\"%")
            .push(")");
    }
}

/// Terms are alphanumeric (see `search::terms`), so they need no escaping.
fn fts_query(terms: &[String]) -> String {
    terms.iter().map(|t| format!("\"{t}\"*")).collect::<Vec<_>>().join(" ")
}

fn tsquery(terms: &[String]) -> String {
    terms.iter().map(|t| format!("{t}:*")).collect::<Vec<_>>().join(" & ")
}

#[derive(FromQueryResult)]
struct Id {
    id: String,
}

async fn run(db: &DatabaseConnection, r: &Recherche) -> Result<(u64, Vec<Row>), DbErr> {
    let backend = db.get_database_backend();
    let mut count = Sql::new(backend);
    count.push("SELECT COUNT(*) AS n");
    from_where(&mut count, r);
    let total = Count::find_by_statement(count.statement())
        .one(db)
        .await?
        .map(|c| c.n.max(0) as u64)
        .unwrap_or(0);
    if total == 0 {
        return Ok((0, vec![]));
    }
    // First the ids of the page (narrow rows sort fast), then the 20 rows to show.
    let mut page = Sql::new(backend);
    page.push("SELECT o.id AS id");
    from_where(&mut page, r);
    page.push(" ORDER BY ");
    if !r.terms.is_empty() {
        if backend == DbBackend::Postgres {
            page.push("ts_rank(o.search_tsv, to_tsquery('simple', ").bind(tsquery(&r.terms)).push(")) DESC, ");
        } else {
            page.push("f.rank, ");
        }
    }
    let offset = u64::from(r.page.saturating_sub(1)) * PAR_PAGE;
    page.push("o.nom, o.id LIMIT ").bind(PAR_PAGE as i64).push(" OFFSET ").bind(offset as i64);
    let ids: Vec<String> = Id::find_by_statement(page.statement()).all(db).await?.into_iter().map(|i| i.id).collect();
    if ids.is_empty() {
        return Ok((total, vec![]));
    }
    let mut rows_sql = Sql::new(backend);
    rows_sql.push(
        "SELECT o.id, o.nom, o.description, o.commune, o.frais, o.modes_accueil, s.nom AS structure \
         FROM offre o JOIN structure s ON s.id = o.structure_id WHERE o.id IN (",
    );
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            rows_sql.push(", ");
        }
        rows_sql.bind(id.clone());
    }
    rows_sql.push(")");
    let mut by_id: HashMap<String, Row> =
        Row::find_by_statement(rows_sql.statement()).all(db).await?.into_iter().map(|r| (r.id.clone(), r)).collect();
    Ok((total, ids.iter().filter_map(|id| by_id.remove(id)).collect()))
}

/// `term` starts with `prefix`, as a range on the primary key (bytewise on both databases).
fn term_starts_with(sql: &mut Sql, prefix: &str) {
    sql.push("term >= ")
        .bind(prefix.to_owned())
        .push(" AND term < ")
        .bind(format!("{prefix}\u{10FFFF}"));
}

/// Corrects the query words that no catalogue word starts with (typos); `None` if none could be.
async fn corrected(db: &DatabaseConnection, terms: &[String]) -> Result<Option<(Vec<String>, Vec<(String, String)>)>, DbErr> {
    let backend = db.get_database_backend();
    let mut out = Vec::with_capacity(terms.len());
    let mut changes = Vec::new();
    for t in terms {
        let mut exists = Sql::new(backend);
        exists.push("SELECT term FROM search_term WHERE ");
        term_starts_with(&mut exists, t);
        exists.push(" LIMIT 1");
        if db.query_one_raw(exists.statement()).await?.is_some() {
            out.push(t.clone());
            continue;
        }
        let first: String = t.chars().take(1).collect();
        let n = t.chars().count() as i64;
        let mut candidates = Sql::new(backend);
        candidates.push("SELECT term FROM search_term WHERE ");
        term_starts_with(&mut candidates, &first);
        candidates
            .push(" AND length(term) BETWEEN ")
            .bind(n - 2)
            .push(" AND ")
            .bind(n + 2);
        let words: Vec<String> = db
            .query_all_raw(candidates.statement())
            .await?
            .into_iter()
            .filter_map(|row| row.try_get::<String>("", "term").ok())
            .collect();
        match correct(t, words.iter().map(String::as_str)) {
            Some(w) => {
                changes.push((t.clone(), w.to_owned()));
                out.push(w.to_owned());
            }
            None => out.push(t.clone()),
        }
    }
    Ok((!changes.is_empty()).then_some((out, changes)))
}

pub async fn search(db: &DatabaseConnection, r: &Recherche) -> Result<Resultats, DbErr> {
    let (mut total, mut rows) = run(db, r).await?;
    let mut terms = r.terms.clone();
    let mut corrections = vec![];
    if total == 0 && !r.terms.is_empty() {
        if let Some((fixed, changes)) = corrected(db, &r.terms).await? {
            let retry = Recherche { terms: fixed.clone(), ..r.clone() };
            (total, rows) = run(db, &retry).await?;
            terms = fixed;
            corrections = changes;
        }
    }
    let ids: Vec<String> = rows.iter().map(|row| row.id.clone()).collect();
    let mut themes: HashMap<String, Vec<String>> = HashMap::new();
    if !ids.is_empty() {
        for t in offre_theme::Entity::find()
            .filter(offre_theme::Column::OffreId.is_in(ids))
            .order_by_asc(offre_theme::Column::ThemeCode)
            .all(db)
            .await?
        {
            themes.entry(t.offre_id).or_default().push(t.theme_code);
        }
    }
    let offres = rows
        .into_iter()
        .map(|row| {
            let modes: Vec<String> = serde_json::from_str(&row.modes_accueil).unwrap_or_default();
            OffreResume {
                nom: highlight(&row.nom, &terms),
                extrait: highlight(&excerpt(&row.description, &terms), &terms),
                themes: themes.remove(&row.id).unwrap_or_default(),
                id: row.id,
                structure: row.structure,
                commune: row.commune,
                gratuit: row.frais.as_deref().map(|f| f == "gratuit"),
                a_distance: modes.iter().any(|m| m == "a-distance"),
                en_presentiel: modes.iter().any(|m| m == "en-presentiel"),
            }
        })
        .collect();
    let pages = total.div_ceil(PAR_PAGE).max(1) as u32;
    Ok(Resultats { total, page: r.page.max(1), pages, offres, corrections })
}

/// About 220 characters of the description, starting near the first matching word.
fn excerpt(description: &str, terms: &[String]) -> String {
    const LEN: usize = 220;
    let chars: Vec<char> = description.chars().collect();
    let mut start = 0;
    if !terms.is_empty() {
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_alphanumeric() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
                let word: String = chars[i..].iter().take_while(|c| c.is_alphanumeric()).collect();
                let folded = stem(&crate::text::fold(&word));
                if terms.iter().any(|t| folded.starts_with(t.as_str())) {
                    start = i.saturating_sub(60);
                    while start > 0 && chars[start - 1].is_alphanumeric() {
                        start -= 1;
                    }
                    break;
                }
            }
            i += 1;
        }
    }
    let end = (start + LEN).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

pub async fn offre_detail(db: &DatabaseConnection, id: &str) -> Result<Option<OffreDetail>, DbErr> {
    let Some(o) = offre::Entity::find_by_id(id.to_owned())
        .filter(offre::Column::Archived.eq(false))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let s = structure::Entity::find_by_id(o.structure_id.clone()).one(db).await?;
    let theme_codes = super::theme_codes(db, &o.id).await?;
    let themes = crate::referentiel::db::theme::Entity::find()
        .filter(crate::referentiel::db::theme::Column::Code.is_in(theme_codes))
        .order_by_asc(crate::referentiel::db::theme::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.code, t.label))
        .collect();
    let labels = |json: &str, list: &[(String, String)]| -> Vec<String> {
        serde_json::from_str::<Vec<String>>(json)
            .unwrap_or_default()
            .iter()
            .filter_map(|c| Schema::label(list, c).map(str::to_owned))
            .collect()
    };
    Ok(Some(OffreDetail {
        publics: labels(&o.publics, &SCHEMA.publics),
        modes_accueil: labels(&o.modes_accueil, &SCHEMA.modes_accueil),
        modes_mobilisation: labels(&o.modes_mobilisation, &SCHEMA.modes_mobilisation),
        id: o.id,
        nom: o.nom,
        description: o.description,
        structure: s.map(|s| s.nom).unwrap_or_default(),
        themes,
        conditions_acces: o.conditions_acces,
        gratuit: o.frais.as_deref().map(|f| f == "gratuit"),
        frais_precisions: o.frais_precisions,
        adresse: o.adresse,
        complement_adresse: o.complement_adresse,
        code_postal: o.code_postal,
        commune: o.commune,
        horaires: o.horaires_accueil,
        telephone: o.telephone,
        courriel: o.courriel,
        lien: o.lien,
        date_maj: o.date_maj.format("%Y-%m-%d").to_string(),
        source: o.source,
    }))
}

/// Communes of the département that have at least one offer, by name.
pub async fn communes_with_offres(db: &DatabaseConnection) -> Result<Vec<(String, String)>, DbErr> {
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT c.code AS code, c.nom AS nom FROM commune c WHERE EXISTS (SELECT 1 FROM offre o WHERE o.code_insee = c.code AND o.archived = ")
        .bind(false)
        .push(") ORDER BY c.nom");
    #[derive(FromQueryResult)]
    struct C {
        code: String,
        nom: String,
    }
    Ok(C::find_by_statement(sql.statement()).all(db).await?.into_iter().map(|c| (c.code, c.nom)).collect())
}

/// How many visible offers each theme has.
pub async fn count_by_theme(db: &DatabaseConnection) -> Result<Vec<(String, u64)>, DbErr> {
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT t.theme_code AS code, COUNT(*) AS n FROM offre_theme t JOIN offre o ON o.id = t.offre_id WHERE o.archived = ")
        .bind(false)
        .push(" GROUP BY t.theme_code");
    #[derive(FromQueryResult)]
    struct C {
        code: String,
        n: i64,
    }
    Ok(C::find_by_statement(sql.statement()).all(db).await?.into_iter().map(|c| (c.code, c.n.max(0) as u64)).collect())
}

pub async fn commune_exists(db: &DatabaseConnection, code: &str) -> Result<bool, DbErr> {
    Ok(commune::Entity::find_by_id(code.to_owned()).one(db).await?.is_some())
}
