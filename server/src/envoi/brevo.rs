//! SMS through Brevo's transactional SMS API (the provider rdv-insertion uses to invite RSA
//! beneficiaries): `POST {base}/v3/transactionalSMS/send` with the `api-key` header. Brevo
//! deprecated `/v3/transactionalSMS/sms` in May 2025 for this endpoint (same request; the answer
//! is `{"messageId": …}`). HTTP 5xx, 408, 429 and timeouts are temporary; other 4xx permanent.
use app::outbox::{contact, sms, Outgoing, SendError, SendFuture, Sender};
use std::time::Duration;

/// Brevo's public API.
pub const DEFAULT_URL: &str = "https://api.brevo.com";
/// Longest wait for an answer: shorter than the outbox's claim.
pub const TIMEOUT: Duration = Duration::from_secs(15);

pub struct BrevoSender {
    client: reqwest::Client,
    endpoint: String,
    key: String,
    sender: String,
}

/// A sender name Brevo and the operators accept: 3 to 11 letters or digits (at least one
/// letter), or a number of at most 15 digits.
pub fn check_sender(name: &str) -> Result<(), String> {
    let alnum = name.chars().all(|c| c.is_ascii_alphanumeric());
    let digits = name.chars().all(|c| c.is_ascii_digit());
    let ok = if digits { (3..=15).contains(&name.len()) } else { alnum && (3..=11).contains(&name.len()) };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "ITINERAIRE_SMS_EXPEDITEUR « {name} » : 3 à 11 lettres ou chiffres sans espace ni accent (par exemple Itineraire31), ou un numéro de 15 chiffres au plus"
        ))
    }
}

impl BrevoSender {
    pub fn new(base_url: &str, key: &str, sender: &str, timeout: Duration) -> Result<BrevoSender, String> {
        check_sender(sender)?;
        if key.trim().is_empty() {
            return Err("ITINERAIRE_SMS_CLE est vide".into());
        }
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(Duration::from_secs(5))
            .user_agent(concat!("Itineraire/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("client HTTP : {e}"))?;
        let endpoint = format!("{}/v3/transactionalSMS/send", base_url.trim_end_matches('/'));
        Ok(BrevoSender { client, endpoint, key: key.trim().to_owned(), sender: sender.to_owned() })
    }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Request<'a> {
    sender: &'a str,
    recipient: String,
    content: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    tag: &'a str,
    unicode_enabled: bool,
}

impl Sender for BrevoSender {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            let Some(recipient) = contact::international_digits(&m.destinataire) else {
                return Err(SendError::Permanent("ce numéro n’est pas un numéro de portable".into()));
            };
            let body = Request {
                sender: &self.sender,
                recipient,
                content: &m.texte,
                kind: "transactional",
                tag: &m.kind,
                unicode_enabled: !sms::is_gsm7(&m.texte),
            };
            let response = self
                .client
                .post(&self.endpoint)
                .header("api-key", &self.key)
                .header("accept", "application/json")
                .json(&body)
                .send()
                .await
                .map_err(|e| {
                    let why = if e.is_timeout() { "pas de réponse à temps" } else { "connexion impossible" };
                    SendError::Temporary(format!("API SMS : {why}"))
                })?;
            let status = response.status();
            let text = response.text().await.unwrap_or_default();
            let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            if status.is_success() {
                let id = json.get("messageId").map(|v| v.to_string().trim_matches('"').to_owned());
                return Ok(id);
            }
            let detail =
                json.get("message").and_then(|v| v.as_str()).unwrap_or("").chars().take(200).collect::<String>();
            let reason = format!(
                "API SMS, réponse {}{}",
                status.as_u16(),
                if detail.is_empty() { String::new() } else { format!(" : {detail}") }
            );
            if status.is_server_error() || status.as_u16() == 408 || status.as_u16() == 429 {
                Err(SendError::Temporary(reason))
            } else {
                Err(SendError::Permanent(reason))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sender_names_are_checked_as_operators_read_them() {
        for ok in ["Itineraire", "CD31", "Itineraire3", "33612345678"] {
            assert!(super::check_sender(ok).is_ok(), "{ok}");
        }
        for bad in ["Itinéraire", "Itineraire31x", "CD 31", "", "AB", "1234567890123456"] {
            assert!(super::check_sender(bad).is_err(), "{bad}");
        }
    }
}
