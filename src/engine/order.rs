//! Stable sorting through one small merge sort, for every list the app orders.
//!
//! Why not `slice::sort_by`: each call site instantiates the standard library's driftsort
//! for its element type and comparison, 1.5 to 4 KB of wasm apiece; the app's 21 sorts came
//! to 208 sort functions, 99 KB before wasm-opt (twiggy on the app's wasm, 2026-11-24). Here
//! the merge sort is compiled once, over indices, with the comparison behind `&dyn`; what is
//! left per call site is a few lines. The lists are short (a workspace's files, a register's
//! risks, a file's problems), and the sort is O(n log n) all the same.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` by `cmp`, stably (equal elements keep their order).
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut taken: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Sorts `v` by `key`, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// A map built by inserting each pair (the last of equal keys kept, as `collect` does).
/// Not `collect`: it sorts the pairs first with the standard sort, one more copy of it.
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut m = BTreeMap::new();
    for (k, v) in pairs {
        m.insert(k, v);
    }
    m
}

/// A set built by inserting each item (see [`map`]).
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut s = BTreeSet::new();
    for x in items {
        s.insert(x);
    }
    s
}

/// `0..n` in the order `cmp` gives, ties in index order: a bottom-up merge sort.
fn indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // The right run's element goes first only when strictly smaller: stable.
                let right = j < end && (i >= mid || cmp(from[j], from[i]) == Ordering::Less);
                if right {
                    *slot = from[j];
                    j += 1;
                } else {
                    *slot = from[i];
                    i += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Agrees with the standard library's stable sort on lists with many ties, of every
    /// length up to 70 (odd and even runs, a last run cut short).
    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u64;
        for n in 0..70 {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
            let mut down = v;
            sort_by(&mut down, |a, b| b.0.cmp(&a.0));
            assert!(down
                .windows(2)
                .all(|w| w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        }
    }
}
