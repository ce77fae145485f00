//! Demo areas: sub-districts of Yunyan district and some of their communities (approximate centres).

use crate::areas::db::insert_if_absent;
use crate::areas::model::{Area, AreaKind};
use sqlx::AnyConnection;

const SUBDISTRICTS: &[(&str, &str, &str, f64, f64)] = &[
    (
        "yy-qiandong",
        "黔东街道",
        "Qiandong Subdistrict",
        26.5930,
        106.7105,
    ),
    (
        "yy-yanzhong",
        "延中街道",
        "Yanzhong Subdistrict",
        26.5808,
        106.7118,
    ),
    (
        "yy-zhongdong",
        "中东街道",
        "Zhongdong Subdistrict",
        26.5842,
        106.7236,
    ),
    (
        "yy-shixi",
        "市西街道",
        "Shixi Subdistrict",
        26.5862,
        106.7001,
    ),
    (
        "yy-weiqing",
        "威清街道",
        "Weiqing Subdistrict",
        26.5779,
        106.6968,
    ),
    (
        "yy-beijinglu",
        "北京路街道",
        "Beijing Road Subdistrict",
        26.5986,
        106.7182,
    ),
    (
        "yy-jinguan",
        "金关街道",
        "Jinguan Subdistrict",
        26.6121,
        106.6943,
    ),
    (
        "yy-touqiao",
        "头桥街道",
        "Touqiao Subdistrict",
        26.5951,
        106.6897,
    ),
    (
        "yy-dongshan",
        "东山街道",
        "Dongshan Subdistrict",
        26.5887,
        106.7335,
    ),
    (
        "yy-zhaiji",
        "宅吉街道",
        "Zhaiji Subdistrict",
        26.5968,
        106.7287,
    ),
];

const COMMUNITIES: &[(&str, &str, &str, &str, f64, f64)] = &[
    (
        "yy-qiandong-qianling",
        "yy-qiandong",
        "黔灵社区",
        "Qianling Community",
        26.5952,
        106.7068,
    ),
    (
        "yy-qiandong-baoshan",
        "yy-qiandong",
        "宝山社区",
        "Baoshan Community",
        26.5911,
        106.7142,
    ),
    (
        "yy-yanzhong-wenchang",
        "yy-yanzhong",
        "文昌社区",
        "Wenchang Community",
        26.5822,
        106.7163,
    ),
    (
        "yy-yanzhong-dashizi",
        "yy-yanzhong",
        "大十字社区",
        "Dashizi Community",
        26.5786,
        106.7133,
    ),
    (
        "yy-zhongdong-yuhua",
        "yy-zhongdong",
        "毓秀社区",
        "Yuxiu Community",
        26.5856,
        106.7211,
    ),
    (
        "yy-beijinglu-yingpan",
        "yy-beijinglu",
        "营盘社区",
        "Yingpan Community",
        26.6002,
        106.7151,
    ),
    (
        "yy-jinguan-jinya",
        "yy-jinguan",
        "金鸭社区",
        "Jinya Community",
        26.6150,
        106.6981,
    ),
    (
        "yy-dongshan-shuidong",
        "yy-dongshan",
        "水东社区",
        "Shuidong Community",
        26.5869,
        106.7371,
    ),
];

pub fn all() -> Vec<Area> {
    let subdistricts = SUBDISTRICTS.iter().map(|&(code, zh, en, lat, lng)| Area {
        code: code.into(),
        kind: AreaKind::Subdistrict,
        parent_code: None,
        name_zh: zh.into(),
        name_en: en.into(),
        lat,
        lng,
    });
    let communities = COMMUNITIES
        .iter()
        .map(|&(code, parent, zh, en, lat, lng)| Area {
            code: code.into(),
            kind: AreaKind::Community,
            parent_code: Some(parent.into()),
            name_zh: zh.into(),
            name_en: en.into(),
            lat,
            lng,
        });
    // Parents first, so each community's parent exists when it is inserted.
    subdistricts.chain(communities).collect()
}

/// Adds the demo areas that are missing; returns how many were added.
pub async fn seed(conn: &mut AnyConnection, now: i64) -> Result<u64, sqlx::Error> {
    let mut added = 0;
    for area in all() {
        if insert_if_absent(&mut *conn, &area, now).await? {
            added += 1;
        }
    }
    Ok(added)
}
