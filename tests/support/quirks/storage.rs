//! The host the quirk server's redirects lead to (issue 17 item 18): an S3 pre-signed URL that
//! refuses any Authorization, or another registry with its own Bearer challenge and anonymous
//! token endpoint. It serves whatever content its path's last segment names by digest.

use super::auth::{bearer_token, TOKEN_PATH};
use super::{Host, State, Storage, REPO};
use crate::support::http::{Request, Response};
use crate::support::seed::{sha256, OCI_INDEX};
use serde_json::json;

/// The `service` of the storage host's own challenge.
pub const STORAGE_SERVICE: &str = "storage.quirks.test";

/// S3's answer to a pre-signed URL that also carries Authorization (renovatebot/renovate#3877).
const S3_ONE_AUTH_MECHANISM: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified</Message><ArgumentName>Authorization</ArgumentName><RequestId>QUIRKS0000000001</RequestId></Error>";

pub fn serve(state: &State, request: &Request) -> Response {
    state.record(Host::Storage, request);
    let authorization = request.header("authorization");
    match state.quirks.k8s_manifest_redirect {
        Some(Storage::S3RefusesAuthorization) if authorization.is_some() => {
            Response::new(400).header("Content-Type", "application/xml").body(S3_ONE_AUTH_MECHANISM)
        }
        Some(Storage::OwnBearerChallenge) if request.path() == TOKEN_PATH => {
            // Anonymous tokens for anyone; what a request here carried is in the record.
            let token = state.issue("storage-token", &state.storage_tokens);
            let answer = json!({ "token": token, "access_token": token, "expires_in": 300 });
            Response::new(200).header("Content-Type", "application/json").body(answer.to_string())
        }
        Some(Storage::OwnBearerChallenge) if !storage_token(state, request) => {
            let challenge = format!(
                "Bearer realm=\"{}{TOKEN_PATH}\",service=\"{STORAGE_SERVICE}\",scope=\"repository:{REPO}:pull\"",
                state.storage_url()
            );
            Response::new(401)
                .header("Content-Type", "application/json")
                .header("WWW-Authenticate", &challenge)
                .body(r#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#)
        }
        _ => content(state, request),
    }
}

fn storage_token(state: &State, request: &Request) -> bool {
    bearer_token(request).is_some_and(|t| state.storage_tokens.lock().expect("the token lock").iter().any(|i| i == t))
}

fn content(state: &State, request: &Request) -> Response {
    let digest = request.path().rsplit('/').next().unwrap_or_default();
    let content = &state.content;
    let manifests = [
        (&content.image.bytes[..], content.image.media_type),
        (&content.signature.bytes[..], content.signature.media_type),
        (&content.referrers_index[..], OCI_INDEX),
    ];
    if let Some((bytes, media_type)) = manifests.into_iter().find(|(bytes, _)| sha256(bytes) == digest) {
        return Response::new(200)
            .header("Content-Type", media_type)
            .header("Docker-Content-Digest", digest)
            .body(bytes);
    }
    match content.blob(digest) {
        Some(bytes) => Response::new(200).header("Content-Type", "application/octet-stream").body(bytes),
        None => {
            Response::new(404).header("Content-Type", "application/xml").body("<Error><Code>NoSuchKey</Code></Error>")
        }
    }
}
