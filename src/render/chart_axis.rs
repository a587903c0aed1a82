//! The one coordinate type of every chart: an axis that is linear, logarithmic or a class axis,
//! chosen when the chart is built rather than by its type.
//!
//! plotters' chart code (the mesh, axes, labels and series drawing) is generic over the
//! coordinate pair, so each distinct (x, y) pair of axis types is compiled into the page's
//! module once more. Every figure builds its chart over `Cartesian2d<ChartAxis, ChartAxis>`, so
//! that code exists once; each axis keeps the positions, ticks and labels of the type it wraps.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::{Cartesian2d, ChartContext};

use super::axes::{ClassAxis, LogAxis};

/// A chart whose two axes are [`ChartAxis`]es.
pub type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<ChartAxis, ChartAxis>>;

/// One axis of a chart, over `f64` values.
#[derive(Clone)]
pub enum ChartAxis {
    /// plotters' linear `f64` axis: its "nice" ticks, labelled as plotters labels them.
    Linear(RangedCoordf64),
    /// A base-10 log axis (see [`LogAxis`]).
    Log(LogAxis),
    /// Categories at integer positions (see [`ClassAxis`]).
    Class(ClassAxis),
}

impl From<Range<f64>> for ChartAxis {
    fn from(range: Range<f64>) -> ChartAxis {
        ChartAxis::Linear(range.into())
    }
}

from_variants!(ChartAxis {
    Log(LogAxis),
    Class(ClassAxis),
});

/// `$body` with `$axis` bound to the axis a [`ChartAxis`] wraps, whatever its kind.
macro_rules! on_the_axis {
    ($chart_axis:expr, $axis:ident => $body:expr) => {
        match $chart_axis {
            ChartAxis::Linear($axis) => $body,
            ChartAxis::Log($axis) => $body,
            ChartAxis::Class($axis) => $body,
        }
    };
}

impl Ranged for ChartAxis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        on_the_axis!(self, axis => axis.map(v, limit))
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        on_the_axis!(self, axis => axis.key_points(hint))
    }

    fn range(&self) -> Range<f64> {
        on_the_axis!(self, axis => axis.range())
    }
}

impl ValueFormatter<f64> for ChartAxis {
    /// plotters' label of a linear axis; the kind-aware label is [`ValueFormatter::format_ext`],
    /// which is what the mesh calls.
    fn format(v: &f64) -> String {
        RangedCoordf64::format(v)
    }

    fn format_ext(&self, v: &f64) -> String {
        on_the_axis!(self, axis => axis.format_ext(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind maps, ticks and labels exactly as the axis type it wraps.
    #[test]
    fn each_kind_behaves_as_the_axis_it_wraps() {
        let linear = RangedCoordf64::from(-0.3..2.7);
        let wrapped = ChartAxis::from(-0.3..2.7);
        assert_eq!(wrapped.key_points(7usize), linear.key_points(7usize));
        assert_eq!(wrapped.range(), linear.range());
        for v in [-0.3, 0.0, 0.41, 2.7, 9.0] {
            assert_eq!(wrapped.map(&v, (13, 417)), linear.map(&v, (13, 417)));
        }
        for v in [0.5, 0.1 + 0.2, 0.6000000000000001, -1.25e-3] {
            assert_eq!(wrapped.format_ext(&v), linear.format_ext(&v));
        }

        let log = LogAxis::new(2e-4, 3.0);
        let wrapped = ChartAxis::from(log.clone());
        assert_eq!(wrapped.key_points(6usize), log.key_points(6usize));
        assert_eq!(wrapped.map(&0.01, (0, 300)), log.map(&0.01, (0, 300)));
        assert_eq!(wrapped.format_ext(&1e-4), "10⁻⁴");

        let classes = ClassAxis::new(4);
        let wrapped = ChartAxis::from(classes.clone());
        assert_eq!(wrapped.key_points(10usize), classes.key_points(10usize));
        assert_eq!(wrapped.map(&1.25, (0, 400)), classes.map(&1.25, (0, 400)));
        assert_eq!(wrapped.format_ext(&2.0), "3");
    }
}
