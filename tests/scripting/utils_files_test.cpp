// frappe.utils.pdf_to_base64, get_thumbnail_base64_for_image and
// image_to_base64 on a temporary site folder. PDFs are compared with
// python3's base64 of the same file; thumbnails with Pillow's (Debian
// python3-pil) thumbnail((50, 50), LANCZOS) of the same image, decoded on
// both sides: the size and the data: prefix exactly, the pixels within a
// tolerance (the encoders are not byte-identical). Paths that lead out of
// the site's files folders, and corrupt, truncated or oversized images, are
// refused without reading outside and without crashing (this binary also
// runs under AddressSanitizer).

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

namespace fs = std::filesystem;

class UtilsFiles : public ScriptingTest {
 public:
  void configure(ScriptSettings& settings) override {
    char tmpl[] = "/tmp/quire_utils_files_XXXXXX";
    root = mkdtemp(tmpl);
    site = root / "site1";
    fs::create_directories(site / "public" / "files");
    fs::create_directories(site / "private" / "files");
    settings.site_dir = site.string();
  }
  void TearDown() override { fs::remove_all(root); }

  void write(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  fs::path files() { return site / "public" / "files"; }

  // Runs a python3 program with Pillow, or skips the test when it is missing.
  std::string pil(const std::string& body) {
    std::string out = run_python(
        "try:\n    from PIL import Image\nexcept ImportError:\n"
        "    print('SKIP python3-pil')\n    raise SystemExit\n" +
            body,
        "/usr/bin/python3");
    return out;
  }

  fs::path root, site;
};

#define SKIP_WITHOUT_PIL(out) \
  if ((out).rfind("SKIP", 0) == 0) GTEST_SKIP() << (out)

TEST_F(UtilsFiles, PdfToBase64IsPythonsBase64OfTheFile) {
  std::string content("%PDF-1.4\n\x00\x01\xff binary \x80 tail\n", 28);
  for (int i = 0; i < 300; ++i) content += static_cast<char>(i * 7);
  write(files() / "doc.pdf", content);
  write(site / "private" / "files" / "secret.PDF", content + "private");
  fs::create_directories(files() / "sub");
  write(files() / "sub" / "deep.pdf", "deep");
  std::string expected = run_python(
      "import base64\n"
      "for p in ['" +
      (files() / "doc.pdf").string() + "', '" + (files() / "doc.pdf").string() + "', '" +
      (site / "private/files/secret.PDF").string() + "', '" + (files() / "sub/deep.pdf").string() +
      "']:\n"
      "    print(base64.b64encode(open(p, 'rb').read()))\n");
  EXPECT_EQ(run("print(frappe.utils.pdf_to_base64('/files/doc.pdf'))\n"
                "print(frappe.utils.pdf_to_base64('doc.pdf'))\n"
                "print(frappe.utils.pdf_to_base64('/private/files/secret.PDF'))\n"
                "print(frappe.utils.pdf_to_base64('/files/sub/deep.pdf'))\n"),
            expected);
}

TEST_F(UtilsFiles, PdfToBase64RefusesWhatFrappeRefuses) {
  write(files() / "a.txt", "text");
  // Not a PDF name, or a climbing one: None before any lookup.
  EXPECT_EQ(run("print(frappe.utils.pdf_to_base64('/files/a.txt'), "
                "frappe.utils.pdf_to_base64('../../etc/passwd.pdf'), "
                "frappe.utils.pdf_to_base64('/files/x/../../../site_config.pdf'), "
                "frappe.utils.pdf_to_base64('/files/a.Pdf'))\n"),
            "None None None None\n");
  // get_file_path's messages.
  EXPECT_EQ(run("frappe.utils.pdf_to_base64('/etc/passwd.pdf')\n"),
            "ValidationError: There is some problem with the file url: /etc/passwd.pdf");
  EXPECT_EQ(run("frappe.utils.pdf_to_base64('files/x.pdf')\n"),
            "ValidationError: There is some problem with the file url: files/x.pdf");
  EXPECT_EQ(run("frappe.utils.pdf_to_base64('/files/missing.pdf')\n"),
            "FileNotFoundError: [Errno 2] No such file or directory: "
            "'./site1/public/files/missing.pdf'");
  // A Windows separator is a file name character on the server: no climbing.
  EXPECT_EQ(run("frappe.utils.pdf_to_base64('..\\\\..\\\\x.pdf')\n"),
            "FileNotFoundError: [Errno 2] No such file or directory: "
            "'./site1/public/files/..\\\\..\\\\x.pdf'");
  EXPECT_EQ(run("frappe.utils.pdf_to_base64('/files/a\\x00.pdf')\n"),
            "ValueError: embedded null byte");
  EXPECT_EQ(run("frappe.utils.pdf_to_base64(None)\n").rfind("TypeError", 0), 0u);
}

TEST_F(UtilsFiles, PdfToBase64NeverReadsOutsideTheFilesFolders) {
  write(root / "outside.pdf", "secret outside the site");
  write(site / "site_config.pdf", "site secret");
  fs::create_symlink(root / "outside.pdf", files() / "link.pdf");
  fs::create_directory_symlink(site, files() / "up");
  fs::create_directories(files() / "folder.pdf");
  EXPECT_EQ(run("frappe.utils.pdf_to_base64('/files/link.pdf')\n"),
            "ValidationError: Cannot access file path ./site1/public/files/link.pdf");
  EXPECT_EQ(run("frappe.utils.pdf_to_base64('/files/up/site_config.pdf')\n"),
            "ValidationError: Cannot access file path ./site1/public/files/up/site_config.pdf");
  EXPECT_EQ(run("frappe.utils.pdf_to_base64('/files//" + (root / "outside.pdf").string() + "')\n")
                .rfind("FileNotFoundError", 0),
            0u);
  EXPECT_EQ(run("frappe.utils.pdf_to_base64('/files/folder.pdf')\n"),
            "OSError: [Errno 21] Is a directory: './site1/public/files/folder.pdf'");
}

// Images made by Pillow, thumbnailed by Pillow as Frappe does and by quire;
// the comparison decodes both.
TEST_F(UtilsFiles, ThumbnailMatchesPillow) {
  std::string dir = files().string();
  std::string made = pil(
      "import math\n"
      "d = '" +
      dir +
      "'\n"
      "def grad(mode, w, h):\n"
      "    im = Image.new(mode, (w, h))\n"
      "    px = im.load()\n"
      "    for y in range(h):\n"
      "        for x in range(w):\n"
      "            v = (int(127 + 120 * math.sin(x / 9.0)), (x * 255) // w, (y * 255) // h,\n"
      "                 255 - (x * y) % 256)\n"
      "            px[x, y] = v[:len(mode)]\n"
      "    return im\n"
      "grad('RGB', 200, 120).save(d + '/wide.png')\n"
      "grad('RGB', 120, 333).save(d + '/tall.png')\n"
      "grad('RGB', 640, 480).save(d + '/photo.jpg', quality=90)\n"
      "grad('RGB', 300, 200).save(d + '/photo.JPEG', quality=90)\n"
      "grad('RGBA', 90, 160).save(d + '/alpha.png')\n"
      "grad('RGB', 64, 64).save(d + '/pic.webp', lossless=True)\n"
      "grad('RGB', 30, 20).save(d + '/small.png')\n"
      "grad('RGB', 100, 100).save(d + '/pic.bmp')\n"
      "grad('RGB', 130, 90).convert('P', palette=Image.ADAPTIVE, colors=64).save(d + '/anim.gif')\n"
      "grad('RGB', 80, 60).save(d + '/noext', 'PNG')\n"
      "print('made')\n");
  SKIP_WITHOUT_PIL(made);
  ASSERT_EQ(made, "made\n");
  const char* sources[] = {"/files/wide.png",   "/files/tall.png",  "/files/photo.jpg",
                           "/files/photo.JPEG", "/files/alpha.png", "/files/pic.webp",
                           "/files/small.png",  "/files/pic.bmp",   "/files/anim.gif",
                           "/files/noext"};
  std::string script = "for src in [";
  for (const char* s : sources) script += std::string("'") + s + "', ";
  script += "]:\n    print(json.dumps(frappe.utils.get_thumbnail_base64_for_image(src)))\n";
  std::string got = run(script);
  write(root / "quire.jsonl", got);
  // Frappe's _get_base64 on Pillow, then both thumbnails decoded and compared.
  std::string verdict =
      pil("import base64, io, json, mimetypes, imghdr\n"
          "d = '" +
          dir +
          "'\n"
          "got = [json.loads(l) for l in open('" +
          (root / "quire.jsonl").string() +
          "')]\n"
          "srcs = " +
          [&] {
            std::string list = "[";
            for (const char* s : sources) list += std::string("'") + s + "', ";
            return list + "]";
          }() +
          "\n"
          "def frappe(src):\n"
          "    path = d + '/' + src.split('?')[0][len('/files/'):]\n"
          "    image = Image.open(path)\n"
          "    try:\n"
          "        filename, extn = src.rsplit('.', 1)\n"
          "        extn = extn.split('?', 1)[0]\n"
          "    except ValueError:\n"
          "        extn = imghdr.what(path)\n"
          "    size = image.size\n"
          "    image.thumbnail((50, 50), Image.Resampling.LANCZOS)\n"
          "    buf = io.BytesIO()\n"
          "    image.save(buf, 'JPEG' if extn.lower() in ('jpg', 'jpe') else extn)\n"
          "    return {'base64': 'data:image/%s;base64,%s' % (extn, "
          "base64.b64encode(buf.getvalue()).decode()),\n"
          "            'width': size[0], 'height': size[1]}\n"
          "def pixels(url):\n"
          "    im = Image.open(io.BytesIO(base64.b64decode(url.split(',', 1)[1])))\n"
          "    return im.size, list(im.convert('RGBA').getdata())\n"
          "for src, q in zip(srcs, got):\n"
          "    f = frappe(src)\n"
          "    qs, qp = pixels(q['base64'])\n"
          "    fs, fp = pixels(f['base64'])\n"
          "    diffs = [abs(a - b) for p1, p2 in zip(qp, fp) for a, b in zip(p1, p2)]\n"
          "    lossy = src.lower().endswith(('.jpg', '.jpeg'))\n"
          "    mean = sum(diffs) / len(diffs)\n"
          "    ok = (q['width'], q['height']) == (f['width'], f['height']) and qs == fs and \\\n"
          "        q['base64'].split(',')[0] == f['base64'].split(',')[0] and \\\n"
          "        mean <= (3 if lossy else 1.5) and max(diffs) <= (48 if lossy else 24)\n"
          "    print(src, 'ok' if ok else 'DIFFERS', (q['width'], q['height']), qs,\n"
          "          q['base64'].split(',')[0], '| pillow', (f['width'], f['height']), fs,\n"
          "          f['base64'].split(',')[0], 'mean %.2f max %d' % (mean, max(diffs)))\n");
  SKIP_WITHOUT_PIL(verdict);
  std::size_t lines = verdict.rfind("/files/", 0) == 0 ? 1 : 0;  // one verdict line per image
  for (std::size_t at = 0; (at = verdict.find("\n/files/", at)) != std::string::npos; ++at) ++lines;
  EXPECT_EQ(lines, std::size(sources)) << got << verdict;
  EXPECT_EQ(verdict.find("DIFFERS"), std::string::npos) << verdict;
  EXPECT_EQ(verdict.find("Error"), std::string::npos) << verdict;
}

TEST_F(UtilsFiles, ThumbnailRefusalsAreFrappes) {
  std::string made = pil("Image.new('RGB', (10, 10), 'red').save('" + files().string() +
                         "/red.png')\nprint('made')\n");
  SKIP_WITHOUT_PIL(made);
  std::string png = read(files() / "red.png");
  write(site / "private" / "files" / "p.png", png);
  write(files() / "red.svg", "<svg/>");
  write(files() / "red.foo", png);
  write(files() / "red.tiff", png);
  write(files() / "text.png", "not an image at all");
  write(root / "outside.png", png);
  fs::create_symlink(root / "outside.png", files() / "link.png");
  fs::create_directories(site / "public" / "filesX");
  write(site / "public" / "filesX" / "x.png", png);
  EXPECT_EQ(run("frappe.utils.get_thumbnail_base64_for_image('')\n"),
            "ValidationError: Invalid source for image: ");
  EXPECT_EQ(run("frappe.utils.get_thumbnail_base64_for_image(None)\n"),
            "ValidationError: Invalid source for image: None");
  EXPECT_EQ(run("t = frappe.utils.get_thumbnail_base64_for_image\n"
                "print([t(s) for s in ['/private/files/p.png', '/files/../private/files/p.png',\n"
                "    '/files/red.svg', '/files/missing.png', '/files/link.png', '/files/red.foo',\n"
                "    'files/red.png', 'http://x/files/red.png', '/filesX/x.png',\n"
                "    '/files/red\\x00.png', '/files/red.png?v=1']])\n"),
            "[None, None, None, None, None, None, None, None, None, None, None]\n");
  EXPECT_EQ(run("frappe.utils.get_thumbnail_base64_for_image('/files/text.png')\n"),
            "ValidationError: Unable to read file format for /files/text.png");
  EXPECT_EQ(run("frappe.utils.get_thumbnail_base64_for_image('/files')\n"),
            "ValidationError: Unable to read file format for /files");
  EXPECT_EQ(run("frappe.utils.get_thumbnail_base64_for_image('/files/red.tiff')\n")
                .rfind("NotImplementedError: get_thumbnail_base64_for_image writes png", 0),
            0u);
  EXPECT_EQ(run("r = frappe.utils.get_thumbnail_base64_for_image('/files/red.png')\n"
                "print(r['width'], r['height'], r['base64'][:22])\n"),
            "10 10 data:image/png;base64,\n");
}

TEST_F(UtilsFiles, ThumbnailFollowsAChangedFile) {
  std::string made = pil("Image.new('RGB', (60, 30), 'red').save('" + files().string() +
                         "/a.png')\nImage.new('RGB', (70, 140), 'blue').save('" + files().string() +
                         "/b.png')\nprint('made')\n");
  SKIP_WITHOUT_PIL(made);
  std::string script =
      "r = frappe.utils.get_thumbnail_base64_for_image('/files/c.png')\n"
      "print(r['width'], r['height'])\n";
  fs::copy_file(files() / "a.png", files() / "c.png");
  EXPECT_EQ(run(script), "60 30\n");
  EXPECT_EQ(run(script), "60 30\n");  // from the cache
  fs::copy_file(files() / "b.png", files() / "c.png", fs::copy_options::overwrite_existing);
  EXPECT_EQ(run(script), "70 140\n");
}

TEST_F(UtilsFiles, ImageToBase64SaysItNeedsAPilImage) {
  EXPECT_EQ(run("frappe.utils.image_to_base64('x', 'png')\n"),
            "TypeError: image_to_base64() expects a PIL Image, which scripts cannot make in "
            "quire (there is no PIL); get_thumbnail_base64_for_image(src) gives a site image's "
            "thumbnail");
  EXPECT_EQ(run("frappe.utils.image_to_base64('x')\n").rfind("TypeError", 0), 0u);
}

// Headers that announce huge images are refused before anything is decoded
// (Pillow's decompression-bomb rule); corrupt and truncated files fail
// cleanly. Every outcome is a result or a script exception, never a crash.
TEST_F(UtilsFiles, HostileImagesAreRefusedCleanly) {
  std::string made =
      pil("d = '" + files().string() +
          "'\n"
          "im = Image.new('RGB', (120, 90))\n"
          "im.putdata([(x % 256, (x * 7) % 256, (x * 13) % 256) for x in range(120 * 90)])\n"
          "im.save(d + '/v.png'); im.save(d + '/v.jpg'); im.save(d + '/v.webp')\n"
          "im.save(d + '/p.jpg', progressive=True)\n"
          "im.convert('P').save(d + '/v.gif'); im.save(d + '/v.bmp')\n"
          "print('made')\n");
  SKIP_WITHOUT_PIL(made);
  // A PNG header claiming 100000 x 100000 pixels, and a GIF screen of 65535 x 65535.
  std::string png = read(files() / "v.png");
  std::string bomb = png;
  for (int i : {16, 20}) {
    bomb[i] = 0, bomb[i + 1] = 1, bomb[i + 2] = static_cast<char>(0x86),
    bomb[i + 3] = static_cast<char>(0xa0);
  }
  write(files() / "bomb.png", bomb);
  std::string gif = read(files() / "v.gif");
  gif[6] = gif[7] = gif[8] = gif[9] = static_cast<char>(0xff);
  write(files() / "bomb.gif", gif);
  // The limit is Pillow's 89478485 or what the run's memory holds, if less.
  auto refused = [](const std::string& out, const std::string& pixels) {
    return out.rfind("ValidationError: Image size (" + pixels + " pixels) exceeds limit of ", 0) ==
               0 &&
           out.find(" pixels, could be decompression bomb DOS attack.") != std::string::npos;
  };
  EXPECT_PRED2(refused, run("frappe.utils.get_thumbnail_base64_for_image('/files/bomb.png')\n"),
               "10000000000");
  EXPECT_PRED2(refused, run("frappe.utils.get_thumbnail_base64_for_image('/files/bomb.gif')\n"),
               "4294836225");
  // A JPEG of thousands of scans (a CPU bomb for a progressive decoder).
  std::string jpg = read(files() / "p.jpg");
  std::string scans = jpg.substr(0, jpg.size() - 2);
  for (int i = 0; i < 500; ++i)
    scans += std::string("\xff\xda\x00\x08\x01\x01\x00\x00\x00\x00", 10);
  write(files() / "scans.jpg", scans + "\xff\xd9");
  EXPECT_EQ(run("frappe.utils.get_thumbnail_base64_for_image('/files/scans.jpg')\n"),
            "OSError: JPEG with more than 100 scans");
  // Truncations and byte flips of every format.
  std::mt19937 random(7);
  int outcomes = 0;
  for (const char* name : {"v.png", "v.jpg", "p.jpg", "v.webp", "v.gif", "v.bmp"}) {
    std::string good = read(files() / name);
    std::string ext = fs::path(name).extension().string();
    for (int variant = 0; variant < 24; ++variant) {
      std::string bad = good;
      if (variant < 8) {
        bad.resize(good.size() * variant / 8);
      } else {
        for (int flips = 0; flips < variant - 6; ++flips) {
          bad[random() % bad.size()] = static_cast<char>(random());
        }
      }
      write(files() / ("bad" + ext), bad);
      std::string out = run("r = frappe.utils.get_thumbnail_base64_for_image('/files/bad" + ext +
                            "')\nprint(type(r).__name__)\n");
      bool known = out == "dict\n" || out.rfind("ValidationError: ", 0) == 0 ||
                   out.rfind("OSError: ", 0) == 0;
      EXPECT_TRUE(known) << name << " variant " << variant << ": " << out;
      ++outcomes;
    }
  }
  EXPECT_EQ(outcomes, 6 * 24);
}

}  // namespace
}  // namespace quire::scripting::testing
