//! Reading a document safely, for tools: a path or stdin (`-`), named
//! paths must be regular files (a FIFO, device or socket would hang or
//! never end), a size limit, text decoded from UTF-8 or UTF-16 (with or
//! without a byte-order mark), anything else refused as binary; and the
//! checks that keep an output from overwriting an input.
//!
//! ```
//! use lexalign::input::{decode, InputErrorKind};
//! assert_eq!(decode(b"\xef\xbb\xbfArticle 1").unwrap(), "Article 1");
//! assert_eq!(decode(b"A\0r\0t\0.\0 \x001\0").unwrap(), "Art. 1");
//! assert!(matches!(decode(b"\0\0\0\x07\x01"), Err(InputErrorKind::Binary { .. })));
//! ```

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The size limit of the tools when none is given: 256 MiB.
pub const DEFAULT_MAX_SIZE: u64 = 256 << 20;

/// Why an input cannot be read, or an output not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// Nothing at that path.
    #[error("no such file")]
    NotFound,
    /// The file may not be read.
    #[error("cannot read the file: permission denied")]
    PermissionDenied,
    /// A folder was named where a file was expected.
    #[error("is a folder, not a file (use --batch for a folder)")]
    Folder,
    /// A FIFO, device or socket: reading it could block forever.
    #[error("is a {what}, not a regular file")]
    NotRegular {
        /// What it is: `"FIFO"`, `"device"`, `"socket"` or `"special file"`.
        what: &'static str,
    },
    /// Larger than the limit.
    #[error("larger than the limit of {limit} bytes (--max-size)")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// Neither UTF-8 nor UTF-16 text.
    #[error(
        "not UTF-8 or UTF-16 text, looks like a binary file (first bad byte at offset {offset}); \
         if it is text, convert it first, e.g. iconv -f WINDOWS-1256 -t UTF-8"
    )]
    Binary {
        /// Byte offset of the first byte that is not text.
        offset: usize,
    },
    /// The output named is one of the inputs (or would be read as one).
    #[error("the output would overwrite {input}; choose another output path")]
    OutputIsInput {
        /// The input, as given.
        input: String,
    },
    /// Any other I/O error.
    #[error("cannot read the file: {0}")]
    Io(String),
}

/// An [`InputErrorKind`] with the path it concerns; shown as `path: reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{shown}: {kind}")]
pub struct InputError {
    shown: String,
    /// What went wrong.
    pub kind: InputErrorKind,
}

impl InputError {
    /// The error `kind` about `path` (`-` is shown as `stdin`).
    pub fn new(path: &Path, kind: InputErrorKind) -> InputError {
        InputError {
            shown: shown(path),
            kind,
        }
    }
}

/// A path as the tools show it: `stdin` for `-`, and a file name that is
/// not UTF-8 says so.
pub fn shown(path: &Path) -> String {
    if path == Path::new("-") {
        "stdin".to_string()
    } else if path.to_str().is_none() {
        format!("{} (file name not UTF-8)", path.display())
    } else {
        path.display().to_string()
    }
}

/// The kind of an I/O error as an [`InputErrorKind`].
fn io_kind(error: &std::io::Error) -> InputErrorKind {
    match error.kind() {
        std::io::ErrorKind::NotFound => InputErrorKind::NotFound,
        std::io::ErrorKind::PermissionDenied => InputErrorKind::PermissionDenied,
        _ => InputErrorKind::Io(error.to_string()),
    }
}

/// What a file that is not regular is, in words.
#[cfg(unix)]
fn special(file_type: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "FIFO"
    } else if file_type.is_block_device() || file_type.is_char_device() {
        "device"
    } else if file_type.is_socket() {
        "socket"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special(_: std::fs::FileType) -> &'static str {
    "special file"
}

/// The bytes of `path` (stdin for `-`), at most `max_size` of them.
///
/// # Errors
/// A path that does not exist, cannot be read, is not a regular file
/// (checked before opening, so a FIFO never blocks), or holds more than
/// `max_size` bytes.
pub fn read_bytes(path: &Path, max_size: u64) -> Result<Vec<u8>, InputError> {
    let error = |kind| InputError::new(path, kind);
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        let stdin = std::io::stdin();
        let mut limited = stdin.lock().take(max_size.saturating_add(1));
        limited
            .read_to_end(&mut bytes)
            .map_err(|e| error(io_kind(&e)))?;
    } else {
        let metadata = std::fs::metadata(path).map_err(|e| error(io_kind(&e)))?;
        if metadata.is_dir() {
            return Err(error(InputErrorKind::Folder));
        }
        if !metadata.is_file() {
            let what = special(metadata.file_type());
            return Err(error(InputErrorKind::NotRegular { what }));
        }
        if metadata.len() > max_size {
            return Err(error(InputErrorKind::TooLarge { limit: max_size }));
        }
        let file = std::fs::File::open(path).map_err(|e| error(io_kind(&e)))?;
        file.take(max_size.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| error(io_kind(&e)))?;
    }
    if bytes.len() as u64 > max_size {
        return Err(error(InputErrorKind::TooLarge { limit: max_size }));
    }
    Ok(bytes)
}

/// [`read_bytes`] then [`decode`]: the text of `path` (stdin for `-`).
///
/// # Errors
/// Those of [`read_bytes`], and [`InputErrorKind::Binary`].
pub fn read_text(path: &Path, max_size: u64) -> Result<String, InputError> {
    let bytes = read_bytes(path, max_size)?;
    decode(&bytes).map_err(|kind| InputError::new(path, kind))
}

/// The offset of the first sign that `text` is not text, if any: a NUL, or
/// control characters other than tab, line feed, form feed and carriage
/// return making up more than a tenth of it (a stray ESC or BEL is text).
fn first_binary(text: &str) -> Option<usize> {
    let odd = |c: char| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
    if let Some(nul) = text.find('\0') {
        return Some(nul);
    }
    let count = text.bytes().filter(|&b| odd(char::from(b))).count();
    (count * 10 > text.len()).then(|| text.find(odd).unwrap_or(0))
}

/// UTF-16 code units of `bytes` (an even number of them), little-endian or not.
fn utf16(bytes: &[u8], little: bool) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// Which UTF-16 byte order the NUL bytes of `bytes` suggest, if any: text
/// in UTF-16 without a byte-order mark has NULs in the high byte of every
/// ASCII character (spaces, digits, line feeds) and almost none in the
/// low byte.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(1 << 16) & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let units = sample.len() / 2;
    let lopsided = |many: usize, few: usize| many * 20 >= units && few * 50 <= many;
    if lopsided(odd, even) {
        Some(true)
    } else if lopsided(even, odd) {
        Some(false)
    } else {
        None
    }
}

/// The text of `bytes`: UTF-8 (a byte-order mark dropped), or UTF-16 with
/// a byte-order mark, or UTF-16 without one when its NUL bytes say so.
///
/// # Errors
/// [`InputErrorKind::Binary`] when the bytes are none of these, or hold
/// NUL or other control characters no text has.
pub fn decode(bytes: &[u8]) -> Result<String, InputErrorKind> {
    let binary = |offset| InputErrorKind::Binary { offset };
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        std::str::from_utf8(rest)
            .map(str::to_string)
            .map_err(|e| binary(e.valid_up_to() + 3))?
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        utf16(rest, true).ok_or(binary(0))?
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        utf16(rest, false).ok_or(binary(0))?
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) if first_binary(text).is_none() => text.to_string(),
            Ok(text) => utf16_order(bytes)
                .and_then(|little| utf16(bytes, little))
                .ok_or_else(|| binary(first_binary(text).unwrap_or(0)))?,
            Err(e) => utf16_order(bytes)
                .and_then(|little| utf16(bytes, little))
                .ok_or(binary(e.valid_up_to()))?,
        }
    };
    match first_binary(&text) {
        Some(offset) => Err(binary(offset)),
        None => Ok(text),
    }
}

/// `s` without control characters other than tab and line feed (ESC, BEL,
/// carriage return, C1 controls…), so that text from a document cannot
/// drive the terminal it is shown on.
///
/// ```
/// assert_eq!(lexalign::input::strip_controls("a\x1b]0;x\x07b\tc\n"), "a]0;xb\tc\n");
/// ```
pub fn strip_controls(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c.is_control() && c != '\t' && c != '\n') {
        Cow::Owned(
            s.chars()
                .filter(|&c| !c.is_control() || c == '\t' || c == '\n')
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// `path` with symlinks resolved; for a path that does not exist yet, its
/// folder resolved and its name kept.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(path) = path.canonicalize() {
        return Some(path);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(parent.canonicalize().ok()?.join(name))
}

/// Whether `a` and `b` name the same file (symlinks resolved; on Unix a
/// hard link too).
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!((resolved(a), resolved(b)), (Some(x), Some(y)) if x == y)
}

/// Refuses an `output` that is one of the `inputs` (`-` is stdin or
/// stdout and never a file).
///
/// # Errors
/// [`InputErrorKind::OutputIsInput`] naming the input.
pub fn check_output(output: &Path, inputs: &[PathBuf]) -> Result<(), InputError> {
    if output == Path::new("-") {
        return Ok(());
    }
    match inputs
        .iter()
        .find(|input| *input != Path::new("-") && same_file(output, input))
    {
        Some(input) => Err(InputError::new(
            output,
            InputErrorKind::OutputIsInput {
                input: shown(input),
            },
        )),
        None => Ok(()),
    }
}

/// Refuses a batch `output` that is one of the `inputs` or that a later
/// batch run over `dir` would read as a document (a `*.txt` file directly
/// in the folder, not hidden).
///
/// # Errors
/// [`InputErrorKind::OutputIsInput`].
pub fn check_batch_output(output: &Path, dir: &Path, inputs: &[PathBuf]) -> Result<(), InputError> {
    check_output(output, inputs)?;
    let name = output.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let in_folder = match (resolved(output), dir.canonicalize()) {
        (Some(out), Ok(dir)) => out.parent() == Some(dir.as_path()),
        _ => false,
    };
    if in_folder && name.ends_with(".txt") && !name.starts_with('.') {
        let input = format!("a document of the batch folder {}", dir.display());
        return Err(InputError::new(
            output,
            InputErrorKind::OutputIsInput { input },
        ));
    }
    Ok(())
}

/// A size such as `1000`, `64K`, `100M` or `2G` (binary multiples), for a
/// `--max-size` option.
///
/// ```
/// assert_eq!(lexalign::input::parse_size("100M"), Ok(100 << 20));
/// assert!(lexalign::input::parse_size("lots").is_err());
/// ```
///
/// # Errors
/// A message when `s` is not such a size.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("{s:?} is not a size (e.g. 500000, 64K, 100M, 2G)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v: Vec<u8> = if bom { vec![0xff, 0xfe] } else { vec![] };
        v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        v
    }

    #[test]
    fn decodes_utf8_and_utf16_with_and_without_bom() {
        let text = "مادة (1)\nيعمل بهذا القانون.\nArticle 1\n";
        assert_eq!(decode(text.as_bytes()).unwrap(), text);
        assert_eq!(decode(&utf16le(text, true)).unwrap(), text);
        assert_eq!(decode(&utf16le(text, false)).unwrap(), text);
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be).unwrap(), text);
        let mut be_bom = vec![0xfe, 0xff];
        be_bom.extend(&be);
        assert_eq!(decode(&be_bom).unwrap(), text);
    }

    #[test]
    fn binary_is_refused() {
        for bytes in [
            vec![0u8; 1000],
            b"Article 1\n\0\0\0\x01\x02".to_vec(),
            vec![0xff, 0x00, 0x13, 0x99, 0x00, 0x00, 0x07],
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
        ] {
            assert!(
                matches!(decode(&bytes), Err(InputErrorKind::Binary { .. })),
                "{bytes:?}"
            );
        }
        let windows_1256 = b"\xe3\xc7\xcf\xc9 (1)\n";
        assert_eq!(
            decode(windows_1256),
            Err(InputErrorKind::Binary { offset: 0 })
        );
    }

    #[test]
    fn strips_terminal_controls() {
        assert_eq!(strip_controls("T\x1b[2Jitle\x07\r\u{9b}x"), "T[2Jitlex");
        assert!(matches!(strip_controls("plain\ttext\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn size_limit_and_special_files() {
        let dir = std::env::temp_dir().join(format!("lexalign-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.txt");
        std::fs::write(&file, "Article 1\nText.\n").unwrap();
        assert!(read_text(&file, 100).is_ok());
        let err = read_text(&file, 5).unwrap_err();
        assert_eq!(err.kind, InputErrorKind::TooLarge { limit: 5 });
        assert_eq!(
            read_text(&dir, 100).unwrap_err().kind,
            InputErrorKind::Folder
        );
        #[cfg(target_os = "linux")]
        {
            let err = read_text(Path::new("/dev/zero"), 100).unwrap_err();
            assert_eq!(err.kind, InputErrorKind::NotRegular { what: "device" });
        }
        let missing = dir.join("missing.txt");
        assert_eq!(
            read_text(&missing, 9).unwrap_err().kind,
            InputErrorKind::NotFound
        );
        assert!(check_output(&file, std::slice::from_ref(&file)).is_err());
        assert!(check_output(&dir.join("./a.txt"), std::slice::from_ref(&file)).is_err());
        assert!(check_output(&missing, std::slice::from_ref(&file)).is_ok());
        assert!(check_batch_output(&missing, &dir, &[]).is_err());
        assert!(check_batch_output(&dir.join("report.jsonl"), &dir, &[]).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
