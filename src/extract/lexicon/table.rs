//! The hash and probe of the lexicon table, shared by `build.rs` (which
//! lays the table out) and [`crate::extract::lexicon`] (which reads it), so
//! the two cannot disagree.
//!
//! One table holds every word of every plain word list, each with a bit per
//! list it is in: a word is hashed once however many lists a rule asks
//! about. The hash reads eight bytes at a time; words are short, so a
//! look-up costs a few multiplications and one or two cache lines, where
//! SipHash (what `phf` uses) costs several rounds per word.

// build.rs uses the layout half, the crate the probe half.
#![allow(dead_code)]

/// A slot is a `u32`: the entry's index plus one in its low bits (0 for an
/// empty slot), and high bits of the hash above them, so that most misses
/// are told without reading the entry.
pub const INDEX_BITS: u32 = 17;
/// The most entries a table can hold.
pub const MAX_ENTRIES: usize = (1 << INDEX_BITS) - 1;

const K: u64 = 0x9e37_79b9_7f4a_7c15;

pub fn hash(bytes: &[u8]) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(31);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(31);
    }
    // finish so that both the low bits (the slot) and the high bits (the
    // fingerprint) depend on every input bit
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 29)
}

fn fingerprint(h: u64) -> u32 {
    ((h >> (64 - (32 - INDEX_BITS))) as u32) << INDEX_BITS
}

/// The slot of entry `entry` whose word hashes to `h`.
fn slot(h: u64, entry: usize) -> u32 {
    fingerprint(h) | (entry as u32 + 1)
}

/// Lays out the slots for `words` (entry `i` is `words[i]`), at most half
/// full so that probes stay short and always end.
pub fn layout(words: &[&str]) -> Vec<u32> {
    assert!(words.len() <= MAX_ENTRIES, "too many lexicon words");
    let size = (words.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0u32; size];
    for (e, word) in words.iter().enumerate() {
        let h = hash(word.as_bytes());
        let mut i = (h as usize) & (size - 1);
        while slots[i] != 0 {
            i = (i + 1) & (size - 1);
        }
        slots[i] = slot(h, e);
    }
    slots
}

/// Finds the entry of `word` by linear probing from its hash; `entry(i)`
/// gives the word of entry `i`. `slots.len()` is a power of two and at
/// least one slot is empty.
pub fn probe<'a>(slots: &[u32], word: &str, entry: impl Fn(usize) -> &'a str) -> Option<usize> {
    let h = hash(word.as_bytes());
    let mask = slots.len() - 1;
    let fp = fingerprint(h);
    let index_mask = (1u32 << INDEX_BITS) - 1;
    let mut i = (h as usize) & mask;
    loop {
        let s = slots[i];
        if s == 0 {
            return None;
        }
        if s & !index_mask == fp {
            let e = (s & index_mask) as usize - 1;
            if entry(e) == word {
                return Some(e);
            }
        }
        i = (i + 1) & mask;
    }
}
