//! Dates: absolute, partial and relative expressions, normalised like TIMEX3
//! and resolved against the publication date.

use crate::document::{Document, Inferred};
use crate::extract::DateMention;

pub fn extract(_doc: &Document) -> Vec<DateMention> {
    Vec::new()
}

/// A publication date from the text, for articles that do not state one.
pub fn infer_published(_doc: &Document) -> Option<Inferred> {
    None
}
