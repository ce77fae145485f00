//! Base maps. OpenStreetMap draws in WGS-84 like our data; 高德 Amap draws in GCJ-02, so positions
//! are converted for display on it; 天地图 Tianditu (CGCS2000, within centimetres of WGS-84) needs a
//! key. Which ones are offered, and which comes first, is configuration (`MAP_TILES`,
//! `TIANDITU_KEY`).

use crate::locales::{map, Lang};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TileSource {
    Osm,
    Amap,
    Tianditu,
}

/// One tile layer as Leaflet takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct TileLayerSpec {
    pub url: String,
    pub subdomains: &'static str,
    pub attribution: &'static str,
    pub max_zoom: u8,
}

impl TileSource {
    pub const ALL: [TileSource; 3] = [TileSource::Osm, TileSource::Amap, TileSource::Tianditu];

    /// The name in configuration (`MAP_TILES=amap`).
    pub fn as_str(self) -> &'static str {
        match self {
            TileSource::Osm => "osm",
            TileSource::Amap => "amap",
            TileSource::Tianditu => "tianditu",
        }
    }

    pub fn parse(value: &str) -> Option<TileSource> {
        TileSource::ALL
            .into_iter()
            .find(|s| s.as_str() == value.trim().to_ascii_lowercase())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TileSource::Osm => map::tiles_osm(lang),
            TileSource::Amap => map::tiles_amap(lang),
            TileSource::Tianditu => map::tiles_tianditu(lang),
        }
    }

    /// Whether the tiles are drawn in GCJ-02 (our WGS-84 positions are converted to sit right).
    pub fn is_gcj02(self) -> bool {
        matches!(self, TileSource::Amap)
    }

    /// The tile layers to draw, bottom first (Tianditu puts its labels on a layer of their own).
    pub fn layers(self, tianditu_key: &str) -> Vec<TileLayerSpec> {
        match self {
            TileSource::Osm => vec![TileLayerSpec {
                url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
                subdomains: "",
                attribution: "© OpenStreetMap contributors",
                max_zoom: 19,
            }],
            TileSource::Amap => vec![TileLayerSpec {
                url: "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}".into(),
                subdomains: "1234",
                attribution: "© 高德地图 AutoNavi",
                max_zoom: 18,
            }],
            TileSource::Tianditu => ["vec", "cva"]
                .into_iter()
                .map(|layer| TileLayerSpec {
                    url: format!(
                        "https://t{{s}}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0\
                         &LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles\
                         &TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}&tk={}",
                        encode_key(tianditu_key)
                    ),
                    subdomains: "01234567",
                    attribution: "© 天地图 Tianditu",
                    max_zoom: 18,
                })
                .collect(),
        }
    }
}

/// A key is letters and digits; anything else is dropped so it cannot change the URL.
fn encode_key(key: &str) -> String {
    key.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// The base maps this site offers, the first shown by default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TileChoice {
    pub sources: Vec<TileSource>,
    pub tianditu_key: String,
}

impl Default for TileChoice {
    fn default() -> Self {
        TileChoice::new(TileSource::Osm, None)
    }
}

impl TileChoice {
    /// `first` leads; Tianditu is offered only with a key.
    pub fn new(first: TileSource, tianditu_key: Option<String>) -> TileChoice {
        let key = tianditu_key.map(|k| encode_key(&k)).unwrap_or_default();
        let first = match first {
            TileSource::Tianditu if key.is_empty() => TileSource::Osm,
            other => other,
        };
        let mut sources = vec![first];
        sources.extend(
            TileSource::ALL
                .into_iter()
                .filter(|s| *s != first && (*s != TileSource::Tianditu || !key.is_empty())),
        );
        TileChoice {
            sources,
            tianditu_key: key,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configured_source_comes_first_and_tianditu_needs_a_key() {
        let plain = TileChoice::default();
        assert_eq!(plain.sources, [TileSource::Osm, TileSource::Amap]);
        let amap = TileChoice::new(TileSource::Amap, Some("ab12".into()));
        assert_eq!(
            amap.sources,
            [TileSource::Amap, TileSource::Osm, TileSource::Tianditu]
        );
    }

    #[test]
    fn only_amap_needs_converted_positions() {
        assert!(TileSource::Amap.is_gcj02());
        assert!(!TileSource::Osm.is_gcj02() && !TileSource::Tianditu.is_gcj02());
        assert_eq!(TileSource::parse(" AMAP"), Some(TileSource::Amap));
        assert_eq!(TileSource::parse("google"), None);
    }

    #[test]
    fn every_tile_host_is_allowed_by_the_pages_policy() {
        let allowed: Vec<&str> = crate::shell::csp::TILE_HOSTS.split(' ').collect();
        for source in TileSource::ALL {
            for layer in source.layers("key") {
                let url = layer.url.replace("{s}", "webrd01").replace("{s}", "t0");
                let host = url.split('/').nth(2).unwrap();
                let covered = allowed.iter().any(|pattern| {
                    let pattern = pattern.trim_start_matches("https://");
                    match pattern.strip_prefix("*.") {
                        Some(domain) => host.ends_with(&format!(".{domain}")),
                        None => host == pattern,
                    }
                });
                assert!(covered, "{source:?}: {host} is not in TILE_HOSTS");
            }
        }
    }

    #[test]
    fn a_key_cannot_break_out_of_the_url() {
        let layers = TileSource::Tianditu.layers("k3y&x=<script>");
        assert_eq!(layers.len(), 2);
        assert!(layers[0].url.ends_with("&tk=k3yxscript"));
        assert!(layers[1].url.contains("LAYER=cva"));
    }
}
