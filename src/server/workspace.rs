//! The checkers of an editor session: one per workspace folder (for a file
//! outside every folder, one per site), each keeping its config and sites
//! between keystrokes, and read again after a file under it changes on disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::api::{Checker, Options, SchemaError};
use crate::config::Config;

/// Every checker of the session, by the folder it works from.
#[derive(Debug, Default)]
pub(crate) struct Workspace {
    /// The editor's workspace folders.
    folders: Vec<PathBuf>,
    /// Each folder's checker, made when a file of it is first checked.
    slots: HashMap<PathBuf, Slot>,
}

/// One folder's checker, or the mistake in its config.
#[derive(Debug)]
struct Slot {
    /// The checker; `None` until a config without mistakes was read.
    checker: Option<Checker>,
    /// The mistake in the config found from the folder, if any.
    error: Option<SchemaError>,
    /// Whether a file under the folder changed since it was read.
    stale: bool,
}

impl Workspace {
    /// A session whose workspace folders are `folders`.
    pub(crate) fn new(folders: Vec<PathBuf>) -> Self {
        Self {
            folders,
            slots: HashMap::new(),
        }
    }

    /// The checker for the file at `path`, read (or read again, when a file
    /// changed) as needed; the mistake in its config instead.
    pub(crate) fn checker(&mut self, path: &Path) -> Result<&mut Checker, SchemaError> {
        let folder = self.folder_of(path);
        let slot = self.slots.entry(folder.clone()).or_insert_with(|| Slot {
            checker: None,
            error: None,
            stale: true,
        });
        if slot.stale {
            slot.stale = false;
            slot.error = match &mut slot.checker {
                Some(checker) => checker.reload().err(),
                None => match Checker::new(Options::new(folder)) {
                    Ok(checker) => {
                        slot.checker = Some(checker);
                        None
                    }
                    Err(err) => Some(err),
                },
            };
        }
        match (&slot.error, &mut slot.checker) {
            (Some(err), _) => Err(err.clone()),
            (None, Some(checker)) => Ok(checker),
            (None, None) => Err(SchemaError {
                path: PathBuf::new(),
                text: String::new(),
                span: 0..0,
                message: "the config could not be read".to_string(),
            }),
        }
    }

    /// Marks every checker whose folder holds `path` to be read again
    /// before its next check.
    pub(crate) fn changed(&mut self, path: &Path) {
        for (folder, slot) in &mut self.slots {
            if path.starts_with(folder) {
                slot.stale = true;
            }
        }
    }

    /// Marks every checker to be read again before its next check.
    pub(crate) fn changed_all(&mut self) {
        for slot in self.slots.values_mut() {
            slot.stale = true;
        }
    }

    /// The mistakes in the configs read, one per folder.
    pub(crate) fn errors(&self) -> impl Iterator<Item = &SchemaError> {
        self.slots.values().filter_map(|slot| slot.error.as_ref())
    }

    /// The folder a file's checker works from: the innermost workspace
    /// folder holding it, else the nearest folder above it with a config
    /// (`.prepress.yml` or `_config.yml`), else its own folder.
    fn folder_of(&self, path: &Path) -> PathBuf {
        if let Some(folder) = self
            .folders
            .iter()
            .filter(|folder| path.starts_with(folder))
            .max_by_key(|folder| folder.as_os_str().len())
        {
            return folder.clone();
        }
        let parent = path.parent().unwrap_or(path);
        parent
            .ancestors()
            .find(|dir| Config::file_in(dir).is_some())
            .unwrap_or(parent)
            .to_path_buf()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_outside_the_folders_is_checked_from_its_site() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("blog");
        std::fs::create_dir_all(site.join("_posts")).unwrap();
        std::fs::write(site.join("_config.yml"), "title: x\n").unwrap();
        let inner = dir.path().join("work");
        let workspace = Workspace::new(vec![dir.path().to_path_buf(), inner.clone()]);
        assert_eq!(workspace.folder_of(&inner.join("a.md")), inner);
        let outside = Workspace::new(Vec::new());
        assert_eq!(outside.folder_of(&site.join("_posts/a.md")), site);
        assert_eq!(
            outside.folder_of(&dir.path().join("loose/a.md")),
            dir.path().join("loose")
        );
    }

    #[test]
    fn a_mistake_in_the_config_is_kept_until_the_config_changes() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join(".prepress.yml");
        std::fs::write(&config, "rulez: {}\n").unwrap();
        let post = dir.path().join("a.md");
        let mut workspace = Workspace::new(vec![dir.path().to_path_buf()]);
        let err = workspace.checker(&post).unwrap_err();
        assert_eq!(err.path, config);
        assert_eq!(workspace.errors().count(), 1);
        std::fs::write(&config, "unsafe-fixes: true\n").unwrap();
        assert!(workspace.checker(&post).is_err(), "not read again yet");
        workspace.changed(&config);
        assert!(workspace.checker(&post).is_ok());
        assert_eq!(workspace.errors().count(), 0);
    }
}
