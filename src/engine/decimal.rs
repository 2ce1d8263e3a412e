//! Decimal text to `f64`, for the numbers a questionnaire carries (weights, bounds) and the
//! numbers users type.
//!
//! Hand-written on purpose: the standard library's `str::parse::<f64>` links its
//! correctly rounded algorithm and its power-of-five tables (about 14 KB of the offline
//! install, issue #16), which numbers of this kind never need. This reader is exact, like
//! the standard one, whenever the digits make an integer up to 2^53 and the power of ten is
//! at most 22 either way (every weight, bound, count or amount people write); beyond that
//! (more than 15 significant digits, or tiny or huge exponents) it may differ from the
//! nearest `f64` by a few units in the last place.

/// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the exponent;
/// "5." and ".5" are read). Anything else, including "inf" and "NaN", is `None`, as is a
/// number too large for `f64`.
pub fn parse(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    // Up to 19 significant digits make the mantissa; further ones only move the exponent.
    let (mut mantissa, mut digits, mut exp10, mut any) = (0u64, 0u32, 0i32, false);
    let mut point = false;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                any = true;
                if digits < 19 {
                    if mantissa != 0 || d != b'0' {
                        digits += 1;
                    }
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    if point {
                        exp10 -= 1;
                    }
                } else if !point {
                    exp10 += 1;
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if i < b.len() {
        if !matches!(b[i], b'e' | b'E') {
            return None;
        }
        i += 1;
        let minus = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i32 = 0;
        while let Some(d @ b'0'..=b'9') = b.get(i) {
            e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
            i += 1;
        }
        if i == start || i < b.len() {
            return None;
        }
        exp10 = exp10.saturating_add(if minus { -e } else { e });
    }
    let x = scale(mantissa, exp10);
    let x = if negative { -x } else { x };
    x.is_finite().then_some(x)
}

/// `mantissa × 10^exp10`: one correctly rounded operation when both factors are exact.
fn scale(mantissa: u64, exp10: i32) -> f64 {
    const EXACT: u64 = 1 << 53;
    if mantissa == 0 {
        return 0.0;
    }
    let m = mantissa as f64;
    match exp10 {
        0 => m,
        1..=22 if mantissa <= EXACT => m * pow10(exp10),
        -22..=-1 if mantissa <= EXACT => m / pow10(-exp10),
        // Out of the exact range: a few products, each rounded once.
        _ if exp10 > 0 => m * pow10(exp10.min(400)),
        _ => {
            let mut x = m;
            let mut e = -exp10;
            while e > 300 {
                x /= 1e300;
                e -= 300;
            }
            x / pow10(e)
        }
    }
}

/// 10^e for 0 ≤ e < 512 (exact up to 22): a product of the powers 10^(2^k), each written
/// as a literal (so correctly rounded), one rounding per product.
fn pow10(e: i32) -> f64 {
    const POWERS: [f64; 9] = [1e1, 1e2, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256];
    let mut x = 1.0f64;
    for (k, p) in POWERS.iter().enumerate() {
        if e & (1 << k) != 0 {
            x *= p;
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_what_people_and_questionnaires_write() {
        for (t, x) in [
            ("0", 0.0),
            ("12", 12.0),
            ("12.5", 12.5),
            ("-3.25", -3.25),
            ("+7", 7.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("0.1", 0.1),
            ("1e3", 1000.0),
            ("2.5E-2", 0.025),
            ("1500000", 1_500_000.0),
            ("00012.0500", 12.05),
        ] {
            assert_eq!(parse(t), Some(x), "{t}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_decimal_number() {
        for t in [
            "", "-", ".", "e5", "1e", "1e+", "1.2.3", "12 5", "12,5", "inf", "NaN", "0x10",
            "1_000", "1e400", "- 1",
        ] {
            assert_eq!(parse(t), None, "{t:?}");
        }
    }
}
