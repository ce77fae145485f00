//! Uploaded photos, of items and of cooperative members (PRODUCT, "Uploads"): whatever arrives
//! is decoded by its content (never its name), turned upright by its EXIF orientation, cut down to
//! a display size and a thumbnail, and written out as fresh JPEGs. Only pixels survive: no EXIF,
//! no GPS position, no camera details.

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};
use std::io::Cursor;

/// The largest photo accepted, in bytes, as uploaded.
pub const PHOTO_MAX_BYTES: usize = 10 * 1024 * 1024;
/// Longest side of the photo shown on an item's page.
pub const DISPLAY_MAX_PX: u32 = 1280;
/// Longest side of the thumbnail in lists.
pub const THUMB_MAX_PX: u32 = 320;
/// Pictures wider or taller than this are refused before they are decoded (decompression bombs).
const DECODE_MAX_PX: u32 = 12_000;
/// Most pixels accepted: a 50-megapixel phone camera's photo, with room; far fewer than a small
/// file can claim (a few hundred KB of PNG can say 12,000 × 12,000, 432 MB once decoded).
const DECODE_MAX_PIXELS: u64 = 52_000_000;
/// Most memory one decoded picture may take: such a photo in RGBA at 8 bits a channel.
const DECODE_MAX_BYTES: u64 = DECODE_MAX_PIXELS * 4;
const JPEG_QUALITY: u8 = 82;

/// A photo ready to store.
#[derive(Debug)]
pub struct StoredPhoto {
    pub width: u32,
    pub height: u32,
    pub display: Vec<u8>,
    pub thumb: Vec<u8>,
}

/// Turns an upload into a stored photo. Slow for big pictures: run it off the async threads.
pub fn process(upload: &[u8]) -> Result<StoredPhoto, PhotoRefusal> {
    if upload.len() > PHOTO_MAX_BYTES {
        return Err(PhotoRefusal::TooLarge);
    }
    let mut reader = ImageReader::new(Cursor::new(upload))
        .with_guessed_format()
        .map_err(|_| PhotoRefusal::NotAnImage)?;
    if reader.format().is_none() {
        return Err(PhotoRefusal::NotAnImage);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(DECODE_MAX_PX);
    limits.max_image_height = Some(DECODE_MAX_PX);
    limits.max_alloc = Some(DECODE_MAX_BYTES);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|_| PhotoRefusal::NotAnImage)?;
    // Counted from the header, before any pixel is decoded.
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > DECODE_MAX_PIXELS
        || decoder.total_bytes() > DECODE_MAX_BYTES
    {
        return Err(PhotoRefusal::TooManyPixels);
    }
    // A phone stores a portrait photo sideways with a note to turn it: apply the note, since the
    // note itself will not survive (after cutting down, so the turn copies few pixels).
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let picture = DynamicImage::from_decoder(decoder).map_err(|_| PhotoRefusal::NotAnImage)?;
    let mut display = fit_within(picture, DISPLAY_MAX_PX);
    display.apply_orientation(orientation);
    let thumb = fit_within(display.clone(), THUMB_MAX_PX);
    Ok(StoredPhoto {
        width: display.width(),
        height: display.height(),
        display: jpeg(&display)?,
        thumb: jpeg(&thumb)?,
    })
}

/// Scaled down (never up) so that neither side is longer than `max_px`. A big photo is first
/// cut to twice that with the thumbnail filter (integer sums, no buffer but the output): the
/// smooth filter works in floats on a buffer as wide as its input, about 100 MB more for a
/// 50-megapixel photo.
fn fit_within(picture: DynamicImage, max_px: u32) -> DynamicImage {
    if picture.width() <= max_px && picture.height() <= max_px {
        return picture;
    }
    let near = max_px.saturating_mul(2);
    let picture = if picture.width() > near || picture.height() > near {
        picture.thumbnail(near, near)
    } else {
        picture
    };
    picture.resize(max_px, max_px, FilterType::Triangle)
}

/// Photos being decoded in this process at once. A decoded photo may take up to
/// `DECODE_MAX_BYTES`, so one at a time keeps the server's memory bounded however many arrive.
static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);
/// How long an upload waits for its turn to be decoded before it is answered 503: a queue that
/// long means someone is sending big photos faster than they can be read.
const DECODE_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Prepares uploads for storing. Decoding and resizing are CPU work: done on the blocking
/// threads, one photo after another, and one upload after another in this process.
pub async fn prepare(uploads: Vec<Vec<u8>>) -> Result<Vec<StoredPhoto>, crate::error::AppError> {
    let _turn = match tokio::time::timeout(DECODE_WAIT, DECODING.acquire()).await {
        Ok(Ok(turn)) => turn,
        Ok(Err(_)) => {
            tracing::error!("the photo decoding queue was closed");
            return Err(crate::error::AppError::Internal);
        }
        Err(_) => {
            tracing::warn!("photos waited too long for their turn to be decoded");
            return Err(crate::error::AppError::Unavailable);
        }
    };
    tokio::task::spawn_blocking(move || {
        uploads
            .iter()
            .map(|upload| process(upload))
            .collect::<Result<Vec<_>, PhotoRefusal>>()
    })
    .await
    .map_err(|error| {
        tracing::error!(%error, "photo processing stopped");
        crate::error::AppError::Internal
    })?
    .map_err(crate::error::AppError::from)
}

/// A fresh JPEG of the pixels alone. Transparent parts become white, as they look on the page.
fn jpeg(picture: &DynamicImage) -> Result<Vec<u8>, PhotoRefusal> {
    let rgb: RgbImage = if picture.color().has_alpha() {
        let rgba = picture.to_rgba8();
        RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
            let [r, g, b, a] = rgba.get_pixel(x, y).0;
            let over_white =
                |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
            image::Rgb([over_white(r), over_white(g), over_white(b)])
        })
    } else {
        picture.to_rgb8()
    };
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|_| PhotoRefusal::NotAnImage)?;
    Ok(out)
}

/// A JPEG such as a phone takes: stored sideways (EXIF orientation 6, "turn 90° clockwise") and
/// carrying the GPS position it was taken at (26°35'N 106°42'E, Yunyan). For tests and trying the
/// upload out.
pub fn sample_phone_jpeg(width: u32, height: u32) -> Vec<u8> {
    let pixels = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 255 / width.max(1)) as u8,
            (y * 255 / height.max(1)) as u8,
            160,
        ])
    });
    let mut plain = Vec::new();
    JpegEncoder::new_with_quality(&mut plain, 90)
        .encode_image(&pixels)
        .expect("encode a sample JPEG");
    // The EXIF block goes right after the start-of-image marker, as cameras write it.
    let exif = sample_exif();
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&exif);
    out.extend_from_slice(&plain[2..]);
    out
}

/// A PNG of `width` × `height` black pixels in 8-bit RGB, written row by row: a few hundred KB
/// can claim hundreds of megabytes of pixels (a decompression bomb). For tests.
pub fn zero_png(width: u32, height: u32) -> Vec<u8> {
    zero_png_with(width, height, png::BitDepth::Eight)
}

/// As [`zero_png`], with `depth` bits a channel.
pub fn zero_png_with(width: u32, height: u32, depth: png::BitDepth) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(depth);
        let mut writer = encoder.write_header().expect("a PNG header");
        let mut rows = writer.stream_writer().expect("a PNG stream");
        let row = vec![0u8; width as usize * 3 * (depth as usize).div_ceil(8)];
        for _ in 0..height {
            std::io::Write::write_all(&mut rows, &row).expect("a PNG row");
        }
        rows.finish().expect("a whole PNG");
    }
    out
}

/// The marker the sample's GPS block carries ("GPSVersionID"-adjacent text), to look for in output.
pub const SAMPLE_GPS_MARKER: &[u8] = b"YUNYAN-GPS";

/// "Exif\0\0" and a little-endian TIFF: IFD0 with the orientation and a pointer to a GPS IFD
/// that holds latitude and longitude (and a processing-method text that is easy to search for).
fn sample_exif() -> Vec<u8> {
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    let entry = |tag: u16, kind: u16, count: u32, value: u32| {
        let mut e = Vec::new();
        e.extend_from_slice(&tag.to_le_bytes());
        e.extend_from_slice(&kind.to_le_bytes());
        e.extend_from_slice(&count.to_le_bytes());
        e.extend_from_slice(&value.to_le_bytes());
        e
    };
    const SHORT: u16 = 3;
    const LONG: u16 = 4;
    const ASCII: u16 = 2;
    const RATIONAL: u16 = 5;
    const UNDEFINED: u16 = 7;
    // IFD0 at 8: 2 entries (2 + 24 + 4 bytes) → the GPS IFD starts at 38.
    let gps_ifd = 8 + 2 + 2 * 12 + 4;
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend(entry(0x0112, SHORT, 1, 6));
    tiff.extend(entry(0x8825, LONG, 1, gps_ifd));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    // GPS IFD: 5 entries (2 + 60 + 4 bytes), then its values.
    let values = gps_ifd + 2 + 5 * 12 + 4;
    let (lat_at, lng_at, method_at) = (values, values + 24, values + 48);
    tiff.extend_from_slice(&5u16.to_le_bytes());
    tiff.extend(entry(0x0001, ASCII, 2, u32::from_le_bytes(*b"N\0\0\0")));
    tiff.extend(entry(0x0002, RATIONAL, 3, lat_at));
    tiff.extend(entry(0x0003, ASCII, 2, u32::from_le_bytes(*b"E\0\0\0")));
    tiff.extend(entry(0x0004, RATIONAL, 3, lng_at));
    tiff.extend(entry(
        0x001B,
        UNDEFINED,
        SAMPLE_GPS_MARKER.len() as u32,
        method_at,
    ));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    for (degrees, minutes) in [(26u32, 35u32), (106, 42)] {
        for (numerator, denominator) in [(degrees, 1u32), (minutes, 1), (0, 1)] {
            tiff.extend_from_slice(&numerator.to_le_bytes());
            tiff.extend_from_slice(&denominator.to_le_bytes());
        }
    }
    tiff.extend_from_slice(SAMPLE_GPS_MARKER);
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(tiff);
    exif
}

crate::refusals! {
    /// Why an uploaded photo was refused.
    pub enum PhotoRefusal in photos {
        /// An upload that could not be read as a photo (JPEG, PNG, WebP or GIF).
        NotAnImage = not_an_image, UNSUPPORTED_MEDIA_TYPE;
        /// One photo over the size limit.
        TooLarge = too_large, PAYLOAD_TOO_LARGE;
        /// A picture with more pixels than a phone camera takes (refused before it is decoded).
        TooManyPixels = too_many_pixels, PAYLOAD_TOO_LARGE;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn a_phone_photo_is_turned_upright_and_loses_its_gps_position() {
        let upload = sample_phone_jpeg(400, 300);
        assert!(contains(&upload, SAMPLE_GPS_MARKER));
        assert!(contains(&upload, b"Exif"));
        let stored = process(&upload).unwrap();
        // Stored sideways (400 × 300), shown upright.
        assert_eq!((stored.width, stored.height), (300, 400));
        for bytes in [&stored.display, &stored.thumb] {
            assert!(!contains(bytes, SAMPLE_GPS_MARKER));
            assert!(!contains(bytes, b"Exif"));
            assert_eq!(&bytes[..2], &[0xFF, 0xD8], "a JPEG");
        }
        let thumb = image::load_from_memory(&stored.thumb).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (240, 320));
    }

    #[test]
    fn big_pictures_are_cut_down_and_small_ones_kept() {
        let big = DynamicImage::ImageRgb8(RgbImage::new(3000, 1500));
        let mut png = Vec::new();
        big.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let stored = process(&png).unwrap();
        assert_eq!((stored.width, stored.height), (1280, 640));
        let small = sample_phone_jpeg(100, 80);
        assert_eq!(
            process(&small).map(|p| (p.width, p.height)).unwrap(),
            (80, 100)
        );
    }

    #[test]
    fn a_picture_with_more_pixels_than_a_camera_takes_is_refused_before_decoding() {
        // 12,000 × 12,000 of zeros: a few hundred KB that would decode to 432 MB.
        let bomb = zero_png(12_000, 12_000);
        assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
        let started = std::time::Instant::now();
        assert_eq!(process(&bomb).unwrap_err(), PhotoRefusal::TooManyPixels);
        assert!(started.elapsed() < std::time::Duration::from_millis(200));
        // Within the pixel count, but 16 bits a channel: over the memory a decode may take.
        assert_eq!(
            process(&zero_png_with(8_000, 6_000, png::BitDepth::Sixteen)).unwrap_err(),
            PhotoRefusal::TooManyPixels
        );
        // A phone camera's size is still taken.
        assert_eq!(
            process(&zero_png(4_000, 3_000)).map(|p| (p.width, p.height)),
            Ok((1280, 960))
        );
    }

    #[test]
    fn what_is_not_a_picture_is_refused() {
        for upload in [
            b"%PDF-1.4 not a photo".as_slice(),
            b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
            b"",
            // A JPEG's first bytes and nothing after.
            &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16],
        ] {
            assert_eq!(process(upload).unwrap_err(), PhotoRefusal::NotAnImage);
        }
        let oversized = vec![0u8; PHOTO_MAX_BYTES + 1];
        assert_eq!(process(&oversized).unwrap_err(), PhotoRefusal::TooLarge);
    }
}
