//! Table layout: column widths that fit the screen (`ColumnWidthManager`) and rows of
//! cells (`TableWriter`): one blank between columns, the last column unpadded, text too
//! long for its column cut with `…`, wrapped cells and headers spread over several lines.

use super::color::{Accent, ColorMode, reset};
use super::select::Align;
use super::width::{
    ELLIPSIS, display_width, spaces, take_head, take_tail, truncate_at_newline, wrap_lines,
};

/// Cells between two columns.
const SEPARATOR: usize = 1;
/// A table narrower than this shows nothing.
const MIN_SCREEN: usize = 5;

/// Fits columns on a screen. `widths[i] == 0` means "not given": such columns start at
/// one cell and share whatever room is left, round robin. When the columns are too wide
/// the rightmost visible column shrinks, and disappears (`None`) when it would drop below
/// one cell.
pub fn fit_widths(widths: &[usize], screen: usize) -> Vec<Option<usize>> {
    let mut w: Vec<Option<usize>> = widths.iter().map(|&x| Some(x.max(1))).collect();
    let total = |w: &[Option<usize>]| {
        let vis: Vec<usize> = w.iter().flatten().copied().collect();
        vis.iter().sum::<usize>() + SEPARATOR * vis.len().saturating_sub(1)
    };
    if widths.contains(&0) {
        let used = total(&w);
        if used < screen {
            // Round robin, one cell at a time, comes to equal shares with the remainder
            // going to the leftmost free columns.
            let left = screen - used;
            let free: Vec<usize> = (0..widths.len()).filter(|&k| widths[k] == 0).collect();
            let (share, extra) = (left / free.len(), left % free.len());
            for (i, &k) in free.iter().enumerate() {
                if let Some(x) = w[k].as_mut() {
                    *x += share + usize::from(i < extra);
                }
            }
            return w;
        }
    }
    loop {
        let t = total(&w);
        if t <= screen {
            return w;
        }
        let excess = t - screen;
        let Some(last) = w.iter().rposition(Option::is_some) else {
            return w;
        };
        match w[last] {
            Some(x) if x > excess => w[last] = Some(x - excess),
            _ => w[last] = None,
        }
    }
}

/// A table's columns once their widths are known.
#[derive(Debug, Clone)]
pub struct TableLayout {
    /// `(width, alignment)`; `None` for a column that did not fit.
    columns: Vec<Option<(usize, Align)>>,
}

impl TableLayout {
    /// Lays out columns of the given widths and alignments on a screen; `None` when the
    /// screen is too narrow for any table.
    pub fn new(widths: &[usize], aligns: &[Align], screen: usize) -> Option<TableLayout> {
        if screen < MIN_SCREEN {
            return None;
        }
        let fitted = fit_widths(widths, screen);
        if fitted.iter().all(Option::is_none) {
            return None;
        }
        let columns = fitted
            .iter()
            .zip(aligns)
            .map(|(w, a)| w.map(|w| (w, *a)))
            .collect();
        Some(TableLayout { columns })
    }

    /// The header: labels (wrapped when a column is narrower than its label) and a line
    /// of dashes as long as each label, at most the column's width. Coloured as pwsh
    /// colours it: each label cell and each dash run in the header accent.
    pub fn header(&self, labels: &[String], color: ColorMode) -> Vec<String> {
        let mut lines = self.multi_line(labels, Some(color));
        let dashes: Vec<String> = self
            .columns
            .iter()
            .zip(labels)
            .map(|(c, l)| match c {
                Some((w, _)) if l.is_empty() => "-".repeat(*w),
                Some((w, _)) => "-".repeat(display_width(l).min(*w)),
                None => String::new(),
            })
            .collect();
        lines.push(self.single_line(&dashes, Some(color)));
        lines
    }

    /// One row: a single line with each cell cut at its first newline and at its width,
    /// or, with `wrap`, as many lines as the tallest cell needs.
    pub fn row(&self, cells: &[String], wrap: bool) -> Vec<String> {
        let cells = self.fill(cells);
        if wrap {
            self.multi_line(&cells, None)
        } else {
            vec![self.single_line(&cells, None)]
        }
    }

    /// Cells padded (or cut) to the number of columns.
    fn fill(&self, cells: &[String]) -> Vec<String> {
        (0..self.columns.len())
            .map(|k| cells.get(k).cloned().unwrap_or_default())
            .collect()
    }

    /// `TableWriter.GenerateRow`: note that only the very last column (even when it did
    /// not fit) goes unpadded.
    fn single_line(&self, cells: &[String], header: Option<ColorMode>) -> String {
        let mut line = String::new();
        let last = self.columns.len().saturating_sub(1);
        for (k, col) in self.columns.iter().enumerate() {
            let Some((width, align)) = col else { continue };
            if k > 0 {
                line.push_str(&spaces(SEPARATOR));
            }
            let text = cells.get(k).map(String::as_str).unwrap_or("");
            let field = fit_field(text, *width, *align, k != last);
            match header {
                Some(mode) => {
                    line.push_str(&Accent::TableHeader.start(mode));
                    line.push_str(&field);
                    line.push_str(reset(mode));
                }
                None => line.push_str(&field),
            }
        }
        line
    }

    /// `TableWriter.GenerateTableRow`: every cell word-wrapped to its width, shorter
    /// cells filled with blanks, trailing blanks trimmed when the row spans several lines.
    fn multi_line(&self, cells: &[String], header: Option<ColorMode>) -> Vec<String> {
        let visible: Vec<(usize, usize, Align)> = self
            .columns
            .iter()
            .enumerate()
            .filter_map(|(k, c)| c.map(|(w, a)| (k, w, a)))
            .collect();
        let n = visible.len();
        let mut fields: Vec<Vec<String>> = visible
            .iter()
            .enumerate()
            .map(|(i, &(k, width, align))| {
                let pad = i + 1 < n;
                let text = cells.get(k).map(String::as_str).unwrap_or("");
                wrap_lines(text, width, width)
                    .into_iter()
                    .map(|l| {
                        let l = if (pad || align != Align::Left) && display_width(&l) < width {
                            fit_field(&l, width, align, pad)
                        } else {
                            l
                        };
                        if i > 0 {
                            format!("{}{l}", spaces(SEPARATOR))
                        } else {
                            l
                        }
                    })
                    .collect()
            })
            .collect();
        let rows = fields.iter().map(Vec::len).max().unwrap_or(0);
        let last_with_content: Vec<usize> = (0..rows)
            .map(|r| (0..n).rev().find(|&c| fields[c].len() > r).unwrap_or(0))
            .collect();
        for (c, field) in fields.iter_mut().enumerate() {
            let blanks = if c + 1 < n {
                visible[c].1 + if c > 0 { SEPARATOR } else { 0 }
            } else {
                0
            };
            let missing: Vec<String> = last_with_content[field.len()..]
                .iter()
                .map(|&last| {
                    if c > last {
                        String::new()
                    } else {
                        spaces(blanks)
                    }
                })
                .collect();
            field.extend(missing);
        }
        (0..rows)
            .map(|r| {
                let mut line = String::new();
                for (c, field) in fields.iter().enumerate() {
                    let text = if c == last_with_content[r] && rows > 1 {
                        field[r].trim_end()
                    } else {
                        field[r].as_str()
                    };
                    match header {
                        Some(mode) => {
                            line.push_str(&Accent::TableHeader.start(mode));
                            line.push_str(text);
                            line.push_str(reset(mode));
                        }
                        None => line.push_str(text),
                    }
                }
                line
            })
            .collect()
    }
}

/// One cell at its width (`TableWriter.GenerateRowField`): cut at the first newline,
/// padded by alignment (the last column only on the left), or cut with `…` at the end
/// (left-aligned) or the start (right-aligned).
pub fn fit_field(text: &str, width: usize, align: Align, pad: bool) -> String {
    let mut s = truncate_at_newline(text);
    let len = display_width(&s);
    if len < width {
        let n = width - len;
        match align {
            Align::Right => s = format!("{}{s}", spaces(n)),
            Align::Center => {
                let left = n / 2;
                s = format!("{}{s}", spaces(left));
                if pad {
                    s.push_str(&spaces(n - left));
                }
            }
            _ => {
                if pad {
                    s.push_str(&spaces(n));
                }
            }
        }
    } else if len > width {
        let keep = width.saturating_sub(1);
        s = if keep > 0 {
            match align {
                Align::Right => format!("{ELLIPSIS}{}", take_tail(&s, keep)),
                _ => format!("{}{ELLIPSIS}", take_head(&s, keep)),
            }
        } else {
            match align {
                Align::Right => take_tail(&s, width).to_string(),
                _ => take_head(&s, width).to_string(),
            }
        };
    }
    if display_width(&s) != width {
        match align {
            Align::Right => s.insert(0, ' '),
            _ if pad => s.push(' '),
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn given_widths_that_fit_are_kept() {
        assert_eq!(fit_widths(&[4, 5], 120), vec![Some(4), Some(5)]);
    }

    #[test]
    fn free_columns_share_the_room() {
        // The hashtable view: Name is 30 wide, Value takes the rest of 120.
        assert_eq!(fit_widths(&[30, 0], 120), vec![Some(30), Some(89)]);
        // Format-Wide's two free columns: 120 - 1 separator = 119, split 60/59.
        assert_eq!(fit_widths(&[0, 0], 120), vec![Some(60), Some(59)]);
    }

    #[test]
    fn too_wide_shrinks_then_drops_the_last_column() {
        assert_eq!(fit_widths(&[10, 10], 15), vec![Some(10), Some(4)]);
        assert_eq!(fit_widths(&[10, 10], 11), vec![Some(10), None]);
        assert_eq!(fit_widths(&[10, 10, 10], 12), vec![Some(10), Some(1), None]);
    }

    #[test]
    fn fields_pad_and_cut() {
        assert_eq!(fit_field("ab", 4, Align::Left, true), "ab  ");
        assert_eq!(fit_field("ab", 4, Align::Left, false), "ab");
        assert_eq!(fit_field("12", 4, Align::Right, false), "  12");
        assert_eq!(fit_field("abcdef", 4, Align::Left, true), "abc…");
        assert_eq!(fit_field("123456", 4, Align::Right, true), "…456");
        assert_eq!(fit_field("abc", 1, Align::Left, true), "a");
        assert_eq!(fit_field("one\ntwo", 10, Align::Left, true), "one…      ");
        assert_eq!(fit_field("日本語", 4, Align::Left, true), "日… ");
    }

    #[test]
    fn header_and_rows() {
        let t = TableLayout::new(&[4, 11], &[Align::Left, Align::Right], 120).unwrap();
        assert_eq!(
            t.header(&s(&["Name", "MapiEnabled"]), ColorMode::Off),
            s(&["Name MapiEnabled", "---- -----------"])
        );
        assert_eq!(
            t.row(&s(&["Ken", "False"]), false),
            s(&["Ken        False"])
        );
    }

    #[test]
    fn coloured_header_cells() {
        let t = TableLayout::new(&[2, 2], &[Align::Left, Align::Left], 120).unwrap();
        assert_eq!(
            t.header(&s(&["A", "B"]), ColorMode::On),
            s(&[
                "\x1b[32;1mA \x1b[0m\x1b[32;1m B\x1b[0m",
                "\x1b[32;1m- \x1b[0m \x1b[32;1m-\x1b[0m"
            ])
        );
    }

    #[test]
    fn narrow_headers_wrap_and_wrapped_rows_trim() {
        let t = TableLayout::new(&[3, 3], &[Align::Left, Align::Left], 120).unwrap();
        assert_eq!(
            t.header(&s(&["Name", "Id"]), ColorMode::Off),
            s(&["Nam Id", "e", "--- --"])
        );
        assert_eq!(t.row(&s(&["ab cd", "x"]), true), s(&["ab  x", "cd"]));
        assert_eq!(t.row(&s(&["ab cd", "x"]), false), s(&["ab… x"]));
    }
}
