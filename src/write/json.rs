//! Model → JSON: pretty, two-space indent, UTF-8 unescaped, trailing newline.
//! Field order is the model's, so the output is deterministic.

use std::io::{self, Write};

use crate::model::Interview;

/// Writes `interview` as pretty JSON with a trailing newline.
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    let mut bytes = Vec::with_capacity(16 << 10);
    super::jsonfmt::to_vec(&mut bytes, interview, true)?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}
