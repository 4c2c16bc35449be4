//! Model → NDJSON: the document as one line of compact JSON, fields in the
//! model's order, UTF-8 unescaped, then `\n`.
//!
//! A batch run (`crate::batch`) wraps each document in a record that names
//! its source, `{"path": "…", "interview": {…}}`; this writer is that
//! record's `interview`, alone.

use std::io::{self, Write};

use crate::model::Interview;

/// Writes `interview` as one line of compact JSON.
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    // serialised straight out, never held whole
    let mut out = io::BufWriter::with_capacity(64 << 10, out);
    serde_json::to_writer(&mut out, interview)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Appends `interview` as one line of compact JSON to `out`.
pub fn to_vec(interview: &Interview, out: &mut Vec<u8>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, interview)?;
    out.push(b'\n');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Source};

    #[test]
    fn one_line_that_reads_back_as_the_model() {
        let text = "LEE Hee-sup\nQ: Why \"now\"?\nA: Because.\nAnd then.\n已阅读人数: 427\n";
        let parsed = crate::load(&Source::from_text("t.txt", text), Format::Text);
        let interview = parsed.interview.unwrap();
        let mut out = Vec::new();
        write(&interview, &mut out).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert_eq!(line.matches('\n').count(), 1);
        assert!(line.ends_with("}\n"));
        let back: Interview = serde_json::from_str(&line).unwrap();
        assert_eq!(back, interview);
    }
}
