//! A workspace's colours, made legible: text on the brand colour, and links against the page,
//! meet WCAG AA contrast (4.5:1) in light and in dark mode, whatever colour the company picks.

use porthole_types::{LauncherPosition, Settings};

type Rgb = [f64; 3];

const WHITE: Rgb = [255.0, 255.0, 255.0];
const BLACK: Rgb = [0.0, 0.0, 0.0];
/// What links stand on in each scheme, from widget/style.css: the page first (buttons are
/// judged against it), then cards, agents' message bubbles and customers'.
const LIGHT: [Rgb; 4] = [
    [255.0, 255.0, 255.0],
    [244.0, 246.0, 250.0],
    [238.0, 242.0, 255.0],
    [231.0, 246.0, 238.0],
];
const DARK: [Rgb; 4] = [
    [21.0, 24.0, 30.0],
    [29.0, 33.0, 41.0],
    [31.0, 39.0, 64.0],
    [23.0, 48.0, 31.0],
];
const AA: f64 = 4.5;

fn parse(hex: &str) -> Rgb {
    let h = hex.trim_start_matches('#');
    let c =
        |i: usize| f64::from(u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0));
    [c(0), c(2), c(4)]
}

fn hex([r, g, b]: Rgb) -> String {
    format!(
        "#{:02x}{:02x}{:02x}",
        r.round() as u8,
        g.round() as u8,
        b.round() as u8
    )
}

fn luminance(rgb: Rgb) -> f64 {
    let channel = |c: f64| {
        let c = c / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

/// `color`, moved towards `toward` just far enough to reach AA contrast with every one of
/// `surfaces`.
fn legible_on(color: Rgb, surfaces: &[Rgb], toward: Rgb) -> Rgb {
    (0..=20)
        // Judged as written out: rounded to whole channels.
        .map(|step| parse(&hex(mix(color, toward, f64::from(step) / 20.0))))
        .find(|c| surfaces.iter().all(|bg| contrast(*c, *bg) >= AA))
        .unwrap_or(toward)
}

/// White or black, whichever reads better on `bg`.
fn text_on(bg: Rgb) -> Rgb {
    if contrast(WHITE, bg) >= contrast(BLACK, bg) {
        WHITE
    } else {
        BLACK
    }
}

/// The brand colour for buttons, the text on them, and links, in one scheme.
pub struct Palette {
    pub primary: String,
    pub on_primary: String,
    pub link: String,
}

fn palette(brand: Rgb, surfaces: &[Rgb; 4], toward: Rgb) -> Palette {
    let bg = surfaces[0];
    // A button must stand out from the page (3:1, as for any control) and carry text that
    // reads on it (4.5:1); mid tones satisfy neither white nor black text, so move until both
    // hold. Links must read on the page.
    let button = (0..=20)
        .map(|step| mix(brand, toward, f64::from(step) / 20.0))
        .find(|c| contrast(*c, bg) >= 3.0 && contrast(text_on(*c), *c) >= AA)
        .unwrap_or(toward);
    Palette {
        primary: hex(button),
        on_primary: hex(text_on(button)),
        link: hex(legible_on(brand, surfaces, toward)),
    }
}

pub fn light(settings: &Settings) -> Palette {
    palette(parse(&settings.primary_color), &LIGHT, BLACK)
}

pub fn dark(settings: &Settings) -> Palette {
    palette(parse(&settings.primary_color), &DARK, WHITE)
}

/// Custom properties for the panel and the pages, in both schemes.
pub fn stylesheet(settings: &Settings) -> String {
    let vars = |p: Palette| {
        format!(
            "--ph-primary:{};--ph-on-primary:{};--ph-link:{}",
            p.primary, p.on_primary, p.link
        )
    };
    format!(
        ":root{{{}}}@media (prefers-color-scheme:dark){{:root{{{}}}}}",
        vars(light(settings)),
        vars(dark(settings))
    )
}

/// The launcher and its panel, drawn by the loader in a shadow root on the host page. Sent with
/// the session, so branding costs the loader nothing.
pub fn launcher(settings: &Settings) -> String {
    let side = match settings.launcher_position {
        LauncherPosition::Left => "left",
        LauncherPosition::Right => "right",
    };
    let p = light(settings);
    format!(
        "button,iframe{{position:fixed;{side}:20px;z-index:999999;border:0;box-shadow:0 4px 20px #0005}}\
         button{{bottom:20px;width:56px;height:56px;border-radius:50%;background:{bg};color:{fg};cursor:pointer}}\
         button:focus-visible{{outline:3px solid {bg};outline-offset:3px}}\
         svg{{width:26px;fill:currentColor}}\
         b{{position:absolute;top:-4px;{side}:-4px;padding:0 6px;border-radius:9px;background:#d92d20;color:#fff;font:600 12px/18px system-ui,sans-serif}}\
         iframe{{bottom:88px;width:400px;height:min(640px,100dvh - 108px);border-radius:14px;background:#fff}}\
         @media(max-width:480px){{iframe{{inset:0;width:100%;height:100dvh;border-radius:0}}}}",
        bg = p.primary,
        fg = p.on_primary,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(color: &str) -> Settings {
        Settings {
            primary_color: color.into(),
            ..Settings::default()
        }
    }

    #[test]
    fn text_and_links_reach_aa_contrast_for_any_brand_colour() {
        for color in [
            "#2563eb", "#ffff00", "#ffffff", "#000000", "#777777", "#0a7f3c", "#ff66cc",
        ] {
            for (p, surfaces) in [(light(&with(color)), LIGHT), (dark(&with(color)), DARK)] {
                let (primary, on, link) = (parse(&p.primary), parse(&p.on_primary), parse(&p.link));
                assert!(
                    contrast(on, primary) >= AA,
                    "{color}: button text {}",
                    contrast(on, primary)
                );
                // Links read on the page, on cards and inside both kinds of message bubble.
                for bg in surfaces {
                    assert!(
                        contrast(link, bg) >= AA,
                        "{color}: link {} on {}",
                        contrast(link, bg),
                        hex(bg)
                    );
                }
                assert!(
                    contrast(primary, surfaces[0]) >= 3.0,
                    "{color}: button edge"
                );
            }
        }
    }

    #[test]
    fn a_colour_that_already_reads_well_is_kept() {
        assert_eq!(light(&with("#2563eb")).primary, "#2563eb");
        assert_eq!(light(&with("#2563eb")).link, "#2563eb");
        assert_eq!(light(&with("#2563eb")).on_primary, "#ffffff");
    }

    #[test]
    fn the_launcher_goes_where_it_is_told() {
        let left = Settings {
            launcher_position: LauncherPosition::Left,
            ..Settings::default()
        };
        assert!(launcher(&left).contains("left:20px"));
        assert!(launcher(&Settings::default()).contains("right:20px"));
    }
}
