#include "scripting/utils_files_open.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace quire::scripting {

namespace {

// Closes a descriptor when it goes out of scope (the walk's directories).
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

int open_with_openat2(int dir, const std::string& relative) {
  open_how how{};
  how.flags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  return static_cast<int>(::syscall(SYS_openat2, dir, relative.c_str(), &how, sizeof how));
}

// The fallback: one component at a time, none of them a symlink, no "..".
int open_by_walking(int dir, const std::string& relative) {
  Descriptor current{::dup(dir)};
  if (current.fd < 0) return -1;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = relative.find('/', start);
    std::string part = relative.substr(start, slash == std::string::npos ? slash : slash - start);
    if (part == "..") {
      errno = EXDEV;
      return -1;
    }
    if (slash == std::string::npos) {
      return ::openat(current.fd, part.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    }
    if (!part.empty() && part != ".") {
      Descriptor next{
          ::openat(current.fd, part.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_DIRECTORY)};
      if (next.fd < 0) return -1;
      std::swap(current.fd, next.fd);
    }
    start = slash + 1;
  }
}

}  // namespace

int open_beneath(const std::string& base_dir, const std::string& relative) {
  Descriptor base{::open(base_dir.c_str(), O_RDONLY | O_CLOEXEC | O_DIRECTORY)};
  if (base.fd < 0) return -1;
  int fd = open_with_openat2(base.fd, relative);
  // ENOSYS: a kernel before 5.6; EPERM: a seccomp filter refusing it.
  if (fd < 0 && (errno == ENOSYS || errno == EPERM)) fd = open_by_walking(base.fd, relative);
  return fd;
}

int open_beneath_by_walking(const std::string& base_dir, const std::string& relative) {
  Descriptor base{::open(base_dir.c_str(), O_RDONLY | O_CLOEXEC | O_DIRECTORY)};
  if (base.fd < 0) return -1;
  return open_by_walking(base.fd, relative);
}

}  // namespace quire::scripting
