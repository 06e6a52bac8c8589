//! Configuration from the environment, with defaults that work on a fresh clone.
use clap::{Parser, Subcommand};

#[derive(Debug, Clone, Parser)]
#[command(name = "server", version, about = "Itinéraire: the web server and its maintenance commands.")]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Serve the web application (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Import structures and services in the data·inclusion schema: one JSON file
    /// ({"structures": [...], "services": [...]}) or two CSV files (structures and services, in
    /// either order). Idempotent: re-importing updates, never duplicates. Rejected rows are listed
    /// with a reason.
    Import {
        /// The JSON file, or the two CSV files.
        #[arg(required = true, num_args = 1..=2)]
        files: Vec<std::path::PathBuf>,
    },
    /// Export the catalogue in the data·inclusion schema (what `import` reads).
    Export {
        /// Where to write the JSON file (`-` for standard output).
        file: std::path::PathBuf,
    },
    /// Create a professional's account, or update the one with this e-mail (its sessions end).
    /// The password is read from ITINERAIRE_PASSWORD, else from the first line of standard input.
    AccountAdd {
        /// Sign-in e-mail.
        #[arg(long)]
        email: String,
        /// Name shown in the professionals' space.
        #[arg(long)]
        nom: String,
        /// The structure: its id, or `source:id` as in the imported file (e.g.
        /// `itineraire-exemple:mobil-comminges`). Not needed for `admin`.
        #[arg(long)]
        structure: Option<String>,
        /// referent, charge_orientation, admin_structure or admin.
        #[arg(long, default_value = "referent")]
        role: String,
    },
    /// Data protection: erase the names and contacts of registrants of sessions that ended more
    /// than ITINERAIRE_RETENTION_JOURS days ago, and delete older messages. The server also does
    /// it every 6 hours; this command is for cron jobs and checks.
    Purge,
    /// Check the sending of messages: writes a test message (or `--nombre` of them) to this
    /// phone or e-mail, sends it with the configured relay or SMS API, and prints what happened.
    /// With `--seulement-file`, only writes them (the running servers send them).
    MessageTest {
        /// A French mobile (`06 12 34 56 78`) or an e-mail address.
        contact: String,
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        nombre: u32,
        #[arg(long)]
        seulement_file: bool,
    },
    /// Create the badges' signing key (Ed25519) in the file ITINERAIRE_BADGE_KEY (permissions
    /// 0600). Never overwrites an existing key: see "Key rotation" in the README.
    BadgeKey,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// Database URL: `sqlite://path?mode=rwc` (embedded, the default) or `postgres://…`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/itineraire.db?mode=rwc")]
    pub database_url: String,

    /// The public origin people use (e.g. `https://itineraire.example.fr`). POSTs must come from
    /// it; when unset, from the same host as the request.
    #[arg(long, env = "ITINERAIRE_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Largest request body accepted, in bytes.
    #[arg(long, env = "ITINERAIRE_MAX_BODY_BYTES", default_value_t = 1024 * 1024)]
    pub max_body_bytes: usize,

    /// Load the demo data (fictional offers and workshops of the Comminges) into an empty
    /// catalogue. Default: on for a local server, off as soon as ITINERAIRE_PUBLIC_URL is set (a
    /// public site gets demo data only when asked for explicitly).
    #[arg(long, env = "ITINERAIRE_DEMO", action = clap::ArgAction::Set)]
    pub demo: Option<bool>,

    /// Days the names and contacts of a session's registrants are kept after it ends.
    #[arg(long, env = "ITINERAIRE_RETENTION_JOURS", default_value_t = app::socle::model::DEFAULT_RETENTION_DAYS,
          value_parser = clap::value_parser!(i64).range(1..=3650))]
    pub retention_jours: i64,

    /// The reverse proxies in front of the server (addresses or CIDR ranges, comma-separated,
    /// e.g. `127.0.0.1,10.0.0.0/8`): the visitor's address is then the right-most
    /// `X-Forwarded-For` entry that is not one of them. Unset: the header is never believed.
    #[arg(long, env = "ITINERAIRE_PROXIES", value_delimiter = ',')]
    pub proxies: Vec<String>,

    /// Registration attempts accepted per hour from one network address.
    #[arg(long, env = "ITINERAIRE_INSCRIPTIONS_PAR_IP_HEURE", default_value_t = 30)]
    pub inscriptions_par_ip_heure: u32,

    /// Registration attempts accepted per minute on one session.
    #[arg(long, env = "ITINERAIRE_INSCRIPTIONS_PAR_SEANCE_MINUTE", default_value_t = 60)]
    pub inscriptions_par_seance_minute: u32,

    /// File of the badges' signing key (created by `server badge-key`). Keep it out of database
    /// dumps and backups of the data folder. Without it, no badge is issued.
    #[arg(long, env = "ITINERAIRE_BADGE_KEY", default_value = "data/badge-key.secret")]
    pub badge_key: std::path::PathBuf,

    /// Public keys (`z6Mk…`, comma-separated) of earlier badge keys, after a key rotation: they
    /// stay in the DID document so the badges they signed keep verifying (README, "Key rotation").
    #[arg(long, env = "ITINERAIRE_BADGE_ANCIENNES_CLES", value_delimiter = ',')]
    pub badge_anciennes_cles: Vec<String>,

    /// The SMTP relay e-mails leave through, in lettre's form: `smtps://user:password@host:465`,
    /// `smtp://user:password@host:587?tls=required`, or `smtp://127.0.0.1:2525` for a local
    /// relay. Unset: e-mails wait in the outbox (said at start-up and on /healthz/details).
    #[arg(long, env = "ITINERAIRE_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The e-mails' From, with a display name: `Itinéraire <ne-pas-repondre@itineraire.example.fr>`.
    #[arg(long, env = "ITINERAIRE_SMTP_EXPEDITEUR")]
    pub smtp_expediteur: Option<String>,

    /// Base URL of Brevo's API (SMS go to `<url>/v3/transactionalSMS/send`).
    #[arg(long, env = "ITINERAIRE_SMS_URL", default_value = "https://api.brevo.com")]
    pub sms_url: String,

    /// Brevo's API key (header `api-key`). Unset: SMS wait in the outbox.
    #[arg(long, env = "ITINERAIRE_SMS_CLE", hide_env_values = true)]
    pub sms_cle: Option<String>,

    /// The name SMS come from: 3 to 11 letters or digits (checked at start-up).
    #[arg(long, env = "ITINERAIRE_SMS_EXPEDITEUR", default_value = "Itineraire")]
    pub sms_expediteur: String,

    /// Seconds a message a server is sending stays reserved to it; after that another server
    /// takes it over (the first one died). Longer than the providers' timeouts (30 s).
    #[arg(long, env = "ITINERAIRE_MESSAGES_RESERVATION_SECONDES", default_value_t = app::outbox::CLAIM_SECONDS,
          value_parser = clap::value_parser!(i64).range(5..=3600))]
    pub messages_reservation_secondes: i64,

    /// Development and tests only: write the messages to people (SMS, e-mails, with their private
    /// links) to this file, one JSON object per line, instead of sending them. It holds personal
    /// data: never set it in production.
    #[arg(long, env = "ITINERAIRE_MESSAGES_FICHIER")]
    pub messages_fichier: Option<std::path::PathBuf>,

    /// Days after its last update an offer is flagged to its structure as "à mettre à jour".
    #[arg(long, env = "ITINERAIRE_OFFRE_A_METTRE_A_JOUR_JOURS", default_value_t = 180)]
    pub offre_a_mettre_a_jour_jours: u32,

    /// Days after its last update an offer is hidden from the public (until its structure
    /// updates or confirms it).
    #[arg(long, env = "ITINERAIRE_OFFRE_MASQUEE_JOURS", default_value_t = 365)]
    pub offre_masquee_jours: u32,

    /// Days an invitation link printed on a letter stays valid (then it leads to a page with the
    /// territory's human contact).
    #[arg(long, env = "ITINERAIRE_INVITATION_JOURS", default_value_t = 60)]
    pub invitation_jours: u32,

    /// Days after which the person's data in an orientation request (name, contact, message) is
    /// erased; the request itself stays, anonymous, for the statistics.
    #[arg(long, env = "ITINERAIRE_ORIENTATION_ANONYMISATION_JOURS", default_value_t = 730)]
    pub orientation_anonymisation_jours: i64,

    /// Months after which a carnet nobody changed is anonymised (its statistics stay).
    #[arg(long, env = "ITINERAIRE_CARNET_CONSERVATION_MOIS", default_value_t = 24,
          value_parser = clap::value_parser!(u32).range(1..=120))]
    pub carnet_conservation_mois: u32,

    /// Seconds a public page (catalogue, workshops, information) may be served from the page
    /// cache to visitors without a session, at most; any form post refreshes it at once. 0: off.
    #[arg(long, env = "ITINERAIRE_CACHE_SECONDES", default_value_t = 30)]
    pub cache_secondes: u64,

    /// Log format: `text` (readable) or `json` (for a log collector). Levels: `RUST_LOG`.
    #[arg(long, env = "ITINERAIRE_LOG_FORMAT", default_value = "text")]
    pub log_format: String,
}

impl Config {
    /// The trusted proxies' ranges (a single address is a /32 or /128).
    pub fn proxies(&self) -> Result<Vec<ipnet::IpNet>, String> {
        self.proxies
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<ipnet::IpNet>()
                    .or_else(|_| p.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                    .map_err(|_| format!("ITINERAIRE_PROXIES : « {p} » n’est ni une adresse ni une plage (10.0.0.0/8)"))
            })
            .collect()
    }

    /// Whether to load the demo data: as asked, else only without a public URL.
    pub fn demo(&self) -> bool {
        self.demo.unwrap_or_else(|| self.public_origin().is_none())
    }

    /// The public origin without a trailing slash, as browsers send it in `Origin`.
    pub fn public_origin(&self) -> Option<String> {
        self.public_url.as_deref().map(|u| u.trim_end_matches('/').to_owned()).filter(|u| !u.is_empty())
    }
}

/// Printed after `--help`: the variables read by Leptos itself.
pub const LEPTOS_ENV_HELP: &str = "\
Also read from the environment (set by cargo-leptos at build time; override when running elsewhere):
  LEPTOS_SITE_ADDR     address to listen on (default 127.0.0.1:3000)
  LEPTOS_SITE_ROOT     folder of the built site (default target/site, relative to the current folder)
  LEPTOS_SITE_PKG_DIR  sub-folder of the WASM/JS/CSS bundle (default pkg)
  RUST_LOG             log levels (default info)";

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Config {
        Cli::try_parse_from(std::iter::once("server").chain(args.iter().copied())).expect("arguments").config
    }

    #[test]
    fn a_public_site_gets_demo_data_only_when_asked() {
        assert!(parse(&[]).demo(), "a local server: the demo");
        assert!(!parse(&["--public-url", "https://itineraire.example.fr"]).demo());
        assert!(parse(&["--public-url", "https://itineraire.example.fr", "--demo", "true"]).demo());
        assert!(!parse(&["--demo", "false"]).demo());
    }

    #[test]
    fn trusted_proxies_are_addresses_or_ranges_and_anything_else_stops_the_server() {
        let c = parse(&["--proxies", "127.0.0.1,10.0.0.0/8, ::1"]);
        let p = c.proxies().unwrap();
        assert_eq!(p.len(), 3);
        assert!(p[0].contains(&"127.0.0.1".parse::<std::net::IpAddr>().unwrap()));
        assert!(p[1].contains(&"10.9.8.7".parse::<std::net::IpAddr>().unwrap()));
        assert!(parse(&["--proxies", "le-proxy"]).proxies().unwrap_err().contains("le-proxy"));
    }
}
