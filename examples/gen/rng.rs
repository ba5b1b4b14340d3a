//! A tiny deterministic random number generator (splitmix64), so the same seed gives the
//! same portfolio on every machine and every version of the dependencies.

/// splitmix64: one `u64` of state, good enough statistics for synthetic data, no crate.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// The generator for one stream of one seed (stream = account index, or a constant for
    /// workspace-level data), so account `i` is the same whatever the portfolio size.
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut mixer = Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B);
        let base = mixer.next_u64();
        let mut rng = Rng(base ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        // Throw away the first outputs so that neighbouring streams decorrelate.
        rng.next_u64();
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0). The modulo bias is irrelevant for synthetic data.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One item of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `k` distinct indices of `0..n`, in increasing order.
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        // Partial Fisher-Yates: the first k slots are a uniform sample.
        for i in 0..k {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        let mut chosen = all[..k].to_vec();
        chosen.sort_unstable();
        chosen
    }
}
