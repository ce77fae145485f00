//! QR codes, drawn on the server as inline SVG: they show without JavaScript, print sharply and
//! cost no image request.

use leptos::prelude::*;

/// The SVG of a QR code holding `text` (an address), or empty if it is too long to encode.
#[cfg(feature = "ssr")]
pub fn qr_svg(text: &str) -> String {
    use qrcode::render::svg;
    match qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M) {
        Ok(code) => {
            let drawn = code
                .render::<svg::Color>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build();
            // Inline in HTML the XML declaration is noise: keep the `<svg>` element only.
            match drawn.find("<svg") {
                Some(start) => drawn[start..].to_string(),
                None => drawn,
            }
        }
        Err(_) => String::new(),
    }
}

/// A QR code drawn by `qr_svg`, with a text alternative for screen readers.
#[component]
pub fn QrCode(svg: String, #[prop(into)] label: Signal<String>) -> impl IntoView {
    view! { <div class="qr" role="img" aria-label=label inner_html=svg></div> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn addresses_become_an_svg_element() {
        let svg = super::qr_svg("https://example.org/events/12/checkin?code=123456");
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("<path") || svg.contains("<rect"));
        assert!(super::qr_svg(&"x".repeat(5000)).is_empty());
    }
}
