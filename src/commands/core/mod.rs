//! The language's own cmdlets: Write-Output, Write-Host, Write-Error, ForEach-Object,
//! Where-Object, and a plain Out-Default.

use crate::engine::command::Registry;

mod write_output;

pub fn register(r: &mut Registry) {
    r.register(write_output::command());
}
