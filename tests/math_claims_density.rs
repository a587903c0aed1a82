//! The page's sentences about the shape of the density on the simplex, checked numerically:
//!
//! - at and below τ = 1/(k − 1) the density is log-convex, and above it it is not;
//! - below τ = 1/(k − 1) it grows without bound towards every edge; above, it falls to 0 there;
//! - every corner is infinite until τ = k − 1, and the density falls to 0 there above it;
//! - an interior mode needs τ > 1: for k = 3 a grid search over the triangle finds no interior
//!   local maximum at τ ≤ 1 for several π, and finds one at τ = 1.5; for a uniform π the centre
//!   is a strict local maximum exactly when τ > 1, for every k tried.

use gumbel_explorer::math::density::log_density;
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// The π the page's presets and MATH.md's grid search use for k = 3.
const K3_PROBS: [[f64; 3]; 4] = [
    [1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0],
    [0.2, 0.3, 0.5],
    [0.6, 0.3, 0.1],
    [0.05, 0.05, 0.9],
];

fn logits(probs: &[f64]) -> Vec<f64> {
    probs.iter().map(|p| p.ln()).collect()
}

fn lp(logits: &[f64], tau: f64, y: &[f64]) -> f64 {
    log_density(logits, tau, y).unwrap_or_else(|e| panic!("log p at {y:?}: {e}"))
}

/// Steps of the k = 3 grid: points (i, j, l)/GRID with i + j + l = GRID.
const GRID: i64 = 240;

/// The interior grid points of the triangle that are strict local maxima of ln p among their
/// twelve neighbours: the six nearest, in the directions eᵢ − eⱼ, and the six next, in the
/// directions 2eᵢ − eⱼ − eₗ. The second ring matters: at a degenerate point (the centre of a
/// uniform π at τ = 1) the density falls along eᵢ − eⱼ but rises towards a corner.
fn grid_maxima(logits: &[f64], tau: f64) -> Vec<[f64; 3]> {
    let n = GRID as usize;
    let value = |i: i64, j: i64| -> Option<f64> {
        let l = GRID - i - j;
        (i > 0 && j > 0 && l > 0).then(|| {
            let y = [i, j, l].map(|c| c as f64 / GRID as f64);
            lp(logits, tau, &y)
        })
    };
    let mut table = vec![vec![f64::NAN; n + 1]; n + 1];
    for i in 1..GRID {
        for j in 1..GRID - i {
            table[i as usize][j as usize] = value(i, j).unwrap_or(f64::NAN);
        }
    }
    let at = |i: i64, j: i64| -> Option<f64> {
        let l = GRID - i - j;
        (i > 0 && j > 0 && l > 0).then(|| table[i as usize][j as usize])
    };
    // (di, dj) with dl = −di − dj.
    const STEPS: [(i64, i64); 12] = [
        (1, -1),
        (-1, 1),
        (1, 0),
        (-1, 0),
        (0, 1),
        (0, -1),
        (2, -1),
        (-2, 1),
        (-1, 2),
        (1, -2),
        (1, 1),
        (-1, -1),
    ];
    let mut maxima = Vec::new();
    for i in 1..GRID {
        for j in 1..GRID - i {
            let v = table[i as usize][j as usize];
            let neighbours: Option<Vec<f64>> =
                STEPS.iter().map(|&(di, dj)| at(i + di, j + dj)).collect();
            if let Some(nb) = neighbours {
                if nb.iter().all(|&w| v > w) {
                    let l = GRID - i - j;
                    maxima.push([i, j, l].map(|c| c as f64 / GRID as f64));
                }
            }
        }
    }
    maxima
}

/// Directions in the plane of the triangle (unit vectors summing to 0), every 5 degrees.
fn directions() -> Vec<[f64; 3]> {
    // An orthonormal basis of {v : Σv = 0}.
    let a = [1.0, -1.0, 0.0].map(|v: f64| v / 2f64.sqrt());
    let b = [1.0, 1.0, -2.0].map(|v: f64| v / 6f64.sqrt());
    (0..72)
        .map(|d| {
            let t = (d as f64 * 5.0).to_radians();
            [0, 1, 2].map(|i| t.cos() * a[i] + t.sin() * b[i])
        })
        .collect()
}

fn step(y: [f64; 3], d: [f64; 3], r: f64) -> Option<[f64; 3]> {
    let z = [0, 1, 2].map(|i| y[i] + r * d[i]);
    z.iter().all(|v| *v > 0.0).then_some(z)
}

/// Climbs from `start` in the continuous triangle (the best of 72 directions, the step halved
/// when none rises) to a local maximum; returns it with whether it is one: higher than every
/// point at distance 1e-3 and 1e-5 around it.
fn climb(th: &[f64], tau: f64, start: [f64; 3]) -> ([f64; 3], bool) {
    let dirs = directions();
    let (mut y, mut v, mut r) = (start, lp(th, tau, &start), 1e-2);
    while r > 1e-9 {
        let best = dirs
            .iter()
            .filter_map(|&d| step(y, d, r))
            .map(|z| (lp(th, tau, &z), z))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match best {
            Some((w, z)) if w > v => (y, v) = (z, w),
            _ => r /= 2.0,
        }
    }
    let strict = [1e-3, 1e-5].iter().all(|&r| {
        dirs.iter()
            .all(|&d| step(y, d, r).is_some_and(|z| lp(th, tau, &z) < v))
    });
    (y, strict)
}

/// The distinct strict interior local maxima reached by climbing from the maxima of the
/// fine grid and from every point of a coarse one (a shallow mode can hide from one of them).
fn interior_modes(th: &[f64], tau: f64) -> Vec<[f64; 3]> {
    let coarse = 16;
    let starts = (1..coarse).flat_map(|i| {
        (1..coarse - i).map(move |j| [i, j, coarse - i - j].map(|c| c as f64 / coarse as f64))
    });
    let mut modes: Vec<[f64; 3]> = Vec::new();
    for start in grid_maxima(th, tau).into_iter().chain(starts) {
        let (y, strict) = climb(th, tau, start);
        let inside = y.iter().all(|v| *v > 1e-4);
        let new = modes
            .iter()
            .all(|m| (0..3).any(|i| (m[i] - y[i]).abs() > 1e-4));
        if strict && inside && new {
            modes.push(y);
        }
    }
    modes
}

#[test]
fn a_grid_search_finds_no_interior_local_maximum_at_or_below_tau_one_for_k3() {
    for probs in K3_PROBS {
        let th = logits(&probs);
        for tau in [0.2, 0.5, 0.7, 0.9, 1.0] {
            let maxima = grid_maxima(&th, tau);
            assert!(
                maxima.is_empty(),
                "π = {probs:?}, τ = {tau}: interior local maxima at {maxima:?}"
            );
        }
    }
}

#[test]
fn interior_modes_appear_above_tau_one_later_for_a_less_even_pi() {
    // The centre for a uniform π already at τ = 1.05; π = (0.2, 0.3, 0.5) has one at 1.5.
    let uniform = logits(&K3_PROBS[0]);
    for tau in [1.05, 1.5] {
        let modes = interior_modes(&uniform, tau);
        assert_eq!(modes.len(), 1, "uniform π, τ = {tau}: {modes:?}");
        assert!(modes[0].iter().all(|v| (v - 1.0 / 3.0).abs() < 1e-6));
    }
    assert_eq!(interior_modes(&logits(&K3_PROBS[1]), 1.5).len(), 1);
    // The less even π: none yet at τ = 1.3, one mode by τ = 2.1.
    for probs in &K3_PROBS[1..] {
        let th = logits(probs);
        let none = interior_modes(&th, 1.3);
        assert!(none.is_empty(), "π = {probs:?}, τ = 1.3: {none:?}");
        let one = interior_modes(&th, 2.1);
        assert_eq!(one.len(), 1, "π = {probs:?}, τ = 2.1: {one:?}");
    }
}

/// Whether the centre of the simplex is a strict local maximum of ln p for a uniform π: lower
/// than the centre at distances 1e-2 and 1e-3 in every direction tried (towards and away from
/// each corner, along every eᵢ − eⱼ, and random ones), by more than rounding.
fn centre_is_strict_local_max(k: usize, tau: f64) -> bool {
    let th = vec![0.0; k];
    let centre = vec![1.0 / k as f64; k];
    let v = lp(&th, tau, &centre);
    let mut dirs: Vec<Vec<f64>> = Vec::new();
    for i in 0..k {
        let to_corner: Vec<f64> = (0..k)
            .map(|j| if i == j { 1.0 } else { 0.0 } - 1.0 / k as f64)
            .collect();
        dirs.push(to_corner.iter().map(|x| -x).collect());
        dirs.push(to_corner);
        for j in 0..k {
            if i != j {
                dirs.push(
                    (0..k)
                        .map(|l| f64::from(l == i) - f64::from(l == j))
                        .collect(),
                );
            }
        }
    }
    let mut rng = Pcg64Mcg::seed_from_u64(k as u64);
    for _ in 0..50 {
        let raw: Vec<f64> = (0..k).map(|_| rng.random::<f64>() - 0.5).collect();
        let mean = raw.iter().sum::<f64>() / k as f64;
        dirs.push(raw.iter().map(|x| x - mean).collect());
    }
    dirs.iter().all(|d| {
        let norm = d.iter().map(|x| x * x).sum::<f64>().sqrt();
        [1e-2, 1e-3].iter().all(|&r| {
            let y: Vec<f64> = (0..k).map(|i| centre[i] + r * d[i] / norm).collect();
            lp(&th, tau, &y) < v - 1e-12 * v.abs().max(1.0)
        })
    })
}

#[test]
fn for_a_uniform_pi_the_centre_is_a_local_maximum_exactly_when_tau_exceeds_one() {
    for k in 2..=8 {
        for tau in [0.3, 0.9, 1.0] {
            assert!(!centre_is_strict_local_max(k, tau), "k = {k}, τ = {tau}");
        }
        for tau in [1.1, 1.5, 3.0, 10.0] {
            assert!(centre_is_strict_local_max(k, tau), "k = {k}, τ = {tau}");
        }
    }
}

/// A point of the open simplex drawn so that many lie close to an edge or a corner.
fn random_point(rng: &mut Pcg64Mcg, k: usize) -> Vec<f64> {
    let raw: Vec<f64> = (0..k)
        .map(|_| {
            let u: f64 = rng.random::<f64>().max(1e-300);
            u.powi(6)
        })
        .collect();
    let total: f64 = raw.iter().sum();
    raw.iter().map(|v| (v / total).max(1e-200)).collect()
}

/// Whether ln p is midpoint-convex on every segment tried: 2000 random segments and three
/// points on each, within rounding.
fn log_convex_on_segments(th: &[f64], tau: f64, seed: u64) -> bool {
    let k = th.len();
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    (0..2000).all(|_| {
        let a = random_point(&mut rng, k);
        let b = random_point(&mut rng, k);
        let (la, lb) = (lp(th, tau, &a), lp(th, tau, &b));
        [0.25, 0.5, 0.75].iter().all(|&t| {
            let y: Vec<f64> = (0..k).map(|i| (1.0 - t) * a[i] + t * b[i]).collect();
            let chord = (1.0 - t) * la + t * lb;
            lp(th, tau, &y) <= chord + 1e-9 * chord.abs().max(1.0)
        })
    })
}

/// A segment on which ln p is not convex when τ > 1/(k − 1): from the centre of the simplex
/// to a point a hair from the middle of an edge, where the density falls to 0 (a convex
/// function cannot fall to −∞ at the end of a segment).
fn convexity_fails_towards_an_edge(th: &[f64], tau: f64) -> bool {
    let k = th.len();
    let centre = vec![1.0 / k as f64; k];
    let eps = 1e-50;
    let mut edge = vec![(1.0 - eps) / (k - 1) as f64; k];
    edge[0] = eps;
    let mid: Vec<f64> = (0..k).map(|i| 0.5 * (centre[i] + edge[i])).collect();
    lp(th, tau, &mid) > 0.5 * (lp(th, tau, &centre) + lp(th, tau, &edge)) + 1e-9
}

#[test]
fn log_convex_at_and_below_one_over_k_minus_one_and_not_above() {
    for k in [2, 3, 4, 5] {
        let threshold = 1.0 / (k - 1) as f64;
        let pis: [Vec<f64>; 2] = [
            vec![0.0; k],
            (0..k).map(|i| (0.3 * i as f64) - 0.5).collect(),
        ];
        for th in &pis {
            for f in [0.2, 0.6, 1.0] {
                let tau = f * threshold;
                assert!(
                    log_convex_on_segments(th, tau, k as u64),
                    "k = {k}, τ = {tau}"
                );
            }
            for f in [1.1, 1.5, 3.0] {
                let tau = f * threshold;
                assert!(
                    convexity_fails_towards_an_edge(th, tau),
                    "k = {k}, τ = {tau}"
                );
                assert!(
                    !log_convex_on_segments(th, tau, k as u64),
                    "k = {k}, τ = {tau}"
                );
            }
        }
    }
}

/// ln p at a point `eps` from the middle of the edge y₁ = 0, and `eps` per coordinate from the
/// corner e₁, for eps = 1e-20, 1e-60, 1e-180: far enough in for the power law ε^{τ(k−1)−1}
/// (edge) or ε^{τ−(k−1)} (corner) to rule (nearer 1e-4 the other classes still matter).
fn towards(th: &[f64], tau: f64, corner: bool) -> [f64; 3] {
    let k = th.len();
    [1e-20, 1e-60, 1e-180].map(|eps| {
        let y: Vec<f64> = if corner {
            (0..k)
                .map(|i| {
                    if i == 0 {
                        1.0 - (k - 1) as f64 * eps
                    } else {
                        eps
                    }
                })
                .collect()
        } else {
            (0..k)
                .map(|i| {
                    if i == 0 {
                        eps
                    } else {
                        (1.0 - eps) / (k - 1) as f64
                    }
                })
                .collect()
        };
        lp(th, tau, &y)
    })
}

/// For each k of `ks` (logits 0, 0.4, 0.8, …), towards the edge (or the corner, for `corner`):
/// ln p rises without bound at `below` times the temperature `threshold(k)` and falls away at
/// `above` times it.
fn threshold_divides(
    ks: &[usize],
    corner: bool,
    threshold: impl Fn(usize) -> f64,
    (below, above): (f64, f64),
) {
    for &k in ks {
        let th: Vec<f64> = (0..k).map(|i| 0.4 * i as f64).collect();
        let rising = towards(&th, below * threshold(k), corner);
        assert!(
            rising[0] < rising[1] && rising[1] < rising[2],
            "k = {k}, below: {rising:?}"
        );
        let falling = towards(&th, above * threshold(k), corner);
        assert!(
            falling[0] > falling[1] && falling[1] > falling[2],
            "k = {k}, above: {falling:?}"
        );
    }
}

#[test]
fn edges_are_infinite_below_one_over_k_minus_one_and_empty_above() {
    threshold_divides(&[3, 4, 5], false, |k| 1.0 / (k - 1) as f64, (0.8, 1.2));
}

#[test]
fn corners_are_infinite_until_tau_reaches_k_minus_one() {
    threshold_divides(&[2, 3, 4, 5], true, |k| (k - 1) as f64, (0.9, 1.1));
}
