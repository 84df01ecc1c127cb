-- wrk script: every request inserts one Sales Invoice through the REST API,
-- the shape of invoices.py's: 50 item rows (every third discounted) and two
-- taxes; customers and dates vary.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local items = {}
  for i = 1, 50 do
    local discount = ""
    if i % 3 == 0 then discount = ', "discount_percentage": 10' end
    items[i] = string.format('{"item_code": "SKU-%d", "qty": %d, "rate": %.1f%s}',
                             (n + i) % 7, i % 5 + 1, 12.5 + i, discount)
  end
  local body = string.format(
    '{"customer": "CUST-%02d", "status": "Unpaid", "posting_date": "2025-03-%02d", "items": [%s], ' ..
    '"taxes": [{"description": "VAT", "rate": 9}, {"description": "Levy", "rate": 5}]}',
    n % 20, n % 28 + 1, table.concat(items, ", "))
  return wrk.format(nil, nil, nil, body)
end

-- WRK_STOP_AFTER: a fixed number of inserts per thread (bench/lib/stop_after.lua).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/stop_after.lua")
