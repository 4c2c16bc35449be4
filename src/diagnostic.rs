//! Problems found in an input, as data: what was found, where, and what was
//! expected. Readers return them beside the model; only the CLI renders them.

use std::fmt;
use std::ops::Range;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Information about the report itself, never a problem of the
    /// document: e.g. that reading stopped after `--max-errors` errors.
    Note,
    /// Something a person should look at; the document is still usable
    /// (an error under `--strict`).
    Warning,
    /// The document is unusable as it stands and is not written.
    Error,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// A stable identifier for each kind of problem, used by the
        /// machine-readable report formats.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The kebab-case name, e.g. `answer-before-question`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// What the code means, with an example (its documentation).
            pub fn description(self) -> &'static str {
                match self {
                    $(Code::$variant => concat!($($doc),*).trim_ascii_start(),)*
                }
            }
        }
    };
}

codes! {
    /// The input could not be read at all (a file that vanished, a directory).
    Io = "io",
    /// An input in which no document was found, e.g. an empty directory or
    /// a `--glob` that matches none of its files.
    NoDocument = "no-document",
    /// Nothing but white space, e.g. a zero-byte file.
    EmptyInput = "empty-input",
    /// NUL bytes or control characters throughout, e.g. a PDF or an image.
    BinaryData = "binary-data",
    /// A byte sequence the detected encoding cannot decode, e.g. `\xff` in UTF-8.
    MalformedBytes = "malformed-bytes",
    /// A character XML 1.0 forbids, e.g. U+0007 BEL inside an answer; removed.
    ControlCharacter = "control-character",
    /// No name of the person interviewed before the first question, e.g. a
    /// page opening with `Q:`: a warning at the first question; the
    /// exchanges are kept, in a model without `speaker`.
    MissingSpeaker = "missing-speaker",
    /// An answer marker before any question, e.g. `A: …` right after the header.
    AnswerBeforeQuestion = "answer-before-question",
    /// A question followed by another question or the end, e.g. `Q: a` `Q: b`.
    QuestionWithoutAnswer = "question-without-answer",
    /// A marker with nothing after it, e.g. a line `Q:`.
    EmptyTurn = "empty-turn",
    /// No question-and-answer exchange anywhere in the text.
    NoExchanges = "no-exchanges",
    /// More than one read-count line, e.g. `阅读 12` in the header and `已阅读人数: 427` below.
    DuplicateReadCount = "duplicate-read-count",
    /// A read-count line whose number cannot be read, e.g. `已阅读人数: many`.
    BadReadCount = "bad-read-count",
    /// The page shows no read count.
    NoReadCount = "no-read-count",
    /// Text between the header and the first question, kept as introduction.
    Introduction = "introduction",
    /// Text after the last answer that belongs to no turn, e.g. an editor's note or a byline; left out, reported at its line.
    TrailingText = "trailing-text",
    /// A likely extraction artifact, e.g. two words run together (`CooperationSecretariat`).
    ExtractionArtifact = "extraction-artifact",
    /// A line the page shows twice in a row, e.g. a question repeated
    /// above itself; the first copy is dropped.
    RepeatedLine = "repeated-line",
    /// A line that is page furniture, e.g. `分享到：微信 微博`; dropped.
    PageFurniture = "page-furniture",
    /// The interviewee's name as read is doubtful, e.g. a field key
    /// (`게시일`), a site line (`Home | News`), a headline, a sentence, or
    /// a line with no letters (`~~`): check it, or pin it with a profile.
    DoubtfulSpeaker = "doubtful-speaker",
    /// The role as read is doubtful, e.g. a date or a sentence.
    DoubtfulRole = "doubtful-role",
    /// The exchanges as read are doubtful, e.g. two readings of the page
    /// (which lines open turns) that score close.
    DoubtfulExchanges = "doubtful-exchanges",
    /// A read count that was left unread or read in doubt, e.g. a count
    /// inside a sentence (`本文已被阅读 997 次`).
    DoubtfulReadCount = "doubtful-read-count",
    /// JSON, XML or JSON-LD that is not well-formed, e.g. a missing `}`.
    Syntax = "syntax",
    /// A JSON or JSON-LD object that names one key twice, e.g.
    /// `{"read_count": 1, "read_count": 2}`: RFC 8259 leaves what it means
    /// to each parser, so it is refused rather than read one way.
    DuplicateKey = "duplicate-key",
    /// A document that is well-formed but breaks the schema, e.g. `"read_count": -1`.
    Schema = "schema",
    /// XML that is refused as unsafe, e.g. a `<!DOCTYPE` with entities.
    Unsafe = "unsafe",
    /// An input over a size, depth or count limit.
    Limit = "limit",
    /// A format that is only written, given as an input format, e.g. `markdown`.
    UnreadableFormat = "unreadable-format",
    /// A symbolic link met in a directory walk, skipped: links are followed
    /// only with `--follow`, or when named on the command line.
    SymbolicLink = "symbolic-link",
    /// A document the output format cannot carry as it is, e.g. an answer
    /// paragraph holding a line break for `--to text`; not written.
    Unwritable = "unwritable",
    /// An archive that cannot be read (a truncated `.tar.gz`, a damaged
    /// zip), or an entry refused, e.g. `../etc/passwd` or `/abs/path.txt`.
    Archive = "archive",
    /// A note that reading stopped once a document had as many errors as
    /// `--max-errors` asks for (e.g. 10): the rest of it was not checked.
    /// The document is invalid whatever the rest holds.
    TooManyErrors = "too-many-errors",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in one input.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// What kind of problem it is.
    pub code: Code,
    /// What was found, lowercase, no final period.
    pub message: String,
    /// Where, as a byte range into the source's decoded text; `None` for
    /// problems of the whole input.
    pub span: Option<Range<usize>>,
    /// What was expected instead.
    pub expected: Option<String>,
    /// A JSON pointer into the document, for schema violations.
    pub pointer: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(code: Code, message: impl Into<String>, span: Range<usize>) -> Self {
        Self::new(Severity::Error, code, message.into(), Some(span))
    }

    /// A warning at `span`.
    pub fn warning(code: Code, message: impl Into<String>, span: Range<usize>) -> Self {
        Self::new(Severity::Warning, code, message.into(), Some(span))
    }

    /// A problem of the whole input, with no place in it.
    pub fn whole(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        Self::new(severity, code, message.into(), None)
    }

    fn new(severity: Severity, code: Code, message: String, span: Option<Range<usize>>) -> Self {
        Diagnostic {
            severity,
            code,
            message,
            span,
            expected: None,
            pointer: None,
        }
    }

    /// Says what was expected instead.
    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    /// Names the JSON pointer of the offending value.
    pub fn at_pointer(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = Some(pointer.into());
        self
    }

    /// Whether this is an error, or a warning that `strict` promotes.
    pub fn is_fatal(&self, strict: bool) -> bool {
        match self.severity {
            Severity::Error => true,
            Severity::Warning => strict,
            Severity::Note => false,
        }
    }
}

/// How many errors to look for in one document: once it has that many,
/// its verdict (invalid) is known, and its reader stops rather than look
/// for more. The default looks for every error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ErrorLimit {
    /// The most errors looked for; `None` or `Some(0)` means no limit (as
    /// a compiler's `-fmax-errors=0`).
    pub max_errors: Option<usize>,
    /// Count warnings as errors, as `--strict` makes them.
    pub strict: bool,
}

impl ErrorLimit {
    /// A limit of `max_errors` errors (`None` or `0`: none).
    pub fn new(max_errors: Option<usize>, strict: bool) -> Self {
        ErrorLimit { max_errors, strict }
    }

    /// The number of errors, when there is a limit.
    fn max(self) -> Option<usize> {
        self.max_errors.filter(|&n| n > 0)
    }

    /// Whether `diagnostic` counts against the limit.
    fn counts(self, diagnostic: &Diagnostic) -> bool {
        diagnostic.is_fatal(self.strict)
    }

    /// The limit left for a later stage of reading (the schema check)
    /// once `found` holds the earlier stages' diagnostics; `None` when they
    /// hold as many errors as the limit allows already, and there is
    /// nothing more to look for.
    pub fn after(self, found: &[Diagnostic]) -> Option<ErrorLimit> {
        if self.max().is_none() {
            return Some(self);
        }
        let room = self.room(found);
        (room > 0).then_some(ErrorLimit {
            max_errors: Some(room),
            ..self
        })
    }

    /// How many more errors may be looked for once `found` holds the
    /// diagnostics found so far: `usize::MAX` without a limit.
    pub fn room(self, found: &[Diagnostic]) -> usize {
        let Some(max) = self.max() else {
            return usize::MAX;
        };
        max.saturating_sub(found.iter().filter(|d| self.counts(d)).count())
    }

    /// A tally of the errors found so far, to ask cheaply, as a list
    /// grows, whether the limit is reached.
    pub fn tally(self) -> Tally {
        Tally {
            limit: self,
            seen: 0,
            errors: 0,
        }
    }

    /// The note that closes a document whose reading stopped at the limit.
    fn note(max: usize) -> Diagnostic {
        Diagnostic::whole(
            Severity::Note,
            Code::TooManyErrors,
            format!(
                "stopped after {}; the rest of the document was not checked",
                plural(max, "error")
            ),
        )
        .expected("fewer errors, or a higher --max-errors (0 for no limit)")
    }

    /// Keeps `diagnostics` (in source order) up to the limit's last error
    /// and closes them with one [`Code::TooManyErrors`] note, when the
    /// reader stopped at the limit (`stopped`) or found more errors than
    /// it allows; otherwise leaves them as they are.
    pub fn cut(self, diagnostics: &mut Vec<Diagnostic>, stopped: bool) {
        let Some(max) = self.max() else { return };
        let Some(last) = diagnostics
            .iter()
            .enumerate()
            .filter(|(_, d)| self.counts(d))
            .nth(max - 1)
            .map(|(i, _)| i)
        else {
            return;
        };
        let more = diagnostics[last + 1..].iter().any(|d| self.counts(d));
        if stopped || more {
            diagnostics.truncate(last + 1);
            diagnostics.push(Self::note(max));
        }
    }
}

/// The errors of a list of diagnostics that only grows, counted once each
/// (see [`ErrorLimit::tally`]).
#[derive(Debug, Clone)]
pub struct Tally {
    limit: ErrorLimit,
    seen: usize,
    errors: usize,
}

impl Default for Tally {
    /// A tally under no limit.
    fn default() -> Self {
        ErrorLimit::default().tally()
    }
}

impl Tally {
    /// Whether `diagnostics`, the list this tally follows (grown since the
    /// last call, never shrunk), holds as many errors as the limit allows.
    pub fn is_full(&mut self, diagnostics: &[Diagnostic]) -> bool {
        let Some(max) = self.limit.max() else {
            return false;
        };
        let new = diagnostics.get(self.seen..).unwrap_or_default();
        self.errors += new.iter().filter(|d| self.limit.counts(d)).count();
        self.seen = diagnostics.len();
        self.errors >= max
    }
}

/// `1 error`, `10 errors`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Whether any diagnostic in `diagnostics` makes the document unusable.
pub fn any_fatal(diagnostics: &[Diagnostic], strict: bool) -> bool {
    diagnostics.iter().any(|d| d.is_fatal(strict))
}
