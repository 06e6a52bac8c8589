//! QR codes drawn on the server: a badge's page, an invitation letter.

/// A QR code of `url` as SVG (black on white, with its quiet zone).
pub fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(code.render::<qrcode::render::svg::Color>().min_dimensions(240, 240).quiet_zone(true).build())
}
