pub mod math;
pub mod render;
