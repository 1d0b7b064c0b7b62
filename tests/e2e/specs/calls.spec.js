// Calls per flow at the floor (issue 13), counted by the emulator: each flow makes exactly the
// Commerce calls it needs, in order: one implicit token per tab, no duplicate, no retry
// without cause. The flows are support/flows.js's, which bench/calls.js prints as a table.
const { test, expect } = require('../support/fixtures');
const { FLOWS, Controls, callName } = require('../support/flows');

for (const flow of FLOWS) {
  test(`${flow.title}: ${flow.floor.join(', ')}`, async ({ page, emulator }) => {
    const calls = await flow.run(page, new Controls());
    expect(calls.map(callName), JSON.stringify(calls, null, 1)).toEqual(flow.floor);
  });
}

test('the count sees a retry: a 401 to the code request brings a new token and one more try', async ({ page, emulator }) => {
  const flow = FLOWS.find((f) => f.id === 'reset-request');
  await emulator.fault({ path_prefix: '/v2/authentication-realms/', method: 'POST', status: 401, times: 1 });
  const calls = await flow.run(page, new Controls());
  expect(calls.map(callName)).toEqual(['token', 'request 401', 'token', 'request']);
});
