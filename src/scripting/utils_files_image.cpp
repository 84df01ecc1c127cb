// Image headers, and Pillow's thumbnail on libgd's pixels. The resampling
// follows Pillow 9 (Image.thumbnail, Image.resize, libImaging/Resample.c and
// Reduce.c) step by step so a thumbnail matches Pillow's within rounding:
// the same target size, the same box reduction by whole factors while the
// image is over twice the target, the same Lanczos weights in the same
// fixed point. Pillow's JPEG draft mode (DCT scaling while decoding) is
// approximated: libgd decodes the full image and a box reduction by the same
// scale stands in for the decoder's.
#include "scripting/utils_files_image.h"

#include <gd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

namespace quire::scripting {

namespace {

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         p[3];
}
std::uint32_t le16(const unsigned char* p) {
  return p[0] | (std::uint32_t{p[1]} << 8);
}
std::uint32_t le24(const unsigned char* p) {
  return le16(p) | (std::uint32_t{p[2]} << 16);
}
std::uint32_t le32(const unsigned char* p) {
  return le24(p) | (std::uint32_t{p[3]} << 24);
}

std::optional<ImageHeader> png_header(const unsigned char* p, std::size_t n) {
  if (n < 26 || std::memcmp(p + 12, "IHDR", 4) != 0) return std::nullopt;
  ImageHeader h{ImageFormat::Png, ImageMode::Plain, be32(p + 16), be32(p + 20)};
  int bit_depth = p[24], color_type = p[25];
  if (color_type == 3 || (color_type == 0 && bit_depth == 1)) h.mode = ImageMode::Palette;
  if (color_type == 4 || color_type == 6) h.mode = ImageMode::Alpha;
  return h;
}

// The frame size of the first SOFn segment (not DHT C4, JPG C8, DAC CC).
std::optional<ImageHeader> jpeg_header(const unsigned char* p, std::size_t n) {
  std::size_t i = 2;
  while (i + 4 <= n) {
    if (p[i] != 0xFF) return std::nullopt;
    unsigned marker = p[i + 1];
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;
      continue;
    }
    std::size_t length = (std::size_t{p[i + 2]} << 8) | p[i + 3];
    if (length < 2) return std::nullopt;
    bool frame =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (i + 9 > n) return std::nullopt;
      std::uint32_t height = (std::uint32_t{p[i + 5]} << 8) | p[i + 6];
      std::uint32_t width = (std::uint32_t{p[i + 7]} << 8) | p[i + 8];
      return ImageHeader{ImageFormat::Jpeg, ImageMode::Plain, width, height};
    }
    i += 2 + length;
  }
  return std::nullopt;
}

// The logical screen: libgd refuses frames that do not fit in it.
std::optional<ImageHeader> gif_header(const unsigned char* p, std::size_t n) {
  if (n < 10) return std::nullopt;
  return ImageHeader{ImageFormat::Gif, ImageMode::Palette, le16(p + 6), le16(p + 8)};
}

std::optional<ImageHeader> webp_header(const unsigned char* p, std::size_t n) {
  if (n < 30) return std::nullopt;
  ImageHeader h{ImageFormat::Webp, ImageMode::Plain, 0, 0};
  if (std::memcmp(p + 12, "VP8 ", 4) == 0) {
    if (p[23] != 0x9d || p[24] != 0x01 || p[25] != 0x2a) return std::nullopt;
    h.width = le16(p + 26) & 0x3fff;
    h.height = le16(p + 28) & 0x3fff;
  } else if (std::memcmp(p + 12, "VP8L", 4) == 0) {
    if (p[20] != 0x2f) return std::nullopt;
    std::uint32_t bits = le32(p + 21);
    h.width = (bits & 0x3fff) + 1;
    h.height = ((bits >> 14) & 0x3fff) + 1;
    if (bits & (1u << 28)) h.mode = ImageMode::Alpha;
  } else if (std::memcmp(p + 12, "VP8X", 4) == 0) {
    if (p[20] & 0x10) h.mode = ImageMode::Alpha;
    h.width = le24(p + 24) + 1;
    h.height = le24(p + 27) + 1;
  } else {
    return std::nullopt;
  }
  return h;
}

std::optional<ImageHeader> bmp_header(const unsigned char* p, std::size_t n) {
  if (n < 30) return std::nullopt;
  auto width = static_cast<std::int32_t>(le32(p + 18));
  auto height = static_cast<std::int32_t>(le32(p + 22));  // negative: rows top-down
  if (width <= 0 || height == 0 || height == INT32_MIN) return std::nullopt;
  ImageMode mode = le16(p + 28) <= 8 ? ImageMode::Palette : ImageMode::Plain;
  return ImageHeader{ImageFormat::Bmp, mode, static_cast<std::uint64_t>(width),
                     static_cast<std::uint64_t>(height < 0 ? -std::int64_t{height} : height)};
}

// ------------------------------------------------------------ pixels

// RGBA, 8 bits a channel, rows top to bottom.
struct Pixels {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
  std::uint8_t* at(int x, int y) { return &rgba[(std::size_t(y) * width + x) * 4]; }
};

struct GdImageDeleter {
  void operator()(gdImage* im) const {
    if (im) gdImageDestroy(im);
  }
};
using GdImage = std::unique_ptr<gdImage, GdImageDeleter>;

// libgd reports decoder trouble on stderr by default; a bad upload is an
// expected input here, answered by the function's result instead.
void quiet_gd_errors() {
  static std::once_flag once;
  std::call_once(once, [] { gdSetErrorMethod([](int, const char*, va_list) {}); });
}

// Scans in a JPEG: each begins with an SOS marker, and entropy-coded data
// never holds FF DA (a data FF is followed by 00 or a restart marker).
std::size_t jpeg_scans(std::string_view data) {
  std::size_t scans = 0;
  for (std::size_t i = data.find("\xFF\xDA"); i != std::string_view::npos;
       i = data.find("\xFF\xDA", i + 2))
    ++scans;
  return scans;
}

// A progressive JPEG is decoded once per scan: a file of thousands of tiny
// scans is a CPU bomb (libjpeg-turbo's own tools cap scans for this reason).
constexpr std::size_t kMaxJpegScans = 100;

Pixels decode(std::string_view data, ImageFormat format) {
  quiet_gd_errors();
  if (format == ImageFormat::Jpeg && jpeg_scans(data) > kMaxJpegScans) {
    throw ImageDecodeError("JPEG with more than " + std::to_string(kMaxJpegScans) + " scans");
  }
  int size = static_cast<int>(data.size());
  void* raw = const_cast<char*>(data.data());  // libgd's readers do not write
  GdImage im;
  switch (format) {
    case ImageFormat::Png:
      im.reset(gdImageCreateFromPngPtr(size, raw));
      break;
    case ImageFormat::Jpeg:
      im.reset(gdImageCreateFromJpegPtrEx(size, raw, 1));
      break;
    case ImageFormat::Gif:
      im.reset(gdImageCreateFromGifPtr(size, raw));
      break;
    case ImageFormat::Webp:
      im.reset(gdImageCreateFromWebpPtr(size, raw));
      break;
    case ImageFormat::Bmp:
      im.reset(gdImageCreateFromBmpPtr(size, raw));
      break;
  }
  if (!im) throw ImageDecodeError("broken data stream when reading image file");
  Pixels out;
  out.width = gdImageSX(im.get());
  out.height = gdImageSY(im.get());
  out.rgba.resize(std::size_t(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      int c = gdImageGetTrueColorPixel(im.get(), x, y);
      std::uint8_t* p = out.at(x, y);
      p[0] = static_cast<std::uint8_t>(gdTrueColorGetRed(c));
      p[1] = static_cast<std::uint8_t>(gdTrueColorGetGreen(c));
      p[2] = static_cast<std::uint8_t>(gdTrueColorGetBlue(c));
      // libgd's alpha is 7 bits, 0 opaque.
      p[3] = static_cast<std::uint8_t>(255 - (gdTrueColorGetAlpha(c) * 255 + 63) / 127);
    }
  }
  return out;
}

// Image.reduce((fx, fy)): each output pixel the rounded mean of its block
// (partial blocks at the right and bottom edges average what they hold).
Pixels reduce(Pixels& in, int fx, int fy) {
  Pixels out;
  out.width = (in.width + fx - 1) / fx;
  out.height = (in.height + fy - 1) / fy;
  out.rgba.resize(std::size_t(out.width) * out.height * 4);
  for (int oy = 0; oy < out.height; ++oy) {
    int y0 = oy * fy, y1 = std::min(y0 + fy, in.height);
    for (int ox = 0; ox < out.width; ++ox) {
      int x0 = ox * fx, x1 = std::min(x0 + fx, in.width);
      std::uint32_t count = std::uint32_t(x1 - x0) * (y1 - y0);
      std::uint32_t multiplier = (1u << 24) / count, amend = count / 2;
      std::uint64_t sum[4] = {0, 0, 0, 0};
      for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
          const std::uint8_t* p = in.at(x, y);
          for (int c = 0; c < 4; ++c) sum[c] += p[c];
        }
      }
      std::uint8_t* q = out.at(ox, oy);
      for (int c = 0; c < 4; ++c)
        q[c] = static_cast<std::uint8_t>(((sum[c] + amend) * multiplier) >> 24);
    }
  }
  return out;
}

double sinc(double x) {
  if (x == 0.0) return 1.0;
  x *= M_PI;
  return std::sin(x) / x;
}
double lanczos(double x) {
  return (-3.0 <= x && x < 3.0) ? sinc(x) * sinc(x / 3) : 0.0;
}

constexpr int kPrecisionBits = 32 - 8 - 2;

// Resample.c precompute_coeffs and normalize_coeffs_8bpc: for each output
// position the first input index, how many follow, and their fixed-point
// weights.
struct Coefficients {
  int ksize = 0;
  std::vector<int> bounds;  // (first, count) per output position
  std::vector<std::int32_t> weights;
};

Coefficients coefficients(int in_size, double in0, double in1, int out_size) {
  double scale = (in1 - in0) / out_size;
  double filterscale = scale < 1.0 ? 1.0 : scale;
  double support = 3.0 * filterscale;
  Coefficients k;
  k.ksize = static_cast<int>(std::ceil(support)) * 2 + 1;
  k.bounds.resize(std::size_t(out_size) * 2);
  k.weights.assign(std::size_t(out_size) * k.ksize, 0);
  std::vector<double> w(k.ksize);
  for (int xx = 0; xx < out_size; ++xx) {
    double center = in0 + (xx + 0.5) * scale;
    double ss = 1.0 / filterscale, ww = 0.0;
    int xmin = static_cast<int>(center - support + 0.5);
    if (xmin < 0) xmin = 0;
    int xmax = static_cast<int>(center + support + 0.5);
    if (xmax > in_size) xmax = in_size;
    xmax -= xmin;
    for (int x = 0; x < xmax; ++x) {
      w[x] = lanczos((x + xmin - center + 0.5) * ss);
      ww += w[x];
    }
    for (int x = 0; x < xmax; ++x) {
      double v = ww != 0.0 ? w[x] / ww : w[x];
      double fixed = v * (1 << kPrecisionBits);
      k.weights[std::size_t(xx) * k.ksize + x] =
          static_cast<std::int32_t>(v < 0 ? -0.5 + fixed : 0.5 + fixed);
    }
    k.bounds[xx * 2] = xmin;
    k.bounds[xx * 2 + 1] = xmax;
  }
  return k;
}

std::uint8_t clip8(std::int64_t v) {
  if (v >= (std::int64_t{1} << kPrecisionBits << 8)) return 255;
  if (v <= 0) return 0;
  return static_cast<std::uint8_t>(v >> kPrecisionBits);
}

// Image.resize(size, LANCZOS, box) on 4-channel pixels: the horizontal pass
// over the rows the vertical pass needs, then the vertical pass.
Pixels resample(Pixels& in, int out_w, int out_h, double box_w, double box_h) {
  Coefficients horiz = coefficients(in.width, 0, box_w, out_w);
  Coefficients vert = coefficients(in.height, 0, box_h, out_h);
  int first_row = vert.bounds[0];
  int last_row = vert.bounds[out_h * 2 - 2] + vert.bounds[out_h * 2 - 1];
  Pixels temp;
  temp.width = out_w;
  temp.height = last_row - first_row;
  temp.rgba.resize(std::size_t(temp.width) * temp.height * 4);
  for (int y = 0; y < temp.height; ++y) {
    for (int x = 0; x < out_w; ++x) {
      int xmin = horiz.bounds[x * 2], count = horiz.bounds[x * 2 + 1];
      const std::int32_t* k = &horiz.weights[std::size_t(x) * horiz.ksize];
      std::uint8_t* q = temp.at(x, y);
      for (int c = 0; c < 4; ++c) {
        std::int64_t ss = std::int64_t{1} << (kPrecisionBits - 1);
        for (int i = 0; i < count; ++i)
          ss += std::int64_t{in.at(xmin + i, y + first_row)[c]} * k[i];
        q[c] = clip8(ss);
      }
    }
  }
  Pixels out;
  out.width = out_w;
  out.height = out_h;
  out.rgba.resize(std::size_t(out_w) * out_h * 4);
  for (int y = 0; y < out_h; ++y) {
    int ymin = vert.bounds[y * 2] - first_row, count = vert.bounds[y * 2 + 1];
    const std::int32_t* k = &vert.weights[std::size_t(y) * vert.ksize];
    for (int x = 0; x < out_w; ++x) {
      std::uint8_t* q = out.at(x, y);
      for (int c = 0; c < 4; ++c) {
        std::int64_t ss = std::int64_t{1} << (kPrecisionBits - 1);
        for (int i = 0; i < count; ++i) ss += std::int64_t{temp.at(x, ymin + i)[c]} * k[i];
        q[c] = clip8(ss);
      }
    }
  }
  return out;
}

// Pillow's NEAREST resize (palette images), as Geometry.c's
// ImagingScaleAffine walks it: the source position starts half a step in
// and grows by adding the step (the sums' rounding decides which pixel a
// boundary picks, so the same sums are made here).
Pixels nearest(Pixels& in, int out_w, int out_h) {
  Pixels out;
  out.width = out_w;
  out.height = out_h;
  out.rgba.resize(std::size_t(out_w) * out_h * 4);
  double sx = double(in.width) / out_w, sy = double(in.height) / out_h;
  std::vector<int> columns(out_w);
  double xo = sx * 0.5;
  for (int x = 0; x < out_w; ++x, xo += sx)
    columns[x] = std::min(static_cast<int>(xo), in.width - 1);
  double yo = sy * 0.5;
  for (int y = 0; y < out_h; ++y, yo += sy) {
    int iy = std::min(static_cast<int>(yo), in.height - 1);
    for (int x = 0; x < out_w; ++x) std::memcpy(out.at(x, y), in.at(columns[x], iy), 4);
  }
  return out;
}

// RGBA <-> RGBa (Convert.c rgbA2rgba and rgba2rgbA).
void premultiply(Pixels& p) {
  for (std::size_t i = 0; i < p.rgba.size(); i += 4) {
    unsigned a = p.rgba[i + 3];
    for (int c = 0; c < 3; ++c) {
      unsigned tmp = p.rgba[i + c] * a + 128;
      p.rgba[i + c] = static_cast<std::uint8_t>(((tmp >> 8) + tmp) >> 8);
    }
  }
}
void unpremultiply(Pixels& p) {
  for (std::size_t i = 0; i < p.rgba.size(); i += 4) {
    unsigned a = p.rgba[i + 3];
    if (a == 0 || a == 255) continue;
    for (int c = 0; c < 3; ++c) {
      p.rgba[i + c] = static_cast<std::uint8_t>(std::min(255u, 255u * p.rgba[i + c] / a));
    }
  }
}

// Image.thumbnail((box, box), LANCZOS) with its default reducing_gap of 2.
// A JPEG is first reduced by the scale Pillow's draft mode would have the
// decoder apply (1/2, 1/4 or 1/8 while at least twice the target remains),
// keeping Pillow's geometry: the resize box is then the original size over
// that scale, not the rounded-up reduced size.
Pixels shrink(Pixels in, const ImageHeader& header, int box, int out_w, int out_h) {
  if (header.mode == ImageMode::Palette) return nearest(in, out_w, out_h);
  if (header.mode == ImageMode::Alpha) {
    // Image.resize converts RGBA to RGBa and resizes that without reducing.
    premultiply(in);
    Pixels out = resample(in, out_w, out_h, in.width, in.height);
    unpremultiply(out);
    return out;
  }
  double box_w = in.width, box_h = in.height;
  if (header.format == ImageFormat::Jpeg) {
    int scale = std::min(in.width / (box * 2), in.height / (box * 2));
    scale = scale >= 8 ? 8 : scale >= 4 ? 4 : scale >= 2 ? 2 : 1;
    if (scale > 1) {
      in = reduce(in, scale, scale);
      box_w /= scale;
      box_h /= scale;
    }
  }
  int fx = std::max(1, static_cast<int>(box_w / out_w / 2.0));
  int fy = std::max(1, static_cast<int>(box_h / out_h / 2.0));
  if (fx > 1 || fy > 1) {
    in = reduce(in, fx, fy);
    box_w /= fx;
    box_h /= fy;
  }
  return resample(in, out_w, out_h, box_w, box_h);
}

// ------------------------------------------------------------ encoding

std::uint8_t gd_alpha(std::uint8_t a) {
  return static_cast<std::uint8_t>(((255 - a) * 127 + 127) / 255);
}

GdImage truecolor_image(const Pixels& p) {
  GdImage im(gdImageCreateTrueColor(p.width, p.height));
  if (!im) throw std::bad_alloc();
  gdImageAlphaBlending(im.get(), 0);
  gdImageSaveAlpha(im.get(), 1);
  for (int y = 0; y < p.height; ++y) {
    for (int x = 0; x < p.width; ++x) {
      const std::uint8_t* q = &p.rgba[(std::size_t(y) * p.width + x) * 4];
      im->tpixels[y][x] = gdTrueColorAlpha(q[0], q[1], q[2], gd_alpha(q[3]));
    }
  }
  return im;
}

// A GIF needs a palette: the thumbnail's own colours when they are at most
// 256 (always so for a nearest-neighbour shrink of a GIF), else libgd's
// quantizer. Pixels under half opacity become the transparent index.
GdImage palette_image(const Pixels& p) {
  std::map<std::uint32_t, int> colors;
  bool transparent = false;
  for (std::size_t i = 0; i < p.rgba.size(); i += 4) {
    if (p.rgba[i + 3] < 128) {
      transparent = true;
      continue;
    }
    colors.emplace((std::uint32_t{p.rgba[i]} << 16) | (p.rgba[i + 1] << 8) | p.rgba[i + 2], 0);
  }
  if (colors.size() + (transparent ? 1 : 0) > 256) {
    GdImage im = truecolor_image(p);
    if (!gdImageTrueColorToPalette(im.get(), 0, 256)) throw std::bad_alloc();
    return im;
  }
  GdImage im(gdImageCreate(p.width, p.height));
  if (!im) throw std::bad_alloc();
  int clear = -1;
  if (transparent) {
    clear = gdImageColorAllocate(im.get(), 0, 0, 0);
    gdImageColorTransparent(im.get(), clear);
  }
  for (auto& [rgb, index] : colors) {
    index = gdImageColorAllocate(im.get(), rgb >> 16, (rgb >> 8) & 255, rgb & 255);
  }
  for (int y = 0; y < p.height; ++y) {
    for (int x = 0; x < p.width; ++x) {
      const std::uint8_t* q = &p.rgba[(std::size_t(y) * p.width + x) * 4];
      std::uint32_t rgb = (std::uint32_t{q[0]} << 16) | (q[1] << 8) | q[2];
      im->pixels[y][x] = static_cast<unsigned char>(q[3] < 128 ? clear : colors[rgb]);
    }
  }
  return im;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string encode(const Pixels& p, std::string_view extension) {
  std::string ext = lower(extension);
  int size = 0;
  void* bytes = nullptr;
  if (ext == "gif") {
    GdImage im = palette_image(p);
    bytes = gdImageGifPtr(im.get(), &size);
  } else {
    GdImage im = truecolor_image(p);
    // Pillow's defaults: JPEG quality 75, WebP quality 80, PNG level 6.
    if (ext == "png") bytes = gdImagePngPtrEx(im.get(), &size, 6);
    if (ext == "jpg" || ext == "jpeg" || ext == "jpe") bytes = gdImageJpegPtr(im.get(), &size, 75);
    if (ext == "webp") bytes = gdImageWebpPtrEx(im.get(), &size, 80);
    if (ext == "bmp") bytes = gdImageBmpPtr(im.get(), &size, 0);
  }
  if (!bytes) throw std::bad_alloc();
  std::string out(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
  gdFree(bytes);
  return out;
}

}  // namespace

std::optional<ImageHeader> read_image_header(std::string_view data) {
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  std::size_t n = data.size();
  if (n >= 8 && std::memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0) return png_header(p, n);
  if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF) return jpeg_header(p, n);
  if (n >= 6 && (std::memcmp(p, "GIF87a", 6) == 0 || std::memcmp(p, "GIF89a", 6) == 0))
    return gif_header(p, n);
  if (n >= 12 && std::memcmp(p, "RIFF", 4) == 0 && std::memcmp(p + 8, "WEBP", 4) == 0)
    return webp_header(p, n);
  if (n >= 2 && p[0] == 'B' && p[1] == 'M') return bmp_header(p, n);
  return std::nullopt;
}

const char* image_format_name(ImageFormat format) {
  switch (format) {
    case ImageFormat::Png:
      return "png";
    case ImageFormat::Jpeg:
      return "jpeg";
    case ImageFormat::Gif:
      return "gif";
    case ImageFormat::Webp:
      return "webp";
    case ImageFormat::Bmp:
      return "bmp";
  }
  return "";
}

std::optional<std::pair<int, int>> thumbnail_size(std::uint64_t width, std::uint64_t height,
                                                  int box) {
  if (width == 0 || height == 0) return std::nullopt;
  if (std::uint64_t(box) >= width && std::uint64_t(box) >= height) return std::nullopt;
  double aspect = double(width) / double(height);
  // round_aspect: floor or ceil, whichever keeps the aspect closer (floor on
  // a tie), and at least 1.
  auto round_aspect = [](double number, auto key) {
    double lo = std::floor(number), hi = std::ceil(number);
    return std::max(static_cast<int>(key(hi) < key(lo) ? hi : lo), 1);
  };
  int x = box, y = box;
  if (double(x) / y >= aspect) {
    x = round_aspect(y * aspect, [&](double n) { return std::abs(aspect - n / y); });
  } else {
    y = round_aspect(x / aspect,
                     [&](double n) { return n == 0 ? 0.0 : std::abs(aspect - double(x) / n); });
  }
  return std::make_pair(x, y);
}

bool writable_image_extension(std::string_view extension) {
  std::string ext = lower(extension);
  for (const char* e : {"png", "jpg", "jpeg", "jpe", "gif", "webp", "bmp"}) {
    if (ext == e) return true;
  }
  return false;
}

std::string make_thumbnail(std::string_view data, const ImageHeader& header, int box,
                           std::string_view extension) {
  Pixels pixels = decode(data, header.format);
  if (auto size = thumbnail_size(pixels.width, pixels.height, box)) {
    pixels = shrink(std::move(pixels), header, box, size->first, size->second);
  }
  return encode(pixels, extension);
}

}  // namespace quire::scripting
