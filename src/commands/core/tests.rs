//! Cmdlet behaviour, run directly (no script): expected text from the reference.

use super::testing::{run, shown};
use super::*;
use crate::engine::value::Value;
use crate::format::fixtures::{obj, s};

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
    // One key type: groups sorted by key (IT before Sales), members in input order.
    let r = run(
        &group_object::command(),
        &[("Property", s("Dept"))],
        &people(),
    );
    assert_eq!(
        shown(&r.output),
        format!(
            "\nCount Name{}Group\n----- ----{}-----\n    1 IT{}{{@{{Name=Amy; Dept=IT; Age=31}}}}\n    2 Sales{}{{@{{Name=Ken; Dept=Sales; Age=40}}, @{{Name=Bob; Dept=Sales; Age=25}}}}\n\n",
            " ".repeat(22),
            " ".repeat(22),
            " ".repeat(24),
            " ".repeat(21)
        )
    );
    let r = run(
        &group_object::command(),
        &[("Property", s("Dept")), ("NoElement", Value::Bool(true))],
        &people(),
    );
    assert_eq!(
        shown(&r.output),
        "\nCount Name\n----- ----\n    1 IT\n    2 Sales\n\n"
    );
}

#[test]
fn group_object_mixed_types_keep_first_appearance() {
    let r = run(
        &group_object::command(),
        &[("NoElement", Value::Bool(true))],
        &[s("b"), Value::Int(1), s("b")],
    );
    assert_eq!(
        shown(&r.output),
        "\nCount Name\n----- ----\n    2 b\n    1 1\n\n"
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

#[test]
fn new_object_and_add_member() {
    let mut h = crate::engine::value::Hashtable::new(false);
    h.insert(s("Name"), s("Ken"));
    h.insert(s("Age"), Value::Int(40));
    let r = run(
        &members::new_object(),
        &[
            ("TypeName", s("PSObject")),
            ("Property", Value::hashtable(h)),
        ],
        &[],
    );
    assert_eq!(shown(&r.output), "\nName Age\n---- ---\nKen   40\n\n");
    let r2 = run(
        &members::add_member(),
        &[
            ("NotePropertyName", s("Dept")),
            ("NotePropertyValue", s("IT")),
            ("PassThru", Value::Bool(true)),
        ],
        &r.output,
    );
    assert_eq!(
        shown(&r2.output),
        "\nName Age Dept\n---- --- ----\nKen   40 IT\n\n"
    );
    let r3 = run(
        &members::add_member(),
        &[
            ("NotePropertyName", s("Dept")),
            ("NotePropertyValue", s("x")),
        ],
        &r.output,
    );
    assert!(
        r3.host
            .contains("because a member with that name already exists")
    );
}

#[test]
fn new_object_refuses_dotnet_types() {
    let r = run(
        &members::new_object(),
        &[("TypeName", s("System.Net.WebClient"))],
        &[],
    );
    assert_eq!(
        r.host,
        "New-Object: Cannot find type [System.Net.WebClient]: verify that the assembly containing this type is loaded.\n"
    );
}

#[test]
fn get_member_groups_by_type_name() {
    let r = run(&get_member::command(), &[], &people()[..1]);
    assert_eq!(
        shown(&r.output),
        "\n   TypeName: System.Management.Automation.PSCustomObject\n\n\
         Name        MemberType   Definition\n\
         ----        ----------   ----------\n\
         Equals      Method       bool Equals(System.Object obj)\n\
         GetHashCode Method       int GetHashCode()\n\
         GetType     Method       type GetType()\n\
         ToString    Method       string ToString()\n\
         Age         NoteProperty int Age=40\n\
         Dept        NoteProperty string Dept=Sales\n\
         Name        NoteProperty string Name=Ken\n\n"
    );
}

#[test]
fn json_round_trip() {
    let r = run(&json::convert_to_json(), &[], &people()[..1]);
    assert_eq!(
        r.output[0].to_string(),
        "{\n  \"Name\": \"Ken\",\n  \"Dept\": \"Sales\",\n  \"Age\": 40\n}"
    );
    let r = run(
        &json::convert_to_json(),
        &[("Compress", Value::Bool(true))],
        &people()[..2],
    );
    let text = r.output[0].to_string();
    assert_eq!(
        text,
        "[{\"Name\":\"Ken\",\"Dept\":\"Sales\",\"Age\":40},{\"Name\":\"Amy\",\"Dept\":\"IT\",\"Age\":31}]"
    );
    let back = run(&json::convert_from_json(), &[], &[s(&text)]);
    assert_eq!(back.output.len(), 2);
    assert_eq!(
        shown(&back.output),
        "\nName Dept  Age\n---- ----  ---\nKen  Sales  40\nAmy  IT     31\n\n"
    );
}

#[test]
fn json_depth_warning() {
    let deep = obj(&[(
        "A",
        obj(&[("B", obj(&[("C", obj(&[("D", Value::Int(1))]))]))]),
    )]);
    let r = run(
        &json::convert_to_json(),
        &[("Compress", Value::Bool(true))],
        &[deep],
    );
    assert_eq!(
        r.output[0].to_string(),
        "{\"A\":{\"B\":{\"C\":\"@{D=1}\"}}}"
    );
    assert_eq!(
        r.host,
        "WARNING: Resulting JSON is truncated as serialization has exceeded the set depth of 2.\n"
    );
}

#[test]
fn csv_conversion_both_ways() {
    let r = run(&csv::convert_to_csv(), &[], &people()[..2]);
    let lines: Vec<String> = r.output.iter().map(Value::to_string).collect();
    assert_eq!(
        lines,
        [
            "\"Name\",\"Dept\",\"Age\"",
            "\"Ken\",\"Sales\",\"40\"",
            "\"Amy\",\"IT\",\"31\""
        ]
    );
    let r = run(
        &csv::convert_to_csv(),
        &[("UseQuotes", s("AsNeeded")), ("Delimiter", s(";"))],
        &[obj(&[("A", s("x;y")), ("B", s("z"))])],
    );
    let lines: Vec<String> = r.output.iter().map(Value::to_string).collect();
    assert_eq!(lines, ["A;B", "\"x;y\";z"]);
    let back = run(&csv::convert_from_csv(), &[], &[s("Name,Age"), s("Ken,40")]);
    assert_eq!(shown(&back.output), "\nName Age\n---- ---\nKen  40\n\n");
}

#[test]
fn export_and_import_csv() {
    let path = std::env::temp_dir().join(format!("exosh-csv-{}.csv", std::process::id()));
    let p = s(&path.to_string_lossy());
    run(&csv::export_csv(), &[("Path", p.clone())], &people()[..1]);
    run(
        &csv::export_csv(),
        &[("Path", p.clone()), ("Append", Value::Bool(true))],
        &people()[1..2],
    );
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let back = run(&csv::import_csv(), &[("Path", p)], &[]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        text,
        "\"Name\",\"Dept\",\"Age\"\n\"Ken\",\"Sales\",\"40\"\n\"Amy\",\"IT\",\"31\"\n"
    );
    assert_eq!(back.output.len(), 2);
}

#[test]
fn content_set_add_get_and_test_path() {
    let path = std::env::temp_dir().join(format!("exosh-content-{}.txt", std::process::id()));
    let p = s(&path.to_string_lossy());
    run(
        &content::set_content(),
        &[("Path", p.clone()), ("Value", arr(&["a", "b"]))],
        &[],
    );
    run(
        &content::add_content(),
        &[("Path", p.clone()), ("Value", s("c"))],
        &[],
    );
    let all = run(&content::get_content(), &[("Path", p.clone())], &[]);
    let tail = run(
        &content::get_content(),
        &[("Path", p.clone()), ("Tail", Value::Int(1))],
        &[],
    );
    let raw = run(
        &content::get_content(),
        &[("Path", p.clone()), ("Raw", Value::Bool(true))],
        &[],
    );
    let exists = run(&path::test_path(), &[("Path", p.clone())], &[]);
    let _ = std::fs::remove_file(&path);
    let gone = run(&path::test_path(), &[("Path", p.clone())], &[]);
    let missing = run(&content::get_content(), &[("Path", p)], &[]);
    assert_eq!(shown(&all.output), "a\nb\nc\n");
    assert_eq!(shown(&tail.output), "c\n");
    assert_eq!(raw.output[0].to_string(), "a\nb\nc\n");
    assert_eq!(shown(&exists.output), "True\n");
    assert_eq!(shown(&gone.output), "False\n");
    assert!(missing.host.contains("because it does not exist."));
}

#[test]
fn compare_object_sides() {
    let nums = |v: &[i32]| Value::array(v.iter().map(|n| Value::Int(*n)).collect());
    let r = run(
        &compare_object::command(),
        &[
            ("ReferenceObject", nums(&[1, 2, 3])),
            ("DifferenceObject", nums(&[2, 3, 4])),
        ],
        &[],
    );
    assert_eq!(
        shown(&r.output),
        "\nInputObject SideIndicator\n----------- -------------\n          4 =>\n          1 <=\n\n"
    );
}

#[test]
fn get_date_formats() {
    let r = run(
        &date::get_date(),
        &[
            ("Date", s("2024-01-31 14:05:09")),
            ("Format", s("yyyy-MM-dd HH:mm:ss")),
        ],
        &[],
    );
    assert_eq!(shown(&r.output), "2024-01-31 14:05:09\n");
    let r = run(
        &date::get_date(),
        &[("Date", s("2024-01-31")), ("UFormat", s("%Y/%m/%d"))],
        &[],
    );
    assert_eq!(shown(&r.output), "2024/01/31\n");
}

#[test]
fn write_warning_goes_to_the_host() {
    let r = run(
        &write_streams::write_warning(),
        &[("Message", s("Disk low"))],
        &[],
    );
    assert!(r.output.is_empty());
    assert_eq!(r.host, "WARNING: Disk low\n");
    let r = run(
        &write_streams::write_verbose(),
        &[("Message", s("quiet"))],
        &[],
    );
    assert_eq!(r.host, "");
}
