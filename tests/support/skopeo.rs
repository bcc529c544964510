//! skopeo as users run it to write an OCI layout: the layout tests read what it writes.

use std::path::Path;
use std::process::Command;

/// Copies `image` (HOST/REPO:TAG on the plain-HTTP test registry, every platform of an index)
/// into the layout at `dir` as `tag`; skopeo keeps its own files under `home`.
pub fn copy_to_layout(image: &str, dir: &Path, tag: &str, home: &Path) {
    let output = Command::new("/usr/bin/skopeo")
        .args(["copy", "--quiet", "--multi-arch", "all", "--src-tls-verify=false"])
        .arg(format!("docker://{image}"))
        .arg(format!("oci:{}:{tag}", dir.display()))
        .env("HOME", home)
        .output()
        .expect("/usr/bin/skopeo is missing: apt-get install skopeo");
    assert!(output.status.success(), "skopeo copy: {}", String::from_utf8_lossy(&output.stderr));
}
