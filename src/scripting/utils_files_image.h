#pragma once
// The image work behind frappe.utils.get_thumbnail_base64_for_image: what an
// image file announces in its header (format, size: checked before anything
// is decoded, as the file is whatever a user uploaded), and Pillow's
// Image.thumbnail((50, 50), LANCZOS) redone on pixels libgd decodes and
// encodes (PNG, JPEG, GIF, WebP, BMP).

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace quire::scripting {

enum class ImageFormat { Png, Jpeg, Gif, Webp, Bmp };

// How Pillow would hold the image once opened, which decides how it resizes:
// palette ("P", "1") images by nearest neighbour, images with an alpha
// channel premultiplied, the rest with a box reduction before the filter.
enum class ImageMode { Plain, Palette, Alpha };

struct ImageHeader {
  ImageFormat format;
  ImageMode mode;
  std::uint64_t width = 0;
  std::uint64_t height = 0;
};

// The header of `data` when it is one of the formats quire decodes and its
// size can be read; nullopt otherwise (the caller's "cannot identify").
std::optional<ImageHeader> read_image_header(std::string_view data);

// The extension imghdr would name the format by ("png", "jpeg", ...).
const char* image_format_name(ImageFormat format);

// Pillow's thumbnail size for a width x height image fitted in box x box
// (preserving the aspect ratio, at least 1 pixel a side); nullopt when the
// image already fits (Pillow leaves it untouched).
std::optional<std::pair<int, int>> thumbnail_size(std::uint64_t width, std::uint64_t height,
                                                  int box);

// Whether make_thumbnail can write an image for this extension (case-blind:
// png, jpg, jpeg, jpe, gif, webp, bmp).
bool writable_image_extension(std::string_view extension);

struct ImageDecodeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Decodes `data` (whose header is `header`), shrinks it into box x box as
// Pillow's thumbnail with LANCZOS does, and encodes it as `extension` says
// (writable_image_extension must hold). Throws ImageDecodeError when the
// data cannot be decoded, std::bad_alloc when libgd runs out of memory.
std::string make_thumbnail(std::string_view data, const ImageHeader& header, int box,
                           std::string_view extension);

}  // namespace quire::scripting
