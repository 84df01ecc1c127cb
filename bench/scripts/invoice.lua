-- wrk script: every request inserts one Sales Invoice (five items, two
-- taxes) through the REST API; customers and dates vary so api_report.py
-- has groups to summarise. sales_invoice_body in run.sh builds the same.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"customer": "CUST-%02d", "status": "Unpaid", "posting_date": "2025-03-%02d", "items": [' ..
    '{"item_code": "SKU-1", "qty": 1, "rate": 12.5}, ' ..
    '{"item_code": "SKU-2", "qty": 2, "rate": 20, "discount_percentage": 10}, ' ..
    '{"item_code": "SKU-3", "qty": 3, "rate": 7.25}, ' ..
    '{"item_code": "SKU-4", "qty": 4, "rate": 100, "discount_percentage": 5}, ' ..
    '{"item_code": "SKU-5", "qty": 5, "rate": 3.5}], "taxes": [' ..
    '{"description": "VAT", "rate": 9}, {"description": "Levy", "rate": 5}]}',
    n % 20, n % 28 + 1)
  return wrk.format(nil, nil, nil, body)
end
