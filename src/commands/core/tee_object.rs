//! Tee-Object (`tee`): passes objects on and also saves them to a file (as Out-File
//! would print them) or a variable.

use super::files::save;
use super::props::given;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::value::Value;
use crate::format::formatter::FormatRequest;
use crate::format::view::Views;
use crate::format::{terminal_width, text_of};

#[derive(Default)]
struct Tee {
    items: Vec<Value>,
}

impl Processor for Tee {
    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some(v) = given(cx, input) else {
            return Ok(());
        };
        self.items.push(v.clone());
        cx.write(v)
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        if let Some(name) = cx.string("Variable") {
            let value = match self.items.len() {
                1 => self.items[0].clone(),
                _ => Value::array(self.items.clone()),
            };
            cx.engine.scopes.set(None, &name, value);
        }
        if let Some(path) = cx.string("FilePath") {
            let views = cx.session().get::<Views>().registry();
            let text = text_of(
                &self.items,
                FormatRequest::default(),
                terminal_width(),
                views,
            );
            let append = cx.switch("Append");
            save(cx, &path, &text, append)?;
        }
        Ok(())
    }
}

pub fn command() -> CommandInfo {
    let sig = Signature::new("Tee-Object")
        .alias("tee")
        .synopsis("Saves command output in a file or variable and also sends it down the pipeline.")
        .param(
            Param::new("FilePath", ParamType::String)
                .alias("Path")
                .position(0)
                .set("File"),
        )
        .param(Param::new("Variable", ParamType::String).set("Variable"))
        .param(Param::switch("Append").set("File"))
        .param(Param::new("Encoding", ParamType::String).set("File"))
        .param(Param::new("InputObject", ParamType::Any).from_pipeline())
        .default_set("File");
    CommandInfo::new(sig, || Box::new(Tee::default()))
}
