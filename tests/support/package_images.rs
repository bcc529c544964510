//! Package databases as the package managers write them (dpkg's status file, distroless's
//! status.d stanzas, apk's installed database) and os-release files, for the images the tests of
//! `packages` and `diff --packages` build.

pub const DEBIAN_OS_RELEASE: &[u8] =
    b"PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n";
pub const ALPINE_OS_RELEASE: &[u8] =
    b"NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n";

/// A dpkg status file: a stanza for each (name, version, status), with the fields dpkg writes
/// around the ones ocictl reads (and a Description with its continuation lines).
pub fn dpkg_status(packages: &[(&str, &str, &str)]) -> Vec<u8> {
    let mut text = String::new();
    for (name, version, status) in packages {
        text.push_str(&format!(
            "Package: {name}\nStatus: {status}\nPriority: optional\nSection: libs\nInstalled-Size: 1234\n\
             Maintainer: Debian <debian@example.org>\nArchitecture: amd64\nVersion: {version}\n\
             Description: the {name} package\n the long description\n .\n of {name}\n\n"
        ));
    }
    text.into_bytes()
}

/// One distroless status.d file: a stanza without a Status field.
pub fn status_d(name: &str, version: &str) -> Vec<u8> {
    format!("Package: {name}\nVersion: {version}\nArchitecture: amd64\nMaintainer: Debian\n").into_bytes()
}

/// Alpine's /lib/apk/db/installed: a stanza for each (name, version).
pub fn apk_installed(packages: &[(&str, &str)]) -> Vec<u8> {
    let mut text = String::new();
    for (name, version) in packages {
        text.push_str(&format!("C:Q1abc=\nP:{name}\nV:{version}\nA:x86_64\nS:1000\nI:2000\nT:{name}\nF:usr/lib\n\n"));
    }
    text.into_bytes()
}
