//! Rate limits that hold behind a reverse proxy and across several server processes: each
//! attempt is counted in the database (`limite`: a key, a fixed window, a count, incremented by
//! one atomic upsert), per named bucket. The visitor's address is the TCP peer, or — when the peer
//! is a trusted proxy (`ITINERAIRE_PROXIES`) — the right-most `X-Forwarded-For` entry that is not
//! one; the header is never believed otherwise. IPv6 addresses count per /64 (one household or
//! phone gets a whole /64). Messages are counted per destination too.
use chrono::{DateTime, Utc};
use ipnet::IpNet;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use std::net::IpAddr;

/// What is being limited; each has its own window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// Registrations from one address (per hour).
    Inscription,
    /// Registrations on one session (per minute).
    Seance,
    /// Requests that send a message (a badge link, a carnet code, a password link), per address
    /// (per hour).
    MessageAdresse,
    /// The same, per destination (per hour): nobody floods one phone from many addresses.
    MessageDestination,
    /// Sign-in attempts from one address (per 15 minutes).
    Connexion,
    /// Wrong passwords for one account from one address (per 15 minutes).
    ConnexionCompte,
    /// Carnet codes typed from one address (per day).
    CodeAdresse,
    /// Carnet codes typed for one carnet (per day).
    CodeCarnet,
    /// Badges checked at /verifier from one address (per minute).
    Verifier,
}

impl Bucket {
    fn name(self) -> &'static str {
        match self {
            Bucket::Inscription => "inscription",
            Bucket::Seance => "seance",
            Bucket::MessageAdresse => "message-adresse",
            Bucket::MessageDestination => "message-destination",
            Bucket::Connexion => "connexion",
            Bucket::ConnexionCompte => "connexion-compte",
            Bucket::CodeAdresse => "code-adresse",
            Bucket::CodeCarnet => "code-carnet",
            Bucket::Verifier => "verifier",
        }
    }

    /// The window, in seconds.
    fn window(self) -> i64 {
        match self {
            Bucket::Inscription | Bucket::MessageAdresse | Bucket::MessageDestination => 3600,
            Bucket::Seance | Bucket::Verifier => 60,
            Bucket::Connexion | Bucket::ConnexionCompte => 900,
            Bucket::CodeAdresse | Bucket::CodeCarnet => 86_400,
        }
    }
}

/// The limits of a server, as configured.
#[derive(Debug, Clone)]
pub struct Limits {
    pub inscriptions_par_ip_heure: u32,
    pub inscriptions_par_seance_minute: u32,
    /// Addresses (or ranges) of the reverse proxies whose `X-Forwarded-For` is believed.
    pub proxies: Vec<IpNet>,
}

impl Default for Limits {
    /// 30 registrations an hour from one address (a social worker may register several people
    /// from an office), 60 a minute on one session, no proxy.
    fn default() -> Self {
        Limits { inscriptions_par_ip_heure: 30, inscriptions_par_seance_minute: 60, proxies: vec![] }
    }
}

impl Limits {
    pub fn new(inscriptions_par_ip_heure: u32, inscriptions_par_seance_minute: u32) -> Limits {
        Limits { inscriptions_par_ip_heure, inscriptions_par_seance_minute, ..Default::default() }
    }

    /// How many attempts a bucket accepts per window.
    pub fn max(&self, bucket: Bucket) -> u32 {
        match bucket {
            Bucket::Inscription => self.inscriptions_par_ip_heure,
            Bucket::Seance => self.inscriptions_par_seance_minute,
            Bucket::MessageAdresse => 10,
            Bucket::MessageDestination => 3,
            Bucket::Connexion => 30,
            Bucket::ConnexionCompte => 5,
            Bucket::CodeAdresse => 30,
            Bucket::CodeCarnet => 15,
            Bucket::Verifier => 20,
        }
    }

    /// The visitor's address as limits count it (see the module's doc).
    pub fn client(&self, peer: Option<IpAddr>, forwarded: Option<&str>) -> IpAddr {
        let peer = peer.unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
        let trusted = |ip: &IpAddr| self.proxies.iter().any(|n| n.contains(ip));
        if !trusted(&peer) {
            return peer;
        }
        // Right to left: the first address a trusted proxy did not add is the visitor's.
        let mut last = peer;
        for entry in forwarded.unwrap_or("").rsplit(',').map(str::trim).take(20) {
            match entry.parse::<IpAddr>() {
                Ok(ip) if trusted(&ip) => last = ip,
                Ok(ip) => return ip,
                // A malformed entry: nothing left of it can be believed.
                Err(_) => return last,
            }
        }
        last
    }

    /// The attempts counted in `bucket` for `key` in the current window (nothing counted).
    pub async fn count(
        &self,
        db: &impl ConnectionTrait,
        bucket: Bucket,
        key: &str,
        now: DateTime<Utc>,
    ) -> Result<i32, DbErr> {
        let window = now.timestamp().div_euclid(bucket.window()) * bucket.window();
        let cle = format!("{}:{key}", bucket.name());
        Ok(limite::Entity::find_by_id((cle, window)).one(db).await?.map_or(0, |l| l.n))
    }

    /// One attempt in `bucket` for `key`: `Ok(false)` when over the limit.
    pub async fn allow(
        &self,
        db: &impl ConnectionTrait,
        bucket: Bucket,
        key: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, DbErr> {
        // The window's start, in seconds: every bucket's windows compare with one clock.
        let window = now.timestamp().div_euclid(bucket.window()) * bucket.window();
        let cle = format!("{}:{key}", bucket.name());
        // One statement, so that two processes counting at once both count: sea-orm cannot say an
        // upsert that answers the new count on SQLite (no RETURNING there), hence the raw SQL.
        let sql = "INSERT INTO limite (cle, fenetre, n) VALUES (?, ?, 1) \
                   ON CONFLICT (cle, fenetre) DO UPDATE SET n = limite.n + 1 RETURNING n";
        let row = db.query_one_raw(crate::db::statement(db, sql, vec![cle.into(), window.into()])).await?;
        let n: i32 = row.map(|r| r.try_get("", "n")).transpose()?.unwrap_or(1);
        Ok(n as i64 <= i64::from(self.max(bucket)))
    }
}

impl Limits {
    /// A request that sends a message to `destination` (a phone or an e-mail, as typed): counted
    /// per address and per destination (its peppered hash), so that nobody floods a phone, or
    /// spends the SMS budget, from one address or from many.
    pub async fn allow_message(
        &self,
        db: &impl ConnectionTrait,
        ip: IpAddr,
        destination: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, DbErr> {
        if !self.allow(db, Bucket::MessageAdresse, &address_key(ip), now).await? {
            return Ok(false);
        }
        let dest = crate::outbox::contact::hash(db, destination).await?;
        self.allow(db, Bucket::MessageDestination, &dest, now).await
    }
}

/// The visitor's address as the limits count it (the peer, or behind a trusted proxy the
/// address it forwards).
pub fn client_ip(limits: &Limits, req: &axum::extract::Request) -> IpAddr {
    let peer = req.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
    let forwarded = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok());
    limits.client(peer, forwarded)
}

/// An address as a key: IPv4 whole, IPv6 by its /64.
pub fn address_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// Forgets windows that started more than two days ago (the longest lasts a day).
pub async fn purge(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let horizon = now.timestamp() - 2 * 86_400;
    Ok(limite::Entity::delete_many().filter(limite::Column::Fenetre.lt(horizon)).exec(db).await?.rows_affected)
}

/// The counting windows: one row per bucket's key and window start (seconds), its count.
mod limite {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "limite")]
    pub struct Model {
        /// `bucket:key`.
        #[sea_orm(primary_key, auto_increment = false)]
        pub cle: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub fenetre: i64,
        pub n: i32,
    }
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}
    impl ActiveModelBehavior for ActiveModel {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn behind(proxies: &[&str]) -> Limits {
        Limits { proxies: proxies.iter().map(|p| p.parse().unwrap()).collect(), ..Default::default() }
    }

    #[test]
    fn forwarded_addresses_are_believed_only_from_a_trusted_proxy() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let none = behind(&[]);
        assert_eq!(none.client(Some(ip("203.0.113.9")), Some("198.51.100.1")), ip("203.0.113.9"), "no proxy: the peer");
        let lb = behind(&["10.0.0.0/8", "127.0.0.1/32"]);
        assert_eq!(lb.client(Some(ip("127.0.0.1")), Some("198.51.100.7")), ip("198.51.100.7"));
        // A visitor writing their own header: the proxy appends the real address, right-most wins.
        assert_eq!(lb.client(Some(ip("10.1.2.3")), Some("1.2.3.4, 198.51.100.7")), ip("198.51.100.7"));
        // Two proxies in a row.
        assert_eq!(lb.client(Some(ip("10.1.2.3")), Some("198.51.100.7, 10.9.9.9")), ip("198.51.100.7"));
        // Garbage from the visitor stops the walk at the last trusted hop.
        assert_eq!(lb.client(Some(ip("10.1.2.3")), Some("pas-une-adresse, 10.9.9.9")), ip("10.9.9.9"));
        assert_eq!(lb.client(Some(ip("10.1.2.3")), None), ip("10.1.2.3"));
        // An untrusted peer's header is ignored.
        assert_eq!(lb.client(Some(ip("203.0.113.9")), Some("198.51.100.7")), ip("203.0.113.9"));
    }

    #[test]
    fn ipv6_addresses_count_per_64() {
        let a = address_key("2a01:e0a:1:2:aaaa::1".parse().unwrap());
        let b = address_key("2a01:e0a:1:2:bbbb::9".parse().unwrap());
        assert_eq!(a, b);
        assert_eq!(a, "2a01:e0a:1:2::/64");
        assert_ne!(a, address_key("2a01:e0a:1:3::1".parse().unwrap()));
        assert_eq!(address_key("::ffff:192.0.2.1".parse().unwrap()), "192.0.2.1");
    }
}
