//! The embedded data set: 1,797 binarised 8 × 8 digits (UCI optical-recognition digits as
//! shipped in scikit-learn), compiled into the program so nothing is fetched or read at run time.
//!
//! `data/digits/digits-binarised.bin` is written by `scripts/make-digits.py`, whose docstring
//! (and `data/digits/README.md`) document the byte layout and the source.

use super::error::VaeError;

/// The packed file, as `scripts/make-digits.py` writes it.
const PACKED: &[u8] = include_bytes!("../../data/digits/digits-binarised.bin");

/// Pixels per image (8 × 8).
pub const PIXELS: usize = 64;
/// Side of an image in pixels.
pub const SIDE: usize = 8;
const MAGIC: &[u8; 4] = b"DGT1";
const HEADER: usize = 8;

/// The binarised digits, unpacked to 0.0 / 1.0 pixels, with their labels and the train/test
/// split (the first rows train, the rest test, in the file's order).
#[derive(Clone, Debug, PartialEq)]
pub struct Digits {
    /// All images, row-major (pixel row 0 first, left to right), 64 values each.
    pixels: Vec<f32>,
    labels: Vec<u8>,
    train: usize,
}

impl Digits {
    /// The digits compiled into the program: 1,797 images, the first 1,500 for training.
    ///
    /// # Errors
    /// [`VaeError::Data`] if the embedded file does not have the documented layout.
    pub fn embedded() -> Result<Self, VaeError> {
        Self::from_packed(PACKED)
    }

    /// Unpacks bytes in the layout of `scripts/make-digits.py`.
    ///
    /// # Errors
    /// [`VaeError::Data`] on a wrong magic number, a length that does not match the header, a
    /// training count above the image count, or a label above 9.
    pub fn from_packed(bytes: &[u8]) -> Result<Self, VaeError> {
        let bad = |what: String| Err(VaeError::Data(what));
        let (Some(magic), Some(count), Some(train)) = (
            bytes.get(..4),
            bytes.get(4..6).map(|b| u16::from_le_bytes([b[0], b[1]])),
            bytes.get(6..8).map(|b| u16::from_le_bytes([b[0], b[1]])),
        ) else {
            return bad(format!("{} bytes, shorter than the header", bytes.len()));
        };
        if magic != MAGIC {
            return bad("the file does not start with DGT1".into());
        }
        let (count, train) = (usize::from(count), usize::from(train));
        let expected = HEADER + count * (SIDE + 1);
        if bytes.len() != expected {
            return bad(format!(
                "{} bytes, expected {expected} for {count} images",
                bytes.len()
            ));
        }
        if train > count {
            return bad(format!("{train} training rows of {count} images"));
        }
        let (packed, labels) = bytes[HEADER..].split_at(count * SIDE);
        if let Some(label) = labels.iter().find(|&&l| l > 9) {
            return bad(format!("label {label} is not a digit"));
        }
        let pixels = packed
            .iter()
            .flat_map(|&row| (0..SIDE).map(move |c| f32::from((row >> (SIDE - 1 - c)) & 1)))
            .collect();
        Ok(Self {
            pixels,
            labels: labels.to_vec(),
            train,
        })
    }

    /// Number of images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True if there are no images.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Number of training images (the first rows).
    pub fn train_len(&self) -> usize {
        self.train
    }

    /// Number of test images (the remaining rows).
    pub fn test_len(&self) -> usize {
        self.len() - self.train
    }

    /// Image `index` of the whole set (64 pixels, 0.0 or 1.0), `None` past the end.
    pub fn image(&self, index: usize) -> Option<&[f32]> {
        self.pixels.get(index * PIXELS..(index + 1) * PIXELS)
    }

    /// Training image `index`, `None` past the end of the training rows.
    pub fn train_image(&self, index: usize) -> Option<&[f32]> {
        (index < self.train).then(|| self.image(index)).flatten()
    }

    /// Test image `index` (counted from the first test row), `None` past the end.
    pub fn test_image(&self, index: usize) -> Option<&[f32]> {
        self.image(self.train.checked_add(index)?)
    }

    /// The digit (0–9) drawn in image `index` of the whole set.
    pub fn label(&self, index: usize) -> Option<u8> {
        self.labels.get(index).copied()
    }

    /// The training images, one 64-pixel slice each.
    pub fn train_images(&self) -> impl Iterator<Item = &[f32]> {
        self.pixels[..self.train * PIXELS].chunks_exact(PIXELS)
    }

    /// The test images, one 64-pixel slice each.
    pub fn test_images(&self) -> impl Iterator<Item = &[f32]> {
        self.pixels[self.train * PIXELS..].chunks_exact(PIXELS)
    }

    /// Fraction of pixels that are on, over all images.
    pub fn on_fraction(&self) -> f64 {
        let on: f64 = self.pixels.iter().map(|&p| f64::from(p)).sum();
        on / self.pixels.len().max(1) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_set_has_the_documented_shape() {
        let d = Digits::embedded().unwrap();
        assert_eq!((d.len(), d.train_len(), d.test_len()), (1797, 1500, 297));
        assert!((d.on_fraction() - 0.323).abs() < 5e-4);
        // The first image of the set is a 0 (scikit-learn's digits.images[0]).
        assert_eq!(d.label(0), Some(0));
        assert!(d.test_image(297).is_none() && d.test_image(296).is_some());
        assert!(d.train_image(1500).is_none());
        assert_eq!(d.train_images().count(), 1500);
        assert_eq!(d.test_images().count(), 297);
    }

    #[test]
    fn damaged_files_are_reported() {
        assert!(Digits::from_packed(b"DG").is_err());
        assert!(Digits::from_packed(b"XXXX\x01\x00\x00\x00").is_err());
        let mut one = b"DGT1\x01\x00\x01\x00".to_vec();
        one.extend([0x80, 0, 0, 0, 0, 0, 0, 1, 7]);
        let d = Digits::from_packed(&one).unwrap();
        assert_eq!(d.image(0).unwrap()[0], 1.0);
        assert_eq!(d.image(0).unwrap()[63], 1.0);
        assert_eq!(d.image(0).unwrap().iter().sum::<f32>(), 2.0);
        one[16] = 10;
        assert!(Digits::from_packed(&one).is_err());
        one[6] = 2;
        assert!(Digits::from_packed(&one).is_err());
    }
}
