//! Tencent Cloud SMS (`SendSms` of version 2021-01-11), signed with TC3-HMAC-SHA256: a key
//! derived from the SecretKey for the day and the service signs the canonical request's SHA-256.

use super::provider::{error_code, hmac_sha256, sha256_hex, utc, SignedRequest};
use super::setting::{Endpoint, Templates};
use super::{Sms, SmsError};

const ALGORITHM: &str = "TC3-HMAC-SHA256";
const CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// The parts of one TC3 request that its signature covers (a POST of JSON to `/`).
pub struct Tc3<'a> {
    pub host: &'a str,
    /// The product, the first label of the host: `cvm`, `sms`.
    pub service: &'a str,
    pub timestamp: i64,
    pub payload: &'a [u8],
}

impl Tc3<'_> {
    pub fn canonical_request(&self) -> String {
        format!(
            "POST\n/\n\ncontent-type:{CONTENT_TYPE}\nhost:{}\n\ncontent-type;host\n{}",
            self.host,
            sha256_hex(self.payload)
        )
    }

    /// The UTC date of the timestamp, `2019-02-25`: the scope the key is derived for.
    fn date(&self) -> String {
        let at = utc(self.timestamp);
        format!(
            "{:04}-{:02}-{:02}",
            at.year(),
            u8::from(at.month()),
            at.day()
        )
    }

    pub fn string_to_sign(&self) -> String {
        format!(
            "{ALGORITHM}\n{}\n{}/{}/tc3_request\n{}",
            self.timestamp,
            self.date(),
            self.service,
            sha256_hex(self.canonical_request().as_bytes())
        )
    }

    pub fn authorization(&self, secret_id: &str, secret_key: &str) -> String {
        let date = self.date();
        let secret_date = hmac_sha256(format!("TC3{secret_key}").as_bytes(), date.as_bytes());
        let secret_service = hmac_sha256(&secret_date, self.service.as_bytes());
        let secret_signing = hmac_sha256(&secret_service, b"tc3_request");
        let signature = crate::secrets::hex(&hmac_sha256(
            &secret_signing,
            self.string_to_sign().as_bytes(),
        ));
        format!(
            "{ALGORITHM} Credential={secret_id}/{date}/{}/tc3_request, \
             SignedHeaders=content-type;host, Signature={signature}",
            self.service
        )
    }
}

/// A Tencent Cloud SMS account, from `SMS_URL`.
#[derive(Clone, PartialEq, Eq)]
pub struct Tencent {
    pub secret_id: String,
    pub secret_key: String,
    pub endpoint: Endpoint,
    /// The SMS application (SdkAppId, `1400…`).
    pub app_id: String,
    /// The approved sign name (签名).
    pub sign: String,
    /// The API region, e.g. `ap-guangzhou`.
    pub region: String,
    pub templates: Templates,
}

impl Tencent {
    /// The signed `SendSms` request for `sms`, made at `now` (Unix seconds).
    pub fn request(&self, sms: &Sms, now: i64) -> Result<SignedRequest, SmsError> {
        let template = self.templates.id(sms.template, sms.lang)?;
        // Tencent's templates number their variables ({1}, {2}, …): the values go in order.
        let payload = serde_json::json!({
            "PhoneNumberSet": [format!("+86{}", sms.to)],
            "SmsSdkAppId": self.app_id,
            "SignName": self.sign,
            "TemplateId": template,
            "TemplateParamSet": sms.params.iter().map(|(_, value)| value).collect::<Vec<_>>(),
        })
        .to_string()
        .into_bytes();
        let signed = Tc3 {
            host: &self.endpoint.host,
            service: "sms",
            timestamp: now,
            payload: &payload,
        };
        let authorization = signed.authorization(&self.secret_id, &self.secret_key);
        Ok(SignedRequest {
            url: self.endpoint.url("/"),
            headers: vec![
                ("authorization", authorization),
                ("content-type", CONTENT_TYPE.to_string()),
                ("host", self.endpoint.host.clone()),
                ("x-tc-action", "SendSms".to_string()),
                ("x-tc-region", self.region.clone()),
                ("x-tc-timestamp", now.to_string()),
                ("x-tc-version", "2021-01-11".to_string()),
            ],
            body: payload,
        })
    }
}

/// Reads `SendSms`'s answer for its one number: the message's serial number when it was sent.
pub fn read_answer(status: u16, body: &str) -> Result<String, SmsError> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Answer {
        response: Response,
    }
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Response {
        error: Option<Failure>,
        #[serde(default)]
        send_status_set: Vec<Status>,
    }
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Failure {
        code: String,
    }
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Status {
        code: String,
        #[serde(default)]
        serial_no: String,
    }
    let refused = |code: &str| SmsError::Refused(format!("tencent {status} {}", error_code(code)));
    let retry = |code: &str| SmsError::Retry(format!("tencent {status} {}", error_code(code)));
    // Refused for sending too fast: nothing was sent, later may work. Anything else (a wrong key,
    // sign name or template, the provider's own trouble, after which it may have gone out) is not
    // sent again.
    if status == 429 {
        return Err(retry(""));
    }
    let Ok(Answer { response }) = serde_json::from_str::<Answer>(body) else {
        return Err(refused("unreadable"));
    };
    if let Some(failure) = response.error {
        let code = failure.code;
        return Err(if code.starts_with("RequestLimitExceeded") {
            retry(&code)
        } else {
            refused(&code)
        });
    }
    match response.send_status_set.into_iter().next() {
        Some(sent) if sent.code == "Ok" => Ok(sent.serial_no),
        Some(failed) => Err(refused(&failed.code)),
        None => Err(refused("empty")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of Tencent Cloud's "Signature v3" document (CVM `DescribeInstances`
    /// at timestamp 1551113065 with the example SecretKey `Gu5t9xGARNpq86cd98joQYCN3EXAMPLE`):
    /// the same inputs must give every published intermediate value and the signature.
    #[test]
    fn reproduces_the_published_tc3_example() {
        let payload = br#"{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}"#;
        let example = Tc3 {
            host: "cvm.tencentcloudapi.com",
            service: "cvm",
            timestamp: 1551113065,
            payload,
        };
        assert_eq!(
            sha256_hex(payload),
            "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"
        );
        assert_eq!(
            example.canonical_request(),
            "POST\n/\n\ncontent-type:application/json; charset=utf-8\n\
             host:cvm.tencentcloudapi.com\n\ncontent-type;host\n\
             35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"
        );
        assert_eq!(
            example.string_to_sign(),
            "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n\
             5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"
        );
        assert_eq!(
            example.authorization(
                "AKID**********************0123456789EXAMPLE",
                "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
            ),
            "TC3-HMAC-SHA256 Credential=AKID**********************0123456789EXAMPLE/\
             2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, \
             Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"
        );
    }

    #[test]
    fn answers_are_sent_retried_or_refused() {
        let sent = r#"{"Response":{"SendStatusSet":[{"SerialNo":"5000:1045710669157053657849499619","PhoneNumber":"+8613800000001","Fee":1,"SessionContext":"","Code":"Ok","Message":"send success","IsoCode":"CN"}],"RequestId":"a0aabda6"}}"#;
        assert_eq!(
            read_answer(200, sent).unwrap(),
            "5000:1045710669157053657849499619"
        );
        let signature = r#"{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"The provided credentials could not be validated."},"RequestId":"x"}}"#;
        assert!(
            matches!(read_answer(200, signature), Err(SmsError::Refused(ref why)) if why == "tencent 200 AuthFailure.SignatureFailure")
        );
        let fast = r#"{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"t"},"RequestId":"x"}}"#;
        assert!(matches!(read_answer(200, fast), Err(SmsError::Retry(_))));
        // The provider's trouble: it may have sent it, so it is not paid for twice.
        let busy = r#"{"Response":{"Error":{"Code":"InternalError.Timeout","Message":"t"},"RequestId":"x"}}"#;
        assert!(matches!(read_answer(200, busy), Err(SmsError::Refused(_))));
        let daily = r#"{"Response":{"SendStatusSet":[{"SerialNo":"","PhoneNumber":"+8613800000001","Code":"LimitExceeded.PhoneNumberDailyLimit","Message":"m"}],"RequestId":"x"}}"#;
        assert!(matches!(read_answer(200, daily), Err(SmsError::Refused(_))));
        assert!(matches!(read_answer(502, ""), Err(SmsError::Refused(_))));
    }
}
