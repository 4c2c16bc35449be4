//! Model → raw interview text in the seed's layout: speaker line, role line,
//! introduction paragraphs, `Q:`/`A:` exchanges with one paragraph per line,
//! and the read-count footer. Reading the output back gives the same model.

use std::io::{self, Write};

use crate::model::Interview;

/// Writes `interview` as raw interview text.
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", interview.speaker.name)?;
    if let Some(role) = &interview.role {
        writeln!(out, "{}", role.text)?;
    }
    for paragraph in &interview.introduction {
        writeln!(out, "{paragraph}")?;
    }
    let (q, a) = if interview.language.as_deref() == Some("zh") {
        ("问：", "答：")
    } else {
        ("Q: ", "A: ")
    };
    for exchange in &interview.exchanges {
        writeln!(out, "{q}{}", exchange.question)?;
        for (i, paragraph) in exchange.answer.iter().enumerate() {
            let marker = if i == 0 { a } else { "" };
            writeln!(out, "{marker}{paragraph}")?;
        }
    }
    match (&interview.read_count_text, interview.read_count) {
        (Some(text), _) => writeln!(out, "{text}")?,
        (None, Some(count)) => writeln!(out, "已阅读人数: {count}")?,
        (None, None) => {}
    }
    Ok(())
}
