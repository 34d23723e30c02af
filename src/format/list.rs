//! List layout (`ListWriter`): each label padded to the longest label *of that object*,
//! then ` : `, then the value; a value's further lines (its own newlines, or wrapping at
//! the screen's edge) are indented under the first.

use super::color::{Accent, ColorMode, reset};
use super::width::{display_width, spaces, split_lines, take_head, wrap_lines};

const SEPARATOR: &str = " : ";

/// The lines of one object's `(label, value)` pairs on a screen `width` cells wide
/// (nothing when the screen cannot hold a label and a value).
pub fn list_lines(entries: &[(String, String)], width: usize, color: ColorMode) -> Vec<String> {
    let mut out = Vec::new();
    if entries.is_empty() || width < SEPARATOR.len() + 2 {
        return out;
    }
    let max_label = width - SEPARATOR.len() - 1;
    let label_width = entries
        .iter()
        .map(|(l, _)| display_width(l))
        .max()
        .unwrap_or(0)
        .min(max_label);
    let indent = label_width + SEPARATOR.len();
    let field = width - indent;
    for (label, value) in entries {
        let shown = if display_width(label) > label_width {
            take_head(label, label_width).to_string()
        } else {
            format!("{label}{}", spaces(label_width - display_width(label)))
        };
        let head = format!("{shown}{SEPARATOR}");
        for (i, line) in split_lines(value).iter().enumerate() {
            for (j, piece) in wrap_lines(line, field, field).into_iter().enumerate() {
                if i == 0 && j == 0 {
                    out.push(format!(
                        "{}{head}{}{piece}",
                        Accent::ListLabel.start(color),
                        reset(color)
                    ));
                } else {
                    out.push(format!("{}{piece}", spaces(indent)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn labels_pad_to_the_longest() {
        assert_eq!(
            list_lines(
                &e(&[("Name", "Ken Sanchez"), ("MapiEnabled", "False")]),
                120,
                ColorMode::Off
            ),
            ["Name        : Ken Sanchez", "MapiEnabled : False"]
        );
    }

    #[test]
    fn null_is_an_empty_value() {
        assert_eq!(list_lines(&e(&[("A", "")]), 120, ColorMode::Off), ["A : "]);
    }

    #[test]
    fn continuation_lines_are_indented() {
        assert_eq!(
            list_lines(&e(&[("Ab", "one\ntwo")]), 120, ColorMode::Off),
            ["Ab : one", "     two"]
        );
    }

    #[test]
    fn long_values_wrap_under_the_value() {
        assert_eq!(
            list_lines(&e(&[("A", "aaa bbb ccc")]), 12, ColorMode::Off),
            ["A : aaa bbb ", "    ccc"]
        );
    }

    #[test]
    fn labels_in_colour() {
        assert_eq!(
            list_lines(&e(&[("A", "1")]), 120, ColorMode::On),
            ["\x1b[32;1mA : \x1b[0m1"]
        );
    }
}
