//! Model → JSON: pretty, two-space indent, UTF-8 unescaped, trailing newline.
//! Field order is the model's, so the output is deterministic.

use std::io::{self, Write};

use crate::model::Interview;

/// Writes `interview` as pretty JSON with a trailing newline.
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    // serialised straight out, never held whole
    let mut out = io::BufWriter::with_capacity(64 << 10, out);
    serde_json::to_writer_pretty(&mut out, interview)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Appends `interview` as pretty JSON with a trailing newline to `out`.
pub fn to_vec(interview: &Interview, out: &mut Vec<u8>) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, interview)?;
    out.push(b'\n');
    Ok(())
}
