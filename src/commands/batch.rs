//! Many references in one invocation (`ocictl digest a b c`, or `-` to read them from stdin):
//! bounded concurrency over clones of one client — one connection pool, the tokens the first item
//! fetched, one disk cache — with results printed in input order and the worst exit code kept.
//! (`ref` sends nothing: its workers share no client, just `()`.)

use crate::exit::{self, Code, Failure};
use crate::output::{self, Printer};
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// A command's work for one reference, with what it works through (a client, or nothing).
pub type Item<'f, C> = dyn Fn(&mut C, &str, &Printer) -> Result<()> + Sync + 'f;

/// Runs `item` for each input: directly for a single reference, as a batch otherwise.
pub fn each<C: Clone + Send>(client: C, inputs: &[String], jobs: usize, out: &Printer, item: &Item<C>) -> Result<()> {
    let mut client = client;
    if let [single] = inputs {
        if single != "-" {
            return item(&mut client, single, out);
        }
    }
    let references = expand(inputs)?;
    if references.is_empty() {
        return Err(exit::fail(Code::Usage, "no references given (stdin was empty)"));
    }
    run(client, &references, jobs, out, item)
}

/// The inputs with `-` replaced by stdin's lines (blank lines and `#` comments skipped).
fn expand(inputs: &[String]) -> Result<Vec<String>> {
    let mut references = Vec::new();
    for input in inputs {
        if input != "-" {
            references.push(input.clone());
            continue;
        }
        for line in std::io::stdin().lock().lines() {
            let line = line.context("reading references from stdin")?;
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                references.push(line.to_string());
            }
        }
    }
    Ok(references)
}

/// What one item left: its output, or its error.
struct Outcome {
    output: Vec<u8>,
    error: Option<anyhow::Error>,
}

fn run<C: Clone + Send>(
    mut client: C,
    references: &[String],
    jobs: usize,
    out: &Printer,
    item: &Item<C>,
) -> Result<()> {
    // The first item alone: its challenge, credentials and token are then every worker's.
    let first = attempt(&mut client, &references[0], out, item);
    let next = AtomicUsize::new(1);
    let stop = AtomicBool::new(false);
    let (done, results) = mpsc::channel::<(usize, Outcome)>();
    let mut worst = Code::Ok;
    let mut failed = 0;
    let printed = std::thread::scope(|scope| -> Result<()> {
        for _ in 0..jobs.min(references.len().saturating_sub(1)) {
            let (mut client, done, next, stop) = (client.clone(), done.clone(), &next, &stop);
            // Each worker prints through its own copy of the settings (a printer is not shared).
            let out = out.for_item("");
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::SeqCst);
                if index >= references.len() || stop.load(Ordering::SeqCst) {
                    return;
                }
                if done.send((index, attempt(&mut client, &references[index], &out, item))).is_err() {
                    return;
                }
            });
        }
        drop(done);
        let mut pending = BTreeMap::from([(0, first)]);
        let mut position = 0;
        // Prints each outcome once all before it are printed; ends when the workers are done.
        let mut arrivals = results.iter();
        while position < references.len() {
            let Some(outcome) = pending.remove(&position) else {
                match arrivals.next() {
                    Some((index, outcome)) => {
                        pending.insert(index, outcome);
                        continue;
                    }
                    None => break,
                }
            };
            if let Err(e) = print(&references[position], outcome, out, &mut worst, &mut failed) {
                stop.store(true, Ordering::SeqCst);
                return Err(e);
            }
            position += 1;
        }
        Ok(())
    });
    printed?;
    if worst == Code::Ok {
        return Ok(());
    }
    let message = format!("{failed} of {} references failed", references.len());
    Err(Failure::new(worst, message).into())
}

fn attempt<C>(client: &mut C, reference: &str, out: &Printer, item: &Item<C>) -> Outcome {
    let printer = out.for_item(reference);
    let error = item(client, reference, &printer).err();
    Outcome { output: printer.take(), error }
}

/// Prints one outcome: its output, or its error (a JSON line with `error` and `exit_code` in
/// JSON mode, the usual error lines on stderr otherwise).
fn print(reference: &str, outcome: Outcome, out: &Printer, worst: &mut Code, failed: &mut usize) -> Result<()> {
    output::raw(&outcome.output)?;
    let Some(error) = outcome.error else { return Ok(()) };
    let code = exit::classify(&error);
    if code == Code::Ok {
        // A closed stdout: stop, and exit 0.
        return Err(error);
    }
    *failed += 1;
    *worst = (*worst).max(code);
    match out.json_wanted() {
        true => {
            let record = serde_json::json!({
                "reference": reference,
                "error": crate::sanitize::line(&format!("{error:#}")),
                "exit_code": code as u8,
            });
            output::raw(output::json_line(reference, &record)?.as_bytes())?;
        }
        false => {
            exit::report(&error, out.stderr_color);
        }
    }
    Ok(())
}
