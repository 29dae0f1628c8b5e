//! The printable certificate: one A4 landscape page, English and French
//! side by side in the same weight, with the verification code. Fonts are
//! DejaVu (embedded as subsets), so every French character prints.

use crate::CredentialError;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::Document;

static SERIF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSerif.ttf");
static SERIF_BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSerif-Bold.ttf");
static SANS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");

const W: f32 = 842.0;
const H: f32 = 595.0;

/// What the certificate says.
pub struct CertificateText<'a> {
    pub organization: &'a str,
    pub holder: &'a str,
    /// The certification, in English and in French.
    pub title_en: &'a str,
    pub title_fr: &'a str,
    pub valid_from: &'a str,
    pub valid_until: &'a str,
    pub approved_by: &'a str,
    pub verification_code: &'a str,
    pub pack_version: &'a str,
    /// The organization's `did:key`, against which the credential verifies.
    pub issuer_did: &'a str,
}

struct Writer {
    faces: Vec<(Font, ttf_parser::Face<'static>)>,
}

impl Writer {
    fn new() -> Result<Writer, CredentialError> {
        let mut faces = Vec::new();
        for bytes in [SERIF, SERIF_BOLD, SANS] {
            let font = Font::new(bytes.into(), 0)
                .ok_or_else(|| CredentialError::Pdf("a font cannot be read".into()))?;
            let face = ttf_parser::Face::parse(bytes, 0)
                .map_err(|e| CredentialError::Pdf(e.to_string()))?;
            faces.push((font, face));
        }
        Ok(Writer { faces })
    }

    /// The width of `text` in points (advances only; enough for centring).
    fn width(&self, face: usize, size: f32, text: &str) -> f32 {
        let f = &self.faces[face].1;
        let per_em = f32::from(f.units_per_em());
        text.chars()
            .map(|c| {
                f.glyph_index(c)
                    .and_then(|g| f.glyph_hor_advance(g))
                    .map_or(0.0, f32::from)
            })
            .sum::<f32>()
            * size
            / per_em
    }

    /// One glyph per character, without ligatures: the text extracted from
    /// the PDF (search, copy, screen readers) is then exactly the text.
    fn glyphs(&self, face: usize, text: &str) -> Vec<KrillaGlyph> {
        let f = &self.faces[face].1;
        let per_em = f32::from(f.units_per_em());
        text.char_indices()
            .map(|(i, c)| {
                let g = f.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                let advance = f.glyph_hor_advance(g).map_or(0.0, f32::from) / per_em;
                KrillaGlyph::new(
                    GlyphId::new(u32::from(g.0)),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    fn centred(
        &self,
        s: &mut krilla::surface::Surface<'_>,
        face: usize,
        size: f32,
        cx: f32,
        y: f32,
        text: &str,
    ) {
        let x = cx - self.width(face, size, text) / 2.0;
        let glyphs = self.glyphs(face, text);
        s.draw_glyphs(
            Point::from_xy(x, y),
            &glyphs,
            self.faces[face].0.clone(),
            text,
            size,
            false,
        );
    }

    /// Draws `text` centred on `cx`, wrapped to `max` points wide; returns
    /// the y below the last line.
    #[allow(clippy::too_many_arguments)]
    fn wrapped(
        &self,
        s: &mut krilla::surface::Surface<'_>,
        face: usize,
        size: f32,
        cx: f32,
        mut y: f32,
        max: f32,
        text: &str,
    ) -> f32 {
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(face, size, &candidate) > max && !line.is_empty() {
                self.centred(s, face, size, cx, y, &line);
                y += size * 1.3;
                line = word.to_owned();
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            self.centred(s, face, size, cx, y, &line);
            y += size * 1.3;
        }
        y
    }
}

fn fill(r: u8, g: u8, b: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn rect(s: &mut krilla::surface::Surface<'_>, x: f32, y: f32, w: f32, h: f32) {
    let mut pb = PathBuilder::new();
    if let Some(r) = Rect::from_xywh(x, y, w, h) {
        pb.push_rect(r);
    }
    if let Some(p) = pb.finish() {
        s.draw_path(&p);
    }
}

/// The certificate as PDF bytes.
pub fn certificate(c: &CertificateText<'_>) -> Result<Vec<u8>, CredentialError> {
    let w = Writer::new()?;
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(format!("{} — {}", c.title_en, c.holder))
            .language("en-CA".into())
            .creator("Mastery".into()),
    );
    let settings =
        PageSettings::from_wh(W, H).ok_or_else(|| CredentialError::Pdf("page size".into()))?;
    let mut page = doc.start_page_with(settings);
    let mut s = page.surface();
    let (brand, ink, muted) = ((29, 79, 115), (27, 36, 48), (74, 85, 104));

    // A band and a double rule: a frame that prints well in black and white.
    s.set_fill(Some(fill(brand.0, brand.1, brand.2)));
    rect(&mut s, 0.0, 0.0, W, 14.0);
    rect(&mut s, 0.0, H - 14.0, W, 14.0);
    s.set_fill(None);
    s.set_stroke(Some(Stroke {
        paint: rgb::Color::new(brand.0, brand.1, brand.2).into(),
        width: 1.5,
        ..Default::default()
    }));
    rect(&mut s, 30.0, 32.0, W - 60.0, H - 64.0);
    s.set_stroke(Some(Stroke {
        paint: rgb::Color::new(242, 179, 61).into(),
        width: 0.75,
        ..Default::default()
    }));
    rect(&mut s, 36.0, 38.0, W - 72.0, H - 76.0);
    s.set_stroke(None);

    let cx = W / 2.0;
    s.set_fill(Some(fill(muted.0, muted.1, muted.2)));
    w.centred(&mut s, 2, 11.0, cx, 78.0, c.organization);
    s.set_fill(Some(fill(brand.0, brand.1, brand.2)));
    w.centred(
        &mut s,
        1,
        24.0,
        cx,
        122.0,
        "Certificate of Service Excellence",
    );
    w.centred(
        &mut s,
        1,
        24.0,
        cx,
        154.0,
        "Certificat d’excellence du service",
    );

    s.set_fill(Some(fill(muted.0, muted.1, muted.2)));
    w.centred(
        &mut s,
        0,
        12.0,
        cx,
        196.0,
        "This certifies that · Nous certifions que",
    );
    s.set_fill(Some(fill(ink.0, ink.1, ink.2)));
    w.centred(&mut s, 1, 30.0, cx, 240.0, c.holder);

    s.set_fill(Some(fill(muted.0, muted.1, muted.2)));
    w.centred(
        &mut s,
        0,
        12.0,
        cx,
        278.0,
        "has earned the certification · a obtenu la certification",
    );
    s.set_fill(Some(fill(ink.0, ink.1, ink.2)));
    let y = w.wrapped(&mut s, 1, 17.0, cx, 310.0, W - 160.0, c.title_en);
    let y = w.wrapped(&mut s, 0, 17.0, cx, y + 2.0, W - 160.0, c.title_fr);

    // Dates and approver, two columns under a rule.
    let row = y.max(380.0) + 14.0;
    s.set_stroke(Some(Stroke {
        paint: rgb::Color::new(213, 219, 227).into(),
        width: 0.75,
        ..Default::default()
    }));
    let mut pb = PathBuilder::new();
    pb.move_to(120.0, row - 18.0);
    pb.line_to(W - 120.0, row - 18.0);
    if let Some(p) = pb.finish() {
        s.draw_path(&p);
    }
    s.set_stroke(None);
    let (left, right) = (W / 4.0 + 20.0, 3.0 * W / 4.0 - 20.0);
    s.set_fill(Some(fill(muted.0, muted.1, muted.2)));
    w.centred(&mut s, 2, 10.0, left, row, "Valid from · Valide du");
    w.centred(&mut s, 2, 10.0, right, row, "Valid until · Valide jusqu’au");
    s.set_fill(Some(fill(ink.0, ink.1, ink.2)));
    w.centred(&mut s, 1, 15.0, left, row + 22.0, c.valid_from);
    w.centred(&mut s, 1, 15.0, right, row + 22.0, c.valid_until);
    s.set_fill(Some(fill(muted.0, muted.1, muted.2)));
    w.centred(
        &mut s,
        2,
        10.0,
        cx,
        row + 52.0,
        &format!("Approved by · Approuvé par : {}", c.approved_by),
    );

    // Verification.
    s.set_fill(Some(fill(brand.0, brand.1, brand.2)));
    w.centred(
        &mut s,
        2,
        12.0,
        cx,
        H - 82.0,
        &format!(
            "Verification code · Code de vérification : {}",
            c.verification_code
        ),
    );
    s.set_fill(Some(fill(muted.0, muted.1, muted.2)));
    w.centred(
        &mut s,
        2,
        7.5,
        cx,
        H - 64.0,
        &format!(
            "Issuer · Émetteur : {} · program version · version du programme {}",
            c.issuer_did, c.pack_version
        ),
    );

    s.finish();
    page.finish();
    doc.finish()
        .map_err(|e| CredentialError::Pdf(format!("{e:?}")))
}
