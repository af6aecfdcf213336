-- wrk script: POST the benchmark question with expectReplies. Each thread cycles through its own 256 conversation
-- ids, so two in-flight turns (16 connections per thread) rarely share a conversation, as with real users, whose
-- turns in one conversation come one after another.
local question = os.getenv("BENCH_QUESTION") or "What was the trade volume between Kazakhstan and Korea in 2019?"
local threads = 0
local requests = {}
local n = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  for i = 0, 255 do
    local body = string.format(
      '{"type":"message","id":"bench-%d-%d","channelId":"test","serviceUrl":"http://127.0.0.1:1/",'
      .. '"deliveryMode":"expectReplies","from":{"id":"user-%d-%d","name":"User"},"recipient":{"id":"bot","name":"Bot"},'
      .. '"conversation":{"id":"bench-%d-%d"},"text":"%s"}', tid, i, tid, i, tid, i, question)
    requests[i] = wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
  end
end

function request()
  n = n + 1
  return requests[n % 256]
end
