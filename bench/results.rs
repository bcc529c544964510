//! bench/results.md, which several benches write: `cargo bench --bench compare` owns its body,
//! every other bench one summary line that starts with its own bold mark (`**…`). Each writer
//! keeps what the others wrote.

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/results.md");

/// A line another bench owns: a summary, which starts with a bold mark.
fn is_summary(line: &str) -> bool {
    line.starts_with("**")
}

fn read() -> String {
    std::fs::read_to_string(PATH).unwrap_or_default()
}

/// `lines` as the file's text: trailing blank lines dropped, one newline at the end.
fn write(mut lines: Vec<String>) {
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    std::fs::write(PATH, lines.join("\n") + "\n").expect("writing bench/results.md");
}

/// Replaces the body with `body`, keeping the other benches' summary lines after it.
pub fn write_body(body: &str) {
    let mut lines: Vec<String> = body.lines().map(str::to_string).collect();
    for summary in read().lines().filter(|l| is_summary(l)) {
        lines.extend([String::new(), summary.to_string()]);
    }
    write(lines);
}

/// Replaces the summary line that starts with `mark` (or adds it at the end), keeping the rest.
pub fn write_summary(mark: &str, line: &str) {
    let mut lines: Vec<String> = read().lines().filter(|l| !l.starts_with(mark)).map(str::to_string).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.extend([String::new(), line.to_string()]);
    write(lines);
}
