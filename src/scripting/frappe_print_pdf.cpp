// wkhtmltopdf as a confined child process (see frappe_print_pdf.h).
#include "scripting/frappe_print_pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace quire::scripting {

namespace {

using Clock = std::chrono::steady_clock;

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// Whether a URL may stay: inline data and in-page fragments load nothing.
bool harmless_url(std::string_view url) {
  std::size_t i = 0;
  while (i < url.size() && std::isspace(static_cast<unsigned char>(url[i]))) ++i;
  url.remove_prefix(i);
  return url.empty() || url[0] == '#' || starts_with_ci(url, "data:");
}

bool is_url_attribute(std::string_view name) {
  static const std::array<std::string_view, 12> names = {
      "src",    "href",       "srcset", "background", "poster", "data",
      "action", "xlink:href", "lowsrc", "longdesc",   "cite",   "manifest"};
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(names.begin(), names.end(), lower) != names.end();
}

// Rewrites the URL attributes of the tag starting at html[pos] ('<'), appending
// to out; returns the position after the tag.
std::size_t copy_tag(std::string_view html, std::size_t pos, std::string& out) {
  std::size_t i = pos + 1;
  auto space = [&](std::size_t k) {
    return k < html.size() && std::isspace(static_cast<unsigned char>(html[k]));
  };
  while (i < html.size() && !space(i) && html[i] != '>') ++i;  // the tag name
  out.append(html.substr(pos, i - pos));
  while (i < html.size() && html[i] != '>') {
    std::size_t start = i;
    while (space(i) || (i < html.size() && html[i] == '/')) ++i;
    std::size_t name_start = i;
    while (i < html.size() && !space(i) && html[i] != '=' && html[i] != '>' && html[i] != '/') ++i;
    std::string_view name = html.substr(name_start, i - name_start);
    std::size_t before_eq = i;
    while (space(i)) ++i;
    if (i >= html.size() || html[i] != '=') {
      out.append(html.substr(start, before_eq - start));
      i = before_eq;
      if (i == name_start) {  // a stray character: keep it and go on
        if (i < html.size() && html[i] != '>') out += html[i++];
      }
      continue;
    }
    ++i;  // '='
    while (space(i)) ++i;
    std::size_t value_start = i, value_end;
    char quote = 0;
    if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
      quote = html[i];
      std::size_t close = html.find(quote, i + 1);
      value_end = close == std::string_view::npos ? html.size() : close;
      value_start = i + 1;
      i = close == std::string_view::npos ? html.size() : close + 1;
    } else {
      while (i < html.size() && !space(i) && html[i] != '>') ++i;
      value_end = i;
    }
    std::string_view value = html.substr(value_start, value_end - value_start);
    out.append(html.substr(start, name_start - start));
    out.append(name);
    out += '=';
    if (quote) out += quote;
    out.append(is_url_attribute(name) && !harmless_url(value) ? std::string_view("about:blank")
                                                              : value);
    if (quote) out += quote;
  }
  if (i < html.size()) out += html[i++];
  return i;
}

// CSS anywhere in the text (style elements and attributes): url(...) targets
// other than data: become about:blank, @import rules are made unknown ones
// (which CSS ignores).
std::string neutralise_css(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (starts_with_ci(text.substr(i), "url(")) {
      std::size_t close = text.find(')', i + 4);
      std::size_t end = close == std::string_view::npos ? text.size() : close;
      std::string_view inner = text.substr(i + 4, end - i - 4);
      std::size_t k = 0;
      while (k < inner.size() && (std::isspace(static_cast<unsigned char>(inner[k])) ||
                                  inner[k] == '"' || inner[k] == '\''))
        ++k;
      out.append(text.substr(i, 4));
      out.append(harmless_url(inner.substr(k)) ? inner : std::string_view("about:blank"));
      i = end;
      continue;
    }
    if (starts_with_ci(text.substr(i), "@import")) {
      out.append("@quire-blocked-import");
      i += 7;
      continue;
    }
    out += text[i++];
  }
  return out;
}

std::string find_executable(const std::string& name) {
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : "";
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path && *path ? path : "/usr/local/bin:/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    std::string candidate = dir + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

// A private directory for one conversion, removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "quire-pdf-XXXXXX").string();
    if (mkdtemp(pattern.data())) path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

std::string read_file(const std::filesystem::path& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  std::string data;
  char buffer[65536];
  while (in && data.size() <= limit) {
    in.read(buffer, sizeof buffer);
    data.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  return data;
}

}  // namespace

std::string neutralise_external_urls(std::string_view html) {
  std::string tags;
  tags.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<' && i + 1 < html.size() &&
        std::isalpha(static_cast<unsigned char>(html[i + 1]))) {
      i = copy_tag(html, i, tags);
    } else {
      tags += html[i++];
    }
  }
  return neutralise_css(tags);
}

PdfResult html_to_pdf(const PdfRequest& request) {
  PdfResult result;
  auto fail = [&result](PdfFailure f, std::string message) {
    result.failure = f;
    result.message = std::move(message);
    return result;
  };
  std::string program = find_executable(request.executable);
  if (program.empty()) {
    return fail(PdfFailure::NotInstalled,
                "wkhtmltopdf is not installed on this server (Debian package wkhtmltopdf): "
                "PDFs cannot be made");
  }
  TempDir dir;
  if (dir.path.empty()) return fail(PdfFailure::Failed, "could not make a temporary directory");
  const std::string input = (dir.path / "print.html").string();
  const std::string output = (dir.path / "print.pdf").string();
  const std::string errors = (dir.path / "errors.txt").string();
  {
    std::ofstream out(input, std::ios::binary);
    out << neutralise_external_urls(request.html);
    if (!out) return fail(PdfFailure::Failed, "could not write the HTML to convert");
  }

  // Everything the child needs is built before fork: after it only
  // async-signal-safe calls are made.
  std::vector<std::string> args = {program,
                                   "--quiet",
                                   "--disable-javascript",
                                   "--disable-local-file-access",
                                   "--disable-plugins",
                                   "--proxy",
                                   "http://127.0.0.1:1",
                                   "--proxy-hostname-lookup",
                                   "--load-error-handling",
                                   "ignore",
                                   "--load-media-error-handling",
                                   "ignore",
                                   "--encoding",
                                   "UTF-8",
                                   "--page-size",
                                   "A4",
                                   "--margin-top",
                                   "15mm",
                                   "--margin-bottom",
                                   "15mm",
                                   "--margin-left",
                                   "15mm",
                                   "--margin-right",
                                   "15mm",
                                   input,
                                   output};
  std::vector<std::string> env = {"PATH=/usr/bin:/bin", "HOME=" + dir.path.string(),
                                  "XDG_RUNTIME_DIR=" + dir.path.string(), "LANG=C.UTF-8"};
  std::vector<char*> argv, envp;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  const rlimit data_limit{request.max_data_bytes, request.max_data_bytes};
  const rlimit file_limit{request.max_pdf_bytes, request.max_pdf_bytes};
  const rlimit no_core{0, 0};

  pid_t pid = fork();
  if (pid < 0) return fail(PdfFailure::Failed, "could not start wkhtmltopdf (fork failed)");
  if (pid == 0) {
    setpgid(0, 0);
    setrlimit(RLIMIT_DATA, &data_limit);
    setrlimit(RLIMIT_FSIZE, &file_limit);
    setrlimit(RLIMIT_CORE, &no_core);
    int null_fd = open("/dev/null", O_RDWR);
    int err_fd = open(errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (null_fd < 0 || err_fd < 0) _exit(126);
    dup2(null_fd, 0);
    dup2(null_fd, 1);
    dup2(err_fd, 2);
    closefrom(3);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  setpgid(pid, pid);  // also here: whichever runs first, the group exists

  auto limit = Clock::now() + std::chrono::seconds(request.max_seconds);
  if (request.deadline && *request.deadline < limit) limit = *request.deadline;
  int status = 0;
  PdfFailure stopped_by = PdfFailure::None;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return fail(PdfFailure::Failed, "lost the wkhtmltopdf process");
    if (request.stop && request.stop->load(std::memory_order_relaxed)) {
      stopped_by = PdfFailure::Stopped;
    } else if (Clock::now() >= limit) {
      stopped_by = PdfFailure::TimedOut;
    }
    if (stopped_by != PdfFailure::None) {
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // Helpers it may have started die with it.
  kill(-pid, SIGKILL);
  if (stopped_by == PdfFailure::Stopped) return fail(stopped_by, "the script run was stopped");
  if (stopped_by == PdfFailure::TimedOut) {
    return fail(stopped_by, "wkhtmltopdf did not finish before the run's time limit");
  }
  // wkhtmltopdf exits 1 when something the page names could not be loaded
  // (here: every URL); a PDF it still wrote is kept, as Frappe's get_pdf
  // keeps one made despite broken links.
  result.pdf = read_file(output, request.max_pdf_bytes);
  bool made = result.pdf.rfind("%PDF", 0) == 0;
  if (!WIFEXITED(status) || (WEXITSTATUS(status) != 0 && !(WEXITSTATUS(status) == 1 && made))) {
    std::string why = read_file(errors, 2000);
    if (why.size() > 2000) why.resize(2000);
    std::string how = WIFSIGNALED(status)
                          ? "was killed by signal " + std::to_string(WTERMSIG(status))
                          : "exited with status " + std::to_string(WEXITSTATUS(status));
    return fail(PdfFailure::Failed, "wkhtmltopdf " + how + (why.empty() ? "" : ": " + why));
  }
  if (result.pdf.size() > request.max_pdf_bytes) {
    return fail(PdfFailure::Failed,
                "the PDF is larger than " + std::to_string(request.max_pdf_bytes) + " bytes");
  }
  if (!made) return fail(PdfFailure::Failed, "wkhtmltopdf made no PDF");
  return result;
}

}  // namespace quire::scripting
