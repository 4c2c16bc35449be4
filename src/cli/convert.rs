//! `interview convert`: arguments → [`batch::Options`] and a destination,
//! then the run, with diagnostics, a progress bar on a terminal, the
//! summary and the report on the way.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use clap::Args;
use globset::{Glob, GlobSet, GlobSetBuilder};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use interview_kit::batch::{self, Destination, Limits, Outcome, Status, Summary, report::Report};
use interview_kit::write::wxr;
use interview_kit::{Format, Severity, Source};
use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::flag;

use super::exit::Exit;
use super::report::human::{self as render, Human};
use super::{InputArgs, InputKind, Names, count, parse_format, to_values};

/// Arguments of `convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Inputs: files, directories (read recursively), `.zip`, `.tar`,
    /// `.tar.gz` or `.tgz` archives (read in place); `-` reads standard
    /// input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
    /// Output format; repeat for several in one run (into `-o DIR`).
    #[arg(long, default_value = "json", value_name = "FORMAT", value_parser = Names { parse: parse_format, values: to_values })]
    to: Vec<Format>,
    /// Write here instead of standard output (`-`): a file for one input
    /// (or for `--to ndjson`, or `--to wxr` to a name ending with `.xml`),
    /// else a directory that mirrors the inputs' trees (with several
    /// inputs, each directory or archive under its name). Several documents
    /// to standard output, or to a name with a format's extension (`-o
    /// all.json`), are refused unless `--to ndjson` or `--to wxr`.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Read only the files (in directories) and entries (in archives)
    /// whose relative path matches; repeatable, e.g. `--glob '**/*.txt'`.
    /// By default every file whose extension names a readable format.
    #[arg(long, value_name = "GLOB")]
    glob: Vec<String>,
    /// Worker threads [default: one per core].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Replace outputs that already exist.
    #[arg(long)]
    force: bool,
    /// Leave a document whose outputs all exist unread, and its outputs as
    /// they are: resumes a run into `-o DIR` that was stopped.
    #[arg(long, conflicts_with = "force")]
    skip_existing: bool,
    /// Stop at the first input that fails.
    #[arg(long)]
    fail_fast: bool,
    /// Write a JSON record of every input's outcome to FILE (`-`: standard
    /// output, when the documents go to `-o`).
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Refuse documents (files, archive entries, standard input) larger
    /// than SIZE, e.g. `64MiB`, `500K`, `2GB`.
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    max_size: u64,
    /// Refuse archives that unpack to more than SIZE in all.
    #[arg(long, value_name = "SIZE", default_value = "16GiB", value_parser = parse_size)]
    max_archive_size: u64,
    /// Refuse archives with more than N entries.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    max_entries: u64,
    /// Look for at most N errors in each document (0: no limit). A document
    /// with N errors is invalid whatever the rest holds: its reading stops
    /// there and a note says the rest was not checked. Verdicts and the
    /// exit code do not change.
    #[arg(long, value_name = "N")]
    max_errors: Option<usize>,
    #[command(flatten)]
    wxr: WxrArgs,
    #[command(flatten)]
    pub(super) terminal: super::TerminalArgs,
}

/// What a WordPress import of `--to wxr` files makes of the posts: the
/// model does not say. Unset, each is the library's default
/// ([`wxr::Options::default`]).
#[derive(Debug, Args)]
#[command(next_help_heading = "WordPress (--to wxr)")]
struct WxrArgs {
    /// The status every post gets on import [default: draft].
    #[arg(long, value_enum, value_name = "STATUS")]
    wxr_status: Option<WxrStatus>,
    /// The login of the one author every post is attributed to; on import
    /// WordPress offers to map it to a user of the site [default: editor].
    #[arg(long, value_name = "LOGIN")]
    wxr_author: Option<String>,
    /// That author's display name; without it, the --wxr-author login
    /// when one is given [default: Editor].
    #[arg(long, value_name = "NAME")]
    wxr_author_name: Option<String>,
    /// The category every post is filed under [default: Interviews].
    #[arg(long, value_name = "NAME", conflicts_with = "wxr_no_category")]
    wxr_category: Option<String>,
    /// File the posts under no category.
    #[arg(long)]
    wxr_no_category: bool,
    /// The site's address, the channel's link and the base of each post's
    /// guid [default: https://example.invalid/].
    #[arg(long, value_name = "URL")]
    wxr_site_url: Option<String>,
    /// A channel title. None by default: WordPress's streaming importer
    /// makes a channel title the site's name.
    #[arg(long, value_name = "TITLE")]
    wxr_site_title: Option<String>,
    /// The channel language, a language tag such as `en` or `zh-Hans`
    /// [default: the first interview's].
    #[arg(long, value_name = "TAG")]
    wxr_language: Option<String>,
}

/// WordPress's post statuses an import can give.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum WxrStatus {
    /// Saved, not published.
    Draft,
    /// Waiting for an editor's review.
    Pending,
    /// Published on import.
    Publish,
    /// Published, visible to logged-in editors only.
    Private,
}

impl WxrArgs {
    /// Whether any option was given.
    fn any(&self) -> bool {
        self.wxr_status.is_some()
            || self.wxr_author.is_some()
            || self.wxr_author_name.is_some()
            || self.wxr_category.is_some()
            || self.wxr_no_category
            || self.wxr_site_url.is_some()
            || self.wxr_site_title.is_some()
            || self.wxr_language.is_some()
    }

    /// The library's options with the ones given, each checked: a value
    /// WordPress would refuse or misread is a usage error here, not a
    /// failure of every document.
    fn options(&self) -> Result<wxr::Options, String> {
        let mut options = wxr::Options::default();
        if let Some(status) = self.wxr_status {
            options.status = match status {
                WxrStatus::Draft => wxr::Status::Draft,
                WxrStatus::Pending => wxr::Status::Pending,
                WxrStatus::Publish => wxr::Status::Publish,
                WxrStatus::Private => wxr::Status::Private,
            };
        }
        if let Some(login) = &self.wxr_author {
            // WordPress keeps logins of at most 60 characters, and strips
            // what its `sanitize_user` does not keep
            let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '_' | '.' | '-' | '@');
            if login.trim().is_empty() || login.chars().count() > 60 || !login.chars().all(allowed)
            {
                return Err(format!(
                    "--wxr-author `{}`: expected a login of 1 to 60 letters, digits, spaces and `_.-@`",
                    login.escape_debug()
                ));
            }
            options.author_login = login.clone();
            // the default "Editor" names the default login only
            options.author_display_name = login.clone();
        }
        if let Some(name) = &self.wxr_author_name {
            options.author_display_name = text("--wxr-author-name", name)?;
        }
        if let Some(category) = &self.wxr_category {
            options.category = Some(text("--wxr-category", category)?);
        }
        if self.wxr_no_category {
            options.category = None;
        }
        if let Some(url) = &self.wxr_site_url {
            let rest = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"));
            if !rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace)) {
                return Err(format!(
                    "--wxr-site-url `{url}`: expected an http:// or https:// address"
                ));
            }
            options.site_url = url.clone();
        }
        if let Some(title) = &self.wxr_site_title {
            options.site_title = Some(text("--wxr-site-title", title)?);
        }
        if let Some(tag) = &self.wxr_language {
            let well_formed = tag.split('-').all(|part| {
                (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
            });
            if !well_formed {
                return Err(format!(
                    "--wxr-language `{tag}`: expected a language tag such as `en` or `zh-Hans`"
                ));
            }
            options.language = Some(tag.clone());
        }
        Ok(options)
    }
}

/// A text option's value: not blank, and no control character (which XML
/// cannot carry).
fn text(flag: &str, value: &str) -> Result<String, String> {
    if value.trim().is_empty() || value.chars().any(char::is_control) {
        return Err(format!(
            "{flag} `{}`: expected text, not blank, without control characters",
            value.escape_debug()
        ));
    }
    Ok(value.to_owned())
}

/// `64MiB`, `500K`, `2GB`, `1048576` → bytes. K, M, G, T and KiB, MiB …
/// are powers of 1024; KB, MB … powers of 1000.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let unit = unit.trim().to_ascii_lowercase();
    let scale: u64 = match unit.as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "t" | "tib" => 1 << 40,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        _ => {
            return Err(format!(
                "unknown size unit `{unit}`; expected K, M, G, T, KiB … or KB …"
            ));
        }
    };
    let number: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size; expected e.g. 64MiB"))?;
    let bytes = number * scale as f64;
    if !(0.0..1.8e19).contains(&bytes) {
        return Err(format!("`{text}` is out of range"));
    }
    Ok(bytes as u64)
}

/// Runs `convert`.
pub fn run(args: &ConvertArgs, human: &mut Human) -> Exit {
    let mut options = match options(args) {
        Ok(options) => options,
        Err(message) => {
            human.error(&message);
            return Exit::Failure;
        }
    };
    let is_batch = args.inputs.len() > 1
        || args
            .inputs
            .iter()
            .any(|p| p.is_dir() || batch::input::is_archive(p));
    if !is_batch {
        // one document: no threads to start
        options.jobs = 1;
    }
    if let Err(message) = check_destination(args, is_batch || options.records) {
        human.error(&message);
        return Exit::Failure;
    }
    if args.skip_existing && !matches!(destination(args), Some(Destination::Dir(_))) {
        human.error("--skip-existing applies to a mirrored tree (-o DIR) only");
        return Exit::Failure;
    }
    // SIGINT and SIGTERM stop the run cleanly: temporary files removed,
    // the report and summary of what finished written; a second one ends
    // the process at once (the next run removes what it left)
    let signal = Arc::new(AtomicUsize::new(0));
    for number in [SIGINT, SIGTERM] {
        let code = 128 + number;
        let _ = flag::register_conditional_shutdown(number, code, Arc::clone(&options.stop));
        let _ = flag::register(number, Arc::clone(&options.stop));
        let _ = flag::register_usize(number, Arc::clone(&signal), code as usize);
    }
    let mut report = match args.report.as_deref() {
        Some(path) if path == Path::new("-") => Some(Report::to_writer(Box::new(io::stdout()))),
        Some(path) => match Report::create(path, args.force) {
            Ok(report) => Some(report),
            Err(err) => {
                human.error(&err.to_string());
                return Exit::Failure;
            }
        },
        None => None,
    };
    let quiet = args.terminal.quiet;
    // the number of documents is known when every input is one
    let total = (!options.records
        && args
            .inputs
            .iter()
            .all(|p| p == Path::new("-") || p.is_file() && !batch::input::is_archive(p)))
    .then_some(args.inputs.len() as u64);
    let progress = progress_bar(is_batch && !quiet, total);
    let colour = human.colour();
    let strict = args.input.strict;
    // --quiet: errors only (under --strict, warnings are errors already),
    // and the note that says a document's errors were not all looked for
    let shown = move |severity: Severity| !quiet || severity != Severity::Warning;
    let annotate = move |source: &Source, diagnostics: &[interview_kit::Diagnostic]| {
        if quiet {
            let errors: Vec<_> = diagnostics
                .iter()
                .filter(|d| shown(d.severity))
                .cloned()
                .collect();
            return render::render(source, &errors, strict, colour);
        }
        render::render(source, diagnostics, strict, colour)
    };
    let mut exit = Exit::Ok;
    let mut report_error = None;
    let (mut done, mut read) = (0, 0);
    let mut observe = |outcome: &Outcome, rendered: Option<Vec<u8>>| {
        exit = exit.merge(match outcome.status {
            Status::Converted => Exit::Ok,
            Status::Invalid => Exit::Invalid,
            Status::Failed => Exit::Failure,
        });
        let unrendered: Vec<_> = outcome.diagnostics[outcome.in_source..]
            .iter()
            .filter(|l| shown(l.diagnostic.severity))
            .collect();
        if rendered.as_ref().is_some_and(|r| !r.is_empty()) || !unrendered.is_empty() {
            progress.suspend(|| {
                if let Some(rendered) = &rendered {
                    human.write(rendered);
                }
                for located in unrendered {
                    let at = located.position.map(|(start, _)| start);
                    human.whole(&outcome.path, &located.diagnostic, at);
                }
            });
        }
        if let Some(report) = &mut report
            && report_error.is_none()
            && let Err(err) = report.record(outcome)
        {
            report_error = Some(err);
        }
        if !progress.is_hidden() {
            done += 1;
            read += outcome.bytes;
            progress.set_message(progress_message(done, total, read));
        }
    };
    let stdout = io::stdout();
    let mut stream;
    let destination = match destination(args) {
        Some(destination) => destination,
        None => {
            stream = BufWriter::with_capacity(256 << 10, stdout.lock());
            Destination::Stream(&mut stream)
        }
    };
    let result = batch::run(&args.inputs, &options, destination, &annotate, &mut observe);
    progress.finish_and_clear();
    let summary = match result {
        Ok(summary) => summary,
        // the reader went away (`| head`): not an error
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => return exit,
        Err(err) => {
            human.error(&err.to_string());
            return Exit::Failure;
        }
    };
    if let Some(report) = report {
        let result = match report_error {
            Some(err) => Err(err),
            None => report.finish(&summary),
        };
        if let Err(err) = result {
            human.error(&err.to_string());
            exit = exit.merge(Exit::Failure);
        }
    }
    if (is_batch || summary.interrupted) && !quiet {
        let _ = writeln!(io::stderr(), "{}", summary_line(&summary));
    }
    if summary.interrupted {
        exit = exit.merge(match signal.load(Ordering::Relaxed) {
            143 => Exit::Terminated,
            _ => Exit::Interrupted,
        });
    }
    exit
}

impl ConvertArgs {
    /// The `-o` path, unless it is `-` (standard output).
    fn output(&self) -> Option<&Path> {
        self.output.as_deref().filter(|out| *out != Path::new("-"))
    }
}

/// Refuses a destination that cannot hold what the run makes: several
/// documents (`many`: several inputs, a directory, an archive, records)
/// run together on standard output into one invalid stream (but NDJSON
/// and one WXR file hold many), or a directory made under a name that
/// says it is one file (`-o all.json`); and a report on standard output
/// that the documents go to as well. An error is a usage error.
fn check_destination(args: &ConvertArgs, many: bool) -> Result<(), String> {
    let stream = args.to == [Format::Ndjson] || args.to == [Format::Wxr];
    let what = || match &args.inputs[..] {
        [one] if one.is_dir() => format!("the directory {} holds", one.display()),
        [one] if batch::input::is_archive(one) => format!("the archive {} holds", one.display()),
        [one] => format!("the records of {} make", one.display()),
        inputs => format!("{} inputs make", inputs.len()),
    };
    let Some(out) = args.output() else {
        if args.report.as_deref() == Some(Path::new("-")) {
            return Err(
                "--report - and the documents would share standard output; write the \
                 documents with -o OUT, or the report with --report FILE"
                    .into(),
            );
        }
        if many && !stream {
            return Err(format!(
                "{} several documents, which would run together on standard output as \
                 one invalid {} stream; write them to a directory with -o DIR, or one \
                 record a line with --to ndjson",
                what(),
                args.to[0]
            ));
        }
        return Ok(());
    };
    let file_like = out.extension().is_some_and(|ext| {
        let ext = ext.to_string_lossy().to_ascii_lowercase();
        ext == "text"
            || Format::ALL
                .iter()
                .any(|f| f.extension().rsplit('.').next() == Some(ext.as_str()))
    });
    if many
        && !stream
        && file_like
        && !out.exists()
        && !out.as_os_str().to_string_lossy().ends_with(['/', '\\'])
    {
        let dir = out.with_extension("");
        return Err(format!(
            "-o {}: {} several documents, and that name is a file's; write them to a \
             directory with -o {}/ (a trailing / keeps a name with an extension a \
             directory), or to one file with --to ndjson -o {}",
            out.display(),
            what(),
            dir.display(),
            dir.with_extension("ndjson").display()
        ));
    }
    Ok(())
}

/// The batch options the arguments ask for; an error is a usage error.
fn options(args: &ConvertArgs) -> Result<batch::Options, String> {
    if let Some(format) = args.input.format().filter(|f| !f.is_readable()) {
        return Err(format!(
            "--from {format}: {format} can be written, not read"
        ));
    }
    if args.to.contains(&Format::Ndjson) && args.to.len() > 1 {
        return Err(
            "--to ndjson writes one stream and cannot be combined with other formats".into(),
        );
    }
    let mut to = Vec::with_capacity(args.to.len());
    for &format in &args.to {
        if !to.contains(&format) {
            to.push(format);
        }
    }
    if to.len() > 1 && args.output().is_none() {
        return Err("several --to formats need an output directory (-o DIR)".into());
    }
    if args.wxr.any() && !to.contains(&Format::Wxr) {
        return Err("the --wxr-… options apply to --to wxr only".into());
    }
    Ok(batch::Options {
        from: args.input.format(),
        records: args.input.from == Some(InputKind::Records),
        encoding: args.input.encoding,
        strict: args.input.strict,
        to,
        select: globs(&args.glob)?,
        jobs: args.jobs.map_or(0, usize::from),
        limits: Limits {
            max_size: args.max_size,
            max_archive_size: args.max_archive_size,
            max_entries: args.max_entries,
        },
        max_errors: args.max_errors,
        follow: args.input.follow,
        fail_fast: args.fail_fast,
        force: args.force,
        skip_existing: args.skip_existing,
        stop: Arc::default(),
        wxr: args.wxr.options()?,
    })
}

pub(super) fn globs(patterns: &[String]) -> Result<Option<GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        set.add(Glob::new(pattern).map_err(|err| format!("--glob {pattern}: {err}"))?);
    }
    set.build().map(Some).map_err(|err| err.to_string())
}

/// Where `-o` sends the documents; `None` is standard output.
///
/// `-o` names a file for `--to ndjson`, for `--to wxr` when it ends with
/// `.xml` (one WXR file holds every interview), and for one input that is
/// a single document (a file or `-`) in one format, unless it is an
/// existing directory or ends with `/`; otherwise a directory.
fn destination<'w>(args: &ConvertArgs) -> Option<Destination<'w>> {
    let out = args.output()?.to_path_buf();
    if args.to == [Format::Ndjson] {
        return Some(Destination::File(out));
    }
    // records hold many documents, whatever holds them
    let single = match &args.inputs[..] {
        [_] if args.input.from == Some(InputKind::Records) => false,
        [one] => one == Path::new("-") || (one.is_file() && !batch::input::is_archive(one)),
        _ => false,
    };
    let names_dir = out.is_dir() || out.as_os_str().to_string_lossy().ends_with(['/', '\\']);
    // one WXR file holds a batch's every interview: `-o NAME.xml` names it
    let one_wxr = args.to == [Format::Wxr]
        && out
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("xml"));
    let one_file = (single && args.to.len() == 1) || one_wxr;
    Some(if one_file && !names_dir {
        Destination::File(out)
    } else {
        Destination::Dir(out)
    })
}

/// A progress line on a terminal; hidden in pipes, under CI, and for one
/// input (`show` is false). `total` is the number of documents, when known.
fn progress_bar(show: bool, total: Option<u64>) -> ProgressBar {
    let terminal = io::stderr().is_terminal()
        && std::env::var_os("CI").is_none()
        && std::env::var("TERM").map_or(true, |t| t != "dumb");
    if !(show && terminal) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg}, {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(progress_message(0, total, 0));
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// `120/20000 files, 12.3 MiB read`; `120 files, …` when the total is not
/// known (directories and archives are read as they are walked).
fn progress_message(done: u64, total: Option<u64>, bytes: u64) -> String {
    let files = match total {
        Some(total) => format!("{done}/{}", count(total, "file")),
        None => count(done, "file"),
    };
    format!("{files}, {} read", batch::human_bytes(bytes))
}

/// `20000 files: 19998 converted, 1 invalid, 1 failed; 2013 warnings, 3 errors; 247.5 MiB in 3.21 s`
fn summary_line(summary: &Summary) -> String {
    let mut line = format!(
        "{}: {} converted",
        count(summary.files, "file"),
        summary.documents
    );
    if summary.skipped > 0 {
        line.push_str(&format!(", {} skipped", summary.skipped));
    }
    if summary.invalid > 0 {
        line.push_str(&format!(", {} invalid", summary.invalid));
    }
    if summary.failed > 0 {
        line.push_str(&format!(", {} failed", summary.failed));
    }
    let seconds = summary.elapsed.as_secs_f64();
    line.push_str(&format!(
        "; {}, {}; {} in {seconds:.2} s",
        count(summary.warnings, "warning"),
        count(summary.errors, "error"),
        batch::human_bytes(summary.bytes),
    ));
    if summary.stopped {
        line.push_str(" (stopped at the first failure: --fail-fast)");
    }
    if summary.interrupted {
        line.push_str(" (interrupted: what finished is kept; --skip-existing resumes a tree)");
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_in_words() {
        let mut summary = Summary {
            files: 1,
            documents: 1,
            warnings: 1,
            ..Summary::default()
        };
        let line = summary_line(&summary);
        assert!(
            line.starts_with("1 file: 1 converted; 1 warning, 0 errors; "),
            "{line}"
        );
        summary.files = 2;
        summary.errors = 1;
        summary.warnings = 0;
        let line = summary_line(&summary);
        assert!(
            line.starts_with("2 files: 1 converted; 0 warnings, 1 error; "),
            "{line}"
        );
    }

    #[test]
    fn the_progress_line_counts_files_and_bytes_from_the_start() {
        assert_eq!(progress_message(0, Some(3), 0), "0/3 files, 0 B read");
        assert_eq!(
            progress_message(2, Some(3), 3 << 20),
            "2/3 files, 3.0 MiB read"
        );
        assert_eq!(progress_message(1, None, 512), "1 file, 512 B read");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("500k"), Ok(500 << 10));
        assert_eq!(parse_size("2GB"), Ok(2_000_000_000));
        assert_eq!(parse_size("1.5K"), Ok(1536));
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert!(parse_size("12 parsecs").is_err());
        assert!(parse_size("MiB").is_err());
    }

    #[test]
    fn summary_names_what_failed() {
        let summary = Summary {
            files: 3,
            documents: 1,
            invalid: 1,
            failed: 1,
            skipped: 0,
            warnings: 2,
            errors: 2,
            bytes: 2048,
            elapsed: Duration::from_millis(1500),
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&summary),
            "3 files: 1 converted, 1 invalid, 1 failed; 2 warnings, 2 errors; 2.0 KiB in 1.50 s"
        );
    }

    #[test]
    fn summary_says_what_was_skipped_and_that_the_run_was_interrupted() {
        let summary = Summary {
            files: 3,
            documents: 1,
            skipped: 2,
            interrupted: true,
            ..Summary::default()
        };
        let line = summary_line(&summary);
        assert!(
            line.starts_with("3 files: 1 converted, 2 skipped; "),
            "{line}"
        );
        assert!(
            line.ends_with("(interrupted: what finished is kept; --skip-existing resumes a tree)"),
            "{line}"
        );
    }
}
