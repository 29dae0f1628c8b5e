//! Helpers the benchmarks share: a timing loop and its report, for the
//! measurements too long for criterion's samples. The benchmarks are in
//! `benches/`; run them with `cargo bench -p mastery-bench` (or
//! `cargo xtask bench`).

use std::time::Instant;

/// Runs `f` `n` times; the times in seconds, sorted.
pub fn timed<T>(n: usize, mut f: impl FnMut() -> T) -> Vec<f64> {
    let mut times: Vec<f64> = (0..n)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times
}

/// The `q` quantile (0–1) of sorted times, in milliseconds.
pub fn quantile_ms(times: &[f64], q: f64) -> f64 {
    if times.is_empty() {
        return f64::NAN;
    }
    let i = ((times.len() - 1) as f64 * q.clamp(0.0, 1.0)).round() as usize;
    times[i] * 1e3
}

/// Prints the median, 95th percentile and worst of sorted times.
pub fn report(what: &str, times: &[f64]) {
    println!(
        "{what}: median {:.3} ms, p95 {:.3} ms, max {:.3} ms ({} runs)",
        quantile_ms(times, 0.5),
        quantile_ms(times, 0.95),
        quantile_ms(times, 1.0),
        times.len()
    );
}
