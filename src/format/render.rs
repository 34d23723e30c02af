//! Packets → lines at a width (pwsh's `OutCommandInner` and `LineOutput`): a blank line
//! opens every document and closes it (except a list, whose last entry already ends in
//! one); a table's widths come from its first 300 rows (all rows with `-AutoSize`), so
//! rows are held back until then.

use super::color::ColorMode;
use super::list::list_lines;
use super::packet::{DocShape, Entry, HeaderColumn, OutOfBand, Packet};
use super::select::Align;
use super::table::TableLayout;
use super::width::{display_width, split_lines};

/// Rows a table waits for before fixing its column widths (pwsh waits 300 ms;
/// **decision**: 300 objects, which gives the same tables whatever the machine's speed).
pub const WIDTH_SAMPLE_ROWS: usize = 300;

/// The width output uses when it does not go to a terminal.
pub const DEFAULT_WIDTH: usize = 120;

/// The widest output laid out (**decision**: a `-Width` beyond this is taken as this, so
/// a huge width cannot make padding exhaust memory).
pub const MAX_WIDTH: usize = 32_767;

enum Doc {
    Table {
        columns: Vec<HeaderColumn>,
        hide_headers: bool,
        layout: Option<TableLayout>,
    },
    List,
    Wide {
        per_row: usize,
        layout: Option<TableLayout>,
        items: Vec<String>,
    },
    Custom,
}

/// Packets held back until a table's or wide list's widths are known.
struct Sample {
    packets: Vec<Packet>,
    rows: usize,
    limit: Option<usize>,
}

/// Lays packets out as lines.
pub struct Renderer {
    width: usize,
    color: ColorMode,
    doc: Option<Doc>,
    sample: Option<Sample>,
    wide_columns: Option<usize>,
}

impl Renderer {
    /// A renderer for a screen (or `-Width`) of `width` cells.
    pub fn new(width: usize, color: ColorMode) -> Renderer {
        Renderer {
            width: width.min(MAX_WIDTH),
            color,
            doc: None,
            sample: None,
            wide_columns: None,
        }
    }

    /// Takes one packet; appends the lines it completes to `out`.
    pub fn push(&mut self, p: Packet, out: &mut Vec<String>) {
        if let Some(sample) = self.sample.as_mut() {
            let ends = matches!(p, Packet::End);
            if matches!(p, Packet::Entry(Entry::Row { .. } | Entry::Wide(_))) {
                sample.rows += 1;
            }
            sample.packets.push(p);
            let full = sample.limit.is_some_and(|l| sample.rows >= l);
            if ends || full {
                self.flush_sample(out);
            }
            return;
        }
        self.emit(p, out);
    }

    /// Ends the output: a document left open (an interrupted pipeline) is closed.
    pub fn finish(&mut self, out: &mut Vec<String>) {
        if self.sample.is_some() {
            self.flush_sample(out);
        }
        if self.doc.is_some() {
            self.emit(Packet::End, out);
        }
    }

    fn flush_sample(&mut self, out: &mut Vec<String>) {
        let Some(sample) = self.sample.take() else {
            return;
        };
        match self.doc.as_mut() {
            Some(Doc::Table {
                columns, layout, ..
            }) => {
                let mut widths: Vec<usize> =
                    columns.iter().map(|c| display_width(&c.label)).collect();
                for p in &sample.packets {
                    if let Packet::Entry(Entry::Row { cells, .. }) = p {
                        for (w, cell) in widths.iter_mut().zip(cells) {
                            *w = (*w).max(display_width(cell));
                        }
                    }
                }
                let aligns: Vec<Align> = columns.iter().map(|c| c.align).collect();
                *layout = TableLayout::new(&widths, &aligns, self.width);
            }
            Some(Doc::Wide {
                per_row, layout, ..
            }) => {
                let longest = sample
                    .packets
                    .iter()
                    .filter_map(|p| match p {
                        Packet::Entry(Entry::Wide(s)) => Some(display_width(s)),
                        _ => None,
                    })
                    .max()
                    .unwrap_or(0);
                if longest > 0 && self.wide_columns.is_none() {
                    *per_row = best_fit(longest, self.width);
                }
                *layout = wide_layout(*per_row, self.width);
            }
            _ => {}
        }
        for p in sample.packets {
            self.emit(p, out);
        }
    }

    fn emit(&mut self, p: Packet, out: &mut Vec<String>) {
        match p {
            Packet::Start(start) => {
                out.push(String::new());
                let doc = match start.shape {
                    DocShape::Table {
                        columns,
                        hide_headers,
                    } => {
                        let measured =
                            start.autosize || columns.first().is_some_and(|c| c.width == 0);
                        let layout = if measured {
                            self.sample = Some(Sample {
                                packets: Vec::new(),
                                rows: 0,
                                limit: (!start.autosize).then_some(WIDTH_SAMPLE_ROWS),
                            });
                            None
                        } else {
                            let widths: Vec<usize> = columns.iter().map(|c| c.width).collect();
                            let aligns: Vec<Align> = columns.iter().map(|c| c.align).collect();
                            TableLayout::new(&widths, &aligns, self.width)
                        };
                        Doc::Table {
                            columns,
                            hide_headers,
                            layout,
                        }
                    }
                    DocShape::List => Doc::List,
                    DocShape::Wide { columns } => {
                        self.wide_columns = columns;
                        let per_row = columns.unwrap_or(2).max(1);
                        let layout = if start.autosize && columns.is_none() {
                            self.sample = Some(Sample {
                                packets: Vec::new(),
                                rows: 0,
                                limit: None,
                            });
                            None
                        } else {
                            wide_layout(per_row, self.width)
                        };
                        Doc::Wide {
                            per_row,
                            layout,
                            items: Vec::new(),
                        }
                    }
                    DocShape::Custom => Doc::Custom,
                };
                self.doc = Some(doc);
            }
            Packet::GroupStart { header } => {
                if let Some(h) = header {
                    out.push(h);
                    out.push(String::new());
                }
                if let Some(Doc::Table {
                    columns,
                    hide_headers: false,
                    layout: Some(layout),
                }) = &self.doc
                {
                    let labels: Vec<String> = columns.iter().map(|c| c.label.clone()).collect();
                    out.extend(layout.header(&labels, self.color));
                }
            }
            Packet::Entry(entry) => self.entry(entry, out),
            Packet::OutOfBand(OutOfBand::Text(t)) => out.extend(split_lines(&t)),
            Packet::OutOfBand(OutOfBand::List(pairs)) => {
                out.push(String::new());
                out.extend(list_lines(&pairs, self.width, self.color));
                out.push(String::new());
            }
            Packet::OutOfBand(OutOfBand::Blank) => out.push(String::new()),
            Packet::GroupEnd => self.flush_wide(out),
            Packet::End => {
                self.flush_wide(out);
                if !matches!(self.doc, Some(Doc::List)) {
                    out.push(String::new());
                }
                self.doc = None;
            }
        }
    }

    fn entry(&mut self, entry: Entry, out: &mut Vec<String>) {
        match (entry, self.doc.as_mut()) {
            (Entry::Row { cells, wrap }, Some(Doc::Table { layout, .. })) => {
                if let Some(layout) = layout {
                    out.extend(layout.row(&cells, wrap));
                }
            }
            (Entry::List(pairs), _) => {
                out.extend(list_lines(&pairs, self.width, self.color));
                out.push(String::new());
            }
            (Entry::Wide(item), Some(Doc::Wide { per_row, items, .. })) => {
                items.push(item);
                if items.len() >= (*per_row).clamp(1, self.width.div_ceil(2).max(1)) {
                    self.flush_wide(out);
                }
            }
            (Entry::Row { cells, .. }, _) => out.push(cells.join(" ")),
            (Entry::Wide(t) | Entry::Text(t), _) => out.extend(split_lines(&t)),
        }
    }

    fn flush_wide(&mut self, out: &mut Vec<String>) {
        if let Some(Doc::Wide { layout, items, .. }) = self.doc.as_mut()
            && !items.is_empty()
        {
            if let Some(layout) = layout {
                out.extend(layout.row(items, false));
            }
            items.clear();
        }
    }
}

/// Format-Wide columns: equal shares of the screen, left-aligned (no more columns than
/// the screen has room for: one cell and a separator each).
fn wide_layout(per_row: usize, width: usize) -> Option<TableLayout> {
    let per_row = per_row.clamp(1, width.div_ceil(2).max(1));
    TableLayout::new(&vec![0; per_row], &vec![Align::Left; per_row], width)
}

/// How many items of `len` cells fit on a line (`ComputeWideViewBestItemsPerRowFit`).
fn best_fit(len: usize, screen: usize) -> usize {
    if len == 0 || len >= screen {
        return 1;
    }
    let mut n = 1;
    while len * (n + 1) + n < screen {
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_fit_leaves_room_for_separators() {
        assert_eq!(best_fit(10, 120), 10);
        assert_eq!(best_fit(59, 120), 2);
        assert_eq!(best_fit(60, 120), 1);
        assert_eq!(best_fit(200, 120), 1);
    }
}
