//! E-mail through an SMTP relay (the département's own, Brevo's relay, a local Postfix) with
//! `lettre`: a pooled connection, TLS by rustls, a plain-text part and a simple HTML part.
use app::outbox::{Outgoing, SendError, SendFuture, Sender};
use lettre::{
    message::{header, Mailbox, MultiPart},
    AsyncSmtpTransport, AsyncTransport, Tokio1Executor,
};
use std::time::Duration;

/// Longest wait for the relay (connection, then each command): shorter than the outbox's claim.
pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The domain of `Message-ID`s: the sender's.
    domain: String,
}

impl SmtpSender {
    /// `url` as lettre reads it (`smtps://user:pass@host:465`, `smtp://host:587?tls=required`,
    /// `smtp://127.0.0.1:2525`); `from` a mailbox (`Itinéraire <ne-pas-repondre@…>`).
    pub fn new(url: &str, from: &str, timeout: Duration) -> Result<SmtpSender, String> {
        let from: Mailbox = from.parse().map_err(|e| format!("ITINERAIRE_SMTP_EXPEDITEUR « {from} » : {e}"))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("ITINERAIRE_SMTP_URL : {e}"))?
            .timeout(Some(timeout))
            .build();
        let domain = from.email.domain().to_owned();
        Ok(SmtpSender { transport, from, domain })
    }

    fn message(&self, m: &Outgoing) -> Result<lettre::Message, SendError> {
        let to: Mailbox = m
            .destinataire
            .parse()
            .map_err(|_| SendError::Permanent("adresse e-mail refusée (elle n’est pas valide)".into()))?;
        lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.sujet.clone())
            .date_now()
            .message_id(Some(format!("<{}@{}>", m.id, self.domain)))
            // Automatic messages: no out-of-office answers (RFC 3834); the kind for the relay's statistics.
            .raw_header(header::HeaderValue::new(
                header::HeaderName::new_from_ascii_str("Auto-Submitted"),
                "auto-generated".into(),
            ))
            .raw_header(header::HeaderValue::new(
                header::HeaderName::new_from_ascii_str("X-Itineraire-Message"),
                m.kind.clone(),
            ))
            .multipart(MultiPart::alternative_plain_html(m.texte.clone(), html(&m.sujet, &m.texte)))
            .map_err(|e| SendError::Permanent(format!("message impossible à écrire : {e}")))
    }
}

impl Sender for SmtpSender {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            let email = self.message(m)?;
            match self.transport.send(email).await {
                Ok(response) => Ok(response.message().next().map(|s| s.chars().take(120).collect())),
                Err(e) if e.is_permanent() => {
                    Err(SendError::Permanent(format!("refusé par le relais SMTP : {}", reason(&e))))
                }
                Err(e) => Err(SendError::Temporary(format!("relais SMTP indisponible : {}", reason(&e)))),
            }
        })
    }
}

/// The relay's answer, without the address it may repeat (it goes to the professionals' page).
fn reason(e: &lettre::transport::smtp::Error) -> String {
    let text = e.to_string();
    text.split_whitespace().filter(|w| !w.contains('@')).collect::<Vec<_>>().join(" ")
}

/// The HTML part: the same words, links clickable, large enough to read on a phone.
pub fn html(sujet: &str, texte: &str) -> String {
    let esc = |s: &str| html_escape::encode_text(s).into_owned();
    let paragraphs: String = texte
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let words: Vec<String> = line
                .split(' ')
                .map(|w| {
                    if w.starts_with("https://") || w.starts_with("http://") {
                        let href = html_escape::encode_double_quoted_attribute(w);
                        format!("<a href=\"{href}\">{}</a>", esc(w))
                    } else {
                        esc(w)
                    }
                })
                .collect();
            format!("<p>{}</p>", words.join(" "))
        })
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body style=\"font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.5;color:#1e1e1e;max-width:36em\">{paragraphs}</body></html>",
        esc(sujet)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_html_part_escapes_the_text_and_links_the_links() {
        let h = super::html("Sujet <b>", "Bonjour <script>\nVotre lien : https://itineraire.example/i?a=1&b=2");
        assert!(h.contains("<title>Sujet &lt;b&gt;</title>"));
        assert!(h.contains("<p>Bonjour &lt;script&gt;</p>"));
        assert!(h.contains(
            "<a href=\"https://itineraire.example/i?a=1&amp;b=2\">https://itineraire.example/i?a=1&amp;b=2</a>"
        ));
    }
}
