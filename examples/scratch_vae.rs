use gumbel_explorer::vae::*;
fn main() {
    let mut t = VaeTrainer::new(VaeConfig::default()).unwrap();
    println!("{:?} step0 {:?}", t.independent_pixel_scores(), t.test_neg_elbo(Estimator::GumbelSoftmax));
    let s = std::time::Instant::now();
    t.step(2000);
    println!("{:?}", s.elapsed());
    for r in t.table() { if r.record.step % 500 == 0 || r.record.step <= 300 { println!("{} {} {:.2} {:.2}", r.estimator, r.record.step, r.record.train_neg_elbo, r.record.test_neg_elbo); } }
}
