//! The table of the estimator view: one row per estimator and τ, with whether each value is
//! exact or a Monte Carlo estimate. The rows are the model's (`estimator_rows`); this file
//! writes them as one of the page's data tables, numbers as in every other table.

use super::tables::{Cell, Table};
use super::{Model, ModelError};

/// The header cells of the estimator table, in order.
pub use super::estimators_table::ESTIMATORS_TABLE_HEADER as ESTIMATOR_COLUMNS;

impl Model {
    /// The estimator view's rows as a data table: numbers as numbers, names and "yes"/"no" as
    /// text.
    ///
    /// # Errors
    /// As [`estimators_table`](Self::estimators_table).
    pub fn estimators_data_table(&mut self) -> Result<Table, ModelError> {
        let (header, rows) = self.estimator_rows()?;
        let mut t = Table::new(&header);
        for (name, numbers, exact) in rows {
            let mut cells = vec![Cell::Text(name)];
            cells.extend(numbers.map(Cell::Number));
            cells.push(Cell::Text(exact));
            t.push(cells);
        }
        Ok(t)
    }
}
