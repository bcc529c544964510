//! The OS packages an image says it has installed, read from the package managers' own databases
//! (Debian's dpkg status and distroless's status.d, Alpine's apk), the distribution from
//! os-release, and what changed between two package lists. Pure parsing; no I/O.

use std::collections::BTreeMap;

/// Where each package database lives, in the image's filesystem.
pub const DPKG_STATUS: &str = "/var/lib/dpkg/status";
/// distroless images ship one stanza per package here instead of a status file.
pub const DPKG_STATUS_D: &str = "/var/lib/dpkg/status.d";
pub const APK_INSTALLED: &str = "/lib/apk/db/installed";
/// os-release, and its fallback when /etc/os-release is absent (os-release(5)).
pub const OS_RELEASE: [&str; 2] = ["/etc/os-release", "/usr/lib/os-release"];
/// RPM's databases: ocictl reads none of them (no well-kept pure-Rust reader of rpmdb.sqlite or
/// Berkeley DB), and says so rather than print an empty list.
pub const RPM_DATABASES: [&str; 4] = [
    "/var/lib/rpm/rpmdb.sqlite",
    "/var/lib/rpm/Packages",
    "/usr/lib/sysimage/rpm/rpmdb.sqlite",
    "/var/lib/rpm/Packages.db",
];

/// One installed package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package {
    pub name: String,
    pub version: String,
    pub arch: String,
    /// The package manager: `deb` or `apk`.
    pub source: &'static str,
}

/// The stanzas of an RFC 822-style file, each as its fields (the first line of each).
fn stanzas(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut out = Vec::new();
    let mut current = BTreeMap::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            // A continuation (Description's long text): only the first line of a field is read.
            continue;
        }
        if let Some((key, value)) = line.split_once(':') {
            current.insert(key.trim().to_string(), value.trim().to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Packages dpkg records as installed (`Status: install ok installed`; half-installed,
/// config-files and removed ones do not count). In distroless's status.d files a stanza without
/// a Status field is an installed package: that is all those files record.
pub fn dpkg(text: &str, status_d: bool) -> Vec<Package> {
    stanzas(text)
        .into_iter()
        .filter(|fields| match fields.get("Status") {
            Some(status) => status.split_whitespace().nth(2) == Some("installed"),
            None => status_d,
        })
        .filter_map(|mut fields| {
            Some(Package {
                name: fields.remove("Package")?,
                version: fields.remove("Version").unwrap_or_default(),
                arch: fields.remove("Architecture").unwrap_or_default(),
                source: "deb",
            })
        })
        .collect()
}

/// Alpine's installed database: one stanza per package, `P:` name, `V:` version, `A:` arch.
pub fn apk(text: &str) -> Vec<Package> {
    stanzas(text)
        .into_iter()
        .filter_map(|mut fields| {
            Some(Package {
                name: fields.remove("P")?,
                version: fields.remove("V").unwrap_or_default(),
                arch: fields.remove("A").unwrap_or_default(),
                source: "apk",
            })
        })
        .collect()
}

/// The distribution an image says it is (os-release(5)): `PRETTY_NAME`, else `NAME VERSION_ID`,
/// else `ID`.
pub fn distribution(os_release: &str) -> Option<String> {
    let mut fields = BTreeMap::new();
    for line in os_release.lines() {
        let Some((key, value)) = line.trim().split_once('=') else { continue };
        let value = value.trim();
        let unquoted = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
        let unquoted = unquoted.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')).unwrap_or(unquoted);
        fields.insert(key.trim().to_string(), unquoted.replace("\\\"", "\""));
    }
    let named = |key: &str| fields.get(key).filter(|v| !v.is_empty()).cloned();
    named("PRETTY_NAME")
        .or_else(|| Some(format!("{} {}", named("NAME")?, named("VERSION_ID").unwrap_or_default()).trim().to_string()))
        .or_else(|| named("ID"))
}

/// A package whose version (or architecture) differs between two lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    pub name: String,
    pub from: String,
    pub to: String,
}

/// What changed from `before` to `after`: names added, names removed, and versions changed, each
/// sorted by name. A package is known by its name and architecture (multi-arch dpkg lists one
/// name per architecture).
pub fn changes(before: &[Package], after: &[Package]) -> (Vec<String>, Vec<String>, Vec<Changed>) {
    let key = |p: &Package| (p.name.clone(), p.arch.clone());
    let before: BTreeMap<_, &Package> = before.iter().map(|p| (key(p), p)).collect();
    let after: BTreeMap<_, &Package> = after.iter().map(|p| (key(p), p)).collect();
    let added = after.keys().filter(|k| !before.contains_key(*k)).map(|(name, _)| name.clone()).collect();
    let removed = before.keys().filter(|k| !after.contains_key(*k)).map(|(name, _)| name.clone()).collect();
    let changed = after
        .iter()
        .filter_map(|(k, now)| {
            let was = before.get(k)?;
            (was.version != now.version).then(|| Changed {
                name: now.name.clone(),
                from: was.version.clone(),
                to: now.version.clone(),
            })
        })
        .collect();
    (added, removed, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DPKG: &str = "\
Package: libc6
Status: install ok installed
Priority: optional
Architecture: amd64
Version: 2.36-9+deb12u4
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.

Package: openssl
Status: deinstall ok config-files
Architecture: amd64
Version: 3.0.11-1~deb12u2

Package: zlib1g
Status: install ok half-installed
Architecture: amd64
Version: 1:1.2.13.dfsg-1

Package: tzdata
Status: install ok installed
Architecture: all
Version: 2024a-0+deb12u1
";

    #[test]
    fn dpkg_counts_installed_stanzas_only() {
        let names: Vec<(String, String, String)> =
            dpkg(DPKG, false).into_iter().map(|p| (p.name, p.version, p.arch)).collect();
        assert_eq!(
            names,
            [
                ("libc6".into(), "2.36-9+deb12u4".into(), "amd64".into()),
                ("tzdata".into(), "2024a-0+deb12u1".into(), "all".into())
            ]
        );
    }

    #[test]
    fn distroless_stanzas_without_status_are_installed() {
        let text = "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n";
        assert_eq!(dpkg(text, true).len(), 1, "status.d");
        assert_eq!(dpkg(text, false).len(), 0, "a status file records a Status for each package");
    }

    #[test]
    fn apk_reads_p_v_a() {
        let text = "C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\nS:383152\n\nC:Q1def=\nP:busybox\nV:1.36.1-r5\nA:x86_64\n";
        let packages = apk(text);
        assert_eq!(
            packages.iter().map(|p| (p.name.as_str(), p.version.as_str())).collect::<Vec<_>>(),
            [("musl", "1.2.4-r2"), ("busybox", "1.36.1-r5")]
        );
        assert!(packages.iter().all(|p| p.source == "apk" && p.arch == "x86_64"));
    }

    #[test]
    fn distribution_table() {
        let cases = [
            (
                "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n",
                Some("Debian GNU/Linux 12 (bookworm)"),
            ),
            ("NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\n", Some("Alpine Linux 3.19.1")),
            ("ID=wolfi\n", Some("wolfi")),
            ("PRETTY_NAME='Quoted'\n", Some("Quoted")),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(distribution(text).as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn changes_by_name_and_architecture() {
        let package = |name: &str, version: &str| Package {
            name: name.into(),
            version: version.into(),
            arch: "amd64".into(),
            source: "deb",
        };
        let before = [package("openssl", "3.0.11"), package("curl", "7.88"), package("gone", "1")];
        let after = [package("openssl", "3.0.13"), package("curl", "7.88"), package("new", "2")];
        let (added, removed, changed) = changes(&before, &after);
        assert_eq!((added, removed), (vec!["new".to_string()], vec!["gone".to_string()]));
        assert_eq!(changed, [Changed { name: "openssl".into(), from: "3.0.11".into(), to: "3.0.13".into() }]);
        assert_eq!(changes(&after, &after), (vec![], vec![], vec![]), "an image compared with itself");
    }
}
