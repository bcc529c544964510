//! `--query EXPR`: a jq expression, run by the jaq crates over the JSON a command prints.

use crate::exit::{Code, Failure};
use jaq_core::load::{Arena, File, Loader};
use jaq_core::{data, Compiler, Ctx, Vars};
use jaq_json::Val;
use std::cell::RefCell;
use std::rc::Rc;

/// An expression known to compile. jaq's compiled filters are not `Send`, so each thread that
/// runs the query compiles it once and keeps it (a batch runs it per reference, on workers).
#[derive(Clone, Debug)]
pub struct Query {
    expression: String,
}

/// One result of a query, as it is printed.
#[derive(Debug, PartialEq, Eq)]
pub enum Output {
    /// A string result, printed raw like `jq -r`.
    Text(String),
    /// Any other value, as pretty-printed JSON.
    Json(String),
}

type Filter = jaq_core::Filter<data::JustLut<Val>>;

impl Query {
    /// Checks `expression` now, so that a typo fails before any request (exit 2).
    pub fn new(expression: &str) -> Result<Query, Failure> {
        compiled(expression)?;
        Ok(Query { expression: expression.to_string() })
    }

    /// Runs the query over one JSON document; every result in order, or the first error. JSON
    /// results are indented, or on one line each when `compact` (JSON Lines in a batch).
    pub fn run(&self, json: &[u8], compact: bool) -> Result<Vec<Output>, Failure> {
        let input = jaq_json::read::parse_single(json)
            .map_err(|e| Failure::new(Code::Protocol, format!("the output to query is not JSON ({e})")))?;
        let filter = compiled(&self.expression)?;
        let ctx = Ctx::<data::JustLut<Val>>::new(&filter.lut, Vars::new([]));
        let mut results = Vec::new();
        for result in filter.id.run((ctx, input)) {
            let value = result.map_err(|exception| {
                let why = match exception.get_err() {
                    Ok(error) => error.to_string(),
                    Err(_) => "the expression stopped the program (halt or break)".to_string(),
                };
                Failure::new(Code::Usage, format!("--query failed: {why}"))
            })?;
            results.push(render(&value, compact));
        }
        Ok(results)
    }
}

/// This thread's compiled filter for `expression`, compiled on first use.
fn compiled(expression: &str) -> Result<Rc<Filter>, Failure> {
    thread_local! {
        static COMPILED: RefCell<Option<(String, Rc<Filter>)>> = const { RefCell::new(None) };
    }
    COMPILED.with(|cell| {
        if let Some((_, filter)) = cell.borrow().as_ref().filter(|(cached, _)| cached == expression) {
            return Ok(filter.clone());
        }
        let filter = Rc::new(compile(expression)?);
        *cell.borrow_mut() = Some((expression.to_string(), filter.clone()));
        Ok(filter)
    })
}

fn render(value: &Val, compact: bool) -> Output {
    if let Val::TStr(bytes) = value {
        return Output::Text(String::from_utf8_lossy(bytes).into_owned());
    }
    let pretty = match compact {
        true => jaq_json::write::Pp::default(),
        false => jaq_json::write::Pp { indent: Some("  ".to_string()), sep_space: true, ..Default::default() },
    };
    let mut text = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = jaq_json::write::write(&mut text, &pretty, 0, value);
    Output::Json(String::from_utf8_lossy(&text).into_owned())
}

fn compile(expression: &str) -> Result<Filter, Failure> {
    let invalid = |why: String| {
        Failure::new(Code::Usage, format!("invalid --query expression: {why}"))
            .hint("the language is jq's; e.g. --query '.config.Labels' or --query '.layers | length'")
    };
    // Where in the expression a lexer/parser/compiler slice starts, counted in characters.
    let column = |at: &str| {
        let offset = (at.as_ptr() as usize).saturating_sub(expression.as_ptr() as usize).min(expression.len());
        expression[..offset].chars().count() + 1
    };
    let defs = jaq_core::defs().chain(jaq_std::defs()).chain(jaq_json::defs());
    let funs = jaq_core::funs().chain(jaq_std::funs()).chain(jaq_json::funs());
    let loader = Loader::new(defs);
    let arena = Arena::default();
    let modules = loader.load(&arena, File { code: expression, path: () }).map_err(|errors| {
        let why = errors.into_iter().next().map(|(_, error)| match error {
            jaq_core::load::Error::Lex(errors) => {
                errors.first().map(|(expect, at)| format!("expected {} at column {}", expect.as_str(), column(at)))
            }
            jaq_core::load::Error::Parse(errors) => {
                errors.first().map(|(expect, at)| format!("expected {} at column {}", expect.as_str(), column(at)))
            }
            jaq_core::load::Error::Io(errors) => errors.first().map(|(path, why)| format!("{path}: {why}")),
        });
        invalid(why.flatten().unwrap_or_else(|| "cannot parse it".to_string()))
    })?;
    Compiler::default().with_funs(funs).compile(modules).map_err(|errors| {
        let why = errors.into_iter().next().and_then(|(_, undefined)| {
            undefined.first().map(|(name, kind)| format!("undefined {} {name}", kind.as_str()))
        });
        invalid(why.unwrap_or_else(|| "cannot compile it".to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(expression: &str, json: &str) -> Vec<Output> {
        Query::new(expression).expect("compiles").run(json.as_bytes(), false).expect("runs")
    }

    #[test]
    fn strings_print_raw_and_everything_else_as_json() {
        assert_eq!(run(".a", r#"{"a":"x"}"#), [Output::Text("x".into())]);
        assert_eq!(run(".a | length", r#"{"a":[1,2]}"#), [Output::Json("2".into())]);
        assert_eq!(run(".tags[]", r#"{"tags":["v1","v2"]}"#), [Output::Text("v1".into()), Output::Text("v2".into())]);
        assert_eq!(
            run(".a", r#"{"a":{"k":"v","n":[1]}}"#),
            [Output::Json("{\n  \"k\": \"v\",\n  \"n\": [\n    1\n  ]\n}".into())]
        );
        assert_eq!(run(".missing", "{}"), [Output::Json("null".into())]);
        assert_eq!(run("empty", "{}"), []);
    }

    #[test]
    fn errors_are_usage_errors_naming_the_problem() {
        let failure = Query::new(".a |").unwrap_err();
        assert_eq!(failure.code, Code::Usage);
        assert_eq!(failure.message, "invalid --query expression: expected term at column 5");
        let failure = Query::new("nosuchfilter").unwrap_err();
        assert_eq!(failure.message, "invalid --query expression: undefined filter nosuchfilter");
        let failure = Query::new(".a[]").unwrap().run(br#"{"a":1}"#, false).unwrap_err();
        assert_eq!(failure.code, Code::Usage);
        assert_eq!(failure.message, "--query failed: cannot use 1 as iterable (array or object)");
    }
}
