//! Registered views: how objects of a type print by default (pwsh's `*.format.ps1xml`).
//!
//! A view is data — a shape and its columns — registered under a type name. Out-Default
//! looks the object's type names up most-derived first; `Format-Table`/`Format-List`
//! without properties use the view of their shape when there is one.
//!
//! The session's views ([`Views`]) live in the engine's session state; a command module
//! registers the views of the types its commands output when a session starts:
//!
//! ```
//! use exosh::engine::command::Registry;
//! use exosh::engine::state::SessionState;
//! use exosh::format::view::{View, Views};
//!
//! fn widget_views(session: &SessionState) {
//!     session.get::<Views>().register("Contoso.Widget", View::table_of(&["Name", "Size"]));
//! }
//! let mut commands = Registry::new();
//! commands.on_session_start(widget_views);
//! # let session = SessionState::default();
//! # commands.start_session(&session);
//! # let names = ["Contoso.Widget".to_string()];
//! # assert!(session.get::<Views>().registry().find(&names, None).is_some());
//! ```

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::select::{Align, Column, Expr};

/// The shape a view (or a format command) lays objects out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Shape {
    Table,
    List,
    Wide,
    /// Format-Custom's `class Name { Property = value }` blocks.
    Custom,
}

/// A registered view.
#[derive(Debug, Clone)]
pub struct View {
    pub shape: Shape,
    /// Columns (table), lines (list) or the single item (wide), in order.
    pub columns: Vec<Column>,
    /// Whether a table view wraps its cells (`<Wrap/>`).
    pub wrap: bool,
    /// Groups consecutive objects by this expression (`<GroupBy>`), each group under a
    /// `   Label: value` line.
    pub group_by: Option<Column>,
    /// A group header of the view's own (`<GroupBy>` with a custom control): this text,
    /// then the group's value, instead of `   Label: `.
    pub group_header: Option<String>,
    /// The other types this view is for (pwsh's selection sets: one view for FileInfo
    /// and DirectoryInfo), so their objects stay in the same document.
    pub also_for: Vec<String>,
}

impl View {
    /// A table view. Columns without an alignment are left-aligned.
    pub fn table(columns: Vec<Column>) -> View {
        View {
            shape: Shape::Table,
            columns,
            wrap: false,
            group_by: None,
            group_header: None,
            also_for: Vec::new(),
        }
    }

    /// A list view.
    pub fn list(columns: Vec<Column>) -> View {
        View {
            shape: Shape::List,
            columns,
            wrap: false,
            group_by: None,
            group_header: None,
            also_for: Vec::new(),
        }
    }

    /// The view grouped by a property.
    pub fn grouped_by(mut self, property: &str) -> View {
        self.group_by = Some(Column::property(property));
        self
    }

    /// The view grouped by an expression, each group under `header` and the value
    /// (pwsh's `    Directory: /tmp`).
    pub fn grouped_under(mut self, column: Column, header: &str) -> View {
        self.group_by = Some(column);
        self.group_header = Some(header.to_string());
        self
    }

    /// The view, also for objects of these types.
    pub fn also_for(mut self, types: &[&str]) -> View {
        self.also_for = types.iter().map(|t| t.to_string()).collect();
        self
    }

    /// A table view of plain properties, the common case: `View::table_of(&["Name", "Alias"])`.
    pub fn table_of(properties: &[&str]) -> View {
        View::table(properties.iter().map(|p| Column::property(p)).collect())
    }

    /// A list view of plain properties.
    pub fn list_of(properties: &[&str]) -> View {
        View::list(properties.iter().map(|p| Column::property(p)).collect())
    }
}

/// Views by type name (case-insensitive), several shapes per type.
#[derive(Debug, Clone, Default)]
pub struct ViewRegistry {
    views: HashMap<String, Vec<View>>,
}

impl ViewRegistry {
    /// The views of PowerShell's own types that the formatter meets whatever commands
    /// produced them. Command modules register their types' views in [`Views`].
    pub fn builtin() -> ViewRegistry {
        let mut r = ViewRegistry::default();
        let col = |name: &str, width: usize, align: Align| Column {
            label: None,
            expr: Expr::Property(name.into()),
            align,
            width,
        };
        // Group-Object's output: Count (5 cells, right), Name (25 cells), Group.
        r.register(
            GROUP_INFO,
            View::table(vec![
                col("Count", 5, Align::Right),
                col("Name", 25, Align::Left),
                col("Group", 0, Align::Left),
            ]),
        );
        r.register(
            GROUP_INFO_NO_ELEMENT,
            View::table(vec![
                col("Count", 5, Align::Right),
                col("Name", 0, Align::Left),
            ]),
        );
        // DotNetTypes.format.ps1xml: hashtable entries, a 30-cell Name column.
        // Get-Command and Get-Alias: CommandType 15 cells, Name 50, Version 10, Source.
        let commands = View::table(vec![
            col("CommandType", 15, Align::Left),
            Column {
                label: Some("Name".into()),
                expr: Expr::Property("DisplayName".into()),
                align: Align::Left,
                width: 50,
            },
            col("Version", 10, Align::Left),
            col("Source", 0, Align::Left),
        ]);
        r.register(COMMAND_INFO, commands);
        // Get-Member's output, grouped under `   TypeName: ...`.
        r.register(
            MEMBER_DEFINITION,
            View::table_of(&["Name", "MemberType", "Definition"]).grouped_by("TypeName"),
        );
        // Hashtable entries and variables: a 30-cell Name column, then Value.
        let name_value = View::table(vec![
            col("Name", 30, Align::Left),
            Column::property("Value"),
        ]);
        r.register(PS_VARIABLE, name_value.clone());
        r.register(DICTIONARY_ENTRY, name_value);
        r
    }

    /// Adds a view for a type; a later view of the same shape replaces an earlier one.
    pub fn register(&mut self, type_name: &str, view: View) {
        let list = self.views.entry(type_name.to_lowercase()).or_default();
        list.retain(|v| v.shape != view.shape);
        list.push(view);
    }

    /// The view for the first of `type_names` that has one — of `shape`, or the first
    /// registered for that type when `shape` is `None`.
    pub fn find<'a>(&'a self, type_names: &'a [String], shape: Option<Shape>) -> Option<&'a View> {
        self.find_with_type(type_names, shape).map(|(_, v)| v)
    }

    /// Like [`ViewRegistry::find`], also giving the type name the view is registered
    /// under: later objects use the view when they have that type name too.
    pub fn find_with_type<'a>(
        &'a self,
        type_names: &'a [String],
        shape: Option<Shape>,
    ) -> Option<(&'a str, &'a View)> {
        type_names.iter().find_map(|t| {
            let list = self.views.get(&t.to_lowercase())?;
            let view = match shape {
                Some(s) => list.iter().find(|v| v.shape == s),
                None => list.first(),
            }?;
            Some((t.as_str(), view))
        })
    }
}

/// Group-Object's output types.
pub const GROUP_INFO: &str = "Microsoft.PowerShell.Commands.GroupInfo";
pub const GROUP_INFO_NO_ELEMENT: &str = "Microsoft.PowerShell.Commands.GroupInfoNoElement";

/// Get-Command's and Get-Alias's output types, and their base type (the view's).
pub const COMMAND_INFO: &str = "System.Management.Automation.CommandInfo";
pub const CMDLET_INFO: &str = "System.Management.Automation.CmdletInfo";
pub const FUNCTION_INFO: &str = "System.Management.Automation.FunctionInfo";
pub const ALIAS_INFO: &str = "System.Management.Automation.AliasInfo";

/// Get-Variable's output type.
pub const PS_VARIABLE: &str = "System.Management.Automation.PSVariable";

/// Get-Member's output type.
pub const MEMBER_DEFINITION: &str = "Microsoft.PowerShell.Commands.MemberDefinition";

/// The type name of a hashtable entry, under which hashtables print as Name/Value tables.
pub const DICTIONARY_ENTRY: &str = "System.Collections.DictionaryEntry";

/// The session's views, a slot of the engine's session state
/// (`cx.session().get::<Views>()`): the built-in ones, then those command modules register.
/// Formatters take a snapshot ([`Views::registry`]), so a view registered while a
/// pipeline prints applies from the next one.
pub struct Views(RefCell<Rc<ViewRegistry>>);

impl Default for Views {
    fn default() -> Self {
        Views(RefCell::new(Rc::new(ViewRegistry::builtin())))
    }
}

impl Views {
    /// Registers a view for a type (a later view of the same shape replaces an earlier one).
    pub fn register(&self, type_name: &str, view: View) {
        Rc::make_mut(&mut self.0.borrow_mut()).register(type_name, view);
    }

    /// The views as they are now.
    pub fn registry(&self) -> Rc<ViewRegistry> {
        self.0.borrow().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_most_derived_first_and_by_shape() {
        let mut r = ViewRegistry::default();
        r.register("Base", View::table_of(&["A"]));
        r.register("Derived", View::list_of(&["B"]));
        let names = vec!["Derived".to_string(), "Base".to_string()];
        assert_eq!(r.find(&names, None).map(|v| v.shape), Some(Shape::List));
        assert_eq!(
            r.find(&names, Some(Shape::Table)).map(|v| v.shape),
            Some(Shape::Table)
        );
        assert!(r.find(&["Other".to_string()], None).is_none());
    }

    #[test]
    fn registering_again_replaces_the_shape() {
        let mut r = ViewRegistry::default();
        r.register("t", View::table_of(&["A"]));
        r.register("T", View::table_of(&["B"]));
        let v = r
            .find(&["t".to_string()], None)
            .map(|v| v.columns[0].label());
        assert_eq!(v.as_deref(), Some("B"));
    }
}
