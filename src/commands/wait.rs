//! `ocictl wait`: look at a manifest with HEAD requests until it exists or its tag moves, for
//! pipelines that wait for an image to be published. The pause between looks is a pure function.

use super::Context;
use crate::args::{OutputArgs, RegistryArgs};
use crate::client::error::{kind_of, Kind};
use crate::client::poll::{Look, Polled};
use crate::client::{Client, ClientOptions};
use crate::digest::Digest;
use crate::exit::{Code, Failure};
use crate::reference::Reference;
use crate::source::{parse_reference, shown};
use crate::trace::Trace;
use anyhow::Result;
use std::time::{Duration, Instant};

/// Failed looks in a row double the pause up to this (or the interval, if longer).
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// Wait until an image exists, or until its tag points at another digest
///
/// Looks with a HEAD request (which Docker Hub does not count as a pull) every --interval
/// seconds; a look that fails (the registry unreachable, 408, 429, 5xx) doubles the pause, and a
/// registry's Retry-After or spent rate-limit window lengthens it. Prints the digest and exits 0
/// once the condition holds; at the --timeout deadline exits 3, saying what it waited for. A 404
/// while waiting for the image to exist is no error; refused credentials and other errors exit as
/// any command does. The deadline is --timeout, 30 s as for every command unless given: give the
/// time you mean to wait.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The image, e.g. ghcr.io/owner/app:v2 (or app@sha256:… to wait for a digest to exist)
    #[arg(value_name = "IMAGE")]
    image: String,

    /// What to wait for: the manifest to exist, or the tag to point at another digest [default:
    /// exists, or changed with --from]
    #[arg(long, value_enum, value_name = "CONDITION")]
    until: Option<Until>,

    /// The digest the tag must change from [default: the digest it has at the first look]
    #[arg(long, value_name = "DIGEST", value_parser = digest)]
    from: Option<Digest>,

    /// Seconds between looks (fractions allowed)
    #[arg(long, value_name = "SECONDS", value_parser = interval, default_value = "5")]
    interval: Duration,

    #[command(flatten)]
    output: OutputArgs,

    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    (
        "ocictl wait ghcr.io/owner/app:v2 --timeout 600",
        "Wait up to ten minutes for a release to be published, then print its digest",
    ),
    ("ocictl wait nginx:latest --until changed --interval 60 --timeout 86400", "Wait for a tag to move"),
    (
        "ocictl wait localhost:5000/app:main --from sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa --timeout 300",
        "Wait for a tag to move away from a digest seen earlier (no race with the push)",
    ),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Until {
    /// The manifest exists
    Exists,
    /// The tag points at another digest than at the start (or than --from)
    Changed,
}

/// What the wait ends on.
#[derive(Debug)]
enum Condition {
    Exists,
    /// Another digest than this one; None until the first look has seen the tag's.
    Changed(Option<Digest>),
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let reference = parse_reference(&args.image)?;
    let condition = condition(&args, &reference)?;
    let options = context.client_options(&args.registry)?;
    let deadline = Instant::now() + options.timeouts.total;
    let mut poller = Poller::new(options, context.trace, deadline);
    let digest = wait(&mut poller, &reference, condition, args.interval)?;
    let out = context.printer(args.output.json, &args.output.query);
    if out.json_wanted() {
        return out.json(&serde_json::json!({ "reference": shown(&reference), "digest": digest.to_string() }));
    }
    out.raw(format!("{digest}\n").as_bytes())?;
    Ok(())
}

fn condition(args: &Args, reference: &Reference) -> Result<Condition> {
    let usage = |message: &str, hint: &str| Err(Failure::new(Code::Usage, message).hint(hint).into());
    match (args.until, &args.from) {
        (Some(Until::Exists), Some(_)) => {
            usage("--from is the digest to change from, and --until exists waits for no change", "drop one of them")
        }
        (Some(Until::Changed), _) | (None, Some(_)) if reference.digest().is_some() => usage(
            "a manifest named by its digest never changes",
            "wait for a tag to change, or drop --until changed and --from to wait for the digest to exist",
        ),
        (Some(Until::Changed), from) | (None, from @ Some(_)) => Ok(Condition::Changed(from.clone())),
        (Some(Until::Exists) | None, None) => Ok(Condition::Exists),
    }
}

/// Looks until the condition holds (its digest), the deadline passes, or an error that waiting
/// will not cure.
fn wait(poller: &mut Poller, reference: &Reference, mut condition: Condition, interval: Duration) -> Result<Digest> {
    let (mut failures, mut problem) = (0, None);
    loop {
        if Instant::now() >= poller.deadline {
            return Err(gave_up(reference, &condition, poller.timeout, problem.as_deref()));
        }
        let hold_off;
        (problem, hold_off) = match step(&mut condition, poller.look(reference), reference)? {
            Step::Done(digest) => return Ok(digest),
            Step::Again { problem, hold_off } => (problem, hold_off),
        };
        failures = if problem.is_some() { failures + 1 } else { 0 };
        let pause = pause(interval, failures, hold_off);
        let left = poller.deadline.saturating_duration_since(Instant::now());
        if let Some(asked) = hold_off.filter(|asked| *asked > left && !left.is_zero()) {
            return Err(held_off(reference, &condition, asked, problem.as_deref()));
        }
        let seen = match (&problem, &condition) {
            (Some(problem), _) => problem.clone(),
            (None, Condition::Changed(Some(from))) => format!("still {from}"),
            (None, _) => "not there yet (404)".to_string(),
        };
        let next = match pause < left {
            true => format!("looking again in {:.1} s", pause.as_secs_f64()),
            false => format!("the deadline comes first, in {:.1} s", left.as_secs_f64()),
        };
        poller.trace.note(&format!("{seen}: {next}"));
        std::thread::sleep(pause.min(left));
    }
}

/// What one look decided.
enum Step {
    Done(Digest),
    /// Look again; `problem` says why the look failed, if it did.
    Again {
        problem: Option<String>,
        hold_off: Option<Duration>,
    },
}

fn step(condition: &mut Condition, polled: Result<Polled>, reference: &Reference) -> Result<Step> {
    let again = |hold_off| Ok(Step::Again { problem: None, hold_off });
    let polled = match polled {
        Ok(polled) => polled,
        // Unreachable, timed out, or rate limited past what the transport waits out: look later.
        Err(e) => match kind_of(&e) {
            Some(Kind::Network) => return Ok(Step::Again { problem: Some(format!("{e:#}")), hold_off: None }),
            Some(Kind::RateLimited { wait }) => {
                return Ok(Step::Again { problem: Some(format!("{e:#}")), hold_off: wait })
            }
            _ => return Err(e),
        },
    };
    match (polled.look, condition) {
        (Look::Found(digest), Condition::Exists) => Ok(Step::Done(digest)),
        (Look::Found(digest), Condition::Changed(Some(from))) if digest != *from => Ok(Step::Done(digest)),
        (Look::Found(digest), Condition::Changed(start @ None)) => {
            *start = Some(digest);
            again(polled.hold_off)
        }
        (Look::Found(_), Condition::Changed(Some(_))) => again(polled.hold_off),
        (Look::Missing, Condition::Changed(None)) => {
            Err(Failure::new(Code::NotFound, format!("{} does not exist, so it cannot change", shown(reference)))
                .hint("wait for it to appear with --until exists, or give the digest to change from with --from")
                .into())
        }
        (Look::Missing, _) => again(polled.hold_off),
        (Look::Busy(status), _) => Ok(Step::Again { problem: Some(status), hold_off: polled.hold_off }),
    }
}

/// The pause before the next look: the interval, doubled for each failed look in a row (up to
/// [`MAX_BACKOFF`], or the interval if that is longer), and never shorter than the registry asked.
fn pause(interval: Duration, failures: u32, hold_off: Option<Duration>) -> Duration {
    let backoff = interval.saturating_mul(1 << failures.min(16)).min(MAX_BACKOFF.max(interval));
    hold_off.map_or(backoff, |asked| asked.max(backoff))
}

/// What the wait was for, for the message at its end.
fn waited_for(reference: &Reference, condition: &Condition) -> String {
    let shown = shown(reference);
    match condition {
        Condition::Exists => format!("{shown} to exist"),
        Condition::Changed(Some(from)) => format!("{shown} to change from {from}"),
        Condition::Changed(None) => format!("{shown} to answer (its digest to change from)"),
    }
}

/// The deadline passed (exit 3).
fn gave_up(reference: &Reference, condition: &Condition, timeout: Duration, problem: Option<&str>) -> anyhow::Error {
    let mut message =
        format!("gave up after {} s waiting for {}", timeout.as_secs_f64(), waited_for(reference, condition));
    if let Some(problem) = problem {
        message.push_str(&format!(" (the last look: {problem})"));
    }
    Failure::new(Code::Network, message).hint("give it longer with --timeout SECONDS").into()
}

/// The registry asks to be left alone past the deadline (exit 7): no use sleeping until then.
fn held_off(reference: &Reference, condition: &Condition, asked: Duration, problem: Option<&str>) -> anyhow::Error {
    let what = waited_for(reference, condition);
    let mut message = format!(
        "the registry asks to wait {} s, past the --timeout deadline, while waiting for {what}",
        asked.as_secs()
    );
    if let Some(problem) = problem {
        message.push_str(&format!(" ({problem})"));
    }
    Failure::new(Code::RateLimited, message).hint("try again later, or give it longer with --timeout SECONDS").into()
}

/// The client the looks go through, rebuilt once when the registry refuses credentials it
/// accepted before: a bearer token fetched at the start of a long wait expires (Docker Hub's
/// live five minutes), and only a new client fetches a new one.
struct Poller<'t> {
    options: ClientOptions,
    client: Client<'t>,
    /// A look through this client succeeded, so a refusal now is an expiry.
    accepted: bool,
    trace: &'t Trace,
    deadline: Instant,
    timeout: Duration,
}

impl<'t> Poller<'t> {
    fn new(options: ClientOptions, trace: &'t Trace, deadline: Instant) -> Poller<'t> {
        let timeout = options.timeouts.total;
        let client = Client::new(options.clone(), trace);
        Poller { options, client, accepted: false, trace, deadline, timeout }
    }

    fn look(&mut self, reference: &Reference) -> Result<Polled> {
        let polled = match self.client.poll_manifest(reference) {
            Err(e) if self.accepted && matches!(kind_of(&e), Some(Kind::AuthRequired | Kind::Refused)) => {
                self.trace.note("the registry refused credentials it accepted before: starting again with new ones");
                let mut options = self.options.clone();
                options.timeouts.total = self.deadline.saturating_duration_since(Instant::now());
                self.client = Client::new(options, self.trace);
                self.accepted = false;
                self.client.poll_manifest(reference)
            }
            polled => polled,
        };
        self.accepted |= polled.is_ok();
        polled
    }
}

fn interval(text: &str) -> Result<Duration, Failure> {
    crate::args::seconds(text, "--interval", false)
}

fn digest(text: &str) -> Result<Digest, Failure> {
    Digest::parse(text).map_err(|e| Failure::new(Code::Usage, format!("--from must be a digest: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pause_table() {
        let s = Duration::from_secs;
        let ms = Duration::from_millis;
        let cases = [
            (s(5), 0, None, s(5)),
            (s(5), 1, None, s(10)),
            (s(5), 3, None, s(40)),
            (s(5), 4, None, s(60)),
            (s(5), 40, None, s(60)),
            (s(120), 2, None, s(120)),
            (ms(200), 2, None, ms(800)),
            (s(5), 0, Some(s(30)), s(30)),
            (s(5), 2, Some(s(1)), s(20)),
            (s(5), 0, Some(s(0)), s(5)),
        ];
        for (interval, failures, hold_off, want) in cases {
            assert_eq!(pause(interval, failures, hold_off), want, "{interval:?} {failures} {hold_off:?}");
        }
    }
}
