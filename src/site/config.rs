//! Reading the config's values: a time zone, and what counts as blank or
//! true.

use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{Node, NodeKind};
use crate::site_problem::Problem;

/// The zone a `timezone` value names (`None` when blank), or the problem
/// when the time zone database does not know it.
pub(super) fn read_timezone(value: &Node) -> Result<Option<jiff::tz::TimeZone>, Problem> {
    let Some(scalar) = value.as_scalar().filter(|s| !s.is_blank()) else {
        return Ok(None);
    };
    let name = scalar.value.trim();
    match jiff::tz::TimeZone::get(name) {
        Ok(zone) => Ok(Some(zone)),
        Err(_) => Err(Problem::UnknownTimezone {
            span: value.span.clone(),
            name: name.to_string(),
        }),
    }
}

/// Whether a value holds nothing: null, blank text, or an empty list or mapping.
pub(super) fn is_blank(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Scalar(s) => s.is_blank(),
        NodeKind::Sequence(items) => items.is_empty(),
        NodeKind::Mapping(entries) => entries.is_empty(),
        NodeKind::Alias => false,
    }
}

pub(super) fn is_true(node: &Node) -> bool {
    node.as_scalar()
        .is_some_and(|s| s.resolve() == Resolved::Bool(true))
}
