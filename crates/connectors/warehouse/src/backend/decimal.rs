//! Exact decimals (SUM over integers, NUMERIC columns) as JSON numbers.

use serde_json::{Number, Value};
use sqlx::types::Decimal;

/// Whole values as integers, others as the nearest float.
pub fn decimal_json(d: Decimal) -> Value {
    if d.fract().is_zero() {
        if let Ok(n) = i64::try_from(d) {
            return Value::from(n);
        }
    }
    f64::try_from(d)
        .ok()
        .and_then(Number::from_f64)
        .map_or_else(|| Value::String(d.to_string()), Value::Number)
}

/// A float as a JSON number (NaN and infinities as strings).
pub fn float_json(f: f64) -> Value {
    Number::from_f64(f).map_or_else(|| Value::String(f.to_string()), Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_become_numbers() {
        assert_eq!(decimal_json(Decimal::new(1200, 0)), Value::from(1200));
        assert_eq!(decimal_json(Decimal::new(1250, 2)), Value::from(12.5));
        assert_eq!(float_json(f64::NAN), Value::String("NaN".into()));
    }
}
