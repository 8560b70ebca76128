//! Reading input files, with limits so a wrong or hostile file gives an error, not a hang.

use std::io::Read;
use std::path::Path;

/// The largest answers file read: the largest realistic one is well under 1 MiB.
pub const MAX_ANSWERS_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a UTF-8 text file of at most `limit` bytes.
pub fn read_text(path: &Path, limit: u64) -> Result<String, String> {
    let shown = path.display();
    let file =
        std::fs::File::open(path).map_err(|error| format!("cannot open {shown}: {error}"))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot read {shown}: {error}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{shown} is larger than {} MiB: not an answers file",
            limit / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("{shown} is not UTF-8 text"))
}
