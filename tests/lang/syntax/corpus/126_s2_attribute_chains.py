doc.items[0].qty += 1
frappe.local.response.message = "ok"
self.a.b.c = self.d.e.f
obj.attr.method().result[0].value = 3
