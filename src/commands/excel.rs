//! Export-Excel, the ImportExcel module's most used command: objects to an `.xlsx`
//! worksheet (written with rust_xlsxwriter), a header row of the first object's property
//! names and a row per object, with ImportExcel's `-WorksheetName`, `-AutoSize`,
//! `-FreezeTopRow`, `-AutoFilter`, `-TableName` (style Medium6), `-BoldTopRow`, `-Append`
//! and `-ClearSheet`.
//!
//! Values keep their kind: numbers, Booleans and dates are cells of that kind, and text
//! that reads as a number becomes one (ImportExcel's default; `-NoNumberConversion`
//! lists the properties, or `*`, to keep as text).
//!
//! **decisions**:
//! - An existing workbook is read (calamine) and written again: its other worksheets keep
//!   their values but not their formatting; the target worksheet is overwritten from A1
//!   as ImportExcel does (cells beyond the new data stay unless `-ClearSheet`), or with
//!   `-Append` the rows go below its data, each value under the column of its name.
//! - Dates are shown in Excel's built-in `m/d/yy h:mm` format.
//! - `-Show` opens no spreadsheet program (there is none in a terminal): it warns where
//!   the workbook was saved. ImportExcel's `-PassThru` (an EPPlus package) is not offered.

use calamine::{Data, Reader};
use chrono::NaiveDateTime;
use rust_xlsxwriter::{Format, Table, TableColumn, TableStyle, Workbook, Worksheet, XlsxError};

use crate::commands::core::props::input_object;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::error::ErrorCategory;
use crate::engine::value::Value;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Number(f64),
    Text(String),
    Bool(bool),
    Date(NaiveDateTime),
    /// A date read back from an existing workbook (Excel's serial day number).
    Serial(f64),
}

/// A worksheet's cells, row by row (`None` is an empty cell).
type Rows = Vec<Vec<Option<Cell>>>;

/// Excel's built-in date and time format (number format 22).
const DATE_FORMAT: &str = "m/d/yy h:mm";

#[derive(Default)]
struct ExportExcel {
    items: Vec<Value>,
}

impl Processor for ExportExcel {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        if let Some(v) = input_object(cx, input)? {
            match v {
                Value::Null => {}
                Value::Array(a) => self.items.extend(a.borrow().iter().cloned()),
                v => self.items.push(v),
            }
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let path = cx.string("Path").unwrap_or_default();
        let sheet = cx
            .string("WorksheetName")
            .unwrap_or_else(|| "Sheet1".into());
        if cx.switch("AutoFilter") && cx.string("TableName").is_some() {
            cx.warning("Tables are automatically auto-filtered, -AutoFilter will be ignored")?;
        }
        let mut sheets = if std::path::Path::new(&path).exists() {
            read_workbook(&path).map_err(|e| {
                cx.terminating(
                    &format!("Could not read the workbook '{path}': {e}"),
                    "WorkbookNotReadable",
                    ErrorCategory::ReadError,
                )
            })?
        } else {
            Vec::new()
        };
        let index = match sheets
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case(&sheet))
        {
            Some(i) => i,
            None => {
                sheets.push((sheet.clone(), Vec::new()));
                sheets.len() - 1
            }
        };
        if cx.switch("ClearSheet") {
            sheets[index].1.clear();
        }
        let keep_text = strings(cx.param("NoNumberConversion"));
        let (first_row, last_row, columns) = place(
            &mut sheets[index].1,
            &self.items,
            cx.switch("Append"),
            &keep_text,
        );
        let options = Options {
            bold_top_row: cx.switch("BoldTopRow"),
            freeze_top_row: cx.switch("FreezeTopRow"),
            auto_filter: cx.switch("AutoFilter") && cx.string("TableName").is_none(),
            table: cx.string("TableName"),
            auto_size: cx.switch("AutoSize"),
        };
        write_workbook(
            &path,
            &sheets,
            index,
            (first_row, last_row, columns),
            &options,
        )
        .map_err(|e| {
            cx.terminating(
                &format!("Could not write the workbook '{path}': {e}"),
                "WorkbookNotWritten",
                ErrorCategory::WriteError,
            )
        })?;
        if cx.switch("Show") {
            cx.warning(&format!(
                "exosh cannot open a spreadsheet program: the workbook is saved at '{path}'."
            ))?;
        }
        Ok(())
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.borrow().iter().map(|x| x.to_string()).collect(),
        Some(one) => vec![one.to_string()],
    }
}

/// A value as a cell; text that reads as a number becomes one unless `keep_text`.
fn cell(v: &Value, keep_text: bool) -> Option<Cell> {
    Some(match v {
        Value::Null => return None,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Int(i) => Cell::Number(f64::from(*i)),
        Value::Long(i) => Cell::Number(*i as f64),
        Value::Double(d) => Cell::Number(*d),
        Value::Decimal(d) => Cell::Number(d.to_string().parse().unwrap_or_default()),
        Value::DateTime(dt) => Cell::Date(*dt),
        Value::String(s) => match s.trim().parse::<f64>() {
            Ok(n) if !keep_text && n.is_finite() && !s.trim().is_empty() => Cell::Number(n),
            _ => Cell::Text(s.to_string()),
        },
        other => Cell::Text(other.to_string()),
    })
}

/// An object's properties as (name, value) pairs; a scalar is one nameless value.
fn fields(v: &Value) -> Vec<(Option<String>, Value)> {
    match v {
        Value::Object(o) => o
            .borrow()
            .properties()
            .map(|p| (Some(p.name.clone()), p.value.clone()))
            .collect(),
        Value::Hashtable(h) => h
            .borrow()
            .iter()
            .map(|(k, x)| (Some(k.to_string()), x.clone()))
            .collect(),
        other => vec![(None, other.clone())],
    }
}

/// Puts the objects into the rows: a header and a row each from A1, or with `append`
/// below the existing rows under the existing header's columns (new names get new
/// columns). Returns the data's first row (the header's), last row and column count.
fn place(rows: &mut Rows, items: &[Value], append: bool, keep_text: &[String]) -> (u32, u32, u16) {
    let keep = |name: &Option<String>| {
        keep_text
            .iter()
            .any(|k| k == "*" || name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(k)))
    };
    let appending = append && !rows.is_empty();
    let mut header: Vec<String> = if appending {
        rows[0]
            .iter()
            .map(|c| match c {
                Some(Cell::Text(t)) => t.clone(),
                Some(Cell::Number(n)) => n.to_string(),
                _ => String::new(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut new_rows: Rows = Vec::new();
    for item in items {
        let mut row: Vec<Option<Cell>> = vec![None; header.len()];
        for (name, value) in fields(item) {
            let column = match &name {
                None => 0,
                Some(n) => match header.iter().position(|h| h.eq_ignore_ascii_case(n)) {
                    Some(c) => c,
                    None => {
                        header.push(n.clone());
                        header.len() - 1
                    }
                },
            };
            if row.len() <= column {
                row.resize(column + 1, None);
            }
            row[column] = cell(&value, keep(&name));
        }
        new_rows.push(row);
    }
    let named = items
        .first()
        .is_some_and(|i| fields(i).iter().any(|(n, _)| n.is_some()));
    let start = if appending { rows.len() } else { 0 };
    let mut block: Rows = Vec::new();
    if named || appending {
        block.push(header.iter().map(|h| Some(Cell::Text(h.clone()))).collect());
    }
    block.extend(new_rows);
    let header_at = if appending { 0 } else { start };
    // With -Append the header row is rewritten in place (it may have gained columns).
    let (offset, block) = if appending {
        rows[0] = block[0].clone();
        (start, block[1..].to_vec())
    } else {
        (start, block)
    };
    for (i, row) in block.into_iter().enumerate() {
        let r = offset + i;
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        let target = &mut rows[r];
        if target.len() < row.len() {
            target.resize(row.len(), None);
        }
        for (c, value) in row.into_iter().enumerate() {
            target[c] = value;
        }
    }
    let last = rows.len().saturating_sub(1);
    let columns = rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(header.len());
    (
        u32::try_from(header_at).unwrap_or(0),
        u32::try_from(last).unwrap_or(0),
        u16::try_from(columns).unwrap_or(u16::MAX),
    )
}

/// Reads every worksheet's values.
fn read_workbook(path: &str) -> Result<Vec<(String, Rows)>, String> {
    let mut book = calamine::open_workbook_auto(path).map_err(|e| e.to_string())?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Rows = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells: Vec<Option<Cell>> = vec![None; left as usize];
            cells.extend(row.iter().map(|d| match d {
                Data::Int(i) => Some(Cell::Number(*i as f64)),
                Data::Float(f) => Some(Cell::Number(*f)),
                Data::String(s) => Some(Cell::Text(s.clone())),
                Data::Bool(b) => Some(Cell::Bool(*b)),
                Data::DateTime(dt) => Some(Cell::Serial(dt.as_f64())),
                Data::DateTimeIso(s) | Data::DurationIso(s) => Some(Cell::Text(s.clone())),
                Data::Error(_) | Data::Empty => None,
            }));
            rows.push(cells);
        }
        sheets.push((name, rows));
    }
    Ok(sheets)
}

/// The switches that shape the target worksheet.
struct Options {
    bold_top_row: bool,
    freeze_top_row: bool,
    auto_filter: bool,
    table: Option<String>,
    auto_size: bool,
}

fn write_rows(ws: &mut Worksheet, rows: &Rows, bold_row: Option<u32>) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format(DATE_FORMAT);
    let bold = Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap_or(u32::MAX);
        for (c, value) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            let Some(value) = value else { continue };
            let emphasis = (bold_row == Some(r)).then_some(&bold);
            match (value, emphasis) {
                (Cell::Text(t), Some(f)) => ws.write_string_with_format(r, c, t, f)?,
                (Cell::Text(t), None) => ws.write_string(r, c, t)?,
                (Cell::Number(n), _) => ws.write_number(r, c, *n)?,
                (Cell::Bool(b), _) => ws.write_boolean(r, c, *b)?,
                (Cell::Date(d), _) => ws.write_datetime_with_format(r, c, d, &date)?,
                (Cell::Serial(s), _) => ws.write_number_with_format(r, c, *s, &date)?,
            };
        }
    }
    Ok(())
}

/// Writes every worksheet, shaping the target one (`target`) over its data block.
fn write_workbook(
    path: &str,
    sheets: &[(String, Rows)],
    target: usize,
    (first, last, columns): (u32, u32, u16),
    options: &Options,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    for (i, (name, rows)) in sheets.iter().enumerate() {
        let ws = book.add_worksheet();
        ws.set_name(name)?;
        let shaped = i == target;
        let bold_row = (shaped && options.bold_top_row).then_some(first);
        write_rows(ws, rows, bold_row)?;
        if !shaped || columns == 0 {
            continue;
        }
        let last_col = columns - 1;
        if options.freeze_top_row {
            ws.set_freeze_panes(first + 1, 0)?;
        }
        if options.auto_filter {
            ws.autofilter(first, 0, last, last_col)?;
        }
        if let Some(name) = &options.table {
            let header: Vec<TableColumn> = rows
                .get(first as usize)
                .map(|r| {
                    (0..usize::from(columns))
                        .map(|c| {
                            let column = match r.get(c) {
                                Some(Some(Cell::Text(t))) => TableColumn::new().set_header(t),
                                _ => TableColumn::new(),
                            };
                            // The table writes its own header cells: bold goes with them.
                            if options.bold_top_row {
                                column.set_header_format(Format::new().set_bold())
                            } else {
                                column
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            let table = Table::new()
                .set_name(name)
                .set_style(TableStyle::Medium6)
                .set_columns(&header);
            ws.add_table(first, 0, last.max(first + 1), last_col, &table)?;
        }
        if options.auto_size {
            ws.autofit();
        }
    }
    book.save(path)
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Export-Excel")
        .synopsis("Exports objects to a worksheet of an Excel workbook (.xlsx).")
        .param(Param::new("Path", ParamType::String).position(0).mandatory())
        .param(Param::new("InputObject", ParamType::Any).alias("TargetData").from_pipeline())
        .param(Param::new("WorksheetName", ParamType::String).alias("WS").position(1))
        .param(Param::switch("AutoSize"))
        .param(Param::switch("FreezeTopRow"))
        .param(Param::switch("AutoFilter"))
        .param(Param::new("TableName", ParamType::String))
        .param(Param::switch("BoldTopRow"))
        .param(Param::switch("Append"))
        .param(Param::switch("ClearSheet"))
        .param(Param::switch("Show"))
        .param(Param::new("NoNumberConversion", ParamType::StringArray))
        .example(
            "An invalid table name is refused",
            "try { [pscustomobject]@{A=1} | Export-Excel ./never.xlsx -TableName 'has space' } catch { $_.FullyQualifiedErrorId }",
            "WorkbookNotWritten,Export-Excel",
        );
    CommandInfo::new(sig, || Box::new(ExportExcel::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_text_becomes_a_number_unless_kept() {
        assert_eq!(cell(&Value::str("42"), false), Some(Cell::Number(42.0)));
        assert_eq!(cell(&Value::str("42"), true), Some(Cell::Text("42".into())));
        assert_eq!(
            cell(&Value::str("Ken"), false),
            Some(Cell::Text("Ken".into()))
        );
        assert_eq!(cell(&Value::str(" "), false), Some(Cell::Text(" ".into())));
        assert_eq!(cell(&Value::Null, false), None);
    }

    #[test]
    fn appending_places_values_under_their_columns() {
        let mut rows: Rows = vec![
            vec![
                Some(Cell::Text("Name".into())),
                Some(Cell::Text("Size".into())),
            ],
            vec![Some(Cell::Text("Ken".into())), Some(Cell::Number(1.0))],
        ];
        let mut o = crate::engine::object::PsObject::custom();
        o.set("Size", Value::Int(2));
        o.set("Name", Value::str("Pilar"));
        o.set("Dept", Value::str("R&D"));
        let (first, last, columns) = place(&mut rows, &[Value::object(o)], true, &[]);
        assert_eq!((first, last, columns), (0, 2, 3));
        assert_eq!(rows[0][2], Some(Cell::Text("Dept".into())));
        assert_eq!(
            rows[2],
            vec![
                Some(Cell::Text("Pilar".into())),
                Some(Cell::Number(2.0)),
                Some(Cell::Text("R&D".into()))
            ]
        );
    }
}
