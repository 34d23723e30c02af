//! Cmdlet behaviour, run directly (no script): expected text from the reference.

use super::testing::{run, shown};
use super::*;
use crate::engine::object::PsObject;
use crate::engine::value::Value;

fn obj(props: &[(&str, Value)]) -> Value {
    let mut o = PsObject::custom();
    for (k, v) in props {
        o.set(k, v.clone());
    }
    Value::object(o)
}

fn s(x: &str) -> Value {
    Value::str(x)
}

fn arr(items: &[&str]) -> Value {
    Value::array(items.iter().map(|x| s(x)).collect())
}

fn people() -> Vec<Value> {
    vec![
        obj(&[
            ("Name", s("Ken")),
            ("Dept", s("Sales")),
            ("Age", Value::Int(40)),
        ]),
        obj(&[
            ("Name", s("Amy")),
            ("Dept", s("IT")),
            ("Age", Value::Int(31)),
        ]),
        obj(&[
            ("Name", s("Bob")),
            ("Dept", s("Sales")),
            ("Age", Value::Int(25)),
        ]),
    ]
}

#[test]
fn format_table_packets_print_through_out_string() {
    let r = run(
        &format::format_table(),
        &[("Property", arr(&["Name", "Age"]))],
        &people(),
    );
    assert_eq!(
        shown(&r.output),
        "\nName Age\n---- ---\nKen   40\nAmy   31\nBob   25\n\n"
    );
}

#[test]
fn format_list_with_wildcard() {
    let r = run(
        &format::format_list(),
        &[("Property", s("*e"))],
        &people()[..1],
    );
    assert_eq!(shown(&r.output), "\nName : Ken\nAge  : 40\n\n");
}

#[test]
fn format_table_group_by() {
    let r = run(
        &format::format_table(),
        &[("Property", s("Name")), ("GroupBy", s("Dept"))],
        &people(),
    );
    assert_eq!(
        shown(&r.output),
        "\n   Dept: Sales\n\nName\n----\nKen\n\n   Dept: IT\n\nName\n----\nAmy\n\n   Dept: Sales\n\nName\n----\nBob\n\n"
    );
}

#[test]
fn out_string_joins_lines_and_streams() {
    let r = run(&out::out_string(), &[], &[Value::Int(1), s("two")]);
    assert_eq!(r.output.len(), 1);
    assert_eq!(r.output[0].to_string(), "1\ntwo\n");
    let r = run(
        &out::out_string(),
        &[("Stream", Value::Bool(true))],
        &people()[..1],
    );
    let lines: Vec<String> = r.output.iter().map(Value::to_string).collect();
    assert_eq!(
        lines,
        ["", "Name Dept  Age", "---- ----  ---", "Ken  Sales  40", ""]
    );
}

#[test]
fn out_string_width_applies_to_format_packets() {
    let wide = obj(&[("Name", s("abcdefghijkl"))]);
    let packets = run(&format::format_table(), &[], &[wide]).output;
    let r = run(&out::out_string(), &[("Width", Value::Int(8))], &packets);
    assert_eq!(r.output[0].to_string(), "\nName\n----\nabcdefg…\n\n");
}

#[test]
fn out_default_prints_to_the_host() {
    let r = run(&out::out_default(), &[], &people()[..1]);
    assert!(r.output.is_empty());
    assert_eq!(
        r.host,
        "\nName Dept  Age\n---- ----  ---\nKen  Sales  40\n\n"
    );
}

#[test]
fn out_null_prints_nothing() {
    let r = run(&out::out_null(), &[], &people());
    assert!(r.output.is_empty() && r.host.is_empty());
}

#[test]
fn out_file_writes_and_appends() {
    let dir = std::env::temp_dir().join(format!("exosh-out-file-{}", std::process::id()));
    let path = dir.to_string_lossy().to_string();
    run(&out::out_file(), &[("FilePath", s(&path))], &[s("one")]);
    run(
        &out::out_file(),
        &[("FilePath", s(&path)), ("Append", Value::Bool(true))],
        &[s("two")],
    );
    let text = std::fs::read_to_string(&dir).unwrap_or_default();
    let _ = std::fs::remove_file(&dir);
    assert_eq!(text, "one\ntwo\n");
}

#[test]
fn select_object_properties_and_first() {
    let r = run(
        &select_object::command(),
        &[
            ("Property", arr(&["Name", "Missing"])),
            ("First", Value::Int(2)),
        ],
        &people(),
    );
    assert_eq!(
        shown(&r.output),
        "\nName Missing\n---- -------\nKen  \nAmy  \n\n"
    );
    assert!(r.output[0].type_name().starts_with("Selected."));
}

#[test]
fn select_object_expand_last_skip_unique() {
    let r = run(
        &select_object::command(),
        &[("ExpandProperty", s("Dept")), ("Unique", Value::Bool(true))],
        &people(),
    );
    assert_eq!(shown(&r.output), "Sales\nIT\n");
    let nums: Vec<Value> = (1..=5).map(Value::Int).collect();
    let r = run(&select_object::command(), &[("Last", Value::Int(2))], &nums);
    assert_eq!(shown(&r.output), "4\n5\n");
    let r = run(&select_object::command(), &[("Skip", Value::Int(3))], &nums);
    assert_eq!(shown(&r.output), "4\n5\n");
}

#[test]
fn select_object_exclude_property() {
    let r = run(
        &select_object::command(),
        &[("Property", s("*")), ("ExcludeProperty", s("D*"))],
        &people()[..1],
    );
    assert_eq!(shown(&r.output), "\nName Age\n---- ---\nKen   40\n\n");
}

#[test]
fn sort_object_by_property_and_descending() {
    let r = run(
        &sort_object::command(),
        &[("Property", s("Age"))],
        &people(),
    );
    let names: Vec<String> = r
        .output
        .iter()
        .map(|v| {
            crate::format::select::property_value(v, "Name")
                .unwrap_or(Value::Null)
                .to_string()
        })
        .collect();
    assert_eq!(names, ["Bob", "Amy", "Ken"]);
    let nums = vec![Value::Int(3), Value::Int(10), Value::Int(2), Value::Int(3)];
    let r = run(
        &sort_object::command(),
        &[
            ("Descending", Value::Bool(true)),
            ("Unique", Value::Bool(true)),
        ],
        &nums,
    );
    assert_eq!(shown(&r.output), "10\n3\n2\n");
}

#[test]
fn group_object_table_and_no_element() {
    let r = run(
        &group_object::command(),
        &[("Property", s("Dept"))],
        &people(),
    );
    assert_eq!(
        shown(&r.output),
        format!(
            "\nCount Name{}Group\n----- ----{}-----\n    2 Sales{}{{@{{Name=Ken; Dept=Sales; Age=40}}, @{{Name=Bob; Dept=Sales; Age=25}}}}\n    1 IT{}{{@{{Name=Amy; Dept=IT; Age=31}}}}\n\n",
            " ".repeat(22),
            " ".repeat(22),
            " ".repeat(21),
            " ".repeat(24)
        )
    );
    let r = run(
        &group_object::command(),
        &[("Property", s("Dept")), ("NoElement", Value::Bool(true))],
        &people(),
    );
    assert_eq!(
        shown(&r.output),
        "\nCount Name\n----- ----\n    2 Sales\n    1 IT\n\n"
    );
}

#[test]
fn measure_object_statistics() {
    let nums: Vec<Value> = [1, 2, 3].iter().map(|n| Value::Int(*n)).collect();
    let r = run(
        &measure_object::command(),
        &[
            ("Sum", Value::Bool(true)),
            ("Average", Value::Bool(true)),
            ("Maximum", Value::Bool(true)),
        ],
        &nums,
    );
    assert_eq!(
        shown(&r.output),
        "\nCount             : 3\nAverage           : 2\nSum               : 6\nMaximum           : 3\nMinimum           : \nStandardDeviation : \nProperty          : \n\n"
    );
}

#[test]
fn measure_object_text() {
    let r = run(
        &measure_object::command(),
        &[
            ("Line", Value::Bool(true)),
            ("Word", Value::Bool(true)),
            ("Character", Value::Bool(true)),
        ],
        &[s("one two\nthree")],
    );
    assert_eq!(
        shown(&r.output),
        "\nLines Words Characters Property\n----- ----- ---------- --------\n    2     3         12 \n\n"
    );
}
