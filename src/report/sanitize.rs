//! Table cells reach a terminal: control and bidirectional-override
//! characters are replaced so that article text cannot move the cursor,
//! change colours or reorder what the user sees.

/// The text with white space runs folded to one space and every control or
/// bidi character shown as U+FFFD.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.push(if is_unsafe(c) { '\u{fffd}' } else { c });
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_are_neutralised() {
        assert_eq!(cell("red\x1b[31m text"), "red\u{fffd}[31m text");
        assert_eq!(cell("abc\u{202e}def"), "abc\u{fffd}def");
        assert_eq!(cell("  two\n\tlines  "), "two lines");
    }
}
