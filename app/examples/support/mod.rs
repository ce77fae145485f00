//! What the benchmarks share: the median and the 99th percentile of many timings.

use std::time::Duration;

/// (p50, p99) of `times`.
pub fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    (at(0.50), at(0.99))
}

/// A duration in milliseconds with `decimals` places.
pub fn ms(d: Duration, decimals: usize) -> String {
    format!("{:.*} ms", decimals, d.as_secs_f64() * 1000.0)
}
