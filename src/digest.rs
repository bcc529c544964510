//! Content digests (`algorithm:hex`): parsing with go-digest's rules, computing and verifying bytes.

use sha2::{Digest as _, Sha256, Sha384, Sha512};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Algorithm {
    Sha256,
    Sha384,
    Sha512,
}

impl Algorithm {
    fn from_name(name: &str) -> Option<Self> {
        match name {
            "sha256" => Some(Algorithm::Sha256),
            "sha384" => Some(Algorithm::Sha384),
            "sha512" => Some(Algorithm::Sha512),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Algorithm::Sha256 => "sha256",
            Algorithm::Sha384 => "sha384",
            Algorithm::Sha512 => "sha512",
        }
    }

    fn hex_len(self) -> usize {
        match self {
            Algorithm::Sha256 => 64,
            Algorithm::Sha384 => 96,
            Algorithm::Sha512 => 128,
        }
    }

    fn hash(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            Algorithm::Sha256 => Sha256::digest(bytes).to_vec(),
            Algorithm::Sha384 => Sha384::digest(bytes).to_vec(),
            Algorithm::Sha512 => Sha512::digest(bytes).to_vec(),
        }
    }
}

/// Why a digest string was rejected; the texts are go-digest's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    InvalidFormat,
    InvalidLength,
    Unsupported,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseError::InvalidFormat => "invalid checksum digest format",
            ParseError::InvalidLength => "invalid checksum digest length",
            ParseError::Unsupported => "unsupported digest algorithm",
        })
    }
}

impl std::error::Error for ParseError {}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Digest {
    algorithm: Algorithm,
    hex: String,
}

impl Digest {
    /// Parses like go-digest's `Digest.Validate`: algorithm must be available, hex lowercase of the exact length.
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        let (name, encoded) = match s.find(':') {
            Some(i) if i > 0 && i + 1 < s.len() => (&s[..i], &s[i + 1..]),
            _ => return Err(ParseError::InvalidFormat),
        };
        let Some(algorithm) = Algorithm::from_name(name) else {
            // go-digest tells a well-formed digest of an unknown algorithm from garbage.
            return Err(if is_generic_digest(name, encoded) {
                ParseError::Unsupported
            } else {
                ParseError::InvalidFormat
            });
        };
        if encoded.len() != algorithm.hex_len() {
            return Err(ParseError::InvalidLength);
        }
        if !encoded.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(ParseError::InvalidFormat);
        }
        Ok(Digest { algorithm, hex: encoded.to_string() })
    }

    /// The sha256 digest of `bytes`, the algorithm registries use for new content.
    pub fn sha256_of(bytes: &[u8]) -> Self {
        Self::of(Algorithm::Sha256, bytes)
    }

    fn of(algorithm: Algorithm, bytes: &[u8]) -> Self {
        Digest { algorithm, hex: to_hex(&algorithm.hash(bytes)) }
    }

    /// True when `bytes` hash to this digest (with this digest's algorithm).
    pub fn matches(&self, bytes: &[u8]) -> bool {
        Self::of(self.algorithm, bytes) == *self
    }

    /// The algorithm's name, as written before the colon (`sha256`).
    pub fn algorithm_name(&self) -> &'static str {
        self.algorithm.name()
    }

    /// A hasher for content streamed in pieces, to compare with this digest at the end.
    pub fn verifier(&self) -> Verifier {
        let state = match self.algorithm {
            Algorithm::Sha256 => State::Sha256(Sha256::new()),
            Algorithm::Sha384 => State::Sha384(Sha384::new()),
            Algorithm::Sha512 => State::Sha512(Sha512::new()),
        };
        Verifier { expected: self.clone(), state }
    }
}

/// Hashes content as it streams past (blobs too large to hold in memory).
pub struct Verifier {
    expected: Digest,
    state: State,
}

enum State {
    Sha256(Sha256),
    Sha384(Sha384),
    Sha512(Sha512),
}

impl Verifier {
    pub fn update(&mut self, bytes: &[u8]) {
        match &mut self.state {
            State::Sha256(h) => h.update(bytes),
            State::Sha384(h) => h.update(bytes),
            State::Sha512(h) => h.update(bytes),
        }
    }

    /// True when everything seen hashes to the expected digest.
    pub fn matches(self) -> bool {
        let hash = match self.state {
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
        };
        to_hex(&hash) == self.expected.hex
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.algorithm.name(), self.hex)
    }
}

/// go-digest's `DigestRegexp`: `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+`.
fn is_generic_digest(algorithm: &str, encoded: &str) -> bool {
    let algorithm_ok = algorithm
        .split(['.', '+', '_', '-'])
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    let encoded_ok = encoded.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'=' | b'_' | b'-'));
    algorithm_ok && encoded_ok
}

/// What is wrong with a digest as written, in words a hint can carry (None when it parses): the
/// part at fault and what it should be.
pub fn problem(s: &str) -> Option<String> {
    let error = Digest::parse(s).err()?;
    let Some((name, hex)) = s.split_once(':').filter(|(name, hex)| !name.is_empty() && !hex.is_empty()) else {
        return Some("a digest is ALGORITHM:HEX, e.g. sha256: and 64 hex digits".to_string());
    };
    let Some(algorithm) = Algorithm::from_name(name) else {
        return Some(format!("ocictl knows sha256, sha384 and sha512 digests, not \"{name}\""));
    };
    let want = algorithm.hex_len();
    Some(match error {
        ParseError::InvalidLength if hex.len() < want => {
            format!("the digest is too short: {name} takes {want} hex digits, this one has {}", hex.len())
        }
        ParseError::InvalidLength => {
            format!("the digest is too long: {name} takes {want} hex digits, this one has {}", hex.len())
        }
        _ => format!("the digest's hex part may hold only 0-9 and a-f (lowercase), after \"{name}:\""),
    })
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn problem_table() {
        let hex = "86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
        let cases = [
            (format!("sha256:{hex}"), None),
            ("sha256:abc".to_string(), Some("the digest is too short: sha256 takes 64 hex digits, this one has 3")),
            (format!("sha256:{hex}00"), Some("the digest is too long: sha256 takes 64 hex digits, this one has 66")),
            (
                format!("sha256:{}", hex.to_uppercase()),
                Some("the digest's hex part may hold only 0-9 and a-f (lowercase), after \"sha256:\""),
            ),
            ("md5:abc".to_string(), Some("ocictl knows sha256, sha384 and sha512 digests, not \"md5\"")),
            (hex.to_string(), Some("a digest is ALGORITHM:HEX, e.g. sha256: and 64 hex digits")),
            ("sha256:".to_string(), Some("a digest is ALGORITHM:HEX, e.g. sha256: and 64 hex digits")),
        ];
        for (input, want) in cases {
            assert_eq!(super::problem(&input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn a_verifier_fed_in_pieces_agrees_with_the_whole() {
        let bytes = b"a blob streamed in three pieces";
        for name in ["sha256", "sha384", "sha512"] {
            let whole = super::Digest::of(super::Algorithm::from_name(name).unwrap(), bytes);
            let mut verifier = whole.verifier();
            for piece in bytes.chunks(11) {
                verifier.update(piece);
            }
            assert!(verifier.matches(), "{name}");
            let mut verifier = whole.verifier();
            verifier.update(&bytes[1..]);
            assert!(!verifier.matches(), "{name}");
        }
    }

    use super::*;

    const HEX64: &str = "86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";

    #[test]
    fn parse_table() {
        let cases: Vec<(String, Result<(), ParseError>)> = vec![
            (format!("sha256:{HEX64}"), Ok(())),
            (format!("sha384:{}", "a".repeat(96)), Ok(())),
            (format!("sha512:{}", "0".repeat(128)), Ok(())),
            (format!("sha256:{}", &HEX64[1..]), Err(ParseError::InvalidLength)),
            (format!("sha256:{}", HEX64.to_uppercase()), Err(ParseError::InvalidFormat)),
            (format!("sha512:{HEX64}"), Err(ParseError::InvalidLength)),
            (format!("md5:{HEX64}"), Err(ParseError::Unsupported)),
            (format!("Md5:{HEX64}"), Err(ParseError::InvalidFormat)),
            ("sha256:".to_string(), Err(ParseError::InvalidFormat)),
            (format!(":{HEX64}"), Err(ParseError::InvalidFormat)),
            (HEX64.to_string(), Err(ParseError::InvalidFormat)),
            ("".to_string(), Err(ParseError::InvalidFormat)),
        ];
        for (input, want) in cases {
            let got = Digest::parse(&input).map(|_| ());
            assert_eq!(got, want, "input {input:?}");
        }
    }

    #[test]
    fn verify_bytes() {
        let d = Digest::sha256_of(b"hello");
        assert_eq!(d.to_string(), "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assert!(d.matches(b"hello"));
        assert!(!d.matches(b"hellO"));
        let d512 = Digest::parse(&format!("sha512:{}", to_hex(&Sha512::digest(b"x")))).unwrap();
        assert!(d512.matches(b"x"));
    }

    proptest::proptest! {
        #[test]
        fn any_string_parses_without_panicking(input in "\\PC{0,140}") {
            if let Ok(digest) = Digest::parse(&input) {
                proptest::prop_assert_eq!(digest.to_string(), input);
            }
        }
    }
}
