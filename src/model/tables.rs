//! The numbers behind every figure, as a table: one [`Table`] per view, built from the same
//! data the figure draws, written as CSV for the page (which shows it as an HTML table under
//! the figure, the screen-reader alternative to the canvas, and offers it for download).
//!
//! Numbers are written in plain decimals or `1.2e-5` notation (the crate's number formatter
//! in ASCII text, six significant digits), counts as whole numbers, and a value that does not
//! exist (NaN, ∞) as an empty cell, so every non-empty numeric cell reads back with
//! `str::parse::<f64>`. Each view's builder lives in the file of its group (`table_samples`,
//! `table_density`, `table_curves`, `table_estimators`).

use super::fingerprint::Fingerprint;
use super::{Model, ModelError, View};
use crate::format::{Digits, Notation, Number};
use crate::i18n::messages::reports;
use crate::i18n::Lang;
use std::hash::{Hash, Hasher};

/// Significant digits of the numbers in a table: more than any figure label shows, few
/// enough to read.
pub const TABLE_DIGITS: usize = 6;

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// A measured or computed number; empty when not finite.
    Number(f64),
    /// A count or an index, written as a whole number.
    Count(u64),
    /// A name ("SF", "yes", "current").
    Text(String),
}

impl Cell {
    /// The cell as CSV writes it (before quoting).
    pub fn text(&self) -> String {
        match self {
            Cell::Number(v) if v.is_finite() => Number {
                value: *v,
                digits: Digits::Significant(TABLE_DIGITS),
                notation: Notation::Text,
            }
            .to_string(),
            Cell::Number(_) => String::new(),
            Cell::Count(n) => n.to_string(),
            Cell::Text(s) => s.clone(),
        }
    }
}

from_variants!(Cell {
    Number(f64),
    Count(u64),
});

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

/// A table: named columns and rows of cells (every row as long as the header).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with these column names.
    pub fn new<S: AsRef<str>>(headers: &[S]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.as_ref().to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// An empty table whose columns are `first`, then `prefix` with each class number 1 … k
    /// ("y1", "y2", …).
    pub fn with_classes(first: &[&str], prefix: &str, k: usize) -> Table {
        let mut headers: Vec<String> = first.iter().map(|h| h.to_string()).collect();
        headers.extend(class_columns(prefix, k));
        Table::new(&headers)
    }

    /// Adds a row; it is cut or padded with empty cells to the header's length, so that the
    /// table stays rectangular whatever the data.
    pub fn push(&mut self, mut row: Vec<Cell>) {
        row.resize(self.headers.len(), Cell::Text(String::new()));
        self.rows.push(row);
    }

    /// The table with its headings and named cells in `lang`: the builders write CSV keys
    /// ("frequency_se") and English names ("yes", "current"), which are the English table.
    /// Numbers, counts and estimator abbreviations stay as they are.
    pub fn localised(mut self, lang: Lang) -> Table {
        if lang == Lang::En {
            return self;
        }
        let w = reports(lang);
        for h in &mut self.headers {
            if let Some(text) = w.column(h) {
                *h = text;
            }
        }
        for cell in self.rows.iter_mut().flatten() {
            if let Cell::Text(text) = cell {
                if let Some(word) = w.cell(text) {
                    *text = word;
                }
            }
        }
        self
    }

    /// The table as CSV (RFC 4180 quoting, one line per row, header first, "\n" line ends).
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let mut line = |cells: &mut dyn Iterator<Item = String>| {
            let fields: Vec<String> = cells.map(|c| quoted(&c)).collect();
            out.push_str(&fields.join(","));
            out.push('\n');
        };
        line(&mut self.headers.iter().cloned());
        for row in &self.rows {
            line(&mut row.iter().map(Cell::text));
        }
        out
    }
}

/// A CSV field: quoted (with doubled quotes) when it holds a comma, a quote or a line break.
fn quoted(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A name the model writes into a table, a figure or a sentence ("yes", "SF+baseline"), in
/// `lang`; estimator abbreviations and anything the language does not translate stay as they are.
pub fn word(text: &str, lang: Lang) -> String {
    reports(lang).cell(text).unwrap_or_else(|| text.to_string())
}

/// `prefix` followed by the class numbers 1 … k: "y1", "y2", …
pub fn class_columns(prefix: &str, k: usize) -> Vec<String> {
    (1..=k).map(|i| format!("{prefix}{i}")).collect()
}

/// What the table of `view` lists at k classes, in a sentence for the page (shown above it),
/// in `lang`.
pub fn table_note(view: View, k: usize, lang: Lang) -> String {
    let w = reports(lang);
    match view {
        View::GumbelMax => w.table_gumbel_max(),
        View::Components => w.table_components(),
        View::Expectation => w.table_expectation(),
        View::Strip => w.table_strip(),
        View::Figure1 => w.table_figure1(),
        View::Density => match k {
            2 => w.table_density_binary(),
            3 => w.table_density_triangle(),
            _ => w.table_density_polygon(),
        },
        View::StraightThrough => w.table_straight_through(),
        View::Estimators => w.table_estimators(),
        View::Annealing => w.table_annealing(),
        View::Cost => w.table_cost(),
        View::Training => w.table_training(),
    }
}

impl Model {
    /// The table of what view `view` draws, for the current settings.
    ///
    /// # Errors
    /// As the view's data: [`ModelError::Math`] when the estimator sweep cannot be computed,
    /// [`ModelError::NotInModule`] for a view this build does not draw.
    pub fn table(&mut self, view: View) -> Result<Table, ModelError> {
        let lang = self.lang;
        view.require_module()?;
        Ok(match view {
            View::GumbelMax => self.gumbel_max_table(),
            View::Components => self.components_table(),
            View::Expectation => self.expectation_table(),
            View::Strip => self.strip_table(),
            View::Figure1 => self.figure1_table(),
            View::Density => self.density_table(),
            View::StraightThrough => self.straight_through_table(),
            View::Estimators => self.estimators_data_table()?,
            View::Annealing => self.annealing_table(),
            View::Cost => self.cost_table(),
            View::Training => {
                let mut table = Table::new(&super::training_data::TABLE_HEADER);
                // The same rows as the view's own table, numbers written as in every table.
                for row in self.training_rows()? {
                    let pi: Vec<String> =
                        row.probs.iter().map(|&p| Cell::Number(p).text()).collect();
                    table.push(vec![
                        Cell::Text(row.estimator),
                        Cell::Count(row.step),
                        Cell::Text(pi.join(";")),
                        Cell::Number(row.objective),
                    ]);
                }
                table
            }
        }
        .localised(lang))
    }

    /// A fingerprint of everything the table of `view` depends on: equal fingerprints give
    /// equal tables, so the page rebuilds a table only when this changes. The estimator table
    /// does not depend on the current τ (only the figure's marker does).
    pub fn table_fingerprint(&mut self, view: View) -> u64 {
        self.prepare();
        if view != View::Estimators {
            return self.inputs_fingerprint(view);
        }
        let s = &self.settings;
        let mut h = Fingerprint::new();
        view.hash(&mut h);
        for v in s.logits().iter().chain(s.objective_values()) {
            v.to_bits().hash(&mut h);
        }
        s.objective_kind().name().hash(&mut h);
        s.seed().hash(&mut h);
        // The exact curves fill in over several slices; each one finished changes the rows.
        self.exact_progress().hash(&mut h);
        h.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it_and_pads_rows() {
        let mut t = Table::new(&["name", "value", "n"]);
        t.push(vec!["a,b".into(), 1.5e-7.into(), 3u64.into()]);
        t.push(vec!["say \"hi\"".into(), f64::NAN.into()]);
        t.push(vec![
            "x".into(),
            (-0.25).into(),
            7u64.into(),
            "extra".into(),
        ]);
        assert_eq!(
            t.to_csv(),
            "name,value,n\n\"a,b\",1.5e-7,3\n\"say \"\"hi\"\"\",,\nx,-0.25,7\n"
        );
    }

    #[test]
    fn numbers_keep_six_digits_in_ascii() {
        assert_eq!(Cell::Number(0.123456789).text(), "0.123457");
        assert_eq!(Cell::Number(1234567.0).text(), "1.23457e6");
        assert_eq!(Cell::Number(f64::INFINITY).text(), "");
        assert_eq!(class_columns("y", 3), ["y1", "y2", "y3"]);
    }
}
