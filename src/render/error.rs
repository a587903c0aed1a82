//! Why a figure could not be drawn: the error every drawing function returns, saying which part
//! of the drawing failed.
//!
//! Data never cause an error: a figure draws whatever numbers it is given (or a message saying
//! why there is nothing to plot, or that the area is too small). An error means the drawing
//! surface itself failed.

use std::fmt;

use plotters::prelude::DrawingAreaErrorKind;
use plotters_backend::DrawingErrorKind;

/// Why a figure could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenderError {
    /// The drawing backend (the browser's canvas, the SVG writer) refused a drawing call; the
    /// text is the backend's own.
    Backend(String),
    /// Text could not be measured or drawn in the figure's font; the text is the font
    /// machinery's own.
    Text(String),
    /// The drawing area was still in use by another drawing operation.
    Busy,
    /// plotters could not lay a chart out in the space the figure gave it.
    Layout,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Backend(e) => write!(f, "the drawing surface refused to draw: {e}"),
            RenderError::Text(e) => write!(f, "text could not be measured or drawn: {e}"),
            RenderError::Busy => {
                write!(f, "the drawing area was busy with another drawing")
            }
            RenderError::Layout => write!(f, "the chart did not fit the space given to it"),
        }
    }
}

impl std::error::Error for RenderError {}

impl<E: std::error::Error + Send + Sync> From<DrawingErrorKind<E>> for RenderError {
    fn from(e: DrawingErrorKind<E>) -> RenderError {
        match e {
            DrawingErrorKind::DrawingError(e) => RenderError::Backend(e.to_string()),
            DrawingErrorKind::FontError(e) => RenderError::Text(e.to_string()),
        }
    }
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for RenderError {
    fn from(e: DrawingAreaErrorKind<E>) -> RenderError {
        match e {
            DrawingAreaErrorKind::BackendError(e) => e.into(),
            DrawingAreaErrorKind::SharingError => RenderError::Busy,
            DrawingAreaErrorKind::LayoutError => RenderError::Layout,
        }
    }
}

/// Result of every drawing helper.
pub type Drawn = Result<(), RenderError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Refused;

    impl fmt::Display for Refused {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("no context")
        }
    }

    impl std::error::Error for Refused {}

    #[test]
    fn each_failure_is_named_for_what_failed() {
        let backend: RenderError =
            DrawingAreaErrorKind::BackendError(DrawingErrorKind::DrawingError(Refused)).into();
        assert_eq!(backend, RenderError::Backend("no context".into()));
        assert_eq!(
            backend.to_string(),
            "the drawing surface refused to draw: no context"
        );
        let font: RenderError = DrawingAreaErrorKind::<Refused>::BackendError(
            DrawingErrorKind::FontError(Box::new(Refused)),
        )
        .into();
        assert_eq!(font, RenderError::Text("no context".into()));
        assert_eq!(
            RenderError::from(DrawingAreaErrorKind::<Refused>::LayoutError),
            RenderError::Layout
        );
        assert_eq!(
            RenderError::from(DrawingAreaErrorKind::<Refused>::SharingError),
            RenderError::Busy
        );
    }
}
