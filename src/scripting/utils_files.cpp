// frappe.utils.pdf_to_base64 and get_thumbnail_base64_for_image
// (frappe/utils/data.py) over the site's folder, with get_file_path
// (frappe/utils/file_manager.py) and get_local_image
// (frappe/core/doctype/file/utils.py) as far as quire has them: there is no
// File DocType, so a name is never looked up in it (a bare file name is
// /files/<name>, as get_file_path does when the lookup finds nothing).
//
// Files are what users uploaded, so every read is confined: the file's real
// path (symlinks resolved) must lie under <site>/public/files or
// <site>/private/files, it must be a regular file, and its size and an
// image's pixel count are checked against the run's memory before anything
// is read or decoded.
#include "scripting/utils_files.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <new>

#include "lang/sandbox/work.h"
#include "scripting/native_util.h"
#include "scripting/server_scripts.h"
#include "scripting/utils_files_image.h"
#include "scripting/utils_files_open.h"
#include "scripting/utils_misc.h"

namespace quire::scripting {

using namespace quire::lang;
namespace fs = std::filesystem;

namespace {

// Pillow's Image.MAX_IMAGE_PIXELS (it warns above, and refuses above twice
// that, as a decompression bomb): quire refuses above it.
constexpr std::uint64_t kMaxImagePixels = 89'478'485;

enum class Lookup { Found, Missing, Outside, NotAFile };

struct SiteFile {
  Lookup state = Lookup::Missing;
  std::string real;   // the file's real path (Found)
  std::string base;   // the folder's real path, and the file's below it (Found):
  std::string below;  // what read_site_file opens, beneath the folder
  std::string shown;  // the path as Frappe's messages show it: ./site/public/files/x
};

std::string site_dir() {
  RunState* run = current_run();
  const ScriptSettings* settings = run ? run->settings() : nullptr;
  return settings ? settings->site_dir : std::string();
}

// get_files_path(relative, is_private): `folder` is "public/files" or
// "private/files", `relative` what follows /files/ in the URL.
SiteFile find_site_file(const char* folder, std::string_view relative) {
  std::string dir = site_dir();
  SiteFile f;
  std::string site_name = dir.empty() ? "" : fs::path(dir).filename().string();
  f.shown =
      "./" + site_name + (site_name.empty() ? "" : "/") + folder + "/" + std::string(relative);
  if (dir.empty()) return f;
  std::error_code ec;
  fs::path base = fs::canonical(fs::path(dir) / folder, ec);
  if (ec) return f;
  // Joined as text: path's operator/ would let an absolute `relative` ("/etc/x",
  // from /files//etc/x) replace the folder, where os.path.join of the URL's
  // parts stays inside it.
  fs::path real = fs::canonical(dir + "/" + folder + "/" + std::string(relative), ec);
  if (ec) return f;
  std::string base_text = base.string() + "/";
  f.real = real.string();
  if (f.real.compare(0, base_text.size(), base_text) != 0) {
    f.state = real == base ? Lookup::NotAFile : Lookup::Outside;
    return f;
  }
  f.state = fs::is_regular_file(real, ec) ? Lookup::Found : Lookup::NotAFile;
  f.base = base.string();
  f.below = f.real.substr(base_text.size());
  return f;
}

// OSError(errno, strerror, filename): FileNotFoundError for ENOENT, as open().
Value raise_os_error(Isolate& I, int error, const std::string& filename) {
  Value args[3] = {Value::integer(error), new_str(I, std::strerror(error)), new_str(I, filename)};
  Value e = call(I, Value::object(types().OSError), args, 3);
  decref(args[1]);
  decref(args[2]);
  if (e.is_exc()) return e;
  return raise_value(I, e);
}

// The file's bytes, read through a descriptor opened beneath the folder: a
// directory or the file swapped for a symlink out since the check is not
// followed (utils_files_open.h); false with the error raised.
bool read_site_file(Isolate& I, const SiteFile& f, std::size_t charge_per_byte, std::string& out,
                    struct stat& info) {
  int fd = open_beneath(f.base, f.below);
  if (fd < 0) return raise_os_error(I, errno, f.shown), false;
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return raise_os_error(I, EISDIR, f.shown), false;
  }
  auto size = static_cast<std::size_t>(info.st_size);
  // What the result will hold (base64 text, decoded pixels) must fit the
  // run's memory; the read itself costs steps like any bulk work.
  if (!I.heap.would_fit(size * charge_per_byte) || size > (std::size_t{1} << 30)) {
    ::close(fd);
    raise(I, types().MemoryError,
          f.shown + " (" + std::to_string(size) +
              " bytes) does not fit in the script's memory limit");
    return false;
  }
  if (!sandbox::charge_work(I, double(size) / 8)) {
    ::close(fd);
    return false;
  }
  out.resize(size);
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, out.data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(done);
  return true;
}

std::string base64(std::string_view raw) {
  std::string out(4 * ((raw.size() + 2) / 3), '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(raw.data()),
                          static_cast<int>(raw.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// pdf_to_base64(filename): base64 bytes of a PDF named by URL or file name;
// None for a name with "../" or without a pdf/PDF extension.
QUIRE_NATIVE(u_pdf_to_base64) {
  Value a[1];
  if (!parse_args(I, "pdf_to_base64", args, nargs, kwnames, {"filename"}, 1, a))
    return Value::exc();
  std::string name;
  if (!arg_string(I, a[0], name, "filename")) return Value::exc();
  // filename.rsplit(".")[-1] in ["pdf", "PDF"]
  std::size_t dot = name.rfind('.');
  std::string extension = dot == std::string::npos ? name : name.substr(dot + 1);
  if (name.find("../") != std::string::npos || (extension != "pdf" && extension != "PDF"))
    return Value::none();
  // get_file_path: no File row to look the name up in; a bare name is /files/<name>.
  std::string path = name.find('/') == std::string::npos ? "/files/" + name : name;
  const char* folder;
  std::string relative;
  if (path.rfind("/private/files/", 0) == 0) {
    folder = "private/files";
    relative = path.substr(std::strlen("/private/files/"));
  } else if (path.rfind("/files/", 0) == 0) {
    folder = "public/files";
    relative = path.substr(std::strlen("/files/"));
  } else {
    return raise_frappe(I, "ValidationError", "There is some problem with the file url: " + path);
  }
  if (relative.find('\0') != std::string::npos)
    return raise(I, types().ValueError, "embedded null byte");
  SiteFile f = find_site_file(folder, relative);
  switch (f.state) {
    case Lookup::Missing:
      return raise_os_error(I, ENOENT, f.shown);
    case Lookup::Outside:
      return raise_frappe(I, "ValidationError", "Cannot access file path " + f.shown);
    case Lookup::NotAFile:
      return raise_os_error(I, EISDIR, f.shown);
    case Lookup::Found:
      break;
  }
  std::string content;
  struct stat info {};
  if (!read_site_file(I, f, 2, content, info)) return Value::exc();
  return new_bytes(I, base64(content));
}

// ------------------------------------------------------------ thumbnails

// Frappe keeps every thumbnail in Redis by src, never invalidated. quire
// keeps the last few per process by real path, modification time, size and
// extension, so a changed file is thumbnailed again.
struct CachedThumbnail {
  std::string data_url;
  std::uint64_t width = 0, height = 0;
};

class ThumbnailCache {
 public:
  static ThumbnailCache& instance() {
    static ThumbnailCache cache;
    return cache;
  }
  std::optional<CachedThumbnail> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
  }
  void put(const std::string& key, CachedThumbnail value) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= kEntries) entries_.clear();
    entries_[key] = std::move(value);
  }

 private:
  static constexpr std::size_t kEntries = 64;
  std::mutex mutex_;
  std::map<std::string, CachedThumbnail> entries_;
};

Value thumbnail_value(Isolate& I, const CachedThumbnail& t) {
  return to_value(I, Json{{"base64", t.data_url}, {"width", t.width}, {"height", t.height}});
}

Value unable_to_read(Isolate& I, const std::string& src) {
  return raise_frappe(I, "ValidationError", "Unable to read file format for " + src);
}

// get_local_image's extension: the URL's own (query cut) when mimetypes
// calls it an image; imghdr's name for the content when the URL has no dot.
// Empty when the URL's extension is not an image type.
bool thumbnail_extension(Isolate& I, const std::string& src, const ImageHeader& header,
                         std::string& out) {
  std::size_t dot = src.rfind('.');
  if (dot == std::string::npos) {
    out = image_format_name(header.format);
    return true;
  }
  out = src.substr(dot + 1);
  out = out.substr(0, out.find('?'));
  Value path = new_str(I, src.substr(0, dot) + "." + out);
  Value image = call_util(I, "is_image", &path, 1);
  decref(path);
  if (image.is_exc()) return false;
  if (!truthy(I, image)) out.clear();
  decref(image);
  return true;
}

// get_thumbnail_base64_for_image(src): {"base64": "data:image/<extn>;base64,...",
// "width", "height"} of a 50x50 thumbnail of a /files/ image (the original's
// size); None for other URLs, "..", .svg and missing files.
QUIRE_NATIVE(u_get_thumbnail_base64_for_image) {
  Value a[1];
  if (!parse_args(I, "get_thumbnail_base64_for_image", args, nargs, kwnames, {"src"}, 1, a))
    return Value::exc();
  int truth = truthy(I, a[0]);
  if (truth < 0) return Value::exc();
  if (!truth) {
    std::string text;
    if (!str_into(I, a[0], text)) return Value::exc();
    return raise_frappe(I, "ValidationError", "Invalid source for image: " + text);
  }
  std::string src;
  if (!arg_string(I, a[0], src, "src")) return Value::exc();
  if (src.rfind("/files", 0) != 0 || src.find("..") != std::string::npos) return Value::none();
  if (src.size() >= 4 && src.compare(src.size() - 4, 4, ".svg") == 0) return Value::none();
  // get_site_path("public", src.lstrip("/")), held to public/files; a NUL
  // makes os.path.exists false.
  std::string under_public = src.substr(src.find_first_not_of('/'));
  if (under_public != "files" && under_public.rfind("files/", 0) != 0) return Value::none();
  if (src.find('\0') != std::string::npos) return Value::none();
  SiteFile f = find_site_file("public/files", under_public.substr(std::strlen("files")));
  if (f.state == Lookup::Missing || f.state == Lookup::Outside) return Value::none();
  if (f.state == Lookup::NotAFile) return unable_to_read(I, src);
  std::string content;
  struct stat info {};
  if (!read_site_file(I, f, 1, content, info)) return Value::exc();
  auto header = read_image_header(content);
  if (!header) return unable_to_read(I, src);
  std::uint64_t pixels = header->width * header->height;
  // The decoded image (4 bytes a pixel) and its working copies must fit.
  std::uint64_t limit = std::min<std::uint64_t>(
      kMaxImagePixels,
      I.heap.limit() > I.heap.bytes_used() ? (I.heap.limit() - I.heap.bytes_used()) / 12 : 0);
  if (header->width > 0x7fffffff || header->height > 0x7fffffff || pixels > limit) {
    return raise_frappe(I, "ValidationError",
                        "Image size (" + std::to_string(pixels) + " pixels) exceeds limit of " +
                            std::to_string(limit) +
                            " pixels, could be decompression bomb DOS attack.");
  }
  std::string extension;
  if (!thumbnail_extension(I, src, *header, extension)) return Value::exc();
  if (extension.empty()) return Value::none();
  if (!writable_image_extension(extension)) {
    return raise(I, types().NotImplementedError,
                 "get_thumbnail_base64_for_image writes png, jpeg, gif, webp and bmp "
                 "thumbnails, not " +
                     extension);
  }
  std::string key = f.real + '\n' + std::to_string(info.st_mtim.tv_sec) + '.' +
                    std::to_string(info.st_mtim.tv_nsec) + '\n' + std::to_string(info.st_size) +
                    '\n' + extension;
  if (auto cached = ThumbnailCache::instance().find(key)) return thumbnail_value(I, *cached);
  // Decoding, shrinking and encoding: a few tens of nanoseconds a pixel.
  sandbox::WorkTimer timer;
  if (!sandbox::charge_work(I, double(pixels) * 4 + double(content.size()) / 4, &timer))
    return Value::exc();
  CachedThumbnail thumb;
  try {
    thumb.data_url = "data:image/" + extension + ";base64," +
                     base64(make_thumbnail(content, *header, 50, extension));
  } catch (const ImageDecodeError& e) {
    return raise(I, types().OSError, e.what());
  } catch (const std::bad_alloc&) {
    return raise(I, types().MemoryError, "out of memory while making a thumbnail of " + src);
  }
  thumb.width = header->width;
  thumb.height = header->height;
  ThumbnailCache::instance().put(key, thumb);
  return thumbnail_value(I, thumb);
}

// image_to_base64(image, extn) saves a PIL Image; quire has no PIL, so no
// script can hold one: say so instead of failing on some attribute later.
QUIRE_NATIVE(u_image_to_base64) {
  Value a[2];
  if (!parse_args(I, "image_to_base64", args, nargs, kwnames, {"image", "extn"}, 2, a))
    return Value::exc();
  return raise(I, types().TypeError,
               "image_to_base64() expects a PIL Image, which scripts cannot make in quire (there "
               "is no PIL); get_thumbnail_base64_for_image(src) gives a site image's thumbnail");
}

}  // namespace

void add_file_functions(Type* utils) {
  host::define_method(utils, "pdf_to_base64", u_pdf_to_base64);
  host::define_method(utils, "get_thumbnail_base64_for_image", u_get_thumbnail_base64_for_image);
  host::define_method(utils, "image_to_base64", u_image_to_base64);
}

}  // namespace quire::scripting
