//! Drawing the grid and reading keys: the alternate screen in raw mode for as long as the
//! grid is open, restored however it closes.

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode, size,
};
use ratatui::layout::Rect;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, TableState};
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::state::{Grid, Key, Outcome};

/// Raw mode and the alternate screen, undone when dropped.
struct Session;

impl Session {
    fn start() -> std::io::Result<Session> {
        enable_raw_mode()?;
        let session = Session;
        execute!(std::io::stdout(), EnterAlternateScreen)?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = execute!(std::io::stdout(), LeaveAlternateScreen);
        let _ = disable_raw_mode();
    }
}

const HELP: &str =
    "type to filter · ←/→ column · Ctrl-S sort · ↑/↓ move · Tab mark · Enter OK · Esc cancel";

/// Shows the grid until Enter or Esc; returns the chosen objects' indices.
pub fn show(grid: &mut Grid, title: &str) -> std::io::Result<Vec<usize>> {
    let _session = Session::start()?;
    let backend = CrosstermBackend::new(std::io::stdout());
    // A terminal that reports no size (a bare pseudo-terminal) gets 80×24.
    let mut terminal = match size() {
        Ok((w, h)) if w > 0 && h > 0 => Terminal::new(backend)?,
        _ => Terminal::with_options(
            backend,
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
            },
        )?,
    };
    let mut page = 10;
    loop {
        terminal.draw(|frame| page = draw(frame, grid, title))?;
        let Event::Key(k) = event::read()? else {
            continue;
        };
        if k.kind != KeyEventKind::Press {
            continue;
        }
        let control = k.modifiers.contains(KeyModifiers::CONTROL);
        let key = match k.code {
            KeyCode::Char('s') if control => Key::Sort,
            KeyCode::Char('c') if control => Key::Cancel,
            KeyCode::Char(c) if !control => Key::Char(c),
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::Tab => Key::Mark,
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Cancel,
            _ => continue,
        };
        if let Outcome::Done(chosen) = grid.key(key, page) {
            return Ok(chosen);
        }
    }
}

/// Draws one frame; returns how many rows fit (a page).
fn draw(frame: &mut ratatui::Frame, grid: &Grid, title: &str) -> usize {
    let [body, status] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(frame.area());
    let shown = grid.visible();
    let names = grid.columns.iter().enumerate().map(|(i, name)| {
        let arrow = match grid.sort {
            Some((c, false)) if c == i => " ▲",
            Some((c, true)) if c == i => " ▼",
            _ => "",
        };
        let style = if i == grid.column {
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        };
        Line::styled(format!("{name}{arrow}"), style)
    });
    let header = Row::new(std::iter::once(Line::raw("")).chain(names));
    let rows = shown.iter().map(|&r| {
        let mark = if grid.marked.contains(&r) { "*" } else { " " };
        Row::new(std::iter::once(mark.to_string()).chain(grid.cells[r].iter().cloned()))
    });
    let widths: Vec<Constraint> = std::iter::once(Constraint::Length(1))
        .chain((0..grid.columns.len()).map(|c| {
            let widest = shown
                .iter()
                .map(|&r| grid.cells[r][c].chars().count())
                .chain(std::iter::once(grid.columns[c].chars().count() + 2))
                .max()
                .unwrap_or(1);
            Constraint::Max(u16::try_from(widest.min(60)).unwrap_or(60))
        }))
        .collect();
    let table = Table::new(rows, widths)
        .header(header)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(title.to_string()),
        )
        .row_highlight_style(Style::default().add_modifier(Modifier::REVERSED));
    let mut state = TableState::default().with_selected(Some(grid.cursor));
    frame.render_stateful_widget(table, body, &mut state);
    let line = format!(
        "Filter: {}   {} of {} rows   {HELP}",
        grid.filter,
        shown.len(),
        grid.cells.len()
    );
    frame.render_widget(Paragraph::new(line), status);
    usize::from(body.height.saturating_sub(3))
}
