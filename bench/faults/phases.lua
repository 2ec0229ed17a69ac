-- wrk script for the fault scripts: counts responses per wall-clock second and status code, so that the caller
-- can split a run into before / during / after a fault. Arguments after "--" are request paths used in turn
-- (none: the URL given to wrk). At the end it prints one "BUCKET <epoch-second> <status> <count>" line per
-- second and status, and "SOCKET <connect> <read> <write> <timeout>" with wrk's socket errors.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for _, path in ipairs(args) do
    table.insert(paths, path)
  end
  counts = {}
  n = 0
end

function request()
  if #paths == 0 then
    return wrk.request()
  end
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  local key = os.time() .. " " .. status
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("counts")) do
      total[key] = (total[key] or 0) + count
    end
  end
  for key, count in pairs(total) do
    io.write("BUCKET ", key, " ", count, "\n")
  end
  local e = summary.errors
  io.write("SOCKET ", e.connect, " ", e.read, " ", e.write, " ", e.timeout, "\n")
end
