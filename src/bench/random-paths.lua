-- wrk script: each request GETs a path picked at random from the file named by $AIKG_PATHS
-- (one path per line). Headers come from wrk's -H options. Each thread seeds its own generator,
-- so that a run is repeatable.
local file = assert(io.open(os.getenv("AIKG_PATHS"), "r"))
local paths = {}
for line in file:lines() do
  if #line > 0 then paths[#paths + 1] = line end
end
file:close()

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  math.randomseed(4242 + (tid or 0))
end

function request()
  return wrk.format(nil, paths[math.random(#paths)])
end
