//! How messages leave: today a folder (`SMS_DIR`).

use super::{Sms, SmsTemplate};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    #[error("cannot create the SMS folder {0}")]
    Folder(String),
    #[error("the message could not be written or sent: {0}")]
    Failed(String),
}

/// How messages leave.
pub enum SmsTransport {
    /// Each message written as a JSON file into a folder; nothing leaves the machine.
    Folder { dir: PathBuf, written: AtomicU64 },
}

impl SmsTransport {
    pub fn folder(dir: PathBuf) -> Result<SmsTransport, SmsError> {
        std::fs::create_dir_all(&dir).map_err(|_| SmsError::Folder(dir.display().to_string()))?;
        Ok(SmsTransport::Folder {
            dir,
            written: AtomicU64::new(0),
        })
    }

    pub async fn send(&self, sms: &Sms) -> Result<(), SmsError> {
        match self {
            SmsTransport::Folder { dir, written } => {
                #[derive(Serialize)]
                struct File<'a> {
                    to: &'a str,
                    template: SmsTemplate,
                    params: std::collections::BTreeMap<&'a str, &'a str>,
                    text: &'a str,
                }
                let file = File {
                    to: &sms.to,
                    template: sms.template,
                    params: sms.params.iter().map(|(k, v)| (*k, v.as_str())).collect(),
                    text: &sms.text,
                };
                let json = serde_json::to_vec_pretty(&file)
                    .map_err(|e| SmsError::Failed(e.to_string()))?;
                // Unique within the folder even for two servers writing into one: the time, the
                // process and a count.
                let name = format!(
                    "{}-{}-{:06}.json",
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| d.as_millis()),
                    std::process::id(),
                    written.fetch_add(1, Ordering::Relaxed)
                );
                tokio::fs::write(dir.join(name), json)
                    .await
                    .map_err(|e| SmsError::Failed(e.to_string()))
            }
        }
    }
}

impl std::fmt::Debug for SmsTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SmsTransport::Folder { dir, .. } => {
                write!(f, "SmsTransport::Folder({})", dir.display())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locales::Lang;

    #[tokio::test]
    async fn a_folder_holds_one_file_per_message_with_its_template_values() {
        let dir = std::env::temp_dir().join(format!("yyx-sms-test-{}", std::process::id()));
        let transport = SmsTransport::folder(dir.clone()).unwrap();
        transport
            .send(&Sms::verification_code("13800000001", "123456", Lang::Zh))
            .await
            .unwrap();
        let files: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(files.len(), 1);
        let text = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["to"], "13800000001");
        assert_eq!(json["template"], "verification_code");
        assert_eq!(json["params"]["code"], "123456");
        assert!(json["text"].as_str().unwrap().contains("123456"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
