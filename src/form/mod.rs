//! The forms of raw interview text: what one line can be, read alone.
//!
//! Real pages mark turns (`Q:`, `问：`, `──`, `▶답변`), label speakers
//! (`LEE:`, `[앵커]`), print header fields (names, roles, dates, bylines)
//! and read counts (`已阅读人数: 427`, `조회수 1,234`) in a few hundred
//! shapes. Each shape is recognised here, by a rule that sees one line (or
//! one field) and nothing around it. The text reader ([`crate::read::text`])
//! builds its readings of a whole page on these rules; the text writer
//! ([`crate::write::text`]) asks the same rules how a line it writes will
//! read back. Neither imports the other.

pub(crate) mod chars;
pub mod count;
pub(crate) mod fields;
pub(crate) mod footer;
pub(crate) mod kind;
pub mod labels;
pub(crate) mod line;
pub(crate) mod markers;
pub(crate) mod names;
pub(crate) mod words;
