//! Figures: numbers that state a quantity, with unit, currency, qualifier and
//! what is counted.

use crate::document::Document;
use crate::extract::Figure;

pub fn extract(_doc: &Document) -> Vec<Figure> {
    Vec::new()
}
