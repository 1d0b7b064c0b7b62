//! Contract tests. The app's real Commerce client talks to the emulator in-process through a
//! recording transport; then every request it built is checked against the operation's request
//! schema and required headers in Elastic Path's published specs, and every response the
//! emulator sent (success and each error status it can return) against the response schema.
//! Prints how many operations and statuses were validated.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use axum::body::Body as AxumBody;
use commerce_emulator::{api_router, Config, Emulator, Seed};
use commerce_otp::commerce::client::CommerceClient;
use commerce_otp::commerce::error::CommerceError;
use commerce_otp::commerce::http::{
    Body, HttpRequest, HttpResponse, Method, StatusCode, Transport,
};
use commerce_otp::commerce::requests::{self, PasswordUpdate, Purpose, AM_TOKEN_HEADER};
use commerce_otp::commerce::{
    AccountManagementToken, AccountMemberId, PasswordProfileId, PasswordProfileInfoId, RealmId,
};
use commerce_otp_contract::deviations::{self, Envelope};
use commerce_otp_contract::{
    check, form_to_json, shared_dir, vendored_dir, OperationId, Specs, SPEC_FILES,
};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{json, Value};
use tower::ServiceExt;

const CLIENT_ID: &str = "emulator-demo-client";
const CLIENT_SECRET: &str = "contract-test-secret";
const REALM: &str = "3418c54e-d768-42c1-a9db-d7afd2a18452";
const PROFILE: &str = "9a44bb7e-e377-4382-b36e-c8030aad1c2d";
const LEGACY_PROFILE: &str = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

fn realm() -> RealmId {
    RealmId::new(REALM)
}

fn profile() -> PasswordProfileId {
    PasswordProfileId::new(PROFILE)
}
const UNKNOWN_ID: &str = "00000000-0000-4000-8000-000000000000";
const JOHN: &str = "john.doe@banks.com";
const JANE: &str = "jane.smith@example.com";
const NEW_PASSWORD: &str = "Blue-Harbour-42";

/// The transport the app's client uses here: the emulator's router, in-process.
struct Recorder {
    router: axum::Router,
    log: RefCell<Vec<Exchange>>,
}

#[derive(Clone)]
struct Exchange {
    /// Why the request was sent.
    label: String,
    /// Built by the app's request builders and client, unchanged (so checked as a request).
    built_by_app: bool,
    /// The status this scenario provokes.
    expected_status: u16,
    request: HttpRequest,
    response: HttpResponse,
}

impl Recorder {
    async fn raw(&self, request: &HttpRequest) -> HttpResponse {
        let mut builder = axum::http::Request::builder()
            .method(request.method.as_str())
            .uri(&request.path);
        for (name, value) in request.all_headers() {
            builder = builder.header(name, value);
        }
        let body = request.body.as_ref().map(Body::to_text).unwrap_or_default();
        let Ok(http_request) = builder.body(AxumBody::from(body)) else {
            return HttpResponse::new(StatusCode::INTERNAL_SERVER_ERROR, "unbuildable request");
        };
        let Ok(response) = self.router.clone().oneshot(http_request).await;
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        HttpResponse::new(status, String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Sends a scenario request and records it.
    async fn scenario(
        &self,
        label: &str,
        built_by_app: bool,
        expected_status: u16,
        request: HttpRequest,
    ) -> HttpResponse {
        let response = self.raw(&request).await;
        self.log.borrow_mut().push(Exchange {
            label: label.into(),
            built_by_app,
            expected_status,
            request,
            response: response.clone(),
        });
        response
    }
}

/// The recorder as the app's client sees it; each call it makes is logged as built by the app,
/// under the label of the current step.
struct ClientTransport {
    recorder: Rc<Recorder>,
    label: Rc<RefCell<String>>,
}

impl Transport for ClientTransport {
    async fn send(
        &self,
        _base: &str,
        request: &HttpRequest,
    ) -> Result<HttpResponse, CommerceError> {
        let response = self.recorder.raw(request).await;
        self.recorder.log.borrow_mut().push(Exchange {
            label: self.label.borrow().clone(),
            built_by_app: true,
            expected_status: response.status.as_u16(),
            request: request.clone(),
            response: response.clone(),
        });
        Ok(response)
    }

    fn now_secs(&self) -> f64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0)
    }

    async fn sleep(&self, _millis: u32) {}
}

fn with_bearer(request: HttpRequest, token: &str) -> HttpRequest {
    request.header("Authorization", format!("Bearer {token}"))
}

fn json_body(request: &HttpRequest) -> Value {
    match &request.body {
        Some(Body::Json(value)) => value.clone(),
        _ => Value::Null,
    }
}

fn with_json(mut request: HttpRequest, body: Value) -> HttpRequest {
    request.body = Some(Body::Json(body));
    request
}

fn err(what: &'static str) -> impl Fn(CommerceError) -> String {
    move |e| format!("{what}: {e}")
}

fn parse(response: &HttpResponse) -> Value {
    serde_json::from_str(&response.body).unwrap_or(Value::Null)
}

/// Drives every call the app makes, and provokes each error status the emulator can return
/// for them. Returns the log, and the outbox afterwards.
async fn run_scenarios() -> Result<(Vec<Exchange>, Value), String> {
    let config = Config {
        api_url: "http://127.0.0.1:4010".into(),
        app_url: "http://127.0.0.1:8080".into(),
        token_ttl_secs: 3600,
        client_secret: Some(CLIENT_SECRET.into()),
    };
    let emulator = Emulator::new(Seed::demo(), config)?;
    let recorder = Rc::new(Recorder {
        router: api_router(emulator),
        log: RefCell::default(),
    });
    let label = Rc::new(RefCell::new(String::new()));
    let transport = ClientTransport {
        recorder: Rc::clone(&recorder),
        label: Rc::clone(&label),
    };
    let client = CommerceClient::new(transport, "", CLIENT_ID);
    let step = |step: &str| *label.borrow_mut() = step.to_owned();
    let outbox = || async {
        let response = recorder
            .raw(&HttpRequest::new(Method::GET, "/__emulator/outbox".into()))
            .await;
        parse(&response)
    };
    let last_code = |mails: &Value, to: &str| {
        mails
            .as_array()
            .and_then(|m| m.iter().rev().find(|m| m["to"] == to))
            .and_then(|m| {
                m["event"]["payload"]["one_time_password_token"]
                    .as_str()
                    .map(str::to_owned)
            })
            .ok_or(format!("no code for {to}"))
    };

    // The flows, through the app's own client.
    step("reset: request a code");
    client
        .request_code(&realm(), &profile(), JOHN, Purpose::ResetPassword)
        .await
        .map_err(err("request code"))?;
    step("passwordless: request a code");
    client
        .request_code(
            &realm(),
            &profile(),
            JANE,
            Purpose::PasswordlessAuthentication,
        )
        .await
        .map_err(err("request code"))?;
    let mails = outbox().await;
    let john_code = last_code(&mails, JOHN)?;
    let jane_code = last_code(&mails, JANE)?;
    step("reset: exchange the code");
    let john = client
        .exchange_code(&profile(), JOHN, &john_code)
        .await
        .map_err(err("exchange"))?;
    let john_token = john.accounts[0].token.clone();
    step("reset: find the password profile info");
    let info = client
        .find_password_profile_info(&realm(), &john.member_id, &profile(), &john_token)
        .await
        .map_err(err("find info"))?;
    step("reset: set the new password");
    let (realm_id, profile_id) = (realm(), profile());
    let update = PasswordUpdate {
        realm_id: &realm_id,
        member_id: &john.member_id,
        info_id: &info,
        profile_id: &profile_id,
        username: JOHN,
        password: NEW_PASSWORD,
    };
    client
        .update_password(&update, &john_token)
        .await
        .map_err(err("update"))?;
    step("sign in with the new password");
    client
        .sign_in(&profile(), JOHN, NEW_PASSWORD)
        .await
        .map_err(err("sign in"))?;
    step("passwordless: exchange the code (two accounts)");
    let jane = client
        .exchange_code(&profile(), JANE, &jane_code)
        .await
        .map_err(err("exchange"))?;

    // Each error status, provoked with the app's requests (changed where the case needs it).
    let implicit = parse(&recorder.raw(&requests::implicit_token(CLIENT_ID)).await)["access_token"]
        .as_str()
        .map(str::to_owned)
        .ok_or("no implicit token")?;
    let admin = parse(
        &recorder
            .raw(
                &HttpRequest::new(Method::POST, "/oauth/access_token".into()).form(format!(
                    "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
                )),
            )
            .await,
    )["access_token"]
        .as_str()
        .map(str::to_owned)
        .ok_or("no client_credentials token")?;
    let authed = |r: HttpRequest| with_bearer(r, &implicit);
    let r = &recorder;

    r.scenario(
        "access token: unsupported grant",
        false,
        400,
        HttpRequest::new(Method::POST, "/oauth/access_token".into())
            .form(format!("grant_type=password&client_id={CLIENT_ID}")),
    )
    .await;
    r.scenario(
        "access token: unknown client id",
        true,
        401,
        requests::implicit_token("not-this-store"),
    )
    .await;

    let otp = requests::request_code(&realm(), &profile(), JOHN, Purpose::ResetPassword);
    r.scenario(
        "code request: unknown username looks sent",
        true,
        202,
        authed(requests::request_code(
            &realm(),
            &profile(),
            "nobody@example.com",
            Purpose::ResetPassword,
        )),
    )
    .await;
    let mut bad_purpose = json_body(&otp);
    bad_purpose["data"]["purpose"] = json!("sign_up");
    r.scenario(
        "code request: invalid purpose",
        false,
        400,
        authed(with_json(otp.clone(), bad_purpose)),
    )
    .await;
    r.scenario("code request: no bearer token", false, 401, otp.clone())
        .await;
    r.scenario(
        "code request: unknown password profile",
        true,
        404,
        authed(requests::request_code(
            &realm(),
            &PasswordProfileId::new(UNKNOWN_ID),
            JOHN,
            Purpose::ResetPassword,
        )),
    )
    .await;
    r.scenario(
        "after a 404: the password profile exists",
        true,
        200,
        authed(requests::password_profile(&realm(), &profile())),
    )
    .await;
    r.scenario(
        "after a 404: the password profile does not",
        true,
        404,
        authed(requests::password_profile(
            &realm(),
            &PasswordProfileId::new(UNKNOWN_ID),
        )),
    )
    .await;
    r.scenario(
        "code request: profile without one-time codes",
        true,
        422,
        authed(requests::request_code(
            &realm(),
            &PasswordProfileId::new(LEGACY_PROFILE),
            JOHN,
            Purpose::ResetPassword,
        )),
    )
    .await;

    let exchange = requests::exchange_code(&profile(), JOHN, "zzzzzz");
    let mut missing_code = json_body(&exchange);
    if let Some(data) = missing_code["data"].as_object_mut() {
        data.remove("one_time_password_token");
    }
    r.scenario(
        "exchange: code missing",
        false,
        400,
        authed(with_json(exchange.clone(), missing_code)),
    )
    .await;
    r.scenario("exchange: wrong code", true, 401, authed(exchange.clone()))
        .await;
    r.scenario(
        "sign in: wrong password",
        true,
        401,
        authed(requests::password_sign_in(&profile(), JOHN, "Password-123")),
    )
    .await;

    let jane_token = jane.accounts[0].token.clone();
    r.scenario(
        "list infos: another member's token",
        true,
        403,
        authed(requests::list_password_profile_infos(
            &realm(),
            &john.member_id,
            &jane_token,
        )),
    )
    .await;
    r.scenario(
        "list infos: unknown realm",
        true,
        404,
        authed(requests::list_password_profile_infos(
            &RealmId::new(UNKNOWN_ID),
            &john.member_id,
            &john_token,
        )),
    )
    .await;

    let short = PasswordUpdate {
        password: "short",
        ..update.clone()
    };
    r.scenario(
        "update: password too short",
        true,
        400,
        authed(requests::update_password(&short, &john_token)),
    )
    .await;
    let mut no_header = requests::update_password(&update, &john_token);
    no_header
        .headers
        .retain(|(name, _)| *name != AM_TOKEN_HEADER);
    r.scenario(
        "update: no account management token",
        false,
        403,
        authed(no_header),
    )
    .await;
    r.scenario(
        "update: another member's token",
        true,
        403,
        authed(requests::update_password(&update, &jane_token)),
    )
    .await;
    let unknown_info_id = PasswordProfileInfoId::new(UNKNOWN_ID);
    let unknown_info = PasswordUpdate {
        info_id: &unknown_info_id,
        ..update.clone()
    };
    r.scenario(
        "update: unknown profile info",
        true,
        404,
        authed(requests::update_password(&unknown_info, &john_token)),
    )
    .await;

    // Store set-up reads (for the realm id), not made by the browser app.
    let settings = HttpRequest::new(Method::GET, "/v2/settings/account-authentication".into());
    r.scenario(
        "settings: client_credentials",
        false,
        200,
        with_bearer(settings.clone(), &admin),
    )
    .await;
    r.scenario(
        "settings: implicit token refused",
        false,
        403,
        authed(settings),
    )
    .await;
    let profiles = HttpRequest::new(
        Method::GET,
        format!("/v2/authentication-realms/{REALM}/password-profiles"),
    );
    r.scenario("password profiles: list", false, 200, authed(profiles))
        .await;
    r.scenario(
        "password profiles: unknown realm",
        false,
        404,
        authed(HttpRequest::new(
            Method::GET,
            format!("/v2/authentication-realms/{UNKNOWN_ID}/password-profiles"),
        )),
    )
    .await;

    // The store set-up calls `setup/` makes, answered by the emulator.
    let admin_call = |method: Method, path: String, body: Option<Value>| {
        let request = HttpRequest::new(method, path);
        let request = match body {
            Some(body) => request.json(body),
            None => request,
        };
        with_bearer(request, &admin)
    };
    let realm = format!("/v2/authentication-realms/{REALM}");
    r.scenario(
        "set-up: update the settings",
        false,
        200,
        admin_call(
            Method::PUT,
            "/v2/settings/account-authentication".into(),
            Some(json!({"data": {"type": "account_authentication_settings", "account_member_self_management": "update_only"}})),
        ),
    )
    .await;
    let profile_body = json!({"data": {"type": "password_profile", "name": "Contract profile",
        "username_format": "email", "enable_one_time_password_token": true}});
    let created = r
        .scenario(
            "set-up: create a password profile",
            false,
            201,
            admin_call(
                Method::POST,
                format!("{realm}/password-profiles"),
                Some(profile_body.clone()),
            ),
        )
        .await;
    let new_profile = parse(&created)["data"]["id"]
        .as_str()
        .unwrap_or(UNKNOWN_ID)
        .to_owned();
    r.scenario(
        "set-up: update the password profile",
        false,
        200,
        admin_call(
            Method::PUT,
            format!("{realm}/password-profiles/{new_profile}"),
            Some(profile_body),
        ),
    )
    .await;
    r.scenario(
        "set-up: implicit token refused",
        false,
        403,
        authed(
            HttpRequest::new(Method::POST, format!("{realm}/password-profiles"))
                .json(json!({"data": {"type": "password_profile", "name": "x"}})),
        ),
    )
    .await;
    let user = r
        .scenario(
            "set-up: create a user",
            false,
            201,
            admin_call(
                Method::POST,
                format!("{realm}/user-authentication-info"),
                Some(json!({"data": {"type": "user_authentication_info", "name": "Ann Example", "email": "ann@example.com"}})),
            ),
        )
        .await;
    let user_id = parse(&user)["data"]["id"]
        .as_str()
        .unwrap_or(UNKNOWN_ID)
        .to_owned();
    r.scenario(
        "set-up: list users",
        false,
        200,
        admin_call(
            Method::GET,
            format!("{realm}/user-authentication-info"),
            None,
        ),
    )
    .await;
    r.scenario(
        "set-up: create the user's login",
        false,
        201,
        admin_call(
            Method::POST,
            format!("{realm}/user-authentication-info/{user_id}/user-authentication-password-profile-info"),
            Some(json!({"data": {"type": "user_authentication_password_profile_info", "username": "ann@example.com",
                "password": "Try-it-out-1", "password_profile_id": PROFILE}})),
        ),
    )
    .await;
    r.scenario(
        "set-up: list integrations",
        false,
        200,
        admin_call(Method::GET, "/v2/integrations".into(), None),
    )
    .await;
    let webhook = json!({"data": {"type": "integration", "name": "One Time Password notification",
        "enabled": true, "integration_type": "webhook", "observes": ["one-time-password-token-request.created"],
        "configuration": {"url": "https://shop.example.com/otp-hook"}}});
    let integration = r
        .scenario(
            "set-up: create the webhook",
            false,
            200,
            admin_call(
                Method::POST,
                "/v2/integrations".into(),
                Some(webhook.clone()),
            ),
        )
        .await;
    let integration_id = parse(&integration)["data"]["id"]
        .as_str()
        .unwrap_or(UNKNOWN_ID)
        .to_owned();
    r.scenario(
        "set-up: update the webhook",
        false,
        200,
        admin_call(
            Method::PUT,
            format!("/v2/integrations/{integration_id}"),
            Some(webhook),
        ),
    )
    .await;

    let log = recorder.log.borrow().clone();
    Ok((log, outbox().await))
}

/// Which envelope rule applies to an operation's body (see `deviations`); errors are never
/// wrapped.
fn envelope(op: &OperationId, request: bool, status: u16) -> Envelope {
    if !request && !(200..300).contains(&status) {
        return Envelope::AsSpecified;
    }
    match (op.path.as_str(), op.method, request) {
        ("/oauth/access_token", "post", false) => Envelope::SpecWrapsGuideDoesNot,
        (p, "post", true) if p.ends_with("/one-time-password-token-request") => {
            Envelope::GuideWrapsSpecDoesNot
        }
        ("/v2/settings/account-authentication", "get", false) => Envelope::GuideWrapsSpecDoesNot,
        _ => Envelope::AsSpecified,
    }
}

fn validate_with_envelope(
    specs: &Specs,
    op: &OperationId,
    pointer: &str,
    body: &Value,
    rule: Envelope,
) -> Result<(), String> {
    let (pointer, instance) = match rule {
        Envelope::AsSpecified => (pointer.to_owned(), body),
        Envelope::SpecWrapsGuideDoesNot => (format!("{pointer}/properties/data"), body),
        Envelope::GuideWrapsSpecDoesNot => (
            pointer.to_owned(),
            body.get("data").ok_or("no data envelope")?,
        ),
    };
    check(&specs.validator_at(op.file, &pointer)?, instance)
}

fn check_request(specs: &Specs, exchange: &Exchange) -> Result<(), String> {
    let request = &exchange.request;
    let op = specs
        .find_operation(request.method.as_str(), &request.path)
        .ok_or(format!(
            "{} {} is in no spec",
            request.method.as_str(),
            request.path
        ))?;
    let headers = request.all_headers();
    for required in specs.required_headers(&op) {
        if !headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case(&required))
        {
            return Err(format!("{op}: required header {required} missing"));
        }
    }
    let Some(body) = &request.body else {
        return Ok(());
    };
    let content_type = body.content_type();
    let pointer = specs
        .request_schema_pointer(&op, content_type)
        .ok_or(format!("{op}: the spec has no {content_type} request body"))?;
    let instance = match body {
        Body::Form(text) => form_to_json(text),
        Body::Json(value) => value.clone(),
    };
    // D3: a discriminated oneOf is checked against the branch its discriminator names.
    let op_doc = specs.operation(&op).cloned().unwrap_or_default();
    let one_of = op_doc.pointer(&format!(
        "/requestBody/content/{}/schema/properties/data/discriminator",
        commerce_otp_contract::escape(content_type)
    ));
    if let Some(discriminator) =
        one_of.filter(|d| d["propertyName"] == deviations::DISCRIMINATED_ONE_OF)
    {
        let mechanism = instance["data"][deviations::DISCRIMINATED_ONE_OF]
            .as_str()
            .unwrap_or_default();
        let target = discriminator["mapping"][mechanism]
            .as_str()
            .and_then(|r| r.strip_prefix('#'))
            .ok_or(format!("{op}: no branch for mechanism {mechanism:?}"))?;
        return check(&specs.validator_at(op.file, target)?, &instance["data"]);
    }
    validate_with_envelope(specs, &op, &pointer, &instance, envelope(&op, true, 0))
}

/// Checks a response; returns the operation and the spec entry it matched (status or
/// "default" or the fallback error schema).
fn check_response(specs: &Specs, exchange: &Exchange) -> Result<(OperationId, String), String> {
    let (request, response) = (&exchange.request, &exchange.response);
    if response.status.as_u16() != exchange.expected_status {
        return Err(format!(
            "expected {}, got {}: {}",
            exchange.expected_status, response.status, response.body
        ));
    }
    let op = specs
        .find_operation(request.method.as_str(), &request.path)
        .ok_or(format!(
            "{} {} is in no spec",
            request.method.as_str(),
            request.path
        ))?;
    let body: Value = if response.body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&response.body)
            .map_err(|e| format!("not JSON ({e}): {}", response.body))?
    };
    let entry = specs.response_entry(&op, response.status.as_u16());
    match entry {
        Some((key, _)) => match specs.response_schema_pointer(&op, &key) {
            Some(pointer) => {
                validate_with_envelope(
                    specs,
                    &op,
                    &pointer,
                    &body,
                    envelope(&op, false, response.status.as_u16()),
                )?;
                Ok((op, key))
            }
            // The spec documents the status without a body (202, or 404 with no content).
            None if body.is_null() => Ok((op, format!("{key} (no body)"))),
            None => {
                let (file, pointer) = deviations::FALLBACK_ERROR_SCHEMA;
                check(&specs.validator_at(file, pointer)?, &body)?;
                Ok((op, format!("{key} (no schema; JSON:API errors)")))
            }
        },
        None => {
            let (file, pointer) = deviations::FALLBACK_ERROR_SCHEMA;
            check(&specs.validator_at(file, pointer)?, &body)?;
            Ok((
                op,
                format!(
                    "{} (not in spec; JSON:API errors, D7)",
                    response.status.as_u16()
                ),
            ))
        }
    }
}

/// Every key of the reference example (the OTP guide's event, `fixtures/otp-event.reference.json`;
/// `docs/commerce-api.md` §7.1) is in the emulator's event, with a value of the same JSON type;
/// keys the reference does not show are reported.
fn same_shape(path: &str, reference: &Value, actual: &Value, problems: &mut Vec<String>) {
    match (reference, actual) {
        (Value::Object(r), Value::Object(a)) => {
            for (key, value) in r {
                match a.get(key) {
                    Some(found) => same_shape(&format!("{path}.{key}"), value, found, problems),
                    None => problems.push(format!("{path}.{key} missing")),
                }
            }
            for key in a.keys().filter(|k| !r.contains_key(*k)) {
                problems.push(format!("{path}.{key} is not in the reference"));
            }
        }
        (r, a) if std::mem::discriminant(r) != std::mem::discriminant(a) => {
            problems.push(format!("{path}: {a} is not like {r}"))
        }
        _ => {}
    }
}

fn main() {
    let args = Arguments::from_args();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("no runtime: {e}");
            std::process::exit(1);
        }
    };
    let (log, outbox) = match runtime.block_on(run_scenarios()) {
        Ok(result) => result,
        Err(e) => {
            eprintln!("the scenarios did not run: {e}");
            std::process::exit(1);
        }
    };
    let specs = match Specs::load() {
        Ok(specs) => std::sync::Arc::new(specs),
        Err(e) => {
            eprintln!("the specs did not load: {e}");
            std::process::exit(1);
        }
    };

    let mut trials = Vec::new();
    let validated = std::sync::Arc::new(std::sync::Mutex::new(BTreeSet::new()));
    let requests = std::sync::Arc::new(std::sync::Mutex::new(0_usize));
    for (i, exchange) in log.into_iter().enumerate() {
        let label = format!(
            "{i:02} {} ({} {})",
            exchange.label,
            exchange.request.method.as_str(),
            exchange.response.status.as_u16()
        );
        if exchange.built_by_app {
            let (specs, exchange, requests) = (specs.clone(), exchange.clone(), requests.clone());
            trials.push(Trial::test(format!("request {label}"), move || {
                check_request(&specs, &exchange).map_err(Failed::from)?;
                if let Ok(mut count) = requests.lock() {
                    *count += 1;
                }
                Ok(())
            }));
        }
        let (specs, validated) = (specs.clone(), validated.clone());
        trials.push(Trial::test(format!("response {label}"), move || {
            let (op, key) = check_response(&specs, &exchange).map_err(Failed::from)?;
            if let Ok(mut set) = validated.lock() {
                set.insert((op.to_string(), key));
            }
            Ok(())
        }));
    }

    trials.push(Trial::test(
        "event one-time-password-token-request.created matches the reference",
        move || {
            let reference: Value =
                serde_json::from_str(include_str!("../fixtures/otp-event.reference.json"))
                    .map_err(|e| Failed::from(format!("fixture: {e}")))?;
            let event = outbox
                .as_array()
                .and_then(|mails| mails.first())
                .map(|mail| mail["event"].clone())
                .ok_or("no e-mail in the outbox")?;
            let mut problems = Vec::new();
            same_shape("event", &reference, &event, &mut problems);
            if event["triggered_by"] != reference["triggered_by"] {
                problems.push(format!("triggered_by is {}", event["triggered_by"]));
            }
            if event["payload"]["user_authentication_password_profile_info"]["id"]
                != reference["payload"]["user_authentication_password_profile_info"]["id"]
            {
                problems.push("the profile info id is not John's".into());
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("; ").into())
            }
        },
    ));

    // The checks have teeth: requests and bodies that break the spec are refused.
    let broken: Vec<(&str, HttpRequest)> = vec![
        ("a hyphenated OTP request type", {
            let r = requests::request_code(&realm(), &profile(), JOHN, Purpose::ResetPassword);
            let mut body = json_body(&r);
            body["data"]["type"] = json!("one-time-password-token-request");
            with_bearer(with_json(r, body), "t")
        }),
        ("a passwordless exchange without the code", {
            let r = requests::exchange_code(&profile(), JOHN, "abc123");
            let mut body = json_body(&r);
            if let Some(data) = body["data"].as_object_mut() {
                data.remove("one_time_password_token");
            }
            with_bearer(with_json(r, body), "t")
        }),
        ("a password update without its type", {
            let ids = (
                realm(),
                AccountMemberId::new(UNKNOWN_ID),
                PasswordProfileInfoId::new(UNKNOWN_ID),
                profile(),
            );
            let update = PasswordUpdate {
                realm_id: &ids.0,
                member_id: &ids.1,
                info_id: &ids.2,
                profile_id: &ids.3,
                username: JOHN,
                password: NEW_PASSWORD,
            };
            let r = requests::update_password(&update, &AccountManagementToken::new("jwt"));
            let mut body = json_body(&r);
            if let Some(data) = body["data"].as_object_mut() {
                data.remove("type");
            }
            with_bearer(with_json(r, body), "t")
        }),
        (
            "a token request without client_id",
            HttpRequest::new(Method::POST, "/oauth/access_token".into())
                .form("grant_type=implicit".into()),
        ),
    ];
    for (what, request) in broken {
        let specs = specs.clone();
        trials.push(Trial::test(
            format!("the contract refuses {what}"),
            move || {
                let exchange = Exchange {
                    label: what.into(),
                    built_by_app: false,
                    expected_status: 0,
                    request,
                    response: HttpResponse::new(StatusCode::OK, ""),
                };
                match check_request(&specs, &exchange) {
                    Err(_) => Ok(()),
                    Ok(()) => Err(format!("{what} passed the spec").into()),
                }
            },
        ));
    }
    {
        let specs = specs.clone();
        trials.push(Trial::test(
            "the contract refuses an error body that is not JSON:API",
            move || {
                let exchange = Exchange {
                    label: "bad error".into(),
                    built_by_app: false,
                    expected_status: 401,
                    request: requests::exchange_code(&profile(), JOHN, "abc123"),
                    response: HttpResponse::new(
                        StatusCode::UNAUTHORIZED,
                        r#"{"error":"unauthorized"}"#,
                    ),
                };
                match check_response(&specs, &exchange) {
                    Err(_) => Ok(()),
                    Ok(_) => Err("a non-JSON:API error passed the spec".into()),
                }
            },
        ));
    }

    trials.push(Trial::test(
        "vendored specs are the team's shared/specs, unchanged",
        || {
            let Some(shared) = shared_dir() else {
                return Ok(());
            };
            for file in SPEC_FILES.iter().copied().chain(["README.md"]) {
                let ours =
                    std::fs::read(vendored_dir().join(file)).map_err(|e| format!("{file}: {e}"))?;
                let theirs =
                    std::fs::read(shared.join(file)).map_err(|e| format!("{file}: {e}"))?;
                if ours != theirs {
                    return Err(format!(
                        "contract/specs/{file} differs from shared/specs/{file}: copy it again"
                    )
                    .into());
                }
            }
            Ok(())
        },
    ));

    let conclusion = libtest_mimic::run(&args, trials);
    if let (Ok(set), Ok(requests)) = (validated.lock(), requests.lock()) {
        let operations: BTreeSet<_> = set.iter().map(|(op, _)| op.clone()).collect();
        println!(
            "contract: {} operations and {} (operation, status) pairs validated against the specs; \
             {} requests built by the app checked",
            operations.len(),
            set.len(),
            *requests
        );
        for (op, key) in set.iter() {
            println!("  {op} -> {key}");
        }
    }
    conclusion.exit();
}
