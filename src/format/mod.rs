//! Output formatting: what an admin sees. Out-Default's choices, Format-List,
//! Format-Table, Format-Wide, Format-Custom and the `Out-*` line layouts, following pwsh 7.4's
//! `FormatAndOutput` (see each module for the rule it implements).
//!
//! The pieces, in the order data flows:
//! - [`formatter::Formatter`] turns objects into [`packet::Packet`]s (the view is chosen
//!   here: [`view`] registry, [`select`] for `-Property`, [`text`] for cell text);
//! - packets travel through the pipeline as objects when a `Format-*` cmdlet produced
//!   them ([`packet::Packet::to_value`]);
//! - [`render::Renderer`] lays packets out as lines at a width ([`table`], [`list`]),
//!   coloured per [`color::ColorMode`].
//!
//! [`OutDefault`] joins the two for the end of every pipeline.

pub mod color;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod formatter;
pub mod list;
pub mod packet;
pub mod render;
pub mod select;
pub mod table;
pub mod text;
pub mod view;
pub mod width;

use std::rc::Rc;

use color::ColorMode;
use formatter::{FormatRequest, Formatter};
use packet::Packet;
use render::Renderer;
use view::ViewRegistry;

use crate::engine::value::Value;

/// Out-Default (and Out-String, Out-File, Out-Host): objects in, lines out. Objects are
/// formatted with the default rules unless they are packets of a `Format-*` command.
pub struct OutDefault {
    formatter: Formatter,
    renderer: Renderer,
}

impl OutDefault {
    /// Output `width` cells wide that formats with a request (what `Format-Table ... |
    /// Out-String` does in one step), with `views` (the session's, [`view::Views`]).
    pub fn with_request(
        req: FormatRequest,
        width: usize,
        color: ColorMode,
        views: Rc<ViewRegistry>,
    ) -> OutDefault {
        OutDefault {
            formatter: Formatter::new(req, views),
            renderer: Renderer::new(width, color),
        }
    }

    /// One pipeline object; returns the lines it completes (a table's rows may wait for
    /// the widths of later ones).
    pub fn push(&mut self, v: &Value) -> Vec<String> {
        let mut packets = Vec::new();
        self.formatter.push(v, &mut packets);
        self.render(packets)
    }

    /// The end of the pipeline: the remaining lines.
    pub fn finish(&mut self) -> Vec<String> {
        let mut packets = Vec::new();
        self.formatter.finish(&mut packets);
        let mut lines = self.render(packets);
        self.renderer.finish(&mut lines);
        lines
    }

    fn render(&mut self, packets: Vec<Packet>) -> Vec<String> {
        let mut lines = Vec::new();
        for p in packets {
            self.renderer.push(p, &mut lines);
        }
        lines
    }
}

/// All the lines objects print as, at a width, without colour (what `Out-String
/// -Stream` yields).
pub fn lines_of(
    values: &[Value],
    req: FormatRequest,
    width: usize,
    views: Rc<ViewRegistry>,
) -> Vec<String> {
    let mut out = OutDefault::with_request(req, width, ColorMode::Off, views);
    let mut lines = Vec::new();
    for v in values {
        lines.extend(out.push(v));
    }
    lines.extend(out.finish());
    lines
}

/// The text objects print as (`Out-String`): every line followed by a newline.
pub fn text_of(
    values: &[Value],
    req: FormatRequest,
    width: usize,
    views: Rc<ViewRegistry>,
) -> String {
    lines_of(values, req, width, views)
        .into_iter()
        .map(|l| l + "\n")
        .collect()
}

/// Packets a `Format-*` command emits for its input, as pipeline objects.
pub fn format_values(values: &[Value], req: FormatRequest, views: Rc<ViewRegistry>) -> Vec<Value> {
    let mut f = Formatter::new(req, views);
    let mut packets = Vec::new();
    for v in values {
        f.push(v, &mut packets);
    }
    f.finish(&mut packets);
    packets.iter().map(Packet::to_value).collect()
}

/// The screen's width: the terminal's columns when standard output is a terminal, else
/// [`render::DEFAULT_WIDTH`] (120).
pub fn terminal_width() -> usize {
    terminal_columns()
        .filter(|&c| c > 0)
        .unwrap_or(render::DEFAULT_WIDTH)
}

#[cfg(unix)]
fn terminal_columns() -> Option<usize> {
    use std::io::IsTerminal;
    let out = std::io::stdout();
    if !out.is_terminal() {
        return None;
    }
    rustix::termios::tcgetwinsize(&out)
        .ok()
        .map(|ws| usize::from(ws.ws_col))
}

#[cfg(not(unix))]
fn terminal_columns() -> Option<usize> {
    None
}

#[cfg(test)]
mod tests;
