//! `ocictl curl`: any registry API request, with the challenges answered as for every command.

// The doc comment of Args is --help text for people, not rustdoc: its URLs stay bare.
#![allow(rustdoc::bare_urls)]

use super::Context;
use crate::args::{QueryArgs, RegistryArgs};
use crate::atomic_file;
use crate::client::api::JSON_LIMIT;
use crate::client::{Call, Method, Response};
use crate::exit::{fail, Code, Failure};
use crate::output::{self, Printer};
use crate::reference::Registry;
use crate::{redact, sanitize};
use anyhow::{Context as _, Result};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Send any registry API request, with the authentication done for you
///
/// TARGET is a full URL (https://registry.example.com/v2/app/referrers/sha256:…) or
/// REGISTRY/v2/…; the scheme follows ocictl's rules (HTTPS, plain HTTP on loopback or with
/// --plain-http). The token scope comes from the path: /v2/NAME/manifests|blobs|tags|referrers/…
/// asks for repository:NAME:pull (pull,push for POST, PUT, PATCH and DELETE), /v2/_catalog for
/// registry:catalog:*; --scope overrides it. A /manifests/ path without -H Accept is asked with
/// the Accept list `ocictl manifest` sends. A non-2xx answer is an error with its exit code
/// (404 is 5) unless --fail-never. --query filters an answer that is JSON.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A URL or REGISTRY/v2/PATH[?QUERY]
    target: String,
    /// The method: GET, HEAD, POST, PUT, PATCH or DELETE
    #[arg(short = 'X', long = "request", value_name = "METHOD", default_value = "GET", value_parser = parse_method)]
    method: Method,
    /// An extra request header (repeatable); Authorization is ocictl's to send
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE", value_parser = parse_header)]
    headers: Vec<(String, String)>,
    /// Print the status line and response headers before the body
    #[arg(short = 'i', long)]
    include: bool,
    /// Send HEAD and print the status line and headers only
    #[arg(short = 'I', long)]
    head: bool,
    /// Write the output to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The request body: text, @FILE, or @- for stdin
    #[arg(short, long, value_name = "DATA")]
    data: Option<String>,
    /// The token scope to ask for, e.g. repository:app:pull,push
    #[arg(long, value_name = "SCOPE")]
    scope: Option<String>,
    /// Print a non-2xx answer and exit 0, as curl does without --fail
    #[arg(long, visible_alias = "no-fail")]
    fail_never: bool,
    #[command(flatten)]
    query: QueryArgs,
    #[command(flatten)]
    registry: RegistryArgs,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl curl -i ghcr.io/v2/owner/app/tags/list", "Any API path, the challenge answered for you, headers first"),
    ("ocictl curl -I -H 'Accept: application/vnd.oci.image.index.v1+json' docker.io/v2/library/nginx/manifests/latest", "A HEAD request with an Accept header of your own"),
    ("ocictl curl localhost:5000/v2/app/tags/list --query '.tags | length'", "A JSON answer through a jq expression"),
    ("ocictl curl -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' -d @m.json localhost:5000/v2/app/manifests/v2", "Push a manifest (the scope becomes pull,push)"),
];

pub fn run(args: Args, context: &Context) -> Result<()> {
    let (registry, path) = split_target(&args.target)?;
    // Printing no JSON of its own, curl's printer wants JSON only for a query (given before the
    // command's name or after it).
    let out = context.printer(false, &args.query);
    let query = out.json_wanted();
    if query && (args.include || args.head || args.output.is_some()) {
        return Err(fail(Code::Usage, "--query filters the body alone: it does not go with -i, -I or -o"));
    }
    if let Some(file) = &args.output {
        atomic_file::check_destination(file)?;
    }
    let method = if args.head { Method::Head } else { args.method };
    let body = args.data.as_deref().map(read_data).transpose()?;
    let (repository, derived) = scope_for(&path, method);
    let scope = args.scope.clone().or(derived);
    let mut client = context.client(&args.registry)?;
    let call = Call {
        method,
        accept: accept_for(&path, &args.headers),
        repository: repository.as_deref(),
        scope: scope.as_deref(),
        headers: &args.headers,
        body: body.as_deref(),
        // A query reads the whole body, as much as any JSON document ocictl reads.
        stream: method != Method::Head && !query,
        any_status: true,
        ..Call::get(&path, if query { JSON_LIMIT } else { 256 * 1024 })
    };
    // The path's query may carry a token (?access_token=…): errors show it redacted.
    let doing = format!("{} {}", method.as_str(), redact::url_text(&path));
    let response = client.send(&registry, &call).context(doing.clone())?;
    if !response.is_success() && !args.fail_never {
        return Err(anyhow::Error::from(crate::client::error::from_response(&response)).context(doing));
    }
    if query {
        return filtered(&out, &response).context(doing);
    }
    let head = (args.include || args.head).then(|| status_and_headers(&response));
    match args.output.as_deref() {
        Some(file) => write_file(file, head.as_deref(), response),
        None if context.settings.stdout_terminal => {
            // The head is cleaned line by line already; its CRLFs stay line ends.
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(head.unwrap_or_default().as_bytes())?;
            let mut terminal = sanitize::Terminal::new(stdout);
            write(&mut terminal, None, response)?;
            Ok(terminal.finish()?)
        }
        None => write(&mut std::io::stdout().lock(), head.as_deref(), response),
    }
}

/// `https://host[:port]/v2/…`, `http://…` or `host[:port]/v2/…`: the registry and the path with
/// its query. The scheme follows ocictl's own rules (HTTPS except on loopback; --plain-http).
fn split_target(target: &str) -> Result<(Registry, String)> {
    let rest = target.strip_prefix("https://").or_else(|| target.strip_prefix("http://")).unwrap_or(target);
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if host.contains('@') {
        // Never quoted: what comes before the @ is a password as often as not.
        return Err(Failure::new(Code::Usage, "ocictl curl takes no credentials in the URL")
            .hint("pass --username with --password-stdin, or --token, and drop the user:password@ part")
            .into());
    }
    let shown = redact::url_text(target);
    let registry = Registry::parse(host).map_err(|e| fail(Code::Usage, format!("{e} in \"{shown}\"")))?;
    if !(path == "/v2" || path.starts_with("/v2/") || path.starts_with("/v2?")) {
        return Err(Failure::new(Code::Usage, format!("\"{shown}\" is not a registry API path"))
            .hint("give REGISTRY/v2/… or a full URL, e.g. localhost:5000/v2/app/tags/list")
            .into());
    }
    Ok((registry, path.to_string()))
}

fn parse_method(method: &str) -> Result<Method, Failure> {
    Ok(match method.to_ascii_uppercase().as_str() {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        "POST" => Method::Post,
        "PUT" => Method::Put,
        "PATCH" => Method::Patch,
        "DELETE" => Method::Delete,
        _ => {
            return Err(Failure::new(
                Code::Usage,
                format!("unsupported method \"{method}\" (GET, HEAD, POST, PUT, PATCH or DELETE)"),
            ))
        }
    })
}

fn parse_header(header: &str) -> Result<(String, String), Failure> {
    let Some((name, value)) = header.split_once(':').filter(|(n, _)| !n.trim().is_empty()) else {
        return Err(Failure::new(Code::Usage, format!("invalid header \"{header}\" (expected 'Name: value')")));
    };
    if name.trim().eq_ignore_ascii_case("authorization") {
        return Err(Failure::new(Code::Usage, "ocictl curl answers the registry's challenges itself")
            .hint("to send a token of your own, use --token or OCICTL_TOKEN"));
    }
    Ok((name.trim().to_string(), value.trim().to_string()))
}

/// `@FILE`, `@-` for stdin, or the text itself, like curl's --data-binary.
fn read_data(data: &str) -> Result<Vec<u8>> {
    match data.strip_prefix('@') {
        Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).context("reading the request body from stdin")?;
            Ok(bytes)
        }
        Some(file) => {
            std::fs::read(file).map_err(|e| fail(Code::Usage, format!("cannot read the request body from {file}: {e}")))
        }
        None => Ok(data.as_bytes().to_vec()),
    }
}

/// The repository a path is about and the token scope it needs: `/v2/<name>/(manifests|blobs|
/// tags|referrers)/…` → `repository:<name>:pull` (`pull,push` to write), `/v2/_catalog` →
/// `registry:catalog:*`, anything else none.
fn scope_for(path: &str, method: Method) -> (Option<String>, Option<String>) {
    let path = path.split('?').next().unwrap_or_default();
    if path == "/v2/_catalog" {
        return (None, Some("registry:catalog:*".to_string()));
    }
    let Some(rest) = path.strip_prefix("/v2/") else { return (None, None) };
    let name = ["/manifests/", "/blobs/", "/tags/", "/referrers/"]
        .iter()
        .filter_map(|marker| rest.rfind(marker).map(|at| &rest[..at]))
        .max_by_key(|name| name.len())
        .filter(|name| !name.is_empty());
    let Some(name) = name else { return (None, None) };
    let actions = if method.is_read() { "pull" } else { "pull,push" };
    (Some(name.to_string()), Some(format!("repository:{name}:{actions}")))
}

/// `manifest`'s Accept list for a `/manifests/` path the user sent no Accept for: without it,
/// distribution refuses an OCI manifest and turns a Docker one into schema 1, another digest than
/// `ocictl digest` prints.
fn accept_for(path: &str, headers: &[(String, String)]) -> Option<&'static str> {
    let manifests = path.split('?').next().unwrap_or_default().contains("/manifests/");
    let chosen = headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("accept"));
    (manifests && !chosen).then_some(crate::manifest::ACCEPT)
}

/// The body through --query: only a body that is JSON, checked before anything is printed.
fn filtered(out: &Printer, response: &Response) -> Result<()> {
    if serde_json::from_slice::<serde::de::IgnoredAny>(&response.body).is_err() {
        let kind = response.header("content-type").unwrap_or("no Content-Type");
        let message = format!("the answer is not JSON ({}), so --query cannot filter it", sanitize::line(kind));
        return Err(fail(Code::Usage, message));
    }
    out.document(&response.body)
}

/// The status line and headers for -i/-I, secrets redacted by the rule the -v transcript follows.
fn status_and_headers(response: &Response) -> String {
    let mut text = format!("HTTP/1.1 {} {}\r\n", response.status, response.reason);
    for (name, value) in &response.headers {
        text.push_str(&format!("{name}: {}\r\n", sanitize::line(&redact::header(name, value))));
    }
    text.push_str("\r\n");
    text
}

/// The head, then the body. A body that breaks off or drips (see `client/body.rs`) is a network
/// error (exit 3); a closed stdout stays a broken pipe (exit 0).
fn write(out: &mut dyn Write, head: Option<&str>, response: Response) -> Result<()> {
    if let Some(head) = head {
        out.write_all(head.as_bytes())?;
    }
    match response.stream {
        Some(mut body) => {
            std::io::copy(&mut body, out).map_err(|e| match e.kind() {
                std::io::ErrorKind::BrokenPipe => e.into(),
                _ => fail(Code::Network, format!("the response broke off: {e}")),
            })?;
        }
        None => out.write_all(&response.body)?,
    }
    Ok(out.flush()?)
}

/// Writes to `file` atomically, as `blob -o` does: into a partial file beside it (never through
/// a link planted there), renamed over it once the response is complete; removed when it breaks off.
fn write_file(file: &Path, head: Option<&str>, response: Response) -> Result<()> {
    let partial = atomic_file::partial_path(file);
    let mut out = atomic_file::create_partial(&partial)
        .map_err(|e| fail(Code::Unexpected, format!("writing {}: {e}", partial.display())))?;
    if let Err(e) = write(&mut out, head, response) {
        let _ = std::fs::remove_file(&partial);
        return Err(fail(Code::Network, format!("{e} (nothing written to {})", file.display())));
    }
    atomic_file::finish_partial(out, &partial, file).with_context(|| format!("writing {}", file.display()))?;
    output::notice(&format!("wrote {}", file.display()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_come_from_the_path_and_the_method() {
        let cases = [
            ("/v2/", Method::Get, None),
            ("/v2/_catalog?n=10", Method::Get, Some("registry:catalog:*")),
            ("/v2/library/nginx/manifests/latest", Method::Get, Some("repository:library/nginx:pull")),
            ("/v2/a/b/c/blobs/sha256:00", Method::Head, Some("repository:a/b/c:pull")),
            ("/v2/app/tags/list?n=1", Method::Get, Some("repository:app:pull")),
            ("/v2/app/referrers/sha256:00", Method::Get, Some("repository:app:pull")),
            ("/v2/app/manifests/v1", Method::Put, Some("repository:app:pull,push")),
            ("/v2/app/blobs/uploads/", Method::Post, Some("repository:app:pull,push")),
            // A repository whose name holds a marker word keeps its whole name.
            ("/v2/team/tags/app/manifests/v1", Method::Get, Some("repository:team/tags/app:pull")),
            ("/v2/nothing-known", Method::Get, None),
        ];
        for (path, method, want) in cases {
            assert_eq!(scope_for(path, method).1.as_deref(), want, "{path}");
        }
    }

    #[test]
    fn manifest_paths_get_the_manifest_accept_list_unless_one_was_given() {
        // (path, an Accept header of the user's own) → the list is sent
        let cases = [
            ("/v2/app/manifests/v1", false, true),
            ("/v2/a/b/manifests/sha256:00?x=1", false, true),
            ("/v2/app/manifests/v1", true, false),
            ("/v2/app/tags/list", false, false),
            ("/v2/app/blobs/sha256:00?from=/manifests/", false, false),
        ];
        for (path, own, want) in cases {
            let headers: Vec<_> =
                own.then(|| ("ACCEPT".to_string(), "application/json".to_string())).into_iter().collect();
            assert_eq!(accept_for(path, &headers).is_some(), want, "{path} {headers:?}");
        }
    }

    #[test]
    fn targets_are_a_url_or_a_registry_path() {
        let (registry, path) = split_target("https://registry.example.com/v2/app/tags/list?n=5").unwrap();
        assert_eq!((registry.host(), path.as_str()), ("registry.example.com", "/v2/app/tags/list?n=5"));
        let (registry, path) = split_target("localhost:5000/v2/").unwrap();
        assert_eq!((registry.host(), path.as_str()), ("localhost:5000", "/v2/"));
        assert!(split_target("localhost:5000/api/v1").is_err());
        assert!(split_target("not a host/v2/").is_err());
    }
}
