#pragma once
// HTML to PDF for frappe.get_print(as_pdf=True) and attach_print, as
// Frappe's frappe/utils/pdf.py get_pdf does: wkhtmltopdf. It runs as a child
// process (no shell) under the run's deadline and stop flag, with a data
// memory limit and an output size limit, JavaScript off, no local files
// beside its input, and every network request sent to a closed loopback
// proxy port; the HTML's external references are neutralised before it sees
// them (neutralise_external_urls), so a print never fetches a URL.

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace quire::scripting {

struct PdfRequest {
  std::string html;
  // Program to run: a path, or a name looked up in PATH.
  std::string executable = "wkhtmltopdf";
  // When the conversion must be over (the script run's deadline); the
  // conversion never runs longer than max_seconds either way.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  int max_seconds = 60;
  const std::atomic<bool>* stop = nullptr;  // the run's cancel flag
  std::size_t max_data_bytes = std::size_t{512} << 20;
  std::size_t max_pdf_bytes = std::size_t{64} << 20;
};

enum class PdfFailure { None, NotInstalled, TimedOut, Stopped, Failed };

struct PdfResult {
  PdfFailure failure = PdfFailure::None;
  std::string pdf;      // the document, when failure is None
  std::string message;  // why, otherwise
};

PdfResult html_to_pdf(const PdfRequest& request);

// `html` with every URL an HTML attribute (src, href, srcset, ...) or CSS
// (url(...), @import) would load replaced by about:blank, except data: URLs
// and #fragments.
std::string neutralise_external_urls(std::string_view html);

}  // namespace quire::scripting
