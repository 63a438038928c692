//! The matchers, one per kind of pack rule: each holds its rules as the
//! engine compiled them and reports their findings in a segment's view.

pub(super) mod article;
pub(super) mod consistency;
pub(super) mod pattern;
pub(super) mod phrase;
pub(super) mod repetition;
pub(super) mod sequence;
pub(super) mod spelling;
