#!/usr/bin/env bash
# HTTP benchmark, side by side on this machine: the bot (Release build, `dotnet <dll>`) against the Bot Framework JS
# SDK echo bot in ../shared/bench/js-echo. Both listen on 127.0.0.1 only; both are stopped at the end.
#
#   bench/http/run.sh            # about 3 minutes; prints the figures bench/README.md records
#
# Environment: BENCH_DURATION (10s), BENCH_ROUNDS (2), BENCH_ARTIFACTS (build output, /tmp/chatbot-bench),
# ECHO_DIR (the js-echo folder), BENCH_KEEP_LOGS=1 keeps the wrk outputs and host logs (printed at the end).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/http"
ECHO_DIR="${ECHO_DIR:-$(cd "$ROOT/.." && pwd)/shared/bench/js-echo}"
ARTIFACTS="${BENCH_ARTIFACTS:-/tmp/chatbot-bench}"
DURATION="${BENCH_DURATION:-10s}"
ROUNDS="${BENCH_ROUNDS:-2}"
THREADS=2
CONNECTIONS=32
QUESTION="What was the trade volume between Kazakhstan and Korea in 2019?"
LOGS="$(mktemp -d /tmp/chatbot-bench-logs.XXXXXX)"

for tool in dotnet node wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (wrk: apt-get install -y wrk)" >&2; exit 1; }
done
[ -x "$ECHO_DIR/start.sh" ] || [ -f "$ECHO_DIR/start.sh" ] || { echo "bench: no js-echo peer at $ECHO_DIR" >&2; exit 1; }

BOT_PID=""
ECHO_PID=""
WRK_PID=""
cleanup() {
  set +e # a process that already exited must not stop the clean-up
  # Only the processes this script started, by their ids.
  for pid in $WRK_PID $BOT_PID $ECHO_PID; do kill "$pid" 2>/dev/null; done
  for _ in $(seq 1 50); do
    alive=0
    for pid in $BOT_PID $ECHO_PID; do kill -0 "$pid" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  if [ "${BENCH_KEEP_LOGS:-0}" = 1 ]; then echo "logs: $LOGS"; else rm -rf "$LOGS"; fi
}
trap cleanup EXIT

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "bench: no free port" >&2; exit 1
}
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
calc() { awk "BEGIN { printf \"%.6f\", $* }"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wrk's summary as "RPS P99_MS NON2XX SOCKET_ERRORS"
wrk_figures() {
  awk '
    /^Requests\/sec:/ { rps = $2 }
    $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
                  p99 = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }
    /Non-2xx or 3xx responses/ { non2xx = $NF }
    /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%s %.2f %d %d\n", rps, p99, non2xx, errors }' "$1"
}

ask_bot() {
  curl -s --max-time 5 -X POST -H 'Content-Type: application/json' "$BOT_URL/api/messages" --data \
    "{\"type\":\"message\",\"id\":\"probe\",\"channelId\":\"test\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"deliveryMode\":\"expectReplies\",\"from\":{\"id\":\"probe-user\"},\"recipient\":{\"id\":\"bot\"},\"conversation\":{\"id\":\"probe-$1\"},\"text\":\"$QUESTION\"}" || true
}

echo "== machine"
echo "cpu: $(nproc) x $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); memory: $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r); dotnet $(dotnet --version); node $(node --version); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on these 2 cores skews every figure below)"

echo "== build (Release)"
dotnet build "$ROOT/src/ChatBot.Web/ChatBot.Web.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q >"$LOGS/build.log" 2>&1 \
  || { cat "$LOGS/build.log"; exit 1; }
DLL="$ARTIFACTS/bin/ChatBot.Web/release/ChatBot.Web.dll"
[ -f "$DLL" ] || { echo "bench: $DLL not built" >&2; exit 1; }

echo "== start"
BOT_PORT="$(free_port)"
BOT_URL="http://127.0.0.1:$BOT_PORT"
started=$(now_ms)
(cd "$ROOT" && exec env Urls="$BOT_URL" dotnet "$DLL" >"$LOGS/bot.log" 2>&1) &
BOT_PID=$!
first_answer=""
for _ in $(seq 1 3000); do
  if ! kill -0 "$BOT_PID" 2>/dev/null; then echo "bench: the bot exited; its log:" >&2; cat "$LOGS/bot.log" >&2; exit 1; fi
  if ask_bot start | grep -Eq 'Sources?: '; then first_answer=$(( $(now_ms) - started )); break; fi
  sleep 0.01
done
[ -n "$first_answer" ] || { echo "bench: no cited answer within 30 s" >&2; exit 1; }
echo "bot: $BOT_URL (pid $BOT_PID), process start to first cited answer: ${first_answer} ms, RSS $(rss_mb "$BOT_PID") MB"
ask_bot check | grep -o '"text":"[^"]*' | head -1 | cut -c9-130 | sed 's/^/bot answers: /'

read -r ECHO_URL ECHO_PID < <("$ECHO_DIR/start.sh" "$(free_port)")
echo "echo bot: $ECHO_URL (pid $ECHO_PID), RSS $(rss_mb "$ECHO_PID") MB"

run_bot()  { wrk -t$THREADS -c$CONNECTIONS -d"$1" --latency -s "$HERE/bot.lua" "$BOT_URL/api/messages" >"$2"; }
run_echo() { (cd "$ECHO_DIR" && wrk -t$THREADS -c$CONNECTIONS -d"$1" --latency -s body.lua "$ECHO_URL/api/messages") >"$2"; }

echo "== warm-up (5 s each, not counted)"
run_bot 5s "$LOGS/warm-bot.txt"
run_echo 5s "$LOGS/warm-echo.txt"
rss_before=$(rss_mb "$BOT_PID")
echo "bot RSS after warm-up: $rss_before MB; echo RSS: $(rss_mb "$ECHO_PID") MB"

echo "== load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, alternating"
printf '%-6s %-5s %12s %10s %8s %8s\n' round peer req/s p99_ms non2xx sock_err
bot_rps_sum=0; echo_rps_sum=0; bot_p99_sum=0; echo_p99_sum=0; bot_bad=0; echo_bad=0
for round in $(seq 1 "$ROUNDS"); do
  run_bot "$DURATION" "$LOGS/bot-$round.txt"
  read -r rps p99 non2xx errors < <(wrk_figures "$LOGS/bot-$round.txt")
  printf '%-6s %-5s %12s %10s %8s %8s\n' "$round" bot "$rps" "$p99" "$non2xx" "$errors"
  bot_rps_sum=$(calc "$bot_rps_sum + $rps"); bot_p99_sum=$(calc "$bot_p99_sum + $p99"); bot_bad=$((bot_bad + non2xx + errors))

  run_echo "$DURATION" "$LOGS/echo-$round.txt"
  read -r rps p99 non2xx errors < <(wrk_figures "$LOGS/echo-$round.txt")
  printf '%-6s %-5s %12s %10s %8s %8s\n' "$round" echo "$rps" "$p99" "$non2xx" "$errors"
  echo_rps_sum=$(calc "$echo_rps_sum + $rps"); echo_p99_sum=$(calc "$echo_p99_sum + $p99"); echo_bad=$((echo_bad + non2xx + errors))
done
bot_rps=$(calc "$bot_rps_sum / $ROUNDS"); echo_rps=$(calc "$echo_rps_sum / $ROUNDS")
bot_p99=$(calc "$bot_p99_sum / $ROUNDS"); echo_p99=$(calc "$echo_p99_sum / $ROUNDS")
rss_after_load=$(rss_mb "$BOT_PID")
printf 'mean   bot   %12.0f %10.2f   non-2xx+socket errors: %d\n' "$bot_rps" "$bot_p99" "$bot_bad"
printf 'mean   echo  %12.0f %10.2f   non-2xx+socket errors: %d\n' "$echo_rps" "$echo_p99" "$echo_bad"
printf 'ratios: throughput bot/echo = %.2fx (goal >= 3), p99 bot/echo = %.3f (goal <= 0.333)\n' \
  "$(calc "$bot_rps / $echo_rps")" "$(calc "$bot_p99 / $echo_p99")"
echo "bot RSS: $rss_before MB after warm-up, $rss_after_load MB after the load runs"
ask_bot after-load | grep -q '4.2 billion' && echo "bot still answers correctly after the load" || echo "bench: WARNING the answer after the load is not the expected one"

echo "== memory: 100,000 requests across 10,000 conversations, twice (new conversations the second time)"
for pass in 1 2; do
  begin=$(now_ms)
  rm -f "$LOGS"/done-*
  BENCH_FIRST_CONVERSATION=$(( (pass - 1) * 10000 )) BENCH_THREADS=$THREADS BENCH_DONE_PREFIX="$LOGS/done-" \
    wrk -t$THREADS -c$CONNECTIONS -d300s --latency -s "$HERE/memory.lua" "$BOT_URL/api/messages" >"$LOGS/memory-$pass.txt" &
  WRK_PID=$!
  while [ "$(ls "$LOGS" | grep -c '^done-')" -lt "$THREADS" ] && kill -0 "$WRK_PID" 2>/dev/null; do sleep 0.05; done
  elapsed=$(( $(now_ms) - begin ))
  kill -INT "$WRK_PID" 2>/dev/null || true # wrk prints its summary on SIGINT
  wait "$WRK_PID" || true
  read -r _ p99 non2xx errors < <(wrk_figures "$LOGS/memory-$pass.txt")
  requests=$(awk '/requests in/ { print $1 }' "$LOGS/memory-$pass.txt")
  printf 'pass %d: %s requests in %d ms (%.0f req/s, p99 %s ms, non-2xx %s, socket errors %s); bot RSS %s MB\n' \
    "$pass" "$requests" "$elapsed" "$(calc "$requests * 1000 / $elapsed")" "$p99" "$non2xx" "$errors" "$(rss_mb "$BOT_PID")"
done
echo "bot RSS: $rss_before MB after warm-up -> $rss_after_load MB after load -> $(rss_mb "$BOT_PID") MB after 200,000 requests in 20,000 conversations"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== done"
