-- wrk script for notifier/bench.sh: POSTs the one-time-password-token-request.created event
-- (docs/commerce-api.md §7.1) with a distinct event id on every request, so that each one is
-- accepted and queued rather than answered as a duplicate. The secret comes from
-- NOTIFIER_BENCH_SECRET; created_at is the script's start, so the codes stay valid.

local template = [[{"id":"bench-%d-%d","store_id":"877baaf1-50b7-4cae-afa5-2431fa7b5ee4",
"triggered_by":"one-time-password-token-request.created","attempt":1,
"integration":{"id":"145d7084-7b00-4f10-9d55-0ecd49c1a2bb","integration_type":"webhook",
"name":"One Time Password notification","description":"Send one time password notification"},
"payload":{"authentication_realm_id":"063623f1-9182-4c8f-bb17-91d326e06e69",
"password_profile_id":"9a44bb7e-e377-4382-b36e-c8030aad1c2d","purpose":"%s",
"one_time_password_token":"b%05d","created_at":"%s","updated_at":"%s",
"user_authentication_info":{"id":"459a2d49-ff3f-4589-b9fb-7e86ac7273f4","name":"Bench Shopper",
"email":"bench+%d@example.com"},
"user_authentication_password_profile_info":{"id":"d63be373-580d-4e16-818b-15513341e9b6",
"password_profile_id":"9a44bb7e-e377-4382-b36e-c8030aad1c2d","username":"bench+%d@example.com"}},
"configuration":{"url":"http://127.0.0.1/","secret_key":""}}]]

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local counter = 0
local created

function init(args)
  created = os.date("!%Y-%m-%dT%H:%M:%SZ")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-MOLTIN-SECRET-KEY"] = os.getenv("NOTIFIER_BENCH_SECRET") or ""
end

function request()
  counter = counter + 1
  local purpose = (counter % 2 == 0) and "reset_password" or "passwordless_authentication"
  local body = string.format(template, tid, counter, purpose, counter % 100000, created, created,
    counter, counter)
  return wrk.format(nil, "/", nil, body)
end
