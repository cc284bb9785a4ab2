//! Images are decoded and written anew before they are kept, so what is stored is pixels in an
//! encoding this server wrote: no uploader's comment, metadata block or trailing bytes survive,
//! which is where an image that is also a script (a polyglot) keeps its code, and where a phone
//! keeps the place a photo was taken.
//!
//! JPEG is written at quality 90 after applying its EXIF orientation (the orientation tag goes
//! with the rest of the metadata); PNG and GIF are lossless (a GIF keeps its animation and
//! frame delays); WebP is written lossless, the only WebP encoding the `image` crate has. An
//! animated PNG or WebP keeps its first frame. Colour profiles are dropped with the metadata.

use std::io::Cursor;

use image::codecs::{
    gif::{GifDecoder, GifEncoder, Repeat},
    jpeg::{JpegDecoder, JpegEncoder},
    png::{PngDecoder, PngEncoder},
    webp::{WebPDecoder, WebPEncoder},
};
use image::{AnimationDecoder, DynamicImage, ImageDecoder, ImageError, Limits};

use super::kind::Refusal;

/// A photo from any phone fits (48 MP sensors save 12 MP by default); a larger image is more
/// likely a decompression bomb than a screenshot.
const MAX_PIXELS: u64 = 50_000_000;
/// A GIF's canvas, which every frame is drawn on at four bytes a pixel: 64 MB at most.
const MAX_GIF_PIXELS: u64 = 16_000_000;
/// The pixels of all of an animation's frames together: a long, large GIF costs its frames'
/// area in CPU to write again, so its length is bounded too (about 100 frames of 1,000 × 1,000).
const MAX_ANIMATION_PIXELS: u64 = 100_000_000;
const MAX_SIDE: u32 = 20_000;
const MAX_ALLOC: u64 = 512 * 1024 * 1024;
const JPEG_QUALITY: u8 = 90;
/// gif's quantiser speed (1 best … 30 fastest). It runs only on a frame of over 256 colours,
/// which a decoded GIF frame rarely is, since its own palette held at most 256.
const GIF_SPEED: i32 = 10;

/// The image `bytes` of type `content_type` (`image/…`, as `kind::check` found it) written anew.
pub fn reencode(content_type: &str, bytes: &[u8]) -> Result<Vec<u8>, Refusal> {
    let mut out = Vec::with_capacity(bytes.len());
    let written = match content_type {
        "image/jpeg" => jpeg(bytes, &mut out),
        "image/png" => png(bytes, &mut out),
        "image/gif" => gif(bytes, &mut out),
        "image/webp" => webp(bytes, &mut out),
        _ => return Ok(bytes.to_vec()),
    };
    written?;
    Ok(out)
}

type Outcome = Result<(), Refusal>;

/// What a codec's error means to the uploader.
fn refused(err: ImageError) -> Refusal {
    match err {
        ImageError::Limits(_) => Refusal::ImageTooLarge,
        _ => Refusal::Unreadable,
    }
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

/// Sets the limits and refuses an image of too many pixels before a byte of it is decoded.
fn guarded(decoder: &mut impl ImageDecoder) -> Outcome {
    decoder.set_limits(limits()).map_err(refused)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Refusal::ImageTooLarge);
    }
    Ok(())
}

fn jpeg(bytes: &[u8], out: &mut Vec<u8>) -> Outcome {
    let mut decoder = JpegDecoder::new(Cursor::new(bytes)).map_err(refused)?;
    guarded(&mut decoder)?;
    let orientation = decoder.orientation().map_err(refused)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(refused)?;
    image.apply_orientation(orientation);
    let image = match image {
        DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgb8(_) => image,
        other => DynamicImage::ImageRgb8(other.to_rgb8()),
    };
    image
        .write_with_encoder(JpegEncoder::new_with_quality(out, JPEG_QUALITY))
        .map_err(refused)
}

/// The still image `decoder` holds, once `guarded` lets it be decoded.
fn decoded(mut decoder: impl ImageDecoder) -> Result<DynamicImage, Refusal> {
    guarded(&mut decoder)?;
    DynamicImage::from_decoder(decoder).map_err(refused)
}

fn png(bytes: &[u8], out: &mut Vec<u8>) -> Outcome {
    let image = decoded(PngDecoder::new(Cursor::new(bytes)).map_err(refused)?)?;
    image
        .write_with_encoder(PngEncoder::new(out))
        .map_err(refused)
}

fn webp(bytes: &[u8], out: &mut Vec<u8>) -> Outcome {
    let image = decoded(WebPDecoder::new(Cursor::new(bytes)).map_err(refused)?)?;
    let image = if image.color().has_alpha() {
        DynamicImage::ImageRgba8(image.to_rgba8())
    } else {
        DynamicImage::ImageRgb8(image.to_rgb8())
    };
    image
        .write_with_encoder(WebPEncoder::new_lossless(out))
        .map_err(refused)
}

fn gif(bytes: &[u8], out: &mut Vec<u8>) -> Outcome {
    let mut decoder = GifDecoder::new(Cursor::new(bytes)).map_err(refused)?;
    guarded(&mut decoder)?;
    let (width, height) = decoder.dimensions();
    let per_frame = u64::from(width) * u64::from(height);
    if per_frame > MAX_GIF_PIXELS {
        return Err(Refusal::ImageTooLarge);
    }
    let mut encoder = GifEncoder::new_with_speed(out, GIF_SPEED);
    encoder.set_repeat(Repeat::Infinite).map_err(refused)?;
    let mut pixels = 0u64;
    for frame in decoder.into_frames() {
        pixels += per_frame;
        if pixels > MAX_ANIMATION_PIXELS {
            return Err(Refusal::ImageTooLarge);
        }
        encoder
            .encode_frame(frame.map_err(refused)?)
            .map_err(refused)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    fn encoded(format: image::ImageFormat) -> Vec<u8> {
        let image = RgbImage::from_fn(16, 8, |x, y| Rgb([(x * 15) as u8, (y * 30) as u8, 99]));
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(image)
            .write_to(&mut out, format)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn every_kind_of_image_comes_back_as_the_same_picture_in_the_same_format() {
        for (mime, format) in [
            ("image/jpeg", image::ImageFormat::Jpeg),
            ("image/png", image::ImageFormat::Png),
            ("image/gif", image::ImageFormat::Gif),
            ("image/webp", image::ImageFormat::WebP),
        ] {
            let again = reencode(mime, &encoded(format)).unwrap();
            assert_eq!(image::guess_format(&again).unwrap(), format, "{mime}");
            let decoded = image::load_from_memory(&again).unwrap();
            assert_eq!((decoded.width(), decoded.height()), (16, 8), "{mime}");
        }
    }

    #[test]
    fn bytes_after_the_image_and_comments_inside_it_are_not_kept() {
        let mut gif = encoded(image::ImageFormat::Gif);
        gif.extend_from_slice(b"*/=alert(document.domain)//");
        let again = reencode("image/gif", &gif).unwrap();
        assert!(!again.windows(5).any(|w| w == b"alert"));

        let mut jpeg = encoded(image::ImageFormat::Jpeg);
        // A COM segment right after SOI, as a polyglot or a camera would put it.
        let comment = b"\xff\xfe\x00\x1a*/=alert(document.domain)//";
        jpeg.splice(2..2, comment.iter().copied());
        assert!(image::load_from_memory(&jpeg).is_ok());
        let again = reencode("image/jpeg", &jpeg).unwrap();
        assert!(!again.windows(5).any(|w| w == b"alert"));
    }

    #[test]
    fn a_photo_loses_its_metadata_and_stands_the_way_its_camera_said() {
        // APP1 Exif: big-endian TIFF, one entry (Orientation = 6, turn right), then a
        // location-like string the metadata might carry.
        let tiff = b"MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0GPS 48.8584 N 2.2945 E";
        let mut app1 = b"\xff\xe1".to_vec();
        app1.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
        app1.extend_from_slice(b"Exif\0\0");
        app1.extend_from_slice(tiff);
        let mut jpeg = encoded(image::ImageFormat::Jpeg);
        jpeg.splice(2..2, app1);

        let again = reencode("image/jpeg", &jpeg).unwrap();
        assert!(!again.windows(4).any(|w| w == b"Exif" || w == b"GPS "));
        let decoded = image::load_from_memory(&again).unwrap();
        assert_eq!(
            (decoded.width(), decoded.height()),
            (8, 16),
            "turned upright"
        );
    }

    /// A GIF of one pixel on a canvas of `width` × `height`, which every frame is drawn on.
    fn one_pixel_on(width: u16, height: u16) -> Vec<u8> {
        let mut gif = b"GIF89a".to_vec();
        gif.extend_from_slice(&width.to_le_bytes());
        gif.extend_from_slice(&height.to_le_bytes());
        // A global colour table of black and white.
        gif.extend_from_slice(b"\x80\0\0\0\0\0\xff\xff\xff");
        gif.extend_from_slice(b"\x2c\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\0;");
        gif
    }

    #[test]
    fn a_picture_claiming_more_pixels_than_a_phone_takes_is_refused_unread() {
        let bomb = one_pixel_on(20_000, 20_000);
        assert_eq!(reencode("image/gif", &bomb), Err(Refusal::ImageTooLarge));
    }

    #[test]
    fn a_gif_drawn_on_a_canvas_larger_than_a_screen_needs_is_refused() {
        // 20 megapixels: 80 MB a frame once drawn.
        let large = one_pixel_on(5_000, 4_000);
        assert_eq!(reencode("image/gif", &large), Err(Refusal::ImageTooLarge));
        let fits = reencode("image/gif", &one_pixel_on(2_000, 1_000));
        assert!(fits.is_ok(), "{fits:?}");
    }

    #[test]
    fn an_image_whose_bytes_do_not_decode_is_refused() {
        let mut broken = encoded(image::ImageFormat::Png);
        broken.truncate(40);
        assert_eq!(reencode("image/png", &broken), Err(Refusal::Unreadable));
    }
}
