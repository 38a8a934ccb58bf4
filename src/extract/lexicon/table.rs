//! The hash and probe of the lexicon table, shared by `build.rs` (which
//! lays the table out) and [`crate::extract::lexicon`] (which reads it), so
//! the two cannot disagree.
//!
//! One table holds every word of every plain word list, each with a bit per
//! list it is in: a word is hashed once however many lists a rule asks
//! about. Most words are eight bytes or fewer: such a word is packed into
//! one `u64` (zero-padded; no word holds a zero byte), hashed with one
//! multiplication, and compared with the packed form of the entry, so a
//! look-up costs a few instructions and two cache lines. Longer words are
//! hashed eight bytes at a time and compared in full.

// build.rs uses the layout half, the crate the probe half.
#![allow(dead_code)]

/// A slot is a `u32`: the entry's index plus one in its low bits (0 for an
/// empty slot), and high bits of the hash above them, so that most misses
/// are told without reading the entry.
pub const INDEX_BITS: u32 = 17;
/// The most entries a table can hold.
pub const MAX_ENTRIES: usize = (1 << INDEX_BITS) - 1;

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// The packed form of an entry too long to pack: no packed word equals it,
/// since 0xff is never a byte of UTF-8.
pub const UNPACKED: u64 = u64::MAX;

/// A word of at most eight bytes as one number, its bytes little-endian.
#[inline]
pub fn pack(bytes: &[u8]) -> Option<u64> {
    if bytes.len() > 8 {
        return None;
    }
    let mut w = 0u64;
    for (i, &b) in bytes.iter().enumerate() {
        w |= u64::from(b) << (8 * i);
    }
    Some(w)
}

#[inline]
fn mix(x: u64) -> u64 {
    let h = (x ^ (x >> 31)).wrapping_mul(K);
    h ^ (h >> 29)
}

#[inline]
pub fn hash(bytes: &[u8]) -> u64 {
    match pack(bytes) {
        Some(w) => mix(w),
        None => long_hash(bytes),
    }
}

fn long_hash(bytes: &[u8]) -> u64 {
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

/// The packed form of each entry ([`pack`], else [`UNPACKED`]).
pub fn packed(words: &[&str]) -> Vec<u64> {
    words
        .iter()
        .map(|w| pack(w.as_bytes()).unwrap_or(UNPACKED))
        .collect()
}

/// Finds the entry of `word` by linear probing from its hash. `packed(i)`
/// gives the packed form of entry `i` ([`packed`]) and `word_of(i)` its
/// word, which only words too long to pack are compared with.
/// `slots.len()` is a power of two and at least one slot is empty.
#[inline]
pub fn probe<'a>(
    slots: &[u32],
    word: &str,
    packed: impl Fn(usize) -> u64,
    word_of: impl Fn(usize) -> &'a str,
) -> Option<usize> {
    let short = pack(word.as_bytes());
    let h = match short {
        Some(w) => mix(w),
        None => long_hash(word.as_bytes()),
    };
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
            let hit = match short {
                Some(w) => packed(e) == w,
                None => word_of(e) == word,
            };
            if hit {
                return Some(e);
            }
        }
        i = (i + 1) & mask;
    }
}
