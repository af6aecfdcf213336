-- wrk script for the memory run: BENCH_REQUESTS requests in all (default 100,000), spread over BENCH_CONVERSATIONS
-- conversation ids (default 10,000) starting at BENCH_FIRST_CONVERSATION; each thread stops after its share and
-- creates BENCH_DONE_PREFIX<thread> so run.sh can end wrk at once (wrk itself would wait out its -d).
local total = tonumber(os.getenv("BENCH_REQUESTS") or "100000")
local conversations = tonumber(os.getenv("BENCH_CONVERSATIONS") or "10000")
local first = tonumber(os.getenv("BENCH_FIRST_CONVERSATION") or "0")
local threads_total = tonumber(os.getenv("BENCH_THREADS") or "2")
local done_prefix = os.getenv("BENCH_DONE_PREFIX")
local question = os.getenv("BENCH_QUESTION") or "What was the trade volume between Kazakhstan and Korea in 2019?"
local threads = 0
local sent, received, share = 0, 0, 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  share = math.floor(total / threads_total)
end

function request()
  -- thread t sends conversations t, t + threads, t + 2*threads, ...: every id gets the same number of turns
  local conversation = first + ((sent * threads_total + tid) % conversations)
  sent = sent + 1
  local body = string.format(
    '{"type":"message","id":"mem-%d-%d","channelId":"test","serviceUrl":"http://127.0.0.1:1/",'
    .. '"deliveryMode":"expectReplies","from":{"id":"user-%d","name":"User"},"recipient":{"id":"bot","name":"Bot"},'
    .. '"conversation":{"id":"mem-%d"},"text":"%s"}', tid, sent, conversation, conversation, question)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  received = received + 1
  if received == share then
    if done_prefix then
      local marker = io.open(done_prefix .. tid, "w")
      marker:close()
    end
    wrk.thread:stop()
  end
end
