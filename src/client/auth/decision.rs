//! The step taken on a 401, as a pure function: given the challenge, what was sent, the
//! credential found and whether the scope was already widened, what to do next. The loop in
//! `auth/mod.rs` only performs the step.

/// The two schemes ocictl answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Basic,
    Bearer,
}

/// The kind of credential found for the registry, without its secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Held {
    /// Nothing: anonymous.
    None,
    /// A username with a password or an identity (refresh) token.
    Password,
    /// A literal token (`--token`, `auth.token.static`); `pair` when it is base64 of
    /// `user:password`, which also answers a Basic challenge (a pasted ECR token).
    Token { pair: bool },
}

/// Everything the decision looks at.
#[derive(Clone, Copy, Debug)]
pub struct Refused {
    /// The scheme the registry asks for now.
    pub asked: Scheme,
    /// The challenge says `error="insufficient_scope"`.
    pub insufficient_scope: bool,
    /// What the refused request carried, when it answered the scheme asked for now (a challenge
    /// cached by an earlier invocation may be stale: then it counts as nothing sent).
    pub sent: Option<Scheme>,
    /// The bearer token sent came from the disk cache.
    pub token_from_cache: bool,
    pub held: Held,
    /// The credential came from the disk cache (an ECR password).
    pub held_from_cache: bool,
    /// A token was already fetched again for a wider scope.
    pub widened: bool,
}

/// What to do about a 401.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Forget the cached token the registry refused and fetch a new one.
    RefetchToken,
    /// Forget the cached credential the registry refused and look it up again.
    RelookupCredential,
    /// Remember that the registry wants Basic, and send the credential so.
    SendBasic,
    /// Fetch a bearer token for the scope (again, wider, after `insufficient_scope`).
    FetchToken {
        widening: bool,
    },
    /// Send the literal token again: nothing to change.
    Resend,
    Fail(Refusal),
}

/// Why authentication ends here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Anonymous access was refused.
    AuthRequired,
    /// The registry refused a literal token.
    TokenRefused,
    /// The registry refused the credentials.
    Rejected,
    /// Basic was asked for and the literal token is not a `user:password` pair.
    NotAPassword,
}

pub fn decide(refused: &Refused) -> Step {
    let sent = refused.sent.is_some();
    match (refused.sent, refused.held) {
        (Some(Scheme::Bearer), _) if refused.token_from_cache => return Step::RefetchToken,
        (Some(Scheme::Basic), _) if refused.held_from_cache => return Step::RelookupCredential,
        _ => {}
    }
    match (refused.asked, refused.held) {
        (_, Held::None) if sent => Step::Fail(Refusal::AuthRequired),
        (Scheme::Basic, Held::None) => Step::Fail(Refusal::AuthRequired),
        (_, Held::Token { .. }) if sent => Step::Fail(Refusal::TokenRefused),
        (Scheme::Basic, _) if sent => Step::Fail(Refusal::Rejected),
        (Scheme::Basic, Held::Token { pair: false }) => Step::Fail(Refusal::NotAPassword),
        (Scheme::Basic, _) => Step::SendBasic,
        (Scheme::Bearer, Held::Token { .. }) => Step::Resend,
        // Bearer with a password or anonymously: a token, once more only to widen its scope.
        (Scheme::Bearer, _) if sent && (!refused.insufficient_scope || refused.widened) => {
            Step::Fail(Refusal::Rejected)
        }
        (Scheme::Bearer, _) => Step::FetchToken { widening: sent },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: Refused = Refused {
        asked: Scheme::Bearer,
        insufficient_scope: false,
        sent: None,
        token_from_cache: false,
        held: Held::None,
        held_from_cache: false,
        widened: false,
    };

    #[test]
    fn every_arm() {
        let token = Held::Token { pair: false };
        let pair = Held::Token { pair: true };
        let basic = Scheme::Basic;
        let bearer = Scheme::Bearer;
        let cases = [
            (
                "cached token refused",
                Refused { sent: Some(bearer), token_from_cache: true, ..FIRST },
                Step::RefetchToken,
            ),
            (
                "cached ECR password refused",
                Refused { asked: basic, sent: Some(basic), held: Held::Password, held_from_cache: true, ..FIRST },
                Step::RelookupCredential,
            ),
            ("anonymous, bearer", FIRST, Step::FetchToken { widening: false }),
            ("anonymous token refused", Refused { sent: Some(bearer), ..FIRST }, Step::Fail(Refusal::AuthRequired)),
            ("anonymous, basic", Refused { asked: basic, ..FIRST }, Step::Fail(Refusal::AuthRequired)),
            (
                "literal token refused",
                Refused { sent: Some(bearer), held: token, ..FIRST },
                Step::Fail(Refusal::TokenRefused),
            ),
            (
                "pasted pair refused",
                Refused { asked: basic, sent: Some(basic), held: pair, ..FIRST },
                Step::Fail(Refusal::TokenRefused),
            ),
            (
                "password refused, basic",
                Refused { asked: basic, sent: Some(basic), held: Held::Password, ..FIRST },
                Step::Fail(Refusal::Rejected),
            ),
            (
                "token where basic is asked",
                Refused { asked: basic, held: token, ..FIRST },
                Step::Fail(Refusal::NotAPassword),
            ),
            ("pair where basic is asked", Refused { asked: basic, held: pair, ..FIRST }, Step::SendBasic),
            ("password, basic", Refused { asked: basic, held: Held::Password, ..FIRST }, Step::SendBasic),
            ("literal token, bearer, unsent", Refused { held: token, ..FIRST }, Step::Resend),
            ("password, bearer", Refused { held: Held::Password, ..FIRST }, Step::FetchToken { widening: false }),
            (
                "password token refused",
                Refused { sent: Some(bearer), held: Held::Password, ..FIRST },
                Step::Fail(Refusal::Rejected),
            ),
            (
                "insufficient scope: widen once",
                Refused { sent: Some(bearer), insufficient_scope: true, held: Held::Password, ..FIRST },
                Step::FetchToken { widening: true },
            ),
            (
                "insufficient scope after widening",
                Refused { sent: Some(bearer), insufficient_scope: true, widened: true, ..FIRST },
                Step::Fail(Refusal::AuthRequired),
            ),
            (
                "insufficient scope after widening, password",
                Refused { sent: Some(bearer), insufficient_scope: true, widened: true, held: Held::Password, ..FIRST },
                Step::Fail(Refusal::Rejected),
            ),
        ];
        for (name, refused, want) in cases {
            assert_eq!(decide(&refused), want, "{name}");
        }
    }
}
