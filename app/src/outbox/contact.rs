//! A person's contact as the providers and the records need it: a French mobile in
//! international form, a masked form for the professionals' pages, a peppered hash for lists
//! that must not hold the contact itself (badge wallets, « STOP »).
use super::db::secret;
use crate::token::{new_token, token_hash};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use sha2::{Digest, Sha256};

/// Mobile prefixes of the overseas départements, dialled from mainland France as `06 9x…` or
/// `06 39…`, and their country codes (Arcep's numbering plan): Guadeloupe, Saint-Martin and
/// Saint-Barthélemy 0690/0691 → 590, Guyane 0694 → 594, Martinique 0696/0697 → 596, La Réunion
/// 0692/0693 → 262, Mayotte 0639 → 262.
const OUTRE_MER: [(&str, &str); 7] = [
    ("0690", "590"),
    ("0691", "590"),
    ("0694", "594"),
    ("0696", "596"),
    ("0697", "596"),
    ("0692", "262"),
    ("0693", "262"),
];
const MAYOTTE: (&str, &str) = ("0639", "262");

/// A French mobile as stored (`06 12 34 56 78`) in international digits, as Brevo wants them
/// (`33612345678`; `590690123456` for a Guadeloupe mobile). `None` when it is not a French mobile.
pub fn international_digits(phone: &str) -> Option<String> {
    let national = crate::validation::french_mobile(phone)?;
    let digits: String = national.chars().filter(char::is_ascii_digit).collect();
    let rest = &digits[1..];
    let code = OUTRE_MER
        .iter()
        .chain(std::iter::once(&MAYOTTE))
        .find(|(prefix, _)| digits.starts_with(prefix))
        .map_or("33", |(_, code)| code);
    Some(format!("{code}{rest}"))
}

/// `+33612345678`: the form kept in hashes (badge wallets) and shown to nobody.
pub fn international(phone: &str) -> String {
    match international_digits(phone) {
        Some(d) => format!("+{d}"),
        None => {
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            format!("+33{}", digits.strip_prefix('0').unwrap_or(&digits))
        }
    }
}

/// What the professionals' pages show of a contact once the message is sent: `06 •• •• •• 78`,
/// `c•••@exemple.fr`.
pub fn mask(contact: &str) -> String {
    if let Some((user, host)) = contact.split_once('@') {
        let first: String = user.chars().take(1).collect();
        return format!("{first}•••@{host}");
    }
    let digits: Vec<char> = contact.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return "••".into();
    }
    let n = digits.len();
    format!("{}{} •• •• •• {}{}", digits[0], digits[1], digits[n - 2], digits[n - 1])
}

/// A contact in the one form its hash is taken of: a mobile in international form, an e-mail in
/// lower case.
pub fn canonical(contact: &str) -> String {
    if contact.contains('@') {
        contact.trim().to_lowercase()
    } else {
        international(contact)
    }
}

/// The secret mixed into contact hashes (drawn on first use, kept in the database only):
/// without it, a phone number's hash could be reversed by trying every number.
pub async fn pepper(db: &impl ConnectionTrait) -> Result<String, DbErr> {
    const NOM: &str = "contacts";
    if let Some(s) = secret::Entity::find_by_id(NOM).one(db).await? {
        return Ok(s.valeur);
    }
    let fresh = token_hash(&new_token()?);
    // Two servers drawing at once: the first insert wins, both read it back.
    let row = secret::ActiveModel { nom: Set(NOM.into()), valeur: Set(fresh) };
    let _ = secret::Entity::insert(row)
        .on_conflict(sea_orm::sea_query::OnConflict::column(secret::Column::Nom).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    secret::Entity::find_by_id(NOM)
        .one(db)
        .await?
        .map(|s| s.valeur)
        .ok_or_else(|| DbErr::Custom("secret: no pepper".into()))
}

/// The peppered SHA-256 of a contact already in [`canonical`] form.
pub fn hash_with(pepper: &str, canonical: &str) -> String {
    Sha256::digest(format!("{pepper}\n{canonical}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The peppered hash of a contact as typed or stored.
pub async fn hash(db: &impl ConnectionTrait, contact: &str) -> Result<String, DbErr> {
    Ok(hash_with(&pepper(db).await?, &canonical(contact)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_mobiles_leave_in_international_form_with_the_overseas_country_codes() {
        assert_eq!(international_digits("06 12 34 56 78").as_deref(), Some("33612345678"));
        assert_eq!(international_digits("07 81 00 00 00").as_deref(), Some("33781000000"));
        assert_eq!(international_digits("+33 6 12 34 56 78").as_deref(), Some("33612345678"));
        assert_eq!(international_digits("06 90 12 34 56").as_deref(), Some("590690123456"), "Guadeloupe");
        assert_eq!(international_digits("06 94 12 34 56").as_deref(), Some("594694123456"), "Guyane");
        assert_eq!(international_digits("06 96 12 34 56").as_deref(), Some("596696123456"), "Martinique");
        assert_eq!(international_digits("06 92 12 34 56").as_deref(), Some("262692123456"), "La Réunion");
        assert_eq!(international_digits("06 39 12 34 56").as_deref(), Some("262639123456"), "Mayotte");
        for not_mobile in ["05 61 00 00 00", "3949", "", "+44 7700 900000"] {
            assert_eq!(international_digits(not_mobile), None, "{not_mobile}");
        }
        assert_eq!(international("06 12 34 56 78"), "+33612345678");
    }

    #[test]
    fn masked_contacts_keep_only_enough_to_recognise_them() {
        assert_eq!(mask("06 12 34 56 78"), "06 •• •• •• 78");
        assert_eq!(mask("camille.martin@exemple.fr"), "c•••@exemple.fr");
        assert!(!mask("06 12 34 56 78").contains("34"));
    }

    #[test]
    fn a_contact_typed_two_ways_has_one_hash() {
        assert_eq!(canonical("+33 6 12 34 56 78"), canonical("06.12.34.56.78"));
        assert_eq!(canonical(" Camille@Exemple.FR"), "camille@exemple.fr");
        assert_ne!(hash_with("p", &canonical("06 12 34 56 78")), hash_with("q", &canonical("06 12 34 56 78")));
    }
}
