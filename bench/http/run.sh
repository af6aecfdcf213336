#!/usr/bin/env bash
# HTTP benchmark, side by side on this machine: the bot (Release build, `dotnet <dll>`) against the Bot Framework JS
# SDK echo bot in ../shared/bench/js-echo. Both listen on 127.0.0.1 only; both are stopped at the end.
#
#   bench/http/run.sh            # about 7 minutes; prints the figures bench/README.md records
#
# The load is a mix of 24,000 distinct questions (bench/ChatBot.Benchmarks/QuestionMix.cs: variants of the dev questions and the
# facts' question forms) over 1,024 conversations with follow-ups (bench/http/mix.lua), the same requests to both.
# The bot has no answer or turn cache to turn off: every turn is resolved, classified, retrieved and rendered.
#
# Environment: BENCH_DURATION (10s), BENCH_WARMUP (15s), BENCH_ROUNDS (3), BENCH_STARTS (5 cold starts for the start time),
# BENCH_MEMORY_REQUESTS (200000, in 4 passes), BENCH_ARTIFACTS (build output, /tmp/chatbot-bench), ECHO_DIR (the
# js-echo folder), BENCH_KEEP_LOGS=1 keeps the wrk outputs and host logs (printed at the end).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/http"
ECHO_DIR="${ECHO_DIR:-$(cd "$ROOT/.." && pwd)/shared/bench/js-echo}"
ARTIFACTS="${BENCH_ARTIFACTS:-/tmp/chatbot-bench}"
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-15s}"
ROUNDS="${BENCH_ROUNDS:-3}"
STARTS="${BENCH_STARTS:-5}"
MEMORY_REQUESTS="${BENCH_MEMORY_REQUESTS:-200000}"
MEMORY_PASSES=4
THREADS=2
CONNECTIONS=32
CONVERSATIONS=1024
QUESTION="What was the trade volume between Kazakhstan and Korea in 2019?"
LOGS="$(mktemp -d /tmp/chatbot-bench-logs.XXXXXX)"
MIX="$LOGS/mix.txt"
# The bot as shipped (appsettings.json, Information logging), with the Direct Line limits lifted as the soak does
# (/api/messages itself has no rate limit): every request below comes from 127.0.0.1.
BOT_ENV=(DirectLine__PostsPerMinute=100000 DirectLine__ReadsPerMinute=100000 DirectLine__TokensPerMinute=100000)

for tool in dotnet node wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (wrk: apt-get install -y wrk)" >&2; exit 1; }
done
[ -f "$ECHO_DIR/start.sh" ] || { echo "bench: no js-echo peer at $ECHO_DIR" >&2; exit 1; }

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
load() { cut -d' ' -f1-3 /proc/loadavg; }

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
# mix.lua's count of the answers: "cited refused other non200"
mix_figures() { awk '/^mix:/ { gsub(",", ""); print $5, $7, $10, $12 }' "$1"; }

ask() { # ask URL CONVERSATION TEXT
  curl -s --max-time 5 -X POST -H 'Content-Type: application/json' "$1/api/messages" --data \
    "{\"type\":\"message\",\"id\":\"probe\",\"channelId\":\"test\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"deliveryMode\":\"expectReplies\",\"from\":{\"id\":\"probe-user\"},\"recipient\":{\"id\":\"bot\"},\"conversation\":{\"id\":\"probe-$2\"},\"text\":\"$3\"}" || true
}

# start_bot LOG: launches the host, waits for its first cited answer; sets BOT_PID, BOT_URL and FIRST_ANSWER_MS
start_bot() {
  BOT_URL="http://127.0.0.1:$(free_port)"
  local started
  started=$(now_ms)
  (cd "$ROOT" && exec env Urls="$BOT_URL" "${BOT_ENV[@]}" dotnet "$DLL" >"$1" 2>&1) &
  BOT_PID=$!
  FIRST_ANSWER_MS=""
  for _ in $(seq 1 3000); do
    if ! kill -0 "$BOT_PID" 2>/dev/null; then echo "bench: the bot exited; its log:" >&2; cat "$1" >&2; exit 1; fi
    if ask "$BOT_URL" start "$QUESTION" | grep -Eq 'Sources?: '; then FIRST_ANSWER_MS=$(( $(now_ms) - started )); break; fi
    sleep 0.01
  done
  [ -n "$FIRST_ANSWER_MS" ] || { echo "bench: no cited answer within 30 s" >&2; exit 1; }
}
stop_bot() {
  kill "$BOT_PID" 2>/dev/null || true
  wait "$BOT_PID" 2>/dev/null || true
  BOT_PID=""
}

echo "== machine"
echo "cpu: $(nproc) x $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); memory: $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r); dotnet $(dotnet --version); node $(node --version); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "load average before: $(load) (other work on these 2 cores skews every figure below)"

echo "== question mix"
dotnet run -c Release --project "$ROOT/bench/ChatBot.Benchmarks" -- --write-mix "$MIX"

echo "== build (Release)"
dotnet build "$ROOT/src/ChatBot.Web/ChatBot.Web.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q >"$LOGS/build.log" 2>&1 \
  || { cat "$LOGS/build.log"; exit 1; }
DLL="$ARTIFACTS/bin/ChatBot.Web/release/ChatBot.Web.dll"
[ -f "$DLL" ] || { echo "bench: $DLL not built" >&2; exit 1; }

echo "== start: process launch to first cited answer, $STARTS cold starts"
starts=()
for i in $(seq 1 "$STARTS"); do
  start_bot "$LOGS/start-$i.log"
  starts+=("$FIRST_ANSWER_MS")
  echo "start $i: ${FIRST_ANSWER_MS} ms (load average $(load))"
  stop_bot
done
echo "start median: $(printf '%s\n' "${starts[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }') ms (min $(printf '%s\n' "${starts[@]}" | sort -n | head -1), max $(printf '%s\n' "${starts[@]}" | sort -n | tail -1))"

start_bot "$LOGS/bot.log"
echo "bot: $BOT_URL (pid $BOT_PID), started in ${FIRST_ANSWER_MS} ms, RSS $(rss_mb "$BOT_PID") MB"
read -r ECHO_URL ECHO_PID < <("$ECHO_DIR/start.sh" "$(free_port)")
echo "echo bot: $ECHO_URL (pid $ECHO_PID), RSS $(rss_mb "$ECHO_PID") MB"

echo "== a sample of the mix, as the bot answers it"
for n in 1 2 3 4 5 6; do
  text=$(sed -n "$((n * 997))p" "$MIX")
  reply=$(ask "$BOT_URL" "sample-$n" "$text" | grep -o '"text":"[^"]*' | head -1 | cut -c9-110)
  printf '  %-60s -> %s\n' "$text" "$reply"
done

run_mix() { # run_mix URL RUN DURATION OUT
  BENCH_MIX="$MIX" BENCH_RUN="$2" BENCH_CONVERSATIONS=$CONVERSATIONS BENCH_THREADS=$THREADS \
    wrk -t$THREADS -c$CONNECTIONS -d"$3" --latency -s "$HERE/mix.lua" "$1/api/messages" >"$4"
}

echo "== warm-up ($WARMUP each, not counted: the bot's tiered JIT needs more than 5 s of the mix to settle)"
run_mix "$BOT_URL" warm "$WARMUP" "$LOGS/warm-bot.txt"
run_mix "$ECHO_URL" warm "$WARMUP" "$LOGS/warm-echo.txt"
rss_before=$(rss_mb "$BOT_PID")
echo "bot RSS after warm-up: $rss_before MB; echo RSS: $(rss_mb "$ECHO_PID") MB"

echo "== load: the mix, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds, alternating bot and echo"
printf '%-6s %-5s %10s %9s %7s %7s %8s %8s %6s %6s  %s\n' round peer req/s p99_ms non2xx sockerr cited refused other non200 load
bot_rps_sum=0; echo_rps_sum=0; bot_p99_sum=0; echo_p99_sum=0; bot_bad=0; echo_bad=0
for round in $(seq 1 "$ROUNDS"); do
  for peer in bot echo; do
    if [ $peer = bot ]; then url=$BOT_URL; else url=$ECHO_URL; fi
    run_mix "$url" "$peer$round" "$DURATION" "$LOGS/$peer-$round.txt"
    read -r rps p99 non2xx errors < <(wrk_figures "$LOGS/$peer-$round.txt")
    read -r cited refused other non200 < <(mix_figures "$LOGS/$peer-$round.txt")
    printf '%-6s %-5s %10s %9s %7s %7s %8s %8s %6s %6s  %s\n' "$round" $peer "$rps" "$p99" "$non2xx" "$errors" "$cited" "$refused" "$other" "$non200" "$(load)"
    if [ $peer = bot ]; then
      bot_rps_sum=$(calc "$bot_rps_sum + $rps"); bot_p99_sum=$(calc "$bot_p99_sum + $p99"); bot_bad=$((bot_bad + non2xx + errors))
    else
      echo_rps_sum=$(calc "$echo_rps_sum + $rps"); echo_p99_sum=$(calc "$echo_p99_sum + $p99"); echo_bad=$((echo_bad + non2xx + errors))
    fi
  done
done
bot_rps=$(calc "$bot_rps_sum / $ROUNDS"); echo_rps=$(calc "$echo_rps_sum / $ROUNDS")
bot_p99=$(calc "$bot_p99_sum / $ROUNDS"); echo_p99=$(calc "$echo_p99_sum / $ROUNDS")
rss_after_load=$(rss_mb "$BOT_PID")
printf 'mean   bot   %10.0f %9.2f   non-2xx+socket errors: %d\n' "$bot_rps" "$bot_p99" "$bot_bad"
printf 'mean   echo  %10.0f %9.2f   non-2xx+socket errors: %d\n' "$echo_rps" "$echo_p99" "$echo_bad"
printf 'ratios: throughput bot/echo = %.2fx (goal >= 1.0), p99 bot/echo = %.3f (goal <= 1.0)\n' \
  "$(calc "$bot_rps / $echo_rps")" "$(calc "$bot_p99 / $echo_p99")"
(cd "$ECHO_DIR" && wrk -t$THREADS -c$CONNECTIONS -d"$DURATION" --latency -s body.lua "$ECHO_URL/api/messages") >"$LOGS/echo-own.txt"
read -r rps p99 _ _ < <(wrk_figures "$LOGS/echo-own.txt")
echo "for reference, the echo bot on its own body.lua (one \"hello\"): $rps req/s, p99 $p99 ms (load average $(load))"
echo "bot RSS: $rss_before MB after warm-up, $rss_after_load MB after the load runs"
ask "$BOT_URL" after-load "$QUESTION" | grep -q '4.2 billion' && echo "bot still answers correctly after the load" || echo "bench: WARNING the answer after the load is not the expected one"

per_pass=$((MEMORY_REQUESTS / MEMORY_PASSES))
echo "== memory: $MEMORY_REQUESTS requests of the mix in $MEMORY_PASSES passes, each over 5,000 new conversations"
echo "RSS at 0 requests: $(rss_mb "$BOT_PID") MB"
for pass in $(seq 1 $MEMORY_PASSES); do
  begin=$(now_ms)
  rm -f "$LOGS"/done-*
  BENCH_MIX="$MIX" BENCH_RUN="mem$pass" BENCH_CONVERSATIONS=5000 BENCH_THREADS=$THREADS BENCH_REQUESTS=$per_pass \
    BENCH_DONE_PREFIX="$LOGS/done-" wrk -t$THREADS -c$CONNECTIONS -d300s --latency -s "$HERE/mix.lua" "$BOT_URL/api/messages" >"$LOGS/memory-$pass.txt" &
  WRK_PID=$!
  while [ "$(ls "$LOGS" | grep -c '^done-')" -lt "$THREADS" ] && kill -0 "$WRK_PID" 2>/dev/null; do sleep 0.05; done
  elapsed=$(( $(now_ms) - begin ))
  kill -INT "$WRK_PID" 2>/dev/null || true # wrk prints its summary on SIGINT
  wait "$WRK_PID" || true
  WRK_PID=""
  read -r _ p99 non2xx errors < <(wrk_figures "$LOGS/memory-$pass.txt")
  read -r cited refused other non200 < <(mix_figures "$LOGS/memory-$pass.txt")
  requests=$(awk '/requests in/ { print $1 }' "$LOGS/memory-$pass.txt")
  printf 'RSS at %6d requests: %s MB  (pass %d: %s requests in %d ms, %.0f req/s, p99 %s ms, non-2xx %s, socket errors %s; cited %s, refused %s, other %s; load average %s)\n' \
    $((pass * per_pass)) "$(rss_mb "$BOT_PID")" "$pass" "$requests" "$elapsed" "$(calc "$requests * 1000 / $elapsed")" "$p99" "$non2xx" "$errors" "$cited" "$refused" "$other" "$(load)"
done
echo "bot RSS: $rss_before MB after warm-up -> $rss_after_load MB after load -> $(rss_mb "$BOT_PID") MB after $MEMORY_REQUESTS more requests"
echo "load average after: $(load)"
echo "== done"
