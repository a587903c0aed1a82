//! What the figures draw on: any plotters backend that can also take a picture's pixels as
//! RGBA (4 bytes per pixel), the layout of the browser's `ImageData`. A canvas takes such an
//! image as it is, where plotters' own bitmap (3 bytes per pixel) would have to be copied into
//! that layout pixel by pixel; any other backend gets plotters' bitmap.

use plotters::prelude::{DrawingBackend, SVGBackend};
use plotters_backend::{BackendCoord, DrawingErrorKind};

/// A plotters backend that draws RGBA images.
pub trait Backend: DrawingBackend {
    /// Draws the `w × h` image `rgba` (row-major, 4 bytes per pixel, opaque: alpha 255) with
    /// its top-left corner at `pos`. By default as plotters' RGB bitmap (the alpha dropped).
    fn blit_rgba(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        rgba: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let rgb: Vec<u8> = rgba
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        self.blit_bitmap(pos, size, &rgb)
    }
}

impl Backend for SVGBackend<'_> {}
