// The flows whose Commerce calls are counted (issue 13, "calls per flow at the floor"), driven in
// a page the caller gives, and counted by the emulator (GET /__emulator/calls), not the browser:
// what arrived, not what left. Shared by specs/calls.spec.js, which asserts each flow's floor,
// and bench/calls.js, which prints the table. Needs API_URL and APP_URL (support/emulator.js
// sets them) and a page whose baseURL, if any, is the app's; works inside Playwright Test and
// outside it (Node's fetch for the controls, no `expect`).

const APP = () => process.env.APP_URL;
const API = () => process.env.API_URL;

// The demo seed's John (support/fixtures.js `users.john`), who has one account.
const EMAIL = 'john.doe@banks.com';
const NEW_PASSWORD = 'Blue-Harbour-42';
// The Elastic Path guide's example code, for its short link (README, "E-mail link templates").
const GUIDE_CODE = 'lprvj4';

/** The emulator's controls that the flows need, over Node's fetch. */
class Controls {
  async send(method, path, body) {
    const res = await fetch(`${API()}/__emulator/${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} /__emulator/${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }
  reset() { return this.send('POST', 'reset', {}); }
  nextCodes(codes) { return this.send('POST', 'next-codes', { codes }); }
  outbox() { return this.send('GET', 'outbox'); }
  /** Every Commerce call the emulator answered since the last reset: {method, path, status}. */
  calls() { return this.send('GET', 'calls'); }

  /**
   * Asks for a code as the store's own code would (not the app): implicit token, then the
   * request, with the ids of the app's config.json. These calls are made before a flow's
   * count starts. Returns the e-mail the emulator "sent".
   */
  async requestCode(purpose) {
    const config = await (await fetch(`${APP()}/config.json`)).json();
    const tokenRes = await fetch(`${API()}/oauth/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'implicit', client_id: config.client_id }),
    });
    if (!tokenRes.ok) throw new Error(`implicit token: ${tokenRes.status}`);
    const { access_token: token } = await tokenRes.json();
    const path = `/v2/authentication-realms/${config.authentication_realm_id}/password-profiles/` +
      `${config.password_profile_id}/one-time-password-token-request`;
    const res = await fetch(`${API()}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { type: 'one_time_password_token_request', username: EMAIL, purpose } }),
    });
    if (res.status !== 202) throw new Error(`code request: ${res.status}`);
    return this.lastMail();
  }

  /** The newest e-mail to John. */
  async lastMail() {
    const mails = (await this.outbox()).filter((m) => m.to === EMAIL);
    if (mails.length === 0) throw new Error(`no e-mail to ${EMAIL}`);
    return mails[mails.length - 1];
  }

  /**
   * The calls after the first `since`, once the app is quiet: every call answered and none
   * new for 600 ms (so a late duplicate or a call made after the page showed its result is
   * counted), or 5 s at most.
   */
  async callsSince(since) {
    const deadline = Date.now() + 5_000;
    let last = null;
    let quietSince = Date.now();
    for (;;) {
      const calls = (await this.calls()).slice(since);
      const key = JSON.stringify(calls);
      if (key !== last) { last = key; quietSince = Date.now(); }
      const answered = calls.every((c) => c.status !== null);
      if ((answered && Date.now() - quietSince >= 600) || Date.now() > deadline) return calls;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

// Short names for the calls the flows make; any other call is shown as "METHOD /path".
const INFOS = '/v2/authentication-realms/{realm_id}/user-authentication-info/{uai_id}/user-authentication-password-profile-info';
const NAMES = {
  'POST /oauth/access_token': 'token',
  'POST /v2/authentication-realms/{realm_id}/password-profiles/{profile_id}/one-time-password-token-request': 'request',
  'POST /v2/account-members/tokens': 'exchange',
  [`GET ${INFOS}`]: 'lookup',
  [`PUT ${INFOS}/{info_id}`]: 'update',
};

/** A call's short name, with its status when it is not a success ("exchange 401"). */
function callName({ method, path, status }) {
  const name = NAMES[`${method} ${path}`] || `${method} ${path}`;
  return status !== null && status >= 200 && status < 300 ? name : `${name} ${status ?? 'unanswered'}`;
}

const heading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });

/** Asks for a code on `path` (a page of the app) and waits for the confirmation. */
async function askForCode(page, path) {
  await page.goto(`${APP()}${path}`);
  await page.getByLabel('E-mail address').fill(EMAIL);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByRole('status').filter({ hasText: 'valid for 10 minutes' }).waitFor();
}

/** On the reset page: the new password twice, then "Change password", until it is done. */
async function changePassword(page) {
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await heading(page, 'Your password has been changed').waitFor();
}

/** Types the newest code into the code page's field. */
async function typeCode(page, controls) {
  const mail = await controls.lastMail();
  await page.getByLabel('Code from your e-mail').fill(mail.event.payload.one_time_password_token);
}

/**
 * Each flow: `id`, `title`, `floor` (the calls it should make, in order, by short name),
 * `prepare(controls)` (optional: what the flow needs first, an e-mailed code; its value goes
 * to `steps`) and `steps(page, prepared, controls)`, which drive `page`, a page that has not
 * loaded the app yet. `run(page, controls)` does both, on an emulator just reset, and
 * returns the calls the steps caused.
 */
const FLOWS = [
  {
    id: 'reset-request',
    title: 'reset: request a code',
    floor: ['token', 'request'],
    async steps(page) {
      await askForCode(page, '/forgot_password');
    },
  },
  {
    id: 'reset-full-link',
    title: 'reset: the full e-mail link',
    floor: ['token', 'exchange', 'update'],
    async prepare(controls) {
      const mail = await controls.requestCode('reset_password');
      if (!mail.link.includes('user_authentication_password_profile_info_id=')) {
        throw new Error(`not the full link template: ${mail.link}`);
      }
      return mail.link;
    },
    async steps(page, link) {
      await page.goto(link);
      await changePassword(page);
    },
  },
  {
    id: 'reset-short-link',
    title: "reset: the guide's short link",
    floor: ['token', 'exchange', 'lookup', 'update'],
    async prepare(controls) {
      await controls.nextCodes([GUIDE_CODE]);
      await controls.requestCode('reset_password');
      return `${APP()}/change_password?username=${EMAIL}&token=${GUIDE_CODE}`;
    },
    async steps(page, link) {
      await page.goto(link);
      await changePassword(page);
    },
  },
  {
    id: 'passwordless-request',
    title: 'passwordless: request a code',
    floor: ['token', 'request'],
    async steps(page) {
      await askForCode(page, '/sign_in_with_code');
    },
  },
  {
    id: 'passwordless-link',
    title: 'passwordless: the e-mail link',
    floor: ['token', 'exchange'],
    async prepare(controls) {
      return (await controls.requestCode('passwordless_authentication')).link;
    },
    async steps(page, link) {
      await page.goto(link);
      await page.getByRole('button', { name: `Continue as ${EMAIL}` }).click();
      await page.getByTestId('account-name').waitFor();
    },
  },
  {
    id: 'reset-one-tab',
    title: 'reset: request, then the code form, one tab',
    // A typed code comes without the profile info's id, which only the e-mail link carries:
    // it is looked up, as for the short link. One implicit token for both steps.
    floor: ['token', 'request', 'exchange', 'lookup', 'update'],
    async steps(page, _, controls) {
      await askForCode(page, '/forgot_password');
      await heading(page, 'Choose a new password').waitFor();
      await typeCode(page, controls);
      await changePassword(page);
    },
  },
  {
    id: 'passwordless-one-tab',
    title: 'passwordless: request, then the code form, one tab',
    floor: ['token', 'request', 'exchange'],
    async steps(page, _, controls) {
      await askForCode(page, '/sign_in_with_code');
      await typeCode(page, controls);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('account-name').waitFor();
    },
  },
].map((flow) => ({
  ...flow,
  /** The calls the steps caused, once the app is quiet ({method, path, status} each). */
  async run(page, controls) {
    const input = flow.prepare ? await flow.prepare(controls) : undefined;
    const since = (await controls.calls()).length;
    await flow.steps(page, input, controls);
    return controls.callsSince(since);
  },
}));

module.exports = { FLOWS, Controls, callName };
