//! The training view's model: the RELAX-toy lesson for five fixed seeds, links that reproduce a
//! run step for step (and old links that restore exactly as before), refused input that loses
//! nothing, the run's slices, and the sentence written from the run.

use gumbel_explorer::model::presets::preset;
use gumbel_explorer::model::url::{from_state, to_state};
use gumbel_explorer::model::{Model, ModelError, ObjectiveKind};

fn with_preset(name: &str, seed: u64) -> Model {
    let mut m = Model::new();
    let p = preset(name).unwrap_or_else(|| panic!("no preset {name}"));
    m.update(|s| {
        p.apply(s)?;
        s.set_seed(seed as f64)
    })
    .unwrap();
    m
}

/// Runs to `steps` in slices of 300 and returns each estimator's (name, π₁).
fn run_to(m: &mut Model, steps: u64) -> Vec<(String, f64)> {
    m.update(|s| s.training_mut().set_steps(steps as f64))
        .unwrap();
    while m.train_toward_goal(300).unwrap() {}
    m.training_rows()
        .unwrap()
        .into_iter()
        .map(|r| {
            assert_eq!(r.step, steps);
            (r.estimator, r.probs[0])
        })
        .collect()
}

#[test]
fn the_relax_toy_lesson_holds_for_five_seeds() {
    for name in ["relax-toy", "rebar-toy"] {
        let mut sf = Vec::new();
        for seed in 1..=5 {
            let mut m = with_preset(name, seed);
            let pi = run_to(&mut m, 2000);
            let names: Vec<&str> = pi.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(names, ["SF", "SF+baseline", "ST", "GS", "ST-GS", "REBAR"]);
            let at = |n: &str| pi.iter().find(|(e, _)| e == n).map(|p| p.1).unwrap();
            eprintln!("{name} seed {seed}: {pi:?}");
            assert!(at("SF+baseline") < 0.15, "{name} seed {seed}: {pi:?}");
            assert!(at("REBAR") < 0.15, "{name} seed {seed}: {pi:?}");
            assert!(at("GS") > 0.2, "{name} seed {seed}: {pi:?}");
            assert!(at("ST-GS") > 0.2, "{name} seed {seed}: {pi:?}");
            // The page also says straight-through stays in the middle.
            assert!(at("ST") > 0.2, "{name} seed {seed}: {pi:?}");
            sf.push(at("SF"));
        }
        // And, of the RELAX toy, that where the plain score function ends depends on the seed.
        if name == "relax-toy" {
            let lo = sf.iter().copied().fold(1.0, f64::min);
            let hi = sf.iter().copied().fold(0.0, f64::max);
            assert!(lo < 0.1 && hi > 0.8, "SF ended at {sf:?}");
        }
    }
}

#[test]
fn a_link_reproduces_the_run_step_for_step() {
    let mut m = with_preset("relax-toy", 3);
    m.update(|s| {
        let t = s.training_mut();
        t.set_optimiser_name("sgd")?;
        t.set_learning_rate(0.5)?;
        t.set_seed(Some(99.0))?;
        t.set_annealed(true);
        Ok(())
    })
    .unwrap();
    let rows = {
        run_to(&mut m, 777);
        m.training_rows().unwrap()
    };
    let link = to_state(m.settings());
    assert!(link.ends_with("&train=sgd,0.5,99,anneal,777"), "{link}");
    let mut other = Model::new();
    other.replace_settings(from_state(&link).unwrap());
    assert_eq!(to_state(other.settings()), link);
    assert!(other.training_pending());
    while other.train_toward_goal(100).unwrap() {}
    assert_eq!(other.training_rows().unwrap(), rows);
}

#[test]
fn links_written_before_the_view_restore_exactly_as_before() {
    let old = [
        "k=3&p=0.2,0.3,0.5&tau=0.5&n=20000&seed=1&obj=lin&f=0,0.5,1&sched=1,0.0001,0.5,1000&step=0&cost=1,1,1,10",
        "k=2&p=0.5,0.5&tau=0.5&n=500&seed=42&obj=sq&f=0.45,0.55&sched=1,0.0001,0.5,1000&step=77&cost=2,3,4,50",
        "k=4&logits=1,-2,0.5,3&tau=0.001&n=100&seed=9007199254740991&obj=lin&f=1,2,3,4&sched=2,0.001,0.1,7&step=5&cost=8,0.5,0.5,10",
    ];
    for link in old {
        let s = from_state(link).unwrap_or_else(|e| panic!("{link}: {e}"));
        assert_eq!(to_state(&s), link);
        assert_eq!(s.training().steps(), 0);
    }
    // The page's default link has no train key either.
    assert!(!to_state(Model::new().settings()).contains("train"));
}

#[test]
fn bad_links_to_training_are_refused_with_a_message() {
    let base = "k=2&p=0.5,0.5&tau=0.5&n=500&seed=1&obj=sq&f=0.45,0.55&sched=1,0.0001,0.5,1000&step=0&cost=1,1,1,10";
    let cases = [
        ("train=adam,0.05,page,fixed", "train must read"),
        (
            "train=adam,0,page,fixed,10",
            "the learning rate must be between 1e-6 and 10",
        ),
        (
            "train=adam,0.05,page,fixed,20000000",
            "the step to run until must be",
        ),
        ("train=adam,0.05,page,fixed,1.5", "must be a whole number"),
        ("train=nadam,0.05,page,fixed,1", "train must read"),
    ];
    for (train, want) in cases {
        let link = format!("{base}&{train}");
        let e = from_state(&link).expect_err(train).to_string();
        assert!(e.starts_with("the link's state was not restored"), "{e}");
        assert!(e.contains(want), "{train}: {e}");
    }
}

#[test]
fn refused_training_input_loses_nothing() {
    let mut m = with_preset("relax-toy", 1);
    run_to(&mut m, 50);
    let before = to_state(m.settings());
    let rows = m.training_rows().unwrap();
    let refusals: [(f64, &str); 5] = [
        (0.0, "the learning rate must be between 1e-6 and 10, got 0"),
        (
            -1.0,
            "the learning rate must be between 1e-6 and 10, got -1",
        ),
        (
            f64::INFINITY,
            "the learning rate must be a finite number, got inf",
        ),
        (
            f64::NAN,
            "the learning rate must be a finite number, got NaN",
        ),
        (
            1e3,
            "the learning rate must be between 1e-6 and 10, got 1000",
        ),
    ];
    for (rate, text) in refusals {
        let e = m
            .update(|s| s.training_mut().set_learning_rate(rate))
            .unwrap_err();
        assert_eq!(e.to_string(), text);
    }
    let e = m
        .update(|s| s.training_mut().set_steps(1e7 + 1.0))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "the step to run until must be a whole number from 0 to 1e7, got 10000001"
    );
    assert!(matches!(
        m.update(|s| s.training_mut().set_optimiser_name("<b>")),
        Err(ModelError::UnknownOptimiser(_))
    ));
    assert!(m.update(|s| s.training_mut().set_seed(Some(-1.0))).is_err());
    assert_eq!(to_state(m.settings()), before);
    assert!(!m.training_pending());
    assert_eq!(m.training_rows().unwrap(), rows);
}

#[test]
fn the_run_moves_in_slices_pauses_and_starts_over() {
    let mut m = with_preset("rebar-toy", 1);
    assert_eq!(m.training_step(), 0);
    assert!(!m.training_pending());
    // Running on: the settings' step follows the run.
    assert_eq!(m.train_for(40).unwrap(), 40);
    assert_eq!(m.train_for(40).unwrap(), 80);
    assert_eq!(m.settings().training().steps(), 80);
    // Run until 1000, in slices; pausing half-way keeps the step reached.
    m.update(|s| s.training_mut().set_steps(1000.0)).unwrap();
    assert!(m.train_toward_goal(100).unwrap());
    assert_eq!(m.training_step(), 180);
    m.pause_training();
    assert!(!m.training_pending());
    assert_eq!(m.settings().training().steps(), 180);
    // A change of τ starts the run over and takes it back to the same step.
    let rows = m.training_rows().unwrap();
    m.update(|s| s.set_tau(1.0)).unwrap();
    assert!(m.training_pending());
    assert_eq!(m.training_step(), 0);
    while m.train_toward_goal(64).unwrap() {}
    assert_eq!(m.training_step(), 180);
    assert_ne!(m.training_rows().unwrap(), rows);
    // Back to the old τ gives back the old run, step for step.
    m.update(|s| s.set_tau(0.5)).unwrap();
    while m.train_toward_goal(64).unwrap() {}
    assert_eq!(m.training_rows().unwrap(), rows);
    // Reset: step 0.
    m.update(|s| s.training_mut().set_steps(0.0)).unwrap();
    assert_eq!(m.training_step(), 0);
}

#[test]
fn the_page_seed_and_an_own_seed_of_the_same_value_give_the_same_run() {
    let mut a = with_preset("relax-toy", 5);
    let mut b = with_preset("relax-toy", 1);
    b.update(|s| s.training_mut().set_seed(Some(5.0))).unwrap();
    assert_eq!(run_to(&mut a, 300), run_to(&mut b, 300));
    let mut c = with_preset("relax-toy", 6);
    assert_ne!(run_to(&mut a, 300), run_to(&mut c, 300));
}

#[test]
fn the_sentence_is_written_from_the_run() {
    let mut m = with_preset("relax-toy", 1);
    let start = m.training_summary().unwrap();
    assert_eq!(
        start,
        "Step 0: all 6 estimators start at π₁ = 0.5; the optimum is π₁ = 0, where F = 0.498 is smallest."
    );
    let pi = run_to(&mut m, 2000);
    let text = m.training_summary().unwrap();
    assert!(
        text.starts_with("After 2,000 steps, the optimum is π₁ = 0"),
        "{text}"
    );
    // Every estimator is named, near the optimum with its own π₁ as the table has it, rounded,
    // and away from it settled at that π₁, hovering around a value, or still moving.
    eprintln!("{text}");
    for (name, p) in &pi {
        let rounded = gumbel_explorer::format::rounded(*p, 2);
        let said = if *p <= 0.1 {
            text.contains(&format!("{name} ({rounded})"))
        } else {
            text.contains(&format!("{name} settled at π₁ = {rounded}"))
                || text.contains(&format!("{name} hovers around π₁ = "))
                || text.contains(&format!("{name} is at π₁ = {rounded}, still moving"))
        };
        assert!(said, "{name} {p}: {text}");
    }
    // GS is away from the optimum in this run: the sentence says so.
    assert!(text.contains("Away from it: "), "{text}");
    // And it says where REBAR took η, the weight it tunes to lower its own variance.
    let rebar = m.training_run().unwrap().training.learners()[5].eta();
    let eta = gumbel_explorer::format::rounded(rebar, 2);
    assert!(
        text.ends_with(&format!(
            "REBAR has tuned its control-variate weight η from 1 to {eta}."
        )),
        "{text}"
    );
}

#[test]
fn a_payoff_is_raised_and_its_best_class_tracked() {
    // k = 3, linear payoff c = (0, ½, 1) (the default payoff): the best class is the third.
    let mut m = Model::new();
    m.update(|s| s.set_objective(ObjectiveKind::Linear, &[0.0, 0.5, 1.0]))
        .unwrap();
    run_to(&mut m, 500);
    let rows = m.training_rows().unwrap();
    for r in &rows {
        assert!(
            r.probs[2] > 0.5,
            "{} did not raise the payoff: {:?}",
            r.estimator,
            r.probs
        );
    }
    let text = m.training_summary().unwrap();
    assert!(
        text.contains("the optimum is π₃ = 1, where F = 1 is largest"),
        "{text}"
    );
}
