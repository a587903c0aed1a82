//! The estimator view as a table (`table#data-estimators` and its CSV): one row per estimator
//! and τ, with the exact value wherever the figure draws one and the Monte Carlo estimate with
//! its standard error elsewhere, numbers written exactly in plain text.

use super::estimators::DISPLAY_ORDER;
use super::{Model, ModelError};
use crate::format;
use crate::i18n::messages::reports;

/// A row of the estimator table: the estimator's name, its numbers (τ, bias, bias_se,
/// variance, variance_se) and whether they are exact ("yes" or "no", in the page's language).
pub(super) type Row = (String, [f64; 5], String);

/// The table's header cells, in order.
pub const ESTIMATORS_TABLE_HEADER: [&str; 7] = [
    "estimator",
    "tau",
    "bias",
    "bias_se",
    "variance",
    "variance_se",
    "exact",
];

impl Model {
    /// The header and the rows of the estimator table. A row is exact (`yes`, standard errors
    /// 0) when the figure draws an exact value: the score functions and ST at every k (a bias
    /// of 0 for an estimator unbiased by a theorem), GS and ST-GS for k ≤ 3 once computed.
    /// Otherwise (`no`) the bias is the noise-corrected √max(0, ‖ḡ − ∇F‖² − tr Ĉov/M) with
    /// its standard error, and the variance tr Ĉov with its standard error.
    ///
    /// # Errors
    /// As [`estimators_data`](Self::estimators_data).
    pub fn estimators_table(&mut self) -> Result<(Vec<String>, Vec<Vec<String>>), ModelError> {
        let (header, rows) = self.estimator_rows()?;
        let rows = rows
            .into_iter()
            .map(|(name, numbers, exact)| {
                let mut cells = vec![name];
                cells.extend(numbers.iter().map(|&v| format::exact(v).to_string()));
                cells.push(exact);
                cells
            })
            .collect();
        Ok((header, rows))
    }

    /// The header and the rows of [`estimators_table`](Self::estimators_table), its numbers
    /// (τ, bias, bias_se, variance, variance_se) as numbers.
    ///
    /// # Errors
    /// As [`estimators_data`](Self::estimators_data).
    pub(super) fn estimator_rows(&mut self) -> Result<(Vec<String>, Vec<Row>), ModelError> {
        let data = self.estimators_data()?;
        let objective = self.settings.objective();
        let w = reports(self.lang);
        let word = |text: &str| w.cell(text).unwrap_or_else(|| text.to_string());
        let mut rows = Vec::new();
        for (estimator, curve) in DISPLAY_ORDER.iter().zip(&data.curves) {
            let unbiased = estimator.known_unbiased(&objective);
            for (i, &tau) in data.taus.iter().enumerate() {
                let at = |v: &[f64]| v.get(i).copied().unwrap_or(f64::NAN);
                let (bias, variance) = (at(&curve.exact_bias), at(&curve.exact_variance));
                let row = if bias.is_finite() && variance.is_finite() {
                    ([tau, bias, 0.0, variance, 0.0], word("yes"))
                } else {
                    let point = self
                        .sweep()?
                        .row(*estimator)
                        .and_then(|r| r.points.get(i))
                        .cloned();
                    let (bias, bias_se) = match point {
                        Some(p) if !unbiased => (p.corrected_bias(), p.corrected_bias_se()),
                        _ => (0.0, 0.0),
                    };
                    let (variance, variance_se) = (at(&curve.variance), at(&curve.variance_se));
                    ([tau, bias, bias_se, variance, variance_se], word("no"))
                };
                rows.push((word(estimator.name()), row.0, row.1));
            }
        }
        let header = ESTIMATORS_TABLE_HEADER
            .iter()
            .map(|h| w.column(h).unwrap_or_else(|| h.to_string()))
            .collect();
        Ok((header, rows))
    }

    /// The estimator table as CSV text (header line first, lines ended by "\n").
    ///
    /// # Errors
    /// As [`estimators_table`](Self::estimators_table).
    pub fn estimators_csv(&mut self) -> Result<String, ModelError> {
        let (header, rows) = self.estimators_table()?;
        let mut out = header.join(",");
        out.push('\n');
        for row in rows {
            out.push_str(&row.join(","));
            out.push('\n');
        }
        Ok(out)
    }
}
