//! Group-Object (`group`): groups objects by the values of properties or expressions;
//! `-NoElement`, `-AsHashTable`, `-AsString`, `-CaseSensitive`. As in pwsh 7, when every
//! key has values of one type the groups come out sorted by key (a stable sort); with
//! mixed types, in order of first appearance.

use std::cmp::Ordering;

use super::order::{compare, equal};
use super::props::{ScriptProps, key_values};
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::object::PsObject;
use crate::engine::value::{Hashtable, Value};
use crate::format::select::{Column, SpecContext};
use crate::format::view::{GROUP_INFO, GROUP_INFO_NO_ELEMENT};

struct Group {
    values: Vec<Value>,
    members: Vec<Value>,
}

#[derive(Default)]
struct GroupCmd {
    props: ScriptProps,
    keys: Vec<Column>,
    /// Every input with its key values, in order.
    entries: Vec<(Vec<Value>, Value)>,
}

/// Whether each key position holds values of one type (nulls aside).
fn uniform(entries: &[(Vec<Value>, Value)]) -> bool {
    let Some((first, _)) = entries.first() else {
        return true;
    };
    (0..first.len()).all(|i| {
        let mut types = entries
            .iter()
            .filter_map(|(k, _)| k.get(i))
            .filter(|v| !v.is_null())
            .map(Value::type_name);
        let Some(t) = types.next() else { return true };
        types.all(|u| u == t)
    }) && entries.iter().all(|(k, _)| k.len() == first.len())
}

/// Groups entries: after sorting only neighbours can share a group; otherwise any
/// earlier group may take an entry.
fn group(entries: Vec<(Vec<Value>, Value)>, case: bool) -> Vec<Group> {
    let same = |a: &[Value], b: &[Value]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| equal(x, y, case))
    };
    let mut groups: Vec<Group> = Vec::new();
    let sorted = uniform(&entries);
    let mut entries = entries;
    if sorted {
        entries.sort_by(|a, b| {
            a.0.iter()
                .zip(&b.0)
                .map(|(x, y)| compare(x, y, case))
                .find(|o| *o != Ordering::Equal)
                .unwrap_or(Ordering::Equal)
        });
    }
    for (values, v) in entries {
        let found = if sorted {
            groups.last_mut().filter(|g| same(&g.values, &values))
        } else {
            groups.iter_mut().find(|g| same(&g.values, &values))
        };
        match found {
            Some(g) => g.members.push(v),
            None => groups.push(Group {
                values,
                members: vec![v],
            }),
        }
    }
    groups
}

impl Processor for GroupCmd {
    fn begin(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        self.keys = self
            .props
            .columns(cx, cx.param("Property"), SpecContext::Select)?;
        Ok(())
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some((v, view)) = self.props.input(cx, input)? else {
            return Ok(());
        };
        let values = key_values(self.keys.iter(), &view);
        self.entries.push((values, v));
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let groups = group(
            std::mem::take(&mut self.entries),
            cx.switch("CaseSensitive"),
        );
        if cx.switch("AsHashTable") {
            let mut h = Hashtable::new(false);
            for g in groups {
                let key = if cx.switch("AsString") || g.values.len() != 1 {
                    Value::str(name(&g.values))
                } else {
                    g.values[0].clone()
                };
                h.insert(key, Value::array(g.members));
            }
            return cx.write(Value::hashtable(h));
        }
        let no_element = cx.switch("NoElement");
        for g in groups {
            let type_name = if no_element {
                GROUP_INFO_NO_ELEMENT
            } else {
                GROUP_INFO
            };
            let mut o = PsObject::new(vec![type_name.into(), "System.Object".into()]);
            o.set("Count", Value::Int(g.members.len() as i32));
            o.set("Name", Value::str(name(&g.values)));
            if !no_element {
                o.set("Group", Value::array(g.members));
            }
            o.set("Values", Value::array(g.values));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}

/// A group's name: its key values joined by `, `.
fn name(values: &[Value]) -> String {
    values
        .iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Group-Object")
        .alias("group")
        .synopsis("Groups objects that contain the same value for specified properties.")
        .param(Param::new("Property", ParamType::AnyArray).position(0))
        .param(Param::switch("NoElement"))
        .param(Param::switch("AsHashTable"))
        .param(Param::switch("AsString"))
        .param(Param::switch("CaseSensitive"))
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .example(
            "Counts per value",
            "1, 2, 1 | Group-Object -NoElement",
            "\nCount Name\n----- ----\n    2 1\n    1 2\n",
        );
    CommandInfo::new(sig, || Box::new(GroupCmd::default()))
}
