use gumbel_explorer::kernels::exact_curves_kernel;
use gumbel_explorer::model::Model;
fn cpu_ms() -> f64 { let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap(); s.split_whitespace().next().unwrap().parse::<f64>().unwrap() / 1e6 }
fn main() {
    for k in [2, 3] {
        let mut v = vec![];
        for _ in 0..3 { let t = cpu_ms(); std::hint::black_box(exact_curves_kernel(k)); v.push(cpu_ms() - t); }
        println!("exact curves k={k}: CPU ms {:?}", v);
    }
    for linear in [false, true] {
        let mut m = Model::new();
        if linear { m.update(|s| { s.set_objective_kind(gumbel_explorer::model::ObjectiveKind::Linear); Ok(()) }).unwrap(); }
        let t = cpu_ms();
        m.estimators_data().unwrap();
        let first = cpu_ms() - t;
        let mut times = vec![];
        while m.refining() { let t = cpu_ms(); m.refine(100_000); times.push(cpu_ms() - t); }
        let mut s = times.clone(); s.sort_by(f64::total_cmp);
        println!("model k=3 linear={linear}: first call {first:.1} ms CPU, {} slices, median {:.1} max {:.1}, total {:.0} ms CPU", s.len(), s[s.len()/2], s.last().unwrap(), times.iter().sum::<f64>() + first);
    }
    let mut m = Model::new();
    m.estimators_data().unwrap();
    while m.refining() { m.refine(100_000); }
    let mut v = vec![];
    for tau in [0.1, 1.0, 10.0] { m.update(|s| s.set_tau(tau)).unwrap(); let t = cpu_ms(); std::hint::black_box(m.estimators_data().unwrap()); v.push(cpu_ms() - t); }
    println!("estimators_data on a tau change (cached): {:?} ms CPU", v);
}
