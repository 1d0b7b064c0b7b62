//! The real `commerce-otp-setup` binary against the emulator, served in-process on
//! 127.0.0.1: first run, second run, dry run, errors, and what it must never print.

mod common;

use common::*;
use reqwest::Method;
use serde_json::{json, Value};

const USER: &str = "sam.shopper@example.com";
const USER_PASSWORD: &str = "Sam-password-1";
const HOOK_SECRET: &str = "hook-secret-5c2b8a";

/// Environment variables for one run.
type Env = Vec<(&'static str, &'static str)>;

/// The usual arguments: the emulator, the webhook, a test user, `--out`.
fn args<'a>(emu: &'a TestEmulator, out: &'a str) -> Vec<&'a str> {
    vec![
        "--api-base",
        &emu.base,
        "--webhook-url",
        WEBHOOK_URL,
        "--test-user",
        USER,
        "--test-user-name",
        "Sam Shopper",
        "--out",
        out,
    ]
}

fn env_with_user() -> Env {
    credentials_with(&[
        ("SETUP_TEST_USER_PASSWORD", USER_PASSWORD),
        ("SETUP_WEBHOOK_SECRET", HOOK_SECRET),
    ])
}

/// `--app-url` as a shop would give it, without the trailing `/`.
const APP_URL: &str = "https://shop.example.com/account/otp";
const RESET_TEMPLATE: &str = "https://shop.example.com/account/otp/#/change_password?username={user_authentication_password_profile_info.username}&token={one_time_password_token}&password_profile_id={password_profile_id}&user_authentication_password_profile_info_id={user_authentication_password_profile_info.id}&authentication_realm_id={authentication_realm_id}";
const PASSWORDLESS_TEMPLATE: &str = "https://shop.example.com/account/otp/#/passwordless?username={user_authentication_password_profile_info.username}&token={one_time_password_token}&password_profile_id={password_profile_id}&authentication_realm_id={authentication_realm_id}";

/// What `--links-out` must hold for [`APP_URL`], byte for byte.
fn links_json() -> String {
    format!(
        "{{\n  \"app_url\": \"https://shop.example.com/account/otp/\",\n  \"reset_password\": \"{RESET_TEMPLATE}\",\n  \"passwordless_authentication\": \"{PASSWORDLESS_TEMPLATE}\"\n}}\n"
    )
}

fn profile(emu: &TestEmulator, id: &str) -> Value {
    emu.get(&format!(
        "/v2/authentication-realms/{REALM}/password-profiles/{id}"
    ))["data"]
        .clone()
}

fn self_management(emu: &TestEmulator) -> Value {
    emu.get("/v2/settings/account-authentication")["data"]["account_member_self_management"].clone()
}

#[test]
fn first_run_prepares_the_store_and_a_second_run_changes_nothing() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("first-second");
    let out = dir.file("config.json");
    let out_arg = out.to_string_lossy().into_owned();

    let first = run_setup(&dir.0, &args(&emu, &out_arg), &env_with_user());
    assert!(first.success(), "{first}");
    assert!(first.step(1).contains(" unchanged "), "{first}");
    for step in 2..=6 {
        assert!(
            first.step(step).contains(" changed "),
            "step {step}: {first}"
        );
    }
    assert!(first.step(2).contains("disabled -> update_only"), "{first}");
    assert!(
        first.step(3).contains("turned one-time password tokens on"),
        "{first}"
    );
    assert_eq!(first.last_line(), "5 steps changed", "{first}");
    assert!(first.step(6).starts_with("[6/6]"), "{first}");
    assert!(!first.stdout.contains("[7/"), "{first}");
    assert!(!first.stdout.contains("link templates"), "{first}");

    // The store, read back through the API.
    assert_eq!(self_management(&emu), "update_only");
    assert_eq!(
        profile(&emu, PROFILE)["enable_one_time_password_token"],
        true
    );
    let integrations = emu.get("/v2/integrations")["data"].clone();
    assert_eq!(
        integrations.as_array().map(Vec::len),
        Some(1),
        "{integrations}"
    );
    let hook = &integrations[0];
    assert_eq!(hook["name"], "One Time Password notification");
    assert_eq!(hook["enabled"], true);
    assert_eq!(hook["integration_type"], "webhook");
    assert_eq!(
        hook["observes"],
        json!(["one-time-password-token-request.created"])
    );
    assert_eq!(hook["configuration"]["url"], WEBHOOK_URL);
    assert_eq!(hook["configuration"]["secret_key"], HOOK_SECRET);
    let users = emu.get(&format!(
        "/v2/authentication-realms/{REALM}/user-authentication-info"
    ));
    let sam = users["data"]
        .as_array()
        .and_then(|u| u.iter().find(|u| u["email"] == USER))
        .expect("the test user")
        .clone();
    assert_eq!(sam["name"], "Sam Shopper");
    let config: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("config.json")).expect("json");
    assert_eq!(
        config,
        json!({
            "client_id": CLIENT_ID,
            "api_base": emu.base,
            "authentication_realm_id": REALM,
            "password_profile_id": PROFILE,
            "username_format": "email",
            "flows": ["reset_password", "passwordless_authentication"],
        })
    );
    assert_eq!(
        config["username_format"],
        profile(&emu, PROFILE)["username_format"]
    );

    // The test user signs in with the password, into an account named after them.
    let (status, tokens) = emu.password_sign_in(PROFILE, USER, USER_PASSWORD);
    assert_eq!(status, 201, "{tokens}");
    assert_eq!(tokens["meta"]["account_member_id"], sam["id"]);
    assert_eq!(tokens["data"][0]["account_name"], "Sam Shopper");

    // Second run: every step unchanged, and only reads.
    let written = std::fs::read_to_string(&out).expect("config.json");
    emu.take_requests();
    let second = run_setup(&dir.0, &args(&emu, &out_arg), &env_with_user());
    assert!(second.success(), "{second}");
    for step in 1..=6 {
        assert!(
            second.step(step).contains(" unchanged "),
            "step {step}: {second}"
        );
    }
    assert!(
        second.step(4).contains("password left as it is"),
        "{second}"
    );
    assert_eq!(second.last_line(), "nothing to change", "{second}");
    assert_eq!(writes(&emu.take_requests()), Vec::<&String>::new());
    assert_eq!(std::fs::read_to_string(&out).expect("config.json"), written);
    assert_eq!(
        emu.get("/v2/integrations")["data"].as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn dry_run_on_a_fresh_store_only_reads() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("dry-run");
    let out = dir.file("config.json");
    let out_arg = out.to_string_lossy().into_owned();
    let mut arguments = args(&emu, &out_arg);
    arguments.push("--dry-run");

    let run = run_setup(&dir.0, &arguments, &env_with_user());
    assert!(run.success(), "{run}");
    assert!(run.stdout.starts_with("Setting up"), "{run}");
    assert!(
        run.stdout.lines().next().unwrap_or("").contains("dry run"),
        "{run}"
    );
    assert!(run.step(1).contains(" unchanged "), "{run}");
    for step in 2..=6 {
        assert!(
            run.step(step).contains(" would change "),
            "step {step}: {run}"
        );
    }
    assert_eq!(
        run.last_line(),
        "dry run: 5 steps would change; nothing was written",
        "{run}"
    );
    assert_eq!(writes(&emu.take_requests()), Vec::<&String>::new());
    assert!(!out.exists(), "no config.json");
    assert_eq!(self_management(&emu), "disabled");
    assert_eq!(
        profile(&emu, PROFILE)["enable_one_time_password_token"],
        false
    );
    assert_eq!(emu.get("/v2/integrations")["data"], json!([]));
    let users = emu.get(&format!(
        "/v2/authentication-realms/{REALM}/user-authentication-info"
    ));
    assert_eq!(users["meta"]["results"]["total"], 2);
}

#[test]
fn a_missing_profile_is_created_with_one_time_passwords_on() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("new-profile");
    let out = dir.file("app-config.json");
    let out_arg = out.to_string_lossy().into_owned();
    let mut arguments = args(&emu, &out_arg);
    arguments.extend(["--password-profile-name", "Member passwords"]);

    let mut dry = arguments.clone();
    dry.push("--dry-run");
    let planned = run_setup(&dir.0, &dry, &env_with_user());
    assert!(planned.success(), "{planned}");
    assert!(
        planned
            .step(3)
            .contains("would create \"Member passwords\""),
        "{planned}"
    );
    assert!(
        planned.step(4).contains("would create the user"),
        "{planned}"
    );
    assert!(
        planned.step(6).contains("once the password profile exists"),
        "{planned}"
    );
    assert_eq!(writes(&emu.take_requests()), Vec::<&String>::new());

    let run = run_setup(&dir.0, &arguments, &env_with_user());
    assert!(run.success(), "{run}");
    assert!(
        run.step(3).contains("created \"Member passwords\""),
        "{run}"
    );
    let config: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("config")).expect("json");
    let id = config["password_profile_id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert_ne!(id, PROFILE);
    let created = profile(&emu, &id);
    assert_eq!(created["name"], "Member passwords");
    assert_eq!(created["username_format"], "email");
    assert_eq!(config["username_format"], "email");
    assert_eq!(created["enable_one_time_password_token"], true);
    let (status, body) = emu.password_sign_in(&id, USER, USER_PASSWORD);
    assert_eq!(status, 201, "{body}");

    let again = run_setup(&dir.0, &arguments, &env_with_user());
    assert_eq!(again.last_line(), "nothing to change", "{again}");
}

#[test]
fn a_given_profile_id_is_used_and_an_unknown_one_is_named() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("profile-id");
    let out = dir.file("config.json");
    let out_arg = out.to_string_lossy().into_owned();
    let legacy = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    let base = [
        "--api-base",
        emu.base.as_str(),
        "--skip-webhook",
        "--out",
        &out_arg,
    ];

    let mut given = base.to_vec();
    given.extend(["--password-profile-id", legacy]);
    let run = run_setup(&dir.0, &given, &credentials());
    assert!(run.success(), "{run}");
    assert!(run.step(3).contains("\"Legacy passwords\""), "{run}");
    assert!(run.step(5).contains("skipped"), "{run}");
    assert_eq!(
        profile(&emu, legacy)["enable_one_time_password_token"],
        true
    );
    let config: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("config")).expect("json");
    assert_eq!(config["password_profile_id"], legacy);
    // The legacy profile takes any username, and the config says so.
    assert_eq!(profile(&emu, legacy)["username_format"], "any");
    assert_eq!(config["username_format"], "any");

    let mut unknown = base.to_vec();
    unknown.extend([
        "--password-profile-id",
        "5d0c4b1e-0000-4000-8000-000000000000",
    ]);
    let run = run_setup(&dir.0, &unknown, &credentials());
    assert_eq!(run.code, Some(1), "{run}");
    assert!(
        run.stderr
            .contains("unknown password profile id 5d0c4b1e-0000-4000-8000-000000000000 in realm"),
        "{run}"
    );
}

#[test]
fn an_existing_integration_is_updated_and_an_existing_user_kept() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("existing");
    let out = dir.file("config.json");
    let out_arg = out.to_string_lossy().into_owned();
    let (status, created) = emu.send(
        Method::POST,
        "/v2/integrations",
        json!({"data": {
            "type": "integration",
            "name": "One Time Password notification",
            "description": "Our mailer",
            "enabled": false,
            "integration_type": "webhook",
            "observes": ["order.created"],
            "configuration": {"url": "https://old.example.com/hook"},
        }}),
    );
    assert_eq!(status, 200, "{created}");
    let id = created["data"]["id"].as_str().expect("id").to_owned();

    // John exists: his password must survive whatever SETUP_TEST_USER_PASSWORD says.
    let arguments = [
        "--api-base",
        emu.base.as_str(),
        "--webhook-url",
        WEBHOOK_URL,
        "--test-user",
        "john.doe@banks.com",
        "--out",
        &out_arg,
    ];
    let env = credentials_with(&[("SETUP_TEST_USER_PASSWORD", "Another-password-9")]);
    let run = run_setup(&dir.0, &arguments, &env);
    assert!(run.success(), "{run}");
    assert!(run.step(4).contains(" unchanged "), "{run}");
    assert!(
        run.step(5).contains("updated enabled, observes, url"),
        "{run}"
    );
    let hook = emu.get(&format!("/v2/integrations/{id}"))["data"].clone();
    assert_eq!(hook["enabled"], true);
    assert_eq!(
        hook["observes"],
        json!(["order.created", "one-time-password-token-request.created"])
    );
    assert_eq!(hook["configuration"]["url"], WEBHOOK_URL);
    assert_eq!(hook["description"], "Our mailer", "left as it was");
    assert_eq!(
        emu.get("/v2/integrations")["data"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(
        emu.password_sign_in(PROFILE, "john.doe@banks.com", "Password-123")
            .0,
        201
    );
    assert_eq!(
        emu.password_sign_in(PROFILE, "john.doe@banks.com", "Another-password-9")
            .0,
        401
    );

    let again = run_setup(&dir.0, &arguments, &env);
    assert_eq!(again.last_line(), "nothing to change", "{again}");
}

#[test]
fn a_wrong_secret_fails_plainly_without_showing_it() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("wrong-secret");
    let wrong = "wrong-secret-4f9a2c61";
    for verbose in [false, true] {
        let mut arguments = vec!["--api-base", emu.base.as_str(), "--skip-webhook"];
        if verbose {
            arguments.push("--verbose");
        }
        let run = run_setup(
            &dir.0,
            &arguments,
            &[("EPCC_CLIENT_ID", CLIENT_ID), ("EPCC_CLIENT_SECRET", wrong)],
        );
        assert_eq!(run.code, Some(1), "{run}");
        assert!(
            run.stderr.contains(
                "the client id or secret was not accepted (check EPCC_CLIENT_ID / EPCC_CLIENT_SECRET and the region)"
            ),
            "{run}"
        );
        assert!(run.step(1).ends_with("failed"), "{run}");
        assert!(!run.all().contains(wrong), "the secret was shown: {run}");
        assert!(!run.all().contains(CLIENT_SECRET), "{run}");
    }
    assert!(!dir.file("config.json").exists());
}

#[test]
fn a_verbose_run_never_shows_a_secret_or_a_token() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("verbose");
    let out = dir.file("config.json");
    let out_arg = out.to_string_lossy().into_owned();
    let mut arguments = args(&emu, &out_arg);
    arguments.push("--verbose");
    let first = run_setup(&dir.0, &arguments, &env_with_user());
    assert!(first.success(), "{first}");
    let second = run_setup(&dir.0, &arguments, &env_with_user());
    assert!(second.success(), "{second}");
    // Verbose shows the requests...
    assert!(
        first.stderr.contains(&format!(
            "PUT {}/v2/settings/account-authentication -> 200",
            emu.base
        )),
        "{first}"
    );
    // ...but none of the secrets, and none of the tokens the emulator handed out.
    let tokens = emu.access_tokens();
    assert!(tokens.len() >= 2, "one token per run at least");
    for run in [&first, &second] {
        let all = run.all();
        for secret in [CLIENT_SECRET, USER_PASSWORD, HOOK_SECRET] {
            assert!(!all.contains(secret), "{secret} was shown: {run}");
        }
        for token in &tokens {
            assert!(!all.contains(token.as_str()), "a token was shown: {run}");
        }
        assert!(!all.to_ascii_lowercase().contains("bearer"), "{run}");
    }
}

#[test]
fn refusals_and_outages_are_explained() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("refusals");
    let base = [
        "--api-base",
        emu.base.as_str(),
        "--skip-webhook",
        "--out",
        "config.json",
    ];

    // A key without the rights to change settings.
    let (status, _) = emu.send(
        Method::POST,
        "/__emulator/faults",
        json!({"method": "PUT", "path_prefix": "/v2/settings/account-authentication", "status": 403}),
    );
    assert_eq!(status, 200);
    let run = run_setup(&dir.0, &base, &credentials());
    assert_eq!(run.code, Some(1), "{run}");
    assert!(
        run.stderr.contains(
            "these credentials are not allowed to change store settings (use a client_credentials key with admin rights)"
        ),
        "{run}"
    );
    assert!(run.step(2).ends_with("failed"), "{run}");
    assert!(!dir.file("config.json").exists());

    // One 429 is waited out.
    emu.send(
        Method::POST,
        "/__emulator/faults",
        json!({"method": "GET", "path_prefix": "/v2/authentication-realms", "status": 429}),
    );
    let run = run_setup(&dir.0, &base, &credentials());
    assert!(run.success(), "{run}");

    // Nobody listening.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let nowhere = format!("http://{}", closed.local_addr().expect("address"));
    drop(closed);
    let run = run_setup(
        &dir.0,
        &["--api-base", &nowhere, "--skip-webhook"],
        &credentials(),
    );
    assert_eq!(run.code, Some(1), "{run}");
    assert!(run.stderr.contains("could not reach Commerce"), "{run}");
}

#[test]
fn usage_problems_stop_before_any_call() {
    let dir = TempDir::new("usage");
    let local = ["--api-base", "http://127.0.0.1:9", "--skip-webhook"];
    let cases: Vec<(Vec<&str>, Env, &str)> = vec![
        (local.to_vec(), vec![], "EPCC_CLIENT_ID is not set"),
        (
            local.to_vec(),
            vec![("EPCC_CLIENT_ID", CLIENT_ID)],
            "EPCC_CLIENT_SECRET is not set",
        ),
        (
            vec!["--api-base", "http://shop.example.com", "--skip-webhook"],
            credentials(),
            "plain http is only allowed for 127.0.0.1 or localhost",
        ),
        (
            [local.as_slice(), &["--test-user", USER]].concat(),
            credentials(),
            "SETUP_TEST_USER_PASSWORD is not set",
        ),
        (
            [local.as_slice(), &["--test-user", "not-an-email"]].concat(),
            credentials(),
            "not an e-mail address",
        ),
        (
            vec![
                "--api-base",
                "http://127.0.0.1:9",
                "--webhook-url",
                "http://hooks.example.com/x",
            ],
            credentials(),
            "plain http is only allowed",
        ),
        (vec!["--skip-webhook"], credentials(), "--api-base"),
        (
            vec!["--api-base", "http://127.0.0.1:9"],
            credentials(),
            "--webhook-url",
        ),
        (
            vec!["--region", "uswest", "--skip-webhook"],
            credentials(),
            "useast",
        ),
    ];
    for (arguments, env, expected) in cases {
        let run = run_setup(&dir.0, &arguments, &env);
        assert_eq!(run.code, Some(2), "{arguments:?}: {run}");
        assert!(run.stderr.contains(expected), "{arguments:?}: {run}");
        assert!(run.stdout.is_empty(), "{arguments:?}: {run}");
    }
}

#[test]
fn app_url_prints_the_link_templates_at_the_end() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("app-url");
    let out = dir.file("config.json");
    let out_arg = out.to_string_lossy().into_owned();
    let mut arguments = args(&emu, &out_arg);
    arguments.extend(["--app-url", APP_URL]);

    let run = run_setup(&dir.0, &arguments, &env_with_user());
    assert!(run.success(), "{run}");
    assert!(run.step(1).starts_with("[1/7]"), "{run}");
    assert!(run.step(7).contains(" unchanged "), "{run}");
    assert!(run.step(7).contains("(no --links-out)"), "{run}");
    assert_eq!(run.summary(), "5 steps changed", "{run}");
    let block = format!(
        "5 steps changed\n\
         \n\
         E-mail link templates for https://shop.example.com/account/otp/\n\
         (paste into the e-mail sent for one-time-password-token-request.created; \
         each {{...}} is a field of the event's payload, URL-encoded)\n\
         \n\
         Reset password (purpose = reset_password):\n\
         {RESET_TEMPLATE}\n\
         \n\
         Passwordless sign-in (purpose = passwordless_authentication):\n\
         {PASSWORDLESS_TEMPLATE}\n"
    );
    assert!(run.stdout.ends_with(&block), "{run}");
    // Only config.json was written.
    let files: Vec<_> = std::fs::read_dir(&dir.0)
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(files, ["config.json"]);
}

#[test]
fn links_out_is_written_then_unchanged() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("links-out");
    let out = dir.file("config.json");
    let out_arg = out.to_string_lossy().into_owned();
    let links = dir.file("links.json");
    let links_arg = links.to_string_lossy().into_owned();
    let mut arguments = args(&emu, &out_arg);
    arguments.extend(["--app-url", APP_URL, "--links-out", &links_arg]);

    let first = run_setup(&dir.0, &arguments, &env_with_user());
    assert!(first.success(), "{first}");
    assert!(
        first
            .step(7)
            .contains(&format!(" changed      wrote {links_arg}")),
        "{first}"
    );
    assert_eq!(first.summary(), "6 steps changed", "{first}");
    assert!(
        first.stdout.contains(&format!("\n{RESET_TEMPLATE}\n")),
        "{first}"
    );
    assert_eq!(
        std::fs::read_to_string(&links).expect("links.json"),
        links_json()
    );

    // Second run: nothing written, the file as it was; with or without the trailing /.
    emu.take_requests();
    for app_url in [APP_URL, "https://shop.example.com/account/otp/"] {
        let mut again = args(&emu, &out_arg);
        again.extend(["--app-url", app_url, "--links-out", &links_arg]);
        let second = run_setup(&dir.0, &again, &env_with_user());
        assert!(second.success(), "{second}");
        assert!(
            second
                .step(7)
                .contains(&format!(" unchanged    {links_arg} is up to date")),
            "{second}"
        );
        assert_eq!(second.summary(), "nothing to change", "{second}");
        assert!(
            second
                .stdout
                .ends_with(&format!("\n{PASSWORDLESS_TEMPLATE}\n")),
            "{second}"
        );
        assert_eq!(
            std::fs::read_to_string(&links).expect("links.json"),
            links_json()
        );
    }
    assert_eq!(writes(&emu.take_requests()), Vec::<&String>::new());

    // Another app URL rewrites it.
    let mut moved = args(&emu, &out_arg);
    moved.extend([
        "--app-url",
        "https://otp.example.com",
        "--links-out",
        &links_arg,
    ]);
    let third = run_setup(&dir.0, &moved, &env_with_user());
    assert!(
        third
            .step(7)
            .contains(&format!(" changed      rewrote {links_arg}")),
        "{third}"
    );
    assert_eq!(third.summary(), "1 step changed", "{third}");
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&links).expect("links")).expect("json");
    assert_eq!(written["app_url"], "https://otp.example.com/");
}

#[test]
fn dry_run_with_links_out_writes_nothing() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("links-dry-run");
    let out = dir.file("config.json");
    let out_arg = out.to_string_lossy().into_owned();
    let links = dir.file("links.json");
    let links_arg = links.to_string_lossy().into_owned();
    let mut arguments = args(&emu, &out_arg);
    arguments.extend(["--app-url", APP_URL, "--links-out", &links_arg, "--dry-run"]);

    let run = run_setup(&dir.0, &arguments, &env_with_user());
    assert!(run.success(), "{run}");
    assert!(
        run.step(7)
            .contains(&format!(" would change would write {links_arg}")),
        "{run}"
    );
    assert_eq!(
        run.summary(),
        "dry run: 6 steps would change; nothing was written",
        "{run}"
    );
    // The templates are shown all the same: they depend on nothing in the store.
    assert!(
        run.stdout
            .ends_with(&format!("\n{PASSWORDLESS_TEMPLATE}\n")),
        "{run}"
    );
    assert!(!links.exists(), "no links file");
    assert!(!out.exists(), "no config.json");
    assert_eq!(writes(&emu.take_requests()), Vec::<&String>::new());

    // A file that differs is left as it is.
    std::fs::write(&links, "{}\n").expect("write");
    let run = run_setup(&dir.0, &arguments, &env_with_user());
    assert!(
        run.step(7)
            .contains(&format!(" would change would rewrite {links_arg}")),
        "{run}"
    );
    assert_eq!(std::fs::read_to_string(&links).expect("links"), "{}\n");
}

#[test]
fn a_bad_app_url_is_refused_before_any_call() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("bad-app-url");
    let base = [
        "--api-base",
        emu.base.as_str(),
        "--skip-webhook",
        "--out",
        "config.json",
    ];
    let cases: [(&[&str], &str); 6] = [
        (
            &["--app-url", "http://shop.example.com/account/otp/"],
            "--app-url http://shop.example.com/account/otp/: plain http is only allowed for 127.0.0.1, localhost or [::1]; pass the app's https:// address",
        ),
        (
            &["--app-url", "https://shop.example.com/account/otp/?store=banks"],
            "--app-url https://shop.example.com/account/otp/?store=banks: the app URL must not have a query (?...) or fragment (#...), the links add their own; pass the folder the app is deployed in, e.g. --app-url https://shop.example.com/account/otp/",
        ),
        (
            &["--app-url", "https://shop.example.com/account/otp/#/"],
            "must not have a query (?...) or fragment (#...)",
        ),
        (
            &["--app-url", "shop.example.com/account/otp"],
            "not a URL",
        ),
        (&["--links-out", "links.json"], "--app-url"),
        (
            &["--app-url", APP_URL, "--links-out", "config.json"],
            "--links-out config.json: that is the --out file",
        ),
    ];
    for (extra, expected) in cases {
        let arguments = [base.as_slice(), extra].concat();
        let run = run_setup(&dir.0, &arguments, &credentials());
        assert_eq!(run.code, Some(2), "{arguments:?}: {run}");
        assert!(run.stderr.contains(expected), "{arguments:?}: {run}");
        assert!(run.stdout.is_empty(), "{arguments:?}: {run}");
        assert_eq!(emu.take_requests(), Vec::<String>::new(), "{arguments:?}");
    }
    assert_eq!(std::fs::read_dir(&dir.0).expect("dir").count(), 0);
}

/// The secret the notifier and set-up share.
const NOTIFIER_SECRET: &str = "notifier-secret-3e9d17";

/// `--webhook-url` at a receiver, the secret from `COMMERCE_OTP_WEBHOOK_SECRET`.
fn notifier_run(emu: &TestEmulator, dir: &TempDir, url: &str, secret: &'static str) -> Run {
    let out = dir.file("config.json");
    let out_arg = out.to_string_lossy().into_owned();
    run_setup(
        &dir.0,
        &webhook_args(&emu.base, url, &out_arg),
        &credentials_with(&[("COMMERCE_OTP_WEBHOOK_SECRET", secret)]),
    )
}

fn only_integration(emu: &TestEmulator) -> Value {
    let list = emu.get("/v2/integrations")["data"].clone();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    list[0].clone()
}

#[test]
fn the_integration_points_at_the_notifier_with_its_secret() {
    let emu = TestEmulator::start(unprepared_seed());
    let receiver = Receiver::start();
    let dir = TempDir::new("notifier");

    let first = notifier_run(&emu, &dir, &receiver.url, NOTIFIER_SECRET);
    assert!(first.success(), "{first}");
    assert!(first.step(5).contains(" changed "), "{first}");
    assert!(
        first
            .step(5)
            .contains(&format!("-> {}, with secret_key", receiver.url)),
        "{first}"
    );
    assert!(!first.all().contains(NOTIFIER_SECRET), "{first}");
    let hook = only_integration(&emu);
    assert_eq!(hook["configuration"]["url"], receiver.url.as_str());
    assert_eq!(hook["configuration"]["secret_key"], NOTIFIER_SECRET);
    assert_eq!(hook["enabled"], true);

    // Commerce (here the emulator) now POSTs each code request there, with the secret.
    assert_eq!(
        emu.request_code(PROFILE, "john.doe@banks.com", "reset_password"),
        202
    );
    let got = receiver.wait_for(1);
    assert_eq!(got[0].secret_header.as_deref(), Some(NOTIFIER_SECRET));
    assert_eq!(
        got[0].body["triggered_by"],
        "one-time-password-token-request.created"
    );
    assert_eq!(got[0].body["integration"]["id"], hook["id"]);
    assert_eq!(got[0].body["configuration"]["secret_key"], NOTIFIER_SECRET);

    // Again: nothing to change, and only reads.
    emu.take_requests();
    let second = notifier_run(&emu, &dir, &receiver.url, NOTIFIER_SECRET);
    assert!(second.step(5).contains(" unchanged "), "{second}");
    assert_eq!(second.last_line(), "nothing to change", "{second}");
    assert_eq!(writes(&emu.take_requests()), Vec::<&String>::new());
    assert!(!second.all().contains(NOTIFIER_SECRET), "{second}");
}

#[test]
fn a_new_secret_is_set_and_a_dry_run_names_it_without_its_value() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("new-secret");
    let url = "https://notifier.example.com/otp-hook";
    assert!(notifier_run(&emu, &dir, url, NOTIFIER_SECRET).success());
    let renewed = "renewed-secret-71c4a0";

    let out_arg = dir.file("config.json").to_string_lossy().into_owned();
    let dry_args = [webhook_args(&emu.base, url, &out_arg), vec!["--dry-run"]].concat();
    let env = credentials_with(&[("COMMERCE_OTP_WEBHOOK_SECRET", renewed)]);
    emu.take_requests();
    let dry = run_setup(&dir.0, &dry_args, &env);
    assert!(dry.success(), "{dry}");
    assert!(dry.step(5).contains("would update secret_key -> "), "{dry}");
    assert!(!dry.all().contains(renewed), "{dry}");
    assert!(!dry.all().contains(NOTIFIER_SECRET), "{dry}");
    assert_eq!(writes(&emu.take_requests()), Vec::<&String>::new());
    assert_eq!(
        only_integration(&emu)["configuration"]["secret_key"],
        NOTIFIER_SECRET
    );

    let run = notifier_run(&emu, &dir, url, renewed);
    assert!(run.step(5).contains("updated secret_key -> "), "{run}");
    assert!(!run.all().contains(renewed), "{run}");
    let hook = only_integration(&emu);
    assert_eq!(hook["configuration"]["secret_key"], renewed);
    assert_eq!(hook["configuration"]["url"], url);
    let again = notifier_run(&emu, &dir, url, renewed);
    assert_eq!(again.last_line(), "nothing to change", "{again}");

    // Without a secret, the integration's is left alone.
    let plain = run_setup(
        &dir.0,
        &webhook_args(&emu.base, url, &out_arg),
        &credentials(),
    );
    assert_eq!(plain.last_line(), "nothing to change", "{plain}");
    assert_eq!(
        only_integration(&emu)["configuration"]["secret_key"],
        renewed
    );
}

#[test]
fn a_secret_not_shown_back_is_sent_once() {
    let emu = TestEmulator::start(unprepared_seed());
    let dir = TempDir::new("secret-not-shown");
    let url = "https://notifier.example.com/otp-hook";
    let (status, created) = emu.send(
        Method::POST,
        "/v2/integrations",
        json!({"data": {
            "type": "integration",
            "name": "One Time Password notification",
            "enabled": true,
            "integration_type": "webhook",
            "observes": ["one-time-password-token-request.created"],
            "configuration": {"url": url},
        }}),
    );
    assert_eq!(status, 200, "{created}");
    let run = notifier_run(&emu, &dir, url, NOTIFIER_SECRET);
    assert!(
        run.step(5).contains("updated secret_key (not shown) -> "),
        "{run}"
    );
    assert_eq!(
        only_integration(&emu)["configuration"]["secret_key"],
        NOTIFIER_SECRET
    );
    let again = notifier_run(&emu, &dir, url, NOTIFIER_SECRET);
    assert!(again.step(5).contains(" unchanged "), "{again}");
}

#[test]
fn two_different_webhook_secrets_are_a_usage_problem() {
    let dir = TempDir::new("two-secrets");
    let env = credentials_with(&[
        ("COMMERCE_OTP_WEBHOOK_SECRET", "first-secret-a1"),
        ("SETUP_WEBHOOK_SECRET", "second-secret-b2"),
    ]);
    let run = run_setup(
        &dir.0,
        &[
            "--api-base",
            "http://127.0.0.1:9",
            "--webhook-url",
            "https://notifier.example.com/otp-hook",
        ],
        &env,
    );
    assert_eq!(run.code, Some(2), "{run}");
    assert!(
        run.stderr
            .contains("COMMERCE_OTP_WEBHOOK_SECRET and SETUP_WEBHOOK_SECRET are both set"),
        "{run}"
    );
    assert!(!run.all().contains("first-secret-a1"), "{run}");
    assert!(!run.all().contains("second-secret-b2"), "{run}");
    // The same value twice is fine.
    let emu = TestEmulator::start(unprepared_seed());
    let out_arg = dir.file("config.json").to_string_lossy().into_owned();
    let same = credentials_with(&[
        ("COMMERCE_OTP_WEBHOOK_SECRET", "same-secret-c3"),
        ("SETUP_WEBHOOK_SECRET", "same-secret-c3"),
    ]);
    let ok = run_setup(
        &dir.0,
        &webhook_args(&emu.base, WEBHOOK_URL, &out_arg),
        &same,
    );
    assert!(ok.success(), "{ok}");
    assert_eq!(
        only_integration(&emu)["configuration"]["secret_key"],
        "same-secret-c3"
    );
}
