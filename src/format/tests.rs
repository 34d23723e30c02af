//! End-to-end formatting rules: objects in, exact text out, written from the reference
//! (pwsh 7.4 behaviour, see the module docs).

use super::fixtures::{obj, s};
use super::formatter::FormatRequest;
use super::select::{Column, Expr, PropertySpec};
use super::view::Shape;
use super::*;
use crate::engine::object::PsObject;
use crate::engine::value::{Hashtable, Value};

/// The built-in views only, as a session before any command module registers its own.
fn builtin() -> Rc<view::ViewRegistry> {
    Rc::new(view::ViewRegistry::builtin())
}

fn text_of(values: &[Value], req: FormatRequest, width: usize) -> String {
    super::text_of(values, req, width, builtin())
}

fn lines_of(values: &[Value], req: FormatRequest, width: usize) -> Vec<String> {
    super::lines_of(values, req, width, builtin())
}

fn out(values: &[Value]) -> String {
    text_of(values, FormatRequest::default(), 120)
}

fn with(shape: Shape, values: &[Value]) -> String {
    text_of(values, FormatRequest::shape(shape), 120)
}

fn names(v: &[&str]) -> Vec<PropertySpec> {
    v.iter()
        .map(|n| PropertySpec::Name(n.to_string()))
        .collect()
}

#[test]
fn list_of_one_object() {
    let ken = obj(&[
        ("Name", s("Ken Sanchez")),
        ("MapiEnabled", Value::Bool(false)),
    ]);
    assert_eq!(
        with(Shape::List, &[ken]),
        "\nName        : Ken Sanchez\nMapiEnabled : False\n\n"
    );
}

#[test]
fn list_pads_labels_per_object() {
    let a = obj(&[("A", Value::Int(1)), ("Longer", Value::Int(2))]);
    let b = obj(&[("B", Value::Int(3))]);
    assert_eq!(
        with(Shape::List, &[a, b]),
        "\nA      : 1\nLonger : 2\n\nB : 3\n\n"
    );
}

#[test]
fn list_shows_null_empty_and_collections_cut() {
    let o = obj(&[
        ("Empty", Value::Null),
        ("Ids", Value::array((0..6).map(Value::Int).collect())),
    ]);
    assert_eq!(
        with(Shape::List, &[o]),
        "\nEmpty : \nIds   : {0, 1, 2, 3…}\n\n"
    );
}

#[test]
fn list_nested_object_shows_its_string_form() {
    let inner = obj(&[("A", Value::Int(1)), ("B", s("two"))]);
    let o = obj(&[("Inner", inner)]);
    assert_eq!(with(Shape::List, &[o]), "\nInner : @{A=1; B=two}\n\n");
}

#[test]
fn list_with_properties_in_match_order() {
    let o = obj(&[
        ("Name", s("Ken")),
        ("ImapEnabled", Value::Bool(true)),
        ("PopEnabled", Value::Bool(false)),
        (
            "ImapForceICalForCalendarRetrievalOption",
            Value::Bool(false),
        ),
    ]);
    let req = FormatRequest {
        properties: names(&["Imap*", "name"]),
        ..FormatRequest::shape(Shape::List)
    };
    assert_eq!(
        text_of(&[o], req, 120),
        "\nImapEnabled                             : True\n\
         ImapForceICalForCalendarRetrievalOption : False\n\
         Name                                    : Ken\n\n"
    );
}

#[test]
fn calculated_properties_use_closures() {
    let o = obj(&[("Name", s("Ken"))]);
    let doubled = Column {
        label: Some("Twice".into()),
        expr: Expr::Script {
            text: "$_.Name * 2".into(),
            eval: std::rc::Rc::new(|v: &Value| {
                let n = select::property_value(v, "Name").unwrap_or(Value::Null);
                Value::str(format!("{n}{n}"))
            }),
        },
        align: select::Align::Undefined,
        width: 0,
    };
    let req = FormatRequest {
        properties: vec![
            PropertySpec::Name("Name".into()),
            PropertySpec::Calculated(doubled),
        ],
        ..FormatRequest::shape(Shape::List)
    };
    assert_eq!(text_of(&[o], req, 120), "\nName  : Ken\nTwice : KenKen\n\n");
}

#[test]
fn small_objects_are_tables_with_numbers_right_aligned() {
    let a = obj(&[("Name", s("Ken Sanchez")), ("Count", Value::Int(5))]);
    let b = obj(&[("Name", s("Jo")), ("Count", Value::Int(12345678))]);
    assert_eq!(
        out(&[a, b]),
        "\nName           Count\n----           -----\nKen Sanchez        5\nJo          12345678\n\n"
    );
}

#[test]
fn booleans_right_aligned_last_column_unpadded() {
    let a = obj(&[("Enabled", Value::Bool(true)), ("Name", s("x"))]);
    assert_eq!(out(&[a]), "\nEnabled Name\n------- ----\n   True x\n\n");
}

#[test]
fn five_properties_make_a_list() {
    let o = obj(&[
        ("A", Value::Int(1)),
        ("B", Value::Int(2)),
        ("C", Value::Int(3)),
        ("D", Value::Int(4)),
        ("E", Value::Int(5)),
    ]);
    assert_eq!(out(&[o]), "\nA : 1\nB : 2\nC : 3\nD : 4\nE : 5\n\n");
}

#[test]
fn scalars_one_per_line_and_null_nothing() {
    assert_eq!(
        out(&[
            s("hello"),
            Value::Int(42),
            Value::Bool(true),
            Value::Null,
            Value::Double(1.5)
        ]),
        "hello\n42\nTrue\n1.5\n"
    );
}

#[test]
fn collections_are_unrolled() {
    let arr = Value::array(vec![Value::Int(1), Value::Int(2), Value::Null, s("x")]);
    assert_eq!(out(&[arr]), "1\n2\nx\n");
}

#[test]
fn strings_amid_a_table_print_in_place() {
    let a = obj(&[("A", Value::Int(1))]);
    assert_eq!(out(&[a, s("text")]), "\nA\n-\n1\ntext\n\n");
}

#[test]
fn objects_of_another_shape_share_the_first_table() {
    // The second object lacks A: its row is an empty (right-aligned, so padded) cell.
    let a = obj(&[("A", Value::Int(1))]);
    let b = obj(&[("B", Value::Int(2))]);
    assert_eq!(out(&[a, b]), "\nA\n-\n1\n \n\n");
}

#[test]
fn hashtables_print_name_and_value() {
    let mut h = Hashtable::new(false);
    h.insert(s("a"), Value::Int(1));
    h.insert(s("bb"), s("two"));
    assert_eq!(
        out(&[Value::hashtable(h)]),
        format!(
            "\nName{}Value\n----{}-----\na{}1\nbb{}two\n\n",
            " ".repeat(27),
            " ".repeat(27),
            " ".repeat(30),
            " ".repeat(29)
        )
    );
}

#[test]
fn registered_view_is_left_aligned_and_others_go_apart() {
    let mut views = view::ViewRegistry::default();
    views.register("Contoso.Box", view::View::table_of(&["Name", "Size"]));
    let mut o = PsObject::new(vec!["Contoso.Box".into()]);
    o.set("Name", s("a"));
    o.set("Size", Value::Int(10));
    o.set("Hidden", s("h"));
    let other = obj(&[("X", Value::Int(1))]);
    let mut f = formatter::Formatter::new(FormatRequest::default(), Rc::new(views));
    let mut packets = Vec::new();
    f.push(&Value::object(o), &mut packets);
    f.push(&other, &mut packets);
    f.finish(&mut packets);
    let mut r = render::Renderer::new(120, color::ColorMode::Off);
    let mut lines = Vec::new();
    for p in packets {
        r.push(p, &mut lines);
    }
    assert_eq!(
        lines,
        ["", "Name Size", "---- ----", "a    10", "", "X : 1", "", ""]
    );
}

#[test]
fn table_truncates_with_ellipsis_to_fit_the_width() {
    let a = obj(&[
        ("Name", s("abcdefghijklmnopqrstuvwxyz")),
        ("N", Value::Int(1)),
    ]);
    let req = FormatRequest::shape(Shape::Table);
    // 20 cells: the last column (N) cannot shrink below one cell, so it is dropped; then
    // Name shrinks. The dashes stay padded, as pwsh pads every column but the real last.
    assert_eq!(
        text_of(&[a], req, 20),
        "\nName\n----                \nabcdefghijklmnopqrs…\n\n"
    );
}

#[test]
fn table_cells_stop_at_newline_unless_wrap() {
    let a = obj(&[("A", s("one\ntwo")), ("B", Value::Int(1))]);
    assert_eq!(
        with(Shape::Table, std::slice::from_ref(&a)),
        "\nA       B\n-       -\none…    1\n\n"
    );
    let req = FormatRequest {
        wrap: true,
        ..FormatRequest::shape(Shape::Table)
    };
    assert_eq!(
        text_of(&[a], req, 120),
        "\nA       B\n-       -\none     1\ntwo\n\n"
    );
}

#[test]
fn hide_table_headers() {
    let a = obj(&[("A", Value::Int(1))]);
    let req = FormatRequest {
        hide_headers: true,
        ..FormatRequest::shape(Shape::Table)
    };
    assert_eq!(text_of(&[a], req, 120), "\n1\n\n");
}

#[test]
fn group_by_starts_a_table_per_group() {
    let rows: Vec<Value> = [("x", 1), ("x", 2), ("y", 3)]
        .iter()
        .map(|(k, n)| obj(&[("K", s(k)), ("N", Value::Int(*n))]))
        .collect();
    let req = FormatRequest {
        group_by: Some(Column::property("K")),
        ..FormatRequest::shape(Shape::Table)
    };
    assert_eq!(
        text_of(&rows, req, 120),
        "\n   K: x\n\nK N\n- -\nx 1\nx 2\n\n   K: y\n\nK N\n- -\ny 3\n\n"
    );
}

#[test]
fn autosize_measures_every_row() {
    let mut rows: Vec<Value> = (0..301)
        .map(|_| obj(&[("A", s("x")), ("B", s("y"))]))
        .collect();
    rows.push(obj(&[("A", s("wide")), ("B", s("y"))]));
    let sampled = text_of(&rows, FormatRequest::shape(Shape::Table), 120);
    assert!(sampled.ends_with("\nw y\n\n"), "{sampled:?}");
    let req = FormatRequest {
        autosize: true,
        ..FormatRequest::shape(Shape::Table)
    };
    assert!(text_of(&rows, req, 120).ends_with("\nwide y\n\n"));
}

#[test]
fn at_most_ten_automatic_columns() {
    let props: Vec<(String, Value)> = (0..12).map(|i| (format!("P{i}"), Value::Int(i))).collect();
    let mut o = PsObject::custom();
    for (k, v) in &props {
        o.set(k, v.clone());
    }
    let text = with(Shape::Table, &[Value::object(o)]);
    assert!(
        text.starts_with("\nP0 P1 P2 P3 P4 P5 P6 P7 P8 P9\n"),
        "{text:?}"
    );
}

#[test]
fn format_wide_columns() {
    let items: Vec<Value> = ["a", "b", "c"].iter().map(|x| s(x)).collect();
    let req = FormatRequest {
        columns: Some(3),
        ..FormatRequest::shape(Shape::Wide)
    };
    // 120 - 2 separators = 118 cells: 40, 39, 39.
    assert_eq!(
        text_of(&items, req, 120),
        format!("\na{}b{}c\n\n", " ".repeat(40), " ".repeat(39))
    );
}

#[test]
fn format_packets_render_at_the_consumers_width() {
    let a = obj(&[("Name", s("abcdefghij"))]);
    let packets = format_values(&[a], FormatRequest::shape(Shape::Table), builtin());
    assert_eq!(
        lines_of(&packets, FormatRequest::default(), 6),
        ["", "Name", "----", "abcde…", ""]
    );
    assert_eq!(
        lines_of(&packets, FormatRequest::default(), 120),
        ["", "Name", "----", "abcdefghij", ""]
    );
}

#[test]
fn colour_on_a_terminal() {
    let ken = obj(&[("Name", s("Ken"))]);
    let mut o = OutDefault::with_request(
        FormatRequest::shape(Shape::List),
        120,
        color::ColorMode::On,
        builtin(),
    );
    let mut lines = o.push(&ken);
    lines.extend(o.finish());
    assert_eq!(lines, ["", "\x1b[32;1mName : \x1b[0mKen", ""]);
}

#[test]
fn dates_print_their_long_form() {
    let dt = chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
        .and_then(|d| d.and_hms_opt(19, 12, 54))
        .map(Value::DateTime)
        .unwrap_or(Value::Null);
    assert_eq!(out(&[dt]), "\nThursday, November 26, 2026 7:12:54 PM\n\n");
}

#[test]
fn any_width_lays_out_without_panicking() {
    let values = vec![
        obj(&[
            ("名前", s("日本語のテキスト")),
            ("N", Value::Int(-5)),
            ("E", s("")),
        ]),
        obj(&[
            ("名前", s("a\r\nb\tc\u{0}")),
            ("N", Value::Null),
            ("E", s("\u{301}x")),
        ]),
        s("plain"),
    ];
    for width in 0..12 {
        for shape in [Shape::Table, Shape::List, Shape::Wide] {
            for wrap in [false, true] {
                let req = FormatRequest {
                    wrap,
                    autosize: wrap,
                    columns: Some(width + 1),
                    ..FormatRequest::shape(shape)
                };
                let _ = lines_of(&values, req, width);
            }
        }
        let _ = lines_of(&values, FormatRequest::default(), width);
    }
}
