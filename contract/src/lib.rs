//! Elastic Path's published OpenAPI specs (vendored unchanged in `specs/`; their public origin
//! is in `specs/README.md`) turned into JSON Schema validators, so the app's requests and the
//! emulator's responses can be checked against them.
//!
//! Where the specs disagree with the guides and the project's API notes
//! (`docs/commerce-api.md`), the rule applied is in
//! [`deviations`], each one listed in `docs/spec-disagreements.md`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jsonschema::{Registry, Validator};
use serde_json::{json, Value};

pub mod deviations;

/// The spec files, by name.
pub const SPEC_FILES: [&str; 5] = [
    "account_management.yaml",
    "authentication-realms.yaml",
    "authentication.yaml",
    "integrations.yaml",
    "settings.yaml",
];

/// Base URI under which each spec is registered, so `$ref`s resolve inside their own file.
const BASE: &str = "https://specs.commerce-otp.invalid/";

pub fn vendored_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("specs")
}

/// For the spec-drift check in CI only: the team's copy of the specs, `../shared/specs`
/// beside the repository, if present (it is not part of the repository; nothing else uses it).
pub fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs");
    dir.is_dir().then_some(dir)
}

pub struct Specs {
    docs: BTreeMap<&'static str, Value>,
    registry: Registry<'static>,
}

/// One operation of one spec: `(file, path template, method)`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OperationId {
    pub file: &'static str,
    pub path: String,
    pub method: &'static str,
}

impl std::fmt::Display for OperationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method.to_uppercase(), self.path)
    }
}

/// Escapes a JSON pointer token (RFC 6901).
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

impl Specs {
    /// Loads the vendored specs, applies the documented deviations, and registers them.
    pub fn load() -> Result<Self, String> {
        let mut docs = BTreeMap::new();
        for file in SPEC_FILES {
            let path = vendored_dir().join(file);
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut doc: Value =
                serde_norway::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
            deviations::patch(file, &mut doc);
            docs.insert(file, doc);
        }
        let mut builder = Registry::new();
        for (file, doc) in &docs {
            builder = builder
                .add(format!("{BASE}{file}"), doc.clone())
                .map_err(|e| format!("{file}: {e}"))?;
        }
        let registry = builder.prepare().map_err(|e| format!("registry: {e}"))?;
        Ok(Self { docs, registry })
    }

    pub fn doc(&self, file: &str) -> Option<&Value> {
        self.docs.get(file)
    }

    /// The operation a concrete request path and method belong to, found by matching every
    /// path template of every spec (`{param}` matches one segment).
    pub fn find_operation(&self, method: &str, concrete_path: &str) -> Option<OperationId> {
        let path = concrete_path.split('?').next().unwrap_or_default();
        let method = method.to_lowercase();
        for (&file, doc) in &self.docs {
            let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
                continue;
            };
            for (template, item) in paths {
                if item.get(&method).is_some()
                    && template_matches(template, deviations::spec_path(file, path))
                {
                    let method = ["get", "post", "put", "delete"]
                        .into_iter()
                        .find(|m| *m == method)?;
                    return Some(OperationId {
                        file,
                        path: template.clone(),
                        method,
                    });
                }
            }
        }
        None
    }

    pub fn operation(&self, id: &OperationId) -> Option<&Value> {
        self.docs
            .get(id.file)?
            .get("paths")?
            .get(&id.path)?
            .get(id.method)
    }

    fn pointer_of(id: &OperationId) -> String {
        format!("/paths/{}/{}", escape(&id.path), id.method)
    }

    /// A validator for the schema at `pointer` (a JSON pointer) in `file`.
    pub fn validator_at(&self, file: &str, pointer: &str) -> Result<Validator, String> {
        // A JSON pointer in a URI fragment is percent-encoded (RFC 6901 §6): path templates
        // carry `{` and `}`.
        let fragment = pointer
            .replace('%', "%25")
            .replace('{', "%7B")
            .replace('}', "%7D");
        let schema = json!({ "$ref": format!("{BASE}{file}#{fragment}") });
        jsonschema::options()
            .with_registry(&self.registry)
            .build(&schema)
            .map_err(|e| format!("{file}#{pointer}: {e}"))
    }

    /// Headers the operation declares as required, and whether it needs a bearer token.
    pub fn required_headers(&self, id: &OperationId) -> Vec<String> {
        let mut headers = Vec::new();
        let item = self
            .docs
            .get(id.file)
            .and_then(|d| d.get("paths"))
            .and_then(|p| p.get(&id.path));
        let op = item.and_then(|i| i.get(id.method));
        for params in [
            item.and_then(|i| i.get("parameters")),
            op.and_then(|o| o.get("parameters")),
        ]
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        {
            for param in params {
                let param = self.resolve(id.file, param);
                if param["in"] == "header" && param["required"] == true {
                    if let Some(name) = param["name"].as_str() {
                        headers.push(name.to_owned());
                    }
                }
            }
        }
        let security = op
            .and_then(|o| o.get("security"))
            .or_else(|| self.docs.get(id.file)?.get("security"));
        if security
            .and_then(Value::as_array)
            .is_some_and(|s| !s.is_empty())
        {
            headers.push("Authorization".into());
        }
        headers
    }

    /// Follows a local `$ref` once.
    fn resolve<'a>(&'a self, file: &str, value: &'a Value) -> &'a Value {
        match value
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix('#'))
        {
            Some(pointer) => self
                .docs
                .get(file)
                .and_then(|d| d.pointer(pointer))
                .unwrap_or(value),
            None => value,
        }
    }

    /// JSON pointer of the request body schema for `content_type`.
    pub fn request_schema_pointer(&self, id: &OperationId, content_type: &str) -> Option<String> {
        let op = self.operation(id)?;
        let body = self.resolve(id.file, op.get("requestBody")?);
        body.get("content")?.get(content_type)?.get("schema")?;
        Some(format!(
            "{}/requestBody/content/{}/schema",
            Self::pointer_of(id),
            escape(content_type)
        ))
    }

    /// The response entry for `status`: the exact code, else `default`; with its key.
    pub fn response_entry(&self, id: &OperationId, status: u16) -> Option<(String, &Value)> {
        let responses = self.operation(id)?.get("responses")?;
        let key = [status.to_string(), "default".into()]
            .into_iter()
            .find(|k| responses.get(k).is_some())?;
        let entry = self.resolve(id.file, responses.get(&key)?);
        Some((key, entry))
    }

    /// JSON pointer of the JSON schema of a response, following a `$ref`'d response object.
    pub fn response_schema_pointer(&self, id: &OperationId, key: &str) -> Option<String> {
        let responses = self.operation(id)?.get("responses")?;
        let raw = responses.get(key)?;
        let (base, entry) = match raw
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix('#'))
        {
            Some(pointer) => (
                pointer.to_owned(),
                self.docs.get(id.file)?.pointer(pointer)?,
            ),
            None => (
                format!("{}/responses/{}", Self::pointer_of(id), escape(key)),
                raw,
            ),
        };
        entry
            .get("content")?
            .get("application/json")?
            .get("schema")?;
        Some(format!("{base}/content/application~1json/schema"))
    }
}

fn template_matches(template: &str, path: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| (t.starts_with('{') && t.ends_with('}') && !p.is_empty()) || t == p)
}

/// Validates and returns every error, with where in the instance it is.
pub fn check(validator: &Validator, instance: &Value) -> Result<(), String> {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("at {}: {}", e.instance_path(), e))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// Reads an `application/x-www-form-urlencoded` body into a JSON object of strings.
pub fn form_to_json(body: &str) -> Value {
    let decode = |s: &str| {
        let s = s.replace('+', " ");
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match (bytes[i], bytes.get(i + 1..i + 3)) {
                (b'%', Some(hex)) => match u8::from_str_radix(&String::from_utf8_lossy(hex), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                    }
                    Err(_) => {
                        out.push(b'%');
                        i += 1;
                    }
                },
                (b, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    };
    let map = body
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), Value::String(decode(v)))
        })
        .collect();
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_one_segment_per_parameter() {
        assert!(template_matches("/v2/a/{id}/b", "/v2/a/123/b"));
        assert!(!template_matches("/v2/a/{id}/b", "/v2/a/b"));
        assert!(!template_matches("/v2/a/{id}", "/v2/a/1/2"));
    }

    #[test]
    fn forms_decode() {
        assert_eq!(
            form_to_json("grant_type=implicit&client_id=ab%20c%26d"),
            json!({"grant_type": "implicit", "client_id": "ab c&d"})
        );
    }
}
