//! Line boundaries as the parser's spans promise them; shared by the
//! parser's property tests and the fuzz crate (`fuzz/src/lib.rs` includes
//! this file by path).

/// Byte offsets where a line ends (just after its terminator), excluding
/// `text.len()` itself. `\r\n` is one terminator; a lone `\r` is one too.
pub fn line_boundaries(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => {
                out.push(i + 2);
                i += 2;
            }
            b'\r' | b'\n' => {
                out.push(i + 1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    if out.last() == Some(&b.len()) {
        out.pop();
    }
    out
}
