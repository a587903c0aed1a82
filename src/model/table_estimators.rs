//! The table of the estimator view: one row per estimator and τ of the figure's curves, with
//! whether each value is exact or a Monte Carlo estimate. One function, so that what feeds it
//! can change without touching the table machinery.

use super::tables::Table;
use crate::render::EstimatorsData;

/// The header cells of the estimator table, in order.
pub const ESTIMATOR_COLUMNS: [&str; 7] = [
    "estimator",
    "tau",
    "bias",
    "bias_se",
    "variance",
    "variance_se",
    "exact",
];

/// Rows for every curve of `data` (in its order) and every τ of its grid. Every value of the
/// sweep is a Monte Carlo estimate from its one-sample gradients, so `exact` is "no".
pub fn estimators_table(data: &EstimatorsData) -> Table {
    let mut t = Table::new(&ESTIMATOR_COLUMNS);
    for curve in &data.curves {
        for (j, &tau) in data.taus.iter().enumerate() {
            let at = |v: &[f64]| v.get(j).copied().unwrap_or(f64::NAN);
            t.push(vec![
                curve.name.as_str().into(),
                tau.into(),
                at(&curve.bias).into(),
                at(&curve.bias_se).into(),
                at(&curve.variance).into(),
                at(&curve.variance_se).into(),
                "no".into(),
            ]);
        }
    }
    t
}
