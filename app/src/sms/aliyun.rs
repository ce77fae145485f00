//! Alibaba Cloud SMS (dysmsapi, `SendSms` of version 2017-05-25), signed with signature V3
//! (ACS3-HMAC-SHA256): the canonical request's SHA-256, signed by HMAC-SHA256 with the
//! AccessKey secret, in the `Authorization` header.

use super::provider::{error_code, hmac_sha256, percent_encode, sha256_hex, utc, SignedRequest};
use super::setting::{Endpoint, Templates};
use super::{Sms, SmsError};

const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// The parts of one ACS3 request that its signature covers.
pub struct Acs3<'a> {
    pub method: &'a str,
    pub host: &'a str,
    pub query: &'a [(&'a str, String)],
    pub action: &'a str,
    pub version: &'a str,
    /// UTC, as `2023-10-26T10:22:32Z`.
    pub date: &'a str,
    /// Different for every request: the provider refuses one it has seen (replays).
    pub nonce: &'a str,
    pub body: &'a [u8],
}

impl Acs3<'_> {
    /// Parameters sorted by name, names and values percent-encoded (RFC 3986).
    pub fn canonical_query(&self) -> String {
        let mut pairs: Vec<(String, String)> = self
            .query
            .iter()
            .map(|(name, value)| (percent_encode(name), percent_encode(value)))
            .collect();
        pairs.sort();
        pairs
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The signed headers, lower-case and sorted by name.
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        vec![
            ("host", self.host.to_string()),
            ("x-acs-action", self.action.to_string()),
            ("x-acs-content-sha256", sha256_hex(self.body)),
            ("x-acs-date", self.date.to_string()),
            ("x-acs-signature-nonce", self.nonce.to_string()),
            ("x-acs-version", self.version.to_string()),
        ]
    }

    pub fn canonical_request(&self) -> String {
        let headers = self.headers();
        let canonical_headers: String = headers
            .iter()
            .map(|(name, value)| format!("{name}:{}\n", value.trim()))
            .collect();
        let signed: Vec<&str> = headers.iter().map(|(name, _)| *name).collect();
        format!(
            "{}\n/\n{}\n{canonical_headers}\n{}\n{}",
            self.method,
            self.canonical_query(),
            signed.join(";"),
            sha256_hex(self.body)
        )
    }

    pub fn authorization(&self, key_id: &str, secret: &str) -> String {
        let string_to_sign = format!(
            "{ALGORITHM}\n{}",
            sha256_hex(self.canonical_request().as_bytes())
        );
        let signature =
            crate::secrets::hex(&hmac_sha256(secret.as_bytes(), string_to_sign.as_bytes()));
        let signed: Vec<&str> = self.headers().iter().map(|(name, _)| *name).collect();
        format!(
            "{ALGORITHM} Credential={key_id},SignedHeaders={},Signature={signature}",
            signed.join(";")
        )
    }
}

/// An Alibaba Cloud SMS account, from `SMS_URL`.
#[derive(Clone, PartialEq, Eq)]
pub struct Aliyun {
    pub key_id: String,
    pub secret: String,
    pub endpoint: Endpoint,
    /// The approved sign name (签名), shown in 【】 before every message.
    pub sign: String,
    pub templates: Templates,
}

impl Aliyun {
    /// The signed `SendSms` request for `sms`, made at `now` (Unix seconds) with `nonce`.
    pub fn request(&self, sms: &Sms, now: i64, nonce: &str) -> Result<SignedRequest, SmsError> {
        let template = self.templates.id(sms.template, sms.lang)?;
        let params: serde_json::Map<String, serde_json::Value> = sms
            .params
            .iter()
            .map(|(name, value)| (name.to_string(), value.clone().into()))
            .collect();
        let query = [
            ("PhoneNumbers", sms.to.clone()),
            ("SignName", self.sign.clone()),
            ("TemplateCode", template.to_string()),
            (
                "TemplateParam",
                serde_json::Value::Object(params).to_string(),
            ),
        ];
        let at = utc(now);
        let date = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            at.year(),
            u8::from(at.month()),
            at.day(),
            at.hour(),
            at.minute(),
            at.second()
        );
        let signed = Acs3 {
            method: "POST",
            host: &self.endpoint.host,
            query: &query,
            action: "SendSms",
            version: "2017-05-25",
            date: &date,
            nonce,
            body: b"",
        };
        let mut headers = signed.headers();
        headers.push((
            "authorization",
            signed.authorization(&self.key_id, &self.secret),
        ));
        Ok(SignedRequest {
            url: self
                .endpoint
                .url(&format!("/?{}", signed.canonical_query())),
            headers,
            body: Vec::new(),
        })
    }
}

/// Reads `SendSms`'s answer: the message's id (BizId) when it was accepted.
pub fn read_answer(status: u16, body: &str) -> Result<String, SmsError> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Answer {
        code: Option<String>,
        biz_id: Option<String>,
    }
    let answer: Option<Answer> = serde_json::from_str(body).ok();
    let code = answer
        .as_ref()
        .and_then(|a| a.code.as_deref())
        .unwrap_or("");
    match (status, code) {
        (200, "OK") => Ok(answer.and_then(|a| a.biz_id).unwrap_or_default()),
        // Refused for sending too fast: nothing was sent, later may work.
        (status, code)
            if status == 429
                || code.starts_with("Throttling")
                || code == "isv.BUSINESS_LIMIT_CONTROL" =>
        {
            Err(SmsError::Retry(format!(
                "aliyun {status} {}",
                error_code(code)
            )))
        }
        // A wrong key, sign name, template or number, or the provider's own trouble (after which
        // the message may have gone out): not sent again.
        (status, code) => Err(SmsError::Refused(format!(
            "aliyun {status} {}",
            error_code(code)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of Alibaba Cloud's "V3 request structure and signature" document
    /// (ECS `RunInstances` with the placeholder key `YourAccessKeyId`/`YourAccessKeySecret`):
    /// the same inputs must give the published hash of the canonical request and signature.
    #[test]
    fn reproduces_the_published_v3_example() {
        let query = [
            (
                "ImageId",
                "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd".to_string(),
            ),
            ("RegionId", "cn-shanghai".to_string()),
        ];
        let example = Acs3 {
            method: "POST",
            host: "ecs.cn-shanghai.aliyuncs.com",
            query: &query,
            action: "RunInstances",
            version: "2014-05-26",
            date: "2023-10-26T10:22:32Z",
            nonce: "3156853299f313e23d1673dc12e1703d",
            body: b"",
        };
        assert_eq!(
            sha256_hex(example.canonical_request().as_bytes()),
            "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
        );
        assert_eq!(
            example.authorization("YourAccessKeyId", "YourAccessKeySecret"),
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,\
             SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;\
             x-acs-signature-nonce;x-acs-version,\
             Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
    }

    #[test]
    fn answers_are_sent_retried_or_refused() {
        assert_eq!(
            read_answer(200, r#"{"Code":"OK","Message":"OK","BizId":"9006197469364984^0","RequestId":"F655A8D5"}"#).unwrap(),
            "9006197469364984^0"
        );
        let retry = read_answer(
            200,
            r#"{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发分钟级流控"}"#,
        );
        assert!(
            matches!(retry, Err(SmsError::Retry(ref why)) if why == "aliyun 200 isv.BUSINESS_LIMIT_CONTROL")
        );
        assert!(matches!(read_answer(429, ""), Err(SmsError::Retry(_))));
        // The provider's trouble: it may have sent it, so it is not paid for twice.
        assert!(matches!(
            read_answer(503, "busy"),
            Err(SmsError::Refused(_))
        ));
        let refused = read_answer(
            200,
            r#"{"Code":"isv.SMS_SIGNATURE_ILLEGAL","Message":"签名不合法"}"#,
        );
        assert!(
            matches!(refused, Err(SmsError::Refused(ref why)) if why == "aliyun 200 isv.SMS_SIGNATURE_ILLEGAL")
        );
        assert!(matches!(
            read_answer(404, "<html>"),
            Err(SmsError::Refused(_))
        ));
    }
}
