// open_beneath: a file below a site folder is opened with every component
// resolved beneath the folder, so a directory swapped for a symlink after
// the path was checked cannot take the open outside (the thumbnail and
// pdf_to_base64 readers checked the real path, then opened it by name).

#include "scripting/utils_files_open.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>

namespace quire::scripting::testing {
namespace {

namespace fs = std::filesystem;

// Each case runs with openat2 and with the fallback walk.
class OpenBeneath : public ::testing::TestWithParam<bool> {
 public:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "quire-open-beneath-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root = pattern;
    files = root / "site" / "public" / "files";
    outside = root / "outside";
    fs::create_directories(files / "folder");
    fs::create_directories(outside);
    write(files / "folder" / "a.txt", "inside");
    write(outside / "a.txt", "outside");
  }
  void TearDown() override { fs::remove_all(root); }

  static void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

  // What open_beneath(files, relative) reads, or "errno N".
  std::string read(const std::string& relative) {
    int fd = GetParam() ? open_beneath_by_walking(files.string(), relative)
                        : open_beneath(files.string(), relative);
    if (fd < 0) return "errno " + std::to_string(errno);
    char buf[64];
    ssize_t n = ::read(fd, buf, sizeof buf);
    ::close(fd);
    return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  }

  fs::path root, files, outside;
};

TEST_P(OpenBeneath, OpensAFileBelowTheFolder) {
  EXPECT_EQ(read("folder/a.txt"), "inside");
}

// The race the check could not see: the folder checked, then swapped for a
// symlink to a directory outside. Opening the checked path by name (as the
// readers did, O_NOFOLLOW guarding only the last component) reads outside.
TEST_P(OpenBeneath, ADirectorySwappedForASymlinkIsNotFollowedOut) {
  fs::rename(files / "folder", root / "moved");
  fs::create_directory_symlink(outside, files / "folder");
  int by_name = ::open((files / "folder" / "a.txt").c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  ASSERT_GE(by_name, 0);  // what the old open did
  ::close(by_name);
  EXPECT_EQ(read("folder/a.txt").rfind("errno ", 0), 0u);
}

TEST_P(OpenBeneath, TheLastComponentAsASymlinkOutIsRefused) {
  fs::create_symlink(outside / "a.txt", files / "link.txt");
  EXPECT_EQ(read("link.txt").rfind("errno ", 0), 0u);
}

TEST_P(OpenBeneath, DotDotCannotClimbOut) {
  EXPECT_EQ(read("../../../outside/a.txt").rfind("errno ", 0), 0u);
  EXPECT_EQ(read("folder/../../../../outside/a.txt").rfind("errno ", 0), 0u);
}

INSTANTIATE_TEST_SUITE_P(OpenAt2AndWalk, OpenBeneath, ::testing::Bool());

}  // namespace
}  // namespace quire::scripting::testing
