#!/usr/bin/env bash
# Prints the notifier's figures (never asserts them): deliveries accepted per second with
# 200 concurrent connections, the latency percentiles, and the process's resident memory at
# rest, at its peak under load and afterwards. The notifier runs in log-only mode
# (NOTIFIER_SMTP_URL=log:), built in release; every request carries a distinct event id
# (notifier/bench/deliveries.lua), so what is measured is acceptance (secret check, parsing,
# seen-ids claim, queueing) plus the background rendering, not the duplicate answer.
#   --duration SECONDS   how long wrk drives it (default 10)
#   --no-build           use the existing target/release/commerce-otp-notifier
# Needs Debian's wrk (installed here if missing). Loopback only: 127.0.0.1.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

duration=10
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) die "unknown option $1" ;;
  esac
done

if ! command -v wrk >/dev/null; then
  say "installing wrk from Debian"
  sudo_=""
  [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq wrk >/dev/null
fi

# The notifier builds at opt-level 3 (Cargo.toml); the workspace's panic = "abort" is for
# the wasm app: the container build (notifier/Dockerfile) unwinds instead, and so does the
# benchmark.
if [ "$build" = 1 ]; then
  say "building the notifier (release)"
  nice -n 10 cargo build --locked --release -q -p commerce-otp-notifier \
    --config 'profile.release.panic="unwind"'
fi
bin="$ROOT/target/release/commerce-otp-notifier"
[ -x "$bin" ] || die "$bin is missing: run without --no-build"

work=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

secret="bench-$RANDOM$RANDOM"
NOTIFIER_SECRET=$secret \
  NOTIFIER_LISTEN=127.0.0.1:0 \
  NOTIFIER_APP_URL=https://shop.example/account/otp/ \
  NOTIFIER_STORE_NAME="Bench Store" \
  NOTIFIER_FROM="Bench Store <no-reply@shop.example>" \
  NOTIFIER_SMTP_URL=log: \
  "$bin" --ready-file "$work/ready.json" >"$work/stdout" 2>"$work/logs" &
pid=$!
for _ in $(seq 100); do
  [ -s "$work/ready.json" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/logs" >&2; die "the notifier did not start"; }
  sleep 0.1
done
[ -s "$work/ready.json" ] || die "the notifier did not write its ready file"
url=$(sed -E 's/.*"url":"([^"]+)".*/\1/' "$work/ready.json")

rss_kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$pid/status"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }

sleep 1
rest=$(rss_kb VmRSS)

# Samples the resident size while wrk runs; VmHWM gives the peak as well.
( while kill -0 "$pid" 2>/dev/null; do rss_kb VmRSS; sleep 0.2; done ) >"$work/rss" &
sampler=$!

say "driving $url with wrk: 2 threads, 200 connections, ${duration}s"
NOTIFIER_BENCH_SECRET=$secret wrk -t2 -c200 -d"${duration}s" --latency \
  -s "$ROOT/notifier/bench/deliveries.lua" "$url/" >"$work/wrk"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
peak=$(rss_kb VmHWM)
mid=$(sort -n "$work/rss" | tail -1)
sleep 2
after=$(rss_kb VmRSS)

requests=$(awk '/requests in/ { print $1 }' "$work/wrk")
seconds=$(awk '/requests in/ { sub(/s,$/, "", $4); print $4 }' "$work/wrk")
refused=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$work/wrk")
errors=$(awk '/Socket errors/ { print }' "$work/wrk")
refused=${refused:-0}
sent=$(grep -c 'would send to' "$work/logs" || true)
accepted=$((requests - refused))

echo
sed -n '/Latency Distribution/,/requests in/p' "$work/wrk" | sed '$d'
echo
printf '%-44s %s\n' "requests (distinct event ids)" "$requests in $seconds"
printf '%-44s %s\n' "accepted (202)" "$accepted"
printf '%-44s %s\n' "refused (non-2xx)" "$refused"
# Why, from the notifier's own log lines (reason="...").
{ grep 'delivery refused' "$work/logs" || true; } | sed -E 's/.*reason="([^"]*)".*/\1/' | sort | uniq -c |
  while read -r count reason; do printf '  %-42s %s\n' "$reason" "$count"; done
[ -n "$errors" ] && printf '%-44s %s\n' "socket errors" "${errors#*: }"
printf '%-44s %s\n' "accepted events per second" \
  "$(awk -v a="$accepted" -v s="$seconds" 'BEGIN { printf "%.0f", a / s }')"
printf '%-44s %s\n' "latency p99" "$(awk '$1 == "99%" { print $2 }' "$work/wrk")"
printf '%-44s %s\n' "e-mails rendered and logged (log: mode)" "$sent"
printf '%-44s %s\n' "RSS at rest" "$(mb "$rest")"
printf '%-44s %s\n' "RSS under load (highest sample)" "$(mb "${mid:-0}")"
printf '%-44s %s\n' "RSS peak (VmHWM)" "$(mb "$peak")"
printf '%-44s %s\n' "RSS 2 s after the load" "$(mb "$after")"
echo "(wrk and the notifier share this machine's $(nproc) cores)"
