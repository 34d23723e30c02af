//! Set-Location (`cd`, `sl`, `chdir`), Get-Location (`pwd`, `gl`), Push-Location
//! (`pushd`) and Pop-Location (`popd`): the session's current location, which every
//! file cmdlet resolves relative paths against and the prompt and `$PWD` show.
//!
//! As in pwsh 7: `cd` alone goes home, `cd -` goes back and `cd +` forward again; a
//! path that is not a folder is "Cannot find path"; `C:\` is "Cannot find drive".

use super::locate::{PathParams, drive_error, not_found, path_params};
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::location::{PATH_INFO, path_info};
use crate::engine::value::Value;
use crate::format::view::{View, Views};

/// The PathInfo view: a table of the Path alone.
pub fn register_views(r: &Views) {
    r.register(PATH_INFO, View::table_of(&["Path"]));
}

/// Moves to `target` (text as typed); a missing folder or drive is written as pwsh's
/// error. Returns whether it moved.
fn move_to(cx: &mut Ctx, target: &str) -> Result<bool, Flow> {
    let dir = match cx.engine.location.resolve_file(target) {
        Ok(dir) => dir,
        Err(e) => return drive_error(cx, &e).map(|()| false),
    };
    if !dir.is_dir() {
        return not_found(cx, &dir).map(|()| false);
    }
    cx.engine.set_location(dir);
    Ok(true)
}

/// With `-PassThru`, writes the location reached.
fn pass_thru(cx: &mut Ctx) -> Result<(), Flow> {
    if !cx.switch("PassThru") {
        return Ok(());
    }
    let info = path_info(&cx.engine.location.current());
    cx.write(info)
}

/// The path a location command was given: `-Path`, `-LiteralPath` or the pipeline.
fn given_path(cx: &Ctx, input: &Option<Value>) -> Option<String> {
    cx.string("LiteralPath")
        .or_else(|| cx.string("Path"))
        .or_else(|| input.as_ref().map(Value::to_string))
}

struct SetLocation;

impl Processor for SetLocation {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let path = given_path(cx, &input).unwrap_or_else(|| "~".into());
        let moved = match path.as_str() {
            "-" | "+" => {
                let location = &mut cx.engine.location;
                let step = if path == "-" {
                    location.back()
                } else {
                    location.forward()
                };
                if step.is_none() {
                    let which = if path == "-" { "backward" } else { "forward" };
                    return Err(cx.terminating(
                        &format!("There is no location history left to navigate {which}."),
                        "InvalidOperation",
                        crate::engine::error::ErrorCategory::InvalidOperation,
                    ));
                }
                cx.engine.location_moved();
                true
            }
            _ => move_to(cx, &path)?,
        };
        if moved {
            pass_thru(cx)?;
        }
        Ok(())
    }
}

fn location_params(sig: Signature) -> Signature {
    let paths = PathParams {
        ty: ParamType::String,
        mandatory: false,
        sets: ["Path", "LiteralPath"],
    };
    path_params(sig, paths).param(Param::switch("PassThru"))
}

pub fn set_location() -> CommandInfo {
    let sig = location_params(
        Signature::new("Set-Location")
            .alias("cd")
            .alias("sl")
            .alias("chdir")
            .synopsis("Sets the current working location to a specified location."),
    )
    .example(
        "A parent folder, written the Windows way",
        "Set-Location /usr/share; Set-Location ..\\lib; (Get-Location).Path",
        "/usr/lib",
    )
    .example(
        "Back to where it was",
        "Set-Location /usr; Set-Location /tmp; cd -; $PWD.Path",
        "/usr",
    );
    CommandInfo::new(sig, || Box::new(SetLocation))
}

struct GetLocation;

impl Processor for GetLocation {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        if cx.switch("Stack") {
            let stack: Vec<Value> = cx
                .engine
                .location
                .stack()
                .iter()
                .rev()
                .map(|p| path_info(p))
                .collect();
            for info in stack {
                cx.write(info)?;
            }
            return Ok(());
        }
        let info = path_info(&cx.engine.location.current());
        cx.write(info)
    }
}

pub fn get_location() -> CommandInfo {
    let sig = Signature::new("Get-Location")
        .alias("pwd")
        .alias("gl")
        .synopsis("Gets information about the current working location or a location stack.")
        .param(Param::new("PSProvider", ParamType::StringArray))
        .param(Param::new("PSDrive", ParamType::StringArray))
        .param(Param::switch("Stack"))
        .param(Param::new("StackName", ParamType::StringArray))
        .example(
            "The location as pwsh prints it",
            "Set-Location /tmp; Get-Location",
            "\nPath\n----\n/tmp\n",
        );
    CommandInfo::new(sig, || Box::new(GetLocation))
}

struct PushLocation;

impl Processor for PushLocation {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let target = given_path(cx, &input);
        cx.engine.location.push();
        if let Some(target) = target
            && !move_to(cx, &target)?
        {
            // Nothing moved: the location pushed is not left behind.
            cx.engine.location.pop();
            return Ok(());
        }
        pass_thru(cx)
    }
}

pub fn push_location() -> CommandInfo {
    let sig = location_params(
        Signature::new("Push-Location")
            .alias("pushd")
            .synopsis("Adds the current location to the top of a location stack."),
    )
    .param(Param::new("StackName", ParamType::String))
    .example(
        "Somewhere and back",
        "Set-Location /usr; Push-Location /tmp; $PWD.Path; Pop-Location; $PWD.Path",
        "/tmp\n/usr",
    );
    CommandInfo::new(sig, || Box::new(PushLocation))
}

struct PopLocation;

impl Processor for PopLocation {
    fn process(&mut self, cx: &mut Ctx, _input: Option<Value>) -> Result<(), Flow> {
        let Some(dir) = cx.engine.location.pop() else {
            return Ok(());
        };
        if !dir.is_dir() {
            return not_found(cx, &dir);
        }
        cx.engine.set_location(dir);
        pass_thru(cx)
    }
}

pub fn pop_location() -> CommandInfo {
    let sig = Signature::new("Pop-Location")
        .alias("popd")
        .synopsis(
            "Changes the current location to the location most recently pushed onto the stack.",
        )
        .param(Param::switch("PassThru"))
        .param(Param::new("StackName", ParamType::String))
        .example("An empty stack does nothing", "Pop-Location", "");
    CommandInfo::new(sig, || Box::new(PopLocation))
}
