//! A stand-in provider on this machine records what a real one would receive, and checks the
//! signature the way the provider does: rebuilt from the bytes that arrived, with the secret.
//! The signing itself is proven against the providers' published examples (`aliyun`, `tencent`);
//! this proves that what is signed is what is sent.

use super::aliyun::Acs3;
use super::tencent::Tc3;
use super::{Sms, SmsError, SmsProvider, SmsTransport};
use crate::locales::Lang;
use axum::http::{HeaderMap, Uri};
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug)]
struct Received {
    uri: Uri,
    headers: HeaderMap,
    body: Vec<u8>,
}

/// Serves `answer` (status, JSON) to every POST and keeps each request; the stand-in's host.
async fn stand_in(status: u16, answer: &'static str) -> (String, Arc<Mutex<Vec<Received>>>) {
    let received = Arc::new(Mutex::new(Vec::new()));
    let kept = received.clone();
    let app = axum::Router::new().route(
        "/",
        axum::routing::post(
            move |uri: Uri, headers: HeaderMap, body: axum::body::Bytes| async move {
                kept.lock().unwrap().push(Received {
                    uri,
                    headers,
                    body: body.to_vec(),
                });
                (
                    axum::http::StatusCode::from_u16(status).unwrap(),
                    [("content-type", "application/json")],
                    answer,
                )
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let host = listener.local_addr().unwrap().to_string();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (host, received)
}

fn header<'a>(request: &'a Received, name: &str) -> &'a str {
    request
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no {name} header"))
}

fn decoded(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

const ALIYUN_OK: &str =
    r#"{"Code":"OK","Message":"OK","BizId":"900619746936^0","RequestId":"F655A8D5"}"#;

#[tokio::test]
async fn aliyun_receives_a_request_its_signature_check_accepts() {
    let (host, received) = stand_in(200, ALIYUN_OK).await;
    let url = format!(
        "aliyun+http://LTAI5tExample:s3cret@{host}?sign=%E4%BA%91%E7%9B%8A%E4%BA%AB&verification_code=SMS_154950909&verification_code_en=SMS_154950910"
    );
    let transport = SmsTransport::provider(SmsProvider::from_url(&url).unwrap());
    let sms = Sms::verification_code("13800000001", "042135", Lang::En);
    assert_eq!(
        transport.send(&sms, 1_796_000_000).await.unwrap(),
        "900619746936^0"
    );

    let request = received.lock().unwrap()[0].clone();
    let query: Vec<(String, String)> = request
        .uri
        .query()
        .unwrap()
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap();
            (decoded(name), decoded(value))
        })
        .collect();
    let value = |name: &str| query.iter().find(|(n, _)| n == name).unwrap().1.as_str();
    assert_eq!(value("PhoneNumbers"), "13800000001");
    assert_eq!(value("SignName"), "云益享");
    assert_eq!(
        value("TemplateCode"),
        "SMS_154950910",
        "the English template"
    );
    assert_eq!(value("TemplateParam"), r#"{"code":"042135"}"#);
    assert_eq!(header(&request, "x-acs-action"), "SendSms");
    assert_eq!(header(&request, "x-acs-date"), "2026-11-30T00:53:20Z");
    // As the provider checks it: from what arrived, with the secret.
    let pairs: Vec<(&str, String)> = query.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
    let rebuilt = Acs3 {
        method: "POST",
        host: header(&request, "host"),
        query: &pairs,
        action: header(&request, "x-acs-action"),
        version: header(&request, "x-acs-version"),
        date: header(&request, "x-acs-date"),
        nonce: header(&request, "x-acs-signature-nonce"),
        body: &request.body,
    };
    assert_eq!(
        header(&request, "x-acs-content-sha256"),
        super::provider::sha256_hex(&request.body)
    );
    assert_eq!(
        header(&request, "authorization"),
        rebuilt.authorization("LTAI5tExample", "s3cret")
    );
    // A nonce is never used twice.
    transport.send(&sms, 1_796_000_000).await.unwrap();
    let nonces: Vec<String> = received
        .lock()
        .unwrap()
        .iter()
        .map(|r| header(r, "x-acs-signature-nonce").to_string())
        .collect();
    assert_ne!(nonces[0], nonces[1]);
}

#[tokio::test]
async fn tencent_receives_a_request_its_signature_check_accepts() {
    let answer = r#"{"Response":{"SendStatusSet":[{"SerialNo":"5000:104571066915","PhoneNumber":"+8613800000002","Fee":1,"Code":"Ok","Message":"send success","IsoCode":"CN"}],"RequestId":"a0aabda6"}}"#;
    let (host, received) = stand_in(200, answer).await;
    let url = format!(
        "tencent+http://AKIDExample:s3cretKey@{host}?app=1400000001&sign=云益享&region=ap-beijing&verification_code=449739"
    );
    let transport = SmsTransport::provider(SmsProvider::from_url(&url).unwrap());
    let sms = Sms::verification_code("13800000002", "930417", Lang::Zh);
    assert_eq!(
        transport.send(&sms, 1_796_000_000).await.unwrap(),
        "5000:104571066915"
    );

    let request = received.lock().unwrap()[0].clone();
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(
        body["PhoneNumberSet"],
        serde_json::json!(["+8613800000002"])
    );
    assert_eq!(body["SmsSdkAppId"], "1400000001");
    assert_eq!(body["SignName"], "云益享");
    assert_eq!(body["TemplateId"], "449739");
    assert_eq!(body["TemplateParamSet"], serde_json::json!(["930417"]));
    assert_eq!(header(&request, "x-tc-action"), "SendSms");
    assert_eq!(header(&request, "x-tc-region"), "ap-beijing");
    assert_eq!(header(&request, "x-tc-version"), "2021-01-11");
    assert_eq!(
        header(&request, "content-type"),
        "application/json; charset=utf-8"
    );
    let rebuilt = Tc3 {
        host: header(&request, "host"),
        service: "sms",
        timestamp: header(&request, "x-tc-timestamp").parse().unwrap(),
        payload: &request.body,
    };
    assert_eq!(
        header(&request, "authorization"),
        rebuilt.authorization("AKIDExample", "s3cretKey")
    );
}

#[tokio::test]
async fn a_providers_refusal_and_its_trouble_are_told_apart() {
    let (host, _) = stand_in(
        200,
        r#"{"Code":"isv.SMS_TEMPLATE_ILLEGAL","Message":"模板不合法"}"#,
    )
    .await;
    let url = format!("aliyun+http://k:s@{host}?sign=s&verification_code=SMS_1");
    let transport = SmsTransport::provider(SmsProvider::from_url(&url).unwrap());
    let sms = Sms::verification_code("13800000003", "111111", Lang::Zh);
    assert_eq!(
        transport.send(&sms, 1_796_000_000).await,
        Err(SmsError::Refused(
            "aliyun 200 isv.SMS_TEMPLATE_ILLEGAL".into()
        ))
    );
    // The provider's own trouble: it may have sent it, so it is not sent (and paid for) again.
    let (host, _) = stand_in(503, "").await;
    let url = format!("aliyun+http://k:s@{host}?sign=s&verification_code=SMS_1");
    let transport = SmsTransport::provider(SmsProvider::from_url(&url).unwrap());
    assert!(matches!(
        transport.send(&sms, 1_796_000_000).await,
        Err(SmsError::Refused(_))
    ));
    // Refused for coming too fast: nothing was sent, tried again later.
    let (host, _) = stand_in(429, "").await;
    let url = format!("aliyun+http://k:s@{host}?sign=s&verification_code=SMS_1");
    let transport = SmsTransport::provider(SmsProvider::from_url(&url).unwrap());
    assert!(matches!(
        transport.send(&sms, 1_796_000_000).await,
        Err(SmsError::Retry(_))
    ));
    // Nobody listening: tried again later.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let url = format!("aliyun+http://k:s@127.0.0.1:{port}?sign=s&verification_code=SMS_1");
    let transport = SmsTransport::provider(SmsProvider::from_url(&url).unwrap());
    assert_eq!(
        transport.send(&sms, 1_796_000_000).await,
        Err(SmsError::Retry("provider could not be reached".into()))
    );
}
