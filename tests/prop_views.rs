//! Property tests of drawing, the work behind the wasm `draw`.
//!
//! 1. A model in an arbitrary valid state (k from 2 to 10, π with ratios down to 1e-300, τ at
//!    1e-3 and 1e3, any seed, extreme schedules and costs) computes every view's numbers, the
//!    sampled numbers the views show lie on the simplex, and every view draws into a small SVG
//!    in either language: valid data always give a picture, never an error.
//! 2. Every figure fed arbitrary numbers (NaN, infinities, huge and tiny values, out-of-range
//!    classes, mismatched lengths) at arbitrary sizes and theme scales, including unusable ones,
//!    in either language:
//!    it draws, never panics and never fails (the SVG backend cannot refuse a drawing call, so
//!    any error would be the figure's own fault); where the area is a few pixels wide the picture
//!    is a single message.
//!
//! Case counts are in `prop_support::budget`.

mod prop_support;

use gumbel_explorer::i18n::Lang;
use gumbel_explorer::math::simplex::TRIANGLE_VERTICES;
use gumbel_explorer::model::draw::draw_view;
use gumbel_explorer::model::{Model, View};
use gumbel_explorer::render::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use prop_support::*;
use proptest::prelude::*;

/// Draws into a `w` × `h` SVG and returns the result and the SVG text.
fn svg_of(
    (w, h): (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), RenderError>,
) -> (Result<(), RenderError>, String) {
    let mut text = String::new();
    let result = {
        let area = SVGBackend::with_string(&mut text, (w, h)).into_drawing_area();
        draw(&area).and_then(|()| area.present().map_err(RenderError::from))
    };
    (result, text)
}

/// A picture: an SVG element with something drawn in it.
fn is_picture(svg: &str) -> bool {
    svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>") && svg.lines().count() > 2
}

#[test]
fn every_view_of_every_valid_state_draws() {
    let size = prop_oneof![4 => Just((160u32, 120u32)), 1 => Just((120u32, 160u32))];
    let scale = prop_oneof![Just(1.0), Just(1.5), Just(2.0)];
    run(
        "DRAW_EVERY_VIEW",
        budget::DRAW_EVERY_VIEW,
        (valid_settings(100..=2_000), size, scale, any_lang()),
        |(settings, (w, h), scale, lang)| {
            let k = settings.k();
            let mut m = Model::new();
            m.replace_settings(settings);

            // The numbers behind the sample views.
            let summary = m.summary().clone();
            prop_assert!(summary.n <= summary.target);
            prop_assert_eq!(summary.counts.iter().sum::<u64>(), summary.n);
            if summary.n > 0 {
                prop_assert!(on_simplex(&summary.mean), "E[y] = {:?}", summary.mean);
            }
            for y in &summary.strip {
                prop_assert_eq!(y.len(), k);
                prop_assert!(on_simplex(y), "draw {y:?}");
            }
            for y in summary.overlay.chunks_exact(k) {
                prop_assert!(on_simplex(y), "overlay draw {y:?}");
            }
            if let Some(c) = m.chi_square() {
                prop_assert!((0.0..=1.0).contains(&c.p_value), "p = {}", c.p_value);
            }
            let st = m.straight_through_data();
            prop_assert!(on_simplex(&st.soft) && st.chosen < k);
            prop_assert!(
                m.estimators_data().is_ok(),
                "the sweep of a valid state failed"
            );
            let annealing = m.annealing_data();
            prop_assert!(annealing
                .curve
                .iter()
                .all(|(t, tau)| t.is_finite() && tau.is_finite() && *tau > 0.0));
            let cost = m.cost_data();
            prop_assert!(cost
                .curve
                .iter()
                .all(|(x, y)| x.is_finite() && y.is_finite()));

            // Every view into an SVG: a valid state always gives a picture.
            let theme = Theme { scale, lang };
            for view in View::ALL {
                let mut text = String::new();
                let result = {
                    let area = SVGBackend::with_string(&mut text, (w, h)).into_drawing_area();
                    let drawn = draw_view(&mut m, view, &area, &theme);
                    prop_assert!(drawn.is_ok(), "{}: {:?}", view.name(), drawn);
                    area.present()
                };
                prop_assert!(result.is_ok(), "{}: {:?}", view.name(), result);
                prop_assert!(is_picture(&text), "{}: {text}", view.name());
            }
            Ok(())
        },
    );
}

/// Either language of the figures' words.
fn any_lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::En), Just(Lang::ZhCn)]
}

/// One figure's data, any of them.
#[derive(Clone, Debug)]
enum Figure {
    GumbelMax(GumbelMaxData),
    Expectation(ExpectationData),
    Components(ComponentHistogramsData),
    Strip(SampleStripData),
    Figure1(Figure1Data),
    StraightThrough(StraightThroughData),
    Simplex(SimplexHeatmapData),
    Binary(BinaryDensityData),
    Projection(ProjectionData),
    Estimators(EstimatorsData),
    Annealing(AnnealingData),
    Cost(CostData),
}

impl Figure {
    fn draw(&self, area: &DrawingArea<SVGBackend, Shift>, t: &Theme) -> Result<(), RenderError> {
        match self {
            Figure::GumbelMax(d) => draw_gumbel_max(area, d, t),
            Figure::Expectation(d) => draw_expectation(area, d, t),
            Figure::Components(d) => draw_components(area, d, t),
            Figure::Strip(d) => draw_sample_strip(area, d, t),
            Figure::Figure1(d) => draw_figure1(area, d, t),
            Figure::StraightThrough(d) => draw_straight_through(area, d, t),
            Figure::Simplex(d) => draw_simplex(area, d, t),
            Figure::Binary(d) => draw_binary(area, d, t),
            Figure::Projection(d) => draw_projection(area, d, t),
            Figure::Estimators(d) => draw_estimators(area, d, t),
            Figure::Annealing(d) => draw_annealing(area, d, t),
            Figure::Cost(d) => draw_cost(area, d, t),
        }
    }
}

/// A number of any kind: ordinary, hostile, huge or tiny.
fn value() -> impl Strategy<Value = f64> + Clone {
    prop_oneof![
        1 => hostile(),
        2 => 0.0..1.0f64,
        1 => log_uniform(-6.0, 3.0),
        1 => log_uniform(-6.0, 3.0).prop_map(|v| -v),
    ]
}

/// A short list (the lengths where figures change layout), sometimes a long one.
fn values() -> impl Strategy<Value = Vec<f64>> + Clone {
    prop_oneof![
        8 => proptest::collection::vec(value(), 0..=11),
        1 => proptest::collection::vec(value(), 50),
    ]
}

fn pairs() -> impl Strategy<Value = Vec<(f64, f64)>> + Clone {
    prop_oneof![
        4 => proptest::collection::vec((value(), value()), 0..=5),
        1 => proptest::collection::vec((value(), value()), 40),
    ]
}

fn counts() -> impl Strategy<Value = Vec<u64>> + Clone {
    proptest::collection::vec(
        prop_oneof![Just(0u64), Just(1), Just(7), Just(u64::MAX)],
        0..=10,
    )
}

fn draws() -> impl Strategy<Value = u64> + Clone {
    prop_oneof![Just(0u64), Just(1), Just(100), Just(u64::MAX)]
}

fn corners() -> impl Strategy<Value = [(f64, f64); 3]> {
    prop_oneof![
        3 => Just(TRIANGLE_VERTICES),
        1 => [(value(), value()), (value(), value()), (value(), value())],
    ]
}

/// The bar figures' data.
fn bar_figure() -> impl Strategy<Value = Figure> {
    prop_oneof![
        (
            values(),
            counts(),
            draws(),
            values(),
            proptest::option::of(value())
        )
            .prop_map(|(probs, counts, n, std_err, p_value)| Figure::GumbelMax(
                GumbelMaxData {
                    probs,
                    counts,
                    n,
                    std_err,
                    p_value,
                }
            )),
        (values(), values(), values(), value()).prop_map(|(probs, mean, std_err, tau)| {
            Figure::Expectation(ExpectationData {
                probs,
                mean,
                std_err,
                tau,
            })
        }),
        (
            proptest::collection::vec(counts(), 0..12),
            draws(),
            values(),
            values(),
            value()
        )
            .prop_map(|(counts, n, mean, probs, tau)| {
                Figure::Components(ComponentHistogramsData {
                    counts,
                    n,
                    mean,
                    probs,
                    tau,
                })
            }),
        (proptest::collection::vec(values(), 0..40), value())
            .prop_map(|(samples, tau)| Figure::Strip(SampleStripData { samples, tau })),
        (
            values(),
            proptest::collection::vec(values(), 0..6),
            proptest::collection::vec(values(), 0..6),
            values()
        )
            .prop_map(|(taus, mean, sample, probs)| Figure::Figure1(Figure1Data {
                taus,
                mean,
                sample,
                probs,
            })),
        (
            values(),
            values(),
            prop_oneof![Just(0usize), Just(1), Just(9), Just(usize::MAX)],
            value()
        )
            .prop_map(|(soft, hard, chosen, tau)| {
                Figure::StraightThrough(StraightThroughData {
                    soft,
                    hard,
                    chosen,
                    tau,
                })
            }),
    ]
}

/// The density figures' data; the heatmap's raster is sometimes exactly the size its area asks
/// for (so it goes out as one bitmap), from a short pattern of values repeated.
fn density_figure(size: (u32, u32), scale: f64) -> impl Strategy<Value = Figure> {
    let (_, _, w, h) = simplex_raster_rect(
        size.0,
        size.1,
        &TRIANGLE_VERTICES,
        &Theme {
            scale,
            ..Theme::default()
        },
    );
    // The SVG backend writes a bitmap as one element per pixel: keep it to a modest size.
    let (w, h) = if u64::from(w) * u64::from(h) <= 200_000 {
        (w, h)
    } else {
        (60, 52)
    };
    let raster_size = prop_oneof![
        Just((0u32, 0u32)),
        Just((3, 2)),
        Just((60, 52)),
        Just((u32::MAX, 2)),
        Just((1, u32::MAX)),
        Just((w, h)),
    ];
    let raster = (
        raster_size,
        proptest::collection::vec(value(), 1..8),
        prop_oneof![
            Just(0usize),
            Just(6),
            Just(100),
            Just(3120),
            Just(usize::MAX)
        ],
    )
        .prop_map(|((width, height), pattern, len)| {
            // usize::MAX asks for exactly width × height values, where that is a modest number.
            let n = match (width as usize).checked_mul(height as usize) {
                Some(n) if len == usize::MAX && n <= 200_000 => n,
                _ if len == usize::MAX => 0,
                _ => len,
            };
            let log_density = pattern.iter().copied().cycle().take(n).collect();
            (width, height, log_density)
        });
    prop_oneof![
        (corners(), raster, value(), value(), pairs(), value()).prop_map(
            |(vertices, (width, height, log_density), lo, hi, points, tau)| {
                Figure::Simplex(SimplexHeatmapData {
                    vertices,
                    width,
                    height,
                    log_density,
                    scaled_to: None,
                    lo,
                    hi,
                    points,
                    labels: Default::default(),
                    tau,
                })
            }
        ),
        (values(), pairs(), value(), any::<bool>()).prop_map(
            |(hist_density, curve, tau, log_scale)| Figure::Binary(BinaryDensityData {
                hist_density,
                curve,
                tau,
                log_scale,
            })
        ),
        (
            pairs(),
            pairs(),
            proptest::collection::vec(0usize..20, 0..50),
            value()
        )
            .prop_map(|(vertices, points, classes, tau)| {
                Figure::Projection(ProjectionData {
                    vertices,
                    points,
                    classes,
                    tau,
                })
            }),
    ]
}

/// The training figures' data.
fn training_figure() -> impl Strategy<Value = Figure> {
    let curve = (
        (values(), values(), values(), values()),
        (values(), values(), values(), values()),
        any::<bool>(),
    )
        .prop_map(
            |(
                (exact_bias, exact_variance, bias, bias_lo),
                (bias_hi, floor, variance, variance_se),
                independent_of_tau,
            )| EstimatorCurve {
                name: "e".to_string(),
                short_name: "e".to_string(),
                independent_of_tau,
                exact_bias,
                exact_variance,
                bias,
                bias_lo,
                bias_hi,
                floor,
                variance,
                variance_se,
            },
        );
    prop_oneof![
        (
            values(),
            proptest::collection::vec(curve, 0..8),
            value(),
            values()
        )
            .prop_map(|(taus, curves, current_tau, exact)| {
                Figure::Estimators(EstimatorsData {
                    taus,
                    curves,
                    current_tau,
                    exact,
                    samples: 2_000,
                    notes: vec!["a note".to_string()],
                })
            }),
        (pairs(), value(), value(), value()).prop_map(
            |(curve, current_step, current_tau, tau_min)| Figure::Annealing(AnnealingData {
                curve,
                current_step,
                current_tau,
                tau_min,
            })
        ),
        (pairs(), pairs(), (value(), value())).prop_map(|(curve, paper, current)| {
            Figure::Cost(CostData {
                curve,
                paper,
                current,
            })
        }),
    ]
}

#[test]
fn every_figure_draws_any_numbers() {
    let side = prop_oneof![
        Just(0u32),
        Just(1),
        Just(7),
        Just(60),
        Just(160),
        Just(333),
        Just(640),
        Just(1100)
    ];
    let scale = prop_oneof![
        Just(1.0),
        Just(2.0),
        Just(0.5),
        Just(3.5),
        Just(f64::NAN),
        Just(0.0),
        Just(-1.0),
        Just(1e9)
    ];
    let case = (side.clone(), side, scale).prop_flat_map(|(w, h, scale)| {
        let figure = prop_oneof![
            bar_figure().boxed(),
            density_figure((w, h), scale).boxed(),
            training_figure().boxed(),
        ];
        (Just((w, h)), Just(scale), figure, any_lang())
    });
    run(
        "DRAW_ANY_NUMBERS",
        budget::DRAW_ANY_NUMBERS,
        case,
        |(size, scale, figure, lang)| {
            let (result, svg) = svg_of(size, |area| figure.draw(area, &Theme { scale, lang }));
            prop_assert!(result.is_ok(), "{result:?}");
            prop_assert!(is_picture(&svg), "{svg}");
            if size.0 <= 7 || size.1 <= 7 {
                // No figure fits in a few pixels: the background and one line of text.
                let elements = svg.lines().filter(|l| l.starts_with('<')).count();
                prop_assert_eq!(elements, 5, "{}", svg);
                prop_assert!(svg.contains("<text"), "{}", svg);
            }
            Ok(())
        },
    );
}
