// mimetypes.guess_type (CPython 3.11 Lib/mimetypes.py), step by step: the
// URL's scheme is split off (a data: URL names its own type), then the
// extension of the last path part goes through suffix_map (".tgz" ->
// ".tar.gz"), encodings_map (case-sensitive) and types_map (tried as given,
// then lower-cased; common_types too when not strict). The tables below are
// CPython 3.11's built-in ones; the machine's mime.types files (the knownfiles
// python3 reads at its first guess) are laid over them once, as python3 does.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/utils_mimetypes.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

struct Entry {
  const char* key;
  const char* value;
};

// clang-format off
const Entry kStrictTypes[] = {
    {".3g2", "audio/3gpp2"}, {".3gp", "audio/3gpp"}, {".3gpp", "audio/3gpp"},
    {".3gpp2", "audio/3gpp2"}, {".a", "application/octet-stream"}, {".aac", "audio/aac"},
    {".adts", "audio/aac"}, {".ai", "application/postscript"}, {".aif", "audio/x-aiff"},
    {".aifc", "audio/x-aiff"}, {".aiff", "audio/x-aiff"}, {".ass", "audio/aac"},
    {".au", "audio/basic"}, {".avi", "video/x-msvideo"}, {".avif", "image/avif"},
    {".bat", "text/plain"}, {".bcpio", "application/x-bcpio"},
    {".bin", "application/octet-stream"}, {".bmp", "image/bmp"}, {".c", "text/plain"},
    {".cdf", "application/x-netcdf"}, {".cpio", "application/x-cpio"},
    {".csh", "application/x-csh"}, {".css", "text/css"}, {".csv", "text/csv"},
    {".dll", "application/octet-stream"}, {".doc", "application/msword"},
    {".dot", "application/msword"}, {".dvi", "application/x-dvi"}, {".eml", "message/rfc822"},
    {".eps", "application/postscript"}, {".etx", "text/x-setext"},
    {".exe", "application/octet-stream"}, {".gif", "image/gif"}, {".gtar", "application/x-gtar"},
    {".h", "text/plain"}, {".h5", "application/x-hdf5"}, {".hdf", "application/x-hdf"},
    {".heic", "image/heic"}, {".heif", "image/heif"}, {".htm", "text/html"},
    {".html", "text/html"}, {".ico", "image/vnd.microsoft.icon"}, {".ief", "image/ief"},
    {".jpe", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".jpg", "image/jpeg"},
    {".js", "application/javascript"}, {".json", "application/json"}, {".ksh", "text/plain"},
    {".latex", "application/x-latex"}, {".loas", "audio/aac"}, {".m1v", "video/mpeg"},
    {".m3u", "application/vnd.apple.mpegurl"}, {".m3u8", "application/vnd.apple.mpegurl"},
    {".man", "application/x-troff-man"}, {".me", "application/x-troff-me"},
    {".mht", "message/rfc822"}, {".mhtml", "message/rfc822"}, {".mif", "application/x-mif"},
    {".mjs", "application/javascript"}, {".mov", "video/quicktime"},
    {".movie", "video/x-sgi-movie"}, {".mp2", "audio/mpeg"}, {".mp3", "audio/mpeg"},
    {".mp4", "video/mp4"}, {".mpa", "video/mpeg"}, {".mpe", "video/mpeg"},
    {".mpeg", "video/mpeg"}, {".mpg", "video/mpeg"}, {".ms", "application/x-troff-ms"},
    {".n3", "text/n3"}, {".nc", "application/x-netcdf"}, {".nq", "application/n-quads"},
    {".nt", "application/n-triples"}, {".nws", "message/rfc822"},
    {".o", "application/octet-stream"}, {".obj", "application/octet-stream"},
    {".oda", "application/oda"}, {".opus", "audio/opus"}, {".p12", "application/x-pkcs12"},
    {".p7c", "application/pkcs7-mime"}, {".pbm", "image/x-portable-bitmap"},
    {".pdf", "application/pdf"}, {".pfx", "application/x-pkcs12"},
    {".pgm", "image/x-portable-graymap"}, {".pl", "text/plain"}, {".png", "image/png"},
    {".pnm", "image/x-portable-anymap"}, {".pot", "application/vnd.ms-powerpoint"},
    {".ppa", "application/vnd.ms-powerpoint"}, {".ppm", "image/x-portable-pixmap"},
    {".pps", "application/vnd.ms-powerpoint"}, {".ppt", "application/vnd.ms-powerpoint"},
    {".ps", "application/postscript"}, {".pwz", "application/vnd.ms-powerpoint"},
    {".py", "text/x-python"}, {".pyc", "application/x-python-code"},
    {".pyo", "application/x-python-code"}, {".qt", "video/quicktime"},
    {".ra", "audio/x-pn-realaudio"}, {".ram", "application/x-pn-realaudio"},
    {".ras", "image/x-cmu-raster"}, {".rdf", "application/xml"}, {".rgb", "image/x-rgb"},
    {".roff", "application/x-troff"}, {".rtx", "text/richtext"}, {".sgm", "text/x-sgml"},
    {".sgml", "text/x-sgml"}, {".sh", "application/x-sh"}, {".shar", "application/x-shar"},
    {".snd", "audio/basic"}, {".so", "application/octet-stream"},
    {".src", "application/x-wais-source"}, {".srt", "text/plain"},
    {".sv4cpio", "application/x-sv4cpio"}, {".sv4crc", "application/x-sv4crc"},
    {".svg", "image/svg+xml"}, {".swf", "application/x-shockwave-flash"},
    {".t", "application/x-troff"}, {".tar", "application/x-tar"}, {".tcl", "application/x-tcl"},
    {".tex", "application/x-tex"}, {".texi", "application/x-texinfo"},
    {".texinfo", "application/x-texinfo"}, {".tif", "image/tiff"}, {".tiff", "image/tiff"},
    {".tr", "application/x-troff"}, {".trig", "application/trig"},
    {".tsv", "text/tab-separated-values"}, {".txt", "text/plain"},
    {".ustar", "application/x-ustar"}, {".vcf", "text/x-vcard"}, {".vtt", "text/vtt"},
    {".wasm", "application/wasm"}, {".wav", "audio/x-wav"}, {".webm", "video/webm"},
    {".webmanifest", "application/manifest+json"}, {".wiz", "application/msword"},
    {".wsdl", "application/xml"}, {".xbm", "image/x-xbitmap"},
    {".xlb", "application/vnd.ms-excel"}, {".xls", "application/vnd.ms-excel"},
    {".xml", "text/xml"}, {".xpdl", "application/xml"}, {".xpm", "image/x-xpixmap"},
    {".xsl", "application/xml"}, {".xwd", "image/x-xwindowdump"}, {".zip", "application/zip"},
};
const Entry kCommonTypes[] = {
    {".jpg", "image/jpg"}, {".mid", "audio/midi"}, {".midi", "audio/midi"},
    {".pct", "image/pict"}, {".pic", "image/pict"}, {".pict", "image/pict"},
    {".rtf", "application/rtf"}, {".webp", "image/webp"}, {".xul", "text/xul"},
};
const Entry kSuffixes[] = {
    {".svgz", ".svg.gz"}, {".taz", ".tar.gz"}, {".tbz2", ".tar.bz2"}, {".tgz", ".tar.gz"},
    {".txz", ".tar.xz"}, {".tz", ".tar.gz"},
};
const Entry kEncodings[] = {
    {".Z", "compress"}, {".br", "br"}, {".bz2", "bzip2"}, {".gz", "gzip"}, {".xz", "xz"},
};
// clang-format on

template <std::size_t N>
const char* find(const Entry (&table)[N], std::string_view key) {
  for (const Entry& e : table) {
    if (key == e.key) return e.value;
  }
  return nullptr;
}

// mimetypes.knownfiles, read in order (a later file's entry wins), each line
// "type ext ext ..." up to a "#".
const std::unordered_map<std::string, std::string>& strict_types() {
  static const std::unordered_map<std::string, std::string> types = [] {
    std::unordered_map<std::string, std::string> out;
    for (const Entry& e : kStrictTypes) out[e.key] = e.value;
    for (const char* path :
         {"/etc/mime.types", "/etc/httpd/mime.types", "/etc/httpd/conf/mime.types",
          "/etc/apache/mime.types", "/etc/apache2/mime.types",
          "/usr/local/etc/httpd/conf/mime.types", "/usr/local/lib/netscape/mime.types",
          "/usr/local/etc/httpd/conf/mime.types", "/usr/local/etc/mime.types"}) {
      std::ifstream file(path);
      std::string line;
      while (std::getline(file, line)) {
        std::istringstream words(line);
        std::string type, word;
        if (!(words >> type) || type[0] == '#') continue;
        while (words >> word && word[0] != '#') out["." + word] = type;
      }
    }
    return out;
  }();
  return types;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// posixpath.splitext: the extension starts at the last dot of the last path
// part, unless only dots lead up to it (".bashrc" has none).
void splitext(std::string_view path, std::string& base, std::string& ext) {
  std::size_t slash = path.rfind('/');
  std::size_t start = slash == std::string_view::npos ? 0 : slash + 1;
  std::size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && dot >= start) {
    std::size_t first = start;
    while (first < dot && path[first] == '.') ++first;
    if (first < dot) {
      base = std::string(path.substr(0, dot));
      ext = std::string(path.substr(dot));
      return;
    }
  }
  base = std::string(path);
  ext.clear();
}

}  // namespace

GuessedType guess_mime_type(std::string_view url, bool strict) {
  // urllib.parse._splittype: "scheme:rest" when the text before the first
  // colon holds no "/" (the scheme lower-cased).
  std::size_t colon = url.find(':');
  if (colon != std::string_view::npos && colon > 0 &&
      url.substr(0, colon).find('/') == std::string_view::npos) {
    std::string scheme = lower(url.substr(0, colon));
    url = url.substr(colon + 1);
    if (scheme == "data") {
      std::size_t comma = url.find(',');
      if (comma == std::string_view::npos) return {};
      std::size_t semi = url.substr(0, comma).find(';');
      std::string type(url.substr(0, semi == std::string_view::npos ? comma : semi));
      if (type.find('=') != std::string::npos || type.find('/') == std::string::npos) {
        type = "text/plain";
      }
      return {type, std::nullopt};
    }
  }
  std::string base, ext;
  splitext(url, base, ext);
  while (const char* suffix = find(kSuffixes, lower(ext))) splitext(base + suffix, base, ext);
  GuessedType out;
  if (const char* encoding = find(kEncodings, ext)) {
    out.encoding = encoding;
    std::string stem = base;
    splitext(stem, base, ext);
  }
  ext = lower(ext);
  if (auto type = strict_types().find(ext); type != strict_types().end()) {
    out.type = type->second;
  } else if (!strict) {
    if (const char* common = find(kCommonTypes, ext)) out.type = common;
  }
  return out;
}

Value guess_mimetype_native(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
                            void*) {
  Value a[2];
  if (!parse_args(I, "guess_type", args, nargs, kwnames, {"url", "strict"}, 1, a))
    return Value::exc();
  if (!is_str(a[0])) {
    return raise(I, types().TypeError,
                 "expected str, bytes or os.PathLike object, not " + type_name(a[0]));
  }
  bool strict = true;
  if (!opt_bool(I, a[1], strict, true)) return Value::exc();
  GuessedType guessed = guess_mime_type(as_str(a[0])->view(), strict);
  Value pair[2] = {guessed.type ? new_str(I, *guessed.type) : Value::none(),
                   guessed.encoding ? new_str(I, *guessed.encoding) : Value::none()};
  Value tuple = new_tuple_from(I, pair, 2);
  decref(pair[0]);
  decref(pair[1]);
  return tuple;
}

}  // namespace quire::scripting
