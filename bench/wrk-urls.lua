-- wrk script for scripts/bench.sh: each thread cycles through the request paths in a file
-- (one per line), starting at a different random line, and done() prints one parseable line.
--   wrk -t2 -c32 -d10s -s bench/wrk-urls.lua http://127.0.0.1:8181 -- paths.txt ["Name: value"]
-- An optional second argument is a header sent with every request (the API key of nearest-key).
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter * 7919)
end

local paths, n, i, headers = {}, 0, 0, nil
function init(args)
  if args[2] then
    local name, value = args[2]:match("^([^:]+):%s*(.*)$")
    headers = { [name] = value }
  end
  for line in io.lines(args[1]) do
    n = n + 1
    paths[n] = line
  end
  math.randomseed(seed or 1)
  i = math.random(n) - 1
end

function request()
  i = i % n + 1
  return wrk.format(nil, paths[i], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
