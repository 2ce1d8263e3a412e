//! Property tests of the hand-written decimal reader (`engine::decimal`) against the standard
//! library's correctly rounded `str::parse::<f64>`: equal wherever the reader claims to be
//! exact, within a few units in the last place elsewhere, and the same verdict on what is a
//! number.

use proptest::prelude::*;
use psea_assess::engine::decimal::parse;
use psea_assess::engine::edit::parse_number;

/// The reader's documented bound outside its exact range.
const MAX_ULPS: u64 = 4;

/// Units in the last place between two finite numbers of the same sign.
fn ulps(a: f64, b: f64) -> u64 {
    (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn exact_for_up_to_2_pow_53_times_ten_to_at_most_22(
        m in 0u64..=(1u64 << 53),
        e in -22i32..=22,
        neg in any::<bool>(),
    ) {
        let sign = if neg { "-" } else { "" };
        let t = format!("{sign}{m}e{e}");
        prop_assert_eq!(parse(&t), t.parse::<f64>().ok(), "{}", t);
        // The same number written with a decimal point.
        if e < 0 {
            let s = format!("{m:0>w$}", w = (-e) as usize + 1);
            let (int, frac) = s.split_at(s.len() - (-e) as usize);
            let t = format!("{sign}{int}.{frac}");
            prop_assert_eq!(parse(&t), t.parse::<f64>().ok(), "{}", t);
        }
    }

    #[test]
    fn within_a_few_ulps_anywhere_else(
        int in "[0-9]{1,25}",
        frac in "[0-9]{0,25}",
        e in -300i32..=300,
    ) {
        let t = format!("{int}.{frac}e{e}");
        let want = t.parse::<f64>().unwrap();
        match parse(&t) {
            Some(x) if want.is_normal() => prop_assert!(ulps(x, want) <= MAX_ULPS, "{t}: {x} vs {want}"),
            Some(x) => prop_assert!((x - want).abs() <= f64::MIN_POSITIVE, "{t}: {x} vs {want}"),
            None => prop_assert!(!want.is_finite(), "{t} refused, std reads {want}"),
        }
    }

    #[test]
    fn the_same_verdict_on_what_is_a_number(t in "[-+]?[0-9.]{0,4}([eE][-+]?[0-9]{0,3})?[a-z ]?") {
        let std = t.parse::<f64>().ok().filter(|x| x.is_finite());
        prop_assert_eq!(parse(&t).is_some(), std.is_some(), "{:?}", t);
        if let (Some(a), Some(b)) = (parse(&t), std) {
            prop_assert!(ulps(a, b) <= MAX_ULPS, "{:?}: {} vs {}", t, a, b);
        }
    }
}

#[test]
fn typed_numbers_read_as_before() {
    assert_eq!(parse_number(" 12,5 "), Some(12.5));
    assert_eq!(parse_number("1 500 000"), Some(1_500_000.0));
    assert_eq!(parse_number("1\u{202f}500,25"), Some(1500.25));
    assert_eq!(parse_number("-0,75"), Some(-0.75));
    assert_eq!(parse_number("douze"), None);
    assert_eq!(parse_number("12,5,1"), None);
}
