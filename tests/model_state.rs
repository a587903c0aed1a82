//! The explorer's state: setters reject bad values without changing anything, a link
//! restores exactly the state it was written from, and a hostile link is refused.

use gumbel_explorer::model::settings::{ModelError, ObjectiveKind, Settings, MAX_K};
use gumbel_explorer::model::url::{from_state, to_state, MAX_STATE_LEN};
use gumbel_explorer::model::{DensityView, Model, View};

#[test]
fn defaults_are_the_k3_teaching_case() {
    let s = Settings::default();
    assert_eq!(s.k(), 3);
    assert_eq!(s.tau(), 0.5);
    assert_eq!(s.samples(), 20_000);
    let p = s.probs();
    for (a, b) in p.iter().zip([0.2, 0.3, 0.5]) {
        assert!((a - b).abs() < 1e-12);
    }
}

#[test]
fn rejected_settings_change_nothing() {
    let mut m = Model::new();
    let before = to_state(m.settings());
    type Setter = Box<dyn Fn(&mut Settings) -> Result<(), ModelError>>;
    let bad: Vec<Setter> = vec![
        Box::new(|s| s.set_tau(0.0)),
        Box::new(|s| s.set_tau(-1.0)),
        Box::new(|s| s.set_tau(f64::NAN)),
        Box::new(|s| s.set_tau(f64::INFINITY)),
        Box::new(|s| s.set_tau(1e-9)),
        Box::new(|s| s.set_probs(&[0.5])),
        Box::new(|s| s.set_probs(&[])),
        Box::new(|s| s.set_probs(&[0.5, 0.0])),
        Box::new(|s| s.set_probs(&[0.5, -0.1])),
        Box::new(|s| s.set_probs(&[0.1; 11])),
        Box::new(|s| s.set_logits(&[1.0, f64::NEG_INFINITY])),
        Box::new(|s| s.set_k(1)),
        Box::new(|s| s.set_k(11)),
        Box::new(|s| s.set_samples(99.0)),
        Box::new(|s| s.set_samples(1e7)),
        Box::new(|s| s.set_samples(1000.5)),
        Box::new(|s| s.set_seed(-1.0)),
        Box::new(|s| s.set_seed(1e300)),
        Box::new(|s| s.set_objective(ObjectiveKind::Linear, &[1.0, 2.0])),
        Box::new(|s| s.set_objective(ObjectiveKind::Linear, &[1.0, f64::NAN, 2.0])),
        Box::new(|s| s.set_step(-5.0)),
        Box::new(|s| s.set_cost(0.0, 0.0, 0.0, 10.0)),
        Box::new(|s| s.set_cost(1.0, 1.0, 1.0, 1.0)),
        Box::new(|s| s.set_cost(1.0, f64::INFINITY, 1.0, 10.0)),
    ];
    for (i, f) in bad.iter().enumerate() {
        let err = m
            .update(|s| f(s))
            .expect_err(&format!("case {i} was accepted"));
        assert!(!err.to_string().is_empty(), "case {i} has an empty message");
        assert_eq!(to_state(m.settings()), before, "case {i} changed the state");
    }
}

#[test]
fn tau_zero_message_explains_itself() {
    let mut s = Settings::default();
    let e = s.set_tau(0.0).unwrap_err();
    assert_eq!(e, ModelError::TauNotPositive { value: 0.0 });
    assert_eq!(
        e.to_string(),
        "τ must be positive (τ = 0 is the discrete limit, not a temperature), got 0"
    );
}

#[test]
fn a_link_restores_exactly() {
    let mut s = Settings::default();
    s.set_probs(&[0.1, 0.2, 0.3, 0.4]).unwrap();
    s.set_tau(0.123).unwrap();
    s.set_samples(5000.0).unwrap();
    s.set_seed(987654321.0).unwrap();
    s.set_objective(ObjectiveKind::SquaredDistance, &[0.4, 0.2, 0.2, 0.2])
        .unwrap();
    s.set_step(1234.0).unwrap();
    s.set_cost(2.0, 0.5, 3.0, 100.0).unwrap();
    let text = to_state(&s);
    let back = from_state(&text).unwrap();
    assert_eq!(to_state(&back), text);
    assert_eq!(back.probs(), s.probs());
    assert_eq!(back.tau(), 0.123);
    assert_eq!(back.seed(), 987654321);
    assert_eq!(back.objective_kind(), &ObjectiveKind::SquaredDistance);
    // With a leading '#', and commas escaped by a chat client.
    let escaped = format!("#{}", text.replace(',', "%2C"));
    assert_eq!(to_state(&from_state(&escaped).unwrap()), text);
}

#[test]
fn a_partial_link_keeps_the_other_defaults() {
    let s = from_state("tau=2&seed=7").unwrap();
    assert_eq!(s.tau(), 2.0);
    assert_eq!(s.seed(), 7);
    assert_eq!(s.k(), 3);
    let s = from_state("k=5").unwrap();
    assert_eq!(s.k(), 5);
    let s = from_state("logits=0,1").unwrap();
    assert_eq!(s.k(), 2);
}

#[test]
fn hostile_links_are_refused_with_a_message() {
    let long = "p=".to_string() + &"1,".repeat(MAX_STATE_LEN);
    let many = "p=".to_string() + &vec!["0.1"; 1000].join(",");
    let cases = [
        "k=1000000",
        "k=2.5",
        "k=-3",
        &many,
        &long,
        "p=<script>alert(1)</script>",
        "tau=0",
        "tau=1e400",
        "tau=NaN",
        "tau=inf",
        "n=1e12",
        "seed=-4",
        "obj=evil",
        "f=1,2,3",
        "p=1,2&logits=1,2",
        "k=4&p=0.5,0.5",
        "tau=1&tau=2",
        "%E0%A4%A",
        "\u{0}\u{1}",
        "unknown=1",
        "sched=1,2",
        "sched=1,0.1,0.5,0",
        "cost=0,0,0,10",
    ];
    for case in cases {
        let e = from_state(case).expect_err(case);
        assert!(matches!(e, ModelError::Link(_)), "{case}: {e:?}");
        let text = e.to_string();
        assert!(
            text.starts_with("the link's state was not restored"),
            "{case}: {text}"
        );
        assert!(
            !text.contains('<'),
            "{case}: the message echoes markup: {text}"
        );
        assert!(text.len() < 300, "{case}: message too long");
    }
}

#[test]
fn views_are_named_and_fingerprints_track_inputs() {
    let mut m = Model::new();
    for v in View::ALL {
        assert_eq!(View::from_name(v.name()), Some(v));
    }
    let before: Vec<u64> = View::ALL.iter().map(|&v| m.inputs_fingerprint(v)).collect();
    m.update(|s| s.set_tau(0.9)).unwrap();
    let after: Vec<u64> = View::ALL.iter().map(|&v| m.inputs_fingerprint(v)).collect();
    for (i, v) in View::ALL.iter().enumerate() {
        let depends = !matches!(
            v,
            View::GumbelMax | View::Figure1 | View::Annealing | View::Cost
        );
        assert_eq!(before[i] != after[i], depends, "{v:?}");
    }
}

#[test]
fn gumbel_max_counts_do_not_depend_on_tau() {
    let mut m = Model::new();
    let a = m.gumbel_max_data().counts;
    m.update(|s| s.set_tau(5.0)).unwrap();
    let b = m.gumbel_max_data().counts;
    assert_eq!(a, b);
    assert_eq!(a.iter().sum::<u64>(), 20_000);
}

#[test]
fn density_view_follows_k() {
    let mut m = Model::new();
    assert!(matches!(m.density_view(60, 52), DensityView::Simplex(_)));
    m.update(|s| s.set_k(2)).unwrap();
    assert!(matches!(m.density_view(60, 52), DensityView::Binary(_)));
    m.update(|s| s.set_k(MAX_K)).unwrap();
    match m.density_view(60, 52) {
        DensityView::Projection(p) => assert_eq!(p.vertices.len(), MAX_K),
        other => panic!("expected a projection, got {other:?}"),
    }
}

#[test]
fn heatmap_raster_is_finite_inside_and_nan_outside() {
    let mut m = Model::new();
    let DensityView::Simplex(d) = m.density_view(60, 52) else {
        panic!("k = 3 gives a heatmap");
    };
    assert_eq!(d.log_density.len(), 60 * 52);
    let inside = d.log_density.iter().filter(|v| v.is_finite()).count();
    // The triangle covers half of its bounding box.
    let frac = inside as f64 / (60.0 * 52.0);
    assert!((frac - 0.5).abs() < 0.05, "{frac}");
    assert!(d.lo < d.hi);
    // Bottom-left corner pixel is outside the triangle only above the edge: top-left is outside.
    assert!(d.log_density[0].is_nan());
}

#[test]
fn speedup_matches_the_formula() {
    let mut m = Model::new();
    m.update(|s| s.set_cost(1.0, 2.0, 3.0, 10.0)).unwrap();
    let expected = (1.0 + 10.0 * 5.0) / 6.0;
    assert!((m.speedup().unwrap() - expected).abs() < 1e-12);
    let data = m.cost_data();
    assert!(data.curve.len() > 100);
    assert_eq!(data.curve.first().map(|p| p.0), Some(2.0));
    assert_eq!(data.curve.last().map(|p| p.0), Some(1000.0));
}

#[test]
fn estimator_sweep_is_cached_across_tau() {
    let mut m = Model::new();
    let a = m.estimators_data().unwrap();
    assert_eq!(a.taus.len(), 40);
    assert_eq!(a.curves.len(), 6);
    m.update(|s| s.set_tau(2.0)).unwrap();
    let b = m.estimators_data().unwrap();
    assert_eq!(a.curves[3].variance, b.curves[3].variance);
    assert_eq!(b.current_tau, 2.0);
}

#[test]
fn colour_range_sits_at_the_percentiles_and_ignores_non_finite_values() {
    use gumbel_explorer::model::density::colour_range;
    let mut values: Vec<f64> = (0..10_000).map(|i| i as f64 / 10.0).collect();
    values.extend([f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
    let (lo, hi) = colour_range(&values);
    // 1st and 99.5th percentiles of 0 … 999.9 (10,000 values: the 100th and 9,950th).
    assert!((lo - 9.9).abs() < 0.11, "{lo}");
    assert!((hi - 994.9).abs() < 0.11, "{hi}");
    // A spike far out neither stretches the range nor blurs it.
    values.push(1e6);
    let (lo2, hi2) = colour_range(&values);
    // (10,001 values now: the 101st and 9,951st, located to 1e6 / 1024² ≈ 0.95.)
    assert!((lo2 - 10.0).abs() < 1.0, "{lo2}");
    assert!((hi2 - 995.0).abs() < 1.0, "{hi2}");
    assert_eq!(colour_range(&[f64::NAN]), (0.0, 1.0));
    let (lo, hi) = colour_range(&[2.0, 2.0]);
    assert!(lo < 2.0 && hi > 2.0);
}
