// wkhtmltopdf never fetches what the print HTML names (frappe_print_pdf.h):
// URL attributes and CSS urls are neutralised, and a page that still reaches
// for the network finds no one listening.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

#include "scripting/frappe_print_pdf.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

TEST(PrintPdfConfinement, ExternalUrlsBecomeAboutBlank) {
  EXPECT_EQ(neutralise_external_urls(
                "<img src=\"http://169.254.169.254/x\" alt=\"a\"><a href='file:///etc/passwd'>x</a>"
                "<IMG SRC=//evil/y><link rel=stylesheet href=\"style.css\">"),
            "<img src=\"about:blank\" alt=\"a\"><a href='about:blank'>x</a>"
            "<IMG SRC=about:blank><link rel=stylesheet href=\"about:blank\">");
  EXPECT_EQ(
      neutralise_external_urls("<img src=\"data:image/png;base64,AAAA\"><a href=\"#top\">t</a>"),
      "<img src=\"data:image/png;base64,AAAA\"><a href=\"#top\">t</a>");
  EXPECT_EQ(neutralise_external_urls("<div style=\"background: url('http://x/y.png')\">"
                                     "<style>@import url(http://x/a.css); b { c: URL( data:x ) }"
                                     "</style>"),
            "<div style=\"background: url(about:blank)\">"
            "<style>@quire-blocked-import url(about:blank); b { c: URL( data:x ) }</style>");
  // Text outside tags and attributes that load nothing are kept.
  EXPECT_EQ(neutralise_external_urls("see https://example.com <p class=\"http://x\">a < b</p>"),
            "see https://example.com <p class=\"http://x\">a < b</p>");
}

TEST(PrintPdfConfinement, TheRendererConnectsNowhere) {
  if (std::system("command -v wkhtmltopdf >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "wkhtmltopdf missing";
  int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(listener, 16), 0);
  socklen_t size = sizeof address;
  getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size);
  std::string url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));

  // Every way HTML can name a URL: attributes, CSS, an iframe, a script
  // (JavaScript is off) and a refresh.
  PdfRequest request;
  request.html = "<html><head><meta http-equiv=\"refresh\" content=\"0; url=" + url +
                 "/refresh\"><link rel=\"stylesheet\" href=\"" + url +
                 "/a.css\"><style>body { background: url(" + url +
                 "/bg.png) }</style><script src=\"" + url + "/s.js\"></script></head><body>" +
                 "<h1>Confined</h1><img src=\"" + url + "/i.png\"><iframe src=\"" + url +
                 "/f\"></iframe><object data=\"" + url + "/o\"></object></body></html>";
  PdfResult result = html_to_pdf(request);
  ASSERT_EQ(result.failure, PdfFailure::None) << result.message;
  EXPECT_EQ(result.pdf.rfind("%PDF", 0), 0u);
  int accepted = accept(listener, nullptr, nullptr);
  EXPECT_LT(accepted, 0) << "wkhtmltopdf connected to the page's URL";
  if (accepted >= 0) close(accepted);
  close(listener);
}

TEST(PrintPdfConfinement, TheDeadlineAndTheStopFlagEndTheRenderer) {
  if (std::system("command -v wkhtmltopdf >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "wkhtmltopdf missing";
  PdfRequest request;
  request.html = "<p>late</p>";
  request.deadline = std::chrono::steady_clock::now();
  PdfResult result = html_to_pdf(request);
  EXPECT_EQ(result.failure, PdfFailure::TimedOut) << result.message;
  std::atomic<bool> stop{true};
  request.deadline.reset();
  request.stop = &stop;
  result = html_to_pdf(request);
  EXPECT_EQ(result.failure, PdfFailure::Stopped) << result.message;
}

TEST(PrintPdfConfinement, AMissingRendererIsNamed) {
  PdfRequest request;
  request.html = "<p>x</p>";
  request.executable = "/nonexistent/wkhtmltopdf";
  PdfResult result = html_to_pdf(request);
  EXPECT_EQ(result.failure, PdfFailure::NotInstalled);
  EXPECT_NE(result.message.find("wkhtmltopdf is not installed"), std::string::npos);
}

}  // namespace
}  // namespace quire::scripting::testing
