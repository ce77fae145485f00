//! `SMS_URL`: which provider sends, with which key, sign name and templates, in one line like
//! `SMTP_URL`:
//! - `aliyun://KEY_ID:SECRET@dysmsapi.aliyuncs.com?sign=云益享&verification_code=SMS_123456789`
//! - `tencent://SECRET_ID:SECRET_KEY@sms.tencentcloudapi.com?app=1400000000&sign=云益享&region=ap-guangzhou&verification_code=123456`
//!
//! Each message's template id is a parameter named after the message; `…_en` names the template
//! for English readers (when there is none, they get the Chinese one). `aliyun+http://` and
//! `tencent+http://` talk plain HTTP to a stand-in on this machine (tests), and nowhere else.

use super::aliyun::Aliyun;
use super::tencent::Tencent;
use super::{SmsError, SmsTemplate};
use crate::locales::Lang;

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum SmsUrlError {
    #[error("SMS_URL must start with aliyun:// or tencent://")]
    Scheme,
    #[error(
        "SMS_URL is not a valid address: write / ? # % in the key or secret as %2F %3F %23 %25"
    )]
    Unreadable,
    #[error("SMS_URL needs the key and its secret before the host: aliyun://KEY_ID:SECRET@host")]
    Key,
    #[error(
        "SMS_URL needs the provider's host, e.g. dysmsapi.aliyuncs.com or sms.tencentcloudapi.com"
    )]
    Host,
    #[error(
        "SMS_URL may use plain http only for a stand-in on this machine (127.0.0.1 or localhost)"
    )]
    PlainHttp,
    #[error("SMS_URL is missing ?{0}=…")]
    Missing(&'static str),
    #[error("SMS_URL has an unknown parameter {0}")]
    Unknown(String),
}

/// Where a provider's API answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// `https`, or `http` for a stand-in on this machine.
    pub scheme: &'static str,
    /// The host (and port, if not the scheme's own) as the `Host` header carries it.
    pub host: String,
}

impl Endpoint {
    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}://{}{path_and_query}", self.scheme, self.host)
    }
}

/// The provider's id of each message's template, per language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Templates(Vec<(SmsTemplate, Lang, String)>);

impl Templates {
    /// Whether `template` has an id (in Chinese at least).
    pub fn has(&self, template: SmsTemplate) -> bool {
        self.0
            .iter()
            .any(|(t, l, _)| *t == template && *l == Lang::Zh)
    }

    /// The template for `template` in `lang`, else its Chinese one.
    pub fn id(&self, template: SmsTemplate, lang: Lang) -> Result<&str, SmsError> {
        let find = |lang: Lang| {
            self.0
                .iter()
                .find(|(t, l, _)| *t == template && *l == lang)
                .map(|(_, _, id)| id.as_str())
        };
        find(lang)
            .or_else(|| find(Lang::Zh))
            .ok_or_else(|| SmsError::Refused(format!("no template for {}", template.name())))
    }
}

/// A provider, as `SMS_URL` names it.
#[derive(Clone, PartialEq, Eq)]
pub enum SmsProvider {
    Aliyun(Aliyun),
    Tencent(Tencent),
}

impl std::fmt::Debug for SmsProvider {
    /// Never the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SmsProvider::Aliyun(a) => write!(f, "Alibaba Cloud SMS at {}", a.endpoint.host),
            SmsProvider::Tencent(t) => write!(f, "Tencent Cloud SMS at {}", t.endpoint.host),
        }
    }
}

impl SmsProvider {
    pub fn templates(&self) -> &Templates {
        match self {
            SmsProvider::Aliyun(aliyun) => &aliyun.templates,
            SmsProvider::Tencent(tencent) => &tencent.templates,
        }
    }

    pub fn from_url(setting: &str) -> Result<SmsProvider, SmsUrlError> {
        let setting = setting.trim();
        if ![
            "aliyun://",
            "aliyun+http://",
            "tencent://",
            "tencent+http://",
        ]
        .iter()
        .any(|scheme| setting.starts_with(scheme))
        {
            return Err(SmsUrlError::Scheme);
        }
        let url = url::Url::parse(setting).map_err(|_| SmsUrlError::Unreadable)?;
        let (provider, plain) = match url.scheme() {
            "aliyun" => ("aliyun", false),
            "aliyun+http" => ("aliyun", true),
            "tencent" => ("tencent", false),
            "tencent+http" => ("tencent", true),
            _ => return Err(SmsUrlError::Scheme),
        };
        let decode = |text: &str| {
            percent_decode(text)
                .filter(|t| !t.is_empty())
                .ok_or(SmsUrlError::Key)
        };
        let key_id = decode(url.username())?;
        let secret = decode(url.password().unwrap_or(""))?;
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or(SmsUrlError::Host)?;
        if plain && !matches!(host, "127.0.0.1" | "localhost" | "[::1]") {
            return Err(SmsUrlError::PlainHttp);
        }
        // The port as the Host header carries it: none for the scheme's own (what the client
        // sends, and so what must be signed).
        let endpoint = Endpoint {
            scheme: if plain { "http" } else { "https" },
            host: match url.port() {
                Some(port) if port != if plain { 80 } else { 443 } => format!("{host}:{port}"),
                _ => host.to_string(),
            },
        };
        let mut sign = None;
        let mut app = None;
        let mut region = None;
        let mut templates = Templates::default();
        for (name, value) in url.query_pairs() {
            let value = value.trim().to_string();
            if value.is_empty() {
                continue;
            }
            match name.as_ref() {
                "sign" => sign = Some(value),
                "app" if provider == "tencent" => app = Some(value),
                "region" if provider == "tencent" => region = Some(value),
                other => {
                    let (template, lang) = SmsTemplate::ALL
                        .iter()
                        .find_map(|t| {
                            if other == t.name() {
                                Some((*t, Lang::Zh))
                            } else if other.strip_suffix("_en") == Some(t.name()) {
                                Some((*t, Lang::En))
                            } else {
                                None
                            }
                        })
                        .ok_or_else(|| SmsUrlError::Unknown(other.to_string()))?;
                    templates.0.push((template, lang, value));
                }
            }
        }
        let sign = sign
            .filter(|s| !s.is_empty())
            .ok_or(SmsUrlError::Missing("sign"))?;
        // Codes are what SMS is for first: a setting that cannot send them is a mistake.
        if templates
            .id(SmsTemplate::VerificationCode, Lang::Zh)
            .is_err()
        {
            return Err(SmsUrlError::Missing("verification_code"));
        }
        Ok(match provider {
            "aliyun" => SmsProvider::Aliyun(Aliyun {
                key_id,
                secret,
                endpoint,
                sign,
                templates,
            }),
            _ => SmsProvider::Tencent(Tencent {
                secret_id: key_id,
                secret_key: secret,
                endpoint,
                app_id: app
                    .filter(|a| !a.is_empty())
                    .ok_or(SmsUrlError::Missing("app"))?,
                sign,
                region: region.unwrap_or_else(|| "ap-guangzhou".to_string()),
                templates,
            }),
        })
    }
}

fn percent_decode(text: &str) -> Option<String> {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|t| t.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_aliyun_url_names_key_sign_and_templates() {
        let setting = "aliyun://LTAI5tKey:s3cr%2Ft@dysmsapi.aliyuncs.com?sign=%E4%BA%91%E7%9B%8A%E4%BA%AB&verification_code=SMS_1&verification_code_en=SMS_2";
        let SmsProvider::Aliyun(a) = SmsProvider::from_url(setting).unwrap() else {
            panic!("not aliyun")
        };
        assert_eq!(
            (a.key_id.as_str(), a.secret.as_str()),
            ("LTAI5tKey", "s3cr/t")
        );
        assert_eq!(a.endpoint.url("/"), "https://dysmsapi.aliyuncs.com/");
        assert_eq!(a.sign, "云益享");
        assert_eq!(
            a.templates
                .id(SmsTemplate::VerificationCode, Lang::Zh)
                .unwrap(),
            "SMS_1"
        );
        assert_eq!(
            a.templates
                .id(SmsTemplate::VerificationCode, Lang::En)
                .unwrap(),
            "SMS_2"
        );
        assert!(!format!("{:?}", SmsProvider::Aliyun(a)).contains("s3cr"));
    }

    #[test]
    fn a_tencent_url_names_its_app_and_region() {
        let setting = "tencent://AKIDx:key@sms.tencentcloudapi.com?app=1400000001&sign=云益享&verification_code=449739";
        let SmsProvider::Tencent(t) = SmsProvider::from_url(setting).unwrap() else {
            panic!("not tencent")
        };
        assert_eq!(
            (t.app_id.as_str(), t.region.as_str()),
            ("1400000001", "ap-guangzhou")
        );
        // No English template: English readers get the Chinese one.
        assert_eq!(
            t.templates
                .id(SmsTemplate::VerificationCode, Lang::En)
                .unwrap(),
            "449739"
        );
    }

    #[test]
    fn a_wrong_url_says_what_is_missing() {
        let wrong = |s: &str| SmsProvider::from_url(s).err();
        assert_eq!(wrong("smtp://a:b@host"), Some(SmsUrlError::Scheme));
        assert_eq!(
            wrong("aliyun://dysmsapi.aliyuncs.com?sign=a&verification_code=1"),
            Some(SmsUrlError::Key)
        );
        assert_eq!(
            wrong("aliyun://a:b@dysmsapi.aliyuncs.com?verification_code=1"),
            Some(SmsUrlError::Missing("sign"))
        );
        assert_eq!(
            wrong("aliyun://a:b@dysmsapi.aliyuncs.com?sign=s"),
            Some(SmsUrlError::Missing("verification_code"))
        );
        assert_eq!(
            wrong("tencent://a:b@sms.tencentcloudapi.com?sign=s&verification_code=1"),
            Some(SmsUrlError::Missing("app"))
        );
        assert_eq!(
            wrong("aliyun://a:b@h?sign=s&verification_code=1&welcome=2"),
            Some(SmsUrlError::Unknown("welcome".into()))
        );
        assert_eq!(
            wrong("aliyun+http://a:b@dysmsapi.aliyuncs.com?sign=s&verification_code=1"),
            Some(SmsUrlError::PlainHttp)
        );
        assert!(wrong("aliyun+http://a:b@127.0.0.1:9?sign=s&verification_code=1").is_none());
        assert_eq!(
            wrong("aliyun://a:b/c@h?sign=s&verification_code=1"),
            Some(SmsUrlError::Unreadable)
        );
        assert_eq!(
            wrong("aliyun://a:b@h?sign=s&verification_code="),
            Some(SmsUrlError::Missing("verification_code"))
        );
    }

    #[test]
    fn the_schemes_own_port_is_not_named() {
        let SmsProvider::Aliyun(a) = SmsProvider::from_url(
            "aliyun://a:b@dysmsapi.aliyuncs.com:443?sign=s&verification_code=1",
        )
        .unwrap() else {
            panic!("not aliyun")
        };
        assert_eq!(a.endpoint.host, "dysmsapi.aliyuncs.com");
    }
}
