//! The grid's state, apart from drawing: columns and cells, the filter, the sort, the
//! current row and the marked ones, and what a key does to them.

use std::cmp::Ordering;

use crate::engine::value::Value;
use crate::format::text::field_text;

/// What the grid gives back when it closes (`-OutputMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    None,
    Single,
    Multiple,
}

/// A key, as the grid understands it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Backspace,
    Up,
    Down,
    PageUp,
    PageDown,
    Left,
    Right,
    Sort,
    Mark,
    Enter,
    Cancel,
}

/// What a key led to.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    /// Closed: the chosen objects' indices, in the order shown.
    Done(Vec<usize>),
}

pub struct Grid {
    pub columns: Vec<String>,
    /// Each object's cells, as formatted output shows them.
    pub cells: Vec<Vec<String>>,
    pub filter: String,
    /// The sorted column and whether descending.
    pub sort: Option<(usize, bool)>,
    /// The chosen column (for sorting).
    pub column: usize,
    /// The current row, an index into [`Grid::visible`].
    pub cursor: usize,
    pub marked: Vec<usize>,
    pub mode: Mode,
}

impl Grid {
    /// The grid of `items`: the first object's properties are the columns (a value that
    /// is no object has one column, `Value`).
    pub fn new(items: &[Value], mode: Mode) -> Grid {
        let columns: Vec<String> = match items.first() {
            Some(Value::Object(o)) => o.borrow().properties().map(|p| p.name.clone()).collect(),
            Some(Value::Hashtable(h)) => h.borrow().iter().map(|(k, _)| k.to_string()).collect(),
            _ => vec!["Value".to_string()],
        };
        let cells = items
            .iter()
            .map(|item| {
                columns
                    .iter()
                    .map(|c| {
                        let value = match item {
                            Value::Object(o) => o.borrow().get(c).cloned(),
                            Value::Hashtable(h) => h.borrow().get_str(c).cloned(),
                            other if columns.len() == 1 && c == "Value" => Some(other.clone()),
                            _ => None,
                        };
                        value.map(|v| field_text(&v, 4)).unwrap_or_default()
                    })
                    .collect()
            })
            .collect();
        Grid {
            columns,
            cells,
            filter: String::new(),
            sort: None,
            column: 0,
            cursor: 0,
            marked: Vec::new(),
            mode,
        }
    }

    /// The rows shown: those with a cell containing the filter (ignoring case), in the
    /// sort's order (numbers by value, text ignoring case; ties keep their order).
    pub fn visible(&self) -> Vec<usize> {
        let needle = self.filter.to_lowercase();
        let mut rows: Vec<usize> = (0..self.cells.len())
            .filter(|&r| {
                needle.is_empty()
                    || self.cells[r]
                        .iter()
                        .any(|c| c.to_lowercase().contains(&needle))
            })
            .collect();
        if let Some((column, descending)) = self.sort {
            rows.sort_by(|&a, &b| {
                let order = compare(&self.cells[a][column], &self.cells[b][column]);
                if descending { order.reverse() } else { order }
            });
        }
        rows
    }

    /// Applies a key.
    pub fn key(&mut self, key: Key, page: usize) -> Outcome {
        let shown = self.visible();
        let last = shown.len().saturating_sub(1);
        match key {
            Key::Char(c) => {
                self.filter.push(c);
                self.cursor = 0;
            }
            Key::Backspace => {
                self.filter.pop();
                self.cursor = 0;
            }
            Key::Up => self.cursor = self.cursor.saturating_sub(1),
            Key::Down => self.cursor = (self.cursor + 1).min(last),
            Key::PageUp => self.cursor = self.cursor.saturating_sub(page.max(1)),
            Key::PageDown => self.cursor = (self.cursor + page.max(1)).min(last),
            Key::Left => self.column = self.column.saturating_sub(1),
            Key::Right => {
                self.column = (self.column + 1).min(self.columns.len().saturating_sub(1));
            }
            Key::Sort => {
                self.sort = match self.sort {
                    Some((c, false)) if c == self.column => Some((c, true)),
                    _ => Some((self.column, false)),
                };
            }
            Key::Mark => {
                if let Some(&row) = shown.get(self.cursor) {
                    match self.marked.iter().position(|&m| m == row) {
                        Some(i) => {
                            self.marked.remove(i);
                        }
                        None => self.marked.push(row),
                    }
                }
            }
            Key::Enter => {
                let current = shown.get(self.cursor).copied();
                return Outcome::Done(match self.mode {
                    Mode::None => Vec::new(),
                    Mode::Single => current.into_iter().collect(),
                    Mode::Multiple if self.marked.is_empty() => current.into_iter().collect(),
                    Mode::Multiple => shown
                        .iter()
                        .copied()
                        .filter(|r| self.marked.contains(r))
                        .collect(),
                });
            }
            Key::Cancel => return Outcome::Done(Vec::new()),
        }
        Outcome::Continue
    }
}

/// Two cells in sort order: numbers by value, else text ignoring case.
fn compare(a: &str, b: &str) -> Ordering {
    match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
        (Ok(x), Ok(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        _ => a.to_lowercase().cmp(&b.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::object::PsObject;

    fn people() -> Vec<Value> {
        [("Ken", 10), ("pilar", 9), ("Ann", 100)]
            .iter()
            .map(|(n, s)| {
                let mut o = PsObject::custom();
                o.set("Name", Value::str(n));
                o.set("Size", Value::Int(*s));
                Value::object(o)
            })
            .collect()
    }

    #[test]
    fn filter_and_sort() {
        let mut g = Grid::new(&people(), Mode::Multiple);
        assert_eq!(g.columns, ["Name", "Size"]);
        g.key(Key::Right, 10);
        g.key(Key::Sort, 10);
        assert_eq!(g.visible(), [1, 0, 2]);
        g.key(Key::Sort, 10);
        assert_eq!(g.visible(), [2, 0, 1]);
        g.key(Key::Left, 10);
        g.key(Key::Sort, 10);
        assert_eq!(g.visible(), [2, 0, 1]);
        g.key(Key::Char('N'), 10);
        assert_eq!(g.visible(), [2, 0]);
    }

    #[test]
    fn marks_and_modes() {
        let mut g = Grid::new(&people(), Mode::Multiple);
        g.key(Key::Mark, 10);
        g.key(Key::Down, 10);
        g.key(Key::Down, 10);
        g.key(Key::Mark, 10);
        assert_eq!(g.key(Key::Enter, 10), Outcome::Done(vec![0, 2]));
        let mut g = Grid::new(&people(), Mode::Single);
        g.key(Key::Down, 10);
        assert_eq!(g.key(Key::Enter, 10), Outcome::Done(vec![1]));
        let mut g = Grid::new(&people(), Mode::None);
        assert_eq!(g.key(Key::Enter, 10), Outcome::Done(vec![]));
        let mut g = Grid::new(&people(), Mode::Multiple);
        assert_eq!(g.key(Key::Cancel, 10), Outcome::Done(vec![]));
    }
}
