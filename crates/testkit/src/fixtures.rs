//! The vendors' recorded payloads a connector's tests parse verbatim.
//! Each connector keeps copies in `tests/fixtures/` (so its tests do not
//! depend on a checkout beside the repo) and checks that they have not
//! drifted from `../shared/upstream-fixtures/<service>/`.

use std::path::Path;

/// The `.json` files in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// Every original in `../shared/upstream-fixtures/<service>` equals its
/// copy in `local`. Skipped (with a note) when `../shared` is not there.
pub fn assert_copies_match_shared(manifest_dir: &str, service: &str, local: &Path) {
    let shared = Path::new(manifest_dir)
        .join("../../../../shared/upstream-fixtures")
        .join(service);
    if !shared.exists() {
        eprintln!("skipped: {} is not present", shared.display());
        return;
    }
    for name in names(&shared) {
        let original = std::fs::read(shared.join(&name)).expect("readable original");
        let copy = std::fs::read(local.join(&name))
            .unwrap_or_else(|_| panic!("{name} has no copy in {}", local.display()));
        assert_eq!(original, copy, "{name} drifted from ../shared");
    }
}
