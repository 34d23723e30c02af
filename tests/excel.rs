//! Export-Excel writes workbooks that spreadsheet software opens: each test runs the built
//! `exosh`, then reads the file back with calamine (values, tables, bold cells) and looks
//! into the worksheet's XML for frozen panes and filters.

mod common;
mod loopback;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use common::TempOrg;

fn run(org: &TempOrg, script: &str) -> (String, String) {
    loopback::run_in(org, script)
}

/// A worksheet's cells as text rows (`""` for an empty cell).
fn cells(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook(path).expect("the workbook opens");
    let range = book.worksheet_range(sheet).expect("the worksheet exists");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) => format!("'{s}"),
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => format!("{i}"),
                    Data::Bool(b) => format!("{b}"),
                    Data::DateTime(d) => format!("date {}", d.as_f64()),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect()
}

/// The XML of the first worksheet.
fn sheet_xml(path: &Path) -> String {
    let file = std::fs::File::open(path).expect("workbook file");
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx is a zip");
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("first worksheet")
        .read_to_string(&mut xml)
        .expect("worksheet text");
    xml
}

const MAILBOXES: &str = "$rows = @(
  [pscustomobject]@{Name='Ken Sanchez'; SizeMB=1024; Enabled=$true; Created=[datetime]'2024-03-01 08:30'}
  [pscustomobject]@{Name='Pilar Ackerman'; SizeMB='512'; Enabled=$false; Created=$null}
)";

#[test]
fn objects_become_a_header_and_typed_rows() {
    let org = TempOrg::new();
    let dir = &org.dir;
    let (out, err) = run(
        &org,
        &format!("{MAILBOXES}\n$rows | Export-Excel -Path report.xlsx"),
    );
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
    let rows = cells(&dir.join("report.xlsx"), "Sheet1");
    // 2024-03-01 08:30 is Excel day 45352 and 8.5/24 of a day.
    let date = 45352.0 + 8.5 / 24.0;
    let expected: Vec<Vec<String>> = [
        ["'Name", "'SizeMB", "'Enabled", "'Created"].map(String::from),
        [
            "'Ken Sanchez".into(),
            "1024".into(),
            "true".into(),
            format!("date {date}"),
        ],
        ["'Pilar Ackerman", "512", "false", ""].map(String::from),
    ]
    .into_iter()
    .map(Vec::from)
    .collect();
    assert_eq!(rows, expected);
}

#[test]
fn worksheet_name_table_bold_header_frozen_row_and_sizes() {
    let org = TempOrg::new();
    let dir = &org.dir;
    let (out, err) = run(
        &org,
        &format!(
            "{MAILBOXES}\n$rows | Export-Excel report.xlsx -WorksheetName Mailboxes -TableName MailboxReport -BoldTopRow -FreezeTopRow -AutoSize"
        ),
    );
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
    let path = dir.join("report.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).expect("the workbook opens");
    assert_eq!(book.sheet_names(), ["Mailboxes"]);
    book.load_tables().expect("tables load");
    let table = book.table_by_name("MailboxReport").expect("the table");
    assert_eq!(table.columns(), ["Name", "SizeMB", "Enabled", "Created"]);
    assert_eq!(table.data().height(), 2);
    let styles = book.worksheet_style("Mailboxes").expect("styles");
    let bold = |r, c| {
        styles
            .get((r, c))
            .and_then(|s| s.font.as_ref())
            .is_some_and(|f| f.is_bold())
    };
    assert!(bold(0, 0) && bold(0, 3));
    assert!(!bold(1, 0));
    let xml = sheet_xml(&path);
    assert!(
        xml.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        )
    );
    // -AutoSize gives the columns widths of their own.
    assert!(xml.contains("<cols>"));
}

#[test]
fn auto_filter_alone_and_with_a_table() {
    let org = TempOrg::new();
    let dir = &org.dir;
    run(
        &org,
        &format!("{MAILBOXES}\n$rows | Export-Excel f.xlsx -AutoFilter -BoldTopRow"),
    );
    let path = dir.join("f.xlsx");
    assert!(sheet_xml(&path).contains(r#"<autoFilter ref="A1:D3"/>"#));
    let mut book: Xlsx<_> = open_workbook(&path).expect("the workbook opens");
    let styles = book.worksheet_style("Sheet1").expect("styles");
    let font = styles.get((0, 1)).and_then(|s| s.font.as_ref());
    assert!(font.is_some_and(|f| f.is_bold()));
    let (out, _) = run(
        &org,
        &format!("{MAILBOXES}\n$rows | Export-Excel t.xlsx -AutoFilter -TableName Report"),
    );
    assert_eq!(
        out,
        "WARNING: Tables are automatically auto-filtered, -AutoFilter will be ignored\n"
    );
    assert!(!sheet_xml(&dir.join("t.xlsx")).contains("<autoFilter"));
}

#[test]
fn append_adds_rows_under_the_existing_columns_and_keeps_other_sheets() {
    let org = TempOrg::new();
    let dir = &org.dir;
    let (_, err) = run(
        &org,
        "[pscustomobject]@{Name='Ken'; Size=1} | Export-Excel book.xlsx -WorksheetName Data
[pscustomobject]@{Owner='admin'} | Export-Excel book.xlsx -WorksheetName About
[pscustomobject]@{Size=2; Name='Pilar'} | Export-Excel book.xlsx -WorksheetName Data -Append",
    );
    assert_eq!(err, "");
    let path = dir.join("book.xlsx");
    assert_eq!(
        cells(&path, "Data"),
        [["'Name", "'Size"], ["'Ken", "1"], ["'Pilar", "2"]]
    );
    assert_eq!(cells(&path, "About"), [["'Owner"], ["'admin"]]);
    // Without -Append the sheet is written again from A1 (cells beyond the new data
    // stay, as ImportExcel leaves them); -ClearSheet empties it first.
    run(
        &org,
        "[pscustomobject]@{Name='Ann'} | Export-Excel book.xlsx -WorksheetName Data",
    );
    assert_eq!(
        cells(&path, "Data"),
        [["'Name", "'Size"], ["'Ann", "1"], ["'Pilar", "2"]]
    );
    run(
        &org,
        "[pscustomobject]@{Name='Ann'} | Export-Excel book.xlsx -WorksheetName Data -ClearSheet",
    );
    assert_eq!(cells(&path, "Data"), [["'Name"], ["'Ann"]]);
}

#[test]
fn numbers_kept_as_text_and_plain_values() {
    let org = TempOrg::new();
    let dir = &org.dir;
    run(
        &org,
        "[pscustomobject]@{Id='007'; Zip='02134'} | Export-Excel a.xlsx -NoNumberConversion Zip
'one', 2 | Export-Excel b.xlsx",
    );
    assert_eq!(
        cells(&dir.join("a.xlsx"), "Sheet1"),
        [["'Id", "'Zip"], ["7", "'02134"]]
    );
    assert_eq!(cells(&dir.join("b.xlsx"), "Sheet1"), [["'one"], ["2"]]);
}

#[test]
fn show_saves_and_says_so() {
    let org = TempOrg::new();
    let dir = &org.dir;
    let (out, _) = run(&org, "1 | Export-Excel s.xlsx -Show");
    assert_eq!(
        out,
        "WARNING: exosh cannot open a spreadsheet program: the workbook is saved at 's.xlsx'.\n"
    );
    assert!(dir.join("s.xlsx").exists());
}
