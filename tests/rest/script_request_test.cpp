// frappe.request and frappe.utils.get_host_name_from_request in an API
// script served by `quire serve`: what the script reads of the request is
// what werkzeug's Request (python3-werkzeug) answers for the same request,
// built as a WSGI server builds its environ, and get_host_name_from_request
// is Frappe's definition (frappe/utils/data.py) run on that Request.

#include "../scripting/python_reference.h"
#include "rest_fixture.h"

namespace quire::rest_testing {
namespace {

// What the script returns: every property a script can read.
const char* kEchoScript = R"(r = frappe.request
h = r.headers
frappe.response['message'] = {
    'method': r.method, 'path': r.path, 'full_path': r.full_path,
    'query_string': r.query_string.decode(), 'scheme': r.scheme, 'host': r.host,
    'host_url': r.host_url, 'url_root': r.url_root, 'base_url': r.base_url, 'url': r.url,
    'args': r.args, 'cookies': r.cookies, 'content_type': r.content_type,
    'mimetype': r.mimetype, 'is_json': r.is_json, 'is_secure': r.is_secure,
    'data': r.get_data(as_text=True), 'remote_addr': r.remote_addr,
    'custom': h.get('x-custom-thing'), 'custom_item': h['X-CUSTOM-THING'],
    'missing': h.get('x-nope', 'fallback'), 'has_custom': 'X-Custom-Thing' in h,
    'number': h.get('X-Number', type=int), 'not_number': h.get('x-custom-thing', -1, int),
    'host_name': frappe.utils.get_host_name_from_request(),
}
)";

// The same dict from werkzeug, for a request as a WSGI server hands it over.
std::string werkzeug_reference(const std::string& method, const std::string& target,
                               const std::map<std::string, std::string>& headers,
                               const std::string& body) {
  std::string program =
      "import json\n"
      "from urllib.parse import unquote_to_bytes\n"
      "from io import BytesIO\n"
      "from werkzeug.wrappers import Request\n"
      "method, target, headers, body = json.loads(" +
      Json(Json::array({method, target, headers, body}).dump()).dump() +
      ")\n"
      "path, _, query = target.partition('?')\n"
      "environ = {'REQUEST_METHOD': method, 'SCRIPT_NAME': '',\n"
      "  'PATH_INFO': unquote_to_bytes(path).decode('latin-1'), 'QUERY_STRING': query,\n"
      "  'SERVER_NAME': '127.0.0.1', 'SERVER_PORT': '8000', 'REMOTE_ADDR': '127.0.0.1',\n"
      "  'wsgi.url_scheme': 'http', 'wsgi.input': BytesIO(body.encode()),\n"
      "  'CONTENT_LENGTH': str(len(body.encode()))}\n"
      "for name, value in headers.items():\n"
      "  key = name.upper().replace('-', '_')\n"
      "  environ[key if key in ('CONTENT_TYPE',) else 'HTTP_' + key] = value\n"
      "r = Request(environ)\n"
      "h = r.headers\n"
      "def get_host_name_from_request():\n"
      "  if r and r.host:\n"
      "    protocol = 'https://' if 'https' == h.get('X-Forwarded-Proto', '') else 'http://'\n"
      "    return protocol + r.host\n"
      "print(json.dumps({\n"
      "  'method': r.method, 'path': r.path, 'full_path': r.full_path,\n"
      "  'query_string': r.query_string.decode(), 'scheme': r.scheme, 'host': r.host,\n"
      "  'host_url': r.host_url, 'url_root': r.url_root, 'base_url': r.base_url, 'url': r.url,\n"
      "  'args': r.args.to_dict(), 'cookies': r.cookies.to_dict(),\n"
      "  'content_type': r.content_type, 'mimetype': r.mimetype, 'is_json': r.is_json,\n"
      "  'is_secure': r.is_secure, 'data': r.get_data(as_text=True),\n"
      "  'remote_addr': r.remote_addr,\n"
      "  'custom': h.get('x-custom-thing'), 'custom_item': h['X-CUSTOM-THING'],\n"
      "  'missing': h.get('x-nope', 'fallback'), 'has_custom': 'X-Custom-Thing' in h,\n"
      "  'number': h.get('X-Number', type=int), 'not_number': h.get('x-custom-thing', -1, int),\n"
      "  'host_name': get_host_name_from_request()}))\n";
  return quire::scripting::testing::run_python(program, "/usr/bin/python3");
}

class ScriptRequest : public ::testing::Test {
 protected:
  void SetUp() override {
    server.enable_server_scripts();
    server.start();
    admin = std::make_unique<Client>(server.admin());
    auto created = admin->post_json("/api/resource/Server Script", {{"name", "req_echo"},
                                                                    {"script_type", "API"},
                                                                    {"api_method", "req_echo"},
                                                                    {"allow_guest", 1},
                                                                    {"script", kEchoScript}});
    ASSERT_EQ(created.status, 200) << created.body;
  }

  // Sends the request to the echo script and compares with werkzeug's answer.
  void expect_as_werkzeug(bhttp::verb verb, const std::string& query,
                          const std::map<std::string, std::string>& headers,
                          const std::string& body = "", const std::string& content_type = "") {
    Client client = server.client();
    const std::string target = "/api/method/req_echo" + query;
    auto reply = client.send(verb, target, body, content_type, headers);
    ASSERT_EQ(reply.status, 200) << reply.body;
    std::map<std::string, std::string> sent = headers;
    if (!sent.count("Host")) sent["Host"] = "localhost";
    if (!content_type.empty()) sent["Content-Type"] = content_type;
    std::string method(bhttp::to_string(verb));
    Json expected = Json::parse(werkzeug_reference(method, target, sent, body), nullptr, false);
    ASSERT_FALSE(expected.is_discarded()) << werkzeug_reference(method, target, sent, body);
    Json got = reply.json["message"];
    for (auto& [key, value] : expected.items()) {
      EXPECT_EQ(got[key], value) << key << " for " << target;
    }
  }

  RestServer server;
  std::unique_ptr<Client> admin;
};

TEST_F(ScriptRequest, AGetReadsAsWerkzeugReadsIt) {
  expect_as_werkzeug(bhttp::verb::get, "?a=1&b=&a=2&c=%C3%A9&d=x+y&e%20f=g",
                     {{"Host", "shop.example.com:8000"},
                      {"X-Custom-Thing", "spaced value"},
                      {"X-Number", "42"},
                      {"Cookie", "k=v; q=\"w\"; k=later"}});
}

TEST_F(ScriptRequest, APostBehindAnHttpsProxyOnTheDefaultPort) {
  expect_as_werkzeug(bhttp::verb::post, "",
                     {{"Host", "example.com:80"},
                      {"X-Forwarded-Proto", "https"},
                      {"X-Custom-Thing", "t"},
                      {"X-Number", "not a number"}},
                     R"({"qty": 2})", "application/json; charset=utf-8");
}

}  // namespace
}  // namespace quire::rest_testing
