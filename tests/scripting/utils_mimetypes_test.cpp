// The top-level guess_mimetype (Frappe binds mimetypes.guess_type) and
// frappe.utils.is_image, against python3's mimetypes.guess_type on the same
// machine (its built-in tables and the mime.types files it reads).

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using UtilsMimetypes = ScriptingTest;

const char* const kNames[] = {"a.jpg",
                              "b.PNG",
                              "report.pdf",
                              "x.tar.gz",
                              "x.tgz",
                              "X.TGZ",
                              "y.svgz",
                              "z.Z",
                              "z.z",
                              "archive.tar.bz2",
                              "w.txz",
                              "doc.DOCX",
                              "notes.txt",
                              "page.html",
                              "page.HTM",
                              "data.json",
                              "style.css",
                              "app.js",
                              "m.mjs",
                              "song.mp3",
                              "clip.mp4",
                              "sheet.xlsx",
                              "sheet.xls",
                              "slides.pptx",
                              "image.webp",
                              "icon.ico",
                              "font.woff2",
                              "noext",
                              ".bashrc",
                              "..png",
                              "dir.d/file",
                              "a.b/c",
                              "file.",
                              "https://example.com/a/b.png?x=1",
                              "https://example.com/a/b.png",
                              "HTTP://x/y.GIF",
                              "data:image/png;base64,AAAA",
                              "data:text/html,<p>",
                              "data:,plain",
                              "data:a=b,x",
                              "data:nocomma",
                              "c:/files/x.rtf",
                              "mailto:x@y.z",
                              "ftp://h/p.zip",
                              "file.mid",
                              "file.rtf",
                              "photo.jpeg.gz",
                              "p.Jpg.br",
                              "weird.xz.gz",
                              "x.xml",
                              "x.csv",
                              "x.md",
                              "x.heic",
                              "x.avif",
                              "x.7z",
                              "x.exe",
                              "x.wasm",
                              "x.svg",
                              "x.ogg",
                              "x.wav",
                              "x.tif",
                              "x.bmp",
                              "x.msg",
                              "x.eml"};

std::string names_list() {
  std::string out;
  for (const char* n : kNames) {
    std::string quoted;
    for (const char* c = n; *c; ++c) {
      if (*c == '\\' || *c == '\'') quoted += '\\';
      quoted += *c;
    }
    out += "'" + quoted + "', ";
  }
  return out;
}

TEST_F(UtilsMimetypes, GuessMimetypeIsMimetypesGuessType) {
  const std::string names = "names = [" + names_list() + "]\n";
  std::string got = run(names +
                        "for n in names:\n"
                        "    print(n, guess_mimetype(n), guess_mimetype(n, strict=False),\n"
                        "          frappe.utils.is_image(n))\n");
  std::string expected =
      run_python(names +
                     "import mimetypes\n"
                     "m = mimetypes\n"
                     "def is_image(p):\n"
                     "    t = m.guess_type(p.split('?', 1)[0])[0] or ''\n"
                     "    return t.startswith('image/')\n"
                     "for n in names:\n"
                     "    print(n, m.guess_type(n), m.guess_type(n, strict=False),\n"
                     "          is_image(n))\n",
                 "/usr/bin/python3");
  EXPECT_EQ(got, expected);
}

TEST_F(UtilsMimetypes, ANonStringIsATypeError) {
  EXPECT_EQ(run("try:\n"
                "    guess_mimetype(5)\n"
                "except TypeError as e:\n"
                "    print(e)\n"),
            "expected str, bytes or os.PathLike object, not int\n");
}

}  // namespace
}  // namespace quire::scripting::testing
