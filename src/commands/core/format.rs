//! Format-Table (`ft`), Format-List (`fl`), Format-Wide (`fw`): objects in, formatting
//! packets out, laid out later by Out-Default/Out-String/Out-File at their width (see
//! [`crate::format`]).

use super::props::{ScriptProps, count, enumeration_limit};
use super::select_object::strings;
use crate::engine::command::{CommandInfo, Ctx, Flow, Param, ParamType, Processor, Signature};
use crate::engine::value::Value;
use crate::format::formatter::{FormatRequest, Formatter};
use crate::format::select::{PropertySpec, SpecContext};
use crate::format::view::{Shape, Views};

/// One Format-* invocation.
struct Format {
    shape: Shape,
    props: ScriptProps,
    formatter: Option<Formatter>,
}

impl Format {
    fn new(shape: Shape) -> Format {
        Format {
            shape,
            props: ScriptProps::default(),
            formatter: None,
        }
    }

    fn request(&self, cx: &Ctx) -> Result<FormatRequest, Flow> {
        let ctx = match self.shape {
            Shape::Table => SpecContext::Table,
            _ => SpecContext::List,
        };
        let exclude = strings(cx.param("ExcludeProperty"));
        let mut properties = self.props.specs(cx, cx.param("Property"), ctx)?;
        if properties.is_empty() && !exclude.is_empty() {
            properties.push(PropertySpec::Name("*".into()));
        }
        Ok(FormatRequest {
            shape: Some(self.shape),
            properties,
            exclude,
            group_by: self
                .props
                .column(cx, cx.param("GroupBy"), SpecContext::List)?,
            autosize: cx.switch("AutoSize"),
            hide_headers: cx.switch("HideTableHeaders"),
            wrap: cx.switch("Wrap"),
            columns: count(cx, "Column").filter(|n| *n > 0),
            enumeration_limit: enumeration_limit(cx),
        })
    }
}

impl Processor for Format {
    fn begin(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let req = self.request(cx)?;
        let views = cx.session().get::<Views>().registry();
        self.formatter = Some(Formatter::new(req, views));
        Ok(())
    }

    fn process(&mut self, cx: &mut Ctx, input: Option<Value>) -> Result<(), Flow> {
        let Some((_, v)) = self.props.input(cx, input)? else {
            return Ok(());
        };
        let mut packets = Vec::new();
        if let Some(f) = self.formatter.as_mut() {
            f.push(&v, &mut packets);
        }
        for p in packets {
            cx.write(p.to_value())?;
        }
        Ok(())
    }

    fn end(&mut self, cx: &mut Ctx) -> Result<(), Flow> {
        let mut packets = Vec::new();
        if let Some(f) = self.formatter.as_mut() {
            f.finish(&mut packets);
        }
        for p in packets {
            cx.write(p.to_value())?;
        }
        Ok(())
    }
}

fn common(sig: Signature) -> Signature {
    sig.param(
        Param::new("Property", ParamType::AnyArray)
            .type_name("System.Object[]")
            .position(0),
    )
    .param(Param::new("ExcludeProperty", ParamType::StringArray))
    .param(Param::new("GroupBy", ParamType::Any))
    .param(Param::new("InputObject", ParamType::Any).from_pipeline())
    .param(Param::new("View", ParamType::String))
    .param(Param::switch("Force"))
}

pub fn format_table() -> CommandInfo {
    let sig = common(
        Signature::new("Format-Table")
            .alias("ft")
            .synopsis("Formats the output as a table."),
    )
    .param(Param::switch("AutoSize"))
    .param(Param::switch("HideTableHeaders"))
    .param(Param::switch("Wrap"))
    .example(
        "Numbers are right-aligned, strings left",
        "[pscustomobject]@{Name='Ken'; Count=5} | Format-Table",
        "\nName Count\n---- -----\nKen      5\n",
    );
    CommandInfo::new(sig, || Box::new(Format::new(Shape::Table)))
}

pub fn format_list() -> CommandInfo {
    let sig = common(Signature::new("Format-List").alias("fl").synopsis(
        "Formats the output as a list of properties in which each property appears on a new line.",
    ))
    .example(
        "Labels are padded to the longest",
        "[pscustomobject]@{Name='Ken Sanchez'; MapiEnabled=$false} | Format-List",
        "\nName        : Ken Sanchez\nMapiEnabled : False\n",
    );
    CommandInfo::new(sig, || Box::new(Format::new(Shape::List)))
}

pub fn format_custom() -> CommandInfo {
    let sig = common(
        Signature::new("Format-Custom")
            .alias("fc")
            .synopsis("Uses a customized view to format the output."),
    )
    .param(Param::new("Depth", ParamType::Int));
    CommandInfo::new(sig, || Box::new(Format::new(Shape::Custom)))
}

pub fn format_wide() -> CommandInfo {
    let sig = common(Signature::new("Format-Wide").alias("fw").synopsis(
        "Formats objects as a wide table that displays only one property of each object.",
    ))
    .param(Param::new("Column", ParamType::Int))
    .param(Param::switch("AutoSize"));
    CommandInfo::new(sig, || Box::new(Format::new(Shape::Wide)))
}
