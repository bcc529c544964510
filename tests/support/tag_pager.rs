//! Fault injected: tag pagination. distribution 2.8 ignores `n`/`last` on tags/list and answers
//! with every tag at once, while Docker Hub, GHCR and distribution 3 page. This front end pages a
//! real registry's tags (at most PAGE_CAP per page, like registries clamping `n`) with a `Link`
//! header, and passes every other request through unchanged.

use super::http::{Request, Response, Server};

pub const PAGE_CAP: usize = 3;

pub fn start(upstream: String) -> Server {
    let agent = super::test_agent();
    Server::start(move |request| {
        if request.path().ends_with("/tags/list") {
            page(&agent, &upstream, request)
        } else {
            forward(&agent, &upstream, request)
        }
    })
}

fn page(agent: &ureq::Agent, upstream: &str, request: &Request) -> Response {
    let mut response = agent.get(format!("{upstream}{}", request.path())).call().expect("upstream tags");
    let body: serde_json::Value =
        serde_json::from_slice(&response.body_mut().read_to_vec().expect("upstream tags")).expect("upstream tags json");
    let mut tags: Vec<String> = serde_json::from_value(body["tags"].clone()).unwrap_or_default();
    tags.sort();
    let n = request.query("n").first().and_then(|n| n.parse().ok()).unwrap_or(PAGE_CAP).min(PAGE_CAP);
    let last = request.query("last").first().cloned();
    let rest: Vec<String> = tags.into_iter().filter(|t| last.as_ref().is_none_or(|l| t > l)).collect();
    let page: Vec<String> = rest.iter().take(n).cloned().collect();
    let mut answer = Response::new(200).header("Content-Type", "application/json");
    if rest.len() > n {
        let last = page.last().cloned().unwrap_or_default();
        answer = answer.header("Link", &format!("<{}?n={n}&last={last}>; rel=\"next\"", request.path()));
    }
    answer.body(serde_json::json!({ "name": body["name"], "tags": page }).to_string())
}

fn forward(agent: &ureq::Agent, upstream: &str, request: &Request) -> Response {
    let url = format!("{upstream}{}", request.target);
    let mut builder = if request.method == "HEAD" { agent.head(&url) } else { agent.get(&url) };
    if let Some(accept) = request.header("accept") {
        builder = builder.header("Accept", accept);
    }
    let mut upstream_response = builder.call().expect("upstream request");
    let mut answer = Response::new(upstream_response.status().as_u16());
    for name in ["content-type", "docker-content-digest", "docker-distribution-api-version"] {
        if let Some(value) = upstream_response.headers().get(name).and_then(|v| v.to_str().ok()) {
            answer = answer.header(name, value);
        }
    }
    let body = if request.method == "HEAD" {
        Vec::new()
    } else {
        upstream_response.body_mut().read_to_vec().unwrap_or_default()
    };
    answer.body(body)
}
