//! Geometry of the simplex for drawing: the k = 3 triangle and a regular k-gon projection for
//! larger k.

/// Height of the equilateral triangle with unit side, √3/2.
pub const TRIANGLE_HEIGHT: f64 = 0.866_025_403_784_438_6;

/// The triangle's corners for e₁, e₂, e₃: (0, 0), (1, 0), (1/2, √3/2).
pub const TRIANGLE_VERTICES: [(f64, f64); 3] = [(0.0, 0.0), (1.0, 0.0), (0.5, TRIANGLE_HEIGHT)];

/// Barycentric (y₁, y₂, y₃) → plane point y₁e₁ + y₂e₂ + y₃e₃ with the corners of
/// [`TRIANGLE_VERTICES`].
pub fn barycentric_to_xy(y: [f64; 3]) -> (f64, f64) {
    (y[1] + 0.5 * y[2], TRIANGLE_HEIGHT * y[2])
}

/// Plane point → barycentric coordinates (y₁, y₂, y₃) summing to 1. Points outside the
/// triangle give negative components.
pub fn xy_to_barycentric(x: f64, y: f64) -> [f64; 3] {
    let y3 = y / TRIANGLE_HEIGHT;
    let y2 = x - 0.5 * y3;
    [1.0 - y2 - y3, y2, y3]
}

/// Corners of a regular k-gon on the unit circle centred at the origin, the first at the top
/// (angle 90°) and the others counter-clockwise. Empty for k = 0.
pub fn polygon_vertices(k: usize) -> Vec<(f64, f64)> {
    (0..k)
        .map(|i| {
            let angle = std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / k as f64;
            (angle.cos(), angle.sin())
        })
        .collect()
}

/// Projects a simplex point to the plane as Σᵢ yᵢ vᵢ (vertex i for category i), so eᵢ lands on
/// corner i and the centre (1/k, …) on the origin of [`polygon_vertices`]. Extra components
/// or vertices beyond the shorter of the two are ignored.
pub fn project_to_polygon(y: &[f64], vertices: &[(f64, f64)]) -> (f64, f64) {
    y.iter()
        .zip(vertices)
        .fold((0.0, 0.0), |(x, h), (w, v)| (x + w * v.0, h + w * v.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangle_round_trip() {
        for y in [[1.0, 0.0, 0.0], [0.2, 0.3, 0.5], [1.0 / 3.0; 3]] {
            let (x, h) = barycentric_to_xy(y);
            let back = xy_to_barycentric(x, h);
            for i in 0..3 {
                assert!((back[i] - y[i]).abs() < 1e-15);
            }
        }
        assert_eq!(barycentric_to_xy([0.0, 0.0, 1.0]), TRIANGLE_VERTICES[2]);
        assert!(xy_to_barycentric(1.0, 0.5)[1] > 0.0);
        assert!(xy_to_barycentric(1.0, 0.5)[0] < 0.0);
        assert!((TRIANGLE_HEIGHT - 3f64.sqrt() / 2.0).abs() < 1e-16);
    }

    #[test]
    fn polygon_projection() {
        let v = polygon_vertices(5);
        assert_eq!(v.len(), 5);
        let centre = project_to_polygon(&[0.2; 5], &v);
        assert!(centre.0.abs() < 1e-15 && centre.1.abs() < 1e-15);
        assert_eq!(project_to_polygon(&[0.0, 1.0, 0.0, 0.0, 0.0], &v), v[1]);
        assert!((v[0].1 - 1.0).abs() < 1e-15);
        assert!(polygon_vertices(0).is_empty());
    }
}
