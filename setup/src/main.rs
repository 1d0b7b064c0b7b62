//! `commerce-otp-setup`: prepare an Elastic Path Commerce store for the app in one
//! command, and write the app's `config.json`. See README.md.

mod api;
mod links;
mod report;
mod secret;
mod steps;

use clap::{ArgGroup, Parser, ValueEnum};
use links::LinkTemplates;
use report::Reporter;
use reqwest::Url;
use secret::Secret;
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;
use steps::{AppConfig, ProfileChoice, TestUser, Webhook};

/// Prepare an Elastic Path Commerce store for password reset and passwordless
/// sign-in with one-time password tokens, and write the app's config.json.
///
/// Credentials come only from the environment: EPCC_CLIENT_ID and EPCC_CLIENT_SECRET
/// (a client_credentials key with admin rights). Optional: SETUP_TEST_USER_PASSWORD
/// (required with --test-user) and COMMERCE_OTP_WEBHOOK_SECRET (the webhook's
/// secret_key, which the receiver checks; SETUP_WEBHOOK_SECRET is still read). Every
/// step reads first and changes only what differs, so running it again changes nothing.
#[derive(Parser, Debug)]
#[command(version)]
#[command(group(ArgGroup::new("store").required(true).args(["api_base", "region"])))]
struct Cli {
    /// Commerce API base URL, e.g. https://useast.api.elasticpath.com (plain http only
    /// for 127.0.0.1 or localhost).
    #[arg(long, value_name = "URL")]
    api_base: Option<String>,
    /// The store's region, instead of --api-base.
    #[arg(long, value_enum)]
    region: Option<Region>,
    /// Use this password profile (instead of finding one by name).
    #[arg(long, value_name = "ID", conflicts_with = "password_profile_name")]
    password_profile_id: Option<String>,
    /// Find the password profile by this name, or create it.
    #[arg(long, value_name = "NAME", default_value = "Shopper passwords")]
    password_profile_name: String,
    /// Create a shopper with this e-mail (also the username) to try the flows with;
    /// the password comes from SETUP_TEST_USER_PASSWORD.
    #[arg(long, value_name = "EMAIL")]
    test_user: Option<String>,
    /// The test shopper's name.
    #[arg(
        long,
        value_name = "NAME",
        requires = "test_user",
        default_value = "Test Shopper"
    )]
    test_user_name: String,
    /// Where Commerce sends one-time-password-token-request.created events (your
    /// e-mail sender, e.g. the notifier); its secret_key comes from
    /// COMMERCE_OTP_WEBHOOK_SECRET.
    #[arg(
        long,
        value_name = "URL",
        required_unless_present = "skip_webhook",
        conflicts_with = "skip_webhook"
    )]
    webhook_url: Option<String>,
    /// Leave integrations alone.
    #[arg(long)]
    skip_webhook: bool,
    /// Where to write the app's configuration.
    #[arg(long, value_name = "PATH", default_value = "config.json")]
    out: PathBuf,
    /// Where the app is deployed, a folder, e.g. https://shop.example.com/account/otp/
    /// (plain http only for 127.0.0.1, localhost or [::1]): print the e-mail link
    /// templates for it at the end.
    #[arg(long, value_name = "URL")]
    app_url: Option<String>,
    /// Also write the e-mail link templates to this file, as JSON.
    #[arg(long, value_name = "PATH", requires = "app_url")]
    links_out: Option<PathBuf>,
    /// Only read: report what would change, write nothing (no PUT or POST, no file).
    #[arg(long)]
    dry_run: bool,
    /// Also show each request (method, URL, status, time) on stderr.
    #[arg(short, long)]
    verbose: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Region {
    Useast,
    Euwest,
}

impl Region {
    fn api_base(self) -> &'static str {
        match self {
            Self::Useast => "https://useast.api.elasticpath.com",
            Self::Euwest => "https://euwest.api.elasticpath.com",
        }
    }
}

/// Everything the steps need, checked before the first call.
#[derive(Debug)]
struct Setup {
    api_base: String,
    client_id: String,
    client_secret: Secret,
    profile: ProfileChoice,
    test_user: Option<TestUser>,
    webhook: Option<Webhook>,
    out: PathBuf,
    /// With `--app-url`: the templates, and where to write them (`--links-out`).
    links: Option<(LinkTemplates, Option<PathBuf>)>,
    dry_run: bool,
    verbose: bool,
}

/// Why a URL given on the command line is refused.
enum UrlProblem {
    NotUrl(String),
    NotHttp,
    PlainHttp,
    Credentials,
    QueryOrFragment,
}

/// `text` as an http(s) URL without credentials, query or fragment; plain http only
/// when the host is one of `loopback`.
fn web_url(text: &str, loopback: &[&str]) -> Result<Url, UrlProblem> {
    let url = Url::parse(text.trim()).map_err(|e| UrlProblem::NotUrl(e.to_string()))?;
    match url.scheme() {
        "https" => {}
        "http" if url.host_str().is_some_and(|host| loopback.contains(&host)) => {}
        "http" => return Err(UrlProblem::PlainHttp),
        _ => return Err(UrlProblem::NotHttp),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::Credentials);
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(UrlProblem::QueryOrFragment);
    }
    Ok(url)
}

/// An http(s) URL without credentials, query or fragment; plain http only on this machine.
fn checked_url(flag: &str, text: &str) -> Result<String, String> {
    match web_url(text, &["127.0.0.1", "localhost"]) {
        Ok(url) => Ok(url.as_str().trim_end_matches('/').to_owned()),
        Err(UrlProblem::NotUrl(e)) => Err(format!("{flag} {text}: not a URL ({e})")),
        Err(UrlProblem::PlainHttp) => Err(format!(
            "{flag} {text}: plain http is only allowed for 127.0.0.1 or localhost (use https)"
        )),
        Err(UrlProblem::NotHttp) => Err(format!("{flag} {text}: use an https:// URL")),
        Err(UrlProblem::Credentials) => Err(format!(
            "{flag}: the URL must not carry a user name or password"
        )),
        Err(UrlProblem::QueryOrFragment) => Err(format!(
            "{flag} {text}: the URL must not have a query or fragment"
        )),
    }
}

const APP_URL_EXAMPLE: &str = "https://shop.example.com/account/otp/";

/// `--app-url`: the folder the app is deployed in, ending in `/` (one is added). Like
/// `api_base` in the app's own config check: https, or plain http only for 127.0.0.1,
/// localhost or [::1]. No credentials, query or fragment (the links add their own
/// fragment).
fn checked_app_url(text: &str) -> Result<String, String> {
    let pass = format!("pass the folder the app is deployed in, e.g. --app-url {APP_URL_EXAMPLE}");
    let url = web_url(text, &["127.0.0.1", "localhost", "[::1]"]).map_err(|problem| {
        match problem {
            UrlProblem::NotUrl(e) => format!("--app-url {text}: not a URL ({e}); {pass}"),
            UrlProblem::NotHttp => format!("--app-url {text}: not an https:// URL; {pass}"),
            UrlProblem::PlainHttp => format!(
                "--app-url {text}: plain http is only allowed for 127.0.0.1, localhost or [::1]; pass the app's https:// address"
            ),
            UrlProblem::Credentials => format!(
                "--app-url: the URL must not carry a user name or password; {pass}"
            ),
            UrlProblem::QueryOrFragment => format!(
                "--app-url {text}: the app URL must not have a query (?...) or fragment (#...), the links add their own; {pass}"
            ),
        }
    })?;
    let mut app = url.as_str().to_owned();
    if !app.ends_with('/') {
        app.push('/');
    }
    Ok(app)
}

fn env_value(name: &str) -> Result<Option<String>, String> {
    match std::env::var(name) {
        Ok(value) if value.is_empty() => Ok(None),
        Ok(value) => Ok(Some(value)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(format!("{name} is not valid UTF-8")),
    }
}

fn required_env(name: &str, what: &str) -> Result<String, String> {
    env_value(name)?.ok_or_else(|| format!("{name} is not set ({what})"))
}

/// The webhook's secret: `COMMERCE_OTP_WEBHOOK_SECRET`, or the older
/// `SETUP_WEBHOOK_SECRET`; both set to different values is a usage problem.
/// Never a flag, so it stays out of the process list and shell history.
fn webhook_secret() -> Result<Option<String>, String> {
    let secret = env_value(WEBHOOK_SECRET_VAR)?;
    let older = env_value(OLD_WEBHOOK_SECRET_VAR)?;
    match (secret, older) {
        (Some(secret), Some(older)) if secret != older => Err(format!(
            "{WEBHOOK_SECRET_VAR} and {OLD_WEBHOOK_SECRET_VAR} are both set, to different values: unset {OLD_WEBHOOK_SECRET_VAR}"
        )),
        (secret, older) => Ok(secret.or(older)),
    }
}

const WEBHOOK_SECRET_VAR: &str = "COMMERCE_OTP_WEBHOOK_SECRET";
const OLD_WEBHOOK_SECRET_VAR: &str = "SETUP_WEBHOOK_SECRET";

/// The command line and environment, checked. `Err` is a usage problem (exit 2).
fn setup_from(cli: Cli) -> Result<Setup, String> {
    let api_base = match (&cli.api_base, cli.region) {
        (Some(base), _) => checked_url("--api-base", base)?,
        (None, Some(region)) => region.api_base().to_owned(),
        (None, None) => return Err("give --api-base URL or --region useast|euwest".into()),
    };
    let client_id = required_env(
        "EPCC_CLIENT_ID",
        "the client id of a Commerce Manager API key",
    )?;
    let client_secret = Secret::new(required_env(
        "EPCC_CLIENT_SECRET",
        "the client secret of that key",
    )?);
    let profile = match cli.password_profile_id {
        Some(id) => {
            let id = id.trim().to_owned();
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                return Err(format!("--password-profile-id {id}: not a Commerce id"));
            }
            ProfileChoice::Id(id)
        }
        None if cli.password_profile_name.trim().is_empty() => {
            return Err("--password-profile-name must not be empty".into())
        }
        None => ProfileChoice::Name(cli.password_profile_name.trim().to_owned()),
    };
    let test_user = match cli.test_user {
        Some(email) => {
            let email = email.trim().to_owned();
            if !email
                .split_once('@')
                .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
            {
                return Err(format!("--test-user {email}: not an e-mail address"));
            }
            let password = required_env(
                "SETUP_TEST_USER_PASSWORD",
                "the test user's password, required with --test-user",
            )?;
            if password.chars().count() < 8 {
                return Err("SETUP_TEST_USER_PASSWORD must be at least 8 characters".into());
            }
            Some(TestUser {
                email,
                name: cli.test_user_name.trim().to_owned(),
                password: Secret::new(password),
            })
        }
        None => None,
    };
    let webhook = match cli.webhook_url {
        Some(url) if !cli.skip_webhook => Some(Webhook {
            url: checked_url("--webhook-url", &url)?,
            secret: webhook_secret()?.map(Secret::new),
        }),
        _ => None,
    };
    let links = match cli.app_url {
        Some(app_url) => {
            let templates = links::link_templates(&checked_app_url(&app_url)?);
            if cli.links_out.as_ref() == Some(&cli.out) {
                return Err(format!(
                    "--links-out {}: that is the --out file (config.json); pass another file, e.g. --links-out links.json",
                    cli.out.display()
                ));
            }
            Some((templates, cli.links_out))
        }
        None => None,
    };
    Ok(Setup {
        api_base,
        client_id,
        client_secret,
        profile,
        test_user,
        webhook,
        out: cli.out,
        links,
        dry_run: cli.dry_run,
        verbose: cli.verbose,
    })
}

const STEPS: usize = 6;

/// The six steps, and a seventh with `--app-url`; on success, the summary line, then
/// the link templates with `--app-url`.
fn run(setup: &Setup) -> anyhow::Result<String> {
    let dry_run = setup.dry_run;
    let total = STEPS + usize::from(setup.links.is_some());
    let reporter = Rc::new(Reporter::new(total, dry_run));
    let trace: Box<dyn Fn(&str)> = if setup.verbose {
        let reporter = reporter.clone();
        Box::new(move |line| reporter.trace(line))
    } else {
        Box::new(|_| {})
    };
    let mut client = api::Client::new(&setup.api_base, trace)?;
    if let Some(user) = &setup.test_user {
        client.keep_secret(&user.password);
    }
    if let Some(secret) = setup.webhook.as_ref().and_then(|w| w.secret.as_ref()) {
        client.keep_secret(secret);
    }

    println!(
        "Setting up {} for client id {}{}",
        setup.api_base,
        setup.client_id,
        if dry_run {
            " (dry run: nothing will be written)"
        } else {
            ""
        }
    );
    reporter.step(1, "token", || {
        steps::token(&mut client, &setup.client_id, &setup.client_secret)
    })?;
    let realm = reporter.step(2, "account settings", || steps::settings(&client, dry_run))?;
    let profile = reporter.step(3, "password profile", || {
        steps::password_profile(&client, &realm, &setup.profile, dry_run)
    })?;
    reporter.step(4, "test user", || {
        steps::test_user(
            &client,
            &realm,
            profile.as_ref().map(|p| p.id.as_str()),
            setup.test_user.as_ref(),
            dry_run,
        )
    })?;
    reporter.step(5, "webhook", || {
        steps::webhook(&client, setup.webhook.as_ref(), dry_run)
    })?;
    let app = AppConfig {
        client_id: &setup.client_id,
        api_base: &setup.api_base,
        realm: &realm,
        profile_id: profile.as_ref().map(|p| p.id.as_str()),
        username_format: profile.as_ref().and_then(|p| p.username_format),
    };
    reporter.step(6, "config file", || {
        steps::config_file(&setup.out, &app, dry_run)
    })?;
    let Some((templates, links_out)) = &setup.links else {
        return Ok(reporter.summary());
    };
    reporter.step(7, "link templates", || {
        steps::links_file(links_out.as_deref(), templates, dry_run)
    })?;
    Ok(format!("{}\n\n{templates}", reporter.summary()))
}

fn main() -> ExitCode {
    let setup = match setup_from(Cli::parse()) {
        Ok(setup) => setup,
        Err(problem) => {
            eprintln!("commerce-otp-setup: {problem}");
            return ExitCode::from(2);
        }
    };
    match run(&setup) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("commerce-otp-setup: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  cause: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            checked_url("--api-base", "https://useast.api.elasticpath.com/").unwrap(),
            "https://useast.api.elasticpath.com"
        );
        assert_eq!(
            checked_url("--api-base", "http://127.0.0.1:4010").unwrap(),
            "http://127.0.0.1:4010"
        );
        assert!(checked_url("--api-base", "http://localhost:4010").is_ok());
        for bad in [
            "http://example.com",
            "ftp://example.com",
            "https://user:pw@example.com",
            "https://example.com/?a=b",
            "example.com",
        ] {
            assert!(checked_url("--api-base", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn app_urls() {
        for (given, wanted) in [
            (
                "https://shop.example.com/account/otp",
                "https://shop.example.com/account/otp/",
            ),
            (
                " https://shop.example.com/account/otp/ ",
                "https://shop.example.com/account/otp/",
            ),
            ("https://Shop.Example.com", "https://shop.example.com/"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080/"),
            ("http://localhost:8080/otp", "http://localhost:8080/otp/"),
            ("http://[::1]:8080/otp/", "http://[::1]:8080/otp/"),
        ] {
            assert_eq!(checked_app_url(given).as_deref(), Ok(wanted), "{given}");
        }
        for (bad, says) in [
            (
                "http://shop.example.com/otp/",
                "plain http is only allowed for 127.0.0.1, localhost or [::1]",
            ),
            ("http://localhost.evil.com/", "plain http is only allowed"),
            (
                "https://shop.example.com/otp/?store=1",
                "must not have a query",
            ),
            ("https://shop.example.com/otp/#/", "or fragment"),
            ("https://shop.example.com/otp?", "must not have a query"),
            ("ftp://shop.example.com/otp/", "not an https:// URL"),
            ("shop.example.com/otp/", "not a URL"),
            ("https://ann:pw@shop.example.com/", "user name or password"),
        ] {
            let problem = checked_app_url(bad).unwrap_err();
            assert!(problem.contains(says), "{bad}: {problem}");
            assert!(problem.starts_with("--app-url"), "{problem}");
        }
        // What to pass: an example, or the https address.
        assert!(checked_app_url("https://x.example/?a")
            .unwrap_err()
            .contains("e.g. --app-url https://shop.example.com/account/otp/"));
        assert!(!checked_app_url("https://ann:secret@x.example/")
            .unwrap_err()
            .contains("secret"));
    }
}
