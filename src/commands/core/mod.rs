//! The language's own cmdlets: Write-Output, Write-Host, Write-Error, ForEach-Object,
//! Where-Object, and a plain Out-Default.

use crate::engine::command::Registry;
use crate::engine::state::SessionState;
use crate::format::view::Views;

mod child_item;
mod compare_object;
mod content;
mod csv;
mod date;
mod files;
mod foreach_object;
mod format;
mod fs_item;
mod get_command;
mod get_help;
mod get_member;
mod group_object;
pub mod history;
mod host_io;
mod html;
mod invoke_expression;
mod item_ops;
pub(crate) mod json;
mod locate;
mod location;
mod measure_object;
mod members;
mod modules;
mod order;
mod out;
mod path;
mod path_parts;
pub(crate) mod props;
mod select_object;
mod select_string;
mod sort_object;
mod string_data;
mod tee_object;
mod test_json;
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
mod time_span;
mod transcript;
mod variables;
mod where_object;
mod write_host;
mod write_information;
mod write_output;
mod write_streams;

pub fn register(r: &mut Registry) {
    for info in [
        write_output::command(),
        write_host::command(),
        write_streams::write_error(),
        write_streams::write_warning(),
        write_streams::write_verbose(),
        write_streams::write_debug(),
        foreach_object::command(),
        where_object::command(),
    ] {
        r.register(info);
    }
    register_output(r);
}

/// Formatting, output and the everyday object cmdlets.
fn register_output(r: &mut Registry) {
    for info in [
        format::format_table(),
        format::format_list(),
        format::format_wide(),
        format::format_custom(),
        out::out_default(),
        out::out_host(),
        out::out_string(),
        out::out_file(),
        out::out_null(),
        select_object::command(),
        sort_object::command(),
        group_object::command(),
        measure_object::command(),
        members::new_object(),
        members::add_member(),
        get_member::command(),
        json::convert_to_json(),
        json::convert_from_json(),
        string_data::command(),
        test_json::command(),
        csv::convert_to_csv(),
        csv::convert_from_csv(),
        csv::export_csv(),
        csv::import_csv(),
        content::get_content(),
        content::set_content(),
        content::add_content(),
        path::test_path(),
        path::join_path(),
        path::remove_item(),
        tee_object::command(),
        compare_object::command(),
        date::get_date(),
        date::start_sleep(),
        get_command::get_command(),
        get_command::get_alias(),
        history::get_history(),
        history::invoke_history(),
        get_help::command(),
        variables::get_variable(),
        variables::set_variable(),
        variables::new_variable(),
        variables::remove_variable(),
        variables::clear_variable(),
        host_io::read_host(),
        host_io::get_credential(),
        host_io::convert_to_secure_string(),
        host_io::clear_host(),
        host_io::write_progress(),
        invoke_expression::command(),
        write_information::command(),
    ] {
        r.register(info);
    }
    r.on_session_start(history::register_views);
    register_shell(r);
}

/// The shell's own commands that scripts call around their work: locations and files.
fn register_shell(r: &mut Registry) {
    for info in [
        location::set_location(),
        location::get_location(),
        location::push_location(),
        location::pop_location(),
        child_item::get_child_item(),
        child_item::get_item(),
        item_ops::new_item(),
        item_ops::copy_item(),
        item_ops::move_item(),
        item_ops::rename_item(),
        path_parts::resolve_path(),
        path_parts::split_path(),
        modules::get_module(),
        modules::import_module(),
        modules::remove_module(),
        modules::get_installed_module(),
        modules::install_module(),
        modules::update_module(),
        modules::find_module(),
        time_span::new_time_span(),
        time_span::new_guid(),
        select_string::command(),
        html::command(),
        transcript::start_transcript(),
        transcript::stop_transcript(),
    ] {
        r.register(info);
    }
    r.on_session_start(register_views);
}

/// The views of the objects the shell's commands write, for a new session.
fn register_views(session: &SessionState) {
    let views = session.get::<Views>();
    location::register_views(&views);
    fs_item::register_views(&views);
    modules::register_views(&views);
    time_span::register_views(&views);
    let location = session.get::<crate::engine::location::Location>();
    select_string::register_views(&views, location);
}
