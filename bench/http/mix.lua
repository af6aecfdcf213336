-- wrk script: the question mix (bench/ChatBot.Benchmarks -- --write-mix writes BENCH_MIX) posted with expectReplies across
-- BENCH_CONVERSATIONS conversations (default 1,024; thread t owns ids t, t + threads, ...). A thread asks its
-- conversations in rotation, so one conversation's turns come one after another, never two at once (a thread has
-- 16 connections and hundreds of conversations), as with real users. Every BENCH_FOLLOW_UP_EVERY-th turn of a
-- conversation (default 3) is a follow-up ("why?", "and in 2010?") to its previous question; the other turns walk
-- the questions, each thread from its own offset, so a 10 s run at a few thousand req/s asks each question about
-- once. The same script drives the bot and the echo bot: the same bodies, the same client cost.
-- BENCH_RUN prefixes the conversation ids (a new run, new conversations); BENCH_REQUESTS (total over all
-- threads) stops each thread after its share and creates BENCH_DONE_PREFIX<thread> so run.sh can end wrk at once.
-- done() prints how the answers were sampled: "mix: ... cited ... refused ... other ... non-200".
local path = assert(os.getenv("BENCH_MIX"), "BENCH_MIX: the file bench/ChatBot.Benchmarks --write-mix wrote")
local conversations = tonumber(os.getenv("BENCH_CONVERSATIONS") or "1024")
local threads_total = tonumber(os.getenv("BENCH_THREADS") or "2")
local follow_every = tonumber(os.getenv("BENCH_FOLLOW_UP_EVERY") or "3")
local run = os.getenv("BENCH_RUN") or "r"
local total = tonumber(os.getenv("BENCH_REQUESTS") or "0")
local done_prefix = os.getenv("BENCH_DONE_PREFIX")

local questions, follow_ups = {}, {}
local threads = {}
local sent, received = 0, 0
cited, refused, other, failed = 0, 0, 0, 0 -- globals: done() reads them with thread:get
local per_thread, offset, asked, share = 0, 0, 0, 0

local function load()
  local into = questions
  for line in io.lines(path) do
    if line == "#followups" then into = follow_ups else into[#into + 1] = line end
  end
end

function setup(thread)
  thread:set("tid", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  load()
  per_thread = math.floor(conversations / threads_total)
  offset = math.floor(#questions / threads_total) * tid
  share = math.floor(total / threads_total)
end

function request()
  local slot = sent % per_thread
  local turn = math.floor(sent / per_thread)
  local conversation = tid + slot * threads_total
  local text
  if turn % follow_every == follow_every - 1 then
    text = follow_ups[(sent * 7 + tid) % #follow_ups + 1]
  else
    text = questions[(offset + asked) % #questions + 1]
    asked = asked + 1
  end
  sent = sent + 1
  local body = string.format(
    '{"type":"message","id":"m-%d-%d","channelId":"test","serviceUrl":"http://127.0.0.1:1/",'
    .. '"deliveryMode":"expectReplies","from":{"id":"user-%s-%d","name":"User"},"recipient":{"id":"bot","name":"Bot"},'
    .. '"conversation":{"id":"%s-%d"},"text":"%s"}', tid, sent, run, conversation, run, conversation, text)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  received = received + 1
  if status ~= 200 then
    failed = failed + 1
  elseif body:find("Sources?: ") then
    cited = cited + 1
  elseif body:find("I don\\u0027t know", 1, true) or body:find("I don't know", 1, true) then
    refused = refused + 1
  else
    other = other + 1
  end
  if share > 0 and received == share then
    if done_prefix then
      local marker = io.open(done_prefix .. tid, "w")
      marker:close()
    end
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local c, r, o, f = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("cited"); r = r + thread:get("refused"); o = o + thread:get("other"); f = f + thread:get("failed")
  end
  io.write(string.format("mix: %d answers: cited %d, refused %d, other 200 %d, non-200 %d\n", c + r + o + f, c, r, o, f))
end
