//! Social posts quoted in an article, recognised by their attribution line
//! `— Display Name (@handle) Month D, YYYY`.

use crate::document::Document;
use crate::extract::Post;

pub fn extract(_doc: &Document) -> Vec<Post> {
    Vec::new()
}
