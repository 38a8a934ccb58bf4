//! Colour for the human tables: ANSI escapes when `main` decided on colour
//! (see [`ColorChoice`](crate::cli::ColorChoice)), plain text otherwise.

/// What a piece of a table is, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tint {
    Plain,
    Header,
    Conflict,
    Agree,
}

impl Tint {
    /// The tint of a cell in a `status` column.
    pub fn status(text: &str) -> Tint {
        match text {
            "conflict" => Tint::Conflict,
            "agree" => Tint::Agree,
            _ => Tint::Plain,
        }
    }

    const fn code(self) -> Option<&'static str> {
        match self {
            Tint::Plain => None,
            Tint::Header => Some("\x1b[1m"),
            Tint::Conflict => Some("\x1b[1;31m"),
            Tint::Agree => Some("\x1b[32m"),
        }
    }
}

const RESET: &str = "\x1b[0m";

/// Colours text, or leaves it alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    pub const PLAIN: Paint = Paint { on: false };

    /// Each line of `text` in the tint's colour, so that a cell wrapped over
    /// several lines keeps its colour and the table's borders keep theirs.
    pub fn lines(self, tint: Tint, text: &str) -> String {
        match tint.code() {
            Some(code) if self.on && !text.is_empty() => text
                .split('\n')
                .map(|line| format!("{code}{line}{RESET}"))
                .collect::<Vec<_>>()
                .join("\n"),
            _ => text.to_string(),
        }
    }

    /// A section title.
    pub fn heading(self, text: &str) -> String {
        self.lines(Tint::Header, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_coloured_and_reset() {
        let on = Paint { on: true };
        assert_eq!(
            on.lines(Tint::Conflict, "con\nflict"),
            "\x1b[1;31mcon\x1b[0m\n\x1b[1;31mflict\x1b[0m"
        );
        assert_eq!(on.lines(Tint::Plain, "agree"), "agree");
        assert_eq!(Paint::PLAIN.lines(Tint::Header, "topic"), "topic");
        assert_eq!(Tint::status("agree"), Tint::Agree);
        assert_eq!(Tint::status("single"), Tint::Plain);
    }
}
