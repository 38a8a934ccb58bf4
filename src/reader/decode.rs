//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and
//! Windows-1252 as a fallback for text that is not valid UTF-8.

use crate::document::Encoding;

/// Text decoded from a file, with a map back to file offsets when the text's
/// bytes are not the file's bytes.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    pub file_offsets: Option<Vec<usize>>,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    OnlyWhitespace,
    Binary,
    InvalidUtf16,
    NotText,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DecodeError::Empty => "empty file",
            DecodeError::OnlyWhitespace => "file holds only white space",
            DecodeError::Binary => "binary file (NUL bytes), not text",
            DecodeError::InvalidUtf16 => "invalid UTF-16 after a UTF-16 byte-order mark",
            DecodeError::NotText => "not valid UTF-8, and not text in Windows-1252 either",
        })
    }
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, Encoding::Utf16Le)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, Encoding::Utf16Be)?
    } else if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => Decoded {
                text: text.to_string(),
                encoding: if bytes.starts_with(b"\xEF\xBB\xBF") {
                    Encoding::Utf8Bom
                } else {
                    Encoding::Utf8
                },
                file_offsets: None,
            },
            Err(_) => windows_1252(bytes)?,
        }
    };
    let decoded = Decoded {
        text: lone_cr_to_lf(decoded.text),
        ..decoded
    };
    if decoded
        .text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(DecodeError::OnlyWhitespace);
    }
    Ok(decoded)
}

/// Old Mac files end lines with a lone CR. The extractors walk lines by LF,
/// so a lone CR becomes LF: one byte for one byte, every offset unchanged.
/// CRLF stays as it is.
fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // An ASCII byte replaced by an ASCII byte keeps the text valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn utf16(rest: &[u8], encoding: Encoding) -> Result<Decoded, DecodeError> {
    if rest.len() % 2 != 0 {
        return Err(DecodeError::InvalidUtf16);
    }
    let units = rest.chunks_exact(2).map(|p| match encoding {
        Encoding::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
        _ => u16::from_le_bytes([p[0], p[1]]),
    });
    let mut text = String::with_capacity(rest.len());
    let mut offsets = Vec::with_capacity(rest.len() + 1);
    let mut at = 2; // after the BOM
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| DecodeError::InvalidUtf16)?;
        if c == '\0' {
            return Err(DecodeError::Binary);
        }
        offsets.extend(std::iter::repeat_n(at, c.len_utf8()));
        text.push(c);
        at += c.len_utf16() * 2;
    }
    offsets.push(at);
    Ok(Decoded {
        text,
        encoding,
        file_offsets: Some(offsets),
    })
}

fn windows_1252(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    // C0 controls other than tab and line ends mean this is not prose.
    if bytes
        .iter()
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
    {
        return Err(DecodeError::NotText);
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    let mut offsets = Vec::with_capacity(bytes.len() + 1);
    for (i, c) in text.chars().enumerate() {
        offsets.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    offsets.push(bytes.len());
    Ok(Decoded {
        text: text.into_owned(),
        encoding: Encoding::Windows1252,
        file_offsets: Some(offsets),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_cr_line_ends_are_read_as_lf_and_crlf_is_kept() {
        let d = decode(b"Storm hits coast\r\rPower is out.\r\nCrews work.\r").unwrap();
        assert_eq!(d.text, "Storm hits coast\n\nPower is out.\r\nCrews work.\n");
        assert_eq!(d.file_offsets, None);
    }

    #[test]
    fn utf8_is_taken_as_is() {
        let d = decode("Café Obrador".as_bytes()).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.file_offsets, None);
    }

    #[test]
    fn utf8_bom_stays_in_the_text() {
        let d = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.text, "\u{feff}Hello");
    }

    #[test]
    fn windows_1252_maps_offsets_back() {
        // "L\xF3pez" is López in Windows-1252: ó takes 2 bytes in UTF-8, 1 in the file.
        let d = decode(b"L\xF3pez said").unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.text, "López said");
        let map = d.file_offsets.unwrap();
        assert_eq!(map[d.text.find("pez").unwrap()], 2);
        assert_eq!(map[d.text.len()], 10);
    }

    #[test]
    fn utf16_le_with_bom() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Hé");
        assert_eq!(d.file_offsets.unwrap(), [2, 4, 4, 6]);
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t "), Err(DecodeError::OnlyWhitespace));
        assert_eq!(decode(b"PNG\0\0\x01"), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x81\x02\x03"), Err(DecodeError::NotText));
    }
}
