//! 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters whose last one is a
//! check character computed from the other 17.

/// The 31 characters a code may use (no I, O, Z, S or V); a character's value is its index.
const CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Normalises (trims, upper-cases) and checks a code; `None` when it is not a valid code.
pub fn parse_credit_code(input: &str) -> Option<String> {
    let code = input.trim().to_ascii_uppercase();
    let values: Vec<u32> = code
        .bytes()
        .map(|b| CHARSET.iter().position(|&c| c == b).map(|i| i as u32))
        .collect::<Option<_>>()?;
    if values.len() != 18 {
        return None;
    }
    let sum: u32 = values[..17].iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    (values[17] == check).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::parse_credit_code;

    #[test]
    fn real_codes_pass() {
        for code in [
            "91350100M000100Y43",
            "91110000802100433B",
            "91440300708461136T",
            "91110108551385082Q",
        ] {
            assert_eq!(parse_credit_code(code).as_deref(), Some(code));
        }
        assert_eq!(
            parse_credit_code(" 91350100m000100y43 ").as_deref(),
            Some("91350100M000100Y43")
        );
    }

    #[test]
    fn wrong_codes_fail() {
        for code in [
            "",
            "91350100M000100Y44",  // wrong check character
            "91350100M000100Y4",   // too short
            "91350100M000100Y433", // too long
            "91350100I000100Y43",  // I is not in the charset
            "9135010０M000100Y43", // full-width digit
        ] {
            assert_eq!(parse_credit_code(code), None, "{code}");
        }
    }
}
