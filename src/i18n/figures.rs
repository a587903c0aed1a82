//! The words the figures draw (axis titles, legends, annotations), in each language.
