//! The fields of two image configs (image-spec config.md) that differ: the run configuration
//! (`Env`, `Entrypoint`, `Cmd`, `User`, `WorkingDir`, `ExposedPorts`, `Volumes`, `Labels`,
//! `StopSignal`), `created`, the platform, and the history entries one has after what both share.

use super::Sign;
use serde_json::{Map, Value};

/// The fields under the config's `config` object that are compared, in the order shown.
const RUN_FIELDS: [&str; 9] =
    ["Env", "Entrypoint", "Cmd", "User", "WorkingDir", "ExposedPorts", "Volumes", "Labels", "StopSignal"];
/// The top-level fields that are compared.
const IMAGE_FIELDS: [&str; 4] = ["created", "architecture", "os", "variant"];

/// One field that differs: its value in each config (null where absent or empty).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: &'static str,
    pub from: Value,
    pub to: Value,
}

/// What differs between two configs.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ConfigChanges {
    pub fields: Vec<Field>,
    /// History entries after those both configs share, in each.
    pub history_added: Vec<Value>,
    pub history_removed: Vec<Value>,
}

/// Compares two config blobs (parsed JSON; anything that is not an object reads as empty).
pub fn compare(before: &Value, after: &Value) -> ConfigChanges {
    let run = |config: &Value, name: &str| config.get("config").and_then(|c| c.get(name)).cloned();
    let mut fields = Vec::new();
    for name in RUN_FIELDS {
        push(&mut fields, name, run(before, name), run(after, name));
    }
    for name in IMAGE_FIELDS {
        push(&mut fields, name, before.get(name).cloned(), after.get(name).cloned());
    }
    let history = |config: &Value| config.get("history").and_then(Value::as_array).cloned().unwrap_or_default();
    let (old, new) = (history(before), history(after));
    let shared = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    ConfigChanges { fields, history_added: new[shared..].to_vec(), history_removed: old[shared..].to_vec() }
}

/// Adds the field when its values differ; null, `""`, `[]` and `{}` all mean "not set", as
/// Docker writes `"User": ""` where others leave the field out.
fn push(fields: &mut Vec<Field>, name: &'static str, from: Option<Value>, to: Option<Value>) {
    let set = |value: Option<Value>| match value {
        Some(Value::String(s)) if s.is_empty() => Value::Null,
        Some(Value::Array(a)) if a.is_empty() => Value::Null,
        Some(Value::Object(o)) if o.is_empty() => Value::Null,
        Some(value) => value,
        None => Value::Null,
    };
    let (from, to) = (set(from), set(to));
    if from != to {
        fields.push(Field { name, from, to });
    }
}

/// The field as people read it: a line for each variable, label, port or volume that differs,
/// else one for the whole value.
pub fn lines(field: &Field) -> Vec<(Sign, String)> {
    let name = field.name;
    let keyed = match name {
        "Env" => Some((env(&field.from), env(&field.to))),
        "Labels" | "ExposedPorts" | "Volumes" => Some((object(&field.from), object(&field.to))),
        _ => None,
    };
    let mut lines = Vec::new();
    if let Some((from, to)) = keyed {
        let sets = matches!(name, "ExposedPorts" | "Volumes");
        let pair = |key: &str, value: &str| if sets { key.to_string() } else { format!("{key}={value}") };
        for (key, value) in &from {
            match to.iter().find(|(k, _)| k == key) {
                None => lines.push((Sign::Removed, format!("{name} {}", pair(key, value)))),
                Some((_, now)) if now != value => {
                    lines.push((Sign::Changed, format!("{name} {key}: {value} -> {now}")))
                }
                Some(_) => {}
            }
        }
        for (key, value) in to.iter().filter(|(k, _)| !from.iter().any(|(old, _)| old == k)) {
            lines.push((Sign::Added, format!("{name} {}", pair(key, value))));
        }
    }
    if !lines.is_empty() {
        return lines;
    }
    // A reordering, or a field with no keys: the whole value.
    match (&field.from, &field.to) {
        (Value::Null, to) => vec![(Sign::Added, format!("{name}: {}", shown(to)))],
        (from, Value::Null) => vec![(Sign::Removed, format!("{name}: {}", shown(from)))],
        (from, to) => vec![(Sign::Changed, format!("{name}: {} -> {}", shown(from), shown(to)))],
    }
}

/// A history entry as one line: what created it (else its comment).
pub fn history_line(entry: &Value) -> String {
    let text = |key: &str| entry.get(key).and_then(Value::as_str).filter(|s| !s.is_empty());
    format!("history: {}", text("created_by").or_else(|| text("comment")).unwrap_or("(an entry with no command)"))
}

/// `Env`'s `NAME=value` strings as (name, value), in order.
fn env(value: &Value) -> Vec<(String, String)> {
    let strings = value.as_array().map(Vec::as_slice).unwrap_or_default().iter().filter_map(Value::as_str);
    strings.map(|s| s.split_once('=').map_or((s.to_string(), String::new()), |(k, v)| (k.into(), v.into()))).collect()
}

/// An object's keys with their values shown (a string as itself, else compact JSON).
fn object(value: &Value) -> Vec<(String, String)> {
    let empty = Map::new();
    value.as_object().unwrap_or(&empty).iter().map(|(k, v)| (k.clone(), shown(v))).collect()
}

/// A string as itself, anything else as compact JSON.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn words(changes: &ConfigChanges) -> Vec<String> {
        let mut out: Vec<String> =
            (changes.fields.iter()).flat_map(lines).map(|(sign, text)| format!("{} {text}", sign.symbol())).collect();
        out.extend(changes.history_removed.iter().map(|e| format!("- {}", history_line(e))));
        out.extend(changes.history_added.iter().map(|e| format!("+ {}", history_line(e))));
        out
    }

    #[test]
    fn compare_table() {
        let before = json!({
            "created": "2024-01-01T00:00:00Z", "architecture": "amd64", "os": "linux",
            "config": {
                "Env": ["PATH=/usr/bin", "VERSION=1.0", "GONE=x"], "Cmd": ["serve"], "User": "",
                "Labels": {"version": "1.0", "keep": "k"}, "ExposedPorts": {"80/tcp": {}},
                "WorkingDir": "/srv",
            },
            "history": [{"created_by": "ADD rootfs.tar /"}, {"created_by": "RUN old", "empty_layer": true}],
        });
        let after = json!({
            "created": "2024-02-01T00:00:00Z", "architecture": "amd64", "os": "linux", "variant": "v8",
            "config": {
                "Env": ["PATH=/usr/bin", "VERSION=2.0", "NEW=y"], "Cmd": ["serve", "--fast"], "User": "app",
                "Labels": {"version": "2.0", "keep": "k", "extra": "e"}, "ExposedPorts": {"80/tcp": {}, "443/tcp": {}},
                "Volumes": {"/data": {}}, "StopSignal": "SIGQUIT", "WorkingDir": "/srv",
            },
            "history": [{"created_by": "ADD rootfs.tar /"}, {"created_by": "RUN new"}, {"comment": "buildkit"}],
        });
        assert_eq!(
            words(&compare(&before, &after)),
            [
                "~ Env VERSION: 1.0 -> 2.0",
                "- Env GONE=x",
                "+ Env NEW=y",
                "~ Cmd: [\"serve\"] -> [\"serve\",\"--fast\"]",
                "+ User: app",
                "+ ExposedPorts 443/tcp",
                "+ Volumes /data",
                "~ Labels version: 1.0 -> 2.0",
                "+ Labels extra=e",
                "+ StopSignal: SIGQUIT",
                "~ created: 2024-01-01T00:00:00Z -> 2024-02-01T00:00:00Z",
                "+ variant: v8",
                "- history: RUN old",
                "+ history: RUN new",
                "+ history: buildkit",
            ]
        );
        assert_eq!(compare(&after, &after), ConfigChanges::default(), "a config compared with itself");
        let reordered = json!({"config": {"Env": ["B=2", "A=1"]}});
        assert_eq!(
            words(&compare(&json!({"config": {"Env": ["A=1", "B=2"]}}), &reordered)),
            ["~ Env: [\"A=1\",\"B=2\"] -> [\"B=2\",\"A=1\"]"]
        );
        assert_eq!(compare(&json!([1]), &json!({"config": {"User": ""}})), ConfigChanges::default(), "nothing set");
    }
}
