//! Development only: messages appended to a file, one JSON object per line, instead of leaving
//! the server. The file is created private (0600); it holds codes and private links.
use super::model::{Outgoing, SendError, SendFuture, Sender};

pub struct FileSender {
    path: std::path::PathBuf,
    lock: tokio::sync::Mutex<()>,
}

impl FileSender {
    pub fn new(path: std::path::PathBuf) -> Self {
        FileSender { path, lock: tokio::sync::Mutex::new(()) }
    }
}

impl Sender for FileSender {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            use std::io::Write;
            use std::os::unix::fs::OpenOptionsExt;
            let line = serde_json::json!({
                "kind": m.kind, "canal": m.canal, "destinataire": m.destinataire, "sujet": m.sujet, "texte": m.texte,
            });
            let _turn = self.lock.lock().await;
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .mode(0o600)
                .open(&self.path)
                .map_err(|e| SendError::Temporary(format!("fichier des messages : {e}")))?;
            writeln!(f, "{line}").map_err(|e| SendError::Temporary(format!("fichier des messages : {e}")))?;
            Ok(None)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn messages_are_appended_one_json_line_each_to_a_private_file() {
        use std::os::unix::fs::PermissionsExt;
        let path = std::env::temp_dir().join(format!("itineraire-messages-{}.jsonl", uuid::Uuid::new_v4()));
        let sender = FileSender::new(path.clone());
        for n in 1..=2 {
            let m = Outgoing {
                id: n.to_string(),
                kind: "porte_badges".into(),
                canal: "sms".into(),
                destinataire: "06 12 34 56 78".into(),
                sujet: format!("Message {n}"),
                texte: format!("Bonjour\nhttps://itineraire.example/mes-badges/{n}"),
            };
            sender.send(&m).await.unwrap();
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["sujet"], "Message 2");
        assert!(lines[1]["texte"].as_str().unwrap().ends_with("/mes-badges/2"));
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        std::fs::remove_file(path).unwrap();
    }
}
