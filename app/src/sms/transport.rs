//! How messages leave: a provider's API (`SMS_URL`), or a folder (`SMS_DIR`).

use super::provider::{self, SignedRequest};
use super::{aliyun, tencent, Sms, SmsError, SmsProvider};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// How messages leave.
pub enum SmsTransport {
    /// Through a provider's API.
    Provider {
        provider: SmsProvider,
        client: reqwest::Client,
    },
    /// Each message written as a JSON file into a folder; nothing leaves the machine.
    Folder { dir: PathBuf },
}

impl SmsTransport {
    pub fn provider(provider: SmsProvider) -> SmsTransport {
        SmsTransport::Provider {
            provider,
            client: provider::client(),
        }
    }

    pub fn folder(dir: PathBuf) -> Result<SmsTransport, String> {
        std::fs::create_dir_all(&dir)
            .map_err(|_| format!("cannot create the SMS folder {}", dir.display()))?;
        Ok(SmsTransport::Folder { dir })
    }

    /// Whether messages of `template` can leave: a provider needs its template id set up.
    pub fn sends(&self, template: super::SmsTemplate) -> bool {
        match self {
            SmsTransport::Provider { provider, .. } => provider.templates().has(template),
            SmsTransport::Folder { .. } => true,
        }
    }

    /// Sends `sms` at `now` (Unix seconds); the provider's id of the message.
    pub async fn send(&self, sms: &Sms, now: i64) -> Result<String, SmsError> {
        match self {
            SmsTransport::Provider { provider, client } => {
                let (request, read): (SignedRequest, fn(u16, &str) -> _) = match provider {
                    SmsProvider::Aliyun(aliyun) => {
                        (aliyun.request(sms, now, &nonce())?, aliyun::read_answer)
                    }
                    SmsProvider::Tencent(tencent) => {
                        (tencent.request(sms, now)?, tencent::read_answer)
                    }
                };
                let (status, body) = provider::post(client, request).await?;
                read(status, &body)
            }
            SmsTransport::Folder { dir } => {
                // Counted across the process: two transports writing into one folder (tests)
                // never pick one name.
                static WRITTEN: AtomicU64 = AtomicU64::new(0);
                let name = format!(
                    "{}-{}-{:06}.json",
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| d.as_millis()),
                    std::process::id(),
                    WRITTEN.fetch_add(1, Ordering::Relaxed)
                );
                write_file(dir, &name, sms).await?;
                Ok(name)
            }
        }
    }
}

/// A random 32-hex-digit nonce, new for every request.
fn nonce() -> String {
    use rand::Rng as _;
    crate::secrets::hex(&rand::rng().random::<[u8; 16]>())
}

/// Writes `sms` as `dir/name`: its number, template, values and the words the reader sees.
/// Unique within the folder even for two servers writing into one: the time, the process and a
/// count. Written whole under a temporary name first, so a reader never sees half of one.
async fn write_file(dir: &std::path::Path, name: &str, sms: &Sms) -> Result<(), SmsError> {
    #[derive(Serialize)]
    struct File<'a> {
        to: &'a str,
        template: super::SmsTemplate,
        params: std::collections::BTreeMap<&'a str, &'a str>,
        text: String,
    }
    let file = File {
        to: &sms.to,
        template: sms.template,
        params: sms.params.iter().map(|(k, v)| (*k, v.as_str())).collect(),
        text: sms.text(),
    };
    let failed = |e: std::io::Error| SmsError::Retry(format!("SMS folder: {}", e.kind()));
    let json = serde_json::to_vec_pretty(&file).map_err(|e| SmsError::Refused(e.to_string()))?;
    let partial = dir.join(format!(".{name}.partial"));
    tokio::fs::write(&partial, json).await.map_err(failed)?;
    tokio::fs::rename(&partial, dir.join(name))
        .await
        .map_err(failed)
}

impl std::fmt::Debug for SmsTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SmsTransport::Provider { provider, .. } => write!(f, "{provider:?}"),
            SmsTransport::Folder { dir } => {
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
            .send(
                &Sms::verification_code("13800000001", "123456", Lang::Zh),
                1_700_000_000,
            )
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
