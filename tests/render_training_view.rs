//! SVG render tests of view 8 (training with each estimator), drawn from the model's own runs at
//! k = 2 (the RELAX toy), 3 (paths over the heatmap) and 5 (the best class), and from degenerate
//! data; the SVGs are kept under `target/render/training_*.svg` to look at.

mod render_support;

use gumbel_explorer::math::simplex::TRIANGLE_VERTICES;
use gumbel_explorer::model::draw::draw_view;
use gumbel_explorer::model::presets::preset;
use gumbel_explorer::model::{Model, ObjectiveKind, View};
use gumbel_explorer::render::*;
use render_support::{has_text, message_only, svg, texts, too_small};

const NAMES: [&str; 6] = ["SF", "SF+baseline", "ST", "GS", "ST-GS", "REBAR"];

fn trained(m: &mut Model, steps: u64) {
    m.update(|s| s.training_mut().set_steps(steps as f64))
        .unwrap();
    while m.train_toward_goal(500).unwrap() {}
}

fn view(m: &mut Model, name: &str, size: (u32, u32)) -> String {
    svg(name, size, 1.0, |a, t| {
        draw_view(m, View::Training, a, t).map_err(|e| match e {
            gumbel_explorer::model::ModelError::Render(r) => r,
            other => panic!("{other}"),
        })
    })
}

fn common_checks(s: &str, name: &str) {
    for n in NAMES {
        assert_eq!(texts(s, n), 1, "{name}: legend entry {n}");
    }
    assert!(texts(s, "training step") >= 2, "{name}");
    assert_eq!(texts(s, "exact objective F(θ)"), 1, "{name}");
    assert_eq!(texts(s, "gradient variance (log)"), 1, "{name}");
}

#[test]
fn the_relax_toy_after_2000_steps() {
    let mut m = Model::new();
    let toy = preset("relax-toy").unwrap();
    m.update(|s| toy.apply(s)).unwrap();
    trained(&mut m, 2000);
    for (size, tag) in [
        ((960, 480), "wide"),
        ((888, 444), "page"),
        ((520, 760), "narrow"),
    ] {
        let name = format!("training_relax_toy_{tag}");
        let s = view(&mut m, &name, size);
        common_checks(&s, &name);
        assert_eq!(texts(&s, "π₁"), 1, "{name}");
        // The optimum π₁ = 0 and F* = 2t² = 0.498 are marked.
        assert!(
            has_text(&s, "optimum 0<") || has_text(&s, "optimum 0\n"),
            "{name}"
        );
        assert!(has_text(&s, "optimum 0.498"), "{name}");
        assert!(texts(&s, "2000") >= 2, "{name}: the step axis reaches 2000");
    }
}

#[test]
fn k3_draws_paths_over_the_heatmap_at_its_exact_size() {
    let mut m = Model::new();
    // The linear payoff c = (0, ½, 1), whose best class is the third.
    m.update(|s| {
        s.set_objective_kind(ObjectiveKind::Linear);
        Ok(())
    })
    .unwrap();
    trained(&mut m, 300);
    let size = (900, 460);
    let (_, _, w, h) = training_raster_rect(size.0, size.1, &TRIANGLE_VERTICES, &Theme::default());
    assert!(w > 100 && h > 80, "{w} × {h}");
    let d = m.training_data((w, h)).unwrap();
    match &d.trajectory {
        Trajectory::Triangle { heatmap, optimum } => {
            assert_eq!((heatmap.width, heatmap.height), (w, h));
            assert_eq!(heatmap.log_density.len(), (w * h) as usize);
            // The linear payoff's best class is the third: the apex.
            assert_eq!(*optimum, TRIANGLE_VERTICES[2]);
        }
        other => panic!("k = 3 draws a triangle, got {other:?}"),
    }
    for c in &d.curves {
        assert_eq!(c.path.len(), d.steps.len(), "{}", c.name);
    }
    let s = view(&mut m, "training_k3", size);
    common_checks(&s, "k3");
    for label in ["e₁", "e₂", "e₃"] {
        assert_eq!(texts(&s, label), 1, "{label}");
    }
    // The heatmap went out as one blit at the rect's size (the SVG backend writes a blit as one
    // 1×1 rect per pixel), not as scaled cells.
    let (x, y, _, _) = training_raster_rect(size.0, size.1, &TRIANGLE_VERTICES, &Theme::default());
    let pixels: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("width=\"1\" height=\"1\""))
        .collect();
    assert_eq!(pixels.len(), (w * h) as usize);
    assert!(
        pixels[0].contains(&format!("x=\"{x}\" y=\"{y}\"")),
        "{}",
        pixels[0]
    );
}

#[test]
fn k5_tracks_the_best_class() {
    let mut m = Model::new();
    m.update(|s| {
        s.set_k(5)?;
        s.set_objective_kind(ObjectiveKind::Linear);
        Ok(())
    })
    .unwrap();
    trained(&mut m, 200);
    let s = view(&mut m, "training_k5", (800, 480));
    common_checks(&s, "k5");
    assert_eq!(texts(&s, "π of class 5 (the best)"), 1);
}

#[test]
fn degenerate_data_and_small_areas_give_a_message() {
    let empty = TrainingData::default();
    assert_eq!(
        message_only((400, 300), 1.0, |a, t| draw_training(a, &empty, t)),
        "No training run to show."
    );
    let mut m = Model::new();
    let d = m.training_data((0, 0)).unwrap();
    too_small((200, 150), 1.0, |a, t| draw_training(a, &d, t));
    too_small((500, 400), 2.0, |a, t| draw_training(a, &d, t));
    // NaN everywhere still draws.
    let mut nan = d.clone();
    for c in &mut nan.curves {
        c.objective.iter_mut().for_each(|v| *v = f64::NAN);
        c.variance.iter_mut().for_each(|v| *v = f64::NAN);
    }
    nan.optimum_objective = f64::NAN;
    let s = svg("training_nan", (640, 400), 1.0, |a, t| {
        draw_training(a, &nan, t)
    });
    assert!(has_text(&s, "gradient variance (log): none yet"));
}
