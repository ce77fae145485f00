//! Configuration from the environment: `DATABASE_URL` and the usual `LEPTOS_*` variables.

use app::db::DbKind;
use app::geo::tiles::{TileChoice, TileSource};
use leptos::config::{get_configuration, LeptosOptions};

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/yunyixiang.db";
/// Where the key for one-time codes is kept when `SECRET_KEY` is not set (made on first start).
pub const DEFAULT_SECRET_KEY_FILE: &str = "data/secret.key";
/// The name of the built JS/WASM/CSS files, as in `[[workspace.metadata.leptos]]`.
const OUTPUT_NAME: &str = "yunyixiang";

#[derive(Debug, PartialEq, Eq)]
pub struct Config {
    pub database_url: String,
    pub db_kind: DbKind,
    /// `SECURE_COOKIES=true` when the site is served over https (cookies get `Secure`).
    pub secure_cookies: bool,
    /// `SIGN_IN_ATTEMPTS_PER_IP`: sign-in, sign-up and password attempts one address may make per
    /// minute (raise it when many people share one address, or for test runs).
    pub sign_in_attempts_per_ip: u32,
    /// `SIGN_IN_ATTEMPTS_PER_ACCOUNT`: the same, per account (raise it only for test runs, where
    /// the demo accounts sign in many times a minute).
    pub sign_in_attempts_per_account: u32,
    /// How notification emails leave (none: no email is sent).
    /// `ITEMS_MAX_OPEN_REQUESTS`, `ITEMS_MAX_RECEIVED_PER_28_DAYS`: 益享生活's fairness limits.
    pub item_limits: app::items::model::ItemLimits,
    pub mail: Option<MailSetting>,
    /// `SITE_URL`: the public address, so links in emails are complete.
    pub site_url: Option<String>,
    /// How text messages leave (none: no SMS, so no codes to mobile numbers).
    pub sms: Option<SmsSetting>,
    /// `SMS_PER_PERSON_MONTH`: notices one person gets by SMS in a calendar month.
    pub sms_per_month: app::notifications::model::SmsMonthlyCap,
    /// `SECRET_KEY`: the key one-time codes are kept under (every instance needs the same one);
    /// without it, a key file beside the database (`SECRET_KEY_FILE`, default `data/secret.key`).
    pub secret_key: Option<String>,
    pub secret_key_file: String,
    /// `CODES_PER_CONTACT_MINUTE`, `…_HOUR`, `…_DAY`, `CODES_PER_ADDRESS_HOUR`, `CODES_PER_DAY`.
    pub code_limits: app::contacts::codes::CodeLimits,
    /// `MAP_TILES` (osm, amap or tianditu) picks the base map shown first; `TIANDITU_KEY` adds
    /// 天地图 to the choice.
    pub tiles: TileChoice,
}

/// `SMTP_URL` + `MAIL_FROM` send real email; `MAIL_DIR` writes each email into a folder instead.
#[derive(Debug, PartialEq, Eq)]
pub enum MailSetting {
    Smtp { url: String, from: String },
    Folder { dir: String, from: String },
}

/// `SMS_URL` sends through Alibaba Cloud or Tencent Cloud SMS; `SMS_DIR` writes each message
/// into a folder instead.
#[derive(Debug, PartialEq, Eq)]
pub enum SmsSetting {
    Provider(app::sms::SmsProvider),
    Folder(String),
}

/// The sender when only `MAIL_DIR` is set (nothing leaves the machine).
const FOLDER_SENDER: &str = "云益享 <noreply@localhost>";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error(
        "DATABASE_URL must start with sqlite:// (embedded database) or postgres:// \
         (PostgreSQL server); it starts with \"{0}\""
    )]
    UnsupportedDatabase(String),
    #[error("SECURE_COOKIES must be true or false, not \"{0}\"")]
    NotABoolean(String),
    #[error("{0} must be a whole number from 1 to 100000, not \"{1}\"")]
    NotACount(&'static str, String),
    #[error("MAIL_FROM is needed with SMTP_URL, e.g. MAIL_FROM=\"云益享 <noreply@example.cn>\"")]
    MailFromMissing,
    #[error("{0}")]
    SmsUrl(#[from] app::sms::SmsUrlError),
    #[error("set SMS_URL (a provider) or SMS_DIR (a folder), not both")]
    TwoSmsSettings,
    #[error("MAP_TILES must be osm, amap or tianditu, not \"{0}\"")]
    UnknownTiles(String),
    #[error("MAP_TILES=tianditu needs TIANDITU_KEY (a key from console.tianditu.gov.cn)")]
    TiandituKeyMissing,
    #[error("the LEPTOS_* settings are not valid: {0}")]
    Leptos(String),
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_vars(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `var`, so tests can supply their own environment.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let database_url = var("DATABASE_URL")
            .map(|url| url.trim().to_string())
            .filter(|url| !url.is_empty())
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        let db_kind = DbKind::from_url(&database_url).ok_or_else(|| {
            let scheme = database_url.split("://").next().unwrap_or_default();
            ConfigError::UnsupportedDatabase(scheme.chars().take(20).collect())
        })?;
        let secure_cookies = match var("SECURE_COOKIES").as_deref().map(str::trim) {
            None | Some("") | Some("0") | Some("false") | Some("no") => false,
            Some("1") | Some("true") | Some("yes") => true,
            Some(other) => return Err(ConfigError::NotABoolean(other.chars().take(20).collect())),
        };
        let count = |name: &'static str, default: u32| match var(name).as_deref().map(str::trim) {
            None | Some("") => Ok(default),
            Some(text) => text
                .parse()
                .ok()
                .filter(|n| (1..=100_000).contains(n))
                .ok_or_else(|| ConfigError::NotACount(name, text.chars().take(20).collect())),
        };
        use app::accounts::rate_limit::{PER_ACCOUNT_PER_MINUTE, PER_IP_PER_MINUTE};
        let sign_in_attempts_per_ip = count("SIGN_IN_ATTEMPTS_PER_IP", PER_IP_PER_MINUTE)?;
        let sign_in_attempts_per_account =
            count("SIGN_IN_ATTEMPTS_PER_ACCOUNT", PER_ACCOUNT_PER_MINUTE)?;
        let defaults = app::items::model::ItemLimits::default();
        let item_limits = app::items::model::ItemLimits {
            open_requests: count("ITEMS_MAX_OPEN_REQUESTS", defaults.open_requests)?,
            received_per_28_days: count(
                "ITEMS_MAX_RECEIVED_PER_28_DAYS",
                defaults.received_per_28_days,
            )?,
        };
        let code_defaults = app::contacts::codes::CodeLimits::default();
        let code_count = |name: &'static str, default: i64| {
            count(name, u32::try_from(default).unwrap_or(u32::MAX)).map(i64::from)
        };
        let code_limits = app::contacts::codes::CodeLimits {
            per_contact_minute: code_count(
                "CODES_PER_CONTACT_MINUTE",
                code_defaults.per_contact_minute,
            )?,
            per_contact_hour: code_count("CODES_PER_CONTACT_HOUR", code_defaults.per_contact_hour)?,
            per_contact_day: code_count("CODES_PER_CONTACT_DAY", code_defaults.per_contact_day)?,
            per_address_hour: code_count("CODES_PER_ADDRESS_HOUR", code_defaults.per_address_hour)?,
            per_day: code_count("CODES_PER_DAY", code_defaults.per_day)?,
        };
        let setting = |name: &str| {
            var(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let mail = match (
            setting("SMTP_URL"),
            setting("MAIL_DIR"),
            setting("MAIL_FROM"),
        ) {
            (Some(_), _, None) => return Err(ConfigError::MailFromMissing),
            (Some(url), _, Some(from)) => Some(MailSetting::Smtp { url, from }),
            (None, Some(dir), from) => Some(MailSetting::Folder {
                dir,
                from: from.unwrap_or_else(|| FOLDER_SENDER.to_string()),
            }),
            (None, None, _) => None,
        };
        let sms = match (setting("SMS_URL"), setting("SMS_DIR")) {
            (Some(_), Some(_)) => return Err(ConfigError::TwoSmsSettings),
            (Some(url), None) => Some(SmsSetting::Provider(app::sms::SmsProvider::from_url(&url)?)),
            (None, Some(dir)) => Some(SmsSetting::Folder(dir)),
            (None, None) => None,
        };
        let tianditu_key = setting("TIANDITU_KEY");
        let first_tiles = match setting("MAP_TILES") {
            None => TileSource::Osm,
            Some(name) => TileSource::parse(&name)
                .ok_or_else(|| ConfigError::UnknownTiles(name.chars().take(20).collect()))?,
        };
        if first_tiles == TileSource::Tianditu && tianditu_key.is_none() {
            return Err(ConfigError::TiandituKeyMissing);
        }
        Ok(Config {
            tiles: TileChoice::new(first_tiles, tianditu_key),
            database_url,
            db_kind,
            secure_cookies,
            sign_in_attempts_per_ip,
            sign_in_attempts_per_account,
            item_limits,
            mail,
            site_url: setting("SITE_URL"),
            sms,
            sms_per_month: app::notifications::model::SmsMonthlyCap(i64::from(count(
                "SMS_PER_PERSON_MONTH",
                10,
            )?)),
            secret_key: setting("SECRET_KEY"),
            secret_key_file: setting("SECRET_KEY_FILE")
                .unwrap_or_else(|| DEFAULT_SECRET_KEY_FILE.to_string()),
            code_limits,
        })
    }
}

/// Site address, site root and the rest, from `LEPTOS_*` variables (cargo-leptos sets them when it
/// builds; the README lists the ones worth changing).
pub fn leptos_options() -> Result<LeptosOptions, ConfigError> {
    let mut options = get_configuration(None)
        .map_err(|e| ConfigError::Leptos(e.to_string()))?
        .leptos_options;
    if options.output_name.is_empty() {
        options.output_name = OUTPUT_NAME.into();
    }
    // cargo-leptos names the bundle files with hashes (`hash-files`) and leaves `hash.txt` beside
    // the binary; running the binary directly must find them without being told.
    if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
        options.hash_files = crate::http::hash_file(&options.hash_file).exists();
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_vars(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_to_embedded_sqlite_under_data() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, "sqlite://data/yunyixiang.db");
        assert_eq!(c.db_kind, DbKind::Sqlite);
        assert_eq!(config(&[("DATABASE_URL", "  ")]).unwrap(), c);
    }

    #[test]
    fn accepts_postgres_urls() {
        let c = config(&[("DATABASE_URL", "postgres://app@127.0.0.1:5432/yunyixiang")]).unwrap();
        assert_eq!(c.db_kind, DbKind::Postgres);
        assert_eq!(c.database_url, "postgres://app@127.0.0.1:5432/yunyixiang");
        let c = config(&[("DATABASE_URL", "postgresql://localhost/x")]).unwrap();
        assert_eq!(c.db_kind, DbKind::Postgres);
    }

    #[test]
    fn rejects_other_databases_without_echoing_secrets() {
        let err = config(&[("DATABASE_URL", "mysql://root:secret@localhost/db")]).unwrap_err();
        assert_eq!(err, ConfigError::UnsupportedDatabase("mysql".into()));
        assert!(!err.to_string().contains("secret"));
    }

    #[test]
    fn tiles_are_chosen_by_name_and_tianditu_needs_its_key() {
        assert_eq!(config(&[]).unwrap().tiles, TileChoice::default());
        let amap = config(&[("MAP_TILES", "amap")]).unwrap();
        assert_eq!(amap.tiles.sources[0], TileSource::Amap);
        assert_eq!(
            config(&[("MAP_TILES", "tianditu")]),
            Err(ConfigError::TiandituKeyMissing)
        );
        let tdt = config(&[("MAP_TILES", "tianditu"), ("TIANDITU_KEY", "abc123")]).unwrap();
        assert_eq!(tdt.tiles.sources[0], TileSource::Tianditu);
        assert_eq!(
            config(&[("MAP_TILES", "bing")]),
            Err(ConfigError::UnknownTiles("bing".into()))
        );
    }

    #[test]
    fn secure_cookies_is_a_yes_or_no() {
        assert!(!config(&[]).unwrap().secure_cookies);
        assert!(
            config(&[("SECURE_COOKIES", "true")])
                .unwrap()
                .secure_cookies
        );
        assert!(!config(&[("SECURE_COOKIES", "0")]).unwrap().secure_cookies);
        assert_eq!(
            config(&[("SECURE_COOKIES", "maybe")]),
            Err(ConfigError::NotABoolean("maybe".into()))
        );
    }

    #[test]
    fn sign_in_attempts_per_ip_is_a_positive_count() {
        assert_eq!(config(&[]).unwrap().sign_in_attempts_per_ip, 20);
        let many = config(&[("SIGN_IN_ATTEMPTS_PER_IP", " 500 ")]).unwrap();
        assert_eq!(many.sign_in_attempts_per_ip, 500);
        for bad in ["0", "-1", "lots", "1000001"] {
            assert_eq!(
                config(&[("SIGN_IN_ATTEMPTS_PER_IP", bad)]),
                Err(ConfigError::NotACount(
                    "SIGN_IN_ATTEMPTS_PER_IP",
                    bad.into()
                ))
            );
        }
        assert_eq!(config(&[]).unwrap().sign_in_attempts_per_account, 5);
        let tests = config(&[("SIGN_IN_ATTEMPTS_PER_ACCOUNT", "1000")]).unwrap();
        assert_eq!(tests.sign_in_attempts_per_account, 1000);
    }

    #[test]
    fn code_settings_have_defaults_and_are_counts() {
        let c = config(&[]).unwrap();
        assert_eq!(c.code_limits, app::contacts::codes::CodeLimits::default());
        assert_eq!((c.sms, c.secret_key), (None, None));
        assert_eq!(c.secret_key_file, DEFAULT_SECRET_KEY_FILE);
        let set = config(&[
            ("CODES_PER_CONTACT_MINUTE", "2"),
            ("CODES_PER_DAY", "50"),
            ("SMS_DIR", "data/sms"),
            ("SECRET_KEY", "a key shared by the instances"),
        ])
        .unwrap();
        assert_eq!(
            (set.code_limits.per_contact_minute, set.code_limits.per_day),
            (2, 50)
        );
        assert_eq!(set.code_limits.per_contact_hour, 5);
        assert_eq!(set.sms, Some(SmsSetting::Folder("data/sms".into())));
        assert_eq!(
            config(&[("CODES_PER_DAY", "0")]),
            Err(ConfigError::NotACount("CODES_PER_DAY", "0".into()))
        );
    }

    #[test]
    fn sms_goes_through_a_provider_or_into_a_folder() {
        let url = "aliyun://LTAI:secret@dysmsapi.aliyuncs.com?sign=%E4%BA%91%E7%9B%8A%E4%BA%AB&verification_code=SMS_1";
        assert!(matches!(
            config(&[("SMS_URL", url)]).unwrap().sms,
            Some(SmsSetting::Provider(_))
        ));
        assert_eq!(
            config(&[("SMS_URL", url), ("SMS_DIR", "data/sms")]),
            Err(ConfigError::TwoSmsSettings)
        );
        assert_eq!(config(&[]).unwrap().sms_per_month.0, 10);
        assert_eq!(
            config(&[("SMS_PER_PERSON_MONTH", "30")])
                .unwrap()
                .sms_per_month
                .0,
            30
        );
        let missing = config(&[(
            "SMS_URL",
            "aliyun://LTAI:secret@dysmsapi.aliyuncs.com?sign=s",
        )]);
        assert_eq!(
            missing.unwrap_err().to_string(),
            "SMS_URL is missing ?verification_code=…"
        );
    }

    #[test]
    fn mail_goes_by_smtp_or_into_a_folder_or_not_at_all() {
        assert_eq!(config(&[]).unwrap().mail, None);
        assert_eq!(
            config(&[("SMTP_URL", "smtps://u:p@smtp.example.cn")]),
            Err(ConfigError::MailFromMissing)
        );
        let smtp = config(&[
            ("SMTP_URL", "smtps://u:p@smtp.example.cn"),
            ("MAIL_FROM", "云益享 <noreply@example.cn>"),
        ]);
        assert!(matches!(smtp.unwrap().mail, Some(MailSetting::Smtp { .. })));
        let folder = config(&[("MAIL_DIR", "data/mail")]).unwrap().mail;
        assert_eq!(
            folder,
            Some(MailSetting::Folder {
                dir: "data/mail".into(),
                from: FOLDER_SENDER.into()
            })
        );
    }

    #[test]
    fn leptos_options_always_name_the_bundle() {
        let options = leptos_options().unwrap();
        assert!(!options.output_name.is_empty());
    }
}
