//! Comparison across articles. Pure functions over extraction results.

pub mod identity;
