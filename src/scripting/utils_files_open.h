#pragma once
// Opening a file a script names below a site folder, so that the path check
// and the open are one step: a directory of the path swapped for a symlink
// after a check (by someone who can write in the files folder) cannot lead
// the open outside the folder.

#include <string>

namespace quire::scripting {

// Opens `relative` (a path under `base_dir`, no leading '/') read-only.
// Every component is resolved beneath `base_dir`: with openat2's
// RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS where the kernel has it (symlinks
// that stay inside are followed, ones leading out fail with EXDEV), else
// walking one component at a time with O_NOFOLLOW (any symlink fails with
// ELOOP or ENOTDIR). Returns the descriptor, or -1 with errno set.
int open_beneath(const std::string& base_dir, const std::string& relative);

// The fallback alone (for tests on kernels that have openat2).
int open_beneath_by_walking(const std::string& base_dir, const std::string& relative);

}  // namespace quire::scripting
