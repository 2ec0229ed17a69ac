-- Cycles through real ZIPs: single-district, split, at-large, DC and Puerto Rico.
local zips = { "05401", "10001", "94103", "60601", "02861", "30165", "82001", "20001", "00901", "33101", "98101" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/lookup?zip=" .. zips[(i % #zips) + 1])
end
