//! People and organisations: a rule system over capitalised sequences,
//! titles, cue words, organisation head words and lexicons.

use crate::document::Document;
use crate::extract::Entities;

pub fn extract(_doc: &Document) -> Entities {
    Entities::default()
}
