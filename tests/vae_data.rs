//! The embedded digits and the independent-pixel model: MATH.md section 9's numbers, computed
//! from the data compiled into the program (which also checks the data).

use gumbel_explorer::vae::{Digits, IndependentPixels};

#[test]
fn embedded_digits_match_the_reference_statistics() {
    let data = Digits::embedded().unwrap();
    assert_eq!(
        (data.len(), data.train_len(), data.test_len()),
        (1797, 1500, 297)
    );
    // 32.3 % of pixels on after binarising at ≥ 8.
    assert!(
        (data.on_fraction() - 0.323).abs() < 5e-4,
        "{}",
        data.on_fraction()
    );
    // Every image is binary and every label a digit; each digit appears (about 180 times).
    let mut counts = [0usize; 10];
    for i in 0..data.len() {
        assert!(data.image(i).unwrap().iter().all(|&p| p == 0.0 || p == 1.0));
        counts[usize::from(data.label(i).unwrap())] += 1;
    }
    assert!(
        counts.iter().all(|&c| (170..=190).contains(&c)),
        "{counts:?}"
    );
}

#[test]
fn independent_pixel_model_reproduces_the_reference_scores() {
    let data = Digits::embedded().unwrap();
    let model = IndependentPixels::fit(&data);
    let test = model.mean_neg_log_likelihood(data.test_images());
    let train = model.mean_neg_log_likelihood(data.train_images());
    // MATH.md: 24.59 nats per test image, 25.24 per training image (two decimals).
    assert!((test - 24.59).abs() < 0.005, "test {test}");
    assert!((train - 25.24).abs() < 0.005, "train {train}");
    // Its logits decode back to its probabilities.
    for (l, p) in model.logits().iter().zip(model.probs()) {
        assert!((1.0 / (1.0 + (-l).exp()) - p).abs() < 1e-12);
    }
}
