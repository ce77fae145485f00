//! What the benchmarks share: a deterministic random generator, the median and the 99th
//! percentile of many timings, and generated item listings. Each benchmark uses part of it.
#![allow(dead_code)]

pub mod listings;

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

/// A small deterministic generator (xorshift), so every run measures the same data.
pub struct Random(pub u64);

impl Random {
    fn step(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// In [0, 1).
    pub fn next(&mut self) -> f64 {
        (self.step() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.next()
    }

    /// In [0, n).
    pub fn below(&mut self, n: usize) -> usize {
        (self.step() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}
